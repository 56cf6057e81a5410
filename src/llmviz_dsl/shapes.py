"""Node shapes in one place: each name maps to how its outline is drawn and
how much room it needs around its content. `Node(shape=...)` accepts exactly
these names; adding a shape is one `@shape(...)` function here."""
from __future__ import annotations

import inspect
import math
from dataclasses import dataclass
from typing import Any, Callable

from .geometry import Box, fmt
from .scene import Ellipse, Paint, Path, Poly, Prim, Rect


Point = tuple[float, float]


def _whole(b: Box, node) -> Box:
    return b


@dataclass(frozen=True)
class Shape:
    # Outline of the node in `box`: (box, paint, corner radius, arrow-head
    # size, the Node itself for shape options) -> primitives. The body is
    # drawn with the paint given (a drop shadow copies exactly those parts).
    draw: Callable[[Box, Paint, float, float, Any], list[Prim]]
    # Content size (label + padding), the Node -> the box that holds it, such
    # that the content fits `inner` of that box.
    grow: Callable[[float, float, Any], tuple[float, float]]
    bare: bool = False       # no outline and no padding: text only
    # Where label and icon are centred: (box, Node) -> the usable interior.
    inner: Callable[[Box, Any], Box] = _whole
    # The visible outline as a polygon, for shapes whose outline leaves the
    # midpoints of the box's sides: edges are extended to end on it.
    outline: Callable[[Box, Any], list[Point]] | None = None
    # Room drawn beyond the box on each side, (Node) -> (top, right, bottom,
    # left): layout keeps it free, edges still attach to the box (a tail).
    outset: Callable[[Any], tuple[float, float, float, float]] | None = None


SHAPES: dict[str, Shape] = {}


def _same(w: float, h: float) -> tuple[float, float]:
    return w, h


def shape(name: str, grow: Callable[..., tuple[float, float]] = _same, bare: bool = False,
          inner: Callable[[Box, Any], Box] = _whole, outline: Callable[[Box, Any], list[Point]] | None = None,
          outset: Callable[[Any], tuple[float, float, float, float]] | None = None):
    """Register a shape. `grow` is (w, h) -> (w, h), or (w, h, node) when
    the room needed depends on the node's shape options."""
    if len(inspect.signature(grow).parameters) < 3:
        grow = (lambda g: lambda w, h, node: g(w, h))(grow)

    def reg(fn):
        SHAPES[name] = Shape(fn, grow, bare, inner, outline, outset)
        return fn
    return reg


def arrow_head(tip, frm, size: float):
    """Triangle with its tip at `tip`, pointing away from `frm`; returns the
    polygon and the point where the line should stop."""
    dx, dy = tip[0] - frm[0], tip[1] - frm[1]
    L = math.hypot(dx, dy) or 1.0
    ux, uy = dx / L, dy / L
    base = (tip[0] - ux * size, tip[1] - uy * size)
    half = size / 2
    pts = [tip, (base[0] - uy * half, base[1] + ux * half), (base[0] + uy * half, base[1] - ux * half)]
    return pts, (tip[0] - ux * size * 0.8, tip[1] - uy * size * 0.8)


def arrow(a, b, color: str, width: float, size: float) -> list[Prim]:
    """A straight line from `a` with a head at `b`."""
    poly, stop = arrow_head(b, a, size)
    return [Poly([a, stop], Paint(None, color, width)), Poly(poly, Paint(color), True)]


@shape("round")
def _round(b: Box, p: Paint, r: float, head: float, node) -> list[Prim]:
    return [Rect(b, r, p)]


@shape("box")
def _box(b: Box, p: Paint, r: float, head: float, node) -> list[Prim]:
    return [Rect(b, 0.0, p)]


@shape("pill", grow=lambda w, h: (w + h * 0.5, h))
def _pill(b: Box, p: Paint, r: float, head: float, node) -> list[Prim]:
    return [Rect(b, b.h / 2, p)]


@shape("ellipse", grow=lambda w, h: (w * 1.25, h * 1.15))
def _ellipse(b: Box, p: Paint, r: float, head: float, node) -> list[Prim]:
    return [Ellipse(b.cx, b.cy, b.w / 2, b.h / 2, p)]


@shape("circle", grow=lambda w, h: (max(w, h) * 1.1,) * 2)
def _circle(b: Box, p: Paint, r: float, head: float, node) -> list[Prim]:
    return [Ellipse(b.cx, b.cy, b.w / 2, b.h / 2, p)]


