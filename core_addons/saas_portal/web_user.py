# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""A client's portal account: a web user of one workshop, for one party."""
import datetime as dt
import logging
import urllib.parse

from sql import Literal
from sql.operators import Equal

import trytond.config as config
from trytond.i18n import gettext
from trytond.model import Exclude
from trytond.model.exceptions import AccessError, ValidationError
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval
from trytond.modules.web_user.user import EmailResetPassword
from trytond.report import get_email
from trytond.tools.email_ import set_from_header
from trytond.transaction import Transaction, without_check_access
from trytond.url import http_host

logger = logging.getLogger(__name__)


# Read by the server only: a user's read gets None, a search on them is
# refused (no guessing a hash or a link character by character).
SECRET_FIELDS = {'password_hash', 'reset_password_token', 'email_token'}


def domain_fields(domain):
    "The field names a search domain filters on (first part of paths)."
    for clause in domain or []:
        if isinstance(clause, (list, tuple)) and clause and isinstance(
                clause[0], str) and clause[0] not in {'AND', 'OR'}:
            yield clause[0].split('.', 1)[0]
        elif isinstance(clause, (list, tuple)):
            yield from domain_fields(clause)


def attempt_key(company, email):
    "The login counted by the rate limit: one counter per workshop and email."
    return f'portal:{int(company)}:{(email or "").strip().lower()}'


