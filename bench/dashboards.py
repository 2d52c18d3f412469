#!/usr/bin/env python3
# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Benchmark of the dashboards of the powder_coating addon on a large
workshop (PostgreSQL only).

A throwaway database ``atelier_bench_dash_<pid>`` at ``--pg-uri`` gets
``trytond-admin --all`` then ``-u powder_coating --activate-dependencies``;
two workshops are created with the ORM (companies, a few clients, a
catalogue of 60 powders each, the default steps and defect types, an owner
per workshop), then the history is bulk-inserted in SQL (``INSERT ...
SELECT`` over ``generate_series``, not the ORM), spread over the last two
years:

- ``--projects`` projects (100 000), 90 % in the big workshop, each from an
  accepted and signed quote, plus 30 % more quotes sent and refused,
  expired or waiting; 1 to 5 parts per project, mostly finished (ready,
  delivered or collected) with a few late; a non-conformity on 3 % of the
  parts;
- ``--moves`` done stock moves (1 000 000), 90 % in the big workshop: 85 %
  powder sprayed (storage → powder booth), 10 % receipts (supplier →
  storage), 5 % weighing corrections (storage → lost and found).

Then ``ANALYZE``, and each dashboard is read as the client reads it: a
``search_read`` of the dashboard model with the fields of its list, as the
big workshop's owner with the access rules on, the context of a one-year
period (per month, and per week for the time series), in a fresh read-only
transaction; median and max of ``--runs`` runs after one warm-up.

    PG_PORT=5440 scripts/pg_start.sh
    .venv/bin/python bench/dashboards.py \\
        --pg-uri postgresql://postgres@127.0.0.1:5440/

