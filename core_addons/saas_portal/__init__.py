# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Atelier client portal frame: web users, sessions, per-workshop branding."""
from . import routes  # noqa: F401  (registers the portal's routes)
from . import website  # noqa: F401  (registers the public website's routes)
