# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The publisher's figures (MRR, churn, conversion, plan mix) on a fixed
data set computed by hand, then the same data set lived through real
subscriptions; the workshops' storage and its alerts to the publisher."""
import datetime as dt
import io
import unittest
from decimal import Decimal

from trytond.model.exceptions import AccessError
from trytond.modules.company.tests import set_company
from trytond.modules.saas_subscription.figures import (
    HistoryEvent, arr, logo_churn, month_figures, mrr_at, mrr_movements,
    plan_mix, revenue_churn, states_at, trial_conversion)
from trytond.modules.saas_subscription.storage import next_alert
from trytond.modules.saas_subscription.tests.tools import (
    create_catalogue, create_publisher, create_subscriber,
    prepare_database, with_accounting_transaction)
from trytond.pool import Pool
from trytond.transaction import Transaction

D = dt.date
FEB, MAR, APR = D(2026, 2, 1), D(2026, 3, 1), D(2026, 4, 1)

# Six workshops of ThermoGestion (Lite 49 €, Pro 99 €, option Jantes 29 €)
# from January to April 2026: (workshop, date, kind, MRR after, plan).
HISTORY = [
    # W1: Lite in January, Pro on 10 March, unpaid in April: suspended.
    (1, D(2026, 1, 2), 'trial_started', 0, 'pro'),
    (1, D(2026, 1, 10), 'converted', 49, 'lite'),
    (1, D(2026, 3, 10), 'upgraded', 99, 'pro'),
    (1, D(2026, 4, 5), 'past_due', 99, 'pro'),
    (1, D(2026, 4, 19), 'suspended', 0, 'pro'),
    # W2: Pro in January, down to Lite on 20 March, unpaid in April.
    (2, D(2026, 1, 3), 'trial_started', 0, 'pro'),
    (2, D(2026, 1, 5), 'converted', 99, 'pro'),
    (2, D(2026, 3, 20), 'downgraded', 49, 'lite'),
    (2, D(2026, 4, 10), 'past_due', 49, 'lite'),
    # W3: Pro + Jantes in January, ended on 15 March, back on Lite on
    # 28 April.
    (3, D(2026, 1, 1), 'trial_started', 0, 'pro'),
    (3, D(2026, 1, 15), 'converted', 128, 'pro'),
    (3, D(2026, 3, 15), 'cancelled', 0, 'pro'),
    (3, D(2026, 4, 28), 'converted', 49, 'lite'),
    # W4: trial in February, Lite on 25 February, + Jantes on 12 April.
    (4, D(2026, 2, 5), 'trial_started', 0, 'pro'),
    (4, D(2026, 2, 25), 'converted', 49, 'lite'),
    (4, D(2026, 4, 12), 'upgraded', 78, 'lite'),
    # W5: trial in February, ended on 12 March without a plan.
    (5, D(2026, 2, 10), 'trial_started', 0, 'pro'),
    (5, D(2026, 3, 12), 'trial_expired', 0, 'pro'),
    # W6: trial in February, ended on 22 March, Pro on 2 April.
    (6, D(2026, 2, 20), 'trial_started', 0, 'pro'),
    (6, D(2026, 3, 22), 'trial_expired', 0, 'pro'),
    (6, D(2026, 4, 2), 'converted', 99, 'pro'),
    ]

# Computed by hand:
# - 31 January: W1 49 + W2 99 + W3 128 = 276 €, 3 paying.
# - February: W4 converts (+49 new). Closing 325 €; no loss: revenue
#   and logo churn 0 %; one trial finished (W4, converted): 100 %.
#   At the end: 4 active (W1-W4), 2 trials (W5, W6).
# - March (opening 325 €, 4 paying): W1 +50 expansion, W3 -128 churned,
#   W2 -50 contraction: closing 325 + 50 - 128 - 50 = 197 €, ARR 2 364 €.
#   Revenue churn (128 + 50) / 325 = 54.77 %; logo churn W3 of 4 = 25 %.
#   Trials finished: W5 (never converted) and W6 (ended 22 March,
#   subscribed 2 April: converted): 1 / 2 = 50 %.
# - April (opening 197 €, 3 paying: W1, W2, W4): W6 +99 new, W4 +29
#   expansion, W1 -99 churned (suspended), W3 +49 reactivation: closing
#   197 + 99 + 29 + 49 - 99 = 275 €, ARR 3 300 €. Revenue churn
#   99 / 197 = 50.25 %; logo churn W1 of 3 = 33.33 %; no trial finished.
#   At the end: 3 active (W3, W4, W6), 1 past due (W2, still paying),
#   1 suspended (W1); plan mix Lite 3 (W2, W3, W4), Pro 1 (W6).


