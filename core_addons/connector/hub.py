# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The pluggy hub: one hook specification per capability, implementations
found among the built-in providers and the `atelier.connectors` entry points."""
import functools
import importlib
import pkgutil
from dataclasses import dataclass

import pluggy

PROJECT = 'atelier'
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)
ENTRY_POINT_GROUP = 'atelier.connectors'


@dataclass(frozen=True)
class Provider:
    capability: str  # 'email', 'company_register', 'vat', 'review'...
    name: str  # unique per capability, e.g. 'smtp', 'outbox'
    label: str  # shown in the provider choice
    credentials: tuple = ()  # names of the credential fields
    offline: bool = False
    # the ir.message ('module.msg_id') translating the label, if any
    message: str = None

    @property
    def string(self):
        "The label in the user's language."
        from trytond.i18n import gettext
        from trytond.pool import Pool
        from trytond.transaction import Transaction
        if self.message and Transaction().database and Pool().ready:
            try:
                return gettext(self.message)
            except (KeyError, ValueError):
                pass  # the partner's module is not activated
        return self.label


class Specs:
    "The hooks a connector may implement."

    @hookspec
    def atelier_providers(self):
        "Return the list of Provider this plugin offers."

    @hookspec(firstresult=True)
    def atelier_send_email(self, provider, credentials, message):
        """Send email.message.EmailMessage `message` if `provider` is yours;
        return its Message-ID, else None."""

    @hookspec(firstresult=True)
    def atelier_lookup_company(self, provider, credentials, query):
        """If `provider` is yours: look up French companies by SIREN
        (9 digits), SIRET (14) or name; return a list of dicts with keys
        siren, siret, name, street, postal_code, city, naf, active, and
        vat_number when the provider knows it."""

    @hookspec(firstresult=True)
    def atelier_check_vat(self, provider, credentials, vat_number):
        """If `provider` is yours: return a dict with keys valid (bool),
        country_code, number, name, address."""

    @hookspec(firstresult=True)
    def atelier_lookup_powder(self, provider, credentials, reference):
        """If `provider` is yours: find the powder of the supplier's
        catalogue with the reference `reference`; return None if unknown,
        else a dict with keys brand, reference, name (str), powder_type
        (epoxy, polyester, epoxy_polyester, polyurethane, acrylic, primer
        or varnish), ral (e.g. 'RAL 7016'), finish (matt, satin, gloss,
        textured, metallic, sanded or hammered), specific_gravity
        (Decimal), thickness (int, micrometres), efficiency (Decimal
        fraction), cure_temperature (int, degrees Celsius), cure_minutes
        (int), price_per_kg (Decimal, EUR excl. VAT), formats (list of
        dicts with keys weight and tare, Decimal kg) and url (the product
        page); a value the catalogue does not give is None."""

    @hookspec(firstresult=True)
    def atelier_fetch_reviews(self, provider, credentials, place, since,
            asked):
        """If `provider` is yours: the reviews of the workshop's place
        `place` (a Google place id) written since datetime `since` (UTC),
        as a list of dicts with keys id, author, rating (1-5 or None),
        comment and created (naive UTC datetime). `asked` lists the
        (client name, asked at) the workshop expects reviews from: only an
        offline provider uses it, to simulate answers."""

    @hookspec(firstresult=True)
    def atelier_create_checkout(self, provider, credentials, amount,
            currency, description, reference, success_url, cancel_url,
            idempotency_key):
        """If `provider` is yours: open a hosted payment page for `amount`
        (Decimal) in `currency` (ISO code); return a dict with keys id and
        url. The same `idempotency_key` never charges twice."""

    @hookspec(firstresult=True)
    def atelier_parse_webhook(self, provider, credentials, payload, headers):
        """If `provider` is yours: check the signature of the webhook
        `payload` (bytes) with its `headers` and return the event dict
        (keys id, type, object); raise ConnectorError if it is not
        authentic."""

    @hookspec(firstresult=True)
    def atelier_archive_put(self, provider, credentials, key, data,
            retain_until):
        """If `provider` is yours: store `data` (bytes) under `key` (a
        relative "/"-separated path) once and for all, kept at least until
        the date `retain_until` (None: no retention asked); return its
        SHA-256 (hex). Never overwrite: raise ArchiveKeyExistsError
        (providers/archive.py) if `key` is taken."""

    @hookspec(firstresult=True)
    def atelier_archive_get(self, provider, credentials, key):
        """If `provider` is yours: the bytes stored under `key`; raise
        ArchiveKeyMissingError if there are none."""

    @hookspec(firstresult=True)
    def atelier_archive_list(self, provider, credentials, prefix):
        """If `provider` is yours: the sorted list of the keys stored
        under `prefix` (a key's start, e.g. "workshop-3/2026-10/")."""

    @hookspec(firstresult=True)
    def atelier_push_customer(self, provider, credentials, customer):
        """If `provider` is yours: find the customer whose external
        reference is customer['external_reference'] in the accounting
        software, else create it from `customer` (dict with keys
        external_reference, name, reg_no, vat_number, emails, phone,
        address, postal_code, city, country); return a dict with keys id
        and created (bool)."""

    @hookspec(firstresult=True)
    def atelier_push_invoice(self, provider, credentials, invoice,
            customer_id, pdf, filename):
        """If `provider` is yours: find the customer invoice numbered
        invoice['number'], else import it with its PDF `pdf` (bytes) named
        `filename` for the customer `customer_id`; `invoice` is a dict with
        keys number, external_reference, date, deadline, currency,
        amount_before_tax, tax, amount and lines (dicts with label,
        quantity, unit_price, amount_before_tax, tax, vat_rate as a
        fraction). Return a dict with keys id and created (bool); never
        creates the same invoice twice."""


def builtin_plugins():
    "The `plugin` object of every module of the providers package."
    from . import providers as package
    plugins = []
    for info in sorted(
            pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        module = importlib.import_module(
            '%s.%s' % (package.__name__, info.name))
        plugin = getattr(module, 'plugin', None)
        if plugin is not None:
            plugins.append(plugin)
    return plugins


@functools.lru_cache(maxsize=None)
def plugin_manager():
    """The plugin manager with the built-in providers and the installed
    partner connectors (cleared with plugin_manager.cache_clear())."""
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(Specs)
    for plugin in builtin_plugins():
        pm.register(plugin)
    pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
    return pm


def providers(capability=None):
    "The providers of all plugins, built-in first, for `capability` if given."
    pm = plugin_manager()
    result = []
    # pluggy calls the last registered first: reverse for registration order
    for offered in reversed(pm.hook.atelier_providers()):
        for provider in offered or []:
            if capability is None or provider.capability == capability:
                result.append(provider)
    return result


def provider(capability, name):
    "The Provider `name` of `capability` or None."
    for provider_ in providers(capability):
        if provider_.name == name:
            return provider_


def offline_provider(capability):
    "The first offline provider of `capability` (the default one)."
    for provider_ in providers(capability):
        if provider_.offline:
            return provider_


def call(capability, hook, company=None, **kwargs):
    """Call `hook` with the provider and credentials the tenant `company`
    (default: the context's company) chose for `capability`."""
    from trytond.pool import Pool
    from trytond.transaction import Transaction
    Setting = Pool().get('connector.setting')
    if company is None:
        company = Transaction().context.get('company')
    name, credentials = Setting.provider_for(company, capability)
    if name is None:
        default = offline_provider(capability)
        if default is None:
            raise LookupError(
                "No offline provider for capability %r" % capability)
        name = default.name
    with Transaction().set_context(company=int(company) if company else None):
        return getattr(plugin_manager().hook, hook)(
            provider=name, credentials=credentials, **kwargs)
