"""MindMap: a root with branches growing to its right and/or left, each
parent joined to its children by a bracket (a trunk beside the parent with
rounded ends turning into the first and last child, straight stubs to the
ones between):

    MindMap(Node("root", ("指令数据\\n来源", "Instruction\\ndata"), fill="data"),
            right=[Branch(Node("open", ("开源数据", "Open data"), fill="azure"),
                          Text(None, ("Github检索", "GitHub search")),
                          Branch(Text(None, ("自动衍变", "Evolution")), Text(...), Text(...)))],
            left=[Branch(Node("web", ("网络爬虫", "Web crawling")), Text(...))])

A `Branch(head, *children)` is a node with branches; a bare element is a leaf.
Children stack top to bottom, `gap` apart subtree to subtree; a parent is
centred on its first and last child, the root on each side's. A child sits
`stem + reach` beyond its parent's edge (bare text `text_gap` further, so the
connector stops short of it and starts clear of it); multi-line bare text
is set flush left unless its node says otherwise.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..geometry import fmt
from ..layout import Ctx, Placed, Sized, measure, measures
from ..model import Element, Node, Token
from ..paint import brace_path, paints
from ..scene import Paint, Path
from ..shapes import SHAPES

__all__ = ["Branch", "MindMap"]


class Branch(Element):
    """A node of a mind map and the branches growing out of it."""
    head: Element
    items: list[Element] = []

    def __init__(self, head: Any = None, *items: Any, **kw: Any) -> None:
        if head is not None:
            kw["head"] = head
        if items:
            kw["items"] = list(items)
        super().__init__(**kw)

    def describe(self) -> str:
        return f"Branch({self.head.describe()})"

    def children(self):
        return [self.head, *self.items]


class MindMap(Element):
    """A root and its branches to the right and/or left, joined by brackets."""
    _positional = ("root",)
    is_visible = True
    root: Element
    right: list[Element] = []
    left: list[Element] = []
    gap: float = 40              # between neighbouring subtrees, top to bottom
    stem: float = 26             # a parent's edge to its trunk
    reach: float = 40            # the trunk to a child's edge
    text_gap: float = 16         # the connector's end to a bare-text child
    radius: float = 18           # the rounded ends of a bracket
    # "bracket": a trunk with rounded ends into the first and last child and
    # stubs to the others; "brace": a curly brace pointing at the parent, its
    # curled ends short of the children (a classification).
    connector: Literal["bracket", "brace"] = "bracket"
    color: Token = "ash"
    # Connector width by depth (the root's first; the last repeats).
    widths: list[float] = Field(default_factory=lambda: [6.0, 4.5], min_length=1)

    def children(self):
        return [self.root, *self.right, *self.left]


def _bare(el: Element) -> bool:
    return isinstance(el, Node) and SHAPES[el.shape].bare


def _measure_head(ctx: Ctx, el: Element) -> Sized:
    if _bare(el) and el.align == "center":
        el = el.model_copy(update={"align": "left"})
    return measure(ctx, el)


def _tree(ctx: Ctx, el: Element, side: str, gap: float) -> dict:
    """A subtree: its measured head, its children and how far it reaches
    above and below the head's centre (`ext`)."""
    head, items = (el.head, el.items) if isinstance(el, Branch) else (el, [])
    s = _measure_head(ctx, head)
    h = s.shape_h if s.shape_h is not None else s.h
    t = {"s": s, "el": head, "kids": [_tree(ctx, k, side, gap) for k in items], "ext": (-h / 2, h / 2)}
    _stack(t, t["kids"], gap)
    return t


def _stack(t: dict, kids: list[dict], gap: float) -> None:
    """Stack `kids` top to bottom and centre them on the parent (offset `dy`
    of each child's centre from the parent's); widen the parent's `ext`."""
    if not kids:
        return
    cs = [0.0]
    for a, b in zip(kids, kids[1:]):
        cs.append(cs[-1] + a["ext"][1] + gap - b["ext"][0])
    mid = (cs[0] + cs[-1]) / 2
    lo, hi = t["ext"]
    for k, c in zip(kids, cs):
        k["dy"] = c - mid
        lo, hi = min(lo, k["dy"] + k["ext"][0]), max(hi, k["dy"] + k["ext"][1])
    t["ext"] = (lo, hi)


