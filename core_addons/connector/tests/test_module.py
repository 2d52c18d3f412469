# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
import datetime as dt
import importlib
import os
import shutil
import subprocess
import sys
import tempfile
from email.message import EmailMessage

import trytond.config as config
from trytond.model.exceptions import AccessError
from trytond.modules.company.tests import (
    CompanyTestMixin, create_company, set_company)
from trytond.modules.connector import hub
from trytond.modules.connector.email_ import retry_delay
from trytond.pool import Pool
from trytond.pyson import PYSONEncoder
from trytond.tests.test_tryton import ModuleTestCase, with_transaction
from trytond.transaction import Transaction

from .tools import SMTPSink, free_port, run_queued_tasks

PARTNER = os.path.join(os.path.dirname(__file__), 'partner_connector')


def message(subject, to='client@example.com'):
    msg = EmailMessage()
    msg['To'] = to
    msg['Subject'] = subject
    msg.set_content("Bonjour,\nvos pièces sont prêtes.")
    return msg


def set_provider(company, provider, **credentials):
    pool = Pool()
    Setting = pool.get('connector.setting')
    setting, = Setting.create([{
                'company': company.id,
                'capability': 'email',
                'provider': provider,
                'credentials': [('create', [
                            {'key': k, 'value': str(v)}
                            for k, v in credentials.items()])],
                }])
    return setting


def create_owner(company, login):
    pool = Pool()
    User = pool.get('res.user')
    ModelData = pool.get('ir.model.data')
    owner, = User.create([{
                'name': login, 'login': login,
                'companies': [('add', [company.id])],
                'company': company.id,
                'groups': [('add', [
                            ModelData.get_id('saas', 'group_owner')])],
                }])
    return owner


