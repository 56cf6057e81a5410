"""The house icons, drawn as vector markup in one place.

Each icon is a function (box, fill, stroke) -> SVG markup, registered with its
natural size; the theme's [icon] table gives its colours. `Node(icon=...)`,
`badge=` and `Edge(label_icon=...)` accept exactly the registered names.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable

from .geometry import Box, fmt


@dataclass(frozen=True)
class IconDef:
    draw: Callable[[Box, str, str], str]
    size: tuple[float, float]       # natural width, height


ICONS: dict[str, IconDef] = {}


def icon(name: str, size: tuple[float, float]):
    def reg(fn):
        ICONS[name] = IconDef(fn, size)
        return fn
    return reg


def icon_size(name: str, size: float | None = None) -> tuple[float, float]:
    """The icon's width and height: natural, or scaled so its larger side is `size`."""
    w, h = ICONS[name].size
    k = size / max(w, h) if size else 1.0
    return w * k, h * k


@icon("nn", (52, 40))
def _nn(b: Box, fill: str, stroke: str) -> str:
    # Columns of 3, 2 and 1 nodes, all joined to the next column.
    s = min(b.w / 3.2, b.h / 2.9)
    r = s * 0.3
    x0 = b.cx - s
    y0 = b.cy
    cols = [[(x0, y0 - s), (x0, y0), (x0, y0 + s)],
            [(x0 + s, y0 - s / 2), (x0 + s, y0 + s / 2)],
            [(x0 + 2 * s, y0)]]
    lines = []
    for a, c in zip(cols, cols[1:]):
        for p in a:
            for q in c:
                lines.append(f"M{fmt(p[0])} {fmt(p[1])}L{fmt(q[0])} {fmt(q[1])}")
    sw = fmt(max(1.0, s * 0.15))
    out = [f'<path d="{"".join(lines)}" stroke="{stroke}" stroke-width="{sw}" fill="none"/>']
    for col in cols:
        for x, y in col:
            out.append(f'<circle cx="{fmt(x)}" cy="{fmt(y)}" r="{fmt(r)}" fill="{fill}" '
                       f'stroke="{stroke}" stroke-width="{sw}"/>')
    return "".join(out)


@icon("lock", (16, 20))
def _lock(b: Box, fill: str, stroke: str) -> str:
    bw, bh = b.w, b.h * 0.58
    bx, by = b.x, b.bottom - bh
    sw = b.w * 0.16
    r = (b.w - sw) / 2 - b.w * 0.12
    cx = b.cx
    top = by - r * 0.9
    shackle = (f"M{fmt(cx - r)} {fmt(by)}V{fmt(top + r)}A{fmt(r)} {fmt(r)} 0 0 1 {fmt(cx + r)} {fmt(top + r)}"
               f"V{fmt(by)}")
    hole = b.w * 0.09
    return (f'<path d="{shackle}" stroke="{fill}" stroke-width="{fmt(sw)}" fill="none"/>'
            f'<rect x="{fmt(bx)}" y="{fmt(by)}" width="{fmt(bw)}" height="{fmt(bh)}" rx="{fmt(bw * 0.12)}" fill="{fill}"/>'
            f'<circle cx="{fmt(cx)}" cy="{fmt(by + bh * 0.45)}" r="{fmt(hole)}" fill="{stroke}"/>')


@icon("unlock", (24, 21))
def _unlock(b: Box, fill: str, stroke: str) -> str:
    # The lock's body at the bottom left, its shackle lifted out to the right.
    bw, bh = b.w * 0.64, b.h * 0.55
    bx, by = b.x, b.bottom - bh
    sw = bw * 0.16
    r = (bw - sw) / 2 - bw * 0.12
    cx, top = b.right - r - sw / 2, b.y + sw / 2
    shackle = (f"M{fmt(cx - r)} {fmt(by)}V{fmt(top + r)}A{fmt(r)} {fmt(r)} 0 0 1 {fmt(cx + r)} {fmt(top + r)}"
               f"V{fmt(top + r * 1.5)}")
    return (f'<path d="{shackle}" stroke="{fill}" stroke-width="{fmt(sw)}" fill="none"/>'
            f'<rect x="{fmt(bx)}" y="{fmt(by)}" width="{fmt(bw)}" height="{fmt(bh)}" rx="{fmt(bw * 0.12)}" fill="{fill}"/>'
            f'<circle cx="{fmt(bx + bw / 2)}" cy="{fmt(by + bh * 0.45)}" r="{fmt(bw * 0.09)}" fill="{stroke}"/>')


# ---------------------------------------------------------------- shared helpers
# Every icon is drawn inside its box: outlines are inset by half their stroke
# width, so nothing spills over the box at any size.


def _sw(b: Box, k: float = 0.065) -> float:
    """Outline width: one proportion of the icon for every icon."""
    return max(1.0, min(b.w, b.h) * k)


def _pts(*xy: float) -> str:
    return " ".join(fmt(v) for v in xy)


def _path(d: str, fill: str | None = None, stroke: str | None = None, sw: float = 0.0,
          round_: bool = False) -> str:
    s = f'<path d="{d}" fill="{fill or "none"}"'
    if stroke:
        s += f' stroke="{stroke}" stroke-width="{fmt(sw)}"'
        if round_:
            s += ' stroke-linecap="round" stroke-linejoin="round"'
    return s + "/>"


def _circle(cx: float, cy: float, r: float, fill: str | None = None, stroke: str | None = None,
            sw: float = 0.0) -> str:
    s = f'<circle cx="{fmt(cx)}" cy="{fmt(cy)}" r="{fmt(r)}" fill="{fill or "none"}"'
    return s + (f' stroke="{stroke}" stroke-width="{fmt(sw)}"/>' if stroke else "/>")


def _rect(b: Box, fill: str | None = None, stroke: str | None = None, sw: float = 0.0, rx: float = 0.0) -> str:
    s = (f'<rect x="{fmt(b.x)}" y="{fmt(b.y)}" width="{fmt(b.w)}" height="{fmt(b.h)}"'
         + (f' rx="{fmt(rx)}"' if rx else "") + f' fill="{fill or "none"}"')
    return s + (f' stroke="{stroke}" stroke-width="{fmt(sw)}"/>' if stroke else "/>")


