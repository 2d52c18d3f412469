# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The 10-year archive: a month's FEC and invoice PDFs written once to the
workshop's archive storage with a sha256sum manifest, checked later, never
changed, never seen by another workshop."""
import datetime as dt
import hashlib
import logging
import os
import shutil
import stat
import subprocess
import tempfile
import unittest
import uuid
from decimal import Decimal

from trytond import config
from trytond.exceptions import UserError
from trytond.model.exceptions import AccessError
from trytond.modules.account_fr_export.archive import (
    add_years, file_name, integrity_problems, location, manifest_text,
    month_range, months_to_archive, parse_manifest, previous_month)
from trytond.modules.account_fr_export.tests.tools import (
    MODULES, account, create_client, create_invoice, create_workshop,
    with_accounting_transaction)
from trytond.modules.company.tests import create_company, set_company
from trytond.modules.saas.tests.tools import create_workshop_user
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, drop_db
from trytond.transaction import Transaction

LOGGER = 'trytond.modules.account_fr_export.archive'
A = 'a' * 64
B = 'b' * 64


class ArchiveRulesTestCase(unittest.TestCase):
    "The archive's computations, without database"

    def test_months(self):
        self.assertEqual(month_range(2026, 2),
            (dt.date(2026, 2, 1), dt.date(2026, 2, 28)))
        self.assertEqual(month_range(2026, 12),
            (dt.date(2026, 12, 1), dt.date(2026, 12, 31)))
        self.assertEqual(previous_month(dt.date(2026, 11, 22)), (2026, 10))
        self.assertEqual(previous_month(dt.date(2027, 1, 1)), (2026, 12))
        self.assertEqual(add_years(dt.date(2026, 12, 31), 10),
            dt.date(2036, 12, 31))
        self.assertEqual(add_years(dt.date(2028, 2, 29), 10),
            dt.date(2038, 2, 28))
        self.assertEqual(location(7, dt.date(2026, 10, 1)),
            'workshop-7/2026-10/')

    def test_months_to_archive(self):
        "The cron archives last month, and catches up on a year at most"
        today = dt.date(2026, 11, 22)
        self.assertEqual(months_to_archive(today, dt.date(2026, 10, 3), set()),
            [(2026, 10)])
        self.assertEqual(months_to_archive(today, dt.date(2026, 11, 2), set()),
            [])
        self.assertEqual(months_to_archive(
                today, dt.date(2026, 7, 1), {(2026, 8), (2026, 10)}),
            [(2026, 7), (2026, 9)])
        self.assertEqual(months_to_archive(
                dt.date(2027, 1, 5), dt.date(2020, 1, 1), {(2026, 12)}),
            [(2026, m) for m in range(1, 12)])
        self.assertEqual(len(months_to_archive(
                    today, dt.date(2020, 1, 1), set())), 12)

    def test_file_names(self):
        "Invoice numbers become plain file names"
        self.assertEqual(file_name('FACT-2026-0001'), 'FACT-2026-0001')
        self.assertEqual(file_name('F 2026/10 00012 /L'), 'F_2026_10_00012_L')
        self.assertEqual(file_name('Éditée «1»'), 'Editee_1')
        self.assertEqual(file_name('../..'), 'file')
        self.assertEqual(file_name(None, 'invoice-3'), 'invoice-3')

    def test_manifest(self):
        "The manifest is sha256sum's format, sorted, read back"
        text = manifest_text({'b.pdf': B, '123FEC20261031.txt': A})
        self.assertEqual(text,
            '%s  123FEC20261031.txt\n%s  b.pdf\n' % (A, B))
        self.assertEqual(parse_manifest(text + 'garbage\n%s *c.pdf\n' % A),
            {'123FEC20261031.txt': A, 'b.pdf': B, 'c.pdf': A})

    def test_integrity_problems(self):
        "Altered, missing and unexpected files are named"
        recorded = {'fec.txt': A, 'f1.pdf': A, 'f2.pdf': B}
        self.assertEqual(
            integrity_problems(recorded, dict(recorded), dict(recorded)), [])
        self.assertEqual(integrity_problems(recorded, dict(recorded),
                {'fec.txt': A, 'f1.pdf': B, 'extra.pdf': A}), [
                ('extra.pdf', 'unexpected'),
                ('f1.pdf', 'altered'),
                ('f2.pdf', 'missing'),
                ])
        # a file and its manifest line changed together: the database tells
        self.assertEqual(integrity_problems(recorded,
                dict(recorded, **{'f1.pdf': B}),
                dict(recorded, **{'f1.pdf': B})), [('f1.pdf', 'altered')])


def older_month(today):
    "The (year, month) two months before the month of `today`."
    return previous_month(today.replace(day=1) - dt.timedelta(days=1))


def ensure_fiscal_year(company, date):
    "A fiscal year of `company` holding `date` (the calendar year)."
    pool = Pool()
    FiscalYear = pool.get('account.fiscalyear')
    Sequence = pool.get('ir.sequence.strict')
    ModelData = pool.get('ir.model.data')
    if FiscalYear.search([('company', '=', company.id),
                ('start_date', '<=', date), ('end_date', '>=', date)]):
        return
    sequence, = Sequence.create([{
                'name': str(date.year), 'company': company.id,
                'sequence_type': ModelData.get_id(
                    'account', 'sequence_type_account_move'),
                }])
    fiscalyear, = FiscalYear.create([{
                'name': str(date.year), 'company': company.id,
                'start_date': dt.date(date.year, 1, 1),
                'end_date': dt.date(date.year, 12, 31),
                'move_sequence': sequence.id,
                }])
    FiscalYear.create_period([fiscalyear])


def draft_move(company, date):
    "An unposted miscellaneous entry of `company` dated `date`."
    pool = Pool()
    Move = pool.get('account.move')
    Journal = pool.get('account.journal')
    Period = pool.get('account.period')
    journal, = Journal.search([('code', '=', 'REV')], limit=1)
    move, = Move.create([{
                'company': company.id, 'journal': journal.id,
                'period': int(Period.find(company, date=date)), 'date': date,
                'lines': [('create', [
                            {'account': account(company, '6071').id,
                                'debit': Decimal('10'), 'credit': 0},
                            {'account': account(company, '706').id,
                                'debit': 0, 'credit': Decimal('10')},
                            ])],
                }])
    return move


def set_archive_root(company, root):
    "The workshop archives to the directory `root`."
    Setting = Pool().get('connector.setting')
    Setting.create([{
                'company': company.id, 'capability': 'archive_storage',
                'provider': 'directory',
                'credentials': [('create', [{'key': 'root', 'value': root}])],
                }])


def files_under(root):
    "{relative path: (mode, content)} of every file under `root`."
    found = {}
    for path, _, names in os.walk(root):
        for name in names:
            full = os.path.join(path, name)
            with open(full, 'rb') as file:
                found[os.path.relpath(full, root)] = (
                    stat.S_IMODE(os.stat(full).st_mode), file.read())
    return found


class ArchiveTestCase(unittest.TestCase):
    "A workshop's month archived, checked and kept apart"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        drop_db()
        activate_module(MODULES)

    def setUp(self):
        self.root = tempfile.mkdtemp(prefix='atelier-archive-')
        self.addCleanup(self._remove, self.root)
        # The server lets workshops archive inside this area only.
        if not config.has_section('connector'):
            config.add_section('connector')
        config.set('connector', 'archive_base', self.root)
        self.addCleanup(config.set, 'connector', 'archive_base', '')

    @staticmethod
    def _remove(root):
        for path, _, names in os.walk(root):
            os.chmod(path, 0o755)
        shutil.rmtree(root)

    def s3_storage(self, company):
        """The workshop archives to a bucket with Object Lock of moto's S3
        server; return a boto3 client of that server and the bucket."""
        import boto3
        from moto.server import ThreadedMotoServer
        Setting = Pool().get('connector.setting')
        logging.getLogger('werkzeug').setLevel(logging.ERROR)
        server = ThreadedMotoServer(
            ip_address='127.0.0.1', port=0, verbose=False)
        server.start()
        self.addCleanup(server.stop)
        endpoint = 'http://%s:%s' % server.get_host_and_port()
        # unique: Tryton may run a test's transaction again
        bucket = 'archives-%s' % uuid.uuid4().hex[:12]
        credentials = {'endpoint_url': endpoint, 'region': 'eu-west-3',
            'bucket': bucket, 'access_key': 'AKIAMARTIN',
            'secret_key': 'secret'}
        s3 = boto3.client('s3', endpoint_url=endpoint,
            region_name='eu-west-3', aws_access_key_id='AKIAMARTIN',
            aws_secret_access_key='secret')
        s3.create_bucket(Bucket=bucket,
            CreateBucketConfiguration={'LocationConstraint': 'eu-west-3'},
            ObjectLockEnabledForBucket=True)
        Setting.create([{
                    'company': company.id, 'capability': 'archive_storage',
                    'provider': 's3',
                    'credentials': [('create', [
                                {'key': k, 'value': v}
                                for k, v in credentials.items()])],
                    }])
        return s3, bucket

    @with_accounting_transaction
    def test_monthly_archive(self):
        """The cron archives last month's FEC and invoices with a manifest
        sha256sum accepts, once; a change is detected; nobody edits it;
        the other workshop sees nothing of it"""
        pool = Pool()
        Archive = pool.get('account_fr_export.archive')
        ArchiveFile = pool.get('account_fr_export.archive.file')
        Invoice = pool.get('account.invoice')
        Date = pool.get('ir.date')
        durand = create_workshop()
        # the other workshop needs no chart of accounts: an empty FEC
        martin = create_company("Époxy Services Martin")
        today = Date.today()
        year, month = previous_month(today)
        start, end = month_range(year, month)
        for company in [durand, martin]:
            with set_company(company):
                ensure_fiscal_year(company, start)
        with set_company(durand):
            set_archive_root(durand, self.root)
        with set_company(martin):
            s3, bucket = self.s3_storage(martin)
        with set_company(durand):
            client = create_client(durand, "Garage Dupont",
                siren='552081317')
            # two months ago, for the accountant to archive by hand
            older_start, older_end = month_range(*older_month(today))
            ensure_fiscal_year(durand, older_start)
            older_invoice = create_invoice(durand, client, [
                    ("Métallisation portail", 1, Decimal('500'))],
                date=older_start)
            older_move = draft_move(durand, older_end)
            first = create_invoice(durand, client, [
                    ("Thermolaquage portail RAL 7016", 1, Decimal('350'))],
                date=start + dt.timedelta(days=2))
            second = create_invoice(durand, client, [
                    ("Sablage jantes", 4, Decimal('45'))],
                date=end)
            create_invoice(durand, client, [
                    ("Thermolaquage garde-corps", 1, Decimal('120'))],
                date=today)  # this month: not archived yet

        with self.assertLogs(LOGGER, 'WARNING') as logs:
            Archive.archive_previous_month()
        # the month before has an unposted entry: left for later
        self.assertEqual(len(logs.output), 1)
        self.assertIn('unposted', logs.output[0])

        with set_company(durand):
            archive, = Archive.search([('company', '=', durand.id)])
        self.assertEqual(archive.month, start.strftime('%Y-%m'))
        self.assertEqual((archive.start_date, archive.end_date), (start, end))
        self.assertEqual(archive.provider, 'directory')
        self.assertEqual(archive.keep_until, dt.date(year + 10, 12, 31))
        self.assertEqual(archive.state, 'archived')
        fec, *pdfs = archive.files
        self.assertEqual(fec.kind, 'fec')
        self.assertTrue(fec.name.startswith('732829320FEC'))
        self.assertEqual([(f.kind, f.invoice) for f in pdfs],
            [('invoice', first), ('invoice', second)])
        self.assertTrue(pdfs[0].name.startswith(first.number))
        folder = os.path.join(self.root, *archive.location.split('/'))
        stored = files_under(folder)
        self.assertEqual(set(stored),
            {f.name for f in archive.files} | {'MANIFEST.sha256'})
        for name, (mode, content) in stored.items():
            self.assertEqual(mode, 0o444, name)
        for file in archive.files:
            self.assertEqual(file.size, len(stored[file.name][1]))
        self.assertEqual(stored['MANIFEST.sha256'][1].decode(),
            archive.manifest)
        # the invoice as its client received it
        self.assertEqual(stored[pdfs[0].name][1],
            bytes(Invoice(first.id).invoice_report_cache))
        # the manifest is checked by sha256sum itself
        check = subprocess.run(['sha256sum', '-c', 'MANIFEST.sha256'],
            cwd=folder, capture_output=True, text=True)
        self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
        self.assertEqual(check.stdout.count(': OK'), 3)
        self.assertEqual(archive.manifest_sha256, hashlib.sha256(
                stored['MANIFEST.sha256'][1]).hexdigest())

        with self.subTest("once"):
            before = files_under(self.root)
            with self.assertLogs(LOGGER, 'WARNING'):
                Archive.archive_previous_month()
            self.assertEqual(files_under(self.root), before)
            self.assertEqual(Archive.search([], count=True), 1)

        with self.subTest("the other workshop"):
            # without entries the cron leaves it; archived by hand
            with set_company(martin):
                self.assertEqual(
                    Archive.search([('company', '=', martin.id)]), [])
                other = Archive.archive_month(martin, year, month)
            self.assertEqual(len(other.files), 1)  # its FEC, no invoice
            self.assertNotEqual(other.location, archive.location)
            # on S3 with Object Lock: kept ten years, unchangeable
            self.assertEqual(other.provider, 's3')
            fec_key = other.files[0].key
            head = s3.head_object(Bucket=bucket, Key=fec_key)
            self.assertEqual(head['ObjectLockMode'], 'COMPLIANCE')
            self.assertEqual(head['ObjectLockRetainUntilDate'].date(),
                other.keep_until)
            self.assertEqual(sorted(o['Key'] for o in s3.list_objects_v2(
                        Bucket=bucket)['Contents']),
                sorted([fec_key, other.location + 'MANIFEST.sha256']))
            Archive.check_integrity([other])
            self.assertEqual(Archive(other.id).state, 'intact')

        accountant = create_workshop_user(durand, 'compta', 'accounting')
        owner_martin = create_workshop_user(martin, 'martin', 'owner')
        with self.subTest("intact"):
            with Transaction().set_user(accountant.id), \
                    Transaction().set_context(
                        company=durand.id, _check_access=True):
                Archive.check_integrity([Archive(archive.id)])
            archive = Archive(archive.id)
            self.assertEqual(archive.state, 'intact')
            self.assertTrue(archive.checked)
            self.assertIn('4', archive.check_report)

        with self.subTest("tampered"):
            path = os.path.join(folder, pdfs[1].name)
            os.chmod(path, 0o644)
            with open(path, 'ab') as file:
                file.write(b'%% edited')
            os.remove(os.path.join(folder, pdfs[0].name))
            with open(os.path.join(folder, 'ajout.pdf'), 'wb') as file:
                file.write(b'%PDF-1.7')
            Archive.check_integrity([archive])
            archive = Archive(archive.id)
            self.assertEqual(archive.state, 'altered')
            report = archive.check_report
            self.assertIn(pdfs[1].name + ': altered', report)
            self.assertIn(pdfs[0].name + ': missing', report)
            self.assertIn('ajout.pdf: added', report)
            self.assertNotIn(fec.name, report)
            check = subprocess.run(['sha256sum', '-c', 'MANIFEST.sha256'],
                cwd=folder, capture_output=True, text=True)
            self.assertNotEqual(check.returncode, 0)

        with self.subTest("read-only for everybody"):
            with Transaction().set_user(accountant.id), \
                    Transaction().set_context(
                        company=durand.id, _check_access=True):
                archive = Archive(archive.id)
                for action in [
                        lambda: Archive.write([archive], {'month': '1999-01'}),
                        lambda: Archive.delete([archive]),
                        lambda: Archive.create([{'month': '1999-01'}]),
                        lambda: ArchiveFile.write(
                            list(archive.files), {'sha256': A}),
                        lambda: ArchiveFile.delete(list(archive.files)),
                        ]:
                    with self.assertRaises(AccessError):
                        action()
            # even without access checks, the application never edits it
            for action in [
                    lambda: Archive.write([archive], {'manifest': ''}),
                    lambda: Archive.delete([archive]),
                    lambda: ArchiveFile.write([fec], {'sha256': A}),
                    lambda: ArchiveFile.delete([fec]),
                    ]:
                with self.assertRaises(UserError):
                    action()
            self.assertEqual(
                Archive(archive.id).month, start.strftime('%Y-%m'))

        with self.subTest("another workshop sees nothing"):
            with Transaction().set_user(owner_martin.id), \
                    Transaction().set_context(
                        company=martin.id, _check_access=True):
                self.assertEqual(
                    [a.company for a in Archive.search([])], [martin])
                self.assertEqual(ArchiveFile.search(
                        [('archive', '=', archive.id)]), [])
                with self.assertRaises(AccessError):
                    Archive.read([archive.id], ['manifest'])
                with self.assertRaises(AccessError):
                    Archive.check_integrity([Archive(archive.id)])

        with self.subTest("archive now"):
            self.archive_now(durand, older_invoice, older_move, accountant)

    def archive_now(self, durand, invoice, move, accountant):
        """The accountant archives a month by hand: refused while it is not
        over or has unposted entries, nothing written; then archived"""
        pool = Pool()
        Archive = pool.get('account_fr_export.archive')
        Move = pool.get('account.move')
        Wizard = pool.get('account_fr_export.archive.create', type='wizard')
        Date = pool.get('ir.date')
        today = Date.today()
        year, month = older_month(today)
        start, end = month_range(year, month)
        before = files_under(self.root)

        def archive_now(year, month):
            session_id, _, _ = Wizard.create()
            wizard = Wizard(session_id)
            wizard.start.year = year
            wizard.start.month = str(month)
            return wizard.transition_archive()

        with Transaction().set_user(accountant.id), \
                Transaction().set_context(
                    company=durand.id, _check_access=True):
            with self.assertRaises(UserError) as context:
                archive_now(today.year, today.month)
            self.assertIn('is not over', context.exception.message)
            with self.assertRaises(UserError) as context:
                archive_now(year, month)
            self.assertIn('1 unposted entries', context.exception.message)
            self.assertEqual(
                Archive.search([('start_date', '=', start)]), [])
            self.assertEqual(files_under(self.root), before)

        Move.post([move])
        with Transaction().set_user(accountant.id), \
                Transaction().set_context(
                    company=durand.id, _check_access=True):
            self.assertEqual(archive_now(year, month), 'open_')
            archive, = Archive.search([('start_date', '=', start)])
            self.assertEqual(archive.company, durand)
            self.assertEqual(
                [(f.kind, f.invoice) for f in archive.files],
                [('fec', None), ('invoice', invoice)])
            fec, _ = archive.files
            data = files_under(self.root)[os.path.join(
                    *archive.location.split('/'), fec.name)][1]
            self.assertIn(b'10,00', data)
            with self.assertRaises(UserError) as context:
                archive_now(year, month)
            self.assertIn('already archived', context.exception.message)
