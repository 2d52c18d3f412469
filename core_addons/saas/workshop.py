# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The publisher's "New workshop" wizard: one click creates a ready tenant.

It creates the company and its party, the owner's user, the French chart of
accounts, the current fiscal year with its monthly periods and the default
accounts, then queues the owner's welcome email. Everything is checked
before anything is written, so a refused request creates nothing.
"""
import datetime as dt
import re

from sql import Null
from sql.aggregate import Max
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fr import siret as stdnum_siret

from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.pool import Pool
from trytond.transaction import Transaction, without_check_access
from trytond.wizard import Button, StateTransition, StateView, Wizard

from .exceptions import WorkshopValidationError

EMAIL_PATTERN = r'^[^@\s]+@[^@\s]+\.[^@\s]+$'


def normalize_siret(value):
    "Return the SIRET without spaces or dots, or None if it is invalid."
    try:
        return stdnum_siret.validate(value or '')
    except StdnumError:
        return None


def fiscal_year_dates(today):
    "Return the first and last days of the calendar year holding `today`."
    return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)


class WorkshopCreateStart(ModelView):
    "New Workshop"
    __name__ = 'saas.workshop.create.start'
    __string__ = "New Workshop"

    name = fields.Char("Workshop Name", required=True,
        help="The trade name of the workshop, as on its invoices.")
    siret = fields.Char("SIRET", required=True,
        help="The 14 digits of the SIRET number shown on the Kbis extract.")
    street = fields.Text("Street")
    postal_code = fields.Char("Postal Code")
    city = fields.Char("City")
    country = fields.Many2One('country.country', "Country")
    phone = fields.Char("Phone")
    currency = fields.Many2One('currency.currency', "Currency",
        required=True)
    timezone = fields.Char("Timezone", required=True)
    owner_name = fields.Char("Owner Name", required=True,
        help="First and last name of the workshop's owner.")
    owner_login = fields.Char("Owner Login", required=True,
        help="The login the owner types to sign in.")
    owner_email = fields.Char("Owner Email", required=True,
        help="The welcome email with the link to set the password is sent "
        "to this address.")

    @classmethod
    def default_currency(cls):
        pool = Pool()
        Currency = pool.get('currency.currency')
        currencies = Currency.search([('code', '=', 'EUR')], limit=1)
        return currencies[0].id if currencies else None

    @classmethod
    def default_country(cls):
        pool = Pool()
        Country = pool.get('country.country')
        countries = Country.search([('code', '=', 'FR')], limit=1)
        return countries[0].id if countries else None

    @classmethod
    def default_timezone(cls):
        return 'Europe/Paris'


class WorkshopCreateDone(ModelView):
    "New Workshop Created"
    __name__ = 'saas.workshop.create.done'
    __string__ = "New Workshop Created"

    company = fields.Many2One('company.company', "Workshop", readonly=True)
    owner = fields.Many2One('res.user', "Owner", readonly=True)


class WorkshopCreate(Wizard):
    "New Workshop"
    __name__ = 'saas.workshop.create'

    start = StateView('saas.workshop.create.start',
        'saas.workshop_create_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Create", 'create_', 'tryton-ok', default=True),
            ])
    create_ = StateTransition()
    done = StateView('saas.workshop.create.done',
        'saas.workshop_create_done_view_form', [
            Button("Close", 'end', 'tryton-close', default=True),
            ])

    def transition_create_(self):
        # Only publishers run this wizard (its action is bound to their
        # group); once the request is checked, the tenant is built whatever
        # the rules, since its records belong to a company not yet created.
        with without_check_access():
            return self._create_workshop()

    def _create_workshop(self):
        siret = self.check_start()
        company = self.create_company(siret)
        owner = self.create_owner(company)
        self.create_chart(company)
        self.create_fiscal_year(company)
        self.share_with_publishers(company)
        User = Pool().get('res.user')
        User.__queue__.send_welcome_email([owner])
        self.done.company = company
        self.done.owner = owner
        return 'done'

    def end(self):
        # The publisher's companies changed: the client reloads its context
        # so the new workshop is visible at once.
        return 'reload context'

    def default_done(self, fields):
        return {
            'company': self.done.company.id,
            'owner': self.done.owner.id,
            }

    def check_start(self):
        "Validate the request; return the normalized SIRET."
        pool = Pool()
        Company = pool.get('company.company')
        Identifier = pool.get('party.identifier')
        User = pool.get('res.user')
        ModelData = pool.get('ir.model.data')
        start = self.start
        name = (start.name or '').strip()
        if not name:
            raise WorkshopValidationError(
                gettext('saas.msg_workshop_name_required'))
        companies = Company.search([
                ('party.name', 'ilike', name.replace('%', '\\%')
                    .replace('_', '\\_')),
                ])
        if any(c.party.name.strip().lower() == name.lower()
                for c in companies):
            raise WorkshopValidationError(
                gettext('saas.msg_workshop_name_duplicate', name=name))
        siret = normalize_siret(start.siret)
        if not siret:
            raise WorkshopValidationError(
                gettext('saas.msg_workshop_siret_invalid',
                    siret=start.siret or ''))
        identifiers = Identifier.search([
                ('type', '=', 'fr_siret'),
                ('code', 'in', [siret, stdnum_siret.format(siret)]),
                ])
        for identifier in identifiers:
            owners = Company.search([('party', '=', identifier.party.id)])
            if owners:
                raise WorkshopValidationError(
                    gettext('saas.msg_workshop_siret_duplicate',
                        siret=siret, workshop=owners[0].rec_name))
        login = (start.owner_login or '').strip()
        if User.search([('login', '=', login)], limit=1) or not login:
            raise WorkshopValidationError(
                gettext('saas.msg_workshop_login_duplicate', login=login))
        if not re.match(EMAIL_PATTERN, start.owner_email or ''):
            raise WorkshopValidationError(
                gettext('saas.msg_workshop_email_invalid',
                    email=start.owner_email or ''))
        try:
            ModelData.get_id('account_fr', 'root')
        except KeyError:
            raise WorkshopValidationError(
                gettext('saas.msg_workshop_chart_missing'))
        return siret

    def create_company(self, siret):
        pool = Pool()
        Party = pool.get('party.party')
        Company = pool.get('company.company')
        Identifier = pool.get('party.identifier')
        Lang = pool.get('ir.lang')
        start = self.start
        french = Lang.search([('code', '=', 'fr')], limit=1)
        contacts = []
        if start.phone:
            contacts.append({'type': 'phone', 'value': start.phone})
        party, = Party.create([{
                    'name': start.name.strip(),
                    'lang': french[0].id if french else None,
                    'addresses': [('create', [{
                                    'street': start.street,
                                    'postal_code': start.postal_code,
                                    'city': start.city,
                                    'country': (
                                        start.country.id
                                        if start.country else None),
                                    }])],
                    'contact_mechanisms': [('create', contacts)],
                    }])
        # A SIRET identifies an establishment: it goes with the address.
        Identifier.create([{
                    'party': party.id,
                    'type': 'fr_siret',
                    'code': siret,
                    'address': party.addresses[0].id,
                    }])
        company, = Company.create([{
                    'party': party.id,
                    'currency': start.currency.id,
                    'timezone': start.timezone,
                    }])
        # The workshop's own party belongs to the workshop.
        Party.write([party], {'company': company.id})
        return company

    def create_owner(self, company):
        pool = Pool()
        Party = pool.get('party.party')
        Employee = pool.get('company.employee')
        User = pool.get('res.user')
        Lang = pool.get('ir.lang')
        ModelData = pool.get('ir.model.data')
        start = self.start
        french = Lang.search([
                ('code', '=', 'fr'), ('translatable', '=', True)], limit=1)
        party, = Party.create([{
                    'name': start.owner_name.strip(),
                    'company': company.id,
                    'contact_mechanisms': [('create', [{
                                    'type': 'email',
                                    'value': start.owner_email.strip(),
                                    }])],
                    }])
        employee, = Employee.create([{
                    'party': party.id,
                    'company': company.id,
                    }])
        owner, = User.create([{
                    'name': start.owner_name.strip(),
                    'login': start.owner_login.strip(),
                    'email': start.owner_email.strip(),
                    'language': french[0].id if french else None,
                    'companies': [('add', [company.id])],
                    'company': company.id,
                    'employees': [('add', [employee.id])],
                    'employee': employee.id,
                    'groups': [('add', [
                                ModelData.get_id('saas', 'group_owner')])],
                    }])
        # Owners need two-factor login: the app is set up at first login.
        User.ask_totp_enrolment([owner])
        return owner

    @classmethod
    def create_chart(cls, company):
        "Create the French chart of accounts with Tryton's own wizard."
        pool = Pool()
        ModelData = pool.get('ir.model.data')
        AccountTemplate = pool.get('account.account.template')
        CreateChart = pool.get('account.create_chart', type='wizard')
        session_id, _, _ = CreateChart.create()
        chart = CreateChart(session_id)
        chart.account.company = company
        chart.account.account_template = AccountTemplate(
            ModelData.get_id('account_fr', 'root'))
        with Transaction().set_context(_saas_defer_account_tree=True):
            chart.transition_create_account()
        cls.build_account_tree(company)
        defaults = chart.default_properties(None)
        chart.properties.company = company
        Account = pool.get('account.account')
        chart.properties.account_receivable = (
            Account(defaults['account_receivable'])
            if defaults.get('account_receivable') else None)
        chart.properties.account_payable = (
            Account(defaults['account_payable'])
            if defaults.get('account_payable') else None)
        chart.transition_create_properties()
        CreateChart.delete(session_id)

    @staticmethod
    def build_account_tree(company):
        """Number the new chart's tree (left/right) once, after the chart.

        The accounts are created with the tree update deferred (see
        `Account._update_mptt`): Tryton would otherwise renumber the tree of
        every workshop after each insert, hundreds of thousands of queries
        on PostgreSQL. The new chart goes after the other workshops' trees.
        """
        pool = Pool()
        Account = pool.get('account.account')
        table = Account.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*table.select(Max(table.right),
                where=table.company != company.id))
        left = (cursor.fetchone()[0] or 0) + 1
        cursor.execute(*table.select(table.id,
                where=(table.company == company.id) & (table.parent == Null),
                order_by=table.id))
        for root_id, in cursor.fetchall():
            left = Account._rebuild_tree('parent', root_id, left)

    @classmethod
    def create_fiscal_year(cls, company, date=None):
        """The fiscal year of `date` (default: today), 12 monthly periods,
        numbered moves."""
        pool = Pool()
        FiscalYear = pool.get('account.fiscalyear')
        Sequence = pool.get('ir.sequence.strict')
        ModelData = pool.get('ir.model.data')
        Date = pool.get('ir.date')
        with Transaction().set_context(company=company.id):
            today = date or Date.today()
        start_date, end_date = fiscal_year_dates(today)
        sequence, = Sequence.create([{
                    'name': str(today.year),
                    'sequence_type': ModelData.get_id(
                        'account', 'sequence_type_account_move'),
                    'company': company.id,
                    }])
        fiscalyear, = FiscalYear.create([{
                    'name': str(today.year),
                    'start_date': start_date,
                    'end_date': end_date,
                    'company': company.id,
                    'move_sequence': sequence.id,
                    }])
        FiscalYear.create_period([fiscalyear])
        return fiscalyear

    @classmethod
    def share_with_publishers(cls, company):
        """The publisher sees every tenant: add the workshop to their users,
        showing the records of all their companies."""
        pool = Pool()
        User = pool.get('res.user')
        ModelData = pool.get('ir.model.data')
        publisher = ModelData.get_id('saas', 'group_publisher')
        for user in User.search([('groups', '=', publisher)]):
            values = {'company_filter': 'all'}
            if company not in user.companies:
                values['companies'] = [('add', [company.id])]
            if not user.company:
                values['company'] = company.id
            User.write([user], values)
