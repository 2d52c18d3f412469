# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""SaaS subscriptions: the publisher's software and plans, the workshops'
trials and subscriptions, their invoices, payments and dunning, and the
publisher's figures (MRR, churn, conversion), prices and SLA credits.

The models are registered from tryton.cfg."""
