# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The SaaS invoices: the publisher invoices each period of a workshop's
subscription (at the start of the period, as Stripe does), the prorated
difference of an upgrade at once, and deducts the credit of a downgrade
from the next invoice; never a negative invoice.

The invoices are the publisher company's, to its own customer party for
the workshop (the workshop's party belongs to the workshop's tenant). The
workshop's owner reads his own SaaS invoices and their PDF."""
import logging
from decimal import Decimal

from sql.operators import Equal

from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model import Exclude, fields
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access

from .billing import add_months, round_cent
from .subscription import PAYING_STATES, today

BILLINGS = [
    (None, ""),
    ('period', "Billing Period"),
    ('change', "Plan Change"),
    ]
IDENTIFIER_TYPES = {'fr_siren', 'fr_siret', 'eu_vat'}
logger = logging.getLogger(__name__)


class SaasInvoiceError(UserError):
    pass


def french_date(date):
    "01/04/2026: the dates of a French invoice."
    return date.strftime('%d/%m/%Y')


def last_day(period_end):
    "The last day of the period [start, end): the day before its end."
    from datetime import timedelta
    return period_end - timedelta(days=1)


def unit_price_for(amount, quantity):
    """(quantity, unit price) that give `amount` on an invoice line: the
    quantity at its average price when it divides exactly to 4 decimals,
    else 1 at the whole amount."""
    amount = Decimal(amount)
    if quantity and quantity > 0:
        unit = (amount / quantity).quantize(Decimal('0.0001'))
        if round_cent(unit * quantity) == round_cent(amount):
            return Decimal(quantity), unit
    return Decimal(1), amount


def complete(address):
    "Whether an invoice can carry `address` (street, city, country)."
    return bool(address and (address.street or '').strip()
        and address.city and address.country)


def workshop_address(party):
    "The workshop's invoice address, else its first complete one."
    address = party.address_get('invoice')
    if complete(address):
        return address
    return next((a for a in party.addresses if complete(a)), None)


def credit_to_deduct(balance, untaxed):
    "The part of the credit `balance` an invoice of `untaxed` can take."
    return max(min(Decimal(balance or 0), Decimal(untaxed or 0)), Decimal(0))


