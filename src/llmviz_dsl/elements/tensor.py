"""Tensor: a Cells grid with its axes named, and Zoom: the two lines that
tie a small box to the panel showing it enlarged.

    Tensor(id="h", rows=[[E] * 4] * 3, fill="white", sep="black",
           rows_dim=same("seq_len"), cols_dim=same("hid_size"), name=same("Wo"))
    overlays=[Zoom("mha", "mha_panel", color="brown", style="dashed")]
    Column(Dim(same("seq_len")), Row(head1, head2, head3))   # an axis across a group
    Tensor(..., col_notes=[same("padding"), None, same("end")])


A dimension is a thin arrow along one side of the grid (rows: down its left
or right, cols: rightwards under or over it) broken by its name; it takes
layout room (on both sides, so the grid stays centred in its box; on its own
side only with `centred=False`, e.g. in a tight row of tensors),
while edges end on the grid itself. `name` sits in the first
cell at the grid's own size (a weight's name, e.g. Wq), not shrunk into it.

`col_notes` names columns from above, each note with a thin arrow down to
its column; a note that would touch the one before it stands a line higher.
A Dim is such an axis on its own, spanning the Column it stands in (e.g.
across a row of tensors).

A Zoom joins the corners of the box's side that faces the panel to the
corners of the panel's facing side (dotted by default, an arrow head at the
panel end with `head=True`), so the panel reads as the box drawn large.
"""
from __future__ import annotations

from typing import Literal

from ..geometry import Box, fmt
from ..layout import Ctx, Placed, Sized, measures
from ..model import Cells, Dash, Element, Label, Rule, Token
from ..paint import paint_cells, paints, paints_overlay
from ..scene import Paint, Path, TextArt
from ..shapes import arrow_head
from ..layout import _cells_size
from ..scene import Poly

__all__ = ["Dim", "Tensor", "Zoom"]

GAP = 6          # grid to dimension arrow, arrow to its text
NOTE_ARROW = 26  # the shortest arrow from a column note down to its column


class Tensor(Cells):
    """Cells with named axes: `rows_dim` down one side, `cols_dim` along another."""
    fill: Token = "white"
    sep: Token = "black"
    rows_dim: Label | None = None
    cols_dim: Label | None = None
    rows_dim_at: Literal["left", "right"] = "left"
    cols_dim_at: Literal["bottom", "top"] = "bottom"
    dim_color: Token = "tan"
    dim_size: float = 16
    name: Label | None = None          # in the first cell, e.g. a weight's name
    name_color: Token = "cobalt"
    name_size: float = 16
    centred: bool = True               # the axes' room on both sides (False: on their own side only)
    col_notes: list[Label | None] | None = None   # over the columns, an arrow down to each


def _dim_room(ctx: Ctx, t: Tensor) -> tuple[float, float]:
    """Room across the rows arrow (its text's width) and the cols arrow (its height)."""
    rw = ctx.text(t.rows_dim, t, t.dim_size, t.dim_color).width + GAP if t.rows_dim else 0.0
    ch = ctx.text(t.cols_dim, t, t.dim_size, t.dim_color).height + GAP if t.cols_dim else 0.0
    return rw, ch


def _col_notes(ctx: Ctx, t: Tensor, widths: list[float]) -> list[tuple[int, object, float, int]]:
    """(column, text block, column centre, level) per note: each on the
    lowest line where it keeps clear of the notes already placed there."""
    out, taken = [], []                  # taken: (level, left, right)
    x = 0.0
    for j, w in enumerate(widths):
        lab = t.col_notes[j] if j < len(t.col_notes) else None
        if lab and lab.get(ctx.lang):
            blk = ctx.text(lab, t, t.dim_size, t.dim_color)
            lo, hi = x + w / 2 - blk.width / 2, x + w / 2 + blk.width / 2
            level = 0
            while any(lv == level and lo < r + GAP and hi > l - GAP for lv, l, r in taken):
                level += 1
            taken.append((level, lo, hi))
            out.append((j, blk, x + w / 2, level))
        x += w
    return out


@measures(Tensor)
def _tensor_size(ctx: Ctx, t: Tensor) -> Sized:
    grid = _cells_size(ctx, t)
    rw, ch = _dim_room(ctx, t)
    # Each arrow's room on both sides keeps the grid centred in its box, so a
    # tensor lines up with the boxes beside, above and below it.
    k = 2 if t.centred else 1
    dx = rw if t.centred or t.rows_dim_at == "left" else 0.0
    dy = ch if t.centred or t.cols_dim_at == "top" else 0.0
    notes = _col_notes(ctx, t, grid.extra["widths"]) if t.col_notes else []
    nh = max((NOTE_ARROW + (lv + 1) * blk.height + 4 for _, blk, _, lv in notes), default=0.0)
    if nh and t.cols_dim_at == "top":
        nh = max(0.0, nh - ch)           # the notes stand over the top axis, not on it
    # Room for an end note wider than its column.
    lo = max([0.0] + [blk.width / 2 - cx - dx for _, blk, cx, _ in notes])
    hi = max([0.0] + [cx + blk.width / 2 - grid.w - (k * rw - dx) for _, blk, cx, _ in notes])
    return Sized(t, grid.w + k * rw + lo + hi, grid.h + k * ch + nh, shape_h=grid.h,
                 extra={**grid.extra, "box_w": grid.w, "shape_off": (dx + lo, dy + nh)})


