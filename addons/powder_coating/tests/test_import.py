# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
import unittest

from trytond.modules.company.tests import create_company, set_company
from trytond.modules.powder_coating.tests.test_module import create_powder
from trytond.pool import Pool
from trytond.tests.test_tryton import (
    activate_module, drop_db, with_transaction)


def run_import(wizard_name, data, invite=False):
    "Preview then import `data`; return the preview lines."
    pool = Pool()
    Wizard = pool.get(wizard_name, type='wizard')
    Start = pool.get('powder_coating.import.start')
    session_id, _, _ = Wizard.create()
    wizard = Wizard(session_id)
    wizard.start = Start(file=data, invite=invite)
    preview = wizard.default_preview(None)
    wizard.transition_import_()
    return preview


class ImportTestCase(unittest.TestCase):
    "Importing clients and powders from CSV"
    # The module's generic checks (views, access, depends...) run once,
    # in test_module; this class only needs the module activated.

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        drop_db()
        activate_module('powder_coating')

    @with_transaction()
    def test_client_import_preview_and_duplicates(self):
        """Errors and duplicates are shown and skipped; only new valid
        clients are created, in the current workshop"""
        pool = Pool()
        Party = pool.get('party.party')
        WebUser = pool.get('web.user')
        company = create_company()
        with set_company(company):
            Party.create([{'name': "Garage Dupont",
                        'contact_mechanisms': [('create', [
                                    {'type': 'email',
                                        'value': 'contact@dupont.example'}])],
                        }])
            data = (
                "nom;email;téléphone;type\n"
                "Garage Dupont SARL;CONTACT@dupont.example;;pro\n"
                "Carrosserie Lumière;atelier@lumiere.example;04 78 00 00 00;"
                "pro\n"
                ";nobody@example.com;;\n").encode()
            preview = run_import('powder_coating.client.import', data,
                invite=True)
            self.assertEqual([(l['line'], l['status'])
                    for l in preview['lines']],
                [(2, 'duplicate'), (3, 'new'), (4, 'error')])
            self.assertIn('1', preview['summary'])
            created, = Party.search([('name', '=', "Carrosserie Lumière")])
            self.assertEqual(created.company, company)
            self.assertEqual(created.client_kind, 'professional')
            self.assertEqual(created.email, 'atelier@lumiere.example')
            self.assertEqual(Party.search([('name', '=', "Garage Dupont SARL")]),
                [])
            invited, = WebUser.search([('party', '=', created.id)])
            self.assertTrue(invited.reset_password_token)
            Email = pool.get('connector.email')
            email, = Email.search([('to', '=', 'atelier@lumiere.example')])
            self.assertTrue(email.confidential)
            html = email.get_message().get_body(
                preferencelist=('html',)).get_content()
            self.assertIn('uses a new management and invoicing system', html)
            self.assertIn('/password?', html)

    @with_transaction()
    def test_powder_import(self):
        "Competitor powders: per-line errors, existing ones skipped"
        pool = Pool()
        Powder = pool.get('powder_coating.powder')
        company = create_company()
        with set_company(company):
            create_powder(brand="Axalta", reference='AX-7016-B')
            data = (
                "marque;référence;type;ral;finition;prix/kg\n"
                "Axalta;AX-7016-B;polyester;7016;brillant;15\n"
                "Axalta;AX-9010-M;polyester;9010;mat;16,90\n"
                "Tiger;T-9;polyester;9999;mat;12\n").encode()
            preview = run_import('powder_coating.powder.import', data)
            self.assertEqual([l['status'] for l in preview['lines']],
                ['duplicate', 'new', 'error'])
            self.assertIn('9999', preview['lines'][2]['message'])
            powder, = Powder.search([('reference', '=', 'AX-9010-M')])
            self.assertEqual(powder.ral.code, 'RAL 9010')
            self.assertEqual(powder.finish, 'matt')
            self.assertEqual(Powder.search([('reference', '=', 'T-9')]), [])

