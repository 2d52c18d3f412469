# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Customer invoices sent to the workshop's accounting software (Pennylane,
or the offline outbox) through the connector capability ``accounting_sync``:
the client first, then the invoice with its PDF. Sent from the task queue
when an invoice is posted, or with the button « Envoyer à Pennylane »; a
service that cannot be reached leaves the invoice « à renvoyer » with the
message, and the cron sends it again. Nothing is created twice: the
provider looks up the client by its external reference and the invoice by
its number before creating."""
import datetime as dt
from decimal import Decimal

import trytond.config as config
from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.modules.connector import hub
from trytond.modules.connector.exceptions import (
    ConnectorError, ConnectorUnavailableError)
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval
from trytond.transaction import Transaction

from .csv_export import party_siren, party_vat

CAPABILITY = 'accounting_sync'
CENT = Decimal('0.01')


def retry_delay(attempts):
    "Wait 5, 10, 20... minutes between attempts, at most 6 hours."
    return dt.timedelta(minutes=min(5 * 2 ** max(attempts - 1, 0), 360))


def line_tax(amount, rate):
    "The VAT of a line of `amount` excl. VAT at `rate` (a fraction)."
    return (Decimal(amount) * Decimal(rate)).quantize(CENT)


def tax_rate(tax, date):
    """The percentage rate (a fraction) of `tax` at `date`, with its
    children's in force that day (20 % since 2014, 19,6 % before...)."""
    if ((tax.start_date and tax.start_date > date)
            or (tax.end_date and tax.end_date < date)):
        return Decimal(0)
    rate = Decimal(tax.rate or 0) if tax.type == 'percentage' else Decimal(0)
    return rate + sum((tax_rate(c, date) for c in tax.childs), Decimal(0))


def external_reference(kind, company_id, record_id):
    "How Atelier names its records in the accounting software."
    return 'atelier-%s-%s-%s' % (company_id, kind, record_id)


