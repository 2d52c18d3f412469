# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""What the publisher sells: its software products and their plans.

A plan is priced per month, flat (Lite, Pro, the garages' 99 €) or per
unit with tiers (the lead-generation contacts), and grants the feature
flags of `saas`; an option is a plan sold on top of another. Every change
is kept in the audit log."""
from decimal import Decimal

from trytond.model import (
    DeactivableMixin, ModelSQL, ModelView, Unique, fields, sequence_ordered)
from trytond.modules.saas.audit import AuditMixin
from trytond.pool import Pool
from trytond.pyson import Eval, If
from trytond.transaction import Transaction

from .billing import round_cent, tiered_amount

PRICE = (16, 2)
UNIT_PRICE = (16, 4)


class Software(DeactivableMixin, ModelSQL, ModelView):
    "A software product the publisher sells by subscription."
    __name__ = 'saas.software'
    __string__ = "Software"

    name = fields.Char("Name", required=True, translate=True,
        help="As the workshops know it: ThermoGestion, VitroLib...")
    code = fields.Char("Code", required=True)
    plans = fields.One2Many('saas.plan', 'software', "Plans")
    trial_plan = fields.Many2One('saas.plan', "Trial Plan",
        domain=[('software', '=', Eval('id', -1)), ('kind', '=', 'plan')],
        help="The plan a free trial gives (the most complete one).")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('code_unique', Unique(t, t.code),
                'saas_subscription.msg_software_code_unique'),
            ]


class Plan(AuditMixin, sequence_ordered(), DeactivableMixin, ModelSQL,
        ModelView):
    """A plan or an option of a software, priced per month excluding VAT.
    The sequence ranks the plans: a higher one is an upgrade."""
    __name__ = 'saas.plan'
    __string__ = "Plan"
    _audit_fields = {'name', 'kind', 'pricing', 'price', 'tier_mode',
        'included_credits', 'proration', 'sla_target', 'storage_quota_gb',
        'features', 'product', 'active'}

    software = fields.Many2One('saas.software', "Software", required=True,
        ondelete='RESTRICT')
    name = fields.Char("Name", required=True, translate=True)
    code = fields.Char("Code", required=True)
    kind = fields.Selection([
            ('plan', "Plan"),
            ('option', "Option"),
            ], "Kind", required=True,
        help="An option is sold on top of a plan.")
    description = fields.Text("Description", translate=True)
    pricing = fields.Selection([
            ('flat', "Flat Monthly Price"),
            ('tiered', "Per Unit, by Tiers"),
            ], "Pricing", required=True)
    price = fields.Numeric("Monthly Price", digits=PRICE,
        states={'invisible': Eval('pricing') != 'flat'},
        help="Excluding VAT. A change that applies to subscribers is "
        "scheduled with a notice (Price Changes).")
    currency = fields.Many2One('currency.currency', "Currency",
        required=True)
    unit_name = fields.Char("Unit", translate=True,
        states={'invisible': Eval('pricing') != 'tiered'},
        help="What is counted, e.g. contact.")
    tier_mode = fields.Selection([
            ('graduated', "Graduated"),
            ('volume', "Volume"),
            ], "Tier Mode",
        states={
            'invisible': Eval('pricing') != 'tiered',
            'required': Eval('pricing') == 'tiered',
            },
        help="Graduated: each unit at the price of its tier. "
        "Volume: every unit at the price of the tier the total reaches.")
    tiers = fields.One2Many('saas.plan.tier', 'plan', "Tiers",
        states={'invisible': Eval('pricing') != 'tiered'})
    included_credits = fields.Integer("Credits per Month",
        help="Prepaid credits given with each monthly period "
        "(consumed by use, e.g. contacts reached).")
    proration = fields.Boolean("Prorate Changes",
        help="A change of plan during a period is billed or credited "
        "for the days left; otherwise it applies from the next period.")
    sla_target = fields.Numeric("Promised Uptime (%)", digits=(5, 2),
        help="Under it in a month, the next invoice gets a credit of up "
        "to 10 % (99.5 for Lite, 99.9 for Pro).")
    storage_quota_gb = fields.Float("Storage Quota (GB)",
        help="Given to a workshop when it takes the plan.")
    features = fields.Many2Many('saas.plan-saas.feature', 'plan', 'feature',
        "Features",
        help="The feature flags the plan switches on.")
    product = fields.Many2One('product.product', "Invoice Product",
        domain=[('type', '=', 'service')],
        help="The service the SaaS invoices carry for this plan "
        "(its account and VAT).")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('code_unique', Unique(t, t.software, t.code),
                'saas_subscription.msg_plan_code_unique'),
            ]
        cls._order = [('software', 'ASC'), ('sequence', 'ASC'),
            ('id', 'ASC')]

    @classmethod
    def default_kind(cls):
        return 'plan'

    @classmethod
    def default_pricing(cls):
        return 'flat'

    @classmethod
    def default_tier_mode(cls):
        return 'graduated'

    @classmethod
    def default_proration(cls):
        return True

    @classmethod
    def default_included_credits(cls):
        return 0

    @classmethod
    def default_currency(cls):
        "The publisher's currency (its company is the current one)."
        pool = Pool()
        Company = pool.get('company.company')
        company = Transaction().context.get('company')
        if company is not None and company >= 0:
            return Company(company).currency.id

    def monthly_amount(self, quantity=0):
        "The price of a month of this plan for `quantity` units."
        if self.pricing == 'tiered':
            return round_cent(tiered_amount(quantity, [
                        (t.up_to, t.unit_price, t.flat_fee)
                        for t in self.tiers], self.tier_mode))
        return self.price or Decimal(0)

    def get_rec_name(self, name):
        return '%s %s' % (self.software.rec_name, self.name)

    @classmethod
    def search_rec_name(cls, name, clause):
        _, operator, operand, *extra = clause
        bool_op = 'AND' if operator.startswith('!') else 'OR'
        return [bool_op,
            ('name', operator, operand, *extra),
            ('software.name', operator, operand, *extra),
            ]


class PlanTier(ModelSQL, ModelView):
    "A tier of a per-unit plan: the units up to a quantity and their price."
    __name__ = 'saas.plan.tier'
    __string__ = "Plan Tier"

    plan = fields.Many2One('saas.plan', "Plan", required=True,
        ondelete='CASCADE')
    up_to = fields.Integer("Up To",
        domain=[If(Eval('up_to', None) != None,  # noqa: E711
                ('up_to', '>', 0), ())],
        help="Empty for the last tier (no upper limit).")
    unit_price = fields.Numeric("Unit Price", digits=UNIT_PRICE,
        required=True)
    flat_fee = fields.Numeric("Flat Fee", digits=PRICE)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('plan', 'ASC'), ('up_to', 'ASC NULLS LAST'),
            ('id', 'ASC')]


class PlanFeature(ModelSQL):
    "The feature flags a plan switches on."
    __name__ = 'saas.plan-saas.feature'
    __string__ = "Plan Feature"

    plan = fields.Many2One('saas.plan', "Plan", required=True,
        ondelete='CASCADE')
    feature = fields.Many2One('saas.feature', "Feature", required=True,
        ondelete='CASCADE')
