"""Semantic checks on a validated Diagram, before layout: ids unique, edge
and overlay references resolve, colours are theme tokens."""
from __future__ import annotations

from .errors import SpecError
from .model import Brace, Cells, Diagram, Edge, Element, Node, Panel, Region, Timeline, walk
from .theme import Theme

_COLOR_FIELDS = ("fill", "stroke", "color", "title_color", "label_color", "overlay_color", "sep",
                 "band_from", "band_to", "outline", "event_fill", "connector",
                 "cap", "cap_stroke", "overlay_fill")


def check(d: Diagram, theme: Theme) -> None:
    seen: dict[str, Element] = {}
    elements = list(walk(d.body))
    if not any(isinstance(e, (Node, Cells, Timeline)) for e in elements):
        raise SpecError("the diagram draws nothing", source=d.loc, element=f"Diagram({d.id!r})",
                        fix="put at least one Node, Cells or Timeline in body")
    for el in elements:
        if el.id:
            if el.id in seen:
                first = seen[el.id]
                raise SpecError(f"duplicate id {el.id!r} (first used at {first.loc})", source=el.loc,
                                element=el.describe(), fix="give every element its own id")
            seen[el.id] = el
    for el in elements + list(d.edges) + list(d.overlays):
        for f in _COLOR_FIELDS:
            tok = getattr(el, f, None)
            if isinstance(tok, str):
                theme.color(tok, f"{el.describe()} {f}", el.loc)
        for f in ("row_fills",):
            for tok in getattr(el, f, None) or []:
                theme.color(tok, f"{el.describe()} {f}", el.loc)
    ids = sorted(seen)
    for e in d.edges:
        for ref in (e.src, e.dst):
            nid, _, side = ref.partition(".")
            if nid not in seen:
                raise SpecError(f"unknown node {nid!r}", source=e.loc, element=e.describe(),
                                fix=_suggest(nid, ids))
            if side and side not in ("left", "right", "top", "bottom"):
                raise SpecError(f"unknown side {side!r} in {ref!r}", source=e.loc, element=e.describe(),
                                fix="write id.left, id.right, id.top or id.bottom")
        if e.src.partition(".")[0] == e.dst.partition(".")[0]:
            raise SpecError("an edge needs two different nodes", source=e.loc, element=e.describe())
    braces = {ov.id for ov in d.overlays if isinstance(ov, Brace) and ov.id}
    for ov in d.overlays:
        for m in ov.members:
            if m not in seen and not (isinstance(ov, Region) and m in braces):
                raise SpecError(f"unknown member {m!r}", source=ov.loc, element=ov.describe(),
                                fix=_suggest(m, ids))


def _suggest(name: str, ids: list[str]) -> str:
    import difflib
    close = difflib.get_close_matches(name, ids, n=3)
    if close:
        return f"did you mean {', '.join(repr(c) for c in close)}?"
    return f"declare a node with id={name!r}, or use one of: {', '.join(ids)}"
