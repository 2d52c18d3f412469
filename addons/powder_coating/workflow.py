# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""A workshop's own workflow: the ordered steps a part goes through, the
quality-control checklist and the list of defect types."""
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields, sequence_ordered
from trytond.model.exceptions import ValidationError
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.pyson import Eval
from trytond.transaction import Transaction, without_check_access

STEP_KINDS = [
    ('reception', "Reception"),
    ('preparation', "Preparation"),
    ('coating', "Coating"),
    ('curing', "Curing"),
    ('qc', "Quality Control"),
    ('touch_up', "Touch-up"),
    ('ready', "Ready"),
    ('delivery', "Delivery"),
    ('other', "Other"),
    ]
# Kinds the flow relies on: a workflow has each at most once.
SINGLE_KINDS = {'coating', 'curing', 'qc', 'touch_up', 'ready', 'delivery'}
# Kinds every workflow needs.
REQUIRED_KINDS = {'coating', 'curing', 'ready', 'delivery'}

# The workflow, checklist and defects a new workshop starts with (French
# names: they are the workshop's own data, which it renames at will).
DEFAULT_STEPS = [
    ("Réception", 'reception'),
    ("Sablage", 'preparation'),
    ("Masquage", 'preparation'),
    ("Poudrage", 'coating'),
    ("Cuisson", 'curing'),
    ("Contrôle qualité", 'qc'),
    ("Retouche", 'touch_up'),
    ("Prêt", 'ready'),
    ("Livré", 'delivery'),
    ]
# (check, kind, minimum, maximum, unit, defect type when it fails)
DEFAULT_QUESTIONS = [
    ("Aspect visuel (coulures, manques, inclusions)", 'pass_fail',
        None, None, None, "Coulure"),
    ("Épaisseur du film", 'measure', 60, 120, "µm",
        "Épaisseur hors tolérance"),
    ("Adhérence (quadrillage)", 'pass_fail', None, None, None,
        "Mauvaise adhérence"),
    ("Teinte conforme au nuancier", 'pass_fail', None, None, None,
        "Teinte ou brillance non conforme"),
    ]
DEFAULT_DEFECTS = [
    "Manque de poudre", "Coulure", "Inclusion / grain", "Dégazage (piqûres)",
    "Épaisseur hors tolérance", "Mauvaise adhérence",
    "Teinte ou brillance non conforme", "Choc / rayure",
    ]


def next_step(steps, current, resume=None):
    """The step after `current` in the ordered `steps` (records with a
    `kind`): the touch-up step is only reached by a non-conformity, and
    after it the part resumes at `resume` (the step where the defect was
    found). None when `current` is the last step."""
    if current.kind == 'touch_up' and resume is not None:
        return resume
    ids = [s.id for s in steps]
    index = ids.index(current.id) if current.id in ids else -1
    for step in steps[index + 1:]:
        if step.kind != 'touch_up':
            return step
    return None


class Step(TenantOwnedMixin, sequence_ordered(), ModelSQL, ModelView):
    "Workflow Step"
    __name__ = 'powder_coating.step'
    __string__ = "Workflow Step"

    name = fields.Char("Name", required=True)
    kind = fields.Selection(STEP_KINDS, "Kind", required=True,
        help="What the step means for the flow: a batch launch validates "
        "the coating step and its closing the curing step; the quality "
        "control step asks the checklist; \"ready\" emails the client; a "
        "non-conformity sends the part to touch-up.")
    active = fields.Boolean("Active")

    @staticmethod
    def default_active():
        return True

    @staticmethod
    def default_kind():
        return 'other'

    @classmethod
    def validate(cls, steps):
        super().validate(steps)
        for company in {s.company for s in steps if s.company}:
            cls.check_workflow(company)

    @classmethod
    def check_workflow(cls, company):
        "A workflow has its key steps once each."
        with without_check_access():
            steps = cls.search([
                    ('company', '=', company.id),
                    ('active', '=', True),
                    ])
        kinds = [s.kind for s in steps]
        for kind in SINGLE_KINDS:
            if kinds.count(kind) > 1:
                raise ValidationError(gettext(
                        'powder_coating.msg_step_kind_once',
                        kind=dict(cls.fields_get(['kind'])['kind'][
                                'selection'])[kind]))

    @classmethod
    def workflow(cls, company):
        """The workshop's active steps in order; the default workflow is
        created the first time it is needed."""
        domain = [('company', '=', int(company)), ('active', '=', True)]
        order = [('sequence', 'ASC NULLS FIRST'), ('id', 'ASC')]
        with without_check_access():
            steps = cls.search(domain, order=order)
            if not steps:
                cls.create_defaults(company)
                steps = cls.search(domain, order=order)
        kinds = {s.kind for s in steps}
        missing = REQUIRED_KINDS - kinds
        if missing:
            names = dict(cls.fields_get(['kind'])['kind']['selection'])
            raise ValidationError(gettext(
                    'powder_coating.msg_workflow_incomplete',
                    kinds=', '.join(sorted(names[k] for k in missing))))
        return steps

    @classmethod
    def by_kind(cls, company, kind):
        for step in cls.workflow(company):
            if step.kind == kind:
                return step
        return None

    @classmethod
    def create_defaults(cls, company):
        "The default workflow, checklist and defect types of a workshop."
        from trytond.pool import Pool
        pool = Pool()
        Question = pool.get('powder_coating.qc.question')
        Defect = pool.get('powder_coating.defect_type')
        company = int(company)
        with without_check_access(), \
                Transaction().set_context(company=company):
            cls.create([{
                        'company': company, 'name': name, 'kind': kind,
                        'sequence': 10 * (i + 1),
                        } for i, (name, kind) in enumerate(DEFAULT_STEPS)])
            if not Defect.search([('company', '=', company)], limit=1):
                Defect.create([{'company': company, 'name': name}
                        for name in DEFAULT_DEFECTS])
            defects = {d.name: d.id for d in Defect.search([
                        ('company', '=', company)])}
            if not Question.search([('company', '=', company)], limit=1):
                Question.create([{
                            'company': company, 'name': name, 'kind': kind,
                            'minimum': minimum, 'maximum': maximum,
                            'unit': unit, 'sequence': 10 * (i + 1),
                            'defect_type': defects.get(defect),
                            } for i, (name, kind, minimum, maximum, unit,
                                defect)
                        in enumerate(DEFAULT_QUESTIONS)])


class QCQuestion(TenantOwnedMixin, sequence_ordered(), ModelSQL, ModelView):
    "Quality Control Check"
    __name__ = 'powder_coating.qc.question'
    __string__ = "Quality Control Check"

    name = fields.Char("Check", required=True)
    kind = fields.Selection([
            ('pass_fail', "Pass or Fail"),
            ('measure', "Measured Value"),
            ], "Kind", required=True)
    minimum = fields.Float("Minimum",
        states={'invisible': Eval('kind') != 'measure'})
    maximum = fields.Float("Maximum",
        states={'invisible': Eval('kind') != 'measure'})
    unit = fields.Char("Unit",
        states={'invisible': Eval('kind') != 'measure'})
    defect_type = fields.Many2One('powder_coating.defect_type',
        "Defect Type", ondelete='SET NULL',
        domain=[('company', '=', Eval('company', -1))],
        help="The defect recorded on the non-conformity opened when this "
        "check fails.")
    active = fields.Boolean("Active")

    @staticmethod
    def default_active():
        return True

    @staticmethod
    def default_kind():
        return 'pass_fail'

    def passes(self, passed=None, value=None):
        "Whether an answer meets this check (None: not answered)."
        if self.kind == 'pass_fail':
            return passed
        if value is None:
            return None
        if self.minimum is not None and value < self.minimum:
            return False
        if self.maximum is not None and value > self.maximum:
            return False
        return True

    @property
    def limits(self):
        "The tolerance as read on the shop floor: 60 – 120 µm."
        if self.kind != 'measure':
            return ''
        unit = (' ' + self.unit) if self.unit else ''
        low = '' if self.minimum is None else '%g' % self.minimum
        high = '' if self.maximum is None else '%g' % self.maximum
        return f'{low} – {high}{unit}'.strip()


class DefectType(TenantOwnedMixin, ModelSQL, ModelView):
    "Defect Type"
    __name__ = 'powder_coating.defect_type'
    __string__ = "Defect Type"

    name = fields.Char("Name", required=True)
    active = fields.Boolean("Active")

    @staticmethod
    def default_active():
        return True
