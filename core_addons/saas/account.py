# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Accounts: a new workshop's chart numbers its tree once (see workshop.py)."""
from trytond.pool import PoolMeta
from trytond.transaction import Transaction


class Account(metaclass=PoolMeta):
    __name__ = 'account.account'

    @classmethod
    def _update_mptt(cls, field_names, list_ids, values=None):
        if Transaction().context.get('_saas_defer_account_tree'):
            return
        super()._update_mptt(field_names, list_ids, values=values)
