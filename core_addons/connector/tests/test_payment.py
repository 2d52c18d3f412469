# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The payment providers without database: the offline one directly, the
Stripe one against a local server speaking Stripe's HTTP API."""
import time
import unittest
from decimal import Decimal

import pluggy

from .. import hub
from ..providers import payment
from ..providers.payment import PaymentError, PaymentUnavailableError
from .servers import closed_port_url
from .stripe_server import SECRET_KEY, StripeServer, signed

WEBHOOK_SECRET = 'whsec_atelier_test'


def plugin_manager():
    pm = pluggy.PluginManager(hub.PROJECT)
    pm.add_hookspecs(hub.Specs)
    pm.register(payment.plugin)
    return pm


class PaymentProviderTestCase(unittest.TestCase):
    "Checkout pages and webhooks through the hub"

    def setUp(self):
        self.pm = plugin_manager()
        self.server = StripeServer().start()
        self.addCleanup(self.server.stop)
        self.credentials = {
            'secret_key': SECRET_KEY,
            'webhook_secret': WEBHOOK_SECRET,
            'api_base': self.server.url,
            }

    def checkout(self, provider='stripe', credentials=None, key='link-1',
            amount=Decimal('123.45')):
        return self.pm.hook.atelier_create_checkout(
            provider=provider,
            credentials=(self.credentials if credentials is None
                else credentials),
            amount=amount, currency='EUR',
            description="Acompte DEV-2026-0001", reference='link-1',
            success_url='https://atelier.example/pay/t/done',
            cancel_url='https://atelier.example/pay/t/cancelled',
            idempotency_key=key)

    def webhook(self, payload, headers, credentials=None):
        return self.pm.hook.atelier_parse_webhook(
            provider='stripe',
            credentials=(self.credentials if credentials is None
                else credentials),
            payload=payload, headers=headers)

    def test_offline_checkout(self):
        "The offline page is the portal's own confirmation page"
        session = self.checkout('offline', {})
        self.assertTrue(session['id'].startswith('cs_offline_'))
        self.assertEqual(session['url'],
            'https://atelier.example/pay/t/done?offline_session='
            + session['id'])
        self.assertEqual(self.checkout('offline', {})['id'], session['id'])
        with self.assertRaises(PaymentError):
            self.pm.hook.atelier_parse_webhook(provider='offline',
                credentials={}, payload=b'{}', headers={})

    def test_stripe_checkout(self):
        "A Checkout Session in cents, by card, with its page address"
        session = self.checkout()
        stored = self.server.sessions[session['id']]
        self.assertEqual(session['url'], stored['url'])
        self.assertEqual(stored['amount_total'], 12345)
        self.assertEqual(stored['currency'], 'eur')
        self.assertEqual(stored['client_reference_id'], 'link-1')
        request = self.server.requests[-1]
        self.assertEqual(request['headers']['Idempotency-Key'], 'link-1')

    def test_stripe_checkout_idempotent(self):
        "A retry with the same key gets the same session, not a second one"
        first = self.checkout()
        second = self.checkout()
        self.assertEqual(first, second)
        self.assertEqual(len(self.server.sessions), 1)
        self.assertNotEqual(self.checkout(key='link-2')['id'], first['id'])

    def test_stripe_down(self):
        "Stripe failing or unreachable: a clear error, nothing created"
        self.server.fail_status = 503
        with self.assertRaises(PaymentUnavailableError) as cm:
            self.checkout()
        self.assertIn('nothing was charged', cm.exception.message)
        self.assertEqual(self.server.sessions, {})
        with self.assertRaises(PaymentUnavailableError):
            self.checkout(credentials=dict(self.credentials,
                    api_base=closed_port_url()))

    def test_stripe_refused(self):
        "A wrong key: Stripe's reason is given"
        with self.assertRaises(PaymentError) as cm:
            self.checkout(credentials=dict(self.credentials,
                    secret_key='sk_test_wrong'))
        self.assertIn('Invalid API Key', cm.exception.message)
        with self.assertRaises(PaymentError) as cm:
            self.checkout(credentials=dict(self.credentials, secret_key=''))
        self.assertEqual(cm.exception.reason, 'no_secret')

    def test_webhook_signed(self):
        "A correctly signed event is read"
        session = self.checkout()
        event = self.server.complete(session['id'])
        parsed = self.webhook(*signed(event, WEBHOOK_SECRET))
        self.assertEqual(parsed['id'], event['id'])
        self.assertEqual(parsed['type'], 'checkout.session.completed')
        self.assertEqual(parsed['object']['id'], session['id'])
        self.assertEqual(parsed['object']['payment_status'], 'paid')

    def test_webhook_bad_signature(self):
        "Signed with another secret, unsigned or altered: refused"
        event = self.server.complete(self.checkout()['id'])
        payload, headers = signed(event, 'whsec_someone_else')
        with self.assertRaises(PaymentError) as cm:
            self.webhook(payload, headers)
        self.assertEqual(cm.exception.reason, 'bad_signature')
        with self.assertRaises(PaymentError):
            self.webhook(payload, {'Content-Type': 'application/json'})
        payload, headers = signed(event, WEBHOOK_SECRET)
        with self.assertRaises(PaymentError):
            self.webhook(payload.replace(b'paid', b'PAID'), headers)

    def test_webhook_without_secret(self):
        "No signing secret configured: every event is refused"
        event = self.server.complete(self.checkout()['id'])
        for secret in ['', None]:
            with self.assertRaises(PaymentError) as cm:
                self.webhook(*signed(event, WEBHOOK_SECRET),
                    credentials=dict(self.credentials,
                        webhook_secret=secret))
            self.assertEqual(cm.exception.reason, 'no_webhook_secret')

    def test_webhook_tolerance(self):
        "A signature older than 5 minutes is refused (a replayed capture)"
        event = self.server.complete(self.checkout()['id'])
        old = int(time.time()) - 10 * 60
        with self.assertRaises(PaymentError) as cm:
            self.webhook(*signed(event, WEBHOOK_SECRET, timestamp=old))
        self.assertEqual(cm.exception.reason, 'stale_signature')
        recent = int(time.time()) - 60
        self.assertEqual(
            self.webhook(*signed(event, WEBHOOK_SECRET, recent))['id'],
            event['id'])

    def test_minor_units(self):
        "Amounts in the currency's smallest unit"
        self.assertEqual(payment.minor_units(Decimal('0.10'), 'EUR'), 10)
        self.assertEqual(payment.minor_units(Decimal('1234.56'), 'eur'),
            123456)
        self.assertEqual(payment.minor_units(Decimal('500'), 'JPY'), 500)
