# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
import os
import unittest

from trytond.model.exceptions import (
    DomainValidationError, ValidationError)
from trytond.modules.company.tests import create_company, set_company
from trytond.modules.powder_coating.quote_template import (
    STYLES, clean_html, substitute, unknown_variables, unsafe_html)
from trytond.modules.powder_coating.tests.test_module import (
    create_powder, create_quote)
from trytond.modules.saas_portal.tests.test_module import PNG
from trytond.pool import Pool
from trytond.tests.test_tryton import (
    activate_module, drop_db, with_transaction)

CONDITIONS = (
    "<h4>Conditions générales de vente</h4>"
    "<p>Devis pour {client_name}, valable jusqu'au {validity_date}. "
    "<strong>Acompte de 30 %</strong> à la commande, solde à l'enlèvement "
    "des pièces.</p>"
    "<ul><li>Pièces livrées propres et sèches</li>"
    "<li>Délai : 10 jours ouvrés après réception</li></ul>")


def render(quote):
    "The quote's PDF, as the print button gives it."
    Report = Pool().get('powder_coating.quote', type='report')
    extension, content, _, _ = Report.execute([quote.id], {})
    return extension, bytes(content)


def render_html(quote):
    "The quote's HTML before weasyprint, to read its text."
    Report = Pool().get('powder_coating.quote', type='report')
    report, = Pool().get('ir.action.report').search(
        [('report_name', '=', 'powder_coating.quote')])
    records = Report._get_records([quote.id], 'powder_coating.quote', {})
    context = Report.get_context(records, report, {})
    return Report.render(report, context)


class TextTestCase(unittest.TestCase):
    "Variables and terms of sale, without the database"

    def test_substitute(self):
        "Known variables are replaced, unknown ones stay as typed"
        self.assertEqual(
            substitute("Devis {quote_number} pour {client_name}: {amount}.",
                {'quote_number': 'DEV-2026-0001', 'client_name': "Dupont",
                    'amount': "1 234,00 €"}),
            "Devis DEV-2026-0001 pour Dupont: 1 234,00 €.")
        self.assertEqual(
            substitute("{nope} {date}", {'date': None}), "{nope} ")
        self.assertEqual(substitute(None, {}), '')
        self.assertEqual(substitute("{ brace } {}", {}), "{ brace } {}")

    def test_unknown_variables(self):
        "Typos in variables are found"
        self.assertEqual(
            unknown_variables(
                "{client_name} {clientname} {montant} {montant}"),
            ['clientname', 'montant'])
        self.assertEqual(unknown_variables(CONDITIONS), [])

    def test_unsafe_html(self):
        "Scripts, frames, handlers and javascript: links are found"
        self.assertEqual(unsafe_html(CONDITIONS), [])
        self.assertEqual(unsafe_html('<p>ok</p><script>alert(1)</script>'),
            ['<script>'])
        self.assertEqual(unsafe_html('<iframe src="x"></iframe>'),
            ['<iframe>'])
        self.assertEqual(unsafe_html('<p onclick="x()">a</p>'), ['onclick='])
        self.assertEqual(unsafe_html('<img src=x ONERROR=alert(1)>'),
            ['onerror='])
        self.assertEqual(
            unsafe_html('<a href=" java\tscript:alert(1)">a</a>'),
            ['javascript:'])
        self.assertEqual(
            unsafe_html('<a href="&#106;avascript:alert(1)">a</a>'),
            ['javascript:'])
        self.assertEqual(unsafe_html('<scr<script>ipt>'), ['<script>'])

    def test_clean_html(self):
        "Rendering keeps formatting only"
        self.assertEqual(clean_html('<p style="x">a <b>b</b></p><img src=x>'),
            '<p>a <b>b</b></p>')


