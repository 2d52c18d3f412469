# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The back office in a real browser: Playwright driving Debian's Chromium.

An operator of Durand's workshop logs in to the web client (sao), opens
Parties ("Tiers") from the menu and then one of the workshop's clients.
Screenshots go to var/screenshots/. The browser is /usr/bin/chromium
(apt-get install chromium); `playwright install` is never used. A missing
browser fails the test: CI installs it.
"""
import os
import re
from pathlib import Path

import pytest

CHROMIUM = os.environ.get('ATELIER_CHROMIUM', '/usr/bin/chromium')
CHROMIUM_ARGS = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run',
    ]
SCREENSHOTS = Path(__file__).resolve().parent.parent / 'var' / 'screenshots'
CLIENT = "Garage des Brotteaux"


@pytest.fixture(scope='module')
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's "
            "package (apt-get install chromium); the browser tests need it",
            pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the playwright Python package is missing: "
            ".venv/bin/pip install -r requirements-dev.txt", pytrace=False)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(
        viewport={'width': 1280, 'height': 800}, locale='fr-FR')
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    # rep_call: set by the pytest_runtest_makereport hook of conftest.py
    report = getattr(request.node, 'rep_call', None)
    if report is not None and report.failed:
        page.screenshot(
            path=str(SCREENSHOTS / f'{request.node.name}-failure.png'))
    context.close()


def login(page, server, user, password):
    "Log in through sao's login dialogs (user name, then password)."
    from playwright.sync_api import expect
    # The database in the URL fragment preselects it in the dialog.
    page.goto(f'{server.base_url}/#{server.database}')
    dialog = page.locator('.modal:visible').filter(
        has=page.locator('input#login'))
    expect(dialog).to_be_visible()
    database = dialog.locator('#database:visible')
    expect(database).to_have_value(server.database)
    dialog.locator('input#login').fill(user)
    dialog.locator('button[type=submit]').click()
    password_input = page.locator('input#ask-dialog-entry')
    password_input.fill(password)
    password_input.press('Enter')
    expect(page.locator('#menu')).to_be_visible()


def test_operator_opens_a_client(page, server, workshops):
    from playwright.sync_api import expect
    login(page, server, 'operator.durand', 'demo')

    # The header names the user and the workshop they work in.
    expect(page.locator('body')).to_contain_text(
        "Karim Benali - %s [EUR]" % workshops['durand']['company'])

    menu = page.locator('#menu')
    parties_menu = menu.get_by_title('Tiers', exact=True)
    parties_menu.first.click()          # the "Tiers" folder opens...
    expect(parties_menu).to_have_count(2)
    parties_menu.nth(1).click()         # ...and its "Tiers" list

    tab = page.locator('#tabcontent .tab-pane.active')
    expect(tab.locator('.title').first).to_have_text(re.compile('Tiers'))
    expect(tab.get_by_text(CLIENT, exact=True)).to_be_visible()
    listed = tab.locator('tbody').inner_text()
    for name in workshops['durand']['clients']:
        assert name in listed, (name, listed)
    for name in workshops['martin']['clients']:
        assert name not in listed, (name, listed)
    page.screenshot(path=str(SCREENSHOTS / 'operator-parties-list.png'))

    tab.get_by_text(CLIENT, exact=True).dblclick()
    expect(page.locator('#tabcontent')).to_have_attribute(
        'data-view-type', 'form')
    expect(tab.locator('input[name=name]').first).to_have_value(CLIENT)
    expect(tab.locator('input[name=company]').first).to_have_value(
        workshops['durand']['company'])
    page.screenshot(path=str(SCREENSHOTS / 'operator-party-form.png'))


def test_client_signs_in_to_the_portal(page, server):
    """A client of Durand's workshop opens the workshop's portal, reads it
    in French, switches to English and back, signs in, sees their
    documents page and signs out."""
    from playwright.sync_api import expect

    from trytond.modules.saas_portal.demo import PASSWORD, PORTALS
    portal = PORTALS["Thermolaquage Durand"]
    base = f'{server.base_url}/{server.database}/portal/{portal["slug"]}/'
    page.goto(base)
    expect(page).to_have_url(re.compile(r'/login$'))
    expect(page.locator('html')).to_have_attribute('lang', 'fr')
    expect(page.get_by_role('heading', name='Se connecter')).to_be_visible()
    # The workshop's colour is applied (theme.css + Tailwind build).
    colour = page.locator('header').evaluate(
        'e => getComputedStyle(e).backgroundColor')
    assert colour == 'rgb(154, 52, 18)', colour

    page.get_by_role('link', name='en', exact=True).click()
    expect(page.get_by_role('heading', name='Sign in')).to_be_visible()
    page.get_by_role('link', name='fr', exact=True).click()
    expect(page.get_by_role('heading', name='Se connecter')).to_be_visible()

    page.get_by_label('E-mail').fill(portal['email'])
    page.get_by_label('Mot de passe', exact=True).fill('mauvais')
    page.get_by_role('button', name='Se connecter').click()
    expect(page.get_by_role('alert')).to_contain_text(
        'Adresse e-mail ou mot de passe incorrect')

    page.get_by_label('Mot de passe', exact=True).fill(PASSWORD)
    page.get_by_role('button', name='Se connecter').click()
    # The client's space opens on their projects; then their documents.
    expect(page).to_have_url(re.compile(r'/projects$'))
    page.goto(base + 'documents')
    expect(page.get_by_role('heading', name='Mes documents')).to_be_visible()
    expect(page.locator('body')).to_contain_text(portal['client'])
    # The workshop's quotes sent to this client, with their PDF.
    documents = page.locator('main table')
    expect(documents).to_contain_text('Devis DEV-')
    link = documents.get_by_role('link', name='Télécharger').first
    response = page.request.get(
        server.base_url + link.get_attribute('href'))
    assert response.status == 200
    assert response.body().startswith(b'%PDF')
    page.screenshot(path=str(SCREENSHOTS / 'portal-documents.png'),
        full_page=True)

    page.get_by_role('button', name='Se déconnecter').click()
    expect(page).to_have_url(re.compile(r'/login'))
    expect(page.get_by_role('status')).to_contain_text('Vous êtes déconnecté')
    page.goto(base + 'documents')
    expect(page).to_have_url(re.compile(r'/login$'))


def test_accountant_reads_a_quote(page, server, workshops):
    """The accountant of Durand's workshop opens the quotes, then the
    accepted one: its parts with their price breakdown and its totals."""
    from playwright.sync_api import expect
    login(page, server, 'accounting.durand', 'demo')
    menu = page.locator('#menu')
    menu.get_by_title('Thermolaquage', exact=True).first.click()
    menu.get_by_title('Devis', exact=True).first.click()
    tab = page.locator('#tabcontent .tab-pane.active')
    expect(tab.locator('.title').first).to_have_text(re.compile('Devis'))
    row = tab.locator('tbody tr').filter(has_text='Accepté').first
    expect(row).to_be_visible()
    listed = tab.locator('tbody').inner_text()
    for name in workshops['martin']['clients']:
        assert name not in listed, (name, listed)
    # On the number: a double click on the client would open the client.
    row.get_by_text(re.compile(r'^DEV-')).dblclick()
    expect(page.locator('#tabcontent')).to_have_attribute(
        'data-view-type', 'form')
    # The form's notebook has active panes of its own: the outer one first.
    tab = page.locator('#tabcontent .tab-pane.active').first
    # Its parts (the demo's accepted quotes each have at least one) with
    # their price breakdown, for one of the workshop's clients.
    parts = tab.locator('.tab-pane.active').first.locator('tbody tr')
    expect(parts.first).to_be_visible()
    expect(parts.first).to_contain_text(re.compile(r'\d+,\d{2}'))
    expect(tab.locator('input[name=party]').first).to_have_value(
        re.compile('|'.join(re.escape(c)
                for c in workshops['durand']['clients'])))
    expect(tab.locator('input[name=total_amount]').first).to_have_value(
        re.compile(r'\d'))
    page.screenshot(path=str(SCREENSHOTS / 'accountant-quote-form.png'))
