# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The client portal over HTTP on the demo server: each workshop's client
signs in at their workshop's address and sees only their own space."""
import html
import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest

from trytond.modules.saas_portal.demo import PASSWORD, PORTALS

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
DURAND = PORTALS["Thermolaquage Durand"]
MARTIN = PORTALS["Époxy Services Martin"]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    "A cookie-keeping HTTP client that does not follow redirections."

    def __init__(self, server):
        self.server = server
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect)

    def url(self, portal, path=''):
        return (f'{self.server.base_url}/{self.server.database}/portal/'
            f'{portal["slug"]}/{path}')

    def request(self, url, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None \
            else None
        try:
            with self.opener.open(url, data=body, timeout=30) as response:
                return (response.status, response.headers,
                    response.read().decode())
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def login(self, portal, email, password=PASSWORD):
        _, _, page = self.request(self.url(portal, 'login'))
        token = CSRF.search(page).group(1)
        return self.request(self.url(portal, 'login'), {
                'csrf_token': token, 'email': email, 'password': password})


@pytest.mark.parametrize('portal,other', [(DURAND, MARTIN), (MARTIN, DURAND)])
def test_client_signs_in_at_their_workshop(server, portal, other):
    browser = Browser(server)
    status, headers, _ = browser.login(portal, portal['email'])
    assert status == 303, status
    cookie = [c for c in headers.get_all('Set-Cookie')
        if c.startswith('atelier_portal=')][0]
    assert 'HttpOnly' in cookie and 'SameSite=Lax' in cookie, cookie

    status, _, page = browser.request(browser.url(portal, 'documents'))
    assert status == 200
    page = html.unescape(page)
    assert portal['client'] in page
    assert other['client'] not in page
    assert 'Mes documents' in page


def test_other_workshops_client_gets_nothing(server):
    "Martin's client at Durand's address: refused, and their session too"
    browser = Browser(server)
    status, headers, page = browser.login(DURAND, MARTIN['email'])
    assert status == 401
    assert 'Adresse e-mail ou mot de passe incorrect' in page
    assert not [c for c in headers.get_all('Set-Cookie') or []
        if c.startswith('atelier_portal=')]

    martin = Browser(server)
    assert martin.login(MARTIN, MARTIN['email'])[0] == 303
    key = [c.value for c in martin.cookies if c.name == 'atelier_portal'][0]
    # The session key of Martin's client sent to Durand's address.
    intruder = Browser(server)
    request = urllib.request.Request(intruder.url(DURAND, 'documents'),
        headers={'Cookie': f'atelier_portal={key}'})
    try:
        with intruder.opener.open(request, timeout=30) as response:
            status, location = response.status, response.headers['Location']
    except urllib.error.HTTPError as error:
        status, location = error.code, error.headers['Location']
    assert status == 303
    assert location.endswith('/login')


def test_form_without_csrf_token_refused(server):
    browser = Browser(server)
    browser.request(browser.url(DURAND, 'login'))
    status, headers, page = browser.request(browser.url(DURAND, 'login'), {
            'email': DURAND['email'], 'password': PASSWORD})
    assert status == 403
    assert 'Formulaire expiré' in page
    assert not [c for c in headers.get_all('Set-Cookie') or []
        if c.startswith('atelier_portal=')]


def test_unknown_workshop_not_found(server):
    browser = Browser(server)
    status, _, _ = browser.request(
        f'{server.base_url}/{server.database}/portal/inconnu/login')
    assert status == 404
