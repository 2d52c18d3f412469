# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""A project: the work on a client's accepted quote, one part per quote
line, followed step by step on the shop floor until delivery.

A part is never lost: it always has a current step (or is finished), every
move is an append-only step log naming who and when, and an action sent
twice (a tablet resending after a lost answer) is applied once."""
import datetime as dt
import hmac
import secrets

from trytond.i18n import gettext
from trytond.model import (
    Index, ModelSQL, ModelView, Unique, Workflow, fields, sequence_ordered)
from trytond.model.exceptions import AccessError
from trytond.exceptions import UserError
from trytond.modules.saas.audit import AuditMixin, audit_button
from trytond.modules.saas.tenant import (
    TenantChildMixin, TenantOwnedMixin, set_company_context)
from trytond.pool import Pool
from trytond.pyson import Eval, If
from trytond.transaction import Transaction, without_check_access

from .tools import local_time, stamped
from .workflow import next_step

PRIORITIES = [
    ('low', "Low"),
    ('normal', "Normal"),
    ('high', "High"),
    ('urgent', "Urgent"),
    ]
PRIORITY_RANK = {'urgent': 0, 'high': 1, 'normal': 2, 'low': 3}
END_USES = [
    (None, ""),
    ('indoor', "Indoor"),
    ('outdoor', "Outdoor"),
    ('seaside', "Seaside or Pool"),
    ('industrial', "Industrial"),
    ('automotive', "Automotive"),
    ('furniture', "Furniture"),
    ]
FINAL_STATES = {'delivered', 'collected'}
# Letters and digits that cannot be mistaken for one another on the phone.
PICKUP_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'


def new_pickup_code(length=6):
    "A short code the workshop gives the client to confirm the pickup."
    return ''.join(secrets.choice(PICKUP_ALPHABET) for _ in range(length))


def normalise_pickup_code(code):
    "The code as typed by the client: spaces, dashes and case ignored."
    return ''.join(c for c in (code or '').upper() if c.isalnum())


def queue_order(priority, promised_date, number):
    "The shop floor's order: most urgent first, then earliest promise."
    return (PRIORITY_RANK.get(priority, 2),
        promised_date or dt.date.max, number or '')


class Project(AuditMixin, TenantOwnedMixin, Workflow, ModelSQL, ModelView):
    "Project"
    __name__ = 'powder_coating.project'
    __string__ = "Project"
    _rec_name = 'number'
    _audit_fields = {'state', 'promised_date', 'priority'}

    number = fields.Char("Number", readonly=True)
    party = fields.Many2One('party.party', "Client", required=True,
        readonly=True, ondelete='RESTRICT',
        domain=[('company', '=', Eval('company', -1))])
    quote = fields.Many2One('powder_coating.quote', "Quote", readonly=True,
        ondelete='RESTRICT')
    drop_off_date = fields.Date("Drop-off Date",
        states={'readonly': Eval('state').in_(list(FINAL_STATES))},
        help="When the client brought the parts.")
    promised_date = fields.Date("Promised Date",
        states={'readonly': Eval('state').in_(list(FINAL_STATES))},
        help="When the parts were promised to the client.")
    end_use = fields.Selection(END_USES, "End Use",
        states={'readonly': Eval('state').in_(list(FINAL_STATES))})
    priority = fields.Selection(PRIORITIES, "Priority", required=True,
        states={'readonly': Eval('state').in_(list(FINAL_STATES))})
    parts = fields.One2Many('powder_coating.project.part', 'project',
        "Parts", readonly=True)
    non_conformities = fields.One2Many('powder_coating.non_conformity',
        'project', "Non-conformities", readonly=True)
    photos = fields.One2Many('powder_coating.photo', 'project', "Photos",
        readonly=True)
    notes = fields.Text("Notes")
    state = fields.Selection([
            ('waiting', "Waiting for Parts"),
            ('in_progress', "In Progress"),
            ('ready', "Ready"),
            ('delivered', "Delivered"),
            ('collected', "Collected"),
            ], "State", readonly=True, required=True, sort=False)
    ready_date = fields.DateTime("Ready since", readonly=True)
    closed_date = fields.DateTime("Closed on", readonly=True)
    late = fields.Function(fields.Boolean("Late",
            help="Past the promised date and not ready yet."),
        'get_late', searcher='search_late')
    progress = fields.Function(fields.Char("Progress"), 'get_progress')
    pickup_code = fields.Char("Pickup Code", readonly=True,
        help="Give it to the client when the parts are ready: typed in "
        "their client space, it confirms the pickup or delivery.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('id', 'DESC')]
        t = cls.__table__()
        cls._sql_indexes.add(Index(t, (t.state, Index.Equality())))
        cls._transitions |= {
            ('waiting', 'in_progress'),
            ('in_progress', 'ready'),
            ('ready', 'in_progress'),
            ('ready', 'delivered'),
            ('ready', 'collected'),
            }
        cls._buttons.update({
                'validate_current_step': {
                    'invisible': ~Eval('state').in_(
                        ['waiting', 'in_progress']),
                    'depends': ['state'],
                    },
                'deliver': {
                    'invisible': Eval('state') != 'ready',
                    'depends': ['state'],
                    },
                'collect': {
                    'invisible': Eval('state') != 'ready',
                    'depends': ['state'],
                    },
                })

    @classmethod
    def __register__(cls, module):
        super().__register__(module)
        # The projects waiting for their client when the pickup code came.
        table = cls.__table__()
        cursor = Transaction().connection.cursor()
        cursor.execute(*table.select(table.id,
                where=(table.state == 'ready')
                & (table.pickup_code == None)))  # noqa: E711
        for project_id, in cursor.fetchall():
            cursor.execute(*table.update([table.pickup_code],
                    [new_pickup_code()], where=table.id == project_id))

    @staticmethod
    def default_state():
        return 'waiting'

    @staticmethod
    def default_priority():
        return 'normal'

    @classmethod
    def view_attributes(cls):
        return super().view_attributes() + [
            ('/tree', 'visual', If(Eval('late', False), 'danger', '')),
            ]

    def get_rec_name(self, name):
        label = self.number or ''
        if self.party:
            label += ' - ' + self.party.rec_name
        return label

    def get_late(self, name):
        today = Pool().get('ir.date').today()
        return bool(self.promised_date and self.promised_date < today
            and self.state in {'waiting', 'in_progress'})

    @classmethod
    def search_late(cls, name, clause):
        today = Pool().get('ir.date').today()
        _, operator, value = clause[:3]
        late = [
            ('promised_date', '<', today),
            ('state', 'in', ['waiting', 'in_progress']),
            ]
        if (operator == '=') == bool(value):
            return late
        return ['OR',
            ('promised_date', '=', None),
            ('promised_date', '>=', today),
            ('state', 'not in', ['waiting', 'in_progress']),
            ]

    def get_progress(self, name):
        "Where the parts are: 'Poudrage 2 · Cuisson 1'."
        counts = {}
        for part in self.parts:
            label = part.step.name if part.step else gettext(
                'powder_coating.msg_part_finished')
            counts[label] = counts.get(label, 0) + 1
        return ' · '.join(f'{k} {v}' for k, v in counts.items())

    @classmethod
    def create_from_quotes(cls, quotes):
        "A project per accepted quote, numbered like it (DEV → PRJ)."
        pool = Pool()
        Date = pool.get('ir.date')
        projects = []
        for quote in quotes:
            number = quote.number or ''
            if number.startswith('DEV'):
                number = 'PRJ' + number[3:]
            projects.append(cls(
                    company=quote.company,
                    number=number,
                    party=quote.party,
                    quote=quote,
                    drop_off_date=Date.today(),
                    parts=[{
                            'description': line.description,
                            'quantity': line.quantity,
                            'surface': line.surface,
                            'length': line.length,
                            'width': line.width,
                            'powder': line.powder.id,
                            'coats': line.coats,
                            'primer': line.primer.id if line.primer else None,
                            'varnish': (line.varnish.id
                                if line.varnish else None),
                            'cure_temperature': line.cure_temperature,
                            'cure_minutes': line.cure_minutes,
                            'quote_line': line.id,
                            } for line in quote.lines]))
        cls.save(projects)
        return projects

    @classmethod
    def create(cls, vlist):
        vlist = [v.copy() for v in vlist]
        for values in vlist:
            if not values.get('pickup_code'):
                values['pickup_code'] = new_pickup_code()
        return super().create(vlist)

    @classmethod
    def copy(cls, projects, default=None):
        default = default.copy() if default is not None else {}
        default.setdefault('pickup_code', None)
        return super().copy(projects, default=default)

    def check_pickup_code(self, code):
        "Whether `code` (as typed by the client) is this project's."
        expected = normalise_pickup_code(self.pickup_code)
        return bool(expected) and hmac.compare_digest(
            expected.encode(), normalise_pickup_code(code).encode())

    @classmethod
    def update_states(cls, projects):
        """Follow the parts: in progress once a step is validated, ready
        when every part is ready (the client is told), back in progress
        when a part is sent back to touch-up."""
        pool = Pool()
        StepLog = pool.get('powder_coating.project.step_log')
        now = dt.datetime.now()
        became_ready = []
        for project in projects:
            if project.state in FINAL_STATES or not project.parts:
                continue
            kinds = {p.step.kind if p.step else 'done' for p in project.parts}
            ready = kinds <= {'delivery', 'done'}
            with without_check_access():
                started = bool(StepLog.search([
                            ('part.project', '=', project.id),
                            ], limit=1))
            if ready and project.state != 'ready':
                project.state = 'ready'
                project.ready_date = now
                became_ready.append(project)
            elif not ready and project.state == 'ready':
                project.state = 'in_progress'
                project.ready_date = None
            elif not ready and started and project.state == 'waiting':
                project.state = 'in_progress'
        with without_check_access():
            cls.save(projects)
        for project in became_ready:
            project.email_ready()
        return became_ready

    def email_ready(self):
        "Tell the client (hook: project_email adds the email)."
        return None

    @classmethod
    @ModelView.button
    @audit_button
    def validate_current_step(cls, projects):
        """Validate, for every part of each project, the step the project
        is at (its least advanced parts'): a whole project moves at once
        from reception to sandblasting, for example."""
        pool = Pool()
        Part = pool.get('powder_coating.project.part')
        for project in projects:
            open_parts = [p for p in project.parts if p.step]
            if not open_parts:
                continue
            earliest = min(open_parts, key=lambda p: (
                    p.step.sequence or 0, p.step.id))
            at_step = [p for p in open_parts if p.step == earliest.step]
            Part.validate_steps(at_step, earliest.step)

    @classmethod
    @ModelView.button
    @audit_button
    def deliver(cls, projects):
        cls._close(projects, 'delivered')

    @classmethod
    @ModelView.button
    @audit_button
    def collect(cls, projects):
        cls._close(projects, 'collected')

    @classmethod
    def _close(cls, projects, state):
        "Delivered by the workshop or collected by the client: final."
        pool = Pool()
        Part = pool.get('powder_coating.project.part')
        for project in projects:
            if project.state != 'ready':
                raise UserError(gettext(
                        'powder_coating.msg_project_not_ready',
                        project=project.rec_name))
            at_delivery = [p for p in project.parts
                if p.step and p.step.kind == 'delivery']
            if at_delivery:
                Part.validate_steps(at_delivery, at_delivery[0].step,
                    update_projects=False)
        cls.write(projects, {
                'state': state,
                'closed_date': dt.datetime.now(),
                })

    def client_documents(self, url):
        """More documents of this project for its client's page, as dicts
        with name and url (`url` makes a portal URL); addons add theirs."""
        return []


class ProjectPart(
        AuditMixin, TenantChildMixin, sequence_ordered(), ModelSQL, ModelView):
    "Project Part"
    __name__ = 'powder_coating.project.part'
    __string__ = "Project Part"
    _rec_name = 'number'
    # The parameters actually used, when they differ from the quote, and
    # where the part is: all in the audit log.
    _audit_fields = {'powder', 'coats', 'primer', 'varnish',
        'cure_temperature', 'cure_minutes', 'step', 'batch'}

    project = fields.Many2One('powder_coating.project', "Project",
        required=True, ondelete='CASCADE')
    company = fields.Many2One('company.company', "Company", required=True,
        readonly=True, ondelete='RESTRICT',
        help="The workshop of the project (labels are numbered per "
        "workshop).")
    number = fields.Char("Number", readonly=True,
        help="Printed on the part's label with its QR code.")
    quote_line = fields.Many2One('powder_coating.quote.line', "Quote Part",
        readonly=True, ondelete='SET NULL')
    description = fields.Char("Part", required=True)
    quantity = fields.Integer("Quantity", required=True,
        domain=[('quantity', '>', 0)])
    surface = fields.Numeric("Surface per Part (m²)", digits=(10, 4))
    length = fields.Numeric("Length (mm)", digits=(10, 1),
        help="For the oven loading plan.")
    width = fields.Numeric("Width (mm)", digits=(10, 1))
    height = fields.Numeric("Height (mm)", digits=(10, 1),
        help="Hanging height (or thickness) of the part.")
    powder = fields.Many2One('powder_coating.powder', "Powder",
        ondelete='RESTRICT',
        domain=[('company', '=', Eval('company', -1))])
    coats = fields.Integer("Coats")
    primer = fields.Many2One('powder_coating.powder', "Primer",
        ondelete='RESTRICT',
        domain=[('company', '=', Eval('company', -1))])
    varnish = fields.Many2One('powder_coating.powder', "Varnish",
        ondelete='RESTRICT',
        domain=[('company', '=', Eval('company', -1))])
    cure_temperature = fields.Integer("Cure Temperature (°C)")
    cure_minutes = fields.Integer("Cure Time (min)")
    step = fields.Many2One('powder_coating.step', "Current Step",
        readonly=True, ondelete='RESTRICT',
        help="The next step to validate; empty once delivered.")
    step_kind = fields.Function(fields.Char("Step Kind"), 'get_step_kind')
    batch = fields.Many2One('powder_coating.batch', "Batch",
        ondelete='SET NULL', readonly=True)
    step_logs = fields.One2Many('powder_coating.project.step_log', 'part',
        "History", readonly=True)
    qc_results = fields.One2Many('powder_coating.qc.result', 'part',
        "Quality Control", readonly=True)
    non_conformities = fields.One2Many('powder_coating.non_conformity',
        'part', "Non-conformities", readonly=True)
    photos = fields.One2Many('powder_coating.photo', 'part', "Photos",
        readonly=True)
    party = fields.Function(fields.Many2One('party.party', "Client"),
        'get_project_field')
    priority = fields.Function(fields.Selection(PRIORITIES, "Priority"),
        'get_project_field')
    promised_date = fields.Function(fields.Date("Promised Date"),
        'get_project_field')
    late = fields.Function(fields.Boolean("Late"), 'get_project_field')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('project')
        set_company_context(cls)
        t = cls.__table__()
        cls._sql_constraints += [
            ('number_unique', Unique(t, t.company, t.number),
                'powder_coating.msg_part_number_unique'),
            ]
        cls._sql_indexes.update({
                Index(t, (t.step, Index.Equality())),
                Index(t, (t.company, Index.Equality()),
                    (t.number, Index.Equality())),
                })
        cls._buttons.update({
                'validate_step': {
                    'invisible': ~Eval('step'),
                    'depends': ['step'],
                    },
                })

    @classmethod
    def view_attributes(cls):
        return super().view_attributes() + [
            ('/tree', 'visual', If(Eval('late', False), 'danger', '')),
            ]

    @classmethod
    def validate(cls, parts):
        super().validate(parts)
        for batch in {p.batch for p in parts if p.batch}:
            batch.check_parts()

    def get_step_kind(self, name):
        return self.step.kind if self.step else None

    def get_project_field(self, name):
        if name == 'party':
            return self.project.party.id
        return getattr(self.project, name)

    def get_rec_name(self, name):
        return f'{self.number or ""} {self.description}'.strip()

    @classmethod
    def search_rec_name(cls, name, clause):
        _, operator, value = clause[:3]
        return ['OR',
            ('number', operator, value),
            ('description', operator, value),
            ]

    @property
    def powder_label(self):
        "RAL 7016 · Brillant · Polyester, as on the label."
        return self.powder.label if self.powder else ''

    @classmethod
    def create(cls, vlist):
        pool = Pool()
        Project = pool.get('powder_coating.project')
        Configuration = pool.get('powder_coating.configuration')
        Step = pool.get('powder_coating.step')
        vlist = [v.copy() for v in vlist]
        for values in vlist:
            project = Project(values['project'])
            company = project.company
            values['company'] = company.id
            if not values.get('number'):
                values['number'] = Configuration.next_part_number(company)
            if 'step' not in values:
                values['step'] = Step.workflow(company)[0].id
        return super().create(vlist)

    @classmethod
    def copy(cls, parts, default=None):
        default = default.copy() if default is not None else {}
        for name in ['number', 'step', 'batch']:
            default.setdefault(name, None)
        return super().copy(parts, default=default)

    @classmethod
    def find(cls, number):
        """The part of the user's workshop with this label number (typed
        or scanned); None if there is none."""
        number = (number or '').strip().upper()
        if not number:
            return None
        company = Transaction().context.get('company')
        parts = cls.search([
                ('company', '=', company),
                ('number', '=', number),
                ], limit=1)
        return parts[0] if parts else None

    @classmethod
    @ModelView.button
    def validate_step(cls, parts):
        "Validate each part's current step (the back office's button)."
        for part in parts:
            cls.validate_steps([part], part.step)

    @classmethod
    def validate_steps(cls, parts, step, uuid=None, batch=None,
            update_projects=True):
        """Validate `step` for `parts` as the current user: each must be
        at that step (otherwise somebody else validated it: refused with
        who and when). A quality-control step is validated by its
        checklist (record_qc). Logs the move and sends each part on."""
        pool = Pool()
        StepLog = pool.get('powder_coating.project.step_log')
        Step = pool.get('powder_coating.step')
        Project = pool.get('powder_coating.project')
        step = Step(int(step))
        for part in parts:
            part.check_at_step(step)
            if step.kind == 'qc' and not Transaction().context.get(
                    '_qc_recorded'):
                raise UserError(gettext('powder_coating.msg_part_qc_needed',
                        part=part.number))
        logs = []
        for part in parts:
            steps = Step.workflow(part.project.company)
            resume = part.open_non_conformity_step() \
                if step.kind == 'touch_up' else None
            following = next_step(steps, step, resume=resume)
            logs.append({
                    'part': part.id,
                    'step': step.id,
                    'kind': 'validated',
                    'uuid': uuid,
                    'batch': batch.id if batch else None,
                    })
            part.step = following
        with without_check_access():
            StepLog.create(logs)
            cls.save(parts)
        cls._close_resolved(parts, step)
        if update_projects:
            Project.update_states(list({p.project for p in parts}))
        return parts

    def check_at_step(self, step):
        "Refuse when the part is not (any more) at `step`."
        pool = Pool()
        StepLog = pool.get('powder_coating.project.step_log')
        lang = pool.get('ir.lang').get()
        if self.step == step:
            return
        with without_check_access():
            logs = StepLog.search([
                    ('part', '=', self.id),
                    ('step', '=', step.id),
                    ('kind', '=', 'validated'),
                    ], order=[('date', 'DESC'), ('id', 'DESC')], limit=1)
        if logs:
            log, = logs
            raise UserError(gettext(
                    'powder_coating.msg_step_already_validated',
                    part=self.number, step=step.name,
                    user=log.user.rec_name if log.user else '',
                    date=lang.strftime(
                        local_time(log.date, self.project.company),
                        '%d/%m/%Y %H:%M')))
        raise UserError(gettext('powder_coating.msg_part_not_at_step',
                part=self.number, step=step.name,
                current=self.step.name if self.step else gettext(
                    'powder_coating.msg_part_finished')))

    def open_non_conformity_step(self):
        "The step where this part's open non-conformity was found."
        for nc in reversed(self.non_conformities):
            if nc.state == 'open':
                return nc.step
        return None

    @classmethod
    def _close_resolved(cls, parts, step):
        """A non-conformity is resolved when its part validates again the
        step where it was found."""
        pool = Pool()
        NonConformity = pool.get('powder_coating.non_conformity')
        with without_check_access():
            ncs = NonConformity.search([
                    ('part', 'in', [p.id for p in parts]),
                    ('step', '=', step.id),
                    ('state', '=', 'open'),
                    ])
            NonConformity.resolve(ncs)

    @classmethod
    def record_qc(cls, part, answers, uuid=None):
        """Record the checklist of a part at its quality-control step:
        every check answered; all passed validates the step, a failed
        check opens a non-conformity and sends the part to touch-up.
        `answers`: {question id: (passed, value)}. Returns the
        non-conformity opened, if any."""
        pool = Pool()
        Question = pool.get('powder_coating.qc.question')
        Result = pool.get('powder_coating.qc.result')
        NonConformity = pool.get('powder_coating.non_conformity')
        Step = pool.get('powder_coating.step')
        company = part.project.company
        step = part.step
        if not step or step.kind != 'qc':
            raise UserError(gettext('powder_coating.msg_part_not_at_qc',
                    part=part.number))
        with without_check_access():
            questions = Question.search([
                    ('company', '=', company.id),
                    ('active', '=', True),
                    ])
        results, failed = [], []
        for question in questions:
            passed, value = answers.get(question.id, (None, None))
            outcome = question.passes(passed=passed, value=value)
            if outcome is None:
                raise UserError(gettext(
                        'powder_coating.msg_qc_unanswered',
                        check=question.name))
            results.append({
                    'part': part.id,
                    'question': question.id,
                    'passed': outcome,
                    'value': value if question.kind == 'measure' else None,
                    })
            if not outcome:
                failed.append(question)
        with without_check_access():
            Result.create(results)
        if not failed:
            with Transaction().set_context(_qc_recorded=True):
                cls.validate_steps([part], step, uuid=uuid)
            return None
        touch_up = Step.by_kind(company, 'touch_up')
        return_step = touch_up or Step.by_kind(company, 'coating')
        comment = '\n'.join(
            q.name + (f' ({answers[q.id][1]:g} {q.unit or ""}, '
                f'{q.limits})' if q.kind == 'measure' else '')
            for q in failed)
        nc = NonConformity.declare(part, step,
            defect_type=next(
                (q.defect_type for q in failed if q.defect_type), None),
            comment=comment, corrective_action=None,
            return_step=return_step, uuid=uuid)
        return nc


class StepLog(TenantChildMixin, ModelSQL, ModelView):
    "Step Validation"
    __name__ = 'powder_coating.project.step_log'
    __string__ = "Step Validation"
    _order_name = 'date'

    part = fields.Many2One('powder_coating.project.part', "Part",
        required=True, readonly=True, ondelete='CASCADE')
    step = fields.Many2One('powder_coating.step', "Step", required=True,
        readonly=True, ondelete='RESTRICT')
    kind = fields.Selection([
            ('validated', "Validated"),
            ('returned', "Sent Back"),
            ], "Kind", required=True, readonly=True)
    user = fields.Many2One('res.user', "By", readonly=True,
        ondelete='SET NULL')
    date = fields.DateTime("Date", required=True, readonly=True)
    batch = fields.Many2One('powder_coating.batch', "Batch", readonly=True,
        ondelete='SET NULL')
    non_conformity = fields.Many2One('powder_coating.non_conformity',
        "Non-conformity", readonly=True, ondelete='SET NULL')
    uuid = fields.Char("Action", readonly=True,
        help="The identifier of the workshop-mode action, so that an "
        "action sent twice is applied once.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('part')
        cls._order = [('date', 'DESC'), ('id', 'DESC')]
        t = cls.__table__()
        cls._sql_indexes.add(Index(t, (t.uuid, Index.Equality())))

    @classmethod
    def create(cls, vlist):
        vlist = stamped(vlist)
        records = super().create(vlist)
        cls._audit(records)
        return records

    @classmethod
    def _audit(cls, logs):
        "Each validation is in the workshop's audit log too."
        AuditLog = Pool().get('saas.audit.log')
        with without_check_access():
            AuditLog.log([{
                        'company': log.part.project.company.id,
                        'model': 'powder_coating.project.part',
                        'record_id': log.part.id,
                        'action': 'button',
                        'field': 'step_' + log.kind,
                        'field_string': log.step.name,
                        'old_value': log.step.name,
                        'new_value': (log.part.step.name
                            if log.part.step else ''),
                        } for log in logs])

    @classmethod
    def write(cls, *args):
        raise AccessError(gettext('powder_coating.msg_step_log_read_only'))

    @classmethod
    def delete(cls, logs):
        if Transaction().user != 0 or Transaction().check_access:
            raise AccessError(gettext(
                    'powder_coating.msg_step_log_read_only'))
        super().delete(logs)


class QCResult(TenantChildMixin, ModelSQL, ModelView):
    "Quality Control Result"
    __name__ = 'powder_coating.qc.result'
    __string__ = "Quality Control Result"

    part = fields.Many2One('powder_coating.project.part', "Part",
        required=True, readonly=True, ondelete='CASCADE')
    question = fields.Many2One('powder_coating.qc.question', "Check",
        required=True, readonly=True, ondelete='RESTRICT')
    passed = fields.Boolean("Passed", readonly=True)
    value = fields.Float("Measured", readonly=True)
    user = fields.Many2One('res.user', "By", readonly=True,
        ondelete='SET NULL')
    date = fields.DateTime("Date", required=True, readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('part')
        cls._order = [('date', 'DESC'), ('id', 'DESC')]

    @classmethod
    def create(cls, vlist):
        vlist = stamped(vlist)
        return super().create(vlist)

    @classmethod
    def write(cls, *args):
        raise AccessError(gettext('powder_coating.msg_step_log_read_only'))
