# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The workshops' storage on the publisher's list of subscriptions: used,
quota, share used and the alert reached, the quota changed from there.

What counts is the storage of the business addons (the photos of
powder_coating): without them the columns stay empty. The publisher is
emailed once when a workshop crosses 80 % of its quota and once when it
crosses 90 % (the thresholds of powder_coating, which tells the owner and
purges old photos from 90 %)."""
from email.message import EmailMessage

from trytond.i18n import gettext
from trytond.model import fields
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval, Id
from trytond.transaction import Transaction, without_check_access

ALERTS = [
    (None, ""),
    ('warn', "80 % reached"),
    ('purge', "90 % reached"),
    ]
# The threshold of each alert, in percent.
ALERT_PERCENT = {'warn': 80, 'purge': 90}


def next_alert(level, sent):
    """The alert to send for the usage `level` ('ok', 'warn', 'purge') when
    `sent` was the last one sent, and the alert to remember: (to_send,
    remembered). Back under 80 % forgets; a crossing is told once."""
    if level not in ALERT_PERCENT:
        return None, None
    if level == sent or (level == 'warn' and sent == 'purge'):
        # Purged back under 90 %: the next crossing of 90 % is told again.
        return None, level
    return level, level


def tell_publisher(subject, body):
    """A plain-text email to the publisher's users who have an email,
    through the outbox (Atelier's mail server); None without any."""
    pool = Pool()
    User = pool.get('res.user')
    ModelData = pool.get('ir.model.data')
    Email = pool.get('connector.email')
    Configuration = pool.get('saas.subscription.configuration')
    group = ModelData.get_id('saas', 'group_publisher')
    with without_check_access():
        users = User.search([
                ('groups', '=', group),
                ('email', '!=', None),
                ], order=[('id', 'ASC')])
        addresses = [u.email for u in users if u.email]
        company = Configuration.get_publisher() or next(
            (u.company for u in users if u.company), None)
    if not addresses or not company:
        return None
    message = EmailMessage()
    message['To'] = ', '.join(addresses)
    message['Subject'] = subject
    message.set_content(body)
    with without_check_access():
        return Email.queue(company, [message], platform=True)


class Subscription(metaclass=PoolMeta):
    __name__ = 'saas.subscription'

    storage_used = fields.Function(fields.Float("Storage Used (GB)",
            digits=(16, 2),
            help="What the workshop's files (photos) take."),
        'get_storage')
    storage_quota = fields.Function(fields.Float("Storage Quota (GB)",
            readonly=True,
            help="The storage the workshop may use; the publisher changes "
            "it here (the owners are told)."),
        'get_storage', setter='set_storage_quota')
    storage_percent = fields.Function(fields.Float("Storage Used (%)",
            digits=(16, 1)),
        'get_storage', searcher='search_storage_percent')
    storage_alert = fields.Function(fields.Selection(ALERTS,
            "Storage Alert",
            help="The storage threshold the workshop crossed (the "
            "publisher was emailed)."), 'get_storage')

    @classmethod
    def storage_of(cls, companies):
        """{company id: (used GB, quota GB, alert)} of `companies`, filled
        by the addons that store files; empty without them."""
        return {}

    @classmethod
    def get_storage(cls, subscriptions, names):
        storage = cls.storage_of({s.company for s in subscriptions})
        result = {n: {} for n in names}
        for subscription in subscriptions:
            used, quota, alert = storage.get(
                subscription.company.id, (None, None, None))
            values = {
                'storage_used': used,
                'storage_quota': quota,
                'storage_percent': (round(100 * used / quota, 1)
                    if used is not None and quota else None),
                'storage_alert': alert,
                }
            for name in names:
                result[name][subscription.id] = values[name]
        return result

    @classmethod
    def set_storage_quota(cls, subscriptions, name, value):
        "Without an addon that stores files there is no quota to set."

    @classmethod
    def search_storage_percent(cls, name, clause):
        "The share used compared in Python: a few hundred workshops."
        _, operator, value = clause[:3]
        operators = {
            '>=': lambda a, b: a >= b, '>': lambda a, b: a > b,
            '<=': lambda a, b: a <= b, '<': lambda a, b: a < b,
            '=': lambda a, b: a == b, '!=': lambda a, b: a != b,
            }
        compare = operators.get(operator)
        if compare is None or value is None:
            return [('id', '=', -1)]
        with without_check_access():
            subscriptions = cls.search([])
            percents = cls.get_storage(subscriptions, ['storage_percent'])[
                'storage_percent']
        return [('id', 'in', [i for i, p in percents.items()
                    if p is not None and compare(p, value)])]


class SubscriptionPhoto(metaclass=PoolMeta):
    "The storage is powder_coating's photos when it is installed."
    __name__ = 'saas.subscription'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.storage_quota.readonly = False
        cls.storage_quota.states = {
            'readonly': ~Eval('context', {}).get('groups', []).contains(
                Id('saas', 'group_publisher')),
            }

    @classmethod
    def storage_of(cls, companies):
        pool = Pool()
        Photo = pool.get('powder_coating.photo')
        Company = pool.get('company.company')
        from trytond.modules.powder_coating.photo import GB
        result = super().storage_of(companies)
        with without_check_access():
            companies = Company.browse([int(c) for c in companies])
            usage = Photo.usage([c.id for c in companies])
            for company in companies:
                result[company.id] = (usage.get(company.id, 0) / GB,
                    company.photo_quota / GB, company.storage_alert)
        return result

    @classmethod
    def set_storage_quota(cls, subscriptions, name, value):
        "The publisher sets the photo quota (powder_coating audits it)."
        Company = Pool().get('company.company')
        companies = list({s.company for s in subscriptions})
        if value is None or value <= 0:
            return
        Company.write(companies, {'photo_quota_gb': value})
        Company.check_storage_alerts(companies)


class Company(metaclass=PoolMeta):
    __name__ = 'company.company'

    storage_alert = fields.Selection(ALERTS, "Storage Alert", readonly=True,
        help="The last storage threshold the publisher was told about.")

    @classmethod
    def check_storage_alerts(cls, companies):
        """Email the publisher when a workshop crosses 80 % then 90 % of
        its quota, once per crossing (powder_coating's thresholds)."""
        pool = Pool()
        Photo = pool.get('powder_coating.photo')
        from trytond.modules.powder_coating.photo import GB
        from trytond.modules.powder_coating.photo_processing import (
            quota_level)
        with without_check_access(), \
                Transaction().set_context(_check_access=False):
            companies = cls.browse([int(c) for c in companies])
            usage = Photo.usage([c.id for c in companies])
            for company in companies:
                used, quota = usage.get(company.id, 0), company.photo_quota
                to_send, remembered = next_alert(
                    quota_level(used, quota), company.storage_alert)
                if to_send:
                    tell_publisher(
                        gettext('saas_subscription.msg_storage_alert_subject',
                            workshop=company.rec_name,
                            percent=ALERT_PERCENT[to_send]),
                        gettext('saas_subscription.msg_storage_alert_body',
                            workshop=company.rec_name,
                            percent='%d' % (100 * used / quota),
                            used='%.2f' % (used / GB),
                            quota='%g' % (quota / GB)))
                if remembered != company.storage_alert:
                    cls.write([company], {'storage_alert': remembered})


class Photo(metaclass=PoolMeta):
    __name__ = 'powder_coating.photo'

    @classmethod
    def check_quota(cls, companies, today=None):
        # The level reached is told before powder_coating purges from 90 %.
        Company = Pool().get('company.company')
        Company.check_storage_alerts(companies)
        return super().check_quota(companies, today=today)
