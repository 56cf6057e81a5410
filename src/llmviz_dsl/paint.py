"""Paint: turn placed boxes, routed edges and overlays into scene primitives,
inside the house frame with its footer band."""
from __future__ import annotations

import math
from dataclasses import dataclass

from .curves import cut_end, path_d, reverse, tangent
from .geometry import Box, fmt
from .layout import Ctx, Placed
from .model import (Arrows, Brace, Cells, Dots, Edge, KindTable, Node, Panel, Region, Rule, Timeline)
from .icons import icon_size
from .shapes import SHAPES, arrow, arrow_head
from .scene import Ellipse, Gradient, Hatch, IconArt, Paint, Path, Poly, Rect, Scene, TextArt
from .text import Block, Style, layout_text

HEAD_SCALE = 1.0


def node_radius(ctx: Ctx, b: Box) -> float:
    return min(ctx.theme.box["radius"] * min(b.w, b.h), ctx.theme.box["radius_max"])


def _paint(ctx: Ctx, el, fill, stroke, sw=None, dash="solid", opacity=1.0, shadow=False) -> Paint:
    w = sw if sw is not None else ctx.theme.stroke["width"]
    return Paint(ctx.color(fill, el, "fill") if isinstance(fill, str) else fill,
                 ctx.color(stroke, el, "stroke"), w, ctx.theme.dash(dash, w) if stroke else None, opacity, shadow)


def paint_node(ctx: Ctx, p: Placed, out: list) -> None:
    n: Node = p.el
    b = p.shape
    t = ctx.theme
    if n.cap:
        b = _paint_cap(ctx, n, b, out)
    shp = SHAPES[n.shape]
    stroke = None if shp.bare else n.stroke
    pt = _paint(ctx, n, _node_fill(ctx, n), stroke,
                n.stroke_width or (t.stroke["hairline"] if stroke else None), n.dash, n.opacity)
    prims = shp.draw(b, pt, node_radius(ctx, b), t.arrow["length"], n)
    if n.shadow and not shp.bare:
        prims = _shadowed(prims, pt, shp.draw(b.moved(*SHADOW_OFFSET), _shadow_paint(ctx, pt),
                                              node_radius(ctx, b), t.arrow["length"], n))
    out.extend(prims)
    ib = shp.inner(b, n)            # label and icon are centred in the shape's interior
    if n.icon and n.icon_at in ("right", "left"):
        _label_and_icon_beside(ctx, n, p, ib, out)
    else:
        _label_and_icon_below(ctx, n, p, ib, out)
    if n.badge:
        out.append(badge_art(ctx, n, ib))
    if p.caption:
        out.append(TextArt(p.caption, b.cx - p.caption.width / 2, b.bottom + 6))


def _label_plate(ctx: Ctx, n: Node, text, x: float, y: float, out: list) -> None:
    """`n.label_fill` right behind the label (a little larger than its lines)."""
    if n.label_fill:
        m = LABEL_PLATE_MARGIN
        out.append(Rect(Box(x - m, y - m, text.width + 2 * m, text.height + 2 * m), 0.0,
                        Paint(ctx.color(n.label_fill, n, "label_fill"))))


LABEL_PLATE_MARGIN = 6


def _label_and_icon_beside(ctx: Ctx, n: Node, p: Placed, ib: Box, out: list) -> None:
    """Node.icon_at="right" (or "left"): label and icon on one line, each
    centred vertically; the pair placed by `align` (centred by default)."""
    iw, ih = icon_size(n.icon, n.icon_size)
    tw = p.text.width if p.text else 0.0
    line = tw + p.extra["icon_gap"] + iw
    pad = n.pad if n.pad is not None else ctx.theme.text["pad_x"]
    x = {"center": ib.cx - line / 2, "left": ib.x + pad, "right": ib.right - pad - line}[n.align]
    ix, tx = (x + line - iw, x) if n.icon_at == "right" else (x, x + line - tw)
    if p.text:
        ty = ib.cy - p.text.height / 2
        _label_plate(ctx, n, p.text, tx, ty, out)
        out.append(TextArt(p.text, tx, ty))
    out.append(icon_art(ctx, n.icon, Box(ix, ib.cy - ih / 2, iw, ih)))