class ConnectorTestCase(CompanyTestMixin, ModuleTestCase):
    "Test Connector module"
    module = 'connector'

    def test_hub_providers(self):
        "The built-in email providers are offered, the outbox by default"
        names = [p.name for p in hub.providers('email')]
        self.assertEqual(names[:2], ['outbox', 'smtp'])
        self.assertEqual(hub.offline_provider('email').name, 'outbox')
        self.assertEqual(
            hub.provider('email', 'smtp').credentials,
            ('host', 'port', 'user', 'password', 'starttls'))

    def test_retry_delay(self):
        "Retries wait longer and longer, at most two hours"
        self.assertEqual(retry_delay(1), dt.timedelta(minutes=2))
        self.assertEqual(retry_delay(3), dt.timedelta(minutes=8))
        self.assertEqual(retry_delay(20), dt.timedelta(hours=2))

    @with_transaction()
    def test_outbox_send(self):
        "Without setting, an email goes to the offline outbox, sent"
        pool = Pool()
        Email = pool.get('connector.email')
        company = create_company()
        with set_company(company):
            email, = Email.queue(company, [message("Devis 42")])
            self.assertEqual(email.state, 'queued')
            run_queued_tasks()
            email = Email(email.id)
            self.assertEqual(email.state, 'sent')
            self.assertEqual(email.provider, 'outbox')
            self.assertEqual(email.subject, "Devis 42")
            self.assertEqual(email.to, 'client@example.com')
            self.assertIn("vos pièces sont prêtes", email.body)
            self.assertTrue(email.message_id.startswith('<'))
            self.assertEqual(
                email.get_message()['Message-ID'], email.message_id)

    @with_transaction()
    def test_outbox_direct_call(self):
        "A message sent through the hub directly is kept in the outbox"
        pool = Pool()
        Email = pool.get('connector.email')
        company = create_company()
        with set_company(company):
            message_id = hub.call(
                'email', 'atelier_send_email', company=company,
                message=message("Facture"))
            email, = Email.search([])
            self.assertEqual(email.message_id, message_id)
            self.assertEqual(email.state, 'sent')
            self.assertEqual(email.company, company)

    @with_transaction()
    def test_smtp_send(self):
        "The SMTP provider delivers to a real SMTP server"
        pool = Pool()
        Email = pool.get('connector.email')
        company = create_company()
        with set_company(company), SMTPSink() as sink:
            set_provider(company, 'smtp', host='127.0.0.1', port=sink.port)
            email, = Email.queue(company, [message("Rendez-vous")])
            run_queued_tasks()
            email = Email(email.id)
            self.assertEqual(email.state, 'sent')
            self.assertEqual(email.provider, 'smtp')
            received, = sink.messages
            self.assertEqual(received['Subject'], "Rendez-vous")
            self.assertEqual(received['Message-ID'], email.message_id)
            self.assertIn("vos pièces sont prêtes", received.get_content())

    @with_transaction()
    def test_smtp_outage(self):
        "Emails queued while the SMTP server is down are sent once it is up"
        pool = Pool()
        Email = pool.get('connector.email')
        company = create_company()
        port = free_port()
        with set_company(company):
            set_provider(company, 'smtp', host='127.0.0.1', port=port)
            emails = Email.queue(
                company, [message("Premier"), message("Second")])
            run_queued_tasks()
            emails = Email.browse(emails)
            for email in emails:
                self.assertEqual(email.state, 'queued')
                self.assertEqual(email.attempts, 1)
                self.assertIn("SMTP 127.0.0.1:%s" % port, email.error)
                self.assertIn("cannot be reached", email.error)
                self.assertGreater(email.next_attempt_at, dt.datetime.now())

            with SMTPSink(port) as sink:
                # Not due yet: the cron leaves them alone.
                Email.retry_queued()
                self.assertEqual(sink.messages, [])
                # Time passes.
                Email.write(emails, {
                        'next_attempt_at': (
                            dt.datetime.now() - dt.timedelta(seconds=1))})
                Email.retry_queued()
                Email.retry_queued()
                Email.deliver(emails)  # a late queue task: nothing more
                self.assertEqual(
                    sorted(m['Subject'] for m in sink.messages),
                    ["Premier", "Second"])
            for email in Email.browse(emails):
                self.assertEqual(email.state, 'sent')
                self.assertIsNone(email.error)
                self.assertEqual(email.attempts, 1)

    @with_transaction()
    def test_smtp_refused(self):
        "A recipient the server refuses fails the email without retry"
        pool = Pool()
        Email = pool.get('connector.email')
        company = create_company()

        class Refusing(SMTPSink):
            async def handle_RCPT(self, server, session, envelope, address,
                    options):
                return '550 No such user'

        with set_company(company), Refusing() as sink:
            set_provider(company, 'smtp', host='127.0.0.1', port=sink.port)
            email, = Email.queue(company, [message("Perdu")])
            run_queued_tasks()
            email = Email(email.id)
            self.assertEqual(email.state, 'failed')
            self.assertIn("refused", email.error)

    @with_transaction()
    def test_welcome_email(self):
        "A new owner's welcome email goes through the outbox of the workshop"
        pool = Pool()
        User = pool.get('res.user')
        Email = pool.get('connector.email')
        company = create_company(name="Durand")
        owner = create_owner(company, 'owner.durand')
        owner.email = 'paul@durand.example'
        owner.save()
        with set_company(company), SMTPSink() as sink:
            User.send_welcome_email([owner])
            email, = Email.search([])
            self.assertEqual(email.company, company)
            self.assertEqual(email.to, 'paul@durand.example')
            self.assertEqual(email.state, 'queued')
            self.assertTrue(email.platform)
            self.assertEqual(sink.messages, [])  # nothing sent directly
            run_queued_tasks()
            email = Email(email.id)
            self.assertEqual(email.state, 'sent')
            self.assertEqual(email.provider, 'platform')
            received, = sink.messages
        self.assertEqual(received['Subject'], "Welcome to Atelier")
        self.assertEqual(received['Message-ID'], email.message_id)
        html = received.get_body(('html',)).get_content()
        self.assertIn('owner.durand', html)
        self.assertIn(User(owner.id).password_reset, html)

    @with_transaction()
    def test_welcome_email_smtp_down(self):
        "A welcome email queued while the mail server is down is not lost"
        pool = Pool()
        User = pool.get('res.user')
        Email = pool.get('connector.email')
        company = create_company(name="Durand")
        owner = create_owner(company, 'owner.durand')
        owner.email = 'paul@durand.example'
        owner.save()
        port = free_port()
        uri = config.get('email', 'uri')
        config.set('email', 'uri', 'smtp://127.0.0.1:%s' % port)
        try:
            with set_company(company):
                User.send_welcome_email([owner])
            run_queued_tasks()
            email, = Email.search([])
            self.assertEqual(email.state, 'queued')
            self.assertEqual(email.attempts, 1)
            self.assertIn("SMTP 127.0.0.1:%s" % port, email.error)
            with SMTPSink(port) as sink:
                Email.write([email], {
                        'next_attempt_at': (
                            dt.datetime.now() - dt.timedelta(seconds=1))})
                Email.retry_queued()
                received, = sink.messages
        finally:
            config.set('email', 'uri', uri)
        self.assertEqual(received['To'], 'paul@durand.example')
        self.assertEqual(Email(email.id).state, 'sent')

    @with_transaction()
    def test_powder_catalogue_setting(self):
        "The powder catalogue is a capability: demo by default, or PrestaShop"
        pool = Pool()
        Setting = pool.get('connector.setting')
        company = create_company()
        self.assertIn(
            ('powder_catalogue', "Powder Catalogue"),
            Setting.fields_get(['capability'])['capability']['selection'])
        with set_company(company):
            powder = hub.call(
                'powder_catalogue', 'atelier_lookup_powder',
                company=company, reference='TP-9010-MA')
            self.assertEqual(powder['ral'], 'RAL 9010')
            self.assertEqual(powder['finish'], 'matt')

            setting = Setting()
            setting.capability = 'powder_catalogue'
            setting.on_change_capability()
            self.assertEqual(setting.provider, 'thermopoudre_demo')
            providers = dict(setting.get_providers())
            self.assertEqual(
                providers['thermopoudre_demo'],
                "Thermopoudre (demo catalogue, offline)")
            self.assertIn('prestashop', providers)
            setting.provider = 'prestashop'
            setting.on_change_provider()
            self.assertEqual(
                [c.key for c in setting.credentials], ['base_url', 'ws_key'])

    @with_transaction()
    def test_unique_setting(self):
        "A workshop has one provider per capability"
        company = create_company()
        set_provider(company, 'outbox')
        with self.assertRaises(Exception):
            set_provider(company, 'smtp', host='localhost')

    @with_transaction()
    def test_credentials_follow_provider(self):
        "Choosing SMTP lists its credentials, owned by the workshop"
        pool = Pool()
        Setting = pool.get('connector.setting')
        company = create_company()
        with set_company(company):
            setting = Setting()
            setting.capability = 'email'
            setting.on_change_capability()
            self.assertEqual(setting.provider, 'outbox')
            self.assertEqual(list(setting.credentials), [])
            setting.provider = 'smtp'
            setting.on_change_provider()
            self.assertEqual(
                [c.key for c in setting.credentials],
                ['host', 'port', 'user', 'password', 'starttls'])
            for credential in setting.credentials:
                credential.value = 'x'
            setting.save()
            self.assertEqual(
                {c.company for c in setting.credentials}, {company})

    @with_transaction()
    def test_tenant_isolation(self):
        "A workshop never reads another's settings, credentials or emails"
        pool = Pool()
        Setting = pool.get('connector.setting')
        Credential = pool.get('connector.credential')
        Email = pool.get('connector.email')
        durand = create_company(name="Durand")
        martin = create_company(name="Martin")
        records = {}
        for company in [durand, martin]:
            with set_company(company):
                setting = set_provider(
                    company, 'smtp', host='smtp.%s.example' % company.id,
                    password='secret-%s' % company.id)
                email, = Email.queue(company, [message("Devis")])
                records[company] = (setting, setting.credentials, email)
        owner = create_owner(durand, 'owner.durand')
        Transaction().tasks.clear()

        with Transaction().set_user(owner.id), \
                Transaction().set_context(
                    _check_access=True, company=durand.id,
                    companies=[durand.id]):
            self.assertEqual(Setting.search([]), [records[durand][0]])
            self.assertEqual(
                set(Credential.search([])), set(records[durand][1]))
            self.assertEqual(Email.search([]), [records[durand][2]])
            setting, credentials, email = records[martin]
            for Model, record in [
                    (Setting, setting),
                    (Credential, credentials[0]),
                    (Email, email)]:
                with self.assertRaises(AccessError):
                    Model.read([record.id], ['company'])
            secrets = Credential.search_read([], fields_names=['value'])
            self.assertNotIn(
                'secret-%s' % martin.id, {s['value'] for s in secrets})

    @with_transaction()
    def test_mjml_template(self):
        "An MJML email template is rendered to HTML and queued"
        pool = Pool()
        Template = pool.get('ir.email.template')
        IrModel = pool.get('ir.model')
        Email = pool.get('connector.email')
        company = create_company(name="Durand")
        model, = IrModel.search([('name', '=', 'company.company')])
        template, = Template.create([{
                    'model': model.id,
                    'name': "Greeting",
                    'recipients_pyson': PYSONEncoder().encode(
                        ['client@example.com']),
                    'subject': "Bonjour de ${record.rec_name}",
                    'body': (
                        '<mjml><mj-body><mj-section><mj-column>'
                        '<mj-text>Atelier ${record.rec_name}</mj-text>'
                        '</mj-column></mj-section></mj-body></mjml>'),
                    }])
        with set_company(company):
            email = Email.queue_template(template, company)
            run_queued_tasks()
            email = Email(email.id)
        self.assertEqual(email.state, 'sent')
        self.assertEqual(email.subject, "Bonjour de Durand")
        self.assertEqual(email.to, 'client@example.com')
        html = email.get_message().get_body(('html',)).get_content()
        self.assertIn('<html', html)
        self.assertNotIn('<mjml', html)
        self.assertIn("Atelier Durand", html)
        self.assertIn("Atelier Durand", email.body)

    @with_transaction()
    def test_partner_connector(self):
        "A partner's pip package adds a provider through its entry point"
        pool = Pool()
        Setting = pool.get('connector.setting')
        Email = pool.get('connector.email')
        company = create_company()
        with tempfile.TemporaryDirectory() as tmp:
            # pip builds in the source folder: build a copy.
            source = shutil.copytree(PARTNER, os.path.join(tmp, 'partner'))
            target = os.path.join(tmp, 'site-packages')
            subprocess.run([
                    sys.executable, '-m', 'pip', 'install', '--quiet',
                    '--no-deps', '--no-index', '--no-build-isolation',
                    '--target', target, source],
                check=True, capture_output=True)
            sys.path.insert(0, target)
            importlib.invalidate_caches()
            hub.plugin_manager.cache_clear()
            try:
                self.assertIn(
                    'partner_mail', [p.name for p in hub.providers('email')])
                setting = Setting(capability='email')
                self.assertIn(
                    ('partner_mail', "Partner Mail (example)"),
                    setting.get_providers())
                setting.provider = 'partner_mail'
                setting.on_change_provider()
                self.assertEqual(
                    [c.key for c in setting.credentials], ['api_key'])
                with set_company(company):
                    setting.company = company
                    setting.credentials[0].value = 'key-123'
                    setting.save()
                    email, = Email.queue(company, [message("Via partner")])
                    run_queued_tasks()
                email = Email(email.id)
                self.assertEqual(email.state, 'sent')
                self.assertEqual(email.provider, 'partner_mail')
                partner = sys.modules['atelier_partner_mail']
                self.assertEqual(partner.SENT, [('key-123', "Via partner")])
            finally:
                sys.path.remove(target)
                sys.modules.pop('atelier_partner_mail', None)
                hub.plugin_manager.cache_clear()
        self.assertNotIn(
            'partner_mail', [p.name for p in hub.providers('email')])


del ModuleTestCase
