# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
import random
import unittest
import xml.etree.ElementTree as ET
from decimal import Decimal

from trytond.modules.powder_coating import oven_loading
from trytond.modules.powder_coating.oven_loading import (
    TOO_HIGH, TOO_LARGE, Item, Oven, plan_loads, svg_plan)

EPS = 1e-6
SVG = '{http://www.w3.org/2000/svg}'


def random_instance(rng):
    "A random oven and 1 to 40 units, some too high or too large."
    oven = Oven(
        length=rng.choice((1000, 2000, 3000, 4000, 6000)),
        width=rng.choice((800, 1500, 2000)),
        height=rng.choice((1500, 2000, 2500)),
        hook_height=rng.choice((0, 150, 300)),
        margin=rng.choice((0, 12.5, 50, 75, 100)))
    items = []
    for n in range(rng.randint(1, 40)):
        scale = rng.choice((80, 400, 1200, 2500))
        items.append(Item(
            key='p%d' % rng.randint(1, 8),
            length=rng.randint(10, scale) + rng.choice((0, 0.3)),
            width=rng.randint(10, scale),
            height=rng.randint(0, 2600),
            due=rng.choice((None, 1, 2, 3))))
    return oven, items


def fits(oven, item):
    "Whether the unit can go in the oven, written independently."
    m = float(oven.margin)
    free_l = float(oven.length) - 2 * m
    free_w = float(oven.width) - 2 * m
    length, width = float(item.length), float(item.width)
    return ((length <= free_l and width <= free_w)
            or (width <= free_l and length <= free_w))


