# This file is part of Atelier. See the COPYRIGHT file at the top level of
# this repository for the full copyright notices and license terms.
"""Oven loading of a powder-coating workshop: which parts cure together.

Pure functions, standard library only: the Tryton models build an `Oven`
and `Item` objects from their records, call `plan_loads` and show its
`Plan` (and `svg_plan` for each load).

Geometry (top view, millimetres)
--------------------------------
The oven floor is the rectangle [0, L] x [0, W] (L = `Oven.length` along
x, W = `Oven.width` along y; the origin is a corner of the oven, drawn top
left by `svg_plan`). Each unit of a part is a box (`Item.length`,
`Item.width`, `Item.height`); it hangs from a hook, so it needs
``height + hook_height <= Oven.height`` (else it is unplaceable,
'too_high'). Its footprint, length x width, may be turned by 90 degrees in
the plane (`Placement.rotated`).

With m = `Oven.margin`, parts must stay at least m apart from each other
and from the walls. This is solved exactly as a plain rectangle packing:
each footprint l x w is inflated to (l + m) x (w + m) and packed without
overlap in the "usable" rectangle (L - m) x (W - m); a footprint whose
inflated rectangle sits at (X, Y) is placed at (X + m, Y + m) in the oven.
Then, for parts a and b, X_b >= X_a + l_a + m gives x_b >= x_a + l_a + m
(m between parts), X >= 0 gives x >= m, and X + l + m <= L - m gives
x + l <= L - m (m from the walls). A unit whose footprint does not fit
this way, even turned, is unplaceable, 'too_large'. Sizes are rounded to
1/100 mm, parts up and the oven down, so rounding never eats the margin.

Every unit given to `plan_loads` is either in exactly one load or in
`Plan.unplaceable` with its reason: a part is never lost.

Optimisation
------------
Number of loads first (fewer firings: gas and time), then urgency, then
full loads. Several greedy MaxRects packings (sort orders x placement
rules x first-fit or best-fit load) are made and the best kept; then,
within the time limit, a seeded local search tries to empty the least
filled load: move its parts into other loads (repacking them when
needed), or repack it together with a few random loads. The result is
deterministic for given inputs and `seed` as long as the time limit is
not reached (pass ``time_limit=None`` for a purely effort-bound,
reproducible search).

`Plan.lower_bound` is a proved lower bound on the number of loads (area,
mutually incompatible parts, and parts that must cross the oven's middle
lines); when ``len(plan.loads) == plan.lower_bound`` the plan is optimal.

Curing order
------------
Loads holding the most urgent part (earliest `Item.due`; None means not
urgent, after every date) are cured first; among loads of equal urgency
the fuller loads first; then by input order. Units of the same size are
interchangeable, so after packing the most urgent ones are swapped into
the loads cured first.
"""
import math
import random
import time
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

__all__ = [
    'TOO_HIGH', 'TOO_LARGE', 'Oven', 'Item', 'Placement', 'Load', 'Plan',
    'plan_loads', 'svg_plan', 'curing_key',
    ]

TOO_HIGH = 'too_high'      # height + hook height above the oven's height
TOO_LARGE = 'too_large'    # footprint + margins larger than the floor
RESOLUTION = 100           # internal grid: 1/100 mm
DEFAULT_EFFORT = 60000     # local search budget, in parts placed


@dataclass(frozen=True)
class Oven:
    "Inner size of a batch oven and its hanging constraints, in mm."
    length: float
    width: float
    height: float
    hook_height: float = 0
    margin: float = 0

    @property
    def floor_area(self):
        "Floor area in mm², the reference of `Load.fill_rate`."
        return self.length * self.width


@dataclass(frozen=True)
class Item:
    """One unit of a part, in mm. `key` identifies the part for the
    caller (units of one order line may share it); `due` is any sortable
    urgency (a date, an ordinal), None when not urgent."""
    key: object
    length: float
    width: float
    height: float = 0
    due: object = None


