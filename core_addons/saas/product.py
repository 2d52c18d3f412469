# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""In Atelier a workshop's products belong to that workshop."""
from trytond.pool import PoolMeta
from trytond.pyson import Eval

from .audit import AuditMixin
from .tenant import TenantOwnedMixin, set_company_context


class Template(TenantOwnedMixin, AuditMixin, metaclass=PoolMeta):
    __name__ = 'product.template'
    _audit_fields = {'name', 'list_price', 'active'}


class Category(TenantOwnedMixin, metaclass=PoolMeta):
    __name__ = 'product.category'



class Product(metaclass=PoolMeta):
    """A variant reads its template's fields (company included) as they are
    when product.product is set up: registered here, after the template's
    company, so it has it whatever order the modules load in (a module
    extending product.product before saas, like stock, would otherwise
    leave it out on a fresh database). Its links to company dependent
    records read them for its own workshop, as a template's do."""
    __name__ = 'product.product'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        # Not its company (read from the template) and, for the template
        # itself, without the dependency: they would depend on each other.
        set_company_context(cls, skip={'company', 'template'})
        cls.template.context = dict(cls.template.context or {},
            company=Eval('company', -1))
