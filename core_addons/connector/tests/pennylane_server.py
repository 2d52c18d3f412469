# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""A local server answering like Pennylane's REST API v2 (the part Atelier
uses), after Pennylane's API reference:

- ``Authorization: Bearer <token>``, else 401 ``{"error": "unauthorized",
  "message": ...}``;
- ``GET /api/external/v2/customers`` and ``GET .../customer_invoices`` with
  ``filter`` (a JSON list of ``{"field", "operator": "eq", "value"}``):
  ``{"items": [...], "has_more": false, "next_cursor": null}``;
- ``POST .../company_customers`` (JSON; ``name`` and ``billing_address``
  required, ``external_reference`` unique) -> 201 with the customer;
- ``POST .../file_attachments`` (multipart/form-data, field ``file``) ->
  201 ``{"id", "filename", "url"}``;
- ``POST .../customer_invoices/import`` (JSON; file attachment, customer,
  dates, amounts and lines checked: the lines must add up to the totals
  within one cent per line, each line needs a known ``vat_rate``; the
  invoice number is unique) -> 201 with the invoice;
- validation errors: 422 ``{"error": "unprocessable_entity", "message",
  "details": {"field", "issue"}}``;
- the rate limit: 25 requests per 5 seconds per token, then 429 with
  ``retry-after`` and ``ratelimit-*`` headers (every answer carries
  ``ratelimit-limit/remaining/reset``);
- ``fail_status`` makes every request answer that status (e.g. 503);
  ``ignore_filter`` lists every item whatever the filter.

