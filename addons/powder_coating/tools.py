# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Small helpers shared by the addon's models."""


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
