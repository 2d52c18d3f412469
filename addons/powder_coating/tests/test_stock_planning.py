# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Powder stock computations, checked against figures worked by hand."""
import datetime as dt
import unittest
from collections import Counter
from decimal import Decimal as D

from trytond.modules.powder_coating.stock_planning import (
    Candidate, StockError, agreement, boxes_for, consumption_kg,
    daily_weigh_list, forecast, partial_inventory_targets, real_stock,
    reliability, spread_over, weighing_net, working_days)

MONDAY = dt.date(2026, 11, 16)


class ConsumptionTestCase(unittest.TestCase):

    def test_consumption(self):
        "2 gates of 4 m², 2 coats, 9.52 m²/kg: 16 m² ÷ 9.52 = 1.681 kg"
        self.assertEqual(consumption_kg(D(4), 2, 2, D('9.52')), D('1.681'))

    def test_one_coat_by_default(self):
        self.assertEqual(consumption_kg(D('1.35'), 1, None, D('10')),
            D('0.135'))

    def test_unknown_surface_or_coverage(self):
        "Nothing can be said without a surface or a coverage"
        self.assertIsNone(consumption_kg(None, 3, 1, D(10)))
        self.assertIsNone(consumption_kg(D(2), 3, 1, None))

    def test_negative_coverage_refused(self):
        with self.assertRaises(StockError):
            consumption_kg(D(2), 1, 1, D(-5))


class WeighingTestCase(unittest.TestCase):

    def test_net(self):
        "13.45 kg on the scale, box of 0.65 kg: 12.8 kg of powder"
        self.assertEqual(weighing_net(D('13.45'), D('0.65')), D('12.800'))

    def test_lighter_than_tare(self):
        with self.assertRaises(StockError) as context:
            weighing_net(D('0.4'), D('0.65'))
        self.assertEqual(context.exception.name, 'gross')

    def test_no_tare(self):
        with self.assertRaises(StockError) as context:
            weighing_net(D('10'), None)
        self.assertEqual(context.exception.name, 'tare')

    def test_empty_box(self):
        "An empty box on the scale is a real (zero) stock"
        self.assertEqual(weighing_net(D('0.65'), D('0.65')), D(0))

    def test_real_stock_with_sealed_boxes(self):
        "12.8 kg open + 2 sealed boxes of 20 kg = 52.8 kg"
        self.assertEqual(real_stock(D('12.8'), 2, D(20)), D('52.800'))
        with self.assertRaises(StockError):
            real_stock(D('12.8'), -1, D(20))


class ReliabilityTestCase(unittest.TestCase):

    def test_agreement(self):
        "Within 2 % (or 200 g) the weighing agrees fully"
        self.assertEqual(agreement(D(20), D('19.7')), D(100))
        self.assertEqual(agreement(D('0.5'), D('0.35')), D(100))
        # 4 kg off 20: 0.4 kg allowed, 3.6 kg ÷ 20 = 18 % off.
        self.assertEqual(agreement(D(20), D(16)), D('82.0'))
        # Theory says 10 kg, the box is empty.
        self.assertEqual(agreement(D(10), D(0)), D('2.0'))

    def test_score_moves_with_weighings(self):
        "Agreeing weighings raise the score, a bad one lowers it"
        score = reliability(None, D(20), D(20))
        self.assertEqual(score, D('70.0'))
        score = reliability(score, D(18), D('18.1'))
        self.assertEqual(score, D('82.0'))
        lower = reliability(score, D(20), D(10))
        self.assertLess(lower, score)
        for _ in range(10):
            score = reliability(score, D(15), D(15))
        self.assertGreater(score, D(99))
        self.assertLessEqual(score, D(100))


