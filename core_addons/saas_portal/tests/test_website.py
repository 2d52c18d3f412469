# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The publisher's public website over HTTP: pages, trial sign-up with
double opt-in, contact form, sitemap, robots and health checks."""
import datetime as dt
import json
import re
import unittest
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

from trytond.model.exceptions import AccessError
from trytond.modules.company.tests import create_company
from trytond.modules.saas.health import daily_uptime, uptime
from trytond.modules.saas_portal.site_plan import format_price, highlights
from trytond.modules.saas_portal.website import PAGES, format_percent, json_ld
from trytond.pool import Pool
from trytond.tests.test_tryton import DB_NAME, RouteTestCase
from trytond.transaction import Transaction

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
LINK = re.compile(r'(https?://\S+/site/signup/confirm\?token=\S+)')
# Passes the Luhn check; a test value, not a real firm.
SIRET = '73282932000017'
OTHER_SIRET = '55208131700018'


class WebsiteFunctionsTestCase(unittest.TestCase):
    "Prices, percentages, uptime and structured data"

    def test_format_price(self):
        "Prices are written the French way in French"
        self.assertEqual(format_price(Decimal('49'), 'fr'), '49\u00a0€')
        self.assertEqual(
            format_price(Decimal('1234.5'), 'fr'), '1\u202f234,50\u00a0€')
        self.assertEqual(format_price(Decimal('99'), 'en'), '€99')
        self.assertEqual(format_price(Decimal('990'), 'fr'), '990\u00a0€')

    def test_highlights(self):
        self.assertEqual(highlights("Devis\n\n  Séries \n"),
            ['Devis', 'Séries'])

    def test_format_percent(self):
        self.assertEqual(format_percent(0.9995, 'fr'), '99,95\u00a0%')
        self.assertEqual(format_percent(1, 'en'), '100.00%')
        self.assertEqual(format_percent(None, 'fr'), '—')

    def test_uptime(self):
        "Uptime is the share of ok checks in the period, days included"
        day = dt.datetime(2026, 11, 20)
        checks = [(day + dt.timedelta(minutes=5 * i), i != 3)
            for i in range(4)]
        checks.append((dt.datetime(2026, 11, 21, 10), False))
        self.assertEqual(uptime(checks, day.date(), day.date()), 0.75)
        self.assertEqual(uptime(checks, day.date(),
                dt.date(2026, 11, 21)), 0.6)
        self.assertIsNone(uptime(checks, dt.date(2026, 1, 1),
                dt.date(2026, 1, 31)))
        days = daily_uptime(checks, dt.date(2026, 11, 21), 3)
        self.assertEqual(days, [
                (dt.date(2026, 11, 19), None),
                (dt.date(2026, 11, 20), 0.75),
                (dt.date(2026, 11, 21), 0.0)])

    def test_json_ld_safe(self):
        "The JSON-LD cannot close its script element"
        text, digest = json_ld({'name': '</script><b>&'})
        self.assertNotIn('<', text)
        self.assertEqual(json.loads(text), {'name': '</script><b>&'})
        self.assertTrue(digest.startswith("'sha256-"))


class TrialTranslationTestCase(unittest.TestCase):
    "The French of the trial's status page, merged into fr.po by the lead"

    def test_every_message_has_its_french(self):
        "Each status page string has a French text with its placeholders"
        import runpy
        from pathlib import Path
        from xml.etree import ElementTree
        root = Path(__file__).resolve().parents[3]
        french = runpy.run_path(
            str(root / 'i18n' / 'saas_portal_trial_fr.py'))['FR']
        texts = {r.get('id'): r.find('field').text for r in ElementTree.parse(
                Path(__file__).resolve().parents[1] / 'website.xml').iter(
                'record') if r.get('model') == 'ir.message'}
        for name in ['msg_site_creating_title', 'msg_site_creating',
                'msg_site_creating_step', 'msg_site_failed_title',
                'msg_site_failed', 'msg_site_signup_follow']:
            with self.subTest(message=name):
                english = texts[name]
                self.assertIn(english, french)
                self.assertEqual(
                    sorted(re.findall(r'%\(\w+\)s', english)),
                    sorted(re.findall(r'%\(\w+\)s', french[english])))
        self.assertEqual(french['Your workshop is being created…'],
            "Votre atelier est en cours de création…")


class WebsiteRouteTestCase(RouteTestCase):
    "The public website's pages, sign-up, contact and health"
    module = 'saas_portal'
    language = 'fr'

    @classmethod
    def setUpDatabase(cls):
        pool = Pool()
        Lang = pool.get('ir.lang')
        Currency = pool.get('currency.currency')
        Country = pool.get('country.country')
        Plan = pool.get('saas_portal.site.plan')
        Identifier = pool.get('party.identifier')
        ContactMechanism = pool.get('party.contact_mechanism')
        Lang.write(Lang.search([('code', 'in', ['fr', 'en'])]),
            {'translatable': True})
        if not Currency.search([('code', '=', 'EUR')]):
            Currency.create([{'name': "Euro", 'code': 'EUR', 'symbol': '€'}])
        Country.create([{'name': "France", 'code': 'FR'}])
        Address = pool.get('party.address')
        publisher = create_company(name="Atelier SaaS")
        address, = Address.create([{'party': publisher.party.id,
                    'street': "10 rue de la Roquette", 'postal_code': '75011',
                    'city': "Paris"}])
        Identifier.create([{'party': publisher.party.id, 'type': 'fr_siret',
                    'code': '35600000000048', 'address': address.id}])
        ContactMechanism.create([{'party': publisher.party.id,
                    'type': 'email', 'value': 'bonjour@atelier.example'}])
        Plan.create([{
                    'name': "Lite", 'sequence': 10,
                    'monthly_price': Decimal('49'),
                    'yearly_price': Decimal('490'),
                    'highlights': "Devis et clients\nStock de base",
                    }, {
                    'name': "Pro", 'sequence': 20, 'recommended': True,
                    'monthly_price': Decimal('99'),
                    'highlights': "Tout Lite\nSéries et four",
                    }, {
                    'name': "Ancienne formule", 'active': False,
                    'monthly_price': Decimal('10'),
                    }])

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A singleton is written with its table locked.
        with Transaction().start(DB_NAME, 0, _lock_tables=[
                    'saas_portal_site_configuration']) as transaction:
            pool = Pool()
            Configuration = pool.get('saas_portal.site.configuration')
            Company = pool.get('company.company')
            publisher, = Company.search([('party.name', '=', "Atelier SaaS")])
            Configuration.write([Configuration(1)], {
                    'publisher': publisher.party.id,
                    'site_name': "ThermoGestion",
                    'publication_director': "Camille Laurent",
                    'host': "OVH SAS, 2 rue Kellermann, 59100 Roubaix",
                    })
            transaction.commit()

    def url(self, path=''):
        return f'/{DB_NAME}/site/{path}'

    def form(self, client, path):
        "Open a form page like a browser; return its CSRF token."
        response = client.get(self.url(path))
        self.assertEqual(response.status_code, 200)
        return CSRF.search(response.text).group(1)

    def signup(self, client, **values):
        data = {
            'workshop_name': "Thermolaquage Girard",
            'owner_name': "Marc Girard",
            'email': 'marc@girard.example',
            'phone': '04 78 00 00 09',
            'siret': SIRET,
            'terms': '1',
            }
        ip = values.pop('ip', '127.0.0.1')
        data.update(values)
        data.setdefault('csrf_token', self.form(client, 'signup'))
        return client.post(self.url('signup'), data=data,
            environ_base={'REMOTE_ADDR': ip})

    def emails_to(self, address):
        with Transaction().start(DB_NAME, 0):
            Email = Pool().get('connector.email')
            return [(e.subject, e.body) for e in Email.search(
                    [('to', '=', address)], order=[('id', 'ASC')])]

    def trials(self, email):
        with Transaction().start(DB_NAME, 0):
            Trial = Pool().get('saas_portal.trial_request')
            return [(t.state, t.owner.company.rec_name if t.owner else None)
                for t in Trial.search([('email', '=', email)])]

    def test_pages_in_french_and_english(self):
        "Every public page answers in French by default and in English"
        client = self.client()
        for path in PAGES:
            with self.subTest(path=path):
                response = client.get(self.url(path))
                self.assertEqual(response.status_code, 200)
                self.assertIn('<html lang="fr"', response.text)
                self.assertIn(f'<link rel="canonical" href="http://localhost'
                    f'{self.url(path)}">', response.text)
                self.assertIn('property="og:title"', response.text)
                self.assertIn('name="twitter:card"', response.text)
                csp = response.headers['Content-Security-Policy']
                self.assertIn("script-src 'self' 'sha256-", csp)
                self.assertNotIn('unsafe-inline', csp)
        client = self.client()
        for path in PAGES:
            with self.subTest(path=path, lang='en'):
                response = client.get(self.url(path) + '?lang=en')
                self.assertEqual(response.status_code, 200)
                self.assertIn('<html lang="en"', response.text)
        response = client.get(self.url())
        self.assertIn('Start the 30-day free trial', response.text)
        self.assertIn('<html lang="en"', response.text)
        self.assertEqual(client.get(self.url('legal/other')).status_code, 404)

    def test_json_ld_hash_matches_the_page(self):
        "The CSP allows exactly the page's JSON-LD, with the plans as offers"
        response = self.client().get(self.url('pricing'))
        block = re.search(r'<script type="application/ld\+json">(.*?)'
            '</script>', response.text).group(1)
        _, digest = json_ld(json.loads(block))
        self.assertIn(digest, response.headers['Content-Security-Policy'])
        data = json.loads(block)
        software = data['@graph'][1]
        self.assertEqual(software['@type'], 'SoftwareApplication')
        self.assertEqual([(o['name'], o['price']) for o in software['offers']],
            [('Lite', '49.00'), ('Pro', '99.00')])
        self.assertEqual(data['@graph'][0]['name'], "Atelier SaaS")

    def test_pricing_shows_active_plans_the_french_way(self):
        "The pricing page shows the active plans, prices written in French"
        response = self.client().get(self.url('pricing'))
        self.assertIn('49\u00a0€', response.text)
        self.assertIn('99\u00a0€', response.text)
        self.assertIn('490\u00a0€', response.text)
        self.assertIn('Séries et four', response.text)
        self.assertNotIn('Ancienne formule', response.text)
        self.assertLess(response.text.index('Lite'),
            response.text.index('Pro'))
        response = self.client().get(self.url('pricing') + '?lang=en')
        self.assertIn('€49', response.text)

    def test_legal_pages_show_the_publisher(self):
        "The legal notice names the publisher, its SIRET, director and host"
        response = self.client().get(self.url('legal/notice'))
        for text in ["Atelier SaaS", '356\u00a0000\u00a0000\u00a000048',
                'SIREN\u00a0:\u00a0356\u00a0000\u00a0000.',
                "Camille Laurent", "OVH SAS, 2 rue Kellermann",
                'bonjour@atelier.example']:
            self.assertIn(text, response.text)
        response = self.client().get(self.url('legal/cookies') + '?lang=en')
        self.assertIn('strictly necessary', response.text)

    def confirm_link(self, email):
        "The path of the confirmation link emailed to `email`, its token."
        (_, body), = self.emails_to(email)[:1]
        link = urlsplit(LINK.search(body).group(1))
        return (link.path + '?' + link.query,
            parse_qs(link.query)['token'][0])

    def creation_tasks(self):
        "The workshop creations waiting in Tryton's queue."
        with Transaction().start(DB_NAME, 0):
            Queue = Pool().get('ir.queue')
            return [t.id for t in Queue.search([
                        ('finished_at', '=', None),
                        ('dequeued_at', '=', None),
                        ], order=[('id', 'ASC')])
                if t.data['model'] == 'saas_portal.trial_request']

    def run_queue(self):
        "Run the queued creations like a worker (with what they queue)."
        from trytond.worker import run_task
        tasks = Transaction().tasks
        tasks.extend(self.creation_tasks())
        while tasks:
            run_task(DB_NAME, tasks.pop(0))

    def status(self, token, lang='fr'):
        return self.client().get(
            self.url(f'signup/{token}/status') + f'?lang={lang}')

    def test_signup_double_opt_in(self):
        """Sign-up stores the request and emails a link; the link confirms
        it at once and queues the workshop; the status page follows the
        creation until the workshop and its owner exist, with the owner's
        welcome email"""
        client = self.client()
        response = self.signup(client)
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.location.endswith(self.url('signup/sent')))
        self.assertEqual(self.trials('marc@girard.example'),
            [('requested', None)])
        (subject, body), = self.emails_to('marc@girard.example')
        self.assertIn('ThermoGestion', subject)
        path, token = self.confirm_link('marc@girard.example')
        with Transaction().start(DB_NAME, 0):
            Trial = Pool().get('saas_portal.trial_request')
            trial, = Trial.search([('email', '=', 'marc@girard.example')])
            # Only the hash of the token is stored.
            self.assertNotEqual(trial.token_hash, token)
            self.assertEqual(trial.siret, SIRET)

        # The same email cannot ask again while the link is valid.
        response = self.signup(self.client())
        self.assertEqual(response.status_code, 400)
        self.assertEqual(len(self.trials('marc@girard.example')), 1)

        # The link answers at once: confirmed, the creation is queued.
        confirmed = response = client.get(path)
        self.assertEqual(response.status_code, 303, response.text)
        self.assertTrue(response.location.endswith(
                self.url(f'signup/{token}/status')))
        self.assertEqual(self.trials('marc@girard.example'),
            [('confirmed', None)])
        self.assertEqual(len(self.creation_tasks()), 1)
        response = self.status(token)
        self.assertEqual(response.status_code, 200)
        self.assertIn('<html lang="fr"', response.text)
        self.assertIn('Thermolaquage Girard', response.text)
        self.assertIn('role="status"', response.text)
        self.assertIn('hx-trigger="every 3s"', response.text)
        self.assertIn('<noscript><meta http-equiv="refresh" content="3">'
            '</noscript>', response.text)
        self.assertIn('noindex', response.text)
        self.assertIn('Your workshop is being created…',
            self.status(token, 'en').text)
        # Opening the link again while it runs creates nothing more.
        response = self.client().get(path)
        self.assertEqual(response.status_code, 400)
        self.assertIn(f'signup/{token}/status', response.text)
        self.assertEqual(len(self.creation_tasks()), 1)

        # Without a worker, the server runs the task once the answer is
        # sent (the WSGI server closes the response).
        self.assertEqual(self.trials('marc@girard.example'),
            [('confirmed', None)])
        confirmed.close()
        self.assertEqual(self.trials('marc@girard.example'),
            [('created', "Thermolaquage Girard")])
        with Transaction().start(DB_NAME, 0):
            pool = Pool()
            User = pool.get('res.user')
            ModelData = pool.get('ir.model.data')
            Trial = pool.get('saas_portal.trial_request')
            owner, = User.search([('login', '=', 'marc@girard.example')])
            self.assertEqual(owner.company.rec_name, "Thermolaquage Girard")
            self.assertIn(ModelData.get_id('saas', 'group_owner'),
                [g.id for g in owner.groups])
            trial, = Trial.search([('email', '=', 'marc@girard.example')])
            self.assertEqual(trial.workshop, owner.company.party)
            self.assertTrue(trial.created_at)
        # The welcome email tells the owner how to sign in.
        self.assertEqual(len(self.emails_to('marc@girard.example')), 2)
        response = self.status(token)
        self.assertIn('Votre atelier est prêt', response.text)
        self.assertIn('marc@girard.example', response.text)
        self.assertNotIn('hx-trigger', response.text)
        self.assertNotIn('http-equiv="refresh"', response.text)
        self.assertIn('Your workshop is ready', self.status(token, 'en').text)

        # The link works once.
        response = client.get(path)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.creation_tasks(), [])
        with Transaction().start(DB_NAME, 0):
            Company = Pool().get('company.company')
            self.assertEqual(len(Company.search([
                            ('party.name', '=', "Thermolaquage Girard")])), 1)
        # The email is now used by an account, the SIRET by a workshop.
        response = self.signup(self.client(),
            workshop_name="Girard Bis", siret=OTHER_SIRET)
        self.assertEqual(response.status_code, 400)
        response = self.signup(self.client(), email='autre@girard.example',
            workshop_name="Girard Bis", siret='732 829 320 00017')
        self.assertEqual(response.status_code, 400)
        self.assertIn('73282932000017', response.text)
        self.assertEqual(self.trials('autre@girard.example'), [])

        # Another token, a forged one or a request id sees nothing.
        for other in ['forged', '1', token[:-1]]:
            with self.subTest(token=other):
                response = self.status(other)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn('Thermolaquage Girard', response.text)
                self.assertNotIn('marc@girard.example', response.text)

    def test_signup_creation_fails_then_retried(self):
        """A creation that fails marks the request failed, tells the visitor
        a person will contact them; the publisher's retry creates the
        workshop once, however many times it is pressed"""
        client = self.client()
        response = self.signup(client, email='ines@duval.example',
            workshop_name="Thermolaquage Duval", siret='40483304800022',
            ip='192.0.2.70')
        self.assertEqual(response.status_code, 303, response.text)
        path, token = self.confirm_link('ines@duval.example')
        self.assertEqual(client.get(path).status_code, 303)
        # Meanwhile a workshop of that name was created by hand.
        with Transaction().start(DB_NAME, 0) as transaction:
            squatter = create_company(name="Thermolaquage Duval").party.id
            transaction.commit()
        with self.assertLogs('trytond.modules.saas_portal.trial',
                'ERROR') as logs:
            self.run_queue()
        self.assertIn('WorkshopValidationError', logs.output[0])
        self.assertEqual(self.trials('ines@duval.example'),
            [('failed', None)])
        with Transaction().start(DB_NAME, 0):
            pool = Pool()
            Trial = pool.get('saas_portal.trial_request')
            User = pool.get('res.user')
            trial, = Trial.search([('email', '=', 'ines@duval.example')])
            self.assertIn("Thermolaquage Duval", trial.failure)
            self.assertTrue(trial.failed_at)
            # Nothing of the attempt was kept.
            self.assertFalse(User.search([('login', '=', trial.email)]))
            # The publisher's list shows it under « Failed ».
            self.assertEqual(Trial.search([('state', '=', 'failed')]),
                [trial])
        response = self.status(token)
        self.assertEqual(response.status_code, 200)
        self.assertIn('ines@duval.example', response.text)
        self.assertNotIn('hx-trigger', response.text)
        self.assertIn('a person will contact you',
            self.status(token, 'en').text)
        # The link itself stays used.
        self.assertEqual(client.get(path).status_code, 400)

        # The publisher renames the other workshop and retries, twice; a
        # user who is not a publisher cannot.
        with Transaction().start(DB_NAME, 0) as transaction:
            pool = Pool()
            Party = pool.get('party.party')
            Trial = pool.get('saas_portal.trial_request')
            User = pool.get('res.user')
            ModelData = pool.get('ir.model.data')
            Party.write([Party(squatter)], {'name': "Duval Ancien"})
            publisher, clerk = User.create([{
                        'name': "Éditeur", 'login': 'publisher-trial',
                        'groups': [('add', [ModelData.get_id(
                                        'saas', 'group_publisher')])],
                        }, {'name': "Commis", 'login': 'clerk-trial'}])
            trial, = Trial.search([('email', '=', 'ines@duval.example')])
            with transaction.set_user(clerk.id), \
                    transaction.set_context(_check_access=True):
                with self.assertRaises(AccessError):
                    Trial.retry(Trial.browse([trial.id]))
            with transaction.set_user(publisher.id), \
                    transaction.set_context(_check_access=True):
                Trial.retry(Trial.browse([trial.id]))
                Trial.retry(Trial.browse([trial.id]))
            transaction.commit()
        self.assertEqual(self.trials('ines@duval.example'),
            [('confirmed', None)])
        self.assertEqual(len(self.creation_tasks()), 2)
        self.assertIn('Your workshop is being created…',
            self.status(token, 'en').text)
        self.run_queue()
        self.assertEqual(self.trials('ines@duval.example'),
            [('created', "Thermolaquage Duval")])
        with Transaction().start(DB_NAME, 0):
            pool = Pool()
            Company = pool.get('company.company')
            User = pool.get('res.user')
            self.assertEqual(len(Company.search([
                            ('party.name', '=', "Thermolaquage Duval")])), 1)
            self.assertEqual(len(User.search([
                            ('login', '=', 'ines@duval.example')])), 1)
        # One welcome email after the confirmation email.
        self.assertEqual(len(self.emails_to('ines@duval.example')), 2)
        self.assertIn('Votre atelier est prêt', self.status(token).text)

        # A retry of a created request does nothing.
        with Transaction().start(DB_NAME, 0) as transaction:
            Trial = Pool().get('saas_portal.trial_request')
            trial, = Trial.search([('email', '=', 'ines@duval.example')])
            Trial.retry([trial])
            Trial.__queue__.create_workshops([trial])
            transaction.commit()
        self.run_queue()
        self.assertEqual(self.trials('ines@duval.example'),
            [('created', "Thermolaquage Duval")])

    def test_signup_wrong_or_expired_link(self):
        "A wrong or expired link creates nothing"
        client = self.client()
        response = client.get(self.url('signup/confirm') + '?token=forged')
        self.assertEqual(response.status_code, 400)

        response = self.signup(client, email='lea@roche.example',
            workshop_name="Peinture Roche", siret=OTHER_SIRET)
        self.assertEqual(response.status_code, 303)
        (_, body), = self.emails_to('lea@roche.example')
        link = LINK.search(body).group(1)
        with Transaction().start(DB_NAME, 0) as transaction:
            Trial = Pool().get('saas_portal.trial_request')
            trial, = Trial.search([('email', '=', 'lea@roche.example')])
            Trial.write([trial], {'requested_at':
                    dt.datetime.now() - dt.timedelta(hours=49)})
            transaction.commit()
        response = client.get(urlsplit(link).path + '?' + urlsplit(link).query)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.trials('lea@roche.example'), [('expired', None)])
        with Transaction().start(DB_NAME, 0):
            User = Pool().get('res.user')
            self.assertFalse(
                User.search([('login', '=', 'lea@roche.example')]))

    def test_signup_refusals(self):
        "A missing field, bad SIRET, no consent or no CSRF: nothing stored"
        for values in [{'workshop_name': ''}, {'siret': '123'},
                {'terms': ''}, {'email': 'not-an-email'},
                {'csrf_token': 'forged'}]:
            with self.subTest(values=values):
                response = self.signup(self.client(),
                    email=values.get('email', 'refused@girard.example'),
                    **{k: v for k, v in values.items() if k != 'email'})
                self.assertIn(response.status_code, {400, 403})
                self.assertIn('role="alert"', response.text)
        self.assertEqual(self.trials('refused@girard.example'), [])
        self.assertEqual(self.emails_to('refused@girard.example'), [])

    def test_signup_rate_limit(self):
        "An IP address gets 5 confirmation emails, then is refused"
        client = self.client()
        for n in range(5):
            response = self.signup(client, ip='192.0.2.50',
                email=f'flood{n}@example.com', workshop_name=f"Flood {n}",
                siret=OTHER_SIRET)
            self.assertEqual(response.status_code, 303)
        response = self.signup(client, ip='192.0.2.50',
            email='flood5@example.com', workshop_name="Flood 5",
            siret=OTHER_SIRET)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.trials('flood5@example.com'), [])
        self.assertEqual(self.emails_to('flood5@example.com'), [])

    def test_signup_honeypot(self):
        "A robot filling the hidden field gets the same answer, nothing else"
        response = self.signup(self.client(), email='robot@spam.example',
            website='http://spam.example')
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.trials('robot@spam.example'), [])
        self.assertEqual(self.emails_to('robot@spam.example'), [])

    def contact(self, client, **values):
        data = {'name': "Julie Fabre", 'email': 'julie@fabre.example',
            'message': "Bonjour, proposez-vous une démonstration ?"}
        data.update(values)
        data.setdefault('csrf_token', self.form(client, 'contact'))
        return client.post(self.url('contact'), data=data,
            environ_base={'REMOTE_ADDR': values.pop('ip', '192.0.2.10')})

    def contact_messages(self):
        with Transaction().start(DB_NAME, 0):
            Message = Pool().get('saas_portal.contact_message')
            return [(m.email, m.message) for m in Message.search([])]

    def test_contact_form(self):
        """A message is stored and emailed to the publisher; CSRF, honeypot
        and the rate limit per IP address refuse the others"""
        client = self.client()
        response = client.post(self.url('contact'), data={
                'name': "X", 'email': 'x@x.example', 'message': "Hi",
                'csrf_token': 'forged'})
        self.assertEqual(response.status_code, 403)
        response = self.contact(client, website='spam')
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.contact_messages(), [])

        response = self.contact(client)
        self.assertEqual(response.status_code, 303, response.text)
        self.assertEqual(self.contact_messages(), [('julie@fabre.example',
                    "Bonjour, proposez-vous une démonstration ?")])
        (subject, body), = self.emails_to('bonjour@atelier.example')
        self.assertIn("Julie Fabre", subject)
        self.assertIn("démonstration", body)

        for _ in range(4):
            self.assertEqual(self.contact(client).status_code, 303)
        response = self.contact(client)
        self.assertEqual(response.status_code, 429)
        self.assertEqual(len(self.contact_messages()), 5)
        # Another address is not limited.
        client = self.client()
        response = client.post(self.url('contact'), data={
                'name': "Paul", 'email': 'paul@example.com', 'message': "Hi",
                'csrf_token': self.form(client, 'contact')},
            environ_base={'REMOTE_ADDR': '192.0.2.99'})
        self.assertEqual(response.status_code, 303)

    def test_sitemap_and_robots(self):
        client = self.client()
        response = client.get(self.url('sitemap.xml'))
        self.assertEqual(response.status_code, 200)
        for page in ['', 'pricing', 'legal/cookies', 'status']:
            self.assertIn(f'<loc>http://localhost{self.url(page)}</loc>',
                response.text)
        self.assertNotIn('confirm', response.text)
        response = client.get(self.url('robots.txt'))
        self.assertEqual(response.status_code, 200)
        self.assertIn(f'Sitemap: http://localhost{self.url("sitemap.xml")}',
            response.text)
        self.assertIn(f'Disallow: /{DB_NAME}/portal/', response.text)
        self.assertIn(f'Allow: /{DB_NAME}/site/', response.text)

    def test_health_and_status(self):
        "The health route answers 200 with each check; the status page shows"
        with Transaction().start(DB_NAME, 0) as transaction:
            HealthCheck = Pool().get('saas.health_check')
            record = HealthCheck.check()
            self.assertTrue(record.ok, record.detail)
            now = dt.datetime.now()
            HealthCheck.create([
                    HealthCheck.values([], now - dt.timedelta(days=1)),
                    {'checked_at': now - dt.timedelta(days=1), 'ok': False},
                    ])
            yesterday = (now - dt.timedelta(days=1)).date()
            self.assertEqual(HealthCheck.uptime(yesterday, yesterday), 0.5)
            transaction.commit()
        response = self.client().get(f'/{DB_NAME}/health')
        self.assertEqual(response.status_code, 200)
        data = json.loads(response.text)
        self.assertEqual(data['status'], 'ok')
        self.assertEqual(set(data['checks']),
            {'database', 'outbox', 'cron', 'filestore'})
        response = self.client().get(self.url('status') + '?lang=en')
        self.assertIn('All systems operational', response.text)
        self.assertIn('50.00%', response.text)

    def test_health_fails_with_a_stuck_outbox(self):
        "An email queued for more than an hour makes the health route 503"
        with Transaction().start(DB_NAME, 0) as transaction:
            pool = Pool()
            Email = pool.get('connector.email')
            Company = pool.get('company.company')
            company, = Company.search([('party.name', '=', "Atelier SaaS")])
            email, = Email.create([{'company': company.id,
                        'to': 'stuck@example.com', 'subject': "Stuck"}])
            table = Email.__table__()
            cursor = transaction.connection.cursor()
            cursor.execute(*table.update([table.create_date],
                    [dt.datetime.now() - dt.timedelta(hours=2)],
                    where=table.id == email.id))
            transaction.commit()
        try:
            response = self.client().get(f'/{DB_NAME}/health')
            self.assertEqual(response.status_code, 503)
            self.assertEqual(
                json.loads(response.text)['checks']['outbox']['status'],
                'fail')
        finally:
            with Transaction().start(DB_NAME, 0) as transaction:
                Email = Pool().get('connector.email')
                Email.delete(Email.search([('to', '=', 'stuck@example.com')]))
                transaction.commit()
