"""Bar charts: bars given as data, on arrowed axes.

    BarChart(bars=[Bar(("在", "are"), 0.2, POOL), Bar(("好", "was"), 0.17, PICK), ...,
                   *Bar.elided([0.02, 0.01], DROP), Bar("...", 0, text="...")],
             y_title=("概率（$P$）", "Probability\\n（$P$）"), x_title=("词表", "Vocabulary"),
             cut=5, cut_label=("截断", "Truncation"),
             groups=[BarGroup(0, 5, label=same("$\\\\sum P=0.73>0.7$"), id="pool")],
             note=Node(None, ..., shape="bubble", tail="left"), legend=Legend(...))

Bars stand in the order given, evenly spaced, their lengths proportional to
their values (the largest, or `max_value`, is `length` long). Each bar has a
`Look` (fill, outline, hatching; its `color` colours the bar's token label),
an optional value label (the value, or `text=`; "" for none) and an optional
icon after it. `horizontal=True` turns the chart on its side: bars grow to
the right from a baseline with their tokens on its left (a mini chart beside
a list of candidates, usually with `axes=False`).

Around the bars: `cut` draws a dotted line after that many bars (a
truncation) with `cut_label` beside it; a `BarGroup` marks a run of bars with
a brace and a label and/or an outline; `note` is an element set in the empty
corner over the short end of the bars (a callout), `legend` one beside the
last bar, above the axis. Bars and groups with an id are edge ends.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..errors import SpecError
from ..geometry import Box
from ..icons import icon_size
from ..layout import Ctx, Placed, Sized, measure, measures
from ..model import Brace, Dash, Element, IconName, Label, Token, same
from ..paint import icon_art, paint_brace, paints
from ..scene import IconArt, Paint, Poly, Rect, TextArt
from ..shapes import arrow
from ..text import ASCENT, DESCENT
from .legend import Look, look_paint

__all__ = ["Bar", "BarChart", "BarGroup"]

CLEAR = 28      # free space: below the value axis' tip, around the cut label and the note
LIFT = 86       # the legend's low side above the category axis
BESIDE = 22     # the legend after the last bar; the note above the bars under it
BRACE_GAP = 14  # value labels to a group's brace, the cut line to its label
TOKEN_SPACE = 6  # kept between neighbouring token labels


class Bar(Element):
    """One bar: Bar(token, value, look). `text` replaces the printed value
    ("..." for an elided bar, "" for none); a value of 0 draws no bar, only
    its labels (a trailing "..." slot)."""
    _positional = ("token", "value", "look")
    is_obstacle = True
    token: Label | None = None
    value: float = Field(..., ge=0)
    look: Look | None = None           # the chart's `look` when None
    text: Label | None = None
    text_color: Token | None = None    # the value label's colour; the chart's value_color when None
    icon: IconName | None = None       # after the value label (e.g. the chosen one)
    icon_size: float | None = Field(None, gt=0)   # the icon's larger side; natural size when None
    icon_fill: Token | None = None     # the icon's colours for this bar; the theme's when None
    icon_stroke: Token | None = None   # ("none" fill: a check or cross drawn as an outline ring)

    @classmethod
    def elided(cls, values: list[float], look: Look | None = None,
               tokens: list[Any] | None = None) -> list["Bar"]:
        """A run of bars standing for many: "..." over each, and under each
        unless `tokens` names them."""
        tokens = tokens if tokens is not None else ["..."] * len(values)
        if len(tokens) != len(values):
            raise ValueError(f"Bar.elided: {len(values)} values but {len(tokens)} tokens")
        return [cls(t, v, look, text="...") for t, v in zip(tokens, values)]


class BarGroup(Element):
    """BarGroup(start, stop): bars start..stop-1 (0-based, like a slice)
    marked as one group: a brace beyond their value labels with `label` at
    its tip, and/or an outline around them. With an id, the group is an
    edge end."""
    _positional = ("start", "stop")
    start: int = Field(..., ge=0)
    stop: int
    label: Label | None = None
    label_size: float = 38
    label_color: Token = "muted"
    label_font: Literal["sans", "serif"] = "serif"
    label_bold: bool = True
    label_align: Literal["center", "start"] = "center"   # start: flush with the first bar
    brace: bool = True
    color: Token = "muted"             # the brace
    depth: float = 36
    outline: Token | None = None
    outline_dash: Dash = "dashed"


class BarChart(Element):
    """Bars on arrowed axes; see the module docstring."""
    _positional = ("id",)
    is_obstacle = True
    is_visible = True
    bars: list[Bar] = Field(min_length=1)
    horizontal: bool = False
    length: float = 600                # the longest bar (or the one at max_value)
    max_value: float | None = None
    bar_width: float = 50
    gap: float = 0                     # between neighbouring bars
    look: Look = Look(fill="model", stroke="grey")
    show_values: bool = True           # print values (bars with `text` always show it)
    value_size: float = 27
    value_color: Token = "grey"
    value_gap: float = 8
    token_size: float = 27             # shrunk where a token is wider than its bar's slot
    token_gap: float = 22              # axis to token labels
    axes: bool = True
    axis_color: Token = "black"
    axis_width: float = 1.0
    inset: float = 80                  # value axis to the first bar
    tail: float = 68                   # last bar to the category axis' arrow tip
    headroom: float = 70               # longest bar to the value axis' arrow tip
    x_title: Label | None = None       # at the tip of the horizontal axis
    y_title: Label | None = None       # at the tip of the vertical axis
    y_title_at: Literal["left", "right", "end"] = "left"
    title_size: float = 29
    cut: int | None = None             # a dotted line after this many bars
    cut_label: Label | None = None
    cut_color: Token = "grey"          # the label
    cut_line: Token = "black"
    groups: list[BarGroup] = []
    note: Element | None = None        # over the short end of the bars
    legend: Element | None = None      # beside the last bar, above the axis

    def children(self):
        return [*self.bars, *self.groups, *(e for e in (self.note, self.legend) if e is not None)]


@measures(Bar, BarGroup)
def _outside_chart(ctx: Ctx, el: Element) -> Sized:
    raise SpecError(f"{type(el).__name__} only goes inside a BarChart", source=el.loc, element=el.describe(),
                    fix="list it in BarChart(bars=[...]) or BarChart(groups=[...])")


class _Frame:
    """Chart coordinates -> page: `c` runs across the bars (along the
    category axis), `v` along them (value); the origin is the axes' corner.
    Upright charts map (c, v) to (c, -v); horizontal ones to (v, c)."""

    def __init__(self, vertical: bool):
        self.vert = vertical

    def box(self, ca: float, cb: float, va: float, vb: float) -> Box:
        return Box(ca, -vb, cb - ca, vb - va) if self.vert else Box(va, ca, vb - va, cb - ca)

    def put(self, w: float, h: float, c: float, v: float, c_al: str, v_al: str) -> Box:
        """A w x h block with its c side aligned at c and its v side at v
        ("start": its low end there, "center", "end": its high end)."""
        wc, wv = (w, h) if self.vert else (h, w)
        cs = {"start": c, "center": c - wc / 2, "end": c - wc}[c_al]
        vs = {"start": v, "center": v - wv / 2, "end": v - wv}[v_al]
        return self.box(cs, cs + wc, vs, vs + wv)

    def c_range(self, b: Box) -> tuple[float, float]:
        return (b.x, b.right) if self.vert else (b.y, b.bottom)

    def v_top(self, b: Box) -> float:
        return -b.y if self.vert else b.right

    def point(self, c: float, v: float) -> tuple[float, float]:
        return (c, -v) if self.vert else (v, c)


def _body(s: Sized) -> tuple[float, float, float, float]:
    """x, y, w, h of what a measured element draws as its body: a node's
    box without its caption or a callout's tail; else all of it."""
    if s.shape_h is None:
        return 0.0, 0.0, s.w, s.h
    bw = s.extra["box_w"]
    x, y = s.extra.get("shape_off", ((s.w - bw) / 2, 0.0))
    return x, y, bw, s.shape_h


