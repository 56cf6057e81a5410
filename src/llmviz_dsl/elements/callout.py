"""Speech-bubble callouts: `Node(shape="bubble", tail=...)`.

    Node("ask", ("请介绍10篇比较热门\\n的多模态论文", "..."), shape="bubble",
         fill="data", tail="bottom-left")

A rounded box with a wedge tail, drawn as one closed outline. `tail` names
the side the wedge leaves from and the way it leans ("bottom-right": from
the bottom edge, near its right end, pointing down and to the right; "left":
straight out of the middle of the left side); `tail_length` is how far the
tip reaches beyond the box. Edges attach to the box, not to the tail; layout
keeps the tail's room free and edges route around it.
"""
from __future__ import annotations

from ..geometry import Box, fmt
from ..scene import Paint, Path, Prim
from ..shapes import shape

__all__: list[str] = []

# side the tail leaves from, and its lean along that side (-1 toward the
# start of the side's axis: left or up; +1 toward its end; 0 straight out).
TAILS = {"bottom-left": ("bottom", -1), "bottom": ("bottom", 0), "bottom-right": ("bottom", 1),
         "top-left": ("top", -1), "top": ("top", 0), "top-right": ("top", 1),
         "left": ("left", 0), "right": ("right", 0)}
RADIUS = 1 / 6       # corner radius as a share of the shorter side (PowerPoint's callout)
BASE = 0.25          # width of the tail's base as a share of its side
SHIFT = 0.21         # a leaning tail's base centre, off the side's centre, as a share of the side
REACH = 0.74         # a leaning tip, beyond the base centre, in base widths


def tail_points(b: Box, tail: str, length: float) -> tuple[tuple[float, float], ...]:
    """(base start, tip, base end) of the wedge, in clockwise order round the box."""
    side, lean = TAILS[tail]
    along = b.w if side in ("top", "bottom") else b.h
    base = min(BASE * along, 66.0)
    mid = along / 2 + lean * SHIFT * along
    tip = mid + lean * REACH * base
    a, c = mid - base / 2, mid + base / 2
    if side == "bottom":     # clockwise runs right to left along the bottom
        return (b.x + c, b.bottom), (b.x + tip, b.bottom + length), (b.x + a, b.bottom)
    if side == "top":
        return (b.x + a, b.y), (b.x + tip, b.y - length), (b.x + c, b.y)
    if side == "right":
        return (b.right, b.y + a), (b.right + length, b.y + tip), (b.right, b.y + c)
    return (b.x, b.y + c), (b.x - length, b.y + tip), (b.x, b.y + a)


def bubble_path(b: Box, tail: str, length: float) -> str:
    """The rounded box with the wedge spliced into its side: one closed path."""
    r = RADIUS * min(b.w, b.h)
    x0, y0, x1, y1 = b.x, b.y, b.right, b.bottom
    side = TAILS[tail][0]
    wedge = "".join(f"L{fmt(x)} {fmt(y)}" for x, y in tail_points(b, tail, length))

    def run(s: str, x: float, y: float) -> str:     # along one side, then the wedge if it is there
        return (wedge if s == side else "") + f"L{fmt(x)} {fmt(y)}"
    return (f"M{fmt(x0 + r)} {fmt(y0)}" + run("top", x1 - r, y0) + f"Q{fmt(x1)} {fmt(y0)} {fmt(x1)} {fmt(y0 + r)}"
            + run("right", x1, y1 - r) + f"Q{fmt(x1)} {fmt(y1)} {fmt(x1 - r)} {fmt(y1)}"
            + run("bottom", x0 + r, y1) + f"Q{fmt(x0)} {fmt(y1)} {fmt(x0)} {fmt(y1 - r)}"
            + run("left", x0, y0 + r) + f"Q{fmt(x0)} {fmt(y0)} {fmt(x0 + r)} {fmt(y0)}Z")


def _outset(node) -> tuple[float, float, float, float]:
    side = TAILS[node.tail][0]
    L = node.tail_length
    return (L if side == "top" else 0.0, L if side == "right" else 0.0,
            L if side == "bottom" else 0.0, L if side == "left" else 0.0)


@shape("bubble", outset=_outset)
def _bubble(b: Box, p: Paint, r: float, head: float, node) -> list[Prim]:
    """A speech bubble: rounded box and wedge tail in one outline."""
    return [Path(bubble_path(b, node.tail, node.tail_length), p)]
