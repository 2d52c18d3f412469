# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The company register and VAT providers, without database: the offline ones
directly, the real ones against local servers speaking their protocol."""
import unittest

import pluggy
from stdnum.fr import siren as stdnum_siren
from stdnum.fr import siret as stdnum_siret

from .. import hub
from ..exceptions import ConnectorError, ConnectorUnavailableError
from ..providers import company_register, vat
from .servers import RechercheEntreprisesServer, ViesServer, closed_port_url


def plugin_manager():
    "A plugin manager with the hub's specs and only the providers tested."
    pm = pluggy.PluginManager(hub.PROJECT)
    pm.add_hookspecs(hub.Specs)
    pm.register(company_register.plugin)
    pm.register(vat.plugin)
    return pm


class HubTestCase(unittest.TestCase):
    "The plugins through pluggy."

    def setUp(self):
        self.pm = plugin_manager()

    def test_providers(self):
        "The plugins offer an offline and a real provider per capability"
        providers = {
            (p.capability, p.name): p
            for offered in self.pm.hook.atelier_providers()
            for p in offered}
        self.assertEqual(set(providers), {
                ('company_register', 'fixtures'),
                ('company_register', 'recherche_entreprises'),
                ('vat', 'stdnum'),
                ('vat', 'vies'),
                })
        self.assertTrue(providers['company_register', 'fixtures'].offline)
        self.assertFalse(
            providers['company_register', 'recherche_entreprises'].offline)
        self.assertTrue(providers['vat', 'stdnum'].offline)
        self.assertFalse(providers['vat', 'vies'].offline)
        for provider in providers.values():
            self.assertIsInstance(provider, hub.Provider)
            self.assertTrue(provider.label)
            # translated through its ir.message, the label without database
            self.assertTrue(provider.message.startswith('connector.msg_'))
            self.assertEqual(provider.string, provider.label)

    def test_builtin_plugins(self):
        "The hub finds the plugins in the providers package"
        plugins = hub.builtin_plugins()
        self.assertIn(company_register.plugin, plugins)
        self.assertIn(vat.plugin, plugins)

    def test_lookup_company(self):
        "atelier_lookup_company through the hook"
        result = self.pm.hook.atelier_lookup_company(
            provider='fixtures', credentials={}, query='412736597')
        self.assertEqual([r['siren'] for r in result], ['412736597'])

    def test_check_vat(self):
        "atelier_check_vat through the hook"
        result = self.pm.hook.atelier_check_vat(
            provider='stdnum', credentials=None, vat_number='FR50412736597')
        self.assertTrue(result['valid'])

    def test_other_provider(self):
        "The plugins answer None for a provider that is not theirs"
        self.assertIsNone(self.pm.hook.atelier_lookup_company(
                provider='other', credentials={}, query='412736597'))
        self.assertIsNone(self.pm.hook.atelier_check_vat(
                provider='other', credentials={}, vat_number='FR50412736597'))
        self.assertIsNone(company_register.plugin.atelier_lookup_company(
                provider='stdnum', credentials={}, query='412736597'))
        self.assertIsNone(vat.plugin.atelier_check_vat(
                provider='fixtures', credentials={},
                vat_number='FR50412736597'))


class FixturesTestCase(unittest.TestCase):
    "The offline company register"

    def lookup(self, query):
        return company_register.plugin.atelier_lookup_company(
            provider='fixtures', credentials={}, query=query)

    def test_fixture_numbers(self):
        "The fixture SIREN and SIRET numbers have valid check digits"
        companies = company_register.fixture_companies()
        self.assertGreaterEqual(len(companies), 5)
        for company in companies:
            self.assertTrue(stdnum_siren.is_valid(company['siren']))
            for establishment in company['establishments']:
                self.assertTrue(stdnum_siret.is_valid(establishment['siret']))
                self.assertTrue(
                    establishment['siret'].startswith(company['siren']))

    def test_siren(self):
        "Search by SIREN gives the head office"
        self.assertEqual(self.lookup('412 736 597'), [{
                    'siren': '412736597',
                    'siret': '41273659700011',
                    'name': 'GARAGE LEFÈVRE ET FILS',
                    'street': '12 RUE DES ÉCOLES',
                    'postal_code': '69003',
                    'city': 'LYON',
                    'naf': '45.20A',
                    'active': True,
                    }])

    def test_siret(self):
        "Search by SIRET gives that establishment"
        result, = self.lookup('41273659700029')
        self.assertEqual(result['siret'], '41273659700029')
        self.assertEqual(result['postal_code'], '69007')
        self.assertFalse(result['active'])

    def test_name(self):
        "Search by name ignores case, accents and word order"
        for query in ['lefevre', 'Fils Lefèvre', 'GARAGE LEFÈVRE']:
            with self.subTest(query=query):
                self.assertEqual(
                    [r['siren'] for r in self.lookup(query)], ['412736597'])
        result, = self.lookup("ateliers mecaniques de l'oise")
        self.assertFalse(result['active'])
        self.assertEqual(result['city'], 'COMPIÈGNE')
        self.assertEqual(len(self.lookup('carrosserie béranger')), 1)

    def test_not_found(self):
        "Unknown company gives an empty list"
        self.assertEqual(self.lookup('Boulangerie inexistante'), [])
        self.assertEqual(self.lookup('552032534'), [])
        self.assertEqual(self.lookup('41273659700037'), [])

    def test_invalid(self):
        "Invalid SIREN, SIRET or too short name are refused"
        for query, field in [
                ('412736598', 'SIREN'),
                ('41273659700012', 'SIRET'),
                ('12345', 'SIREN'),
                ('ab', 'name'),
                ('', 'name'),
                (None, 'name'),
                ]:
            with self.subTest(query=query):
                with self.assertRaises(ConnectorError) as cm:
                    self.lookup(query)
                self.assertIn(field, cm.exception.message)
                self.assertIn(
                    'field "SIREN, SIRET or Name"', cm.exception.message)

    def test_invalid_messages(self):
        "Without database the messages are the English text of message.xml"
        with self.assertRaises(ConnectorError) as cm:
            company_register.parse_query('412 736 597 00012', field="SIRET")
        self.assertEqual(
            cm.exception.message,
            'The SIRET "412 736 597 00012" is not valid: check its 14 digits '
            '(field "SIRET").')
        with self.assertRaises(ConnectorError) as cm:
            vat.check_number('FR00412736597', field="VAT")
        self.assertEqual(
            cm.exception.message,
            'The VAT number "FR00412736597" is not valid: check its country '
            'code and digits (field "VAT").')


class RechercheEntreprisesTestCase(unittest.TestCase):
    "The recherche-entreprises provider against a local server"

    def setUp(self):
        self.server = RechercheEntreprisesServer().start()
        self.addCleanup(self.server.stop)
        self.credentials = {'base_url': self.server.url}

    def lookup(self, query, credentials=None):
        return company_register.plugin.atelier_lookup_company(
            provider='recherche_entreprises',
            credentials=(
                credentials if credentials is not None
                else self.credentials),
            query=query)

    def test_siren(self):
        "Search by SIREN"
        self.assertEqual(self.lookup('412736597'), [{
                    'siren': '412736597',
                    'siret': '41273659700011',
                    'name': 'GARAGE LEFEVRE ET FILS',
                    'street': '12 RUE DES ECOLES',
                    'postal_code': '69003',
                    'city': 'LYON 3EME',
                    'naf': '45.20A',
                    'active': True,
                    }])
        request, = self.server.requests
        self.assertEqual(request['method'], 'GET')
        self.assertTrue(request['path'].startswith('/search?'))
        self.assertIn('page=1', request['path'])
        self.assertIn('per_page=10', request['path'])
        self.assertEqual(request['headers']['Accept'], 'application/json')
        self.assertEqual(self.server.queries(), ['412736597'])

    def test_siret(self):
        "Search by SIRET gives the matching establishment"
        result, = self.lookup('412 736 597 00029')
        self.assertEqual(result['siret'], '41273659700029')
        self.assertEqual(result['street'], '4 AV JEAN JAURES')
        self.assertEqual(result['city'], 'LYON 7EME')
        self.assertFalse(result['active'])
        self.assertEqual(self.server.queries(), ['41273659700029'])

    def test_siret_head_office(self):
        "Search by the SIRET of the head office"
        result, = self.lookup('41273659700011')
        self.assertEqual(result['siret'], '41273659700011')
        self.assertTrue(result['active'])

    def test_name(self):
        "Search by name gives the head office of each company"
        results = self.lookup('Ateliers')
        self.assertEqual(
            [r['siren'] for r in results], ['388114902', '503218471'])
        oise, thermo = results
        self.assertFalse(oise['active'])
        self.assertEqual(
            thermo['street'], "ZA DE L'ESTUAIRE, 7 CHE DU HALAGE")
        self.assertEqual(thermo['naf'], '25.61Z')

    def test_not_found(self):
        "Unknown company gives an empty list"
        self.assertEqual(self.lookup('Boulangerie inexistante'), [])
        self.assertEqual(self.lookup('552032534'), [])
        self.assertEqual(len(self.server.requests), 2)

    def test_per_page(self):
        "per_page is taken from the credentials and capped"
        self.lookup('garage', dict(self.credentials, per_page=100))
        self.assertIn('per_page=25', self.server.requests[0]['path'])

    def test_invalid_refused(self):
        "Invalid input is refused without calling the service"
        for query, field in [
                ('412736598', 'SIREN'),
                ('41273659700012', 'SIRET'),
                ('1234567', 'SIREN'),
                ('x', 'name'),
                ]:
            with self.subTest(query=query):
                with self.assertRaises(ConnectorError) as cm:
                    self.lookup(query)
                self.assertIn(field, cm.exception.message)
        self.assertEqual(self.server.requests, [])

    def test_server_error(self):
        "A 5xx or 429 answer means the service is unavailable"
        for status in [500, 502, 503, 429]:
            with self.subTest(status=status):
                self.server.fail_status = status
                with self.assertRaises(ConnectorUnavailableError) as cm:
                    self.lookup('garage')
                self.assertIn('Recherche d\'entreprises', cm.exception.message)

    def test_refused(self):
        "A 4xx answer is a connector error"
        self.server.fail_status = 400
        with self.assertRaises(ConnectorError) as cm:
            self.lookup('garage')
        self.assertNotIsInstance(cm.exception, ConnectorUnavailableError)
        self.assertIn('garage', cm.exception.message)

    def test_unreadable(self):
        "An answer that is not the documented JSON is a connector error"
        self.server.responses['garage'] = ['not', 'an', 'object']
        with self.assertRaises(ConnectorError):
            self.lookup('garage')

    def test_server_down(self):
        "Nothing listening means the service is unavailable"
        with self.assertRaises(ConnectorUnavailableError) as cm:
            self.lookup('garage', {'base_url': closed_port_url()})
        self.assertIn('cannot be reached', cm.exception.message)

    def test_timeout(self):
        "A service too slow to answer is unavailable"
        self.server.delay = 1
        with self.assertRaises(ConnectorUnavailableError):
            self.lookup('garage', dict(self.credentials, timeout=0.2))


class StdnumVatTestCase(unittest.TestCase):
    "The offline VAT provider"

    def check(self, number):
        return vat.plugin.atelier_check_vat(
            provider='stdnum', credentials={}, vat_number=number)

    def test_valid(self):
        "Valid numbers, whatever their spacing and case"
        for number in ['FR50412736597', 'fr 50 412 736 597', 'DE136695976']:
            with self.subTest(number=number):
                self.assertTrue(self.check(number)['valid'])
        self.assertEqual(self.check('fr 50 412 736 597'), {
                'valid': True,
                'country_code': 'FR',
                'number': '50412736597',
                'name': None,
                'address': None,
                })

    def test_invalid(self):
        "Bad check digits or format give valid False"
        for number in ['FR00412736597', 'FR123', 'XX123456789', '', None]:
            with self.subTest(number=number):
                self.assertFalse(self.check(number)['valid'])


class ViesTestCase(unittest.TestCase):
    "The VIES provider against a local SOAP server"

    def setUp(self):
        self.server = ViesServer().start()
        self.addCleanup(self.server.stop)
        # the shipped WSDL, the address of the local server
        self.credentials = {'endpoint': self.server.endpoint}

    def check(self, number, credentials=None):
        return vat.plugin.atelier_check_vat(
            provider='vies',
            credentials=(
                credentials if credentials is not None
                else self.credentials),
            vat_number=number)

    def test_shipped_wsdl(self):
        "The shipped WSDL points at the real VIES service"
        client = vat.vies_client(vat.WSDL_PATH, vat.DEFAULT_TIMEOUT)
        self.assertEqual(
            client.service._binding_options['address'],
            'https://ec.europa.eu/taxation_customs/vies/services/'
            'checkVatService')

    def test_valid(self):
        "A registered number is valid with its name and address"
        self.assertEqual(self.check('FR 50 412 736 597'), {
                'valid': True,
                'country_code': 'FR',
                'number': '50412736597',
                'name': 'SARL GARAGE LEFEVRE ET FILS',
                'address': '12 RUE DES ECOLES\n69003 LYON',
                })
        self.assertEqual(
            self.server.check_vat_requests(), [('FR', '50412736597')])
        request, = self.server.requests
        self.assertEqual(
            request['path'], '/taxation_customs/vies/services/checkVatService')

    def test_wsdl_from_server(self):
        "The WSDL may be loaded from a URL"
        result = self.check(
            'FR50412736597', {'wsdl': self.server.wsdl_url})
        self.assertTrue(result['valid'])
        self.assertEqual(
            [r['method'] for r in self.server.requests], ['GET', 'POST'])

    def test_no_data(self):
        "Name and address not given by the member state are None"
        result = self.check('DE136695976')
        self.assertTrue(result['valid'])
        self.assertIsNone(result['name'])
        self.assertIsNone(result['address'])

    def test_not_registered(self):
        "A well formed number unknown to VIES is not valid"
        result = self.check('FR96503218471')
        self.assertFalse(result['valid'])
        self.assertEqual(result['country_code'], 'FR')
        self.assertEqual(result['number'], '96503218471')
        self.assertEqual(
            self.server.check_vat_requests(), [('FR', '96503218471')])

    def test_invalid_refused(self):
        "An invalid number is refused without calling VIES"
        for number in ['FR00412736597', 'FR123', 'XX123456789', '']:
            with self.subTest(number=number):
                with self.assertRaises(ConnectorError) as cm:
                    self.check(number)
                self.assertIn('VAT number', cm.exception.message)
                self.assertNotIsInstance(
                    cm.exception, ConnectorUnavailableError)
        self.assertEqual(self.server.requests, [])

    def test_member_state_unavailable(self):
        "The fault MS_UNAVAILABLE means unavailable, naming the state"
        self.server.fault = 'MS_UNAVAILABLE'
        with self.assertRaises(ConnectorUnavailableError) as cm:
            self.check('FR50412736597')
        self.assertIn('"FR"', cm.exception.message)
        self.assertIn('try again later', cm.exception.message)

    def test_service_unavailable(self):
        "Other busy faults mean unavailable"
        for fault in ['SERVICE_UNAVAILABLE', 'TIMEOUT',
                'GLOBAL_MAX_CONCURRENT_REQ']:
            with self.subTest(fault=fault):
                self.server.fault = fault
                with self.assertRaises(ConnectorUnavailableError) as cm:
                    self.check('FR50412736597')
                self.assertIn('VIES', cm.exception.message)

    def test_invalid_input_fault(self):
        "The fault INVALID_INPUT is a connector error"
        self.server.fault = 'INVALID_INPUT'
        with self.assertRaises(ConnectorError) as cm:
            self.check('FR50412736597')
        self.assertNotIsInstance(cm.exception, ConnectorUnavailableError)
        self.assertIn('FR50412736597', cm.exception.message)

    def test_http_error(self):
        "An HTTP error without SOAP fault means unavailable"
        self.server.fail_status = 503
        for body in [self.server.fail_body, 'Service Unavailable', '']:
            with self.subTest(body=body):
                self.server.fail_body = body
                with self.assertRaises(ConnectorUnavailableError) as cm:
                    self.check('FR50412736597')
                self.assertIn('VIES', cm.exception.message)

    def test_server_down(self):
        "Nothing listening means unavailable"
        with self.assertRaises(ConnectorUnavailableError) as cm:
            self.check('FR50412736597', {
                    'endpoint': closed_port_url() + '/checkVatService'})
        self.assertIn('VIES', cm.exception.message)
        with self.assertRaises(ConnectorUnavailableError):
            self.check('FR50412736597', {
                    'wsdl': closed_port_url() + '/checkVatService.wsdl'})

    def test_timeout(self):
        "A service too slow to answer is unavailable"
        self.server.delay = 1
        with self.assertRaises(ConnectorUnavailableError):
            self.check('FR50412736597', dict(self.credentials, timeout=0.2))
