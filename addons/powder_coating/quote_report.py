# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The quote as a PDF: HTML rendered by weasyprint through Tryton's report
engine, with the signature stamp once signed."""
import base64

from trytond.modules.saas_portal.branding import (
    DEFAULT_PRIMARY, image_type, text_colour)
from trytond.pool import Pool
from trytond.report import Report
from trytond.transaction import Transaction


def data_uri(data):
    "An image embedded in the document (no file or network access)."
    mimetype = image_type(data)
    if not mimetype:
        return None
    return 'data:%s;base64,%s' % (
        mimetype, base64.b64encode(bytes(data)).decode('ascii'))


class QuoteReport(Report):
    __name__ = 'powder_coating.quote'

    @classmethod
    def get_context(cls, records, header, data):
        pool = Pool()
        Lang = pool.get('ir.lang')
        context = super().get_context(records, header, data)
        company = records[0].company if records else None
        primary = (company.portal_primary_colour
            if company and company.portal_primary_colour else DEFAULT_PRIMARY)
        lang = Lang.get()
        stamp = Transaction().context.get('signature_stamp')
        if stamp:
            stamp = dict(stamp, image_uri=data_uri(stamp['image']))
        elif records and records[0].signature:
            signature = records[0].signature
            stamp = {
                'signer': signature.signer,
                'signed_at': signature.signed_at,
                'image_uri': data_uri(signature.image),
                'ip_address': signature.ip_address,
                }

        def money(value):
            if value is None:
                return ''
            return lang.currency(value, company.currency, grouping=True) \
                if company else lang.format('%.2f', value, grouping=True)

        def number(value, digits=2):
            if value is None:
                return ''
            return lang.format('%.*f', (digits, value), grouping=True)

        context.update({
                'company': company,
                'primary': primary,
                'primary_text': text_colour(primary),
                'accent': (company.portal_accent_colour
                    if company and company.portal_accent_colour
                    else '#f59e0b'),
                'logo_uri': data_uri(company.portal_logo)
                if company and company.portal_logo else None,
                'stamp': stamp,
                'money': money,
                'number': number,
                'format_date': lambda d: lang.strftime(d) if d else '',
                'format_datetime': lambda d: lang.strftime(
                    d, '%d/%m/%Y %H:%M:%S') if d else '',
                })
        return context

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
