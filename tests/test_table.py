"""Tables: column widths and row heights, header, alignment, fit, fills,
ellipsis rows, row/column anchors for edges and braces; and the small
additions they came with (Cells col_fills, **bold** in labels, spread plumb
edges, label sides)."""
import pytest

from llmviz_dsl import Brace, Cells, Col, Diagram, Edge, Node, Panel, Row, Table, TRow, same
from llmviz_dsl.elements.table import Cell
from llmviz_dsl.errors import SpecError
from llmviz_dsl.geometry import path_points
from llmviz_dsl.pipeline import arrange, build_scene
from llmviz_dsl.scene import Path, Poly, Rect, TextArt
from llmviz_dsl.theme import load_theme

COL = load_theme().colors


def _diagram(body, **kw):
    return Diagram(id="t", chapter=same("c"), title=same("t"), body=body, **kw)


def _vocab(**kw):
    args = dict(
        id="vocab",
        columns=[Col(same("Token ID"), width=120), Col(("词元", "Token"), width=100, align="left")],
        rows=[TRow("0", "!"), ...,
              TRow("11319", "？", fill="model", id="r_q"),
              TRow("56568", ("你", "How"), fill="loss", id="r_how"),
              ["105518", Cell(("是谁", "are you"), fill="secondary")],
              TRow("151935", "", id="r_last")],
        fill="loss-pale", row_height=40)
    args.update(kw)
    return Table(**args)


def _texts(scene, within=None):
    out = [t for t in scene.content if isinstance(t, TextArt)]
    return [t for t in out if within is None or within.contains(_tbox(t))]


def _tbox(t):
    from llmviz_dsl.geometry import Box
    return Box(t.x, t.y, t.block.width, t.block.height)


def _text(scene, s):
    hits = [t for t in _texts(scene) if "".join(ln.text for ln in t.block.lines) == s]
    assert hits, f"no text {s!r}"
    return hits[0]


def _cells(scene, table_box):
    """The filled cell rects inside the table, by (y, x)."""
    return sorted((r for r in scene.content if isinstance(r, Rect) and r.paint.fill and r.paint.stroke is None
                   and table_box.contains(r.box)), key=lambda r: (r.box.y, r.box.x))


def _layout(table, lang="en", **kw):
    d = _diagram(Row(table, Node("n", same("N"))), **kw)
    a = arrange(d, lang)
    return a, build_scene(d, lang, a)


def test_columns_share_widths_and_rows_share_heights():
    a, sc = _layout(_vocab())
    tb = a.index["vocab"].box
    rects = _cells(sc, tb)
    assert len(rects) == 6 * 2
    rows = {}
    for r in rects:
        rows.setdefault(r.box.y, []).append(r.box)
    assert len(rows) == 6
    for boxes in rows.values():
        assert [round(b.w, 2) for b in boxes] == [120, 100]
        assert len({b.h for b in boxes}) == 1 and boxes[0].h >= 40
        assert abs(boxes[0].right - boxes[1].x) < 0.01          # no gap between cells
    ys = sorted(rows)
    for y0, y1 in zip(ys, ys[1:]):                                 # rows stack without gaps
        assert abs(y0 + rows[y0][0].h - y1) < 0.01
    xs = {(b.x, b.w) for boxes in rows.values() for b in boxes}
    assert len(xs) == 2                                            # every row's cells line up


def test_a_multiline_cell_grows_its_row_only():
    t = _vocab(rows=[TRow("1", "2"), TRow("2", "-\n1.3", id="tall"), TRow("3", "4", id="after")])
    a, _ = _layout(t)
    tall, after = a.index["tall"].box, a.index["after"].box
    assert tall.h > 40 and after.h == 40
    assert abs(tall.bottom - after.y) < 0.01


