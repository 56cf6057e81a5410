"""Next-token sampling charts: the book's running example, the distribution
of the token after “你” (How), drawn once here for every sampling figure
(multinomial, Top-K, Top-P, ...) so they show the same bars, looks and key.

    next_token_chart(pick=1, pool=3, cut=3, groups=[...], note=Node(...))

`pick` is the sampled bar (blue), `pool` how many of the most probable bars
form the candidate pool (the rest are cut off, hatched; None: the whole
vocabulary is the pool); `values=False` leaves the probabilities off the
bars. Any other keyword goes to the `BarChart` (cut, groups, note, axis
titles, ...). The legend keys the looks the chart uses.
"""
from __future__ import annotations

from typing import Any

from ..model import same
from .barchart import Bar, BarChart
from .legend import Key, Legend, Look

__all__ = ["DROP", "PICK", "POOL", "next_token_chart"]

POOL = Look(fill="cream", stroke="grey", color="gold")     # the candidate pool
PICK = Look(fill="model", stroke="grey", color="blue")     # the sampled token
DROP = Look(hatch="grey", stroke="grey")                   # cut off

# The named tokens and their probabilities; the last one's value is elided.
TOKENS = [(("在", "are"), 0.2), (("好", "was"), 0.17), (("有", "is"), 0.14), (("的", "can"), 0.12),
          (("今", "do"), 0.1), (("人", "to"), 0.06), (same("[EOS]"), 0.04), (("不", "much"), 0.035)]
# The long tail: elided bars, the last two named in English only.
TAIL = [0.03, 0.026, 0.022, 0.018, 0.014, 0.01, 0.007, 0.005]
TAIL_TOKENS = [*["..."] * 6, ("...", "#"), ("...", "%")]

KEYS = {POOL: ("：采样候选池", "：Candidate"), PICK: ("：采样结果", "：Sampling result"),
        DROP: ("：被剔除Token", "：Tokens ignored")}


def next_token_chart(pick: int, pool: int | None = None, values: bool = True, **chart: Any) -> BarChart:
    """The sorted next-token distribution with bar `pick` sampled from the
    `pool` most probable bars (all when None); see the module docstring."""
    n = len(TOKENS) + len(TAIL)

    def look(i: int) -> Look:
        return PICK if i == pick else POOL if pool is None or i < pool else DROP
    elided = None if values else ""
    bars = [Bar(t, v, look(i), text="..." if values and i == len(TOKENS) - 1 else elided)
            for i, (t, v) in enumerate(TOKENS)]
    bars += [Bar(t, v, look(len(bars) + i), text="..." if values else "")
             for i, (t, v) in enumerate(zip(TAIL_TOKENS, TAIL))]
    bars.append(Bar("...", 0, look(n), text="..."))       # the vocabulary goes on
    used = [POOL, PICK] + ([DROP] if pool is not None and pool < n else [])
    chart.setdefault("y_title", ("概率（$P$）", "Probability\n（$P$）"))
    chart.setdefault("x_title", ("词表", "Vocabulary"))
    chart.setdefault("legend", Legend(*(Key(lk, KEYS[lk]) for lk in used), title=("说明", "")))
    return BarChart(bars=bars, **chart)
