# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Demo invoices: each workshop has its legal mentions (SARL, capital,
RCS, payment within 30 days); its business clients get their SIREN and
street; the project whose deposit was paid online gets its deposit invoice
(paid), a finished project its deposit and balance invoices, paid by card
and by transfer, and a credit note for a part refunded; the portal's demo
client has a deposit invoice to pay."""
from decimal import Decimal

from trytond.pool import Pool
from trytond.transaction import Transaction

# Demo values that pass the checks, not real firms.
CLIENTS = {
    "Garage des Brotteaux": ('443061841', "48 rue Tête d'Or"),
    "Ferronnerie Lumière": ('542065479', "7 rue Francis de Pressensé"),
    "Mme Claire Martin": (None, "15 rue Paul Bert"),
    "Menuiserie Alu Gironde": ('652014051', "22 avenue de la Somme"),
    "Cycles Chartrons": ('388618339', "31 rue Notre-Dame"),
    "M. Julien Petit": (None, "9 allée des Pins"),
    }


def run(args):
    with Transaction().start(args.database, 0) as transaction:
        pool = Pool()
        try:
            pool.get('account_fr_export.settings')
            Quote = pool.get('powder_coating.quote')
        except KeyError:
            # not activated in this database, or without powder_coating:
            # no project to invoice
            return
        Company = pool.get('company.company')
        User = pool.get('res.user')
        for company in Company.search([]):
            if not Quote.search([('company', '=', company.id)], limit=1):
                continue
            accountant = User.search([
                    ('login', 'like', 'accounting.%'),
                    ('company', '=', company.id)], limit=1)
            with transaction.set_context(company=company.id), \
                    transaction.set_user(
                        accountant[0].id if accountant else 0):
                mentions(company)
                clients(company)
                invoices(company)
        transaction.commit()


def mentions(company):
    "The legal mentions of the workshop's invoices."
    pool = Pool()
    Settings = pool.get('account_fr_export.settings')
    ModelData = pool.get('ir.model.data')
    PaymentTerm = pool.get('account.invoice.payment_term')
    settings = Settings.get(company)
    if settings.id is not None and settings.id >= 0:
        return
    address = company.party.address_get()
    settings.legal_form = "SARL"
    settings.share_capital = Decimal(20000)
    settings.registry = "RCS %s" % (address.city if address else "Lyon")
    settings.payment_term = PaymentTerm(
        ModelData.get_id('account_fr_export', 'payment_term_30'))
    settings.save()


def clients(company):
    "Streets and SIRENs of the demo clients (invoices need them)."
    pool = Pool()
    Party = pool.get('party.party')
    Identifier = pool.get('party.identifier')
    Address = pool.get('party.address')
    for party in Party.search([
                ('company', '=', company.id),
                ('name', 'in', list(CLIENTS))]):
        siren, street = CLIENTS[party.name]
        addresses = [a for a in party.addresses if not a.street]
        if addresses:
            Address.write(addresses, {'street': street})
        if siren and not party.siren:
            Identifier.create([{
                        'party': party.id, 'type': 'fr_siren', 'code': siren}])
            Party.write([party], {'client_kind': 'professional'})


def invoices(company):
    """The deposit invoice of every project whose deposit is paid; for the
    first finished project, its balance invoice paid by transfer and a
    credit note refunded."""
    pool = Pool()
    Invoice = pool.get('account.invoice')
    Payment = pool.get('account.payment')
    Project = pool.get('powder_coating.project')
    Quote = pool.get('powder_coating.quote')
    if Invoice.search([('company', '=', company.id)], limit=1):
        return
    projects = Project.search([
            ('company', '=', company.id),
            ('quote', '!=', None),
            ('party.name', 'in', list(CLIENTS)),
            ], order=[('id', 'ASC')])
    paid = [p for p in projects if p.quote.state == 'accepted'
        and p.payment_figures()['paid'] > 0]
    for project in paid:
        deposit = Quote.invoice_deposit([project.quote])
        Invoice.post(deposit)
    # The portal's demo client has a deposit invoice to pay.
    waiting = [p for p in projects if p.quote.state == 'accepted'
        and p not in paid and p.party.name == "Garage des Brotteaux"
        and p.payment_figures()['deposit'] > 0]
    for project in waiting[:1]:
        Invoice.post(Quote.invoice_deposit([project.quote]))
    finished = [p for p in projects if p.quote.state == 'accepted'
        and p.state in {'delivered', 'collected'}]
    for project in finished[:1]:
        quote = project.quote
        if not quote.invoices and quote.payment_figures()['deposit'] > 0:
            deposit = Quote.invoice_deposit([quote])
            Invoice.post(deposit)
            Payment.record(company, project, 'card',
                deposit[0].total_amount, purpose='deposit')
        balance = Quote.invoice_balance([quote])
        Invoice.post(balance)
        figures = project.payment_figures()
        if figures['balance'] > 0:
            Payment.record(company, project, 'transfer', figures['balance'],
                purpose='balance')
        # One part came back scratched: 10 % credited and refunded.
        credit_note, = Invoice.credit(balance)
        line = credit_note.lines[0]
        line.quantity = -1
        line.unit_price = (balance[0].lines[0].amount
            * Decimal('0.1')).quantize(Decimal('0.01'))
        line.description = "Geste commercial : rayure sur une pièce"
        credit_note.lines = [line]
        credit_note.save()
        Invoice.post([credit_note])
        Payment.record(company, project, 'transfer',
            -credit_note.total_amount, purpose='refund', kind='payable')
