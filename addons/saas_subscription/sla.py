# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""SLA credits: when the uptime the application's health checks measured
in a month falls under the plan's promise, the workshop gets a credit of
up to 10 % of the month's fee, deducted on its next invoice."""
import datetime as dt
import logging
from decimal import Decimal

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Unique, fields
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access

from .billing import add_months, round_cent, sla_credit_share
from .subscription import today

logger = logging.getLogger(__name__)

MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin',
    'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']
MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June',
    'July', 'August', 'September', 'October', 'November', 'December']


def previous_month(date):
    "The first and last days of the month before `date`'s."
    first = add_months(date.replace(day=1), -1, 1)
    return first, date.replace(day=1) - dt.timedelta(days=1)


def uptime_percent(share):
    "An uptime share (0 to 1) as a percentage with 3 decimals."
    if share is None:
        return None
    return Decimal(str(share * 100)).quantize(Decimal('0.001'))


def credit_amount(fee, uptime, target):
    "The credit of a month billed `fee` with `uptime` for a `target`."
    return round_cent(Decimal(fee or 0) * sla_credit_share(uptime, target))


def month_name(date, language):
    "« avril 2026 » in French, « April 2026 » otherwise."
    names = MONTHS_FR if (language or '').startswith('fr') else MONTHS_EN
    return '%s %s' % (names[date.month - 1], date.year)


