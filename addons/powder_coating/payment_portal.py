# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The client's payment pages (/portal/<workshop>/pay/<token>) and the
payment providers' webhook (/<database>/payment/webhook/<provider>).

The routes run as root: a link is found by its token hash *and* the
workshop of the URL; a webhook is applied only once its signature was
checked with the secret of the workshop the payment belongs to."""
import datetime
import json
import os
from http import HTTPStatus

from werkzeug.exceptions import NotFound
from werkzeug.utils import redirect
from werkzeug.wrappers import Response

from trytond.i18n import gettext
from trytond.modules.connector import hub
from trytond.modules.connector.exceptions import ConnectorError
from trytond.modules.saas_portal.routes import add_template_dir, route
from trytond.pool import Pool
from trytond.protocols.wrappers import with_pool, with_transaction
from trytond.transaction import Transaction, without_check_access
from trytond.wsgi import app

from .payment import PaymentLinkError, translate_provider_error

TEMPLATE_DIR = os.path.join(os.path.dirname(__file__), 'templates')
add_template_dir(TEMPLATE_DIR)


def t(message, /, **variables):
    "A powder_coating message in the page's language (for the templates)."
    return gettext(f'powder_coating.{message}', **variables)


def money(amount, company):
    "« 1 234,56 € » in the page's language."
    lang = Pool().get('ir.lang').get()
    return lang.currency(amount, company.currency, grouping=True,
        symbol=True)


def portal_payment_summary(project):
    """What the portal's project page shows of the payments: a dict with
    total, deposit, paid, balance (Decimal), the same as text, state and
    state_label, labels (translated titles) and open_links (dicts with
    kind, amount, amount_text, expires, label; their address is only in the
    client's email)."""
    Link = Pool().get('powder_coating.payment.link')
    with without_check_access():
        figures = project.payment_figures()
        origins = project.payment_origins()
        links = Link.search([
                ('company', '=', project.company.id),
                ('party', '=', project.party.id),
                ('state', '=', 'open'),
                ('expires', '>', datetime.datetime.now()),
                ['OR',
                    ('project', 'in', [o.id for o in origins
                            if o.__name__ == 'powder_coating.project']),
                    ('quote', 'in', [o.id for o in origins
                            if o.__name__ == 'powder_coating.quote']),
                    ],
                ])
    company = project.company
    summary = dict(figures)
    for key in ['total', 'deposit', 'paid', 'balance']:
        summary[f'{key}_text'] = money(figures[key], company)
    summary['state_label'] = t(f'msg_payment_state_{figures["state"]}')
    summary['labels'] = {k: t(f'msg_payment_summary_{k}') for k in [
            'title', 'total', 'deposit', 'paid', 'balance']}
    lang = Pool().get('ir.lang').get()
    summary['open_links'] = [{
            'kind': link.kind,
            'amount': link.amount,
            'amount_text': money(link.amount, company),
            'expires': link.expires,
            'label': t('msg_payment_summary_link',
                amount=money(link.amount, company),
                date=lang.strftime(link.expires.date())),
            } for link in links]
    return summary


def _link(page, token):
    try:
        Link = page.pool.get('powder_coating.payment.link')
    except KeyError:
        raise NotFound()
    link = Link.by_token(page.company, token)
    if link is None:
        raise NotFound()
    return link


def _render(page, template, link, token, status=HTTPStatus.OK,
        **values):
    company = page.company
    origin = link.origin
    lang = Pool().get('ir.lang').get()
    return page.render(template, status=status, t=t, link=link, token=token,
        origin=origin, amount_text=money(link.amount, company),
        for_text=t(f'msg_payment_page_for_{link.kind}',
            number=origin.number or ''),
        expires_text=lang.strftime(link.expires.date()),
        sepa=sepa_details(link), **values)


def is_professional(party):
    "A company client (SIRET or VAT number): may pay by transfer or SEPA."
    return bool(getattr(party, 'siren', None)
        or getattr(party, 'tax_identifier', None))


def sepa_details(link):
    "The transfer instructions for a professional client, or None."
    if not is_professional(link.party):
        return None
    iban = None
    with without_check_access():
        for account in getattr(link.company.party, 'bank_accounts', []):
            for number in account.numbers:
                if number.type == 'iban':
                    iban = number.number
                    break
            if iban:
                break
    return {'iban': iban, 'reference': link.origin.number or ''}


@route('pay/<token>', methods=('GET', 'POST'), readonly=False)
def pay(page, token):
    """The link's page: amount, what it is for, « Payer par carte »
    (POST, CSRF-checked) opening the provider's payment page."""
    link = _link(page, token)
    try:
        link.check_payable()
    except PaymentLinkError as error:
        Transaction().commit()  # keep the link marked expired
        return page.render('error.html', status=HTTPStatus.GONE,
            title=t('msg_payment_error_title'), message=error.message)
    if page.request.method == 'POST':
        if not page.csrf_ok():
            return page.refuse_csrf()
        host = page.request.host_url.rstrip('/')
        url = link.start_checkout(
            success_url=host + page.url(f'pay/{token}/done'),
            cancel_url=host + page.url(f'pay/{token}/cancelled'))
        if url.startswith(host + '/'):
            return page.finish(redirect(url, code=303))
        # The portal's forms may only lead to the portal (CSP form-action
        # 'self', enforced on redirects too): the provider's page opens
        # from a page of ours, by itself or with its link.
        return _render(page, 'pay_redirect.html', link, token, url=url)
    return _render(page, 'pay.html', link, token)


@route('pay/<token>/done', methods=('GET', 'POST'), readonly=False)
def pay_done(page, token):
    """Back from the payment page. With the offline (demo) provider, the
    client confirms here and the link is paid at once."""
    link = _link(page, token)
    session = page.request.values.get('offline_session')
    offline = bool(session and session == link.checkout_id
        and link.provider == 'offline')
    if offline and link.state == 'open':
        if page.request.method == 'POST':
            if not page.csrf_ok():
                return page.refuse_csrf()
            link.mark_paid()
            return page.redirect(f'pay/{token}/done')
        return _render(page, 'pay_offline.html', link, token,
            session=session)
    return _render(page, 'pay_done.html', link, token,
        paid=link.state == 'paid')


@route('pay/<token>/cancelled')
def pay_cancelled(page, token):
    link = _link(page, token)
    return _render(page, 'pay_cancelled.html', link, token)


def _json(status, **data):
    return Response(json.dumps(data), status=int(status),
        content_type='application/json')


@app.route('/<database_name>/payment/webhook/<provider>', methods=['POST'])
@with_pool
@with_transaction(readonly=False)
def webhook(request, pool, provider):
    """A payment provider's notification: applied once, after its
    signature was checked with the secret of the payment's workshop."""
    try:
        Link = pool.get('powder_coating.payment.link')
        Setting = pool.get('connector.setting')
    except KeyError:
        raise NotFound()
    payload = request.get_data()
    try:
        unchecked = json.loads(payload.decode('utf-8'))
        event = {
            'id': unchecked['id'], 'type': unchecked['type'],
            'object': unchecked['data']['object']}
    except (ValueError, KeyError, TypeError, AttributeError):
        return _json(HTTPStatus.BAD_REQUEST, error=gettext(
                'powder_coating.msg_payment_provider_bad_payload'))
    link = Link.find_for_event(event)
    if link is None:
        return _json(HTTPStatus.NOT_FOUND, error=gettext(
                'powder_coating.msg_payment_webhook_unknown'))
    company = link.company
    chosen, _ = Setting.provider_for(company, 'payment')
    if (chosen or 'offline') != provider:
        return _json(HTTPStatus.BAD_REQUEST, error=gettext(
                'powder_coating.msg_payment_webhook_provider'))
    with Transaction().set_context(company=company.id):
        try:
            event = hub.call('payment', 'atelier_parse_webhook',
                company=company, payload=payload,
                headers=dict(request.headers))
        except ConnectorError as error:
            return _json(HTTPStatus.BAD_REQUEST,
                error=translate_provider_error(error))
        link = Link.find_for_event(event)
        if link is None or link.company != company:
            return _json(HTTPStatus.NOT_FOUND, error=gettext(
                    'powder_coating.msg_payment_webhook_unknown'))
        changed = link.apply_event(provider, event)
    return _json(HTTPStatus.OK, received=True, changed=changed)
