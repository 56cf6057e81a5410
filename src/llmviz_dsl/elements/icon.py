"""Icon: one icon of the house set (icons.py) standing on its own, e.g. the
file-type icons gridded inside a box:

    Grid(rows=[[Icon("word"), Icon("csv"), Icon("pdf")],
               [Icon("py"), Icon("html"), Icon("doc")]], col_gap=10)

`size` is the icon's larger side (its natural size when None); the theme's
[icon] table colours it unless `fill`/`stroke` name other tokens. `rotate`
turns it (degrees, clockwise; negative turns it counter-clockwise) and it
takes the room of its turned box: Icon("scissors", rotate=-45). A Node can
also carry an icon under its label (`Node(..., icon="pdf")`).
"""
from __future__ import annotations

from ..geometry import Box
from ..icons import icon_size
from ..layout import Ctx, Placed, Sized, measures
from ..model import Element, IconName, Token
from ..paint import icon_art, paints
from ..scene import IconArt, rotated_bounds

__all__ = ["Icon"]


class Icon(Element):
    """A standalone icon: Icon("pdf"), Icon("graph", size=60)."""
    _positional = ("name",)
    is_obstacle = True
    is_visible = True
    name: IconName
    size: float | None = None          # the larger side; natural size when None
    fill: Token | None = None          # the icon colour; the theme's when None
    stroke: Token | None = None        # the contrast colour; the theme's when None
    rotate: float = 0.0                # degrees clockwise about its centre

    def describe(self) -> str:
        return f"Icon({self.name!r})"


def _dims(ic: Icon) -> tuple[float, float]:
    w, h = icon_size(ic.name)
    k = (ic.size / max(w, h)) if ic.size else 1.0
    return w * k, h * k


@measures(Icon)
def _icon_size(ctx: Ctx, ic: Icon) -> Sized:
    b = rotated_bounds(Box(0, 0, *_dims(ic)), ic.rotate)
    return Sized(ic, b.w, b.h)


@paints(Icon)
def _icon_paint(ctx: Ctx, p: Placed, out: list) -> None:
    ic: Icon = p.el
    w, h = _dims(ic)
    turned = rotated_bounds(Box(p.box.x, p.box.y, w, h), ic.rotate)     # same centre, turned footprint
    box = Box(p.box.x, p.box.y, w, h).moved(p.box.x - turned.x, p.box.y - turned.y)
    art = icon_art(ctx, ic.name, box, ic.rotate)
    if ic.fill or ic.stroke:
        art = IconArt(art.name, art.box, ctx.color(ic.fill, ic, "fill") if ic.fill else art.fill,
                      ctx.color(ic.stroke, ic, "stroke") if ic.stroke else art.stroke, art.rotate)
    out.append(art)
