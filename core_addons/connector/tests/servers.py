# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Local servers speaking the protocols of the real providers, for tests.

- RechercheEntreprisesServer: HTTP/JSON like
  https://recherche-entreprises.api.gouv.fr/search, with responses in the
  shape documented by the API (fictitious companies);
- ViesServer: SOAP 1.1 like the VIES checkVat service of the European
  Commission; serves the WSDL (its address pointing at itself) on GET and
  answers checkVat on POST;
- PrestaShopServer: XML like the webservice of a PrestaShop shop (/api/...,
  HTTP Basic auth with the webservice key), the products of a fictitious
  powder supplier with their features.

All listen on 127.0.0.1 on a free port in a thread, record the requests they
get (``requests``) and can be told to fail (``fail_status`` for an HTTP error,
``fault`` for a SOAP fault, ``delay`` to answer late). Use them as context
managers. ``closed_port_url()`` gives a URL where nothing listens.
"""
import base64
import functools
import json
import os
import re
import socket
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WSDL_PATH = os.path.join(
    os.path.dirname(os.path.dirname(__file__)),
    'providers', 'fixtures', 'checkVatService.wsdl')
VIES_ADDRESS = (
    'https://ec.europa.eu/taxation_customs/vies/services/checkVatService')
TYPES_NS = 'urn:ec.europa.eu:taxud:vies:services:checkVat:types'
SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/'


def closed_port_url():
    "An http URL on 127.0.0.1 where no server listens."
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        port = sock.getsockname()[1]
    return 'http://127.0.0.1:%s' % port


class _Handler(BaseHTTPRequestHandler):

    def log_message(self, format, *args):
        pass

    def _send(self, status, body, content_type, headers=None):
        if isinstance(body, str):
            body = body.encode('utf-8')
        try:
            self.send_response(status)
            self.send_header('Content-Type', content_type)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header('Content-Length', str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (timeout tests)

    def _handle(self, method):
        server = self.server.owner
        length = int(self.headers.get('Content-Length') or 0)
        body = self.rfile.read(length) if length else b''
        server.requests.append({
                'method': method,
                'path': self.path,
                'headers': dict(self.headers),
                'body': body,
                })
        if server.delay:
            time.sleep(server.delay)
        # answer() gives (status, body, content type[, headers])
        self._send(*server.answer(method, self.path, body))

    def do_GET(self):
        self._handle('GET')

    def do_POST(self):
        self._handle('POST')


class LocalServer:
    "An HTTP server on 127.0.0.1 in a thread; subclasses define answer()."

    def __init__(self):
        self.requests = []
        self.fail_status = None
        self.delay = 0
        self._httpd = None
        self._thread = None

    @property
    def url(self):
        host, port = self._httpd.server_address[:2]
        return 'http://%s:%s' % (host, port)

    def start(self):
        self._httpd = ThreadingHTTPServer(('127.0.0.1', 0), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.owner = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={'poll_interval': 0.05},
            daemon=True)
        self._thread.start()
        return self

    def stop(self):
        if self._httpd:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._thread.join(5)
            self._httpd = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def answer(self, method, path, body):
        raise NotImplementedError


# --- recherche-entreprises --------------------------------------------------

def _etablissement(siret, numero, type_voie, voie, postal_code, city, naf,
        etat='A', siege=True, complement=None):
    adresse = ' '.join(p for p in (
            complement, numero, type_voie, voie, postal_code, city) if p)
    return {
        'siret': siret,
        'activite_principale': naf,
        'adresse': adresse,
        'code_postal': postal_code,
        'commune': '00000',
        'libelle_commune': city,
        'complement_adresse': complement,
        'numero_voie': numero,
        'indice_repetition': None,
        'type_voie': type_voie,
        'libelle_voie': voie,
        'est_siege': siege,
        'etat_administratif': etat,
        'date_creation': '2010-03-01',
        'latitude': '45.0',
        'longitude': '4.8',
        }


def _unite(siren, name, naf, siege, matching=None, etat='A'):
    return {
        'siren': siren,
        'nom_complet': name,
        'nom_raison_sociale': name,
        'sigle': None,
        'nombre_etablissements': 1 + len(matching or []),
        'nombre_etablissements_ouverts': 1,
        'siege': siege,
        'activite_principale': naf,
        'categorie_entreprise': 'PME',
        'date_creation': '2010-03-01',
        'date_fermeture': None if etat == 'A' else '2022-12-31',
        'etat_administratif': etat,
        'nature_juridique': '5710',
        'section_activite_principale': 'G',
        'tranche_effectif_salarie': '03',
        'dirigeants': [],
        'matching_etablissements': matching if matching is not None
        else [siege],
        'finances': {},
        'complements': {},
        }


LEFEVRE_SIEGE = _etablissement(
    '41273659700011', '12', 'RUE', 'DES ECOLES', '69003', 'LYON 3EME',
    '45.20A')
LEFEVRE_ANNEXE = _etablissement(
    '41273659700029', '4', 'AV', 'JEAN JAURES', '69007', 'LYON 7EME',
    '45.20A', etat='F', siege=False)
LEFEVRE = _unite(
    '412736597', 'GARAGE LEFEVRE ET FILS', '45.20A', LEFEVRE_SIEGE)
THERMO = _unite(
    '503218471', 'THERMOLAQUAGE DU SUD-OUEST', '25.61Z', _etablissement(
        '50321847100012', '7', 'CHE', 'DU HALAGE', '33310', 'LORMONT',
        '25.61Z', complement="ZA DE L'ESTUAIRE"))
OISE = _unite(
    '388114902', "ATELIERS MECANIQUES DE L'OISE", '33.12Z', _etablissement(
        '38811490200017', '21', 'RUE', 'DE LA FORET', '60200', 'COMPIEGNE',
        '33.12Z', etat='F'), etat='C')


def _page(results):
    return {
        'results': results,
        'total_results': len(results),
        'page': 1,
        'per_page': 10,
        'total_pages': 1 if results else 0,
        }


class RechercheEntreprisesServer(LocalServer):
    """Answers GET /search?q=... like recherche-entreprises.api.gouv.fr.

    ``responses`` maps a query (lower case) to the JSON answer; any other
    query of 3 characters or more finds nothing."""

    def __init__(self):
        super().__init__()
        self.responses = {
            '412736597': _page([LEFEVRE]),
            '41273659700029': _page([
                    dict(LEFEVRE, matching_etablissements=[LEFEVRE_ANNEXE])]),
            '41273659700011': _page([LEFEVRE]),
            'thermolaquage': _page([THERMO]),
            'garage': _page([LEFEVRE]),
            '388114902': _page([OISE]),
            'ateliers': _page([OISE, THERMO]),
            }

    def queries(self):
        "The q parameter of each request received."
        return [urllib.parse.parse_qs(urllib.parse.urlsplit(
                    r['path']).query).get('q', [None])[0]
            for r in self.requests]

    def answer(self, method, path, body):
        content_type = 'application/json'
        if self.fail_status:
            return (self.fail_status,
                '<html><body>Internal Server Error</body></html>',
                'text/html')
        split = urllib.parse.urlsplit(path)
        if method != 'GET' or split.path != '/search':
            return 404, json.dumps({'erreur': 'Not found'}), content_type
        params = urllib.parse.parse_qs(split.query)
        query = params.get('q', [''])[0].strip().lower()
        if len(query) < 3:
            return 400, json.dumps({
                    'erreur': 'Veuillez indiquer au moins un paramètre de '
                    'recherche (3 caractères minimum).'}), content_type
        response = self.responses.get(query, _page([]))
        return 200, json.dumps(response), content_type


# --- VIES -------------------------------------------------------------------

CHECK_VAT_RESPONSE = '''<?xml version="1.0" encoding="UTF-8"?>
<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/">
<env:Header/>
<env:Body>
<ns2:checkVatResponse xmlns:ns2="urn:ec.europa.eu:taxud:vies:services:checkVat:types">
<ns2:countryCode>{country_code}</ns2:countryCode>
<ns2:vatNumber>{number}</ns2:vatNumber>
<ns2:requestDate>2026-11-21+01:00</ns2:requestDate>
<ns2:valid>{valid}</ns2:valid>
<ns2:name>{name}</ns2:name>
<ns2:address>{address}</ns2:address>
</ns2:checkVatResponse>
</env:Body>
</env:Envelope>'''

SOAP_FAULT = '''<?xml version="1.0" encoding="UTF-8"?>
<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/">
<env:Header/>
<env:Body>
<env:Fault>
<faultcode>env:Server</faultcode>
<faultstring>{code}</faultstring>
</env:Fault>
</env:Body>
</env:Envelope>'''


def _escape(text):
    return (text.replace('&', '&amp;').replace('<', '&lt;')
        .replace('>', '&gt;'))


class ViesServer(LocalServer):
    """Answers like the VIES checkVat SOAP service.

    GET (any path) returns the WSDL with its address set to this server;
    POST answers checkVat: the numbers in ``registered`` are valid with their
    name and address, any other is not. ``fault`` set to a VIES fault code
    (e.g. 'MS_UNAVAILABLE') makes every checkVat answer that SOAP fault."""

    def __init__(self):
        super().__init__()
        self.fault = None
        self.fail_body = '<html><body>Service Unavailable</body></html>'
        self.registered = {
            ('FR', '50412736597'): (
                'SARL GARAGE LEFEVRE ET FILS',
                '12 RUE DES ECOLES\n69003 LYON'),
            ('DE', '136695976'): ('---', '---'),
            }

    @property
    def wsdl_url(self):
        return self.url + '/checkVatService.wsdl'

    @property
    def endpoint(self):
        return self.url + '/taxation_customs/vies/services/checkVatService'

    def check_vat_requests(self):
        "The (countryCode, vatNumber) of each checkVat request received."
        result = []
        for request in self.requests:
            if request['method'] != 'POST':
                continue
            root = ET.fromstring(request['body'])
            result.append((
                    root.findtext('.//{%s}countryCode' % TYPES_NS),
                    root.findtext('.//{%s}vatNumber' % TYPES_NS)))
        return result

    def answer(self, method, path, body):
        xml = 'text/xml; charset=utf-8'
        if self.fail_status:
            return self.fail_status, self.fail_body, 'text/html'
        if method == 'GET':
            with open(WSDL_PATH, encoding='utf-8') as file:
                wsdl = file.read().replace(VIES_ADDRESS, self.endpoint)
            return 200, wsdl, xml
        if self.fault:
            return 500, SOAP_FAULT.format(code=self.fault), xml
        try:
            root = ET.fromstring(body)
        except ET.ParseError:
            return 500, SOAP_FAULT.format(code='INVALID_INPUT'), xml
        country_code = root.findtext('.//{%s}countryCode' % TYPES_NS)
        number = root.findtext('.//{%s}vatNumber' % TYPES_NS)
        if (root.find('.//{%s}checkVat' % TYPES_NS) is None
                or not country_code or not number):
            return 500, SOAP_FAULT.format(code='INVALID_INPUT'), xml
        registered = self.registered.get((country_code, number))
        name, address = registered or ('---', '---')
        return 200, CHECK_VAT_RESPONSE.format(
            country_code=_escape(country_code), number=_escape(number),
            valid='true' if registered else 'false',
            name=_escape(name), address=_escape(address)), xml


# --- PrestaShop webservice --------------------------------------------------

PRESTASHOP_KEY = 'TPW3BSERV1CEK3YF0RATEL1ERT3STS00'  # 32 characters
PS_XML = 'text/xml;charset=utf-8'
PS_HEADERS = {'PSWS-Version': '8.1.7', 'Execution-Time': '0.012'}
PS_REALM = ('Basic realm="Welcome to PrestaShop Webservice, please enter the '
    'authentication key as the login. No password required."')
# feature id -> (French name, English name)
PS_FEATURES = {
    1: ("Type de poudre", "Powder type"),
    2: ("RAL", "RAL"),
    3: ("Finition", "Finish"),
    4: ("Densité", "Specific gravity"),
    5: ("Épaisseur conseillée (µm)", "Recommended thickness (µm)"),
    6: ("Rendement", "Efficiency"),
    7: ("Température de cuisson (°C)", "Curing temperature (°C)"),
    8: ("Durée de cuisson (min)", "Curing time (min)"),
    9: ("Conditionnement", "Packaging"),
    10: ("Usage", "Use"),
    }
# feature value id -> (feature id, custom, French value, English value)
PS_FEATURE_VALUES = {
    11: (1, 0, "Polyester", "Polyester"),
    12: (1, 0, "Époxy", "Epoxy"),
    13: (1, 0, "Vernis", "Varnish"),
    21: (2, 1, "7016", "7016"),
    22: (2, 1, "RAL 7035 Gris clair", "RAL 7035 Light grey"),
    31: (3, 0, "Brillant", "Gloss"),
    32: (3, 0, "Sablé", "Fine texture"),
    41: (4, 1, "1,45", "1.45"),
    42: (4, 1, "1,62", "1.62"),
    43: (4, 1, "1,2", "1.2"),
    51: (5, 0, "70", "70"),
    52: (5, 0, "60 µm", "60 µm"),
    61: (6, 0, "65 %", "65 %"),
    62: (6, 0, "0,7", "0.7"),
    71: (7, 0, "180", "180"),
    72: (7, 0, "180 °C", "180 °C"),
    81: (8, 0, "15", "15"),
    82: (8, 0, "15 min", "15 min"),
    91: (9, 0, "Carton 20 kg (tare 0,6 kg)", "20 kg box (tare 0.6 kg)"),
    92: (9, 0, "Carton 25 kg (tare 0,7 kg)", "25 kg box (tare 0.7 kg)"),
    101: (10, 0, "Extérieur", "Outdoor"),
    }
PS_PRODUCTS = [{
        # sold by the 20 kg box, its unit price by kg (PrestaShop 1.7 way)
        'id': 101, 'reference': 'TP-7016-BR',
        'name': ("Polyester RAL 7016 gris anthracite brillant",
            "Polyester RAL 7016 anthracite grey gloss"),
        'link_rewrite': ("polyester-ral-7016-gris-anthracite-brillant",
            "polyester-ral-7016-anthracite-grey-gloss"),
        'price': '258.000000', 'unity': 'kg', 'unit_price_ratio': '20.000000',
        'features': [(1, 11), (2, 21), (3, 31), (4, 41), (5, 51), (6, 61),
            (7, 71), (8, 81), (9, 92), (9, 91), (10, 101)],
        }, {
        # sold by the kg
        'id': 102, 'reference': 'TP-EP-7035-BR',
        'name': ("Époxy RAL 7035 gris clair brillant",
            "Epoxy RAL 7035 light grey gloss"),
        'link_rewrite': ("epoxy-ral-7035-gris-clair-brillant",
            "epoxy-ral-7035-light-grey-gloss"),
        'price': '9.800000', 'unity': '', 'unit_price_ratio': '0.000000',
        'features': [(1, 12), (2, 22), (3, 31), (4, 42), (5, 52), (6, 62),
            (7, 72), (8, 82), (9, 91)],
        }, {
        # by the 20 kg box with its unit price (PrestaShop 8 way), no RAL
        'id': 103, 'reference': 'TP-VE-BR',
        'name': ("Vernis polyester incolore brillant",
            "Clear polyester varnish gloss"),
        'link_rewrite': ("vernis-polyester-incolore-brillant",
            "clear-polyester-varnish-gloss"),
        'price': '338.000000', 'unity': 'kg', 'unit_price_ratio': '20.000000',
        'unit_price': '16.900000',
        'features': [(1, 13), (3, 31), (4, 43)],
        }]
PS_ERROR = '''<?xml version="1.0" encoding="UTF-8"?>
<prestashop xmlns:xlink="http://www.w3.org/1999/xlink">
<errors>
<error>
<code><![CDATA[{code}]]></code>
<message><![CDATA[{message}]]></message>
</error>
</errors>
</prestashop>
'''


def _cdata(value):
    return '<![CDATA[%s]]>' % value


class PrestaShopServer(LocalServer):
    """Answers GET /api/<resource> like the webservice of a PrestaShop 8 shop
    (XML output), for the resources products, product_features and
    product_feature_values: a list (``display=full`` for the fields, else
    the ids), one record (/api/products/101), the ``filter[field]``
    operators literal ``[x]`` (case-insensitive) and OR ``[x|y]``.

    The key (``keys`` maps each key to the resources it may read) is the
    login of HTTP Basic auth or the ``ws_key`` parameter. Languages: 1 is
    French, 2 English. ``broken`` makes every answer truncated XML."""

    RESOURCES = {
        'products': 'product',
        'product_features': 'product_feature',
        'product_feature_values': 'product_feature_value',
        }

    def __init__(self):
        super().__init__()
        self.broken = False
        self.keys = {PRESTASHOP_KEY: set(self.RESOURCES)}
        self.products = [dict(p) for p in PS_PRODUCTS]
        self.features = dict(PS_FEATURES)
        self.feature_values = dict(PS_FEATURE_VALUES)

    def resource_requests(self):
        "The (resource path, params) of each request received."
        result = []
        for request in self.requests:
            split = urllib.parse.urlsplit(request['path'])
            result.append((split.path, dict(urllib.parse.parse_qsl(
                            split.query))))
        return result

    # rendering

    def start(self):
        super().start()
        # kept: a late answer (timeout tests) may come after stop()
        self.base_url = self.url
        return self

    def _href(self, resource, id_):
        return '%s/api/%s/%s' % (self.base_url, resource, id_)

    def _languages(self, values):
        return ''.join(
            '<language id="%s" xlink:href="%s">%s</language>' % (
                i, self._href('languages', i), _cdata(v))
            for i, v in enumerate(values, 1))

    def _product(self, product):
        features = ''.join(
            '<product_feature xlink:href="%s"><id>%s</id>'
            '<id_feature_value xlink:href="%s">%s</id_feature_value>'
            '</product_feature>' % (
                self._href('product_features', f), _cdata(f),
                self._href('product_feature_values', v), _cdata(v))
            for f, v in product['features'])
        return ''.join([
                '<product>',
                '<id>%s</id>' % _cdata(product['id']),
                '<id_manufacturer xlink:href="%s">%s</id_manufacturer>' % (
                    self._href('manufacturers', 3), _cdata(3)),
                '<id_supplier>%s</id_supplier>' % _cdata(0),
                '<id_category_default xlink:href="%s">%s'
                '</id_category_default>' % (
                    self._href('categories', 12), _cdata(12)),
                '<manufacturer_name notFilterable="true">%s'
                '</manufacturer_name>' % _cdata('Thermopoudre'),
                '<type notFilterable="true">%s</type>' % _cdata('simple'),
                '<reference>%s</reference>' % _cdata(product['reference']),
                '<ean13>%s</ean13>' % _cdata(''),
                '<weight>%s</weight>' % _cdata('20.600000'),
                '<price>%s</price>' % _cdata(product['price']),
                '<wholesale_price>%s</wholesale_price>' % _cdata('0.000000'),
                '<unity>%s</unity>' % _cdata(product['unity']),
                '<unit_price_ratio>%s</unit_price_ratio>' % _cdata(
                    product['unit_price_ratio']),
                '<unit_price>%s</unit_price>' % _cdata(
                    product.get('unit_price', '0.000000')),
                '<active>%s</active>' % _cdata(1),
                '<link_rewrite>%s</link_rewrite>' % self._languages(
                    product['link_rewrite']),
                '<name>%s</name>' % self._languages(product['name']),
                '<description>%s</description>' % self._languages(
                    ['<p>Poudre thermodurcissable.</p>',
                        '<p>Thermosetting powder.</p>']),
                '<associations>',
                '<categories nodeType="category" api="categories">'
                '<category xlink:href="%s"><id>%s</id></category>'
                '</categories>' % (self._href('categories', 12), _cdata(12)),
                '<product_features nodeType="product_feature" '
                'api="product_features">%s</product_features>' % features,
                '</associations>',
                '</product>'])

    def _feature(self, id_):
        return (
            '<product_feature><id>%s</id><position>%s</position>'
            '<name>%s</name></product_feature>' % (
                _cdata(id_), _cdata(id_ - 1),
                self._languages(self.features[id_])))

    def _feature_value(self, id_):
        feature, custom, *values = self.feature_values[id_]
        return (
            '<product_feature_value><id>%s</id>'
            '<id_feature xlink:href="%s">%s</id_feature>'
            '<custom>%s</custom><value>%s</value>'
            '</product_feature_value>' % (
                _cdata(id_), self._href('product_features', feature),
                _cdata(feature), _cdata(custom), self._languages(values)))

    def _records(self, resource):
        "(id, fields for the filters, renderer) of `resource`."
        if resource == 'products':
            return [(p['id'], {'id': str(p['id']),
                        'reference': p['reference']},
                    functools.partial(self._product, p))
                for p in self.products]
        if resource == 'product_features':
            return [(i, {'id': str(i)}, functools.partial(self._feature, i))
                for i in sorted(self.features)]
        return [(i, {'id': str(i), 'id_feature': str(v[0])},
                functools.partial(self._feature_value, i))
            for i, v in sorted(self.feature_values.items())]

    @staticmethod
    def _document(content):
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<prestashop xmlns:xlink="http://www.w3.org/1999/xlink">\n'
            '%s\n</prestashop>\n' % content)

    def _error(self, status, code, message, headers=None):
        return status, PS_ERROR.format(code=code, message=message), PS_XML, \
            dict(PS_HEADERS, **(headers or {}))

    # answering

    def _key(self, params):
        authorization = self.headers_of_last_request.get('Authorization', '')
        if authorization.startswith('Basic '):
            try:
                login = base64.b64decode(authorization[6:]).decode('utf-8')
            except ValueError:
                login = ''
            return login.split(':', 1)[0]
        return params.get('ws_key')

    @property
    def headers_of_last_request(self):
        return self.requests[-1]['headers']

    def answer(self, method, path, body):
        if self.fail_status:
            return (self.fail_status,
                '<html><body>Service Unavailable</body></html>', 'text/html')
        split = urllib.parse.urlsplit(path)
        params = dict(urllib.parse.parse_qsl(split.query))
        key = self._key(params)
        realm = {'WWW-Authenticate': PS_REALM}
        if not key:
            return self._error(401, 17, 'Authentication key is empty', realm)
        if len(key) != 32:
            return self._error(
                401, 18, 'Invalid authentication key format', realm)
        if key not in self.keys:
            return self._error(
                401, 19, 'Authentication key does not exist', realm)
        parts = [p for p in split.path.split('/') if p]
        if not parts or parts[0] != 'api' or len(parts) > 3:
            return self._error(404, 0, 'Not found')
        if len(parts) == 1:
            return self._error(400, 22, 'Resource of type "" does not exist')
        resource = parts[1]
        if resource not in self.RESOURCES:
            return self._error(
                400, 22, 'Resource of type "%s" does not exist' % resource)
        if resource not in self.keys[key]:
            return self._error(401, 26, 'Resource of type "%s" is not '
                'allowed with this authentication key' % resource)
        if method != 'GET':
            return self._error(405, 0, 'Method Not Allowed')
        if self.broken:
            return 200, '<?xml version="1.0"?>\n<prestashop><products><pro', \
                PS_XML, PS_HEADERS
        records = self._records(resource)
        node = self.RESOURCES[resource]
        if len(parts) == 3:
            for id_, _, render in records:
                if parts[2] == str(id_):
                    return 200, self._document(render()), PS_XML, PS_HEADERS
            return self._error(404, 87, 'There is no %s with ID "%s"' % (
                    node, parts[2]))
        for name, value in params.items():
            if not name.startswith('filter['):
                continue
            field = name[len('filter['):-1]
            match = re.fullmatch(r'\[([^\[\]%,]*)\]', value)
            if not match:
                return self._error(
                    400, 0, 'Unsupported filter "%s"' % value)
            wanted = {v.casefold() for v in match.group(1).split('|')}
            records = [r for r in records
                if r[1].get(field, '').casefold() in wanted]
        if params.get('display') == 'full':
            items = ''.join(render() for _, _, render in records)
        else:
            items = ''.join('<%s id="%s" xlink:href="%s"/>' % (
                    node, id_, self._href(resource, id_))
                for id_, _, _ in records)
        return 200, self._document('<%s>%s</%s>' % (
                resource, items, resource)), PS_XML, PS_HEADERS