def events():
    return [HistoryEvent(w, date, kind, Decimal(mrr), plan, n)
        for n, (w, date, kind, mrr, plan) in enumerate(HISTORY)]


class FiguresTestCase(unittest.TestCase):
    "The figures on a data set computed by hand"

    def test_mrr(self):
        "MRR at a date is the sum of each subscription's last MRR"
        self.assertEqual(mrr_at(events(), D(2026, 1, 31)), 276)
        self.assertEqual(mrr_at(events(), D(2026, 3, 12)), 375)
        self.assertEqual(mrr_at(events(), D(2026, 3, 31)), 197)
        self.assertEqual(arr(mrr_at(events(), D(2026, 4, 30))), 3300)

    def test_movements(self):
        "Opening MRR + the movements of the month = closing MRR"
        self.assertEqual(mrr_movements(events(), MAR), {
                'new': 0, 'reactivation': 0, 'expansion': 50,
                'contraction': 50, 'churned': 128})
        self.assertEqual(mrr_movements(events(), APR), {
                'new': 99, 'reactivation': 49, 'expansion': 29,
                'contraction': 0, 'churned': 99})

    def test_churn(self):
        "Revenue churn counts downgrades and ends, logo churn the ends"
        self.assertEqual(revenue_churn(events(), FEB), 0)
        self.assertEqual(round(revenue_churn(events(), MAR), 4),
            Decimal('0.5477'))
        self.assertEqual(round(revenue_churn(events(), APR), 4),
            Decimal('0.5025'))
        self.assertEqual(logo_churn(events(), MAR), Decimal('0.25'))
        self.assertEqual(round(logo_churn(events(), APR), 4),
            Decimal('0.3333'))
        # Nothing to lose before anybody paid.
        self.assertIsNone(revenue_churn(events(), D(2026, 1, 1)))
        self.assertIsNone(logo_churn(events(), D(2026, 1, 1)))

    def test_trial_conversion(self):
        "A trial counts once, in the month it finished"
        self.assertEqual(trial_conversion(events(), FEB), 1)
        self.assertEqual(trial_conversion(events(), MAR), Decimal('0.5'))
        self.assertIsNone(trial_conversion(events(), APR))

    def test_month_figures(self):
        "The rows the publisher reads"
        april = month_figures(events(), APR)
        self.assertEqual(april['mrr'], Decimal('275.00'))
        self.assertEqual(april['arr'], Decimal('3300.00'))
        self.assertEqual(april['net_new_mrr'], Decimal('78.00'))
        self.assertEqual(april['revenue_churn'], Decimal('50.25'))
        self.assertEqual(april['logo_churn'], Decimal('33.33'))
        self.assertEqual(april['trial_conversion'], None)
        self.assertEqual((april['active'], april['trials'],
                april['past_due'], april['suspended']), (3, 0, 1, 1))
        self.assertEqual(dict(plan_mix(events(), D(2026, 4, 30))),
            {'lite': 3, 'pro': 1})
        self.assertEqual(states_at(events(), D(2026, 2, 28))['trial'], 2)

    def test_storage_alerts(self):
        "The publisher hears of each threshold once per crossing"
        self.assertEqual(next_alert('ok', None), (None, None))
        self.assertEqual(next_alert('warn', None), ('warn', 'warn'))
        self.assertEqual(next_alert('warn', 'warn'), (None, 'warn'))
        self.assertEqual(next_alert('purge', 'warn'), ('purge', 'purge'))
        # Purged back between 80 and 90 %: quiet, the next 90 % is told.
        self.assertEqual(next_alert('warn', 'purge'), (None, 'warn'))
        self.assertEqual(next_alert('ok', 'purge'), (None, None))


def photo_jpeg():
    from PIL import Image
    output = io.BytesIO()
    Image.new('RGB', (640, 480), (120, 60, 30)).save(output, 'JPEG')
    return output.getvalue()


