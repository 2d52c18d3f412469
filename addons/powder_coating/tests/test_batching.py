# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The grouping of open parts into recommended batches (batching.py):
strictly one identical powder per batch, whatever the input."""
import datetime as dt
import random
import unittest
from decimal import Decimal

from trytond.modules.powder_coating import batching
from trytond.modules.powder_coating.batching import (
    CURE_TOLERANCE_C, CURE_TOLERANCE_MIN, OpenPart, mismatch, powder_kg,
    recommend)

# Powder ids of a small catalogue: the same shade in two finishes is two
# powders.
RAL_7016_GLOSS, RAL_7016_MATT, RAL_9005, PRIMER_EPOXY, PRIMER_ZINC, \
    VARNISH = 1, 2, 3, 101, 102, 201
TODAY = dt.date(2026, 11, 23)


def part(id, powder=RAL_7016_GLOSS, coats=1, primer=None, varnish=None,
        cure_temperature=180, cure_minutes=10, quantity=1,
        surface=Decimal('1.0000'), coverage=Decimal('8.00'),
        promised_date=None):
    return OpenPart(id=id, powder=powder, coats=coats, primer=primer,
        varnish=varnish, cure_temperature=cure_temperature,
        cure_minutes=cure_minutes, quantity=quantity, surface=surface,
        coverage=coverage, promised_date=promised_date)


def by_part(recommendations):
    "part id → index of the recommendation holding it."
    return {i: n for n, r in enumerate(recommendations) for i in r.part_ids}


def random_parts(rng, size):
    """`size` open parts of a workshop: a few powders taking most parts,
    1-3 coats, some primer and varnish, cures around the powder's, a few
    parts without powder, cure or promised date."""
    powders = {p: (rng.choice((160, 180, 190, 200)), rng.choice((10, 15, 20)),
            Decimal(rng.choice(('6.50', '8.00', '9.85', '12.10'))))
        for p in range(1, 13)}
    weights = [30, 20, 15] + [4] * 9
    parts = []
    for i in range(1, size + 1):
        powder = rng.choices(list(powders), weights)[0]
        temperature, minutes, coverage = powders[powder]
        if rng.random() < 0.05:
            powder = None
        parts.append(part(
                id=i * 7 + rng.randint(0, 6),  # unique, not in input order
                powder=powder,
                coats=rng.choice((None, 1, 1, 1, 2, 2, 3)),
                primer=rng.choice((PRIMER_EPOXY, PRIMER_ZINC))
                if rng.random() < 0.1 else None,
                varnish=VARNISH if rng.random() < 0.05 else None,
                cure_temperature=None if rng.random() < 0.03
                else temperature + rng.randint(-4, 4),
                cure_minutes=None if rng.random() < 0.03
                else minutes + rng.randint(-2, 2),
                quantity=rng.randint(1, 40),
                surface=rng.choice((None, Decimal('0.0121'),
                        Decimal('0.3500'), Decimal('1.8240'),
                        Decimal('4.0000'), Decimal('12.7500'))),
                coverage=None if rng.random() < 0.02 else coverage,
                promised_date=None if rng.random() < 0.1
                else TODAY + dt.timedelta(days=rng.randint(-3, 30))))
    rng.shuffle(parts)
    return parts


class IdenticalPowderTestCase(unittest.TestCase):
    "Only parts of identical powder, coats, primer and varnish mix."

    def test_gloss_and_matt_of_one_shade_never_mix(self):
        parts = [part(1, RAL_7016_GLOSS), part(2, RAL_7016_MATT),
            part(3, RAL_7016_GLOSS), part(4, RAL_7016_MATT)]
        recommendations = recommend(parts)
        self.assertEqual(
            sorted((r.powder, r.part_ids) for r in recommendations),
            [(RAL_7016_GLOSS, [1, 3]), (RAL_7016_MATT, [2, 4])])
        self.assertEqual(mismatch(parts[0], parts[1]), 'powder')

    def test_identical_parts_share_one_recommendation(self):
        parts = [part(i) for i in range(1, 6)]
        recommendation, = recommend(parts)
        self.assertEqual(recommendation.part_ids, [1, 2, 3, 4, 5])
        self.assertIsNone(mismatch(parts[0], parts[4]))

    def test_coats_split(self):
        parts = [part(1, coats=1), part(2, coats=2), part(3, coats=2),
            part(4, coats=3)]
        self.assertEqual(
            sorted((r.coats, r.part_ids) for r in recommend(parts)),
            [(1, [1]), (2, [2, 3]), (3, [4])])
        self.assertEqual(mismatch(parts[0], parts[1]), 'coats')

    def test_no_coats_is_one_coat(self):
        parts = [part(1, coats=None), part(2, coats=1)]
        recommendation, = recommend(parts)
        self.assertEqual(recommendation.coats, 1)
        self.assertEqual(recommendation.part_ids, [1, 2])
        self.assertIsNone(mismatch(parts[0], parts[1]))

    def test_primer_splits(self):
        parts = [part(1), part(2, primer=PRIMER_EPOXY),
            part(3, primer=PRIMER_ZINC), part(4, primer=PRIMER_EPOXY)]
        self.assertEqual(
            sorted(((r.primer or 0), r.part_ids) for r in recommend(parts)),
            [(0, [1]), (PRIMER_EPOXY, [2, 4]), (PRIMER_ZINC, [3])])
        self.assertEqual(mismatch(parts[0], parts[1]), 'primer')
        self.assertEqual(mismatch(parts[1], parts[2]), 'primer')

    def test_varnish_splits(self):
        parts = [part(1), part(2, varnish=VARNISH), part(3, varnish=VARNISH)]
        self.assertEqual(
            sorted(((r.varnish or 0), r.part_ids) for r in recommend(parts)),
            [(0, [1]), (VARNISH, [2, 3])])
        self.assertEqual(mismatch(parts[0], parts[1]), 'varnish')

    def test_mismatch_names_the_first_difference(self):
        "powder, then coats, primer, varnish, cure."
        first = part(1)
        self.assertEqual(mismatch(first, part(2, powder=RAL_9005, coats=2,
                    primer=PRIMER_ZINC, varnish=VARNISH,
                    cure_temperature=220)), 'powder')
        self.assertEqual(mismatch(first, part(2, coats=2,
                    primer=PRIMER_ZINC, varnish=VARNISH,
                    cure_temperature=220)), 'coats')
        self.assertEqual(mismatch(first, part(2, primer=PRIMER_ZINC,
                    varnish=VARNISH, cure_temperature=220)), 'primer')
        self.assertEqual(mismatch(first, part(2, varnish=VARNISH,
                    cure_temperature=220)), 'varnish')
        self.assertEqual(mismatch(first, part(2, cure_temperature=220)),
            'cure')
        self.assertIsNone(mismatch(first, part(2, quantity=50,
                    surface=Decimal('9'), promised_date=TODAY)))

    def test_parts_without_powder_are_left_out(self):
        parts = [part(1, powder=None), part(2), part(3, powder=None)]
        recommendation, = recommend(parts)
        self.assertEqual(recommendation.part_ids, [2])
        self.assertEqual(recommend([part(1, powder=None)]), [])
        self.assertEqual(recommend([]), [])


class CureTestCase(unittest.TestCase):
    "A compatible cure: within the tolerances of the batch's first part."

    def test_tolerances(self):
        self.assertEqual((CURE_TOLERANCE_C, CURE_TOLERANCE_MIN), (5, 2))

    def test_close_cures_group(self):
        parts = [part(1, cure_temperature=180, cure_minutes=10),
            part(2, cure_temperature=182, cure_minutes=11)]
        recommendation, = recommend(parts)
        self.assertEqual(recommendation.part_ids, [1, 2])
        self.assertIsNone(mismatch(parts[0], parts[1]))
        self.assertIsNone(mismatch(parts[1], parts[0]))

    def test_distant_temperatures_split(self):
        parts = [part(1, cure_temperature=180), part(2, cure_temperature=200)]
        self.assertEqual(
            sorted((r.cure_temperature, r.part_ids)
                for r in recommend(parts)),
            [(180, [1]), (200, [2])])
        self.assertEqual(mismatch(parts[0], parts[1]), 'cure')
        self.assertEqual(mismatch(parts[1], parts[0]), 'cure')

    def test_tolerance_limits(self):
        first = part(1, cure_temperature=180, cure_minutes=10)
        for temperature, minutes, reason in [
                (185, 10, None), (175, 10, None), (186, 10, 'cure'),
                (174, 10, 'cure'), (180, 12, None), (180, 8, None),
                (180, 13, 'cure'), (180, 7, 'cure'), (185, 12, None)]:
            with self.subTest(temperature=temperature, minutes=minutes):
                other = part(2, cure_temperature=temperature,
                    cure_minutes=minutes)
                self.assertEqual(mismatch(first, other), reason)
                self.assertEqual(len(recommend([first, other])),
                    1 if reason is None else 2)

    def test_distant_cure_minutes_split(self):
        parts = [part(1, cure_minutes=10), part(2, cure_minutes=20),
            part(3, cure_minutes=11)]
        self.assertEqual(
            sorted((r.cure_minutes, r.part_ids) for r in recommend(parts)),
            [(10, [1, 3]), (20, [2])])

    def test_cure_of_the_batch_is_its_first_part(self):
        "The lowest cure; every part within the tolerance of it."
        parts = [part(1, cure_temperature=184), part(2, cure_temperature=180),
            part(3, cure_temperature=186), part(4, cure_temperature=190)]
        first, second = sorted(recommend(parts), key=lambda r: r.part_ids)
        self.assertEqual((first.cure_temperature, first.part_ids),
            (180, [1, 2]))
        self.assertEqual((second.cure_temperature, second.part_ids),
            (186, [3, 4]))

    def test_unknown_temperature_only_with_unknown(self):
        parts = [part(1, cure_temperature=None),
            part(2, cure_temperature=180), part(3, cure_temperature=None)]
        self.assertEqual(
            sorted((r.part_ids, r.cure_temperature)
                for r in recommend(parts)),
            [([1, 3], None), ([2], 180)])
        self.assertEqual(mismatch(parts[0], parts[1]), 'cure')
        self.assertEqual(mismatch(parts[1], parts[0]), 'cure')

    def test_unknown_minutes_only_with_unknown(self):
        parts = [part(1, cure_minutes=None), part(2, cure_minutes=10),
            part(3, cure_minutes=None)]
        self.assertEqual(mismatch(parts[0], parts[1]), 'cure')
        self.assertEqual(
            sorted(r.part_ids for r in recommend(parts)), [[1, 3], [2]])

    def test_unknown_minutes_do_not_merge_incompatible_cures(self):
        """A part of unknown cure time must not bring into one batch two
        parts whose cure times are 10 minutes apart (it sorts first and
        used to start a batch every time joined)."""
        parts = [part(1, cure_minutes=None), part(2, cure_minutes=10),
            part(3, cure_minutes=20)]
        index = by_part(recommend(parts))
        self.assertNotEqual(index[2], index[3])


class SummaryTestCase(unittest.TestCase):
    "Units, powder and promised date of a recommendation."

    def test_powder_kg(self):
        "Σ surface × quantity × coats ÷ coverage, to 0.01 kg."
        parts = [
            part(1, surface=Decimal('2.5000'), quantity=4, coats=2,
                coverage=Decimal('8.00')),  # 2.5
            part(2, surface=Decimal('0.3500'), quantity=10, coats=1,
                coverage=Decimal('9.20')),  # 0.380434...
            ]
        result = powder_kg(parts)
        self.assertIsInstance(result, Decimal)
        self.assertEqual(result, Decimal('2.88'))
        self.assertEqual(result.as_tuple().exponent, -2)
        recommendation, = recommend([parts[0], parts[1]._replace(coats=2)])
        self.assertEqual(recommendation.powder_kg, Decimal('3.26'))

    def test_powder_kg_sums_before_rounding(self):
        parts = [part(i, surface=Decimal('1'), coverage=Decimal('300'))
            for i in range(3)]   # 3 × 0.00333...
        self.assertEqual(powder_kg(parts), Decimal('0.01'))

    def test_powder_kg_without_surface_or_coverage(self):
        self.assertEqual(powder_kg([]), Decimal('0.00'))
        self.assertEqual(powder_kg([part(1, surface=None),
                    part(2, coverage=None),
                    part(3, surface=Decimal('1'), coverage=Decimal('4'),
                        coats=None, quantity=2)]), Decimal('0.50'))

    def test_powder_kg_of_float_values(self):
        "Floats are taken by their str, not their binary value."
        self.assertEqual(powder_kg([part(1, surface=0.1, quantity=3,
                        coverage=0.3)]), Decimal('1.00'))

    def test_quantity_and_earliest_promised_date(self):
        parts = [part(1, quantity=3, promised_date=TODAY),
            part(2, quantity=10, promised_date=None),
            part(3, quantity=1, promised_date=TODAY - dt.timedelta(days=2))]
        recommendation, = recommend(parts)
        self.assertEqual(recommendation.quantity, 14)
        self.assertEqual(recommendation.earliest_promised_date,
            TODAY - dt.timedelta(days=2))
        recommendation, = recommend([parts[1]])
        self.assertIsNone(recommendation.earliest_promised_date)


class OrderTestCase(unittest.TestCase):
    "The most urgent first: earliest promised date (none last), then size."

    def test_order(self):
        later = TODAY + dt.timedelta(days=10)
        parts = [
            # no date, 3 parts
            part(1, powder=10), part(2, powder=10), part(3, powder=10),
            # later, 1 part
            part(4, powder=11, promised_date=later),
            # today, 1 part
            part(5, powder=12, promised_date=TODAY),
            # later and no date, 3 parts
            part(6, powder=13, promised_date=later), part(7, powder=13),
            part(8, powder=13),
            # no date, 1 part
            part(9, powder=14),
            # today, 2 parts
            part(10, powder=15, promised_date=TODAY + dt.timedelta(days=3)),
            part(11, powder=15, promised_date=TODAY),
            ]
        self.assertEqual([r.powder for r in recommend(parts)],
            [15, 12, 13, 11, 10, 14])

    def test_input_order_does_not_matter(self):
        rng = random.Random(3)
        parts = random_parts(rng, 300)
        expected = recommend(parts)
        for _ in range(5):
            rng.shuffle(parts)
            self.assertEqual(recommend(parts), expected)


class PropertyTestCase(unittest.TestCase):
    "Seeded random workshops of 500 open parts."
    seeds = range(20)
    size = 500

    def check(self, parts, recommendations):
        with_powder = [p for p in parts if p.powder is not None]
        by_id = {p.id: p for p in parts}
        self.assertEqual(len(by_id), len(parts))

        # Every open part with a powder is in exactly one recommendation,
        # those without are in none.
        placed = [i for r in recommendations for i in r.part_ids]
        self.assertEqual(len(placed), len(set(placed)))
        self.assertEqual(sorted(placed), sorted(p.id for p in with_powder))

        for r in recommendations:
            members = [by_id[i] for i in r.part_ids]
            self.assertTrue(members)
            self.assertEqual(r.part_ids, sorted(r.part_ids))
            # One identical powder, coats, primer and varnish; every part
            # within the cure tolerance of the batch's cure.
            batch = part(None, powder=r.powder, coats=r.coats,
                primer=r.primer, varnish=r.varnish,
                cure_temperature=r.cure_temperature,
                cure_minutes=r.cure_minutes)
            for member in members:
                self.assertIsNone(mismatch(batch, member),
                    (r, member))
                self.assertEqual(member.powder, r.powder)
                self.assertEqual(member.coats or 1, r.coats)
                self.assertEqual(member.primer, r.primer)
                self.assertEqual(member.varnish, r.varnish)
            # The batch's cure is one of its parts'.
            self.assertIn((r.cure_temperature, r.cure_minutes),
                {(m.cure_temperature, m.cure_minutes) for m in members})
            temperatures = [m.cure_temperature for m in members
                if m.cure_temperature is not None]
            if temperatures:
                self.assertLessEqual(max(temperatures) - min(temperatures),
                    CURE_TOLERANCE_C)
            self.assertEqual(r.quantity, sum(m.quantity for m in members))
            self.assertEqual(r.powder_kg, sum(
                    (Decimal(m.surface) * m.quantity * (m.coats or 1)
                        / Decimal(m.coverage)
                        for m in members if m.surface and m.coverage),
                    Decimal(0)).quantize(Decimal('0.01')))
            dates = [m.promised_date for m in members if m.promised_date]
            self.assertEqual(r.earliest_promised_date,
                min(dates) if dates else None)

        # Two recommendations of one powder, coats, primer and varnish
        # are of incompatible cures.
        firsts = {}
        for r in recommendations:
            key = (r.powder, r.coats, r.primer, r.varnish)
            for other in firsts.get(key, []):
                self.assertEqual(mismatch(
                        part(None, cure_temperature=r.cure_temperature,
                            cure_minutes=r.cure_minutes),
                        part(None, cure_temperature=other.cure_temperature,
                            cure_minutes=other.cure_minutes)), 'cure')
            firsts.setdefault(key, []).append(r)

        # The most urgent first, then the largest.
        keys = [(r.earliest_promised_date or dt.date.max, -len(r.part_ids))
            for r in recommendations]
        self.assertEqual(keys, sorted(keys))

    def test_random_workshops(self):
        for seed in self.seeds:
            with self.subTest(seed=seed):
                parts = random_parts(random.Random(seed), self.size)
                self.check(parts, recommend(parts))

    def test_random_workshops_without_tolerance(self):
        """With no tolerance, a batch is of one exact cure (a part of
        unknown cure time goes with any time)."""
        saved = batching.CURE_TOLERANCE_C, batching.CURE_TOLERANCE_MIN
        batching.CURE_TOLERANCE_C = batching.CURE_TOLERANCE_MIN = 0
        try:
            parts = random_parts(random.Random(42), self.size)
            recommendations = recommend(parts)
            self.check_partition(parts, recommendations)
            by_id = {p.id: p for p in parts}
            for r in recommendations:
                for i in r.part_ids:
                    self.assertEqual(by_id[i].cure_temperature,
                        r.cure_temperature)
                    if r.cure_minutes is not None \
                            and by_id[i].cure_minutes is not None:
                        self.assertEqual(by_id[i].cure_minutes,
                            r.cure_minutes)
        finally:
            batching.CURE_TOLERANCE_C, batching.CURE_TOLERANCE_MIN = saved

    def check_partition(self, parts, recommendations):
        placed = sorted(i for r in recommendations for i in r.part_ids)
        self.assertEqual(placed,
            sorted(p.id for p in parts if p.powder is not None))

if __name__ == '__main__':
    unittest.main()
