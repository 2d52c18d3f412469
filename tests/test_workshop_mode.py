# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Workshop mode in a real browser: an operator's tablet, online and offline.

Karim Benali (operator.durand) logs in at /<database>/workshop/, sees
today's queue, opens a part by typing its number, loses the network,
validates the part's step (kept on the tablet, "1 action en attente
d'envoi", still there after a restart without network), gets the network
back, and the step reaches the server, once, in his name. An answer lost
on the way is sent again without validating twice; an action a colleague
beat him to waits in "À revoir" with the server's reason; an expired
session asks to log in again and keeps the actions; a photo and the
quality checklist reach the server; the camera reads a label's QR code;
Martin's operator never sees Durand's parts. From the day's weighing list
he weighs a box (offline, sent when the network is back: the powder is
ticked with its real stock), and a gross weight under the box's tare is
refused on the tablet with the server's wording.

The browser is Debian's /usr/bin/chromium (never `playwright install`).
Screenshots (tablet landscape 1024×768, portrait 768×1024, a 390×844
phone for the weighing list) go to ATELIER_WORKSHOP_SHOTS,
/tmp/workshop-shots by default.
"""
import json
import os
import re
import tempfile
from pathlib import Path

import pytest

from server import JsonRpc, RpcError

CHROMIUM = os.environ.get('ATELIER_CHROMIUM', '/usr/bin/chromium')
CHROMIUM_ARGS = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run',
    ]
SHOTS = Path(os.environ.get('ATELIER_WORKSHOP_SHOTS', '/tmp/workshop-shots'))
# The tablet's camera: Chromium's fake capture device plays this file
# (YUV4MPEG2), written by show_to_camera().
CAMERA = Path(tempfile.gettempdir()) / (
    f'atelier-workshop-camera-{os.getpid()}.y4m')
CAMERA_ARGS = [
    '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
    f'--use-file-for-fake-video-capture={CAMERA}',
    ]
WORKSHOP = 'powder_coating.workshop'
LANDSCAPE = {'width': 1024, 'height': 768}
PORTRAIT = {'width': 768, 'height': 1024}
# The app sends its queued actions at once when the network comes back;
# the server may be slow on a loaded machine.
SYNC_TIMEOUT = 30_000


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
    SHOTS.mkdir(parents=True, exist_ok=True)
    show_to_camera('')
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM,
                args=CHROMIUM_ARGS + CAMERA_ARGS, headless=True)
            yield browser
            browser.close()
    finally:
        CAMERA.unlink(missing_ok=True)


def show_to_camera(text, width=640, height=480):
    """Put the QR code of `text` (nothing if empty) in front of the fake
    camera: a grey-scale frame of dark modules on a light background."""
    import qrcode
    luma = bytearray([235]) * (width * height)
    if text:
        code = qrcode.QRCode(border=4)
        code.add_data(text)
        code.make()
        matrix = code.get_matrix()
        scale = (height - 40) // len(matrix)
        left = (width - scale * len(matrix)) // 2
        top = (height - scale * len(matrix)) // 2
        for row, modules in enumerate(matrix):
            for column, dark in enumerate(modules):
                if not dark:
                    continue
                for line in range(scale):
                    start = ((top + row * scale + line) * width
                        + left + column * scale)
                    luma[start:start + scale] = bytes([16]) * scale
    chroma = bytes([128]) * (width // 2 * height // 2)
    frame = b'FRAME\n' + bytes(luma) + chroma + chroma
    CAMERA.write_bytes(b'YUV4MPEG2 W%d H%d F10:1 Ip A1:1 C420jpeg\n'
        % (width, height) + frame * 2)


@pytest.fixture
def tablet(browser, request):
    """tablet(viewport=LANDSCAPE): a fresh tablet (browser context: its
    own IndexedDB and service worker) and its page. Without the service
    worker (`service_worker=False`) when the test intercepts requests:
    Playwright's routing and a service worker do not mix."""
    contexts = []

    def open_tablet(viewport=LANDSCAPE, service_worker=True):
        context = browser.new_context(
            viewport=viewport, locale='fr-FR', permissions=['camera'],
            service_workers='allow' if service_worker else 'block')
        page = context.new_page()
        page.set_default_timeout(30_000)
        errors = []
        page.on('pageerror', lambda error: errors.append(str(error)))
        page.errors = errors
        contexts.append((context, page))
        return context, page
    yield open_tablet
    report = getattr(request.node, 'rep_call', None)
    for index, (context, page) in enumerate(contexts):
        if report is not None and report.failed:
            page.screenshot(path=str(
                    SHOTS / f'{request.node.name}-{index}-failure.png'))
        context.close()
    for context, page in contexts:
        assert not page.errors, page.errors


def shot(page, name):
    page.screenshot(path=str(SHOTS / f'{name}.png'))


def workshop_url(server):
    return f'{server.base_url}/{server.database}/workshop/'


