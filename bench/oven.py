#!/usr/bin/env python3
# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Benchmark of the oven-loading optimiser of the powder_coating addon.

For a fixed, seeded set of 23 workshop batches (`instances()`: gates,
railings, rims, brackets, panels, frames, tables, cabinets, chassis,
small hardware in quantity; three ovens, margins 50 to 100 mm; 10 to 300
units), compares the number of loads and the mean fill rate of
``trytond.modules.powder_coating.oven_loading.plan_loads`` with:

- the proved lower bound it returns (``Plan.lower_bound``);
- the best result of ``rectpack`` over every packing algorithm (MaxRects,
  Skyline, Guillotine variants), every sort order and every bin selection
  (BNF, BFF, BBF, Global), rotation allowed, on the same inflated
  rectangles (part + margin) in the same usable floor (oven - margin);
  "best" is fewest loads, then the emptiest last load (fuller first
  loads);
- on instances of at most ``--exact-max`` units, the exact minimum
  number of loads by OR-Tools CP-SAT (2D no-overlap with optional
  rotation, ``--exact-time`` seconds per instance): "= n" proved optimal,
  "<= n" best found when the time ran out.

``plan_loads`` runs with its defaults (seed 0); the column "seeds 1–4"
gives the range of loads with other seeds, to show how much luck is in
a result. Then the time of ``plan_loads`` on each 300-unit instance
(median of ``--runs`` runs). Prints Markdown tables. Needs
``bench/requirements.txt``:

    .venv/bin/pip install -r bench/requirements.txt
    .venv/bin/python bench/oven.py
    .venv/bin/python bench/oven.py --only 14-A-heavy 200-C-heavy --seeds 0

The full run takes about 15 minutes on 2 cores, nearly all of it in
rectpack (616 configurations per instance, a minute on 300 units).

