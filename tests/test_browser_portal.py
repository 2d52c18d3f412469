# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The client's space in a browser (Debian's Chromium driven by
Playwright): a client whose workshop opened their space asks for the link
(the back office's invitation button emails a link without its token on
Tryton 8.0 here: see the report), opens the link of the email, chooses a
password, accepts the workshop's terms, signs their quote by
drawing with the mouse and finds the project; another workshop's client
sees none of it. axe-core checks every page (no serious or critical
violation) and the quote can be signed with the keyboard only.
Screenshots at 390 and 1366 px go to /tmp/portal-shots/."""
import html
import re
import time
import urllib.parse
import uuid
from pathlib import Path

import pytest
from test_browser_shop_floor import (  # noqa: F401 (fixtures)
    browser, call)

from trytond.modules.saas_portal.demo import PASSWORD, PORTALS

pytestmark = pytest.mark.usefixtures('server')

REPO = Path(__file__).resolve().parent.parent
AXE = REPO / 'core_addons' / 'saas_portal' / 'node_modules' / 'axe-core' \
    / 'axe.min.js'
SHOTS = Path('/tmp/portal-shots')
DURAND = PORTALS["Thermolaquage Durand"]
MARTIN = PORTALS["Époxy Services Martin"]
# A client of Durand's demo with a quote sent (addons/powder_coating/demo.py)
# (a new address each run: a link still valid is not sent again)
INVITED = ("Ferronnerie Lumière",
    f'contact.{uuid.uuid4().hex[:8]}@ferronnerie-lumiere.example')
NEW_PASSWORD = 'Rampe-Escalier-2026'
WIDTHS = {'phone': {'width': 390, 'height': 844},
    'desktop': {'width': 1366, 'height': 900}}


@pytest.fixture
def portal_context(browser):
    """A French browser; the portal's strict CSP is bypassed only so that
    the test can inject axe-core."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: make portal-assets (npm install in "
            "core_addons/saas_portal)", pytrace=False)
    SHOTS.mkdir(parents=True, exist_ok=True)
    contexts = []

    def new(viewport='desktop'):
        context = browser.new_context(viewport=WIDTHS[viewport],
            locale='fr-FR', timezone_id='Europe/Paris', bypass_csp=True)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        return page
    yield new
    for context in contexts:
        context.close()


def check_accessibility(page, name):
    """axe-core on the page as shown: no serious or critical violation;
    and a screenshot at the page's width."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact,
            help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target)}));
    }""")
    width = page.viewport_size['width']
    page.screenshot(path=str(SHOTS / f'{name}-{width}.png'), full_page=True)
    bad = [v for v in result if v['impact'] in {'serious', 'critical'}]
    assert not bad, f"{name}: {bad}"


def portal_url(server, portal, path=''):
    return (f'{server.base_url}/{server.database}/portal/{portal["slug"]}/'
        f'{path}')


@pytest.fixture
def invited(server, rpc_as, smtp):
    """Durand opens a client space for Ferronnerie Lumière and has terms to
    accept; yields a function that waits for the email with the link to
    choose a password. The terms are withdrawn afterwards (the other
    portal tests sign in without them)."""
    rpc = rpc_as('owner.durand')
    party, = call(rpc, 'party.party', 'search',
        [('name', '=', INVITED[0])], 0, 1, None)
    account, = call(rpc, 'web.user', 'create',
        [{'email': INVITED[1], 'party': party}])
    terms = call(rpc, 'saas.consent.document', 'create', [{
                'name': "Conditions générales de l'atelier",
                'kind': 'terms',
                'text': "Les pièces sont rendues propres et emballées.",
                }])

    def invite():
        "The workshop's Reset Password button: the invitation email."
        call(rpc, 'web.user', 'reset_password', [account])

    def link():
        "The link of the latest email to the client (the outbox's SMTP)."
        for _ in range(100):
            messages = [m for m in smtp.messages if INVITED[1] in m['To']]
            if messages:
                break
            time.sleep(0.1)
        assert messages, "no email to the client"
        body = messages[-1].get_body(('html', 'plain')).get_content()
        found = re.search(r'https?://[^\s"<>]+/password\?[^\s"<>]+', body)
        assert found, body
        return html.unescape(found.group(0))
    link.invite = invite
    try:
        yield link
    finally:
        call(rpc, 'saas.consent.document', 'write', terms,
            {'active': False})


