# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Two-factor login: the password, then a code of the authenticator app.
'Now' is set by patching saas.totp.clock; codes come from pyotp at the same
moments."""
import unittest
from unittest.mock import patch

import pyotp

import trytond.config as config
from trytond.exceptions import LoginException
from trytond.model.exceptions import AccessError
from trytond.modules.saas import totp
from trytond.modules.saas.exceptions import TOTPCodeError, TOTPRequiredError
from trytond.pool import Pool
from trytond.tests.test_tryton import (
    activate_module, drop_db, with_transaction)
from trytond.transaction import Transaction

SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
NOW = 1_800_000_015  # a fixed moment, in the middle of a 30 s step
PASSWORD = 'secret-password'


def code_at(seconds, secret=SECRET):
    return pyotp.TOTP(secret).at(seconds)


class TOTPFunctionsTestCase(unittest.TestCase):
    "The code checks, without a database"

    def test_code_of_the_moment(self):
        "The code of now is accepted, at its time step"
        self.assertEqual(totp.code_counter(SECRET, code_at(NOW), NOW),
            NOW // 30)

    def test_drift_of_one_step(self):
        "The codes of the previous and next steps are accepted"
        self.assertEqual(totp.code_counter(SECRET, code_at(NOW - 30), NOW),
            NOW // 30 - 1)
        self.assertEqual(totp.code_counter(SECRET, code_at(NOW + 30), NOW),
            NOW // 30 + 1)

    def test_drift_of_two_steps(self):
        "A code two steps away is refused"
        self.assertIsNone(totp.code_counter(SECRET, code_at(NOW - 60), NOW))
        self.assertIsNone(totp.code_counter(SECRET, code_at(NOW + 60), NOW))

    def test_not_a_code(self):
        self.assertIsNone(totp.code_counter(SECRET, 'abcdef', NOW))
        self.assertIsNone(totp.code_counter(SECRET, '', NOW))
        self.assertEqual(
            totp.code_counter(SECRET, ' %s ' % code_at(NOW), NOW),
            NOW // 30)

    def test_recovery_codes(self):
        "Ten distinct codes, hashed whatever the case or dashes"
        codes = totp.new_recovery_codes()
        self.assertEqual(len(set(codes)), 10)
        code = codes[0]
        self.assertEqual(totp.hash_recovery_code(code),
            totp.hash_recovery_code(code.lower().replace('-', ' ')))
        self.assertNotIn(code, totp.hash_recovery_code(code))

    def test_qr_code(self):
        "The QR code is a PNG of the otpauth URI"
        uri = totp.provisioning_uri(SECRET, 'owner.durand')
        self.assertTrue(uri.startswith('otpauth://totp/Atelier:owner.durand'))
        self.assertIn('secret=%s' % SECRET, uri)
        self.assertTrue(totp.qr_code_png(uri).startswith(b'\x89PNG'))


class TOTPLoginTestCase(unittest.TestCase):
    "Logging in with the password and the code of the app"

    @classmethod
    def setUpClass(cls):
        drop_db()
        activate_module('saas')
        super().setUpClass()
        cls._authentications = config.get('session', 'authentications')
        config.set('session', 'authentications', 'password+totp')

    @classmethod
    def tearDownClass(cls):
        config.set('session', 'authentications',
            cls._authentications or 'password')
        super().tearDownClass()
        drop_db()

    def create_user(self, login, group=None, secret=None):
        pool = Pool()
        User = pool.get('res.user')
        ModelData = pool.get('ir.model.data')
        values = {'login': login, 'name': login, 'password': PASSWORD}
        if group:
            values['groups'] = [('add', [ModelData.get_id('saas', group)])]
        user, = User.create([values])
        if secret:
            User.write([user], {'totp_secret': secret})
        return user

    def login(self, login, at=NOW, **parameters):
        User = Pool().get('res.user')
        parameters.setdefault('password', PASSWORD)
        # No delay after failed attempts (trytond sleeps up to 2**n - 1 s).
        with patch.object(totp, 'clock', return_value=at), \
                patch('trytond.res.user.random.randint', return_value=0):
            return User.get_login(login, parameters)

    @with_transaction()
    def test_code_accepted(self):
        "An owner logs in with the password, then the code of the moment"
        user = self.create_user('owner.a', 'group_owner', SECRET)
        with self.assertRaises(LoginException) as cm:
            self.login('owner.a')
        self.assertEqual(cm.exception.name, 'totp_code')
        self.assertEqual(cm.exception.type, 'char')
        self.assertIn("authenticator app", cm.exception.message)
        self.assertEqual(
            self.login('owner.a', totp_code=code_at(NOW)), user.id)

    @with_transaction()
    def test_wrong_password_first(self):
        "A wrong password is refused before any code is asked"
        self.create_user('owner.b', 'group_owner', SECRET)
        self.assertIsNone(self.login('owner.b', password='wrong'))

    @with_transaction()
    def test_drift(self):
        "A code one step old is accepted; two steps old is refused"
        user = self.create_user('owner.c', 'group_owner', SECRET)
        with self.assertRaises(LoginException) as cm:
            self.login('owner.c', totp_code=code_at(NOW - 60))
        self.assertIn("not right", cm.exception.message)
        self.assertEqual(
            self.login('owner.c', totp_code=code_at(NOW - 30)), user.id)

    @with_transaction()
    def test_replay_refused(self):
        "A code is accepted once, and no older code after it"
        user = self.create_user('admin.d', 'group_admin', SECRET)
        code = code_at(NOW)
        self.assertEqual(self.login('admin.d', totp_code=code), user.id)
        with self.assertRaises(LoginException) as cm:
            self.login('admin.d', at=NOW + 10, totp_code=code)
        self.assertIn("already been used", cm.exception.message)
        with self.assertRaises(LoginException):
            self.login('admin.d', at=NOW + 10, totp_code=code_at(NOW - 30))
        self.assertEqual(
            self.login('admin.d', at=NOW + 30, totp_code=code_at(NOW + 30)),
            user.id)

    @with_transaction()
    def test_wrong_code_counts_as_failed_attempt(self):
        "Wrong codes feed the login rate limit"
        LoginAttempt = Pool().get('res.user.login.attempt')
        self.create_user('owner.e', 'group_owner', SECRET)
        with self.assertRaises(LoginException):
            self.login('owner.e', totp_code='000000' if code_at(NOW) != '000000'
                else '111111')
        self.assertEqual(LoginAttempt.count('owner.e'), 1)

    @with_transaction()
    def test_enrol_and_recovery_code_once(self):
        "Enrolment gives 10 recovery codes; each one works once"
        pool = Pool()
        User = pool.get('res.user')
        Enrol = pool.get('res.user.totp.enrol', type='wizard')
        RecoveryCode = pool.get('res.user.totp.recovery_code')
        user = self.create_user('accounting.f', 'group_accounting')
        with Transaction().set_user(user.id):
            session_id, _, _ = Enrol.create()
            wizard = Enrol(session_id)
            defaults = wizard.default_start(None)
            self.assertTrue(defaults['qr_code'].startswith(b'\x89PNG'))
            secret = defaults['secret']
            wizard.start.secret = secret
            wizard.start.code = code_at(NOW - 60, secret)
            with patch.object(totp, 'clock', return_value=NOW), \
                    self.assertRaises(TOTPCodeError):
                wizard.transition_confirm()
            wizard.start.code = code_at(NOW, secret)
            with patch.object(totp, 'clock', return_value=NOW):
                self.assertEqual(wizard.transition_confirm(), 'done')
            codes = wizard.default_done(None)['recovery_codes'].split('\n')
        self.assertEqual(len(codes), 10)
        hashes = {r.code_hash for r in RecoveryCode.search(
                    [('user', '=', user.id)])}
        self.assertEqual(len(hashes), 10)
        self.assertFalse(set(codes) & hashes)
        user = User(user.id)
        self.assertTrue(user.totp_enabled)
        self.assertIsNone(User.read([user.id], ['totp_secret'])[0][
                'totp_secret'])

        # The enrolment code itself cannot be replayed.
        with self.assertRaises(LoginException):
            self.login('accounting.f', totp_code=code_at(NOW, secret))
        self.assertEqual(
            self.login('accounting.f', totp_code=codes[0].lower()), user.id)
        with self.assertRaises(LoginException) as cm:
            self.login('accounting.f', totp_code=codes[0])
        self.assertIn("recovery code", cm.exception.message)
        self.assertEqual(
            self.login('accounting.f', totp_code=codes[1]), user.id)
        self.assertEqual(
            RecoveryCode.search_count([('user', '=', user.id)]), 8)

    @with_transaction()
    def test_owner_not_enrolled(self):
        "An owner without an app is refused, with what to do"
        self.create_user('owner.g', 'group_owner')
        with self.assertRaises(TOTPRequiredError) as cm:
            self.login('owner.g')
        self.assertIn("administrator", cm.exception.message)
        # A wrong password says nothing about the second factor.
        self.assertIsNone(self.login('owner.g', password='wrong'))

    @with_transaction()
    def test_new_owner_sets_up_the_app_at_first_login(self):
        "A new owner logs in with the password; the set-up opens until done"
        pool = Pool()
        User = pool.get('res.user')
        user = self.create_user('owner.new', 'group_owner')
        User.ask_totp_enrolment([user])
        action_id = User.enrolment_action_id()
        self.assertEqual(self.login('owner.new'), user.id)
        self.assertIn(action_id, [a.id for a in User(user.id).actions])

        User.enrol_totp(User(user.id), SECRET, None)
        self.assertNotIn(action_id, [a.id for a in User(user.id).actions])
        with self.assertRaises(LoginException):
            self.login('owner.new')

    @with_transaction()
    def test_new_owner_grace_ends(self):
        "Past the first week, an owner without the app is refused"
        pool = Pool()
        User = pool.get('res.user')
        user = self.create_user('owner.late', 'group_owner')
        User.ask_totp_enrolment([user])
        later = totp.now() + totp.ENROLMENT_GRACE
        with patch.object(totp, 'now', return_value=later):
            with self.assertRaises(TOTPRequiredError):
                self.login('owner.late')

    @with_transaction()
    def test_exempt_login(self):
        "[saas] totp_exempt lets a listed login in with its password"
        user = self.create_user('owner.h', 'group_owner')
        with patch.object(totp, 'exempt_logins', return_value={'owner.h'}):
            self.assertEqual(self.login('owner.h'), user.id)

    @with_transaction()
    def test_operator_without_totp(self):
        "An operator who did not set up an app logs in with the password"
        user = self.create_user('operator.i', 'group_operator')
        self.assertEqual(self.login('operator.i'), user.id)
        self.assertIsNone(self.login('operator.i', password='wrong'))

    @with_transaction()
    def test_operator_enrolled(self):
        "An operator who set up an app is asked for its code"
        user = self.create_user('operator.j', 'group_operator', SECRET)
        with self.assertRaises(LoginException):
            self.login('operator.j')
        self.assertEqual(
            self.login('operator.j', totp_code=code_at(NOW)), user.id)

    @with_transaction()
    def test_secret_hidden(self):
        "The secret is neither read nor searched through the access rights"
        pool = Pool()
        User = pool.get('res.user')
        user = self.create_user('owner.k', 'group_owner', SECRET)
        self.assertIsNone(User.read([user.id], ['totp_secret'])[0][
                'totp_secret'])
        with Transaction().set_context(_check_access=True):
            with self.assertRaises(AccessError):
                User.search([('totp_secret', 'like', 'J%')])
            with self.assertRaises(AccessError):
                User.search(['OR', ('login', '=', 'x'),
                        [('totp_secret', '=', SECRET)]])
            self.assertEqual(User.search([('login', '=', 'owner.k')]),
                [user])