def get(server, path):
    "GET `path` as is (no normalisation of '..'): (status, headers, body)."
    import http.client
    import urllib.parse
    netloc = urllib.parse.urlparse(server.base_url).netloc
    connection = http.client.HTTPConnection(netloc, timeout=30)
    try:
        connection.request('GET', path)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def test_app_files_are_served_safely(server):
    """The app's files, with a strict CSP and their exact types; nothing
    outside the app's folder."""
    base = f'/{server.database}/workshop/'
    status, headers, body = get(server, base)
    assert status == 200
    assert headers['Content-Type'].startswith('text/html')
    assert b'<script type="module" src="app.js"></script>' in body
    policy = headers['Content-Security-Policy']
    for directive in ["default-src 'self'", "script-src 'self'",
            "img-src 'self' data: blob:", "connect-src 'self'",
            "frame-ancestors 'none'"]:
        assert directive in policy, policy
    assert "'unsafe-inline'" not in policy
    assert headers['X-Content-Type-Options'] == 'nosniff'
    for name, content_type in [('app.js', 'text/javascript'),
            ('sw.js', 'text/javascript'), ('app.css', 'text/css'),
            ('manifest.webmanifest', 'application/manifest+json'),
            ('icon.svg', 'image/svg+xml')]:
        status, headers, body = get(server, base + name)
        assert status == 200, name
        assert headers['Content-Type'].startswith(content_type), headers
        assert headers['X-Content-Type-Options'] == 'nosniff'
    status, headers, body = get(server, '/portal/static/jsQR.js')
    assert status == 200, 'make portal-assets: jsQR.js is missing'
    for path in ['../workshop_mode.py', '..%2Fworkshop_mode.py',
            '%2e%2e/__init__.py', '../../../tests/server.py', 'nothing.js']:
        status, headers, body = get(server, base + path)
        assert status == 404, (path, status, body[:200])


def log_in(page, server, login, password='demo', fragment=''):
    "Open the workshop page and log in as `login`: today's queue shows."
    from playwright.sync_api import expect
    page.goto(workshop_url(server) + fragment)
    form = page.locator('form.login-form')
    expect(form).to_be_visible()
    form.get_by_label('Identifiant').fill(login)
    form.get_by_label('Mot de passe').fill(password)
    form.get_by_role('button', name='Se connecter').click()
    expect(form).to_have_count(0)


def open_part(page, number):
    "Type the part's number in the always visible field."
    from playwright.sync_api import expect
    field = page.get_by_label('Ouvrir une pièce')
    field.fill(number)
    field.press('Enter')
    expect(page.locator('h1.part-number')).to_have_text(number)


def validate_current_step(page, step):
    from playwright.sync_api import expect
    page.get_by_role('button', name=f'Valider « {step} »').click()
    dialog = page.locator('dialog[open]')
    expect(dialog).to_contain_text(f"Valider l'étape « {step} »")
    dialog.get_by_role('button', name='Valider', exact=True).click()
    expect(dialog).to_have_count(0)


def wait_for_service_worker(page):
    "The app's files are kept: the page opens without network from now on."
    page.wait_for_function(
        'navigator.serviceWorker && navigator.serviceWorker.controller',
        timeout=30_000)


def workshop(rpc, method, *args):
    "Call the workshop API as the tablet does: with the user's context."
    context = getattr(rpc, 'workshop_context', None)
    if context is None:
        context = rpc.workshop_context = rpc.model(
            'res.user', 'get_preferences', True, {})
    return rpc.model(WORKSHOP, method, *args, context)


def poll(check, timeout=SYNC_TIMEOUT / 1000):
    "Wait until check() returns something true (the tablet syncs on its own)."
    import time
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.25)


def user_name(rpc):
    return rpc.model('res.user', 'get_preferences', False, {})['name']


def current_index(part):
    return next(i for i, step in enumerate(part['steps'])
        if step['state'] == 'current')


def validations(part, step_name, user):
    return [entry for entry in part['history']
        if entry['step'] == step_name and entry['kind'] == 'validated'
        and entry['user'] == user]


@pytest.fixture(scope='module')
def durand_parts(rpc_as):
    """Parts of Durand's queue at a plain step (neither the quality
    control, validated by its checklist, nor touch-up, which resumes where
    the defect was found) followed by the next step of the workflow,
    fetched once: each test takes its own, so that their stories never
    cross."""
    rpc = rpc_as('operator.durand')
    parts = []
    for summary in workshop(rpc, 'queue'):
        if not summary['step'] or summary['step']['kind'] in {
                'qc', 'touch_up'}:
            continue
        part = workshop(rpc, 'part', summary['number'])
        index = current_index(part)
        if (index + 1 < len(part['steps'])
                and part['steps'][index + 1]['kind'] != 'touch_up'):
            parts.append(part)
    assert len(parts) >= 4, (
        "the demo needs at least four parts of Durand's workshop at a step "
        "other than the quality control, with a step after it", parts)
    return parts


