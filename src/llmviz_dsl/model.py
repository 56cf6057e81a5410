"""The spec language: pydantic models a spec file builds.

A spec reads like the figure: nodes with bilingual labels, arranged by
layouts (Flow, Grid, Column, Row, Panel), joined by edges, decorated by
overlays (Region, Brace). Positions are computed, never written, unless an
author pins something. Colours are theme tokens; every visible string carries
zh and en (or says it is the same in both).
"""
from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr,
                      field_validator, model_validator)

from .errors import Source, caller_source
from .icons import ICONS
from .shapes import SHAPES

# ---------------------------------------------------------------- text


_MATH = re.compile(r"(?<!\\)\$(.+?)(?<!\\)\$")


def _needs_translation(s: str) -> bool:
    """Words need a translation; numbers, punctuation and pure math do not."""
    outside = _MATH.sub("", s)
    return any(unicodedata.category(c).startswith("L") for c in outside)


class I18n(BaseModel):
    """A visible string in both languages."""
    model_config = ConfigDict(frozen=True, extra="forbid")
    zh: str
    en: str
    # Font size of this label per language, overriding its element's size (and the
    # diagram's text_scale) in that language only; see sized().
    size: dict[Literal["zh", "en"], Annotated[float, Field(gt=0)]] = {}

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def same(text: str) -> I18n:
    """A string shown identically in zh and en ("GRPO", "$\\pi_\\theta$")."""
    return I18n(zh=text, en=text)


def sized(label: Any, **size: float) -> I18n:
    """A label with its own font size in some languages, e.g. sized(("冻结", "Frozen"), en=21)
    when the English original sets only this label smaller than the Chinese one."""
    lab = _coerce_label(label)
    return I18n(zh=lab.zh, en=lab.en, size={**lab.size, **size})


def _coerce_label(v: Any) -> Any:
    if v is None or isinstance(v, I18n):
        return v
    if isinstance(v, (tuple, list)) and len(v) == 2 and all(isinstance(x, str) for x in v):
        return I18n(zh=v[0], en=v[1])
    if isinstance(v, dict):
        return v
    if isinstance(v, str):
        if _needs_translation(v):
            raise ValueError(
                f"missing translation for {v!r}: write (\"中文\", \"English\"), "
                f"or same({v!r}) when both languages show the same text")
        return I18n(zh=v, en=v)
    raise ValueError(f"a label is (\"中文\", \"English\"), same(\"...\") or a number/math string, not {type(v).__name__}")


Label = Annotated[I18n, BeforeValidator(_coerce_label)]

# ---------------------------------------------------------------- base


class _TokenMark:
    """Marks a field as a theme colour token (checked against the theme)."""


TOKEN = _TokenMark()
Token = Annotated[str, TOKEN]  # a colour token of the theme, checked before layout


def _registered(kind: str, names: dict) -> Any:
    def check(v: Any) -> Any:
        if v is not None and v not in names:
            raise ValueError(f"unknown {kind} {v!r}: use one of {', '.join(sorted(names))}")
        return v
    return BeforeValidator(check)


ShapeName = Annotated[str, _registered("shape", SHAPES)]
IconName = Annotated[str, _registered("icon", ICONS)]
Dash = Literal["solid", "dashed", "dotted", "dashdot", "longdash"]
Side = Literal["left", "right", "top", "bottom"]


