# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
import datetime as dt

from trytond.model.exceptions import AccessError
from trytond.modules.company.tests import (
    CompanyTestMixin, create_company, set_company)
from trytond.modules.currency.tests import (
    create_currency as _create_currency)
from trytond.modules.saas.audit import audit_button, changed_fields
from trytond.modules.saas.exceptions import WorkshopValidationError
from trytond.modules.saas.workshop import fiscal_year_dates, normalize_siret
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction
from trytond.transaction import Transaction


def create_currency(code):
    pool = Pool()
    Currency = pool.get('currency.currency')
    currencies = Currency.search([('code', '=', code)])
    if currencies:
        return currencies[0]
    return _create_currency(code)


def run_workshop_wizard(**values):
    "Run the New workshop wizard server side; return the done state."
    pool = Pool()
    WorkshopCreate = pool.get('saas.workshop.create', type='wizard')
    session_id, _, _ = WorkshopCreate.create()
    wizard = WorkshopCreate(session_id)
    defaults = {
        'name': "Thermolaquage Durand",
        'siret': '732 829 320 00017',
        'street': "12 rue de l'Industrie",
        'postal_code': '69007',
        'city': "Lyon",
        'owner_name': "Paul Durand",
        'owner_login': 'owner.durand',
        'owner_email': 'paul@durand.example',
        'timezone': 'Europe/Paris',
        'phone': None,
        'country': None,
        }
    defaults.update(values)
    Start = pool.get('saas.workshop.create.start')
    currency = create_currency('EUR')
    wizard.start = Start(currency=currency, **defaults)
    wizard.transition_create_()
    return wizard


