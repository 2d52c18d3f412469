# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The journal of a client's interactions: calls, emails, meetings, notes,
with their date and author."""
import datetime as dt

from trytond.model import ModelSQL, ModelView, fields
from trytond.modules.saas.tenant import TenantOwnedMixin
from trytond.pyson import Eval
from trytond.transaction import Transaction


class Interaction(TenantOwnedMixin, ModelSQL, ModelView):
    "Client Interaction"
    __name__ = 'powder_coating.interaction'
    __string__ = "Client Interaction"

    party = fields.Many2One('party.party', "Client", required=True,
        ondelete='CASCADE',
        domain=[('company', '=', Eval('company', -1))])
    kind = fields.Selection([
            ('call', "Call"),
            ('email', "Email"),
            ('meeting', "Meeting"),
            ('note', "Note"),
            ], "Type", required=True)
    date = fields.DateTime("Date", required=True)
    author = fields.Many2One('res.user', "Author", readonly=True)
    summary = fields.Text("Summary", required=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._order = [('date', 'DESC'), ('id', 'DESC')]

    @staticmethod
    def default_kind():
        return 'call'

    @staticmethod
    def default_date():
        return dt.datetime.now()

    @staticmethod
    def default_author():
        return Transaction().user or None

    def get_rec_name(self, name):
        return '%s %s' % (
            self.date.strftime('%d/%m/%Y %H:%M') if self.date else '',
            (self.summary or '').splitlines()[0][:60] if self.summary else '')
