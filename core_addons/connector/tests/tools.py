# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Test helpers: a real local SMTP server and the queue run in-process."""
from trytond.modules.saas.tests.tools import (  # noqa: F401
    SMTPSink, free_port)


def run_queued_tasks():
    """Run the tasks the current transaction pushed, as trytond does after
    a request when no worker runs."""
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    Queue = Pool().get('ir.queue')
    tasks = Transaction().tasks
    while tasks:
        Queue(tasks.pop(0)).run()