class DailyListTestCase(unittest.TestCase):

    def powders(self, n=12):
        return [Candidate(id=i, recent_kg=D(i * 3),
                last_weighed=MONDAY - dt.timedelta(days=i),
                reliability=D(90 - i)) for i in range(1, n + 1)]

    def test_short_list(self):
        "Three powders by default, the most pressing first"
        picks = daily_weigh_list(self.powders(), MONDAY, salt='1')
        self.assertEqual(len(picks), 3)
        self.assertEqual([p.id for p in picks[:2]], [12, 11])
        self.assertEqual(picks[2].reason, 'random')
        self.assertEqual(len({p.id for p in picks}), 3)

    def test_reproducible(self):
        "The same day and workshop give the same list, whatever the order"
        powders = self.powders()
        first = daily_weigh_list(powders, MONDAY, salt='7')
        again = daily_weigh_list(list(reversed(powders)), MONDAY, salt='7')
        self.assertEqual(first, again)

    def test_days_and_workshops_differ(self):
        "The random share changes with the day and the workshop"
        powders = self.powders(30)
        days = {tuple(p.id for p in daily_weigh_list(
                    powders, MONDAY + dt.timedelta(days=d), salt='1'))
            for d in range(10)}
        self.assertGreater(len(days), 1)
        other = [daily_weigh_list(powders, MONDAY, salt=s)[2].id
            for s in map(str, range(10))]
        self.assertGreater(len(set(other)), 1)

    def test_fair_over_time(self):
        """Over three months of weighing what the list says, every powder
        comes up, including one that is never used and always agreed."""
        powders = {c.id: c for c in self.powders(20)}
        powders[99] = Candidate(99, D(0), MONDAY, D(100))
        seen = Counter()
        day = MONDAY
        for _ in range(90):
            for pick in daily_weigh_list(list(powders.values()), day,
                    salt='1'):
                seen[pick.id] += 1
                old = powders[pick.id]
                powders[pick.id] = old._replace(last_weighed=day,
                    reliability=min((old.reliability or 0) + 5, 100))
            day += dt.timedelta(days=1)
        self.assertEqual(set(seen), set(powders))
        # The most used powders come up more often than the idle one.
        self.assertGreater(seen[20], seen[99])

    def test_skip_and_empty(self):
        powders = self.powders(4)
        picks = daily_weigh_list(powders, MONDAY, skip={4, 3})
        self.assertEqual({p.id for p in picks}, {1, 2})
        self.assertEqual(daily_weigh_list([], MONDAY), [])
        self.assertEqual(daily_weigh_list(powders, MONDAY, count=0), [])

    def test_empty_shelf_skipped(self):
        "A powder with nothing on the shelf and no use has no box to weigh"
        powders = [Candidate(1, D(0), None, None, stock_kg=D(0)),
            Candidate(2, D(0), MONDAY, D(100), stock_kg=D(12)),
            Candidate(3, D(4), MONDAY, D(100), stock_kg=D(0))]
        picks = daily_weigh_list(powders, MONDAY, count=3)
        self.assertEqual(sorted(p.id for p in picks), [2, 3])
        self.assertEqual(sorted(p.id for p in partial_inventory_targets(
                        powders, MONDAY, 3)), [2, 3])

    def test_never_weighed_is_overdue(self):
        powders = [Candidate(1, D(0), None, D(100)),
            Candidate(2, D(0), MONDAY, D(100))]
        pick, = daily_weigh_list(powders, MONDAY, count=1, random_share=0)
        self.assertEqual((pick.id, pick.reason), (1, 'overdue'))


class PartialInventoryTestCase(unittest.TestCase):

    def test_targets_most_used_and_riskiest(self):
        powders = [
            Candidate(1, D(50), MONDAY, D(95)),   # much used
            Candidate(2, D(1), MONDAY, D(20)),    # unreliable
            Candidate(3, D(1), MONDAY, D(99)),    # quiet and reliable
            ]
        picks = partial_inventory_targets(powders, MONDAY, 2)
        self.assertEqual(sorted(p.id for p in picks), [1, 2])

    def test_spread_over_working_days(self):
        "A busy week: 7 weighings over 5 days, never more than 2 a day"
        days = working_days(MONDAY, MONDAY + dt.timedelta(days=6))
        self.assertEqual(len(days), 5)
        plan = spread_over(days, 7)
        self.assertEqual(len(plan), 7)
        self.assertLessEqual(max(Counter(plan).values()), 2)
        self.assertTrue(all(d.weekday() < 5 for d in plan))
        self.assertEqual(spread_over([], 3), [])


class ForecastTestCase(unittest.TestCase):

    def test_stockout_and_order(self):
        """28 kg used in 4 weeks (1 kg a day), 12 kg left: out in 12 days;
        cover 7 + 30 days → 25 kg missing → one 20 kg box and one 5 kg"""
        result = forecast(D(12), D(28), 4, MONDAY, lead_days=7,
            cover_days=30, box_weights=[D(20), D(5)])
        self.assertEqual(result.daily_kg, D('1.000'))
        self.assertEqual(result.days_left, 12)
        self.assertEqual(result.stockout_date, dt.date(2026, 11, 28))
        self.assertEqual(result.boxes, ((D(20), 1), (D(5), 1)))
        self.assertEqual(result.order_kg, D('25.000'))

    def test_enough_stock(self):
        result = forecast(D(100), D(28), 4, MONDAY, box_weights=[D(20)])
        self.assertEqual(result.order_kg, D(0))
        self.assertEqual(result.boxes, ())

    def test_unused_powder_under_threshold(self):
        "No usage, no stock-out date; the threshold still asks for a box"
        result = forecast(D(2), D(0), 8, MONDAY, box_weights=[D(25)],
            threshold=D(5))
        self.assertIsNone(result.stockout_date)
        self.assertEqual(result.boxes, ((D(25), 1),))

    def test_boxes(self):
        self.assertEqual(boxes_for(D(41), [D(20), D(5)]),
            ((D(20), 2), (D(5), 1)))
        self.assertEqual(boxes_for(D(3), [D(20), D(5)]), ((D(5), 1),))
        self.assertEqual(boxes_for(D(3), []), ())

    def test_bad_period(self):
        with self.assertRaises(StockError):
            forecast(D(1), D(1), 0, MONDAY)
