#!/usr/bin/env python3
# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""JSON-RPC latency of Atelier: login and party search_read.

Builds a throwaway database per backend (module ``saas`` with its
dependencies, the demo data of ``scripts/demo_data.py``, then ``--parties``
parties owned by the workshop "Thermolaquage Durand"), starts ``trytond`` on
a free 127.0.0.1 port and measures, with one http.client connection object
(the werkzeug server of trytond closes the connection after each answer, so
it reconnects every time):

- ``common.db.login`` as owner.durand / demo,
- ``model.party.party.search_read`` as owner.durand, domain ``[]``, limit 100,
- the same with ``[('name', 'ilike', '%42%')]``,
- the first one again without ``Accept-Encoding: gzip``.

Prints count, p50, p95, mean, min and max in milliseconds as a markdown
table. Run it
from the repository root with the project's virtual environment:

    .venv/bin/python bench/rpc_latency.py                     # both backends
    .venv/bin/python bench/rpc_latency.py --backend sqlite --n 50

PostgreSQL is reached at ``--pg-uri`` (default: the cluster of
``scripts/pg_start.sh``, which is run when nothing answers at the default
URI); the script creates its own database there and drops it at the end.
Everything is bounded: N requests per measure, a timeout on every request
and every setup step, and the server is always stopped.
"""
import argparse
import base64
import configparser
import datetime as dt
import http.client
import json
import os
import platform
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE_CONF = ROOT / 'config' / 'trytond.conf'
DEMO_DATA = ROOT / 'scripts' / 'demo_data.py'
PG_START = ROOT / 'scripts' / 'pg_start.sh'
DEFAULT_PG_URI = 'postgresql://postgres@127.0.0.1:5433/'

WORKSHOP = "Thermolaquage Durand"
LOGIN = 'owner.durand'
PASSWORD = 'demo'          # set by scripts/demo_data.py
ADMIN_PASSWORD = 'admin'
PARTY_NAME = "Client bench %05d"
ILIKE = '%42%'
FIELDS = ['name', 'code', 'company', 'rec_name']
LIMIT = 100
WARMUP = 5

# Bounds (seconds) of each step.
ADMIN_TIMEOUT = 1200
DEMO_TIMEOUT = 900
POPULATE_TIMEOUT = 1800
SERVER_START_TIMEOUT = 180
REQUEST_TIMEOUT = 120


class BenchError(Exception):
    pass


# --- Server side: bulk creation of the parties -------------------------------

def populate(config_file, database, count, batch=500):
    """Create `count` parties of Durand's workshop inside trytond (run in a
    subprocess: trytond picks its backend once per process)."""
    from trytond import config
    config.update_etc(config_file)
    from trytond import backend
    from trytond.pool import Pool
    from trytond.transaction import Transaction

    Pool.start()
    pool = Pool(database)
    pool.init()
    started = time.monotonic()
    with Transaction().start(database, 0) as transaction:
        Company = pool.get('company.company')
        Party = pool.get('party.party')
        company, = Company.search([('party.name', '=', WORKSHOP)])
        with transaction.set_context(company=company.id):
            for start in range(0, count, batch):
                # Party.create, not raw SQL: codes come from the sequence and
                # the saas audit log records each creation, as in real use.
                Party.create([{
                            'name': PARTY_NAME % i,
                            'company': company.id,
                            } for i in range(start, min(count, start + batch))])
                transaction.commit()
        total = Party.search_count([('company', '=', company.id)])
        # Fresh planner statistics, as autovacuum would soon give them.
        transaction.connection.cursor().execute('ANALYZE')
        transaction.commit()
        version = ''
        if backend.name == 'postgresql':
            cursor = transaction.connection.cursor()
            cursor.execute('SHOW server_version')
            version, = cursor.fetchone()
        elif backend.name == 'sqlite':
            import sqlite3
            version = sqlite3.sqlite_version
    print(json.dumps({
                'company': company.id,
                'parties': total,
                'seconds': round(time.monotonic() - started, 1),
                'backend_version': version,
                }))


# --- JSON-RPC client ----------------------------------------------------------

class RPCError(BenchError):
    pass


class Client:
    """JSON-RPC over one HTTP/1.1 connection object to 127.0.0.1 (it
    reconnects by itself when the server closed the connection).

    Like the Tryton clients, it asks for gzip: trytond streams a JSON answer
    longer than 1400 bytes token by token, and uncompressed that means one
    socket write per token under the werkzeug server of ``trytond``.
    """

    def __init__(self, port, database, gzip=True):
        self.conn = http.client.HTTPConnection(
            '127.0.0.1', port, timeout=REQUEST_TIMEOUT)
        self.path = '/%s/rpc/' % urllib.parse.quote(database)
        self.authorization = None
        self.gzip = gzip
        self.id = 0
        self.connections = 0
        self._sock = None

    def call(self, method, *params):
        self.id += 1
        body = json.dumps(
            {'id': self.id, 'method': method, 'params': list(params)})
        headers = {'Content-Type': 'application/json'}
        if self.gzip:
            headers['Accept-Encoding'] = 'gzip'
        if self.authorization:
            headers['Authorization'] = self.authorization
        self.conn.request('POST', self.path, body.encode('utf-8'), headers)
        if self.conn.sock is not self._sock:
            self._sock = self.conn.sock
            self.connections += 1
        response = self.conn.getresponse()
        data = response.read()
        if response.status != 200:
            raise RPCError('%s: HTTP %s %s' % (
                    method, response.status, data[:300]))
        # trytond 8.0 labels every streamed answer "Content-Encoding: gzip",
        # compressed or not: only trust the header when gzip was asked for.
        if self.gzip and response.getheader('Content-Encoding') == 'gzip':
            data = zlib.decompress(data, wbits=31)
        result = json.loads(data)
        if result.get('error'):
            raise RPCError('%s: %r' % (method, result['error']))
        return result['result']

    def login(self, login, password):
        user_id, session = self.call(
            'common.db.login', login, {'password': password}, 'fr')[:2]
        token = '%s:%s:%s' % (login, user_id, session)
        self.authorization = 'Session ' + base64.b64encode(
            token.encode('utf-8')).decode('ascii')
        return user_id

    def close(self):
        self.conn.close()


def measure(func, n):
    "Call func WARMUP + n times; return the n durations in ms."
    for _ in range(WARMUP):
        func()
    durations = []
    for _ in range(n):
        start = time.perf_counter()
        func()
        durations.append((time.perf_counter() - start) * 1000)
    return durations


def summary(durations):
    q = statistics.quantiles(durations, n=100, method='inclusive')
    return {
        'count': len(durations),
        'p50': statistics.median(durations),
        'p95': q[94],
        'mean': statistics.fmean(durations),
        'min': min(durations),
        'max': max(durations),
        }


# --- Orchestration ------------------------------------------------------------

def venv_bin(name):
    for directory in (Path(sys.executable).parent, ROOT / '.venv' / 'bin'):
        path = directory / name
        if path.exists():
            return str(path)
    raise BenchError('%s not found next to %s nor in .venv/bin'
        % (name, sys.executable))


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


def write_config(path, uri, db_path, port):
    """The project's config/trytond.conf with this run's database and port:
    values of -c files beat TRYTOND_* variables, so they go in a file."""
    parser = configparser.RawConfigParser()
    parser.read(BASE_CONF, encoding='utf-8')
    for section in ('database', 'web'):
        if not parser.has_section(section):
            parser.add_section(section)
    parser.set('database', 'uri', uri)
    if db_path:
        parser.set('database', 'path', str(db_path))
    elif parser.has_option('database', 'path'):
        parser.remove_option('database', 'path')
    parser.set('web', 'listen', '127.0.0.1:%d' % port)
    if parser.has_option('web', 'root'):
        parser.remove_option('web', 'root')   # no web client needed
    with open(path, 'w', encoding='utf-8') as fd:
        parser.write(fd)


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items()
        if not k.startswith('TRYTOND_') and k != 'TRYTONPASSFILE'}
    env.update(extra)
    return env


def run(step, cmd, log, timeout, env):
    print('  %s ...' % step, end=' ', flush=True)
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
    print('%.0f s' % (time.monotonic() - start), flush=True)


def pg_admin_connect(uri):
    import psycopg
    parts = urllib.parse.urlsplit(uri)
    dsn = urllib.parse.urlunsplit(parts._replace(path='/postgres'))
    conn = psycopg.connect(dsn, connect_timeout=10)
    conn.autocommit = True
    return conn


def pg_ensure_server(uri):
    try:
        pg_admin_connect(uri).close()
        return
    except Exception as exception:
        error = exception
    if uri == DEFAULT_PG_URI and PG_START.exists():
        print('  nothing answers at %s: running %s'
            % (uri, PG_START.relative_to(ROOT)), flush=True)
        subprocess.run(['bash', str(PG_START)], check=True, timeout=900,
            stdin=subprocess.DEVNULL, cwd=ROOT)
        pg_admin_connect(uri).close()
        return
    raise BenchError('PostgreSQL not reachable at %s: %s' % (uri, error))


def start_server(conf, database, port, log, env):
    fd = open(log, 'ab')
    proc = subprocess.Popen([venv_bin('trytond'), '-c', conf, '-d', database],
        stdout=fd, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        env=env, cwd=ROOT, start_new_session=True)
    fd.close()
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    body = json.dumps({'id': 0, 'method': 'common.server.version',
            'params': []}).encode()
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise BenchError('trytond exited with %s, see %s'
                % (proc.returncode, log))
        try:
            conn = http.client.HTTPConnection('127.0.0.1', port, timeout=5)
            conn.request('POST', '/rpc/', body,
                {'Content-Type': 'application/json'})
            response = conn.getresponse()
            response.read()
            conn.close()
            if response.status == 200:
                return proc
        except OSError:
            pass
        time.sleep(0.5)
    stop_server(proc)
    raise BenchError('trytond did not answer within %ss, see %s'
        % (SERVER_START_TIMEOUT, log))


def stop_server(proc):
    if proc is None or proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(15)


def bench_backend(backend, args):
    print('== %s' % backend, flush=True)
    tmp = Path(tempfile.mkdtemp(prefix='atelier-bench-%s-' % backend))
    conf = str(tmp / 'trytond.conf')
    log = str(tmp / 'setup.log')
    port = free_port()
    passfile = tmp / 'admin-password'
    passfile.write_text(ADMIN_PASSWORD + '\n')
    passfile.chmod(0o600)
    pg_conn = None
    server = None
    info = {'backend': backend}
    if backend == 'sqlite':
        database = 'bench'
        db_path = tmp / 'db'
        db_path.mkdir()
        (db_path / ('%s.sqlite' % database)).touch()
        write_config(conf, 'sqlite://', db_path, port)
    else:
        database = 'atelier_bench_%d' % os.getpid()
        pg_ensure_server(args.pg_uri)
        pg_conn = pg_admin_connect(args.pg_uri)
        pg_conn.cursor().execute('CREATE DATABASE "%s"' % database)
        write_config(conf, args.pg_uri, None, port)
    ok = False
    try:
        env = clean_env()
        admin = venv_bin('trytond-admin')
        run('trytond-admin --all', [admin, '-c', conf, '-d', database,
                '--all', '--email', 'admin@example.com'], log, ADMIN_TIMEOUT,
            clean_env(TRYTONPASSFILE=str(passfile)))
        run('trytond-admin -u saas', [admin, '-c', conf, '-d', database,
                '-u', 'saas', '--activate-dependencies', '-l', 'fr'],
            log, ADMIN_TIMEOUT, env)
        run('demo data', [sys.executable, str(DEMO_DATA), '-c', conf,
                '-d', database], log, DEMO_TIMEOUT, env)
        print('  %d parties ...' % args.parties, end=' ', flush=True)
        proc = subprocess.run([sys.executable, __file__, '--populate', conf,
                database, str(args.parties)], capture_output=True, text=True,
            env=env, cwd=ROOT, timeout=POPULATE_TIMEOUT)
        if proc.returncode:
            raise BenchError('populate failed:\n%s' % proc.stderr[-3000:])
        populated = json.loads(proc.stdout.strip().splitlines()[-1])
        print('%s s' % populated['seconds'], flush=True)
        info.update(populated)

        server = start_server(conf, database, port,
            str(tmp / 'server.log'), env)
        client = Client(port, database)
        try:
            client.login(LOGIN, PASSWORD)
            context = client.call('model.res.user.get_preferences', True, {})
            visible = client.call('model.party.party.search_count', [],
                0, None, context)
            matching = client.call('model.party.party.search_count',
                [('name', 'ilike', ILIKE)], 0, None, context)
            info['visible'] = visible
            info['matching'] = matching

            def search_read(domain, client=client):
                expected = min(LIMIT, matching if domain else visible)

                def call():
                    rows = client.call('model.party.party.search_read',
                        domain, 0, LIMIT, None, FIELDS, context)
                    if len(rows) != expected:
                        raise BenchError('%d rows instead of %d'
                            % (len(rows), expected))
                return call

            plain = Client(port, database, gzip=False)
            plain.authorization = client.authorization
            results = {}
            print('  measuring (%d + %d warm-up calls each) ...'
                % (args.n, WARMUP), end=' ', flush=True)
            start = time.monotonic()
            info['load_before'] = os.getloadavg()
            results['common.db.login'] = summary(measure(
                    lambda: client.call('common.db.login', LOGIN,
                        {'password': PASSWORD}, 'fr'), args.n))
            results['party search_read []'] = summary(measure(
                    search_read([]), args.n))
            results["party search_read name ilike '%s'" % ILIKE] = summary(
                measure(search_read([('name', 'ilike', ILIKE)]), args.n))
            results['party search_read [] without gzip'] = summary(measure(
                    search_read([], plain), args.n))
            info['load_after'] = os.getloadavg()
            plain.close()
            print('%.0f s' % (time.monotonic() - start), flush=True)
            info['connections'] = client.connections + plain.connections
            info['requests'] = client.id + plain.id
        finally:
            client.close()
        ok = True
        return info, results
    finally:
        stop_server(server)
        if pg_conn is not None:
            if not args.keep:
                pg_conn.cursor().execute(
                    'DROP DATABASE IF EXISTS "%s"' % database)
            pg_conn.close()
        if args.keep or not ok:
            print('  files kept in %s' % tmp, flush=True)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def machine():
    mem = ''
    try:
        with open('/proc/meminfo') as fd:
            for line in fd:
                if line.startswith('MemTotal:'):
                    mem = '%.1f GiB' % (int(line.split()[1]) / 1024 ** 2)
    except OSError:
        pass
    cpu = ''
    try:
        with open('/proc/cpuinfo') as fd:
            for line in fd:
                if line.startswith('model name'):
                    cpu = line.split(':', 1)[1].strip()
                    break
    except OSError:
        pass
    return {'nproc': os.cpu_count(), 'memory': mem, 'cpu': cpu,
        'python': platform.python_version()}


def report(rows, args):
    import trytond
    m = machine()
    lines = [
        '%s, nproc %s, %s RAM, %s, Python %s, trytond %s'
        % (dt.date.today().isoformat(), m['nproc'], m['memory'],
            m['cpu'] or platform.machine(), m['python'], trytond.__version__),
        '',
        '| backend | call | count | p50 (ms) | p95 (ms) | mean (ms) '
        '| min (ms) | max (ms) |',
        '|---|---|--:|--:|--:|--:|--:|--:|',
        ]
    for info, results in rows:
        name = info['backend']
        if info.get('backend_version'):
            name += ' ' + info['backend_version']
        for call, s in results.items():
            lines.append('| %s | %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |'
                % (name, call.replace('|', '\\|'), s['count'], s['p50'],
                    s['p95'], s['mean'], s['min'], s['max']))
    lines.append('')
    for info, _ in rows:
        lines.append('- %s: %d parties visible to %s (%d created in %s s), '
            "%d matching '%s'; limit %d, fields %s; %d requests over %d "
            'HTTP connection(s); load average %.2f before, %.2f after'
            % (info['backend'], info['visible'], LOGIN, args.parties,
                info['seconds'], info['matching'], ILIKE, LIMIT,
                ', '.join(FIELDS), info['requests'], info['connections'],
                info['load_before'][0], info['load_after'][0]))
    return '\n'.join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog='\n'.join(__doc__.splitlines()[2:]))
    parser.add_argument('--backend', choices=['sqlite', 'postgresql', 'both'],
        default='both')
    parser.add_argument('--n', type=int, default=200,
        help='measured calls per measure (default: %(default)s)')
    parser.add_argument('--parties', type=int, default=10000,
        help='parties created for the workshop (default: %(default)s)')
    parser.add_argument('--pg-uri', default=DEFAULT_PG_URI,
        help='PostgreSQL server URI, trytond style (default: %(default)s)')
    parser.add_argument('--keep', action='store_true',
        help='keep the temporary files and the PostgreSQL database')
    parser.add_argument('--populate', nargs=3, help=argparse.SUPPRESS,
        metavar=('CONF', 'DATABASE', 'COUNT'))
    args = parser.parse_args(argv)
    if args.populate:
        conf, database, count = args.populate
        populate(conf, database, int(count))
        return 0
    if args.n < 2 or args.parties < 0:
        parser.error('--n must be at least 2 and --parties not negative')
    if not args.pg_uri.endswith('/'):
        args.pg_uri += '/'

    def terminate(signum, frame):
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, terminate)

    backends = (['sqlite', 'postgresql'] if args.backend == 'both'
        else [args.backend])
    rows = []
    try:
        for backend in backends:
            rows.append(bench_backend(backend, args))
    except BenchError as exception:
        print('error: %s' % exception, file=sys.stderr)
        return 1
    print()
    print(report(rows, args))
    return 0


if __name__ == '__main__':
    sys.exit(main())
