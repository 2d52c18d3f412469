# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""French invoicing and accounting exports: invoices numbered without gaps,
VAT France/EU (reverse charge checked with VIES), Factur-X, FEC with its
validator and 10-year archive, CSV exports and the Pennylane sync.

The models are registered from tryton.cfg."""

# The client's invoices in the portal (with powder_coating's portal).
from . import portal  # noqa: F401,E402
