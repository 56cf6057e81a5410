"""The shared next-token sampling chart (multinomial, Top-K, Top-P figures)
and a bar's own value-label colour."""
import re

import pytest

from llmviz_dsl import DROP, PICK, POOL, Bar, BarChart, Diagram, Legend, Look, next_token_chart, same
from llmviz_dsl.pipeline import arrange, build_scene
from llmviz_dsl.scene import Hatch, Rect, TextArt


def _diagram(chart):
    return Diagram(id="t", chapter=same("c"), title=same("t"), body=chart)


def _texts(scene, pattern):
    return [t for t in scene.content if isinstance(t, TextArt)
            and any(re.fullmatch(pattern, ln.text) for ln in t.block.lines)]


def test_looks_follow_the_pick_and_the_pool():
    ch = next_token_chart(pick=1, pool=3)
    looks = [b.look for b in ch.bars[:-1]]
    assert looks[:3] == [POOL, PICK, POOL] and set(looks[3:]) == {DROP}
    # Without a pool the whole vocabulary is the pool.
    ch = next_token_chart(pick=4)
    assert [b.look for b in ch.bars[:-1]].count(PICK) == 1 and ch.bars[4].look == PICK
    assert {b.look for b in ch.bars[:-1]} == {POOL, PICK}


def test_the_legend_keys_only_the_looks_in_use():
    assert [k.look for k in next_token_chart(pick=1, pool=5).legend.keys] == [POOL, PICK, DROP]
    assert [k.look for k in next_token_chart(pick=4).legend.keys] == [POOL, PICK]


def test_bars_are_the_same_distribution_in_every_chart():
    a, b = next_token_chart(pick=1, pool=5), next_token_chart(pick=4, values=False)
    assert [x.value for x in a.bars] == [x.value for x in b.bars]
    assert [x.token for x in a.bars] == [x.token for x in b.bars]
    assert a.bars[-1].value == 0 and len(a.bars) == 17


def test_values_false_leaves_only_the_trailing_dots():
    scene = build_scene(_diagram(next_token_chart(pick=1, pool=3, values=False)), "en")
    assert not _texts(scene, r"0\.\d+")
    assert len(_texts(scene, r"\.\.\.")) == 6 + 1 + 1      # six elided tokens, the last token, its value
    scene = build_scene(_diagram(next_token_chart(pick=1, pool=3)), "en")
    assert {t.block.lines[0].text for t in _texts(scene, r"0\.\d+")} == {
        "0.2", "0.17", "0.14", "0.12", "0.1", "0.06", "0.04"}


def test_dropped_bars_are_hatched():
    scene = build_scene(_diagram(next_token_chart(pick=1, pool=3, legend=None)), "en")
    hatched = [r for r in scene.content if isinstance(r, Rect) and isinstance(r.paint.fill, Hatch)]
    assert len(hatched) == 16 - 3


def test_a_bar_colours_its_own_value_label():
    chart = BarChart("c", bars=[Bar(None, 0.3, text="0.3"), Bar(None, 0, text="...", text_color="cyan")],
                     value_color="text", look=Look(fill="model"))
    scene = build_scene(_diagram(chart), "en")
    (v,) = _texts(scene, r"0\.3")
    (dots,) = _texts(scene, r"\.\.\.")
    assert v.block.color == "#000000" and dots.block.color == "#00B0F0"
    # The label over an empty slot stands on the axis, value_gap above it.
    a = arrange(_diagram(chart), "en")
    assert a.index["c"].extra["values"][1][1].bottom == pytest.approx(a.index["c"].extra["bars"][1].y - 8, abs=0.01)


def test_a_legend_can_be_replaced():
    ch = next_token_chart(pick=1, legend=None)
    assert ch.legend is None
    ch = next_token_chart(pick=1, legend=Legend(*next_token_chart(pick=1).legend.keys))
    assert ch.legend.title is None
