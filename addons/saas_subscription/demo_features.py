# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Which documents each ThermoGestion feature covers, for the demo: a Lite
workshop does not see the Pro ones (entitlement.py enforces it)."""
from trytond.pool import Pool
from trytond.transaction import without_check_access


def feature_models():
    """{feature code: [model names]} of ThermoGestion.

    - core (quotes, projects, basic stock, CRM): everything else, no model
      closed;
    - advanced reporting: the dashboards and the quality statistics (read
      only statistics; the daily aggregate tables they read, kept up to
      date when quotes and stock moves change, stay open);
    - smart stock: the weighings, the weighing rounds and stock counts;
    - integrations: the Google review requests and the reviews read back
      (the Pennylane sync and the other connectors have no model of their
      own yet);
    - rims: none yet (the rims addon does not exist)."""
    return {
        'thermogestion.core': [],
        'thermogestion.advanced_reporting': [
            'powder_coating.dashboard.quote',
            'powder_coating.dashboard.production',
            'powder_coating.dashboard.shade',
            'powder_coating.dashboard.finish',
            'powder_coating.dashboard.quality',
            'powder_coating.dashboard.defect',
            'powder_coating.dashboard.nc_powder',
            'powder_coating.dashboard.nc_finish',
            'powder_coating.dashboard.money',
            'powder_coating.dashboard.powder',
            'powder_coating.dashboard.powder.month',
            'powder_coating.dashboard.stock',
            'powder_coating.non_conformity.statistic',
            'powder_coating.quality.month',
            ],
        'thermogestion.smart_stock': [
            'powder_coating.weighing',
            'powder_coating.weigh_task',
            'powder_coating.stock_count',
            ],
        'thermogestion.integrations': [
            'powder_coating.review_request',
            'powder_coating.review',
            ],
        'thermogestion.rims': [],
        }


def set_feature_models(features):
    """Fill the models each feature covers (`features`: {code: feature}),
    skipping the models not installed; running it again adds nothing."""
    pool = Pool()
    Model = pool.get('ir.model')
    Feature = pool.get('saas.feature')
    mapping = feature_models()
    to_write = []
    with without_check_access():
        for code, feature in features.items():
            names = mapping.get(code)
            if not names:
                continue
            have = {m.name for m in feature.models}
            models = Model.search([
                    ('name', 'in', [n for n in names if n not in have]),
                    ])
            if models:
                to_write.extend([[feature],
                        {'models': [('add', [m.id for m in models])]}])
        if to_write:
            Feature.write(*to_write)
