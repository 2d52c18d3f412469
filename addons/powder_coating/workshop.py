# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The workshop mode's API, called over JSON-RPC by the tablet page as the
signed-in operator (access rights and the company rule apply as in the
back office): today's queue, a part by its label number, the actions done
on the shop floor (possibly hours ago, offline) and the recommended
batches.

Actions carry the tablet's identifier (uuid): an action sent again after a
lost answer is recognised and not applied twice; an action the shop floor
overtook (a step validated meanwhile by someone else) is refused with the
reason, for the operator to review."""
import base64
import binascii
from decimal import Decimal

from trytond.exceptions import UserError, UserWarning
from trytond.i18n import gettext
from trytond.model import Model
from trytond.model.exceptions import AccessError, ValidationError
from trytond.pool import Pool
from trytond.rpc import RPC
from trytond.transaction import Transaction, without_check_access

from .project import queue_order
from .tools import kg_text

QUEUE_LIMIT = 200


def data_uri(data, mimetype='image/webp'):
    if not data:
        return None
    return 'data:%s;base64,%s' % (
        mimetype, base64.b64encode(bytes(data)).decode('ascii'))


class Workshop(Model):
    "Workshop Mode"
    __name__ = 'powder_coating.workshop'
    __string__ = "Workshop Mode"

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__rpc__.update({
                'queue': RPC(),
                'part': RPC(),
                'apply': RPC(readonly=False),
                'recommended_batches': RPC(),
                'weigh_list': RPC(readonly=False),
                })

    @classmethod
    def _company(cls):
        company = Transaction().context.get('company')
        if not company:
            raise UserError(gettext('powder_coating.msg_workshop_no_company'))
        return company

    @classmethod
    def _summary(cls, part):
        "A part as the tablet shows it in a list."
        selection = dict(part.fields_get(['priority'])['priority'][
                'selection'])
        project = part.project
        return {
            'id': part.id,
            'number': part.number,
            'description': part.description,
            'quantity': part.quantity,
            'project': project.number,
            'client': project.party.rec_name,
            'powder': part.powder_label,
            'step': {
                'id': part.step.id,
                'name': part.step.name,
                'kind': part.step.kind,
                } if part.step else None,
            'promised_date': (project.promised_date.isoformat()
                if project.promised_date else None),
            'late': bool(project.late),
            'priority': project.priority,
            'priority_label': selection.get(project.priority, ''),
            'batch': part.batch.number if part.batch else None,
            'thumbnail': cls._thumbnail(part),
            }

    @classmethod
    def _thumbnail(cls, part):
        photos = [p for p in part.photos if not p.purged and p.thumbnail]
        return data_uri(photos[0].thumbnail) if photos else None

    @classmethod
    def queue(cls):
        """Today's queue: the workshop's parts still to work on, the most
        urgent first (priority, then promised date)."""
        pool = Pool()
        Part = pool.get('powder_coating.project.part')
        company = cls._company()
        parts = Part.search([
                ('project.company', '=', company),
                ('step', '!=', None),
                ('step.kind', 'not in', ['delivery']),
                ])
        parts.sort(key=lambda p: queue_order(p.project.priority,
                p.project.promised_date, p.number))
        return [cls._summary(p) for p in parts[:QUEUE_LIMIT]]

    @classmethod
    def _find(cls, number):
        Part = Pool().get('powder_coating.project.part')
        part = Part.find(number)
        if part is None or part.project.company.id != cls._company():
            raise UserError(gettext('powder_coating.msg_workshop_no_part',
                    number=(number or '').strip()))
        return part

    @classmethod
    def part(cls, number):
        "A part opened by its label: its workflow, history and choices."
        pool = Pool()
        Step = pool.get('powder_coating.step')
        Question = pool.get('powder_coating.qc.question')
        Defect = pool.get('powder_coating.defect_type')
        part = cls._find(number)
        company = part.project.company
        steps = Step.workflow(company)
        done = {log.step.id for log in part.step_logs
            if log.kind == 'validated'}
        result = cls._summary(part)
        current = part.step
        result['steps'] = [{
                'id': s.id,
                'name': s.name,
                'kind': s.kind,
                'state': ('current' if current and s.id == current.id
                    else 'done' if s.id in done else 'todo'),
                } for s in steps]
        kinds = dict(part.step_logs[0].fields_get(['kind'])['kind'][
                'selection']) if part.step_logs else {}
        result['history'] = [{
                'step': log.step.name,
                'user': log.user.rec_name if log.user else '',
                'date': log.date.isoformat(timespec='seconds'),
                'kind': log.kind,
                'kind_label': kinds.get(log.kind, log.kind),
                } for log in part.step_logs]
        result['defect_types'] = [{'id': d.id, 'name': d.name}
            for d in Defect.search([('company', '=', company.id)])]
        result['return_steps'] = [{'id': s.id, 'name': s.name}
            for s in steps if current and (s.kind == 'touch_up'
                or (s.sequence or 0) <= (current.sequence or 0))]
        questions = []
        if current and current.kind == 'qc':
            questions = [{
                    'id': q.id,
                    'name': q.name,
                    'kind': q.kind,
                    'minimum': q.minimum,
                    'maximum': q.maximum,
                    'unit': q.unit,
                    } for q in Question.search([
                        ('company', '=', company.id)])]
        result['qc_questions'] = questions
        result['photos'] = [{
                'id': p.id,
                'kind': p.kind,
                'annotation': p.annotation or '',
                'thumbnail': data_uri(p.thumbnail),
                } for p in part.photos if not p.purged]
        return result

    @classmethod
    def recommended_batches(cls):
        "The batches the workshop could launch, most urgent first."
        pool = Pool()
        Batch = pool.get('powder_coating.batch')
        Powder = pool.get('powder_coating.powder')
        result = []
        for r in Batch.recommendations(cls._company()):
            options = [Powder(i).label for i in (r.primer, r.varnish) if i]
            cure = ''
            if r.cure_temperature:
                cure = '%d °C' % r.cure_temperature
                if r.cure_minutes:
                    cure += ' · %d min' % r.cure_minutes
            result.append({
                    'powder': Powder(r.powder).label,
                    'coats': r.coats,
                    'options': ' + '.join(options),
                    'parts': len(r.part_ids),
                    'quantity': r.quantity,
                    'earliest_promised_date': (
                        r.earliest_promised_date.isoformat()
                        if r.earliest_promised_date else None),
                    'powder_kg': float(r.powder_kg),
                    'cure': cure,
                    })
        return result

    @classmethod
    def weigh_list(cls):
        """Today's boxes to weigh (made the first time it is asked for):
        each powder with its boxes and tares, its theoretical stock and
        whether it was weighed."""
        pool = Pool()
        Company = pool.get('company.company')
        Task = pool.get('powder_coating.weigh_task')
        Powder = pool.get('powder_coating.powder')
        company = Company(cls._company())
        tasks = Task.daily_list(company)
        tasks = Task.browse([t.id for t in tasks])
        reasons = dict(Task.fields_get(['reason'])['reason']['selection'])
        powders = list({t.powder for t in tasks})
        stock = Powder.get_stock(powders, ['stock_kg'])['stock_kg']
        result = []
        for task in sorted(tasks, key=lambda t: (t.sequence or 0, t.id)):
            powder = task.powder
            result.append({
                    'task': task.id,
                    'powder': powder.id,
                    'label': powder.label,
                    'name': powder.rec_name,
                    'reason': reasons.get(task.reason, ''),
                    'done': task.weighing is not None,
                    'stock_kg': float(stock[powder.id]),
                    'reliability': (float(powder.reliability)
                        if powder.reliability is not None else None),
                    'formats': [{
                            'id': f.id,
                            'weight': float(f.weight),
                            'tare': (float(f.tare)
                                if f.tare is not None else None),
                            } for f in powder.formats],
                    })
        return result

    @classmethod
    def apply(cls, actions):
        """Apply the shop floor's actions in order, each on its own: one
        refused does not stop the others. Returns one result per action."""
        transaction = Transaction()
        results = []
        for action in actions or []:
            uuid = str((action or {}).get('uuid') or '')[:64]
            if not uuid:
                results.append({'uuid': uuid, 'status': 'refused',
                        'message': gettext(
                            'powder_coating.msg_workshop_bad_action')})
                continue
            if cls._applied(uuid):
                results.append({'uuid': uuid, 'status': 'ok',
                        'message': gettext(
                            'powder_coating.msg_workshop_already_applied')})
                continue
            savepoint = 'workshop_action'
            cursor = transaction.connection.cursor()
            cursor.execute('SAVEPOINT %s' % savepoint)
            try:
                message = cls._apply_one(action, uuid)
            except (UserError, UserWarning, AccessError,
                    ValidationError) as exception:
                cursor.execute('ROLLBACK TO SAVEPOINT %s' % savepoint)
                cls._reset_caches()
                results.append({'uuid': uuid, 'status': 'refused',
                        'message': exception.message})
                continue
            cursor.execute('RELEASE SAVEPOINT %s' % savepoint)
            results.append({'uuid': uuid, 'status': 'ok',
                    'message': message})
        return results

    @classmethod
    def _reset_caches(cls):
        "After a rollback to a savepoint, forget what was read since."
        for cache in Transaction().cache.values():
            cache.clear()

    @classmethod
    def _applied(cls, uuid):
        "Whether an action with this identifier was already applied."
        pool = Pool()
        for name in ['powder_coating.project.step_log',
                'powder_coating.photo', 'powder_coating.weighing']:
            Model_ = pool.get(name)
            with without_check_access():
                if Model_.search([('uuid', '=', uuid)], limit=1):
                    return True
        return False

    @classmethod
    def _apply_one(cls, action, uuid):
        pool = Pool()
        Part = pool.get('powder_coating.project.part')
        Photo = pool.get('powder_coating.photo')
        NonConformity = pool.get('powder_coating.non_conformity')
        Company = pool.get('company.company')
        kind = action.get('type')
        # A read-only workshop (or one without smart stock) is told why.
        Company(cls._company()).check_writable(
            'powder_coating.weighing' if kind == 'weigh' else None)
        if kind == 'weigh':
            return cls._weigh(action, uuid)
        part = cls._find(action.get('part'))
        if kind == 'validate_step':
            step = cls._step(action.get('step'), part)
            Part.validate_steps([part], step, uuid=uuid)
            return gettext('powder_coating.msg_workshop_step_validated',
                part=part.number, step=step.name)
        if kind == 'qc':
            step = cls._step(action.get('step'), part)
            part.check_at_step(step)
            answers = {}
            for answer in action.get('answers') or []:
                value = answer.get('value')
                answers[int(answer.get('question'))] = (
                    answer.get('passed'),
                    float(value) if value not in (None, '') else None)
            nc = Part.record_qc(part, answers, uuid=uuid)
            if nc:
                return gettext('powder_coating.msg_workshop_qc_failed',
                    part=part.number, step=nc.return_step.name)
            return gettext('powder_coating.msg_workshop_qc_passed',
                part=part.number)
        if kind == 'photo':
            Photo.add(part.project, part, action.get('kind') or 'other',
                cls._decode(action.get('data')),
                annotation=action.get('annotation') or None, uuid=uuid)
            return gettext('powder_coating.msg_workshop_photo_added',
                part=part.number)
        if kind == 'non_conformity':
            step = cls._step(action.get('step'), part)
            photo = None
            if action.get('photo'):
                photo = Photo.add(part.project, part, 'defect',
                    cls._decode(action['photo']))
            nc = NonConformity.declare(part, step,
                defect_type=action.get('defect_type'),
                comment=action.get('comment') or None,
                corrective_action=action.get('corrective_action') or None,
                return_step=action.get('return_step'), photo=photo,
                uuid=uuid)
            return gettext('powder_coating.msg_workshop_nc_declared',
                part=part.number, step=nc.return_step.name)
        raise UserError(gettext('powder_coating.msg_workshop_bad_action'))

    @classmethod
    def _weigh(cls, action, uuid):
        "A box weighed on the tablet: {powder, format, gross, sealed_boxes}."
        pool = Pool()
        Powder = pool.get('powder_coating.powder')
        Format = pool.get('powder_coating.powder.format')
        Weighing = pool.get('powder_coating.weighing')
        try:
            powders = Powder.search([
                    ('id', '=', int(action.get('powder'))),
                    ('company', '=', cls._company()),
                    ])
            format = (Format(int(action['format']))
                if action.get('format') else None)
            gross = Decimal(str(action.get('gross')))
            sealed = int(action.get('sealed_boxes') or 0)
        except (TypeError, ValueError, ArithmeticError):
            raise UserError(gettext('powder_coating.msg_workshop_bad_action'))
        if not powders:
            raise UserError(gettext('powder_coating.msg_workshop_bad_action'))
        powder, = powders
        weighing = Weighing.weigh(powder, gross, format=format,
            sealed_boxes=sealed, uuid=uuid)
        return gettext('powder_coating.msg_workshop_weighed',
            powder=powder.label, real=kg_text(weighing.real_kg),
            gap=kg_text(weighing.gap_kg))

    @classmethod
    def _step(cls, step_id, part):
        Step = Pool().get('powder_coating.step')
        try:
            step = Step(int(step_id))
            company = step.company
        except (TypeError, ValueError):
            raise UserError(gettext('powder_coating.msg_workshop_bad_action'))
        if company != part.project.company:
            raise UserError(gettext('powder_coating.msg_workshop_bad_action'))
        return step

    @classmethod
    def _decode(cls, data):
        try:
            return base64.b64decode(data or '', validate=True)
        except (binascii.Error, ValueError, TypeError):
            raise UserError(gettext('powder_coating.msg_photo_not_image'))