class Element(BaseModel):
    """Anything placed on the page. Remembers the spec line that wrote it.

    Kinds of element: laid out in `body` (a layout measures and places it),
    or an overlay (`is_overlay`) drawn over placed nodes."""
    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)
    _positional: ClassVar[tuple[str, ...]] = ()
    is_obstacle: ClassVar[bool] = False   # orthogonal edges route around it
    is_visible: ClassVar[bool] = False    # draws something itself (a layout only arranges)
    is_overlay: ClassVar[bool] = False    # drawn over placed nodes, not laid out
    _src: Source | None = PrivateAttr(default=None)

    id: str | None = None

    def __init__(self, *args: Any, **kw: Any) -> None:
        names = type(self)._positional
        if len(args) > len(names):
            raise TypeError(f"{type(self).__name__} takes at most {len(names)} positional "
                            f"arguments ({', '.join(names)}), got {len(args)}")
        for name, value in zip(names, args):
            if name in kw:
                raise TypeError(f"{type(self).__name__}: {name} given twice")
            kw[name] = value
        super().__init__(**kw)
        self._src = caller_source()

    @field_validator("id")
    @classmethod
    def _id_ok(cls, v: str | None) -> str | None:
        if v is not None and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_\-]*", v):
            raise ValueError(f"id {v!r} must start with a letter or _ and use only letters, digits, _ and -")
        return v

    @property
    def loc(self) -> Source | None:
        """Where the spec wrote this element."""
        return self._src

    def describe(self) -> str:
        return f"{type(self).__name__}({self.id!r})" if self.id else type(self).__name__

    def children(self) -> list["Element"]:
        return []


class KindTable(dict):
    """A function per element kind (how it is measured, painted, ...); a kind
    without an entry of its own uses its nearest base's. Element families add
    theirs with the `register` decorator."""

    def register(self, *kinds: type):
        def reg(fn):
            for k in kinds:
                self[k] = fn
            return fn
        return reg

    def find(self, kind: type):
        return next((self[k] for k in kind.__mro__ if k in self), None)


# ---------------------------------------------------------------- leaves

class Node(Element):
    """A box (or ellipse, circle, pill, or bare text) with a centred label.

    Node("policy", ("策略模型", "Policy model"), fill="model", icon="nn")
    """
    _positional = ("id", "label")
    is_obstacle = True
    is_visible = True
    label: Label | None = None
    shape: ShapeName = "round"         # see shapes.py
    fill: Token | None = "white"
    stroke: Token | None = None
    stroke_width: float | None = None
    dash: Dash = "solid"
    opacity: float = Field(1.0, ge=0, le=1)
    color: Token = "text"
    size: float | None = None          # font size; theme default when None
    math_size: float | None = None     # size of inline math; theme default when None
    bold: bool = False
    font: Literal["sans", "serif"] = "sans"
    align: Literal["center", "left", "right"] = "center"
    icon: IconName | None = None       # drawn under the label, inside the box (icons.py)
    # "right"/"left": beside the label, both centred as a line; "bottom": at
    # the foot of the box (`pad` above its bottom), the label centred in the room above it
    icon_at: Literal["below", "right", "left", "bottom"] = "below"
    icon_size: float | None = Field(None, gt=0)   # the icon's larger side; natural size when None
    badge: IconName | None = None      # small, in a bottom corner
    badge_at: Literal["bottom-right", "bottom-left"] = "bottom-right"
    badge_color: Token | None = None   # the badge's fill instead of its theme colour
    badge_size: float | None = Field(None, gt=0)   # the badge's larger side; the icon's own when None
    caption: Label | None = None       # text under the box
    caption_size: float | None = None
    width: float | None = None         # minimum size; the label may grow it
    fit: bool = False                  # with a width: the label is set smaller to fit, the box keeps it
    height: float | None = None
    same_size: str | None = None       # nodes sharing this key get one size
    pad: float | None = None
    # Shape options (shapes.py); None takes the shape's default: the way a
    # trapezoid narrows, a chevron/pentagon/arrow points, a D-shape ("delay")
    # rounds, a parallelogram leans, stacked cards recede.
    direction: Literal["right", "left", "up", "down"] | None = None
    count: int = Field(3, ge=1, le=8)  # cards in a stack, the front one included
    # Effects: a soft drop shadow; a gradient from `fill` to `fill_to`; lines
    # of `hatch` over `fill`.
    shadow: bool = False
    fill_to: Token | None = None
    gradient: Literal["vertical", "horizontal"] = "vertical"
    hatch: Token | None = None
    # A plate of this colour right behind the label: keeps it readable over hatching.
    label_fill: Token | None = None
    # A triangular hat on top of the box (e.g. a decoding head): filled with a
    # gradient from white at its base to `cap` at its apex; edges entering the
    # top meet the apex.
    cap: Token | None = None
    cap_height: float = 30
    cap_stroke: Token = "navy-dark"
    # shape="bubble" (a speech bubble): where its wedge tail leaves the box
    # and leans ("bottom-left": from the bottom edge, pointing down-left), and
    # how far its tip reaches beyond the box (layout keeps that room free).
    tail: Literal["bottom-left", "bottom", "bottom-right", "top-left", "top", "top-right",
                  "left", "right"] = "bottom-left"
    tail_length: float = Field(34, gt=0)
    # Keep this node's centre level with another node's (by id), e.g. a
    # callout beside a box inside a panel: moved up or down after layout.
    level_with: str | None = None