class QuoteTemplateTestCase(unittest.TestCase):
    "Test quote templates"
    # The module's generic checks (views, access, depends...) run once,
    # in test_module; this class only needs the module activated.

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        drop_db()
        activate_module('powder_coating')

    def create_template(self, **values):
        Template = Pool().get('powder_coating.quote.template')
        values.setdefault('name', "Standard")
        template, = Template.create([values])
        return template

    @with_transaction()
    def test_each_style_renders(self):
        "Each of the five styles gives a PDF, with the stamp once signed"
        pool = Pool()
        Quote = pool.get('powder_coating.quote')
        Signature = pool.get('powder_coating.quote.signature')
        company = create_company()
        out = os.environ.get('QUOTE_TEMPLATE_PDF_DIR')
        with set_company(company):
            powder = create_powder()
            for style, _ in STYLES:
                template = self.create_template(name=style, style=style,
                    header_text="Qualicoat · Qualimarine",
                    footer_text="IBAN FR76 3000 4000 0500 0012 3456 789",
                    conditions=CONDITIONS,
                    legal_notices="SARL au capital de 10 000 €")
                quote = create_quote(company, powder)
                Quote.write([quote], {'template': template.id})
                extension, pdf = render(quote)
                self.assertEqual(extension, 'pdf')
                self.assertTrue(pdf.startswith(b'%PDF'), style)
                if out:
                    with open(os.path.join(out, style + '.pdf'), 'wb') as fd:
                        fd.write(pdf)
            Quote.send([quote])
            signature = Signature.sign(quote, "Jean Dupont", PNG,
                'back_office', ip_address='192.0.2.1')
            self.assertTrue(bytes(signature.document).startswith(b'%PDF'))
            html = render_html(quote)
            self.assertIn("Signé électroniquement par Jean Dupont", html)
            self.assertIn("192.0.2.1", html)

    @with_transaction()
    def test_variables_substituted(self):
        "The texts of the template print the quote's values"
        pool = Pool()
        Quote = pool.get('powder_coating.quote')
        company = create_company()
        with set_company(company):
            powder = create_powder()
            template = self.create_template(style='classic',
                header_text="Devis {quote_number} du {date}",
                footer_text="{workshop}",
                conditions="<p>Pour {client_name} : {amount} TTC</p>")
            quote = create_quote(company, powder)
            Quote.write([quote], {'template': template.id})
            Quote.send([quote])
            html = render_html(quote)
            self.assertIn("Devis %s du " % quote.number, html)
            self.assertIn("Pour Garage Dupont : ", html)
            self.assertNotIn("{client_name}", html)
            self.assertNotIn("{amount}", html)
            self.assertIn("style-classic", html)

    @with_transaction()
    def test_default_template(self):
        "A quote takes the workshop's default template, else modern"
        pool = Pool()
        Configuration = pool.get('powder_coating.configuration')
        Quote = pool.get('powder_coating.quote')
        company = create_company()
        with set_company(company):
            powder = create_powder()
            quote = create_quote(company, powder)
            self.assertIsNone(quote.template)
            self.assertIn("style-modern", render_html(quote))
            template = self.create_template(style='premium')
            settings = Configuration.get(create=True)
            settings.quote_template = template
            settings.save()
            self.assertIn("style-premium", render_html(quote))
            self.assertEqual(Quote.default_template(), template.id)

    @with_transaction()
    def test_unsafe_html_refused(self):
        "Terms of sale with a script are refused and nothing is written"
        Template = Pool().get('powder_coating.quote.template')
        company = create_company()
        with set_company(company):
            with self.assertRaises(ValidationError) as cm:
                self.create_template(
                    conditions='<p>CGV</p><script>alert(1)</script>')
            self.assertIn("<script>", cm.exception.message)
            self.assertEqual(Template.search([]), [])
            template = self.create_template(conditions=CONDITIONS)
            for html in ['<a href="javascript:alert(1)">CGV</a>',
                    '<p onmouseover="steal()">CGV</p>',
                    '<iframe src="https://example.com"></iframe>']:
                with self.assertRaises(ValidationError):
                    Template.write([template], {'conditions': html})
                self.assertEqual(
                    Template(template.id).conditions, CONDITIONS)

    @with_transaction()
    def test_bad_colour_logo_variable_refused(self):
        "A colour not #rrggbb, a logo not an image, a typo in a variable"
        Template = Pool().get('powder_coating.quote.template')
        company = create_company()
        with set_company(company):
            template = self.create_template(logo=PNG)
            for values in [{'primary_colour': 'blue'},
                    {'accent_colour': '#12345'},
                    {'logo': b'%PDF-1.4 not an image'},
                    {'footer_text': "Merci {clientname}"}]:
                with self.assertRaises(ValidationError):
                    Template.write([template], values)
            template = Template(template.id)
            self.assertEqual(bytes(template.logo), PNG)
            self.assertRegex(template.primary_colour, r'^#[0-9a-f]{6}$')

    @with_transaction()
    def test_other_workshop_template_refused(self):
        "A workshop's template cannot be used by another workshop's quote"
        pool = Pool()
        Quote = pool.get('powder_coating.quote')
        company = create_company()
        other = create_company(name="Other")
        with set_company(other):
            theirs = self.create_template(name="Theirs", style='premium')
        with set_company(company):
            powder = create_powder()
            quote = create_quote(company, powder)
            with self.assertRaises(DomainValidationError):
                Quote.write([quote], {'template': theirs.id})

