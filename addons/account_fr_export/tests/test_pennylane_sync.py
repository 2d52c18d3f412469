# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Posted customer invoices sent to Pennylane (a local server answering
like Pennylane's API v2) or the offline outbox, per workshop."""
import datetime as dt
import unittest
from decimal import Decimal

from trytond.modules.account_fr_export.pennylane import (
    external_reference, line_tax, retry_delay)
from trytond.modules.account_fr_export.tests.tools import (
    MODULES, create_client, create_invoice, create_workshop,
    with_accounting_transaction)
from trytond.modules.company.tests import set_company
from trytond.modules.connector.providers import accounting
from trytond.modules.connector.tests.pennylane_server import (
    TOKEN, PennylaneServer)
from trytond.modules.saas.tests.tools import create_workshop_user
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, drop_db
from trytond.transaction import Transaction


class SyncRulesTestCase(unittest.TestCase):
    "The sync's small rules"

    def test_rules(self):
        self.assertEqual(line_tax(Decimal('80.50'), Decimal('0.2')),
            Decimal('16.10'))
        self.assertEqual(retry_delay(1), dt.timedelta(minutes=5))
        self.assertEqual(retry_delay(3), dt.timedelta(minutes=20))
        self.assertEqual(retry_delay(20), dt.timedelta(hours=6))
        self.assertEqual(external_reference('invoice', 3, 12),
            'atelier-3-invoice-12')


