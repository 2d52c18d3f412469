# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Atelier for powder-coating (thermolaquage) workshops."""

# The operators' tablet app at /<database>/workshop/ (static routes).
from . import workshop_mode  # noqa: F401,E402
# The client's payment pages (portal) and the providers' webhooks.
from . import payment_portal  # noqa: F401,E402
# The SEPA mandate form of the payment links (professional clients).
from . import sepa_portal  # noqa: F401,E402
