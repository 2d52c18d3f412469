# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The accounting sync providers without database: the outbox directly,
Pennylane against a local server answering like Pennylane's API v2."""
import datetime as dt
import unittest
from decimal import Decimal

import pluggy

from .. import hub
from ..providers import accounting
from ..providers.accounting import (
    AccountingSyncError, AccountingSyncUnavailableError, RateLimiter)
from .pennylane_server import TOKEN, PennylaneServer
from .servers import closed_port_url

PDF = b'%PDF-1.7\n% Facture FACT-2026-0007\n%%EOF\n'


def plugin_manager():
    pm = pluggy.PluginManager(hub.PROJECT)
    pm.add_hookspecs(hub.Specs)
    pm.register(accounting.plugin)
    return pm


def customer(reference='atelier-1-party-7', name="Garage Dupont"):
    return {
        'external_reference': reference, 'name': name,
        'reg_no': '732829320', 'vat_number': 'FR44732829320',
        'emails': ['compta@garage-dupont.example'], 'phone': '+33478000000',
        'address': "3 avenue Roger Salengro", 'postal_code': '69100',
        'city': "Villeurbanne", 'country': 'FR',
        }


def invoice(number='FACT-2026-0007', reference='atelier-1-invoice-7'):
    "A portal at 20 % and a part at 10 %: 350 + 70 VAT, 100 + 10 VAT."
    return {
        'number': number, 'external_reference': reference,
        'date': dt.date(2026, 10, 15), 'deadline': dt.date(2026, 11, 14),
        'currency': 'EUR',
        'amount_before_tax': Decimal('450.00'), 'tax': Decimal('80.00'),
        'amount': Decimal('530.00'),
        'lines': [
            {'label': "Thermolaquage portail RAL 7016", 'quantity': 1,
                'unit_price': Decimal('350.0000'),
                'amount_before_tax': Decimal('350.00'),
                'tax': Decimal('70.00'), 'vat_rate': Decimal('0.2')},
            {'label': "Sablage garde-corps (logement)", 'quantity': 2,
                'unit_price': Decimal('50.0000'),
                'amount_before_tax': Decimal('100.00'),
                'tax': Decimal('10.00'), 'vat_rate': Decimal('0.1')},
            ],
        }


class PayloadTestCase(unittest.TestCase):
    "What is sent, without network"

    def test_vat_rate_codes(self):
        "French VAT rates become Pennylane's codes"
        self.assertEqual(accounting.vat_rate_code(Decimal('0.2')), 'FR_200')
        self.assertEqual(accounting.vat_rate_code(Decimal('0.055')), 'FR_55')
        self.assertEqual(accounting.vat_rate_code(Decimal('10')), 'FR_100')
        self.assertEqual(accounting.vat_rate_code(Decimal('0.021')), 'FR_21')
        self.assertEqual(accounting.vat_rate_code(Decimal('0')), 'exempt')
        self.assertIsNone(accounting.vat_rate_code(Decimal('0.19')))

    def test_invoice_payload(self):
        "Totals and lines as strings with two decimals, TTC per line"
        payload = accounting.invoice_payload(invoice(), 42, 99)
        self.assertEqual(payload['currency_amount_before_tax'], '450.00')
        self.assertEqual(payload['currency_tax'], '80.00')
        self.assertEqual(payload['currency_amount'], '530.00')
        self.assertEqual(payload['date'], '2026-10-15')
        self.assertEqual(payload['deadline'], '2026-11-14')
        first, second = payload['invoice_lines']
        self.assertEqual(first['vat_rate'], 'FR_200')
        self.assertEqual(first['currency_amount'], '420.00')
        self.assertEqual(second['vat_rate'], 'FR_100')
        self.assertEqual(second['quantity'], 2.0)
        bad = invoice()
        bad['lines'][0]['vat_rate'] = Decimal('0.19')
        with self.assertRaises(AccountingSyncError) as cm:
            accounting.invoice_payload(bad, 42, 99)
        self.assertIn('19 %', cm.exception.message)
        self.assertIn('FACT-2026-0007', cm.exception.message)

    def test_rate_limiter(self):
        "The 26th request within 5 seconds waits for the window to pass"
        now = [0.0]
        waits = []

        def sleep(seconds):
            waits.append(seconds)
            now[0] += seconds
        limiter = RateLimiter(limit=25, window=5, clock=lambda: now[0],
            sleep=sleep)
        for _ in range(25):
            limiter.wait('token-a')
        self.assertEqual(waits, [])
        limiter.wait('token-b')  # another token has its own budget
        self.assertEqual(waits, [])
        now[0] += 1
        limiter.wait('token-a')
        self.assertEqual(waits, [4.0])