Items that are too high or too large for the oven are left out of every
packer (they are reported by ``plan_loads`` as unplaceable).
"""
import argparse
import datetime as dt
import os
import platform
import random
import statistics
import sys
import time

from trytond.modules.powder_coating import oven_loading as ol

OVENS = {
    # name: (length, width, height, hook height, margin), mm
    'A': ol.Oven(3000, 1500, 2000, 200, 50),
    'B': ol.Oven(6000, 2000, 2500, 300, 100),
    'C': ol.Oven(4000, 1800, 2200, 250, 75),
    }

# Workshop parts: name -> (length, width, height) ranges in mm (width is
# the footprint's depth: a hung gate is long and thin seen from above)
# and the range of the quantity of one order line.
PARTS = {
    'gate': (((1500, 2900), (50, 90), (1200, 1900)), (1, 4)),
    'railing': (((800, 2500), (40, 70), (800, 1100)), (2, 10)),
    'rim': (((380, 560), (180, 300), (380, 560)), (4, 8)),
    'bracket': (((100, 400), (80, 300), (50, 300)), (4, 30)),
    'panel': (((600, 2000), (25, 45), (400, 1250)), (2, 12)),
    'frame': (((400, 900), (400, 900), (400, 1000)), (1, 6)),
    'table': (((900, 1800), (700, 1000), (700, 800)), (1, 3)),
    'cabinet': (((600, 1200), (350, 700), (1000, 2100)), (1, 4)),
    'chassis': (((1500, 2600), (600, 1300), (300, 600)), (1, 2)),
    'bolt': (((20, 80), (20, 80), (20, 150)), (10, 40)),
    }

# Workshop profiles: the part kinds of a day's batch.
PROFILES = {
    'heavy': ('table', 'chassis', 'cabinet', 'frame', 'gate', 'rim'),
    'metal': ('gate', 'railing', 'frame', 'bracket'),
    'furniture': ('table', 'frame', 'cabinet', 'bracket'),
    'auto': ('rim', 'bracket', 'chassis', 'bolt'),
    'building': ('panel', 'railing', 'gate', 'cabinet'),
    'mixed': tuple(PARTS),
    }
SIZES = (10, 12, 13, 14, 15, 30, 40, 50, 60, 80, 100, 120, 150, 200, 250,
         300, 300)


def instances():
    """The benchmark set, by a fixed rule: instance k has SIZES[k] units,
    oven 'ABC'[k % 3], seed k and the profile 'heavy' up to 15 units
    (else a small batch is one load), else the (k % 6)-th profile; then
    big batches of large parts ('heavy'), where packing matters most:
    200 and 300 units in each oven, seeds 17 to 22."""
    out = []
    for k, size in enumerate(SIZES):
        oven = 'ABC'[k % 3]
        profile = 'heavy' if size <= 15 else list(PROFILES)[k % 6]
        out.append(('%d-%s-%s' % (size, oven, profile), oven, size,
                    PROFILES[profile], k))
    heavy = [(size, oven) for size in (200, 300) for oven in 'ABC']
    for k, (size, oven) in enumerate(heavy, len(SIZES)):
        out.append(('%d-%s-heavy' % (size, oven), oven, size,
                    PROFILES['heavy'], k))
    return out


INSTANCES = instances()


def make_items(size, kinds, seed):
    """`size` units as order lines of the given part kinds (sizes and
    quantities drawn with `seed`). No due dates: rectpack knows none, and
    plan_loads would trade the fill of its loads for urgency."""
    rng = random.Random(seed)
    items = []
    line = 0
    while len(items) < size:
        kind = rng.choice(kinds)
        (lr, wr, hr), qr = PARTS[kind]
        quantity = min(rng.randint(*qr), size - len(items))
        length = rng.randrange(lr[0], lr[1] + 1, 10)
        width = rng.randrange(wr[0], wr[1] + 1, 5)
        height = rng.randrange(hr[0], hr[1] + 1, 10)
        rng.choice((None, None, 1, 2, 3))   # a due date once: kept so that
        line += 1                           # the instances stay the same
        for _ in range(quantity):
            items.append(ol.Item('%s-%d' % (kind, line), length, width,
                                 height))
    return items


def inflated(oven, items):
    """The placeable items as integer rectangles (part + margin) and the
    usable floor (oven - margin), as plan_loads packs them."""
    m = oven.margin
    width, height = int(oven.length - m), int(oven.width - m)
    rects = []
    for item in items:
        if item.height + oven.hook_height > oven.height:
            continue
        w, h = int(item.length + m), int(item.width + m)
        if (w <= width and h <= height) or (h <= width and w <= height):
            rects.append((w, h))
    return width, height, rects


def rectpack_best(width, height, rects):
    """Fewest loads (then emptiest last load) over every rectpack
    configuration: every algorithm x (every sort order x BNF, BFF, BBF,
    and Global, which picks its own order). Returns (loads, area of each
    load, configurations tried, seconds)."""
    import rectpack
    algos = [getattr(rectpack, n) for n in dir(rectpack)
             if n.startswith(('MaxRects', 'Skyline', 'Guillotine'))]
    sorts = [getattr(rectpack, n) for n in dir(rectpack)
             if n.startswith('SORT_')]
    bins = rectpack.PackingBin
    configs = [(b, s) for b in (bins.BNF, bins.BFF, bins.BBF)
               for s in sorts] + [(bins.Global, rectpack.SORT_NONE)]
    start = time.perf_counter()
    best = None
    tried = 0
    for algo in algos:
        for bin_algo, sort_algo in configs:
            packer = rectpack.newPacker(
                mode=rectpack.PackingMode.Offline, bin_algo=bin_algo,
                pack_algo=algo, sort_algo=sort_algo, rotation=True)
            packer.add_bin(width, height, count=float('inf'))
            for n, (w, h) in enumerate(rects):
                packer.add_rect(w, h, rid=n)
            packer.pack()
            tried += 1
            if len(packer.rect_list()) != len(rects):
                continue   # cannot happen with unlimited loads
            areas = [sum(r.width * r.height for r in b) for b in packer]
            areas = [a for a in areas if a]
            key = (len(areas), min(areas))
            if best is None or key < best[0]:
                best = (key, sorted(areas, reverse=True))
    return best[0][0], best[1], tried, time.perf_counter() - start


def cpsat_minimum(width, height, rects, upper, lower, time_limit):
    """Minimum number of loads by CP-SAT: each rectangle in exactly one
    of `upper` loads, in one of its orientations, no overlap in a load
    (NoOverlap2D over optional intervals). Returns (loads, proved)."""
    from ortools.sat.python import cp_model
    rects = sorted(rects, key=lambda r: -r[0] * r[1])
    model = cp_model.CpModel()
    used = [model.NewBoolVar('used%d' % b) for b in range(upper)]
    per_load = [([], []) for _ in range(upper)]
    for i, (w, h) in enumerate(rects):
        choices = []
        shapes = [(w, h)] if w == h else [(w, h), (h, w)]
        for b in range(min(upper, i + 1)):   # symmetry: item i in 0..i
            for a, c in shapes:
                if a > width or c > height:
                    continue
                p = model.NewBoolVar('p%d_%d_%d' % (i, b, a))
                x = model.NewIntVar(0, width - a, '')
                y = model.NewIntVar(0, height - c, '')
                per_load[b][0].append(
                    model.NewOptionalFixedSizeIntervalVar(x, a, p, ''))
                per_load[b][1].append(
                    model.NewOptionalFixedSizeIntervalVar(y, c, p, ''))
                model.AddImplication(p, used[b])
                choices.append(p)
        model.AddExactlyOne(choices)
    for b in range(upper):
        model.AddNoOverlap2D(*per_load[b])
        if b + 1 < upper:
            model.AddImplication(used[b + 1], used[b])
    model.Add(sum(used) >= lower)
    model.Minimize(sum(used))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 2
    solver.parameters.random_seed = 0
    status = solver.Solve(model)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return round(solver.ObjectiveValue()), status == cp_model.OPTIMAL
    return None, False


def pct(value):
    "A fill rate as a percentage."
    return '%.1f' % (100 * value)


def inflated_area(oven, load):
    "Area of the inflated footprints (part + margin) of a load, mm²."
    m = oven.margin
    return sum((p.length + m) * (p.width + m) for p in load.placements)


def bench_instances(args):
    """Compare plan_loads (default seed, then seeds 1 to --seeds) with
    its lower bound, rectpack's best and CP-SAT; one dict per row."""
    rows = []
    for name, oven_name, size, kinds, seed in INSTANCES:
        if args.only and name not in args.only:
            continue
        oven = OVENS[oven_name]
        items = make_items(size, kinds, seed)
        start = time.perf_counter()
        plan = ol.plan_loads(oven, items)
        elapsed = time.perf_counter() - start
        others = [len(ol.plan_loads(oven, items, seed=s).loads)
                  for s in range(1, args.seeds + 1)]
        width, height, rects = inflated(oven, items)
        usable = width * height
        floor = oven.length * oven.width
        parts = sum(p.length * p.width for load in plan.loads
                    for p in load.placements)
        row = {
            'name': name, 'units': len(items), 'oven': '%g×%g, %g' % (
                oven.length, oven.width, oven.margin),
            'out': len(plan.unplaceable), 'lb': plan.lower_bound,
            'ours': len(plan.loads), 'others': others,
            'ours_fill': parts / (len(plan.loads) * floor),
            'ours_last': min(inflated_area(oven, load)
                             for load in plan.loads) / usable,
            'ours_s': elapsed}
        if not args.no_rectpack:
            loads, areas, tried, seconds = rectpack_best(
                width, height, rects)
            row.update(rp=loads, rp_fill=parts / (loads * floor),
                       rp_last=min(areas) / usable, rp_n=tried,
                       rp_s=seconds)
        if len(rects) <= args.exact_max and not args.no_exact:
            exact, proved = cpsat_minimum(
                width, height, rects, len(plan.loads), plan.lower_bound,
                args.exact_time)
            row['exact'] = ('= %d' if proved else '≤ %d') % exact
        rows.append(row)
        print('.', end='', file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return rows


def print_instances(rows):
    "The comparison as a Markdown table, then the totals."
    print('| instance | oven (mm), margin | units | unplaceable '
          '| lower bound | CP-SAT | rectpack best | ours | ours, seeds 1–4 '
          '| mean fill rectpack / ours (%) '
          '| least filled load rectpack / ours (%) | rectpack (s) '
          '| ours (s) |')
    print('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|')
    for r in rows:
        has_rp = 'rp' in r
        print('| %s | %s | %d | %d | %d | %s | %s | %s | %s | %s | %s '
              '| %s | %.2f |' % (
                  r['name'], r['oven'], r['units'], r['out'], r['lb'],
                  r.get('exact', '–'), r['rp'] if has_rp else '–',
                  ('**%d**' % r['ours']) if has_rp and r['ours'] < r['rp']
                  else r['ours'],
                  '%d–%d' % (min(r['others']), max(r['others']))
                  if r['others'] else '–',
                  '%s / %s' % (pct(r['rp_fill']), pct(r['ours_fill']))
                  if has_rp else pct(r['ours_fill']),
                  '%s / %s' % (pct(r['rp_last']), pct(r['ours_last']))
                  if has_rp else pct(r['ours_last']),
                  '%.1f' % r['rp_s'] if has_rp else '–', r['ours_s']))
    total = {key: sum(r[key] for r in rows if key in r)
             for key in ('lb', 'rp', 'ours', 'rp_s', 'ours_s')}
    print('| **total** | | %d | %d | %d | | %s | %d | %s | | | %s | %.1f |'
          % (sum(r['units'] for r in rows), sum(r['out'] for r in rows),
             total['lb'], total['rp'] if 'rp' in rows[0] else '–',
             total['ours'],
             '%d–%d' % (sum(min(r['others']) for r in rows),
                        sum(max(r['others']) for r in rows))
             if rows[0]['others'] else '–',
             '%.0f' % total['rp_s'] if 'rp' in rows[0] else '–',
             total['ours_s']))
    print()
    if 'rp' in rows[0]:
        fewer = [r['name'] for r in rows if r['ours'] < r['rp']]
        more = [r['name'] for r in rows if r['ours'] > r['rp']]
        print('rectpack configurations per instance: %d. Ours needs fewer '
              'loads on: %s; more loads on: %s.' % (
                  rows[0]['rp_n'], ', '.join(fewer) or 'none',
                  ', '.join(more) or 'none'))
        print()


def bench_time(args):
    """Time of plan_loads on each 300-unit instance, over --runs runs:
    wall clock, and CPU time of this process (what the wall clock would
    be on an idle machine)."""
    print('| plan_loads, 300 units | loads | median (s) | min (s) '
          '| max (s) | median CPU (s) |')
    print('|---|--:|--:|--:|--:|--:|')
    for name, oven_name, size, kinds, seed in INSTANCES:
        if size != 300 or (args.only and name not in args.only):
            continue
        items = make_items(size, kinds, seed)
        times, cpu = [], []
        for _ in range(args.runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            plan = ol.plan_loads(OVENS[oven_name], items)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        print('| %s | %d | %.3f | %.3f | %.3f | %.3f |' % (
            name, len(plan.loads), statistics.median(times), min(times),
            max(times), statistics.median(cpu)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--only', nargs='*', help='instance names')
    parser.add_argument('--seeds', type=int, default=4,
                        help='other seeds of plan_loads tried (1..N)')
    parser.add_argument('--runs', type=int, default=5,
                        help='runs for the 300-unit timing')
    parser.add_argument('--exact-max', type=int, default=15,
                        help='largest instance solved by CP-SAT')
    parser.add_argument('--exact-time', type=float, default=20,
                        help='CP-SAT time limit per instance (s)')
    parser.add_argument('--no-rectpack', action='store_true')
    parser.add_argument('--no-exact', action='store_true')
    args = parser.parse_args()

    print('%s, Python %s, nproc %s, load average %s' % (
        dt.date.today(), platform.python_version(), os.cpu_count(),
        ' '.join('%.1f' % v for v in os.getloadavg())))
    print()
    rows = bench_instances(args)
    print_instances(rows)
    bench_time(args)
    print()
    print('load average at the end: %s' % ' '.join(
        '%.1f' % v for v in os.getloadavg()))


if __name__ == '__main__':
    main()
