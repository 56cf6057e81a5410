"""Bad specs give one clear line: file:line, the element, the problem, a fix."""
from __future__ import annotations

import pytest

from llmviz_dsl.errors import SpecError
from llmviz_dsl.loader import load_spec
from llmviz_dsl.pipeline import build_scene

HEAD = "from llmviz_dsl import *\n"


def _err(write_spec, body: str, render: bool = True) -> SpecError:
    path = write_spec(HEAD + body)
    with pytest.raises(SpecError) as ei:
        d = load_spec(path)
        if render:
            build_scene(d, "zh")
    return ei.value


def _line_of(text: str, needle: str) -> int:
    return next(i for i, l in enumerate((HEAD + text).splitlines(), 1) if needle in l)


def test_unknown_node_in_edge(write_spec):
    body = """diagram = Diagram(id="t-spec", chapter=same("X"), title=same("T"),
    body=Flow(Node("a", same("A")), Node("b", same("B"))),
    edges=[Edge("a", "bb")],
)
"""
    e = _err(write_spec, body)
    assert "unknown node 'bb'" in str(e)
    assert e.source.line == _line_of(body, 'Edge("a", "bb")')
    assert "did you mean 'b'" in str(e)


def test_duplicate_id(write_spec):
    body = """diagram = Diagram(id="t-spec", chapter=same("X"), title=same("T"),
    body=Column(Node("a", same("A")),
                Node("a", same("B"))),
)
"""
    e = _err(write_spec, body)
    assert "duplicate id 'a'" in str(e)
    assert e.source.line == _line_of(body, 'Node("a", same("B"))')


def test_colour_outside_theme(write_spec):
    body = """diagram = Diagram(id="t-spec", chapter=same("X"), title=same("T"),
    body=Node("a", same("A"), fill="#123456"),
)
"""
    e = _err(write_spec, body)
    assert "'#123456' is not in theme" in str(e)
    assert "theme tokens" in str(e)
    assert e.source.line == _line_of(body, 'fill="#123456"')


def test_missing_translation(write_spec):
    body = """diagram = Diagram(id="t-spec", chapter=same("X"), title=same("T"),
    body=Node("a", "策略模型"),
)
"""
    e = _err(write_spec, body, render=False)
    assert "missing translation" in str(e) and "same(" in str(e)
    assert e.source.line == _line_of(body, '"策略模型"')


def test_bad_latex(write_spec):
    body = """diagram = Diagram(id="t-spec", chapter=same("X"), title=same("T"),
    body=Column(Node("a", same("A")),
                Node("f", r"$\\frac{a}{$")),
)
"""
    e = _err(write_spec, body)
    assert "does not parse" in str(e)
    assert e.source.line == _line_of(body, 'Node("f"')
    assert e.element == "Node('f')"


def test_empty_diagram(write_spec):
    body = """diagram = Diagram(id="t-spec", chapter=same("X"), title=same("T"),
    body=Column(),
)
"""
    e = _err(write_spec, body)
    assert "draws nothing" in str(e)


def test_unknown_field(write_spec):
    body = """diagram = Diagram(id="t-spec", chapter=same("X"), title=same("T"),
    body=Node("a", same("A"), colour="model"),
)
"""
    e = _err(write_spec, body, render=False)
    assert "colour: unknown field" in str(e)
    assert e.source.line == _line_of(body, 'colour="model"')


def test_syntax_error(write_spec):
    e = _err(write_spec, "diagram = Diagram(id='t-spec',\n", render=False)
    assert "syntax error" in str(e)
    assert e.source.line >= 2


def test_no_diagram_and_wrong_id(write_spec):
    e = _err(write_spec, "x = 1\n", render=False)
    assert "no `diagram" in str(e)
    body = 'diagram = Diagram(id="other", chapter=same("X"), title=same("T"), body=Node("a", same("A")))\n'
    e = _err(write_spec, body, render=False)
    assert "differs from the file name" in str(e)


def test_unknown_side(write_spec):
    body = """diagram = Diagram(id="t-spec", chapter=same("X"), title=same("T"),
    body=Row(Node("a", same("A")), Node("b", same("B"))),
    edges=[Edge("a.up", "b")],
)
"""
    e = _err(write_spec, body)
    assert "unknown side 'up'" in str(e)


def test_colours_of_an_elements_parts_are_checked_before_layout():
    # A chart's lines and bars are fields of the chart, not laid-out children:
    # their tokens must still be checked up front.
    from llmviz_dsl import Bar, BarChart, Diagram, Line, Plot, same
    from llmviz_dsl.check import check
    from llmviz_dsl.theme import load_theme
    for body in (Plot(x=(0, 1), y=(0, 1), series=[Line([(0, 0), (1, 1)], color="mauve")]),
                 BarChart(bars=[Bar(same("a"), 0.5, text_color="mauve")])):
        d = Diagram(id="t", chapter=same("C"), title=same("T"), body=body)
        with pytest.raises(SpecError, match="mauve"):
            check(d, load_theme())
