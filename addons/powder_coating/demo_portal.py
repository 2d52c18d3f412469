# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Demo of the client's space: each workshop shows its clients their photos
in high quality, and its portal demo client (saas_portal.demo.PORTALS)
agreed to it and has a quote waiting for their signature."""
from trytond.pool import Pool

# (part, quantity, length, width, faces, RAL, coats, minutes, sandblasting)
TO_SIGN = {
    "Garage des Brotteaux": [
        ("Portail coulissant 4000 × 1600 mm", 1, 4000, 1600, 2,
            'RAL 7016', 2, 60, True),
        ("Poteaux de portail", 2, 2000, 150, 4, 'RAL 7016', 2, 15, True),
        ],
    "Cycles Chartrons": [
        ("Fourches de vélo", 5, 450, 80, 4, 'RAL 3000', 2, 10, True),
        ],
    }


def client_space(company, powders, by_ral):
    "Photos in high quality, the demo client's consent and quote to sign."
    from trytond.modules.saas_portal.demo import PORTALS
    from .demo import make_quote
    pool = Pool()
    Configuration = pool.get('powder_coating.configuration')
    Party = pool.get('party.party')
    Quote = pool.get('powder_coating.quote')
    portal = PORTALS.get(company.party.name)
    if not portal:
        return
    settings = Configuration.get(company, create=True)
    settings.portal_photos = 'high'
    settings.save()
    parties = Party.search([
            ('company', '=', company.id),
            ('name', '=', portal['client']),
            ], limit=1)
    if not parties:
        return
    party, = parties
    Party.set_photo_consent(party, True, ip_address='127.0.0.1')
    parts = TO_SIGN.get(party.name)
    if parts:
        quote = make_quote(company, party, parts, by_ral, powders[0])
        quote.notes = "Délai : 10 jours ouvrés après dépôt des pièces."
        quote.save()
        Quote.send([quote])
