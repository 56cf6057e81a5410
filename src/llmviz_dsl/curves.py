"""Curved edges: arcs between two nodes and self-loops, each one cubic Bézier.

An arc leaves and enters its nodes where the curve meets their outlines and
bulges `bend` times its chord to the left of its direction of travel, so two
opposite arcs between the same nodes (same bend) lie on either side of the
line joining them. A self-loop leaves and re-enters one side of its node: on
the left or right side it comes back above where it left, on the top or
bottom side right of where it left. A label sits at its point of the curve on
the outside of the bulge (an arc may take the inside when the outside is
taken), clear of boxes, other labels and other edges.
"""
from __future__ import annotations

import math

from .geometry import Box, fmt

Point = tuple[float, float]
Bezier = tuple[Point, Point, Point, Point]

ROUND_SHAPES = ("ellipse", "circle")   # outlines met as ellipses; others as boxes
NORMAL = {"left": (-1.0, 0.0), "right": (1.0, 0.0), "top": (0.0, -1.0), "bottom": (0.0, 1.0)}
# The direction along a side in which a loop leaves (it re-enters on the other side of the normal).
LEAVE = {"left": (0.0, 1.0), "right": (0.0, 1.0), "top": (-1.0, 0.0), "bottom": (-1.0, 0.0)}
SAMPLES = 32
LABEL_GAP = 6.0


class Curve(list):
    """The route of a curved edge: points sampled along the curve (so whatever
    reads a route as a polyline sees the curve), and the Bézier to paint."""

    def __init__(self, bez: Bezier, loop: bool = False, ref: Point | None = None) -> None:
        super().__init__(sample(bez))
        self.bezier = bez
        self.loop = loop
        self.ref = ref          # the bulge points away from here


# ---------------------------------------------------------------- Bézier helpers

def point(b: Bezier, t: float) -> Point:
    u = 1 - t
    c = (u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t)
    return (sum(k * p[0] for k, p in zip(c, b)), sum(k * p[1] for k, p in zip(c, b)))


def tangent(b: Bezier, t: float) -> Point:
    """The unit direction of travel at t."""
    u = 1 - t
    c = (-3 * u * u, 3 * u * u - 6 * u * t, 6 * u * t - 3 * t * t, 3 * t * t)
    dx, dy = sum(k * p[0] for k, p in zip(c, b)), sum(k * p[1] for k, p in zip(c, b))
    L = math.hypot(dx, dy)
    if L < 1e-9:       # a handle of length zero: fall back to the chord
        dx, dy = b[3][0] - b[0][0], b[3][1] - b[0][1]
        L = math.hypot(dx, dy) or 1.0
    return dx / L, dy / L


def sample(b: Bezier, n: int = SAMPLES) -> list[Point]:
    return [point(b, i / n) for i in range(n + 1)]


def split(b: Bezier, t: float) -> tuple[Bezier, Bezier]:
    """De Casteljau: the parts of b before and after t."""
    def lerp(p, q):
        return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)
    p01, p12, p23 = lerp(b[0], b[1]), lerp(b[1], b[2]), lerp(b[2], b[3])
    p012, p123 = lerp(p01, p12), lerp(p12, p23)
    m = lerp(p012, p123)
    return (b[0], p01, p012, m), (m, p123, p23, b[3])


def cut_end(b: Bezier, dist: float) -> Bezier:
    """b without its last `dist` units (measured straight from the end): room
    for an arrow head."""
    lo, hi = 0.0, 1.0
    end = b[3]
    for _ in range(40):
        mid = (lo + hi) / 2
        p = point(b, mid)
        if math.hypot(p[0] - end[0], p[1] - end[1]) > dist:
            lo = mid
        else:
            hi = mid
    return split(b, lo)[0]


def reverse(b: Bezier) -> Bezier:
    return b[3], b[2], b[1], b[0]


def path_d(b: Bezier) -> str:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = b
    return f"M{fmt(x0)} {fmt(y0)}C{fmt(x1)} {fmt(y1)} {fmt(x2)} {fmt(y2)} {fmt(x3)} {fmt(y3)}"


# ---------------------------------------------------------------- outlines

