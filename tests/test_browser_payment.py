# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""A payment link in a browser (Debian's Chromium driven by Playwright):
the workshop sends the deposit link of a project, the client opens the
email's link, pays with the demo provider and the project shows the
deposit paid; the same token at another workshop's portal is unknown.
axe-core checks the pages (no serious or critical violation)."""
import re
from decimal import Decimal
from pathlib import Path

import pytest
from test_browser_shop_floor import (  # noqa: F401 (fixtures)
    browser, call, context)

from trytond.modules.saas_portal.demo import PORTALS

pytestmark = pytest.mark.usefixtures('server')
REPO = Path(__file__).resolve().parent.parent
AXE = REPO / 'core_addons' / 'saas_portal' / 'node_modules' / 'axe-core' \
    / 'axe.min.js'
SHOTS = Path('/tmp/payment-shots')
DURAND = PORTALS["Thermolaquage Durand"]
MARTIN = PORTALS["Époxy Services Martin"]
CLIENT_EMAIL = 'paiement@garage-brotteaux.example'


@pytest.fixture
def phone(browser):
    "A French phone-sized page (CSP bypassed only to inject axe-core)."
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: make portal-assets (npm install in "
            "core_addons/saas_portal)", pytrace=False)
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={'width': 390, 'height': 844},
        locale='fr-FR', timezone_id='Europe/Paris', bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def check_accessibility(page, name):
    "axe-core: no serious or critical violation; a screenshot."
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact,
            help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target)}));
    }""")
    page.screenshot(path=str(SHOTS / f'{name}.png'), full_page=True)
    bad = [v for v in result if v['impact'] in {'serious', 'critical'}]
    assert not bad, f"{name}: {bad}"


def send_deposit_link(owner, smtp, professional=False):
    """The workshop sends the deposit link of an unpaid project (of a
    business client if `professional`); return the project and the link
    of the email."""
    domain = [('quote', '!=', None)]
    if professional:
        domain.append(('party.siren', '!=', None))
    projects = call(owner, 'powder_coating.project', 'search_read',
        domain, 0, None, [('id', 'DESC')],
        ['number', 'payment_state', 'deposit_amount'])
    project = next(p for p in projects
        if p['payment_state'] == 'unpaid' and p['deposit_amount'])
    wizard = 'wizard.powder_coating.payment.link.send.'
    record = dict(context(owner), active_id=project['id'],
        active_ids=[project['id']], active_model='powder_coating.project')
    session, start, _ = owner.call(wizard + 'create', context(owner))
    view = owner.call(wizard + 'execute', session, {}, start, record)
    values = view['view']['defaults']
    assert values['kind'] == 'deposit'
    values['email'] = CLIENT_EMAIL
    owner.call(wizard + 'execute', session, {'start': values}, 'send',
        record)
    owner.call(wizard + 'delete', session, context(owner))
    messages = [m for m in smtp.messages if CLIENT_EMAIL in m['To']]
    assert messages, "no payment link email"
    body = messages[-1].get_body(('plain', 'html')).get_content()
    link = re.search(r'https?://\S+/pay/[A-Za-z0-9_-]+', body)
    assert link, body
    return project, link.group(0)


def test_client_pays_deposit_by_link(server, phone, rpc_as, smtp):
    from playwright.sync_api import expect
    owner = rpc_as('owner.durand')
    project, link = send_deposit_link(owner, smtp)

    page = phone
    page.goto(link)
    expect(page.get_by_role('heading', level=1)).to_contain_text(
        "Thermolaquage Durand")
    expect(page.get_by_test_id('amount')).to_contain_text('€')
    check_accessibility(page, 'pay')
    page.locator('#pay-card').click()
    # The demo provider's page: nothing charged, a confirmation.
    expect(page).to_have_url(re.compile(r'/done\?offline_session='))
    check_accessibility(page, 'pay-offline')
    page.locator('#confirm-demo').click()
    status = page.get_by_role('status')
    expect(status).to_have_attribute('data-paid', 'yes')
    expect(status).to_contain_text('€')
    check_accessibility(page, 'pay-done')

    read, = call(owner, 'powder_coating.project', 'read', [project['id']],
        ['payment_state', 'paid_amount', 'deposit_amount'])
    assert read['payment_state'] == 'deposit'
    assert read['paid_amount'] == read['deposit_amount']

    # The paid link says so; Martin's portal does not know the token.
    response = page.goto(link)
    assert response.status == 410
    response = page.goto(link.replace(f'/{DURAND["slug"]}/',
            f'/{MARTIN["slug"]}/'))
    assert response.status == 404


