"""Per-language label sizes: sized(label, en=...) changes that label in that language only."""
import re

from llmviz_dsl import Column, Diagram, Node, same, sized
from llmviz_dsl.pipeline import render_svg


def _sizes(svg: str) -> list[float]:
    return [float(v) for v in re.findall(r'<text[^>]*font-size="([0-9.]+)"', svg)]


def _diagram(label, scale=None):
    return Diagram(id="t", chapter=same("T"), title=("标题", "Title"),
                   body=Column(Node("a", label, size=27), Node("b", ("乙", "Beta"), size=27)),
                   **({"text_scale": scale} if scale else {}))


def test_sized_label_changes_only_its_language():
    zh = _sizes(render_svg(_diagram(sized(("甲", "Alpha"), en=21)), "zh").decode())
    en = _sizes(render_svg(_diagram(sized(("甲", "Alpha"), en=21)), "en").decode())
    plain_zh = _sizes(render_svg(_diagram(("甲", "Alpha")), "zh").decode())
    assert zh == plain_zh
    assert 21.0 in en and en.count(27.0) >= 1


def test_sized_label_replaces_text_scale():
    en = _sizes(render_svg(_diagram(sized(("甲", "Alpha"), en=21), {"en": 0.5}), "en").decode())
    assert 21.0 in en and 13.5 in en


def test_sized_keeps_both_strings():
    lab = sized(("冻结", "Frozen"), en=21)
    assert (lab.zh, lab.en, lab.size) == ("冻结", "Frozen", {"en": 21})
