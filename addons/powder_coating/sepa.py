# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""SEPA direct debit (prélèvement SEPA) for professional clients, with
Tryton's ``account_payment_sepa``.

The workshop's SEPA journal debits on its IBAN under its creditor
identifier (ICS); a professional client signs a mandate on the payment
link's page, which plans an ``account.payment`` on that journal; the
workshop collects it the Tryton way (process the payments: a payment group
and its pain.008 message for the bank). A succeeded debit pays the link, a
failed one leaves it payable again."""
import datetime

from stdnum import bic as std_bic
from stdnum import iban as std_iban
from stdnum.eu import at_02

from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model import ModelView, Workflow, fields
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access

from .payment import LINK_DAYS, METHODS, PaymentLinkError

# Tryton 8.0 writes pain.008.001.02, .04 and pain.008.003.02: .02 is the
# EPC's reference version, accepted by every French bank.
RECEIVABLE_FLAVOR = 'pain.008.001.02'
PAYABLE_FLAVOR = 'pain.001.001.03'
SCHEMES = ['B2B', 'CORE']
# The countries and territories of the SEPA scheme (EPC409-09, 2024).
SEPA_COUNTRIES = set(
    'AD AT BE BG CH CY CZ DE DK EE ES FI FR GB GI GR HR HU IE IS IT LI LT '
    'LU LV MC MT NL NO PL PT RO SE SI SK SM VA AX BL GF GP MF MQ NC PF PM '
    'RE TF WF YT GG IM JE AL MD ME MK'.split())


class SepaSettingsError(UserError):
    "The workshop cannot take SEPA debits yet (IBAN or ICS missing)."


class SepaMandateError(UserError):
    "The mandate form is not complete or not valid."


# --- computations (no ORM) ---------------------------------------------------

def clean_iban(text):
    "The compact IBAN of `text`, or None if it is not a valid IBAN."
    try:
        return std_iban.validate(text or '')
    except Exception:
        return None


def clean_bic(text):
    "The compact BIC of `text` ('' when empty), or None if it is invalid."
    if not (text or '').strip():
        return ''
    try:
        return std_bic.validate(text)
    except Exception:
        return None


def creditor_identifier(country, national_id, business_code='ZZZ'):
    "A SEPA creditor identifier (ICS) with its check digits: FRxxZZZ123456."
    number = f'{country}00{business_code}{national_id}'.upper()
    return at_02.compact(
        f'{country}{at_02.calc_check_digits(number)}'
        f'{business_code}{national_id}'.upper())


def iban_with_check(country, bban):
    "An IBAN from its country and domestic account number (BBAN)."
    number = f'{country}00{bban}'.upper()
    return f'{country}{std_iban.calc_check_digits(number)}{bban}'.upper()


def collection_date(today):
    """The earliest date to ask the bank to debit: the next business day
    (the rulebooks ask one TARGET day for B2B and CORE alike)."""
    day = today + datetime.timedelta(days=1)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


def masked_iban(iban):
    "FR76 •••• 0189: what the pages show of an account."
    iban = std_iban.compact(iban or '')
    return f'{iban[:4]} •••• {iban[-4:]}' if iban else ''


def mandate_form_errors(holder, iban, bic, scheme, accepted):
    """The message ids of what is wrong in a signed mandate form (empty
    when it can be signed), and the cleaned IBAN and BIC."""
    errors = []
    if not (holder or '').strip():
        errors.append('msg_sepa_holder_required')
    compact_iban = clean_iban(iban)
    if not compact_iban:
        errors.append('msg_sepa_iban_invalid')
    elif compact_iban[:2] not in SEPA_COUNTRIES:
        errors.append('msg_sepa_iban_not_sepa')
    compact_bic = clean_bic(bic)
    if compact_bic is None:
        errors.append('msg_sepa_bic_invalid')
    if scheme not in SCHEMES:
        errors.append('msg_sepa_scheme_invalid')
    if not accepted:
        errors.append('msg_sepa_accept_required')
    return errors, compact_iban, compact_bic


# --- the workshop's SEPA journal ---------------------------------------------

def workshop_iban(company):
    "The workshop's first IBAN (bank.account.number), or None."
    with without_check_access():
        for account in company.party.bank_accounts:
            for number in account.numbers:
                if number.type == 'iban' and number.active:
                    return number
    return None


def bank_for(company, bic, name=None):
    """The bank of `bic` for the workshop (created if needed); a bank
    without BIC when none is given (the message says NOTPROVIDED)."""
    pool = Pool()
    Bank = pool.get('bank')
    Party = pool.get('party.party')
    with without_check_access():
        banks = Bank.search([
                ('bic', '=', bic or None),
                ('party.company', '=', company.id),
                ], limit=1)
        if banks:
            return banks[0]
        party = Party(name=name or (f"Banque {bic}" if bic
                else "Banque (BIC non communiqué)"), company=company)
        party.save()
        bank = Bank(party=party, bic=bic or None)
        bank.save()
        return bank


class Journal(metaclass=PoolMeta):
    __name__ = 'account.payment.journal'

    @classmethod
    def for_method(cls, company, method):
        if method != 'sepa':
            return super().for_method(company, method)
        return cls.sepa_journal(company)

    @classmethod
    def sepa_ready(cls, company):
        "The workshop has an IBAN and a SEPA creditor identifier."
        with without_check_access():
            return bool(workshop_iban(company)
                and company.party.sepa_creditor_identifier_used)

    @classmethod
    def sepa_journal(cls, company):
        """The workshop's SEPA journal (a Tryton SEPA journal on its IBAN),
        created or brought up to date; a clear error without IBAN or ICS."""
        Company = Pool().get('company.company')
        company = Company(int(company))
        if not cls.sepa_ready(company):
            raise SepaSettingsError(gettext(
                    'powder_coating.msg_sepa_workshop_settings',
                    workshop=company.rec_name))
        with without_check_access():
            number = workshop_iban(company)
            if not number.account.bank:
                number.account.bank = bank_for(company, None)
                number.account.save()
            journals = cls.search([
                    ('company', '=', company.id),
                    ('coating_method', '=', 'sepa'),
                    ], limit=1)
            journal = journals[0] if journals else cls(
                name="Prélèvement SEPA", company=company,
                currency=company.currency, coating_method='sepa')
            values = {
                'process_method': 'sepa',
                'sepa_bank_account_number': number,
                'sepa_receivable_flavor': (
                    journal.sepa_receivable_flavor
                    if getattr(journal, 'process_method', None) == 'sepa'
                    else None) or RECEIVABLE_FLAVOR,
                'sepa_payable_flavor': (
                    getattr(journal, 'sepa_payable_flavor', None)
                    or PAYABLE_FLAVOR),
                'sepa_charge_bearer': 'SLEV',
                'sepa_batch_booking': True,
                }
            if any(getattr(journal, k, None) != v
                    for k, v in values.items()) or not journal.id:
                for key, value in values.items():
                    setattr(journal, key, value)
                journal.save()
            cls.mandate_sequence(company)
            return journal

    @classmethod
    def mandate_sequence(cls, company):
        "The workshop's sequence of mandate references (RUM), once."
        pool = Pool()
        Configuration = pool.get('account.configuration')
        Sequence = pool.get('ir.sequence')
        ModelData = pool.get('ir.model.data')
        with without_check_access(), \
                Transaction().set_context(company=company.id):
            configuration = Configuration(1)
            sequence = configuration.get_multivalue(
                'sepa_mandate_sequence', company=company.id)
            if sequence:
                return sequence
            sequence = Sequence(name="Mandats SEPA", company=company,
                sequence_type=ModelData.get_id(
                    'account_payment_sepa', 'sequence_type_mandate'),
                prefix=f'RUM-{company.id}-', padding=6)
            sequence.save()
            configuration.set_multivalue('sepa_mandate_sequence', sequence,
                company=company.id)
            configuration.save()
            return sequence

    @classmethod
    def create_workshop_journals(cls, company):
        """Every journal; the SEPA one stays a plain journal (no debit)
        until the workshop enters its IBAN and ICS."""
        journals = []
        for method, _ in METHODS:
            if method == 'sepa' and not cls.sepa_ready(company):
                journals.append(super().for_method(company, method))
            else:
                journals.append(cls.for_method(company, method))
        return journals


# --- the payment link's debit ------------------------------------------------

class PaymentLink(metaclass=PoolMeta):
    __name__ = 'powder_coating.payment.link'

    sepa_mandate = fields.Many2One('account.payment.sepa.mandate',
        "SEPA Mandate", readonly=True, ondelete='RESTRICT',
        help="The mandate the client signed on the link's page.")
    sepa_payment = fields.Many2One('account.payment', "SEPA Debit",
        readonly=True, ondelete='RESTRICT',
        help="The debit planned with the mandate; collected with the next "
        "SEPA payment group.")
    sepa_signer = fields.Char("Mandate Signed By", readonly=True,
        help="The account holder named by the client on the mandate.")
    sepa_signed_at = fields.Timestamp("Mandate Signed At", readonly=True)
    sepa_signed_ip = fields.Char("Mandate Signed From", readonly=True,
        help="The IP address the mandate was signed from (evidence).")
    sepa_rejected = fields.Function(fields.Boolean("SEPA Debit Rejected",
            help="The bank rejected the debit: the client may pay again."),
        'get_sepa_rejected')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        selection = list(cls.state.selection)
        if ('sepa', "SEPA Debit Planned") not in selection:
            selection.insert(1, ('sepa', "SEPA Debit Planned"))
        cls.state.selection = selection
        cls._transitions |= {
            ('open', 'sepa'), ('sepa', 'paid'), ('sepa', 'open'),
            ('paid', 'open')}

    def get_sepa_rejected(self, name):
        return bool(self.state == 'open' and self.sepa_payment
            and self.sepa_payment.state == 'failed')

    def check_payable(self):
        if self.state == 'sepa':
            raise PaymentLinkError(gettext(
                    'powder_coating.msg_sepa_link_planned',
                    amount=_money(self.amount, self.company),
                    account=masked_iban(
                        self.sepa_mandate.account_number.number
                        if self.sepa_mandate else '')))
        super().check_payable()

    def sign_sepa_mandate(self, holder, iban, bic, scheme,
            ip_address=None):
        """The client's signed mandate (validated at signing: the signature
        on this page is the mandate) and the debit of the link's amount on
        the workshop's SEPA journal; the link is then « SEPA planned »."""
        pool = Pool()
        Mandate = pool.get('account.payment.sepa.mandate')
        Payment = pool.get('account.payment')
        Journal = pool.get('account.payment.journal')
        Date = pool.get('ir.date')
        self.check_payable()
        errors, iban, bic = mandate_form_errors(holder, iban, bic, scheme,
            True)
        if errors:
            raise SepaMandateError(gettext(f'powder_coating.{errors[0]}'))
        company, party = self.company, self.party
        journal = Journal.for_method(company, 'sepa')
        with Transaction().set_context(company=company.id), \
                without_check_access():
            number = party_iban(company, party, iban, bic, holder)
            address = party.address_get()
            if not address:
                Address = pool.get('party.address')
                address = Address(party=party)
                address.save()
            mandate = Mandate(company=company, party=party, address=address,
                account_number=number, type='recurrent', scheme=scheme,
                signature_date=Date.today())
            mandate.save()
            Mandate.request([mandate])
            Mandate.validate_mandate([mandate])
            origin = self.origin
            payment = Payment(company=company, journal=journal,
                kind='receivable', party=party, amount=self.amount,
                date=collection_date(Date.today()), origin=origin,
                purpose=self.kind,
                reference=origin.number, sepa_mandate=mandate)
            payment.save()
            Payment.submit([payment])
            self.__class__.write([self], {
                    'state': 'sepa',
                    'sepa_mandate': mandate.id,
                    'sepa_payment': payment.id,
                    'sepa_signer': holder.strip(),
                    'sepa_signed_at': datetime.datetime.now(),
                    'sepa_signed_ip': ip_address,
                    })
        return mandate, payment

    def mark_paid(self, payment_intent=None):
        """A card payment made on a Stripe page opened before the mandate
        was signed: the planned debit, not sent to the bank yet, is taken
        back (never paid twice); once sent, the workshop refunds one."""
        Payment = Pool().get('account.payment')
        planned = self.sepa_payment if self.state == 'sepa' else None
        if planned and planned.state in {'draft', 'submitted', 'approved'}:
            with without_check_access():
                self.__class__.write([self], {
                        'state': 'open', 'sepa_payment': None})
                Payment.draft([planned])
                Payment.delete([planned])
        return super().mark_paid(payment_intent)

    @classmethod
    def sepa_outcome(cls, payments, succeeded):
        """The bank's answer on planned debits: a success pays their link,
        a failure makes it payable again (with the rejected debit)."""
        with without_check_access():
            links = cls.search([
                    ('sepa_payment', 'in', [p.id for p in payments]),
                    ])
            for link in links:
                if succeeded and link.state == 'sepa':
                    cls.write([link], {
                            'state': 'paid',
                            'payment': link.sepa_payment.id,
                            })
                elif not succeeded and link.state in {'sepa', 'paid'}:
                    expires = max(link.expires, datetime.datetime.now()
                        + datetime.timedelta(days=LINK_DAYS))
                    cls.write([link], {
                            'state': 'open',
                            'payment': None,
                            'expires': expires,
                            })


