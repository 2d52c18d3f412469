# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Per-tenant feature flags that addons query; plans switch them later."""
from trytond.cache import Cache
from trytond.model import ModelSQL, ModelView, Unique, fields
from trytond.pool import Pool
from trytond.transaction import Transaction, without_check_access


class Feature(ModelSQL, ModelView):
    "Feature"
    __name__ = 'saas.feature'
    __string__ = "Feature"

    code = fields.Char("Code", required=True,
        help="Technical code the addons query, e.g. 'powder_coating.portal'.")
    name = fields.Char("Name", required=True, translate=True)
    description = fields.Text("Description", translate=True)
    default_enabled = fields.Boolean("Enabled by Default",
        help="Whether a workshop without its own setting has the feature.")
    _enabled_cache = Cache('saas.feature.enabled', context=False)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('code_unique', Unique(t, t.code), 'saas.msg_feature_code_unique'),
            ]
        cls._order.insert(0, ('code', 'ASC'))

    @classmethod
    def default_default_enabled(cls):
        return True

    @classmethod
    @without_check_access
    def is_enabled(cls, code, company=None):
        """Tell whether the feature `code` is on for `company` (default: the
        company of the context). An unknown code is off."""
        pool = Pool()
        CompanyFeature = pool.get('saas.company.feature')
        if company is None:
            company = Transaction().context.get('company')
        company_id = getattr(company, 'id', company)
        key = (code, company_id)
        enabled = cls._enabled_cache.get(key)
        if enabled is not None:
            return enabled
        features = cls.search([('code', '=', code)], limit=1)
        if not features:
            enabled = False
        else:
            feature, = features
            enabled = feature.default_enabled
            if company_id:
                settings = CompanyFeature.search([
                        ('company', '=', company_id),
                        ('feature', '=', feature.id),
                        ], limit=1)
                if settings:
                    enabled = settings[0].enabled
        cls._enabled_cache.set(key, enabled)
        return enabled

    @classmethod
    def create(cls, vlist):
        cls._enabled_cache.clear()
        return super().create(vlist)

    @classmethod
    def write(cls, *args):
        cls._enabled_cache.clear()
        super().write(*args)

    @classmethod
    def delete(cls, features):
        cls._enabled_cache.clear()
        super().delete(features)


class CompanyFeature(ModelSQL, ModelView):
    "Workshop Feature"
    __name__ = 'saas.company.feature'
    __string__ = "Workshop Feature"

    company = fields.Many2One('company.company', "Company", required=True,
        ondelete='CASCADE', help="The workshop this setting applies to.")
    feature = fields.Many2One('saas.feature', "Feature", required=True,
        ondelete='CASCADE')
    enabled = fields.Boolean("Enabled",
        help="Untick to switch the feature off for this workshop.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('company_feature_unique', Unique(t, t.company, t.feature),
                'saas.msg_company_feature_unique'),
            ]

    @classmethod
    def default_company(cls):
        return Transaction().context.get('company')

    @classmethod
    def default_enabled(cls):
        return True

    def get_rec_name(self, name):
        return '%s: %s' % (self.company.rec_name, self.feature.rec_name)

    @classmethod
    def create(cls, vlist):
        Pool().get('saas.feature')._enabled_cache.clear()
        return super().create(vlist)

    @classmethod
    def write(cls, *args):
        Pool().get('saas.feature')._enabled_cache.clear()
        super().write(*args)

    @classmethod
    def delete(cls, settings):
        Pool().get('saas.feature')._enabled_cache.clear()
        super().delete(settings)
