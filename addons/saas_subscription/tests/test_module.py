# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
import datetime as dt
import unittest
from decimal import Decimal

from trytond.modules.company.tests import CompanyTestMixin
from trytond.modules.saas_subscription.billing import (
    add_months, change_amount, parse_schedule, period_end, prorate,
    sla_credit_share, tiered_amount)
from trytond.tests.test_tryton import ModuleTestCase


class BillingTestCase(unittest.TestCase):
    "The computations of SaaS billing"

    def test_period_end(self):
        "A monthly period ends on the same day of the next month"
        self.assertEqual(period_end(dt.date(2026, 3, 15)), dt.date(2026, 4, 15))
        self.assertEqual(period_end(dt.date(2026, 1, 31)), dt.date(2026, 2, 28))
        # The anchor day comes back after a short month.
        self.assertEqual(
            add_months(dt.date(2026, 2, 28), 1, 31), dt.date(2026, 3, 31))
        self.assertEqual(period_end(dt.date(2026, 12, 10)), dt.date(2027, 1, 10))

    def test_prorate(self):
        "What is left of a month is billed by days"
        start, end = dt.date(2026, 4, 1), dt.date(2026, 5, 1)  # 30 days
        self.assertEqual(prorate(Decimal(90), start, end, dt.date(2026, 4, 16)),
            Decimal(45))
        self.assertEqual(prorate(Decimal(90), start, end, start), Decimal(90))
        self.assertEqual(prorate(Decimal(90), start, end, end), Decimal(0))

    def test_change_amount(self):
        "An upgrade bills the difference for the days left, a downgrade credits it"
        start, end = dt.date(2026, 4, 1), dt.date(2026, 5, 1)
        on = dt.date(2026, 4, 11)  # 20 days of 30 left
        self.assertEqual(change_amount(Decimal(49), Decimal(99), start, end, on),
            Decimal(50) * 20 / 30)
        self.assertEqual(change_amount(Decimal(99), Decimal(49), start, end, on),
            -Decimal(50) * 20 / 30)
        self.assertEqual(change_amount(
                Decimal(49), Decimal(99), start, end, on, proration=False), 0)

    def test_tiered_amount(self):
        "Graduated and volume tiers"
        tiers = [(100, Decimal('0.50'), None), (500, Decimal('0.40'), None),
            (None, Decimal('0.30'), None)]
        # graduated: 100 × 0.50 + 400 × 0.40 + 100 × 0.30
        self.assertEqual(tiered_amount(600, tiers, 'graduated'),
            Decimal('240.00'))
        # volume: all 600 at the third tier's price
        self.assertEqual(tiered_amount(600, tiers, 'volume'), Decimal('180.00'))
        self.assertEqual(tiered_amount(100, tiers, 'volume'), Decimal('50.00'))
        self.assertEqual(tiered_amount(0, tiers, 'graduated'), 0)
        with_fee = [(100, Decimal(0), Decimal(20)), (None, Decimal('0.1'), None)]
        self.assertEqual(tiered_amount(150, with_fee), Decimal('25.0'))

    def test_sla_credit_share(self):
        "The credit is proportional to the shortfall, up to 10 %"
        self.assertEqual(sla_credit_share(99.3, Decimal('99.5')),
            Decimal('0.04'))
        self.assertEqual(sla_credit_share(99.0, Decimal('99.5')),
            Decimal('0.10'))
        self.assertEqual(sla_credit_share(98.0, Decimal('99.9')),
            Decimal('0.10'))
        self.assertEqual(sla_credit_share(99.95, Decimal('99.9')), 0)
        self.assertEqual(sla_credit_share(None, Decimal('99.9')), 0)

    def test_parse_schedule(self):
        self.assertEqual(parse_schedule('7, 15,25'), [7, 15, 25])
        self.assertEqual(parse_schedule(''), [])
        with self.assertRaises(ValueError):
            parse_schedule('7, quinze')


class SaasSubscriptionTestCase(CompanyTestMixin, ModuleTestCase):
    "SaaS subscriptions"
    module = 'saas_subscription'
    # One cached database for every test of the addon (tests/tools.py).
    extras = ['powder_coating']


del ModuleTestCase
