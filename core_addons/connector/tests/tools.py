# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Test helpers: a real local SMTP server and the queue run in-process."""
import email
import email.policy
import socket


def free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


class SMTPSink:
    """A real SMTP server on 127.0.0.1 that keeps the messages it receives.
    Give `port` to start it where a provider already points."""

    def __init__(self, port=None):
        from aiosmtpd.controller import Controller
        self.messages = []
        self.port = port or free_port()
        self.controller = Controller(
            self, hostname='127.0.0.1', port=self.port)
        self.controller.start()

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(
                envelope.content, policy=email.policy.default))
        return '250 Message accepted for delivery'

    def stop(self):
        self.controller.stop()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.stop()


def run_queued_tasks():
    """Run the tasks the current transaction pushed, as trytond does after
    a request when no worker runs."""
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    Queue = Pool().get('ir.queue')
    tasks = Transaction().tasks
    while tasks:
        Queue(tasks.pop(0)).run()
