# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Atelier for powder-coating (thermolaquage) workshops."""
