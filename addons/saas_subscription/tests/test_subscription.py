# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The life of a subscription: trial, choice of plan, changes."""
import datetime as dt
import unittest
from decimal import Decimal

from trytond.model.exceptions import ValidationError
from trytond.modules.company.tests import set_company
from trytond.modules.saas_subscription.tests.tools import (
    create_catalogue, create_publisher, create_subscriber, prepare_database,
    with_accounting_transaction)
from trytond.pool import Pool


def feature_codes(company):
    Feature = Pool().get('saas.feature')
    return {f.code for f in Feature.search([])
        if Feature.is_enabled(f.code, company=company)}


class SubscriptionTestCase(unittest.TestCase):
    "The life of a workshop's subscription"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        prepare_database()

    @with_accounting_transaction
    def test_trial_subscribe_change(self):
        "A trial has Pro's features, subscribing to Lite keeps Lite's"
        pool = Pool()
        Subscription = pool.get('saas.subscription')
        publisher = create_publisher()
        with set_company(publisher):
            catalogue = create_catalogue(publisher)
        workshop, owner = create_subscriber()
        start = dt.date(2026, 4, 1)
        subscription = Subscription.start_trial(workshop, date=start)
        self.assertEqual(subscription.state, 'trial')
        self.assertEqual(subscription.trial_end, dt.date(2026, 5, 1))
        self.assertEqual(subscription.plan, catalogue['pro'])
        self.assertIn('thermogestion.rims', feature_codes(workshop))
        self.assertEqual(subscription.mrr, 0)

        Subscription.subscribe(subscription, catalogue['lite'], [], 0,
            'transfer', date=dt.date(2026, 4, 20))
        self.assertEqual(subscription.state, 'active')
        self.assertEqual(subscription.period_end, dt.date(2026, 5, 20))
        self.assertEqual(subscription.mrr, Decimal(49))
        self.assertEqual(feature_codes(workshop), {'thermogestion.core'})

        # Pro in the middle of the period (15 of 30 days left)
        amount = Subscription.change(subscription, catalogue['pro'],
            [catalogue['rims']], 0, date=dt.date(2026, 5, 5))
        self.assertEqual(amount, Decimal('39.50'))  # (128 - 49) / 2
        self.assertEqual(subscription.mrr, Decimal(128))
        self.assertIn('thermogestion.rims', feature_codes(workshop))
        kinds = [e.kind for e in subscription.events]
        self.assertEqual(kinds, ['upgraded', 'converted', 'trial_started'])

    @with_accounting_transaction
    def test_downgrade_refused_when_data_would_hide(self):
        "A downgrade that would hide the rims records is refused"
        pool = Pool()
        Subscription = pool.get('saas.subscription')
        Model = pool.get('ir.model')
        Feature = pool.get('saas.feature')
        publisher = create_publisher()
        with set_company(publisher):
            catalogue = create_catalogue(publisher)
        workshop, owner = create_subscriber()
        subscription = Subscription.start_trial(workshop)
        Subscription.subscribe(subscription, catalogue['pro'], [], 0,
            'transfer')
        # Say the rims feature covers the audit log (a model with records
        # of the workshop): dropping it would hide them.
        audit, = Model.search([('name', '=', 'saas.audit.log')])
        rims = catalogue['features']['thermogestion.rims']
        Feature.write([rims], {'models': [('add', [audit.id])]})
        AuditLog = pool.get('saas.audit.log')
        AuditLog.log([{'company': workshop.id, 'model': 'company.company',
                    'record_id': workshop.id, 'action': 'write'}])
        with self.assertRaises(ValidationError) as context:
            Subscription.change(subscription, catalogue['lite'], [], 0)
        self.assertIn(rims.name, str(context.exception))
        self.assertEqual(subscription.plan, catalogue['pro'])

    @with_accounting_transaction
    def test_trial_emails_and_end(self):
        "A trial gets its emails on days 7, 15 and 25, then turns read-only"
        pool = Pool()
        Subscription = pool.get('saas.subscription')
        Email = pool.get('connector.email')
        publisher = create_publisher()
        with set_company(publisher):
            catalogue = create_catalogue(publisher)
        workshop, owner = create_subscriber()
        other, _ = create_subscriber(name="Époxy Services Martin",
            siret='55208131766522', owner_email='owner@martin.example')
        start = dt.date(2026, 4, 1)
        subscription = Subscription.start_trial(workshop, date=start)
        Subscription.start_trial(other, date=dt.date(2026, 4, 20))

        def subjects():
            # the trial's emails (powder_coating also tells the owner of
            # the photo quota the trial plan gives)
            return [e.get_message()['Subject'] for e in Email.search(
                    [('company', '=', workshop.id)], order=[('id', 'ASC')])
                if 'trial' in e.get_message()['Subject']]
        for day in range(0, 30):
            Subscription.run_trials(date=start + dt.timedelta(days=day))
        self.assertEqual(len(subjects()), 3)
        self.assertIn("23", subjects()[0])  # 30 - 7 days left
        self.assertIn("5", subjects()[2])
        self.assertEqual(subscription.trial_emails_sent, '7, 15, 25')
        message = Email.search([('company', '=', workshop.id)])[-1]
        self.assertIn('owner@durand.example', message.get_message()['To'])

        # A missed round sends one email, not a burst
        Subscription.run_trials(date=dt.date(2026, 5, 1))
        self.assertEqual(subscription.state, 'expired')
        self.assertTrue(subscription.read_only)
        self.assertEqual(len(subjects()), 4)
        self.assertEqual(Subscription(subscription.id).next_invoice_date, None)
        # The other workshop's trial goes on
        self.assertEqual(
            Subscription.search([('company', '=', other.id)])[0].state,
            'trial')

        # It converts: Lite from today, with its first period
        Subscription.subscribe(subscription, catalogue['lite'], [], 0,
            'transfer', date=dt.date(2026, 5, 3))
        self.assertEqual(subscription.state, 'active')
        self.assertFalse(subscription.read_only)
        self.assertEqual(subscription.next_invoice_date, dt.date(2026, 6, 3))
        self.assertEqual([e.kind for e in subscription.events],
            ['converted', 'trial_expired', 'trial_started'])

    @with_accounting_transaction
    def test_invoice_covered_by_credit(self):
        "A renewal the credit balance covers is paid at once, not chased"
        pool = Pool()
        Subscription = pool.get('saas.subscription')
        publisher = create_publisher()
        with set_company(publisher):
            catalogue = create_catalogue(publisher)
        workshop, owner = create_subscriber()
        subscription = Subscription.start_trial(
            workshop, date=dt.date(2026, 4, 1))
        Subscription.subscribe(subscription, catalogue['lite'], [], 0,
            'transfer', date=dt.date(2026, 4, 1))
        Subscription.write([subscription], {'credit_balance': Decimal(100)})
        Subscription.renew(date=dt.date(2026, 5, 1))
        invoice, = [i for i in Subscription(subscription.id).invoices
            if i.saas_period_start == dt.date(2026, 5, 1)]
        self.assertEqual(invoice.total_amount, 0)
        self.assertEqual(invoice.state, 'paid')
        # Nothing to chase once its due date has passed
        Subscription.run_dunning(date=dt.date(2026, 7, 1))
        self.assertEqual(Subscription(subscription.id).state, 'active')
