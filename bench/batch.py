#!/usr/bin/env python3
# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Benchmark of the batch recommendations of the powder_coating addon.

Recommending batches groups a workshop's open parts strictly by identical
powder (``trytond.modules.powder_coating.batching``). Two measures, over
``--parts`` open parts (10 000 by default) of a realistic workshop: a
catalogue of 60 powders (56 colours, 2 primers, 2 varnishes) where a few
shades (RAL 7016, 9005, 9016) take most parts, 1 to 3 coats, 10 % of the
parts with a primer and 5 % with a varnish, the cure of the powder give or
take a few °C and minutes on a part out of four, projects of 1 to 6 parts
promised over the next 30 days (one in ten without a promised date):

- ``pure``: ``batching.recommend`` on the parts as ``OpenPart`` tuples, no
  database; median and p95 of ``--runs`` runs after one warm-up.

- ``tryton``: ``powder_coating.batch.recommendations(company)`` end to end
  on a database holding those parts: the search of the open parts, the
  reading of the parts, their powders and projects, then the grouping.
  The database is built like ``bench/rpc_latency.py`` builds its own
  (``trytond-admin --all``, then ``-u powder_coating
  --activate-dependencies -l fr``) in a temporary folder (SQLite) or as
  ``atelier_bench_batch_<pid>`` at ``--pg-uri`` (PostgreSQL, dropped at
  the end), with the publisher, the workshops, their users and clients
  of ``scripts/demo_data.py`` (its ``base_demo``: not the addons' demos,
  which this benchmark does not need); the catalogue, projects and parts
  are then created with the ORM in Durand's workshop
  (``Project.create`` then ``Part.create`` in chunks: part numbers come
  from the workshop's sequence, every creation is in the audit log), the
  parts spread over the steps before curing, plus ``--other-parts`` parts
  past it (cured, checked, ready or delivered) that the search must skip.
  Each run is a fresh read-only transaction as ``owner.durand`` with his
  preferences as context and the access rules on, as a JSON-RPC call of
  the "Recommended Batches" wizard has it; median and p95 of
  ``--db-runs`` runs after one warm-up. Then ``--split-runs`` runs split
  into their stages (``open_parts`` ids, ``read_open_parts``,
  ``recommend``), as many as root without access rules, and one run under
  cProfile whose hot spots are printed (``--profile-top`` functions;
  ``--no-profile`` skips it: under the profiler a run takes several
  times longer).

Run it from the repository root with the project's virtual environment:

    .venv/bin/python bench/batch.py                  # both, SQLite
    .venv/bin/python bench/batch.py --only pure --runs 31
    .venv/bin/python bench/batch.py --only tryton --parts 2000 --db-runs 3
    .venv/bin/python bench/batch.py --backend postgresql \\
        --pg-uri postgresql://postgres@127.0.0.1:5433/

PostgreSQL is reached at ``--pg-uri`` (default: the cluster of
``scripts/pg_start.sh``, which is run when nothing answers at the default
URI).

``--keep`` keeps the temporary folder (configuration, ``setup.log``,
``profile.txt``) and the PostgreSQL database. Prints Markdown tables.
"""
import argparse
import configparser
import cProfile
import datetime as dt
import gc
import io
import json
import os
import platform
import pstats
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE_CONF = ROOT / 'config' / 'trytond.conf'
DEMO_DATA = ROOT / 'scripts' / 'demo_data.py'
PG_START = ROOT / 'scripts' / 'pg_start.sh'
DEFAULT_PG_URI = 'postgresql://postgres@127.0.0.1:5433/'

PARTS = 10000
OTHER_PARTS = 1000
RUNS = 21
DB_RUNS = 5
SPLIT_RUNS = 1
SEED = 2026
WORKSHOP = "Thermolaquage Durand"
LOGIN = 'owner.durand'
CHUNK = 500             # parts per Part.create call (and per commit)
BRAND = "Bench"

ADMIN_TIMEOUT = 1200
POPULATE_TIMEOUT = 1800
MEASURE_TIMEOUT = 1800

# --- The workshop -----------------------------------------------------------

# Colour powders: (RAL shade, finish, type, cure °C, cure min, popularity).
# The three big shades of French workshops first (anthracite grey 7016,
# black 9005, white 9016), then a long tail.
COLOURS = [
    ('RAL 7016', 'sanded', 'polyester', 200, 10, 160),
    ('RAL 9005', 'matt', 'polyester', 200, 10, 120),
    ('RAL 9016', 'gloss', 'polyester', 200, 10, 110),
    ('RAL 7016', 'matt', 'polyester', 200, 10, 70),
    ('RAL 7016', 'gloss', 'polyester', 200, 10, 45),
    ('RAL 9005', 'sanded', 'polyester', 200, 10, 40),
    ('RAL 9016', 'matt', 'polyester', 200, 10, 30),
    ('RAL 9005', 'gloss', 'polyester', 200, 10, 25),
    ('RAL 9010', 'gloss', 'polyester', 180, 10, None),
    ('RAL 7035', 'gloss', 'polyester', 180, 10, None),
    ('RAL 7022', 'sanded', 'polyester', 200, 10, None),
    ('RAL 9006', 'metallic', 'polyester', 190, 12, None),
    ('RAL 6005', 'gloss', 'polyester', 180, 10, None),
    ('RAL 9007', 'metallic', 'polyester', 190, 12, None),
    ('RAL 7021', 'matt', 'polyester', 200, 10, None),
    ('RAL 3004', 'gloss', 'polyester', 180, 10, None),
    ('RAL 8017', 'matt', 'polyester', 200, 10, None),
    ('RAL 5010', 'gloss', 'polyester', 180, 10, None),
    ('RAL 7039', 'sanded', 'polyester', 200, 10, None),
    ('RAL 1015', 'gloss', 'polyester', 180, 10, None),
    ('RAL 7012', 'matt', 'polyester', 200, 10, None),
    ('RAL 6009', 'sanded', 'polyester', 200, 10, None),
    ('RAL 3000', 'gloss', 'polyester', 180, 10, None),
    ('RAL 9001', 'gloss', 'polyester', 180, 10, None),
    ('RAL 7030', 'matt', 'polyester', 200, 10, None),
    ('RAL 5003', 'gloss', 'polyester', 180, 10, None),
    ('RAL 7015', 'sanded', 'polyester', 200, 10, None),
    ('RAL 9002', 'gloss', 'epoxy_polyester', 180, 15, None),
    ('RAL 7001', 'satin', 'polyester', 180, 10, None),
    ('RAL 1013', 'gloss', 'polyester', 180, 10, None),
    ('RAL 6021', 'gloss', 'polyester', 180, 10, None),
    ('RAL 3020', 'gloss', 'polyester', 180, 10, None),
    ('RAL 2004', 'gloss', 'polyester', 180, 10, None),
    ('RAL 1021', 'gloss', 'polyester', 180, 10, None),
    ('RAL 5015', 'gloss', 'polyester', 180, 10, None),
    ('RAL 7032', 'gloss', 'epoxy', 180, 15, None),
    ('RAL 7011', 'matt', 'polyester', 200, 10, None),
    ('RAL 8019', 'sanded', 'polyester', 200, 10, None),
    ('RAL 6018', 'gloss', 'polyester', 180, 10, None),
    ('RAL 5002', 'gloss', 'polyester', 180, 10, None),
    ('RAL 9004', 'matt', 'polyester', 200, 10, None),
    ('RAL 7024', 'matt', 'polyester', 200, 10, None),
    ('RAL 9003', 'gloss', 'polyurethane', 180, 15, None),
    ('RAL 7047', 'satin', 'polyester', 180, 10, None),
    ('RAL 1018', 'gloss', 'polyester', 180, 10, None),
    ('RAL 3005', 'satin', 'polyester', 180, 10, None),
    ('RAL 6011', 'gloss', 'polyester', 160, 15, None),
    ('RAL 7037', 'gloss', 'polyester', 160, 15, None),
    ('RAL 8014', 'hammered', 'polyester', 200, 12, None),
    ('RAL 7040', 'textured', 'polyester', 200, 12, None),
    ('RAL 5024', 'gloss', 'polyester', 180, 10, None),
    ('RAL 1023', 'gloss', 'polyester', 180, 10, None),
    ('RAL 6029', 'gloss', 'polyester', 180, 10, None),
    ('RAL 7042', 'satin', 'polyester', 180, 10, None),
    ('RAL 8028', 'matt', 'polyester', 200, 10, None),
    ('RAL 4005', 'gloss', 'polyester', 180, 10, None),
    ]
PRIMERS = [
    (None, 'matt', 'primer', 180, 10, "Primaire époxy zinc"),
    (None, 'matt', 'primer', 180, 15, "Primaire anticorrosion"),
    ]
VARNISHES = [
    (None, 'gloss', 'varnish', 180, 15, "Vernis brillant"),
    (None, 'matt', 'varnish', 180, 15, "Vernis mat"),
    ]
# (description, surface m² per part, length mm, width mm)
PART_KINDS = [
    ("Portail battant", Decimal('9.6000'), 3000, 1600),
    ("Portillon", Decimal('2.2000'), 1000, 1100),
    ("Garde-corps", Decimal('2.4000'), 1200, 1000),
    ("Jante 17 pouces", Decimal('0.3700'), 430, 430),
    ("Châssis de fenêtre", Decimal('1.2000'), 1400, 1100),
    ("Tôle perforée", Decimal('1.0000'), 1000, 500),
    ("Support moteur", Decimal('0.0900'), 180, 120),
    ("Table de jardin", Decimal('2.8000'), 1400, 800),
    ("Chaise de jardin", Decimal('1.1000'), 800, 450),
    ("Cadre de vélo", Decimal('0.5200'), 1100, 120),
    ("Radiateur fonte", Decimal('3.5000'), 900, 600),
    ("Boîte aux lettres", Decimal('0.6000'), 400, 300),
    ]
QUANTITIES = [1] * 6 + [2] * 4 + [3, 4, 4, 6, 8, 10, 12, 20, 40]
# Steps before curing and the share of the open parts at each.
OPEN_STEPS = [("Réception", 25), ("Sablage", 25), ("Masquage", 15),
    ("Poudrage", 35)]
OTHER_STEPS = [("Cuisson", 10), ("Contrôle qualité", 10), ("Prêt", 20),
    (None, 60)]


def catalogue():
    """The 60 powders: (index, spec, popularity); primers and varnishes
    have no popularity (they are drawn on their own)."""
    powders = []
    for i, colour in enumerate(COLOURS):
        weight = colour[5]
        if weight is None:    # the long tail, Zipf-like
            weight = 200 / (i + 2) ** 1.15
        powders.append((len(powders), colour[:5] + (None,), weight))
    for spec in PRIMERS + VARNISHES:
        powders.append((len(powders), spec, 0))
    return powders


def coverage(spec):
    "m²/kg as the powder computes it: 1.50 g/cm³, 70 µm, 65 %."
    return (Decimal(1000) / (Decimal('1.50') * 70) * Decimal('0.65')
        ).quantize(Decimal('0.01'))


def workshop_parts(count, seed=SEED, today=None):
    """`count` parts of a workshop in projects: a list of projects
    (promised date, [part values]), part values by powder index."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    powders = catalogue()
    colours = [p for p in powders if p[2]]
    weights = [p[2] for p in colours]
    primers = [p[0] for p in powders if p[1][2] == 'primer']
    varnishes = [p[0] for p in powders if p[1][2] == 'varnish']
    projects = []
    made = 0
    while made < count:
        promised = None if rng.random() < 0.1 else today + dt.timedelta(
            days=rng.randint(0, 30))
        size = min(rng.choice((1, 1, 1, 2, 2, 3, 4, 6)), count - made)
        colour = rng.choices(colours, weights)[0]
        parts = []
        for _ in range(size):
            if rng.random() < 0.3:    # another colour in the project
                colour = rng.choices(colours, weights)[0]
            index, (_, _, _, temperature, minutes, _), _ = colour
            if rng.random() < 0.25:   # adjusted on the quote or the part
                temperature += rng.randint(-4, 4)
                minutes += rng.choice((-2, -1, 0, 1, 2))
            kind = rng.choice(PART_KINDS)
            parts.append({
                    'description': kind[0],
                    'surface': kind[1],
                    'length': Decimal(kind[2]),
                    'width': Decimal(kind[3]),
                    'quantity': rng.choice(QUANTITIES),
                    'powder': index,
                    'coats': rng.choices((1, 2, 3), (70, 25, 5))[0],
                    'primer': rng.choice(primers)
                    if rng.random() < 0.10 else None,
                    'varnish': rng.choice(varnishes)
                    if rng.random() < 0.05 else None,
                    'cure_temperature': temperature,
                    'cure_minutes': minutes,
                    })
        projects.append((promised, parts))
        made += size
    return projects


def open_parts_of(projects):
    "The parts as batching.OpenPart tuples (powder ids = indexes + 1)."
    from trytond.modules.powder_coating import batching
    covers = {i: coverage(spec) for i, spec, _ in catalogue()}
    result = []
    for promised, parts in projects:
        for values in parts:
            result.append(batching.OpenPart(
                    id=len(result) + 1,
                    powder=values['powder'] + 1,
                    coats=values['coats'],
                    primer=None if values['primer'] is None
                    else values['primer'] + 1,
                    varnish=None if values['varnish'] is None
                    else values['varnish'] + 1,
                    cure_temperature=values['cure_temperature'],
                    cure_minutes=values['cure_minutes'],
                    quantity=values['quantity'],
                    surface=values['surface'],
                    coverage=covers[values['powder']],
                    promised_date=promised))
    return result


def summary(seconds):
    "Median, p95, min and max of durations in seconds, as ms."
    ms = sorted(s * 1000 for s in seconds)
    if len(ms) >= 2:
        p95 = statistics.quantiles(ms, n=20, method='inclusive')[18]
    else:
        p95 = ms[0]
    return {'runs': len(ms), 'median': statistics.median(ms), 'p95': p95,
        'min': ms[0], 'max': ms[-1]}


# --- (a) the pure function ---------------------------------------------------

def bench_pure(args):
    from trytond.modules.powder_coating import batching
    parts = open_parts_of(workshop_parts(args.parts, args.seed))
    rng = random.Random(args.seed)
    rng.shuffle(parts)   # as a search returns them: not grouped
    result = batching.recommend(parts)   # warm-up
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        batching.recommend(parts)
        times.append(time.perf_counter() - start)
    powders = len({p.powder for p in parts})
    return {
        'measure': 'batching.recommend (pure)',
        'parts': len(parts),
        'powders': powders,
        'recommendations': len(result),
        'largest': max(len(r.part_ids) for r in result),
        'top3': sum(sorted((len(r.part_ids) for r in result),
                reverse=True)[:3]),
        **summary(times),
        }


# --- (b) through Tryton: setup -----------------------------------------------

class BenchError(Exception):
    pass


def venv_bin(name):
    for directory in (Path(sys.executable).parent, ROOT / '.venv' / 'bin'):
        path = directory / name
        if path.exists():
            return str(path)
    raise BenchError('%s not found next to %s nor in .venv/bin'
        % (name, sys.executable))


def write_config(path, uri, db_path):
    "config/trytond.conf with this run's database."
    parser = configparser.RawConfigParser()
    parser.read(BASE_CONF, encoding='utf-8')
    if not parser.has_section('database'):
        parser.add_section('database')
    parser.set('database', 'uri', uri)
    if db_path:
        parser.set('database', 'path', str(db_path))
    elif parser.has_option('database', 'path'):
        parser.remove_option('database', 'path')
    if parser.has_option('web', 'root'):
        parser.remove_option('web', 'root')
    with open(path, 'w', encoding='utf-8') as fd:
        parser.write(fd)


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items()
        if not k.startswith('TRYTOND_') and k != 'TRYTONPASSFILE'}
    env.update(extra)
    return env


