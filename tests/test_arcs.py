"""Arcs and self-loops: curves that start and end on node outlines, bulge to
the side asked for, carry heads along their tangents, keep their labels off
nodes, labels and other edges, and are held by the Flow (and its panel)."""
from __future__ import annotations

import math

import pytest

from llmviz_dsl import Diagram, Edge, Flow, Node, Panel, same
from llmviz_dsl.curves import Curve, point, tangent
from llmviz_dsl.errors import SpecError
from llmviz_dsl.geometry import path_points
from llmviz_dsl.pipeline import arrange, build_scene, render_svg
from llmviz_dsl.route import segment_hits_box
from llmviz_dsl.scene import Path, Poly, TextArt

from conftest import spec


def _diagram(body, edges):
    return Diagram(id="t", chapter=same("C"), title=same("T"), body=body, edges=edges)


def _two(shape="ellipse", edges=(), panel=False):
    flow = Flow(Node("a", same("A"), shape=shape, width=100, height=90),
                Node("b", same("B"), shape=shape, width=100, height=90), rank_gap=220)
    return _diagram(Panel("p", flow) if panel else flow, list(edges))


def _on_ellipse(p, box):
    return ((p[0] - box.cx) / (box.w / 2)) ** 2 + ((p[1] - box.cy) / (box.h / 2)) ** 2


def _on_box(p, box):
    inside = box.x - 0.01 <= p[0] <= box.right + 0.01 and box.y - 0.01 <= p[1] <= box.bottom + 0.01
    edge = min(abs(p[0] - box.x), abs(p[0] - box.right), abs(p[1] - box.y), abs(p[1] - box.bottom))
    return inside and edge < 0.01