@measures(MindMap)
def _mindmap_size(ctx: Ctx, m: MindMap) -> Sized:
    root = {"s": _measure_head(ctx, m.root), "el": m.root}
    sides = {side: [_tree(ctx, k, side, m.gap) for k in getattr(m, side)] for side in ("right", "left")}
    items: list[tuple[Sized, float, float]] = []     # (sized, left x, centre y)
    links: list[tuple[int, list[int], str, int]] = []

    def put(t: dict, x: float, y: float) -> int:
        items.append((t["s"], x, y))
        return len(items) - 1

    def grow(t: dict, i: int, side: str, depth: int, kids: list[dict]) -> None:
        s, x, y = items[i]
        sign = 1 if side == "right" else -1
        trunk = (x + s.w if sign > 0 else x) + sign * (m.stem + (m.text_gap if _bare(t["el"]) else 0))
        idx = []
        for k in kids:
            edge = trunk + sign * (m.reach + (m.text_gap if _bare(k["el"]) else 0))
            j = put(k, edge if sign > 0 else edge - k["s"].w, y + k["dy"])
            idx.append(j)
            grow(k, j, side, depth + 1, k["kids"])
        if idx:
            links.append((i, idx, side, depth))

    r = put(root, 0.0, 0.0)
    for side, kids in sides.items():
        _stack({"ext": (0.0, 0.0)}, kids, m.gap)
        grow(root, r, side, 0, kids)
    xs = [x for _, x, _ in items] + [x + s.w for s, x, _ in items]
    tops = [y - (s.shape_h if s.shape_h is not None else s.h) / 2 for s, _, y in items]
    bottoms = [t + s.h for (s, _, _), t in zip(items, tops)]
    x0, y0 = min(xs), min(tops)
    out = Sized(m, max(xs) - x0, max(bottoms) - y0, extra={"links": links})
    out.kids = [(s, round(x - x0, 2), round(t - y0, 2)) for (s, x, _), t in zip(items, tops)]
    return out


@paints(MindMap)
def _mindmap_paint(ctx: Ctx, p: Placed, out: list) -> None:
    m: MindMap = p.el
    col = ctx.color(m.color, m, "colour")
    for pi, cis, side, depth in p.extra["links"]:
        sign = 1 if side == "right" else -1
        par = p.kids[pi].shape
        x0 = (par.right if sign > 0 else par.x) + sign * (m.text_gap if _bare(p.kids[pi].el) else 0)
        xt = x0 + sign * m.stem
        ends = []
        for ci in cis:
            c = p.kids[ci]
            gap = m.text_gap if _bare(c.el) else 0.0
            ends.append(((c.shape.x - gap) if sign > 0 else (c.shape.right + gap), c.shape.cy))
        ends.sort(key=lambda e: e[1])
        (xa, top), (xb, bot) = ends[0], ends[-1]
        if m.connector == "brace" and bot - top >= 0.5:
            rr, ym = min(m.radius, (bot - top) / 4), par.cy
            d = brace_path(xt + sign * rr, xt, x0, top, bot, ym, rr, upright=True)
            out.append(Path(d, Paint(None, col, m.widths[min(depth, len(m.widths) - 1)])))
            continue
        d = f"M{fmt(x0)} {fmt(par.cy)}H{fmt(xt)}"
        if bot - top < 0.5:
            d += f"H{fmt(xa)}"
        else:
            rr = min(m.radius, (bot - top) / 2, m.reach)
            d += (f"M{fmt(xa)} {fmt(top)}H{fmt(xt + sign * rr)}Q{fmt(xt)} {fmt(top)} {fmt(xt)} {fmt(top + rr)}"
                  f"V{fmt(bot - rr)}Q{fmt(xt)} {fmt(bot)} {fmt(xt + sign * rr)} {fmt(bot)}H{fmt(xb)}")
            for x, y in ends[1:-1]:
                d += f"M{fmt(xt)} {fmt(y)}H{fmt(x)}"
        w = m.widths[min(depth, len(m.widths) - 1)]
        out.append(Path(d, Paint(None, col, w)))
