"""Serialise a Scene to SVG bytes: deterministic (content-derived ids, fixed
number formatting), self-contained (glyphs as outlines, no fonts or external
references), with an invisible text layer so labels stay searchable."""
from __future__ import annotations

import hashlib
from xml.sax.saxutils import escape

from .geometry import fmt
from .icons import icon_svg
from .scene import Ellipse, Gradient, Hatch, IconArt, Paint, Path, Poly, Rect, Scene, TextArt


def _attr(s: str) -> str:
    return escape(s, {'"': "&quot;"})


class _Writer:
    def __init__(self) -> None:
        self.defs: dict[str, str] = {}
        self.body: list[str] = []
        self.text: list[str] = []

    def paint(self, p: Paint) -> str:
        out = []
        if isinstance(p.fill, Gradient):
            key = repr(p.fill).encode()
            gid = "lg" + hashlib.sha1(key).hexdigest()[:10]
            x2, y2 = ("0", "1") if p.fill.vertical else ("1", "0")
            stops = "".join(f'<stop offset="{fmt(o)}" stop-color="{c}"/>' for o, c in p.fill.stops)
            self.defs[gid] = f'<linearGradient id="{gid}" x1="0" y1="0" x2="{x2}" y2="{y2}">{stops}</linearGradient>'
            out.append(f'fill="url(#{gid})"')
        elif isinstance(p.fill, Hatch):
            h = p.fill
            hid = "ht" + hashlib.sha1(repr(h).encode()).hexdigest()[:10]
            sp = fmt(h.spacing)
            bg = f'<rect width="{sp}" height="{sp}" fill="{h.background}"/>' if h.background else ""
            # One vertical line per tile, the tile rotated: seamless at any angle.
            self.defs[hid] = (f'<pattern id="{hid}" width="{sp}" height="{sp}" patternUnits="userSpaceOnUse" '
                              f'patternTransform="rotate({fmt(90 - h.angle)})">{bg}'
                              f'<line x1="0" y1="0" x2="0" y2="{sp}" stroke="{h.color}" '
                              f'stroke-width="{fmt(h.width * 2)}"/></pattern>')
            out.append(f'fill="url(#{hid})"')
        else:
            out.append(f'fill="{p.fill or "none"}"')
        if p.stroke:
            out.append(f'stroke="{p.stroke}" stroke-width="{fmt(p.width)}"')
            if p.dash:
                out.append(f'stroke-dasharray="{" ".join(fmt(d) for d in p.dash)}"')
        if p.opacity < 1:
            out.append(f'opacity="{fmt(p.opacity)}"')
        if p.shadow:
            self.defs["shadow"] = ('<filter id="shadow" x="-10%" y="-50%" width="120%" height="200%">'
                                   '<feGaussianBlur stdDeviation="2.2"/></filter>')
            out.append('filter="url(#shadow)"')
        return " ".join(out)

    def text_art(self, t: TextArt) -> None:
        blk = t.block
        tx, ty = t.x, t.y + (blk.width if t.turned else 0.0)   # turned: drawn upright, then rotated about here
        body, text = len(self.body), len(self.text)
        for pc in blk.pieces:
            x, y = tx + pc.x, ty + pc.baseline
            if pc.run is not None:
                run = pc.run
                face = run.face
                k = run.size / face.upem
                uses = []
                for g in run.glyphs:
                    gid = f"g{face.key}_{g.gid:x}"   # "_": a style letter must not read as a hex digit
                    if gid not in self.defs:
                        d = face.path(g.gid)
                        self.defs[gid] = f'<path id="{gid}" d="{d}"/>' if d else f'<path id="{gid}"/>'
                    ys = f' y="{fmt(g.y)}"' if g.y else ""
                    uses.append(f'<use href="#{gid}" x="{fmt(g.x)}"{ys}/>')
                ks = f"{k:.6f}".rstrip("0")
                self.body.append(f'<g transform="matrix({ks} 0 0 -{ks} {fmt(x)} {fmt(y)})" '
                                 f'fill="{pc.color or blk.color}">{"".join(uses)}</g>')
            else:
                m = pc.math
                for sid, sym in m.symbols:
                    self.defs.setdefault(sid, sym)
                self.body.append(f'<g transform="translate({fmt(x)} {fmt(y)})">{m.body}</g>')
        for ln in blk.lines:
            if ln.text.strip():
                self.text.append(f'<text x="{fmt(tx + ln.x)}" y="{fmt(ty + ln.baseline)}" '
                                 f'font-size="{fmt(ln.size)}" textLength="{fmt(ln.width)}" '
                                 f'lengthAdjust="spacingAndGlyphs">{escape(ln.text)}</text>')
        if t.turned or t.rotate:
            turn = (f'<g transform="rotate(-90 {fmt(tx)} {fmt(ty)})">' if t.turned else
                    f'<g transform="rotate({fmt(t.rotate)} {fmt(t.x + blk.width / 2)} {fmt(t.y + blk.height / 2)})">')
            for lst, start in ((self.body, body), (self.text, text)):
                if len(lst) > start:
                    lst[start:] = [turn + "".join(lst[start:]) + "</g>"]

    def item(self, it) -> None:
        if isinstance(it, Rect):
            b = it.box
            rx = f' rx="{fmt(it.rx)}"' if it.rx else ""
            self.body.append(f'<rect x="{fmt(b.x)}" y="{fmt(b.y)}" width="{fmt(b.w)}" height="{fmt(b.h)}"{rx} '
                             f'{self.paint(it.paint)}/>')
        elif isinstance(it, Ellipse):
            self.body.append(f'<ellipse cx="{fmt(it.cx)}" cy="{fmt(it.cy)}" rx="{fmt(it.rx)}" ry="{fmt(it.ry)}" '
                             f'{self.paint(it.paint)}/>')
        elif isinstance(it, Path):
            self.body.append(f'<path d="{it.d}" {self.paint(it.paint)}/>')
        elif isinstance(it, Poly):
            pts = " ".join(f"{fmt(x)},{fmt(y)}" for x, y in it.points)
            tag = "polygon" if it.closed else "polyline"
            self.body.append(f'<{tag} points="{pts}" {self.paint(it.paint)}/>')
        elif isinstance(it, TextArt):
            self.text_art(it)
        elif isinstance(it, IconArt):
            turn = f' transform="rotate({fmt(it.rotate)} {fmt(it.box.cx)} {fmt(it.box.cy)})"' if it.rotate else ""
            self.body.append(f'<g{turn}>{icon_svg(it.name, it.box, it.fill, it.stroke)}</g>')
        else:  # pragma: no cover - a new primitive without a writer
            raise TypeError(f"no SVG writer for {type(it).__name__}")