class Text(Node):
    """Free text: a Node with no box."""
    shape: ShapeName = "plain"
    fill: Token | None = None
    _positional = ("id", "label")


class Arrows(Element):
    """A row of short parallel arrows (one per item of a vector), drawn as a
    glyph: `Arrows(count=6)` is six arrows pointing down."""
    is_obstacle = True
    is_visible = True
    count: int = Field(3, ge=1)
    direction: Literal["down", "up", "right", "left"] = "down"
    length: float = 44
    spacing: float = 30                 # between neighbouring arrows
    color: Token = "grey"
    width: float | None = None


class Dots(Element):
    """The `•••` ellipsis between repeated items (`groups=2`: `••• •••`)."""
    is_obstacle = True
    is_visible = True
    groups: int = Field(1, ge=1, le=4)
    color: Token = "blue"
    dot: float = 6.0
    horizontal: bool = True


class Rule(Element):
    """A separator line across the container, with a soft shadow; in a Row
    (or alone in a Grid column) it stands upright, as tall as the row."""
    is_visible = True
    color: Token = "black"
    shadow: bool = True
    inset: float = 0.0
    dash: Dash = "solid"


class Cells(Element):
    """A token strip or tensor: rows of equal cells split by thin white lines."""
    is_obstacle = True
    is_visible = True
    rows: list[list[Label]] = []
    # Instead of rows: one row of tokens, the label split at spaces in each
    # language (the counts may differ: "这 些 内 容" / "There are some"); the
    # cells are cell_width wide, or as wide as the longest word needs.
    words: Label | None = None
    cell_width: float = 36
    cell_height: float = 28
    col_widths: list[float] | None = None
    fill: Token = "panel"
    row_fills: list[Token] | None = None
    col_fills: list[Token] | None = None   # one per column (token IDs in their colours); wins over row_fills
    # One fill per cell, row by row (an attention mask); None keeps the row's/column's.
    cell_fills: list[list[Token | None]] | None = None
    # Hatch lines of this colour over a cell's fill, laid out like cell_fills (masked attention scores).
    cell_hatch: list[list[Token | None]] | None = None
    text_size: float = 16
    color: Token = "muted"
    sep: Token = "white"
    overlay: Label | None = None        # e.g. (形状：3×896), centred over the cells
    overlay_color: Token = "blue"
    overlay_size: float = 27
    overlay_fill: Token | None = None   # a backing plate under the overlay text
    badge: IconName | None = None       # small, in a bottom corner (e.g. a lock: frozen weights)
    badge_at: Literal["bottom-right", "bottom-left"] = "bottom-left"
    badge_color: Token | None = None
    badge_size: float | None = Field(None, gt=0)

    @field_validator("rows")
    @classmethod
    def _rect(cls, v):
        if not v:
            return v                      # words= instead (checked below)
        if not v[0]:
            raise ValueError("Cells needs at least one row with one cell")
        n = len(v[0])
        if any(len(r) != n for r in v):
            raise ValueError(f"every row needs {n} cells, like the first")
        return v

    @model_validator(mode="after")
    def _some_cells(self):
        if not self.rows and not self.words:
            raise ValueError("Cells needs at least one row with one cell (rows=) or words=")
        return self


