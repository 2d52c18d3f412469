# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
# `python -m unittest trytond.modules.connector.tests` runs the unit tests
# and, through load_tests, every scenario_*.rst.
from .test_module import ConnectorTestCase  # noqa: F401
from .test_providers import *  # noqa: F401,F403
from .test_powder_catalogue import *  # noqa: F401,F403
from .test_scenario import load_tests  # noqa: F401
