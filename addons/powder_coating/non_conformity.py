# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Non-conformities: a defect found at a step sends the part back to an
earlier step or to touch-up; the statistics show the rate, the causes,
the powders and finishes involved and the delay caused."""
import datetime as dt

from sql import Cast, Literal
from sql.aggregate import Count, Min, Sum
from sql.conditionals import Coalesce
from sql.functions import Extract

from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.modules.saas.audit import AuditMixin
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import without_check_access
from trytond.wizard import Button, StateTransition, StateView, Wizard

from .tools import stamped


class NonConformity(AuditMixin, TenantOwnedMixin, ModelSQL, ModelView):
    "Non-conformity"
    __name__ = 'powder_coating.non_conformity'
    __string__ = "Non-conformity"
    _audit_fields = {'state', 'corrective_action'}

    part = fields.Many2One('powder_coating.project.part', "Part",
        required=True, readonly=True, ondelete='CASCADE')
    project = fields.Many2One('powder_coating.project', "Project",
        required=True, readonly=True, ondelete='CASCADE')
    step = fields.Many2One('powder_coating.step', "Found at", required=True,
        readonly=True, ondelete='RESTRICT')
    return_step = fields.Many2One('powder_coating.step', "Sent Back to",
        required=True, readonly=True, ondelete='RESTRICT')
    defect_type = fields.Many2One('powder_coating.defect_type',
        "Defect Type", ondelete='RESTRICT',
        domain=[('company', '=', Eval('company', -1))])
    comment = fields.Text("Comment")
    corrective_action = fields.Text("Corrective Action")
    photo = fields.Many2One('powder_coating.photo', "Photo", readonly=True,
        ondelete='SET NULL')
    powder = fields.Many2One('powder_coating.powder', "Powder",
        readonly=True, ondelete='SET NULL')
    declared_by = fields.Many2One('res.user', "Declared by", readonly=True,
        ondelete='SET NULL')
    date = fields.DateTime("Declared on", required=True, readonly=True)
    closed_date = fields.DateTime("Resolved on", readonly=True)
    state = fields.Selection([
            ('open', "To Resolve"),
            ('closed', "Resolved"),
            ], "State", required=True, readonly=True)
    resolved_hours = fields.Float("Resolution Time (h)", readonly=True,
        digits=(16, 1),
        help="Time from the defect to its resolution.")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('date', 'DESC'), ('id', 'DESC')]

    @staticmethod
    def default_state():
        return 'open'

    def get_rec_name(self, name):
        label = self.part.number if self.part else ''
        if self.defect_type:
            label += ' - ' + self.defect_type.name
        return label

    @classmethod
    def resolve(cls, ncs):
        "The part passed the step again: the delay caused is known."
        now = dt.datetime.now()
        for nc in ncs:
            nc.state = 'closed'
            nc.closed_date = now
            nc.resolved_hours = round(
                (now - nc.date).total_seconds() / 3600, 1)
        with without_check_access():
            cls.save(ncs)

    @classmethod
    def declare(cls, part, step, defect_type=None, comment=None,
            corrective_action=None, return_step=None, photo=None,
            uuid=None):
        """Declare a defect found on `part` at `step`: the part goes back
        to `return_step` (the touch-up step or an earlier step)."""
        pool = Pool()
        Step = pool.get('powder_coating.step')
        Part = pool.get('powder_coating.project.part')
        StepLog = pool.get('powder_coating.project.step_log')
        Project = pool.get('powder_coating.project')
        step = Step(int(step))
        return_step = Step(int(return_step)) if return_step else None
        part.check_at_step(step)
        if return_step is None:
            raise UserError(gettext('powder_coating.msg_nc_return_step'))
        if (return_step.company != part.project.company
                or (return_step.kind != 'touch_up'
                    and (return_step.sequence or 0) > (step.sequence or 0))):
            raise UserError(gettext('powder_coating.msg_nc_return_step'))
        if defect_type is not None and int(defect_type) >= 0:
            defect_type = int(defect_type)
        nc, = cls.create([{
                    'company': part.project.company.id,
                    'part': part.id,
                    'project': part.project.id,
                    'step': step.id,
                    'return_step': return_step.id,
                    'defect_type': defect_type,
                    'comment': comment,
                    'corrective_action': corrective_action,
                    'photo': int(photo) if photo else None,
                    'powder': part.powder.id if part.powder else None,
                    }])
        with without_check_access():
            StepLog.create([{
                        'part': part.id,
                        'step': step.id,
                        'kind': 'returned',
                        'non_conformity': nc.id,
                        'uuid': uuid,
                        }])
            part.step = return_step
            Part.save([part])
        Project.update_states([part.project])
        return nc

    @classmethod
    def create(cls, vlist):
        return super().create(stamped(vlist, user='declared_by'))

    @classmethod
    def delete(cls, ncs):
        raise UserError(gettext('powder_coating.msg_nc_no_delete'))


class DeclareStart(ModelView):
    "Declare a Non-conformity"
    __name__ = 'powder_coating.non_conformity.declare.start'
    __string__ = "Declare a Non-conformity"

    part = fields.Many2One('powder_coating.project.part', "Part",
        readonly=True)
    company = fields.Many2One('company.company', "Company", readonly=True)
    step = fields.Many2One('powder_coating.step', "Found at", required=True,
        readonly=True)
    step_sequence = fields.Integer("Step Sequence", readonly=True)
    defect_type = fields.Many2One('powder_coating.defect_type',
        "Defect Type", required=True,
        domain=[('company', '=', Eval('company', -1))])
    comment = fields.Text("Comment")
    corrective_action = fields.Text("Corrective Action")
    return_step = fields.Many2One('powder_coating.step', "Send Back to",
        required=True,
        domain=[
            ('company', '=', Eval('company', -1)),
            ['OR',
                ('kind', '=', 'touch_up'),
                ('sequence', '<=', Eval('step_sequence', 0)),
                ],
            ])
    photo = fields.Binary("Photo", help="A photo of the defect (optional).")


class Declare(Wizard):
    "Declare a Non-conformity"
    __name__ = 'powder_coating.non_conformity.declare'
    start = StateView('powder_coating.non_conformity.declare.start',
        'powder_coating.non_conformity_declare_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Declare", 'declare', 'tryton-ok', default=True),
            ])
    declare = StateTransition()

    def default_start(self, fields):
        Step = Pool().get('powder_coating.step')
        part = self.record
        if not part.step:
            raise UserError(gettext('powder_coating.msg_part_finished_nc',
                    part=part.number))
        company = part.project.company
        return {
            'part': part.id,
            'company': company.id,
            'step': part.step.id,
            'step_sequence': part.step.sequence or 0,
            'return_step': getattr(
                Step.by_kind(company, 'touch_up'), 'id', None),
            }

    def transition_declare(self):
        pool = Pool()
        NonConformity = pool.get('powder_coating.non_conformity')
        Photo = pool.get('powder_coating.photo')
        part = self.record
        photo = None
        if self.start.photo:
            photo = Photo.add(part.project, part, 'defect',
                bytes(self.start.photo))
        NonConformity.declare(part, self.start.step,
            defect_type=self.start.defect_type,
            comment=self.start.comment,
            corrective_action=self.start.corrective_action,
            return_step=self.start.return_step, photo=photo)
        return 'end'


class NonConformityStatistic(TenantOwnedMixin, ModelSQL, ModelView):
    """Non-conformities per defect type and powder: how many, on how many
    parts, and the hours they cost (open ones count until now)."""
    __name__ = 'powder_coating.non_conformity.statistic'
    __string__ = "Non-conformity Statistics"

    defect_type = fields.Many2One('powder_coating.defect_type',
        "Defect Type", readonly=True)
    powder = fields.Many2One('powder_coating.powder', "Powder",
        readonly=True)
    finish = fields.Function(fields.Char("Finish"), 'get_finish')
    count = fields.Integer("Non-conformities", readonly=True)
    parts = fields.Integer("Parts Involved", readonly=True)
    open = fields.Integer("To Resolve", readonly=True)
    delay_hours = fields.Float("Delay Caused (h)", readonly=True,
        digits=(16, 1))

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('count', 'DESC'), ('id', 'DESC')]

    @classmethod
    def table_query(cls):
        NC = Pool().get('powder_coating.non_conformity')
        nc = NC.__table__()
        return nc.select(
            # Each non-conformity is in one group: its smallest id names it.
            Min(nc.id).as_('id'),
            nc.company.as_('company'),
            nc.defect_type.as_('defect_type'),
            nc.powder.as_('powder'),
            Count(nc.id).as_('count'),
            Count(nc.part, distinct=True).as_('parts'),
            (Count(nc.id) - Count(nc.closed_date)).as_('open'),
            Sum(Coalesce(nc.resolved_hours, 0)).as_('delay_hours'),
            Literal(None).as_('create_uid'),
            Literal(None).as_('create_date'),
            Literal(None).as_('write_uid'),
            Literal(None).as_('write_date'),
            group_by=[nc.company, nc.defect_type, nc.powder])

    def get_finish(self, name):
        if not self.powder:
            return ''
        return dict(self.powder.fields_get(['finish'])['finish'][
                'selection']).get(self.powder.finish, '')


class QualityMonth(TenantOwnedMixin, ModelSQL, ModelView):
    """The non-conformity rate per month: parts of the projects opened in
    the month, and how many of them had at least one non-conformity."""
    __name__ = 'powder_coating.quality.month'
    __string__ = "Quality per Month"

    year = fields.Integer("Year", readonly=True)
    month = fields.Integer("Month", readonly=True)
    parts = fields.Integer("Parts", readonly=True)
    nc_parts = fields.Integer("Parts with Non-conformity", readonly=True)
    rate = fields.Function(fields.Float("Non-conformity Rate",
            digits=(16, 4)), 'get_rate')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('year', 'DESC'), ('month', 'DESC'), ('id', 'DESC')]

    @classmethod
    def table_query(cls):
        pool = Pool()
        part = pool.get('powder_coating.project.part').__table__()
        project = pool.get('powder_coating.project').__table__()
        nc = pool.get('powder_coating.non_conformity').__table__()
        # PostgreSQL's EXTRACT gives a numeric: cast to the fields' type.
        year = Cast(Extract('YEAR', project.create_date), 'INTEGER')
        month = Cast(Extract('MONTH', project.create_date), 'INTEGER')
        return part.join(project, condition=part.project == project.id
            ).join(nc, 'LEFT', condition=nc.part == part.id
            ).select(
                # Each part is in one month: the smallest part id names it.
                Min(part.id).as_('id'),
                project.company.as_('company'),
                year.as_('year'),
                month.as_('month'),
                Count(part.id, distinct=True).as_('parts'),
                Count(nc.part, distinct=True).as_('nc_parts'),
                Literal(None).as_('create_uid'),
                Literal(None).as_('create_date'),
                Literal(None).as_('write_uid'),
                Literal(None).as_('write_date'),
                group_by=[project.company, year, month])

    def get_rate(self, name):
        return (self.nc_parts / self.parts) if self.parts else 0.0
