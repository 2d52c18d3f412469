# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""A posted customer invoice is emailed to the client with its Factur-X PDF
when the workshop's settings say so: a queue task renders the PDF and puts
the email in the connector's outbox, which sends it and retries while the
mail server is down. The invoice keeps the email and its address."""
from trytond.model import fields
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access

from .invoice_report import invoice_language


def invoice_email_address(party_email, invoice_emails=()):
    """The address to send an invoice to: the client's invoicing email if
    any, else its email; None without one."""
    for address in list(invoice_emails) + [party_email]:
        address = (address or '').strip().lower()
        if address:
            return address
    return None


class Invoice(metaclass=PoolMeta):
    __name__ = 'account.invoice'

    invoice_email = fields.Many2One('connector.email', "Invoice Email",
        readonly=True, ondelete='SET NULL',
        help="The email that sent the invoice (Factur-X PDF) to the client.")
    invoice_email_to = fields.Char("Emailed To", readonly=True,
        help="The address the invoice was emailed to.")
    invoice_email_state = fields.Function(fields.Selection(
            'get_invoice_email_states', "Email State",
            help="Queued: waiting for the mail server (retried). Sent: the "
            "mail server accepted it."),
        'get_invoice_email_field')
    invoice_emailed_at = fields.Function(fields.Timestamp("Emailed at",
            help="When the mail server accepted the invoice's email."),
        'get_invoice_email_field')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._check_modify_exclude |= {'invoice_email', 'invoice_email_to'}

    @classmethod
    def copy(cls, invoices, default=None):
        default = default.copy() if default is not None else {}
        default.setdefault('invoice_email', None)
        default.setdefault('invoice_email_to', None)
        return super().copy(invoices, default=default)

    @classmethod
    def get_invoice_email_states(cls):
        Email = Pool().get('connector.email')
        return [(None, "")] + Email.state.selection

    def get_invoice_email_field(self, name):
        if not self.invoice_email:
            return None
        with without_check_access():
            email = self.invoice_email.__class__(self.invoice_email.id)
            return email.state if name == 'invoice_email_state' \
                else email.sent_at

    @classmethod
    def _post(cls, invoices):
        super()._post(invoices)
        pool = Pool()
        Settings = pool.get('account_fr_export.settings')
        to_send = [i for i in invoices if i.type == 'out'
            and not i.invoice_email
            and Settings.get(i.company).email_invoices]
        if to_send:
            cls.__queue__.email_invoice(to_send)

    @property
    def email_colours(self):
        "The workshop's colour and the text colour on it, for the email."
        from .invoice_report import DEFAULT_PRIMARY, text_colour
        colour = (getattr(self.company, 'portal_primary_colour', None)
            or DEFAULT_PRIMARY)
        return colour, text_colour(colour)

    @property
    def email_is_credit_note(self):
        return (self.total_amount or 0) < 0

    @property
    def email_amount(self):
        "The amount incl. VAT, without sign."
        return abs(self.total_amount or 0)

    @property
    def email_due_date(self):
        "The last due date of an invoice still to pay, else None."
        if self.email_is_credit_note or not self.amount_to_pay:
            return None
        dates = [l.maturity_date for l in self.lines_to_pay
            if l.maturity_date]
        return max(dates) if dates else None

    @classmethod
    def email_invoice(cls, invoices):
        """Queue task: email each posted customer invoice with its Factur-X
        PDF to its client (once); a client without email gets nothing."""
        for invoice in cls.browse(invoices):
            if (invoice.type != 'out' or invoice.invoice_email
                    or invoice.state not in {'posted', 'paid'}):
                continue
            invoice._email_client()

    def _client_address(self):
        mechanism = self.party.contact_mechanism_get({'email'},
            usage='invoice')
        return invoice_email_address(self.party.email,
            [mechanism.value] if mechanism else [])

    def _email_client(self):
        pool = Pool()
        Email = pool.get('connector.email')
        ModelData = pool.get('ir.model.data')
        Template = pool.get('ir.email.template')
        InvoiceReport = pool.get('account.invoice', type='report')
        ActionReport = pool.get('ir.action.report')
        address = self._client_address()
        if not address:
            return None
        country = (self.invoice_address.country
            if self.invoice_address else None)
        language = invoice_language(
            self.party.lang.code if self.party.lang else None,
            country.code if country else None)
        with Transaction().set_context(
                language=language, company=self.company.id), \
                without_check_access():
            template = Template(ModelData.get_id(
                    'account_fr_export', 'email_invoice'))
            action = ActionReport(ModelData.get_id(
                    'account_fr_export', 'report_invoice'))
            extension, content, _, _ = InvoiceReport.execute(
                [self.id], {'action_id': action.id})
            filename = '%s.%s' % (self.number, extension)
            email = Email.queue_template(template, self,
                company=self.company, to=address,
                attachments=[(filename, bytes(content), 'application/pdf')],
                platform=Email.platform_needed(self.company))
            self.invoice_email = email
            self.invoice_email_to = address
            self.save()
        return email
