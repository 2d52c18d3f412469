# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""CSV exports: the French spreadsheet format (no database), then the
wizard on two workshops."""
import csv
import datetime as dt
import io
import unittest
from decimal import Decimal

from trytond.exceptions import UserError
from trytond.modules.account_fr_export.csv_export import (
    csv_bytes, file_name, format_value)
from trytond.modules.account_fr_export.tests.tools import (
    MODULES, create_client, create_invoice, create_workshop,
    with_accounting_transaction)
from trytond.modules.company.tests import set_company
from trytond.modules.saas.tests.tools import create_workshop_user
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, drop_db
from trytond.transaction import Transaction


def read_csv(data):
    "The rows of an exported file, checking its BOM and separator."
    assert data.startswith(b'\xef\xbb\xbf'), data[:10]
    return list(csv.reader(io.StringIO(data.decode('utf-8-sig')),
            delimiter=';'))


class CsvFormatTestCase(unittest.TestCase):
    "The file as a French spreadsheet opens it"

    def test_format_value(self):
        "Decimal comma, JJ/MM/AAAA, empty for nothing, no formulas"
        self.assertEqual(format_value(Decimal('1234.56')), '1234,56')
        self.assertEqual(format_value(Decimal('-40.00')), '-40,00')
        self.assertEqual(format_value(dt.date(2026, 10, 1)), '01/10/2026')
        self.assertEqual(format_value(None), '')
        self.assertEqual(format_value("Dupont\net fils"), 'Dupont et fils')
        self.assertEqual(format_value('=HYPERLINK("x")'), "'=HYPERLINK(\"x\")")

    def test_csv_bytes(self):
        "UTF-8 with BOM, ';' separator, CRLF, quotes where a ';' appears"
        data = csv_bytes(["Numéro", "Client", "TTC"], [
                ['FACT-2026-0001', "Garage; Dupont", Decimal('420.00')],
                ['FACT-2026-0002', "Électricité Ouest", Decimal('12.5')],
                ])
        self.assertTrue(data.startswith(b'\xef\xbb\xbf'))
        text = data.decode('utf-8-sig')
        self.assertEqual(text.split('\r\n')[0], 'Numéro;Client;TTC')
        self.assertEqual(text.split('\r\n')[1],
            'FACT-2026-0001;"Garage; Dupont";420,00')
        self.assertEqual(read_csv(data)[2],
            ['FACT-2026-0002', "Électricité Ouest", '12,5'])

    def test_file_name(self):
        self.assertEqual(
            file_name('invoices', dt.date(2026, 10, 1), dt.date(2026, 10, 31)),
            'factures_2026-10-01_2026-10-31.csv')
        self.assertEqual(
            file_name('payments', dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
            'paiements_2026-01-01_2026-03-31.csv')


class CsvExportTestCase(unittest.TestCase):
    "The « Exporter en CSV » wizard"

    @classmethod
    def setUpClass(cls):
        drop_db()
        activate_module(MODULES)

    @classmethod
    def tearDownClass(cls):
        drop_db()

    def export(self, company, **values):
        "The result of the wizard run with `values` (file, name, count)."
        CsvExport = Pool().get('account_fr_export.csv_export', type='wizard')
        session_id, _, _ = CsvExport.create()
        wizard = CsvExport(session_id)
        defaults = {'company': company, 'what': 'invoices',
            'invoice_state': 'all', 'client': None, 'payment_journal': None,
            'process_method': None}
        defaults.update(values)
        for name, value in defaults.items():
            setattr(wizard.start, name, value)
        self.assertEqual(wizard.transition_export(), 'result')
        result = wizard.default_result(None)
        CsvExport.delete(session_id)
        return result

    @with_accounting_transaction
    def test_exports(self):
        "Invoices, clients and payments of one workshop, never the other's"
        pool = Pool()
        Invoice = pool.get('account.invoice')
        Journal = pool.get('account.payment.journal')
        Payment = pool.get('account.payment')
        durand = create_workshop()
        martin = create_workshop(name="Époxy Services Martin",
            siret='40483304800022', city="Bordeaux", postal_code='33000')
        with set_company(martin):
            other = create_client(martin, name="Client de Martin",
                siren='552100554')
            create_invoice(martin, other, [("Portail", 1, Decimal('999'))])
        with set_company(durand):
            today = pool.get('ir.date').today()
            first = today.replace(day=1)
            dupont = create_client(durand, siren='732829320',
                vat='FR44732829320', email='compta@garage-dupont.example')
            lumiere = create_client(durand, name="Ferronnerie Lumière",
                city="Lyon", postal_code='69007')
            first_invoice = create_invoice(durand, dupont, [
                    ("Thermolaquage portail RAL 7016", 1, Decimal('350')),
                    ("Sablage", 2, Decimal('40.25')),
                    ], date=first)
            create_invoice(durand, lumiere, [
                    ("Jantes", 4, Decimal('90'))], date=first)
            create_invoice(durand, lumiere, [
                    ("Brouillon", 1, Decimal('10'))], date=first, post=False)
            user = create_workshop_user(durand, 'compta_durand', 'accounting')

        with Transaction().set_user(user.id), Transaction().set_context(
                company=durand.id, _check_access=True):
            period = {'start_date': first, 'end_date': today}
            result = self.export(durand, **period)
            self.assertEqual(result['filename'], 'factures_%s_%s.csv' % (
                    first.isoformat(), today.isoformat()))
            self.assertEqual(result['count'], 2)
            header, *rows = read_csv(result['file'])
            self.assertEqual(header, ["Number", "Date", "Due Date", "Client",
                    "SIREN", "VAT Number", "Excl. VAT", "VAT", "Incl. VAT",
                    "Amount to Pay", "State"])
            by_client = {r[3]: r for r in rows}
            self.assertEqual(set(by_client),
                {"Garage Dupont", "Ferronnerie Lumière"})  # no draft/Martin
            row = by_client["Garage Dupont"]
            self.assertEqual(row[0], first_invoice.number)
            self.assertEqual(row[1], first.strftime('%d/%m/%Y'))
            self.assertEqual(row[4:10], ['732829320', 'FR44732829320',
                    '430,50', '86,10', '516,60', '516,60'])
            self.assertEqual(by_client["Ferronnerie Lumière"][6:9],
                ['360,00', '72,00', '432,00'])

            # filters: one client; paid only (none yet)
            result = self.export(durand, client=dupont, **period)
            self.assertEqual(result['count'], 1)
            with self.assertRaises(UserError) as cm:
                self.export(durand, invoice_state='paid', **period)
            self.assertIn('Nothing to export', cm.exception.message)

            # clients invoiced in the period
            # (the invoice state filter, hidden for clients, is ignored)
            result = self.export(durand, what='clients',
                invoice_state='paid', **period)
            self.assertTrue(result['filename'].startswith('clients_'))
            header, *rows = read_csv(result['file'])
            self.assertEqual(header[:3], ["Name", "SIREN", "VAT Number"])
            self.assertEqual([r[0] for r in rows],
                ["Ferronnerie Lumière", "Garage Dupont"])
            self.assertEqual(rows[1][1:5], ['732829320', 'FR44732829320',
                    'compta@garage-dupont.example', ''])
            self.assertEqual(rows[1][6:], ['69100', "Villeurbanne",
                    "France"])

            # a period without anything: a message, not an empty file
            with self.assertRaises(UserError):
                self.export(durand, start_date=first - dt.timedelta(days=40),
                    end_date=first - dt.timedelta(days=35))
            with self.assertRaises(UserError):
                self.export(durand, start_date=today, end_date=first
                    - dt.timedelta(days=1))

            # the other workshop's invoices stay out of reach
            self.assertEqual(Invoice.search(
                    [('company', '=', martin.id)]), [])

        with set_company(durand):
            journal, = Journal.create([{
                        'name': "Virements", 'company': durand.id,
                        'currency': durand.currency.id,
                        'process_method': 'manual',
                        }])
            payment, = Payment.create([{
                        'company': durand.id, 'journal': journal.id,
                        'kind': 'receivable', 'party': dupont.id,
                        'amount': Decimal('516.60'), 'date': first,
                        'line': first_invoice.lines_to_pay[0].id,
                        }])
            Payment.submit([payment])
        with Transaction().set_user(user.id), Transaction().set_context(
                company=durand.id, _check_access=True):
            result = self.export(durand, what='payments', **period)
            self.assertTrue(result['filename'].startswith('paiements_'))
            header, row = read_csv(result['file'])
            self.assertEqual(header, ["Date", "Client", "Journal", "Method",
                    "Amount", "State", "Origin"])
            self.assertEqual(row[1:3], ["Garage Dupont", "Virements"])
            self.assertEqual(row[4], '516,60')
            self.assertEqual(row[6], first_invoice.rec_name)
            with self.assertRaises(UserError):
                self.export(durand, what='payments', process_method='sepa',
                    **period)
