# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Workshops ready to invoice, for the tests: a company with its SIREN,
address and VAT number, the French chart of accounts, the fiscal year of
today with its invoice sequence, and clients of every kind."""
import functools

from stdnum.fr import siren as stdnum_siren

from trytond.cache import Cache
from trytond.modules.account_fr_export.invoice import (
    company_account, company_tax)
from trytond.modules.company.tests import create_company, set_company
from trytond.pool import Pool
from trytond.tests.test_tryton import DB_NAME
from trytond.transaction import Transaction, TransactionError

# The modules of every test database of the addon (one cached template
# for all: its quote and project bridge is tested with powder_coating).
MODULES = ['account_fr_export', 'powder_coating']

# The tables Tryton's accounting locks (the account configuration when the
# chart is made, the journal periods when entries are written): locked from
# the start, a test runs once instead of being started again for each.
LOCKED_TABLES = ['account_configuration', 'account_journal_period']


def run_locked(func, *args, commit=False, user=1, **kwargs):
    """Run `func` in a transaction of the test database with the
    accounting's tables locked (started again if Tryton asks for more
    locks); committed with `commit`, else rolled back."""
    extras = {'_lock_tables': list(LOCKED_TABLES)}
    while True:
        with Transaction().start(DB_NAME, user, **extras) as transaction:
            try:
                result = func(*args, **kwargs)
                if commit:
                    transaction.commit()
                return result
            except TransactionError as error:
                transaction.rollback()
                transaction.tasks.clear()
                error.fix(extras)
                continue
            finally:
                if not commit:
                    transaction.rollback()
                    transaction.tasks.clear()
                Cache.drop(DB_NAME)


def with_accounting_transaction(func):
    "trytond's with_transaction, with the accounting's tables locked."
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return run_locked(func, *args, **kwargs)
    return wrapper


def create_workshop(name="Thermolaquage Durand", siret='73282932000017',
        city="Lyon", postal_code='69003', street="12 rue des Forges"):
    """A workshop (company) with its chart, fiscal year and invoicing
    settings; its owner's context is left to the caller (set_company)."""
    pool = Pool()
    Party = pool.get('party.party')
    Identifier = pool.get('party.identifier')
    Country = pool.get('country.country')
    WorkshopCreate = pool.get('saas.workshop.create', type='wizard')
    Settings = pool.get('account_fr_export.settings')
    france = _country('FR', "France")
    company = create_company(name=name)
    party = company.party
    Party.write([party], {
            'company': company.id,
            'addresses': [('write', [a.id for a in party.addresses], {
                            'street': street, 'postal_code': postal_code,
                            'city': city, 'country': france.id})]
            if party.addresses else [('create', [{
                            'street': street, 'postal_code': postal_code,
                            'city': city, 'country': france.id}])],
            })
    siren = siret[:9]
    Identifier.create([
            {'party': party.id, 'type': 'fr_siret', 'code': siret,
                'address': party.addresses[0].id},
            {'party': party.id, 'type': 'eu_vat',
                'code': 'FR' + stdnum_siren.to_tva(siren)},
            ])
    with set_company(company):
        WorkshopCreate.create_chart(company)
        WorkshopCreate.create_fiscal_year(company)
        settings = Settings.get(company, create=True)
        settings.legal_form = "SARL"
        settings.registry = "RCS %s" % city
        settings.save()
    assert Country.search([('code', '=', 'FR')])
    return company


def create_client(company, name="Garage Dupont", siren=None, vat=None,
        country='FR', city="Villeurbanne", postal_code='69100',
        street="3 avenue Roger Salengro", email=None):
    """A client of `company`: a private person (no identifier), a French
    business (`siren`) or a business elsewhere in the EU (`vat`)."""
    pool = Pool()
    Party = pool.get('party.party')
    Identifier = pool.get('party.identifier')
    country_ = _country(country, country)
    contacts = [{'type': 'email', 'value': email}] if email else []
    party, = Party.create([{
                'name': name,
                'company': company.id,
                'addresses': [('create', [{
                                'street': street, 'postal_code': postal_code,
                                'city': city, 'country': country_.id}])],
                'contact_mechanisms': [('create', contacts)],
                }])
    identifiers = []
    if siren:
        identifiers.append(
            {'party': party.id, 'type': 'fr_siren', 'code': siren})
    if vat:
        identifiers.append({'party': party.id, 'type': 'eu_vat', 'code': vat})
    if identifiers:
        Identifier.create(identifiers)
    return party


def _country(code, name):
    Country = Pool().get('country.country')
    countries = Country.search([('code', '=', code)], limit=1)
    if countries:
        return countries[0]
    country, = Country.create([{'code': code, 'name': name}])
    return country


def account(company, code):
    "The workshop's account numbered `code` in the French chart."
    return company_account(company, code)


def tax(company, template='tva_vente_services_taux_normal'):
    "The workshop's tax made from the account_fr tax template `template`."
    return company_tax(company, template)


def create_invoice(company, client, lines, date=None, post=True,
        taxes=None):
    """A customer invoice of `company` to `client` with `lines`, a list of
    (description, quantity, unit price excl. VAT): services at 20 % VAT on
    account 706 unless `taxes` is given; posted unless `post` is False.
    Run it in the workshop's context (set_company)."""
    pool = Pool()
    Invoice = pool.get('account.invoice')
    Journal = pool.get('account.journal')
    Date = pool.get('ir.date')
    journal, = Journal.search([('code', '=', 'REV')], limit=1)
    revenue = account(company, '706')
    taxes = taxes if taxes is not None else [tax(company)]
    invoice, = Invoice.create([{
                'company': company.id,
                'type': 'out',
                'party': client.id,
                'invoice_address': client.address_get('invoice').id,
                'journal': journal.id,
                'account': client.account_receivable_used.id,
                'currency': company.currency.id,
                'invoice_date': date or Date.today(),
                'lines': [('create', [{
                                'company': company.id,
                                'type': 'line',
                                'description': description,
                                'quantity': quantity,
                                'unit_price': unit_price,
                                'account': revenue.id,
                                'taxes': [('add', [t.id for t in taxes])],
                                } for description, quantity, unit_price
                            in lines])],
                }])
    if post:
        Invoice.post([invoice])
    return invoice
