"""Wedge: a panel that explains one box opens into a triangle whose tip
touches that box (a zoom-in callout), as one outline with the panel:

    overlays=[Wedge("chain", "answer", base_at=0.7)]

The base sits on the panel's side facing the box, centred `base_at` of the
way along it (0: top/left end, 1: bottom/right end), `base` units long; the
tip meets the middle of the box's facing side. Fill and outline are the
panel's own (or `fill=`/`stroke=`), so the wedge reads as part of it.
"""
from __future__ import annotations

from pydantic import Field

from ..errors import SpecError
from ..layout import Ctx
from ..model import Element, Panel, Token
from ..paint import paints_overlay
from ..scene import Paint, Path, Poly
from ..geometry import fmt

__all__ = ["Wedge"]


class Wedge(Element):
    """Wedge("chain", "answer"): panel `chain` points at box `answer`."""
    _positional = ("panel", "to")
    is_overlay = True
    panel: str
    to: str
    base: float = Field(150, gt=0)                # length of the base on the panel's side
    base_at: float = Field(0.5, ge=0, le=1)       # where its centre sits along that side
    fill: Token | None = None                     # the panel's fill when None
    stroke: Token | None = None                   # the panel's outline when None

    @property
    def members(self) -> list[str]:               # the ids it names (checked like a Region's)
        return [self.panel, self.to]

    def describe(self) -> str:
        return f"Wedge({self.panel!r} -> {self.to!r})"


def wedge_points(panel, box, base: float, base_at: float, inset: float):
    """(base start, tip, base end) and the side of `panel` facing `box`; the
    base is pushed `inset` into the panel so the fill covers its outline there."""
    gaps = {"left": panel.x - box.right, "right": box.x - panel.right,
            "top": panel.y - box.bottom, "bottom": box.y - panel.bottom}
    side = max(gaps, key=gaps.get)
    if side in ("left", "right"):
        c = panel.y + base_at * panel.h
        c = min(max(c, panel.y + base / 2), panel.bottom - base / 2)
        x = panel.x + inset if side == "left" else panel.right - inset
        tip = (box.right if side == "left" else box.x, box.cy)
        return ((x, c - base / 2), tip, (x, c + base / 2)), side
    c = panel.x + base_at * panel.w
    c = min(max(c, panel.x + base / 2), panel.right - base / 2)
    y = panel.y + inset if side == "top" else panel.bottom - inset
    tip = (box.cx, box.bottom if side == "top" else box.y)
    return ((c - base / 2, y), tip, (c + base / 2, y)), side


@paints_overlay(Wedge)
def _paint_wedge(ctx: Ctx, w: Wedge, index: dict, out: list) -> None:
    pn, target = index[w.panel], index[w.to]
    if not isinstance(pn.el, Panel):
        raise SpecError(f"{w.describe()}: {w.panel!r} is a {type(pn.el).__name__}, not a Panel",
                        source=w.loc, element=w.describe(), fix="name the Panel that explains the box first")
    p: Panel = pn.el
    sw = p.stroke_width or ctx.theme.stroke["hairline"]
    fill, stroke = w.fill or p.fill, w.stroke or p.stroke
    (a, tip, b), _ = wedge_points(pn.box, target.shape, w.base, w.base_at, sw)
    if fill:
        out.append(Poly([a, tip, b], Paint(ctx.color(fill, w, "fill")), closed=True))
    if stroke:
        d = f"M{fmt(a[0])} {fmt(a[1])}L{fmt(tip[0])} {fmt(tip[1])}L{fmt(b[0])} {fmt(b[1])}"
        out.append(Path(d, Paint(None, ctx.color(stroke, w, "stroke"), sw)))
