# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Small helpers shared by the addon's models."""
import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from trytond.transaction import Transaction


def match_any(clause, names, values=None):
    """The domain matching the search `clause` (field, operator, value...)
    on any of the fields `names` (all of them for a negative operator).
    `values` may give another value for some of the fields."""
    _, operator, value, *rest = clause
    if operator.startswith('!') or operator.startswith('not '):
        bool_op = 'AND'
    else:
        bool_op = 'OR'
    values = values or {}
    return [bool_op] + [
        (name, operator, values.get(name, value), *rest) for name in names]


def stamped(vlist, date='date', user='user'):
    """Copies of the create values `vlist` with when and by whom (the
    current user) filled in: the shop floor's records say who did what."""
    now = dt.datetime.now()
    current = Transaction().user or None
    vlist = [dict(v) for v in vlist]
    for values in vlist:
        values.setdefault(date, now)
        values.setdefault(user, current)
    return vlist


def local_time(value, company):
    """A stored date-time (naive, UTC) in the workshop's own time zone,
    as people there read it."""
    if value is None:
        return None
    timezone = getattr(company, 'timezone', None)
    if not timezone:
        return value
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return value
    return value.replace(tzinfo=dt.timezone.utc).astimezone(zone).replace(
        tzinfo=None)


def kg_text(value):
    """Kilograms as people read them in the user's language: « 0,6 » in
    French (no trailing zeros, at most three decimals, grouped)."""
    from decimal import Decimal

    from trytond.pool import Pool
    if value is None:
        return ''
    Lang = Pool().get('ir.lang')
    value = Decimal(str(value))
    exponent = value.normalize().as_tuple().exponent
    return Lang.get().format_number(
        value, digits=min(max(-exponent, 1), 3), grouping=True)
