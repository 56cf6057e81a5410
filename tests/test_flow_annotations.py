"""Geometry of the features the dpo-training-overview figure needs: plumb
straight edges, edges that attach to a Rule's line, feedback loops routed
around the outside, an icon mirroring an edge label, a row of parallel arrows,
the funnel shape, and the footer that widens the frame to fit."""
from __future__ import annotations

import pytest

from llmviz_dsl import Arrows, Column, Diagram, Edge, Grid, Node, Row, Rule, Span, Text, same
from llmviz_dsl.pipeline import arrange, build_scene
from llmviz_dsl.scene import IconArt, Poly, TextArt


def _diagram(body, edges=(), **kw):
    return Diagram(id="t", chapter=same("C"), title=same("T"), body=body, edges=list(edges), **kw)


def _underlined_pair():
    """A wide underlined pair above a narrow node that is off its centre."""
    return Grid(rows=[
        [Column(Row(Node("a", same("A"), width=200), Node("b", same("B"), width=200), gap=0),
                Rule(id="line", shadow=False), gap=2)],
        [Row(Node("n", same("N"), width=80), Node("m", same("M"), width=80), gap=150)],
    ], row_gap=60)


def test_rule_edges_start_on_the_line_and_plumb_edges_run_vertically():
    d = _diagram(_underlined_pair(), [Edge("line", "n", route="straight", plumb=True),
                                      Edge("line", "m", route="straight")])
    a = arrange(d, "en")
    line, n, m = a.index["line"], a.index["n"], a.index["m"]
    assert line.shape.h == 0 and line.shape.y == pytest.approx(line.box.cy)
    (_, plumb), (_, slanted) = a.routes
    assert n.shape.cx != pytest.approx(line.shape.cx)          # the case that needs plumb
    assert plumb == [pytest.approx((n.shape.cx, line.shape.y)), pytest.approx((n.shape.cx, n.shape.y))]
    assert slanted == [pytest.approx((line.shape.cx, line.shape.y)), pytest.approx((m.shape.cx, m.shape.y))]


def test_plumb_is_clamped_to_the_overlap():
    d = _diagram(Grid(rows=[[Node("w", same("W"), width=300)], [Span(Row(Node("k", same("K")), gap=0))]],
                      col_align=["start"]), [Edge("w", "k", route="straight", plumb=True)])
    a = arrange(d, "en")
    w, k = a.index["w"], a.index["k"]
    (_, pts), = a.routes
    assert pts[0][0] == pts[1][0] and w.shape.x <= pts[0][0] <= w.shape.right
    assert k.shape.x <= pts[0][0] <= k.shape.right


def _loop(around):
    body = Grid(rows=[[Node("wide", same("a wide box on the left"), width=400), None],
                      [None, Node("top", same("T"))],
                      [None, Node("mid", same("M"))],
                      [None, Node("bot", same("B"))]], row_gap=40)
    return _diagram(body, [Edge("bot.left", "top.left", around=around, label=same("loop"))])


def test_around_runs_the_long_leg_outside_every_box():
    near = arrange(_loop(None), "en")
    far = arrange(_loop("left"), "en")
    wide = far.index["wide"].shape
    (_, pts), = far.routes
    verticals = [p[0] for p, q in zip(pts, pts[1:]) if p[0] == q[0]]
    assert verticals and all(x < wide.x for x in verticals)    # left of the leftmost box
    (_, pts0), = near.routes
    assert min(p[0] for p in pts0) > wide.x                    # without it, the loop hugs the nodes
    assert pts[0] == pytest.approx((far.index["bot"].shape.x, far.index["bot"].shape.cy))
    assert pts[-1] == pytest.approx((far.index["top"].shape.x, far.index["top"].shape.cy))


def test_label_icon_mirrors_the_label_across_a_vertical_edge():
    d = _diagram(Grid(rows=[[Node("u", same("U"))], [Node("v", same("V"))]], row_gap=120),
                 [Edge("u", "v", label=same("backprop\nhere"), label_icon="nn", label_align="left")])
    scene = build_scene(d, "en")
    a = arrange(d, "en")
    x = a.index["u"].shape.cx
    icon, = [it for it in scene.content if isinstance(it, IconArt)]
    label, = [it for it in scene.content if isinstance(it, TextArt) and "backprop" in it.block.lines[0].text]
    assert label.x > x and icon.box.right < x                  # label right, icon left
    assert x - icon.box.right == pytest.approx(label.x - x)    # same distance
    assert icon.box.cy == pytest.approx(label.y + label.block.height / 2)
    assert label.block.lines[1].x == 0                         # left-aligned lines


def test_arrows_are_parallel_evenly_spaced_and_point_the_right_way():
    d = _diagram(Column(Text("t", same("Logits")), Arrows(id="arr", count=4, length=40, spacing=25)))
    a = arrange(d, "en")
    box = a.index["arr"].box
    assert box.h == 40 and box.w == pytest.approx(3 * 25 + 9)
    scene = build_scene(d, "en")
    lines = [it for it in scene.content if isinstance(it, Poly) and not it.closed]
    heads = [it for it in scene.content if isinstance(it, Poly) and it.closed]
    assert len(lines) == 4 and len(heads) == 4
    xs = [ln.points[0][0] for ln in lines]
    assert all(ln.points[0][0] == ln.points[1][0] for ln in lines)             # vertical
    assert [b - a for a, b in zip(xs, xs[1:])] == pytest.approx([25, 25, 25])  # evenly spaced
    for h in heads:                                                             # tips at the bottom
        assert max(p[1] for p in h.points) == pytest.approx(box.bottom)


def test_funnel_is_a_downward_triangle_with_an_axis_arrow():
    d = _diagram(Node("f", shape="funnel", fill="white", stroke="grey", width=160, height=50))
    a = arrange(d, "en")
    b = a.index["f"].shape
    scene = build_scene(d, "en")
    polys = [it for it in scene.content if isinstance(it, Poly)]
    tri = [p for p in polys if p.closed and len(p.points) == 3 and p.paint.stroke]
    want = sorted([(b.x, b.y), (b.right, b.y), (b.cx, b.bottom)])
    assert tri and [pytest.approx(p) for p in want] == sorted(tri[0].points)
    axis = [p for p in polys if not p.closed]
    assert axis and axis[0].points[0] == pytest.approx((b.cx, b.y))
    head = [p for p in polys if p.closed and p is not tri[0]]
    assert head and max(pt[1] for pt in head[0].points) == pytest.approx(b.bottom)


def test_frame_widens_so_the_footer_title_clears_the_credit():
    d = _diagram(Node("a", same("A")))
    d.title = same("A rather long English title for the footer band")
    scene = build_scene(d, "en")
    texts = [it for it in scene.items if isinstance(it, TextArt)]
    title, credit = texts[0], texts[1]
    assert title.x + title.block.width < credit.x
