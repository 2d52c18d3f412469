# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Archive storage providers: files kept for years, written once and never
replaced (the legal archive of a workshop's FEC and invoices).

A key is a relative path of "/"-separated names (letters, digits, ".", "_",
"-", no "." or ".." name), e.g. ``workshop-3/2026-10/MANIFEST.sha256``.

- ``directory``: offline, the default; files under a root directory
  (credential ``root``; default ``<[database] path>/archive``). A file is
  written to a temporary name then linked to its key, so it appears
  complete or not at all, never over an existing one; then made read-only
  (0o444).
- ``s3``: S3-compatible object storage with boto3. Credentials
  ``bucket``, ``access_key``, ``secret_key``, optional ``region`` and
  ``endpoint_url`` (another S3-compatible service than AWS). An object is
  never overwritten: a HEAD first, then ``PUT`` with ``If-None-Match: *``;
  it is sent with its SHA-256 checksum, checked by the storage. When the
  bucket has S3 Object Lock enabled, the object gets a COMPLIANCE
  retention until ``retain_until``: nobody, not even the account's root,
  can delete or change it before then.

Errors: ArchiveKeyExistsError (the key is taken: nothing written),
ArchiveKeyMissingError (nothing under that key), ConnectorError (refused:
bad key, credentials, bucket), ConnectorUnavailableError (try again later).
"""
import datetime as dt
import errno
import functools
import hashlib
import os
import re
import tempfile

from ..exceptions import ConnectorError, ConnectorUnavailableError
from ..hub import Provider, hookimpl
from ..messages import gettext

CAPABILITY = 'archive_storage'
DIRECTORY = 'directory'
S3 = 's3'
DIRECTORY_CREDENTIALS = ('root',)
S3_CREDENTIALS = (
    'bucket', 'access_key', 'secret_key', 'region', 'endpoint_url')
READ_ONLY = 0o444
KEY_NAME = re.compile(r'^[A-Za-z0-9_][A-Za-z0-9._-]*$')
MAX_KEY_LENGTH = 1024
TIMEOUT = 30


class ArchiveKeyExistsError(ConnectorError):
    "The archive already holds this key: an archived file is never replaced."

    def __init__(self, key):
        self.key = key
        super().__init__(gettext('msg_archive_key_exists', key=key))


class ArchiveKeyMissingError(ConnectorError):
    "The archive holds nothing under this key."

    def __init__(self, key):
        self.key = key
        super().__init__(gettext('msg_archive_key_missing', key=key))



def _provider_name(provider):
    return getattr(provider, 'name', provider)


def sha256(data):
    "The SHA-256 of `data` (bytes) in hexadecimal, as sha256sum writes it."
    return hashlib.sha256(data).hexdigest()


def check_key(key, prefix=False):
    """Raise ConnectorError unless `key` is a relative path of plain names
    (a `prefix` may be empty or end with "/")."""
    names = (key or '').split('/')
    if prefix and names[-1] == '':
        names = names[:-1]
    if prefix and not names:
        return
    if (not isinstance(key, str) or len(key) > MAX_KEY_LENGTH
            or not all(KEY_NAME.match(n) for n in names)):
        raise ConnectorError(gettext('msg_archive_key_invalid', key=key))


# --- directory --------------------------------------------------------------

def default_root():
    "The archive directory next to the databases: <[database] path>/archive."
    from trytond import config
    return os.path.join(config.get('database', 'path'), 'archive')


def allowed_base():
    """The directory every workshop's archive root must be in: the server's
    [connector] archive_base, by default the databases' directory; a
    workshop's settings never point the server anywhere else."""
    from trytond import config
    return os.path.realpath(config.get('connector', 'archive_base')
        or config.get('database', 'path'))


def _root(credentials):
    root = os.path.realpath(
        (credentials or {}).get('root') or default_root())
    base = allowed_base()
    if os.path.commonpath([root, base]) != base:
        raise ConnectorError(gettext(
                'msg_archive_root_outside', root=root, base=base))
    return root


def _directory_error(root, error):
    return ConnectorError(gettext(
            'msg_archive_directory_error', root=root,
            error=error.strerror or str(error)))


def directory_put(credentials, key, data):
    check_key(key)
    root = _root(credentials)
    path = os.path.join(root, *key.split('/'))
    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, exist_ok=True)
        if os.path.lexists(path):
            raise ArchiveKeyExistsError(key)
        descriptor, temporary = tempfile.mkstemp(
            dir=folder, prefix='.', suffix='.part')
        try:
            with os.fdopen(descriptor, 'wb') as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.chmod(temporary, READ_ONLY)
            try:
                # atomic, and refuses an existing name
                os.link(temporary, path)
            except FileExistsError:
                raise ArchiveKeyExistsError(key)
            except OSError as error:
                if error.errno not in {
                        errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP,
                        errno.EXDEV, errno.EMLINK}:
                    raise
                # a file system without hard links: exclusive creation
                _write_exclusive(path, key, data)
        finally:
            os.unlink(temporary)
    except ConnectorError:
        raise
    except OSError as error:
        raise _directory_error(root, error) from error
    return sha256(data)


