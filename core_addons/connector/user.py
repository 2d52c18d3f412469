# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The welcome email of a new owner goes through the outbox: queued, retried
while the mail server is down, archived in the owner's workshop."""
from trytond.pool import Pool, PoolMeta


class User(metaclass=PoolMeta):
    __name__ = 'res.user'

    @classmethod
    def _send_welcome_message(cls, user, msg):
        """Queue the welcome email in the outbox of the user's workshop,
        sent by Atelier's mail server and kept confidential (it holds a
        temporary password); users without workshop get saas' sending."""
        pool = Pool()
        Email = pool.get('connector.email')
        if not user.company:
            return super()._send_welcome_message(user, msg)
        Email.queue(user.company, [msg], platform=True, confidential=True)