@dataclass(frozen=True)
class Placement:
    """Where a unit goes: its footprint (not inflated) spans
    [x, x + length] x [y, y + width] mm from the oven's corner; `length`
    and `width` are those of the item, swapped when `rotated`."""
    item: Item
    x: float
    y: float
    length: float
    width: float
    rotated: bool

    @property
    def key(self):
        "The key of the placed item."
        return self.item.key


@dataclass
class Load:
    "One firing: the units placed and area of parts / oven floor area."
    placements: list
    fill_rate: float

    @property
    def items(self):
        "The units of this load."
        return [p.item for p in self.placements]

    @property
    def due(self):
        "Earliest due of the load's units, None if none is urgent."
        dues = [p.item.due for p in self.placements if p.item.due is not None]
        return min(dues) if dues else None


@dataclass
class Plan:
    """Loads in curing order, the units that cannot go in the oven as
    (item, reason) and a proved lower bound on the number of loads."""
    loads: list = field(default_factory=list)
    unplaceable: list = field(default_factory=list)
    lower_bound: int = 0

    @property
    def optimal(self):
        "True when the number of loads is proved minimal."
        return len(self.loads) <= self.lower_bound


def curing_key(load, index=0):
    """Sort key of the curing order: the most urgent load first (None,
    not urgent, last), then the fuller, then `index` (input order)."""
    due = load.due
    return (due is None, due if due is not None else 0, -load.fill_rate,
        index)


# --- Geometry on the 1/100 mm grid -----------------------------------------

def _up(value):
    "mm to grid units, rounded up (part sizes)."
    return math.ceil(value * RESOLUTION - 1e-6)


def _down(value):
    "mm to grid units, rounded down (oven sizes)."
    return math.floor(value * RESOLUTION + 1e-6)


def _fits(a, b, width, height):
    "Whether an a x b rectangle fits in width x height, maybe turned."
    return (a <= width and b <= height) or (b <= width and a <= height)


# --- MaxRects packing of one load -------------------------------------------

BSSF, BLSF, BAF, BL = range(4)   # placement rules (lower score is better)
_SHIFT = 1 << 40                 # to pack two criteria in one integer


class _Bin:
    """A load being filled, MaxRects style: the maximal free rectangles
    (x1, y1, x2, y2) and the placed inflated rectangles (index, x, y, w,
    h), in grid units."""
    __slots__ = ('free', 'rects', 'area', 'max_w', 'max_h')

    def __init__(self, width, height):
        self.free = [(0, 0, width, height)]
        self.rects = []
        self.area = 0
        self.max_w = width
        self.max_h = height

    def may_fit(self, w, h):
        "Cheap necessary condition for a w x h rectangle to fit."
        mw, mh = self.max_w, self.max_h
        return (w <= mw and h <= mh) or (h <= mw and w <= mh)

    def find(self, w, h, rule):
        """Best free position for w x h (or h x w) under `rule`, as
        (score, x, y, w, h) or None. Rules: best short side fit (BSSF),
        best long side fit (BLSF), best area fit (BAF), bottom-left
        (BL)."""
        best = None
        low = 0
        shapes = ((w, h),) if w == h else ((w, h), (h, w))
        for x1, y1, x2, y2 in self.free:
            fw, fh = x2 - x1, y2 - y1
            for rw, rh in shapes:
                if rw > fw or rh > fh:
                    continue
                dw, dh = fw - rw, fh - rh
                if rule == BSSF:
                    score = (dw * _SHIFT + dh if dw < dh
                        else dh * _SHIFT + dw)
                elif rule == BAF:
                    score = (fw * fh - rw * rh) * _SHIFT + min(dw, dh)
                elif rule == BL:
                    score = (y1 + rh) * _SHIFT + x1
                else:
                    score = (dw * _SHIFT + dh if dw > dh
                        else dh * _SHIFT + dw)
                if best is None or score < low:
                    low = score
                    best = (score, x1, y1, rw, rh)
        return best

    def place(self, index, x, y, w, h):
        "Put rectangle `index` at (x, y) and split the free rectangles."
        self.rects.append((index, x, y, w, h))
        self.area += w * h
        x2, y2 = x + w, y + h
        keep, new = [], []
        for f in self.free:
            fx1, fy1, fx2, fy2 = f
            if fx1 >= x2 or fx2 <= x or fy1 >= y2 or fy2 <= y:
                keep.append(f)
                continue
            if fx1 < x:
                new.append((fx1, fy1, x, fy2))
            if fx2 > x2:
                new.append((x2, fy1, fx2, fy2))
            if fy1 < y:
                new.append((fx1, fy1, fx2, y))
            if fy2 > y2:
                new.append((fx1, y2, fx2, fy2))
        # Only new pieces can be inside another free rectangle: each one
        # is part of a split rectangle, which no kept one was inside.
        kept = len(keep)
        for i, n in enumerate(new):
            nx1, ny1, nx2, ny2 = n
            for j, o in enumerate(new):
                if (o[0] <= nx1 and o[1] <= ny1 and o[2] >= nx2
                        and o[3] >= ny2 and j != i and (o != n or j < i)):
                    break
            else:
                for o in keep[:kept]:
                    if (o[0] <= nx1 and o[1] <= ny1 and o[2] >= nx2
                            and o[3] >= ny2):
                        break
                else:
                    keep.append(n)
        self.free = keep
        mw = mh = 0
        for fx1, fy1, fx2, fy2 in keep:
            if fx2 - fx1 > mw:
                mw = fx2 - fx1
            if fy2 - fy1 > mh:
                mh = fy2 - fy1
        self.max_w, self.max_h = mw, mh


