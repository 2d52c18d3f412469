# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""How the SaaS invoices are paid: a card saved at the publisher's Stripe
account and charged off session (a local server speaking Stripe's API),
a SEPA mandate debited with pain.008 by the publisher's accountant, a
transfer settled by the bank statement.

localstripe (PyPI) was tried first: it refuses the ``description`` and
``automatic_payment_methods`` parameters Tryton's ``stripe_charge`` sends
with an off-session PaymentIntent, so the server below speaks that part
of Stripe's API (customers' payment methods, PaymentIntents confirmed off
session with an Idempotency-Key, declines as 402 card errors carrying
the PaymentIntent)."""
import datetime as dt
import json
import unittest
import urllib.parse
from decimal import Decimal
from unittest import mock

from trytond.modules.company.tests import set_company
from trytond.modules.connector.tests.stripe_server import (
    SECRET_KEY, StripeServer)
from trytond.modules.saas_subscription.payment import (
    attempt_number, idempotency_key, may_attempt)
from trytond.modules.saas_subscription.tests.tools import (
    create_catalogue, create_publisher, create_subscriber, prepare_database,
    with_accounting_transaction)
from trytond.pool import Pool
from trytond.transaction import Transaction

WEBHOOK_SECRET = 'whsec_publisher'
GOOD_CARD = '4242424242424242'
DECLINED_CARD = '4000000000000002'
PUBLISHER_IBAN = 'FR7630006000011234567890189'
WORKSHOP_IBAN = 'FR1420041010050500013M02606'


def _form(body):
    return dict(urllib.parse.parse_qsl(body.decode('utf-8'),
            keep_blank_values=True))


class CardServer(StripeServer):
    """Stripe's customers, payment methods, setup intents and payment
    intents confirmed off session, on 127.0.0.1."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.customers = {}
        self.methods = {}
        self.intents = {}
        self.answers = {}

    def new_id(self, prefix):
        return '%s_%s%06d' % (prefix, self.run, next(self._ids))

    def add_customer(self):
        customer = {'id': self.new_id('cus'), 'object': 'customer'}
        self.customers[customer['id']] = customer
        return customer['id']

    def add_card(self, customer, number):
        "A card saved by the customer (newest first, as Stripe lists)."
        method = {
            'id': self.new_id('pm'), 'object': 'payment_method',
            'type': 'card', 'customer': customer,
            'card': {'brand': 'visa', 'last4': number[-4:],
                'exp_month': 12, 'exp_year': 2030},
            'number': number,
            }
        self.methods[method['id']] = method
        return method['id']

    def answer(self, method, path, body):
        headers = self.requests[-1]['headers']
        route = path.split('?')[0]
        if not self._authorised(headers) or not (
                route.startswith('/v1/payment_methods')
                or route.startswith('/v1/customers/')
                or route.startswith('/v1/payment_intents')
                or route.startswith('/v1/setup_intents')):
            return super().answer(method, path, body)
        key = headers.get('Idempotency-Key')
        if method == 'POST' and key and key in self.answers:
            return self.answers[key]
        if method == 'GET' and route == '/v1/payment_methods':
            query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(
                        path).query))
            data = [m for m in reversed(list(self.methods.values()))
                if m['customer'] == query.get('customer')]
            return self._json(200, {'object': 'list', 'data': data,
                    'has_more': False, 'url': '/v1/payment_methods'})
        if method == 'GET' and route.startswith('/v1/customers/'):
            customer = self.customers.get(route.rsplit('/', 1)[1])
            if customer:
                return self._json(200, dict(customer, sources={
                            'object': 'list', 'data': [],
                            'has_more': False}))
        if method == 'POST' and route == '/v1/setup_intents':
            intent = {'id': self.new_id('seti'), 'object': 'setup_intent',
                'status': 'requires_payment_method',
                'client_secret': 'seti_secret'}
            return self._json(200, intent)
        if method == 'POST' and route == '/v1/payment_intents':
            answer = self.create_intent(_form(body))
            if key:
                self.answers[key] = answer
            return answer
        if method == 'GET' and route.startswith('/v1/payment_intents/'):
            intent = self.intents.get(route.rsplit('/', 1)[1])
            if intent:
                return self._json(200, intent)
        return self._error(404, 'invalid_request_error',
            'Unrecognized request URL (%s: %s).' % (method, path))

    def create_intent(self, form):
        card = self.methods.get(form.get('payment_method'))
        if not card or card['customer'] != form.get('customer'):
            return self._error(400, 'invalid_request_error',
                'No such PaymentMethod: %s' % form.get('payment_method'))
        amount = int(form['amount'])
        declined = card['number'] == DECLINED_CARD
        intent = {
            'id': self.new_id('pi'), 'object': 'payment_intent',
            'amount': amount, 'currency': form['currency'],
            'customer': form['customer'],
            'payment_method': card['id'],
            'description': form.get('description'),
            'off_session': form.get('off_session') == 'true',
            'amount_received': 0 if declined else amount,
            'amount_capturable': 0,
            'status': ('requires_payment_method' if declined
                else 'succeeded'),
            'last_payment_error': ({
                    'type': 'card_error', 'code': 'card_declined',
                    'decline_code': 'generic_decline',
                    'message': 'Your card was declined.'}
                if declined else None),
            }
        self.intents[intent['id']] = intent
        self.events.append({
                'id': self.new_id('evt'), 'object': 'event',
                'type': ('payment_intent.payment_failed' if declined
                    else 'payment_intent.succeeded'),
                'data': {'object': intent},
                })
        if declined:
            error = dict(intent['last_payment_error'], payment_intent=intent)
            return 402, json.dumps({'error': error}), 'application/json'
        return self._json(200, intent)


