# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Live quotes: built in front of the client, priced line by line, sent,
signed, and turned into a project."""
import datetime as dt
from decimal import Decimal

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Workflow, fields, sequence_ordered
from trytond.model.exceptions import AccessError, ValidationError
from trytond.modules.saas.audit import AuditMixin, audit_button
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval
from trytond.transaction import Transaction

from .pricing import (
    Coat, LineInput, PricingError, price_line, price_quote,
    surface_from_dimensions)
from .tools import match_any

STATES = [
    ('draft', "Draft"),
    ('sent', "Sent"),
    ('accepted', "Accepted"),
    ('refused', "Refused"),
    ('expired', "Expired"),
    ]
MONEY = (16, 2)


class Quote(AuditMixin, TenantOwnedMixin, Workflow, ModelSQL, ModelView):
    "Quote"
    __name__ = 'powder_coating.quote'
    __string__ = "Quote"
    _rec_name = 'number'
    _audit_fields = {'party', 'state'}

    number = fields.Char("Number", readonly=True,
        help="Given when the quote is sent, from the workshop's sequence.")
    party = fields.Many2One('party.party', "Client", required=True,
        ondelete='RESTRICT',
        domain=[('company', '=', Eval('company', -1))],
        states={'readonly': Eval('state') != 'draft'})
    reference = fields.Char("Client Reference",
        states={'readonly': Eval('state') != 'draft'})
    date = fields.Date("Date", required=True,
        states={'readonly': Eval('state') != 'draft'})
    validity_date = fields.Date("Valid Until", readonly=True)
    lines = fields.One2Many('powder_coating.quote.line', 'quote', "Parts",
        states={'readonly': Eval('state') != 'draft'})
    notes = fields.Text("Notes",
        help="Shown on the quote under the parts (delays, conditions).")
    template = fields.Many2One('powder_coating.quote.template', "Template",
        ondelete='SET NULL',
        domain=[('company', '=', Eval('company', -1))],
        help="How the quote looks on paper. Empty: the workshop's default "
        "template, else the built-in modern look.")
    state = fields.Selection(STATES, "State", readonly=True, required=True,
        sort=False)
    sent_at = fields.Timestamp("Sent at", readonly=True)
    signature = fields.Many2One('powder_coating.quote.signature',
        "Signature", readonly=True, ondelete='RESTRICT')
    project = fields.Many2One('powder_coating.project', "Project",
        readonly=True, ondelete='RESTRICT')
    currency = fields.Function(fields.Many2One(
            'currency.currency', "Currency"), 'on_change_with_currency')
    fixed_fee = fields.Function(fields.Numeric(
            "Fixed Fee", digits=MONEY), 'get_amounts')
    untaxed_amount = fields.Function(fields.Numeric(
            "Untaxed", digits=MONEY), 'get_amounts')
    tax_amount = fields.Function(fields.Numeric(
            "VAT", digits=MONEY), 'get_amounts')
    total_amount = fields.Function(fields.Numeric(
            "Total", digits=MONEY), 'get_amounts')
    accepted_at = fields.Timestamp("Accepted at", readonly=True,
        help="When the client signed the quote.")
    untaxed_amount_cache = fields.Numeric("Untaxed Sent", digits=MONEY,
        readonly=True,
        help="The untaxed total when the quote was sent (the dashboards "
        "sum it).")
    total_amount_cache = fields.Numeric("Total Sent", digits=MONEY,
        readonly=True,
        help="The total when the quote was sent (the dashboards sum it).")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('date', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {
            ('draft', 'sent'),
            ('sent', 'accepted'),
            ('sent', 'refused'),
            ('sent', 'expired'),
            ('sent', 'draft'),
            ('refused', 'draft'),
            ('expired', 'draft'),
            }
        cls._buttons.update({
                'draft': {
                    'invisible': ~Eval('state').in_(
                        ['sent', 'refused', 'expired']),
                    'icon': 'tryton-back',
                    'depends': ['state'],
                    },
                'send': {
                    'invisible': Eval('state') != 'draft',
                    'readonly': ~Eval('lines', [-1]),
                    'icon': 'tryton-forward',
                    'depends': ['state', 'lines'],
                    },
                'sign': {
                    'invisible': Eval('state') != 'sent',
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    },
                'refuse': {
                    'invisible': Eval('state') != 'sent',
                    'icon': 'tryton-cancel',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_state():
        return 'draft'

    @staticmethod
    def default_date():
        return Pool().get('ir.date').today()

    @classmethod
    def default_template(cls):
        Configuration = Pool().get('powder_coating.configuration')
        settings = Configuration.get(cls.default_company())
        template = getattr(settings, 'quote_template', None)
        return template.id if template else None

    @fields.depends('company')
    def on_change_with_currency(self, name=None):
        return self.company.currency if self.company else None

    @property
    def settings(self):
        Configuration = Pool().get('powder_coating.configuration')
        return Configuration.get(self.company)

    def breakdown(self, pricing=None):
        """The priced quote (pricing.QuoteBreakdown), or None if not
        priceable; `pricing` is the workshop's (read once for many)."""
        if not self.lines:
            return None
        try:
            return price_quote(
                [line.pricing_input for line in self.lines],
                pricing if pricing is not None else self.settings.pricing)
        except (PricingError, TypeError):
            return None

    @classmethod
    def get_amounts(cls, quotes, names):
        result = {n: {} for n in names}
        # The workshop's settings once per workshop, not once per quote
        # (a client's quotes are computed together: the portal's lists).
        pricing = {}
        for quote in quotes:
            company = quote.company.id if quote.company else None
            if company not in pricing:
                pricing[company] = quote.settings.pricing
            breakdown = quote.breakdown(pricing[company])
            values = {
                'fixed_fee': breakdown.fixed_fee if breakdown else None,
                'untaxed_amount': breakdown.untaxed if breakdown else None,
                'tax_amount': breakdown.tax if breakdown else None,
                'total_amount': breakdown.total if breakdown else None,
                }
            for name in names:
                result[name][quote.id] = values[name]
        return result

    def get_rec_name(self, name):
        label = self.number or gettext('powder_coating.msg_quote_draft_name',
            id=self.id)
        if self.party:
            label += ' - ' + self.party.rec_name
        return label

    @classmethod
    def search_rec_name(cls, name, clause):
        return match_any(clause[:3], ['number', 'party.rec_name', 'reference'])

    @classmethod
    def validate_fields(cls, quotes, field_names):
        super().validate_fields(quotes, field_names)
        for quote in quotes:
            if quote.party and quote.party.company != quote.company:
                raise ValidationError(gettext(
                        'powder_coating.msg_quote_party_company',
                        quote=quote.rec_name))

    @classmethod
    def copy(cls, quotes, default=None):
        default = default.copy() if default is not None else {}
        for name in ['number', 'validity_date', 'sent_at', 'signature',
                'project', 'accepted_at', 'untaxed_amount_cache',
                'total_amount_cache']:
            default.setdefault(name, None)
        default.setdefault('date', None)
        return super().copy(quotes, default=default)

    @classmethod
    def delete(cls, quotes):
        for quote in quotes:
            if quote.state != 'draft' or quote.number:
                raise AccessError(gettext(
                        'powder_coating.msg_quote_delete_numbered',
                        quote=quote.rec_name))
        super().delete(quotes)

    @classmethod
    @ModelView.button
    @audit_button
    @Workflow.transition('draft')
    def draft(cls, quotes):
        cls.write(quotes, {
                'untaxed_amount_cache': None,
                'total_amount_cache': None,
                })

    @classmethod
    @ModelView.button
    @audit_button
    @Workflow.transition('sent')
    def send(cls, quotes):
        """Number the quotes, fix their validity and price them; a quote
        without parts or that cannot be priced is refused first."""
        pool = Pool()
        Configuration = pool.get('powder_coating.configuration')
        Date = pool.get('ir.date')
        for quote in quotes:
            quote.check_priceable()
        now = dt.datetime.now()
        for quote in quotes:
            settings = Configuration.get(quote.company, create=True)
            if not quote.number:
                with Transaction().set_context(company=quote.company.id):
                    quote.number = settings.quote_sequence.get()
            today = Date.today()
            quote.date = today
            quote.validity_date = today + dt.timedelta(
                days=settings.quote_validity)
            quote.sent_at = now
            breakdown = quote.breakdown()
            quote.untaxed_amount_cache = breakdown.untaxed
            quote.total_amount_cache = breakdown.total
        cls.save(quotes)

    def check_priceable(self):
        "Refuse a quote without parts, or whose parts cannot be priced."
        if not self.lines:
            raise ValidationError(gettext(
                    'powder_coating.msg_quote_no_lines', quote=self.rec_name))
        for line in self.lines:
            line.check_priceable()

    @classmethod
    @ModelView.button_action('powder_coating.wizard_quote_sign')
    def sign(cls, quotes):
        pass

    @classmethod
    @ModelView.button
    @audit_button
    @Workflow.transition('refused')
    def refuse(cls, quotes):
        pass

    @classmethod
    @audit_button
    @Workflow.transition('accepted')
    def accept(cls, quotes):
        """Accept signed quotes: each becomes a project with its parts.
        Refused without a signature: signing is the client's consent."""
        pool = Pool()
        Project = pool.get('powder_coating.project')
        for quote in quotes:
            if not quote.signature:
                raise ValidationError(gettext(
                        'powder_coating.msg_quote_accept_unsigned',
                        quote=quote.rec_name))
        projects = Project.create_from_quotes(quotes)
        for quote, project in zip(quotes, projects):
            quote.project = project
            quote.accepted_at = quote.signature.signed_at
        cls.save(quotes)

    @classmethod
    def expire_quotes(cls, date=None):
        "Cron: a sent quote past its validity date expires."
        pool = Pool()
        Date = pool.get('ir.date')
        if date is None:
            date = Date.today()
        quotes = cls.search([
                ('state', '=', 'sent'),
                ('validity_date', '<', date),
                ])
        if quotes:
            cls.write(quotes, {'state': 'expired'})
        return quotes


