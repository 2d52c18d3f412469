# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Recommended batches: open parts grouped strictly by identical powder.

Two parts may cure together only with the same powder (reference, so the
same shade, finish and type: RAL 7016 gloss and RAL 7016 matt never mix),
the same number of coats, the same primer and varnish, and a compatible
cure: temperatures within CURE_TOLERANCE_C and times within
CURE_TOLERANCE_MIN of the batch's first part. Pure functions: the Tryton
models, the workshop mode and bench/batch.py call them."""
import datetime as dt
from collections import namedtuple
from decimal import Decimal

CURE_TOLERANCE_C = 5
CURE_TOLERANCE_MIN = 2

# What a part brings to the grouping (ids, not records).
OpenPart = namedtuple('OpenPart', [
        'id', 'powder', 'coats', 'primer', 'varnish', 'cure_temperature',
        'cure_minutes', 'quantity', 'surface', 'coverage', 'promised_date'])
Recommendation = namedtuple('Recommendation', [
        'powder', 'coats', 'primer', 'varnish', 'cure_temperature',
        'cure_minutes', 'part_ids', 'quantity', 'earliest_promised_date',
        'powder_kg'])


def powder_key(part):
    "What must be identical between two parts of a batch."
    return (part.powder, part.coats or 1, part.primer, part.varnish)


def cure_compatible(first, other):
    "Whether `other` cures with the batch started by `first`."
    # An unknown cure only goes with an unknown cure: it cannot vouch
    # for anything else.
    for value, other_value, tolerance in [
            (first.cure_temperature, other.cure_temperature,
                CURE_TOLERANCE_C),
            (first.cure_minutes, other.cure_minutes, CURE_TOLERANCE_MIN)]:
        if (value is None) != (other_value is None):
            return False
        if value is not None and abs(value - other_value) > tolerance:
            return False
    return True


def mismatch(first, other):
    """Why `other` cannot join a batch holding `first`: 'powder',
    'coats', 'primer', 'varnish' or 'cure'; None when it can."""
    for name, a, b in zip(['powder', 'coats', 'primer', 'varnish'],
            powder_key(first), powder_key(other)):
        if a != b:
            return name
    if not cure_compatible(first, other):
        return 'cure'
    return None


def powder_kg(parts):
    "Estimated powder for the parts: surface × quantity × coats ÷ coverage."
    total = Decimal(0)
    for part in parts:
        if part.surface and part.coverage:
            total += (Decimal(str(part.surface)) * part.quantity
                * (part.coats or 1) / Decimal(str(part.coverage)))
    return total.quantize(Decimal('0.01'))


def recommend(parts):
    """Group open parts into batches of identical powder, the most urgent
    first (earliest promised date, then most parts). Parts without powder
    are left out: nothing can be recommended for them."""
    groups = {}
    for part in parts:
        if part.powder is None:
            continue
        groups.setdefault(powder_key(part), []).append(part)
    result = []
    for key, members in groups.items():
        members.sort(key=lambda p: (p.cure_temperature or 0,
                p.cure_minutes or 0, p.id))
        clusters = []
        for part in members:
            for cluster in clusters:
                if cure_compatible(cluster[0], part):
                    cluster.append(part)
                    break
            else:
                clusters.append([part])
        for cluster in clusters:
            dates = [p.promised_date for p in cluster if p.promised_date]
            first = cluster[0]
            result.append(Recommendation(
                    powder=key[0], coats=key[1], primer=key[2],
                    varnish=key[3],
                    cure_temperature=first.cure_temperature,
                    cure_minutes=first.cure_minutes,
                    part_ids=sorted(p.id for p in cluster),
                    quantity=sum(p.quantity for p in cluster),
                    earliest_promised_date=min(dates) if dates else None,
                    powder_kg=powder_kg(cluster)))
    result.sort(key=lambda r: (r.earliest_promised_date or dt.date.max,
            -len(r.part_ids), r.powder or 0, r.part_ids[0]))
    return result
