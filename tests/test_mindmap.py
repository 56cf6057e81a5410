"""MindMap: children stacked `gap` apart and centred on their parent, the
root centred on each side, children `stem + reach` beyond the parent (bare
text further), one bracket path per parent with the depth's width."""
from __future__ import annotations

import pytest

from llmviz_dsl import Branch, Diagram, MindMap, Node, Text, same
from llmviz_dsl.pipeline import arrange, build_scene
from llmviz_dsl.geometry import fmt as f
from llmviz_dsl.scene import Path


def _box(id, h=40):
    return Node(id, same(id.upper()), width=120, height=h)


def _text(id, label="leaf"):
    return Text(id, same(label))


def _map(**kw):
    body = MindMap(
        Node("root", same("ROOT"), width=150, height=100),
        right=[Branch(_box("a"), _text("a1"), _text("a2"), _text("a3")),
               Branch(_box("b"), Branch(_text("b1"), _text("x"), _text("y")), _text("b2"))],
        left=[Branch(_box("c"), _text("c1", "one\nlonger line")), _box("d", h=60)],
        **kw)
    return Diagram(id="t", chapter=same("C"), title=same("T"), body=body)


def test_children_stack_gap_apart_and_parents_centre_on_first_and_last_child():
    a = arrange(_map(gap=30), "en")
    s = {n: p.shape for n, p in a.index.items()}
    # A leaf parent's children: one column, gap apart box to box.
    assert s["a2"].y - s["a1"].bottom == pytest.approx(30, abs=0.01)
    assert s["a3"].y - s["a2"].bottom == pytest.approx(30, abs=0.01)
    for parent, first, last in [("a", "a1", "a3"), ("b1", "x", "y"), ("c", "c1", "c1"), ("root", "a", "b")]:
        assert s[parent].cy == pytest.approx((s[first].cy + s[last].cy) / 2, abs=0.01), parent
    # The root is centred on its left side too.
    assert s["root"].cy == pytest.approx((s["c"].cy + s["d"].cy) / 2, abs=0.01)
    # Subtrees stack by their extent: b's first leaf subtree (b1 with x, y)
    # starts gap below a's last leaf.
    assert s["x"].y - s["a3"].bottom == pytest.approx(30, abs=0.01)


def test_children_sit_stem_plus_reach_beyond_the_parent_bare_text_further():
    a = arrange(_map(stem=20, reach=30, text_gap=10), "en")
    s = {n: p.shape for n, p in a.index.items()}
    assert s["a"].x - s["root"].right == pytest.approx(50, abs=0.01)        # a box
    assert s["a1"].x - s["a"].right == pytest.approx(60, abs=0.01)          # text: + text_gap
    assert s["root"].x - s["c"].right == pytest.approx(50, abs=0.01)        # left side, mirrored
    assert s["c"].x - s["c1"].right == pytest.approx(60, abs=0.01)
    # A bare-text parent keeps text_gap on both sides of its stem.
    assert s["x"].x - s["b1"].right == pytest.approx(70, abs=0.01)
    # Multi-line bare text is set flush left (on either side).
    lines = a.index["c1"].text.lines
    assert len(lines) == 2 and a.index["c1"].el.align == "left"


def test_one_bracket_per_parent_with_rounded_ends_stubs_and_depth_widths():
    d = _map(stem=20, reach=30, text_gap=10, radius=12, widths=[6, 4])
    a = arrange(d, "en")
    s = {n: p.shape for n, p in a.index.items()}
    paths = [it for it in build_scene(d, "en").content if isinstance(it, Path) and it.paint.stroke == "#666666"]
    # root (two sides), a, b, b1, c: one path each.
    assert len(paths) == 6
    assert sorted(p.paint.width for p in paths) == [4, 4, 4, 4, 6, 6]
    # a's bracket: stem from a's right edge at its centre, a trunk 20 beyond
    # with rounded ends into the first and last child, a stub to the middle one.
    ax, ay = s["a"].right, s["a"].cy
    tx = ax + 20
    want = f"M{f(ax)} {f(ay)}H{f(tx)}"
    pa = next(p for p in paths if p.d.startswith(want))
    ends = s["a1"].x - 10
    assert f"M{f(ends)} {f(s['a1'].cy)}H{f(tx + 12)}Q{f(tx)} {f(s['a1'].cy)} {f(tx)} {f(s['a1'].cy + 12)}" in pa.d
    assert f"M{f(tx)} {f(s['a2'].cy)}H{f(ends)}" in pa.d
    # A lone child is joined by one straight line (left side: mirrored).
    pc = next(p for p in paths if p.d.startswith(f"M{f(s['c'].x)} {f(s['c'].cy)}"))
    assert pc.d == f"M{f(s['c'].x)} {f(s['c'].cy)}H{f(s['c'].x - 20)}H{f(s['c1'].right + 10)}"


def test_a_brace_connector_points_at_the_parent_and_curls_short_of_the_children():
    body = MindMap(Node("root", same("ROOT"), width=100, height=60),
                   right=[_box("a"), _box("b"), _box("c")], connector="brace", color="black", widths=[1.33],
                   stem=20, reach=30, radius=10)
    d = Diagram(id="t", chapter=same("C"), title=same("T"), body=body)
    s = {n: p.shape for n, p in arrange(d, "en").index.items()}
    (path,) = [it for it in build_scene(d, "en").content if isinstance(it, Path) and it.paint.stroke == "#000000"]
    tx, top, bot, ym = s["root"].right + 20, s["a"].cy, s["c"].cy, s["root"].cy
    assert path.paint.width == 1.33
    assert path.d.startswith(f"M{f(tx + 10)} {f(top)}Q{f(tx)} {f(top)} {f(tx)} {f(top + 10)}")
    assert f"Q{f(tx)} {f(ym)} {f(s['root'].right)} {f(ym)}" in path.d        # the tip at the parent
    assert path.d.endswith(f"Q{f(tx)} {f(bot)} {f(tx + 10)} {f(bot)}")
    assert "H" not in path.d and s["a"].x - tx == 30                         # no stubs to the children
