# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The archive storage providers, without database: the directory one in a
temporary directory, the S3 one against moto's S3 server on 127.0.0.1."""
import datetime as dt
import hashlib
import logging
import os
import shutil
import stat
import tempfile
import unittest
import uuid

import pluggy

from trytond import config

from .. import hub
from ..exceptions import ConnectorError, ConnectorUnavailableError
from ..providers import archive
from ..providers.archive import ArchiveKeyExistsError, ArchiveKeyMissingError
from .servers import closed_port_url

FEC = b'JournalCode|JournalLib|EcritureNum\r\nVE|Ventes|1\r\n'
RETAIN = dt.date(2036, 10, 31)


def plugin_manager():
    pm = pluggy.PluginManager(hub.PROJECT)
    pm.add_hookspecs(hub.Specs)
    pm.register(archive.plugin)
    return pm


class ArchiveHubTestCase(unittest.TestCase):
    "The archive storage capability in the hub"

    def test_providers(self):
        "A directory provider (offline, the default) and an S3 one"
        self.assertIn(archive.plugin, hub.builtin_plugins())
        providers = {p.name: p for p in hub.providers('archive_storage')}
        self.assertEqual(set(providers), {'directory', 's3'})
        self.assertEqual(hub.offline_provider('archive_storage').name,
            'directory')
        self.assertFalse(providers['s3'].offline)
        self.assertEqual(providers['directory'].credentials, ('root',))
        self.assertEqual(set(providers['s3'].credentials), {
                'bucket', 'access_key', 'secret_key', 'region',
                'endpoint_url'})
        self.assertEqual(providers['s3'].string,
            'S3-compatible object storage')

    def test_other_provider(self):
        "The plugin leaves other providers alone"
        self.assertIsNone(archive.plugin.atelier_archive_put(
                provider='other', credentials={}, key='a', data=b'',
                retain_until=None))
        self.assertIsNone(archive.plugin.atelier_archive_get(
                provider='other', credentials={}, key='a'))
        self.assertIsNone(archive.plugin.atelier_archive_list(
                provider='other', credentials={}, prefix=''))

    def test_keys(self):
        "Keys are relative paths of plain names"
        for key in ['workshop-3/2026-10/MANIFEST.sha256',
                '732829320FEC20261031.txt', 'a/b_c-d.pdf']:
            archive.check_key(key)
        archive.check_key('', prefix=True)
        archive.check_key('workshop-3/', prefix=True)
        for key in ['', '/etc/passwd', '../x', 'a/../b', 'a//b', 'a/./b',
                'a/', '.hidden', 'a b', 'a\\b', 'a/\x00', 'é']:
            with self.subTest(key=key), self.assertRaises(ConnectorError):
                archive.check_key(key)
        with self.assertRaises(ConnectorError):
            archive.check_key('../', prefix=True)


