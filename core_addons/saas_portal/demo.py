# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Demo of the portal: each workshop's colours and logo, and one client
with a portal account per workshop (scripts/demo_data.py runs `run`)."""
from trytond.pool import Pool
from trytond.transaction import Transaction

PASSWORD = 'demo'
PORTALS = {
    "Thermolaquage Durand": {
        'slug': 'thermolaquage-durand',
        'primary': '#9a3412',
        'accent': '#fbbf24',
        'client': "Garage des Brotteaux",
        'email': 'garage.brotteaux@demo.atelier.localhost',
        },
    "Époxy Services Martin": {
        'slug': 'epoxy-services-martin',
        'primary': '#0f766e',
        'accent': '#f97316',
        'client': "Cycles Chartrons",
        'email': 'cycles.chartrons@demo.atelier.localhost',
        },
    }


def logo_svg(name, primary, accent):
    "A simple square mark: the workshop's initials on its colours."
    words = [w for w in name.replace('-', ' ').split() if w[:1].isalpha()]
    initials = ''.join(w[0] for w in words[:2]).upper()
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" '
        'viewBox="0 0 64 64">'
        f'<rect width="64" height="64" rx="14" fill="{primary}"/>'
        f'<path d="M34 64 L64 34 L64 50 Q64 64 50 64 Z" fill="{accent}"/>'
        '<text x="32" y="42" font-family="Helvetica, Arial, sans-serif" '
        'font-size="26" font-weight="700" fill="#ffffff" '
        f'text-anchor="middle">{initials}</text>'
        '</svg>').encode('utf-8')


def run(args):
    with Transaction().start(args.database, 0) as transaction:
        pool = Pool()
        try:
            Company = pool.get('company.company')
            WebUser = pool.get('web.user')
        except KeyError:
            return
        if 'portal_slug' not in Company._fields:
            return  # saas_portal is not activated in this database.
        Party = pool.get('party.party')
        for company in Company.search([]):
            portal = PORTALS.get(company.party.name)
            if not portal:
                continue
            Company.write([company], {
                    'portal_slug': portal['slug'],
                    'portal_primary_colour': portal['primary'],
                    'portal_accent_colour': portal['accent'],
                    'portal_logo': logo_svg(company.party.name,
                        portal['primary'], portal['accent']),
                    })
            with transaction.set_context(company=company.id):
                if WebUser.search([
                            ('company', '=', company.id),
                            ('email', '=', portal['email']),
                            ]):
                    continue
                party, = Party.search([
                        ('company', '=', company.id),
                        ('name', '=', portal['client']),
                        ])
                WebUser.create([{
                            'email': portal['email'],
                            'party': party.id,
                            'password': PASSWORD,
                            'email_valid': True,
                            }])
        transaction.commit()
    for name, portal in PORTALS.items():
        print(f"Portal of {name}: /{args.database}/portal/{portal['slug']}/ "
            f"— {portal['email']} / {PASSWORD}")


# The public website (website.py): the plans, the publisher's legal data
# and 90 days of health checks with a couple of short incidents.
PLANS = [
    ("Lite", 10, 49, 490, False,
        "Quotes and PDF with e-signature\nProjects and shop-floor steps\n"
        "Clients and client portal\nBasic powder stock\nUnlimited users",
        "Devis et PDF avec signature électronique\n"
        "Projets et étapes d'atelier\nClients et portail client\n"
        "Stock de poudre de base\nUtilisateurs illimités"),
    ("Pro", 20, 99, 990, True,
        "Everything in Lite\nBatches by powder and oven loading\n"
        "Powder stock by weighing and reordering\nDashboards and reports\n"
        "Rims module and integrations",
        "Tout Lite\nSéries par poudre et chargement du four\n"
        "Stock de poudre par pesée et réapprovisionnement\n"
        "Tableaux de bord et rapports\nModule Jantes et intégrations"),
    ]
# Incidents of the demo's status page: (days ago, hour, minutes down).
INCIDENTS = [(61, 3, 25), (23, 14, 15)]


def site_run(args):
    import datetime as dt
    from decimal import Decimal
    table_name = 'saas_portal_site_configuration'
    with Transaction().start(args.database, 0,
            _lock_tables=[table_name]) as transaction:
        pool = Pool()
        try:
            Plan = pool.get('saas_portal.site.plan')
        except KeyError:
            return
        Configuration = pool.get('saas_portal.site.configuration')
        Company = pool.get('company.company')
        Party = pool.get('party.party')
        Identifier = pool.get('party.identifier')
        HealthCheck = pool.get('saas.health_check')
        publishers = Company.search([('party.name', '=', "Atelier SaaS")])
        if publishers:
            publisher, = publishers
            party = publisher.party
            address = party.addresses[0] if party.addresses else None
            if address and not address.street:
                address.street = "48 rue de la Roquette"
                address.save()
            if not party.identifiers and address:
                Identifier.create([{'party': party.id, 'type': 'fr_siret',
                            'code': '35600000000048',
                            'address': address.id}, {
                            'party': party.id, 'type': 'eu_vat',
                            'code': 'FR39356000000'}])
            if not party.contact_mechanisms:
                Party.write([party], {'contact_mechanisms': [('create', [
                                    {'type': 'email',
                                        'value': 'bonjour@atelier.example'},
                                    {'type': 'phone',
                                        'value': '+33 1 84 00 00 00'}])]})
            Configuration.write([Configuration(1)], {
                    'publisher': publisher.party.id,
                    'site_name': "ThermoGestion",
                    'publication_director': "Claire Lefèvre, présidente",
                    'legal_form': "SAS au capital de 10 000 €",
                    'registry': "RCS Paris 356 000 000",
                    'host': "[Hébergeur à renseigner dans Atelier › Site "
                    "public › Réglages du site : nom, adresse, "
                    "téléphone]",
                    })
        if not Plan.search([]):
            for name, sequence, monthly, yearly, recommended, en, fr in PLANS:
                plan, = Plan.create([{'name': name, 'sequence': sequence,
                            'monthly_price': Decimal(monthly),
                            'yearly_price': Decimal(yearly),
                            'recommended': recommended, 'highlights': en}])
                with transaction.set_context(language='fr'):
                    Plan.write([Plan(plan.id)], {'highlights': fr})
        if not HealthCheck.search([], limit=1):
            table = HealthCheck.__table__()
            cursor = transaction.connection.cursor()
            now = dt.datetime.now().replace(second=0, microsecond=0)
            start = now - dt.timedelta(days=90)
            down = []
            for days_ago, hour, minutes in INCIDENTS:
                begin = (now - dt.timedelta(days=days_ago)).replace(
                    hour=hour, minute=0)
                down.append((begin, begin + dt.timedelta(minutes=minutes)))
            rows, when = [], start
            while when < now:
                ok = not any(b <= when < e for b, e in down)
                rows.append([when, ok, True, 1.2, ok, 3.5, True, 0.8,
                        True, 0.6,
                        None if ok else "outbox: emails queued for more "
                        "than an hour.", 0, now])
                when += dt.timedelta(minutes=5)
            columns = [table.checked_at, table.ok, table.database_ok,
                table.database_ms, table.outbox_ok, table.outbox_ms,
                table.cron_ok, table.cron_ms, table.filestore_ok,
                table.filestore_ms, table.detail, table.create_uid,
                table.create_date]
            for i in range(0, len(rows), 2000):
                cursor.execute(*table.insert(columns, rows[i:i + 2000]))
        transaction.commit()
    print(f"Public website: /{args.database}/site/")


_portal_run = run


def run(args):  # noqa: F811  (the portal's demo, then the website's)
    _portal_run(args)
    site_run(args)