def _poly(pts, fill: str) -> str:
    return _path("M" + "L".join(_pts(x, y) for x, y in pts) + "Z", fill)


# A stroke font for the labels file-type icons carry: capitals on a cap height
# of 1 (y down), as (advance, path); drawn with round caps, so legible at any
# size without a font file.
_GLYPHS: dict[str, tuple[float, str]] = {
    "C": (0.6, "M0.6 0.14C0.44 0 0 0 0 0.5C0 1 0.44 1 0.6 0.86"),
    "D": (0.66, "M0 0V1H0.26C0.8 1 0.8 0 0.26 0Z"),
    "F": (0.5, "M0.5 0H0V1M0 0.5H0.42"),
    "G": (0.64, "M0.62 0.14C0.46 0 0 0 0 0.5C0 1 0.5 1 0.64 0.84V0.56H0.36"),
    "H": (0.6, "M0 0V1M0.6 0V1M0 0.5H0.6"),
    "J": (0.46, "M0.46 0V0.7C0.46 1 0 1 0 0.72"),
    "L": (0.48, "M0 0V1H0.48"),
    "M": (0.78, "M0 1V0L0.39 0.62L0.78 0V1"),
    "P": (0.6, "M0 1V0H0.3C0.72 0 0.72 0.54 0.3 0.54H0"),
    "S": (0.56, "M0.54 0.14C0.44 0 0.02 0 0.02 0.26C0.02 0.5 0.56 0.46 0.56 0.74C0.56 1 0.1 1 0 0.86"),
    "T": (0.62, "M0 0H0.62M0.31 0V1"),
    "V": (0.64, "M0 0L0.32 1L0.64 0"),
    "W": (0.9, "M0 0L0.2 1L0.45 0.28L0.7 1L0.9 0"),
    "X": (0.62, "M0 0L0.62 1M0.62 0L0 1"),
    "Y": (0.62, "M0 0L0.31 0.5L0.62 0M0.31 0.5V1"),
}
_TRACK = 0.22     # letter spacing, in cap heights


def _word_width(text: str) -> float:
    return sum(_GLYPHS[c][0] for c in text) + _TRACK * (len(text) - 1)


def _word(text: str, area: Box, color: str) -> str:
    """`text` in the stroke font, as large as fits `area` (stroke included)."""
    wu = _word_width(text)
    cap = min(area.h / 1.2, area.w / (wu + 0.2))   # room for the round caps
    sw = cap * 0.2
    x = area.cx - wu * cap / 2
    y = area.cy - cap / 2
    d = []
    for c in text:
        adv, g = _GLYPHS[c]
        d.append(_scale_path(g, x, y, cap))
        x += (adv + _TRACK) * cap
    return _path("".join(d), None, color, sw, round_=True)


def _scale_path(d: str, x0: float, y0: float, k: float) -> str:
    """Path data on a unit grid (absolute M L H V C Z) -> page units."""
    out, cmd, i = [], "", 0
    for tok in re.findall(r"[MLHVCZ]|-?\d*\.?\d+", d):
        if tok.isalpha():
            cmd, i = tok, 0
            out.append(tok)
            continue
        is_x = cmd == "H" or (cmd != "V" and i % 2 == 0)
        out.append(("" if out[-1].isalpha() else " ") + fmt(x0 + float(tok) * k if is_x else y0 + float(tok) * k))
        i += 1
    return "".join(out)


def _arc(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float) -> str:
    """Cubic segments along an ellipse from angle a0 to a1 (degrees, clockwise
    on the page), continuing from the point at a0."""
    n = max(1, math.ceil(abs(a1 - a0) / 90 - 1e-9))
    step = math.radians(a1 - a0) / n
    k = 4 / 3 * math.tan(step / 4)
    out = []
    a = math.radians(a0)
    for _ in range(n):
        b = a + step
        p1 = (cx + rx * (math.cos(a) - k * math.sin(a)), cy + ry * (math.sin(a) + k * math.cos(a)))
        p2 = (cx + rx * (math.cos(b) + k * math.sin(b)), cy + ry * (math.sin(b) - k * math.cos(b)))
        out.append(f"C{_pts(*p1, *p2, cx + rx * math.cos(b), cy + ry * math.sin(b))}")
        a = b
    return "".join(out)


def _at(cx: float, cy: float, rx: float, ry: float, a: float) -> tuple[float, float]:
    return cx + rx * math.cos(math.radians(a)), cy + ry * math.sin(math.radians(a))


def _page(b: Box, fold: float) -> tuple[str, str]:
    """A sheet with its top-right corner folded: (outline, fold) path data."""
    x0, y0, x1, y1 = b.x, b.y, b.right, b.bottom
    outline = f"M{_pts(x0, y0)}H{fmt(x1 - fold)}L{_pts(x1, y0 + fold)}V{fmt(y1)}H{fmt(x0)}Z"
    crease = f"M{_pts(x1 - fold, y0)}V{fmt(y0 + fold)}H{fmt(x1)}"
    return outline, crease


def _lines(area: Box, n: int, color: str, sw: float, short_last: bool = True) -> str:
    """`n` text lines across `area` (the last one shorter)."""
    d = []
    for i in range(n):
        y = area.y + (area.h * i / (n - 1) if n > 1 else area.h / 2)
        x1 = area.x + area.w * (0.6 if short_last and i == n - 1 and n > 1 else 1.0)
        d.append(f"M{_pts(area.x, y)}H{fmt(x1)}")
    return _path("".join(d), None, color, sw)


