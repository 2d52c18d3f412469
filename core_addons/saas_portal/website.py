# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The publisher's public website: /<database>/site/...

`/<database>/` itself is Tryton's JSON-RPC endpoint, so the site lives
under `/site/`. Pages are rendered server-side with the portal's Jinja2
environment, stylesheet, CSRF double submit, language cookie and security
headers. Handlers run as root: they read only the publisher's own data
(plans, settings, company, health checks) and write only trial requests
and contact messages.
"""
import base64
import datetime as dt
import functools
import hashlib
import html
import json
from http import HTTPStatus
from urllib.parse import urlencode

from werkzeug.exceptions import NotFound
from werkzeug.utils import redirect
from werkzeug.wrappers import Response

from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.protocols.wrappers import with_pool, with_transaction
from trytond.transaction import Transaction
from trytond.wsgi import app

from . import security
from .routes import TEMPLATES
from .site_plan import format_price

# The pages of the site, in the order of the sitemap.
PAGES = ['', 'features', 'pricing', 'signup', 'contact', 'status',
    'legal/terms', 'legal/sale', 'legal/privacy', 'legal/notice',
    'legal/cookies']
LEGAL_PAGES = {
    'terms': 'msg_site_legal_terms',
    'sale': 'msg_site_legal_sale',
    'privacy': 'msg_site_legal_privacy',
    'notice': 'msg_site_legal_notice',
    'cookies': 'msg_site_legal_cookies',
    }
# Sections of each legal page: (heading, paragraph) message ids.
LEGAL_SECTIONS = {
    'terms': ['purpose', 'account', 'trial', 'use', 'data', 'availability',
        'liability', 'ip', 'termination', 'law'],
    'sale': ['scope', 'plans', 'trial', 'payment', 'term', 'refund',
        'sla', 'law'],
    'privacy': ['controller', 'data', 'purposes', 'retention',
        'recipients', 'transfers', 'rights', 'security'],
    'notice': ['publisher', 'director', 'host', 'ip', 'contact'],
    'cookies': ['what', 'used', 'no_banner', 'manage'],
    }
STATUS_DAYS = 90
HONEYPOT = 'website'


def translate(message, /, **variables):
    "The site string `message` (ir.message) in the page's language."
    return gettext(f'saas_portal.{message}', **variables)


def format_percent(value, language='fr'):
    "An uptime as a percentage: « 99,95 % » in French, 99.95% in English."
    if value is None:
        return '—'
    text = f'{value * 100:.2f}'
    if language == 'fr':
        return text.replace('.', ',') + '\u00a0%'
    return text + '%'


def json_ld(data):
    """The JSON-LD block and the CSP hash allowing exactly it: the text is
    safe inside <script> (no "<", ">" or "&")."""
    text = (json.dumps(data, ensure_ascii=False, separators=(',', ':'))
        .replace('<', '\\u003c').replace('>', '\\u003e')
        .replace('&', '\\u0026'))
    digest = base64.b64encode(
        hashlib.sha256(text.encode('utf-8')).digest()).decode()
    return text, f"'sha256-{digest}'"


def group_digits(code, sizes):
    "A SIREN or SIRET written the French way: « 356 000 000 00048 »."
    if not code.isdigit() or len(code) != sum(sizes):
        return code
    parts, start = [], 0
    for size in sizes:
        parts.append(code[start:start + size])
        start += size
    return '\u00a0'.join(parts)


def sitemap_xml(base_url, pages=PAGES, languages=security.LANGUAGES):
    "The sitemap of the site's pages, each with its language versions."
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for page in pages:
        url = base_url + page
        lines.append(f'  <url><loc>{url}</loc>')
        for code in languages:
            lines.append('    <xhtml:link rel="alternate" '
                f'hreflang="{code}" href="{url}?lang={code}"/>')
        lines.append('  </url>')
    lines.append('</urlset>')
    return '\n'.join(lines) + '\n'


def robots_txt(database, base_url):
    "Robots may read the site, not the portals nor the back office."
    return (
        'User-agent: *\n'
        f'Allow: /{database}/site/\n'
        f'Disallow: /{database}/portal/\n'
        f'Disallow: /{database}/site/signup/confirm\n'
        f'Disallow: /{database}/\n'
        'Disallow: /portal/\n'
        '\n'
        f'Sitemap: {base_url}sitemap.xml\n')


class SitePage:
    "What one request of the public site knows: language, CSRF, publisher."

    def __init__(self, request, pool):
        self.request = request
        self.pool = pool
        self.database = pool.database_name
        self.base = f'/{self.database}/site/'
        self.language = security.choose_language(
            request.args.get('lang'),
            request.cookies.get(security.LANG_COOKIE))
        self.csrf_token = (request.cookies.get(security.CSRF_COOKIE)
            or security.new_token())
        self.cookies = []
        Configuration = pool.get('saas_portal.site.configuration')
        self.config = Configuration(1)
        self.publisher = self.config.get_publisher()
        self.csp_scripts = []
        self._publisher_data = None

    @property
    def secure(self):
        return self.request.scheme == 'https'

    @property
    def year(self):
        return dt.date.today().year

    @property
    def site_name(self):
        return self.config.site_name or "Atelier"

    def url(self, path='', **params):
        url = self.base + path
        if params:
            url += '?' + urlencode(params)
        return url

    def absolute_url(self, path=''):
        return self.request.host_url.rstrip('/') + self.base + path

    def set_cookie(self, key, value, **options):
        self.cookies.append((key, value, options))

    def finish(self, response):
        "Add the page's cookies and the security headers to `response`."
        if self.request.cookies.get(security.CSRF_COOKIE) != self.csrf_token:
            self.set_cookie(security.CSRF_COOKIE, self.csrf_token,
                **security.cookie_options(self.secure, path=self.base))
        if (self.request.args.get('lang') in security.LANGUAGES
                and self.request.cookies.get(security.LANG_COOKIE)
                != self.language):
            self.set_cookie(security.LANG_COOKIE, self.language,
                **security.cookie_options(self.secure, path=self.base,
                    max_age=365 * 24 * 3600))
        for key, value, options in self.cookies:
            response.set_cookie(key, value, **options)
        response.headers.update(security.SECURITY_HEADERS)
        if self.csp_scripts:
            csp = response.headers['Content-Security-Policy']
            response.headers['Content-Security-Policy'] = csp.replace(
                "script-src 'self'",
                "script-src 'self' " + ' '.join(self.csp_scripts))
        response.headers['Cache-Control'] = 'no-store'
        response.headers['Content-Language'] = self.language
        response.vary.add('Cookie')
        return response

    @functools.cached_property
    def publisher_party(self):
        "The party whose data fill the legal pages."
        if self.config.publisher:
            return self.config.publisher
        return self.publisher.party if self.publisher else None

    def publisher_data(self):
        "The publisher's legal data, for the legal pages and the footer."
        if self._publisher_data is None:
            self._publisher_data = self._read_publisher_data()
        return self._publisher_data

    def _read_publisher_data(self):
        party = self.publisher_party
        data = {
            'name': self.site_name, 'address': '', 'siren': '', 'siret': '',
            'vat': '', 'email': '', 'phone': '', 'city': '',
            'legal_form': self.config.legal_form or '',
            'registry': self.config.registry or '',
            'director': self.config.publication_director or '',
            'host': self.config.host or '',
            }
        if not party:
            return data
        data['name'] = party.name
        if party.addresses:
            address = party.addresses[0]
            city = ' '.join(filter(None, [address.postal_code, address.city]))
            data['address'] = ', '.join(line.strip() for line in
                (address.street or '').splitlines() + [city] if line.strip())
            data['city'] = address.city or ''
        for identifier in party.identifiers:
            code = identifier.code or ''
            if identifier.type in {'fr_siret', 'fr_siren'}:
                code = ''.join(c for c in code if c.isdigit())
            if identifier.type == 'fr_siret' and not data['siret']:
                data['siret'] = code
            elif identifier.type == 'fr_siren' and not data['siren']:
                data['siren'] = code
            elif identifier.type in {'eu_vat', 'fr_vat'} and not data['vat']:
                data['vat'] = code
        if data['siret'] and not data['siren']:
            data['siren'] = data['siret'][:9]
        data['siren'] = group_digits(data['siren'], [3, 3, 3])
        data['siret'] = group_digits(data['siret'], [3, 3, 3, 5])
        for mechanism in party.contact_mechanisms:
            if mechanism.type == 'email' and not data['email']:
                data['email'] = mechanism.value
            elif (mechanism.type in {'phone', 'mobile'}
                    and not data['phone']):
                data['phone'] = mechanism.value
        return data

    def plans(self):
        Plan = self.pool.get('saas_portal.site.plan')
        return Plan.search([], order=[('sequence', 'ASC'), ('id', 'ASC')])

    def structured_data(self):
        "Schema.org: the publisher and the software with its offers."
        publisher = self.publisher_data()
        organization = {
            '@type': 'Organization',
            'name': publisher['name'],
            'url': self.absolute_url(),
            }
        if publisher['email']:
            organization['email'] = publisher['email']
        if publisher['phone']:
            organization['telephone'] = publisher['phone']
        offers = [{
                '@type': 'Offer',
                'name': plan.name,
                'price': f'{plan.monthly_price:.2f}',
                'priceCurrency': 'EUR',
                'url': self.absolute_url('pricing'),
                } for plan in self.plans()]
        software = {
            '@type': 'SoftwareApplication',
            'name': self.site_name,
            'applicationCategory': 'BusinessApplication',
            'operatingSystem': 'Web',
            'description': translate('msg_site_home_description'),
            'publisher': {'@type': 'Organization',
                'name': publisher['name']},
            'offers': offers,
            }
        return {'@context': 'https://schema.org',
            '@graph': [organization, software]}

    def render(self, template, status=HTTPStatus.OK, **values):
        ld_text, ld_hash = json_ld(self.structured_data())
        self.csp_scripts.append(ld_hash)
        path = values.pop('path', '')
        values.update(
            _=translate,
            page=self,
            language=self.language,
            languages=security.LANGUAGES,
            csrf_field=security.CSRF_FIELD,
            csrf_token=self.csrf_token,
            site_name=self.site_name,
            publisher=self.publisher_data(),
            canonical=self.absolute_url(path),
            current=path,
            json_ld=ld_text,
            honeypot=HONEYPOT,
            )
        body = TEMPLATES.get_template(template).render(**values)
        return self.finish(Response(body, status=int(status),
                content_type='text/html; charset=utf-8'))

    def redirect(self, path='', **params):
        return self.finish(redirect(self.url(path, **params), code=303))

    def csrf_ok(self):
        submitted = (self.request.form.get(security.CSRF_FIELD)
            or self.request.headers.get(security.CSRF_HEADER))
        return security.csrf_valid(
            self.request.cookies.get(security.CSRF_COOKIE), submitted)


def _handler(func, readonly=None):
    "Wrap a handler `(page, **kwargs)` with its transaction and language."
    @functools.wraps(func)
    def wrapper(request, pool, **kwargs):
        try:
            pool.get('saas_portal.site.configuration')
        except KeyError:
            raise NotFound()
        page = SitePage(request, pool)
        transaction = Transaction()
        with transaction.set_context(language=page.language):
            try:
                return func(page, **kwargs)
            except UserError as exception:
                transaction.rollback()
                return page.render('site/message.html',
                    status=HTTPStatus.BAD_REQUEST,
                    title=translate('msg_site_error_title'),
                    message=exception.message)
    return with_pool(with_transaction(readonly=readonly)(wrapper))


def route(path, methods=('GET',), readonly=None):
    "Register a page of the public site at /<database>/site/<path>."
    def decorator(func):
        app.route('/<database_name>/site/' + path,
            methods=list(methods))(_handler(func, readonly=readonly))
        return func
    return decorator


@route('')
def home(page):
    return page.render('site/home.html', path='',
        title=translate('msg_site_home_title'),
        description=translate('msg_site_home_description'))


@route('features')
def features(page):
    return page.render('site/features.html', path='features',
        title=translate('msg_site_features_title'),
        description=translate('msg_site_features_description'))


@route('pricing')
def pricing(page):
    plans = [{
            'name': plan.name,
            'monthly': format_price(plan.monthly_price, page.language),
            'yearly': (format_price(plan.yearly_price, page.language)
                if plan.yearly_price else None),
            'highlights': plan.highlight_lines(),
            'recommended': plan.recommended,
            } for plan in page.plans()]
    return page.render('site/pricing.html', path='pricing', plans=plans,
        title=translate('msg_site_pricing_title'),
        description=translate('msg_site_pricing_description'))


@route('signup', methods=['GET', 'POST'], readonly=False)
def signup(page):
    TrialRequest = page.pool.get('saas_portal.trial_request')
    request = page.request
    values = {
        'path': 'signup',
        'title': translate('msg_site_signup_title'),
        'description': translate('msg_site_signup_description'),
        'form': request.form if request.method == 'POST' else {},
        }
    if request.method == 'GET':
        return page.render('site/signup.html', **values)
    if not page.csrf_ok():
        return page.render('site/signup.html', status=HTTPStatus.FORBIDDEN,
            error=translate('msg_site_csrf'), **values)
    if request.form.get(HONEYPOT):
        # A robot filled the hidden field: the same answer, nothing stored.
        return page.redirect('signup/sent')
    try:
        TrialRequest.request(request.form, request.remote_addr,
            page.absolute_url('signup/confirm'), language=page.language)
    except UserError as exception:
        return page.render('site/signup.html',
            status=HTTPStatus.BAD_REQUEST, error=exception.message,
            **values)
    return page.redirect('signup/sent')


@route('signup/sent')
def signup_sent(page):
    return page.render('site/message.html', path='signup/sent',
        title=translate('msg_site_signup_sent_title'),
        message=translate('msg_site_signup_sent'), noindex=True)


@route('signup/confirm', readonly=False)
def signup_confirm(page):
    """The double opt-in link: the request is confirmed, its workshop is
    queued for creation, and the visitor follows it on the status page."""
    TrialRequest = page.pool.get('saas_portal.trial_request')
    token = page.request.args.get('token')
    trial, error = TrialRequest.confirm(token)
    if error:
        used = error == 'msg_site_link_used'
        return page.render('site/message.html', path='signup/confirm',
            status=HTTPStatus.BAD_REQUEST, noindex=True,
            title=translate('msg_site_link_title'),
            message=translate(error),
            link=(page.url(f'signup/{token}/status') if used
                else page.url('signup')),
            link_text=translate('msg_site_signup_follow' if used
                else 'msg_site_signup_again'))
    response = page.redirect(f'signup/{token}/status')
    return run_tasks_after(response, page.pool)


def run_tasks_after(response, pool):
    """Without a queue worker, Tryton runs the queued tasks after the commit
    but before answering: move them after the response is sent, so the
    visitor does not wait for the workshop (with workers, nothing to do)."""
    from trytond.worker import run_task
    transaction = Transaction()
    task_ids = list(transaction.tasks)
    transaction.tasks.clear()
    if task_ids:
        database = pool.database_name

        def run():
            tasks = transaction.tasks
            tasks.extend(task_ids)
            while tasks:
                run_task(database, tasks.pop(0))
        response.call_on_close(run)
        # The browser opens the next page on another connection: this one
        # is busy with the task.
        response.headers['Connection'] = 'close'
    return response


@route('signup/<token>/status')
def signup_status(page, token):
    """Where the creation of a confirmed request's workshop stands: only
    the holder of the link's token sees it."""
    TrialRequest = page.pool.get('saas_portal.trial_request')
    trial = TrialRequest.from_token(token)
    if not trial or trial.state in {'requested', 'expired'}:
        error = ('msg_site_link_expired'
            if trial and trial.state == 'expired' else 'msg_site_link_invalid')
        return page.render('site/message.html', path='signup',
            status=HTTPStatus.NOT_FOUND, noindex=True,
            title=translate('msg_site_link_title'),
            message=translate(error), link=page.url('signup'),
            link_text=translate('msg_site_signup_again'))
    state = trial.state
    if state == 'created':
        title = translate('msg_site_ready_title')
        message = translate('msg_site_ready', workshop=trial.workshop_name,
            email=trial.email)
    elif state == 'failed':
        title = translate('msg_site_failed_title')
        message = translate('msg_site_failed', workshop=trial.workshop_name,
            email=trial.email)
    else:
        title = translate('msg_site_creating_title')
        message = translate('msg_site_creating',
            workshop=trial.workshop_name)
    return page.render('site/signup_status.html', path='signup',
        noindex=True, title=title, message=message, state=state,
        status_url=page.url(f'signup/{token}/status'),
        sign_in_url=f'/#{page.database}')


