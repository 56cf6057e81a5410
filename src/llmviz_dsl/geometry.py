"""Boxes and number formatting shared by layout, routing and painting."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def inflate(self, m: float) -> "Box":
        return Box(self.x - m, self.y - m, self.w + 2 * m, self.h + 2 * m)

    def moved(self, dx: float, dy: float) -> "Box":
        return Box(self.x + dx, self.y + dy, self.w, self.h)

    def overlaps(self, o: "Box", tol: float = 0.0) -> bool:
        return (self.x < o.right - tol and o.x < self.right - tol and
                self.y < o.bottom - tol and o.y < self.bottom - tol)

    def contains(self, o: "Box") -> bool:
        return self.x <= o.x and self.y <= o.y and o.right <= self.right and o.bottom <= self.bottom

    def union(self, o: "Box") -> "Box":
        x, y = min(self.x, o.x), min(self.y, o.y)
        return Box(x, y, max(self.right, o.right) - x, max(self.bottom, o.bottom) - y)


def fmt(v: float) -> str:
    """Fixed formatting for every number written to SVG: 2 decimals, no
    trailing zeros, no '-0'."""
    r = round(v, 2)
    if r == 0:
        return "0"
    s = f"{r:.2f}".rstrip("0").rstrip(".")
    return s


def path_points(d: str) -> list[tuple[float, float]]:
    """The points of absolute path data (M L H V Q C Z), for bounds: a curve
    gives points along it, not its control points (which lie outside it)."""
    import re
    pts: list[tuple[float, float]] = []
    cmd, x, y = "M", 0.0, 0.0
    toks = re.findall(r"[MLHVQCZ]|-?\d+(?:\.\d+)?", d)
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.isalpha():
            cmd = t
            i += 1
            continue
        if cmd == "H":
            x = float(t)
            i += 1
        elif cmd == "V":
            y = float(t)
            i += 1
        elif cmd in "QC":
            n = 2 if cmd == "Q" else 3
            ctrl = [(x, y)] + [(float(toks[i + 2 * k]), float(toks[i + 2 * k + 1])) for k in range(n)]
            i += 2 * n
            for j in range(1, 17):
                pts.append(_bezier_at(ctrl, j / 16))
            x, y = ctrl[-1]
            continue
        else:
            x, y = float(t), float(toks[i + 1])
            i += 2
        pts.append((x, y))
    return pts


def _bezier_at(ctrl: list[tuple[float, float]], t: float) -> tuple[float, float]:
    """De Casteljau: the point at t of a Bézier of any degree."""
    while len(ctrl) > 1:
        ctrl = [(p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t) for p, q in zip(ctrl, ctrl[1:])]
    return ctrl[0]