def _broken_arrow(ctx: Ctx, t: Tensor | Dim, a, b, blk, out: list) -> None:
    """An arrow from a to b with its text centred on it, the line broken there."""
    col = ctx.color(t.dim_color, t, "dim_color")
    w = ctx.theme.stroke["hairline"]
    cx, cy = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    vertical = a[0] == b[0]
    half = (blk.height if vertical else blk.width) / 2 + 3
    if (abs(b[1] - a[1]) if vertical else abs(b[0] - a[0])) / 2 > half + 4:
        stop = (cx, cy - half) if vertical else (cx - half, cy)
        start = (cx, cy + half) if vertical else (cx + half, cy)
        head, end = arrow_head(b, start, ctx.theme.arrow["length"] * 0.8)
        out.append(Poly([a, stop], Paint(None, col, w)))
        out.append(Poly([start, end], Paint(None, col, w)))
        out.append(Poly(head, Paint(col), True))
    out.append(TextArt(blk, cx - blk.width / 2, cy - blk.height / 2))


@paints(Tensor)
def _paint_tensor(ctx: Ctx, p: Placed, out: list) -> None:
    t: Tensor = p.el
    g = p.shape
    paint_cells(ctx, Placed(t, g, g, [], extra=p.extra), out)
    if t.name:
        blk = ctx.text(t.name, t, t.name_size, t.name_color)
        out.append(TextArt(blk, g.x + 4, g.y + (t.cell_height - blk.height) / 2))
    if t.rows_dim:
        blk = ctx.text(t.rows_dim, t, t.dim_size, t.dim_color)
        x = g.x - GAP - blk.width / 2 if t.rows_dim_at == "left" else g.right + GAP + blk.width / 2
        _broken_arrow(ctx, t, (x, g.y), (x, g.bottom), blk, out)
    if t.cols_dim:
        blk = ctx.text(t.cols_dim, t, t.dim_size, t.dim_color)
        y = g.bottom + GAP + blk.height / 2 if t.cols_dim_at == "bottom" else g.y - GAP - blk.height / 2
        _broken_arrow(ctx, t, (g.x, y), (g.right, y), blk, out)
    if t.col_notes:
        col = ctx.color(t.dim_color, t, "dim_color")
        w = ctx.theme.stroke["hairline"]
        foot = g.y - (_dim_room(ctx, t)[1] if t.cols_dim and t.cols_dim_at == "top" else 0.0) - 2
        for _, blk, cx, lv in _col_notes(ctx, t, p.extra["widths"]):
            x = g.x + cx
            top = foot - NOTE_ARROW - lv * blk.height
            head, end = arrow_head((x, foot), (x, top), ctx.theme.arrow["length"] * 0.8)
            out.append(Poly([(x, top), end], Paint(None, col, w)))
            out.append(Poly(head, Paint(col), True))
            out.append(TextArt(blk, x - blk.width / 2, top - blk.height - 2))


class Dim(Rule):
    """An axis across the Column it stands in: a thin arrow to the right,
    broken by its name (a Tensor's cols_dim for a group of tensors)."""
    _positional = ("label",)
    label: Label
    dim_color: Token = "tan"
    dim_size: float = 16


@measures(Dim)
def _dim_size(ctx: Ctx, d: Dim) -> Sized:
    return Sized(d, 0.0, ctx.text(d.label, d, d.dim_size, d.dim_color).height)


@paints(Dim)
def _paint_dim(ctx: Ctx, p: Placed, out: list) -> None:
    d: Dim = p.el
    blk = ctx.text(d.label, d, d.dim_size, d.dim_color)
    _broken_arrow(ctx, d, (p.box.x, p.box.cy), (p.box.right, p.box.cy), blk, out)


class Zoom(Element):
    """Zoom("mha", "mha_panel"): box `mha` shown enlarged in panel `mha_panel`."""
    _positional = ("src", "panel")
    is_overlay = True
    src: str
    panel: str
    color: Token = "grey"
    style: Dash = "dotted"
    head: bool = False                 # an arrow head where each line meets the panel

    @property
    def members(self) -> list[str]:
        return [self.src, self.panel]

    def describe(self) -> str:
        return f"Zoom({self.src!r} -> {self.panel!r})"


def zoom_lines(box: Box, panel: Box):
    """Two segments joining the sides of `box` and `panel` that face each other,
    corner to corresponding corner."""
    gaps = {"left": box.x - panel.right, "right": panel.x - box.right,
            "top": box.y - panel.bottom, "bottom": panel.y - box.bottom}
    side = max(gaps, key=gaps.get)   # where the panel lies, seen from the box
    if side == "left":
        return [((box.x, box.y), (panel.right, panel.y)), ((box.x, box.bottom), (panel.right, panel.bottom))]
    if side == "right":
        return [((box.right, box.y), (panel.x, panel.y)), ((box.right, box.bottom), (panel.x, panel.bottom))]
    if side == "top":
        return [((box.x, box.y), (panel.x, panel.bottom)), ((box.right, box.y), (panel.right, panel.bottom))]
    return [((box.x, box.bottom), (panel.x, panel.y)), ((box.right, box.bottom), (panel.right, panel.y))]


@paints_overlay(Zoom)
def _paint_zoom(ctx: Ctx, z: Zoom, index: dict, out: list) -> None:
    col = ctx.color(z.color, z, "color")
    w = ctx.theme.stroke["width"]
    for a, b in zoom_lines(index[z.src].shape, index[z.panel].box):
        if z.head:
            head, b = arrow_head(b, a, ctx.theme.arrow["length"])
            out.append(Poly(head, Paint(col), True))
        out.append(Path(f"M{fmt(a[0])} {fmt(a[1])}L{fmt(b[0])} {fmt(b[1])}",
                        Paint(None, col, w, ctx.theme.dash(z.style, w))))