class OutboxTestCase(unittest.TestCase):
    "The offline provider keeps what it is given, once"

    def setUp(self):
        self.pm = plugin_manager()
        saved = {k: dict(v) for k, v in accounting.OUTBOX_STORE.items()}
        self.addCleanup(accounting.OUTBOX_STORE.update, saved)
        for store in accounting.OUTBOX_STORE.values():
            store.clear()

    def test_outbox(self):
        "A customer and its invoice pushed twice are kept once"
        pushed = self.pm.hook.atelier_push_customer(
            provider='outbox', credentials={}, customer=customer())
        self.assertTrue(pushed['created'])
        again = self.pm.hook.atelier_push_customer(
            provider='outbox', credentials={}, customer=customer())
        self.assertEqual(again, {'id': pushed['id'], 'created': False})
        for created in [True, False]:
            result = self.pm.hook.atelier_push_invoice(
                provider='outbox', credentials={}, invoice=invoice(),
                customer_id=pushed['id'], pdf=PDF,
                filename='FACT-2026-0007.pdf')
            self.assertEqual(result['created'], created)
        stored, = accounting.OUTBOX_STORE['invoices'].values()
        self.assertEqual(stored['number'], 'FACT-2026-0007')
        self.assertEqual(stored['pdf'], PDF)
        self.assertEqual(stored['customer_id'], pushed['id'])


