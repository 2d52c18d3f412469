# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Powder receipts: boxes from the supplier, put on the shelf as a done
stock move (from the supplier to the storage zone)."""
from decimal import Decimal

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.model.exceptions import ValidationError
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction, without_check_access
from trytond.wizard import Button, StateAction, StateView, Wizard

from .powder_stock import (
    StockJournalMixin, box_of, kilogram, make_moves, storage_location,
    supplier_location)


class Receipt(StockJournalMixin, TenantOwnedMixin, ModelSQL, ModelView):
    "Powder Receipt"
    __name__ = 'powder_coating.powder.receipt'
    __string__ = "Powder Receipt"

    date = fields.Date("Date", required=True, readonly=True)
    powder = fields.Many2One('powder_coating.powder', "Powder",
        required=True, readonly=True, ondelete='RESTRICT')
    format = fields.Many2One('powder_coating.powder.format', "Box",
        required=True, readonly=True, ondelete='RESTRICT')
    boxes = fields.Integer("Boxes", required=True, readonly=True)
    quantity = fields.Numeric("Quantity (kg)", digits=(10, 3),
        readonly=True)
    unit_price = fields.Numeric("Price per kg", digits=(16, 4),
        readonly=True)
    reference = fields.Char("Delivery Note", readonly=True)
    user = fields.Many2One('res.user', "Received by", readonly=True)
    move = fields.Many2One('stock.move', "Stock Move", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('date', 'DESC'), ('id', 'DESC')]

    def get_rec_name(self, name):
        return f'{self.powder.rec_name} · {self.boxes} × {self.format.rec_name}'

    @classmethod
    def receive(cls, powder, format, boxes, reference=None,
            unit_price=None, date=None):
        """Record `boxes` boxes of `format` of `powder` and put them on
        the shelf. Refused, with nothing written, for no box, a negative
        count or a format of another powder."""
        pool = Pool()
        Date = pool.get('ir.date')
        Powder = pool.get('powder_coating.powder')
        if boxes is None or boxes <= 0:
            raise ValidationError(gettext(
                    'powder_coating.msg_receipt_boxes', boxes=boxes or 0))
        if format is None or format.powder != powder:
            raise ValidationError(gettext(
                    'powder_coating.msg_receipt_format',
                    powder=powder.rec_name))
        if unit_price is not None and unit_price < 0:
            raise ValidationError(gettext(
                    'powder_coating.msg_receipt_price'))
        Powder.ensure_products([powder])
        with Transaction().set_context(company=powder.company.id):
            date = date or Date.today()
        quantity = (format.weight * boxes).quantize(Decimal('0.001'))
        if unit_price is None:
            unit_price = powder.price_per_kg
        receipt = cls(company=powder.company, date=date, powder=powder,
            format=format, boxes=boxes, quantity=quantity,
            unit_price=unit_price, reference=reference,
            user=Transaction().user)
        receipt.save()
        move, = make_moves([{
                    'product': powder.product.id,
                    'unit': kilogram().id,
                    'quantity': float(quantity),
                    'from_location': supplier_location().id,
                    'to_location': storage_location().id,
                    'company': powder.company.id,
                    'planned_date': date,
                    'effective_date': date,
                    'unit_price': unit_price,
                    'currency': powder.company.currency.id,
                    'origin': str(receipt),
                    }])
        receipt.move = move
        with without_check_access():
            receipt.save()
        return receipt


class ReceiveStart(ModelView):
    "Receive Powder"
    __name__ = 'powder_coating.powder.receive.start'
    __string__ = "Receive Powder"

    powder = fields.Many2One('powder_coating.powder', "Powder",
        required=True)
    format = fields.Many2One('powder_coating.powder.format', "Box",
        required=True, domain=[('powder', '=', Eval('powder', -1))])
    boxes = fields.Integer("Boxes", required=True,
        domain=[('boxes', '>', 0)])
    unit_price = fields.Numeric("Price per kg", digits=(16, 4),
        domain=['OR', ('unit_price', '=', None), ('unit_price', '>=', 0)],
        help="Leave empty for the powder's price.")
    reference = fields.Char("Delivery Note")

    @fields.depends('powder', 'format')
    def on_change_powder(self):
        self.format = box_of(self.powder, self.format)


class Receive(Wizard):
    "Receive Powder"
    __name__ = 'powder_coating.powder.receive'
    start = StateView('powder_coating.powder.receive.start',
        'powder_coating.powder_receive_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Receive", 'receive', 'tryton-ok', default=True),
            ])
    receive = StateAction('powder_coating.act_receipt')

    def default_start(self, fields):
        values = {'boxes': 1}
        if self.model and self.model.__name__ == 'powder_coating.powder' \
                and self.record:
            values['powder'] = self.record.id
            if self.record.formats:
                values['format'] = self.record.formats[0].id
        return values

    def do_receive(self, action):
        Receipt = Pool().get('powder_coating.powder.receipt')
        receipt = Receipt.receive(self.start.powder, self.start.format,
            self.start.boxes, reference=self.start.reference,
            unit_price=self.start.unit_price)
        action['res_id'] = [receipt.id]
        action['views'].reverse()
        return action, {}
