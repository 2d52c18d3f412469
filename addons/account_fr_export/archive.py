# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The 10-year archive: every month, each workshop's FEC and the PDFs of its
customer invoices go to its archive storage (connector capability
``archive_storage``: a directory by default, S3 as a connector), with a
manifest ``MANIFEST.sha256`` in ``sha256sum`` format whose own SHA-256 is
kept in the database.

An archive is written once by the cron or the « Archive Now » wizard
(running without access checks) and never changed afterwards: nobody may
write or delete it through the application; the integrity check re-reads
every file and says which ones were altered or are missing."""
import datetime as dt
import logging
import re
import unicodedata

from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Unique, fields
from trytond.modules.connector import hub
from trytond.modules.connector.providers.archive import (
    CAPABILITY, ArchiveKeyExistsError, ArchiveKeyMissingError, sha256)
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access
from trytond.wizard import (
    Button, StateAction, StateTransition, StateView, Wizard)

logger = logging.getLogger(__name__)

MANIFEST = 'MANIFEST.sha256'
KEEP_YEARS = 10
# how far back the cron archives the months a former run could not
CATCH_UP_MONTHS = 12
STATES = [
    ('archived', "Archived"),
    ('intact', "Intact"),
    ('altered', "Altered"),
    ]
KINDS = [
    ('fec', "FEC"),
    ('invoice', "Invoice"),
    ]
MONTHS = [(str(m), name) for m, name in enumerate([
            "January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"],
        start=1)]
# what the integrity check may write on an archive
CHECK_FIELDS = {'state', 'checked', 'check_report'}


class ArchiveError(UserError):
    pass


# --- pure functions ---------------------------------------------------------

def month_range(year, month):
    "The first and last days of `month` of `year`."
    start = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return start, following - dt.timedelta(days=1)


def previous_month(today):
    "The (year, month) before the month of `today`."
    first = today.replace(day=1) - dt.timedelta(days=1)
    return first.year, first.month


def months_to_archive(today, first_entry, archived,
        limit=CATCH_UP_MONTHS):
    """The (year, month) to archive on `today`, oldest first: the months
    over, from the month of the `first_entry` (date) on but at most `limit`
    months back, that are not in `archived`."""
    months = []
    year, month = previous_month(today)
    for _ in range(limit):
        if (year, month) < (first_entry.year, first_entry.month):
            break
        if (year, month) not in archived:
            months.append((year, month))
        year, month = previous_month(dt.date(year, month, 1))
    return months[::-1]


def add_years(date, years):
    "`date` `years` later (28 February for a 29 February)."
    try:
        return date.replace(year=date.year + years)
    except ValueError:
        return date.replace(year=date.year + years, day=28)


def file_name(text, default='file'):
    "`text` as a plain file name: ASCII letters, digits, '.', '_' and '-'."
    text = unicodedata.normalize('NFKD', text or '')
    text = text.encode('ascii', 'ignore').decode('ascii')
    text = re.sub(r'[^A-Za-z0-9._-]+', '_', text).strip('._-')
    return text or default


def location(company_id, start_date):
    "The key prefix of a workshop's month: workshop-<id>/<YYYY-MM>/."
    return 'workshop-%s/%s/' % (company_id, start_date.strftime('%Y-%m'))


def manifest_text(hashes):
    """The manifest of `hashes` ({file name: SHA-256}) as sha256sum writes
    it, so that ``sha256sum -c MANIFEST.sha256`` checks the folder."""
    return ''.join('%s  %s\n' % (hashes[name], name)
        for name in sorted(hashes))


def parse_manifest(text):
    "The {file name: SHA-256} of a sha256sum manifest (bad lines ignored)."
    hashes = {}
    for line in (text or '').splitlines():
        match = re.match(r'^([0-9a-fA-F]{64}) [ *](.+)$', line)
        if match:
            hashes[match.group(2)] = match.group(1).lower()
    return hashes


def integrity_problems(recorded, manifest, stored):
    """The files whose copies disagree, as sorted (name, problem) with
    problem 'missing' (not in the storage), 'unexpected' (in the storage
    but neither in the database nor in the manifest) or 'altered' (its
    SHA-256 differs between the database `recorded`, the `manifest` and
    the `stored` file). Each argument maps file name -> SHA-256."""
    problems = []
    for name in sorted(set(recorded) | set(manifest) | set(stored)):
        if name not in stored:
            problems.append((name, 'missing'))
        elif name not in recorded and name not in manifest:
            problems.append((name, 'unexpected'))
        elif not (recorded.get(name) == manifest.get(name) == stored[name]):
            problems.append((name, 'altered'))
    return problems


# --- models -----------------------------------------------------------------

def check_access(cls, mode):
    "The user's access error first (the workshop roles may only read)."
    if Transaction().check_access:
        Pool().get('ir.model.access').check(cls.__name__, mode)


class ReadOnlyMixin:
    "Archived records are never deleted nor copied, even without checks."
    __slots__ = ()

    @classmethod
    def delete(cls, records):
        check_access(cls, 'delete')
        if records:
            raise ArchiveError(gettext(
                    'account_fr_export.msg_archive_read_only'))
        super().delete(records)

    @classmethod
    def copy(cls, records, default=None):
        if records:
            raise ArchiveError(gettext(
                    'account_fr_export.msg_archive_read_only'))
        return super().copy(records, default=default)


class Archive(ReadOnlyMixin, TenantOwnedMixin, ModelSQL, ModelView):
    "Monthly Archive"
    __name__ = 'account_fr_export.archive'
    __string__ = "Monthly Archive"

    month = fields.Char("Month", readonly=True,
        help="The archived month (year-month).")
    start_date = fields.Date("Start Date", readonly=True)
    end_date = fields.Date("End Date", readonly=True)
    provider = fields.Char("Storage", readonly=True,
        help="The archive storage the files were written to "
        "(connector settings, Archive Storage).")
    location = fields.Char("Location", readonly=True,
        help="Where the month's files are in the archive storage.")
    created = fields.DateTime("Archived On", readonly=True)
    keep_until = fields.Date("Keep Until", readonly=True,
        help="Ten years after the end of the fiscal year: the legal "
        "retention of accounting records and invoices.")
    state = fields.Selection(STATES, "State", readonly=True,
        help="Archived: never checked; Intact or Altered: the result of "
        "the last integrity check.")
    manifest = fields.Text("Manifest", readonly=True,
        help="MANIFEST.sha256: the SHA-256 of every file of the month, "
        "checked by « sha256sum -c MANIFEST.sha256 » in its folder.")
    manifest_sha256 = fields.Char("Manifest SHA-256", readonly=True)
    fec_problems = fields.Text("FEC Problems", readonly=True,
        help="What the FEC validator found in the archived FEC.")
    files = fields.One2Many('account_fr_export.archive.file', 'archive',
        "Files", readonly=True)
    checked = fields.DateTime("Last Check", readonly=True)
    check_report = fields.Text("Check Result", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints = [
            ('company_month_unique', Unique(t, t.company, t.start_date),
                'account_fr_export.msg_archive_month_unique'),
            ]
        cls._order = [('start_date', 'DESC'), ('id', 'DESC')]
        cls._buttons.update({
                'check_integrity': {'depends': ['state']},
                })

    @classmethod
    def default_state(cls):
        return 'archived'

    def get_rec_name(self, name):
        return self.month or ''

    @classmethod
    def search_rec_name(cls, name, clause):
        return [('month',) + tuple(clause[1:])]

    @classmethod
    def write(cls, *args):
        "Only the integrity check writes on an archive, nobody else."
        check_access(cls, 'write')
        for values in args[1::2]:
            if set(values) - CHECK_FIELDS:
                raise ArchiveError(gettext(
                        'account_fr_export.msg_archive_read_only'))
        super().write(*args)

    # storage

    @classmethod
    def storage(cls, company):
        """The (provider name, credentials) the workshop chose for its
        archive, else the offline default."""
        Setting = Pool().get('connector.setting')
        name, credentials = Setting.provider_for(company, CAPABILITY)
        if name is None:
            name, credentials = hub.offline_provider(CAPABILITY).name, {}
        return name, credentials

    @staticmethod
    def _call(provider, credentials, hook, **kwargs):
        return getattr(hub.plugin_manager().hook, hook)(
            provider=provider, credentials=credentials, **kwargs)

    @classmethod
    def _put(cls, provider, credentials, key, data, retain_until):
        """Store `data` once; a file already there with the same SHA-256
        (an interrupted run) is kept, another one is an error."""
        try:
            return cls._call(provider, credentials, 'atelier_archive_put',
                key=key, data=data, retain_until=retain_until)
        except ArchiveKeyExistsError:
            stored = cls._call(provider, credentials, 'atelier_archive_get',
                key=key)
            if sha256(stored) != sha256(data):
                raise ArchiveError(gettext(
                        'account_fr_export.msg_archive_file_differs',
                        key=key))
            return sha256(stored)

    # archiving

    @classmethod
    def archived(cls, company, start_date):
        "The archive of `company` for the month of `start_date`, or None."
        with without_check_access():
            archives = cls.search([
                    ('company', '=', company.id),
                    ('start_date', '=', start_date),
                    ], limit=1)
        return archives[0] if archives else None

    @classmethod
    def check_month(cls, company, start_date, end_date):
        """Raise ArchiveError unless the month is over and all its entries
        are posted."""
        pool = Pool()
        Date = pool.get('ir.date')
        Move = pool.get('account.move')
        FiscalYear = pool.get('account.fiscalyear')
        with Transaction().set_context(company=company.id):
            today = Date.today()
        month = start_date.strftime('%m/%Y')
        if end_date >= today:
            raise ArchiveError(gettext(
                    'account_fr_export.msg_archive_month_not_over',
                    month=month))
        with without_check_access():
            if not FiscalYear.search([
                        ('company', '=', company.id),
                        ('start_date', '<=', end_date),
                        ('end_date', '>=', start_date),
                        ], limit=1):
                raise ArchiveError(gettext(
                        'account_fr_export.msg_archive_no_fiscal_year',
                        month=month))
            drafts = Move.search([
                    ('company', '=', company.id),
                    ('date', '>=', start_date),
                    ('date', '<=', end_date),
                    ('state', '!=', 'posted'),
                    ], order=[('date', 'ASC'), ('id', 'ASC')])
        if drafts:
            raise ArchiveError(gettext(
                    'account_fr_export.msg_archive_unposted',
                    month=month, count=len(drafts),
                    move=drafts[0].rec_name))

    @classmethod
    def month_files(cls, company, start_date, end_date):
        """The files of the month: [(kind, name, data, invoice)], the FEC
        first, then the PDF of each customer invoice posted in the month;
        and the FEC validator's problems."""
        pool = Pool()
        Invoice = pool.get('account.invoice')
        InvoiceReport = pool.get('account.invoice', type='report')
        from .fec_export import fec_file
        fec_name, fec_data, problems = fec_file(company, start_date, end_date)
        files = [('fec', file_name(fec_name), fec_data, None)]
        names = {files[0][1]}
        invoices = Invoice.search([
                ('company', '=', company.id),
                ('type', '=', 'out'),
                ('state', 'in', ['posted', 'paid']),
                ('invoice_date', '>=', start_date),
                ('invoice_date', '<=', end_date),
                ], order=[('number', 'ASC'), ('id', 'ASC')])
        for invoice in invoices:
            if not invoice.invoice_report_cache:
                InvoiceReport.execute([invoice.id], {})
                invoice = Invoice(invoice.id)
            data = invoice.invoice_report_cache
            extension = file_name(invoice.invoice_report_format or 'pdf')
            name = '%s.%s' % (
                file_name(invoice.number, 'invoice-%s' % invoice.id),
                extension)
            if name in names:
                name = '%s-%s.%s' % (name.rsplit('.', 1)[0], invoice.id,
                    extension)
            names.add(name)
            files.append(('invoice', name, bytes(data), invoice))
        return files, problems

    @classmethod
    def keep_until_date(cls, company, end_date):
        "Ten years after the end of the fiscal year holding `end_date`."
        FiscalYear = Pool().get('account.fiscalyear')
        years = FiscalYear.search([
                ('company', '=', company.id),
                ('start_date', '<=', end_date),
                ('end_date', '>=', end_date),
                ], limit=1)
        end = years[0].end_date if years else end_date
        return add_years(end, KEEP_YEARS)

    @classmethod
    def archive_month(cls, company, year, month):
        """Archive the month of `company`: FEC, invoice PDFs and manifest
        to its archive storage, then the archive record. Returns the
        archive (the existing one if the month is already archived)."""
        start_date, end_date = month_range(year, month)
        existing = cls.archived(company, start_date)
        if existing:
            return existing
        cls.check_month(company, start_date, end_date)
        # written as root: the roles may only read archives, and Tryton's
        # report checks the user's access even without access checks
        with without_check_access(), Transaction().set_user(0), \
                Transaction().set_context(company=company.id):
            return cls._archive_month(company, start_date, end_date)

    @classmethod
    def _archive_month(cls, company, start_date, end_date):
        pool = Pool()
        File = pool.get('account_fr_export.archive.file')
        problems_text = ''
        files, problems = cls.month_files(company, start_date, end_date)
        if problems:
            try:
                from .fec_export import problem_text
            except ImportError:
                problem_text = str
            problems_text = '\n'.join(problem_text(p) for p in problems)
        keep_until = cls.keep_until_date(company, end_date)
        provider, credentials = cls.storage(company)
        prefix = location(company.id, start_date)
        hashes = {}
        for kind, name, data, invoice in files:
            hashes[name] = cls._put(provider, credentials, prefix + name,
                data, keep_until)
        manifest = manifest_text(hashes)
        manifest_data = manifest.encode('utf-8')
        manifest_sha256 = cls._put(provider, credentials, prefix + MANIFEST,
            manifest_data, keep_until)
        archive = cls(
            company=company,
            month=start_date.strftime('%Y-%m'),
            start_date=start_date,
            end_date=end_date,
            provider=provider,
            location=prefix,
            created=dt.datetime.now(),
            keep_until=keep_until,
            state='archived',
            manifest=manifest,
            manifest_sha256=manifest_sha256,
            fec_problems=problems_text or None,
            files=[File(
                    company=company, kind=kind, name=name, key=prefix + name,
                    size=len(data), sha256=hashes[name], invoice=invoice)
                for kind, name, data, invoice in files],
            )
        archive.save()
        return archive

    @classmethod
    def archive_previous_month(cls):
        """Cron: archive, for every workshop with posted entries, the
        months over that are not archived yet (the previous one, and up to
        a year back the ones a former run could not archive), once each; a
        month that cannot be archived yet (unposted entries, storage
        unreachable) is logged and left for the next run."""
        pool = Pool()
        Company = pool.get('company.company')
        Date = pool.get('ir.date')
        Move = pool.get('account.move')
        FiscalYear = pool.get('account.fiscalyear')
        with without_check_access():
            companies = Company.search([])
        for company in companies:
            with Transaction().set_context(company=company.id):
                today = Date.today()
            with without_check_access():
                first = Move.search([
                        ('company', '=', company.id),
                        ('state', '=', 'posted'),
                        ], order=[('date', 'ASC')], limit=1)
                if not first:
                    continue
                archived = {(a.start_date.year, a.start_date.month)
                    for a in cls.search([
                            ('company', '=', company.id),
                            ('start_date', '>=', first[0].date.replace(
                                    day=1)),
                            ])}
            for year, month in months_to_archive(
                    today, first[0].date, archived):
                start_date, end_date = month_range(year, month)
                with without_check_access():
                    if not FiscalYear.search([
                                ('company', '=', company.id),
                                ('start_date', '<=', end_date),
                                ('end_date', '>=', start_date),
                                ], limit=1):
                        continue
                try:
                    cls.archive_month(company, year, month)
                except UserError as error:
                    logger.warning("Archive of %s for %s-%02d not done: %s",
                        company.rec_name, year, month, error.message)

    # integrity

    @classmethod
    @ModelView.button
    def check_integrity(cls, archives):
        """Re-read every file of the archives, compare its SHA-256 with the
        manifest and the database, and record the result."""
        to_write = []
        for archive in archives:
            to_write.extend([[archive], archive.integrity()])
        if to_write:
            with without_check_access():
                cls.write(*to_write)

    def integrity(self):
        "The values of the integrity check of the archive (state, report)."
        provider, credentials = self.storage(self.company)
        with without_check_access():
            files = list(self.files)
        recorded = {f.name: f.sha256 for f in files}
        stored = {}
        for name in recorded:
            try:
                stored[name] = sha256(self._call(provider, credentials,
                        'atelier_archive_get', key=self.location + name))
            except ArchiveKeyMissingError:
                pass
        manifest = {}
        try:
            manifest_data = self._call(provider, credentials,
                'atelier_archive_get', key=self.location + MANIFEST)
        except ArchiveKeyMissingError:
            manifest_data = None
        problems = []
        if manifest_data is None:
            problems.append((MANIFEST, 'missing'))
        else:
            if sha256(manifest_data) != self.manifest_sha256:
                problems.append((MANIFEST, 'altered'))
            manifest = parse_manifest(
                manifest_data.decode('utf-8', 'replace'))
        keys = self._call(provider, credentials, 'atelier_archive_list',
            prefix=self.location)
        for key in keys:
            name = key[len(self.location):]
            if name != MANIFEST and name not in stored:
                try:
                    stored[name] = sha256(self._call(provider, credentials,
                            'atelier_archive_get', key=key))
                except ArchiveKeyMissingError:
                    pass
        problems.extend(integrity_problems(recorded, manifest, stored))
        if problems:
            report = '\n'.join(gettext(
                    'account_fr_export.msg_archive_file_%s' % problem,
                    name=name) for name, problem in problems)
        else:
            report = gettext('account_fr_export.msg_archive_intact',
                count=len(files) + 1)
        return {
            'state': 'altered' if problems else 'intact',
            'checked': dt.datetime.now(),
            'check_report': report,
            }


