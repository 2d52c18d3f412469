# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Tenant isolation over the real HTTP APIs (JSON-RPC, XML-RPC, REST).

Durand's owner must see Durand's records and nothing of Martin's workshop,
whatever the method: search, search_read, search_count, export, read by id.
Martin's ids are taken by logging in as Martin's owner, so every negative
assertion is paired with a positive one that fails if the data are wrong.
"""
import base64
import json
import urllib.error
import urllib.request
import xmlrpc.client

import pytest

from server import HttpError, RpcError, totp_code

# model -> the field that names a record in the assertions
MODELS = {
    'party.party': 'name',
    'product.template': 'name',
    'product.product': 'rec_name',
    'saas.audit.log': 'rec_name',
    'powder_coating.project': 'number',
    'powder_coating.project.part': 'rec_name',
    'powder_coating.batch': 'number',
    'powder_coating.photo': 'rec_name',
    'powder_coating.powder.receipt': 'rec_name',
    'powder_coating.weighing': 'rec_name',
    'powder_coating.weigh_task': 'rec_name',
    'powder_coating.stock_count': 'name',
    'stock.move': 'rec_name',
    'stock.inventory': 'rec_name',
    }


@pytest.fixture(scope='module')
def durand(rpc_as):
    return rpc_as('owner.durand')


@pytest.fixture(scope='module')
def martin(rpc_as):
    return rpc_as('owner.martin')


def current_company(client):
    return client.call('model.res.user.get_preferences', True, {})['company']


@pytest.fixture(scope='module')
def companies(durand, martin, workshops):
    "{'durand': id, 'martin': id}, checked against the companies' names."
    result = {}
    for key, client in (('durand', durand), ('martin', martin)):
        company_id = current_company(client)
        record, = client.model('company.company', 'read', [company_id],
            ['rec_name'], {})
        assert record['rec_name'] == workshops[key]['company']
        result[key] = company_id
    assert result['durand'] != result['martin']
    return result


def records(client, model):
    "{id: name} of every record `client` finds in `model`."
    field = MODELS[model]
    return {r['id']: r[field] for r in client.model(model, 'search_read',
            [], 0, None, None, [field], {})}


@pytest.fixture(scope='module')
def martin_records(martin):
    "{model: {id: name}} of Martin's records, as seen by Martin's owner."
    result = {model: records(martin, model) for model in MODELS}
    for model, found in result.items():
        assert found, f"owner.martin sees no {model}: the demo is incomplete"
    return result


@pytest.fixture(scope='module')
def model_names(durand):
    "The translated name of each model, as the server names it to Durand."
    names = durand.model('ir.model', 'search_read',
        [('name', 'in', list(MODELS) + ['company.company'])],
        0, None, None, ['name', 'string'], {})
    return {r['name']: r['string'] for r in names}


def expected_names(workshops, key, model):
    if model == 'party.party':
        return workshops[key]['clients'] | {workshops[key]['company']}
    if model in {'product.template', 'product.product'}:
        return workshops[key]['products']
    return set()


def assert_access_error(error, model_name, record_id=None):
    """A Tryton access error: a user error whose message names the model
    (and the record), not a crash with a traceback."""
    assert isinstance(error, RpcError)
    assert error.kind == 'UserError', error.error
    assert model_name in error.message, error.message
    if record_id is not None:
        assert str(record_id) in error.message, error.message
    text = json.dumps(error.error)
    assert 'Traceback' not in text and 'File "' not in text, text


# --- search / search_read / search_count / export ----------------------------

@pytest.mark.parametrize('model', MODELS)
def test_martin_sees_his_records(martin, martin_records, workshops, model):
    "The reference side: Martin's owner sees Martin's records."
    names = set(martin_records[model].values())
    assert expected_names(workshops, 'martin', model) <= names
    assert not names & expected_names(workshops, 'durand', model)


@pytest.mark.parametrize('model', MODELS)
def test_search_read(durand, martin_records, workshops, model):
    found = records(durand, model)
    assert found, f"owner.durand sees no {model}"
    names = set(found.values())
    assert expected_names(workshops, 'durand', model) <= names
    assert not names & expected_names(workshops, 'martin', model)
    assert not set(found) & set(martin_records[model])


@pytest.mark.parametrize('model', MODELS)
def test_search_by_martin_ids(durand, martin_records, model):
    "Even asked for Martin's ids explicitly, the search finds nothing."
    martin_ids = sorted(martin_records[model])
    assert durand.model(model, 'search',
        [('id', 'in', martin_ids)], 0, None, None, {}) == []
    own = durand.model(model, 'search', [], 0, None, None, {})
    assert own and not set(own) & set(martin_ids)


@pytest.mark.parametrize('model', MODELS)
def test_search_count(durand, martin_records, model):
    martin_ids = sorted(martin_records[model])
    total = durand.model(model, 'search_count', [], {})
    assert total == len(records(durand, model)) > 0
    assert durand.model(model, 'search_count',
        [('id', 'in', martin_ids)], {}) == 0


@pytest.mark.parametrize('model', MODELS)
def test_export_data_domain(durand, martin_records, workshops, model):
    field = MODELS[model]
    rows = durand.model(model, 'export_data_domain', [], ['id', field], {})
    assert rows, f"owner.durand exports no {model}"
    exported = {row[1] for row in rows}
    assert expected_names(workshops, 'durand', model) <= exported
    assert not exported & expected_names(workshops, 'martin', model)
    assert not {row[0] for row in rows} & set(martin_records[model])


@pytest.mark.parametrize('model', MODELS)
def test_export_data_of_martin_ids(
        durand, martin_records, model_names, model):
    "model.X.export_data with Martin's ids is refused, Durand's works."
    field = MODELS[model]
    own = sorted(records(durand, model))
    rows = durand.model(model, 'export_data', own, [field], {})
    assert len(rows) == len(own)
    martin_id = min(martin_records[model])
    with pytest.raises(RpcError) as info:
        rows = durand.model(model, 'export_data', [martin_id], [field], {})
        # not reached if refused; shows what leaked otherwise
        pytest.fail(f"export_data of Martin's {model} #{martin_id}: {rows}")
    assert_access_error(info.value, model_names[model], martin_id)


# Records hanging off a party (Martin's clients' addresses, emails and phones,
# SIRET numbers): their rule goes through the party.
PARTY_DETAILS = ['party.address', 'party.contact_mechanism',
    'party.identifier']


@pytest.fixture(scope='module')
def martin_details(martin):
    result = {}
    for model in PARTY_DETAILS:
        result[model] = martin.model(model, 'search', [], 0, None, None, {})
        assert result[model], f"owner.martin sees no {model}"
    return result


@pytest.mark.parametrize('model', PARTY_DETAILS)
def test_party_details_of_martin(
        durand, martin_details, model_names, model):
    """Search, read and export of Martin's clients' details are refused;
    Durand's own are not."""
    martin_ids = martin_details[model]
    own = durand.model(model, 'search', [], 0, None, None, {})
    assert own and not set(own) & set(martin_ids)
    assert durand.model(model, 'search_count',
        [('id', 'in', martin_ids)], {}) == 0
    assert len(durand.model(model, 'export_data', own, ['rec_name'], {})) \
        == len(own)
    name = durand.model('ir.model', 'search_read', [('name', '=', model)],
        0, None, None, ['string'], {})[0]['string']
    with pytest.raises(RpcError) as info:
        leaked = durand.model(model, 'read', martin_ids, ['rec_name'], {})
        pytest.fail(f"read of Martin's {model}: {leaked}")
    assert_access_error(info.value, name)
    with pytest.raises(RpcError) as info:
        leaked = durand.model(model, 'export_data', martin_ids,
            ['party', 'rec_name'], {})
        pytest.fail(f"export_data of Martin's {model} {martin_ids}: {leaked}")
    assert_access_error(info.value, name)


