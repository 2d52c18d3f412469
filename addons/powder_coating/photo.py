# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Photos of parts and projects: the original kept, a compressed WebP and
three sizes made on upload, counted against the workshop's storage quota.

Photos are never deleted by hand (they are the traceability of the work);
from 90 % of the quota the photos of the oldest projects are purged
automatically, the projects and the audit trail kept, and the owner told."""
import datetime as dt

from sql.aggregate import Sum
from sql.conditionals import Coalesce

from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model import Index, ModelSQL, ModelView, fields
from trytond.model.exceptions import AccessError
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval, Id
from trytond.transaction import Transaction, without_check_access

from . import photo_processing
from .tools import stamped

GB = 10 ** 9
MAX_UPLOAD = 15 * 1024 * 1024
VARIANTS = ['image', 'large', 'medium', 'thumbnail']


class Company(metaclass=PoolMeta):
    __name__ = 'company.company'

    photo_quota_gb = fields.Float("Photo Quota (GB)",
        states={
            'readonly': ~Eval('context', {}).get('groups', []).contains(
                Id('saas', 'group_publisher')),
            },
        help="Storage for the workshop's photos, set by the publisher.")
    photo_usage = fields.Function(fields.Float("Photo Storage Used (GB)",
            digits=(16, 3)), 'get_photo_usage')
    photo_usage_percent = fields.Function(fields.Float("Photo Storage Used (%)",
            digits=(16, 4)), 'get_photo_usage')
    photo_quota_warned = fields.Date("Quota Warning Sent on", readonly=True)

    @staticmethod
    def default_photo_quota_gb():
        return 20.0

    @property
    def photo_quota(self):
        "The quota in bytes."
        return int((self.photo_quota_gb
                if self.photo_quota_gb is not None else 20.0) * GB)

    @classmethod
    def get_photo_usage(cls, companies, names):
        Photo = Pool().get('powder_coating.photo')
        usage = Photo.usage([c.id for c in companies])
        result = {}
        for name in names:
            result[name] = {}
            for company in companies:
                used = usage.get(company.id, 0)
                if name == 'photo_usage':
                    result[name][company.id] = used / GB
                else:
                    quota = company.photo_quota
                    result[name][company.id] = (used / quota) if quota else 0
        return result

    @classmethod
    def write(cls, *args):
        pool = Pool()
        User = pool.get('res.user')
        ModelData = pool.get('ir.model.data')
        AuditLog = pool.get('saas.audit.log')
        transaction = Transaction()
        changed = []
        actions = iter(args)
        for companies, values in zip(actions, actions):
            if 'photo_quota_gb' in values:
                changed.extend(companies)
        if changed and transaction.check_access and transaction.user:
            publisher = ModelData.get_id('saas', 'group_publisher')
            groups = User(transaction.user).groups
            if publisher not in [g.id for g in groups]:
                raise AccessError(gettext(
                        'powder_coating.msg_photo_quota_publisher'))
        before = {c.id: c.photo_quota_gb for c in cls.browse(changed)}
        super().write(*args)
        entries = []
        for company in cls.browse(changed):
            if before[company.id] != company.photo_quota_gb:
                entries.append({
                        'company': company.id,
                        'model': cls.__name__,
                        'record_id': company.id,
                        'action': 'write',
                        'field': 'photo_quota_gb',
                        'field_string': cls.photo_quota_gb.string,
                        'old_value': '%g' % (before[company.id] or 0),
                        'new_value': '%g' % (company.photo_quota_gb or 0),
                        })
                Photo = pool.get('powder_coating.photo')
                Photo.tell_owners(company,
                    gettext('powder_coating.msg_photo_quota_changed_subject'),
                    gettext('powder_coating.msg_photo_quota_changed_body',
                        old='%g' % (before[company.id] or 0),
                        new='%g' % (company.photo_quota_gb or 0)))
        AuditLog.log(entries)


class Photo(TenantOwnedMixin, ModelSQL, ModelView):
    "Photo"
    __name__ = 'powder_coating.photo'
    __string__ = "Photo"

    project = fields.Many2One('powder_coating.project', "Project",
        required=True, ondelete='CASCADE',
        domain=[('company', '=', Eval('company', -1))],
        states={'readonly': Eval('id', -1) >= 0})
    part = fields.Many2One('powder_coating.project.part', "Part",
        ondelete='SET NULL',
        domain=[('project', '=', Eval('project', -1))],
        states={'readonly': Eval('id', -1) >= 0})
    kind = fields.Selection([
            ('before', "Before"),
            ('after', "After"),
            ('defect', "Defect"),
            ('other', "Other"),
            ], "Kind", required=True,
        states={'readonly': Eval('id', -1) >= 0})
    annotation = fields.Text("Annotation")
    original = fields.Binary("Photo", file_id='original_id',
        filename='filename',
        states={'readonly': Eval('id', -1) >= 0},
        help="JPEG, PNG or WebP up to 15 MB; the original is kept.")
    original_id = fields.Char("Original ID", readonly=True)
    filename = fields.Char("File Name", readonly=True)
    image = fields.Binary("Image (WebP)", file_id='image_id', readonly=True)
    image_id = fields.Char("Image ID", readonly=True)
    large = fields.Binary("Large", file_id='large_id', readonly=True)
    large_id = fields.Char("Large ID", readonly=True)
    medium = fields.Binary("Medium", file_id='medium_id', readonly=True)
    medium_id = fields.Char("Medium ID", readonly=True)
    thumbnail = fields.Binary("Thumbnail", readonly=True)
    size = fields.Integer("Size (bytes)", readonly=True,
        help="What the photo takes of the workshop's quota: the original "
        "and every version.")
    taken_by = fields.Many2One('res.user', "Taken by", readonly=True,
        ondelete='SET NULL')
    date = fields.DateTime("Date", readonly=True, required=True)
    purged = fields.Boolean("Purged", readonly=True,
        help="Removed automatically to keep the workshop under its quota.")
    purged_date = fields.DateTime("Purged on", readonly=True)
    uuid = fields.Char("Action", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('date', 'DESC'), ('id', 'DESC')]
        t = cls.__table__()
        cls._sql_indexes.update({
                Index(t, (t.project, Index.Equality())),
                Index(t, (t.uuid, Index.Equality())),
                })

    @staticmethod
    def default_kind():
        return 'before'

    def get_rec_name(self, name):
        kind = dict(self.fields_get(['kind'])['kind']['selection']).get(
            self.kind, '')
        label = self.part.number if self.part else (
            self.project.number if self.project else '')
        return f'{kind} {label}'.strip()

    @classmethod
    def usage(cls, company_ids):
        "Bytes of photos kept per workshop."
        photo = cls.__table__()
        cursor = Transaction().connection.cursor()
        result = {}
        if not company_ids:
            return result
        cursor.execute(*photo.select(photo.company,
                Sum(Coalesce(photo.size, 0)),
                where=photo.company.in_(list(company_ids))
                & (photo.purged != True),  # noqa: E712
                group_by=[photo.company]))
        for company, used in cursor:
            result[company] = int(used or 0)
        return result

    @classmethod
    def _process(cls, values, company):
        "Check the upload by content and make the stored versions."
        pool = Pool()
        Configuration = pool.get('powder_coating.configuration')
        data = values.get('original')
        if not data:
            raise UserError(gettext('powder_coating.msg_photo_empty'))
        data = bytes(data)
        try:
            photo_processing.inspect(data, max_bytes=MAX_UPLOAD)
            watermark = None
            settings = Configuration.get(company)
            if settings and getattr(settings, 'photo_watermark', False):
                with without_check_access():
                    logo = company.portal_logo
                watermark = bytes(logo) if logo else None
            versions = photo_processing.variants(data, watermark=watermark)
        except photo_processing.PhotoError as error:
            params = dict(error.params)
            for key in ('size', 'max'):
                if key in params:
                    params[key] = '%.1f' % (params[key] / 1024 / 1024)
            raise UserError(gettext(
                    'powder_coating.msg_photo_' + error.code, **params))
        values['image'] = versions['webp']
        values['large'] = versions['large']
        values['medium'] = versions['medium']
        values['thumbnail'] = versions['thumbnail']
        values['size'] = len(data) + sum(len(v) for v in versions.values())

    @classmethod
    def create(cls, vlist):
        pool = Pool()
        Project = pool.get('powder_coating.project')
        vlist = stamped(vlist, user='taken_by')
        for values in vlist:
            project = Project(values['project'])
            values.setdefault('company', project.company.id)
            cls._process(values, project.company)
        photos = super().create(vlist)
        cls._audit_added(photos)
        cls.check_quota(list({p.company for p in photos}))
        return photos

    @classmethod
    def add(cls, project, part, kind, data, annotation=None, uuid=None):
        "Store a photo taken of `part` (or of the whole `project`)."
        photo, = cls.create([{
                    'project': project.id,
                    'part': part.id if part else None,
                    'kind': kind,
                    'original': data,
                    'annotation': annotation,
                    'uuid': uuid,
                    }])
        return photo

    @classmethod
    def write(cls, *args):
        actions = iter(args)
        for photos, values in zip(actions, actions):
            if set(values) - {'annotation'} and not Transaction().context.get(
                    '_photo_purge'):
                raise AccessError(gettext('powder_coating.msg_photo_fixed'))
        super().write(*args)

    @classmethod
    def delete(cls, photos):
        # Traceability: photos go only with their project, or by the purge
        # (which empties them and keeps the record).
        if Transaction().user != 0 or Transaction().check_access:
            raise AccessError(gettext('powder_coating.msg_photo_no_delete'))
        super().delete(photos)

    @classmethod
    def _audit_added(cls, photos):
        AuditLog = Pool().get('saas.audit.log')
        AuditLog.log([{
                    'company': p.company.id,
                    'model': 'powder_coating.project',
                    'record_id': p.project.id,
                    'action': 'button',
                    'field': 'photo_added',
                    'field_string': p.rec_name,
                    'old_value': '',
                    'new_value': '%s (%d Ko)' % (
                        p.rec_name, (p.size or 0) // 1024),
                    } for p in photos])

    @classmethod
    def check_quota(cls, companies, today=None):
        """Warn the owner from 80 % of the quota (once a week at most);
        from 90 %, purge the photos of the oldest projects down to 80 %
        and tell the owner what was removed."""
        pool = Pool()
        Date = pool.get('ir.date')
        Company = pool.get('company.company')
        if today is None:
            today = Date.today()
        purged = []
        with without_check_access():
            companies = Company.browse([int(c) for c in companies])
            usage = cls.usage([c.id for c in companies])
            for company in companies:
                used, quota = usage.get(company.id, 0), company.photo_quota
                level = photo_processing.quota_level(used, quota)
                if level == 'purge':
                    purged.extend(cls.purge(company, used, quota))
                elif level == 'warn' and (not company.photo_quota_warned
                        or company.photo_quota_warned
                        <= today - dt.timedelta(days=7)):
                    cls.tell_owners(company,
                        gettext('powder_coating.msg_photo_quota_warn_subject'),
                        gettext('powder_coating.msg_photo_quota_warn_body',
                            percent='%d' % (100 * used / quota),
                            used='%.2f' % (used / GB),
                            quota='%g' % (quota / GB)))
                    Company.write([company], {'photo_quota_warned': today})
        return purged

    @classmethod
    def purge(cls, company, used, quota):
        "Empty the photos of the oldest projects; keep records and log."
        pool = Pool()
        AuditLog = pool.get('saas.audit.log')
        photos = cls.search([
                ('company', '=', company.id),
                ('purged', '=', False),
                ])
        plan = photo_processing.purge_plan(used, quota, [
                (p.id, p.project.id, p.project.create_date, p.size or 0)
                for p in photos])
        if not plan:
            return []
        chosen = cls.browse(plan)
        now = dt.datetime.now()
        with Transaction().set_context(_photo_purge=True):
            cls.write(chosen, {
                    'original': None, 'image': None, 'large': None,
                    'medium': None, 'thumbnail': None,
                    'purged': True, 'purged_date': now,
                    })
        projects = {}
        for photo in chosen:
            projects.setdefault(photo.project, []).append(photo)
        AuditLog.log([{
                    'company': company.id,
                    'model': 'powder_coating.project',
                    'record_id': project.id,
                    'action': 'button',
                    'field': 'photo_purged',
                    'field_string': 'photo_purged',
                    'old_value': str(len(items)),
                    'new_value': '',
                    } for project, items in projects.items()])
        lines = '\n'.join('- %s : %d' % (project.rec_name, len(items))
            for project, items in projects.items())
        cls.tell_owners(company,
            gettext('powder_coating.msg_photo_purged_subject'),
            gettext('powder_coating.msg_photo_purged_body',
                count=len(chosen), projects=lines,
                quota='%g' % (quota / GB)))
        return chosen

    @classmethod
    def tell_owners(cls, company, subject, body):
        "An email to the workshop's owners, through the outbox."
        Email = Pool().get('connector.email')
        return Email.tell_owners(company, subject, body)
