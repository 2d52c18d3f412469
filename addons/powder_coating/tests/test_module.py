# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
import datetime as dt
from decimal import Decimal

from trytond.model.exceptions import AccessError, ValidationError
from trytond.modules.company.tests import (
    CompanyTestMixin, create_company, set_company)
from trytond.modules.powder_coating.quote_email import reminder_due
from trytond.modules.powder_coating.ral import read_ral_table, swatch_png
from trytond.modules.saas_portal.tests.test_module import PNG
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction


def create_powder(**values):
    Powder = Pool().get('powder_coating.powder')
    RAL = Pool().get('powder_coating.ral')
    ral, = RAL.search([('code', '=', 'RAL 7016')])
    defaults = {
        'brand': "Thermopoudre",
        'reference': 'TP-7016-BR',
        'ral': ral.id,
        'powder_type': 'polyester',
        'finish': 'gloss',
        'specific_gravity': Decimal('1.50'),
        'thickness': 70,
        'efficiency': Decimal('65'),
        'cure_temperature': 200,
        'cure_minutes': 10,
        'price_per_kg': Decimal('14.50'),
        }
    defaults.update(values)
    powder, = Powder.create([defaults])
    return powder


def create_quote(company, powder, **line_values):
    pool = Pool()
    Party = pool.get('party.party')
    Quote = pool.get('powder_coating.quote')
    party, = Party.create([{'name': "Garage Dupont"}])
    line = {
        'description': "Portail 2000 × 1000",
        'quantity': 3,
        'surface_mode': 'dimensions',
        'length': Decimal(2000),
        'width': Decimal(1000),
        'faces': 2,
        'powder': powder.id,
        'coats': 2,
        'labour_minutes': Decimal(20),
        }
    line.update(line_values)
    quote, = Quote.create([{
                'party': party.id,
                'lines': [('create', [line])],
                }])
    return quote