def test_invited_client_signs_quote_and_sees_project(
        server, portal_context, invited, rpc_as):
    from playwright.sync_api import expect
    page = portal_context('desktop')
    # The workshop invites the client from the back office; the client
    # opens the link of the email and chooses a password.
    invited.invite()
    page.goto(invited())
    assert 'token=None' not in page.url
    expect(page.get_by_role('heading', level=1)).to_be_visible()
    check_accessibility(page, 'password')
    page.locator('input[name="password"]').fill(NEW_PASSWORD)
    page.locator('input[name="confirmation"]').fill(NEW_PASSWORD)
    page.locator('main form button[type="submit"]').click()
    expect(page).to_have_url(re.compile(r'/login'), timeout=30_000)
    check_accessibility(page, 'login')
    page.locator('input[name="email"]').fill(INVITED[1])
    page.locator('input[name="password"]').fill(NEW_PASSWORD)
    page.locator('main form button[type="submit"]').click()
    # The workshop's terms first.
    expect(page).to_have_url(re.compile(r'/consents'), timeout=30_000)
    check_accessibility(page, 'consents')
    page.locator('input[name="document"]').check()
    page.locator('main form button[type="submit"]').click()
    page.goto(portal_url(server, DURAND))
    expect(page).to_have_url(re.compile(r'/projects$'), timeout=30_000)
    expect(page.locator('#attention-title')).to_be_visible()
    check_accessibility(page, 'projects')
    page.goto(portal_url(server, DURAND, 'documents'))
    check_accessibility(page, 'documents')

    page.goto(portal_url(server, DURAND))
    page.locator('a[href*="/sign"]').first.click()
    expect(page).to_have_url(re.compile(r'/quotes/\d+/sign$'), timeout=30_000)
    quote_id = int(re.search(r'/quotes/(\d+)/sign', page.url).group(1))
    expect(page.locator('tfoot')).to_contain_text(re.compile(r'\d,\d\d'))
    check_accessibility(page, 'sign')
    # Accepting without signing: the script says so, nothing is sent.
    page.locator('#accept').check()
    page.locator('#sign-form button[type="submit"]').click()
    expect(page.locator('#sign-error')).to_be_visible()
    expect(page).to_have_url(re.compile(r'/quotes/\d+/sign$'), timeout=30_000)
    # Draw the signature with the mouse.
    canvas = page.locator('#signature-pad')
    box = canvas.bounding_box()
    page.mouse.move(box['x'] + 30, box['y'] + box['height'] * 0.7)
    page.mouse.down()
    for step in range(1, 12):
        page.mouse.move(box['x'] + 30 + step * 25,
            box['y'] + box['height'] * (0.3 if step % 2 else 0.7), steps=4)
    page.mouse.up()
    page.locator('#signer').fill("Jeanne Lumière")
    page.locator('#sign-form button[type="submit"]').click()
    expect(page).to_have_url(re.compile(r'/projects/\d+\?done=signed'),
        timeout=30_000)
    expect(page.get_by_role('status')).to_be_visible()
    check_accessibility(page, 'project')
    project_path = urllib.parse.urlsplit(page.url).path

    owner = rpc_as('owner.durand')
    quote, = call(owner, 'powder_coating.quote', 'read', [quote_id],
        ['state', 'project', 'signature'])
    assert quote['state'] == 'accepted' and quote['project']
    signature, = call(owner, 'powder_coating.quote.signature', 'read',
        [quote['signature']], ['channel', 'signer', 'document_sha256'])
    assert signature['channel'] == 'portal'
    assert signature['signer'] == "Jeanne Lumière"
    assert len(signature['document_sha256']) == 64

    # Phone width: the same pages, screenshots and checks.
    phone = portal_context('phone')
    phone.context.add_cookies(page.context.cookies())
    for name, path in [('projects', 'projects'),
            ('project', project_path.split('/portal/')[1].split('/', 1)[1])]:
        phone.goto(portal_url(server, DURAND, path))
        check_accessibility(phone, name)

    # Martin's client: nothing of Durand's project, at either address.
    martin = portal_context('desktop')
    martin.goto(portal_url(server, MARTIN, 'login'))
    martin.locator('input[name="email"]').fill(MARTIN['email'])
    martin.locator('input[name="password"]').fill(PASSWORD)
    martin.locator('main form button[type="submit"]').click()
    martin.goto(portal_url(server, MARTIN, 'projects'))
    expect(martin.get_by_role('heading', level=1)).to_be_visible()
    assert "Rampe" not in martin.content()
    for url in [server.base_url + project_path,
            server.base_url + project_path.replace(
                DURAND['slug'], MARTIN['slug']),
            portal_url(server, MARTIN, f'quotes/{quote_id}/sign')]:
        response = martin.goto(url)
        assert response.status == 404 or '/login' in martin.url, url
        assert "Jeanne Lumière" not in martin.content()


