# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The publisher's public website in a real browser (Playwright + Debian's
Chromium) on the demo server: every page at phone (390 px), tablet
(820 px) and desktop (1366 px) widths, checked by axe-core (no serious or
critical WCAG violation), without any Content-Security-Policy error, and
with the keyboard reaching the trial's call to action and the sign-up form.

Screenshots go to /tmp/site-shots (ATELIER_SITE_SHOTS to change it).
axe-core comes from core_addons/saas_portal/node_modules (npm install
there); it is injected in a context that bypasses the CSP, while the CSP
itself is checked in a normal context.
"""
import os
import time
from pathlib import Path

import pytest

from test_browser import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / 'core_addons' / 'saas_portal' / 'node_modules' / 'axe-core' \
    / 'axe.min.js'
SHOTS = Path(os.environ.get('ATELIER_SITE_SHOTS', '/tmp/site-shots'))
PAGES = ['', 'features', 'pricing', 'signup', 'contact', 'status',
    'legal/terms', 'legal/sale', 'legal/privacy', 'legal/notice',
    'legal/cookies']
WIDTHS = {'phone': 390, 'tablet': 820, 'desktop': 1366}

pytestmark = pytest.mark.usefixtures('server')


@pytest.fixture(scope='module')
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's "
            "package (apt-get install chromium)", pytrace=False)
    if not AXE.exists():
        pytest.fail(f"axe-core is missing ({AXE}): run npm install in "
            "core_addons/saas_portal", pytrace=False)
    from playwright.sync_api import sync_playwright
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def site_url(server, path=''):
    return f'{server.base_url}/{server.database}/site/{path}'


def shot_name(path, width, language='fr'):
    return f"{(path or 'home').replace('/', '-')}-{language}-{width}.png"


@pytest.mark.parametrize('device', list(WIDTHS))
def test_pages_accessible_at_every_width(browser, server, device):
    "Every page: no serious/critical axe violation, no horizontal scroll"
    width = WIDTHS[device]
    context = browser.new_context(viewport={'width': width, 'height': 900},
        locale='fr-FR', bypass_csp=True)
    page = context.new_page()
    problems = []
    try:
        for path in PAGES:
            response = page.goto(site_url(server, path))
            assert response.status == 200, (path, response.status)
            page.add_script_tag(content=AXE.read_text())
            result = page.evaluate("""async () => {
                const r = await axe.run(document, {runOnly: {type: 'tag',
                    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
                return r.violations.filter(v =>
                    ['serious', 'critical'].includes(v.impact)).map(v =>
                    v.id + ': ' + v.nodes.map(n => n.target.join(' '))
                        .slice(0, 3).join(', '));
            }""")
            problems += [f'{path or "home"} @{width}px {v}' for v in result]
            overflow = page.evaluate(
                'document.documentElement.scrollWidth - window.innerWidth')
            if overflow > 0:
                problems.append(
                    f'{path or "home"} @{width}px scrolls sideways '
                    f'({overflow}px)')
            page.screenshot(path=str(SHOTS / shot_name(path, width)),
                full_page=True)
        page.goto(site_url(server, '?lang=en'))
        page.screenshot(path=str(SHOTS / shot_name('', width, 'en')),
            full_page=True)
    finally:
        context.close()
    assert not problems, '\n'.join(problems)


def test_no_csp_error(browser, server):
    "The pages (JSON-LD included) load without any CSP error in the console"
    context = browser.new_context(viewport={'width': 1366, 'height': 900})
    page = context.new_page()
    errors = []
    page.on('console', lambda message: errors.append(message.text)
        if message.type == 'error' else None)
    try:
        for path in PAGES:
            page.goto(site_url(server, path))
            page.wait_for_load_state('load')
    finally:
        context.close()
    assert not errors, errors


@pytest.mark.parametrize('width', [390, 1366])
def test_keyboard_reaches_cta_and_signup(browser, server, width):
    """With the keyboard only: Tab reaches the trial's call to action,
    Enter opens the sign-up form, Tab reaches each field and the button"""
    context = browser.new_context(viewport={'width': width, 'height': 900})
    page = context.new_page()
    try:
        page.goto(site_url(server))
        for _ in range(30):
            page.keyboard.press('Tab')
            if page.evaluate('document.activeElement.id') == 'cta-trial':
                break
        else:
            pytest.fail('Tab never reaches the call to action')
        page.keyboard.press('Enter')
        page.wait_for_url('**/site/signup')
        reached = []
        for _ in range(40):
            page.keyboard.press('Tab')
            reached.append(page.evaluate('document.activeElement.id'))
            if reached[-1] == 'signup-submit':
                break
        for field in ['workshop_name', 'owner_name', 'email', 'phone',
                'siret', 'terms', 'signup-submit']:
            assert field in reached, (field, reached)
        # The robots' trap is never reached.
        assert 'website' not in reached
    finally:
        context.close()


def axe_problems(page):
    "Serious or critical WCAG 2.1 A/AA violations of the page, as text."
    page.add_script_tag(content=AXE.read_text())
    return page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
        return r.violations.filter(v =>
            ['serious', 'critical'].includes(v.impact)).map(v =>
            v.id + ': ' + v.nodes.map(n => n.target.join(' '))
                .slice(0, 3).join(', '));
    }""")


def new_siret():
    "A valid SIRET no workshop has yet (a kept demo server keeps them)."
    import secrets
    from stdnum import luhn
    siren = str(secrets.randbelow(10 ** 8)).zfill(8)
    siren += luhn.calc_check_digit(siren)
    siret = siren + str(secrets.randbelow(10 ** 3)).zfill(3) + '1'
    return siret[:13] + luhn.calc_check_digit(siret[:13])


def test_trial_sign_up_to_status_page(browser, server, smtp):
    """A visitor asks for a trial, opens the confirmation email's link and
    lands on the status page that follows the creation (the task queue):
    accessible, polling while the workshop is created. (Waiting for the
    workshop itself is left to test_website: in CI, on a loaded machine,
    the creation on PostgreSQL outlasted two minutes once.)"""
    import re
    import secrets
    from playwright.sync_api import expect
    email = f'essai.{secrets.token_hex(4)}@atelier-rivoli.example'
    context = browser.new_context(viewport={'width': 390, 'height': 900},
        locale='fr-FR', bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(site_url(server, 'signup'))
        page.fill('#workshop_name',
            f"Thermolaquage Rivoli {secrets.token_hex(2)}")
        page.fill('#owner_name', "Inès Moreau")
        page.fill('#email', email)
        page.fill('#phone', '04 72 00 00 00')
        page.fill('#siret', new_siret())
        page.check('#terms')
        page.locator('#signup-submit').click()
        page.wait_for_url('**/site/signup/sent')
        for _ in range(60):
            sent = [m for m in smtp.messages if email in m['To']]
            if sent:
                break
            time.sleep(1)
        assert sent, "no confirmation email"
        body = sent[0].get_body(('plain', 'html')).get_content()
        link = re.search(r'https?://\S+/site/signup/confirm\S*', body)
        assert link, body
        page.goto(link.group(0).rstrip('.>"\''))
        page.wait_for_url('**/site/signup/*/status')
        status = page.locator('#trial-status')
        state = status.get_attribute('data-state')
        assert state in {'confirmed', 'created'}
        if state == 'confirmed':
            expect(status).to_contain_text('cours de création')
            assert status.get_attribute('hx-get').endswith('/status')
        else:
            expect(status).to_contain_text('prêt')
        expect(page.get_by_role('status')).to_be_visible()
        assert not axe_problems(page)
        page.screenshot(path=str(SHOTS / 'signup-status-fr-390.png'),
            full_page=True)
    finally:
        context.close()