class CardTestMixin:
    "The publisher's Stripe keys and the local Stripe server."

    def setUp(self):
        super().setUp()
        import stripe
        self.stripe = CardServer().start()
        self.addCleanup(self.stripe.stop)
        self.addCleanup(setattr, stripe, 'api_base', stripe.api_base)
        stripe.api_base = self.stripe.url

    def stripe_keys(self, publisher):
        Setting = Pool().get('connector.setting')
        Setting.create([{
                    'company': publisher.id,
                    'capability': 'payment',
                    'provider': 'stripe',
                    'credentials': [('create', [
                                {'key': 'secret_key', 'value': SECRET_KEY},
                                {'key': 'webhook_secret',
                                    'value': WEBHOOK_SECRET},
                                ])],
                    }])

    def save_card(self, subscription, number):
        """The owner presses « Enregistrer une carte » and completes
        Stripe's page: the customer and its card exist at Stripe (what
        Tryton's stripe_intent_update records after the checkout)."""
        pool = Pool()
        Subscription = pool.get('saas.subscription')
        Customer = pool.get('account.payment.stripe.customer')
        action = Subscription.save_card([subscription])
        customer = subscription.stripe_customer
        self.assertIn('/account_payment_stripe/checkout/', action['url'])
        if not customer.stripe_customer_id:
            Customer.write([customer], {
                    'stripe_customer_id': self.stripe.add_customer()})
        self.stripe.add_card(customer.stripe_customer_id, number)
        Customer._payment_methods_cache.clear()
        return customer

    def charge(self):
        """Tryton's queue task charging the payments in processing, run
        now (its commit after each charge kept in the test's
        transaction); return the events Stripe sends."""
        Payment = Pool().get('account.payment')
        sent = len(self.stripe.events)
        with mock.patch.object(Transaction, 'commit'):
            payments = Payment.search([
                    ('state', '=', 'processing'),
                    ('journal.process_method', '=', 'stripe'),
                    ('stripe_payment_intent_id', '=', None)])
            Payment.stripe_charge(payments)
        return self.stripe.events[sent:]

    def deliver(self, event):
        "Stripe's webhook reaches Tryton's handler of the account."
        import stripe
        pool = Pool()
        Account = pool.get('account.payment.stripe.account')
        account, = Account.search([('saas_subscriptions', '=', True)])
        return account.webhook(stripe.Event.construct_from(
                json.loads(json.dumps(event)), SECRET_KEY))

    def outbox(self, company):
        Email = Pool().get('connector.email')
        return Email.search([('company', '=', company.id)],
            order=[('id', 'ASC')])