def _write_exclusive(path, key, data):
    try:
        file = open(path, 'xb')
    except FileExistsError:
        raise ArchiveKeyExistsError(key)
    try:
        with file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
    except OSError:
        os.unlink(path)
        raise
    os.chmod(path, READ_ONLY)


def directory_get(credentials, key):
    check_key(key)
    root = _root(credentials)
    path = os.path.join(root, *key.split('/'))
    try:
        with open(path, 'rb') as file:
            return file.read()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        raise ArchiveKeyMissingError(key)
    except OSError as error:
        raise _directory_error(root, error) from error


def directory_list(credentials, prefix):
    check_key(prefix, prefix=True)
    root = _root(credentials)
    # walk only the deepest folder the prefix names
    folder = prefix.rsplit('/', 1)[0] if '/' in prefix else ''
    start = os.path.join(root, *folder.split('/')) if folder else root
    keys = []
    for path, folders, files in os.walk(start):
        folders[:] = [f for f in folders if not f.startswith('.')]
        relative = os.path.relpath(path, root)
        for name in files:
            if name.startswith('.'):
                continue  # a file being written
            key = name if relative == '.' else '/'.join(
                relative.split(os.sep) + [name])
            if key.startswith(prefix):
                keys.append(key)
    return sorted(keys)


# --- S3 ---------------------------------------------------------------------

@functools.lru_cache(maxsize=16)
def _s3_client(endpoint_url, region, access_key, secret_key):
    import boto3
    from botocore.config import Config
    return boto3.client('s3',
        endpoint_url=endpoint_url or None, region_name=region or None,
        aws_access_key_id=access_key, aws_secret_access_key=secret_key,
        config=Config(connect_timeout=TIMEOUT, read_timeout=TIMEOUT,
            retries={'max_attempts': 3}))


def s3_client(credentials):
    "The boto3 client and bucket of `credentials`."
    credentials = credentials or {}
    for name in ('bucket', 'access_key', 'secret_key'):
        if not credentials.get(name):
            raise ConnectorError(gettext(
                    'msg_archive_s3_credential_missing', key=name))
    client = _s3_client(credentials.get('endpoint_url'),
        credentials.get('region'), credentials['access_key'],
        credentials['secret_key'])
    return client, credentials['bucket']


def _s3_status(error):
    return error.response.get('ResponseMetadata', {}).get('HTTPStatusCode')


def _s3_code(error):
    return str(error.response.get('Error', {}).get('Code', ''))


def _s3_error(error):
    "The ConnectorError or ConnectorUnavailableError of a boto3 error."
    from botocore.exceptions import BotoCoreError, ClientError
    if isinstance(error, ClientError):
        status = _s3_status(error) or 0
        if status >= 500 or status in {408, 429} or _s3_code(error) in {
                'SlowDown', 'RequestTimeout', 'ServiceUnavailable'}:
            return ConnectorUnavailableError(gettext(
                    'msg_archive_s3_unavailable', error=_s3_code(error)))
        return ConnectorError(gettext(
                'msg_archive_s3_refused', code=_s3_code(error) or status,
                detail=error.response.get('Error', {}).get('Message', '')))
    if isinstance(error, BotoCoreError):
        return ConnectorUnavailableError(gettext(
                'msg_archive_s3_unavailable', error=str(error)))
    return error


def _missing(error):
    return _s3_status(error) == 404 or _s3_code(error) in {
        'NoSuchKey', 'NotFound', '404'}