def _label_and_icon_below(ctx: Ctx, n: Node, p: Placed, ib: Box, out: list) -> None:
    shp = SHAPES[n.shape]
    t = ctx.theme
    icon_h = 0.0
    if n.icon:
        iw, ih = icon_size(n.icon, n.icon_size)
        icon_h = ih + p.extra["icon_gap"]
    foot = None                     # icon_at="bottom": the icon's top, standing `pad` above the foot
    if n.icon and n.icon_at == "bottom":
        py = n.pad if n.pad is not None else (0.0 if shp.bare else t.text["pad_y"])
        foot = ib.bottom - py - ih
    if p.text:
        content_h = p.text.height + icon_h
        ty = ib.y + (ib.h - content_h) / 2 if foot is None else max(ib.y, ib.y + (foot - ib.y - p.text.height) / 2)
        # The same inset the layout gave the label: none for bare text.
        pad = n.pad if n.pad is not None else (0.0 if shp.bare else t.text["pad_x"])
        tx = {"center": ib.cx - p.text.width / 2, "left": ib.x + pad,
              "right": ib.right - pad - p.text.width}[n.align]
        _label_plate(ctx, n, p.text, tx, ty, out)
        out.append(TextArt(p.text, tx, ty))
        icon_y = ty + p.text.height + p.extra["icon_gap"]
    else:
        icon_y = ib.y + (ib.h - icon_h) / 2
    if foot is not None:
        icon_y = foot
    if n.icon:
        iw, ih = icon_size(n.icon, n.icon_size)
        out.append(icon_art(ctx, n.icon, Box(ib.cx - iw / 2, icon_y, iw, ih)))


# Drop shadow of a node (the originals: black at 40 %, blurred by the
# "shadow" filter of svg.py, a little down and right of the shape).
SHADOW_OFFSET = (1.5, 3.5)
SHADOW_OPACITY = 0.4


def _node_fill(ctx: Ctx, n: Node):
    """A node's fill: its colour token, a gradient to `fill_to`, or a hatch."""
    if n.fill_to:
        c0 = ctx.color(n.fill or "white", n, "fill")
        return Gradient(((0.0, c0), (1.0, ctx.color(n.fill_to, n, "fill_to"))), n.gradient == "vertical")
    if n.hatch:
        return Hatch(ctx.color(n.hatch, n, "hatch"), ctx.color(n.fill, n, "fill") if n.fill else None)
    return n.fill


def _shadow_paint(ctx: Ctx, body: Paint) -> Paint:
    black = ctx.color("black")
    return Paint(black if body.fill else None, black if body.stroke else None, body.width, None,
                 SHADOW_OPACITY * body.opacity, True)


def _shadowed(prims: list, body: Paint, shadows: list) -> list:
    """Each body part of a shape (drawn with the node's paint `body`) right
    after its shadow: stacked cards cast shadows on the cards behind them;
    decorations (a cylinder's rim) cast none."""
    out = []
    for it, sh in zip(prims, shadows):
        if getattr(it, "paint", None) is body:
            out.append(sh)
        out.append(it)
    return out


def _paint_cap(ctx: Ctx, n: Node, b: Box, out: list) -> Box:
    """The node's triangular hat (apex at the top centre of its shape, base
    just inside the box's top corners); returns the box below it."""
    ch = n.cap_height
    inset = min(3.0, b.w / 4)
    grad = Gradient(((0.0, ctx.color(n.cap, n, "cap")), (1.0, ctx.color("white", n))), vertical=True)
    out.append(Poly([(b.x + inset, b.y + ch), (b.cx, b.y), (b.right - inset, b.y + ch)],
                    Paint(grad, ctx.color(n.cap_stroke, n, "cap_stroke"), ctx.theme.stroke["hairline"] * 1.5),
                    True))
    return Box(b.x, b.y + ch, b.w, b.h - ch)


def icon_art(ctx: Ctx, name: str, box: Box, rotate: float = 0.0) -> IconArt:
    """An icon in its theme colours, turned `rotate` degrees clockwise."""
    t = ctx.theme
    fill, stroke = t.icon.get(name, t.icon["default"])
    return IconArt(name, box, t.color(fill), t.color(stroke), rotate)


def badge_art(ctx: Ctx, el, box: Box) -> IconArt:
    """`el.badge` in the corner `el.badge_at` of `box`, in `el.badge_color` if set."""
    iw, ih = icon_size(el.badge)
    if el.badge_size:
        k = el.badge_size / max(iw, ih)
        iw, ih = iw * k, ih * k
    x = box.x + 8 if el.badge_at == "bottom-left" else box.right - iw - 8
    art = icon_art(ctx, el.badge, Box(x, box.bottom - ih - 6, iw, ih))
    if el.badge_color:
        art = IconArt(art.name, art.box, ctx.color(el.badge_color, el, "badge_color"), art.stroke)
    return art


