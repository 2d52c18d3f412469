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
Fewest loads first (each firing costs energy and time), then, among
plans with as many loads, the most urgent units in the fewest loads,
then full loads and an emptier last one. The search:

1. greedy MaxRects packings: sort orders (area, long side, short side,
   perimeter, elongation) x placement rules (best short side, best area,
   bottom-left, best long side) x first-fit or best-fit load, the most
   often best first, and a "sequential" packing that fills one load at a
   time, keeping the fullest of several tries;
2. a large neighbourhood search from the best one: take out the units of
   the least filled load and of one to three other loads (preferably the
   emptiest), put them back into the free space of all loads and by
   sequential fills, keep the result if not worse (threshold acceptance
   of 0.1 % on the sum of squared load areas, to leave local optima);
3. with due dates, the same search for urgency, then units of the same
   size are swapped so that the most urgent are in the loads cured
   first.

The search is seeded and its budget is counted in work done (`effort`,
about 0.5 s for 300 units on a slow core), so a plan is reproducible:
the same inputs and `seed` give the same plan on any machine, unless the
`time_limit` (a safety cap, 1 s by default) stops it first on an
overloaded machine. Identical units are handled together (an order line
of 40 brackets is cheap).

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
from xml.sax.saxutils import escape, quoteattr

__all__ = [
    'TOO_HIGH', 'TOO_LARGE', 'Oven', 'Item', 'Placement', 'Load', 'Plan',
    'plan_loads', 'svg_plan', 'curing_key',
    ]

