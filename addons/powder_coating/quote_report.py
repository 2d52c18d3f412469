# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The quote as a PDF: HTML rendered by weasyprint through Tryton's report
engine, in the look of the quote's template (five styles), with the
signature stamp once signed."""
import base64

from genshi.input import HTML

from trytond.modules.saas_portal.branding import image_type, text_colour
from trytond.pool import Pool
from trytond.report import Report
from trytond.transaction import Transaction

from .quote_template import look


def data_uri(data):
    "An image embedded in the document (no file or network access)."
    mimetype = image_type(data)
    if not mimetype:
        return None
    return 'data:%s;base64,%s' % (
        mimetype, base64.b64encode(bytes(data)).decode('ascii'))


class HTMLReport(Report):
    "An HTML document printed as PDF by weasyprint, with embedded data only."

    @classmethod
    def convert(cls, report, data, timeout=5 * 60, retry=5):
        if (report.template_extension == 'html'
                and report.extension == 'pdf'):
            import weasyprint

            # Embedded data: images only, never a file or the network.
            fetcher = weasyprint.URLFetcher(allowed_protocols={'data'})
            return 'pdf', weasyprint.HTML(
                string=data, url_fetcher=fetcher).write_pdf()
        return super().convert(report, data, timeout=timeout, retry=retry)


class QuoteReport(HTMLReport):
    __name__ = 'powder_coating.quote'

    @classmethod
    def get_context(cls, records, header, data):
        pool = Pool()
        Lang = pool.get('ir.lang')
        context = super().get_context(records, header, data)
        company = records[0].company if records else None
        lang = Lang.get()
        stamp = Transaction().context.get('signature_stamp')
        if stamp:
            stamp = dict(stamp, image_uri=data_uri(stamp['image']))

        def money(value):
            if value is None:
                return ''
            return lang.currency(value, company.currency, grouping=True) \
                if company else lang.format('%.2f', value, grouping=True)

        def number(value, digits=2):
            if value is None:
                return ''
            return lang.format('%.*f', (digits, value), grouping=True)

        def quote_stamp(quote):
            "The signature stamp being rendered, else the quote's own."
            if stamp:
                return stamp
            if quote.signature:
                signature = quote.signature
                return {
                    'signer': signature.signer,
                    'signed_at': signature.signed_at,
                    'image_uri': data_uri(signature.image),
                    'ip_address': signature.ip_address,
                    }

        def quote_look(quote):
            "The quote's template, else its workshop's default, else modern."
            template = quote.template or cls.default_template(quote.company)
            result = look(template, quote, lang=lang, money=money)
            result['primary_text'] = text_colour(result['primary'])
            result['accent_text'] = text_colour(result['accent'])
            result['logo_uri'] = (data_uri(result['logo'])
                if result['logo'] else None)
            # Events, not a string: the report's translator would escape it.
            result['conditions'] = (HTML(result['conditions'])
                if result['conditions'] else '')
            return result

        context.update({
                'company': company,
                'look': quote_look,
                'quote_stamp': quote_stamp,
                'money': money,
                'number': number,
                'format_date': lambda d: lang.strftime(d) if d else '',
                'format_datetime': lambda d: lang.strftime(
                    d, '%d/%m/%Y %H:%M:%S') if d else '',
                })
        return context

    @classmethod
    def default_template(cls, company):
        "The workshop's default quote template, if any."
        Configuration = Pool().get('powder_coating.configuration')
        if not company:
            return None
        settings = Configuration.get(company)
        return getattr(settings, 'quote_template', None)
