# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Google review requests in the back office, as the owner uses them in the
web client (Debian's Chromium driven by Playwright, French interface): the
requests waiting to be sent, one cancelled; the settings show the review
link. Screenshots go to the back-office screenshots folder."""
import re

import pytest
from test_browser_shop_floor import (  # noqa: F401 (fixtures)
    SETTINGS_MENU, active_tab, browser, call, context, open_menu, open_record,
    page, shot, sign_in)

pytestmark = pytest.mark.usefixtures('server')

# French once i18n/powder_coating_review_fr.py is in locale/fr.po.
REVIEWS_MENU = re.compile(r'^(Avis Google|Google Reviews)$')
REQUESTS_MENU = re.compile(r"^(Demandes d'avis|Review Requests)$")
CANCEL = re.compile(r'^(Annuler|Cancel)$')


def test_owner_cancels_a_planned_review_request(page, server, rpc_as):
    """« À envoyer » lists the requests planned; « Annuler » on one: it
    leaves the tab and will never be sent. Martin's requests never show."""
    from playwright.sync_api import expect
    rpc = rpc_as('owner.durand')
    def to_send():
        return call(rpc, 'powder_coating.review_request', 'search_read',
            [('state', '=', 'planned')], 0, None, None,
            ['project.rec_name', 'party.rec_name'])
    planned = to_send()
    if not planned:  # a server reused after a first run: plan one again
        cancelled = call(rpc, 'powder_coating.review_request', 'search',
            [('state', '=', 'cancelled'), ('email', '!=', None)], 0, 1, None)
        call(rpc, 'powder_coating.review_request', 'plan_again', cancelled)
        planned = to_send()
    assert planned, "the demo has no review request to send"
    target = planned[0]
    project = target['project.']['rec_name']
    martin = call(rpc_as('owner.martin'), 'powder_coating.review_request',
        'search_read', [], 0, None, None, ['project.rec_name'])
    assert martin

    sign_in(page, server, 'owner.durand')
    open_menu(page, 'Thermolaquage', REVIEWS_MENU, REQUESTS_MENU)
    tab = active_tab(page)
    row = tab.locator('tbody tr').filter(has_text=project)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(target['party.']['rec_name'])
    shot(page, 'review-requests')
    # A list's button acts on the selected line: select it first.
    row.locator('td').nth(2).click()
    row.get_by_role('button', name=CANCEL).click()
    # The line says so at once (the tab drops it when the list is reloaded).
    expect(row).to_contain_text(re.compile('Annulée|Cancelled'))
    expect(row.get_by_role('button', name=CANCEL)).to_have_count(0)
    shot(page, 'review-request-cancelled')
    state, = call(rpc, 'powder_coating.review_request', 'read',
        [target['id']], ['state'])
    assert state['state'] == 'cancelled'
    # Durand's list never holds Martin's projects.
    numbers = {m['project.']['rec_name'] for m in martin}
    page.get_by_role('tab', name=re.compile('^(Tout|All)')).first.click()
    expect(tab.locator('tbody tr').first).to_be_visible()
    for text in tab.locator('tbody tr').all_inner_texts():
        assert not any(n in text for n in numbers if n not in {project})


def test_owner_reads_the_review_link(page, server):
    "The settings show the Google place id and the link clients receive."
    from playwright.sync_api import expect
    sign_in(page, server, 'owner.durand')
    open_menu(page, 'Thermolaquage', re.compile(r'^(Réglages|Settings)$'),
        SETTINGS_MENU)
    form = open_record(page, 'Thermolaquage Durand')
    place = form.locator('input[name="google_place_id"]:visible')
    place.scroll_into_view_if_needed()
    expect(place).to_have_value('ChIJDemoThermolaquageDurand01')
    expect(form.locator('input[name="google_review_link"]:visible')
        ).to_have_value('https://search.google.com/local/writereview'
        '?placeid=ChIJDemoThermolaquageDurand01')
    shot(page, 'review-settings')