class Mark(BaseModel):
    """One date on a Timeline, with an event above and/or below the band.

    Events sit on an even rhythm in declaration order (a mark's `above`
    before its `below`); the date is centred under its mark's events."""
    model_config = ConfigDict(extra="forbid")
    when: Label
    above: Label | None = None
    below: Label | None = None


class Timeline(Element):
    """A chevron band with dates; events alternate above and below it.

    Events are spaced evenly (the step is the smallest that keeps boxes on one
    side and neighbouring dates apart); boxes on one side share one height;
    a thin vertical connector joins each box centre to the band."""
    is_obstacle = True
    is_visible = True
    marks: list[Mark] = Field(min_length=1)
    band_from: Token = "white"
    band_to: Token = "amber-pale"
    band_ease: float = Field(2.0, gt=0)  # gradient: colour share = position ** ease
    outline: Token = "navy-deep"
    event_fill: Token = "model"
    connector: Token = "cyan"
    event_width: float = 220            # minimum; a box grows to fit its text
    event_max_width: float | None = None  # cap: wider text is set smaller to fit
    event_height: float = 150           # minimum; one height per side
    event_pad: float = 22               # text to the box's left/right edge
    text_size: float | None = None      # event text; theme size * 1.07 when None
    date_size: float | None = None      # dates on the band; as text_size when None
    band_height: float = 50
    reach: float = 150                  # box edge to band edge
    connector_gap: float = 10           # connector ends this far from box and band
    gap: float = 60                     # between neighbouring events on one side
    date_gap: float = 30                # between neighbouring dates on the band


# ---------------------------------------------------------------- layouts

# Layouts hold any element kind, including those of the element families
# (llmviz_dsl.elements); what each kind is, is checked when it is laid out.
Child = Element


class Gap(Element):
    """Empty space of a given size (or an empty grid cell)."""
    width: float = 0
    height: float = 0


class Span(Element):
    """A grid cell that spans several columns and/or rows."""
    _positional = ("child",)
    child: Child
    cols: int = Field(1, ge=1)
    rows: int = Field(1, ge=1)
    # Across its columns; None: the grid's (col_align, align).
    align: Literal["center", "start", "end", "stretch"] | None = None
    # The child does not size its row(s): centred on them, it may hang over
    # into the rows above and below (e.g. a strip level with a gap between
    # the boxes of a neighbouring column).
    overhang: bool = False

    def children(self):
        return [self.child]


Align = Literal["center", "start", "end"]


class _Items(Element):
    """A layout whose children are given positionally: Column(a, b, c)."""
    children_: list[Child] = Field(default_factory=list, alias="items")

    def __init__(self, *items: Any, **kw: Any) -> None:
        if items:
            kw["items"] = list(items)
        super().__init__(**kw)

    def children(self):
        return list(self.children_)


class Column(_Items):
    """Children stacked top to bottom. `align="stretch"` makes every child as
    wide as the column (as tall as the row, for a Row): a Panel grows its
    background, a `spread` layout spreads out, other content is centred. Panels
    side by side in a stretched Row share one title height, so equally tall
    contents line up."""
    gap: float = 30
    align: Align | Literal["stretch"] = "center"
    # Stretched beyond its content: the extra goes into the gaps (first child
    # at the start, last at the end) instead of around the content.
    spread: bool = False
    # The id of an element inside a child: the children are centred on its
    # centre line instead of their own (a Column: the captions and boxes
    # above and below a panel in line with one column inside it).
    axis: str | None = None


class Row(Column):
    """Children side by side, left to right."""


