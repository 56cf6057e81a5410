"""Decoding-search figures: a Table of branches (a root fanning out to its
rows, marks on pruned rows, vertical headers), tables levelled into a chain,
text turned a quarter, and tidy trees that set groups of siblings apart."""
from __future__ import annotations

from llmviz_dsl import Cell, Col, Diagram, Edge, Flow, Node, Row, Table, TRow, same
from llmviz_dsl.pipeline import arrange, build_scene, render_svg
from llmviz_dsl.scene import IconArt, Poly, TextArt


def _diagram(body, edges=()):
    return Diagram(id="t", chapter=same("C"), title=same("T"), body=body, edges=list(edges))


def _branches(id="s1", headers=True, **kw):
    cols = [Col(("候选词", "Candidate") if headers else None), Col(("概率", "Probability") if headers else None)]
    rows = [TRow(same("好"), "0.3", mark="scissors"), TRow(same("在"), "0.4", fill="data", id=f"{id}_keep"),
            TRow(ellipsis=True, mark="scissors")]
    return Table(id=id, root=Cell(("你", "How"), bold=True, id=f"{id}_root"), columns=cols, rows=rows,
                 root_header=("前缀", "Context") if headers else None, header_vertical=True, fill="band",
                 sep=None, outline=None, row_height=50, **kw)


def _heads(poly_items):
    """Filled triangles: the arrow heads."""
    return [p for p in poly_items if isinstance(p, Poly) and p.closed and len(p.points) == 3]


def test_the_root_is_centred_on_the_rows_and_fans_out_to_each():
    d = _diagram(Row(_branches(), Node("n", same("N"))))
    a = arrange(d, "zh")
    sc = build_scene(d, "zh", a)
    rows = [a.index[i].box for i in ("s1_keep",)]
    root = a.index["s1_root"].box
    table = a.index["s1"].box
    body_top, body_h = rows[0].y - 50, 150          # three rows of 50
    assert abs(root.cy - (body_top + body_h / 2)) < 0.6
    assert root.x - table.x < 8                      # the root stands at the table's left
    heads = _heads(sc.content)
    assert len(heads) == 3                           # one arrow per row, ellipsis row included
    tips = sorted(h.points[0] for h in heads)
    assert all(abs(t[0] - rows[0].x) < 0.01 for t in tips)         # each ends on the rows' left edge
    assert [round(t[1] - tips[0][1], 1) for t in tips] == [0, 50, 100]
    # the arrows leave from one point right of the root
    lines = [p for p in sc.content if isinstance(p, Poly) and not p.closed and len(p.points) == 2
             and abs(p.points[0][0] - root.right) < 6]
    assert len(lines) == 3 and len({p.points[0] for p in lines}) == 1


def test_marked_rows_carry_an_icon_right_of_the_grid():
    d = _diagram(Row(_branches(), Node("n", same("N"))))
    a = arrange(d, "en")
    sc = build_scene(d, "en", a)
    keep = a.index["s1_keep"].box
    icons = [i for i in sc.content if isinstance(i, IconArt) and i.name == "scissors"]
    assert len(icons) == 2                           # the kept row has none
    for ic in icons:
        assert abs(ic.box.x - (keep.right + 4)) < 0.01 and abs(ic.box.h - 24) < 0.01
    assert sorted(round(ic.box.cy - keep.cy) for ic in icons) == [-50, 50]   # on their rows
    assert max(ic.box.right for ic in icons) <= a.index["s1"].box.right + 0.01   # inside the table's box


def test_vertical_headers_stack_chinese_and_turn_latin():
    d = _diagram(Row(_branches(), Node("n", same("N"))))
    zh = build_scene(d, "zh")
    heads = {"".join(ln.text for ln in t.block.lines): t for t in zh.content if isinstance(t, TextArt)}
    assert len(heads["候选词"].block.lines) == 3 and not heads["候选词"].turned
    assert len(heads["前缀"].block.lines) == 2
    # bottoms on one line, just above the body
    assert abs(heads["候选词"].box.bottom - heads["概率"].box.bottom) < 0.01
    en = build_scene(d, "en")
    t = next(t for t in en.content if isinstance(t, TextArt) and t.block.lines[0].text == "Probability")
    assert t.turned and t.box.w == t.block.height and t.box.h == t.block.width
    svg = render_svg(d, "en").decode()
    assert svg.count('transform="rotate(-90 ') >= 3 * 2      # glyphs and the text layer, per header


def test_a_table_levels_its_root_with_the_chosen_row_of_the_step_before():
    s2 = _branches("s2", headers=False, level_with="s1_keep")
    d = _diagram(Row(_branches(), s2, gap=90), [Edge("s1_keep.right", "s2_root.left", route="straight")])
    a = arrange(d, "zh")
    assert abs(a.index["s2_root"].box.cy - a.index["s1_keep"].box.cy) < 0.02
    assert abs(a.index["s2_keep"].box.cy - a.index["s2_root"].box.cy - 0) < 0.02   # moved with its table
    (e, pts), = a.routes
    assert abs(pts[0][1] - pts[-1][1]) < 0.02           # the step edge runs level


def _token(id):
    return Node(id, None, fill="model", width=40, height=40)


def test_cousin_gap_sets_groups_of_siblings_apart():
    ids = ["r", "a", "b", "a1", "a2", "b1", "b2"]
    edges = [Edge("r", "a"), Edge("r", "b"), Edge("a", "a1"), Edge("a", "a2"), Edge("b", "b1"), Edge("b", "b2")]
    edges = [e.model_copy(update={"route": "straight"}) for e in edges]

    def leaves(**kw):
        a = arrange(_diagram(Flow(*[_token(i) for i in ids], direction="TB", tree=True, node_gap=10, **kw), edges),
                    "zh")
        return {i: a.index[i].box for i in ids}
    plain, apart = leaves(), leaves(cousin_gap=60)
    assert abs(plain["b1"].x - plain["a2"].right - 10) < 0.01
    assert abs(apart["b1"].x - apart["a2"].right - 60) < 0.01     # cousins
    assert abs(apart["a2"].x - apart["a1"].right - 10) < 0.01     # siblings keep node_gap
    assert abs(apart["a"].cx - (apart["a1"].cx + apart["a2"].cx) / 2) < 0.01   # parents still centred
