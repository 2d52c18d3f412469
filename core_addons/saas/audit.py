# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Audit log of critical changes: who, when, which record, which field,
old value and new value.

A model opts in with :class:`AuditMixin` and lists its critical fields in
``_audit_fields``; a workflow button opts in with :func:`audit_button`.
"""
import datetime as dt
from decimal import Decimal
from functools import wraps

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.pool import Pool
from trytond.transaction import Transaction, without_check_access

from .exceptions import AuditLogReadOnlyError


def format_value(field, value):
    """Return a human readable text of a field value for the log."""
    if value is None or value is False and field._type != 'boolean':
        return ''
    if field._type == 'boolean':
        return '✓' if value else '✗'
    if field._type in {'many2one', 'reference'}:
        return value.rec_name if hasattr(value, 'rec_name') else str(value)
    if field._type in {'one2many', 'many2many'}:
        return ', '.join(sorted(r.rec_name for r in value))
    if field._type == 'selection':
        selection = field.selection
        if isinstance(selection, (list, tuple)):
            return dict(selection).get(value, str(value))
        return str(value)
    if isinstance(value, (dt.datetime, dt.date, Decimal)):
        return str(value)
    return str(value)


def changed_fields(before, after):
    """Return the (field, old, new) triples that differ between two dicts
    of formatted values, in field order."""
    return [
        (name, before.get(name, ''), after.get(name, ''))
        for name in after
        if before.get(name, '') != after.get(name, '')]


class AuditLog(ModelSQL, ModelView):
    "Audit Log Entry"
    __name__ = 'saas.audit.log'
    __string__ = "Audit Log Entry"
    _order_name = 'date'

    date = fields.DateTime("Date", readonly=True, required=True,
        help="When the change was made.")
    user = fields.Many2One('res.user', "User", readonly=True,
        ondelete='SET NULL', help="Who made the change.")
    company = fields.Many2One('company.company', "Company", readonly=True,
        required=True, ondelete='CASCADE',
        help="The workshop the changed record belongs to.")
    model = fields.Char("Model", readonly=True, required=True,
        help="Technical name of the changed record's model.")
    model_name = fields.Function(fields.Char("Document"), 'get_model_name')
    record_id = fields.Integer("Record ID", readonly=True, required=True)
    resource = fields.Reference("Record", selection='get_models',
        readonly=True, help="The changed record.")
    action = fields.Selection([
            ('create', "Creation"),
            ('write', "Change"),
            ('button', "Action"),
            ('delete', "Deletion"),
            ], "Action", readonly=True, required=True)
    field = fields.Char("Field", readonly=True,
        help="Technical name of the changed field, or of the button.")
    field_string = fields.Char("Field Label", readonly=True)
    old_value = fields.Text("Old Value", readonly=True)
    new_value = fields.Text("New Value", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('date', 'DESC'), ('id', 'DESC')]

    @classmethod
    def get_models(cls):
        pool = Pool()
        Model = pool.get('ir.model')
        return Model.get_name_items()

    def get_model_name(self, name):
        pool = Pool()
        Model = pool.get('ir.model')
        return dict(Model.get_name_items()).get(self.model, self.model)

    def get_rec_name(self, name):
        return '%s %s #%s %s' % (
            self.date.strftime('%d/%m/%Y %H:%M') if self.date else '',
            self.model, self.record_id, self.field or '')

    @classmethod
    def write(cls, *args):
        raise AuditLogReadOnlyError(gettext('saas.msg_audit_log_read_only'))

    @classmethod
    def delete(cls, entries):
        # Only the cascade of a deleted tenant, run as root, removes entries.
        if Transaction().user != 0 or Transaction().check_access:
            raise AuditLogReadOnlyError(
                gettext('saas.msg_audit_log_read_only'))
        super().delete(entries)

    @classmethod
    def log(cls, entries):
        """Append entries (dicts) to the log whatever the user's rights."""
        if not entries:
            return []
        now = dt.datetime.now()
        user = Transaction().user
        for entry in entries:
            entry.setdefault('date', now)
            entry.setdefault('user', user or None)
            entry['resource'] = '%s,%s' % (entry['model'], entry['record_id'])
        with without_check_access(), Transaction().set_user(0):
            return cls.create(entries)


