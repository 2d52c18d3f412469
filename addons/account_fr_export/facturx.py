# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Factur-X: the invoice's CII XML in the EN 16931 profile, made by
Tryton's edocument_uncefact with our template, and embedded into the
PDF/A-3 of the invoice with the factur-x library (which checks the XML
against the Factur-X XSD and writes the XMP metadata)."""
import os
from decimal import Decimal

import genshi.template

from trytond.pool import Pool, PoolMeta
from trytond.tools import cached_property

TEMPLATE = 'FacturX-EN16931'
FLAVOR = 'factur-x'
LEVEL = 'en16931'
FILENAME = 'factur-x.xml'

loader = genshi.template.TemplateLoader(
    os.path.join(os.path.dirname(__file__), 'template'), auto_reload=True)

# UNTDID 4461 payment means the XML names, with the workshop's IBAN.
CREDIT_TRANSFER = '30'
SEPA_CREDIT_TRANSFER = '58'
NOT_DEFINED = '1'
# The VATEX exemption code of a VAT category that has only one.
VATEX = {
    'AE': 'VATEX-EU-AE',  # reverse charge
    'K': 'VATEX-EU-IC',  # intra-community supply of goods
    'G': 'VATEX-EU-G',  # export outside the EU
    'O': 'VATEX-EU-O',  # outside the scope of VAT
    }


def tax_category(rate, unece_category=None):
    """The EN 16931 VAT category of a tax: its UNECE category, else S
    (standard) for a positive rate and Z (zero rated) for 0 %."""
    if unece_category:
        return unece_category
    return 'S' if rate else 'Z'


def percent(rate):
    "The rate 0.2 as '20', 0.055 as '5.5'."
    value = (Decimal(rate or 0) * 100).normalize()
    return format(value.quantize(Decimal(1)) if value == value.to_integral()
        else value, 'f')


def address_lines(street):
    "The non-empty lines of a street."
    return [l.strip() for l in (street or '').splitlines() if l.strip()]


def line_quantity(quantity, signed_amount):
    "The quantity of a line, with the sign of its amount in the document."
    quantity = abs(Decimal(str(quantity or 0)).normalize())
    return -quantity if signed_amount < 0 else quantity


def embed(pdf, xml, lang='fr-FR', metadata=None):
    """The PDF/A-3 `pdf` with the Factur-X `xml` embedded as factur-x.xml
    and the Factur-X XMP metadata; the XML is checked against the XSD of
    the EN 16931 profile first (ValueError if it does not pass)."""
    from facturx import generate_from_binary
    return generate_from_binary(bytes(pdf), xml, flavor=FLAVOR, level=LEVEL,
        check_xsd=True, lang=lang, pdf_metadata=metadata)


def check_xml(xml):
    "Whether `xml` passes the XSD of Factur-X EN 16931 (raises if not)."
    from facturx import xml_check_xsd
    return xml_check_xsd(xml, flavor=FLAVOR, level=LEVEL)


class Invoice(metaclass=PoolMeta):
    "The CII of a customer invoice, also in the Factur-X EN 16931 profile."
    __name__ = 'edocument.uncefact.invoice'

    def _get_template(self, version):
        if version == TEMPLATE:
            return loader.load(os.path.join(TEMPLATE,
                    'CrossIndustryInvoice.xml'))
        return super()._get_template(version)

    @cached_property
    def type_code(self):
        "381 (credit note) when the invoice totals less than zero."
        if self.invoice.type == 'out' and self.invoice.total_amount < 0:
            return '381'
        return super().type_code

    def currency_round(self, amount):
        return self.invoice.currency.round(amount or Decimal(0))

    @staticmethod
    def address_lines(address):
        return address_lines(address.street)

    @staticmethod
    def party_vat(party):
        for identifier in party.identifiers:
            if identifier.type == 'eu_vat' and identifier.code:
                return identifier.code_compact
        return None

    @staticmethod
    def party_siren(party):
        "The SIREN (of the SIREN or SIRET) of a French party, else None."
        codes = {i.type: i.code_compact for i in party.identifiers}
        if codes.get('fr_siren'):
            return codes['fr_siren']
        if codes.get('fr_siret'):
            return codes['fr_siret'][:9]
        return None

    @staticmethod
    def tax_category(tax):
        return tax_category(
            tax.rate if tax.type == 'percentage' else 0,
            getattr(tax, 'unece_category_code', None))

    @classmethod
    def tax_exemption(cls, tax):
        """(reason, VATEX code) of a tax without VAT (reverse charge,
        exempt, outside the scope), else (None, None)."""
        category = cls.tax_category(tax)
        if category in {'S', 'Z', 'L', 'M'}:
            return None, None
        return (tax.legal_notice or None,
            getattr(tax, 'vatex_code', None) or VATEX.get(category))

    @staticmethod
    def tax_percent(tax):
        return percent(tax.rate if tax.type == 'percentage' else 0)

    def line_tax(self, line):
        "The one VAT of `line` (EN 16931 allows one per line)."
        taxes = [t.tax for t in line.invoice_taxes
            if (getattr(t.tax, 'unece_code', None) or 'VAT') == 'VAT']
        if not taxes:
            # No VAT on the line: 0 % out of scope.
            Tax = Pool().get('account.tax')
            return Tax(type='percentage', rate=Decimal(0), unece_code='VAT',
                unece_category_code='O', legal_notice=None)
        return taxes[0]

    def line_name(self, line):
        if line.product:
            return line.product.name
        return (address_lines(line.description) or ['-'])[0]

    def line_description(self, line):
        lines = address_lines(line.description)
        if line.product:
            return '\n'.join(lines) or None
        return '\n'.join(lines[1:]) or None

    def line_quantity(self, line):
        """The billed quantity, negative for a line deducted from the
        document (a deposit on a balance invoice): the net price stays
        positive and quantity × price gives the line's amount."""
        return line_quantity(line.quantity, line.amount * self.type_sign)

    def unit_code(self, line):
        "The UN/ECE code of the line's unit, C62 (one) without one."
        unit = line.unit
        return (getattr(unit, 'unece_code', None) if unit else None) or 'C62'

    @cached_property
    def due_date(self):
        "The last due date of the invoice's payment term."
        dates = [l.maturity_date for l in self.invoice.lines_to_pay
            if l.maturity_date]
        return max(dates) if dates else self.invoice.invoice_date

    @cached_property
    def delivery_date(self):
        "The date of the service: the invoice's, unless said otherwise."
        return (getattr(self.invoice, 'service_date', None)
            or self.invoice.invoice_date)

    @cached_property
    def amount_due(self):
        "What is left to pay (in the sign of the invoice)."
        amount = self.invoice.amount_to_pay
        if amount is None:
            amount = self.invoice.total_amount
        if self.invoice.total_amount < 0 and amount > 0:
            amount = -amount
        return amount

    @cached_property
    def credited_invoices(self):
        "The invoices a credit note corrects."
        Line = Pool().get('account.invoice.line')
        invoices = []
        for line in self.lines:
            origin = line.origin
            if (isinstance(origin, Line) and origin.invoice
                    and origin.invoice != self.invoice
                    and origin.invoice.number
                    and origin.invoice not in invoices):
                invoices.append(origin.invoice)
        return invoices

    @cached_property
    def payment_means_codes(self):
        """(UNTDID 4461 code, IBAN, BIC) of each way to pay: a credit
        transfer to the workshop's IBAN, else not defined."""
        means = []
        for payment_mean in getattr(self.invoice, 'payment_means', []):
            instrument = payment_mean.instrument
            iban = getattr(instrument, 'iban', None) if instrument else None
            if payment_mean.unece_code in {
                    '30', '42', '58'} and iban:
                bank = getattr(instrument, 'bank', None)
                means.append((SEPA_CREDIT_TRANSFER, iban.replace(' ', ''),
                        bank.bic if bank and bank.bic else None))
        return means or [(NOT_DEFINED, None, None)]

    @cached_property
    def notes(self):
        """The French legal mentions as notes of the invoice: AAB early
        payment discount, PMT late payment interest, PMD fixed recovery
        indemnity (professional clients), REG the taxes' legal notices."""
        from .invoice_report import legal_mentions
        Settings = Pool().get('account_fr_export.settings')
        settings = Settings.get(self.invoice.company)
        mentions = legal_mentions(settings,
            professional=bool(self.party_siren(self.invoice.party)
                or self.party_vat(self.invoice.party)))
        notes = [('AAB', mentions['discount']), ('PMT', mentions['penalty'])]
        if mentions.get('indemnity'):
            notes.append(('PMD', mentions['indemnity']))
        for tax in self.invoice.taxes:
            if tax.tax.legal_notice:
                notes.append(('REG', tax.tax.legal_notice))
        return notes

    def facturx_xml(self):
        "The Factur-X EN 16931 XML of the posted invoice (bytes)."
        return self.render(TEMPLATE)
