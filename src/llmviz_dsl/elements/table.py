"""Tables: a header over columns of cells, rows that may be highlighted or
elided ("..."), an optional title, and braces that state the table's size.

    Table(id="vocab", title=("词表", "Vocabulary"),
          columns=[Col(same("Token ID"), width=122), Col(("词元", "Token"), width=122)],
          rows=[TRow("0", "!"), ...,
                TRow("56568", ("你", "How"), fill="loss", id="row_how"), ...,
                TRow("151935", "")],
          fill="blush", brace=("词表大小=\\n151936", "Size =\\n151936"))

- A column is one `Col`, or a group of `count` equal sub-columns under one
  header (the components of a vector); a bare string or label is a Col with
  that header. `bare=True` makes a label column: text only, no fill, no grid
  lines (row names beside a grid).
- A row is `TRow(cell, ...)`, a plain list, or `...` (Python's Ellipsis): an
  elided row showing each column's `ellipsis` text. Rows shorter than the
  table are padded with empty cells. `Cell(label, fill=..., color=...)`
  styles one cell.
- Fills, innermost first: Cell.fill, TRow.fill, Col.fill, Table.fill.
- Anchors: a TRow or Col with an `id` is a box of its own, addressable like
  any node — `Edge("ids", "row_how.left")` ends on that row,
  `Brace(["row_first", "row_last"])` spans rows. A row's box covers every
  column (label columns too); a column's box covers its body cells.
- Cell text is centred vertically and aligned as its column says; a row grows
  to fit multi-line cells; text never overflows a fixed width: the column's
  text is set smaller until it fits.
- `brace=` on the Table draws a brace along the right of the body rows,
  `brace=` on a Col one under that column: both take layout space (a Panel
  around the table holds them), unlike the overlay Brace.
- A table of branches (candidates of a decoding step, options of a
  decision): `root=Cell("你", bold=True, id="p1")` sets one label left of the
  body rows, centred on all of them, with arrows fanning out from it to the
  left of every row (`fan=False` leaves them out); its area shares its cell
  fill (or the table's), `root_header=` heads it like a column. The root is
  addressable by its id (`Edge("r1", "p2")`).
- `TRow(..., mark="scissors")` draws an icon just right of the row (a pruned
  branch), `mark_size` high; marks take layout room. `mark_rotate=-45` turns
  every mark (degrees, clockwise; the room is the turned icon's).
- `header_height=82` makes a filled header band at least that tall.
- `Col(..., rule="double", rule_color="blue-dark")` draws the grid line on
  the column's left edge, header to bottom, as a double (or heavier single)
  rule: the seam between two halves of a long table set side by side.
- `header_vertical=True` writes headers vertically, as narrow columns need:
  Chinese one character under the other, Latin words turned a quarter to
  read bottom to top; `header_valign="bottom"` (the default then) stands
  headers of different heights on one line above the body.
"""
from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from ..geometry import Box
from ..layout import Ctx, Placed, Sized, measures
from ..icons import icon_size
from ..model import Brace, Element, I18n, IconName, Label, Token, same
from ..text import Block
from ..paint import icon_art, paint_brace, paints
from ..scene import Paint, Poly, Rect, TextArt, rotated_bounds
from ..shapes import arrow

__all__ = ["Table", "Col", "TRow", "Cell"]

Align = Literal["center", "left", "right"]


class Cell(Element):
    """One table cell with its own style: Cell("0.4", fill="model")."""
    _positional = ("label",)
    label: Label = same("")
    fill: Token | None = None
    color: Token | None = None
    bold: bool | None = None
    align: Align | None = None


def _cells(v: Any) -> Any:
    if isinstance(v, (list, tuple)):
        return [c if isinstance(c, Cell) else Cell(label=c) for c in v]
    return v


class TRow(Element):
    """A table row: TRow("11319", "？", fill="model", id="row_q"). With
    `ellipsis=True` (or `...` among a table's rows) it shows each column's
    ellipsis text instead of cells."""
    cells: Annotated[list[Cell], BeforeValidator(_cells)] = Field(default_factory=list)
    fill: Token | None = None
    color: Token | None = None          # text colour of the row's cells
    bold: bool = False
    ellipsis: bool = False
    mark: IconName | None = None        # an icon right of the row (scissors: a pruned branch)

    def __init__(self, *cells: Any, **kw: Any) -> None:
        if cells:
            kw["cells"] = list(cells)
        super().__init__(**kw)

    def children(self):
        return list(self.cells)


