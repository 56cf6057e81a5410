"""Function plots: series of data on arrowed axes, mapped to the page by the
given ranges.

    Plot(x=(0.1, 1.9), y=(-0.25, 2.4), width=448, height=340,
         xticks=[(0.6, "$1-\\varepsilon$"), (1, "$1$"), (1.4, "$1+\\varepsilon$")],
         yticks=[(0.6, "$1-\\varepsilon$"), (1, "$1$"), (1.4, "$1+\\varepsilon$")], origin="0",
         xlabel="$\\frac{\\pi_\\theta}{\\pi_{\\theta_{old}}}$",
         ylabel="$\\eta_t^{clip}=\\mathrm{clip}(\\dots)$", ylabel_at="right",
         series=[Line([(0.1, 0.6), (0.6, 0.6), (1.4, 1.4), (1.85, 1.4)], color="red",
                      dash="dotted", label="$\\eta_t^{clip}$"),
                 Curve(lambda x: 1 / (1 + math.exp(-x)), x=(-6, 6), color="red")],
         guides=[Guide((1.4, 1.4)), Guide((0.6, 0.6), to="x")],
         fills=[Fill(upper=Curve(f, x=(0, 2)), color="loss")],
         notes=[Note((0.3, 0.6), "$\\eta_t^{clip}$", side="above"),
                Note((-7, 0.05), ("正确", "Correct"), fill="model", box_at=(-5, 0.5))])

`x`, `y` are the data ranges the axes span (`width`, `height` page units
long, arrow tips at the far ends); the axes cross at `axes_at` (the range
starts by default). Everything else is placed in data coordinates:

- series: `Line(points)` joins points; `Curve(fn, x=(a, b))` samples `fn` at
  `samples` evenly spaced x values (deterministic). Each has a colour, dash,
  width, and a label at its end, start or at a data x (`label_at`), on a
  `label_side`. `shift` draws it that many page units higher, so a series
  that coincides with another stays visible beside it.
- `Guide(point)`: dashed lines from a point to the x axis and/or the y axis.
- `Fill(upper, lower, x=(a, b))`: shades between two bounds, each a number,
  a Line or Curve, or None (the bottom / top of the plot); `Fill(x=(a, b))`
  shades a vertical band.
- `Note(point, label, side)`: text at a data point; with `fill` (and
  `box_at`) it is a callout box with a tail pointing at the point.
- ticks: a value, or (value, label) where the label may be math; `origin`
  labels the corner where the axes cross. `xlabel` sits right of (or above,
  below) the x arrow, `ylabel` above (or right of) the y arrow — a formula
  naming the plotted quantity, like a title.

Several plots side by side are a Row or Grid of Panels holding Plots, the
caption as the panel's title (`title_at="bottom"`).
"""
from __future__ import annotations

import math
from typing import Callable, Literal

from pydantic import Field, model_validator

from ..errors import SpecError
from ..geometry import Box
from ..layout import Ctx, Placed, Sized, measures
from ..model import Dash, Element, Label, Token, same
from ..paint import paints
from ..scene import Paint, Poly, Rect, TextArt
from ..shapes import arrow
from ..text import Block

__all__ = ["Curve", "Fill", "Guide", "Line", "Note", "Plot"]

Point = tuple[float, float]
Side = Literal["right", "left", "above", "below"]
GAP = 6.0          # text to the thing it labels


class _Series(Element):
    color: Token = "black"
    dash: Dash = "solid"
    width: float = 1.33
    label: Label | None = None
    label_at: Literal["start", "end"] | float = "end"   # or a data x
    label_side: Side = "right"
    label_color: Token | None = None    # the series colour when None
    shift: float = 0.0                  # page units up (keeps coincident series apart)

    def points(self) -> list[Point]:
        raise NotImplementedError

    def at(self, x: float) -> float:
        """The series' y at data x (linear between its points)."""
        pts = self.points()
        if x <= pts[0][0]:
            return pts[0][1]
        for (xa, ya), (xb, yb) in zip(pts, pts[1:]):
            if xa <= x <= xb:
                return ya if xb == xa else ya + (yb - ya) * (x - xa) / (xb - xa)
        return pts[-1][1]


class Line(_Series):
    """A piecewise-linear series through data points, left to right."""
    _positional = ("points",)
    points_: list[Point] = Field(alias="points", min_length=2)

    def points(self) -> list[Point]:
        return list(self.points_)