@route('legal/<name>')
def legal(page, name):
    if name not in LEGAL_PAGES:
        raise NotFound()
    publisher = page.publisher_data()
    variables = {
        'company': publisher['name'],
        'site': page.site_name,
        'address': publisher['address'] or '—',
        'siren': publisher['siren'] or '—',
        'siret': publisher['siret'] or '—',
        'vat': publisher['vat'] or '—',
        'email': publisher['email'] or '—',
        'phone': publisher['phone'] or '—',
        'legal_form': publisher['legal_form'] or '—',
        'registry': publisher['registry'] or '—',
        'director': publisher['director'] or '—',
        'host': publisher['host'] or '—',
        'trial_days': page.config.trial_days or 30,
        }
    sections = [(
            translate(f'msg_site_{name}_{key}_heading'),
            translate(f'msg_site_{name}_{key}', **variables).split('\n'))
        for key in LEGAL_SECTIONS[name]]
    return page.render('site/legal.html', path=f'legal/{name}',
        title=translate(LEGAL_PAGES[name]),
        description=translate('msg_site_legal_description',
            page=translate(LEGAL_PAGES[name]), site=page.site_name),
        legal_name=name, sections=sections,
        updated=translate('msg_site_legal_updated'))


@route('contact', methods=['GET', 'POST'], readonly=False)
def contact(page):
    ContactMessage = page.pool.get('saas_portal.contact_message')
    request = page.request
    values = {
        'path': 'contact',
        'title': translate('msg_site_contact_title'),
        'description': translate('msg_site_contact_description'),
        'form': request.form if request.method == 'POST' else {},
        }
    if request.method == 'GET':
        return page.render('site/contact.html',
            sent=request.args.get('sent') == '1', **values)
    if not page.csrf_ok():
        return page.render('site/contact.html', status=HTTPStatus.FORBIDDEN,
            error=translate('msg_site_csrf'), **values)
    if ContactMessage.rate_limited(request.remote_addr):
        return page.render('site/contact.html',
            status=HTTPStatus.TOO_MANY_REQUESTS,
            error=translate('msg_site_contact_rate_limited'), **values)
    if request.form.get(HONEYPOT):
        return page.redirect('contact', sent='1')
    try:
        ContactMessage.post(request.form, request.remote_addr)
    except UserError as exception:
        return page.render('site/contact.html',
            status=HTTPStatus.BAD_REQUEST, error=exception.message, **values)
    return page.redirect('contact', sent='1')


