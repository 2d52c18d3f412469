# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""GDPR: consents, export of a party's data, erasure and retention."""
import csv
import datetime as dt
import io
import json
import unittest
from decimal import Decimal

from trytond.model.exceptions import AccessError
from trytond.modules.company.tests import create_company, set_company
from trytond.modules.saas.consent import accepted
from trytond.modules.saas.gdpr import (
    RETENTION_YEARS, export_csv, export_json, gather_party_data,
    party_relations, plain_value, retention_until)
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, with_transaction
from trytond.transaction import Transaction

DATA = {
    'party': {'model': 'party.party', 'name': "Party", 'id': 7,
        'values': {'name': "Garage Dupont", 'code': 'C7'}},
    'records': [{
            'model': 'party.contact_mechanism', 'name': "Contact Mechanism",
            'id': 3, 'field': 'party',
            'values': {'type': 'email', 'value': 'dupont@example.com',
                'create_date': dt.datetime(2026, 11, 21, 10, 0)}},
        {
            'model': 'account.move.line', 'name': "Account Move Line",
            'id': 9, 'field': 'party',
            'values': {'debit': Decimal('120.00'), 'date':
                dt.date(2026, 11, 21), 'description': None}},
        ],
    }


class GDPRFunctionsTestCase(unittest.TestCase):
    "Pure functions of the GDPR features"

    def test_retention_until(self):
        "Accounting documents are kept until the end of the tenth year"
        self.assertEqual(RETENTION_YEARS, 10)
        self.assertEqual(retention_until(dt.date(2026, 11, 21)),
            dt.date(2036, 12, 31))
        self.assertEqual(retention_until(dt.date(2026, 1, 1)),
            dt.date(2036, 12, 31))
        self.assertEqual(retention_until(dt.datetime(2020, 5, 1, 12)),
            dt.date(2030, 12, 31))
        self.assertIsNone(retention_until(None))

    def test_accepted(self):
        "Only an acceptance of the current version counts"
        self.assertTrue(accepted(2, [1, 2]))
        self.assertFalse(accepted(2, [1]))
        self.assertFalse(accepted(1, []))

    def test_plain_value(self):
        "Decimals, dates and bytes become JSON values"
        self.assertEqual(plain_value(Decimal('1.50')), '1.50')
        self.assertEqual(plain_value(dt.date(2026, 1, 2)), '2026-01-02')
        self.assertEqual(plain_value({'a': [dt.date(2026, 1, 2)]}),
            {'a': ['2026-01-02']})
        self.assertIsNone(plain_value(b'\x00'))

    def test_export_json(self):
        "The JSON export holds the party and its records"
        data = json.loads(export_json(DATA))
        self.assertEqual(data['party']['values']['name'], "Garage Dupont")
        self.assertEqual(
            [(r['model'], r['id']) for r in data['records']],
            [('party.contact_mechanism', 3), ('account.move.line', 9)])
        self.assertEqual(data['records'][1]['values']['debit'], '120.00')
        self.assertEqual(data['records'][0]['values']['create_date'],
            '2026-11-21T10:00:00')

    def test_export_csv(self):
        "The CSV export has one line per value"
        rows = list(csv.reader(io.StringIO(export_csv(DATA))))
        self.assertEqual(rows[0], ['model', 'name', 'id', 'field', 'value'])
        self.assertIn(
            ['party.party', 'Party', '7', 'name', 'Garage Dupont'], rows)
        self.assertIn(['party.contact_mechanism', 'Contact Mechanism', '3',
                'value', 'dupont@example.com'], rows)
        self.assertIn(['account.move.line', 'Account Move Line', '9',
                'description', ''], rows)
        self.assertEqual(len(rows), 1 + 2 + 3 + 3)


