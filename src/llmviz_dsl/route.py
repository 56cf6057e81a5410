"""Edge routing on the final boxes.

Orthogonal edges: A* over an orthogonal visibility grid (the lines beside
every box and down the middle of every gap), costing length, bends and
running on top of an unrelated edge. Edges never pass through a box. Edges
that share a source (fan-out) or a target (fan-in) may share a trunk.
"""
from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from dataclasses import dataclass

from .geometry import Box

Point = tuple[float, float]
NORMAL = {"left": (-1, 0), "right": (1, 0), "top": (0, -1), "bottom": (0, 1)}
MARGIN = 14.0
BEND = 40.0
OVERLAP = 400.0
CROSS = 200.0
PORT = 80.0       # cost of a side that faces away from the other end
# Several edges on one side of a box attach PITCH apart: a port off the
# side's centre costs SHIFT plus its offset (a shifted port never shortens a
# route for free); one in line with the other end's centre (a straight run)
# costs ALIGN, less on a long side than on a short one; a port crowding an
# unrelated edge's port costs OVERLAP.
PITCH = 32.0
SHIFT = 60.0
ALIGN = 30.0
HUG = 1.0         # per unit of a leg running along the edge of a panel it crosses
                  # (of any box, for an edge between panels: it keeps to open space)
INSIDE = 0.2      # per unit of a leg inside a panel holding only one end: leave it soon


def _side_cost(side: str, frm: Box, to: Box) -> float:
    dx, dy = to.cx - frm.cx, to.cy - frm.cy
    L = math.hypot(dx, dy) or 1.0
    nx, ny = NORMAL[side]
    return PORT * (1 - (nx * dx + ny * dy) / L)


@dataclass
class Seg:
    horizontal: bool
    at: float
    a: float
    b: float
    src: str
    dst: str
    merge: bool = True


def port(b: Box, side: str) -> Point:
    x, y = {"left": (b.x, b.cy), "right": (b.right, b.cy),
            "top": (b.cx, b.y), "bottom": (b.cx, b.bottom)}[side]
    return _r(x), _r(y)


def _r(v: float) -> float:
    return round(v, 2)


