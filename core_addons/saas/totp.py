# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Two-factor login: a time-based code (TOTP, RFC 6238) from an
authenticator app after the password, required for owners, administrators
and the publisher, optional for the other users."""
import datetime as dt
import hashlib
import hmac
import io
import secrets
import time

import pyotp
import qrcode
import qrcode.image.pure
from sql import Null

import trytond.config as config
from trytond.exceptions import LoginException
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.model.exceptions import AccessError
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access
from trytond.wizard import Button, StateTransition, StateView, Wizard

from .exceptions import TOTPCodeError, TOTPRequiredError

# A new owner or admin sets up the app within a week of the account's creation.
ENROLMENT_GRACE = dt.timedelta(days=7)

ISSUER = "Atelier"
# Codes of the step before and after the current one are accepted: the
# phone's clock may be off by up to 30 seconds.
VALID_WINDOW = 1
RECOVERY_CODES = 10
# Groups whose members must use a second factor (saas.xml).
REQUIRED_GROUPS = ('group_owner', 'group_admin', 'group_publisher')


def clock():
    "The current Unix time; tests patch it."
    return time.time()


def now():
    "The current date and time, as Tryton stores it; tests patch it."
    return dt.datetime.now()


def new_secret():
    return pyotp.random_base32()


def provisioning_uri(secret, login, issuer=ISSUER):
    "The otpauth:// URI an authenticator app reads from the QR code."
    return pyotp.TOTP(secret).provisioning_uri(name=login, issuer_name=issuer)


def qr_code_png(uri):
    "The PNG image of the QR code of `uri`."
    image = qrcode.make(
        uri, image_factory=qrcode.image.pure.PyPNGImage, box_size=6, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue()


def normalize_code(code):
    return ''.join((code or '').split()).replace('-', '').upper()


def is_totp_code(code):
    return len(code) == 6 and code.isdigit()


def code_counter(secret, code, for_time, window=VALID_WINDOW):
    """The time step (counter) to which the 6-digit `code` belongs, within
    `window` steps of `for_time`, or None."""
    totp = pyotp.TOTP(secret)
    code = normalize_code(code)
    if not is_totp_code(code):
        return None
    current = int(for_time) // totp.interval
    for counter in range(current - window, current + window + 1):
        if hmac.compare_digest(totp.generate_otp(counter), code):
            return counter
    return None


def new_recovery_codes(number=RECOVERY_CODES):
    "Codes like 'K7PQ2-XM4RT' (50 random bits each)."
    alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
    codes = []
    for _ in range(number):
        code = ''.join(secrets.choice(alphabet) for _ in range(10))
        codes.append('%s-%s' % (code[:5], code[5:]))
    return codes


def hash_recovery_code(code):
    return hashlib.sha256(normalize_code(code).encode()).hexdigest()


def _mentions(domain, name):
    "Whether a domain has a condition on the field `name`."
    if isinstance(domain, (list, tuple)):
        if domain and isinstance(domain[0], str) and domain[0] not in {
                'AND', 'OR'}:
            return domain[0].split('.', 1)[0] == name
        return any(_mentions(d, name) for d in domain)
    return False


def exempt_logins():
    "Logins excused from the second factor by [saas] totp_exempt (demo)."
    value = config.get('saas', 'totp_exempt', default='') or ''
    return {l.strip() for l in value.split(',') if l.strip()}


class User(metaclass=PoolMeta):
    __name__ = 'res.user'

    totp_secret = fields.Char(
        "Authenticator Secret", strip=False,
        help="The shared secret of the authenticator app; never shown.")
    totp_counter = fields.Integer(
        "Last Code Step",
        help="The time step of the last code accepted: "
        "a code is accepted only once.")
    totp_enabled = fields.Function(fields.Boolean(
            "Two-Factor Login",
            help="A code from an authenticator app is asked after the "
            "password."), 'get_totp_enabled')
    totp_required = fields.Function(fields.Boolean(
            "Two-Factor Login Required",
            help="Owners and administrators must log in with a code from "
            "an authenticator app."), 'get_totp_required')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._preferences_fields += ['totp_enabled', 'totp_required']

    @classmethod
    def read(cls, ids, fields_names):
        "The secret never leaves the server."
        result = super().read(ids, fields_names)
        cache = Transaction().get_cache().get(cls.__name__)
        for values in result:
            if 'totp_secret' in values:
                values['totp_secret'] = None
            if cache and values['id'] in cache:
                cache[values['id']]['totp_secret'] = None
        return result

    @classmethod
    def search(cls, domain, *args, **kwargs):
        "Nobody searches on the secret: it would reveal it."
        if Transaction().check_access and _mentions(domain, 'totp_secret'):
            raise AccessError(gettext('saas.msg_totp_secret_search'))
        return super().search(domain, *args, **kwargs)

    @classmethod
    def copy(cls, users, default=None):
        default = default.copy() if default is not None else {}
        default.setdefault('totp_secret', None)
        default.setdefault('totp_counter', None)
        return super().copy(users, default=default)

    @classmethod
    def get_totp_enabled(cls, users, name):
        secrets_ = cls._get_totp_secrets([u.id for u in users])
        return {u.id: bool(secrets_.get(u.id)) for u in users}

    @classmethod
    def get_totp_required(cls, users, name):
        return {u.id: cls._totp_required(u.id) for u in users}

    @classmethod
    def _get_totp_secrets(cls, user_ids):
        cursor = Transaction().connection.cursor()
        table = cls.__table__()
        result = {}
        for sub_ids in (user_ids[i:i + 500]
                for i in range(0, len(user_ids), 500)):
            cursor.execute(*table.select(table.id, table.totp_secret,
                    where=table.id.in_(sub_ids)))
            result.update(cursor)
        return result

    @classmethod
    def _totp_required(cls, user_id):
        pool = Pool()
        ModelData = pool.get('ir.model.data')
        user = cls(user_id)
        if user.login in exempt_logins():
            return False
        required = {ModelData.get_id('saas', g) for g in REQUIRED_GROUPS}
        return bool(required & set(cls.get_groups_for(user_id)))

    @classmethod
    def enrolment_action_id(cls):
        "The ir.action of the enrolment wizard, run at login when pending."
        pool = Pool()
        ModelData = pool.get('ir.model.data')
        Action = pool.get('ir.action')
        return Action.get_action_id(
            ModelData.get_id('saas', 'wizard_totp_enrol'))

    @classmethod
    def _totp_enrolment_pending(cls, user_id):
        """A new owner or admin may log in with the password alone during
        the first days, to set up the app: the enrolment wizard opens at
        login until it is done (see `ask_totp_enrolment`)."""
        with without_check_access():
            user = cls(user_id)
            pending = cls.enrolment_action_id() in [a.id for a in user.actions]
            created = user.create_date
        return bool(pending and created
            and now() - created < ENROLMENT_GRACE)

    @classmethod
    def ask_totp_enrolment(cls, users):
        "Open the enrolment wizard at the users' next logins."
        action_id = cls.enrolment_action_id()
        with without_check_access():
            cls.write(list(users), {'actions': [('add', [action_id])]})

    @classmethod
    def get_groups_for(cls, user_id):
        with Transaction().set_user(user_id):
            return cls.get_groups()

    @classmethod
    def _login_totp(cls, login, parameters):
        """Check the code of the authenticator app (or a recovery code)
        after the password; users without a second factor pass."""
        pool = Pool()
        LoginAttempt = pool.get('res.user.login.attempt')
        user_id = cls._get_login(login)[0]
        if not user_id:
            return None
        secret = cls._get_totp_secrets([user_id]).get(user_id)
        if not secret:
            if (cls._totp_required(user_id)
                    and not cls._totp_enrolment_pending(user_id)):
                raise TOTPRequiredError(
                    gettext('saas.msg_totp_required', login=login))
            return user_id
        if not parameters.get('totp_code'):
            raise LoginException('totp_code',
                gettext('saas.msg_totp_code', login=login), type='char')
        code = normalize_code(parameters['totp_code'])
        if is_totp_code(code):
            counter = code_counter(secret, code, clock())
            if counter is not None:
                if cls._accept_totp_counter(user_id, counter):
                    return user_id
                message = gettext('saas.msg_totp_code_reused')
            else:
                message = gettext('saas.msg_totp_code_wrong')
        elif cls._use_recovery_code(user_id, code):
            return user_id
        else:
            message = gettext('saas.msg_totp_recovery_code_wrong')
        # A wrong code counts as a failed attempt for the rate limit.
        LoginAttempt.add(login, parameters.get('device_cookie'))
        raise LoginException('totp_code', message, type='char')

    @classmethod
    def _accept_totp_counter(cls, user_id, counter):
        "Store the step of an accepted code unless a later one was used."
        cursor = Transaction().connection.cursor()
        table = cls.__table__()
        cursor.execute(*table.update(
                [table.totp_counter], [counter],
                where=(table.id == user_id)
                & ((table.totp_counter == Null)
                    | (table.totp_counter < counter))))
        return cursor.rowcount == 1

    @classmethod
    def _use_recovery_code(cls, user_id, code):
        "Consume the recovery code; False when unknown or already used."
        pool = Pool()
        RecoveryCode = pool.get('res.user.totp.recovery_code')
        cursor = Transaction().connection.cursor()
        table = RecoveryCode.__table__()
        cursor.execute(*table.delete(
                where=(table.user == user_id)
                & (table.code_hash == hash_recovery_code(code))))
        return cursor.rowcount == 1

    @classmethod
    def enrol_totp(cls, user, secret, counter):
        """Set the secret of `user`, confirmed by the code of step `counter`;
        return new recovery codes, replacing the previous ones."""
        pool = Pool()
        RecoveryCode = pool.get('res.user.totp.recovery_code')
        codes = new_recovery_codes()
        with without_check_access():
            RecoveryCode.delete(RecoveryCode.search([('user', '=', user.id)]))
            cls.write([user], {
                    'totp_secret': secret,
                    'totp_counter': counter,
                    })
            RecoveryCode.create([{
                        'user': user.id,
                        'code_hash': hash_recovery_code(c),
                        } for c in codes])
            action_id = cls.enrolment_action_id()
            if action_id in [a.id for a in user.actions]:
                cls.write([user], {'actions': [('remove', [action_id])]})
        return codes


class RecoveryCode(ModelSQL):
    "Two-Factor Recovery Code"
    __name__ = 'res.user.totp.recovery_code'
    __string__ = "Two-Factor Recovery Code"

    user = fields.Many2One(
        'res.user', "User", required=True, ondelete='CASCADE',
        help="The user who may log in once with this code.")
    code_hash = fields.Char(
        "Code Hash", required=True, strip=False,
        help="The SHA-256 of the code; the code itself is shown only once.")


class TOTPEnrol(Wizard):
    "Set up the authenticator app of a user."
    __name__ = 'res.user.totp.enrol'

    start = StateView('res.user.totp.enrol.start',
        'saas.totp_enrol_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Confirm", 'confirm', 'tryton-ok', default=True),
            ])
    confirm = StateTransition()
    done = StateView('res.user.totp.enrol.done',
        'saas.totp_enrol_done_view_form', [
            Button("I Have Saved the Codes", 'end', 'tryton-ok',
                default=True),
            ])

    def _target_user(self):
        "The user of the form, else the user running the wizard."
        pool = Pool()
        User = pool.get('res.user')
        ModelAccess = pool.get('ir.model.access')
        if (self.model and self.model.__name__ == 'res.user'
                and self.record
                and self.record.id != Transaction().user):
            ModelAccess.check('res.user', 'write')
            return self.record
        return User(Transaction().user)

    def default_start(self, fields):
        user = self._target_user()
        secret = new_secret()
        uri = provisioning_uri(secret, user.login)
        return {
            'user': user.id,
            'secret': secret,
            'qr_code': qr_code_png(uri),
            }

    def transition_confirm(self):
        pool = Pool()
        User = pool.get('res.user')
        user = self._target_user()
        counter = code_counter(self.start.secret, self.start.code, clock())
        if counter is None:
            raise TOTPCodeError(gettext('saas.msg_totp_enrol_code_wrong'))
        self._recovery_codes = User.enrol_totp(
            user, self.start.secret, counter)
        return 'done'

    def default_done(self, fields):
        return {
            'recovery_codes': '\n'.join(
                getattr(self, '_recovery_codes', [])),
            }


class TOTPEnrolStart(ModelView):
    "Set Up the Authenticator App"
    __name__ = 'res.user.totp.enrol.start'
    __string__ = "Set Up Two-Factor Login"

    user = fields.Many2One('res.user', "User", readonly=True,
        help="The user who logs in with this authenticator app.")
    secret = fields.Char("Secret Key", readonly=True, strip=False,
        help="Type this key in the authenticator app if it cannot read "
        "the QR code.")
    qr_code = fields.Binary("QR Code", readonly=True,
        help="Scan it with an authenticator app (FreeOTP, Aegis, "
        "Google Authenticator, Microsoft Authenticator...).")
    code = fields.Char("Code", required=True, size=8,
        help="The 6-digit code the app shows now, to confirm it is set up.")


class TOTPEnrolDone(ModelView):
    "Two-Factor Recovery Codes"
    __name__ = 'res.user.totp.enrol.done'
    __string__ = "Two-Factor Recovery Codes"

    recovery_codes = fields.Text("Recovery Codes", readonly=True,
        help="Each code replaces the app once, e.g. if the phone is lost. "
        "They are shown only now: print them or keep them in a safe place.")
