# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Sign-up for a free trial from the public website, with double opt-in:
the request is stored, a link is emailed, and opening the link (once,
within 48 hours) confirms the request and queues the creation of the
workshop and its owner with the publisher's "New workshop" flow (a task
of Tryton's queue: the visitor does not wait for the chart of accounts)."""
import datetime as dt
import hashlib
import logging
import re
import secrets
from email.message import EmailMessage

import trytond.config as config
from trytond import backend
from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import (
    Transaction, TransactionError, without_check_access)

logger = logging.getLogger(__name__)

EMAIL_PATTERN = re.compile(r'^[^@\s]+@[^@\s]+\.[^@\s]+$')
PHONE_PATTERN = re.compile(r'^\+?[0-9 .()-]{6,20}$')
# Confirmation emails sent for one IP address per session timeout window.
SIGNUP_LIMIT = 5
# How long the confirmation link stays valid.
CONFIRMATION_DELAY = dt.timedelta(hours=48)
STATES = [
    ('requested', "Requested"),
    ('confirmed', "Confirmed"),
    ('created', "Created"),
    ('failed', "Failed"),
    ('expired', "Expired"),
    ]
# The states from which the publisher may start the creation again.
RETRY_STATES = {'confirmed', 'failed'}


class TrialError(UserError):
    "A trial request that cannot be accepted."


def token_hash(token):
    "What is stored of a confirmation token: its SHA-256, never the token."
    return hashlib.sha256((token or '').encode('utf-8')).hexdigest()


def signup_key(ip_address):
    "The rate limit's counter of the sign-up form: one per IP address."
    return f'site-signup:{ip_address or "unknown"}'


def link_expired(requested_at, now):
    "Whether a confirmation link sent at `requested_at` is too old at `now`."
    return now - requested_at > CONFIRMATION_DELAY


def _msg(message, /, **variables):
    return gettext(f"saas_portal.{message}", **variables)


