# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The outbox: every email a workshop sends, queued, retried and archived."""
import datetime as dt
import email
import email.policy
from email.message import EmailMessage
from email.utils import make_msgid, parseaddr

import trytond.config as config
from trytond.model import ModelSQL, ModelView, fields
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval
from trytond.report import html_to_text, mjml_to_html
from trytond.transaction import Transaction, without_check_access

from . import hub
from .exceptions import ConnectorError, ConnectorUnavailableError
from .messages import gettext
from .providers import mail

STATES = [
    ('queued', "Queued"),
    ('sent', "Sent"),
    ('failed', "Failed"),
    ]


def retry_delay(attempts):
    "Wait 2, 4, 8... minutes after each failed attempt, at most 2 hours."
    return dt.timedelta(minutes=min(2 ** max(attempts, 1), 120))


class Email(ModelSQL, ModelView):
    "An email of the workshop: queued until its provider accepted it."
    __name__ = 'connector.email'

    company = fields.Many2One(
        'company.company', "Company", required=True, ondelete='CASCADE',
        help="The workshop this record belongs to; "
        "other workshops never see it.")
    to = fields.Char("To", readonly=True, help="The recipients.")
    subject = fields.Char("Subject", readonly=True)
    body = fields.Text(
        "Body", readonly=True, help="The text of the email.")
    message = fields.Binary(
        "Message", readonly=True,
        help="The whole email as sent, attachments included.")
    message_id = fields.Char(
        "Message-ID", readonly=True,
        help="The identifier of the email, to find it in the mail server.")
    state = fields.Selection(
        STATES, "State", required=True, readonly=True,
        help="Queued: waiting to be sent or retried. Sent: the provider "
        "accepted it. Failed: refused, it will not be retried.")
    provider = fields.Char(
        "Provider", readonly=True, help="The provider that sent the email.")
    attempts = fields.Integer(
        "Attempts", readonly=True, help="How many times sending failed.")
    error = fields.Text(
        "Last Error", readonly=True, help="Why the last attempt failed.")
    next_attempt_at = fields.Timestamp(
        "Next Attempt", readonly=True,
        help="When the email will be tried again.")
    sent_at = fields.Timestamp("Sent at", readonly=True)
    platform = fields.Boolean(
        "Sent by Atelier", readonly=True,
        help="Atelier's own email to the workshop (as the welcome email of "
        "a new owner): it leaves through Atelier's mail server, not through "
        "the workshop's provider.")

    confidential = fields.Boolean(
        "Confidential", readonly=True,
        help="The email holds a secret (a temporary password, a link to "
        "choose a password): only the server reads its content, to send "
        "it; people see who it went to and when.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('create_date', 'DESC'), ('id', 'DESC')]
        cls._buttons.update({
                'retry': {
                    'invisible': ~Eval('state').in_(['queued', 'failed']),
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_state():
        return 'queued'

    @staticmethod
    def default_attempts():
        return 0

    @staticmethod
    def default_platform():
        return False

    @staticmethod
    def default_confidential():
        return False

    @classmethod
    def read(cls, ids, fields_names):
        result = super().read(ids, fields_names)
        hidden = {'body', 'message'} & set(fields_names)
        if Transaction().check_access and hidden:
            with without_check_access():
                confidential = {e.id for e in cls.browse(
                            [v['id'] for v in result]) if e.confidential}
            cache = Transaction().get_cache().get(cls.__name__)
            for values in result:
                if values['id'] in confidential:
                    for name in hidden:
                        values[name] = None
                    if cache and values['id'] in cache:
                        for name in hidden:
                            cache[values['id']][name] = None
        return result

    def get_rec_name(self, name):
        return self.subject or self.message_id or str(self.id)

    @classmethod
    def from_message(cls, company, message):
        "A new unsaved email of `company` for EmailMessage `message`."
        if not message['From']:
            message['From'] = config.get('email', 'from')
        if not message['Message-ID']:
            domain = parseaddr(str(message['From'] or ''))[1].rpartition(
                '@')[2] or 'atelier.localhost'
            message['Message-ID'] = make_msgid(domain=domain)
        part = message.get_body(preferencelist=('plain', 'html'))
        body = part.get_content() if part is not None else ''
        return cls(
            company=int(company),
            to=', '.join(str(message[h]) for h in ['To', 'Cc', 'Bcc']
                if message[h]),
            subject=str(message['Subject'] or ''),
            body=body,
            message=bytes(message),
            message_id=str(message['Message-ID']))

    def get_message(self):
        return email.message_from_bytes(
            self.message, policy=email.policy.default)

    @classmethod
    def queue(cls, company, messages, platform=False, confidential=False):
        """Store the EmailMessage `messages` of `company` in the outbox and
        push their sending to the task queue; return the emails.
        With `platform`, they leave through Atelier's mail server; with
        `confidential`, nobody but the server reads their content."""
        with without_check_access():
            emails = [cls.from_message(company, m) for m in messages]
            for email_ in emails:
                email_.platform = platform
                email_.confidential = confidential
            cls.save(emails)
        cls.__queue__.deliver(emails)
        return emails

    @classmethod
    def tell_owners(cls, company, subject, body, platform=None):
        """A plain-text email to the owners of `company`, through the
        outbox; None when it has no owner with an email. Without
        `platform`, it leaves as the workshop's emails do."""
        pool = Pool()
        User = pool.get('res.user')
        ModelData = pool.get('ir.model.data')
        owner = ModelData.get_id('saas', 'group_owner')
        with without_check_access():
            owners = User.search([
                    ('groups', '=', owner),
                    ('company', '=', company.id),
                    ('email', '!=', None),
                    ])
        addresses = [u.email for u in owners if u.email]
        if not addresses:
            return None
        message = EmailMessage()
        message['To'] = ', '.join(addresses)
        message['Subject'] = subject
        message.set_content(body)
        if platform is None:
            platform = cls.platform_needed(company)
        with without_check_access():
            return cls.queue(company, [message], platform=platform)

    @classmethod
    def platform_needed(cls, company):
        """Whether the emails of `company` to its clients must leave through
        Atelier's mail server: it chose no email provider of its own (the
        default offline outbox would keep them forever)."""
        Setting = Pool().get('connector.setting')
        provider, _ = Setting.provider_for(company, 'email')
        return not provider

    @classmethod
    def queue_template(cls, template, record, company=None, to=None,
            attachments=(), platform=False, confidential=False):
        """Render ir.email.template `template` (its body may be MJML) for
        `record` and queue the email; return it. The template's reports
        are attached (as PDF when so configured), with `attachments`
        (filename, bytes, MIME type) too; `to` replaces its recipients."""
        pool = Pool()
        ActionReport = pool.get('ir.action.report')
        values = template.get(record)
        body = values.get('body') or ''
        if body.lstrip().startswith('<mjml'):
            body = mjml_to_html(body)
        message = EmailMessage()
        text = html_to_text(body)
        if text:
            message.set_content(text)
            message.add_alternative(body, subtype='html')
        else:
            message.set_content(body, subtype='html')
        if to:
            values['to'] = [to] if isinstance(to, str) else list(to)
        for key, header in [('to', 'To'), ('cc', 'Cc'), ('bcc', 'Bcc')]:
            if values.get(key):
                message[header] = ', '.join(values[key])
        message['Subject'] = values.get('subject') or ''
        files = list(attachments)
        for report in ActionReport.browse(values.get('reports') or []):
            Report = pool.get(report.report_name, type='report')
            extension, content, _, title = Report.execute(
                [int(record)], {'action_id': report.id})
            files.append((f'{title}.{extension}', bytes(content),
                    'application/pdf' if extension == 'pdf'
                    else 'application/octet-stream'))
        for filename, content, mimetype in files:
            maintype, subtype = mimetype.split('/', 1)
            message.add_attachment(bytes(content), maintype=maintype,
                subtype=subtype, filename=filename)
        if company is None:
            company = Transaction().context.get('company')
        email_, = cls.queue(company, [message], platform=platform,
            confidential=confidential)
        return email_

    @classmethod
    def deliver(cls, emails):
        """Send each queued email with its workshop's provider: sent once,
        or kept queued with the error and retried later."""
        cls.lock(emails)
        # Read again after the lock: another worker may have sent them.
        emails = [e for e in cls.browse([e.id for e in emails])
            if e.state == 'queued']
        now = dt.datetime.now()
        to_retry = []
        for email_ in emails:
            try:
                if email_.platform:
                    message_id = mail.platform_send(email_.get_message())
                else:
                    message_id = hub.call(
                        'email', 'atelier_send_email',
                        company=email_.company, message=email_.get_message())
            except ConnectorUnavailableError as exception:
                email_.attempts = (email_.attempts or 0) + 1
                email_.error = exception.message
                email_.next_attempt_at = now + retry_delay(email_.attempts)
                to_retry.append(email_)
            except ConnectorError as exception:
                email_.attempts = (email_.attempts or 0) + 1
                email_.error = exception.message
                email_.state = 'failed'
            else:
                if message_id is None:
                    email_.attempts = (email_.attempts or 0) + 1
                    email_.error = gettext('msg_email_no_provider')
                    email_.state = 'failed'
                    continue
                email_.state = 'sent'
                email_.message_id = str(message_id)
                if email_.platform:
                    email_.provider = mail.PLATFORM
                else:
                    email_.provider, _ = Pool().get(
                        'connector.setting').provider_for(
                        email_.company, 'email')
                    email_.provider = (
                        email_.provider or hub.offline_provider('email').name)
                email_.sent_at = now
                email_.error = None
                email_.next_attempt_at = None
        cls.save(emails)
        if to_retry and config.getboolean('queue', 'worker', default=False):
            # Without a worker the tasks run at once: the cron retries.
            for email_ in to_retry:
                with Transaction().set_context(
                        queue_scheduled_at=retry_delay(email_.attempts)):
                    cls.__queue__.deliver([email_])

    @classmethod
    def retry_queued(cls):
        "Cron: deliver the queued emails whose next attempt is due."
        now = dt.datetime.now()
        emails = cls.search([
                ('state', '=', 'queued'),
                ['OR',
                    ('next_attempt_at', '=', None),
                    ('next_attempt_at', '<=', now),
                    ],
                ], order=[('id', 'ASC')])
        if emails:
            cls.deliver(emails)

    @classmethod
    @ModelView.button
    def retry(cls, emails):
        "Send again now."
        cls.write(emails, {'state': 'queued', 'next_attempt_at': None})
        cls.__queue__.deliver(emails)


class Cron(metaclass=PoolMeta):
    __name__ = 'ir.cron'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.method.selection.append(
            ('connector.email|retry_queued', "Retry Queued Emails"))
