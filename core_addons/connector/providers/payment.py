# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Online payment providers: a hosted payment page and its webhook.

- ``offline``: no network; the "hosted page" is the portal's own
  confirmation page (the success URL with ``offline_session=<id>``), for the
  demo and the tests. It receives no webhook: the portal confirms directly.
- ``stripe``: Stripe Checkout Sessions over Stripe's HTTP API
  (``POST /v1/checkout/sessions``, form-encoded, ``Idempotency-Key``
  header), and Stripe's signed webhooks (``Stripe-Signature: t=...,v1=...``,
  HMAC-SHA256 of ``"{t}.{payload}"`` with the endpoint's signing secret,
  5 minutes of tolerance). Credentials: ``secret_key``, ``webhook_secret``
  (required: without it every webhook is refused) and ``api_base``
  (default ``https://api.stripe.com``).

Errors are ``PaymentError`` (refused, with a ``reason`` the caller translates)
or ``PaymentUnavailableError`` (Stripe could not be reached or failed:
nothing was charged, try again).
"""
import hashlib
import hmac
import json
import time
from decimal import Decimal

from ..exceptions import ConnectorError, ConnectorUnavailableError
from ..hub import Provider, hookimpl

CAPABILITY = 'payment'
OFFLINE = 'offline'
STRIPE = 'stripe'
STRIPE_API = 'https://api.stripe.com'
CREDENTIALS = ('secret_key', 'webhook_secret', 'api_base')
TOLERANCE = 300  # seconds between Stripe's signature and its reception
TIMEOUT = 20
# currencies Stripe counts without cents
ZERO_DECIMAL = {'BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA',
    'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF'}

MESSAGES = {
    'no_secret': "The payment provider has no secret key: enter it in the "
    "workshop's connector settings.",
    'no_webhook_secret': "The payment provider has no webhook signing "
    "secret: every notification is refused until it is entered.",
    'bad_signature': "The payment notification is not signed by the "
    "payment provider: it was ignored.",
    'stale_signature': "The payment notification is too old (more than "
    "5 minutes): it was ignored.",
    'bad_payload': "The payment notification is unreadable: it was ignored.",
    'refused': "The payment provider refused the payment page: %(detail)s",
    'unavailable': "The payment service cannot be reached right now; "
    "nothing was charged. Please try again in a few minutes.",
    'offline_webhook': "Offline payments are confirmed on the portal page, "
    "not by notification.",
    }


class PaymentError(ConnectorError):
    "The payment provider refused the request (see `reason`)."

    def __init__(self, code, **variables):
        self.reason = code
        self.variables = variables
        super().__init__(MESSAGES[code] % variables if variables
            else MESSAGES[code])


class PaymentUnavailableError(ConnectorUnavailableError):
    "The payment provider could not be reached; nothing was charged."

    def __init__(self):
        self.reason = 'unavailable'
        self.variables = {}
        super().__init__(MESSAGES['unavailable'])


def _provider_name(provider):
    return getattr(provider, 'name', provider)


def minor_units(amount, currency):
    "`amount` (Decimal) in the currency's smallest unit, as Stripe wants."
    amount = Decimal(amount)
    if currency.upper() in ZERO_DECIMAL:
        return int(amount.quantize(Decimal(1)))
    return int((amount * 100).quantize(Decimal(1)))


def offline_session_id(idempotency_key):
    "The same key always gives the same offline session."
    return 'cs_offline_' + hashlib.sha256(
        idempotency_key.encode('utf-8')).hexdigest()[:32]


def create_offline(amount, currency, reference, success_url,
        idempotency_key):
    session = offline_session_id(idempotency_key)
    separator = '&' if '?' in success_url else '?'
    return {
        'id': session,
        'url': f'{success_url}{separator}offline_session={session}',
        }


def checkout_form(amount, currency, description, reference, success_url,
        cancel_url):
    "The form fields of a Checkout Session paying `amount` once by card."
    return {
        'mode': 'payment',
        'payment_method_types[0]': 'card',
        'line_items[0][quantity]': '1',
        'line_items[0][price_data][currency]': currency.lower(),
        'line_items[0][price_data][unit_amount]': str(
            minor_units(amount, currency)),
        'line_items[0][price_data][product_data][name]': description,
        'client_reference_id': reference,
        'metadata[reference]': reference,
        'payment_intent_data[metadata][reference]': reference,
        'success_url': success_url,
        'cancel_url': cancel_url,
        }


def create_stripe(credentials, amount, currency, description, reference,
        success_url, cancel_url, idempotency_key):
    import requests
    credentials = credentials or {}
    secret_key = credentials.get('secret_key')
    if not secret_key:
        raise PaymentError('no_secret')
    api_base = (credentials.get('api_base') or STRIPE_API).rstrip('/')
    try:
        response = requests.post(f'{api_base}/v1/checkout/sessions',
            data=checkout_form(amount, currency, description, reference,
                success_url, cancel_url),
            headers={'Idempotency-Key': idempotency_key},
            auth=(secret_key, ''), timeout=TIMEOUT)
    except (requests.exceptions.RequestException, OSError) as error:
        raise PaymentUnavailableError() from error
    if response.status_code >= 500 or response.status_code == 429:
        raise PaymentUnavailableError()
    try:
        data = response.json()
    except ValueError as error:
        raise PaymentUnavailableError() from error
    if response.status_code >= 400:
        detail = (data.get('error') or {}).get('message') or str(
            response.status_code)
        raise PaymentError('refused', detail=detail)
    if not data.get('id') or not data.get('url'):
        raise PaymentUnavailableError()
    return {'id': data['id'], 'url': data['url']}


def signature_header(secret, payload, timestamp=None):
    "The Stripe-Signature header Stripe would send for `payload` (bytes)."
    if timestamp is None:
        timestamp = int(time.time())
    if isinstance(payload, str):
        payload = payload.encode('utf-8')
    signed = f'{timestamp}.'.encode('ascii') + payload
    digest = hmac.new(
        secret.encode('utf-8'), signed, hashlib.sha256).hexdigest()
    return f't={timestamp},v1={digest}'


def _header(headers, name):
    for key, value in (headers or {}).items():
        if key.lower() == name.lower():
            return value


def verify_stripe(secret, payload, header, now=None):
    """Raise PaymentError unless `header` signs `payload` with `secret`
    within the tolerance; return the decoded event."""
    if not secret:
        raise PaymentError('no_webhook_secret')
    if isinstance(payload, str):
        payload = payload.encode('utf-8')
    timestamp, signatures = None, []
    for item in (header or '').split(','):
        key, _, value = item.strip().partition('=')
        if key == 't':
            timestamp = value
        elif key == 'v1':
            signatures.append(value)
    try:
        timestamp = int(timestamp)
    except (TypeError, ValueError):
        raise PaymentError('bad_signature')
    if not signatures:
        raise PaymentError('bad_signature')
    expected = signature_header(secret, payload, timestamp).split('v1=')[1]
    if not any(hmac.compare_digest(expected, s) for s in signatures):
        raise PaymentError('bad_signature')
    if now is None:
        now = time.time()
    if abs(now - timestamp) > TOLERANCE:
        raise PaymentError('stale_signature')
    try:
        event = json.loads(payload.decode('utf-8'))
        return {
            'id': event['id'],
            'type': event['type'],
            'object': event['data']['object'],
            }
    except (ValueError, KeyError, TypeError) as error:
        raise PaymentError('bad_payload') from error


class PaymentPlugin:
    "The built-in payment providers."

    @hookimpl
    def atelier_providers(self):
        return [
            Provider(
                capability=CAPABILITY, name=OFFLINE,
                label='Demo payments (offline)', offline=True),
            Provider(
                capability=CAPABILITY, name=STRIPE,
                label='Stripe Checkout', credentials=CREDENTIALS),
            ]

    @hookimpl
    def atelier_create_checkout(self, provider, credentials, amount,
            currency, description, reference, success_url, cancel_url,
            idempotency_key):
        name = _provider_name(provider)
        if name == OFFLINE:
            return create_offline(amount, currency, reference, success_url,
                idempotency_key)
        if name == STRIPE:
            return create_stripe(credentials, amount, currency, description,
                reference, success_url, cancel_url, idempotency_key)
        return None

    @hookimpl
    def atelier_parse_webhook(self, provider, credentials, payload, headers):
        name = _provider_name(provider)
        if name == OFFLINE:
            raise PaymentError('offline_webhook')
        if name == STRIPE:
            return verify_stripe((credentials or {}).get('webhook_secret'),
                payload, _header(headers, 'Stripe-Signature'))
        return None


plugin = PaymentPlugin()
