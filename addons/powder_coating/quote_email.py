# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The emails of a quote: sent with its PDF (an invitation to the portal
for a new client, "your quote is in your space" for a known one), then
reminders while it is not signed. Queued through the email connector."""
import datetime as dt

from trytond.model import fields
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access

from .portal import client_space_url


def reminder_due(sent_on, reminders_sent, first, second, today):
    """Which reminder is due today for a quote sent on `sent_on` (1 or 2),
    or None: the first `first` days after sending, the second `second`
    days after."""
    if sent_on is None:
        return None
    if reminders_sent == 0 and today >= sent_on + dt.timedelta(days=first):
        return 1
    if reminders_sent == 1 and today >= sent_on + dt.timedelta(days=second):
        return 2
    return None


class Quote(metaclass=PoolMeta):
    __name__ = 'powder_coating.quote'

    reminders_sent = fields.Integer("Reminders Sent", readonly=True)

    @staticmethod
    def default_reminders_sent():
        return 0

    @classmethod
    def copy(cls, quotes, default=None):
        default = default.copy() if default is not None else {}
        default.setdefault('reminders_sent', 0)
        return super().copy(quotes, default=default)

    @property
    def portal_url(self):
        "The client's space at the workshop (absolute)."
        return client_space_url(self.company)

    @property
    def portal_invitation_url(self):
        "The link for a new client to choose their portal password."
        user = self.portal_user()
        if user and user.reset_password_token:
            return user.get_email_reset_password_url()
        return self.portal_url

    def portal_user(self):
        "The client's portal account at this workshop, if any."
        WebUser = Pool().get('web.user')
        with without_check_access():
            users = WebUser.search([
                    ('company', '=', self.company.id),
                    ('party', '=', self.party.id),
                    ], limit=1)
        return users[0] if users else None

    @classmethod
    def send(cls, quotes):
        super().send(quotes)
        for quote in quotes:
            quote.email_client()

    def email_client(self):
        """Email the quote with its PDF. A client without portal account
        gets one, and the invitation to choose a password (a confidential
        email); a known client is told the quote is in their space. A
        client without email address gets nothing: the workshop prints."""
        pool = Pool()
        WebUser = pool.get('web.user')
        address = (self.party.email or '').strip().lower()
        if not address:
            return None
        with without_check_access():
            user = self.portal_user() or WebUser.portal_user(
                self.company, address)
            invite = user is None
            if invite:
                user, = WebUser.create([{
                            'company': self.company.id,
                            'party': self.party.id,
                            'email': address,
                            }])
                user.set_reset_password_token()
                user.save()
        name = 'email_quote_invitation' if invite else 'email_quote_space'
        return self._queue_email(name, address, confidential=invite)

    def _queue_email(self, template_name, address, confidential=False):
        pool = Pool()
        Email = pool.get('connector.email')
        ModelData = pool.get('ir.model.data')
        Template = pool.get('ir.email.template')
        template = Template(ModelData.get_id('powder_coating', template_name))
        language = (self.party.lang.code if self.party.lang
            else Transaction().context.get('language') or 'fr')
        with Transaction().set_context(
                language=language, company=self.company.id), \
                without_check_access():
            return Email.queue_template(template, self,
                company=self.company, to=address,
                platform=Email.platform_needed(self.company),
                confidential=confidential)

    @classmethod
    def remind_quotes(cls, date=None):
        """Cron: remind the clients of quotes sent and not signed, at the
        delays of their workshop (J+2 and J+7 by default)."""
        pool = Pool()
        Configuration = pool.get('powder_coating.configuration')
        Date = pool.get('ir.date')
        if date is None:
            date = Date.today()
        reminded = []
        with without_check_access():
            quotes = cls.search([
                    ('state', '=', 'sent'),
                    ('reminders_sent', '<', 2),
                    ])
        for quote in quotes:
            settings = Configuration.get(quote.company)
            due = reminder_due(
                quote.sent_at.date() if quote.sent_at else None,
                quote.reminders_sent or 0,
                settings.reminder_first, settings.reminder_second, date)
            if not due:
                continue
            address = (quote.party.email or '').strip()
            if address:
                quote._queue_email('email_quote_reminder', address)
            quote.reminders_sent = due
            reminded.append(quote)
        with without_check_access():
            cls.save(reminded)
        return reminded