def party_iban(company, party, iban, bic, holder):
    """The client's bank account number for `iban` (created with its bank
    when new), owned by the client's party."""
    pool = Pool()
    Number = pool.get('bank.account.number')
    Account = pool.get('bank.account')
    for account in party.bank_accounts:
        for number in account.numbers:
            if number.type == 'iban' and number.number_compact == iban:
                if not account.bank or (bic and account.bank.bic != bic):
                    account.bank = bank_for(company, bic)
                    account.save()
                return number
    # Tryton keeps an IBAN once in the database: the same client's account
    # known by another party (or workshop) gets this party as an owner.
    numbers = Number.search([
            ('type', '=', 'iban'),
            ('number_compact', '=', iban),
            ], limit=1)
    if numbers:
        number, = numbers
        account = number.account
        account.owners = list(account.owners) + [party]
        if not account.bank or (bic and account.bank.bic != bic):
            account.bank = bank_for(company, bic)
        account.save()
        return number
    account = Account(owners=[party], currency=company.currency,
        bank=bank_for(company, bic),
        numbers=[Number(type='iban', number=iban)])
    account.save()
    return account.numbers[0]


def _money(amount, company):
    lang = Pool().get('ir.lang').get()
    return lang.currency(amount, company.currency, grouping=True,
        symbol=True)