class Curve(_Series):
    """y = fn(x) sampled at `samples` evenly spaced x in `x` (both ends
    included): Curve(lambda x: 1 / (1 + math.exp(-x)), x=(-6, 6))."""
    _positional = ("fn",)
    fn: Callable[[float], float]
    x: tuple[float, float]
    samples: int = Field(97, ge=2, le=2000)

    def points(self) -> list[Point]:
        a, b = self.x
        n = self.samples
        out = []
        for i in range(n):
            xv = a + (b - a) * i / (n - 1)
            try:
                yv = float(self.fn(xv))
            except Exception as e:  # the spec's function
                raise SpecError(f"fn({xv:g}) failed: {e}", source=self.loc, element=self.describe(),
                                fix="give a function defined on the whole x range") from None
            if not math.isfinite(yv):
                raise SpecError(f"fn({xv:g}) = {yv} is not a finite number", source=self.loc,
                                element=self.describe(), fix="narrow the x range to where fn is finite")
            out.append((xv, yv))
        return out

    def at(self, x: float) -> float:
        return float(self.fn(x))


class Guide(Element):
    """Dashed lines from a data point to the axes (`to` "x", "y" or "both")."""
    _positional = ("at",)
    at: Point
    to: Literal["both", "x", "y"] = "both"
    color: Token = "frame"
    dash: Dash = "dashed"
    width: float = 0.67


Bound = float | Line | Curve | None


class Fill(Element):
    """A shaded region between `lower` and `upper` over the x range `x`
    (the series' own range, else the plot's, when None). A bound is a
    number, a Line or Curve, or None: the bottom (lower) or top (upper) of
    the plot."""
    _positional = ("upper",)
    upper: Bound = None
    lower: Bound = None
    x: tuple[float, float] | None = None
    color: Token = "band"
    opacity: float = Field(1.0, ge=0, le=1)


class Note(Element):
    """Text at a data point, on `side` of it (math allowed). With `fill` it
    sits in a rounded box; `box_at` (data coordinates) then places the box
    away from the point, with a tail from the box to the point."""
    _positional = ("at", "label")
    at: Point
    label: Label
    side: Side | Literal["center"] = "above"
    color: Token = "text"
    size: float | None = None           # the plot's text size when None
    math_size: float | None = None      # the plot's label size when None
    bold: bool = False
    fill: Token | None = None
    box_at: Point | None = None
    pad: float = 14
    tail: float = Field(0.3, gt=0, le=1)   # tail base as a share of the box side it leaves


class Plot(Element):
    """Axes with ticks and labels, and series, guides, fills and notes in
    data coordinates (see the module docstring)."""
    is_obstacle = True
    is_visible = True
    x: tuple[float, float]
    y: tuple[float, float]
    width: float = Field(440, gt=0)     # page length of the x axis (to the arrow tip)
    height: float = Field(340, gt=0)
    axes_at: Point | None = None        # where the axes cross; (x[0], y[0]) when None
    series: list[Line | Curve] = []
    guides: list[Guide] = []
    fills: list[Fill] = []
    notes: list[Note] = []
    xticks: list[float | tuple[float, Label]] = []
    yticks: list[float | tuple[float, Label]] = []
    ticks: Literal["in", "out"] = "in"
    tick_length: float = 9
    origin: Label | None = None         # e.g. "0", left of where the axes cross
    xlabel: Label | None = None
    xlabel_at: Literal["right", "above", "below"] = "right"
    ylabel: Label | None = None
    ylabel_at: Literal["top", "right"] = "top"
    axis_color: Token = "black"
    axis_width: float = 1.0
    color: Token = "text"               # tick and axis label text
    size: float | None = None           # tick text; the theme's size when None
    math_size: float | None = None      # math in ticks; `size` when None
    label_size: float | None = None     # math in axis/series labels and notes; 1.1 x size when None

    @model_validator(mode="after")
    def _ranges(self):
        for name in ("x", "y"):
            lo, hi = getattr(self, name)
            if not lo < hi:
                raise ValueError(f"the {name} range {lo, hi} must run from low to high")
        return self


class _Frame:
    """Data -> page: the axes' corner (x[0], y[0]) at (ox, oy), y up."""

    def __init__(self, pl: Plot, ox: float, oy: float) -> None:
        self.pl, self.ox, self.oy = pl, ox, oy
        (self.x0, self.x1), (self.y0, self.y1) = pl.x, pl.y

    def X(self, x: float) -> float:
        return self.ox + (x - self.x0) / (self.x1 - self.x0) * self.pl.width

    def Y(self, y: float) -> float:
        return self.oy - (y - self.y0) / (self.y1 - self.y0) * self.pl.height

    def P(self, pt: Point, shift: float = 0.0) -> Point:
        return (self.X(pt[0]), self.Y(pt[1]) - shift)


