# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The SaaS invoices: the first period, an upgrade's prorated difference,
a downgrade's credit deducted at renewal, renewals run twice or late,
a cancellation at period end, a per-unit plan; another workshop's owner
reads none of them."""
import datetime as dt
import unittest
from decimal import Decimal

from trytond.model.exceptions import AccessError, SQLConstraintError
from trytond.modules.company.tests import set_company
from trytond.modules.saas_subscription.tests.tools import (
    create_catalogue, create_publisher, create_subscriber, prepare_database,
    with_accounting_transaction)
from trytond.pool import Pool
from trytond.transaction import Transaction


def invoices_of(subscription):
    Invoice = Pool().get('account.invoice')
    return Invoice.search([('saas_subscription', '=', subscription.id)],
        order=[('id', 'ASC')])


class SaasInvoiceTestCase(unittest.TestCase):
    "The publisher invoices the workshops' subscriptions"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        prepare_database()

    def setup_catalogue(self):
        publisher = create_publisher()
        with set_company(publisher):
            catalogue = create_catalogue(publisher)
        return publisher, catalogue

    @with_accounting_transaction
    def test_lite_upgrade_downgrade_renewals_cancellation(self):
        "Lite invoiced, upgrade billed, downgrade credited, renewals, end"
        pool = Pool()
        Subscription = pool.get('saas.subscription')
        publisher, catalogue = self.setup_catalogue()
        workshop, owner = create_subscriber()
        subscription = Subscription.start_trial(
            workshop, date=dt.date(2026, 3, 2))

        # Lite from 1 April: the first period invoiced and posted at once.
        Subscription.subscribe(subscription, catalogue['lite'], [], 0,
            'transfer', date=dt.date(2026, 4, 1))
        first, = invoices_of(subscription)
        self.assertEqual(first.state, 'posted')
        self.assertTrue(first.number.startswith('FACT-2026-'))
        self.assertEqual(first.company, publisher)
        self.assertEqual(first.party.company, publisher)
        self.assertEqual(first.party.name, "Thermolaquage Durand")
        self.assertEqual(first.party.identifiers[0].code.replace(' ', ''),
            '73282932000017')
        self.assertEqual(first.party.email, 'owner@durand.example')
        self.assertEqual(first.invoice_address.city, "Lyon")
        self.assertEqual(
            (first.saas_period_start, first.saas_period_end),
            (dt.date(2026, 4, 1), dt.date(2026, 5, 1)))
        line, = first.lines
        self.assertEqual(line.description,
            "ThermoGestion Lite — from 01/04/2026 to 30/04/2026")
        self.assertEqual(line.product, catalogue['lite'].product)
        self.assertEqual(line.account.code, '706')
        self.assertEqual(first.untaxed_amount, Decimal('49.00'))
        self.assertEqual(first.tax_amount, Decimal('9.80'))
        self.assertEqual(first.total_amount, Decimal('58.80'))

        # Pro on 16 April: 15 of the 30 days left, (99 - 49) × 15 / 30.
        Subscription.change(subscription, catalogue['pro'], [], 0,
            date=dt.date(2026, 4, 16))
        first, upgrade = invoices_of(subscription)
        self.assertEqual(upgrade.state, 'posted')
        self.assertEqual(upgrade.saas_billing, 'change')
        self.assertEqual(upgrade.untaxed_amount, Decimal('25.00'))
        self.assertEqual(upgrade.total_amount, Decimal('30.00'))
        self.assertEqual(upgrade.lines[0].description,
            "Plan change Lite → Pro, from 16/04/2026 to 30/04/2026")

        # Back to Lite on 21 April: 10 days of 30 credited,
        # (99 - 49) × 10 / 30 = 16.67, no invoice (never a negative one).
        Subscription.change(subscription, catalogue['lite'], [], 0,
            date=dt.date(2026, 4, 21))
        self.assertEqual(len(invoices_of(subscription)), 2)
        self.assertEqual(subscription.credit_balance, Decimal('16.67'))
        self.assertEqual(subscription.next_invoice_date, dt.date(2026, 5, 1))
        self.assertEqual(subscription.next_invoice_amount, Decimal('32.33'))

        # The renewal of 1 May deducts the credit; run twice, one invoice.
        Subscription.renew(date=dt.date(2026, 5, 1))
        Subscription.renew(date=dt.date(2026, 5, 1))
        *_, renewal = invoices_of(subscription)
        self.assertEqual(len(invoices_of(subscription)), 3)
        self.assertEqual(
            (renewal.saas_period_start, renewal.saas_period_end),
            (dt.date(2026, 5, 1), dt.date(2026, 6, 1)))
        self.assertEqual([l.amount for l in renewal.lines],
            [Decimal('49.00'), Decimal('-16.67')])
        self.assertEqual(renewal.untaxed_amount, Decimal('32.33'))
        self.assertEqual(renewal.total_amount, Decimal('38.80'))
        self.assertEqual(subscription.credit_balance, Decimal(0))
        self.assertEqual(subscription.period_start, dt.date(2026, 5, 1))
        self.assertEqual(subscription.events[0].kind, 'renewed')

        # Cancelled at the end of May: the renewal ends it, no invoice.
        Subscription.request_cancellation([subscription],
            date=dt.date(2026, 5, 20))
        Subscription.renew(date=dt.date(2026, 6, 3))
        self.assertEqual(subscription.state, 'cancelled')
        self.assertEqual(subscription.ended_on, dt.date(2026, 6, 1))
        self.assertEqual(len(invoices_of(subscription)), 3)
        ended, = [e for e in subscription.events if e.kind == 'cancelled']
        self.assertEqual(
            (ended.kind, ended.previous_mrr, ended.mrr),
            ('cancelled', Decimal(49), Decimal(0)))

    @with_accounting_transaction
    def test_per_unit_catch_up_and_other_owner(self):
        "600 contacts invoiced 240 €, missed periods caught up, owners apart"
        pool = Pool()
        Subscription = pool.get('saas.subscription')
        Invoice = pool.get('account.invoice')
        publisher, catalogue = self.setup_catalogue()
        workshop, owner = create_subscriber()
        other, other_owner = create_subscriber(
            name="Laquage Martin", siret='55208131766522', city="Lille",
            postal_code='59000', street="4 rue Nationale",
            owner_email='owner@martin.example')
        subscription = Subscription.start_trial(
            workshop, catalogue['leads'], date=dt.date(2026, 3, 1))
        Subscription.subscribe(subscription, catalogue['contacts'], [], 600,
            'transfer', date=dt.date(2026, 4, 1))
        first, = invoices_of(subscription)
        line, = first.lines
        # 100 × 0.50 + 400 × 0.40 + 100 × 0.30
        self.assertEqual(line.quantity, 600)
        self.assertEqual(first.untaxed_amount, Decimal('240.00'))
        self.assertEqual(first.total_amount, Decimal('288.00'))

        other_subscription = Subscription.start_trial(
            other, date=dt.date(2026, 3, 1))
        Subscription.subscribe(other_subscription, catalogue['lite'], [], 0,
            'transfer', date=dt.date(2026, 4, 2))
        self.assertEqual(len(invoices_of(other_subscription)), 1)

        # The renewal cron did not run in May: on 10 June both periods.
        # The other workshop's option lost its invoice product: its
        # renewal waits (nothing written), the others renew.
        Subscription.write([subscription], {'credits': 7})
        Subscription.write([other_subscription], {
                'options': [('add', [catalogue['rims'].id])]})
        Plan = pool.get('saas.plan')
        Plan.write([catalogue['rims']], {'product': None})
        Subscription.renew(date=dt.date(2026, 6, 10))
        self.assertEqual(other_subscription.period_start, dt.date(2026, 4, 2))
        self.assertEqual(len(invoices_of(other_subscription)), 1)
        invoices = invoices_of(subscription)
        self.assertEqual([i.saas_period_start for i in invoices], [
                dt.date(2026, 4, 1), dt.date(2026, 5, 1),
                dt.date(2026, 6, 1)])
        self.assertTrue(all(i.state == 'posted' for i in invoices))
        self.assertEqual(subscription.period_end, dt.date(2026, 7, 1))
        self.assertEqual(subscription.credits, 100)

        # A period already invoiced is refused, even made by hand.
        self.assertEqual(Subscription.bill_periods(
                [subscription], dt.date(2026, 6, 10)), [])

        ids = [i.id for i in invoices]
        InvoiceReport = pool.get('account.invoice', type='report')
        ModelData = pool.get('ir.model.data')
        with Transaction().set_user(owner.id), Transaction().set_context(
                company=workshop.id, _check_access=True):
            self.assertEqual(
                sorted(i.id for i in Invoice.search([])), sorted(ids))
            self.assertEqual(Invoice(ids[0]).total_amount, Decimal('288.00'))
            # His subscription's Invoices tab and the invoice it opens.
            for xml_id in ['subscription_invoice_view_list',
                    'invoice_saas_view_form']:
                view = Invoice.fields_view_get(
                    ModelData.get_id('saas_subscription', xml_id))
                self.assertEqual(len(Invoice.read(ids, list(view['fields']))),
                    3)
            # The owner opens the PDF of his invoice.
            extension, content, _, name = InvoiceReport.execute(
                [ids[0]], {'action_id': None})
            self.assertEqual(extension, 'pdf')
            self.assertTrue(bytes(content).startswith(b'%PDF'))
        with Transaction().set_user(other_owner.id), \
                Transaction().set_context(
                    company=other.id, _check_access=True):
            self.assertEqual(
                {i.saas_subscription for i in Invoice.search([])},
                {other_subscription})
            with self.assertRaises(AccessError):
                Invoice.read(ids, ['number'])

        # (last: on PostgreSQL the refused insert ends the transaction)
        with self.assertRaises(SQLConstraintError):
            Invoice.copy([invoices[-1]], default={
                    'saas_subscription': subscription.id,
                    'saas_billing': 'period',
                    'saas_period_start': dt.date(2026, 6, 1),
                    })


if __name__ == '__main__':
    unittest.main()