class GDPRTestCase(unittest.TestCase):
    "Consents, export and erasure of a party"

    @classmethod
    def setUpClass(cls):
        activate_module('saas')

    def _document(self, **values):
        pool = Pool()
        Document = pool.get('saas.consent.document')
        values.setdefault('name', "Conditions générales")
        values.setdefault('kind', 'terms')
        document, = Document.create([values])
        return document

    @with_transaction()
    def test_consent_asked_again_for_new_version(self):
        "A client accepts the terms, then again when their version changes"
        pool = Pool()
        Party = pool.get('party.party')
        Consent = pool.get('saas.consent')
        Document = pool.get('saas.consent.document')
        company = create_company()
        with set_company(company):
            client, = Party.create([{'name': "Garage Dupont"}])
            terms = self._document()
            privacy = self._document(name="Confidentialité", kind='privacy')
            self.assertEqual(terms.version, 1)
            self.assertEqual(terms.company, company)
            self.assertEqual(Document.pending_for(client), [terms, privacy])
            self.assertTrue(Consent.needs_consent(client, 'terms'))

            consent, = Consent.accept(client, [terms], channel='portal')
            self.assertEqual((consent.version, consent.company),
                (1, company))
            self.assertFalse(Consent.needs_consent(client, 'terms'))
            self.assertTrue(Consent.needs_consent(client))
            self.assertEqual(Document.pending_for(client), [privacy])

            Document.new_version([terms])
            self.assertEqual(terms.version, 2)
            self.assertTrue(Consent.needs_consent(client, 'terms'))
            Consent.accept(client, [terms])
            self.assertFalse(Consent.needs_consent(client, 'terms'))

    @with_transaction()
    def test_consent_append_only(self):
        "A consent is proof: nobody changes or deletes it"
        pool = Pool()
        Party = pool.get('party.party')
        Consent = pool.get('saas.consent')
        company = create_company()
        with set_company(company):
            client, = Party.create([{'name': "Garage Dupont"}])
            consent, = Consent.accept(client, [self._document()])
            with self.assertRaises(AccessError):
                Consent.write([consent], {'version': 5})
            with self.assertRaises(AccessError):
                Consent.delete([consent])

    @with_transaction()
    def test_consent_other_workshop(self):
        "A client does not consent to another workshop's document"
        pool = Pool()
        Party = pool.get('party.party')
        Consent = pool.get('saas.consent')
        company1 = create_company()
        company2 = create_company("Other", currency=company1.currency)
        with set_company(company1):
            client, = Party.create([{'name': "Garage Dupont"}])
        with set_company(company2):
            terms = self._document()
            with self.assertRaises(Exception):
                Consent.create([{
                            'company': company2.id,
                            'party': client.id,
                            'document': terms.id,
                            }])

    @with_transaction()
    def test_party_relations(self):
        "Every stored link to a party is found"
        relations = party_relations(Pool())
        for relation in [
                ('party.address', 'party'),
                ('party.contact_mechanism', 'party'),
                ('party.identifier', 'party'),
                ('account.move.line', 'party'),
                ('company.employee', 'party'),
                ('saas.consent', 'party'),
                ]:
            self.assertIn(relation, relations)

    @with_transaction()
    def test_gather_party_data(self):
        "The export holds the party's data and nothing of another workshop"
        pool = Pool()
        Party = pool.get('party.party')
        Employee = pool.get('company.employee')
        Consent = pool.get('saas.consent')
        company1 = create_company()
        company2 = create_company("Other", currency=company1.currency)
        with set_company(company1):
            client, = Party.create([{
                        'name': "Jean Dupont",
                        'contact_mechanisms': [('create', [{
                                        'type': 'email',
                                        'value': 'jean@dupont.example',
                                        }])],
                        'addresses': [('create', [{
                                        'street': "1 rue du Port",
                                        'city': "Lyon",
                                        }])],
                        }])
            Consent.accept(client, [self._document()])
            Employee.create([{'company': company1.id, 'party': client.id}])
        # A record of another workshop that points to the client.
        Employee.create([{'company': company2.id, 'party': client.id}])

        data = gather_party_data(client)
        self.assertEqual(data['party']['values']['name'], "Jean Dupont")
        by_model = {}
        for record in data['records']:
            by_model.setdefault(record['model'], []).append(record)
        self.assertEqual(
            by_model['party.contact_mechanism'][0]['values']['value'],
            'jean@dupont.example')
        self.assertEqual(by_model['party.address'][0]['values']['city'],
            "Lyon")
        self.assertEqual(
            by_model['saas.consent'][0]['values']['document'],
            "Conditions générales (v1)")
        self.assertEqual(
            [r['values']['company'] for r in by_model['company.employee']],
            [company1.rec_name])
        text = export_json(data)
        self.assertNotIn('"Other"', text)

    @with_transaction()
    def test_export_wizard(self):
        "The export wizard offers a JSON and a CSV file"
        pool = Pool()
        Party = pool.get('party.party')
        Export = pool.get('saas.party.export', type='wizard')
        company = create_company()
        with set_company(company):
            client, = Party.create([{'name': "Jean Dupont"}])
            with Transaction().set_context(
                    active_model='party.party', active_id=client.id,
                    active_ids=[client.id]):
                session_id, _, _ = Export.create()
                result = Export.execute(session_id, {}, 'export')
        values = result['view']['defaults']
        self.assertEqual(values['json_filename'],
            'party-%s.json' % client.id)
        data = json.loads(values['json_file'])
        self.assertEqual(data['party']['values']['name'], "Jean Dupont")
        self.assertIn(b'Jean Dupont', values['csv_file'])

    @with_transaction()
    def test_erase_without_entries(self):
        "A client without accounting entries is erased"
        pool = Pool()
        Party = pool.get('party.party')
        Erase = pool.get('party.erase', type='wizard')
        company = create_company()
        with set_company(company):
            client, = Party.create([{
                        'name': "Jean Dupont", 'active': False,
                        'contact_mechanisms': [('create', [{
                                        'type': 'email',
                                        'value': 'jean@dupont.example',
                                        }])],
                        }])
            session_id, _, _ = Erase.create()
            erase = Erase(session_id)
            erase.ask.party = client
            erase.transition_erase()
            ContactMechanism = pool.get('party.contact_mechanism')
            self.assertEqual(Party.read([client.id], ['name']),
                [{'id': client.id, 'name': None}])
            [mechanism] = ContactMechanism.search_read(
                [('party', '=', client.id), ('active', '=', False)],
                fields_names=['value'])
            self.assertEqual(mechanism['value'], '****')
