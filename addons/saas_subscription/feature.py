# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""What a feature flag covers: the models (and so the menus, routes and
RPC calls) a workshop without the feature cannot use."""
from trytond.cache import Cache
from trytond.model import ModelSQL, ModelView, fields
from trytond.pool import Pool, PoolMeta
from trytond.transaction import without_check_access


class Feature(metaclass=PoolMeta):
    __name__ = 'saas.feature'

    models = fields.Many2Many('saas.feature-ir.model', 'feature', 'model',
        "Models",
        help="The documents of the feature: a workshop without it does "
        "not see their menus and cannot read or write them.")

    def records_of(self, company):
        """(count, model name) of the first of the feature's models where
        `company` has records, else (0, None)."""
        pool = Pool()
        with without_check_access():
            for model in self.models:
                Model = pool.get(model.name)
                if 'company' not in Model._fields:
                    continue
                count = Model.search([('company', '=', company.id)],
                    count=True)
                if count:
                    return count, model.string or model.name
        return 0, None


class FeatureModel(ModelSQL):
    "The models a feature flag covers."
    __name__ = 'saas.feature-ir.model'
    __string__ = "Feature Model"

    feature = fields.Many2One('saas.feature', "Feature", required=True,
        ondelete='CASCADE')
    model = fields.Many2One('ir.model', "Model", required=True,
        ondelete='CASCADE')
    _covered_cache = Cache('saas.feature-ir.model.covered', context=False)

    @classmethod
    def covered(cls):
        """{model name: (feature code, ...)}: the features covering each
        model (read once, cleared when a feature's models change)."""
        covered = cls._covered_cache.get('all')
        if covered is not None:
            return covered
        covered = {}
        with without_check_access():
            for link in cls.search([]):
                covered.setdefault(link.model.name, []).append(
                    link.feature.code)
        covered = {m: tuple(sorted(f)) for m, f in covered.items()}
        cls._covered_cache.set('all', covered)
        return covered

    @classmethod
    def _clear_caches(cls):
        "The views leave out the models a workshop cannot read: rebuild."
        cls._covered_cache.clear()
        ModelView._fields_view_get_cache.clear()

    @classmethod
    def create(cls, vlist):
        cls._clear_caches()
        return super().create(vlist)

    @classmethod
    def write(cls, *args):
        cls._clear_caches()
        super().write(*args)

    @classmethod
    def delete(cls, links):
        cls._clear_caches()
        super().delete(links)