def _beside(blk: Block, px: float, py: float, side: str, gap: float = GAP) -> tuple[float, float]:
    """Top-left of a text block on `side` of a page point."""
    return {"right": (px + gap, py - blk.height / 2), "left": (px - gap - blk.width, py - blk.height / 2),
            "above": (px - blk.width / 2, py - gap - blk.height), "below": (px - blk.width / 2, py + gap),
            "center": (px - blk.width / 2, py - blk.height / 2)}[side]


def _bound(b: Bound, f: _Frame, upper: bool) -> tuple[Callable[[float], float], list[float]]:
    """A fill bound as y(x) and its own break points."""
    if b is None:
        v = f.y1 if upper else f.y0
        return (lambda x: v), []
    if isinstance(b, (int, float)):
        return (lambda x: float(b)), []
    return b.at, [p[0] for p in b.points()]


def _fill(ctx: Ctx, fl: Fill, f: _Frame) -> Poly:
    up, ux = _bound(fl.upper, f, True)
    lo, lx = _bound(fl.lower, f, False)
    if fl.x is not None:
        a, b = fl.x
    else:
        own = [s.points() for s in (fl.upper, fl.lower) if isinstance(s, (Line, Curve))]
        a = max((p[0][0] for p in own), default=f.x0)
        b = min((p[-1][0] for p in own), default=f.x1)
    if not a < b:
        raise SpecError(f"the fill's x range {a:g}..{b:g} is empty", source=fl.loc, element=fl.describe(),
                        fix="give x=(low, high) inside the bounds' common range")
    xs = sorted({a, b, *(x for x in ux + lx if a < x < b)})
    pts = [f.P((x, up(x))) for x in xs] + [f.P((x, lo(x))) for x in reversed(xs)]
    return Poly(pts, Paint(ctx.color(fl.color, fl, "colour"), opacity=fl.opacity), True)


def _ticks(spec: list) -> list[tuple[float, Label]]:
    return [t if isinstance(t, tuple) else (float(t), same(f"{t:g}")) for t in spec]


def _note(ctx: Ctx, n: Note, f: _Frame, size: float, label_size: float, out: list) -> None:
    blk = ctx.text(n.label, n, n.size or size, n.color, n.bold, math_size=n.math_size or label_size)
    px, py = f.P(n.at)
    if n.fill is None:
        out.append(TextArt(blk, *_beside(blk, px, py, n.side)))
        return
    w, h = blk.width + 2 * n.pad, blk.height + 2 * n.pad * 0.7
    if n.box_at is not None:
        cx, cy = f.P(n.box_at)
    else:
        x, y = _beside(Block(w, h, blk.color), px, py, n.side, 2 * GAP)
        cx, cy = x + w / 2, y + h / 2
    box = Box(cx - w / 2, cy - h / 2, w, h)
    paint = Paint(ctx.color(n.fill, n, "fill"))
    if n.box_at is not None:
        out.append(Poly(_tail(box, (px, py), n.tail), paint, True))
    out.append(Rect(box, min(16.0, h * 0.2), paint))
    out.append(TextArt(blk, box.cx - blk.width / 2, box.cy - blk.height / 2))


def _tail(box: Box, tip: Point, share: float) -> list[Point]:
    """A wedge from the box side facing `tip` (its base `share` of that side,
    centred where the line from the box centre to the tip leaves it)."""
    dx, dy = tip[0] - box.cx, tip[1] - box.cy
    if abs(dx) * box.h >= abs(dy) * box.w:      # leaves through the left or right side
        ex = box.right if dx > 0 else box.x
        half = box.h * share / 2
        ey = min(max(box.cy + dy * (box.w / 2) / (abs(dx) or 1), box.y + half), box.bottom - half)
        base = [(ex - math.copysign(1, dx) * 2, ey - half), (ex - math.copysign(1, dx) * 2, ey + half)]
    else:
        ey = box.bottom if dy > 0 else box.y
        half = box.w * share / 2
        ex = min(max(box.cx + dx * (box.h / 2) / (abs(dy) or 1), box.x + half), box.right - half)
        base = [(ex - half, ey - math.copysign(1, dy) * 2), (ex + half, ey - math.copysign(1, dy) * 2)]
    return [base[0], tip, base[1]]


