# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The publisher's demo: its company ready to invoice (French chart,
fiscal years, legal mentions), its three software products with their
plans, and five months of subscriptions played through the real flow with
simulated dates (trials, conversions, an upgrade, a downgrade, a
cancellation, a trial that ended), so that the invoices, the history and
the figures (MRR, churn, conversion) tell one consistent story.

Thermolaquage Durand is on Pro with the Rims option; Époxy Services Martin
is in the middle of its free trial, with its getting-started checklist."""
import datetime as dt
from decimal import Decimal

from stdnum import luhn

from trytond.pool import Pool
from trytond.transaction import Transaction

from .billing import add_months

# name, software, city, postal code, script: (months ago, day, action, args)
# actions: trial, subscribe (plan, options, quantity), change (plan,
# options, quantity), cancel, expire (the trial ends by itself)
HISTORY = [
    ("Thermolaquage Nantais", 'thermogestion', "Nantes", '44300', [
            (5, 3, 'trial', ()), (4, 1, 'subscribe', ('pro', [], 0))]),
    ("Poudrage Alsace", 'thermogestion', "Mulhouse", '68100', [
            (5, 10, 'trial', ()), (4, 8, 'subscribe', ('lite', [], 0)),
            (2, 14, 'change', ('pro', [], 0))]),
    ("Métal Couleurs Toulouse", 'thermogestion', "Toulouse", '31200', [
            (4, 6, 'trial', ())]),
    ("Époxy Nord Lille", 'thermogestion', "Lille", '59000', [
            (4, 12, 'trial', ()), (3, 11, 'subscribe', ('lite', [], 0)),
            (2, 2, 'cancel', ())]),
    ("Thermo Sud Provence", 'thermogestion', "Aubagne", '13400', [
            (3, 4, 'trial', ()), (2, 3, 'subscribe', ('pro', ['rims'], 0)),
            (1, 5, 'change', ('lite', [], 0))]),
    ("Garage du Centre", 'vitrolib', "Orléans", '45000', [
            (3, 9, 'trial', ()), (2, 8, 'subscribe', ('garage', [], 0))]),
    ("Garage Saint-Michel", 'vitrolib', "Bordeaux", '33800', [
            (2, 2, 'trial', ()), (1, 1, 'subscribe', ('garage', [], 0))]),
    ("Rénov'Habitat Conseil", 'leads', "Rennes", '35000', [
            (3, 15, 'trial', ()),
            (2, 14, 'subscribe', ('contacts', [], 300))]),
    ("Thermolaquage Durand", 'thermogestion', None, None, [
            (3, 1, 'trial', ()),
            (2, 1, 'subscribe', ('pro', ['rims'], 0))]),
    ]

# code: (name, plans that grant it, description)
FEATURES = {
    'thermogestion.core': ("Devis, projets, stock de base, CRM",
        {'lite', 'pro'}),
    'thermogestion.advanced_reporting': ("Reporting avancé", {'pro'}),
    'thermogestion.integrations': ("Intégrations (Pennylane, avis Google)",
        {'pro'}),
    'thermogestion.smart_stock': ("Stock intelligent (pesées)", {'pro'}),
    'thermogestion.rims': ("Module Jantes", {'pro', 'rims'}),
    }

# software code: (name, [(code, name, kind, sequence, price, sla, quota,
# proration, pricing, extra)])
CATALOGUE = {
    'thermogestion': ("ThermoGestion", [
            ('lite', "Lite", 'plan', 10, 49, '99.5', 20, True, 'flat', {}),
            ('pro', "Pro", 'plan', 20, 99, '99.9', 50, True, 'flat', {}),
            ('rims', "Jantes", 'option', 30, 29, None, None, True, 'flat',
                {}),
            ]),
    'vitrolib': ("VitroLib", [
            ('garage', "Garage", 'plan', 10, 99, '99.5', None, False,
                'flat', {}),
            ]),
    'leads': ("Prospection", [
            ('contacts', "Contacts", 'plan', 10, 0, '99.5', None, True,
                'tiered', {
                    'unit_name': "contact", 'tier_mode': 'graduated',
                    'included_credits': 100,
                    'tiers': [(100, '0.50'), (500, '0.40'),
                        (None, '0.30')]}),
            ]),
    }


def siret(seed):
    "A SIRET that passes the checks, made from a number (demo only)."
    siren = '%08d' % (seed % 10 ** 8)
    siren += luhn.calc_check_digit(siren)
    base = siren + '0001'
    return base + luhn.calc_check_digit(base)


def run(args):
    with Transaction().start(args.database, 0) as transaction:
        pool = Pool()
        try:
            Subscription = pool.get('saas.subscription')
        except KeyError:
            return
        Software = pool.get('saas.software')
        Configuration = pool.get('saas.subscription.configuration')
        if Software.search([]):
            return
        publisher = Configuration.get_publisher()
        if not publisher:
            return
        Date = pool.get('ir.date')
        today = Date.today()
        with transaction.set_context(company=publisher.id):
            accounting(publisher, add_months(today, -6).replace(day=1))
            plans = catalogue(publisher)
        history(Subscription, plans, today)
        Subscription.start_trial(
            company('Époxy Services Martin'), date=today - dt.timedelta(
                days=10))
        Subscription.run_trials(date=today)
        transaction.commit()


def company(name):
    Company = Pool().get('company.company')
    companies = Company.search([('party.name', '=', name)], limit=1)
    return companies[0] if companies else None


def accounting(publisher, since):
    """The publisher invoices: French chart, the fiscal years from `since`,
    its address, SIRET, VAT number and legal mentions."""
    pool = Pool()
    WorkshopCreate = pool.get('saas.workshop.create', type='wizard')
    FiscalYear = pool.get('account.fiscalyear')
    Party = pool.get('party.party')
    Identifier = pool.get('party.identifier')
    Settings = pool.get('account_fr_export.settings')
    Account = pool.get('account.account')
    party = publisher.party
    address = party.addresses[0]
    Party.write([party], {'addresses': [('write', [address.id], {
                        'street': "8 rue de la Roquette"})]})
    if not party.identifiers:
        code = siret(44306184)
        Identifier.create([
                {'party': party.id, 'type': 'fr_siret', 'code': code,
                    'address': address.id},
                ])
    if not Account.search([('company', '=', publisher.id)], limit=1):
        WorkshopCreate.create_chart(publisher)
    settings = Settings.get(publisher, create=True)
    settings.legal_form = "SAS au capital de 50 000 €"
    settings.registry = "RCS Paris"
    settings.save()
    date = since
    while date <= Pool().get('ir.date').today():
        if not FiscalYear.search([
                    ('company', '=', publisher.id),
                    ('start_date', '<=', date),
                    ('end_date', '>=', date)]):
            WorkshopCreate.create_fiscal_year(publisher, date=date)
        date = add_months(date, 1)


def catalogue(publisher):
    "The software, their plans and the features the plans grant."
    pool = Pool()
    Software = pool.get('saas.software')
    Plan = pool.get('saas.plan')
    Feature = pool.get('saas.feature')
    Configuration = pool.get('saas.subscription.configuration')
    features = {}
    for code, (name, _) in FEATURES.items():
        features[code], = Feature.search([('code', '=', code)]) or (
            Feature.create([{'code': code, 'name': name,
                        'default_enabled': False}]))
    try:
        from .demo_features import set_feature_models
    except ImportError:
        pass
    else:
        set_feature_models(features)
    plans = {}
    for software_code, (software_name, rows) in CATALOGUE.items():
        software, = Software.create([{
                    'name': software_name, 'code': software_code}])
        for (code, name, kind, sequence, price, sla, quota, proration,
                pricing, extra) in rows:
            values = {
                'software': software.id, 'code': code, 'name': name,
                'kind': kind, 'sequence': sequence, 'pricing': pricing,
                'price': Decimal(price), 'proration': proration,
                'sla_target': Decimal(sla) if sla else None,
                'storage_quota_gb': quota,
                'product': product(publisher,
                    '%s %s' % (software_name, name), price).id,
                'features': [('add', [f.id for c, f in features.items()
                                if code in FEATURES[c][1]])],
                }
            extra = dict(extra)
            tiers = extra.pop('tiers', None)
            values.update(extra)
            if tiers:
                values['tiers'] = [('create', [{
                                'up_to': up_to,
                                'unit_price': Decimal(unit_price)}
                            for up_to, unit_price in tiers])]
            plans[code], = Plan.create([values])
        trial = {'thermogestion': 'pro', 'vitrolib': 'garage',
            'leads': 'contacts'}[software_code]
        Software.write([software], {'trial_plan': plans[trial].id})
        plans[software_code] = software
    configuration = Configuration(1)
    configuration.default_software = plans['thermogestion']
    configuration.save()
    return plans


def product(publisher, name, price):
    "The service the SaaS invoices carry: 706, VAT 20 %."
    pool = Pool()
    Category = pool.get('product.category')
    Template = pool.get('product.template')
    Uom = pool.get('product.uom')
    ModelData = pool.get('ir.model.data')
    from trytond.modules.account_fr_export.invoice import (
        company_account, company_tax)
    categories = Category.search([('name', '=', "Abonnements SaaS")])
    if categories:
        category, = categories
    else:
        category, = Category.create([{
                    'name': "Abonnements SaaS",
                    'accounting': True,
                    'account_revenue': company_account(publisher, '706').id,
                    'customer_taxes': [('add', [company_tax(publisher,
                                    'tva_vente_services_taux_normal').id])],
                    }])
    unit = Uom(ModelData.get_id('product', 'uom_unit'))
    template, = Template.create([{
                'name': "Abonnement %s" % name,
                'type': 'service',
                'list_price': Decimal(price),
                'default_uom': unit.id,
                'account_category': category.id,
                'products': [('create', [{}])],
                }])
    return template.products[0]


def subscriber(name, city, postal_code, seed):
    "A workshop of the demo's history (no users: it shows in the figures)."
    pool = Pool()
    Company = pool.get('company.company')
    Party = pool.get('party.party')
    Identifier = pool.get('party.identifier')
    Country = pool.get('country.country')
    Currency = pool.get('currency.currency')
    existing = company(name)
    if existing:
        return existing
    france, = Country.search([('code', '=', 'FR')], limit=1)
    euro, = Currency.search([('code', '=', 'EUR')], limit=1)
    party, = Party.create([{
                'name': name,
                'addresses': [('create', [{
                                'street': "%s rue de la République" % (
                                    seed % 90 + 1),
                                'postal_code': postal_code, 'city': city,
                                'country': france.id}])],
                }])
    new, = Company.create([{'party': party.id, 'currency': euro.id,
                'timezone': 'Europe/Paris'}])
    Party.write([party], {'company': new.id})
    Identifier.create([{'party': party.id, 'type': 'fr_siret',
                'code': siret(seed), 'address': party.addresses[0].id}])
    pool.get('saas.workshop.create', type='wizard').share_with_publishers(new)
    return new


def history(Subscription, plans, today):
    """Play the scripted months in date order through the real flow:
    renewals and trial ends run day after day in between."""
    steps = []
    for n, (name, software, city, postal_code, script) in enumerate(
            HISTORY):
        workshop = (company(name) if city is None
            else subscriber(name, city, postal_code, 51234567 + 7919 * n))
        if workshop is None:
            continue
        for months_ago, day, action, arguments in script:
            date = add_months(today, -months_ago).replace(day=day)
            steps.append((date, n, workshop, software, action, arguments))
    steps.sort(key=lambda s: (s[0], s[1]))
    subscriptions = {}
    day = steps[0][0] if steps else today
    for date, _, workshop, software, action, arguments in steps:
        day = catch_up(Subscription, day, date)
        if action == 'trial':
            subscriptions[workshop.id] = Subscription.start_trial(
                workshop, plans[software], date=date)
            continue
        subscription = Subscription(subscriptions[workshop.id].id)
        if action == 'cancel':
            Subscription.request_cancellation(
                [subscription], cause='usage', date=date)
        else:
            plan, options, quantity = arguments
            method = (Subscription.subscribe if action == 'subscribe'
                else Subscription.change)
            if action == 'subscribe':
                method(subscription, plans[plan], [plans[o] for o in options],
                    quantity, 'transfer', date=date)
            else:
                method(subscription, plans[plan], [plans[o] for o in options],
                    quantity, date=date)
    catch_up(Subscription, day, today + dt.timedelta(days=1))


def catch_up(Subscription, start, end):
    """The daily rounds (trials, renewals, the transfers received for the
    day's invoices) from `start` to the day before `end`."""
    day = start
    while day < end:
        Subscription.run_trials(date=day)
        Subscription.renew(date=day)
        receive_transfers(day)
        day += dt.timedelta(days=1)
    return day


def receive_transfers(date):
    """The publisher's accountant records the transfers received for the
    SaaS invoices of `date` (Tryton's invoice payment, reconciled)."""
    pool = Pool()
    Invoice = pool.get('account.invoice')
    Line = pool.get('account.move.line')
    Configuration = pool.get('saas.subscription.configuration')
    publisher = Configuration.get_publisher()
    invoices = Invoice.search([
            ('company', '=', publisher.id),
            ('saas_subscription', '!=', None),
            ('state', '=', 'posted'),
            ('invoice_date', '<=', date),
            ])
    if not invoices:
        return
    method = transfer_method(publisher)
    with Transaction().set_context(company=publisher.id, saas_date=date):
        for invoice in invoices:
            if not invoice.amount_to_pay:
                # settled by the credit balance: nothing to receive
                continue
            lines = invoice.pay_invoice(invoice.amount_to_pay, method, date,
                "Virement %s" % invoice.number)
            Line.reconcile([l for l in invoice.lines_to_pay
                    if not l.reconciliation] + list(lines))
        Invoice.process(invoices)


def transfer_method(publisher):
    "The publisher's « Virement » invoice payment method, on 5121."
    pool = Pool()
    Method = pool.get('account.invoice.payment.method')
    Journal = pool.get('account.journal')
    from trytond.modules.account_fr_export.invoice import company_account
    methods = Method.search([
            ('company', '=', publisher.id), ('name', '=', "Virement")])
    if methods:
        return methods[0]
    journal, = Journal.search([('type', '=', 'cash')], limit=1)
    bank = company_account(publisher, '5121')
    method, = Method.create([{
                'company': publisher.id, 'name': "Virement",
                'journal': journal.id,
                'credit_account': bank.id, 'debit_account': bank.id,
                }])
    return method
