#!/usr/bin/env python3
# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Benchmark of the FEC export and validator of account_fr_export against
Tryton's stock export (account_fr's account.fr.fec), PostgreSQL only.

A throwaway database ``atelier_bench_fec_<pid>`` at ``--pg-uri`` gets
``trytond-admin --all`` then ``-u account_fr_export
--activate-dependencies``; two workshops are created with the ORM (French
chart, fiscal year of today, 300 clients and 40 suppliers each), then the
posted moves are bulk-inserted in SQL (``INSERT ... SELECT`` over
``generate_series``), 3 lines each, numbered in the order of their
validation and spread over the year: 60 % sales (REV: 4111 with the
client, 706, 44571), 25 % purchases (EXP: 607, 44566, 4011 with the
supplier), 15 % bank receipts (CASH: 5121 and two clients' 4111). The
big workshop gets ``--lines`` lines (1 000 000), the small one
``--small-lines`` (100 000).

Each measure runs in a subprocess of its own, in a transaction that is
never committed; its time is the wall time of the export and its
peak memory the process's ``ru_maxrss`` (RUSAGE_SELF, at the end; the
process's size before the export is given too):

- ours: ``write_fec`` to a file, the validator fed as each line is written;
- ours in memory: ``fec_file`` (the bytes in memory, as the wizard and the
  archive take them);
- the validator alone on the written file (``fec.validate``);
- stock: account_fr's ``FrFEC.transition_generate`` itself (get_lines: an
  ORM search of the lines, get_row for each), with a ``--stock-timeout``
  (20 min): past it, the figure says so.

    PG_PORT=5440 scripts/pg_start.sh
    .venv/bin/python bench/fec.py --pg-uri postgresql://postgres@127.0.0.1:5440/

