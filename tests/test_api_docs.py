# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Every ```python example of docs/api.md runs against the test server.

The first block holds the settings, read from the environment (ATELIER_URL,
ATELIER_DATABASE, ATELIER_LOGIN, ATELIER_PASSWORD, ATELIER_API_KEY,
ATELIER_ADMIN_LOGIN, ATELIER_ADMIN_PASSWORD); each other block runs after it
in a fresh namespace, as a reader would paste them, and ends by assigning
`result`: the parties found (Durand's clients, none of Martin's), a record,
or an application key (which must then work against the REST API).
"""
import json
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parent.parent / 'docs' / 'api.md'
FENCE = re.compile(r'^```python[ \t]*\n(.*?)^```[ \t]*$', re.M | re.S)
HEADING = re.compile(r'^#+ +(.+)$', re.M)
# The examples' user: an integration user of Durand's workshop with a role
# that asks for no second factor (owners and administrators log in with a
# TOTP code, which a script should not hold).
LOGIN = 'accounting.durand'


def python_blocks():
    "[(title, code)] of the ```python blocks, titled by their section."
    text = DOC.read_text()
    blocks = []
    for match in FENCE.finditer(text):
        # headings outside code blocks (in Python, # starts a comment)
        before = re.sub(r'^```.*?^```', '', text[:match.start()],
            flags=re.M | re.S)
        headings = HEADING.findall(before)
        title = headings[-1] if headings else 'top'
        blocks.append((title, match.group(1)))
    return blocks


BLOCKS = python_blocks()
SETTINGS = BLOCKS[0][1] if BLOCKS else ''
EXAMPLES = BLOCKS[1:]


def slug(title, index):
    return '%02d-%s' % (index,
        re.sub(r'[^a-z0-9]+', '-', title.lower()).strip('-'))


@pytest.fixture
def doc_env(server, application_key, monkeypatch):
    rest_key = application_key(LOGIN)
    values = {
        'ATELIER_URL': server.base_url,
        'ATELIER_DATABASE': server.database,
        'ATELIER_LOGIN': LOGIN,
        'ATELIER_PASSWORD': 'demo',
        'ATELIER_API_KEY': rest_key,
        'ATELIER_ADMIN_LOGIN': 'admin',
        'ATELIER_ADMIN_PASSWORD': 'admin',
        }
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    return values


def run(code, title):
    namespace = {'__name__': '__docs__'}
    exec(compile(SETTINGS, '%s[settings]' % DOC, 'exec'), namespace)
    exec(compile(code, '%s[%s]' % (DOC, title), 'exec'), namespace)
    return namespace


def rest_parties(server, key):
    request = urllib.request.Request(
        '%s/%s/rest/model/party.party?f=name' % (
            server.base_url, server.database),
        headers={'Authorization': 'Bearer ' + key})
    with urllib.request.urlopen(request, timeout=60) as response:
        return {p['name'] for p in json.load(response)}


def assert_durand_parties(names, workshops):
    assert workshops['durand']['clients'] <= names, names
    assert not names & workshops['martin']['clients'], names


def test_doc_has_examples():
    titles = [title for title, _ in BLOCKS]
    assert len(BLOCKS) >= 6, titles
    for name in ('BASE_URL', 'DATABASE', 'LOGIN', 'PASSWORD', 'API_KEY'):
        assert re.search(r'^%s = ' % name, SETTINGS, re.M), name
    for section in ('XML-RPC', 'JSON-RPC', 'REST', 'Getting a key'):
        assert section in titles, titles


def test_settings_come_from_environment(doc_env):
    namespace = {}
    exec(SETTINGS, namespace)
    assert namespace['BASE_URL'] == doc_env['ATELIER_URL']
    assert namespace['DATABASE'] == doc_env['ATELIER_DATABASE']
    assert namespace['LOGIN'] == LOGIN
    assert namespace['API_KEY'] == doc_env['ATELIER_API_KEY']


@pytest.mark.parametrize('title,code', EXAMPLES,
    ids=[slug(t, i) for i, (t, _) in enumerate(EXAMPLES, 1)])
def test_example(title, code, doc_env, server, workshops, capsys):
    namespace = run(code, title)
    output = capsys.readouterr().out
    assert 'result' in namespace, "the example must end by assigning result"
    result = namespace['result']
    if isinstance(result, str):
        # an application key: it opens the REST API on Durand's data only
        assert len(result) >= 32
        assert_durand_parties(rest_parties(server, result), workshops)
    elif isinstance(result, dict):
        # one record, created or read in Durand's workshop
        assert result.get('id'), result
        assert result.get('name') or result.get('rec_name'), result
        assert result['company']['rec_name'] == workshops['durand']['company']
    else:
        names = {r.get('name') or r.get('rec_name') for r in result}
        assert_durand_parties(names, workshops)
        assert "Garage des Brotteaux" in output
        for client in workshops['martin']['clients']:
            assert client not in output


def test_key_request_is_not_usable_before_validation(server, doc_env):
    "The documented step 2 matters: a requested key opens nothing."
    request = urllib.request.Request(
        '%s/%s/user/application/' % (server.base_url, server.database),
        data=json.dumps({'user': LOGIN, 'application': 'rest'}).encode(),
        headers={'Content-Type': 'application/json'}, method='POST')
    with urllib.request.urlopen(request, timeout=60) as response:
        key = json.load(response)
    try:
        with pytest.raises(urllib.error.HTTPError) as info:
            rest_parties(server, key)
        assert info.value.code == 401
    finally:
        request = urllib.request.Request(
            '%s/%s/user/application/' % (server.base_url, server.database),
            data=json.dumps({'user': LOGIN, 'key': key,
                    'application': 'rest'}).encode(),
            headers={'Content-Type': 'application/json'}, method='DELETE')
        urllib.request.urlopen(request, timeout=60).close()

