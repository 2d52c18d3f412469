# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The publisher's figures, read from the subscriptions' history: MRR,
ARR, the month's MRR movements, revenue and logo churn, trial conversion
and plan mix, month by month.

The computations are pure functions over history events (see
`HistoryEvent`), as SaaS metrics tools (Baremetrics, ChartMogul,
ProfitWell) define them; the two models below only load the events and
show the figures as lists and graphs to the publisher."""
import datetime as dt
from collections import Counter, namedtuple
from decimal import Decimal

from sql import Literal, Select, Union
from sql.operators import Equal

from trytond.model import ModelSQL, ModelView, fields
from trytond.pool import Pool
from trytond.pyson import Eval, If
from trytond.transaction import Transaction

from .billing import add_months, round_cent

# One event of a subscription's history: the MRR is the monthly recurring
# revenue after the event (0 unless paying); `sequence` orders the events
# of one day (the event's id).
HistoryEvent = namedtuple('HistoryEvent',
    ['subscription', 'date', 'kind', 'mrr', 'plan', 'sequence'],
    defaults=[None, 0])

# The state a subscription is in after an event of this kind; the other
# kinds (changes, renewals, cancellation requested or withdrawn, price
# changes) leave it as it was.
STATE_AFTER = {
    'trial_started': 'trial',
    'trial_expired': 'expired',
    'converted': 'active',
    'past_due': 'past_due',
    'suspended': 'suspended',
    'reactivated': 'active',
    'cancelled': 'cancelled',
    }
ZERO = Decimal(0)


# --- months ----------------------------------------------------------------

def month_start(date):
    "The first day of the month of `date`."
    return date.replace(day=1)


def month_end(date):
    "The last day of the month of `date`."
    return add_months(month_start(date), 1) - dt.timedelta(days=1)


def months(from_date, to_date):
    "The first days of the months from `from_date` to `to_date` included."
    result, month = [], month_start(from_date)
    while month <= to_date:
        result.append(month)
        month = add_months(month, 1)
    return result


# --- history ---------------------------------------------------------------

def histories(events):
    """The events by subscription, each history in order (date, then
    sequence); a dict of histories is returned as it is."""
    if isinstance(events, dict):
        return events
    result = {}
    for event in events:
        result.setdefault(event.subscription, []).append(event)
    for history in result.values():
        history.sort(key=lambda e: (e.date, e.sequence))
    return result


def _last_on(history, date):
    "The last event of `history` on or before `date` (None before it)."
    last = None
    for event in history:
        if event.date > date:
            break
        last = event
    return last


def _mrr_on(history, date):
    last = _last_on(history, date)
    return Decimal(last.mrr or 0) if last else ZERO


def mrr_at(events, date):
    """Monthly recurring revenue at the end of `date`: the sum over the
    subscriptions of the MRR after their last event on or before it.
    Trials, ended trials, suspended and cancelled subscriptions bring 0;
    past-due ones still count (their revenue is not lost yet)."""
    return sum((_mrr_on(h, date) for h in histories(events).values()), ZERO)


def arr(mrr):
    "Annual run rate: 12 × MRR."
    return Decimal(mrr) * 12


def _before(month):
    "The day before the month: its opening figures are this day's close."
    return month_start(month) - dt.timedelta(days=1)


def mrr_movements(events, month):
    """The month's MRR movements, as ChartMogul and Baremetrics split
    them, event by event (each event moves a subscription from the MRR
    of its previous event to its own):

    - new: from 0 to paying, for a subscription that never paid before
      (a trial's conversion, a first subscription);
    - reactivation: from 0 to paying again (after a cancellation or a
      suspension);
    - expansion / contraction: a paying subscription's MRR goes up /
      down (upgrade, option, quantity, downgrade);
    - churned: from paying to 0 (ended at period end, or suspended for
      non-payment: delinquent churn).

    Amounts are positive; opening MRR + new + reactivation + expansion
    - contraction - churned = closing MRR."""
    first, last = month_start(month), month_end(month)
    result = dict.fromkeys(
        ['new', 'reactivation', 'expansion', 'contraction', 'churned'], ZERO)
    for history in histories(events).values():
        previous, paid = ZERO, False
        for event in history:
            if event.date > last:
                break
            mrr = Decimal(event.mrr or 0)
            if event.date >= first:
                if previous == 0 and mrr > 0:
                    result['reactivation' if paid else 'new'] += mrr
                elif previous > 0 and mrr == 0:
                    result['churned'] += previous
                elif mrr > previous:
                    result['expansion'] += mrr - previous
                elif mrr < previous:
                    result['contraction'] += previous - mrr
            paid = paid or mrr > 0
            previous = mrr
    return result


def revenue_churn(events, month):
    """Gross MRR churn rate (ProfitWell, Baremetrics "revenue churn"):
    the MRR lost in the month through downgrades (contraction) and ends
    (churned) ÷ the MRR at the start of the month; expansion does not
    offset it. None when there was no MRR at the start."""
    opening = mrr_at(events, _before(month))
    if not opening:
        return None
    moves = mrr_movements(events, month)
    return (moves['contraction'] + moves['churned']) / opening


def logo_churn(events, month):
    """Customer (logo) churn rate: the subscriptions paying at the start
    of the month (MRR > 0) that no longer pay at its end (ended or
    suspended) ÷ the subscriptions paying at its start. One that is new
    in the month is in neither count; one suspended and paid again within
    the month is not churned. None when nobody paid at the start."""
    start, end = _before(month), month_end(month)
    paying = [h for h in histories(events).values() if _mrr_on(h, start) > 0]
    if not paying:
        return None
    lost = [h for h in paying if _mrr_on(h, end) == 0]
    return Decimal(len(lost)) / len(paying)


def trial_outcomes(events):
    """Each trial's outcome: (day its trial finished, converted). A trial
    finishes on its conversion, or on its end without a plan; one that
    subscribes after its end still counts as converted (ChartMogul's
    "have since become paying"), on the day its trial ended. Trials not
    finished yet are left out."""
    outcomes = []
    for history in histories(events).values():
        in_trial, ended = False, None
        for event in history:
            if event.kind == 'trial_started':
                if in_trial and ended:
                    outcomes.append((ended, False))
                in_trial, ended = True, None
            elif not in_trial:
                continue
            elif event.kind == 'trial_expired' and ended is None:
                ended = event.date
            elif event.kind == 'converted':
                outcomes.append((ended or event.date, True))
                in_trial, ended = False, None
        if in_trial and ended:
            outcomes.append((ended, False))
    return outcomes


def trial_conversion(events, month):
    """Trial conversion rate: of the trials that finished in the month
    (converted or ended), the share that converted. None when no trial
    finished in the month."""
    first, last = month_start(month), month_end(month)
    finished = [converted for day, converted in trial_outcomes(events)
        if first <= day <= last]
    if not finished:
        return None
    return Decimal(len([c for c in finished if c])) / len(finished)


def plan_mix(events, date):
    """The paying subscriptions (MRR > 0) per plan at the end of `date`:
    a Counter {plan: count}."""
    mix = Counter()
    for history in histories(events).values():
        last = _last_on(history, date)
        if last and (last.mrr or 0) > 0:
            mix[last.plan] += 1
    return mix


def plan_mrr(events, date):
    "The MRR per plan at the end of `date`: {plan: Decimal}."
    result = {}
    for history in histories(events).values():
        last = _last_on(history, date)
        if last and (last.mrr or 0) > 0:
            result[last.plan] = result.get(last.plan, ZERO) + Decimal(
                last.mrr)
    return result


def states_at(events, date):
    """The subscriptions per state at the end of `date` (a Counter),
    the state following from the kinds of their events."""
    counts = Counter()
    for history in histories(events).values():
        state = None
        for event in history:
            if event.date > date:
                break
            state = STATE_AFTER.get(event.kind, state)
        if state:
            counts[state] += 1
    return counts


def percent(ratio):
    "A ratio as a percentage with two decimals (None stays None)."
    if ratio is None:
        return None
    return round_cent(Decimal(ratio) * 100)


def month_figures(events, month):
    "Every figure of `month` in a dict (amounts and percentages)."
    events = histories(events)
    last = month_end(month)
    mrr = mrr_at(events, last)
    moves = mrr_movements(events, month)
    states = states_at(events, last)
    return {
        'mrr': round_cent(mrr),
        'arr': round_cent(arr(mrr)),
        'new_mrr': round_cent(moves['new']),
        'reactivation_mrr': round_cent(moves['reactivation']),
        'expansion_mrr': round_cent(moves['expansion']),
        'contraction_mrr': round_cent(moves['contraction']),
        'churned_mrr': round_cent(moves['churned']),
        'net_new_mrr': round_cent(moves['new'] + moves['reactivation']
            + moves['expansion'] - moves['contraction'] - moves['churned']),
        'revenue_churn': percent(revenue_churn(events, month)),
        'logo_churn': percent(logo_churn(events, month)),
        'trial_conversion': percent(trial_conversion(events, month)),
        'active': states['active'],
        'trials': states['trial'],
        'past_due': states['past_due'],
        'suspended': states['suspended'],
        }


# --- the publisher's screens ---------------------------------------------

MAX_MONTHS = 120


def _context_date(name):
    value = Transaction().context.get(name)
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    if isinstance(value, dt.datetime):
        value = value.date()
    return value


def context_months():
    """The months of the context's period (by default the last twelve),
    at most ten years."""
    today = Pool().get('ir.date').today()
    to_date = _context_date('to_date') or today
    from_date = (_context_date('from_date')
        or add_months(month_start(to_date), -11))
    return months(from_date, to_date)[-MAX_MONTHS:] or [
        month_start(to_date)]


def month_key(month):
    "The row id of a month: 202604 for April 2026."
    return month.year * 100 + month.month


def key_month(key):
    return dt.date(key // 100, key % 100, 1)


def load_events(software=None):
    """The history of every workshop's subscription (of `software`, or of
    all), as HistoryEvents: the figures span every tenant."""
    pool = Pool()
    Event = pool.get('saas.subscription.event')
    Subscription = pool.get('saas.subscription')
    event = Event.__table__()
    subscription = Subscription.__table__()
    cursor = Transaction().connection.cursor()
    where = Literal(True)
    if software:
        where &= subscription.software == int(software)
    cursor.execute(*event.join(subscription,
            condition=event.subscription == subscription.id).select(
            event.subscription, event.date, event.kind, event.mrr,
            event.plan, event.id, where=where))
    result = []
    for subscription_id, date, kind, mrr, plan, id_ in cursor:
        if isinstance(date, str):
            date = dt.date.fromisoformat(date[:10])
        result.append(HistoryEvent(subscription_id, date, kind,
                Decimal(str(mrr or 0)), plan, id_))
    return result


def _no_log():
    return [Literal(None).as_(name) for name in [
            'create_uid', 'create_date', 'write_uid', 'write_date']]


def _publisher_currency():
    Configuration = Pool().get('saas.subscription.configuration')
    publisher = Configuration.get_publisher()
    return publisher.currency.id if publisher else None


class FigureContext(ModelView):
    "Figures Period"
    __name__ = 'saas.subscription.figure.context'
    __string__ = "Figures Period"

    software = fields.Many2One('saas.software', "Software",
        help="The software whose subscriptions are counted; empty: all.")
    from_date = fields.Date("From Month", required=True,
        domain=[If(Eval('to_date'), ('from_date', '<=', Eval('to_date')),
                ())],
        help="The figures start with the month of this day.")
    to_date = fields.Date("To Month", required=True,
        domain=[If(Eval('from_date'), ('to_date', '>=', Eval('from_date')),
                ())],
        help="The figures end with the month of this day; the plan mix is "
        "the one at the end of this month.")

    @classmethod
    def default_to_date(cls):
        return (_context_date('to_date')
            or Pool().get('ir.date').today())

    @classmethod
    def default_from_date(cls):
        "Twelve months up to this month."
        return (_context_date('from_date') or add_months(
                month_start(cls.default_to_date()), -11))


class Figure(ModelSQL, ModelView):
    """The figures of a month for the publisher: MRR and its movements,
    churn, trial conversion and the subscriptions by state."""
    __name__ = 'saas.subscription.figure'
    __string__ = "Monthly Figures"

    month = fields.Function(fields.Date("Month"), 'get_figures')
    period = fields.Function(fields.Char("Month"), 'get_figures')
    currency = fields.Function(fields.Many2One('currency.currency',
            "Currency"), 'get_figures')
    mrr = fields.Function(fields.Numeric("MRR", digits=(16, 2),
            help="Monthly recurring revenue at the end of the month "
            "(excluding VAT): what the paying subscriptions bring each "
            "month."), 'get_figures')
    arr = fields.Function(fields.Numeric("ARR", digits=(16, 2),
            help="Annual run rate: 12 × MRR."), 'get_figures')
    new_mrr = fields.Function(fields.Numeric("New MRR", digits=(16, 2),
            help="MRR of the subscriptions that paid for the first time "
            "in the month (converted trials, new customers)."),
        'get_figures')
    reactivation_mrr = fields.Function(fields.Numeric("Reactivation MRR",
            digits=(16, 2),
            help="MRR of the workshops that came back (after a "
            "cancellation or a suspension)."), 'get_figures')
    expansion_mrr = fields.Function(fields.Numeric("Expansion MRR",
            digits=(16, 2),
            help="MRR added by upgrades, options and quantities."),
        'get_figures')
    contraction_mrr = fields.Function(fields.Numeric("Contraction MRR",
            digits=(16, 2), help="MRR lost by downgrades."), 'get_figures')
    churned_mrr = fields.Function(fields.Numeric("Churned MRR",
            digits=(16, 2),
            help="MRR lost by subscriptions that ended or were "
            "suspended for non-payment."), 'get_figures')
    net_new_mrr = fields.Function(fields.Numeric("Net New MRR",
            digits=(16, 2),
            help="New + reactivation + expansion − contraction − churned: "
            "how much the MRR moved in the month."), 'get_figures')
    revenue_churn = fields.Function(fields.Numeric("Revenue Churn (%)",
            digits=(16, 2),
            help="MRR lost in the month (downgrades and ends) divided by "
            "the MRR at its start."), 'get_figures')
    logo_churn = fields.Function(fields.Numeric("Logo Churn (%)",
            digits=(16, 2),
            help="Subscriptions paying at the start of the month that "
            "no longer pay at its end, divided by those paying at its "
            "start."), 'get_figures')
    trial_conversion = fields.Function(fields.Numeric(
            "Trial Conversion (%)", digits=(16, 2),
            help="Of the trials that finished in the month, the share "
            "that subscribed."), 'get_figures')
    active_count = fields.Function(fields.Integer("Active",
            help="Subscriptions active at the end of the month."),
        'get_figures')
    trial_count = fields.Function(fields.Integer("Trials",
            help="Workshops in their free trial at the end of the month."),
        'get_figures')
    past_due_count = fields.Function(fields.Integer("Past Due",
            help="Subscriptions whose payment failed, not suspended yet."),
        'get_figures')
    suspended_count = fields.Function(fields.Integer("Suspended",
            help="Workshops suspended for non-payment (read-only)."),
        'get_figures')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('id', 'ASC')]

    @classmethod
    def table_query(cls):
        "One row per month of the context's period."
        queries = [Select([Literal(month_key(m)).as_('id')] + _no_log())
            for m in context_months()]
        query = queries[0]
        for other in queries[1:]:
            query = Union(query, other, all_=True)
        return query

    @classmethod
    def get_figures(cls, figures, names):
        software = Transaction().context.get('software')
        events = histories(load_events(software))
        currency = _publisher_currency()
        result = {n: {} for n in names}
        for figure in figures:
            month = key_month(figure.id)
            values = month_figures(events, month)
            values.update(month=month, period=month.strftime('%m/%Y'),
                currency=currency, active_count=values['active'],
                trial_count=values['trials'],
                past_due_count=values['past_due'],
                suspended_count=values['suspended'])
            for name in names:
                result[name][figure.id] = values[name]
        return result


class PlanMix(ModelSQL, ModelView):
    """The paying subscriptions per plan at the end of the month of the
    context's period end."""
    __name__ = 'saas.subscription.plan_mix'
    __string__ = "Plan Mix"

    plan = fields.Many2One('saas.plan', "Plan", readonly=True)
    software = fields.Many2One('saas.software', "Software", readonly=True)
    month = fields.Function(fields.Date("Month"), 'get_mix')
    currency = fields.Function(fields.Many2One('currency.currency',
            "Currency"), 'get_mix')
    subscriptions = fields.Function(fields.Integer("Paying Subscriptions",
            help="Subscriptions on the plan paying at the end of the "
            "month."), 'get_mix')
    share = fields.Function(fields.Numeric("Share (%)", digits=(16, 2),
            help="Of all paying subscriptions."), 'get_mix')
    mrr = fields.Function(fields.Numeric("MRR", digits=(16, 2),
            help="What the plan's subscriptions bring each month, their "
            "options included."), 'get_mix')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('software', 'ASC'), ('id', 'ASC')]

    @classmethod
    def table_query(cls):
        "One row per plan (not option) of the context's software."
        Plan = Pool().get('saas.plan')
        plan = Plan.__table__()
        where = Equal(plan.kind, 'plan')
        software = Transaction().context.get('software')
        if software:
            where &= plan.software == int(software)
        return plan.select(plan.id.as_('id'), plan.id.as_('plan'),
            plan.software.as_('software'), *_no_log(), where=where)

    @classmethod
    def get_mix(cls, mixes, names):
        software = Transaction().context.get('software')
        events = histories(load_events(software))
        month = context_months()[-1]
        end = month_end(month)
        counts = plan_mix(events, end)
        amounts = plan_mrr(events, end)
        total = sum(counts.values())
        currency = _publisher_currency()
        result = {n: {} for n in names}
        for mix in mixes:
            count = counts.get(mix.id, 0)
            values = {
                'month': month,
                'currency': currency,
                'subscriptions': count,
                'share': percent(Decimal(count) / total) if total else None,
                'mrr': round_cent(amounts.get(mix.id, ZERO)),
                }
            for name in names:
                result[name][mix.id] = values[name]
        return result
