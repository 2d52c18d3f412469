# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""VAT number providers: check an intra-community VAT number.

- ``stdnum``: offline, checks the format and check digits with python-stdnum
  (``valid`` is False for a bad one); it knows no name nor address;
- ``vies``: the VIES SOAP service of the European Commission (operation
  checkVat) through zeep. The format and check digits are checked first, so an
  invalid number is refused without calling the service. Optional
  credentials: ``wsdl`` (path or URL of the WSDL; default: the copy shipped in
  ``fixtures/checkVatService.wsdl``, whose address is the real service),
  ``endpoint`` (the service address, overriding the WSDL's) and ``timeout``
  (seconds, default 15).

Every provider answers a dict with the keys valid (bool), country_code,
number (without the country code), name, address.
"""
import functools
import os

from stdnum.eu import vat as stdnum_vat

from ..exceptions import ConnectorError, ConnectorUnavailableError
from ..hub import Provider, hookimpl

CAPABILITY = 'vat'
STDNUM = 'stdnum'
VIES = 'vies'
VIES_WSDL_URL = (
    'https://ec.europa.eu/taxation_customs/vies/checkVatService.wsdl')
WSDL_PATH = os.path.join(
    os.path.dirname(__file__), 'fixtures', 'checkVatService.wsdl')
VIES_BINDING = (
    '{urn:ec.europa.eu:taxud:vies:services:checkVat}checkVatBinding')
DEFAULT_TIMEOUT = 15
SERVICE = 'The VIES service of the European Commission'
# faults of VIES meaning "try again later"
UNAVAILABLE_FAULTS = {
    'SERVICE_UNAVAILABLE', 'MS_UNAVAILABLE', 'TIMEOUT', 'SERVER_BUSY',
    'MS_MAX_CONCURRENT_REQ', 'GLOBAL_MAX_CONCURRENT_REQ',
    }
MEMBER_STATE_FAULTS = {'MS_UNAVAILABLE', 'MS_MAX_CONCURRENT_REQ'}
NO_DATA = {'', '---'}


def _provider_name(provider):
    return getattr(provider, 'name', provider)


def split(vat_number):
    """Return (compact, country_code, number) of `vat_number`, the country
    code as VIES wants it (EL for Greece)."""
    try:
        compact = stdnum_vat.compact(vat_number or '')
    except Exception:
        compact = (vat_number or '').replace(' ', '').upper()
    country_code, number = compact[:2].upper(), compact[2:]
    if country_code == 'GR':
        country_code = 'EL'
    return compact, country_code, number


def check_stdnum(vat_number):
    compact, country_code, number = split(vat_number)
    return {
        'valid': bool(compact) and stdnum_vat.is_valid(compact),
        'country_code': country_code or None,
        'number': number or None,
        'name': None,
        'address': None,
        }


@functools.lru_cache(maxsize=16)
def vies_client(wsdl, timeout):
    "A zeep client for the VIES WSDL `wsdl` (imported lazily: zeep is big)."
    import requests
    import zeep
    import zeep.exceptions
    from zeep.transports import Transport
    transport = Transport(timeout=timeout, operation_timeout=timeout)
    try:
        return zeep.Client(wsdl, transport=transport)
    except (requests.exceptions.RequestException, OSError) as error:
        raise ConnectorUnavailableError(
            '%s cannot be reached (its service description could not be '
            'loaded); try again later.' % SERVICE) from error
    except zeep.exceptions.Error as error:
        raise ConnectorError(
            '%s sent a service description that cannot be read.'
            % SERVICE) from error


def _text(value):
    if value is None:
        return None
    value = str(value).strip()
    return None if value in NO_DATA else value


def check_vies(credentials, vat_number):
    import requests
    import zeep.exceptions

    credentials = credentials or {}
    compact, country_code, number = split(vat_number)
    if not compact or not stdnum_vat.is_valid(compact):
        raise ConnectorError(
            'The VAT number "%s" is not valid.' % (vat_number or ''))
    wsdl = credentials.get('wsdl') or WSDL_PATH
    timeout = float(credentials.get('timeout') or DEFAULT_TIMEOUT)
    client = vies_client(wsdl, timeout)
    if credentials.get('endpoint'):
        service = client.create_service(VIES_BINDING, credentials['endpoint'])
    else:
        service = client.service
    try:
        result = service.checkVat(countryCode=country_code, vatNumber=number)
    except zeep.exceptions.Fault as fault:
        code = (fault.message or '').strip()
        if fault.code is None and not fault.actor:
            # an HTTP error answered by something else than a SOAP fault
            raise ConnectorUnavailableError(
                '%s cannot be reached; try again later.' % SERVICE) from fault
        if code in MEMBER_STATE_FAULTS:
            raise ConnectorUnavailableError(
                'The VAT register of the member state "%s" cannot be '
                'reached through the VIES service of the European '
                'Commission; try again later.' % country_code) from fault
        if code in UNAVAILABLE_FAULTS:
            raise ConnectorUnavailableError(
                '%s cannot be reached (%s); try again later.'
                % (SERVICE, code)) from fault
        if code == 'INVALID_INPUT':
            raise ConnectorError(
                'The VAT number "%s" is not valid.' % vat_number) from fault
        raise ConnectorError(
            '%s refused to check the VAT number "%s" (%s).'
            % (SERVICE, vat_number, code)) from fault
    except zeep.exceptions.TransportError as error:
        if error.status_code and error.status_code < 500:
            raise ConnectorError(
                '%s refused the request (HTTP error %s).'
                % (SERVICE, error.status_code)) from error
        raise ConnectorUnavailableError(
            '%s cannot be reached; try again later.' % SERVICE) from error
    except (requests.exceptions.RequestException, OSError) as error:
        raise ConnectorUnavailableError(
            '%s cannot be reached; try again later.' % SERVICE) from error
    except zeep.exceptions.Error as error:
        raise ConnectorError(
            '%s sent an answer that cannot be read.' % SERVICE) from error
    return {
        'valid': bool(result.valid),
        'country_code': result.countryCode or country_code,
        'number': result.vatNumber or number,
        'name': _text(result.name),
        'address': _text(result.address),
        }


class VatPlugin:
    "The built-in VAT number providers."

    @hookimpl
    def atelier_providers(self):
        return [
            Provider(
                capability=CAPABILITY, name=STDNUM,
                label='Check digits only (offline)', offline=True),
            Provider(
                capability=CAPABILITY, name=VIES,
                label='VIES (European Commission)'),
            ]

    @hookimpl
    def atelier_check_vat(self, provider, credentials, vat_number):
        name = _provider_name(provider)
        if name == STDNUM:
            return check_stdnum(vat_number)
        if name == VIES:
            return check_vies(credentials, vat_number)
        return None


plugin = VatPlugin()
