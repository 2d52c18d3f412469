# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""A client finds their quotes in the portal; nobody else's."""
import re

from trytond.modules.company.tests import create_company, set_company
from trytond.modules.powder_coating.tests.test_module import (
    create_powder, create_quote)
from trytond.pool import Pool
from trytond.tests.test_tryton import DB_NAME, RouteTestCase
from trytond.transaction import Transaction

PASSWORD = 'portail-2026'
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class PowderCoatingPortalTestCase(RouteTestCase):
    "Quotes in the client portal, with a second workshop and client"
    module = 'powder_coating'

    @classmethod
    def setUpDatabase(cls):
        pool = Pool()
        Quote = pool.get('powder_coating.quote')
        WebUser = pool.get('web.user')
        for name, email in [
                ("Thermolaquage Durand", 'lea@garnier.example'),
                ("Époxy Services Martin", 'hugo@lambert.example')]:
            company = create_company(name=name)
            with set_company(company):
                powder = create_powder()
                sent = create_quote(company, powder)
                Quote.send([sent])
                create_quote(company, powder)  # a draft
                # A project ready for the client, another still in work.
                Project = pool.get('powder_coating.project')
                ready, waiting = Project.create([
                        {'company': company.id, 'number': 'PRJ-R',
                            'party': sent.party.id},
                        {'company': company.id, 'number': 'PRJ-W',
                            'party': sent.party.id},
                        ])
                Project.write([ready], {'state': 'ready'})
                WebUser.create([{
                            'email': email,
                            'party': sent.party.id,
                            'password': PASSWORD,
                            }])

    def url(self, path='', workshop='thermolaquage-durand'):
        return f'/{DB_NAME}/portal/{workshop}/{path}'

    def login(self, email, workshop):
        client = self.client()
        page = client.get(self.url('login', workshop))
        token = CSRF.search(page.text).group(1)
        response = client.post(self.url('login', workshop), data={
                'csrf_token': token, 'email': email, 'password': PASSWORD})
        self.assertEqual(response.status_code, 303)
        return client

    def quote_ids(self, company_name):
        with Transaction().start(DB_NAME, 0):
            Quote = Pool().get('powder_coating.quote')
            quotes = Quote.search([('company.party.name', '=', company_name)])
            return {q.state: q.id for q in quotes}

    def test_client_sees_sent_quote_and_downloads_it(self):
        "The sent quote is listed with its PDF; the draft is not"
        client = self.login('lea@garnier.example', 'thermolaquage-durand')
        ids = self.quote_ids("Thermolaquage Durand")
        page = client.get(self.url('documents'))
        self.assertEqual(page.status_code, 200)
        self.assertIn(f'quotes/{ids["sent"]}.pdf', page.text)
        self.assertNotIn(f'quotes/{ids["draft"]}.pdf', page.text)
        response = client.get(self.url(f'quotes/{ids["sent"]}.pdf'))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.mimetype, 'application/pdf')
        self.assertTrue(response.data.startswith(b'%PDF'))
        # A draft quote is not the client's yet.
        response = client.get(self.url(f'quotes/{ids["draft"]}.pdf'))
        self.assertEqual(response.status_code, 404)

    def project_ids(self, company_name):
        with Transaction().start(DB_NAME, 0):
            Project = Pool().get('powder_coating.project')
            projects = Project.search([
                    ('company.party.name', '=', company_name)])
            return {p.number: p.id for p in projects}

    def test_client_downloads_final_report_of_ready_project(self):
        "A ready project's final report is listed; one in work is not"
        client = self.login('lea@garnier.example', 'thermolaquage-durand')
        ids = self.project_ids("Thermolaquage Durand")
        page = client.get(self.url('documents'))
        self.assertIn(f'projects/{ids["PRJ-R"]}.pdf', page.text)
        self.assertNotIn(f'projects/{ids["PRJ-W"]}.pdf', page.text)
        response = client.get(self.url(f'projects/{ids["PRJ-R"]}.pdf'))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.data.startswith(b'%PDF'))
        response = client.get(self.url(f'projects/{ids["PRJ-W"]}.pdf'))
        self.assertEqual(response.status_code, 404)
        martin = self.login('hugo@lambert.example', 'epoxy-services-martin')
        for workshop in ['thermolaquage-durand', 'epoxy-services-martin']:
            response = martin.get(
                self.url(f'projects/{ids["PRJ-R"]}.pdf', workshop))
            self.assertIn(response.status_code, {303, 404})
            self.assertFalse(response.data.startswith(b'%PDF'))

    def test_other_workshop_client_gets_nothing(self):
        "Martin's client asks for Durand's quote by its id: not found"
        durand = self.quote_ids("Thermolaquage Durand")
        martin = self.login('hugo@lambert.example', 'epoxy-services-martin')
        for path in [self.url(f'quotes/{durand["sent"]}.pdf'),
                self.url(f'quotes/{durand["sent"]}.pdf',
                    'epoxy-services-martin')]:
            response = martin.get(path)
            self.assertIn(response.status_code, {303, 404}, path)
            self.assertFalse(response.data.startswith(b'%PDF'))
        page = martin.get(self.url('documents', 'epoxy-services-martin'))
        self.assertNotIn(f'quotes/{durand["sent"]}.pdf', page.text)

    def test_anonymous_gets_nothing(self):
        ids = self.quote_ids("Thermolaquage Durand")
        response = self.client().get(self.url(f'quotes/{ids["sent"]}.pdf'))
        self.assertEqual(response.status_code, 303)
        self.assertIn('/login', response.location)
