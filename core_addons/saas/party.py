# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""In Atelier a workshop's clients and suppliers belong to that workshop."""
from trytond.pool import PoolMeta

from .audit import AuditMixin
from .tenant import TenantChildMixin, TenantOwnedMixin


class Party(TenantOwnedMixin, AuditMixin, metaclass=PoolMeta):
    __name__ = 'party.party'
    _audit_fields = {'name', 'company', 'active'}


class Category(TenantOwnedMixin, metaclass=PoolMeta):
    __name__ = 'party.category'


class Address(TenantChildMixin, metaclass=PoolMeta):
    __name__ = 'party.address'


class ContactMechanism(TenantChildMixin, metaclass=PoolMeta):
    __name__ = 'party.contact_mechanism'


class Identifier(TenantChildMixin, metaclass=PoolMeta):
    __name__ = 'party.identifier'
