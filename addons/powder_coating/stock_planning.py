# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Powder stock without a full inventory: what a weighing says, how much
to trust the theoretical stock, which boxes to weigh today and what to
order. Pure functions on Decimals, dates and tuples: the Tryton models,
the workshop mode and the tests call them."""
import datetime as dt
import hashlib
import math
import random
from collections import namedtuple
from decimal import ROUND_HALF_EVEN, Decimal

GRAM = Decimal('0.001')
# A weighing within this share of the theoretical stock (or within
# AGREEMENT_FLOOR_KG, for nearly empty shelves) agrees fully with theory.
AGREEMENT_TOLERANCE = Decimal('0.02')
AGREEMENT_FLOOR_KG = Decimal('0.2')
# How much a new weighing moves the reliability score (exponential
# smoothing): the score follows the last few weighings, not one.
RELIABILITY_WEIGHT = Decimal('0.4')
DEFAULT_RELIABILITY = Decimal(50)


class StockError(ValueError):
    "Bad input for a stock computation; `name` is the field at fault."

    def __init__(self, name, message):
        super().__init__(message)
        self.name = name


def _kg(value):
    return Decimal(value).quantize(GRAM, rounding=ROUND_HALF_EVEN)


def consumption_kg(surface, quantity, coats, coverage):
    """Powder sprayed for `quantity` parts of `surface` m² each, in
    `coats` coats, at `coverage` m²/kg (the catalogue's formula:
    1000 × efficiency ÷ (gravity × thickness)). None when the surface
    or the coverage is unknown: nothing can be said."""
    if not surface or not coverage:
        return None
    coverage = Decimal(str(coverage))
    if coverage <= 0:
        raise StockError('coverage', "The coverage must be positive.")
    return _kg(Decimal(str(surface)) * (quantity or 0) * (coats or 1)
        / coverage)


def weighing_net(gross, tare):
    """Powder left in a box: its gross weight less the box's tare.
    Refused when the box has no tare or weighs less than its tare."""
    if tare is None:
        raise StockError('tare', "The box format has no tare.")
    if gross is None or Decimal(gross) < 0:
        raise StockError('gross', "The gross weight must be positive.")
    if Decimal(gross) < Decimal(tare):
        raise StockError('gross', "The box weighs less than its tare.")
    return _kg(Decimal(gross) - Decimal(tare))


def real_stock(net, sealed_boxes=0, box_weight=0):
    "The open box's powder plus the sealed boxes counted on the shelf."
    if sealed_boxes and sealed_boxes < 0:
        raise StockError('sealed_boxes', "Sealed boxes cannot be negative.")
    return _kg(Decimal(net) + (sealed_boxes or 0) * Decimal(box_weight or 0))


def agreement(theoretical, real):
    """How far a weighing agrees with theory, from 0 (nothing alike) to
    100 (within the tolerance). The gap is measured against the larger
    of the two stocks, so 1 kg off 20 kg is a small error and 1 kg off
    1.5 kg a large one."""
    theoretical, real = Decimal(theoretical), Decimal(real)
    gap = abs(real - theoretical)
    scale = max(abs(theoretical), abs(real), AGREEMENT_FLOOR_KG)
    allowed = max(scale * AGREEMENT_TOLERANCE, AGREEMENT_FLOOR_KG)
    if gap <= allowed:
        return Decimal(100)
    error = min((gap - allowed) / scale, Decimal(1))
    return (Decimal(100) * (1 - error)).quantize(Decimal('0.1'))


def reliability(previous, theoretical, real):
    """The powder's reliability score after a weighing (0–100): it rises
    when the weighing agrees with the theoretical stock, falls when it
    does not; a powder never weighed starts at DEFAULT_RELIABILITY."""
    if previous is None:
        previous = DEFAULT_RELIABILITY
    score = (Decimal(previous) * (1 - RELIABILITY_WEIGHT)
        + agreement(theoretical, real) * RELIABILITY_WEIGHT)
    return score.quantize(Decimal('0.1'))


# What the daily list knows of a powder.
Candidate = namedtuple('Candidate', [
        'id', 'recent_kg', 'last_weighed', 'reliability', 'stock_kg'],
    defaults=[None])
# Why a powder is on the list: 'usage' (much used lately), 'overdue'
# (long since weighed), 'risk' (unreliable) or 'random' (the controlled
# random share: every powder comes up eventually).
Pick = namedtuple('Pick', ['id', 'reason', 'score'])
NEVER_WEIGHED_DAYS = 365


def _days_since(last_weighed, day):
    if last_weighed is None:
        return NEVER_WEIGHED_DAYS
    return max((day - last_weighed).days, 0)


def weigh_priority(candidate, day, max_recent_kg):
    """Score of a powder for today's list, with its main reason: recent
    usage (its share of the most used powder's), time since it was last
    weighed (a month counts fully) and unreliability, equally weighted."""
    usage = (float(candidate.recent_kg or 0) / max_recent_kg
        if max_recent_kg else 0.0)
    days = min(_days_since(candidate.last_weighed, day) / 30, 1.0)
    risk = 1 - float(DEFAULT_RELIABILITY if candidate.reliability is None
        else candidate.reliability) / 100
    parts = {'usage': usage, 'overdue': days, 'risk': risk}
    reason = max(parts, key=lambda k: (parts[k], k))
    return usage + days + risk, reason


def seed(day, salt=''):
    "The same list for the same workshop and day, whoever asks and when."
    digest = hashlib.sha256(f'{salt}:{day.isoformat()}'.encode()).digest()
    return int.from_bytes(digest[:8], 'big')


def _empty_shelf(candidate):
    "Nothing on the shelf and nothing used: there is no box to weigh."
    return (candidate.stock_kg is not None and candidate.stock_kg <= 0
        and not candidate.recent_kg)


def daily_weigh_list(candidates, day, count=3, salt='', random_share=1,
        skip=()):
    """The short list of powders to weigh on `day`: the `count` -
    `random_share` with the highest priority, then `random_share` drawn
    at random among the others, weighted by the days since their last
    weighing (so a powder nobody uses still comes up, sooner the longer
    it waits). Reproducible: the draw is seeded by `salt` (the
    workshop) and the day. `skip`: powders already weighed today."""
    pool = [c for c in candidates if c.id not in set(skip)
        and not _empty_shelf(c)]
    if count <= 0 or not pool:
        return []
    max_recent = max((float(c.recent_kg or 0) for c in pool), default=0)
    scored = []
    for candidate in pool:
        score, reason = weigh_priority(candidate, day, max_recent)
        scored.append((score, reason, candidate))
    # Highest score first; ids break ties so the order never depends on
    # the order the database returned.
    scored.sort(key=lambda s: (-s[0], s[2].id))
    random_share = min(max(random_share, 0), count)
    chosen = [Pick(c.id, reason, round(score, 3))
        for score, reason, c in scored[:count - random_share]]
    rest = [s for s in scored[count - random_share:]]
    rng = random.Random(seed(day, salt))
    while len(chosen) < count and rest:
        weights = [1 + _days_since(c.last_weighed, day) for _, _, c in rest]
        index = rng.choices(range(len(rest)), weights=weights)[0]
        score, _, candidate = rest.pop(index)
        chosen.append(Pick(candidate.id, 'random', round(score, 3)))
    return chosen


def partial_inventory_targets(candidates, day, count):
    """The powders a partial inventory should weigh: the most used and
    the riskiest (the highest weigh priority), `count` of them."""
    candidates = [c for c in candidates if not _empty_shelf(c)]
    max_recent = max((float(c.recent_kg or 0) for c in candidates),
        default=0)
    scored = sorted(((weigh_priority(c, day, max_recent), c)
            for c in candidates), key=lambda s: (-s[0][0], s[1].id))
    return [Pick(c.id, reason, round(score, 3))
        for (score, reason), c in scored[:count]]


def spread_over(days, count):
    """Spread `count` weighings over the working `days` of a period, the
    same number each day give or take one: the shop never stops."""
    if not days:
        return []
    per_day = math.ceil(count / len(days))
    plan = []
    for index in range(count):
        plan.append(days[min(index // per_day, len(days) - 1)])
    return plan


def working_days(start, end):
    "Monday to Friday from `start` to `end` included."
    days, day = [], start
    while day <= end:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


Forecast = namedtuple('Forecast', [
        'daily_kg', 'stockout_date', 'days_left', 'order_kg', 'boxes'])


def forecast(stock_kg, used_kg, weeks, today, lead_days=7, cover_days=30,
        box_weights=(), threshold=None):
    """When the powder runs out at the pace of the last `weeks` (it used
    `used_kg` in them) and what to order so the stock lasts `cover_days`
    after the supplier's `lead_days`: a quantity in boxes, the fewest
    boxes of the largest format that cover it then the smallest that
    completes it. Nothing to order when the stock covers that horizon
    and is above `threshold`."""
    if weeks <= 0:
        raise StockError('weeks', "The usage period must be positive.")
    stock_kg = Decimal(stock_kg or 0)
    daily = Decimal(used_kg or 0) / (7 * weeks)
    if daily > 0:
        days_left = max(int(stock_kg / daily), 0)
        stockout = today + dt.timedelta(days=days_left)
    else:
        days_left, stockout = None, None
    need = daily * (lead_days + cover_days) - stock_kg
    if threshold is not None:
        need = max(need, Decimal(threshold) - stock_kg)
    if need <= 0:
        return Forecast(_kg(daily), stockout, days_left, Decimal(0), ())
    boxes = boxes_for(need, box_weights)
    ordered = sum((Decimal(w) * n for w, n in boxes), Decimal(0)) \
        if boxes else _kg(need)
    return Forecast(_kg(daily), stockout, days_left, _kg(ordered), boxes)


def boxes_for(kg, box_weights):
    """Whole boxes covering `kg`: as many of the largest format as fit,
    then the smallest format that covers the rest ((weight, count),
    largest first)."""
    weights = sorted({Decimal(w) for w in box_weights if w and w > 0},
        reverse=True)
    if not weights:
        return ()
    kg = Decimal(kg)
    largest = weights[0]
    full = int(kg // largest)
    rest = kg - full * largest
    counts = {largest: full} if full else {}
    if rest > 0:
        fitting = [w for w in weights if w >= rest]
        box = min(fitting) if fitting else largest
        counts[box] = counts.get(box, 0) + 1
    return tuple(sorted(counts.items(), reverse=True))
