# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Demo of the powder-coating addon: each workshop's powder catalogue (the
offline Thermopoudre demo catalogue), quotes in every state and projects
at every step of the shop floor."""
import datetime as dt
from decimal import Decimal

from trytond.pool import Pool
from trytond.transaction import Transaction

from .demo_history import history
from .demo_payment import payments
from .demo_portal import client_space
from .demo_review import review_requests
from .demo_stock import stock_history
from .demo_shop_floor import shop_floor

# (client, [(part, quantity, length, width, faces, RAL, coats, minutes,
#   sandblasting)], final state)
QUOTES = [
    ("Garage des Brotteaux", [
            ("Portail battant 2000 × 1000 mm", 1, 2000, 1000, 2,
                'RAL 7016', 2, 45, True),
            ("Barreaux de clôture", 24, 1500, 40, 4, 'RAL 7016', 2, 3,
                False),
            ], 'accepted'),
    ("Ferronnerie Lumière", [
            ("Garde-corps d'escalier", 3, 1200, 900, 2, 'RAL 9005', 1, 25,
                True),
            ], 'sent'),
    ("Mme Claire Martin", [
            ("Chaises de jardin", 6, 800, 450, 2, 'RAL 6005', 2, 15,
                True),
            ("Table de jardin", 1, 1400, 800, 2, 'RAL 6005', 2, 30, True),
            ], 'draft'),
    ("Garage des Brotteaux", [
            ("Jantes 17 pouces", 4, 430, 430, 2, 'RAL 9006', 2, 20, True),
            ], 'refused'),
    ]
MARTIN_QUOTES = [
    ("Menuiserie Alu Gironde", [
            ("Profilés aluminium 6 m", 20, 6000, 60, 4, 'RAL 7016', 1, 4,
                False),
            ], 'accepted'),
    ("Cycles Chartrons", [
            ("Cadres de vélo", 5, 1100, 120, 4, 'RAL 3000', 2, 20, True),
            ], 'sent'),
    ("M. Julien Petit", [
            ("Radiateur fonte", 1, 900, 600, 2, 'RAL 9010', 2, 40, True),
            ], 'draft'),
    ("Cycles Chartrons", [
            ("Garde-boue", 10, 600, 110, 2, 'RAL 9005', 1, 5, False),
            ], 'expired'),
    ]


def signature_image():
    "A plain dark band standing for the scanned signature of the demo."
    from .ral import swatch_png
    return swatch_png('#1e293b', 160, 40)


def create_templates(company):
    """The workshop's quote layouts: "Standard" (its default) and, at
    Durand, "Grands comptes" for its large accounts."""
    from trytond.modules.saas_portal.demo import PORTALS
    pool = Pool()
    Template = pool.get('powder_coating.quote.template')
    Configuration = pool.get('powder_coating.configuration')
    # The portal demo (run after this one) gives the workshop the same.
    colours = PORTALS.get(company.party.name, {})
    standard = Template(company=company, name="Standard", style='modern',
        header_text="Qualicoat · Qualimarine",
        footer_text="IBAN FR76 3000 4000 0500 0012 3456 789 · BIC BNPAFRPP",
        conditions=(
            "<p><strong>Acompte de 30 %</strong> à la commande.</p>"
            "<p>Pièces livrées propres et sèches ; délai de 10 jours "
            "ouvrés après réception.</p>"),
        **({'primary_colour': colours['primary'],
                'accent_colour': colours['accent']} if colours else {}),
        legal_notices=(
            "SAS au capital de 10 000 €. Pénalités de retard : trois fois "
            "le taux d'intérêt légal ; indemnité forfaitaire pour frais de "
            "recouvrement : 40 €."))
    templates = [standard]
    if company.party.name == "Thermolaquage Durand":
        templates.append(Template(company=company, name="Grands comptes",
                style='premium', primary_colour='#0f3b2e',
                accent_colour='#c8a03c', spacing='airy',
                show_unit_price=False,
                header_text="Offre réservée à {client_name}",
                legal_notices=standard.legal_notices))
    Template.save(templates)
    settings = Configuration.get(company, create=True)
    settings.quote_template = standard
    settings.save()


def make_quote(company, party, parts, by_ral, default_powder):
    """A quote of `parts` (see QUOTES) for `party`, the powder of each
    found by its RAL shade."""
    Quote = Pool().get('powder_coating.quote')
    quote = Quote(company=company, party=party)
    quote.lines = [{
            'description': name,
            'quantity': quantity,
            'surface_mode': 'dimensions',
            'length': Decimal(length),
            'width': Decimal(width),
            'faces': faces,
            'powder': by_ral.get(ral, default_powder).id,
            'coats': coats,
            'labour_minutes': Decimal(minutes),
            'sandblasting': sandblasting,
            } for (name, quantity, length, width, faces,
                ral, coats, minutes, sandblasting) in parts]
    quote.save()
    return quote


def run(args):
    with Transaction().start(args.database, 0) as transaction:
        pool = Pool()
        try:
            Quote = pool.get('powder_coating.quote')
        except KeyError:
            return  # powder_coating is not activated in this database.
        from trytond.modules.connector.providers.powder_catalogue import (
            demo_powders)
        Company = pool.get('company.company')
        Powder = pool.get('powder_coating.powder')
        Format = pool.get('powder_coating.powder.format')
        Party = pool.get('party.party')
        Signature = pool.get('powder_coating.quote.signature')
        User = pool.get('res.user')
        for company in Company.search([]):
            quotes = {"Thermolaquage Durand": QUOTES,
                "Époxy Services Martin": MARTIN_QUOTES}.get(
                company.party.name)
            if quotes is None:
                continue
            owner = User.search([
                    ('login', 'like', 'owner.%'),
                    ('company', '=', company.id)], limit=1)
            with transaction.set_context(company=company.id), \
                    transaction.set_user(owner[0].id if owner else 0):
                if Powder.search([('company', '=', company.id)], limit=1):
                    continue
                powders = []
                for found in demo_powders():
                    powder = Powder(company=company, reference=found[
                            'reference'])
                    powder.apply_catalogue(found)
                    powder.formats = [Format(weight=f['weight'],
                            tare=f['tare']) for f in found['formats']]
                    powders.append(powder)
                Powder.save(powders)
                create_templates(company)
                by_ral = {}
                for powder in powders:
                    if powder.ral and powder.powder_type not in {
                            'primer', 'varnish'}:
                        by_ral.setdefault(powder.ral.code, powder)
                history(company, powders, by_ral)
                stock_history(company, powders)
                for client, parts, state in quotes:
                    party, = Party.search([
                            ('company', '=', company.id),
                            ('name', '=', client)])
                    quote = make_quote(company, party, parts, by_ral,
                        powders[0])
                    if state == 'draft':
                        continue
                    Quote.send([quote])
                    if state == 'accepted':
                        Signature.sign(quote, party.name, signature_image(),
                            'back_office', ip_address='127.0.0.1')
                    elif state == 'refused':
                        Quote.refuse([quote])
                    elif state == 'expired':
                        Quote.write([quote], {
                                'validity_date': quote.date
                                - dt.timedelta(days=1)})
                        Quote.expire_quotes()
                shop_floor(company, powders, by_ral)
                sepa(company)
                payments(company)
                client_space(company, powders, by_ral)
                review_requests(company)
        transaction.commit()
    print("Powder coating: demo catalogues, quotes and projects loaded.")


# SEPA direct debit: each workshop's IBAN and creditor identifier (ICS),
# demo values with valid check digits; the portal's demo clients are
# businesses (a SIREN), so their payment links offer the SEPA mandate.
SEPA = {
    "Thermolaquage Durand": ('30004000031234567890143', '123456',
        'CCBPFRPPLYO', "Banque Populaire Auvergne Rhône Alpes",
        {"Garage des Brotteaux": '412345670',
            "Ferronnerie Lumière": '422345678'}),
    "Époxy Services Martin": ('10096000501234567890147', '654321',
        'CEPAFRPP333', "Caisse d'Epargne Aquitaine Poitou-Charentes",
        {"Cycles Chartrons": '512345679',
            "Menuiserie Alu Gironde": '522345677'}),
    }


def sepa(company):
    "The workshop's IBAN, ICS and SEPA journal; its clients' SIREN."
    from .sepa import demo_settings
    pool = Pool()
    Party = pool.get('party.party')
    Identifier = pool.get('party.identifier')
    settings = SEPA.get(company.party.name)
    if not settings:
        return
    bban, national_id, bic, bank, clients = settings
    demo_settings(company, bban, national_id, bic=bic, bank=bank)
    for name, siren in clients.items():
        for party in Party.search([
                    ('company', '=', company.id), ('name', '=', name)]):
            if not party.siren:
                Identifier.create([{'party': party.id, 'type': 'fr_siren',
                            'code': siren}])
