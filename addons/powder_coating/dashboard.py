# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Dashboards of the back office: quotes, production, powders, stock,
quality and money over a period, per day, week or month. Each one is a
SQL aggregate (a `table_query` model, like Tryton's sale reporting) read
with the period of its context: nothing is loaded record by record."""
import datetime as dt
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from sql import Cast, Column, Literal, Null
from sql.aggregate import Aggregate, Avg, Count, Min, Sum
from sql.conditionals import Case, Coalesce, NullIf
from sql.functions import Extract, Function
from sql.operators import Concat

from trytond import backend
from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval, If
from trytond.tools.chart import sparkline
from trytond.tools import grouped_slice, reduce_ids
from trytond.transaction import Transaction

from .powder import FINISHES
from .powder_stock import consumption_location, storage_location

PERIODS = [
    ('day', "Day"),
    ('week', "Week"),
    ('month', "Month"),
    ]
PERCENT = (16, 1)
DAYS = (16, 1)


class _SQLiteDate(Function):
    __slots__ = ()
    _function = 'DATE'


class _JulianDay(Function):
    __slots__ = ()
    _function = 'JULIANDAY'


def as_date(column):
    "The date of a date-time column, on SQLite and PostgreSQL."
    if backend.name == 'sqlite':
        return _SQLiteDate(column)
    return Cast(column, 'DATE')


class _PeriodStart(Function):
    """The first day of the day, week (from Monday) or month of a date.
    The period is written in the SQL, not passed as a parameter, so that
    PostgreSQL sees the same expression in SELECT and GROUP BY."""
    __slots__ = ('period',)
    _sqlite = {
        'day': "",
        'week': ", '-6 days', 'weekday 1'",
        'month': ", 'start of month'",
        }

    def __init__(self, period, expression):
        super().__init__(expression)
        if period not in self._sqlite:
            raise ValueError(period)
        self.period = period

    def __str__(self):
        column = self._format(self.args[0])
        if backend.name == 'sqlite':
            # SQLite's DATE_TRUNC of Tryton knows no week.
            return "DATE(%s%s)" % (column, self._sqlite[self.period])
        return "CAST(DATE_TRUNC('%s', %s) AS DATE)" % (self.period, column)


def period_start(column):
    "The first day of the context's period holding `column`."
    return _PeriodStart(
        Transaction().context.get('period') or 'month', column)


def period_end(start, period):
    "The last day of the period starting on `start`."
    if period == 'day':
        return start
    if period == 'week':
        return start + dt.timedelta(days=6)
    return start + relativedelta(months=1, days=-1)


def days_between(start, end):
    "Days (with decimals) from `start` to `end`, dates or date-times."
    if backend.name == 'sqlite':
        return _JulianDay(end) - _JulianDay(start)
    return Extract('EPOCH',
        Cast(end, 'TIMESTAMP') - Cast(start, 'TIMESTAMP')) / 86400


def _context_date(name):
    value = Transaction().context.get(name)
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    if isinstance(value, dt.datetime):
        value = value.date()
    return value


def period_where(column, company, timestamp=False):
    """Rows of the context's workshop whose `column` is in the context's
    period (`timestamp`: the column holds date-times)."""
    where = Literal(True)
    context_company = Transaction().context.get('company')
    if context_company is not None:
        where &= company == context_company
    from_date, to_date = _context_date('from_date'), _context_date('to_date')
    if from_date:
        where &= column >= (dt.datetime.combine(from_date, dt.time())
            if timestamp else from_date)
    if to_date:
        if timestamp:
            where &= column < dt.datetime.combine(
                to_date + dt.timedelta(days=1), dt.time())
        else:
            where &= column <= to_date
    return where


def no_log():
    "The columns Tryton reads on every model, empty for a dashboard."
    return [Literal(None).as_(name) for name in [
            'create_uid', 'create_date', 'write_uid', 'write_date']]


def rate(numerator, denominator):
    "A percentage with one decimal, 0 when there is nothing to count."
    if not denominator:
        return 0.0
    return round(100.0 * float(numerator or 0) / float(denominator), 1)


class Context(ModelView):
    "Dashboard Period"
    __name__ = 'powder_coating.dashboard.context'
    __string__ = "Dashboard Period"

    company = fields.Many2One('company.company', "Company", required=True)
    from_date = fields.Date("From Date",
        domain=[
            If(Eval('to_date') & Eval('from_date'),
                ('from_date', '<=', Eval('to_date')),
                ()),
            ])
    to_date = fields.Date("To Date",
        domain=[
            If(Eval('from_date') & Eval('to_date'),
                ('to_date', '>=', Eval('from_date')),
                ()),
            ])
    period = fields.Selection(PERIODS, "Grouped by", required=True, sort=False,
        help="How the figures are grouped in the lists and graphs.")

    @classmethod
    def default_company(cls):
        return Transaction().context.get('company')

    @classmethod
    def default_from_date(cls):
        "The first day of the month, five months ago: half a year."
        if 'from_date' in Transaction().context:
            return Transaction().context['from_date']
        today = Pool().get('ir.date').today()
        return today.replace(day=1) - relativedelta(months=5)

    @classmethod
    def default_to_date(cls):
        if 'to_date' in Transaction().context:
            return Transaction().context['to_date']
        return Pool().get('ir.date').today()

    @classmethod
    def default_period(cls):
        return Transaction().context.get('period', 'month')


class MoneyContext(Context):
    "Money Dashboard Period"
    __name__ = 'powder_coating.dashboard.money.context'
    __string__ = "Money Dashboard Period"


def finish_names(finishes):
    "The finishes' labels in the user's language, by key."
    Powder = Pool().get('powder_coating.powder')
    labels = dict(Powder.fields_get(['finish'])['finish']['selection'])
    return {f: labels.get(f, f or '') for f in finishes}


class PerFinishMixin:
    """Grouped by the powder's finish, with the finish's label for the
    graphs (they show a selection's key)."""
    __slots__ = ()
    _group_name = 'finish'
    finish = fields.Selection(FINISHES, "Finish", readonly=True)
    finish_name = fields.Function(fields.Char("Finish"), 'get_finish_name')

    @classmethod
    def _group(cls, day, powder):
        return powder.finish

    @classmethod
    def get_finish_name(cls, rows, name):
        names = finish_names({r.finish for r in rows})
        return {r.id: names[r.finish] for r in rows}


class PowderNameMixin:
    """A short name of the powder for the graphs: its shade, finish and
    reference."""
    __slots__ = ()
    powder_name = fields.Function(fields.Char("Powder"), 'get_powder_name')

    @classmethod
    def get_powder_name(cls, rows, name):
        names = finish_names({r.powder.finish for r in rows if r.powder})
        result = {}
        for row in rows:
            powder = row.powder
            if not powder:
                result[row.id] = ''
                continue
            label = ' '.join(filter(None, [
                        powder.ral.code if powder.ral else powder.name,
                        names[powder.finish].lower()]))
            result[row.id] = '%s (%s)' % (label, powder.reference)
        return result


class Dashboard(ModelSQL, ModelView):
    """The figures of a workshop over the context's period. Its company
    column carries the company rule (dashboard.xml); the query is only
    built when read (TenantOwnedMixin would build it when the pool starts,
    before the stock locations exist)."""
    __slots__ = ()
    company = fields.Many2One('company.company', "Company", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('id', 'ASC')]

    def get_rec_name(self, name):
        return ''


class TimeSeries(Dashboard):
    "One row per day, week or month of the period."
    __slots__ = ()
    date = fields.Date("Period", readonly=True,
        help="The first day of the day, week or month.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order.insert(0, ('date', 'ASC'))

    @staticmethod
    def _keys(table, date):
        """The columns naming a row: the smallest id of its rows of `table`
        (a real id, not a computed one that could overflow), the workshop
        and the first day of the period."""
        return [
            Min(table.id).as_('id'),
            table.company.as_('company'),
            date.as_('date'),
            ]


class QuoteDashboard(TimeSeries):
    """Quotes sent in the period: how many were accepted, after how long,
    and for how much."""
    __name__ = 'powder_coating.dashboard.quote'
    __string__ = "Quote Dashboard"

    sent = fields.Integer("Quotes Sent", readonly=True,
        help="Quotes sent to the client in the day, week or month.")
    accepted = fields.Integer("Quotes Accepted", readonly=True,
        help="Of the quotes sent, those signed by the client.")
    refused = fields.Integer("Quotes Refused", readonly=True)
    expired = fields.Integer("Quotes Expired", readonly=True)
    conversion = fields.Function(fields.Float("Conversion (%)",
            digits=PERCENT,
            help="Accepted quotes out of the quotes sent."),
        'get_figures')
    amount = fields.Numeric("Amount Quoted", digits=(16, 2), readonly=True,
        help="Untaxed total of the quotes sent.")
    average_amount = fields.Function(fields.Numeric("Average Amount",
            digits=(16, 2), help="Untaxed total per quote sent."),
        'get_figures')
    accept_days = fields.Float("Days to Accept", digits=DAYS, readonly=True,
        help="Average time from sending to signature of the accepted "
        "quotes.")

    @classmethod
    def table_query(cls):
        # The quotes' days (QuoteDay), not the quotes.
        day = Pool().get('powder_coating.quote.day').__table__()
        date = period_start(day.date)
        return day.select(
            *cls._keys(day, date),
            Sum(day.sent).as_('sent'),
            Sum(day.accepted).as_('accepted'),
            Sum(day.refused).as_('refused'),
            Sum(day.expired).as_('expired'),
            Sum(day.amount).as_('amount'),
            cls.accept_days.sql_cast(
                Sum(day.accept_days) / NullIf(Sum(day.accepted), 0)
                ).as_('accept_days'),
            *no_log(),
            where=period_where(day.date, day.company),
            group_by=[day.company, date])

    @classmethod
    def get_figures(cls, rows, names):
        result = {n: {} for n in names}
        for row in rows:
            if 'conversion' in names:
                result['conversion'][row.id] = rate(row.accepted, row.sent)
            if 'average_amount' in names:
                result['average_amount'][row.id] = (
                    (row.amount / row.sent).quantize(Decimal('0.01'))
                    if row.sent and row.amount is not None else None)
        return result


class ProductionDashboard(TimeSeries):
    """Projects finished (all their parts ready) in the period: how many,
    how long they took, how many were late, and the surface coated
    against the workshop's capacity."""
    __name__ = 'powder_coating.dashboard.production'
    __string__ = "Production Dashboard"

    projects = fields.Integer("Projects Finished", readonly=True,
        help="Projects whose parts were all ready in the day, week or "
        "month.")
    parts = fields.Integer("Parts", readonly=True)
    surface = fields.Numeric("Surface (m²)", digits=(16, 1), readonly=True,
        help="Surface coated: the parts' surface times their quantity.")
    late = fields.Integer("Late Projects", readonly=True,
        help="Projects ready after the date promised to the client.")
    late_rate = fields.Function(fields.Float("Late (%)", digits=PERCENT),
        'get_figures')
    ready_days = fields.Float("Days to Ready", digits=DAYS, readonly=True,
        help="Average time from the drop-off of the parts until they were "
        "all ready.")
    delivery_days = fields.Float("Days to Delivery", digits=DAYS,
        readonly=True,
        help="Average time from drop-off to delivery or collection, for "
        "the projects already delivered or collected.")
    capacity_use = fields.Function(fields.Float("Use of Capacity (%)",
            digits=PERCENT,
            help="Surface coated out of the daily capacity of the settings "
            "times the working days."),
        'get_figures')

    @classmethod
    def table_query(cls):
        # The parts and surface were stored on each project when it became
        # ready (Project.store_ready_figures): only projects are read.
        project = Pool().get('powder_coating.project').__table__()
        date = period_start(project.ready_date)
        late = as_date(project.ready_date) > project.promised_date
        projects = project.select(
            *cls._keys(project, date),
            Count(project.id).as_('projects'),
            Sum(Coalesce(project.ready_parts, 0)).as_('parts'),
            Sum(Coalesce(project.ready_surface, 0)).as_('surface'),
            Sum(Case((late, 1), else_=0)).as_('late'),
            cls.ready_days.sql_cast(Avg(days_between(
                        project.drop_off_date, project.ready_date))
                ).as_('ready_days'),
            cls.delivery_days.sql_cast(Avg(days_between(
                        project.drop_off_date, project.closed_date))
                ).as_('delivery_days'),
            where=period_where(project.ready_date, project.company, True),
            group_by=[project.company, date])
        return projects.select(
                projects.id, projects.company, projects.date,
                projects.projects, projects.parts,
                cls.surface.sql_cast(projects.surface).as_('surface'),
                projects.late, projects.ready_days, projects.delivery_days,
                *no_log())

    @classmethod
    def get_figures(cls, rows, names):
        Configuration = Pool().get('powder_coating.configuration')
        period = Transaction().context.get('period') or 'month'
        from_date, to_date = (
            _context_date('from_date'), _context_date('to_date'))
        settings = {}
        result = {n: {} for n in names}
        for row in rows:
            if 'late_rate' in names:
                result['late_rate'][row.id] = rate(row.late, row.projects)
            if 'capacity_use' in names:
                if row.company not in settings:
                    settings[row.company] = Configuration.get(row.company)
                config = settings[row.company]
                start = max(filter(None, [row.date, from_date]))
                end = min(filter(None, [period_end(row.date, period),
                            to_date]))
                days = working_days(start, end, config.working_days or 5)
                capacity = (config.daily_capacity or 0) * days
                result['capacity_use'][row.id] = (
                    rate(row.surface, capacity) if capacity else None)
        return result


def working_days(start, end, per_week=5):
    "The days from `start` to `end` included that are among the first "
    "`per_week` days of the week (Monday first)."
    days = 0
    while start <= end:
        if start.weekday() < per_week:
            days += 1
        start += dt.timedelta(days=1)
    return days


class FinishedPartsMixin:
    """Parts of the projects finished in the period, grouped by the column
    `_group` gives (a shade, a finish, a powder): sums of the powders'
    finished days (`ReadyDay`), not of the parts."""
    __slots__ = ()
    parts = fields.Integer("Parts", readonly=True)

    @classmethod
    def _group(cls, day, powder):
        raise NotImplementedError

    @classmethod
    def _joins(cls):
        pool = Pool()
        day = pool.get('powder_coating.powder.ready_day').__table__()
        powder = pool.get('powder_coating.powder').__table__()
        tables = {'day': day, 'powder': powder}
        from_item = day.join(powder, condition=day.powder == powder.id)
        return from_item, tables

    @classmethod
    def _columns(cls, tables):
        return [Sum(tables['day'].parts).as_('parts')]

    @classmethod
    def table_query(cls):
        from_item, tables = cls._joins()
        day = tables['day']
        group = cls._group(day, tables['powder'])
        return from_item.select(
            Min(day.id).as_('id'),
            day.company.as_('company'),
            group.as_(cls._group_name),
            *cls._columns(tables),
            *no_log(),
            where=period_where(day.date, day.company),
            group_by=[day.company, group])


class CoatedMixin(FinishedPartsMixin):
    "The units and the surface coated."
    __slots__ = ()
    quantity = fields.Integer("Units", readonly=True)
    surface = fields.Numeric("Surface (m²)", digits=(16, 1), readonly=True,
        help="Surface coated: the parts' surface times their quantity.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('surface', 'DESC'), ('id', 'ASC')]

    @classmethod
    def _columns(cls, tables):
        day = tables['day']
        return super()._columns(tables) + [
            Sum(day.quantity).as_('quantity'),
            cls.surface.sql_cast(Sum(day.surface)).as_('surface'),
            ]


class ShadeDashboard(CoatedMixin, Dashboard):
    "The shades coated most in the period."
    __name__ = 'powder_coating.dashboard.shade'
    __string__ = "Shade Dashboard"
    _group_name = 'ral'

    ral = fields.Many2One('powder_coating.ral', "RAL Shade", readonly=True)

    @classmethod
    def _group(cls, day, powder):
        return powder.ral


class FinishDashboard(PerFinishMixin, CoatedMixin, Dashboard):
    "The finishes coated most in the period."
    __name__ = 'powder_coating.dashboard.finish'
    __string__ = "Finish Dashboard"


class NonConformityRateMixin:
    "The parts with non-conformities out of the parts."
    __slots__ = ()
    nc_parts = fields.Integer("Parts with Non-conformity", readonly=True)
    non_conformities = fields.Integer("Non-conformities", readonly=True)
    nc_rate = fields.Function(fields.Float("Non-conformity Rate (%)",
            digits=PERCENT,
            help="Parts with at least one non-conformity out of the parts."),
        'get_figures')

    @classmethod
    def get_figures(cls, rows, names):
        return {'nc_rate': {r.id: rate(r.nc_parts, r.parts) for r in rows}}


class QualityDashboard(NonConformityRateMixin, TimeSeries):
    """The non-conformity rate of the parts of the projects finished in
    the period."""
    __name__ = 'powder_coating.dashboard.quality'
    __string__ = "Quality Dashboard"

    parts = fields.Integer("Parts", readonly=True)

    @classmethod
    def table_query(cls):
        project = Pool().get('powder_coating.project').__table__()
        date = period_start(project.ready_date)
        return project.select(
            Min(project.id).as_('id'),
            project.company.as_('company'),
            date.as_('date'),
            Sum(Coalesce(project.ready_parts, 0)).as_('parts'),
            Sum(Coalesce(project.ready_nc_parts, 0)).as_('nc_parts'),
            Sum(Coalesce(project.ready_ncs, 0)).as_('non_conformities'),
            *no_log(),
            where=period_where(project.ready_date, project.company, True),
            group_by=[project.company, date])


class DefectDashboard(Dashboard):
    "The causes of the non-conformities declared in the period."
    __name__ = 'powder_coating.dashboard.defect'
    __string__ = "Non-conformity Causes"

    defect_type = fields.Many2One('powder_coating.defect_type',
        "Defect Type", readonly=True)
    non_conformities = fields.Integer("Non-conformities", readonly=True)
    parts = fields.Integer("Parts Involved", readonly=True)
    open = fields.Integer("To Resolve", readonly=True)
    delay_hours = fields.Float("Delay Caused (h)", digits=(16, 1),
        readonly=True,
        help="Hours from the defect to its resolution, summed.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('non_conformities', 'DESC'), ('id', 'ASC')]

    @classmethod
    def table_query(cls):
        nc = Pool().get('powder_coating.non_conformity').__table__()
        return nc.select(
            Min(nc.id).as_('id'),
            nc.company.as_('company'),
            nc.defect_type.as_('defect_type'),
            Count(nc.id).as_('non_conformities'),
            Count(nc.part, distinct=True).as_('parts'),
            (Count(nc.id) - Count(nc.closed_date)).as_('open'),
            cls.delay_hours.sql_cast(Sum(Coalesce(nc.resolved_hours, 0))
                ).as_('delay_hours'),
            *no_log(),
            where=period_where(nc.date, nc.company, True),
            group_by=[nc.company, nc.defect_type])


class NonConformityPowderMixin(NonConformityRateMixin, FinishedPartsMixin):
    "Parts finished in the period and their non-conformities."
    __slots__ = ()

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('non_conformities', 'DESC'), ('id', 'ASC')]

    @classmethod
    def _columns(cls, tables):
        day = tables['day']
        return super()._columns(tables) + [
            Sum(day.nc_parts).as_('nc_parts'),
            Sum(day.ncs).as_('non_conformities'),
            ]


class NonConformityPowderDashboard(
        PowderNameMixin, NonConformityPowderMixin, Dashboard):
    "The powders most linked to non-conformities in the period."
    __name__ = 'powder_coating.dashboard.nc_powder'
    __string__ = "Non-conformities per Powder"
    _group_name = 'powder'

    powder = fields.Many2One('powder_coating.powder', "Powder",
        readonly=True)

    @classmethod
    def _group(cls, day, powder):
        return day.powder


class NonConformityFinishDashboard(
        PerFinishMixin, NonConformityPowderMixin, Dashboard):
    "The finishes most linked to non-conformities in the period."
    __name__ = 'powder_coating.dashboard.nc_finish'
    __string__ = "Non-conformities per Finish"


class MoneyDashboard(TimeSeries):
    """Signed quotes per acceptance date, until invoicing exists: payments,
    unpaid amounts and deposits are not known yet."""
    __name__ = 'powder_coating.dashboard.money'
    __string__ = "Money Dashboard"

    quotes = fields.Integer("Signed Quotes", readonly=True)
    untaxed_amount = fields.Numeric("Signed (untaxed)", digits=(16, 2),
        readonly=True,
        help="Untaxed total of the quotes signed in the day, week or month "
        "(invoicing is not available yet).")
    total_amount = fields.Numeric("Signed (incl. VAT)", digits=(16, 2),
        readonly=True)

    @classmethod
    def table_query(cls):
        quote = Pool().get('powder_coating.quote').__table__()
        date = period_start(quote.accepted_at)
        return quote.select(
            *cls._keys(quote, date),
            Count(quote.id).as_('quotes'),
            cls.untaxed_amount.sql_cast(
                Sum(Coalesce(quote.untaxed_amount_cache, 0))
                ).as_('untaxed_amount'),
            cls.total_amount.sql_cast(
                Sum(Coalesce(quote.total_amount_cache, 0))
                ).as_('total_amount'),
            *no_log(),
            where=(quote.state == 'accepted')
            & period_where(quote.accepted_at, quote.company, True),
            group_by=[quote.company, date])


def period_buckets(period):
    "The first days of the context's periods, in order."
    from_date, to_date = _context_date('from_date'), _context_date('to_date')
    if not from_date or not to_date:
        return []
    start = from_date
    if period == 'week':
        start -= dt.timedelta(days=start.weekday())
    elif period == 'month':
        start = start.replace(day=1)
    step = {
        'day': relativedelta(days=1),
        'week': relativedelta(weeks=1),
        'month': relativedelta(months=1),
        }[period]
    buckets = []
    while start <= to_date:
        buckets.append(start)
        start += step
    return buckets


class _Series(Aggregate):
    "The values of a group joined by commas, on SQLite and PostgreSQL."
    __slots__ = ()
    _sql = 'GROUP_CONCAT'

    def __str__(self):
        if backend.name == 'sqlite':
            return super().__str__()
        return "ARRAY_TO_STRING(ARRAY_AGG(%s), ',')" % self.expression

    @property
    def params(self):
        return self.expression.params


class PowderUseMixin:
    "The powder sprayed: done moves from the stock to the powder booth."
    __slots__ = ()
    powder = fields.Many2One('powder_coating.powder', "Powder",
        readonly=True)
    kg = fields.Float("Used (kg)", digits=(16, 1), readonly=True,
        help="Powder sprayed: the stock moves to the powder booth.")

    @classmethod
    def _used(cls):
        "The kilograms sprayed per workshop, powder and period."
        pool = Pool()
        day = pool.get('powder_coating.powder.day').__table__()
        powder = pool.get('powder_coating.powder').__table__()
        date = period_start(day.date)
        return day.join(powder, condition=day.product == powder.product
            ).select(
                Min(day.id).as_('id'),
                day.company.as_('company'),
                powder.id.as_('powder'),
                date.as_('date'),
                cls.kg.sql_cast(Sum(day.used)).as_('kg'),
                where=(day.used != 0)
                & period_where(day.date, day.company),
                group_by=[day.company, powder.id, date])


class PowderUseDashboard(PowderNameMixin, PowderUseMixin, Dashboard):
    """Kilograms of each powder used in the period, and their trend per
    day, week or month."""
    __name__ = 'powder_coating.dashboard.powder'
    __string__ = "Powder Use"

    series = fields.Char("Series", readonly=True)
    trend = fields.Function(fields.Char("Trend",
            help="The kilograms used per day, week or month of the "
            "period."), 'get_trend')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('kg', 'DESC'), ('id', 'ASC')]

    @classmethod
    def table_query(cls):
        # A powder is one row: its id names the row, so that opening it
        # shows the same powder over time. Its kilograms per period come
        # along ("2025-03-01:5.0,...") for the trend.
        used = cls._used()
        date = used.date
        if backend.name != 'sqlite':
            date = Cast(date, 'VARCHAR')
        return used.select(
            used.powder.as_('id'),
            used.company.as_('company'),
            used.powder.as_('powder'),
            cls.kg.sql_cast(Sum(used.kg)).as_('kg'),
            _Series(Concat(Concat(date, ':'), Cast(used.kg, 'VARCHAR'))
                ).as_('series'),
            *no_log(),
            group_by=[used.company, used.powder])

    @classmethod
    def get_trend(cls, rows, name):
        period = Transaction().context.get('period') or 'month'
        buckets = period_buckets(period)
        result = {}
        for row in rows:
            kg = {}
            for value in (row.series or '').split(','):
                if value:
                    date, quantity = value.split(':')
                    kg[dt.date.fromisoformat(date[:10])] = float(quantity)
            result[row.id] = sparkline([kg.get(b, 0) for b in buckets])
        return result


class PowderUseTimeSeries(PowderUseMixin, TimeSeries):
    "Kilograms of each powder used per day, week or month."
    __name__ = 'powder_coating.dashboard.powder.month'
    __string__ = "Powder Use over Time"

    @classmethod
    def table_query(cls):
        used = cls._used()
        return used.select(used.id, used.company, used.powder, used.date,
            used.kg, *no_log())


RISKS = [
    ('out', "Out of Stock"),
    ('threshold', "Under Threshold"),
    ('lead_time', "Runs Out before Delivery"),
    ('ok', "OK"),
    ]


class StockDashboard(PowderNameMixin, Dashboard):
    """The powders at risk of running out: the stock at the end of the
    period against the pace of use over the period, the alert threshold
    and the supplier's lead time; and how far the stock can be trusted."""
    __name__ = 'powder_coating.dashboard.stock'
    __string__ = "Stock Dashboard"

    powder = fields.Many2One('powder_coating.powder', "Powder",
        readonly=True)
    stock_kg = fields.Float("Stock (kg)", digits=(16, 1), readonly=True,
        help="Theoretical stock at the end of the period: receipts less "
        "what was sprayed, with the weighings' corrections.")
    used_kg = fields.Float("Used (kg)", digits=(16, 1), readonly=True,
        help="Powder sprayed over the period.")
    days_left = fields.Float("Days Left", digits=(16, 0), readonly=True,
        help="Days until the stock runs out at the pace of the period; "
        "empty when the powder was not used.")
    threshold = fields.Float("Alert Threshold (kg)", digits=(16, 1),
        readonly=True)
    lead_time = fields.Integer("Supplier Lead Time (days)", readonly=True)
    risk = fields.Selection(RISKS, "Risk", readonly=True, sort=False)
    reliability = fields.Float("Reliability (%)", digits=(16, 1),
        readonly=True,
        help="How well the weighings agree with the theoretical stock.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [
            ('days_left', 'ASC NULLS LAST'),
            ('stock_kg', 'ASC'),
            ('id', 'ASC'),
            ]

    @classmethod
    def view_attributes(cls):
        return super().view_attributes() + [
            ('/tree', 'visual', If(Eval('risk') == 'ok', '',
                    If(Eval('risk') == 'lead_time', 'warning', 'danger'))),
            ]

    @classmethod
    def _days(cls, company, from_date, to_date):
        """The stock of each product at `to_date` and what was sprayed
        from `from_date`."""
        day = Pool().get('powder_coating.powder.day').__table__()
        return day.select(
            day.product.as_('product'),
            Sum(day.change).as_('stock'),
            Sum(Case((day.date >= from_date, day.used), else_=0)
                ).as_('used'),
            where=(day.company == company) & (day.date <= to_date),
            group_by=[day.product])

    @classmethod
    def table_query(cls):
        powder = Pool().get('powder_coating.powder').__table__()
        company = Transaction().context.get('company')
        to_date = _context_date('to_date') or Pool().get('ir.date').today()
        from_date = _context_date('from_date') or to_date
        length = (to_date - from_date).days + 1
        # Without a workshop in the context, nothing: a workshop's stock is
        # read in its own context.
        company = company if company is not None else -1
        days = cls._days(company, from_date, to_date)
        stock_kg = Coalesce(days.stock, 0)
        used_kg = Coalesce(days.used, 0)
        days_left = Case((used_kg > 0, stock_kg * length / used_kg),
            else_=Null)
        threshold = cls.threshold.sql_cast(
            Coalesce(powder.reorder_threshold, 0))
        risk = Case(
            (stock_kg <= 0, 'out'),
            (stock_kg <= threshold, 'threshold'),
            (days_left <= powder.lead_time, 'lead_time'),
            else_='ok')
        return powder.join(days, 'LEFT',
                condition=days.product == powder.product
            ).select(
                powder.id.as_('id'),
                powder.company.as_('company'),
                powder.id.as_('powder'),
                cls.stock_kg.sql_cast(stock_kg).as_('stock_kg'),
                cls.used_kg.sql_cast(used_kg).as_('used_kg'),
                cls.days_left.sql_cast(days_left).as_('days_left'),
                cls.threshold.sql_cast(powder.reorder_threshold
                    ).as_('threshold'),
                powder.lead_time.as_('lead_time'),
                risk.as_('risk'),
                cls.reliability.sql_cast(powder.reliability
                    ).as_('reliability'),
                *no_log(),
                # The powders the workshop stocks: moved once, or with an
                # alert threshold.
                where=(powder.company == company)
                & (powder.product != Null)
                & (powder.active == Literal(True))
                & ((days.product != Null)
                    | (powder.reorder_threshold != Null)))


class PowderDay(TenantOwnedMixin, ModelSQL):
    """What each powder did in a day: the kilograms sprayed (moves to the
    powder booth) and the change of its stock in the storage (receipts,
    sprayed powder, weighing corrections). Kept up to date when stock moves
    are done or cancelled, so that the powder and stock dashboards sum a few
    rows per powder and day instead of every stock move."""
    __name__ = 'powder_coating.powder.day'
    __string__ = "Powder per Day"

    product = fields.Many2One('product.product', "Product", required=True,
        readonly=True, ondelete='CASCADE')
    date = fields.Date("Date", required=True, readonly=True)
    used = fields.Float("Used (kg)", readonly=True)
    change = fields.Float("Stock Change (kg)", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.add(Index(t,
                (t.company, Index.Equality()),
                (t.date, Index.Range()),
                include=[t.product, t.used, t.change]))

    @classmethod
    def __register__(cls, module):
        exist = backend.TableHandler.table_exist(cls._table)
        super().__register__(module)
        if not exist:
            try:
                cls.rebuild()
            except KeyError:
                # First installation: no powder booth yet, so no moves.
                pass

    @classmethod
    def _moves_query(cls, where=None):
        """Per workshop, powder product and day: the kilograms sprayed and
        the change in the storage of the done moves (`where` restricts
        them)."""
        pool = Pool()
        move = pool.get('stock.move').__table__()
        powder = pool.get('powder_coating.powder').__table__()
        storage = storage_location().id
        used = Case((move.to_location == consumption_location().id,
                move.internal_quantity), else_=0)
        change = Case(
            (move.to_location == storage, move.internal_quantity),
            (move.from_location == storage, -move.internal_quantity),
            else_=0)
        condition = (move.state == 'done') & (move.effective_date != Null)
        if where is not None:
            condition &= where(move)
        return move.select(
            move.company, move.product, move.effective_date,
            Sum(used), Sum(change),
            where=condition
            & move.product.in_(powder.select(powder.product,
                    where=powder.product != Null)),
            group_by=[move.company, move.product, move.effective_date])

    @classmethod
    def rebuild(cls):
        "Compute the table again from the done stock moves."
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*table.delete())
        cursor.execute(*table.insert(
                [table.company, table.product, table.date, table.used,
                    table.change],
                cls._moves_query()))

    @classmethod
    def add_moves(cls, moves, sign=1):
        "Add (or with sign -1 take off) done `moves` to their days."
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        ids = [m.id for m in moves]
        if not ids:
            return
        cursor.execute(*cls._moves_query(lambda move: move.id.in_(ids)))
        for company, product, date, used, change in cursor.fetchall():
            if not used and not change:
                continue
            where = ((table.company == company) & (table.product == product)
                & (table.date == date))
            cursor.execute(*table.update(
                    [table.used, table.change],
                    [table.used + sign * used, table.change + sign * change],
                    where=where))
            if not cursor.rowcount:
                # Two transactions may both insert a day: the dashboards
                # sum the rows, so the figures stay right.
                cursor.execute(*table.insert(
                        [table.company, table.product, table.date,
                            table.used, table.change],
                        [[company, product, date, sign * used,
                                sign * change]]))


def days_where(company_column, date_column, company=None, first=None,
        last=None, timestamp=False):
    """Rows of `company` (all when None) whose `date_column` is from
    `first` to `last` included (open ends when None); `timestamp`: the
    column holds date-times."""
    where = Literal(True)
    if company is not None:
        where &= company_column == company
    if first is not None:
        where &= date_column >= (dt.datetime.combine(first, dt.time())
            if timestamp else first)
    if last is not None:
        where &= (date_column < dt.datetime.combine(
                last + dt.timedelta(days=1), dt.time())
            if timestamp else date_column <= last)
    return where


def day_of(value):
    "The date of a date-time read from the database (SQLite gives text)."
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    return value


class DaySummaryMixin:
    """A summary table with one row per workshop, day (and key), computed
    again from its source for the days that changed: `_source_query` gives
    the rows of the days `days_where` selects."""
    __slots__ = ()
    date = fields.Date("Date", required=True, readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        # The dashboards read a workshop's period: the figures from the
        # index alone.
        cls._sql_indexes.add(Index(t,
                (t.company, Index.Equality()),
                (t.date, Index.Range()),
                include=[Column(t, c) for c in cls._columns()
                    if c not in {'company', 'date'}]))

    @classmethod
    def __register__(cls, module):
        exist = backend.TableHandler.table_exist(cls._table)
        super().__register__(module)
        if not exist:
            cls.refresh()

    @classmethod
    def _columns(cls):
        raise NotImplementedError

    @classmethod
    def _source_query(cls, company, first, last):
        raise NotImplementedError

    @classmethod
    def refresh(cls, company=None, first=None, last=None):
        """Compute again the days from `first` to `last` (every day when
        not given) of `company` (every workshop when not given)."""
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*table.delete(
                where=days_where(table.company, table.date, company, first,
                    last)))
        cursor.execute(*table.insert(
                [Column(table, c) for c in cls._columns()],
                cls._source_query(company, first, last)))

    @classmethod
    def refresh_days(cls, days):
        "Compute again `days`, pairs of a workshop and a date."
        by_company = {}
        for company, date in days:
            if company and date:
                by_company.setdefault(company, set()).add(date)
        for company, dates in by_company.items():
            cls.refresh(company, min(dates), max(dates))

    @classmethod
    def days_of(cls, table, date_column, ids):
        "The workshop and day of the rows `ids` of `table` (dated ones)."
        cursor = Transaction().connection.cursor()
        days = set()
        for sub_ids in grouped_slice(ids):
            cursor.execute(*table.select(table.company, date_column,
                    where=reduce_ids(table.id, list(sub_ids))
                    & (date_column != Null)))
            days.update((c, day_of(d)) for c, d in cursor)
        return days


class QuoteDay(DaySummaryMixin, TenantOwnedMixin, ModelSQL):
    """The quotes sent in a day and what became of them: computed again for
    the days of the quotes created, changed or deleted, so that the quote
    dashboard sums a row per day instead of every quote."""
    __name__ = 'powder_coating.quote.day'
    __string__ = "Quotes per Day"

    sent = fields.Integer("Quotes Sent", readonly=True)
    accepted = fields.Integer("Quotes Accepted", readonly=True)
    refused = fields.Integer("Quotes Refused", readonly=True)
    expired = fields.Integer("Quotes Expired", readonly=True)
    amount = fields.Numeric("Amount Quoted", digits=(16, 2), readonly=True)
    accept_days = fields.Float("Days to Accept", readonly=True,
        help="Days from sending to signature, summed over the accepted "
        "quotes.")

    @classmethod
    def _columns(cls):
        return ['company', 'date', 'sent', 'accepted', 'refused', 'expired',
            'amount', 'accept_days']

    @classmethod
    def _source_query(cls, company, first, last):
        quote = Pool().get('powder_coating.quote').__table__()
        date = as_date(quote.sent_at)
        return quote.select(
            quote.company, date,
            Count(quote.id),
            Sum(Case((quote.state == 'accepted', 1), else_=0)),
            Sum(Case((quote.state == 'refused', 1), else_=0)),
            Sum(Case((quote.state == 'expired', 1), else_=0)),
            Sum(Coalesce(quote.untaxed_amount_cache, 0)),
            # Only accepted quotes have an acceptance date.
            Sum(days_between(quote.sent_at, quote.accepted_at)),
            where=(quote.sent_at != Null)
            & days_where(quote.company, quote.sent_at, company, first, last,
                timestamp=True),
            group_by=[quote.company, date])


class ReadyDay(DaySummaryMixin, TenantOwnedMixin, ModelSQL):
    """What each powder finished in a day: the parts of the projects that
    became ready that day coated with it, their units, surface and
    non-conformities. Computed again for the days a project enters or
    leaves, so that the shade, finish and quality dashboards sum a few rows
    per powder and day instead of every part."""
    __name__ = 'powder_coating.powder.ready_day'
    __string__ = "Powder Finished per Day"

    powder = fields.Many2One('powder_coating.powder', "Powder",
        readonly=True, ondelete='CASCADE')
    parts = fields.Integer("Parts", readonly=True)
    quantity = fields.Integer("Units", readonly=True)
    surface = fields.Numeric("Surface (m²)", digits=(16, 4), readonly=True)
    nc_parts = fields.Integer("Parts with Non-conformity", readonly=True)
    ncs = fields.Integer("Non-conformities", readonly=True)

    @classmethod
    def _columns(cls):
        return ['company', 'date', 'powder', 'parts', 'quantity', 'surface',
            'nc_parts', 'ncs']

    @classmethod
    def _source_query(cls, company, first, last):
        pool = Pool()
        part = pool.get('powder_coating.project.part').__table__()
        project = pool.get('powder_coating.project').__table__()
        nc = pool.get('powder_coating.non_conformity').__table__()
        ncs = nc.select(nc.part.as_('part'), Count(nc.id).as_('count'),
            group_by=[nc.part])
        date = as_date(project.ready_date)
        return part.join(project, condition=part.project == project.id
            ).join(ncs, 'LEFT', condition=ncs.part == part.id
            ).select(
                project.company, date, part.powder,
                Count(part.id),
                Sum(Coalesce(part.quantity, 0)),
                Sum(Coalesce(part.surface, 0) * Coalesce(part.quantity, 0)),
                Count(ncs.part),
                Sum(Coalesce(ncs.count, 0)),
                where=(project.ready_date != Null)
                & days_where(project.company, project.ready_date, company,
                    first, last, timestamp=True),
                group_by=[project.company, date, part.powder])


class Move(metaclass=PoolMeta):
    __name__ = 'stock.move'

    @classmethod
    def do(cls, moves):
        super().do(moves)
        Pool().get('powder_coating.powder.day').add_moves(moves)

    @classmethod
    def cancel(cls, moves):
        done = [m for m in moves if m.state == 'done']
        Pool().get('powder_coating.powder.day').add_moves(done, -1)
        super().cancel(moves)


class Quote(metaclass=PoolMeta):
    __name__ = 'powder_coating.quote'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.update({
                Index(t,
                    (t.company, Index.Equality()),
                    (t.sent_at, Index.Range()),
                    include=[t.state, t.accepted_at,
                        t.untaxed_amount_cache],
                    where=t.sent_at != Null),
                Index(t,
                    (t.company, Index.Equality()),
                    (t.accepted_at, Index.Range()),
                    include=[t.untaxed_amount_cache, t.total_amount_cache],
                    where=t.state == 'accepted'),
                })

    @classmethod
    def _sent_days(cls, ids):
        table = cls.__table__()
        return Pool().get('powder_coating.quote.day').days_of(
            table, table.sent_at, ids)

    @classmethod
    def create(cls, vlist):
        quotes = super().create(vlist)
        Pool().get('powder_coating.quote.day').refresh_days(
            cls._sent_days([q.id for q in quotes]))
        return quotes

    @classmethod
    def write(cls, *args):
        ids = list({q.id for quotes in args[::2] for q in quotes})
        before = cls._sent_days(ids)
        super().write(*args)
        Pool().get('powder_coating.quote.day').refresh_days(
            before | cls._sent_days(ids))

    @classmethod
    def delete(cls, quotes):
        days = cls._sent_days([q.id for q in quotes])
        super().delete(quotes)
        Pool().get('powder_coating.quote.day').refresh_days(days)


class Project(metaclass=PoolMeta):
    __name__ = 'powder_coating.project'

    # What the production and quality dashboards sum, stored when the
    # project becomes ready: a year of dashboards reads the projects, not
    # their parts and non-conformities (bench/dashboards.py).
    ready_parts = fields.Integer("Parts Finished", readonly=True)
    ready_surface = fields.Numeric("Surface Finished (m²)", digits=(16, 4),
        readonly=True)
    ready_nc_parts = fields.Integer("Parts with Non-conformity",
        readonly=True)
    ready_ncs = fields.Integer("Non-conformities", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.add(Index(t,
                (t.company, Index.Equality()),
                (t.ready_date, Index.Range()),
                include=[t.drop_off_date, t.promised_date, t.closed_date,
                    t.ready_parts, t.ready_surface, t.ready_nc_parts,
                    t.ready_ncs],
                where=t.ready_date != Null))

    @classmethod
    def __register__(cls, module):
        # A database from before these columns: fill them for the
        # projects already ready.
        fill = (backend.TableHandler.table_exist(cls._table)
            and not cls.__table_handler__(module).column_exist(
                'ready_parts'))
        super().__register__(module)
        if fill:
            table = cls.__table__()
            cursor = Transaction().connection.cursor()
            cursor.execute(*table.select(table.id,
                    where=table.ready_date != Null))
            # (The powders' days are filled when their table is created.)
            cls._store_project_figures(
                [cls(i) for i, in cursor.fetchall()])

    @classmethod
    def _ready_days(cls, projects):
        "The workshop and day each project is stored ready on."
        table = cls.__table__()
        return Pool().get('powder_coating.powder.ready_day').days_of(
            table, table.ready_date, [p.id for p in projects])

    @classmethod
    def update_states(cls, projects):
        # A project may leave a day (sent back to touch-up) and enter
        # another one: both are computed again.
        before = cls._ready_days(projects)
        became_ready = super().update_states(projects)
        cls.store_ready_figures([p for p in projects if p.ready_date],
            also=before)
        return became_ready

    @classmethod
    def store_ready_figures(cls, projects, also=()):
        """Count the parts, the surface coated (surface × quantity) and the
        non-conformities of `projects` (those ready) into their columns,
        and compute again their days per powder (and the days `also`)."""
        cls._store_project_figures(projects)
        Pool().get('powder_coating.powder.ready_day').refresh_days(
            set(also) | cls._ready_days(projects))

    @classmethod
    def _store_project_figures(cls, projects):
        pool = Pool()
        part = pool.get('powder_coating.project.part').__table__()
        nc = pool.get('powder_coating.non_conformity').__table__()
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        # One statement per slice, each figure a subquery on the project.
        parts = part.select(Count(part.id),
            where=part.project == table.id)
        surface = part.select(Coalesce(Sum(Coalesce(part.surface, 0)
                    * Coalesce(part.quantity, 0)), 0),
            where=part.project == table.id)
        defective = nc.join(part, condition=nc.part == part.id)
        nc_parts = defective.select(Count(nc.part, distinct=True),
            where=part.project == table.id)
        ncs = defective.select(Count(nc.id),
            where=part.project == table.id)
        for ids in grouped_slice([p.id for p in projects]):
            cursor.execute(*table.update(
                    [table.ready_parts, table.ready_surface,
                        table.ready_nc_parts, table.ready_ncs],
                    [parts, surface, nc_parts, ncs],
                    where=reduce_ids(table.id, list(ids))))


class ProjectPart(metaclass=PoolMeta):
    __name__ = 'powder_coating.project.part'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.add(Index(t,
                (t.project, Index.Equality()),
                include=[t.powder, t.quantity, t.surface]))


class NonConformity(metaclass=PoolMeta):
    __name__ = 'powder_coating.non_conformity'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_indexes.update({
                Index(t,
                    (t.company, Index.Equality()),
                    (t.part, Index.Equality())),
                # A project's figures count its parts' non-conformities.
                Index(t, (t.part, Index.Equality())),
                })


class Configuration(metaclass=PoolMeta):
    __name__ = 'powder_coating.configuration'

    daily_capacity = fields.Float("Daily Capacity (m²)", digits=(16, 1),
        domain=['OR',
            ('daily_capacity', '=', None),
            ('daily_capacity', '>', 0),
            ],
        help="The surface the workshop can coat in one working day, all "
        "ovens together: the production dashboard compares the surface "
        "coated with it.")
    working_days = fields.Integer("Working Days per Week", required=True,
        domain=[('working_days', '>=', 1), ('working_days', '<=', 7)],
        help="Days worked per week, from Monday: 5 is Monday to Friday.")

    @staticmethod
    def default_working_days():
        return 5
