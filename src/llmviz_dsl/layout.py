"""Layout: measure every element (text measured with the fonts that draw it),
then place it. Flow ranks come from Graphviz dot; rows, columns, grids and
panels are computed here. Output: a tree of Placed boxes and an id index."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import SpecError
from .fonts import Fonts
from .geometry import Box
from .icons import icon_size
from .shapes import SHAPES
from .model import (Arrows, Cells, Column, Dots, Element, Flow, Gap, Grid, I18n, KindTable, Node, Panel, Row,
                    Rule, Span, Timeline, _MATH, walk)
from .curves import make_room
from .text import Block, Style, layout_text
from .theme import Theme


@dataclass
class Sized:
    el: Element
    w: float
    h: float
    kids: list[tuple["Sized", float, float]] = field(default_factory=list)
    shape_h: float | None = None       # nodes: box height (caption hangs below)
    text: Block | None = None
    caption: Block | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Placed:
    el: Element
    box: Box                  # everything the element draws
    shape: Box                # what edges attach to
    kids: list["Placed"]
    text: Block | None = None
    caption: Block | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Ctx:
    theme: Theme
    fonts: Fonts
    lang: str
    edges: list
    sizes: dict[str, tuple[float, float]] = field(default_factory=dict)
    # When a list, every block laid out by `text` is logged as (block, element,
    # label), so drawn text can be traced back to its element (lint).
    texts: list | None = None
    scale: float = 1.0        # the diagram's text_scale for this language

    def color(self, token, el: Element | None = None, what: str = ""):
        return self.theme.color(token, (el.describe() + (f" {what}" if what else "")) if el else what,
                                el.loc if el else None)

    def text(self, label, el: Element, size: float | None = None, color: str = "text",
             bold: bool = False, family: str = "sans", align: str = "center",
             math_size: float | None = None, italic: bool = False) -> Block:
        s = label.get(self.lang)
        size = size or self.theme.text["size"]
        # A label's own size for this language replaces the diagram-wide factor.
        k = label.size[self.lang] / size if self.lang in label.size else self.scale
        size *= k
        if math_size is None:
            only_math = _MATH.sub("", s).strip() == "" and "$" in s
            math_size = self.theme.text["math_size"] * size / self.theme.text["size"] if only_math else size * 1.15
        else:
            math_size *= k
        st = Style(size, math_size, self.color(color, el, "text colour"), family, bold, italic, align,
                   self.theme.text["line_gap"])
        try:
            blk = layout_text(self.fonts, s, st)
        except SpecError as e:
            raise SpecError(e.message, source=el.loc, element=el.describe(), fix=e.fix) from None
        if self.texts is not None:
            self.texts.append((blk, el, label))
        return blk


# ---------------------------------------------------------------- measuring

ICON_GAP_RIGHT = 16     # between a label and an icon beside it (Node.icon_at="right" or "left")


def _node_size(ctx: Ctx, n: Node) -> Sized:
    t = ctx.theme
    text = ctx.text(n.label, n, n.size, n.color, n.bold, n.font, n.align, n.math_size) if n.label else None
    tw, th = (text.width, text.height) if text else (0.0, 0.0)
    iw, ih = icon_size(n.icon, n.icon_size) if n.icon else (0, 0)
    gap = (ICON_GAP_RIGHT if n.icon_at in ("right", "left") else 6) if (n.icon and text) else 0
    shp = SHAPES[n.shape]
    if shp.bare:
        px = py = n.pad if n.pad is not None else 0
    else:
        px = n.pad if n.pad is not None else t.text["pad_x"]
        py = n.pad if n.pad is not None else t.text["pad_y"]
    # What a shape adds around its label beyond the padding (a trapezoid's slanted sides).
    slack = shp.grow(tw + 2 * px, th + 2 * py, n)[0] - (tw + 2 * px) if text and n.fit and not shp.bare else 0.0
    if text and n.fit and n.width and tw > n.width - 2 * px - slack > 0:
        k = (n.width - 2 * px - slack) / tw     # set the label smaller instead of widening the box
        text = ctx.text(n.label, n, (n.size or t.text["size"]) * k, n.color, n.bold, n.font, n.align,
                        n.math_size * k if n.math_size else None)
        tw, th = text.width, text.height
    if n.icon_at in ("right", "left"):
        w, h = tw + gap + iw + 2 * px, max(th, ih) + 2 * py
    else:
        w, h = max(tw, iw) + 2 * px, th + gap + ih + 2 * py
    if not shp.bare:
        # A size the spec gives replaces the theme's minimum (small markers).
        w = max(w, t.box["min_width"] if n.width is None else 0)
        h = max(h, t.box["min_height"] if n.height is None else 0)
    w, h = shp.grow(w, h, n)
    w, h = max(w, n.width or 0), max(h, n.height or 0)
    if n.same_size and n.same_size in ctx.sizes:
        sw, sh = ctx.sizes[n.same_size]
        w, h = max(w, sw), max(h, sh)
    if n.cap:
        h += n.cap_height              # the hat sits on top of the box
    cap = ctx.text(n.caption, n, n.caption_size or t.text["caption"]) if n.caption else None
    # Room the shape draws beyond its box (a callout's tail): kept free, the
    # box stays what edges attach to.
    top, right, bottom, left = shp.outset(n) if shp.outset else (0.0, 0.0, 0.0, 0.0)
    full_h = h + top + bottom + (cap.height + 6 if cap else 0)
    full_w = max(w + left + right, cap.width if cap else 0)
    extra = {"box_w": w, "icon_gap": gap}
    if top or right or bottom or left:
        extra["shape_off"] = ((full_w - w - left - right) / 2 + left, top)
    return Sized(n, full_w, full_h, shape_h=h, text=text, caption=cap, extra=extra)


def _dots_size(ctx: Ctx, d: Dots) -> Sized:
    one = 3 * d.dot + 2 * d.dot * 0.9
    w = d.groups * one + (d.groups - 1) * d.dot * 3
    return Sized(d, w, d.dot) if d.horizontal else Sized(d, d.dot, w)


def _arrows_size(ctx: Ctx, a: Arrows) -> Sized:
    across = (a.count - 1) * a.spacing + ctx.theme.arrow["width"]
    return Sized(a, across, a.length) if a.direction in ("down", "up") else Sized(a, a.length, across)


def _cells_size(ctx: Ctx, c: Cells) -> Sized:
    rows = c.rows
    if c.words:       # this language's words, one cell each, all as wide as the widest needs
        rows = [[I18n(zh=w, en=w) for w in c.words.get(ctx.lang).split()]]
        widest = max(ctx.text(w, c, c.text_size, c.color).width for w in rows[0])
        widths = [max(c.cell_width, widest + 0.9 * c.text_size)] * len(rows[0])
        return Sized(c, sum(widths), c.cell_height, extra={"widths": widths, "rows": rows})
    ncol = len(rows[0])
    widths = c.col_widths or [c.cell_width] * ncol
    if len(widths) != ncol:
        raise SpecError(f"col_widths has {len(widths)} entries for {ncol} columns", source=c.loc, element=c.describe())
    return Sized(c, sum(widths), c.cell_height * len(rows), extra={"widths": widths})


def _timeline_size(ctx: Ctx, tl: Timeline) -> Sized:
    """Events on an even rhythm (declaration order), dates centred under their
    events, one box height per side. All geometry is relative to the element's
    top-left corner and kept in `extra` for painting (and tests)."""
    t = ctx.theme
    size = tl.text_size or t.text["size"] * 1.07
    dsize = tl.date_size or size
    events, dates = [], []          # events: (side, block, width); dates: [block, slots]
    ev_slot: list[int] = []         # slot k sits at x = k * step
    for m in tl.marks:
        k = len(ev_slot) + sum(1 for d in dates if not d[2])
        n = 0
        for side in ("above", "below"):
            lab = getattr(m, side)
            if lab is not None:
                b = ctx.text(lab, tl, size)
                if tl.event_max_width:
                    room, fs = tl.event_max_width - 2 * tl.event_pad, size
                    while b.width > room and fs > 8:   # shrink to fit, like PowerPoint autofit
                        fs = min(fs - 0.5, int(2 * fs * room / b.width) / 2)
                        b = ctx.text(lab, tl, fs)
                w = max(tl.event_width, b.width + 2 * tl.event_pad)
                events.append((side, b, min(w, tl.event_max_width) if tl.event_max_width else w))
                ev_slot.append(k + n)
                n += 1
        # A date without events takes a slot of its own.
        dates.append([ctx.text(m.when, tl, dsize), list(range(k, k + max(n, 1))), n > 0])
    pad_y = t.text["pad_y"] * 1.5
    h = {side: max([tl.event_height] + [b.height + 2 * pad_y for s_, b, _ in events if s_ == side])
         if any(s_ == side for s_, _, _ in events) else 0.0 for side in ("above", "below")}
    # The step: the smallest even spacing keeping boxes on a side and dates apart.
    step = 1.0
    last: dict[str, tuple[int, float]] = {}
    for (side, _, w), slot in zip(events, ev_slot):
        if side in last:
            ps, pw = last[side]
            step = max(step, ((pw + w) / 2 + tl.gap) / (slot - ps))
        last[side] = (slot, w)
    centres = [sum(d[1]) / len(d[1]) for d in dates]
    for (da, ca), (db, cb) in zip(zip(dates, centres), zip(dates[1:], centres[1:])):
        step = max(step, ((da[0].width + db[0].width) / 2 + tl.date_gap) / (cb - ca))
    bh, notch = tl.band_height, tl.band_height / 2
    spans = [(slot * step - w / 2, slot * step + w / 2) for (_, _, w), slot in zip(events, ev_slot)]
    spans += [(c * step - d[0].width / 2, c * step + d[0].width / 2) for d, c in zip(dates, centres)]
    left = min(a for a, _ in spans) - notch - 16      # past the notch of the band's tail
    right = max(b for _, b in spans) + notch          # the point starts at the last box
    band_y = h["above"] + tl.reach if h["above"] else 0.0
    height = band_y + bh + (tl.reach + h["below"] if h["below"] else 0.0)
    g = tl.connector_gap
    out_events = []
    for (side, blk, w), slot in zip(events, ev_slot):
        cx = slot * step - left
        if side == "above":
            box = Box(cx - w / 2, band_y - tl.reach - h["above"], w, h["above"])
            conn = (cx, box.bottom + g, band_y - g)
        else:
            box = Box(cx - w / 2, band_y + bh + tl.reach, w, h["below"])
            conn = (cx, band_y + bh + g, box.y - g)
        out_events.append({"side": side, "box": box, "text": blk, "connector": conn})
    out_dates = [(d[0], c * step - left - d[0].width / 2, band_y + (bh - d[0].height) / 2)
                 for d, c in zip(dates, centres)]
    return Sized(tl, right - left, height,
                 extra={"band": Box(0.0, band_y, right - left, bh), "events": out_events,
                        "dates": out_dates, "step": step})


def _stack_size(ctx: Ctx, el: Column, horizontal: bool) -> Sized:
    kids = [measure(ctx, c) for c in el.children()]
    rules = [k for k in kids if isinstance(k.el, Rule)]
    if horizontal:
        if el.align == "stretch":
            _line_up_panels(kids)
        for r in rules:                     # upright: as wide as a lying rule is tall
            r.w, r.h = r.h, 0.0
        W = sum(k.w for k in kids) + el.gap * (len(kids) - 1)
        H = max((k.h for k in kids), default=0)
        for r in rules:
            r.h = H
    else:
        W = max((k.w for k in kids if not isinstance(k.el, Rule)), default=0)
        for r in rules:
            r.w = W
        H = sum(k.h for k in kids) + el.gap * (len(kids) - 1)
    if el.align == "stretch":
        for k in kids:
            _stretch(k, H if horizontal else W, horizontal)
    axis = _axis_offsets(el, kids, horizontal)
    if axis:                                # widened so every child fits around the common line
        a = max(axis)
        if horizontal:
            H = max(a - o + k.h for k, o in zip(kids, axis))
        else:
            W = max(a - o + k.w for k, o in zip(kids, axis))
    out, pos = Sized(el, W, H), 0.0
    for i, k in enumerate(kids):
        if horizontal:
            dy = {"center": (H - k.h) / 2, "start": 0.0, "end": H - k.h, "stretch": (H - k.h) / 2}[el.align]
            out.kids.append((k, pos, a - axis[i] if axis else dy))
            pos += k.w + el.gap
        else:
            dx = {"center": (W - k.w) / 2, "start": 0.0, "end": W - k.w, "stretch": (W - k.w) / 2}[el.align]
            out.kids.append((k, a - axis[i] if axis else dx, pos))
            pos += k.h + el.gap
    return out


def _axis_offsets(el: Column, kids: list[Sized], horizontal: bool) -> list[float] | None:
    """Column.axis: where each child's centre line lies across the stack (the
    axis element's centre in the child holding it, the middle of the others)."""
    if not el.axis:
        return None
    found = False
    out = []
    for k in kids:
        o = _find_centre(k, el.axis, horizontal)
        found = found or o is not None
        out.append(o if o is not None else (k.h if horizontal else k.w) / 2)
    if not found:
        raise SpecError(f"axis names {el.axis!r}, which is not inside this {type(el).__name__}", source=el.loc,
                        element=el.describe(), fix="name an element id inside one of its children")
    return out


