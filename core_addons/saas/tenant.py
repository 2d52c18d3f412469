# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Make a shared Tryton model (party, product...) owned by one workshop."""
from trytond.model import Index, fields
from trytond.modules.company.model import CompanyMultiValueMixin
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction


def set_company_context(cls, skip=()):
    """Company dependent values (CompanyMultiValueMixin targets) of a
    tenant-owned record are read for the record's own workshop (but for
    the fields named in `skip`)."""
    pool = Pool()
    for name in dir(cls):
        if name in skip:
            continue
        field = getattr(cls, name)
        if not isinstance(field, fields.Field):
            continue
        if isinstance(field, fields.Function):
            field = field._field
        target = getattr(field, 'model_name', None)
        if isinstance(field, fields.Many2Many):
            if field.target is None:
                # A function Many2Many names its target model directly.
                target = field.relation_name
            else:
                relation = pool.get(field.relation_name)
                target = getattr(relation, field.target).model_name
        if target and issubclass(pool.get(target), CompanyMultiValueMixin):
            field.context = dict(field.context or {},
                company=Eval('company', -1))
            field.depends = set(field.depends or ()) | {'company'}


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
        set_company_context(cls)
        # The company rule filters every query on this column.
        t = cls.__table__()
        cls._sql_indexes.add(Index(t, (t.company, Index.Equality())))

    @classmethod
    def default_company(cls):
        "The company of the context, or else the user's current company."
        pool = Pool()
        User = pool.get('res.user')
        transaction = Transaction()
        company = transaction.context.get('company')
        if company is None and transaction.user:
            company = User(transaction.user).company
            company = company.id if company else None
        return company

    @classmethod
    def export_data(cls, records, fields_names, header=False):
        return _export_checked(
            cls, super().export_data, records, fields_names, header)


def _export_checked(cls, export, records, fields_names, header):
    # Tryton checks the rules of an export in Python, where a rule on a
    # parent's field (party.company) counts as satisfied: read the ids in SQL
    # first so a record of another workshop raises the usual access error.
    if Transaction().check_access and records:
        cls.read(list({r.id for r in records}), ['id'])
    return export(records, fields_names, header=header)


class TenantChildMixin:
    """For a record owned through its parent (an address through its party):
    exports are checked against the record rules like reads are."""
    __slots__ = ()

    @classmethod
    def export_data(cls, records, fields_names, header=False):
        return _export_checked(
            cls, super().export_data, records, fields_names, header)