class PowderCoatingTestCase(CompanyTestMixin, ModuleTestCase):
    "Test powder_coating module"
    module = 'powder_coating'

    def test_ral_table(self):
        "The shipped RAL table has every classic shade once"
        rows = read_ral_table()
        codes = [r['code'] for r in rows]
        self.assertGreaterEqual(len(rows), 213)
        self.assertEqual(len(codes), len(set(codes)))
        self.assertIn('RAL 7016', codes)
        self.assertTrue(swatch_png('#383e42').startswith(b'\x89PNG'))

    @with_transaction()
    def test_ral_loaded_and_named(self):
        "Shades are searchable by code or name, named in the user's language"
        RAL = Pool().get('powder_coating.ral')
        shade, = RAL.search([('rec_name', 'ilike', '7016')])
        self.assertEqual(shade.code, 'RAL 7016')
        self.assertEqual(shade.name_fr, "Gris anthracite")

    @with_transaction()
    def test_coverage_computed_and_overridden(self):
        "Coverage comes from gravity, thickness and efficiency unless typed"
        company = create_company()
        with set_company(company):
            powder = create_powder()
            # 1000 × 0.65 / (1.50 × 70) = 6.19 m²/kg
            self.assertEqual(powder.coverage, Decimal('6.19'))
            powder.coverage_override = Decimal('8.50')
            powder.save()
            self.assertEqual(powder.coverage, Decimal('8.50'))

    @with_transaction()
    def test_quote_priced_by_line(self):
        "A quote line shows its breakdown, the quote its totals"
        company = create_company()
        with set_company(company):
            powder = create_powder(coverage_override=Decimal('8.50'))
            quote = create_quote(company, powder)
            line, = quote.lines
            # 3 parts × 2 m × 1 m × 2 faces = 12 m²
            self.assertEqual(line.surface, Decimal('4.0000'))
            self.assertEqual(line.surface_total, Decimal('12.0000'))
            # 12 m² × 2 coats / 8.5 m²/kg = 2.824 kg
            self.assertEqual(line.powder_kg, Decimal('2.824'))
            self.assertEqual(quote.total_amount,
                quote.untaxed_amount + quote.tax_amount)
            self.assertEqual(quote.untaxed_amount,
                line.total + quote.fixed_fee)

    @with_transaction()
    def test_bad_lines_refused(self):
        "Zero dimensions, 4 coats, another workshop's powder: refused"
        pool = Pool()
        Line = pool.get('powder_coating.quote.line')
        company = create_company()
        other = create_company(name="Other")
        with set_company(other):
            foreign = create_powder()
        with set_company(company):
            powder = create_powder()
            quote = create_quote(company, powder)
            for values in [{'length': Decimal(0)}, {'coats': 4},
                    {'quantity': 0}, {'powder': foreign.id}]:
                with self.subTest(values=values):
                    with self.assertRaises(ValidationError):
                        Line.write(list(quote.lines), values)

    @with_transaction()
    def test_send_without_lines_refused(self):
        "A quote without parts is not sent"
        pool = Pool()
        Party = pool.get('party.party')
        Quote = pool.get('powder_coating.quote')
        company = create_company()
        with set_company(company):
            party, = Party.create([{'name': "Client"}])
            quote, = Quote.create([{'party': party.id}])
            with self.assertRaises(ValidationError):
                Quote.send([quote])
            self.assertEqual(quote.state, 'draft')
            self.assertIsNone(quote.number)

    @with_transaction()
    def test_send_sign_accept(self):
        "A sent quote is numbered; signed, it is accepted into a project"
        pool = Pool()
        Quote = pool.get('powder_coating.quote')
        Signature = pool.get('powder_coating.quote.signature')
        company = create_company()
        with set_company(company):
            powder = create_powder()
            quote = create_quote(company, powder)
            Quote.send([quote])
            self.assertRegex(quote.number, r'^DEV-\d{4}-0001$')
            with self.assertRaises(ValidationError):
                Quote.accept([quote])
            with self.assertRaises(ValidationError):
                Signature.sign(quote, "Jean Dupont", b'not an image',
                    'back_office')
            self.assertEqual(quote.state, 'sent')
            signature = Signature.sign(quote, "Jean Dupont", PNG,
                'back_office', ip_address='192.0.2.1')
            self.assertEqual(quote.state, 'accepted')
            self.assertEqual(len(signature.document_sha256), 64)
            self.assertTrue(bytes(signature.document).startswith(b'%PDF'))
            self.assertEqual(quote.project.number,
                'PRJ' + quote.number[3:])
            self.assertEqual(
                [p.description for p in quote.project.parts],
                [l.description for l in quote.lines])
            with self.assertRaises(AccessError):
                Signature.write([signature], {'signer': "Someone"})


    @with_transaction()
    def test_send_emails_new_client_invitation(self):
        """Sending a quote to a new client opens their portal account and
        emails the invitation with the PDF, confidentially"""
        pool = Pool()
        Quote = pool.get('powder_coating.quote')
        Email = pool.get('connector.email')
        WebUser = pool.get('web.user')
        company = create_company()
        with set_company(company):
            powder = create_powder()
            quote = create_quote(company, powder)
            quote.party.contact_mechanisms = [
                {'type': 'email', 'value': 'Jean@Dupont.example'}]
            quote.party.save()
            Quote.send([quote])
            user, = WebUser.search([('party', '=', quote.party.id)])
            self.assertEqual(user.email, 'jean@dupont.example')
            email, = Email.search([('to', '=', 'jean@dupont.example')])
            self.assertTrue(email.confidential)
            message = email.get_message()
            self.assertIn(quote.number, message['Subject'])
            attachment, = list(message.iter_attachments())
            self.assertTrue(attachment.get_content().startswith(b'%PDF'))
            html = message.get_body(preferencelist=('html',)).get_content()
            self.assertIn('/password?', html)

            # Known client now: "your quote is in your space".
            again = create_quote(company, powder)
            Quote.write([again], {'party': quote.party.id})
            Quote.send([again])
            emails = Email.search([('to', '=', 'jean@dupont.example')])
            self.assertEqual(len(emails), 2)
            latest = [e for e in emails if e.id != email.id][0]
            self.assertFalse(latest.confidential)
            self.assertIn('/documents',
                latest.get_message().get_body(
                    preferencelist=('html',)).get_content())
            self.assertEqual(
                len(WebUser.search([('party', '=', quote.party.id)])), 1)

    @with_transaction()
    def test_reminders(self):
        "Unsigned quotes are reminded at J+2 then J+7, twice at most"
        pool = Pool()
        Quote = pool.get('powder_coating.quote')
        Email = pool.get('connector.email')
        company = create_company()
        with set_company(company):
            powder = create_powder()
            quote = create_quote(company, powder)
            quote.party.contact_mechanisms = [
                {'type': 'email', 'value': 'jean@dupont.example'}]
            quote.party.save()
            Quote.send([quote])
            sent_on = quote.sent_at.date()
            day = dt.timedelta(days=1)
            self.assertEqual(Quote.remind_quotes(sent_on + day), [])
            self.assertEqual(Quote.remind_quotes(sent_on + 2 * day), [quote])
            self.assertEqual(Quote.remind_quotes(sent_on + 3 * day), [])
            self.assertEqual(Quote.remind_quotes(sent_on + 7 * day), [quote])
            self.assertEqual(Quote.remind_quotes(sent_on + 30 * day), [])
            reminders = Email.search([('subject', 'like', 'Reminder%')])
            self.assertEqual(len(reminders), 2)

    def test_reminder_due(self):
        "Which reminder a quote needs on a given day"
        day = dt.date(2026, 11, 2)
        self.assertIsNone(reminder_due(day, 0, 2, 7, dt.date(2026, 11, 3)))
        self.assertEqual(reminder_due(day, 0, 2, 7, dt.date(2026, 11, 4)), 1)
        self.assertIsNone(reminder_due(day, 1, 2, 7, dt.date(2026, 11, 8)))
        self.assertEqual(reminder_due(day, 1, 2, 7, dt.date(2026, 11, 9)), 2)
        self.assertIsNone(reminder_due(day, 2, 2, 7, dt.date(2026, 12, 9)))
        self.assertIsNone(reminder_due(None, 0, 2, 7, day))

    @with_transaction()
    def test_list_views_without_datetime_columns(self):
        """sao 8.0 has no list column for date-time fields: lists show them
        as a date and a time column (widget="date" / widget="time")"""
        import xml.etree.ElementTree as ET
        pool = Pool()
        View = pool.get('ir.ui.view')
        modules = ['saas', 'connector', 'saas_portal', 'powder_coating']
        missing = []
        for view in View.search([
                    ('type', '=', 'tree'), ('module', 'in', modules)]):
            Model = pool.get(view.model)
            for node in ET.fromstring(view.arch).iter('field'):
                field = Model._fields.get(node.get('name'))
                type_ = getattr(getattr(field, '_field', field), '_type', '')
                if type_ in {'datetime', 'timestamp'} and not node.get(
                        'widget'):
                    missing.append(f'{view.module}/{view.name}: '
                        f'{node.get("name")}')
        self.assertEqual(missing, [])


del ModuleTestCase