class Col(Element):
    """A column (or `count` equal sub-columns under one header)."""
    _positional = ("header",)
    header: Label | None = None
    width: float | None = None          # of each sub-column; None fits the widest cell
    count: int = Field(1, ge=1)
    align: Align = "center"             # cell text (and a single column's header)
    bare: bool = False                  # a label column: text only, no fill or grid lines
    fill: Token | None = None
    color: Token | None = None          # cell text colour; the table's when None
    ellipsis: Label = same("...")       # shown on an elided row ("" for blank)
    brace: Label | None = None          # a brace under the column, with this label
    rule: Literal["single", "double"] | None = None   # the line on its left edge, instead of `sep`
    rule_color: Token | None = None     # the outline's colour when None
    rule_width: float = 2               # of each line (and the gap between double lines)


def _columns(v: Any) -> Any:
    if isinstance(v, (list, tuple)):
        return [c if isinstance(c, Col) else Col(header=c) for c in v]
    return v


def _rows(v: Any) -> Any:
    if isinstance(v, (list, tuple)):
        return [TRow(ellipsis=True) if r is Ellipsis else TRow(*r) if isinstance(r, (list, tuple)) else r
                for r in v]
    return v


class Table(Element):
    """A header row over columns of cells (see the module docstring)."""
    is_obstacle = True
    is_visible = True
    columns: Annotated[list[Col], BeforeValidator(_columns)] = Field(min_length=1)
    rows: Annotated[list[TRow], BeforeValidator(_rows)] = Field(min_length=1)
    row_height: float = 39              # minimum; a row grows to fit its cells
    pad: float = 6                      # cell text to the cell's edges
    text_size: float | None = None      # theme size when None
    color: Token = "text"
    bold: bool = False
    fill: Token = "panel"
    sep: Token | None = "white"         # lines between cells
    outline: Token | None = "white"     # line around the grid
    sep_width: float = 1.33
    header_color: Token = "muted"
    header_size: float | None = None    # as text_size when None
    header_bold: bool = False
    header_fill: Token | None = None    # a filled header band (else bare text over the columns)
    header_gap: float = 4
    header_height: float | None = None  # minimum height of a filled header band
    header_vertical: bool = False
    header_valign: Literal["center", "bottom"] | None = None   # bottom when vertical, else center
    label_gap: float = 10               # between a label column and the grid
    title: Label | None = None          # centred over the grid
    title_color: Token = "text"
    title_size: float | None = None
    title_bold: bool = True
    title_gap: float = 12
    brace: Label | None = None          # a brace right of the body rows, with this label
    brace_color: Token = "grey"
    brace_label_color: Token = "muted"
    brace_size: float | None = None
    root: Cell | None = None            # a label the rows branch from, left of the body
    root_header: Label | None = None
    fan: bool = True                    # arrows from the root to every row
    fan_width: float = 56               # room for the arrows, root to grid
    fan_color: Token = "black"
    mark_gap: float = 4
    mark_size: float = 24               # icon height of a row's mark
    mark_rotate: float = 0.0            # degrees clockwise
    # Moved up or down after layout until the table's centre (its root, when
    # it has no title or header) is level with this node: a chain of steps.
    level_with: str | None = None

    @model_validator(mode="after")
    def _fit(self):
        n = sum(c.count for c in self.columns)
        for i, r in enumerate(self.rows):
            if len(r.cells) > n:
                raise ValueError(f"row {i} has {len(r.cells)} cells but the table has {n} columns")
        return self

    def children(self):
        return [*self.columns, *self.rows, *([self.root] if self.root else [])]


# ---------------------------------------------------------------- measuring

def _leaves(t: Table) -> list[Col]:
    return [c for c in t.columns for _ in range(c.count)]


def _cell_style(t: Table, row: TRow, col: Col, cell: Cell | None):
    """(label, colour, bold, align, fill) of one body cell; fill None = bare."""
    if row.ellipsis or cell is None:
        label, color, bold, align = (col.ellipsis if row.ellipsis else same("")), None, None, None
        fill = None
    else:
        label, color, bold, align, fill = cell.label, cell.color, cell.bold, cell.align, cell.fill
    color = color or row.color or col.color or t.color
    bold = bold if bold is not None else (row.bold or t.bold)
    fill = None if col.bare else (fill or row.fill or col.fill or t.fill)
    return label, color, bold, align or col.align, fill


class _Head:
    """A header block as it stands: upright, or turned a quarter (its width
    and height swap)."""
    def __init__(self, blk: Block, turned: bool = False) -> None:
        self.blk, self.turned = blk, turned

    @property
    def width(self) -> float:
        return self.blk.height if self.turned else self.blk.width

    @property
    def height(self) -> float:
        return self.blk.width if self.turned else self.blk.height

    def art(self, x: float, y: float) -> TextArt:
        return TextArt(self.blk, x, y, turned=self.turned)