def _document(b: Box, fill: str, stroke: str, label: str | None = None, glyph=None) -> str:
    """The shared document icon: a white sheet outlined in the icon colour;
    a file type adds a band with its name across the lower part (overhanging
    on the left, as file-type icons do) and a glyph above it."""
    sw = _sw(b)
    h = sw / 2
    left = b.x + (b.w * 0.14 if label else 0.0)
    sheet = Box(left + h, b.y + h, b.right - left - sw, b.h - sw)
    outline, crease = _page(sheet, sheet.w * 0.3)
    out = [_path(outline, stroke, fill, sw), _path(crease, None, fill, sw)]
    inner = Box(sheet.x + sheet.w * 0.18, sheet.y + sheet.h * 0.2, sheet.w * 0.5, sheet.h * 0.27)
    if label:
        band = Box(b.x, b.y + b.h * 0.56, b.w * 0.94, b.h * 0.3)
        out.append(_rect(band, fill, rx=band.h * 0.12))
        out.append(_word(label, band.inflate(-band.h * 0.16), stroke))
        out.append((glyph or _doc_lines)(inner, fill, sw))
    else:
        out.append(_lines(Box(sheet.x + sheet.w * 0.2, sheet.y + sheet.h * 0.36, sheet.w * 0.6,
                              sheet.h * 0.44), 4, fill, sw * 1.2))
    return "".join(out)


def _doc_lines(area: Box, color: str, sw: float) -> str:
    return _lines(area, 3, color, sw * 0.8)


# ---------------------------------------------------------------- documents and file types

@icon("doc", (38, 46))
def _doc(b: Box, fill: str, stroke: str) -> str:
    """A generic document: a sheet with lines of text."""
    return _document(b, fill, stroke)


def _file_type(name: str, label: str, glyph=None) -> None:
    icon(name, (44, 48))(lambda b, fill, stroke: _document(b, fill, stroke, label, glyph))


def _html_glyph(a: Box, color: str, sw: float) -> str:
    """</> (the markup brackets)."""
    m = a.h * 0.5
    d = (f"M{_pts(a.x + a.w * 0.3, a.y)}L{_pts(a.x, a.y + m)}L{_pts(a.x + a.w * 0.3, a.y + a.h)}"
         f"M{_pts(a.right - a.w * 0.3, a.y)}L{_pts(a.right, a.y + m)}L{_pts(a.right - a.w * 0.3, a.y + a.h)}"
         f"M{_pts(a.cx + a.w * 0.1, a.y)}L{_pts(a.cx - a.w * 0.1, a.y + a.h)}")
    return _path(d, None, color, sw, round_=True)


def _jpg_glyph(a: Box, color: str, sw: float) -> str:
    """A landscape: a sun over two peaks."""
    r = a.h * 0.18
    peaks = [(a.x, a.bottom), (a.x + a.w * 0.35, a.y + a.h * 0.3), (a.x + a.w * 0.6, a.y + a.h * 0.7),
             (a.x + a.w * 0.78, a.y + a.h * 0.45), (a.right, a.bottom)]
    return _poly(peaks, color) + _circle(a.right - r, a.y + r, r, color)


def _csv_glyph(a: Box, color: str, sw: float) -> str:
    """A small table: a header row and columns."""
    d = [f"M{_pts(a.x, a.y + a.h * k)}H{fmt(a.right)}" for k in (0.0, 0.5, 1.0)]
    d += [f"M{_pts(a.x + a.w * k, a.y)}V{fmt(a.bottom)}" for k in (0.0, 0.5, 1.0)]
    return _path("".join(d), None, color, sw * 0.8)


def _pdf_glyph(a: Box, color: str, sw: float) -> str:
    """The looped triangle of a PDF reader, as a plain curve."""
    x0, y0, x1, y1 = a.x, a.y, a.right, a.bottom
    d = (f"M{_pts(a.cx, y0)}C{_pts(a.cx + a.w * 0.2, y0, a.cx - a.w * 0.1, y0 + a.h * 0.6, x0, y1)}"
         f"C{_pts(x0 + a.w * 0.2, y1 - a.h * 0.3, x1 - a.w * 0.2, y1 - a.h * 0.4, x1, y1 - a.h * 0.2)}"
         f"C{_pts(x1 - a.w * 0.3, y1 - a.h * 0.1, a.cx - a.w * 0.05, y0 + a.h * 0.4, a.cx, y0)}")
    return _path(d, None, color, sw * 0.8, round_=True)


def _py_glyph(a: Box, color: str, sw: float) -> str:
    """>_ (a prompt)."""
    d = (f"M{_pts(a.x, a.y)}L{_pts(a.x + a.w * 0.3, a.cy)}L{_pts(a.x, a.bottom)}"
         f"M{_pts(a.x + a.w * 0.45, a.bottom)}H{fmt(a.right)}")
    return _path(d, None, color, sw, round_=True)


_file_type("txt", "TXT")
_file_type("pdf", "PDF", _pdf_glyph)
_file_type("csv", "CSV", _csv_glyph)
_file_type("py", "PY", _py_glyph)
_file_type("html", "HTML", _html_glyph)
_file_type("jpg", "JPG", _jpg_glyph)


@icon("word", (48, 46))
def _word_doc(b: Box, fill: str, stroke: str) -> str:
    """A word-processor file: a sheet of lines behind a plate with a W."""
    sw = _sw(b)
    h = sw / 2
    sheet = Box(b.x + b.w * 0.38 + h, b.y + b.h * 0.1 + h, b.w * 0.62 - sw, b.h * 0.8 - sw)
    plate = Box(b.x, b.y, b.w * 0.6, b.h)
    out = [_rect(sheet, stroke, fill, sw),
           _lines(Box(plate.right + sheet.w * 0.12, sheet.y + sheet.h * 0.18,
                      sheet.right - plate.right - sheet.w * 0.28, sheet.h * 0.64), 5, fill, sw * 0.8, short_last=False),
           _rect(plate, fill, rx=b.w * 0.04),
           _word("W", plate.inflate(-plate.w * 0.18), stroke)]
    return "".join(out)


@icon("video", (46, 48))
def _video(b: Box, fill: str, stroke: str) -> str:
    """A film strip with a play button."""
    out = [_rect(b, fill, rx=b.w * 0.04)]
    hole_w, n = b.w * 0.14, 6
    pitch = b.h / n
    for i in range(n):
        y = b.y + pitch * i + pitch * 0.25
        for x in (b.x + b.w * 0.05, b.right - b.w * 0.05 - hole_w):
            out.append(_rect(Box(x, y, hole_w, pitch * 0.5), stroke))
    frame = Box(b.x + b.w * 0.25, b.y + b.h * 0.06, b.w * 0.5, b.h * 0.88)
    out.append(_rect(frame, stroke))
    t = frame.w * 0.5
    out.append(_poly([(frame.cx - t * 0.4, frame.cy - t * 0.55), (frame.cx + t * 0.6, frame.cy),
                      (frame.cx - t * 0.4, frame.cy + t * 0.55)], fill))
    return "".join(out)