TOO_HIGH = 'too_high'      # height + hook height above the oven's height
TOO_LARGE = 'too_large'    # footprint + margins larger than the floor
RESOLUTION = 100           # internal grid: 1/100 mm
DEFAULT_EFFORT = 2000000   # search budget, in free rectangles looked at
TOLERANCE = 0.001          # threshold acceptance of the local search


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
        return float(self.length) * float(self.width)


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
    and `width` are those of the item (as floats), swapped when
    `rotated`."""
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
    __slots__ = ('free', 'rects', 'area', 'max_w', 'max_h', 'meter')

    def __init__(self, width, height, meter):
        self.free = [(0, 0, width, height)]
        self.rects = []
        self.area = 0
        self.max_w = width
        self.max_h = height
        self.meter = meter   # [work done]: free rectangles looked at

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
        self.meter[0] += 4 + len(self.free)
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
        self.meter[0] += (
            10 + len(self.free) + len(new) * (len(new) + kept) // 8)
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


def _greedy(order, dims, width, height, rule, best_fit, meter):
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
            b = _Bin(width, height, meter)
            bins.append(b)
            chosen = (b, b.find(w, h, rule))
        b, (_, x, y, rw, rh) = chosen
        b.place(i, x, y, rw, rh)
    return bins


def _fill_load(groups, order, width, height, rule, meter):
    """Fill one load from `groups` ({key: units}), taking the keys in
    `order` and as many units of each as fit."""
    b = _Bin(width, height, meter)
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
# Greedy packings most often best on workshop batches, tried first:
# (sort, rule, best fit).
PROMISING = [
    (_by_area, BAF, False), (_by_area, BL, False),
    (_by_perimeter, BAF, True), (_by_perimeter, BSSF, True),
    (_by_area, BSSF, False), (_by_area, BSSF, True),
    (_by_area, BLSF, False), (_by_perimeter, BL, False),
    (_by_area, BAF, True), (_by_long_side, BSSF, True),
    (_by_long_side, BAF, False), (_by_short_side, BAF, True),
    (_by_short_side, BL, False), (_by_perimeter, BSSF, False),
    ]


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
        self.meter = [0]
        self.random = random.Random(seed)
        self.levels = sorted({d for d in dues if d is not None})
        self.urgent = False   # whether the score looks at urgency
        self.best = None
        self.best_score = None

    def out_of_budget(self, share=1):
        """Whether `share` of the effort or of the time is spent."""
        if self.effort is not None and self.meter[0] >= share * self.effort:
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
        """Greedy packings until `share` of the budget: every sort order x
        rule x first or best fit, the most often best first (measured on
        workshop batches), and one sequential fill with several tries."""
        indices = list(range(len(self.dims)))
        orders = {key: sorted(indices, key=lambda i: key(_size(*self.dims[i])))
                  for key in SORTS}
        runs = [(key, rule, best_fit) for key in SORTS for rule in RULES
                for best_fit in (False, True)]
        runs.sort(key=lambda run: PROMISING.index(run)
                  if run in PROMISING else len(PROMISING))
        runs.insert(4, None)
        for run in runs:
            if run is None:
                bins = self.sequential(indices, [
                        (key, rule) for key in SORTS[:3]
                        for rule in RULES[:2]])
            else:
                key, rule, best_fit = run
                bins = _greedy(orders[key], self.dims, self.width,
                               self.height, rule, best_fit, self.meter)
            self.offer(bins)
            if self.out_of_budget(share):
                return

    def sequential(self, indices, tries, limit=None):
        """Fill loads one after the other, each with the fullest of the
        `tries` (sort key of sizes, rule) over the units left; None if
        that takes more than `limit` loads."""
        groups = _groups(indices, self.dims, self.dues)
        orders = [(sorted(groups, key=key if key is _by_due
                          else lambda g: key(g[0])), rule)
                  for key, rule in tries]
        group_of = {i: key for key, units in groups.items() for i in units}
        left = sum(len(units) for units in groups.values())
        bins = []
        while left:
            if limit is not None and len(bins) >= limit:
                return None
            best = None
            for order, rule in orders:
                b = _fill_load(groups, order, self.width, self.height,
                               rule, self.meter)
                if best is None or b.area > best.area:
                    best = b
            bins.append(best)
            left -= len(best.rects)
            # _fill_load takes the first units of each group.
            taken = {}
            for r in best.rects:
                key = group_of[r[0]]
                taken[key] = taken.get(key, 0) + 1
            for key, n in taken.items():
                groups[key] = groups[key][n:]
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

    def into_holes(self, bins, pool):
        """Put units of `pool` (largest first, with noise) into the free
        space of `bins`, best fit; return the new loads (changed ones are
        copies) and the units left."""
        key = self.shuffled_key()
        dims = self.dims
        pool = sorted(pool, key=lambda i: key(_size(*dims[i])))
        rule = self.random.choice((BSSF, BAF, BL))
        capacity = self.width * self.height
        bins = list(bins)
        copied = set()
        failed = {}
        left = []
        for i in pool:
            w, h = dims[i]
            skip = failed.setdefault(_size(w, h), set())
            chosen = None
            for n, b in enumerate(bins):
                if (n in skip or b.area + w * h > capacity
                        or not b.may_fit(w, h)):
                    continue
                pos = b.find(w, h, rule)
                if pos is None:
                    skip.add(n)
                elif chosen is None or pos[0] < chosen[1][0]:
                    chosen = (n, pos)
            if chosen is None:
                left.append(i)
                continue
            n, pos = chosen
            if n not in copied:
                bins[n] = _copy(bins[n])
                copied.add(n)
            bins[n].place(i, *pos[1:])
        return bins, left

    def neighbour(self, current):
        """A random neighbour of the packing `current`, or None: take out
        the units of the least filled load and of one to three others,
        drawn with weights (free area)² (with urgency, preferably loads
        holding the most urgent units), then put them back: half of the
        time first into the free space of the other loads, then by
        sequential fills (None if that needs more loads than it took)."""
        weakest = min(current, key=lambda b: b.area)
        others = [b for b in current if b is not weakest]
        if self.urgent and self.random.random() < 0.5:
            urgent = [b for b in others
                      if _urgency([b], self.dues, self.levels)[:1] == (1,)]
            others = urgent or others
        capacity = self.width * self.height
        weights = [(capacity - b.area) ** 2 + 1 for b in others]
        chosen = [weakest]
        for _ in range(min(len(others), self.random.randint(1, 3))):
            n = self.random.choices(range(len(others)), weights)[0]
            chosen.append(others.pop(n))
            weights.pop(n)
        out = {id(b) for b in chosen}
        rest = [b for b in current if id(b) not in out]
        pool = [r[0] for b in chosen for r in b.rects]
        if self.random.random() < 0.5:
            rest, pool = self.into_holes(rest, pool)
        tries = [(self.shuffled_key(), self.random.choice(RULES[:3])),
                 (_by_area, BSSF), (_by_long_side, BAF)]
        if self.urgent:
            tries.append((_by_due, BSSF))
        packed = self.sequential(pool, tries, len(chosen))
        return None if packed is None else rest + packed

    def improve(self, share, max_stall, lower_bound):
        """Large neighbourhood search from the best packing, with
        threshold acceptance: keep each `neighbour` that is not worse,
        or as good but for a sum of squares at most TOLERANCE lower (to
        leave local optima); stop after `max_stall` tries without a new
        best (a third once at the lower bound) or at `share` of the
        budget."""
        current, current_score = self.best, self.best_score
        stall = 0
        while (len(self.best) > 1 and not self.out_of_budget(share)
                and stall < (max_stall if len(self.best) > lower_bound
                             else max_stall // 3)):
            stall += 1
            candidate = self.neighbour(current)
            if candidate is None:
                continue
            score = self.score(candidate)
            if score <= current_score or (
                    score[:2] == current_score[:2]
                    and score[2] <= current_score[2] * (1 - TOLERANCE)):
                current, current_score = candidate, score
                if self.offer(candidate):
                    stall = 0

    def solve(self, lower_bound):
        """Construct, improve the number of loads and fill, then (with
        due dates) the urgency; return the best loads."""
        self.construct(0.15)
        self.improve(0.9 if self.levels else 1, 600, lower_bound)
        if self.levels:
            self.urgent = True
            self.best_score = self.score(self.best)
            self.offer(self.sequential(range(len(self.dims)),
                                       [(_by_due, BSSF), (_by_due, BAF)]))
            self.improve(1, 100, lower_bound)
        return self.best


def _copy(b):
    "A copy of a load being filled, to change it freely."
    c = _Bin.__new__(_Bin)
    c.free = list(b.free)
    c.rects = list(b.rects)
    c.area = b.area
    c.max_w = b.max_w
    c.max_h = b.max_h
    c.meter = b.meter
    return c


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
            units = sorted(
                (s[2].rects[s[1]][0] for s in group),
                key=lambda i: (
                    dues[i] is None, dues[i] if dues[i] is not None else 0,
                    i))
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


def plan_loads(oven, items, time_limit=1.0, seed=0, effort=DEFAULT_EFFORT):
    """Propose the oven loads for `items` (units of one powder batch).

    Returns a `Plan`: loads in curing order, each unit placed once, and
    the units that cannot go in the oven with their reason (TOO_HIGH,
    TOO_LARGE). `effort` (work units, None for no limit) and
    `time_limit` (seconds, None for none) bound the search, which is
    reproducible for a given `seed` unless the time limit stops it.
    """
    # Sizes may be int, float or Decimal (Tryton's Numeric): as floats.
    length, width, height, hook, margin = map(float, (
            oven.length, oven.width, oven.height, oven.hook_height,
            oven.margin))
    if length <= 0 or width <= 0 or height <= 0:
        raise ValueError('oven size must be positive')
    if margin < 0 or hook < 0:
        raise ValueError('margin and hook height must not be negative')
    start = time.perf_counter()
    items = list(items)
    bin_w, bin_h = _down(length - margin), _down(width - margin)
    unplaceable, placeable, dims = [], [], []
    for item in items:
        if item.length <= 0 or item.width <= 0 or item.height < 0:
            raise ValueError('item size must be positive: %r' % (item,))
        if float(item.height) + hook > height + 1e-6:
            unplaceable.append((item, TOO_HIGH))
            continue
        w = _up(float(item.length) + margin)
        h = _up(float(item.width) + margin)
        if bin_w <= 0 or bin_h <= 0 or not _fits(w, h, bin_w, bin_h):
            unplaceable.append((item, TOO_LARGE))
            continue
        placeable.append(item)
        dims.append((w, h))
    if not placeable:
        return Plan([], unplaceable, 0)

    dues = [item.due for item in placeable]
    lower_bound = _lower_bound(dims, bin_w, bin_h)
    deadline = None if time_limit is None else (start, start + time_limit)
    search = _Search(dims, dues, bin_w, bin_h, deadline, effort, seed)
    bins = search.solve(lower_bound)
    if search.levels:
        _swap_urgent(bins, dims, dues)

    loads = []
    for b in bins:
        placements = []
        for i, x, y, w, h in sorted(b.rects, key=lambda r: (r[2], r[1])):
            item = placeable[i]
            rotated = (w, h) != dims[i]
            sizes = (float(item.length), float(item.width))
            placements.append(Placement(
                    item, x / RESOLUTION + margin, y / RESOLUTION + margin,
                    *(sizes[::-1] if rotated else sizes), rotated))
        area = sum(p.length * p.width for p in placements)
        loads.append(Load(placements, area / (length * width)))
    order = sorted(range(len(loads)), key=lambda n: curing_key(
            loads[n], min(r[0] for r in bins[n].rects)))
    return Plan([loads[n] for n in order], unplaceable, max(lower_bound, 1))


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


def _tag(name, content=None, **attrs):
    """An SVG element; attribute names use _ for - (stroke_width), a
    trailing _ is dropped (class_), numbers are shortened."""
    parts = [name]
    for key, value in attrs.items():
        if isinstance(value, (int, float)):
            value = _num(value)
        attr = key.rstrip('_').replace('_', '-')
        parts.append('%s=%s' % (attr, quoteattr(str(value))))
    if content is None:
        return '<%s/>' % ' '.join(parts)
    return '<%s>%s</%s>' % (' '.join(parts), content, name)


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
    if labels is None:
        def text_of(key):
            return str(key)
    elif callable(labels):
        def text_of(key):
            return str(labels(key))
    else:
        def text_of(key):
            return str(labels.get(key, key))
    legend = legend or {}
    length, width, margin = map(float, (
            oven.length, oven.width, oven.margin))
    unit = max(length, width) / 100          # text and strokes scale
    font = 2.2 * unit
    thin, thick = unit * 0.15, unit * 0.4
    pad = 3 * unit
    top = pad + (font * 1.6 if title else 0)
    view_w = length + 2 * pad
    view_h = top + width + pad + unit + font * 1.5 + font * 1.6 * len(
        legend) + pad
    out = [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" '
        'font-family="sans-serif">' % (_num(view_w), _num(view_h)),
        '<defs><pattern id="hatch" patternUnits="userSpaceOnUse" '
        'width="%s" height="%s" patternTransform="rotate(45)">%s'
        '</pattern></defs>' % (_num(unit), _num(unit), _tag(
                'line', x1=0, y1=0, x2=0, y2=unit, stroke='black',
                stroke_width=thin)),
        _tag('rect', width='100%', height='100%', fill='white'),
        ]
    if title:
        out.append(_tag(
                'text', escape(str(title)), x=pad, y=pad + font,
                font_size=font * 1.2, font_weight='bold'))
    out.append('<g transform="translate(%s %s)">' % (_num(pad), _num(top)))
    if margin > 0:
        inner = (margin, margin, length - margin, width - margin)
        out.append(_tag(
                'path', class_='margin', fill='url(#hatch)',
                fill_rule='evenodd', d='M0 0H%s V%s H0Z M%s %sH%s V%s H%sZ'
                % tuple(map(_num, (length, width) + inner + inner[:1]))))
    out.append(_tag(
            'rect', class_='oven', width=length, height=width, fill='none',
            stroke='black', stroke_width=thick))
    half = margin / 2
    for p in load.placements:
        text = text_of(p.item.key)
        if half > 0:
            out.append(_tag(
                    'rect', class_='clearance', x=p.x - half, y=p.y - half,
                    width=p.length + margin, height=p.width + margin,
                    fill='none', stroke='grey', stroke_width=thin,
                    stroke_dasharray=_num(unit)))
        out.append(_tag(
                'rect', _tag('title', escape(text)), class_='part', x=p.x,
                y=p.y, width=p.length, height=p.width, fill='white',
                stroke='black', stroke_width=thin * 2))
        # The label along the part's long side, as large as fits; none
        # when unreadable (the title above shows it on screen).
        along, across = max(p.length, p.width), min(p.length, p.width)
        size = min(
            font, across * 0.7, along * 0.9 / (0.6 * max(len(text), 1)))
        if size >= font * 0.3:
            cx, cy = p.x + p.length / 2, p.y + p.width / 2
            turn = {}
            if p.width > p.length:
                turn['transform'] = 'rotate(-90 %s %s)' % (
                    _num(cx), _num(cy))
            out.append(_tag(
                    'text', escape(text), class_='label', x=cx, y=cy,
                    font_size=size, text_anchor='middle',
                    dominant_baseline='central', **turn))
    out.append('</g>')
    # Scale bar: alternate black and white quarters, 0 and its length.
    bar = _nice_length(length)
    y = top + width + pad
    out.append('<g class="scale">')
    for n in range(4):
        out.append(_tag(
                'rect', x=pad + n * bar / 4, y=y, width=bar / 4,
                height=unit, fill='black' if n % 2 == 0 else 'white',
                stroke='black', stroke_width=thin))
    out.append(_tag(
            'text', '0', x=pad, y=y + unit + font * 1.1,
            font_size=font * 0.8))
    out.append(_tag(
            'text', '%s mm' % _num(bar), x=pad + bar,
            y=y + unit + font * 1.1, font_size=font * 0.8,
            text_anchor='end'))
    out.append('</g>')
    y += unit + font * 1.5
    swatches = {
        'part': {'fill': 'white'},
        'margin': {'fill': 'url(#hatch)'},
        }
    for n, (key, text) in enumerate(legend.items()):
        ly = y + font * 1.6 * n + font * 0.3
        x = pad
        if key in swatches:
            out.append(_tag(
                    'rect', x=pad, y=ly, width=font * 2, height=font,
                    stroke='black', stroke_width=thin, **swatches[key]))
            x += font * 2.6
        out.append(_tag(
                'text', escape(str(text)), class_='legend', x=x,
                y=ly + font / 2, font_size=font,
                dominant_baseline='central'))
    out.append('</svg>')
    return '\n'.join(out)