def _find_centre(s: Sized, id: str, horizontal: bool) -> float | None:
    """The offset of element `id`'s centre (its shape's) across `s`, or None."""
    if s.el.id == id:
        if s.shape_h is not None:
            dx, dy = s.extra.get("shape_off", ((s.w - s.extra["box_w"]) / 2, 0.0))
            return dy + s.shape_h / 2 if horizontal else dx + s.extra["box_w"] / 2
        return (s.h if horizontal else s.w) / 2
    for k, dx, dy in s.kids:
        o = _find_centre(k, id, horizontal)
        if o is not None:
            return o + (dy if horizontal else dx)
    return None


def _line_up_panels(kids: list[Sized]) -> None:
    """Panels side by side in a stretched Row start their contents level: the
    ones with a shorter title (or none) move their content down."""
    panels = [k for k in kids if isinstance(k.el, Panel)]
    top = max((k.kids[0][2] for k in panels), default=0.0)
    for k in panels:
        c, dx, dy = k.kids[0]
        k.kids[0] = (c, dx, top)
        k.h += top - dy


def _stretch(s: Sized, size: float, vertical: bool) -> None:
    """Make `s` `size` tall (vertical) or wide where it can grow: a Panel grows
    its background (and stretches or centres its content), a `spread` Column
    (Row, across) moves its children apart. Anything else keeps its size and
    is centred by its parent."""
    extra = size - (s.h if vertical else s.w)
    if extra <= 0:
        return
    el = s.el
    if isinstance(el, Panel):
        k, dx, dy = s.kids[0]
        before = k.h if vertical else k.w
        _stretch(k, before + extra, vertical)
        room = before + extra - (k.h if vertical else k.w)
        shift = room * {"center": 0.5, "start": 0.0, "end": 1.0}[el.content_at]
        s.kids[0] = (k, dx, dy + shift) if vertical else (k, dx + shift, dy)
    elif isinstance(el, Column) and el.spread and isinstance(el, Row) != vertical and len(s.kids) > 1:
        n = len(s.kids) - 1
        s.kids = [(k, dx, dy + extra * i / n) if vertical else (k, dx + extra * i / n, dy)
                  for i, (k, dx, dy) in enumerate(s.kids)]
    else:
        return
    if vertical:
        s.h = size
    else:
        s.w = size


