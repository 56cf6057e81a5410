"""Labels: lines of text runs and inline `$math$`, measured and laid out."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .fonts import Fonts, Run
from .errors import SpecError
from .mathtex import MathBox, render_math, theme_colors
from .model import _MATH

# `\textcolor{token}{words}` outside math: words in another theme colour.
_COLORED = re.compile(r"\\textcolor\{([^{}]*)\}\{([^{}]*)\}")

# The em box that CJK glyphs fill: centring on it centres labels visually.
ASCENT, DESCENT = 0.88, 0.20


@dataclass(frozen=True)
class Style:
    size: float
    math_size: float
    color: str            # resolved hex
    family: str = "sans"
    bold: bool = False
    italic: bool = False
    align: str = "center"
    line_gap: float = 1.22


@dataclass
class Piece:
    x: float              # from the block's left
    baseline: float       # from the block's top
    run: Run | None = None
    math: MathBox | None = None
    color: str | None = None     # a run's own colour (hex); the block's when None


@dataclass
class Line:
    text: str
    x: float
    baseline: float
    width: float
    size: float


@dataclass
class Block:
    width: float
    height: float
    color: str
    pieces: list[Piece] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)


def _colored(seg: str, colors) -> list[tuple[str | None, str]]:
    """Split plain text into (colour, words): `\\textcolor{token}{words}`
    takes a theme colour, the rest keeps the label's (None)."""
    out, pos = [], 0
    for m in _COLORED.finditer(seg):
        name = m.group(1).strip()
        if name not in colors:
            raise SpecError(f"colour {name!r} in \\textcolor is not in the theme",
                            fix=f"use a theme colour: {', '.join(sorted(colors))}")
        out += [(None, seg[pos:m.start()]), (colors[name], m.group(2))]
        pos = m.end()
    return out + [(None, seg[pos:])]


def layout_text(fonts: Fonts, text: str, st: Style) -> Block:
    """Lay out a label: lines split on newlines, `$...$` set as math,
    `**...**` set bold, `\\textcolor{token}{...}` in a theme colour."""
    rows = []
    hang = 0.0
    for raw in text.split("\n"):
        items, x = [], 0.0
        # A bullet line ("•  item") sets a hanging indent; a line starting
        # with a tab continues the item under its text.
        if raw.startswith("\t"):
            raw, x = raw[1:], hang
        elif (lead := re.match(r"•\s+", raw)):
            hang = sum(r.width for r in fonts.shape(lead.group(), st.size, st.family, st.bold, st.italic))
        asc, desc = ASCENT * st.size, DESCENT * st.size
        pos = 0
        bold = st.bold
        for m in list(_MATH.finditer(raw)) + [None]:
            seg = raw[pos:m.start()] if m else raw[pos:]
            seg = seg.replace("\\$", "$")
            for color, words in _colored(seg, fonts.colors):
                # `**...**` sets a stretch of a line bold (regular in a bold label).
                for k, part in enumerate(words.split("**")):
                    bold = bold if k == 0 else not bold
                    for run in fonts.shape(part, st.size, st.family, bold, st.italic) if part else ():
                        items.append((x, run, None, color))
                        x += run.width
            if m:
                mb = render_math(theme_colors(m.group(1), fonts.colors), st.math_size, st.color, fonts.face("sans"))
                items.append((x, None, mb, None))
                x += mb.width
                asc, desc = max(asc, mb.ascent), max(desc, mb.descent)
                pos = m.end()
        # The searchable text: words without markup, formulas as their LaTeX.
        plain = "".join(part if k % 2 else _COLORED.sub(lambda mm: mm.group(2), part)
                        for k, part in enumerate(_MATH.split(raw))).replace("**", "")
        rows.append((items, x, asc, desc, plain))
    block = Block(0.0, 0.0, st.color)
    width = max(r[1] for r in rows)
    pitch = st.size * st.line_gap
    base = 0.0
    for i, (items, w, asc, desc, plain) in enumerate(rows):
        if i == 0:
            base = asc
        else:
            base += max(pitch, rows[i - 1][3] + asc + 0.1 * st.size)
        dx = {"center": (width - w) / 2, "left": 0.0, "right": width - w}[st.align]
        for x, run, mb, color in items:
            block.pieces.append(Piece(dx + x, base, run, mb, color))
        block.lines.append(Line(plain, dx, base, w, st.size))
    block.width, block.height = width, base + rows[-1][3]
    return block
