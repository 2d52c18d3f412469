# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Demo payments: each workshop asks a 30 % deposit and takes payments with
the offline (demo) provider; one project has its deposit paid by card
online, another an open payment link for its deposit."""
from decimal import Decimal

from trytond.pool import Pool

from .payment import link_url


def payments(company):
    """Journals, deposit settings, a paid deposit and an open link; return
    the open link's address (only its hash is stored)."""
    pool = Pool()
    Journal = pool.get('account.payment.journal')
    Configuration = pool.get('powder_coating.configuration')
    Setting = pool.get('connector.setting')
    Project = pool.get('powder_coating.project')
    Link = pool.get('powder_coating.payment.link')
    Journal.create_workshop_journals(company)
    settings = Configuration.get(company, create=True)
    settings.deposit_method = 'percentage'
    settings.deposit_percentage = Decimal(30)
    settings.deposit_required = True
    settings.save()
    if not Setting.search([
                ('company', '=', company.id),
                ('capability', '=', 'payment')]):
        Setting.create([{'company': company.id, 'capability': 'payment',
                    'provider': 'offline'}])
    projects = [p for p in Project.search([
                ('company', '=', company.id),
                ('quote', '!=', None),
                ], order=[('id', 'ASC')])
        if p.payment_figures()['deposit'] > 0]
    if len(projects) < 2:
        return None
    paid, waiting = projects[:2]
    link, _ = Link.open_link(paid, 'deposit',
        paid.payment_figures()['deposit'])
    link.mark_paid()
    link, token = Link.open_link(waiting, 'deposit',
        waiting.payment_figures()['deposit'])
    if not company.portal_slug:
        return None
    url = link_url(company, token)
    print(f"Payments: open demo payment link of {company.rec_name}: {url}")
    return url