class SLACredit(TenantOwnedMixin, ModelSQL, ModelView):
    """A credit owed to a workshop for a month whose uptime fell under
    its plan's promise; it is deducted on the next invoice."""
    __name__ = 'saas.subscription.sla_credit'
    __string__ = "SLA Credit"

    subscription = fields.Many2One('saas.subscription', "Subscription",
        required=True, readonly=True, ondelete='RESTRICT')
    month = fields.Date("Month", required=True, readonly=True,
        help="The first day of the month measured.")
    uptime = fields.Numeric("Measured Uptime (%)", digits=(6, 3),
        readonly=True,
        help="The share of the application's health checks of the month "
        "that passed.")
    target = fields.Numeric("Promised Uptime (%)", digits=(5, 2),
        readonly=True)
    fee = fields.Numeric("Month's Fee", digits=(16, 2), readonly=True,
        help="Excluding VAT: what the month was billed.")
    share = fields.Numeric("Credited Share", digits=(6, 4), readonly=True,
        help="Up to 10 % of the fee, in proportion to the shortfall.")
    amount = fields.Numeric("Amount", digits=(16, 2), readonly=True,
        help="Excluding VAT, deducted on the next invoice.")
    state = fields.Selection([
            ('pending', "Pending"),
            ('applied', "Applied"),
            ], "State", required=True, readonly=True, sort=False)
    invoice_line = fields.Many2One('account.invoice.line', "Invoice Line",
        readonly=True, ondelete='SET NULL',
        help="The line of the invoice that deducted the credit.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.company.required = True
        t = cls.__table__()
        cls._sql_constraints += [
            ('subscription_month_unique', Unique(t, t.subscription, t.month),
                'saas_subscription.msg_sla_credit_unique'),
            ]
        cls._order = [('month', 'DESC'), ('id', 'DESC')]

    @classmethod
    def default_state(cls):
        return 'pending'

    def get_rec_name(self, name):
        return '%s — %s' % (self.subscription.rec_name,
            self.month.strftime('%m/%Y'))

    @classmethod
    def grant_credits(cls, date=None):
        """The monthly round (cron, first days of the month): the credits
        of the previous month for the subscriptions whose plan's promise
        was missed; run again, it creates none twice."""
        pool = Pool()
        HealthCheck = pool.get('saas.health_check')
        Subscription = pool.get('saas.subscription')
        date = date or today()
        first, last = previous_month(date)
        with without_check_access():
            measured = uptime_percent(HealthCheck.uptime(first, last))
            if measured is None:
                logger.info("No health check from %s to %s: "
                    "no SLA credit for that month.", first, last)
                return []
            done = {c.subscription.id for c in cls.search([
                        ('month', '=', first)])}
            subscriptions = Subscription.search([
                    ('converted_on', '<=', last),
                    ('id', 'not in', list(done)),
                    ])
            to_create = []
            for subscription in subscriptions:
                plan, fee = subscription.billed_in(last)
                if not plan or not plan.sla_target or not fee:
                    continue
                amount = credit_amount(fee, measured, plan.sla_target)
                if amount <= 0:
                    continue
                to_create.append({
                        'company': subscription.company.id,
                        'subscription': subscription.id,
                        'month': first,
                        'uptime': measured,
                        'target': plan.sla_target,
                        'fee': fee,
                        'share': sla_credit_share(
                            measured, plan.sla_target),
                        'amount': amount,
                        })
            credits = cls.create(to_create)
        logger.info("Uptime %s %% from %s to %s: %s SLA credit(s).",
            measured, first, last, len(credits))
        return credits

    def invoice_line_for(self, invoice):
        """The unsaved line deducting the credit on `invoice`: quantity -1
        of the plan's service at the credit's amount (EN 16931 wants no
        negative price), in the customer's language (French by default)."""
        pool = Pool()
        Line = pool.get('account.invoice.line')
        Lang = pool.get('ir.lang')
        party = invoice.party
        language = party.lang.code if party and party.lang else 'fr'
        with Transaction().set_context(
                company=invoice.company.id, language=language):
            lang = Lang.get(language)
            plan = self.subscription.plan
            product = plan.product.__class__(plan.product.id)
            description = gettext('saas_subscription.msg_sla_credit_line',
                uptime=lang.format('%.2f', self.uptime),
                month=month_name(self.month, lang.code),
                target=_target(lang, self.target))
            return Line(
                invoice=invoice,
                company=invoice.company,
                currency=invoice.currency,
                invoice_type='out',
                type='line',
                product=product,
                unit=product.default_uom,
                description=description,
                quantity=-1,
                unit_price=self.amount,
                account=product.account_revenue_used,
                taxes=list(product.customer_taxes_used),
                origin=self)


def _target(lang, target):
    "A promise as written in the contract: 99,5 or 99,9 (no trailing 0)."
    text = lang.format('%.2f', target)
    if text.endswith('0'):
        text = text[:-1]
    return text


class Subscription(metaclass=PoolMeta):
    __name__ = 'saas.subscription'

    sla_credits = fields.One2Many('saas.subscription.sla_credit',
        'subscription', "SLA Credits", readonly=True)

    def billed_in(self, day):
        """The plan and the monthly fee in force on `day`: those after the
        last event of the history until then (nothing while not paying)."""
        Event = Pool().get('saas.subscription.event')
        events = Event.search([
                ('subscription', '=', self.id),
                ('date', '<=', day),
                ], order=[('date', 'DESC'), ('id', 'DESC')], limit=1)
        if not events:
            return None, Decimal(0)
        event, = events
        return event.plan, event.mrr or Decimal(0)

    def extra_invoice_lines(self, invoice, period_start, period_end):
        "The pending SLA credits, deducted on the invoice."
        lines = super().extra_invoice_lines(
            invoice, period_start, period_end)
        Credit = Pool().get('saas.subscription.sla_credit')
        with without_check_access():
            credits = Credit.search([
                    ('subscription', '=', self.id),
                    ('state', '=', 'pending'),
                    ], order=[('month', 'ASC'), ('id', 'ASC')])
            lines.extend(c.invoice_line_for(invoice) for c in credits)
        return lines


class InvoiceLine(metaclass=PoolMeta):
    "A line deducting an SLA credit marks it applied once saved."
    __name__ = 'account.invoice.line'

    @classmethod
    def _get_origin(cls):
        return super()._get_origin() + ['saas.subscription.sla_credit']

    @classmethod
    def create(cls, vlist):
        lines = super().create(vlist)
        cls._apply_sla_credits(lines)
        return lines

    @classmethod
    def _apply_sla_credits(cls, lines):
        Credit = Pool().get('saas.subscription.sla_credit')
        to_write = []
        for line in lines:
            origin = line.origin
            if isinstance(origin, Credit) and origin.id >= 0:
                to_write.extend([[origin], {
                            'state': 'applied',
                            'invoice_line': line.id,
                            }])
        if to_write:
            with without_check_access(), \
                    Transaction().set_context(_check_access=False):
                Credit.write(*to_write)

    @classmethod
    def delete(cls, lines):
        "A deleted deduction gives its credit back to the next invoice."
        Credit = Pool().get('saas.subscription.sla_credit')
        credits = [line.origin for line in lines
            if isinstance(line.origin, Credit) and line.origin.id >= 0]
        super().delete(lines)
        if credits:
            with without_check_access():
                Credit.write(credits, {
                        'state': 'pending',
                        'invoice_line': None,
                        })


class Invoice(metaclass=PoolMeta):
    "A cancelled invoice gives its SLA credits back to the next one."
    __name__ = 'account.invoice'

    @classmethod
    def cancel(cls, invoices):
        super().cancel(invoices)
        Credit = Pool().get('saas.subscription.sla_credit')
        lines = [line.id for invoice in cls.browse(invoices)
            if invoice.state == 'cancelled' for line in invoice.lines]
        with without_check_access():
            credits = Credit.search([('invoice_line', 'in', lines)])
            if credits:
                Credit.write(credits, {
                        'state': 'pending',
                        'invoice_line': None,
                        })
