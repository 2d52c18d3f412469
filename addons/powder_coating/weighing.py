# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Weighing a box: gross weight less the box's tare is the powder left;
with the sealed boxes counted on the shelf it is the real stock, which
replaces the theoretical one through a Tryton inventory. Every weighing
is kept (who, when, box, gross, tare, net, the gap to theory)."""
import datetime as dt

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.model.exceptions import ValidationError
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.pool import Pool
from trytond.pyson import Eval, If
from trytond.transaction import Transaction, without_check_access
from trytond.wizard import Button, StateTransition, StateView, Wizard

from . import stock_planning
from .powder_stock import (
    StockJournalMixin, box_of, stock_by_powder, stock_error, storage_location)
from .stock_planning import StockError
from .tools import kg_text

KG = (10, 3)


class Weighing(StockJournalMixin, TenantOwnedMixin, ModelSQL, ModelView):
    "Powder Weighing"
    __name__ = 'powder_coating.weighing'
    __string__ = "Powder Weighing"

    weighed_at = fields.DateTime("Weighed at", required=True, readonly=True)
    user = fields.Many2One('res.user', "Weighed by", readonly=True)
    powder = fields.Many2One('powder_coating.powder', "Powder",
        required=True, readonly=True, ondelete='RESTRICT')
    format = fields.Many2One('powder_coating.powder.format', "Box",
        readonly=True, ondelete='RESTRICT')
    gross = fields.Numeric("Gross (kg)", digits=KG, required=True,
        readonly=True)
    tare = fields.Numeric("Tare (kg)", digits=KG, required=True,
        readonly=True)
    net = fields.Numeric("Net (kg)", digits=KG, required=True,
        readonly=True, help="Powder left in the box: gross less tare.")
    sealed_boxes = fields.Integer("Sealed Boxes", readonly=True,
        help="Full boxes counted on the shelf beside the weighed one.")
    real_kg = fields.Numeric("Real Stock (kg)", digits=KG, required=True,
        readonly=True)
    theoretical_kg = fields.Numeric("Theoretical Stock (kg)", digits=KG,
        required=True, readonly=True)
    gap_kg = fields.Numeric("Gap (kg)", digits=KG, required=True,
        readonly=True, help="Real less theoretical: negative when powder "
        "went missing (spills, overspray, unrecorded jobs).")
    reliability = fields.Numeric("Reliability after (%)", digits=(4, 1),
        readonly=True)
    inventory = fields.Many2One('stock.inventory', "Inventory",
        readonly=True, ondelete='RESTRICT')
    uuid = fields.Char("Tablet Identifier", readonly=True,
        help="The workshop mode's identifier of the weighing: sent again "
        "after a lost answer, it is not recorded twice.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('weighed_at', 'DESC'), ('id', 'DESC')]

    @classmethod
    def view_attributes(cls):
        return super().view_attributes() + [
            ('/tree/field[@name="gap_kg"]', 'visual',
                If(Eval('gap_kg', 0) < 0, 'warning', '')),
            ]

    def get_rec_name(self, name):
        return f'{self.powder.rec_name} · {self.real_kg} kg'

    @classmethod
    def weigh(cls, powder, gross, format=None, sealed_boxes=0, uuid=None,
            at=None):
        """Record a weighing of `powder`'s open box and set its real stock.
        Everything is checked before anything is written: a box without
        tare, a gross weight under the tare, a format of another powder
        or negative sealed boxes are refused with a message. `at`: when
        it was weighed (now by default; the demo's history is older)."""
        pool = Pool()
        Powder = pool.get('powder_coating.powder')
        Inventory = pool.get('stock.inventory')
        Task = pool.get('powder_coating.weigh_task')
        Date = pool.get('ir.date')
        if format is None and len(powder.formats) == 1:
            format, = powder.formats
        if format is None:
            raise ValidationError(gettext(
                    'powder_coating.msg_weighing_format',
                    powder=powder.rec_name))
        if format.powder != powder:
            raise ValidationError(gettext(
                    'powder_coating.msg_receipt_format',
                    powder=powder.rec_name))
        names = {'powder': powder.rec_name, 'format': format.rec_name,
            'tare': kg_text(format.tare), 'gross': kg_text(gross)}
        try:
            net = stock_planning.weighing_net(gross, format.tare)
            real = stock_planning.real_stock(
                net, sealed_boxes or 0, format.weight)
        except StockError as exception:
            raise stock_error(exception, **names) from exception
        Powder.ensure_products([powder])
        company = powder.company
        if at is None:
            at = dt.datetime.now()
            with Transaction().set_context(company=company.id):
                today = Date.today()
        else:
            today = at.date()
        theoretical = stock_by_powder([powder], date=today)[powder.id]
        score = stock_planning.reliability(
            powder.reliability, theoretical, real)
        with without_check_access(), \
                Transaction().set_context(company=company.id):
            inventory = Inventory(company=company, date=today,
                location=storage_location(), empty_quantity='keep')
            inventory.save()
            Inventory.write([inventory], {'lines': [('create', [{
                                'product': powder.product.id,
                                'quantity': powder.product.default_uom.round(
                                    float(real)),
                                }])]})
            Inventory.confirm([inventory])
        weighing = cls(company=company, weighed_at=at,
            user=Transaction().user, powder=powder, format=format,
            gross=gross, tare=format.tare, net=net,
            sealed_boxes=sealed_boxes or 0, real_kg=real,
            theoretical_kg=theoretical, gap_kg=real - theoretical,
            reliability=score, inventory=inventory, uuid=uuid)
        weighing.save()
        with without_check_access():
            Powder.write([powder], {
                    'reliability': score,
                    'last_weighed': weighing.weighed_at,
                    })
        Task.mark_weighed(weighing)
        return weighing


class WeighStart(ModelView):
    "Weigh a Box"
    __name__ = 'powder_coating.weigh.start'
    __string__ = "Weigh a Box"

    powder = fields.Many2One('powder_coating.powder', "Powder",
        required=True)
    format = fields.Many2One('powder_coating.powder.format', "Box",
        required=True, domain=[('powder', '=', Eval('powder', -1))],
        help="The box on the scale: its tare is taken off.")
    tare = fields.Numeric("Tare (kg)", digits=KG, readonly=True)
    gross = fields.Numeric("Gross Weight (kg)", digits=KG, required=True,
        help="What the scale shows, box included.")
    sealed_boxes = fields.Integer("Sealed Boxes", required=True,
        domain=[('sealed_boxes', '>=', 0)],
        help="Full, unopened boxes of this powder on the shelf.")
    theoretical_kg = fields.Numeric("Theoretical Stock (kg)", digits=KG,
        readonly=True)

    @fields.depends('powder', 'format', methods=['on_change_format'])
    def on_change_powder(self):
        self.format = box_of(self.powder, self.format)
        self.theoretical_kg = (self.powder.stock_kg
            if self.powder else None)
        self.on_change_format()

    @fields.depends('format')
    def on_change_format(self):
        self.tare = self.format.tare if self.format else None


class WeighDone(ModelView):
    "Weighing Recorded"
    __name__ = 'powder_coating.weigh.done'
    __string__ = "Weighing Recorded"

    weighing = fields.Many2One('powder_coating.weighing', "Weighing",
        readonly=True)
    net = fields.Numeric("Net (kg)", digits=KG, readonly=True)
    real_kg = fields.Numeric("Real Stock (kg)", digits=KG, readonly=True)
    theoretical_kg = fields.Numeric("Theoretical Stock (kg)", digits=KG,
        readonly=True)
    gap_kg = fields.Numeric("Gap (kg)", digits=KG, readonly=True)
    reliability = fields.Numeric("Reliability (%)", digits=(4, 1),
        readonly=True)


class Weigh(Wizard):
    "Weigh a Box"
    __name__ = 'powder_coating.weigh'
    start = StateView('powder_coating.weigh.start',
        'powder_coating.weigh_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Save the Weighing", 'save_', 'tryton-ok', default=True),
            ])
    save_ = StateTransition()
    done = StateView('powder_coating.weigh.done',
        'powder_coating.weigh_done_view_form', [
            Button("OK", 'end', 'tryton-ok', default=True),
            ])

    def default_start(self, fields):
        values = {'sealed_boxes': 0}
        powder = None
        if self.model and self.record:
            if self.model.__name__ == 'powder_coating.powder':
                powder = self.record
            elif self.model.__name__ == 'powder_coating.weigh_task':
                powder = self.record.powder
        if powder:
            values['powder'] = powder.id
            values['theoretical_kg'] = powder.stock_kg
            if powder.formats:
                values['format'] = powder.formats[0].id
                values['tare'] = powder.formats[0].tare
        return values

    def transition_save_(self):
        Weighing = Pool().get('powder_coating.weighing')
        self.done.weighing = Weighing.weigh(self.start.powder,
            self.start.gross, format=self.start.format,
            sealed_boxes=self.start.sealed_boxes)
        return 'done'

    def default_done(self, fields):
        weighing = self.done.weighing
        return {
            'weighing': weighing.id,
            'net': weighing.net,
            'real_kg': weighing.real_kg,
            'theoretical_kg': weighing.theoretical_kg,
            'gap_kg': weighing.gap_kg,
            'reliability': weighing.reliability,
            }
