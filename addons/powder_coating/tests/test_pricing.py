# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Quote pricing against hand-computed examples (no database).

Every expected figure below was worked out by hand in the comment above its
assertion, with the module's rule: ROUND_HALF_UP, each component rounded
(m² to 0.0001, kg to 0.001, € to the cent) and computed from the rounded
figures shown before it.
"""
import dataclasses
import unittest
from decimal import Decimal

from trytond.modules.powder_coating.pricing import (
    Coat, LineBreakdown, LineInput, PricingError, QuoteBreakdown, Settings,
    coverage, price_line, price_quote, surface_from_dimensions)

COMPONENTS = ('powder_price', 'labour_price', 'consumables', 'sandblasting',
    'masking')


def workshop(**values):
    "The settings of the examples: 45 €/h, margins 30 % and 20 %."
    values.setdefault('hourly_rate', Decimal('45'))
    values.setdefault('powder_margin', Decimal('0.30'))
    values.setdefault('labour_margin', Decimal('0.20'))
    values.setdefault('fixed_fee', Decimal('35'))
    values.setdefault('consumables_rate', Decimal('0.80'))
    values.setdefault('sandblasting_rate', Decimal('12'))
    values.setdefault('masking_rate', Decimal('1.50'))
    return Settings(**values)


def gates():
    """3 gates 2000 × 1000 mm, both faces, 2 coats of RAL 7016 at
    14.50 €/kg covering 8.5 m²/kg, 20 minutes of hanging and handling each.
    """
    return LineInput(
        quantity=3,
        surface=surface_from_dimensions(2000, 1000, 2),
        coats=2,
        powder_price=Decimal('14.50'),
        coverage=Decimal('8.5'),
        labour_minutes=Decimal('20'))


def brackets():
    """10 brackets of 0.35 m² each (typed), 1 coat of RAL 9005 at 18.90 €/kg
    covering 9.2 m²/kg, on a zinc primer (22.00 €/kg, 7.5 m²/kg) and under a
    clear varnish (25.40 €/kg, 10 m²/kg), sandblasted and masked, 6 minutes
    each.
    """
    return LineInput(
        quantity=10,
        surface=Decimal('0.35'),
        coats=1,
        powder_price=Decimal('18.90'),
        coverage=Decimal('9.2'),
        labour_minutes=Decimal('6'),
        primer=Coat(Decimal('22.00'), Decimal('7.5')),
        varnish=Coat(Decimal('25.40'), Decimal('10')),
        sandblasting=True,
        masking=True)


class PricingTestCase(unittest.TestCase):

    def assertDecimal(self, value, expected):
        "Same value and same number of decimals as the figure shown."
        self.assertIsInstance(value, Decimal)
        self.assertEqual(str(value), expected)

    def assertAddsUp(self, breakdown):
        self.assertEqual(breakdown.total,
            sum(getattr(breakdown, name) for name in COMPONENTS))

    def assertError(self, name, func, *args, **kwargs):
        with self.assertRaises(PricingError) as context:
            func(*args, **kwargs)
        self.assertIsInstance(context.exception, ValueError)
        self.assertEqual(context.exception.name, name)
        self.assertIn(name, str(context.exception))
        return context.exception


class CoverageTestCase(PricingTestCase):

    def test_coverage(self):
        # 1000 × 0.65 / (1.5 × 60 µm) = 650 / 90 = 7.2222… → 7.22 m²/kg
        self.assertDecimal(coverage(Decimal('0.65'), Decimal('1.5'), 60),
            '7.22')

    def test_coverage_theoretical(self):
        # Efficiency 1: 1000 / (1.6 × 80) = 1000 / 128 = 7.8125 → 7.81
        self.assertDecimal(coverage(1, '1.6', '80'), '7.81')

    def test_coverage_half_up(self):
        # 1000 × 0.57 / (1 × 80) = 570 / 80 = 7.125 → 7.13 (half up;
        # half even would give 7.12)
        self.assertDecimal(coverage('0.57', 1, 80), '7.13')

    def test_coverage_errors(self):
        for efficiency in (0, '-0.1', '1.01', 65):
            self.assertError('efficiency', coverage, efficiency, '1.5', 60)
        for gravity in (0, '-1.5'):
            self.assertError('specific_gravity', coverage, '0.65', gravity,
                60)
        for thickness in (0, -60):
            self.assertError('thickness', coverage, '0.65', '1.5', thickness)
        self.assertError('thickness', coverage, '0.65', '1.5', 'sixty')


class SurfaceTestCase(PricingTestCase):

    def test_gate(self):
        # 2000 × 1000 × 2 / 1 000 000 = 4 m²
        self.assertDecimal(surface_from_dimensions(2000, 1000, 2), '4.0000')

    def test_rounding(self):
        # 1234 × 567 × 1 / 1 000 000 = 0.699678 → 0.6997
        self.assertDecimal(surface_from_dimensions(1234, 567, 1), '0.6997')
        # 1205 × 10 × 1 / 1 000 000 = 0.01205 → 0.0121 (half up)
        self.assertDecimal(surface_from_dimensions(1205, 10, 1), '0.0121')
        # Decimal millimetres: 1000.5 × 200 × 2 / 1 000 000 = 0.4002
        self.assertDecimal(
            surface_from_dimensions('1000.5', Decimal('200'), '2'), '0.4002')

    def test_errors(self):
        self.assertError('length', surface_from_dimensions, 0, 1000, 2)
        self.assertError('length', surface_from_dimensions, '', 1000, 2)
        self.assertError('width', surface_from_dimensions, 2000, -1, 2)
        for faces in (0, -2, '1.5', 'two', True):
            self.assertError('faces', surface_from_dimensions, 2000, 1000,
                faces)


class LineTestCase(PricingTestCase):

    def test_gates(self):
        "Powder, labour and consumables, line by line."
        line = price_line(gates(), workshop())
        self.assertIsInstance(line, LineBreakdown)
        # surface: 4.0000 m² × 3 gates = 12.0000 m²
        self.assertDecimal(line.surface_total, '12.0000')
        # powder: 12 m² × 2 coats / 8.5 m²/kg = 2.823529… → 2.824 kg
        self.assertDecimal(line.powder_kg, '2.824')
        # 2.824 kg × 14.50 €/kg = 40.948 → 40.95 €
        self.assertDecimal(line.powder_cost, '40.95')
        self.assertDecimal(line.primer_kg, '0.000')
        self.assertDecimal(line.primer_cost, '0.00')
        self.assertDecimal(line.varnish_kg, '0.000')
        self.assertDecimal(line.varnish_cost, '0.00')
        # 40.95 × 1.30 = 53.235 → 53.24 € (half up)
        self.assertDecimal(line.powder_price, '53.24')
        # labour: 20 min × 3 = 60 min; 60 × 45 €/h / 60 = 45.00 €
        self.assertEqual(line.labour_minutes, Decimal('60'))
        self.assertDecimal(line.labour_cost, '45.00')
        # 45.00 × 1.20 = 54.00 €
        self.assertDecimal(line.labour_price, '54.00')
        # consumables: 12 m² × 2 coats × 0.80 €/m² = 19.20 €
        self.assertDecimal(line.consumables, '19.20')
        # options not asked for: nothing billed
        self.assertDecimal(line.sandblasting, '0.00')
        self.assertDecimal(line.masking, '0.00')
        # total: 53.24 + 54.00 + 19.20 = 126.44 €
        self.assertDecimal(line.total, '126.44')
        self.assertAddsUp(line)
        # unit price: 126.44 / 3 = 42.1466… → 42.15 €; shown only, since
        # 42.15 × 3 = 126.45 is a cent more than the billed 126.44
        self.assertDecimal(line.unit_price, '42.15')
        self.assertNotEqual(line.unit_price * 3, line.total)

    def test_primer_varnish_options(self):
        "Primer and varnish priced as one coat each; sandblasting, masking."
        line = price_line(brackets(), workshop())
        # surface: 0.35 m² × 10 = 3.5000 m²
        self.assertDecimal(line.surface_total, '3.5000')
        # colour: 3.5 × 1 / 9.2 = 0.380434… → 0.380 kg; × 18.90 = 7.182
        # → 7.18 €
        self.assertDecimal(line.powder_kg, '0.380')
        self.assertDecimal(line.powder_cost, '7.18')
        # primer: 3.5 / 7.5 = 0.46666… → 0.467 kg; × 22.00 = 10.274 → 10.27 €
        self.assertDecimal(line.primer_kg, '0.467')
        self.assertDecimal(line.primer_cost, '10.27')
        # varnish: 3.5 / 10 = 0.350 kg; × 25.40 = 8.89 €
        self.assertDecimal(line.varnish_kg, '0.350')
        self.assertDecimal(line.varnish_cost, '8.89')
        # (7.18 + 10.27 + 8.89) × 1.30 = 26.34 × 1.30 = 34.242 → 34.24 €
        self.assertDecimal(line.powder_price, '34.24')
        # labour: 6 min × 10 = 60 min → 45.00 €, × 1.20 = 54.00 €
        self.assertEqual(line.labour_minutes, Decimal('60'))
        self.assertDecimal(line.labour_cost, '45.00')
        self.assertDecimal(line.labour_price, '54.00')
        # consumables: 3 coats applied (colour + primer + varnish):
        # 3.5 m² × 3 × 0.80 = 8.40 €
        self.assertDecimal(line.consumables, '8.40')
        # sandblasting: 3.5 m² × 12 €/m² = 42.00 €
        self.assertDecimal(line.sandblasting, '42.00')
        # masking: 10 parts × 1.50 € = 15.00 €
        self.assertDecimal(line.masking, '15.00')
        # total: 34.24 + 54.00 + 8.40 + 42.00 + 15.00 = 153.64 €
        self.assertDecimal(line.total, '153.64')
        self.assertAddsUp(line)
        # unit price: 153.64 / 10 = 15.364 → 15.36 €
        self.assertDecimal(line.unit_price, '15.36')

    def test_primer_only(self):
        "A primer alone adds its coat, and one coat of consumables."
        line = price_line(dataclasses.replace(brackets(), varnish=None,
                sandblasting=False, masking=False), workshop())
        # (7.18 + 10.27 + 0) × 1.30 = 17.45 × 1.30 = 22.685 → 22.69 €
        self.assertDecimal(line.varnish_kg, '0.000')
        self.assertDecimal(line.varnish_cost, '0.00')
        self.assertDecimal(line.powder_price, '22.69')
        # 3.5 m² × 2 coats × 0.80 = 5.60 €
        self.assertDecimal(line.consumables, '5.60')
        self.assertDecimal(line.sandblasting, '0.00')
        self.assertDecimal(line.masking, '0.00')
        # 22.69 + 54.00 + 5.60 = 82.29 €
        self.assertDecimal(line.total, '82.29')
        self.assertAddsUp(line)

    def test_half_cents(self):
        "Every component rounded half up to the cent, then summed."
        settings = Settings(
            hourly_rate=Decimal('44.70'),
            powder_margin=Decimal('0.30'),
            labour_margin=Decimal('0'),
            consumables_rate=Decimal('0.50'))
        line = price_line(LineInput(
                quantity=1, surface=Decimal('0.01'), coats=1,
                powder_price=Decimal('50.00'), coverage=Decimal('10'),
                labour_minutes=Decimal('1')), settings)
        # powder: 0.01 / 10 = 0.001 kg × 50.00 = 0.05 €; × 1.30 = 0.065
        # → 0.07 € (half even would give 0.06)
        self.assertDecimal(line.powder_kg, '0.001')
        self.assertDecimal(line.powder_cost, '0.05')
        self.assertDecimal(line.powder_price, '0.07')
        # labour: 1 min × 44.70 / 60 = 0.745 → 0.75 € (as a float,
        # 44.70 / 60 is 0.74499… and would round to 0.74)
        self.assertDecimal(line.labour_cost, '0.75')
        self.assertDecimal(line.labour_price, '0.75')
        # consumables: 0.01 m² × 1 coat × 0.50 = 0.005 → 0.01 €
        self.assertDecimal(line.consumables, '0.01')
        # total: 0.07 + 0.75 + 0.01 = 0.83 €, the sum of what is shown
        # (summing before rounding would give 0.815 → 0.82)
        self.assertDecimal(line.total, '0.83')
        self.assertAddsUp(line)
        self.assertDecimal(line.unit_price, '0.83')

    def test_unit_price_half_cent(self):
        "Client's own powder: labour only; the billed total is not unit × qty."
        line = price_line(LineInput(
                quantity=2, surface=1, coats=1, powder_price=0, coverage=8,
                labour_minutes=Decimal('0.125')),
            Settings(hourly_rate=60, powder_margin=0, labour_margin=0))
        # powder: 1 m² × 2 = 2.0000 m² × 1 coat / 8 = 0.250 kg × 0 €/kg
        self.assertDecimal(line.powder_kg, '0.250')
        self.assertDecimal(line.powder_cost, '0.00')
        self.assertDecimal(line.powder_price, '0.00')
        # labour: 0.125 min × 2 = 0.25 min × 60 €/h / 60 = 0.25 €
        self.assertEqual(line.labour_minutes, Decimal('0.25'))
        self.assertDecimal(line.labour_price, '0.25')
        self.assertDecimal(line.consumables, '0.00')
        self.assertDecimal(line.total, '0.25')
        # 0.25 / 2 = 0.125 → 0.13 €, and 0.13 × 2 = 0.26 ≠ 0.25 billed
        self.assertDecimal(line.unit_price, '0.13')

    def test_without_labour(self):
        "Labour minutes default to 0."
        line = price_line(LineInput(1, '2.5', 3, '10', '5'),
            workshop(consumables_rate=0))
        # 2.5 m² × 3 coats / 5 = 1.500 kg × 10 = 15.00; × 1.30 = 19.50 €
        self.assertDecimal(line.powder_kg, '1.500')
        self.assertDecimal(line.powder_price, '19.50')
        self.assertEqual(line.labour_minutes, Decimal(0))
        self.assertDecimal(line.labour_cost, '0.00')
        self.assertDecimal(line.labour_price, '0.00')
        self.assertDecimal(line.consumables, '0.00')
        self.assertDecimal(line.total, '19.50')

    def test_input_types(self):
        "int, str and Decimal inputs give the same price."
        as_str = LineInput('3', '4', '2', '14.50', '8.5', '20')
        as_decimal = LineInput(Decimal(3), Decimal(4), Decimal(2),
            Decimal('14.5'), Decimal('8.50'), Decimal(20))
        settings = Settings('45', '0.3', '0.2', consumables_rate='0.8')
        self.assertEqual(as_str, as_decimal)
        self.assertIsInstance(as_str.quantity, int)
        self.assertEqual(price_line(as_str, settings),
            price_line(gates(), workshop()))
        for value in dataclasses.asdict(price_line(as_str, settings)).values():
            self.assertIsInstance(value, Decimal)

    def test_frozen(self):
        with self.assertRaises(dataclasses.FrozenInstanceError):
            gates().quantity = 4
        with self.assertRaises(dataclasses.FrozenInstanceError):
            price_line(gates(), workshop()).total = Decimal(0)


class QuoteTestCase(PricingTestCase):

    def test_quote(self):
        "Lines, the fixed fee once, VAT on the untaxed amount."
        quote = price_quote([gates(), brackets()], workshop())
        self.assertIsInstance(quote, QuoteBreakdown)
        self.assertEqual([line.total for line in quote.lines],
            [Decimal('126.44'), Decimal('153.64')])
        self.assertDecimal(quote.fixed_fee, '35.00')
        # untaxed: 126.44 + 153.64 + 35.00 = 315.08 €
        self.assertDecimal(quote.untaxed, '315.08')
        # VAT: 315.08 × 20 % = 63.016 → 63.02 €
        self.assertDecimal(quote.tax, '63.02')
        # total: 315.08 + 63.02 = 378.10 €
        self.assertDecimal(quote.total, '378.10')

    def test_vat_half_cent(self):
        "VAT rounded half up to the cent (5.5 % here)."
        line = LineInput(1, 1, 1, 0, 8, labour_minutes=3)
        quote = price_quote([line], Settings(60, 0, 0,
                vat_rate=Decimal('0.055')))
        # labour: 3 min × 60 €/h / 60 = 3.00 €; no fee
        self.assertDecimal(quote.fixed_fee, '0.00')
        self.assertDecimal(quote.untaxed, '3.00')
        # 3.00 × 5.5 % = 0.165 → 0.17 € (half even would give 0.16)
        self.assertDecimal(quote.tax, '0.17')
        self.assertDecimal(quote.total, '3.17')

    def test_no_vat_fee_rounded(self):
        "VAT 0 (export); a fee typed with more decimals shown to the cent."
        quote = price_quote([gates()], workshop(fixed_fee='12.345',
                vat_rate=0))
        # fee: 12.345 → 12.35 €; untaxed 126.44 + 12.35 = 138.79 €
        self.assertDecimal(quote.fixed_fee, '12.35')
        self.assertDecimal(quote.untaxed, '138.79')
        self.assertDecimal(quote.tax, '0.00')
        self.assertDecimal(quote.total, '138.79')

    def test_lines_iterable(self):
        "Lines may come from any iterable; their order is kept."
        quote = price_quote(iter([brackets(), gates()]), workshop())
        self.assertEqual([line.total for line in quote.lines],
            [Decimal('153.64'), Decimal('126.44')])

    def test_empty_quote(self):
        self.assertError('lines', price_quote, [], workshop())


class ErrorTestCase(PricingTestCase):
    "Each value that cannot be priced raises PricingError naming it."

    def line(self, **values):
        values = {**dataclasses.asdict(gates()), **values}
        return LineInput(**values)

    def test_quantity(self):
        for quantity in (0, -1, '2.5', 'three', True, None):
            self.assertError('quantity', self.line, quantity=quantity)

    def test_coats(self):
        for coats in (0, 4, '1.5'):
            self.assertError('coats', self.line, coats=coats)

    def test_surface(self):
        for surface in (0, '-0.5', 'NaN', 'Infinity'):
            self.assertError('surface', self.line, surface=surface)

    def test_coverage(self):
        self.assertError('coverage', self.line, coverage=0)

    def test_powder_price(self):
        self.assertError('powder_price', self.line, powder_price='-0.01')

    def test_labour_minutes(self):
        self.assertError('labour_minutes', self.line, labour_minutes=-5)

    def test_coat(self):
        self.assertError('price_per_kg', Coat, -1, '7.5')
        self.assertError('coverage', Coat, 22, 0)
        self.assertError('primer', self.line, primer='zinc')
        self.assertError('varnish', self.line, varnish=Decimal('25.40'))

    def test_settings(self):
        for name in ('hourly_rate', 'powder_margin', 'labour_margin',
                'fixed_fee', 'consumables_rate', 'sandblasting_rate',
                'masking_rate', 'vat_rate'):
            with self.subTest(name=name):
                self.assertError(name, workshop, **{name: '-0.01'})
                self.assertError(name, workshop, **{name: 'x'})
        # 20 typed for 20 %: refused rather than billing 2000 % of VAT
        error = self.assertError('vat_rate', workshop, vat_rate=20)
        self.assertIn('0.20', str(error))

    def test_message(self):
        error = self.assertError('quantity', self.line, quantity=0)
        self.assertEqual(str(error),
            'quantity must be an integer of at least 1, got 0')
        error = self.assertError('coats', self.line, coats=4)
        self.assertEqual(str(error),
            'coats must be an integer from 1 to 3, got 4')
