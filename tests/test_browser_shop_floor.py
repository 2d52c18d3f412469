# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The shop floor in the back office: sao 8.0 driven by Playwright.

Durand's operator (Karim Benali) moves a project from sandblasting to
masking and reads the part's history, drafts a recommended batch, and
records a failed quality control; Durand's owner (second factor: a TOTP
code) reads the oven settings and the photos, which nobody can delete.

The demo database is shared by the whole session (tests/test_workshop_mode.py
moves parts too): records are chosen by their state over JSON-RPC, never by
a fixed number, and the quality-control journey brings a part of its own to
that step, so that the demo's part there stays for the workshop-mode tests.

The browser is Debian's /usr/bin/chromium (never `playwright install`).
Screenshots go to ATELIER_BACKOFFICE_SHOTS, /tmp/backoffice-shots by default.
"""
import base64
import datetime as dt
import io
import os
import re
from pathlib import Path

import pytest

from server import TOTP_SECRETS, RpcError, totp_code

CHROMIUM = os.environ.get('ATELIER_CHROMIUM', '/usr/bin/chromium')
CHROMIUM_ARGS = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run',
    ]
SHOTS = Path(os.environ.get('ATELIER_BACKOFFICE_SHOTS',
        '/tmp/backoffice-shots'))
# The demo's workflow (powder_coating.workflow.DEFAULT_STEPS).
SANDBLASTING, MASKING = 'Sablage', 'Masquage'
QUALITY_CONTROL, TOUCH_UP = 'Contrôle qualité', 'Retouche'
# The menu entry of powder_coating.configuration (named after the quotes
# before the shop floor added its settings).
SETTINGS_MENU = re.compile(r'^Réglages (du thermolaquage|des devis)$')
PHOTOS_NO_DELETE = 'Les photos ne peuvent pas être supprimées'


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
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={'width': 1280, 'height': 800},
        locale='fr-FR', timezone_id='Europe/Paris')
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    # rep_call: set by the pytest_runtest_makereport hook of conftest.py
    report = getattr(request.node, 'rep_call', None)
    if report is not None and report.failed:
        shot(page, f'{request.node.name}-failure')
    context.close()


def shot(page, name):
    page.screenshot(path=str(SHOTS / f'{name}.png'))


# --- the web client ---------------------------------------------------------

def sign_in(page, server, login, password='demo',
        workshop="Thermolaquage Durand"):
    """Log in through sao's dialogs: user name, password, and for the
    demo's owners and administrators the code of their authenticator;
    done when the header names the workshop (#menu shows before login)."""
    from playwright.sync_api import expect
    page.goto(f'{server.base_url}/#{server.database}')
    dialog = page.locator('.modal:visible').filter(
        has=page.locator('input#login'))
    expect(dialog.locator('#database:visible')).to_have_value(
        server.database)
    dialog.locator('input#login').fill(login)
    dialog.locator('button[type=submit]').click()
    entry = page.locator('.ask-dialog:visible input#ask-dialog-entry')
    entry.fill(password)
    entry.press('Enter')
    if login in TOTP_SECRETS:
        prompt = page.locator('.ask-dialog:visible').filter(
            has_text='code à 6 chiffres')
        expect(prompt).to_be_visible()
        prompt.locator('input#ask-dialog-entry').fill(totp_code(login))
        prompt.locator('input#ask-dialog-entry').press('Enter')
    expect(page.locator('body')).to_contain_text(f' - {workshop} [')


def open_menu(page, *path):
    "Click the menu entries one after the other (folders open, lists too)."
    menu = page.locator('#menu')
    for title in path:
        menu.get_by_title(title, exact=True).locator(
            'visible=true').first.click()


def active_tab(page):
    "The tab in front (a form's notebook has active panes of its own)."
    return page.locator('#tabcontent > .tab-pane.active')


def search(page, text):
    "Type `text` in the list's search bar: only its row is left."
    from playwright.sync_api import expect
    tab = active_tab(page)
    # Once the list is drawn: its first search would come after ours.
    expect(tab.locator('tbody tr').first).to_be_visible()
    entry = tab.locator('input[placeholder="Rechercher"]').first
    entry.fill(text)
    entry.press('Enter')
    expect(tab.locator('tbody tr')).to_have_count(1)
    expect(tab.locator('tbody tr')).to_contain_text(text)


def open_record(page, text):
    """Open the row of the list showing `text`: tick it, then "Basculer"
    (a double click is lost now and then while sao redraws the list)."""
    from playwright.sync_api import expect
    tab = active_tab(page)
    row = tab.locator('tbody tr').filter(has_text=text)
    row.locator('td.selection-state input').check()
    tab.locator('button#switch_').click()
    expect(page.locator('#tabcontent')).to_have_attribute(
        'data-view-type', 'form')
    return active_tab(page)


def column(row, title):
    "The cell of `row` under the column `title`."
    return row.locator(f'td[data-title^="{title}\u00a0:"]')


# --- the demo over JSON-RPC -------------------------------------------------

def context(rpc):
    "The user's context (company, language), as sao sends it."
    if not hasattr(rpc, 'shop_floor_context'):
        rpc.shop_floor_context = rpc.model(
            'res.user', 'get_preferences', True, {})
    return rpc.shop_floor_context


def call(rpc, model, method, *args):
    return rpc.model(model, method, *args, context(rpc))


def user_name(rpc):
    return rpc.model('res.user', 'get_preferences', False, {})['name']


def project_at(rpc, step_name):
    """A project in progress whose least advanced parts are at the step
    `step_name` (what "Valider l'étape" validates) and these parts'
    numbers, or None."""
    Part = 'powder_coating.project.part'
    steps = call(rpc, 'powder_coating.step', 'search_read', [], 0, None,
        None, ['name', 'sequence'])
    rank = {s['id']: (s['sequence'] or 0, s['id']) for s in steps}
    for part in call(rpc, Part, 'search_read', [
                ('step.name', '=', step_name),
                ('project.state', 'in', ['waiting', 'in_progress']),
                ], 0, None, [('id', 'DESC')], ['project', 'step']):
        open_parts = call(rpc, Part, 'search_read', [
                ('project', '=', part['project']), ('step', '!=', None)],
            0, None, None, ['number', 'step', 'project.number'])
        if rank[part['step']] == min(rank[p['step']] for p in open_parts):
            return {'number': open_parts[0]['project.']['number'],
                'parts': [p['number'] for p in open_parts
                    if p['step'] == part['step']]}
    return None


def decimal(value):
    return {'__class__': 'Decimal', 'decimal': str(value)}


def signature_png():
    "A dark band standing for the client's scanned signature."
    from PIL import Image
    output = io.BytesIO()
    Image.new('RGB', (160, 40), (30, 41, 59)).save(output, 'PNG')
    return {'__class__': 'bytes',
        'base64': base64.b64encode(output.getvalue()).decode()}


def new_project(rpc_as, description, step_name, promised_in=None):
    """A project of one part for a client of Durand's, as the workshop
    makes one: a quote sent and signed by the owner (the parts promised in
    `promised_in` days); then the operator validates the part's steps up
    to `step_name`. Returns its numbers."""
    owner, operator = rpc_as('owner.durand'), rpc_as('operator.durand')
    client, = call(owner, 'party.party', 'search',
        [('name', '=', "Mme Claire Martin")], 0, 1, None)
    powder = call(owner, 'powder_coating.powder', 'search',
        [('powder_type', 'not in', ['primer', 'varnish'])], 0, 1,
        [('id', 'ASC')])[0]
    quote, = call(owner, 'powder_coating.quote', 'create', [{
                'party': client,
                'lines': [['create', [{
                                'description': description, 'quantity': 1,
                                'surface_mode': 'surface',
                                'surface': decimal('1.2'),
                                'powder': powder, 'coats': 1,
                                'labour_minutes': decimal('20'),
                                }]]],
                }])
    call(owner, 'powder_coating.quote', 'send', [quote])
    wizard = 'wizard.powder_coating.quote.sign.'
    record = dict(context(owner), active_id=quote, active_ids=[quote],
        active_model='powder_coating.quote')
    session, start, _ = owner.call(wizard + 'create', context(owner))
    owner.call(wizard + 'execute', session, {}, start, record)
    owner.call(wizard + 'execute', session, {'start': {
                'quote': quote, 'signer': "Claire Martin",
                'image': signature_png()}}, 'sign', record)
    owner.call(wizard + 'delete', session, context(owner))
    project, = call(owner, 'powder_coating.quote', 'read', [quote],
        ['project'])
    if promised_in is not None:
        promised = dt.date.today() + dt.timedelta(days=promised_in)
        call(owner, 'powder_coating.project', 'write', [project['project']],
            {'promised_date': {'__class__': 'date', 'year': promised.year,
                    'month': promised.month, 'day': promised.day}})
    part, = call(operator, 'powder_coating.project.part', 'search_read',
        [('project', '=', project['project'])], 0, None, None,
        ['number', 'step.name', 'project.number'])
    while part['step.']['name'] != step_name:
        call(operator, 'powder_coating.project.part', 'validate_step',
            [part['id']])
        part, = call(operator, 'powder_coating.project.part', 'read',
            [part['id']], ['number', 'step.name', 'project.number'])
    return {'number': part['project.']['number'], 'parts': [part['number']],
        'part_id': part['id']}


# --- the journeys -----------------------------------------------------------

def test_operator_validates_a_project_step(page, server, rpc_as):
    """Projets: the late project stands out; a project at sandblasting
    moves to masking with "Valider l'étape", and the part's history names
    the operator who validated it."""
    from playwright.sync_api import expect
    rpc = rpc_as('operator.durand')
    operator = user_name(rpc)
    late = {p['number'] for p in call(rpc, 'powder_coating.project',
            'search_read', [('late', '=', True)], 0, None, None, ['number'])}
    assert late, "the demo needs a late project at Durand's"
    project = project_at(rpc, SANDBLASTING) or new_project(
        rpc_as, "Garde-corps (test back office)", SANDBLASTING)
    number, part = project['number'], project['parts'][0]

    sign_in(page, server, 'operator.durand')
    open_menu(page, 'Thermolaquage', 'Projets')
    tab = active_tab(page)
    expect(tab.locator('.title').first).to_have_text(re.compile('Projets'))
    late_tab = tab.locator('.tab-domain a', has_text='En retard')
    expect(late_tab.locator('.badge')).to_have_text(str(len(late)))
    late_tab.click()
    rows = tab.locator('tbody tr')
    expect(rows).to_have_count(len(late))
    # Late rows stand out (the list's visual: Bootstrap's "danger").
    expect(tab.locator('tbody tr:not(.danger)')).to_have_count(0)
    listed = set(re.findall(r'PRJ-\d+-\d+',
            tab.locator('tbody').inner_text()))
    assert listed == late, (listed, late)
    shot(page, 'projects-late')

    tab.locator('.tab-domain a', has_text='En cours').click()
    expect(rows.nth(len(late))).to_be_attached()
    search(page, number)
    tab = open_record(page, number)
    progress = tab.locator('input[name=progress]').first
    expect(progress).to_have_value(re.compile(SANDBLASTING))
    tab.locator('button[name=validate_current_step]').click()
    expect(progress).to_have_value(re.compile(MASKING))
    expect(progress).not_to_have_value(re.compile(SANDBLASTING))
    row = tab.locator('tbody tr').filter(has_text=part)
    expect(column(row, 'Étape en cours')).to_have_text(MASKING)
    shot(page, 'project-form')

    # The part's form opens over the project's.
    column(row, 'Numéro').dblclick()
    dialog = page.locator('.modal:visible')
    expect(dialog.locator('input[name=number]').first).to_have_value(part)
    expect(dialog.locator('input[name=step]').first).to_have_value(MASKING)
    dialog.get_by_role('tab', name='Historique').click()
    history = dialog.locator('.tab-pane.active').first.locator('tbody tr')
    validated = history.filter(has_text=SANDBLASTING).first
    expect(column(validated, 'Type')).to_have_text('Validée')
    expect(column(validated, 'Par')).to_have_text(operator)
    shot(page, 'part-form-history')


def test_operator_creates_a_recommended_batch(page, server, rpc_as):
    """Séries ‣ Séries recommandées: the wizard lists the batches to make
    (powder, units, earliest promised date, kg); the one ticked becomes a
    draft batch in Séries."""
    from playwright.sync_api import expect
    rpc = rpc_as('operator.durand')
    recommended = call(rpc, 'powder_coating.workshop', 'recommended_batches')
    if not any(r['earliest_promised_date'] for r in recommended):
        new_project(rpc_as, "Portail (test back office)", 'Réception',
            promised_in=10)
    before = set(call(rpc, 'powder_coating.batch', 'search', [], 0, None,
            None))

    sign_in(page, server, 'operator.durand')
    open_menu(page, 'Thermolaquage', 'Séries')
    expect(active_tab(page).locator('.title').first).to_have_text(
        re.compile('Séries'))
    open_menu(page, 'Séries recommandées')
    dialog = page.locator('.modal:visible')
    expect(dialog).to_contain_text('Séries recommandées')
    for title in ['Créer', 'Poudre', 'Unités', 'Première date promise',
            'Poudre (kg)']:
        expect(dialog.locator('thead th', has_text=title).first
            ).to_be_attached()
    row = dialog.locator('tbody tr').first
    expect(row).to_be_visible()
    powder = column(row, 'Poudre').inner_text().strip()
    assert powder.startswith('Thermopoudre'), powder
    expect(column(row, 'Unités')).to_have_text(re.compile(r'^[1-9]\d*$'))
    # Most urgent first: the earliest promised date.
    expect(column(row, 'Première date promise')).to_have_text(
        re.compile(r'^\d{2}/\d{2}/\d{4}$'))
    expect(column(row, 'Poudre (kg)')).to_have_text(
        re.compile(r'^\d+,\d{2}$'))
    shot(page, 'recommended-batches')

    tick = column(row, 'Créer').locator('input[type=checkbox]')
    tick.click()
    expect(tick).to_be_checked()
    dialog.get_by_role('button', name='Créer les séries cochées').click()
    expect(dialog).to_have_count(0)

    created = call(rpc, 'powder_coating.batch', 'search_read',
        [('id', 'not in', sorted(before))], 0, None, None,
        ['number', 'state', 'powder.rec_name'])
    assert [(b['state'], b['powder.']['rec_name']) for b in created] == [
        ('draft', powder)], created
    tab = active_tab(page)
    tab.locator('button#reload').click()
    batch = tab.locator('tbody tr').filter(has_text=created[0]['number'])
    expect(column(batch, 'État')).to_have_text('Brouillon')
    expect(column(batch, 'Poudre')).to_have_text(powder)
    shot(page, 'batches-list')


def test_operator_records_a_failed_quality_control(page, server, rpc_as):
    """A part at the quality control: the action "Contrôle qualité" of its
    form, a film thickness under the minimum and the other checks passed;
    the part goes to touch-up with a non-conformity."""
    from playwright.sync_api import expect
    rpc = rpc_as('operator.durand')
    number, = new_project(
        rpc_as, "Banc de jardin (test back office)", QUALITY_CONTROL)['parts']
    thickness, = call(rpc, 'powder_coating.qc.question', 'search_read',
        [('kind', '=', 'measure')], 0, 1, None, ['name', 'minimum'])
    too_thin = int(thickness['minimum'] // 2)

    sign_in(page, server, 'operator.durand')
    open_menu(page, 'Thermolaquage', 'Projets', 'Pièces')
    tab = active_tab(page)
    expect(tab.locator('.title').first).to_have_text(re.compile('Pièces'))
    search(page, number)
    tab = open_record(page, number)
    expect(tab.locator('input[name=number]').first).to_have_value(number)
    expect(tab.locator('input[name=step]').first).to_have_value(
        QUALITY_CONTROL)

    tab.locator('button#action').click()
    tab.locator('ul[aria-labelledby=action]').get_by_text(
        'Contrôle qualité', exact=True).click()
    dialog = page.locator('.modal:visible')
    expect(dialog).to_contain_text(number)
    checks = dialog.locator('tbody tr')
    expect(checks.first).to_be_visible()
    # An editable list: a first click selects the row, the next one edits
    # the cell, a click outside the list keeps the value. The measure
    # first: a box is not ticked while the row in hand misses its value.
    measured = checks.filter(has_text=thickness['name'])
    cell = column(measured, 'Mesure')
    cell.click()
    expect(measured.locator('td.selection-state input')).to_be_checked()
    cell.click()
    cell.locator('input:visible').fill(str(too_thin))
    dialog.locator('.modal-header').click()
    expect(cell).to_have_text(str(too_thin))
    others = checks.filter(has_not_text=thickness['name'])
    for index in range(others.count()):
        column(others.nth(index), 'Conforme').locator('input').click()
    for index in range(others.count()):
        expect(column(others.nth(index), 'Conforme').locator('input')
            ).to_be_checked()
    shot(page, 'quality-control-wizard')
    dialog.get_by_role('button', name='Enregistrer', exact=True).click()
    expect(dialog).to_have_count(0)

    expect(tab.locator('input[name=step]').first).to_have_value(TOUCH_UP)
    tab.get_by_role('tab', name='Non-conformités').click()
    found = tab.locator('.tab-pane.active').first.locator('tbody tr')
    expect(found).to_have_count(1)
    expect(column(found, 'Détectée à')).to_have_text(QUALITY_CONTROL)
    expect(column(found, 'Renvoyée à')).to_have_text(TOUCH_UP)
    expect(column(found, 'État')).to_have_text('À résoudre')
    shot(page, 'part-form-non-conformity')

    part, = call(rpc, 'powder_coating.project.part', 'search_read',
        [('number', '=', number)], 0, 1, None,
        ['step.name', 'non_conformities'])
    assert part['step.']['name'] == TOUCH_UP
    nc, = call(rpc, 'powder_coating.non_conformity', 'read',
        part['non_conformities'], ['state', 'comment'])
    assert nc['state'] == 'open'
    # The thickness alone failed: the other checks passed.
    failed, = nc['comment'].splitlines()
    assert failed.startswith(f"{thickness['name']} ({too_thin} "), failed


def test_owner_reads_the_oven_settings_and_the_photos(page, server, rpc_as):
    """The owner (password and authenticator code) finds the demo's oven in
    the settings, and the photos with their thumbnails, which cannot be
    deleted: the menu entry is greyed out and the server refuses."""
    from playwright.sync_api import expect

    from trytond.modules.powder_coating.demo_shop_floor import OVENS
    owner = rpc_as('owner.durand')
    sign_in(page, server, 'owner.durand')
    open_menu(page, 'Thermolaquage', 'Réglages', SETTINGS_MENU)
    tab = open_record(page, "Thermolaquage Durand")
    oven = dict(zip(['oven_length', 'oven_width', 'oven_height',
                'hook_height', 'oven_margin'], OVENS["Thermolaquage Durand"]))
    expect(tab.get_by_text('Longueur du four (mm)')).to_be_visible()
    for name, value in oven.items():
        field = tab.locator(f'input[name={name}]:visible')
        expect(field).to_have_value(re.compile(
                r'^' + r'\D?'.join(str(value)) + r'$'))
    tab.locator('input[name=oven_margin]:visible').scroll_into_view_if_needed()
    shot(page, 'settings-oven')

    open_menu(page, 'Projets', 'Photos')
    tab = active_tab(page)
    expect(tab.locator('.title').first).to_have_text(re.compile('Photos'))
    thumbnails = tab.locator('tbody td[data-title^="Miniature"] img')
    expect(thumbnails.first).to_be_visible()
    # sao fetches the images after drawing the rows.
    page.wait_for_function('''selector => [
        ...document.querySelectorAll(selector)].every(
            image => image.src && image.complete && image.naturalWidth > 0)
        ''', arg='#tabcontent > .tab-pane.active tbody '
        'td[data-title^="Miniature"] img')
    sources = thumbnails.evaluate_all('images => images.map(i => i.src)')
    assert all(src.startswith(('blob:', 'data:')) for src in sources), \
        sources
    tab.locator('tbody tr').first.locator('td.selection-state input').check()
    expect(tab.locator('a#delete_').locator('xpath=..')).to_have_class(
        re.compile(r'\bdisabled\b'))
    expect(tab.locator('button#delete_')).to_have_count(0)
    shot(page, 'photos-list')

    photo = call(owner, 'powder_coating.photo', 'search', [], 0, 1, None)
    with pytest.raises(RpcError) as refused:
        call(owner, 'powder_coating.photo', 'delete', photo)
    assert refused.value.message.startswith(PHOTOS_NO_DELETE), \
        refused.value.message
    assert call(owner, 'powder_coating.photo', 'search_count',
        [('id', 'in', photo)]) == 1