# --- read by id -------------------------------------------------------------

@pytest.mark.parametrize('model', MODELS)
def test_read_martin_record_by_id(durand, martin_records, model_names, model):
    field = MODELS[model]
    own_id = min(records(durand, model))
    record, = durand.model(model, 'read', [own_id], [field], {})
    assert record['id'] == own_id and record[field]
    martin_id = min(martin_records[model])
    with pytest.raises(RpcError) as info:
        leaked = durand.model(model, 'read', [martin_id], [field], {})
        pytest.fail(f"read of Martin's {model} #{martin_id}: {leaked}")
    assert_access_error(info.value, model_names[model], martin_id)


def test_company_of_martin(durand, companies, model_names):
    "Durand's owner sees his workshop and cannot read Martin's."
    visible = durand.model('company.company', 'search', [], 0, None, None,
        {})
    assert companies['durand'] in visible
    assert companies['martin'] not in visible
    with pytest.raises(RpcError) as info:
        leaked = durand.model('company.company', 'read',
            [companies['martin']], ['rec_name'], {})
        pytest.fail(f"read of Martin's company: {leaked}")
    assert_access_error(
        info.value, model_names['company.company'], companies['martin'])


def test_cannot_create_or_move_records_into_martin(
        durand, companies, model_names):
    "Durand's owner creates in his workshop, never in Martin's."
    own = {'company': companies['durand']}
    party_id, = durand.model('party.party', 'create',
        [{'name': "Client créé par le test d'isolation"}], own)
    record, = durand.model('party.party', 'read', [party_id], ['company'],
        {})
    assert record['company'] == companies['durand']
    with pytest.raises(RpcError) as info:
        durand.model('party.party', 'create',
            [{'name': "Intrus", 'company': companies['martin']}], own)
        pytest.fail("owner.durand created a party in Martin's workshop")
    assert_access_error(info.value, model_names['party.party'])
    with pytest.raises(RpcError) as info:
        durand.model('party.party', 'create', [{'name': "Intrus"}],
            {'company': companies['martin']})
        pytest.fail("owner.durand created a party in Martin's workshop "
            "through the context")
    assert_access_error(info.value, model_names['party.party'])
    with pytest.raises(RpcError) as info:
        durand.model('party.party', 'write', [party_id],
            {'company': companies['martin']}, own)
        pytest.fail("owner.durand moved a party to Martin's workshop")
    assert_access_error(info.value, model_names['party.party'], party_id)
    record, = durand.model('party.party', 'read', [party_id], ['company'],
        {})
    assert record['company'] == companies['durand']