@icon("book", (40, 48))
def _book(b: Box, fill: str, stroke: str) -> str:
    """A closed book: cover, spine and the page edges at the foot."""
    sw = _sw(b)
    foot = b.h * 0.12
    cover = Box(b.x, b.y, b.w, b.h - foot)
    out = [_rect(cover, fill, rx=b.w * 0.06),
           # page edges: a white strip under the cover, closed by the back board
           _path(f"M{_pts(b.x + sw / 2, cover.bottom - sw)}V{fmt(b.bottom - sw / 2)}H{fmt(b.right - sw / 2)}",
                 None, fill, sw),
           _path(f"M{_pts(b.x + b.w * 0.2, b.y + b.h * 0.1)}V{fmt(cover.bottom - b.h * 0.1)}",
                 None, stroke, sw, round_=True)]
    return "".join(out)


# ---------------------------------------------------------------- data, web and tools

@icon("database", (40, 48))
def _database(b: Box, fill: str, stroke: str) -> str:
    """A cylinder of stacked disks."""
    sw = _sw(b)
    rx, ry = b.w / 2, b.h * 0.12
    cx, top, bot = b.cx, b.y + ry, b.bottom - ry
    body = f"M{_pts(b.x, top)}{_arc(cx, top, rx, ry, 180, 360)}V{fmt(bot)}{_arc(cx, bot, rx, ry, 0, 180)}Z"
    rims = "".join(f"M{_pts(*_at(cx, y, rx - sw / 2, ry, 0))}{_arc(cx, y, rx - sw / 2, ry, 0, 180)}"
                   for y in (top, top + (bot - top) / 3, top + 2 * (bot - top) / 3))
    return _path(body, fill) + _path(rims, None, stroke, sw)


@icon("globe", (44, 44))
def _globe(b: Box, fill: str, stroke: str) -> str:
    """A globe: outline, meridians and parallels."""
    sw = _sw(b)
    r = min(b.w, b.h) / 2 - sw / 2
    cx, cy = b.cx, b.cy
    d = (f"M{_pts(cx, cy - r)}{_arc(cx, cy, r * 0.45, r, 270, 630)}"
         f"M{_pts(cx, cy - r)}V{fmt(cy + r)}M{_pts(cx - r, cy)}H{fmt(cx + r)}")
    for s in (-1, 1):
        y, half = cy + s * r * 0.5, r * 0.866
        d += f"M{_pts(cx - half, y)}H{fmt(cx + half)}"
    return _circle(cx, cy, r, stroke, fill, sw) + _path(d, None, fill, sw * 0.8)


@icon("search", (44, 44))
def _search(b: Box, fill: str, stroke: str) -> str:
    """A magnifier: lens ring and handle."""
    sw = _sw(b, 0.1)
    r = min(b.w, b.h) * 0.3
    cx, cy = b.x + sw / 2 + r, b.y + sw / 2 + r
    hx = cx + r * 0.707
    handle = f"M{_pts(hx, cy + r * 0.707)}L{_pts(b.right - sw, b.bottom - sw)}"
    return (_circle(cx, cy, r, stroke, fill, sw)
            + _path(handle, None, fill, sw * 1.8, round_=True))


@icon("scissors", (40, 48))
def _scissors(b: Box, fill: str, stroke: str) -> str:
    """Scissors, blades up: two finger rings and crossed blades."""
    sw = _sw(b, 0.09)
    r = b.w * 0.18
    ry = b.bottom - r - sw / 2
    lx, rx_ = b.x + r + sw / 2, b.right - r - sw / 2
    p0, p1 = (lx + r * 0.5, ry - r * 0.85), (b.right - b.w * 0.22, b.y + sw)
    blades = (f"M{_pts(*p0)}L{_pts(*p1)}"
              f"M{_pts(2 * b.cx - p0[0], p0[1])}L{_pts(2 * b.cx - p1[0], p1[1])}")
    # the pivot where the blades cross (on the axis)
    t = (b.cx - p0[0]) / (p1[0] - p0[0])
    py = p0[1] + t * (p1[1] - p0[1])
    return (_path(blades, None, fill, sw * 1.3, round_=True)
            + _circle(lx, ry, r, stroke, fill, sw) + _circle(rx_, ry, r, stroke, fill, sw)
            + _circle(b.cx, py, sw * 0.5, stroke))


@icon("cycle", (44, 44))
def _cycle(b: Box, fill: str, stroke: str) -> str:
    """Two arrows chasing each other round a ring (a loop, an iteration)."""
    sw = _sw(b, 0.09)
    head = min(b.w, b.h) * 0.24
    r = min(b.w, b.h) / 2 - head * 0.5
    cx, cy = b.cx, b.cy
    out = []
    for a0 in (195, 15):
        a1 = a0 + 125
        out.append(_path(f"M{_pts(*_at(cx, cy, r, r, a0))}{_arc(cx, cy, r, r, a0, a1)}", None, fill, sw))
        # the head, tangent to the ring, points on round it
        ex, ey = _at(cx, cy, r, r, a1 + 8)
        t = math.radians(a1 + 8)
        ux, uy, nx, ny = -math.sin(t), math.cos(t), math.cos(t), math.sin(t)
        out.append(_poly([(ex + ux * head * 0.5, ey + uy * head * 0.5),
                          (ex - ux * head * 0.3 + nx * head * 0.5, ey - uy * head * 0.3 + ny * head * 0.5),
                          (ex - ux * head * 0.3 - nx * head * 0.5, ey - uy * head * 0.3 - ny * head * 0.5)], fill))
    return "".join(out)