def to_svg(scene: Scene, text_layer: bool = True, scale: float = 1.0) -> bytes:
    """`scale` sets the intrinsic size (the viewBox stays): the rasteriser's
    pixel size."""
    w = _Writer()
    for it in scene.items[:1]:
        w.item(it)
    ox, oy = scene.offset
    w.body.append(f'<g transform="translate({fmt(ox)} {fmt(oy)})">')
    w.text.append(f'<g transform="translate({fmt(ox)} {fmt(oy)})">')
    for it in scene.content:
        w.item(it)
    w.body.append("</g>")
    w.text.append("</g>")
    for it in scene.items[1:]:
        w.item(it)
    W, H = fmt(scene.width), fmt(scene.height)
    SW, SH = fmt(scene.width * scale), fmt(scene.height * scale)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{SW}" height="{SH}" viewBox="0 0 {W} {H}" '
             f'lang="{scene.lang}">',
             f"<title>{escape(scene.title)}</title>",
             "<defs>" + "".join(w.defs[k] for k in sorted(w.defs)) + "</defs>",
             f'<rect width="{W}" height="{H}" fill="#FFFFFF"/>',
             *w.body]
    if text_layer and w.text:
        parts.append('<g id="text-layer" fill="#000000" fill-opacity="0" font-family="sans-serif" '
                     'aria-hidden="false">' + "".join(w.text) + "</g>")
    parts.append("</svg>\n")
    return "\n".join(parts).encode("utf-8")
