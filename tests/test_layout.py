"""Layout and routing invariants, on every spec and on small cases."""
from __future__ import annotations

import pytest

from llmviz_dsl import Column, Diagram, Edge, Flow, Grid, Node, Row, Span, same
from llmviz_dsl.model import Cells, Node as NodeT
from llmviz_dsl.pipeline import _descendants, _parents, arrange
from llmviz_dsl.route import segment_hits_box

from conftest import SPEC_IDS, arranged, spec


def _leaves(p):
    if isinstance(p.el, (NodeT, Cells)):
        yield p
    for k in p.kids:
        yield from _leaves(k)


def _diagram(body, edges=()):
    return Diagram(id="t", chapter=same("C"), title=same("T"), body=body, edges=list(edges))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("sid", SPEC_IDS)
def test_no_overlapping_boxes(sid, lang):
    a = arranged(sid, lang)
    leaves = list(_leaves(a.root))
    for i, p in enumerate(leaves):
        for q in leaves[i + 1:]:
            assert not p.shape.overlaps(q.shape, tol=0.5), f"{p.el.describe()} overlaps {q.el.describe()}"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("sid", SPEC_IDS)
def test_text_fits_its_box(sid, lang):
    a = arranged(sid, lang)
    for p in _leaves(a.root):
        if isinstance(p.el, NodeT) and p.el.shape != "plain" and p.text:
            assert p.text.width <= p.shape.w + 0.01 and p.text.height <= p.shape.h + 0.01, p.el.describe()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("sid", SPEC_IDS)
def test_orthogonal_edges_avoid_boxes(sid, lang):
    a = arranged(sid, lang)
    parents = _parents(a.root)
    for e, pts in a.routes:
        if e.route != "ortho":
            continue
        ends = [a.index[r.partition(".")[0]] for r in (e.src, e.dst)]
        allowed = {id(x) for end in ends for x in [end, *parents[id(end)], *_descendants(end)]}
        for p in _leaves(a.root):
            if id(p) in allowed:
                continue
            for s, t in zip(pts, pts[1:]):
                assert not segment_hits_box(s, t, p.shape), f"{e.describe()} crosses {p.el.describe()}"
        for s, t in zip(pts, pts[1:]):
            assert s[0] == t[0] or s[1] == t[1], "orthogonal segments only"


def test_column_row_grid_geometry():
    from llmviz_dsl.layout import Ctx, layout
    from llmviz_dsl.fonts import fonts_for
    from llmviz_dsl.theme import load_theme
    th = load_theme()
    ctx = Ctx(th, fonts_for(th), "zh", [])
    body = Column(Row(Node("a", same("A"), width=100, height=50), Node("b", same("B"), width=60, height=80),
                      gap=20),
                  Grid(rows=[[Node("c", same("C"), width=50, height=40), Node("d", same("D"), width=50, height=40)],
                             [Span(Node("e", same("E"), width=150, height=40), cols=2)]], col_gap=10, row_gap=10),
                  gap=30)
    root, ix = layout(ctx, body)
    a, b, c, d, e = (ix[k].shape for k in "abcde")
    assert b.x == a.right + 20 and a.cy == b.cy                     # row: gap, centred
    assert c.y == max(a.bottom, b.bottom) + 30                      # column gap
    assert c.y == d.y and d.x >= c.right + 10                       # grid row
    assert e.y == c.bottom + 10 and e.w == 150                      # span row below
    assert abs((e.x + e.right) / 2 - (c.x + d.right) / 2) < 0.01    # span centred across both columns


def test_same_size_group():
    from llmviz_dsl.layout import Ctx, layout
    from llmviz_dsl.fonts import fonts_for
    from llmviz_dsl.theme import load_theme
    th = load_theme()
    ctx = Ctx(th, fonts_for(th), "en", [])
    root, ix = layout(ctx, Row(Node("a", same("A"), same_size="m"),
                               Node("b", same("A much longer label"), same_size="m")))
    assert ix["a"].shape.w == ix["b"].shape.w and ix["a"].shape.h == ix["b"].shape.h