class PennylaneSyncTestCase(unittest.TestCase):
    "Invoices pushed once, retried after a failure, per workshop"

    @classmethod
    def setUpClass(cls):
        drop_db()
        activate_module(MODULES)

    @classmethod
    def tearDownClass(cls):
        drop_db()

    def setUp(self):
        self.server = PennylaneServer().start()
        self.addCleanup(self.server.stop)
        saved = {k: dict(v) for k, v in accounting.OUTBOX_STORE.items()}
        self.addCleanup(accounting.OUTBOX_STORE.update, saved)
        for store in accounting.OUTBOX_STORE.values():
            store.clear()

    def choose(self, company, provider, **credentials):
        Setting = Pool().get('connector.setting')
        Setting.create([{
                    'company': company.id, 'capability': 'accounting_sync',
                    'provider': provider,
                    'credentials': [('create', [
                                {'key': k, 'value': v}
                                for k, v in credentials.items()])],
                    }])

    def tasks(self, invoice):
        "The queued sendings of `invoice`."
        Queue = Pool().get('ir.queue')
        return [t for t in Queue.search([('finished_at', '=', None)])
            if t.data.get('method') == 'pennylane_sync'
            and list(t.data.get('instances') or []) == [invoice.id]]

    @with_accounting_transaction
    def test_sync(self):
        "Down, then sent once with its PDF; the other workshop apart"
        pool = Pool()
        Invoice = pool.get('account.invoice')
        durand = create_workshop()
        martin = create_workshop(name="Époxy Services Martin",
            siret='40483304800022', city="Bordeaux", postal_code='33000')
        with set_company(durand):
            self.choose(durand, 'pennylane', api_token=TOKEN,
                api_base=self.server.api)
            dupont = create_client(durand, siren='732829320',
                email='compta@garage-dupont.example')
            self.server.fail_status = 503  # Pennylane is down
            invoice = create_invoice(durand, dupont, [
                    ("Thermolaquage portail RAL 7016", 1, Decimal('350')),
                    ("Sablage", 2, Decimal('40.25')),
                    ])
            self.assertEqual(invoice.pennylane_state, 'not_sent')
            task, = self.tasks(invoice)  # queued when posted
            task.run()
            invoice = Invoice(invoice.id)
            self.assertEqual(invoice.pennylane_state, 'failed')
            self.assertIn('HTTP 503', invoice.pennylane_message)
            self.assertTrue(invoice.pennylane_next_attempt)
            self.assertEqual(self.server.invoices, [])

            # the service is back: the cron sends it again when due
            self.server.fail_status = None
            Invoice.write([invoice], {
                    'pennylane_next_attempt': dt.datetime.now()
                    - dt.timedelta(minutes=1)})
            Invoice.pennylane_retry()
            invoice = Invoice(invoice.id)
            self.assertEqual(
                (invoice.pennylane_state, invoice.pennylane_message),
                ('sent', None))
            customer, = self.server.customers
            self.assertEqual(customer['name'], "Garage Dupont")
            self.assertEqual(customer['reg_no'], '732829320')
            self.assertEqual(customer['emails'],
                ['compta@garage-dupont.example'])
            imported, = self.server.invoices
            self.assertEqual(invoice.pennylane_id, str(imported['id']))
            self.assertEqual(imported['invoice_number'], invoice.number)
            self.assertEqual(imported['currency_amount_before_tax'], '430.50')
            self.assertEqual(imported['currency_tax'], '86.10')
            self.assertEqual(imported['currency_amount'], '516.60')
            self.assertEqual(
                [l['vat_rate'] for l in imported['invoice_lines']],
                ['FR_200', 'FR_200'])
            attachment, = self.server.attachments
            self.assertEqual(imported['file_attachment_id'], attachment['id'])
            # the invoice's PDF, the Factur-X one the client receives
            self.assertEqual(attachment['filename'], invoice.number + '.pdf')
            self.assertTrue(attachment['content'].startswith(b'%PDF'))

            # sent again by hand (or a lost answer): never twice
            Invoice.write([invoice], {'pennylane_state': 'failed'})
            Invoice.pennylane_sync([invoice])
            self.assertEqual(Invoice(invoice.id).pennylane_state, 'sent')
            self.assertEqual(len(self.server.invoices), 1)
            self.assertEqual(len(self.server.customers), 1)
            # a second invoice of the same client: the client is found
            second = create_invoice(durand, dupont, [
                    ("Jantes", 4, Decimal('90'))])
            Invoice.pennylane_sync([second])
            self.assertEqual(len(self.server.customers), 1)
            self.assertEqual(len(self.server.invoices), 2)
            # a draft is not sent
            draft = create_invoice(durand, dupont, [
                    ("Brouillon", 1, Decimal('10'))], post=False)
            Invoice.pennylane_sync([draft])
            self.assertIsNone(Invoice(draft.id).pennylane_state)
            self.assertEqual(len(self.server.invoices), 2)
            # a copy starts unsent
            copy, = Invoice.copy([invoice])
            self.assertIsNone(copy.pennylane_id)
            self.assertIsNone(copy.pennylane_state)

        with set_company(martin):
            # the other workshop chose nothing: its invoices stay home
            other = create_client(martin, name="Client de Martin")
            kept = create_invoice(martin, other, [
                    ("Portail", 1, Decimal('999'))])
            self.assertIsNone(kept.pennylane_state)
            self.assertEqual(self.tasks(kept), [])
            # then the offline outbox: only its own invoice goes there
            self.choose(martin, 'outbox')
            Invoice.pennylane_send([kept])
            task, = self.tasks(kept)
            task.run()
            self.assertEqual(Invoice(kept.id).pennylane_state, 'sent')
            stored, = accounting.OUTBOX_STORE['invoices'].values()
            self.assertEqual(stored['number'], kept.number)
            self.assertEqual(stored['external_reference'],
                external_reference('invoice', martin.id, kept.id))
            self.assertEqual(len(self.server.invoices), 2)  # Durand's only
            user = create_workshop_user(martin, 'compta_martin', 'accounting')

        with Transaction().set_user(user.id), Transaction().set_context(
                company=martin.id, _check_access=True):
            # Martin's accountant neither sees nor sends Durand's invoices
            self.assertEqual(Invoice.search([
                        ('id', '=', invoice.id)]), [])
            self.assertEqual(
                [i.id for i in Invoice.search([('pennylane_state', '=',
                                'sent')])], [kept.id])