def test_operator_validates_a_step_offline(
        tablet, server, rpc_as, durand_parts):
    from playwright.sync_api import expect
    rpc = rpc_as('operator.durand')
    operator = user_name(rpc)
    part = durand_parts[0]
    number = part['number']
    step = part['steps'][current_index(part)]
    following = part['steps'][current_index(part) + 1]

    context, page = tablet(LANDSCAPE)
    log_in(page, server, 'operator.durand')
    expect(page.locator('#workshop')).to_contain_text('Thermolaquage Durand')
    expect(page.locator('#workshop')).to_contain_text(operator)
    queue = page.locator('.queue-list')
    expect(queue.locator('.queue-number', has_text=number)).to_be_visible()
    expect(page.locator('#status')).to_contain_text('En ligne')
    wait_for_service_worker(page)
    shot(page, 'queue-1024x768')

    open_part(page, number)
    current = page.locator('.panel.current')
    expect(current.locator('.current-step')).to_have_text(step['name'])
    expect(page.locator('.steps [aria-current=step]')).to_contain_text(
        step['name'])
    shot(page, 'part-1024x768')

    # The network goes: the step is validated on the tablet only.
    context.set_offline(True)
    expect(page.locator('#status')).to_contain_text('Hors ligne')
    validate_current_step(page, step['name'])
    badge = page.locator('#pending-badge')
    expect(badge).to_have_text("1 action en attente d'envoi")
    expect(current.locator('.notice.pending')).to_contain_text(
        "en attente d'envoi")
    expect(current.locator('.current-step')).to_have_text(following['name'])
    expect(page.locator('.step.done.pending')).to_contain_text(step['name'])
    shot(page, 'part-pending-offline-1024x768')
    assert workshop(rpc, 'part', number)['step']['id'] == step['id']

    # Still offline, the tablet is restarted: the app, the queue, the part
    # and the action waiting to be sent are all still there.
    page.reload()
    expect(badge).to_have_text("1 action en attente d'envoi")
    expect(page.locator('h1.part-number')).to_have_text(number)
    expect(page.locator('#part-note')).to_contain_text('Hors ligne')
    page.get_by_role('link', name='File du jour').first.click()
    expect(queue.locator('.queue-number', has_text=number)).to_be_visible()
    expect(page.locator('.queue-item', has_text=number)).to_contain_text(
        '1 en attente')
    shot(page, 'queue-offline-1024x768')
    open_part(page, number)

    # The network is back: the action is sent at once, the badge goes.
    context.set_offline(False)
    expect(badge).to_have_count(0, timeout=SYNC_TIMEOUT)
    expect(page.locator('#status')).to_contain_text('En ligne')
    expect(current.locator('.current-step')).to_have_text(following['name'])
    expect(current.locator('.notice.pending')).to_have_count(0)
    expect(page.locator('.history')).to_contain_text(operator)

    moved = workshop(rpc, 'part', number)
    assert moved['step']['id'] == following['id'], moved['step']
    assert len(validations(moved, step['name'], operator)) == 1, \
        moved['history']
    expect(page.locator('.review-banner')).to_have_count(0)


def test_a_lost_answer_is_sent_again_but_applied_once(
        tablet, server, rpc_as, durand_parts):
    """The server validates the step but its answer never reaches the
    tablet: the action stays queued and is sent again with the same UUID,
    and the server does not validate a second time."""
    from playwright.sync_api import expect
    rpc = rpc_as('operator.durand')
    operator = user_name(rpc)
    part = durand_parts[1]
    number = part['number']
    step = part['steps'][current_index(part)]
    following = part['steps'][current_index(part) + 1]

    context, page = tablet(LANDSCAPE, service_worker=False)
    log_in(page, server, 'operator.durand')
    open_part(page, number)

    lost = []  # the first call of apply, once the server answered it

    def lose_the_answer(route):
        body = json.loads(route.request.post_data or '{}')
        if body.get('method') != f'model.{WORKSHOP}.apply' or lost:
            route.continue_()
            return
        lost.append(None)
        route.fetch()  # the server does the work...
        route.abort('connectionreset')  # ...the answer is lost
        lost[0] = body
    page.route('**/rpc/', lose_the_answer)

    validate_current_step(page, step['name'])
    badge = page.locator('#pending-badge')
    for _ in range(120):
        if lost and lost[0]:
            break
        page.wait_for_timeout(250)
    assert lost and lost[0], 'the tablet never sent the action'
    action, = lost[0]['params'][0]
    assert action['type'] == 'validate_step'
    assert action['part'] == number and action['step'] == step['id']
    assert re.fullmatch(r'[0-9a-f-]{36}', action['uuid'])
    # Applied on the server, yet still waiting on the tablet.
    expect(badge).to_have_text("1 action en attente d'envoi")
    assert workshop(rpc, 'part', number)['step']['id'] == \
        following['id']

    # The network flaps: the tablet sends the same action again.
    page.unroute('**/rpc/')
    resent = []
    page.on('request', lambda request: resent.append(request.post_data)
        if request.method == 'POST' and 'apply' in (request.post_data or '')
        else None)
    context.set_offline(True)
    context.set_offline(False)
    expect(badge).to_have_count(0, timeout=SYNC_TIMEOUT)
    assert any(action['uuid'] in body for body in resent), resent
    expect(page.locator('.review-banner')).to_have_count(0)

    moved = workshop(rpc, 'part', number)
    assert moved['step']['id'] == following['id'], moved['step']
    assert len(validations(moved, step['name'], operator)) == 1, \
        moved['history']

    # The same UUID once more, straight to the server: "ok", nothing moves.
    result, = workshop(rpc, 'apply', [action])
    assert result == {**result, 'uuid': action['uuid'], 'status': 'ok'}
    again = workshop(rpc, 'part', number)
    assert again['step']['id'] == following['id']
    assert len(again['history']) == len(moved['history'])