class Grid(Element):
    """Rows of cells; a column is as wide as its widest cell. `None` leaves a
    cell empty; Span(child, cols=2) spans cells."""
    rows: list[list[Child | None]]
    col_gap: float = 40
    col_gaps: list[float] | None = None  # one per gap between columns; overrides col_gap
    row_gap: float = 30
    row_gaps: list[float] | None = None  # one per gap between rows; overrides row_gap
    align: Align = "center"
    col_align: list[Align] | None = None

    def children(self):
        return [c for r in self.rows for c in r if c is not None]


class Flow(_Items):
    """A graph laid out by rank (Graphviz dot) from the edges between its
    children: `direction` is the way the edges run."""
    direction: Literal["LR", "TB", "RL", "BT"] = "LR"
    rank_gap: float = 60
    node_gap: float = 40
    same_rank: list[list[str]] = []
    straight: list[list[str]] = []     # chains kept on one line
    # A tidy tree: each parent centred over its children, a lone child
    # straight under its parent, subtrees packed side by side (the edges
    # between the children must form a tree or forest; `straight` chains
    # then follow their first node).
    tree: bool = False
    # tree=True: the gap between neighbours of different parents on one rank
    # (groups of siblings set apart); node_gap when None.
    cousin_gap: float | None = None
    # tree=True: the children of a node that have children of their own sit
    # this far apart, bunched under it, instead of each over the middle of its
    # own children (long edges then fan out to the groups below); `straight`
    # chains still follow where their first node would have sat.
    parent_gap: float | None = None


class Panel(Element):
    """A background (and/or outline) around a child layout, with a title."""
    _positional = ("id", "child")
    is_obstacle = True
    child: Child
    title: Label | None = None
    title_at: Literal["top-left", "top", "top-right", "bottom", "bottom-left"] = "top-left"
    title_color: Token = "text"
    title_size: float | None = None
    title_bold: bool = False
    fill: Token | None = "panel"
    stroke: Token | None = None
    stroke_width: float | None = None
    dash: Dash = "solid"
    opacity: float = Field(1.0, ge=0, le=1)
    padding: float | None = None
    radius: float | None = None
    same_size: str | None = None       # panels sharing this key get one size, content centred
    # Where the content sits in a panel stretched beyond it (a stretched Row,
    # same_size): "end" keeps it at the bottom (right), level with a neighbour's.
    content_at: Literal["center", "start", "end"] = "center"
    # The id of an element inside: the panel widens so that element stands
    # in its middle (a main column centred in the panel, whatever is beside it).
    axis: str | None = None

    def children(self):
        return [self.child]


# ---------------------------------------------------------------- edges & overlays

class Edge(Element):
    """An arrow from one node to another. `src`/`dst` are ids, optionally with
    the side to leave/enter: "policy.top"."""
    _positional = ("src", "dst")
    src: str
    dst: str
    style: Dash = "solid"
    color: Token = "black"
    width: float | None = None
    head: Literal["end", "start", "both", "none"] = "end"
    route: Literal["ortho", "straight", "arc"] = "ortho"
    # Arcs: the curve's height as a share of its chord; positive bulges to the
    # left of the direction of travel, so two opposite arcs between the same
    # nodes (same bend) lie on either side of the line joining them.
    bend: float = 0.3
    # A self-loop (src == dst; route "arc") leaving and re-entering this side
    # of the node, reaching `loop_size` beyond it (default: its half-size, >= 30).
    loop: Side | None = None
    loop_size: float | None = Field(None, gt=0)
    label: Label | None = None
    label_at: float = Field(0.5, ge=0, le=1)   # along the path
    label_color: Token = "text"
    label_size: float | None = None
    label_align: Literal["center", "left", "right"] = "center"   # lines of a multi-line label
    # Which side of the path the label prefers (top/bottom of a horizontal
    # stretch, left/right of a vertical one); above / right of it when None.
    label_side: Side | None = None
    # Turn the label to run along the (slanted) segment it sits beside,
    # upright as read; label_side then picks which side of it.
    label_along: bool = False
    label_icon: IconName | None = None     # drawn across the path from the label
    note: Label | None = None              # a second, smaller label across the path from `label`
    note_size: float | None = None         # theme's small size when None
    # Straight edges only: leave (or enter) the wider end right above/below
    # (or beside) the narrower end, so the arrow runs plumb, not slanted.
    # Several plumb edges between one pair of boxes (a request and its reply)
    # are spread evenly across the narrower box.
    plumb: bool = False
    # Orthogonal edges only: run the long leg outside all the boxes, on this
    # side of the figure (a feedback loop around the outside).
    around: Side | None = None
    # Orthogonal edges only: may merge into one trunk and arrow head with
    # edges from the same source or to the same target; False keeps its own
    # path and port (two inputs arriving side by side).
    merge: bool = True
    # Orthogonal edges only: how far its port keeps from other edges' ports
    # on a shared side (the router's 32 when None): two close parallel lines.
    pitch: float | None = Field(None, gt=0)

    def model_post_init(self, _ctx: Any) -> None:
        if self.loop:
            self.route = "arc"            # a loop is a curve

    def describe(self) -> str:
        return f"Edge({self.src!r} -> {self.dst!r})"