class TrialRequest(ModelSQL, ModelView):
    "A request for a free trial made on the public website."
    __name__ = 'saas_portal.trial_request'
    __string__ = "Trial Request"

    workshop_name = fields.Char("Workshop Name", required=True, readonly=True,
        help="The trade name of the workshop, as typed by the requester.")
    owner_name = fields.Char("Owner Name", required=True, readonly=True,
        help="First and last name of the person who asked for the trial.")
    email = fields.Char("Email", required=True, readonly=True,
        help="The owner's email: the confirmation link was sent to it and "
        "it becomes the owner's login.")
    phone = fields.Char("Phone", readonly=True)
    siret = fields.Char("SIRET", readonly=True,
        help="The SIRET of the workshop's establishment.")
    language = fields.Char("Language", readonly=True,
        help="The language of the website when the request was made.")
    token_hash = fields.Char("Token Hash", readonly=True,
        help="The SHA-256 of the confirmation link's token.")
    state = fields.Selection(STATES, "State", required=True, readonly=True,
        help="Requested: the confirmation email was sent. Confirmed: the "
        "link was opened, the workshop is being created. Created: the "
        "workshop exists. Failed: its creation stopped on an error (see "
        "Failure), retry it once fixed. Expired: the link was not opened "
        "within 48 hours.")
    ip_address = fields.Char("IP Address", readonly=True,
        help="The address the request came from.")
    requested_at = fields.Timestamp("Requested at", readonly=True)
    terms_accepted_at = fields.Timestamp("Terms Accepted at", readonly=True,
        help="When the requester ticked the terms of use and of sale.")
    confirmed_at = fields.Timestamp("Confirmed at", readonly=True)
    created_at = fields.Timestamp("Workshop Created at", readonly=True,
        help="When the workshop and its owner were created.")
    failed_at = fields.Timestamp("Failed at", readonly=True,
        help="When the last creation attempt stopped on an error.")
    failure = fields.Text("Failure", readonly=True,
        states={'invisible': ~Eval('failure')},
        help="The error that stopped the last creation attempt; the full "
        "trace is in the server's log.")
    owner = fields.Many2One('res.user', "Owner", readonly=True,
        ondelete='SET NULL',
        help="The owner's account created for this request; its company is "
        "the new workshop.")
    # The company's party: a link to company.company would call for a
    # company rule, and the publisher sees requests of every workshop.
    workshop = fields.Many2One('party.party', "Workshop", readonly=True,
        ondelete='SET NULL',
        help="The workshop created for this request (its company's party).")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('requested_at', 'DESC'), ('id', 'DESC')]
        table = cls.__table__()
        cls._sql_indexes.update({
                Index(table, (table.token_hash, Index.Equality())),
                Index(table, (table.email, Index.Equality())),
                Index(table, (table.state, Index.Equality()),
                    where=table.state.in_(['confirmed', 'failed'])),
                })
        cls._buttons.update({
                'retry': {
                    'invisible': ~Eval('state').in_(list(RETRY_STATES)),
                    'depends': ['state'],
                    },
                })

    @classmethod
    def default_state(cls):
        return 'requested'

    def get_rec_name(self, name):
        return f'{self.workshop_name} <{self.email}>'

    @classmethod
    def check_values(cls, values, now):
        """Validate a sign-up form; return the cleaned values. Nothing is
        written: a refused request raises TrialError."""
        pool = Pool()
        User = pool.get('res.user')
        Company = pool.get('company.company')
        Identifier = pool.get('party.identifier')
        from stdnum.fr import siret as stdnum_siret

        from trytond.modules.saas.workshop import normalize_siret
        cleaned = {k: (values.get(k) or '').strip() for k in [
                'workshop_name', 'owner_name', 'email', 'phone', 'siret']}
        cleaned['email'] = cleaned['email'].lower()
        for name in ['workshop_name', 'owner_name', 'email', 'phone',
                'siret']:
            if not cleaned[name]:
                raise TrialError(_msg('msg_site_field_required',
                        field=_msg(f'msg_site_field_{name}')))
        if not EMAIL_PATTERN.match(cleaned['email']):
            raise TrialError(_msg('msg_site_email_invalid',
                    email=cleaned['email']))
        if not PHONE_PATTERN.match(cleaned['phone']):
            raise TrialError(_msg('msg_site_phone_invalid',
                    phone=cleaned['phone']))
        siret = normalize_siret(cleaned['siret'])
        if not siret:
            raise TrialError(_msg('msg_site_siret_invalid',
                    siret=cleaned['siret']))
        cleaned['siret'] = siret
        if not values.get('terms'):
            raise TrialError(_msg('msg_site_terms_required'))
        with without_check_access():
            if (User.search([('login', '=', cleaned['email'])], limit=1)
                    or User.search([
                            ('email', 'ilike', cleaned['email'])], limit=1)
                    or cls.search([
                            ('email', '=', cleaned['email']),
                            ('state', 'in', ['confirmed', 'created']),
                            ], limit=1)):
                raise TrialError(_msg('msg_site_email_used'))
            if cls.search([
                        ('email', '=', cleaned['email']),
                        ('state', '=', 'requested'),
                        ('requested_at', '>', now - CONFIRMATION_DELAY),
                        ], limit=1):
                raise TrialError(_msg('msg_site_trial_pending'))
            identifiers = Identifier.search([
                    ('type', '=', 'fr_siret'),
                    ('code', 'in', [siret, stdnum_siret.format(siret)]),
                    ])
            if Company.search([
                        ('party', 'in', [i.party.id for i in identifiers]),
                        ], limit=1):
                raise TrialError(_msg('msg_site_siret_used', siret=siret))
            name = cleaned['workshop_name'].lower()
            if any(c.party.name.strip().lower() == name
                    for c in Company.search([])):
                raise TrialError(_msg('msg_site_workshop_name_used',
                        name=cleaned['workshop_name']))
        return cleaned

    @classmethod
    def request(cls, values, ip_address, confirm_url, language='fr'):
        """Record a trial request from the sign-up form `values` and email
        the confirmation link (`confirm_url` + token); return the request.
        """
        pool = Pool()
        Configuration = pool.get('saas_portal.site.configuration')
        now = dt.datetime.now()
        Attempt = pool.get('web.user.authenticate.attempt')
        cleaned = cls.check_values(values, now)
        publisher = Configuration(1).get_publisher()
        if not publisher:
            raise TrialError(_msg('msg_site_not_configured'))
        # Each confirmation email counts: a flood of sign-ups is refused.
        if Attempt.count(signup_key(ip_address)) >= SIGNUP_LIMIT:
            raise TrialError(_msg('msg_site_signup_rate_limited'))
        Attempt.add(signup_key(ip_address))
        token = secrets.token_urlsafe(32)
        with without_check_access():
            trial, = cls.create([{
                        **cleaned,
                        'language': language,
                        'token_hash': token_hash(token),
                        'ip_address': ip_address,
                        'requested_at': now,
                        'terms_accepted_at': now,
                        }])
        trial.send_confirmation(publisher, f'{confirm_url}?token={token}')
        return trial

    def send_confirmation(self, publisher, link):
        "Queue the email with the confirmation link in the outbox."
        pool = Pool()
        Email = pool.get('connector.email')
        Configuration = pool.get('saas_portal.site.configuration')
        site = Configuration(1).site_name or "Atelier"
        with Transaction().set_context(language=self.language or 'fr'):
            subject = _msg('msg_site_confirm_subject', site=site)
            text = _msg('msg_site_confirm_body', name=self.owner_name,
                workshop=self.workshop_name, site=site, link=link)
        message = EmailMessage()
        message['From'] = config.get('email', 'from')
        message['To'] = self.email
        message['Subject'] = subject
        message.set_content(text)
        # Confidential: the link creates a workshop.
        Email.queue(publisher, [message], platform=True, confidential=True)

    @classmethod
    def from_token(cls, token):
        "The request whose confirmation link holds `token`, or None."
        if not token:
            return None
        with without_check_access():
            trials = cls.search([('token_hash', '=', token_hash(token))],
                limit=1)
        return trials[0] if trials else None

    @classmethod
    def confirm(cls, token):
        """Open a confirmation link: mark the request confirmed and queue the
        creation of its workshop, once; return (request, None) or (None, the
        message id of the refusal)."""
        now = dt.datetime.now()
        trial = cls.from_token(token)
        if not trial:
            return None, 'msg_site_link_invalid'
        cls.lock([trial])
        trial = cls(trial.id)
        if trial.state in {'confirmed', 'created', 'failed'}:
            return None, 'msg_site_link_used'
        if trial.state == 'expired' or link_expired(trial.requested_at, now):
            if trial.state != 'expired':
                with without_check_access():
                    cls.write([trial], {'state': 'expired'})
            return None, 'msg_site_link_expired'
        with without_check_access():
            cls.write([trial], {'state': 'confirmed', 'confirmed_at': now})
        trial.queue_creation()
        return trial, None

    def queue_creation(self):
        "Queue the task creating this request's workshop; return its id."
        task_ids = self.__class__.__queue__.create_workshops([self])
        return task_ids[0]

    @classmethod
    @ModelView.button
    def retry(cls, trials):
        "Start the creation again: a confirmed or failed request is queued."
        trials = [t for t in trials if t.state in RETRY_STATES]
        with without_check_access():
            cls.write(trials, {'state': 'confirmed', 'failure': None})
        for trial in trials:
            trial.queue_creation()

    @classmethod
    def create_workshops(cls, trials):
        """The queue task: create the workshop of each confirmed request,
        once. An error marks the request failed (logged, kept in Failure)
        and leaves nothing else written."""
        transaction = Transaction()
        for index, trial in enumerate(trials):
            cls.lock([trial])
            trial = cls(trial.id)
            if trial.state not in RETRY_STATES:
                continue
            try:
                with without_check_access():
                    company, owner = trial.existing_workshop()
                    if not owner:
                        company, owner = create_workshop(trial)
                    cls.write([trial], {
                            'state': 'created',
                            'owner': owner.id,
                            'workshop': company.party.id,
                            'created_at': dt.datetime.now(),
                            'failure': None,
                            })
            except (backend.DatabaseOperationalError, TransactionError):
                # A lock to take or a conflict: the queue runs it again.
                raise
            except Exception as exception:
                logger.exception(
                    "creation of the workshop of trial request %s failed",
                    trial.id)
                transaction.rollback()
                cls.fail(cls(trial.id), exception)
                # The rollback undid the requests before this one: again.
                for other in trials[:index] + trials[index + 1:]:
                    other.queue_creation()
                return

    @classmethod
    def fail(cls, trial, exception):
        "Mark `trial` failed with the error's text."
        cls.lock([trial])
        if isinstance(exception, UserError):
            text = exception.message
        else:
            text = f'{exception.__class__.__name__}: {exception}'
        with without_check_access():
            cls.write([trial], {
                    'state': 'failed',
                    'failed_at': dt.datetime.now(),
                    'failure': text[:2000],
                    })

    def existing_workshop(self):
        """(company, owner) if this request's workshop already exists: an
        account whose login is the email, in a workshop of that name (a
        retried task or a publisher who created it by hand); else
        (None, None)."""
        User = Pool().get('res.user')
        users = User.search([('login', '=', self.email)], limit=1)
        if users:
            user, = users
            name = (self.workshop_name or '').strip().lower()
            if (user.company
                    and user.company.party.name.strip().lower() == name):
                return user.company, user
        return None, None


def create_workshop(trial):
    """Run the publisher's "New workshop" flow for a confirmed `trial`:
    the company, its owner (login: the email), the French chart of
    accounts and fiscal year, and the owner's welcome email with the link
    to choose a password. Return (company, owner)."""
    pool = Pool()
    WorkshopCreate = pool.get('saas.workshop.create', type='wizard')
    Start = pool.get('saas.workshop.create.start')
    session_id, _, _ = WorkshopCreate.create()
    try:
        wizard = WorkshopCreate(session_id)
        wizard.start = Start(
            name=trial.workshop_name,
            siret=trial.siret,
            street=None, postal_code=None, city=None,
            country=Start.default_country(),
            phone=trial.phone,
            currency=Start.default_currency(),
            timezone=Start.default_timezone(),
            owner_name=trial.owner_name,
            owner_login=trial.email,
            owner_email=trial.email)
        with without_check_access():
            wizard._create_workshop()
        return wizard.done.company, wizard.done.owner
    finally:
        WorkshopCreate.delete(session_id)
