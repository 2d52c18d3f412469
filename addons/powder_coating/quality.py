# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The quality-control checklist answered from the back office for a part
at its quality-control step (the workshop mode answers it too)."""
from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.wizard import Button, StateTransition, StateView, Wizard


class RecordAnswer(ModelView):
    "Quality Control Answer"
    __name__ = 'powder_coating.qc.record.answer'
    __string__ = "Quality Control Answer"

    question = fields.Many2One('powder_coating.qc.question', "Check",
        readonly=True)
    kind = fields.Selection([
            ('pass_fail', "Pass or Fail"),
            ('measure', "Measured Value"),
            ], "Kind", readonly=True)
    limits = fields.Char("Tolerance", readonly=True)
    passed = fields.Boolean("Passed",
        states={'readonly': Eval('kind') != 'pass_fail'})
    # Not required in the form (sao would then refuse the other rows'
    # ticks while it is empty): record_qc refuses a missing answer.
    value = fields.Float("Measured",
        states={'readonly': Eval('kind') != 'measure'})


class RecordStart(ModelView):
    "Quality Control"
    __name__ = 'powder_coating.qc.record.start'
    __string__ = "Quality Control"

    part = fields.Many2One('powder_coating.project.part', "Part",
        readonly=True)
    answers = fields.One2Many('powder_coating.qc.record.answer', None,
        "Checks")


class Record(Wizard):
    "Quality Control"
    __name__ = 'powder_coating.qc.record'
    start = StateView('powder_coating.qc.record.start',
        'powder_coating.qc_record_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Save", 'save_', 'tryton-ok', default=True),
            ])
    save_ = StateTransition()

    def default_start(self, fields):
        Question = Pool().get('powder_coating.qc.question')
        part = self.record
        if not part.step or part.step.kind != 'qc':
            raise UserError(gettext('powder_coating.msg_part_not_at_qc',
                    part=part.number))
        questions = Question.search([
                ('company', '=', part.project.company.id)])
        return {
            'part': part.id,
            'answers': [{
                    'question': q.id,
                    'kind': q.kind,
                    'limits': q.limits,
                    'passed': False,
                    } for q in questions],
            }

    def transition_save_(self):
        Part = Pool().get('powder_coating.project.part')
        answers = {a.question.id: (
                bool(a.passed) if a.kind == 'pass_fail' else None, a.value)
            for a in self.start.answers}
        Part.record_qc(self.record, answers)
        return 'end'
