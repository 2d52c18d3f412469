# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The workshop's clients: professional or private, notes, the journal of
interactions, the suspected duplicates, and their consent to photos."""
import datetime as dt

from trytond.i18n import gettext
from trytond.model import fields
from trytond.exceptions import UserWarning
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access

from . import duplicates as dup


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'

    client_kind = fields.Selection([
            (None, ""),
            ('professional', "Professional"),
            ('private', "Private"),
            ], "Client Type")
    client_notes = fields.Text("Notes")
    interactions = fields.One2Many(
        'powder_coating.interaction', 'party', "Interactions")
    suspected_duplicates = fields.Function(fields.Many2Many(
            'party.party', None, None, "Suspected Duplicates",
            help="Clients of the workshop with the same email, phone or "
            "name (the criteria are set in the quote settings)."),
        'get_suspected_duplicates')
    photo_consent = fields.Boolean("Photo Consent",
        help="The client agreed to see and keep the photos of their parts "
        "in high quality in their client space (they may tick or untick it "
        "there too).")
    photo_consent_date = fields.Timestamp("Photo Consent Changed on",
        readonly=True)
    photo_consent_ip = fields.Char("Photo Consent IP Address",
        readonly=True,
        help="Where the client ticked it, when done in their space.")

    @classmethod
    def duplicate_criteria(cls, company):
        Configuration = Pool().get('powder_coating.configuration')
        settings = Configuration.get(company)
        if settings is None:
            return dup.CRITERIA
        return tuple(c for c, on in [
                ('email', settings.duplicate_email),
                ('phone', settings.duplicate_phone),
                ('name', settings.duplicate_name),
                ] if on)

    def duplicate_keys(self, criteria):
        return dup.keys(self.name, self.email,
            self.phone or self.mobile, criteria)

    @classmethod
    def find_duplicates(cls, company, name=None, email=None, phone=None,
            exclude=()):
        """The workshop's clients matching the given name, email or phone
        by its criteria (never another workshop's)."""
        if company is None:
            return []
        criteria = cls.duplicate_criteria(company)
        wanted = dup.keys(name, email, phone, criteria)
        if not wanted:
            return []
        with without_check_access():
            parties = cls.search([
                    ('company', '=', int(company)),
                    ('id', 'not in', [int(p) for p in exclude]),
                    ])
        return [p for p in parties if p.duplicate_keys(criteria) & wanted]

    def get_suspected_duplicates(self, name):
        if not self.company:
            return []
        return [p.id for p in self.find_duplicates(self.company,
                self.name, self.email, self.phone or self.mobile,
                exclude=[self.id])]

    @staticmethod
    def default_photo_consent():
        return False

    @classmethod
    def preprocess_values(cls, mode, values):
        "A change of the photo consent records when (and where from)."
        values = super().preprocess_values(mode, values)
        if 'photo_consent' in values and 'photo_consent_date' not in values:
            values['photo_consent_date'] = (
                dt.datetime.now() if values['photo_consent'] or mode == 'write'
                else None)
            values.setdefault('photo_consent_ip', None)
        return values

    @classmethod
    def set_photo_consent(cls, party, consent, ip_address=None):
        "The client's choice in their space, with the date and IP address."
        with without_check_access():
            cls.write([party], {
                    'photo_consent': bool(consent),
                    'photo_consent_date': dt.datetime.now(),
                    'photo_consent_ip': ip_address,
                    })

    @classmethod
    def create(cls, vlist):
        parties = super().create(vlist)
        cls.warn_duplicates(parties)
        return parties

    @classmethod
    def warn_duplicates(cls, parties):
        """Warn (once, the user may go on) when a new client looks like an
        existing one of the workshop."""
        pool = Pool()
        Warning = pool.get('res.user.warning')
        context = Transaction().context
        if (not Transaction().user or not Transaction().check_access
                or context.get('_skip_duplicate_warning')):
            return
        for party in parties:
            if not party.company:
                continue
            found = party.find_duplicates(party.company, party.name,
                party.email, party.phone or party.mobile, exclude=[party.id])
            if found:
                key = Warning.format('party_duplicate', [party])
                if Warning.check(key):
                    raise UserWarning(key, gettext(
                            'powder_coating.msg_party_duplicate',
                            party=party.rec_name,
                            duplicates=', '.join(
                                p.rec_name for p in found[:5])))
