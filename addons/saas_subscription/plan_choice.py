# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The owner's "Choose a plan" window: a plan, its options and a payment
method, with what it costs now and each month before it is confirmed."""
from decimal import Decimal

from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.model.exceptions import AccessError, ValidationError
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction
from trytond.wizard import (
    Button, StateAction, StateTransition, StateView, Wizard)

from .billing import change_amount, round_cent
from .subscription import CANCELLATION_CAUSES, PAYMENT_METHODS, today


def may_manage(user_id, company_id):
    """Whether the user may change the subscription of `company_id`: its
    owner, or the publisher."""
    pool = Pool()
    User = pool.get('res.user')
    ModelData = pool.get('ir.model.data')
    if not user_id:
        return True
    user = User(user_id)
    groups = {g.id for g in user.groups}
    if ModelData.get_id('saas', 'group_publisher') in groups:
        return True
    return (ModelData.get_id('saas', 'group_owner') in groups
        and company_id in {c.id for c in user.companies})


class ChoosePlanStart(ModelView):
    "Choose a Plan"
    __name__ = 'saas.subscription.choose_plan.start'
    __string__ = "Choose a Plan"

    subscription = fields.Many2One('saas.subscription', "Subscription",
        readonly=True)
    software = fields.Many2One('saas.software', "Software", readonly=True)
    state = fields.Char("State", readonly=True)
    plan = fields.Many2One('saas.plan', "Plan", required=True,
        domain=[('software', '=', Eval('software', -1)),
            ('kind', '=', 'plan')])
    options = fields.Many2Many('saas.plan', None, None, "Options",
        domain=[('software', '=', Eval('software', -1)),
            ('kind', '=', 'option')])
    quantity = fields.Integer("Quantity",
        help="The units a per-unit plan is priced on.")
    payment_method = fields.Selection(PAYMENT_METHODS, "Payment Method",
        required=True)
    monthly_amount = fields.Numeric("Each Month", digits=(16, 2),
        readonly=True, help="Excluding VAT.")
    due_now = fields.Numeric("Due Now", digits=(16, 2), readonly=True,
        help="Excluding VAT: the first month, or the days left of the "
        "current period (negative: credited on the next invoice).")
    summary = fields.Text("Summary", readonly=True)

    @fields.depends('subscription', 'plan', 'options', 'quantity')
    def on_change_with_monthly_amount(self):
        if not self.subscription or not self.plan:
            return None
        return self.subscription.amount_for(
            self.plan, self.options or [], self.quantity or 0)

    @fields.depends('subscription', 'plan', 'options', 'quantity',
        methods=['on_change_with_monthly_amount'])
    def on_change_with_due_now(self):
        subscription = self.subscription
        amount = self.on_change_with_monthly_amount()
        if amount is None:
            return None
        if subscription.state not in {'active', 'past_due'}:
            return amount
        upgrade = (self.plan.sequence or 0) >= (
            subscription.plan.sequence or 0)
        proration = (self.plan if upgrade else subscription.plan).proration
        return round_cent(change_amount(subscription.monthly_amount, amount,
                subscription.period_start, subscription.period_end, today(),
                proration))

    @fields.depends('subscription', 'plan',
        methods=['on_change_with_monthly_amount', 'on_change_with_due_now'])
    def on_change_with_summary(self):
        amount = self.on_change_with_monthly_amount()
        due = self.on_change_with_due_now()
        if amount is None:
            return None
        Lang = Pool().get('ir.lang')
        lang = Lang.get()
        currency = self.plan.currency
        return gettext('saas_subscription.msg_choice_summary',
            plan=self.plan.rec_name,
            monthly=lang.currency(amount, currency),
            due=lang.currency(due or Decimal(0), currency))


class ChoosePlan(Wizard):
    "Choose a Plan"
    __name__ = 'saas.subscription.choose_plan'

    start = StateView('saas.subscription.choose_plan.start',
        'saas_subscription.choose_plan_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Confirm", 'apply', 'tryton-ok', default=True),
            ])
    apply = StateTransition()

    def default_start(self, fields):
        subscription = self.record
        return {
            'subscription': subscription.id,
            'software': subscription.software.id,
            'state': subscription.state,
            'plan': subscription.plan.id,
            'options': [o.id for o in subscription.options],
            'quantity': subscription.quantity or 0,
            'payment_method': subscription.payment_method or 'card',
            }

    def transition_apply(self):
        pool = Pool()
        Subscription = pool.get('saas.subscription')
        subscription = self.record
        if not may_manage(Transaction().user, subscription.company.id):
            raise AccessError(gettext(
                    'saas_subscription.msg_owner_only'))
        if subscription.state == 'suspended':
            raise ValidationError(gettext(
                    'saas_subscription.msg_pay_first'))
        plan, options = self.start.plan, list(self.start.options)
        if (plan.software != subscription.software
                or any(o.software != subscription.software
                    for o in options)):
            raise ValidationError(gettext(
                    'saas_subscription.msg_other_software'))
        if plan.pricing == 'tiered' and not (self.start.quantity or 0) > 0:
            raise ValidationError(gettext(
                    'saas_subscription.msg_quantity_required',
                    plan=plan.rec_name, unit=plan.unit_name or ''))
        if subscription.state in {'trial', 'expired', 'cancelled'}:
            Subscription.subscribe(subscription, plan, options,
                self.start.quantity, self.start.payment_method)
        else:
            if self.start.payment_method != subscription.payment_method:
                Subscription.set_payment_method(
                    subscription, self.start.payment_method)
            Subscription.change(
                subscription, plan, options, self.start.quantity)
        return 'end'

    def end(self):
        return 'reload'


class CancelStart(ModelView):
    "Cancel the Subscription"
    __name__ = 'saas.subscription.cancel.start'
    __string__ = "Cancel the Subscription"

    subscription = fields.Many2One('saas.subscription', "Subscription",
        readonly=True)
    ends_on = fields.Date("Ends On", readonly=True,
        help="Everything works until this day; then the workshop can "
        "still read and export its data.")
    cause = fields.Selection(CANCELLATION_CAUSES, "Main Reason",
        required=True, sort=False)
    reason = fields.Text("Tell Us More",
        help="Optional: what would have made you stay.")


class Cancel(Wizard):
    """Cancel at the end of the period: the owner says why (exit survey)
    and sees until when everything keeps working."""
    __name__ = 'saas.subscription.cancel'

    start = StateView('saas.subscription.cancel.start',
        'saas_subscription.cancel_start_view_form', [
            Button("Keep my Subscription", 'end', 'tryton-cancel',
                default=True),
            Button("Cancel at Period End", 'cancel', 'tryton-ok'),
            ])
    cancel = StateTransition()

    def default_start(self, fields):
        subscription = self.record
        return {
            'subscription': subscription.id,
            'ends_on': subscription.period_end,
            }

    def transition_cancel(self):
        Subscription = Pool().get('saas.subscription')
        subscription = self.record
        if not may_manage(Transaction().user, subscription.company.id):
            raise AccessError(gettext('saas_subscription.msg_owner_only'))
        if (subscription.state not in {'active', 'past_due'}
                or subscription.cancel_at_period_end):
            raise ValidationError(gettext(
                    'saas_subscription.msg_cancel_state'))
        Subscription.request_cancellation([subscription],
            cause=self.start.cause, reason=self.start.reason)
        return 'end'

    def end(self):
        return 'reload'


class OpenMine(Wizard):
    """« Mon abonnement »: the form of the workshop's subscription itself
    (an action opening a form would offer a new record)."""
    __name__ = 'saas.subscription.open_mine'

    start_state = 'open_'
    open_ = StateAction('saas_subscription.act_my_subscription')

    def do_open_(self, action):
        Subscription = Pool().get('saas.subscription')
        company = Transaction().context.get('company')
        subscriptions = Subscription.search(
            [('company', '=', company)], order=[('id', 'ASC')])
        if len(subscriptions) == 1:
            action['res_id'] = [subscriptions[0].id]
            action['views'].sort(
                key=lambda view: view[1] != 'form')
        else:
            action['views'].sort(
                key=lambda view: view[1] != 'tree')
        return action, {}
