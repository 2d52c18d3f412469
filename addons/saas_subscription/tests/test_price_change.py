# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""A price change waits its notice, is told to the workshops it concerns
and applies on its date; every change of prices and rules is audited."""
import datetime as dt
import unittest
from decimal import Decimal

from trytond.model.exceptions import ValidationError
from trytond.modules.company.tests import set_company
from trytond.modules.saas_subscription.price_change import notice_ok
from trytond.modules.saas_subscription.tests.tools import (
    create_catalogue, create_publisher, create_subscriber, prepare_database,
    with_accounting_transaction)
from trytond.pool import Pool


def audit(model, field=None):
    "The audit entries of `model` (and `field`), oldest first."
    AuditLog = Pool().get('saas.audit.log')
    domain = [('model', '=', model)]
    if field:
        domain.append(('field', '=', field))
    return AuditLog.search(domain, order=[('id', 'ASC')])


class NoticeTestCase(unittest.TestCase):
    "The notice of a price change"

    def test_notice_ok(self):
        announced = dt.date(2026, 5, 1)
        self.assertFalse(notice_ok(announced, dt.date(2026, 5, 11), 30))
        self.assertFalse(notice_ok(announced, dt.date(2026, 5, 30), 30))
        self.assertTrue(notice_ok(announced, dt.date(2026, 5, 31), 30))


class PriceChangeTestCase(unittest.TestCase):
    "Price changes with notice, and the audit of prices and rules"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        prepare_database()

    @with_accounting_transaction
    def test_price_change(self):
        "Lite from 49 € to 59 €: refused at 10 days, told at 30, applied"
        pool = Pool()
        Subscription = pool.get('saas.subscription')
        PriceChange = pool.get('saas.plan.price_change')
        Plan = pool.get('saas.plan')
        Email = pool.get('connector.email')
        Invoice = pool.get('account.invoice')
        publisher = create_publisher()
        with set_company(publisher):
            catalogue = create_catalogue(publisher)
        lite, pro = catalogue['lite'], catalogue['pro']
        durand, _ = create_subscriber()
        martin, _ = create_subscriber(name="Laquage Martin",
            siret='40000000600017', owner_email='owner@martin.example')
        bernard, _ = create_subscriber(name="Poudrage Bernard",
            siret='40000001400011', owner_email='owner@bernard.example')
        start = dt.date(2026, 4, 10)
        subscriptions = {}
        rims = catalogue['rims']
        for workshop, plan, options in [(durand, lite, [rims]),
                (martin, pro, []), (bernard, None, [])]:
            subscription = Subscription.start_trial(
                workshop, date=dt.date(2026, 3, 20))
            if plan:
                Subscription.subscribe(subscription, plan, options, 0,
                    'transfer', date=start)
            subscriptions[workshop] = subscription
        # Durand is on Lite with the rims option, Martin on Pro, Bernard
        # still in its trial
        # (it may choose Lite).
        today = dt.date(2026, 5, 1)
        emails_before = Email.search([], count=True)

        change, = PriceChange.create([{
                    'plan': lite.id,
                    'new_price': Decimal(59),
                    'effective_date': dt.date(2026, 5, 11),
                    'reason': "Nouveau module de planification inclus.",
                    }])
        with self.assertRaises(ValidationError) as context:
            PriceChange.announce([change], date=today)
        self.assertIn('30', str(context.exception))
        self.assertEqual(change.state, 'draft')
        self.assertEqual(Email.search([], count=True), emails_before)

        PriceChange.write([change], {'effective_date': dt.date(2026, 6, 1)})
        PriceChange.announce([change], date=today)
        self.assertEqual(change.state, 'announced')
        self.assertEqual(change.announced_on, today)
        self.assertEqual(change.old_price, Decimal(49))
        emails = Email.search([], order=[('id', 'ASC')])[emails_before:]
        recipients = {e.to for e in emails}
        self.assertEqual(recipients,
            {'owner@durand.example', 'owner@bernard.example'})
        self.assertEqual(change.workshops_emailed, 2)
        email = [e for e in emails if e.to == 'owner@durand.example'][0]
        # In the workshop's language, French by default.
        self.assertIn('59,00', email.body)
        self.assertIn('49,00', email.body)
        self.assertIn('01/06/2026', email.body)
        self.assertIn('ThermoGestion Lite', email.subject)
        self.assertTrue(audit('saas.plan.price_change', 'announce'))

        # The renewal before the date keeps 49 € (+ 29 €); the cron waits.
        PriceChange.apply_due(date=dt.date(2026, 5, 31))
        self.assertEqual(change.state, 'announced')
        durand_lite = subscriptions[durand]
        Subscription.renew(date=dt.date(2026, 5, 10))
        renewal, = Invoice.search([
                ('saas_subscription', '=', durand_lite.id),
                ('saas_period_start', '=', dt.date(2026, 5, 10)),
                ])
        self.assertEqual(renewal.untaxed_amount, Decimal('78.00'))

        # On the date the cron applies 59 €, in the history and the log.
        PriceChange.apply_due(date=dt.date(2026, 6, 1))
        self.assertEqual(change.state, 'applied')
        self.assertEqual(Plan(lite.id).price, Decimal(59))
        durand_lite = Subscription(durand_lite.id)
        self.assertEqual(durand_lite.monthly_amount, Decimal(88))
        event = durand_lite.events[0]
        self.assertEqual(event.kind, 'price_changed')
        self.assertEqual(event.previous_mrr, Decimal(78))
        self.assertEqual(event.mrr, Decimal(88))
        self.assertNotIn('price_changed',
            [e.kind for e in subscriptions[martin].events])
        price_log = audit('saas.plan', 'price')[-1]
        self.assertEqual(price_log.company, publisher)
        self.assertEqual(Decimal(price_log.old_value), Decimal(49))
        self.assertEqual(Decimal(price_log.new_value), Decimal(59))
        # The cron run again changes nothing.
        PriceChange.apply_due(date=dt.date(2026, 6, 2))
        self.assertEqual(
            [e.kind for e in durand_lite.events].count('price_changed'), 1)

        # A change announced then cancelled tells the workshops the
        # price stays, and never applies.
        pro_change, = PriceChange.create([{
                    'plan': pro.id,
                    'new_price': Decimal(109),
                    'effective_date': dt.date(2026, 8, 1),
                    }])
        PriceChange.announce([pro_change], date=dt.date(2026, 6, 15))
        self.assertEqual(pro_change.workshops_emailed, 2)  # Martin, Bernard
        emails_before = Email.search([], count=True)
        PriceChange.cancel([pro_change])
        self.assertEqual(pro_change.state, 'cancelled')
        emails = Email.search([], order=[('id', 'ASC')])[emails_before:]
        self.assertEqual({e.to for e in emails},
            {'owner@martin.example', 'owner@bernard.example'})
        self.assertIn('99,00', emails[0].body)
        PriceChange.apply_due(date=dt.date(2026, 8, 1))
        self.assertEqual(Plan(pro.id).price, Decimal(99))

        # A direct edit of a price in use is refused; a new plan is free.
        with self.assertRaises(ValidationError) as context:
            Plan.write([lite], {'price': Decimal(69)})
        self.assertIn('Price Change', str(context.exception))
        self.assertEqual(Plan(lite.id).price, Decimal(59))
        with self.assertRaises(ValidationError):
            Plan.write([rims], {'price': Decimal(35)})
        with set_company(publisher):
            studio, = Plan.create([{
                        'software': catalogue['thermogestion'].id,
                        'code': 'studio', 'name': "Studio", 'sequence': 5,
                        'price': Decimal(29)}])
            Plan.write([studio], {'price': Decimal(25)})
        self.assertEqual(studio.price, Decimal(25))

    @with_accounting_transaction
    def test_rules_and_features_audited(self):
        "A change of the rules or of a plan's features is in the log"
        pool = Pool()
        Configuration = pool.get('saas.subscription.configuration')
        Plan = pool.get('saas.plan')
        publisher = create_publisher()
        with set_company(publisher):
            catalogue = create_catalogue(publisher)
        configuration = Configuration(1)
        configuration.price_notice_days = 45
        configuration.retry_days = '2, 5'
        configuration.trial_days = 21
        configuration.save()
        notice, = audit('saas.subscription.configuration',
            'price_notice_days')
        self.assertEqual((notice.old_value, notice.new_value), ('30', '45'))
        self.assertEqual(notice.company, publisher)
        retries, = audit('saas.subscription.configuration', 'retry_days')
        self.assertEqual(retries.new_value, '2, 5')
        trial, = audit('saas.subscription.configuration', 'trial_days')
        self.assertEqual((trial.old_value, trial.new_value), ('30', '21'))

        reporting = catalogue['features']['thermogestion.advanced_reporting']
        Plan.write([catalogue['lite']], {
                'features': [('add', [reporting.id])],
                'storage_quota_gb': 30,
                })
        features = audit('saas.plan', 'features')[-1]
        self.assertIn("Advanced reporting", features.new_value)
        self.assertNotIn("Advanced reporting", features.old_value)
        self.assertIn("Quotes, projects", features.old_value)
        quota = audit('saas.plan', 'storage_quota_gb')[-1]
        self.assertEqual((quota.old_value, quota.new_value),
            ('20.0', '30.0'))
