# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""GDPR: export everything a workshop holds about a party (right of access
and portability) and erase a party once no legal retention applies (right
to erasure)."""
import csv
import datetime as dt
import io
import json
from decimal import Decimal

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.modules.party.exceptions import EraseError
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access
from trytond.wizard import Button, StateTransition, StateView, Wizard

# Code de commerce L123-22: accounting documents and vouchers are kept
# 10 years.
RETENTION_YEARS = 10
# Technical fields left out of an export.
EXPORT_SKIPPED_FIELDS = {'create_uid', 'write_uid', 'rec_name'}
EXPORT_SKIPPED_TYPES = {'one2many', 'many2many', 'binary'}


def retention_until(last_date, years=RETENTION_YEARS):
    """The last day the documents of a fiscal year ending in the year of
    ``last_date`` must be kept: the 31st of December ``years`` later."""
    if last_date is None:
        return None
    if isinstance(last_date, dt.datetime):
        last_date = last_date.date()
    return dt.date(last_date.year + years, 12, 31)


def plain_value(value):
    "A JSON-compatible value for a value read from a record."
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, bytes):
        return None
    if isinstance(value, dict):
        return {k: plain_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_value(v) for v in value]
    return value


def export_json(data):
    """The export as JSON text: the party's fields then, by model, its
    records. ``data`` is ``{'party': {...}, 'records': [{'model': ...,
    'name': ..., 'id': ..., 'values': {...}}]}``."""
    return json.dumps(plain_value(data), indent=2, ensure_ascii=False,
        sort_keys=False)


def export_csv(data):
    """The export as CSV text, one line per value:
    model, model name, record id, field, value."""
    output = io.StringIO()
    writer = csv.writer(output, lineterminator='\n')
    writer.writerow(['model', 'name', 'id', 'field', 'value'])
    party = data['party']
    for field, value in party['values'].items():
        writer.writerow([party['model'], party['name'], party['id'], field,
                _csv_text(value)])
    for record in data['records']:
        for field, value in record['values'].items():
            writer.writerow([record['model'], record['name'], record['id'],
                    field, _csv_text(value)])
    return output.getvalue()


def _csv_text(value):
    value = plain_value(value)
    if value is None:
        return ''
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _export_field_names(Model):
    return [n for n, f in Model._fields.items()
        if n not in EXPORT_SKIPPED_FIELDS
        and not isinstance(f, fields.Function)
        and f._type not in EXPORT_SKIPPED_TYPES]


def _read_values(Model, records):
    "Stored values of the records, a Many2One given by its name."
    names = _export_field_names(Model)
    read_names = list(names)
    for name in names:
        if Model._fields[name]._type == 'many2one':
            read_names.append('%s.rec_name' % name)
    result = {}
    for row in Model.read([r.id for r in records], read_names):
        values = {}
        for name in names:
            field = Model._fields[name]
            if field._type == 'many2one':
                target = row.get('%s.' % name)
                values[name] = target.get('rec_name') if target else None
            else:
                values[name] = plain_value(row.get(name))
        result[row['id']] = values
    return result


def party_relations(pool):
    """The (model, field) pairs of the stored Many2One to a party, in
    model order."""
    relations = []
    for name, Model in pool.iterobject():
        if (not issubclass(Model, ModelSQL) or callable(Model.table_query)
                or name == 'party.party'):
            continue
        for fname, field in sorted(Model._fields.items()):
            if (field._type == 'many2one'
                    and not isinstance(field, fields.Function)
                    and field.model_name == 'party.party'):
                relations.append((name, fname))
    return sorted(relations)


def gather_party_data(party):
    """Everything the party's workshop holds about the party, read
    without access checks but only from the party's workshop."""
    pool = Pool()
    Party = pool.get('party.party')
    Model = pool.get('ir.model')
    company = party.company
    names = dict(Model.get_name_items())
    context = {}
    if company:
        context = {'company': company.id, 'companies': [company.id]}
    records = []
    with without_check_access(), Transaction().set_context(
            _check_access=False, active_test=False, **context):
        party_values = _read_values(Party, [party])[party.id]
        for model, fname in party_relations(pool):
            Target = pool.get(model)
            domain = [(fname, '=', party.id)]
            company_field = Target._fields.get('company')
            filter_company = (company_field is not None
                and getattr(company_field, 'model_name', None)
                == 'company.company')
            if (filter_company and company
                    and (not isinstance(company_field, fields.Function)
                        or company_field.searcher)):
                domain.append(('company', '=', company.id))
                filter_company = False
            found = Target.search(domain, order=[('id', 'ASC')])
            if filter_company:
                found = [r for r in found
                    if r.company and company and r.company.id == company.id]
            if not found:
                continue
            values = _read_values(Target, found)
            for record in found:
                records.append({
                        'model': model,
                        'name': names.get(model, model),
                        'id': record.id,
                        'field': fname,
                        'values': values[record.id],
                        })
    return {
        'party': {
            'model': 'party.party',
            'name': names.get('party.party', 'party.party'),
            'id': party.id,
            'values': party_values,
            },
        'records': records,
        }


