# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""A local server answering like Google's OAuth2 token endpoint and the
Google Business Profile (My Business v4) reviews endpoint, for tests.

- ``POST /token`` (grant_type=refresh_token, form encoded) answers
  ``{"access_token", "expires_in", "scope", "token_type"}`` or, for bad
  credentials, 400 ``{"error": "invalid_grant", ...}``;
- ``GET /v4/accounts/{account}/locations/{location}/reviews`` wants
  ``Authorization: Bearer <token>`` (401 UNAUTHENTICATED otherwise) and
  answers ``{"reviews": [...], "averageRating", "totalReviewCount",
  "nextPageToken"}`` in the documented shape, newest first, ``page_size``
  reviews a page.

``expire_tokens()`` makes the tokens given so far invalid (as after an
hour); ``fail_status`` makes the reviews endpoint answer that HTTP error.
"""
import base64
import json
import urllib.parse

from .servers import LocalServer

CLIENT_ID = '123456789-atelier.apps.googleusercontent.com'
CLIENT_SECRET = 'GOCSPX-atelier-test-secret'
REFRESH_TOKEN = '1//0atelier-refresh-token'
ACCOUNT = '112233445566778899'
LOCATION = '9988776655443322110'

# (reviewId, displayName, starRating, comment, createTime), newest first
REVIEWS = [
    ('AbFvOqn1', "Jean Dupont", 'FIVE', "Portail comme neuf, merci !",
        '2026-11-20T16:02:11.519Z'),
    ('AbFvOqn2', "Léa Garnier", 'FOUR', "Bon travail, délai tenu.",
        '2026-11-19T09:30:00Z'),
    ('AbFvOqn3', "A Google User", 'THREE', None,
        '2026-11-12T08:00:00.000000Z'),
    ('AbFvOqn4', "Hugo Lambert", 'FIVE', "Jantes parfaites.",
        '2026-10-02T14:45:50Z'),
    ('AbFvOqn5', "Camille Roux", 'TWO', "Un peu d'attente.",
        '2026-09-01T10:00:00Z'),
    ]


def google_review(review_id, name, rating, comment, created):
    "One review in the JSON shape of the My Business v4 API."
    review = {
        'name': 'accounts/%s/locations/%s/reviews/%s' % (
            ACCOUNT, LOCATION, review_id),
        'reviewId': review_id,
        'reviewer': {
            'profilePhotoUrl': 'https://lh3.googleusercontent.com/a/x',
            'displayName': name,
            'isAnonymous': name == "A Google User",
            },
        'starRating': rating,
        'createTime': created,
        'updateTime': created,
        }
    if comment:
        review['comment'] = comment
    return review


def _error(code, status, message):
    return json.dumps({'error': {
                'code': code, 'message': message, 'status': status}})


class GoogleReviewServer(LocalServer):
    "Google's token endpoint and the v4 reviews of one location."

    def __init__(self, reviews=REVIEWS, page_size=2):
        super().__init__()
        self.reviews = [google_review(*r) for r in reviews]
        self.page_size = page_size
        self.tokens = set()
        self.issued = 0

    @property
    def credentials(self):
        return {
            'client_id': CLIENT_ID,
            'client_secret': CLIENT_SECRET,
            'refresh_token': REFRESH_TOKEN,
            'account': ACCOUNT,
            'location': LOCATION,
            'token_url': self.url + '/token',
            'base_url': self.url,
            'timeout': '5',
            }

    def expire_tokens(self):
        self.tokens.clear()

    def token_requests(self):
        return [r for r in self.requests if r['path'] == '/token']

    def answer(self, method, path, body):
        parsed = urllib.parse.urlsplit(path)
        if method == 'POST' and parsed.path == '/token':
            return self.token(body)
        if method == 'GET':
            return self.list_reviews(parsed)
        return 404, _error(404, 'NOT_FOUND', 'Not found'), \
            'application/json'

    def token(self, body):
        form = dict(urllib.parse.parse_qsl(body.decode()))
        if (form.get('grant_type') != 'refresh_token'
                or form.get('client_id') != CLIENT_ID
                or form.get('client_secret') != CLIENT_SECRET
                or form.get('refresh_token') != REFRESH_TOKEN):
            return 400, json.dumps({
                    'error': 'invalid_grant',
                    'error_description': 'Token has been expired or revoked.',
                    }), 'application/json'
        self.issued += 1
        token = 'ya29.a0Atelier-%s' % self.issued
        self.tokens.add(token)
        return 200, json.dumps({
                'access_token': token,
                'expires_in': 3599,
                'scope': 'https://www.googleapis.com/auth/business.manage',
                'token_type': 'Bearer',
                }), 'application/json'

    def list_reviews(self, parsed):
        headers = {k.lower(): v for k, v in self.requests[-1][
                'headers'].items()}
        token = headers.get('authorization', '').removeprefix('Bearer ')
        if token not in self.tokens:
            return 401, _error(401, 'UNAUTHENTICATED',
                'Request had invalid authentication credentials. Expected '
                'OAuth 2 access token.'), 'application/json', {
                'WWW-Authenticate': 'Bearer realm="https://accounts.google'
                '.com/", error="invalid_token"'}
        if self.fail_status:
            return self.fail_status, _error(self.fail_status, 'UNAVAILABLE',
                'The service is currently unavailable.'), 'application/json'
        expected = '/v4/accounts/%s/locations/%s/reviews' % (
            ACCOUNT, LOCATION)
        if parsed.path != expected:
            return 404, _error(404, 'NOT_FOUND',
                'Requested entity was not found.'), 'application/json'
        query = dict(urllib.parse.parse_qsl(parsed.query))
        start = 0
        if query.get('pageToken'):
            start = int(base64.urlsafe_b64decode(
                    query['pageToken'].encode()).decode())
        size = min(int(query.get('pageSize') or 50), self.page_size)
        page = self.reviews[start:start + size]
        data = {
            'reviews': page,
            'averageRating': round(sum(
                    ['ONE', 'TWO', 'THREE', 'FOUR', 'FIVE'].index(
                        r['starRating']) + 1 for r in self.reviews)
                / len(self.reviews), 1) if self.reviews else 0,
            'totalReviewCount': len(self.reviews),
            }
        if start + size < len(self.reviews):
            data['nextPageToken'] = base64.urlsafe_b64encode(
                str(start + size).encode()).decode()
        return 200, json.dumps(data), 'application/json'
