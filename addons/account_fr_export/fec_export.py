# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The FEC of a workshop from the database, and the screens around it.

The rows come from one SQL query read as it goes (a server-side cursor on
PostgreSQL) and are written and validated line by line: a year of a
million lines never becomes a million records in memory. Tryton's own
wizard (account.fr.fec) is extended to export a fiscal year or a range of
its periods with this export, refuse unposted moves and show the
validator's report; a second wizard checks any FEC file."""
import datetime as dt
import itertools
from decimal import Decimal
from io import BytesIO

from sql import Literal
from sql.aggregate import Count, Sum
from sql.conditionals import Coalesce, NullIf
from sql.functions import CharLength

import trytond.config as config
from trytond import backend
from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.model.exceptions import AccessError
from trytond.exceptions import UserError
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval, If
from trytond.transaction import Transaction
from trytond.wizard import Button, StateTransition, StateView, Wizard

from . import fec

CENT = Decimal('0.01')
# Problems shown on the screen; the count always gives them all.
SHOWN_PROBLEMS = 1000


class FECError(UserError):
    pass


def _date(value):
    "A date from the database (SQLite may give a text)."
    if value is None or isinstance(value, dt.date) and not isinstance(
            value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.date.fromisoformat(str(value)[:10])


def _amount(value):
    "A Decimal from the database (SQLite may give bytes or a float)."
    if value is None:
        return Decimal(0)
    if isinstance(value, bytes):
        value = value.decode()
    return Decimal(str(value)).quantize(CENT)


def company_siren(company):
    "The SIREN of the workshop, from its party's identifiers."
    return fec.siren(
        (i.type, i.code) for i in company.party.identifiers)


_CURSOR_NUMBERS = itertools.count()


def _cursor(name):
    """A cursor that reads rows as they come (server-side on PostgreSQL,
    named uniquely: several exports may run in one transaction)."""
    connection = Transaction().connection
    if backend.name == 'postgresql':
        cursor = connection.cursor(
            name='%s_%s' % (name, next(_CURSOR_NUMBERS)))
        cursor.itersize = 5000
        return cursor
    return connection.cursor()


def opening_rows(company, fiscalyear):
    """The opening balances (« OUV » entry) of `fiscalyear`: the balance of
    each account and party over the earlier fiscal years, as Tryton's
    FrFEC.get_start_balance computes it."""
    pool = Pool()
    Account = pool.get('account.account')
    Move = pool.get('account.move')
    Line = pool.get('account.move.line')
    FiscalYear = pool.get('account.fiscalyear')
    Period = pool.get('account.period')
    Party = pool.get('party.party')
    fiscalyears = FiscalYear.search([
            ('end_date', '<', fiscalyear.start_date),
            ('company', '=', company.id),
            ])
    if not fiscalyears:
        return
    account = Account.__table__()
    move = Move.__table__()
    line = Line.__table__()
    period = Period.__table__()
    party = Party.__table__()
    query = (account
        .join(line, condition=line.account == account.id)
        .join(move, condition=line.move == move.id)
        .join(period, condition=move.period == period.id)
        .join(party, 'LEFT', condition=line.party == party.id)
        .select(
            account.code, account.name, party.id, party.code, party.name,
            Sum(Coalesce(line.debit, 0) - Coalesce(line.credit, 0)),
            where=(account.company == company.id)
            & (move.state == 'posted')
            & (line.state != 'draft')
            & period.fiscalyear.in_([f.id for f in fiscalyears]),
            group_by=[account.id, account.code, account.name,
                party.id, party.code, party.name],
            order_by=[account.code, party.code]))
    cursor = Transaction().connection.cursor()
    cursor.execute(*query)
    date = fiscalyear.start_date
    code = config.get('account_fr', 'fec_opening_code', default="OUV")
    name = config.get(
        'account_fr', 'fec_opening_name', default="Balance Initiale")
    number = config.get('account_fr', 'fec_opening_number', default="0")
    for (account_code, account_name, party_id, party_code, party_name,
            balance) in cursor:
        balance = _amount(balance)
        if not balance:
            continue
        if party_id:
            party_code = party_code or str(party_id)
            party_name = party_name or party_code
        debit, credit = (balance, 0) if balance > 0 else (0, -balance)
        yield [code, name, number, date, account_code, account_name,
            party_code or '', party_name or '', '-', date, '-',
            debit, credit, '', '', date, '', '']


def move_rows(company, start_date, end_date, deferral_period=None):
    """The lines of the posted moves of `company` dated from `start_date` to
    `end_date` (but those of `deferral_period`), in the order of their
    validation: post date, then number (shorter first: 9 before 10)."""
    pool = Pool()
    Account = pool.get('account.account')
    Move = pool.get('account.move')
    Line = pool.get('account.move.line')
    Journal = pool.get('account.journal')
    Party = pool.get('party.party')
    Reconciliation = pool.get('account.move.reconciliation')
    Currency = pool.get('currency.currency')
    Invoice = pool.get('account.invoice')
    line = Line.__table__()
    move = Move.__table__()
    account = Account.__table__()
    party = Party.__table__()
    reconciliation = Reconciliation.__table__()
    currency = Currency.__table__()
    invoice = Invoice.__table__()
    where = ((move.company == company.id)
        & (move.state == 'posted')
        & (move.date >= start_date) & (move.date <= end_date)
        & ((line.debit != 0) | (line.credit != 0)))
    if deferral_period:
        where &= move.period != deferral_period.id
    query = (line
        .join(move, condition=line.move == move.id)
        .join(account, condition=line.account == account.id)
        .join(party, 'LEFT', condition=line.party == party.id)
        .join(reconciliation, 'LEFT',
            condition=(line.reconciliation == reconciliation.id)
            & (reconciliation.date <= end_date))
        .join(currency, 'LEFT', condition=line.second_currency == currency.id)
        .join(invoice, 'LEFT', condition=invoice.move == move.id)
        .select(
            move.journal, move.number, move.date, account.code, account.name,
            party.id, party.code, party.name,
            Coalesce(NullIf(invoice.number, ''), move.number),
            Coalesce(invoice.invoice_date, move.date),
            Coalesce(NullIf(line.description, ''),
                NullIf(move.description, ''), Literal('-')),
            line.debit, line.credit,
            reconciliation.number, reconciliation.create_date,
            move.post_date, line.amount_second_currency, currency.code,
            where=where,
            order_by=[move.post_date.asc, CharLength(move.number).asc,
                move.number.asc, move.id.asc, line.id.asc]))
    # The journals' names as the user reads them (translated), once.
    with Transaction().set_context(active_test=False):
        journals = {j.id: (j.code or j.name, j.name)
            for j in Journal.search([])}
    # Closed when the export ends or stops half-way (a server-side cursor
    # holds its rows on PostgreSQL until then).
    cursor = _cursor('account_fr_export_fec')
    try:
        cursor.execute(*query)
        for (journal_id, number, date, account_code,
                account_name, party_id, party_code, party_name, piece_ref, piece_date,
                label, debit, credit, letter, letter_date, post_date,
                amount_currency, currency_code) in cursor:
            journal_code, journal_name = journals[journal_id]
            yield [journal_code, journal_name, number, _date(date), account_code,
                account_name, (party_code or str(party_id)) if party_id else '',
                (party_name or party_code or str(party_id)) if party_id else '', piece_ref or '-', _date(piece_date), label,
                _amount(debit), _amount(credit), letter or '',
                _date(letter_date) if letter else '', _date(post_date),
                _amount(amount_currency) if amount_currency else '',
                currency_code if amount_currency else '']
    finally:
        cursor.close()


def _format(row):
    "The texts of a row: dates AAAAMMJJ, amounts 1234,56."
    (journal_code, journal_name, number, date, account_code, account_name,
        party_code, party_name, piece_ref, piece_date, label, debit, credit,
        letter, letter_date, post_date, amount_currency, currency_code) = row
    return [journal_code, journal_name, number, fec.format_date(date),
        account_code, account_name, party_code, party_name, piece_ref,
        fec.format_date(piece_date), label, fec.format_amount(debit),
        fec.format_amount(credit), letter, fec.format_date(letter_date),
        fec.format_date(post_date),
        fec.format_amount(amount_currency) if amount_currency != '' else '',
        currency_code]


def write_fec(company, start_date, end_date, fd, deferral_period=None,
        separator='\t'):
    """Write the FEC of `company` from `start_date` to `end_date` to the
    binary file `fd`, line by line, and validate it as it is written.
    Returns the validator (problems, totals, counts)."""
    pool = Pool()
    FiscalYear = pool.get('account.fiscalyear')
    fiscalyears = FiscalYear.search([
            ('company', '=', company.id),
            ('start_date', '<=', start_date),
            ('end_date', '>=', start_date),
            ], limit=1)
    fiscalyear = fiscalyears[0] if fiscalyears else None
    whole_year = bool(fiscalyear and fiscalyear.start_date == start_date
        and fiscalyear.end_date == end_date)
    validator = fec.Validator(start_date, end_date,
        continuous=whole_year and not deferral_period)

    def write(text):
        fd.write(text.encode('utf-8'))
        validator.feed(text)
    write(fec.header(separator))
    if fiscalyear and fiscalyear.start_date == start_date:
        for row in opening_rows(company, fiscalyear):
            write(fec.format_row(_format(row), separator))
    for row in move_rows(company, start_date, end_date, deferral_period):
        write(fec.format_row(_format(row), separator))
    validator.close()
    return validator


def fec_file(company, start_date, end_date, deferral_period=None):
    """The FEC of the posted moves of `company` dated from `start_date` to
    `end_date`: (file name, data, problems of the validator)."""
    data = BytesIO()
    validator = write_fec(
        company, start_date, end_date, data, deferral_period)
    return (fec.filename(company_siren(company), end_date),
        data.getvalue(), validator.problems)


def draft_moves(company, start_date, end_date):
    "The count of unposted moves of the range and the first one."
    Move = Pool().get('account.move')
    move = Move.__table__()
    cursor = Transaction().connection.cursor()
    where = ((move.company == company.id) & (move.state != 'posted')
        & (move.date >= start_date) & (move.date <= end_date))
    cursor.execute(*move.select(Count(move.id), where=where))
    count, = cursor.fetchone()
    if not count:
        return 0, None
    cursor.execute(*move.select(move.id, where=where,
            order_by=[move.date.asc, move.id.asc], limit=1))
    move_id, = cursor.fetchone()
    return count, Move(move_id)


def problem_text(problem):
    "The translated text of a validator's problem, with its line."
    text = gettext('account_fr_export.msg_fec_%s' % problem.code,
        **problem.params)
    if problem.column:
        return gettext('account_fr_export.msg_fec_problem_column',
            line=problem.line, column=problem.column, text=text)
    return gettext('account_fr_export.msg_fec_problem_line',
        line=problem.line, text=text)


def report_values(validator):
    "The result screen's values of a validation."
    problems = validator.problems
    texts = [problem_text(p) for p in problems[:SHOWN_PROBLEMS]]
    if len(problems) > SHOWN_PROBLEMS:
        texts.append(gettext('account_fr_export.msg_fec_more_problems',
                count=len(problems) - SHOWN_PROBLEMS))
    return {
        'problem_count': len(problems),
        'problems': '\n'.join(texts) if texts
        else gettext('account_fr_export.msg_fec_conform'),
        'line_count': validator.lines,
        'entry_count': validator.entries,
        'total_debit': validator.debit,
        'total_credit': validator.credit,
        }


class ReportMixin:
    "The validator's report on a FEC file."
    __slots__ = ()
    line_count = fields.Integer("Lines", readonly=True,
        help="The lines of entries, without the column names.")
    entry_count = fields.Integer("Entries", readonly=True)
    total_debit = fields.Numeric("Total Debit", digits=(16, 2),
        readonly=True)
    total_credit = fields.Numeric("Total Credit", digits=(16, 2),
        readonly=True)
    problem_count = fields.Integer("Problems", readonly=True,
        help="Breaches of the rules of article A47 A-1 of the LPF found "
        "by the validator.")
    problems = fields.Text("Report", readonly=True,
        help="Each problem with its line in the file.")


class FrFEC(metaclass=PoolMeta):
    __name__ = 'account.fr.fec'

    def _range(self):
        "The first and last days exported."
        start = self.start.from_period or None
        end = self.start.to_period or None
        return ((start.start_date if start
                else self.start.fiscalyear.start_date),
            end.end_date if end else self.start.fiscalyear.end_date)

    def check_range(self, start_date, end_date):
        "Refuse another workshop's year and unposted moves: nothing written."
        company = self.start.fiscalyear.company
        if company.id != Transaction().context.get('company'):
            raise AccessError(gettext('account_fr_export.msg_fec_company',
                    fiscalyear=self.start.fiscalyear.rec_name))
        if start_date > end_date:
            raise FECError(gettext('account_fr_export.msg_fec_period_order',
                    start=self.start.from_period.rec_name,
                    end=self.start.to_period.rec_name))
        count, first = draft_moves(company, start_date, end_date)
        if count:
            raise FECError(gettext('account_fr_export.msg_fec_draft_moves',
                    count=count, move=first.rec_name or first.id,
                    date=first.date.strftime('%d/%m/%Y'),
                    journal=first.journal.rec_name))

    def transition_generate(self):
        start_date, end_date = self._range()
        self.check_range(start_date, end_date)
        company = self.start.fiscalyear.company
        data = BytesIO()
        validator = write_fec(company, start_date, end_date, data,
            self.start.deferral_period)
        self.result.file = self.result.__class__.file.cast(data.getvalue())
        self.result.filename = fec.filename(company_siren(company), end_date)
        for name, value in report_values(validator).items():
            setattr(self.result, name, value)
        return 'result'

    def default_result(self, fields):
        values = {}
        for name in ['file', 'filename', 'line_count', 'entry_count',
                'total_debit', 'total_credit', 'problem_count', 'problems']:
            values[name] = getattr(self.result, name, None)
        self.result.file = None  # No need to store it in session
        return values


class FrFECStart(metaclass=PoolMeta):
    __name__ = 'account.fr.fec.start'

    from_period = fields.Many2One('account.period', "From Period",
        domain=[
            ('fiscalyear', '=', Eval('fiscalyear', -1)),
            ('type', '=', 'standard'),
            ],
        help="Empty: from the start of the fiscal year.")
    to_period = fields.Many2One('account.period', "To Period",
        domain=[
            ('fiscalyear', '=', Eval('fiscalyear', -1)),
            ('type', '=', 'standard'),
            ],
        help="Empty: to the end of the fiscal year.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.deferral_period.required = False
        cls.deferral_period.help = (
            "Optional: the adjustment period whose moves (balancing the "
            "non-deferral accounts) are left out of the file.")
        cls.fiscalyear.domain = [
            ('company', '=', Eval('context', {}).get('company', -1)),
            ]

    @classmethod
    def default_fiscalyear(cls):
        pool = Pool()
        FiscalYear = pool.get('account.fiscalyear')
        Date = pool.get('ir.date')
        company = Transaction().context.get('company')
        if company:
            fiscalyears = FiscalYear.search([
                    ('company', '=', company),
                    ('start_date', '<=', Date.today()),
                    ('end_date', '>=', Date.today()),
                    ], limit=1)
            return fiscalyears[0].id if fiscalyears else None

    @fields.depends('fiscalyear', 'from_period', 'to_period',
        'deferral_period')
    def on_change_fiscalyear(self):
        for name in ['from_period', 'to_period', 'deferral_period']:
            period = getattr(self, name)
            if period and period.fiscalyear != self.fiscalyear:
                setattr(self, name, None)


class FrFECResult(ReportMixin, metaclass=PoolMeta):
    __name__ = 'account.fr.fec.result'


class FECCheck(Wizard):
    "Check a FEC File"
    __name__ = 'account_fr_export.fec.check'
    start = StateView('account_fr_export.fec.check.start',
        'account_fr_export.fec_check_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Check", 'check', 'tryton-ok', default=True),
            ])
    check = StateTransition()
    result = StateView('account_fr_export.fec.check.result',
        'account_fr_export.fec_check_result_view_form', [
            Button("Close", 'end', 'tryton-close'),
            ])

    def transition_check(self):
        validator = fec.Validator(self.start.start_date, self.start.end_date,
            continuous=self.start.continuous)
        for line in fec.lines_from_bytes(bytes(self.start.file or b'')):
            validator.feed(line)
        validator.close()
        self.result.filename = self.start.filename
        for name, value in report_values(validator).items():
            setattr(self.result, name, value)
        self.start.file = None  # No need to keep it in session
        return 'result'

    def default_result(self, fields):
        return {name: getattr(self.result, name, None)
            for name in ['filename', 'line_count', 'entry_count',
                'total_debit', 'total_credit', 'problem_count', 'problems']}


class FECCheckStart(ModelView):
    "Check a FEC File"
    __name__ = 'account_fr_export.fec.check.start'
    file = fields.Binary("FEC File", filename='filename', required=True,
        help="A Fichier des Écritures Comptables from any software: text "
        "separated by tabs or « | », UTF-8 or ISO 8859-15.")
    filename = fields.Char("File Name")
    start_date = fields.Date("First Day",
        help="Optional: entry dates must fall in the period.")
    end_date = fields.Date("Last Day",
        domain=[If(Eval('start_date') & Eval('end_date'),
                ('end_date', '>=', Eval('start_date')), ())])
    continuous = fields.Boolean("Continuous Numbers",
        help="Check that entry numbers follow each other without gaps "
        "(a whole fiscal year).")

    @classmethod
    def default_continuous(cls):
        return True


class FECCheckResult(ReportMixin, ModelView):
    "FEC File Report"
    __name__ = 'account_fr_export.fec.check.result'
    filename = fields.Char("File Name", readonly=True)
