# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Accounting sync providers: a workshop's customers and customer invoices
(with their PDF) pushed to its accountant's software.

- ``outbox``: no network; what is pushed is kept in memory (``OUTBOX``) and
  logged, with stable ids: the demo and the tests.
- ``pennylane``: Pennylane's REST API v2
  (``https://app.pennylane.com/api/external/v2/``, ``Authorization: Bearer
  <token>``): ``GET /customers`` filtered on ``external_reference`` then
  ``POST /company_customers``; ``GET /customer_invoices`` filtered on
  ``invoice_number``, then ``POST /file_attachments`` (multipart, the PDF)
  and ``POST /customer_invoices/import`` with the attachment's id, the
  amounts and the lines with their VAT rate codes (``FR_200``...).
  Credentials: ``api_token``, optional ``api_base`` (tests point it at a
  local server).

Nothing is created twice: a customer is looked up by its external reference
and an invoice by its number before creating, so a push retried after a
network failure finds what the first one created. Pennylane allows 25
requests per 5 seconds per token: requests are spaced to stay under it, and
an HTTP 429 is waited out (``retry-after`` seconds) and retried a bounded
number of times.

Errors are ``AccountingSyncError`` (Pennylane refused: its message is given,
retrying the same data is useless) or ``AccountingSyncUnavailableError``
(not reached, failed or still rate limited: retry later).
"""
import collections
import datetime as dt
import json
import logging
import threading
import time
from decimal import Decimal

from ..exceptions import ConnectorError, ConnectorUnavailableError
from ..hub import Provider, hookimpl
from ..messages import gettext

logger = logging.getLogger(__name__)

CAPABILITY = 'accounting_sync'
OUTBOX = 'outbox'
PENNYLANE = 'pennylane'
PENNYLANE_API = 'https://app.pennylane.com/api/external/v2'
CREDENTIALS = ('api_token', 'api_base')
SERVICE = "Pennylane"
TIMEOUT = 30
RATE_LIMIT = 25  # requests
RATE_WINDOW = 5.0  # seconds
MAX_RETRIES = 3  # after an HTTP 429
MAX_WAIT = 60  # seconds, the longest retry-after honoured
# Pennylane's VAT rate codes of France, by rate in percent
VAT_RATES = {
    Decimal('20'): 'FR_200',
    Decimal('10'): 'FR_100',
    Decimal('8.5'): 'FR_85',
    Decimal('5.5'): 'FR_55',
    Decimal('2.1'): 'FR_21',
    Decimal('0'): 'exempt',
    }

# The offline provider's memory: customers by external reference, invoices
# by external reference, in push order.
OUTBOX_STORE = {'customers': {}, 'invoices': {}}
_outbox_lock = threading.Lock()



class AccountingSyncError(ConnectorError):
    "The accounting software refused the data (see `reason`)."

    def __init__(self, reason, **variables):
        self.reason = reason
        self.variables = variables
        super().__init__(gettext('msg_accounting_%s' % reason, **variables))


class AccountingSyncUnavailableError(ConnectorUnavailableError):
    "The accounting software could not be reached; nothing to fix, retry."

    def __init__(self, reason='unavailable', **variables):
        self.reason = reason
        self.variables = variables
        super().__init__(gettext('msg_accounting_%s' % reason, **variables))


def _provider_name(provider):
    return getattr(provider, 'name', provider)


def vat_rate_code(rate):
    """Pennylane's code of the French VAT `rate` (a Decimal fraction such as
    0.2, or percent such as 20); None if it has none."""
    rate = Decimal(str(rate))
    if rate < 1 and rate != 0:
        rate *= 100
    return VAT_RATES.get(rate.normalize() if rate else Decimal('0'))


def _amount(value):
    return str(Decimal(str(value)).quantize(Decimal('0.01')))


def _date(value):
    return value.isoformat() if isinstance(value, dt.date) else value


# --- payloads (pure) --------------------------------------------------------

def customer_payload(customer):
    """The body of POST /company_customers for `customer`, a dict with keys
    external_reference, name, reg_no (SIREN), vat_number, emails, phone,
    address, postal_code, city, country (ISO alpha-2)."""
    payload = {
        'name': customer['name'],
        'external_reference': customer['external_reference'],
        'billing_address': {
            'address': customer.get('address') or '',
            'postal_code': customer.get('postal_code') or '',
            'city': customer.get('city') or '',
            'country_alpha2': customer.get('country') or 'FR',
            },
        'billing_language': 'fr_FR',
        }
    for key in ['reg_no', 'vat_number', 'phone']:
        if customer.get(key):
            payload[key] = customer[key]
    if customer.get('emails'):
        payload['emails'] = list(customer['emails'])
    return payload


def invoice_payload(invoice, customer_id, file_attachment_id):
    """The body of POST /customer_invoices/import for `invoice`, a dict with
    keys number, external_reference, date, deadline, currency,
    amount_before_tax, tax, amount and lines (dicts with label, quantity,
    unit_price, amount_before_tax, tax, vat_rate as a fraction)."""
    lines = []
    for line in invoice['lines']:
        code = vat_rate_code(line['vat_rate'])
        if code is None:
            raise AccountingSyncError('vat_rate',
                rate='%s' % (Decimal(str(line['vat_rate'])) * 100).normalize(),
                number=invoice['number'])
        before = Decimal(str(line['amount_before_tax']))
        tax = Decimal(str(line['tax']))
        lines.append({
                'label': line['label'],
                'quantity': float(line['quantity']),
                'raw_currency_unit_price': str(line['unit_price']),
                'currency_amount': _amount(before + tax),
                'currency_tax': _amount(tax),
                'unit': line.get('unit') or 'piece',
                'vat_rate': code,
                })
    return {
        'file_attachment_id': file_attachment_id,
        'customer_id': customer_id,
        'invoice_number': invoice['number'],
        'external_reference': invoice['external_reference'],
        'date': _date(invoice['date']),
        'deadline': _date(invoice.get('deadline') or invoice['date']),
        'currency': invoice.get('currency') or 'EUR',
        'currency_amount_before_tax': _amount(invoice['amount_before_tax']),
        'currency_tax': _amount(invoice['tax']),
        'currency_amount': _amount(invoice['amount']),
        'invoice_lines': lines,
        }


# --- outbox -----------------------------------------------------------------

def outbox_push_customer(customer):
    customer_payload(customer)  # the same checks as the real provider
    with _outbox_lock:
        customers = OUTBOX_STORE['customers']
        reference = customer['external_reference']
        if reference in customers:
            return {'id': customers[reference]['id'], 'created': False}
        stored = dict(customer, id=len(customers) + 1)
        customers[reference] = stored
    logger.info("accounting outbox: customer %s (%s)",
        customer['name'], reference)
    return {'id': stored['id'], 'created': True}


def outbox_push_invoice(invoice, customer_id, pdf, filename):
    invoice_payload(invoice, customer_id, 0)
    with _outbox_lock:
        invoices = OUTBOX_STORE['invoices']
        reference = invoice['external_reference']
        if reference in invoices:
            return {'id': invoices[reference]['id'], 'created': False}
        stored = dict(invoice, id=len(invoices) + 1,
            customer_id=customer_id, pdf=bytes(pdf or b''),
            filename=filename)
        invoices[reference] = stored
    logger.info("accounting outbox: invoice %s (%s)",
        invoice['number'], reference)
    return {'id': stored['id'], 'created': True}


# --- Pennylane --------------------------------------------------------------

class RateLimiter:
    "At most `limit` calls per `window` seconds for each token."

    def __init__(self, limit=RATE_LIMIT, window=RATE_WINDOW,
            clock=time.monotonic, sleep=time.sleep):
        self.limit = limit
        self.window = window
        self.clock = clock
        self.sleep = sleep
        self._calls = collections.defaultdict(collections.deque)
        self._lock = threading.Lock()

    def wait(self, token):
        "Block until one more request with `token` stays under the limit."
        while True:
            with self._lock:
                calls = self._calls[token]
                now = self.clock()
                while calls and now - calls[0] >= self.window:
                    calls.popleft()
                if len(calls) < self.limit:
                    calls.append(now)
                    return
                delay = self.window - (now - calls[0])
            self.sleep(max(delay, 0.01))


rate_limiter = RateLimiter()


class PennylaneClient:
    "Pennylane's API v2 for one token, rate limited and retried on 429."

    def __init__(self, credentials, limiter=None, sleep=time.sleep):
        credentials = credentials or {}
        self.token = credentials.get('api_token')
        if not self.token:
            raise AccountingSyncError('no_token', service=SERVICE)
        self.base = (credentials.get('api_base') or PENNYLANE_API).rstrip('/')
        self.limiter = limiter or rate_limiter
        self.sleep = sleep

    def request(self, method, path, params=None, json_body=None, files=None):
        "The decoded JSON answer of Pennylane, or an error raised."
        import requests
        url = self.base + path
        headers = {
            'Authorization': 'Bearer %s' % self.token,
            'Accept': 'application/json',
            }
        for attempt in range(MAX_RETRIES + 1):
            self.limiter.wait(self.token)
            try:
                response = requests.request(method, url, params=params,
                    json=json_body, files=files, headers=headers,
                    timeout=TIMEOUT)
            except (requests.exceptions.RequestException, OSError) as error:
                raise AccountingSyncUnavailableError(
                    'unavailable', service=SERVICE) from error
            if response.status_code != 429:
                break
            if attempt == MAX_RETRIES:
                raise AccountingSyncUnavailableError(
                    'rate_limited', service=SERVICE)
            try:
                wait = float(response.headers.get('retry-after') or 1)
            except ValueError:
                wait = 1
            self.sleep(min(max(wait, 0), MAX_WAIT))
        status = response.status_code
        if status >= 500:
            raise AccountingSyncUnavailableError(
                'unavailable_http', service=SERVICE, status=status)
        try:
            data = response.json() if response.content else {}
        except ValueError as error:
            if status >= 400:
                data = {}
            else:
                raise AccountingSyncUnavailableError(
                    'unavailable_http', service=SERVICE,
                    status=status) from error
        if status in {401, 403}:
            raise AccountingSyncError('refused_token', service=SERVICE,
                status=status, detail=error_detail(data))
        if status >= 400:
            raise AccountingSyncError('refused', service=SERVICE,
                status=status, detail=error_detail(data))
        return data

    def find(self, path, field, value):
        """The item of the list `path` whose `field` equals `value`, or
        None; the answer is checked, not only the filter trusted."""
        data = self.request('GET', path, params={
                'filter': json.dumps([{
                            'field': field, 'operator': 'eq',
                            'value': value}]),
                'limit': 100,
                })
        for item in data.get('items') or []:
            if str(item.get(field)) == str(value):
                return item

    def push_customer(self, customer):
        found = self.find(
            '/customers', 'external_reference',
            customer['external_reference'])
        if found:
            return {'id': found['id'], 'created': False}
        data = self.request('POST', '/company_customers',
            json_body=customer_payload(customer))
        return {'id': data['id'], 'created': True}

    def push_invoice(self, invoice, customer_id, pdf, filename):
        payload = invoice_payload(invoice, customer_id, 0)  # checks first
        found = self.find(
            '/customer_invoices', 'invoice_number', invoice['number'])
        if found:
            return {'id': found['id'], 'created': False}
        attachment = self.request('POST', '/file_attachments', files={
                'file': (filename, bytes(pdf), 'application/pdf'),
                })
        payload['file_attachment_id'] = attachment['id']
        data = self.request('POST', '/customer_invoices/import',
            json_body=payload)
        return {'id': data['id'], 'created': True}


def error_detail(data):
    "Pennylane's explanation of an error body, in one line."
    if not isinstance(data, dict):
        return str(data)
    parts = [str(data.get('message') or data.get('error') or '')]
    details = data.get('details')
    if isinstance(details, dict) and details.get('field'):
        parts.append('(%s %s)' % (details['field'], details.get('issue', '')))
    return ' '.join(p for p in parts if p).strip() or '?'


class AccountingPlugin:
    "The built-in accounting sync providers."

    @hookimpl
    def atelier_providers(self):
        return [
            Provider(
                capability=CAPABILITY, name=OUTBOX,
                label='Accounting outbox (offline)', offline=True,
                message='connector.msg_provider_accounting_outbox'),
            Provider(
                capability=CAPABILITY, name=PENNYLANE,
                label='Pennylane', credentials=CREDENTIALS,
                message='connector.msg_provider_pennylane'),
            ]

    @hookimpl
    def atelier_push_customer(self, provider, credentials, customer):
        name = _provider_name(provider)
        if name == OUTBOX:
            return outbox_push_customer(customer)
        if name == PENNYLANE:
            return PennylaneClient(credentials).push_customer(customer)
        return None

    @hookimpl
    def atelier_push_invoice(self, provider, credentials, invoice,
            customer_id, pdf, filename):
        name = _provider_name(provider)
        if name == OUTBOX:
            return outbox_push_invoice(invoice, customer_id, pdf, filename)
        if name == PENNYLANE:
            return PennylaneClient(credentials).push_invoice(
                invoice, customer_id, pdf, filename)
        return None


plugin = AccountingPlugin()
