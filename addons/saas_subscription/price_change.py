# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Price changes with notice: a new price of a plan is announced to the
workshops it concerns at least the configured notice before it applies,
then applied by a daily cron. The plan's price cannot be edited directly
while workshops use it; every change of prices and rules is audited."""
import datetime as dt

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Workflow, fields
from trytond.model.exceptions import ValidationError
from trytond.modules.saas.audit import AuditMixin
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval
from trytond.transaction import Transaction, without_check_access

from .plan import PRICE
from .subscription import today

# The states of a subscription that uses its plan (a trial may convert).
LIVE_STATES = ['trial', 'active', 'past_due', 'suspended']
# The states whose revenue a price change moves.
BILLED_STATES = ['active', 'past_due', 'suspended']


def notice_ok(announced_on, effective_date, notice_days):
    "Whether a change applying on `effective_date` gives the notice due."
    return effective_date >= announced_on + dt.timedelta(
        days=notice_days or 0)


def publisher_context():
    """The context that files the publisher's audit entries (plans, rules)
    under the publisher's company, whoever runs it (cron included)."""
    Configuration = Pool().get('saas.subscription.configuration')
    with without_check_access():
        publisher = Configuration.get_publisher()
    return {'company': publisher.id} if publisher else {}


def log_publisher(record, field, old_value, new_value, action='button'):
    "An entry of the audit log about a record of the publisher."
    AuditLog = Pool().get('saas.audit.log')
    company = publisher_context().get('company')
    if not company:
        return
    AuditLog.log([{
                'company': company,
                'model': record.__name__,
                'record_id': record.id,
                'action': action,
                'field': field,
                'field_string': field,
                'old_value': old_value,
                'new_value': new_value,
                }])


class PublisherAuditMixin:
    "File the audit entries of the publisher's records under its company."
    __slots__ = ()

    @classmethod
    def _audit_entries(cls, action, before, after):
        with Transaction().set_context(**publisher_context()):
            super()._audit_entries(action, before, after)


def concerned(plan, states=LIVE_STATES):
    "The subscriptions using `plan` as their plan or an option."
    Subscription = Pool().get('saas.subscription')
    with without_check_access():
        return Subscription.search([
                ('state', 'in', states),
                ['OR',
                    ('plan', '=', plan.id),
                    ('options', '=', plan.id),
                    ],
                ])


class Plan(PublisherAuditMixin, metaclass=PoolMeta):
    __name__ = 'saas.plan'

    price_changes = fields.One2Many('saas.plan.price_change', 'plan',
        "Price Changes", readonly=True)

    @classmethod
    def write(cls, *args):
        "Refuse a new price of a plan workshops use: announce it instead."
        if not Transaction().context.get('saas_price_change'):
            actions = iter(args)
            for plans, values in zip(actions, actions):
                if 'price' not in values:
                    continue
                for plan in plans:
                    if plan.price == values['price']:
                        continue
                    count = len(concerned(plan))
                    if count:
                        raise ValidationError(gettext(
                                'saas_subscription.msg_price_use_change',
                                plan=plan.rec_name, count=count))
        super().write(*args)


class Configuration(PublisherAuditMixin, AuditMixin, metaclass=PoolMeta):
    "Every change of the subscription rules is in the audit log."
    __name__ = 'saas.subscription.configuration'
    _audit_fields = {'default_software', 'trial_days', 'trial_email_days',
        'retry_days', 'suspension_days', 'price_notice_days'}

    @classmethod
    def write(cls, *args):
        "Write (and audit) the stored singleton, created on first write."
        singleton = cls.get_singleton()
        if not singleton:
            with without_check_access():
                singleton, = cls.create([{}])
        actions = iter(args)
        args = []
        for _, values in zip(actions, actions):
            args.extend(([singleton], values))
        super().write(*args)


