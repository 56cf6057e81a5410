"""Fonts: HarfBuzz shaping and glyph outlines from the same font files.

Text is measured and drawn with the same shaper, so boxes fit their labels on
every machine; the SVG carries glyph outlines (no system fonts involved).
"""
from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

import uharfbuzz as hb

from .errors import SpecError
from .theme import Theme

# Style -> (theme font, variable weight, synthetic bold, synthetic slant).
# The sans face is variable (weight axis); the serif has one weight, so its
# bold is emboldened outlines; italic is a synthetic slant.
_STYLES = {
    ("sans", False, False): ("sans", 400, 0.0, 0.0),
    ("sans", True, False): ("sans", 700, 0.0, 0.0),
    ("sans", False, True): ("sans", 400, 0.0, 0.2),
    ("sans", True, True): ("sans", 700, 0.0, 0.2),
    ("serif", False, False): ("serif", None, 0.0, 0.0),
    ("serif", True, False): ("serif", None, 0.03, 0.0),
    ("serif", False, True): ("serif", None, 0.0, 0.2),
    ("serif", True, True): ("serif", None, 0.03, 0.2),
    ("math", False, False): ("math", None, 0.0, 0.0),
}


@functools.lru_cache(maxsize=None)
def _blob(path: str) -> hb.Blob:
    return hb.Blob.from_file_path(path)


class _Pen:
    """fontTools-style pen writing compact SVG path data (font units, y up)."""

    def __init__(self) -> None:
        self.d: list[str] = []

    @staticmethod
    def _p(pt) -> str:
        return f"{_n(pt[0])} {_n(pt[1])}"

    def moveTo(self, p):
        self.d.append("M" + self._p(p))

    def lineTo(self, p):
        self.d.append("L" + self._p(p))

    def curveTo(self, *pts):
        self.d.append("C" + " ".join(self._p(p) for p in pts))

    def qCurveTo(self, *pts):
        self.d.append("Q" + " ".join(self._p(p) for p in pts))

    def closePath(self):
        self.d.append("Z")

    def endPath(self):
        pass


def _n(v: float) -> str:
    r = round(v, 1)
    return str(int(r)) if r == int(r) else f"{r:.1f}"


@dataclass(frozen=True)
class Glyph:
    gid: int
    x: float      # pen position, font units from the run start
    y: float


class Face:
    def __init__(self, key: str, path: str, index: int, wght: int | None,
                 bold: float, slant: float) -> None:
        self.key = key
        self.face = hb.Face(_blob(path), index)
        self.font = hb.Font(self.face)
        self.upem = self.face.upem
        if wght is not None:
            self.font.set_variations({"wght": wght})
        if bold:
            self.font.synthetic_bold = (bold, bold, False)
        if slant:
            self.font.synthetic_slant = slant
        ext = self.font.get_font_extents("ltr")
        self.ascender = ext.ascender / self.upem
        self.descender = -ext.descender / self.upem
        self._paths: dict[int, str] = {}

    def has(self, ch: str) -> bool:
        return self.font.get_nominal_glyph(ord(ch)) is not None

    def shape(self, text: str) -> tuple[list[Glyph], float]:
        """Glyphs with pen positions and the advance, in font units."""
        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        hb.shape(self.font, buf, {"kern": True, "liga": True})
        out, x = [], 0
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions):
            out.append(Glyph(info.codepoint, x + pos.x_offset, pos.y_offset))
            x += pos.x_advance
        return out, float(x)

    def path(self, gid: int) -> str:
        d = self._paths.get(gid)
        if d is None:
            pen = _Pen()
            self.font.draw_glyph_with_pen(gid, pen)
            d = self._paths[gid] = "".join(pen.d)
        return d


@dataclass(frozen=True)
class Run:
    """A shaped piece of text in one face: draw at (x, baseline)."""
    face: Face
    glyphs: tuple[Glyph, ...]
    size: float
    width: float          # px
    text: str


class Fonts:
    """The faces of one theme, with fallback between them per character."""

    def __init__(self, theme: Theme) -> None:
        self._theme = theme
        self._faces: dict[tuple, Face] = {}

    @property
    def colors(self) -> dict[str, str]:
        """The theme's colour tokens (LaTeX in labels names them)."""
        return self._theme.colors

    def face(self, family: str, bold: bool = False, italic: bool = False) -> Face:
        k = (family, bold, italic)
        if k not in self._faces:
            fam, wght, emb, slant = _STYLES.get(k, _STYLES[(family, False, False)])
            ref = self._theme.fonts[fam]
            # One letter per family (sans, seRif, math) and style: glyph ids
            # in the SVG are content-derived from it, so it must be unique.
            key = {"sans": "s", "serif": "r", "math": "m"}[fam] + ("b" if bold else "") + ("i" if italic else "")
            self._faces[k] = Face(key, ref.path(), ref.face, wght, emb, slant)
        return self._faces[k]

    def shape(self, text: str, size: float, family: str = "sans",
              bold: bool = False, italic: bool = False) -> list[Run]:
        """Shape `text`, splitting it where a character is missing from the
        face and a fallback face (sans, then math) has it."""
        chain = [self.face(family, bold, italic)]
        for fb in ("sans", "math"):
            f = self.face(fb, bold if fb == "sans" else False, italic if fb == "sans" else False)
            if f not in chain:
                chain.append(f)
        pieces: list[tuple[Face, str]] = []
        for ch in text:
            face = next((f for f in chain if f.has(ch)), None)
            if face is None:
                if unicodedata.category(ch) in ("Cf", "Cc"):
                    continue      # invisible format/control characters (ZWJ, direction marks)
                raise SpecError(f"no font of the theme has a glyph for {ch!r} (U+{ord(ch):04X})",
                                fix="the fonts cover Chinese, Latin, Greek, Cyrillic and math: remove the character, "
                                    "or draw an icon instead of an emoji")
            if pieces and pieces[-1][0] is face:
                pieces[-1] = (face, pieces[-1][1] + ch)
            else:
                pieces.append((face, ch))
        runs = []
        for face, s in pieces:
            glyphs, adv = face.shape(s)
            runs.append(Run(face, tuple(glyphs), size, adv * size / face.upem, s))
        return runs

    def width(self, text: str, size: float, family: str = "sans", bold: bool = False,
              italic: bool = False) -> float:
        return sum(r.width for r in self.shape(text, size, family, bold, italic))

    def metrics(self, size: float, family: str = "sans") -> tuple[float, float]:
        f = self.face(family)
        return f.ascender * size, f.descender * size


_BY_THEME: dict[str, Fonts] = {}


def fonts_for(theme: Theme) -> Fonts:
    if theme.name not in _BY_THEME:
        _BY_THEME[theme.name] = Fonts(theme)
    return _BY_THEME[theme.name]
