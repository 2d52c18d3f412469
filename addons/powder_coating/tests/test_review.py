# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Google review requests, on simulated days: planned at the pickup, sent at
J+3, reminded at J+7 unless the client's review was seen, never twice, and
never seen by another workshop."""
import datetime as dt
import unittest

from trytond.model.exceptions import ValidationError
from trytond.modules.company.tests import create_company, set_company
from trytond.modules.connector.providers.review import offline_answers
from trytond.modules.powder_coating.review import (
    match_reviews, place_id_from, planned_date, reminder_due, review_link,
    valid_place_id)
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, with_transaction
from trytond.transaction import Transaction

PLACE = 'ChIJN1t_tDeuEmsRUsoyG83frY4'
OTHER_PLACE = 'ChIJD7fiBh9u5kcRYJSMaMOCCwQ'
LINK = 'https://search.google.com/local/writereview?placeid=' + PLACE
DAY = dt.timedelta(days=1)


def client_names(place, answering, count=1):
    "Client names the offline provider makes answer (or not) at `place`."
    names = []
    for index in range(200):
        name = "Client %s Garnier" % index
        if offline_answers(place, name) == answering:
            names.append(name)
            if len(names) == count:
                return names
    raise AssertionError("no such name")


class ReviewRulesTestCase(unittest.TestCase):
    "The review request's dates and the matching of reviews"

    def test_review_link(self):
        self.assertEqual(review_link(PLACE), LINK)
        self.assertIsNone(review_link(''))

    def test_place_id(self):
        self.assertTrue(valid_place_id(PLACE))
        for wrong in ['', 'ChIJ', 'https://maps.google.com/?cid=123',
                'Thermolaquage Durand Lyon', 'ChIJN1t_tDeuEmsRUsoyG83frY4!']:
            self.assertFalse(valid_place_id(wrong), wrong)

    def test_place_id_from_link(self):
        self.assertEqual(place_id_from(' %s ' % PLACE), PLACE)
        self.assertEqual(place_id_from(LINK), PLACE)
        self.assertEqual(place_id_from('https://maps.google.com/?cid=1'),
            'https://maps.google.com/?cid=1')

    def test_dates(self):
        "Asked at J+3, reminded at J+7, never the day after a late request"
        pickup = dt.date(2026, 11, 2)
        self.assertEqual(planned_date(pickup, 3), dt.date(2026, 11, 5))
        sent = dt.date(2026, 11, 5)

        def due(sent_on, day):
            return reminder_due(pickup, sent_on, 3, 7, day)
        self.assertFalse(due(sent, dt.date(2026, 11, 8)))
        self.assertTrue(due(sent, dt.date(2026, 11, 9)))
        # sent late (the 10th): reminded four days after, not at once
        late = dt.date(2026, 11, 10)
        self.assertFalse(due(late, dt.date(2026, 11, 11)))
        self.assertTrue(due(late, dt.date(2026, 11, 14)))
        self.assertFalse(due(None, dt.date(2026, 12, 1)))

    def test_match_reviews(self):
        "By the reviewer's name, after the request, within the window"
        sent = dt.datetime(2026, 11, 5, 9)
        requests = [(1, "Jean Dupont", sent), (2, "Léa Garnier", sent)]
        reviews = [
            {'author': "DUPONT Jean", 'created': sent + DAY},
            {'author': "Lea Garnier", 'created': sent - 3 * DAY},  # before
            {'author': "Hugo Lambert", 'created': sent + DAY},
            {'author': None, 'created': sent + DAY},
            {'author': "Léa Garnier", 'created': sent + 90 * DAY},  # too late
            ]
        self.assertEqual(match_reviews(reviews, requests), {0: 1})


class ReviewRequestTestCase(unittest.TestCase):
    "Review requests of a workshop, with a second workshop"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module('powder_coating')

    def workshop(self, name, place=PLACE):
        Configuration = Pool().get('powder_coating.configuration')
        company = create_company(name=name)
        with set_company(company):
            settings = Configuration.get(company, create=True)
            settings.google_place_id = place
            settings.save()
        return company

    def collect(self, company, name, email):
        "A project of the client `name` collected today."
        pool = Pool()
        Party = pool.get('party.party')
        Project = pool.get('powder_coating.project')
        with set_company(company):
            party, = Party.create([{'name': name}])
            if email:
                party.contact_mechanisms = [
                    {'type': 'email', 'value': email}]
                party.save()
            project, = Project.create([{'company': company.id,
                        'number': 'PRJ-%s' % party.id, 'party': party.id}])
            Project.write([project], {'state': 'ready'})
            Project.collect([project])
        return project

    def emails(self, address):
        Email = Pool().get('connector.email')
        return Email.search([('to', '=', address)], order=[('id', 'ASC')])

    def html(self, email):
        return email.get_message().get_body(
            preferencelist=('html',)).get_content()

    @with_transaction()
    def test_request_then_reminder_unless_reviewed(self):
        """Collected: planned at J+3; the cron at J+3 emails the link once;
        at J+7 the client who reviewed is not reminded, the other is"""
        pool = Pool()
        Request = pool.get('powder_coating.review_request')
        Review = pool.get('powder_coating.review')
        Configuration = pool.get('powder_coating.configuration')
        durand = self.workshop("Thermolaquage Durand")
        reviewer, = client_names(PLACE, True)
        silent, = client_names(PLACE, False)
        first = self.collect(durand, reviewer, 'reviewer@garnier.example')
        second = self.collect(durand, silent, 'silent@garnier.example')

        with set_company(durand):
            requests = Request.search([], order=[('id', 'ASC')])
            self.assertEqual([r.project for r in requests], [first, second])
            self.assertEqual({r.state for r in requests}, {'planned'})
            pickup = requests[0].pickup_date
            self.assertEqual(requests[0].planned_date, pickup + 3 * DAY)

        Request.run_cron(pickup + 2 * DAY)
        self.assertEqual(self.emails('reviewer@garnier.example'), [])

        Request.run_cron(pickup + 3 * DAY)
        Request.run_cron(pickup + 3 * DAY)  # the cron runs twice: one email
        email, = self.emails('reviewer@garnier.example')
        self.assertIn(LINK.replace('&', '&amp;'), self.html(email))
        self.assertIn("Thermolaquage Durand", email.subject)
        self.assertIn(reviewer, self.html(email))
        self.assertEqual(len(self.emails('silent@garnier.example')), 1)
        with set_company(durand):
            self.assertEqual({r.state for r in Request.search([])}, {'sent'})

        Request.run_cron(pickup + 6 * DAY)
        self.assertEqual(len(self.emails('silent@garnier.example')), 1)

        Request.run_cron(pickup + 7 * DAY)
        Request.run_cron(pickup + 7 * DAY)
        Request.run_cron(pickup + 8 * DAY)
        with set_company(durand):
            answered, reminded = Request.search([], order=[('id', 'ASC')])
        self.assertEqual(answered.state, 'reviewed')
        self.assertIn(answered.rating, {3, 4, 5})
        self.assertTrue(answered.review_seen_at)
        self.assertEqual(len(self.emails('reviewer@garnier.example')), 1)
        self.assertEqual(reminded.state, 'reminded')
        emails = self.emails('silent@garnier.example')
        self.assertEqual(len(emails), 2)
        self.assertIn(LINK.replace('&', '&amp;'), self.html(emails[1]))
        self.assertNotEqual(emails[0].subject, emails[1].subject)
        with set_company(durand):
            review, = Review.search([])
            self.assertEqual(review.author, reviewer)
            self.assertTrue(review.matched)
            self.assertEqual(
                Configuration.get(durand).reviews_received, 1)

    @with_transaction()
    def test_client_without_email_visible(self):
        "A client without email is not asked; the request says why"
        Request = Pool().get('powder_coating.review_request')
        durand = self.workshop("Thermolaquage Durand")
        self.collect(durand, "Jean Sansmail", None)
        with set_company(durand):
            request, = Request.search([])
            self.assertEqual(request.state, 'failed')
            self.assertIn("no email", request.failure)
            Request.run_cron(request.planned_date)
            self.assertEqual(Request(request.id).state, 'failed')
            # the workshop adds the email and plans it again
            request.party.contact_mechanisms = [
                {'type': 'email', 'value': 'jean@sansmail.example'}]
            request.party.save()
            Request.plan_again([request])
            self.assertEqual(request.state, 'planned')
        Request.run_cron(request.planned_date)
        self.assertEqual(len(self.emails('jean@sansmail.example')), 1)

    @with_transaction()
    def test_workshop_without_place_id(self):
        "No place id, no link: the request fails and says what to set"
        Request = Pool().get('powder_coating.review_request')
        durand = self.workshop("Thermolaquage Durand", place=None)
        self.collect(durand, "Léa Garnier", 'lea@garnier.example')
        with set_company(durand):
            request, = Request.search([])
        Request.run_cron(request.planned_date)
        request = Request(request.id)
        self.assertEqual(request.state, 'failed')
        self.assertIn("no Google place id", request.failure)
        self.assertEqual(self.emails('lea@garnier.example'), [])

    @with_transaction()
    def test_one_request_per_project_and_cancel(self):
        "A project has one request; a cancelled one is never sent"
        pool = Pool()
        Request = pool.get('powder_coating.review_request')
        durand = self.workshop("Thermolaquage Durand")
        project = self.collect(durand, "Léa Garnier", 'lea@garnier.example')
        with set_company(durand):
            Request.plan([project])
            request, = Request.search([])
            Request.cancel([request])
        Request.run_cron(request.planned_date + 10 * DAY)
        self.assertEqual(self.emails('lea@garnier.example'), [])
        self.assertEqual(Request(request.id).state, 'cancelled')

    @with_transaction()
    def test_place_id_refused(self):
        "A place id that is obviously not one is refused, nothing saved"
        Configuration = Pool().get('powder_coating.configuration')
        durand = self.workshop("Thermolaquage Durand")
        with set_company(durand):
            settings = Configuration.get(durand)
            settings.google_place_id = 'https://www.google.com/maps/place/x'
            with self.assertRaises(ValidationError) as context:
                settings.save()
            self.assertIn(
                'is not a Google place id', context.exception.message)
        with Transaction().set_context(_check_access=False):
            self.assertEqual(Configuration.get(durand).google_place_id, PLACE)
        self.assertEqual(Configuration.get(durand).google_review_link, LINK)
        # the review link pasted whole: its place id is kept
        with set_company(durand):
            settings = Configuration.get(durand)
            settings.google_place_id = LINK.replace(PLACE, OTHER_PLACE)
            settings.save()
            self.assertEqual(
                Configuration.get(durand).google_place_id, OTHER_PLACE)

    @with_transaction()
    def test_unavailable_service_changes_nothing(self):
        """Google unreachable: the reviews are not read, nobody is reminded
        that day, nothing changed; the next run catches up"""
        pool = Pool()
        Request = pool.get('powder_coating.review_request')
        Setting = pool.get('connector.setting')
        durand = self.workshop("Thermolaquage Durand")
        silent, = client_names(PLACE, False)
        self.collect(durand, silent, 'silent@garnier.example')
        with set_company(durand):
            request, = Request.search([])
            pickup = request.pickup_date
        Request.run_cron(pickup + 3 * DAY)
        with set_company(durand):
            setting, = Setting.create([{
                        'company': durand.id,
                        'capability': 'review',
                        'provider': 'google_business_profile',
                        'credentials': [('create', [
                                    {'key': 'client_id', 'value': 'id'},
                                    {'key': 'client_secret', 'value': 's'},
                                    {'key': 'refresh_token', 'value': 'r'},
                                    {'key': 'account', 'value': '1'},
                                    {'key': 'location', 'value': '2'},
                                    {'key': 'token_url', 'value':
                                        'http://127.0.0.1:9/token'},
                                    {'key': 'timeout', 'value': '2'},
                                    ])],
                        }])
        Request.run_cron(pickup + 7 * DAY)
        self.assertEqual(Request(request.id).state, 'sent')
        self.assertEqual(len(self.emails('silent@garnier.example')), 1)
        Setting.delete([setting])
        Request.run_cron(pickup + 8 * DAY)
        self.assertEqual(Request(request.id).state, 'reminded')
        self.assertEqual(len(self.emails('silent@garnier.example')), 2)

    @with_transaction()
    def test_second_workshop_sees_nothing(self):
        "Martin's manager never sees Durand's requests nor reviews"
        pool = Pool()
        Request = pool.get('powder_coating.review_request')
        Review = pool.get('powder_coating.review')
        User = pool.get('res.user')
        ModelData = pool.get('ir.model.data')
        durand = self.workshop("Thermolaquage Durand")
        martin = self.workshop("Époxy Services Martin", OTHER_PLACE)
        reviewer, = client_names(PLACE, True)
        project = self.collect(durand, reviewer, 'lea@garnier.example')
        mine = self.collect(martin, "Hugo Lambert", 'hugo@lambert.example')
        pickup = Request.search([('project', '=', project.id)])[0].pickup_date
        Request.run_cron(pickup + 3 * DAY)
        Request.run_cron(pickup + 5 * DAY)
        self.assertEqual(len(Review.search([('company', '=', durand.id)])),
            1)
        self.assertEqual(Request.search([('company', '=', martin.id)])[0]
            .email, 'hugo@lambert.example')
        user, = User.create([{
                    'name': "Gérant Martin",
                    'login': 'gerant_martin',
                    'companies': [('add', [martin.id])],
                    'groups': [('add', [
                                ModelData.get_id('saas', 'group_owner')])],
                    }])
        User.write([user], {'company': martin.id})
        for company in [martin.id, durand.id, None]:
            with Transaction().set_user(user.id), \
                    Transaction().set_context(company=company,
                        _check_access=True):
                projects = [r.project.id for r in Request.search([])]
                self.assertNotIn(project.id, projects)
                if company == martin.id:
                    self.assertEqual(projects, [mine.id])
                self.assertEqual(
                    {r.company for r in Review.search([])} - {martin}, set())
                self.assertEqual(Request.search(
                        [('project', '=', project.id)]), [])

    @with_transaction()
    def test_demo(self):
        "The demo shows requests in every state and counts its reviews"
        pool = Pool()
        Party = pool.get('party.party')
        Project = pool.get('powder_coating.project')
        Request = pool.get('powder_coating.review_request')
        Configuration = pool.get('powder_coating.configuration')
        from trytond.modules.powder_coating.demo_review import (
            STATES, review_requests)
        company = create_company(name="Thermolaquage Durand")
        with set_company(company):
            parties = Party.create([{'name': "Client %s" % i}
                    for i in range(len(STATES))])
            projects = Project.create([{'company': company.id,
                        'number': 'H-%s' % p.id, 'party': p.id}
                    for p in parties])
            Project.write(projects, {'state': 'collected',
                    'closed_date': dt.datetime(2026, 10, 1, 17)})
            review_requests(company)
            review_requests(company)  # loaded once
            requests = Request.search([])
            self.assertEqual(sorted(r.state for r in requests),
                sorted(STATES))
            settings = Configuration.get(company)
            self.assertTrue(settings.google_review_link)
            self.assertEqual(settings.reviews_received,
                STATES.count('reviewed') + 1)
