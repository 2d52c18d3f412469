# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The review providers, without database: the offline one directly, Google
Business Profile against a local server answering like Google's token
endpoint and v4 reviews endpoint."""
import datetime as dt
import unittest

import pluggy

from .. import hub
from ..exceptions import ConnectorError, ConnectorUnavailableError
from ..providers import review
from .review_server import GoogleReviewServer
from .servers import closed_port_url

PLACE = 'ChIJN1t_tDeuEmsRUsoyG83frY4'


def fetch(provider, credentials=None, since=None, asked=(), place=PLACE):
    pm = pluggy.PluginManager(hub.PROJECT)
    pm.add_hookspecs(hub.Specs)
    pm.register(review.plugin)
    return pm.hook.atelier_fetch_reviews(provider=provider,
        credentials=credentials or {}, place=place, since=since,
        asked=list(asked))


class OfflineReviewTestCase(unittest.TestCase):
    "The offline provider answers like a few clients would"

    def test_providers(self):
        "An offline and a Google provider, found by the hub"
        self.assertIn(review.plugin, hub.builtin_plugins())
        providers = {p.name: p for p in review.plugin.atelier_providers()}
        self.assertTrue(providers['offline'].offline)
        self.assertFalse(providers['google_business_profile'].offline)
        self.assertEqual(providers['offline'].string,
            'Simulated reviews (offline)')
        self.assertIn('refresh_token',
            providers['google_business_profile'].credentials)

    def test_share_of_clients_deterministic(self):
        "A share of the clients answer, the same ones every time"
        asked_at = dt.datetime(2026, 11, 3, 9)
        names = ["Client %s" % i for i in range(40)]
        asked = [(n, asked_at) for n in names]
        first = fetch('offline', asked=asked)
        self.assertEqual(first, fetch('offline', asked=asked))
        self.assertTrue(10 < len(first) < 35, len(first))
        for item in first:
            self.assertIn(item['author'], names)
            self.assertIn(item['rating'], {3, 4, 5})
            self.assertEqual(item['created'], asked_at + dt.timedelta(days=1))
            self.assertTrue(item['comment'])
        self.assertEqual(len({i['id'] for i in first}), len(first))

    def test_nothing_asked_nothing_answered(self):
        self.assertEqual(fetch('offline'), [])

    def test_names_normalised(self):
        "Accents, case and word order do not matter"
        self.assertEqual(review.normalise_name("Dupont  Jean"),
            review.normalise_name("jean DUPONT"))
        self.assertEqual(review.normalise_name("Léa Garnier"),
            review.normalise_name("lea garnier."))

    def test_other_provider_not_answered(self):
        self.assertIsNone(review.plugin.atelier_fetch_reviews(
                provider='other', credentials={}, place=PLACE, since=None,
                asked=[]))


class GoogleBusinessProfileTestCase(unittest.TestCase):
    "Google Business Profile against a local server speaking its protocol"

    def setUp(self):
        review._tokens.clear()
        self.server = GoogleReviewServer().start()
        self.addCleanup(self.server.stop)
        self.addCleanup(review._tokens.clear)

    def test_reviews_all_pages(self):
        "A token from the refresh token, then every page of reviews"
        reviews = fetch('google_business_profile', self.server.credentials)
        self.assertEqual([r['author'] for r in reviews], [
                "Jean Dupont", "Léa Garnier", None, "Hugo Lambert",
                "Camille Roux"])
        first = reviews[0]
        self.assertEqual(first['rating'], 5)
        self.assertEqual(first['comment'], "Portail comme neuf, merci !")
        self.assertEqual(first['created'],
            dt.datetime(2026, 11, 20, 16, 2, 11, 519000))
        self.assertEqual(first['id'], 'AbFvOqn1')
        self.assertIsNone(reviews[2]['comment'])
        # one token, three pages of two reviews, with the bearer token
        self.assertEqual(len(self.server.token_requests()), 1)
        pages = [r for r in self.server.requests if r['method'] == 'GET']
        self.assertEqual(len(pages), 3)
        self.assertTrue(pages[0]['path'].startswith(
                '/v4/accounts/112233445566778899/locations/'
                '9988776655443322110/reviews?'))
        self.assertIn('pageToken=', pages[1]['path'])
        self.assertEqual(pages[0]['headers']['Authorization'],
            'Bearer ya29.a0Atelier-1')
        token_body = self.server.token_requests()[0]['body'].decode()
        self.assertIn('grant_type=refresh_token', token_body)

    def test_since_stops_reading(self):
        "Only the reviews since the date; older pages are not read"
        reviews = fetch('google_business_profile', self.server.credentials,
            since=dt.datetime(2026, 11, 15))
        self.assertEqual([r['author'] for r in reviews],
            ["Jean Dupont", "Léa Garnier"])
        pages = [r for r in self.server.requests if r['method'] == 'GET']
        self.assertEqual(len(pages), 2)

    def test_expired_token_refreshed(self):
        "A 401 on an expired token: a new token, the page read again"
        fetch('google_business_profile', self.server.credentials)
        self.server.expire_tokens()
        self.server.requests.clear()
        reviews = fetch('google_business_profile', self.server.credentials)
        self.assertEqual(len(reviews), 5)
        statuses = [r['path'].split('?')[0] for r in self.server.requests]
        self.assertEqual(statuses[:3], [
                '/v4/accounts/112233445566778899/locations/'
                '9988776655443322110/reviews', '/token',
                '/v4/accounts/112233445566778899/locations/'
                '9988776655443322110/reviews'])
        self.assertEqual(len(self.server.token_requests()), 1)

    def test_stored_token_refused(self):
        "An access token kept in the credentials and refused is renewed"
        credentials = dict(self.server.credentials, access_token='expired')
        reviews = fetch('google_business_profile', credentials)
        self.assertEqual(len(reviews), 5)
        self.assertEqual(len(self.server.token_requests()), 1)

    def test_server_error_unavailable(self):
        "A 5xx: the service is unavailable, to be tried again"
        self.server.fail_status = 503
        with self.assertRaises(ConnectorUnavailableError) as context:
            fetch('google_business_profile', self.server.credentials)
        self.assertIn('HTTP 503', context.exception.message)
        self.assertIn('nothing was changed', context.exception.message)

    def test_unreachable(self):
        credentials = dict(self.server.credentials,
            token_url=closed_port_url() + '/token')
        with self.assertRaises(ConnectorUnavailableError) as context:
            fetch('google_business_profile', credentials)
        self.assertIn('cannot be reached', context.exception.message)

    def test_bad_refresh_token(self):
        "A revoked refresh token: a clear refusal naming the credentials"
        credentials = dict(self.server.credentials, refresh_token='revoked')
        with self.assertRaises(ConnectorError) as context:
            fetch('google_business_profile', credentials)
        self.assertNotIsInstance(
            context.exception, ConnectorUnavailableError)
        self.assertIn('Token has been expired or revoked',
            context.exception.message)
        self.assertIn('refresh token', context.exception.message)

    def test_unknown_location(self):
        credentials = dict(self.server.credentials, location='404')
        with self.assertRaises(ConnectorError) as context:
            fetch('google_business_profile', credentials)
        self.assertIn('HTTP 404', context.exception.message)

    def test_missing_credential(self):
        "A credential left empty is named, nothing is called"
        credentials = dict(self.server.credentials, client_secret='')
        with self.assertRaises(ConnectorError) as context:
            fetch('google_business_profile', credentials)
        self.assertIn('client_secret', context.exception.message)
        self.assertEqual(self.server.requests, [])
