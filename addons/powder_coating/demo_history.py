# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Three months of a workshop's past for the demo's dashboards: quotes
sent every working day (most signed, some refused or expired), the
projects of the signed ones finished and delivered — a few late, a few
with a non-conformity. Deterministic (a seeded random)."""
import datetime as dt
import random

from trytond.pool import Pool
from trytond.transaction import without_check_access

DAYS = 91
# Quotes a working day, per workshop (others: 1).
PACE = {"Thermolaquage Durand": 3, "Époxy Services Martin": 2}
# What the clients ask for: (part, quantity, length, width, faces, RAL,
# coats, labour minutes, sandblasting), as demo.QUOTES.
PARTS = [
    ("Portail battant", 1, 2000, 1000, 2, 'RAL 7016', 2, 45, True),
    ("Garde-corps", 3, 1200, 900, 2, 'RAL 9005', 1, 25, True),
    ("Chaises de jardin", 6, 800, 450, 2, 'RAL 6005', 2, 15, True),
    ("Jantes 17 pouces", 4, 430, 430, 2, 'RAL 9006', 2, 20, True),
    ("Profilés aluminium", 20, 6000, 60, 4, 'RAL 7016', 1, 4, False),
    ("Radiateur fonte", 1, 900, 600, 2, 'RAL 9010', 2, 40, True),
    ("Cadre de vélo", 2, 1100, 120, 4, 'RAL 3000', 2, 20, True),
    ("Pergola", 4, 3000, 150, 4, 'RAL 7016', 1, 30, False),
    ("Boîte aux lettres", 2, 400, 300, 4, 'RAL 9016', 2, 10, False),
    ("Tôles perforées", 10, 1000, 500, 2, 'RAL 9005', 1, 6, False),
    ]
# A signed quote's project is finished if signed this long ago.
FINISHED_AFTER = 20


def working_days(today):
    "The working days of the last DAYS days, oldest first."
    days = (today - dt.timedelta(days=n) for n in range(DAYS, 0, -1))
    return [d for d in days if d.weekday() < 5]


def history(company, powders, by_ral):
    """Quotes, signatures, projects and non-conformities of the last
    three months of `company`, written with their past dates."""
    from .demo import make_quote
    pool = Pool()
    Configuration = pool.get('powder_coating.configuration')
    Date = pool.get('ir.date')
    Party = pool.get('party.party')
    Project = pool.get('powder_coating.project')
    Part = pool.get('powder_coating.project.part')
    Quote = pool.get('powder_coating.quote')
    Signature = pool.get('powder_coating.quote.signature')
    Step = pool.get('powder_coating.step')
    Defect = pool.get('powder_coating.defect_type')
    NonConformity = pool.get('powder_coating.non_conformity')
    rng = random.Random(company.party.name)
    today = Date.today()
    settings = Configuration.get(company, create=True)
    settings.daily_capacity = 60.0
    settings.save()
    clients = Party.search([('company', '=', company.id)])
    steps = Step.workflow(company)
    defects = Defect.search([('company', '=', company.id)])
    signed = []
    for day in working_days(today):
        for _ in range(rng.randint(1, 2 * PACE.get(company.party.name, 1))):
            parts = rng.sample(PARTS, rng.choice([1, 1, 2, 3]))
            quote = make_quote(company, rng.choice(clients), parts, by_ral,
                powders[0])
            sent_at = dt.datetime.combine(day, dt.time(
                    rng.randint(8, 17), rng.randint(0, 59)))
            breakdown = quote.breakdown()
            quote.number = settings.quote_sequence.get()
            quote.date = day
            quote.validity_date = day + dt.timedelta(
                days=settings.quote_validity)
            quote.sent_at = sent_at
            quote.untaxed_amount_cache = breakdown.untaxed
            quote.total_amount_cache = breakdown.total
            age = (today - day).days
            roll = rng.random()
            if roll < 0.65 and age > FINISHED_AFTER:
                quote.state = 'accepted'
                signed.append((quote, sent_at + dt.timedelta(
                            days=rng.choice([0, 1, 1, 2, 3, 5, 8]),
                            hours=rng.randint(0, 6))))
            elif roll < 0.8:
                quote.state = 'refused'
            elif age > settings.quote_validity:
                quote.state = 'expired'
            else:
                quote.state = 'sent'
            quote.save()
    with without_check_access():
        signatures = Signature.create([{
                    'company': company.id,
                    'quote': quote.id,
                    'signer': quote.party.rec_name,
                    'signed_at': signed_at,
                    'channel': rng.choice(['back_office', 'portal']),
                    } for quote, signed_at in signed])
        for (quote, signed_at), signature in zip(signed, signatures):
            quote.signature = signature
            quote.accepted_at = signed_at
        Quote.save([q for q, _ in signed])
    projects = Project.create_from_quotes([q for q, _ in signed])
    for (quote, signed_at), project in zip(signed, projects):
        quote.project = project
        drop_off = signed_at.date() + dt.timedelta(days=rng.randint(1, 3))
        ready = dt.datetime.combine(
            drop_off + dt.timedelta(days=rng.choice(
                    [4, 5, 6, 7, 7, 8, 9, 10, 12, 15])),
            dt.time(rng.randint(9, 17)))
        project.drop_off_date = drop_off
        project.promised_date = drop_off + dt.timedelta(days=10)
        project.ready_date = ready
        project.closed_date = ready + dt.timedelta(
            days=rng.randint(0, 4), hours=rng.randint(1, 6))
        project.state = rng.choice(['delivered', 'collected'])
    Quote.save([q for q, _ in signed])
    parts = []
    with without_check_access():
        Project.save(projects)
        for project in projects:
            parts.extend(project.parts)
        Part.write(parts, {'step': None})
        qc = next(s for s in steps if s.kind == 'qc')
        touch_up = next(s for s in steps if s.kind == 'touch_up')
        defective = [p for p in parts if rng.random() < 0.06]
        NonConformity.create([{
                    'company': company.id,
                    'part': part.id,
                    'project': part.project.id,
                    'step': qc.id,
                    'return_step': touch_up.id,
                    'defect_type': rng.choice(defects).id,
                    'powder': part.powder.id,
                    'date': part.project.ready_date - dt.timedelta(days=1),
                    'state': 'closed',
                    'closed_date': part.project.ready_date,
                    'resolved_hours': 24.0,
                    } for part in defective])
        Project.store_ready_figures(projects)
