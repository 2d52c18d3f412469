# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The SEPA mandate form of a payment link (/portal/<workshop>/pay/<token>/
sepa), for professional clients only.

Runs as root: the link is found by its token *and* the workshop of the URL,
and everything it writes is for that link's workshop and client."""
from http import HTTPStatus

from werkzeug.exceptions import NotFound

from trytond.exceptions import UserError
from trytond.modules.saas_portal.routes import route
from trytond.pool import Pool
from trytond.transaction import Transaction, without_check_access

from .payment import PaymentLinkError
from .payment_portal import _link, is_professional, money, t
from .sepa import SCHEMES, mandate_form_errors, masked_iban


def creditor(link):
    "The workshop's name and SEPA creditor identifier (ICS) or None."
    with without_check_access():
        party = link.company.party
        return party.rec_name, party.sepa_creditor_identifier_used


def _render(page, link, token, status=HTTPStatus.OK, **values):
    name, ics = creditor(link)
    origin = link.origin
    form = {
        'holder': link.party.rec_name,
        'iban': '',
        'bic': '',
        'scheme': 'B2B',
        'accepted': False,
        }
    form.update(values.pop('form', {}))
    return page.render('pay_sepa.html', status=status, t=t, link=link,
        token=token, origin=origin, creditor_name=name, ics=ics,
        amount_text=money(link.amount, link.company),
        for_text=t(f'msg_payment_page_for_{link.kind}',
            number=origin.number or ''),
        schemes=SCHEMES, form=form, **values)


@route('pay/<token>/sepa', methods=('GET', 'POST'), readonly=False)
def pay_sepa(page, token):
    """The mandate to sign (GET) and its signature (POST, CSRF-checked):
    the mandate and the planned debit, or a message and nothing written."""
    link = _link(page, token)
    if not is_professional(link.party):
        raise NotFound()
    try:
        link.check_payable()
    except PaymentLinkError as error:
        Transaction().commit()  # keep the link marked expired
        return page.render('error.html', status=HTTPStatus.GONE,
            title=t('msg_payment_error_title'), message=error.message)
    name, ics = creditor(link)
    Journal = Pool().get('account.payment.journal')
    if not ics or not Journal.sepa_ready(link.company):
        return page.render('error.html', status=HTTPStatus.CONFLICT,
            title=t('msg_payment_error_title'),
            message=t('msg_sepa_not_offered', workshop=name))
    if page.request.method == 'GET':
        return _render(page, link, token)
    if not page.csrf_ok():
        return page.refuse_csrf()
    data = page.request.form
    form = {
        'holder': (data.get('holder') or '').strip(),
        'iban': (data.get('iban') or '').strip(),
        'bic': (data.get('bic') or '').strip(),
        'scheme': data.get('scheme') or 'B2B',
        'accepted': data.get('accept') == 'on',
        }
    errors, _, _ = mandate_form_errors(form['holder'], form['iban'],
        form['bic'], form['scheme'], form['accepted'])
    if errors:
        return _render(page, link, token, status=HTTPStatus.BAD_REQUEST,
            form=form, error=' '.join(t(e) for e in errors))
    try:
        link.sign_sepa_mandate(form['holder'], form['iban'], form['bic'],
            form['scheme'], ip_address=page.request.remote_addr)
    except UserError as error:
        Transaction().rollback()
        link = _link(page, token)
        return _render(page, link, token, status=HTTPStatus.BAD_REQUEST,
            form=form, error=error.message)
    return page.redirect(f'pay/{token}/sepa/done')


@route('pay/<token>/sepa/done')
def pay_sepa_done(page, token):
    "« Prélèvement programmé »: what was planned, on which account."
    link = _link(page, token)
    if link.state != 'sepa' or not link.sepa_mandate:
        return page.redirect(f'pay/{token}')
    with without_check_access():
        mandate = link.sepa_mandate
        values = {
            'mandate_id': mandate.identification,
            'account': masked_iban(mandate.account_number.number),
            }
    return _render(page, link, token, done=True, **values)
