# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Powder catalogue providers: fill a powder from its supplier's reference.

- ``thermopoudre_demo``: offline, reads the fictitious Thermopoudre-like
  powders of ``fixtures/powders.json`` (also the demo catalogue);
- ``prestashop``: the PrestaShop webservice of the supplier's shop (its XML
  API). Credentials: ``base_url`` (the shop's address, e.g.
  https://www.thermopoudre.fr) and ``ws_key`` (a webservice key allowed to
  GET products, product_features and product_feature_values); optional
  ``language`` (the id of the shop language to read, default: the first
  one given) and ``timeout`` (seconds, default 10).

The PrestaShop provider makes three GET requests, HTTP Basic auth with the
key as user and an empty password:

1. ``/api/products?filter[reference]=[REF]&display=full``: the product, its
   ``price`` (excl. VAT), ``unit_price``/``unit_price_ratio`` and ``unity``,
   ``link_rewrite`` and the ``product_features`` of its ``associations``;
2. ``/api/product_features?filter[id]=[1|2|...]&display=full``: the names
   of those features;
3. ``/api/product_feature_values?filter[id]=[...]&display=full``: their
   values.

The features are read through ``FEATURES``, by their French name as the
shop has them. The packagings come from the feature "Conditionnement",
one value per format (e.g. "Carton 20 kg (tare 0,6 kg)"), not from
combinations: a shop selling powder by the box rarely makes one combination
per box size, and a feature needs no extra request. The price per kg is the
unit price when the product's unit is the kg, else the price.

