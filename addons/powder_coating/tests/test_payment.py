# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""A workshop asks a 30 % deposit, the client pays it by card through
Stripe Checkout (a local server speaking Stripe's API, a signed webhook),
the balance is paid in cash at the counter, the card payment is refunded
from the back office (Tryton's Stripe refund) and in Stripe's dashboard;
another workshop's portal never opens the link."""
import datetime
import re
from decimal import Decimal

from trytond.model.exceptions import AccessError, ValidationError
from trytond.modules.company.tests import create_company, set_company
from trytond.modules.connector.tests.stripe_server import (
    SECRET_KEY, StripeServer, signed)
from trytond.modules.powder_coating.payment import (
    PaymentLinkError, deposit_due, payment_state)
from trytond.modules.powder_coating.payment_stripe import (
    RefundError, refundable, refunded_amount)
from trytond.modules.powder_coating.tests.test_module import (
    create_powder, create_quote)
from trytond.modules.saas.tests.tools import create_workshop_user
from trytond.pool import Pool
from trytond.tests.test_tryton import (
    DB_NAME, RouteTestCase, with_transaction)
from trytond.transaction import Transaction
from trytond.worker import run_task

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
WEBHOOK_SECRET = 'whsec_durand'
DURAND = "Thermolaquage Durand"
MARTIN = "Époxy Services Martin"


class PowderCoatingPaymentTestCase(RouteTestCase):
    "Deposits, payment links, Stripe webhooks and counter payments"
    module = 'powder_coating'

    @classmethod
    def setUpDatabase(cls):
        pool = Pool()
        Quote = pool.get('powder_coating.quote')
        Configuration = pool.get('powder_coating.configuration')
        for name in [DURAND, MARTIN]:
            company = create_company(name=name)
            with set_company(company):
                settings = Configuration.get(company, create=True)
                settings.deposit_method = 'percentage'
                settings.deposit_percentage = Decimal(30)
                settings.deposit_required = True
                settings.save()
                quote = create_quote(company, create_powder())
                Quote.send([quote])

    def setUp(self):
        super().setUp()
        import stripe
        self.stripe = StripeServer().start()
        self.addCleanup(self.stripe.stop)
        # Tryton's calls (refunds, pull) go through the stripe library.
        self.addCleanup(setattr, stripe, 'api_base', stripe.api_base)
        stripe.api_base = self.stripe.url

    def url(self, path, workshop='thermolaquage-durand'):
        return f'/{DB_NAME}/portal/{workshop}/{path}'

    def as_workshop(self, name=DURAND):
        "A transaction as the workshop's manager."
        transaction = Transaction().start(DB_NAME, 0)
        Company = Pool().get('company.company')
        company, = Company.search([('party.name', '=', name)])
        transaction.set_context(company=company.id)
        return transaction, company

    def setup_stripe(self, company):
        Setting = Pool().get('connector.setting')
        Setting.delete(Setting.search([
                    ('company', '=', company.id),
                    ('capability', '=', 'payment')]))
        Setting.create([{
                    'company': company.id,
                    'capability': 'payment',
                    'provider': 'stripe',
                    'credentials': [('create', [
                                {'key': 'secret_key', 'value': SECRET_KEY},
                                {'key': 'webhook_secret',
                                    'value': WEBHOOK_SECRET},
                                {'key': 'api_base', 'value': self.stripe.url},
                                ])],
                    }])

    def quote(self, company):
        Quote = Pool().get('powder_coating.quote')
        quote, = Quote.search([('company', '=', company.id)])
        return quote

    def send_link(self, company, kind='deposit'):
        "The workshop sends a payment link (wizard); return token, email."
        pool = Pool()
        SendLink = pool.get('powder_coating.payment.link.send',
            type='wizard')
        Email = pool.get('connector.email')
        quote = self.quote(company)
        with Transaction().set_context(
                active_model='powder_coating.quote', active_id=quote.id,
                active_ids=[quote.id], queue_batch=False):
            session_id, _, _ = SendLink.create()
            wizard = SendLink(session_id)
            values = wizard.default_start(None)
            values['kind'] = kind
            if kind == 'balance':
                values['amount'] = values['balance']
            values['email'] = 'client@garage-dupont.example'
            SendLink.execute(session_id, {'start': values}, 'send')
        email, = Email.search([('company', '=', company.id)],
            order=[('id', 'DESC')], limit=1)
        token = re.search(r'/pay/([A-Za-z0-9_-]+)', email.body).group(1)
        return token, values['amount'], email

    def webhook(self, client, event, secret=WEBHOOK_SECRET, provider='stripe'):
        payload, headers = signed(event, secret)
        return client.post(f'/{DB_NAME}/payment/webhook/{provider}',
            data=payload, headers=headers)

    def test_computations(self):
        "Deposit and payment state from the figures"
        total = Decimal('1200.00')
        self.assertEqual(deposit_due(total, 'percentage', percentage=30),
            Decimal('360.00'))
        self.assertEqual(deposit_due(total, 'fixed', fixed=Decimal(2000)),
            total)
        self.assertEqual(deposit_due(total, 'percentage', percentage=30,
                override=Decimal(0)), Decimal('0.00'))
        self.assertEqual(deposit_due(total, 'none'), Decimal('0.00'))
        zero = Decimal(0)
        self.assertEqual(payment_state(total, Decimal(360), zero, zero),
            'unpaid')
        self.assertEqual(payment_state(total, Decimal(360), Decimal(360),
                zero), 'deposit')
        self.assertEqual(payment_state(total, Decimal(360), total, zero),
            'paid')
        self.assertEqual(payment_state(total, Decimal(360), total,
                Decimal(360)), 'refunded')
        # A card payment of 360 €: 100 € refunded from Atelier, before and
        # after Stripe lowered the payment; a full refund in Stripe's
        # dashboard; never more than received.
        self.assertEqual(refunded_amount(Decimal(360), Decimal(360),
                [Decimal(100)]), Decimal(100))
        self.assertEqual(refunded_amount(Decimal(360), Decimal(260),
                [Decimal(100)]), Decimal(100))
        self.assertEqual(refunded_amount(Decimal(360), zero, []),
            Decimal(360))
        self.assertEqual(refunded_amount(Decimal(360), Decimal(360),
                [Decimal(300), Decimal(300)]), Decimal(360))
        self.assertEqual(refundable(Decimal(360), Decimal(100)),
            Decimal(260))
        self.assertEqual(refundable(Decimal(360), Decimal(400)), zero)

    def test_stripe_setting_needs_webhook_secret(self):
        "A Stripe setting without its signing secret is refused"
        transaction, company = self.as_workshop()
        with transaction:
            Setting = Pool().get('connector.setting')
            with self.assertRaises(ValidationError):
                Setting.create([{
                            'company': company.id,
                            'capability': 'payment',
                            'provider': 'stripe',
                            'credentials': [('create', [
                                        {'key': 'secret_key',
                                            'value': SECRET_KEY},
                                        {'key': 'webhook_secret',
                                            'value': ''},
                                        ])],
                            }])

    def test_deposit_card_then_cash_then_refund(self):
        "Deposit by card, replay ignored, balance in cash, refund"
        transaction, company = self.as_workshop()
        with transaction:
            self.setup_stripe(company)
            quote = self.quote(company)
            total = quote.total_amount
            deposit = (total * Decimal('0.30')).quantize(Decimal('0.01'))
            self.assertEqual(quote.deposit_amount, deposit)
            self.assertEqual(quote.payment_state, 'unpaid')
            self.assertTrue(quote.deposit_waiting)
            token, amount, email = self.send_link(company)
            self.assertEqual(amount, deposit)
            self.assertEqual(email.to, 'client@garage-dupont.example')
            transaction.commit()

        client = self.client()
        page = client.get(self.url(f'pay/{token}'))
        self.assertEqual(page.status_code, 200)
        self.assertIn(str(deposit).replace('.', ','), page.text)
        csrf = CSRF.search(page.text).group(1)

        # Without the CSRF token: refused, no payment page opened.
        response = client.post(self.url(f'pay/{token}'))
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self.stripe.sessions, {})

        # Stripe down: a clear message, nothing opened nor charged.
        self.stripe.fail_status = 503
        response = client.post(self.url(f'pay/{token}'),
            data={'csrf_token': csrf})
        self.assertEqual(response.status_code, 400)
        self.assertIn('nothing was charged', response.text)
        self.stripe.fail_status = None

        # Stripe's page opens from a page of ours (the portal's forms may
        # only lead to the portal): its link and a refresh to it.
        response = client.post(self.url(f'pay/{token}'),
            data={'csrf_token': csrf})
        self.assertEqual(response.status_code, 200)
        session, = self.stripe.sessions.values()
        self.assertIn(f'href="{session["url"]}"', response.text)
        self.assertIn(f'content="0;url={session["url"]}"', response.text)
        self.assertEqual(session['amount_total'], int(deposit * 100))
        self.assertTrue(session['success_url'].endswith(
                f'/pay/{token}/done'))
        # Pressing the button again opens the same page: one session.
        response = client.post(self.url(f'pay/{token}'),
            data={'csrf_token': csrf})
        self.assertIn(f'href="{session["url"]}"', response.text)
        self.assertEqual(len(self.stripe.sessions), 1)
        self.assertEqual(len(self.stripe.sessions), 1)
        # A day later Stripe closed that page: a new one is opened; the
        # client had paid the first one, which still pays the link.
        transaction, company = self.as_workshop()
        with transaction:
            Link = Pool().get('powder_coating.payment.link')
            link, = Link.search([('checkout_id', '=', session['id'])])
            Link.write([link], {'checkout_at':
                    link.checkout_at - datetime.timedelta(days=1)})
            transaction.commit()
        response = client.post(self.url(f'pay/{token}'),
            data={'csrf_token': csrf})
        self.assertEqual(len(self.stripe.sessions), 2)
        self.assertNotIn(f'href="{session["url"]}"', response.text)
        self.assertIn('/c/pay/cs_test_', response.text)

        # The client pays; Stripe notifies. A forged notification first.
        event = self.stripe.complete(session['id'])
        response = self.webhook(client, event, secret='whsec_forged')
        self.assertEqual(response.status_code, 400)
        response = self.webhook(client, event)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.json['changed'])
        # The same event again (Stripe retries): nothing changes.
        response = self.webhook(client, event)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(response.json['changed'])

        transaction, company = self.as_workshop()
        with transaction:
            quote = self.quote(company)
            self.assertEqual(quote.payment_state, 'deposit')
            self.assertEqual(quote.paid_amount, deposit)
            self.assertFalse(quote.deposit_waiting)
            self.assertEqual(quote.balance_amount, total - deposit)
            payment, = quote.payments()
            self.assertEqual(payment.journal.name, "Carte (Stripe)")
            # Tryton's Stripe payment, with the client's PaymentIntent.
            self.assertEqual(payment.journal.process_method, 'stripe')
            self.assertEqual(payment.journal.stripe_account.company, company)
            self.assertEqual(payment.stripe_payment_intent_id,
                self.stripe.sessions[session['id']]['payment_intent'])
            self.assertEqual(payment.purpose, 'deposit')

        # The paid link says so; another workshop's portal knows nothing.
        self.assertEqual(client.get(self.url(f'pay/{token}')).status_code,
            410)
        response = client.get(self.url(f'pay/{token}/done'))
        self.assertIn('is received', response.text)
        response = client.get(self.url(f'pay/{token}',
                workshop='epoxy-services-martin'))
        self.assertEqual(response.status_code, 404)

        # The balance is paid in cash at the counter.
        transaction, company = self.as_workshop()
        with transaction:
            pool = Pool()
            Record = pool.get('powder_coating.payment.record', type='wizard')
            quote = self.quote(company)
            with Transaction().set_context(
                    active_model='powder_coating.quote', active_id=quote.id,
                    active_ids=[quote.id]):
                session_id, _, _ = Record.create()
                values = Record(session_id).default_start(None)
                self.assertEqual(values['purpose'], 'balance')
                self.assertEqual(values['amount'], total - deposit)
                Record.execute(session_id, {'start': values}, 'record_')
            quote = self.quote(company)
            self.assertEqual(quote.payment_state, 'paid')
            self.assertEqual(quote.balance_amount, Decimal(0))
            self.assertEqual(
                sorted(p.journal.name for p in quote.payments()),
                ["Carte (Stripe)", "Espèces"])
            transaction.commit()

        # 10 € of the card payment are refunded from the back office:
        # Tryton's Stripe refund, sent to Stripe by the queue.
        transaction, company = self.as_workshop()
        with transaction:
            quote = self.quote(company)
            refund = self.refund(quote, Decimal(10), journal="Carte (Stripe)")
            # More than what is left of that payment: refused, nothing made.
            with self.assertRaises(RefundError):
                self.refund(quote, deposit, journal="Carte (Stripe)")
            transaction.commit()
            tasks = list(transaction.tasks)
        self.assertFalse(self.stripe.refunds)
        for task in tasks:
            run_task(DB_NAME, task)
        stripe_refund, = self.stripe.refunds.values()
        self.assertEqual(stripe_refund['amount'], 1000)
        self.assertEqual(stripe_refund['payment_intent'],
            self.stripe.sessions[session['id']]['payment_intent'])
        request, = [r for r in self.stripe.requests
            if r['path'] == '/v1/refunds']
        self.assertTrue(request['headers']['Idempotency-Key'].startswith(
                'refund-'))
        transaction, company = self.as_workshop()
        with transaction:
            StripeRefund = Pool().get('account.payment.stripe.refund')
            refund, = StripeRefund.search([('id', '=', refund.id)])
            self.assertEqual(refund.state, 'succeeded')
            quote = self.quote(company)
            self.assertEqual(quote.paid_amount, total - Decimal(10))
            self.assertEqual(quote.payment_state, 'refunded')

        # Stripe reports it (charge.refunded): Tryton lowers the payment,
        # the figures do not count the refund twice; a replay changes
        # nothing.
        event = self.stripe.events[-1]
        for _ in range(2):
            response = self.webhook(client, event)
            self.assertEqual(response.status_code, 200)
        transaction, company = self.as_workshop()
        with transaction:
            quote = self.quote(company)
            card = [p for p in quote.payments()
                if p.journal.process_method == 'stripe'][0]
            self.assertEqual(card.amount, deposit - Decimal(10))
            self.assertEqual(quote.paid_amount, total - Decimal(10))

        # The rest is refunded in Stripe's dashboard.
        response = self.webhook(client, self.stripe.refund(session['id']))
        self.assertEqual(response.status_code, 200)
        transaction, company = self.as_workshop()
        with transaction:
            quote = self.quote(company)
            self.assertEqual(quote.payment_state, 'refunded')
            self.assertEqual(quote.paid_amount, total - deposit)
            # Nothing left to refund by card: the wizard offers the cash
            # payment only; 5 € of it go back at the counter.
            Refund = Pool().get('powder_coating.payment.refund',
                type='wizard')
            with Transaction().set_context(
                    active_model='powder_coating.quote', active_id=quote.id,
                    active_ids=[quote.id]):
                session_id, _, _ = Refund.create()
                offered = Refund(session_id).default_start(None)['origins']
            self.assertEqual(
                [p.journal.name for p in quote.payments() if p.id in offered],
                ["Espèces"])
            with self.assertRaises(RefundError):
                self.refund(quote, Decimal(1), journal="Carte (Stripe)")
            self.refund(quote, Decimal(5), journal="Espèces")
            quote = self.quote(company)
            self.assertEqual(quote.paid_amount, total - deposit - 5)
            back, = [p for p in quote.payments() if p.kind == 'payable']
            self.assertEqual(
                (back.journal.name, back.purpose, back.amount),
                ("Espèces", 'refund', Decimal(5)))

    def refund(self, quote, amount, journal):
        "The back office's Refund wizard on `quote`'s payment on `journal`."
        Refund = Pool().get('powder_coating.payment.refund', type='wizard')
        with Transaction().set_context(
                active_model='powder_coating.quote', active_id=quote.id,
                active_ids=[quote.id]):
            session_id, _, _ = Refund.create()
            values = Refund(session_id).default_start(None)
            payment, = [p for p in quote.payments()
                if p.journal.name == journal and p.kind == 'receivable']
            values.update(payment=payment.id, amount=amount)
            Refund.execute(session_id, {'start': values}, 'refund')
        StripeRefund = Pool().get('account.payment.stripe.refund')
        refunds = StripeRefund.search([('payment', '=', payment.id)],
            order=[('id', 'DESC')], limit=1)
        return refunds[0] if refunds else None

    def test_stripe_account_only_for_its_workshop(self):
        "A workshop's Stripe keys and refunds are never another's"
        transaction, durand = self.as_workshop(DURAND)
        with transaction:
            pool = Pool()
            Company = pool.get('company.company')
            Account = pool.get('account.payment.stripe.account')
            Refund = pool.get('account.payment.stripe.refund')
            martin, = Company.search([('party.name', '=', MARTIN)])
            for company in [durand, martin]:
                self.setup_stripe(company)
            durand_account = Account.for_company(durand)
            martin_account = Account.for_company(martin)
            self.assertEqual(durand_account.secret_key, SECRET_KEY)
            self.assertEqual(durand_account.webhook_signing_secret,
                WEBHOOK_SECRET)
            # The keys follow the connector setting; one account each.
            self.assertEqual(Account.for_company(durand), durand_account)
            user = create_workshop_user(martin, 'gerante_martin', 'owner',
                "Gérante Martin")
            with Transaction().set_user(user.id), \
                    Transaction().set_context(company=martin.id,
                        _check_access=True):
                self.assertEqual(Account.search([]), [martin_account])
                self.assertEqual(Account.search([
                            ('id', '=', durand_account.id)]), [])
                self.assertEqual(Refund.search([
                            ('payment.company', '=', durand.id)]), [])
                with self.assertRaises(AccessError):
                    Account.write([martin_account], {'secret_key': 'sk_x'})

    def test_unknown_and_expired(self):
        "Unknown payment, expired link, unknown token: nothing changes"
        client = self.client()
        event = self.stripe._event('checkout.session.completed', {
                'id': 'cs_test_unknown', 'object': 'checkout.session',
                'payment_status': 'paid'})
        response = self.webhook(client, event)
        self.assertEqual(response.status_code, 404)

        transaction, company = self.as_workshop(MARTIN)
        with transaction:
            Link = Pool().get('powder_coating.payment.link')
            quote = self.quote(company)
            link, token = Link.open_link(quote, 'deposit', Decimal(10))
            Link.write([link], {
                    'expires': datetime.datetime(2020, 1, 1)})
            with self.assertRaises(PaymentLinkError):
                Link.open_link(quote, 'deposit', Decimal(0))
            transaction.commit()
        response = client.get(self.url(f'pay/{token}',
                workshop='epoxy-services-martin'))
        self.assertEqual(response.status_code, 410)
        self.assertIn('expired', response.text)
        response = client.get(self.url('pay/not-a-token',
                workshop='epoxy-services-martin'))
        self.assertEqual(response.status_code, 404)

    def test_offline_demo_payment(self):
        "Without provider, the demo confirmation page pays the link"
        transaction, company = self.as_workshop(MARTIN)
        with transaction:
            Link = Pool().get('powder_coating.payment.link')
            first, first_token = Link.open_link(self.quote(company),
                'deposit', Decimal('40.00'))
            # A new link for the same deposit replaces the open one.
            link, token = Link.open_link(self.quote(company), 'deposit',
                Decimal('50.00'))
            self.assertEqual(Link(first.id).state, 'cancelled')
            transaction.commit()
        client = self.client()
        response = client.get(self.url(f'pay/{first_token}',
                workshop='epoxy-services-martin'))
        self.assertEqual(response.status_code, 410)
        self.assertIn('cancelled', response.text)
        page = client.get(self.url(f'pay/{token}',
                workshop='epoxy-services-martin'))
        csrf = CSRF.search(page.text).group(1)
        response = client.post(self.url(f'pay/{token}',
                workshop='epoxy-services-martin'), data={'csrf_token': csrf})
        self.assertEqual(response.status_code, 303)
        confirm = response.headers['Location']
        self.assertIn('offline_session=', confirm)
        page = client.get(confirm)
        self.assertEqual(page.status_code, 200)
        response = client.post(confirm, data={'csrf_token': csrf})
        self.assertEqual(response.status_code, 303)
        transaction, company = self.as_workshop(MARTIN)
        with transaction:
            Link = Pool().get('powder_coating.payment.link')
            link, = Link.search([('id', '=', link.id)])
            self.assertEqual(link.state, 'paid')
            self.assertEqual(link.payment.amount, Decimal('50.00'))

    @with_transaction()
    def test_new_workshop_has_payment_journals(self):
        "The New workshop wizard creates the payment journals"
        from trytond.modules.saas.tests.test_module import (
            run_workshop_wizard)
        Journal = Pool().get('account.payment.journal')
        wizard = run_workshop_wizard(name="Poudrage du Nord",
            siret='55208131700018', owner_login='owner.nord',
            owner_email='chef@poudrage-nord.example')
        journals = Journal.search([
                ('company', '=', wizard.done.company.id)])
        self.assertEqual(sorted(j.name for j in journals), sorted([
                    "Carte en ligne", "Carte bancaire (TPE)", "Espèces",
                    "Chèque", "Virement", "Prélèvement SEPA"]))

    def test_portal_payment_summary(self):
        "The portal's project page gets the figures and the open links"
        from trytond.modules.powder_coating.payment_portal import (
            portal_payment_summary)
        transaction, company = self.as_workshop(MARTIN)
        with transaction:
            pool = Pool()
            Project = pool.get('powder_coating.project')
            Link = pool.get('powder_coating.payment.link')
            quote = self.quote(company)
            project, = Project.create([{'company': company.id,
                        'number': 'PRJ-PAY', 'party': quote.party.id,
                        'quote': quote.id}])
            link, _ = Link.open_link(project, 'balance', Decimal('12.50'))
            with Transaction().set_context(language='fr'):
                summary = portal_payment_summary(project)
            self.assertEqual(summary['total'], quote.total_amount)
            self.assertEqual(summary['balance'],
                quote.total_amount - summary['paid'])
            self.assertEqual([l['amount'] for l in summary['open_links']],
                [Decimal('12.50')])
            self.assertIn('12,50', summary['open_links'][0]['amount_text'])
            self.assertTrue(summary['state_label'])
            self.assertEqual(set(summary['labels']),
                {'title', 'total', 'deposit', 'paid', 'balance'})
