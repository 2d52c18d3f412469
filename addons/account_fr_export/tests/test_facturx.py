# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The invoice PDF with its French legal mentions, Factur-X (PDF/A-3 with
the CII XML of the EN 16931 profile) and the invoice sent by email."""
import io
import os
import runpy
import shutil
import subprocess
import tempfile
import types
import unittest
from decimal import Decimal

from trytond.modules.account_fr_export.facturx import (
    address_lines, check_xml, line_quantity, percent, tax_category)
from trytond.modules.account_fr_export.invoice_email import (
    invoice_email_address)
from trytond.modules.account_fr_export.invoice_report import (
    french_number, invoice_language, is_credit_note, is_professional,
    legal_mentions, vat_summary)
from trytond.modules.account_fr_export.tests.tools import (
    MODULES, create_client, create_invoice, create_workshop,
    with_accounting_transaction)
from trytond.model.exceptions import AccessError
from trytond.modules.account_fr_export.invoice import (
    REVERSE_CHARGE_NOTICE, REVERSE_CHARGE_TAX, company_tax)
from trytond.modules.company.tests import set_company
from trytond.modules.connector.tests.servers import ViesServer
from trytond.modules.connector.tests.test_party import set_provider
from trytond.modules.connector.tests.tools import (
    SMTPSink, run_queued_tasks)
from trytond.modules.saas.tests.tools import create_workshop_user
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module
from trytond.transaction import Transaction

I18N = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'i18n',
    'account_fr_export_invoice_fr.py')


def pdf_text(pdf):
    "The text of `pdf` as pdftotext reads it."
    with tempfile.NamedTemporaryFile(suffix='.pdf') as file:
        file.write(bytes(pdf))
        file.flush()
        return subprocess.run(['pdftotext', '-layout', file.name, '-'],
            check=True, capture_output=True, text=True).stdout


def facturx_xml(pdf):
    "(filename, XML, level) of the Factur-X PDF `pdf`."
    from facturx import get_level, get_xml_from_pdf
    from lxml import etree
    filename, xml = get_xml_from_pdf(bytes(pdf), check_xsd=True)
    return filename, xml, get_level(etree.fromstring(xml))


def pdf_xmp(pdf):
    "The XMP metadata of `pdf` (PDF/A and Factur-X), as text."
    from pypdf import PdfReader
    reader = PdfReader(io.BytesIO(bytes(pdf)))
    return reader.trailer['/Root']['/Metadata'].get_object().get_data(
        ).decode('utf-8')


def report_strings():
    "The strings of the invoice's template, as Tryton extracts them."
    from genshi.filters.i18n import extract
    from relatorio.reporting import MIMETemplateLoader
    factories = MIMETemplateLoader().factories
    path = os.path.join(os.path.dirname(__file__), '..', 'report',
        'invoice.html')
    with open(path, 'rb') as file:
        return {string for _, _, string, _ in extract(file, [], [], {
                    'template_class': factories.get(
                        'markup', factories.get('xml'))}) if string}


def load_french():
    """French for the invoice and its email, from the glossary the lead
    merges into fr.po (the test does not wait for that merge); return the
    template's strings without French."""
    pool = Pool()
    Lang = pool.get('ir.lang')
    Translation = pool.get('ir.translation')
    Template = pool.get('ir.email.template')
    ModelData = pool.get('ir.model.data')
    french, = Lang.search([('code', '=', 'fr')])
    french.translatable = True
    french.save()
    glossary = runpy.run_path(I18N)['FR']
    strings = report_strings()
    Translation.create([{
                'lang': 'fr', 'type': 'report', 'name': 'account.invoice',
                'module': 'account_fr_export', 'src': src,
                'value': glossary[src], 'res_id': -1,
                } for src in strings if src in glossary])
    Translation._translation_report_cache.clear()
    template = Template(ModelData.get_id('account_fr_export', 'email_invoice'))
    with Transaction().set_context(language='fr'), \
            Transaction().set_user(0):
        Template.write([template], {
                'subject': glossary[template.subject],
                'body': glossary[template.body],
                })
    return strings - set(glossary)


