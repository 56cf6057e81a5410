"""Column/Panel `axis`, per-cell hatching, a Tensor's column notes, the Dim
axis, icons left of a label and the silu icon."""
import pytest

from llmviz_dsl import Column, Diagram, Dim, Node, Panel, Row, Tensor, Text, same
from llmviz_dsl.errors import SpecError
from llmviz_dsl.icons import ICONS, icon_svg
from llmviz_dsl.pipeline import arrange, build_scene
from llmviz_dsl.scene import Hatch, IconArt, Poly, Rect, TextArt
from llmviz_dsl.geometry import Box


def _diagram(body):
    return Diagram(id="t", chapter=same("c"), title=same("t"), body=body)


def _index(body):
    return arrange(_diagram(body), "en").index


def test_column_axis_centres_the_children_on_an_inner_element():
    body = Column(Text("cap", same("hidden states")),
                  Panel("p", Row(Node("side", same("a wide box on the left"), width=400), Node("k", same("K")),
                                 gap=40)),
                  Node("below", same("B")), axis="k")
    ix = _index(body)
    k = ix["k"].shape.cx
    assert abs(ix["cap"].shape.cx - k) < 0.02
    assert abs(ix["below"].shape.cx - k) < 0.02
    # The column widens to hold the panel on one side of the line.
    assert ix["p"].box.x >= -0.01


def test_column_axis_must_name_an_inner_element():
    with pytest.raises(SpecError, match="axis"):
        arrange(_diagram(Column(Node("a", same("A")), axis="nowhere")), "en")


def test_panel_axis_puts_the_element_in_the_middle():
    body = Panel("p", Row(Node("side", same("left"), width=300), Node("k", same("K"), width=100), gap=50),
                 axis="k", padding=20)
    ix = _index(body)
    p, k = ix["p"].box, ix["k"].shape
    assert abs(p.cx - k.cx) < 0.02
    # Widened by the room the left box takes: 2 * (300 + 50 + 50) + padding.
    assert abs(p.w - (2 * 400 + 40)) < 0.02


def test_cell_hatch_draws_hatched_cells_over_their_fill():
    t = Tensor(id="m", rows=[["0", same("x")], ["1", "2"]], cell_width=40, cell_height=30,
               cell_hatch=[[None, "grey"]], cell_fills=[[None, "light-grey"]])
    sc = build_scene(_diagram(t), "en")
    cells = [r for r in sc.content if isinstance(r, Rect) and r.box.w == 40 and r.box.h == 30]
    hatched = [r for r in cells if isinstance(r.paint.fill, Hatch)]
    assert len(cells) == 4 and len(hatched) == 1
    h = hatched[0]
    assert h.box.x == min(r.box.x for r in cells) + 40 and h.box.y == min(r.box.y for r in cells)
    theme = arrange(_diagram(t), "en").ctx.theme
    assert h.paint.fill.color == theme.color("grey") and h.paint.fill.background == theme.color("light-grey")


def test_col_notes_stand_over_their_columns_with_arrows():
    t = Tensor(id="v", rows=[[same("a"), same("b"), same("c")]], cell_width=30, cell_height=30,
               col_notes=[same("padding"), same("begin"), same("unknown")])
    a = arrange(_diagram(t), "en")
    p = a.index["v"]
    g = p.shape
    sc = build_scene(_diagram(t), "en")
    notes = [it for it in sc.content if isinstance(it, TextArt) and it.y + it.block.height <= g.y]
    assert len(notes) == 3
    # Notes too wide for 30-wide columns: each touching one stands a line higher.
    ys = sorted({round(n.y, 2) for n in notes})
    assert len(ys) >= 2
    for n in notes:                       # centred over a column
        cx = n.x + n.block.width / 2
        assert any(abs(cx - (g.x + 15 + 30 * j)) < 0.02 for j in range(3))
    # One arrow head per note, its tip on the grid's top edge (2 above).
    heads = [it for it in sc.content if isinstance(it, Poly) and it.closed]
    tips = [max(pt[1] for pt in h.points) for h in heads]
    assert len(heads) == 3 and all(abs(y - (g.y - 2)) < 0.02 for y in tips)
    # The box holds every note (the last one hangs over the right end).
    assert all(p.box.x - 0.01 <= n.x and n.x + n.block.width <= p.box.right + 0.01 for n in notes)


def test_dim_spans_its_column():
    body = Column(Dim(same("seq_len")), Row(Tensor(id="a", rows=[["", ""]]), Tensor(id="b", rows=[["", ""]]),
                                            gap=20), id="col", gap=4)
    a = arrange(_diagram(body), "en")
    col = a.index["col"].box
    sc = build_scene(_diagram(body), "en")
    lines = [it for it in sc.content if isinstance(it, Poly) and not it.closed and len(it.points) == 2
             and it.points[0][1] == it.points[1][1] and it.points[0][1] < col.y + 20]
    assert len(lines) == 2                 # the arrow, broken by its name
    xs = sorted(x for ln in lines for x, _ in ln.points)
    assert abs(xs[0] - col.x) < 0.02
    head = [it for it in sc.content if isinstance(it, Poly) and it.closed]
    assert len(head) == 1 and abs(max(x for x, _ in head[0].points) - col.right) < 0.02


def test_icon_left_of_the_label():
    n = Node("n", same("Transformer Decoder"), icon="nn", icon_at="left", width=480, height=200)
    sc = build_scene(_diagram(n), "en")
    icon = next(it for it in sc.content if isinstance(it, IconArt))
    text = next(it for it in sc.content if isinstance(it, TextArt))
    assert icon.box.right <= text.x - 15.99        # the theme gap between them
    right = Node("n", same("Transformer Decoder"), icon="nn", icon_at="right", width=480, height=200)
    sc2 = build_scene(_diagram(right), "en")
    icon2 = next(it for it in sc2.content if isinstance(it, IconArt))
    text2 = next(it for it in sc2.content if isinstance(it, TextArt))
    # The pair takes the same room either way, mirrored.
    assert abs(icon.box.x - text2.x) < 0.02 and abs(text.x + text.block.width - icon2.box.right) < 0.02


def test_silu_icon_is_a_curve_with_a_dip():
    assert "silu" in ICONS
    svg = icon_svg("silu", Box(0, 0, 48, 36), "#000", "#fff")
    pts = [tuple(map(float, p.split())) for p in svg.split('d="M')[1].split('"')[0].split("L")]
    ys = [y for _, y in pts]
    assert len(pts) == 33 and 0 < pts[0][0] < 2 and 46 < pts[-1][0] < 48
    assert min(ys) == pts[-1][1]                   # highest at the right end
    i = ys.index(max(ys))                          # the dip's bottom: below the flat left start
    assert 0 < i < len(ys) - 1 and ys[i] > ys[0]
