# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""In Atelier a workshop's products belong to that workshop."""
from trytond.pool import PoolMeta

from .audit import AuditMixin
from .tenant import TenantOwnedMixin


class Template(TenantOwnedMixin, AuditMixin, metaclass=PoolMeta):
    __name__ = 'product.template'
    _audit_fields = {'name', 'list_price', 'active'}


class Category(TenantOwnedMixin, metaclass=PoolMeta):
    __name__ = 'product.category'

