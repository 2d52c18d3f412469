# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
from .test_module import PowderCoatingTestCase  # noqa: F401
from .test_portal import PowderCoatingPortalTestCase  # noqa: F401
from .test_scenario import load_tests  # noqa: F401
