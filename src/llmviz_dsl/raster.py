"""SVG -> PNG with resvg (in-process, no browser, no system fonts: every
glyph is already an outline)."""
from __future__ import annotations

import functools

SCALE = 2.0   # like the originals' large PNGs


@functools.lru_cache(maxsize=1)
def _db():
    import svg2png_py
    return svg2png_py.FontDatabase()   # empty on purpose: the SVG needs no fonts


def to_png(svg: bytes) -> bytes:
    """Render an SVG at its intrinsic size (see svg.to_svg's `scale`)."""
    import svg2png_py
    return svg2png_py.svg_to_png(svg.decode("utf-8"), _db(), bg_color=(255, 255, 255, 255))
