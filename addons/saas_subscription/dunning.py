# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Dunning (relances): after a failed payment, the subscription is past
due; on each day of the publisher's retry schedule (days after the first
failure) the card or mandate is charged again and the owners reminded;
after the suspension delay the workshop is suspended (read and export
only) until it pays. Every step is kept on the subscription (« Relances »).
"""
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.pool import Pool, PoolMeta
from trytond.transaction import without_check_access

from .payment import PaymentSettingsError, format_amount
from .subscription import today

KINDS = [
    ('failure', "Payment Failed"),
    ('attempt', "Payment Attempt"),
    ('reminder', "Reminder Sent"),
    ('suspension', "Suspended"),
    ('paid', "Paid"),
    ]


def dunning_step(elapsed, retries, suspension_days, done):
    """What a past-due subscription gets `elapsed` days after its first
    failed payment: 'suspend' once the delay is over, 'retry' on a retry
    day not `done` yet, else None."""
    if suspension_days is not None and elapsed >= suspension_days:
        return 'suspend'
    if elapsed in retries and elapsed not in done:
        return 'retry'
    return None


class Dunning(TenantOwnedMixin, ModelSQL, ModelView):
    "A step of a subscription's dunning: a failure, an attempt, a reminder."
    __name__ = 'saas.subscription.dunning'
    __string__ = "Dunning Step"

    subscription = fields.Many2One('saas.subscription', "Subscription",
        required=True, readonly=True, ondelete='CASCADE')
    date = fields.Date("Date", required=True, readonly=True)
    kind = fields.Selection(KINDS, "Step", required=True, readonly=True)
    invoice = fields.Many2One('account.invoice', "Invoice", readonly=True,
        ondelete='SET NULL')
    payment = fields.Many2One('account.payment', "Payment", readonly=True,
        ondelete='SET NULL')
    outcome = fields.Function(fields.Char("Outcome",
            help="Where the payment stands, or what was sent."),
        'get_outcome')
    description = fields.Char("Details", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.company.required = True
        cls.company.readonly = True
        cls._order = [('date', 'DESC'), ('id', 'DESC')]

    def get_outcome(self, name):
        if self.payment:
            with without_check_access():
                field = self.payment.__class__.state
                return dict(field.selection).get(
                    self.payment.state, self.payment.state)
        return self.description

    @classmethod
    def record(cls, subscriptions, kind, date, invoice=None, payment=None,
            description=None):
        "Keep a step of each subscription's dunning (once per day and kind)."
        with without_check_access():
            for subscription in subscriptions:
                domain = [
                    ('subscription', '=', subscription.id),
                    ('kind', '=', kind),
                    ('date', '=', date),
                    ('invoice', '=', invoice.id if invoice else None),
                    ('payment', '=', payment.id if payment else None),
                    ]
                if cls.search(domain, limit=1):
                    continue
                cls.create([{
                            'subscription': subscription.id,
                            'company': subscription.company.id,
                            'date': date,
                            'kind': kind,
                            'invoice': invoice.id if invoice else None,
                            'payment': payment.id if payment else None,
                            'description': description,
                            }])


class Subscription(metaclass=PoolMeta):
    __name__ = 'saas.subscription'

    dunning = fields.One2Many('saas.subscription.dunning', 'subscription',
        "Dunning", readonly=True,
        help="The failed payments, new attempts, reminders and "
        "suspension of the subscription.")

    @classmethod
    def run_dunning(cls, date=None):
        """The daily round of the unpaid subscriptions (cron): transfers
        overdue become past due; past-due ones are charged again and
        reminded on the retry days, then suspended."""
        pool = Pool()
        Configuration = pool.get('saas.subscription.configuration')
        configuration = Configuration(1)
        date = date or today()
        with without_check_access():
            for subscription in cls.search([('state', '=', 'active')]):
                subscription.check_overdue(date)
            for subscription in cls.search([('state', '=', 'past_due')]):
                subscription.dun(date, configuration.retries,
                    configuration.suspension_days)

    def check_overdue(self, date):
        """A transfer invoice left unpaid after its due date puts the
        subscription past due (a card or debit fails on its own)."""
        overdue = [i for i in self.unpaid_invoices()
            if self.payment_method not in {'card', 'sepa'}
            and any(l.maturity_date and l.maturity_date < date
                for l in i.lines_to_pay)]
        if not overdue:
            return
        cls = self.__class__
        cls.mark_past_due([self], date=date)
        cls.log_events([self], 'past_due', date=date,
            previous_mrr=self.monthly_amount,
            description=overdue[0].number)
        Pool().get('saas.subscription.dunning').record([self], 'failure',
            date, invoice=overdue[0],
            description=gettext('saas_subscription.msg_dunning_overdue'))
        self.remind(date, overdue, first=True)

    def dun(self, date, retries, suspension_days):
        "Today's dunning step of a past-due subscription."
        Dunning = Pool().get('saas.subscription.dunning')
        elapsed = (date - self.past_due_since).days
        done = {(d.date - self.past_due_since).days for d in self.dunning
            if d.kind == 'reminder'}
        step = dunning_step(elapsed, retries, suspension_days, done)
        invoices = self.unpaid_invoices()
        if step == 'suspend':
            self.__class__.suspend([self], date=date)
            Dunning.record([self], 'suspension', date)
            self.tell_owners(
                gettext('saas_subscription.msg_suspended_subject',
                    software=self.software.rec_name),
                gettext('saas_subscription.msg_suspended_body',
                    software=self.software.rec_name,
                    amount=self.amount_due(invoices),
                    how=self.how_to_pay()))
        elif step == 'retry':
            if self.payment_method in {'card', 'sepa'}:
                for invoice in invoices:
                    try:
                        self.attempt(invoice, date)
                    except PaymentSettingsError as error:
                        Dunning.record([self], 'failure', date,
                            invoice=invoice, description=error.message)
            self.remind(date, invoices)

    def amount_due(self, invoices):
        "The total left to pay on `invoices`, written as money."
        total = sum(i.amount_to_pay for i in invoices)
        currency = invoices[0].currency if invoices else self.currency
        return format_amount(total, currency)

    def remind(self, date, invoices, first=False):
        "Email the owners what is due and how to pay; keep it."
        Pool().get('saas.subscription.dunning').record([self], 'reminder',
            date, description=', '.join(i.number for i in invoices))
        configuration = Pool().get('saas.subscription.configuration')(1)
        suspension = (self.past_due_since
            and configuration.suspension_days is not None
            and self.past_due_since.toordinal()
            + configuration.suspension_days - date.toordinal())
        self.tell_owners(
            gettext('saas_subscription.msg_reminder_subject',
                software=self.software.rec_name),
            gettext('saas_subscription.msg_reminder_body',
                invoices=', '.join(i.number for i in invoices),
                amount=self.amount_due(invoices),
                days=max(suspension or 0, 0),
                how=self.how_to_pay()))
