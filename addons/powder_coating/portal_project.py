# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The client's projects in their space: what needs their attention, each
project's parts, steps and dates, photos, documents, and the pickup.

Routes run as root: every query names the workshop of the URL and the
signed-in client's party; anything else is 404."""
import datetime as dt
from http import HTTPStatus

from werkzeug.exceptions import NotFound

from trytond.modules.saas_portal.routes import route
from trytond.pool import Pool
from trytond.transaction import without_check_access

from .portal import REPORTED_STATES, client_quotes, t

try:
    from .payment_portal import portal_payment_summary
except ImportError:
    portal_payment_summary = None

# The client's words for a project's state.
STATE_MESSAGES = {
    'waiting': 'msg_portal_state_waiting',
    'in_progress': 'msg_portal_state_in_progress',
    'ready': 'msg_portal_state_ready',
    'delivered': 'msg_portal_state_delivered',
    'collected': 'msg_portal_state_collected',
    }
# Tailwind classes of each state's badge.
STATE_TONES = {
    'waiting': 'bg-slate-100 text-slate-700 ring-slate-300',
    'in_progress': 'bg-sky-50 text-sky-800 ring-sky-200',
    'ready': 'bg-emerald-50 text-emerald-800 ring-emerald-200',
    'delivered': 'bg-slate-100 text-slate-700 ring-slate-300',
    'collected': 'bg-slate-100 text-slate-700 ring-slate-300',
    }
# Photos a client sees (a defect photo is the workshop's working record).
CLIENT_PHOTO_KINDS = ['before', 'after', 'other']
PHOTO_SIZES = {'thumbnail': 'thumbnail', 'large': 'large'}
PICKUP_MAX_ATTEMPTS = 5
FINISHED_STATES = {'delivered', 'collected'}
PICKUP_KINDS = {'collected': 'collect', 'delivered': 'deliver'}


def photo_level(setting, consent):
    """What the client may see of their photos: 'none', 'thumbnail' or
    'high' (high quality needs the workshop's setting and the consent)."""
    if setting == 'high':
        return 'high' if consent else 'thumbnail'
    if setting == 'thumbnail':
        return 'thumbnail'
    return 'none'


def step_timeline(steps, current, validations):
    """The project's steps for the client, in order.

    `steps`: [(step id, name, kind)] of the workshop's workflow;
    `current`: {part id: its current step id, None once finished};
    `validations`: [(part id, step id, date)].
    Returns [{'name', 'status' (done, current, todo), 'date'}]: a step is
    done when every part passed it, current while a part is at it; the
    touch-up step appears only when a part went through it."""
    parts = set(current)
    at_step = {}
    for part, step in current.items():
        if step is not None:
            at_step.setdefault(step, set()).add(part)
    passed, last = {}, {}
    for part, step, date in validations:
        passed.setdefault(step, set()).add(part)
        if date and (step not in last or date > last[step]):
            last[step] = date
    timeline = []
    for step, name, kind in steps:
        if step in at_step:
            status = 'current'
        elif parts and parts <= passed.get(step, set()):
            status = 'done'
        else:
            status = 'todo'
        if kind == 'touch_up' and status == 'todo' and step not in passed:
            continue
        timeline.append({
                'name': name,
                'status': status,
                'date': last.get(step) if status != 'todo' else None,
                })
    return timeline


def client_projects_all(company, party, ids=None):
    """Every project of `party` at `company`, newest first: the only query
    the client's space makes on projects (always both filters)."""
    Project = Pool().get('powder_coating.project')
    domain = [
        ('company', '=', int(company)),
        ('party', '=', int(party)),
        ]
    if ids is not None:
        domain.append(('id', 'in', list(ids)))
    with without_check_access():
        return Project.search(domain, order=[('id', 'DESC')])