class PennylaneTestCase(unittest.TestCase):
    "Pennylane's API v2 on a local server"

    def setUp(self):
        self.pm = plugin_manager()
        self.server = PennylaneServer().start()
        self.addCleanup(self.server.stop)
        self.credentials = {'api_token': TOKEN, 'api_base': self.server.api}
        # each test its own limiter: no test waits for another's requests
        limiter = RateLimiter()
        original = accounting.rate_limiter
        accounting.rate_limiter = limiter
        self.addCleanup(setattr, accounting, 'rate_limiter', original)

    def push_customer(self, credentials=None, **kwargs):
        return self.pm.hook.atelier_push_customer(provider='pennylane',
            credentials=credentials or self.credentials,
            customer=customer(**kwargs))

    def push_invoice(self, customer_id, credentials=None, **kwargs):
        return self.pm.hook.atelier_push_invoice(provider='pennylane',
            credentials=credentials or self.credentials,
            invoice=invoice(**kwargs), customer_id=customer_id, pdf=PDF,
            filename='%s.pdf' % kwargs.get('number', 'FACT-2026-0007'))

    def test_push_customer_and_invoice(self):
        "The customer is created once, the invoice imported with its PDF"
        pushed = self.push_customer()
        self.assertTrue(pushed['created'])
        stored, = self.server.customers
        self.assertEqual(stored['id'], pushed['id'])
        self.assertEqual(stored['name'], "Garage Dupont")
        self.assertEqual(stored['reg_no'], '732829320')
        self.assertEqual(stored['billing_address']['city'], "Villeurbanne")
        self.assertEqual(stored['external_reference'], 'atelier-1-party-7')
        self.assertEqual(self.push_customer(),
            {'id': pushed['id'], 'created': False})
        self.assertEqual(len(self.server.customers), 1)

        result = self.push_invoice(pushed['id'])
        self.assertTrue(result['created'])
        attachment, = self.server.attachments
        self.assertEqual(attachment['content'], PDF)
        self.assertEqual(attachment['filename'], 'FACT-2026-0007.pdf')
        imported, = self.server.invoices
        self.assertEqual(imported['id'], result['id'])
        self.assertEqual(imported['file_attachment_id'], attachment['id'])
        self.assertEqual(imported['customer_id'], pushed['id'])
        self.assertEqual(imported['invoice_number'], 'FACT-2026-0007')
        self.assertEqual(imported['currency_amount'], '530.00')
        self.assertEqual(
            [line['vat_rate'] for line in imported['invoice_lines']],
            ['FR_200', 'FR_100'])
        request = self.server.requests[-1]
        self.assertEqual(request['headers']['Authorization'],
            'Bearer ' + TOKEN)

    def test_retry_is_idempotent(self):
        "Pushed again (a retry after a lost answer): found, not re-created"
        customer_id = self.push_customer()['id']
        first = self.push_invoice(customer_id)
        second = self.push_invoice(customer_id)
        self.assertEqual(second, {'id': first['id'], 'created': False})
        self.assertEqual(len(self.server.invoices), 1)
        self.assertEqual(len(self.server.attachments), 1)

    def test_filter_checked(self):
        "A list answered without its filter never matches another record"
        first = self.push_customer()
        self.server.ignore_filter = True
        other = self.push_customer(reference='atelier-1-party-8',
            name="Ferronnerie Lumière")
        self.assertTrue(other['created'])
        self.assertNotEqual(other['id'], first['id'])
        self.assertEqual(self.push_customer(),
            {'id': first['id'], 'created': False})
        self.assertEqual(len(self.server.customers), 2)

    def test_validation_error(self):
        "Pennylane's 422 is reported with its field; nothing imported"
        customer_id = self.push_customer()['id']
        bad = invoice()
        bad['amount'] = Decimal('531.00')  # does not add up
        with self.assertRaises(AccountingSyncError) as cm:
            self.pm.hook.atelier_push_invoice(provider='pennylane',
                credentials=self.credentials, invoice=bad,
                customer_id=customer_id, pdf=PDF, filename='f.pdf')
        self.assertEqual(cm.exception.reason, 'refused')
        self.assertIn('HTTP 422', cm.exception.message)
        self.assertIn('currency_amount', cm.exception.message)
        self.assertEqual(self.server.invoices, [])

    def test_rate_limit(self):
        "A 429 is waited out for retry-after seconds, then retried"
        self.server.limit, self.server.window = 3, 1.0
        customer_id = self.push_customer()['id']  # 2 requests
        result = self.push_invoice(customer_id)  # 3 more: one 429
        self.assertTrue(result['created'])
        statuses = [r['path'] for r in self.server.requests]
        self.assertEqual(len(statuses), 6)  # the refused one sent again
        self.assertEqual(len(self.server.invoices), 1)

    def test_rate_limit_exhausted(self):
        "Still limited after the bounded retries: unavailable, retry later"
        waits = []
        self.server.limit = 0
        client = accounting.PennylaneClient(self.credentials,
            sleep=waits.append)
        with self.assertRaises(AccountingSyncUnavailableError) as cm:
            client.push_customer(customer())
        self.assertEqual(cm.exception.reason, 'rate_limited')
        self.assertEqual(len(waits), accounting.MAX_RETRIES)
        self.assertTrue(all(w >= 1 for w in waits))
        self.assertEqual(self.server.customers, [])

    def test_unavailable_and_refused(self):
        "Down, unreachable, a wrong or missing token: clear errors"
        self.server.fail_status = 503
        with self.assertRaises(AccountingSyncUnavailableError) as cm:
            self.push_customer()
        self.assertIn('HTTP 503', cm.exception.message)
        with self.assertRaises(AccountingSyncUnavailableError):
            self.push_customer(credentials={'api_token': TOKEN,
                    'api_base': closed_port_url()})
        self.server.fail_status = None
        with self.assertRaises(AccountingSyncError) as cm:
            self.push_customer(credentials=dict(self.credentials,
                    api_token='pl_wrong'))
        self.assertEqual(cm.exception.reason, 'refused_token')
        with self.assertRaises(AccountingSyncError) as cm:
            self.push_customer(credentials={'api_base': self.server.api})
        self.assertEqual(cm.exception.reason, 'no_token')
        self.assertEqual(self.server.customers, [])

    def test_providers(self):
        "Both providers are offered for accounting_sync, outbox offline"
        offered = [p for ps in self.pm.hook.atelier_providers() for p in ps]
        self.assertEqual([(p.name, p.offline) for p in offered],
            [('outbox', True), ('pennylane', False)])
        self.assertEqual(offered[1].credentials, ('api_token', 'api_base'))