def test_header_is_distinct_from_the_body():
    a, sc = _layout(_vocab())
    head, body = _text(sc, "Token ID"), _text(sc, "56568")
    assert head.block.color == COL["muted"] and body.block.color == COL["text"]
    assert head.y + head.block.height <= a.index["vocab"].box.y + 60
    first_row = min(r.box.y for r in _cells(sc, a.index["vocab"].box))
    assert head.y + head.block.height < first_row                  # above the body
    # A header band: filled, spanning the grid above the first row.
    a, sc = _layout(_vocab(header_fill="band", header_color="text", header_bold=True))
    band = [r for r in sc.content if isinstance(r, Rect) and r.paint.fill == COL["band"]]
    assert len(band) == 1 and abs(band[0].box.w - 220) < 0.01
    assert band[0].box.contains(_tbox(_text(sc, "Token ID")))


def test_cell_text_is_aligned_as_its_column_says():
    t = _vocab(columns=[Col(same("Token ID"), width=120, align="right"), Col(("词元", "Token"), width=100,
                                                                         align="left")])
    a, sc = _layout(t)
    row = a.index["r_how"].box
    num, word = _text(sc, "56568"), _text(sc, "How")
    assert abs(num.x + num.block.width - (row.x + 120 - t.pad)) < 0.01     # right
    assert abs(word.x - (row.x + 120 + t.pad)) < 0.01                      # left
    for tx in (num, word):                                                 # centred vertically
        assert abs(tx.y + tx.block.height / 2 - row.cy) < 0.01
    a, sc = _layout(_vocab(columns=[Col(same("ID"), width=120), Col(same("T"), width=100)]))
    row, num = a.index["r_how"].box, _text(sc, "56568")
    assert abs(num.x + num.block.width / 2 - (row.x + 60)) < 0.01          # centred


def test_text_never_overflows_a_fixed_column():
    t = Table(id="tb", columns=[Col(same("n"), width=40), Col(same("x"), width=60)],
              rows=[TRow("12345678", "0.4", id="r"), TRow("$x_1+x_2$", "7")], pad=3)
    a, sc = _layout(t)
    tb = a.index["tb"].box
    cells = _cells(sc, tb)
    for tx in _texts(sc, tb):
        if tx.y > cells[0].box.y - 1:
            cell = next(c.box for c in cells if c.box.contains(_tbox(tx)))
            assert _tbox(tx).x >= cell.x + 3 - 0.01 and _tbox(tx).right <= cell.right - 3 + 0.01
    # Only the overfull column shrinks: "0.4" and "7" keep the full size.
    assert _text(sc, "0.4").block.lines[0].size == 27
    assert _text(sc, "12345678").block.lines[0].size < 27
    # A math cell is set as math.
    assert any(pc.math is not None for pc in _text(sc, "x_1+x_2").block.pieces)


def test_fitted_columns_hold_their_widest_cell():
    t = Table(id="tb", columns=[same("A"), Col(same("B"), align="right")],
              rows=[[same("a long cell"), "1"], [same("x"), "22222"]])
    a, sc = _layout(t)
    cells = _cells(sc, a.index["tb"].box)
    for s in ("a long cell", "22222", "A", "B"):
        tx = _tbox(_text(sc, s))
        col = next(c.box for c in cells if c.box.x <= tx.cx <= c.box.right)
        assert col.x + t.pad - 0.01 <= tx.x and tx.right <= col.right - t.pad + 0.01
    assert abs(_tbox(_text(sc, "22222")).right - (cells[1].box.right - t.pad)) < 0.01


def test_highlighted_rows_are_filled_and_cells_override_rows():
    a, sc = _layout(_vocab())
    rects = _cells(sc, a.index["vocab"].box)
    by_row = {}
    for r in rects:
        by_row.setdefault(round(r.box.y, 2), []).append(r.paint.fill)
    fills = [by_row[y] for y in sorted(by_row)]
    assert fills[0] == [COL["loss-pale"]] * 2
    assert fills[2] == [COL["model"]] * 2                      # row fill
    assert fills[3] == [COL["loss"]] * 2
    assert fills[4] == [COL["loss-pale"], COL["secondary"]]    # one cell's own fill
    q = a.index["r_q"].box
    assert all(q.contains(r.box) for r in rects if r.paint.fill == COL["model"])


