# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The welcome email of a new owner goes through the outbox: queued, retried
while the mail server is down, archived in the owner's workshop."""
import datetime as dt

import trytond.config as config
from trytond.modules.saas.user import WELCOME_TIMEOUT
from trytond.pool import Pool, PoolMeta
from trytond.report import get_email
from trytond.res.user import gen_password
from trytond.tools.email_ import set_from_header


class User(metaclass=PoolMeta):
    __name__ = 'res.user'

    @classmethod
    def send_welcome_email(cls, users):
        """As saas does, but queue each email in the outbox of the user's
        workshop, sent by Atelier's mail server; users without workshop get
        Tryton's direct sending."""
        pool = Pool()
        Email = pool.get('connector.email')
        users = cls.browse(users)
        direct = [u for u in users if not u.company]
        if direct:
            super().send_welcome_email(direct)
        users = [u for u in users if u.company]
        if not users:
            return
        # The same temporary password and message as saas' send_welcome_email
        length = config.getint('password', 'length', default=8)
        for user in users:
            user.password_reset = gen_password(length=max(length, 12))
            user.password_reset_expire = dt.datetime.now() + WELCOME_TIMEOUT
        cls.save(users)
        from_ = config.get('email', 'from')
        for user in users:
            if not user.email:
                continue
            msg, title = get_email('saas.email_welcome', user, user.languages)
            set_from_header(msg, from_, from_)
            msg['To'] = user.email
            msg['Subject'] = title
            Email.queue(user.company, [msg], platform=True)
