# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Local servers speaking the protocols of the real providers, for tests.

- RechercheEntreprisesServer: HTTP/JSON like
  https://recherche-entreprises.api.gouv.fr/search, with responses in the
  shape documented by the API (fictitious companies);
- ViesServer: SOAP 1.1 like the VIES checkVat service of the European
  Commission; serves the WSDL (its address pointing at itself) on GET and
  answers checkVat on POST.

Both listen on 127.0.0.1 on a free port in a thread, record the requests they
get (``requests``) and can be told to fail (``fail_status`` for an HTTP error,
``fault`` for a SOAP fault, ``delay`` to answer late). Use them as context
managers. ``closed_port_url()`` gives a URL where nothing listens.
"""
import json
import os
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

    def _send(self, status, body, content_type):
        if isinstance(body, str):
            body = body.encode('utf-8')
        try:
            self.send_response(status)
            self.send_header('Content-Type', content_type)
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
        status, body, content_type = server.answer(method, self.path, body)
        self._send(status, body, content_type)

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