def paint_cells(ctx: Ctx, p: Placed, out: list) -> None:
    c: Cells = p.el
    widths = p.extra["widths"]
    sep = ctx.color(c.sep, c, "sep")
    y = p.box.y
    # Text never overflows its cell: the whole strip shrinks alike if need be.
    size = c.text_size
    rows = p.extra.get("rows", c.rows)
    for row in rows:
        for j, lab in enumerate(row):
            if lab.get(ctx.lang):
                w = ctx.text(lab, c, size, c.color).width
                if w > widths[j] - 4:
                    size *= (widths[j] - 4) / w
    for r, row in enumerate(rows):
        fill = (c.row_fills[r % len(c.row_fills)] if c.row_fills else c.fill)
        x = p.box.x
        for j, lab in enumerate(row):
            if c.col_fills:
                fill = c.col_fills[j % len(c.col_fills)]
            own = c.cell_fills[r][j] if c.cell_fills and r < len(c.cell_fills) and j < len(c.cell_fills[r]) else None
            box = Box(x, y, widths[j], c.cell_height)
            bg = ctx.color(own or fill, c, "fill")
            hatch = c.cell_hatch[r][j] if c.cell_hatch and r < len(c.cell_hatch) and j < len(c.cell_hatch[r]) else None
            if hatch:
                bg = Hatch(ctx.color(hatch, c, "cell_hatch"), bg)
            out.append(Rect(box, 0, Paint(bg, sep, 1.0)))
            s = lab.get(ctx.lang)
            if s:
                blk = ctx.text(lab, c, size, c.color)
                out.append(TextArt(blk, box.cx - blk.width / 2, box.cy - blk.height / 2))
            x += widths[j]
        y += c.cell_height
    if c.overlay:
        blk = ctx.text(c.overlay, c, c.overlay_size, c.overlay_color)
        if c.overlay_fill:
            pad = c.overlay_size * 0.05   # full-width brackets carry their own margin
            out.append(Rect(Box(p.box.cx - blk.width / 2 - pad, p.box.cy - blk.height / 2, blk.width + 2 * pad,
                                blk.height), 0, Paint(ctx.color(c.overlay_fill, c, "overlay_fill"), opacity=0.85)))
        out.append(TextArt(blk, p.box.cx - blk.width / 2, p.box.cy - blk.height / 2))
    if c.badge:
        out.append(badge_art(ctx, c, p.box))


def paint_arrows(ctx: Ctx, p: Placed, out: list) -> None:
    a: Arrows = p.el
    col = ctx.color(a.color, a, "colour")
    w = a.width or ctx.theme.stroke["arrow"]
    b, half = p.box, ctx.theme.arrow["width"] / 2
    for i in range(a.count):
        if a.direction in ("down", "up"):
            x = b.x + half + i * a.spacing
            ends = ((x, b.y), (x, b.bottom))
        else:
            y = b.y + half + i * a.spacing
            ends = ((b.x, y), (b.right, y))
        if a.direction in ("up", "left"):
            ends = ends[::-1]
        out.extend(arrow(ends[0], ends[1], col, w, ctx.theme.arrow["length"]))


def paint_dots(ctx: Ctx, p: Placed, out: list) -> None:
    d: Dots = p.el
    col = ctx.color(d.color, d, "colour")
    r = d.dot / 2
    pos = p.box.x if d.horizontal else p.box.y
    for g in range(d.groups):
        for i in range(3):
            c = pos + r
            cx, cy = (c, p.box.cy) if d.horizontal else (p.box.cx, c)
            out.append(Ellipse(cx, cy, r, r, Paint(col)))
            pos += d.dot * 1.9
        pos += d.dot * 3 - d.dot * 0.9


def paint_rule(ctx: Ctx, p: Placed, out: list) -> None:
    r: Rule = p.el
    b = p.box
    if b.h > b.w:                   # upright, in a Row
        a, z = (b.cx, b.y + r.inset), (b.cx, b.bottom - r.inset)
        off = (2, 0)
    else:
        a, z = (b.x + r.inset, b.cy), (b.right - r.inset, b.cy)
        off = (0, 2)
    if r.shadow:
        out.append(Poly([(a[0] + off[0], a[1] + off[1]), (z[0] + off[0], z[1] + off[1])],
                        Paint(None, ctx.color("grey"), 1.5, None, 0.5, True)))
    out.append(Poly([a, z], Paint(None, ctx.color(r.color, r, "colour"), 1.33, ctx.theme.dash(r.dash, 1.33))))