def _turn(b: Box, fill: str, clockwise: bool) -> str:
    """An open ring: a solid arc over the top ending in a V head, its way
    back round the bottom dashed (a pull one way, a round trip)."""
    sw = _sw(b, 0.035)
    head = min(b.w, b.h) * 0.14
    r = min(b.w, b.h) / 2 - head * 0.6
    cx, cy = b.cx, b.cy
    flip = (lambda a: a) if clockwise else (lambda a: 180 - a)   # mirror left-right
    top = sorted((flip(185), flip(330)))
    low = sorted((flip(30), flip(160)))
    out = [_path(f"M{_pts(*_at(cx, cy, r, r, top[0]))}{_arc(cx, cy, r, r, *top)}", None, fill, sw, True),
           _path(f"M{_pts(*_at(cx, cy, r, r, low[0]))}{_arc(cx, cy, r, r, *low)}", None, fill, sw, True)
           .replace("/>", f' stroke-dasharray="{fmt(sw * 2.5)} {fmt(sw * 2)}"/>')]
    t = math.radians(flip(332))
    tx, ty = _at(cx, cy, r, r, flip(332))
    ux, uy = (-math.sin(t), math.cos(t)) if clockwise else (math.sin(t), -math.cos(t))
    nx, ny = math.cos(t), math.sin(t)
    wing = [(tx - ux * head + nx * head * 0.6, ty - uy * head + ny * head * 0.6),
            (tx - ux * head - nx * head * 0.6, ty - uy * head - ny * head * 0.6)]
    out.append(_path(f"M{_pts(*wing[0])}L{_pts(tx, ty)}L{_pts(*wing[1])}", None, fill, sw, True))
    return "".join(out)


@icon("rotate-cw", (44, 44))
def _rotate_cw(b: Box, fill: str, stroke: str) -> str:
    """A clockwise open ring arrow, its return half dashed."""
    return _turn(b, fill, True)


@icon("rotate-ccw", (44, 44))
def _rotate_ccw(b: Box, fill: str, stroke: str) -> str:
    """The anticlockwise twin of rotate-cw."""
    return _turn(b, fill, False)


def _face(cx: float, cy: float, r: float, fill: str, stroke: str, sw: float) -> str:
    """A grinning face: open eyes, a wide open mouth."""
    ex, ey = r * 0.36, r * 0.28
    eyes = "".join(_path(f"M{_pts(cx + dx, cy - ey - r * 0.12)}V{fmt(cy - ey + r * 0.1)}", None, stroke,
                         sw * 1.4, True) for dx in (-ex, ex))
    my = cy + r * 0.1
    mouth = (f"M{_pts(cx - r * 0.55, my)}H{fmt(cx + r * 0.55)}"
             f"A{_pts(r * 0.55, r * 0.5)} 0 0 1 {_pts(cx - r * 0.55, my)}Z")
    return _circle(cx, cy, r, fill, stroke, sw) + eyes + _path(mouth, stroke)


@icon("smileys", (48, 48))
def _smileys(b: Box, fill: str, stroke: str) -> str:
    """Two happy faces, one in front of the other (people pleased: preferences)."""
    sw = _sw(b, 0.05)
    r = min(b.w, b.h) * 0.3 - sw / 2
    return (_face(b.x + b.w * 0.36, b.y + b.h * 0.36, r, fill, stroke, sw)
            + _face(b.x + b.w * 0.64, b.y + b.h * 0.66, r, fill, stroke, sw))


# ---------------------------------------------------------------- people, agents, things

@icon("person", (40, 44))
def _person(b: Box, fill: str, stroke: str) -> str:
    """A bust: head over shoulders."""
    r = b.w * 0.22
    head = _circle(b.cx, b.y + r, r, fill)
    top = b.y + 2 * r + b.h * 0.06
    w = b.w / 2
    k = 0.5523
    body = (f"M{_pts(b.x, b.bottom)}V{fmt(top + w * 0.8)}"
            f"C{_pts(b.x, top + w * 0.8 * (1 - k), b.cx - w * k, top, b.cx, top)}"
            f"C{_pts(b.cx + w * k, top, b.right, top + w * 0.8 * (1 - k), b.right, top + w * 0.8)}"
            f"V{fmt(b.bottom)}Z")
    return head + _path(body, fill)


@icon("people", (60, 40))
def _people(b: Box, fill: str, stroke: str) -> str:
    """A group (annotators, a crowd): two busts behind a third, outlined in
    the contrast colour so they stay apart."""
    w = b.w * 0.42
    h = b.h * 0.86
    back = [Box(b.x, b.y, w, h), Box(b.right - w, b.y, w, h)]
    rim = Box(b.cx - w * 0.6, b.bottom - h * 1.1, w * 1.2, h * 1.1)
    out = [_person(x, fill, stroke) for x in back]
    out.append(_person(rim, stroke, stroke))       # a contrast rim keeps the front bust apart
    out.append(_person(rim.inflate(-_sw(rim, 0.06) / 2), fill, stroke))
    return "".join(out)


@icon("robot", (44, 44))
def _robot(b: Box, fill: str, stroke: str) -> str:
    """A robot head: antenna, ears, eyes and mouth."""
    sw = _sw(b, 0.08)
    head = Box(b.x + b.w * 0.12, b.y + b.h * 0.28, b.w * 0.76, b.h * 0.72)
    out = [_path(f"M{_pts(b.cx, head.y)}V{fmt(b.y + b.h * 0.1)}", None, fill, sw),
           _circle(b.cx, b.y + b.h * 0.08, b.h * 0.08, fill),
           _rect(Box(b.x, head.y + head.h * 0.3, b.w * 0.1, head.h * 0.36), fill, rx=b.w * 0.03),
           _rect(Box(b.right - b.w * 0.1, head.y + head.h * 0.3, b.w * 0.1, head.h * 0.36), fill, rx=b.w * 0.03),
           _rect(head, fill, rx=head.w * 0.16)]
    er = head.w * 0.11
    for s in (-1, 1):
        out.append(_circle(head.cx + s * head.w * 0.22, head.y + head.h * 0.4, er, stroke))
    out.append(_rect(Box(head.cx - head.w * 0.22, head.y + head.h * 0.7, head.w * 0.44, head.h * 0.1), stroke,
                     rx=head.h * 0.05))
    return "".join(out)


