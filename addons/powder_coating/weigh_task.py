# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The boxes to weigh: each day a short list chosen from recent usage,
time since the last weighing, reliability and a controlled random share
(stock_planning.daily_weigh_list); and partial inventories, which spread
the weighing of the most used and riskiest powders over a busy period
instead of stopping the shop for a day."""
import datetime as dt

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Workflow, fields
from trytond.model.exceptions import ValidationError
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval, If
from trytond.transaction import Transaction, without_check_access
from trytond.wizard import StateAction, Wizard

from . import stock_planning
from .powder_stock import USAGE_WEEKS, stock_by_powder, used_by_powder
from .tools import local_time

REASONS = [
    ('usage', "Much used lately"),
    ('overdue', "Not weighed for long"),
    ('risk', "Unreliable stock"),
    ('random', "Random check"),
    ('count', "Partial inventory"),
    ]


def candidates(company, day):
    "The active powders of `company` as the pure selection takes them."
    Powder = Pool().get('powder_coating.powder')
    with without_check_access():
        powders = Powder.search([('company', '=', company.id)])
        used = used_by_powder(powders,
            day - dt.timedelta(weeks=USAGE_WEEKS), day)
        stock = stock_by_powder(powders, date=day)
    return [stock_planning.Candidate(
            id=p.id, recent_kg=used[p.id],
            last_weighed=p.last_weighed.date() if p.last_weighed else None,
            reliability=p.reliability, stock_kg=stock[p.id])
        for p in powders]


class WeighTask(TenantOwnedMixin, ModelSQL, ModelView):
    "Powder to Weigh"
    __name__ = 'powder_coating.weigh_task'
    __string__ = "Powder to Weigh"

    date = fields.Date("Date", required=True, readonly=True)
    powder = fields.Many2One('powder_coating.powder', "Powder",
        required=True, readonly=True, ondelete='CASCADE')
    reason = fields.Selection(REASONS, "Why", readonly=True)
    sequence = fields.Integer("Rank", readonly=True)
    count = fields.Many2One('powder_coating.stock_count',
        "Partial Inventory", readonly=True, ondelete='CASCADE')
    weighing = fields.Many2One('powder_coating.weighing', "Weighing",
        readonly=True, ondelete='SET NULL')
    done = fields.Function(fields.Boolean("Weighed"), 'get_done',
        searcher='search_done')
    due = fields.Function(fields.Selection([
                ('today', "Today"),
                ('late', "Overdue"),
                ('later', "Later"),
                ], "Due"), 'get_due', searcher='search_due')
    stock_kg = fields.Function(fields.Numeric("Stock (kg)", digits=(8, 3)),
        'get_powder_stock')
    reliability = fields.Function(fields.Numeric("Reliability (%)",
            digits=(4, 1)), 'get_powder_stock')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('date', 'DESC'), ('sequence', 'ASC'), ('id', 'ASC')]
        cls._buttons.update({
                'weigh': {
                    'invisible': Eval('done', False),
                    'depends': ['done'],
                    'icon': 'tryton-launch',
                    },
                })

    @classmethod
    def view_attributes(cls):
        return super().view_attributes() + [
            ('/tree', 'visual', If(Eval('done', False), 'success', '')),
            ]

    def get_rec_name(self, name):
        return f'{self.date} · {self.powder.rec_name}'

    def get_done(self, name):
        return self.weighing is not None

    @classmethod
    def search_done(cls, name, clause):
        _, operator, value = clause[:3]
        wanted = bool(value) if operator == '=' else not bool(value)
        return [('weighing', '!=' if wanted else '=', None)]

    @staticmethod
    def _today():
        return Pool().get('ir.date').today()

    def get_due(self, name):
        today = self._today()
        if self.date == today:
            return 'today'
        return 'late' if self.date < today else 'later'

    @classmethod
    def search_due(cls, name, clause):
        "The workshop's today, not the browser's."
        _, operator, value = clause[:3]
        today = cls._today()
        values = value if isinstance(value, (list, tuple)) else [value]
        dates = {
            'today': ('date', '=', today),
            'late': ('date', '<', today),
            'later': ('date', '>', today),
            }
        domain = ['OR'] + [dates[v] for v in values if v in dates]
        if len(domain) == 1:
            # No due date asked for (None): no line has none.
            domain = [('id', '=', None)]
        if operator in {'!=', 'not in'}:
            return [('id', 'not in', [r.id for r in cls.search(domain)])]
        return domain

    @classmethod
    def get_powder_stock(cls, tasks, names):
        Powder = Pool().get('powder_coating.powder')
        powders = list({t.powder for t in tasks})
        stock = Powder.get_stock(powders, ['stock_kg'])['stock_kg'] \
            if 'stock_kg' in names else {}
        result = {name: {} for name in names}
        for task in tasks:
            if 'stock_kg' in names:
                result['stock_kg'][task.id] = stock[task.powder.id]
            if 'reliability' in names:
                result['reliability'][task.id] = task.powder.reliability
        return result

    @classmethod
    @ModelView.button_action('powder_coating.wizard_weigh')
    def weigh(cls, tasks):
        pass

    @classmethod
    def daily_list(cls, company, day=None):
        """The workshop's list for `day` (today): made once, the first time
        it is asked for (or by the morning task), and then kept as it is,
        so everybody sees the same list all day. Partial inventories
        planned for the day come with it."""
        pool = Pool()
        Date = pool.get('ir.date')
        Configuration = pool.get('powder_coating.configuration')
        if day is None:
            with Transaction().set_context(company=company.id):
                day = Date.today()
        with without_check_access():
            tasks = cls.search([
                    ('company', '=', company.id),
                    ('date', '=', day),
                    ])
            if any(t.count is None for t in tasks):
                return tasks
            count = Configuration.get(company).weigh_daily_count
            already = {t.powder.id for t in tasks}
            picks = stock_planning.daily_weigh_list(
                candidates(company, day), day, count=count,
                salt=str(company.id), skip=already)
            if not picks:
                return tasks
            created = cls.create([{
                        'company': company.id,
                        'date': day,
                        'powder': p.id,
                        'reason': p.reason,
                        'sequence': i,
                        } for i, p in enumerate(picks, 1)])
        return created + tasks

    @classmethod
    def plan_daily_lists(cls):
        "Morning task: every workshop's list of the day."
        pool = Pool()
        Company = pool.get('company.company')
        Powder = pool.get('powder_coating.powder')
        with without_check_access():
            companies = {p.company for p in Powder.search([])}
            for company in Company.browse(sorted(c.id for c in companies)):
                cls.daily_list(company)

    @classmethod
    def mark_weighed(cls, weighing):
        """A weighing ticks the open tasks of its powder due until today
        (the daily list's and the partial inventories')."""
        with without_check_access():
            tasks = cls.search([
                    ('company', '=', weighing.company.id),
                    ('powder', '=', weighing.powder.id),
                    ('weighing', '=', None),
                    # The day of the workshop, not of UTC.
                    ('date', '<=', local_time(
                            weighing.weighed_at, weighing.company).date()),
                    ])
            if not tasks:
                # A partial inventory's powder weighed before its day.
                tasks = cls.search([
                        ('company', '=', weighing.company.id),
                        ('powder', '=', weighing.powder.id),
                        ('weighing', '=', None),
                        ('count.state', '=', 'running'),
                        ], limit=1)
            cls.write(tasks, {'weighing': weighing.id})


class OpenDailyList(Wizard):
    "Today's Weighings"
    __name__ = 'powder_coating.weigh_task.open'
    start_state = 'open_'
    open_ = StateAction('powder_coating.act_weigh_task_today')

    def do_open_(self, action):
        pool = Pool()
        User = pool.get('res.user')
        Task = pool.get('powder_coating.weigh_task')
        company = User(Transaction().user).company
        if company:
            Task.daily_list(company)
        return action, {}


class StockCount(TenantOwnedMixin, Workflow, ModelSQL, ModelView):
    "Partial Inventory"
    __name__ = 'powder_coating.stock_count'
    __string__ = "Partial Inventory"

    name = fields.Char("Name", required=True,
        states={'readonly': Eval('state') != 'draft'})
    start_date = fields.Date("Start", required=True,
        states={'readonly': Eval('state') != 'draft'})
    end_date = fields.Date("End", required=True,
        domain=[('end_date', '>=', Eval('start_date', None))],
        states={'readonly': Eval('state') != 'draft'})
    target = fields.Integer("Powders to Weigh", required=True,
        domain=[('target', '>', 0)],
        states={'readonly': Eval('state') != 'draft'},
        help="The most used and the riskiest powders are chosen.")
    tasks = fields.One2Many('powder_coating.weigh_task', 'count',
        "Weighings", readonly=True)
    weighed = fields.Function(fields.Integer("Weighed"), 'get_progress')
    planned = fields.Function(fields.Integer("Planned"), 'get_progress')
    progress = fields.Function(fields.Float("Progress", digits=(3, 2)),
        'get_progress')
    state = fields.Selection([
            ('draft', "Draft"),
            ('running', "Running"),
            ('done', "Done"),
            ('cancelled', "Cancelled"),
            ], "State", readonly=True, required=True, sort=False)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('start_date', 'DESC'), ('id', 'DESC')]
        cls._transitions |= {
            ('draft', 'running'),
            ('running', 'done'),
            ('draft', 'cancelled'),
            ('running', 'cancelled'),
            }
        cls._buttons.update({
                'plan': {
                    'invisible': Eval('state') != 'draft',
                    'icon': 'tryton-forward',
                    'depends': ['state'],
                    },
                'finish': {
                    'invisible': Eval('state') != 'running',
                    'icon': 'tryton-ok',
                    'depends': ['state'],
                    },
                'cancel': {
                    'invisible': ~Eval('state').in_(['draft', 'running']),
                    'icon': 'tryton-cancel',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_state():
        return 'draft'

    @staticmethod
    def default_target():
        return 10

    @classmethod
    def get_progress(cls, counts, names):
        result = {name: {} for name in names}
        for count in counts:
            planned = len(count.tasks)
            weighed = sum(1 for t in count.tasks if t.weighing)
            values = {
                'planned': planned,
                'weighed': weighed,
                'progress': weighed / planned if planned else 0.0,
                }
            for name in names:
                result[name][count.id] = values[name]
        return result

    @classmethod
    @ModelView.button
    @Workflow.transition('running')
    def plan(cls, counts):
        """Choose the powders (most used and riskiest first) and spread
        their weighing over the working days of the period."""
        Task = Pool().get('powder_coating.weigh_task')
        values = []
        for count in counts:
            days = stock_planning.working_days(
                count.start_date, count.end_date) or [count.start_date]
            picks = stock_planning.partial_inventory_targets(
                candidates(count.company, count.start_date),
                count.start_date, count.target)
            if not picks:
                raise ValidationError(gettext(
                        'powder_coating.msg_stock_count_no_powder',
                        count=count.name))
            for index, (pick, day) in enumerate(zip(picks,
                        stock_planning.spread_over(days, len(picks))), 1):
                values.append({
                        'company': count.company.id,
                        'date': day,
                        'powder': pick.id,
                        'reason': 'count',
                        'sequence': 100 + index,
                        'count': count.id,
                        })
        with without_check_access():
            Task.create(values)

    @classmethod
    @ModelView.button
    @Workflow.transition('done')
    def finish(cls, counts):
        pass

    @classmethod
    @ModelView.button
    @Workflow.transition('cancelled')
    def cancel(cls, counts):
        Task = Pool().get('powder_coating.weigh_task')
        with without_check_access():
            Task.delete([t for c in counts for t in c.tasks
                    if not t.weighing])


class Cron(metaclass=PoolMeta):
    __name__ = 'ir.cron'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.method.selection.extend([
                ('powder_coating.weigh_task|plan_daily_lists',
                    "Plan the Daily Weighings"),
                ('powder_coating.powder|notify_low_stock',
                    "Notify Low Powder Stock"),
                ])