def test_grid_lines_and_outline_in_theme_colours():
    a, sc = _layout(_vocab(sep="white", outline="grey"))
    tb = a.index["vocab"].box
    outline = [r for r in sc.content if isinstance(r, Rect) and r.paint.stroke == COL["grey"]]
    assert len(outline) == 1 and abs(outline[0].box.w - 220) < 0.01
    lines = [p for p in sc.content if isinstance(p, Poly) and p.paint.stroke == COL["white"] and tb.contains(
        type(tb)(min(x for x, _ in p.points), min(y for _, y in p.points), 0, 0))]
    vertical = [p for p in lines if p.points[0][0] == p.points[1][0]]
    horizontal = [p for p in lines if p.points[0][1] == p.points[1][1]]
    assert len(vertical) == 1 and len(horizontal) == 5        # between 2 columns, between 6 rows


def test_ellipsis_rows_show_each_columns_ellipsis():
    t = Table(id="tb", columns=[Col(same("ID"), bare=True, align="right"),
                                Col(same("v"), count=3, width=30, ellipsis="")],
              rows=[TRow("0"), ..., TRow("9", "1", "2", "3")])
    a, sc = _layout(t)
    tb = a.index["tb"].box
    dots = [tx for tx in _texts(sc, tb) if tx.block.lines[0].text == "..."]
    assert len(dots) == 1                                           # only the ID column shows "..."
    # The label column is bare: no fill behind the IDs; the vector cells are filled.
    assert len(_cells(sc, tb)) == 3 * 3
    ids = _text(sc, "9")
    assert not any(r.box.contains(_tbox(ids)) for r in _cells(sc, tb))


def test_row_anchor_is_the_rows_box():
    a, sc = _layout(_vocab())
    rects = _cells(sc, a.index["vocab"].box)
    ys = sorted({r.box.y for r in rects})
    for rid, k in (("r_q", 2), ("r_how", 3), ("r_last", 5)):
        box = a.index[rid].box
        assert abs(box.y - ys[k]) < 0.01 and abs(box.h - 40) < 0.01
        assert abs(box.w - 220) < 0.01


@pytest.mark.parametrize("route", ["straight", "ortho"])
def test_an_edge_to_a_row_ends_on_that_row(route):
    d = _diagram(Row(Node("ids", same("IDs")), _vocab(), gap=120),
                 edges=[Edge("ids", "r_how.left", route=route, plumb=route == "straight")])
    a = arrange(d, "en")
    (_, pts), = a.routes
    row = a.index["r_how"].box
    end = pts[-1]
    assert abs(end[0] - row.x) < 0.01 and row.y < end[1] < row.bottom
    # An edge may enter its own table; the row's neighbours stay untouched.
    other = a.index["r_q"].box
    assert not (other.y < end[1] < other.bottom)


def test_column_anchor_and_overlay_brace_over_rows():
    t = Table(id="tb", columns=[Col(same("ID"), bare=True), Col(same("v"), count=4, width=30, id="dims")],
              rows=[TRow("0", id="first"), ..., TRow("9", id="last")])
    d = _diagram(Row(t, Node("n", same("N"))), overlays=[Brace(["first", "last"], side="right")])
    a = arrange(d, "en")
    dims = a.index["dims"].box
    assert abs(dims.w - 120) < 0.01
    assert abs(dims.y - a.index["first"].box.y) < 0.01 and abs(dims.bottom - a.index["last"].box.bottom) < 0.01
    sc = build_scene(d, "en", a)
    brace = [path_points(p.d) for p in sc.content if isinstance(p, Path)]
    assert len(brace) == 1
    ys = [y for _, y in brace[0]]
    assert abs(min(ys) - a.index["first"].box.y) < 0.01 and abs(max(ys) - a.index["last"].box.bottom) < 0.01
    assert min(x for x, _ in brace[0]) > a.index["tb"].box.right


