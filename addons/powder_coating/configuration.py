# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""A workshop's pricing and quoting settings (one record per workshop)."""
from decimal import Decimal

from trytond.model import ModelSQL, ModelView, Unique, fields
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.pool import Pool
from trytond.pyson import Eval, Id
from trytond.transaction import Transaction, without_check_access

from .pricing import Settings

PERCENT = (5, 2)
MONEY = (16, 2)


class Configuration(TenantOwnedMixin, ModelSQL, ModelView):
    "Powder Coating Settings"
    __name__ = 'powder_coating.configuration'
    __string__ = "Powder Coating Settings"

    hourly_rate = fields.Numeric("Hourly Rate", digits=MONEY, required=True,
        domain=[('hourly_rate', '>=', 0)],
        help="The cost of one hour of labour, excluding VAT.")
    powder_margin = fields.Numeric("Powder Margin (%)", digits=PERCENT,
        required=True, domain=[('powder_margin', '>=', 0)],
        help="Added to the cost of the powder used.")
    labour_margin = fields.Numeric("Labour Margin (%)", digits=PERCENT,
        required=True, domain=[('labour_margin', '>=', 0)],
        help="Added to the cost of labour.")
    fixed_fee = fields.Numeric("Fixed Fee", digits=MONEY, required=True,
        domain=[('fixed_fee', '>=', 0)],
        help="Added once to every quote (handling, file).")
    consumables_rate = fields.Numeric("Consumables and Energy per m²",
        digits=(16, 4), required=True,
        domain=[('consumables_rate', '>=', 0)],
        help="Per square metre and per coat: gas, electricity, hooks.")
    sandblasting_rate = fields.Numeric("Sandblasting per m²", digits=MONEY,
        required=True, domain=[('sandblasting_rate', '>=', 0)])
    masking_rate = fields.Numeric("Masking per Part", digits=MONEY,
        required=True, domain=[('masking_rate', '>=', 0)])
    vat_rate = fields.Numeric("VAT Rate (%)", digits=PERCENT, required=True,
        domain=[('vat_rate', '>=', 0)])
    duplicate_email = fields.Boolean("Same Email",
        help="Two clients with the same email are suspected duplicates.")
    duplicate_phone = fields.Boolean("Same Phone",
        help="Two clients with the same phone (in any notation) are "
        "suspected duplicates.")
    duplicate_name = fields.Boolean("Same Name",
        help="Two clients with the same last and first name are "
        "suspected duplicates.")
    quote_validity = fields.Integer("Quote Validity (days)", required=True,
        domain=[('quote_validity', '>', 0)],
        help="A sent quote not signed within this delay expires.")
    reminder_first = fields.Integer("First Reminder (days)", required=True,
        domain=[('reminder_first', '>', 0)],
        help="Days after sending to remind the client of an unsigned quote.")
    reminder_second = fields.Integer("Second Reminder (days)", required=True,
        domain=[('reminder_second', '>', 0)])
    quote_template = fields.Many2One('powder_coating.quote.template',
        "Quote Template", ondelete='SET NULL',
        domain=[('company', '=', Eval('company', -1))],
        help="The look of new quotes; each quote can use another one.")
    quote_sequence = fields.Many2One('ir.sequence', "Quote Sequence",
        required=True,
        domain=[
            ('sequence_type', '=', Id('powder_coating', 'sequence_type_quote')),
            ('company', 'in', [Eval('company', -1), None]),
            ],
        help="Numbers the workshop's quotes (DEV-2026-0001 by default).")
    part_sequence = fields.Many2One('ir.sequence', "Part Sequence",
        domain=[
            ('sequence_type', '=', Id('powder_coating', 'sequence_type_part')),
            ('company', 'in', [Eval('company', -1), None]),
            ],
        help="Numbers the parts' labels (P-00001 by default).")
    batch_sequence = fields.Many2One('ir.sequence', "Batch Sequence",
        domain=[
            ('sequence_type', '=', Id('powder_coating',
                    'sequence_type_batch')),
            ('company', 'in', [Eval('company', -1), None]),
            ],
        help="Numbers the batches (S-00001 by default).")
    oven_length = fields.Integer("Oven Length (mm)",
        domain=['OR', ('oven_length', '=', None), ('oven_length', '>', 0)],
        help="Inner dimensions of the curing oven.")
    oven_width = fields.Integer("Oven Width (mm)",
        domain=['OR', ('oven_width', '=', None), ('oven_width', '>', 0)])
    oven_height = fields.Integer("Oven Height (mm)",
        domain=['OR', ('oven_height', '=', None), ('oven_height', '>', 0)])
    hook_height = fields.Integer("Hook Height (mm)", required=True,
        domain=[('hook_height', '>=', 0)],
        help="Height taken by the hook above each hanging part.")
    oven_margin = fields.Integer("Safety Margin (mm)", required=True,
        domain=[('oven_margin', '>=', 0)],
        help="Minimum gap between two parts and between a part and the "
        "walls: parts must never touch.")
    label_width = fields.Integer("Label Width (mm)", required=True,
        domain=[('label_width', '>=', 30)])
    label_height = fields.Integer("Label Height (mm)", required=True,
        domain=[('label_height', '>=', 20)])
    ready_photo = fields.Boolean("Attach a Photo",
        help="The \"ready\" email carries the project's latest photo.")
    ready_report = fields.Boolean("Attach the Final Report",
        help="The \"ready\" email carries the final report (PDF).")
    weigh_daily_count = fields.Integer("Boxes to Weigh per Day",
        required=True, domain=[('weigh_daily_count', '>=', 0)],
        help="How many powders the daily list proposes to weigh "
        "(one of them drawn at random so every powder comes up).")
    photo_watermark = fields.Boolean("Watermark Photos",
        help="Draw the workshop's logo on the photos (not on the originals).")
    portal_photos = fields.Selection([
            ('none', "None"),
            ('thumbnail', "Thumbnails"),
            ('high', "High Quality"),
            ], "Photos in the Client Portal", required=True, sort=False,
        help="What clients see of their parts' photos in their space. High "
        "quality only for the clients who agreed to it (photo consent), "
        "thumbnails for the others.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('company_unique', Unique(t, t.company),
                'powder_coating.msg_configuration_unique'),
            ]

    @staticmethod
    def default_hourly_rate():
        return Decimal('45')

    @staticmethod
    def default_powder_margin():
        return Decimal('30')

    @staticmethod
    def default_labour_margin():
        return Decimal('20')

    @staticmethod
    def default_fixed_fee():
        return Decimal('0')

    @staticmethod
    def default_consumables_rate():
        return Decimal('0.80')

    @staticmethod
    def default_sandblasting_rate():
        return Decimal('12')

    @staticmethod
    def default_masking_rate():
        return Decimal('3')

    @staticmethod
    def default_vat_rate():
        return Decimal('20')

    @staticmethod
    def default_duplicate_email():
        return True

    @staticmethod
    def default_duplicate_phone():
        return True

    @staticmethod
    def default_duplicate_name():
        return True

    @staticmethod
    def default_quote_validity():
        return 30

    @staticmethod
    def default_reminder_first():
        return 2

    @staticmethod
    def default_reminder_second():
        return 7

    @staticmethod
    def default_hook_height():
        return 100

    @staticmethod
    def default_oven_margin():
        return 50

    @staticmethod
    def default_label_width():
        return 70

    @staticmethod
    def default_label_height():
        return 50

    @staticmethod
    def default_ready_photo():
        return True

    @staticmethod
    def default_ready_report():
        return True

    @staticmethod
    def default_weigh_daily_count():
        return 3

    @staticmethod
    def default_photo_watermark():
        return False

    @staticmethod
    def default_portal_photos():
        return 'thumbnail'

    def get_rec_name(self, name):
        return self.company.rec_name if self.company else ''

    @classmethod
    def get(cls, company=None, create=False):
        """The settings of `company` (the context's by default). Until the
        workshop saves its own, the defaults apply; with `create` they are
        saved (with the workshop's quote sequence) the first time."""
        if company is None:
            company = Transaction().context.get('company')
        if company is None:
            return None
        with without_check_access():
            records = cls.search([('company', '=', int(company))], limit=1)
            if records:
                return records[0]
            if not create:
                values = cls.default_get(list(cls._fields), with_rec_name=False)
                values['company'] = int(company)
                return cls(**values)
            with Transaction().set_context(company=int(company)):
                record = cls(company=int(company),
                    quote_sequence=cls.create_quote_sequence(int(company)))
                record.save()
        return record

    @classmethod
    def create_quote_sequence(cls, company):
        "The workshop's own quote numbering: DEV-2026-0001."
        pool = Pool()
        Sequence = pool.get('ir.sequence')
        ModelData = pool.get('ir.model.data')
        sequence, = Sequence.create([{
                    'name': "Devis",
                    'sequence_type': ModelData.get_id(
                        'powder_coating', 'sequence_type_quote'),
                    'company': company,
                    'prefix': 'DEV-${year}-',
                    'padding': 4,
                    }])
        return sequence

    @classmethod
    def next_part_number(cls, company):
        "The next label number of the workshop (P-00001)."
        return cls._next_number(company, 'part', "Pièces", 'P-')

    @classmethod
    def next_batch_number(cls, company):
        "The next batch number of the workshop (S-00001)."
        return cls._next_number(company, 'batch', "Séries", 'S-')

    @classmethod
    def _next_number(cls, company, kind, name, prefix):
        """The next number of the workshop's own sequence of `kind`,
        created the first time."""
        pool = Pool()
        Sequence = pool.get('ir.sequence')
        ModelData = pool.get('ir.model.data')
        settings = cls.get(company, create=True)
        field = kind + '_sequence'
        with without_check_access():
            if not getattr(settings, field):
                sequence, = Sequence.create([{
                            'name': name,
                            'sequence_type': ModelData.get_id(
                                'powder_coating', 'sequence_type_' + kind),
                            'company': int(company),
                            'prefix': prefix,
                            'padding': 5,
                            }])
                setattr(settings, field, sequence)
                settings.save()
            with Transaction().set_context(company=int(company)):
                return getattr(settings, field).get()

    @property
    def pricing(self):
        "The settings as the pure pricing module takes them."
        hundred = Decimal(100)
        return Settings(
            hourly_rate=self.hourly_rate,
            powder_margin=self.powder_margin / hundred,
            labour_margin=self.labour_margin / hundred,
            fixed_fee=self.fixed_fee,
            consumables_rate=self.consumables_rate,
            sandblasting_rate=self.sandblasting_rate,
            masking_rate=self.masking_rate,
            vat_rate=self.vat_rate / hundred)
