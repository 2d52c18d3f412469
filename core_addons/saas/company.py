# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""A tenant is a company: its users, clients, products and settings."""
from trytond.model import fields
from trytond.pool import Pool, PoolMeta

from .audit import AuditMixin


class Company(AuditMixin, metaclass=PoolMeta):
    __name__ = 'company.company'
    _audit_fields = {'party', 'currency', 'timezone'}

    siret = fields.Function(fields.Char("SIRET",
            help="The workshop's SIRET number (14 digits)."),
        'get_siret', searcher='search_siret')
    features = fields.One2Many('saas.company.feature', 'company',
        "Features", help="Feature flags of this workshop.")

    def get_siret(self, name):
        for identifier in (self.party.identifiers if self.party else []):
            if identifier.type == 'fr_siret':
                return identifier.code

    @classmethod
    def search_siret(cls, name, clause):
        _, operator, value = clause[:3]
        return [('party.identifiers', 'where', [
                    ('type', '=', 'fr_siret'),
                    ('code', operator, value),
                    ])]

    def feature_enabled(self, code):
        "Tell whether the feature `code` is on for this workshop."
        Feature = Pool().get('saas.feature')
        return Feature.is_enabled(code, company=self)

    def check_writable(self, model=None):
        """Raise a UserError when the workshop may not create or change
        its records (of `model`, a model name): the portal's and the
        workshop mode's writing routes ask first. Here everything is
        allowed; saas_subscription refuses a read-only subscription and a
        model of a feature the workshop's plan lacks."""
