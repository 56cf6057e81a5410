"""Legends: a titled rounded panel of keys, each a swatch and its label.

    Legend(Key(POOL, ("：采样候选池", "：Candidate")),
           Key(Look(fill="model"), ("：采样结果", "：Sampling result")),
           Key(Look(hatch="grey", stroke="grey"), ("：被剔除Token", "：Tokens ignored")),
           title=("说明", ""))

A `Look` says how a swatch is filled (flat, hatched, outlined); bar charts use
the same looks for their bars, so a legend and its chart share them. A key's
swatch is a box, a rounded box, a circle, a line sample or an icon; with
`chips=True` the label is written inside its swatch instead (a colour key).
An empty title in one language (`("说明", "")`) leaves that language untitled.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..geometry import Box
from ..icons import icon_size
from ..layout import Ctx, Placed, Sized, measures
from ..model import Dash, Element, IconName, Label, Token
from ..paint import icon_art, paints
from ..scene import Ellipse, Hatch, Paint, Poly, Rect, TextArt

__all__ = ["Key", "Legend", "Look"]


class Look(BaseModel):
    """How a swatch or a bar is drawn: a fill, an outline, hatching over the
    fill, and the colour of text that goes with it (a bar's token label)."""
    model_config = ConfigDict(extra="forbid", frozen=True)
    fill: Token | None = "white"
    stroke: Token | None = None
    stroke_width: float = 1.0
    dash: Dash = "solid"
    hatch: Token | None = None          # lines of this colour over `fill` (the background)
    hatch_angle: float = 45             # degrees; 45 rises to the right
    hatch_spacing: float = 8.5
    hatch_width: float = 3.5
    color: Token = "text"


def look_paint(ctx: Ctx, el: Element, look: Look) -> Paint:
    """The scene paint of a look; its colour tokens are checked here."""
    fill: Any = ctx.color(look.fill, el, "fill") if look.fill else None
    if look.hatch:
        fill = Hatch(ctx.color(look.hatch, el, "hatch"), fill, look.hatch_angle, look.hatch_spacing,
                     look.hatch_width)
    stroke = ctx.color(look.stroke, el, "stroke") if look.stroke else None
    dash = ctx.theme.dash(look.dash, look.stroke_width) if stroke else None
    return Paint(fill, stroke, look.stroke_width, dash)


class Key(BaseModel):
    """One legend row: Key(look, label). `shape` is the swatch: box, round,
    circle, line (a stroke sample) or icon (`icon=` names it)."""
    model_config = ConfigDict(extra="forbid", frozen=True)
    look: Look = Look(stroke="grey")
    label: Label
    shape: Literal["box", "round", "circle", "line", "icon"] = "box"
    icon: IconName | None = None

    def __init__(self, *args: Any, **kw: Any) -> None:
        if len(args) > 2:
            raise TypeError("Key takes at most 2 positional arguments (look, label)")
        for name, value in zip(("look", "label"), args):
            kw[name] = value
        super().__init__(**kw)

    @model_validator(mode="after")
    def _icon_named(self) -> "Key":
        if self.shape == "icon" and not self.icon:
            raise ValueError("a key with shape='icon' names its icon: icon=\"lock\"")
        return self


class Legend(Element):
    """A rounded panel with an optional title over rows (or one row) of keys."""
    is_obstacle = True
    is_visible = True
    keys: list[Key] = Field(min_length=1)
    title: Label | None = None
    title_size: float = 29
    title_bold: bool = True
    size: float = 27                   # key labels
    label_color: Token = "text"
    direction: Literal["column", "row"] = "column"
    swatch: float = 50                 # side of a swatch
    gap: float = 19                    # between keys (4.4 times that between keys in a row)
    label_gap: float = 14              # swatch to its label
    chips: bool = False                # label inside its swatch (all chips one width)
    fill: Token | None = "band"
    stroke: Token | None = "black"
    stroke_width: float = 0.67
    radius: float = 16
    padding: float = 21

    def __init__(self, *keys: Any, **kw: Any) -> None:
        if keys:
            kw["keys"] = list(keys)
        super().__init__(**kw)


@measures(Legend)
def _legend_size(ctx: Ctx, lg: Legend) -> Sized:
    """Key positions relative to the panel's top-left, kept in `extra`."""
    pad, sw = lg.padding, lg.swatch
    title = None
    if lg.title is not None and lg.title.get(ctx.lang):
        title = ctx.text(lg.title, lg, lg.title_size, bold=lg.title_bold)
    labels = [ctx.text(k.label, lg, lg.size, lg.label_color) for k in lg.keys]
    if lg.chips:
        cw = max(b.width for b in labels) + 2 * ctx.theme.text["pad_x"]
        sizes = [(cw, max(sw, b.height + 8)) for b in labels]
        cols = [0.0] * len(labels)
    else:
        # In a column the swatches share one column, so the labels line up.
        cols = [_swatch_w(k, sw) for k in lg.keys]
        if lg.direction == "column":
            cols = [max(cols)] * len(cols)
        sizes = [(c + lg.label_gap + b.width, max(sw, b.height)) for c, b in zip(cols, labels)]
    rows = []
    top = pad * 0.6 + (title.height + lg.gap if title else 0.0)
    if lg.direction == "column":
        y = top
        for (w, h) in sizes:
            rows.append((pad, y, w, h))
            y += h + lg.gap
        inner_w = max(w for w, _ in sizes)
        H = y - lg.gap + pad
    else:
        x, h = pad, max(h for _, h in sizes)
        for (w, _) in sizes:
            rows.append((x, top, w, h))
            x += w + lg.gap * 4.4
        inner_w = x - lg.gap * 4.4 - pad
        H = top + h + pad
    W = max(inner_w, title.width if title else 0.0) + 2 * pad
    if title and title.width > inner_w:      # centre the keys under a wide title
        rows = [(x + (title.width - inner_w) / 2, y, w, h) for x, y, w, h in rows]
    return Sized(lg, W, H, text=title, extra={"rows": rows, "labels": labels, "cols": cols})


def _swatch_w(k: Key, side: float) -> float:
    if k.shape == "icon":
        iw, ih = icon_size(k.icon)
        return iw * side / ih          # the icon scaled to the swatch height
    return side


@paints(Legend)
def _legend_paint(ctx: Ctx, p: Placed, out: list) -> None:
    lg: Legend = p.el
    b = p.box
    stroke = ctx.color(lg.stroke, lg, "stroke") if lg.stroke else None
    if lg.fill or stroke:
        out.append(Rect(b, lg.radius, Paint(ctx.color(lg.fill, lg, "fill") if lg.fill else None, stroke,
                                            lg.stroke_width)))
    if p.text:
        out.append(TextArt(p.text, b.cx - p.text.width / 2, b.y + lg.padding * 0.6))
    for k, (x, y, w, h), blk, col in zip(lg.keys, p.extra["rows"], p.extra["labels"], p.extra["cols"]):
        x, y = b.x + x, b.y + y
        if lg.chips:
            out.append(Rect(Box(x, y, w, h), 0.0, look_paint(ctx, lg, k.look)))
            out.append(TextArt(blk, x + (w - blk.width) / 2, y + (h - blk.height) / 2))
            continue
        sw = _swatch_w(k, lg.swatch)
        out.extend(swatch(ctx, lg, k, Box(x + (col - sw) / 2, y + (h - lg.swatch) / 2, sw, lg.swatch)))
        out.append(TextArt(blk, x + col + lg.label_gap, y + (h - blk.height) / 2))


def swatch(ctx: Ctx, el: Element, k: Key, box: Box) -> list:
    """The primitives of one key's swatch in `box`."""
    pt = look_paint(ctx, el, k.look)
    if k.shape == "circle":
        r = min(box.w, box.h) / 2
        return [Ellipse(box.cx, box.cy, r, r, pt)]
    if k.shape == "line":
        return [Poly([(box.x, box.cy), (box.right, box.cy)], Paint(None, pt.stroke, pt.width, pt.dash))]
    if k.shape == "icon":
        return [icon_art(ctx, k.icon, box)]
    return [Rect(box, 0.2 * box.h if k.shape == "round" else 0.0, pt)]