def test_audit_log_of_own_company_only(durand, martin, companies):
    entries = durand.model('saas.audit.log', 'search_read', [], 0, None,
        None, ['company'], {})
    assert entries
    assert {e['company'] for e in entries} == {companies['durand']}
    entries = martin.model('saas.audit.log', 'search_read', [], 0, None,
        None, ['company'], {})
    assert {e['company'] for e in entries} == {companies['martin']}


def test_no_model_shows_martin_records(durand, companies):
    """Architecture rule: every model with a company belongs to a tenant and
    is ruled by company. Over RPC, no model (of any addon) may show Durand's
    owner a record of Martin's workshop: it finds none, or is refused."""
    fields = durand.model('ir.model.field', 'search_read',
        [('name', '=', 'company'), ('relation', '=', 'company.company')],
        0, None, None, ['model'], {})
    models = sorted({f['model'] for f in fields})
    assert {'party.party', 'product.template', 'saas.audit.log'} <= set(
        models)
    leaks, own = {}, {}
    for model in models:
        try:
            leaks[model] = durand.model(model, 'search_count',
                [('company', '=', companies['martin'])], {})
            own[model] = durand.model(model, 'search_count',
                [('company', '=', companies['durand'])], {})
        except RpcError:
            continue        # refused to this role
        except HttpError as error:
            assert error.status == 403, (model, error)
            continue        # not callable over RPC (no view)
    assert own['party.party'] > 0 and own['product.template'] > 0
    leaks = {m: n for m, n in leaks.items() if n}
    assert not leaks, (
        "owner.durand finds records of Martin's workshop in: %s" % ', '.join(
            f'{m} ({n})' for m, n in sorted(leaks.items())))


# --- roles --------------------------------------------------------------------

def test_operator_cannot_write_party(rpc_as, model_names, workshops):
    operator = rpc_as('operator.durand')
    parties = operator.model('party.party', 'search_read',
        [('name', '=', "Garage des Brotteaux")], 0, None, None, ['name'], {})
    assert len(parties) == 1, "operator.durand must read Durand's clients"
    party_id = parties[0]['id']
    with pytest.raises(RpcError) as info:
        operator.model('party.party', 'write', [party_id],
            {'name': "Garage renamed by an operator"}, {})
        pytest.fail("operator.durand could write a party")
    assert_access_error(info.value, model_names['party.party'])
    record, = operator.model('party.party', 'read', [party_id], ['name'], {})
    assert record['name'] == "Garage des Brotteaux"


