# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Record rules may name the current user: `Eval('user_id')`."""
from trytond.pool import PoolMeta
from trytond.transaction import Transaction


class Rule(metaclass=PoolMeta):
    __name__ = 'ir.rule'

    @classmethod
    def _get_context(cls, model_name):
        context = super()._get_context(model_name)
        context['user_id'] = Transaction().user
        return context

    @classmethod
    def _get_cache_key(cls, model_names):
        return (*super()._get_cache_key(model_names), Transaction().user)


class Lang(metaclass=PoolMeta):
    __name__ = 'ir.lang'

    @classmethod
    def __register__(cls, module):
        super().__register__(module)
        if module != 'saas':
            return
        # Tryton writes French dates 21.11.2026; in France it is 21/11/2026.
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*table.update(
                [table.date], ['%d/%m/%Y'],
                where=(table.code == 'fr') & (table.date == '%d.%m.%Y')))
