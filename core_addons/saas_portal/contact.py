# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Messages sent to the publisher from the public website's contact form:
stored, then emailed to the publisher through the outbox."""
import datetime as dt
from email.message import EmailMessage

import trytond.config as config
from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.pool import Pool
from trytond.transaction import without_check_access

from .trial import EMAIL_PATTERN

# Messages accepted from one IP address per session timeout window.
CONTACT_LIMIT = 5
MESSAGE_MAX = 5000


class ContactError(UserError):
    "A contact message that cannot be accepted."


def contact_key(ip_address):
    "The rate limit's counter of the contact form: one per IP address."
    return f'site-contact:{ip_address or "unknown"}'


def _msg(message, /, **variables):
    return gettext(f"saas_portal.{message}", **variables)


class ContactMessage(ModelSQL, ModelView):
    "A message sent from the public website's contact form."
    __name__ = 'saas_portal.contact_message'
    __string__ = "Contact Message"

    name = fields.Char("Name", required=True, readonly=True)
    email = fields.Char("Email", required=True, readonly=True,
        help="Where to answer.")
    message = fields.Text("Message", required=True, readonly=True)
    ip_address = fields.Char("IP Address", readonly=True,
        help="The address the message came from.")
    sent_at = fields.Timestamp("Sent at", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('sent_at', 'DESC'), ('id', 'DESC')]

    @classmethod
    def check_values(cls, values):
        "Validate the form; return the cleaned values (nothing written)."
        cleaned = {k: (values.get(k) or '').strip()
            for k in ['name', 'email', 'message']}
        for name in ['name', 'email', 'message']:
            if not cleaned[name]:
                raise ContactError(_msg('msg_site_field_required',
                        field=_msg(f'msg_site_field_contact_{name}')))
        if not EMAIL_PATTERN.match(cleaned['email']):
            raise ContactError(_msg('msg_site_email_invalid',
                    email=cleaned['email']))
        if len(cleaned['message']) > MESSAGE_MAX:
            raise ContactError(_msg('msg_site_message_too_long',
                    limit=MESSAGE_MAX))
        return cleaned

    @classmethod
    def rate_limited(cls, ip_address):
        "Whether `ip_address` sent too many messages lately."
        Attempt = Pool().get('web.user.authenticate.attempt')
        return Attempt.count(contact_key(ip_address)) >= CONTACT_LIMIT

    @classmethod
    def post(cls, values, ip_address):
        "Store a message from the contact form and email it to the publisher."
        pool = Pool()
        Attempt = pool.get('web.user.authenticate.attempt')
        Configuration = pool.get('saas_portal.site.configuration')
        cleaned = cls.check_values(values)
        publisher = Configuration(1).get_publisher()
        if not publisher:
            raise ContactError(_msg('msg_site_not_configured'))
        Attempt.add(contact_key(ip_address))
        with without_check_access():
            record, = cls.create([{
                        **cleaned,
                        'ip_address': ip_address,
                        'sent_at': dt.datetime.now(),
                        }])
        record.send_to_publisher(publisher)
        return record

    def send_to_publisher(self, publisher):
        "Queue the message in the outbox, to the publisher's email."
        Email = Pool().get('connector.email')
        to = publisher_email(publisher) or config.get('email', 'from')
        message = EmailMessage()
        message['From'] = config.get('email', 'from')
        message['To'] = to
        message['Reply-To'] = self.email
        message['Subject'] = _msg('msg_site_contact_subject', name=self.name)
        message.set_content(_msg('msg_site_contact_body', name=self.name,
                email=self.email, message=self.message))
        Email.queue(publisher, [message], platform=True)


def publisher_email(company):
    "The publisher's email address (its party's first email)."
    for mechanism in company.party.contact_mechanisms:
        if mechanism.type == 'email' and mechanism.value:
            return mechanism.value
    return None
