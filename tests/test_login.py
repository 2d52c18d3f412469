# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Login over JSON-RPC: a wrong password answers 401; past [session]
max_attempt failed attempts for a login the server answers 429, even to the
right password. After the password, users with an authenticator app are
asked for its code (LoginException 'totp_code').

Each test logs in with a throwaway user created by the administrator, so the
rate limit never locks a demo login the other tests use.
"""
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from server import max_attempt, totp_code

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


def test_second_factor(server, throwaway_login):
    """A user who set up an authenticator app (enrolment wizard over
    JSON-RPC) is asked for its code after the password; a wrong or replayed
    code is refused with a message, the right code opens a session."""
    # Without an app (not an owner nor an administrator): the password alone.
    client = server.rpc(throwaway_login, PASSWORD)
    preferences = client.model('res.user', 'get_preferences', False, {})
    assert preferences['totp_enabled'] is False
    assert preferences['totp_required'] is False
    context = client.model('res.user', 'get_preferences', True, {})

    session_id, _, _ = client.call('wizard.res.user.totp.enrol.create', {})
    view = client.call('wizard.res.user.totp.enrol.execute',
        session_id, {}, 'start', context)['view']
    defaults = view['defaults']
    secret = defaults['secret']
    assert defaults['qr_code']
    result = client.call('wizard.res.user.totp.enrol.execute', session_id,
        {'start': {'secret': secret, 'code': totp_code(throwaway_login, secret),
                'user': defaults['user'], 'qr_code': None}},
        'confirm', context)
    recovery_codes = result['view']['defaults']['recovery_codes'].split()
    assert len(recovery_codes) == 10
    client.call('wizard.res.user.totp.enrol.delete', session_id, context)

    # The password only: the server asks for the code (HTTP 200).
    status, body = login_status(server, throwaway_login, PASSWORD)
    assert status == 200, body
    kind, (name, prompt, type_) = body['error']
    assert (kind, name, type_) == ('LoginException', 'totp_code', 'char')

    # A wrong code: asked again, with another message.
    code = totp_code(throwaway_login, secret)
    wrong = '%06d' % ((int(code) + 1) % 1000000)
    status, body = login_totp(server, throwaway_login, wrong)
    assert status == 200, body
    kind, (name, message, _) = body['error']
    assert (kind, name) == ('LoginException', 'totp_code')
    assert message != prompt

    # The right code opens a session; sent again, it is refused.
    status, body = login_totp(server, throwaway_login, code)
    assert status == 200 and 'result' in body, body
    status, body = login_totp(server, throwaway_login, code)
    assert body['error'][0] == 'LoginException', body

    # A recovery code works once.
    status, body = login_totp(server, throwaway_login, recovery_codes[0])
    assert 'result' in body, body
    status, body = login_totp(server, throwaway_login, recovery_codes[0])
    assert body['error'][0] == 'LoginException', body


def login_totp(server, login, code):
    return server.rpc().post('common.db.login',
        [login, {'password': PASSWORD, 'totp_code': code}, 'fr'],
        authenticated=False)


def test_owner_needs_second_factor(server):
    "A demo owner is asked for the code after the right password."
    status, body = login_status(server, 'owner.martin', 'demo')
    assert status == 200, body
    assert body['error'][0] == 'LoginException', body
    assert body['error'][1][0] == 'totp_code'
    # The publisher's admin is exempt in the demo ([saas] totp_exempt).
    status, body = login_status(server, 'admin', 'admin')
    assert status == 200 and 'result' in body, body
