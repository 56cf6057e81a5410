"""Brace bands, per-bar icon colours and sizes, per-row grid gaps and
hairline rule columns."""
from llmviz_dsl import Bar, BarChart, Brace, Diagram, Gap, Grid, Node, Rule, Span, Text, same
from llmviz_dsl.pipeline import arrange, build_scene, render_svg
from llmviz_dsl.scene import IconArt, Path
from llmviz_dsl.theme import load_theme

COLORS = load_theme("default").colors


def _diagram(body, **kw):
    return Diagram(id="t", chapter=same("c"), title=same("t"), body=body, **kw)


def _placed(d, lang="en"):
    return arrange(d, lang).index


def test_brace_fill_paints_a_closed_band_under_its_outline():
    d = _diagram(Node("a", same("A"), width=300), overlays=[Brace(["a"], side="top", fill="panel", color="text")])
    paths = [it for it in build_scene(d, "en").content if isinstance(it, Path)]
    band, line = paths[-2], paths[-1]
    assert band.paint.fill == COLORS["panel"] and band.paint.stroke is None and band.d.endswith("Z")
    assert line.paint.fill is None and line.paint.stroke == COLORS["text"]
    assert band.d[:-1] == line.d          # the same curve, closed along the node's top
    plain = _diagram(Node("a", same("A"), width=300), overlays=[Brace(["a"], side="top")])
    assert len([it for it in build_scene(plain, "en").content if isinstance(it, Path)]) == 1


def test_bar_icon_takes_its_own_size_and_colours():
    chart = BarChart(horizontal=True, axes=False, length=100, max_value=1, bars=[
        Bar(None, 0.5, text="", icon="check"),
        Bar(None, 0.8, text="", icon="check", icon_size=27, icon_fill="none", icon_stroke="cyan")])
    d = _diagram(chart)
    arts = [it for it in build_scene(d, "en").content if isinstance(it, IconArt)]
    assert [a.box.w for a in arts] == [40, 27]
    assert arts[0].fill == COLORS["leaf"]                  # the theme's colours where not set
    assert arts[1].fill is None and arts[1].stroke == COLORS["cyan"]
    svg = render_svg(d, "en").decode()
    # The outline form: a ring and the tick, both in the stroke colour, nothing filled.
    assert f'fill="none" stroke="{COLORS["cyan"]}"' in svg


def test_row_gaps_set_each_gap_between_rows():
    rows = [[Node(f"n{i}", same(str(i)), width=40, height=40)] for i in range(4)]
    p = _placed(_diagram(Grid(rows=rows, row_gaps=[10, 50], row_gap=30)))
    boxes = [p[f"n{i}"].box for i in range(4)]
    assert [round(b.y - a.bottom, 2) for a, b in zip(boxes, boxes[1:])] == [10, 50, 30]   # then row_gap


def test_a_span_does_not_widen_a_column_of_upright_rules():
    head = [Rule(color="grey", shadow=False), Text("h", same("Head"), size=20), Rule(color="grey", shadow=False)]
    wide = [Span(Text("w", same("a long line spanning every column of this grid"), size=20), cols=3)]
    d = _diagram(Grid(rows=[head, wide], col_gap=0))
    scene = build_scene(d, "en")
    p = _placed(d)
    rules = [it for it in scene.content if type(it).__name__ == "Poly" and len(it.points) == 2
             and it.points[0][0] == it.points[1][0]]
    assert len(rules) == 2
    xs = sorted(r.points[0][0] for r in rules)
    # The text column took all the extra width: the rules stand at the grid's edges.
    assert round(xs[0], 2) == round(p["w"].box.x, 2) and round(xs[1], 2) == round(p["w"].box.right, 2)
