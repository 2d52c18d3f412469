# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The workshop's powder catalogue: what a quote line is coated with."""
from decimal import Decimal

from trytond.i18n import gettext
from trytond.model import (
    DeactivableMixin, ModelSQL, ModelView, Unique, fields)
from trytond.model.exceptions import ValidationError
from trytond.modules.connector import hub
from trytond.modules.connector.exceptions import (
    ConnectorError, ConnectorUnavailableError)
from trytond.modules.saas.audit import AuditMixin
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.pool import Pool
from trytond.pyson import Bool, Eval

from .pricing import PricingError, coverage
from .tools import match_any

POWDER_TYPES = [
    ('epoxy', "Epoxy"),
    ('polyester', "Polyester"),
    ('epoxy_polyester', "Epoxy-Polyester"),
    ('polyurethane', "Polyurethane"),
    ('acrylic', "Acrylic"),
    ('primer', "Primer"),
    ('varnish', "Clear Varnish"),
    ]
FINISHES = [
    ('matt', "Matt"),
    ('satin', "Satin"),
    ('gloss', "Gloss"),
    ('textured', "Textured"),
    ('metallic', "Metallic"),
    ('sanded', "Sanded"),
    ('hammered', "Hammered"),
    ]


class Powder(AuditMixin, TenantOwnedMixin, DeactivableMixin, ModelSQL,
        ModelView):
    "Powder"
    __name__ = 'powder_coating.powder'
    __string__ = "Powder"
    _audit_fields = {'price_per_kg', 'cure_temperature', 'cure_minutes'}

    brand = fields.Char("Brand", required=True)
    reference = fields.Char("Reference", required=True,
        help="The supplier's reference: for Thermopoudre, typing it and "
        "clicking \"Import\" fills the powder from the catalogue.")
    name = fields.Char("Name")
    powder_type = fields.Selection(POWDER_TYPES, "Type", required=True)
    ral = fields.Many2One('powder_coating.ral', "RAL Shade",
        ondelete='RESTRICT')
    ral_swatch = fields.Function(fields.Binary("Swatch"), 'get_ral_swatch')
    finish = fields.Selection(FINISHES, "Finish", required=True)
    specific_gravity = fields.Numeric("Specific Gravity", digits=(4, 2),
        required=True, domain=[('specific_gravity', '>', 0)],
        help="Density of the powder (g/cm³), from its data sheet.")
    thickness = fields.Integer("Recommended Thickness (µm)", required=True,
        domain=[('thickness', '>', 0)])
    efficiency = fields.Numeric("Transfer Efficiency (%)", digits=(5, 2),
        required=True,
        domain=[('efficiency', '>', 0), ('efficiency', '<=', 100)],
        help="Share of the sprayed powder that stays on the part.")
    coverage_override = fields.Numeric("Coverage (m²/kg)", digits=(8, 2),
        domain=['OR',
            ('coverage_override', '=', None),
            ('coverage_override', '>', 0)],
        help="Leave empty to use the coverage computed from gravity, "
        "thickness and efficiency; fill to use your own measure.")
    computed_coverage = fields.Function(fields.Numeric(
            "Computed Coverage (m²/kg)", digits=(8, 2)),
        'on_change_with_computed_coverage')
    coverage = fields.Function(fields.Numeric(
            "Coverage Used (m²/kg)", digits=(8, 2)),
        'on_change_with_coverage')
    cure_temperature = fields.Integer("Cure Temperature (°C)", required=True,
        domain=[('cure_temperature', '>', 0)])
    cure_minutes = fields.Integer("Cure Time (min)", required=True,
        domain=[('cure_minutes', '>', 0)])
    price_per_kg = fields.Numeric("Price per kg", digits=(16, 2),
        required=True, domain=[('price_per_kg', '>=', 0)],
        help="Purchase price excluding VAT.")
    formats = fields.One2Many('powder_coating.powder.format', 'powder',
        "Formats", help="The boxes the powder comes in, with their tare "
        "(used when weighing the stock).")
    url = fields.Char("Supplier Page")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('reference_unique', Unique(t, t.company, t.brand, t.reference),
                'powder_coating.msg_powder_reference_unique'),
            ]
        cls._order = [('brand', 'ASC'), ('reference', 'ASC'), ('id', 'ASC')]
        cls._buttons.update({
                'import_from_catalogue': {
                    'readonly': ~Bool(Eval('reference')),
                    'depends': ['reference'],
                    },
                })

    @staticmethod
    def default_brand():
        return "Thermopoudre"

    @staticmethod
    def default_powder_type():
        return 'polyester'

    @staticmethod
    def default_finish():
        return 'gloss'

    @staticmethod
    def default_specific_gravity():
        return Decimal('1.50')

    @staticmethod
    def default_thickness():
        return 70

    @staticmethod
    def default_efficiency():
        return Decimal('65')

    @staticmethod
    def default_cure_temperature():
        return 200

    @staticmethod
    def default_cure_minutes():
        return 10

    @fields.depends('specific_gravity', 'thickness', 'efficiency')
    def on_change_with_computed_coverage(self, name=None):
        try:
            return coverage(
                (self.efficiency or 0) / Decimal(100),
                self.specific_gravity or 0, self.thickness or 0)
        except PricingError:
            return None

    @fields.depends('coverage_override', methods=[
            'on_change_with_computed_coverage'])
    def on_change_with_coverage(self, name=None):
        return (self.coverage_override
            or self.on_change_with_computed_coverage())

    @fields.depends('reference', 'brand', 'company', 'id', 'ral', 'name',
        'powder_type', 'finish', 'thickness', 'cure_temperature',
        'cure_minutes', 'url', 'specific_gravity', 'price_per_kg',
        'efficiency', 'formats')
    def on_change_reference(self):
        """Typing a catalogue reference on a new powder fills it from the
        workshop's supplier catalogue; a reference not found (or the
        catalogue out of reach) leaves the powder to fill by hand."""
        if not self.reference or (self.id is not None and self.id >= 0):
            return
        try:
            found = hub.call('powder_catalogue', 'atelier_lookup_powder',
                company=self.company, reference=self.reference.strip())
        except (ConnectorError, ConnectorUnavailableError, LookupError):
            return
        if isinstance(found, list):
            found = next((f for f in found if f), None)
        if not found:
            return
        self.apply_catalogue(found)
        Format = Pool().get('powder_coating.powder.format')
        self.formats = [Format(weight=f['weight'], tare=f.get('tare') or 0)
            for f in found.get('formats') or []]

    def get_ral_swatch(self, name):
        return self.ral.swatch if self.ral else None

    def get_rec_name(self, name):
        parts = [self.brand, self.reference]
        if self.ral:
            parts.append(self.ral.rec_name)
        if self.finish:
            parts.append(dict(self.fields_get(['finish'])['finish'][
                        'selection']).get(self.finish, '').lower())
        return ' '.join(p for p in parts if p)

    @classmethod
    def search_rec_name(cls, name, clause):
        return match_any(clause[:3],
            ['reference', 'name', 'brand', 'ral.rec_name'])

    @property
    def label(self):
        "How the shop floor names it: RAL 7016 · Brillant · Polyester."
        selection = self.fields_get(['finish', 'powder_type'])
        finish = dict(selection['finish']['selection']).get(self.finish)
        kind = dict(selection['powder_type']['selection']).get(
            self.powder_type)
        shade = self.ral.code if self.ral else self.reference
        return ' · '.join(p for p in [shade, finish, kind] if p)

    @classmethod
    @ModelView.button
    def import_from_catalogue(cls, powders):
        """Fill each powder from its supplier's catalogue (the workshop's
        powder_catalogue connector): every field is checked first, then
        written; nothing changes if the catalogue is out of reach."""
        pool = Pool()
        RAL = pool.get('powder_coating.ral')
        Format = pool.get('powder_coating.powder.format')
        to_save, formats = [], []
        for powder in powders:
            try:
                found = hub.call('powder_catalogue', 'atelier_lookup_powder',
                    company=powder.company, reference=powder.reference)
            except ConnectorUnavailableError as exception:
                raise ValidationError(gettext(
                        'powder_coating.msg_powder_catalogue_unavailable',
                        reference=powder.reference,
                        error=exception.message)) from exception
            except ConnectorError as exception:
                raise ValidationError(gettext(
                        'powder_coating.msg_powder_catalogue_error',
                        reference=powder.reference,
                        error=exception.message)) from exception
            found = next((f for f in (found if isinstance(found, list)
                            else [found]) if f), None)
            if not found:
                raise ValidationError(gettext(
                        'powder_coating.msg_powder_not_in_catalogue',
                        reference=powder.reference))
            powder.apply_catalogue(found, RAL)
            to_save.append(powder)
            formats.append((powder, found.get('formats') or []))
        cls.save(to_save)
        for powder, values in formats:
            if values:
                Format.delete(list(powder.formats))
                Format.create([{
                            'powder': powder.id,
                            'weight': f['weight'],
                            'tare': f.get('tare') or 0,
                            } for f in values])

    def apply_catalogue(self, found, RAL=None):
        "Set the fields given by a catalogue entry (the connector's dict)."
        if RAL is None:
            RAL = Pool().get('powder_coating.ral')
        for name in ['brand', 'name', 'powder_type', 'finish', 'thickness',
                'cure_temperature', 'cure_minutes', 'url']:
            if found.get(name) is not None:
                setattr(self, name, found[name])
        for name in ['specific_gravity', 'price_per_kg']:
            if found.get(name) is not None:
                setattr(self, name, Decimal(str(found[name])))
        if found.get('efficiency') is not None:
            self.efficiency = Decimal(str(found['efficiency'])) * 100
        if found.get('ral'):
            shades = RAL.search([('code', '=', found['ral'])], limit=1)
            self.ral = shades[0] if shades else None


class PowderFormat(ModelSQL, ModelView):
    "Powder Format"
    __name__ = 'powder_coating.powder.format'
    __string__ = "Powder Format"

    powder = fields.Many2One('powder_coating.powder', "Powder",
        required=True, ondelete='CASCADE')
    weight = fields.Numeric("Net Weight (kg)", digits=(8, 3), required=True,
        domain=[('weight', '>', 0)])
    tare = fields.Numeric("Box Tare (kg)", digits=(8, 3), required=True,
        domain=[('tare', '>=', 0)],
        help="The weight of the empty box, taken off when weighing.")

    @staticmethod
    def default_tare():
        return Decimal('0.6')

    def get_rec_name(self, name):
        return f'{self.weight} kg'
