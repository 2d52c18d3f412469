# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""A renewal paid by a card that is declined goes through the dunning:
past due, retried on days 1, 3 and 7 with reminders, suspended on day 14;
the owner saves a new card and pays: active at once with its features; a
replayed Stripe event changes nothing."""
import datetime as dt
import unittest

from trytond.model.exceptions import AccessError
from trytond.modules.company.tests import set_company
from trytond.modules.saas_subscription.dunning import dunning_step
from trytond.modules.saas_subscription.tests.test_payment import (
    DECLINED_CARD, GOOD_CARD, CardTestMixin)
from trytond.modules.saas_subscription.tests.tools import (
    create_catalogue, create_publisher, create_subscriber, prepare_database,
    with_accounting_transaction)
from trytond.pool import Pool
from trytond.transaction import Transaction


def feature_codes(company):
    Feature = Pool().get('saas.feature')
    return {f.code for f in Feature.search([])
        if Feature.is_enabled(f.code, company=company)}


class DunningTestCase(CardTestMixin, unittest.TestCase):
    "Dunning of a declined card, suspension and payment"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        prepare_database()

    def test_dunning_step(self):
        "Retry on the schedule's days, suspend after the delay"
        retries = [1, 3, 7]
        self.assertEqual(dunning_step(0, retries, 14, set()), None)
        self.assertEqual(dunning_step(1, retries, 14, set()), 'retry')
        self.assertEqual(dunning_step(1, retries, 14, {1}), None)
        self.assertEqual(dunning_step(2, retries, 14, {1}), None)
        self.assertEqual(dunning_step(7, retries, 14, {1, 3}), 'retry')
        self.assertEqual(dunning_step(14, retries, 14, {1, 3, 7}),
            'suspend')
        self.assertEqual(dunning_step(20, retries, 14, {1}), 'suspend')

    @with_accounting_transaction
    def test_declined_card_to_suspension_and_back(self):
        "A declined card: past due, three retries, suspended, paid, active"
        pool = Pool()
        Subscription = pool.get('saas.subscription')
        Payment = pool.get('account.payment')
        Dunning = pool.get('saas.subscription.dunning')
        publisher = create_publisher()
        with set_company(publisher):
            catalogue = create_catalogue(publisher)
        self.stripe_keys(publisher)
        workshop, owner = create_subscriber()
        subscription = Subscription.start_trial(workshop,
            date=dt.date(2026, 4, 1))
        self.save_card(subscription, DECLINED_CARD)
        start = dt.date(2026, 5, 1)
        Subscription.subscribe(subscription, catalogue['lite'], [], 0,
            'card', date=start)
        invoice, = subscription.invoices
        lite = feature_codes(workshop)
        self.assertEqual(lite, {'thermogestion.core'})

        # The charge is declined: Stripe's event fails the payment.
        event, = self.charge()
        self.assertEqual(event['type'], 'payment_intent.payment_failed')
        self.assertTrue(self.deliver(event))
        subscription = Subscription(subscription.id)
        self.assertEqual(subscription.state, 'past_due')
        self.assertEqual(subscription.past_due_since, start)
        failed, = self.outbox(workshop)[-1:]
        self.assertIn(invoice.number, failed.subject)
        self.assertIn('58', failed.body)
        self.assertIn('Save a Card', failed.body)
        self.assertEqual(subscription.events[0].kind, 'past_due')
        # The same event again: nothing more.
        emails = len(self.outbox(workshop))
        self.assertTrue(self.deliver(event))
        self.assertEqual(len(self.outbox(workshop)), emails)
        self.assertEqual(len(Subscription(subscription.id).events), 3)

        # Days 1 to 13: a new attempt and a reminder on days 1, 3 and 7.
        for day in range(1, 14):
            date = start + dt.timedelta(days=day)
            emails = len(self.outbox(workshop))
            Subscription.run_dunning(date=date)
            Subscription.run_dunning(date=date)  # a cron run twice
            events = self.charge()
            for event in events:
                self.deliver(event)
            if day in {1, 3, 7}:
                self.assertEqual(len(events), 1, day)
                self.assertEqual(len(self.outbox(workshop)), emails + 1)
                reminder = self.outbox(workshop)[-1]
                self.assertIn(invoice.number, reminder.body)
                self.assertIn('%s days' % (14 - day), reminder.body)
            else:
                self.assertEqual(events, [], day)
                self.assertEqual(len(self.outbox(workshop)), emails)
            self.assertEqual(Subscription(subscription.id).state,
                'past_due')
        payments = Payment.search([('line.move.origin', '=', str(invoice))])
        self.assertEqual([p.state for p in payments], ['failed'] * 4)
        self.assertEqual(len({p.stripe_idempotency_key
                    for p in payments}), 4)

        # Day 14: suspended, told how to lift it.
        suspended_on = start + dt.timedelta(days=14)
        Subscription.run_dunning(date=suspended_on)
        subscription = Subscription(subscription.id)
        self.assertEqual(subscription.state, 'suspended')
        self.assertTrue(subscription.read_only)
        self.assertEqual(subscription.suspended_on, suspended_on)
        email = self.outbox(workshop)[-1]
        self.assertIn('suspended', email.subject)
        self.assertIn('Pay Now', email.body)
        self.assertEqual(
            [d.kind for d in subscription.dunning if d.kind != 'failure'],
            ['suspension', 'reminder', 'attempt', 'reminder', 'attempt',
                'reminder', 'attempt', 'attempt'])
        self.assertEqual(len([d for d in subscription.dunning
                    if d.kind == 'failure']), 4)

        # The other workshop's owner sees none of it.
        other, other_owner = create_subscriber(
            name="Époxy Services Martin", siret='55203253400646',
            city="Bordeaux", postal_code='33000',
            owner_email='owner@martin.example')
        with Transaction().set_user(other_owner.id), \
                Transaction().set_context(company=other.id,
                    _check_access=True):
            self.assertEqual(Dunning.search([]), [])
            with self.assertRaises(AccessError):
                Dunning.read([subscription.dunning[0].id], ['kind'])
        with Transaction().set_user(owner.id), \
                Transaction().set_context(company=workshop.id,
                    _check_access=True):
            self.assertEqual(len(Dunning.search([])),
                len(subscription.dunning))

        # The owner saves a new card and pays on day 15: active at once.
        paid_on = start + dt.timedelta(days=15)
        self.save_card(subscription, GOOD_CARD)
        with Transaction().set_user(owner.id), \
                Transaction().set_context(company=workshop.id,
                    _check_access=True):
            Subscription.pay_now([Subscription(subscription.id)],
                date=paid_on)
        event, = self.charge()
        self.assertEqual(event['type'], 'payment_intent.succeeded')
        self.assertTrue(self.deliver(event))
        subscription = Subscription(subscription.id)
        self.assertEqual(subscription.state, 'active')
        self.assertFalse(subscription.read_only)
        self.assertIsNone(subscription.past_due_since)
        self.assertEqual(invoice.__class__(invoice.id).state, 'paid')
        self.assertEqual(feature_codes(workshop), lite)
        self.assertEqual(subscription.events[0].kind, 'reactivated')
        self.assertEqual(subscription.events[0].date, paid_on)
        self.assertIn('payment received', self.outbox(workshop)[-1].subject)

        # Stripe delivers the same event again: nothing changes.
        counts = (len(subscription.events), len(subscription.dunning),
            len(self.outbox(workshop)),
            Payment.search_count([('company', '=', publisher.id)]))
        self.assertTrue(self.deliver(event))
        Subscription.run_dunning(date=paid_on + dt.timedelta(days=1))
        subscription = Subscription(subscription.id)
        self.assertEqual((len(subscription.events),
                len(subscription.dunning), len(self.outbox(workshop)),
                Payment.search_count([('company', '=', publisher.id)])),
            counts)
        self.assertEqual(subscription.state, 'active')
