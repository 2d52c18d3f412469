# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""How a SaaS invoice is paid: by card (Tryton's account_payment_stripe,
the publisher's Stripe account, the workshop's saved card charged off
session), by SEPA direct debit (Tryton's account_payment_sepa, a mandate
to the publisher, collected with pain.008 by the publisher's accountant)
or by transfer (nothing charged; the bank statement settles it).

A payment that succeeds settles its invoice (account_fr_export posts the
clearing move); an invoice that becomes paid lifts a past-due or suspended
subscription at once. A payment that fails puts the subscription past due
and tells its owners (see dunning.py for what follows)."""
from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval
from trytond.transaction import Transaction, without_check_access

from .subscription import today

# Payments that still may settle their invoice: no new one meanwhile.
PENDING_STATES = {'draft', 'submitted', 'approved', 'processing',
    'succeeded'}
# Stripe Checkout's page is Tryton's: it needs the publishable key.
NO_PUBLISHABLE_KEY = 'pk_unused'


class PaymentSettingsError(UserError):
    "The publisher or the workshop lacks what a payment method needs."


def idempotency_key(invoice_id, attempt):
    """The key Stripe remembers a charge by: one per invoice and attempt,
    so a retried request never charges twice."""
    return 'saas-invoice-%s-attempt-%s' % (invoice_id, attempt)


def attempt_number(payment_states):
    "The number of the next attempt after the payments of an invoice."
    return len(payment_states) + 1


def may_attempt(payment_states):
    """Whether an invoice may be charged again: none of its payments is
    still processing or already succeeded."""
    return not (set(payment_states) & PENDING_STATES)


def format_amount(amount, currency):
    "The amount as the reader's language writes money."
    Lang = Pool().get('ir.lang')
    return Lang.get().currency(amount, currency)


class Setting(metaclass=PoolMeta):
    "The publisher's Stripe keys are its connector settings' payment."
    __name__ = 'connector.setting'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        if 'payment' not in dict(cls.capability.selection):
            cls.capability.selection.append(('payment', "Online Payment"))


class StripeAccount(metaclass=PoolMeta):
    __name__ = 'account.payment.stripe.account'

    saas_subscriptions = fields.Boolean("SaaS Subscriptions",
        readonly=True,
        help="The publisher's account, that collects the subscriptions.")

    @classmethod
    def for_publisher(cls, publisher):
        """The publisher's Stripe account, made from (and kept equal to)
        its connector settings (capability payment, provider stripe)."""
        Setting = Pool().get('connector.setting')
        provider, credentials = Setting.provider_for(publisher, 'payment')
        if (provider != 'stripe' or not credentials.get('secret_key')
                or not credentials.get('webhook_secret')):
            raise PaymentSettingsError(gettext(
                    'saas_subscription.msg_publisher_no_stripe'))
        values = {
            'name': 'Stripe — %s' % publisher.rec_name,
            'secret_key': credentials['secret_key'],
            'publishable_key': (credentials.get('publishable_key')
                or NO_PUBLISHABLE_KEY),
            'webhook_signing_secret': credentials.get('webhook_secret'),
            }
        with without_check_access():
            accounts = cls.search(
                [('saas_subscriptions', '=', True)], limit=1)
            if not accounts:
                account, = cls.create([
                        dict(values, saas_subscriptions=True)])
                return account
            account, = accounts
            changed = {k: v for k, v in values.items()
                if getattr(account, k) != v}
            if changed:
                cls.write([account], changed)
            return account

    def webhook_payment_intent_succeeded(self, payload):
        """A replayed event of a SaaS payment already succeeded changes
        nothing (Tryton would put it back in processing and book it
        again)."""
        Payment = Pool().get('account.payment')
        intent = payload['object']
        payments = Payment.search(
            [('stripe_payment_intent_id', '=', intent['id'])])
        if payments and all(p.saas_invoice and p.state == 'succeeded'
                and p.stripe_amount == intent['amount_received']
                for p in payments):
            return True
        return super().webhook_payment_intent_succeeded(payload)

    def webhook_payment_intent_payment_failed(self, payload):
        """A renewal charged off session that is declined fails at once:
        the owner is told how to pay (dunning), no checkout email."""
        Payment = Pool().get('account.payment')
        intent = payload['object']
        payments = Payment.search(
            [('stripe_payment_intent_id', '=', intent['id'])])
        saas = [p for p in payments if p.saas_invoice]
        if not saas:
            return super().webhook_payment_intent_payment_failed(payload)
        error = (intent['last_payment_error']
            if 'last_payment_error' in intent else None)
        for payment in saas:
            if payment.state in {'failed', 'succeeded'}:
                continue
            if error:
                payment.stripe_error_message = error['message']
                payment.stripe_error_code = error['code']
                payment.save()
            Payment.fail([payment])
        return True


class Payment(metaclass=PoolMeta):
    __name__ = 'account.payment'

    saas_invoice = fields.Function(fields.Many2One('account.invoice',
            "SaaS Invoice"), 'get_saas_invoice')

    def get_saas_invoice(self, name):
        Invoice = Pool().get('account.invoice')
        origin = self.line.move.origin if self.line else None
        if (isinstance(origin, Invoice)
                and getattr(origin, 'saas_subscription', None)):
            return origin.id
        return None

    @classmethod
    def succeed(cls, payments):
        saas = [p for p in payments if p.saas_invoice]
        with Transaction().set_context(saas_date=max(
                    (p.date for p in saas if p.date), default=None)):
            super().succeed(payments)

    @classmethod
    def reconcile_invoices(cls, payments):
        """A SaaS invoice whose receivable is settled by the payment
        becomes paid now (Tryton would do it from the queue)."""
        Invoice = Pool().get('account.invoice')
        super().reconcile_invoices(payments)
        invoices = {p.saas_invoice for p in payments
            if p.saas_invoice and p.state == 'succeeded'}
        invoices = [i for i in invoices if i.state == 'posted'
            and i.reconciled]
        if invoices:
            with without_check_access():
                Invoice.process(Invoice.browse([i.id for i in invoices]))

    @classmethod
    def fail(cls, payments):
        "A failed SaaS payment puts its subscription past due."
        Subscription = Pool().get('saas.subscription')
        failing = [p for p in payments
            if p.state != 'failed' and p.saas_invoice]
        super().fail(payments)
        if failing:
            Subscription.payments_failed(failing)


class Invoice(metaclass=PoolMeta):
    __name__ = 'account.invoice'

    @classmethod
    def paid(cls, invoices):
        "A paid SaaS invoice lifts its subscription's dunning at once."
        Subscription = Pool().get('saas.subscription')
        newly = [i for i in invoices if i.state != 'paid'
            and getattr(i, 'saas_subscription', None)]
        super().paid(invoices)
        if newly:
            Subscription.invoices_paid(newly,
                date=Transaction().context.get('saas_date'))


class Subscription(metaclass=PoolMeta):
    __name__ = 'saas.subscription'

    stripe_customer = fields.Many2One('account.payment.stripe.customer',
        "Card Holder", readonly=True, ondelete='RESTRICT',
        help="The workshop at the publisher's Stripe account: its saved "
        "card is charged for each invoice.")
    sepa_mandate = fields.Many2One('account.payment.sepa.mandate',
        "SEPA Mandate", readonly=True, ondelete='RESTRICT',
        help="The mandate the workshop gave the publisher to debit its "
        "IBAN for each invoice.")

    payment_means = fields.Function(fields.Char("Card or Account",
            help="The card charged or the account debited for each "
            "invoice."), 'get_payment_means')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._buttons.update({
                'save_card': {
                    'invisible': Eval('payment_method') != 'card',
                    'icon': 'tryton-payment',
                    'depends': ['payment_method'],
                    },
                'pay_now': {
                    'invisible': ~Eval('state').in_(
                        ['past_due', 'suspended']),
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    },
                })

    def get_payment_means(self, name):
        """The saved card (as Stripe names it) or the mandate and its
        masked IBAN; read for the owner, who cannot open them."""
        with without_check_access():
            subscription = self.__class__(self.id)
            customer = subscription.stripe_customer
            mandate = subscription.sepa_mandate
            if subscription.payment_method == 'card' and customer and (
                    customer.stripe_customer_id):
                methods = customer.payment_methods()
                return methods[0][1] if methods else None
            if subscription.payment_method == 'sepa' and mandate:
                number = mandate.account_number.number_compact
                return '%s — %s •••• %s' % (
                    mandate.identification, number[:4], number[-4:])
        return None

    # --- invoices ----------------------------------------------------------

    def unpaid_invoices(self):
        "The posted SaaS invoices of the subscription still to pay."
        Invoice = Pool().get('account.invoice')
        with without_check_access():
            return Invoice.search([
                    ('saas_subscription', '=', self.id),
                    ('type', '=', 'out'),
                    ('state', '=', 'posted'),
                    ], order=[('invoice_date', 'ASC'), ('id', 'ASC')])

    @staticmethod
    def invoice_payments(invoice):
        "The payments made for a SaaS invoice, oldest first."
        Payment = Pool().get('account.payment')
        with without_check_access():
            return Payment.search([
                    ('line', 'in', [l.id for l in invoice.lines_to_pay]),
                    ], order=[('id', 'ASC')])

    # --- collection ----------------------------------------------------------

    @classmethod
    def collect(cls, invoices, date=None, strict=False):
        """Charge the posted SaaS invoices by their subscription's payment
        method: a card or SEPA payment each (never a second one while one
        is processing or succeeded); a transfer waits for the bank. Without
        a card or mandate on file the invoice is kept and counts as a
        failed payment (`strict`: the error is raised instead)."""
        payments = []
        for invoice in invoices:
            subscription = invoice.saas_subscription
            if (not subscription or invoice.state != 'posted'
                    or subscription.payment_method not in {'card', 'sepa'}):
                continue
            day = date or invoice.invoice_date or today()
            try:
                payment = subscription.attempt(invoice, day)
            except PaymentSettingsError as error:
                if strict:
                    raise
                subscription.payment_failure(invoice, day, error.message)
                continue
            if payment:
                payments.append(payment)
        return payments

    def attempt(self, invoice, date):
        """A new payment of `invoice` by the subscription's method, sent
        on its way; None when one is already under way or paid."""
        pool = Pool()
        Payment = pool.get('account.payment')
        Dunning = pool.get('saas.subscription.dunning')
        states = [p.state for p in self.invoice_payments(invoice)]
        if not may_attempt(states) or not invoice.amount_to_pay:
            return None
        line = invoice.lines_to_pay[0]
        values = {
            'company': invoice.company.id,
            'kind': 'receivable',
            'party': invoice.party.id,
            'amount': invoice.amount_to_pay,
            'line': line.id,
            'date': date,
            'reference': invoice.number,
            }
        if self.payment_method == 'card':
            customer = self.stripe_customer
            methods = (customer.payment_methods()
                if customer and customer.stripe_customer_id else [])
            if not methods:
                raise PaymentSettingsError(gettext(
                        'saas_subscription.msg_no_card',
                        workshop=self.company.rec_name))
            values.update({
                    'journal': self.payment_journal('card',
                        invoice.company).id,
                    'stripe_customer': customer.id,
                    'stripe_customer_payment_method': methods[0][0],
                    'stripe_idempotency_key': idempotency_key(
                        invoice.id, attempt_number(states)),
                    })
        else:
            mandate = self.sepa_mandate
            if not mandate or mandate.state != 'validated':
                raise PaymentSettingsError(gettext(
                        'saas_subscription.msg_no_mandate',
                        workshop=self.company.rec_name))
            values.update({
                    'journal': self.payment_journal('sepa',
                        invoice.company).id,
                    'sepa_mandate': mandate.id,
                    })
        with without_check_access(), Transaction().set_context(
                company=invoice.company.id):
            payment, = Payment.create([values])
            Payment.submit([payment])
            if self.payment_method == 'card':
                # Charged off session by Tryton's queue task (stripe_charge).
                Payment.process([payment])
            # SEPA waits for the publisher's accountant: a payment group
            # makes the pain.008 file (Tryton's "Process Payments").
        Dunning.record([self], 'attempt', date, invoice=invoice,
            payment=payment)
        return payment

    @classmethod
    def payment_journal(cls, method, publisher):
        """The publisher's payment journal of `method` (card: Stripe,
        sepa: its IBAN), created once, booked on 5121 when it succeeds."""
        pool = Pool()
        Journal = pool.get('account.payment.journal')
        AccountJournal = pool.get('account.journal')
        Account = pool.get('account.account')
        process = 'stripe' if method == 'card' else 'sepa'
        with without_check_access():
            journals = Journal.search([
                    ('company', '=', publisher.id),
                    ('process_method', '=', process),
                    ], order=[('id', 'ASC')], limit=1)
            if journals:
                journal = journals[0]
                if process == 'stripe':
                    account = pool.get('account.payment.stripe.account'
                        ).for_publisher(publisher)
                    if journal.stripe_account != account:
                        Journal.write([journal], {'stripe_account': account})
                return journal
            values = {
                'name': ("Abonnements SaaS — carte" if process == 'stripe'
                    else "Abonnements SaaS — prélèvement SEPA"),
                'company': publisher.id,
                'currency': publisher.currency.id,
                'process_method': process,
                }
            if process == 'stripe':
                values['stripe_account'] = pool.get(
                    'account.payment.stripe.account').for_publisher(
                    publisher).id
            else:
                numbers = [n for a in publisher.party.bank_accounts
                    for n in a.numbers if n.type == 'iban']
                if (not numbers
                        or not publisher.party.sepa_creditor_identifier_used):
                    raise PaymentSettingsError(gettext(
                            'saas_subscription.msg_publisher_no_sepa'))
                values.update({
                        'sepa_bank_account_number': numbers[0].id,
                        'sepa_receivable_flavor': 'pain.008.001.02',
                        'sepa_payable_flavor': 'pain.001.001.03',
                        'sepa_charge_bearer': 'SLEV',
                        'sepa_batch_booking': True,
                        })
            bank = Account.search([
                    ('company', '=', publisher.id),
                    ('code', '=', '5121')], limit=1)
            cash = AccountJournal.search([('type', '=', 'cash')],
                order=[('id', 'ASC')], limit=1)
            if bank and cash:
                values['clearing_account'] = bank[0].id
                values['clearing_journal'] = cash[0].id
            journal, = Journal.create([values])
            return journal

    # --- payment methods -----------------------------------------------------

    def card_holder(self):
        """The workshop as a customer of the publisher's Stripe account
        (created once)."""
        pool = Pool()
        Customer = pool.get('account.payment.stripe.customer')
        Account = pool.get('account.payment.stripe.account')
        Configuration = pool.get('saas.subscription.configuration')
        publisher = Configuration.get_publisher()
        account = Account.for_publisher(publisher)
        customer = self.stripe_customer
        if customer and customer.stripe_account == account:
            return customer
        with without_check_access():
            customer, = Customer.create([{
                        'party': self.get_customer().id,
                        'stripe_account': account.id,
                        }])
            self.__class__.write([self], {'stripe_customer': customer.id})
        return customer

    @classmethod
    @ModelView.button
    def save_card(cls, subscriptions):
        """Open the publisher's Stripe page where the owner saves or
        replaces the card charged for each invoice."""
        Customer = Pool().get('account.payment.stripe.customer')
        if not subscriptions:
            return
        subscription = subscriptions[0]
        customer = subscription.card_holder()
        with without_check_access():
            return Customer.stripe_checkout([customer])

    @classmethod
    def sign_sepa_mandate(cls, subscription, iban, bic=None, date=None):
        """The workshop's mandate to the publisher on `iban` (at the bank
        of `bic`, if given), validated; debits use it from now on."""
        pool = Pool()
        Bank = pool.get('bank')
        Party = pool.get('party.party')
        Mandate = pool.get('account.payment.sepa.mandate')
        Number = pool.get('bank.account.number')
        BankAccount = pool.get('bank.account')
        Configuration = pool.get('saas.subscription.configuration')
        publisher = Configuration.get_publisher()
        iban = (iban or '').replace(' ', '').upper()
        try:
            from stdnum import iban as stdnum_iban
            valid = stdnum_iban.is_valid(iban)
        except ImportError:
            valid = bool(iban)
        if not valid:
            raise PaymentSettingsError(gettext(
                    'saas_subscription.msg_mandate_iban',
                    workshop=subscription.company.rec_name))
        party = subscription.get_customer()
        with without_check_access():
            numbers = Number.search([
                    ('type', '=', 'iban'),
                    ('number_compact', '=', iban),
                    ('account.owners', '=', party.id),
                    ], limit=1)
            if not numbers:
                banks = Bank.search([('bic', '=', bic or None),
                        ('party.company', '=', publisher.id)], limit=1)
                if not banks:
                    bank_party, = Party.create([{
                                'name': ("Banque %s" % bic if bic
                                    else "Banque (BIC non communiqué)"),
                                'company': publisher.id}])
                    banks = Bank.create([{'party': bank_party.id,
                                'bic': bic or None}])
                account, = BankAccount.create([{
                            'bank': banks[0].id,
                            'owners': [('add', [party.id])],
                            'numbers': [('create', [{
                                            'type': 'iban',
                                            'number': iban}])],
                            }])
                numbers = account.numbers
            mandate, = Mandate.create([{
                        'company': publisher.id,
                        'party': party.id,
                        'address': party.address_get().id,
                        'account_number': numbers[0].id,
                        'identification': 'RUM-SAAS-%06d' % subscription.id,
                        'type': 'recurrent',
                        'scheme': 'B2B',
                        'signature_date': date or today(),
                        }])
            Mandate.request([mandate])
            Mandate.validate_mandate([mandate])
            cls.write([subscription], {'sepa_mandate': mandate.id})
        return mandate

    @classmethod
    @ModelView.button
    def pay_now(cls, subscriptions, date=None):
        """The owner pays the invoices left unpaid now, by the card or
        mandate on file (after replacing a declined card)."""
        date = date or today()
        with without_check_access():
            for subscription in cls.browse(subscriptions):
                if subscription.payment_method in {'card', 'sepa'}:
                    cls.collect(subscription.unpaid_invoices(), date=date,
                        strict=True)

    # --- outcomes ------------------------------------------------------------

    @classmethod
    def invoices_paid(cls, invoices, date=None):
        """A past-due or suspended subscription whose SaaS invoices are
        all paid is active again at once, with its features."""
        Dunning = Pool().get('saas.subscription.dunning')
        date = date or today()
        subscriptions = {i.saas_subscription for i in invoices}
        for invoice in invoices:
            Dunning.record([invoice.saas_subscription], 'paid', date,
                invoice=invoice)
        lifted = [s for s in subscriptions
            if s.state in {'past_due', 'suspended'}
            and not [i for i in s.unpaid_invoices() if i not in invoices]]
        if lifted:
            cls.reactivate(lifted, date=date)
            cls.sync_features(lifted)
            for subscription in lifted:
                subscription.tell_owners(
                    gettext('saas_subscription.msg_paid_subject',
                        software=subscription.software.rec_name),
                    gettext('saas_subscription.msg_paid_body',
                        software=subscription.software.rec_name))

    @classmethod
    def payments_failed(cls, payments):
        """A declined card or a rejected debit: the subscription is past
        due and its owners are told the amount and how to pay."""
        for payment in payments:
            invoice = payment.saas_invoice
            invoice.saas_subscription.payment_failure(invoice,
                payment.date or today(),
                (payment.stripe_error_message
                    if payment.journal.process_method == 'stripe'
                    else payment.sepa_return_reason_code),
                payment=payment)

    def payment_failure(self, invoice, date, description, payment=None):
        """Keep the failure; an active subscription becomes past due and
        its owners are told the amount and how to pay."""
        Dunning = Pool().get('saas.subscription.dunning')
        cls = self.__class__
        subscription = self
        Dunning.record([subscription], 'failure', date,
            invoice=invoice, payment=payment, description=description)
        if subscription.state == 'active':
            with without_check_access():
                cls.mark_past_due([subscription], date=date)
                cls.log_events([subscription], 'past_due', date=date,
                    previous_mrr=subscription.monthly_amount,
                    description=invoice.number)
            subscription.tell_owners(
                gettext('saas_subscription.msg_payment_failed_subject',
                    invoice=invoice.number),
                gettext('saas_subscription.msg_payment_failed_body',
                    invoice=invoice.number,
                    amount=format_amount(invoice.amount_to_pay,
                        invoice.currency),
                    how=subscription.how_to_pay()))

    def how_to_pay(self):
        "What the owner does to pay, for the emails."
        if self.payment_method == 'card':
            return gettext('saas_subscription.msg_how_card')
        if self.payment_method == 'sepa':
            return gettext('saas_subscription.msg_how_sepa')
        return gettext('saas_subscription.msg_how_transfer')