@shape("funnel")
def _funnel(b: Box, p: Paint, r: float, head: float, node) -> list[Prim]:
    """A downward triangle with an arrow down its axis (gather / reduce)."""
    out: list[Prim] = [Poly([(b.x, b.y), (b.right, b.y), (b.cx, b.bottom)], p, True)]
    if p.stroke:
        out += arrow((b.cx, b.y), (b.cx, b.bottom), p.stroke, p.width, head)
    return out


@shape("plain", bare=True)
def _plain(b: Box, p: Paint, r: float, head: float, node) -> list[Prim]:
    return [Rect(b, 0.0, Paint(p.fill))] if p.fill else []


# ---------------------------------------------------------------- more shapes
#
# Shapes with a `direction` are drawn in a local frame: u runs along the way
# the shape points (0 at its tail, L at its head), v across (0..T).

K = 0.5523               # cubic Bezier handle of a quarter ellipse


def _dir(node, default: str) -> str:
    return getattr(node, "direction", None) or default


def _frame(b: Box, d: str):
    """(L, T, map (u, v) -> page point) of a shape pointing `d` in `b`."""
    if d == "right":
        return b.w, b.h, lambda u, v: (b.x + u, b.y + v)
    if d == "left":
        return b.w, b.h, lambda u, v: (b.right - u, b.y + v)
    if d == "down":
        return b.h, b.w, lambda u, v: (b.x + v, b.y + u)
    return b.h, b.w, lambda u, v: (b.x + v, b.bottom - u)


def _oriented(fit: Callable[[float, float, Any], tuple[float, float]], default: str):
    """A grow function from one written in the local frame:
    fit(along, across, node) -> (L, T)."""
    def grow(w: float, h: float, node) -> tuple[float, float]:
        if _dir(node, default) in ("left", "right"):
            return fit(w, h, node)
        L, T = fit(h, w, node)
        return T, L
    return grow


def _local_box(b: Box, d: str, u0: float, u1: float, v0: float, v1: float) -> Box:
    _, _, at = _frame(b, d)
    (x0, y0), (x1, y1) = at(u0, v0), at(u1, v1)
    return Box(min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0))


def _path(cmds) -> str:
    """Path data from (command, point, ...) tuples, numbers formatted."""
    return "".join(c + " ".join(f"{fmt(x)} {fmt(y)}" for x, y in pts) for c, *pts in cmds)


def _polygon(points: Callable[[Box, Any], list[Point]]):
    def draw(b: Box, p: Paint, r: float, head: float, node) -> list[Prim]:
        return [Poly(points(b, node), p, True)]
    draw.__doc__ = points.__doc__
    return draw


def on_outline(node, box: Box, p: Point, frm: Point) -> Point:
    """Where an edge arriving at `p` (on a side of the node's box, coming from
    `frm`) meets the shape's visible outline: `p` moved straight into the box
    until it meets it, so an orthogonal edge stays orthogonal and a straight
    one straight. Shapes without an `outline` (their side midpoints lie on
    it) keep `p`."""
    shp = SHAPES.get(getattr(node, "shape", ""))
    if shp is None or shp.outline is None or getattr(node, "cap", None):
        return p
    ax, ay = p[0] - frm[0], p[1] - frm[1]
    sides = [(abs(p[0] - box.x), -ax, (1.0, 0.0)), (abs(p[0] - box.right), ax, (-1.0, 0.0)),
             (abs(p[1] - box.y), -ay, (0.0, 1.0)), (abs(p[1] - box.bottom), ay, (0.0, -1.0))]
    gap, _, (dx, dy) = min(sides, key=lambda s: (round(s[0], 2), s[1]))
    if gap > 0.5:
        return p                        # not on the box (a curve's end)
    poly = shp.outline(box, node)
    best = None
    for a, c in zip(poly, poly[1:] + poly[:1]):
        ex, ey = c[0] - a[0], c[1] - a[1]
        den = dx * ey - dy * ex
        if abs(den) < 1e-12:
            continue
        wx, wy = a[0] - p[0], a[1] - p[1]
        t, s = (wx * ey - wy * ex) / den, (wx * dy - wy * dx) / den
        if -1e-9 <= t <= max(box.w, box.h) and -1e-9 <= s <= 1 + 1e-9 and (best is None or t < best):
            best = t
    if best is None or best < 0.01:
        return p
    return round(p[0] + best * dx, 2), round(p[1] + best * dy, 2)


