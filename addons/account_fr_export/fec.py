# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The Fichier des Écritures Comptables (article A47 A-1 of the Livre des
procédures fiscales): its columns, rows, file name and a validator that
checks any FEC file line by line. Pure functions, no ORM.

The validator streams: it keeps the sums of the entry being read and the
last entry number of each numbering, never the lines, so a file of a
million lines is checked in bounded memory. Each problem is a
(line, column, code, params) tuple; `MESSAGES` gives its English text and
the ORM layer turns the code into a translated ir.message."""
import datetime as dt
import re
from collections import namedtuple
from decimal import Decimal, InvalidOperation

COLUMNS = (
    'JournalCode', 'JournalLib', 'EcritureNum', 'EcritureDate', 'CompteNum',
    'CompteLib', 'CompAuxNum', 'CompAuxLib', 'PieceRef', 'PieceDate',
    'EcritureLib', 'Debit', 'Credit', 'EcritureLet', 'DateLet', 'ValidDate',
    'Montantdevise', 'Idevise')
(JOURNAL_CODE, JOURNAL_LIB, ECRITURE_NUM, ECRITURE_DATE, COMPTE_NUM,
    COMPTE_LIB, COMP_AUX_NUM, COMP_AUX_LIB, PIECE_REF, PIECE_DATE,
    ECRITURE_LIB, DEBIT, CREDIT, ECRITURE_LET, DATE_LET, VALID_DATE,
    MONTANT_DEVISE, IDEVISE) = range(18)
SEPARATORS = ('\t', '|')
# Fields the article requires on every line (amounts are checked apart).
REQUIRED = (JOURNAL_CODE, JOURNAL_LIB, ECRITURE_NUM, COMPTE_LIB, PIECE_REF,
    ECRITURE_LIB)
AMOUNT = re.compile(r'^-?\d+(,\d+)?$')
ACCOUNT = re.compile(r'^[1-8][0-9A-Za-z]{2,}$')
NUMBER = re.compile(r'^(.*?)(\d+)$')
ZERO = Decimal(0)

Problem = namedtuple('Problem', ['line', 'column', 'code', 'params'])

# English text of each problem code, with its parameters. The module's
# ir.message records (msg_fec_<code>) carry the same text, translated.
MESSAGES = {
    'empty': "The file is empty.",
    'header': "The first line must name the 18 columns in order: "
        "column %(position)s is « %(found)s » where « %(expected)s » "
        "is expected.",
    'separator': "The first line is not separated by tabs or by « | »: "
        "one of them must separate every field of the whole file.",
    'field_count': "%(count)s fields instead of 18 (a separator other "
        "than the header's, or one inside a text).",
    'required': "%(column)s is empty: it is required on every line.",
    'date': "« %(value)s » is not a date written AAAAMMJJ.",
    'date_missing': "%(column)s is empty: the date is required.",
    'date_outside': "The entry date %(value)s is outside the exported "
        "period (%(start)s to %(end)s).",
    'amount': "« %(value)s » is not an amount: digits with a comma for "
        "decimals, no thousands separator (1234,56).",
    'amount_negative': "%(column)s is negative (%(value)s): amounts are "
        "positive, on the debit or on the credit side.",
    'debit_and_credit': "Both Debit (%(debit)s) and Credit (%(credit)s) "
        "are not zero: a line is either a debit or a credit.",
    'unbalanced': "Entry %(number)s of journal %(journal)s is not "
        "balanced: debit %(debit)s, credit %(credit)s.",
    'number_gap': "Entry number %(number)s follows %(previous)s: the "
        "numbers in between are missing.",
    'number_order': "Entry %(number)s comes after entry %(previous)s but "
        "was validated earlier (%(date)s): numbers must follow the order "
        "of validation.",
    'number_repeated': "Entry %(number)s of journal %(journal)s comes "
        "after entry %(previous)s: entries follow the order of their "
        "numbers, the lines of each one together.",
    'account': "Account number « %(value)s » must start with a class of "
        "the chart (1 to 8) and have at least 3 characters.",
    'pair': "%(column)s is given without %(other)s: both or neither.",
    }


def message(problem):
    "The English text of `problem`."
    return MESSAGES[problem.code] % problem.params


def format_date(value):
    "AAAAMMJJ, empty for no date."
    return value.strftime('%Y%m%d') if value else ''


def format_amount(value):
    "Two decimals with a comma, no thousands separator: 1234,56."
    if value is None:
        return ''
    return ('%.2f' % value).replace('.', ',')


def clean(value, separator='\t'):
    "A text without the separator nor line breaks, which would shift columns."
    if value is None:
        return ''
    value = str(value)
    for char in (separator, '\t', '|', '\r', '\n'):
        value = value.replace(char, ' ')
    return value.strip()


def format_row(row, separator='\t'):
    "One line of the file (with its line break) from 18 values."
    return separator.join(clean(v, separator) for v in row) + '\r\n'


def header(separator='\t'):
    "The first line: the column names."
    return separator.join(COLUMNS) + '\r\n'


def filename(siren, end_date):
    "<SIREN>FEC<AAAAMMJJ>.txt, AAAAMMJJ the last day of the period."
    return '%sFEC%s.txt' % (siren or '', format_date(end_date))


def siren(identifiers):
    """The SIREN from (type, code) identifiers: a fr_siren, else the first
    9 digits of a SIRET, else the French VAT number's last 9 digits."""
    codes = {}
    for type_, code in identifiers:
        codes.setdefault(type_, re.sub(r'\s', '', code or ''))
    if codes.get('fr_siren'):
        return codes['fr_siren']
    if codes.get('fr_siret'):
        return codes['fr_siret'][:9]
    vat = codes.get('eu_vat', '') or codes.get('fr_vat', '')
    if vat.upper().startswith('FR') and len(vat) == 13:
        return vat[4:]
    return ''


