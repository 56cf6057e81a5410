"""Lint: what a reader would notice in the rendered figure, found before a
reviewer does. Each spec is laid out and painted in zh and en, then checked:

  box-overlap     visible boxes that overlap (a child inside its container is fine)
  text-overlap    text blocks that overlap each other, or a box they do not belong to
  text-overflow   text wider or taller than the inside of its shape
  edge-crossing   an edge through a box it neither starts nor ends at
  contrast        text against the fill behind it below WCAG AA (4.5:1, large text 3:1)
  translation     a label that shows Chinese in the English figure
  undeclared-id   an edge or overlay naming an id nobody declares
  unused-id       an id nobody references (info: ids also name things)

The checks work on the arrangement and the scene, never on a list of element
kinds: any element family is covered. A finding reads
`file:line: severity: element: message [rule] (languages)`.
"""
from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from pydantic import BaseModel

from .errors import Source, SpecError
from .geometry import Box, path_points
from .layout import Placed
from .model import Diagram, Edge, Element, Flow, I18n, Node, walk
from .route import segment_hits_box
from .scene import Ellipse, Gradient, Hatch, Path as PathArt, Poly, Rect, Scene, TextArt
from .shapes import SHAPES

SEVERITIES = ("error", "warning", "info")
AA_NORMAL, AA_LARGE = 4.5, 3.0
TOL = 0.5            # units two boxes may share before they count as overlapping


@dataclass(frozen=True)
class Finding:
    where: str                     # "file:line"
    severity: str
    element: str
    message: str
    rule: str
    langs: tuple[str, ...] = ()    # the figures it shows in; () when language-free

    def render(self) -> str:
        tail = f" ({', '.join(self.langs)})" if self.langs else ""
        return f"{self.where}: {self.severity}: {self.element}: {self.message} [{self.rule}]{tail}"

    def sort_key(self):
        file, _, line = self.where.rpartition(":")
        return (file, int(line) if line.isdigit() else 0, SEVERITIES.index(self.severity),
                self.element, self.message, self.langs)


def _where(src: Source | None, fallback: str) -> str:
    return str(src) if src else fallback


# ---------------------------------------------------------------- text helpers

def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x3040 <= o <= 0x30FF
            or 0xAC00 <= o <= 0xD7AF or 0x20000 <= o <= 0x2FFFF)


def has_cjk(s: str) -> bool:
    return any(_is_cjk(c) for c in s)


def _excerpt(blk) -> str:
    s = " ".join(ln.text for ln in blk.lines).strip()
    return repr(s if len(s) <= 30 else s[:28] + "…")


# ---------------------------------------------------------------- colours

