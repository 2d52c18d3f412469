# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Parties filled from the company register, VAT numbers checked: the
connectors of the workshop's choice, used from the party form."""
import datetime as dt
import json

from stdnum.eu import vat as stdnum_vat
from stdnum.fr import siren as stdnum_siren
from stdnum.fr import siret as stdnum_siret

from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.pool import Pool, PoolMeta
from trytond.wizard import (
    Button, StateAction, StateTransition, StateView, Wizard)

from . import hub
from .exceptions import ConnectorError, PartyLookupError, VatCheckError
from .providers import company_register

VAT_CHECKS = [
    (None, ""),
    ('valid', "Valid"),
    ('invalid', "Invalid"),
    ]


def result_key(result):
    "The key of a company register result in the wizard's choice."
    return result.get('siret') or result.get('siren')


def vat_number(result):
    """The intra-community VAT number of a company register result: the
    register's, or the French one made from the SIREN."""
    if result.get('vat_number'):
        return stdnum_vat.compact(result['vat_number'])
    if result.get('siren') and stdnum_siren.is_valid(result['siren']):
        return 'FR' + stdnum_siren.to_tva(result['siren'])


class Party(metaclass=PoolMeta):
    __name__ = 'party.party'

    vat_check = fields.Selection(
        VAT_CHECKS, "VAT Check", readonly=True,
        help="The answer of the VAT number check: valid, or invalid when the "
        "number is unknown or no longer registered.")
    vat_check_number = fields.Char(
        "Checked VAT Number", readonly=True,
        help="The VAT number that was checked.")
    vat_check_name = fields.Char(
        "Name Registered for VAT", readonly=True,
        help="The name the VAT register gives for this number, "
        "when the member state shares it.")
    vat_check_address = fields.Text(
        "Address Registered for VAT", readonly=True,
        help="The address the VAT register gives for this number, "
        "when the member state shares it.")
    vat_check_date = fields.Timestamp(
        "VAT Checked at", readonly=True,
        help="When the VAT number was last checked.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._buttons.update({
                'lookup_company': {
                    'icon': 'tryton-search',
                    },
                'check_vat': {
                    'icon': 'tryton-ok',
                    },
                })

    @classmethod
    def copy(cls, parties, default=None):
        default = default.copy() if default is not None else {}
        for name in ['vat_check', 'vat_check_number', 'vat_check_name',
                'vat_check_address', 'vat_check_date']:
            default.setdefault(name, None)
        return super().copy(parties, default=default)

    @classmethod
    @ModelView.button_action('connector.wizard_party_lookup')
    def lookup_company(cls, parties):
        pass

    @classmethod
    @ModelView.button
    def check_vat(cls, parties):
        "Check the VAT number of each party and record the answer."
        to_write = cls.get_vat_checks(parties)
        if to_write:
            cls.write(*to_write)

    @classmethod
    def get_vat_checks(cls, parties):
        """Validate every party's VAT number, then ask the workshop's VAT
        service; return the values to write (nothing is written here)."""
        numbers = [p.vat_number_to_check() for p in parties]
        to_write = []
        now = dt.datetime.now()
        for party, number in zip(parties, numbers):
            result = hub.call(
                'vat', 'atelier_check_vat', company=party.company,
                vat_number=number)
            if result is None:
                raise ConnectorError(gettext(
                        'connector.msg_no_provider',
                        capability=gettext('connector.msg_vat_field')))
            to_write.extend(([party], {
                        'vat_check': 'valid' if result['valid'] else 'invalid',
                        'vat_check_number': number,
                        'vat_check_name': result.get('name'),
                        'vat_check_address': result.get('address'),
                        'vat_check_date': now,
                        }))
        return to_write

    def vat_number_to_check(self):
        """The party's intra-community VAT number, refused with a message
        naming the field when missing or invalid."""
        pool = Pool()
        Identifier = pool.get('party.identifier')
        field = self.__class__.fields_get(
            ['identifiers'])['identifiers']['string']
        for identifier in self.identifiers:
            if identifier.type == 'eu_vat':
                break
        else:
            raise VatCheckError(gettext(
                    'connector.msg_party_no_vat', party=self.rec_name,
                    type=Identifier(type='eu_vat').type_string, field=field))
        if not stdnum_vat.is_valid(identifier.code or ''):
            raise VatCheckError(gettext(
                    'connector.msg_party_vat_invalid',
                    number=identifier.code, party=self.rec_name,
                    field=field))
        return stdnum_vat.compact(identifier.code)

    def fill_from_register(self, result, add_vat=True):
        """Give the party the name, SIREN and VAT number of a company
        register `result`, and its establishment's address with the SIRET;
        save it."""
        pool = Pool()
        Address = pool.get('party.address')
        Identifier = pool.get('party.identifier')
        Country = pool.get('country.country')
        countries = Country.search([('code', '=', 'FR')], limit=1)
        france = countries[0] if countries else None

        self.name = result['name']
        identifiers = list(getattr(self, 'identifiers', None) or [])
        addresses = list(getattr(self, 'addresses', None) or [])

        # The address of the establishment: the one already holding its
        # SIRET, else an empty one (a new party's), else a new one.
        siret = next((i for i in identifiers
                if i.type == 'fr_siret' and result.get('siret')
                and i.code_compact == result['siret']), None)
        address = siret.address if siret else None
        if address is None:
            address = next((a for a in addresses
                    if not (a.street or a.postal_code or a.city)), None)
        if address is None:
            address = Address()
        address.street = result.get('street')
        address.postal_code = result.get('postal_code')
        address.city = result.get('city')
        address.country = france
        if self.id is None:
            self.addresses = []  # not the default empty one: the register's

        siren = next((i for i in identifiers if i.type == 'fr_siren'), None)
        if siren is None:
            siren = Identifier(type='fr_siren')
            identifiers.append(siren)
        siren.code = result['siren']
        if add_vat and not any(i.type == 'eu_vat' for i in identifiers):
            number = vat_number(result)
            if number:
                identifiers.append(Identifier(type='eu_vat', code=number))
        self.identifiers = identifiers
        self.save()
        address.party = self
        address.save()

        if siret is None and result.get('siret'):
            # The SIRET identifies the address, which now exists.
            Identifier.create([{
                        'party': self.id,
                        'type': 'fr_siret',
                        'code': result['siret'],
                        'address': address.id,
                        }])