def test_flow_ranks_follow_edges_and_feedback_does_not_rank():
    d = _diagram(Flow(Node("a", same("A")), Node("b", same("B")), Node("c", same("C"))),
                 [Edge("a", "b"), Edge("b", "c"), Edge("c", "a", style="dotted")])
    a = arrange(d, "en")
    xs = [a.index[k].shape.x for k in "abc"]
    assert xs == sorted(xs) and len(set(xs)) == 3


def test_router_goes_around_a_box_in_the_way():
    # a -> c with b sitting between them on the same row.
    d = _diagram(Row(Node("a", same("A")), Node("b", same("B")), Node("c", same("C")), gap=80),
                 [Edge("a", "c")])
    a = arrange(d, "en")
    (_, pts), = a.routes
    b = a.index["b"].shape
    assert len(pts) >= 4
    assert not any(segment_hits_box(p, q, b) for p, q in zip(pts, pts[1:]))


def test_fan_in_shares_the_last_segment():
    d = _diagram(Flow(Node("a", same("A")), Node("b", same("B")), Node("c", same("C"))),
                 [Edge("a", "c"), Edge("b", "c")])
    a = arrange(d, "en")
    ends = [pts[-1] for _, pts in a.routes]
    assert ends[0] == ends[1]


def test_path_points_follow_h_and_v():
    from llmviz_dsl.geometry import path_points
    assert path_points("M10 20H50V80L5 6") == [(10, 20), (50, 20), (50, 80), (5, 6)]


def test_left_aligned_bare_text_starts_at_its_box():
    from llmviz_dsl import Text
    from llmviz_dsl.pipeline import build_scene
    from llmviz_dsl.scene import TextArt
    d = _diagram(Column(Node("a", same("A box"), width=300), Text("t", same("left"), align="left")))
    a = arrange(d, "en")
    sc = build_scene(d, "en")
    arts = [it for it in sc.content if isinstance(it, TextArt) and it.block.lines[0].text == "left"]
    assert len(arts) == 1 and abs(arts[0].x - a.index["t"].shape.x) < 0.01


def test_text_scale_sets_one_language_smaller_but_not_the_footer():
    from llmviz_dsl.pipeline import build_scene
    body = Row(Node("a", ("模型", "Model"), size=30), Node("b", same("$x^2$")))
    plain = _diagram(body, [])
    scaled = plain.model_copy(update={"text_scale": {"en": 0.5}})
    a0, a1 = arrange(plain, "en"), arrange(scaled, "en")
    assert a1.index["a"].text.lines[0].size == 15 and a0.index["a"].text.lines[0].size == 30
    assert a1.index["b"].text.height < a0.index["b"].text.height * 0.6    # math scales too
    z0, z1 = arrange(plain, "zh"), arrange(scaled, "zh")
    assert z1.index["a"].text.height == z0.index["a"].text.height         # zh untouched
    def text_sizes(d):
        return sorted(ln.size for t in build_scene(d, "en").items if hasattr(t, "block") for ln in t.block.lines)
    # The footer title and credit keep their sizes; only the label halves.
    assert [s for s in text_sizes(scaled) if s != 15] == [s for s in text_sizes(plain) if s != 30]


def test_footer_shrinks_to_a_narrow_figure_down_to_its_floor():
    from llmviz_dsl.pipeline import build_scene
    from llmviz_dsl.theme import load_theme
    ft = load_theme().footer

    def footer_title_size(d):
        sc = build_scene(d, "en")
        sizes = [ln.size for t in sc.items if hasattr(t, "block") for ln in t.block.lines
                 if ln.text == d.title.en]
        return sizes[0], sc.width
    wide = _diagram(Node("a", same("A"), width=3000, height=40))
    size, _ = footer_title_size(wide)
    assert size == ft["title_size"]                                   # room enough: full size
    mid = _diagram(Node("a", same("A"), width=900, height=40))
    size, w = footer_title_size(mid)
    assert ft["title_size"] * ft["min_scale"] < size < ft["title_size"]
    assert w == pytest.approx(900 + 2 * load_theme().frame["margin"], abs=0.01)   # page kept to the content
    tiny = _diagram(Node("a", same("A"), width=50, height=40))
    size, w = footer_title_size(tiny)
    assert size == ft["title_size"] * ft["min_scale"] and w > 50 + 2 * load_theme().frame["margin"]