class PaymentTestCase(CardTestMixin, unittest.TestCase):
    "Card, SEPA and transfer payments of the SaaS invoices"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        prepare_database()

    def test_attempts(self):
        "An invoice is charged again only when no payment is under way"
        self.assertTrue(may_attempt([]))
        self.assertTrue(may_attempt(['failed', 'failed']))
        self.assertFalse(may_attempt(['failed', 'processing']))
        self.assertFalse(may_attempt(['succeeded']))
        self.assertEqual(attempt_number(['failed', 'failed']), 3)
        self.assertEqual(idempotency_key(12, 2),
            'saas-invoice-12-attempt-2')

    @with_accounting_transaction
    def test_card_renewal_paid(self):
        "The saved card is charged off session once and the invoice paid"
        pool = Pool()
        Subscription = pool.get('saas.subscription')
        Payment = pool.get('account.payment')
        publisher = create_publisher()
        with set_company(publisher):
            catalogue = create_catalogue(publisher)
        self.stripe_keys(publisher)
        workshop, owner = create_subscriber()
        subscription = Subscription.start_trial(workshop,
            date=dt.date(2026, 4, 1))
        self.save_card(subscription, GOOD_CARD)
        Subscription.subscribe(subscription, catalogue['lite'], [], 0,
            'card', date=dt.date(2026, 5, 1))
        invoice, = subscription.invoices
        payment, = Payment.search([('line.move.origin', '=', str(invoice))])
        self.assertEqual(payment.state, 'processing')
        self.assertEqual(payment.amount, Decimal('58.80'))
        self.assertTrue(payment.journal.stripe_account.saas_subscriptions)
        self.assertEqual(payment.journal.company, publisher)

        event, = self.charge()
        intent = self.stripe.intents[payment.stripe_payment_intent_id]
        self.assertTrue(intent['off_session'])
        self.assertEqual(intent['amount'], 5880)
        # Tryton's key: the invoice and the attempt.
        self.assertEqual(self.stripe.requests[-1]['headers'].get(
                'Idempotency-Key'),
            'payment_intent-saas-invoice-%s-attempt-1' % invoice.id)
        # Collecting again charges nothing more.
        Subscription.collect([invoice], date=dt.date(2026, 5, 1))
        self.assertEqual(self.charge(), [])

        self.assertTrue(self.deliver(event))
        payment = Payment(payment.id)
        self.assertEqual(payment.state, 'succeeded')
        invoice = invoice.__class__(invoice.id)
        self.assertEqual(invoice.state, 'paid')
        self.assertEqual(subscription.state, 'active')
        self.assertEqual(
            [d.kind for d in Subscription(subscription.id).dunning],
            ['paid', 'attempt'])
        self.assertEqual(subscription.payment_means, 'visa ****4242 12/2030')

        # Card chosen, none saved: the invoice is kept, the payment failed.
        other, _ = create_subscriber(name="Époxy Services Martin",
            siret='55203253400646', city="Bordeaux", postal_code='33000',
            owner_email='owner@martin.example')
        no_card = Subscription.start_trial(other, date=dt.date(2026, 4, 1))
        Subscription.subscribe(no_card, catalogue['lite'], [], 0, 'card',
            date=dt.date(2026, 5, 2))
        kept, = no_card.invoices
        self.assertEqual(kept.state, 'posted')
        self.assertEqual(no_card.state, 'past_due')
        self.assertIn('Save a Card', self.outbox(other)[-1].body)

    @with_accounting_transaction
    def test_sepa_and_transfer(self):
        """A SEPA debit goes out in the accountant's pain.008 and settles
        the invoice; a rejected one makes the subscription past due; a
        transfer waits, is reminded after its due date, and its payment
        lifts the past due at once"""
        pool = Pool()
        Subscription = pool.get('saas.subscription')
        Payment = pool.get('account.payment')
        Group = pool.get('account.payment.group')
        Party = pool.get('party.party')
        Bank = pool.get('bank')
        BankAccount = pool.get('bank.account')
        Identifier = pool.get('party.identifier')
        publisher = create_publisher()
        with set_company(publisher):
            catalogue = create_catalogue(publisher)
        bank_party, = Party.create([{'name': "Banque Test"}])
        bank, = Bank.create([{'party': bank_party.id, 'bic': 'BNPAFRPP'}])
        BankAccount.create([{'bank': bank.id,
                    'owners': [('add', [publisher.party.id])],
                    'numbers': [('create', [{
                                    'type': 'iban',
                                    'number': PUBLISHER_IBAN}])]}])
        Identifier.create([{'party': publisher.party.id,
                    'type': 'eu_at_02', 'code': 'FR72ZZZ123456'}])

        # SEPA
        workshop, owner = create_subscriber()
        subscription = Subscription.start_trial(workshop,
            date=dt.date(2026, 4, 1))
        subscription.get_customer()
        mandate = Subscription.sign_sepa_mandate(subscription,
            WORKSHOP_IBAN, bic='AGRIFRPP', date=dt.date(2026, 4, 28))
        self.assertEqual(mandate.state, 'validated')
        self.assertEqual(mandate.company, publisher)
        Subscription.subscribe(subscription, catalogue['lite'], [], 0,
            'sepa', date=dt.date(2026, 5, 1))
        invoice, = subscription.invoices
        payment, = Payment.search([('line.move.origin', '=', str(invoice))])
        self.assertEqual(payment.state, 'submitted')
        self.assertEqual(payment.sepa_mandate, mandate)
        self.assertEqual(Subscription(subscription.id).payment_means,
            '%s — FR14 •••• 2606' % mandate.identification)
        with Transaction().set_context(company=publisher.id):
            group = Group(company=publisher, journal=payment.journal,
                kind='receivable')
            group.save()
            Payment.process([payment], lambda: group)
        message, = group.sepa_messages
        xml = message.message.decode('utf-8')
        self.assertIn('pain.008', xml)
        self.assertIn(mandate.identification, xml)
        self.assertIn('58.80', xml)
        Payment.succeed([payment])  # the bank's camt.054 or the accountant
        self.assertEqual(invoice.__class__(invoice.id).state, 'paid')

        # An upgrade's invoice is debited, then rejected by the bank.
        Subscription.change(subscription, catalogue['pro'], [], 0,
            date=dt.date(2026, 5, 16))
        upgrade, = [i for i in Subscription(subscription.id).invoices
            if i != invoice]
        rejected, = Payment.search([('line.move.origin', '=', str(upgrade))])
        with Transaction().set_context(company=publisher.id):
            group = Group(company=publisher, journal=rejected.journal,
                kind='receivable')
            group.save()
            Payment.process([rejected], lambda: group)
        Payment.write([rejected], {'sepa_return_reason_code': 'AM04'})
        Payment.fail([rejected])
        subscription = Subscription(subscription.id)
        self.assertEqual(subscription.state, 'past_due')
        self.assertEqual(subscription.past_due_since, dt.date(2026, 5, 16))
        email = self.outbox(workshop)[-1]
        self.assertIn(upgrade.number, email.subject)
        self.assertIn('AM04', [d.description
                for d in subscription.dunning if d.kind == 'failure'])

        # Transfer: nothing charged, reminded once overdue.
        other, other_owner = create_subscriber(name="Époxy Services Martin",
            siret='55203253400646', city="Bordeaux", postal_code='33000',
            owner_email='owner@martin.example')
        transfer = Subscription.start_trial(other, date=dt.date(2026, 4, 1))
        Subscription.subscribe(transfer, catalogue['lite'], [], 0,
            'transfer', date=dt.date(2026, 5, 20))
        unpaid, = transfer.invoices
        self.assertFalse(
            Payment.search([('line.move.origin', '=', str(unpaid))]))
        due = max(l.maturity_date for l in unpaid.lines_to_pay)
        Subscription.run_dunning(date=due)
        self.assertEqual(Subscription(transfer.id).state, 'active')
        emails = len(self.outbox(other))
        Subscription.run_dunning(date=due + dt.timedelta(days=1))
        transfer = Subscription(transfer.id)
        self.assertEqual(transfer.state, 'past_due')
        reminder = self.outbox(other)[-1]
        self.assertEqual(len(self.outbox(other)), emails + 1)
        self.assertIn(unpaid.number, reminder.body)
        # The other workshop's dunning is its own.
        self.assertEqual({d.company for d in transfer.dunning}, {other})

        # The publisher's bank statement: the transfer settles the invoice.
        self.pay_by_transfer(publisher, unpaid)
        transfer = Subscription(transfer.id)
        self.assertEqual(transfer.state, 'active')
        self.assertIsNone(transfer.past_due_since)
        self.assertEqual(transfer.events[0].kind, 'reactivated')

    def pay_by_transfer(self, publisher, invoice):
        "The transfer booked from the bank statement, matched, paid."
        pool = Pool()
        Move = pool.get('account.move')
        Line = pool.get('account.move.line')
        Journal = pool.get('account.journal')
        Period = pool.get('account.period')
        Account = pool.get('account.account')
        Invoice = pool.get('account.invoice')
        line, = invoice.lines_to_pay
        bank, = Account.search([('company', '=', publisher.id),
                ('code', '=', '5121')])
        journal, = Journal.search([('type', '=', 'cash')], limit=1)
        date = line.maturity_date + dt.timedelta(days=3)
        with Transaction().set_context(company=publisher.id,
                saas_date=date):
            move, = Move.create([{
                        'company': publisher.id,
                        'journal': journal.id,
                        'period': Period.find(publisher, date=date),
                        'date': date,
                        'lines': [('create', [{
                                        'account': bank.id,
                                        'debit': line.debit, 'credit': 0,
                                        }, {
                                        'account': line.account.id,
                                        'party': line.party.id,
                                        'debit': 0, 'credit': line.debit,
                                        }])],
                        }])
            Move.post([move])
            settle, = [l for l in move.lines if l.account == line.account]
            Line.reconcile([line, settle])
            Invoice.process([Invoice(invoice.id)])