def client_project(page, project_id):
    "The signed-in client's project `project_id` at this workshop, or 404."
    projects = client_projects_all(page.company, page.user.party,
        ids=[project_id])
    if not projects:
        raise NotFound()
    return projects[0]


def has_powder_coating(page):
    try:
        page.pool.get('powder_coating.project')
    except KeyError:
        return False
    return True


def settings_of(company):
    Configuration = Pool().get('powder_coating.configuration')
    return Configuration.get(company)


def client_photo_level(company, party):
    settings = settings_of(company)
    setting = getattr(settings, 'portal_photos', None) or 'thumbnail'
    return photo_level(setting, party.photo_consent)


def client_photos(company, party, project=None, ids=None):
    """The photos of the client's projects they may see (not purged, not a
    defect record); always filtered by workshop and client."""
    Photo = Pool().get('powder_coating.photo')
    domain = [
        ('company', '=', int(company)),
        ('project.company', '=', int(company)),
        ('project.party', '=', int(party)),
        ('kind', 'in', CLIENT_PHOTO_KINDS),
        ('purged', '!=', True),
        ]
    if project is not None:
        domain.append(('project', '=', int(project)))
    if ids is not None:
        domain.append(('id', 'in', list(ids)))
    with without_check_access():
        return Photo.search(domain, order=[('date', 'ASC'), ('id', 'ASC')])


def formatter(page):
    "Dates and amounts in the page's language (« 1 234,56 € »)."
    Lang = page.pool.get('ir.lang')
    lang = Lang.get(page.language)
    currency = page.company.currency

    def date(value):
        if not value:
            return ''
        if isinstance(value, dt.datetime):
            value = value.date()
        return lang.strftime(value, '%d/%m/%Y' if page.language == 'fr'
            else '%m/%d/%Y')

    def money(value):
        if value is None:
            return ''
        return lang.currency(value, currency, grouping=True)

    def number(value, digits=2):
        if value is None:
            return ''
        return lang.format('%.*f', (digits, value), grouping=True)
    return {'format_date': date, 'format_money': money,
        'format_number': number}


def payment_summary(project):
    "The payments block's figures, when the payments addon part is there."
    if portal_payment_summary is None:
        return None
    try:
        return portal_payment_summary(project)
    except Exception:
        return None


def balance_due(summary):
    "The amount the client still has to pay, from the payments summary."
    if not summary:
        return None
    value = (summary.get('balance') if isinstance(summary, dict)
        else getattr(summary, 'balance', None))
    try:
        return value if value and value > 0 else None
    except TypeError:
        return None


def attention(page, projects, quotes):
    """What needs the client first: quotes to sign, payments due, parts
    ready to collect."""
    Date = page.pool.get('ir.date')
    today = Date.today()
    fmt = formatter(page)
    items = []
    for quote in quotes:
        if quote.state == 'sent' and not (
                quote.validity_date and quote.validity_date < today):
            items.append({
                    'kind': 'sign',
                    'title': t('msg_portal_attention_sign',
                        number=quote.number),
                    'text': t('msg_portal_attention_sign_text',
                        amount=fmt['format_money'](
                            quote.total_amount_cache
                            if quote.total_amount_cache is not None
                            else quote.total_amount),
                        date=fmt['format_date'](quote.validity_date)),
                    'url': page.url(f'quotes/{quote.id}/sign'),
                    'action': t('msg_portal_attention_sign_action'),
                    })
    # The payments of the projects under way (a finished project's balance
    # is on its page): a few summaries, not one per project ever made.
    for project in projects:
        if project.state in FINISHED_STATES:
            continue
        due = balance_due(payment_summary(project))
        if due:
            items.append({
                    'kind': 'pay',
                    'title': t('msg_portal_attention_pay',
                        number=project.number),
                    'text': t('msg_portal_attention_pay_text',
                        amount=fmt['format_money'](due)),
                    'url': page.url(f'projects/{project.id}') + '#payments',
                    'action': t('msg_portal_attention_pay_action'),
                    })
    for project in projects:
        if project.state == 'ready':
            items.append({
                    'kind': 'collect',
                    'title': t('msg_portal_attention_collect',
                        number=project.number),
                    'text': t('msg_portal_attention_collect_text'),
                    'url': page.url(f'projects/{project.id}') + '#pickup',
                    'action': t('msg_portal_attention_collect_action'),
                    })
    return items


