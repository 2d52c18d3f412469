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
from ..messages import gettext

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
            gettext('msg_vies_unavailable')) from error
    except zeep.exceptions.Error as error:
        raise ConnectorError(gettext('msg_vies_wsdl_unreadable')) from error


def _text(value):
    if value is None:
        return None
    value = str(value).strip()
    return None if value in NO_DATA else value


def check_number(vat_number, field=None):
    """Raise ConnectorError naming `field` (the label of the field holding
    the number) if `vat_number` has a bad format or check digits."""
    compact, _, _ = split(vat_number)
    if not compact or not stdnum_vat.is_valid(compact):
        if field is None:
            field = gettext('msg_vat_field')
        raise ConnectorError(gettext(
                'msg_vat_invalid', number=vat_number or '', field=field))


def check_vies(credentials, vat_number):
    import requests
    import zeep.exceptions

    credentials = credentials or {}
    check_number(vat_number)
    compact, country_code, number = split(vat_number)
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
                gettext('msg_vies_unavailable')) from fault
        if code in MEMBER_STATE_FAULTS:
            raise ConnectorUnavailableError(gettext(
                    'msg_vies_member_state_unavailable',
                    country=country_code)) from fault
        if code in UNAVAILABLE_FAULTS:
            raise ConnectorUnavailableError(gettext(
                    'msg_vies_unavailable_code', code=code)) from fault
        if code == 'INVALID_INPUT':
            raise ConnectorError(gettext(
                    'msg_vat_invalid', number=vat_number,
                    field=gettext('msg_vat_field'))) from fault
        raise ConnectorError(gettext(
                'msg_vies_refused', number=vat_number, code=code)) from fault
    except zeep.exceptions.TransportError as error:
        if error.status_code and error.status_code < 500:
            raise ConnectorError(gettext(
                    'msg_vies_refused_http',
                    status=error.status_code)) from error
        raise ConnectorUnavailableError(
            gettext('msg_vies_unavailable')) from error
    except (requests.exceptions.RequestException, OSError) as error:
        raise ConnectorUnavailableError(
            gettext('msg_vies_unavailable')) from error
    except zeep.exceptions.Error as error:
        raise ConnectorError(gettext('msg_vies_unreadable')) from error
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
                label='Check digits only (offline)', offline=True,
                message='connector.msg_provider_stdnum'),
            Provider(
                capability=CAPABILITY, name=VIES,
                label='VIES (European Commission)',
                message='connector.msg_provider_vies'),
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
