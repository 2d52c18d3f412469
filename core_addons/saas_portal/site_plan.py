# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""What the public website shows that the publisher edits: the plans and
their prices (until subscriptions exist), and the site's settings (the
publisher's company for the legal pages, the host, the director of
publication)."""
from decimal import Decimal

from trytond.model import (
    DeactivableMixin, ModelSingleton, ModelSQL, ModelView, fields,
    sequence_ordered)
from trytond.pool import Pool


def format_price(amount, language='fr'):
    """A price the way it is written in `language`: « 49 € »,
    « 1 234,50 € » in French (narrow no-break space between thousands),
    « €49 » in English; whole euros without decimals."""
    amount = Decimal(amount or 0).quantize(Decimal('0.01'))
    whole = amount == amount.to_integral_value()
    if language == 'fr':
        text = f'{amount:,.0f}' if whole else f'{amount:,.2f}'
        text = text.replace(',', '\u202f').replace('.', ',')
        return f'{text}\u00a0€'
    text = f'{amount:,.0f}' if whole else f'{amount:,.2f}'
    return f'€{text}'


def highlights(text):
    "The non-empty lines of a plan's highlights."
    return [line.strip() for line in (text or '').splitlines()
        if line.strip()]


class Plan(sequence_ordered(), DeactivableMixin, ModelSQL, ModelView):
    "A plan offered on the public website's pricing page."
    __name__ = 'saas_portal.site.plan'
    __string__ = "Website Plan"

    name = fields.Char("Name", required=True, translate=True,
        help="The name of the plan, as on the pricing page (Lite, Pro).")
    monthly_price = fields.Numeric("Monthly Price", digits=(16, 2),
        required=True,
        help="The price per month excluding VAT, in euros.")
    yearly_price = fields.Numeric("Yearly Price", digits=(16, 2),
        help="The price per year excluding VAT when paid yearly, in euros; "
        "empty when the plan is monthly only.")
    highlights = fields.Text("Highlights", translate=True,
        help="What the plan includes, one line per point.")
    recommended = fields.Boolean("Recommended Plan",
        help="Shown as the recommended plan on the pricing page.")

    @classmethod
    def default_recommended(cls):
        return False

    def highlight_lines(self):
        return highlights(self.highlights)


class Configuration(ModelSingleton, ModelSQL, ModelView):
    "The public website's settings."
    __name__ = 'saas_portal.site.configuration'
    __string__ = "Website Settings"

    site_name = fields.Char("Site Name",
        help="The name of the software as the public website shows it.")
    publisher = fields.Many2One('party.party', "Publisher",
        help="The party of the company that runs the service: its name, "
        "address, SIREN/SIRET, VAT number, email and phone fill the legal "
        "pages. Empty: the company of the first publisher user.")
    publication_director = fields.Char("Director of Publication",
        help="The person legally responsible for the website's content.")
    legal_form = fields.Char("Legal Form",
        help="The legal form and share capital, as on the Kbis extract "
        "(e.g. SAS au capital de 10 000 €).")
    registry = fields.Char("Trade Register",
        help="The trade register entry (e.g. RCS Paris 123 456 789).")
    host = fields.Text("Host",
        help="The hosting provider's name, address and phone, as the legal "
        "notice must state them.")
    trial_days = fields.Integer("Trial Days",
        help="The length of the free trial, in days.")

    @classmethod
    def default_site_name(cls):
        return "Atelier"

    @classmethod
    def default_trial_days(cls):
        return 30

    def get_publisher(self):
        "The publisher's company: configured, or the publisher users'."
        pool = Pool()
        User = pool.get('res.user')
        ModelData = pool.get('ir.model.data')
        Company = pool.get('company.company')
        if self.publisher:
            companies = Company.search(
                [('party', '=', self.publisher.id)], limit=1)
            if companies:
                return companies[0]
        group = ModelData.get_id('saas', 'group_publisher')
        for user in User.search(
                [('groups', '=', group)], order=[('id', 'ASC')]):
            if user.company:
                return user.company
            if user.companies:
                return user.companies[0]
        return None
