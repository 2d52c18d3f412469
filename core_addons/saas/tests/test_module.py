# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
from trytond.modules.company.tests import CompanyTestMixin
from trytond.tests.test_tryton import ModuleTestCase


class SaasTestCase(CompanyTestMixin, ModuleTestCase):
    "Test Saas module"
    module = 'saas'


del ModuleTestCase
