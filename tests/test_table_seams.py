"""Tables set in two halves (a double rule between them, a taller header
band), marks and icons turned at an angle, and an icon standing at the foot
of its node."""
from __future__ import annotations

import math

from llmviz_dsl import Col, Diagram, Icon, Node, Row, Table, TRow, same
from llmviz_dsl.geometry import Box
from llmviz_dsl.pipeline import arrange, build_scene, render_svg
from llmviz_dsl.scene import IconArt, Poly, TextArt, rotated_bounds
from llmviz_dsl.theme import load_theme


def _diagram(body):
    return Diagram(id="t", chapter=same("C"), title=same("T"), body=body)


def _halves(**kw):
    cols = [Col(same("No."), width=80), Col(same("Token"), width=100),
            Col(same("No."), width=80, rule="double", rule_color="blue"), Col(same("Token"), width=100)]
    rows = [TRow("1", same("a"), "3", same("c")), TRow("2", same("b"), "4", "")]
    return Table(id="tb", columns=cols, rows=rows, fill="white", sep="table-line", outline="table-line",
                 header_fill="white", row_height=40, **kw)


def _vertical_lines(sc, color):
    return [p for p in sc.content if isinstance(p, Poly) and not p.closed and len(p.points) == 2
            and p.points[0][0] == p.points[1][0] and p.paint.stroke == color]


def test_header_height_sets_a_taller_header_band():
    d = _diagram(Row(_halves(header_height=82), Node("n", same("N"))))
    a = arrange(d, "en")
    ex = a.index["tb"].extra
    assert abs(ex["header_box"].h - 82) < 1e-6
    assert abs(ex["body"].y - ex["header_box"].bottom) < 1e-6         # rows start under the band
    low = arrange(_diagram(Row(_halves(), Node("n", same("N")))), "en").index["tb"].extra
    assert low["header_box"].h < 60                                    # the default fits the text only
    # the header text is centred in the taller band
    sc = build_scene(d, "en", a)
    tb = a.index["tb"].box
    heads = [t for t in sc.content if isinstance(t, TextArt) and t.block.lines[0].text == "Token"]
    band = ex["header_box"].moved(tb.x + ex["origin"][0], tb.y + ex["origin"][1])
    assert heads and all(abs(h.box.cy - band.cy) < 0.5 for h in heads)


def test_a_double_rule_replaces_the_separator_on_its_column_edge():
    d = _diagram(Row(_halves(), Node("n", same("N"))))
    a = arrange(d, "en")
    sc = build_scene(d, "en", a)
    theme = load_theme()
    blue, sep = theme.colors["blue"], theme.colors["table-line"]
    tb = a.index["tb"].box
    ox = tb.x + a.index["tb"].extra["origin"][0]
    seam = ox + 180                                                    # the third column's left edge
    rules = _vertical_lines(sc, blue)
    assert sorted(round(p.points[0][0] - seam, 6) for p in rules) == [-2, 2]
    assert all(p.paint.width == 2 for p in rules)
    # from the top of the header band to the bottom of the body
    body = a.index["tb"].extra["body"]
    for p in rules:
        assert abs(p.points[1][1] - p.points[0][1] - (body.bottom - 0)) < 1e-6
    # the ordinary separator is left out there, kept at the other edges
    seps = {round(p.points[0][0] - ox, 6) for p in _vertical_lines(sc, sep)}
    assert seps == {80, 260}


def test_rotated_bounds_turn_the_box_about_its_centre():
    b = Box(10, 20, 40, 48)
    assert rotated_bounds(b, 0) is b
    q = rotated_bounds(b, 90)
    assert (round(q.w, 6), round(q.h, 6), round(q.cx, 6), round(q.cy, 6)) == (48, 40, 30, 44)
    d = rotated_bounds(b, -45)
    assert abs(d.w - 88 / math.sqrt(2)) < 1e-9 and abs(d.h - d.w) < 1e-9


def test_marks_turn_and_take_the_room_of_their_turned_footprint():
    rows = [TRow(same("a"), mark="scissors"), TRow(same("b"))]
    t = Table(id="tb", columns=[Col(same("X"), width=60)], rows=rows, mark_size=24, mark_rotate=-45)
    d = _diagram(Row(t, Node("n", same("N"))))
    a = arrange(d, "en")
    sc = build_scene(d, "en", a)
    marks = [i for i in sc.content if isinstance(i, IconArt) and i.name == "scissors"]
    assert len(marks) == 1 and marks[0].rotate == -45
    m = marks[0]
    assert abs(m.box.h - 24) < 1e-6 and abs(m.box.w - 20) < 1e-6        # the icon itself keeps its shape
    foot = m.bounds()
    tb = a.index["tb"].box
    assert abs(foot.w - 44 / math.sqrt(2)) < 1e-6
    assert abs(foot.x - (tb.x + 60 + 4)) < 1e-6                        # mark_gap off the grid
    assert foot.right <= tb.right + 0.01                               # inside the table's box
    svg = render_svg(d, "en").decode()
    assert f'<g transform="rotate(-45 ' in svg


def test_icon_rotate_swaps_its_footprint_and_turns_the_art():
    d = _diagram(Row(Icon("scissors", size=48, rotate=90), Node("n", same("N"), width=50, height=40), gap=10))
    a = arrange(d, "en")
    sc = build_scene(d, "en", a)
    art = next(i for i in sc.content if isinstance(i, IconArt))
    assert (round(art.box.w), round(art.box.h)) == (40, 48) and art.rotate == 90
    b = art.bounds()
    assert (round(b.w, 6), round(b.h, 6)) == (48, 40)
    assert abs(b.right + 10 - a.index["n"].box.x) < 1e-6               # the row gives it its turned width
    assert abs(b.cy - a.index["n"].box.cy) < 1e-6


def test_icon_at_bottom_stands_on_the_foot_and_the_label_is_centred_above():
    n = Node("c", same("Policy"), shape="circle", width=300, height=300, icon="nn", icon_size=90,
             icon_at="bottom", pad=14)
    d = _diagram(Row(n))
    a = arrange(d, "en")
    sc = build_scene(d, "en", a)
    shape = a.index["c"].shape
    art = next(i for i in sc.content if isinstance(i, IconArt) and i.name == "nn")
    assert abs(art.box.bottom - (shape.bottom - 14)) < 1e-6
    assert abs(art.box.cx - shape.cx) < 1e-6
    label = next(t for t in sc.content if isinstance(t, TextArt) and t.block.lines[0].text == "Policy")
    assert abs(label.box.cy - (shape.y + art.box.y) / 2) < 1e-6         # midway between the top and the icon
    # "below" keeps label and icon together in the middle
    below = _diagram(Row(n.model_copy(update={"icon_at": "below"})))
    sb = build_scene(below, "en")
    art2 = next(i for i in sb.content if isinstance(i, IconArt) and i.name == "nn")
    assert art2.box.bottom < art.box.bottom - 20
