# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Price of a powder-coating (thermolaquage) quote, as pure functions.

No ORM here: the quote models build `LineInput` and `Settings` from their
records and show the `LineBreakdown` of each line, so every price the client
sees can be traced back to surface, powder, minutes and the workshop's rates.

Amounts are `Decimal`, never floats; inputs may be int, str or Decimal (each
is read as ``Decimal(str(value))``).

Rounding rule (one rule, everywhere): ROUND_HALF_UP, as a client rounds by
hand. Surfaces are rounded to 0.0001 m², powder weights to 0.001 kg and every
money component to the cent. Each figure of the breakdown is computed from
the rounded figures shown above it (cost from the shown kilograms, price from
the shown cost), and a total is the sum of its rounded components, so the
breakdown adds up exactly to the total the client sees.
"""
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Optional

__all__ = [
    'PricingError', 'coverage', 'surface_from_dimensions',
    'Coat', 'LineInput', 'Settings', 'LineBreakdown', 'QuoteBreakdown',
    'price_line', 'price_quote',
    ]

ZERO = Decimal(0)
ONE = Decimal(1)
CENT = Decimal('0.01')        # money, and coverage in m²/kg
GRAM = Decimal('0.001')       # powder weights in kg
SURFACE = Decimal('0.0001')   # surfaces in m²
MAX_COATS = 3


class PricingError(ValueError):
    """Input that cannot be priced; `name` is the offending value's name, so
    the Tryton layer can show a translated message next to the right field.
    """

    def __init__(self, name, message):
        super().__init__(message)
        self.name = name


def _round(value, exponent):
    return value.quantize(exponent, rounding=ROUND_HALF_UP)


def _decimal(value, name):
    "Read value as a finite Decimal (through str, so never a binary float)."
    if isinstance(value, Decimal):
        result = value
    else:
        try:
            result = Decimal(str(value))
        except (InvalidOperation, ValueError, TypeError):
            result = None
    if result is None or not result.is_finite():
        raise PricingError(name, '%s must be a number, got %r' % (name, value))
    return result


def _positive(value, name):
    result = _decimal(value, name)
    if result <= 0:
        raise PricingError(name,
            '%s must be greater than 0, got %s' % (name, value))
    return result


def _not_negative(value, name):
    result = _decimal(value, name)
    if result < 0:
        raise PricingError(name,
            '%s must not be negative, got %s' % (name, value))
    return result


def _integer(value, name, minimum, maximum=None):
    "A whole number in [minimum, maximum]: parts, faces or coats."
    if isinstance(value, bool):
        value = repr(value)   # True is not a quantity
    result = _decimal(value, name)
    if (result != result.to_integral_value()
            or result < minimum
            or (maximum is not None and result > maximum)):
        if maximum is None:
            expected = 'an integer of at least %d' % minimum
        else:
            expected = 'an integer from %d to %d' % (minimum, maximum)
        raise PricingError(name,
            '%s must be %s, got %s' % (name, expected, value))
    return int(result)


def coverage(efficiency, specific_gravity, thickness):
    """Practical coverage in m² per kg of a powder: the theoretical
    1000 / (specific gravity × thickness in µm), times the transfer
    efficiency (the share of sprayed powder that ends on the part, 0.65 for
    65 %). Rounded to 0.01 m²/kg, as printed on powder data sheets.
    """
    efficiency = _decimal(efficiency, 'efficiency')
    if not ZERO < efficiency <= ONE:
        raise PricingError('efficiency',
            'efficiency must be a fraction greater than 0 and at most 1 '
            '(0.65 for 65 %%), got %s' % efficiency)
    specific_gravity = _positive(specific_gravity, 'specific_gravity')
    thickness = _positive(thickness, 'thickness')
    return _round(
        1000 * efficiency / (specific_gravity * thickness), CENT)


def surface_from_dimensions(length, width, faces):
    """Coated surface of one part in m², from its length and width in mm and
    the number of faces sprayed (2 for both sides of a flat panel or gate).
    Rounded to 0.0001 m².
    """
    length = _positive(length, 'length')
    width = _positive(width, 'width')
    faces = _integer(faces, 'faces', 1)
    return _round(length * width * faces / 1000000, SURFACE)


@dataclass(frozen=True)
class Coat:
    "An extra powder applied in one coat: the primer or the varnish."
    price_per_kg: Decimal
    coverage: Decimal

    def __post_init__(self):
        object.__setattr__(self, 'price_per_kg',
            _not_negative(self.price_per_kg, 'price_per_kg'))
        object.__setattr__(self, 'coverage',
            _positive(self.coverage, 'coverage'))


@dataclass(frozen=True)
class LineInput:
    """One quote line: `quantity` identical parts of `surface` m² each, in
    `coats` coats of a powder at `powder_price` €/kg covering `coverage`
    m²/kg, with `labour_minutes` of hand work per part and the options.
    """
    quantity: int
    surface: Decimal
    coats: int
    powder_price: Decimal
    coverage: Decimal
    labour_minutes: Decimal = ZERO
    primer: Optional[Coat] = None
    varnish: Optional[Coat] = None
    sandblasting: bool = False
    masking: bool = False

    def __post_init__(self):
        def set_(name, value):
            object.__setattr__(self, name, value)
        set_('quantity', _integer(self.quantity, 'quantity', 1))
        set_('surface', _positive(self.surface, 'surface'))
        set_('coats', _integer(self.coats, 'coats', 1, MAX_COATS))
        set_('powder_price', _not_negative(self.powder_price, 'powder_price'))
        set_('coverage', _positive(self.coverage, 'coverage'))
        set_('labour_minutes',
            _not_negative(self.labour_minutes, 'labour_minutes'))
        for name in ('primer', 'varnish'):
            value = getattr(self, name)
            if value is not None and not isinstance(value, Coat):
                raise PricingError(name,
                    '%s must be a Coat or None, got %r' % (name, value))
        set_('sandblasting', bool(self.sandblasting))
        set_('masking', bool(self.masking))


@dataclass(frozen=True)
class Settings:
    """The workshop's rates: hourly labour rate (€/h), margins on powder and
    on labour and the VAT rate as fractions (0.30 for 30 %), a fixed fee per
    quote (€), and the selling rates of consumables and energy (€ per m² and
    per coat: gas of the oven, hooks, filters), sandblasting (€ per m²) and
    masking (€ per part).
    """
    hourly_rate: Decimal
    powder_margin: Decimal
    labour_margin: Decimal
    fixed_fee: Decimal = ZERO
    consumables_rate: Decimal = ZERO
    sandblasting_rate: Decimal = ZERO
    masking_rate: Decimal = ZERO
    vat_rate: Decimal = Decimal('0.20')

    def __post_init__(self):
        def set_(name, value):
            object.__setattr__(self, name, value)
        for name in ('hourly_rate', 'fixed_fee', 'consumables_rate',
                'sandblasting_rate', 'masking_rate'):
            set_(name, _not_negative(getattr(self, name), name))
        for name in ('powder_margin', 'labour_margin'):
            set_(name, _not_negative(getattr(self, name), name))
        vat_rate = _not_negative(self.vat_rate, 'vat_rate')
        if vat_rate >= ONE:
            # 20 instead of 0.20 would bill 2000 % of VAT.
            raise PricingError('vat_rate',
                'vat_rate must be a fraction below 1 (0.20 for 20 %%), '
                'got %s' % self.vat_rate)
        set_('vat_rate', vat_rate)


@dataclass(frozen=True)
class LineBreakdown:
    """What a quote line costs and sells for, component by component.

    `total` is what is billed for the line; `unit_price` (total / quantity,
    rounded) is shown for information only: unit_price × quantity may differ
    from total by a few cents.
    """
    surface_total: Decimal     # m², all parts
    powder_kg: Decimal         # kg of the colour, all coats
    powder_cost: Decimal
    primer_kg: Decimal
    primer_cost: Decimal
    varnish_kg: Decimal
    varnish_cost: Decimal
    powder_price: Decimal      # (powder + primer + varnish cost) + margin
    labour_minutes: Decimal    # all parts
    labour_cost: Decimal
    labour_price: Decimal      # labour cost + margin
    consumables: Decimal
    sandblasting: Decimal
    masking: Decimal
    total: Decimal
    unit_price: Decimal


@dataclass(frozen=True)
class QuoteBreakdown:
    "The lines' breakdowns in input order, the quote's fee, VAT and totals."
    lines: tuple
    fixed_fee: Decimal
    untaxed: Decimal
    tax: Decimal
    total: Decimal


def _coat(surface_total, coat):
    "Kilograms and cost of one coat of a primer or varnish."
    if coat is None:
        return _round(ZERO, GRAM), _round(ZERO, CENT)
    kg = _round(surface_total / coat.coverage, GRAM)
    return kg, _round(kg * coat.price_per_kg, CENT)


def price_line(line, settings):
    """Price one line: powder by weight, labour by the minute, consumables
    per m² and per coat, options; margins on powder and labour only (the
    other rates are already selling prices).
    """
    surface_total = _round(line.surface * line.quantity, SURFACE)
    powder_kg = _round(surface_total * line.coats / line.coverage, GRAM)
    powder_cost = _round(powder_kg * line.powder_price, CENT)
    primer_kg, primer_cost = _coat(surface_total, line.primer)
    varnish_kg, varnish_cost = _coat(surface_total, line.varnish)
    powder_price = _round(
        (powder_cost + primer_cost + varnish_cost)
        * (ONE + settings.powder_margin), CENT)

    labour_minutes = line.labour_minutes * line.quantity
    labour_cost = _round(labour_minutes * settings.hourly_rate / 60, CENT)
    labour_price = _round(labour_cost * (ONE + settings.labour_margin), CENT)

    coats_applied = (line.coats + (line.primer is not None)
        + (line.varnish is not None))
    consumables = _round(
        surface_total * coats_applied * settings.consumables_rate, CENT)
    sandblasting = _round(
        surface_total * settings.sandblasting_rate if line.sandblasting
        else ZERO, CENT)
    masking = _round(
        line.quantity * settings.masking_rate if line.masking else ZERO,
        CENT)

    total = powder_price + labour_price + consumables + sandblasting + masking
    return LineBreakdown(
        surface_total=surface_total,
        powder_kg=powder_kg,
        powder_cost=powder_cost,
        primer_kg=primer_kg,
        primer_cost=primer_cost,
        varnish_kg=varnish_kg,
        varnish_cost=varnish_cost,
        powder_price=powder_price,
        labour_minutes=labour_minutes,
        labour_cost=labour_cost,
        labour_price=labour_price,
        consumables=consumables,
        sandblasting=sandblasting,
        masking=masking,
        total=_round(total, CENT),
        unit_price=_round(total / line.quantity, CENT),
        )


def price_quote(lines, settings):
    """Price a quote: its lines, the workshop's fixed fee once per quote,
    then VAT on the untaxed amount, rounded to the cent.
    """
    breakdowns = tuple(price_line(line, settings) for line in lines)
    if not breakdowns:
        raise PricingError('lines', 'a quote needs lines, got none')
    fixed_fee = _round(settings.fixed_fee, CENT)
    untaxed = sum((b.total for b in breakdowns), fixed_fee)
    tax = _round(untaxed * settings.vat_rate, CENT)
    return QuoteBreakdown(
        lines=breakdowns,
        fixed_fee=fixed_fee,
        untaxed=untaxed,
        tax=tax,
        total=untaxed + tax,
        )
