# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The client's invoices in their space (with powder_coating's portal):
listed with their documents and on their project's page, opened as the
Factur-X PDF. Routes run as root: every query names the workshop of the
URL and the signed-in client's party; anything else is 404."""
from werkzeug.exceptions import NotFound

from trytond.i18n import gettext
from trytond.pool import Pool, PoolMeta
from trytond.transaction import without_check_access

try:
    from trytond.modules.powder_coating.portal import pdf_response
    from trytond.modules.saas_portal.routes import route
except ImportError:  # powder_coating's portal not installed
    route = pdf_response = None

ISSUED_STATES = ['posted', 'paid']


def client_invoices(company, party, ids=None, quote=None):
    """The issued customer invoices and credit notes of `party` at
    `company` (of `quote` if given), newest first."""
    Invoice = Pool().get('account.invoice')
    domain = [
        ('company', '=', int(company)),
        ('party', '=', int(party)),
        ('type', '=', 'out'),
        ('state', 'in', ISSUED_STATES),
        ]
    if ids is not None:
        domain.append(('id', 'in', list(ids)))
    if quote is not None:
        domain.append(('coating_quote', '=', int(quote)))
    with without_check_access():
        return Invoice.search(domain,
            order=[('invoice_date', 'DESC'), ('number', 'DESC')])


def document_name(invoice):
    "« Facture FACT-2026-0001 » or « Avoir FACT-2026-0003 »."
    message = ('account_fr_export.msg_portal_credit_note'
        if invoice.total_amount < 0 else 'account_fr_export.msg_portal_invoice')
    return gettext(message, number=invoice.number)


class WebUser(metaclass=PoolMeta):
    __name__ = 'web.user'

    def portal_documents(self):
        Lang = Pool().get('ir.lang')
        documents = super().portal_documents()
        if not self.party or not self.company:
            return documents
        lang = Lang.get()
        base = (f'/{Pool().database_name}/portal/'
            f'{self.company.portal_slug}/')
        for invoice in client_invoices(self.company, self.party):
            documents.append({
                    'name': document_name(invoice),
                    'date': invoice.invoice_date,
                    'date_text': lang.strftime(invoice.invoice_date),
                    'kind': 'invoice',
                    'url': f'{base}invoices/{invoice.id}.pdf',
                    })
        return documents


class Project(metaclass=PoolMeta):
    __name__ = 'powder_coating.project'

    def client_documents(self, url):
        documents = super().client_documents(url)
        if self.quote:
            for invoice in client_invoices(
                    self.company, self.party, quote=self.quote):
                documents.append({
                        'name': document_name(invoice),
                        'url': url(f'invoices/{invoice.id}.pdf'),
                        })
        return documents


if route is not None:
    # Not read-only: the first print keeps the PDF (Tryton's invoice
    # report cache), as the law wants the document issued, not a new one.
    @route('invoices/<int:invoice_id>.pdf', readonly=False)
    def invoice_pdf(page, invoice_id):
        """The PDF (Factur-X) of one of the signed-in client's invoices;
        anything else: 404."""
        if not page.user:
            return page.redirect('login')
        try:
            page.pool.get('account_fr_export.settings')
        except KeyError:  # not activated in this database
            raise NotFound()
        invoices = client_invoices(
            page.company, page.user.party, ids=[invoice_id])
        if not invoices:
            raise NotFound()
        invoice, = invoices
        return pdf_response('account.invoice', invoice, invoice.number)