class PriceChange(Workflow, ModelSQL, ModelView):
    """A new monthly price of a plan, announced to the workshops that use
    it before it applies on its date."""
    __name__ = 'saas.plan.price_change'
    __string__ = "Price Change"

    _draft = {'readonly': Eval('state') != 'draft'}

    plan = fields.Many2One('saas.plan', "Plan", required=True,
        ondelete='RESTRICT', states=_draft,
        domain=[('pricing', '=', 'flat')],
        help="The plan or option whose monthly price changes.")
    old_price = fields.Numeric("Current Price", digits=PRICE, readonly=True,
        help="The plan's price when the change was announced "
        "(excluding VAT).")
    new_price = fields.Numeric("New Price", digits=PRICE, required=True,
        states=_draft, domain=[('new_price', '>=', 0)],
        help="Monthly, excluding VAT.")
    effective_date = fields.Date("Effective Date", required=True,
        states=_draft,
        help="From this day the invoices carry the new price; it must "
        "leave the notice of the subscription rules.")
    reason = fields.Text("Reason", states=_draft,
        help="Told to the workshops in the announcement.")
    state = fields.Selection([
            ('draft', "Draft"),
            ('announced', "Announced"),
            ('applied', "Applied"),
            ('cancelled', "Cancelled"),
            ], "State", required=True, readonly=True, sort=False)
    announced_on = fields.Date("Announced On", readonly=True)
    workshops_emailed = fields.Integer("Workshops Emailed", readonly=True,
        help="The workshops told of the change when it was announced.")
    applied_on = fields.Date("Applied On", readonly=True)

    del _draft

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('effective_date', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {
            ('draft', 'announced'),
            ('announced', 'applied'),
            ('draft', 'cancelled'),
            ('announced', 'cancelled'),
            }
        cls._buttons.update({
                'announce': {
                    'invisible': Eval('state') != 'draft',
                    'icon': 'tryton-email',
                    'depends': ['state'],
                    },
                'cancel': {
                    'invisible': ~Eval('state').in_(['draft', 'announced']),
                    'icon': 'tryton-cancel',
                    'depends': ['state'],
                    },
                })

    @classmethod
    def default_state(cls):
        return 'draft'

    @classmethod
    def default_workshops_emailed(cls):
        return 0

    @fields.depends('plan')
    def on_change_plan(self):
        self.old_price = self.plan.price if self.plan else None

    def get_rec_name(self, name):
        return '%s → %s (%s)' % (self.plan.rec_name, self.new_price,
            self.effective_date)

    @classmethod
    def search_rec_name(cls, name, clause):
        return [('plan.rec_name',) + tuple(clause[1:])]

    def amount(self, value):
        "`value` in the plan's currency, in the reader's language."
        Lang = Pool().get('ir.lang')
        return Lang.get().currency(value, self.plan.currency)

    def check_notice(self, date):
        "Refuse an announcement that leaves less than the notice."
        Configuration = Pool().get('saas.subscription.configuration')
        Lang = Pool().get('ir.lang')
        days = Configuration(1).price_notice_days or 0
        if not notice_ok(date, self.effective_date, days):
            lang = Lang.get()
            raise ValidationError(gettext(
                    'saas_subscription.msg_price_notice',
                    days=days, plan=self.plan.rec_name,
                    date=lang.strftime(self.effective_date),
                    earliest=lang.strftime(
                        date + dt.timedelta(days=days))))

    @classmethod
    @ModelView.button
    def announce(cls, changes, date=None):
        """Email every workshop the change concerns, with the old price,
        the new one and the date; it applies on its date."""
        date = date or today()
        for change in changes:
            change.check_notice(date)
        for change in changes:
            change.announce_to_workshops(date)
        cls._announce(changes)

    @classmethod
    @Workflow.transition('announced')
    def _announce(cls, changes):
        pass

    def announce_to_workshops(self, date):
        "Tell the workshops concerned of the change; log it."
        old = self.plan.price or 0
        with without_check_access():
            self.write([self], {'old_price': old, 'announced_on': date})
            emailed = self.tell_workshops('announced')
            self.write([self], {'workshops_emailed': emailed})
        log_publisher(self, 'announce', str(old),
            gettext('saas_subscription.msg_price_change_logged',
                new=self.new_price, date=self.effective_date.isoformat(),
                count=emailed))

    def tell_workshops(self, what):
        """Email the owners of the workshops concerned that the change is
        `what` ('announced' or 'cancelled'), each in its language (French
        by default); return how many workshops were emailed."""
        Subscription = Pool().get('saas.subscription')
        emailed = 0
        for subscription in Subscription.browse(self.workshops_concerned()):
            party = subscription.company.party
            language = party.lang.code if party.lang else 'fr'
            with Transaction().set_context(language=language):
                subject, body = self.announcement(what)
            if subscription.tell_owners(subject, body):
                emailed += 1
        return emailed

    def announcement(self, what='announced'):
        "The subject and body of the email about the change."
        Lang = Pool().get('ir.lang')
        lang = Lang.get()
        plan = self.plan.__class__(self.plan.id)
        date = lang.strftime(self.effective_date)
        subject = gettext('saas_subscription.msg_price_change_%s_subject'
            % what, plan=plan.rec_name, date=date)
        body = gettext('saas_subscription.msg_price_change_%s_body' % what,
            plan=plan.rec_name, old=self.amount(self.old_price or 0),
            new=self.amount(self.new_price), date=date,
            reason=self.reason or '')
        return subject, body

    def workshops_concerned(self):
        """The subscriptions using the plan as plan or option, and the
        trials of its software (they may choose it)."""
        Subscription = Pool().get('saas.subscription')
        subscriptions = concerned(self.plan)
        with without_check_access():
            trials = Subscription.search([
                    ('state', '=', 'trial'),
                    ('software', '=', self.plan.software.id),
                    ])
        return list({s.id: s for s in subscriptions + trials}.values())

    @classmethod
    @ModelView.button
    @Workflow.transition('cancelled')
    def cancel(cls, changes):
        "Drop the change; the workshops told of it learn the price stays."
        for change in changes:
            if change.state == 'announced':
                change.tell_workshops('cancelled')
            log_publisher(change, 'cancel', change.state, 'cancelled')

    @classmethod
    def apply_due(cls, date=None):
        """The daily round (cron): apply the announced changes whose date
        has come, and record them in the history of each subscription."""
        date = date or today()
        with without_check_access():
            changes = cls.search([
                    ('state', '=', 'announced'),
                    ('effective_date', '<=', date),
                    ], order=[('effective_date', 'ASC'), ('id', 'ASC')])
            for change in changes:
                change.apply_price(date)
            cls._apply(changes)
            if changes:
                cls.write(changes, {'applied_on': date})

    @classmethod
    @Workflow.transition('applied')
    def _apply(cls, changes):
        pass

    def apply_price(self, date):
        "Write the new price on the plan and log it on its subscriptions."
        pool = Pool()
        Plan = pool.get('saas.plan')
        Subscription = pool.get('saas.subscription')
        subscriptions = concerned(self.plan, BILLED_STATES)
        previous = {s.id: s.mrr for s in subscriptions}
        old = self.plan.price
        with Transaction().set_context(saas_price_change=True):
            Plan.write([self.plan], {'price': self.new_price})
        subscriptions = Subscription.browse([s.id for s in subscriptions])
        Subscription.log_events(subscriptions, 'price_changed', date=date,
            previous_mrr=previous,
            description='%s: %s → %s' % (
                self.plan.rec_name, old, self.new_price))
