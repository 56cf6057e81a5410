"""The bad-input catalogue: malformed or hostile specs. Each either fails
with one line naming the spec file and line, the problem and a fix, or
renders with its text correctly escaped. No traceback reaches the user."""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from llmviz_dsl.errors import SpecError
from llmviz_dsl.loader import load_spec
from llmviz_dsl.pipeline import build_scene, render_svg
from llmviz_dsl.theme import project_root

HEAD = "from llmviz_dsl import *\n"


def D(body: str, edges: str = "", extra: str = "") -> str:
    """A spec whose diagram has this body (and edges/overlays)."""
    return (f'diagram = Diagram(id="t-spec", chapter=same("C"), title=same("T"),\n'
            f'    body={body},\n    edges=[{edges}],{extra}\n)\n')


A, B = 'Node("a", same("A"))', 'Node("b", same("B"))'
ROW = f"Row({A}, {B})"

# (case, spec text after the import line, what the message says, the text on the reported line)
FAIL = [
    ("syntax error", "diagram = Diagram(id='t-spec',,)\n", "syntax error", "diagram = Diagram"),
    ("no diagram", "x = 1\n", "defines no `diagram", None),
    ("id differs from file name", D(ROW).replace('id="t-spec"', 'id="other"'), "differs from the file name",
     "diagram = Diagram"),
    ("diagram id not a slug", D(ROW).replace('id="t-spec"', 'id="T_Spec"'), "must be a catalog slug", None),
    ("diagram id with ../", D(ROW).replace('id="t-spec"', 'id="../etc/passwd"'), "must be a catalog slug", None),
    ("node id with ../", D('Row(Node("../x", same("A")), Node("b", same("B")))'), "must start with a letter",
     "body="),
    ("node id with a space", D('Row(Node("a b", same("A")), Node("b", same("B")))'), "must start with a letter",
     "body="),
    ("label of the wrong type", D('Row(Node("a", 5), Node("b", same("B")))'), "a label is", "body="),
    ("number field given a word", D('Row(Node("a", same("A"), width="wide"), Node("b", same("B")))'),
     "width", "body="),
    ("unknown field", D('Row(Node("a", same("A"), colour="model"), Node("b", same("B")))'), "unknown field",
     "body="),
    ("opacity out of range", D('Row(Node("a", same("A"), opacity=3), Node("b", same("B")))'), "opacity",
     "body="),
    ("missing translation", D('Row(Node("a", "Policy"), Node("b", same("B")))'), "missing translation", "body="),
    ("bad LaTeX", D('Row(Node("a", same("$\\\\frac{a$")), Node("b", same("B")))'), "does not parse", "body="),
    ("unknown LaTeX command", D('Row(Node("a", same("$\\\\notacommand{x}$")), Node("b", same("B")))'),
     "does not parse", "body="),
    ("unknown colour token in a chart's part",
     D('Plot(x=(0, 1), y=(0, 1), series=[Line([(0, 0), (1, 1)], color="mauve")])'), "Line color", "body="),
    ("unknown colour token", D('Row(Node("a", same("A"), fill="mauve"), Node("b", same("B")))'),
     "colour 'mauve' is not in theme", "body="),
    ("hex colour", D('Row(Node("a", same("A"), fill="#FF0000"), Node("b", same("B")))'),
     "theme tokens, not hex", "body="),
    ("edge colour unknown", D(ROW, 'Edge("a", "b", color="rainbow")'), "colour 'rainbow'", "edges="),
    ("unknown node in an edge", D(ROW, 'Edge("a", "c")'), "unknown node 'c'", "edges="),
    ("unknown side", D(ROW, 'Edge("a.north", "b")'), "unknown side 'north'", "edges="),
    ("duplicate id", D('Row(Node("a", same("A")), Node("a", same("B")))'), "duplicate id 'a'", "body="),
    ("empty diagram", D("Column()"), "draws nothing", "diagram = Diagram"),
    ("only empty space", D("Gap(width=100, height=100)"), "draws nothing", "diagram = Diagram"),
    ("unknown shape", D('Row(Node("a", same("A"), shape="hexagon"), Node("b", same("B")))'),
     "unknown shape 'hexagon'", "body="),
    ("unknown icon", D('Row(Node("a", same("A"), icon="unicorn"), Node("b", same("B")))'),
     "unknown icon 'unicorn'", "body="),
    ("overlay in body", D(f'Row({A}, Region("r", ["a"]))'), "Region cannot be laid out in body", "body="),
    ("node in overlays", D(ROW, "", '\n    overlays=[Node("c", same("C"))],'), "Node is not an overlay",
     "overlays="),
    ("overlay member unknown", D(ROW, "", '\n    overlays=[Brace(["zz"])],'), "unknown member 'zz'",
     "overlays="),
    ("span outside a grid", D(f"Row(Span({A}, cols=2), {B})"), "Span only goes inside a Grid", "body="),
    ("ragged cells", D('Cells(rows=[[same("1"), same("2")], [same("3")]])'), "every row needs 2 cells", "body="),
    ("col_widths mismatch", D('Cells(rows=[[same("1"), same("2")]], col_widths=[10])'),
     "col_widths has 1 entries for 2 columns", "body="),
    ("timeline without marks", D("Timeline(marks=[])"), "marks", "body="),
    ("unknown theme", D(ROW).replace('title=same("T"),', 'title=same("T"), theme="nope",'),
     "theme 'nope' not found", None),
    ("the spec's own code fails", "x = 1 / 0\n" + D(ROW), "ZeroDivisionError", "x = 1 / 0"),
    ("import of a missing module", "import not_a_module\n" + D(ROW), "No module named", "import not_a_module"),
    ("emoji without a glyph", D('Row(Node("a", same("ok 😀")), Node("b", same("B")))'), "U+1F600", "body="),
    ("right-to-left script", D('Row(Node("a", ("שלום", "shalom")), Node("b", same("B")))'), "U+05E9", "body="),
    ("a runaway label", D('Row(Node("a", same("x" * 6000)), Node("b", same("B")))'), "a page may be at most",
     "diagram = Diagram"),
]


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate((HEAD + text).splitlines(), 1) if needle in line)