def stop(sink):
    "Stop the SMTP server `sink` if it still runs."
    try:
        sink.stop()
    except (AssertionError, RuntimeError):
        pass


def set_smtp(company, port):
    Setting = Pool().get('connector.setting')
    Setting.create([{
                'company': company.id,
                'capability': 'email',
                'provider': 'smtp',
                'credentials': [('create', [
                            {'key': 'host', 'value': '127.0.0.1'},
                            {'key': 'port', 'value': str(port)}])],
                }])


class FacturXUnitTestCase(unittest.TestCase):
    "The pure pieces of the invoice and its Factur-X XML"

    def test_credit_note(self):
        "A credit note totals below zero, or all its lines do"
        self.assertTrue(is_credit_note(Decimal('-120'), [Decimal('-100')]))
        self.assertTrue(is_credit_note(Decimal('0'), [Decimal('-1')]))
        self.assertFalse(is_credit_note(Decimal('120'), [
                    Decimal('150'), Decimal('-50')]))
        self.assertFalse(is_credit_note(Decimal('0'), []))

    def test_language(self):
        "The client's language, else French in France, else the default"
        self.assertEqual(invoice_language('en', 'FR'), 'en')
        self.assertEqual(invoice_language(None, 'FR'), 'fr')
        self.assertEqual(invoice_language(None, None), 'fr')
        self.assertEqual(invoice_language(None, 'DE', 'en'), 'en')

    def test_professional(self):
        "A client with a SIREN, SIRET or VAT number is professional"
        self.assertTrue(is_professional(['fr_siren']))
        self.assertTrue(is_professional(['eu_vat']))
        self.assertFalse(is_professional([]))
        self.assertFalse(is_professional(['email']))

    def test_legal_mentions(self):
        "Discount, penalties and, for professionals, the 40 € indemnity"
        settings = types.SimpleNamespace(early_payment_discount=None,
            late_penalty_rate=None, recovery_indemnity=Decimal(40))
        mentions = legal_mentions(settings, professional=True)
        self.assertEqual(mentions['discount'],
            "Pas d'escompte pour paiement anticipé")
        self.assertIn("taux de refinancement de la BCE majoré de 10 points",
            mentions['penalty'])
        self.assertEqual(mentions['indemnity'],
            "Indemnité forfaitaire pour frais de recouvrement : 40 € "
            "(art. D441-5 du Code de commerce)")
        settings.late_penalty_rate = Decimal('12.5')
        settings.early_payment_discount = "Escompte de 1 % à 8 jours"
        mentions = legal_mentions(settings, professional=False)
        self.assertEqual(mentions['penalty'],
            "Pénalités de retard : 12,50 % par an")
        self.assertEqual(mentions['discount'], "Escompte de 1 % à 8 jours")
        self.assertNotIn('indemnity', mentions)

    def test_numbers(self):
        "French numbers, VAT rates and the summary per rate"
        self.assertEqual(french_number(Decimal('1234.5')), '1\u202f234,50')
        self.assertEqual(percent(Decimal('0.2')), '20')
        self.assertEqual(percent(Decimal('0.055')), '5.5')
        self.assertEqual(tax_category(Decimal('0.2')), 'S')
        self.assertEqual(tax_category(Decimal(0)), 'Z')
        self.assertEqual(tax_category(Decimal(0), 'AE'), 'AE')
        self.assertEqual(vat_summary([
                    (Decimal('0.2'), Decimal(100), Decimal(20)),
                    (Decimal('0.055'), Decimal(10), Decimal('0.55')),
                    (Decimal('0.2'), Decimal(50), Decimal(10))]), [
                (Decimal('0.2'), Decimal(150), Decimal(30)),
                (Decimal('0.055'), Decimal(10), Decimal('0.55'))])
        # A deducted line (deposit) has a negative quantity, a credit
        # note's lines are positive in the credit note.
        self.assertEqual(line_quantity(2.0, Decimal(700)), Decimal(2))
        self.assertEqual(line_quantity(1.0, Decimal(-300)), Decimal(-1))
        self.assertEqual(line_quantity(-2.0, Decimal(700)), Decimal(2))
        self.assertEqual(address_lines(" 12 rue des Forges\n\nBât. B "),
            ['12 rue des Forges', 'Bât. B'])

    def test_invoice_email_address(self):
        "The invoicing email first, else the client's email"
        self.assertEqual(invoice_email_address(' Compta@Garage.fr ', []),
            'compta@garage.fr')
        self.assertEqual(
            invoice_email_address('a@b.fr', ['factures@b.fr']),
            'factures@b.fr')
        self.assertIsNone(invoice_email_address(None, ['']))


