# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The portal's pages over HTTP, with a second workshop and its client."""
import html
import re
from urllib.parse import parse_qs, urlsplit

from trytond.modules.company.tests import create_company, set_company
from trytond.pool import Pool
from trytond.tests.test_tryton import DB_NAME, RouteTestCase
from trytond.transaction import Transaction

PASSWORD = 'portail-2026'
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class PortalRouteTestCase(RouteTestCase):
    "Portal login, CSRF, language, password reset and tenant isolation"
    module = 'saas_portal'
    language = 'fr'

    @classmethod
    def setUpDatabase(cls):
        pool = Pool()
        Party = pool.get('party.party')
        WebUser = pool.get('web.user')
        Lang = pool.get('ir.lang')
        Lang.write(Lang.search([('code', 'in', ['fr', 'en'])]),
            {'translatable': True})
        Document = pool.get('saas.consent.document')
        for name, client, email in [
                ("Thermolaquage Durand", "Garage Léa Garnier",
                    'lea@garnier.example'),
                ("Époxy Services Martin", "Carrosserie Hugo Lambert",
                    'hugo@lambert.example'),
                ("Peinture Roche", "Atelier Nina Roche",
                    'nina@roche.example'),
                ]:
            company = create_company(name=name)
            with set_company(company):
                party, = Party.create([{'name': client}])
                WebUser.create([{
                            'email': email,
                            'party': party.id,
                            'password': PASSWORD,
                            }])
                if name == "Peinture Roche":
                    Document.create([{
                                'name': "Conditions générales de vente",
                                'kind': 'terms',
                                'text': "Article 1 : les pièces...",
                                }])

    def url(self, path='', workshop='thermolaquage-durand'):
        return f'/{DB_NAME}/portal/{workshop}/{path}'

    def csrf(self, client, path='login', workshop='thermolaquage-durand'):
        "Open a form page like a browser does; return its CSRF token."
        response = client.get(self.url(path, workshop))
        self.assertEqual(response.status_code, 200)
        return CSRF.search(response.text).group(1)

    def login(self, client, email='lea@garnier.example', password=PASSWORD,
            workshop='thermolaquage-durand'):
        token = self.csrf(client, 'login', workshop)
        return client.post(self.url('login', workshop), data={
                'csrf_token': token, 'email': email, 'password': password})

    def cookie(self, response, name):
        for header in response.headers.getlist('Set-Cookie'):
            if header.startswith(name + '='):
                return header
        return None

    def test_login_page_french_with_english_switch(self):
        "The sign-in page is in French by default, English on request"
        client = self.client()
        response = client.get(self.url('login'))
        self.assertEqual(response.status_code, 200)
        self.assertIn('<html lang="fr"', response.text)
        self.assertIn('Se connecter', response.text)
        self.assertIn('Thermolaquage Durand', response.text)
        self.assertIn("default-src 'self'",
            response.headers['Content-Security-Policy'])
        csrf_cookie = self.cookie(response, 'atelier_csrf')
        self.assertIn('HttpOnly', csrf_cookie)
        self.assertIn('SameSite=Lax', csrf_cookie)

        response = client.get(self.url('login') + '?lang=en')
        self.assertIn('Sign in', response.text)
        self.assertIn('atelier_lang=en', self.cookie(response, 'atelier_lang'))
        # The choice is remembered.
        response = client.get(self.url('login'))
        self.assertIn('<html lang="en"', response.text)

    def test_login_documents_logout(self):
        "A client signs in, sees their (empty) documents, signs out"
        client = self.client()
        response = self.login(client)
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.location.endswith(self.url('documents')))
        session = self.cookie(response, 'atelier_portal')
        for flag in ['HttpOnly', 'SameSite=Lax',
                f'Path={self.url()}']:
            self.assertIn(flag, session)
        self.assertNotIn('Secure', session)

        response = client.get(self.url('documents'))
        self.assertEqual(response.status_code, 200)
        self.assertIn('Mes documents', response.text)
        self.assertIn('Garage Léa Garnier', response.text)
        self.assertIn('Aucun document pour le moment', response.text)

        token = CSRF.search(response.text).group(1)
        response = client.post(self.url('logout'), data={'csrf_token': token})
        self.assertEqual(response.status_code, 303)
        response = client.get(self.url('documents'))
        self.assertEqual(response.status_code, 303)
        self.assertIn('/login', response.location)

    def test_secure_cookie_over_https(self):
        "Behind HTTPS the session cookie is Secure"
        client = self.client()
        response = client.get(self.url('login'), base_url='https://localhost')
        token = CSRF.search(response.text).group(1)
        response = client.post(self.url('login'), data={
                'csrf_token': token, 'email': 'lea@garnier.example',
                'password': PASSWORD}, base_url='https://localhost')
        self.assertEqual(response.status_code, 303)
        self.assertIn('Secure', self.cookie(response, 'atelier_portal'))

    def test_login_refused(self):
        "A wrong password gives a clear message and no session"
        client = self.client()
        response = self.login(client, password='wrong')
        self.assertEqual(response.status_code, 401)
        self.assertIn('Adresse e-mail ou mot de passe incorrect',
            response.text)
        self.assertIsNone(self.cookie(response, 'atelier_portal'))

    def test_csrf_refused(self):
        "A form posted without its token is refused and changes nothing"
        client = self.client()
        client.get(self.url('login'))
        for data in [{}, {'csrf_token': 'forged'}]:
            data.update(email='lea@garnier.example', password=PASSWORD)
            response = client.post(self.url('login'), data=data)
            self.assertEqual(response.status_code, 403)
            self.assertIn('Formulaire expiré', response.text)
            self.assertIsNone(self.cookie(response, 'atelier_portal'))
        # Signed in, a sign-out posted from elsewhere keeps the session.
        self.login(client)
        response = client.post(self.url('logout'), data={})
        self.assertEqual(response.status_code, 403)
        self.assertEqual(client.get(self.url('documents')).status_code, 200)

    def test_rate_limit(self):
        "After 5 failures the account is refused, even the right password"
        client = self.client()
        email = 'rate@garnier.example'
        self._create_client(email)
        for _ in range(5):
            self.assertEqual(
                self.login(client, email=email, password='bad').status_code,
                401)
        response = self.login(client, email=email)
        self.assertEqual(response.status_code, 429)
        self.assertIn('Trop de tentatives', response.text)
        self.assertIsNone(self.cookie(response, 'atelier_portal'))

    def _create_client(self, email, workshop="Thermolaquage Durand"):
        with Transaction().start(DB_NAME, 0) as transaction:
            pool = Pool()
            Company = pool.get('company.company')
            Party = pool.get('party.party')
            WebUser = pool.get('web.user')
            company, = Company.search([('party.name', '=', workshop)])
            with transaction.set_context(company=company.id):
                party, = Party.create([{'name': email}])
                WebUser.create([{
                            'email': email, 'party': party.id,
                            'password': PASSWORD}])
            transaction.commit()

    def test_second_workshop_client_sees_nothing(self):
        "Martin's client cannot sign in at Durand nor reuse their session"
        client = self.client()
        response = self.login(client, email='hugo@lambert.example')
        self.assertEqual(response.status_code, 401)

        martin = self.client()
        response = self.login(martin, email='hugo@lambert.example',
            workshop='epoxy-services-martin')
        self.assertEqual(response.status_code, 303)
        response = martin.get(self.url('documents', 'epoxy-services-martin'))
        self.assertIn('Carrosserie Hugo Lambert', response.text)
        self.assertNotIn('Garage Léa Garnier', response.text)

        # The same session key sent to Durand's portal opens nothing.
        session = martin.get_cookie(
            'atelier_portal', path=self.url('', 'epoxy-services-martin'))
        intruder = self.client()
        intruder.set_cookie('atelier_portal', session.value,
            path=self.url())
        response = intruder.get(self.url('documents'))
        self.assertEqual(response.status_code, 303)
        self.assertIn('/login', response.location)

    def test_unknown_workshop(self):
        "An address that names no workshop is not found"
        response = self.client().get(self.url('login', 'atelier-inconnu'))
        self.assertEqual(response.status_code, 404)

    def test_password_reset(self):
        """A client asks for a link, gets it by email through the outbox,
        chooses a password once, and signs in with it"""
        client = self.client()
        email = 'reset@garnier.example'
        self._create_client(email)
        token = self.csrf(client, 'password/forgotten')
        response = client.post(self.url('password/forgotten'), data={
                'csrf_token': token, 'email': email})
        self.assertEqual(response.status_code, 303)
        # The same answer for an unknown address.
        unknown = client.post(self.url('password/forgotten'), data={
                'csrf_token': token, 'email': 'nobody@example.com'})
        self.assertEqual(unknown.location, response.location)

        with Transaction().start(DB_NAME, 0):
            Email = Pool().get('connector.email')
            emails = Email.search([('to', '=', email)])
            self.assertEqual(len(emails), 1)
            body = emails[0].get_message().get_body(
                preferencelist=('html',)).get_content()
            self.assertEqual(
                Email.search([('to', '=', 'nobody@example.com')]), [])
        link = re.search(r'href="([^"]*/password\?[^"]+)"', body).group(1)
        link = link.replace('&amp;', '&')
        parts = urlsplit(link)
        self.assertEqual(parts.path, self.url('password'))
        params = {k: v[0] for k, v in parse_qs(parts.query).items()}

        response = client.get(parts.path + '?' + parts.query)
        token = CSRF.search(response.text).group(1)
        data = dict(params, csrf_token=token, password='nouveau-2026',
            confirmation='autre-chose')
        response = client.post(self.url('password'), data=data)
        self.assertEqual(response.status_code, 400)
        self.assertIn('Les deux mots de passe sont différents', response.text)

        data['confirmation'] = data['password']
        response = client.post(self.url('password'), data=data)
        self.assertEqual(response.status_code, 303)
        self.assertEqual(
            self.login(client, email=email, password='nouveau-2026')
            .status_code, 303)
        # The link is used once.
        response = client.get(parts.path + '?' + parts.query)
        data['csrf_token'] = CSRF.search(response.text).group(1)
        response = client.post(self.url('password'), data=data)
        self.assertEqual(response.status_code, 400)
        self.assertIn("Ce lien n'est plus valable",
            html.unescape(response.text))

    def test_consents_asked_and_asked_again(self):
        """A client accepts the workshop's terms before anything else, and
        again when the workshop publishes a new version"""
        client = self.client()
        workshop = 'peinture-roche'
        response = self.login(client, email='nina@roche.example',
            workshop=workshop)
        response = client.get(self.url('documents', workshop))
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.location.endswith('/consents'))
        response = client.get(self.url('consents', workshop))
        self.assertIn('Conditions générales de vente', response.text)
        token = CSRF.search(response.text).group(1)

        def consents():
            with Transaction().start(DB_NAME, 0):
                Consent = Pool().get('saas.consent')
                return [(c.document.name, c.version, c.channel, c.ip_address)
                    for c in Consent.search([
                            ('party.name', '=', "Atelier Nina Roche")])]

        # Not ticked: refused, nothing recorded.
        response = client.post(self.url('consents', workshop),
            data={'csrf_token': token})
        self.assertEqual(response.status_code, 400)
        self.assertIn('Cochez chaque document', response.text)
        self.assertEqual(consents(), [])

        with Transaction().start(DB_NAME, 0):
            Document = Pool().get('saas.consent.document')
            document, = Document.search([
                    ('name', '=', "Conditions générales de vente")])
            document_id = document.id
        response = client.post(self.url('consents', workshop),
            data={'csrf_token': token, 'document': str(document_id)},
            environ_base={'REMOTE_ADDR': '192.0.2.10'})
        self.assertEqual(response.status_code, 303)
        self.assertEqual(consents(), [
                ("Conditions générales de vente", 1, 'portal', '192.0.2.10')])
        self.assertEqual(
            client.get(self.url('documents', workshop)).status_code, 200)

        with Transaction().start(DB_NAME, 0) as transaction:
            Document = Pool().get('saas.consent.document')
            Document.new_version([Document(document_id)])
            transaction.commit()
        response = client.get(self.url('documents', workshop))
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.location.endswith('/consents'))
