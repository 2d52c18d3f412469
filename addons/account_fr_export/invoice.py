# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""French rules on customer invoices: which VAT applies (French rates,
reverse charge for EU businesses whose VAT number VIES confirms, services
outside the EU), and what an invoice needs before it is posted (the
workshop's SIREN and VAT number, the client's address, a professional
client's SIREN, a valid VAT number for reverse charge).

Posting checks everything first and writes nothing when something is
missing; Tryton then numbers the invoice from the gapless sequence and
forbids editing or deleting it."""
from decimal import Decimal

from stdnum.eu import vat as stdnum_vat

from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model import fields
from trytond.modules.connector.exceptions import (
    ConnectorError, ConnectorUnavailableError, VatCheckError)
from trytond.pool import Pool, PoolMeta
from trytond.transaction import without_check_access

from . import fec

# The account_fr tax templates of services, by VAT rate (%).
SERVICE_TAXES = {
    Decimal('20'): 'tva_vente_services_taux_normal',
    Decimal('10'): 'tva_vente_services_taux_intermediaire',
    Decimal('8.5'): 'tva_vente_services_8_5',
    Decimal('5.5'): 'tva_vente_services_5_5',
    Decimal('2.1'): 'tva_vente_services_2_1',
    }
REVERSE_CHARGE_TAX = 'tva_vente_intracommunautaire_services_0'
REVERSE_CHARGE_GOODS_TAX = 'tva_vente_intracommunautaire_biens_0'
OUTSIDE_EU_TAX = 'tva_vente_services_hors_communaute'
OUTSIDE_EU_GOODS_TAX = 'tva_vente_biens_hors_communaute'
REVERSE_CHARGE_NOTICE = (
    "Autoliquidation : TVA due par le preneur "
    "(article 283-2 du CGI, article 196 de la directive 2006/112/CE)")
OUTSIDE_EU_NOTICE = "TVA non applicable, article 259-1 du CGI"
# UNECE codes of the workshop's taxes, for the Factur-X XML:
# template -> (category, VATEX exemption code, legal notice or None).
TAX_CODES = {
    REVERSE_CHARGE_TAX: ('AE', 'VATEX-EU-AE', REVERSE_CHARGE_NOTICE),
    REVERSE_CHARGE_GOODS_TAX: ('K', 'VATEX-EU-IC', None),
    OUTSIDE_EU_TAX: ('O', 'VATEX-EU-O', OUTSIDE_EU_NOTICE),
    OUTSIDE_EU_GOODS_TAX: ('G', 'VATEX-EU-G', None),
    }
EU_COUNTRIES = {
    'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR',
    'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO',
    'SE', 'SI', 'SK',
    }
# What invoices of a quote or project are for.
PURPOSES = [
    (None, ""),
    ('deposit', "Deposit"),
    ('balance', "Balance"),
    ]


def vat_regime(client_country, client_vat=None, vat_valid=False,
        professional=False):
    """The VAT of a service sold by a French workshop to a client of
    `client_country` (ISO code): 'france' (French VAT), 'reverse_charge'
    (a business elsewhere in the EU whose VAT number is valid: the client
    pays the VAT, article 283-2 of the CGI) or 'outside_eu' (a business
    outside the EU: no French VAT, article 259-1 of the CGI)."""
    country = (client_country or 'FR').upper()
    if country == 'FR':
        return 'france'
    if country in EU_COUNTRIES:
        if client_vat and vat_valid:
            return 'reverse_charge'
        return 'france'
    return 'outside_eu' if professional or client_vat else 'france'


def party_siren(party):
    """The 9 digits of the SIREN of `party`: its SIREN, else the start of
    its SIRET, else taken from its French VAT number; None if unknown."""
    if party is None:
        return None
    return fec.siren((i.type, i.code)
        for i in getattr(party, 'identifiers', [])) or None


def party_vat(party):
    "The intra-community VAT number of `party` (compact) or None."
    for identifier in getattr(party, 'identifiers', []):
        if identifier.type == 'eu_vat' and identifier.code:
            return stdnum_vat.compact(identifier.code)
    return None


def is_professional(party):
    """A business client: marked professional, or with a SIREN, SIRET or
    VAT number."""
    if getattr(party, 'client_kind', None) == 'professional':
        return True
    if getattr(party, 'client_kind', None) == 'private':
        return False
    return bool(party_siren(party) or party_vat(party))


class InvoicePostError(UserError):
    pass


class InvoiceLine(metaclass=PoolMeta):
    __name__ = 'account.invoice.line'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._check_modify_exclude -= {'description', 'note'}


class Invoice(metaclass=PoolMeta):
    __name__ = 'account.invoice'

    purpose = fields.Selection(PURPOSES, "Purpose", readonly=True,
        help="A deposit invoice (acompte) or the balance invoice (solde) "
        "deducting the deposits.")
    reverse_charge = fields.Function(fields.Boolean("Reverse Charge",
            help="The client, a business elsewhere in the EU, pays the "
            "VAT (autoliquidation)."),
        'get_reverse_charge')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        # An invoice issued is not changed (French law): what it prints,
        # its description and reference included, stays as it was posted.
        cls._check_modify_exclude -= {'description', 'reference', 'comment'}

    def get_reverse_charge(self, name):
        return any(t.tax.template and t.tax.template.id in
            _template_ids(REVERSE_CHARGE_TAX, REVERSE_CHARGE_GOODS_TAX)
            for t in self.taxes)

    @classmethod
    def post(cls, invoices):
        "Check the French requirements of every invoice, then post."
        for invoice in invoices:
            if invoice.type == 'out' and invoice.state != 'posted':
                invoice.check_french_requirements()
        super().post(invoices)

    def check_french_requirements(self):
        """Raise InvoicePostError naming what the invoice lacks: the
        workshop's SIREN or VAT number, the client's address, a
        professional client's SIREN, a VAT number VIES confirms for
        reverse charge."""
        company_party = self.company.party
        if not party_siren(company_party):
            raise InvoicePostError(gettext(
                    'account_fr_export.msg_post_company_siren',
                    invoice=self.rec_name,
                    workshop=company_party.rec_name))
        if not party_vat(company_party):
            raise InvoicePostError(gettext(
                    'account_fr_export.msg_post_company_vat',
                    invoice=self.rec_name,
                    workshop=company_party.rec_name))
        address = self.invoice_address
        if (not address or not (address.street or '').strip()
                or not address.city or not address.country):
            raise InvoicePostError(gettext(
                    'account_fr_export.msg_post_client_address',
                    invoice=self.rec_name, client=self.party.rec_name))
        professional = is_professional(self.party)
        country = address.country.code
        if professional and country == 'FR' and not party_siren(self.party):
            raise InvoicePostError(gettext(
                    'account_fr_export.msg_post_client_siren',
                    invoice=self.rec_name, client=self.party.rec_name))
        if self._tax_templates() & _template_ids(
                REVERSE_CHARGE_TAX, REVERSE_CHARGE_GOODS_TAX):
            self.check_reverse_charge()

    def check_reverse_charge(self):
        "The client's VAT number must be valid in VIES, checked now."
        vat = party_vat(self.party)
        country = self.invoice_address.country.code
        if not vat or country not in EU_COUNTRIES or country == 'FR':
            raise InvoicePostError(gettext(
                    'account_fr_export.msg_post_reverse_charge_vat',
                    invoice=self.rec_name, client=self.party.rec_name))
        Party = Pool().get('party.party')
        try:
            with without_check_access():
                Party.check_vat([self.party])
        except ConnectorUnavailableError as error:
            raise InvoicePostError(gettext(
                    'account_fr_export.msg_post_vies_unavailable',
                    invoice=self.rec_name, number=vat,
                    error=error.message)) from error
        except (ConnectorError, VatCheckError) as error:
            raise InvoicePostError(gettext(
                    'account_fr_export.msg_post_vies_rejected',
                    invoice=self.rec_name, client=self.party.rec_name,
                    number=vat)) from error
        party = Party(self.party.id)
        if (party.vat_check != 'valid'
                or stdnum_vat.compact(party.vat_check_number or '') != vat):
            raise InvoicePostError(gettext(
                    'account_fr_export.msg_post_vies_rejected',
                    invoice=self.rec_name, client=self.party.rec_name,
                    number=vat))

    def _tax_templates(self):
        "The ids of the tax templates of the invoice's lines."
        return {t.template.id for l in self.lines if l.type == 'line'
            for t in (l.taxes or []) if t.template}

    @classmethod
    def french_taxes(cls, company, party, rate=Decimal(20)):
        """The tax for a service at `rate` % sold by `company` to `party`:
        the French rate, or reverse charge / outside the EU by the
        client's country and VAT number (as last checked in VIES)."""
        address = party.address_get('invoice')
        country = address.country.code if address and address.country \
            else 'FR'
        vat = party_vat(party)
        valid = bool(vat and getattr(party, 'vat_check', None) == 'valid'
            and stdnum_vat.compact(party.vat_check_number or '') == vat)
        regime = vat_regime(country, vat, valid, is_professional(party))
        template = {
            'reverse_charge': REVERSE_CHARGE_TAX,
            'outside_eu': OUTSIDE_EU_TAX,
            }.get(regime) or SERVICE_TAXES.get(Decimal(str(rate or 0)))
        if template is None:
            raise InvoicePostError(gettext(
                    'account_fr_export.msg_vat_rate_unknown', rate=rate))
        return [company_tax(company, template)]


def _template_ids(*names):
    ModelData = Pool().get('ir.model.data')
    return {ModelData.get_id('account_fr', n) for n in names}


def company_tax(company, template):
    "The tax of `company` made from the account_fr tax template."
    pool = Pool()
    Tax = pool.get('account.tax')
    ModelData = pool.get('ir.model.data')
    with without_check_access():
        taxes = Tax.search([
                ('company', '=', company.id),
                ('template', '=', ModelData.get_id('account_fr', template)),
                ], limit=1)
    if not taxes:
        raise InvoicePostError(gettext(
                'account_fr_export.msg_tax_missing', workshop=company.rec_name))
    return taxes[0]


def company_account(company, code):
    "The account of `company` numbered `code` in its chart, or None."
    Account = Pool().get('account.account')
    with without_check_access():
        accounts = Account.search([
                ('company', '=', company.id),
                ('code', '=', code),
                ], limit=1)
    return accounts[0] if accounts else None


class WorkshopCreate(metaclass=PoolMeta):
    __name__ = 'saas.workshop.create'

    def create_company(self, siret):
        """A new workshop gets its intra-community VAT number, made from its
        SIREN (most workshops charge VAT; one in the VAT franchise removes
        it from its party's identifiers)."""
        from stdnum.fr import siren as stdnum_siren
        pool = Pool()
        Identifier = pool.get('party.identifier')
        company = super().create_company(siret)
        if not party_vat(company.party):
            Identifier.create([{
                        'party': company.party.id,
                        'type': 'eu_vat',
                        'code': 'FR' + stdnum_siren.to_tva(siret[:9]),
                        }])
        return company

    @classmethod
    def create_chart(cls, company):
        """The chart's taxes get their UNECE codes (Factur-X) and the legal
        notices the invoices print (reverse charge, outside the EU)."""
        super().create_chart(company)
        set_tax_codes(company)


def set_tax_codes(company):
    "UNECE codes and legal notices on the sale taxes of `company`."
    pool = Pool()
    Tax = pool.get('account.tax')
    ModelData = pool.get('ir.model.data')
    special = {ModelData.get_id('account_fr', name): codes
        for name, codes in TAX_CODES.items()}
    with without_check_access():
        taxes = Tax.search([
                ('company', '=', company.id),
                ('group.kind', 'in', ['sale', 'both']),
                ])
        to_write = []
        for tax in taxes:
            values = {'unece_code': 'VAT', 'unece_category_code': 'S'}
            codes = special.get(tax.template.id if tax.template else None)
            if codes:
                category, vatex, notice = codes
                values['unece_category_code'] = category
                if 'vatex_code' in Tax._fields:
                    values['vatex_code'] = vatex
                if notice:
                    values['legal_notice'] = notice
            to_write.extend([[tax], values])
        if to_write:
            Tax.write(*to_write)
