# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The publisher and its catalogue, for the tests: the publisher's company
ready to invoice (French chart, fiscal year, invoice numbering), its three
software products with their plans, and workshops that subscribe."""
import datetime as dt
from decimal import Decimal

from trytond import backend
from trytond.modules.account_fr_export.tests.tools import (
    _country, create_workshop, run_locked, with_accounting_transaction)
from trytond.modules.company.tests import create_company, set_company
from trytond.modules.saas_subscription.demo import product
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, db_exist, drop_db

__all__ = ['MODULES', 'YEAR', 'prepare_database', 'with_accounting_transaction', 'create_publisher',
    'create_catalogue', 'create_subscriber', 'FEATURES']

# The modules of every test database of the addon (one cached template:
# the workshops' storage is powder_coating's photos).
MODULES = ['saas_subscription', 'powder_coating']

# code: (name, plans that grant it)
FEATURES = {
    'thermogestion.core': ("Quotes, projects, basic stock, CRM",
        {'lite', 'pro'}),
    'thermogestion.advanced_reporting': ("Advanced reporting", {'pro'}),
    'thermogestion.integrations': ("Integrations", {'pro'}),
    'thermogestion.smart_stock': ("Smart stock", {'pro'}),
    'thermogestion.rims': ("Rims module", {'pro', 'rims'}),
    }


# The tests simulate dates of this year: the publisher has its fiscal
# year whatever the day the tests run.
YEAR = 2026


def prepare_database():
    """For a test class's setUpClass: the modules activated, then the
    publisher and its catalogue made once and committed, so that each test
    (rolled back at its end) starts from them without paying for a chart
    of accounts (create_publisher and create_catalogue return them).
    The test classes of one process share them: every test rolls back, so
    the next class finds the database as the first one left it."""
    # (asked only of a database that exists: PostgreSQL's connection pool
    # would retry a missing one)
    if backend.name != 'postgresql' or db_exist():
        try:
            if run_locked(_prepared, user=0):
                return
        except Exception:
            # not a test database of the addon yet
            pass
    drop_db()
    activate_module(MODULES)

    def create():
        publisher = create_publisher()
        with set_company(publisher):
            create_catalogue(publisher)
    run_locked(create, commit=True, user=0)


def _prepared():
    "Whether the database has the modules, the publisher and its catalogue."
    pool = Pool()
    try:
        Software = pool.get('saas.software')
    except KeyError:
        return False
    return bool(Software.search([('code', '=', 'thermogestion')]))


def create_publisher():
    """The publisher's company (Atelier SaaS, Paris) ready to invoice in
    2026 (the tests' simulated dates) and today, named the publisher of
    the website's settings; the existing one if there is one."""
    pool = Pool()
    SiteConfiguration = pool.get('saas_portal.site.configuration')
    FiscalYear = pool.get('account.fiscalyear')
    WorkshopCreate = pool.get('saas.workshop.create', type='wizard')
    site = SiteConfiguration(1)
    if site.publisher:
        return site.get_publisher()
    company = create_workshop(name="Atelier SaaS", siret='44306184100047',
        city="Paris", postal_code='75011', street="8 rue de la Roquette")
    with set_company(company):
        for year in [YEAR, YEAR + 1]:
            if not FiscalYear.search([
                        ('company', '=', company.id),
                        ('start_date', '<=', dt.date(year, 6, 1)),
                        ('end_date', '>=', dt.date(year, 6, 1)),
                        ]):
                WorkshopCreate.create_fiscal_year(
                    company, date=dt.date(year, 6, 1))
    site = SiteConfiguration(1)
    site.publisher = company.party
    site.save()
    return company


def create_catalogue(company):
    """The publisher's software and plans:

    - ThermoGestion: Lite 49 €, Pro 99 € (the trial's plan), option Rims 29 €;
    - VitroLib: Garage, 99 € flat;
    - Prospection: Contacts, per contact (graduated: 0.50 € up to 100,
      0.40 € up to 500, 0.30 € beyond), 100 credits a month.

    Return a dict of the plans by code and the software by code (the
    existing catalogue if there is one)."""
    pool = Pool()
    Software = pool.get('saas.software')
    Plan = pool.get('saas.plan')
    Feature = pool.get('saas.feature')
    if Software.search([('code', '=', 'thermogestion')]):
        catalogue = {s.code: s for s in Software.search([])}
        catalogue.update({p.code: p for p in Plan.search([])})
        catalogue['features'] = {f.code: f for f in Feature.search([
                    ('code', 'in', list(FEATURES))])}
        return catalogue
    features = {}
    for code, (name, _) in FEATURES.items():
        existing = Feature.search([('code', '=', code)])
        features[code], = existing or Feature.create([{
                    'code': code, 'name': name,
                    'default_enabled': False}])
    thermo, vitro, leads = Software.create([
            {'name': "ThermoGestion", 'code': 'thermogestion'},
            {'name': "VitroLib", 'code': 'vitrolib'},
            {'name': "Prospection", 'code': 'leads'},
            ])

    def feats(plan):
        return [('add', [f.id for c, f in features.items()
                        if plan in FEATURES[c][1]])]
    lite, pro, rims, garage, contacts = Plan.create([{
                'software': thermo.id, 'code': 'lite', 'name': "Lite",
                'sequence': 10, 'price': Decimal(49),
                'sla_target': Decimal('99.5'), 'storage_quota_gb': 20,
                'features': feats('lite'),
                'product': product(company, "ThermoGestion Lite", 49).id,
                }, {
                'software': thermo.id, 'code': 'pro', 'name': "Pro",
                'sequence': 20, 'price': Decimal(99),
                'sla_target': Decimal('99.9'), 'storage_quota_gb': 50,
                'features': feats('pro'),
                'product': product(company, "ThermoGestion Pro", 99).id,
                }, {
                'software': thermo.id, 'code': 'rims', 'name': "Jantes",
                'kind': 'option', 'sequence': 30, 'price': Decimal(29),
                'features': feats('rims'),
                'product': product(company, "Option Jantes", 29).id,
                }, {
                'software': vitro.id, 'code': 'garage', 'name': "Garage",
                'sequence': 10, 'price': Decimal(99),
                'sla_target': Decimal('99.5'), 'proration': False,
                'product': product(company, "VitroLib Garage", 99).id,
                }, {
                'software': leads.id, 'code': 'contacts',
                'name': "Contacts", 'sequence': 10, 'pricing': 'tiered',
                'unit_name': "contact", 'tier_mode': 'graduated',
                'included_credits': 100,
                'tiers': [('create', [
                                {'up_to': 100, 'unit_price': Decimal('0.5')},
                                {'up_to': 500, 'unit_price': Decimal('0.4')},
                                {'up_to': None,
                                    'unit_price': Decimal('0.3')},
                                ])],
                'product': product(company, "Prospection", 0).id,
                }])
    Software.write([thermo], {'trial_plan': pro.id})
    Software.write([vitro], {'trial_plan': garage.id})
    Software.write([leads], {'trial_plan': contacts.id})
    Configuration = pool.get('saas.subscription.configuration')
    configuration = Configuration(1)
    configuration.default_software = thermo
    configuration.save()
    return {
        'thermogestion': thermo, 'vitrolib': vitro, 'leads': leads,
        'lite': lite, 'pro': pro, 'rims': rims, 'garage': garage,
        'contacts': contacts, 'features': features,
        }


def create_subscriber(name="Thermolaquage Durand", siret='73282932000017',
        city="Lyon", postal_code='69003', street="12 rue des Forges",
        owner_email='owner@durand.example'):
    """A workshop (no accounting of its own) with its address, SIRET and
    an owner user with an email; return (company, owner)."""
    pool = Pool()
    Party = pool.get('party.party')
    Identifier = pool.get('party.identifier')
    User = pool.get('res.user')
    ModelData = pool.get('ir.model.data')
    france = _country('FR', "France")
    company = create_company(name=name)
    party = company.party
    Party.write([party], {
            'company': company.id,
            'addresses': [('create', [{
                            'street': street, 'postal_code': postal_code,
                            'city': city, 'country': france.id}])],
            })
    Identifier.create([{'party': party.id, 'type': 'fr_siret',
                'code': siret, 'address': party.addresses[0].id}])
    owner, = User.create([{
                'name': "Owner of %s" % name,
                'login': 'owner.%s' % company.id,
                'email': owner_email,
                'companies': [('add', [company.id])],
                'company': company.id,
                'groups': [('add', [
                            ModelData.get_id('saas', 'group_owner')])],
                }])
    return company, owner
