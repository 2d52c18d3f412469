# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Demo Google review requests: the workshop's place id, and requests for
its latest finished projects in every state (planned, sent, reminded,
reviewed with the offline provider's review, cancelled, failed without
email). No email is sent: the records show the story."""
import datetime as dt

from trytond.i18n import gettext
from trytond.modules.connector.providers.review import offline_reviews
from trytond.pool import Pool
from trytond.transaction import without_check_access

# fictitious place ids, in Google's format
PLACES = {
    "Thermolaquage Durand": 'ChIJDemoThermolaquageDurand01',
    "Époxy Services Martin": 'ChIJDemoEpoxyServicesMartin02',
    }
STATES = ['reviewed', 'reviewed', 'reminded', 'sent', 'sent', 'cancelled',
    'failed', 'planned']


def review_requests(company):
    "A few review requests of `company` in various states."
    pool = Pool()
    Configuration = pool.get('powder_coating.configuration')
    Project = pool.get('powder_coating.project')
    Request = pool.get('powder_coating.review_request')
    Review = pool.get('powder_coating.review')
    Date = pool.get('ir.date')
    today = Date.today()
    with without_check_access():
        settings = Configuration.get(company, create=True)
        if not settings.google_place_id:
            settings.google_place_id = PLACES.get(
                company.party.name, 'ChIJDemoWorkshop%012d' % company.id)
            settings.save()
        place = settings.google_place_id
        if Review.search([('company', '=', company.id),
                    ('external_id', '=', 'demo-walk-in-%s' % company.id)]):
            return
        asked = {r.project.id for r in Request.search([
                    ('company', '=', company.id)])}
        projects = [p for p in Project.search([
                    ('company', '=', company.id),
                    ('state', 'in', ['delivered', 'collected']),
                    ('closed_date', '!=', None),
                    ], order=[('closed_date', 'DESC')],
                limit=len(STATES) + len(asked))
            if p.id not in asked][:len(STATES)]
        for project, state in zip(reversed(projects), STATES):
            pickup = project.closed_date.date()
            if state == 'planned':
                pickup = today - dt.timedelta(days=1)
            values = {
                'company': company.id,
                'project': project.id,
                'party': project.party.id,
                'email': project.party.email or 'client%s@example.com' % (
                    project.party.id),
                'pickup_date': pickup,
                'planned_date': pickup + dt.timedelta(
                    days=settings.review_delay),
                'state': state,
                }
            sent_at = dt.datetime.combine(
                values['planned_date'], dt.time(9))
            if state in {'sent', 'reminded', 'reviewed'}:
                values['sent_at'] = sent_at
            if state == 'reminded':
                values['reminded_at'] = dt.datetime.combine(
                    pickup + dt.timedelta(days=settings.review_reminder),
                    dt.time(9))
            if state == 'failed':
                values['email'] = None
                values['failure'] = gettext(
                    'powder_coating.msg_review_no_email')
            if state == 'reviewed':
                found, = offline_reviews(place, None, [
                        (project.party.name, sent_at)]) or [{
                        'id': 'demo-%s' % project.id,
                        'author': project.party.name, 'rating': 5,
                        'comment': "Travail impeccable.",
                        'created': sent_at + dt.timedelta(days=1)}]
                review, = Review.create([{
                            'company': company.id,
                            'external_id': found['id'],
                            'author': found['author'],
                            'rating': found['rating'] or 5,
                            'comment': found['comment'],
                            'created': found['created'],
                            }])
                values.update({
                        'review': review.id,
                        'review_seen_at': found['created'],
                        'rating': review.rating,
                        })
            Request.create([values])
        # a review from someone who was not asked: counted all the same
        Review.create([{
                    'company': company.id,
                    'external_id': 'demo-walk-in-%s' % company.id,
                    'author': "Marc Petit",
                    'rating': 4,
                    'comment': "Accueil sympathique, devis rapide.",
                    'created': dt.datetime.combine(
                        today - dt.timedelta(days=12), dt.time(18)),
                    }])
