"""The pipeline, one stage a module:

spec (model) -> check -> layout (measured text, Graphviz ranks) -> route ->
paint (scene) -> svg -> png.
"""
from __future__ import annotations

from dataclasses import dataclass

from .check import check
from .errors import SpecError
from .fonts import fonts_for
from .geometry import Box, path_points
from .icons import icon_size
from .layout import Ctx, Placed, layout
from .model import Arrows, Brace, Cells, Diagram, Dots, Edge, Node, Panel, Region, Timeline, walk
from .paint import (OVERLAY_PAINTERS, icon_art, footer_height, footer_min_width, frame_and_footer, paint_brace, paint_edge, paint_region,
                    paint_tree)
from .route import Router, straight
from .scene import Scene, TextArt
from .svg import to_svg
from .theme import load_theme

def _parents(root: Placed) -> dict[int, list[Placed]]:
    out: dict[int, list[Placed]] = {}

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
            obstacles.append((p.shape if isinstance(p.el, Node) else p.box, frozenset({_key(p)})))
            if isinstance(p.el, Node) and p.caption:
                cb = p.box
                obstacles.append((Box(cb.x, p.shape.bottom + 2, cb.w, cb.bottom - p.shape.bottom - 2),
                                  frozenset({_key(p) + ".caption"})))
    obstacles.sort(key=lambda o: (o[0].y, o[0].x, o[0].w, o[0].h))
    router = Router(obstacles)
    routes = []
    for e in edges:
        a, sa = _endpoint(e.src, index, e)
        b, sb = _endpoint(e.dst, index, e)
        if e.route == "straight":
            pts = straight(a.shape, b.shape, sa, sb, e.plumb)
        else:
            # Containers of either end are crossed; so is what lies inside either end.
            inner = [_key(x) for end in (a, b) for x in _descendants(end)]
            skip = frozenset([_key(x) for x in parents[id(a)] + parents[id(b)]] + inner)
            sides = ("right", "bottom", "top", "left")
            pts = router.ortho(_key(a), _key(b), a.shape, b.shape,
                               (sa,) if sa else sides, (sb,) if sb else sides, skip, e.around)
            router.commit(pts, _key(a), _key(b))
        routes.append((e, pts))
    return routes, obstacles


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
                    cands += [Box(x - blk.width / 2, y - 6 - blk.height, blk.width, blk.height),
                              Box(x - blk.width / 2, y + 6, blk.width, blk.height)]
                else:
                    cands += [Box(x + 8, y - blk.height / 2, blk.width, blk.height),
                              Box(x - 8 - blk.width, y - blk.height / 2, blk.width, blk.height)]
                break
            dist -= L
    for c in cands:
        if not any(c.overlaps(t, 0.5) for t in taken):
            return c
    return cands[0]


def _label_icon(ctx: Ctx, e: Edge, pts, label: Box):
    """The edge's icon mirrors its label across the path: a label right of a
    vertical segment puts the icon left of it, a label above puts it below."""
    iw, ih = icon_size(e.label_icon)
    for p, q in zip(pts, pts[1:]):
        if abs(q[0] - p[0]) < abs(q[1] - p[1]) and min(p[1], q[1]) <= label.cy <= max(p[1], q[1]):
            x = p[0] + (q[0] - p[0]) * ((label.cy - p[1]) / ((q[1] - p[1]) or 1))
            gap = (label.x - x) if label.cx > x else (x - label.right)
            ix = x - gap - iw if label.cx > x else x + gap
            return icon_art(ctx, e.label_icon, Box(ix, label.cy - ih / 2, iw, ih))
    seg_y = next((p[1] for p, q in zip(pts, pts[1:])
                  if min(p[0], q[0]) <= label.cx <= max(p[0], q[0])), pts[0][1])
    return icon_art(ctx, e.label_icon, Box(label.cx - iw / 2, 2 * seg_y - label.cy - ih / 2, iw, ih))


@dataclass
class Arranged:
    """The diagram after layout and routing, before painting."""
    ctx: Ctx
    root: Placed
    index: dict[str, Placed]
    routes: list[tuple[Edge, list[tuple[float, float]]]]
    obstacles: list[tuple[Box, frozenset[str]]]


def arrange(d: Diagram, lang: str) -> Arranged:
    theme = load_theme(d.theme)
    check(d, theme)
    ctx = Ctx(theme, fonts_for(theme), lang, d.edges)
    root, index = layout(ctx, d.body)
    routes, obstacles = route_edges(ctx, root, index, d.edges)
    return Arranged(ctx, root, index, routes, obstacles)


def build_scene(d: Diagram, lang: str) -> Scene:
    a = arrange(d, lang)
    ctx, root, index, routes, obstacles = a.ctx, a.root, a.index, a.routes, a.obstacles
    theme = ctx.theme

    # Braces first: a Region may name a Brace among its members, and wraps it.
    braced: list = []
    brace_box: dict[str, Box] = {}
    for ov in d.overlays:
        if isinstance(ov, Brace):
            box = _union(_endpoint(m, index, ov)[0].shape for m in ov.members)
            lab = ctx.text(ov.label, ov, None, ov.label_color) if ov.label else None
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
    for e, pts in routes:
        paint_edge(ctx, e, pts, items)
    for e, pts in routes:
        if e.label:
            blk = ctx.text(e.label, e, e.label_size, e.label_color, align=e.label_align)
            box = _label_box(ctx, e, pts, blk, taken)
            taken.append(box)
            items.append(TextArt(blk, box.x, box.y))
            if e.label_icon:
                items.append(_label_icon(ctx, e, pts, box))
    items += braced
    for ov in d.overlays:
        if type(ov) in OVERLAY_PAINTERS:
            OVERLAY_PAINTERS[type(ov)](ctx, ov, index, items)

    # Canvas: content bounds + margins, frame and footer band below.
    allitems = back + items
    x0, y0, x1, y1 = _bounds(allitems)
    t = theme.frame
    m = t["margin"]
    W = max(x1 - x0 + 2 * m, d.min_width, footer_min_width(ctx, d.title.get(lang)))
    dx = (W - (x1 - x0)) / 2 - x0
    dy = m - y0
    H = (y1 - y0) + m + t["footer_gap"] + footer_height(ctx) + 8
    scene = Scene(round(W, 2), round(H, 2), d.title.get(lang), lang)
    scene.content = allitems
    scene.offset = (round(dx, 2), round(dy, 2))
    scene.items = frame_and_footer(ctx, scene.width, scene.height, d.title.get(lang))
    return scene


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
            b = it.box
            xs += [b.x, b.right]; ys += [b.y, b.bottom]
        elif isinstance(it, Ellipse):
            xs += [it.cx - it.rx, it.cx + it.rx]; ys += [it.cy - it.ry, it.cy + it.ry]
        elif isinstance(it, Poly):
            xs += [p[0] for p in it.points]; ys += [p[1] for p in it.points]
        elif isinstance(it, TextArt):
            xs += [it.x, it.x + it.block.width]; ys += [it.y, it.y + it.block.height]
        elif isinstance(it, Path):
            pts = path_points(it.d)
            xs += [p[0] for p in pts]; ys += [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def render_svg(d: Diagram, lang: str, text_layer: bool = True) -> bytes:
    return to_svg(build_scene(d, lang), text_layer)