def test_a_refused_action_waits_in_review(
        tablet, server, rpc_as, durand_parts):
    """While the tablet is offline, a colleague validates the same step:
    the tablet's validation comes back refused and waits in "À revoir"
    with the server's reason, until the operator marks it as seen."""
    from playwright.sync_api import expect
    rpc = rpc_as('operator.durand')
    operator = user_name(rpc)
    colleague = rpc_as('admin.durand')
    colleague_name = user_name(colleague)
    part = durand_parts[2]
    number = part['number']
    step = part['steps'][current_index(part)]
    following = part['steps'][current_index(part) + 1]

    context, page = tablet(LANDSCAPE)
    log_in(page, server, 'operator.durand')
    open_part(page, number)
    context.set_offline(True)
    validate_current_step(page, step['name'])
    expect(page.locator('#pending-badge')).to_have_text(
        "1 action en attente d'envoi")

    result, = workshop(colleague, 'apply', [{
                'uuid': '00000000-0000-4000-8000-%012d' % part['id'],
                'at': '2026-11-21T08:00:00Z',
                'type': 'validate_step', 'part': number, 'step': step['id'],
                }])
    assert result['status'] == 'ok', result

    context.set_offline(False)
    expect(page.locator('#pending-badge')).to_have_count(
        0, timeout=SYNC_TIMEOUT)
    banner = page.locator('.review-banner')
    expect(banner).to_contain_text('1 action refusée à revoir')
    # The part shows the server's truth: the colleague's validation.
    expect(page.locator('.current-step')).to_have_text(following['name'])
    expect(page.locator('.history')).to_contain_text(colleague_name)

    banner.click()
    item = page.locator('.review-item')
    expect(item).to_have_count(1)
    expect(item).to_contain_text(number)
    expect(item).to_contain_text(f'Validation de « {step["name"]} »')
    message = item.locator('.review-message')
    expect(message).to_contain_text(colleague_name)
    expect(page.locator('.tab', has_text='À revoir')).to_contain_text('1')
    shot(page, 'review-1024x768')

    moved = workshop(rpc, 'part', number)
    assert moved['step']['id'] == following['id']
    assert not validations(moved, step['name'], operator), moved['history']
    assert len(validations(moved, step['name'], colleague_name)) == 1

    # Kept across a restart until the operator has seen it.
    page.reload()
    expect(page.locator('.review-item')).to_have_count(1)
    item.get_by_role('button', name='Marquer comme vu').click()
    expect(page.locator('.review-item')).to_have_count(0)
    expect(page.locator('.review-banner')).to_have_count(0)


def test_a_workshop_never_shows_another_workshops_parts(
        tablet, server, rpc_as, workshops):
    """Martin's operator sees Martin's queue only; a Durand part number
    (typed, or in a label's link) that Martin's workshop does not have is
    not found. Label numbers are per workshop, so the number is one
    Martin's workshop has not reached."""
    from playwright.sync_api import expect
    martin = rpc_as('operator.martin')
    durand = rpc_as('operator.durand')
    martin_numbers = {part['number'] for part in
        workshop(martin, 'queue')}
    durand_queue = workshop(durand, 'queue')
    number = refused = None
    for part in sorted(durand_queue, key=lambda part: part['number'],
            reverse=True):
        try:
            workshop(martin, 'part', part['number'])
        except RpcError as error:
            number, refused = part['number'], error.message
            break
    assert number, "every Durand part number is also one of Martin's"

    # A Durand label's link, scanned with Martin's tablet: once logged in,
    # the app opens the part of the link, which is not found.
    context, page = tablet(PORTRAIT)
    log_in(page, server, 'operator.martin', fragment=f'#/part/{number}')
    expect(page.locator('#workshop')).to_contain_text(
        workshops['martin']['company'])
    expect(page.locator('h1.part-number')).to_have_text(number)
    expect(page.locator('#main .notice.error')).to_have_text(refused)

    page.locator('.tab', has_text='File du jour').click()
    expect(page.locator('.view.queue .view-sub')).to_be_visible()
    listed = page.locator('.queue-number').all_inner_texts()
    assert set(listed) == martin_numbers, (listed, martin_numbers)
    text = page.locator('#main').inner_text()
    for client in workshops['durand']['clients']:
        assert client not in text, (client, text)

    page.get_by_label('Ouvrir une pièce').fill(number)
    page.get_by_label('Ouvrir une pièce').press('Enter')
    notice = page.locator('#main .notice.error')
    expect(notice).to_have_text(refused)
    expect(notice).to_contain_text(number)
    expect(page.locator('.panel.current')).to_have_count(0)
    shot(page, 'not-found-768x1024')


ANNOTATION = 'Face avant, après cuisson'