def _record_company(record):
    company = getattr(record, 'company', None)
    if company:
        return company.id
    return Transaction().context.get('company')


class AuditMixin:
    """Log every change of the fields named in ``_audit_fields``.

    Example::

        class Party(AuditMixin, metaclass=PoolMeta):
            __name__ = 'party.party'
            _audit_fields = {'name', 'company'}
    """
    __slots__ = ()
    _audit_fields = set()

    @classmethod
    def _audit_snapshot(cls, records):
        names = [n for n in sorted(cls._audit_fields) if n in cls._fields]
        snapshot = {}
        with without_check_access():
            for record in cls.browse(records):
                snapshot[record.id] = {
                    n: format_value(cls._fields[n], getattr(record, n))
                    for n in names}
        return snapshot

    @classmethod
    def _audit_entries(cls, action, before, after):
        """Log the changed fields of a write; a creation or a deletion is
        one entry naming the record."""
        pool = Pool()
        AuditLog = pool.get('saas.audit.log')
        entries = []
        records = cls.browse(list(after or before))
        with without_check_access():
            companies = {r.id: _record_company(r) for r in records}
            names = {r.id: r.rec_name for r in records}
        for record_id, values in (after or before).items():
            company = companies.get(record_id)
            if not company:
                continue
            if action == 'write':
                changes = changed_fields(before.get(record_id, {}), values)
            elif action == 'create':
                changes = [(None, '', names[record_id])]
            else:
                changes = [(None, names[record_id], '')]
            for name, old_value, new_value in changes:
                entries.append({
                        'company': company,
                        'model': cls.__name__,
                        'record_id': record_id,
                        'action': action,
                        'field': name,
                        'field_string': (
                            cls._fields[name].string if name else None),
                        'old_value': old_value,
                        'new_value': new_value,
                        })
        AuditLog.log(entries)

    @classmethod
    def create(cls, vlist):
        records = super().create(vlist)
        if cls._audit_fields:
            cls._audit_entries('create', {}, cls._audit_snapshot(records))
        return records

    @classmethod
    def write(cls, *args):
        if not cls._audit_fields:
            return super().write(*args)
        touched = []
        actions = iter(args)
        for records, values in zip(actions, actions):
            if cls._audit_fields & set(values):
                touched.extend(records)
        before = cls._audit_snapshot(touched) if touched else {}
        super().write(*args)
        if touched:
            after = cls._audit_snapshot(touched)
            cls._audit_entries('write', before, after)

    @classmethod
    def delete(cls, records):
        if cls._audit_fields and records:
            cls._audit_entries('delete', cls._audit_snapshot(records), {})
        super().delete(records)


def audit_button(func):
    """Log each click of a critical button, with the state before and
    after when the model has one. Place it under ``@ModelView.button``."""
    @wraps(func)
    def wrapper(cls, records, *args, **kwargs):
        pool = Pool()
        AuditLog = pool.get('saas.audit.log')
        has_state = 'state' in cls._fields
        with without_check_access():
            before = {r.id: (r.state if has_state else '') for r in records}
        result = func(cls, records, *args, **kwargs)
        with without_check_access():
            entries = []
            for record in cls.browse(records):
                company = _record_company(record)
                if not company:
                    continue
                entries.append({
                        'company': company,
                        'model': cls.__name__,
                        'record_id': record.id,
                        'action': 'button',
                        'field': func.__name__,
                        'field_string': func.__name__,
                        'old_value': before.get(record.id, ''),
                        'new_value': record.state if has_state else '',
                        })
        AuditLog.log(entries)
        return result
    return wrapper
