"""Speech-bubble callouts, nodes levelled across containers, translucent
panels with corner titles, equal-size panels, edge notes, and orthogonal
routes that keep apart (separate ports on a shared side, no crossings)."""
import re

import pytest

from llmviz_dsl import Column, Diagram, Edge, Gap, Grid, Node, Panel, Row, same
from llmviz_dsl.elements.callout import TAILS, bubble_path, tail_points
from llmviz_dsl.errors import SpecError
from llmviz_dsl.geometry import Box, path_points
from llmviz_dsl.pipeline import arrange, build_scene
from llmviz_dsl.route import PITCH
from llmviz_dsl.scene import Path, Rect, TextArt


def _diagram(body, edges=()):
    return Diagram(id="t", chapter=same("c"), title=same("t"), body=body, edges=list(edges))


# ---------------------------------------------------------------- bubbles

@pytest.mark.parametrize("tail", sorted(TAILS))
def test_the_tail_tip_lies_outside_the_box_on_its_side(tail):
    b = Box(10, 20, 264, 71)
    start, tip, end = tail_points(b, tail, 34)
    side, lean = TAILS[tail]
    if side == "bottom":
        assert tip[1] == pytest.approx(b.bottom + 34) and start[1] == end[1] == b.bottom
    elif side == "top":
        assert tip[1] == pytest.approx(b.y - 34) and start[1] == end[1] == b.y
    elif side == "left":
        assert tip[0] == pytest.approx(b.x - 34) and start[0] == end[0] == b.x
    else:
        assert tip[0] == pytest.approx(b.right + 34) and start[0] == end[0] == b.right
    if side in ("top", "bottom"):
        assert b.x < tip[0] < b.right
        assert (tip[0] - b.cx) * lean > 0 if lean else tip[0] == pytest.approx(b.cx)
        # The base stays clear of the rounded corners.
        assert b.x + b.h / 6 <= min(start[0], end[0]) and max(start[0], end[0]) <= b.right - b.h / 6


@pytest.mark.parametrize("tail", sorted(TAILS))
def test_the_outline_is_one_closed_path_through_the_tip(tail):
    b = Box(0, 0, 200, 80)
    d = bubble_path(b, tail, 30)
    assert d.startswith("M") and d.endswith("Z") and d.count("M") == 1 and d.count("Z") == 1
    pts = path_points(d)
    assert tail_points(b, tail, 30)[1] in [(round(x, 2), round(y, 2)) for x, y in pts]
    inside = [p for p in pts if p != tail_points(b, tail, 30)[1]]
    assert all(b.x - 0.01 <= x <= b.right + 0.01 and b.y - 0.01 <= y <= b.bottom + 0.01 for x, y in inside)


def test_a_bubble_node_draws_one_path_keeps_its_tail_room_and_takes_edges_on_its_body():
    bubble = Node("q", same("Question?"), shape="bubble", fill="data", tail="bottom-left", tail_length=40)
    d = _diagram(Column(Row(bubble, Node("s", same("Search"), stroke="grey"), gap=120),
                        Node("below", same("Below")), gap=10),
                 [Edge("q", "s")])
    a = arrange(d, "en")
    q = a.index["q"]
    assert q.box.h == pytest.approx(q.shape.h + 40) and q.box.y == q.shape.y
    paths = [it for it in build_scene(d, "en").content if isinstance(it, Path)]
    assert len(paths) == 1 and paths[0].d.count("M") == 1
    # The tail's room is kept: the next row starts below the tip.
    tip_y = max(y for _, y in path_points(paths[0].d))
    assert tip_y == pytest.approx(q.shape.bottom + 40)
    assert a.index["below"].box.y >= tip_y
    # The edge leaves the body at its middle, not the middle of body + tail.
    (_, pts), = a.routes
    assert pts[0] == (q.shape.right, q.shape.cy)