class DirectoryTestCase(unittest.TestCase):
    "The directory provider writes each file once, read-only"

    def setUp(self):
        self.root = tempfile.mkdtemp(prefix='atelier-archive-')
        self.addCleanup(self._remove, self.root)
        # The server lets workshops archive inside this area only.
        if not config.has_section('connector'):
            config.add_section('connector')
        config.set('connector', 'archive_base', self.root)
        self.addCleanup(config.set, 'connector', 'archive_base', '')
        self.pm = plugin_manager()
        self.credentials = {'root': self.root}

    @staticmethod
    def _remove(root):
        for path, folders, files in os.walk(root):
            os.chmod(path, 0o755)
        shutil.rmtree(root)

    def put(self, key, data):
        return self.pm.hook.atelier_archive_put(provider='directory',
            credentials=self.credentials, key=key, data=data,
            retain_until=RETAIN)

    def test_put_get_list(self):
        "A file is stored read-only, read back, listed; never replaced"
        key = 'workshop-1/2026-10/732829320FEC20261031.txt'
        digest = self.put(key, FEC)
        self.assertEqual(digest, hashlib.sha256(FEC).hexdigest())
        path = os.path.join(self.root, 'workshop-1', '2026-10',
            '732829320FEC20261031.txt')
        with open(path, 'rb') as file:
            self.assertEqual(file.read(), FEC)
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o444)
        self.assertEqual(self.pm.hook.atelier_archive_get(
                provider='directory', credentials=self.credentials,
                key=key), FEC)

        with self.assertRaises(ArchiveKeyExistsError) as context:
            self.put(key, b'tampered')
        self.assertIn(key, context.exception.message)
        with open(path, 'rb') as file:
            self.assertEqual(file.read(), FEC)

        self.put('workshop-1/2026-10/FACT-2026-0001.pdf', b'%PDF-1.7')
        self.put('workshop-1/2026-11/FACT-2026-0002.pdf', b'%PDF-1.7')
        self.put('workshop-12/2026-10/FACT-2026-0001.pdf', b'%PDF-1.7')
        # a file being written by another process is not listed
        with open(os.path.join(self.root, 'workshop-1', '2026-10',
                    '.tmp.part'), 'wb') as file:
            file.write(b'half')

        def list_(prefix):
            return self.pm.hook.atelier_archive_list(provider='directory',
                credentials=self.credentials, prefix=prefix)
        self.assertEqual(list_('workshop-1/2026-10/'), [
                'workshop-1/2026-10/732829320FEC20261031.txt',
                'workshop-1/2026-10/FACT-2026-0001.pdf'])
        self.assertEqual(list_('workshop-1/'), [
                'workshop-1/2026-10/732829320FEC20261031.txt',
                'workshop-1/2026-10/FACT-2026-0001.pdf',
                'workshop-1/2026-11/FACT-2026-0002.pdf'])
        self.assertEqual(len(list_('')), 4)
        self.assertEqual(list_('workshop-2/'), [])

        with self.assertRaises(ArchiveKeyMissingError):
            self.pm.hook.atelier_archive_get(provider='directory',
                credentials=self.credentials, key='workshop-1/none.pdf')
        with self.assertRaises(ConnectorError):
            self.put('../outside.txt', b'x')
        self.assertFalse(os.path.exists(
                os.path.join(os.path.dirname(self.root), 'outside.txt')))

    def test_default_root(self):
        "Without credentials the archive is next to the databases"
        from trytond import config
        self.assertEqual(archive.default_root(), os.path.join(
                config.get('database', 'path'), 'archive'))

    def test_root_outside_area(self):
        "A workshop's settings never make the server write elsewhere"
        for root in ['/etc/atelier', os.path.join(self.root, '..', 'x')]:
            with self.subTest(root=root):
                self.credentials = {'root': root}
                with self.assertRaises(ConnectorError):
                    self.put('workshop-1/2026-10/a.pdf', b'x')
        self.assertFalse(os.path.exists('/etc/atelier'))

    def test_unwritable_root(self):
        "A root that cannot be written gives a message naming it"
        os.chmod(self.root, 0o555)
        if os.access(self.root, os.W_OK):  # running as root
            self.credentials = {'root': os.path.join(
                    self.root, 'file', 'below')}
            with open(os.path.join(self.root, 'file'), 'wb'):
                pass
        with self.assertRaises(ConnectorError) as context:
            self.put('workshop-1/2026-10/a.pdf', b'x')
        self.assertNotIsInstance(
            context.exception, ArchiveKeyExistsError)
        self.assertIn(self.root, context.exception.message)