class Payment(metaclass=PoolMeta):
    __name__ = 'account.payment'

    @classmethod
    @ModelView.button
    @Workflow.transition('succeeded')
    def succeed(cls, payments):
        super().succeed(payments)
        Pool().get('powder_coating.payment.link').sepa_outcome(
            payments, True)

    @classmethod
    @ModelView.button
    @Workflow.transition('failed')
    def fail(cls, payments):
        super().fail(payments)
        Pool().get('powder_coating.payment.link').sepa_outcome(
            payments, False)


# --- demo --------------------------------------------------------------------

def demo_settings(company, bban, national_id, bic='CCBPFRPPLYO',
        bank="Banque Populaire"):
    """The demo workshop's IBAN (from its `bban`) and ICS (FRxxZZZ +
    `national_id`), with valid check digits; its SEPA journal."""
    pool = Pool()
    Account = pool.get('bank.account')
    Identifier = pool.get('party.identifier')
    party = company.party
    if not workshop_iban(company):
        Account.create([{
                    'owners': [('add', [party.id])],
                    'currency': company.currency.id,
                    'bank': bank_for(company, bic, bank).id,
                    'numbers': [('create', [{
                                    'type': 'iban',
                                    'number': iban_with_check('FR', bban),
                                    }])],
                    }])
    if not party.sepa_creditor_identifier_used:
        Identifier.create([{
                    'party': party.id, 'type': 'eu_at_02',
                    'code': creditor_identifier('FR', national_id),
                    }])
    return pool.get('account.payment.journal').sepa_journal(company)

