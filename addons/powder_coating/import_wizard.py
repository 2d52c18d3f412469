# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Importing clients and competitor powders from CSV: a preview line by
line (new, suspected duplicate, error with its reason) before anything is
written; then only the new, valid lines are created."""
from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.model.exceptions import ValidationError
from trytond.pool import Pool
from trytond.transaction import Transaction, without_check_access
from trytond.wizard import Button, StateTransition, StateView, Wizard

from .csv_import import parse_clients, parse_powders

ERROR_MESSAGES = {
    'missing_name': 'powder_coating.msg_import_missing_name',
    'bad_email': 'powder_coating.msg_import_bad_email',
    'bad_kind': 'powder_coating.msg_import_bad_kind',
    'duplicate_in_file': 'powder_coating.msg_import_duplicate_in_file',
    'missing': 'powder_coating.msg_import_missing',
    'bad_choice': 'powder_coating.msg_import_bad_choice',
    'bad_ral': 'powder_coating.msg_import_bad_ral',
    'bad_number': 'powder_coating.msg_import_bad_number',
    }


def explain(errors):
    "The problems of a line, in the user's language."
    return ' '.join(gettext(ERROR_MESSAGES[key], **values)
        for key, values in errors)


class ImportStart(ModelView):
    "CSV Import"
    __name__ = 'powder_coating.import.start'
    __string__ = "CSV Import"

    file = fields.Binary("CSV File", required=True,
        help="Comma or semicolon separated, with a header line.")
    invite = fields.Boolean("Invite to the Portal",
        help="Email each imported client with an email address the link "
        "to their client area.")
    kind = fields.Char("Kind", readonly=True)


class ImportPreviewLine(ModelView):
    "CSV Import Line"
    __name__ = 'powder_coating.import.preview.line'
    __string__ = "CSV Import Line"

    line = fields.Integer("Line", readonly=True)
    label = fields.Char("Record", readonly=True)
    status = fields.Selection([
            ('new', "To Import"),
            ('duplicate', "Already There"),
            ('error', "Error"),
            ], "Status", readonly=True)
    message = fields.Char("Details", readonly=True)


class ImportPreview(ModelView):
    "CSV Import Preview"
    __name__ = 'powder_coating.import.preview'
    __string__ = "CSV Import Preview"

    summary = fields.Char("Summary", readonly=True)
    lines = fields.One2Many('powder_coating.import.preview.line', None,
        "Lines", readonly=True)


class _CSVImport(Wizard):
    start = StateView('powder_coating.import.start',
        'powder_coating.import_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Preview", 'preview', 'tryton-forward', default=True),
            ])
    preview = StateView('powder_coating.import.preview',
        'powder_coating.import_preview_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Import", 'import_', 'tryton-ok', default=True),
            ])
    import_ = StateTransition()

    @property
    def company(self):
        company = Transaction().context.get('company')
        if not company:
            raise ValidationError(gettext(
                    'powder_coating.msg_import_no_workshop'))
        return company

    def analyse(self):
        "[(row, status, label, message)] for the file, nothing written."
        raise NotImplementedError

    def default_preview(self, fields):
        analysed = self.analyse()
        counts = {s: sum(1 for a in analysed if a[1] == s)
            for s in ['new', 'duplicate', 'error']}
        return {
            'summary': gettext('powder_coating.msg_import_summary',
                **counts),
            'lines': [{
                    'line': row.number,
                    'label': label,
                    'status': status,
                    'message': message,
                    } for row, status, label, message in analysed],
            }

    def transition_import_(self):
        # The file is read and checked again: nothing from the preview is
        # trusted, and only new, valid lines are written.
        rows = [row for row, status, _, _ in self.analyse()
            if status == 'new']
        if rows:
            self.create_records(rows)
        return 'end'


class ClientImport(_CSVImport):
    "Import Clients"
    __name__ = 'powder_coating.client.import'
    start = StateView('powder_coating.import.start',
        'powder_coating.client_import_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Preview", 'preview', 'tryton-forward', default=True),
            ])

    def default_start(self, fields):
        return {'kind': 'client', 'invite': False}

    def analyse(self):
        Party = Pool().get('party.party')
        company = self.company
        result = []
        for row in parse_clients(self.start.file):
            label = row.values.get('name') or row.values.get('email') or ''
            if not row.valid:
                result.append((row, 'error', label, explain(row.errors)))
                continue
            found = Party.find_duplicates(company, row.values['name'],
                row.values['email'], row.values['phone'])
            if found:
                result.append((row, 'duplicate', label, gettext(
                            'powder_coating.msg_import_duplicate',
                            parties=', '.join(p.rec_name
                                for p in found[:3]))))
            else:
                result.append((row, 'new', label, ''))
        return result

    def create_records(self, rows):
        pool = Pool()
        Party = pool.get('party.party')
        parties = []
        for row in rows:
            values = row.values
            mechanisms = [{'type': t, 'value': values[k]}
                for t, k in [('email', 'email'), ('phone', 'phone')]
                if values.get(k)]
            parties.append({
                    'name': values['name'],
                    'client_kind': values.get('kind'),
                    'contact_mechanisms': [('create', mechanisms)],
                    'addresses': [('create', [{
                                    'street': values.get('street') or None,
                                    'postal_code': (
                                        values.get('postal_code') or None),
                                    'city': values.get('city') or None,
                                    }])],
                    })
        with Transaction().set_context(_skip_duplicate_warning=True):
            created = Party.create(parties)
        if self.start.invite:
            self.invite(created, rows)
        return created


    def invite(self, parties, rows):
        """Open a portal account for each imported client with an email and
        send the invitation "Your workshop ... uses a new system" with the
        link to choose a password (a confidential email)."""
        pool = Pool()
        WebUser = pool.get('web.user')
        Email = pool.get('connector.email')
        ModelData = pool.get('ir.model.data')
        Template = pool.get('ir.email.template')
        template = Template(ModelData.get_id(
                'powder_coating', 'email_client_invitation'))
        company = self.company
        with without_check_access():
            users = WebUser.create([{
                        'company': company,
                        'party': party.id,
                        'email': row.values['email'],
                        } for party, row in zip(parties, rows)
                    if row.values.get('email')
                    and not WebUser.portal_user(
                        company, row.values['email'])])
            for user in users:
                user.set_reset_password_token()
            WebUser.save(users)
            for user in users:
                language = (user.party.lang.code if user.party.lang
                    else Transaction().context.get('language') or 'fr')
                with Transaction().set_context(language=language):
                    Email.queue_template(template, user, company=company,
                        to=user.email,
                        platform=Email.platform_needed(company),
                        confidential=True)
        return users


class PowderImport(_CSVImport):
    "Import Powders"
    __name__ = 'powder_coating.powder.import'

    def default_start(self, fields):
        return {'kind': 'powder', 'invite': False}

    def analyse(self):
        pool = Pool()
        Powder = pool.get('powder_coating.powder')
        RAL = pool.get('powder_coating.ral')
        codes = {r.code for r in RAL.search([])}
        company = self.company
        with without_check_access():
            existing = {(p.brand.lower(), p.reference.lower())
                for p in Powder.search([('company', '=', company)])}
        result, seen = [], set()
        for row in parse_powders(self.start.file, ral_codes=codes):
            values = row.values
            label = ' '.join(v for v in [values.get('brand'),
                    values.get('reference')] if v)
            key = ((values.get('brand') or '').lower(),
                (values.get('reference') or '').lower())
            if not row.valid:
                result.append((row, 'error', label, explain(row.errors)))
            elif key in existing or key in seen:
                result.append((row, 'duplicate', label, gettext(
                            'powder_coating.msg_import_powder_exists')))
            else:
                seen.add(key)
                result.append((row, 'new', label, ''))
        return result

    def create_records(self, rows):
        pool = Pool()
        Powder = pool.get('powder_coating.powder')
        RAL = pool.get('powder_coating.ral')
        shades = {r.code: r.id for r in RAL.search([])}
        vlist = []
        for row in rows:
            values = {k: v for k, v in row.values.items()
                if v is not None and k != 'ral'}
            if row.values.get('ral'):
                values['ral'] = shades.get(row.values['ral'])
            vlist.append(values)
        return Powder.create(vlist)