def rim(box: Box, round_: bool, ux: float, uy: float) -> Point:
    """Where the ray from the centre of `box` along (ux, uy) meets the node's
    outline: an ellipse for round shapes, the box for the others."""
    a, b = box.w / 2 or 1e-9, box.h / 2 or 1e-9
    if round_:
        t = 1 / math.sqrt((ux / a) ** 2 + (uy / b) ** 2)
    else:
        t = min(a / abs(ux) if abs(ux) > 1e-12 else math.inf, b / abs(uy) if abs(uy) > 1e-12 else math.inf)
    return box.cx + ux * t, box.cy + uy * t


def _port(b: Box, side: str) -> Point:
    nx, ny = NORMAL[side]
    return b.cx + nx * b.w / 2, b.cy + ny * b.h / 2


# ---------------------------------------------------------------- arcs and loops

def arc(S: Box, s_round: bool, D: Box, d_round: bool, bend: float,
        src_side: str | None = None, dst_side: str | None = None) -> Curve:
    """A near-circular arc from S to D whose height is `bend` times its chord."""
    vx, vy = D.cx - S.cx, D.cy - S.cy
    L = math.hypot(vx, vy) or 1.0
    ux, uy = vx / L, vy / L
    nx, ny = uy, -ux                      # left of travel (page y runs down)
    th = 2 * math.atan(2 * bend)          # end tangent vs chord of a circular arc
    c, s = math.cos(th), math.sin(th)
    d0 = (c * ux + s * nx, c * uy + s * ny)
    d3 = (-c * ux + s * nx, -c * uy + s * ny)     # from D back out along the arc
    p0 = _port(S, src_side) if src_side else rim(S, s_round, *d0)
    p3 = _port(D, dst_side) if dst_side else rim(D, d_round, *d3)
    chord = math.hypot(p3[0] - p0[0], p3[1] - p0[1])
    k = chord / (3 * math.cos(th / 2) ** 2)   # handle of a circular arc
    bez = (p0, (p0[0] + k * d0[0], p0[1] + k * d0[1]), (p3[0] + k * d3[0], p3[1] + k * d3[1]), p3)
    mid = ((p0[0] + p3[0]) / 2, (p0[1] + p3[1]) / 2)
    sign = 1 if bend >= 0 else -1
    return Curve(bez, False, (mid[0] - sign * nx, mid[1] - sign * ny))


def loop(B: Box, round_: bool, side: str, reach: float | None = None) -> Curve:
    """A loop out of `side` of B reaching `reach` beyond the outline (default:
    the node's half-size on that side, at least 30); round when it can be:
    about as wide as it is deep."""
    nx, ny = NORMAL[side]
    px, py = LEAVE[side]
    half_n = B.w / 2 if nx else B.h / 2
    half_p = B.h / 2 if nx else B.w / 2
    reach = reach if reach is not None else max(half_n, 30.0)
    # Ends spread wider round the node as the loop grows; on a box they stay
    # on the loop's own side.
    al = math.radians(min(80.0, 25.0 + 25.0 * reach / max(half_n, 1.0)))
    if not round_:
        al = min(al, math.atan(0.8 * half_p / max(half_n, 1e-9)))
    ca, sa = math.cos(al), math.sin(al)
    p0 = rim(B, round_, ca * nx + sa * px, ca * ny + sa * py)
    p3 = rim(B, round_, ca * nx - sa * px, ca * ny - sa * py)
    along = ((p0[0] - B.cx) * nx + (p0[1] - B.cy) * ny)        # ends' distance along the normal
    spread = abs((p0[0] - B.cx) * px + (p0[1] - B.cy) * py)    # and either side of it
    depth = half_n + reach - along
    half_w = max(depth / 2, spread, half_p * 0.5)

    def shape(be: float):
        k = depth / (0.75 * math.cos(be))
        cb, sb = math.cos(be), math.sin(be)
        return (p0, (p0[0] + k * (cb * nx + sb * px), p0[1] + k * (cb * ny + sb * py)),
                (p3[0] + k * (cb * nx - sb * px), p3[1] + k * (cb * ny - sb * py)), p3)

    def width(bez) -> float:
        return max(abs((x - B.cx) * px + (y - B.cy) * py) for x, y in sample(bez, 64))

    lo, hi = 0.0, math.radians(85.0)
    for _ in range(40):               # the handle angle that makes the loop half_w wide
        mid = (lo + hi) / 2
        if width(shape(mid)) < half_w:
            lo = mid
        else:
            hi = mid
    return Curve(shape(lo), True, (B.cx, B.cy))


# ---------------------------------------------------------------- labels

