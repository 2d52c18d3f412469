# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""What a workshop's plan and state let its people do: the models of a
feature it lacks are closed, a read-only workshop reads and exports but
creates nothing, the publisher is never blocked."""
import datetime as dt
import unittest
from contextlib import contextmanager

from trytond.model.exceptions import AccessError
from trytond.modules.company.tests import set_company
from trytond.modules.saas_subscription.demo_features import (
    set_feature_models)
from trytond.modules.saas_subscription.entitlement import (
    missing_features, read_only_state)
from trytond.modules.saas_subscription.tests.tools import (
    create_catalogue, create_publisher, create_subscriber, prepare_database,
    with_accounting_transaction)
from trytond.pool import Pool
from trytond.transaction import Transaction


def make_user(company, group, login):
    "A user of `company` in the saas group `group`."
    pool = Pool()
    User = pool.get('res.user')
    ModelData = pool.get('ir.model.data')
    user, = User.create([{
                'name': login, 'login': login,
                'companies': [('add', [company.id])],
                'company': company.id,
                'groups': [('add', [ModelData.get_id('saas', group)])],
                }])
    return user


@contextmanager
def acting(user, company):
    "Work as `user` in `company`, with the access checks of an RPC call."
    transaction = Transaction()
    with transaction.set_user(user.id), transaction.set_context(
            company=company.id, _check_access=True):
        yield


class RulesTestCase(unittest.TestCase):
    "The pure rules of entitlement"

    def test_read_only_state(self):
        "Suspended locks; an ended trial or cancellation only when alone"
        self.assertEqual(read_only_state(['active', 'suspended']),
            'suspended')
        self.assertIsNone(read_only_state(['active', 'cancelled']))
        self.assertEqual(read_only_state(['expired']), 'expired')
        self.assertEqual(read_only_state(['cancelled']), 'cancelled')
        self.assertIsNone(read_only_state(['trial', 'past_due']))
        self.assertIsNone(read_only_state([]))

    def test_missing_features(self):
        "One of the features covering a model is enough"
        self.assertEqual(missing_features(['a', 'b'], []), ['a', 'b'])
        self.assertEqual(missing_features(['a', 'b'], ['b']), [])
        self.assertEqual(missing_features([], []), [])


class EntitlementTestCase(unittest.TestCase):
    "A workshop's plan and state, enforced"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        prepare_database()

    def _catalogue(self):
        publisher = create_publisher()
        with set_company(publisher):
            catalogue = create_catalogue(publisher)
        publisher_user = make_user(publisher, 'group_publisher', 'publisher')
        return publisher, publisher_user, catalogue

    def _subscriber(self, plan, number, name, siret, date):
        Subscription = Pool().get('saas.subscription')
        workshop, owner = create_subscriber(name=name, siret=siret,
            owner_email='owner%s@example.com' % number)
        subscription = Subscription.start_trial(workshop, date=date)
        if plan:
            Subscription.subscribe(subscription, plan, [], 0, 'transfer',
                date=date)
        return workshop, owner, subscription

    @with_accounting_transaction
    def test_feature_closes_models_and_menus(self):
        "Lite does not open Pro's reports: no menu, a clear message"
        pool = Pool()
        Feature = pool.get('saas.feature')
        Model = pool.get('ir.model')
        ModelAccess = pool.get('ir.model.access')
        ModelData = pool.get('ir.model.data')
        Menu = pool.get('ir.ui.menu')
        Category = pool.get('party.category')
        Party = pool.get('party.party')
        Subscription = pool.get('saas.subscription')
        publisher, publisher_user, catalogue = self._catalogue()
        # Say advanced reporting covers the party categories (a model
        # with a menu every operator reads).
        reporting = catalogue['features']['thermogestion.advanced_reporting']
        category_model, = Model.search([('name', '=', 'party.category')])
        Feature.write([reporting], {
                'models': [('add', [category_model.id])]})
        # The demo's mapping adds powder_coating's dashboards (installed
        # with the tests' modules), the model set by hand is kept.
        set_feature_models(catalogue['features'])
        covered = {m.name for m in Feature(reporting.id).models}
        self.assertIn('party.category', covered)
        self.assertIn('powder_coating.dashboard.money', covered)
        start = dt.date(2026, 4, 1)
        lite_shop, _, lite_sub = self._subscriber(
            catalogue['lite'], 1, "Thermolaquage Durand", '73282932000017',
            start)
        pro_shop, _, _ = self._subscriber(
            catalogue['pro'], 2, "Époxy Martin", '55203253400646', start)
        lite_operator = make_user(lite_shop, 'group_operator', 'op.lite')
        pro_operator = make_user(pro_shop, 'group_operator', 'op.pro')
        menu_id = ModelData.get_id('party', 'menu_category_list')

        with acting(lite_operator, lite_shop):
            with self.assertRaises(AccessError) as refused:
                Category.search([])
            self.assertIn('"Advanced reporting"', refused.exception.message)
            self.assertIn('My Subscription', refused.exception.message)
            access = ModelAccess.get_access(['party.category'])
            self.assertFalse(access['party.category']['read'])
            self.assertEqual(Menu.search([('id', '=', menu_id)]), [])
            # The party form leaves the categories out.
            self.assertNotIn('categories',
                Party.fields_view_get(view_type='form')['fields'])
        with acting(pro_operator, pro_shop):
            Category.search([])
            self.assertEqual(
                [m.id for m in Menu.search([('id', '=', menu_id)])],
                [menu_id])
            self.assertIn('categories',
                Party.fields_view_get(view_type='form')['fields'])
        with acting(publisher_user, lite_shop):
            Category.search([])
        # A company that never subscribed is not held to a plan.
        unsubscribed, _ = create_subscriber(name="Atelier Ancien",
            siret='44229377500031', owner_email='old@example.com')
        old_operator = make_user(unsubscribed, 'group_operator', 'op.old')
        with acting(old_operator, unsubscribed):
            Category.search([])

        # Upgrading opens the reports at once.
        Subscription.change(lite_sub, catalogue['pro'], [], 0,
            date=dt.date(2026, 4, 10))
        with acting(lite_operator, lite_shop):
            Category.search([])
            self.assertEqual(len(Menu.search([('id', '=', menu_id)])), 1)
            self.assertIn('categories',
                Party.fields_view_get(view_type='form')['fields'])

    @with_accounting_transaction
    def test_read_only_workshop(self):
        """A suspended workshop reads and exports, creates nothing, until
        it pays; the other workshop and the publisher go on"""
        pool = Pool()
        Party = pool.get('party.party')
        ModelAccess = pool.get('ir.model.access')
        Subscription = pool.get('saas.subscription')
        Company = pool.get('company.company')
        publisher, publisher_user, catalogue = self._catalogue()
        start = dt.date(2026, 4, 1)
        late_shop, late_owner, late_sub = self._subscriber(
            catalogue['lite'], 1, "Thermolaquage Durand", '73282932000017',
            start)
        other_shop, _, _ = self._subscriber(
            catalogue['lite'], 2, "Époxy Martin", '55203253400646', start)
        # The publisher's users see every workshop.
        pool.get('res.user').write([publisher_user], {
                'companies': [('add', [late_shop.id, other_shop.id])]})
        late_admin = make_user(late_shop, 'group_admin', 'admin.late')
        other_admin = make_user(other_shop, 'group_admin', 'admin.other')
        with acting(late_admin, late_shop):
            client, = Party.create([{'name': "Carrosserie Petit"}])

        Subscription.mark_past_due([late_sub], date=dt.date(2026, 5, 2))
        Subscription.suspend([late_sub], date=dt.date(2026, 5, 16))
        with acting(late_admin, late_shop):
            parties = Party.search([('name', '=', "Carrosserie Petit")])
            self.assertEqual(parties, [client])
            self.assertEqual(Party.export_data(parties, ['name']),
                [["Carrosserie Petit"]])
            with self.assertRaises(AccessError) as refused:
                Party.create([{'name': "Garage Roux"}])
            self.assertIn('suspended', refused.exception.message)
            self.assertIn('Pay the outstanding invoice',
                refused.exception.message)
            with self.assertRaises(AccessError):
                Party.write(parties, {'name': "Carrosserie Petit & fils"})
            access = ModelAccess.get_access(['party.party'])['party.party']
            self.assertEqual((access['read'], access['create']),
                (True, False))
        with acting(late_owner, late_shop):
            # « My subscription » stays open to pay.
            self.assertEqual(
                Subscription.search([('company', '=', late_shop.id)]),
                [late_sub])
        with self.assertRaises(AccessError):
            Company(late_shop.id).check_writable('party.party')
        Company(other_shop.id).check_writable('party.party')
        with acting(other_admin, other_shop):
            Party.create([{'name': "Garage Roux"}])
        with acting(publisher_user, late_shop):
            Party.create([{'name': "Note de l'éditeur"}])

        # The invoice is paid: writing again at once.
        Subscription.reactivate([late_sub], date=dt.date(2026, 5, 18))
        with acting(late_admin, late_shop):
            Party.create([{'name': "Garage Roux"}])
        Company(late_shop.id).check_writable('party.party')

    @with_accounting_transaction
    def test_ended_trial_then_choose_plan(self):
        "A trial ended without a plan is read-only until the owner chooses"
        pool = Pool()
        Party = pool.get('party.party')
        Subscription = pool.get('saas.subscription')
        ChoosePlan = pool.get('saas.subscription.choose_plan', type='wizard')
        publisher, publisher_user, catalogue = self._catalogue()
        shop, owner, subscription = self._subscriber(
            None, 1, "Thermolaquage Durand", '73282932000017',
            dt.date(2026, 4, 1))
        Subscription.run_trials(date=dt.date(2026, 5, 2))
        self.assertEqual(subscription.state, 'expired')
        with acting(owner, shop):
            with self.assertRaises(AccessError) as refused:
                Party.create([{'name': "Garage Roux"}])
            self.assertIn('free trial has ended', refused.exception.message)
            with Transaction().set_context(
                    active_model='saas.subscription',
                    active_id=subscription.id,
                    active_ids=[subscription.id]):
                session_id, _, _ = ChoosePlan.create()
                ChoosePlan.execute(session_id, {}, 'start')
                ChoosePlan.execute(session_id, {'start': {
                            'plan': catalogue['lite'].id,
                            'quantity': 0,
                            'payment_method': 'transfer',
                            }}, 'apply')
            ChoosePlan.delete(session_id)
            self.assertEqual(Subscription(subscription.id).state, 'active')
            Party.create([{'name': "Garage Roux"}])

