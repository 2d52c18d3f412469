# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The client's space over HTTP: projects, photos, signing a quote, the
pickup; a second client of the same workshop and a client of a second
workshop get nothing, whatever ids they try."""
import datetime as dt
import io
import re
import unittest

from trytond.modules.company.tests import create_company, set_company
from trytond.modules.powder_coating.portal_project import (
    photo_level, step_timeline)
from trytond.modules.powder_coating.project import normalise_pickup_code
from trytond.modules.powder_coating.tests.test_module import (
    create_powder, create_quote)
from trytond.pool import Pool
from trytond.tests.test_tryton import DB_NAME, RouteTestCase
from trytond.transaction import Transaction

PASSWORD = 'portail-2026'
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
DURAND, MARTIN = 'thermolaquage-durand', 'epoxy-services-martin'
WORKSHOPS = [
    ("Thermolaquage Durand", DURAND),
    ("Époxy Services Martin", MARTIN),
    ]


def image(kind='PNG', size=(300, 120), blank=False):
    "A signature (a stroke) or an empty canvas, as the browser sends it."
    from PIL import Image, ImageDraw
    picture = Image.new('RGBA', size, (0, 0, 0, 0))
    if not blank:
        ImageDraw.Draw(picture).line(
            [(20, 80), (120, 30), (200, 90), (280, 40)],
            fill=(15, 23, 42, 255), width=4)
    if kind == 'JPEG':
        picture = picture.convert('RGB')
    output = io.BytesIO()
    picture.save(output, kind)
    return output.getvalue()


def photo_jpeg():
    from PIL import Image
    output = io.BytesIO()
    Image.new('RGB', (640, 480), (120, 60, 30)).save(output, 'JPEG')
    return output.getvalue()


class PortalFunctionsTestCase(unittest.TestCase):
    "The computations behind the client's space"

    def test_photo_level(self):
        "High quality needs the workshop's setting and the consent"
        self.assertEqual(photo_level('high', True), 'high')
        self.assertEqual(photo_level('high', False), 'thumbnail')
        self.assertEqual(photo_level('thumbnail', True), 'thumbnail')
        self.assertEqual(photo_level('none', True), 'none')

    def test_step_timeline(self):
        "Steps done by every part, the current one, touch-up only if used"
        day = dt.datetime(2026, 3, 2, 9, 0)
        steps = [(1, "Réception", 'reception'), (2, "Sablage", 'preparation'),
            (3, "Poudrage", 'coating'), (4, "Retouche", 'touch_up'),
            (5, "Prêt", 'ready')]
        timeline = step_timeline(steps, {10: 3, 11: 2},
            [(10, 1, day), (11, 1, day + dt.timedelta(hours=1)),
                (10, 2, day + dt.timedelta(days=1))])
        self.assertEqual([(s['name'], s['status']) for s in timeline], [
                ("Réception", 'done'), ("Sablage", 'current'),
                ("Poudrage", 'current'), ("Prêt", 'todo')])
        self.assertEqual(timeline[0]['date'], day + dt.timedelta(hours=1))

    def test_pickup_code_as_typed(self):
        self.assertEqual(normalise_pickup_code(' k7p-4q2 '), 'K7P4Q2')


class PowderCoatingPortalRoutesTestCase(RouteTestCase):
    "The client's space, with a second client and a second workshop"
    module = 'powder_coating'

    @classmethod
    def setUpDatabase(cls):
        pool = Pool()
        Quote = pool.get('powder_coating.quote')
        Project = pool.get('powder_coating.project')
        Photo = pool.get('powder_coating.photo')
        Party = pool.get('party.party')
        Configuration = pool.get('powder_coating.configuration')
        WebUser = pool.get('web.user')
        for name, slug in WORKSHOPS:
            company = create_company(name=name)
            with set_company(company):
                settings = Configuration.get(company, create=True)
                settings.portal_photos = 'high'
                settings.save()
                powder = create_powder()
                quotes = [create_quote(company, powder) for _ in range(4)]
                party = quotes[0].party
                Quote.write(quotes[1:], {'party': party.id})
                Quote.send(quotes)
                # The last one is past its validity (the cron not run yet).
                Quote.write(quotes[-1:], {
                        'validity_date': dt.date.today()
                        - dt.timedelta(days=1)})
                Party.write([party], {'photo_consent': True})
                other, = Party.create([{'name': "Cycles Voisin"}])
                projects = Project.create([{
                            'company': company.id,
                            'number': f'PRJ-{slug[:3]}-{n}',
                            'party': (other if n == 'O' else party).id,
                            'parts': [('create', [{
                                            'description': "Portail",
                                            'quantity': 2,
                                            }])],
                            } for n in ['A', 'B', 'C', 'O']])
                Project.write(projects, {'state': 'ready'})
                Photo.add(projects[0], projects[0].parts[0], 'after',
                    photo_jpeg(), annotation="Teinte conforme")
                Photo.add(projects[0], projects[0].parts[0], 'defect',
                    photo_jpeg(), annotation="Piqûres")
                WebUser.create([{
                            'email': f'client@{slug}.example',
                            'party': party.id,
                            'password': PASSWORD,
                            }, {
                            'email': f'voisin@{slug}.example',
                            'party': other.id,
                            'password': PASSWORD,
                            }])

    def url(self, path='', workshop=DURAND):
        return f'/{DB_NAME}/portal/{workshop}/{path}'

    def login(self, who='client', workshop=DURAND):
        client = self.client()
        page = client.get(self.url('login', workshop))
        token = CSRF.search(page.text).group(1)
        response = client.post(self.url('login', workshop), data={
                'csrf_token': token, 'email': f'{who}@{workshop}.example',
                'password': PASSWORD})
        self.assertEqual(response.status_code, 303)
        # The space opens on the client's projects.
        self.assertTrue(response.location.endswith(f'/{workshop}/projects'))
        return client

    def token(self, client, path, workshop=DURAND):
        page = client.get(self.url(path, workshop))
        self.assertEqual(page.status_code, 200, path)
        return CSRF.search(page.text).group(1)

    def records(self, workshop=DURAND):
        "{name: id} of the workshop's quotes, projects and photos."
        with Transaction().start(DB_NAME, 0):
            pool = Pool()
            Quote = pool.get('powder_coating.quote')
            Project = pool.get('powder_coating.project')
            Photo = pool.get('powder_coating.photo')
            Company = pool.get('company.company')
            company, = Company.search([('portal_slug', '=', workshop)])
            quotes = Quote.search([('company', '=', company.id)],
                order=[('id', 'ASC')])
            projects = Project.search([('company', '=', company.id)])
            photos = Photo.search([('company', '=', company.id)])
            result = {f'quote{i}': q.id for i, q in enumerate(quotes)}
            result.update({p.number[-1]: p.id for p in projects
                    if p.number.startswith('PRJ-')})
            result.update({p.kind: p.id for p in photos})
            result['code'] = {p.id: p.pickup_code for p in projects}
            return result

    def read(self, model, record_id, *names):
        with Transaction().start(DB_NAME, 0):
            record = Pool().get(model)(record_id)
            return tuple(getattr(record, n) for n in names)

    def assertNothing(self, response, what=b''):
        "Not found (or sent to sign in), and no content of the record."
        self.assertIn(response.status_code, {303, 404})
        self.assertFalse(response.data.startswith(b'%PDF'))
        self.assertNotIn(b'RIFF', response.data[:4])
        if what:
            self.assertNotIn(what, response.data)

    def outsiders(self):
        "The other client of the workshop and the other workshop's client."
        return [
            (self.login('voisin', DURAND), DURAND),
            (self.login('client', MARTIN), MARTIN),
            ]

    def test_home_opens_projects_with_what_needs_attention(self):
        "After signing in the client lands on their projects, quotes first"
        client = self.login()
        ids = self.records()
        response = client.get(self.url())
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.location.endswith('/projects'))
        page = client.get(self.url('projects'))
        self.assertEqual(page.status_code, 200)
        self.assertIn(f'quotes/{ids["quote1"]}/sign', page.text)
        # The expired quote is not proposed.
        self.assertNotIn(f'quotes/{ids["quote3"]}/sign', page.text)
        self.assertIn(f'projects/{ids["A"]}#pickup', page.text)
        self.assertIn('PRJ-the-A', page.text)
        self.assertNotIn('PRJ-the-O', page.text)

    def test_project_page_shows_parts_steps_photos_documents(self):
        client = self.login()
        ids = self.records()
        page = client.get(self.url(f'projects/{ids["A"]}'))
        self.assertEqual(page.status_code, 200)
        self.assertIn('Portail', page.text)
        self.assertIn(f'photos/{ids["after"]}/large', page.text)
        # A defect photo is the workshop's record, not shown.
        self.assertNotIn(f'photos/{ids["defect"]}/', page.text)
        self.assertIn(f'projects/{ids["A"]}.pdf', page.text)
        page = client.get(self.url(f'projects/{ids["C"]}'))
        self.assertIn(f'projects/{ids["C"]}/pickup', page.text)

    def test_outsiders_get_no_project(self):
        "Another client, another workshop: every project id is 404"
        ids = self.records()
        for client, workshop in self.outsiders():
            page = client.get(self.url('projects', workshop))
            self.assertEqual(page.status_code, 200)
            self.assertNotIn('PRJ-the-A', page.text)
            for slug in [DURAND, MARTIN]:
                for path in [f'projects/{ids["A"]}',
                        f'projects/{ids["A"]}.pdf']:
                    self.assertNothing(client.get(self.url(path, slug)),
                        b'PRJ-the-A')
                response = client.post(
                    self.url(f'projects/{ids["A"]}/pickup', slug),
                    data={'csrf_token': self.token(client, 'projects',
                            workshop), 'kind': 'collected'})
                self.assertNothing(response)
        self.assertEqual(self.read('powder_coating.project', ids['A'],
                'state'), ('ready',))
        anonymous = self.client()
        response = anonymous.get(self.url(f'projects/{ids["A"]}'))
        self.assertEqual(response.status_code, 303)
        self.assertIn('/login', response.location)

    def test_photos_by_setting_consent_and_owner(self):
        ids = self.records()
        client = self.login()
        for size in ['thumbnail', 'large']:
            response = client.get(self.url(f'photos/{ids["after"]}/{size}'))
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response.mimetype, 'image/webp')
            self.assertEqual(response.data[8:12], b'WEBP')
        self.assertNothing(client.get(
                self.url(f'photos/{ids["defect"]}/thumbnail')))
        self.assertNothing(client.get(
                self.url(f'photos/{ids["after"]}/image')))
        for outsider, _ in self.outsiders():
            for slug in [DURAND, MARTIN]:
                for size in ['thumbnail', 'large']:
                    self.assertNothing(outsider.get(self.url(
                                f'photos/{ids["after"]}/{size}', slug)))
        self.assertNothing(self.client().get(
                self.url(f'photos/{ids["after"]}/thumbnail')))

    def test_photo_setting_and_consent_limit_quality(self):
        "Thumbnails only without consent or setting; nothing with 'none'"
        ids = self.records(MARTIN)
        client = self.login('client', MARTIN)

        def set_config(value):
            with Transaction().start(DB_NAME, 0) as transaction:
                pool = Pool()
                Configuration = pool.get('powder_coating.configuration')
                Company = pool.get('company.company')
                company, = Company.search([('portal_slug', '=', MARTIN)])
                settings = Configuration.get(company)
                settings.portal_photos = value
                settings.save()
                transaction.commit()
        thumbnail = self.url(f'photos/{ids["after"]}/thumbnail', MARTIN)
        large = self.url(f'photos/{ids["after"]}/large', MARTIN)
        try:
            set_config('thumbnail')
            self.assertEqual(client.get(thumbnail).status_code, 200)
            self.assertNothing(client.get(large))
            set_config('none')
            self.assertNothing(client.get(thumbnail))
            page = client.get(self.url(f'projects/{ids["A"]}', MARTIN))
            self.assertNotIn('photos/', page.text)
        finally:
            set_config('high')
        # The client withdraws their consent in their space.
        token = self.token(client, f'projects/{ids["A"]}', MARTIN)
        response = client.post(self.url('photo-consent', MARTIN),
            data={'project': str(ids['A'])})
        self.assertEqual(response.status_code, 403)
        self.assertEqual(client.get(large).status_code, 200)
        response = client.post(self.url('photo-consent', MARTIN), data={
                'csrf_token': token, 'project': str(ids['A'])})
        self.assertEqual(response.status_code, 303)
        self.assertNothing(client.get(large))
        self.assertEqual(client.get(thumbnail).status_code, 200)
        response = client.post(self.url('photo-consent', MARTIN), data={
                'csrf_token': token, 'consent': 'on',
                'project': str(ids['A'])},
            environ_base={'REMOTE_ADDR': '192.0.2.10'})
        self.assertEqual(client.get(large).status_code, 200)
        with Transaction().start(DB_NAME, 0):
            WebUser = Pool().get('web.user')
            user, = WebUser.search([
                    ('email', '=', f'client@{MARTIN}.example')])
            party = user.party
            self.assertTrue(party.photo_consent)
            self.assertTrue(party.photo_consent_date)
            self.assertEqual(party.photo_consent_ip, '192.0.2.10')

    def sign(self, client, quote_id, workshop=DURAND, **data):
        values = {
            'csrf_token': self.token(client, f'quotes/{quote_id}/sign',
                workshop),
            'signer': "Léa Garnier",
            'accept': 'on',
            }
        values.update(data)
        return client.post(self.url(f'quotes/{quote_id}/sign', workshop),
            data=values, content_type='multipart/form-data',
            environ_base={'REMOTE_ADDR': '192.0.2.10'})

    def signatures(self, quote_id):
        with Transaction().start(DB_NAME, 0):
            Signature = Pool().get('powder_coating.quote.signature')
            return [(s.channel, s.signer, s.ip_address, s.document_sha256)
                for s in Signature.search([('quote', '=', quote_id)])]

    def test_sign_drawn_signature(self):
        "Drawn on the screen: quote accepted, evidence kept, project open"
        import base64
        ids = self.records()
        client = self.login()
        page = client.get(self.url(f'quotes/{ids["quote0"]}/sign'))
        self.assertEqual(page.status_code, 200)
        # Totals incl. VAT, French formatting (the test currency is USD).
        self.assertTrue(re.search(r'>175,55\xa0', page.text))
        drawing = 'data:image/png;base64,' + base64.b64encode(
            image()).decode()
        # No CSRF token: refused, nothing signed.
        response = client.post(self.url(f'quotes/{ids["quote0"]}/sign'),
            data={'signer': "Léa", 'accept': 'on',
                'signature_data': drawing})
        self.assertEqual(response.status_code, 403)
        # An empty canvas, no name, "I accept" not ticked: refused.
        blank = 'data:image/png;base64,' + base64.b64encode(
            image(blank=True)).decode()
        for data in [{'signature_data': blank},
                {'signature_data': drawing, 'signer': ''},
                {'signature_data': drawing, 'accept': ''},
                {'signature_data': 'data:image/png;base64,!!!'}]:
            response = self.sign(client, ids['quote0'], **data)
            self.assertEqual(response.status_code, 400, data.keys())
            self.assertIn('alert', response.text)
        self.assertEqual(self.signatures(ids['quote0']), [])
        self.assertEqual(self.read('powder_coating.quote', ids['quote0'],
                'state'), ('sent',))
        response = self.sign(client, ids['quote0'],
            signature_data=drawing)
        self.assertEqual(response.status_code, 303)
        (channel, signer, ip, sha256), = self.signatures(ids['quote0'])
        self.assertEqual((channel, signer, ip),
            ('portal', "Léa Garnier", '192.0.2.10'))
        self.assertEqual(len(sha256), 64)
        state, project = self.read('powder_coating.quote', ids['quote0'],
            'state', 'project')
        self.assertEqual(state, 'accepted')
        self.assertIn(f'projects/{project.id}', response.location)
        page = client.get(response.location)
        self.assertEqual(page.status_code, 200)
        # The signed quote's PDF is the client's.
        response = client.get(self.url(f'quotes/{ids["quote0"]}.pdf'))
        self.assertTrue(response.data.startswith(b'%PDF'))
        # Signing twice: refused, still one signature.
        response = self.sign(client, ids['quote0'], signature_data=drawing)
        self.assertEqual(response.status_code, 409)
        self.assertEqual(len(self.signatures(ids['quote0'])), 1)

    def test_sign_uploaded_image_checked_by_content_and_size(self):
        ids = self.records()
        client = self.login()
        quote = ids['quote1']
        for name, data in [
                ('signature.png', b'not an image, only text'),
                ('signature.png', b'\x89PNG\r\n\x1a\n' + b'0' * (
                        2 * 1024 * 1024 + 10)),
                ]:
            response = self.sign(client, quote,
                signature_file=(io.BytesIO(data), name))
            self.assertIn(response.status_code, {400, 413})
            self.assertNotIn(b'%PDF', response.data)
        self.assertEqual(self.signatures(quote), [])
        response = self.sign(client, quote,
            signature_file=(io.BytesIO(image('JPEG')), 'signature.jpg'))
        self.assertEqual(response.status_code, 303)
        self.assertEqual(len(self.signatures(quote)), 1)

    def test_sign_expired_or_others_quote(self):
        "An expired quote, another's quote: a message or 404, nothing signed"
        import base64
        ids = self.records()
        drawing = 'data:image/png;base64,' + base64.b64encode(
            image()).decode()
        client = self.login()
        page = client.get(self.url(f'quotes/{ids["quote3"]}/sign'))
        self.assertEqual(page.status_code, 200)
        self.assertNotIn('signature_data', page.text)
        response = client.post(self.url(f'quotes/{ids["quote3"]}/sign'),
            data={'csrf_token': CSRF.search(page.text).group(1),
                'signer': "Léa", 'accept': 'on',
                'signature_data': drawing})
        self.assertEqual(response.status_code, 409)
        for outsider, workshop in self.outsiders():
            token = self.token(outsider, 'projects', workshop)
            for slug in [DURAND, MARTIN]:
                path = self.url(f'quotes/{ids["quote2"]}/sign', slug)
                self.assertNothing(outsider.get(path), b'Portail')
                self.assertNothing(outsider.post(path, data={
                            'csrf_token': token, 'signer': "X",
                            'accept': 'on', 'signature_data': drawing}))
        self.assertEqual(self.signatures(ids['quote2']), [])
        self.assertEqual(self.signatures(ids['quote3']), [])

    def test_pickup_with_code(self):
        ids = self.records()
        client = self.login()
        path = self.url(f'projects/{ids["A"]}/pickup')
        token = self.token(client, f'projects/{ids["A"]}')
        response = client.post(path, data={'method': 'code', 'code': 'X'})
        self.assertEqual(response.status_code, 403)
        response = client.post(path, data={'csrf_token': token,
                'method': 'code', 'code': 'AAAAAA'})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.read('powder_coating.project', ids['A'],
                'state'), ('ready',))
        code = ids['code'][ids['A']]
        response = client.post(path, data={'csrf_token': token,
                'method': 'code',
                'code': f' {code[:3].lower()}-{code[3:]} '})
        self.assertEqual(response.status_code, 303)
        state, closed = self.read('powder_coating.project', ids['A'],
            'state', 'closed_date')
        self.assertEqual(state, 'collected')
        self.assertTrue(closed)
        # Done once: a second confirmation changes nothing.
        response = client.post(path, data={'csrf_token': token,
                'kind': 'delivered'})
        self.assertEqual(response.status_code, 409)
        self.assertEqual(self.read('powder_coating.project', ids['A'],
                'state'), ('collected',))

    def test_pickup_button_delivered(self):
        ids = self.records()
        client = self.login()
        token = self.token(client, f'projects/{ids["B"]}')
        response = client.post(self.url(f'projects/{ids["B"]}/pickup'),
            data={'csrf_token': token, 'kind': 'delivered'})
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.read('powder_coating.project', ids['B'],
                'state'), ('delivered',))

    def test_pickup_code_attempts_limited(self):
        "After five wrong codes even the right one waits"
        ids = self.records(MARTIN)
        client = self.login('voisin', MARTIN)
        path = self.url(f'projects/{ids["O"]}/pickup', MARTIN)
        token = self.token(client, f'projects/{ids["O"]}', MARTIN)
        for _ in range(5):
            response = client.post(path, data={'csrf_token': token,
                    'method': 'code', 'code': 'WRONG1'})
            self.assertEqual(response.status_code, 400)
        response = client.post(path, data={'csrf_token': token,
                'method': 'code', 'code': ids['code'][ids['O']]})
        self.assertEqual(response.status_code, 429)
        self.assertEqual(self.read('powder_coating.project', ids['O'],
                'state'), ('ready',))
