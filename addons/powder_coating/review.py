# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Google review requests: a few days after a project is collected or
delivered, every client is emailed the workshop's Google review link, and
reminded once if no review of theirs is seen.

The reviews come from the connector capability ``review`` (Google Business
Profile, or the offline provider of the demo); a review is matched to a
request by the reviewer's name and date, and every review counts for the
workshop."""
import datetime as dt
import logging
import os
import re
import urllib.parse
from email.message import EmailMessage

from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Unique, Workflow, fields
from trytond.model.exceptions import ValidationError
from trytond.modules.connector import hub
from trytond.modules.connector.exceptions import (
    ConnectorError, ConnectorUnavailableError)
from trytond.modules.connector.providers.review import normalise_name
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.pool import Pool, PoolMeta
from trytond.pyson import Eval
from trytond.report import html_to_text, mjml_to_html
from trytond.transaction import Transaction, without_check_access

logger = logging.getLogger(__name__)

REVIEW_URL = 'https://search.google.com/local/writereview?placeid=%s'
PLACE_ID = re.compile(r'^[A-Za-z0-9_-]{20,512}$')
TEMPLATE = os.path.join(os.path.dirname(__file__), 'review_email.html')
# a review counts for a request up to this many days after it was sent
MATCH_WINDOW = 60
STATES = [
    ('planned', "Planned"),
    ('sent', "Sent"),
    ('reminded', "Reminded"),
    ('reviewed', "Reviewed"),
    ('cancelled', "Cancelled"),
    ('failed', "Failed"),
    ]
OPEN_STATES = ['sent', 'reminded']


def review_link(place_id):
    "The link opening the workshop's Google review form, or None."
    place_id = (place_id or '').strip()
    if not place_id:
        return None
    return REVIEW_URL % urllib.parse.quote(place_id, safe='')


def valid_place_id(place_id):
    "Whether `place_id` looks like a Google place id (ChIJ...)."
    return bool(PLACE_ID.match((place_id or '').strip()))


def place_id_from(text):
    """The place id typed, or taken from a pasted review link
    (...writereview?placeid=ChIJ...)."""
    text = (text or '').strip()
    if text.startswith(('http://', 'https://')):
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(text).query)
        for key in ['placeid', 'place_id']:
            if query.get(key):
                return query[key][0].strip()
    return text


def planned_date(pickup, delay):
    "The day the request is emailed: `delay` days after the pickup."
    return pickup + dt.timedelta(days=delay)


def reminder_due(pickup, sent_on, delay, reminder, today):
    """Whether the reminder is due `today`: `reminder` days after the
    pickup, and never sooner after the request than planned."""
    if pickup is None or sent_on is None:
        return False
    return today >= max(pickup + dt.timedelta(days=reminder),
        sent_on + dt.timedelta(days=max(reminder - delay, 1)))


def match_reviews(reviews, requests):
    """Pair each review with the request of the same client it answers:
    the name matches and it was written after the request was sent, within
    MATCH_WINDOW days. `reviews` are dicts (author, created), `requests`
    (id, client name, sent at); return {review index: request id}."""
    by_name = {}
    for request_id, name, sent_at in sorted(requests, key=lambda r: r[2]):
        by_name.setdefault(normalise_name(name), []).append(
            (request_id, sent_at))
    matches, taken = {}, set()
    for index, review in sorted(enumerate(reviews),
            key=lambda i: i[1]['created'] or dt.datetime.min):
        created = review.get('created')
        if not review.get('author') or not created:
            continue
        for request_id, sent_at in by_name.get(
                normalise_name(review['author']), []):
            if request_id in taken:
                continue
            if sent_at.date() <= created.date() <= (
                    sent_at + dt.timedelta(days=MATCH_WINDOW)).date():
                matches[index] = request_id
                taken.add(request_id)
                break
    return matches


class Configuration(metaclass=PoolMeta):
    __name__ = 'powder_coating.configuration'

    review_requests = fields.Boolean("Ask for Google Reviews",
        help="Email every client a link to review the workshop on Google "
        "after the pickup or delivery of their project.")
    review_delay = fields.Integer("Review Request after (days)",
        required=True, domain=[('review_delay', '>=', 0)],
        help="Days between the pickup or delivery and the review request "
        "(J+3 by default).")
    review_reminder = fields.Integer("Review Reminder after (days)",
        required=True,
        domain=[('review_reminder', '>', Eval('review_delay', 0))],
        help="Days after the pickup or delivery to remind the clients "
        "whose review was not seen (J+7 by default).")
    google_place_id = fields.Char("Google Place ID", strip=True,
        help="The identifier of the workshop on Google Maps (like "
        "ChIJN1t_tDeuEmsRUsoyG83frY4), found with Google's Place ID "
        "Finder; it makes the review link.")
    google_review_link = fields.Function(fields.Char("Google Review Link",
            help="The link the clients receive to write their review."),
        'on_change_with_google_review_link')
    reviews_received = fields.Function(fields.Integer("Reviews Received",
            help="Reviews seen on the workshop's Google profile, matched "
            "to a request or not."),
        'get_reviews_received')

    @staticmethod
    def default_review_requests():
        return True

    @staticmethod
    def default_review_delay():
        return 3

    @staticmethod
    def default_review_reminder():
        return 7

    @fields.depends('google_place_id')
    def on_change_with_google_review_link(self, name=None):
        return review_link(self.google_place_id)

    def get_reviews_received(self, name):
        Review = Pool().get('powder_coating.review')
        if not self.company:
            return 0
        with without_check_access():
            return Review.search_count([('company', '=', self.company.id)])

    @classmethod
    def preprocess_values(cls, mode, values):
        """Keep the place id of a pasted review link; refuse what is not a
        place id before anything is written."""
        values = super().preprocess_values(mode, values)
        if values.get('google_place_id'):
            place_id = place_id_from(values['google_place_id'])
            if not valid_place_id(place_id):
                raise ValidationError(gettext(
                        'powder_coating.msg_review_place_id_invalid',
                        place_id=values['google_place_id']))
            values['google_place_id'] = place_id
        return values


class ReviewRequest(TenantOwnedMixin, Workflow, ModelSQL, ModelView):
    "Review Request"
    __name__ = 'powder_coating.review_request'
    __string__ = "Review Request"

    project = fields.Many2One('powder_coating.project', "Project",
        required=True, readonly=True, ondelete='CASCADE',
        domain=[('company', '=', Eval('company', -1))],
        help="The collected or delivered project the client is asked "
        "about.")
    party = fields.Many2One('party.party', "Client", required=True,
        readonly=True, ondelete='CASCADE',
        domain=[('company', '=', Eval('company', -1))])
    email = fields.Char("Email", readonly=True,
        help="Where the request was sent.")
    state = fields.Selection(STATES, "State", required=True, readonly=True,
        sort=False,
        help="Planned: emailed on the planned date. Sent, then Reminded "
        "once if no review is seen. Reviewed: the client's review was "
        "seen. Failed: the email could not be sent (see why).")
    pickup_date = fields.Date("Pickup Date", readonly=True,
        help="When the client collected the parts or they were delivered.")
    planned_date = fields.Date("Planned Date",
        states={'readonly': Eval('state') != 'planned'},
        help="When the request is emailed.")
    sent_at = fields.DateTime("Sent at", readonly=True)
    reminded_at = fields.DateTime("Reminded at", readonly=True)
    review_seen_at = fields.DateTime("Review Seen at", readonly=True,
        help="When the client's review was written on Google.")
    rating = fields.Integer("Rating", readonly=True,
        help="The stars of the client's review (1 to 5), if known.")
    review = fields.Many2One('powder_coating.review', "Review",
        readonly=True, ondelete='SET NULL')
    failure = fields.Char("Why it Failed", readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('planned_date', 'DESC'), ('id', 'DESC')]
        t = cls.__table__()
        cls._sql_constraints += [
            ('project_unique', Unique(t, t.project),
                'powder_coating.msg_review_request_unique'),
            ]
        cls._transitions |= {
            ('planned', 'cancelled'),
            ('sent', 'cancelled'),
            ('reminded', 'cancelled'),
            ('failed', 'cancelled'),
            ('failed', 'planned'),
            ('cancelled', 'planned'),
            }
        cls._buttons.update({
                'cancel': {
                    'invisible': ~Eval('state').in_(
                        ['planned', 'sent', 'reminded', 'failed']),
                    'depends': ['state'],
                    },
                'plan_again': {
                    'invisible': ~Eval('state').in_(['failed', 'cancelled']),
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_state():
        return 'planned'

    def get_rec_name(self, name):
        return '%s – %s' % (
            self.project.rec_name if self.project else '',
            self.party.rec_name if self.party else '')

    @classmethod
    def search_rec_name(cls, name, clause):
        _, operator, value = clause[:3]
        bool_op = 'AND' if operator.startswith('!') else 'OR'
        return [bool_op,
            ('project.number', operator, value),
            ('party.name', operator, value),
            ]

    @classmethod
    @ModelView.button
    @Workflow.transition('cancelled')
    def cancel(cls, requests):
        "Never email this client about this project."

    @classmethod
    @ModelView.button
    def plan_again(cls, requests):
        "Plan a failed or cancelled request again (the client's email now)."
        Date = Pool().get('ir.date')
        today = Date.today()
        for request in requests:
            request.state = 'planned'
            request.failure = None
            request.email = (request.party.email or '').strip() or None
            if not request.planned_date or request.planned_date < today:
                request.planned_date = today
            if not request.email:
                request.state = 'failed'
                request.failure = gettext(
                    'powder_coating.msg_review_no_email')
        cls.save(requests)

    @classmethod
    def plan(cls, projects):
        """Plan one request per collected or delivered project, unless the
        workshop asks for no reviews or the project has one already."""
        pool = Pool()
        Configuration = pool.get('powder_coating.configuration')
        Date = pool.get('ir.date')
        with without_check_access():
            existing = {r.project.id for r in cls.search([
                        ('project', 'in', [p.id for p in projects])])}
            to_create = []
            for project in projects:
                if project.id in existing:
                    continue
                settings = Configuration.get(project.company)
                if not settings or not settings.review_requests:
                    continue
                with Transaction().set_context(company=project.company.id):
                    pickup = (project.closed_date.date()
                        if project.closed_date else Date.today())
                email = (project.party.email or '').strip()
                values = {
                    'company': project.company.id,
                    'project': project.id,
                    'party': project.party.id,
                    'email': email or None,
                    'pickup_date': pickup,
                    'planned_date': planned_date(
                        pickup, settings.review_delay),
                    'state': 'planned',
                    }
                if not email:
                    values['state'] = 'failed'
                    values['failure'] = gettext(
                        'powder_coating.msg_review_no_email')
                to_create.append(values)
            return cls.create(to_create) if to_create else []

    @classmethod
    def run_cron(cls, date=None):
        """Cron, daily: for each workshop, read the reviews, send the
        requests due, then remind the clients whose review is not seen."""
        pool = Pool()
        Company = pool.get('company.company')
        Date = pool.get('ir.date')
        with without_check_access():
            requests = cls.search([
                    ('state', 'in', ['planned'] + OPEN_STATES)])
            companies = Company.browse(sorted({r.company.id
                        for r in requests}))
        for company in companies:
            with Transaction().set_context(company=company.id):
                today = date or Date.today()
                now = (dt.datetime.now() if date is None
                    else dt.datetime.combine(date, dt.time(9)))
                cls.process(company, today, now)

    @classmethod
    def process(cls, company, today, now):
        "The day's work of one workshop; returns (sent, reminded)."
        pool = Pool()
        Configuration = pool.get('powder_coating.configuration')
        settings = Configuration.get(company)
        try:
            checked = cls.fetch_reviews(company, now)
        except (ConnectorUnavailableError, ConnectorError) as error:
            # no reminder without knowing the reviews; tried again tomorrow
            logger.warning("reviews of %s not read: %s",
                company.rec_name, error.message)
            checked = False
        with without_check_access():
            due = cls.search([
                    ('company', '=', company.id),
                    ('state', '=', 'planned'),
                    ('planned_date', '<=', today),
                    ], order=[('planned_date', 'ASC'), ('id', 'ASC')])
            if due:
                # another cron process may be sending them: read them again
                cls.lock(due)
                due = [r for r in cls.browse([r.id for r in due])
                    if r.state == 'planned']
            sent = []
            if settings.review_requests:
                for request in due:
                    if not settings.google_place_id:
                        request.state = 'failed'
                        request.failure = gettext(
                            'powder_coating.msg_review_no_place_id')
                    elif request.send_email('request'):
                        request.state = 'sent'
                        request.sent_at = now
                        sent.append(request)
                cls.save(due)
            reminded = []
            if checked and settings.review_requests \
                    and settings.google_place_id:
                to_remind = [r for r in cls.search([
                            ('company', '=', company.id),
                            ('state', '=', 'sent'),
                            ('reminded_at', '=', None),
                            ]) if reminder_due(r.pickup_date,
                        r.sent_at.date() if r.sent_at else None,
                        settings.review_delay, settings.review_reminder,
                        today)]
                if to_remind:
                    cls.lock(to_remind)
                    to_remind = [r for r in cls.browse(
                            [r.id for r in to_remind])
                        if r.state == 'sent' and not r.reminded_at]
                for request in to_remind:
                    if request.send_email('reminder'):
                        request.state = 'reminded'
                        request.reminded_at = now
                        reminded.append(request)
                cls.save(to_remind)
        return sent, reminded

    @classmethod
    def fetch_reviews(cls, company, now):
        """Read the workshop's new reviews, keep them and mark the requests
        they answer as reviewed. Nothing is changed if the service fails."""
        pool = Pool()
        Configuration = pool.get('powder_coating.configuration')
        Review = pool.get('powder_coating.review')
        settings = Configuration.get(company)
        with without_check_access():
            requests = cls.search([
                    ('company', '=', company.id),
                    ('state', 'in', OPEN_STATES),
                    ])
        if not requests or not settings.google_place_id:
            return True
        since = min(r.sent_at for r in requests)
        found = hub.call('review', 'atelier_fetch_reviews', company=company,
            place=settings.google_place_id, since=since,
            asked=[(r.party.name, r.sent_at) for r in requests])
        found = [r for r in found or []
            if r.get('created') and r['created'] <= now]
        with without_check_access():
            known = {r.external_id for r in Review.search([
                        ('company', '=', company.id),
                        ('external_id', 'in',
                            [str(r['id']) for r in found if r.get('id')]),
                        ])}
            found = [r for r in found if str(r.get('id')) not in known]
            if not found:
                return True
            matches = match_reviews(found, [
                    (r.id, r.party.name, r.sent_at) for r in requests])
            reviews = Review.create([{
                        'company': company.id,
                        'external_id': str(r['id']) if r.get('id') else None,
                        'author': r.get('author'),
                        'rating': r.get('rating'),
                        'comment': r.get('comment'),
                        'created': r['created'],
                        } for r in found])
            by_id = {r.id: r for r in requests}
            answered = []
            for index, request_id in matches.items():
                request = by_id[request_id]
                request.state = 'reviewed'
                request.review = reviews[index]
                request.review_seen_at = found[index]['created']
                request.rating = found[index].get('rating')
                answered.append(request)
            cls.save(answered)
        return True

    def send_email(self, kind):
        """Queue the request ('request') or the reminder ('reminder') in the
        client's language; False, with the reason, if it cannot be sent."""
        pool = Pool()
        Configuration = pool.get('powder_coating.configuration')
        Email = pool.get('connector.email')
        address = (self.email or self.party.email or '').strip()
        if not address:
            self.state = 'failed'
            self.failure = gettext('powder_coating.msg_review_no_email')
            return False
        settings = Configuration.get(self.company)
        language = self.party.lang.code if self.party.lang else 'fr'
        message = review_message(self, kind, language,
            review_link(settings.google_place_id))
        message['To'] = address
        self.email = address
        Email.queue(self.company, [message],
            platform=Email.platform_needed(self.company))
        return True