class FacturXTestCase(unittest.TestCase):
    "The invoice PDF, Factur-X and the invoice's email"

    @classmethod
    def setUpClass(cls):
        activate_module(MODULES)

    @with_accounting_transaction
    def test_invoice_facturx_email(self):
        """A posted invoice: French PDF/A-3 Factur-X EN 16931, emailed; its
        credit note; a private client; an English one; another workshop"""
        pool = Pool()
        Invoice = pool.get('account.invoice')
        InvoiceReport = pool.get('account.invoice', type='report')
        Settings = pool.get('account_fr_export.settings')
        Email = pool.get('connector.email')
        Party = pool.get('party.party')
        missing = load_french()
        self.assertEqual(missing, set(), "strings without French")
        company = create_workshop()
        sink = SMTPSink()
        self.addCleanup(stop, sink)
        with set_company(company):
            set_smtp(company, sink.port)
            settings = Settings.get(company)
            settings.share_capital = Decimal(20000)
            settings.save()
            client = create_client(company, siren='552100554',
                vat='FR96552100554', email='compta@garage-dupont.fr')
            invoice = create_invoice(company, client, [
                    ("Thermolaquage portail RAL 7016\nSablage, 2 couches",
                        2, Decimal('350')),
                    ("Traitement garde-corps", 1, Decimal('1234.56'))])
            run_queued_tasks()
            invoice = Invoice(invoice.id)

            # The cached PDF of the posted invoice is the Factur-X one.
            self.assertEqual(invoice.invoice_report_format, 'pdf')
            pdf = bytes(invoice.invoice_report_cache)
            filename, xml, level = facturx_xml(pdf)
            self.assertEqual(filename, 'factur-x.xml')
            self.assertEqual(level, 'en16931')
            self.assertTrue(check_xml(xml))
            self.assertIn(b'urn:cen.eu:en16931:2017', xml)
            self.assertIn(b'<ram:TypeCode>380</ram:TypeCode>', xml)
            self.assertIn(('<ram:ID>%s</ram:ID>' % invoice.number).encode(),
                xml)
            self.assertIn(b'schemeID="0002">552100554<', xml)
            self.assertIn(b'schemeID="VA">FR96552100554<', xml)
            self.assertIn(b'>2321.47</ram:GrandTotalAmount>', xml)
            self.assertIn(b'>2321.47</ram:DuePayableAmount>', xml)
            self.assertIn(b'<ram:SubjectCode>PMD</ram:SubjectCode>', xml)
            xmp = pdf_xmp(pdf)
            self.assertIn('pdfaid:part>3<', xmp)
            self.assertIn('ConformanceLevel>EN 16931<', xmp)

            text = ' '.join(pdf_text(pdf).split())
            for mention in [
                    "FACTURE", invoice.number,
                    "Thermolaquage portail RAL 7016",
                    "Thermolaquage Durand", "SARL",
                    "au capital de 20 000,00",
                    "SIREN 732829320", "SIRET 73282932000017", "RCS Lyon",
                    "N° TVA intracommunautaire FR",
                    "Garage Dupont", "SIREN 552100554", "FR96552100554",
                    "Total HT 1 934,56", "TVA 386,91", "Total TTC 2 321,47",
                    "Net à payer 2 321,47", "20 % 1 934,56",
                    "Pas d'escompte pour paiement anticipé",
                    "taux de refinancement de la Banque centrale "
                    "européenne majoré de 10 points",
                    "Indemnité forfaitaire pour frais de recouvrement : 40,00",
                    "(art. D441-5 du Code de commerce)",
                    "Date d'échéance",
                    ]:
                with self.subTest(mention=mention):
                    self.assertIn(mention.replace(' ', ' '),
                        text.replace('\u202f', ' ').replace('\xa0', ' '))

            # The email, through the real SMTP server, with the PDF.
            self.assertEqual(invoice.invoice_email_to,
                'compta@garage-dupont.fr')
            self.assertEqual(invoice.invoice_email_state, 'sent')
            self.assertIsNotNone(invoice.invoice_emailed_at)
            received, = sink.messages
            self.assertEqual(received['To'], 'compta@garage-dupont.fr')
            self.assertIn(invoice.number, received['Subject'])
            attachment, = list(received.iter_attachments())
            self.assertEqual(attachment.get_filename(),
                '%s.pdf' % invoice.number)
            self.assertEqual(facturx_xml(attachment.get_content())[0],
                'factur-x.xml')
            self.assertIn('Bonjour Garage Dupont',
                received.get_body(('plain',)).get_content())
            # Posting again or running the task again sends nothing more.
            Invoice.email_invoice([invoice])
            run_queued_tasks()
            self.assertEqual(len(sink.messages), 1)

            # The credit note: type 381, positive amounts, valid.
            credit_note, = Invoice.credit([invoice])
            credit_note.invoice_date = invoice.invoice_date
            credit_note.save()
            Invoice.post([credit_note])
            run_queued_tasks()
            credit_note = Invoice(credit_note.id)
            oext, pdf, _, _ = InvoiceReport.execute([credit_note.id], {})
            filename, xml, level = facturx_xml(pdf)
            self.assertEqual(level, 'en16931')
            self.assertTrue(check_xml(xml))
            self.assertIn(b'<ram:TypeCode>381</ram:TypeCode>', xml)
            self.assertIn(b'>2321.47</ram:GrandTotalAmount>', xml)
            self.assertIn(('<ram:IssuerAssignedID>%s</ram:IssuerAssignedID>'
                    % invoice.number).encode(), xml)
            text = ' '.join(pdf_text(pdf).split()).replace('\u202f', ' ')
            self.assertIn("AVOIR", text)
            self.assertIn("Avoir sur la facture %s" % invoice.number, text)
            self.assertEqual(len(sink.messages), 2)
            self.assertIn("Avoir", sink.messages[1]['Subject'])

            # A private client: no recovery indemnity, no SIREN.
            private = create_client(company, name="Jeanne Martin")
            invoice = create_invoice(company, private, [
                    ("Jantes x4", 4, Decimal('45')),
                    ("Remise fidélité", 1, Decimal('-20'))])
            run_queued_tasks()
            oext, pdf, _, _ = InvoiceReport.execute([invoice.id], {})
            text = ' '.join(pdf_text(pdf).split())
            self.assertIn("Jeanne Martin", text)
            self.assertNotIn("Indemnité forfaitaire", text)
            self.assertIn("Pas d'escompte pour paiement anticipé", text)
            filename, xml, level = facturx_xml(pdf)
            self.assertNotIn(b'PMD', xml)
            self.assertIn(b'>-1</ram:BilledQuantity>', xml)
            self.assertIn(b'>192.00</ram:GrandTotalAmount>', xml)
            # No email address: nothing sent, nothing logged.
            self.assertIsNone(Invoice(invoice.id).invoice_email)
            self.assertEqual(len(sink.messages), 2)
            self.assertEqual(Email.search([], count=True), 2)

            # The mail server is down: the email waits and leaves later.
            sink.stop()
            invoice = create_invoice(company, client, [
                    ("Thermolaquage jantes", 4, Decimal('60'))])
            run_queued_tasks()
            invoice = Invoice(invoice.id)
            self.assertEqual(invoice.invoice_email_state, 'queued')
            self.assertEqual(invoice.invoice_email.attempts, 1)
            self.assertEqual(invoice.invoice_email_to,
                'compta@garage-dupont.fr')
            Email.write([invoice.invoice_email], {'next_attempt_at': None})
            with SMTPSink(sink.port) as again:
                Email.retry_queued()
                received, = again.messages
            self.assertIn(invoice.number, received['Subject'])
            self.assertEqual(Invoice(invoice.id).invoice_email_state, 'sent')

            # A German business whose VAT number VIES knows: reverse
            # charge, in English (no language, not in France), no email.
            settings.email_invoices = False
            settings.late_penalty_rate = Decimal('12')
            settings.save()
            with ViesServer() as vies:
                set_provider(company, 'vat', 'vies', endpoint=vies.endpoint)
                client = create_client(company,
                    name="Pulverbeschichtung Weber", country='DE',
                    city="Köln", postal_code='50667', vat='DE136695976',
                    email='buchhaltung@weber.example')
                Party.check_vat([client])
                invoice = create_invoice(company, client, [
                        ("Powder coating, gate", 1, Decimal('100'))],
                    taxes=[company_tax(company, REVERSE_CHARGE_TAX)])
            run_queued_tasks()
            self.assertIsNone(Invoice(invoice.id).invoice_email)
            self.assertEqual(Email.search([], count=True), 3)
            oext, pdf, _, _ = InvoiceReport.execute([invoice.id], {})
            text = ' '.join(pdf_text(pdf).split())
            for mention in ["INVOICE", "Total incl. VAT",
                    "Pulverbeschichtung Weber", "50667 Köln",
                    "VAT number DE136695976", REVERSE_CHARGE_NOTICE,
                    "Late payment interest: 12 % per year",
                    "Fixed indemnity for recovery costs"]:
                with self.subTest(mention=mention):
                    self.assertIn(mention, text)
            filename, xml, level = facturx_xml(pdf)
            self.assertTrue(check_xml(xml))
            for element in [b'<ram:CategoryCode>AE</ram:CategoryCode>',
                    b'<ram:ExemptionReasonCode>VATEX-EU-AE<',
                    b'<ram:ExemptionReason>Autoliquidation',
                    b'<ram:CountryID>DE</ram:CountryID>',
                    b'>0.00</ram:TaxTotalAmount>']:
                with self.subTest(element=element):
                    self.assertIn(element, xml)

        # The workshop's accountant prints it and sees where it was sent.
        with set_company(company):
            accountant = create_workshop_user(company, 'durand', 'accounting')
        with Transaction().set_user(accountant.id), \
                Transaction().set_context(company=company.id,
                    _check_access=True):
            oext, pdf, _, _ = InvoiceReport.execute([invoice.id], {})
            self.assertEqual(facturx_xml(pdf)[2], 'en16931')
            emailed, = Invoice.search([('invoice_email_to', '!=', None)],
                order=[('number', 'ASC')], limit=1)
            values, = Invoice.read([emailed.id], ['invoice_email_to',
                    'invoice_emailed_at', 'invoice_email_state'])
            self.assertEqual(values['invoice_email_state'], 'sent')

        # Another workshop's accountant cannot print it, nor see it.
        other = create_workshop(name="Époxy Services Martin",
            siret='44306184100047', city="Bordeaux", postal_code='33000')
        with set_company(other):
            user = create_workshop_user(other, 'martin', 'accounting')
        with Transaction().set_user(user.id), \
                Transaction().set_context(company=other.id,
                    _check_access=True):
            with self.assertRaises(AccessError):
                InvoiceReport.execute([invoice.id], {})
            self.assertEqual(Invoice.search([]), [])


def load_tests(loader, tests, pattern):
    if not shutil.which('pdftotext'):
        raise RuntimeError("pdftotext (poppler-utils) is needed")
    return tests
