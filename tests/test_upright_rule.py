"""A Rule in a Row (or alone in a Grid column) stands upright, as tall as its
row, with the dash it is given; the open padlock icon beside the closed one."""
from __future__ import annotations

import pytest

from llmviz_dsl import Column, Diagram, Grid, Icon, Node, Row, Rule, Text, same
from llmviz_dsl.icons import ICONS
from llmviz_dsl.pipeline import arrange, build_scene
from llmviz_dsl.scene import Poly


def _diagram(body):
    return Diagram(id="t", chapter=same("C"), title=same("T"), body=body)


def _lines(d, colour="#44546A"):
    return [it for it in build_scene(d, "en").content if isinstance(it, Poly) and it.paint.stroke == colour]


def test_a_rule_in_a_row_is_upright_as_tall_as_the_row():
    d = _diagram(Row(Node("a", same("A"), height=120), Rule(id="r", color="navy", shadow=False, dash="dashdot"),
                     Node("b", same("B")), gap=20))
    a = arrange(d, "en")
    r, na, nb = a.index["r"], a.index["a"], a.index["b"]
    assert r.box.h == pytest.approx(na.box.h) and r.box.w == 12
    (line,) = _lines(d)
    (x0, y0), (x1, y1) = line.points
    assert x0 == x1 == pytest.approx(r.box.cx) and (y0, y1) == (pytest.approx(r.box.y), pytest.approx(r.box.bottom))
    assert na.box.right < x0 < nb.box.x
    assert line.paint.dash == [7.98, 3.99, 2.0, 3.99]        # dashdot, in multiples of the width


def test_a_rule_alone_in_a_grid_column_spans_its_row_only():
    d = _diagram(Grid(rows=[[Column(Node("a", same("A")), Node("b", same("B"))), Rule(color="navy", shadow=False),
                             Node("c", same("C"))],
                            [Text("t", same("caption")), None, Text("u", same("caption"))]], col_gaps=[40, 40]))
    a = arrange(d, "en")
    (line,) = _lines(d)
    (x0, y0), (x1, y1) = line.points
    col_right = max(a.index["a"].box.right, a.index["t"].box.right)     # the first column's edge
    assert x0 == x1 and col_right + 40 == pytest.approx(x0, abs=0.01)
    assert y0 == pytest.approx(a.index["a"].box.y) and y1 == pytest.approx(a.index["b"].box.bottom)
    assert y1 < a.index["t"].box.y


def test_a_lying_rule_is_unchanged():
    d = _diagram(Column(Node("a", same("AAAAAAAA")), Rule(color="navy", shadow=False)))
    (line,) = _lines(d)
    (x0, y0), (x1, y1) = line.points
    assert y0 == y1 and x1 - x0 == pytest.approx(arrange(d, "en").index["a"].box.w)


def test_the_open_padlock_is_a_registered_icon_coloured_like_any_icon():
    assert "unlock" in ICONS and ICONS["unlock"].size[0] > ICONS["lock"].size[0]
    d = _diagram(Row(Icon("lock", fill="bronze"), Icon("unlock", fill="bronze", size=28)))
    arts = [it for it in build_scene(d, "en").content if type(it).__name__ == "IconArt"]
    assert [a.name for a in arts] == ["lock", "unlock"] and {a.fill for a in arts} == {"#7F6000"}
    assert max(arts[1].box.w, arts[1].box.h) == pytest.approx(28)