def _crosses(p, q, r, s):
    def orient(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    return (orient(p, q, r) * orient(p, q, s) < 0) and (orient(r, s, p) * orient(r, s, q) < 0)


def test_an_arc_starts_and_ends_on_the_outlines():
    for shape, on in (("ellipse", lambda p, b: abs(_on_ellipse(p, b) - 1) < 1e-3), ("round", _on_box)):
        a = arrange(_two(shape, [Edge("a", "b", route="arc")]), "en")
        (e, pts), = a.routes
        assert isinstance(pts, Curve)
        A, B = a.index["a"].shape, a.index["b"].shape
        assert on(pts[0], A) and on(pts[-1], B), shape
        assert pts.bezier[0] == pts[0] and pts.bezier[3] == pts[-1]


def test_an_arc_bulges_left_of_its_travel_and_opposite_arcs_keep_apart():
    a = arrange(_two(edges=[Edge("a", "b", route="arc", bend=0.3), Edge("b", "a", route="arc", bend=0.3),
                            Edge("a", "b", route="arc", bend=-0.2)]), "en")
    (_, there), (_, back), (_, under) = a.routes
    mid_y = a.index["a"].shape.cy
    # a -> b runs right: its left is up (page y runs down); b -> a bulges down.
    assert point(there.bezier, 0.5)[1] < mid_y - 40
    assert point(back.bezier, 0.5)[1] > mid_y + 40
    assert point(under.bezier, 0.5)[1] > mid_y + 20          # a negative bend bulges right
    # The height of the bulge is `bend` times the chord.
    (p0, _, _, p3), apex = there.bezier, point(there.bezier, 0.5)
    chord = math.dist(p0, p3)
    assert abs((p0[1] - apex[1]) - 0.3 * chord) < 0.02 * chord
    # Two opposite arcs never meet.
    for p, q in zip(there, there[1:]):
        for r, s in zip(back, back[1:]):
            assert not _crosses(p, q, r, s)


def test_the_head_lies_along_the_tangent_at_the_end():
    d = _two(edges=[Edge("a", "b", route="arc", bend=0.4, head="both")])
    a = arrange(d, "en")
    (_, curve), = a.routes
    scene = build_scene(d, "en")
    heads = [it for it in scene.content if isinstance(it, Poly) and it.closed and len(it.points) == 3]
    paths = [it for it in scene.content if isinstance(it, Path) and "C" in it.d]
    assert len(heads) == 2 and len(paths) == 1
    for end, t, sign in ((curve.bezier[3], 1.0, 1), (curve.bezier[0], 0.0, -1)):
        head = next(h for h in heads if math.dist(h.points[0], end) < 1e-6)
        tip, b1, b2 = head.points
        base = ((b1[0] + b2[0]) / 2, (b1[1] + b2[1]) / 2)
        axis = ((tip[0] - base[0]) / math.dist(tip, base), (tip[1] - base[1]) / math.dist(tip, base))
        tx, ty = tangent(curve.bezier, t)
        assert axis[0] * tx * sign + axis[1] * ty * sign > math.cos(math.radians(0.5))
    # The line stops inside each head, not at its tip.
    pts = path_points(paths[0].d)
    assert math.dist(pts[-1], curve.bezier[3]) > 5 and math.dist(pts[0], curve.bezier[0]) > 5


@pytest.mark.parametrize("side", ["left", "right", "top", "bottom"])
def test_a_loop_leaves_and_reenters_one_side(side):
    d = _two("round", [Edge("a", "a", loop=side, loop_size=50)])
    a = arrange(d, "en")
    (e, loop), = a.routes
    assert e.route == "arc"
    box = a.index["a"].shape
    nx, ny = {"left": (-1, 0), "right": (1, 0), "top": (0, -1), "bottom": (0, 1)}[side]

    def out(p):                  # how far p lies beyond the centre, towards `side`
        return (p[0] - box.cx) * nx + (p[1] - box.cy) * ny
    half = box.w / 2 if nx else box.h / 2
    # Both ends on that very side of the box.
    assert out(loop[0]) == pytest.approx(half, abs=0.01) and out(loop[-1]) == pytest.approx(half, abs=0.01)
    assert loop[0] != loop[-1]
    assert abs(max(out(p) for p in loop) - (half + 50)) < 1.0     # reaches loop_size beyond the node
    # Only the ends touch the node.
    assert not any(box.x + 1 < x < box.right - 1 and box.y + 1 < y < box.bottom - 1 for x, y in loop)


def test_left_and_right_loops_come_back_above_where_they_leave():
    a = arrange(_two(edges=[Edge("a", "a", loop="left"), Edge("b", "b", loop="right")]), "en")
    for _, loop in a.routes:
        assert loop[-1][1] < loop[0][1]


def test_an_edge_from_a_node_to_itself_needs_a_loop_and_a_loop_needs_one_node():
    with pytest.raises(SpecError, match="two different nodes"):
        render_svg(_two(edges=[Edge("a", "a")]), "en")
    with pytest.raises(SpecError, match="needs the same node at both ends"):
        render_svg(_two(edges=[Edge("a", "b", loop="top")]), "en")


def test_labels_sit_outside_the_bulge_clear_of_nodes_and_the_flow_makes_room():
    edges = [Edge("a", "b", route="arc", label="$P(b|a)$"), Edge("b", "a", route="arc", label="$P(a|b)$"),
             Edge("a", "a", loop="left", label="$P(a|a)$"), Edge("b", "b", loop="right", label="$P(b|b)$")]
    d = _two(edges=edges, panel=True)
    a = arrange(d, "en")
    scene = build_scene(d, "en")
    labels = {it.block.lines[0].text: it for it in scene.content if isinstance(it, TextArt)}
    boxes = {}
    for e, curve in a.routes:
        t = labels[e.label.en.strip("$")]
        box = type(a.index["a"].box)(t.x, t.y, t.block.width, t.block.height)
        boxes[e.src + e.dst] = box
        for n in ("a", "b"):
            assert not box.overlaps(a.index[n].shape), (e.describe(), n)
        for f, other in a.routes:
            assert not any(segment_hits_box(p, q, box) for p, q in zip(other, other[1:])), (e.describe(), f.describe())
    # Outside: above the upper arc, below the lower one, beyond each loop.
    A, B = a.index["a"].shape, a.index["b"].shape
    assert boxes["ab"].bottom < min(p[1] for p in a.routes[0][1])
    assert boxes["ba"].y > max(p[1] for p in a.routes[1][1])
    assert boxes["aa"].right < A.x and boxes["bb"].x > B.right
    for i, p in enumerate(boxes.values()):
        for q in list(boxes.values())[i + 1:]:
            assert not p.overlaps(q)
    # The panel holds every curve and label.
    panel = a.index["p"].box
    for _, curve in a.routes:
        assert all(panel.x < x < panel.right and panel.y < y < panel.bottom for x, y in curve)
    for box in boxes.values():
        assert panel.contains(box)


def test_a_taken_outside_sends_the_label_inside():
    """Two arcs one round the other: the inner arc's label cannot sit between
    them, so it goes inside its bulge."""
    edges = [Edge("a", "b", route="arc", bend=0.2, label="$P(b|a,x)$\n$R(b|a,x)$"),
             Edge("a", "b", route="arc", bend=0.35, label="$P(b|a,y)$")]
    a = arrange(_two(edges=edges), "en")
    scene = build_scene(_two(edges=edges), "en")
    inner = next(it for it in scene.content if isinstance(it, TextArt) and "x" in it.block.lines[0].text)
    apex = point(a.routes[0][1].bezier, 0.5)
    assert inner.y > apex[1]                    # below the top of the inner arc
    assert inner.y + inner.block.height < a.index["a"].shape.bottom


def test_curved_paths_count_in_the_page_bounds_by_their_points_not_handles():
    d = "M0 0C0 -100 100 -100 100 0"
    ys = [y for _, y in path_points(d)]
    assert min(ys) == pytest.approx(-75, abs=0.5)          # the curve's top, not the handles' -100
    assert path_points("M0 0L10 5H20V30") == [(0, 0), (10, 5), (20, 5), (20, 30)]


def test_the_markov_figure_keeps_labels_apart_and_off_the_states():
    for lang in ("zh", "en"):
        d = spec("markov-chain-vs-mdp")
        a = arrange(d, lang)
        scene = build_scene(d, lang)
        states = [a.index[n].shape for n in ("c1", "c2", "m1", "m2")]
        texts = [it for it in scene.content if isinstance(it, TextArt) and it.block.lines[0].text.startswith("P(s_")]
        assert len(texts) == 12
        boxes = [type(states[0])(t.x, t.y, t.block.width, t.block.height) for t in texts]
        for i, b in enumerate(boxes):
            assert not any(b.overlaps(s) for s in states)
            assert not any(b.overlaps(o) for o in boxes[i + 1:])
            for _, curve in a.routes:
                assert not any(segment_hits_box(p, q, b) for p, q in zip(curve, curve[1:]))
