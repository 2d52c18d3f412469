# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The dashboards' figures on a small workshop whose answers are known,
and a second workshop whose data never shows."""
import datetime as dt
import unittest
from decimal import Decimal

from trytond.modules.company.tests import create_company, set_company
from trytond.modules.powder_coating.dashboard import working_days
from trytond.modules.powder_coating.powder_stock import make_moves
from trytond.modules.powder_coating.tests.test_module import create_powder
from trytond.pool import Pool
from trytond.tests.test_tryton import activate_module, with_transaction
from trytond.transaction import Transaction

MARCH = {
    'from_date': dt.date(2025, 3, 1),
    'to_date': dt.date(2025, 3, 31),
    'period': 'month',
    }


def at(day, hour=12):
    return dt.datetime(2025, 3, day, hour)


def create_quotes(company, party):
    """Four quotes sent in March (two accepted after 1 and 3 days, one
    refused, one waiting) and one sent in February."""
    pool = Pool()
    Quote = pool.get('powder_coating.quote')
    Signature = pool.get('powder_coating.quote.signature')
    rows = [
        # sent, state, untaxed, signed after (days)
        (at(3), 'accepted', Decimal(100), 1),
        (at(4), 'accepted', Decimal(300), 3),
        (at(5), 'refused', Decimal(200), None),
        (at(6), 'sent', Decimal(400), None),
        (dt.datetime(2025, 2, 20), 'accepted', Decimal(900), 2),
        ]
    for sent_at, state, untaxed, after in rows:
        quote, = Quote.create([{
                    'company': company.id,
                    'party': party.id,
                    'date': sent_at.date(),
                    'state': state,
                    'sent_at': sent_at,
                    'accepted_at': (sent_at + dt.timedelta(days=after)
                        if state == 'accepted' else None),
                    'untaxed_amount_cache': untaxed,
                    'total_amount_cache': untaxed * Decimal('1.2'),
                    }])
        if after is not None:
            signature, = Signature.create([{
                        'company': company.id,
                        'quote': quote.id,
                        'signer': "Jean Dupont",
                        'signed_at': sent_at + dt.timedelta(days=after),
                        'channel': 'back_office',
                        }])
            Quote.write([quote], {'signature': signature.id})


def create_projects(company, party, powder, matt_powder):
    """Two projects ready in March: one on time (5 m², delivered after 6
    days), one late (10 m² in a matt powder, with a non-conformity)."""
    pool = Pool()
    Project = pool.get('powder_coating.project')
    Step = pool.get('powder_coating.step')
    Defect = pool.get('powder_coating.defect_type')
    NonConformity = pool.get('powder_coating.non_conformity')
    Step.create_defaults(company)

    def part(description, quantity, surface, powder):
        return {
            'company': company.id,
            'description': description,
            'quantity': quantity,
            'surface': Decimal(surface),
            'powder': powder.id,
            }
    on_time, late = Project.create([{
                'company': company.id,
                'party': party.id,
                'drop_off_date': dt.date(2025, 3, 1),
                'promised_date': dt.date(2025, 3, 10),
                'state': 'delivered',
                'ready_date': at(5),
                'closed_date': at(7),
                'parts': [('create', [
                            part("Portail", 2, '1.5', powder),
                            part("Barreaux", 4, '0.5', powder),
                            ])],
                }, {
                'company': company.id,
                'party': party.id,
                'drop_off_date': dt.date(2025, 3, 1),
                'promised_date': dt.date(2025, 3, 5),
                'state': 'ready',
                'ready_date': at(11, 0),
                'parts': [('create', [
                            part("Pergola", 1, '10', matt_powder),
                            ])],
                }])
    qc = Step.by_kind(company, 'qc')
    touch_up = Step.by_kind(company, 'touch_up')
    defect, = Defect.search([('company', '=', company.id)], limit=1)
    NonConformity.create([{
                'company': company.id,
                'part': late.parts[0].id,
                'project': late.id,
                'step': qc.id,
                'return_step': touch_up.id,
                'defect_type': defect.id,
                'powder': matt_powder.id,
                'date': at(9),
                'state': 'closed',
                'closed_date': at(10),
                'resolved_hours': 24.0,
                }])
    Project.store_ready_figures([on_time, late])
    return defect


def create_moves(company, powder):
    """25 kg received in February; 3 kg sprayed on 3 March, 2 kg on
    20 March; a weighing finds 1 kg less on 25 March."""
    pool = Pool()
    ModelData = pool.get('ir.model.data')
    Location = pool.get('stock.location')
    storage = Location(ModelData.get_id(
            'stock', 'location_warehouse')).storage_location
    supplier = ModelData.get_id('stock', 'location_supplier')
    lost = ModelData.get_id('stock', 'location_lost_found')
    booth = ModelData.get_id('powder_coating', 'location_powder_consumption')
    values = []
    for day, quantity, from_location, to_location in [
            (dt.date(2025, 2, 15), 25, supplier, storage.id),
            (dt.date(2025, 3, 3), 3, storage.id, booth),
            (dt.date(2025, 3, 20), 2, storage.id, booth),
            (dt.date(2025, 3, 25), 1, storage.id, lost),
            (dt.date(2025, 4, 2), 4, storage.id, booth),
            ]:
        move = {
            'product': powder.product.id,
            'unit': ModelData.get_id('product', 'uom_kilogram'),
            'quantity': float(quantity),
            'from_location': from_location,
            'to_location': to_location,
            'company': company.id,
            'planned_date': day,
            'effective_date': day,
            }
        if from_location == supplier:
            move.update(unit_price=Decimal(14), currency=company.currency.id)
        values.append(move)
    make_moves(values)


class DashboardTestCase(unittest.TestCase):
    "Test the dashboards"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        activate_module('powder_coating')

    def setup_workshops(self):
        "Workshop A with the known figures, workshop B with noise."
        pool = Pool()
        Party = pool.get('party.party')
        Configuration = pool.get('powder_coating.configuration')
        company = create_company()
        other = create_company(name="Autre atelier")
        figures = {}
        with set_company(other):
            party, = Party.create([{'name': "Client B"}])
            powder = create_powder(reference='B-7016')
            create_quotes(other, party)
            create_projects(other, party, powder,
                create_powder(reference='B-MATT', finish='matt'))
            create_moves(other, powder)
        with set_company(company):
            party, = Party.create([{'name': "Client A"}])
            powder = create_powder()
            matt = create_powder(reference='TP-9005-MAT', finish='matt')
            create_quotes(company, party)
            figures['defect'] = create_projects(company, party, powder, matt)
            create_moves(company, powder)
            powder.reorder_threshold = Decimal(20)
            powder.save()
            matt.reorder_threshold = Decimal(5)
            matt.save()
            settings = Configuration.get(company, create=True)
            settings.daily_capacity = 1.0
            settings.save()
        figures.update(powder=powder, matt=matt)
        return company, other, figures

    def search(self, name, **context):
        Model = Pool().get('powder_coating.dashboard.' + name)
        with Transaction().set_context(dict(MARCH, **context)):
            return Model.search([])

    @with_transaction()
    def test_quotes(self):
        "Conversion, time to accept and amounts of the quotes sent"
        company, other, _ = self.setup_workshops()
        with set_company(company):
            row, = self.search('quote')
            self.assertEqual(row.company, company)
            self.assertEqual(row.date, dt.date(2025, 3, 1))
            self.assertEqual((row.sent, row.accepted, row.refused),
                (4, 2, 1))
            self.assertEqual(row.conversion, 50.0)
            self.assertAlmostEqual(row.accept_days, 2.0, places=3)
            self.assertEqual(row.amount, Decimal(1000))
            self.assertEqual(row.average_amount, Decimal(250))

            rows = self.search('quote', period='day')
            self.assertEqual([r.date.day for r in rows], [3, 4, 5, 6])
            self.assertEqual([r.conversion for r in rows],
                [100.0, 100.0, 0.0, 0.0])

            # The quote waiting since 6 March is refused, then the one sent
            # on the 5th moved to April: the days follow.
            Quote = Pool().get('powder_coating.quote')
            waiting, = Quote.search([
                    ('company', '=', company.id), ('state', '=', 'sent')])
            Quote.write([waiting], {'state': 'refused'})
            row, = self.search('quote')
            self.assertEqual((row.sent, row.refused), (4, 2))
            refused = Quote.search([
                    ('company', '=', company.id),
                    ('sent_at', '=', at(5)),
                    ])
            Quote.write(refused, {'sent_at': dt.datetime(2025, 4, 2)})
            row, = self.search('quote')
            self.assertEqual((row.sent, row.refused), (3, 1))
            self.assertEqual(row.amount, Decimal(800))

    @with_transaction()
    def test_production(self):
        "Finished projects, lead times, late projects and capacity"
        company, other, _ = self.setup_workshops()
        with set_company(company):
            row, = self.search('production')
            self.assertEqual((row.projects, row.parts, row.late), (2, 3, 1))
            self.assertEqual(row.surface, Decimal(15))
            self.assertEqual(row.late_rate, 50.0)
            self.assertAlmostEqual(row.ready_days, (4.5 + 10) / 2, places=3)
            self.assertAlmostEqual(row.delivery_days, 6.5, places=3)
            # 21 working days in March 2025 at 1 m² a day.
            self.assertEqual(row.capacity_use, round(100 * 15 / 21, 1))

            rows = self.search('production', period='week')
            self.assertEqual([r.date for r in rows],
                [dt.date(2025, 3, 3), dt.date(2025, 3, 10)])
            self.assertEqual([r.late for r in rows], [0, 1])
            # The week of 10 March: 10 m² over 5 days at 1 m² a day.
            self.assertEqual(rows[1].capacity_use, 200.0)

    @with_transaction()
    def test_powders_and_quality(self):
        "Shades, finishes, non-conformity rate, causes and powders"
        company, other, figures = self.setup_workshops()
        with set_company(company):
            shade, = self.search('shade')
            self.assertEqual(shade.ral.code, 'RAL 7016')
            self.assertEqual((shade.parts, shade.quantity, shade.surface),
                (3, 7, Decimal(15)))
            finishes = self.search('finish')
            self.assertEqual(
                [(f.finish, f.surface) for f in finishes],
                [('matt', Decimal(10)), ('gloss', Decimal(5))])

            quality, = self.search('quality')
            self.assertEqual((quality.parts, quality.nc_parts), (3, 1))
            self.assertEqual(quality.nc_rate, 33.3)
            defect, = self.search('defect')
            self.assertEqual(defect.defect_type, figures['defect'])
            self.assertEqual((defect.non_conformities, defect.open,
                    defect.delay_hours), (1, 0, 24.0))
            powders = self.search('nc_powder')
            self.assertEqual(
                [(p.powder, p.non_conformities, p.nc_rate) for p in powders],
                [(figures['matt'], 1, 100.0), (figures['powder'], 0, 0.0)])
            finishes = self.search('nc_finish')
            self.assertEqual([(f.finish, f.nc_rate) for f in finishes],
                [('matt', 100.0), ('gloss', 0.0)])

    @with_transaction()
    def test_finished_days_follow_the_projects(self):
        "A project sent back to touch-up leaves its day, and comes back"
        pool = Pool()
        Project = pool.get('powder_coating.project')
        Part = pool.get('powder_coating.project.part')
        Step = pool.get('powder_coating.step')
        company, other, figures = self.setup_workshops()
        with set_company(company):
            late, = Project.search([
                    ('company', '=', company.id),
                    ('promised_date', '=', dt.date(2025, 3, 5)),
                    ])
            part, = late.parts
            Part.write([part], {'step': Step.by_kind(company, 'touch_up').id})
            Project.update_states([late])
            self.assertEqual(late.state, 'in_progress')
            powders = self.search('nc_powder')
            self.assertEqual([(p.powder, p.parts) for p in powders],
                [(figures['powder'], 2)])
            self.assertEqual([f.finish for f in self.search('finish')],
                ['gloss'])

            Part.write([part], {'step': None})
            Project.update_states([late])
            self.assertEqual(late.state, 'ready')
            today = dt.date.today()
            powders = self.search('nc_powder',
                from_date=today, to_date=today)
            self.assertEqual(
                [(p.powder, p.parts, p.non_conformities) for p in powders],
                [(figures['matt'], 1, 1)])

    @with_transaction()
    def test_powder_use_and_stock(self):
        "Kilograms used per powder and period, stock-out risks"
        company, other, figures = self.setup_workshops()
        powder, matt = figures['powder'], figures['matt']
        with set_company(company):
            use, = self.search('powder')
            self.assertEqual((use.id, use.powder, use.kg), (
                    powder.id, powder, 5.0))
            self.assertEqual(use.powder_name,
                'RAL 7016 gloss (TP-7016-BR)')
            self.assertEqual(len(use.trend), 1)
            weeks = self.search('powder.month', period='week')
            self.assertEqual([(w.date, w.kg) for w in weeks], [
                    (dt.date(2025, 3, 3), 3.0),
                    (dt.date(2025, 3, 17), 2.0),
                    ])
            use, = self.search('powder', period='week')
            # Weeks from 24 February to 31 March: used in the 2nd and 4th.
            self.assertEqual(len(use.trend), 6)
            self.assertEqual(use.trend[0], use.trend[2])
            self.assertGreater(use.trend[1], use.trend[3])

            # A powder never stocked nor watched is not listed.
            create_powder(reference='TP-9016-SA', finish='satin')
            stock = {s.powder: s for s in self.search('stock')}
            self.assertEqual(set(stock), {powder, matt})
            self.assertEqual(stock[powder].stock_kg, 19.0)
            self.assertEqual(stock[powder].used_kg, 5.0)
            self.assertAlmostEqual(stock[powder].days_left, 19 * 31 / 5)
            self.assertEqual(stock[powder].risk, 'threshold')
            self.assertEqual((stock[matt].stock_kg, stock[matt].risk),
                (0.0, 'out'))
            self.assertIsNone(stock[matt].days_left)

            # At the end of February nothing was used yet: no pace.
            stock = {s.powder: s for s in self.search('stock',
                        from_date=dt.date(2025, 2, 1),
                        to_date=dt.date(2025, 2, 28))}
            self.assertEqual(stock[powder].stock_kg, 25.0)
            self.assertEqual(stock[powder].risk, 'ok')

            # Computed again from the moves: the same days.
            Pool().get('powder_coating.powder.day').rebuild()
            stock = {s.powder: s for s in self.search('stock')}
            self.assertEqual(stock[powder].stock_kg, 19.0)

            # A closed stock period changes nothing.
            Period = Pool().get('stock.period')
            period, = Period.create([{
                        'company': company.id,
                        'date': dt.date(2025, 3, 10),
                        }])
            Period.close([period])
            stock = {s.powder: s for s in self.search('stock')}
            self.assertEqual(stock[powder].stock_kg, 19.0)
            self.assertEqual(stock[powder].used_kg, 5.0)

    @with_transaction()
    def test_money(self):
        "Signed quotes per month of signature"
        company, other, _ = self.setup_workshops()
        with set_company(company):
            rows = self.search('money', from_date=dt.date(2025, 2, 1))
            self.assertEqual([(r.date, r.quotes, r.untaxed_amount)
                    for r in rows], [
                    (dt.date(2025, 2, 1), 1, Decimal(900)),
                    (dt.date(2025, 3, 1), 2, Decimal(400)),
                    ])
            self.assertEqual(rows[1].total_amount, Decimal(480))

    @with_transaction()
    def test_other_workshop_never_shows(self):
        "A workshop's manager sees only its own figures"
        pool = Pool()
        User = pool.get('res.user')
        ModelData = pool.get('ir.model.data')
        company, other, _ = self.setup_workshops()
        user, = User.create([{
                    'name': "Gérante A",
                    'login': 'gerante_a',
                    'companies': [('add', [company.id])],
                    'groups': [('add', [
                                ModelData.get_id('saas', 'group_owner')])],
                    }])
        User.write([user], {'company': company.id})
        names = ['quote', 'production', 'shade', 'finish', 'quality',
            'defect', 'nc_powder', 'nc_finish', 'money', 'powder',
            'powder.month', 'stock']
        with Transaction().set_user(user.id), \
                Transaction().set_context(company=company.id,
                    _check_access=True):
            for name in names:
                rows = self.search(name)
                self.assertTrue(rows, name)
                self.assertEqual({r.company for r in rows}, {company}, name)
        # Asking for the other workshop gives nothing.
        with Transaction().set_user(user.id), \
                Transaction().set_context(company=other.id,
                    _check_access=True):
            for name in names:
                self.assertEqual(self.search(name), [], name)
        # Without a workshop in the context, the company rule alone
        # keeps the other workshop out (the stock is only computed for a
        # workshop).
        with Transaction().set_user(user.id), \
                Transaction().set_context(company=None,
                    _companies=(company.id,), _check_access=True):
            for name in names:
                if name == 'stock':
                    self.assertEqual(self.search(name), [])
                    continue
                rows = self.search(name)
                self.assertTrue(rows, name)
                self.assertEqual({r.company for r in rows}, {company}, name)


class WorkingDaysTestCase(unittest.TestCase):

    def test_working_days(self):
        march = (dt.date(2025, 3, 1), dt.date(2025, 3, 31))
        self.assertEqual(working_days(*march), 21)
        self.assertEqual(working_days(*march, per_week=6), 26)
        self.assertEqual(working_days(march[0], march[0]), 0)