def _err(ch: BarChart, msg: str, fix: str) -> SpecError:
    return SpecError(msg, source=ch.loc, element=ch.describe(), fix=fix)


@measures(BarChart)
def _chart_size(ctx: Ctx, ch: BarChart) -> Sized:
    """All geometry relative to the chart's top-left, kept in `extra` for
    painting (and tests); bars, groups, note and legend are placed kids."""
    f = _Frame(not ch.horizontal)
    n = len(ch.bars)
    pitch = ch.bar_width + ch.gap
    top = ch.max_value or max(b.value for b in ch.bars) or 1.0
    lens = [b.value / top * ch.length for b in ch.bars]
    c0 = [ch.inset + i * pitch for i in range(n)]
    c_end = c0[-1] + ch.bar_width
    bars = [f.box(c, c + ch.bar_width, 0.0, v) for c, v in zip(c0, lens)]
    looks = [b.look or ch.look for b in ch.bars]

    values: list = []          # (block, box) | None per bar
    tokens: list = []
    icons: list = []           # (name, box)
    for b, c, v, lk in zip(ch.bars, c0, lens, looks):
        mid = c + ch.bar_width / 2
        text = b.text if b.text is not None else (same(f"{b.value:g}") if ch.show_values else None)
        vb = None
        if text is not None and text.get(ctx.lang):
            blk = ctx.text(text, b, ch.value_size, b.text_color or ch.value_color)
            vb = (blk, f.put(blk.width, blk.height, mid, v + ch.value_gap, "center", "start"))
        values.append(vb)
        tb = None
        if b.token is not None and b.token.get(ctx.lang):
            size = ch.token_size
            blk = ctx.text(b.token, b, size, lk.color)
            room = pitch - TOKEN_SPACE
            across = blk.width if f.vert else blk.height
            if across > room:     # a long token is set smaller to fit its slot
                blk = ctx.text(b.token, b, size * room / across, lk.color)
            # Upright: centred on the line of full-size tokens, whatever its own
            # size; on its side: flush right at the gap.
            line = ch.token_size * (ASCENT + DESCENT) if f.vert else blk.width
            tb = (blk, f.put(blk.width, blk.height, mid, -ch.token_gap - line / 2, "center", "center"))
        tokens.append(tb)
        if b.icon:
            iw, ih = icon_size(b.icon, b.icon_size)
            if vb and f.vert:
                lb = vb[1]
                icons.append((b.icon, Box(lb.right + 6, lb.cy - ih / 2, iw, ih)))
            else:
                at = f.v_top(vb[1]) if vb else v
                icons.append((b.icon, f.put(iw, ih, mid, at + ch.value_gap, "center", "start")))

    # How far each bar reaches along v, with its value label and any icon over it.
    reaches = [max(v, f.v_top(vb[1])) if vb else v for v, vb in zip(lens, values)]
    for _, bx in icons:
        lo, hi = f.c_range(bx)
        for i in range(n):
            if c0[i] < hi and lo < c0[i] + ch.bar_width:
                reaches[i] = max(reaches[i], f.v_top(bx))

    def under(lo: float, hi: float) -> float:
        """The furthest reach of the bars across c in [lo, hi]."""
        return max([0.0] + [r for c, r in zip(c0, reaches) if c < hi and lo < c + ch.bar_width])

    vtip = max(ch.length + ch.headroom, max(reaches) + CLEAR)
    note = measure(ctx, ch.note) if ch.note is not None else None
    if note:
        # The note's body keeps clear of the bars; a callout's tail may reach over them.
        nx, ny, nw, nh = _body(note)
        nc, nv = (nw, nh) if f.vert else (nh, nw)
        vtip = max(vtip, under(c_end - nc, c_end) + BESIDE + CLEAR + nv)
    c_axis = c_end + ch.tail
    kids: list[tuple[Any, Box]] = []
    if note:
        b = f.put(nw, nh, c_end, vtip - CLEAR, "end", "end")
        kids.append((note, Box(b.x - nx, b.y - ny, note.w, note.h)))
    if ch.legend is not None:
        lg = measure(ctx, ch.legend)
        kids.append((lg, f.put(lg.w, lg.h, c_end + BESIDE, LIFT, "start", "start")))

    axes, titles = [], []
    if ch.axes:
        axes = [(f.point(0, 0), f.point(c_axis, 0)), (f.point(0, 0), f.point(0, vtip))]
        x_tip = f.point(c_axis, 0) if f.vert else f.point(0, vtip)
        y_tip = f.point(0, vtip) if f.vert else f.point(c_axis, 0)
        if ch.x_title is not None:
            blk = ctx.text(ch.x_title, ch, ch.title_size)
            titles.append((blk, Box(x_tip[0] + 20, x_tip[1] - blk.height / 2, blk.width, blk.height)))
        if ch.y_title is not None:
            blk = ctx.text(ch.y_title, ch, ch.title_size)
            x, y = y_tip
            if ch.y_title_at == "end":
                y = y - 8 - blk.height if f.vert else y + 8
                x -= blk.width / 2
            else:
                x = x - 12 - blk.width if ch.y_title_at == "left" else x + 12
                y -= blk.height / 2
            titles.append((blk, Box(x, y, blk.width, blk.height)))

    cut = cut_label = None
    if ch.cut is not None:
        k = ch.cut
        if not 0 < k < n:
            raise _err(ch, f"cut={k} is not between two bars", f"use 1..{n - 1}: the line goes after that many bars")
        cl = c0[k] - ch.gap / 2
        cut = (f.point(cl, max(lens[k - 1], lens[k])), f.point(cl, vtip - CLEAR))
        if ch.cut_label is not None:
            blk = ctx.text(ch.cut_label, ch, ch.title_size, ch.cut_color)
            wc = blk.width if f.vert else blk.height
            lo = cl + BRACE_GAP
            at = max(lens[k - 1], under(lo, lo + wc)) + CLEAR
            cut_label = (blk, f.put(blk.width, blk.height, lo, at, "start", "start"))

    groups = []
    for g in ch.groups:
        if not g.start < g.stop <= n:
            raise _err(ch, f"group {g.describe()} runs from bar {g.start} to {g.stop}",
                       f"use 0 <= start < stop <= {n} (bars start..stop-1)")
        ga, gb = c0[g.start], c0[g.stop - 1] + ch.bar_width
        gtop = max(reaches[g.start:g.stop])
        # `span` (the edge end) covers the bars; the brace clears their labels too.
        item = {"group": g, "span": f.box(ga, gb, 0.0, max(lens[g.start:g.stop])), "reach": f.box(ga, gb, 0.0, gtop),
                "label": None, "outline": None,
                "area": f.box(ga, gb, 0.0, gtop + (BRACE_GAP + g.depth if g.brace else 0))}
        if g.outline:
            item["outline"] = f.box(ga - 8, gb + 8, 0.0, gtop + 8)
        if g.label is not None:
            blk = ctx.text(g.label, g, g.label_size, g.label_color, g.label_bold, g.label_font)
            at = gtop + (BRACE_GAP + g.depth if g.brace else 8) + 8
            c = ga if g.label_align == "start" else (ga + gb) / 2
            item["label"] = (blk, f.put(blk.width, blk.height, c, at, g.label_align, "start"))
        groups.append(item)

    # Bounds, then everything moved so the chart's top-left is (0, 0).
    boxes = bars + [b for _, b in icons] + [t[1] for t in values + tokens + titles + [cut_label] if t]
    boxes += [b for _, b in kids]
    for it in groups:
        boxes += [it["area"]] + ([it["outline"]] if it["outline"] else []) + ([it["label"][1]] if it["label"] else [])
    pts = [p for a in axes for p in a] + (list(cut) if cut else [])
    half = ctx.theme.arrow["width"] / 2
    xs = [b.x for b in boxes] + [b.right for b in boxes] + [p[0] - half for p in pts] + [p[0] + half for p in pts]
    ys = [b.y for b in boxes] + [b.bottom for b in boxes] + [p[1] - half for p in pts] + [p[1] + half for p in pts]
    ox, oy = -min(xs), -min(ys)

    def mv(b: Box) -> Box:
        return b.moved(ox, oy)

    def mvt(t):
        return (t[0], mv(t[1])) if t else None

    def mvp(p):
        return (p[0] + ox, p[1] + oy)
    out = Sized(ch, max(xs) + ox, max(ys) + oy, extra={
        "bars": [mv(b) for b in bars], "looks": looks,
        "values": [mvt(t) for t in values], "tokens": [mvt(t) for t in tokens],
        "icons": [(nm, mv(b)) for nm, b in icons],
        "axes": [(mvp(a), mvp(b)) for a, b in axes], "titles": [mvt(t) for t in titles],
        "cut": (mvp(cut[0]), mvp(cut[1])) if cut else None, "cut_label": mvt(cut_label),
        "groups": [{**it, "span": mv(it["span"]), "reach": mv(it["reach"]), "area": mv(it["area"]),
                    "outline": mv(it["outline"]) if it["outline"] else None, "label": mvt(it["label"])}
                   for it in groups],
        "vertical": f.vert,
    })
    # Bars (bar and token) and groups (their bars) as placed kids: edge ends.
    for b, bx, tb in zip(ch.bars, bars, tokens):
        a = mv(bx) if not tb else mv(bx).union(mv(tb[1]))
        out.kids.append((Sized(b, a.w, a.h), a.x, a.y))
    for it in out.extra["groups"]:
        s = it["span"]
        out.kids.append((Sized(it["group"], s.w, s.h), s.x, s.y))
    for k, b in kids:
        out.kids.append((k, b.x + ox, b.y + oy))
    return out


