# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The client's invoices in their space over HTTP: listed with their
documents and on their project, opened as PDF; a draft, another client's
and another workshop's invoice are 404 whatever id is tried."""
import re

from trytond.modules.account_fr_export.tests.tools import (
    create_client, create_workshop)
from trytond.modules.company.tests import set_company
from trytond.modules.saas_portal.tests.test_module import PNG
from trytond.pool import Pool
from trytond.tests.test_tryton import DB_NAME, RouteTestCase
from trytond.transaction import Transaction, TransactionError

PASSWORD = 'portail-2026'
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
WORKSHOPS = [
    ("Thermolaquage Durand", '73282932000017', 'durand'),
    ("Époxy Services Martin", '55208131700018', 'martin'),
    ]


class PortalInvoicesTestCase(RouteTestCase):
    "The client's invoices in the portal, with a second workshop"
    module = 'account_fr_export'
    extras = ['powder_coating']

    @classmethod
    def setUpClass(cls):
        # RouteTestCase's, retried when the account configuration asks to
        # lock its table (as with_transaction does).
        super(RouteTestCase, cls).setUpClass()
        extras = {}
        while True:
            try:
                with Transaction().start(DB_NAME, 1, **extras):
                    cls.setUpDatabase()
                break
            except TransactionError as error:
                error.fix(extras)

    @classmethod
    def setUpDatabase(cls):
        pool = Pool()
        Quote = pool.get('powder_coating.quote')
        Signature = pool.get('powder_coating.quote.signature')
        Invoice = pool.get('account.invoice')
        Configuration = pool.get('powder_coating.configuration')
        WebUser = pool.get('web.user')
        from trytond.modules.powder_coating.tests.test_module import (
            create_powder)
        for name, siret, key in WORKSHOPS:
            company = create_workshop(name=name, siret=siret)
            with set_company(company):
                settings = Configuration.get(company, create=True)
                settings.deposit_method = 'percentage'
                settings.deposit_percentage = 30
                settings.save()
                client = create_client(company, siren='443061841')
                quote, = Quote.create([{
                            'party': client.id,
                            'lines': [('create', [{
                                            'description': "Jantes 17 pouces",
                                            'quantity': 4,
                                            'surface_mode': 'dimensions',
                                            'length': 430,
                                            'width': 430,
                                            'faces': 2,
                                            'powder': create_powder().id,
                                            'coats': 1,
                                            'labour_minutes': 30,
                                            }])],
                            }])
                Quote.send([quote])
                Signature.sign(quote, "Jean Dupont", PNG, 'back_office')
                deposit, = Quote.invoice_deposit([quote])
                Invoice.post([deposit])
                # A balance invoice still in draft: not issued, not shown.
                Quote.invoice_balance([quote])
                WebUser.create([{
                            'email': f'client@{key}.example',
                            'party': client.id,
                            'password': PASSWORD,
                            }])

    def ids(self, key):
        "(company slug, posted invoice, draft invoice, project) ids."
        with Transaction().start(DB_NAME, 0):
            pool = Pool()
            Invoice = pool.get('account.invoice')
            Company = pool.get('company.company')
            name = {k: n for n, _, k in WORKSHOPS}[key]
            company, = Company.search([('party.name', '=', name)])
            posted, = Invoice.search([
                    ('company', '=', company.id), ('state', '=', 'posted')])
            draft, = Invoice.search([
                    ('company', '=', company.id), ('state', '=', 'draft')])
            return (company.portal_slug, posted.id, draft.id,
                posted.coating_project.id, posted.number)

    def login(self, slug, key):
        client = self.client()
        url = f'/{DB_NAME}/portal/{slug}/login'
        token = CSRF.search(client.get(url).text).group(1)
        response = client.post(url, data={
                'csrf_token': token, 'email': f'client@{key}.example',
                'password': PASSWORD})
        self.assertEqual(response.status_code, 303)
        return client

    def test_client_opens_own_invoices_only(self):
        "The client lists and opens their issued invoices, nothing else"
        slug, posted, draft, project, number = self.ids('durand')
        other_slug, other_posted, _, _, _ = self.ids('martin')
        base = f'/{DB_NAME}/portal/{slug}/'
        anonymous = self.client()
        response = anonymous.get(base + f'invoices/{posted}.pdf')
        self.assertEqual(response.status_code, 303)
        self.assertIn("login", response.location)

        client = self.login(slug, 'durand')
        documents = client.get(base + 'documents')
        self.assertEqual(documents.status_code, 200)
        self.assertIn(number, documents.text)
        self.assertIn(f'invoices/{posted}.pdf', documents.text)
        self.assertNotIn(f'invoices/{draft}.pdf', documents.text)
        page = client.get(base + f'projects/{project}')
        self.assertEqual(page.status_code, 200)
        self.assertIn(f'invoices/{posted}.pdf', page.text)

        pdf = client.get(base + f'invoices/{posted}.pdf')
        self.assertEqual(pdf.status_code, 200)
        self.assertEqual(pdf.headers['Content-Type'], 'application/pdf')
        self.assertTrue(pdf.data.startswith(b'%PDF'))
        for invoice in [draft, other_posted, 999999]:
            with self.subTest(invoice=invoice):
                self.assertEqual(
                    client.get(base + f'invoices/{invoice}.pdf').status_code,
                    404)
        # The other workshop's client sees their own, not this one.
        other = self.login(other_slug, 'martin')
        other_base = f'/{DB_NAME}/portal/{other_slug}/'
        self.assertEqual(
            other.get(other_base + f'invoices/{posted}.pdf').status_code, 404)
        self.assertEqual(
            other.get(other_base + f'invoices/{other_posted}.pdf')
            .status_code, 200)