@icon("car", (56, 36))
def _car(b: Box, fill: str, stroke: str) -> str:
    """A car in profile: body, cabin with windows, two wheels."""
    x, y, w, h = b.x, b.y, b.w, b.h
    wr = h * 0.2
    body_top, sill = y + h * 0.42, b.bottom - wr * 1.1
    body = (f"M{_pts(x, sill)}V{fmt(body_top + h * 0.1)}Q{_pts(x, body_top, x + w * 0.08, body_top)}"
            f"H{fmt(x + w * 0.24)}L{_pts(x + w * 0.36, y)}H{fmt(x + w * 0.68)}L{_pts(x + w * 0.82, body_top)}"
            f"H{fmt(x + w * 0.92)}Q{_pts(x + w, body_top, x + w, body_top + h * 0.12)}V{fmt(sill)}Z")
    out = [_path(body, fill)]
    win = [((x + w * 0.3, body_top - h * 0.04), (x + w * 0.39, y + h * 0.1), (x + w * 0.5, y + h * 0.1),
            (x + w * 0.5, body_top - h * 0.04)),
           ((x + w * 0.54, body_top - h * 0.04), (x + w * 0.54, y + h * 0.1), (x + w * 0.66, y + h * 0.1),
            (x + w * 0.75, body_top - h * 0.04))]
    out += [_poly(p, stroke) for p in win]
    for cx in (x + w * 0.24, x + w * 0.76):
        out.append(_circle(cx, b.bottom - wr * 1.15, wr, fill, stroke, wr * 0.3))
        out.append(_circle(cx, b.bottom - wr * 1.15, wr * 0.35, stroke))
    return "".join(out)


# ---------------------------------------------------------------- marks

@icon("check", (40, 40))
def _check(b: Box, fill: str, stroke: str) -> str:
    """A tick in a disc (correct, accepted); with no fill, a tick in a ring."""
    r = min(b.w, b.h) / 2
    if fill is None:
        return _ring_mark(b, stroke, (-0.42, -0.02), (-0.04, 0.32), (0.46, -0.3))
    sw = r * 0.22
    d = (f"M{_pts(b.cx - r * 0.5, b.cy + r * 0.02)}L{_pts(b.cx - r * 0.12, b.cy + r * 0.4)}"
         f"L{_pts(b.cx + r * 0.52, b.cy - r * 0.36)}")
    return _circle(b.cx, b.cy, r, fill) + _path(d, None, stroke, sw, round_=True)


def _ring_mark(b: Box, color: str, *pts: tuple[float, float], cross: bool = False) -> str:
    """The outline form of a mark: a thin ring and the mark (points in radii
    from the centre) in one colour."""
    r = min(b.w, b.h) / 2
    d = "".join(f"{'M' if i == 0 or (cross and i == 2) else 'L'}{_pts(b.cx + x * r, b.cy + y * r)}"
                for i, (x, y) in enumerate(pts))
    return (_circle(b.cx, b.cy, r * 0.93, None, color, r * 0.14)
            + _path(d, None, color, r * 0.11, round_=True))


@icon("cross", (40, 40))
def _cross(b: Box, fill: str, stroke: str) -> str:
    """An X in a disc (wrong, rejected); with no fill, an X in a ring."""
    r = min(b.w, b.h) / 2
    a = r * 0.38
    if fill is None:
        return _ring_mark(b, stroke, (-0.34, -0.34), (0.34, 0.34), (0.34, -0.34), (-0.34, 0.34), cross=True)
    d = f"M{_pts(b.cx - a, b.cy - a)}L{_pts(b.cx + a, b.cy + a)}M{_pts(b.cx + a, b.cy - a)}L{_pts(b.cx - a, b.cy + a)}"
    return _circle(b.cx, b.cy, r, fill) + _path(d, None, stroke, r * 0.22, round_=True)


@icon("star", (44, 42))
def _star(b: Box, fill: str, stroke: str) -> str:
    """A five-pointed star (a reward)."""
    R = min(b.w / (2 * math.cos(math.radians(18))), b.h / (1 + math.cos(math.radians(36))))
    cy = b.y + R
    pts = []
    for i in range(10):
        r = R if i % 2 == 0 else R * 0.4
        a = math.radians(-90 + 36 * i)
        pts.append((b.cx + r * math.cos(a), cy + r * math.sin(a)))
    return _poly(pts, fill)


def _thumb(b: Box, fill: str, stroke: str, up: bool) -> str:
    """A fist with the thumb up (or down): cuff, fist, thumb."""
    def Y(v: float) -> float:            # mirror for thumbs down
        return b.y + v * b.h if up else b.bottom - v * b.h

    def X(v: float) -> float:
        return b.x + v * b.w
    cuff = _poly([(X(0), Y(0.44)), (X(0.22), Y(0.44)), (X(0.22), Y(1)), (X(0), Y(1))], fill)
    # thumb, then the knuckles down the front of the fist
    hand = (f"M{_pts(X(0.28), Y(0.46))}L{_pts(X(0.42), Y(0.26))}"
            f"C{_pts(X(0.46), Y(0.18), X(0.42), Y(0), X(0.54), Y(0))}"
            f"C{_pts(X(0.7), Y(0), X(0.74), Y(0.14), X(0.68), Y(0.38))}H{fmt(X(0.9))}"
            f"C{_pts(X(1), Y(0.38), X(1), Y(0.52), X(0.94), Y(0.56))}"
            f"C{_pts(X(1), Y(0.62), X(0.98), Y(0.72), X(0.92), Y(0.74))}"
            f"C{_pts(X(0.96), Y(0.8), X(0.94), Y(0.88), X(0.88), Y(0.9))}"
            f"C{_pts(X(0.9), Y(0.96), X(0.86), Y(1), X(0.8), Y(1))}H{fmt(X(0.28))}Z")
    return cuff + _path(hand, fill)


@icon("thumbs-up", (40, 40))
def _thumbs_up(b: Box, fill: str, stroke: str) -> str:
    return _thumb(b, fill, stroke, True)


@icon("thumbs-down", (40, 40))
def _thumbs_down(b: Box, fill: str, stroke: str) -> str:
    return _thumb(b, fill, stroke, False)


