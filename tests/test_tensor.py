"""Tensors with named axes (grid centred in its box, edges ending on and
routed around the grid) and the zoom lines from a box to its enlarged panel."""
import pytest

from llmviz_dsl import Diagram, Edge, Node, Panel, Row, Tensor, Zoom, same
from llmviz_dsl.elements.tensor import zoom_lines
from llmviz_dsl.geometry import Box
from llmviz_dsl.pipeline import arrange, build_scene
from llmviz_dsl.scene import Path, Poly, Rect, TextArt

E = ""
TAN = "#8C6C5F"


def _diagram(body, **kw):
    return Diagram(id="t", chapter=same("c"), title=same("t"), body=body, **kw)


def _tensor(**kw):
    return Tensor(id="x", rows=[[E] * 4 for _ in range(3)], cell_width=30, cell_height=20,
                  rows_dim=same("seq_len"), cols_dim=same("hid_size"), **kw)


def test_axes_take_room_on_both_sides_and_the_grid_stays_centred():
    a = arrange(_diagram(Row(_tensor())), "en")
    p = a.index["x"]
    assert (p.shape.w, p.shape.h) == (120, 60)                     # the grid: 4 x 30 by 3 x 20
    assert p.box.w > p.shape.w + 40 and p.box.h > p.shape.h + 20  # room for the axes' names
    assert p.shape.cx == pytest.approx(p.box.cx, abs=0.01) and p.shape.cy == pytest.approx(p.box.cy, abs=0.01)


def test_uncentred_axes_take_room_on_their_own_side_only():
    a = arrange(_diagram(Row(_tensor(centred=False, rows_dim_at="right"))), "en")
    p = a.index["x"]
    assert p.shape.x == pytest.approx(p.box.x) and p.shape.y == pytest.approx(p.box.y)
    assert p.box.right > p.shape.right + 20 and p.box.bottom > p.shape.bottom + 10


def test_axes_are_arrows_broken_by_their_names_and_the_name_sits_in_the_first_cell():
    d = _diagram(Row(_tensor(sep="grass", name=same("Wo"))))
    a = arrange(d, "en")
    scene = build_scene(d, "en", a)
    g = a.index["x"].shape
    cells = [r for r in scene.content if isinstance(r, Rect) and r.paint.stroke == "#70AD47"]
    assert len(cells) == 12 and all(r.paint.fill == "#FFFFFF" for r in cells)
    lines = [p for p in scene.content if isinstance(p, Poly) and not p.closed and p.paint.stroke == TAN]
    heads = [p for p in scene.content if isinstance(p, Poly) and p.closed and p.paint.fill == TAN]
    assert len(lines) == 4 and len(heads) == 2                     # two legs and a head per axis
    down = [p for p in lines if p.points[0][0] == p.points[1][0]]
    assert len(down) == 2 and all(p.points[0][0] < g.x for p in down)        # rows: left of the grid
    across = [p for p in lines if p.points[0][1] == p.points[1][1]]
    assert all(p.points[0][1] > g.bottom for p in across)                      # cols: under it
    texts = [t for t in scene.content if isinstance(t, TextArt)]
    name = [t for t in texts if t.block.width < 30 and g.x <= t.x < g.x + 30 and g.y <= t.y < g.y + 20]
    assert len(name) == 1                                           # "Wo" inside the first cell


def test_edges_end_on_the_grid_and_route_around_it():
    t = _tensor()
    d = _diagram(Row(Node("a", same("A")), t, Node("b", same("B")), gap=80, align="start"),
                 edges=[Edge("x", "a"), Edge("a", "b")])
    a = arrange(d, "en")
    g = a.index["x"].shape
    (e1, p1), (e2, p2) = a.routes
    assert p1[0][0] == pytest.approx(g.x) and g.y <= p1[0][1] <= g.bottom    # leaves the grid's own side
    for p, q in zip(p2, p2[1:]):                                    # a -> b may not cross the grid
        if p[1] == q[1] and g.y < p[1] < g.bottom:
            assert max(p[0], q[0]) <= g.x or min(p[0], q[0]) >= g.right


def test_zoom_lines_join_facing_corners():
    box, panel = Box(500, 100, 100, 50), Box(0, 0, 300, 400)
    assert zoom_lines(box, panel) == [((500, 100), (300, 0)), ((500, 150), (300, 400))]
    below = Box(0, 300, 300, 200)
    assert zoom_lines(Box(100, 0, 50, 50), below) == [((100, 50), (0, 300)), ((150, 50), (300, 300))]


def test_zoom_is_drawn_dashed_in_its_colour_with_heads_at_the_panel():
    body = Row(Node("m", same("MHA"), width=100, height=60),
               Panel("big", Node("inner", same("detail"), width=300, height=200), fill=None), gap=200)
    d = _diagram(body, overlays=[Zoom("m", "big", color="brown", style="dashed", head=True)])
    a = arrange(d, "en")
    scene = build_scene(d, "en", a)
    paths = [p for p in scene.content if isinstance(p, Path) and p.paint.stroke == "#846358"]
    assert len(paths) == 2 and all(p.paint.dash for p in paths)
    heads = [p for p in scene.content if isinstance(p, Poly) and p.closed and p.paint.fill == "#846358"]
    assert len(heads) == 2
    big = a.index["big"].box
    tips = sorted(max(h.points, key=lambda q: -abs(q[0] - big.x))[1] for h in heads)
    assert tips == pytest.approx([big.y, big.bottom], abs=1)       # one at each corner of the facing side