def test_operator_photographs_and_checks_a_part(tablet, server, rpc_as):
    """At the quality-control step the part shows its checklist instead of
    the validation button; a photo (after, annotated) and the checklist,
    all passed, reach the server and the part moves on."""
    from playwright.sync_api import expect
    rpc = rpc_as('operator.durand')
    operator = user_name(rpc)
    at_qc = [part for part in workshop(rpc, 'queue')
        if part['step'] and part['step']['kind'] == 'qc']
    assert at_qc, "the demo needs a part of Durand's at the quality control"
    part = workshop(rpc, 'part', at_qc[0]['number'])
    number, questions = part['number'], part['qc_questions']
    assert questions, "the demo's workshop has no quality checklist"
    photos = len(part['photos'])

    context, page = tablet(LANDSCAPE)
    log_in(page, server, 'operator.durand')
    open_part(page, number)
    checklist = page.locator('form.checklist')
    expect(checklist).to_be_visible()
    expect(page.locator('#validate')).to_have_count(0)

    page.get_by_role('button', name='Photo', exact=True).click()
    dialog = page.locator('dialog[open]')
    dialog.get_by_label('Après').check()
    dialog.locator('input[type=file]').set_input_files(files=[{
                'name': 'piece.png', 'mimeType': 'image/png',
                'buffer': png(640, 480)}])
    expect(dialog.locator('.photo-preview img')).to_be_visible()
    dialog.get_by_label('Annotation (facultative)').fill(ANNOTATION)
    dialog.get_by_role('button', name='Enregistrer la photo').click()
    expect(dialog).to_have_count(0)
    assert poll(lambda: len(workshop(rpc, 'part', number)['photos'])
        == photos + 1), 'the photo never reached the server'
    expect(page.locator('#pending-badge')).to_have_count(
        0, timeout=SYNC_TIMEOUT)

    checklist.get_by_role('button', name='Valider le contrôle').click()
    expect(checklist.locator('.form-error')).to_contain_text('Il manque')
    for question in questions:
        item = checklist.locator('.qc-item', has_text=question['name'])
        if question['kind'] == 'measure':
            low, high = question['minimum'], question['maximum']
            value = (low + high) / 2 if low is not None and high is not None \
                else (low if low is not None else high or 0)
            item.get_by_role('textbox').fill(str(value).replace('.', ','))
            expect(item.locator('.qc-verdict')).to_have_text(
                'Dans la tolérance')
        else:
            item.get_by_text('Conforme', exact=True).click()
    page.locator('.panel.current').evaluate('panel => panel.scrollIntoView()')
    shot(page, 'checklist-1024x768')
    checklist.get_by_role('button', name='Valider le contrôle').click()
    dialog = page.locator('dialog[open]')
    expect(dialog).to_contain_text('Valider le contrôle qualité ?')
    dialog.get_by_role('button', name='Valider', exact=True).click()
    expect(page.locator('form.checklist')).to_have_count(0)

    def moved_on():
        now = workshop(rpc, 'part', number)
        return now if now['step']['id'] != part['step']['id'] else None
    checked = poll(moved_on)
    assert checked, 'the checklist never reached the server'
    expect(page.locator('#pending-badge')).to_have_count(
        0, timeout=SYNC_TIMEOUT)
    assert len(validations(checked, part['step']['name'], operator)) == 1
    assert len(checked['photos']) == photos + 1
    assert [(photo['kind'], photo['annotation'])
        for photo in checked['photos']
        if photo['annotation'] == ANNOTATION] == [('after', ANNOTATION)], \
        checked['photos']
    expect(page.locator('.photos')).to_contain_text(ANNOTATION)


def png(width, height):
    "A grey gradient as a PNG file (what a tablet's camera would give)."
    import struct
    import zlib
    row = b'\x00' + b''.join(bytes((x * 255 // width, 110, 80))
        for x in range(width))
    rows = row * height

    def chunk(kind, data):
        return (struct.pack('>I', len(data)) + kind + data
            + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff))
    return (b'\x89PNG\r\n\x1a\n'
        + chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0))
        + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b''))


def test_operator_opens_a_part_by_scanning_its_label(tablet, server, rpc_as):
    "The label's QR code holds the part's workshop link; the camera reads it."
    from playwright.sync_api import expect
    number = workshop(rpc_as('operator.durand'), 'queue')[-1]['number']
    context, page = tablet(LANDSCAPE)
    log_in(page, server, 'operator.durand')
    show_to_camera(workshop_url(server) + f'#/part/{number}')
    page.get_by_role('button', name='Scanner').click()
    expect(page.locator('h1.part-number')).to_have_text(number)
    expect(page.locator('dialog.scanner')).to_have_count(0)
    expect(page.locator('.panel.current')).to_be_visible()