class QuoteLine(AuditMixin, sequence_ordered(), ModelSQL, ModelView):
    "Quote Part"
    __name__ = 'powder_coating.quote.line'
    __string__ = "Quote Part"
    _audit_fields = {'powder', 'coats', 'cure_temperature', 'cure_minutes',
        'primer', 'varnish'}

    quote = fields.Many2One('powder_coating.quote', "Quote", required=True,
        ondelete='CASCADE')
    company = fields.Function(fields.Many2One('company.company', "Company"),
        'on_change_with_company')
    description = fields.Char("Part", required=True,
        help="What is coated: \"Gate 2 m × 1 m\", \"Set of 4 rims\"...")
    quantity = fields.Integer("Quantity", required=True)
    surface_mode = fields.Selection([
            ('dimensions', "From Dimensions"),
            ('surface', "Surface Typed"),
            ], "Surface", required=True, sort=False)
    length = fields.Numeric("Length (mm)", digits=(10, 1),
        states={
            'invisible': Eval('surface_mode') != 'dimensions',
            'required': Eval('surface_mode') == 'dimensions',
            })
    width = fields.Numeric("Width (mm)", digits=(10, 1),
        states={
            'invisible': Eval('surface_mode') != 'dimensions',
            'required': Eval('surface_mode') == 'dimensions',
            })
    faces = fields.Integer("Faces",
        states={
            'invisible': Eval('surface_mode') != 'dimensions',
            'required': Eval('surface_mode') == 'dimensions',
            },
        help="Sides coated: 2 for a sheet painted on both sides.")
    surface = fields.Numeric("Surface per Part (m²)", digits=(10, 4),
        required=True,
        states={'readonly': Eval('surface_mode') == 'dimensions'})
    powder = fields.Many2One('powder_coating.powder', "Powder",
        required=True, ondelete='RESTRICT',
        domain=[
            ('company', '=', Eval('company', -1)),
            ('powder_type', 'not in', ['primer', 'varnish']),
            ])
    coats = fields.Integer("Coats", required=True,
        help="Coats of the powder: 1, 2 or 3.")
    primer = fields.Many2One('powder_coating.powder', "Primer",
        ondelete='RESTRICT',
        domain=[
            ('company', '=', Eval('company', -1)),
            ('powder_type', '=', 'primer'),
            ])
    varnish = fields.Many2One('powder_coating.powder', "Varnish",
        ondelete='RESTRICT',
        domain=[
            ('company', '=', Eval('company', -1)),
            ('powder_type', '=', 'varnish'),
            ])
    cure_temperature = fields.Integer("Cure Temperature (°C)",
        help="From the powder; change it for a heavy part.")
    cure_minutes = fields.Integer("Cure Time (min)")
    sandblasting = fields.Boolean("Sandblasting")
    masking = fields.Boolean("Masking")
    labour_minutes = fields.Numeric("Labour per Part (min)", digits=(10, 1),
        required=True)

    surface_total = fields.Function(fields.Numeric(
            "Total Surface (m²)", digits=(10, 4)), 'get_breakdown')
    powder_kg = fields.Function(fields.Numeric(
            "Powder (kg)", digits=(10, 3)), 'get_breakdown')
    powder_price = fields.Function(fields.Numeric(
            "Powder", digits=MONEY), 'get_breakdown')
    labour_price = fields.Function(fields.Numeric(
            "Labour", digits=MONEY), 'get_breakdown')
    consumables = fields.Function(fields.Numeric(
            "Consumables", digits=MONEY), 'get_breakdown')
    preparation = fields.Function(fields.Numeric(
            "Preparation", digits=MONEY,
            help="Sandblasting and masking."), 'get_breakdown')
    unit_price = fields.Function(fields.Numeric(
            "Unit Price", digits=MONEY), 'get_breakdown')
    total = fields.Function(fields.Numeric(
            "Total", digits=MONEY), 'get_breakdown')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('quote')

    @staticmethod
    def default_quantity():
        return 1

    @staticmethod
    def default_surface_mode():
        return 'dimensions'

    @staticmethod
    def default_faces():
        return 2

    @staticmethod
    def default_coats():
        return 1

    @staticmethod
    def default_labour_minutes():
        return Decimal(0)

    @staticmethod
    def default_sandblasting():
        return False

    @staticmethod
    def default_masking():
        return False

    @fields.depends('quote', '_parent_quote.company')
    def on_change_with_company(self, name=None):
        return self.quote.company if self.quote else None

    @fields.depends('surface_mode', 'length', 'width', 'faces', 'surface')
    def on_change_with_surface(self):
        if self.surface_mode != 'dimensions':
            return self.surface
        try:
            return surface_from_dimensions(
                self.length, self.width, self.faces)
        except (PricingError, TypeError):
            return None

    @fields.depends('powder')
    def on_change_powder(self):
        if self.powder:
            self.cure_temperature = self.powder.cure_temperature
            self.cure_minutes = self.powder.cure_minutes

    @property
    def pricing_input(self):
        "The line as the pure pricing module takes it."
        def coat(powder):
            if powder:
                return Coat(powder.price_per_kg, powder.coverage)
        return LineInput(
            quantity=self.quantity,
            surface=self.surface,
            coats=self.coats,
            powder_price=self.powder.price_per_kg,
            coverage=self.powder.coverage,
            labour_minutes=self.labour_minutes or 0,
            primer=coat(self.primer),
            varnish=coat(self.varnish),
            sandblasting=bool(self.sandblasting),
            masking=bool(self.masking))

    @classmethod
    def get_breakdown(cls, lines, names):
        result = {n: {} for n in names}
        for line in lines:
            try:
                b = price_line(line.pricing_input, line.quote.settings.pricing)
            except (PricingError, TypeError, AttributeError):
                b = None
            values = {
                'surface_total': b and b.surface_total,
                'powder_kg': b and (
                    b.powder_kg + b.primer_kg + b.varnish_kg),
                'powder_price': b and b.powder_price,
                'labour_price': b and b.labour_price,
                'consumables': b and b.consumables,
                'preparation': b and (b.sandblasting + b.masking),
                'unit_price': b and b.unit_price,
                'total': b and b.total,
                }
            for name in names:
                result[name][line.id] = values[name]
        return result

    def check_priceable(self):
        "A clear message for the first value the pricing refuses."
        if self.surface_mode == 'dimensions':
            for value in [self.length, self.width, self.faces]:
                if value is None or value <= 0:
                    raise ValidationError(gettext(
                            'powder_coating.msg_line_dimensions',
                            line=self.description))
        try:
            price_line(self.pricing_input, self.quote.settings.pricing)
        except PricingError as exception:
            raise ValidationError(gettext(
                    'powder_coating.msg_line_not_priceable',
                    line=self.description, error=str(exception))
                ) from exception

    @classmethod
    def validate_fields(cls, lines, field_names):
        super().validate_fields(lines, field_names)
        for line in lines:
            if line.quantity is not None and line.quantity <= 0:
                raise ValidationError(gettext(
                        'powder_coating.msg_line_quantity',
                        line=line.description))
            if line.coats is not None and line.coats not in (1, 2, 3):
                raise ValidationError(gettext(
                        'powder_coating.msg_line_coats',
                        line=line.description))
            if line.surface_mode == 'dimensions':
                for value in [line.length, line.width, line.faces]:
                    if value is not None and value <= 0:
                        raise ValidationError(gettext(
                                'powder_coating.msg_line_dimensions',
                                line=line.description))
            if line.surface is not None and line.surface <= 0:
                raise ValidationError(gettext(
                        'powder_coating.msg_line_surface',
                        line=line.description))
            if line.labour_minutes is not None and line.labour_minutes < 0:
                raise ValidationError(gettext(
                        'powder_coating.msg_line_labour',
                        line=line.description))
            for powder in [line.powder, line.primer, line.varnish]:
                if powder and line.quote and (
                        powder.company != line.quote.company):
                    raise ValidationError(gettext(
                            'powder_coating.msg_line_powder_company',
                            line=line.description))

    @classmethod
    def preprocess_values(cls, mode, values):
        """Keep the surface of a part given by its dimensions consistent;
        the cure comes from the powder unless given."""
        pool = Pool()
        Powder = pool.get('powder_coating.powder')
        values = super().preprocess_values(mode, values)
        if mode == 'create' and values.get('powder'):
            powder = Powder(values['powder'])
            values.setdefault('cure_temperature', powder.cure_temperature)
            values.setdefault('cure_minutes', powder.cure_minutes)
        if values.get('surface_mode', 'dimensions') == 'dimensions' and all(
                values.get(n) is not None
                for n in ['length', 'width', 'faces']):
            try:
                values['surface'] = surface_from_dimensions(
                    values['length'], values['width'], values['faces'])
            except PricingError:
                pass
        return values

    @staticmethod
    def _check_dimension_values(values, description):
        "Refuse zero or negative dimensions before anything is written."
        for name in ['length', 'width', 'faces', 'quantity']:
            value = values.get(name)
            if value is not None and value <= 0:
                raise ValidationError(gettext(
                        'powder_coating.msg_line_quantity'
                        if name == 'quantity'
                        else 'powder_coating.msg_line_dimensions',
                        line=description or ''))

    @classmethod
    def create(cls, vlist):
        for values in vlist:
            cls._check_dimension_values(values, values.get('description'))
        return super().create(vlist)

    @classmethod
    def write(cls, *args):
        actions = iter(args)
        for lines, values in zip(actions, actions):
            for line in lines:
                cls._check_dimension_values(
                    values, values.get('description', line.description))
        super().write(*args)
        # Dimensions changed alone: recompute the surface from them.
        lines = sum(args[::2], [])
        to_fix = []
        for line in cls.browse(lines):
            if line.surface_mode == 'dimensions' and all(
                    v is not None for v in [
                        line.length, line.width, line.faces]):
                try:
                    surface = surface_from_dimensions(
                        line.length, line.width, line.faces)
                except PricingError:
                    continue
                if surface != line.surface:
                    to_fix.extend(([line], {'surface': surface}))
        if to_fix:
            super().write(*to_fix)

    def get_rec_name(self, name):
        return self.description or ''


class Cron(metaclass=PoolMeta):
    __name__ = 'ir.cron'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.method.selection.extend([
                ('powder_coating.quote|expire_quotes', "Expire Quotes"),
                ('powder_coating.quote|remind_quotes',
                    "Remind Unsigned Quotes"),
                ])
