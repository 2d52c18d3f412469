# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""A project: the work on a client's accepted quote, one part per quote
line. The shop-floor side (steps, photos, QC) extends it."""
from trytond.model import ModelSQL, ModelView, fields, sequence_ordered
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.pyson import Eval


class Project(TenantOwnedMixin, ModelSQL, ModelView):
    "Project"
    __name__ = 'powder_coating.project'
    __string__ = "Project"
    _rec_name = 'number'

    number = fields.Char("Number", readonly=True)
    party = fields.Many2One('party.party', "Client", required=True,
        readonly=True, ondelete='RESTRICT',
        domain=[('company', '=', Eval('company', -1))])
    quote = fields.Many2One('powder_coating.quote', "Quote", readonly=True,
        ondelete='RESTRICT')
    parts = fields.One2Many('powder_coating.project.part', 'project',
        "Parts", readonly=True)
    state = fields.Selection([
            ('waiting', "Waiting for Parts"),
            ], "State", readonly=True, required=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('id', 'DESC')]

    @staticmethod
    def default_state():
        return 'waiting'

    def get_rec_name(self, name):
        label = self.number or ''
        if self.party:
            label += ' - ' + self.party.rec_name
        return label

    @classmethod
    def create_from_quotes(cls, quotes):
        "A project per accepted quote, numbered like it (DEV → PRJ)."
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
                    parts=[{
                            'description': line.description,
                            'quantity': line.quantity,
                            'surface': line.surface,
                            'powder': line.powder.id,
                            'coats': line.coats,
                            'cure_temperature': line.cure_temperature,
                            'cure_minutes': line.cure_minutes,
                            'quote_line': line.id,
                            } for line in quote.lines]))
        cls.save(projects)
        return projects


class ProjectPart(sequence_ordered(), ModelSQL, ModelView):
    "Project Part"
    __name__ = 'powder_coating.project.part'
    __string__ = "Project Part"

    project = fields.Many2One('powder_coating.project', "Project",
        required=True, ondelete='CASCADE')
    quote_line = fields.Many2One('powder_coating.quote.line', "Quote Part",
        readonly=True, ondelete='SET NULL')
    description = fields.Char("Part", required=True)
    quantity = fields.Integer("Quantity", required=True)
    surface = fields.Numeric("Surface per Part (m²)", digits=(10, 4))
    powder = fields.Many2One('powder_coating.powder', "Powder",
        ondelete='RESTRICT')
    coats = fields.Integer("Coats")
    cure_temperature = fields.Integer("Cure Temperature (°C)")
    cure_minutes = fields.Integer("Cure Time (min)")

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls.__access__.add('project')