What it receives is kept in ``customers``, ``attachments`` and
``invoices`` for the tests to check.
"""
import email.parser
import email.policy
import itertools
import json
import math
import time
import urllib.parse
from decimal import Decimal, InvalidOperation

from .servers import LocalServer

TOKEN = 'pl_test_atelier'
PREFIX = '/api/external/v2'
VAT_RATES = {'FR_200', 'FR_100', 'FR_85', 'FR_55', 'FR_21', 'FR_09',
    'exempt', 'extracom', 'intracom_200', 'crossborder', 'any'}


def multipart_files(body, content_type):
    "The {field name: (filename, bytes)} of a multipart/form-data body."
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b'Content-Type: ' + content_type.encode('latin-1') + b'\r\n\r\n'
        + body)
    files = {}
    for part in message.iter_parts():
        name = part.get_param('name', header='content-disposition')
        files[name] = (part.get_filename(), part.get_payload(decode=True))
    return files


class PennylaneServer(LocalServer):
    "Pennylane's API v2 on 127.0.0.1."

    def __init__(self, token=TOKEN, limit=25, window=5.0):
        super().__init__()
        self.token = token
        self.limit = limit
        self.window = window
        self.customers = []
        self.attachments = []
        self.invoices = []
        self._ids = itertools.count(1001)
        self._calls = {}
        # answer every item, as an API that does not know a filter would
        self.ignore_filter = False

    @property
    def api(self):
        "The api_base credential pointing at this server."
        return self.url + PREFIX

    def _json(self, status, data, headers=None):
        return status, json.dumps(data), 'application/json', headers or {}

    def _error(self, status, error, message, field=None, issue=None,
            headers=None):
        body = {'error': error, 'message': message}
        if field:
            body['details'] = {'field': field, 'issue': issue}
        return self._json(status, body, headers)

    def _rate(self, token):
        "The ratelimit headers, and whether this request goes over."
        now = time.monotonic()
        calls = [c for c in self._calls.get(token, [])
            if now - c < self.window]
        reset = int(time.time() + (
                self.window - (now - calls[0]) if calls else self.window))
        over = len(calls) >= self.limit
        if not over:
            calls.append(now)
        self._calls[token] = calls
        headers = {
            'ratelimit-limit': str(self.limit),
            'ratelimit-remaining': str(max(self.limit - len(calls), 0)),
            'ratelimit-reset': str(reset),
            }
        if over:
            left = self.window - (now - calls[0]) if calls else self.window
            headers['retry-after'] = str(max(1, math.ceil(left)))
        return over, headers

    def answer(self, method, path, body):
        headers = self.requests[-1]['headers']
        if self.fail_status:
            return self._error(self.fail_status, 'internal_server_error',
                'An unexpected error occurred.')
        auth = headers.get('Authorization') or ''
        if not auth.startswith('Bearer ') or auth[7:] != self.token:
            return self._error(401, 'unauthorized',
                'The access token is invalid or missing.')
        over, rate = self._rate(auth[7:])
        if over:
            return (429, 'Rate limit exceeded. Please retry in %s seconds.'
                % rate['retry-after'], 'text/plain', rate)
        url = urllib.parse.urlsplit(path)
        query = dict(urllib.parse.parse_qsl(url.query))
        route = url.path[len(PREFIX):] if url.path.startswith(PREFIX) else None
        if method == 'GET' and route == '/customers':
            return self.listing(self.customers, query, rate)
        if method == 'GET' and route == '/customer_invoices':
            return self.listing(self.invoices, query, rate)
        if method == 'POST' and route == '/company_customers':
            return self.create_customer(body, rate)
        if method == 'POST' and route == '/file_attachments':
            return self.create_attachment(
                body, headers.get('Content-Type') or '', rate)
        if method == 'POST' and route == '/customer_invoices/import':
            return self.import_invoice(body, rate)
        return self._error(404, 'not_found', 'Route not found', headers=rate)

    def listing(self, records, query, rate):
        items = list(records)
        try:
            filters = json.loads(query.get('filter') or '[]')
        except ValueError:
            return self._error(400, 'bad_request', 'Invalid filter',
                headers=rate)
        for condition in [] if self.ignore_filter else filters:
            if condition.get('operator') != 'eq':
                return self._error(400, 'bad_request',
                    'Unsupported operator', headers=rate)
            items = [i for i in items if str(i.get(condition['field']))
                == str(condition['value'])]
        return self._json(200, {
                'items': items, 'has_more': False, 'next_cursor': None},
            rate)

    def _body(self, body):
        try:
            data = json.loads(body.decode('utf-8'))
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def create_customer(self, body, rate):
        data = self._body(body)
        if data is None:
            return self._error(400, 'bad_request', 'Invalid JSON',
                headers=rate)
        if not data.get('name'):
            return self._error(422, 'unprocessable_entity',
                'Missing required field: name', 'name', 'is required',
                headers=rate)
        if not isinstance(data.get('billing_address'), dict):
            return self._error(422, 'unprocessable_entity',
                'Missing required field: billing_address',
                'billing_address', 'is required', headers=rate)
        reference = data.get('external_reference')
        if reference and any(c['external_reference'] == reference
                for c in self.customers):
            return self._error(422, 'unprocessable_entity',
                'External reference has already been taken',
                'external_reference', 'has already been taken', headers=rate)
        customer = dict(data, id=next(self._ids), customer_type='company',
            external_reference=reference or 'pl-%s' % next(self._ids))
        self.customers.append(customer)
        return self._json(201, customer, rate)

    def create_attachment(self, body, content_type, rate):
        if not content_type.startswith('multipart/form-data'):
            return self._error(400, 'bad_request',
                'Content-Type must be multipart/form-data', headers=rate)
        files = multipart_files(body, content_type)
        if 'file' not in files or not files['file'][1]:
            return self._error(422, 'unprocessable_entity',
                'Missing required field: file', 'file', 'is required',
                headers=rate)
        filename, content = files['file']
        attachment = {
            'id': next(self._ids), 'filename': filename,
            'content': content,
            'url': '%s/files/%s' % (self.url, filename),
            }
        self.attachments.append(attachment)
        answer = {k: v for k, v in attachment.items() if k != 'content'}
        return self._json(201, answer, rate)

    def import_invoice(self, body, rate):
        data = self._body(body)
        if data is None:
            return self._error(400, 'bad_request', 'Invalid JSON',
                headers=rate)

        def invalid(field, issue):
            return self._error(422, 'unprocessable_entity',
                '%s %s' % (field, issue), field, issue, headers=rate)
        for field in ['file_attachment_id', 'customer_id', 'date',
                'deadline', 'currency_amount_before_tax', 'currency_amount',
                'currency_tax', 'invoice_lines']:
            if data.get(field) in (None, '', []):
                return invalid(field, 'is required')
        if not any(a['id'] == data['file_attachment_id']
                for a in self.attachments):
            return invalid('file_attachment_id', 'does not exist')
        if not any(c['id'] == data['customer_id'] for c in self.customers):
            return invalid('customer_id', 'does not exist')
        number = data.get('invoice_number')
        if number and any(i['invoice_number'] == number
                for i in self.invoices):
            return invalid('invoice_number', 'has already been taken')
        try:
            before = Decimal(data['currency_amount_before_tax'])
            tax = Decimal(data['currency_tax'])
            total = Decimal(data['currency_amount'])
            lines_total = lines_tax = Decimal(0)
            for line in data['invoice_lines']:
                if line.get('vat_rate') not in VAT_RATES:
                    return invalid('invoice_lines.vat_rate',
                        'is not included in the list')
                for field in ['currency_amount', 'currency_tax',
                        'quantity', 'raw_currency_unit_price', 'unit']:
                    if line.get(field) in (None, ''):
                        return invalid('invoice_lines.%s' % field,
                            'is required')
                lines_total += Decimal(line['currency_amount'])
                lines_tax += Decimal(line['currency_tax'])
        except (InvalidOperation, TypeError):
            return invalid('currency_amount', 'is not a number')
        tolerance = Decimal('0.01') * len(data['invoice_lines'])
        if before + tax != total:
            return invalid('currency_amount',
                'must equal currency_amount_before_tax plus currency_tax')
        if abs(lines_total - total) > tolerance or abs(
                lines_tax - tax) > tolerance:
            return invalid('invoice_lines',
                'amounts do not match the invoice totals')
        invoice = dict(data, id=next(self._ids), draft=False,
            label='Facture %s' % (number or ''), status='upcoming')
        self.invoices.append(invoice)
        return self._json(201, invoice, rate)