class Region(Element):
    """A panel drawn behind a set of already placed nodes."""
    _positional = ("id", "members")
    is_overlay = True
    members: list[str] = Field(min_length=1)
    title: Label | None = None
    title_color: Token = "blue"
    title_bold: bool = True
    title_size: float | None = None
    fill: Token | None = "panel"
    stroke: Token | None = None
    opacity: float = 1.0
    padding: float = 24
    radius: float = 16
    # Widen the shorter side so the panel is centred on its nodes (a Brace
    # member on one side then gets matching room on the other).
    symmetric: bool = False


class Brace(Element):
    """A curly brace beside a set of nodes, with a label at its tip. With an
    id it is an edge end: the edge starts (or ends) at its tip."""
    _positional = ("members",)
    is_overlay = True
    members: list[str] = Field(min_length=1)
    side: Side = "left"
    label: Label | None = None
    color: Token = "muted"
    label_color: Token = "muted"
    label_size: float | None = None    # theme size when None
    gap: float = 14
    depth: float = 14
    fill: Token | None = None          # fills between the brace and the side it spans (a band)
    inset: float = 0                   # shortened at both ends: braces over touching boxes leave a gap



def _is_overlay(v: Any) -> Any:
    if isinstance(v, Element) and not type(v).is_overlay:
        raise ValueError(f"{type(v).__name__} is not an overlay: put it in body; overlays are "
                         f"drawn over placed nodes (Region, Brace, ...)")
    return v


Overlay = Annotated[Element, BeforeValidator(_is_overlay)]


# ---------------------------------------------------------------- diagram

class Diagram(BaseModel):
    """One figure of the book: rendered to zh and en."""
    model_config = ConfigDict(extra="forbid")
    id: str
    chapter: Label
    title: Label
    body: Child
    edges: list[Edge] = []
    overlays: list[Overlay] = []
    theme: str = "default"
    min_width: float = 0
    # Font-size factor per language, e.g. {"en": 0.8}: English labels run longer,
    # so the book sets them smaller. Scales every label, not the footer.
    text_scale: dict[Literal["zh", "en"], Annotated[float, Field(gt=0.3, le=2)]] = {}
    _src: Source | None = PrivateAttr(default=None)

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self._src = caller_source()

    @field_validator("id")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", v):
            raise ValueError(f"diagram id {v!r} must be a catalog slug: lowercase words joined by '-'")
        return v

    @property
    def loc(self) -> Source | None:
        """Where the spec wrote this element."""
        return self._src

    def _repr_svg_(self) -> str:  # Jupyter
        from .pipeline import render_svg
        return render_svg(self, "zh").decode()


for _m in (Span, _Items, Column, Row, Grid, Flow, Panel, Diagram):
    _m.model_rebuild()


def walk(el: Element):
    """Every element under `el`, parents first, in declaration order."""
    yield el
    for c in el.children():
        yield from walk(c)
