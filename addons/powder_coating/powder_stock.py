# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Powders are stocked products (Tryton stock, in kg): coating a part
takes its powder off the shelf as a stock move linked to its batch or
project; receipts and weighings bring the shelf back to what is real.
The stock figures of the powder list and the reorder suggestions."""
import datetime as dt
from collections import defaultdict
from decimal import Decimal

from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.model.exceptions import AccessError, ValidationError
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval, If
from trytond.transaction import Transaction, without_check_access

from . import stock_planning

# The usage the forecasts and the daily list look back on.
USAGE_WEEKS = 8


def storage_location():
    "Where the workshop's powder stands: the warehouse's storage zone."
    pool = Pool()
    ModelData = pool.get('ir.model.data')
    Location = pool.get('stock.location')
    warehouse = Location(ModelData.get_id('stock', 'location_warehouse'))
    return warehouse.storage_location


def consumption_location():
    "Where sprayed powder goes: the powder booth (a production location)."
    pool = Pool()
    ModelData = pool.get('ir.model.data')
    Location = pool.get('stock.location')
    return Location(ModelData.get_id(
            'powder_coating', 'location_powder_consumption'))


def supplier_location():
    pool = Pool()
    ModelData = pool.get('ir.model.data')
    Location = pool.get('stock.location')
    return Location(ModelData.get_id('stock', 'location_supplier'))


def kilogram():
    pool = Pool()
    ModelData = pool.get('ir.model.data')
    Uom = pool.get('product.uom')
    return Uom(ModelData.get_id('product', 'uom_kilogram'))


def make_moves(values):
    """Create and do the stock moves described by `values` (dicts), as
    the system: the users read moves, they never write them."""
    Move = Pool().get('stock.move')
    unit = kilogram()
    # Quantities go to the unit's precision (10 g for the kilogram).
    values = [dict(v, quantity=unit.round(v['quantity'])) for v in values]
    with without_check_access():
        moves = Move.create(values)
        Move.do(moves)
    return moves


def stock_by_powder(powders, date=None):
    """Kilograms on the shelf of each powder (id → Decimal), from its
    done moves up to `date` (today by default)."""
    pool = Pool()
    Product = pool.get('product.product')
    result = {p.id: Decimal(0) for p in powders}
    by_company = defaultdict(list)
    for powder in powders:
        if powder.product:
            by_company[powder.company.id].append(powder)
    location = storage_location()
    for company, c_powders in by_company.items():
        context = {'company': company, 'stock_date_end': date,
            '_check_access': False}
        with Transaction().set_context(**context), without_check_access():
            quantities = Product.products_by_location([location.id],
                with_childs=True,
                grouping_filter=([p.product.id for p in c_powders],))
        for powder in c_powders:
            quantity = quantities.get((location.id, powder.product.id), 0)
            result[powder.id] = Decimal(str(quantity)).quantize(
                stock_planning.GRAM)
    return result


def used_by_powder(powders, since, until=None):
    """Kilograms sprayed of each powder (id → Decimal) from `since`
    (included) to `until` (today by default): the done moves to the
    powder booth, summed in SQL."""
    pool = Pool()
    Move = pool.get('stock.move')
    Date = pool.get('ir.date')
    from sql.aggregate import Sum
    move = Move.__table__()
    products = {p.product.id: p.id for p in powders if p.product}
    result = {p.id: Decimal(0) for p in powders}
    if not products:
        return result
    until = until or Date.today()
    cursor = Transaction().connection.cursor()
    location = consumption_location()
    cursor.execute(*move.select(move.product, Sum(move.quantity),
            where=(move.product.in_(list(products)))
            & (move.to_location == location.id)
            & (move.state == 'done')
            & (move.effective_date >= since)
            & (move.effective_date <= until),
            group_by=[move.product]))
    for product, quantity in cursor:
        result[products[product]] = Decimal(str(quantity or 0)).quantize(
            stock_planning.GRAM)
    return result


class Powder(metaclass=PoolMeta):
    __name__ = 'powder_coating.powder'

    product = fields.Many2One('product.product', "Stock Product",
        readonly=True, ondelete='RESTRICT',
        help="The powder as a stocked product (in kg), created with it.")
    reorder_threshold = fields.Numeric("Alert Threshold (kg)",
        digits=(8, 3),
        domain=['OR', ('reorder_threshold', '=', None),
            ('reorder_threshold', '>=', 0)],
        help="Below this stock the powder is flagged and the owner "
        "notified.")
    lead_time = fields.Integer("Supplier Lead Time (days)", required=True,
        domain=[('lead_time', '>=', 0)],
        help="Days between ordering and receiving the powder.")
    reliability = fields.Numeric("Reliability (%)", digits=(4, 1),
        readonly=True,
        help="How well the weighings agree with the theoretical stock: "
        "it rises when they agree and falls when they do not.")
    last_weighed = fields.DateTime("Last Weighed", readonly=True)
    low_stock_notified = fields.Date("Low Stock Notified", readonly=True)
    stock_kg = fields.Function(fields.Numeric("Stock (kg)", digits=(8, 3),
            help="Theoretical stock: receipts less what was sprayed, as "
            "corrected by the last weighing."), 'get_stock')
    used_kg = fields.Function(fields.Numeric("Used in 8 Weeks (kg)",
            digits=(8, 3)), 'get_stock')
    daily_kg = fields.Function(fields.Numeric("Daily Use (kg)",
            digits=(8, 3)), 'get_stock')
    stockout_date = fields.Function(fields.Date("Expected Stock-out",
            help="When the stock runs out at the pace of the last "
            "8 weeks."), 'get_stock')
    order_kg = fields.Function(fields.Numeric("To Order (kg)",
            digits=(8, 3)), 'get_stock')
    order_boxes = fields.Function(fields.Char("Boxes to Order"),
        'get_stock')
    under_threshold = fields.Function(fields.Boolean("Under Threshold"),
        'get_stock', searcher='search_stock_flag')
    reorder_needed = fields.Function(fields.Boolean("To Reorder"),
        'get_stock', searcher='search_stock_flag')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._buttons.update({
                'weigh': {'icon': 'tryton-launch'},
                'receive': {'icon': 'tryton-import'},
                })

    @staticmethod
    def default_lead_time():
        return 7

    @classmethod
    def view_attributes(cls):
        return super().view_attributes() + [
            ('/tree', 'visual',
                If(Eval('under_threshold', False), 'danger', '')),
            ]

    @classmethod
    def create(cls, vlist):
        powders = super().create(vlist)
        cls.ensure_products(powders)
        return powders

    @classmethod
    def write(cls, *args):
        super().write(*args)
        actions = iter(args)
        powders = [p for records, _ in zip(actions, actions) for p in records]
        with without_check_access():
            templates = [p.product.template for p in powders if p.product]
            for template in templates:
                powder = next(p for p in powders
                    if p.product and p.product.template == template)
                template.name = powder.rec_name
            if templates:
                Template = Pool().get('product.template')
                Template.save(templates)

    @classmethod
    def ensure_products(cls, powders):
        """Give each powder its stocked product (goods, in kg, owned by
        the powder's workshop), once."""
        pool = Pool()
        Template = pool.get('product.template')
        missing = [p for p in powders if not p.product]
        if not missing:
            return
        kg = kilogram()
        with without_check_access():
            templates = Template.create([{
                        'name': p.rec_name,
                        'type': 'goods',
                        'default_uom': kg.id,
                        'company': p.company.id,
                        'products': [('create', [{}])],
                        } for p in missing])
            for powder, template in zip(missing, templates):
                powder.product = template.products[0]
            cls.save(missing)

    @classmethod
    def get_stock(cls, powders, names):
        pool = Pool()
        Date = pool.get('ir.date')
        today = Date.today()
        since = today - dt.timedelta(weeks=USAGE_WEEKS)
        stock = stock_by_powder(powders)
        used = used_by_powder(powders, since, today)
        result = {name: {} for name in names}
        for powder in powders:
            forecast = stock_planning.forecast(stock[powder.id],
                used[powder.id], USAGE_WEEKS, today,
                lead_days=powder.lead_time or 0,
                box_weights=[f.weight for f in powder.formats],
                threshold=powder.reorder_threshold)
            under = (powder.reorder_threshold is not None
                and stock[powder.id] < powder.reorder_threshold)
            values = {
                'stock_kg': stock[powder.id],
                'used_kg': used[powder.id],
                'daily_kg': forecast.daily_kg,
                'stockout_date': forecast.stockout_date,
                'order_kg': forecast.order_kg or None,
                'order_boxes': ', '.join(
                    f'{n} × {w.normalize():f} kg'
                    for w, n in forecast.boxes) or None,
                'under_threshold': under,
                'reorder_needed': bool(forecast.order_kg) or under,
                }
            for name in names:
                result[name][powder.id] = values[name]
        return result

    @classmethod
    def search_stock_flag(cls, name, clause):
        "Computed per powder of the workshops the user sees (a few hundred)."
        _, operator, value = clause[:3]
        powders = cls.search([])
        flags = cls.get_stock(powders, [name])[name]
        wanted = bool(value) if operator == '=' else not bool(value)
        return [('id', 'in', [i for i, f in flags.items()
                    if bool(f) == wanted])]

    @classmethod
    @ModelView.button_action('powder_coating.wizard_weigh')
    def weigh(cls, powders):
        pass

    @classmethod
    def notify_low_stock(cls):
        """Daily task: tell the owners and administrators of each
        workshop, in the back office's notifications, which powders went
        under their alert threshold (again at most once a week)."""
        pool = Pool()
        Date = pool.get('ir.date')
        User = pool.get('res.user')
        ModelData = pool.get('ir.model.data')
        Notification = pool.get('res.notification')
        groups = [ModelData.get_id('saas', 'group_owner'),
            ModelData.get_id('saas', 'group_admin')]
        with without_check_access():
            powders = cls.search([('reorder_threshold', '!=', None)])
            flags = cls.get_stock(powders,
                ['under_threshold', 'stock_kg', 'stockout_date'])
            notified, notifications = [], []
            for powder in powders:
                with Transaction().set_context(company=powder.company.id):
                    today = Date.today()
                last = powder.low_stock_notified
                if (not flags['under_threshold'][powder.id]
                        or (last and (today - last).days < 7)):
                    continue
                users = User.search([
                        ('groups', 'in', groups),
                        ('company', '=', powder.company.id),
                        ])
                stockout = flags['stockout_date'][powder.id]
                for user in users:
                    with Transaction().set_context(
                            language=user.language.code
                            if user.language else None):
                        notifications.append(Notification(
                                user=user,
                                label=gettext(
                                    'powder_coating.msg_low_stock_label',
                                    powder=powder.rec_name),
                                description=gettext(
                                    'powder_coating.msg_low_stock',
                                    stock=flags['stock_kg'][powder.id],
                                    threshold=powder.reorder_threshold,
                                    date=stockout or '-'),
                                icon='tryton-warning',
                                model=cls.__name__,
                                records=str([powder.id])))
                notified.append(powder)
            Notification.save(notifications)
            if notified:
                cls.write(notified, {'low_stock_notified': today})
        return notified

    @classmethod
    @ModelView.button_action('powder_coating.wizard_receive')
    def receive(cls, powders):
        pass


class PowderFormat(metaclass=PoolMeta):
    __name__ = 'powder_coating.powder.format'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        # A format may be recorded before its tare is known; weighing a
        # box of it is refused until it is filled.
        cls.tare.required = False


class ProjectPart(metaclass=PoolMeta):
    __name__ = 'powder_coating.project.part'

    @classmethod
    def validate_steps(cls, parts, step, uuid=None, batch=None,
            update_projects=True):
        """Coating a part takes its powder (and its primer and varnish,
        one coat each) off the theoretical stock."""
        Step = Pool().get('powder_coating.step')
        parts = super().validate_steps(parts, step, uuid=uuid, batch=batch,
            update_projects=update_projects)
        if Step(int(step)).kind == 'coating':
            cls.consume_powder(parts, batch)
        return parts

    @classmethod
    def consume_powder(cls, parts, batch=None):
        """One done stock move per origin (the batch, else the project)
        and powder, of surface × quantity × coats ÷ coverage kg."""
        pool = Pool()
        Powder = pool.get('powder_coating.powder')
        Date = pool.get('ir.date')
        totals = defaultdict(Decimal)
        powders = {}
        for part in parts:
            origin = batch or part.batch or part.project
            for powder, coats in [(part.powder, part.coats or 1),
                    (part.primer, 1), (part.varnish, 1)]:
                if not powder:
                    continue
                kg = stock_planning.consumption_kg(
                    part.surface, part.quantity, coats, powder.coverage)
                if kg:
                    totals[(str(origin), powder.id)] += kg
                    powders[powder.id] = powder
        if not totals:
            return []
        Powder.ensure_products(list(powders.values()))
        booth, storage, kg_unit = (consumption_location(),
            storage_location(), kilogram())
        values = []
        for (origin, powder_id), quantity in sorted(totals.items()):
            powder = Powder(powder_id)
            with Transaction().set_context(company=powder.company.id):
                today = Date.today()
            values.append({
                    'product': powder.product.id,
                    'unit': kg_unit.id,
                    'quantity': float(quantity),
                    'from_location': storage.id,
                    'to_location': booth.id,
                    'company': powder.company.id,
                    'planned_date': today,
                    'effective_date': today,
                    'origin': origin,
                    })
        return make_moves(values)


class Move(metaclass=PoolMeta):
    __name__ = 'stock.move'

    @classmethod
    def _get_origin(cls):
        return super()._get_origin() + [
            'powder_coating.batch', 'powder_coating.project',
            'powder_coating.powder.receipt']


class StockJournalMixin:
    """Receipts and weighings: written by the system when they happen,
    never changed or deleted afterwards (a new weighing corrects)."""
    __slots__ = ()

    @classmethod
    def write(cls, *args):
        if Transaction().check_access:
            raise AccessError(gettext('powder_coating.msg_stock_log_readonly'))
        super().write(*args)

    @classmethod
    def delete(cls, records):
        raise AccessError(gettext('powder_coating.msg_stock_log_readonly'))


def box_of(powder, box=None):
    "The box to offer for `powder`: `box` if it is one of its, else its first."
    if powder and powder.formats and (not box or box.powder != powder):
        return powder.formats[0]
    return box


def stock_error(exception, **names):
    "The user's message for a StockError of the pure functions."
    return ValidationError(gettext(
            f'powder_coating.msg_stock_{exception.name}', **names))
