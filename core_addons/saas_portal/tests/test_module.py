# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
import unittest

from trytond.model.exceptions import ValidationError
from trytond.modules.company.tests import (
    CompanyTestMixin, create_company, set_company)
from trytond.modules.saas_portal.branding import (
    contrast_ratio, image_type, readable_colour, slugify, text_colour,
    valid_colour, valid_slug)
from trytond.modules.saas_portal.security import (
    choose_language, cookie_options, csrf_valid)
from trytond.pool import Pool
from trytond.tests.test_tryton import ModuleTestCase, with_transaction

PNG = (b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00'
    b'\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc'
    b'\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`'
    b'\x82')


class BrandingTestCase(unittest.TestCase):
    "Portal address, colours and logo checks"

    def test_slugify(self):
        "A workshop name gives a readable address without accents"
        self.assertEqual(
            slugify("Époxy Services Martin"), 'epoxy-services-martin')
        self.assertEqual(
            slugify("  Thermolaquage  Durand & Fils "),
            'thermolaquage-durand-fils')
        self.assertEqual(slugify("***"), '')

    def test_valid_slug(self):
        self.assertTrue(valid_slug('thermolaquage-durand'))
        for slug in ['Durand', 'durand--lyon', '-durand', 'durand lyon',
                'dur/and', '']:
            with self.subTest(slug=slug):
                self.assertFalse(valid_slug(slug))

    def test_colours(self):
        "Colours are #rrggbb; text on them stays readable (WCAG AA)"
        self.assertTrue(valid_colour('#1e40af'))
        self.assertFalse(valid_colour('blue'))
        self.assertFalse(valid_colour('#12345'))
        for background in ['#1e40af', '#f59e0b', '#ffffff', '#000000',
                '#15803d', '#fde047']:
            with self.subTest(background=background):
                self.assertGreaterEqual(contrast_ratio(
                        background, text_colour(background)), 4.5)
        # A mid grey reaches AA with neither: readable_colour says so.
        self.assertFalse(readable_colour('#777777'))
        self.assertTrue(readable_colour('#1e40af'))

    def test_image_type(self):
        "A logo is judged by its content, and SVG with script is refused"
        self.assertEqual(image_type(PNG), 'image/png')
        self.assertEqual(image_type(b'\xff\xd8\xff\xe0rest'), 'image/jpeg')
        self.assertEqual(
            image_type(b'<svg xmlns="http://www.w3.org/2000/svg"/>'),
            'image/svg+xml')
        self.assertIsNone(image_type(b'<svg><script>alert(1)</script></svg>'))
        self.assertIsNone(image_type(b'%PDF-1.7'))
        self.assertIsNone(image_type(None))


class SecurityTestCase(unittest.TestCase):
    "Cookies, CSRF and language of the portal"

    def test_csrf_valid(self):
        self.assertTrue(csrf_valid('abc123', 'abc123'))
        self.assertFalse(csrf_valid('abc123', 'abc124'))
        self.assertFalse(csrf_valid('abc123', None))
        self.assertFalse(csrf_valid(None, None))
        self.assertFalse(csrf_valid('', ''))

    def test_cookie_options(self):
        "Cookies are HttpOnly, SameSite=Lax, Secure when served over HTTPS"
        options = cookie_options(True, path='/demo/portal/durand/')
        self.assertEqual(
            (options['httponly'], options['samesite'], options['secure']),
            (True, 'Lax', True))
        self.assertFalse(cookie_options(False)['secure'])

    def test_choose_language(self):
        "French by default, English on request, remembered by cookie"
        self.assertEqual(choose_language(None, None), 'fr')
        self.assertEqual(choose_language('en', None), 'en')
        self.assertEqual(choose_language(None, 'en'), 'en')
        self.assertEqual(choose_language('fr', 'en'), 'fr')
        self.assertEqual(choose_language('de', None), 'fr')


class SaasPortalTestCase(CompanyTestMixin, ModuleTestCase):
    "Test saas_portal module"
    module = 'saas_portal'

    @with_transaction()
    def test_company_slug_default(self):
        "A new workshop gets its portal address from its name, unique"
        company1 = create_company(name="Thermolaquage Durand")
        company2 = create_company(name="Thermolaquage Durand")
        self.assertEqual(company1.portal_slug, 'thermolaquage-durand')
        self.assertEqual(company2.portal_slug, 'thermolaquage-durand-2')
        self.assertTrue(company1.portal_url.endswith(
                '/portal/thermolaquage-durand/'))

    @with_transaction()
    def test_company_branding_validation(self):
        "A wrong address, colour or logo is refused with the field named"
        company = create_company(name="Durand")
        Company = Pool().get('company.company')
        for values in [
                {'portal_slug': 'Durand Lyon'},
                {'portal_primary_colour': 'blue'},
                {'portal_primary_colour': '#777777'},
                {'portal_logo': b'%PDF-1.7 not an image'},
                ]:
            with self.subTest(values=values):
                with self.assertRaises(ValidationError):
                    Company.write([company], values)
        Company.write([company], {
                'portal_slug': 'durand-lyon',
                'portal_primary_colour': '#15803d',
                'portal_logo': PNG,
                })
        self.assertEqual(company.portal_slug, 'durand-lyon')

    @with_transaction()
    def test_web_user_party_of_workshop(self):
        "A client account is for a party of its own workshop"
        pool = Pool()
        Party = pool.get('party.party')
        WebUser = pool.get('web.user')
        company1 = create_company(name="Durand")
        company2 = create_company(name="Martin")
        with set_company(company2):
            party2, = Party.create([{'name': "Client Martin"}])
        with set_company(company1):
            with self.assertRaises(ValidationError):
                WebUser.create([{
                            'email': 'client@example.com',
                            'party': party2.id,
                            'company': company1.id,
                            }])

    @with_transaction()
    def test_same_email_two_workshops(self):
        "One person may be the client of two workshops with one email"
        pool = Pool()
        Party = pool.get('party.party')
        WebUser = pool.get('web.user')
        users = []
        for name in ["Durand", "Martin"]:
            company = create_company(name=name)
            with set_company(company):
                party, = Party.create([{'name': "Léa Garnier"}])
                users += WebUser.create([{
                            'email': 'Lea@Example.com',
                            'party': party.id,
                            'password': 'secret-1234',
                            }])
        self.assertEqual([u.email for u in users], ['lea@example.com'] * 2)
        self.assertEqual(
            WebUser.portal_authenticate(
                users[1].company, 'lea@example.com', 'secret-1234'),
            users[1])


del ModuleTestCase
