# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
import datetime as dt
from decimal import Decimal

from trytond.model.exceptions import ValidationError
from trytond.modules.account_fr_export.settings import (
    example_number, sequence_parts)
from trytond.modules.account_fr_export.tests.tools import (
    create_client, create_invoice, create_workshop,
    with_accounting_transaction)
from trytond.modules.company.tests import CompanyTestMixin, set_company
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase


class AccountFrExportTestCase(CompanyTestMixin, ModuleTestCase):
    "French invoicing and accounting exports"
    module = 'account_fr_export'
    extras = ['powder_coating']

    def test_sequence_parts(self):
        "The number format becomes a Tryton sequence"
        self.assertEqual(
            sequence_parts('FACT-AAAA-NNNN'), ('FACT-${year}-', 4, ''))
        self.assertEqual(
            sequence_parts('F AAAA/MM NNNNN /L'),
            ('F ${year}/${month} ', 5, ' /L'))
        self.assertEqual(example_number('FACT-AAAA-NNNN', 2026), 'FACT-2026-0001')
        for bad in ['', 'FACT', 'FACT-NN', 'N-AAAA-NNNN', 'FACT-NNNN-NNNN']:
            with self.subTest(bad=bad):
                self.assertIsNone(sequence_parts(bad))

    @with_accounting_transaction
    def test_fiscal_year_numbers_invoices(self):
        "A workshop's fiscal year numbers its invoices FACT-YYYY-NNNN"
        pool = Pool()
        FiscalYear = pool.get('account.fiscalyear')
        Settings = pool.get('account_fr_export.settings')
        company = create_workshop()
        with set_company(company):
            fiscalyear, = FiscalYear.search([('company', '=', company.id)])
            sequence, = fiscalyear.invoice_sequences
            strict = sequence.out_invoice_sequence
            self.assertEqual(strict, sequence.out_credit_note_sequence)
            year = fiscalyear.start_date.year
            with self.subTest('first number'):
                from trytond.transaction import Transaction
                with Transaction().set_context(
                        date=dt.date(year, 3, 1)):
                    self.assertEqual(strict.get(), 'FACT-%s-0001' % year)
            client = create_client(company)
            invoice = create_invoice(company, client, [
                    ("Thermolaquage portail RAL 7016", 1, Decimal('350'))])
            self.assertEqual(invoice.number, 'FACT-%s-0002' % year)
            self.assertEqual(invoice.total_amount, Decimal('420.00'))
            settings = Settings.get(company)
            settings.number_format = 'FACT-NN'
            with self.assertRaises(ValidationError):
                settings.save()




del ModuleTestCase