class FiguresDatabaseTestCase(unittest.TestCase):
    "The figures of real subscriptions"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        prepare_database()

    @with_accounting_transaction
    def test_figures_of_real_subscriptions(self):
        "The figures model reads the hand-computed figures"
        pool = Pool()
        Subscription = pool.get('saas.subscription')
        Event = pool.get('saas.subscription.event')
        Figure = pool.get('saas.subscription.figure')
        PlanMix = pool.get('saas.subscription.plan_mix')
        User = pool.get('res.user')
        ModelData = pool.get('ir.model.data')
        publisher = create_publisher()
        with set_company(publisher):
            catalogue = create_catalogue(publisher)
        lite, pro, rims = (
            catalogue['lite'], catalogue['pro'], catalogue['rims'])
        shops = [create_subscriber(name="Atelier %s" % n,
                siret=siret, owner_email='owner%s@example.com' % n)[0]
            for n, siret in enumerate(['73282932000017', '55208131766522',
                    '40483304800022', '50210000100010', '50210001900012',
                    '50210002700015'], 1)]
        w1, w2, w3, w4, w5, w6 = [
            Subscription.start_trial(s, date=d) for s, d in zip(shops, [
                    D(2026, 1, 2), D(2026, 1, 3), D(2026, 1, 1),
                    D(2026, 2, 5), D(2026, 2, 10), D(2026, 2, 20)])]
        # In the order of the days: invoices are numbered by date.
        Subscription.subscribe(w2, pro, [], 0, 'transfer', date=D(2026, 1, 5))
        Subscription.subscribe(w1, lite, [], 0, 'transfer',
            date=D(2026, 1, 10))
        Subscription.subscribe(w3, pro, [rims], 0, 'transfer',
            date=D(2026, 1, 15))
        Subscription.subscribe(w4, lite, [], 0, 'transfer',
            date=D(2026, 2, 25))
        Subscription.change(w1, pro, [], 0, date=D(2026, 3, 10))
        Subscription.run_trials(date=D(2026, 3, 12))  # W5's trial ends
        # W3 asked to stop: it ends at its renewal (as the renewal does).
        Subscription.end([w3], date=D(2026, 3, 15))
        Subscription.log_events([w3], 'cancelled', date=D(2026, 3, 15),
            previous_mrr=Decimal(128))
        Subscription.change(w2, lite, [], 0, date=D(2026, 3, 20))
        Subscription.run_trials(date=D(2026, 3, 22))  # W6's trial ends
        # Another software's subscription is counted only with "all".
        garage = Subscription.start_trial(shops[3],
            software=catalogue['vitrolib'], date=D(2026, 4, 1))
        Subscription.subscribe(w6, pro, [], 0, 'transfer',
            date=D(2026, 4, 2))
        Subscription.subscribe(garage, catalogue['garage'], [], 0,
            'transfer', date=D(2026, 4, 3))
        for subscription, day in [(w1, 5), (w2, 10)]:
            # The payment failed (as the dunning records it).
            Subscription.mark_past_due([subscription], date=D(2026, 4, day))
            if not Event.search([('subscription', '=', subscription.id),
                        ('kind', '=', 'past_due')]):
                Subscription.log_events([subscription], 'past_due',
                    date=D(2026, 4, day))
        Subscription.change(w4, lite, [rims], 0, date=D(2026, 4, 12))
        Subscription.suspend([w1], date=D(2026, 4, 19))
        Subscription.subscribe(w3, lite, [], 0, 'transfer',
            date=D(2026, 4, 28))
        self.assertEqual([w.state for w in Subscription.browse(
                        [w1, w2, w3, w4, w5, w6])], [
                'suspended', 'past_due', 'active', 'active', 'expired',
                'active'])

        thermo = catalogue['thermogestion'].id
        with Transaction().set_context(software=thermo,
                from_date=D(2026, 2, 14), to_date=D(2026, 4, 30)):
            february, march, april = Figure.search([])
            self.assertEqual([f.period for f in [february, march, april]],
                ['02/2026', '03/2026', '04/2026'])
            self.assertEqual((february.mrr, february.new_mrr,
                    february.revenue_churn, february.logo_churn,
                    february.trial_conversion, february.active_count,
                    february.trial_count), (325, 49, 0, 0, 100, 4, 2))
            self.assertEqual((march.mrr, march.arr, march.expansion_mrr,
                    march.contraction_mrr, march.churned_mrr,
                    march.revenue_churn, march.logo_churn,
                    march.trial_conversion), (197, 2364, 50, 50, 128,
                    Decimal('54.77'), 25, 50))
            self.assertEqual((april.mrr, april.arr, april.new_mrr,
                    april.reactivation_mrr, april.churned_mrr,
                    april.revenue_churn, april.logo_churn,
                    april.trial_conversion), (275, 3300, 99, 49, 99,
                    Decimal('50.25'), Decimal('33.33'), None))
            self.assertEqual((april.active_count, april.past_due_count,
                    april.suspended_count), (3, 1, 1))
            self.assertEqual(april.currency, publisher.currency)
            mix = {m.plan.code: (m.subscriptions, m.mrr, m.share)
                for m in PlanMix.search([])}
            self.assertEqual(mix, {
                    'lite': (3, 176, 75), 'pro': (1, 99, 25)})
        with Transaction().set_context(
                from_date=D(2026, 4, 1), to_date=D(2026, 4, 30)):
            april, = Figure.search([])
            self.assertEqual(april.mrr, 275 + 99)
            self.assertEqual(len(PlanMix.search([])), 4)  # plans, not options

        # Spanning every workshop, the figures are the publisher's only.
        owner = User.search([('login', '=', 'owner.%s' % shops[0].id)])[0]
        with Transaction().set_user(owner.id), \
                Transaction().set_context(_check_access=True,
                    company=shops[0].id):
            with self.assertRaises(AccessError):
                Figure.search([])
            with self.assertRaises(AccessError):
                PlanMix.search([])
        analyst, = User.create([{
                    'name': "Publisher", 'login': 'publisher.figures',
                    'companies': [('add', [publisher.id] + [
                                s.id for s in shops])],
                    'company': publisher.id,
                    'groups': [('add', [
                                ModelData.get_id('saas', 'group_publisher')])],
                    }])
        with Transaction().set_user(analyst.id), \
                Transaction().set_context(_check_access=True,
                    company=publisher.id, software=thermo,
                    from_date=D(2026, 4, 1), to_date=D(2026, 4, 30)):
            april, = Figure.search([])
            self.assertEqual(april.mrr, 275)