class Invoice(metaclass=PoolMeta):
    __name__ = 'account.invoice'

    saas_subscription = fields.Many2One('saas.subscription',
        "SaaS Subscription", readonly=True, ondelete='RESTRICT',
        help="The workshop's subscription this invoice bills.")
    saas_billing = fields.Selection(BILLINGS, "SaaS Billing",
        readonly=True,
        help="A billing period of the subscription or a plan change.")
    saas_period_start = fields.Date("Billed From", readonly=True)
    saas_period_end = fields.Date("Billed Until", readonly=True,
        help="The first day after the billed period.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        # A period of a subscription is invoiced once (cron run twice, a
        # crash and a rerun).
        cls._sql_constraints += [
            ('saas_period_exclude', Exclude(t,
                    (t.saas_subscription, Equal),
                    (t.saas_period_start, Equal),
                    where=(t.saas_billing == 'period')
                    & (t.state != 'cancelled')),
                'saas_subscription.msg_invoice_period_once'),
            ]

    @classmethod
    def copy(cls, invoices, default=None):
        default = default.copy() if default else {}
        for name in ['saas_subscription', 'saas_billing',
                'saas_period_start', 'saas_period_end']:
            default.setdefault(name)
        return super().copy(invoices, default=default)


class Subscription(metaclass=PoolMeta):
    __name__ = 'saas.subscription'

    customer = fields.Many2One('party.party', "Invoiced Customer",
        readonly=True, ondelete='RESTRICT',
        help="The publisher's customer for this workshop, on the SaaS "
        "invoices.")
    credit_balance = fields.Numeric("Credit Balance", digits=(16, 2),
        readonly=True,
        help="Excluding VAT: what downgrades left to the workshop's "
        "credit, deducted from its next invoices.")
    invoices = fields.One2Many('account.invoice', 'saas_subscription',
        "Invoices", readonly=True, order=[('invoice_date', 'DESC'),
            ('id', 'DESC')])
    next_invoice_amount = fields.Function(fields.Numeric(
            "Next Invoice Amount", digits=(16, 2),
            help="Estimated, excluding VAT: the plan and options less the "
            "credit balance."),
        'get_next_invoice_amount')

    @classmethod
    def default_credit_balance(cls):
        return Decimal(0)

    def get_next_invoice_amount(self, name):
        if self.state not in PAYING_STATES or self.cancel_at_period_end:
            return None
        return self.monthly_amount - credit_to_deduct(
            self.credit_balance, self.monthly_amount)

    # --- customer ----------------------------------------------------------

    @classmethod
    def publisher(cls):
        "The company that issues the SaaS invoices."
        Configuration = Pool().get('saas.subscription.configuration')
        publisher = Configuration.get_publisher()
        if not publisher:
            raise SaasInvoiceError(gettext(
                    'saas_subscription.msg_invoice_no_publisher'))
        return publisher

    def check_invoiceable(self):
        """The workshop's details the invoice needs (its address and
        SIRET), checked before anything is written."""
        party = self.company.party
        if not workshop_address(party):
            raise SaasInvoiceError(gettext(
                    'saas_subscription.msg_invoice_workshop_address',
                    workshop=party.rec_name))
        for plan in [self.plan] + list(self.options):
            if not plan.product:
                raise SaasInvoiceError(gettext(
                        'saas_subscription.msg_invoice_no_product',
                        plan=plan.rec_name))

    def owner_email(self):
        "The email of the workshop's first owner who has one."
        pool = Pool()
        User = pool.get('res.user')
        ModelData = pool.get('ir.model.data')
        users = User.search([
                ('companies', '=', self.company.id),
                ('groups', '=', ModelData.get_id('saas', 'group_owner')),
                ('email', '!=', None),
                ], order=[('id', 'ASC')], limit=1)
        return users[0].email if users else None

    def get_customer(self):
        """The publisher's customer for the workshop, made on first use:
        the workshop's name, address, SIREN/SIRET, VAT number and owner's
        email, owned by the publisher."""
        pool = Pool()
        Party = pool.get('party.party')
        Identifier = pool.get('party.identifier')
        Lang = pool.get('ir.lang')
        if self.customer:
            return self.customer
        publisher = self.publisher()
        workshop = self.company.party
        address = workshop_address(workshop)
        french = Lang.search([('code', '=', 'fr')], limit=1)
        email = self.owner_email()
        with without_check_access():
            customer, = Party.create([{
                        'name': workshop.name,
                        'company': publisher.id,
                        'lang': (workshop.lang.id if workshop.lang
                            else french[0].id if french else None),
                        'addresses': [('create', [{
                                        'street': address.street,
                                        'postal_code': address.postal_code,
                                        'city': address.city,
                                        'country': address.country.id,
                                        'invoice': True,
                                        }])],
                        'contact_mechanisms': [('create', [{
                                        'type': 'email', 'value': email,
                                        'invoice': True}]
                                if email else [])],
                        }])
            Identifier.create([{
                        'party': customer.id, 'type': i.type, 'code': i.code,
                        'address': (customer.addresses[0].id
                            if i.type == 'fr_siret' else None),
                        } for i in workshop.identifiers
                    if i.type in IDENTIFIER_TYPES])
            self.__class__.write([self], {'customer': customer.id})
        return customer

    # --- invoices ----------------------------------------------------------

    def _saas_invoice(self, billing, start, end, date):
        "A draft invoice of the publisher to the workshop's customer."
        pool = Pool()
        Invoice = pool.get('account.invoice')
        Journal = pool.get('account.journal')
        Settings = pool.get('account_fr_export.settings')
        publisher = self.publisher()
        customer = self.get_customer()
        settings = Settings.get(publisher)
        journal, = Journal.search([('type', '=', 'revenue')],
            order=[('id', 'ASC')], limit=1)
        with Transaction().set_context(company=publisher.id):
            customer = customer.__class__(customer.id)
            return Invoice(
                company=publisher,
                type='out',
                party=customer,
                invoice_address=customer.address_get('invoice'),
                journal=journal,
                account=customer.account_receivable_used,
                currency=publisher.currency,
                invoice_date=date,
                payment_term=getattr(settings, 'payment_term', None),
                description=self.software.rec_name,
                saas_subscription=self,
                saas_billing=billing,
                saas_period_start=start,
                saas_period_end=end,
                lines=[])

    def _saas_line(self, invoice, plan, description, quantity, unit_price):
        "An invoice line of `plan`'s product (its account and VAT)."
        Line = Pool().get('account.invoice.line')
        with Transaction().set_context(company=invoice.company.id):
            product = plan.product.__class__(plan.product.id)
            return Line(
                invoice=invoice,
                company=invoice.company,
                currency=invoice.currency,
                invoice_type='out',
                type='line',
                product=product,
                unit=product.default_uom,
                description=description,
                quantity=quantity,
                unit_price=unit_price,
                account=product.account_revenue_used,
                taxes=list(product.customer_taxes_used))

    def _with_language(self):
        lang = self.customer.lang.code if (
            self.customer and self.customer.lang) else 'fr'
        return Transaction().set_context(language=lang)

    def period_lines(self, invoice, start, end):
        "The lines of the plan and its options for [start, end)."
        lines = []
        with self._with_language():
            for plan in [self.plan] + list(self.options):
                amount = plan.monthly_amount(self.quantity or 0)
                if plan.pricing == 'tiered':
                    quantity, unit_price = unit_price_for(
                        amount, self.quantity or 0)
                else:
                    quantity, unit_price = Decimal(1), Decimal(amount)
                description = gettext(
                    'saas_subscription.msg_invoice_period_line',
                    plan=plan.rec_name, start=french_date(start),
                    end=french_date(last_day(end)))
                lines.append(self._saas_line(
                        invoice, plan, description, quantity, unit_price))
        return lines

    def add_credit_line(self, invoice):
        """Deduct the credit balance (as far as the invoice goes, never
        below zero); return the amount deducted."""
        untaxed = sum((round_cent(Decimal(l.quantity) * l.unit_price)
                for l in invoice.lines
                if getattr(l, 'type', 'line') == 'line'
                and l.quantity and l.unit_price is not None), Decimal(0))
        credit = credit_to_deduct(self.credit_balance, untaxed)
        if credit:
            with self._with_language():
                description = gettext(
                    'saas_subscription.msg_invoice_credit_line')
            invoice.lines = list(invoice.lines) + [self._saas_line(
                    invoice, self.plan, description, Decimal(1), -credit)]
        return credit

    @classmethod
    def _issue(cls, invoices_credits):
        """Save and post the invoices, take the credits they deducted off
        the balances; return the invoices."""
        pool = Pool()
        Invoice = pool.get('account.invoice')
        if not invoices_credits:
            return []
        invoices = [i for i, _ in invoices_credits]
        with without_check_access():
            Invoice.save(invoices)
            Invoice.update_taxes(invoices)
            for invoice, credit in invoices_credits:
                if credit:
                    subscription = invoice.saas_subscription
                    cls.write([subscription], {
                            'credit_balance': (
                                subscription.credit_balance or 0) - credit,
                            })
            Invoice.post(invoices)
            cls.settle_zero(invoices)
        return invoices

    @classmethod
    def settle_zero(cls, invoices):
        """An invoice the credits brought to zero is paid as it is posted:
        nothing to collect, nothing to chase."""
        pool = Pool()
        Invoice = pool.get('account.invoice')
        Line = pool.get('account.move.line')
        zero = [i for i in invoices if not i.total_amount]
        for invoice in zero:
            lines = [l for l in invoice.lines_to_pay if not l.reconciliation]
            if lines:
                Line.reconcile(lines)
        if zero:
            Invoice.process(zero)

    def period_invoiced(self, start):
        "Whether the period starting on `start` has its invoice."
        Invoice = Pool().get('account.invoice')
        with without_check_access():
            return bool(Invoice.search([
                        ('saas_subscription', '=', self.id),
                        ('saas_billing', '=', 'period'),
                        ('saas_period_start', '=', start),
                        ('state', '!=', 'cancelled'),
                        ], limit=1))

    @classmethod
    def bill_periods(cls, subscriptions, date):
        """Invoice the current period of each subscription not invoiced
        yet, with the lines other addons add and the credit deducted;
        post them and return them."""
        to_issue = []
        with without_check_access():
            for subscription in cls.browse(subscriptions):
                start = subscription.period_start
                end = subscription.period_end
                if subscription.period_invoiced(start):
                    continue
                subscription.check_invoiceable()
                invoice = subscription._saas_invoice(
                    'period', start, end, date)
                lines = subscription.period_lines(invoice, start, end)
                lines += subscription.extra_invoice_lines(
                    invoice, start, end)
                invoice.lines = lines
                credit = subscription.add_credit_line(invoice)
                to_issue.append((invoice, credit))
            return cls._issue(to_issue)

    @classmethod
    def bill_opening(cls, subscriptions, date):
        "Invoice and collect the first period."
        super().bill_opening(subscriptions, date)
        invoices = cls.bill_periods(subscriptions, date)
        cls.collect(invoices)

    @classmethod
    def bill_change(cls, subscription, amount, old_plan, date):
        """An upgrade's prorated difference is invoiced now; a
        downgrade's is credited and deducted from the next invoices."""
        super().bill_change(subscription, amount, old_plan, date)
        amount = round_cent(amount)
        if amount < 0:
            with without_check_access():
                cls.write([subscription], {
                        'credit_balance': (
                            subscription.credit_balance or 0) - amount,
                        })
            return
        if not amount:
            return
        subscription.check_invoiceable()
        end = subscription.period_end
        invoice = subscription._saas_invoice('change', date, end, date)
        with subscription._with_language():
            description = gettext(
                'saas_subscription.msg_invoice_change_line',
                old=old_plan.name, new=subscription.plan.name,
                start=french_date(date), end=french_date(last_day(end)))
        invoice.lines = [subscription._saas_line(
                invoice, subscription.plan, description, Decimal(1), amount)]
        credit = subscription.add_credit_line(invoice)
        invoices = cls._issue([(invoice, credit)])
        cls.collect(invoices)

    @classmethod
    def collect(cls, invoices):
        """Collect the posted invoices by the subscription's payment
        method (filled by the payments and dunning)."""

    # --- renewal -----------------------------------------------------------

    @classmethod
    def renew(cls, date=None):
        """The renewals' daily round (cron): each period ended by `date`
        ends the subscription cancelled at its end, or opens the next
        period, invoiced and collected. Missed periods are caught up one
        at a time; a period is never invoiced twice."""
        date = date or today()
        with without_check_access():
            subscriptions = cls.search([
                    ('state', 'in', list(PAYING_STATES)),
                    ('period_end', '<=', date),
                    ], order=[('id', 'ASC')])
            for subscription in subscriptions:
                try:
                    while (subscription.state in PAYING_STATES
                            and subscription.period_end <= date):
                        cls.renew_one(subscription, date)
                except SaasInvoiceError as error:
                    # Checked before anything is written: the others
                    # renew, this one waits for its details.
                    logger.warning("Subscription %s not renewed: %s",
                        subscription.id, error.message)

    @classmethod
    def renew_one(cls, subscription, date):
        "End or renew `subscription` at the end of its current period."
        pool = Pool()
        Invoice = pool.get('account.invoice')
        start = subscription.period_end
        previous = subscription.mrr
        if subscription.cancel_at_period_end:
            cls.end([subscription], date=start)
            cls.log_events([subscription], 'cancelled', date=start,
                previous_mrr=previous)
            cls.sync_features([subscription])
            return
        subscription.check_invoiceable()
        end = add_months(start, 1, subscription.anchor_day or start.day)
        cls.write([subscription], {
                'period_start': start,
                'period_end': end,
                'credits': subscription.plan.included_credits or 0,
                })
        invoices = cls.bill_periods([subscription], date)
        cls.log_events([subscription], 'renewed', date=start,
            previous_mrr=previous)
        cls.collect(Invoice.browse(invoices))