def _head(ctx: Ctx, t: "Table", label: I18n, el: Element, size: float) -> _Head:
    """A header; vertical writing stacks Chinese and turns Latin words."""
    if t.header_vertical:
        s = label.get(ctx.lang)
        if not re.search("[A-Za-z]", s):
            return _Head(ctx.text(same("\n".join(c for c in s if not c.isspace())), el, size, t.header_color,
                                  t.header_bold))
        return _Head(ctx.text(label, el, size, t.header_color, t.header_bold), turned=True)
    return _Head(ctx.text(label, el, size, t.header_color, t.header_bold))


def _fit_size(ctx: Ctx, items, size: float, room: float):
    """Lay out `items` (label, el, colour, bold, align) at `size`, set alike
    smaller until the widest fits `room`."""
    for _ in range(4):
        blocks = [ctx.text(lab, el, size, color, bold, align=al) for lab, el, color, bold, al in items]
        widest = max((b.width for b in blocks), default=0.0)
        if widest <= room + 0.01:
            break
        size *= room / widest * 0.995
    return blocks


@measures(Table)
def _table_size(ctx: Ctx, t: Table) -> Sized:
    th = ctx.theme
    size = t.text_size or th.text["size"]
    leaves = _leaves(t)
    n = len(leaves)
    group = [gi for gi, c in enumerate(t.columns) for _ in range(c.count)]   # leaf -> column
    styles = [[_cell_style(t, r, leaves[j], r.cells[j] if j < len(r.cells) else None) for j in range(n)]
              for r in t.rows]
    owners = [[(r.cells[j] if j < len(r.cells) and not r.ellipsis else r) for j in range(n)] for r in t.rows]
    hsize = t.header_size or size
    headers = [_head(ctx, t, c.header, c, hsize) if c.header else None for c in t.columns]
    root_head = _head(ctx, t, t.root_header, t, hsize) if t.root_header else None
    valign = t.header_valign or ("bottom" if t.header_vertical else "center")

    # Column widths: given, or the widest cell (a single column's header too).
    widths, blocks = [0.0] * n, [[None] * n for _ in t.rows]
    for j, col in enumerate(leaves):
        items = [(styles[i][j][0], owners[i][j], styles[i][j][1], styles[i][j][2], styles[i][j][3])
                 for i in range(len(t.rows))]
        inset = 0.0 if col.bare else 2 * t.pad
        if col.width is not None:
            widths[j] = col.width
            col_blocks = _fit_size(ctx, items, size, col.width - inset)
        else:
            col_blocks = [ctx.text(lab, el, size, c, b, align=a) for lab, el, c, b, a in items]
            hw = headers[group[j]].width if headers[group[j]] and col.count == 1 else 0.0
            widths[j] = max([b.width + inset for b in col_blocks] + [hw + inset, 1.0])
        for i, b in enumerate(col_blocks):
            blocks[i][j] = b

    # x of each leaf: a label column stands `label_gap` off the grid.
    xs, x = [], 0.0
    for j in range(n):
        if j and leaves[j].bare != leaves[j - 1].bare:
            x += t.label_gap
        xs.append(x)
        x += widths[j]
    # A root left of the body: its label, then the room its arrows fan through.
    root = t.root
    rb = ctx.text(root.label, root, size, root.color or t.color, t.bold if root.bold is None else root.bold) \
        if root else None
    shift = rb.width + t.pad + t.fan_width if root else 0.0
    xs = [x0 + shift for x0 in xs]
    x += shift
    body_w = x
    grid_leaves = [j for j in range(n) if not leaves[j].bare]
    spans, j = [], 0                    # each Col's (x0, x1)
    for c in t.columns:
        spans.append((xs[j], xs[j + c.count - 1] + widths[j + c.count - 1]))
        j += c.count
    if t.header_fill:                   # a header band holds its text like a cell
        for gi, c in enumerate(t.columns):
            if headers[gi] is not None:
                room = spans[gi][1] - spans[gi][0] - 2 * t.pad
                headers[gi] = _Head(_fit_size(ctx, [(c.header, c, t.header_color, t.header_bold, "center")],
                                              hsize, room)[0])
    gx0 = min((xs[j] for j in grid_leaves), default=0.0)
    gx1 = max((xs[j] + widths[j] for j in grid_leaves), default=body_w)

    # Title, header band, body rows.
    y = 0.0
    title = ctx.text(t.title, t, t.title_size or th.text["size"], t.title_color, t.title_bold) if t.title else None
    title_at = None
    if title:
        title_at = ((gx0 + gx1) / 2 - title.width / 2, 0.0)
        y = title.height + t.title_gap
    header_pad = t.pad if t.header_fill else 0.0
    hh = max((b.height for b in headers + [root_head] if b), default=0.0)
    header_box = None
    header_at = []
    if hh:
        hh += 2 * header_pad
        if t.header_fill and t.header_height:
            hh = max(hh, t.header_height)
        header_box = Box(gx0, y, gx1 - gx0, hh)
        for gi, c in enumerate(t.columns):
            b = headers[gi]
            x0, x1 = spans[gi]
            if b is None:
                continue
            al = c.align if c.count == 1 else "center"
            bx = {"center": (x0 + x1) / 2 - b.width / 2, "left": x0 + (t.pad if not c.bare else 0.0),
                  "right": x1 - b.width - (t.pad if not c.bare else 0.0)}[al]
            header_at.append((b, bx, y + (hh - b.height) * (1.0 if valign == "bottom" else 0.5)))
        if root_head:               # centred over the root and its arrows
            b = root_head
            header_at.append((b, shift / 2 - b.width / 2, y + (hh - b.height) * (1.0 if valign == "bottom" else 0.5)))
        y += hh + (0.0 if t.header_fill else t.header_gap)
    body_y = y
    heights = []        # a row grows to hold its tallest cell, with a little air
    for i in range(len(t.rows)):
        tallest = max((b.height for b in blocks[i]), default=0.0)
        heights.append(max(t.row_height, tallest + 2 * min(t.pad, 4.0)))
    ys = []
    for h in heights:
        ys.append(y)
        y += h
    body_h = y - body_y

    cells = []          # (box, fill, block, align, bare) in table coordinates
    for i in range(len(t.rows)):
        for j in range(n):
            box = Box(xs[j], ys[i], widths[j], heights[i])
            cells.append((box, styles[i][j][4], blocks[i][j], styles[i][j][3], leaves[j].bare))

    # Braces: along the right of the body rows, and under braced columns.
    braces = []
    if t.brace:
        lab = ctx.text(t.brace, t, t.brace_size, t.brace_label_color)
        braces.append((Brace(members=["_"], side="right", color=t.brace_color), Box(0.0, body_y, body_w, body_h), lab))
    for c, (x0, x1) in zip(t.columns, spans):
        if c.brace:
            lab = ctx.text(c.brace, c, t.brace_size, t.brace_label_color)
            braces.append((Brace(members=["_"], side="bottom", color=t.brace_color),
                           Box(x0, body_y, x1 - x0, body_h), lab))
    root_at = None
    if root:
        at = (t.pad / 2, body_y + body_h / 2 - rb.height / 2)
        tip = (at[0] + rb.width + t.pad / 2, body_y + body_h / 2)
        fans = [(tip, (shift, ys[i] + heights[i] / 2)) for i in range(len(t.rows))] if t.fan else []
        root_at = (rb, at, Box(0.0, body_y, shift, body_h), fans)
    marks = []          # (icon, box) right of their rows
    for i, r in enumerate(t.rows):
        if r.mark:
            iw, ih = icon_size(r.mark)
            k = t.mark_size / ih
            turned = rotated_bounds(Box(0.0, 0.0, iw * k, t.mark_size), t.mark_rotate)
            # the icon's own box, centred where its turned footprint stands
            marks.append((r.mark, Box(body_w + t.mark_gap + turned.w / 2 - iw * k / 2,
                                      ys[i] + heights[i] / 2 - t.mark_size / 2, iw * k, t.mark_size)))
    # The extent of everything drawn, to shift the whole table to (0, 0).
    ext = Box(0.0, 0.0, body_w, y)
    for _, mb in marks:
        ext = ext.union(rotated_bounds(mb, t.mark_rotate))
    if title:
        ext = ext.union(Box(title_at[0], 0.0, title.width, title.height))
    for b, bx, by in header_at:
        ext = ext.union(Box(bx, by, b.width, b.height))
    for br, box, lab in braces:
        ext = ext.union(paint_brace(ctx, br, box, lab, []))
    dx, dy = -ext.x, -ext.y

    out = Sized(t, ext.w, ext.h, extra={
        "origin": (dx, dy), "cells": cells, "widths": widths, "heights": heights, "xs": xs, "ys": ys,
        "grid": [(xs[a], xs[b] + widths[b]) for a, b in _runs(grid_leaves)],
        "body": Box(0.0, body_y, body_w, body_h), "header_box": header_box, "header": header_at,
        "title": (title, *title_at) if title else None, "braces": braces,
        "root": root_at, "marks": marks,
        "rules": [(spans[gi][0], c) for gi, c in enumerate(t.columns) if c.rule]})
    for i, r in enumerate(t.rows):
        out.kids.append((Sized(r, body_w - shift, heights[i]), dx + shift, dy + ys[i]))
    for c, (x0, x1) in zip(t.columns, spans):
        out.kids.append((Sized(c, x1 - x0, body_h), dx + x0, dy + body_y))
    if root_at:
        out.kids.append((Sized(root, rb.width, rb.height), dx + root_at[1][0], dy + root_at[1][1]))
    return out