def run(step, cmd, log, timeout, env):
    print('  %s ...' % step, end=' ', file=sys.stderr, flush=True)
    start = time.monotonic()
    with open(log, 'ab') as fd:
        fd.write(('$ %s\n' % shlex.join(cmd)).encode())
        fd.flush()
        try:
            proc = subprocess.run(cmd, stdout=fd, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, env=env, cwd=ROOT, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise BenchError('%s: timed out after %ss (log: %s)'
                % (step, timeout, log))
    if proc.returncode:
        tail = Path(log).read_text(errors='replace').splitlines()[-25:]
        raise BenchError('%s failed (exit %s), end of %s:\n%s'
            % (step, proc.returncode, log, '\n'.join(tail)))
    seconds = time.monotonic() - start
    print('%.0f s' % seconds, file=sys.stderr, flush=True)
    return seconds


def run_json(step, cmd, log, timeout, env):
    "Run a step of this script in a subprocess; its last line is JSON."
    print('  %s ...' % step, end=' ', file=sys.stderr, flush=True)
    start = time.monotonic()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True,
            stdin=subprocess.DEVNULL, env=env, cwd=ROOT, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise BenchError('%s: timed out after %ss' % (step, timeout))
    with open(log, 'a') as fd:
        fd.write('$ %s\n%s%s' % (shlex.join(cmd), proc.stderr, proc.stdout))
    if proc.returncode:
        raise BenchError('%s failed:\n%s' % (step, proc.stderr[-3000:]))
    print('%.0f s' % (time.monotonic() - start), file=sys.stderr,
        flush=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def pg_admin_connect(uri):
    import psycopg
    parts = urllib.parse.urlsplit(uri)
    dsn = urllib.parse.urlunsplit(parts._replace(path='/postgres'))
    conn = psycopg.connect(dsn, connect_timeout=10)
    conn.autocommit = True
    return conn


def pg_ensure_server(uri):
    "As bench/rpc_latency.py: run scripts/pg_start.sh for the default URI."
    try:
        pg_admin_connect(uri).close()
        return
    except Exception as exception:
        error = exception
    if uri == DEFAULT_PG_URI and PG_START.exists():
        print('  nothing answers at %s: running %s'
            % (uri, PG_START.relative_to(ROOT)), file=sys.stderr, flush=True)
        subprocess.run(['bash', str(PG_START)], check=True, timeout=900,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, cwd=ROOT)
        pg_admin_connect(uri).close()
        return
    raise BenchError('PostgreSQL not reachable at %s: %s' % (uri, error))


def start_pool(config_file, database):
    "trytond in this process (it picks its backend once per process)."
    from trytond import config
    config.update_etc(config_file)
    from trytond.pool import Pool
    Pool.start()
    pool = Pool(database)
    pool.init()
    return pool


def backend_version(transaction):
    from trytond import backend
    if backend.name == 'postgresql':
        cursor = transaction.connection.cursor()
        cursor.execute('SHOW server_version')
        return 'postgresql %s' % cursor.fetchone()[0]
    import sqlite3
    return 'sqlite %s' % sqlite3.sqlite_version


def base_demo(config_file, database):
    """The publisher, the workshops, their users and clients: the base of
    scripts/demo_data.py, through proteus like it."""
    import logging
    from proteus import config as pconfig
    sys.path.insert(0, str(DEMO_DATA.parent))
    import demo_data
    pconfig.set_trytond(database, config_file=config_file)
    logging.getLogger('trytond.worker').disabled = True
    demo_data.base_demo(argparse.Namespace(
            database=database, config_file=config_file))


def populate(config_file, database, count, others, seed):
    """The workshops (base_demo), then the catalogue, projects and parts
    of Durand's workshop, with the ORM as root in the workshop's context;
    prints JSON."""
    started = time.monotonic()
    base_demo(config_file, database)
    timings = {'base_demo': time.monotonic() - started}
    started = time.monotonic()
    from trytond.pool import Pool
    pool = Pool(database)
    from trytond.transaction import Transaction
    with Transaction().start(database, 0) as transaction:
        Company = pool.get('company.company')
        Party = pool.get('party.party')
        Powder = pool.get('powder_coating.powder')
        RAL = pool.get('powder_coating.ral')
        Project = pool.get('powder_coating.project')
        Part = pool.get('powder_coating.project.part')
        Step = pool.get('powder_coating.step')
        company, = Company.search([('party.name', '=', WORKSHOP)])
        with transaction.set_context(company=company.id):
            rals = {r.code: r.id for r in RAL.search([])}
            powders = Powder.create([{
                        'company': company.id,
                        'brand': BRAND,
                        'reference': 'B-%02d-%s' % (i, (spec[0] or spec[5])
                            .replace(' ', '')[:12]),
                        'name': spec[5],
                        'ral': rals.get(spec[0]),
                        'finish': spec[1],
                        'powder_type': spec[2],
                        'cure_temperature': spec[3],
                        'cure_minutes': spec[4],
                        'specific_gravity': Decimal('1.50'),
                        'thickness': 70,
                        'efficiency': Decimal('65'),
                        'price_per_kg': Decimal('14.50'),
                        } for i, spec, _ in catalogue()])
            ids = [p.id for p in powders]
            parties = Party.create([{
                        'name': "Client banc %03d" % i,
                        'company': company.id,
                        } for i in range(60)])
            transaction.commit()
            steps = {s.name: s.id for s in Step.workflow(company)}
            for name, _ in OPEN_STEPS + OTHER_STEPS:
                if name is not None and name not in steps:
                    raise BenchError('no step %r in %s' % (name, steps))
            timings['catalogue'] = time.monotonic() - started

            rng = random.Random(seed)
            plan = [(projects, steps_) for projects, steps_ in [
                    (workshop_parts(count, seed), OPEN_STEPS),
                    (workshop_parts(others, seed + 1), OTHER_STEPS)]]
            created = {'projects': 0, 'parts': 0}
            part_seconds = project_seconds = 0
            for projects, steps_ in plan:
                names = [n for n, _ in steps_]
                weights = [w for _, w in steps_]
                chunk = []
                for n, project in enumerate(projects):
                    chunk.append(project)
                    if sum(len(p[1]) for p in chunk) < CHUNK \
                            and n + 1 < len(projects):
                        continue
                    t0 = time.monotonic()
                    records = Project.create([{
                                'company': company.id,
                                'number': 'PRJ-B%06d' % (
                                    created['projects'] + i + 1),
                                'party': rng.choice(parties).id,
                                'promised_date': promised,
                                'drop_off_date': dt.date.today()
                                - dt.timedelta(days=rng.randint(0, 10)),
                                'priority': rng.choices(
                                    ('low', 'normal', 'high', 'urgent'),
                                    (10, 70, 15, 5))[0],
                                } for i, (promised, _) in enumerate(chunk)])
                    t1 = time.monotonic()
                    vlist = []
                    for record, (_, parts) in zip(records, chunk):
                        step = rng.choices(names, weights)[0]
                        for values in parts:
                            values = dict(values)
                            for name in ('powder', 'primer', 'varnish'):
                                if values[name] is not None:
                                    values[name] = ids[values[name]]
                            values['project'] = record.id
                            values['step'] = steps.get(step)
                            vlist.append(values)
                    Part.create(vlist)
                    t2 = time.monotonic()
                    transaction.commit()
                    project_seconds += t1 - t0
                    part_seconds += t2 - t1
                    created['projects'] += len(chunk)
                    created['parts'] += len(vlist)
                    chunk = []
                    print('    %d parts' % created['parts'], file=sys.stderr,
                        flush=True)
            timings['projects'] = project_seconds
            timings['parts'] = part_seconds
            Batch = pool.get('powder_coating.batch')
            open_count = len(Batch.open_parts(company))
        # Fresh planner statistics, as autovacuum would soon give them.
        transaction.connection.cursor().execute('ANALYZE')
        transaction.commit()
        version = backend_version(transaction)
    print(json.dumps({
                'company': company.id,
                'created_parts': created['parts'],
                'created_projects': created['projects'],
                'open_parts': open_count,
                'seconds': round(time.monotonic() - started, 1),
                'timings': {k: round(v, 1) for k, v in timings.items()},
                'backend_version': version,
                }))


# --- (b) through Tryton: measure ---------------------------------------------

def measure(config_file, database, runs, split_runs, profile_path,
        profile_top):
    """Batch.recommendations as owner.durand, a fresh transaction per run;
    then the split, root, and a cProfile run. Prints JSON."""
    pool = start_pool(config_file, database)
    from trytond.modules.powder_coating import batching
    from trytond.transaction import Transaction
    Batch = pool.get('powder_coating.batch')
    User = pool.get('res.user')
    Company = pool.get('company.company')
    with Transaction().start(database, 0, readonly=True):
        user, = User.search([('login', '=', LOGIN)])
        company, = Company.search([('party.name', '=', WORKSHOP)])
        user_id, company_id = user.id, company.id
    with Transaction().start(database, user_id, readonly=True):
        context = User.get_preferences(context_only=True)
    context['company'] = company_id
    context['_check_access'] = True   # as the RPC dispatcher sets it

    def call(user=user_id, context=context):
        gc.collect()   # each run starts from the same heap
        with Transaction().start(database, user, readonly=True,
                context=context):
            start = time.perf_counter()
            result = Batch.recommendations(company_id)
            return time.perf_counter() - start, result

    _, result = call()    # warm-up: pool caches, ir.rule, ir.model.access
    times = []
    for _ in range(runs):
        seconds, result = call()
        times.append(seconds)
        print('    %.2f s' % seconds, file=sys.stderr, flush=True)
    parts = sum(len(r.part_ids) for r in result)

    # Runs split into their three stages.
    split = {'open_parts': [], 'open_part': [], 'recommend': []}
    for _ in range(split_runs):
        gc.collect()
        with Transaction().start(database, user_id, readonly=True,
                context=context):
            t0 = time.perf_counter()
            records = Batch.open_parts(company_id)
            t1 = time.perf_counter()
            tuples = Batch.read_open_parts(records)
            t2 = time.perf_counter()
            batching.recommend(tuples)
            t3 = time.perf_counter()
        split['open_parts'].append(t1 - t0)
        split['open_part'].append(t2 - t1)
        split['recommend'].append(t3 - t2)
        del records, tuples

    root_context = dict(context)
    del root_context['_check_access']
    root = [call(user=0, context=root_context)[0]
        for _ in range(split_runs)]

    total, hot = None, {'tottime': [], 'cumtime': []}
    if profile_path != '-':
        gc.collect()
        profiler = cProfile.Profile()
        with Transaction().start(database, user_id, readonly=True,
                context=context):
            profiler.enable()
            Batch.recommendations(company_id)
            profiler.disable()
        profiler.dump_stats(profile_path)
        stats = pstats.Stats(profiler)
        total = stats.total_tt
        for (filename, line, name), (_, calls, own, cumulative, _) \
                in stats.stats.items():
            label = '%s:%d(%s)' % (short_path(filename), line, name)
            hot['tottime'].append((own, cumulative, calls, label))
            hot['cumtime'].append((cumulative, own, calls, label))
        hot = {k: [(round(a / total * 100, 1), round(b / total * 100, 1),
                    calls, label)
                for a, b, calls, label in sorted(v, reverse=True)[
                    :profile_top]]
            for k, v in hot.items()}
    with Transaction().start(database, 0, readonly=True) as transaction:
        version = backend_version(transaction)
    print(json.dumps({
                'parts': parts,
                'recommendations': len(result),
                'user': summary(times),
                'root': summary(root),
                'split': {k: summary(v) for k, v in split.items()},
                'profile_total': total,
                'hot': hot,
                'backend_version': version,
                }))


def short_path(filename):
    for marker in ('site-packages/', '/addons/', '/core_addons/'):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


# --- (b) through Tryton: orchestration ---------------------------------------

def bench_tryton(args):
    tmp = Path(tempfile.mkdtemp(prefix='atelier-bench-batch-'))
    conf = str(tmp / 'trytond.conf')
    log = str(tmp / 'setup.log')
    passfile = tmp / 'admin-password'
    passfile.write_text('admin\n')
    passfile.chmod(0o600)
    pg_conn = None
    if args.backend == 'sqlite':
        database = 'bench'
        db_path = tmp / 'db'
        db_path.mkdir()
        (db_path / ('%s.sqlite' % database)).touch()
        write_config(conf, 'sqlite://', db_path)
    else:
        database = 'atelier_bench_batch_%d' % os.getpid()
        pg_ensure_server(args.pg_uri)
        pg_conn = pg_admin_connect(args.pg_uri)
        pg_conn.cursor().execute('CREATE DATABASE "%s"' % database)
        write_config(conf, args.pg_uri, None)
    ok = False
    setup = {}
    try:
        env = clean_env()
        admin = venv_bin('trytond-admin')
        setup['admin'] = run('trytond-admin --all',
            [admin, '-c', conf, '-d', database, '--all', '--email',
                'admin@example.com'], log, ADMIN_TIMEOUT,
            clean_env(TRYTONPASSFILE=str(passfile)))
        setup['admin'] += run('trytond-admin -u powder_coating',
            [admin, '-c', conf, '-d', database, '-u', 'powder_coating',
                '--activate-dependencies', '-l', 'fr'],
            log, ADMIN_TIMEOUT, env)
        populated = run_json('workshops, %d + %d parts' % (args.parts,
                args.other_parts), [sys.executable, __file__, '--populate',
                conf, database, str(args.parts), str(args.other_parts),
                str(args.seed)], log, POPULATE_TIMEOUT, env)
        load_before = os.getloadavg()
        profile = '-' if args.no_profile else str(tmp / 'profile.pstats')
        measured = run_json('measuring (%d runs + 1 warm-up, %d split, '
            '%d as root%s)' % (args.db_runs, args.split_runs,
                args.split_runs, '' if args.no_profile else ', 1 profiled'),
            [sys.executable, __file__, '--measure', conf, database,
                str(args.db_runs), str(args.split_runs), profile,
                str(args.profile_top)], log, MEASURE_TIMEOUT, env)
        measured['load'] = (load_before[0], os.getloadavg()[0])
        measured['setup'] = setup
        measured['populated'] = populated
        if not args.no_profile:
            stats = pstats.Stats(profile, stream=io.StringIO())
            with open(tmp / 'profile.txt', 'w') as fd:
                stats.stream = fd
                stats.sort_stats('cumulative').print_stats(60)
                stats.sort_stats('tottime').print_stats(40)
        ok = True
        return measured
    finally:
        if pg_conn is not None:
            if not args.keep:
                pg_conn.cursor().execute(
                    'DROP DATABASE IF EXISTS "%s"' % database)
            pg_conn.close()
        if args.keep or not ok:
            print('  files kept in %s' % tmp, file=sys.stderr, flush=True)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


# --- report ------------------------------------------------------------------

def machine_line():
    cpu = ''
    try:
        with open('/proc/cpuinfo') as fd:
            for line in fd:
                if line.startswith('model name'):
                    cpu = line.split(':', 1)[1].strip()
                    break
    except OSError:
        pass
    import trytond
    return ('%s, nproc %s, %s, Python %s, trytond %s; load average %.2f'
        % (dt.date.today().isoformat(), os.cpu_count(),
            cpu or platform.machine(), platform.python_version(),
            trytond.__version__, os.getloadavg()[0]))


def row(measure, where, parts, recommendations, s):
    return ('| %s | %s | %s | %s | %d | %.1f | %.1f | %.1f | %.1f |'
        % (measure, where, parts, recommendations, s['runs'], s['median'],
            s['p95'], s['min'], s['max']))


def report(args, pure, tryton):
    lines = [machine_line(), '',
        '| measure | where | open parts | recommendations | runs '
        '| median (ms) | p95 (ms) | min (ms) | max (ms) |',
        '|---|---|--:|--:|--:|--:|--:|--:|--:|']
    if pure:
        lines.append(row(pure['measure'], 'in memory', pure['parts'],
                pure['recommendations'], pure))
    if tryton:
        where = tryton['backend_version']
        lines.append(row('Batch.recommendations(company)', where
                + ', owner.durand', tryton['parts'],
                tryton['recommendations'], tryton['user']))
        for name, label in [('open_parts', '↳ Batch.open_parts (search)'),
                ('open_part', '↳ read_open_parts (reads in chunks)'),
                ('recommend', '↳ batching.recommend')]:
            lines.append(row(label, where + ', owner.durand', '', '',
                    tryton['split'][name]))
        lines.append(row('Batch.recommendations(company)',
                where + ', root, no access rules', tryton['parts'],
                tryton['recommendations'], tryton['root']))
    lines.append('')
    if pure:
        lines.append('- pure: %d parts of %d colour powders (with 2 primers '
            'and 2 varnishes), %d recommendations '
            '(the largest of %d parts; the 3 largest hold %d parts), '
            'shuffled; %d runs after one warm-up.'
            % (pure['parts'], pure['powders'], pure['recommendations'],
                pure['largest'], pure['top3'], pure['runs']))
    if tryton:
        p = tryton['populated']
        lines.append('- tryton: %d parts created in %d projects (%d open, '
            'the others past curing) in %.0f s (parts %.0f s, projects '
            '%.0f s); setup before that: trytond-admin %.0f s, workshops '
            'and users %.0f s. Load average %.2f before the measures, %.2f '
            'after. '
            'Each run is a new read-only transaction; %d runs after one '
            'warm-up, then %d for the split and %d as root.'
            % (p['created_parts'], p['created_projects'], p['open_parts'],
                p['seconds'], p['timings']['parts'],
                p['timings']['projects'], tryton['setup']['admin'],
                p['timings']['base_demo'], tryton['load'][0],
                tryton['load'][1], tryton['user']['runs'],
                tryton['split']['open_parts']['runs'],
                tryton['root']['runs']))
        if tryton['profile_total'] is None:
            return '\n'.join(lines)
        lines.append('')
        lines.append('Hot spots of one run of Batch.recommendations under '
            'cProfile (%.2f s with the profiler), share of the run:'
            % tryton['profile_total'])
        lines.append('')
        lines.append('| function | own time % | with callees % | calls |')
        lines.append('|---|--:|--:|--:|')
        for own, cum, calls, label in tryton['hot']['tottime']:
            lines.append('| `%s` | %.1f | %.1f | %d |'
                % (label, own, cum, calls))
        lines.append('')
        lines.append('| function (by time with callees) | with callees % '
            '| own time % | calls |')
        lines.append('|---|--:|--:|--:|')
        for cum, own, calls, label in tryton['hot']['cumtime']:
            lines.append('| `%s` | %.1f | %.1f | %d |'
                % (label, cum, own, calls))
    return '\n'.join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog='\n'.join(__doc__.splitlines()[2:]))
    parser.add_argument('--only', choices=['pure', 'tryton'],
        help='run one of the two measures (default: both)')
    parser.add_argument('--parts', type=int, default=PARTS,
        help='open parts (default: %(default)s)')
    parser.add_argument('--other-parts', type=int, default=OTHER_PARTS,
        help='parts past curing in the database (default: %(default)s)')
    parser.add_argument('--runs', type=int, default=RUNS,
        help='runs of the pure function (default: %(default)s)')
    parser.add_argument('--db-runs', type=int, default=DB_RUNS,
        help='runs through Tryton (default: %(default)s)')
    parser.add_argument('--seed', type=int, default=SEED)
    parser.add_argument('--backend', choices=['sqlite', 'postgresql'],
        default='sqlite')
    parser.add_argument('--pg-uri', default=DEFAULT_PG_URI,
        help='PostgreSQL server URI, trytond style (default: %(default)s)')
    parser.add_argument('--profile-top', type=int, default=15,
        help='hot spots listed (default: %(default)s)')
    parser.add_argument('--keep', action='store_true',
        help='keep the temporary files and the PostgreSQL database')
    parser.add_argument('--populate', nargs=5, help=argparse.SUPPRESS)
    parser.add_argument('--split-runs', type=int, default=SPLIT_RUNS,
        help='runs split into stages, and runs as root (default: '
        '%(default)s)')
    parser.add_argument('--no-profile', action='store_true',
        help='no run under cProfile')
    parser.add_argument('--measure', nargs=6, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.populate:
        conf, database, count, others, seed = args.populate
        populate(conf, database, int(count), int(others), int(seed))
        return 0
    if args.measure:
        conf, database, runs, split_runs, path, top = args.measure
        measure(conf, database, int(runs), int(split_runs), path, int(top))
        return 0
    if args.parts < 1 or args.runs < 2 or args.db_runs < 2 \
            or args.other_parts < 0 or args.split_runs < 1:
        parser.error('--parts and --split-runs must be positive, '
            '--other-parts not negative, --runs and --db-runs at least 2')
    if not args.pg_uri.endswith('/'):
        args.pg_uri += '/'
    pure = tryton = None
    try:
        if args.only in (None, 'pure'):
            print('pure function ...', file=sys.stderr, flush=True)
            pure = bench_pure(args)
        if args.only in (None, 'tryton'):
            print('through Tryton (%s) ...' % args.backend, file=sys.stderr,
                flush=True)
            tryton = bench_tryton(args)
    except BenchError as exception:
        print('error: %s' % exception, file=sys.stderr)
        return 1
    print(report(args, pure, tryton))
    return 0


if __name__ == '__main__':
    sys.exit(main())
