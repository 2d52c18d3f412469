# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The FEC: the validator on files good and bad (no database), the export
of a workshop's books (never another workshop's), its totals against the
trial balance, the opening balances and the refusal of unposted moves."""
import datetime as dt
import unittest
from decimal import Decimal

from trytond.exceptions import UserError
from trytond.model.exceptions import AccessError
from trytond.modules.account_fr_export import fec
from trytond.modules.account_fr_export.tests.tools import (
    MODULES, account, create_client, create_invoice, create_workshop,
    with_accounting_transaction)
from trytond.modules.company.tests import set_company
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, with_transaction
from trytond.transaction import Transaction

START, END = dt.date(2026, 1, 1), dt.date(2026, 12, 31)


def good_rows():
    "Three balanced entries numbered 1 to 3, the first with a client."
    return [
        ['VE', 'Ventes', '1', '20260105', '411000', 'Clients', 'C001',
            'Garage Dupont', 'FACT-2026-0001', '20260105',
            'Portail RAL 7016', '420,00', '0,00', 'A', '20260110',
            '20260105', '', ''],
        ['VE', 'Ventes', '1', '20260105', '706000', 'Prestations', '', '',
            'FACT-2026-0001', '20260105', 'Portail RAL 7016', '0,00',
            '350,00', '', '', '20260105', '', ''],
        ['VE', 'Ventes', '1', '20260105', '445710', 'TVA collectée', '', '',
            'FACT-2026-0001', '20260105', 'Portail RAL 7016', '0,00',
            '70,00', '', '', '20260105', '', ''],
        ['BQ', 'Banque', '2', '20260110', '512000', 'Banque', '', '',
            'VIR-12', '20260110', 'Virement Garage Dupont', '420,00',
            '0,00', '', '', '20260110', '', ''],
        ['BQ', 'Banque', '2', '20260110', '411000', 'Clients', 'C001',
            'Garage Dupont', 'VIR-12', '20260110', 'Virement Garage Dupont',
            '0,00', '420,00', 'A', '20260110', '20260110', '', ''],
        ['AC', 'Achats', '3', '20260212', '607000', 'Achats', '', '',
            'F-88', '20260210', 'Poudre époxy', '100,00', '0,00', '', '',
            '20260212', '120,00', 'USD'],
        ['AC', 'Achats', '3', '20260212', '401000', 'Fournisseurs', 'F01',
            'Thermopoudre', 'F-88', '20260210', 'Poudre époxy', '0,00',
            '100,00', '', '', '20260212', '-120,00', 'USD'],
        ]


def as_file(rows, separator='\t'):
    return [fec.header(separator)] + [
        separator.join(r) + '\r\n' for r in rows]


class FECValidatorTestCase(unittest.TestCase):
    "The validator, the rows and the file name (no database)"

    def test_good_file(self):
        "A good file passes, with either separator, and its totals add up"
        for separator in ['\t', '|']:
            with self.subTest(separator=separator):
                validator = fec.Validator(START, END)
                for line in as_file(good_rows(), separator):
                    validator.feed(line)
                self.assertEqual(validator.close(), [])
                self.assertEqual((validator.lines, validator.entries), (7, 3))
                self.assertEqual(validator.debit, Decimal('940.00'))
                self.assertEqual(validator.credit, Decimal('940.00'))
        data = ''.join(as_file(good_rows())).encode('iso8859-15')
        self.assertEqual(fec.validate(fec.lines_from_bytes(data)), [])

    def test_rows_and_name(self):
        "Dates AAAAMMJJ, amounts 1234,56, texts without separators"
        row = fec.format_row(['VE', 'Ventes\tet\nretours', '7',
                fec.format_date(dt.date(2026, 3, 9)), '706000', 'Presta|',
                '', '', 'F-1', '', 'x', fec.format_amount(Decimal('1234.5')),
                fec.format_amount(0), '', '', '', '', ''])
        self.assertEqual(row.split('\t')[1:4],
            ['Ventes et retours', '7', '20260309'])
        self.assertEqual(row.split('\t')[5], 'Presta')
        self.assertEqual(row.split('\t')[11:13], ['1234,50', '0,00'])
        self.assertEqual(len(row.split('\t')), 18)
        self.assertEqual(fec.header().rstrip().split('\t'), list(fec.COLUMNS))
        self.assertEqual(fec.filename('732829320', END),
            '732829320FEC20261231.txt')
        self.assertEqual(fec.siren([('fr_siret', '73282932000017')]),
            '732829320')
        self.assertEqual(fec.siren([('eu_vat', 'FR44732829320')]),
            '732829320')
        self.assertEqual(fec.siren([('fr_siren', '732 829 320'),
                    ('fr_siret', '55208131766522')]), '732829320')

    def broken(self, change, **kwargs):
        "The problems of the good file after `change(rows)`."
        rows = good_rows()
        change(rows)
        return [(p.line, p.column, p.code)
            for p in fec.validate(as_file(rows), START, END, **kwargs)]

    def test_each_rule(self):
        "Each broken rule is reported on its line (header is line 1)"
        def set_(row, column, value):
            def change(rows):
                rows[row][fec.COLUMNS.index(column)] = value
            return change

        def swap_amounts(rows):
            rows[5][11], rows[5][12] = '0,00', '100,00'
            rows[6][11], rows[6][12] = '100,00', '0,00'
        cases = [
            (set_(0, 'EcritureDate', '20260230'),
                [(2, 'EcritureDate', 'date')]),
            (set_(1, 'EcritureDate', '20250105'),
                [(3, 'EcritureDate', 'date_outside')]),
            (set_(1, 'PieceDate', ''), [(3, 'PieceDate', 'date_missing')]),
            (set_(3, 'ValidDate', '10/01/2026'), [(5, 'ValidDate', 'date')]),
            (set_(1, 'Credit', '350.00'),
                [(3, 'Credit', 'amount'), (2, None, 'unbalanced')]),
            (set_(1, 'Credit', '1 350,00'),
                [(3, 'Credit', 'amount'), (2, None, 'unbalanced')]),
            (set_(1, 'Credit', '-350,00'),
                [(3, 'Credit', 'amount_negative'), (2, None, 'unbalanced')]),
            (set_(1, 'Debit', '5,00'), [(3, None, 'debit_and_credit'),
                    (2, None, 'unbalanced')]),
            (set_(2, 'Credit', '69,99'), [(2, None, 'unbalanced')]),
            (swap_amounts, []),
            (set_(5, 'CompteNum', '907000'), [(7, 'CompteNum', 'account')]),
            (set_(5, 'CompteNum', '60'), [(7, 'CompteNum', 'account')]),
            (set_(5, 'CompteNum', ''), [(7, 'CompteNum', 'required')]),
            (set_(5, 'CompteLib', ''), [(7, 'CompteLib', 'required')]),
            (set_(5, 'EcritureLib', ''), [(7, 'EcritureLib', 'required')]),
            (set_(5, 'JournalCode', ''), [(7, 'JournalCode', 'required'),
                    (7, None, 'unbalanced'), (8, None, 'unbalanced')]),
            (set_(0, 'CompAuxLib', ''), [(2, 'CompAuxNum', 'pair')]),
            (set_(5, 'Idevise', ''), [(7, 'Montantdevise', 'pair')]),
            (set_(5, 'Montantdevise', '120.00'),
                [(7, 'Montantdevise', 'amount')]),
            (set_(4, 'DateLet', ''), [(6, 'EcritureLet', 'pair')]),
            (set_(4, 'DateLet', '2026011'), [(6, 'DateLet', 'date')]),
            ]
        for number, (change, expected) in enumerate(cases):
            with self.subTest(case=number):
                self.assertEqual(sorted(self.broken(change), key=str),
                    sorted(expected, key=str))

    def test_numbers(self):
        "Entry numbers follow each other, in the order of validation"
        def renumber(first, second, third):
            def change(rows):
                for row, number in zip(rows, [first] * 3 + [second] * 2
                        + [third] * 2):
                    row[2] = number
            return change
        self.assertEqual(self.broken(renumber('1', '2', '4')),
            [(7, 'EcritureNum', 'number_gap')])
        self.assertEqual(self.broken(renumber('1', '2', '4'),
                continuous=False), [])
        self.assertEqual(self.broken(renumber('E-8', 'E-9', 'E-10')), [])

        def late(rows):
            rows[5][15] = rows[6][15] = '20260101'
        self.assertEqual(self.broken(late), [(7, 'ValidDate', 'number_order')])

        def split(rows):
            rows.append(rows.pop(1))
        self.assertEqual(self.broken(split), [
                (2, None, 'unbalanced'), (8, 'EcritureNum', 'number_repeated'),
                (8, None, 'unbalanced')])

        def per_journal(rows):
            "Each journal numbered on its own, the journals interleaved."
            rows[3][2] = rows[4][2] = '1'
            rows[5][2] = rows[6][2] = '2'
            rows[5][0] = rows[6][0] = 'VE'
        self.assertEqual(self.broken(per_journal), [])

    def test_file_shape(self):
        "Header, separator and field counts"
        rows = good_rows()
        lines = as_file(rows)
        self.assertEqual([(p.line, p.code) for p in fec.validate([])],
            [(0, 'empty')])
        header = lines[0].replace('CompteLib', 'LibCompte')
        self.assertEqual(
            [(p.line, p.column, p.code, p.params['position'])
                for p in fec.validate([header] + lines[1:])],
            [(1, 'CompteLib', 'header', 6)])
        self.assertEqual([(p.line, p.code) for p in fec.validate(
                    [lines[0].replace('\t', ';')] + lines[1:])],
            [(1, 'separator')])
        mixed = lines[:3] + [lines[3].replace('\t', '|')] + lines[4:]
        problems = fec.validate(mixed)
        self.assertEqual([(p.line, p.code, p.params.get('count'))
                for p in problems], [(2, 'unbalanced', None),
                (4, 'field_count', 1)])
        self.assertIn("is not balanced: debit 420,00, credit 350,00",
            fec.message(problems[0]))


class FECExportTestCase(unittest.TestCase):
    "The FEC of a workshop from its books"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module(MODULES)

    @with_accounting_transaction
    def test_export(self):
        "Posted moves of the workshop only, conform, totals of the balance"
        pool = Pool()
        Move = pool.get('account.move')
        Line = pool.get('account.move.line')
        Journal = pool.get('account.journal')
        Period = pool.get('account.period')
        FiscalYear = pool.get('account.fiscalyear')
        Sequence = pool.get('ir.sequence.strict')
        ModelData = pool.get('ir.model.data')
        Date = pool.get('ir.date')
        FEC = pool.get('account.fr.fec', type='wizard')
        from trytond.modules.account_fr_export.fec_export import (
            fec_file, company_siren)

        other = create_workshop(
            "Époxy Services Martin", siret='55208131766522', city="Bordeaux",
            postal_code='33000', street="5 quai des Chartrons")
        with set_company(other):
            martin_client = create_client(other, name="Cycles Chartrons")
            create_invoice(other, martin_client, [
                    ("Cadre vélo RAL 9005", 1, Decimal('90'))])
        company = create_workshop()
        with set_company(company):
            today = Date.today()
            fiscalyear, = FiscalYear.search([('company', '=', company.id)])
            # Last year, closed to an opening balance: 1 000 € of capital.
            sequence, = Sequence.create([{'name': 'last year',
                        'sequence_type': ModelData.get_id(
                            'account', 'sequence_type_account_move'),
                        'company': company.id}])
            last_year, = FiscalYear.create([{'name': 'last year',
                        'start_date': fiscalyear.start_date.replace(
                            year=fiscalyear.start_date.year - 1),
                        'end_date': fiscalyear.start_date
                        - dt.timedelta(days=1),
                        'company': company.id,
                        'move_sequence': sequence.id}])
            FiscalYear.create_period([last_year])
            journal, = Journal.search([('code', '=', 'MISC')])
            day = last_year.end_date

            def move(date, lines, post=True):
                move, = Move.create([{
                            'company': company.id,
                            'journal': journal.id,
                            'period': Period.find(company, date=date).id,
                            'date': date,
                            'description': "Apport en capital",
                            'lines': [('create', [{
                                            'account': account(
                                                company, code).id,
                                            'debit': Decimal(debit),
                                            'credit': Decimal(credit),
                                            } for code, debit, credit
                                        in lines])],
                            }])
                if post:
                    Move.post([move])
                return move
            move(day, [('5121', 1000, 0), ('10131', 0, 1000)])

            client = create_client(company, name="Garage Dupont")
            invoice = create_invoice(company, client, [
                    ("Thermolaquage portail RAL 7016", 1, Decimal('350'))])
            move(today, [('5121', 250, 0), ('10131', 0, 250)])

            name, data, problems = fec_file(
                company, fiscalyear.start_date, fiscalyear.end_date)
            self.assertEqual(problems, [])
            self.assertEqual(name, '%sFEC%s.txt' % (
                    '732829320', fec.format_date(fiscalyear.end_date)))
            self.assertEqual(company_siren(company), '732829320')
            text = data.decode('utf-8')
            rows = [r.split('\t') for r in text.splitlines()]
            self.assertEqual(rows[0], list(fec.COLUMNS))
            self.assertNotIn("Cycles Chartrons", text)
            self.assertNotIn("Cadre vélo", text)
            opening = [r for r in rows if r[0] == 'OUV']
            self.assertEqual(sorted((r[4], r[11], r[12]) for r in opening),
                [('10131', '0,00', '1000,00'), ('5121', '1000,00', '0,00')])
            sales = [r for r in rows if r[8] == invoice.number]
            self.assertEqual(sorted((r[4], r[6], r[7], r[11], r[12])
                    for r in sales), [
                    ('4111', client.code, "Garage Dupont", '420,00', '0,00'),
                    ('44571', '', '', '0,00', '70,00'),
                    ('706', '', '', '0,00', '350,00'),
                    ])
            self.assertEqual({r[9] for r in sales},
                {fec.format_date(invoice.invoice_date)})

            # The totals of the file are those of the trial balance.
            lines = Line.search([
                    ('move.company', '=', company.id),
                    ('move.state', '=', 'posted'),
                    ('move.date', '>=', fiscalyear.start_date),
                    ('move.date', '<=', fiscalyear.end_date),
                    ])
            debit = sum(l.debit for l in lines) + 1000
            credit = sum(l.credit for l in lines) + 1000
            self.assertEqual(debit, credit)
            self.assertEqual(debit, Decimal('1670'))

            def totals(rows):
                return (sum(Decimal(r[11].replace(',', '.'))
                        for r in rows[1:]),
                    sum(Decimal(r[12].replace(',', '.')) for r in rows[1:]))
            self.assertEqual(totals(rows), (debit, credit))

            # The wizard: the period of today only, its report.
            period = Period.find(company, date=today)
            session_id, _, _ = FEC.create()
            wizard = FEC(session_id)
            wizard.start.fiscalyear = fiscalyear
            wizard.start.from_period = wizard.start.to_period = period
            wizard.start.deferral_period = None
            wizard.start.type = 'is-bic'
            self.assertEqual(wizard.transition_generate(), 'result')
            result = wizard.default_result([])
            self.assertEqual(result['filename'], '732829320FEC%s.txt'
                % fec.format_date(period.end_date))
            self.assertEqual(result['problem_count'], 0)
            self.assertEqual(result['problems'],
                "The file is conform: no problem found.")
            self.assertEqual(
                (result['total_debit'], result['total_credit']),
                (Decimal('670'), Decimal('670')))
            self.assertEqual(result['entry_count'], 2)
            self.assertNotIn(b'OUV', result['file'])

            # An unposted move in the range: refused, nothing written.
            draft = move(today, [('5121', 10, 0), ('10131', 0, 10)], post=False)
            session_id, _, _ = FEC.create()
            wizard = FEC(session_id)
            wizard.start.fiscalyear = fiscalyear
            wizard.start.from_period = wizard.start.to_period = None
            wizard.start.deferral_period = None
            with self.assertRaises(UserError) as refused:
                wizard.transition_generate()
            self.assertIn("1 moves of the period are not posted",
                refused.exception.message)
            self.assertIn(str(draft.id), refused.exception.message)
            self.assertIsNone(getattr(wizard.result, 'file', None))
            Move.delete([draft])

            # Another workshop's fiscal year is refused.
            other_year, = FiscalYear.search([('company', '=', other.id)])
            wizard.start.fiscalyear = other_year
            with self.assertRaises(AccessError):
                wizard.transition_generate()

    @with_transaction()
    def test_check_wizard(self):
        "Any FEC file can be checked: its problems with their lines"
        pool = Pool()
        Check = pool.get('account_fr_export.fec.check', type='wizard')
        rows = good_rows()
        rows[2][12] = '69,99'
        session_id, _, _ = Check.create()
        wizard = Check(session_id)
        wizard.start.file = ''.join(as_file(rows)).encode('utf-8')
        wizard.start.filename = '732829320FEC20261231.txt'
        wizard.start.start_date = wizard.start.end_date = None
        wizard.start.continuous = True
        with Transaction().set_context(language='en'):
            self.assertEqual(wizard.transition_check(), 'result')
        result = wizard.default_result([])
        self.assertEqual(result['problem_count'], 1)
        self.assertEqual(result['problems'], "Line 2: Entry 1 of journal VE "
            "is not balanced: debit 420,00, credit 419,99.")
        self.assertEqual((result['line_count'], result['entry_count']),
            (7, 3))
