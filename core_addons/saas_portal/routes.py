# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The HTTP side of the portal: /<database>/portal/<workshop>/...

Every page is rendered server-side with Jinja2. Handlers run as root
(Tryton routes have no user), so each query names its workshop and, once
signed in, its client: nothing is read without that filter.
"""
import datetime as dt
import functools
import html
import mimetypes
import os
from http import HTTPStatus
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from werkzeug.exceptions import NotFound
from werkzeug.utils import redirect, safe_join
from werkzeug.wrappers import Response

from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.protocols.wrappers import with_pool, with_transaction
from trytond.transaction import Transaction
from trytond.wsgi import app

from . import security
from .branding import DEFAULT_ACCENT, DEFAULT_PRIMARY, image_type, text_colour

HERE = os.path.dirname(__file__)
STATIC_DIR = os.path.join(HERE, 'static', 'dist')
TEMPLATES = Environment(
    loader=FileSystemLoader(os.path.join(HERE, 'templates')),
    autoescape=select_autoescape(['html']),
    trim_blocks=True, lstrip_blocks=True)



def add_template_dir(path):
    "Let an addon's templates (which may extend base.html) be found first."
    if path not in TEMPLATES.loader.searchpath:
        TEMPLATES.loader.searchpath.insert(0, path)


# Notices shown once after a redirection (?notice=...).
NOTICES = {
    'signed_out': 'msg_portal_signed_out',
    'password_set': 'msg_portal_password_set',
    'reset_sent': 'msg_portal_reset_sent',
    }


def file_response(data, content_type, cache_control):
    "A stylesheet, script or image, never sniffed as anything else."
    response = Response(data, content_type=content_type)
    response.headers['Cache-Control'] = cache_control
    response.headers['X-Content-Type-Options'] = 'nosniff'
    return response


def translate(message, /, **variables):
    "The portal string `message` (ir.message) in the page's language."
    return gettext(f'saas_portal.{message}', **variables)


class Page:
    """What one request knows: its workshop, its language, its CSRF token,
    the cookies to set and, once signed in, its client (web user)."""

    def __init__(self, request, pool, company):
        self.request = request
        self.pool = pool
        self.company = company
        self.base = (f'/{pool.database_name}/portal/'
            f'{company.portal_slug}/')
        self.language = security.choose_language(
            request.args.get('lang'),
            request.cookies.get(security.LANG_COOKIE))
        self.csrf_token = (request.cookies.get(security.CSRF_COOKIE)
            or security.new_token())
        self.user = None
        self.cookies = []

    @property
    def secure(self):
        return self.request.scheme == 'https'

    def url(self, path='', **params):
        url = self.base + path
        if params:
            url += '?' + urlencode(params)
        return url

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
            if value is None:
                response.delete_cookie(key, path=options.get('path', '/'),
                    secure=options.get('secure', False), httponly=True,
                    samesite='Lax')
            else:
                response.set_cookie(key, value, **options)
        response.headers.update(security.SECURITY_HEADERS)
        response.headers['Cache-Control'] = 'no-store'
        response.headers['Content-Language'] = self.language
        response.vary.add('Cookie')
        return response

    def render(self, template, status=HTTPStatus.OK, **values):
        values.update(
            _=translate,
            page=self,
            company=self.company,
            user=self.user,
            language=self.language,
            languages=security.LANGUAGES,
            csrf_field=security.CSRF_FIELD,
            csrf_token=self.csrf_token,
            notice=(translate(NOTICES[self.request.args['notice']])
                if self.request.args.get('notice') in NOTICES else None),
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

    def refuse_csrf(self):
        return self.render('error.html', status=HTTPStatus.FORBIDDEN,
            title=translate('msg_portal_csrf_title'),
            message=translate('msg_portal_csrf'))


def _handler(func, readonly=None):
    """Wrap a handler `(page, **kwargs)`: open the transaction, find the
    workshop by its portal address (404 otherwise), set the language, and
    read the signed-in client of this workshop if any."""
    @functools.wraps(func)
    def wrapper(request, pool, slug, **kwargs):
        try:
            Company = pool.get('company.company')
        except KeyError:
            raise NotFound()
        if 'portal_slug' not in Company._fields:
            # saas_portal is not activated in this database.
            raise NotFound()
        companies = Company.search([('portal_slug', '=', slug)], limit=1)
        if not companies:
            raise NotFound()
        company, = companies
        page = Page(request, pool, company)
        transaction = Transaction()
        with transaction.set_context(
                language=page.language, company=company.id):
            Session = pool.get('web.user.session')
            page.user = Session.portal_user(
                request.cookies.get(security.SESSION_COOKIE), company)
            try:
                return func(page, **kwargs)
            except UserError as exception:
                transaction.rollback()
                return page.render('error.html',
                    status=HTTPStatus.BAD_REQUEST,
                    title=translate('msg_portal_error_title'),
                    message=exception.message)
    return with_pool(with_transaction(readonly=readonly)(wrapper))


def route(path, methods=('GET',), readonly=None):
    "Register a portal page at /<database>/portal/<workshop>/<path>."
    def decorator(func):
        app.route('/<database_name>/portal/<slug>/' + path,
            methods=list(methods))(_handler(func, readonly=readonly))
        return func
    return decorator


@route('')
def home(page):
    return page.redirect(page.user.portal_landing() if page.user else 'login')


@route('login', methods=['GET', 'POST'], readonly=False)
def login(page):
    pool = page.pool
    WebUser = pool.get('web.user')
    request = page.request
    if page.user and request.method == 'GET':
        return page.redirect(page.user.portal_landing())
    email = (request.form.get('email') or '').strip()
    if request.method == 'GET':
        return page.render('login.html', email=email)
    if not page.csrf_ok():
        return page.refuse_csrf()
    from .web_user import RateLimited
    try:
        user = WebUser.portal_authenticate(
            page.company, email, request.form.get('password') or '')
    except RateLimited:
        return page.render('login.html', status=HTTPStatus.TOO_MANY_REQUESTS,
            email=email, error=translate('msg_portal_login_rate_limited'))
    if not user:
        return page.render('login.html', status=HTTPStatus.UNAUTHORIZED,
            email=email, error=translate('msg_portal_login_failed'))
    page.set_cookie(security.SESSION_COOKIE, user.new_session(),
        **security.cookie_options(page.secure, path=page.base))
    # A new token after signing in: one seen before cannot be reused.
    page.csrf_token = security.new_token()
    return page.redirect(user.portal_landing())


@route('logout', methods=['POST'], readonly=False)
def logout(page):
    if not page.csrf_ok():
        return page.refuse_csrf()
    key = page.request.cookies.get(security.SESSION_COOKIE)
    if key and page.user:
        page.pool.get('web.user.session').remove(key)
    page.set_cookie(security.SESSION_COOKIE, None,
        **security.cookie_options(page.secure, path=page.base))
    return page.redirect('login', notice='signed_out')


@route('password/forgotten', methods=['GET', 'POST'], readonly=False)
def password_forgotten(page):
    pool = page.pool
    WebUser = pool.get('web.user')
    Attempt = pool.get('web.user.authenticate.attempt')
    request = page.request
    if request.method == 'GET':
        return page.render('password_forgotten.html')
    if not page.csrf_ok():
        return page.refuse_csrf()
    email = (request.form.get('email') or '').strip()
    if not email:
        return page.render('password_forgotten.html',
            status=HTTPStatus.BAD_REQUEST,
            error=translate('msg_portal_email_required'))
    from .web_user import attempt_key
    # Counted like a failed login: a flood of requests is refused.
    if Attempt.count(attempt_key(page.company, email)) >= 5:
        return page.render('password_forgotten.html',
            status=HTTPStatus.TOO_MANY_REQUESTS, email=email,
            error=translate('msg_portal_login_rate_limited'))
    Attempt.add(attempt_key(page.company, email))
    user = WebUser.portal_user(page.company, email)
    if user:
        WebUser.reset_password([user])
    # The same answer whether the account exists or not.
    return page.redirect('login', notice='reset_sent')


@route('password', methods=['GET', 'POST'], readonly=False)
def password_set(page):
    WebUser = page.pool.get('web.user')
    request = page.request
    values = request.form if request.method == 'POST' else request.args
    email = (values.get('email') or '').strip()
    token = values.get('token') or ''
    if request.method == 'GET':
        return page.render('password_set.html', email=email, token=token)
    if not page.csrf_ok():
        return page.refuse_csrf()
    password = request.form.get('password') or ''
    if password != (request.form.get('confirmation') or ''):
        return page.render('password_set.html', status=HTTPStatus.BAD_REQUEST,
            email=email, token=token,
            error=translate('msg_portal_password_mismatch'))
    from .web_user import RateLimited
    try:
        done = WebUser.portal_set_password(
            page.company, email, token, password)
    except RateLimited:
        return page.render('password_set.html',
            status=HTTPStatus.TOO_MANY_REQUESTS, email=email, token=token,
            error=translate('msg_portal_login_rate_limited'))
    except UserError as exception:
        return page.render('password_set.html', status=HTTPStatus.BAD_REQUEST,
            email=email, token=token, error=exception.message)
    if not done:
        return page.render('password_set.html', status=HTTPStatus.BAD_REQUEST,
            email=email, token=token,
            error=translate('msg_portal_password_link_invalid'))
    return page.redirect('login', notice='password_set')


def pending_consents(page):
    "The documents the signed-in client must (again) accept."
    Document = page.pool.get('saas.consent.document')
    return Document.pending_for(page.user.party)


@route('consents', methods=['GET', 'POST'], readonly=False)
def consents(page):
    """The workshop's terms, privacy policy... to accept before going on;
    asked again whenever the workshop publishes a new version."""
    pool = page.pool
    Consent = pool.get('saas.consent')
    Lang = pool.get('ir.lang')
    request = page.request
    if not page.user:
        return page.redirect('login')
    documents = pending_consents(page)
    if not documents:
        return page.redirect(page.user.portal_landing())
    lang = Lang.get(page.language)
    values = {
        'documents': documents,
        'current': 'consents',
        'format_date': lang.strftime,
        }
    if request.method == 'GET':
        return page.render('consents.html', **values)
    if not page.csrf_ok():
        return page.refuse_csrf()
    ticked = set(request.form.getlist('document'))
    missing = [d for d in documents if str(d.id) not in ticked]
    if missing:
        return page.render('consents.html', status=HTTPStatus.BAD_REQUEST,
            error=translate('msg_portal_consents_missing',
                documents=', '.join(d.name for d in missing)),
            ticked=ticked, **values)
    Consent.accept(page.user.party, documents, channel='portal',
        ip_address=request.remote_addr)
    return page.redirect(page.user.portal_landing())


@route('documents')
def documents(page):
    "The client's documents of every addon, newest first."
    if not page.user:
        return page.redirect('login')
    if pending_consents(page):
        return page.redirect('consents')
    documents = sorted(page.user.portal_documents(),
        key=lambda d: d.get('date') or dt.date.min, reverse=True)
    return page.render('documents.html', current='documents',
        documents=documents)


@route('theme.css')
def theme(page):
    "The workshop's colours as CSS variables (no inline style: strict CSP)."
    company = page.company
    primary = company.portal_primary_colour or DEFAULT_PRIMARY
    accent = company.portal_accent_colour or DEFAULT_ACCENT

    def rgb(colour):
        return ' '.join(str(int(colour[i:i + 2], 16)) for i in (1, 3, 5))
    body = (':root{'
        f'--brand:{rgb(primary)};--brand-text:{rgb(text_colour(primary))};'
        f'--accent:{rgb(accent)};--accent-text:{rgb(text_colour(accent))}'
        '}\n')
    return file_response(
        body, 'text/css; charset=utf-8', 'private, max-age=300')


@route('favicon.svg')
def favicon(page):
    "The workshop's initial on its colour, for the browser tab."
    company = page.company
    primary = company.portal_primary_colour or DEFAULT_PRIMARY
    initial = html.escape((company.rec_name or '?')[:1].upper())
    body = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
        f'<rect width="32" height="32" rx="7" fill="{primary}"/>'
        '<text x="16" y="22" font-family="Helvetica, Arial, sans-serif" '
        f'font-size="18" font-weight="700" fill="{text_colour(primary)}" '
        f'text-anchor="middle">{initial}</text></svg>')
    return file_response(body, 'image/svg+xml', 'private, max-age=300')


@route('logo')
def logo(page):
    data = page.company.portal_logo
    mimetype = image_type(data)
    if not mimetype:
        raise NotFound()
    response = file_response(bytes(data), mimetype, 'private, max-age=300')
    response.headers['Content-Security-Policy'] = (
        "default-src 'none'; style-src 'unsafe-inline'; sandbox")
    return response


@app.route('/portal/static/<path:filename>', methods=['GET'])
def static(request, filename):
    "The built stylesheet and scripts (make portal-assets)."
    path = safe_join(STATIC_DIR, filename)
    if not path or not os.path.isfile(path):
        raise NotFound()
    with open(path, 'rb') as file:
        data = file.read()
    mimetype = mimetypes.guess_type(path)[0] or 'application/octet-stream'
    return file_response(data, mimetype, 'public, max-age=3600')