class Router:
    def __init__(self, obstacles: list[tuple[Box, frozenset[str]]]) -> None:
        self.obstacles = obstacles
        self.used: list[Seg] = []
        self.ends: list[tuple[Point, str, str, bool]] = []    # ports taken: (point, src, dst, merge)
        self.merge = True                                   # the edge being routed may merge
        self.hugged: list[Box] = []                         # boxes whose edges it keeps off
        self.left: list[Box] = []                           # panels it should leave soon
        self.pitch = PITCH                                  # the edge's spacing from other ports

    # -------------------------------------------------------- helpers
    def _blocked(self, p: Point, q: Point, skip: frozenset[str], obstacles=None) -> bool:
        x0, x1 = sorted((p[0], q[0]))
        y0, y1 = sorted((p[1], q[1]))
        m = MARGIN - 1.0
        for b, ids in (self.obstacles if obstacles is None else obstacles):
            if ids & skip:
                continue
            if x0 < b.right + m and x1 > b.x - m and y0 < b.bottom + m and y1 > b.y - m:
                return True
        return False

    def _overlap_cost(self, p: Point, q: Point, src: str, dst: str) -> float:
        horiz = p[1] == q[1]
        at = p[1] if horiz else p[0]
        a, b = sorted((p[0], q[0]) if horiz else (p[1], q[1]))
        cost = 0.0
        for s in self.used:
            related = self.merge and s.merge and (s.src == src or s.dst == dst)
            if s.horizontal == horiz:
                if abs(s.at - at) < 2 and not related and min(b, s.b) - max(a, s.a) > 1:
                    cost += OVERLAP
            elif a < s.at <= b and s.a < at < s.b and not related:   # steps end on grid lines: count once
                cost += CROSS
        return cost

    def _hug_cost(self, p: Point, q: Point) -> float:
        """A leg running just inside or outside the edge of a container it
        crosses (of any box, for an edge between panels), no further than
        MARGIN, looks glued to it: keep to open space."""
        horiz = p[1] == q[1]
        at = p[1] if horiz else p[0]
        a, b = sorted((p[0], q[0]) if horiz else (p[1], q[1]))
        cost = 0.0
        for box in self.hugged:
            lo, hi = (box.x, box.right) if horiz else (box.y, box.bottom)
            run = min(b, hi) - max(a, lo)
            if run > 0 and any(abs(at - e) <= MARGIN for e in ((box.y, box.bottom) if horiz else (box.x, box.right))):
                cost += HUG * run
        return cost

    def _inside_cost(self, p: Point, q: Point) -> float:
        """Legs inside a panel that holds only one end of the edge: the edge
        gets out (or in) by the shortest way and runs between the panels."""
        x0, x1 = sorted((p[0], q[0]))
        y0, y1 = sorted((p[1], q[1]))
        cost = 0.0
        for box in self.left:
            run = max(0.0, min(x1, box.right) - max(x0, box.x)) if y0 == y1 else \
                max(0.0, min(y1, box.bottom) - max(y0, box.y))
            if (box.y < y0 < box.bottom) if y0 == y1 else (box.x < x0 < box.right):
                cost += INSIDE * run
        return cost

    def _ports(self, B: Box, side: str, other: Box, src: str, dst: str):
        """Candidate ports on one side of B with their costs: the centre, steps
        of PITCH either way (when the side is shared), and the point in line
        with the other box."""
        along_x = side in ("top", "bottom")
        i = 0 if along_x else 1
        half = (B.w if along_x else B.h) / 2
        room = half - min(10.0, half / 3)
        x0, y0 = port(B, side)
        at = (lambda o: (_r(x0 + o), y0)) if along_x else (lambda o: (x0, _r(y0 + o)))
        # Ports of other edges on this side, but those it may merge with.
        taken = [e for e, s, d, m in self.ends if abs(e[1 - i] - (x0, y0)[1 - i]) < 0.5
                 and (B.x <= e[0] <= B.right if along_x else B.y <= e[1] <= B.bottom)
                 and not (self.merge and m and (s == src or d == dst))]

        def crowded(p: Point) -> float:
            return OVERLAP if any(abs(e[i] - p[i]) < pitch * 0.75 for e in taken) else 0.0
        pitch = self.pitch
        offs = {0.0: 0.0}
        if taken:                       # a side shared with another edge: spread out
            k = 1
            while k * pitch <= room:
                for o in (k * pitch, -k * pitch):
                    offs[o] = SHIFT + 1.5 * k * pitch
                k += 1
        c = _r((other.cx - B.cx) if along_x else (other.cy - B.cy))
        if c and abs(c) <= room:
            offs[c] = ALIGN * (0.5 + abs(c) / room)
        for o, cost in offs.items():
            p = at(o)
            yield p, cost + crowded(p)

    # -------------------------------------------------------- routing
    def ortho(self, src_id: str, dst_id: str, S: Box, D: Box, src_sides, dst_sides,
              skip: frozenset[str], around: str | None = None, merge: bool = True,
              leave: frozenset[str] = frozenset(), pitch: float | None = None) -> list[Point]:
        self.merge = merge
        self.pitch = pitch or PITCH
        self.hugged = [b for b, ids in self.obstacles if leave or ids & skip]
        self.left = [b for b, ids in self.obstacles if ids & leave]
        xs, ys = set(), set()
        boxes = [b for b, _ in self.obstacles] + [S, D]
        for b in boxes:
            xs.update((_r(b.x - MARGIN), _r(b.right + MARGIN)))
            ys.update((_r(b.y - MARGIN), _r(b.bottom + MARGIN)))
        for coords, lo, hi in ((xs, "x", "right"), (ys, "y", "bottom")):
            edges = sorted({getattr(b, lo) for b in boxes} | {getattr(b, hi) for b in boxes})
            for a, c in zip(edges, edges[1:]):
                if c - a > 2 * MARGIN:
                    coords.add(_r((a + c) / 2))
            coords.add(_r(edges[0] - 3 * MARGIN))
            coords.add(_r(edges[-1] + 3 * MARGIN))
        starts, goals = [], {}
        for side in src_sides:
            nx, ny = NORMAL[side]
            for p, pc in self._ports(S, side, D, src_id, dst_id):
                q = (_r(p[0] + nx * MARGIN), _r(p[1] + ny * MARGIN))
                xs.add(q[0]); ys.add(q[1]); xs.add(_r(p[0])); ys.add(_r(p[1]))
                starts.append((q, (nx, ny), p, pc + (_side_cost(side, S, D) if len(src_sides) > 1 else 0.0)))
        for side in dst_sides:
            nx, ny = NORMAL[side]
            for p, pc in self._ports(D, side, S, src_id, dst_id):
                q = (_r(p[0] + nx * MARGIN), _r(p[1] + ny * MARGIN))
                xs.add(q[0]); ys.add(q[1]); xs.add(_r(p[0])); ys.add(_r(p[1]))
                goals[q] = ((-nx, -ny), p, pc + (_side_cost(side, D, S) if len(dst_sides) > 1 else 0.0))
        X, Y = sorted(xs), sorted(ys)
        # `around`: no leg may run along the figure between its outer edges
        # (a vertical leg for left/right, a horizontal one for top/bottom).
        inside = None
        if around:
            lo, hi = ("x", "right") if around in ("left", "right") else ("y", "bottom")
            inside = (min(getattr(b, lo) for b in boxes), max(getattr(b, hi) for b in boxes))

        def h(pt):
            return min(abs(pt[0] - g[0]) + abs(pt[1] - g[1]) for g in goals)

        # A step's cost apart from length and bends does not depend on the
        # direction it is taken in: work it out once per grid segment (None:
        # blocked), against the obstacles this edge may not cross.
        open_obs = [(b, ids) for b, ids in self.obstacles if not ids & skip]
        step_cost: dict[tuple[Point, Point], float | None] = {}

        def step(pt: Point, q: Point) -> float | None:
            key = (pt, q) if pt <= q else (q, pt)
            if key not in step_cost:
                blocked = self._blocked(pt, q, frozenset(), open_obs)
                step_cost[key] = None if blocked else (self._overlap_cost(pt, q, src_id, dst_id)
                                                       + self._hug_cost(pt, q) + self._inside_cost(pt, q))
            return step_cost[key]

        heap, best, prev = [], {}, {}
        for q, d, p, c0 in starts:
            # A stub that leaves into another box is not a way out; a box
            # behind the port (boxes over a rule the edge leaves downwards)
            # is not in its way.
            ahead = [(b, ids) for b, ids in self.obstacles
                     if not (d[0] * ((b.right if d[0] > 0 else b.x) - p[0]) <= 0 if d[0] else
                             d[1] * ((b.bottom if d[1] > 0 else b.y) - p[1]) <= 0)]
            if self._blocked(p, q, skip | {src_id}, ahead):
                continue
            st = (q, d)
            best[st] = c0
            prev[st] = (None, p)
            heapq.heappush(heap, (c0 + h(q), c0, q, d))
        found = None
        while heap:
            f, g, pt, d = heapq.heappop(heap)
            if g > best.get((pt, d), 1e18):
                continue
            if pt in goals:
                need, _, c1 = goals[pt]
                extra = c1 + (0.0 if d == need else BEND * (2 if d == (-need[0], -need[1]) else 1))
                if found is None or g + extra < found[0]:
                    found = (g + extra, (pt, d))
                continue
            if found is not None and f >= found[0]:
                break
            for nd in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                if nd == (-d[0], -d[1]):
                    continue
                if nd[0]:
                    i = bisect_left(X, pt[0])
                    j = i + 1 if nd[0] > 0 else i - 1
                    if j < 0 or j >= len(X):
                        continue
                    q = (X[j], pt[1])
                else:
                    i = bisect_left(Y, pt[1])
                    j = i + 1 if nd[1] > 0 else i - 1
                    if j < 0 or j >= len(Y):
                        continue
                    q = (pt[0], Y[j])
                extra = step(pt, q)
                if extra is None:
                    continue
                if inside and (nd[0] == 0) == (around in ("left", "right")):
                    at = pt[0] if nd[0] == 0 else pt[1]
                    if inside[0] < at < inside[1]:
                        continue
                cost = g + abs(q[0] - pt[0]) + abs(q[1] - pt[1])
                if nd != d:
                    cost += BEND
                cost += extra
                if cost < best.get((q, nd), 1e18):
                    best[(q, nd)] = cost
                    prev[(q, nd)] = ((pt, d), None)
                    heapq.heappush(heap, (cost + h(q), cost, q, nd))
        if found is None:
            a = port(S, src_sides[0])
            b = port(D, dst_sides[0])
            return [a, (a[0], b[1]), b] if a[0] != b[0] and a[1] != b[1] else [a, b]
        st = found[1]
        pts = [goals[st[0]][1], st[0]]
        while True:
            back, origin = prev[st]
            if back is None:
                pts.append(origin)
                break
            pts.append(back[0])
            st = back
        pts.reverse()
        return simplify(pts)

    def commit(self, pts: list[Point], src: str, dst: str, merge: bool = True) -> None:
        self.ends += [(pts[0], src, dst, merge), (pts[-1], src, dst, merge)]
        for p, q in zip(pts, pts[1:]):
            horiz = abs(p[1] - q[1]) < 0.01
            a, b = sorted((p[0], q[0]) if horiz else (p[1], q[1]))
            self.used.append(Seg(horiz, p[1] if horiz else p[0], a, b, src, dst, merge))


