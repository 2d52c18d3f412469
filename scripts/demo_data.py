#!/usr/bin/env python3
# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Fill a database with Atelier's demo: the publisher and two workshops.

Run on a database where the addons are activated:

    python scripts/demo_data.py -c config/trytond.conf -d demo

Every addon extends the demo by adding a function to ``STEPS`` through its
own ``demo`` module (see ``load_addon_demos``); the base creates the
publisher company, the workshops with their users and a few clients.
"""
import argparse
from decimal import Decimal
import importlib
import logging
import sys

from proteus import Model, Wizard
from proteus import config as pconfig

DEMO_PASSWORD = 'demo'
# Owners and administrators log in with a second factor (saas addon, TOTP).
# Known secrets, printed by `make demo`, so the demo can be tried with any
# authenticator app; a real workshop sets its own up from the menu
# "Set Up Two-Factor Login". tests/server.py reads them from here.
TOTP_SECRETS = {
    'owner.durand': 'OWNERDURANDATELIERDEMOSECRETAAAA',
    'admin.durand': 'ADMINDURANDATELIERDEMOSECRETAAAA',
    'owner.martin': 'OWNERMARTINATELIERDEMOSECRETAAAA',
    'admin.martin': 'ADMINMARTINATELIERDEMOSECRETAAAA',
    }

# SIRETs below pass the Luhn check; they are demo values, not real firms.
WORKSHOPS = [
    {
        'key': 'durand',
        'name': "Thermolaquage Durand",
        'siret': '73282932000017',
        'street': "12 rue de l'Industrie",
        'postal_code': '69007',
        'city': "Lyon",
        'phone': '+33 4 78 00 00 01',
        'owner': "Paul Durand",
        'staff': {
            'admin': "Nathalie Bernard",
            'operator': "Karim Benali",
            'accounting': "Isabelle Moreau",
            },
        'clients': [
            ("Garage des Brotteaux", 'Lyon', '69006'),
            ("Ferronnerie Lumière", 'Villeurbanne', '69100'),
            ("Mme Claire Martin", 'Lyon', '69003'),
            ],
        'products': [("Sablage", 18), ("Thermolaquage RAL standard", 35)],
        },
    {
        'key': 'martin',
        'name': "Époxy Services Martin",
        'siret': '55208131700018',
        'street': "5 quai de Bacalan",
        'postal_code': '33300',
        'city': "Bordeaux",
        'phone': '+33 5 56 00 00 02',
        'owner': "Sophie Martin",
        'staff': {
            'admin': "Thomas Petit",
            'operator': "Lucas Girard",
            'accounting': "Camille Roux",
            },
        'clients': [
            ("Menuiserie Alu Gironde", 'Mérignac', '33700'),
            ("Cycles Chartrons", 'Bordeaux', '33000'),
            ("M. Julien Petit", 'Pessac', '33600'),
            ],
        'products': [("Décapage chimique", 22), ("Peinture époxy", 40)],
        },
    ]

ROLES = ['owner', 'admin', 'operator', 'accounting']


def get_or_create(model_name, domain, **values):
    Model_ = Model.get(model_name)
    records = Model_.find(domain, limit=1)
    if records:
        return records[0]
    record = Model_(**values)
    record.save()
    return record


def reference_data():
    "EUR and France, when no import script loaded them."
    euro = get_or_create('currency.currency', [('code', '=', 'EUR')],
        name="Euro", code='EUR', symbol='€', digits=2, numeric_code='978')
    france = get_or_create('country.country', [('code', '=', 'FR')],
        name="France", code='FR', code3='FRA', code_numeric='250')
    return euro, france


def publisher_company(database, euro, france):
    """The company running the SaaS. Bootstrapped as root: its party must
    exist before the company it belongs to."""
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    with Transaction().start(database, 0) as transaction:
        pool = Pool()
        Company = pool.get('company.company')
        Party = pool.get('party.party')
        User = pool.get('res.user')
        companies = Company.search([('party.name', '=', "Atelier SaaS")])
        if not companies:
            party, = Party.create([{
                        'name': "Atelier SaaS",
                        'addresses': [('create', [{
                                        'city': "Paris",
                                        'postal_code': '75011',
                                        'country': france.id,
                                        }])],
                        }])
            company, = Company.create([{
                        'party': party.id,
                        'currency': euro.id,
                        'timezone': 'Europe/Paris',
                        }])
            Party.write([party], {'company': company.id})
            admin, = User.search([('login', '=', 'admin')])
            User.write([admin], {
                    'companies': [('add', [company.id])],
                    'company': company.id,
                    })
            transaction.commit()
    refresh_context()


def refresh_context():
    "Reload the user's companies in proteus' context after a change."
    config = pconfig.get_config()
    config._context = config.get_proxy('res.user').get_preferences(True, {})


def create_workshop(data, euro, france):
    Company = Model.get('company.company')
    existing = Company.find([('party.name', '=', data['name'])])
    if existing:
        return existing[0]
    wizard = Wizard('saas.workshop.create')
    wizard.form.name = data['name']
    wizard.form.siret = data['siret']
    wizard.form.street = data['street']
    wizard.form.postal_code = data['postal_code']
    wizard.form.city = data['city']
    wizard.form.country = france
    wizard.form.phone = data['phone']
    wizard.form.currency = euro
    wizard.form.owner_name = data['owner']
    wizard.form.owner_login = 'owner.%s' % data['key']
    wizard.form.owner_email = 'owner.%s@example.com' % data['key']
    wizard.execute('create_')
    company = wizard.form.company
    wizard.execute('end')
    return company


def create_users(data, company):
    User = Model.get('res.user')
    Group = Model.get('res.group')
    ModelData = Model.get('ir.model.data')
    Lang = Model.get('ir.lang')
    french, = Lang.find([('code', '=', 'fr')])
    for role in ROLES:
        login = '%s.%s' % (role, data['key'])
        group_id = ModelData.get_id('saas', 'group_%s' % role, {})
        users = User.find([('login', '=', login)])
        if users:
            user, = users
        else:
            user = User(login=login, name=data['staff'][role])
            user.companies.append(Company_(company.id))
            user.company = Company_(company.id)
            user.groups.append(Group(group_id))
            user.email = '%s@example.com' % login
        user.language = french
        user.password = DEMO_PASSWORD
        user.save()


def Company_(id_):
    return Model.get('company.company')(id_)


def create_clients(data, company, france):
    # `company` is read-only on parties and products: proteus does not send
    # it, so the record takes the company of the context.
    with pconfig.get_config().set_context(company=company.id):
        _create_clients(data, company, france)


def _create_clients(data, company, france):
    Party = Model.get('party.party')
    Template = Model.get('product.template')
    Uom = Model.get('product.uom')
    unit, = Uom.find([('name', '=', 'Unit')]) or Uom.find([], limit=1)
    for name, city, postal_code in data['clients']:
        if Party.find([('name', '=', name), ('company', '=', company.id)]):
            continue
        party = Party(name=name, company=Company_(company.id))
        address, = party.addresses
        address.city = city
        address.postal_code = postal_code
        address.country = france
        party.save()
    for name, price in data['products']:
        if Template.find([('name', '=', name),
                    ('company', '=', company.id)]):
            continue
        template = Template(name=name, type='service', default_uom=unit,
            company=Company_(company.id))
        template.list_price = Decimal(price)
        template.save()


STEPS = []


def skip_setup_wizards():
    "The demo is set up: the publisher is not walked through the wizards."
    Item = Model.get('ir.module.config_wizard.item')
    items = Item.find([('state', '!=', 'done')])
    for item in items:
        item.state = 'done'
    Item.save(items)


def set_totp_secrets(database):
    """Give the owners and administrators their known TOTP secrets. As
    root: nobody may write a secret through the ORM's access rights."""
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    with Transaction().start(database, 0) as transaction:
        User = Pool().get('res.user')
        action_id = User.enrolment_action_id()
        for login, secret in TOTP_SECRETS.items():
            users = User.search([('login', '=', login)])
            # Set up already: no set-up wizard at their first login.
            User.write(users, {
                    'totp_secret': secret,
                    'totp_counter': None,
                    'actions': [('remove', [action_id])],
                    })
        transaction.commit()


