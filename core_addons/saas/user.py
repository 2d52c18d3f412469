# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Users of a workshop: roles are groups, changes of rights are audited, and
a new owner gets a welcome email with a link to set the password."""
import datetime as dt

import trytond.config as config
from trytond.pool import Pool, PoolMeta
from trytond.report import get_email
from trytond.res.user import EmailResetPassword, gen_password
from trytond.sendmail import send_message_transactional
from trytond.tools.email_ import set_from_header
from trytond.transaction import Transaction

from .audit import AuditMixin

# A welcome link stays valid longer than a reset password: 7 days.
WELCOME_TIMEOUT = dt.timedelta(days=7)


class User(AuditMixin, metaclass=PoolMeta):
    __name__ = 'res.user'
    _audit_fields = {'login', 'active', 'groups', 'companies', 'email'}

    def get_status_bar(self, name):
        "Show the workshop in the header, even to users of one workshop."
        status = super().get_status_bar(name)
        if self.company and len(self.companies) == 1:
            suffix = ' [%s]' % self.company.currency.code
            if status.endswith(suffix):
                status = '%s - %s%s' % (
                    status[:-len(suffix)], self.company.rec_name, suffix)
        return status

    @classmethod
    def send_welcome_email(cls, users):
        """Give each user a temporary password valid for 7 days and email
        them the link to the back office where they choose their own."""
        users = cls.browse(users)
        length = config.getint('password', 'length', default=8)
        for user in users:
            user.password_reset = gen_password(length=max(length, 12))
            user.password_reset_expire = dt.datetime.now() + WELCOME_TIMEOUT
        cls.save(users)
        for user in users:
            if user.email:
                cls._send_welcome_message(user, user._welcome_message())

    def _welcome_message(self):
        "The welcome email of the user, with its temporary password."
        from_ = config.get('email', 'from')
        msg, title = get_email('saas.email_welcome', self, self.languages)
        set_from_header(msg, from_, from_)
        msg['To'] = self.email
        msg['Subject'] = title
        return msg

    @classmethod
    def _send_welcome_message(cls, user, msg):
        "Send at once with Tryton's mail settings (the connector queues it)."
        send_message_transactional(msg, strict=True)


class WelcomeEmail(EmailResetPassword):
    __name__ = 'saas.email_welcome'

    @classmethod
    def get_context(cls, records, header, data):
        context = super().get_context(records, header, data)
        pool = Pool()
        User = pool.get('res.user')
        user = User(records[0].id)
        context['company'] = user.company
        context['database'] = Transaction().database.name
        return context