def test_edges_route_around_a_tail():
    bubble = Node("q", same("Q"), shape="bubble", tail="bottom", tail_length=60, width=200)
    d = _diagram(Row(Node("a", same("A")), bubble, Node("b", same("B")), gap=40),
                 [Edge("a.bottom", "b.bottom")])
    a = arrange(d, "en")
    q = a.index["q"]
    tail = Box(q.box.x, q.shape.bottom, q.box.w, q.box.bottom - q.shape.bottom)
    (_, pts), = a.routes
    low = max(y for _, y in pts)
    assert low > tail.bottom                     # under the tail, not through it


# ---------------------------------------------------------------- level_with

def test_level_with_lines_a_node_up_with_one_in_another_container():
    d = _diagram(Row(Column(Gap(height=10), Node("q", same("Ask"), level_with="s"), align="start"),
                     Panel("p", Column(Gap(height=150), Node("s", same("Search"))), title=same("Agent")),
                     align="start"),
                 [Edge("q", "s")])
    a = arrange(d, "en")
    assert a.index["q"].shape.cy == pytest.approx(a.index["s"].shape.cy)
    (_, pts), = a.routes
    assert len(pts) == 2 and pts[0][1] == pts[1][1]     # one straight, level arrow


def test_level_with_errors_name_the_problem():
    with pytest.raises(SpecError, match="level_with names 'nope'"):
        arrange(_diagram(Row(Node("a", same("A"), level_with="nope"), Node("b", same("B")))), "en")
    crowded = Row(Column(Node("a", same("A")), Node("b", same("B"), level_with="c"), gap=4),
                  Node("c", same("C"), height=20))
    with pytest.raises(SpecError, match="would overlap Node\\('a'\\)"):
        arrange(_diagram(Row(crowded)), "en")


# ---------------------------------------------------------------- panels

def test_a_translucent_panel_keeps_its_title_inside_the_top_right_corner():
    body = Panel("p", Row(Node("a", same("A"), width=200), Node("b", same("B"), width=200)),
                 title=same("Agent\n(Online service)"),
                 title_at="top-right", title_color="red", title_bold=True, fill="loss", opacity=0.29,
                 padding=20)
    d = _diagram(body)
    a = arrange(d, "en")
    box = a.index["p"].box
    scene = build_scene(d, "en")
    bg, = [it for it in scene.content if isinstance(it, Rect) and it.box == box]
    assert bg.paint.opacity == pytest.approx(0.29) and bg.paint.fill == "#F0ADB7"
    title = [it for it in scene.content if isinstance(it, TextArt) and "Agent" in it.block.lines[0].text][0]
    right, bottom = title.x + title.block.width, title.y + title.block.height
    assert right == pytest.approx(box.right - 20)                    # flush with the right padding
    assert title.x > box.cx and box.y < title.y and bottom < box.bottom
    assert title.block.color == "#EB6252"
    # The content sits below the title.
    assert a.index["a"].box.y >= bottom


def test_panels_sharing_same_size_get_one_size_with_content_centred():
    small = Panel("s", Node("a", same("A")), title=same("Short"), title_at="top", same_size="k", fill=None,
                  stroke="black")
    big = Panel("b", Column(Node("x", same("A much wider label")), Node("y", same("Y"))), title=same("Long"),
                title_at="top", same_size="k", fill=None, stroke="black")
    a = arrange(_diagram(Row(small, big)), "en")
    s, b = a.index["s"].box, a.index["b"].box
    assert (s.w, s.h) == (b.w, b.h)
    inner = a.index["a"].box
    assert inner.cx == pytest.approx(s.cx)
    title_h = a.index["x"].box.y - b.y       # where the big panel's content starts
    assert inner.cy == pytest.approx((s.y + title_h + s.bottom - (b.bottom - a.index["y"].box.bottom)) / 2, abs=1)


# ---------------------------------------------------------------- routes

def _segments(pts):
    return list(zip(pts, pts[1:]))


def _collinear_overlap(s, t) -> float:
    (p, q), (u, v) = s, t
    if p[1] == q[1] == u[1] == v[1]:
        return min(max(p[0], q[0]), max(u[0], v[0])) - max(min(p[0], q[0]), min(u[0], v[0]))
    if p[0] == q[0] == u[0] == v[0]:
        return min(max(p[1], q[1]), max(u[1], v[1])) - max(min(p[1], q[1]), min(u[1], v[1]))
    return 0.0