class StorageTestCase(unittest.TestCase):
    "The storage of the workshops (powder_coating's photos)"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        prepare_database()

    @with_accounting_transaction
    def test_storage_on_the_workshop_list(self):
        "The publisher sees each workshop's storage, hears of 80 and 90 %"
        pool = Pool()
        Subscription = pool.get('saas.subscription')
        Project = pool.get('powder_coating.project')
        Photo = pool.get('powder_coating.photo')
        Party = pool.get('party.party')
        Email = pool.get('connector.email')
        User = pool.get('res.user')
        ModelData = pool.get('ir.model.data')
        publisher = create_publisher()
        with set_company(publisher):
            create_catalogue(publisher)
        workshop, _ = create_subscriber()
        other, _ = create_subscriber(name="Époxy Services Martin",
            siret='55208131766522', owner_email='owner@martin.example')
        staff, = User.create([{
                    'name': "Publisher", 'login': 'publisher.storage',
                    'email': 'publisher@atelier.example',
                    'company': publisher.id,
                    'companies': [('add', [publisher.id, workshop.id,
                                other.id])],
                    'company_filter': 'all',
                    'groups': [('add', [
                                ModelData.get_id('saas', 'group_publisher')])],
                    }])
        subscription = Subscription.start_trial(workshop)
        other_subscription = Subscription.start_trial(other)
        client, = Party.create([{'name': "Garage des Brotteaux",
                    'company': workshop.id}])
        with set_company(workshop):
            old, new = Project.create([{
                        'company': workshop.id, 'number': 'PRJ-%s' % n,
                        'party': client.id,
                        'parts': [('create', [{
                                        'description': "Portail",
                                        'quantity': 1}])],
                        } for n in [1, 2]])
            Photo.add(old, old.parts[0], 'after', photo_jpeg())
        used = Photo.usage([workshop.id])[workshop.id]
        self.assertEqual(subscription.storage_used, used / 10 ** 9)
        self.assertEqual(subscription.storage_quota, 50)  # Pro's trial
        self.assertEqual(other_subscription.storage_used, 0)

        def publisher_emails():
            return [e.get_message()['Subject'] for e in Email.search(
                    [('company', '=', publisher.id)], order=[('id', 'ASC')])]
        self.assertEqual(publisher_emails(), [])

        # The publisher lowers the quota from the list: the photo takes
        # 85 % of it; the change is audited and the owners are told.
        with Transaction().set_user(staff.id), \
                Transaction().set_context(_check_access=True,
                    company=publisher.id):
            Subscription.write([Subscription(subscription.id)],
                {'storage_quota': used / 0.85 / 10 ** 9})
        AuditLog = pool.get('saas.audit.log')
        self.assertTrue(AuditLog.search([('company', '=', workshop.id),
                    ('field', '=', 'photo_quota_gb')]))
        self.assertTrue(Email.search([('company', '=', workshop.id)]))
        subscription = Subscription(subscription.id)
        self.assertEqual(round(subscription.storage_percent), 85)
        self.assertEqual(subscription.storage_alert, 'warn')
        self.assertEqual(len(publisher_emails()), 1)
        self.assertIn("80", publisher_emails()[0])
        self.assertEqual(Subscription.search(
                [('storage_percent', '>=', 80)]), [subscription])
        # Told once, whatever happens under 90 %.
        Workshop = pool.get('company.company')
        Workshop.check_storage_alerts([workshop])
        self.assertEqual(len(publisher_emails()), 1)

        # A second photo crosses 90 %: the publisher hears of it before
        # powder_coating frees space.
        with set_company(workshop):
            Photo.add(new, new.parts[0], 'after', photo_jpeg())
        self.assertEqual(len(publisher_emails()), 2)
        self.assertIn("90", publisher_emails()[1])
        self.assertNotIn(other.rec_name, ' '.join(publisher_emails()))
