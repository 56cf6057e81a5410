"""Bar charts: bar geometry from data, labels, axes, cut line, groups, the
note and legend slots, horizontal charts, and spec errors."""
import re

import pytest

from llmviz_dsl import (Bar, BarChart, BarGroup, Diagram, Edge, Key, Legend, Look, Node, Row, same)
from llmviz_dsl.elements.barchart import BESIDE, LIFT
from llmviz_dsl.errors import SpecError
from llmviz_dsl.geometry import path_points
from llmviz_dsl.pipeline import arrange, build_scene, render_svg
from llmviz_dsl.scene import Hatch, IconArt, Poly, Rect, TextArt

POOL = Look(fill="cream", stroke="grey", color="gold")
PICK = Look(fill="model", stroke="grey", color="blue")
DROP = Look(hatch="grey", stroke="grey")
VALUES = [0.2, 0.17, 0.14, 0.1, 0.05, 0.02]


def _diagram(chart, **kw):
    return Diagram(id="t", chapter=same("c"), title=same("t"), body=chart, **kw)


def _chart(**kw):
    looks = [POOL, PICK, POOL, DROP, DROP, DROP]
    bars = [Bar(same(f"t{i}"), v, lk, id=f"b{i}") for i, (v, lk) in enumerate(zip(VALUES, looks))]
    kw.setdefault("bars", bars)
    return BarChart("chart", x_title=("词表", "Vocabulary"), y_title=("概率（$P$）", "Probability"), **kw)


def _placed(chart, lang="en", **kw):
    a = arrange(_diagram(chart, **kw), lang)
    return a, a.index["chart"]


def _bars(p):
    return [b.moved(p.box.x, p.box.y) for b in p.extra["bars"]]


def _texts(scene, pattern):
    return [t for t in scene.content if isinstance(t, TextArt)
            and any(re.fullmatch(pattern, ln.text) for ln in t.block.lines)]


def test_bar_lengths_are_proportional_to_values_and_share_the_baseline():
    _, p = _placed(_chart(length=400))
    bars = _bars(p)
    assert bars[0].h == pytest.approx(400)
    for b, v in zip(bars, VALUES):
        assert b.h == pytest.approx(400 * v / 0.2)
        assert b.bottom == pytest.approx(bars[0].bottom)
    # max_value fixes the scale (charts drawn side by side).
    _, q = _placed(_chart(length=400, max_value=0.4))
    assert _bars(q)[0].h == pytest.approx(200)


def test_bars_stand_in_order_evenly_spaced():
    _, p = _placed(_chart(bar_width=30, gap=6))
    xs = [b.x for b in _bars(p)]
    assert all(b.w == 30 for b in _bars(p))
    assert [round(b - a, 6) for a, b in zip(xs, xs[1:])] == [36] * (len(xs) - 1)


def test_value_labels_are_centred_above_their_bars():
    chart = _chart(value_gap=6)
    scene = build_scene(_diagram(chart), "en")
    _, p = _placed(chart)
    for bar, v in zip(_bars(p), VALUES):
        (t,) = _texts(scene, re.escape(f"{v:g}"))
        assert t.x + t.block.width / 2 == pytest.approx(bar.cx, abs=0.01)
        assert t.y + t.block.height == pytest.approx(bar.y - 6, abs=0.01)


def test_token_labels_sit_under_the_axis_in_their_looks_colour():
    chart = _chart()
    scene = build_scene(_diagram(chart), "en")
    _, p = _placed(chart)
    axis_y = _bars(p)[0].bottom
    colours = {"gold": "#BF9000", "blue": "#4472C4", "text": "#000000"}
    for i, (bar, lk) in enumerate(zip(_bars(p), [POOL, PICK, POOL, DROP, DROP, DROP])):
        (t,) = _texts(scene, f"t{i}")
        assert t.y > axis_y and t.x + t.block.width / 2 == pytest.approx(bar.cx, abs=0.01)
        assert t.block.color == colours[lk.color]


def test_a_long_token_shrinks_to_its_slot_and_stays_on_the_token_line():
    bars = [Bar(same("a"), 0.2), Bar(same("[EOS]"), 0.1), Bar(same("b"), 0.1)]
    scene = build_scene(_diagram(_chart(bars=bars, bar_width=35)), "en")
    (eos,) = _texts(scene, r"\[EOS\]")
    (a,) = _texts(scene, "a")
    assert eos.block.width <= 34 + 0.01 and eos.block.lines[0].size < 21
    assert eos.y + eos.block.height / 2 == pytest.approx(a.y + a.block.height / 2, abs=0.01)