def _rag_like(merge=True):
    """Search above right, index below left, a sorting box between: a query
    goes down to the index, results come back up (the corridors of rag)."""
    top = Grid(rows=[[Gap(width=300), Node("search", same("Search"), width=184, height=71)],
                     [None, Span_end(Node("recall", same("Recall"), width=104, height=71))]], row_gap=150)
    low = Row(Node("index", same("Index"), width=170, height=120), Gap(width=300),
              Node("slices", same("Slices"), width=170, height=120))
    return _diagram(Column(top, low, gap=100), [
        Edge("recall.top", "search.bottom"),
        Edge("slices.top", "recall.bottom"),
        Edge("index.top", "recall.bottom", merge=merge),
        Edge("search.bottom", "index.top"),
    ])


def Span_end(node):
    from llmviz_dsl import Span
    return Span(node, align="end")


def test_parallel_routes_keep_apart_and_do_not_cross():
    a = arrange(_rag_like(merge=False), "en")
    routes = [pts for _, pts in a.routes]
    for i, r in enumerate(routes):
        for s in routes[i + 1:]:
            for u in _segments(r):
                for v in _segments(s):
                    assert _collinear_overlap(u, v) <= 0, (r, s)
    # Two edges on one side of a box get their own ports, PITCH apart.
    ends = [(pts[0], e.src) for e, pts in a.routes] + [(pts[-1], e.dst) for e, pts in a.routes]
    for node in ("search.bottom", "recall.bottom", "index.top"):
        xs = sorted(p[0] for p, ref in ends if ref == node)
        assert len(xs) == 2 and xs[1] - xs[0] >= PITCH * 0.75, node
    # The query's elbow and the results' elbow nest: no crossing.
    q = dict((e.src, pts) for e, pts in a.routes)["search.bottom"]
    r = dict((e.src, pts) for e, pts in a.routes)["index.top"]
    for (p1, p2) in _segments(q):
        for (p3, p4) in _segments(r):
            if p1[0] == p2[0] and p3[1] == p4[1]:
                assert not (min(p3[0], p4[0]) < p1[0] < max(p3[0], p4[0]) and
                            min(p1[1], p2[1]) < p3[1] < max(p1[1], p2[1]))


def test_a_straight_run_between_offset_boxes_uses_a_port_in_line():
    a = arrange(_rag_like(), "en")
    pts = dict((e.src, pts) for e, pts in a.routes)["recall.top"]
    assert len(pts) == 2 and pts[0][0] == pts[1][0]          # plumb, no jog
    assert pts[0][0] == pytest.approx(a.index["recall"].shape.cx)


def test_fan_in_merges_unless_told_not_to():
    merged = arrange(_rag_like(merge=True), "en")
    apart = arrange(_rag_like(merge=False), "en")

    def into_recall(a):
        return sorted(pts[-1][0] for e, pts in a.routes if e.dst == "recall.bottom")
    assert into_recall(merged)[0] == into_recall(merged)[1]
    assert into_recall(apart)[1] - into_recall(apart)[0] >= PITCH * 0.75


def test_an_edge_note_sits_across_the_path_from_its_label():
    d = _diagram(Row(Node("a", same("A")), Node("b", same("B")), gap=120),
                 [Edge("b", "a", label=same("Parse"), note=same("OCR/ASR"), note_size=19)])
    scene = build_scene(d, "en")
    a = arrange(d, "en")
    (_, pts), = a.routes
    y = pts[0][1]
    texts = {it.block.lines[0].text: it for it in scene.content if isinstance(it, TextArt)}
    label, note = texts["Parse"], texts["OCR/ASR"]
    gap_above = y - (label.y + label.block.height)
    assert gap_above > 0 and note.y - y == pytest.approx(gap_above)
    assert note.x + note.block.width / 2 == pytest.approx(label.x + label.block.width / 2)
    assert note.block.lines[0].size == 19