def s3_object_lock(client, bucket):
    "Whether `bucket` has S3 Object Lock enabled."
    from botocore.exceptions import ClientError
    try:
        answer = client.get_object_lock_configuration(Bucket=bucket)
    except ClientError as error:
        if _s3_code(error) == 'ObjectLockConfigurationNotFoundError':
            return False
        raise
    configuration = answer.get('ObjectLockConfiguration') or {}
    return configuration.get('ObjectLockEnabled') == 'Enabled'


def s3_put(credentials, key, data, retain_until=None):
    import base64

    from botocore.exceptions import BotoCoreError, ClientError
    check_key(key)
    client, bucket = s3_client(credentials)
    digest = hashlib.sha256(data).digest()
    try:
        try:
            client.head_object(Bucket=bucket, Key=key)
        except ClientError as error:
            if not _missing(error):
                raise
        else:
            raise ArchiveKeyExistsError(key)
        arguments = {
            'Bucket': bucket, 'Key': key, 'Body': data,
            'IfNoneMatch': '*',
            'ChecksumAlgorithm': 'SHA256',
            }
        if retain_until and s3_object_lock(client, bucket):
            arguments['ObjectLockMode'] = 'COMPLIANCE'
            arguments['ObjectLockRetainUntilDate'] = dt.datetime.combine(
                retain_until, dt.time(), tzinfo=dt.timezone.utc)
        try:
            answer = client.put_object(**arguments)
        except ClientError as error:
            if _s3_status(error) == 412 or _s3_code(error) in {
                    'PreconditionFailed', 'ConditionalRequestConflict'}:
                raise ArchiveKeyExistsError(key)
            raise
    except (ClientError, BotoCoreError) as error:
        raise _s3_error(error) from error
    stored = answer.get('ChecksumSHA256')
    if stored and base64.b64decode(stored) != digest:
        raise ConnectorError(gettext('msg_archive_s3_checksum', key=key))
    return digest.hex()


def s3_get(credentials, key):
    from botocore.exceptions import BotoCoreError, ClientError
    check_key(key)
    client, bucket = s3_client(credentials)
    try:
        answer = client.get_object(Bucket=bucket, Key=key)
        return answer['Body'].read()
    except ClientError as error:
        if _missing(error):
            raise ArchiveKeyMissingError(key) from error
        raise _s3_error(error) from error
    except BotoCoreError as error:
        raise _s3_error(error) from error


def s3_list(credentials, prefix):
    from botocore.exceptions import BotoCoreError, ClientError
    check_key(prefix, prefix=True)
    client, bucket = s3_client(credentials)
    keys = []
    try:
        paginator = client.get_paginator('list_objects_v2')
        for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
            keys.extend(o['Key'] for o in page.get('Contents', []))
    except (ClientError, BotoCoreError) as error:
        raise _s3_error(error) from error
    return sorted(keys)


class ArchivePlugin:
    "The built-in archive storage providers."

    @hookimpl
    def atelier_providers(self):
        return [
            Provider(
                capability=CAPABILITY, name=DIRECTORY,
                label='Directory on the server (offline)',
                credentials=DIRECTORY_CREDENTIALS, offline=True,
                message='connector.msg_provider_archive_directory'),
            Provider(
                capability=CAPABILITY, name=S3,
                label='S3-compatible object storage',
                credentials=S3_CREDENTIALS,
                message='connector.msg_provider_archive_s3'),
            ]

    @hookimpl
    def atelier_archive_put(self, provider, credentials, key, data,
            retain_until):
        name = _provider_name(provider)
        if name == DIRECTORY:
            return directory_put(credentials, key, data)
        if name == S3:
            return s3_put(credentials, key, data, retain_until)
        return None

    @hookimpl
    def atelier_archive_get(self, provider, credentials, key):
        name = _provider_name(provider)
        if name == DIRECTORY:
            return directory_get(credentials, key)
        if name == S3:
            return s3_get(credentials, key)
        return None

    @hookimpl
    def atelier_archive_list(self, provider, credentials, prefix):
        name = _provider_name(provider)
        if name == DIRECTORY:
            return directory_list(credentials, prefix)
        if name == S3:
            return s3_list(credentials, prefix)
        return None


plugin = ArchivePlugin()
