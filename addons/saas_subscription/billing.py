# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The computations of SaaS billing, as pure functions: billing periods,
proration, tiered prices and SLA credits. Amounts are Decimal, rounded to
the cent only where an invoice line is made."""
import calendar
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal('0.01')


def round_cent(amount):
    "An amount rounded to the cent, half up (as on an invoice line)."
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def add_months(date, months, day=None):
    """The same day `months` later, or the last day of a shorter month;
    `day` is the anchor day of the period (31 keeps coming back to the end
    of the month after February)."""
    day = day or date.day
    month = date.month - 1 + months
    year = date.year + month // 12
    month = month % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day, last))


def period_end(start, anchor_day=None):
    "The first day after the monthly billing period starting on `start`."
    return add_months(start, 1, anchor_day or start.day)


def prorate(amount, period_start, period_end, on):
    """What remains of `amount`, billed for the period [start, end), from
    `on` to the end: by days, as Stripe and most billing tools do."""
    days = (period_end - period_start).days
    if days <= 0:
        return Decimal(0)
    on = min(max(on, period_start), period_end)
    return Decimal(amount) * (period_end - on).days / days


def change_amount(old_price, new_price, period_start, period_end, on,
        proration=True):
    """What a plan change on `on` adds to the current period: the unused
    part of the new price minus the unused part of the old one (negative on
    a downgrade: a credit). Zero without proration: the new price starts
    with the next period."""
    if not proration:
        return Decimal(0)
    return (prorate(new_price, period_start, period_end, on)
        - prorate(old_price, period_start, period_end, on))


def tiered_amount(quantity, tiers, mode='graduated'):
    """The monthly price of `quantity` units on `tiers`, a list of
    (up_to, unit_price, flat_fee) sorted by up_to, the last up_to None
    (unbounded).

    - graduated: each unit is priced by the tier it falls in (the first
      100 at one price, the next ones at another);
    - volume: every unit is priced by the tier the total falls in.
    A tier's flat fee is added once when the quantity reaches it
    (graduated) or for the tier of the total (volume)."""
    quantity = Decimal(quantity or 0)
    if quantity <= 0 or not tiers:
        return Decimal(0)
    total = Decimal(0)
    lower = Decimal(0)
    for up_to, unit_price, flat_fee in tiers:
        upper = Decimal(up_to) if up_to is not None else None
        if mode == 'volume':
            if upper is None or quantity <= upper:
                return (quantity * Decimal(unit_price)
                    + Decimal(flat_fee or 0))
            continue
        in_tier = (min(quantity, upper) if upper is not None
            else quantity) - lower
        if in_tier > 0:
            total += in_tier * Decimal(unit_price) + Decimal(flat_fee or 0)
        if upper is None or quantity <= upper:
            break
        lower = upper
    return total


def sla_credit_share(uptime, target, max_credit=Decimal('0.10')):
    """The share of the month's fee credited when `uptime` (percent) falls
    under the plan's `target` (percent): up to `max_credit`, in proportion
    to the shortfall (99.3 % for a promise of 99.5 % is 40 % of the credit:
    0.2 of the 0.5 points the promise allows to lose)."""
    if uptime is None or target is None:
        return Decimal(0)
    uptime, target = Decimal(str(uptime)), Decimal(str(target))
    if uptime >= target or target >= 100:
        return Decimal(0)
    shortfall = min((target - uptime) / (Decimal(100) - target), Decimal(1))
    return Decimal(max_credit) * shortfall


def retry_dates(failed_on, schedule):
    """The dates a failed payment is tried again: `schedule` is the list of
    days after the first failure ([1, 3, 7])."""
    return [failed_on + dt.timedelta(days=int(d)) for d in sorted(schedule)]


def parse_schedule(text):
    """'1, 3, 7' -> [1, 3, 7]; a ValueError names what is not a whole
    number of days."""
    days = []
    for part in (text or '').replace(';', ',').split(','):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit() or int(part) <= 0:
            raise ValueError(part)
        days.append(int(part))
    return sorted(set(days))
