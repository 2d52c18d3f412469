# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Cross-addon tests against a real server.

The session fixture ``server`` builds the demo database once per run (SQLite
in a temporary directory, or a fresh PostgreSQL database when
``TRYTOND_DATABASE__URI`` starts with ``postgresql``), starts ``trytond`` on
a free port of 127.0.0.1 with the web client as web root, and stops it (and
drops the database) at the end. Set ``ATELIER_KEEP_TEST_DB=1`` to keep the
SQLite directory for inspection.

To iterate on the tests without rebuilding, start a server once with
``.venv/bin/python -m tests.server`` and run pytest with
``ATELIER_TEST_SERVER=http://127.0.0.1:PORT/demo`` (the login rate-limit
test then needs a fresh server each time).
"""
import os
import time

import pytest

from server import DEMO_PASSWORD, DemoServer, ExistingServer

# Logins of the demo (scripts/demo_data.py).
WORKSHOPS = {
    'durand': {
        'company': "Thermolaquage Durand",
        'clients': {"Garage des Brotteaux", "Ferronnerie Lumière",
            "Mme Claire Martin"},
        'products': {"Sablage", "Thermolaquage RAL standard"},
        },
    'martin': {
        'company': "Époxy Services Martin",
        'clients': {"Menuiserie Alu Gironde", "Cycles Chartrons",
            "M. Julien Petit"},
        'products': {"Décapage chimique", "Peinture époxy"},
        },
    }


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    "Keep each phase's report on the item (rep_setup, rep_call...)."
    report = yield
    setattr(item, 'rep_' + report.when, report)
    return report


@pytest.fixture(scope='session')
def server():
    existing = os.environ.get('ATELIER_TEST_SERVER')
    if existing:
        # Iterating on the tests: reuse a server started with
        # `.venv/bin/python -m tests.server` (URL/DATABASE).
        yield ExistingServer(existing)
        return
    started = time.monotonic()
    demo = DemoServer()
    try:
        demo.build()
        demo.start()
    except BaseException:
        demo.destroy()
        raise
    demo.setup_seconds = time.monotonic() - started
    _SUMMARY.append(
        'server fixture: demo database %r (%s) built in %.1f s, '
        'server answering after %.1f s' % (demo.database,
            'PostgreSQL' if demo.postgresql else 'SQLite',
            demo.build_seconds, demo.setup_seconds))
    yield demo
    demo.destroy()


_SUMMARY = []


def pytest_terminal_summary(terminalreporter):
    for line in _SUMMARY:
        terminalreporter.write_line(line)


@pytest.fixture
def smtp():
    """The mail server the demo's configuration sends to (localhost:1025),
    keeping the messages (the browser journeys read their emails)."""
    from trytond.modules.saas.tests.tools import SMTPSink
    try:
        sink = SMTPSink(port=1025)
    except OSError as error:
        pytest.fail(f"cannot listen on localhost:1025 for the demo's "
            f"emails: {error}", pytrace=False)
    yield sink
    sink.stop()


@pytest.fixture(scope='session')
def workshops():
    return WORKSHOPS


@pytest.fixture(scope='session')
def rpc_as(server):
    """Log in over JSON-RPC; one session per login for the whole run. The
    demo's owners and administrators answer the second factor's prompt with
    a TOTP code of their demo secret (server.TOTP_SECRETS)."""
    sessions = {}

    def login(name, password=DEMO_PASSWORD):
        if name not in sessions:
            sessions[name] = server.rpc(name, password)
        return sessions[name]
    return login


@pytest.fixture(scope='session')
def admin_rpc(server):
    return server.rpc('admin', 'admin')


@pytest.fixture(scope='session')
def application_key(server, admin_rpc):
    """application_key(login): a validated REST application key of login,
    created by the administrator (res.user.application)."""
    keys = {}

    def key(login):
        if login not in keys:
            keys[login] = _application_key(admin_rpc, login)
        return keys[login]
    return key


@pytest.fixture(scope='session')
def rest_key(application_key):
    "A validated REST application key of owner.durand."
    return application_key('owner.durand')


def _application_key(admin_rpc, login):
    user_id, = admin_rpc.model('res.user', 'search',
        [('login', '=', login)], 0, None, None, {})
    application_id, = admin_rpc.model('res.user.application', 'create',
        [{'user': user_id, 'application': 'rest'}], {})
    application, = admin_rpc.model('res.user.application', 'read',
        [application_id], ['key', 'state', 'user'], {})
    assert application['state'] == 'validated'
    assert application['user'] == user_id
    return application['key']
