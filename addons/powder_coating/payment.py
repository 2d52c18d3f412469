# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""What the client owes and has paid on a quote or project: deposit,
balance, payment links paid online (Stripe Checkout through the connector)
and payments recorded at the counter.

Every payment is a Tryton ``account.payment`` on one of the workshop's
payment journals (created on first use), its origin the quote or project,
its purpose deposit, balance or refund."""
import datetime
import hashlib
import secrets
from decimal import Decimal
from email.message import EmailMessage

from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Unique, Workflow, fields
from trytond.model.exceptions import ValidationError
from trytond.modules.connector import hub
from trytond.modules.connector.exceptions import ConnectorError
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval, If
from trytond.transaction import Transaction, without_check_access
from trytond.wizard import Button, StateTransition, StateView, Wizard

MONEY = (16, 2)
CENT = Decimal('0.01')
LINK_DAYS = 7
# Stripe's Checkout pages expire after 24 hours.
CHECKOUT_REUSE = datetime.timedelta(hours=23)

DEPOSIT_METHODS = [
    ('none', "No Deposit"),
    ('fixed', "Fixed Amount"),
    ('percentage', "Percentage of the Total"),
    ]
PAYMENT_STATES = [
    ('unpaid', "Unpaid"),
    ('deposit', "Deposit Paid"),
    ('paid', "Paid"),
    ('refunded', "Refunded"),
    ]
PURPOSES = [
    ('deposit', "Deposit"),
    ('balance', "Balance"),
    ]
METHODS = [
    ('card', "Card Online (Stripe)"),
    ('terminal', "Card Terminal"),
    ('cash', "Cash"),
    ('cheque', "Cheque"),
    ('transfer', "Bank Transfer"),
    ('sepa', "SEPA Direct Debit"),
    ]
COUNTER_METHODS = ['terminal', 'cash', 'cheque', 'transfer']
# The journals' names, in the workshop's words.
JOURNAL_NAMES = {
    'card': "Carte en ligne",
    'terminal': "Carte bancaire (TPE)",
    'cash': "Espèces",
    'cheque': "Chèque",
    'transfer': "Virement",
    'sepa': "Prélèvement SEPA",
    }
STRIPE_JOURNAL_NAME = "Carte (Stripe)"


# --- computations (no ORM) ---------------------------------------------------

def deposit_due(total, method, fixed=None, percentage=None, override=None):
    """The deposit asked on a quote of `total` (incl. VAT): the quote's own
    `override`, else the workshop's fixed amount or percentage, never more
    than the total."""
    total = total or Decimal(0)
    if override is not None:
        amount = override
    elif method == 'fixed':
        amount = fixed or Decimal(0)
    elif method == 'percentage':
        amount = total * (percentage or Decimal(0)) / 100
    else:
        amount = Decimal(0)
    amount = max(min(Decimal(amount), total), Decimal(0))
    return amount.quantize(CENT)


def payment_state(total, deposit, received, refunded):
    """unpaid, deposit (paid), paid or refunded (money given back and the
    total no longer covered), from what was received and refunded."""
    total = total or Decimal(0)
    paid = received - refunded
    if refunded > 0 and paid < total:
        return 'refunded'
    if total > 0 and paid >= total:
        return 'paid'
    if paid > 0 and deposit > 0 and paid >= deposit:
        return 'deposit'
    return 'unpaid'


def hash_token(token):
    "What the database keeps of a link's token."
    return hashlib.sha256((token or '').encode('utf-8')).hexdigest()


def amount_text(amount, lang=None):
    "« 1 234,56 € » in French, 1,234.56 € otherwise."
    amount = Decimal(amount or 0).quantize(CENT)
    if lang is not None:
        return lang.currency(amount, _euro(), grouping=True, symbol=True)
    return '%s €' % format(amount, ',.2f')


def _euro():
    Currency = Pool().get('currency.currency')
    currencies = Currency.search([('code', '=', 'EUR')], limit=1)
    return currencies[0] if currencies else None


# --- settings ----------------------------------------------------------------

class Configuration(metaclass=PoolMeta):
    __name__ = 'powder_coating.configuration'

    deposit_method = fields.Selection(DEPOSIT_METHODS, "Deposit",
        help="What is asked before the work: nothing, a fixed amount or a "
        "percentage of the quote's total (VAT included).")
    deposit_fixed = fields.Numeric("Deposit Amount", digits=MONEY,
        domain=[If(Eval('deposit_fixed'), ('deposit_fixed', '>=', 0), ())],
        states={
            'invisible': Eval('deposit_method') != 'fixed',
            'required': Eval('deposit_method') == 'fixed',
            },
        help="The deposit asked on every quote, VAT included.")
    deposit_percentage = fields.Numeric("Deposit (%)", digits=(5, 2),
        domain=[If(Eval('deposit_percentage'),
                [('deposit_percentage', '>=', 0),
                    ('deposit_percentage', '<=', 100)], [])],
        states={
            'invisible': Eval('deposit_method') != 'percentage',
            'required': Eval('deposit_method') == 'percentage',
            },
        help="The part of the quote's total asked as deposit.")
    deposit_required = fields.Boolean("Deposit Before Work",
        states={'invisible': Eval('deposit_method', 'none') == 'none'},
        help="The work starts only once the deposit is paid.")

    @classmethod
    def default_deposit_method(cls):
        return 'none'

    @classmethod
    def default_deposit_required(cls):
        return False


class SettingPayment(metaclass=PoolMeta):
    "A workshop's payment provider; Stripe needs its webhook secret."
    __name__ = 'connector.setting'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        if ('payment', "Online Payment") not in cls.capability.selection:
            cls.capability.selection.append(('payment', "Online Payment"))

    @classmethod
    def validate(cls, settings):
        super().validate(settings)
        for setting in settings:
            setting.check_payment_secrets()

    def check_payment_secrets(self):
        if self.capability == 'payment' and self.provider == 'stripe':
            credentials = self.credentials_dict
            for key in ['secret_key', 'webhook_secret']:
                if not (credentials.get(key) or '').strip():
                    raise ValidationError(gettext(
                            'powder_coating.msg_payment_stripe_secret',
                            key=key))


class CredentialPayment(metaclass=PoolMeta):
    __name__ = 'connector.credential'

    @classmethod
    def validate(cls, credentials):
        super().validate(credentials)
        for setting in {c.setting for c in credentials}:
            setting.check_payment_secrets()


# --- payments ----------------------------------------------------------------

class Journal(metaclass=PoolMeta):
    __name__ = 'account.payment.journal'

    coating_method = fields.Selection([(None, "")] + METHODS, "Means",
        help="How the workshop is paid on this journal.")

    @classmethod
    def for_method(cls, company, method):
        """The workshop's journal for `method`, created the first time
        (new workshops get theirs when they first take a payment)."""
        pool = Pool()
        StripeAccount = pool.get('account.payment.stripe.account')
        # Cards online go through Tryton's Stripe journal when the workshop
        # uses Stripe; the demo (offline provider) keeps a manual one.
        account = (StripeAccount.for_company(company)
            if method == 'card' else None)
        domain = [
            ('company', '=', int(company)),
            ('coating_method', '=', method),
            ('process_method', '=', 'stripe' if account else 'manual'),
            ]
        if account:
            domain.append(('stripe_account', '=', account.id))
        with without_check_access():
            journals = cls.search(domain, limit=1)
            if journals:
                return journals[0]
            Company = pool.get('company.company')
            company = Company(int(company))
            journal = cls(name=JOURNAL_NAMES[method], company=company,
                currency=company.currency, process_method='manual',
                coating_method=method)
            if account:
                journal.name = STRIPE_JOURNAL_NAME
                journal.process_method = 'stripe'
                journal.stripe_account = account
            journal.save()
            return journal

    @classmethod
    def create_workshop_journals(cls, company):
        "Every journal of a workshop (for a new workshop and the demo)."
        return [cls.for_method(company, m) for m, _ in METHODS]


class WorkshopCreate(metaclass=PoolMeta):
    "A new workshop gets its payment journals with its chart."
    __name__ = 'saas.workshop.create'

    def _create_workshop(self):
        state = super()._create_workshop()
        Journal = Pool().get('account.payment.journal')
        Journal.create_workshop_journals(self.done.company)
        return state


class Payment(metaclass=PoolMeta):
    __name__ = 'account.payment'

    purpose = fields.Selection([(None, "")] + PURPOSES + [
            ('refund', "Refund")], "Purpose",
        help="What this payment settles on the quote or project.")
    receipt = fields.Binary("Receipt", filename='receipt_name',
        file_id='receipt_id',
        help="A photo or scan of the cheque, ticket or transfer notice.")
    receipt_name = fields.Char("Receipt Name")
    receipt_id = fields.Char("Receipt ID", readonly=True)

    @classmethod
    def _get_origin(cls):
        return super()._get_origin() + [
            'powder_coating.quote', 'powder_coating.project']

    @classmethod
    def record(cls, company, origin, method, amount, date=None,
            purpose=None, kind='receivable', receipt=None,
            receipt_name=None, payment_intent=None):
        """An account.payment of `amount` on the workshop's journal for
        `method`, already succeeded (the money is there). A card payment
        on Stripe carries its PaymentIntent (`payment_intent`)."""
        pool = Pool()
        Journal = pool.get('account.payment.journal')
        Group = pool.get('account.payment.group')
        Date = pool.get('ir.date')
        journal = Journal.for_method(company, method)
        with Transaction().set_context(company=int(company)), \
                without_check_access():
            payment = cls(company=company, journal=journal, kind=kind,
                party=origin.party, amount=amount,
                date=date or Date.today(), origin=origin, purpose=purpose,
                reference=origin.number, receipt=receipt,
                receipt_name=receipt_name)
            if journal.process_method == 'stripe':
                # Paid on Stripe's page: Tryton's Stripe payment, captured.
                payment.stripe_payment_intent_id = payment_intent
                payment.stripe_capture = True
                payment.stripe_captured = True
                payment.received_amount = amount
            payment.save()
            cls.submit([payment])
            if journal.process_method == 'stripe':
                # Nothing left to charge: processing, then succeeded.
                cls.proceed([payment])
            else:
                def group():
                    group = Group(company=company, journal=journal,
                        kind=kind)
                    group.save()
                    return group
                cls.process([payment], group)
            cls.succeed([payment])
        return payment


class PaymentEvent(TenantOwnedMixin, ModelSQL):
    "A payment provider's notification already processed (never twice)."
    __name__ = 'powder_coating.payment.event'
    __string__ = "Payment Notification"

    provider = fields.Char("Provider", required=True, readonly=True)
    event = fields.Char("Event", required=True, readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('event_unique', Unique(t, t.provider, t.event),
                'powder_coating.msg_payment_event_unique'),
            ]

    @classmethod
    def seen(cls, provider, event_id):
        with without_check_access():
            return bool(cls.search([
                        ('provider', '=', provider),
                        ('event', '=', event_id),
                        ], limit=1))


class PayableMixin:
    "Total, deposit, paid and balance of a quote or project."
    __slots__ = ()

    deposit_amount = fields.Function(fields.Numeric("Deposit",
            digits=MONEY,
            help="The deposit asked before the work, VAT included."),
        'get_payment_amounts')
    paid_amount = fields.Function(fields.Numeric("Paid", digits=MONEY,
            help="What the client paid, refunds deducted."),
        'get_payment_amounts')
    balance_amount = fields.Function(fields.Numeric("Balance Due",
            digits=MONEY,
            help="What is left to pay: total minus paid."),
        'get_payment_amounts')
    deposit_waiting = fields.Function(fields.Boolean("Waiting for Deposit",
            help="The workshop asks the deposit before the work and it is "
            "not paid yet."),
        'get_payment_amounts')
    payment_state = fields.Function(fields.Selection(PAYMENT_STATES,
            "Payment",
            help="Unpaid, deposit paid, paid or refunded, from the "
            "payments received."),
        'get_payment_amounts')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._buttons.update({
                'send_payment_link': {
                    'invisible': Eval('payment_state').in_(
                        ['paid', 'refunded']),
                    'depends': ['payment_state'],
                    },
                'record_payment': {
                    'depends': ['payment_state'],
                    },
                'refund_payment': {
                    'invisible': ~Eval('paid_amount', 0),
                    'depends': ['paid_amount'],
                    },
                })

    def payment_origins(self):
        "The quote and project whose payments count for this one."
        raise NotImplementedError

    def payment_total(self):
        raise NotImplementedError

    def payment_deposit_override(self):
        return None

    def payments(self):
        """The payments of the quote and its project where money came in:
        succeeded, or card payments Stripe failed after a full refund or
        a lost dispute (the money came, then went back)."""
        Payment = Pool().get('account.payment')
        origins = [str(o) for o in self.payment_origins()]
        with without_check_access():
            payments = Payment.search([
                    ('company', '=', self.company.id),
                    ('origin', 'in', origins),
                    ('state', 'in', ['succeeded', 'failed']),
                    ], order=[('date', 'ASC'), ('id', 'ASC')])
        return [p for p in payments
            if p.state == 'succeeded' or p.received_amount]

    def payment_figures(self):
        """A dict: total, deposit, received, refunded, paid, balance,
        state and waiting (the work waits for the deposit)."""
        Configuration = Pool().get('powder_coating.configuration')
        settings = Configuration.get(self.company)
        total = self.payment_total() or Decimal(0)
        deposit = deposit_due(total,
            getattr(settings, 'deposit_method', None),
            getattr(settings, 'deposit_fixed', None),
            getattr(settings, 'deposit_percentage', None),
            self.payment_deposit_override())
        received = refunded = Decimal(0)
        for payment in self.payments():
            if payment.kind == 'payable':
                refunded += payment.amount
            else:
                got, back = payment.card_figures()
                received += got
                refunded += back
        paid = received - refunded
        return {
            'total': total,
            'deposit': deposit,
            'received': received,
            'refunded': refunded,
            'paid': paid,
            'balance': max(total - paid, Decimal(0)),
            'state': payment_state(total, deposit, received, refunded),
            'waiting': bool(getattr(settings, 'deposit_required', False)
                and deposit > 0 and paid < deposit),
            }

    @classmethod
    def get_payment_amounts(cls, records, names):
        result = {n: {} for n in names}
        keys = {
            'deposit_amount': 'deposit', 'paid_amount': 'paid',
            'balance_amount': 'balance', 'payment_state': 'state',
            'deposit_waiting': 'waiting'}
        for record in records:
            figures = record.payment_figures()
            for name in names:
                result[name][record.id] = figures[keys[name]]
        return result

    @classmethod
    @ModelView.button_action('powder_coating.wizard_payment_link_send')
    def send_payment_link(cls, records):
        pass

    @classmethod
    @ModelView.button_action('powder_coating.wizard_payment_record')
    def record_payment(cls, records):
        pass

    @classmethod
    @ModelView.button_action('powder_coating.wizard_payment_refund')
    def refund_payment(cls, records):
        pass


class Quote(PayableMixin, metaclass=PoolMeta):
    __name__ = 'powder_coating.quote'

    deposit_override = fields.Numeric("Deposit Asked", digits=MONEY,
        domain=[If(Eval('deposit_override'),
                ('deposit_override', '>=', 0), ())],
        help="Leave empty for the workshop's usual deposit; 0 asks none.")

    def payment_origins(self):
        return [self] + ([self.project] if self.project else [])

    def payment_total(self):
        return self.total_amount

    def payment_deposit_override(self):
        return self.deposit_override


class Project(PayableMixin, metaclass=PoolMeta):
    __name__ = 'powder_coating.project'

    def payment_origins(self):
        return [self] + ([self.quote] if self.quote else [])

    def payment_total(self):
        return self.quote.total_amount if self.quote else None

    def payment_deposit_override(self):
        return self.quote.deposit_override if self.quote else None


# --- payment links -----------------------------------------------------------

class PaymentLinkError(UserError):
    "A payment link cannot be used (expired, paid, cancelled...)."


class PaymentLink(TenantOwnedMixin, Workflow, ModelSQL, ModelView):
    "A link the client follows to pay a deposit or balance online."
    __name__ = 'powder_coating.payment.link'
    __string__ = "Payment Link"

    quote = fields.Many2One('powder_coating.quote', "Quote",
        ondelete='CASCADE', readonly=True,
        domain=[('company', '=', Eval('company', -1))])
    project = fields.Many2One('powder_coating.project', "Project",
        ondelete='CASCADE', readonly=True,
        domain=[('company', '=', Eval('company', -1))])
    party = fields.Many2One('party.party', "Client", required=True,
        readonly=True, ondelete='RESTRICT')
    kind = fields.Selection(PURPOSES, "For", required=True, readonly=True,
        help="The deposit before the work or the balance at the end.")
    amount = fields.Numeric("Amount", digits=MONEY, required=True,
        readonly=True, domain=[('amount', '>', 0)],
        help="What the client pays, VAT included.")
    token_hash = fields.Char("Token Hash", required=True, readonly=True,
        strip=False)
    expires = fields.DateTime("Expires", required=True, readonly=True,
        help="After this, the link says it expired; send a new one.")
    state = fields.Selection([
            ('open', "Open"),
            ('paid', "Paid"),
            ('expired', "Expired"),
            ('cancelled', "Cancelled"),
            ], "State", readonly=True, required=True, sort=False)
    provider = fields.Char("Provider", readonly=True)
    checkout_id = fields.Char("Checkout Session", readonly=True,
        help="The provider's payment page for this link.")
    checkout_url = fields.Char("Checkout Page", readonly=True)
    checkout_at = fields.Timestamp("Checkout Opened", readonly=True,
        help="Stripe closes its payment page after 24 hours: an older one "
        "is opened again.")
    payment_intent = fields.Char("Provider Payment", readonly=True)
    payment = fields.Many2One('account.payment', "Payment", readonly=True,
        ondelete='RESTRICT')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('create_date', 'DESC'), ('id', 'DESC')]
        t = cls.__table__()
        cls._sql_constraints += [
            ('token_unique', Unique(t, t.token_hash),
                'powder_coating.msg_payment_link_token_unique'),
            ]
        cls._transitions |= {
            ('open', 'paid'), ('open', 'expired'), ('open', 'cancelled')}
        cls._buttons.update({
                'cancel': {
                    'invisible': Eval('state') != 'open',
                    'icon': 'tryton-cancel',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_state():
        return 'open'

    @property
    def origin(self):
        return self.project or self.quote

    def get_rec_name(self, name):
        return '%s - %s' % (self.origin.rec_name if self.origin else '',
            dict(PURPOSES)[self.kind])

    @classmethod
    @ModelView.button
    @Workflow.transition('cancelled')
    def cancel(cls, links):
        pass

    @classmethod
    def open_link(cls, origin, kind, amount, days=LINK_DAYS):
        """A new link for `origin` (quote or project); return it with the
        token to send (only its hash is kept)."""
        if amount is None or amount <= 0:
            raise PaymentLinkError(gettext(
                    'powder_coating.msg_payment_amount_positive'))
        token = secrets.token_urlsafe(32)
        link = cls(company=origin.company, party=origin.party, kind=kind,
            amount=Decimal(amount).quantize(CENT),
            token_hash=hash_token(token),
            expires=datetime.datetime.now() + datetime.timedelta(days=days))
        if origin.__name__ == 'powder_coating.project':
            link.project = origin
            field = 'project'
        else:
            link.quote = origin
            field = 'quote'
        # A new link replaces the open one for the same thing: the client
        # never has two links to pay the same deposit.
        with without_check_access():
            cls.write(cls.search([
                        (field, '=', origin.id),
                        ('kind', '=', kind),
                        ('state', '=', 'open'),
                        ]) or [], {'state': 'cancelled'})
        link.save()
        return link, token

    @classmethod
    def by_token(cls, company, token):
        "The link of `company` with `token`, or None (the portal's query)."
        with without_check_access():
            links = cls.search([
                    ('company', '=', int(company)),
                    ('token_hash', '=', hash_token(token)),
                    ], limit=1)
        return links[0] if links else None

    def check_payable(self):
        "Raise a clear error if the client cannot pay with this link."
        if self.state == 'open' and self.expires < datetime.datetime.now():
            with without_check_access():
                self.__class__.write([self], {'state': 'expired'})
        if self.state == 'paid':
            raise PaymentLinkError(gettext(
                    'powder_coating.msg_payment_link_paid'))
        if self.state == 'expired':
            raise PaymentLinkError(gettext(
                    'powder_coating.msg_payment_link_expired'))
        if self.state == 'cancelled':
            raise PaymentLinkError(gettext(
                    'powder_coating.msg_payment_link_cancelled'))

    def description(self):
        return gettext('powder_coating.msg_payment_description_%s'
            % self.kind, number=self.origin.number or '',
            workshop=self.company.rec_name)

    def start_checkout(self, success_url, cancel_url):
        """Open (or reuse) the provider's payment page; return its URL.
        A retry reuses the same idempotency key: never two charges."""
        self.check_payable()
        now = datetime.datetime.now()
        key = 'atelier-link-%s' % self.token_hash[:40]
        if self.checkout_id and self.checkout_url:
            if (self.checkout_at
                    and now - self.checkout_at < CHECKOUT_REUSE):
                return self.checkout_url
            # The provider closed the page: a new one, with its own key.
            key = '%s-after-%s' % (key, self.checkout_id)
        Setting = Pool().get('connector.setting')
        provider, _ = Setting.provider_for(self.company, 'payment')
        try:
            session = hub.call('payment', 'atelier_create_checkout',
                company=self.company, amount=self.amount,
                currency=self.company.currency.code,
                description=self.description(),
                reference='link-%s' % self.id,
                success_url=success_url, cancel_url=cancel_url,
                idempotency_key=key)
        except ConnectorError as error:
            raise PaymentLinkError(translate_provider_error(error)) from error
        with without_check_access():
            self.__class__.write([self], {
                    'provider': provider or 'offline',
                    'checkout_id': session['id'],
                    'checkout_url': session['url'],
                    'checkout_at': now,
                    })
        return session['url']

    @classmethod
    def find_for_event(cls, event):
        "The link a provider's event is about, or None (any workshop)."
        obj = event.get('object') or {}
        with without_check_access():
            if obj.get('object') == 'checkout.session' and obj.get('id'):
                links = cls.search([('checkout_id', '=', obj['id'])],
                    limit=1)
            elif obj.get('payment_intent'):
                links = cls.search([
                        ('payment_intent', '=', obj['payment_intent'])],
                    limit=1)
            else:
                links = []
            reference = str(obj.get('client_reference_id') or '')
            if (not links and obj.get('object') == 'checkout.session'
                    and reference.startswith('link-')
                    and reference[5:].isdigit()):
                # A page opened again later: the first one was paid.
                links = cls.search([('id', '=', int(reference[5:]))],
                    limit=1)
        return links[0] if links else None

    def apply_event(self, provider, event):
        """Apply the checked event once: a completed checkout pays the
        link; Stripe's other events on its payment (refunds, disputes) go
        to Tryton's Stripe handlers. Return True if it changed
        anything."""
        Event = Pool().get('powder_coating.payment.event')
        if Event.seen(provider, event['id']):
            return False
        obj = event.get('object') or {}
        changed = False
        if event['type'] in {'checkout.session.completed',
                'checkout.session.async_payment_succeeded'}:
            # A delayed method (a debit) completes unpaid, then succeeds.
            if obj.get('payment_status') == 'paid':
                changed = self.mark_paid(obj.get('payment_intent'))
        elif self.payment and self.payment.journal.stripe_account:
            # Refunds, disputes, charge updates: Tryton's Stripe handlers.
            changed = bool(
                self.payment.journal.stripe_account.apply_event(event))
        with without_check_access():
            Event.create([{'company': self.company.id, 'provider': provider,
                        'event': event['id']}])
        return changed

    def mark_paid(self, payment_intent=None):
        "The client paid: a succeeded card payment on the link's origin."
        Payment = Pool().get('account.payment')
        if self.state == 'paid':
            return False
        payment = Payment.record(self.company, self.origin, 'card',
            self.amount, purpose=self.kind, payment_intent=payment_intent)
        with without_check_access():
            self.__class__.write([self], {
                    'state': 'paid',
                    'payment': payment.id,
                    'payment_intent': payment_intent,
                    })
        return True


def translate_provider_error(error):
    "The user's language message of a payment provider's error."
    reason = getattr(error, 'reason', None)
    if reason:
        try:
            return gettext('powder_coating.msg_payment_provider_%s' % reason,
                **getattr(error, 'variables', {}))
        except KeyError:
            pass
    return error.message


def link_url(company, token):
    "The absolute address of the link's portal page, for the email."
    from trytond.url import http_host
    database = Transaction().database.name
    return (f'{http_host()}/{database}/portal/{company.portal_slug}/'
        f'pay/{token}')


# --- wizards -----------------------------------------------------------------

class SendLinkStart(ModelView):
    "Send a Payment Link"
    __name__ = 'powder_coating.payment.link.send.start'
    __string__ = "Send a Payment Link"

    kind = fields.Selection(PURPOSES, "For", required=True)
    amount = fields.Numeric("Amount", digits=MONEY, required=True,
        domain=[('amount', '>', 0)],
        help="What the client pays online, VAT included.")
    deposit = fields.Numeric("Deposit", digits=MONEY, readonly=True)
    balance = fields.Numeric("Balance", digits=MONEY, readonly=True)
    email = fields.Char("Email", required=True,
        help="The client's address the link is sent to.")

    @fields.depends('kind', 'deposit', 'balance')
    def on_change_kind(self):
        self.amount = self.deposit if self.kind == 'deposit' else self.balance


class SendLink(Wizard):
    "Send a payment link to the client by email."
    __name__ = 'powder_coating.payment.link.send'

    start = StateView('powder_coating.payment.link.send.start',
        'powder_coating.payment_link_send_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Send", 'send', 'tryton-ok', default=True),
            ])
    send = StateTransition()

    def default_start(self, fields):
        figures = self.record.payment_figures()
        deposit = max(figures['deposit'] - figures['paid'], Decimal(0))
        kind = 'deposit' if deposit > 0 else 'balance'
        return {
            'kind': kind,
            'deposit': deposit,
            'balance': figures['balance'],
            'amount': deposit if kind == 'deposit' else figures['balance'],
            'email': self.record.party.email,
            }

    def transition_send(self):
        Email = Pool().get('connector.email')
        record = self.record
        if not record.company.portal_slug:
            raise PaymentLinkError(gettext(
                    'powder_coating.msg_payment_no_portal'))
        link, token = Pool().get('powder_coating.payment.link').open_link(
            record, self.start.kind, self.start.amount)
        message = EmailMessage()
        message['To'] = self.start.email
        message['Subject'] = gettext(
            'powder_coating.msg_payment_email_subject',
            workshop=record.company.rec_name, number=record.number or '')
        message.set_content(gettext('powder_coating.msg_payment_email_body',
                description=link.description(),
                amount=amount_text(link.amount), url=link_url(
                    record.company, token),
                days=LINK_DAYS, workshop=record.company.rec_name))
        # The link pays on the client's behalf: only the server reads it.
        Email.queue(record.company, [message],
            platform=Email.platform_needed(record.company),
            confidential=True)
        return 'end'


class RecordStart(ModelView):
    "Record a Payment"
    __name__ = 'powder_coating.payment.record.start'
    __string__ = "Record a Payment"

    method = fields.Selection([m for m in METHODS
            if m[0] in COUNTER_METHODS], "Means", required=True)
    purpose = fields.Selection(PURPOSES, "For", required=True)
    amount = fields.Numeric("Amount", digits=MONEY, required=True,
        domain=[('amount', '>', 0)])
    date = fields.Date("Date", required=True)
    receipt = fields.Binary("Receipt", filename='receipt_name',
        help="Optional: a photo of the cheque or the terminal's ticket.")
    receipt_name = fields.Char("Receipt Name")


class Record(Wizard):
    "Record a payment taken at the counter."
    __name__ = 'powder_coating.payment.record'

    start = StateView('powder_coating.payment.record.start',
        'powder_coating.payment_record_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Record the Payment", 'record_', 'tryton-ok',
                default=True),
            ])
    record_ = StateTransition()

    def default_start(self, fields):
        figures = self.record.payment_figures()
        deposit = max(figures['deposit'] - figures['paid'], Decimal(0))
        return {
            'method': 'cash',
            'purpose': 'deposit' if deposit > 0 else 'balance',
            'amount': deposit or figures['balance'] or None,
            'date': Pool().get('ir.date').today(),
            }

    def transition_record_(self):
        Payment = Pool().get('account.payment')
        if not self.start.amount or self.start.amount <= 0:
            raise PaymentLinkError(gettext(
                    'powder_coating.msg_payment_amount_positive'))
        Payment.record(self.record.company, self.record, self.start.method,
            self.start.amount, date=self.start.date,
            purpose=self.start.purpose, receipt=self.start.receipt,
            receipt_name=self.start.receipt_name)
        return 'end'