def _rgb(hex_: str) -> tuple[float, float, float]:
    return tuple(int(hex_[i:i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def _hex(rgb) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02X}" for c in rgb)


def _blend(top: str, bottom: str, alpha: float) -> str:
    t, b = _rgb(top), _rgb(bottom)
    return _hex(tuple(alpha * x + (1 - alpha) * y for x, y in zip(t, b)))


def luminance(hex_: str) -> float:
    """WCAG relative luminance of #RRGGBB."""
    def lin(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(c) for c in _rgb(hex_))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _prim_bounds(it) -> Box | None:
    if isinstance(it, Rect):
        return it.box
    if isinstance(it, Ellipse):
        return Box(it.cx - it.rx, it.cy - it.ry, 2 * it.rx, 2 * it.ry)
    pts = it.points if isinstance(it, Poly) else path_points(it.d) if isinstance(it, PathArt) else None
    if not pts:
        return None
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def _inside_polygon(x: float, y: float, pts) -> bool:
    inside = False
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def _covers(it, x: float, y: float) -> bool:
    """Does the filled area of primitive `it` cover the point?"""
    if isinstance(it, Rect):
        b = it.box
        return b.x <= x <= b.right and b.y <= y <= b.bottom
    if isinstance(it, Ellipse):
        return it.rx > 0 and it.ry > 0 and ((x - it.cx) / it.rx) ** 2 + ((y - it.cy) / it.ry) ** 2 <= 1
    if isinstance(it, Poly):
        return it.closed and len(it.points) > 2 and _inside_polygon(x, y, list(it.points))
    if isinstance(it, PathArt):
        pts = path_points(it.d)
        return len(pts) > 2 and _inside_polygon(x, y, pts)
    return False


def _fill_at(fill, it, x: float, y: float, below: str) -> str:
    """The colour a fill shows at a point (gradients by position, hatches as
    their average over the background)."""
    if isinstance(fill, str):
        return fill
    if isinstance(fill, Gradient):
        b = _prim_bounds(it)
        t = ((y - b.y) / b.h if fill.vertical else (x - b.x) / b.w) if b and (b.h if fill.vertical else b.w) else 0
        stops = fill.stops
        for (o0, c0), (o1, c1) in zip(stops, stops[1:]):
            if o0 <= t <= o1:
                return _blend(c1, c0, (t - o0) / (o1 - o0) if o1 > o0 else 0)
        return stops[0][1] if t < stops[0][0] else stops[-1][1]
    if isinstance(fill, Hatch):
        base = fill.background or below
        return _blend(fill.color, base, min(1.0, fill.width / fill.spacing))
    return below


def background_at(items: list, upto: int, x: float, y: float, page: str = "#FFFFFF") -> str:
    """The colour painted at (x, y) by the items drawn before index `upto`."""
    for i in range(upto - 1, -1, -1):
        it = items[i]
        paint = getattr(it, "paint", None)
        if paint is None or paint.fill is None or paint.shadow or not _covers(it, x, y):
            continue
        if paint.opacity >= 1 and not (isinstance(paint.fill, Hatch) and paint.fill.background is None):
            return _fill_at(paint.fill, it, x, y, page)
        below = background_at(items, i, x, y, page)
        return _blend(_fill_at(paint.fill, it, x, y, below), below, paint.opacity)
    return page


def _is_large(blk) -> bool:
    """WCAG large text: at least 24 units bold, or 32 (pixels = our units)."""
    runs = [p.run for p in blk.pieces if p.run is not None]
    sizes = [ln.size for ln in blk.lines]
    if not runs:
        return min(sizes, default=0) >= 32
    return all(r.size >= 32 or (r.size >= 24 and "b" in r.face.key[1:]) for r in runs)


# ---------------------------------------------------------------- one figure

@dataclass
class _Text:
    art: TextArt
    index: int                     # in scene.content (drawing order)
    el: Element | None
    label: I18n | None

    @property
    def box(self) -> Box:
        return self.art.box

    def name(self) -> str:
        return self.el.describe() if self.el is not None else "text"


@dataclass
class _Page:
    """One language of one diagram, arranged and painted, with the links
    between drawn text and the elements that wrote it."""
    d: Diagram
    lang: str
    root: Placed
    index: dict[str, Placed]
    routes: list
    scene: Scene
    texts: list[_Text]
    placed: dict[int, Placed] = field(default_factory=dict)     # id(element) -> Placed
    above: dict[int, set[int]] = field(default_factory=dict)    # id(element) -> ids of its ancestors
    inside: dict[int, Element] = field(default_factory=dict)    # id(unplaced part) -> placed element holding it

    @classmethod
    def make(cls, d: Diagram, lang: str) -> "_Page":
        from .pipeline import arrange, build_scene
        log: list = []
        a = arrange(d, lang, texts=log)
        scene = build_scene(d, lang, a)
        made = {id(blk): (el, label) for blk, el, label in log}
        texts = [_Text(it, i, *made.get(id(it.block), (None, None)))
                 for i, it in enumerate(scene.content)
                 if isinstance(it, TextArt) and any(ln.text.strip() for ln in it.block.lines)]
        page = cls(d, lang, a.root, a.index, a.routes, scene, texts)

        def rec(p: Placed, chain: set[int]) -> None:
            page.placed[id(p.el)] = p
            page.above[id(p.el)] = chain
            for k in p.kids:
                rec(k, chain | {id(p.el)})
        rec(a.root, set())
        for p in list(page.placed.values()):
            page._claim(p.el, p.el)
        return page

    def _claim(self, obj, holder: Element) -> None:
        """Parts of an element that layout does not place (a table's cells, a
        chart's bars) belong to the nearest placed element that holds them."""
        values = [getattr(obj, n) for n in type(obj).model_fields] if isinstance(obj, BaseModel) else obj
        for v in values:
            if isinstance(v, (list, tuple)):
                self._claim(v, holder)
            elif isinstance(v, BaseModel) and not (isinstance(v, Element) and id(v) in self.placed):
                if isinstance(v, Element):
                    self.inside.setdefault(id(v), holder)
                self._claim(v, holder)

    def owner(self, el: Element | None) -> Element | None:
        """The placed element that draws `el` (itself when placed)."""
        if el is None or id(el) in self.placed:
            return el
        return self.inside.get(id(el))

    def unit(self, el: Element) -> Placed:
        """The outermost visible placed element around `el` (or its own box):
        the unit layout measured, which must hold all its text."""
        chain = [self.placed[i] for i in self.above.get(id(el), ()) if type(self.placed[i].el).is_visible]
        return max(chain, key=lambda p: p.box.w * p.box.h) if chain else self.placed[id(el)]

    def visible(self) -> Iterator[Placed]:
        """Placed elements that draw something, in declaration order."""
        stack = [self.root]
        while stack:
            p = stack.pop(0)
            if type(p.el).is_visible:
                yield p
            stack[:0] = p.kids

    def token(self, hex_: str) -> str:
        """A colour as the theme names it (`grey #7F7F7F`), or its hex."""
        from .theme import load_theme
        names = sorted(k for k, v in load_theme(self.d.theme).colors.items() if v == hex_.upper())
        return f"{names[0]} {hex_}" if names else hex_

    def related(self, a: Element, b: Element) -> bool:
        """One contains the other (or they are the same element)."""
        a, b = self.owner(a) or a, self.owner(b) or b
        return a is b or id(a) in self.above.get(id(b), ()) or id(b) in self.above.get(id(a), ())


def _loc(el: Element | None, d: Diagram) -> str:
    return _where(el.loc if el is not None else None, _where(d.loc, d.id))


def _other(el: Element | None, d: Diagram) -> str:
    if el is None:
        return "other text"
    return f"{el.describe()} (line {el.loc.line})" if el.loc else el.describe()


def _boxes_of(p: Placed) -> list[Box]:
    """What a placed element draws: its shape, and a node's caption below it."""
    out = [p.shape]
    if p.caption is not None and p.box.bottom > p.shape.bottom + 1:
        out.append(Box(p.box.x, p.shape.bottom + 1, p.box.w, p.box.bottom - p.shape.bottom - 1))
    return out


def rule_box_overlap(pg: _Page):
    vis = list(pg.visible())
    for i, p in enumerate(vis):
        for q in vis[i + 1:]:
            if pg.related(p.el, q.el):
                continue
            if p.shape.overlaps(q.shape, TOL) or (p.shape.h == 0 and _line_through(p.shape, q.shape)) or \
                    (q.shape.h == 0 and _line_through(q.shape, p.shape)):
                yield ("error", q.el, f"overlaps {_other(p.el, pg.d)}", "box-overlap")


def _line_through(line: Box, b: Box) -> bool:
    """A horizontal rule (zero height) running through a box."""
    return b.y + TOL < line.y < b.bottom - TOL and line.x < b.right - TOL and b.x < line.right - TOL


def _clash(pg: _Page, a: Element | None, b: Element | None) -> bool:
    """Both are visible placed boxes that overlap: box-overlap reports it."""
    a, b = pg.owner(a), pg.owner(b)
    if a is None or b is None or not (type(a).is_visible and type(b).is_visible) or pg.related(a, b):
        return False
    return pg.placed[id(a)].shape.overlaps(pg.placed[id(b)].shape, TOL)


def rule_text_overlap(pg: _Page):
    ts = pg.texts
    for i, a in enumerate(ts):
        for b in ts[i + 1:]:
            if a.box.overlaps(b.box, TOL * 2) and not _clash(pg, a.el, b.el):
                yield ("error", b.el, f"text {_excerpt(b.art.block)} overlaps text {_excerpt(a.art.block)} "
                                      f"of {_other(a.el, pg.d)}", "text-overlap")
    vis = list(pg.visible())
    for t in ts:
        for p in vis:
            if t.el is not None and (pg.related(t.el, p.el) or _clash(pg, t.el, p.el)):
                continue
            if any(t.box.overlaps(bx, TOL * 2) for bx in _boxes_of(p)):
                yield ("error", t.el, f"text {_excerpt(t.art.block)} lies over {_other(p.el, pg.d)}",
                       "text-overlap")


def _interior(n: Node, shape: Box) -> list:
    """The outline primitives of a node's shape (below any cap) that text must
    stay inside; none for bare text."""
    from .scene import Paint
    shp = SHAPES[n.shape]
    if shp.bare:
        return []
    if n.cap:
        shape = Box(shape.x, shape.y + n.cap_height, shape.w, shape.h - n.cap_height)
    outline = getattr(shp, "outline", None)
    if outline is not None:           # a shape that declares its visible outline
        return [Poly(list(outline(shape, n)), Paint("#000000"), True)]
    prims = shp.draw(shape, Paint("#000000", "#000000"), 0.0, 0.0, n)
    return [it for it in prims if isinstance(it, (Rect, Ellipse)) or (isinstance(it, Poly) and it.closed)]


def rule_text_overflow(pg: _Page):
    for t in pg.texts:
        own = pg.owner(t.el)
        if own is None:
            continue
        p = pg.placed[id(own)]
        b, blk = t.box, t.art.block
        if isinstance(t.el, Node) and own is t.el:
            if t.label is not t.el.label:
                continue                    # the caption hangs below the shape
            prims = _interior(t.el, p.shape)
            if not prims:
                continue
            # Ink sits inside the line box: allow the blank above and below glyphs.
            size = max((ln.size for ln in blk.lines), default=0)
            ix, iy = min(0.05 * size, b.w / 4), min(0.1 * size, b.h / 4)
            corners = [(b.x + ix, b.y + iy), (b.right - ix, b.y + iy),
                       (b.x + ix, b.bottom - iy), (b.right - ix, b.bottom - iy)]
            if not all(any(_covers(it, x, y) for it in prims) for x, y in corners):
                inner = p.shape
                yield ("error", t.el, f"text {_excerpt(blk)} ({b.w:.0f}×{b.h:.0f}) overflows its "
                                      f"{t.el.shape} shape ({inner.w:.0f}×{inner.h:.0f})", "text-overflow")
        elif not isinstance(own, Node) and not pg.unit(own).box.inflate(1.0).contains(b):
            u = pg.unit(own)
            yield ("error", t.el, f"text {_excerpt(blk)} ({b.w:.0f}×{b.h:.0f}) runs outside the box of "
                                  f"{u.el.describe()} ({u.box.w:.0f}×{u.box.h:.0f})", "text-overflow")


def rule_edge_crossing(pg: _Page):
    vis = list(pg.visible())
    for e, pts in pg.routes:
        ends = [pg.index[r.partition(".")[0]].el for r in (e.src, e.dst)]
        crossed = []
        for p in vis:
            if any(pg.related(end, p.el) for end in ends):
                continue
            for bx in _boxes_of(p):
                inner = bx.inflate(-TOL)
                if inner.w > 0 and inner.h > 0 and any(segment_hits_box(s, t, inner) for s, t in zip(pts, pts[1:])):
                    crossed.append(p.el)
                    break
        for el in crossed:
            yield ("error", e, f"crosses {_other(el, pg.d)}", "edge-crossing")


def rule_contrast(pg: _Page):
    """One finding per element (or spec line) and colour pair, naming a few
    of its texts."""
    items = pg.scene.content
    low: dict[tuple, list[str]] = {}
    for t in pg.texts:
        b, blk = t.box, t.art.block
        bg = background_at(items, t.index, b.cx, b.cy)
        ratio = contrast(blk.color, bg)
        need = AA_LARGE if _is_large(blk) else AA_NORMAL
        if ratio < need - 1e-9:
            # Elements written by one spec line (a helper's cells, bars) share a finding.
            key = (_loc(t.el, pg.d), t.name(), blk.color, bg, need)
            low.setdefault(key, [t.el, ratio]).append(_excerpt(blk))
    for (_, _, fg, bg, need), (el, ratio, *texts) in low.items():
        texts = list(dict.fromkeys(texts))
        more = f" and {len(texts) - 3} more" if len(texts) > 3 else ""
        yield ("warning", el, f"text {', '.join(texts[:3])}{more}: {pg.token(fg)} on {pg.token(bg)} has "
                              f"contrast {ratio:.2f}:1, below {need:g}:1 (WCAG AA)", "contrast")


PAGE_RULES = (rule_box_overlap, rule_text_overlap, rule_text_overflow, rule_edge_crossing, rule_contrast)


# ---------------------------------------------------------------- spec-wide rules

def _models(d: Diagram) -> list[Element]:
    """Every element a spec wrote: the body tree, edges, overlays, and the
    parts families keep in their own fields (a plot's series, a chart's bars)."""
    out: dict[int, Element] = {}

    def add(obj) -> None:
        if isinstance(obj, Element):
            if id(obj) in out:
                return
            out[id(obj)] = obj
        if isinstance(obj, BaseModel):
            for name in type(obj).model_fields:
                add(getattr(obj, name))
        elif isinstance(obj, (list, tuple)):
            for v in obj:
                add(v)
    for el in [*walk(d.body), *d.edges, *d.overlays]:
        add(el)
    return list(out.values())


def _labels(obj, path: str) -> Iterator[tuple[str, I18n]]:
    """(field path, label) for every bilingual string under a model value."""
    if isinstance(obj, I18n):
        yield path, obj
    elif isinstance(obj, Element):
        return                      # walked on its own, with its own line
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _labels(getattr(obj, name), f"{path}.{name}" if path else name)
    elif isinstance(obj, (list, tuple)):
        for i, v in enumerate(obj):
            yield from _labels(v, f"{path}[{i}]")


def rule_translation(d: Diagram):
    owners: list[tuple[Element | None, BaseModel]] = [(None, d)] + [(el, el) for el in _models(d)]
    for el, obj in owners:
        for name in type(obj).model_fields:
            if name in ("body", "edges", "overlays"):
                continue
            for path, lab in _labels(getattr(obj, name), name):
                if lab.zh == lab.en and has_cjk(lab.zh):
                    yield ("warning", el, f"{path} {lab.zh!r} is the same in both languages but Chinese: "
                                          f"write (\"{lab.zh}\", \"English\")", "translation")
                elif lab.zh != lab.en and has_cjk(lab.en):
                    yield ("warning", el, f"{path}: the English text {lab.en!r} contains Chinese",
                           "translation")


def _strings(obj) -> Iterator[str]:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            yield from _strings(v)


def rule_ids(d: Diagram):
    """Undeclared references are errors; ids nobody references are info."""
    declared: dict[str, Element] = {}
    for el in _models(d):
        if el.id and not isinstance(el, Edge):
            declared.setdefault(el.id, el)
    used: set[str] = set()
    for el in _models(d):
        # Any string field naming an id refers to it (edge ends, members,
        # straight chains, and whatever a family's own fields name).
        for name in type(el).model_fields:
            if name == "id" or isinstance(getattr(el, name), Element):
                continue
            for s in _strings(getattr(el, name)):
                used.add(s.partition(".")[0] if isinstance(el, Edge) else s)
    ids = sorted(declared)
    for el in _models(d):
        refs: list[str] = []
        if isinstance(el, Edge):
            refs = [el.src.partition(".")[0], el.dst.partition(".")[0]]
        elif type(el).is_overlay:
            refs = list(getattr(el, "members", []) or [])
        elif isinstance(el, Flow):
            refs = [x for grp in el.straight + el.same_rank for x in grp]
        for r in refs:
            if r not in declared:
                import difflib
                close = difflib.get_close_matches(r, ids, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                yield ("error", el, f"refers to undeclared id {r!r}{hint}", "undeclared-id")
    for name in ids:
        if name not in used:
            yield ("info", declared[name], f"id {name!r} is not referenced", "unused-id")


# ---------------------------------------------------------------- driver

def _finding(sev: str, el, msg: str, rule: str, d: Diagram, langs=()) -> Finding:
    return Finding(_loc(el, d), sev, el.describe() if el is not None else f"Diagram({d.id!r})", msg, rule,
                   tuple(langs))


def _from_error(e: SpecError, fallback: str, langs=()) -> Finding:
    msg = e.message + (f" (fix: {e.fix})" if e.fix else "")
    return Finding(_where(e.source, fallback), "error", e.element or "spec", msg, "spec-error", tuple(langs))


def lint_diagram(d: Diagram, langs=("zh", "en")) -> list[Finding]:
    out: list[Finding] = [_finding(*f, d) for f in rule_translation(d)]
    ref = [_finding(*f, d) for f in rule_ids(d)]
    out += ref
    if any(f.severity == "error" for f in ref):
        return sorted(out, key=Finding.sort_key)     # layout would stop at the first one
    per: dict[tuple, list[str]] = {}
    for lang in langs:
        try:
            pg = _Page.make(d, lang)
        except SpecError as e:
            f = _from_error(e, _where(d.loc, d.id))
            per.setdefault((f.where, f.severity, f.element, f.message, f.rule), []).append(lang)
            continue
        seen = set()
        for rule in PAGE_RULES:
            for sev, el, msg, name in rule(pg):
                key = (_loc(el, d), sev, el.describe() if el is not None else f"Diagram({d.id!r})", msg, name)
                if key not in seen:
                    seen.add(key)
                    per.setdefault(key, []).append(lang)
    out += [Finding(*k, tuple(v)) for k, v in per.items()]
    return sorted(out, key=Finding.sort_key)


def lint_file(path: Path, langs=("zh", "en")) -> list[Finding]:
    from .loader import load_spec
    try:
        d = load_spec(path)
    except SpecError as e:
        return [_from_error(e, os.path.relpath(path))]
    return lint_diagram(d, langs)


EPILOG = """rules:
  box-overlap    error    visible boxes overlap (a child inside its container is fine)
  text-overlap   error    text over other text, or over a box it does not belong to
  text-overflow  error    text wider/taller than the inside of its shape
  edge-crossing  error    an edge through a box it neither starts nor ends at
  undeclared-id  error    an edge/overlay names an id nobody declares
  contrast       warning  text on its fill below WCAG AA (4.5:1; 3:1 from 24 bold or 32)
  translation    warning  same("中文") or ("中文", "中文"): Chinese in the English figure
  unused-id      info     an id nobody references (fine when it only names a thing)
  spec-error     error    the spec does not load or lay out (the build error, as a finding)

examples:
  python -m llmviz_dsl lint                       every spec, zh and en
  python -m llmviz_dsl lint grpo-vs-ppo           one spec
  python -m llmviz_dsl lint --strict -q my-id     fail on warnings too; hide info
  python -m llmviz_dsl lint --lang en my-id       only the English figure

Each finding is `file:line: severity: element: message [rule] (languages)`;
the line is where the spec wrote the element. Exit code: 1 with errors
(with --strict: also warnings), else 0.
"""


def add_command(sub, root: Path) -> None:
    p = sub.add_parser("lint", help="check specs for overlaps, overflow, crossings, contrast, translations",
                       description="Lay out and paint each spec in zh and en and report what a reader would "
                                   "notice: overlapping boxes or text, text overflowing its shape, edges "
                                   "through boxes, low contrast, untranslated labels, undeclared and unused ids.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("ids", nargs="*", metavar="ID", help="spec ids (default: every spec)")
    p.add_argument("--specs", type=Path, default=root / "specs", help="spec directory (default: specs/)")
    p.add_argument("--lang", choices=["zh", "en", "all"], default="all", help="figure(s) to check (default: all)")
    p.add_argument("--strict", action="store_true", help="also fail (exit 1) on warnings")
    p.add_argument("-q", "--quiet", action="store_true", help="hide info findings")
    p.set_defaults(run=run)


def run(args) -> int:
    from .build import resolve_ids
    langs = ("zh", "en") if args.lang == "all" else (args.lang,)
    counts = dict.fromkeys(SEVERITIES, 0)
    files = resolve_ids(args.specs, args.ids)
    for path in files:
        try:
            found = lint_file(path, langs)
        except Exception as e:     # a fault in element code: report it, lint the other specs
            found = [Finding(os.path.relpath(path), "error", "spec", f"{type(e).__name__}: {e}", "crash")]
        for f in found:
            counts[f.severity] += 1
            if not (args.quiet and f.severity == "info"):
                print(f.render())
    print(f"{len(files)} spec(s): {counts['error']} error(s), {counts['warning']} warning(s), "
          f"{counts['info']} info", file=sys.stderr)
    failing = counts["error"] + (counts["warning"] if args.strict else 0)
    return 1 if failing else 0
