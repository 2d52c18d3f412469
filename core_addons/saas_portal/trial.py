# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Sign-up for a free trial from the public website, with double opt-in:
the request is stored, a link is emailed, and opening the link (once,
within 48 hours) creates the workshop and its owner with the publisher's
"New workshop" flow."""
import datetime as dt
import hashlib
import re
import secrets
from email.message import EmailMessage

import trytond.config as config
from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.pool import Pool
from trytond.transaction import Transaction, without_check_access

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
    ('expired', "Expired"),
    ]


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
        "link was opened. Created: the workshop exists. Expired: the link "
        "was not opened within 48 hours.")
    ip_address = fields.Char("IP Address", readonly=True,
        help="The address the request came from.")
    requested_at = fields.Timestamp("Requested at", readonly=True)
    terms_accepted_at = fields.Timestamp("Terms Accepted at", readonly=True,
        help="When the requester ticked the terms of use and of sale.")
    confirmed_at = fields.Timestamp("Confirmed at", readonly=True)
    owner = fields.Many2One('res.user', "Owner", readonly=True,
        ondelete='SET NULL',
        help="The owner's account created for this request; its company is "
        "the new workshop.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('requested_at', 'DESC'), ('id', 'DESC')]
        table = cls.__table__()
        cls._sql_indexes.update({
                Index(table, (table.token_hash, Index.Equality())),
                Index(table, (table.email, Index.Equality())),
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
    def confirm(cls, token):
        """Open a confirmation link: create the workshop and its owner once;
        return (request, None) or (None, the message id of the refusal)."""
        now = dt.datetime.now()
        if not token:
            return None, 'msg_site_link_invalid'
        with without_check_access():
            trials = cls.search([('token_hash', '=', token_hash(token))],
                limit=1)
        if not trials:
            return None, 'msg_site_link_invalid'
        trial, = trials
        cls.lock([trial])
        trial = cls(trial.id)
        if trial.state in {'confirmed', 'created'}:
            return None, 'msg_site_link_used'
        if trial.state == 'expired' or link_expired(trial.requested_at, now):
            if trial.state != 'expired':
                with without_check_access():
                    cls.write([trial], {'state': 'expired'})
            return None, 'msg_site_link_expired'
        with without_check_access():
            cls.write([trial], {'state': 'confirmed', 'confirmed_at': now})
            company, owner = create_workshop(trial)
            cls.write([trial], {'state': 'created', 'owner': owner.id})
        return trial, None


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
