# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Company register providers: look up French companies by SIREN, SIRET or
name.

- ``fixtures``: offline, searches a small set of demo companies shipped in
  ``fixtures/companies.json``;
- ``recherche_entreprises``: the public API "Recherche d'entreprises" of the
  French State (https://recherche-entreprises.api.gouv.fr/search), no key.
  Optional credentials: ``base_url`` (tests point it at a local server),
  ``timeout`` (seconds, default 10) and ``per_page`` (1-25, default 10).

Every provider answers a list of dicts with the keys siren, siret, name,
street, postal_code, city, naf, active (one per company, its head office; for
a SIRET, the establishment with that SIRET).
"""
import functools
import json
import os
import re
import socket
import unicodedata
import urllib.error
import urllib.parse
import urllib.request

from stdnum.fr import siren as stdnum_siren
from stdnum.fr import siret as stdnum_siret

from ..exceptions import ConnectorError, ConnectorUnavailableError
from ..hub import Provider, hookimpl
from ..messages import gettext

CAPABILITY = 'company_register'
FIXTURES = 'fixtures'
RECHERCHE_ENTREPRISES = 'recherche_entreprises'
DEFAULT_BASE_URL = 'https://recherche-entreprises.api.gouv.fr'
DEFAULT_TIMEOUT = 10
DEFAULT_PER_PAGE = 10
MAX_PER_PAGE = 25
SERVICE = "Recherche d'entreprises (api.gouv.fr)"
USER_AGENT = 'Atelier-ERP connector'
FIXTURES_PATH = os.path.join(
    os.path.dirname(__file__), 'fixtures', 'companies.json')


def normalize(text):
    "Lower case, no accents, words separated by one space."
    text = unicodedata.normalize('NFKD', text or '')
    text = ''.join(c for c in text if not unicodedata.combining(c))
    return ' '.join(re.sub(r'[\W_]+', ' ', text.casefold()).split())


def parse_query(query, field=None):
    """Return (kind, value) with kind 'siren', 'siret' or 'name'.

    Raise ConnectorError naming `field` (the label of the field the user
    typed the query in) for an invalid SIREN or SIRET, an empty query or a
    name too short to search (the service wants 3 characters at least)."""
    if field is None:
        field = gettext('msg_company_query_field')
    query = (query or '').strip()
    compact = re.sub(r'[\s.\-]', '', query)
    if compact.isdigit():
        if len(compact) == 9:
            if not stdnum_siren.is_valid(compact):
                raise ConnectorError(gettext(
                        'msg_siren_invalid', number=query, field=field))
            return 'siren', compact
        if len(compact) == 14:
            if not stdnum_siret.is_valid(compact):
                raise ConnectorError(gettext(
                        'msg_siret_invalid', number=query, field=field))
            return 'siret', compact
        raise ConnectorError(gettext(
                'msg_company_number_length', number=query, field=field))
    if len(normalize(query)) < 3:
        raise ConnectorError(gettext('msg_company_name_short', field=field))
    return 'name', query


def _provider_name(provider):
    return getattr(provider, 'name', provider)


# --- fixtures ---------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def fixture_companies():
    with open(FIXTURES_PATH, encoding='utf-8') as file:
        return json.load(file)['companies']


def _fixture_result(company, establishment):
    return {
        'siren': company['siren'],
        'siret': establishment['siret'],
        'name': company['name'],
        'street': establishment['street'],
        'postal_code': establishment['postal_code'],
        'city': establishment['city'],
        'naf': establishment.get('naf') or company.get('naf'),
        'active': bool(company['active'] and establishment['active']),
        }


def _head_office(company):
    for establishment in company['establishments']:
        if establishment.get('head_office'):
            return establishment
    return company['establishments'][0]


def search_fixtures(query):
    kind, value = parse_query(query)
    results = []
    if kind == 'name':
        words = normalize(value).split()
    for company in fixture_companies():
        if kind == 'siren':
            if company['siren'] == value:
                results.append(
                    _fixture_result(company, _head_office(company)))
        elif kind == 'siret':
            for establishment in company['establishments']:
                if establishment['siret'] == value:
                    results.append(_fixture_result(company, establishment))
        else:
            name = normalize(company['name'])
            if all(w in name for w in words):
                results.append(
                    _fixture_result(company, _head_office(company)))
    return results


# --- recherche-entreprises.api.gouv.fr -------------------------------------

def _street(establishment):
    parts = [establishment.get(k) for k in (
            'numero_voie', 'indice_repetition', 'type_voie', 'libelle_voie')]
    street = ' '.join(p.strip() for p in parts if p and p.strip())
    if not street:
        # fall back on the one-line address without postal code and city
        street = establishment.get('adresse') or ''
        postal_code = establishment.get('code_postal')
        if postal_code and postal_code in street:
            street = street[:street.index(postal_code)]
        street = street.strip(' ,')
    complement = (establishment.get('complement_adresse') or '').strip()
    if complement:
        street = '%s, %s' % (complement, street) if street else complement
    return street or None


def _api_result(unit, establishment):
    unit_active = unit.get('etat_administratif', 'A') == 'A'
    establishment_active = establishment.get('etat_administratif', 'A') == 'A'
    return {
        'siren': unit.get('siren'),
        'siret': establishment.get('siret'),
        'name': unit.get('nom_complet') or unit.get('nom_raison_sociale'),
        'street': _street(establishment),
        'postal_code': establishment.get('code_postal'),
        'city': establishment.get('libelle_commune'),
        'naf': (establishment.get('activite_principale')
            or unit.get('activite_principale')),
        'active': unit_active and establishment_active,
        }


def map_api_response(data, kind, value):
    "Map the JSON answer of /search to the result dicts."
    results = []
    for unit in data.get('results') or []:
        siege = unit.get('siege') or {}
        if kind == 'siren':
            if unit.get('siren') != value:
                continue
            results.append(_api_result(unit, siege))
        elif kind == 'siret':
            if unit.get('siren') != value[:9]:
                continue
            candidates = list(unit.get('matching_etablissements') or [])
            candidates.append(siege)
            for establishment in candidates:
                if establishment.get('siret') == value:
                    results.append(_api_result(unit, establishment))
                    break
        else:
            results.append(_api_result(unit, siege))
    return results


def _raise_http_error(error, query):
    if error.code == 429 or error.code >= 500:
        raise ConnectorUnavailableError(gettext(
                'msg_register_unavailable_http',
                service=SERVICE, status=error.code)) from error
    detail = ''
    try:
        detail = json.loads(error.read()).get('erreur') or ''
    except Exception:
        pass
    raise ConnectorError(gettext(
            'msg_register_refused', service=SERVICE, query=query,
            status=error.code, detail=detail).strip()) from error


def search_api(credentials, query):
    kind, value = parse_query(query)
    credentials = credentials or {}
    base_url = (credentials.get('base_url') or DEFAULT_BASE_URL).rstrip('/')
    timeout = float(credentials.get('timeout') or DEFAULT_TIMEOUT)
    per_page = min(max(int(credentials.get('per_page') or DEFAULT_PER_PAGE),
            1), MAX_PER_PAGE)
    url = '%s/search?%s' % (base_url, urllib.parse.urlencode({
                'q': value,
                'page': 1,
                'per_page': per_page,
                }))
    request = urllib.request.Request(url, headers={
            'Accept': 'application/json',
            'User-Agent': USER_AGENT,
            })
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
    except urllib.error.HTTPError as error:
        with error:
            _raise_http_error(error, query)
    except (urllib.error.URLError, socket.timeout, TimeoutError,
            ConnectionError, OSError) as error:
        raise ConnectorUnavailableError(gettext(
                'msg_register_unavailable', service=SERVICE)) from error
    try:
        data = json.loads(body)
    except ValueError as error:
        raise ConnectorError(gettext(
                'msg_register_unreadable', service=SERVICE)) from error
    if not isinstance(data, dict):
        raise ConnectorError(gettext(
                'msg_register_unreadable', service=SERVICE))
    return map_api_response(data, kind, value)


class CompanyRegisterPlugin:
    "The built-in company register providers."

    @hookimpl
    def atelier_providers(self):
        return [
            Provider(
                capability=CAPABILITY, name=FIXTURES,
                label='Demo companies (offline)', offline=True,
                message='connector.msg_provider_fixtures'),
            Provider(
                capability=CAPABILITY, name=RECHERCHE_ENTREPRISES,
                label="Recherche d'entreprises (api.gouv.fr)",
                message='connector.msg_provider_recherche_entreprises'),
            ]

    @hookimpl
    def atelier_lookup_company(self, provider, credentials, query):
        name = _provider_name(provider)
        if name == FIXTURES:
            return search_fixtures(query)
        if name == RECHERCHE_ENTREPRISES:
            return search_api(credentials, query)
        return None


plugin = CompanyRegisterPlugin()