Every provider answers None for an unknown reference, else a dict with the
keys brand, reference, name, powder_type, ral, finish, specific_gravity,
thickness, efficiency, cure_temperature, cure_minutes, price_per_kg,
formats, url (see ``hub.Specs.atelier_lookup_powder``); a value the
catalogue does not give is None (formats: an empty list).
"""
import base64
import functools
import json
import os
import re
import socket
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ..exceptions import ConnectorError, ConnectorUnavailableError
from ..hub import Provider, hookimpl
from ..messages import gettext

CAPABILITY = 'powder_catalogue'
THERMOPOUDRE_DEMO = 'thermopoudre_demo'
PRESTASHOP = 'prestashop'
BRAND = 'Thermopoudre'
DEFAULT_TIMEOUT = 10
USER_AGENT = 'Atelier-ERP connector'
FIXTURES_PATH = os.path.join(
    os.path.dirname(__file__), 'fixtures', 'powders.json')
KEYS = (
    'brand', 'reference', 'name', 'powder_type', 'ral', 'finish',
    'specific_gravity', 'thickness', 'efficiency', 'cure_temperature',
    'cure_minutes', 'price_per_kg', 'formats', 'url')
POWDER_TYPES = (
    'epoxy', 'polyester', 'epoxy_polyester', 'polyurethane', 'acrylic',
    'primer', 'varnish')
FINISHES = (
    'matt', 'satin', 'gloss', 'textured', 'metallic', 'sanded', 'hammered')
# characters the webservice reads as filter operators
FILTER_OPERATORS = re.compile(r'[\[\]|%,]')
PRICE_DIGITS = Decimal('0.0001')


def normalize(text):
    """Lower case, no accents, no units in brackets, words separated by one
    space."""
    text = re.sub(r'\([^)]*\)', ' ', text or '')
    text = unicodedata.normalize('NFKD', text)
    text = ''.join(c for c in text if not unicodedata.combining(c))
    return ' '.join(re.sub(r'[\W_]+', ' ', text.casefold()).split())


def _provider_name(provider):
    return getattr(provider, 'name', provider)


def _clean_reference(reference):
    return ' '.join((reference or '').split())


# --- fixtures ---------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def fixture_powders():
    "The demo powders by normalized reference, their values as in the JSON."
    with open(FIXTURES_PATH, encoding='utf-8') as file:
        powders = json.load(file)['powders']
    return {normalize(p['reference']): p for p in powders}


def _from_fixture(powder):
    result = {k: powder.get(k) for k in KEYS}
    for key in ['specific_gravity', 'efficiency', 'price_per_kg']:
        if result[key] is not None:
            result[key] = Decimal(result[key])
    result['formats'] = [{
            'weight': Decimal(f['weight']),
            'tare': Decimal(f['tare']),
            } for f in powder.get('formats') or []]
    return result


def demo_powders():
    "Every powder of the demo catalogue, as the hook answers them."
    return [_from_fixture(p) for p in fixture_powders().values()]


def lookup_fixtures(reference):
    reference = _clean_reference(reference)
    if not reference:
        return None
    powder = fixture_powders().get(normalize(reference))
    return _from_fixture(powder) if powder else None


# --- value parsing (the features of a shop, in French) ----------------------

NUMBER = r'(\d+(?:[.,]\d+)?)'


def _decimal(text):
    match = re.search(NUMBER, text or '')
    if not match:
        return None
    try:
        return Decimal(match.group(1).replace(',', '.'))
    except InvalidOperation:
        return None


def parse_decimal(text):
    "'1,45' -> Decimal('1.45')"
    return _decimal(text)


def parse_integer(text):
    "'70 µm' -> 70"
    value = _decimal(text)
    return int(value.to_integral_value(ROUND_HALF_UP)) if value is not None \
        else None


def parse_fraction(text):
    "'65 %' or '0,65' -> Decimal('0.65')"
    value = _decimal(text)
    if value is None:
        return None
    if '%' in text or value > 1:
        value = value / 100
    return value


def parse_ral(text):
    "'7016', 'RAL 7016 Gris anthracite' -> 'RAL 7016'; anything else None."
    match = re.search(r'\b(\d{4})\b', text or '')
    return 'RAL %s' % match.group(1) if match else None


# French value (normalized) -> Atelier's code
POWDER_TYPE_VALUES = {
    'epoxy': 'epoxy',
    'polyester': 'polyester',
    'epoxy polyester': 'epoxy_polyester',
    'hybride': 'epoxy_polyester',
    'hybride epoxy polyester': 'epoxy_polyester',
    'polyurethane': 'polyurethane',
    'acrylique': 'acrylic',
    'primaire': 'primer',
    'vernis': 'varnish',
    }
FINISH_VALUES = {
    'mat': 'matt',
    'satine': 'satin',
    'brillant': 'gloss',
    'texture': 'textured',
    'structure': 'textured',
    'metallise': 'metallic',
    'sable': 'sanded',
    'martele': 'hammered',
    }


def parse_powder_type(text):
    "'Époxy-polyester' -> 'epoxy_polyester'; unknown -> None"
    return POWDER_TYPE_VALUES.get(normalize(text))


def parse_finish(text):
    "'Satiné' -> 'satin'; unknown -> None"
    return FINISH_VALUES.get(normalize(text))


def parse_format(text):
    """'Carton 20 kg (tare 0,6 kg)' -> {'weight': Decimal('20'), 'tare':
    Decimal('0.6')}; the tare is 0 when the shop gives none; None without a
    weight in kg."""
    text = text or ''
    tare = Decimal(0)
    match = re.search(r'tare\D*?' + NUMBER + r'\s*kg', text, re.IGNORECASE)
    if match:
        tare = Decimal(match.group(1).replace(',', '.'))
        text = text[:match.start()] + text[match.end():]
    match = re.search(NUMBER + r'\s*kg', text, re.IGNORECASE)
    if not match:
        return None
    return {
        'weight': Decimal(match.group(1).replace(',', '.')),
        'tare': tare,
        }


# The features of the shop (their name as the shop has them, in French):
# the key of the answer and how to read the value.
FEATURES = {
    "Type de poudre": ('powder_type', parse_powder_type),
    "RAL": ('ral', parse_ral),
    "Finition": ('finish', parse_finish),
    "Densité": ('specific_gravity', parse_decimal),
    "Épaisseur conseillée (µm)": ('thickness', parse_integer),
    "Rendement": ('efficiency', parse_fraction),
    "Température de cuisson (°C)": ('cure_temperature', parse_integer),
    "Durée de cuisson (min)": ('cure_minutes', parse_integer),
    "Conditionnement": ('formats', parse_format),
    }
# the features with one value per item of a list
LIST_FEATURES = {'formats'}
FEATURES_BY_NAME = {normalize(k): v for k, v in FEATURES.items()}


# --- PrestaShop webservice --------------------------------------------------

class PrestaShop:
    "A reader of one shop's webservice."

    def __init__(self, credentials):
        credentials = credentials or {}
        for key in ['base_url', 'ws_key']:
            if not (credentials.get(key) or '').strip():
                raise ConnectorError(gettext(
                        'msg_catalogue_credential_missing', key=key))
        base_url = credentials['base_url'].strip().rstrip('/')
        if base_url.endswith('/api'):
            base_url = base_url[:-len('/api')]
        self.base_url = base_url
        self.key = credentials['ws_key'].strip()
        self.language = str(credentials.get('language') or '').strip()
        self.timeout = float(credentials.get('timeout') or DEFAULT_TIMEOUT)
        self.service = 'PrestaShop (%s)' % (
            urllib.parse.urlsplit(base_url).netloc or base_url)

    def get(self, resource, params):
        "The <prestashop> root element of GET /api/`resource`?`params`."
        url = '%s/api/%s?%s' % (
            self.base_url, resource, urllib.parse.urlencode(params))
        token = base64.b64encode(('%s:' % self.key).encode('utf-8'))
        request = urllib.request.Request(url, headers={
                'Accept': 'application/xml',
                'Authorization': 'Basic %s' % token.decode('ascii'),
                'User-Agent': USER_AGENT,
                })
        try:
            with urllib.request.urlopen(
                    request, timeout=self.timeout) as response:
                body = response.read()
        except urllib.error.HTTPError as error:
            with error:
                self._raise_http_error(error)
        except (urllib.error.URLError, socket.timeout, TimeoutError,
                ConnectionError, OSError) as error:
            raise ConnectorUnavailableError(gettext(
                    'msg_catalogue_unavailable',
                    service=self.service)) from error
        try:
            root = ET.fromstring(body)
        except ET.ParseError as error:
            raise ConnectorError(gettext(
                    'msg_catalogue_unreadable',
                    service=self.service)) from error
        if root.tag != 'prestashop':
            raise ConnectorError(gettext(
                    'msg_catalogue_unreadable', service=self.service))
        return root

    def _raise_http_error(self, error):
        if error.code in {401, 403}:
            raise ConnectorError(gettext(
                    'msg_catalogue_key_refused',
                    service=self.service)) from error
        if error.code == 429 or error.code >= 500:
            raise ConnectorUnavailableError(gettext(
                    'msg_catalogue_unavailable_http',
                    service=self.service, status=error.code)) from error
        detail = ''
        try:
            detail = ' '.join(
                (m.text or '').strip()
                for m in ET.fromstring(error.read()).iter('message'))
        except Exception:
            pass
        raise ConnectorError(gettext(
                'msg_catalogue_refused', service=self.service,
                status=error.code, detail=detail).strip()) from error

    def text(self, element):
        """The text of `element`, of its <language> in the shop language
        for a translated field."""
        if element is None:
            return None
        languages = element.findall('language')
        if languages:
            for language in languages:
                if language.get('id') == self.language:
                    return (language.text or '').strip()
            return (languages[0].text or '').strip()
        return (element.text or '').strip()

    def field(self, element, name):
        return self.text(element.find(name))

    def records(self, resource, ids):
        """The <`resource`> elements of the ids, by id (one request)."""
        ids = {i for i in ids if i and i.isdigit()}
        if not ids:
            return {}
        root = self.get(resource + 's', {
                'filter[id]': '[%s]' % '|'.join(sorted(ids, key=int)),
                'display': 'full',
                })
        return {self.field(r, 'id'): r for r in root.iter(resource)}

    def lookup(self, reference):
        reference = _clean_reference(reference)
        if not reference:
            return None
        if FILTER_OPERATORS.search(reference):
            raise ConnectorError(gettext(
                    'msg_powder_reference_invalid', reference=reference))
        root = self.get('products', {
                'filter[reference]': '[%s]' % reference,
                'display': 'full',
                })
        products = list(root.iter('product'))
        # the filter ignores the case: prefer the exact reference
        products.sort(key=lambda p: self.field(p, 'reference') != reference)
        if not products:
            return None
        return self.map_product(products[0])

    def map_product(self, product):
        result = dict.fromkeys(KEYS)
        result['formats'] = []
        result['brand'] = self.field(product, 'manufacturer_name') or BRAND
        result['reference'] = self.field(product, 'reference')
        result['name'] = self.field(product, 'name')
        result['price_per_kg'] = self.price_per_kg(product)
        product_id = self.field(product, 'id')
        link_rewrite = self.field(product, 'link_rewrite')
        if product_id and link_rewrite:
            result['url'] = '%s/%s-%s.html' % (
                self.base_url, product_id, link_rewrite)

        pairs = [
            (self.field(f, 'id'), self.field(f, 'id_feature_value'))
            for f in product.iterfind(
                'associations/product_features/product_feature')]
        features = self.records('product_feature', [f for f, _ in pairs])
        values = self.records('product_feature_value', [v for _, v in pairs])
        for feature_id, value_id in pairs:
            feature, value = features.get(feature_id), values.get(value_id)
            if feature is None or value is None:
                continue
            mapping = FEATURES_BY_NAME.get(
                normalize(self.field(feature, 'name')))
            if not mapping:
                continue
            key, parse = mapping
            parsed = parse(self.field(value, 'value'))
            if parsed is None:
                continue
            if key in LIST_FEATURES:
                result[key].append(parsed)
            else:
                result[key] = parsed
        result['formats'].sort(key=lambda f: f['weight'])
        return result

    def price_per_kg(self, product):
        price = parse_decimal(self.field(product, 'price'))
        if price is None:
            return None
        unity = normalize(self.field(product, 'unity'))
        if unity in {'kg', 'le kg', 'par kg', 'kilo', 'kilogramme'}:
            unit_price = parse_decimal(self.field(product, 'unit_price'))
            ratio = parse_decimal(self.field(product, 'unit_price_ratio'))
            if unit_price:
                price = unit_price
            elif ratio:
                price = price / ratio
        return price.quantize(PRICE_DIGITS, ROUND_HALF_UP)


def lookup_prestashop(credentials, reference):
    return PrestaShop(credentials).lookup(reference)


class PowderCataloguePlugin:
    "The built-in powder catalogue providers."

    @hookimpl
    def atelier_providers(self):
        return [
            Provider(
                capability=CAPABILITY, name=THERMOPOUDRE_DEMO,
                label='Thermopoudre (demo catalogue, offline)', offline=True,
                message='connector.msg_provider_thermopoudre_demo'),
            Provider(
                capability=CAPABILITY, name=PRESTASHOP,
                label="Supplier's PrestaShop shop (webservice)",
                credentials=('base_url', 'ws_key'),
                message='connector.msg_provider_prestashop'),
            ]

    @hookimpl
    def atelier_lookup_powder(self, provider, credentials, reference):
        name = _provider_name(provider)
        if name == THERMOPOUDRE_DEMO:
            return lookup_fixtures(reference)
        if name == PRESTASHOP:
            return lookup_prestashop(credentials, reference)
        return None


plugin = PowderCataloguePlugin()
