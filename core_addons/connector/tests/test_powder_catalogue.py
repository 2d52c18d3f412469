# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The powder catalogue providers, without database: the offline demo
catalogue, and PrestaShop against a local server speaking its webservice."""
import base64
import unittest
from decimal import Decimal

import pluggy

from .. import hub
from ..exceptions import ConnectorError, ConnectorUnavailableError
from ..providers import powder_catalogue
from .servers import PRESTASHOP_KEY, PrestaShopServer, closed_port_url

TP_7016_BR = {
    'brand': 'Thermopoudre',
    'reference': 'TP-7016-BR',
    'name': 'Polyester RAL 7016 gris anthracite brillant',
    'powder_type': 'polyester',
    'ral': 'RAL 7016',
    'finish': 'gloss',
    'specific_gravity': Decimal('1.45'),
    'thickness': 70,
    'efficiency': Decimal('0.65'),
    'cure_temperature': 180,
    'cure_minutes': 15,
    'price_per_kg': Decimal('12.90'),
    'formats': [
        {'weight': Decimal('20'), 'tare': Decimal('0.6')},
        ],
    }


def lookup(provider, reference, credentials=None):
    return powder_catalogue.plugin.atelier_lookup_powder(
        provider=provider, credentials=credentials or {},
        reference=reference)


class PowderHubTestCase(unittest.TestCase):
    "The powder catalogue plugin through pluggy"

    def setUp(self):
        self.pm = pluggy.PluginManager(hub.PROJECT)
        self.pm.add_hookspecs(hub.Specs)
        self.pm.register(powder_catalogue.plugin)

    def test_providers(self):
        "An offline and a PrestaShop provider, labels translated"
        providers = {
            p.name: p for offered in self.pm.hook.atelier_providers()
            for p in offered}
        self.assertEqual(set(providers), {'thermopoudre_demo', 'prestashop'})
        demo, prestashop = (
            providers['thermopoudre_demo'], providers['prestashop'])
        self.assertEqual(demo.capability, 'powder_catalogue')
        self.assertTrue(demo.offline)
        self.assertFalse(prestashop.offline)
        self.assertEqual(prestashop.credentials, ('base_url', 'ws_key'))
        for provider in [demo, prestashop]:
            self.assertTrue(provider.message.startswith('connector.msg_'))
            self.assertEqual(provider.string, provider.label)

    def test_hub(self):
        "The hub offers both, the demo catalogue by default"
        self.assertIn(powder_catalogue.plugin, hub.builtin_plugins())
        self.assertEqual(
            [p.name for p in hub.providers('powder_catalogue')][:2],
            ['thermopoudre_demo', 'prestashop'])
        self.assertEqual(
            hub.offline_provider('powder_catalogue').name,
            'thermopoudre_demo')

    def test_hook(self):
        "atelier_lookup_powder through the hook; another provider: None"
        result = self.pm.hook.atelier_lookup_powder(
            provider='thermopoudre_demo', credentials={},
            reference='TP-7016-BR')
        self.assertEqual(result['name'], TP_7016_BR['name'])
        self.assertIsNone(self.pm.hook.atelier_lookup_powder(
                provider='other', credentials={}, reference='TP-7016-BR'))


class DemoCatalogueTestCase(unittest.TestCase):
    "The offline demo catalogue"

    def test_found(self):
        "A reference gives the whole powder, whatever its case and spaces"
        expected = dict(TP_7016_BR, formats=TP_7016_BR['formats'], url=(
                'https://www.thermopoudre.example/poudres/'
                '109-polyester-ral-7016-gris-anthracite-brillant.html'))
        for reference in ['TP-7016-BR', ' tp-7016-br ']:
            with self.subTest(reference=reference):
                self.assertEqual(
                    lookup('thermopoudre_demo', reference), expected)

    def test_not_found(self):
        "An unknown or empty reference gives None"
        for reference in ['TP-0000-XX', '7016', '', None]:
            with self.subTest(reference=reference):
                self.assertIsNone(lookup('thermopoudre_demo', reference))

    def test_credible(self):
        "The demo powders are complete and in the trade's ranges"
        powders = powder_catalogue.demo_powders()
        self.assertGreaterEqual(len(powders), 30)
        self.assertEqual(
            len({p['reference'] for p in powders}), len(powders))
        for powder in powders:
            with self.subTest(reference=powder['reference']):
                self.assertEqual(
                    set(powder), set(powder_catalogue.KEYS))
                self.assertEqual(powder['brand'], 'Thermopoudre')
                self.assertIn(
                    powder['powder_type'], powder_catalogue.POWDER_TYPES)
                self.assertIn(powder['finish'], powder_catalogue.FINISHES)
                if powder['ral'] is not None:
                    self.assertRegex(powder['ral'], r'^RAL \d{4}$')
                    self.assertIn(powder['ral'][4:], powder['name'])
                self.assertTrue(
                    Decimal('1.2') <= powder['specific_gravity']
                    <= Decimal('1.8'))
                self.assertTrue(60 <= powder['thickness'] <= 100)
                self.assertTrue(
                    Decimal('0.55') <= powder['efficiency']
                    <= Decimal('0.75'))
                self.assertTrue(180 <= powder['cure_temperature'] <= 200)
                self.assertTrue(10 <= powder['cure_minutes'] <= 20)
                self.assertTrue(
                    Decimal(9) <= powder['price_per_kg'] <= Decimal(28))
                self.assertTrue(powder['formats'])
                for format_ in powder['formats']:
                    self.assertIn(format_['weight'], {20, 25})
                    self.assertTrue(0 < format_['tare'] < 1)
                self.assertIsInstance(powder['specific_gravity'], Decimal)
                self.assertIsInstance(powder['thickness'], int)
        for ral in ['9010', '9016', '9005', '7016', '7035', '7021', '3000',
                '3004', '5010', '6005', '1015', '8017', '9006', '9007']:
            self.assertIn('RAL %s' % ral, {p['ral'] for p in powders})
        self.assertEqual(
            {p['powder_type'] for p in powders},
            set(powder_catalogue.POWDER_TYPES))
        self.assertEqual(
            {p['finish'] for p in powders}, set(powder_catalogue.FINISHES))


class ParseTestCase(unittest.TestCase):
    "How the values of a shop's features are read"

    def test_values(self):
        "Numbers with a decimal comma, units, percentages, French words"
        pc = powder_catalogue
        self.assertEqual(pc.parse_decimal('1,45'), Decimal('1.45'))
        self.assertEqual(pc.parse_integer('70 µm'), 70)
        self.assertEqual(pc.parse_fraction('65 %'), Decimal('0.65'))
        self.assertEqual(pc.parse_fraction('0,7'), Decimal('0.7'))
        self.assertEqual(pc.parse_ral('RAL 7016 Gris anthracite'), 'RAL 7016')
        self.assertIsNone(pc.parse_ral('Incolore'))
        self.assertEqual(
            pc.parse_powder_type('Époxy-polyester'), 'epoxy_polyester')
        self.assertIsNone(pc.parse_powder_type('Inconnu'))
        self.assertEqual(pc.parse_finish('SATINÉ'), 'satin')
        self.assertEqual(
            pc.parse_format('Carton 25 kg (tare 0,7 kg)'),
            {'weight': Decimal('25'), 'tare': Decimal('0.7')})
        self.assertEqual(
            pc.parse_format('Tare 0,5 kg - carton de 20 kg'),
            {'weight': Decimal('20'), 'tare': Decimal('0.5')})
        self.assertEqual(
            pc.parse_format('Sac 5 kg'),
            {'weight': Decimal('5'), 'tare': Decimal('0')})
        self.assertIsNone(pc.parse_format('Sur demande'))

    def test_feature_names(self):
        "The features are found by name, whatever the case and accents"
        self.assertEqual(
            powder_catalogue.FEATURES_BY_NAME[
                powder_catalogue.normalize('EPAISSEUR CONSEILLEE')][0],
            'thickness')


class PrestaShopTestCase(unittest.TestCase):
    "The PrestaShop provider against a local webservice"

    def setUp(self):
        self.server = PrestaShopServer().start()
        self.addCleanup(self.server.stop)
        self.credentials = {
            'base_url': self.server.url, 'ws_key': PRESTASHOP_KEY}

    def lookup(self, reference, **credentials):
        return lookup(
            'prestashop', reference, dict(self.credentials, **credentials))

    def test_full(self):
        "A reference gives the product with its features, in three requests"
        self.assertEqual(self.lookup('TP-7016-BR'), dict(
                TP_7016_BR,
                formats=TP_7016_BR['formats'] + [
                    {'weight': Decimal('25'), 'tare': Decimal('0.7')}],
                url=self.server.url + (
                    '/101-polyester-ral-7016-gris-anthracite-brillant.html')))
        self.assertEqual(self.server.resource_requests(), [
                ('/api/products', {
                        'filter[reference]': '[TP-7016-BR]',
                        'display': 'full'}),
                ('/api/product_features', {
                        'filter[id]': '[1|2|3|4|5|6|7|8|9|10]',
                        'display': 'full'}),
                ('/api/product_feature_values', {
                        'filter[id]': '[11|21|31|41|51|61|71|81|91|92|101]',
                        'display': 'full'}),
                ])
        for request in self.server.requests:
            self.assertEqual(request['method'], 'GET')
            self.assertEqual(
                request['headers']['Authorization'],
                'Basic ' + base64.b64encode(
                    (PRESTASHOP_KEY + ':').encode()).decode())

    def test_sold_by_kg(self):
        "A product sold by the kg: its price is the price per kg"
        powder = self.lookup('TP-EP-7035-BR')
        self.assertEqual(powder['powder_type'], 'epoxy')
        self.assertEqual(powder['ral'], 'RAL 7035')
        self.assertEqual(powder['price_per_kg'], Decimal('9.80'))
        self.assertEqual(powder['thickness'], 60)
        self.assertEqual(powder['efficiency'], Decimal('0.7'))
        self.assertEqual(powder['cure_temperature'], 180)
        self.assertEqual(
            powder['formats'],
            [{'weight': Decimal('20'), 'tare': Decimal('0.6')}])

    def test_unit_price(self):
        "The unit price by kg of PrestaShop 8; features missing are None"
        powder = self.lookup('TP-VE-BR')
        self.assertEqual(powder['powder_type'], 'varnish')
        self.assertEqual(powder['price_per_kg'], Decimal('16.90'))
        self.assertEqual(powder['specific_gravity'], Decimal('1.2'))
        for key in ['ral', 'thickness', 'efficiency', 'cure_temperature',
                'cure_minutes']:
            self.assertIsNone(powder[key])
        self.assertEqual(powder['formats'], [])

    def test_case(self):
        "The reference is found whatever its case, as the shop has it"
        self.assertEqual(
            self.lookup(' tp-7016-br ')['reference'], 'TP-7016-BR')

    def test_base_url(self):
        "The shop's address may be given with /api"
        powder = self.lookup('TP-7016-BR', base_url=self.server.url + '/api/')
        self.assertEqual(powder['reference'], 'TP-7016-BR')

    def test_language(self):
        "The language chosen is read; the feature names must be French"
        powder = self.lookup('TP-7016-BR', language='2')
        self.assertEqual(
            powder['name'], 'Polyester RAL 7016 anthracite grey gloss')
        self.assertIsNone(powder['powder_type'])

    def test_not_found(self):
        "An unknown reference gives None after one request"
        self.assertIsNone(self.lookup('TP-0000-XX'))
        self.assertEqual(len(self.server.requests), 1)
        self.assertIsNone(self.lookup(''))
        self.assertEqual(len(self.server.requests), 1)

    def test_reference_refused(self):
        "A reference the webservice would read as a filter is refused"
        with self.assertRaises(ConnectorError) as cm:
            self.lookup('TP-7016|TP-9010')
        self.assertIn('TP-7016|TP-9010', cm.exception.message)
        self.assertEqual(self.server.requests, [])

    def test_missing_credentials(self):
        "Without address or key nothing is asked"
        for key in ['base_url', 'ws_key']:
            with self.subTest(key=key):
                with self.assertRaises(ConnectorError) as cm:
                    self.lookup('TP-7016-BR', **{key: ''})
                self.assertIn('"%s"' % key, cm.exception.message)
        self.assertEqual(self.server.requests, [])

    def test_key_refused(self):
        "A wrong key, or one not allowed to read features, is refused"
        for key in ['WRONGKEY', 'X' * 32]:
            with self.subTest(key=key):
                with self.assertRaises(ConnectorError) as cm:
                    self.lookup('TP-7016-BR', ws_key=key)
                self.assertNotIsInstance(
                    cm.exception, ConnectorUnavailableError)
                self.assertIn(
                    'refused the webservice key', cm.exception.message)
        self.server.keys[PRESTASHOP_KEY] = {'products'}
        with self.assertRaises(ConnectorError) as cm:
            self.lookup('TP-7016-BR')
        self.assertIn('ws_key', cm.exception.message)

    def test_not_a_shop(self):
        "An address where no webservice answers is a connector error"
        with self.assertRaises(ConnectorError) as cm:
            self.lookup('TP-7016-BR', base_url=self.server.url + '/boutique')
        self.assertNotIsInstance(cm.exception, ConnectorUnavailableError)
        self.assertIn('HTTP error 404', cm.exception.message)

    def test_unreadable(self):
        "Malformed XML is a connector error"
        self.server.broken = True
        with self.assertRaises(ConnectorError) as cm:
            self.lookup('TP-7016-BR')
        self.assertNotIsInstance(cm.exception, ConnectorUnavailableError)
        self.assertIn('cannot be read', cm.exception.message)

    def test_server_error(self):
        "A 5xx or 429 answer means the shop is unavailable"
        for status in [500, 503, 429]:
            with self.subTest(status=status):
                self.server.fail_status = status
                with self.assertRaises(ConnectorUnavailableError) as cm:
                    self.lookup('TP-7016-BR')
                self.assertIn('PrestaShop (127.0.0.1:', cm.exception.message)
                self.assertIn(str(status), cm.exception.message)

    def test_server_down(self):
        "Nothing listening means the shop is unavailable"
        with self.assertRaises(ConnectorUnavailableError) as cm:
            self.lookup('TP-7016-BR', base_url=closed_port_url())
        self.assertIn('cannot be reached', cm.exception.message)

    def test_timeout(self):
        "A shop too slow to answer is unavailable"
        self.server.delay = 0.5
        with self.assertRaises(ConnectorUnavailableError):
            self.lookup('TP-7016-BR', timeout='0.1')