def render_email(values):
    "The HTML of the review email from the MJML template and `values`."
    from jinja2 import Environment, select_autoescape
    environment = Environment(autoescape=select_autoescape(
            default=True, default_for_string=True))
    with open(TEMPLATE, encoding='utf-8') as file:
        template = environment.from_string(file.read())
    return mjml_to_html(template.render(**values))


def review_message(request, kind, language, link):
    "The EmailMessage asking `request`'s client for a review."
    company = request.company
    workshop = company.rec_name
    client = request.party.rec_name
    project = request.project.rec_name

    def _(message_id, **variables):
        with Transaction().set_context(language=language):
            return gettext('powder_coating.msg_review_email_%s' % message_id,
                **variables)

    prefix = 'reminder_' if kind == 'reminder' else ''
    values = {
        'lang': language,
        'workshop': workshop,
        'primary': company.portal_primary_colour or '#1e40af',
        'text_colour': company.portal_text_colour or '#ffffff',
        'title': _(prefix + 'title'),
        'hello': _('hello', client=client),
        'body': _(prefix + 'body', workshop=workshop, project=project),
        'ask': _('ask'),
        'button': _('button'),
        'link': link,
        'fallback': _('fallback'),
        'thanks': _('thanks', workshop=workshop),
        }
    html = render_email(values)
    message = EmailMessage()
    message['Subject'] = _(prefix + 'subject', workshop=workshop)
    message.set_content(html_to_text(html))
    message.add_alternative(html, subtype='html')
    return message


