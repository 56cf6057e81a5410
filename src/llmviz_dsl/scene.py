"""The drawable scene: primitives in page coordinates, ready to serialise."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .geometry import Box

if TYPE_CHECKING:
    from .text import Block


@dataclass(frozen=True)
class Gradient:
    """Linear gradient along the box, left to right unless vertical."""
    stops: tuple[tuple[float, str], ...]
    vertical: bool = False


@dataclass(frozen=True)
class Hatch:
    """Parallel lines over a background: `angle` in degrees (45 = rising to
    the right), `spacing` between lines, in page units."""
    color: str
    background: str | None = None
    angle: float = 45.0
    spacing: float = 6.0
    width: float = 1.0


@dataclass
class Paint:
    fill: str | Gradient | Hatch | None = None
    stroke: str | None = None
    width: float = 1.0
    dash: list[float] | None = None
    opacity: float = 1.0
    shadow: bool = False


@dataclass
class Rect:
    box: Box
    rx: float
    paint: Paint


@dataclass
class Ellipse:
    cx: float
    cy: float
    rx: float
    ry: float
    paint: Paint


@dataclass
class Path:
    d: str
    paint: Paint


@dataclass
class Poly:
    points: list[tuple[float, float]]
    paint: Paint
    closed: bool = False


@dataclass
class TextArt:
    block: Block
    x: float          # block top-left
    y: float
    # A quarter turn: the text reads bottom to top (a vertical header of
    # Latin words); (x, y) is then the top-left of the turned block.
    turned: bool = False
    # Degrees clockwise about the block's centre (a label along a slanted
    # edge); (x, y) stays the top-left of the upright block.
    rotate: float = 0.0

    @property
    def box(self) -> Box:
        """What the text covers on the page."""
        w, h = self.block.width, self.block.height
        if self.rotate:
            return rotated_bounds(Box(self.x, self.y, w, h), self.rotate)
        return Box(self.x, self.y, h, w) if self.turned else Box(self.x, self.y, w, h)


@dataclass
class IconArt:
    name: str
    box: Box
    fill: str
    stroke: str
    rotate: float = 0.0     # degrees clockwise about the box centre (SVG's sense)

    def bounds(self) -> Box:
        """What the icon covers on the page: its box, turned."""
        return rotated_bounds(self.box, self.rotate)


def rotated_bounds(b: Box, deg: float) -> Box:
    """The upright box around `b` turned `deg` degrees about its centre."""
    if not deg:
        return b
    a = math.radians(deg)
    w = abs(b.w * math.cos(a)) + abs(b.h * math.sin(a))
    h = abs(b.w * math.sin(a)) + abs(b.h * math.cos(a))
    return Box(b.cx - w / 2, b.cy - h / 2, w, h)


Prim = Rect | Ellipse | Path | Poly | TextArt | IconArt


@dataclass
class Scene:
    width: float
    height: float
    title: str
    lang: str
    items: list[Prim] = field(default_factory=list)      # page furniture (frame, footer)
    content: list[Prim] = field(default_factory=list)    # the figure, drawn at `offset`
    offset: tuple[float, float] = (0.0, 0.0)
