# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Make a shared Tryton model (party, product...) owned by one workshop."""
from trytond.model import fields
from trytond.modules.company.model import CompanyMultiValueMixin
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction


class TenantOwnedMixin:
    """Adds the owning workshop, set from the user's current company.

    The XML of the model must add the global company rule
    ``[('company', 'in', Eval('companies', []))]``.
    """
    __slots__ = ()
    company = fields.Many2One('company.company', "Company",
        ondelete='RESTRICT', readonly=True,
        help="The workshop this record belongs to; other workshops never "
        "see it.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        # Company dependent values are read for the record's own workshop.
        pool = Pool()
        for name in dir(cls):
            field = getattr(cls, name)
            if not isinstance(field, fields.Field):
                continue
            if isinstance(field, fields.Function):
                field = field._field
            target = getattr(field, 'model_name', None)
            if isinstance(field, fields.Many2Many):
                relation = pool.get(field.relation_name)
                target = getattr(relation, field.target).model_name
            if target and issubclass(pool.get(target), CompanyMultiValueMixin):
                field.context = dict(field.context or {},
                    company=Eval('company', -1))
                field.depends = set(field.depends or ()) | {'company'}

    @classmethod
    def default_company(cls):
        return Transaction().context.get('company')
