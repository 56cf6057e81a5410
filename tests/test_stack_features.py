"""Geometry of the features the llm-structure figure needs: a node's cap,
grid spans that overhang their rows, per-gap column widths, cells whose text
shrinks to fit, an overlay plate, and regions that wrap a brace."""
from __future__ import annotations

import pytest

from llmviz_dsl import Brace, Cells, Diagram, Edge, Gap, Grid, Node, Region, Span, same
from llmviz_dsl.pipeline import arrange, build_scene
from llmviz_dsl.scene import Gradient, Poly, Rect, TextArt


def _diagram(body, edges=(), overlays=()):
    return Diagram(id="t", chapter=same("C"), title=same("T"), body=body, edges=list(edges),
                   overlays=list(overlays))


def test_cap_sits_on_top_and_edges_meet_its_apex():
    d = _diagram(Grid(rows=[[Node("out", same("A"))], [Node("dec", same("Decoding"), width=200, height=60,
                                                              cap="model", cap_height=30)]]),
                 edges=[Edge("dec", "out", route="straight")])
    a = arrange(d, "en")
    dec = a.index["dec"]
    assert dec.shape.h == pytest.approx(90)                # box + cap
    (e, pts), = a.routes
    assert pts[0] == pytest.approx((dec.shape.cx, dec.shape.y))   # the apex
    scene = build_scene(d, "en")
    tri = [it for it in scene.content if isinstance(it, Poly) and it.closed and isinstance(it.paint.fill, Gradient)]
    assert len(tri) == 1
    ys = sorted(p[1] for p in tri[0].points)
    assert ys[0] == pytest.approx(dec.shape.y) and ys[-1] == pytest.approx(dec.shape.y + 30)
    body = [it for it in scene.content if isinstance(it, Rect) and it.box.w == pytest.approx(200)]
    assert body and body[0].box.y == pytest.approx(dec.shape.y + 30) and body[0].box.h == pytest.approx(60)


def test_overhanging_span_does_not_size_its_row():
    tall = Node("tall", same("T"), height=120)
    d = _diagram(Grid(row_gap=0, rows=[[Node("a", same("A"), height=50), None],
                                       [Gap(id="g", height=40), Span(tall, overhang=True)],
                                       [Node("b", same("B"), height=50), None]]))
    a = arrange(d, "en")
    A, g, B, T = (a.index[k] for k in ("a", "g", "b", "tall"))
    assert B.shape.y - A.shape.bottom == pytest.approx(40)     # the gap row kept its height
    assert T.shape.cy == pytest.approx(g.box.cy)               # centred on its row
    assert T.shape.y < A.shape.bottom and T.shape.bottom > B.shape.y   # hanging over both neighbours


def test_col_gaps_set_each_gap():
    d = _diagram(Grid(col_gaps=[200, 10], rows=[[Node("a", same("A"), width=60), Node("b", same("B"), width=60),
                                                 Node("c", same("C"), width=60)]]))
    a = arrange(d, "en")
    assert a.index["b"].shape.x - a.index["a"].shape.right == pytest.approx(200)
    assert a.index["c"].shape.x - a.index["b"].shape.right == pytest.approx(10)


def test_cell_text_shrinks_to_fit_and_overlay_plate():
    c = Cells(id="c", rows=[[same("a very long token"), "1"]], cell_width=40, text_size=27,
              overlay=same("X"), overlay_fill="panel")
    scene = build_scene(_diagram(c), "en")
    cells = [it for it in scene.content if isinstance(it, Rect) and it.box.w == pytest.approx(40)]
    texts = [it for it in scene.content if isinstance(it, TextArt)]
    first = cells[0].box
    assert texts[0].x >= first.x and texts[0].x + texts[0].block.width <= first.right
    # Both cells shrink alike.
    assert texts[0].block.lines[0].size == pytest.approx(texts[1].block.lines[0].size)
    plate = [it for it in scene.content if isinstance(it, Rect) and it.paint.opacity < 1]
    assert plate and plate[0].box.cx == pytest.approx(first.x + 40)


def test_region_wraps_a_brace_member_and_can_be_symmetric():
    body = Grid(rows=[[Node("a", same("A"), width=100)], [Node("b", same("B"), width=100)]])
    br = Brace(["a", "b"], id="br", label=same("many layers"))
    d = _diagram(body, overlays=[br, Region("r", ["a", "b", "br"], padding=10, symmetric=True)])
    a = arrange(d, "en")
    scene = build_scene(d, "en")
    label = next(it for it in scene.content if isinstance(it, TextArt) and it.block.lines[0].text == "many layers")
    region = next(it for it in scene.content if isinstance(it, Rect) and it.rx == 16)
    A = a.index["a"].shape
    assert region.box.x <= label.x - 10 + 0.01                  # brace label inside, with padding
    assert region.box.cx == pytest.approx(A.cx)                 # centred on its nodes
