# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Signing a quote in the client's space: the quote's summary and PDF,
then a signature drawn on the screen (or an image of it uploaded), the
signer's name and "I accept". The evidence is the back office's
(powder_coating.quote.signature: journal, who, when, IP, SHA-256, PDF
stamped) and the quote becomes a project."""
import base64
import binascii
import io
from http import HTTPStatus

from werkzeug.exceptions import NotFound

from trytond.exceptions import UserError
from trytond.modules.saas_portal.routes import route
from trytond.transaction import Transaction
from trytond.wsgi import app

from .portal import client_quotes, t
from .portal_project import formatter, gate
from .signature import MAX_IMAGE_SIZE

DATA_URL_PREFIXES = ('data:image/png;base64,',)
# A drawn signature (base64) or an uploaded image, with the form around it.
MAX_SIGN_REQUEST = 4 * MAX_IMAGE_SIZE


def decode_drawing(value):
    """The PNG bytes of the canvas as the script sends it (a data URL);
    None when there is none or it is not one."""
    value = (value or '').strip()
    for prefix in DATA_URL_PREFIXES:
        if value.startswith(prefix):
            try:
                return base64.b64decode(value[len(prefix):], validate=True)
            except (binascii.Error, ValueError):
                return None
    return None


def is_blank(data):
    """Whether an image has no stroke at all (an empty canvas sent as is,
    one colour everywhere). An unreadable image is left to check_image."""
    try:
        from PIL import Image
        with Image.open(io.BytesIO(data)) as image:
            rgba = image.convert('RGBA')
        white = Image.new('RGBA', rgba.size, (255, 255, 255, 255))
        low, high = Image.alpha_composite(white, rgba).convert(
            'L').getextrema()
        return low == high
    except Exception:
        return False


def sign_state(quote, today):
    """Why the quote cannot be signed ('signed', 'expired', 'closed'), or
    None when it can."""
    if quote.signature or quote.state == 'accepted':
        return 'signed'
    if quote.state == 'expired' or (quote.state == 'sent'
            and quote.validity_date and quote.validity_date < today):
        return 'expired'
    if quote.state != 'sent':
        return 'closed'
    return None


SIGN_STATE_MESSAGES = {
    'signed': 'msg_portal_sign_already',
    'expired': 'msg_portal_sign_expired',
    'closed': 'msg_portal_sign_closed',
    }


def client_quote(page, quote_id):
    quotes = client_quotes(page.company, page.user.party, ids=[quote_id])
    if not quotes:
        raise NotFound()
    return quotes[0]


def sign_values(page, quote, **values):
    Date = page.pool.get('ir.date')
    fmt = formatter(page)
    blocked = sign_state(quote, Date.today())
    signature = quote.signature
    result = dict(fmt,
        t=t,
        current='projects',
        quote=quote,
        lines=quote.lines,
        blocked=blocked,
        blocked_message=(t(SIGN_STATE_MESSAGES[blocked],
                number=quote.number) if blocked else None),
        signed_by=signature.signer if signature else None,
        signed_on=(fmt['format_date'](signature.signed_at)
            if signature else None),
        project_url=(page.url(f'projects/{quote.project.id}')
            if quote.project else None),
        pdf_url=page.url(f'quotes/{quote.id}.pdf'),
        max_size=MAX_IMAGE_SIZE // (1024 * 1024),
        signer=page.user.party.rec_name,
        )
    result.update(values)
    return result


@route('quotes/<int:quote_id>/sign', methods=['GET', 'POST'], readonly=False)
def sign(page, quote_id):
    """Show the quote to sign; on POST check everything first, then sign
    with the back office's evidence and open the new project."""
    redirect = gate(page)
    if redirect:
        return redirect
    pool = page.pool
    Signature = pool.get('powder_coating.quote.signature')
    Date = pool.get('ir.date')
    request = page.request
    quote = client_quote(page, quote_id)
    if request.method == 'GET':
        return page.render('quote_sign.html', **sign_values(page, quote))
    if not page.csrf_ok():
        return page.refuse_csrf()
    form = request.form
    signer = (form.get('signer') or '').strip()

    def refuse(status, error):
        return page.render('quote_sign.html', status=status,
            **sign_values(page, quote, error=error,
                signer=signer or page.user.party.rec_name,
                accepted=form.get('accept') == 'on'))
    blocked = sign_state(quote, Date.today())
    if blocked:
        return refuse(HTTPStatus.CONFLICT,
            t(SIGN_STATE_MESSAGES[blocked], number=quote.number))
    try:
        quote.company.check_writable('powder_coating.quote.signature')
    except UserError as exception:
        return refuse(HTTPStatus.FORBIDDEN, exception.message)
    upload = request.files.get('signature_file')
    image = None
    if upload and upload.filename:
        image = upload.read(MAX_IMAGE_SIZE + 1)
    elif form.get('signature_data'):
        image = decode_drawing(form.get('signature_data'))
        if image is None:
            return refuse(HTTPStatus.BAD_REQUEST,
                t('msg_portal_sign_not_image'))
    if not image or is_blank(image):
        return refuse(HTTPStatus.BAD_REQUEST, t('msg_portal_sign_empty'))
    if not signer:
        return refuse(HTTPStatus.BAD_REQUEST,
            t('msg_portal_sign_signer_required'))
    if form.get('accept') != 'on':
        return refuse(HTTPStatus.BAD_REQUEST,
            t('msg_portal_sign_accept_required'))
    try:
        Signature.check_image(image)
    except UserError as exception:
        return refuse(HTTPStatus.BAD_REQUEST, exception.message)
    try:
        Signature.sign(quote, signer, image, 'portal',
            ip_address=request.remote_addr)
    except UserError as exception:
        Transaction().rollback()
        quote = client_quote(page, quote_id)
        return refuse(HTTPStatus.BAD_REQUEST, exception.message)
    quote = client_quote(page, quote_id)
    if quote.project:
        return page.redirect(f'projects/{quote.project.id}', done='signed')
    return page.redirect('projects')


def _allow_signature_uploads():
    "The signing form carries an image: a little more than the default."
    for rule in app.url_map.iter_rules():
        if rule.rule.endswith('/quotes/<int:quote_id>/sign'):
            rule.endpoint.max_request_size = MAX_SIGN_REQUEST


_allow_signature_uploads()