# ---------------------------------------------------------------- structures

@icon("graph", (60, 56))
def _graph(b: Box, fill: str, stroke: str) -> str:
    """A cluster (a vector index): a hub joined to six nodes on a ring, with
    small arrows circling the ring."""
    r_node = min(b.w, b.h) * 0.085
    R = min(b.w, b.h) / 2 - r_node
    cx, cy = b.cx, b.cy
    sw = _sw(b, 0.03)
    ring = [(cx + R * math.cos(math.radians(a)), cy + R * math.sin(math.radians(a))) for a in range(0, 360, 60)]
    out = [_path("".join(f"M{_pts(cx, cy)}L{_pts(x, y)}" for x, y in ring), None, fill, sw)]
    out += [_circle(x, y, r_node, fill) for x, y in ring]
    out.append(_circle(cx, cy, r_node * 1.9, fill))
    t = r_node * 0.55                       # arrow heads half-way along the ring, pointing clockwise
    for i in range(6):
        a = math.radians(30 + 60 * i)
        mx, my = cx + R * 0.92 * math.cos(a), cy + R * 0.92 * math.sin(a)
        ux, uy = -math.sin(a), math.cos(a)  # tangent (clockwise on screen)
        nx, ny = math.cos(a), math.sin(a)
        out.append(_poly([(mx + ux * t, my + uy * t), (mx - ux * t + nx * t * 0.8, my - uy * t + ny * t * 0.8),
                          (mx - ux * t - nx * t * 0.8, my - uy * t - ny * t * 0.8)], fill))
    return "".join(out)


@icon("chunks", (40, 40))
def _chunks(b: Box, fill: str, stroke: str) -> str:
    """Slices of a document: a 3 x 3 grid of small hollow squares."""
    s = min(b.w, b.h)
    cell = s / 3.4
    gap = (s - 3 * cell) / 2
    x0, y0 = b.cx - s / 2, b.cy - s / 2
    out = []
    for i in range(3):
        for j in range(3):
            c = Box(x0 + j * (cell + gap), y0 + i * (cell + gap), cell, cell)
            out.append(_rect(c, fill, rx=cell * 0.15))
            out.append(_rect(c.inflate(-cell * 0.3), stroke))
    return "".join(out)


# ---------------------------------------------------------------- tools and modalities

@icon("web-search", (48, 48))
def _web_search(b: Box, fill: str, stroke: str) -> str:
    """A globe with a magnifier over its lower right (searching the web)."""
    g = Box(b.x, b.y, b.w * 0.8, b.h * 0.8)
    lens = min(b.w, b.h) * 0.2
    cx, cy = b.x + b.w * 0.66, b.y + b.h * 0.64
    sw = _sw(b, 0.07)
    handle = f"M{_pts(cx + lens * 0.7, cy + lens * 0.7)}L{_pts(b.right - sw, b.bottom - sw)}"
    return (_globe(g, fill, stroke) + _circle(cx, cy, lens + sw, stroke)
            + _circle(cx, cy, lens, stroke, fill, sw) + _path(handle, None, fill, sw * 1.6, round_=True))