class S3TestCase(unittest.TestCase):
    "The S3 provider against moto's S3 server"

    @classmethod
    def setUpClass(cls):
        from moto.server import ThreadedMotoServer
        logging.getLogger('werkzeug').setLevel(logging.ERROR)
        cls.server = ThreadedMotoServer(
            ip_address='127.0.0.1', port=0, verbose=False)
        cls.server.start()
        host, port = cls.server.get_host_and_port()
        cls.endpoint = 'http://%s:%s' % (host, port)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def setUp(self):
        import boto3
        self.pm = plugin_manager()
        self.bucket = 'atelier-%s' % uuid.uuid4().hex[:12]
        self.credentials = {
            'endpoint_url': self.endpoint, 'region': 'eu-west-3',
            'bucket': self.bucket, 'access_key': 'AKIAATELIER',
            'secret_key': 'secret'}
        self.s3 = boto3.client('s3', endpoint_url=self.endpoint,
            region_name='eu-west-3', aws_access_key_id='AKIAATELIER',
            aws_secret_access_key='secret')

    def create_bucket(self, lock):
        self.s3.create_bucket(Bucket=self.bucket,
            CreateBucketConfiguration={'LocationConstraint': 'eu-west-3'},
            ObjectLockEnabledForBucket=lock)

    def put(self, key, data, retain_until=RETAIN):
        return self.pm.hook.atelier_archive_put(provider='s3',
            credentials=self.credentials, key=key, data=data,
            retain_until=retain_until)

    def test_object_lock(self):
        "On a bucket with Object Lock, a file is kept 10 years, unchangeable"
        self.create_bucket(lock=True)
        key = 'workshop-1/2026-10/732829320FEC20261031.txt'
        self.assertEqual(
            self.put(key, FEC), hashlib.sha256(FEC).hexdigest())
        head = self.s3.head_object(Bucket=self.bucket, Key=key)
        self.assertEqual(head['ObjectLockMode'], 'COMPLIANCE')
        self.assertEqual(head['ObjectLockRetainUntilDate'],
            dt.datetime(2036, 10, 31, tzinfo=dt.timezone.utc))
        self.assertEqual(self.pm.hook.atelier_archive_get(provider='s3',
                credentials=self.credentials, key=key), FEC)

        with self.assertRaises(ArchiveKeyExistsError):
            self.put(key, b'tampered')
        from botocore.exceptions import ClientError
        with self.assertRaises(ClientError):
            self.s3.delete_object(
                Bucket=self.bucket, Key=key, VersionId=head['VersionId'])
        self.assertEqual(self.s3.get_object(
                Bucket=self.bucket, Key=key)['Body'].read(), FEC)

        self.put('workshop-1/2026-10/FACT-2026-0001.pdf', b'%PDF-1.7')
        self.put('workshop-2/2026-10/FACT-2026-0001.pdf', b'%PDF-1.7')
        self.assertEqual(self.pm.hook.atelier_archive_list(provider='s3',
                credentials=self.credentials, prefix='workshop-1/'), [
                key, 'workshop-1/2026-10/FACT-2026-0001.pdf'])
        with self.assertRaises(ArchiveKeyMissingError):
            self.pm.hook.atelier_archive_get(provider='s3',
                credentials=self.credentials, key='workshop-1/none.pdf')

    def test_if_none_match(self):
        "Two writers racing: the second PUT is refused by If-None-Match"
        self.create_bucket(lock=False)
        key = 'workshop-1/2026-10/FACT-2026-0001.pdf'
        client, bucket = archive.s3_client(self.credentials)
        original = client.head_object

        def head_object(**kwargs):
            # the other writer stores the file between HEAD and PUT
            self.s3.put_object(Bucket=self.bucket, Key=key, Body=b'first')
            client.head_object = original
            from botocore.exceptions import ClientError
            raise ClientError(
                {'Error': {'Code': '404'},
                    'ResponseMetadata': {'HTTPStatusCode': 404}},
                'HeadObject')
        client.head_object = head_object
        self.addCleanup(setattr, client, 'head_object', original)
        with self.assertRaises(ArchiveKeyExistsError):
            self.put(key, b'second')
        self.assertEqual(self.s3.get_object(
                Bucket=self.bucket, Key=key)['Body'].read(), b'first')

    def test_without_object_lock(self):
        "A bucket without Object Lock keeps the file without retention"
        self.create_bucket(lock=False)
        self.put('workshop-1/a.pdf', b'%PDF')
        head = self.s3.head_object(Bucket=self.bucket, Key='workshop-1/a.pdf')
        self.assertNotIn('ObjectLockMode', head)
        with self.assertRaises(ArchiveKeyExistsError):
            self.put('workshop-1/a.pdf', b'%PDF-2')

    def test_refused(self):
        "Missing credentials, an unknown bucket: a message, nothing stored"
        credentials = dict(self.credentials, bucket='')
        with self.assertRaises(ConnectorError) as context:
            self.pm.hook.atelier_archive_put(provider='s3',
                credentials=credentials, key='a.pdf', data=b'x',
                retain_until=RETAIN)
        self.assertIn('"bucket"', context.exception.message)
        with self.assertRaises(ConnectorError) as context:
            self.put('a.pdf', b'x')  # the bucket was never created
        self.assertNotIsInstance(context.exception, ConnectorUnavailableError)
        self.assertIn('NoSuchBucket', context.exception.message)

    def test_unreachable(self):
        "A storage that does not answer: try again later"
        self.credentials['endpoint_url'] = closed_port_url()
        with self.assertRaises(ConnectorUnavailableError):
            self.put('workshop-1/a.pdf', b'x')
