"""LaTeX math to vector paths (ziamath, STIX Two Math), cached per formula."""
from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from types import SimpleNamespace
from typing import TYPE_CHECKING, Mapping

import ziamath as zm
from ziafont.fonttypes import BBox
from ziafont.glyph import SimpleGlyph, fmt
from ziamath.mathfont import MathFont

from .errors import SpecError

if TYPE_CHECKING:
    from .fonts import Face

zm.config.precision = 2   # fixed number formatting: stable bytes
# Rows of `aligned` (and matrices) a little apart, like LaTeX's \jot over
# its line spacing; latex2mathml asks for 3pt, which packs rows bbox to bbox.
ROW_GAP = "0.5em"


@dataclass(frozen=True)
class MathBox:
    latex: str
    width: float
    ascent: float        # above the baseline
    descent: float       # below the baseline
    body: str            # SVG elements drawn with the baseline at y=0, x=0
    symbols: tuple[tuple[str, str], ...]   # (id, <symbol> markup) to put in <defs>


def _known_commands(latex: str, mathml: str) -> None:
    """latex2mathml passes an unknown command through as text (ziamath would
    draw `\\frc` literally): refuse it instead."""
    bad = re.search(r">(\\[A-Za-z]+)<", mathml)
    if bad:
        raise SpecError(f"LaTeX ${latex}$ does not parse: unknown command {bad.group(1)}",
                        fix="check the command's spelling; ziamath supports the usual LaTeX math commands")


# latex2mathml passes a delimiter named by a command after \big..\Bigg
# through as its name (`\Big\{` would draw "\{"): the characters they stand for.
_SIZED = {"\\{": "{", "\\}": "}", "\\lbrace": "{", "\\rbrace": "}", "\\langle": "\u27e8",
          "\\rangle": "\u27e9", "\\vert": "|", "\\lvert": "|", "\\rvert": "|", "\\|": "\u2016"}


def _mathml(latex: str) -> str:
    mml = zm.tex.tex2mml(latex).replace('rowspacing="3pt"', f'rowspacing="{ROW_GAP}"')
    mml = re.sub(r'(<mo [^>]*maxsize="[^"]*">)(\\[A-Za-z]+|\\[{}|])</mo>',
                 lambda m: m.group(1) + _SIZED.get(m.group(2), m.group(2)) + "</mo>", mml)
    _known_commands(latex, mml)
    return mml


_COLOR = re.compile(r"\\(color|textcolor)\s*\{([^{}]*)\}(\s*\{)?")


def theme_colors(latex: str, colors: Mapping[str, str]) -> str:
    """Colours in LaTeX are theme tokens: `\\textcolor{loss}{x}` and
    `\\color{loss}{x}` colour their argument (as MathJax reads `\\color`), a
    bare `\\color{loss}` the rest of its group (as LaTeX does). Tokens become
    the theme's hex; anything else is refused."""
    def hexed(m: re.Match) -> str:
        name = m.group(2).strip()
        if name not in colors:
            hint = ("colours are theme tokens, not hex values" if name.startswith("#") else
                    f"write \\color{{token}}{{...}} with a theme colour: {', '.join(sorted(colors))}")
            raise SpecError(f"colour {name!r} in ${latex}$ is not in the theme", fix=hint)
        arg = m.group(3)
        cmd = "textcolor" if arg or m.group(1) == "textcolor" else "color"
        return f"\\{cmd}{{{colors[name]}}}" + (arg or "")
    return _COLOR.sub(hexed, latex)