class ArchiveFile(ReadOnlyMixin, TenantOwnedMixin, ModelSQL, ModelView):
    "Archived File"
    __name__ = 'account_fr_export.archive.file'
    __string__ = "Archived File"

    archive = fields.Many2One('account_fr_export.archive', "Archive",
        required=True, ondelete='RESTRICT', readonly=True)
    kind = fields.Selection(KINDS, "Kind", readonly=True)
    name = fields.Char("Name", readonly=True,
        help="The file name in the month's folder and in the manifest.")
    key = fields.Char("Key", readonly=True,
        help="Where the file is in the archive storage.")
    size = fields.Integer("Size (bytes)", readonly=True)
    sha256 = fields.Char("SHA-256", readonly=True)
    invoice = fields.Many2One('account.invoice', "Invoice",
        ondelete='RESTRICT', readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [
            ('archive', 'DESC'), ('kind', 'ASC'), ('name', 'ASC'),
            ('id', 'ASC')]

    @classmethod
    def write(cls, *args):
        check_access(cls, 'write')
        raise ArchiveError(gettext('account_fr_export.msg_archive_read_only'))


class ArchiveCreateStart(ModelView):
    "Archive a Month"
    __name__ = 'account_fr_export.archive.create.start'
    __string__ = "Archive a Month"

    company = fields.Many2One('company.company', "Company", readonly=True)
    year = fields.Integer("Year", required=True,
        domain=[('year', '>=', 2000), ('year', '<=', 2999)])
    month = fields.Selection(MONTHS, "Month", required=True, sort=False,
        help="A month that is over and whose entries are all posted.")

    @classmethod
    def default_company(cls):
        return Transaction().context.get('company')

    @classmethod
    def _previous(cls):
        Date = Pool().get('ir.date')
        return previous_month(Date.today())

    @classmethod
    def default_year(cls):
        return cls._previous()[0]

    @classmethod
    def default_month(cls):
        return str(cls._previous()[1])


class ArchiveCreate(Wizard):
    "Archive a Month Now"
    __name__ = 'account_fr_export.archive.create'

    start = StateView('account_fr_export.archive.create.start',
        'account_fr_export.archive_create_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Archive", 'archive', 'tryton-ok', default=True),
            ])
    archive = StateTransition()
    open_ = StateAction('account_fr_export.act_archive')

    def transition_archive(self):
        "Archive the month of the user's current workshop (never another)."
        pool = Pool()
        Company = pool.get('company.company')
        Archive = pool.get('account_fr_export.archive')
        company_id = Transaction().context.get('company')
        if not company_id:
            raise ArchiveError(gettext(
                    'account_fr_export.msg_archive_no_company'))
        company = Company(company_id)
        start_date, _ = month_range(self.start.year, int(self.start.month))
        existing = Archive.archived(company, start_date)
        if existing:
            raise ArchiveError(gettext(
                    'account_fr_export.msg_archive_month_done',
                    month=existing.month))
        Archive.archive_month(
            company, self.start.year, int(self.start.month))
        return 'open_'

    def do_open_(self, action):
        Archive = Pool().get('account_fr_export.archive')
        company = Transaction().context.get('company')
        start_date, _ = month_range(self.start.year, int(self.start.month))
        with without_check_access():
            archives = Archive.search([
                    ('company', '=', company),
                    ('start_date', '=', start_date)])
        action['res_id'] = [a.id for a in archives]
        action['views'].reverse()
        return action, {}


class Cron(metaclass=PoolMeta):
    __name__ = 'ir.cron'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.method.selection.append(
            ('account_fr_export.archive|archive_previous_month',
                "Archive the Previous Month"))
