# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""CSV exports of a workshop's invoices, payments and clients for a period,
as French accountants open them in Excel or LibreOffice: UTF-8 with BOM,
``;`` between columns, decimal comma, dates JJ/MM/AAAA, a header row in the
user's language, one line per record."""
import csv
import datetime as dt
import io
from decimal import Decimal

from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.pool import Pool
from trytond.pyson import Eval, If
from trytond.transaction import Transaction
from trytond.wizard import Button, StateTransition, StateView, Wizard

# the columns of each export: (key, English label); the label's ir.message
# is account_fr_export.msg_csv_<key>
COLUMNS = {
    'invoices': [
        ('number', "Number"), ('date', "Date"), ('due_date', "Due Date"),
        ('client', "Client"), ('siren', "SIREN"), ('vat_number', "VAT Number"),
        ('untaxed', "Excl. VAT"), ('tax', "VAT"), ('total', "Incl. VAT"),
        ('to_pay', "Amount to Pay"), ('state', "State"),
        ],
    'payments': [
        ('date', "Date"), ('client', "Client"), ('journal', "Journal"),
        ('method', "Method"), ('amount', "Amount"), ('state', "State"),
        ('origin', "Origin"),
        ],
    'clients': [
        ('name', "Name"), ('siren', "SIREN"), ('vat_number', "VAT Number"),
        ('email', "Email"), ('phone', "Phone"), ('address', "Address"),
        ('postal_code', "Postal Code"), ('city', "City"),
        ('country', "Country"),
        ],
    }
# the file name's first word, by export
FILE_NAMES = {
    'invoices': 'factures',
    'payments': 'paiements',
    'clients': 'clients',
    }
# the invoice states each choice of the filter keeps
INVOICE_STATES = {
    'posted': ['posted'],
    'paid': ['paid'],
    'all': ['validated', 'posted', 'paid', 'cancelled'],
    }
# a spreadsheet runs a cell beginning so as a formula: neutralised
FORMULA_START = ('=', '+', '@', '\t', '\r')


class CsvExportError(UserError):
    pass


def format_value(value):
    """A cell as French spreadsheets read it: 1234,56 (no thousands
    separator), 31/10/2026, empty for None."""
    if value is None:
        return ''
    if isinstance(value, bool):
        return 'oui' if value else 'non'
    if isinstance(value, Decimal):
        return '{:f}'.format(value).replace('.', ',')
    if isinstance(value, float):
        return format_value(Decimal(str(value)))
    if isinstance(value, dt.datetime):
        return value.strftime('%d/%m/%Y %H:%M')
    if isinstance(value, dt.date):
        return value.strftime('%d/%m/%Y')
    text = ' '.join(str(value).splitlines())
    if text.startswith(FORMULA_START):
        text = "'" + text
    return text


