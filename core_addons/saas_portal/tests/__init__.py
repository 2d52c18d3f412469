# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
# `python -m unittest trytond.modules.saas_portal.tests` runs the unit and
# route tests.
from .test_module import SaasPortalTestCase  # noqa: F401
from .test_routes import PortalRouteTestCase  # noqa: F401
from .test_scenario import load_tests  # noqa: F401