def _hits(box: Box, line: list[Point]) -> bool:
    from .route import segment_hits_box
    return any(segment_hits_box(p, q, box) for p, q in zip(line, line[1:]))


def label_box(curve: Curve, w: float, h: float, at: float, avoid: list[Box],
              lines: list[list[Point]]) -> Box:
    """Beside the curve at `at` (0..1 along it), on the outside of its bulge
    (an arc also tries the inside), then a little either way along it; the
    first spot clear of `avoid` boxes and of `lines` (other edges) wins."""
    bez = curve.bezier
    ref = curve.ref
    sides = (1,) if curve.loop else (1, -1)
    cands: list[Box] = []
    for dt in (0.0, 0.12, -0.12, 0.25, -0.25):
        t = min(max(at + dt, 0.05), 0.95)
        p = point(bez, t)
        tx, ty = tangent(bez, t)
        nx, ny = -ty, tx
        if (p[0] - ref[0]) * nx + (p[1] - ref[1]) * ny < 0:
            nx, ny = -nx, -ny
        for s in sides:
            mx, my = nx * s, ny * s
            for push in range(0, 60, 3):     # clear of its own curve, which may bend round the box
                off = LABEL_GAP + push + abs(mx) * w / 2 + abs(my) * h / 2
                box = Box(p[0] + mx * off - w / 2, p[1] + my * off - h / 2, w, h)
                if not _hits(box, list(curve)):
                    break
            cands.append(box)
    for c in cands:
        if not any(c.overlaps(b, 0.5) for b in avoid) and not any(_hits(c, ln) for ln in lines):
            return c
    return cands[0]


def bounds(curve: Curve) -> Box:
    xs, ys = [p[0] for p in curve], [p[1] for p in curve]
    return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def curve_of(e, a, b, src_side: str | None = None, dst_side: str | None = None) -> Curve:
    """The curve of an arc or loop Edge between placed (or sized) ends `a`, `b`
    (anything with `.el` and `.shape`)."""
    def round_(p) -> bool:
        return getattr(p.el, "shape", None) in ROUND_SHAPES
    if e.loop:
        return loop(a.shape, round_(a), e.loop, e.loop_size)
    return arc(a.shape, round_(a), b.shape, round_(b), e.bend, src_side, dst_side)


class _End:
    def __init__(self, el, shape: Box) -> None:
        self.el, self.shape = el, shape


def _node_shapes(s, x: float, y: float, out: dict) -> None:
    """Ids of the nodes inside a measured element -> where their shapes sit."""
    if s.shape_h is not None and s.el.id:
        bw = s.extra["box_w"]
        out[s.el.id] = _End(s.el, Box(x + (s.w - bw) / 2, y, bw, s.shape_h))
    elif s.el.id:
        out[s.el.id] = _End(s.el, Box(x, y, s.w, s.h))
    for k, dx, dy in s.kids:
        _node_shapes(k, x + dx, y + dy, out)


def make_room(ctx, s) -> None:
    """Grow a measured layout `s` (moving its children) so it holds the arcs
    and loops between its own nodes, with their labels: a panel around it
    then holds them too."""
    ends: dict = {}
    for k, dx, dy in s.kids:
        _node_shapes(k, dx, dy, ends)
    boxes = [end.shape for end in ends.values()]
    curves, labels = [], []
    for e in ctx.edges:
        a, b = e.src.partition(".")[0], e.dst.partition(".")[0]
        if e.route == "arc" and a in ends and b in ends:
            curves.append((e, curve_of(e, ends[a], ends[b], e.src.partition(".")[2] or None,
                                       e.dst.partition(".")[2] or None)))
    room = [bounds(c) for _, c in curves]
    for e, c in curves:
        if e.label:
            blk = ctx.text(e.label, e, e.label_size, e.label_color, align=e.label_align)
            box = label_box(c, blk.width, blk.height, e.label_at, boxes + labels,
                            [d for f, d in curves if f is not e])
            labels.append(box)
    room += labels
    if not room:
        return
    x0 = min(0.0, min(r.x for r in room))
    y0 = min(0.0, min(r.y for r in room))
    x1 = max(s.w, max(r.right for r in room))
    y1 = max(s.h, max(r.bottom for r in room))
    s.kids = [(k, dx - x0, dy - y0) for k, dx, dy in s.kids]
    s.w, s.h = x1 - x0, y1 - y0