def paint_panel(ctx: Ctx, p: Placed, out: list) -> None:
    pn: Panel = p.el
    t = ctx.theme
    radius = pn.radius if pn.radius is not None else t.panel["radius"]
    if pn.fill or pn.stroke:
        out.append(Rect(p.box, radius, _paint(ctx, pn, pn.fill, pn.stroke,
                                               pn.stroke_width or (t.stroke["hairline"] if pn.stroke else None),
                                               pn.dash, pn.opacity)))
    if p.text:
        _title(ctx, p.box, p.text, pn.title_at, pn.padding if pn.padding is not None else t.panel["padding"], out)


def _title(ctx: Ctx, box: Box, blk: Block, at: str, pad: float, out: list) -> None:
    if at.startswith("bottom"):
        x = box.cx - blk.width / 2 if at == "bottom" else box.x + pad
        y = box.bottom - pad * 0.6 - blk.height
    else:
        y = box.y + pad * 0.7
        x = {"top-left": box.x + pad, "top": box.cx - blk.width / 2,
             "top-right": box.right - pad - blk.width}[at]
    out.append(TextArt(blk, x, y))


def _mix(a: str, b: str, t: float) -> str:
    ca = [int(a[i:i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02X}" for x, y in zip(ca, cb))


def paint_timeline(ctx: Ctx, p: Placed, out: list) -> None:
    """Band (notched tail, pointed head, eased gradient), dates on it, event
    boxes with their connectors; geometry comes from layout._timeline_size."""
    tl: Timeline = p.el
    ox, oy = p.box.x, p.box.y
    ex = p.extra
    band = ex["band"].moved(ox, oy)
    notch = band.h / 2
    x0, x1, y0, ym, y1 = band.x, band.right, band.y, band.cy, band.bottom
    # Only L commands: every number pair is a point.
    d = (f"M{fmt(x0)} {fmt(y0)}L{fmt(x1 - notch)} {fmt(y0)}L{fmt(x1)} {fmt(ym)}"
         f"L{fmt(x1 - notch)} {fmt(y1)}L{fmt(x0)} {fmt(y1)}L{fmt(x0 + notch)} {fmt(ym)}Z")
    c0, c1 = ctx.color(tl.band_from, tl, "band_from"), ctx.color(tl.band_to, tl, "band_to")
    grad = Gradient(tuple((i / 8, _mix(c0, c1, (i / 8) ** tl.band_ease)) for i in range(9)))
    out.append(Path(d, Paint(grad, ctx.color(tl.outline, tl, "outline"), 1.33)))
    for blk, x, y in ex["dates"]:
        out.append(TextArt(blk, ox + x, oy + y))
    conn = ctx.color(tl.connector, tl, "connector")
    fill = ctx.color(tl.event_fill, tl, "event_fill")
    for ev in ex["events"]:
        box = ev["box"].moved(ox, oy)
        blk = ev["text"]
        out.append(Rect(box, min(ctx.theme.box["radius_max"], 0.08 * min(box.w, box.h)), Paint(fill)))
        out.append(TextArt(blk, box.cx - blk.width / 2, box.cy - blk.height / 2))
        cx, ya, yb = ev["connector"]
        out.append(Poly([(ox + cx, oy + ya), (ox + cx, oy + yb)], Paint(None, conn, 1.33)))


# How each element kind paints itself (children are painted after it);
# element families add theirs with @paints(Kind).
PAINTERS: KindTable = KindTable()   # kind -> fn(ctx, placed, out)
paints = PAINTERS.register


PAINTERS.update({Node: paint_node, Cells: paint_cells, Dots: paint_dots, Arrows: paint_arrows,
                 Rule: paint_rule, Timeline: paint_timeline, Panel: paint_panel})


# Overlays beyond Region and Brace: fn(ctx, overlay, index of placed ids, out),
# painted over the figure.
OVERLAY_PAINTERS: KindTable = KindTable()   # kind -> fn(ctx, overlay, index, out)
paints_overlay = OVERLAY_PAINTERS.register


def paint_tree(ctx: Ctx, p: Placed, out: list) -> None:
    fn = PAINTERS.find(type(p.el))
    if fn is not None:
        fn(ctx, p, out)
    for k in p.kids:
        paint_tree(ctx, k, out)


# ---------------------------------------------------------------- edges

def paint_edge(ctx: Ctx, e: Edge, pts: list, out: list) -> None:
    t = ctx.theme
    col = ctx.color(e.color, e, "colour")
    w = e.width or t.stroke["arrow"]
    size = t.arrow["length"]
    if hasattr(pts, "bezier"):
        _paint_curve(e, pts.bezier, col, w, size, t.dash(e.style, w), out)
        return
    pts = list(pts)
    heads = []
    if e.head in ("end", "both"):
        poly, stop = arrow_head(pts[-1], pts[-2], size)
        heads.append(poly)
        pts[-1] = stop
    if e.head in ("start", "both"):
        poly, stop = arrow_head(pts[0], pts[1], size)
        heads.append(poly)
        pts[0] = stop
    out.append(Poly(pts, Paint(None, col, w, t.dash(e.style, w))))
    for h in heads:
        out.append(Poly(h, Paint(col), True))


def _paint_curve(e: Edge, bez, col: str, w: float, size: float, dash, out: list) -> None:
    """A curved edge as one Bézier path; each head points along the curve's
    tangent at its end, the path stopping inside the head."""
    heads = []
    for at_end, wanted in ((True, ("end", "both")), (False, ("start", "both"))):
        if e.head in wanted:
            b = bez if at_end else reverse(bez)
            tip, (ux, uy) = b[3], tangent(b, 1.0)
            heads.append(arrow_head(tip, (tip[0] - ux * size, tip[1] - uy * size), size)[0])
            b = cut_end(b, size * 0.8)
            bez = b if at_end else reverse(b)
    out.append(Path(path_d(bez), Paint(None, col, w, dash)))
    for h in heads:
        out.append(Poly(h, Paint(col), True))


def _brace_band(ctx: Ctx, br: Brace, d: str, out: list) -> None:
    """`br.fill` between the brace and the side it spans: the path closed along that side."""
    if br.fill:
        out.append(Path(d + "Z", Paint(ctx.color(br.fill, br, "fill"))))


def brace_path(edge: float, line: float, tip: float, a0: float, a1: float, am: float, r: float,
               upright: bool) -> str:
    """A curly brace's outline. Across the brace: its ends sit at `edge`, its
    spine runs at `line`, its point reaches `tip`; along it: from `a0` to `a1`
    with the point at `am`; `r` is the quarter-turns' reach along. `upright`:
    the spine is vertical (across is x), else horizontal (across is y)."""
    def p(u: float, v: float) -> str:
        return f"{fmt(u)} {fmt(v)}" if upright else f"{fmt(v)} {fmt(u)}"
    run = "V" if upright else "H"
    return (f"M{p(edge, a0)}Q{p(line, a0)} {p(line, a0 + r)}{run}{fmt(am - r)}"
            f"Q{p(line, am)} {p(tip, am)}Q{p(line, am)} {p(line, am + r)}"
            f"{run}{fmt(a1 - r)}Q{p(line, a1)} {p(edge, a1)}")


def paint_brace(ctx: Ctx, br: Brace, box: Box, label: Block | None, out: list) -> Box:
    """A curly brace along one side of `box`; returns the area it used."""
    col = ctx.color(br.color, br, "colour")
    g, dp = br.gap, br.depth
    if br.side in ("left", "right"):
        s = -1 if br.side == "left" else 1
        x = (box.x - g) if s < 0 else (box.right + g)
        y0, y1, ym = box.y, box.bottom, box.cy
        xt = x + s * dp
        xm = x + s * dp / 2
        d = brace_path(x, xm, xt, y0, y1, ym, dp / 2, upright=True)
        _brace_band(ctx, br, d, out)
        out.append(Path(d, Paint(None, col, 1.33)))
        used = Box(min(x, xt), y0, dp, y1 - y0)
        if label:
            lx = xt + s * 8 - (label.width if s < 0 else 0)
            out.append(TextArt(label, lx, ym - label.height / 2))
            used = used.union(Box(lx, ym - label.height / 2, label.width, label.height))
        return used
    s = -1 if br.side == "top" else 1
    y = (box.y - g) if s < 0 else (box.bottom + g)
    x0, x1, xm_ = box.x, box.right, box.cx
    yt = y + s * dp
    ym = y + s * dp / 2
    d = brace_path(y, ym, yt, x0, x1, xm_, dp / 2, upright=False)
    _brace_band(ctx, br, d, out)
    out.append(Path(d, Paint(None, col, 1.33)))
    used = Box(x0, min(y, yt), x1 - x0, dp)
    if label:
        ly = yt + 6 if s > 0 else yt - 6 - label.height
        out.append(TextArt(label, xm_ - label.width / 2, ly))
        used = used.union(Box(xm_ - label.width / 2, ly, label.width, label.height))
    return used


def paint_region(ctx: Ctx, r: Region, box: Box, title: Block | None, out: list) -> None:
    out.append(Rect(box, r.radius, _paint(ctx, r, r.fill, r.stroke, None, "solid", r.opacity)))
    if title:
        out.append(TextArt(title, box.x + r.padding * 0.8, box.y + r.padding * 0.5))


# ---------------------------------------------------------------- frame & footer

@dataclass
class Footer:
    """The footer band's text, laid out once at the size it is drawn."""
    scale: float          # of the theme's sizes: below 1 for a figure narrower than the full footer
    title: Block
    credit: list[Block]
    min_width: float      # the narrowest frame that holds title and credit apart


def _footer_text(ctx: Ctx, title: str, scale: float) -> tuple[Block, list[Block]]:
    """The footer title (bold serif) and the credit runs ("b" bold sans, "i"
    italic serif, else serif)."""
    t = ctx.theme
    ft = t.footer
    ts, cs = ft["title_size"] * scale, ft["credit_size"] * scale
    tblk = layout_text(ctx.fonts, title, Style(ts, ts, t.color(ft["title_color"]), "serif", True))
    cblocks = [layout_text(ctx.fonts, s, Style(cs, cs, t.color(ft["credit_color"]),
                                               "sans" if st == "b" else "serif", st == "b", st == "i"))
               for s, st in ft[f"credit_{ctx.lang}"]]
    return tblk, cblocks


_FOOTER_FIXED = 16 + 20    # the part of the footer's width (besides the inset) that does not scale


def layout_footer(ctx: Ctx, title: str, width: float) -> Footer:
    """The footer for a figure `width` wide. A figure narrower than the full
    footer shrinks it (the book sets small figures' footers smaller rather than
    widening the page), down to the theme's `min_scale`."""
    ft = ctx.theme.footer

    def made(scale: float) -> Footer:
        tblk, cblocks = _footer_text(ctx, title, scale)
        need = (ft["inset"] + (tblk.width + 3 * ft["slant"] * scale + 24 * scale) + 16
                + sum(b.width for b in cblocks) + 20)
        return Footer(scale, tblk, cblocks, need)
    full = made(1.0)
    if full.min_width <= width:
        return full
    fixed = ft["inset"] + _FOOTER_FIXED
    return made(max(ft["min_scale"], (width - fixed) / (full.min_width - fixed)))


def frame_and_footer(ctx: Ctx, W: float, H: float, foot: Footer) -> list:
    t = ctx.theme
    fr, ft = t.frame, t.footer
    out: list = []
    rad = fr["radius"] * min(W, H)
    out.append(Rect(Box(0.5, 0.5, W - 1, H - 1), rad,
                    Paint(None, t.color(fr["stroke"]), fr["width"])))
    scale, tblk, cblocks = foot.scale, foot.title, foot.credit
    height, slant = ft["height"] * scale, ft["slant"] * scale
    bottom = H - 0.5 - ft["lift"]
    top = bottom - height
    cw = sum(b.width for b in cblocks)
    x0 = ft["inset"]
    bw = max(ft["min_width"] * W, tblk.width + 2 * slant + 80 * scale)
    # Keep the credit clear of the band.
    bw = min(bw, W - 20 - cw - x0 - slant - 16)
    out.append(Poly([(x0, bottom), (x0 + slant, top), (x0 + bw + slant, top), (x0 + bw, bottom)],
                    Paint(t.color(ft["fill"])), True))
    base = top + height / 2 + tblk.height / 2 - (tblk.height - tblk.lines[0].baseline)
    out.append(TextArt(tblk, x0 + slant / 2 + bw / 2 - tblk.width / 2, base - tblk.lines[0].baseline))
    x = W - 18 - cw
    for b in cblocks:
        out.append(TextArt(b, x, base - b.lines[0].baseline))
        x += b.width
    return out


def footer_height(ctx: Ctx, scale: float = 1.0) -> float:
    ft = ctx.theme.footer
    return ft["height"] * scale + ft["lift"] + 0.5