@pytest.mark.parametrize("case,body,says,line", FAIL, ids=[c[0] for c in FAIL])
def test_bad_spec_gives_one_clear_line(write_spec, case, body, says, line):
    path = write_spec(HEAD + body)
    with pytest.raises(SpecError) as ei:
        d = load_spec(path)
        for lang in ("zh", "en"):
            build_scene(d, lang)
    e = ei.value
    msg = str(e)
    assert says in msg
    assert "\n" not in msg and "Traceback" not in msg
    if line is not None:
        assert e.source is not None and e.source.file == str(path)
        assert e.source.line == _line_of(body, line), msg
    assert msg.startswith(str(e.source)) if e.source else True


def _diagram(label: str):
    from llmviz_dsl import Diagram, Edge, Node, Row, same
    return Diagram(id="t-spec", chapter=same("C"), title=same(label),
                   body=Row(Node("a", same(label)), Node("b", same("B"))),
                   edges=[Edge("a", "b", label=same(label))])


HOSTILE = ["<script>alert(1)</script>", "Q&A &amp; more", 'say "hi" it\'s', "]]> <![CDATA[", "a < b > c",
           "e\u0301\u0301 combining", "zero\u200bwidth\u200djoiner"]


@pytest.mark.parametrize("label", HOSTILE, ids=["script", "ampersand", "quotes", "cdata", "angles", "combining",
                                                 "zero-width"])
def test_hostile_text_is_escaped_and_kept(label):
    svg = render_svg(_diagram(label), "en").decode()
    root = ET.fromstring(svg)                          # well-formed XML
    ns = "{http://www.w3.org/2000/svg}"
    assert not root.findall(f".//{ns}script") and "<script" not in svg
    assert root.find(f"{ns}title").text == label       # round-trips exactly
    texts = ["".join(t.itertext()) for t in root.iter(f"{ns}text")]
    assert texts.count(label) >= 2                     # node label and edge label, searchable as written


def test_a_cycle_in_a_flow_renders_both_edges():
    from llmviz_dsl import Diagram, Edge, Flow, Node, same
    from llmviz_dsl.pipeline import arrange
    d = Diagram(id="t-spec", chapter=same("C"), title=same("T"),
                body=Flow(Node("a", same("A")), Node("b", same("B")), Node("c", same("C"))),
                edges=[Edge("a", "b"), Edge("b", "c"), Edge("c", "a")])
    routes = arrange(d, "en").routes
    assert len(routes) == 3 and all(len(pts) >= 2 for _, pts in routes)


def test_thousands_of_nodes_render():
    from llmviz_dsl import Diagram, Grid, Node, same
    g = Grid(rows=[[Node(f"n{r}_{c}", same(str(r * 50 + c)), width=60) for c in range(50)] for r in range(40)],
             col_gap=10, row_gap=10)
    svg = render_svg(Diagram(id="t-spec", chapter=same("C"), title=same("T"), body=g), "en").decode()
    assert svg.count("<rect") >= 2000


def test_the_cli_prints_no_traceback_and_still_builds_the_good_specs(tmp_path):
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "t-bad.py").write_text(HEAD + D(ROW, 'Edge("a", "c")').replace("t-spec", "t-bad"))
    (specs / "t-good.py").write_text(HEAD + D(ROW, 'Edge("a", "b")').replace("t-spec", "t-good"))
    (specs / "t-worse.py").write_text("raise SystemExit(3)\n")
    r = subprocess.run([sys.executable, "-m", "llmviz_dsl", "build", "--specs", str(specs), "--out",
                        str(tmp_path / "out"), "--no-png", "-j", "1"], capture_output=True, text=True,
                       cwd=project_root())
    assert r.returncode == 1
    assert "Traceback" not in r.stderr + r.stdout
    line = _line_of(D(ROW, 'Edge("a", "c")'), "edges=")
    assert f"t-bad.py:{line}: Edge('a' -> 'c'): unknown node 'c'" in r.stderr
    assert "t-worse.py:1" in r.stderr
    assert (tmp_path / "out" / "en" / "svg" / "t-good.svg").is_file()


def test_an_id_that_walks_out_of_the_specs_dir_is_refused(tmp_path):
    r = subprocess.run([sys.executable, "-m", "llmviz_dsl", "build", "../../etc/passwd", "--out",
                        str(tmp_path / "out")], capture_output=True, text=True, cwd=project_root())
    assert r.returncode == 2 and "no spec '../../etc/passwd'" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "out").exists()