def test_an_expired_session_keeps_the_queued_actions(
        tablet, server, rpc_as, durand_parts):
    """The session ends while an action waits (timeout, logout elsewhere):
    the app asks to log in again, and then sends the action."""
    from playwright.sync_api import expect
    rpc = rpc_as('operator.durand')
    operator = user_name(rpc)
    part = workshop(rpc, 'part', durand_parts[3]['number'])
    number = part['number']
    step = part['steps'][current_index(part)]
    following = part['steps'][current_index(part) + 1]

    context, page = tablet(LANDSCAPE)
    log_in(page, server, 'operator.durand')
    open_part(page, number)
    context.set_offline(True)
    validate_current_step(page, step['name'])
    expect(page.locator('#pending-badge')).to_have_text(
        "1 action en attente d'envoi")

    session = page.evaluate("""database => new Promise((resolve, reject) => {
        const request = indexedDB.open(`atelier-workshop:${database}`);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
            const get = request.result.transaction('kv')
                .objectStore('kv').get('session');
            get.onsuccess = () => resolve(get.result.session);
        };
    })""", server.database)
    ended = JsonRpc(server.rpc_url)
    ended.login_name = session['login']
    ended.user_id = session['userId']
    ended.session = session['key']
    ended.call('common.db.logout')

    context.set_offline(False)
    form = page.locator('form.login-form')
    expect(form).to_be_visible(timeout=SYNC_TIMEOUT)
    expect(page.locator('.login .notice')).to_contain_text(
        'Votre session a expiré')
    expect(page.locator('.login .notice')).to_contain_text(
        "Votre action en attente sera envoyée ensuite")
    expect(form.get_by_label('Identifiant')).to_have_value('operator.durand')
    assert workshop(rpc, 'part', number)['step']['id'] == step['id']

    form.get_by_label('Mot de passe').fill('demo')
    form.get_by_role('button', name='Se connecter').click()
    expect(page.locator('h1.part-number')).to_have_text(number)
    expect(page.locator('#pending-badge')).to_have_count(
        0, timeout=SYNC_TIMEOUT)
    expect(page.locator('.current-step')).to_have_text(following['name'])
    moved = workshop(rpc, 'part', number)
    assert moved['step']['id'] == following['id'], moved['step']
    assert len(validations(moved, step['name'], operator)) == 1


def test_tablet_screens_portrait(tablet, server, rpc_as):
    """Portrait tablet: nothing wider than the screen, every control at
    least 48 px high, the part number readable from a metre away."""
    from playwright.sync_api import expect
    context, page = tablet(PORTRAIT)
    page.goto(workshop_url(server))
    expect(page.locator('form.login-form')).to_be_visible()
    shot(page, 'login-768x1024')
    log_in(page, server, 'operator.durand')
    expect(page.locator('.queue-item').first).to_be_visible()
    check_layout(page)
    shot(page, 'queue-768x1024')

    number = workshop(rpc_as('operator.durand'), 'queue')[0]['number']
    open_part(page, number)
    expect(page.locator('.panel.current')).to_be_visible()
    check_layout(page)
    size = page.locator('h1.part-number').evaluate(
        'element => parseFloat(getComputedStyle(element).fontSize)')
    assert size >= 40, size
    shot(page, 'part-768x1024')

    page.get_by_role('button', name='Non-conformité').click()
    dialog = page.locator('dialog[open]')
    expect(dialog).to_contain_text('Type de défaut')
    dialog.get_by_role('button', name='Enregistrer la non-conformité').click()
    expect(dialog.locator('.form-error')).to_contain_text(
        'Choisissez le type de défaut.')
    shot(page, 'non-conformity-768x1024')
    dialog.get_by_role('button', name='Annuler').click()
    expect(dialog).to_have_count(0)

    page.get_by_role('link', name='Séries conseillées').click()
    expect(page.locator('.view.batches h1')).to_have_text('Séries conseillées')
    check_layout(page)
    shot(page, 'batches-768x1024')


def check_layout(page):
    overflow = page.evaluate(
        'document.scrollingElement.scrollWidth - window.innerWidth')
    assert overflow <= 0, f'{overflow} px wider than the screen'
    small = page.evaluate('''() => [...document.querySelectorAll(
            'button, .button, input[type=text], input[type=password], '
            + '.tab, .filter, .back, .badge, .queue-item, .choice')]
        .filter((element) => element.offsetParent !== null)
        .map((element) => [element.textContent.trim().slice(0, 40)
            || element.outerHTML.slice(0, 60),
            element.getBoundingClientRect().height])
        .filter(([, height]) => height < 48)''')
    assert not small, small


# --- Today's weighing -------------------------------------------------------

PHONE = {'width': 390, 'height': 844}


def french_kg(value, minimum=1):
    "A weight as the tablet writes it: 15,6 kg (a no-break space before kg)."
    from decimal import Decimal
    text = format(Decimal(str(value)).quantize(Decimal('0.001')), 'f')
    whole, fraction = text.split('.')
    fraction = fraction.rstrip('0').ljust(minimum, '0')
    return (whole + (',' + fraction if fraction else '')) + '\u00a0kg'


def weighable(rpc, done=False, several=False):
    """A powder of Durand's list of the day with a box format and its tare
    (the first such format is the box on the scale): not weighed yet
    (done=False) or any (done=None); with one box format if there is one
    (the form chooses it), or several (several=True: the operator picks)."""
    tasks = [task for task in workshop(rpc, 'weigh_list')
        if any(box['tare'] for box in task['formats'])
        and (done is None or task['done'] == done)]
    assert tasks, ("Durand's list of the day needs a powder with a box "
        "format and its tare%s" % (' not weighed yet' if done is False
            else ''), workshop(rpc, 'weigh_list'))
    tasks.sort(key=lambda task: (len(task['formats']) == 1) == several)
    task = tasks[0]
    box = next(box for box in task['formats'] if box['tare'])
    return task, box