def _draw(ctx: Ctx, pl: Plot, ox: float, oy: float) -> list:
    """Every primitive of the plot, the axes' corner at (ox, oy)."""
    t = ctx.theme
    f = _Frame(pl, ox, oy)
    size = pl.size or t.text["size"]
    msize = pl.math_size or size
    lsize = pl.label_size or size * 1.1
    ax, ay = pl.axes_at or (f.x0, f.y0)
    AX, AY = f.X(ax), f.Y(ay)
    out: list = []
    for fl in pl.fills:
        out.append(_fill(ctx, fl, f))
    for g in pl.guides:
        gp = _paint_line(ctx, g, g.color, g.width, g.dash)
        px, py = f.P(g.at)
        if g.to in ("both", "x"):
            out.append(Poly([(px, py), (px, AY)], gp))
        if g.to in ("both", "y"):
            out.append(Poly([(px, py), (AX, py)], gp))
    axis = ctx.color(pl.axis_color, pl, "axis_color")
    head = t.arrow["length"]
    out += arrow((f.X(f.x0), AY), (f.X(f.x1), AY), axis, pl.axis_width, head)
    out += arrow((AX, f.Y(f.y0)), (AX, f.Y(f.y1)), axis, pl.axis_width, head)
    tick_paint = Paint(None, axis, pl.axis_width)
    inward = pl.ticks == "in"
    tl = pl.tick_length
    for v, lab in _ticks(pl.xticks):
        x = f.X(v)
        out.append(Poly([(x, AY), (x, AY - tl if inward else AY + tl)], tick_paint))
        blk = ctx.text(lab, pl, size, pl.color, math_size=msize)
        out.append(TextArt(blk, *_beside(blk, x, AY + (0 if inward else tl), "below")))
    for v, lab in _ticks(pl.yticks):
        y = f.Y(v)
        out.append(Poly([(AX, y), (AX + tl if inward else AX - tl, y)], tick_paint))
        blk = ctx.text(lab, pl, size, pl.color, math_size=msize)
        out.append(TextArt(blk, *_beside(blk, AX - (0 if inward else tl), y, "left")))
    if pl.origin:
        blk = ctx.text(pl.origin, pl, size, pl.color, math_size=msize)
        out.append(TextArt(blk, *_beside(blk, AX - (0 if inward else tl), AY, "left", GAP + 4)))
    if pl.xlabel:
        blk = ctx.text(pl.xlabel, pl, size, pl.color, math_size=lsize)
        tip = f.X(f.x1)
        pos = {"right": (tip + GAP, AY - blk.height / 2), "above": (tip - blk.width, AY - GAP - blk.height),
               "below": (tip - blk.width, AY + GAP)}[pl.xlabel_at]
        out.append(TextArt(blk, *pos))
    if pl.ylabel:
        blk = ctx.text(pl.ylabel, pl, size, pl.color, math_size=lsize)
        tip = f.Y(f.y1)
        pos = {"top": (AX - blk.width / 2, tip - GAP - blk.height),
               "right": (AX + 2 * GAP, tip - blk.height / 2)}[pl.ylabel_at]
        out.append(TextArt(blk, *pos))
    for s in pl.series:
        pts = s.points()
        out.append(Poly([f.P(p, s.shift) for p in pts], _paint_line(ctx, s, s.color, s.width, s.dash)))
        if s.label:
            xv = {"start": pts[0][0], "end": pts[-1][0]}.get(s.label_at, s.label_at)
            blk = ctx.text(s.label, s, size, s.label_color or s.color, math_size=lsize)
            out.append(TextArt(blk, *_beside(blk, *f.P((xv, s.at(xv)), s.shift), s.label_side)))
    for n in pl.notes:
        _note(ctx, n, f, size, lsize, out)
    return out


def _paint_line(ctx: Ctx, el: Element, color: str, width: float, dash: str) -> Paint:
    return Paint(None, ctx.color(color, el, "colour"), width, ctx.theme.dash(dash, width))


def _bounds(prims: list) -> Box:
    xs: list[float] = []
    ys: list[float] = []
    for it in prims:
        if isinstance(it, Poly):
            xs += [p[0] for p in it.points]
            ys += [p[1] for p in it.points]
        elif isinstance(it, Rect):
            xs += [it.box.x, it.box.right]
            ys += [it.box.y, it.box.bottom]
        elif isinstance(it, TextArt):
            xs += [it.x, it.x + it.block.width]
            ys += [it.y, it.y + it.block.height]
    return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


@measures(Plot)
def _plot_size(ctx: Ctx, pl: Plot) -> Sized:
    b = _bounds(_draw(ctx, pl, 0.0, 0.0))
    # The axes' corner, from the element's top-left.
    return Sized(pl, b.w, b.h, extra={"corner": (-b.x, -b.y)})


@paints(Plot)
def _plot_paint(ctx: Ctx, p: Placed, out: list) -> None:
    cx, cy = p.extra["corner"]
    out.extend(_draw(ctx, p.el, p.box.x + cx, p.box.y + cy))


def to_page(p: Placed, x: float, y: float) -> Point:
    """Where data point (x, y) of a placed Plot is drawn on the page."""
    cx, cy = p.extra["corner"]
    return _Frame(p.el, p.box.x + cx, p.box.y + cy).P((x, y))