class User(TenantOwnedMixin, metaclass=PoolMeta):
    __name__ = 'web.user'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        # A person may be the client of two workshops with one email.
        table = cls.__table__()
        cls._sql_constraints = [
            c for c in cls._sql_constraints if c[0] != 'email_exclude']
        cls._sql_constraints += [
            ('email_company_exclude',
                Exclude(table, (table.email, Equal), (table.company, Equal),
                    where=table.active == Literal(True)),
                'saas_portal.msg_web_user_email_company_unique'),
            ]
        cls.company.readonly = False
        cls.company.required = True
        cls.company.states = {'readonly': Eval('id', -1) >= 0}
        cls.party.domain = [
            ('company', '=', Eval('company', -1)),
            ]
        cls.party.depends = set(cls.party.depends or ()) | {'company'}
        cls.party.required = True
        # The workshop invites a new client with this button: the address
        # is checked by the client choosing a password from the email.
        cls._buttons['reset_password'].update({
                'readonly': ~Eval('active', True),
                'depends': ['active'],
                })

    @classmethod
    def __register__(cls, module):
        super().__register__(module)
        table_h = cls.__table_handler__(module)
        table_h.drop_constraint('email_exclude')
        cls._deny_web_user_default_read()

    @classmethod
    def _deny_web_user_default_read(cls):
        """web_user lets every user read every web user (its access record
        without group): switch that record off, so the deny-by-default
        record and the grants per role of saas_portal decide."""
        pool = Pool()
        ModelData = pool.get('ir.model.data')
        ModelAccess = pool.get('ir.model.access')
        cursor = Transaction().connection.cursor()
        data = ModelData.__table__()
        access = ModelAccess.__table__()
        cursor.execute(*data.select(data.db_id,
                where=(data.module == 'web_user')
                & (data.fs_id == 'access_user')
                & (data.model == 'ir.model.access')))
        ids = [i for i, in cursor]
        if ids:
            cursor.execute(*access.update(
                    [access.active], [False], where=access.id.in_(ids)))
            ModelAccess._get_access_cache.clear()

    @classmethod
    def read(cls, ids, fields_names):
        result = super().read(ids, fields_names)
        if Transaction().check_access:
            cache = Transaction().get_cache().get(cls.__name__)
            for values in result:
                for name in SECRET_FIELDS & set(values):
                    values[name] = None
                if cache and values['id'] in cache:
                    for name in SECRET_FIELDS:
                        cache[values['id']][name] = None
        return result

    @classmethod
    def search(cls, domain, offset=0, limit=None, order=None, count=False,
            query=False):
        if (Transaction().check_access
                and SECRET_FIELDS & set(domain_fields(domain))):
            raise AccessError(gettext('saas_portal.msg_web_user_secret'))
        return super().search(domain, offset=offset, limit=limit,
            order=order, count=count, query=query)

    @classmethod
    def validate_fields(cls, users, field_names):
        super().validate_fields(users, field_names)
        for user in users:
            if user.party and user.party.company != user.company:
                raise ValidationError(gettext(
                        'saas_portal.msg_web_user_party_company',
                        user=user.rec_name, party=user.party.rec_name))

    @classmethod
    def portal_user(cls, company, email):
        "The active web user of `company` with `email`, or None."
        with without_check_access():
            users = cls.search([
                    ('company', '=', int(company)),
                    ('email', '=', (email or '').strip().lower()),
                    ], limit=1)
        return users[0] if users else None

    @classmethod
    def portal_authenticate(cls, company, email, password):
        """The web user of `company` whose email and password match, else
        None. Raises RateLimited after too many failures for this email at
        this workshop, or from this network, without checking the password.
        """
        pool = Pool()
        Attempt = pool.get('web.user.authenticate.attempt')
        key = attempt_key(company, email)
        if (Attempt.count_ip() >= config.getint(
                    'session', 'max_attempt_ip_network', default=300)
                or Attempt.count(key) >= config.getint(
                    'session', 'max_attempt', default=5)):
            raise RateLimited
        user = cls.portal_user(company, email)
        if user and user.password_hash and password:
            valid, new_hash = cls.check_password(password, user.password_hash)
            if valid:
                if new_hash:
                    with without_check_access():
                        cls.write([user], {'password_hash': new_hash})
                Attempt.remove(key)
                return user
        Attempt.add(key)
        return None

    def portal_landing(self):
        """The page of the portal this client lands on after signing in
        (a path under the workshop's portal): business addons put their
        own first."""
        return 'documents'

    def portal_documents(self):
        """The documents this client may open in the portal, newest first:
        dicts with name, date, kind and url. Business addons extend it with
        their own records, filtered on this client's party and workshop."""
        return []

    def get_email_reset_password_url(self, url=None):
        "The workshop's own portal page where the client sets a password."
        if url is None and self.company and self.company.portal_slug:
            database = Transaction().database.name
            url = (f'{http_host()}/{database}/portal/'
                f'{self.company.portal_slug}/password')
        if not url:
            return super().get_email_reset_password_url(url)
        query = urllib.parse.urlencode({
                'email': self.email, 'token': self._stored_token()})
        return f'{url}?{query}'

    def _stored_token(self):
        """The reset token as stored: the email is rendered with the access
        rules of the click, under which `read` blanks the secret fields
        (and the transaction's cache of them)."""
        table = self.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*table.select(table.reset_password_token,
                where=table.id == self.id))
        row = cursor.fetchone()
        return row[0] if row else None

    @classmethod
    def reset_password(cls, users, from_=None):
        """Email each client a link to choose a password (the invitation
        of a new client too), through the connector's outbox: queued, and
        retried while the mail server is down, instead of Tryton's direct
        sending."""
        pool = Pool()
        Email = pool.get('connector.email')
        now = dt.datetime.now()
        # A link still valid is not sent again (prevents abusive resets).
        users = [u for u in users
            if not (u.reset_password_token_expire
                and u.reset_password_token_expire > now)]
        for user in users:
            user.set_reset_password_token()
        with without_check_access():
            cls.save(users)
        from_cfg = config.get('email', 'from')
        for user in users:
            if not user.email:
                continue
            with without_check_access():
                msg, title = get_email(
                    'saas_portal.email_access', user, user.languages)
            set_from_header(msg, from_cfg, from_ or from_cfg)
            msg['To'] = user.email
            msg['Subject'] = title
            # Confidential: whoever reads the outbox must not be able to
            # set the client's password with the link.
            Email.queue(user.company, [msg],
                platform=Email.platform_needed(user.company),
                confidential=True)

    @classmethod
    def portal_set_password(cls, company, email, token, password):
        """Set the password of the client of `company` holding the reset
        `token`; True when done. The token is used once."""
        pool = Pool()
        Attempt = pool.get('web.user.authenticate.attempt')
        key = attempt_key(company, email)
        if Attempt.count(key) >= config.getint(
                'session', 'max_attempt', default=5):
            raise RateLimited
        user = cls.portal_user(company, email)
        if (user and token and user.reset_password_token
                and user.reset_password_token == token
                and user.reset_password_token_expire
                and user.reset_password_token_expire > dt.datetime.now()):
            # The password policy's message (too short...) comes first:
            # nothing is written and the link stays valid.
            pool.get('res.user').validate_password(password, [user])
            with without_check_access():
                cls.write([user], {
                        'password': password,
                        'reset_password_token': None,
                        'reset_password_token_expire': None,
                        'email_valid': True,
                        })
            Attempt.remove(key)
            return True
        Attempt.add(key)
        return False


class RateLimited(Exception):
    "Too many failed attempts: refused without checking."


class UserSession(metaclass=PoolMeta):
    __name__ = 'web.user.session'

    @classmethod
    def portal_user(cls, key, company):
        """The web user of the session `key` if it belongs to `company`;
        a session of another workshop's client gives None."""
        if not key:
            return None
        with without_check_access():
            user = cls.get_user(key)
            if user and user.active and user.company == company:
                return user
        return None


class EmailAccess(EmailResetPassword):
    "The link to a client's portal, to choose a password (invitation, reset)."
    __name__ = 'saas_portal.email_access'

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        context['company'] = records[0].company if records else None
        return context