``--keep`` keeps the database and the temporary folder. Prints a Markdown
table.
"""
import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch import (  # noqa: E402
    BenchError, backend_version, clean_env, machine_line, pg_admin_connect,
    pg_ensure_server, run, run_json, start_pool, venv_bin, write_config)

ADMIN_TIMEOUT = 3600
POPULATE_TIMEOUT = 3600
MEASURE_TIMEOUT = 1800
LIMIT_MS = 200

# model, period (None: the model has no dates), the fields of its list
DASHBOARDS = [
    ('quote', ['sent', 'accepted', 'refused', 'expired', 'conversion',
            'accept_days', 'amount', 'average_amount', 'date']),
    ('production', ['date', 'projects', 'parts', 'surface', 'late',
            'late_rate', 'ready_days', 'delivery_days', 'capacity_use']),
    ('shade', ['ral', 'parts', 'quantity', 'surface']),
    ('finish', ['finish', 'parts', 'quantity', 'surface']),
    ('powder', ['powder', 'kg', 'trend']),
    ('powder.month', ['date', 'powder', 'kg']),
    ('stock', ['powder', 'stock_kg', 'threshold', 'used_kg', 'days_left',
            'lead_time', 'risk', 'reliability']),
    ('quality', ['date', 'parts', 'nc_parts', 'non_conformities',
            'nc_rate']),
    ('defect', ['defect_type', 'non_conformities', 'parts', 'open',
            'delay_hours']),
    ('nc_powder', ['powder', 'parts', 'nc_parts', 'non_conformities',
            'nc_rate']),
    ('nc_finish', ['finish', 'parts', 'nc_parts', 'non_conformities',
            'nc_rate']),
    ('money', ['date', 'quotes', 'untaxed_amount', 'total_amount']),
    ]
TIME_SERIES = {'quote', 'production', 'powder', 'powder.month', 'quality',
    'money'}


# --- populate (in its own process) ------------------------------------------

def create_workshops(pool):
    """Two workshops with their owner, clients, powders, steps and defect
    types, through the ORM."""
    from decimal import Decimal

    from trytond.transaction import Transaction
    Currency = pool.get('currency.currency')
    Party = pool.get('party.party')
    Company = pool.get('company.company')
    User = pool.get('res.user')
    ModelData = pool.get('ir.model.data')
    Powder = pool.get('powder_coating.powder')
    RAL = pool.get('powder_coating.ral')
    Step = pool.get('powder_coating.step')
    Configuration = pool.get('powder_coating.configuration')
    euro, = Currency.create([{'name': "Euro", 'code': 'EUR', 'symbol': '€'}])
    shades = RAL.search([], limit=56, order=[('code', 'ASC')])
    finishes = ['gloss', 'matt', 'satin', 'textured', 'metallic']
    workshops = []
    for name in ["Grand atelier", "Petit atelier"]:
        party, = Party.create([{'name': name}])
        company, = Company.create([{'party': party.id,
                    'currency': euro.id}])
        with Transaction().set_context(company=company.id):
            Party.create([{'name': '%s client %d' % (name, i)}
                    for i in range(20)])
            Powder.create([{
                        'brand': "Bench", 'reference': '%s-%03d' % (
                            name[:5], i),
                        'ral': shades[i % len(shades)].id,
                        'powder_type': 'polyester',
                        'finish': finishes[i % len(finishes)],
                        'specific_gravity': Decimal('1.5'),
                        'thickness': 70, 'efficiency': Decimal(65),
                        'cure_temperature': 200, 'cure_minutes': 10,
                        'price_per_kg': Decimal('14.5'),
                        'reorder_threshold': Decimal(10),
                        } for i in range(60)])
            Step.create_defaults(company)
            settings = Configuration.get(company, create=True)
            settings.daily_capacity = 400.0
            settings.save()
        User.create([{
                    'name': 'Owner %s' % name, 'login': 'owner%d' % (
                        len(workshops) + 1),
                    'companies': [('add', [company.id])],
                    'groups': [('add', [
                                ModelData.get_id('saas', 'group_owner')])],
                    }])
        workshops.append(company.id)
    for i, company in enumerate(workshops, 1):
        user, = User.search([('login', '=', 'owner%d' % i)])
        User.write([user], {'company': company})
    return workshops


def insert_history(cursor, company, projects, moves, first_id, today):
    """The quotes, signatures, projects, parts and non-conformities of
    `projects` projects and `moves` stock moves of `company`, in SQL."""
    days = 730
    start = today - dt.timedelta(days=days)
    params = {'company': company, 'n': projects, 'start': start,
        'days': days, 'first': first_id, 'moves': moves}
    # Accepted quotes: one per project, sent 0-20 days before drop-off.
    cursor.execute("""
        INSERT INTO powder_coating_quote (id, company, party, number, date,
            state, sent_at, untaxed_amount_cache, total_amount_cache,
            create_uid, create_date)
        SELECT %(first)s + g, %(company)s,
            (SELECT MIN(id) FROM party_party WHERE company = %(company)s)
                + (g %% 20),
            'DEV-B-' || (%(first)s + g),
            d::date, 'accepted', d,
            ROUND((100 + random() * 2000)::numeric, 2),
            ROUND((120 + random() * 2400)::numeric, 2), 0, NOW()
        FROM (SELECT g, %(start)s::timestamp
                + (random() * %(days)s) * INTERVAL '1 day' AS d
            FROM generate_series(1, %(n)s) AS g) AS s
        """, params)
    cursor.execute("""
        INSERT INTO powder_coating_quote_signature (id, company, quote,
            signer, signed_at, channel, create_uid, create_date)
        SELECT q.id, q.company, q.id, 'Client',
            q.sent_at + (random() * 10) * INTERVAL '1 day', 'back_office',
            0, NOW()
        FROM powder_coating_quote AS q
        WHERE q.id > %(first)s AND q.id <= %(first)s + %(n)s
        """, params)
    cursor.execute("""
        UPDATE powder_coating_quote AS q
        SET signature = s.id, accepted_at = s.signed_at
        FROM powder_coating_quote_signature AS s
        WHERE s.id = q.id AND q.id > %(first)s AND q.id <= %(first)s + %(n)s
        """, params)
    # 30 % more quotes that were not accepted.
    cursor.execute("""
        INSERT INTO powder_coating_quote (id, company, party, number, date,
            state, sent_at, untaxed_amount_cache, total_amount_cache,
            create_uid, create_date)
        SELECT %(first)s + %(n)s + g, %(company)s,
            (SELECT MIN(id) FROM party_party WHERE company = %(company)s)
                + (g %% 20),
            'DEV-B-' || (%(first)s + %(n)s + g),
            d::date, (ARRAY['refused', 'expired', 'sent'])[1 + g %% 3], d,
            ROUND((100 + random() * 2000)::numeric, 2),
            ROUND((120 + random() * 2400)::numeric, 2), 0, NOW()
        FROM (SELECT g, %(start)s::timestamp
                + (random() * %(days)s) * INTERVAL '1 day' AS d
            FROM generate_series(1, (%(n)s * 3) / 10) AS g) AS s
        """, params)
    # Projects: dropped off after the signature, ready 2-20 days later
    # (the last weeks' still in progress), promised after 10 days.
    cursor.execute("""
        INSERT INTO powder_coating_project (id, company, party, quote,
            number, drop_off_date, promised_date, state, priority,
            ready_date, closed_date, create_uid, create_date)
        SELECT q.id, q.company, q.party, q.id, 'PRJ-B-' || q.id,
            s.signed_at::date + 1, s.signed_at::date + 11,
            CASE WHEN s.signed_at + INTERVAL '25 days' > %(today)s
                THEN 'in_progress'
                WHEN q.id %% 2 = 0 THEN 'delivered' ELSE 'collected' END,
            'normal',
            CASE WHEN s.signed_at + INTERVAL '25 days' > %(today)s THEN NULL
                ELSE s.signed_at + (3 + random() * 18) * INTERVAL '1 day'
                END,
            CASE WHEN s.signed_at + INTERVAL '25 days' > %(today)s THEN NULL
                ELSE s.signed_at + (22 + random() * 3) * INTERVAL '1 day'
                END,
            0, NOW()
        FROM powder_coating_quote AS q
        JOIN powder_coating_quote_signature AS s ON s.id = q.signature
        WHERE q.id > %(first)s AND q.id <= %(first)s + %(n)s
        """, dict(params, today=today))
    # 1 to 5 parts per project.
    cursor.execute("""
        INSERT INTO powder_coating_project_part (company, project, number,
            description, quantity, surface, powder, coats, sequence,
            create_uid, create_date)
        SELECT p.company, p.id, 'P-B-' || p.id || '-' || k, 'Part',
            1 + (random() * 10)::int, ROUND((0.2 + random() * 3)::numeric, 4),
            (SELECT MIN(id) FROM powder_coating_powder
                WHERE company = %(company)s)
                + LEAST(59, (random() * random() * 60)::int),
            1, k, 0, NOW()
        FROM powder_coating_project AS p,
            generate_series(1, 5) AS k
        WHERE p.id > %(first)s AND p.id <= %(first)s + %(n)s
            AND k <= 1 + p.id %% 5
        """, params)
    # A non-conformity on 3 % of the parts.
    cursor.execute("""
        INSERT INTO powder_coating_non_conformity (company, part, project,
            step, return_step, defect_type, powder, date, state,
            closed_date, resolved_hours, create_uid, create_date)
        SELECT t.company, t.id, t.project,
            (SELECT id FROM powder_coating_step WHERE company = %(company)s
                AND kind = 'qc'),
            (SELECT id FROM powder_coating_step WHERE company = %(company)s
                AND kind = 'touch_up'),
            (SELECT MIN(id) FROM powder_coating_defect_type
                WHERE company = %(company)s) + t.id %% 4,
            t.powder, p.drop_off_date + 2, 'closed',
            p.drop_off_date + 3, 24, 0, NOW()
        FROM powder_coating_project_part AS t
        JOIN powder_coating_project AS p ON p.id = t.project
        WHERE p.id > %(first)s AND p.id <= %(first)s + %(n)s
            AND random() < 0.03
        """, params)
    # Stock moves of the workshop's powders.
    cursor.execute("""
        INSERT INTO stock_move (company, product, unit, quantity,
            internal_quantity, from_location, to_location, state,
            effective_date, planned_date, unit_price, currency,
            create_uid, create_date)
        SELECT %(company)s, w.product, %(kg)s, q, q,
            CASE WHEN r < 0.10 THEN %(supplier)s ELSE %(storage)s END,
            CASE WHEN r < 0.10 THEN %(storage)s
                WHEN r < 0.15 THEN %(lost)s ELSE %(booth)s END,
            'done', d, d,
            CASE WHEN r < 0.10 THEN 14.5 END,
            CASE WHEN r < 0.10 THEN %(currency)s END, 0, NOW()
        FROM (SELECT g, random() AS r,
                ROUND((0.1 + random() * 4)::numeric, 3)::float AS q,
                (%(start)s::date + (random() * %(days)s)::int) AS d,
                1 + (random() * random() * 60)::int AS k
            FROM generate_series(1, %(moves)s) AS g) AS m
        JOIN (SELECT product, ROW_NUMBER() OVER (ORDER BY id) AS k
            FROM powder_coating_powder WHERE company = %(company)s) AS w
            ON w.k = m.k
        """, dict(params, **LOCATIONS))

LOCATIONS = {}


def populate(config_file, database, projects, moves):
    "Prints JSON: the workshops and how long each step took."
    pool = start_pool(config_file, database)
    from trytond.transaction import Transaction
    timings = {}
    started = time.monotonic()
    with Transaction().start(database, 0) as transaction:
        workshops = create_workshops(pool)
        ModelData = pool.get('ir.model.data')
        Location = pool.get('stock.location')
        Company = pool.get('company.company')
        LOCATIONS.update(
            kg=ModelData.get_id('product', 'uom_kilogram'),
            supplier=ModelData.get_id('stock', 'location_supplier'),
            lost=ModelData.get_id('stock', 'location_lost_found'),
            booth=ModelData.get_id(
                'powder_coating', 'location_powder_consumption'),
            storage=Location(ModelData.get_id(
                    'stock', 'location_warehouse')).storage_location.id,
            currency=Company(workshops[0]).currency.id)
        transaction.commit()
    timings['workshops'] = time.monotonic() - started
    today = dt.date.today()
    first = 0
    for company, share in zip(workshops, [0.9, 0.1]):
        started = time.monotonic()
        with Transaction().start(database, 0) as transaction:
            cursor = transaction.connection.cursor()
            n = int(projects * share)
            insert_history(cursor, company, n, int(moves * share),
                1_000_000 + first, today)
            first += 2 * n
            transaction.commit()
        timings['history %d' % company] = time.monotonic() - started
    started = time.monotonic()
    with Transaction().start(database, 0) as transaction:
        # The moves were inserted in SQL, not done through Tryton: compute
        # the powders' days from them, as an upgrade of a database does.
        pool.get('powder_coating.powder.day').rebuild()
        transaction.commit()
    timings['powder days'] = time.monotonic() - started
    started = time.monotonic()
    with Transaction().start(database, 0) as transaction:
        # And the figures a project stores when it becomes ready.
        Project = pool.get('powder_coating.project')
        cursor = transaction.connection.cursor()
        cursor.execute('SELECT id FROM powder_coating_project '
            'WHERE ready_date IS NOT NULL')
        Project.store_ready_figures(
            [Project(i) for i, in cursor.fetchall()])
        # And the quotes' days, from the quotes inserted in SQL.
        pool.get('powder_coating.quote.day').refresh()
        transaction.commit()
    timings['ready figures'] = time.monotonic() - started
    started = time.monotonic()
    with Transaction().start(database, 0) as transaction:
        cursor = transaction.connection.cursor()
        for table in ['powder_coating_quote', 'powder_coating_project',
                'powder_coating_quote_signature',
                'powder_coating_project_part',
                'powder_coating_non_conformity', 'stock_move']:
            cursor.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'),"
                " (SELECT MAX(id) FROM " + table + "))", (table,))
        counts = {}
        for table in ['powder_coating_quote', 'powder_coating_project',
                'powder_coating_project_part',
                'powder_coating_non_conformity', 'stock_move',
                'powder_coating_powder_day', 'powder_coating_quote_day',
                'powder_coating_powder_ready_day']:
            cursor.execute('SELECT COUNT(*) FROM ' + table)
            counts[table] = cursor.fetchone()[0]
        transaction.commit()
    with Transaction().start(database, 0, autocommit=True) as transaction:
        # What autovacuum does on a live database: the statistics, and the
        # visibility map the index-only scans need.
        transaction.connection.cursor().execute('VACUUM ANALYZE')
    timings['analyze'] = time.monotonic() - started
    print(json.dumps({'workshops': workshops, 'timings': timings,
                'counts': counts}))


def measure(config_file, database, runs):
    "Prints JSON: the times of each dashboard's search_read, in ms."
    pool = start_pool(config_file, database)
    from trytond.transaction import Transaction
    with Transaction().start(database, 0, readonly=True) as transaction:
        User = pool.get('res.user')
        user, = User.search([('login', '=', 'owner1')])
        user_id = user.id
        version = backend_version(transaction)
    with Transaction().start(database, user_id, readonly=True):
        context = User.get_preferences(context_only=True)
    today = dt.date.today()
    period = {'from_date': today - dt.timedelta(days=365), 'to_date': today}
    results = []
    for name, fields in DASHBOARDS:
        for per in (['month', 'week'] if name in TIME_SERIES
                else ['month']):
            ctx = dict(context, period=per, _check_access=True, **period)
            times, rows = [], 0
            for i in range(runs + 1):
                with Transaction().start(database, user_id, readonly=True,
                        context=ctx):
                    Model = pool.get('powder_coating.dashboard.' + name)
                    started = time.perf_counter()
                    # The web client reads a page of 1 000 rows at most.
                    rows = len(Model.search_read([], limit=1000,
                            fields_names=fields))
                    elapsed = (time.perf_counter() - started) * 1000
                if i:
                    times.append(elapsed)
            results.append({'dashboard': name, 'period': per, 'rows': rows,
                    'median': statistics.median(times), 'max': max(times)})
    print(json.dumps({'version': version, 'results': results}))


# --- driver -------------------------------------------------------------------

def bench(args):
    tmp = Path(tempfile.mkdtemp(prefix='atelier-bench-dash-'))
    conf = str(tmp / 'trytond.conf')
    log = str(tmp / 'setup.log')
    passfile = tmp / 'admin-password'
    passfile.write_text('admin\n')
    passfile.chmod(0o600)
    database = 'atelier_bench_dash_%d' % os.getpid()
    pg_ensure_server(args.pg_uri)
    pg_conn = pg_admin_connect(args.pg_uri)
    pg_conn.cursor().execute('CREATE DATABASE "%s"' % database)
    write_config(conf, args.pg_uri, None)
    ok = False
    try:
        env = clean_env()
        admin = venv_bin('trytond-admin')
        setup = run('trytond-admin --all', [admin, '-c', conf, '-d',
                database, '--all', '--email', 'admin@example.com'], log,
            ADMIN_TIMEOUT, clean_env(TRYTONPASSFILE=str(passfile)))
        setup += run('trytond-admin -u powder_coating', [admin, '-c', conf,
                '-d', database, '-u', 'powder_coating',
                '--activate-dependencies'], log, ADMIN_TIMEOUT, env)
        populated = run_json('%d projects, %d moves' % (args.projects,
                args.moves), [sys.executable, __file__, '--populate', conf,
                database, str(args.projects), str(args.moves)], log,
            POPULATE_TIMEOUT, env)
        load = os.getloadavg()[0]
        measured = run_json('measuring (%d runs + 1 warm-up)' % args.runs,
            [sys.executable, __file__, '--measure', conf, database,
                str(args.runs)], log, MEASURE_TIMEOUT, env)
        measured.update(setup=setup, populated=populated, load=load)
        ok = True
        return measured
    finally:
        if not args.keep:
            pg_conn.cursor().execute('DROP DATABASE IF EXISTS "%s"'
                % database)
        pg_conn.close()
        if args.keep or not ok:
            print('  files kept in %s' % tmp, file=sys.stderr, flush=True)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def report(args, measured):
    counts = measured['populated']['counts']
    print('**Machine:** %s' % machine_line())
    print('**Backend:** %s; load average before measuring %.2f'
        % (measured['version'], measured['load']))
    print('**Data:** %s quotes, %s projects, %s parts, %s non-conformities, '
        '%s stock moves (90 %% in the measured workshop), %s powder days'
        % tuple(
            '{:,}'.format(counts[t]).replace(',', ' ') for t in [
                'powder_coating_quote', 'powder_coating_project',
                'powder_coating_project_part',
                'powder_coating_non_conformity', 'stock_move',
                'powder_coating_powder_day']))
    print()
    print('| dashboard | per | rows | median (ms) | max (ms) | < %d ms |'
        % LIMIT_MS)
    print('|---|---|--:|--:|--:|---|')
    for r in measured['results']:
        print('| %s | %s | %d | %.1f | %.1f | %s |' % (r['dashboard'],
                r['period'] if r['dashboard'] in TIME_SERIES else '-',
                r['rows'], r['median'], r['max'],
                'yes' if r['median'] < LIMIT_MS else '**no**'))


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ['--populate']:
        conf, database, projects, moves = argv[1:5]
        return populate(conf, database, int(projects), int(moves))
    if argv[:1] == ['--measure']:
        conf, database, runs = argv[1:4]
        return measure(conf, database, int(runs))
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--pg-uri',
        default='postgresql://postgres@127.0.0.1:5433/')
    parser.add_argument('--projects', type=int, default=100_000)
    parser.add_argument('--moves', type=int, default=1_000_000)
    parser.add_argument('--runs', type=int, default=7)
    parser.add_argument('--keep', action='store_true')
    args = parser.parse_args(argv)
    try:
        measured = bench(args)
    except BenchError as error:
        print(error, file=sys.stderr)
        return 1
    report(args, measured)


if __name__ == '__main__':
    sys.exit(main())
