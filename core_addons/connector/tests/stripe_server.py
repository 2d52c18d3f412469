# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""A local server speaking the part of Stripe's HTTP API Atelier uses.

localstripe (PyPI) fakes charges, customers and payment intents but was not
relied on for Checkout Sessions, so this small server answers like Stripe's
API reference:

- ``POST /v1/checkout/sessions`` (form-encoded, HTTP Basic or Bearer auth
  with the secret key, ``Idempotency-Key`` honoured: the same key answers
  the same session);
- ``GET /v1/checkout/sessions/<id>``;
- ``GET /v1/payment_intents/<id>`` (``latest_charge`` expanded) and
  ``GET /v1/charges/<id>``, for the payments paid through a session;
- ``POST /v1/refunds`` (``payment_intent`` or ``charge``, ``amount``;
  ``Idempotency-Key`` honoured): refunds the charge, at most what is left,
  and keeps the ``charge.refunded`` event Stripe would send in
  ``self.events``;
- errors as ``{"error": {"type", "message"}}``; ``fail_status`` makes every
  request answer that status (e.g. 503).

``complete(id)`` and ``refund(id)`` play the client paying and the workshop
refunding, returning the event Stripe would send; ``signed(event, secret)``
gives the body and ``Stripe-Signature`` header of its webhook.

The session's ``url`` is a hosted payment page for browser tests: a "Pay"
button that completes the session, posts the signed
``checkout.session.completed`` to ``webhook_url`` (with ``webhook_secret``)
like Stripe does, then sends the client back to the ``success_url``.
"""
import html
import base64
import itertools
import json
import re
import secrets
import time
import urllib.parse

import requests

from ..providers.payment import signature_header
from .servers import LocalServer

SECRET_KEY = 'sk_test_atelier'
SESSION_PATH = re.compile(r'^/v1/checkout/sessions/([A-Za-z0-9_]+)$')
INTENT_PATH = re.compile(r'^/v1/payment_intents/([A-Za-z0-9_]+)$')
CHARGE_PATH = re.compile(r'^/v1/charges/([A-Za-z0-9_]+)$')
HOSTED_PATH = re.compile(r'^/c/pay/([A-Za-z0-9_]+)$')
HOSTED_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Checkout (test)</title>
</head><body><main><h1>Test checkout</h1>
<p id="amount">%(amount)s %(currency)s</p>
<form method="post"><button id="stripe-pay" type="submit">Pay</button>
</form></main></body></html>"""


def _form(body):
    return {k: v[0] for k, v in urllib.parse.parse_qs(
            body.decode('utf-8'), keep_blank_values=True).items()}


