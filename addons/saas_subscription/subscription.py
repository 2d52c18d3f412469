# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""A workshop's subscription to a software: its one record, from the free
trial to the end, and the history of its events.

The subscription belongs to the workshop (company rule: its owner sees it
under "My subscription"; the publisher sees every one). Its state decides
what the workshop may do: a trial, an active or past-due subscription
works normally; a suspended one, a trial that ended without a plan and a
cancelled one are read-only (read and export, nothing created). Its plan
and options decide the feature flags of `saas` the workshop has."""
import datetime as dt
from decimal import Decimal

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Unique, Workflow, fields
from trytond.model.exceptions import AccessError, ValidationError
from trytond.modules.saas.audit import audit_button
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval, Id
from trytond.transaction import Transaction, without_check_access

from .billing import (
    change_amount, parse_schedule, period_end, round_cent)

STATES = [
    ('trial', "Trial"),
    ('active', "Active"),
    ('past_due', "Past Due"),
    ('suspended', "Suspended"),
    ('expired', "Trial Ended"),
    ('cancelled', "Cancelled"),
    ]
# The states in which the workshop may only read and export its data.
READ_ONLY_STATES = {'suspended', 'expired', 'cancelled'}
# The states that bring revenue (monthly recurring revenue).
PAYING_STATES = {'active', 'past_due'}
PAYMENT_METHODS = [
    (None, ""),
    ('card', "Card"),
    ('sepa', "SEPA Direct Debit"),
    ('transfer', "Bank Transfer"),
    ]
CANCELLATION_CAUSES = [
    (None, ""),
    ('price', "Too expensive"),
    ('feature', "A feature is missing"),
    ('usage', "Not used enough"),
    ('competitor', "Moving to another software"),
    ('closing', "Closing or selling the business"),
    ('other', "Other"),
    ]
EVENT_KINDS = [
    ('trial_started', "Trial Started"),
    ('trial_expired', "Trial Ended"),
    ('converted', "Subscribed"),
    ('upgraded', "Upgraded"),
    ('downgraded', "Downgraded"),
    ('changed', "Options or Quantity Changed"),
    ('cancel_requested', "Cancellation Requested"),
    ('cancel_withdrawn', "Cancellation Withdrawn"),
    ('cancelled', "Ended"),
    ('past_due', "Payment Failed"),
    ('suspended', "Suspended"),
    ('reactivated', "Reactivated"),
    ('renewed', "Renewed"),
    ('price_changed', "Price Changed"),
    ]


def today():
    return Pool().get('ir.date').today()


def entitled_features(state, plan_features, option_features,
        trial_features):
    """The feature ids a workshop has: those of the trial plan during the
    trial, else those of its plan and options."""
    if state == 'trial':
        return set(trial_features)
    return set(plan_features) | set(option_features)


class Subscription(TenantOwnedMixin, Workflow, ModelSQL, ModelView):
    "A workshop's subscription to a software of the publisher."
    __name__ = 'saas.subscription'
    __string__ = "Subscription"

    software = fields.Many2One('saas.software', "Software", required=True,
        readonly=True, ondelete='RESTRICT')
    plan = fields.Many2One('saas.plan', "Plan", required=True,
        readonly=True, ondelete='RESTRICT',
        domain=[('software', '=', Eval('software', -1)),
            ('kind', '=', 'plan')],
        help="During the trial, the plan the trial gives.")
    options = fields.Many2Many('saas.subscription-saas.plan',
        'subscription', 'option', "Options", readonly=True,
        domain=[('software', '=', Eval('software', -1)),
            ('kind', '=', 'option')])
    quantity = fields.Integer("Quantity", readonly=True,
        help="The units a per-unit plan is priced on (e.g. contacts).")
    state = fields.Selection(STATES, "State", required=True, readonly=True,
        sort=False)
    read_only = fields.Function(fields.Boolean("Read Only",
            help="The workshop can read and export its data, "
            "not create or change it."), 'on_change_with_read_only')
    trial_start = fields.Date("Trial Start", readonly=True)
    trial_end = fields.Date("Trial End", readonly=True)
    trial_emails_sent = fields.Char("Trial Emails Sent", readonly=True,
        help="The days of the trial whose email was sent.")
    converted_on = fields.Date("Subscribed On", readonly=True)
    period_start = fields.Date("Period Start", readonly=True,
        help="The first day of the current billing period.")
    period_end = fields.Date("Period End", readonly=True,
        help="The first day of the next billing period (renewal date).")
    anchor_day = fields.Integer("Billing Day", readonly=True)
    cancel_at_period_end = fields.Boolean("Ends at Period End",
        readonly=True)
    cancellation_cause = fields.Selection(CANCELLATION_CAUSES,
        "Cancellation Cause", readonly=True, sort=False,
        help="What the owner answered when cancelling (exit survey).")
    cancellation_reason = fields.Text("Cancellation Reason", readonly=True)
    ended_on = fields.Date("Ended On", readonly=True)
    payment_method = fields.Selection(PAYMENT_METHODS, "Payment Method",
        readonly=True)
    past_due_since = fields.Date("Past Due Since", readonly=True,
        help="The day the first payment failed; cleared when it is paid.")
    suspended_on = fields.Date("Suspended On", readonly=True)
    credits = fields.Integer("Credits Left", readonly=True,
        help="Prepaid credits of the period not used yet.")
    monthly_amount = fields.Function(fields.Numeric("Monthly Amount",
            digits=(16, 2), help="Excluding VAT: plan and options."),
        'get_monthly_amount')
    currency = fields.Function(fields.Many2One('currency.currency',
            "Currency"), 'on_change_with_currency')
    next_invoice_date = fields.Function(fields.Date("Next Invoice",
            help="The renewal date, when the next period is invoiced."),
        'get_next_invoice_date')
    onboarding = fields.Function(fields.Text("Getting Started"),
        'get_onboarding')
    onboarding_progress = fields.Function(fields.Integer(
            "Getting Started (%)"), 'get_onboarding')
    events = fields.One2Many('saas.subscription.event', 'subscription',
        "History", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.company.required = True
        t = cls.__table__()
        cls._sql_constraints += [
            ('company_software_unique', Unique(t, t.company, t.software),
                'saas_subscription.msg_subscription_unique'),
            ]
        cls._order = [('company', 'ASC'), ('id', 'ASC')]
        cls._transitions |= {
            ('trial', 'expired'),
            ('trial', 'active'),
            ('expired', 'active'),
            ('cancelled', 'active'),
            ('active', 'past_due'),
            ('past_due', 'active'),
            ('past_due', 'suspended'),
            ('active', 'suspended'),
            ('suspended', 'active'),
            ('active', 'cancelled'),
            ('past_due', 'cancelled'),
            ('suspended', 'cancelled'),
            }
        publisher = Eval('context', {}).get('groups', []).contains(
            Id('saas', 'group_publisher'))
        cls._buttons.update({
                'choose_plan': {
                    'invisible': Eval('state') == 'suspended',
                    'icon': 'tryton-forward',
                    'depends': ['state'],
                    },
                'cancel': {
                    'invisible': (~Eval('state').in_(['active', 'past_due'])
                        | Eval('cancel_at_period_end', False)),
                    'icon': 'tryton-cancel',
                    'depends': ['state', 'cancel_at_period_end'],
                    },
                'withdraw_cancellation': {
                    'invisible': ~Eval('cancel_at_period_end', False),
                    'icon': 'tryton-undo',
                    'depends': ['cancel_at_period_end'],
                    },
                'suspend': {
                    'invisible': (~Eval('state').in_(['active', 'past_due'])
                        | ~publisher),
                    'icon': 'tryton-lock',
                    'depends': ['state'],
                    },
                'reactivate': {
                    'invisible': (Eval('state') != 'suspended') | ~publisher,
                    'icon': 'tryton-unlock',
                    'depends': ['state'],
                    },
                })

    @classmethod
    def default_state(cls):
        return 'trial'

    @classmethod
    def default_quantity(cls):
        return 0

    @classmethod
    def default_credits(cls):
        return 0

    @fields.depends('state')
    def on_change_with_read_only(self, name=None):
        return self.state in READ_ONLY_STATES

    @fields.depends('plan')
    def on_change_with_currency(self, name=None):
        return self.plan.currency if self.plan else None

    def get_rec_name(self, name):
        return '%s — %s' % (self.company.rec_name, self.plan.rec_name)

    @classmethod
    def search_rec_name(cls, name, clause):
        _, operator, operand, *extra = clause
        bool_op = 'AND' if operator.startswith('!') else 'OR'
        return [bool_op,
            ('company.party.name', operator, operand, *extra),
            ('plan.rec_name', operator, operand, *extra),
            ]

    # --- amounts ---------------------------------------------------------

    def amount_for(self, plan, options, quantity):
        "The monthly amount of `plan` with `options` for `quantity` units."
        return round_cent(plan.monthly_amount(quantity)
            + sum((o.monthly_amount(quantity) for o in options),
                Decimal(0)))

    def get_monthly_amount(self, name):
        return self.amount_for(self.plan, self.options, self.quantity or 0)

    @property
    def mrr(self):
        "What the subscription brings each month now (0 unless paying)."
        if self.state in PAYING_STATES:
            return self.monthly_amount
        return Decimal(0)

    def get_next_invoice_date(self, name):
        if self.state in PAYING_STATES and not self.cancel_at_period_end:
            return self.period_end
        if self.state == 'trial':
            return self.trial_end
        return None

    # --- features ----------------------------------------------------------

    def entitled_features(self):
        "The ids of the feature flags the workshop has in its state."
        trial_plan = self.software.trial_plan or self.plan
        return entitled_features(self.state,
            [f.id for f in self.plan.features],
            [f.id for o in self.options for f in o.features],
            [f.id for f in trial_plan.features])

    @classmethod
    def sync_features(cls, subscriptions):
        """Switch the workshop's feature flags to its entitlement: every
        feature any plan of the software grants is on or off for it."""
        pool = Pool()
        Plan = pool.get('saas.plan')
        CompanyFeature = pool.get('saas.company.feature')
        with without_check_access():
            for subscription in cls.browse(subscriptions):
                plans = Plan.search([
                        ('software', '=', subscription.software.id),
                        ('active', 'in', [True, False]),
                        ])
                sold = {f.id for p in plans for f in p.features}
                entitled = subscription.entitled_features()
                existing = {s.feature.id: s for s in CompanyFeature.search([
                            ('company', '=', subscription.company.id),
                            ('feature', 'in', list(sold)),
                            ])}
                to_create, to_write = [], []
                for feature in sold:
                    enabled = feature in entitled
                    setting = existing.get(feature)
                    if setting is None:
                        to_create.append({
                                'company': subscription.company.id,
                                'feature': feature,
                                'enabled': enabled,
                                })
                    elif setting.enabled != enabled:
                        to_write.extend([[setting], {'enabled': enabled}])
                if to_create:
                    CompanyFeature.create(to_create)
                if to_write:
                    CompanyFeature.write(*to_write)

    def apply_storage_quota(self):
        """Raise the workshop's storage quota to the plan's (a quota the
        publisher raised by hand is kept)."""
        Company = Pool().get('company.company')
        quota = self.plan.storage_quota_gb
        if not quota or 'photo_quota_gb' not in Company._fields:
            return
        company = self.company
        if (company.photo_quota_gb or 0) < quota:
            with Transaction().set_context(_check_access=False), \
                    without_check_access():
                Company.write([company], {'photo_quota_gb': quota})

    # --- history -------------------------------------------------------------

    @classmethod
    def log_events(cls, subscriptions, kind, date=None, previous_mrr=None,
            description=None):
        "Record `kind` in each subscription's history, with its MRR."
        Event = Pool().get('saas.subscription.event')
        date = date or today()
        Event.create([{
                    'subscription': s.id,
                    'company': s.company.id,
                    'date': date,
                    'kind': kind,
                    'plan': s.plan.id,
                    'mrr': s.mrr,
                    'previous_mrr': (previous_mrr.get(s.id, Decimal(0))
                        if isinstance(previous_mrr, dict)
                        else (previous_mrr or Decimal(0))),
                    'description': description,
                    } for s in cls.browse(subscriptions)])

    # --- life ----------------------------------------------------------------

    @classmethod
    def start_trial(cls, company, software=None, date=None):
        """Open the free trial of a new workshop: the trial plan, for the
        publisher's trial length, no card needed."""
        pool = Pool()
        Configuration = pool.get('saas.subscription.configuration')
        configuration = Configuration(1)
        software = software or configuration.default_software
        if not software or not software.trial_plan:
            return None
        date = date or today()
        with without_check_access():
            subscription, = cls.create([{
                        'company': company.id,
                        'software': software.id,
                        'plan': software.trial_plan.id,
                        'state': 'trial',
                        'trial_start': date,
                        'trial_end': date + dt.timedelta(
                            days=configuration.trial_days or 0),
                        'trial_emails_sent': '',
                        }])
            cls.log_events([subscription], 'trial_started', date=date)
            cls.sync_features([subscription])
            subscription.apply_storage_quota()
        return subscription

    @classmethod
    def subscribe(cls, subscription, plan, options, quantity,
            payment_method, date=None):
        """The workshop chose a plan (at the end of its trial, after it,
        or after a cancellation): the first period starts today and is
        invoiced at once, then collected by the chosen payment method."""
        date = date or today()
        with without_check_access():
            cls.write([subscription], {
                    'plan': plan.id,
                    'options': [
                        ('remove', [o.id for o in subscription.options]),
                        ('add', [o.id for o in options])],
                    'quantity': quantity or 0,
                    'payment_method': payment_method,
                    'converted_on': subscription.converted_on or date,
                    'period_start': date,
                    'period_end': period_end(date),
                    'anchor_day': date.day,
                    'cancel_at_period_end': False,
                    'cancellation_cause': None,
                    'cancellation_reason': None,
                    'ended_on': None,
                    'credits': plan.included_credits or 0,
                    })
            cls.activate([subscription])
            cls.log_events([subscription], 'converted', date=date)
            cls.sync_features([subscription])
            subscription.apply_storage_quota()
            cls.bill_opening([subscription], date)

    def check_change(self, plan, options, quantity):
        """Refuse a change that would hide data the new plan cannot show:
        the records of the features it would lose."""
        pool = Pool()
        Feature = pool.get('saas.feature')
        kept = {f.id for f in plan.features} | {
            f.id for o in options for f in o.features}
        current = self.entitled_features() if self.state != 'trial' else {
            f.id for f in self.plan.features} | {
            f.id for o in self.options for f in o.features}
        lost = Feature.browse(sorted(current - kept))
        for feature in lost:
            count, model = feature.records_of(self.company)
            if count:
                raise ValidationError(gettext(
                        'saas_subscription.msg_downgrade_loses_data',
                        plan=plan.rec_name, feature=feature.rec_name,
                        count=count, model=model))

    @classmethod
    def change(cls, subscription, plan, options, quantity, date=None):
        """Change the plan, options or quantity now; with proration the
        days left of the period are invoiced (upgrade) or credited
        (downgrade) at once, otherwise the new price starts with the next
        period."""
        date = date or today()
        subscription.check_change(plan, options, quantity)
        old_amount = subscription.monthly_amount
        new_amount = subscription.amount_for(plan, options, quantity or 0)
        previous = subscription.mrr
        if plan != subscription.plan:
            kind = ('upgraded' if (plan.sequence or 0)
                > (subscription.plan.sequence or 0) else 'downgraded')
        else:
            kind = ('upgraded' if new_amount > old_amount
                else 'downgraded' if new_amount < old_amount else 'changed')
        proration = plan.proration if kind != 'downgraded' else (
            subscription.plan.proration)
        amount = round_cent(change_amount(old_amount, new_amount,
                subscription.period_start, subscription.period_end, date,
                proration))
        old_plan = subscription.plan
        with without_check_access():
            cls.write([subscription], {
                    'plan': plan.id,
                    'options': [
                        ('remove', [o.id for o in subscription.options]),
                        ('add', [o.id for o in options])],
                    'quantity': quantity or 0,
                    })
            cls.log_events([subscription], kind, date=date,
                previous_mrr=previous,
                description='%s → %s' % (
                    old_plan.rec_name, plan.rec_name))
            cls.sync_features([subscription])
            subscription.apply_storage_quota()
            if amount:
                cls.bill_change(subscription, amount, old_plan, date)
        return amount

    @classmethod
    @ModelView.button_action('saas_subscription.wizard_choose_plan')
    def choose_plan(cls, subscriptions):
        pass

    @classmethod
    @ModelView.button_action('saas_subscription.wizard_cancel')
    def cancel(cls, subscriptions):
        pass

    @classmethod
    @audit_button
    def request_cancellation(cls, subscriptions, cause=None, reason=None,
            date=None):
        """Cancel at the end of the period already paid: the workshop
        keeps everything until then."""
        with without_check_access():
            cls.write(subscriptions, {
                    'cancel_at_period_end': True,
                    'cancellation_cause': cause,
                    'cancellation_reason': reason,
                    })
            cls.log_events(subscriptions, 'cancel_requested', date=date,
                description=dict(CANCELLATION_CAUSES).get(cause))

    @classmethod
    @ModelView.button
    @audit_button
    def withdraw_cancellation(cls, subscriptions):
        with without_check_access():
            cls.write(subscriptions, {
                    'cancel_at_period_end': False,
                    'cancellation_cause': None,
                    'cancellation_reason': None,
                    })
            cls.log_events(subscriptions, 'cancel_withdrawn')

    @classmethod
    @ModelView.button
    @audit_button
    def suspend(cls, subscriptions, date=None):
        "Read-only until paid: the workshop reads and exports, no more."
        date = date or today()
        previous = {s.id: s.mrr for s in subscriptions}
        with without_check_access():
            cls._suspend(subscriptions)
            cls.write(subscriptions, {'suspended_on': date})
            cls.log_events(subscriptions, 'suspended', date=date,
                previous_mrr=previous)

    @classmethod
    @ModelView.button
    @audit_button
    def reactivate(cls, subscriptions, date=None):
        "Lift a suspension at once (the invoice was paid)."
        date = date or today()
        previous = {s.id: s.mrr for s in subscriptions}
        with without_check_access():
            cls.activate(subscriptions)
            cls.write(subscriptions, {
                    'suspended_on': None,
                    'past_due_since': None,
                    })
            cls.log_events(subscriptions, 'reactivated', date=date,
                previous_mrr=previous)

    @classmethod
    @Workflow.transition('active')
    def activate(cls, subscriptions):
        pass

    @classmethod
    @Workflow.transition('suspended')
    def _suspend(cls, subscriptions):
        pass

    @classmethod
    @Workflow.transition('past_due')
    def mark_past_due(cls, subscriptions, date=None):
        date = date or today()
        cls.write([s for s in subscriptions if not s.past_due_since],
            {'past_due_since': date})

    @classmethod
    @Workflow.transition('expired')
    def expire(cls, subscriptions):
        pass

    @classmethod
    @Workflow.transition('cancelled')
    def end(cls, subscriptions, date=None):
        cls.write(subscriptions, {
                'ended_on': date or today(),
                'cancel_at_period_end': False,
                })

    @classmethod
    def set_payment_method(cls, subscription, method):
        "Renewals are collected by `method` from now on."
        with without_check_access():
            cls.write([subscription], {'payment_method': method})

    # --- billing hooks (invoice.py) ----------------------------------------

    @classmethod
    def bill_opening(cls, subscriptions, date):
        "Invoice and collect the first period (see invoice.py)."

    @classmethod
    def bill_change(cls, subscription, amount, old_plan, date):
        "Invoice or credit a prorated change (see invoice.py)."

    def extra_invoice_lines(self, invoice, period_start, period_end):
        """Lines other addons add to the period's invoice (SLA credits,
        usage beyond the credits): a list of unsaved invoice lines."""
        return []

    # --- trial -------------------------------------------------------------

    def onboarding_steps(self):
        """The getting-started checklist: (label, done) pairs; addons add
        their own (first powder, first quote)."""
        pool = Pool()
        User = pool.get('res.user')
        company = self.company
        with without_check_access():
            users = User.search([('companies', '=', company.id)])
        party = company.party
        return [
            (gettext('saas_subscription.msg_step_settings'),
                bool(party.addresses and party.addresses[0].street
                    and party.identifiers)),
            (gettext('saas_subscription.msg_step_user'), len(users) > 1),
            ]

    @classmethod
    def get_onboarding(cls, subscriptions, names):
        result = {n: {} for n in names}
        for subscription in subscriptions:
            steps = subscription.onboarding_steps()
            done = len([1 for _, d in steps if d])
            if 'onboarding' in names:
                result['onboarding'][subscription.id] = '\n'.join(
                    '%s %s' % ('☑' if d else '☐', label)
                    for label, d in steps)
            if 'onboarding_progress' in names:
                result['onboarding_progress'][subscription.id] = (
                    round(100 * done / len(steps)) if steps else 100)
        return result

    @classmethod
    def run_trials(cls, date=None):
        """The trials' daily round (cron): the conversion emails on their
        days, and the end of the trials whose day has come (read-only
        until a plan is chosen)."""
        pool = Pool()
        Configuration = pool.get('saas.subscription.configuration')
        date = date or today()
        days = Configuration(1).trial_emails
        with without_check_access():
            trials = cls.search([('state', '=', 'trial')])
            ended = [s for s in trials if s.trial_end and s.trial_end <= date]
            for subscription in trials:
                if subscription in ended:
                    continue
                sent = set(parse_schedule(subscription.trial_emails_sent))
                elapsed = (date - subscription.trial_start).days
                due = [d for d in days if d <= elapsed and d not in sent]
                if not due:
                    continue
                # Only the latest email of a late round: no burst of three.
                subscription.send_trial_email(max(due))
                cls.write([subscription], {
                        'trial_emails_sent': ', '.join(
                            str(d) for d in sorted(sent | set(due))),
                        })
            if ended:
                cls.expire(ended)
                cls.log_events(ended, 'trial_expired', date=date)
                for subscription in ended:
                    subscription.send_trial_email(None)

    def send_trial_email(self, day):
        """The trial email of `day` (None: the trial ended): the days
        left, the checklist and how to subscribe."""
        if day is None:
            subject = gettext('saas_subscription.msg_trial_ended_subject')
            body = gettext('saas_subscription.msg_trial_ended_body',
                software=self.software.rec_name)
        else:
            left = (self.trial_end - self.trial_start).days - day
            subject = gettext('saas_subscription.msg_trial_email_subject',
                days=left, software=self.software.rec_name)
            body = gettext('saas_subscription.msg_trial_email_body',
                days=left, software=self.software.rec_name,
                plan=self.plan.rec_name, checklist=self.onboarding,
                progress=self.onboarding_progress)
        self.tell_owners(subject, body)

    def tell_owners(self, subject, body):
        "An email to the workshop's owners, through the outbox."
        Email = Pool().get('connector.email')
        return Email.tell_owners(self.company, subject, body, platform=True)

    # --- security --------------------------------------------------------

    @classmethod
    def check_modification(cls, mode, subscriptions, values=None,
            external=False):
        super().check_modification(
            mode, subscriptions, values=values, external=external)
        if mode == 'delete' and external:
            raise AccessError(gettext(
                    'saas_subscription.msg_subscription_delete'))

    @classmethod
    def copy(cls, subscriptions, default=None):
        if not subscriptions:
            return []
        raise AccessError(gettext(
                'saas_subscription.msg_subscription_copy'))


