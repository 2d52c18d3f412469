# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The signature journal: who signed which quote, when, from where, and
the SHA-256 of the document signed. Append-only."""
import datetime as dt
import hashlib

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.model.exceptions import AccessError, ValidationError
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.modules.saas_portal.branding import image_type
from trytond.pool import Pool
from trytond.transaction import Transaction, without_check_access
from trytond.wizard import Button, StateTransition, StateView, Wizard

MAX_IMAGE_SIZE = 2 * 1024 * 1024
SIGNATURE_TYPES = {'image/png', 'image/jpeg', 'image/webp'}


def document_digest(data):
    "The SHA-256 (hex) of the signed document's bytes."
    return hashlib.sha256(bytes(data)).hexdigest()


class Signature(TenantOwnedMixin, ModelSQL, ModelView):
    "Quote Signature"
    __name__ = 'powder_coating.quote.signature'
    __string__ = "Quote Signature"
    _rec_name = 'signer'

    quote = fields.Many2One('powder_coating.quote', "Quote", required=True,
        readonly=True, ondelete='RESTRICT')
    signer = fields.Char("Signed by", required=True, readonly=True)
    signed_at = fields.Timestamp("Signed at", required=True, readonly=True)
    channel = fields.Selection([
            ('back_office', "Signed Scan (Back Office)"),
            ('portal', "Client Portal"),
            ], "Channel", required=True, readonly=True)
    user = fields.Many2One('res.user', "Recorded by", readonly=True)
    ip_address = fields.Char("IP Address", readonly=True)
    image = fields.Binary("Signature", readonly=True,
        file_id='image_id', store_prefix='signature')
    image_id = fields.Char("Image ID", readonly=True)
    document = fields.Binary("Signed Document", readonly=True,
        filename='document_name', file_id='document_id',
        store_prefix='signature')
    document_id = fields.Char("Document ID", readonly=True)
    document_name = fields.Char("Document Name", readonly=True)
    document_sha256 = fields.Char("SHA-256 of the Document", readonly=True,
        help="Any change to the signed PDF changes this fingerprint.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('signed_at', 'DESC'), ('id', 'DESC')]

    @classmethod
    def write(cls, *args):
        raise AccessError(gettext('powder_coating.msg_signature_read_only'))

    @classmethod
    def delete(cls, signatures):
        raise AccessError(gettext('powder_coating.msg_signature_read_only'))

    @classmethod
    def check_image(cls, data):
        "A signature must be a PNG, JPEG or WebP image of at most 2 MB."
        if not data or image_type(data) not in SIGNATURE_TYPES:
            raise ValidationError(gettext(
                    'powder_coating.msg_signature_not_image'))
        if len(data) > MAX_IMAGE_SIZE:
            raise ValidationError(gettext(
                    'powder_coating.msg_signature_too_large',
                    size=MAX_IMAGE_SIZE // (1024 * 1024)))

    @classmethod
    def sign(cls, quote, signer, image, channel, ip_address=None):
        """Record the signature of `quote` and accept it: the quote's PDF
        is rendered with the signature stamp, fingerprinted and kept."""
        pool = Pool()
        Quote = pool.get('powder_coating.quote')
        QuoteReport = pool.get('powder_coating.quote', type='report')
        signer = (signer or '').strip()
        if not signer:
            raise ValidationError(gettext(
                    'powder_coating.msg_signature_signer_required'))
        cls.check_image(image)
        if quote.state != 'sent':
            raise ValidationError(gettext(
                    'powder_coating.msg_signature_quote_state',
                    quote=quote.rec_name))
        now = dt.datetime.now()
        stamp = {
            'signer': signer,
            'signed_at': now,
            'image': bytes(image),
            'ip_address': ip_address,
            }
        with Transaction().set_context(signature_stamp=stamp):
            _, pdf, _, name = QuoteReport.execute([quote.id], {})
        user = Transaction().user
        with without_check_access():
            signature, = cls.create([{
                        'company': quote.company.id,
                        'quote': quote.id,
                        'signer': signer,
                        'signed_at': now,
                        'channel': channel,
                        'user': user or None,
                        'ip_address': ip_address,
                        'image': bytes(image),
                        'document': bytes(pdf),
                        'document_name': f'{name}.pdf',
                        'document_sha256': document_digest(pdf),
                        }])
            Quote.write([quote], {'signature': signature.id})
        Quote.accept([quote])
        return signature


class SignStart(ModelView):
    "Sign Quote"
    __name__ = 'powder_coating.quote.sign.start'
    __string__ = "Sign Quote"

    quote = fields.Many2One('powder_coating.quote', "Quote", readonly=True)
    signer = fields.Char("Signed by", required=True,
        help="The person who signed the quote for the client.")
    image = fields.Binary("Signature or Signed Scan", required=True,
        help="A PNG, JPEG or WebP image of the signature (2 MB at most).")


class Sign(Wizard):
    "Sign Quote"
    __name__ = 'powder_coating.quote.sign'
    start = StateView('powder_coating.quote.sign.start',
        'powder_coating.quote_sign_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Sign and Accept", 'sign', 'tryton-ok', default=True),
            ])
    sign = StateTransition()

    def default_start(self, fields):
        quote = self.record
        return {
            'quote': quote.id,
            'signer': quote.party.rec_name if quote.party else None,
            }

    def transition_sign(self):
        Signature = Pool().get('powder_coating.quote.signature')
        request = Transaction().context.get('_request') or {}
        Signature.sign(self.record, self.start.signer, self.start.image,
            'back_office', ip_address=request.get('remote_addr'))
        return 'end'

    def end(self):
        return 'reload'