class Invoice(metaclass=PoolMeta):
    __name__ = 'account.invoice'

    pennylane_state = fields.Selection([
            (None, ''),
            ('not_sent', "Not Sent"),
            ('sent', "Sent"),
            ('failed', "To Resend"),
            ], "Accounting Sync", readonly=True,
        help="Whether the invoice and its PDF reached the workshop's "
        "accounting software (Pennylane).")
    pennylane_id = fields.Char("Pennylane ID", readonly=True,
        help="The invoice's id in the accounting software.")
    pennylane_message = fields.Char("Sync Message", readonly=True,
        help="Why the last sending failed.")
    pennylane_attempts = fields.Integer("Sync Attempts", readonly=True)
    pennylane_next_attempt = fields.DateTime("Next Sync Attempt",
        readonly=True,
        help="When the cron sends the invoice again; empty when the "
        "accounting software refused it (correct, then send again).")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._check_modify_exclude |= {'pennylane_state', 'pennylane_id',
            'pennylane_message', 'pennylane_attempts',
            'pennylane_next_attempt'}
        cls._buttons.update({
                'pennylane_send': {
                    'invisible': ((Eval('type') != 'out')
                        | ~Eval('state').in_(['posted', 'paid'])
                        | (Eval('pennylane_state') == 'sent')),
                    'depends': ['type', 'state', 'pennylane_state'],
                    },
                })

    @classmethod
    def copy(cls, invoices, default=None):
        default = default.copy() if default is not None else {}
        for name in ['pennylane_state', 'pennylane_id', 'pennylane_message',
                'pennylane_attempts', 'pennylane_next_attempt']:
            default.setdefault(name, None)
        return super().copy(invoices, default=default)

    @classmethod
    def post(cls, invoices):
        super().post(invoices)
        cls.pennylane_queue(invoices)

    @classmethod
    def pennylane_provider(cls, company):
        "The accounting sync provider the workshop chose, or None."
        Setting = Pool().get('connector.setting')
        name, _ = Setting.provider_for(company, CAPABILITY)
        return name

    @classmethod
    def pennylane_queue(cls, invoices):
        """Queue the sending of the posted customer invoices whose workshop
        chose an accounting sync provider."""
        to_send = [i for i in invoices
            if i.type == 'out' and i.state in {'posted', 'paid'}
            and i.pennylane_state != 'sent'
            and cls.pennylane_provider(i.company)]
        if to_send:
            cls.write(to_send, {
                    'pennylane_state': 'not_sent',
                    'pennylane_next_attempt': None,
                    })
            cls.__queue__.pennylane_sync(to_send)

    @classmethod
    @ModelView.button
    def pennylane_send(cls, invoices):
        "Send to Pennylane now (again after a failure)."
        cls.pennylane_queue(invoices)

    def pennylane_customer(self):
        "The client as the accounting_sync capability takes it."
        party = self.party
        address = self.invoice_address or party.address_get('invoice')
        siren, vat = party_siren(party), party_vat(party)
        return {
            'external_reference': external_reference(
                'party', self.company.id, party.id),
            'name': party.name,
            'reg_no': siren,
            'vat_number': vat,
            'emails': [party.email] if party.email else [],
            'phone': party.phone,
            'address': ' '.join((address.street or '').splitlines())
            if address else '',
            'postal_code': address.postal_code if address else '',
            'city': address.city if address else '',
            'country': address.country.code
            if address and address.country else 'FR',
            }

    def pennylane_invoice(self):
        "The invoice as the accounting_sync capability takes it."
        lines = []
        for line in self.lines:
            if line.type != 'line':
                continue
            rate = sum((tax_rate(t, self.invoice_date) for t in line.taxes),
                Decimal(0))
            lines.append({
                    'label': line.description or (
                        line.product.rec_name if line.product else ''),
                    'quantity': line.quantity,
                    'unit_price': line.unit_price,
                    'amount_before_tax': line.amount,
                    'tax': line_tax(line.amount, rate),
                    'vat_rate': rate,
                    })
        due_dates = [l.maturity_date for l in self.lines_to_pay
            if l.maturity_date]
        return {
            'number': self.number,
            'external_reference': external_reference(
                'invoice', self.company.id, self.id),
            'date': self.invoice_date,
            'deadline': min(due_dates) if due_dates else self.invoice_date,
            'currency': self.currency.code.upper(),
            'amount_before_tax': self.untaxed_amount,
            'tax': self.tax_amount,
            'amount': self.total_amount,
            'lines': lines,
            }

    def pennylane_pdf(self):
        "The invoice document (the Factur-X PDF) and its file name."
        InvoiceReport = Pool().get('account.invoice', type='report')
        ext, content, _, _ = InvoiceReport.execute([self.id], {})
        return bytes(content), '%s.%s' % (self.number, ext)

    @classmethod
    def pennylane_sync(cls, invoices):
        """Send each invoice (client, then invoice with its PDF) with its
        workshop's provider: sent once, or kept « à renvoyer » with the
        message."""
        cls.lock(invoices)
        # read again after the lock: another worker may have sent them
        invoices = [i for i in cls.browse([i.id for i in invoices])
            if i.pennylane_state != 'sent' and i.type == 'out'
            and i.state in {'posted', 'paid'}]
        now = dt.datetime.now()
        to_retry = []
        for invoice in invoices:
            company = invoice.company
            attempts = (invoice.pennylane_attempts or 0) + 1
            try:
                customer = hub.call(CAPABILITY, 'atelier_push_customer',
                    company=company, customer=invoice.pennylane_customer())
                if customer is None:
                    raise ConnectorError(gettext(
                            'account_fr_export.msg_pennylane_no_provider'))
                pdf, filename = invoice.pennylane_pdf()
                result = hub.call(CAPABILITY, 'atelier_push_invoice',
                    company=company, invoice=invoice.pennylane_invoice(),
                    customer_id=customer['id'], pdf=pdf, filename=filename)
            except ConnectorUnavailableError as exception:
                invoice.pennylane_state = 'failed'
                invoice.pennylane_message = exception.message
                invoice.pennylane_attempts = attempts
                invoice.pennylane_next_attempt = now + retry_delay(attempts)
                to_retry.append(invoice)
            except ConnectorError as exception:
                invoice.pennylane_state = 'failed'
                invoice.pennylane_message = exception.message
                invoice.pennylane_attempts = attempts
                invoice.pennylane_next_attempt = None
            else:
                invoice.pennylane_state = 'sent'
                invoice.pennylane_id = str(result['id'])
                invoice.pennylane_message = None
                invoice.pennylane_attempts = attempts
                invoice.pennylane_next_attempt = None
        cls.save(invoices)
        if to_retry and config.getboolean('queue', 'worker', default=False):
            # without a worker the tasks run at once: the cron retries
            for invoice in to_retry:
                with Transaction().set_context(
                        queue_scheduled_at=retry_delay(
                            invoice.pennylane_attempts)):
                    cls.__queue__.pennylane_sync([invoice])

    @classmethod
    def pennylane_retry(cls):
        "Cron: send again the invoices « à renvoyer » whose time has come."
        invoices = cls.search([
                ('pennylane_state', '=', 'failed'),
                ('pennylane_next_attempt', '!=', None),
                ('pennylane_next_attempt', '<=', dt.datetime.now()),
                ], order=[('id', 'ASC')])
        if invoices:
            cls.pennylane_sync(invoices)


class Cron(metaclass=PoolMeta):
    __name__ = 'ir.cron'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.method.selection.append(
            ('account.invoice|pennylane_retry',
                "Send Invoices to Accounting Again"))