def _size(w, h):
    "A size and its turn as one key: (long side, short side)."
    return (w, h) if w >= h else (h, w)


def _groups(indices, dims, dues):
    """Units grouped by (size, due), a size and its turn being the same
    size: the packings handle identical units together."""
    groups = {}
    for i in indices:
        due = dues[i]
        key = (_size(*dims[i]), due is None, due if due is not None else 0)
        groups.setdefault(key, []).append(i)
    return groups


def _greedy(order, dims, width, height, rule, best_fit):
    """Pack the rectangles `dims[i]` in the given order into loads: each
    goes to the first load where it fits (or, with `best_fit`, the load
    with the best score), else to a new load."""
    bins = []
    failed = {}   # size -> loads where it did not fit (it never will)
    for i in order:
        w, h = dims[i]
        skip = failed.setdefault(_size(w, h), set())
        chosen = None
        for n, b in enumerate(bins):
            if n in skip:
                continue
            pos = b.find(w, h, rule) if b.may_fit(w, h) else None
            if pos is None:
                skip.add(n)
            elif chosen is None or pos[0] < chosen[1][0]:
                chosen = (b, pos)
                if not best_fit:
                    break
        if chosen is None:
            b = _Bin(width, height)
            bins.append(b)
            chosen = (b, b.find(w, h, rule))
        b, (_, x, y, rw, rh) = chosen
        b.place(i, x, y, rw, rh)
    return bins


def _fill_load(groups, order, width, height, rule):
    """Fill one load from `groups` ({key: units}), taking the keys in
    `order` and as many units of each as fit."""
    b = _Bin(width, height)
    for key in order:
        w, h = key[0]
        for i in groups[key]:
            if not b.may_fit(w, h):
                break
            pos = b.find(w, h, rule)
            if pos is None:
                break
            b.place(i, *pos[1:])
    return b


def _fill_best(groups, width, height, rule):
    """Fill one load from `groups` ({key: units}), each time with the
    unit and position of best score among all sizes left."""
    b = _Bin(width, height)
    left = {key: list(units) for key, units in groups.items()}
    while left:
        chosen = None
        for key in list(left):
            w, h = key[0]
            pos = b.find(w, h, rule) if b.may_fit(w, h) else None
            if pos is None:
                del left[key]      # it will not fit later either
            elif chosen is None or pos[0] < chosen[1][0]:
                chosen = (key, pos)
        if chosen is None:
            break
        key, pos = chosen
        b.place(left[key].pop(), *pos[1:])
        if not left[key]:
            del left[key]
    return b


