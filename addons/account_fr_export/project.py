# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Invoices of a powder-coating quote and its project (with the optional
powder_coating module): a deposit invoice (facture d'acompte) for the
deposit asked, then the balance invoice (facture de solde) with the
quote's parts, deducting the posted deposit invoices. The client's
payments (card, SEPA, counter) are matched with them as they come; credit
notes are Tryton's (« Créditer » on a posted invoice)."""
from decimal import ROUND_HALF_EVEN, Decimal

from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval
from trytond.transaction import Transaction, without_check_access

from .invoice import (
    OUTSIDE_EU_TAX, REVERSE_CHARGE_TAX, _template_ids, company_account)
from .payment import reconcile_lines

CENT = Decimal('0.01')


class ProjectInvoiceError(UserError):
    pass


def untaxed_for_total(total, rate):
    """The amount excl. VAT that gives `total` incl. VAT once the VAT at
    `rate` % (rounded to the cent) is added; the nearest when no amount
    gives it exactly."""
    total = Decimal(total)
    rate = Decimal(rate or 0) / 100
    guess = (total / (1 + rate)).quantize(CENT, rounding=ROUND_HALF_EVEN)
    for untaxed in (guess, guess - CENT, guess + CENT):
        if untaxed + (untaxed * rate).quantize(CENT) == total:
            return untaxed
    return guess


def balance_deduction(parts, deducted, balance, rate):
    """What to deduct (excl. VAT) from the `parts` of a balance invoice so
    that it comes to `balance` incl. VAT: the amount nearest to `deducted`
    (the deposits' untaxed amounts, within 5 cents) that does, with the VAT
    rounded on the parts and on the deductions apart, as Tryton rounds the
    taxes of positive and negative lines; `deducted` if none does."""
    rate = Decimal(rate or 0) / 100
    parts_total = parts + (parts * rate).quantize(CENT)
    for step in range(6):
        for amount in (deducted + step * CENT, deducted - step * CENT):
            if parts_total - amount - (amount * rate).quantize(CENT) \
                    == balance:
                return amount
    return deducted


class Invoice(metaclass=PoolMeta):
    __name__ = 'account.invoice'

    coating_quote = fields.Many2One('powder_coating.quote', "Quote",
        readonly=True, ondelete='RESTRICT',
        domain=[('company', '=', Eval('company', -1))],
        help="The quote this invoice bills (deposit or balance).")
    coating_project = fields.Function(fields.Many2One(
            'powder_coating.project', "Project"), 'get_coating_project',
        searcher='search_coating_project')

    def get_coating_project(self, name):
        quote = self.coating_quote
        return quote.project.id if quote and quote.project else None

    @classmethod
    def search_coating_project(cls, name, clause):
        return [('coating_quote.project' + clause[0][len(name):],)
            + tuple(clause[1:])]

    @classmethod
    def post(cls, invoices):
        super().post(invoices)
        Quote = Pool().get('powder_coating.quote')
        quotes = {i.coating_quote for i in invoices if i.coating_quote}
        Quote.reconcile_invoices(list(quotes))

    @classmethod
    def copy(cls, invoices, default=None):
        default = default.copy() if default else {}
        default.setdefault('coating_quote')
        default.setdefault('purpose')
        return super().copy(invoices, default=default)

    def _credit(self, **values):
        "A credit note stays with the quote it corrects (and its refunds)."
        credit = super()._credit(**values)
        credit.coating_quote = self.coating_quote
        return credit


class Payment(metaclass=PoolMeta):
    __name__ = 'account.payment'

    @classmethod
    def reconcile_invoices(cls, payments):
        pool = Pool()
        Quote = pool.get('powder_coating.quote')
        Project = pool.get('powder_coating.project')
        super().reconcile_invoices(payments)
        quotes = set()
        for payment in payments:
            origin = payment.origin
            if isinstance(origin, Quote):
                quotes.add(origin)
            elif isinstance(origin, Project) and origin.quote:
                quotes.add(origin.quote)
        Quote.reconcile_invoices(list(quotes))


    @property
    def clearing_account(self):
        """A refund paid out to a client settles its receivable (411), not
        a supplier's payable."""
        if (self.kind == 'payable' and self.purpose == 'refund'
                and not self.line and self.party):
            return self.party.account_receivable_used
        return super().clearing_account


class Journal(metaclass=PoolMeta):
    __name__ = 'account.payment.journal'

    # Where each means of payment lands in the French chart (clearing).
    CLEARING_ACCOUNTS = {
        'card': '5121',
        'terminal': '5121',
        'transfer': '5121',
        'sepa': '5121',
        'cheque': '5112',
        'cash': '5311',
        }

    @classmethod
    def for_method(cls, company, method):
        """The journal, set to bring its payments into the books: the
        bank, cheques or cash account against the client's receivable."""
        journal = super().for_method(company, method)
        if not journal.clearing_account:
            cls.set_clearing(journal)
        return journal

    @classmethod
    def set_clearing(cls, journal):
        AccountJournal = Pool().get('account.journal')
        account = company_account(journal.company,
            cls.CLEARING_ACCOUNTS.get(journal.coating_method, '5121'))
        with without_check_access():
            journals = AccountJournal.search(
                [('type', '=', 'cash')], order=[('id', 'ASC')], limit=1)
            if account and journals:
                cls.write([journal], {
                        'clearing_account': account.id,
                        'clearing_journal': journals[0].id,
                        })


class Quote(metaclass=PoolMeta):
    __name__ = 'powder_coating.quote'

    invoices = fields.One2Many('account.invoice', 'coating_quote',
        "Invoices", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._buttons.update({
                'invoice_deposit': {
                    'invisible': ~Eval('state').in_(['accepted']),
                    'depends': ['state'],
                    },
                'invoice_balance': {
                    'invisible': ~Eval('state').in_(['accepted']),
                    'depends': ['state'],
                    },
                })

    @classmethod
    def copy(cls, quotes, default=None):
        default = default.copy() if default else {}
        default.setdefault('invoices')
        return super().copy(quotes, default=default)

    @classmethod
    @ModelView.button
    def invoice_deposit(cls, quotes):
        "A draft deposit invoice for what is left of the deposit asked."
        Invoice = Pool().get('account.invoice')
        invoices = [q.make_deposit_invoice() for q in quotes]
        Invoice.save(invoices)
        return invoices

    @classmethod
    @ModelView.button
    def invoice_balance(cls, quotes):
        "A draft balance invoice: the parts, minus the deposits invoiced."
        Invoice = Pool().get('account.invoice')
        invoices = [q.make_balance_invoice() for q in quotes]
        Invoice.save(invoices)
        return invoices

    def _live_invoices(self, purpose=None):
        return [i for i in self.invoices
            if i.state != 'cancelled'
            and (purpose is None or i.purpose == purpose)]

    def make_deposit_invoice(self):
        self._check_invoiceable()
        figures = self.payment_figures()
        invoiced = sum((i.total_amount for i in self._live_invoices(
                    'deposit')), Decimal(0))
        if self._live_invoices('balance'):
            raise ProjectInvoiceError(gettext(
                    'account_fr_export.msg_deposit_after_balance',
                    quote=self.rec_name))
        amount = figures['deposit'] - invoiced
        if figures['deposit'] <= 0:
            raise ProjectInvoiceError(gettext(
                    'account_fr_export.msg_no_deposit', quote=self.rec_name))
        if amount <= 0:
            raise ProjectInvoiceError(gettext(
                    'account_fr_export.msg_deposit_invoiced',
                    quote=self.rec_name))
        rate = self._vat_rate()
        with self._client_language():
            description = gettext('account_fr_export.msg_deposit_line',
                quote=self.number or '')
        invoice = self._new_invoice('deposit')
        invoice.lines = [self._invoice_line(
                invoice, description, 1, untaxed_for_total(amount, rate),
                rate)]
        return invoice

    def make_balance_invoice(self):
        self._check_invoiceable()
        if self._live_invoices('balance'):
            raise ProjectInvoiceError(gettext(
                    'account_fr_export.msg_balance_invoiced',
                    quote=self.rec_name))
        deposits = self._live_invoices('deposit')
        drafts = [i for i in deposits if i.state in {'draft', 'validated'}]
        if drafts:
            raise ProjectInvoiceError(gettext(
                    'account_fr_export.msg_deposit_draft',
                    quote=self.rec_name))
        rate = self._vat_rate()
        invoice = self._new_invoice('balance')
        lines = []
        for line in self.lines:
            # The quote's line total, not its rounded unit price, is what
            # the client agreed to: the unit price keeps 4 decimals.
            unit_price = (line.total / line.quantity).quantize(
                Decimal('0.0001')) if line.quantity else line.unit_price
            lines.append(self._invoice_line(invoice, line.description,
                    line.quantity, unit_price, rate))
        with self._client_language():
            if self.fixed_fee:
                lines.append(self._invoice_line(invoice,
                        gettext('account_fr_export.msg_fixed_fee_line'),
                        1, self.fixed_fee, rate))
            Lang = Pool().get('ir.lang')
            lang = Lang.get()
            deductions = [deposit.untaxed_amount for deposit in deposits]
            if deductions and self._french_vat(lines):
                # The balance is what the client still owes: the quote's
                # total minus the deposits, to the cent (two roundings of
                # the VAT could leave one cent apart).
                parts = sum((l.on_change_with_amount() for l in lines),
                    Decimal(0))
                total = sum(deductions, Decimal(0))
                deductions[-1] += balance_deduction(parts, total,
                    self.total_amount - sum(
                        (d.total_amount for d in deposits), Decimal(0)),
                    rate) - total
            for deposit, deduction in zip(deposits, deductions):
                lines.append(self._invoice_line(invoice,
                        gettext('account_fr_export.msg_deposit_deduction',
                            number=deposit.number,
                            date=lang.strftime(deposit.invoice_date)),
                        -1, deduction, rate,
                        taxes=[t for l in deposit.lines
                            for t in l.taxes][:1] or None))
        invoice.lines = lines
        return invoice

    def _check_invoiceable(self):
        if self.state != 'accepted':
            raise ProjectInvoiceError(gettext(
                    'account_fr_export.msg_quote_not_accepted',
                    quote=self.rec_name))

    def _french_vat(self, lines):
        "Whether the lines bear French VAT (not reverse charge nor export)."
        special = _template_ids(REVERSE_CHARGE_TAX, OUTSIDE_EU_TAX)
        return not any(t.template and t.template.id in special
            for l in lines for t in l.taxes)

    def _vat_rate(self):
        Configuration = Pool().get('powder_coating.configuration')
        settings = Configuration.get(self.company)
        return Decimal(getattr(settings, 'vat_rate', None) or 20)

    def _client_language(self):
        lang = self.party.lang.code if self.party.lang else 'fr'
        return Transaction().set_context(language=lang)

    def _new_invoice(self, purpose):
        pool = Pool()
        Invoice = pool.get('account.invoice')
        Journal = pool.get('account.journal')
        Settings = pool.get('account_fr_export.settings')
        Date = pool.get('ir.date')
        settings = Settings.get(self.company)
        with without_check_access():
            journal, = Journal.search([('type', '=', 'revenue')],
                order=[('id', 'ASC')], limit=1)
        with Transaction().set_context(company=self.company.id):
            today = Date.today()
        address = self.party.address_get('invoice')
        if not address:
            raise ProjectInvoiceError(gettext(
                    'account_fr_export.msg_client_no_address',
                    client=self.party.rec_name))
        return Invoice(
            company=self.company,
            type='out',
            party=self.party,
            invoice_address=address,
            journal=journal,
            account=self.party.account_receivable_used,
            currency=self.company.currency,
            invoice_date=today,
            payment_term=settings.payment_term,
            reference=self.number,
            description=self.number,
            coating_quote=self,
            purpose=purpose)

    def _invoice_line(self, invoice, description, quantity, unit_price,
            rate, taxes=None):
        pool = Pool()
        Line = pool.get('account.invoice.line')
        Invoice = pool.get('account.invoice')
        revenue = company_account(self.company, '706')
        if taxes is None:
            taxes = Invoice.french_taxes(self.company, self.party, rate)
        return Line(
            company=self.company,
            invoice_type='out',
            type='line',
            description=description,
            quantity=quantity,
            unit_price=Decimal(unit_price or 0),
            account=revenue,
            taxes=taxes,
            currency=self.company.currency)

    @classmethod
    def reconcile_invoices(cls, quotes):
        """Match the posted invoices of each quote (and its project) with
        the client's payments and credit notes on them."""
        pool = Pool()
        Payment = pool.get('account.payment')
        for quote in quotes:
            origins = [str(o) for o in quote.payment_origins()]
            with without_check_access():
                payments = Payment.search([
                        ('company', '=', quote.company.id),
                        ('origin', 'in', origins),
                        ('clearing_move', '!=', None),
                        ])
                lines = []
                for invoice in quote.invoices:
                    if invoice.state in {'posted', 'paid'}:
                        lines.extend(invoice.lines_to_pay)
                for payment in payments:
                    lines.extend(l for l in payment.clearing_move.lines
                        if l.account.type.receivable
                        and l.party == quote.party)
                lines.sort(key=lambda l: (l.date, l.id))
                reconcile_lines(lines)


class Project(metaclass=PoolMeta):
    __name__ = 'powder_coating.project'

    invoices = fields.Function(fields.Many2Many('account.invoice', None,
            None, "Invoices"), 'get_invoices')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._buttons.update({
                'invoice_deposit': {
                    'invisible': ~Eval('quote'),
                    'depends': ['quote'],
                    },
                'invoice_balance': {
                    'invisible': ~Eval('quote'),
                    'depends': ['quote'],
                    },
                })

    def get_invoices(self, name):
        return [i.id for i in self.quote.invoices] if self.quote else []

    @classmethod
    @ModelView.button
    def invoice_deposit(cls, projects):
        Quote = Pool().get('powder_coating.quote')
        return Quote.invoice_deposit(cls._quotes(projects))

    @classmethod
    @ModelView.button
    def invoice_balance(cls, projects):
        Quote = Pool().get('powder_coating.quote')
        return Quote.invoice_balance(cls._quotes(projects))

    @classmethod
    def _quotes(cls, projects):
        quotes = []
        for project in projects:
            if not project.quote:
                raise ProjectInvoiceError(gettext(
                        'account_fr_export.msg_project_without_quote',
                        project=project.rec_name))
            quotes.append(project.quote)
        return quotes
