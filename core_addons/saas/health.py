# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The application's own health checks: a record every 5 minutes (cron)
and /<database>/health for load balancers.

The public status page shows them, and the SLA credits of the
subscriptions are computed from them with `uptime`.
"""
import datetime as dt
import json
import os
import tempfile
import time
from collections import namedtuple

from sql.aggregate import Count
from sql.operators import Equal

import trytond.config as config
from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.pool import Pool, PoolMeta
from trytond.protocols.wrappers import (
    Response, with_pool, with_transaction)
from trytond.transaction import Transaction
from trytond.wsgi import app

CHECKS = ['database', 'outbox', 'cron', 'filestore']
# An email queued for longer than this means the outbox is stuck.
OUTBOX_STUCK = dt.timedelta(hours=1)
# A scheduled action late by more than this means the cron is not running.
CRON_LATE = dt.timedelta(hours=1)

Result = namedtuple('Result', ['name', 'ok', 'duration', 'detail'])


def uptime(checks, from_date, to_date):
    """The share (0 to 1) of the `checks` (pairs of timestamp and ok) made
    from `from_date` to `to_date` included that were ok; None without any
    check in the period."""
    total = ok = 0
    for checked_at, passed in checks:
        day = checked_at.date() if isinstance(
            checked_at, dt.datetime) else checked_at
        if from_date <= day <= to_date:
            total += 1
            ok += bool(passed)
    return ok / total if total else None


def daily_uptime(checks, last_day, days):
    """The uptime of each of the `days` days ending on `last_day`, oldest
    first: a list of (date, uptime or None when nothing was checked)."""
    by_day = {}
    for checked_at, passed in checks:
        day = checked_at.date() if isinstance(
            checked_at, dt.datetime) else checked_at
        by_day.setdefault(day, []).append((day, passed))
    result = []
    for n in range(days - 1, -1, -1):
        day = last_day - dt.timedelta(days=n)
        result.append((day, uptime(by_day.get(day, []), day, day)))
    return result


def _timed(name, func):
    "Run the check `func` (returns a detail or raises); time it."
    start = time.perf_counter()
    try:
        detail = func()
        ok = not detail
    except Exception as exception:
        ok, detail = False, str(exception) or exception.__class__.__name__
    duration = (time.perf_counter() - start) * 1000
    return Result(name, ok, round(duration, 2), detail or '')


def _check_database():
    cursor = Transaction().connection.cursor()
    cursor.execute('SELECT 1')
    if cursor.fetchone()[0] != 1:
        return "The database gave a wrong answer."


def _check_outbox(now):
    "No email queued for more than an hour (the connector's outbox)."
    try:
        Email = Pool().get('connector.email')
    except KeyError:
        return
    table = Email.__table__()
    cursor = Transaction().connection.cursor()
    cursor.execute(*table.select(Count(table.id),
            where=Equal(table.state, 'queued')
            & (table.create_date < now - OUTBOX_STUCK)))
    stuck = cursor.fetchone()[0]
    if stuck:
        return f"{stuck} email(s) queued for more than an hour."


def _check_cron(now):
    "No active scheduled action late by more than an hour."
    Cron = Pool().get('ir.cron')
    table = Cron.__table__()
    cursor = Transaction().connection.cursor()
    cursor.execute(*table.select(Count(table.id),
            where=(table.active == True)  # noqa: E712
            & (table.next_call < now - CRON_LATE)))
    late = cursor.fetchone()[0]
    if late:
        return f"{late} scheduled action(s) late by more than an hour."


def _check_filestore():
    "A file can be written where the attachments and photos are stored."
    path = config.get('database', 'path')
    if not path:
        return "No file store path is configured."
    os.makedirs(path, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path, prefix='.health-') as file:
        file.write(b'ok')
        file.flush()


def run_checks(now=None):
    "Run every check now; return the results in the order of CHECKS."
    if now is None:
        now = dt.datetime.now()
    return [
        _timed('database', _check_database),
        _timed('outbox', lambda: _check_outbox(now)),
        _timed('cron', lambda: _check_cron(now)),
        _timed('filestore', _check_filestore),
        ]


class HealthCheck(ModelSQL, ModelView):
    "One round of the application's health checks."
    __name__ = 'saas.health_check'
    __string__ = "Health Check"

    checked_at = fields.Timestamp("Checked at", required=True, readonly=True,
        help="When the checks ran.")
    ok = fields.Boolean("OK", readonly=True,
        help="Every check passed: the service was up.")
    database_ok = fields.Boolean("Database", readonly=True,
        help="The database answered.")
    database_ms = fields.Float("Database (ms)", readonly=True,
        help="How long the database took to answer.")
    outbox_ok = fields.Boolean("Outbox", readonly=True,
        help="No email waited in the outbox for more than an hour.")
    outbox_ms = fields.Float("Outbox (ms)", readonly=True)
    cron_ok = fields.Boolean("Scheduler", readonly=True,
        help="No scheduled action was late by more than an hour.")
    cron_ms = fields.Float("Scheduler (ms)", readonly=True)
    filestore_ok = fields.Boolean("File Store", readonly=True,
        help="A file could be written in the file store.")
    filestore_ms = fields.Float("File Store (ms)", readonly=True)
    detail = fields.Text("Detail", readonly=True,
        help="What failed, check by check.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('checked_at', 'DESC'), ('id', 'DESC')]
        table = cls.__table__()
        cls._sql_indexes.add(Index(table, (table.checked_at, Index.Range())))

    @staticmethod
    def values(results, checked_at):
        "The values of a record for the `results` of run_checks."
        values = {
            'checked_at': checked_at,
            'ok': all(r.ok for r in results),
            'detail': '\n'.join(
                f'{r.name}: {r.detail}' for r in results if not r.ok),
            }
        for result in results:
            values[f'{result.name}_ok'] = result.ok
            values[f'{result.name}_ms'] = result.duration
        return values

    @classmethod
    def check(cls):
        "Cron: run the checks and record them."
        now = dt.datetime.now()
        record, = cls.create([cls.values(run_checks(now), now)])
        return record

    @classmethod
    def uptime(cls, from_date, to_date):
        "The uptime recorded from `from_date` to `to_date` (dates)."
        return uptime(cls.history(from_date, to_date), from_date, to_date)

    @classmethod
    def history(cls, from_date, to_date):
        "The (checked_at, ok) pairs of the checks between two dates."
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*table.select(table.checked_at, table.ok,
                where=(table.checked_at >= dt.datetime.combine(
                        from_date, dt.time.min))
                & (table.checked_at < dt.datetime.combine(
                        to_date + dt.timedelta(days=1), dt.time.min))))
        return [(checked_at if isinstance(checked_at, dt.datetime)
                else dt.datetime.fromisoformat(str(checked_at)), bool(ok))
            for checked_at, ok in cursor]


class Cron(metaclass=PoolMeta):
    __name__ = 'ir.cron'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.method.selection.append(
            ('saas.health_check|check', "Check the Application's Health"))


@app.route('/<database_name>/health', methods=['GET'])
@with_pool
@with_transaction(readonly=True)
def health(request, pool):
    """200 when every check passes, 503 otherwise, with each check's
    result as JSON (for load balancers and monitoring)."""
    results = run_checks()
    ok = all(r.ok for r in results)
    body = {
        'status': 'ok' if ok else 'fail',
        'checks': {r.name: {
                'status': 'ok' if r.ok else 'fail',
                'duration_ms': r.duration,
                **({'detail': r.detail} if r.detail else {}),
                } for r in results},
        }
    response = Response(json.dumps(body), status=200 if ok else 503,
        content_type='application/json')
    response.headers['Cache-Control'] = 'no-store'
    return response
