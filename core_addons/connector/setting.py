# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
from email.message import EmailMessage

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Unique, fields
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction, without_check_access

from . import hub
from .exceptions import ConnectorError

CAPABILITIES = [
    ('email', "Email"),
    ('company_register', "Company Register"),
    ('vat', "VAT Number Check"),
    ('powder_catalogue', "Powder Catalogue"),
    ('archive_storage', "Archive Storage"),
    ('accounting_sync', "Accounting Sync"),
    ]

class Setting(ModelSQL, ModelView):
    "The provider a workshop chose for a capability, with its credentials."
    __name__ = 'connector.setting'

    company = fields.Many2One(
        'company.company', "Company", required=True, ondelete='CASCADE',
        help="The workshop this record belongs to; "
        "other workshops never see it.")
    capability = fields.Selection(
        CAPABILITIES, "Capability", required=True,
        help="The outside service this setting is for.")
    provider = fields.Selection(
        'get_providers', "Provider", required=True,
        help="Who does the work: the offline provider keeps everything "
        "inside Atelier, the others talk to a real service.")
    capability_string = capability.translated('capability')
    provider_string = provider.translated('provider')
    credentials = fields.One2Many(
        'connector.credential', 'setting', "Credentials",
        help="What the provider needs to connect: server, login, key...")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('company_capability_unique', Unique(t, t.company, t.capability),
                'connector.msg_setting_unique'),
            ]
        cls._buttons.update({
                'send_test_email': {
                    'invisible': Eval('capability') != 'email',
                    'depends': ['capability'],
                    },
                })

    @staticmethod
    def default_company():
        return Transaction().context.get('company')

    @staticmethod
    def default_capability():
        return 'email'

    @classmethod
    def default_provider(cls):
        provider = hub.offline_provider(cls.default_capability())
        return provider.name if provider else None

    @fields.depends('capability')
    def get_providers(self):
        return [(p.name, p.string) for p in hub.providers(
                    getattr(self, 'capability', None))]

    @fields.depends('capability', 'provider', 'credentials', 'company')
    def on_change_capability(self):
        provider = hub.offline_provider(self.capability)
        self.provider = provider.name if provider else None
        self.on_change_provider()

    @fields.depends('capability', 'provider', 'credentials', 'company')
    def on_change_provider(self):
        Credential = Pool().get('connector.credential')
        provider = hub.provider(self.capability, self.provider)
        keys = provider.credentials if provider else ()
        existing = {c.key: c for c in self.credentials or []}
        self.credentials = [
            existing.get(k) or Credential(key=k, company=self.company)
            for k in keys]

    def get_rec_name(self, name):
        return '%s: %s' % (
            self.capability_string, self.provider_string or self.provider)

    @property
    def credentials_dict(self):
        return {c.key: c.value for c in self.credentials}

    @classmethod
    def provider_for(cls, company, capability):
        """The provider name and credentials dict the workshop chose, or
        (None, {}). Runs unchecked: only the given company is read."""
        if company is None:
            return None, {}
        with without_check_access():
            settings = cls.search([
                    ('company', '=', int(company)),
                    ('capability', '=', capability),
                    ], limit=1)
            if not settings:
                return None, {}
            setting, = settings
            return setting.provider, setting.credentials_dict

    @classmethod
    @ModelView.button
    def send_test_email(cls, settings):
        "Queue a short email to the user, sent with the workshop's provider."
        pool = Pool()
        User = pool.get('res.user')
        Email = pool.get('connector.email')
        user = User(Transaction().user)
        for setting in settings:
            if not user.email:
                raise ConnectorError(gettext('connector.msg_user_no_email'))
            message = EmailMessage()
            message['To'] = user.email
            message['Subject'] = gettext('connector.msg_test_email_subject')
            message.set_content(gettext(
                    'connector.msg_test_email_body',
                    provider=setting.provider_string or setting.provider))
            Email.queue(setting.company, [message])

class Credential(ModelSQL, ModelView):
    "One value a provider needs (server, login, password, key...)."
    __name__ = 'connector.credential'

    setting = fields.Many2One(
        'connector.setting', "Setting", required=True, ondelete='CASCADE')
    company = fields.Many2One(
        'company.company', "Company", required=True, ondelete='CASCADE',
        readonly=True,
        help="The workshop this record belongs to; "
        "other workshops never see it.")
    key = fields.Char(
        "Name", required=True, help="What the provider calls this value.")
    value = fields.Char(
        "Value", help="Kept for this workshop only; shown masked.")

    @classmethod
    def preprocess_values(cls, mode, values):
        "The credential belongs to the workshop of its setting."
        Setting = Pool().get('connector.setting')
        values = super().preprocess_values(mode, values)
        if values.get('setting'):
            with without_check_access():
                values['company'] = Setting(values['setting']).company.id
        return values