class Review(TenantOwnedMixin, ModelSQL, ModelView):
    "Google Review"
    __name__ = 'powder_coating.review'
    __string__ = "Google Review"

    external_id = fields.Char("Review ID", readonly=True,
        help="The identifier of the review on Google.")
    author = fields.Char("Author", readonly=True,
        help="The name the reviewer shows on Google (empty if anonymous).")
    rating = fields.Integer("Rating", readonly=True,
        help="Stars, 1 to 5.")
    comment = fields.Text("Comment", readonly=True)
    created = fields.DateTime("Written at", readonly=True)
    requests = fields.One2Many('powder_coating.review_request', 'review',
        "Request", readonly=True,
        help="The request this review answers, if it could be matched.")
    matched = fields.Function(fields.Boolean("Matched",
            help="The review answers one of the workshop's requests."),
        'get_matched', searcher='search_matched')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('created', 'DESC'), ('id', 'DESC')]
        t = cls.__table__()
        cls._sql_constraints += [
            ('external_id_unique', Unique(t, t.company, t.external_id),
                'powder_coating.msg_review_unique'),
            ]

    def get_rec_name(self, name):
        return '%s ★%s' % (self.author or '?', self.rating or '?')

    def get_matched(self, name):
        return bool(self.requests)

    @classmethod
    def search_matched(cls, name, clause):
        _, operator, value = clause[:3]
        matched = (operator == '=') == bool(value)
        return [('requests', '!=' if matched else '=', None)]


class Project(metaclass=PoolMeta):
    __name__ = 'powder_coating.project'

    review_requests = fields.One2Many('powder_coating.review_request',
        'project', "Review Requests", readonly=True)

    @classmethod
    def _close(cls, projects, state):
        super()._close(projects, state)
        Pool().get('powder_coating.review_request').plan(projects)


class Setting(metaclass=PoolMeta):
    __name__ = 'connector.setting'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        if 'review' not in dict(cls.capability.selection):
            cls.capability.selection.append(('review', "Google Reviews"))


class Cron(metaclass=PoolMeta):
    __name__ = 'ir.cron'

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.method.selection.append(
            ('powder_coating.review_request|run_cron',
                "Send Review Requests"))