# Sort keys of sizes (w >= h) for the packings, the largest first.
def _by_area(size):
    return (-size[0] * size[1], -size[0])


def _by_long_side(size):
    return (-size[0], -size[1])


def _by_short_side(size):
    return (-size[1], -size[0])


def _by_perimeter(size):
    return (-size[0] - size[1], -size[0])


def _by_elongation(size):
    return (size[1] / size[0], -size[0] * size[1])


SORTS = (_by_area, _by_long_side, _by_short_side, _by_perimeter,
    _by_elongation)
RULES = (BSSF, BAF, BL, BLSF)


def _by_due(key):
    "Group keys, the most urgent first then the largest."
    return (key[1], key[2], _by_area(key[0]))


# --- Objective ---------------------------------------------------------------

def _urgency(bins, dues, levels):
    """For each due date in turn, how many loads hold a unit due that
    day or earlier (lower is better: urgent units in few loads)."""
    if not levels:
        return ()
    firsts = []
    for b in bins:
        ds = [dues[r[0]] for r in b.rects if dues[r[0]] is not None]
        if ds:
            firsts.append(min(ds))
    return tuple(sum(1 for f in firsts if f <= d) for d in levels)


# --- Lower bounds ------------------------------------------------------------

def _bound_1d(sizes, capacity):
    """Martello and Toth's L2 lower bound for 1D bin packing of `sizes`
    in bins of `capacity`."""
    sizes = [s for s in sizes if s > 0]
    if not sizes:
        return 0
    best = math.ceil(sum(sizes) / capacity)
    half = capacity / 2
    for alpha in {0, *(s for s in sizes if s <= half)}:
        big = [s for s in sizes if s > capacity - alpha]
        mid = [s for s in sizes if capacity - alpha >= s > half]
        small = sum(s for s in sizes if half >= s >= alpha)
        room = len(mid) * capacity - sum(mid)
        bound = len(big) + len(mid) + max(
            0, math.ceil((small - room) / capacity))
        best = max(best, bound)
    return best


def _lower_bound(dims, width, height):
    """A proved lower bound on the number of loads for rectangles `dims`
    (inflated) in width x height loads, possibly turned:

    - total area / load area;
    - parts crossing the middle line x = width / 2 (longer than half the
      load in x in every orientation they fit) cannot overlap in y, so
      their y extents are a 1D bin packing in `height` (and the same
      across y = height / 2);
    - a set K of parts no two of which fit in one load each need their
      own load; parts fitting with none of K need other loads, where the
      room the K loads leave does not help them.
    """
    if not dims:
        return 0
    capacity = width * height
    total = sum(w * h for w, h in dims)
    best = math.ceil(total / capacity)
    orients = [[(a, b) for a, b in ((w, h), (h, w))
            if a <= width and b <= height] for w, h in dims]
    across_x = [min(b if a * 2 > width else 0 for a, b in o)
        for o in orients]
    across_y = [min(a if b * 2 > height else 0 for a, b in o)
        for o in orients]
    best = max(best, _bound_1d(across_x, height),
        _bound_1d(across_y, width))
    # Conflicts between distinct sizes (two rectangles fit in a load iff
    # they fit side by side along x or along y); the biggest sizes only,
    # to keep the bound cheap.
    turns = dict(zip(dims, orients))
    sizes = sorted(turns, key=lambda s: -s[0] * s[1])[:60]

    def together(s, t):
        for a, b in turns[s]:
            for c, d in turns[t]:
                if ((a + c <= width and max(b, d) <= height)
                        or (b + d <= height and max(a, c) <= width)):
                    return True
        return False

    clash = {(s, t): not together(s, t) for s in sizes for t in sizes}
    known = set(sizes)
    units = [i for i in range(len(dims)) if dims[i] in known]
    for order in (lambda i: -dims[i][0] * dims[i][1],
            lambda i: -max(dims[i])):
        clique = []
        for i in sorted(units, key=order):
            if all(clash[dims[i], dims[j]] for j in clique):
                clique.append(i)
        members = set(clique)
        lonely = [i for i in units if i not in members and all(
                clash[dims[i], dims[j]] for j in clique)]
        area_lonely = sum(dims[i][0] * dims[i][1] for i in lonely)
        best = max(best, len(clique) + math.ceil(area_lonely / capacity))
    return best