def _diamond_grow(w: float, h: float) -> tuple[float, float]:
    """The content's corners on the outline (w/W + h/H = 1): least area at
    W = 2w, H = 2h, kept between 1.5:1 and 2.5:1 (the decision look)."""
    r = min(max(w / h, 1.5), 2.5)
    H = w / r + h
    return r * H, H


def _diamond_pts(b: Box, node) -> list[Point]:
    """A decision: a rhombus touching the middle of each side of its box."""
    return [(b.cx, b.y), (b.right, b.cy), (b.cx, b.bottom), (b.x, b.cy)]


shape("diamond", grow=_diamond_grow, outline=_diamond_pts)(_polygon(_diamond_pts))

SLANT = 0.45             # trapezoid: side inset per unit of length (the encoders' 24 degrees)


def _trapezoid_pts(b: Box, node) -> list[Point]:
    """An encoder or head: narrows toward `direction` (default up, the wide
    side down)."""
    L, T, at = _frame(b, _dir(node, "up"))
    i = min(SLANT * L, 0.35 * T)
    return [at(0, 0), at(L, i), at(L, T - i), at(0, T)]


shape("trapezoid", grow=_oriented(lambda a, c, n: (a, c + 2 * SLANT * a), "up"),
      outline=_trapezoid_pts)(_polygon(_trapezoid_pts))


def _parallelogram_pts(b: Box, node) -> list[Point]:
    """Leans toward `direction` (right: the top edge shifted right, like the
    footer band; left: mirrored). The slant is half the height."""
    s = min(b.h / 2, b.w / 3)
    if _dir(node, "right") == "left":
        return [(b.x, b.y), (b.right - s, b.y), (b.right, b.bottom), (b.x + s, b.bottom)]
    return [(b.x + s, b.y), (b.right, b.y), (b.right - s, b.bottom), (b.x, b.bottom)]


shape("parallelogram", grow=lambda w, h: (min(w + h, 3 * w), h),
      outline=_parallelogram_pts)(_polygon(_parallelogram_pts))


def _point(L: float, T: float) -> float:
    """Depth of a chevron's point (and notch): half its thickness, at most a
    fifth of its length (the phase headers and the narrow row headers)."""
    return min(T / 2, 0.2 * L)


def _chevron_pts(b: Box, node) -> list[Point]:
    """A phase header or process step: pointed toward `direction` (default
    right), notched at its tail."""
    L, T, at = _frame(b, _dir(node, "right"))
    d = _point(L, T)
    return [at(0, 0), at(L - d, 0), at(L, T / 2), at(L - d, T), at(0, T), at(d, T / 2)]


# L = a + 2d with d = min(T/2, L/5): the smaller of the two cases.
shape("chevron", grow=_oriented(lambda a, c, n: (min(a + c, a / 0.6), c), "right"),
      outline=_chevron_pts)(_polygon(_chevron_pts))


def _pentagon_pts(b: Box, node) -> list[Point]:
    """A chevron with a flat tail (the first step of a row)."""
    L, T, at = _frame(b, _dir(node, "right"))
    d = _point(L, T)
    return [at(0, 0), at(L - d, 0), at(L, T / 2), at(L - d, T), at(0, T)]


def _pentagon_inner(b: Box, node) -> Box:
    d = _dir(node, "right")
    L, T, _ = _frame(b, d)
    return _local_box(b, d, 0, L - _point(L, T), 0, T)


shape("pentagon", grow=_oriented(lambda a, c, n: (min(a + c / 2, 1.25 * a), c), "right"),
      inner=_pentagon_inner, outline=_pentagon_pts)(_polygon(_pentagon_pts))


def _arrow_pts(b: Box, node) -> list[Point]:
    """A fat block arrow (a transformation) pointing `direction` (default
    right): the shaft is half as thick as the head, the head as long as half
    its width."""
    L, T, at = _frame(b, _dir(node, "right"))
    hl = min(T / 2, L / 2)
    return [at(0, T / 4), at(L - hl, T / 4), at(L - hl, 0), at(L, T / 2), at(L - hl, T),
            at(L - hl, 3 * T / 4), at(0, 3 * T / 4)]


def _arrow_fit(a: float, c: float, node) -> tuple[float, float]:
    if getattr(node, "label", None) is None and getattr(node, "icon", None) is None:
        return a, c                     # an empty arrow: as small as a box
    return max(a + c, 2 * c), 2 * c     # the label inside the shaft


def _arrow_inner(b: Box, node) -> Box:
    d = _dir(node, "right")
    L, T, _ = _frame(b, d)
    return _local_box(b, d, 0, L - min(T / 2, L / 2), T / 4, 3 * T / 4)