def base_demo(args):
    skip_setup_wizards()
    euro, france = reference_data()
    publisher_company(args.database, euro, france)
    for data in WORKSHOPS:
        company = create_workshop(data, euro, france)
        refresh_context()
        create_users(data, company)
        create_clients(data, company, france)
    set_totp_secrets(args.database)


def load_addon_demos():
    """Addons add their demo with a `demo.py` module exposing `run(args)`,
    run in the order of their dependencies (an addon's demo builds on the
    demo of the addons it extends)."""
    from trytond.modules import create_graph, get_modules
    for name in [node.name for node in create_graph(get_modules())]:
        try:
            module = importlib.import_module('trytond.modules.%s.demo' % name)
        except ModuleNotFoundError:
            continue
        if hasattr(module, 'run'):
            STEPS.append(module.run)


def run_step(step, args):
    """Run an addon's demo step; when the accounting asks to lock a table
    (posting moves, a first fiscal period), run it again with the table
    locked from the start, as Tryton's RPC and worker do. A step works in
    one transaction, so nothing of the failed run was committed."""
    from trytond.transaction import Transaction, TransactionError
    extras = {}
    start = Transaction.start

    def start_locked(self, database_name, user, *args_, **kwargs):
        for key, value in extras.items():
            kwargs.setdefault(key, value)
        return start(self, database_name, user, *args_, **kwargs)
    Transaction.start = start_locked
    try:
        while True:
            try:
                return step(args)
            except TransactionError as error:
                error.fix(extras)
    finally:
        Transaction.start = start


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('-c', '--config', dest='config_file')
    parser.add_argument('-d', '--database', required=True)
    args = parser.parse_args(argv)
    pconfig.set_trytond(args.database, config_file=args.config_file)
    # The owners' welcome emails are queued; with no SMTP server running the
    # queue keeps them for later instead of failing the demo.
    logging.getLogger('trytond.worker').disabled = True
    base_demo(args)
    load_addon_demos()
    for step in STEPS:
        run_step(step, args)
    print("Demo data ready in database %r." % args.database)


if __name__ == '__main__':
    sys.exit(main())