def test_demo_client_signs_with_the_keyboard(server, portal_context):
    """Martin's demo client signs their quote with the keyboard only: the
    image of their signature instead of drawing."""
    from playwright.sync_api import expect
    page = portal_context('desktop')
    page.goto(portal_url(server, MARTIN, 'login'))
    page.locator('input[name="email"]').fill(MARTIN['email'])
    page.locator('input[name="password"]').fill(PASSWORD)
    page.locator('input[name="password"]').press('Enter')
    expect(page).to_have_url(re.compile(r'/portal/[^/]+/(projects)?$'),
        timeout=30_000)
    page.goto(portal_url(server, MARTIN, 'projects'))
    page.screenshot(path=str(SHOTS / 'keyboard-projects-1366.png'),
        full_page=True)
    sign = page.locator('a[href*="/sign"]').first
    sign.focus()
    page.keyboard.press('Enter')
    expect(page).to_have_url(re.compile(r'/quotes/\d+/sign$'), timeout=30_000)
    image = SHOTS / 'signature.png'
    _signature_png(image)
    # Tab through the form: name, clear, file, "I accept", submit.
    page.locator('#signer').focus()
    page.keyboard.press('Control+A')
    page.keyboard.type("Hugo Chartrons")
    page.keyboard.press('Tab')   # Effacer
    page.keyboard.press('Tab')   # the file input
    focused = page.evaluate('document.activeElement.id')
    assert focused == 'signature-file', focused
    # The file input has the focus: the keyboard reaches it (opening the
    # system's file dialog with Space is the browser's part, and headless
    # Chromium does not always report it: the file is set directly).
    page.locator('#signature-file').set_input_files(str(image))
    page.locator('#signature-file').focus()
    page.keyboard.press('Tab')
    assert page.evaluate('document.activeElement.id') == 'accept'
    page.keyboard.press('Space')
    page.keyboard.press('Tab')
    page.keyboard.press('Enter')
    expect(page).to_have_url(re.compile(r'/projects/\d+\?done=signed'),
        timeout=30_000)
    expect(page.get_by_role('status')).to_be_visible()
    page.screenshot(path=str(SHOTS / 'signed-with-keyboard-1366.png'),
        full_page=True)


def _signature_png(path):
    from PIL import Image, ImageDraw
    picture = Image.new('RGBA', (360, 120), (255, 255, 255, 0))
    ImageDraw.Draw(picture).line([(20, 90), (90, 30), (170, 95), (330, 35)],
        fill=(15, 23, 42, 255), width=5)
    picture.save(path, 'PNG')
