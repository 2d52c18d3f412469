# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The client's quotes and the final reports of their finished projects in
the portal's "my documents", and their PDF; the templates of the client's
space (projects, photos, signing, pickup: portal_project.py and
portal_sign.py)."""
import os
from http import HTTPStatus

from werkzeug.exceptions import NotFound
from werkzeug.wrappers import Response

from trytond.i18n import gettext
from trytond.modules.saas_portal.routes import add_template_dir, route
from trytond.pool import Pool, PoolMeta
from trytond.transaction import Transaction, without_check_access
from trytond.url import http_host

TEMPLATES_DIR = os.path.join(os.path.dirname(__file__), 'templates')
add_template_dir(TEMPLATES_DIR)

# What the client may see: a draft is the workshop's work in progress.
VISIBLE_STATES = ['sent', 'accepted', 'refused', 'expired']
# A project's final report is the client's once the parts are ready.
REPORTED_STATES = ['ready', 'delivered', 'collected']


def client_space_url(company):
    "The client's space at the workshop (absolute), for emails."
    if not company or not company.portal_slug:
        return ''
    database = Transaction().database.name
    return (f'{http_host()}/{database}/portal/{company.portal_slug}/'
        'documents')


def t(message, /, **variables):
    "The powder-coating portal string `message` in the page's language."
    return gettext(f'powder_coating.{message}', **variables)


def client_quotes(company, party, ids=None):
    """The quotes of `party` at `company` a client may open, newest first:
    the only query the portal makes on quotes (always both filters)."""
    Quote = Pool().get('powder_coating.quote')
    domain = [
        ('company', '=', int(company)),
        ('party', '=', int(party)),
        ('state', 'in', VISIBLE_STATES),
        ]
    if ids is not None:
        domain.append(('id', 'in', list(ids)))
    with without_check_access():
        return Quote.search(domain, order=[('date', 'DESC'), ('id', 'DESC')])


def client_projects(company, party, ids=None):
    """The projects of `party` at `company` whose final report the client
    may open (ready or finished), newest first."""
    Project = Pool().get('powder_coating.project')
    domain = [
        ('company', '=', int(company)),
        ('party', '=', int(party)),
        ('state', 'in', REPORTED_STATES),
        ]
    if ids is not None:
        domain.append(('id', 'in', list(ids)))
    with without_check_access():
        return Project.search(domain, order=[('id', 'DESC')])


def pdf_response(report_name, record, filename):
    "A report of `record` as an inline PDF, never cached."
    Report = Pool().get(report_name, type='report')
    with without_check_access():
        _, content, _, _ = Report.execute([record.id], {})
    response = Response(bytes(content), status=int(HTTPStatus.OK),
        content_type='application/pdf')
    response.headers['Content-Disposition'] = (
        f'inline; filename="{filename}.pdf"')
    response.headers['X-Content-Type-Options'] = 'nosniff'
    response.headers['Cache-Control'] = 'private, no-store'
    return response


class WebUser(metaclass=PoolMeta):
    __name__ = 'web.user'

    def portal_landing(self):
        "The client's space opens on their projects."
        return 'projects'

    def portal_documents(self):
        pool = Pool()
        Lang = pool.get('ir.lang')
        documents = super().portal_documents()
        if not self.party or not self.company:
            return documents
        lang = Lang.get()
        database = pool.database_name
        base = f'/{database}/portal/{self.company.portal_slug}/'
        states = dict(pool.get('powder_coating.quote').fields_get(
                ['state'])['state']['selection'])
        for quote in client_quotes(self.company, self.party):
            documents.append({
                    'name': gettext('powder_coating.msg_portal_quote_name',
                        number=quote.number,
                        state=states.get(quote.state, '')),
                    'date': quote.date,
                    'date_text': lang.strftime(quote.date),
                    'kind': 'quote',
                    'url': f'{base}quotes/{quote.id}.pdf',
                    })
        for project in client_projects(self.company, self.party):
            date = (project.ready_date.date() if project.ready_date
                else project.create_date.date())
            documents.append({
                    'name': gettext('powder_coating.msg_portal_project_name',
                        number=project.number),
                    'date': date,
                    'date_text': lang.strftime(date),
                    'kind': 'report',
                    'url': f'{base}projects/{project.id}.pdf',
                    })
        return documents


@route('quotes/<int:quote_id>.pdf')
def quote_pdf(page, quote_id):
    "The PDF of one of the signed-in client's quotes; anything else: 404."
    if not page.user:
        return page.redirect('login')
    try:
        page.pool.get('powder_coating.quote')
    except KeyError:
        raise NotFound()
    quotes = client_quotes(page.company, page.user.party, ids=[quote_id])
    if not quotes:
        raise NotFound()
    quote, = quotes
    return pdf_response('powder_coating.quote', quote, quote.number)


@route('projects/<int:project_id>.pdf')
def project_pdf(page, project_id):
    """The final report of one of the signed-in client's ready or finished
    projects; anything else: 404."""
    if not page.user:
        return page.redirect('login')
    try:
        page.pool.get('powder_coating.project')
    except KeyError:
        raise NotFound()
    projects = client_projects(page.company, page.user.party,
        ids=[project_id])
    if not projects:
        raise NotFound()
    project, = projects
    return pdf_response('powder_coating.project.final', project,
        project.number)


# The pages of the client's space (registered on import).
from . import portal_project, portal_sign  # noqa: F401,E402
