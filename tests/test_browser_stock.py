# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The powder stock in the back office, as people use it in the web client
(Debian's Chromium driven by Playwright, French interface): the operator
weighs a box of today's list, the owner reads the reorder suggestions.
Screenshots go to var/test/screenshots/."""
import re
from decimal import Decimal

import pytest
from test_browser_shop_floor import (  # noqa: F401 (fixtures)
    active_tab, browser, call, context, open_menu, page, shot, sign_in)

pytestmark = pytest.mark.usefixtures('server')


def test_operator_weighs_a_box_of_the_daily_list(page, server, rpc_as):
    """Today's list shows the boxes to weigh; « Peser » on a line opens the
    scale form with the box and its tare; a gross lighter than the tare
    is refused with the message, then the right one gives the real stock
    and ticks the line."""
    from playwright.sync_api import expect
    rpc = rpc_as('operator.durand')
    tasks = call(rpc, 'powder_coating.workshop', 'weigh_list')
    task = next(t for t in tasks if not t['done'] and t['formats']
        and t['formats'][0]['tare'] is not None)
    box = task['formats'][0]
    sign_in(page, server, 'operator.durand')
    open_menu(page, 'Thermolaquage', 'Stock de poudre',
        "À peser aujourd'hui")
    tab = active_tab(page)
    row = tab.locator('tbody tr').filter(has_text=task['name'])
    expect(row).to_have_count(1)
    shot(page, 'stock-daily-list')
    # A list's button acts on the selected line: select it first.
    row.locator('td').nth(2).click()
    row.get_by_role('button', name='Peser').click()

    dialog = page.locator('.modal:visible').filter(has_text='Poids brut')
    expect(dialog).to_be_visible()

    def type_gross(text):
        "sao shows the number formatted; focused, it edits a number input."
        dialog.locator('input[name="gross"]:visible').click()
        entry = dialog.locator('input[name="gross"][type="number"]')
        entry.fill(text)
        entry.press('Tab')
    # A number field: the browser takes the digits with a dot.
    type_gross('0.1')
    expect(dialog.locator('input[name="gross"]:visible')).to_have_value(
        '0,100')
    dialog.get_by_role('button', name='Enregistrer la pesée').click()
    expect(page.locator('.modal:visible').filter(
            has_text='inférieur à la tare')).to_be_visible()
    shot(page, 'stock-weighing-refused')
    page.locator('.modal:visible').filter(
        has_text='inférieur à la tare').get_by_role(
            'button', name=re.compile('Valider|OK|Fermer')).first.click()

    weighed = Decimal(str(box['tare'])) + Decimal('7.35')
    type_gross(f'{weighed}')
    dialog.get_by_role('button', name='Enregistrer la pesée').click()
    done = page.locator('.modal:visible').filter(has_text='Stock réel')
    expect(done).to_be_visible()
    expect(done.locator('input[name="real_kg"]:visible')).to_have_value(
        re.compile(r'^7[,.]35'))
    shot(page, 'stock-weighing-done')
    done.get_by_role('button', name='OK').click()

    after = call(rpc, 'powder_coating.workshop', 'weigh_list')
    line = next(t for t in after if t['task'] == task['task'])
    assert line['done'] and line['stock_kg'] == pytest.approx(7.35)


def test_owner_reads_the_reorder_suggestions(page, server, rpc_as):
    "The stock levels' « À commander » tab lists what to order, in boxes."
    from playwright.sync_api import expect
    rpc = rpc_as('owner.durand')
    ids = call(rpc, 'powder_coating.powder', 'search',
        [('reorder_needed', '=', True)], 0, None, None)
    assert ids, "the demo has no powder to reorder"
    reference, = [p['reference'] for p in call(rpc, 'powder_coating.powder',
            'read', ids[:1], ['reference'])]
    sign_in(page, server, 'owner.durand')
    open_menu(page, 'Thermolaquage', 'Stock de poudre', 'Niveaux de stock')
    tab = active_tab(page)
    expect(tab.locator('tbody tr').filter(has_text=reference)).to_have_count(1)
    expect(tab.locator('tbody tr').filter(has_text=reference)).to_contain_text(
        re.compile(r'\d+ × \d+ kg'))
    shot(page, 'stock-reorder')