def csv_bytes(header, rows):
    """The CSV file of `rows` (sequences of values) under `header`: UTF-8
    with BOM, ';' separator, CRLF lines, quotes only where needed."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=';', quoting=csv.QUOTE_MINIMAL,
        lineterminator='\r\n')
    writer.writerow([format_value(h) for h in header])
    for row in rows:
        writer.writerow([format_value(v) for v in row])
    return out.getvalue().encode('utf-8-sig')


def file_name(what, start, end):
    "factures_2026-10-01_2026-10-31.csv"
    return '%s_%s_%s.csv' % (
        FILE_NAMES[what], start.isoformat(), end.isoformat())


def _identifier(party, types):
    "The compact code (no spaces) of the party's identifier of `types`."
    for identifier in party.identifiers:
        if identifier.type in types and identifier.code:
            return ''.join(identifier.code.split())


def party_siren(party):
    "The SIREN of `party`, from its SIREN or SIRET."
    siren = _identifier(party, {'fr_siren'})
    if siren:
        return siren
    siret = _identifier(party, {'fr_siret'})
    return siret[:9] if siret else None


def party_vat(party):
    return _identifier(party, {'eu_vat'})


class CsvExportStart(ModelView):
    "Export to CSV"
    __name__ = 'account_fr_export.csv_export.start'

    company = fields.Many2One('company.company', "Workshop", required=True,
        readonly=True,
        help="Only this workshop's records are exported.")
    what = fields.Selection([
            ('invoices', "Invoices"),
            ('payments', "Payments"),
            ('clients', "Clients"),
            ], "Export", required=True,
        help="Invoices and credit notes, payments received, or the clients "
        "invoiced in the period.")
    start_date = fields.Date("From", required=True,
        domain=[('start_date', '<=', Eval('end_date', None))],
        help="First day of the period, included.")
    end_date = fields.Date("To", required=True,
        domain=[('end_date', '>=', Eval('start_date', None))],
        help="Last day of the period, included.")
    invoice_state = fields.Selection([
            ('all', "All but Drafts"),
            ('posted', "Posted (Unpaid)"),
            ('paid', "Paid"),
            ], "Invoice State",
        states={
            'invisible': Eval('what') != 'invoices',
            'required': Eval('what') == 'invoices',
            },
        help="Which invoices: posted and not yet paid, paid, or every "
        "numbered invoice.")
    client = fields.Many2One('party.party', "Client",
        domain=[If(Eval('company'),
                ('company', '=', Eval('company', -1)), ())],
        context={'company': Eval('company', -1)},
        help="Leave empty for every client.")
    payment_journal = fields.Many2One('account.payment.journal',
        "Payment Journal",
        domain=[('company', '=', Eval('company', -1))],
        states={'invisible': Eval('what') != 'payments'},
        help="Leave empty for every journal.")
    process_method = fields.Selection('get_process_methods',
        "Payment Method",
        states={'invisible': Eval('what') != 'payments'},
        help="Card (Stripe), SEPA debit, manual... Leave empty for all.")

    @classmethod
    def default_company(cls):
        return Transaction().context.get('company')

    @classmethod
    def default_what(cls):
        return 'invoices'

    @classmethod
    def default_invoice_state(cls):
        return 'all'

    @classmethod
    def default_start_date(cls):
        today = Pool().get('ir.date').today()
        first = today.replace(day=1)
        return (first - dt.timedelta(days=1)).replace(day=1)

    @classmethod
    def default_end_date(cls):
        today = Pool().get('ir.date').today()
        return today.replace(day=1) - dt.timedelta(days=1)

    @classmethod
    def get_process_methods(cls):
        Journal = Pool().get('account.payment.journal')
        selection = Journal.fields_get(
            ['process_method'])['process_method']['selection']
        return [(None, '')] + [s for s in selection if s[0]]


class CsvExportResult(ModelView):
    "Export to CSV"
    __name__ = 'account_fr_export.csv_export.result'

    file = fields.Binary("File", readonly=True, filename='filename')
    filename = fields.Char("File Name", readonly=True)
    count = fields.Integer("Lines", readonly=True,
        help="The number of records in the file, header excluded.")


class CsvExport(Wizard):
    "Export to CSV"
    __name__ = 'account_fr_export.csv_export'

    start = StateView('account_fr_export.csv_export.start',
        'account_fr_export.csv_export_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Export", 'export', 'tryton-ok', default=True),
            ])
    export = StateTransition()
    result = StateView('account_fr_export.csv_export.result',
        'account_fr_export.csv_export_result_view_form', [
            Button("Close", 'end', 'tryton-close', default=True),
            ])

    def transition_export(self):
        start = self.start
        if start.start_date > start.end_date:
            raise CsvExportError(gettext(
                    'account_fr_export.msg_csv_dates'))
        rows = getattr(self, 'rows_%s' % start.what)()
        if not rows:
            raise CsvExportError(gettext(
                    'account_fr_export.msg_csv_nothing',
                    period='%s - %s' % (format_value(start.start_date),
                        format_value(start.end_date))))
        header = [gettext('account_fr_export.msg_csv_%s' % key)
            for key, _ in COLUMNS[start.what]]
        self.result.file = csv_bytes(header, rows)
        self.result.filename = file_name(
            start.what, start.start_date, start.end_date)
        self.result.count = len(rows)
        return 'result'

    def default_result(self, fields):
        return {
            'file': self.result.file,
            'filename': self.result.filename,
            'count': self.result.count,
            }

    def _selection(self, model, field):
        return dict(Pool().get(model).fields_get(
                [field])[field]['selection'])

    def invoices(self, states=None):
        """The workshop's customer invoices of the period with the filters
        (in `states` if given, else as the invoice state filter says)."""
        Invoice = Pool().get('account.invoice')
        start = self.start
        domain = [
            ('company', '=', start.company.id),
            ('type', '=', 'out'),
            ('invoice_date', '>=', start.start_date),
            ('invoice_date', '<=', start.end_date),
            ('state', 'in', states
                or INVOICE_STATES[start.invoice_state or 'all']),
            ]
        if start.client:
            domain.append(('party', '=', start.client.id))
        return Invoice.search(domain,
            order=[('invoice_date', 'ASC'), ('number', 'ASC'), ('id', 'ASC')])

    def rows_invoices(self):
        states = self._selection('account.invoice', 'state')
        rows = []
        for invoice in self.invoices():
            due_dates = [l.maturity_date for l in invoice.lines_to_pay
                if l.maturity_date]
            rows.append([
                    invoice.number, invoice.invoice_date,
                    min(due_dates) if due_dates else invoice.invoice_date,
                    invoice.party.rec_name, party_siren(invoice.party),
                    party_vat(invoice.party), invoice.untaxed_amount,
                    invoice.tax_amount, invoice.total_amount,
                    invoice.amount_to_pay, states.get(invoice.state),
                    ])
        return rows

    def rows_payments(self):
        Payment = Pool().get('account.payment')
        start = self.start
        domain = [
            ('company', '=', start.company.id),
            ('kind', '=', 'receivable'),
            ('date', '>=', start.start_date),
            ('date', '<=', start.end_date),
            ('state', '!=', 'draft'),
            ]
        if start.client:
            domain.append(('party', '=', start.client.id))
        if start.payment_journal:
            domain.append(('journal', '=', start.payment_journal.id))
        if start.process_method:
            domain.append(('journal.process_method', '=',
                    start.process_method))
        states = self._selection('account.payment', 'state')
        methods = self._selection('account.payment.journal', 'process_method')
        rows = []
        for payment in Payment.search(domain,
                order=[('date', 'ASC'), ('id', 'ASC')]):
            origin = payment.origin
            if origin is None and payment.line and payment.line.move_origin:
                origin = payment.line.move_origin
            rows.append([
                    payment.date, payment.party.rec_name,
                    payment.journal.rec_name,
                    methods.get(payment.journal.process_method),
                    payment.amount, states.get(payment.state),
                    origin.rec_name if origin else None,
                    ])
        return rows

    def rows_clients(self):
        "The clients invoiced in the period (all but drafts)."
        clients = {}
        for invoice in self.invoices(states=INVOICE_STATES['all']):
            clients.setdefault(invoice.party.id, invoice.party)
        rows = []
        for party in sorted(clients.values(), key=lambda p: p.rec_name):
            address = party.address_get('invoice')
            rows.append([
                    party.rec_name, party_siren(party), party_vat(party),
                    party.email, party.phone,
                    address.street if address else None,
                    address.postal_code if address else None,
                    address.city if address else None,
                    address.country.name
                    if address and address.country else None,
                    ])
        return rows
