# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Card payments on Tryton's ``account_payment_stripe``.

The workshop enters its Stripe keys once, in its connector settings (the
``payment`` capability, provider ``stripe``), like every outside service.
From them, Atelier keeps the workshop's own Tryton Stripe account (one per
workshop, never seen by another) and a Stripe payment journal: a payment
taken on Stripe Checkout is an ``account.payment`` carrying its Stripe
PaymentIntent, so Tryton's refunds (``account.payment.stripe.refund``),
disputes and "pull from Stripe" work on it, and Stripe's later events
(refunds made in Stripe's dashboard, disputes) are applied by Tryton's own
webhook handlers once our webhook checked their signature."""
from decimal import Decimal

from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model import fields
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval
from trytond.transaction import Transaction, without_check_access
from trytond.wizard import Button, StateTransition, StateView, Wizard
from trytond.model import ModelView

MONEY = (16, 2)
# Stripe Checkout needs no publishable key (Tryton's own checkout page
# would): the account keeps this marker when none was entered.
NO_PUBLISHABLE_KEY = 'pk_unused'


def refunded_amount(received, current, refunds):
    """What was given back of a card payment of `received`: Stripe lowers
    the payment's `current` amount when it reports a refund, and the
    refunds made from Atelier (`refunds`, succeeded) count as soon as
    Stripe accepted them; the larger, never more than received."""
    received = received or Decimal(0)
    lowered = received - (current or Decimal(0))
    return max(min(max(lowered, sum(refunds, Decimal(0))), received),
        Decimal(0))


def refundable(received, refunded):
    "What can still be refunded of a payment."
    return max((received or Decimal(0)) - (refunded or Decimal(0)),
        Decimal(0))


class RefundError(UserError):
    "A refund that cannot be made (amount, state of the payment)."


class StripeAccount(metaclass=PoolMeta):
    __name__ = 'account.payment.stripe.account'

    company = fields.Many2One('company.company', "Workshop", readonly=True,
        ondelete='CASCADE',
        help="The workshop whose Stripe keys these are: only it sees them.")

    @classmethod
    def for_company(cls, company):
        """The workshop's Stripe account, made from (and kept equal to) its
        connector settings; None when the workshop does not use Stripe."""
        Setting = Pool().get('connector.setting')
        provider, credentials = Setting.provider_for(company, 'payment')
        if provider != 'stripe' or not credentials.get('secret_key'):
            return None
        values = {
            'name': 'Stripe',
            'secret_key': credentials['secret_key'],
            'publishable_key': (credentials.get('publishable_key')
                or NO_PUBLISHABLE_KEY),
            'webhook_signing_secret': credentials.get('webhook_secret'),
            }
        with without_check_access():
            accounts = cls.search([('company', '=', int(company))], limit=1)
            if not accounts:
                account, = cls.create([dict(values, company=int(company))])
                return account
            account, = accounts
            changed = {k: v for k, v in values.items()
                if getattr(account, k) != v}
            if changed:
                cls.write([account], changed)
            return account

    def apply_event(self, event):
        """Let Tryton apply a Stripe event already checked by our webhook
        (refunds, disputes, charge updates of this workshop's payments)."""
        import stripe
        raw = {
            'id': event['id'], 'object': 'event', 'type': event['type'],
            'data': {'object': event['object']},
            }
        with Transaction().set_context(company=self.company.id), \
                without_check_access():
            return self.webhook(
                stripe.Event.construct_from(raw, self.secret_key))


class Payment(metaclass=PoolMeta):
    __name__ = 'account.payment'

    received_amount = fields.Numeric("Amount Received", digits=MONEY,
        readonly=True,
        help="What the client paid by card, before any refund (Stripe "
        "lowers the payment's amount when it refunds).")

    def card_figures(self):
        "(received, refunded) of this payment, refunds by card included."
        if self.journal.process_method != 'stripe':
            return self.amount, Decimal(0)
        received = self.received_amount or self.amount
        current = self.amount if self.state == 'succeeded' else Decimal(0)
        refunds = [r.amount for r in self.stripe_refunds
            if r.state == 'succeeded']
        return received, refunded_amount(received, current, refunds)

    def refundable_amount(self):
        """What can still be given back of this payment: refunds sent to
        Stripe and not answered yet are deducted too."""
        received, refunded = self.card_figures()
        pending = sum((r.amount for r in getattr(self, 'stripe_refunds', [])
                if r.state in {'submitted', 'approved', 'processing'}),
            Decimal(0))
        return refundable(received, refunded + pending)


class RefundStart(ModelView):
    "Refund a Payment"
    __name__ = 'powder_coating.payment.refund.start'
    __string__ = "Refund a Payment"

    origins = fields.Many2Many('account.payment', None, None, "Payments",
        readonly=True)
    payment = fields.Many2One('account.payment', "Payment", required=True,
        domain=[('id', 'in', Eval('origins', []))],
        help="The payment given back: by card on Stripe, otherwise at the "
        "counter with the same means.")
    refundable = fields.Numeric("Refundable", digits=MONEY, readonly=True)
    amount = fields.Numeric("Amount", digits=MONEY, required=True,
        domain=[('amount', '>', 0)],
        help="What the client gets back, VAT included.")

    @fields.depends('payment')
    def on_change_payment(self):
        if self.payment:
            self.refundable = self.payment.refundable_amount()
            self.amount = self.refundable


class Refund(Wizard):
    """Give money back to the client: a Stripe refund for a card payment
    (sent to Stripe at once, in the queue), a counter refund otherwise."""
    __name__ = 'powder_coating.payment.refund'

    start = StateView('powder_coating.payment.refund.start',
        'powder_coating.payment_refund_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Make the Refund", 'refund', 'tryton-ok', default=True),
            ])
    refund = StateTransition()

    def default_start(self, fields):
        payments = [p for p in self.record.payments()
            if p.kind == 'receivable'
            and p.refundable_amount() > 0]
        values = {'origins': [p.id for p in payments]}
        if payments:
            payment = payments[-1]
            values['payment'] = payment.id
            values['refundable'] = payment.refundable_amount()
            values['amount'] = values['refundable']
        return values

    def transition_refund(self):
        pool = Pool()
        Payment = pool.get('account.payment')
        StripeRefund = pool.get('account.payment.stripe.refund')
        payment = self.start.payment
        amount = self.start.amount
        if payment not in self.record.payments() or (
                payment.kind != 'receivable'):
            raise RefundError(gettext(
                    'powder_coating.msg_payment_refund_not_payment'))
        # Never more than what is left of the payment, nor than what the
        # client paid in all (counter refunds are not tied to a payment).
        left = min(payment.refundable_amount(),
            max(self.record.payment_figures()['paid'], Decimal(0)))
        if not amount or amount <= 0 or amount > left:
            raise RefundError(gettext(
                    'powder_coating.msg_payment_refund_amount',
                    refundable=left))
        if payment.journal.process_method == 'stripe':
            with without_check_access():
                refund, = StripeRefund.create([{
                            'payment': payment.id,
                            'amount': amount,
                            'reason': 'requested_by_customer',
                            }])
                StripeRefund.submit([refund])
                StripeRefund.approve([refund])
            # Sent after the commit, by the queue: a retry never refunds
            # twice (Stripe's idempotency key is the refund's).
            StripeRefund.__queue__.stripe_create([refund])
        else:
            Payment.record(self.record.company, self.record,
                payment.journal.coating_method, amount, purpose='refund',
                kind='payable')
        return 'end'