def test_table_braces_take_layout_room():
    t = Table(id="tb", columns=[Col(same("ID"), bare=True),
                                Col(same("v"), count=4, width=30, brace=("维度=4", "dim=4"))],
              rows=[TRow("0"), ..., TRow("9")], brace=("大小=\n10", "Size =\n10"))
    d = _diagram(Panel("p", t, fill="panel"))
    a = arrange(d, "en")
    sc = build_scene(d, "en", a)
    panel = a.index["p"].box
    for s in ("Size =10", "dim=4"):
        assert panel.contains(_tbox(_text(sc, s)))
    size, dim = _tbox(_text(sc, "Size =10")), _tbox(_text(sc, "dim=4"))
    body = a.index["tb"].box
    cells = _cells(sc, body)
    assert size.x > max(c.box.right for c in cells) + 14          # right of the brace
    assert dim.y > max(c.box.bottom for c in cells) + 14          # under the brace
    assert abs(dim.cx - (cells[0].box.x + 60)) < 0.5               # centred under the columns


def test_title_is_centred_over_the_grid():
    t = _vocab(title=("词表", "Vocabulary"), title_color="cyan")
    a, sc = _layout(t)
    title = _text(sc, "Vocabulary")
    cells = _cells(sc, a.index["vocab"].box)
    assert title.block.color == COL["cyan"]
    assert abs(_tbox(title).cx - (cells[0].box.x + 110)) < 0.01
    assert _tbox(title).bottom < _text(sc, "Token ID").y


def test_bad_tables_are_reported():
    with pytest.raises(ValueError, match="row 0 has 3 cells but the table has 2 columns"):
        Table(columns=["1", "2"], rows=[["1", "2", "3"]])
    with pytest.raises(SpecError, match="colour 'mauve' is not in theme"):
        _layout(_vocab(rows=[TRow("1", "2", fill="mauve")]))


def test_cells_col_fills_colour_each_column():
    d = _diagram(Cells(id="ids", rows=[["1", "2", "3"]], col_fills=["loss", "secondary", "model"]))
    sc = build_scene(d, "en")
    rects = sorted((r for r in sc.content if isinstance(r, Rect)), key=lambda r: r.box.x)
    assert [r.paint.fill for r in rects] == [COL["loss"], COL["secondary"], COL["model"]]


def test_double_stars_set_part_of_a_label_bold():
    d = _diagram(Node("n", ("**向量查询**\n（Embedding Lookup）", "**Embedding** Lookup")))
    sc = build_scene(d, "en")
    tx = _text(sc, "Embedding Lookup")
    faces = [pc.run.face.key for pc in tx.block.pieces if pc.run]
    assert faces[0].startswith("sb") and not faces[-1].startswith("sb")


def test_plumb_edges_between_one_pair_are_spread_and_labels_keep_their_side():
    d = _diagram(Row(Node("a", same("A"), height=100), Node("b", same("B"), height=300), gap=300),
                 edges=[Edge("b", "a", route="straight", plumb=True, label=same("reply")),
                        Edge("a", "b", route="straight", plumb=True, label=same("ask"), label_side="bottom")])
    a = arrange(d, "en")
    box = a.index["a"].shape
    (_, back), (_, ask) = a.routes
    assert abs(back[0][1] - (box.y + 25)) < 0.01 and abs(ask[0][1] - (box.y + 75)) < 0.01
    sc = build_scene(d, "en", a)
    assert _text(sc, "reply").y + _text(sc, "reply").block.height < back[0][1]
    assert _text(sc, "ask").y > ask[0][1]


def test_a_bad_row_colour_names_its_spec_line(write_spec):
    from llmviz_dsl.loader import load_spec
    src = '''from llmviz_dsl import *
diagram = Diagram(id="t-spec", chapter=same("X"), title=same("T"), body=Table(
    columns=[same("ID"), same("T")],
    rows=[TRow("1", "2"),
          TRow("3", "4", fill="mauve")]))
'''
    with pytest.raises(SpecError) as ei:
        build_scene(load_spec(write_spec(src)), "zh")
    assert ei.value.source.line == 5 and "TRow" in str(ei.value) and "mauve" in str(ei.value)