def test_hatched_bars_carry_a_hatch_fill_and_flat_ones_a_colour():
    chart = _chart()
    scene = build_scene(_diagram(chart), "en")
    _, p = _placed(chart)
    rects = {(r.box.x, r.box.w, r.box.h): r for r in scene.content if isinstance(r, Rect)}
    fills = [rects[(b.x, b.w, b.h)].paint.fill for b in _bars(p)]
    assert [isinstance(f, Hatch) for f in fills] == [False, False, False, True, True, True]
    assert fills[0] == "#FFF2CC" and fills[1] == "#71CCF5"
    assert fills[3].color == "#7F7F7F" and fills[3].background == "#FFFFFF"
    svg = render_svg(_diagram(chart), "en").decode()
    assert len(re.findall(r'fill="url\(#ht[0-9a-f]+\)"', svg)) == 3


def test_axes_end_in_arrow_heads_past_the_bars():
    chart = _chart(length=300, headroom=80, tail=48, inset=57)
    scene = build_scene(_diagram(chart), "en")
    _, p = _placed(chart)
    bars = _bars(p)
    heads = [it for it in scene.content if isinstance(it, Poly) and it.closed and len(it.points) == 3]
    tips = {(round(h.points[0][0], 2), round(h.points[0][1], 2)) for h in heads}
    origin_x = bars[0].x - 57
    assert (round(bars[-1].right + 48, 2), round(bars[0].bottom, 2)) in tips       # x axis, to the right
    assert (round(origin_x, 2), round(bars[0].bottom - 380, 2)) in tips            # y axis, up
    # Axis titles at the tips: x title right of its tip, y title left of its tip.
    scene_titles = {ln.text: t for t in scene.content if isinstance(t, TextArt) for ln in t.block.lines}
    assert scene_titles["Vocabulary"].x > bars[-1].right + 48
    yt = scene_titles["Probability"]
    assert yt.x + yt.block.width < origin_x
    assert yt.y < bars[0].bottom - 380 < yt.y + yt.block.height


def test_cut_line_lies_between_the_two_bars_with_its_label_beside_it():
    chart = _chart(cut=3, cut_label=("截断", "Truncation"))
    scene = build_scene(_diagram(chart), "en")
    _, p = _placed(chart)
    bars = _bars(p)
    (x0, y0), (x1, y1) = [(a + p.box.x, b + p.box.y) for a, b in p.extra["cut"]]
    assert x0 == x1 == pytest.approx(bars[2].right) == pytest.approx(bars[3].x)
    assert max(y0, y1) == pytest.approx(bars[2].y)          # down to the taller neighbour
    assert min(y0, y1) < bars[0].y                           # up past the longest bar
    line = [it for it in scene.content if isinstance(it, Poly) and it.points == [(x0, y0), (x1, y1)]]
    assert line and line[0].paint.dash                       # dotted
    (lab,) = _texts(scene, "Truncation")
    assert lab.x >= x0 + 10 - 0.01 and lab.y + lab.block.height <= bars[2].y - 20 + 0.01


def test_cut_and_group_out_of_range_are_spec_errors():
    with pytest.raises(SpecError, match=r"cut=6 is not between two bars.*use 1..5"):
        arrange(_diagram(_chart(cut=6)), "en")
    with pytest.raises(SpecError, match=r"runs from bar 2 to 9"):
        arrange(_diagram(_chart(groups=[BarGroup(2, 9, id="g")])), "en")
    with pytest.raises(SpecError, match="Bar only goes inside a BarChart"):
        arrange(_diagram(Row(Node("a", same("A")), Bar(same("x"), 1))), "en")


def test_group_brace_spans_its_bars_with_label_and_outline():
    g = BarGroup(0, 3, id="pool", label=same("Top-P=0.7"), label_align="start", color="gold", outline="red")
    chart = _chart(groups=[g])
    scene = build_scene(_diagram(chart), "en")
    a, p = _placed(chart)
    bars = _bars(p)
    # The group is an edge end whose box spans its bars.
    span = a.index["pool"].shape
    assert span.x == pytest.approx(bars[0].x, abs=0.01) and span.right == pytest.approx(bars[2].right, abs=0.01)
    assert span.y == pytest.approx(bars[0].y, abs=0.01) and span.bottom == pytest.approx(bars[0].bottom, abs=0.01)
    brace = [it for it in scene.content if type(it).__name__ == "Path" and it.paint.stroke == "#BF9000"]
    assert len(brace) == 1
    xs = [x for x, _ in path_points(brace[0].d)]
    assert min(xs) == pytest.approx(bars[0].x, abs=0.01) and max(xs) == pytest.approx(bars[2].right, abs=0.01)
    (lab,) = _texts(scene, "Top-P=0.7")
    assert lab.x == pytest.approx(bars[0].x, abs=0.01)       # flush with the first bar
    value_top = min(t.y for t in _texts(scene, r"0\.\d+"))
    assert lab.y + lab.block.height < value_top - 26         # above the brace
    outline = [r for r in scene.content if isinstance(r, Rect) and r.paint.stroke == "#EB6252"]
    assert len(outline) == 1 and outline[0].box.contains(bars[0].union(bars[2]))