def _runs(idx: list[int]) -> list[tuple[int, int]]:
    """Contiguous runs of leaf indices, as (first, last)."""
    runs: list[tuple[int, int]] = []
    for j in idx:
        if runs and runs[-1][1] == j - 1:
            runs[-1] = (runs[-1][0], j)
        else:
            runs.append((j, j))
    return runs


# ---------------------------------------------------------------- painting

@paints(Table)
def _paint_table(ctx: Ctx, p: Placed, out: list) -> None:
    t: Table = p.el
    ex = p.extra
    ox, oy = p.box.x + ex["origin"][0], p.box.y + ex["origin"][1]
    body: Box = ex["body"].moved(ox, oy)
    if ex["title"]:
        blk, x, y = ex["title"]
        out.append(TextArt(blk, ox + x, oy + y))
    hb = ex["header_box"]
    if hb is not None and t.header_fill:
        out.append(Rect(hb.moved(ox, oy), 0, Paint(ctx.color(t.header_fill, t, "header_fill"))))
    if ex["root"]:
        rb, (rx, ry), area, fans = ex["root"]
        fill = t.root.fill or t.fill
        if fill:
            out.append(Rect(area.moved(ox, oy), 0, Paint(ctx.color(fill, t.root, "fill"))))
    for box, fill, _, _, _ in ex["cells"]:
        if fill:
            out.append(Rect(box.moved(ox, oy), 0, Paint(ctx.color(fill, t, "fill"))))
    top = hb.y + oy if (hb is not None and t.header_fill) else body.y
    for a, b in ex["grid"]:
        if t.sep:
            pt = Paint(None, ctx.color(t.sep, t, "sep"), t.sep_width)
            ruled = {round(ox + x, 6) for x, _ in ex.get("rules", [])}
            for x in sorted({ox + c[0].x for c in ex["cells"]}):
                if ox + a < x < ox + b - 0.01 and round(x, 6) not in ruled:
                    out.append(Poly([(x, top), (x, body.bottom)], pt))
            for y in ([body.y] if top < body.y else []) + [oy + y for y in ex["ys"][1:]]:
                out.append(Poly([(ox + a, y), (ox + b, y)], pt))
        if t.outline:
            out.append(Rect(Box(ox + a, top, b - a, body.bottom - top), 0,
                            Paint(None, ctx.color(t.outline, t, "outline"), t.sep_width)))
    for x, c in ex.get("rules", []):
        rw = c.rule_width
        pt = Paint(None, ctx.color(c.rule_color or t.outline or t.sep or "text", c, "rule_color"), rw)
        for dx in ((-rw, rw) if c.rule == "double" else (0.0,)):
            out.append(Poly([(ox + x + dx, top), (ox + x + dx, body.bottom)], pt))
    for head, x, y in ex["header"]:
        out.append(head.art(ox + x, oy + y))
    for box, fill, blk, align, bare in ex["cells"]:
        if blk is None or not blk.width:
            continue
        box = box.moved(ox, oy)
        inset = 0.0 if bare else t.pad
        x = {"center": box.cx - blk.width / 2, "left": box.x + inset, "right": box.right - inset - blk.width}[align]
        out.append(TextArt(blk, x, box.cy - blk.height / 2))
    for br, box, lab in ex["braces"]:
        paint_brace(ctx, br, box.moved(ox, oy), lab, out)
    if ex["root"]:
        out.append(TextArt(rb, ox + rx, oy + ry))
        col = ctx.color(t.fan_color, t, "fan_color")
        for a, b in fans:
            out.extend(arrow((ox + a[0], oy + a[1]), (ox + b[0], oy + b[1]), col, ctx.theme.stroke["arrow"],
                             ctx.theme.arrow["length"]))
    for name, mb in ex["marks"]:
        out.append(icon_art(ctx, name, mb.moved(ox, oy), t.mark_rotate))
