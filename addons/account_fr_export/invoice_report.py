# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The invoice as a PDF: HTML rendered by weasyprint through Tryton's
report engine, in the family of the quote's look (the workshop's logo and
colours), with the French legal mentions, as a PDF/A-3 carrying its
Factur-X XML. The report replaces Tryton's `account.invoice`, so a posted
invoice's cached PDF is the Factur-X one."""
import base64
from decimal import Decimal

from trytond.pool import Pool, PoolMeta
from trytond.report import Report
from trytond.transaction import Transaction

try:
    from trytond.modules.saas_portal.branding import (
        DEFAULT_ACCENT, DEFAULT_PRIMARY, image_type, text_colour,
        valid_colour)
except ImportError:  # pragma: no cover
    DEFAULT_PRIMARY, DEFAULT_ACCENT = '#1e40af', '#f59e0b'
    image_type = None

    def text_colour(background):
        return '#ffffff'

    def valid_colour(colour):
        return bool(colour)

ECB_RATE = ("taux de refinancement de la BCE majoré de 10 points "
    "(art. L441-10 du Code de commerce)")
NO_DISCOUNT = "Pas d'escompte pour paiement anticipé"


def is_credit_note(total_amount, line_amounts):
    "A credit note (avoir): it totals below zero or all its lines do."
    line_amounts = list(line_amounts)
    return (total_amount or 0) < 0 or bool(
        line_amounts and all(a < 0 for a in line_amounts))


def invoice_language(party_lang, country_code, default='en'):
    """The language of an invoice and its email: the client's, else French
    for a client in France, else `default` (English)."""
    if party_lang:
        return party_lang
    if (country_code or 'FR').upper() == 'FR':
        return 'fr'
    return default


def is_professional(identifier_types):
    "A professional client has a SIREN, a SIRET or a VAT number."
    return bool({'fr_siren', 'fr_siret', 'eu_vat'} & set(identifier_types))


def french_number(value, digits=2):
    "1234.5 as '1 234,50' (narrow no-break space between thousands)."
    text = '{:,.{}f}'.format(Decimal(value), digits)
    return text.replace(',', '\u202f').replace('.', ',')


def legal_mentions(settings, professional):
    """The payment mentions of a French invoice, in French (for the
    Factur-X notes): early payment discount, late payment interest and,
    for a professional client, the fixed recovery indemnity."""
    rate = settings.late_penalty_rate
    mentions = {
        'discount': (settings.early_payment_discount or NO_DISCOUNT),
        'penalty': "Pénalités de retard : %s" % (
            ("%s %% par an" % french_number(rate)) if rate is not None
            else ECB_RATE),
        }
    if professional:
        mentions['indemnity'] = (
            "Indemnité forfaitaire pour frais de recouvrement : %s € "
            "(art. D441-5 du Code de commerce)" % french_number(
                settings.recovery_indemnity or 40,
                0 if (settings.recovery_indemnity or 40) % 1 == 0 else 2))
    return mentions


def vat_summary(taxes, sign=1):
    """[(rate, base, amount)] per VAT rate of the invoice's taxes
    [(rate, base, amount)], rates in descending order."""
    summary = {}
    for rate, base, amount in taxes:
        base_, amount_ = summary.get(rate, (Decimal(0), Decimal(0)))
        summary[rate] = (base_ + base * sign, amount_ + amount * sign)
    return [(rate, base, amount)
        for rate, (base, amount) in sorted(
            summary.items(), key=lambda i: i[0], reverse=True)]


def data_uri(data):
    "An image embedded in the document (no file or network access)."
    if not data or image_type is None:
        return None
    mimetype = image_type(data)
    if not mimetype:
        return None
    return 'data:%s;base64,%s' % (
        mimetype, base64.b64encode(bytes(data)).decode('ascii'))


