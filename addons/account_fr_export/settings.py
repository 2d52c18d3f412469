# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""A workshop's invoicing settings (one record per workshop): the format of
its invoice numbers and the legal mentions its invoices carry.

Invoice numbers come from Tryton's strict sequences (``ir.sequence.strict``:
gapless, taken under lock when the invoice is posted), one per fiscal year,
made from the workshop's format when the fiscal year is created."""
import re
from decimal import Decimal

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Unique, fields
from trytond.model.exceptions import ValidationError
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access

DEFAULT_NUMBER_FORMAT = 'FACT-AAAA-NNNN'
NUMBER_FORMAT = re.compile(r'^([^N]*?)(N{3,9})([^N]*)$')
MONEY = (16, 2)


class NumberFormatError(ValidationError):
    pass


def sequence_parts(number_format):
    """The (prefix, padding, suffix) of a Tryton sequence numbering as
    `number_format` says: AAAA is the year, MM the month, a run of 3 to 9 N
    the number with its zeros; e.g. 'FACT-AAAA-NNNN' gives
    ('FACT-${year}-', 4, ''). None if the format is not valid."""
    match = NUMBER_FORMAT.match((number_format or '').strip())
    if not match:
        return None
    prefix, digits, suffix = match.groups()

    def substitute(text):
        return text.replace('AAAA', '${year}').replace('MM', '${month}')
    return substitute(prefix), len(digits), substitute(suffix)


def example_number(number_format, year, number=1):
    "The number `number` of `year` as `number_format` writes it."
    parts = sequence_parts(number_format)
    if not parts:
        return ''
    prefix, padding, suffix = parts
    return ('%s%0*d%s' % (prefix, padding, number, suffix)).replace(
        '${year}', str(year)).replace('${month}', '01')


class Settings(TenantOwnedMixin, ModelSQL, ModelView):
    "Invoicing Settings"
    __name__ = 'account_fr_export.settings'
    __string__ = "Invoicing Settings"

    number_format = fields.Char("Invoice Number Format", required=True,
        help="AAAA is replaced by the year, MM by the month and the run of "
        "N by the number (FACT-AAAA-NNNN gives FACT-2026-0001). Numbers "
        "follow each other without gaps within a fiscal year; a change "
        "applies from the next fiscal year.")
    number_example = fields.Function(
        fields.Char("Example"), 'on_change_with_number_example')
    legal_form = fields.Char("Legal Form",
        help="As on the Kbis extract: SARL, SAS, EURL, EI...")
    share_capital = fields.Numeric("Share Capital", digits=MONEY,
        domain=['OR', ('share_capital', '=', None),
            ('share_capital', '>=', 0)])
    registry = fields.Char("Trade Register",
        help="The register and its city, e.g. « RCS Lyon » or « RM 69 ».")
    payment_term = fields.Many2One('account.invoice.payment_term',
        "Payment Term", ondelete='RESTRICT',
        help="Sets the due date of new invoices.")
    late_penalty_rate = fields.Numeric("Late Payment Interest (%/year)",
        digits=(5, 2),
        domain=['OR', ('late_penalty_rate', '=', None),
            ('late_penalty_rate', '>=', 0)],
        help="Empty: the rate of the European Central Bank's latest "
        "refinancing operation plus 10 points (article L441-10 of the "
        "Commercial Code).")
    recovery_indemnity = fields.Numeric("Fixed Recovery Indemnity",
        digits=MONEY, required=True,
        domain=[('recovery_indemnity', '>=', 40)],
        help="Owed by professional clients paying late (at least 40 €, "
        "article D441-5 of the Commercial Code).")
    early_payment_discount = fields.Char("Early Payment Discount",
        help="Empty: « Pas d'escompte pour paiement anticipé ».")
    email_invoices = fields.Boolean("Email Posted Invoices",
        help="Send each posted invoice (Factur-X PDF) to the client.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints = [
            ('company_uniq', Unique(t, t.company),
                'account_fr_export.msg_settings_company_unique'),
            ]

    @classmethod
    def default_number_format(cls):
        return DEFAULT_NUMBER_FORMAT

    @classmethod
    def default_recovery_indemnity(cls):
        return Decimal(40)

    @classmethod
    def default_email_invoices(cls):
        return True

    @fields.depends('number_format')
    def on_change_with_number_example(self, name=None):
        Date = Pool().get('ir.date')
        return example_number(self.number_format, Date.today().year)

    @classmethod
    def validate_fields(cls, records, field_names):
        super().validate_fields(records, field_names)
        if not field_names or 'number_format' in field_names:
            for record in records:
                if not sequence_parts(record.number_format):
                    raise NumberFormatError(gettext(
                            'account_fr_export.msg_number_format_invalid',
                            format=record.number_format or ''))

    @classmethod
    def get(cls, company, create=False):
        "The settings of `company` (created with the defaults if asked)."
        with without_check_access():
            records = cls.search([('company', '=', company.id)], limit=1)
            if records:
                return cls(records[0].id)
            values = {name: None for name, field in cls._fields.items()
                if not isinstance(field, fields.Function)
                and name not in {'id', 'create_uid', 'create_date',
                    'write_uid', 'write_date', 'rec_name'}}
            values.update(cls.default_get(
                    list(cls._fields.keys()), with_rec_name=False))
            values['company'] = company.id
            settings = cls(**values)
            if create:
                settings.save()
            return settings


class FiscalYear(metaclass=PoolMeta):
    __name__ = 'account.fiscalyear'

    @classmethod
    def create(cls, vlist):
        """A new fiscal year without invoice sequences gets one strict
        sequence from the workshop's number format, for invoices and credit
        notes alike: one continuous series, as French law asks."""
        vlist = [v.copy() for v in vlist]
        for values in vlist:
            if not values.get('invoice_sequences') and values.get('company'):
                sequence = cls.invoice_sequence(
                    values['company'], values.get('name'))
                values['invoice_sequences'] = [('create', [{
                                'company': values['company'],
                                'out_invoice_sequence': sequence.id,
                                'out_credit_note_sequence': sequence.id,
                                'in_invoice_sequence': sequence.id,
                                'in_credit_note_sequence': sequence.id,
                                }])]
        return super().create(vlist)

    @classmethod
    def invoice_sequence(cls, company_id, name):
        pool = Pool()
        Company = pool.get('company.company')
        Sequence = pool.get('ir.sequence.strict')
        ModelData = pool.get('ir.model.data')
        Settings = pool.get('account_fr_export.settings')
        settings = Settings.get(Company(company_id))
        prefix, padding, suffix = sequence_parts(
            settings.number_format or DEFAULT_NUMBER_FORMAT)
        with without_check_access(), Transaction().set_context(
                company=company_id):
            sequence, = Sequence.create([{
                        'name': "Factures %s" % (name or ''),
                        'sequence_type': ModelData.get_id(
                            'account_invoice',
                            'sequence_type_account_invoice'),
                        'company': company_id,
                        'prefix': prefix,
                        'suffix': suffix,
                        'padding': padding,
                        }])
        return sequence
