"""`lint`: each rule finds a crafted bad spec at the right line and stays quiet
on a good one; the project's own specs have no errors."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from llmviz_dsl import Diagram, Row, same
from llmviz_dsl.layout import MEASURES, Sized, measures
from llmviz_dsl.lint import background_at, contrast, lint_diagram, lint_file
from llmviz_dsl.model import Element, Label
from llmviz_dsl.paint import PAINTERS, paints
from llmviz_dsl.scene import Paint, Poly, Rect, TextArt
from llmviz_dsl.shapes import SHAPES, shape

from conftest import ROOT, SPEC_IDS

HEAD = 'from llmviz_dsl import *\n'


def _spec(body: str, edges: str = "[]", overlays: str = "[]") -> str:
    """A spec whose body starts on line 5 and whose edges and overlays are on
    the line after the body (so tests can name lines)."""
    return (HEAD + "\n" * 3 +
            f'diagram = Diagram(id="t-spec", chapter=("章", "Chapter"), title=("题", "Title"), body={body},\n'
            f'                  edges={edges}, overlays={overlays})\n')


def found(findings, rule, severity=None):
    return [f for f in findings if f.rule == rule and (severity is None or f.severity == severity)]


def problems(findings):
    return [f for f in findings if f.severity in ("error", "warning")]


GOOD = _spec('Column(\n'
             '    Row(Node("a", ("输入", "Input"), fill="data"), Node("b", ("模型", "Model"), fill="model"), gap=80),\n'
             '    Panel("p", Node("c", ("输出", "Output")), title=("面板", "Panel")),\n'
             '    Node("d", same("GRPO"), fill="secondary", shape="ellipse"))',
             edges='[Edge("a", "b", label=same("KL")), Edge("b", "c"), Edge("a", "d")]')


def test_a_good_spec_has_no_errors_or_warnings(write_spec):
    fs = lint_file(write_spec(GOOD))
    assert problems(fs) == []
    # Every id but the panel's is referenced by an edge.
    assert [(f.rule, f.element) for f in fs] == [("unused-id", "Panel('p')")]


# ---------------------------------------------------------------- boxes

def test_overlapping_siblings_are_errors_at_their_lines(write_spec):
    src = _spec('Grid(row_gap=0, rows=[\n'
                '    [Node("a", same("Alpha"))],\n'
                '    [Span(Node("big", same("Big"), height=150), overhang=True), Gap(height=4)],\n'
                '    [Node("c", same("Gamma"))]])')
    path = write_spec(src)
    fs = found(lint_file(path), "box-overlap", "error")
    got = {(f.where, f.element, f.message) for f in fs}
    name = path.name
    assert any(w.endswith(f"{name}:7") and el == "Node('big')" and "Node('a') (line 6)" in m for w, el, m in got)
    assert any(w.endswith(f"{name}:8") and el == "Node('c')" and "Node('big') (line 7)" in m for w, el, m in got)
    assert all(f.langs == ("zh", "en") for f in fs)
    # Their labels overlap too, but that is the same problem: reported once.
    assert found(lint_file(path), "text-overlap") == []


def test_a_child_inside_its_container_is_no_overlap(write_spec):
    src = _spec('Panel("p", Column(Node("a", same("A")), Node("b", same("B"))), fill="panel", title=same("P"))',
                edges='[Edge("a", "b")]')
    assert problems(lint_file(write_spec(src))) == []


# ---------------------------------------------------------------- text

def test_a_label_over_a_neighbour_is_a_text_overlap(write_spec):
    src = _spec('Row(Node("a", same("A")), Node("b", same("Bravo")), gap={gap})',
                edges='[Edge("a", "b")]',
                overlays='[Brace(["a"], side="right", label=same("a long brace label"))]')
    fs = lint_file(write_spec(src.format(gap=20)))
    over = found(fs, "text-overlap", "error")
    assert {f.element for f in over} == {"Brace"}
    assert any("lies over Node('b')" in f.message for f in over)
    assert any("overlaps text 'Bravo'" in f.message for f in over)
    assert found(lint_file(write_spec(src.format(gap=300))), "text-overlap") == []


@shape("t-lint-diamond")       # a shape whose grow forgot the corners
def _diamond(b, p, r, head, node):
    return [Poly([(b.cx, b.y), (b.right, b.cy), (b.cx, b.bottom), (b.x, b.cy)], p, True)]


class Tag(Element):
    """Test-only family: a fixed square that draws its label from its corner."""
    is_visible = True
    is_obstacle = True
    label: Label
    side: float = 30


@measures(Tag)
def _tag_size(ctx, t):
    return Sized(t, t.side, t.side)


@paints(Tag)
def _tag_paint(ctx, p, out):
    out.append(Rect(p.box, 0, Paint(ctx.color("band", p.el))))
    out.append(TextArt(ctx.text(p.el.label, p.el), p.box.x, p.box.y))


def teardown_module():
    SHAPES.pop("t-lint-diamond", None)
    MEASURES.pop(Tag, None)
    PAINTERS.pop(Tag, None)


def test_text_overflowing_its_shape(write_spec):
    src = _spec('Row(Node("a", same("A wide label"), shape="{shape}"), Node("b", same("B")))',
                edges='[Edge("a", "b")]')
    fs = found(lint_file(write_spec(src.format(shape="t-lint-diamond"))), "text-overflow", "error")
    assert [f.element for f in fs] == ["Node('a')"]
    assert "overflows its t-lint-diamond shape" in fs[0].message and fs[0].where.endswith(":5")
    for ok in ("round", "ellipse", "circle", "pill"):
        assert problems(lint_file(write_spec(src.format(shape=ok)))) == [], ok


def test_text_outside_a_family_element_box():
    d = Diagram(id="t", chapter=same("c"), title=same("t"),
                body=Row(Tag(id="g", label=same("Far too long for it")), Tag(id="h", label=same("ok"), side=60)))
    fs = found(lint_diagram(d), "text-overflow", "error")
    assert [f.element for f in fs] == ["Tag('g')"] and "runs outside the box of Tag('g') (30×30)" in fs[0].message


# ---------------------------------------------------------------- edges

def test_an_edge_through_a_box(write_spec):
    src = _spec('Row(Node("a", same("A")), Node("b", same("B")), Node("c", same("C")), gap=80)',
                edges='[Edge("a", "b"), Edge("b", "c"), Edge("a", "c", route="{route}")]')
    fs = found(lint_file(write_spec(src.format(route="straight"))), "edge-crossing", "error")
    assert [(f.element, f.message) for f in fs] == [("Edge('a' -> 'c')", "crosses Node('b') (line 5)")]
    assert found(lint_file(write_spec(src.format(route="ortho"))), "edge-crossing") == []   # routed around


# ---------------------------------------------------------------- contrast

def test_contrast_ratio_is_wcag():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast("#FFFFFF", "#777777") == contrast("#777777", "#FFFFFF")


def test_the_fill_behind_text_is_the_topmost_under_it():
    from llmviz_dsl.geometry import Box
    items = [Rect(Box(0, 0, 100, 100), 0, Paint("#000000")),
             Rect(Box(0, 0, 50, 100), 0, Paint("#FFFFFF", opacity=0.5)),
             Rect(Box(0, 0, 20, 20), 0, Paint(None, "#FF0000"))]          # stroke only: no fill
    assert background_at(items, 3, 75, 50) == "#000000"
    assert background_at(items, 3, 10, 10) == "#808080"                  # half white over black
    assert background_at(items, 0, 10, 10) == "#FFFFFF"                  # the page


def test_low_contrast_text_is_a_warning(write_spec):
    src = _spec('Column(Node("a", same("pale"), fill="light-grey", color="white"),\n'
                '       Panel("p", Node("b", same("dark"), fill=None), fill="navy"),\n'
                '       Node("c", same("grey"), fill=None, color="grey", size={size}, bold={bold}))',
                edges='[Edge("a", "b"), Edge("b", "c")]')
    fs = found(lint_file(write_spec(src.format(size=27, bold=False))), "contrast", "warning")
    msgs = {f.element: f.message for f in fs}
    assert "white #FFFFFF on light-grey #D9D9D9 has contrast 1.41:1, below 4.5:1" in msgs["Node('a')"]
    assert "on navy #44546A" in msgs["Node('b')"]                         # the panel's fill, behind a bare node
    assert "grey #7F7F7F on white #FFFFFF has contrast 4.00:1, below 4.5:1" in msgs["Node('c')"]
    # Large text needs 3:1 only: 32 units, or 24 bold.
    for size, bold in ((32, False), (24, True)):
        fs = found(lint_file(write_spec(src.format(size=size, bold=bold))), "contrast")
        assert "Node('c')" not in {f.element for f in fs}


# ---------------------------------------------------------------- translations and ids

def test_missing_translations(write_spec):
    src = _spec('Column(Node("a", same("策略")), Node("b", ("价值", "价值")), Node("c", ("奖励", "Reward")),\n'
                '       Node("d", ("参考", "Ref 模型")), Node("e", same("PPO")))',
                edges='[Edge("a", "b"), Edge("b", "c"), Edge("c", "d"), Edge("d", "e")]')
    fs = found(lint_file(write_spec(src)), "translation", "warning")
    assert sorted(f.element for f in fs) == ["Node('a')", "Node('b')", "Node('d')"]
    assert [f.where.rsplit(":", 1)[1] for f in fs] == ["5", "5", "6"] and all(f.langs == () for f in fs)
    assert "label '策略' is the same in both languages but Chinese" in fs[0].message


def test_undeclared_and_unused_ids(write_spec):
    src = _spec('Row(Node("policy", same("P")), Node("value", same("V")), Node("lonely", same("L")))',
                edges='[Edge("policy", "valeu")]', overlays='[Region("r", ["policy", "ghost"])]')
    fs = lint_file(write_spec(src))
    und = found(fs, "undeclared-id", "error")
    assert sorted(f.message for f in und) == ["refers to undeclared id 'ghost'",
                                               "refers to undeclared id 'valeu'; did you mean 'value'?"]
    assert {f.where.rsplit(":", 1)[1] for f in und} == {"6"}
    unused = found(fs, "unused-id", "info")
    assert sorted(f.message for f in unused) == ["id 'lonely' is not referenced", "id 'r' is not referenced",
                                                  "id 'value' is not referenced"]


def test_a_spec_that_does_not_build_is_one_error(write_spec):
    fs = lint_file(write_spec(HEAD + "\n\ndiagram = Diagram(id='t-spec', chapter=same('c'), title=same('t'),\n"
                                     "    body=Node('a', same('A'), fill='#FF0000'))\n"))
    err, = [f for f in fs if f.severity == "error"]
    assert err.rule == "spec-error" and err.langs == ("zh", "en")
    assert "colour '#FF0000'" in err.message and err.where.endswith(":5")
    fs = lint_file(write_spec(HEAD + "diagram = Diagram(id='t-spec',\n"))       # does not even load
    assert [(f.severity, f.rule, f.where.rsplit(":", 1)[1]) for f in fs] == [("error", "spec-error", "2")]


# ---------------------------------------------------------------- the project and the command

@pytest.mark.parametrize("sid", SPEC_IDS)
def test_project_specs_have_no_lint_errors(sid):
    errors = [f.render() for f in lint_file(ROOT / "specs" / f"{sid}.py") if f.severity == "error"]
    assert errors == []


def _lint(*args):
    return subprocess.run([sys.executable, "-m", "llmviz_dsl", "lint", *args], capture_output=True, text=True,
                          cwd=ROOT)


def test_lint_command_end_to_end(write_spec):
    bad = write_spec(_spec('Row(Node("a", same("A")), Node("b", same("B")), Node("c", same("C")), gap=80)',
                           edges='[Edge("a", "c", route="straight"), Edge("a", "b"), Edge("b", "c")]')
                     .replace("t-spec", "t-bad"), id="t-bad")
    write_spec(_spec('Node("a", same("策略"))').replace("t-spec", "t-warn"), id="t-warn")
    r = _lint("--specs", str(bad.parent), "t-bad")
    assert r.returncode == 1
    line, = r.stdout.splitlines()
    assert re.fullmatch(r".*t-bad\.py:6: error: Edge\('a' -> 'c'\): crosses Node\('b'\) \(line 5\) "
                        r"\[edge-crossing\] \(zh, en\)", line)
    assert "1 error(s)" in r.stderr
    # Warnings pass unless --strict; -q hides info.
    r = _lint("--specs", str(bad.parent), "t-warn")
    assert r.returncode == 0 and "warning: Node('a')" in r.stdout and "info:" in r.stdout
    r = _lint("--specs", str(bad.parent), "--strict", "-q", "t-warn")
    assert r.returncode == 1 and "info:" not in r.stdout
    assert "box-overlap" in _lint("--help").stdout
