"""The pipeline, one stage a module:

spec (model) -> check -> layout (measured text, Graphviz ranks) -> route ->
paint (scene) -> svg -> png.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from .check import check
from .errors import SpecError
from .fonts import fonts_for
from .geometry import Box, path_points
from .icons import icon_size
from .layout import Ctx, Placed, layout
from .model import Arrows, Brace, Cells, Diagram, Dots, Edge, Node, Panel, Region, Timeline, walk
from .paint import (OVERLAY_PAINTERS, icon_art, footer_height, frame_and_footer, layout_footer, paint_brace, paint_edge, paint_region,
                    paint_tree)
from .route import Router, straight
from .shapes import SHAPES
from .shapes import on_outline
from .curves import curve_of, label_box as curve_label_box
from .scene import Scene, TextArt
from .svg import to_svg
from .theme import load_theme

def _parents(root: Placed) -> dict[int, list[Placed]]:
    out: dict[int, list[Placed]] = defaultdict(list)     # a brace tip has no containers

    def rec(p: Placed, chain: list[Placed]) -> None:
        out[id(p)] = chain
        for k in p.kids:
            rec(k, chain + [p])
    rec(root, [])
    return out


def _descendants(p: Placed):
    for k in p.kids:
        yield k
        yield from _descendants(k)


def _key(p: Placed) -> str:
    return p.el.id or f"#{id(p.el)}"


def _endpoint(ref: str, index: dict[str, Placed], e: Edge) -> tuple[Placed, str | None]:
    nid, _, side = ref.partition(".")
    if nid not in index:
        raise SpecError(f"unknown node {nid!r}", source=e.loc, element=e.describe(),
                        fix=f"use one of the ids: {', '.join(sorted(index))}")
    return index[nid], (side or None)


def route_edges(ctx: Ctx, root: Placed, index: dict[str, Placed], edges: list[Edge]):
    parents = _parents(root)
    obstacles = []
    stack = [root]
    while stack:
        p = stack.pop()
        stack.extend(p.kids)
        if p.el.is_obstacle:
            # Edges end on the shape; an element measured with a shape of its own
            # ("box_w": a tensor with its axes around it) blocks with that shape.
            core = isinstance(p.el, Node) or "box_w" in p.extra
            obstacles.append((p.shape if core else p.box, frozenset({_key(p)})))
            if isinstance(p.el, Node):
                # A caption below; what the shape draws beyond its box (a tail).
                shp = SHAPES[p.el.shape]
                top, right, bottom, left = shp.outset(p.el) if shp.outset else (0, 0, 0, 0)
                cb, sb = p.box, p.shape
                for part, room in ((Box(cb.x, sb.bottom + 2, cb.w, cb.bottom - sb.bottom - 2), p.caption or bottom),
                                   (Box(cb.x, cb.y, cb.w, sb.y - 2 - cb.y), top),
                                   (Box(cb.x, cb.y, sb.x - 2 - cb.x, cb.h), left),
                                   (Box(sb.right + 2, cb.y, cb.right - sb.right - 2, cb.h), right)):
                    if room:
                        obstacles.append((part, frozenset({_key(p) + ".caption"})))
    obstacles.sort(key=lambda o: (o[0].y, o[0].x, o[0].w, o[0].h))
    router = Router(obstacles)
    routes = []
    pairs: dict[frozenset, list[int]] = {}
    for i, e in enumerate(edges):
        if e.route == "straight" and e.plumb:
            pairs.setdefault(frozenset((e.src.partition(".")[0], e.dst.partition(".")[0])), []).append(i)
    for i, e in enumerate(edges):
        a, sa = _endpoint(e.src, index, e)
        b, sb = _endpoint(e.dst, index, e)
        if e.route == "arc":
            pts = curve_of(e, a, b, sa, sb)
        elif e.route == "straight":
            pts = straight(a.shape, b.shape, sa, sb, e.plumb)
            group = pairs.get(frozenset((e.src.partition(".")[0], e.dst.partition(".")[0])), [])
            if e.plumb and len(group) > 1:
                pts = _spread(pts, a.shape, b.shape, group.index(i), len(group))
        else:
            # Containers of either end are crossed; so is what lies inside either end.
            inner = [_key(x) for end in (a, b) for x in _descendants(end)]
            skip = frozenset([_key(x) for x in parents[id(a)] + parents[id(b)]] + inner)
            sides = ("right", "bottom", "top", "left")
            # Panels holding one end only: the edge crosses their edge once.
            leave = frozenset({_key(x) for x in parents[id(a)]} ^ {_key(x) for x in parents[id(b)]})
            pts = router.ortho(_key(a), _key(b), a.shape, b.shape,
                               (sa,) if sa else sides, (sb,) if sb else sides, skip, e.around, e.merge, leave,
                               e.pitch)
            router.commit(pts, _key(a), _key(b), e.merge)
        if not (e.loop or e.route == "arc"):
            pts = _on_outlines(a, b, pts)
        routes.append((e, pts))
    return routes, obstacles


def _on_outlines(a: Placed, b: Placed, pts: list) -> list:
    """The ends moved on along the edge to the visible outline of a diamond,
    trapezoid, chevron, ... (the router attaches to the box's sides)."""
    pts = list(pts)
    if isinstance(a.el, Node):
        pts[0] = on_outline(a.el, a.shape, pts[0], pts[1])
    if isinstance(b.el, Node):
        pts[-1] = on_outline(b.el, b.shape, pts[-1], pts[-2])
    return pts


def _spread(pts, S: Box, D: Box, k: int, n: int):
    """The k-th of n plumb edges between one pair of boxes, at (2k+1)/2n
    across the narrower box."""
    (x0, y0), (x1, y1) = pts
    if abs(x0 - x1) < 0.01:
        nb = S if S.w < D.w else D
        x = round(nb.x + nb.w * (2 * k + 1) / (2 * n), 2)
        return [(x, y0), (x, y1)]
    nb = S if S.h < D.h else D
    y = round(nb.y + nb.h * (2 * k + 1) / (2 * n), 2)
    return [(x0, y), (x1, y)]


def _label_box(ctx: Ctx, e: Edge, pts, blk, taken: list[Box]) -> Box:
    """Beside the path near `label_at`, clear of boxes and other labels."""
    segs = list(zip(pts, pts[1:]))
    lengths = [abs(q[0] - p[0]) + abs(q[1] - p[1]) for p, q in segs]
    total = sum(lengths) or 1.0
    cands = []
    for frac in (e.label_at, e.label_at + 0.15, e.label_at - 0.15, e.label_at + 0.3, e.label_at - 0.3):
        frac = min(max(frac, 0.02), 0.98)
        dist = frac * total
        for (p, q), L in zip(segs, lengths):
            if dist <= L or (p, q) == segs[-1]:
                t = dist / L if L else 0
                x, y = p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t
                horiz = abs(q[1] - p[1]) < abs(q[0] - p[0])
                if horiz:
                    pair = [Box(x - blk.width / 2, y - 6 - blk.height, blk.width, blk.height),
                            Box(x - blk.width / 2, y + 6, blk.width, blk.height)]
                else:
                    pair = [Box(x + 8, y - blk.height / 2, blk.width, blk.height),
                            Box(x - 8 - blk.width, y - blk.height / 2, blk.width, blk.height)]
                cands += pair[::-1] if e.label_side in ("bottom", "left") else pair
                break
            dist -= L
    for c in cands:
        if not any(c.overlaps(t, 0.5) for t in taken):
            return c
    return cands[0]


def _curve_label(e: Edge, curve, blk, a: "Arranged", labels: list[Box]) -> Box:
    """Beside an arc or loop, clear of the boxes (not those holding its ends),
    of the labels so far and of the other edges."""
    parents = _parents(a.root)
    ends = [_endpoint(r, a.index, e)[0] for r in (e.src, e.dst)]
    holders = {_key(x) for end in ends for x in parents[id(end)]}
    avoid = [b for b, ids in a.obstacles if not ids & holders] + labels
    lines = [pts for f, pts in a.routes if f is not e]
    return curve_label_box(curve, blk.width, blk.height, e.label_at, avoid, lines)


def _label_icon(ctx: Ctx, e: Edge, pts, label: Box):
    """The edge's icon mirrors its label across the path: a label right of a
    vertical segment puts the icon left of it, a label above puts it below."""
    return icon_art(ctx, e.label_icon, _across(pts, label, *icon_size(e.label_icon)))


def _across(pts, label: Box, iw: float, ih: float, near: bool = False) -> Box:
    """A box of iw x ih mirroring `label` across the path (as far from it);
    `near`: across a horizontal path, as far as the label's near edge. The
    label belongs to the segment nearest to its centre."""
    def dist(p, q):
        x = min(max(label.cx, min(p[0], q[0])), max(p[0], q[0]))
        y = min(max(label.cy, min(p[1], q[1])), max(p[1], q[1]))
        return abs(label.cx - x) + abs(label.cy - y)
    p, q = min(zip(pts, pts[1:]), key=lambda s: dist(*s))
    if abs(q[0] - p[0]) < abs(q[1] - p[1]) and min(p[1], q[1]) <= label.cy <= max(p[1], q[1]):
        x = p[0] + (q[0] - p[0]) * ((label.cy - p[1]) / ((q[1] - p[1]) or 1))
        gap = (label.x - x) if label.cx > x else (x - label.right)
        ix = x - gap - iw if label.cx > x else x + gap
        return Box(ix, label.cy - ih / 2, iw, ih)
    seg_y = p[1] if abs(q[1] - p[1]) < abs(q[0] - p[0]) else next(
        (p[1] for p, q in zip(pts, pts[1:]) if min(p[0], q[0]) <= label.cx <= max(p[0], q[0])), pts[0][1])
    if near:
        y = 2 * seg_y - label.bottom if label.cy < seg_y else 2 * seg_y - label.y - ih
        return Box(label.cx - iw / 2, y, iw, ih)
    return Box(label.cx - iw / 2, 2 * seg_y - label.cy - ih / 2, iw, ih)


@dataclass
class Arranged:
    """The diagram after layout and routing, before painting."""
    ctx: Ctx
    root: Placed
    index: dict[str, Placed]
    routes: list[tuple[Edge, list[tuple[float, float]]]]
    obstacles: list[tuple[Box, frozenset[str]]]


def place(d: Diagram, lang: str, texts: list | None = None) -> tuple[Ctx, Placed, dict[str, Placed]]:
    """Check `d`, then measure and place it: the context, the placed tree and
    every id (brace tips included) that edges may end at.
    `texts`: a list to log every laid-out text block in (see Ctx.texts)."""
    theme = load_theme(d.theme)
    check(d, theme)
    ctx = Ctx(theme, fonts_for(theme), lang, d.edges, texts=texts, scale=d.text_scale.get(lang, 1.0))
    root, index = layout(ctx, d.body)
    return ctx, root, {**index, **_brace_tips(index, d.overlays)}


def arrange(d: Diagram, lang: str, texts: list | None = None) -> Arranged:
    """`d` placed (see `place`) and its edges routed."""
    ctx, root, index = place(d, lang, texts)
    routes, obstacles = route_edges(ctx, root, index, d.edges)
    return Arranged(ctx, root, index, routes, obstacles)


MAX_PAGE = 20000   # units a side: the originals are below 10000; more is a runaway spec


def build_scene(d: Diagram, lang: str, a: Arranged | None = None) -> Scene:
    """The scene of `d`, from its arrangement `a` when already made."""
    a = a or arrange(d, lang)
    ctx, root, index, routes, obstacles = a.ctx, a.root, a.index, a.routes, a.obstacles
    theme = ctx.theme

    # Braces first: a Region may name a Brace among its members, and wraps it.
    braced: list = []
    brace_box: dict[str, Box] = {}
    for ov in d.overlays:
        if isinstance(ov, Brace):
            box = _brace_span(ov, index)
            lab = ctx.text(ov.label, ov, ov.label_size, ov.label_color) if ov.label else None
            used = paint_brace(ctx, ov, box, lab, braced)
            if ov.id:
                brace_box[ov.id] = used
    back: list = []
    for ov in d.overlays:
        if isinstance(ov, Region):
            nodes = [_endpoint(m, index, ov)[0].box for m in ov.members if m not in brace_box]
            box = _union(nodes + [brace_box[m] for m in ov.members if m in brace_box])
            nodes = _union(nodes) if nodes else None
            if ov.symmetric and nodes is not None:
                half = max(nodes.cx - box.x, box.right - nodes.cx)
                box = Box(nodes.cx - half, box.y, 2 * half, box.h)
            title = ctx.text(ov.title, ov, ov.title_size, ov.title_color, ov.title_bold) if ov.title else None
            top = (title.height + ov.padding * 0.6) if title else 0
            box = Box(box.x - ov.padding, box.y - ov.padding - top, box.w + 2 * ov.padding,
                      box.h + 2 * ov.padding + top)
            paint_region(ctx, ov, box, title, back)
    items: list = []
    paint_tree(ctx, root, items)
    taken = [o[0] for o in obstacles]
    parents = _parents(root)
    for e, pts in routes:
        paint_edge(ctx, e, pts, items)
    for e, pts in routes:
        if e.label:
            blk = ctx.text(e.label, e, e.label_size, e.label_color, align=e.label_align)
            art = None
            if hasattr(pts, "bezier"):
                box = _curve_label(e, pts, blk, a, taken[len(obstacles):])
            elif e.label_along:
                art = _along_label(e, pts, blk)
                box = art.box
            else:
                # A label may sit on the panels holding the edge's ends.
                holders = {x.box for r in (e.src, e.dst) for x in parents[id(_endpoint(r, index, e)[0])]}
                box = _label_box(ctx, e, pts, blk, [t for t in taken if t not in holders])
            taken.append(box)
            items.append(art or TextArt(blk, box.x, box.y))
            if e.label_icon:
                items.append(_label_icon(ctx, e, pts, box))
            if e.note:
                nb = ctx.text(e.note, e, e.note_size or ctx.theme.text["small"], e.label_color)
                at = _across(pts, box, nb.width, nb.height, near=True)
                taken.append(at)
                items.append(TextArt(nb, at.x, at.y))
    items += braced
    for ov in d.overlays:
        if type(ov) in OVERLAY_PAINTERS:
            OVERLAY_PAINTERS[type(ov)](ctx, ov, index, items)

    # Canvas: content bounds + margins, frame and footer band below.
    allitems = back + items
    x0, y0, x1, y1 = _bounds(allitems)
    t = theme.frame
    m = t["margin"]
    W = max(x1 - x0 + 2 * m, d.min_width)
    foot = layout_footer(ctx, d.title.get(lang), W)
    W = max(W, foot.min_width)
    dx = (W - (x1 - x0)) / 2 - x0
    dy = m - y0
    H = (y1 - y0) + m + t["footer_gap"] + footer_height(ctx, foot.scale) + 8
    if max(W, H) > MAX_PAGE:
        raise SpecError(f"the figure is {W:.0f} x {H:.0f} units; a page may be at most {MAX_PAGE} a side",
                        source=d.loc, element=f"Diagram({d.id!r})",
                        fix="split it into several diagrams, or look for a runaway label or a huge grid")
    scene = Scene(round(W, 2), round(H, 2), d.title.get(lang), lang)
    scene.content = allitems
    scene.offset = (round(dx, 2), round(dy, 2))
    scene.items = frame_and_footer(ctx, scene.width, scene.height, foot)
    return scene


def _brace_span(br: Brace, index: dict[str, Placed]) -> Box:
    """What a brace spans: its members' shapes, less `inset` at either end."""
    b = _union(_endpoint(m, index, br)[0].shape for m in br.members)
    k = min(br.inset, (b.h if br.side in ("left", "right") else b.w) / 2)
    return Box(b.x, b.y + k, b.w, b.h - 2 * k) if br.side in ("left", "right") else Box(b.x + k, b.y, b.w - 2 * k, b.h)


def _brace_tips(index: dict[str, Placed], overlays) -> dict[str, Placed]:
    """Each brace with an id as an edge end: a point at its tip."""
    out = {}
    for br in overlays:
        if isinstance(br, Brace) and br.id:
            b, off = _brace_span(br, index), br.gap + br.depth
            x, y = {"left": (b.x - off, b.cy), "right": (b.right + off, b.cy),
                    "top": (b.cx, b.y - off), "bottom": (b.cx, b.bottom + off)}[br.side]
            tip = Box(round(x, 2), round(y, 2), 0, 0)
            out[br.id] = Placed(br, tip, tip, [])
    return out


def _along_label(e: Edge, pts, blk) -> TextArt:
    """The label turned along the segment at `label_at` (reading left to
    right, or upwards), 6 units beside it: above the text's line unless
    `label_side` names the other side."""
    segs = list(zip(pts, pts[1:]))
    lengths = [math.dist(p, q) for p, q in segs]
    dist = e.label_at * sum(lengths)
    for (p, q), L in zip(segs, lengths):
        if dist <= L or (p, q) == segs[-1]:
            break
        dist -= L
    t = min(dist / L, 1.0) if L else 0.0
    x, y = p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t
    deg = math.degrees(math.atan2(q[1] - p[1], q[0] - p[0]))
    deg = deg - 180 if deg >= 90 else deg + 180 if deg < -90 else deg
    a = math.radians(deg)
    ux, uy = math.sin(a), -math.cos(a)              # "up" for the turned text
    want = {"top": (0, -1), "bottom": (0, 1), "left": (-1, 0), "right": (1, 0)}.get(e.label_side or "")
    if want and ux * want[0] + uy * want[1] < 0:
        ux, uy = -ux, -uy
    off = 6 + blk.height / 2
    cx, cy = x + ux * off, y + uy * off
    return TextArt(blk, round(cx - blk.width / 2, 2), round(cy - blk.height / 2, 2), rotate=round(deg, 2))


def _union(boxes) -> Box:
    boxes = list(boxes)
    out = boxes[0]
    for b in boxes[1:]:
        out = out.union(b)
    return out


def _bounds(items) -> tuple[float, float, float, float]:
    from .scene import Ellipse, IconArt, Path, Poly, Rect
    xs, ys = [], []
    for it in items:
        if isinstance(it, (Rect, IconArt)):
            b = it.bounds() if isinstance(it, IconArt) else it.box
            xs += [b.x, b.right]; ys += [b.y, b.bottom]
        elif isinstance(it, Ellipse):
            xs += [it.cx - it.rx, it.cx + it.rx]; ys += [it.cy - it.ry, it.cy + it.ry]
        elif isinstance(it, Poly):
            xs += [p[0] for p in it.points]; ys += [p[1] for p in it.points]
        elif isinstance(it, TextArt):
            b = it.box
            xs += [b.x, b.right]; ys += [b.y, b.bottom]
        elif isinstance(it, Path):
            pts = path_points(it.d)
            xs += [p[0] for p in pts]; ys += [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def render_svg(d: Diagram, lang: str, text_layer: bool = True) -> bytes:
    return to_svg(build_scene(d, lang), text_layer)