@icon("calculator", (44, 44))
def _calculator(b: Box, fill: str, stroke: str) -> str:
    """Four keys: minus, plus, times, equals."""
    gap = b.w * 0.08
    k = (min(b.w, b.h) - gap) / 2
    sw = k * 0.14
    out = []
    for i, glyph in enumerate(("-", "+", "x", "=")):
        key = Box(b.x + (i % 2) * (k + gap), b.y + (i // 2) * (k + gap), k, k)
        out.append(_rect(key, fill, rx=k * 0.12))
        a = k * 0.26
        cx, cy = key.cx, key.cy
        d = {"-": f"M{_pts(cx - a, cy)}H{fmt(cx + a)}",
             "+": f"M{_pts(cx - a, cy)}H{fmt(cx + a)}M{_pts(cx, cy - a)}V{fmt(cy + a)}",
             "x": f"M{_pts(cx - a * 0.75, cy - a * 0.75)}L{_pts(cx + a * 0.75, cy + a * 0.75)}"
                  f"M{_pts(cx + a * 0.75, cy - a * 0.75)}L{_pts(cx - a * 0.75, cy + a * 0.75)}",
             "=": f"M{_pts(cx - a, cy - a * 0.4)}H{fmt(cx + a)}M{_pts(cx - a, cy + a * 0.4)}H{fmt(cx + a)}"}[glyph]
        out.append(_path(d, None, stroke, sw))
    return "".join(out)


@icon("rain", (48, 40))
def _rain(b: Box, fill: str, stroke: str) -> str:
    """A cloud with drops falling from it (the weather)."""
    w, h = b.w, b.h
    cloud = [_circle(b.x + w * 0.2, b.y + h * 0.4, h * 0.15, fill),
             _circle(b.x + w * 0.48, b.y + h * 0.3, h * 0.26, fill),
             _circle(b.x + w * 0.76, b.y + h * 0.37, h * 0.18, fill),
             _rect(Box(b.x + w * 0.2, b.y + h * 0.3, w * 0.56, h * 0.25), fill)]
    dr = min(w * 0.045, h * 0.05)
    for i, x in enumerate((0.16, 0.38, 0.6, 0.82)):
        for j in range(2 if i % 2 == 0 else 1):
            cx = b.x + w * x
            cy = b.y + h * (0.72 + 0.2 * j) + (h * 0.08 if i % 2 else 0)
            drop = f"M{_pts(cx, cy - dr * 2.2)}L{_pts(cx + dr, cy)}A{_pts(dr, dr)} 0 0 1 {_pts(cx - dr, cy)}Z"
            cloud.append(_path(drop, fill))
    return "".join(cloud)


@icon("multitool", (48, 40))
def _multitool(b: Box, fill: str, stroke: str) -> str:
    """A pocket multitool: a slanted body with a blade, a saw and a
    corkscrew fanned out of it (whatever else a tool may do)."""
    ang = math.radians(-28)
    ca, sa = math.cos(ang), math.sin(ang)
    L, T = 1.0, 0.36                       # body half-length and half-width, in body units
    blade = [(-0.7, -T), (-1.2, -T * 3.4), (-0.9, -T * 3.6), (-0.3, -T)]
    saw = [(-0.1, -T), (-0.05, -T * 3.0), (0.25, -T * 2.5), (0.3, -T)]
    body = [(-L, -T), (L, -T), (L, T), (-L, T)]
    screw = [(0.55, -T), (0.8, -T * 2.6)]
    raw = [(u * ca - v * sa, u * sa + v * ca) for u, v in blade + saw + body + screw]
    x0, y0 = min(p[0] for p in raw), min(p[1] for p in raw)
    k = min(b.w / (max(p[0] for p in raw) - x0), b.h / (max(p[1] for p in raw) - y0)) * 0.94
    ox = b.cx - k * (max(p[0] for p in raw) + x0) / 2
    oy = b.cy - k * (max(p[1] for p in raw) + y0) / 2

    def P(u: float, v: float) -> tuple[float, float]:     # body frame -> page
        return ox + k * (u * ca - v * sa), oy + k * (u * sa + v * ca)
    sw = k * 0.14
    out = [_poly([P(*q) for q in blade], fill), _poly([P(*q) for q in saw], fill),
           _path(f"M{_pts(*P(*screw[0]))}L{_pts(*P(*screw[1]))}", None, fill, sw * 1.3, round_=True),
           _poly([P(*q) for q in body], fill)]
    marks = f"M{_pts(*P(-0.45, 0))}L{_pts(*P(-0.15, 0))}M{_pts(*P(-0.3, -T * 0.45))}L{_pts(*P(-0.3, T * 0.45))}"
    return "".join(out) + _path(marks, None, stroke, sw) + _circle(*P(0.3, 0), T * k * 0.42, None, stroke, sw)


@icon("text", (44, 44))
def _text(b: Box, fill: str, stroke: str) -> str:
    """A plate with a serif capital T (text as a modality)."""
    s = min(b.w, b.h)
    x, y = b.cx - s / 2, b.cy - s / 2

    def P(u: float, v: float) -> tuple[float, float]:
        return x + u * s, y + v * s
    t = [P(0.2, 0.2), P(0.8, 0.2), P(0.8, 0.4), P(0.72, 0.4), P(0.68, 0.32), P(0.58, 0.32), P(0.58, 0.72),
         P(0.66, 0.72), P(0.66, 0.82), P(0.34, 0.82), P(0.34, 0.72), P(0.42, 0.72), P(0.42, 0.32), P(0.32, 0.32),
         P(0.28, 0.4), P(0.2, 0.4)]
    return _rect(Box(x, y, s, s), fill) + _poly(t, stroke)


@icon("image", (48, 40))
def _image(b: Box, fill: str, stroke: str) -> str:
    """A picture: a plate with a sun over two peaks."""
    r = b.h * 0.13
    peaks = [(b.x + b.w * 0.06, b.y + b.h * 0.86), (b.x + b.w * 0.36, b.y + b.h * 0.42),
             (b.x + b.w * 0.52, b.y + b.h * 0.62), (b.x + b.w * 0.7, b.y + b.h * 0.3),
             (b.x + b.w * 0.94, b.y + b.h * 0.86)]
    return (_rect(b, fill, rx=b.w * 0.03) + _poly(peaks, stroke)
            + _circle(b.x + b.w * 0.27, b.y + b.h * 0.26, r, stroke))


@icon("waveform", (44, 40))
def _waveform(b: Box, fill: str, stroke: str) -> str:
    """A sound wave: bars of varying height on a centre line (audio)."""
    heights = (0.3, 0.55, 0.8, 1.0, 0.75, 0.5, 0.7, 0.4)
    n = len(heights)
    sw = b.w / (n * 1.9)
    pitch = (b.w - sw) / (n - 1)
    d = [f"M{_pts(b.x + sw / 2, b.cy)}H{fmt(b.right - sw / 2)}"]
    for i, k in enumerate(heights):
        x = b.x + sw / 2 + i * pitch
        half = (b.h - sw) / 2 * k
        d.append(f"M{_pts(x, b.cy - half)}V{fmt(b.cy + half)}")
    return _path("".join(d), None, fill, sw, round_=True)


@icon("film-reel", (44, 48))
def _film_reel(b: Box, fill: str, stroke: str) -> str:
    """A film reel: a disc with five holes round its hub, the film running
    off its foot (video)."""
    r = min(b.w, b.h / 1.09) / 2
    cx, cy = b.x + r, b.y + r
    sw = r * 0.12
    tail = f"M{_pts(cx, cy + r - sw / 2)}Q{_pts(b.right - sw, cy + r)} {_pts(b.right - sw, b.bottom - sw)}"
    out = [_circle(cx, cy, r, fill), _path(tail, None, fill, sw * 1.4, round_=True),
           _circle(cx, cy, r * 0.18, stroke)]
    for i in range(5):
        hx, hy = _at(cx, cy, r * 0.58, r * 0.58, -90 + 72 * i)
        out.append(_circle(hx, hy, r * 0.17, stroke))
    return "".join(out)


@icon("silu", (48, 36))
def _silu(b: Box, fill: str, stroke: str) -> str:
    """The SiLU curve x·sigmoid(x) over x in [-6, 2]: flat, a shallow dip, then rising."""
    def f(x: float) -> float:
        return x / (1 + math.exp(-x))
    sw = _sw(b, 0.05)
    i = Box(b.x + sw / 2, b.y + sw / 2, b.w - sw, b.h - sw)   # round line ends stay inside the box
    xs = [-6 + 8 * k / 32 for k in range(33)]
    lo, hi = f(-1.28), f(2)                       # the dip's bottom, the last value
    pts = [(i.x + i.w * (x + 6) / 8, i.bottom - i.h * (0.12 + 0.88 * (f(x) - lo) / (hi - lo))) for x in xs]
    d = "M" + "L".join(_pts(x, y) for x, y in pts)
    return _path(d, None, fill, sw, round_=True)


def icon_svg(name: str, box: Box, fill: str | None, stroke: str) -> str:
    return ICONS[name].draw(box, fill, stroke)
