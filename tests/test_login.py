# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Login over JSON-RPC: a wrong password answers 401; past [session]
max_attempt failed attempts for a login the server answers 429, even to the
right password.

Each test logs in with a throwaway user created by the administrator, so the
rate limit never locks a demo login the other tests use.
"""
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from server import max_attempt

PASSWORD = 'right-password-%s' % uuid.uuid4().hex[:6]


@pytest.fixture
def throwaway_login(server, admin_rpc):
    login = 'login.test.%s' % uuid.uuid4().hex[:8]
    user_id, = admin_rpc.model('res.user', 'create', [{
                'login': login,
                'name': "Login test",
                'password': PASSWORD,
                }], {})
    assert user_id
    return login


def login_status(server, login, password):
    status, body = server.rpc().post(
        'common.db.login', [login, {'password': password}, 'fr'],
        authenticated=False)
    return status, body


def test_wrong_password_is_401(server, throwaway_login):
    status, body = login_status(server, throwaway_login, PASSWORD)
    assert status == 200, body
    user_id, session = body['result'][:2]
    assert user_id and session

    status, body = login_status(server, throwaway_login, 'wrong')
    assert status == 401, body
    # An unknown login is answered the same way.
    status, body = login_status(
        server, 'nobody.%s' % uuid.uuid4().hex[:8], 'wrong')
    assert status == 401, body

    # One mistake does not lock the account.
    status, body = login_status(server, throwaway_login, PASSWORD)
    assert status == 200, body


def test_too_many_attempts_is_429(server, throwaway_login):
    limit = max_attempt()
    assert limit > 0
    status, _ = login_status(server, throwaway_login, PASSWORD)
    assert status == 200

    # trytond delays each failed answer by up to 2**failures - 1 seconds;
    # sending the attempts together keeps the test short.
    attempts = limit + 1
    with ThreadPoolExecutor(max_workers=attempts) as pool:
        statuses = list(pool.map(
                lambda i: login_status(
                    server, throwaway_login, 'wrong-%s' % i)[0],
                range(attempts)))
    assert statuses == [401] * attempts, statuses

    # More than max_attempt failures: refused before checking the password.
    assert login_status(server, throwaway_login, 'wrong-again')[0] == 429
    assert login_status(server, throwaway_login, PASSWORD)[0] == 429
