# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Consents (GDPR): the documents a workshop asks its clients to accept
(terms, privacy policy, data processing agreement) and the clients'
acceptances, version by version.

A client accepts a given version of a document; when the workshop raises
the version, the older acceptances no longer count and the client is asked
again.
"""
import datetime as dt

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.rpc import RPC
from trytond.transaction import Transaction, without_check_access

from .exceptions import ConsentReadOnlyError, ConsentValidationError
from .tenant import TenantOwnedMixin


def accepted(document_version, accepted_versions):
    """Whether one of the accepted versions is the document's current one
    (or a later one): an older version does not count."""
    return any(v >= document_version for v in accepted_versions if v)


def _party(party):
    """The party (or party id), read with the user's rights: only a party
    of the user's workshops is answered for."""
    pool = Pool()
    Party = pool.get('party.party')
    party = Party(int(party))
    Party.read([party.id], ['company'])
    return party


class Document(TenantOwnedMixin, ModelSQL, ModelView):
    "Consent Document"
    __name__ = 'saas.consent.document'
    __string__ = "Consent Document"

    name = fields.Char("Name", required=True,
        help="The title the client reads, e.g. \"Terms of sale\".")
    kind = fields.Selection([
            ('terms', "Terms and Conditions"),
            ('privacy', "Privacy Policy"),
            ('processing', "Data Processing Agreement"),
            ], "Kind", required=True, sort=False,
        help="What the document is: the client must accept the current "
        "version of each kind the workshop publishes.")
    version = fields.Integer("Version", required=True,
        domain=[('version', '>=', 1)],
        help="Raise it when the text changes: every client must then "
        "accept the document again.")
    effective_date = fields.Date("Effective Date", required=True,
        help="From this day the current version applies.")
    text = fields.Text("Text",
        help="The full text of the document, or leave empty and give "
        "its address.")
    url = fields.Char("URL", help="Where the client can read the document.")
    active = fields.Boolean("Active",
        help="Uncheck when the workshop no longer asks for this document.")
    consents = fields.One2Many('saas.consent', 'document', "Consents",
        readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.company.required = True
        cls._order = [('kind', 'ASC'), ('name', 'ASC'), ('id', 'ASC')]
        cls.__rpc__.update({
                'pending_for': RPC(result=lambda r: [d.id for d in r]),
                })
        cls._buttons.update({
                'new_version': {
                    'invisible': ~Eval('active', True),
                    'depends': ['active'],
                    },
                })

    @classmethod
    def default_version(cls):
        return 1

    @classmethod
    def default_active(cls):
        return True

    @classmethod
    def default_kind(cls):
        return 'terms'

    @classmethod
    def default_effective_date(cls):
        pool = Pool()
        Date = pool.get('ir.date')
        return Date.today()

    def get_rec_name(self, name):
        return '%s (v%s)' % (self.name, self.version)

    @classmethod
    def write(cls, *args):
        actions = iter(args)
        for documents, values in zip(actions, actions):
            if 'version' in values:
                for document in documents:
                    if values['version'] < document.version:
                        raise ConsentValidationError(gettext(
                                'saas.msg_consent_document_version_lower',
                                document=document.rec_name))
        super().write(*args)

    @classmethod
    @ModelView.button
    def new_version(cls, documents):
        "Publish a new version: every client must accept it again."
        pool = Pool()
        Date = pool.get('ir.date')
        today = Date.today()
        for document in documents:
            document.version += 1
            document.effective_date = today
        cls.save(documents)

    @classmethod
    def pending_for(cls, party, kind=None):
        """The documents of the party's workshop whose current version the
        party has not accepted (an older version does not count)."""
        pool = Pool()
        Date = pool.get('ir.date')
        Consent = pool.get('saas.consent')
        party = _party(party)
        if not party.company:
            return []
        domain = [
            ('company', '=', party.company.id),
            ('effective_date', '<=', Date.today()),
            ]
        if kind:
            domain.append(('kind', '=', kind))
        with without_check_access():
            documents = cls.search(domain)
            consents = Consent.search([
                    ('company', '=', party.company.id),
                    ('party', '=', party.id),
                    ('document', 'in', [d.id for d in documents]),
                    ])
        versions = {}
        for consent in consents:
            versions.setdefault(consent.document.id, []).append(
                consent.version)
        return [d for d in documents
            if not accepted(d.version, versions.get(d.id, []))]


class Consent(ModelSQL, ModelView):
    "Consent"
    __name__ = 'saas.consent'
    __string__ = "Consent"
    _order_name = 'date'

    company = fields.Many2One('company.company', "Company", required=True,
        readonly=True, ondelete='CASCADE',
        help="The workshop that asked for the consent.")
    party = fields.Many2One('party.party', "Party", required=True,
        ondelete='RESTRICT',
        domain=[('company', '=', Eval('company', -1))],
        context={'company': Eval('company', -1)}, depends={'company'},
        help="The client who accepted the document.")
    document = fields.Many2One('saas.consent.document', "Document",
        required=True, ondelete='RESTRICT',
        domain=[('company', '=', Eval('company', -1))],
        help="The document accepted.")
    kind = fields.Function(fields.Selection('get_kinds', "Kind"),
        'on_change_with_kind', searcher='search_kind')
    version = fields.Integer("Version", required=True,
        help="The version of the document the client accepted.")
    date = fields.DateTime("Date", required=True,
        help="When the client accepted.")
    channel = fields.Selection([
            (None, ""),
            ('portal', "Client Portal"),
            ('email', "Email"),
            ('paper', "Signed Paper"),
            ('counter', "At the Counter"),
            ], "Channel", sort=False,
        help="How the client gave the consent.")
    ip_address = fields.Char("IP Address",
        help="The address the consent came from, on the portal.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('date', 'DESC'), ('id', 'DESC')]
        cls.__rpc__.update({
                'needs_consent': RPC(),
                })

    @classmethod
    def default_company(cls):
        return Transaction().context.get('company')

    @classmethod
    def default_date(cls):
        return dt.datetime.now()

    @classmethod
    def get_kinds(cls):
        pool = Pool()
        Document = pool.get('saas.consent.document')
        return Document.fields_get(['kind'])['kind']['selection']

    @fields.depends('document')
    def on_change_with_kind(self, name=None):
        return self.document.kind if self.document else None

    @classmethod
    def search_kind(cls, name, clause):
        return [('document.kind',) + tuple(clause[1:])]

    @fields.depends('document')
    def on_change_document(self):
        if self.document:
            self.version = self.document.version

    def get_rec_name(self, name):
        return '%s - %s' % (self.party.rec_name, self.document.rec_name)

    @classmethod
    def create(cls, vlist):
        pool = Pool()
        Document = pool.get('saas.consent.document')
        vlist = [v.copy() for v in vlist]
        for values in vlist:
            if values.get('document') and not values.get('version'):
                with without_check_access():
                    values['version'] = Document(values['document']).version
        return super().create(vlist)

    @classmethod
    def validate_fields(cls, consents, field_names):
        super().validate_fields(consents, field_names)
        for consent in consents:
            if (consent.party.company != consent.company
                    or consent.document.company != consent.company):
                raise ConsentValidationError(gettext(
                        'saas.msg_consent_other_workshop',
                        party=consent.party.rec_name))

    @classmethod
    def write(cls, *args):
        raise ConsentReadOnlyError(gettext('saas.msg_consent_read_only'))

    @classmethod
    def delete(cls, consents):
        # Only the cascade of a deleted tenant, run as root, removes them.
        if Transaction().user != 0 or Transaction().check_access:
            raise ConsentReadOnlyError(gettext('saas.msg_consent_read_only'))
        super().delete(consents)

    @classmethod
    def needs_consent(cls, party, kind=None):
        """Whether the party must (again) accept a document of its
        workshop, of the kind given or of any kind."""
        pool = Pool()
        Document = pool.get('saas.consent.document')
        return bool(Document.pending_for(party, kind=kind))

    @classmethod
    def accept(cls, party, documents, channel=None, ip_address=None):
        """Record that the party accepts the current version of the
        documents, whatever the user's rights (the portal calls it)."""
        now = dt.datetime.now()
        with without_check_access():
            return cls.create([{
                        'company': d.company.id,
                        'party': party.id,
                        'document': d.id,
                        'version': d.version,
                        'date': now,
                        'channel': channel,
                        'ip_address': ip_address,
                        } for d in documents])