def box_name(box):
    from decimal import Decimal
    return (f'{french_kg(Decimal(str(box["weight"])), 0)} · '
        f'tare {french_kg(Decimal(str(box["tare"])))}')


def open_weighing(page):
    from playwright.sync_api import expect
    page.get_by_role('link', name=re.compile('^Pesées du jour')).click()
    expect(page.locator('.view.weigh h1')).to_have_text('Pesées du jour')
    expect(page.locator('.weigh-list')).to_be_visible()


def test_operator_weighs_a_box_of_the_daily_list(tablet, server, rpc_as):
    """The day's list proposes a powder with why; the operator puts its
    open box on the scale, types the gross weight the French way and one
    sealed box: the net and the real stock show as he types; offline, the
    weighing waits in the tablet's queue, and once sent the powder comes
    back ticked with the real stock and the server's message."""
    from decimal import Decimal
    from playwright.sync_api import expect
    rpc = rpc_as('operator.durand')
    task, box = weighable(rpc)
    tare, weight = Decimal(str(box['tare'])), Decimal(str(box['weight']))
    gross = tare + Decimal('15.6')
    net = Decimal('15.6')
    real = net + weight

    context, page = tablet(LANDSCAPE)
    log_in(page, server, 'operator.durand')
    open_weighing(page)
    card = page.locator(f'.weigh-item[data-powder="{task["powder"]}"]')
    expect(card.locator('.weigh-powder')).to_have_text(task['label'])
    expect(card).to_contain_text(task['reason'])
    expect(card).to_contain_text('Stock théorique')
    expect(card).to_contain_text(french_kg(task['stock_kg']))
    expect(card).to_contain_text(box_name(box))
    expect(card.locator('.weigh-status')).to_have_count(0)
    shot(page, 'weigh-list-1024x768')

    card.get_by_role('button', name='Peser', exact=True).click()
    dialog = page.locator('dialog[open]')
    expect(dialog.locator('.dialog-title')).to_have_text(
        f'Peser · {task["label"]}')
    field = dialog.get_by_label('Poids brut affiché par la balance (kg)')
    if len(task['formats']) == 1:
        # One box format: already chosen, the keypad comes at once.
        expect(dialog.get_by_role('radio')).to_be_checked()
        expect(field).to_be_focused()
    else:
        dialog.get_by_role('radio', name=box_name(box)).check()
    expect(field).to_have_attribute('inputmode', 'decimal')
    field.fill(format(gross, 'f').replace('.', ','))
    expect(dialog.locator('#weigh-net')).to_have_text(french_kg(net))
    expect(dialog.locator('#weigh-real')).to_have_text(french_kg(net))
    dialog.get_by_role('button', name='Un carton fermé de plus').click()
    expect(dialog.get_by_label('Cartons fermés (pleins)')).to_have_value('1')
    expect(dialog.locator('#weigh-real')).to_have_text(french_kg(real))
    expect(dialog.locator('.form-error')).to_have_text('')
    check_layout(page)
    shot(page, 'weigh-form-1024x768')

    sent = []
    page.on('request', lambda request: sent.append(request.post_data)
        if request.method == 'POST' and '.apply"' in (request.post_data or '')
        else None)
    # The scale is in the store room, out of the Wi-Fi: the weighing waits
    # on the tablet, and goes when the network is back.
    context.set_offline(True)
    dialog.get_by_role('button', name='Enregistrer la pesée').click()
    expect(dialog).to_have_count(0)
    expect(card.locator('.weigh-status.pending')).to_have_text(
        "Pesée en attente d'envoi")
    expect(page.locator('#pending-badge')).to_have_text(
        "1 action en attente d'envoi")
    waiting, = [item for item in workshop(rpc, 'weigh_list')
        if item['task'] == task['task']]
    assert not waiting['done']
    shot(page, 'weigh-pending-offline-1024x768')
    context.set_offline(False)
    expect(card.locator('.weigh-status.done')).to_contain_text(
        'Pesée', timeout=SYNC_TIMEOUT)
    expect(page.locator('#pending-badge')).to_have_count(0)
    expect(card).to_contain_text('Stock après pesée')
    stock = card.locator('.fact', has_text='Stock après pesée')
    expect(stock).to_contain_text(french_kg(real))
    expect(card.locator('.weigh-result.ok')).to_contain_text(task['label'])
    expect(card.get_by_role('button', name='Peser à nouveau')).to_be_visible()
    shot(page, 'weigh-done-1024x768')

    # Sent once, as typed (the comma read as a decimal point).
    actions = [action for body in sent
        for action in json.loads(body)['params'][0]]
    action, = [action for action in actions if action['type'] == 'weigh']
    assert action['powder'] == task['powder'] and action['format'] == box['id']
    assert Decimal(action['gross']) == gross and action['sealed_boxes'] == 1
    weighed, = [item for item in workshop(rpc, 'weigh_list')
        if item['task'] == task['task']]
    assert weighed['done']
    assert Decimal(str(weighed['stock_kg'])) == real, weighed


