# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""A professional client pays a deposit by SEPA direct debit: signs the
mandate on the payment link's page, the workshop processes the payment
group (pain.008 message for the bank), the debit succeeds and pays the
link; a rejected debit leaves it payable; another workshop sees nothing."""
import datetime
import re
from decimal import Decimal

from lxml import etree

from trytond.modules.company.tests import create_company, set_company
from trytond.modules.powder_coating.sepa import (
    SepaSettingsError, clean_bic, clean_iban, collection_date,
    creditor_identifier, iban_with_check, mandate_form_errors)
from trytond.modules.powder_coating.demo import sepa as demo_sepa
from trytond.modules.powder_coating.tests.test_module import (
    create_powder, create_quote)
from trytond.modules.saas.tests.tools import create_workshop_user
from trytond.pool import Pool
from trytond.tests.test_tryton import DB_NAME, RouteTestCase
from trytond.transaction import Transaction, TransactionError

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
DURAND = "Thermolaquage Durand"
MARTIN = "Époxy Services Martin"
SLUGS = {DURAND: 'thermolaquage-durand', MARTIN: 'epoxy-services-martin'}
CLIENT_IBAN = 'FR7630006000011234567890189'
NS = {'p': 'urn:iso:std:iso:20022:tech:xsd:pain.008.001.02'}


class _Both:
    "Two context managers as one."
    def __init__(self, first, second):
        self.managers = [first, second]

    def __enter__(self):
        for manager in self.managers:
            manager.__enter__()

    def __exit__(self, *exc):
        for manager in reversed(self.managers):
            manager.__exit__(*exc)


class PowderCoatingSepaTestCase(RouteTestCase):
    "SEPA direct debit of payment links for professional clients"
    module = 'powder_coating'

    @classmethod
    def setUpDatabase(cls):
        pool = Pool()
        Quote = pool.get('powder_coating.quote')
        Party = pool.get('party.party')
        Configuration = pool.get('powder_coating.configuration')
        for name in [DURAND, MARTIN]:
            company = create_company(name=name)
            with set_company(company):
                settings = Configuration.get(company, create=True)
                settings.deposit_method = 'percentage'
                settings.deposit_percentage = Decimal(30)
                settings.save()
                powder = create_powder()
                professional = create_quote(company, powder)
                Party.write([professional.party], {
                        'name': "Garage Dupont SARL",
                        'identifiers': [('create', [{
                                        'type': 'fr_siren',
                                        'code': '732829320'}])],
                        })
                private = create_quote(company, powder)
                Party.write([private.party], {'name': "Mme Lefèvre"})
                Quote.send([professional, private])
                # The workshop's own party is the workshop's (as the New
                # workshop wizard does).
                Party.write([company.party], {'company': company.id})
                demo_sepa(company)  # the demo's IBAN and ICS
                create_workshop_user(company, f'compta.{name}',
                    'accounting', "Comptable")

    def url(self, path, workshop=DURAND):
        return f'/{DB_NAME}/portal/{SLUGS[workshop]}/{path}'

    def as_workshop(self, name=DURAND, **extras):
        transaction = Transaction().start(DB_NAME, 0, **extras)
        Company = Pool().get('company.company')
        company, = Company.search([('party.name', '=', name)])
        transaction.set_context(company=company.id)
        return transaction, company

    def open_link(self, name=DURAND, professional=True):
        "The workshop opens a deposit link; return its token and amount."
        transaction, company = self.as_workshop(name)
        with transaction:
            pool = Pool()
            Quote = pool.get('powder_coating.quote')
            Link = pool.get('powder_coating.payment.link')
            client = ("Garage Dupont SARL" if professional
                else "Mme Lefèvre")
            quote, = Quote.search([
                    ('company', '=', company.id),
                    ('party.name', '=', client)])
            deposit = quote.payment_figures()['deposit']
            link, token = Link.open_link(quote, 'deposit', deposit)
            transaction.commit()
        return token, link.id, deposit

    def debits(self, name=DURAND):
        "The mandates and SEPA payments of the workshop."
        transaction, company = self.as_workshop(name)
        with transaction:
            pool = Pool()
            Mandate = pool.get('account.payment.sepa.mandate')
            Payment = pool.get('account.payment')
            return (
                Mandate.search_count([('company', '=', company.id)]),
                Payment.search_count([
                        ('company', '=', company.id),
                        ('journal.process_method', '=', 'sepa')]))

    def accountant(self, name):
        "Act as the workshop's accountant, with the access rules."
        User = Pool().get('res.user')
        user, = User.search([('login', '=', f'compta.{name}')])
        transaction = Transaction()
        return _Both(transaction.set_user(user.id),
            transaction.set_context(_check_access=True))

    def process(self, name, payment_id):
        """The workshop's accountant presses *Process* on the payment (the
        button with the access rules, then the wizard as the server runs
        it); return the payment group (retried with the locks asked, as
        the server does)."""
        extras = {}
        while True:
            try:
                transaction, company = self.as_workshop(name, **extras)
                with transaction:
                    pool = Pool()
                    Payment = pool.get('account.payment')
                    Process = pool.get('account.payment.process',
                        type='wizard')
                    User = pool.get('res.user')
                    user, = User.search([('login', '=', f'compta.{name}')])
                    with transaction.set_user(user.id):
                        with transaction.set_context(_check_access=True):
                            Payment.process_wizard([Payment(payment_id)])
                        with transaction.set_context(
                                active_model='account.payment',
                                active_id=payment_id,
                                active_ids=[payment_id]):
                            session_id, _, _ = Process.create()
                            action, = Process.execute(session_id, {},
                                'process')['actions']
                    group_id, = action[1]['res_id']
                    transaction.commit()
                    return group_id
            except TransactionError as error:
                error.fix(extras)

    def form(self, client, token, workshop=DURAND, **data):
        page = client.get(self.url(f'pay/{token}/sepa', workshop))
        found = CSRF.search(page.text)
        if found:
            client.csrf = found.group(1)
        values = {
            'csrf_token': client.csrf,
            'holder': "Garage Dupont SARL",
            'iban': 'FR76 3000 6000 0112 3456 7890 189',
            'bic': 'agrifrpp',
            'scheme': 'B2B',
            'accept': 'on',
            }
        values.update(data)
        return client.post(self.url(f'pay/{token}/sepa', workshop),
            data={k: v for k, v in values.items() if v is not None})

    def test_form_checks(self):
        "IBAN, BIC and ICS are checked with their check digits"
        self.assertEqual(clean_iban('fr76 3000 6000 0112 3456 7890 189'),
            CLIENT_IBAN)
        self.assertIsNone(clean_iban('FR76 3000 6000 0112 3456 7890 188'))
        self.assertEqual(clean_bic(''), '')
        self.assertIsNone(clean_bic('AGRI'))
        self.assertEqual(creditor_identifier('FR', '123456'),
            'FR72ZZZ123456')
        self.assertEqual(iban_with_check('FR', '30006000011234567890189'),
            CLIENT_IBAN)
        # Debits are asked for the next business day.
        self.assertEqual(collection_date(datetime.date(2026, 11, 20)),
            datetime.date(2026, 11, 23))  # Friday: Monday
        self.assertEqual(collection_date(datetime.date(2026, 11, 23)),
            datetime.date(2026, 11, 24))
        # A valid IBAN outside the SEPA area (Brazil) cannot be debited.
        errors, _, _ = mandate_form_errors("Loja",
            'BR15 0000 0000 0000 1093 2840 814P 2', '', 'B2B', True)
        self.assertEqual(errors, ['msg_sepa_iban_not_sepa'])
        errors, _, _ = mandate_form_errors('', 'FR00', 'X', 'B2C', False)
        self.assertEqual(errors, ['msg_sepa_holder_required',
                'msg_sepa_iban_invalid', 'msg_sepa_bic_invalid',
                'msg_sepa_scheme_invalid', 'msg_sepa_accept_required'])

    def test_workshop_journal(self):
        "The SEPA journal debits on the workshop's IBAN, or says what lacks"
        transaction, company = self.as_workshop()
        with transaction:
            pool = Pool()
            Journal = pool.get('account.payment.journal')
            journal = Journal.for_method(company, 'sepa')
            self.assertEqual(journal.process_method, 'sepa')
            self.assertEqual(journal.sepa_receivable_flavor,
                'pain.008.001.02')
            self.assertEqual(journal.sepa_bank_account_number.number_compact,
                iban_with_check('FR', '30004000031234567890143'))
            self.assertEqual(journal.name, "Prélèvement SEPA")
            self.assertEqual(Journal.for_method(company, 'sepa'), journal)
            # A new workshop without IBAN nor ICS: a clear message, and
            # its other journals are created.
            other = create_company(name="Poudrage du Nord")
            with self.assertRaises(SepaSettingsError) as raised:
                Journal.for_method(other, 'sepa')
            self.assertIn('IBAN', raised.exception.message)
            self.assertIn('creditor identifier', raised.exception.message)
            # Its SEPA journal waits as a plain journal: nothing to debit.
            journals = Journal.create_workshop_journals(other)
            self.assertEqual(len(journals), 6)
            self.assertEqual({j.process_method for j in journals},
                {'manual'})
            transaction.rollback()

    def test_pay_page_offers_sepa_to_professionals(self):
        "Only a professional client is offered the SEPA mandate"
        client = self.client()
        token, _, _ = self.open_link(professional=True)
        page = client.get(self.url(f'pay/{token}'))
        self.assertEqual(page.status_code, 200)
        self.assertIn('id="pay-sepa"', page.text)
        page = client.get(self.url(f'pay/{token}/sepa'))
        self.assertEqual(page.status_code, 200)
        self.assertIn('FR72ZZZ123456', page.text)  # Durand's ICS
        self.assertIn('value="B2B" class="mt-0.5 h-4 w-4" checked',
            page.text)
        private, _, _ = self.open_link(professional=False)
        page = client.get(self.url(f'pay/{private}'))
        self.assertEqual(page.status_code, 200)
        self.assertNotIn('pay-sepa', page.text)
        self.assertEqual(client.get(
                self.url(f'pay/{private}/sepa')).status_code, 404)
        page = client.get(self.url(f'pay/{token}'))
        csrf = CSRF.search(page.text).group(1)
        response = client.post(self.url(f'pay/{private}/sepa'), data={
                'csrf_token': csrf, 'holder': "Mme Lefèvre",
                'iban': CLIENT_IBAN, 'scheme': 'CORE', 'accept': 'on'})
        self.assertEqual(response.status_code, 404)

    def test_bad_input_writes_nothing(self):
        "Invalid IBAN, box unchecked, no holder, no CSRF: a message only"
        token, _, _ = self.open_link(MARTIN)
        client = self.client()
        before = self.debits(MARTIN)
        response = self.form(client, token, MARTIN,
            iban='FR76 3000 6000 0112 3456 7890 188')
        self.assertEqual(response.status_code, 400)
        self.assertIn('This IBAN is not valid', response.text)
        response = self.form(client, token, MARTIN, accept=None)
        self.assertEqual(response.status_code, 400)
        self.assertIn('Tick the box', response.text)
        response = self.form(client, token, MARTIN, holder='  ')
        self.assertEqual(response.status_code, 400)
        self.assertIn('account holder', response.text)
        response = self.form(client, token, MARTIN, csrf_token='forged')
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self.debits(MARTIN), before)
        # Another workshop's address with this token: nothing at all.
        response = self.form(client, token, DURAND)
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.debits(MARTIN), before)

    def test_sign_collect_and_pay(self):
        "Mandate signed, payment group processed to pain.008, link paid"
        token, link_id, deposit = self.open_link(DURAND)
        client = self.client()
        others = self.debits(MARTIN)
        response = self.form(client, token)
        self.assertEqual(response.status_code, 303)
        done = client.get(response.headers['Location'])
        self.assertEqual(done.status_code, 200)
        self.assertIn('Direct debit planned', done.text)
        self.assertIn('FR76 •••• 0189', done.text)
        self.assertNotIn(CLIENT_IBAN, done.text)
        # The link cannot be paid twice: its page says the debit is planned.
        page = client.get(self.url(f'pay/{token}'))
        self.assertEqual(page.status_code, 410)
        self.assertIn('Direct debit planned', page.text)
        self.assertNotIn('pay-card', page.text)
        self.assertEqual(self.form(client, token).status_code, 410)
        self.assertEqual(self.debits(MARTIN), others)

        transaction, company = self.as_workshop()
        with transaction:
            Link = Pool().get('powder_coating.payment.link')
            link = Link(link_id)
            self.assertEqual(link.state, 'sepa')
            self.assertEqual(link.sepa_signer, "Garage Dupont SARL")
            self.assertTrue(link.sepa_signed_at)
            mandate, payment = link.sepa_mandate, link.sepa_payment
            self.assertEqual(mandate.state, 'validated')
            self.assertEqual(mandate.scheme, 'B2B')
            self.assertTrue(mandate.identification.startswith('RUM-'))
            self.assertIn(mandate.identification, done.text)
            self.assertEqual(mandate.party, link.party)
            self.assertEqual(mandate.account_number.number_compact,
                CLIENT_IBAN)
            self.assertEqual(mandate.account_number.account.bank.bic,
                'AGRIFRPP')
            self.assertEqual(payment.journal.coating_method, 'sepa')
            self.assertEqual(payment.state, 'submitted')
            self.assertEqual(payment.amount, deposit)
            self.assertEqual(payment.origin, link.quote)
            self.assertEqual(link.quote.payment_state, 'unpaid')
            mandate_id, payment_id = mandate.identification, payment.id
            transaction.commit()

        # The workshop processes the payments: a group and its message.
        group_id = self.process(DURAND, payment_id)
        transaction, company = self.as_workshop()
        with transaction:
            pool = Pool()
            Link = pool.get('powder_coating.payment.link')
            Group = pool.get('account.payment.group')
            group = Group(group_id)
            message, = group.sepa_messages
            xml = etree.fromstring(message.message)
            self.assertEqual(xml.findtext('.//p:MndtId', namespaces=NS),
                mandate_id)
            self.assertEqual(xml.findtext(
                    './/p:CdtrSchmeId/p:Id/p:PrvtId/p:Othr/p:Id',
                    namespaces=NS), 'FR72ZZZ123456')
            self.assertEqual(xml.findtext('.//p:DbtrAcct/p:Id/p:IBAN',
                    namespaces=NS), CLIENT_IBAN)
            self.assertEqual(Decimal(xml.findtext('.//p:InstdAmt',
                        namespaces=NS)), deposit)
            self.assertEqual(xml.findtext('.//p:LclInstrm/p:Cd',
                    namespaces=NS), 'B2B')
            self.assertEqual(xml.findtext('.//p:SeqTp', namespaces=NS),
                'FRST')

            # The bank debited the client: the accountant says so.
            with self.accountant(DURAND):
                Group.succeed([Group(group_id)])
            link = Link(link_id)
            self.assertEqual(link.state, 'paid')
            self.assertEqual(link.payment.id, payment_id)
            self.assertEqual(link.quote.payment_state, 'deposit')
            self.assertEqual(link.quote.paid_amount, deposit)
            transaction.commit()
        page = client.get(self.url(f'pay/{token}'))
        self.assertEqual(page.status_code, 410)
        self.assertIn('already paid', page.text)

    def test_card_paid_after_mandate_takes_back_the_debit(self):
        "A card page opened before the mandate pays it: no debit is left"
        token, link_id, deposit = self.open_link(DURAND)
        self.assertEqual(self.form(self.client(), token).status_code, 303)
        transaction, company = self.as_workshop()
        with transaction:
            pool = Pool()
            Link = pool.get('powder_coating.payment.link')
            Payment = pool.get('account.payment')
            link = Link(link_id)
            debit = link.sepa_payment.id
            link.mark_paid()
            link = Link(link_id)
            self.assertEqual(link.state, 'paid')
            self.assertEqual(link.payment.journal.coating_method, 'card')
            self.assertEqual(Payment.search([('id', '=', debit)]), [])
            self.assertEqual(link.quote.paid_amount, deposit)
            transaction.rollback()

    def test_rejected_debit_reopens_link(self):
        "A debit the bank rejects leaves the link payable, and says so"
        token, link_id, _ = self.open_link(MARTIN)
        client = self.client()
        response = self.form(client, token, MARTIN, scheme='CORE', bic='',
            iban='FR14 2004 1010 0505 0001 3M02 606')
        self.assertEqual(response.status_code, 303, re.findall(r'form-error">([^<]*)', response.text))
        transaction, company = self.as_workshop(MARTIN)
        with transaction:
            pool = Pool()
            Link = pool.get('powder_coating.payment.link')
            Payment = pool.get('account.payment')
            Group = pool.get('account.payment.group')
            link = Link(link_id)
            payment = link.sepa_payment
            self.assertEqual(link.sepa_mandate.scheme, 'CORE')
            transaction.commit()
        group_id = self.process(MARTIN, payment.id)
        transaction, company = self.as_workshop(MARTIN)
        with transaction:
            pool = Pool()
            Link = pool.get('powder_coating.payment.link')
            Payment = pool.get('account.payment')
            Group = pool.get('account.payment.group')
            payment = Payment(payment.id)
            message, = Group(group_id).sepa_messages
            # No BIC given: the message says so, as the rulebook allows.
            self.assertIn(b'NOTPROVIDED', message.message)
            self.assertIn(b'FR1420041010050500013M02606', message.message)
            with self.accountant(MARTIN):
                Payment.fail([Payment(payment.id)])
            link = Link(link_id)
            self.assertEqual(link.state, 'open')
            self.assertTrue(link.sepa_rejected)
            self.assertEqual(link.quote.payment_state, 'unpaid')
            transaction.commit()
        page = client.get(self.url(f'pay/{token}', MARTIN))
        self.assertEqual(page.status_code, 200)
        self.assertIn('rejected the last direct debit', page.text)
        self.assertIn('pay-card', page.text)

    def test_other_workshop_sees_no_mandate(self):
        "A workshop's accountant never sees another's mandates and messages"
        token, _, _ = self.open_link(DURAND)
        self.form(self.client(), token)
        transaction, company = self.as_workshop(MARTIN)
        with transaction:
            pool = Pool()
            Mandate = pool.get('account.payment.sepa.mandate')
            Message = pool.get('account.payment.sepa.message')
            Group = pool.get('account.payment.group')
            Payment = pool.get('account.payment')
            durand_mandates = Mandate.search([
                    ('company.party.name', '=', DURAND)])
            self.assertTrue(durand_mandates)
            user = create_workshop_user(company, 'comptable_martin',
                'accounting', "Comptable Martin")
            with Transaction().set_user(user.id), \
                    Transaction().set_context(company=company.id,
                        _check_access=True):
                for Model in [Mandate, Message, Group, Payment]:
                    records = Model.search([])
                    self.assertEqual(
                        {r.company for r in records} - {company}, set(),
                        Model.__name__)
                self.assertEqual(Mandate.search([
                            ('id', 'in', [m.id for m in durand_mandates])]),
                    [])
                # Durand's IBAN is not Martin's business; Martin's own is.
                Number = pool.get('bank.account.number')
                numbers = {n.number_compact for n in Number.search([])}
                self.assertNotIn(
                    iban_with_check('FR', '30004000031234567890143'),
                    numbers)
                self.assertIn(
                    iban_with_check('FR', '10096000501234567890147'),
                    numbers)
            transaction.rollback()
