"""Tidy trees for `Flow(tree=True)`: dot ranks the nodes, this places them
across the ranks. Each subtree is laid out on its own, then siblings are
packed side by side as close as their contours allow (`gap` apart on every
rank they share); a parent is centred over its first and last child, so a
lone child sits straight under its parent; small subtrees between two large
ones are spread evenly in the room the large ones leave (Walker)."""
from __future__ import annotations

Contour = dict[float, tuple[float, float]]    # rank -> (left, right), from the subtree's root centre


def _sep(a: Contour, b: Contour, gap: float, cousin_gap: float | None = None) -> float:
    """How far right of a's root b's root must sit for the two not to touch;
    off the roots' own rank (a contour's first key), nodes of different
    parents keep `cousin_gap`."""
    top = next(iter(a), None)
    far = gap if cousin_gap is None else cousin_gap
    return max((a[r][1] - b[r][0] + (gap if r == top else far) for r in a if r in b), default=0.0)


def _pack(contours: list[Contour], gap: float, cousin_gap: float | None = None) -> list[float]:
    """Positions of sibling subtrees, left to right, the first at 0."""
    pos = [0.0]
    for i in range(1, len(contours)):
        need = [pos[j] + _sep(contours[j], contours[i], gap, cousin_gap) for j in range(i)]
        pos.append(max(need))
        j = max(range(i), key=lambda j: need[j])
        # Held off by an earlier sibling than its neighbour: spread the ones
        # between evenly, as far as their own contours allow.
        for k in range(j + 1, i):
            even = pos[j] + (pos[i] - pos[j]) * (k - j) / (i - j)
            hi = pos[i] - _sep(contours[k], contours[i], gap, cousin_gap)
            pos[k] = max(pos[k], min(even, hi))
    return pos


def tidy(kids: list, children: dict[int, list[int]], horizontal: bool, gap: float,
         chains: list[list[int]], cousin_gap: float | None = None, parent_gap: float | None = None) -> list:
    """New (sized, dx, dy) for `kids` (a flow's measured children): the rank
    axis is kept from dot, the other axis is laid out as a tidy tree.
    `children`: kid index -> its children's indices, in order; `chains`: kid
    indices that line up behind their first (Flow.straight); `parent_gap`:
    see _bunch."""
    def size(i):                    # extent across the ranks
        k = kids[i][0]
        return k.h if horizontal else k.w

    def rank(i):                    # centre along the ranks, as dot placed it
        k, dx, dy = kids[i]
        return round(dx + k.w / 2, 1) if horizontal else round(dy + (k.shape_h or k.h) / 2, 1)

    rel: dict[int, float] = {}

    def lay(i: int) -> Contour:
        own = {rank(i): (-size(i) / 2, size(i) / 2)}
        cs = [lay(c) for c in children.get(i, [])]
        if not cs:
            return own
        pos = _pack(cs, gap, cousin_gap)
        mid = (pos[0] + pos[-1]) / 2
        for c, p, con in zip(children[i], pos, cs):
            rel[c] = p - mid
            for r, (lo, hi) in con.items():
                a, b = own.get(r, (lo + p - mid, hi + p - mid))
                own[r] = (min(a, lo + p - mid), max(b, hi + p - mid))
        return own

    has_parent = {c for cs in children.values() for c in cs}
    roots = [i for i in range(len(kids)) if i not in has_parent]
    at: dict[int, float] = {}
    for r, p in zip(roots, _pack([lay(r) for r in roots], gap)):
        at[r] = p

    def down(i: int) -> None:
        for c in children.get(i, []):
            at[c] = at[i] + rel[c]
            down(c)
    for r in roots:
        down(r)
    moved = True
    while moved:                    # again while one moving frees the place of another
        moved = False
        for chain in chains:
            for i in chain[1:]:
                lo, hi = at[chain[0]] - size(i) / 2, at[chain[0]] + size(i) / 2
                if at[i] != at[chain[0]] and not any(
                        j != i and rank(j) == rank(i) and at[j] - size(j) / 2 < hi and lo < at[j] + size(j) / 2
                        for j in range(len(kids))):
                    at[i], moved = at[chain[0]], True
    if parent_gap is not None:
        _bunch(at, children, size, parent_gap)
    left = min(at[i] - size(i) / 2 for i in range(len(kids)))
    out = []
    for i, (k, dx, dy) in enumerate(kids):
        c = at[i] - left - size(i) / 2
        out.append((k, dx, round(c, 2)) if horizontal else (k, round(c, 2), dy))
    return out


def _bunch(at: dict[int, float], children: dict[int, list[int]], size, gap: float) -> None:
    """Flow.parent_gap: the children of a node that have children of their
    own sit side by side, `gap` apart and centred under it, their own
    children staying where the tidy layout put them; top down, so a moved
    node's own bunch follows it."""
    parent = {c: i for i, cs in children.items() for c in cs}

    def depth(i: int) -> int:
        return 1 + depth(parent[i]) if i in parent else 0
    for i in sorted(children, key=depth):
        inner = [c for c in children[i] if c in children]
        if not inner:
            continue
        x = at[i] - (sum(size(c) for c in inner) + gap * (len(inner) - 1)) / 2
        for c in inner:
            at[c] = x + size(c) / 2
            x += size(c) + gap
