"""Node shapes in one place: each name maps to how its outline is drawn and
how much room it needs around its content. `Node(shape=...)` accepts exactly
these names; adding a shape is one `@shape(...)` function here."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

from .geometry import Box
from .scene import Ellipse, Paint, Poly, Prim, Rect


@dataclass(frozen=True)
class Shape:
    # Outline of the node in `box`: (box, paint, corner radius, arrow-head
    # size, the Node itself for shape options) -> primitives.
    draw: Callable[[Box, Paint, float, float, Any], list[Prim]]
    # Content size (label + padding) -> the box that holds it.
    grow: Callable[[float, float], tuple[float, float]]
    bare: bool = False       # no outline and no padding: text only


SHAPES: dict[str, Shape] = {}


def _same(w: float, h: float) -> tuple[float, float]:
    return w, h


def shape(name: str, grow: Callable[[float, float], tuple[float, float]] = _same, bare: bool = False):
    def reg(fn):
        SHAPES[name] = Shape(fn, grow, bare)
        return fn
    return reg


def arrow_head(tip, frm, size: float):
    """Triangle with its tip at `tip`, pointing away from `frm`; returns the
    polygon and the point where the line should stop."""
    dx, dy = tip[0] - frm[0], tip[1] - frm[1]
    L = math.hypot(dx, dy) or 1.0
    ux, uy = dx / L, dy / L
    base = (tip[0] - ux * size, tip[1] - uy * size)
    half = size / 2
    pts = [tip, (base[0] - uy * half, base[1] + ux * half), (base[0] + uy * half, base[1] - ux * half)]
    return pts, (tip[0] - ux * size * 0.8, tip[1] - uy * size * 0.8)


def arrow(a, b, color: str, width: float, size: float) -> list[Prim]:
    """A straight line from `a` with a head at `b`."""
    poly, stop = arrow_head(b, a, size)
    return [Poly([a, stop], Paint(None, color, width)), Poly(poly, Paint(color), True)]


@shape("round")
def _round(b: Box, p: Paint, r: float, head: float, node) -> list[Prim]:
    return [Rect(b, r, p)]


@shape("box")
def _box(b: Box, p: Paint, r: float, head: float, node) -> list[Prim]:
    return [Rect(b, 0.0, p)]


@shape("pill", grow=lambda w, h: (w + h * 0.5, h))
def _pill(b: Box, p: Paint, r: float, head: float, node) -> list[Prim]:
    return [Rect(b, b.h / 2, p)]


@shape("ellipse", grow=lambda w, h: (w * 1.25, h * 1.15))
def _ellipse(b: Box, p: Paint, r: float, head: float, node) -> list[Prim]:
    return [Ellipse(b.cx, b.cy, b.w / 2, b.h / 2, p)]


@shape("circle", grow=lambda w, h: (max(w, h) * 1.1,) * 2)
def _circle(b: Box, p: Paint, r: float, head: float, node) -> list[Prim]:
    return [Ellipse(b.cx, b.cy, b.w / 2, b.h / 2, p)]


@shape("funnel")
def _funnel(b: Box, p: Paint, r: float, head: float, node) -> list[Prim]:
    """A downward triangle with an arrow down its axis (gather / reduce)."""
    out: list[Prim] = [Poly([(b.x, b.y), (b.right, b.y), (b.cx, b.bottom)], p, True)]
    if p.stroke:
        out += arrow((b.cx, b.y), (b.cx, b.bottom), p.stroke, p.width, head)
    return out


@shape("plain", bare=True)
def _plain(b: Box, p: Paint, r: float, head: float, node) -> list[Prim]:
    return [Rect(b, 0.0, Paint(p.fill))] if p.fill else []
