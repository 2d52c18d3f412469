# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Parties filled from the company register and VAT numbers checked, with
the offline providers and the real ones against local servers."""
import unittest

from sql import Table

from trytond.modules.company.tests import create_company, set_company
from trytond.modules.connector.exceptions import (
    ConnectorError, ConnectorUnavailableError, PartyLookupError,
    VatCheckError)
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, with_transaction
from trytond.transaction import Transaction

from .servers import RechercheEntreprisesServer, ViesServer, closed_port_url

QUERY_FIELD = "SIREN, SIRET or Name"


def set_provider(company, capability, provider, **credentials):
    Setting = Pool().get('connector.setting')
    setting, = Setting.create([{
                'company': company.id,
                'capability': capability,
                'provider': provider,
                'credentials': [('create', [
                            {'key': k, 'value': str(v)}
                            for k, v in credentials.items()])],
                }])
    return setting


def create_france():
    Country = Pool().get('country.country')
    france, = Country.create([{'name': "France", 'code': 'FR'}])
    return france


def lookup(query, party=None, choice=None, add_vat=True):
    """Run the "Look up a Company" wizard as the client does; return the
    wizard and the state it ends on."""
    PartyLookup = Pool().get('connector.party.lookup', type='wizard')
    session_id, _, _ = PartyLookup.create()
    wizard = PartyLookup(session_id)
    wizard.start.query = query
    wizard.start.party = party
    state = wizard.transition_search()
    assert state == 'result', state
    values = wizard.default_result(None)
    wizard.result.results = values['results']
    wizard.result.company = choice or values['company']
    wizard.result.party = party
    wizard.result.add_vat = add_vat
    return wizard, wizard.transition_fill()


def clients(company):
    "The parties of the workshop, but its own."
    Party = Pool().get('party.party')
    return Party.search(
        [('id', '!=', company.party.id)], order=[('id', 'ASC')])


def identifiers(party):
    return sorted((i.type, i.code_compact) for i in party.identifiers)


class PartyLookupTestCase(unittest.TestCase):
    "Look up a Company"

    @classmethod
    def setUpClass(cls):
        activate_module('connector')

    @with_transaction()
    def test_lookup_creates_party(self):
        "A SIREN from the offline register creates the party, complete"
        pool = Pool()
        Party = pool.get('party.party')
        company = create_company()
        france = create_france()
        with set_company(company):
            wizard, state = lookup('412 736 597')
            self.assertEqual(state, 'open_')
            party, = clients(company)
            self.assertEqual(wizard.result.party, party)
            self.assertEqual(party.name, "GARAGE LEFÈVRE ET FILS")
            self.assertEqual(party.company, company)
            self.assertEqual(identifiers(party), [
                    ('eu_vat', 'FR50412736597'),
                    ('fr_siren', '412736597'),
                    ('fr_siret', '41273659700011'),
                    ])
            self.assertEqual(party.siren.code_compact, '412736597')
            address, = party.addresses
            self.assertEqual(address.street, "12 RUE DES ÉCOLES")
            self.assertEqual(address.postal_code, '69003')
            self.assertEqual(address.city, "LYON")
            self.assertEqual(address.country, france)
            self.assertEqual(address.siret.code_compact, '41273659700011')

    @with_transaction()
    def test_lookup_choices(self):
        "The results are offered by establishment, a closed one marked"
        company = create_company()
        create_france()
        with set_company(company):
            PartyLookup = Pool().get('connector.party.lookup', type='wizard')
            session_id, _, _ = PartyLookup.create()
            wizard = PartyLookup(session_id)
            wizard.start.query = "Ateliers mécaniques"
            wizard.start.party = None
            wizard.transition_search()
            wizard.result.results = wizard.default_result(None)['results']
            self.assertEqual(wizard.result.get_companies(), [(
                        '38811490200017',
                        "ATELIERS MÉCANIQUES DE L'OISE · "
                        "388 114 902 00017 · 21 RUE DE LA FORÊT · "
                        "60200 COMPIÈGNE (closed)")])

    @with_transaction()
    def test_lookup_fills_party(self):
        "An existing party gets the establishment chosen, keeping its VAT"
        pool = Pool()
        Party = pool.get('party.party')
        company = create_company()
        create_france()
        with set_company(company):
            party, = Party.create([{
                        'name': "Lefèvre",
                        'addresses': [('create', [{}])],
                        'identifiers': [('create', [{
                                        'type': 'eu_vat',
                                        'code': 'DE136695976'}])],
                        }])
            wizard, state = lookup(
                '41273659700029', party=party, add_vat=True)
            self.assertEqual(state, 'end')
            self.assertEqual(clients(company), [party])
            party = Party(party.id)
            self.assertEqual(party.name, "GARAGE LEFÈVRE ET FILS")
            self.assertEqual(identifiers(party), [
                    ('eu_vat', 'DE136695976'),
                    ('fr_siren', '412736597'),
                    ('fr_siret', '41273659700029'),
                    ])
            address, = party.addresses
            self.assertEqual(address.postal_code, '69007')

            # Again with the head office: a second address, its SIRET.
            lookup('412736597', party=party)
            party = Party(party.id)
            self.assertEqual(
                sorted((a.postal_code, a.siret.code_compact)
                    for a in party.addresses),
                [('69003', '41273659700011'), ('69007', '41273659700029')])

    @with_transaction()
    def test_lookup_duplicate(self):
        "A second party with the same SIREN is refused"
        pool = Pool()
        Party = pool.get('party.party')
        company = create_company()
        create_france()
        with set_company(company):
            lookup('412736597')
            with self.assertRaises(PartyLookupError) as cm:
                lookup('Lefèvre')
            self.assertIn("GARAGE LEFÈVRE ET FILS", cm.exception.message)
            self.assertIn("412736597", cm.exception.message)
            self.assertEqual(len(clients(company)), 1)

    @with_transaction()
    def test_lookup_invalid(self):
        "An invalid SIREN or SIRET is refused, naming the field, unasked"
        pool = Pool()
        Party = pool.get('party.party')
        company = create_company()
        create_france()
        with set_company(company), RechercheEntreprisesServer() as server:
            set_provider(
                company, 'company_register', 'recherche_entreprises',
                base_url=server.url)
            for query, number in [
                    ('412 736 598', 'SIREN'),
                    ('41273659700012', 'SIRET'),
                    ('123', 'SIREN'),
                    ('ab', 'name'),
                    ]:
                with self.subTest(query=query):
                    with self.assertRaises(ConnectorError) as cm:
                        lookup(query)
                    message = cm.exception.message
                    self.assertIn(number, message)
                    self.assertIn('field "%s"' % QUERY_FIELD, message)
            self.assertEqual(server.requests, [])
            self.assertEqual(clients(company), [])

    @with_transaction()
    def test_lookup_not_found(self):
        "Nothing found in the register: a message, no party"
        pool = Pool()
        Party = pool.get('party.party')
        company = create_company()
        with set_company(company):
            with self.assertRaises(PartyLookupError) as cm:
                lookup('Boulangerie inexistante')
            self.assertIn("Boulangerie inexistante", cm.exception.message)
            self.assertEqual(clients(company), [])

    @with_transaction()
    def test_lookup_real_register(self):
        "The real register provider answers through its local server"
        pool = Pool()
        Party = pool.get('party.party')
        company = create_company()
        create_france()
        with set_company(company), RechercheEntreprisesServer() as server:
            set_provider(
                company, 'company_register', 'recherche_entreprises',
                base_url=server.url)
            lookup('thermolaquage')
            party, = clients(company)
            self.assertEqual(party.name, "THERMOLAQUAGE DU SUD-OUEST")
            address, = party.addresses
            self.assertEqual(
                address.street, "ZA DE L'ESTUAIRE, 7 CHE DU HALAGE")
            self.assertEqual(address.siret.code_compact, '50321847100012')
            self.assertEqual(server.queries(), ['thermolaquage'])

    @with_transaction()
    def test_lookup_register_down(self):
        "The register unreachable: a clear message, nothing created or changed"
        pool = Pool()
        Party = pool.get('party.party')
        company = create_company()
        create_france()
        with set_company(company):
            set_provider(
                company, 'company_register', 'recherche_entreprises',
                base_url=closed_port_url())
            party, = Party.create([{'name': "Lefèvre"}])
            for target in [None, party]:
                with self.subTest(party=target):
                    with self.assertRaises(ConnectorUnavailableError) as cm:
                        lookup('412736597', party=target)
                    self.assertIn(
                        "Recherche d'entreprises", cm.exception.message)
                    self.assertIn("cannot be reached", cm.exception.message)
            self.assertEqual(clients(company), [party])
            party = Party(party.id)
            self.assertEqual(party.name, "Lefèvre")
            self.assertEqual(list(party.identifiers), [])


class VatCheckTestCase(unittest.TestCase):
    "Check the VAT Number"

    @classmethod
    def setUpClass(cls):
        activate_module('connector')

    def create_party(self, vat_number='FR50412736597'):
        Party = Pool().get('party.party')
        identifiers = []
        if vat_number:
            identifiers = [('create', [
                            {'type': 'eu_vat', 'code': vat_number}])]
        party, = Party.create([{
                    'name': "Garage Lefèvre",
                    'identifiers': identifiers,
                    }])
        return party

    @with_transaction()
    def test_offline(self):
        "The offline check records a valid number and the date"
        pool = Pool()
        Party = pool.get('party.party')
        company = create_company()
        with set_company(company):
            party = self.create_party('FR 50 412 736 597')
            Party.check_vat([party])
            party = Party(party.id)
            self.assertEqual(party.vat_check, 'valid')
            self.assertEqual(party.vat_check_number, 'FR50412736597')
            self.assertIsNone(party.vat_check_name)
            self.assertTrue(party.vat_check_date)
            copy, = Party.copy([party])
            self.assertIsNone(copy.vat_check)

    @with_transaction()
    def test_vies(self):
        "VIES answers valid with the registered name, or invalid"
        pool = Pool()
        Party = pool.get('party.party')
        company = create_company()
        with set_company(company), ViesServer() as server:
            set_provider(company, 'vat', 'vies', endpoint=server.endpoint)
            registered = self.create_party('FR50412736597')
            unknown = self.create_party('FR96503218471')
            Party.check_vat([registered, unknown])
            registered, unknown = Party.browse([registered, unknown])
            self.assertEqual(registered.vat_check, 'valid')
            self.assertEqual(
                registered.vat_check_name, 'SARL GARAGE LEFEVRE ET FILS')
            self.assertEqual(
                registered.vat_check_address, '12 RUE DES ECOLES\n69003 LYON')
            self.assertEqual(unknown.vat_check, 'invalid')
            self.assertEqual(unknown.vat_check_number, 'FR96503218471')
            self.assertEqual(
                server.check_vat_requests(),
                [('FR', '50412736597'), ('FR', '96503218471')])

    @with_transaction()
    def test_vies_down(self):
        "VIES unreachable: a clear message, the party unchanged"
        pool = Pool()
        Party = pool.get('party.party')
        company = create_company()
        with set_company(company):
            set_provider(
                company, 'vat', 'vies',
                endpoint=closed_port_url() + '/checkVatService')
            party = self.create_party()
            with self.assertRaises(ConnectorUnavailableError) as cm:
                Party.check_vat([party])
            self.assertIn("VIES", cm.exception.message)
            self.assertIn("cannot be reached", cm.exception.message)
            party = Party(party.id)
            self.assertIsNone(party.vat_check)
            self.assertIsNone(party.vat_check_date)

    @with_transaction()
    def test_no_vat(self):
        "A party without VAT number is refused, naming the field"
        Party = Pool().get('party.party')
        company = create_company()
        with set_company(company):
            party = self.create_party(None)
            with self.assertRaises(VatCheckError) as cm:
                Party.check_vat([party])
            self.assertIn('field "Identifiers"', cm.exception.message)
            self.assertIn("European VAT Number", cm.exception.message)

    @with_transaction()
    def test_invalid_vat(self):
        "An invalid VAT number is refused, naming the field, before any call"
        pool = Pool()
        Party = pool.get('party.party')
        company = create_company()
        with set_company(company), ViesServer() as server:
            set_provider(company, 'vat', 'vies', endpoint=server.endpoint)
            valid = self.create_party()
            invalid = self.create_party()
            # A number saved before its check digits were checked.
            table = Table('party_identifier')
            Transaction().connection.cursor().execute(*table.update(
                    [table.code, table.code_compact],
                    ['FR00412736597', 'FR00412736597'],
                    where=table.party == invalid.id))
            with self.assertRaises(VatCheckError) as cm:
                Party.check_vat([valid, invalid])
            self.assertIn('"FR00412736597"', cm.exception.message)
            self.assertIn('field "Identifiers"', cm.exception.message)
            self.assertEqual(server.requests, [])
            self.assertIsNone(Party(valid.id).vat_check)