# --- Search ------------------------------------------------------------------

class _Search:
    """One optimisation: the rectangles (inflated, grid units), the load
    size, the budget (time and effort) and the best packing found.

    The objective is lexicographic, lower is better: number of loads,
    then (in the urgency phase only) `_urgency`, then minus the sum of
    the squared areas of the loads, which favours full loads and an
    emptier last one (the next to be emptied).
    """

    def __init__(self, dims, dues, width, height, deadline, effort, seed):
        self.dims = dims
        self.dues = dues
        self.width = width
        self.height = height
        self.deadline = deadline
        self.effort = effort
        self.random = random.Random(seed)
        self.levels = sorted({d for d in dues if d is not None})
        self.urgent = False   # whether the score looks at urgency
        self.best = None
        self.best_score = None

    def spend(self, units):
        "Count `units` of effort spent."
        self.effort -= units

    def out_of_budget(self, share=1):
        """Whether the effort or `share` of the time is spent."""
        if self.effort <= 0:
            return True
        if self.deadline is None:
            return False
        now = time.perf_counter()
        return now > self.deadline[0] + share * (
            self.deadline[1] - self.deadline[0])

    def score(self, bins):
        "Objective of a packing (lower is better)."
        urgency = _urgency(bins, self.dues, self.levels) if self.urgent \
            else ()
        return (len(bins), urgency, -sum(b.area * b.area for b in bins))

    def offer(self, bins):
        "Keep `bins` if better than the best packing; return whether so."
        score = self.score(bins)
        if self.best is None or score < self.best_score:
            self.best, self.best_score = bins, score
            return True
        return False

    def construct(self, share):
        """Greedy packings, the most promising first, until `share` of
        the time: sequential fills, then each order x rule, first fit
        then best fit."""
        indices = list(range(len(self.dims)))
        self.offer(self.sequential(indices, [(_by_area, BSSF)]))
        orders = [sorted(indices, key=lambda i: key(_size(*self.dims[i])))
            for key in SORTS]
        runs = [(order, rule, best_fit) for best_fit in (False, True)
            for rule in RULES for order in orders]
        runs.insert(2, None)   # a sequential fill with several tries
        for run in runs:
            if run is None:
                bins = self.sequential(indices, [(key, rule)
                        for key in SORTS[:3] for rule in RULES[:2]])
            else:
                bins = _greedy(*run[:1], self.dims, self.width, self.height,
                    *run[1:])
                self.spend(len(indices))
            self.offer(bins)
            if self.out_of_budget(share):
                return

    def sequential(self, indices, tries):
        """Fill loads one after the other, each with the fullest of the
        `tries` (sort key of sizes, rule) over the units left."""
        groups = _groups(indices, self.dims, self.dues)
        bins = []
        while groups:
            best = None
            for key, rule in tries:
                if key is _by_due:
                    order = sorted(groups, key=key)
                else:
                    order = sorted(groups, key=lambda g: key(g[0]))
                b = _fill_load(groups, order, self.width, self.height,
                    rule)
                self.spend(len(groups) + len(b.rects))
                if best is None or b.area > best.area:
                    best = b
            bins.append(best)
            placed = {r[0] for r in best.rects}
            for key in list(groups):
                left = [i for i in groups[key] if i not in placed]
                if left:
                    groups[key] = left
                else:
                    del groups[key]
        return bins

    def shuffled_key(self):
        "A sort key of sizes by area with random noise."
        noise = {}
        rand = self.random.random

        def key(size):
            if size not in noise:
                noise[size] = 0.75 + 0.5 * rand()
            return -size[0] * size[1] * noise[size]
        return key

    def improve(self, share, max_stall, lower_bound):
        """Large neighbourhood search from the best packing: repack the
        least filled load with one to three random other loads by
        sequential fills, keep the result if not worse; stop after
        `max_stall` tries without progress (a tenth once at the lower
        bound) or at `share` of the time."""
        current, current_score = self.best, self.best_score
        stall = 0
        while (len(current) > 1 and not self.out_of_budget(share)
                and stall < (max_stall if len(current) > lower_bound
                    else max_stall // 10)):
            weakest = min(current, key=lambda b: b.area)
            others = [b for b in current if b is not weakest]
            if self.urgent and self.random.random() < 0.5:
                urgent = [b for b in others if _urgency(
                        [b], self.dues, self.levels)[:1] == (1,)]
                others = urgent or others
            k = min(len(others), self.random.randint(1, 3))
            chosen = [weakest] + self.random.sample(others, k)
            pool = [r[0] for b in chosen for r in b.rects]
            tries = [(self.shuffled_key(), self.random.choice(RULES[:3])),
                (_by_area, BSSF), (_by_long_side, BAF)]
            if self.urgent:
                tries.append((_by_due, BSSF))
            packed = self.sequential(pool, tries)
            candidate = [b for b in current
                if all(b is not c for c in chosen)] + packed
            score = self.score(candidate)
            if score <= current_score:
                stall = 0 if score < current_score else stall + 1
                current, current_score = candidate, score
                self.offer(candidate)
            else:
                stall += 1

    def solve(self, lower_bound):
        """Construct, improve the number of loads and fill, then (with
        due dates) the urgency; return the best loads."""
        self.construct(0.3)
        self.improve(0.85 if self.levels else 1, 300, lower_bound)
        if self.levels:
            self.urgent = True
            self.best_score = self.score(self.best)
            self.offer(self.sequential(range(len(self.dims)),
                    [(_by_due, BSSF), (_by_due, BAF)]))
            self.improve(1, 100, lower_bound)
        return self.best


def _swap_urgent(bins, dims, dues):
    """Units of the same size are interchangeable: give the slots of the
    loads cured first to the most urgent units (a few rounds, as the
    curing order moves with the dues)."""
    for _ in range(3):
        rank = {}
        for n, b in enumerate(sorted(bins, key=lambda b: (
                    _first_due(b, dues), -b.area))):
            rank[id(b)] = n
        slots = {}
        for b in bins:
            for k, r in enumerate(b.rects):
                size = tuple(sorted(dims[r[0]]))
                slots.setdefault(size, []).append((rank[id(b)], k, b))
        changed = False
        for group in slots.values():
            if len(group) < 2:
                continue
            group.sort(key=lambda s: s[:2])
            units = sorted((s[2].rects[s[1]][0] for s in group),
                key=lambda i: (dues[i] is None,
                    dues[i] if dues[i] is not None else 0, i))
            for (_, k, b), i in zip(group, units):
                r = b.rects[k]
                if r[0] != i:
                    b.rects[k] = (i,) + r[1:]
                    changed = True
        if not changed:
            break


def _first_due(b, dues):
    "Sort key of a load by its most urgent unit (None last)."
    ds = [dues[r[0]] for r in b.rects if dues[r[0]] is not None]
    return (False, min(ds)) if ds else (True, 0)


def plan_loads(oven, items, time_limit=0.5, seed=0, effort=DEFAULT_EFFORT):
    """Propose the oven loads for `items` (units of one powder batch).

    Returns a `Plan`: loads in curing order, each unit placed once, and
    the units that cannot go in the oven with their reason (TOO_HIGH,
    TOO_LARGE). `time_limit` (seconds, None for none) and `effort`
    (units placed during the search) bound the optimisation; `seed`
    makes the search reproducible.
    """
    if oven.length <= 0 or oven.width <= 0 or oven.height <= 0:
        raise ValueError('oven size must be positive')
    if oven.margin < 0 or oven.hook_height < 0:
        raise ValueError('margin and hook height must not be negative')
    start = time.perf_counter()
    items = list(items)
    margin = oven.margin
    width = _down(oven.length - margin)
    height = _down(oven.width - margin)
    unplaceable, placeable, dims = [], [], []
    for item in items:
        if item.length <= 0 or item.width <= 0 or item.height < 0:
            raise ValueError('item size must be positive: %r' % (item,))
        if item.height + oven.hook_height > oven.height:
            unplaceable.append((item, TOO_HIGH))
            continue
        w, h = _up(item.length + margin), _up(item.width + margin)
        if width <= 0 or height <= 0 or not _fits(w, h, width, height):
            unplaceable.append((item, TOO_LARGE))
            continue
        placeable.append(item)
        dims.append((w, h))
    if not placeable:
        return Plan([], unplaceable, 0)

    dues = [item.due for item in placeable]
    lower_bound = _lower_bound(dims, width, height)
    deadline = None if time_limit is None else (start, start + time_limit)
    search = _Search(dims, dues, width, height, deadline, effort, seed)
    bins = search.solve(lower_bound)
    if search.levels:
        _swap_urgent(bins, dims, dues)

    floor = oven.floor_area
    loads = []
    for b in bins:
        placements = []
        for i, x, y, w, h in sorted(b.rects, key=lambda r: (r[2], r[1])):
            item = placeable[i]
            rotated = (w, h) != dims[i]
            length, wide = ((item.width, item.length) if rotated
                else (item.length, item.width))
            placements.append(Placement(item, x / RESOLUTION + margin,
                    y / RESOLUTION + margin, length, wide, rotated))
        area = sum(p.length * p.width for p in placements)
        loads.append(Load(placements, area / floor))
    order = sorted(range(len(loads)), key=lambda n: curing_key(
            loads[n], min(r[0] for r in bins[n].rects)))
    loads = [loads[n] for n in order]
    return Plan(loads, unplaceable, max(lower_bound, 1))


# --- Drawing -----------------------------------------------------------------

def _nice_length(span):
    "A round length (1, 2 or 5 x 10^k mm) near a fifth of `span`."
    target = span / 5
    power = 10 ** math.floor(math.log10(target))
    for step in (5, 2, 1):
        if step * power <= target:
            return step * power
    return power


def _num(value):
    "A number for SVG attributes, short and without exponent."
    return ('%.2f' % value).rstrip('0').rstrip('.')


def svg_plan(oven, load, labels=None, title=None, legend=None):
    """A self-contained SVG plan of one load, seen from above.

    The viewBox is in mm. It shows the oven's walls, the margin along
    the walls (hatched), each unit as a white rectangle outlined in black
    with its label and, dashed, the half margin around it (two dashed
    outlines may touch, never cross), and a scale bar; only black, white
    and grey, so that it prints in black and white.

    `labels` maps an item's key to a short text (or is a function of the
    key); by default the key itself. `title` is drawn above the plan.
    `legend` is a dict of lines drawn below it, in order; the keys 'part'
    and 'margin' get the matching swatch. No text of its own but numbers
    and "mm": the caller passes translated strings.
    """
    length, width, margin = oven.length, oven.width, oven.margin
    unit = max(length, width) / 100          # text and strokes scale
    font = 2.2 * unit
    pad = 3 * unit
    top = pad + (font * 1.6 if title else 0)
    legend = legend or {}
    bottom = pad + font * 2.5 + font * 1.6 * len(legend) + pad
    view_w, view_h = length + 2 * pad, top + width + bottom
    if labels is None:
        def text_of(key):
            return str(key)
    elif callable(labels):
        text_of = labels
    else:
        def text_of(key):
            return str(labels.get(key, key))
    thin, thick = unit * 0.15, unit * 0.4
    out = [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" '
        'font-family="sans-serif">' % (_num(view_w), _num(view_h)),
        '<defs><pattern id="hatch" patternUnits="userSpaceOnUse" '
        'width="%s" height="%s" patternTransform="rotate(45)">'
        '<line x1="0" y1="0" x2="0" y2="%s" stroke="black" '
        'stroke-width="%s"/></pattern></defs>' % (
            _num(unit), _num(unit), _num(unit), _num(thin)),
        '<rect width="100%" height="100%" fill="white"/>',
        ]
    if title:
        out.append('<text x="%s" y="%s" font-size="%s" font-weight="bold">'
            '%s</text>' % (_num(pad), _num(pad + font), _num(font * 1.2),
                escape(str(title))))
    out.append('<g transform="translate(%s %s)">' % (_num(pad), _num(top)))
    if margin > 0:
        out.append('<path class="margin" fill="url(#hatch)" '
            'fill-rule="evenodd" d="M0 0H%s V%s H0Z M%s %sH%s V%s H%sZ"/>'
            % (_num(length), _num(width), _num(margin), _num(margin),
                _num(length - margin), _num(width - margin), _num(margin)))
    out.append('<rect class="oven" width="%s" height="%s" fill="none" '
        'stroke="black" stroke-width="%s"/>' % (
            _num(length), _num(width), _num(thick)))
    half = margin / 2
    for p in load.placements:
        text = text_of(p.item.key)
        if half > 0:
            out.append('<rect class="clearance" x="%s" y="%s" width="%s" '
                'height="%s" fill="none" stroke="grey" stroke-width="%s" '
                'stroke-dasharray="%s"/>' % (
                    _num(p.x - half), _num(p.y - half),
                    _num(p.length + margin), _num(p.width + margin),
                    _num(thin), _num(unit)))
        out.append('<rect class="part" x="%s" y="%s" width="%s" '
            'height="%s" fill="white" stroke="black" stroke-width="%s">'
            '<title>%s</title></rect>' % (
                _num(p.x), _num(p.y), _num(p.length), _num(p.width),
                _num(thin * 2), escape(text)))
        # The label along the part's long side, as large as fits.
        along, across = max(p.length, p.width), min(p.length, p.width)
        size = min(font, across * 0.7, along * 0.9 / (0.6 * max(len(text),
                    1)))
        if size >= font * 0.3:
            cx, cy = p.x + p.length / 2, p.y + p.width / 2
            turn = (' transform="rotate(-90 %s %s)"' % (_num(cx), _num(cy))
                if p.width > p.length else '')
            out.append('<text class="label" x="%s" y="%s" font-size="%s" '
                'text-anchor="middle" dominant-baseline="central"%s>%s'
                '</text>' % (_num(cx), _num(cy), _num(size), turn,
                    escape(text)))
    out.append('</g>')
    # Scale bar: alternate black and white segments, 0 and its length.
    bar = _nice_length(length)
    y = top + width + pad
    x = pad
    out.append('<g class="scale">')
    for n in range(4):
        out.append('<rect x="%s" y="%s" width="%s" height="%s" fill="%s" '
            'stroke="black" stroke-width="%s"/>' % (
                _num(x + n * bar / 4), _num(y), _num(bar / 4),
                _num(unit), 'black' if n % 2 == 0 else 'white',
                _num(thin)))
    out.append('<text x="%s" y="%s" font-size="%s">0</text>' % (
            _num(x), _num(y + unit + font * 1.1), _num(font * 0.8)))
    out.append('<text x="%s" y="%s" font-size="%s" text-anchor="end">'
        '%s mm</text>' % (_num(x + bar), _num(y + unit + font * 1.1),
            _num(font * 0.8), _num(bar)))
    out.append('</g>')
    y += unit + font * 1.5
    for n, (key, text) in enumerate(legend.items()):
        ly = y + font * 1.6 * n + font * 0.3
        swatch = ''
        if key == 'part':
            swatch = 'fill="white" stroke="black"'
        elif key == 'margin':
            swatch = 'fill="url(#hatch)" stroke="black"'
        if swatch:
            out.append('<rect x="%s" y="%s" width="%s" height="%s" %s '
                'stroke-width="%s"/>' % (_num(pad), _num(ly), _num(font * 2),
                    _num(font), swatch, _num(thin)))
        out.append('<text class="legend" x="%s" y="%s" font-size="%s" '
            'dominant-baseline="central">%s</text>' % (
                _num(pad + (font * 2.6 if swatch else 0)),
                _num(ly + font / 2), _num(font), escape(str(text))))
    out.append('</svg>')
    return '\n'.join(out)