def simplify(pts: list[Point]) -> list[Point]:
    out: list[Point] = []
    for p in pts:
        if out and out[-1] == p:
            continue
        if len(out) >= 2:
            a, b = out[-2], out[-1]
            if (a[0] == b[0] == p[0]) or (a[1] == b[1] == p[1]):
                out[-1] = p
                continue
        out.append(p)
    return out


def straight(S: Box, D: Box, src_side: str | None, dst_side: str | None,
             plumb: bool = False) -> list[Point]:
    """A straight edge between facing sides (diagonal if need be). `plumb`:
    attach to the wider end in line with the narrower end's centre (clamped to
    the wider end), so the edge runs vertically/horizontally."""
    if src_side is None or dst_side is None:
        dx, dy = D.cx - S.cx, D.cy - S.cy
        if abs(dy) * 1.2 >= abs(dx) or (D.y >= S.bottom or S.y >= D.bottom):
            a, b = ("bottom", "top") if dy > 0 else ("top", "bottom")
        else:
            a, b = ("right", "left") if dx > 0 else ("left", "right")
        src_side, dst_side = src_side or a, dst_side or b
    p, q = port(S, src_side), port(D, dst_side)
    if plumb:
        vertical = src_side in ("top", "bottom")
        lo, hi = ("x", "right") if vertical else ("y", "bottom")
        narrow = S if (S.w if vertical else S.h) < (D.w if vertical else D.h) else D
        at = min(max(narrow.cx if vertical else narrow.cy, max(getattr(S, lo), getattr(D, lo))),
                 min(getattr(S, hi), getattr(D, hi)))
        p, q = ((at, p[1]), (at, q[1])) if vertical else ((p[0], at), (q[0], at))
    return [p, q]


def segment_hits_box(p: Point, q: Point, b: Box) -> bool:
    """Does segment pq pass through the interior of b (Liang-Barsky)?"""
    x0, y0 = p
    dx, dy = q[0] - x0, q[1] - y0
    t0, t1 = 0.0, 1.0
    for pp, qq in ((-dx, x0 - b.x), (dx, b.right - x0), (-dy, y0 - b.y), (dy, b.bottom - y0)):
        if pp == 0:
            if qq <= 0:
                return False
        else:
            t = qq / pp
            if pp < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 >= t1:
                return False
    return t1 - t0 > 1e-6
