# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Review providers: the reviews clients left on the workshop's Google
profile, so that a review request knows whether its client answered.

- ``offline``: no network; a deterministic share of the clients asked (the
  ``asked`` argument) "leave" a review the day after they were asked (demo
  and tests);
- ``google_business_profile``: the Google Business Profile API (My Business
  v4). An OAuth2 access token is taken from the token endpoint with the
  credentials ``client_id``, ``client_secret`` and ``refresh_token``, then
  ``GET /v4/accounts/{account}/locations/{location}/reviews`` is read page
  by page (``nextPageToken``). Credentials ``account`` and ``location``
  name the place; optional ``token_url``, ``base_url`` (tests point them at
  a local server) and ``timeout`` (seconds, default 15).

Every provider answers a list of dicts with the keys id, author, rating
(1 to 5, None when unknown), comment and created (naive UTC datetime).
"""
import datetime as dt
import hashlib
import json
import re
import socket
import threading
import unicodedata
import urllib.error
import urllib.parse
import urllib.request

from ..exceptions import ConnectorError, ConnectorUnavailableError
from ..hub import Provider, hookimpl
from ..messages import gettext

CAPABILITY = 'review'
OFFLINE = 'offline'
GOOGLE = 'google_business_profile'
TOKEN_URL = 'https://oauth2.googleapis.com/token'
BASE_URL = 'https://mybusiness.googleapis.com'
DEFAULT_TIMEOUT = 15
PAGE_SIZE = 50
SERVICE = "Google Business Profile"
USER_AGENT = 'Atelier-ERP connector'
STAR_RATINGS = {'ONE': 1, 'TWO': 2, 'THREE': 3, 'FOUR': 4, 'FIVE': 5}
# the share of the clients asked who answer with the offline provider
OFFLINE_SHARE = 60
OFFLINE_COMMENTS = [
    "Travail impeccable, teinte parfaite. Merci !",
    "Très bon accueil et délai respecté.",
    "Finition soignée, je recommande.",
    "Bon travail, un peu d'attente à la livraison.",
    "Pièces comme neuves, équipe sérieuse.",
    ]

# access tokens by (token URL, client id, refresh token): valid one hour
_tokens = {}
_tokens_lock = threading.Lock()



def normalise_name(name):
    """A display name as compared with a client's name: no accents, no
    case, no punctuation, words sorted ("Dupont Jean" is "Jean Dupont")."""
    text = unicodedata.normalize('NFKD', name or '')
    text = ''.join(c for c in text if not unicodedata.combining(c))
    return ' '.join(sorted(re.sub(r'[\W_]+', ' ', text.casefold()).split()))


def _provider_name(provider):
    return getattr(provider, 'name', provider)


# --- offline ----------------------------------------------------------------

def _digest(*parts):
    text = '\x1f'.join(str(p) for p in parts)
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], 'big')


def offline_answers(place, name):
    "Whether the client `name` answers the offline workshop `place`."
    return _digest(place or '', normalise_name(name)) % 100 < OFFLINE_SHARE


def offline_reviews(place, since, asked):
    """The reviews of the clients of `asked` ((name, asked at)) who answer:
    written the day after they were asked, rated 3 to 5."""
    reviews = []
    for name, asked_at in asked or []:
        if not name or not asked_at or not offline_answers(place, name):
            continue
        created = asked_at + dt.timedelta(days=1)
        if since and created < since:
            continue
        number = _digest(place or '', normalise_name(name), 'rating')
        reviews.append({
                'id': 'offline-%s' % hashlib.sha256(
                    ('%s|%s|%s' % (place, normalise_name(name),
                            asked_at.isoformat())).encode()).hexdigest()[:20],
                'author': name,
                'rating': (5, 5, 5, 4, 4, 3)[number % 6],
                'comment': OFFLINE_COMMENTS[number % len(OFFLINE_COMMENTS)],
                'created': created,
                })
    return reviews


# --- Google Business Profile ------------------------------------------------

def parse_time(value):
    """A naive UTC datetime from Google's RFC 3339 timestamp
    ('2026-11-21T10:15:30.123456Z')."""
    if not value:
        return None
    value = value.strip()
    if value.endswith('Z'):
        value = value[:-1] + '+00:00'
    match = re.match(r'^(.*T\d\d:\d\d:\d\d)(\.\d+)?(.*)$', value)
    if match:
        fraction = (match.group(2) or '')[:7]
        value = match.group(1) + fraction + match.group(3)
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return parsed


def map_review(review):
    "Our dict for one review of Google's JSON."
    reviewer = review.get('reviewer') or {}
    author = None if reviewer.get('isAnonymous') else (
        reviewer.get('displayName') or None)
    return {
        'id': review.get('reviewId') or review.get('name'),
        'author': author,
        'rating': STAR_RATINGS.get(review.get('starRating')),
        'comment': review.get('comment') or None,
        'created': parse_time(review.get('createTime')),
        }


def _credential(credentials, key):
    value = (credentials.get(key) or '').strip()
    if not value:
        raise ConnectorError(gettext('msg_review_credential_missing',
                service=SERVICE, key=key))
    return value


def _open(request, timeout):
    "urlopen `request`; return (status, JSON dict) or raise."
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
        body = error.read() or b''
    except (urllib.error.URLError, socket.timeout, TimeoutError,
            ConnectionError) as error:
        raise ConnectorUnavailableError(gettext(
                'msg_review_unavailable', service=SERVICE)) from error
    try:
        data = json.loads(body.decode('utf-8')) if body else {}
    except (ValueError, UnicodeDecodeError):
        data = None
    return status, data


def _error_detail(data):
    if not isinstance(data, dict):
        return ''
    error = data.get('error')
    if isinstance(error, dict):
        return error.get('message') or error.get('status') or ''
    return data.get('error_description') or (error if isinstance(
            error, str) else '')


def fetch_token(credentials, timeout):
    "A new access token from the OAuth2 token endpoint (refresh token)."
    token_url = credentials.get('token_url') or TOKEN_URL
    body = urllib.parse.urlencode({
            'grant_type': 'refresh_token',
            'client_id': _credential(credentials, 'client_id'),
            'client_secret': _credential(credentials, 'client_secret'),
            'refresh_token': _credential(credentials, 'refresh_token'),
            }).encode()
    request = urllib.request.Request(token_url, data=body, method='POST',
        headers={
            'Content-Type': 'application/x-www-form-urlencoded',
            'Accept': 'application/json',
            'User-Agent': USER_AGENT,
            })
    status, data = _open(request, timeout)
    if status == 429 or status >= 500:
        raise ConnectorUnavailableError(gettext(
                'msg_review_unavailable_http', service=SERVICE,
                status=status))
    if status != 200 or not isinstance(data, dict) \
            or not data.get('access_token'):
        raise ConnectorError(gettext('msg_review_token_refused',
                service=SERVICE, status=status,
                detail=_error_detail(data) or '-'))
    return data['access_token']


def _token_key(credentials):
    return (credentials.get('token_url') or TOKEN_URL,
        credentials.get('client_id'), credentials.get('refresh_token'))


def access_token(credentials, timeout, renew=False):
    """The cached access token of `credentials` (or the ``access_token``
    credential), a new one when `renew` or none is known."""
    key = _token_key(credentials)
    with _tokens_lock:
        if not renew:
            token = _tokens.get(key) or credentials.get('access_token')
            if token:
                return token
    token = fetch_token(credentials, timeout)
    with _tokens_lock:
        _tokens[key] = token
    return token


def reviews_url(credentials, page_token=None):
    base_url = (credentials.get('base_url') or BASE_URL).rstrip('/')
    account = _credential(credentials, 'account')
    location = _credential(credentials, 'location')
    # 'accounts/123' or '123' both name the account
    account = account.rsplit('/', 1)[-1]
    location = location.rsplit('/', 1)[-1]
    query = {'pageSize': PAGE_SIZE, 'orderBy': 'updateTime desc'}
    if page_token:
        query['pageToken'] = page_token
    return '%s/v4/accounts/%s/locations/%s/reviews?%s' % (
        base_url, urllib.parse.quote(account, safe=''),
        urllib.parse.quote(location, safe=''),
        urllib.parse.urlencode(query))


def _get_page(credentials, url, timeout):
    "One page of reviews; a refused token is renewed once."
    for renew in (False, True):
        token = access_token(credentials, timeout, renew=renew)
        request = urllib.request.Request(url, headers={
                'Authorization': 'Bearer %s' % token,
                'Accept': 'application/json',
                'User-Agent': USER_AGENT,
                })
        status, data = _open(request, timeout)
        if status == 401 and not renew:
            continue
        break
    if status == 429 or status >= 500:
        raise ConnectorUnavailableError(gettext(
                'msg_review_unavailable_http', service=SERVICE,
                status=status))
    if status != 200 or not isinstance(data, dict):
        raise ConnectorError(gettext('msg_review_refused',
                service=SERVICE, status=status,
                detail=_error_detail(data) or '-'))
    return data


def fetch_google(credentials, since):
    """The reviews of the location written since `since`, newest first,
    reading the pages until an older review or the last page."""
    credentials = credentials or {}
    timeout = float(credentials.get('timeout') or DEFAULT_TIMEOUT)
    reviews, page_token, seen = [], None, set()
    while True:
        data = _get_page(
            credentials, reviews_url(credentials, page_token), timeout)
        older = False
        for item in data.get('reviews') or []:
            review = map_review(item)
            if since and review['created'] and review['created'] < since:
                older = True
                continue
            reviews.append(review)
        page_token = data.get('nextPageToken')
        if not page_token or older or page_token in seen:
            break
        seen.add(page_token)
    return reviews


class ReviewPlugin:
    "The built-in review providers."

    @hookimpl
    def atelier_providers(self):
        return [
            Provider(
                capability=CAPABILITY, name=OFFLINE,
                label='Simulated reviews (offline)', offline=True,
                message='connector.msg_provider_review_offline'),
            Provider(
                capability=CAPABILITY, name=GOOGLE,
                label='Google Business Profile',
                credentials=('client_id', 'client_secret', 'refresh_token',
                    'account', 'location'),
                message='connector.msg_provider_google_business_profile'),
            ]

    @hookimpl
    def atelier_fetch_reviews(self, provider, credentials, place, since,
            asked):
        name = _provider_name(provider)
        if name == OFFLINE:
            return offline_reviews(place, since, asked)
        if name == GOOGLE:
            return fetch_google(credentials, since)
        return None


plugin = ReviewPlugin()