class InvoiceReport(metaclass=PoolMeta):
    __name__ = 'account.invoice'

    @classmethod
    def _execute(cls, records, header, data, action):
        "Render in the client's language, with the invoice to embed."
        invoice = records[0]
        address = invoice.invoice_address
        language = invoice_language(
            invoice.party.lang.code if invoice.party.lang else None,
            address.country.code if address and address.country else None)
        with Transaction().set_context(
                language=language, facturx_invoice=invoice.id):
            return super()._execute(records, header, data, action)

    @classmethod
    def render(cls, report, report_context):
        # Tryton renders its invoice in the default language; ours is in
        # the client's.
        if report.template_extension == 'html':
            return Report.render.__func__(cls, report, report_context)
        return super().render(report, report_context)

    @classmethod
    def convert(cls, report, data, timeout=5 * 60, retry=5):
        """weasyprint's PDF/A-3b, with the Factur-X XML of a posted
        invoice embedded."""
        if (report.template_extension != 'html'
                or report.extension != 'pdf'):
            return super().convert(report, data, timeout=timeout,
                retry=retry)
        import weasyprint
        fetcher = weasyprint.URLFetcher(allowed_protocols={'data'})
        pdf = weasyprint.HTML(string=data, url_fetcher=fetcher).write_pdf(
            pdf_variant='pdf/a-3b')
        invoice_id = Transaction().context.get('facturx_invoice')
        if invoice_id is not None:
            pdf = cls.facturx(invoice_id, pdf)
        return 'pdf', pdf

    @classmethod
    def facturx(cls, invoice_id, pdf):
        "The PDF with the Factur-X XML of the posted customer invoice."
        from .facturx import embed
        pool = Pool()
        Invoice = pool.get('account.invoice')
        Edocument = pool.get('edocument.uncefact.invoice')
        invoice = Invoice(invoice_id)
        if invoice.type != 'out' or invoice.state not in {'posted', 'paid'}:
            return pdf
        xml = Edocument(invoice).facturx_xml()
        language = Transaction().language or 'fr'
        return embed(pdf, xml, lang='fr-FR' if language.startswith('fr')
            else 'en-GB', metadata={
                'author': invoice.company.rec_name,
                'keywords': 'Factur-X',
                'title': '%s %s' % (invoice.company.rec_name, invoice.number),
                'subject': 'Factur-X %s %s' % (
                    'avoir' if invoice.total_amount < 0 else 'facture',
                    invoice.number),
                })

    @classmethod
    def get_context(cls, records, header, data):
        pool = Pool()
        Lang = pool.get('ir.lang')
        Settings = pool.get('account_fr_export.settings')
        Edocument = pool.get('edocument.uncefact.invoice')
        context = super().get_context(records, header, data)
        invoice = context['invoice']
        company = invoice.company
        lang = Lang.get()
        french = (lang.code or '').startswith('fr')
        settings = Settings.get(company)
        edocument = Edocument(invoice) if invoice.id and invoice.id >= 0 \
            else None
        credit = is_credit_note(invoice.total_amount,
            [l.amount for l in invoice.lines if l.type == 'line'])
        sign = -1 if credit else 1

        def money(value, signed=True):
            if value is None:
                return ''
            value = value * sign if signed else value
            if french:
                return '%s\u00a0%s' % (french_number(value),
                    '€' if company.currency.code == 'EUR'
                    else company.currency.symbol or company.currency.code)
            return lang.currency(value, company.currency, grouping=True)

        def number(value, digits=2):
            if value is None:
                return ''
            value = Decimal(str(value))
            if value == value.to_integral():
                digits = 0
            if french:
                return french_number(value, digits)
            return lang.format('%.*f', (digits, value), grouping=True)

        def date(value):
            if not value:
                return ''
            return value.strftime('%d/%m/%Y') if french \
                else lang.strftime(value)

        def identifiers(party):
            "SIREN, SIRET and VAT number of `party` (compact)."
            return {i.type: i.code_compact for i in party.identifiers
                if i.code}

        primary = getattr(company, 'portal_primary_colour', None)
        accent = getattr(company, 'portal_accent_colour', None)
        primary = primary if valid_colour(primary) else DEFAULT_PRIMARY
        accent = accent if valid_colour(accent) else DEFAULT_ACCENT
        taxes = [(t.tax.rate if t.tax and t.tax.type == 'percentage'
                else Decimal(0), t.base, t.amount) for t in invoice.taxes]
        client_ids = identifiers(invoice.party)
        amount_due = (edocument.amount_due if edocument and invoice.state in {
                'posted', 'paid'} else invoice.total_amount)
        context.update({
                'company': company,
                'settings': settings,
                'credit': credit,
                'money': money,
                'number': number,
                'format_date': date,
                'percent': lambda rate: number(
                    (rate or Decimal(0)) * 100, 2),
                'seller': identifiers(company.party),
                'client': client_ids,
                'professional': is_professional(client_ids),
                'vat_summary': vat_summary(taxes),
                'notices': sorted({t.tax.legal_notice for t in invoice.taxes
                        if t.tax and t.tax.legal_notice}),
                'due_date': (edocument.due_date if edocument
                    and invoice.lines_to_pay else invoice.invoice_date),
                'delivery_date': (edocument.delivery_date if edocument
                    else invoice.invoice_date),
                'credited': (edocument.credited_invoices if edocument
                    else []),
                'amount_due': amount_due,
                'amount_paid': invoice.total_amount - amount_due,
                'primary': primary,
                'primary_text': text_colour(primary),
                'accent': accent,
                'logo_uri': data_uri(getattr(company, 'portal_logo', None)),
                'address_lines': lambda address: [
                    l for l in (address.street or '').splitlines()
                    if l.strip()] if address else [],
                })
        return context