def parse_date(value):
    "The date written AAAAMMJJ, None if it is not one."
    if len(value) != 8 or not value.isdigit():
        return None
    try:
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        return None


def parse_amount(value):
    "The Decimal of a FEC amount (1234,56), None if it is not one."
    if not AMOUNT.match(value):
        return None
    try:
        return Decimal(value.replace(',', '.'))
    except InvalidOperation:
        return None


def lines_from_bytes(data):
    """The text lines of a FEC file's bytes: UTF-8, else ISO 8859-15 (both
    allowed by the article); line breaks removed."""
    try:
        text = data.decode('utf-8-sig')
    except UnicodeDecodeError:
        text = data.decode('iso8859-15')
    return text.splitlines()


class Validator:
    """Checks the lines of a FEC file fed one by one; `close()` returns the
    problems. Totals of debit and credit and the counts are kept."""

    def __init__(self, start=None, end=None, continuous=True):
        self.start, self.end = start, end
        self.continuous = continuous
        self.problems = []
        self.separator = None
        self.line = 0
        self.lines = 0
        self.entries = 0
        self.debit = self.credit = ZERO
        self._entry = None  # (journal, number)
        self._entry_line = 0
        self._entry_debit = self._entry_credit = ZERO
        # the last entry of each numbering (number prefix), and of each
        # journal's own numbering: (number, valid date)
        self._last = {}
        self._last_journal = {}

    def add(self, column, code, /, **params):
        self.problems.append(Problem(self.line, column, code, params))

    def feed(self, text):
        self.line += 1
        text = text.rstrip('\r\n')
        if self.line == 1:
            return self._header(text)
        if self.separator is None or not text:
            return
        fields = text.split(self.separator)
        if len(fields) != 18:
            self.add(None, 'field_count', count=len(fields))
            return
        self.lines += 1
        fields = [f.strip() for f in fields]
        self._entry_of(fields)
        for column in REQUIRED:
            if not fields[column]:
                self.add(COLUMNS[column], 'required',
                    column=COLUMNS[column])
        self._dates(fields)
        self._amounts(fields)
        account = fields[COMPTE_NUM]
        if not account:
            self.add('CompteNum', 'required', column='CompteNum')
        elif not ACCOUNT.match(account):
            self.add('CompteNum', 'account', value=account)
        for column, other in ((COMP_AUX_NUM, COMP_AUX_LIB),
                (MONTANT_DEVISE, IDEVISE), (ECRITURE_LET, DATE_LET)):
            if bool(fields[column]) != bool(fields[other]):
                given, missing = ((column, other) if fields[column]
                    else (other, column))
                self.add(COLUMNS[given], 'pair', column=COLUMNS[given],
                    other=COLUMNS[missing])

    def _header(self, text):
        for separator in SEPARATORS:
            if separator in text:
                self.separator = separator
                break
        else:
            if text.strip() == '':
                return self.add(None, 'empty')
            return self.add(None, 'separator')
        names = [n.strip() for n in text.lstrip('\ufeff').split(
                self.separator)]
        for position, expected in enumerate(COLUMNS):
            found = names[position] if position < len(names) else ''
            if found != expected:
                return self.add(expected, 'header', position=position + 1,
                    found=found, expected=expected)
        if len(names) != 18:
            self.add(None, 'field_count', count=len(names))

    def _dates(self, fields):
        for column in (ECRITURE_DATE, PIECE_DATE, VALID_DATE, DATE_LET):
            value = fields[column]
            if not value:
                if column != DATE_LET:
                    self.add(COLUMNS[column], 'date_missing',
                        column=COLUMNS[column])
                continue
            date = parse_date(value)
            if date is None:
                self.add(COLUMNS[column], 'date', value=value)
            elif (column == ECRITURE_DATE and self.start and self.end
                    and not (self.start <= date <= self.end)):
                self.add('EcritureDate', 'date_outside', value=value,
                    start=format_date(self.start), end=format_date(self.end))

    def _amounts(self, fields):
        amounts = {}
        for column in (DEBIT, CREDIT):
            value = fields[column]
            amount = parse_amount(value)
            if amount is None:
                self.add(COLUMNS[column], 'amount', value=value)
                amount = ZERO
            elif amount < 0:
                self.add(COLUMNS[column], 'amount_negative',
                    column=COLUMNS[column], value=value)
            amounts[column] = amount
        if amounts[DEBIT] and amounts[CREDIT]:
            self.add(None, 'debit_and_credit', debit=fields[DEBIT],
                credit=fields[CREDIT])
        if fields[MONTANT_DEVISE] and parse_amount(
                fields[MONTANT_DEVISE]) is None:
            self.add('Montantdevise', 'amount', value=fields[MONTANT_DEVISE])
        self.debit += amounts[DEBIT]
        self.credit += amounts[CREDIT]
        self._entry_debit += amounts[DEBIT]
        self._entry_credit += amounts[CREDIT]

    def _entry_of(self, fields):
        key = (fields[JOURNAL_CODE], fields[ECRITURE_NUM])
        if key == self._entry:
            return
        self._close_entry()
        self._entry, self._entry_line = key, self.line
        self.entries += 1
        journal, number = key
        if self.continuous and number:
            self._sequence(journal, number, parse_date(fields[VALID_DATE]))

    def _sequence(self, journal, number, valid_date):
        match = NUMBER.match(number)
        if not match:
            return
        prefix, digits = match.group(1), int(match.group(2))
        last = self._last.get(prefix)
        last_journal = self._last_journal.get((journal, prefix))
        if last_journal and digits <= last_journal[0]:
            self.add('EcritureNum', 'number_repeated', number=number,
                journal=journal, previous='%s%s' % (prefix, last_journal[0]))
            return
        follows = [p for p in (last, last_journal)
            if p and p[0] + 1 == digits]
        if last and not follows and digits > last[0] + 1 and (
                not last_journal or digits > last_journal[0] + 1):
            self.add('EcritureNum', 'number_gap', number=number,
                previous='%s%s' % (prefix, last[0]))
        previous = follows[0] if follows else last
        if (previous and valid_date and previous[1]
                and valid_date < previous[1]):
            self.add('ValidDate', 'number_order', number=number,
                previous='%s%s' % (prefix, previous[0]),
                date=format_date(valid_date))
        self._last[prefix] = self._last_journal[(journal, prefix)] = (
            digits, valid_date)

    def _close_entry(self):
        if self._entry and self._entry_debit != self._entry_credit:
            self.problems.append(Problem(self._entry_line, None,
                    'unbalanced', {
                        'journal': self._entry[0],
                        'number': self._entry[1],
                        'debit': format_amount(self._entry_debit),
                        'credit': format_amount(self._entry_credit),
                        }))
        self._entry = None
        self._entry_debit = self._entry_credit = ZERO

    def close(self):
        "The problems found, in the order of the lines."
        if self.line == 0:
            self.add(None, 'empty')
        self._close_entry()
        self.problems.sort(key=lambda p: p.line)
        return self.problems


def validate(lines, start=None, end=None, continuous=True):
    """The problems of the FEC file made of `lines` (texts, the header
    first): a list of Problem(line, column, code, params), empty when the
    file is conform. `start` and `end` bound the entry dates when given;
    `continuous` checks that entry numbers follow each other."""
    validator = Validator(start, end, continuous)
    for line in lines:
        validator.feed(line)
    return validator.close()