def _grid_size(ctx: Ctx, g: Grid) -> Sized:
    # HTML table semantics: a Span occupies cells to its right and below.
    taken: set[tuple[int, int]] = set()
    cells = []
    for r, row in enumerate(g.rows):
        c = 0
        for item in row:
            while (r, c) in taken:
                c += 1
            span = item if isinstance(item, Span) else None
            cs, rs = (span.cols, span.rows) if span else (1, 1)
            for rr in range(r, r + rs):
                for cc in range(c, c + cs):
                    taken.add((rr, cc))
            if item is not None:
                inner = span.child if span else item
                cells.append((r, c, rs, cs, measure(ctx, inner), span.align if span else None,
                              bool(span and span.overhang)))
            c += cs
    nrow = max(r for r, _ in taken) + 1 if taken else 0
    ncol = max(c for _, c in taken) + 1 if taken else 0
    cw, rh = [0.0] * ncol, [0.0] * nrow
    gaps = list(g.col_gaps or []) + [g.col_gap] * ncol

    def gap(a: int, b: int) -> float:      # the column gaps from column a to column b
        return sum(gaps[a:b])

    def rgap(a: int, b: int) -> float:     # the row gaps from row a to row b
        return sum((list(g.row_gaps) + [g.row_gap] * nrow)[a:b]) if g.row_gaps else g.row_gap * (b - a)
    # A column holding only upright rules stays a hairline: spans widen the others.
    rule_cols = {c for _, c, _, cs, k, _, _ in cells if cs == 1 and isinstance(k.el, Rule)}
    rule_cols -= {c for _, c, _, cs, k, _, _ in cells if cs == 1 and not isinstance(k.el, Rule)}
    for r, c, rs, cs, k, _, hang in sorted(cells, key=lambda t: (t[2] * t[3])):
        need_w = k.w - (sum(cw[c:c + cs]) + gap(c, c + cs - 1))
        if need_w > 0:
            grow = [i for i in range(c, c + cs) if i not in rule_cols] or list(range(c, c + cs))
            for i in grow:
                cw[i] += need_w / len(grow)
        if not isinstance(k.el, Rule) and not hang:
            need_h = k.h - (sum(rh[r:r + rs]) + rgap(r, r + rs - 1))
            if need_h > 0:
                for i in range(r, r + rs):
                    rh[i] += need_h / rs
    xs = [sum(cw[:i]) + gap(0, i) for i in range(ncol)]
    ys = [sum(rh[:i]) + rgap(0, i) for i in range(nrow)]
    W = (xs[-1] + cw[-1]) if ncol else 0
    H = (ys[-1] + rh[-1]) if nrow else 0
    out = Sized(g, W, H)
    for r, c, rs, cs, k, align, _ in cells:
        aw = sum(cw[c:c + cs]) + gap(c, c + cs - 1)
        ah = sum(rh[r:r + rs]) + rgap(r, r + rs - 1)
        if isinstance(k.el, Rule) and not aw:      # alone in its column: upright, as tall as its row(s)
            k.w, k.h = 12.0, ah
        elif isinstance(k.el, Rule) or align == "stretch":
            if k.shape_h is not None and k.extra["box_w"] >= k.w:   # a node's box fills the span
                k.extra["box_w"] = aw
            k.w = aw
        ca = (g.col_align[c] if g.col_align and c < len(g.col_align) else g.align) if align is None else align
        dx = {"center": (aw - k.w) / 2, "start": 0.0, "end": aw - k.w, "stretch": 0.0}[ca]
        out.kids.append((k, xs[c] + dx, ys[r] + (ah - k.h) / 2))
    return out


