"""Semantic checks on a validated Diagram, before layout: ids unique, edge
and overlay references resolve, colours are theme tokens."""
from __future__ import annotations

import functools
from typing import Annotated, get_args, get_origin

from pydantic import BaseModel

from .errors import SpecError
from .model import TOKEN, Brace, Diagram, Element, Region, walk
from .theme import Theme



def _has_token(annotation) -> bool:
    """Does a field's type mention Token (directly, optional, or in a list)?"""
    if get_origin(annotation) is Annotated and TOKEN in get_args(annotation)[1:]:
        return True
    return any(_has_token(a) for a in get_args(annotation))


@functools.lru_cache(maxsize=None)
def _token_fields(kind: type) -> tuple[str, ...]:
    return tuple(n for n, f in kind.model_fields.items()
                 if _has_token(f.annotation) or TOKEN in f.metadata)


def _tokens(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _tokens(v)


def _parts(model: BaseModel, owner: Element):
    """`model` and every model held in its fields (a Plot's lines, a chart's
    bars, a legend's looks...), each with the nearest element that wrote it."""
    owner = model if isinstance(model, Element) else owner
    yield model, owner
    for name in type(model).model_fields:
        for v in _flat(getattr(model, name)):
            if isinstance(v, BaseModel) and not isinstance(v, Diagram):
                yield from _parts(v, owner)


def _flat(value):
    if isinstance(value, (list, tuple)):
        for v in value:
            yield from _flat(v)
    else:
        yield value


def check(d: Diagram, theme: Theme) -> None:
    seen: dict[str, Element] = {}
    elements = list(walk(d.body))
    if not any(type(e).is_visible for e in elements):
        raise SpecError("the diagram draws nothing", source=d.loc, element=f"Diagram({d.id!r})",
                        fix="put at least one Node, Text, Cells, chart or other visible element in body")
    for el in elements:
        if el.id:
            if el.id in seen:
                first = seen[el.id]
                raise SpecError(f"duplicate id {el.id!r} (first used at {first.loc})", source=el.loc,
                                element=el.describe(), fix="give every element its own id")
            seen[el.id] = el
    parts = {id(m): (m, o) for el in [d.body, *d.edges, *d.overlays] for m, o in _parts(el, el)}
    for m, owner in parts.values():
        name = m.describe() if isinstance(m, Element) else f"{owner.describe()} {type(m).__name__}"
        for f in _token_fields(type(m)):
            for tok in _tokens(getattr(m, f)):
                theme.color(tok, f"{name} {f}", (m if isinstance(m, Element) else owner).loc)
    ids = sorted(seen)
    braces = {ov.id for ov in d.overlays if isinstance(ov, Brace) and ov.id}
    for e in d.edges:
        for ref in (e.src, e.dst):
            nid, _, side = ref.partition(".")
            if nid not in seen and nid not in braces:     # an edge may start at a brace's tip
                raise SpecError(f"unknown node {nid!r}", source=e.loc, element=e.describe(),
                                fix=_suggest(nid, ids))
            if side and side not in ("left", "right", "top", "bottom"):
                raise SpecError(f"unknown side {side!r} in {ref!r}", source=e.loc, element=e.describe(),
                                fix="write id.left, id.right, id.top or id.bottom")
        if (e.src.partition(".")[0] == e.dst.partition(".")[0]) != (e.loop is not None):
            if e.loop:
                raise SpecError(f"loop={e.loop!r} needs the same node at both ends", source=e.loc,
                                element=e.describe(), fix=f"write Edge({e.src!r}, {e.src!r}, loop={e.loop!r})")
            raise SpecError("an edge needs two different nodes", source=e.loc, element=e.describe(),
                            fix="for a self-loop add loop=\"top\" (or left/right/bottom)")
    for ov in d.overlays:
        for m in getattr(ov, "members", []):
            if m not in seen and not (isinstance(ov, Region) and m in braces):
                raise SpecError(f"unknown member {m!r}", source=ov.loc, element=ov.describe(),
                                fix=_suggest(m, ids))


def _suggest(name: str, ids: list[str]) -> str:
    import difflib
    close = difflib.get_close_matches(name, ids, n=3)
    if close:
        return f"did you mean {', '.join(repr(c) for c in close)}?"
    return f"declare a node with id={name!r}, or use one of: {', '.join(ids)}"
