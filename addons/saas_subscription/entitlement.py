# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""What a workshop's subscription lets its users do, enforced in one place:
Tryton's model access check (`ir.model.access`), which every RPC call,
menu, wizard, report and export goes through.

For a user acting in a workshop (the context's company, access checked,
not root, not the publisher's group):

- a model a feature covers (`saas.feature-ir.model`) is neither readable
  nor writable when the workshop has none of the features covering it:
  its menus disappear and its calls get a message naming the feature
  (only for a workshop with a subscription: a company without any, such
  as the publisher or a workshop made before subscriptions, is not held
  to a plan);
- when the workshop is read-only (`read_only_state`), its tenant-owned
  models can be read and exported, not created, changed or deleted.
  Tenant-owned: a `company` Many2One to `company.company`
  (TenantOwnedMixin and Tryton's company models) or TenantChildMixin
  (a party's addresses...). The models the owner needs to get out of it
  stay writable: `EXEMPT_PREFIXES` (the subscription, its payments, the
  users' preferences and Tryton's own `ir.*` records).

Routes running as root ask `company.check_writable(model)` instead."""
from trytond.cache import Cache
from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.model.exceptions import AccessError
from trytond.modules.saas.tenant import TenantChildMixin
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access

from .subscription import READ_ONLY_STATES

# Models a read-only workshop still writes: to pay, choose a plan, log in.
EXEMPT_PREFIXES = (
    'ir.', 'res.', 'saas.subscription', 'account.payment',
    'saas.company.feature', 'saas.audit.log', 'connector.email')
WRITE_MODES = {'write', 'create', 'delete'}
# The subscription's fields whose change changes what the workshop may do.
STATE_FIELDS = {'state', 'plan', 'options', 'company'}

_read_only_cache = Cache('saas_subscription.read_only', context=False)


def read_only_state(states):
    """The subscription state that makes a workshop read-only, or None.

    A suspended subscription (an unpaid invoice) locks the workshop; an
    ended trial or a cancellation locks it only when it has no other
    live subscription (a cancelled second software does not)."""
    states = set(states)
    if 'suspended' in states:
        return 'suspended'
    if states and states <= READ_ONLY_STATES:
        return 'expired' if 'expired' in states else 'cancelled'
    return None


def missing_features(covering, enabled):
    """The features covering a model the workshop cannot use: all of them
    when none is enabled, else none (one feature is enough)."""
    covering = list(covering)
    if not covering or set(covering) & set(enabled):
        return []
    return covering


def is_tenant_owned(Model):
    "Whether the records of `Model` belong to a workshop."
    if issubclass(Model, TenantChildMixin):
        return True
    field = Model._fields.get('company')
    return (isinstance(field, fields.Field)
        and field._type == 'many2one'
        and getattr(field, 'model_name', None) == 'company.company')


def clear_caches():
    """Forget the workshops' states and the views built for them (a view
    leaves out the fields of the models a workshop cannot read, and the
    views are cached per context, so per company)."""
    _read_only_cache.clear()
    ModelView._fields_view_get_cache.clear()


def is_exempt(model_name):
    return model_name.startswith(EXEMPT_PREFIXES)


def workshop_standing(company_id):
    """(subscribed, read-only state or None) of the workshop (cached).
    A company without any subscription (the publisher, a workshop made
    before subscriptions existed) is not held to a plan."""
    standing = _read_only_cache.get(company_id)
    if standing is None:
        Subscription = Pool().get('saas.subscription')
        with without_check_access():
            subscriptions = Subscription.search([
                    ('company', '=', company_id),
                    ])
            standing = (bool(subscriptions),
                read_only_state(s.state for s in subscriptions))
        _read_only_cache.set(company_id, standing)
    return standing


def workshop_read_only(company_id):
    "The state making the workshop read-only, or None."
    return workshop_standing(company_id)[1]


def acting_workshop():
    """The id of the workshop whose rules apply to the current call, or
    None: root, unchecked calls and the publisher are never limited."""
    pool = Pool()
    User = pool.get('res.user')
    ModelData = pool.get('ir.model.data')
    transaction = Transaction()
    if not transaction.check_access:
        return None
    company = transaction.context.get('company')
    if not company:
        return None
    with without_check_access():
        if ModelData.get_id('saas', 'group_publisher') in User.get_groups():
            return None
    return company


def refusal(company_id, model_name, mode):
    """Why `company_id` may not use `model_name` in `mode`: ('feature',
    feature code), ('read_only', state) or None."""
    pool = Pool()
    FeatureModel = pool.get('saas.feature-ir.model')
    Feature = pool.get('saas.feature')
    covering = FeatureModel.covered().get(model_name)
    if covering and workshop_standing(company_id)[0]:
        enabled = [c for c in covering if Feature.is_enabled(c, company_id)]
        missing = missing_features(covering, enabled)
        if missing:
            return ('feature', missing[0])
    if mode in WRITE_MODES and not is_exempt(model_name):
        Model = pool.get(model_name)
        if is_tenant_owned(Model):
            state = workshop_read_only(company_id)
            if state:
                return ('read_only', state)
    return None


def refusal_message(reason):
    "The translated message saying what is refused and what to do."
    kind, value = reason
    if kind == 'feature':
        Feature = Pool().get('saas.feature')
        with without_check_access():
            feature, = Feature.search([('code', '=', value)], limit=1)
            name = feature.name
        return gettext('saas_subscription.msg_feature_not_in_plan',
            feature=name)
    return gettext('saas_subscription.msg_read_only_%s' % value)


class ModelAccess(metaclass=PoolMeta):
    __name__ = 'ir.model.access'

    @classmethod
    def get_access(cls, models):
        access = super().get_access(models)
        company = acting_workshop()
        if company is None:
            return access
        result = {}
        for model, perms in access.items():
            perms = dict(perms)
            for mode, allowed in perms.items():
                if allowed and refusal(company, model, mode):
                    perms[mode] = False
            result[model] = perms
        return result

    @classmethod
    def check(cls, model_name, mode='read', raise_exception=True):
        company = acting_workshop()
        if company is not None:
            reason = refusal(company, model_name, mode)
            if reason:
                if raise_exception:
                    raise AccessError(refusal_message(reason))
                return False
        return super().check(
            model_name, mode=mode, raise_exception=raise_exception)


class Company(metaclass=PoolMeta):
    __name__ = 'company.company'

    def check_writable(self, model=None):
        """Refuse a model of a feature the workshop lacks, and anything
        while the workshop is read-only."""
        super().check_writable(model=model)
        reason = refusal(self.id, model, 'read') if model else None
        if not reason:
            state = workshop_read_only(self.id)
            reason = ('read_only', state) if state else None
        if reason:
            raise AccessError(refusal_message(reason))


class Subscription(metaclass=PoolMeta):
    __name__ = 'saas.subscription'

    @classmethod
    def create(cls, vlist):
        clear_caches()
        return super().create(vlist)

    @classmethod
    def write(cls, *args):
        if any(STATE_FIELDS & set(values) for values in args[1::2]):
            clear_caches()
        super().write(*args)

    @classmethod
    def delete(cls, subscriptions):
        clear_caches()
        super().delete(subscriptions)


class CompanyFeature(metaclass=PoolMeta):
    "A feature switched on or off changes what the workshop's views show."
    __name__ = 'saas.company.feature'

    @classmethod
    def create(cls, vlist):
        clear_caches()
        return super().create(vlist)

    @classmethod
    def write(cls, *args):
        clear_caches()
        super().write(*args)

    @classmethod
    def delete(cls, settings):
        clear_caches()
        super().delete(settings)