class StripeServer(LocalServer):
    "Stripe's Checkout Sessions API on 127.0.0.1."

    def __init__(self, secret_key=SECRET_KEY):
        super().__init__()
        self.secret_key = secret_key
        self.sessions = {}
        self.idempotent = {}
        self._ids = itertools.count(1)
        # Stripe's ids are unique for ever: a server started again (a demo
        # kept between test runs) must not repeat them.
        self.run = secrets.token_hex(3)
        self._last_headers = {}
        self.webhook_url = None
        self.webhook_secret = None
        self.charges = {}
        self.refunds = {}
        self.events = []

    def _json(self, status, data):
        return status, json.dumps(data), 'application/json'

    def _error(self, status, kind, message):
        return self._json(status, {'error': {'type': kind,
                    'message': message}})

    def _authorised(self, headers):
        value = headers.get('Authorization') or ''
        if value.startswith('Bearer '):
            return value[7:] == self.secret_key
        if value.startswith('Basic '):
            user = base64.b64decode(value[6:]).decode('utf-8')
            return user.split(':', 1)[0] == self.secret_key
        return False

    def answer(self, method, path, body):
        headers = self.requests[-1]['headers']
        hosted = HOSTED_PATH.match(path.split('?')[0])
        if hosted and hosted.group(1) in self.sessions:
            # The page the client sees, not the API.
            return self.hosted_page(method, hosted.group(1))
        if self.fail_status:
            return self._error(self.fail_status, 'api_error',
                'An unexpected error occurred.')
        if not self._authorised(headers):
            return self._error(401, 'invalid_request_error',
                'Invalid API Key provided.')
        path = path.split('?')[0]
        if method == 'POST' and path == '/v1/checkout/sessions':
            key = headers.get('Idempotency-Key')
            if key and key in self.idempotent:
                return self._json(200, self.sessions[self.idempotent[key]])
            return self.create_session(_form(body), key)
        if method == 'POST' and path == '/v1/refunds':
            key = headers.get('Idempotency-Key')
            if key and key in self.idempotent:
                return self._json(200, self.refunds[self.idempotent[key]])
            return self.create_refund(_form(body), key)
        for pattern, kind in [(INTENT_PATH, 'payment_intent'),
                (CHARGE_PATH, 'charge')]:
            match = pattern.match(path)
            if method == 'GET' and match:
                return self.get_charge(kind, match.group(1))
        match = SESSION_PATH.match(path)
        if method == 'GET' and match:
            session = self.sessions.get(match.group(1))
            if not session:
                return self._error(404, 'invalid_request_error',
                    "No such checkout.session: '%s'" % match.group(1))
            return self._json(200, session)
        return self._error(404, 'invalid_request_error',
            'Unrecognized request URL (%s: %s).' % (method, path))

    def create_session(self, form, key):
        for name in ['mode', 'success_url',
                'line_items[0][price_data][unit_amount]',
                'line_items[0][price_data][currency]']:
            if not form.get(name):
                return self._error(400, 'invalid_request_error',
                    'Missing required param: %s.' % name)
        number = next(self._ids)
        session_id = 'cs_test_%s%06d' % (self.run, number)
        amount = int(form['line_items[0][price_data][unit_amount]'])
        session = {
            'id': session_id,
            'object': 'checkout.session',
            'mode': form['mode'],
            'amount_total': amount,
            'currency': form['line_items[0][price_data][currency]'],
            'client_reference_id': form.get('client_reference_id'),
            'metadata': {'reference': form.get('metadata[reference]')},
            'payment_intent': None,
            'payment_status': 'unpaid',
            'status': 'open',
            'success_url': form['success_url'],
            'cancel_url': form.get('cancel_url'),
            'url': '%s/c/pay/%s' % (self.url, session_id),
            }
        self.sessions[session_id] = session
        if key:
            self.idempotent[key] = session_id
        return self._json(200, session)

    def _charge_of(self, kind, identifier):
        for charge in self.charges.values():
            if charge[kind if kind != 'charge' else 'id'] == identifier:
                return charge

    def get_charge(self, kind, identifier):
        charge = self._charge_of(kind, identifier)
        if not charge:
            return self._error(404, 'invalid_request_error',
                "No such %s: '%s'" % (kind, identifier))
        if kind == 'charge':
            return self._json(200, charge)
        return self._json(200, {
                'id': identifier, 'object': 'payment_intent',
                'amount': charge['amount'],
                'amount_received': charge['amount_captured'],
                'currency': charge['currency'], 'status': 'succeeded',
                'latest_charge': charge,
                })

    def create_refund(self, form, key):
        if form.get('payment_intent'):
            charge = self._charge_of('payment_intent', form['payment_intent'])
        else:
            charge = self._charge_of('charge', form.get('charge'))
        if not charge:
            return self._error(400, 'invalid_request_error',
                'No such payment: %s.' % (
                    form.get('payment_intent') or form.get('charge')))
        left = charge['amount_captured'] - charge['amount_refunded']
        amount = int(form.get('amount') or left)
        if amount <= 0 or amount > left:
            return self._json(400, {'error': {
                        'type': 'invalid_request_error',
                        'code': 'amount_too_large',
                        'message': 'Refund amount (%s) is greater than '
                        'unrefunded amount on charge (%s)' % (amount, left),
                        }})
        refund = {
            'id': 're_test_%s%06d' % (self.run, next(self._ids)),
            'object': 'refund',
            'amount': amount, 'charge': charge['id'],
            'payment_intent': charge['payment_intent'],
            'currency': charge['currency'], 'status': 'succeeded',
            'reason': form.get('reason') or None,
            'failure_reason': None,
            }
        self.refunds[refund['id']] = refund
        if key:
            self.idempotent[key] = refund['id']
        charge['amount_refunded'] += amount
        charge['refunded'] = charge['amount_refunded'] == charge['amount']
        self.events.append(self._event('charge.refunded', dict(charge)))
        return self._json(200, refund)

    def hosted_page(self, method, session_id):
        "The hosted page: GET shows the amount, POST pays."
        session = self.sessions[session_id]
        if method == 'GET':
            return 200, HOSTED_PAGE % {
                'amount': '%.2f' % (session['amount_total'] / 100),
                'currency': html.escape(session['currency'].upper()),
                }, 'text/html; charset=utf-8'
        event = self.complete(session_id)
        if self.webhook_url:
            payload, headers = signed(event, self.webhook_secret)
            requests.post(self.webhook_url, data=payload, headers=headers,
                timeout=60)
        location = session['success_url'].replace(
            '{CHECKOUT_SESSION_ID}', session_id)
        return 303, '', 'text/html', {'Location': location}

    def _event(self, kind, obj):
        return {
            'id': 'evt_test_%s%06d' % (self.run, next(self._ids)),
            'object': 'event',
            'type': kind,
            'created': int(time.time()),
            'data': {'object': obj},
            }

    def complete(self, session_id):
        "The client paid on the hosted page: checkout.session.completed."
        session = self.sessions[session_id]
        session.update(status='complete', payment_status='paid',
            payment_intent='pi_test_%s%06d' % (self.run, next(self._ids)))
        charge = {
            'id': 'ch_test_%s%06d' % (self.run, next(self._ids)),
            'object': 'charge',
            'amount': session['amount_total'],
            'amount_captured': session['amount_total'],
            'amount_refunded': 0, 'captured': True, 'paid': True,
            'refunded': False, 'status': 'succeeded',
            'currency': session['currency'],
            'payment_intent': session['payment_intent'],
            'failure_code': None, 'failure_message': None,
            }
        self.charges[charge['id']] = charge
        return self._event('checkout.session.completed', dict(session))

    def refund(self, session_id, amount=None):
        """The workshop refunded the card payment in Stripe's dashboard
        (all of it, or `amount` cents more): charge.refunded."""
        session = self.sessions[session_id]
        charge = self._charge_of('payment_intent', session['payment_intent'])
        left = charge['amount_captured'] - charge['amount_refunded']
        charge['amount_refunded'] += left if amount is None else amount
        charge['refunded'] = charge['amount_refunded'] == charge['amount']
        return self._event('charge.refunded', dict(charge))


def signed(event, secret, timestamp=None):
    "The body and headers of the webhook Stripe posts for `event`."
    payload = json.dumps(event).encode('utf-8')
    return payload, {
        'Content-Type': 'application/json',
        'Stripe-Signature': signature_header(secret, payload, timestamp),
        }
