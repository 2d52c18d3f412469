# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""A signed quote invoiced the French way: a deposit invoice paid by card,
the balance invoice deducting it paid by transfer, a credit note refunded;
numbers without gaps, nothing posted when the client lacks what the law
asks, reverse charge only for a VAT number the register knows."""
import unittest
from decimal import Decimal

from stdnum.iso7064 import mod_11_10

from trytond.exceptions import UserError
from trytond.model.exceptions import AccessError
from trytond.modules.account_fr_export.invoice import (
    REVERSE_CHARGE_NOTICE, party_siren, vat_regime)
from trytond.modules.account_fr_export.payment import reconcile_groups
from trytond.modules.account_fr_export.project import (
    balance_deduction, untaxed_for_total)
from trytond.modules.account_fr_export.tests.tools import (
    MODULES, create_client, create_workshop, with_accounting_transaction)
from trytond.modules.company.tests import set_company
from trytond.modules.connector.tests.servers import ViesServer
from trytond.modules.connector.tests.test_party import set_provider
from trytond.modules.saas.tests.tools import create_workshop_user
from trytond.modules.saas_portal.tests.test_module import PNG
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, drop_db
from trytond.transaction import Transaction


def german_vat(seed=12345678):
    "A German VAT number with valid check digits."
    digits = '%08d' % seed
    return 'DE' + digits + mod_11_10.calc_check_digit(digits)


# Well formed, but the VAT register does not know it.
UNKNOWN_VAT = german_vat()
# Known to the local VIES server.
REGISTERED_VAT = 'DE136695976'


class ComputationsTestCase(unittest.TestCase):
    "Invoicing computations"

    def test_untaxed_for_total(self):
        for total, rate in [('105.00', 20), ('100.00', 20), ('0.05', 20),
                ('333.33', 10), ('87.10', 5.5), ('99.99', 0)]:
            with self.subTest(total=total, rate=rate):
                untaxed = untaxed_for_total(Decimal(total), rate)
                tax = (untaxed * Decimal(str(rate)) / 100).quantize(
                    Decimal('0.01'))
                self.assertEqual(untaxed + tax, Decimal(total))

    def test_balance_deduction(self):
        "The balance invoice comes to the quote's total minus the deposit"
        D = Decimal
        # the demo's pergola: 132.62 excl. VAT, deposit 47.74 (39.78 +
        # 7.96): the VAT of the parts and of the deduction rounded apart
        # already gives 159.14 - 47.74
        self.assertEqual(
            balance_deduction(D('132.62'), D('39.78'), D('111.40'), 20),
            D('39.78'))
        # a quote total one cent above its lines: one cent less deducted
        amount = balance_deduction(D('100.00'), D('30.00'), D('84.01'), 20)
        self.assertEqual(amount, D('29.99'))
        self.assertEqual(D('120.00') - amount
            - (amount * D('0.2')).quantize(D('0.01')), D('84.01'))
        # no amount near: unchanged
        self.assertEqual(
            balance_deduction(D('100'), D('25'), D('10'), 20), D('25'))

    def test_vat_regime(self):
        self.assertEqual(vat_regime('FR', 'FR40303265045', True), 'france')
        self.assertEqual(
            vat_regime('DE', german_vat(), True), 'reverse_charge')
        self.assertEqual(vat_regime('DE', german_vat(), False), 'france')
        self.assertEqual(vat_regime('DE'), 'france')
        self.assertEqual(vat_regime('CH', professional=True), 'outside_eu')
        self.assertEqual(vat_regime('CH'), 'france')

    def test_reconcile_groups(self):
        D = Decimal
        # everything balances: one reconciliation
        self.assertEqual(
            reconcile_groups([(1, D(105)), (2, D(-105)), (3, D(245)),
                    (4, D(-245))]), [[1, 2, 3, 4]])
        # the deposit is paid, the balance not yet
        self.assertEqual(
            reconcile_groups([(1, D(105)), (2, D(-105)), (3, D(245))]),
            [[1, 2]])
        # two payments for one invoice, a third too big is left
        self.assertEqual(
            reconcile_groups([(1, D(100)), (2, D(-500)), (3, D(-60)),
                    (4, D(-40))]), [[1, 3, 4]])
        # a credit note settled by a refund paid out
        self.assertEqual(
            reconcile_groups([(1, D(50)), (2, D(-70)), (3, D(70))]),
            [[3, 2]])
        self.assertEqual(reconcile_groups([]), [])


class ProjectInvoicingTestCase(unittest.TestCase):
    "Deposit and balance invoices of a powder-coating project"
    # The module's generic checks run in test_module; this class only
    # needs the modules activated.

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        drop_db()
        activate_module(MODULES)

    def signed_quote(self, company, client):
        pool = Pool()
        Quote = pool.get('powder_coating.quote')
        Signature = pool.get('powder_coating.quote.signature')
        Configuration = pool.get('powder_coating.configuration')
        from trytond.modules.powder_coating.tests.test_module import (
            create_powder)
        Powder = pool.get('powder_coating.powder')
        powders = Powder.search([('company', '=', company.id)], limit=1)
        powder = powders[0] if powders else create_powder()
        settings = Configuration.get(company, create=True)
        settings.deposit_method = 'percentage'
        settings.deposit_percentage = Decimal(30)
        settings.save()
        quote, = Quote.create([{
                    'party': client.id,
                    'lines': [('create', [{
                                    'description': "Portail 2000 × 1000",
                                    'quantity': 3,
                                    'surface_mode': 'dimensions',
                                    'length': Decimal(2000),
                                    'width': Decimal(1000),
                                    'faces': 2,
                                    'powder': powder.id,
                                    'coats': 2,
                                    'labour_minutes': Decimal(20),
                                    }])],
                    }])
        Quote.send([quote])
        Signature.sign(quote, "Jean Dupont", PNG, 'back_office')
        return quote

    @with_accounting_transaction
    def test_deposit_balance_credit_note(self):
        "Deposit paid by card, balance by transfer, a credit note refunded"
        pool = Pool()
        Invoice = pool.get('account.invoice')
        Payment = pool.get('account.payment')
        Quote = pool.get('powder_coating.quote')
        company = create_workshop()
        with set_company(company):
            client = create_client(company, siren='443061841')
            quote = self.signed_quote(company, client)
            project = quote.project
            total = quote.total_amount
            deposit = quote.deposit_amount
            self.assertEqual(deposit, (total * Decimal('0.3')).quantize(
                    Decimal('0.01')))

            deposit_invoice, = Quote.invoice_deposit([quote])
            self.assertEqual(deposit_invoice.state, 'draft')
            self.assertEqual(deposit_invoice.purpose, 'deposit')
            self.assertEqual(deposit_invoice.total_amount, deposit)
            Invoice.post([deposit_invoice])
            year = deposit_invoice.invoice_date.year
            self.assertEqual(deposit_invoice.number, 'FACT-%s-0001' % year)
            with self.assertRaises(UserError):
                Quote.invoice_deposit([quote])

            # the card payment of the deposit pays the deposit invoice
            Payment.record(company, quote, 'card', deposit,
                purpose='deposit')
            deposit_invoice = Invoice(deposit_invoice.id)
            self.assertEqual(deposit_invoice.state, 'paid')
            self.assertEqual(Quote(quote.id).payment_state, 'deposit')

            balance_invoice, = pool.get('powder_coating.project') \
                .invoice_balance([project])
            self.assertEqual(balance_invoice.purpose, 'balance')
            self.assertEqual(balance_invoice.total_amount, total - deposit)
            self.assertLessEqual(abs(balance_invoice.untaxed_amount
                    - (quote.untaxed_amount
                        - deposit_invoice.untaxed_amount)),
                Decimal('0.01'))
            deduction = [l for l in balance_invoice.lines if l.quantity < 0]
            self.assertEqual(len(deduction), 1)
            self.assertIn(deposit_invoice.number, deduction[0].description)
            Invoice.post([balance_invoice])
            self.assertEqual(balance_invoice.number, 'FACT-%s-0002' % year)
            with self.assertRaises(UserError):
                Quote.invoice_balance([quote])

            # the transfer of the balance pays it
            Payment.record(company, project, 'transfer', total - deposit,
                purpose='balance')
            self.assertEqual(Invoice(balance_invoice.id).state, 'paid')
            self.assertEqual(Quote(quote.id).payment_state, 'paid')

            # posted invoices stay as they are
            with self.assertRaises(AccessError):
                Invoice.delete([balance_invoice])
            with self.assertRaises(AccessError):
                Invoice.write([balance_invoice], {'description': "Changed"})

            # a credit note (Tryton's « Créditer ») refunded by transfer
            credit_note, = Invoice.credit([balance_invoice])
            self.assertEqual(credit_note.coating_quote, quote)
            Invoice.post([credit_note])
            self.assertEqual(credit_note.number, 'FACT-%s-0003' % year)
            self.assertEqual(credit_note.total_amount, -(total - deposit))
            Payment.record(company, project, 'transfer', total - deposit,
                purpose='refund', kind='payable')
            self.assertEqual(Invoice(credit_note.id).state, 'paid')
            self.assertEqual(Quote(quote.id).payment_state, 'refunded')

            # the payments are in the books: bank against the client
            lines = [l for p in Payment.search([]) for l in
                p.clearing_move.lines]
            self.assertTrue(all(l.move.state == 'posted' for l in lines))
            self.assertEqual(
                sorted({l.account.code for l in lines}), ['4111', '5121'])

        # another workshop's accountant sees none of it
        other = create_workshop(
            name="Époxy Services Martin", siret='55208131700018')
        accountant = create_workshop_user(other, 'acc.martin', 'accounting')
        with Transaction().set_user(accountant.id), \
                Transaction().set_context(_check_access=True,
                    company=other.id, companies=[other.id]):
            self.assertEqual(Invoice.search([]), [])
        own = create_workshop_user(company, 'acc.durand', 'accounting')
        with Transaction().set_user(own.id), \
                Transaction().set_context(_check_access=True,
                    company=company.id, companies=[company.id]):
            self.assertEqual(len(Invoice.search([])), 3)

    @with_accounting_transaction
    def test_posting_refused_without_identifiers(self):
        "No SIREN, no address or a VAT number VIES rejects: not posted"
        pool = Pool()
        Invoice = pool.get('account.invoice')
        Party = pool.get('party.party')
        Quote = pool.get('powder_coating.quote')
        company = create_workshop()
        with set_company(company), ViesServer() as vies:
            set_provider(company, 'vat', 'vies', endpoint=vies.endpoint)
            # a professional client in France without its SIREN
            client = create_client(company, name="Carrosserie Sans Siren")
            Party.write([client], {'client_kind': 'professional'})
            quote = self.signed_quote(company, client)
            invoice, = Quote.invoice_deposit([quote])
            with self.assertRaises(UserError) as error:
                Invoice.post([invoice])
            self.assertIn("SIREN", error.exception.message)
            self.assertEqual(invoice.state, 'draft')
            self.assertIsNone(invoice.number)

            # a German business whose number is wrong: French VAT only,
            # and reverse charge is refused
            german = create_client(company, name="Lackiererei Müller",
                country='DE', city="Köln", postal_code='50667',
                vat=UNKNOWN_VAT)
            self.assertEqual(
                [t.rate for t in Invoice.french_taxes(company, german)],
                [None])
            quote = self.signed_quote(company, german)
            invoice, = Quote.invoice_deposit([quote])
            self.assertFalse(Invoice(invoice.id).reverse_charge)
            from trytond.modules.account_fr_export.invoice import (
                REVERSE_CHARGE_TAX, company_tax)
            line, = invoice.lines
            line.taxes = [company_tax(company, REVERSE_CHARGE_TAX)]
            line.save()
            invoice = Invoice(invoice.id)
            with self.assertRaises(UserError) as error:
                Invoice.post([invoice])
            self.assertIn(UNKNOWN_VAT, error.exception.message)
            self.assertEqual(invoice.state, 'draft')

            # a valid German number: reverse charge with its mention
            valid = create_client(company, name="Pulverbeschichtung Weber",
                country='DE', city="Köln", postal_code='50667',
                vat=REGISTERED_VAT)
            Party.check_vat([valid])
            quote = self.signed_quote(company, valid)
            invoice, = Quote.invoice_deposit([quote])
            Invoice.post([invoice])
            self.assertTrue(invoice.reverse_charge)
            self.assertEqual(invoice.tax_amount, Decimal(0))
            self.assertEqual(
                [t.tax.legal_notice for t in invoice.taxes],
                [REVERSE_CHARGE_NOTICE])
            self.assertEqual(invoice.number,
                'FACT-%s-0001' % invoice.invoice_date.year)
            self.assertEqual(party_siren(company.party), '732829320')