``--keep`` keeps the database and the temporary folder; ``--database``
reuses a database made by a kept run that failed after its setup. Prints
Markdown.
"""
import argparse
import json
import os
import resource
import shutil
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
MEASURE_TIMEOUT = 3600


def maxrss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def create_workshops(pool):
    "Two workshops with their chart, fiscal year, clients and suppliers."
    from trytond.modules.account_fr_export.tests.tools import (
        create_workshop)
    from trytond.modules.company.tests import set_company
    Party = pool.get('party.party')
    workshops = []
    for name, siret, city in [
            ("Thermolaquage Durand", '73282932000017', "Lyon"),
            ("Époxy Services Martin", '55208131766522', "Bordeaux")]:
        company = create_workshop(name, siret=siret, city=city)
        with set_company(company):
            Party.create([{'name': 'Client %04d' % i, 'company': company.id}
                    for i in range(300)])
            Party.create([{'name': 'Fournisseur %03d' % i,
                        'company': company.id} for i in range(40)])
        workshops.append(company.id)
    return workshops


def insert_moves(cursor, company, lines):
    "`lines` / 3 posted moves of 3 lines of `company` over its fiscal year."
    moves = lines // 3
    cursor.execute('SELECT id, start_date, end_date FROM account_fiscalyear '
        'WHERE company = %s', (company,))
    fiscalyear, start, end = cursor.fetchone()
    days = (end - start).days + 1
    cursor.execute('SELECT code, id FROM account_account '
        'WHERE company = %s AND code IN '
        "('4111', '706', '44571', '607', '44566', '4011', '5121')",
        (company,))
    accounts = dict(cursor.fetchall())
    cursor.execute('SELECT code, id FROM account_journal '
        "WHERE code IN ('REV', 'EXP', 'CASH')")
    journals = dict(cursor.fetchall())
    cursor.execute("SELECT id FROM party_party WHERE company = %s "
        "AND name LIKE 'Client %%' ORDER BY id", (company,))
    clients = [i for i, in cursor.fetchall()]
    cursor.execute("SELECT id FROM party_party WHERE company = %s "
        "AND name LIKE 'Fournisseur %%' ORDER BY id", (company,))
    suppliers = [i for i, in cursor.fetchall()]
    cursor.execute('SELECT COALESCE(MAX(id), 0) FROM account_move')
    first_move, = cursor.fetchone()
    # kind: 0 sale, 1 purchase, 2 bank receipt (by i % 20: 12, 5, 3)
    cursor.execute('''
        CREATE TEMP TABLE bench_move AS
        SELECT %(first)s + i AS id, i,
            CASE WHEN i %% 20 < 12 THEN 0 WHEN i %% 20 < 17 THEN 1 ELSE 2
            END AS kind,
            (%(start)s::date + ((i - 1) * %(days)s / %(moves)s)::int) AS date,
            (50 + (i::bigint * 7919) %% 5000)::numeric AS amount
        FROM generate_series(1, %(moves)s) AS i''', {
            'first': first_move, 'start': start, 'days': days,
            'moves': moves})
    cursor.execute('''
        INSERT INTO account_move (id, number, company, period, journal, date,
            post_date, description, state, create_uid, create_date)
        SELECT m.id, m.i::text, %(company)s, p.id,
            CASE m.kind WHEN 0 THEN %(rev)s WHEN 1 THEN %(exp)s
                ELSE %(cash)s END,
            m.date, m.date,
            CASE m.kind WHEN 0 THEN 'Facture ' || m.i
                WHEN 1 THEN 'Facture fournisseur ' || m.i
                ELSE 'Virement reçu ' || m.i END,
            'posted', 0, now()
        FROM bench_move m JOIN account_period p
            ON p.fiscalyear = %(fiscalyear)s AND p.type = 'standard'
            AND m.date BETWEEN p.start_date AND p.end_date''', {
            'company': company, 'fiscalyear': fiscalyear,
            'rev': journals['REV'], 'exp': journals['EXP'],
            'cash': journals['CASH']})
    values = {
        'clients': clients, 'suppliers': suppliers,
        'nclients': len(clients), 'nsuppliers': len(suppliers),
        }
    values.update({'a' + k: v for k, v in accounts.items()})
    # three lines per move: n = 0, 1, 2
    cursor.execute('''
        INSERT INTO account_move_line (move, account, debit, credit, party,
            description, state, create_uid, create_date)
        SELECT m.id,
            CASE m.kind
                WHEN 0 THEN (ARRAY[%(a4111)s, %(a706)s, %(a44571)s])[n + 1]
                WHEN 1 THEN (ARRAY[%(a607)s, %(a44566)s, %(a4011)s])[n + 1]
                ELSE (ARRAY[%(a5121)s, %(a4111)s, %(a4111)s])[n + 1] END,
            CASE m.kind
                WHEN 0 THEN CASE n WHEN 0 THEN m.amount * 1.2 ELSE 0 END
                WHEN 1 THEN CASE n WHEN 0 THEN m.amount
                    WHEN 1 THEN m.amount * 0.2 ELSE 0 END
                ELSE CASE n WHEN 0 THEN m.amount ELSE 0 END END,
            CASE m.kind
                WHEN 0 THEN CASE n WHEN 1 THEN m.amount
                    WHEN 2 THEN m.amount * 0.2 ELSE 0 END
                WHEN 1 THEN CASE n WHEN 2 THEN m.amount * 1.2 ELSE 0 END
                ELSE CASE n WHEN 0 THEN 0 ELSE m.amount / 2 END END,
            CASE
                WHEN m.kind = 0 AND n = 0
                    THEN (%(clients)s::int[])[1 + m.i %% %(nclients)s]
                WHEN m.kind = 1 AND n = 2
                    THEN (%(suppliers)s::int[])[1 + m.i %% %(nsuppliers)s]
                WHEN m.kind = 2 AND n > 0
                    THEN (%(clients)s::int[])[1 + (m.i + n) %% %(nclients)s]
                END,
            NULL, 'valid', 0, now()
        FROM bench_move m CROSS JOIN generate_series(0, 2) AS n
        ORDER BY m.id, n''', values)
    cursor.execute('DROP TABLE bench_move')
    return moves


def populate(config_file, database, lines, small_lines):
    "Prints JSON: the workshops, counts and how long each step took."
    pool = start_pool(config_file, database)
    from trytond.transaction import Transaction, TransactionError
    timings = {}
    started = time.monotonic()
    extras = {}
    while True:
        # On PostgreSQL, a singleton's first save asks for its table to be
        # locked from the start of the transaction: start again, as the
        # server's dispatcher does.
        try:
            with Transaction().start(database, 0, **extras) as transaction:
                workshops = create_workshops(pool)
                transaction.commit()
            break
        except TransactionError as error:
            error.fix(extras)
    timings['workshops'] = time.monotonic() - started
    started = time.monotonic()
    with Transaction().start(database, 0) as transaction:
        cursor = transaction.connection.cursor()
        for company, n in zip(workshops, [lines, small_lines]):
            insert_moves(cursor, company, n)
        for table in ['account_move', 'account_move_line']:
            cursor.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'),"
                " (SELECT MAX(id) FROM " + table + "))", (table,))
        counts = {}
        for company in workshops:
            cursor.execute('SELECT COUNT(*) FROM account_move_line l '
                'JOIN account_move m ON l.move = m.id WHERE m.company = %s',
                (company,))
            counts[company] = cursor.fetchone()[0]
        transaction.commit()
    timings['moves'] = time.monotonic() - started
    started = time.monotonic()
    with Transaction().start(database, 0, autocommit=True) as transaction:
        transaction.connection.cursor().execute('VACUUM ANALYZE')
    timings['analyze'] = time.monotonic() - started
    print(json.dumps({'workshops': workshops, 'timings': timings,
                'counts': counts}))


def measure(config_file, database, what, company_id, out):
    "Prints JSON: one export (or validation) of `company_id`'s year."
    pool = start_pool(config_file, database)
    from trytond.transaction import Transaction
    from trytond.modules.company.tests import set_company
    # Not read-only: the stock wizard keeps its session in the database.
    # Nothing is committed.
    with Transaction().start(database, 0) as transaction:
        version = backend_version(transaction)
        Company = pool.get('company.company')
        FiscalYear = pool.get('account.fiscalyear')
        company = Company(company_id)
        with set_company(company):
            fiscalyear, = FiscalYear.search([('company', '=', company_id)])
            start, end = fiscalyear.start_date, fiscalyear.end_date
            before = maxrss_mb()
            started = time.perf_counter()
            result = {}
            if what == 'ours':
                from trytond.modules.account_fr_export.fec_export import (
                    write_fec)
                with open(out, 'wb') as fd:
                    validator = write_fec(company, start, end, fd)
                result.update(lines=validator.lines,
                    problems=len(validator.problems),
                    debit=str(validator.debit), bytes=os.path.getsize(out))
            elif what == 'ours-memory':
                from trytond.modules.account_fr_export.fec_export import (
                    fec_file)
                name, data, problems = fec_file(company, start, end)
                result.update(name=name, problems=len(problems),
                    bytes=len(data))
            elif what == 'validate':
                from trytond.modules.account_fr_export import fec
                with open(out, encoding='utf-8') as fd:
                    problems = fec.validate(fd, start, end)
                result.update(problems=len(problems))
            elif what == 'stock':
                from trytond.modules.account_fr.account import (
                    FrFEC as StockFrFEC)
                FEC = pool.get('account.fr.fec', type='wizard')
                session_id, _, _ = FEC.create()
                wizard = FEC(session_id)
                wizard.start.fiscalyear = fiscalyear
                wizard.start.deferral_period = None
                wizard.start.type = 'is-bic'
                StockFrFEC.transition_generate(wizard)
                data = wizard.result.file
                result.update(bytes=len(data),
                    lines=data.count(b'\n') - 1)
            seconds = time.perf_counter() - started
    result.update(what=what, seconds=seconds, before_mb=before,
        peak_mb=maxrss_mb(), version=version)
    print(json.dumps(result))


def bench(args):
    tmp = Path(tempfile.mkdtemp(prefix='atelier-bench-fec-'))
    conf = str(tmp / 'trytond.conf')
    log = str(tmp / 'setup.log')
    passfile = tmp / 'admin-password'
    passfile.write_text('admin\n')
    passfile.chmod(0o600)
    database = args.database or 'atelier_bench_fec_%d' % os.getpid()
    pg_ensure_server(args.pg_uri)
    pg_conn = pg_admin_connect(args.pg_uri)
    if not args.database:
        pg_conn.cursor().execute('CREATE DATABASE "%s"' % database)
    write_config(conf, args.pg_uri, None)
    ok = False
    try:
        env = clean_env()
        admin = venv_bin('trytond-admin')
        setup = 0
        if not args.database:
            setup += run('trytond-admin --all', [admin, '-c', conf, '-d',
                    database, '--all', '--email', 'admin@example.com'], log,
                ADMIN_TIMEOUT, clean_env(TRYTONPASSFILE=str(passfile)))
            setup += run('trytond-admin -u account_fr_export', [admin, '-c',
                    conf, '-d', database, '-u', 'account_fr_export',
                    '--activate-dependencies'], log, ADMIN_TIMEOUT, env)
        populated = run_json('%d + %d lines' % (args.lines,
                args.small_lines), [sys.executable, __file__, '--populate',
                conf, database, str(args.lines), str(args.small_lines)],
            log, POPULATE_TIMEOUT, env)
        big, small = populated['workshops']
        load = os.getloadavg()[0]
        results = []
        steps = [('ours', big), ('validate', big), ('ours-memory', big),
            ('ours', small), ('stock', small), ('stock', big)]
        for what, company in steps:
            out = str(tmp / ('fec-%s.txt' % company))
            timeout = (args.stock_timeout if what == 'stock'
                else MEASURE_TIMEOUT)
            try:
                result = run_json('%s, %s lines' % (what,
                        populated['counts'][str(company)]),
                    [sys.executable, __file__, '--measure', conf, database,
                        what, str(company), out], log, timeout, env)
            except BenchError as error:
                result = {'what': what, 'error': str(error).splitlines()[0]}
            result['count'] = populated['counts'][str(company)]
            results.append(result)
        ok = True
        return {'setup': setup, 'populated': populated, 'load': load,
            'results': results}
    finally:
        if not args.keep:
            pg_conn.cursor().execute('DROP DATABASE IF EXISTS "%s"'
                % database)
        pg_conn.close()
        if args.keep or not ok:
            print('  files kept in %s' % tmp, file=sys.stderr, flush=True)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


LABELS = {
    'ours': "account_fr_export write_fec (to a file, validated as written)",
    'ours-memory': "account_fr_export fec_file (bytes in memory, validated)",
    'validate': "fec.validate of the written file alone",
    'stock': "Tryton's account.fr.fec (account_fr transition_generate)",
    }


def report(args, measured):
    results = measured['results']
    version = next((r['version'] for r in results if 'version' in r), '')
    print('**Machine:** %s' % machine_line())
    print('**Backend:** %s; load average before measuring %.2f'
        % (version, measured['load']))
    print('**Setup:** %.0f s (trytond-admin), data %s'
        % (measured['setup'], json.dumps(measured['populated']['timings'])))
    print()
    print('| export | move lines | time (s) | peak memory (MB) '
        '| before export (MB) | problems |')
    print('|---|--:|--:|--:|--:|--:|')
    for r in results:
        count = '{:,}'.format(r['count']).replace(',', ' ')
        if 'error' in r:
            print('| %s | %s | %s | - | - | - |' % (
                    LABELS[r['what']], count, r['error']))
            continue
        print('| %s | %s | %.1f | %.0f | %.0f | %s |' % (
                LABELS[r['what']], count, r['seconds'], r['peak_mb'],
                r['before_mb'], r.get('problems', '-')))


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ['--populate']:
        conf, database, lines, small = argv[1:5]
        return populate(conf, database, int(lines), int(small))
    if argv[:1] == ['--measure']:
        conf, database, what, company, out = argv[1:6]
        return measure(conf, database, what, int(company), out)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--pg-uri',
        default='postgresql://postgres@127.0.0.1:5440/')
    parser.add_argument('--lines', type=int, default=1_000_000)
    parser.add_argument('--small-lines', type=int, default=100_000)
    parser.add_argument('--stock-timeout', type=int, default=1200)
    parser.add_argument('--keep', action='store_true')
    parser.add_argument('--database',
        help="an existing database where account_fr_export is activated "
        "and no workshop exists yet (e.g. one kept by --keep after a "
        "failure): skips its creation")
    args = parser.parse_args(argv)
    try:
        measured = bench(args)
    except BenchError as error:
        print(error, file=sys.stderr)
        return 1
    report(args, measured)
    return 0


if __name__ == '__main__':
    sys.exit(main())
