# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""A month of poor uptime gives the workshops a credit on their next
invoice, in proportion to the shortfall, once."""
import datetime as dt
import unittest
from decimal import Decimal

from trytond.modules.company.tests import set_company
from trytond.modules.saas_subscription.sla import (
    credit_amount, previous_month, uptime_percent)
from trytond.modules.saas_subscription.tests.tools import (
    create_catalogue, create_publisher, create_subscriber, prepare_database,
    with_accounting_transaction)
from trytond.pool import Pool
from trytond.transaction import Transaction


def record_checks(first_day, days, total, failed):
    """`total` health checks spread over `days` days from `first_day`,
    the first `failed` of them failed."""
    HealthCheck = Pool().get('saas.health_check')
    start = dt.datetime.combine(first_day, dt.time(0, 1))
    step = dt.timedelta(days=days) / total
    HealthCheck.create([{
                'checked_at': start + i * step,
                'ok': i >= failed,
                } for i in range(total)])


class SLAComputationTestCase(unittest.TestCase):
    "The computations of the SLA credits"

    def test_previous_month(self):
        self.assertEqual(previous_month(dt.date(2026, 5, 1)),
            (dt.date(2026, 4, 1), dt.date(2026, 4, 30)))
        self.assertEqual(previous_month(dt.date(2026, 1, 3)),
            (dt.date(2025, 12, 1), dt.date(2025, 12, 31)))

    def test_credit_amount(self):
        "99.3 % for a promise of 99.5 % on 49 € is 40 % of 10 %"
        self.assertEqual(uptime_percent(0.993), Decimal('99.300'))
        self.assertEqual(credit_amount(Decimal(49), Decimal('99.3'),
                Decimal('99.5')), Decimal('1.96'))
        self.assertEqual(credit_amount(Decimal(99), Decimal('99.3'),
                Decimal('99.9')), Decimal('9.90'))
        self.assertEqual(credit_amount(Decimal(49), Decimal('99.6'),
                Decimal('99.5')), Decimal('0.00'))


class SLACreditTestCase(unittest.TestCase):
    "SLA credits from the application's health checks"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        prepare_database()

    @with_accounting_transaction
    def test_sla_credit(self):
        "April at 99.3 %: Lite gets 1.96 €, Pro 10 %, on the next invoice"
        pool = Pool()
        Subscription = pool.get('saas.subscription')
        Credit = pool.get('saas.subscription.sla_credit')
        Invoice = pool.get('account.invoice')
        publisher = create_publisher()
        with set_company(publisher):
            catalogue = create_catalogue(publisher)
        durand, durand_owner = create_subscriber()
        martin, martin_owner = create_subscriber(name="Laquage Martin",
            siret='40000000600017', owner_email='owner@martin.example')
        bernard, _ = create_subscriber(name="Poudrage Bernard",
            siret='40000001400011', owner_email='owner@bernard.example')
        lite = Subscription.start_trial(durand, date=dt.date(2026, 2, 1))
        Subscription.subscribe(lite, catalogue['lite'], [], 0, 'transfer',
            date=dt.date(2026, 3, 10))
        pro = Subscription.start_trial(martin, date=dt.date(2026, 2, 1))
        Subscription.subscribe(pro, catalogue['pro'], [], 0, 'transfer',
            date=dt.date(2026, 3, 10))
        Subscription.renew(date=dt.date(2026, 4, 10))
        # A trial pays nothing: no credit.
        Subscription.start_trial(bernard, date=dt.date(2026, 4, 5))

        # April: 1 000 checks, 7 failed (99.3 %); March was not measured.
        record_checks(dt.date(2026, 4, 1), 30, 1000, 7)
        self.assertEqual(Credit.grant_credits(date=dt.date(2026, 4, 1)), [])

        credits = Credit.grant_credits(date=dt.date(2026, 5, 1))
        by_company = {c.company: c for c in credits}
        self.assertEqual(set(by_company), {durand, martin})
        lite_credit = by_company[durand]
        self.assertEqual(lite_credit.month, dt.date(2026, 4, 1))
        self.assertEqual(lite_credit.uptime, Decimal('99.3'))
        self.assertEqual(lite_credit.target, Decimal('99.5'))
        self.assertEqual(lite_credit.amount, Decimal('1.96'))
        self.assertEqual(lite_credit.state, 'pending')
        self.assertEqual(by_company[martin].amount, Decimal('9.90'))
        # The cron run twice in May creates nothing more.
        self.assertEqual(Credit.grant_credits(date=dt.date(2026, 5, 2)), [])
        self.assertEqual(Credit.search([], count=True), 2)

        # Each owner sees its own credit, not the other workshop's.
        for owner, workshop in [(durand_owner, durand),
                (martin_owner, martin)]:
            with Transaction().set_user(owner.id), \
                    Transaction().set_context(
                        company=workshop.id, _check_access=True):
                seen = Credit.search([])
                self.assertEqual([c.company for c in seen], [workshop])

        # A draft invoice that took the credit then was cancelled gives
        # it back.
        draft = lite._saas_invoice('change', dt.date(2026, 5, 5),
            dt.date(2026, 5, 10), dt.date(2026, 5, 5))
        draft.lines = lite.extra_invoice_lines(
            draft, dt.date(2026, 5, 5), dt.date(2026, 5, 10))
        draft.save()
        self.assertEqual(Credit(lite_credit.id).state, 'applied')
        Invoice.cancel([draft])
        self.assertEqual(Credit(lite_credit.id).state, 'pending')

        # The renewal of 10 May deducts it: 49 − 1.96.
        Subscription.renew(date=dt.date(2026, 5, 10))
        invoice, = Invoice.search([
                ('saas_subscription', '=', lite.id),
                ('saas_period_start', '=', dt.date(2026, 5, 10)),
                ])
        self.assertEqual(invoice.state, 'posted')
        self.assertEqual(invoice.untaxed_amount, Decimal('47.04'))
        line, = [l for l in invoice.lines if l.origin == lite_credit]
        self.assertEqual(line.amount, Decimal('-1.96'))
        # In French (the lead's fr.po gives « Crédit SLA — disponibilité
        # de 99,30 % en avril 2026 (engagement 99,5 %) »).
        for part in ['99,30', 'avril 2026', '99,5 ']:
            self.assertIn(part, line.description)
        lite_credit = Credit(lite_credit.id)
        self.assertEqual(lite_credit.state, 'applied')
        self.assertEqual(lite_credit.invoice_line, line)
        # Applied once: the next renewal has no credit line.
        Subscription.renew(date=dt.date(2026, 6, 10))
        june, = Invoice.search([
                ('saas_subscription', '=', lite.id),
                ('saas_period_start', '=', dt.date(2026, 6, 10)),
                ])
        self.assertEqual(june.untaxed_amount, Decimal('49.00'))