class _TextGlyph(SimpleGlyph):
    """A glyph of the text face drawn inside a formula, for characters STIX
    Two Math lacks (CJK in `\\text{...}`). Its index stays 0, the index of the
    missing glyph it replaces, so the math tables (kerning, italic correction,
    script variants) leave it alone."""

    def __init__(self, face: "Face", gid: int, font: SimpleNamespace) -> None:
        e = face.font.get_glyph_extents(gid)
        super().__init__(0, [], BBox(e.x_bearing, e.x_bearing + e.width, e.y_bearing + e.height, e.y_bearing),
                         font)
        self.id = f"{font.info.key}_{gid}"
        self._face, self._gid = face, gid
        self._advance = face.font.get_glyph_h_advance(gid)

    def advance(self, nextchr=None) -> int:
        return self._advance

    def svgpath(self, x0: float = 0, y0: float = 0, scale_factor: float = 1) -> ET.Element | None:
        k = self.funits_to_points(1, scale_factor)
        d: list[str] = []
        pt = lambda p: f"{fmt(x0 + p[0] * k)} {fmt(y0 - p[1] * k)}"  # noqa: E731
        pen = SimpleNamespace(moveTo=lambda p: d.append("M" + pt(p)), lineTo=lambda p: d.append("L" + pt(p)),
                              qCurveTo=lambda *ps: d.append("Q" + " ".join(map(pt, ps))),
                              curveTo=lambda *ps: d.append("C" + " ".join(map(pt, ps))),
                              closePath=lambda: d.append("Z"), endPath=lambda: None)
        self._face.font.draw_glyph_with_pen(self._gid, pen)
        return ET.Element("path", {"d": "".join(d)}) if d else None


class _MathFont(MathFont):
    """STIX Two Math, falling back to the theme's text face for what it lacks."""

    def __init__(self, face: "Face") -> None:
        super().__init__(zm.zmath.loadedfonts["default"].fname, 24)
        self._face = face
        ext = face.font.get_font_extents("ltr")
        layout = SimpleNamespace(unitsperem=face.upem, ymax=ext.ascender, ymin=ext.descender)
        # What ziafont reads of a glyph's font: its size, extent and name.
        self._stub = SimpleNamespace(info=SimpleNamespace(key=f"zt{face.key}", filename=face.key, layout=layout),
                                     cmap=None)
        self._fallback: dict[str, _TextGlyph] = {}

    def findglyph(self, char, variant):
        glyph = super().findglyph(char, variant)
        if glyph.index == 0 and char.strip() and self._face.has(char):
            if char not in self._fallback:
                gid = self._face.font.get_nominal_glyph(ord(char))
                self._fallback[char] = _TextGlyph(self._face, gid, self._stub)
            return self._fallback[char]
        return glyph


def _font_key(face: "Face | None") -> str | None:
    """The ziamath font name for formulas with `face` as their text fallback."""
    if face is None:
        return None
    key = f"llmviz-{id(face)}"
    if key not in zm.zmath.loadedfonts:
        zm.zmath.loadedfonts[key] = _MathFont(face)
    return key


@functools.lru_cache(maxsize=4096)
def render_math(latex: str, size: float, color: str = "#000000", text_face: "Face | None" = None) -> MathBox:
    """`latex` with theme colours already resolved (see theme_colors);
    characters the math font lacks are drawn from `text_face`."""
    try:
        mml = ET.fromstring(_mathml(latex))
        mml.attrib["mathcolor"] = color
        m = zm.Math(mml, size=size, font=_font_key(text_face))
        root = ET.Element("g")
        m.drawon(root, 0, 0, valign="base")
        bb = m.node.bbox
    except SpecError:
        raise
    except Exception as e:  # ziamath raises many types on bad input
        msg = str(e) or type(e).__name__
        raise SpecError(f"LaTeX ${latex}$ does not parse: {msg}",
                        fix="check braces and command names; test it with ziamath.Latex") from None
    symbols: dict[str, str] = {}
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag == "symbol":
                symbols.setdefault(child.get("id"), ET.tostring(child, encoding="unicode").replace(" />", "/>"))
                parent.remove(child)
    body = "".join(ET.tostring(c, encoding="unicode") for c in root).replace(" />", "/>")
    return MathBox(latex, round(bb.xmax, 2), round(bb.ymax, 2), round(-bb.ymin, 2), body,
                   tuple(sorted(symbols.items())))