shape("arrow", grow=_oriented(_arrow_fit, "right"), inner=_arrow_inner,
      outline=_arrow_pts)(_polygon(_arrow_pts))


# The label is centred on the round side's centre: it needs the room an
# ellipse gives it (the same growth as "ellipse").
@shape("delay", grow=lambda w, h: (w * 1.25, h * 1.15))
def _delay(b: Box, p: Paint, r: float, head: float, node) -> list[Prim]:
    """The D-shape (an action a_t): flat tail, half an ellipse toward
    `direction` (default right)."""
    L, T, at = _frame(b, _dir(node, "right"))
    m = L / 2
    return [Path(_path([("M", at(0, 0)), ("L", at(m, 0)),
                        ("C", at(m + K * m, 0), at(L, T / 2 - K * T / 2), at(L, T / 2)),
                        ("C", at(L, T / 2 + K * T / 2), at(m + K * m, T), at(m, T)),
                        ("L", at(0, T)), ("Z",)]), p)]


def _rim(w: float, h: float) -> float:
    """Half-height of a cylinder's elliptical ends."""
    return min(max(8.0, 0.085 * w), h / 4)


def _cylinder_inner(b: Box, node) -> Box:
    e = _rim(b.w, b.h)
    return Box(b.x, b.y + 2 * e, b.w, b.h - 3 * e)


@shape("cylinder", grow=lambda w, h: (w, h + 3 * max(8.0, 0.085 * w)), inner=_cylinder_inner)
def _cylinder(b: Box, p: Paint, r: float, head: float, node) -> list[Prim]:
    """A database (replay buffer, experience store): the label sits in the
    body, below the top rim."""
    e = _rim(b.w, b.h)
    x0, x1, y0, y1, cx = b.x, b.right, b.y, b.bottom, b.cx
    kx, ke = K * b.w / 2, K * e
    body = _path([("M", (x0, y0 + e)), ("C", (x0, y0 + e - ke), (cx - kx, y0), (cx, y0)),
                  ("C", (cx + kx, y0), (x1, y0 + e - ke), (x1, y0 + e)), ("L", (x1, y1 - e)),
                  ("C", (x1, y1 - e + ke), (cx + kx, y1), (cx, y1)),
                  ("C", (cx - kx, y1), (x0, y1 - e + ke), (x0, y1 - e)), ("Z",)])
    rim = _path([("M", (x0, y0 + e)), ("C", (x0, y0 + e + ke), (cx - kx, y0 + 2 * e), (cx, y0 + 2 * e)),
                 ("C", (cx + kx, y0 + 2 * e), (x1, y0 + e + ke), (x1, y0 + e))])
    # Without an outline the rim is a light line on the fill.
    rim_paint = Paint(None, p.stroke or "#FFFFFF", p.width if p.stroke else 1.33, p.dash, p.opacity)
    return [Path(body, p), Path(rim, rim_paint)]


CARD_STEP = 12.0         # offset between stacked cards
_RECEDE = {"left": (-1, -1), "right": (1, -1), "up": (0, -1), "down": (0, 1)}


def _cards_grow(w: float, h: float, node) -> tuple[float, float]:
    sx, sy = _RECEDE[_dir(node, "left")]
    k = (getattr(node, "count", 3) - 1) * CARD_STEP
    return w + k * abs(sx), h + k * abs(sy)


def _card_boxes(b: Box, node) -> list[Box]:
    """The cards, back to front: the back ones peek out toward `direction`
    (left: up-left, right: up-right, up, down)."""
    n = getattr(node, "count", 3)
    sx, sy = _RECEDE[_dir(node, "left")]
    k = (n - 1) * CARD_STEP
    cw, ch = b.w - k * abs(sx), b.h - k * abs(sy)
    fx = b.right - cw if sx < 0 else b.x
    fy = b.bottom - ch if sy < 0 else b.y
    return [Box(fx + sx * CARD_STEP * i, fy + sy * CARD_STEP * i, cw, ch) for i in range(n - 1, -1, -1)]


@shape("cards", grow=_cards_grow, inner=lambda b, node: _card_boxes(b, node)[-1])
def _cards(b: Box, p: Paint, r: float, head: float, node) -> list[Prim]:
    """A stack of `count` cards (many samples, a batch): offset copies behind
    the front card, which holds the label."""
    return [Rect(c, r, p) for c in _card_boxes(b, node)]