class SaasTestCase(CompanyTestMixin, ModuleTestCase):
    "Test Saas module"
    module = 'saas'

    def test_normalize_siret(self):
        "A SIRET is accepted with spaces and refused with a wrong key"
        self.assertEqual(
            normalize_siret('732 829 320 00017'), '73282932000017')
        self.assertIsNone(normalize_siret('73282932000018'))
        self.assertIsNone(normalize_siret('1234'))
        self.assertIsNone(normalize_siret(None))

    def test_fiscal_year_dates(self):
        "The fiscal year is the calendar year of the day"
        self.assertEqual(
            fiscal_year_dates(dt.date(2026, 11, 21)),
            (dt.date(2026, 1, 1), dt.date(2026, 12, 31)))

    def test_changed_fields(self):
        "Only the fields whose value changed are logged"
        self.assertEqual(
            changed_fields({'name': 'A', 'active': '✓'},
                {'name': 'B', 'active': '✓'}),
            [('name', 'A', 'B')])
        self.assertEqual(changed_fields({}, {'name': 'A'}),
            [('name', '', 'A')])

    @with_transaction()
    def test_audit_log_field_change(self):
        "Renaming a client is logged with old and new name, by whom"
        pool = Pool()
        Party = pool.get('party.party')
        AuditLog = pool.get('saas.audit.log')
        company = create_company()
        with set_company(company):
            party, = Party.create([{'name': "Garage Dupont"}])
            self.assertEqual(party.company, company)
            Party.write([party], {'name': "Garage Dupont & Fils"})
            Party.write([party], {'code': 'C42'})  # not a critical field
            entries = AuditLog.search([
                    ('model', '=', 'party.party'),
                    ('record_id', '=', party.id),
                    ('action', '=', 'write'),
                    ])
        self.assertEqual(len(entries), 1)
        entry, = entries
        self.assertEqual(entry.field, 'name')
        self.assertEqual(entry.old_value, "Garage Dupont")
        self.assertEqual(entry.new_value, "Garage Dupont & Fils")
        self.assertEqual(entry.company, company)
        self.assertEqual(entry.user.id, Transaction().user)
        self.assertEqual(entry.resource, party)

    @with_transaction()
    def test_audit_log_read_only(self):
        "Nobody changes or deletes an audit log entry"
        pool = Pool()
        Party = pool.get('party.party')
        AuditLog = pool.get('saas.audit.log')
        company = create_company()
        with set_company(company):
            Party.create([{'name': "Client"}])
            entry, = AuditLog.search([
                    ('model', '=', 'party.party'), ('action', '=', 'create')])
            with self.assertRaises(AccessError):
                AuditLog.write([entry], {'new_value': "forged"})
            with self.assertRaises(AccessError):
                AuditLog.delete([entry])
        self.assertEqual(entry.new_value, "Client")

    @with_transaction()
    def test_audit_button(self):
        "A critical button click is logged with the record's state change"
        pool = Pool()
        Party = pool.get('party.party')
        AuditLog = pool.get('saas.audit.log')
        company = create_company()

        def archive(cls, parties):
            cls.write(parties, {'active': False})
        archive = audit_button(archive)
        with set_company(company):
            party, = Party.create([{'name': "Client"}])
            archive(Party, [party])
            entries = AuditLog.search([('action', '=', 'button')])
        self.assertEqual([(e.field, e.record_id) for e in entries],
            [('archive', party.id)])

    @with_transaction()
    def test_feature_flags(self):
        "A workshop's setting overrides the feature's default"
        pool = Pool()
        Feature = pool.get('saas.feature')
        CompanyFeature = pool.get('saas.company.feature')
        company1 = create_company()
        company2 = create_company("Other", currency=company1.currency)
        feature, = Feature.create([{
                    'code': 'portal', 'name': "Portal",
                    'default_enabled': True}])
        self.assertTrue(Feature.is_enabled('portal', company1))
        CompanyFeature.create([{
                    'company': company1.id, 'feature': feature.id,
                    'enabled': False}])
        self.assertFalse(Feature.is_enabled('portal', company1))
        self.assertTrue(company2.feature_enabled('portal'))
        self.assertFalse(Feature.is_enabled('unknown', company1))
        with Transaction().set_context(company=company1.id):
            self.assertFalse(Feature.is_enabled('portal'))

    @with_transaction()
    def test_workshop_wizard(self):
        "New workshop creates company, owner, chart, fiscal year, email task"
        pool = Pool()
        Company = pool.get('company.company')
        User = pool.get('res.user')
        Account = pool.get('account.account')
        FiscalYear = pool.get('account.fiscalyear')
        Configuration = pool.get('account.configuration')
        Queue = pool.get('ir.queue')
        ModelData = pool.get('ir.model.data')
        wizard = run_workshop_wizard()
        company = wizard.done.company
        owner = wizard.done.owner
        self.assertEqual(company.party.name, "Thermolaquage Durand")
        self.assertEqual(company.party.company, company)
        self.assertEqual(company.siret, '732 829 320 00017')
        self.assertEqual(
            Company.search([('siret', '=', '732 829 320 00017')]), [company])
        self.assertEqual(owner.login, 'owner.durand')
        self.assertEqual(owner.company, company)
        self.assertEqual(list(owner.companies), [company])
        self.assertIn(ModelData.get_id('saas', 'group_owner'),
            [g.id for g in owner.groups])
        self.assertEqual(owner.employee.company, company)
        self.assertTrue(Account.search([
                    ('company', '=', company.id), ('code', '=', '411')]))
        # The chart's tree is numbered: its root holds all its accounts.
        root, = Account.search([
                ('company', '=', company.id), ('parent', '=', None)])
        self.assertEqual(
            Account.search_count([('parent', 'child_of', [root.id])]),
            Account.search_count([('company', '=', company.id)]))
        fiscalyear, = FiscalYear.search([('company', '=', company.id)])
        self.assertEqual(len(fiscalyear.periods), 12)
        with Transaction().set_context(company=company.id):
            config = Configuration(1)
            self.assertEqual(config.default_account_receivable.code, '4111')
        tasks = Queue.search([])
        self.assertEqual([(t.data['model'], t.data['method'])
                for t in tasks], [('res.user', 'send_welcome_email')])
        admin = User(1)
        self.assertIn(company, admin.companies)

        # A second chart is numbered after the first one.
        second = run_workshop_wizard(
            name="Époxy Services Martin", siret='55208131700018',
            owner_login='owner.martin').done.company
        root2, = Account.search([
                ('company', '=', second.id), ('parent', '=', None)])
        self.assertGreater(root2.left, root.right)
        self.assertEqual(
            Account.search_count([('parent', 'child_of', [root2.id])]),
            Account.search_count([('company', '=', second.id)]))

    @with_transaction()
    def test_workshop_wizard_refuses(self):
        "Bad requests are refused with a message and create nothing"
        pool = Pool()
        Company = pool.get('company.company')
        User = pool.get('res.user')
        Party = pool.get('party.party')
        Identifier = pool.get('party.identifier')
        # An existing workshop, without the cost of a chart of accounts.
        durand = create_company(
            "Thermolaquage Durand", currency=create_currency('EUR'))
        Identifier.create([{
                    'party': durand.party.id,
                    'type': 'fr_siret',
                    'code': '73282932000017',
                    'address': durand.party.addresses[0].id,
                    }])
        User.create([{'login': 'owner.durand', 'name': "Paul Durand"}])
        companies, users, parties = (
            Company.search_count([]), User.search_count([]),
            Party.search_count([]))
        for values, message in [
                ({'name': "thermolaquage durand ",
                        'siret': '55208131700018',
                        'owner_login': 'x'}, "already exists"),
                ({'name': "Other", 'siret': '73282932000018',
                        'owner_login': 'x'}, "not valid"),
                ({'name': "Other", 'siret': '73282932000017',
                        'owner_login': 'x'}, "already used"),
                ({'name': "Other", 'siret': '55208131700018'},
                    "already taken"),
                ({'name': "Other", 'siret': '55208131700018',
                        'owner_login': 'x', 'owner_email': 'nope'},
                    "not a valid address"),
                ]:
            with self.subTest(values=values):
                with self.assertRaises(WorkshopValidationError) as cm:
                    run_workshop_wizard(**values)
                self.assertIn(message, cm.exception.message)
        self.assertEqual(
            (Company.search_count([]), User.search_count([]),
                Party.search_count([])),
            (companies, users, parties))


del ModuleTestCase
