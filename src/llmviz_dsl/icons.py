"""The house icons, drawn as vector markup in one place.

Each icon is a function (box, fill, stroke) -> SVG markup, registered with its
natural size; the theme's [icon] table gives its colours. `Node(icon=...)`,
`badge=` and `Edge(label_icon=...)` accept exactly the registered names.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .geometry import Box, fmt


@dataclass(frozen=True)
class IconDef:
    draw: Callable[[Box, str, str], str]
    size: tuple[float, float]       # natural width, height


ICONS: dict[str, IconDef] = {}


def icon(name: str, size: tuple[float, float]):
    def reg(fn):
        ICONS[name] = IconDef(fn, size)
        return fn
    return reg


def icon_size(name: str) -> tuple[float, float]:
    return ICONS[name].size


@icon("nn", (52, 40))
def _nn(b: Box, fill: str, stroke: str) -> str:
    # Columns of 3, 2 and 1 nodes, all joined to the next column.
    s = min(b.w / 3.2, b.h / 2.9)
    r = s * 0.3
    x0 = b.cx - s
    y0 = b.cy
    cols = [[(x0, y0 - s), (x0, y0), (x0, y0 + s)],
            [(x0 + s, y0 - s / 2), (x0 + s, y0 + s / 2)],
            [(x0 + 2 * s, y0)]]
    lines = []
    for a, c in zip(cols, cols[1:]):
        for p in a:
            for q in c:
                lines.append(f"M{fmt(p[0])} {fmt(p[1])}L{fmt(q[0])} {fmt(q[1])}")
    sw = fmt(max(1.0, s * 0.15))
    out = [f'<path d="{"".join(lines)}" stroke="{stroke}" stroke-width="{sw}" fill="none"/>']
    for col in cols:
        for x, y in col:
            out.append(f'<circle cx="{fmt(x)}" cy="{fmt(y)}" r="{fmt(r)}" fill="{fill}" '
                       f'stroke="{stroke}" stroke-width="{sw}"/>')
    return "".join(out)


@icon("lock", (16, 20))
def _lock(b: Box, fill: str, stroke: str) -> str:
    bw, bh = b.w, b.h * 0.58
    bx, by = b.x, b.bottom - bh
    sw = b.w * 0.16
    r = (b.w - sw) / 2 - b.w * 0.12
    cx = b.cx
    top = by - r * 0.9
    shackle = (f"M{fmt(cx - r)} {fmt(by)}V{fmt(top + r)}A{fmt(r)} {fmt(r)} 0 0 1 {fmt(cx + r)} {fmt(top + r)}"
               f"V{fmt(by)}")
    hole = b.w * 0.09
    return (f'<path d="{shackle}" stroke="{fill}" stroke-width="{fmt(sw)}" fill="none"/>'
            f'<rect x="{fmt(bx)}" y="{fmt(by)}" width="{fmt(bw)}" height="{fmt(bh)}" rx="{fmt(bw * 0.12)}" fill="{fill}"/>'
            f'<circle cx="{fmt(cx)}" cy="{fmt(by + bh * 0.45)}" r="{fmt(hole)}" fill="{stroke}"/>')


def icon_svg(name: str, box: Box, fill: str, stroke: str) -> str:
    return ICONS[name].draw(box, fill, stroke)