def test_note_sits_over_the_short_end_and_legend_beside_the_last_bar():
    note = Node("note", same("sample here"), fill="cream", stroke="black")
    legend = Legend(Key(POOL, same("pool")), Key(DROP, same("cut")), title=same("Key"))
    chart = _chart(note=note, legend=legend)
    a, p = _placed(chart, edges=[Edge("note.left", "b1.top", route="straight")])
    bars = _bars(p)
    n, lg = a.index["note"].shape, [k for k in p.kids if isinstance(k.el, Legend)][0].box
    assert n.right == pytest.approx(bars[-1].right, abs=0.01) and n.bottom < bars[0].bottom
    for b in bars:                                           # clear of every bar it is over
        if b.x < n.right and n.x < b.right:
            assert n.bottom + BESIDE <= b.y - 27
    assert lg.x == pytest.approx(bars[-1].right + BESIDE, abs=0.01)
    assert lg.bottom == pytest.approx(bars[0].bottom - LIFT, abs=0.01)
    (e, pts), = a.routes
    assert pts[-1] == (pytest.approx(bars[1].cx, abs=0.01), pytest.approx(bars[1].y, abs=0.01))  # bars: edge ends


def test_zero_bar_draws_only_its_labels_and_icons_follow_the_value():
    bars = [Bar(same("a"), 0.3, icon="lock"), Bar(same("b"), 0.1), Bar("...", 0, text="...")]
    chart = _chart(bars=bars)
    scene = build_scene(_diagram(chart), "en")
    _, p = _placed(chart)
    drawn = [r for r in scene.content if isinstance(r, Rect) and r.paint.stroke == "#7F7F7F"]
    assert len(drawn) == 2
    (v,) = _texts(scene, "0.3")
    (icon,) = [it for it in scene.content if isinstance(it, IconArt)]
    assert icon.box.x > v.x + v.block.width and abs(icon.box.cy - (v.y + v.block.height / 2)) < 0.01
    assert len(_texts(scene, r"\.\.\.")) == 2                # value and token of the empty slot


def test_horizontal_chart_grows_bars_right_from_one_baseline():
    bars = [Bar(same("!"), 0.05), Bar(same("我"), 0.6, icon="lock"), Bar("...", 0.2)]
    chart = BarChart("chart", bars=bars, horizontal=True, axes=False, show_values=False, length=90,
                     bar_width=30, gap=8, token_size=24, token_gap=16)
    scene = build_scene(_diagram(chart), "zh")
    _, p = _placed(chart, lang="zh")
    bs = _bars(p)
    assert len({round(b.x, 4) for b in bs}) == 1                          # one baseline
    assert [round(b.w, 4) for b in bs] == [7.5, 90, 30]                    # lengths along x
    assert [round(b.y - bs[0].y, 4) for b in bs] == [0, 38, 76]            # top to bottom
    (t,) = _texts(scene, "我")
    assert t.x + t.block.width == pytest.approx(bs[0].x - 16) and t.y + t.block.height / 2 == pytest.approx(bs[1].cy)
    (icon,) = [it for it in scene.content if isinstance(it, IconArt)]
    assert icon.box.x > bs[1].right and icon.box.cy == pytest.approx(bs[1].cy)
    assert not [it for it in scene.content if isinstance(it, Poly) and it.closed]   # no axes


def test_a_callout_note_keeps_its_body_clear_and_its_tail_reaches_over_the_bars():
    note = Node("note", same("sample here"), shape="bubble", tail="left", tail_length=200, fill="cream")
    a, p = _placed(_chart(note=note))
    bars = _bars(p)
    body, whole = a.index["note"].shape, a.index["note"].box
    assert body.right == pytest.approx(bars[-1].right, abs=0.01)
    assert whole.x == pytest.approx(body.x - 200, abs=0.01)            # the tail's room, to the left
    for b in bars:
        if b.x < body.right and body.x < b.right:
            assert body.bottom + BESIDE <= b.y - 27
    # A bar under the tail stands taller than the body's bottom: only the body pushed the axis up.
    assert any(whole.x < b.right and b.right <= body.x and b.y < body.bottom for b in bars)
