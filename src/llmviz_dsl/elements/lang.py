"""Lang: a part of the layout that differs between the two languages, when
the originals arrange it differently (not just with other words), e.g. step
titles with arrows under them in Chinese but block arrows between them in
English:

    Lang(zh=Column(title, Node(None, None, shape="arrow", direction="down")),
         en=title)

The layout holds the element of the language being built, as if written in
its place; None leaves an empty place of no size (a Row or Column still
sets its gaps around it).
"""
from __future__ import annotations

from ..layout import Ctx, Sized, measure, measures
from ..model import Child, Element

__all__ = ["Lang"]


class Lang(Element):
    """`zh` in the Chinese figure, `en` in the English one."""
    zh: Child | None = None
    en: Child | None = None

    def children(self):
        return [c for c in (self.zh, self.en) if c is not None]


@measures(Lang)
def _lang_size(ctx: Ctx, el: Lang) -> Sized:
    chosen = el.zh if ctx.lang == "zh" else el.en
    return measure(ctx, chosen) if chosen is not None else Sized(el, 0.0, 0.0)
