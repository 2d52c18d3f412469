# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Email providers: 'outbox' (offline, keeps the message in Atelier) and
'smtp' (a real SMTP server).

Atelier's own emails to a workshop (the welcome email of a new owner) are
not the workshop's: they leave through Atelier's mail server, the [email]
uri of trytond.conf (``platform_send``), whatever provider the workshop
chose."""
import smtplib
import ssl
from contextlib import contextmanager
from email.utils import make_msgid

from ..exceptions import ConnectorError, ConnectorUnavailableError
from ..hub import Provider, hookimpl
from ..messages import gettext

OUTBOX = Provider(
    'email', 'outbox', "Outbox (offline, nothing leaves Atelier)",
    offline=True, message='connector.msg_provider_outbox')
SMTP = Provider(
    'email', 'smtp', "SMTP server",
    credentials=('host', 'port', 'user', 'password', 'starttls'),
    message='connector.msg_provider_smtp')
SMTP_TIMEOUT = 30
# the provider name recorded on the emails sent by platform_send
PLATFORM = 'platform'


def is_true(value):
    return str(value or '').strip().lower() in {'1', 'true', 'yes', 'y', 'on'}


def outbox_send(message):
    "Archive `message` in connector.email as sent; return its Message-ID."
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    Email = Pool().get('connector.email')
    if not message['Message-ID']:
        message['Message-ID'] = make_msgid()
    message_id = message['Message-ID']
    emails = Email.search([('message_id', '=', message_id)], limit=1)
    if not emails:
        # Sent directly, not through Email.queue: keep it in the archive.
        company = Transaction().context.get('company')
        email = Email.from_message(company, message)
        email.state = 'sent'
        email.provider = OUTBOX.name
        email.save()
    return message_id


def smtp_send(credentials, message):
    "Send `message` to the SMTP server of `credentials`; return Message-ID."
    host = credentials.get('host') or 'localhost'
    port = int(credentials.get('port') or 25)
    service = '%s:%s' % (host, port)
    if not message['Message-ID']:
        message['Message-ID'] = make_msgid()
    with smtp_errors(service):
        with smtplib.SMTP(host, port, timeout=SMTP_TIMEOUT) as server:
            if is_true(credentials.get('starttls')):
                server.starttls(context=ssl.create_default_context())
            if credentials.get('user'):
                server.login(credentials['user'], credentials.get('password'))
            server.send_message(message)
    return message['Message-ID']


@contextmanager
def smtp_errors(service):
    """Turn what an SMTP server answers into the connector's errors: a
    refusal (recipient, sender, login) fails the email, anything else
    (server down, network) leaves it queued for a retry."""
    try:
        yield
    except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused,
            smtplib.SMTPAuthenticationError) as exception:
        raise ConnectorError(gettext(
                'msg_email_refused',
                service=service, error=exception)) from exception
    except (OSError, smtplib.SMTPException) as exception:
        raise ConnectorUnavailableError(gettext(
                'msg_service_unavailable',
                service="SMTP %s" % service, error=exception)) from exception


def platform_send(message):
    """Send `message` with Atelier's mail server ([email] uri of
    trytond.conf); return its Message-ID."""
    import trytond.config as config
    from trytond.sendmail import get_smtp_server
    uri = config.parse_uri(config.get('email', 'uri'))
    service = '%s:%s' % (uri.hostname, uri.port or 25)  # no password
    if not message['Message-ID']:
        message['Message-ID'] = make_msgid()
    with smtp_errors(service):
        server = get_smtp_server(strict=True)
        try:
            server.send_message(message)
        finally:
            try:
                server.quit()
            except smtplib.SMTPException:
                pass
    return message['Message-ID']


class EmailPlugin:
    "The built-in email providers."

    @hookimpl
    def atelier_providers(self):
        return [OUTBOX, SMTP]

    @hookimpl
    def atelier_send_email(self, provider, credentials, message):
        if provider == OUTBOX.name:
            return outbox_send(message)
        elif provider == SMTP.name:
            return smtp_send(credentials, message)


plugin = EmailPlugin()