def _panel_size(ctx: Ctx, p: Panel) -> Sized:
    t = ctx.theme
    pad = p.padding if p.padding is not None else t.panel["padding"]
    k = measure(ctx, p.child)
    title = ctx.text(p.title, p, p.title_size or t.panel["title_size"], p.title_color, p.title_bold) \
        if p.title else None
    th = title.height + pad * 0.5 if title else 0.0
    o = _find_centre(k, p.axis, False) if p.axis else None
    if p.axis and o is None:
        raise SpecError(f"axis names {p.axis!r}, which is not inside this Panel", source=p.loc,
                        element=p.describe(), fix="name an element id inside the panel")
    half = max(o, k.w - o) if o is not None else k.w / 2
    W = max(2 * half, title.width if title else 0) + 2 * pad
    H = k.h + 2 * pad + th
    top = pad + (th if title and not p.title_at.startswith("bottom") else 0)
    out = Sized(p, W, H, text=title)
    out.kids.append((k, (W - k.w) / 2 if o is None else W / 2 - o, top))
    if p.same_size and "panel:" + p.same_size in ctx.sizes:
        gw, gh = ctx.sizes["panel:" + p.same_size]
        _stretch(out, gw, False)
        _stretch(out, gh, True)
    return out


def _flow_size(ctx: Ctx, f: Flow) -> Sized:
    import os
    os.environ.setdefault("FONTCONFIG_FILE", os.path.join(os.path.dirname(__file__), "data", "fonts.conf"))
    import pygraphviz as pgv
    kids = [measure(ctx, c) for c in f.children()]
    owner: dict[str, int] = {}
    for i, c in enumerate(f.children()):
        for e in walk(c):
            if e.id:
                owner[e.id] = i
    g = pgv.AGraph(directed=True, strict=False)
    g.graph_attr.update(rankdir=f.direction, ranksep=f"{f.rank_gap / 72:.4f}",
                        nodesep=f"{f.node_gap / 72:.4f}", ordering="out", splines="false",
                        newrank="true")
    for i, k in enumerate(kids):
        # Centre dot's node on the box edges attach to, not on box + caption.
        below = (k.h - k.shape_h) if k.shape_h is not None else 0.0
        g.add_node(f"n{i}", shape="box", fixedsize="true", label="",
                   width=f"{k.w / 72:.4f}", height=f"{(k.h + below) / 72:.4f}")
    for e in ctx.edges:
        a, b = e.src.split(".")[0], e.dst.split(".")[0]
        # Edges run forward in declared order; one pointing back to an earlier
        # child (a feedback loop) does not rank.
        if a in owner and b in owner and owner[a] < owner[b]:
            g.add_edge(f"n{owner[a]}", f"n{owner[b]}")
    for chain in f.straight:
        for nid in chain:
            if nid not in owner:
                raise SpecError(f"straight names {nid!r}, which is not in this Flow", source=f.loc,
                                element=f.describe(), fix=f"use one of: {', '.join(sorted(owner))}")
            g.get_node(f"n{owner[nid]}").attr["group"] = "g" + chain[0]
        for a, b in zip(chain, chain[1:]):
            g.add_edge(f"n{owner[a]}", f"n{owner[b]}", style="invis", weight="50")
    for grp in f.same_rank:
        missing = [x for x in grp if x not in owner]
        if missing:
            raise SpecError(f"same_rank names {missing[0]!r}, which is not in this Flow", source=f.loc,
                            element=f.describe(), fix=f"use one of: {', '.join(sorted(owner))}")
        g.add_subgraph([f"n{owner[x]}" for x in grp], rank="same")
    g.layout(prog="dot")
    bb = [float(v) for v in g.graph_attr["bb"].split(",")]
    out = Sized(f, bb[2] - bb[0], bb[3] - bb[1])
    for i, k in enumerate(kids):
        px, py = (float(v) for v in g.get_node(f"n{i}").attr["pos"].split(","))
        below = (k.h - k.shape_h) if k.shape_h is not None else 0.0
        out.kids.append((k, round(px - bb[0] - k.w / 2, 2), round(bb[3] - py - (k.h + below) / 2, 2)))
    if f.tree:
        _tidy(ctx, f, out, owner)
    for chain in f.straight if f.parent_gap is None else ():   # bunched parents leave their chains
        _snap_line(out, [owner[n] for n in chain], f.direction in ("LR", "RL"))
    make_room(ctx, out)
    return out


