# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Three months of a workshop's powder shelf for the demo: the powder
sprayed on the projects of the history, boxes received when the shelf
ran low, and the boxes weighed each day from the daily list (a few
powders lose more than theory says: spills, overspray), so the
reliability scores, the reorder suggestions and the stock dashboards
show something true. Deterministic (a seeded random)."""
import datetime as dt
import random
from collections import defaultdict
from decimal import Decimal

from trytond.pool import Pool
from trytond.transaction import Transaction, without_check_access

from . import stock_planning
from .powder_stock import (
    consumption_location, kilogram, make_moves, storage_location)

DAYS = 91
# Boxes received when a powder's shelf falls under REORDER_AT kg.
REORDER_AT = Decimal(6)
RECEIVED_BOXES = 2


def stock_history(company, powders):
    pool = Pool()
    Date = pool.get('ir.date')
    Powder = pool.get('powder_coating.powder')
    Project = pool.get('powder_coating.project')
    Receipt = pool.get('powder_coating.powder.receipt')
    Weighing = pool.get('powder_coating.weighing')
    Task = pool.get('powder_coating.weigh_task')
    Count = pool.get('powder_coating.stock_count')
    rng = random.Random('stock:' + company.party.name)
    with Transaction().set_context(company=company.id):
        today = Date.today()
    start = today - dt.timedelta(days=DAYS)
    Powder.ensure_products(powders)

    # What the history's projects sprayed, the day after drop-off.
    used = defaultdict(Decimal)
    moves = []
    booth, storage, kg = (consumption_location(), storage_location(),
        kilogram())
    with without_check_access():
        projects = Project.search([
                ('company', '=', company.id),
                ('closed_date', '!=', None),
                ])
    for project in projects:
        day = (project.drop_off_date or start) + dt.timedelta(days=1)
        day = min(max(day, start + dt.timedelta(days=1)),
            project.closed_date.date(), today - dt.timedelta(days=1))
        per_powder = defaultdict(Decimal)
        for part in project.parts:
            for powder, coats in [(part.powder, part.coats or 1),
                    (part.primer, 1), (part.varnish, 1)]:
                if powder:
                    quantity = stock_planning.consumption_kg(part.surface,
                        part.quantity, coats, powder.coverage)
                    if quantity:
                        per_powder[powder] += quantity
        for powder, quantity in per_powder.items():
            used[(powder.id, day)] += quantity
            moves.append({
                    'product': powder.product.id,
                    'unit': kg.id,
                    'quantity': float(quantity),
                    'from_location': storage.id,
                    'to_location': booth.id,
                    'company': company.id,
                    'planned_date': day,
                    'effective_date': day,
                    'origin': str(project),
                    })
    if moves:
        make_moves(moves)

    # Day by day: receipts when the shelf runs low, then the weighings
    # of the daily list (what the operators were asked to weigh).
    used_powders = [p for p in powders
        if any(k[0] == p.id for k in used)]
    leaky = {p.id for p in used_powders[::4]}
    shelf = defaultdict(Decimal)
    day = start
    while day < today:
        for powder in used_powders:
            box = max(powder.formats, key=lambda f: f.weight)
            if shelf[powder.id] < REORDER_AT:
                Receipt.receive(powder, box, RECEIVED_BOXES,
                    reference=f"BL-{day:%m%d}-{powder.id}", date=day)
                shelf[powder.id] += box.weight * RECEIVED_BOXES
            shelf[powder.id] -= used.get((powder.id, day), 0)
        if day.weekday() < 5:
            candidates = [stock_planning.Candidate(
                    id=p.id, recent_kg=sum(v for (i, d), v in used.items()
                        if i == p.id and day - dt.timedelta(weeks=8)
                        <= d <= day),
                    last_weighed=(p.last_weighed.date()
                        if p.last_weighed else None),
                    reliability=p.reliability)
                for p in Powder.browse(used_powders)]
            for pick in stock_planning.daily_weigh_list(
                    candidates, day, count=2, salt=str(company.id)):
                powder = Powder(pick.id)
                theory = max(shelf[powder.id], Decimal(0))
                loss = Decimal('0.15') if powder.id in leaky else Decimal(
                    '0.005')
                noise = Decimal(rng.uniform(-0.01, 0.01)).quantize(
                    Decimal('0.001'))
                real = max(theory * (1 - loss + noise), Decimal(0))
                box = max(powder.formats, key=lambda f: f.weight)
                sealed = int(real // box.weight)
                if sealed and real - sealed * box.weight < Decimal('0.5'):
                    sealed -= 1
                gross = (real - sealed * box.weight + box.tare).quantize(
                    Decimal('0.01'))
                weighing = Weighing.weigh(powder, gross, format=box,
                    sealed_boxes=sealed, at=dt.datetime.combine(
                        day, dt.time(15, rng.randint(0, 59))))
                shelf[powder.id] = weighing.real_kg
        day += dt.timedelta(days=1)

    # Alert thresholds for the powders in use: 8 kg, and just above its
    # stock for the emptiest one, so the demo shows an alert.
    with without_check_access():
        Powder.write(used_powders, {'reorder_threshold': Decimal(8)})
        if used_powders:
            emptiest = min(used_powders, key=lambda p: shelf[p.id])
            Powder.write([emptiest], {'reorder_threshold':
                    (shelf[emptiest.id] + 4).quantize(Decimal(1))})
    Powder.notify_low_stock()
    # Today's list, and a partial inventory planned over next week.
    Task.daily_list(company)
    monday = today + dt.timedelta(days=7 - today.weekday())
    count = Count(company=company, name="Inventaire tournant — semaine "
        f"{monday.isocalendar()[1]}", start_date=monday,
        end_date=monday + dt.timedelta(days=4), target=8)
    count.save()
    Count.plan([count])
