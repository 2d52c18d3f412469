# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Batches: parts cured together, always of one identical powder.

A batch is drafted (from a recommendation or by hand), launched (its parts'
coating step is validated) and closed (their curing step is validated)."""
import datetime as dt

from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Workflow, fields
from trytond.modules.saas.audit import AuditMixin, audit_button
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction
from trytond.wizard import Button, StateTransition, StateView, Wizard

from . import batching

# Parts read at once for the recommendations: SQLite changes its plan for
# the access rule's join above about a thousand ids (bench/batch.py).
RECOMMEND_CHUNK = 1000


def open_part(part):
    "The part as the pure grouping functions take it."
    powder = part.powder
    return batching.OpenPart(
        id=part.id,
        powder=powder.id if powder else None,
        coats=part.coats or 1,
        primer=part.primer.id if part.primer else None,
        varnish=part.varnish.id if part.varnish else None,
        cure_temperature=part.cure_temperature,
        cure_minutes=part.cure_minutes,
        quantity=part.quantity or 1,
        surface=part.surface,
        coverage=powder.coverage if powder else None,
        promised_date=part.project.promised_date)


class Batch(AuditMixin, TenantOwnedMixin, Workflow, ModelSQL, ModelView):
    "Batch"
    __name__ = 'powder_coating.batch'
    __string__ = "Batch"
    _rec_name = 'number'
    _audit_fields = {'state', 'powder', 'cure_temperature', 'cure_minutes'}

    number = fields.Char("Number", readonly=True)
    powder = fields.Many2One('powder_coating.powder', "Powder",
        required=True, ondelete='RESTRICT',
        domain=[('company', '=', Eval('company', -1))],
        states={'readonly': Eval('state') != 'draft'})
    coats = fields.Integer("Coats", required=True,
        states={'readonly': Eval('state') != 'draft'})
    primer = fields.Many2One('powder_coating.powder', "Primer",
        ondelete='RESTRICT',
        domain=[('company', '=', Eval('company', -1))],
        states={'readonly': Eval('state') != 'draft'})
    varnish = fields.Many2One('powder_coating.powder', "Varnish",
        ondelete='RESTRICT',
        domain=[('company', '=', Eval('company', -1))],
        states={'readonly': Eval('state') != 'draft'})
    cure_temperature = fields.Integer("Cure Temperature (°C)",
        states={'readonly': Eval('state') == 'closed'})
    cure_minutes = fields.Integer("Cure Time (min)",
        states={'readonly': Eval('state') == 'closed'})
    parts = fields.One2Many('powder_coating.project.part', 'batch', "Parts",
        add_remove=[
            ('project.company', '=', Eval('company', -1)),
            ('step', '!=', None),
            ],
        states={'readonly': Eval('state') != 'draft'})
    state = fields.Selection([
            ('draft', "Draft"),
            ('launched', "Launched"),
            ('closed', "Closed"),
            ], "State", readonly=True, required=True, sort=False)
    launched_date = fields.DateTime("Launched on", readonly=True)
    closed_date = fields.DateTime("Closed on", readonly=True)
    quantity = fields.Function(fields.Integer("Units"), 'get_summary')
    earliest_promised_date = fields.Function(
        fields.Date("Earliest Promised Date"), 'get_summary')
    powder_kg = fields.Function(fields.Numeric("Powder (kg)",
            digits=(16, 2)), 'get_summary')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('id', 'DESC')]
        cls._transitions |= {
            ('draft', 'launched'),
            ('launched', 'closed'),
            }
        cls._buttons.update({
                'launch': {
                    'invisible': Eval('state') != 'draft',
                    'depends': ['state'],
                    },
                'close': {
                    'invisible': Eval('state') != 'launched',
                    'depends': ['state'],
                    },
                })

    @staticmethod
    def default_state():
        return 'draft'

    @staticmethod
    def default_coats():
        return 1

    def get_rec_name(self, name):
        label = self.number or ''
        if self.powder:
            label += ' - ' + self.powder.label
        return label

    @classmethod
    def get_summary(cls, batches, names):
        result = {n: {} for n in names}
        for batch in batches:
            parts = [open_part(p) for p in batch.parts]
            dates = [p.promised_date for p in parts if p.promised_date]
            values = {
                'quantity': sum(p.quantity for p in parts),
                'earliest_promised_date': min(dates) if dates else None,
                'powder_kg': batching.powder_kg(parts),
                }
            for name in names:
                result[name][batch.id] = values[name]
        return result

    @classmethod
    def create(cls, vlist):
        Configuration = Pool().get('powder_coating.configuration')
        vlist = [dict(v) for v in vlist]
        for values in vlist:
            if not values.get('number'):
                company = values.get('company') or cls.default_company()
                values['number'] = Configuration.next_batch_number(company)
        return super().create(vlist)

    @classmethod
    def validate(cls, batches):
        super().validate(batches)
        for batch in batches:
            batch.check_parts()

    def check_parts(self):
        """A batch never mixes two powders: every part has the batch's
        powder, coats, primer, varnish and a compatible cure."""
        reference = batching.OpenPart(
            id=None, powder=self.powder.id, coats=self.coats or 1,
            primer=self.primer.id if self.primer else None,
            varnish=self.varnish.id if self.varnish else None,
            cure_temperature=self.cure_temperature,
            cure_minutes=self.cure_minutes,
            quantity=0, surface=None, coverage=None, promised_date=None)
        for part in self.parts:
            reason = batching.mismatch(reference, open_part(part))
            if reason:
                raise UserError(gettext(
                        'powder_coating.msg_batch_mixed_' + reason,
                        part=part.number,
                        part_powder=part.powder.label if part.powder else '',
                        batch=self.number or '',
                        batch_powder=self.powder.label))

    @classmethod
    @ModelView.button
    @audit_button
    def launch(cls, batches):
        cls._launch(batches)

    @classmethod
    @Workflow.transition('launched')
    def _launch(cls, batches):
        """Launch: every part must be at the coating step, which is
        validated for all of them."""
        pool = Pool()
        Part = pool.get('powder_coating.project.part')
        Step = pool.get('powder_coating.step')
        for batch in batches:
            if not batch.parts:
                raise UserError(gettext('powder_coating.msg_batch_empty',
                        batch=batch.number))
            coating = Step.by_kind(batch.company, 'coating')
            late = [p for p in batch.parts if p.step != coating]
            if late:
                raise UserError(gettext(
                        'powder_coating.msg_batch_parts_not_ready',
                        batch=batch.number, step=coating.name,
                        parts=', '.join('%s (%s)' % (p.number,
                                p.step.name if p.step else '-')
                            for p in late)))
            Part.validate_steps(list(batch.parts), coating, batch=batch)
        cls.write(batches, {'launched_date': dt.datetime.now()})

    @classmethod
    @ModelView.button
    @audit_button
    def close(cls, batches):
        cls._close(batches)

    @classmethod
    @Workflow.transition('closed')
    def _close(cls, batches):
        "Close: the curing step of the parts still in the oven is validated."
        pool = Pool()
        Part = pool.get('powder_coating.project.part')
        Step = pool.get('powder_coating.step')
        for batch in batches:
            curing = Step.by_kind(batch.company, 'curing')
            in_oven = [p for p in batch.parts if p.step == curing]
            if in_oven:
                Part.validate_steps(in_oven, curing, batch=batch)
        cls.write(batches, {'closed_date': dt.datetime.now()})

    @classmethod
    def open_parts(cls, company):
        """The ids of the parts waiting for a batch: not in one, not yet
        coated (their current step comes before curing)."""
        pool = Pool()
        Part = pool.get('powder_coating.project.part')
        Step = pool.get('powder_coating.step')
        steps = Step.workflow(company)
        before = []
        for step in steps:
            if step.kind in {'curing', 'qc', 'ready', 'delivery'}:
                break
            if step.kind != 'touch_up':
                before.append(step.id)
        # The ids only: browsing thousands of records at once is slow.
        query = Part.search([
                ('company', '=', int(company)),
                ('batch', '=', None),
                ('step', 'in', before),
                ('powder', '!=', None),
                ], order=[], query=True)
        cursor = Transaction().connection.cursor()
        cursor.execute(*query)
        return [row[0] for row in cursor]

    @classmethod
    def read_open_parts(cls, ids):
        """The parts `ids` as the grouping takes them, read in chunks (not
        browsed one by one: 10 000 parts take about a second)."""
        Part = Pool().get('powder_coating.project.part')
        names = ['powder', 'coats', 'primer', 'varnish',
            'cure_temperature', 'cure_minutes', 'quantity', 'surface',
            'project.promised_date', 'powder.coverage']
        parts = []
        for index in range(0, len(ids), RECOMMEND_CHUNK):
            for row in Part.read(ids[index:index + RECOMMEND_CHUNK], names):
                parts.append(batching.OpenPart(
                        id=row['id'],
                        powder=row['powder'],
                        coats=row['coats'] or 1,
                        primer=row['primer'],
                        varnish=row['varnish'],
                        cure_temperature=row['cure_temperature'],
                        cure_minutes=row['cure_minutes'],
                        quantity=row['quantity'] or 1,
                        surface=row['surface'],
                        coverage=(row['powder.'] or {}).get('coverage'),
                        promised_date=(row['project.'] or {}).get(
                            'promised_date')))
        return parts

    @classmethod
    def recommendations(cls, company):
        "The recommended batches of the workshop, most urgent first."
        return batching.recommend(
            cls.read_open_parts(cls.open_parts(company)))

    @classmethod
    def create_from_recommendations(cls, company, recommendations):
        "Draft a batch per recommendation."
        batches = cls.create([{
                    'company': int(company),
                    'powder': r.powder,
                    'coats': r.coats,
                    'primer': r.primer,
                    'varnish': r.varnish,
                    'cure_temperature': r.cure_temperature,
                    'cure_minutes': r.cure_minutes,
                    'parts': [('add', list(r.part_ids))],
                    } for r in recommendations])
        return batches


class RecommendationLine(ModelView):
    "Recommended Batch"
    __name__ = 'powder_coating.batch.recommendation'
    __string__ = "Recommended Batch"

    selected = fields.Boolean("Create")
    powder = fields.Many2One('powder_coating.powder', "Powder",
        readonly=True)
    coats = fields.Integer("Coats", readonly=True)
    primer = fields.Many2One('powder_coating.powder', "Primer",
        readonly=True)
    varnish = fields.Many2One('powder_coating.powder', "Varnish",
        readonly=True)
    cure_temperature = fields.Integer("Cure (°C)", readonly=True)
    cure_minutes = fields.Integer("Cure (min)", readonly=True)
    parts = fields.Many2Many('powder_coating.project.part', None, None,
        "Parts", readonly=True)
    part_count = fields.Integer("Parts", readonly=True)
    quantity = fields.Integer("Units", readonly=True)
    earliest_promised_date = fields.Date("Earliest Promised Date",
        readonly=True)
    powder_kg = fields.Numeric("Powder (kg)", digits=(16, 2), readonly=True)


class RecommendStart(ModelView):
    "Recommended Batches"
    __name__ = 'powder_coating.batch.recommend.start'
    __string__ = "Recommended Batches"

    recommendations = fields.One2Many('powder_coating.batch.recommendation',
        None, "Recommended Batches")


class Recommend(Wizard):
    "Recommended Batches"
    __name__ = 'powder_coating.batch.recommend'
    start = StateView('powder_coating.batch.recommend.start',
        'powder_coating.batch_recommend_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Create the Selected Batches", 'create_', 'tryton-ok',
                default=True),
            ])
    create_ = StateTransition()

    def default_start(self, fields):
        Batch = Pool().get('powder_coating.batch')
        company = Transaction().context.get('company')
        if not company:
            return {'recommendations': []}
        return {
            'recommendations': [{
                    'selected': False,
                    'powder': r.powder,
                    'coats': r.coats,
                    'primer': r.primer,
                    'varnish': r.varnish,
                    'cure_temperature': r.cure_temperature,
                    'cure_minutes': r.cure_minutes,
                    'parts': list(r.part_ids),
                    'part_count': len(r.part_ids),
                    'quantity': r.quantity,
                    'earliest_promised_date': r.earliest_promised_date,
                    'powder_kg': r.powder_kg,
                    } for r in Batch.recommendations(company)],
            }

    def transition_create_(self):
        Batch = Pool().get('powder_coating.batch')
        company = Transaction().context.get('company')
        chosen = [batching.Recommendation(
                powder=line.powder.id, coats=line.coats,
                primer=line.primer.id if line.primer else None,
                varnish=line.varnish.id if line.varnish else None,
                cure_temperature=line.cure_temperature,
                cure_minutes=line.cure_minutes,
                part_ids=[p.id for p in line.parts],
                quantity=line.quantity,
                earliest_promised_date=line.earliest_promised_date,
                powder_kg=line.powder_kg)
            for line in self.start.recommendations if line.selected]
        if not chosen:
            raise UserError(gettext('powder_coating.msg_batch_none_selected'))
        Batch.create_from_recommendations(company, chosen)
        return 'end'