@paints(BarChart)
def _chart_paint(ctx: Ctx, p: Placed, out: list) -> None:
    ch: BarChart = p.el
    ex = p.extra
    dx, dy = p.box.x, p.box.y

    def text(t) -> None:
        if t:
            out.append(TextArt(t[0], t[1].x + dx, t[1].y + dy))
    for it in ex["groups"]:
        g = it["group"]
        if it["outline"]:
            w = ctx.theme.stroke["width"]
            out.append(Rect(it["outline"].moved(dx, dy), 8,
                            Paint(None, ctx.color(g.outline, g, "outline"), w, ctx.theme.dash(g.outline_dash, w))))
    for b, bx, lk in zip(ch.bars, ex["bars"], ex["looks"]):
        if b.value > 0:
            out.append(Rect(bx.moved(dx, dy), 0.0, look_paint(ctx, b, lk)))
    for t in ex["values"] + ex["tokens"]:
        text(t)
    for b, (name, bx) in zip([b for b in ch.bars if b.icon], ex["icons"]):
        art = icon_art(ctx, name, bx.moved(dx, dy))
        if b.icon_fill or b.icon_stroke:
            art = IconArt(name, art.box, ctx.color(b.icon_fill, b, "icon_fill") if b.icon_fill else art.fill,
                          ctx.color(b.icon_stroke, b, "icon_stroke") if b.icon_stroke else art.stroke)
        out.append(art)
    col = ctx.color(ch.axis_color, ch, "axis_color")
    for a, b in ex["axes"]:
        out.extend(arrow((a[0] + dx, a[1] + dy), (b[0] + dx, b[1] + dy), col, ch.axis_width,
                         ctx.theme.arrow["length"]))
    for t in ex["titles"]:
        text(t)
    if ex["cut"]:
        (x0, y0), (x1, y1) = ex["cut"]
        w = 1.0
        out.append(Poly([(x0 + dx, y0 + dy), (x1 + dx, y1 + dy)],
                        Paint(None, ctx.color(ch.cut_line, ch, "cut_line"), w, ctx.theme.dash("dotted", w))))
        text(ex["cut_label"])
    for it in ex["groups"]:
        g = it["group"]
        if g.brace:
            br = Brace(members=[g.id or "group"], side="top" if ex["vertical"] else "right", color=g.color,
                       gap=BRACE_GAP, depth=g.depth)
            paint_brace(ctx, br, it["reach"].moved(dx, dy), None, out)
        text(it["label"])
