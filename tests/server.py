# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Build Atelier's demo database and run a real trytond server on it.

Used by ``tests/conftest.py`` (the session fixture ``server``) and usable by
hand::

    .venv/bin/python -m tests.server          # build, serve, Ctrl-C to stop

The database is built the way ``make demo`` builds it (trytond-admin, then
``scripts/demo_data.py``), in a temporary directory on SQLite, or as a fresh
database on PostgreSQL when ``TRYTOND_DATABASE__URI`` starts with
``postgresql``. The processes get a generated configuration file: the
project's ``config/trytond.conf`` with the database URI, the data path, the
listen address and the web root replaced (a value in a ``-c`` file beats the
environment, so ``config/trytond.conf``'s ``uri = sqlite://`` would otherwise
always win).
"""
import base64
import configparser
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / 'config' / 'trytond.conf'
SAO_ROOT = REPO / 'var' / 'sao' / 'package'
# Same variable and default as the Makefile's DEMO_DATA.
DEMO_DATA = Path(os.environ.get('DEMO_DATA') or REPO / 'scripts' / 'demo_data.py')
# Same variable as the Makefile's DEMO_MODULES; by default without the
# French accounting addon and the SaaS subscriptions built on it (none of
# these tests is about them: their own pieces test them), which keeps CI
# under 30 minutes.
DEMO_MODULES = os.environ.get(
    'DEMO_MODULES', 'saas connector saas_portal powder_coating').split()
ADMIN_PASSWORD = 'admin'
DEMO_PASSWORD = 'demo'


def _demo_totp_secrets():
    "The TOTP secrets the demo data gives to owners and administrators."
    import importlib.util
    spec = importlib.util.spec_from_file_location('_atelier_demo', DEMO_DATA)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except (OSError, ImportError):
        return {}
    return dict(getattr(module, 'TOTP_SECRETS', {}))


# Logins asked for a second factor (config/trytond.conf: password+totp).
TOTP_SECRETS = _demo_totp_secrets()
_totp_steps = {}


def totp_code(login, secret=None):
    """A TOTP code of `login` never sent before by this process: the
    server refuses a code used twice, so a second login within the same 30 s
    sends the next step's code (one step of drift is accepted)."""
    import pyotp
    secret = secret or TOTP_SECRETS[login]
    totp = pyotp.TOTP(secret)
    step = max(int(time.time()) // totp.interval,
        _totp_steps.get(secret, -1) + 1)
    while step > int(time.time()) // totp.interval + 1:
        time.sleep(1)
    _totp_steps[secret] = step
    return totp.generate_otp(step)


class BuildError(RuntimeError):
    pass


def _bin(name):
    "The console script `name` of the interpreter running the tests."
    candidate = Path(sys.executable).parent / name
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    if not found:
        raise BuildError(f"{name} not found next to {sys.executable} nor in PATH")
    return found


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


def database_uri():
    "The URI asked for by the environment: sqlite:// unless PostgreSQL."
    uri = os.environ.get('TRYTOND_DATABASE__URI', '')
    if uri.startswith('postgresql'):
        return uri
    return 'sqlite://'


def max_attempt():
    "The [session] max_attempt the server runs with."
    parser = configparser.RawConfigParser()
    parser.read(CONFIG)
    return parser.getint('session', 'max_attempt', fallback=5)


def check_web_client():
    if not (SAO_ROOT / 'index.html').exists():
        raise BuildError(
            f"{SAO_ROOT}/index.html is missing: run `make sao` "
            "(scripts/install_sao.sh)")


def _fast_tmpdir():
    """Where to build the SQLite database: ATELIER_TEST_TMPDIR, else
    /dev/shm (memory: SQLite's fsyncs cost nothing there, the build takes
    about a third less time), else the default temporary directory."""
    for candidate in (os.environ.get('ATELIER_TEST_TMPDIR'), '/dev/shm'):
        if candidate and os.path.isdir(candidate) and os.access(
                candidate, os.W_OK | os.X_OK):
            return candidate
    return None


