"""Bulleted labels with a hanging indent, nodes stretched across grid spans,
labels fitted into fixed-width nodes and per-cell fills of Cells."""
from llmviz_dsl import Cells, Diagram, Grid, Node, Row, Span, same
from llmviz_dsl.fonts import fonts_for
from llmviz_dsl.pipeline import arrange, build_scene
from llmviz_dsl.scene import Rect, TextArt
from llmviz_dsl.text import Style, layout_text
from llmviz_dsl.theme import load_theme


def _diagram(body):
    return Diagram(id="t", chapter=same("c"), title=same("t"), body=body)


def test_a_tab_continues_a_bullet_under_its_text():
    fonts = fonts_for(load_theme("default"))
    st = Style(27, 31, "#000000", align="left")
    blk = layout_text(fonts, "•  特定能力（例\n\t如工具调用等）\n•  对话", st)
    first = [p for p in blk.pieces if abs(p.baseline - blk.lines[0].baseline) < 0.01]
    second = [p for p in blk.pieces if abs(p.baseline - blk.lines[1].baseline) < 0.01]
    bullet_w = sum(r.width for r in fonts.shape("•  ", 27, "sans", False, False))
    # The continuation starts where the first line's text does, after "•  ".
    assert abs(min(p.x for p in second) - bullet_w) < 0.01
    assert abs(min(p.x for p in first)) < 0.01
    assert blk.lines[1].text == "如工具调用等）"


def test_a_node_stretched_over_a_span_fills_it():
    g = Grid(col_gap=20, rows=[[Span(Node("head", same("Phase"), shape="chevron"), cols=2, align="stretch")],
                               [Node("a", same("A"), width=200), Node("b", same("B"), width=150)]])
    a = arrange(_diagram(g), "en")
    head, left, right = (a.index[k].shape for k in ("head", "a", "b"))
    assert abs(head.x - left.x) < 0.01 and abs(head.right - right.right) < 0.01
    assert abs(head.w - 370) < 0.01


def test_fit_sets_the_label_smaller_instead_of_widening():
    wide = same("A rather long label")
    a = arrange(_diagram(Row(Node("f", wide, width=80, fit=True), Node("g", wide, width=80))), "en")
    assert a.index["f"].shape.w == 80
    assert a.index["g"].shape.w > 80
    scene = build_scene(_diagram(Node("f", wide, width=80, fit=True, pad=4)), "en")
    (txt,) = [t for t in scene.content if isinstance(t, TextArt)]
    assert txt.block.width <= 72 + 0.01


def test_cell_fills_colour_single_cells():
    cells = Cells(rows=[["", ""], ["", ""]], cell_width=30, cell_height=30, fill="band",
                  cell_fills=[["model", None], [None, "loss"]])
    scene = build_scene(_diagram(cells), "en")
    theme = load_theme("default")
    rects = [r for r in scene.content if isinstance(r, Rect) and r.box.w == 30 and r.box.h == 30]
    fills = [r.paint.fill for r in sorted(rects, key=lambda r: (r.box.y, r.box.x))]
    assert fills == [theme.color(t) for t in ("model", "band", "band", "loss")]