def test_business_client_signs_sepa_mandate(server, phone, rpc_as, smtp):
    """A business client of Martin signs a SEPA mandate on the link's page;
    the debit is planned (the link cannot be paid twice) and Martin's
    accountant processes it into a pain.008 message."""
    from playwright.sync_api import expect
    owner = rpc_as('owner.martin')
    project, link = send_deposit_link(owner, smtp, professional=True)
    page = phone
    page.goto(link)
    page.locator('#pay-sepa').click()
    expect(page.locator('#iban')).to_be_visible()
    check_accessibility(page, 'pay-sepa')
    page.fill('#holder', "Menuiserie Alu Gironde")
    page.fill('#iban', "FR76 3000 6000 0112 3456 7890 189")
    page.check('#accept')
    page.locator('#sign-sepa').click()
    planned = page.locator('#sepa-planned')
    expect(planned).to_have_attribute('data-state', 'sepa')
    expect(planned).to_contain_text('0189')
    check_accessibility(page, 'pay-sepa-planned')
    response = page.goto(link)
    assert response.status == 410
    assert page.locator('#pay-card').count() == 0
    response = page.goto(link.replace(f'/{MARTIN["slug"]}/',
            f'/{DURAND["slug"]}/'))
    assert response.status == 404

    accountant = rpc_as('accounting.martin')
    debits = call(accountant, 'account.payment', 'search_read',
        [('origin', '=', f'powder_coating.project,{project["id"]}'),
            ('journal.process_method', '=', 'sepa')], 0, None, None,
        ['state', 'amount', 'sepa_mandate'])
    # The newest debit is this signature's (a reused demo server may keep
    # earlier runs' ones).
    debit = max(debits, key=lambda d: d['id'])
    assert debit['state'] == 'submitted' and debit['sepa_mandate']
    amount = debit['amount']
    amount = Decimal(amount['decimal'] if isinstance(amount, dict)
        else str(amount))
    deposit = project['deposit_amount']
    assert amount == Decimal(deposit['decimal'] if isinstance(deposit, dict)
        else str(deposit))


@pytest.fixture
def stripe_durand(server, rpc_as):
    """Durand takes card payments through Stripe: here a local server
    answering like Stripe's API, whose hosted page posts the signed webhook
    to the demo server. Durand's previous payment setting is restored."""
    from trytond.modules.connector.tests.stripe_server import (
        SECRET_KEY, StripeServer)
    owner = rpc_as('owner.durand')
    stripe = StripeServer().start()
    stripe.webhook_secret = 'whsec_browser_journey'
    stripe.webhook_url = (
        f'{server.base_url}/{server.database}/payment/webhook/stripe')
    before = call(owner, 'connector.setting', 'search_read',
        [('capability', '=', 'payment')], 0, None, None, ['provider'])
    if before:
        call(owner, 'connector.setting', 'delete', [s['id'] for s in before])
    setting, = call(owner, 'connector.setting', 'create', [{
                'capability': 'payment',
                'provider': 'stripe',
                'credentials': [('create', [
                            {'key': 'secret_key', 'value': SECRET_KEY},
                            {'key': 'webhook_secret',
                                'value': stripe.webhook_secret},
                            {'key': 'api_base', 'value': stripe.url},
                            ])],
                }])
    try:
        yield stripe
    finally:
        call(owner, 'connector.setting', 'delete', [setting])
        if before:
            call(owner, 'connector.setting', 'create', [{
                        'capability': 'payment',
                        'provider': s['provider'],
                        } for s in before])
        stripe.stop()


def test_client_pays_deposit_through_stripe(
        server, phone, rpc_as, smtp, stripe_durand):
    """The client pays the deposit on Stripe's hosted page (a local server
    speaking Stripe's API): the signed webhook marks it paid, once."""
    from playwright.sync_api import expect
    owner = rpc_as('owner.durand')
    project, link = send_deposit_link(owner, smtp)

    page = phone
    page.goto(link)
    page.locator('#pay-card').click()
    # Stripe's page (the local server): the session was created over the
    # API with the deposit's amount in cents.
    expect(page).to_have_url(re.compile(r'/c/pay/cs_test_'))
    session, = stripe_durand.sessions.values()
    read, = call(owner, 'powder_coating.project', 'read', [project['id']],
        ['deposit_amount', 'payment_state'])
    deposit = read['deposit_amount']
    if isinstance(deposit, dict):  # JSON-RPC's Decimal
        deposit = deposit['decimal']
    assert session['amount_total'] == round(Decimal(deposit) * 100)
    assert read['payment_state'] == 'unpaid'
    page.locator('#stripe-pay').click()
    # Back on the workshop's portal, the webhook applied.
    status = page.get_by_role('status')
    expect(status).to_have_attribute('data-paid', 'yes')
    read, = call(owner, 'powder_coating.project', 'read', [project['id']],
        ['payment_state', 'paid_amount', 'deposit_amount'])
    assert read['payment_state'] == 'deposit'
    assert read['paid_amount'] == read['deposit_amount']


def test_workshop_reads_its_payments_and_mandates(server, rpc_as):
    "The owner lists the workshop's payments and SEPA mandates, only its own"
    owner = rpc_as('owner.durand')
    payments = call(owner, 'account.payment', 'search_read', [], 0, None,
        None, ['company', 'journal.name', 'origin', 'purpose', 'state'])
    assert payments, "the demo's deposit payment is listed"
    companies = {p['company'] for p in payments}
    assert len(companies) == 1
    assert any(p['journal.']['name'] == "Carte (Stripe)"
        and p['purpose'] == 'deposit' and p['state'] == 'succeeded'
        for p in payments)
    call(owner, 'account.payment.sepa.mandate', 'search_read', [], 0, None,
        None, ['party', 'state'])
    martin = rpc_as('owner.martin')
    theirs = call(martin, 'account.payment', 'search', [], 0, None, None)
    assert not set(theirs) & {p['id'] for p in payments}
