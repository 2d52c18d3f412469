# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
from decimal import Decimal

from trytond.model.exceptions import AccessError, ValidationError
from trytond.modules.company.tests import (
    CompanyTestMixin, create_company, set_company)
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


del ModuleTestCase
