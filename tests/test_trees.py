"""Trees and side-by-side panels: Flow(tree=True) centres parents over their
children and packs subtrees; Row(align="stretch") gives panels one height and
lines their contents up; a spread Column/Row fills the room it is given."""
from __future__ import annotations

import pytest

from llmviz_dsl import Column, Diagram, Edge, Flow, Node, Panel, Row, Text, same
from llmviz_dsl.errors import SpecError
from llmviz_dsl.pipeline import arrange, render_svg

from conftest import spec


def _diagram(body, edges=()):
    return Diagram(id="t", chapter=same("C"), title=same("T"), body=body, edges=list(edges))


def _small(id):
    return Node(id, None, fill="green", width=45, height=33)


def _tree(links, tree=True, **kw):
    ids = []
    for a, bs in links.items():
        for n in [a, *bs]:
            if n not in ids:
                ids.append(n)
    edges = [Edge(a, b, route="straight") for a, bs in links.items() for b in bs]
    return _diagram(Flow(*[_small(i) for i in ids], direction="TB", node_gap=33, tree=tree, **kw), edges)


LINKS = {"r": ["a", "b", "c"], "a": ["a1", "a2"], "c": ["c1", "c2", "c3"], "a1": ["x"], "c2": ["y", "z"]}


def test_small_nodes_keep_the_size_the_spec_gives():
    a = arrange(_tree({"r": ["a"]}), "en")
    assert (a.index["r"].shape.w, a.index["r"].shape.h) == (45, 33)


def test_parents_are_centred_over_their_children_and_lone_children_under_their_parent():
    a = arrange(_tree(LINKS), "en")
    cx = {n: p.shape.cx for n, p in a.index.items()}
    for parent, kids in LINKS.items():
        assert cx[parent] == pytest.approx((cx[kids[0]] + cx[kids[-1]]) / 2, abs=0.01), parent
    assert cx["x"] == pytest.approx(cx["a1"], abs=0.01)
    # Children keep their order, left to right.
    for kids in LINKS.values():
        assert [cx[k] for k in kids] == sorted(cx[k] for k in kids)


def test_subtrees_are_packed_gap_apart_and_a_small_one_is_spread_between_large_ones():
    a = arrange(_tree(LINKS), "en")
    by_rank: dict[float, list] = {}
    for p in a.index.values():
        by_rank.setdefault(round(p.shape.cy, 1), []).append(p.shape)
    for row in by_rank.values():
        row.sort(key=lambda b: b.x)
        for p, q in zip(row, row[1:]):
            assert q.x - p.right >= 33 - 0.01
    cx = {n: p.shape.cx for n, p in a.index.items()}
    # b (a leaf) sits midway between the large subtrees of a and c.
    assert cx["b"] - cx["a"] == pytest.approx(cx["c"] - cx["b"], abs=0.01)
    # The tightest pair touches: subtrees are packed, not padded.
    assert any(q.x - p.right == pytest.approx(33, abs=0.01)
               for row in by_rank.values() for p, q in zip(row, row[1:]))


def test_a_straight_chain_in_a_tree_follows_its_first_node():
    d = _tree({"in": ["a", "b", "c"], "c": ["c1"], "c1": ["out"]}, straight=[["in", "out"]])
    a = arrange(d, "en")
    assert a.index["out"].shape.cx == pytest.approx(a.index["in"].shape.cx, abs=0.01)
    assert a.index["out"].shape.cx != pytest.approx(a.index["c1"].shape.cx, abs=1)


def test_a_tree_flow_refuses_a_node_with_two_parents():
    with pytest.raises(SpecError, match="'m' has two parents"):
        render_svg(_tree({"r": ["a", "b"], "a": ["m"], "b": ["m"]}), "en")


def _panels(*titles, spread_first=False, grow=True):
    flows = []
    for i, t in enumerate(titles):
        n = i + 1 if grow else 2
        kids = [Node(f"in{i}", same("In")), *[_small(f"n{i}{k}") for k in range(n)], Node(f"out{i}", same("Out"))]
        body = Column(kids[0], kids[-1], spread=True) if (spread_first and i == 0) else Column(*kids, gap=20)
        flows.append(Panel(f"p{i}", body, title=same(t), title_at="top"))
    return Row(*flows, align="stretch")


def test_panels_in_a_stretched_row_share_one_height_and_line_up_their_contents():
    a = arrange(_diagram(_panels("One", "Two\nlines", "Three", grow=False), []), "en")
    panels = [a.index[f"p{i}"].box for i in range(3)]
    assert len({p.h for p in panels}) == 1 and len({p.y for p in panels}) == 1
    # A one-line title leaves its content level with the two-line title's.
    assert len({a.index[f"in{i}"].shape.y for i in range(3)}) == 1
    assert len({a.index[f"out{i}"].shape.y for i in range(3)}) == 1


def test_a_shorter_content_is_centred_below_the_shared_title_room():
    a = arrange(_diagram(_panels("One", "Two", "Three"), []), "en")
    tall, short = a.index["p2"].box, a.index["p0"].box
    assert short.h == tall.h
    room_top = a.index["in2"].shape.y              # where the tallest content starts
    room_bottom = a.index["out2"].shape.bottom
    top_gap = a.index["in0"].shape.y - room_top
    bottom_gap = room_bottom - a.index["out0"].shape.bottom
    assert top_gap > 20 and top_gap == pytest.approx(bottom_gap, abs=0.01)


def test_a_spread_column_in_a_stretched_panel_puts_its_last_child_at_the_bottom():
    a = arrange(_diagram(_panels("Basic", "Chain", "Longer chain", spread_first=True), []), "en")
    assert a.index["in0"].shape.y == pytest.approx(a.index["in2"].shape.y, abs=0.01)
    assert a.index["out0"].shape.bottom == pytest.approx(a.index["out2"].shape.bottom, abs=0.01)


def test_a_spread_row_in_a_stretched_column_spans_it():
    body = Column(Row(Text("l", same("left")), Text("r", same("right")), spread=True),
                  Node("wide", same("W"), width=600), align="stretch")
    a = arrange(_diagram(body), "en")
    wide = a.index["wide"].box
    assert a.index["l"].box.x == pytest.approx(wide.x, abs=0.01)
    assert a.index["r"].box.right == pytest.approx(wide.right, abs=0.01)


def test_the_cot_figure_panels_line_up():
    for lang in ("zh", "en"):
        a = arrange(spec("cot-tot-got"), lang)
        tags = ("qa", "cot", "sc", "tot", "got")
        for end in ("in", "out"):
            ys = {round(a.index[f"{t}{end}"].shape.y, 2) for t in tags}
            assert len(ys) == 1, (lang, end, ys)
        # Trees: the output under the input, each parent over its children.
        for t in ("sc", "tot"):
            assert a.index[f"{t}out"].shape.cx == pytest.approx(a.index[f"{t}in"].shape.cx, abs=0.01)
        assert a.index["tota0"].shape.cx == pytest.approx(
            (a.index["totb0"].shape.cx + a.index["totb1"].shape.cx) / 2, abs=0.01)