def test_publisher_sees_every_workshop(admin_rpc, workshops):
    """The publisher's administrator sees both workshops' clients once the
    company filter (Preferences, "Company Filter: All") covers all the
    companies they were given."""
    preferences = admin_rpc.call('model.res.user.get_preferences', False, {})
    previous = preferences.get('company_filter', 'one')
    admin_rpc.call('model.res.user.set_preferences',
        {'company_filter': 'all'}, {})
    try:
        companies = admin_rpc.model('company.company', 'read',
            preferences['companies'], ['rec_name'], {})
        names = set(records(admin_rpc, 'party.party').values())
    finally:
        admin_rpc.call('model.res.user.set_preferences',
            {'company_filter': previous}, {})
    workshop_names = {workshops[k]['company'] for k in workshops}
    assert workshop_names <= {c['rec_name'] for c in companies}, (
        "the publisher is not given the workshops' companies")
    for key in workshops:
        assert workshops[key]['clients'] <= names, key


# --- other protocols ----------------------------------------------------------

def test_xmlrpc(server, workshops, martin_records, model_names):
    proxy = xmlrpc.client.ServerProxy(server.rpc_url, allow_none=True)
    # All the parameters at once: the password and the second factor.
    user_id, session, _ = proxy.common.db.login(
        'owner.durand', {'password': 'demo',
            'totp_code': totp_code('owner.durand')}, 'fr')
    token = base64.b64encode(
        f'owner.durand:{user_id}:{session}'.encode()).decode()
    proxy = xmlrpc.client.ServerProxy(server.rpc_url, allow_none=True,
        headers=[('Authorization', 'Session ' + token)])
    parties = proxy.model.party.party.search_read(
        [], 0, None, None, ['name'], {})
    names = {p['name'] for p in parties}
    assert workshops['durand']['clients'] <= names
    assert not names & workshops['martin']['clients']
    assert proxy.model.party.party.search_count(
        [('id', 'in', sorted(martin_records['party.party']))], {}) == 0
    martin_id = min(martin_records['party.party'])
    with pytest.raises(xmlrpc.client.Fault) as info:
        proxy.model.party.party.read([martin_id], ['name'], {})
    assert model_names['party.party'] in info.value.faultString
    assert str(martin_id) in info.value.faultString
    assert 'Traceback' not in info.value.faultString


def rest_get(server, key, path):
    request = urllib.request.Request(
        '%s/%s/rest/%s' % (server.base_url, server.database, path),
        headers={'Authorization': 'Bearer ' + key})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, None


def test_rest(server, rest_key, workshops, martin_records):
    status, parties = rest_get(server, rest_key, 'model/party.party?f=name')
    assert status == 200
    names = {p['name'] for p in parties}
    assert workshops['durand']['clients'] <= names
    assert not names & workshops['martin']['clients']
    own = min(p['id'] for p in parties)
    assert rest_get(server, rest_key, f'model/party.party/{own}')[0] == 200
    martin_id = min(martin_records['party.party'])
    assert rest_get(
        server, rest_key, f'model/party.party/{martin_id}')[0] == 404
    assert rest_get(server, 'not-a-key', 'model/party.party')[0] == 401


# --- workshop mode --------------------------------------------------------------

def test_workshop_mode_of_own_workshop_only(rpc_as, workshops):
    """The tablet API answers for the operator's workshop only: Martin's
    queue holds none of Durand's clients, a number only Durand has is not
    found at Martin, and Durand's steps cannot be used on Martin's parts."""
    durand, martin = rpc_as('operator.durand'), rpc_as('operator.martin')
    durand_context = durand.call('model.res.user.get_preferences', True, {})
    martin_context = martin.call('model.res.user.get_preferences', True, {})
    durand_queue = durand.model('powder_coating.workshop', 'queue',
        durand_context)
    martin_queue = martin.model('powder_coating.workshop', 'queue',
        martin_context)
    assert durand_queue and martin_queue
    assert {p['client'] for p in durand_queue} <= workshops['durand'][
        'clients']
    assert {p['client'] for p in martin_queue} <= workshops['martin'][
        'clients']
    martin_numbers = {p['number'] for p in martin_queue}
    only_durand = next(p for p in durand_queue
        if p['number'] not in martin_numbers)
    with pytest.raises(RpcError) as info:
        martin.model('powder_coating.workshop', 'part',
            only_durand['number'], martin_context)
    assert only_durand['number'] in str(info.value)
    martin_part = martin_queue[0]
    result, = martin.model('powder_coating.workshop', 'apply', [{
                'uuid': 'tenant-test-1', 'type': 'validate_step',
                'part': martin_part['number'],
                'step': only_durand['step']['id'],
                }], martin_context)
    assert result['status'] == 'refused'
    again = martin.model('powder_coating.workshop', 'part',
        martin_part['number'], martin_context)
    assert again['step'] == martin_part['step']
