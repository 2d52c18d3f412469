# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""The flow of a part through the workshop's steps, and the shop floor's
queue order (pure functions)."""
import datetime as dt
import unittest
from types import SimpleNamespace

from trytond.modules.powder_coating.project import queue_order
from trytond.modules.powder_coating.workflow import DEFAULT_STEPS, next_step


def workflow():
    return [SimpleNamespace(id=i, name=name, kind=kind)
        for i, (name, kind) in enumerate(DEFAULT_STEPS, 1)]


class WorkflowTestCase(unittest.TestCase):

    def test_next_step_follows_the_order(self):
        steps = workflow()
        names = []
        step = steps[0]
        while step is not None:
            names.append(step.name)
            step = next_step(steps, step)
        self.assertEqual(names, [n for n, k in DEFAULT_STEPS
                if k != 'touch_up'])

    def test_touch_up_only_through_a_non_conformity(self):
        steps = workflow()
        qc = next(s for s in steps if s.kind == 'qc')
        self.assertEqual(next_step(steps, qc).kind, 'ready')

    def test_after_touch_up_back_where_the_defect_was_found(self):
        steps = workflow()
        qc = next(s for s in steps if s.kind == 'qc')
        touch_up = next(s for s in steps if s.kind == 'touch_up')
        self.assertEqual(next_step(steps, touch_up, resume=qc), qc)

    def test_last_step_has_no_next(self):
        steps = workflow()
        self.assertIsNone(next_step(steps, steps[-1]))

    def test_queue_most_urgent_first_then_earliest_promise(self):
        today = dt.date(2026, 11, 21)
        parts = [
            ('normal', today, 'P-3'),
            ('urgent', today + dt.timedelta(days=9), 'P-2'),
            ('normal', None, 'P-5'),
            ('high', today + dt.timedelta(days=2), 'P-4'),
            ('normal', today - dt.timedelta(days=1), 'P-1'),
            ('low', today - dt.timedelta(days=30), 'P-6'),
            ]
        parts.sort(key=lambda p: queue_order(*p))
        self.assertEqual([p[2] for p in parts],
            ['P-2', 'P-4', 'P-1', 'P-3', 'P-5', 'P-6'])