class SubscriptionOption(ModelSQL):
    "The options a subscription has."
    __name__ = 'saas.subscription-saas.plan'
    __string__ = "Subscription Option"

    subscription = fields.Many2One('saas.subscription', "Subscription",
        required=True, ondelete='CASCADE')
    option = fields.Many2One('saas.plan', "Option", required=True,
        ondelete='RESTRICT')


class Event(ModelSQL, ModelView):
    """What happened to a subscription, with its monthly recurring revenue
    before and after: the figures (MRR, churn, conversion) are read from
    this history."""
    __name__ = 'saas.subscription.event'
    __string__ = "Subscription Event"
    _order_name = 'date'

    subscription = fields.Many2One('saas.subscription', "Subscription",
        required=True, readonly=True, ondelete='CASCADE')
    company = fields.Many2One('company.company', "Company", required=True,
        readonly=True, ondelete='CASCADE')
    date = fields.Date("Date", required=True, readonly=True)
    kind = fields.Selection(EVENT_KINDS, "Event", required=True,
        readonly=True)
    plan = fields.Many2One('saas.plan', "Plan", readonly=True,
        ondelete='RESTRICT')
    mrr = fields.Numeric("MRR", digits=(16, 2), readonly=True,
        help="The monthly recurring revenue after the event.")
    previous_mrr = fields.Numeric("Previous MRR", digits=(16, 2),
        readonly=True)
    description = fields.Char("Description", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('date', 'DESC'), ('id', 'DESC')]

    @classmethod
    def check_modification(cls, mode, events, values=None, external=False):
        super().check_modification(
            mode, events, values=values, external=external)
        if mode in {'write', 'delete'} and external:
            raise AccessError(gettext(
                    'saas_subscription.msg_event_read_only'))


class WorkshopCreate(metaclass=PoolMeta):
    __name__ = 'saas.workshop.create'

    def _create_workshop(self):
        result = super()._create_workshop()
        Subscription = Pool().get('saas.subscription')
        Subscription.start_trial(self.done.company)
        return result