def _tail(path, lines=40):
    try:
        return '\n'.join(Path(path).read_text(errors='replace')
            .splitlines()[-lines:])
    except OSError:
        return ''


def _clean_environ():
    """The environment of the trytond processes: without the
    TRYTOND_<SECTION>__<OPTION> variables (the generated file sets what
    matters; `make test` exports some for the addon tests)."""
    env = {k: v for k, v in os.environ.items()
        if not (k.startswith('TRYTOND_') and '__' in k)}
    env.pop('TRYTOND_CONFIG', None)
    env.pop('DB_NAME', None)
    env.pop('DB_CACHE', None)
    env['PYTHONUNBUFFERED'] = '1'
    return env


class _PostgreSQL:
    "Create and drop a database next to the one of the URI."

    def __init__(self, uri):
        self.uri = uri

    def _connect(self):
        import psycopg
        parts = urllib.parse.urlparse(self.uri)
        dsn = urllib.parse.urlunparse(parts._replace(path='/postgres'))
        conn = psycopg.connect(dsn)
        conn.autocommit = True
        return conn

    def create(self, name):
        conn = self._connect()
        try:
            with conn.cursor() as cursor:
                # No bound parameters in CREATE DATABASE (psycopg 3 binds
                # them on the server); the name is generated, not input.
                cursor.execute(
                    'CREATE DATABASE "%s" TEMPLATE template0 '
                    "ENCODING 'UTF8'" % name)
        finally:
            conn.close()

    def drop(self, name):
        conn = self._connect()
        try:
            with conn.cursor() as cursor:
                cursor.execute(
                    'DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % name)
        finally:
            conn.close()


class DemoServer:
    """A demo database and a trytond process serving it.

    Attributes: ``base_url`` (``http://127.0.0.1:PORT``, no trailing
    slash), ``database``, ``rpc_url``, ``workdir``, ``uri``, ``log_path``.
    """

    def __init__(self, workdir=None, database=None, uri=None, port=None):
        self._own_workdir = workdir is None
        self.workdir = Path(workdir or tempfile.mkdtemp(
                prefix='atelier-test-', dir=_fast_tmpdir()))
        self.uri = uri or database_uri()
        self.postgresql = self.uri.startswith('postgresql')
        # `make test-postgresql` drops the test_% databases left by a
        # killed run.
        self.database = database or (
            'test_atelier_demo_%s' % uuid.uuid4().hex[:8]
            if self.postgresql else 'demo')
        self.port = port or free_port()
        self.base_url = 'http://127.0.0.1:%s' % self.port
        self.rpc_url = '%s/%s/rpc/' % (self.base_url, self.database)
        self.config_path = self.workdir / 'trytond.conf'
        self.log_path = self.workdir / 'trytond.log'
        self.build_log_path = self.workdir / 'build.log'
        self.process = None
        self.build_seconds = None
        self._created = False

    # --- configuration ----------------------------------------------------

    def write_config(self):
        parser = configparser.RawConfigParser()
        if not parser.read(CONFIG):
            raise BuildError(f"cannot read {CONFIG}")
        for section in ('database', 'web'):
            if not parser.has_section(section):
                parser.add_section(section)
        parser.set('database', 'uri', self.uri)
        parser.set('database', 'path', str(self.workdir))
        parser.set('web', 'listen', '127.0.0.1:%s' % self.port)
        parser.set('web', 'root', str(SAO_ROOT))
        with open(self.config_path, 'w') as fh:
            fh.write('# Generated by tests/server.py from %s\n' % CONFIG)
            parser.write(fh)

    # --- database ---------------------------------------------------------

    def _run(self, args, env=None):
        started = time.monotonic()
        with open(self.build_log_path, 'a') as log:
            log.write('\n$ %s\n' % ' '.join(map(str, args)))
            log.flush()
            result = subprocess.run(
                list(map(str, args)), cwd=REPO, env=env or _clean_environ(),
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
            log.write('# exit %s after %.1f s\n' % (
                    result.returncode, time.monotonic() - started))
        if result.returncode:
            raise BuildError('%s failed (exit %s); end of %s:\n%s' % (
                    ' '.join(map(str, args[:2])), result.returncode,
                    self.build_log_path, _tail(self.build_log_path)))

    def build(self):
        "Create the database, activate the modules, load the demo data."
        started = time.monotonic()
        check_web_client()
        if not DEMO_DATA.exists():
            raise BuildError(f"demo data script {DEMO_DATA} not found")
        self.write_config()
        if self.postgresql:
            _PostgreSQL(self.uri).create(self.database)
        else:
            (self.workdir / ('%s.sqlite' % self.database)).touch()
        self._created = True
        password_file = self.workdir / '.admin-password'
        password_file.write_text(ADMIN_PASSWORD + '\n')
        password_file.chmod(0o600)
        env = _clean_environ()
        env['TRYTONPASSFILE'] = str(password_file)
        # On a database not yet initialised, one trytond-admin run does what
        # the Makefile's two do (--all, then -u): it initialises ir and res,
        # then activates the modules.
        self._run([_bin('trytond-admin'), '-c', self.config_path,
                '-d', self.database, '-u', *DEMO_MODULES,
                '--activate-dependencies', '-l', 'fr',
                '--email', 'admin@atelier.localhost'], env=env)
        password_file.unlink()
        self._run([sys.executable, DEMO_DATA, '-c', self.config_path,
                '-d', self.database])
        self.build_seconds = time.monotonic() - started

    # --- server -----------------------------------------------------------

    def start(self, timeout=90):
        check_web_client()
        log = open(self.log_path, 'a')
        self.process = subprocess.Popen(
            [_bin('trytond'), '-c', str(self.config_path),
                '-d', self.database],
            cwd=REPO, env=_clean_environ(), stdin=subprocess.DEVNULL,
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise BuildError('trytond exited with %s; end of %s:\n%s' % (
                        self.process.returncode, self.log_path,
                        _tail(self.log_path)))
            if self._answers():
                return
            if time.monotonic() > deadline:
                self.stop()
                raise BuildError('trytond did not answer on %s within %ss; '
                    'end of %s:\n%s' % (self.base_url, timeout,
                        self.log_path, _tail(self.log_path)))
            time.sleep(0.2)

    def _answers(self):
        "The web client is served and the database answers a login call."
        try:
            with urllib.request.urlopen(self.base_url + '/', timeout=5) as r:
                if r.status != 200:
                    return False
            request = urllib.request.Request(
                self.base_url + '/rpc/',
                data=json.dumps({'id': 0, 'method': 'common.server.version',
                        'params': []}).encode(),
                headers={'Content-Type': 'application/json'})
            with urllib.request.urlopen(request, timeout=5) as r:
                return r.status == 200
        except (urllib.error.URLError, ConnectionError, OSError):
            return False

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.process = None

    def destroy(self):
        "Stop the server, drop the database and remove the work directory."
        self.stop()
        if self.postgresql and self._created:
            try:
                _PostgreSQL(self.uri).drop(self.database)
            except Exception as exc:  # pragma: no cover - best effort
                print('could not drop %s: %s' % (self.database, exc),
                    file=sys.stderr)
        if self._own_workdir and not os.environ.get('ATELIER_KEEP_TEST_DB'):
            shutil.rmtree(self.workdir, ignore_errors=True)

    # --- clients ----------------------------------------------------------

    def rpc(self, login=None, password=None, language='fr'):
        """A JSON-RPC client, logged in when a login is given (answering
        the second factor's prompt for the demo's owners and admins)."""
        client = JsonRpc(self.rpc_url)
        if login:
            client.login(login, password, language,
                totp_secret=TOTP_SECRETS.get(login))
        return client


class ExistingServer:
    "A server already running, given as http://HOST:PORT/DATABASE."

    postgresql = None
    build_seconds = None

    def __init__(self, url):
        parts = urllib.parse.urlparse(url)
        self.database = parts.path.strip('/')
        if not self.database:
            raise ValueError('%r names no database (http://HOST:PORT/DB)' % url)
        self.base_url = '%s://%s' % (parts.scheme, parts.netloc)
        self.rpc_url = '%s/%s/rpc/' % (self.base_url, self.database)

    rpc = DemoServer.rpc


class RpcError(Exception):
    "A JSON-RPC answer carrying an error instead of a result."

    def __init__(self, error):
        self.error = error
        super().__init__(error)

    @property
    def kind(self):
        return self.error[0] if isinstance(self.error, list) else None

    @property
    def message(self):
        "The user-facing message (Tryton's UserError: [kind, [msg, desc, ..]])."
        error = self.error
        if (isinstance(error, list) and len(error) == 2
                and isinstance(error[1], list) and error[1]):
            return str(error[1][0])
        return str(error)

    @property
    def description(self):
        error = self.error
        if (isinstance(error, list) and len(error) == 2
                and isinstance(error[1], list) and len(error[1]) > 1):
            return str(error[1][1] or '')
        return ''


class HttpError(Exception):
    def __init__(self, status, body):
        self.status = status
        self.body = body
        super().__init__('HTTP %s: %r' % (status, body[:300]))


class JsonRpc:
    "A minimal JSON-RPC client over urllib, the way sao talks to trytond."

    def __init__(self, url):
        self.url = url
        self.login_name = None
        self.user_id = None
        self.session = None
        self._id = 0

    @property
    def authorization(self):
        token = '%s:%s:%s' % (self.login_name, self.user_id, self.session)
        return 'Session ' + base64.b64encode(token.encode()).decode()

    def post(self, method, params, authenticated=True):
        "Return (HTTP status, decoded JSON body or raw bytes)."
        self._id += 1
        request = urllib.request.Request(
            self.url,
            data=json.dumps({'id': self._id, 'method': method,
                    'params': params}).encode(),
            headers={'Content-Type': 'application/json'})
        if authenticated and self.session:
            request.add_header('Authorization', self.authorization)
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def call(self, method, *params):
        "Call `method`; the last element of `params` is the context."
        status, body = self.post(method, list(params))
        if status != 200:
            raise HttpError(status, body)
        if 'error' in body:
            raise RpcError(body['error'])
        return body['result']

    def login(self, login, password, language='fr', totp_secret=None):
        """Log in the way sao does: the server asks for each further
        parameter with a LoginException; only 'totp_code' is answered."""
        parameters = {'password': password}
        while True:
            status, body = self.post('common.db.login',
                [login, parameters, language], authenticated=False)
            if status != 200:
                raise HttpError(status, body)
            error = body.get('error')
            if (error and error[0] == 'LoginException'
                    and error[1][0] == 'totp_code' and totp_secret
                    and 'totp_code' not in parameters):
                parameters['totp_code'] = totp_code(login, totp_secret)
                continue
            break
        if 'error' in body:
            raise RpcError(body['error'])
        self.login_name = login
        self.user_id, self.session = body['result'][:2]
        return self.user_id

    def model(self, name, method, *params):
        return self.call('model.%s.%s' % (name, method), *params)


def main():
    "Build the demo and serve it until interrupted."
    import signal

    def terminate(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, terminate)
    server = DemoServer()
    print('building %s in %s (%s)...' % (
            server.database, server.workdir, server.uri), flush=True)
    server.build()
    print('built in %.1f s' % server.build_seconds, flush=True)
    server.start()
    print('serving %s (database %s); Ctrl-C to stop' % (
            server.base_url, server.database), flush=True)
    print('reuse it in the tests: ATELIER_TEST_SERVER=%s/%s' % (
            server.base_url, server.database), flush=True)
    try:
        server.process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.destroy()


if __name__ == '__main__':
    main()