def test_a_gross_lighter_than_the_tare_is_refused(tablet, server, rpc_as):
    """A gross weight under the box's tare (the wrong box, the scale not
    reset) is refused on the tablet with the reason: nothing is queued,
    nothing changes; the server refuses it too."""
    from decimal import Decimal
    from playwright.sync_api import expect
    rpc = rpc_as('operator.durand')
    # The refusal is the same before or after the powder's weighing.
    task, box = weighable(rpc, done=None, several=True)
    tare = Decimal(str(box['tare']))
    light = (tare / 2).quantize(Decimal('0.01'))

    context, page = tablet(LANDSCAPE)
    log_in(page, server, 'operator.durand')
    open_weighing(page)
    sent = []
    page.on('request', lambda request: sent.append(request.post_data)
        if request.method == 'POST' and '.apply"' in (request.post_data or '')
        else None)
    card = page.locator(f'.weigh-item[data-powder="{task["powder"]}"]')
    expect(card).to_be_visible()
    before = card.inner_text()
    card.get_by_role('button', name=re.compile('^Peser')).click()
    dialog = page.locator('dialog[open]')
    field = dialog.get_by_label('Poids brut affiché par la balance (kg)')
    field.fill(format(light, 'f').replace('.', ','))
    error = dialog.locator('.form-error')
    if len(task['formats']) > 1:
        # Several box formats: which one is on the scale is asked first.
        expect(dialog.get_by_role('radio', checked=True)).to_have_count(0)
        dialog.get_by_role('button', name='Enregistrer la pesée').click()
        expect(error).to_have_text(
            'Choisissez le carton posé sur la balance.')
        dialog.get_by_role('radio', name=box_name(box)).check()
    # The server's wording (its French catalogue), the numbers the French way.
    message = (f'Le poids brut de {french_kg(light)} est inférieur à la '
        f'tare du carton ({french_kg(tare)}) : vérifiez la balance et le '
        f'conditionnement de {task["name"]}.')
    expect(error).to_have_text(message)
    expect(field).to_have_attribute('aria-invalid', 'true')
    expect(dialog.locator('#weigh-net')).to_have_text('—')
    shot(page, 'weigh-under-tare-1024x768')
    dialog.get_by_role('button', name='Enregistrer la pesée').click()
    expect(dialog).to_be_visible()
    expect(error).to_have_text(message)
    expect(field).to_be_focused()
    dialog.get_by_role('button', name='Annuler').click()
    expect(dialog).to_have_count(0)

    expect(card.locator('.weigh-status.pending')).to_have_count(0)
    expect(page.locator('#pending-badge')).to_have_count(0)
    page.wait_for_timeout(500)
    assert not sent, sent
    queued = page.evaluate("""database => new Promise((resolve, reject) => {
        const request = indexedDB.open(`atelier-workshop:${database}`);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
            const all = request.result.transaction('outbox')
                .objectStore('outbox').getAll();
            all.onsuccess = () => resolve(all.result.length);
        };
    })""", server.database)
    assert queued == 0
    assert card.inner_text() == before
    after, = [item for item in workshop(rpc, 'weigh_list')
        if item['task'] == task['task']]
    assert after == task

    # Sent anyway (an old tablet): refused with the reason, nothing written.
    result, = workshop(rpc, 'apply', [{
                'uuid': '00000000-0000-4000-8000-%012d' % task['task'],
                'type': 'weigh', 'powder': task['powder'], 'format': box['id'],
                'gross': str(light), 'sealed_boxes': 0}])
    assert result['status'] == 'refused', result
    assert result['message'], result
    after, = [item for item in workshop(rpc, 'weigh_list')
        if item['task'] == task['task']]
    assert after == task


def test_weighing_screens_phone(tablet, server, rpc_as):
    """On a phone too: nothing wider than the screen, every control at
    least 48 px high, in the list and in the form."""
    from playwright.sync_api import expect
    rpc = rpc_as('operator.durand')
    tasks = workshop(rpc, 'weigh_list')
    assert tasks
    context, page = tablet(PHONE)
    log_in(page, server, 'operator.durand')
    open_weighing(page)
    expect(page.locator('.weigh-item')).to_have_count(len(tasks))
    check_layout(page)
    shot(page, 'weigh-list-390x844')
    page.locator('.weigh-item').first.get_by_role('button').click()
    dialog = page.locator('dialog[open]')
    expect(dialog.locator('.dialog-title')).to_contain_text('Peser')
    dialog.get_by_role('radio').first.check()
    dialog.get_by_label('Poids brut affiché par la balance (kg)').fill('15,6')
    dialog.get_by_role('button', name='Un carton fermé de plus').click()
    expect(dialog.locator('#weigh-real')).not_to_have_text('—')
    check_layout(page)
    shot(page, 'weigh-form-390x844')
    dialog.get_by_role('button', name='Annuler').click()
    expect(dialog).to_have_count(0)