def _tidy(ctx: Ctx, f: Flow, out: Sized, owner: dict[str, int]) -> None:
    """Flow(tree=True): re-place the nodes across the ranks as a tidy tree."""
    from .tree import tidy
    children: dict[int, list[int]] = {}
    parent: dict[int, int] = {}
    for e in ctx.edges:
        a, b = e.src.split(".")[0], e.dst.split(".")[0]
        if a in owner and b in owner and owner[a] < owner[b]:
            i, j = owner[a], owner[b]
            if j in parent and parent[j] != i:
                raise SpecError(f"tree=True, but {b!r} has two parents", source=f.loc, element=f.describe(),
                                fix="drop tree=True to lay out a graph with merging edges (dot)")
            if j not in parent:
                parent[j] = i
                children.setdefault(i, []).append(j)
    horizontal = f.direction in ("LR", "RL")
    out.kids = tidy(out.kids, children, horizontal, f.node_gap, [[owner[n] for n in c] for c in f.straight],
                    f.cousin_gap, f.parent_gap)
    if horizontal:
        out.h = max(dy + k.h for k, _, dy in out.kids)
    else:
        out.w = max(dx + k.w for k, dx, _ in out.kids)


def _snap_line(out: Sized, idx: list[int], horizontal: bool) -> None:
    """Put the centres of a `straight` chain on one line (dot only tries),
    unless that would make a box overlap a neighbour."""
    def centre(i):
        k, dx, dy = out.kids[i]
        sh = k.shape_h if k.shape_h is not None else k.h
        return dy + sh / 2 if horizontal else dx + k.w / 2
    cs = sorted(centre(i) for i in idx)
    line = cs[len(cs) // 2]
    for i in idx:
        k, dx, dy = out.kids[i]
        shift = line - centre(i)
        nb = Box(dx + (0 if horizontal else shift), dy + (shift if horizontal else 0), k.w, k.h)
        if any(nb.overlaps(Box(ox, oy, o.w, o.h)) for j, (o, ox, oy) in enumerate(out.kids) if j != i):
            continue
        out.kids[i] = (k, nb.x, nb.y)
    xs = [dx for _, dx, _ in out.kids] + [dx + k.w for k, dx, _ in out.kids]
    ys = [dy for _, _, dy in out.kids] + [dy + k.h for k, _, dy in out.kids]
    x0, y0 = min(xs), min(ys)
    out.kids = [(k, dx - x0, dy - y0) for k, dx, dy in out.kids]
    out.w, out.h = max(xs) - x0, max(ys) - y0


# How each element kind is measured; element families add theirs with
# @measures(Kind). A kind without its own entry uses its nearest base's.
MEASURES: KindTable = KindTable()   # kind -> fn(ctx, element) -> Sized
measures = MEASURES.register


def _span(ctx: Ctx, el: Span) -> Sized:
    raise SpecError("Span only goes inside a Grid row", source=el.loc, element=el.describe(),
                    fix="put it in Grid(rows=[[...]]) or drop the Span")


MEASURES.update({
    Node: _node_size, Dots: _dots_size, Arrows: _arrows_size, Cells: _cells_size, Timeline: _timeline_size,
    Rule: lambda ctx, el: Sized(el, 0.0, 12.0), Gap: lambda ctx, el: Sized(el, el.width, el.height),
    Row: lambda ctx, el: _stack_size(ctx, el, True), Column: lambda ctx, el: _stack_size(ctx, el, False),
    Grid: _grid_size, Panel: _panel_size, Flow: _flow_size, Span: _span,
})


def measure(ctx: Ctx, el: Element) -> Sized:
    fn = MEASURES.find(type(el))
    if fn is not None:
        return fn(ctx, el)
    where = "overlays=[...]" if type(el).is_overlay else "a layout"
    raise SpecError(f"{type(el).__name__} cannot be laid out in body", source=el.loc, element=el.describe(),
                    fix=f"put it in {where}")


# ---------------------------------------------------------------- placing

def place(s: Sized, x: float, y: float, index: dict[str, Placed]) -> Placed:
    box = Box(round(x, 2), round(y, 2), round(s.w, 2), round(s.h, 2))
    shape = box
    if s.shape_h is not None:
        bw = s.extra["box_w"]
        dx, dy = s.extra.get("shape_off", ((s.w - bw) / 2, 0.0))
        shape = Box(round(x + dx, 2), round(y + dy, 2), round(bw, 2), round(s.shape_h, 2))
    elif isinstance(s.el, Rule):   # edges attach to the line
        shape = (Box(round(x + s.w / 2, 2), box.y, 0.0, box.h) if s.h > s.w else
                 Box(box.x, round(y + s.h / 2, 2), box.w, 0.0))
    kids = [place(k, x + dx, y + dy, index) for k, dx, dy in s.kids]
    p = Placed(s.el, box, shape, kids, s.text, s.caption, s.extra)
    if s.el.id:
        index[s.el.id] = p
    return p


def equalize(ctx: Ctx, body: Element) -> None:
    """Nodes sharing `same_size` get the largest size of their group."""
    for el in walk(body):
        if isinstance(el, Node) and el.same_size:
            s = _node_size(ctx, el)
            w, h = ctx.sizes.get(el.same_size, (0.0, 0.0))
            sh_ = s.shape_h - (el.cap_height if el.cap else 0.0)
            ctx.sizes[el.same_size] = (max(w, s.extra["box_w"]), max(h, sh_))
    # Panels after the nodes inside them have their sizes.
    for el in walk(body):
        if isinstance(el, Panel) and el.same_size:
            s = _panel_size(ctx, el)
            w, h = ctx.sizes.get("panel:" + el.same_size, (0.0, 0.0))
            ctx.sizes["panel:" + el.same_size] = (max(w, s.w), max(h, s.h))


def layout(ctx: Ctx, body: Element) -> tuple[Placed, dict[str, Placed]]:
    equalize(ctx, body)
    index: dict[str, Placed] = {}
    root = place(measure(ctx, body), 0.0, 0.0, index)
    _level(root, index)
    return root, index


def _shift(p: Placed, dx: float, dy: float) -> None:
    p.box = p.box.moved(dx, dy)
    p.shape = p.shape.moved(dx, dy)
    for k in p.kids:
        _shift(k, dx, dy)


def _level(root: Placed, index: dict[str, Placed]) -> None:
    """Nodes (and other elements, e.g. a Table) with `level_with` move up or
    down, with what they hold, until their centre is level with the other
    node's; one that would then overlap a box is an error."""
    def leaves(p: Placed):
        if not p.kids and p.el.is_visible:
            yield p
        for k in p.kids:
            yield from leaves(k)
    for p in list(index.values()):
        n = p.el
        if not getattr(n, "level_with", None):
            continue
        if n.level_with not in index:
            raise SpecError(f"level_with names {n.level_with!r}, which is not a placed id", source=n.loc,
                            element=n.describe(), fix=f"use one of the ids: {', '.join(sorted(index))}")
        dy = round(index[n.level_with].shape.cy - p.shape.cy, 2)
        if not dy:
            continue
        _shift(p, 0.0, dy)
        own = {id(o) for o in leaves(p)} | {id(p)}
        hit = next((o for o in leaves(root) if id(o) not in own and o.box.overlaps(p.box, 0.5)), None)
        if hit is not None:
            raise SpecError(f"level with {n.level_with!r}, {n.describe()} would overlap {hit.el.describe()}",
                            source=n.loc, element=n.describe(),
                            fix="give it room in its layout (a gap or another row), or level it with another node")