class PartyExport(Wizard):
    "Export the data held about a party"
    __name__ = 'saas.party.export'
    start_state = 'export'
    export = StateTransition()
    result = StateView('saas.party.export.result',
        'saas.party_export_result_view_form', [
            Button("Close", 'end', 'tryton-close', default=True),
            ])

    def transition_export(self):
        # The party is read with the user's rights: only a party of the
        # user's workshops can be exported.
        data = gather_party_data(self.record)
        self.result.json_file = export_json(data).encode('utf-8')
        self.result.csv_file = export_csv(data).encode('utf-8')
        base = 'party-%s' % self.record.id
        self.result.json_filename = base + '.json'
        self.result.csv_filename = base + '.csv'
        self.result.party = self.record
        return 'result'

    def default_result(self, fields):
        return {
            'party': self.result.party.id,
            'json_file': self.result.json_file,
            'json_filename': self.result.json_filename,
            'csv_file': self.result.csv_file,
            'csv_filename': self.result.csv_filename,
            }


class PartyExportResult(ModelView):
    "Party Data Export"
    __name__ = 'saas.party.export.result'
    __string__ = "Party Data Export"
    party = fields.Many2One('party.party', "Party", readonly=True)
    json_file = fields.Binary("JSON", filename='json_filename',
        readonly=True,
        help="Everything held about the party, in JSON (portability).")
    json_filename = fields.Char("JSON Filename", readonly=True)
    csv_file = fields.Binary("CSV", filename='csv_filename', readonly=True,
        help="The same data, one value a line, for a spreadsheet.")
    csv_filename = fields.Char("CSV Filename", readonly=True)


class PartyErase(metaclass=PoolMeta):
    __name__ = 'party.erase'

    def check_erase(self, party):
        pool = Pool()
        Party = pool.get('party.party')
        # Erase only a party of the user's workshops.
        Party.read([party.id], ['company'])
        super().check_erase(party)

    def check_erase_company(self, party, company):
        if not party.company or party.company == company:
            self.check_retention(party, company)
        super().check_erase_company(party, company)

    @classmethod
    def retention_sources(cls):
        """The (model, date field) of the documents kept RETENTION_YEARS
        after their fiscal year; an addon adds its own (invoices...)."""
        return [('account.move.line', 'date')]

    def check_retention(self, party, company):
        pool = Pool()
        Date = pool.get('ir.date')
        last = None
        with without_check_access():
            for model, date_field in self.retention_sources():
                try:
                    Model = pool.get(model)
                except KeyError:
                    continue
                domain = [('party', '=', party.id)]
                if 'company' in Model._fields:
                    domain.append(('company', '=', company.id))
                records = Model.search(domain,
                    order=[(date_field, 'DESC')], limit=1)
                if records:
                    date = getattr(records[0], date_field)
                    if date and (last is None or date > last):
                        last = date
        until = retention_until(last)
        if until and Date.today() <= until:
            raise EraseError(gettext('saas.msg_erase_retention',
                    party=party.rec_name,
                    date=until.strftime('%d/%m/%Y'),
                    years=RETENTION_YEARS))