@route('status')
def status(page):
    from trytond.modules.saas.health import daily_uptime, run_checks, uptime
    HealthCheck = page.pool.get('saas.health_check')
    Lang = page.pool.get('ir.lang')
    lang = Lang.get(page.language)
    today = dt.date.today()
    first = today - dt.timedelta(days=STATUS_DAYS - 1)
    history = HealthCheck.history(first, today)
    days = [{
            'date': lang.strftime(day, '%d/%m/%Y'
                if page.language == 'fr' else '%Y-%m-%d'),
            'uptime': value,
            'label': format_percent(value, page.language),
            } for day, value in daily_uptime(history, today, STATUS_DAYS)]
    results = run_checks()
    checks = [{
            'name': translate(f'msg_site_check_{r.name}'),
            'ok': r.ok,
            'duration': (f'{r.duration:.1f}'.replace('.', ',')
                if page.language == 'fr' else f'{r.duration:.1f}'),
            } for r in results]
    return page.render('site/status.html', path='status',
        title=translate('msg_site_status_title'),
        description=translate('msg_site_status_description'),
        all_ok=all(r.ok for r in results), checks=checks, days=days,
        total=format_percent(uptime(history, first, today), page.language),
        first_day=days[0]['date'], last_day=days[-1]['date'])


@route('favicon.svg')
def favicon(page):
    "The site's initial on the brand colour, for the browser tab."
    initial = (page.site_name[:1] or 'A').upper()
    body = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
        '<rect width="32" height="32" rx="7" fill="#1e40af"/>'
        '<text x="16" y="22" font-family="Helvetica, Arial, sans-serif" '
        'font-size="18" font-weight="700" fill="#ffffff" '
        f'text-anchor="middle">{html.escape(initial)}</text></svg>')
    response = Response(body, content_type='image/svg+xml')
    response.headers['Cache-Control'] = 'public, max-age=3600'
    response.headers['X-Content-Type-Options'] = 'nosniff'
    return response


@app.route('/<database_name>/site/sitemap.xml', methods=['GET'])
@with_pool
def sitemap(request, pool):
    base_url = f'{request.host_url.rstrip("/")}/{pool.database_name}/site/'
    response = Response(sitemap_xml(base_url),
        content_type='application/xml; charset=utf-8')
    response.headers['Cache-Control'] = 'public, max-age=3600'
    return response


@app.route('/<database_name>/site/robots.txt', methods=['GET'])
@with_pool
def robots(request, pool):
    base_url = f'{request.host_url.rstrip("/")}/{pool.database_name}/site/'
    response = Response(robots_txt(pool.database_name, base_url),
        content_type='text/plain; charset=utf-8')
    response.headers['Cache-Control'] = 'public, max-age=3600'
    return response
