# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
# `python -m unittest trytond.modules.saas.tests` runs the unit tests and,
# through load_tests, every scenario_*.rst.
from .test_module import SaasTestCase  # noqa: F401
from .test_scenario import load_tests  # noqa: F401