class PartyLookupStart(ModelView):
    "Look up a Company"
    __name__ = 'connector.party.lookup.start'

    query = fields.Char(
        "SIREN, SIRET or Name", required=True,
        help="The 9 digits of the SIREN, the 14 digits of the SIRET "
        "(spaces allowed) or at least 3 letters of the company's name.")
    party = fields.Many2One(
        'party.party', "Party to Fill",
        help="The party that gets the name, SIREN, address and VAT number "
        "from the register. Leave empty to create a new party.")


class PartyLookupResult(ModelView):
    "Companies Found"
    __name__ = 'connector.party.lookup.result'

    results = fields.Text("Results", readonly=True)
    company = fields.Selection(
        'get_companies', "Company", required=True, sort=False,
        help="The company found in the register, or the establishment for "
        "a SIRET, with its address.")
    party = fields.Many2One(
        'party.party', "Party to Fill",
        help="The party that gets the name, SIREN, address and VAT number "
        "from the register. Leave empty to create a new party.")
    add_vat = fields.Boolean(
        "Add the VAT Number",
        help="Add the intra-community VAT number (made from the SIREN when "
        "the register does not give it) if the party has none; "
        "check it afterwards with the VAT check button.")

    @fields.depends('results')
    def get_companies(self):
        results = json.loads(getattr(self, 'results', None) or '[]')
        return [(result_key(r), self.company_label(r)) for r in results]

    @staticmethod
    def company_label(result):
        number = result.get('siret') or result.get('siren') or ''
        if stdnum_siret.is_valid(number):
            number = stdnum_siret.format(number)
        elif stdnum_siren.is_valid(number):
            number = stdnum_siren.format(number)
        place = ' '.join(
            p for p in [result.get('postal_code'), result.get('city')] if p)
        label = ' · '.join(
            p for p in [result.get('name'), number, result.get('street'),
                place] if p)
        if not result.get('active', True):
            label = gettext('connector.msg_lookup_closed', company=label)
        return label


class PartyLookup(Wizard):
    "Look up a Company"
    __name__ = 'connector.party.lookup'

    start = StateView(
        'connector.party.lookup.start',
        'connector.party_lookup_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Search", 'search', 'tryton-search', default=True),
            ])
    search = StateTransition()
    result = StateView(
        'connector.party.lookup.result',
        'connector.party_lookup_result_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Search Again", 'start', 'tryton-back'),
            Button("Fill the Party", 'fill', 'tryton-ok', default=True),
            ])
    fill = StateTransition()
    open_ = StateAction('party.act_party_form')

    def default_start(self, fields):
        values = {}
        if getattr(self.start, 'query', None):
            values['query'] = self.start.query
        if getattr(self.start, 'party', None):
            values['party'] = self.start.party.id
        elif (self.model and self.model.__name__ == 'party.party'
                and len(self.records) == 1):
            values['party'] = self.record.id
        return values

    def transition_search(self):
        Start = self.start.__class__
        field = Start.fields_get(['query'])['query']['string']
        query = self.start.query
        # Refused before any call when the number or name cannot be right.
        company_register.parse_query(query, field=field)
        results = hub.call(
            'company_register', 'atelier_lookup_company', query=query)
        if results is None:
            raise ConnectorError(gettext(
                    'connector.msg_no_provider',
                    capability=gettext('connector.msg_company_query_field')))
        if not results:
            raise PartyLookupError(gettext(
                    'connector.msg_lookup_not_found',
                    query=query, field=field))
        self.result.results = json.dumps(results)
        return 'result'

    def default_result(self, fields):
        results = json.loads(self.result.results or '[]')
        return {
            'results': self.result.results,
            'company': result_key(results[0]) if results else None,
            'party': self.start.party.id if self.start.party else None,
            'add_vat': True,
            }

    def transition_fill(self):
        pool = Pool()
        Party = pool.get('party.party')
        Result = self.result.__class__
        results = {
            result_key(r): r for r in json.loads(self.result.results or '[]')}
        chosen = results.get(self.result.company)
        if chosen is None:
            field = Result.fields_get(['company'])['company']['string']
            raise PartyLookupError(gettext(
                    'connector.msg_lookup_choose', field=field))
        party = self.result.party
        if party is None:
            duplicates = Party.search([
                    ('identifiers', 'where', [
                            ('type', '=', 'fr_siren'),
                            ('code_compact', '=', chosen['siren']),
                            ]),
                    ], limit=1)
            if duplicates:
                duplicate, = duplicates
                raise PartyLookupError(gettext(
                        'connector.msg_lookup_party_exists',
                        party=duplicate.rec_name, siren=chosen['siren']))
            party = Party()
        created = party.id is None
        party.fill_from_register(chosen, add_vat=self.result.add_vat)
        self.result.party = party
        return 'open_' if created else 'end'

    def do_open_(self, action):
        action['res_id'] = [self.result.party.id]
        action['views'].reverse()  # the form first
        return action, {}