def gate(page):
    "Where to send a visitor who may not see the page yet, else None."
    from trytond.modules.saas_portal.routes import pending_consents
    if not page.user:
        return page.redirect('login')
    if not has_powder_coating(page):
        raise NotFound()
    if pending_consents(page):
        return page.redirect('consents')
    return None


def project_card(page, project, fmt, states):
    "What the list shows of a project."
    parts = project.parts
    finished = [p for p in parts if not p.step
        or p.step.kind in {'ready', 'delivery'}]
    return {
        'id': project.id,
        'number': project.number,
        'state': project.state,
        'state_text': t(STATE_MESSAGES[project.state]),
        'tone': STATE_TONES[project.state],
        'parts': len(parts),
        'pieces': sum(p.quantity or 0 for p in parts),
        'parts_text': ', '.join(p.description for p in parts[:3])
        + ('…' if len(parts) > 3 else ''),
        'progress': (100 * len(finished) // len(parts)) if parts else 0,
        'promised': fmt['format_date'](project.promised_date),
        'ready': fmt['format_date'](project.ready_date),
        'closed': fmt['format_date'](project.closed_date),
        'url': page.url(f'projects/{project.id}'),
        }


@route('projects')
def projects(page):
    "The client's projects at this workshop, what needs them first."
    redirect = gate(page)
    if redirect:
        return redirect
    party = page.user.party
    fmt = formatter(page)
    found = client_projects_all(page.company, party)
    quotes = client_quotes(page.company, party)
    cards = [project_card(page, p, fmt, None) for p in found]
    return page.render('projects.html', current='projects', t=t,
        projects=[c for c in cards if c['state'] not in FINISHED_STATES],
        finished=[c for c in cards if c['state'] in FINISHED_STATES],
        attention=attention(page, found, quotes), **fmt)


def project_values(page, project):
    "Everything the project page shows, read once."
    pool = page.pool
    Step = pool.get('powder_coating.step')
    StepLog = pool.get('powder_coating.project.step_log')
    party = page.user.party
    fmt = formatter(page)
    steps = [(s.id, s.name, s.kind) for s in Step.workflow(page.company)]
    with without_check_access():
        logs = StepLog.search([
                ('part.project', '=', project.id),
                ('kind', '=', 'validated'),
                ])
    timeline = step_timeline(steps,
        {p.id: (p.step.id if p.step else None) for p in project.parts},
        [(log.part.id, log.step.id, log.date) for log in logs])
    level = client_photo_level(page.company, party)
    photos = client_photos(page.company, party, project=project) \
        if level != 'none' else []
    quote = project.quote
    documents = []
    if quote and quote.state in {'sent', 'accepted', 'refused', 'expired'}:
        documents.append({
                'name': t('msg_portal_document_quote', number=quote.number),
                'url': page.url(f'quotes/{quote.id}.pdf'),
                })
    if project.state in REPORTED_STATES:
        documents.append({
                'name': t('msg_portal_document_report',
                    number=project.number),
                'url': page.url(f'projects/{project.id}.pdf'),
                })
    documents.extend(project.client_documents(page.url))
    settings = settings_of(page.company)
    return dict(fmt,
        t=t,
        current='projects',
        project=project,
        card=project_card(page, project, fmt, None),
        parts=project.parts,
        timeline=timeline,
        photos=photos,
        photo_level=level,
        photo_setting=getattr(settings, 'portal_photos', None),
        consent=party.photo_consent,
        consent_date=fmt['format_date'](party.photo_consent_date),
        documents=documents,
        quote=quote,
        payments=payment_summary(project),
        signed=page.request.args.get('done') == 'signed',
        picked=page.request.args.get('done') == 'pickup',
        )


@route('projects/<int:project_id>')
def project(page, project_id):
    "One of the client's projects: parts, steps, photos, documents."
    redirect = gate(page)
    if redirect:
        return redirect
    record = client_project(page, project_id)
    return page.render('project.html', **project_values(page, record))


@route('projects/<int:project_id>/pickup', methods=['POST'], readonly=False)
def pickup(page, project_id):
    """The client confirms they collected (or received) their parts, with
    the button or the code the workshop gave; a wrong code changes
    nothing and the attempts are limited."""
    pool = page.pool
    Project = pool.get('powder_coating.project') \
        if has_powder_coating(page) else None
    if not page.user:
        return page.redirect('login')
    if Project is None:
        raise NotFound()
    record = client_project(page, project_id)
    if not page.csrf_ok():
        return page.refuse_csrf()
    Attempt = pool.get('web.user.authenticate.attempt')
    form = page.request.form
    kind = form.get('kind') or 'collected'
    code = (form.get('code') or '').strip()

    def again(status, error):
        values = project_values(page, record)
        return page.render('project.html', status=status,
            pickup_error=error, **values)
    if kind not in PICKUP_KINDS:
        return again(HTTPStatus.BAD_REQUEST, t('msg_portal_pickup_kind'))
    if record.state != 'ready':
        return again(HTTPStatus.CONFLICT, t('msg_portal_pickup_not_ready'))
    if form.get('method') == 'code':
        key = f'pickup:{page.company.id}:{page.user.party.id}'
        if Attempt.count(key) >= PICKUP_MAX_ATTEMPTS:
            return again(HTTPStatus.TOO_MANY_REQUESTS,
                t('msg_portal_pickup_rate_limited'))
        if not record.check_pickup_code(code):
            Attempt.add(key)
            return again(HTTPStatus.BAD_REQUEST,
                t('msg_portal_pickup_wrong_code'))
        Attempt.remove(key)
    with without_check_access():
        getattr(Project, PICKUP_KINDS[kind])([record])
    return page.redirect(f'projects/{record.id}', done='pickup')


@route('photos/<int:photo_id>/<size>')
def photo(page, photo_id, size):
    """A photo of one of the client's projects, in the size their workshop
    and their consent allow; anything else: 404."""
    if not page.user or not has_powder_coating(page):
        raise NotFound()
    if size not in PHOTO_SIZES:
        raise NotFound()
    party = page.user.party
    level = client_photo_level(page.company, party)
    if level == 'none' or (size == 'large' and level != 'high'):
        raise NotFound()
    photos = client_photos(page.company, party, ids=[photo_id])
    if not photos:
        raise NotFound()
    record, = photos
    with without_check_access():
        data = getattr(record, PHOTO_SIZES[size])
    if not data:
        raise NotFound()
    from trytond.modules.saas_portal.routes import file_response
    response = file_response(
        bytes(data), 'image/webp', 'private, max-age=3600')
    response.headers['Content-Security-Policy'] = "default-src 'none'"
    return response


@route('photo-consent', methods=['POST'], readonly=False)
def photo_consent(page):
    "The client agrees (or no more) to see their photos in high quality."
    redirect = gate(page)
    if redirect:
        return redirect
    if not page.csrf_ok():
        return page.refuse_csrf()
    Party = page.pool.get('party.party')
    Party.set_photo_consent(page.user.party,
        page.request.form.get('consent') == 'on',
        ip_address=page.request.remote_addr)
    back = page.request.form.get('project') or ''
    if back.isdigit():
        record = client_project(page, int(back))
        return page.redirect(f'projects/{record.id}')
    return page.redirect('projects')