class OvenLoadingTestCase(unittest.TestCase):
    "Oven loads of a powder-coating workshop"

    def check_plan(self, oven, items, plan):
        "Every unit once; sizes, margins and fill rates right."
        seen = [id(p.item) for load in plan.loads for p in load.placements]
        seen += [id(item) for item, _ in plan.unplaceable]
        self.assertEqual(sorted(seen), sorted(id(i) for i in items))
        m = float(oven.margin)
        length, width = float(oven.length), float(oven.width)
        for item, reason in plan.unplaceable:
            if item.height + oven.hook_height > oven.height:
                self.assertEqual(reason, TOO_HIGH)
            else:
                self.assertEqual(reason, TOO_LARGE)
                self.assertFalse(fits(oven, item))
        for load in plan.loads:
            self.assertTrue(load.placements)
            area = 0
            for p in load.placements:
                item = p.item
                self.assertLessEqual(item.height + oven.hook_height,
                                     oven.height)
                sizes = (float(item.length), float(item.width))
                self.assertEqual((p.length, p.width),
                                 sizes[::-1] if p.rotated else sizes)
                self.assertGreaterEqual(p.x, m - EPS)
                self.assertGreaterEqual(p.y, m - EPS)
                self.assertLessEqual(p.x + p.length, length - m + EPS)
                self.assertLessEqual(p.y + p.width, width - m + EPS)
                area += p.length * p.width
            self.assertAlmostEqual(load.fill_rate, area / (length * width))
            for n, p in enumerate(load.placements):
                for q in load.placements[n + 1:]:
                    self.assertTrue(
                        q.x >= p.x + p.length + m - EPS
                        or p.x >= q.x + q.length + m - EPS
                        or q.y >= p.y + p.width + m - EPS
                        or p.y >= q.y + q.width + m - EPS,
                        (p, q))
        self.assertLessEqual(plan.lower_bound, len(plan.loads))
        self.assertEqual(plan.lower_bound == 0, not plan.loads)
        self.assertEqual(plan.optimal,
                         len(plan.loads) == plan.lower_bound)

    def test_random_instances(self):
        "No overlap, margins kept, no unit lost (seeded random instances)"
        rng = random.Random(42)
        for n in range(60):
            oven, items = random_instance(rng)
            with self.subTest(instance=n):
                plan = plan_loads(
                    oven, items, time_limit=None, effort=50000)
                self.check_plan(oven, items, plan)

    def test_time_limit_only(self):
        "Without an effort budget the time limit stops the search"
        rng = random.Random(3)
        oven, items = random_instance(rng)
        plan = plan_loads(oven, items * 3, time_limit=0.05, effort=None)
        self.check_plan(oven, items * 3, plan)

    def test_unplaceable(self):
        "Too high and too large units are set aside with their reason"
        oven = Oven(3000, 1500, 2000, hook_height=200, margin=50)
        high = Item('high', 500, 500, 1801)
        just = Item('just', 500, 500, 1800)
        large = Item('large', 2901, 100, 100)
        wide = Item('wide', 1500, 1500, 100)
        turned = Item('turned', 1300, 2900, 100)
        both = Item('both', 5000, 5000, 5000)
        items = [high, just, large, wide, turned, both]
        plan = plan_loads(oven, items)
        self.assertEqual(plan.unplaceable, [
                (high, TOO_HIGH), (large, TOO_LARGE), (wide, TOO_LARGE),
                (both, TOO_HIGH)])
        # 'turned' leaves 100 mm across the oven: 'just' goes apart.
        self.assertEqual((plan.lower_bound, len(plan.loads)), (2, 2))
        self.check_plan(oven, items, plan)

    def test_nothing_placeable(self):
        "Without a placeable unit there is no load"
        oven = Oven(1000, 1000, 1000)
        self.assertEqual(plan_loads(oven, []), oven_loading.Plan())
        plan = plan_loads(oven, [Item('x', 2000, 10, 10)])
        self.assertEqual(plan.loads, [])
        self.assertEqual(plan.lower_bound, 0)
        self.assertEqual(plan.unplaceable[0][1], TOO_LARGE)

    def test_decimal(self):
        "Sizes may be Decimal, as Tryton's Numeric fields give them"
        oven = Oven(Decimal('3000'), Decimal('1500'), Decimal('2000'),
                    Decimal('200.5'), Decimal('50.5'))
        items = [Item('a', Decimal('1400.25'), Decimal('650'),
                      Decimal('1799.5')),
                 Item('b', Decimal('1400.25'), Decimal('650')),
                 Item('high', Decimal('10'), Decimal('10'),
                      Decimal('1799.6'))]
        plan = plan_loads(oven, items)
        self.assertEqual(plan.unplaceable, [(items[2], TOO_HIGH)])
        self.assertEqual(len(plan.loads), 1)
        self.check_plan(oven, items, plan)
        ET.fromstring(svg_plan(oven, plan.loads[0]))

    def test_invalid(self):
        "Sizes must be positive"
        with self.assertRaises(ValueError):
            plan_loads(Oven(0, 1000, 1000), [])
        with self.assertRaises(ValueError):
            plan_loads(Oven(1000, 1000, 1000, margin=-1), [])
        with self.assertRaises(ValueError):
            plan_loads(Oven(1000, 1000, 1000), [Item('x', 0, 10)])

    def test_margin_exact(self):
        "Two parts fit with exactly the margin between them and the walls"
        oven = Oven(1000, 500, 1000, margin=100)
        items = [Item('a', 350, 300), Item('b', 350, 300)]
        plan = plan_loads(oven, items)
        self.assertEqual(len(plan.loads), 1)
        self.check_plan(oven, items, plan)
        xs = sorted(p.x for p in plan.loads[0].placements)
        self.assertEqual(xs, [100, 550])
        self.assertEqual({p.y for p in plan.loads[0].placements}, {100})
        # One millimetre more and they need two loads.
        items = [Item('a', 351, 300), Item('b', 350, 300)]
        plan = plan_loads(oven, items)
        self.assertEqual(len(plan.loads), 2)
        self.assertEqual(plan.lower_bound, 2)

    def test_rotation(self):
        "A part wider than the oven is turned"
        oven = Oven(3000, 1500, 2000, margin=50)
        item = Item('gate', 1200, 2500, 1500)
        plan = plan_loads(oven, [item])
        placement, = plan.loads[0].placements
        self.assertTrue(placement.rotated)
        self.assertEqual((placement.length, placement.width), (2500, 1200))
        self.check_plan(oven, [item], plan)

    def test_rotation_to_share(self):
        "Turning lets two parts share a load"
        oven = Oven(2000, 1000, 1000)
        items = [Item('a', 1000, 1000), Item('b', 1000, 1000)]
        self.assertEqual(len(plan_loads(oven, items).loads), 1)
        items = [Item('a', 1000, 1000), Item('b', 1000, 1000),
                 Item('c', 500, 2000)]
        plan = plan_loads(oven, items)
        self.assertEqual(len(plan.loads), 2)
        c, = [p for load in plan.loads for p in load.placements
              if p.key == 'c']
        self.assertTrue(c.rotated)

    def test_lower_bound(self):
        "The lower bound counts parts that cannot share a load"
        oven = Oven(3000, 1500, 2000)
        items = [Item(n, 1600, 800) for n in range(4)]
        plan = plan_loads(oven, items)
        self.assertEqual(plan.lower_bound, 4)
        self.assertEqual(len(plan.loads), 4)
        self.assertTrue(plan.optimal)
        # Exact tiling: 8 parts of 750 x 750 fill one load.
        items = [Item(n, 750, 750) for n in range(8)]
        plan = plan_loads(oven, items)
        self.assertEqual((plan.lower_bound, len(plan.loads)), (1, 1))
        self.assertEqual(plan.loads[0].fill_rate, 1)
        # Long thin parts crossing the middle stack up across the oven.
        items = [Item(n, 1600, 290) for n in range(12)]
        plan = plan_loads(oven, items)
        self.assertEqual((plan.lower_bound, len(plan.loads)), (3, 3))

    def test_curing_order(self):
        "The most urgent loads first, then the fullest"
        oven = Oven(2000, 1000, 1000)
        items = [Item('c', 1500, 800, due=3), Item('a', 1500, 800, due=1),
                 Item('n', 1500, 800), Item('b', 1500, 800, due=2)]
        plan = plan_loads(oven, items)
        self.assertEqual([load.placements[0].key for load in plan.loads],
                         ['a', 'b', 'c', 'n'])
        self.assertEqual([load.due for load in plan.loads], [1, 2, 3, None])
        items = [
            Item('small', 1100, 600, due=2), Item('big', 1500, 900, due=2),
            Item('mid', 1200, 800, due=2)]
        plan = plan_loads(oven, items)
        self.assertEqual([load.placements[0].key for load in plan.loads],
                         ['big', 'mid', 'small'])

    def test_urgent_together(self):
        "Urgent units go together into the first load"
        oven = Oven(3000, 1500, 2000)
        items = [Item(n, 1400, 1400, due=due)
                 for n, due in enumerate([5, 5, 1, 5, 1, None])]
        plan = plan_loads(oven, items)
        self.assertEqual(len(plan.loads), 3)
        self.assertEqual([p.item.due for p in plan.loads[0].placements],
                         [1, 1])
        self.assertEqual([load.due for load in plan.loads], [1, 5, 5])

    def test_deterministic(self):
        "The same inputs and seed give the same plan"
        rng = random.Random(7)
        oven, items = random_instance(rng)
        first = plan_loads(oven, items, time_limit=None, effort=5000)
        second = plan_loads(oven, items, time_limit=None, effort=5000)
        self.assertEqual(first, second)

    def test_svg(self):
        "The plan is well-formed SVG with one shape per placed unit"
        oven = Oven(3000, 1500, 2000, margin=50)
        items = [Item('A & B', 1000, 500), Item('C', 300, 200),
                 Item('D', 40, 40)] + [Item('R', 480, 250) for _ in range(6)]
        plan = plan_loads(oven, items)
        load = plan.loads[0]
        legend = {
            'part': 'Pièce', 'margin': 'Marge', 'fill': 'Remplissage 30 %'}
        svg = svg_plan(
            oven, load, labels={'C': 'Cadre <3>'}, title='Charge 1',
            legend=legend)
        root = ET.fromstring(svg)
        self.assertEqual(root.tag, SVG + 'svg')
        self.assertEqual(root.get('viewBox').split()[:1], ['0'])
        parts = [e for e in root.iter(SVG + 'rect')
                 if e.get('class') == 'part']
        self.assertEqual(len(parts), len(load.placements))
        texts = [''.join(e.itertext()) for e in root.iter(SVG + 'text')]
        self.assertIn('Charge 1', texts)
        self.assertIn('A & B', texts)
        self.assertIn('Cadre <3>', texts)
        self.assertIn('Remplissage 30 %', texts)
        self.assertEqual(len([e for e in root.iter(SVG + 'path')
                              if e.get('class') == 'margin']), 1)
        for part, p in zip(parts, load.placements):
            self.assertAlmostEqual(float(part.get('x')), p.x, places=2)
            self.assertAlmostEqual(float(part.get('width')), p.length,
                                   places=2)
        # Labels may be a function; no margin, no legend.
        svg = svg_plan(Oven(1000, 1000, 1000), plan_loads(
                Oven(1000, 1000, 1000), [Item(1, 10, 10)]).loads[0],
            labels=lambda key: 'n°%s' % key)
        self.assertIn('n°1', svg)
        ET.fromstring(svg)

    def test_300_parts(self):
        "300 units of a workshop's week are planned"
        rng = random.Random(300)
        oven = Oven(3000, 1500, 2000, hook_height=200, margin=50)
        items = []
        shapes = [(2500, 70, 1600), (1800, 50, 1000), (480, 250, 480),
                  (300, 200, 150), (1500, 35, 1000), (700, 700, 900),
                  (1400, 800, 750), (50, 40, 80)]
        while len(items) < 300:
            length, width, height = rng.choice(shapes)
            for _ in range(min(rng.randint(1, 40), 300 - len(items))):
                items.append(Item(len(items), length, width, height,
                                  rng.choice((None, 1, 2))))
        plan = plan_loads(oven, items)
        self.assertFalse(plan.unplaceable)
        self.check_plan(oven, items, plan)
