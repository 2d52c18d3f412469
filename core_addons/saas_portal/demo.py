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
