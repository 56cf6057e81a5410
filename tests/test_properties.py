"""Properties over random valid specs: the build never fails, boxes never
overlap, and the same spec renders to the same bytes twice."""
from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from llmviz_dsl import Column, Diagram, Edge, Flow, Grid, Node, Panel, Row, same
from llmviz_dsl.model import walk
from llmviz_dsl.pipeline import arrange, build_scene, render_svg
from llmviz_dsl.shapes import SHAPES

FILLS = ["model", "data", "secondary", "loss", "white", "band", "panel"]
WORDS = ["策略模型", "Policy", "$\\pi_\\theta$", "KL", "奖励 Reward", "$x_1+y^2$", "A\nB", "损失", "7", "GRPO"]

_ids = itertools.count()


@st.composite
def nodes(draw):
    label = draw(st.sampled_from(WORDS))
    return Node(f"n{next(_ids)}", (label, label + "!") if any(c.isalpha() for c in label.replace("$", "")) else same(label),
                shape=draw(st.sampled_from(sorted(k for k, s in SHAPES.items() if not s.bare))),
                fill=draw(st.sampled_from(FILLS)),
                width=draw(st.none() | st.floats(40, 220)), height=draw(st.none() | st.floats(30, 120)))


def layouts(children):
    many = st.lists(children, min_size=1, max_size=4)
    return st.one_of(
        many.map(lambda ks: Row(*ks, gap=30)),
        many.map(lambda ks: Column(*ks, gap=20)),
        st.lists(st.lists(children, min_size=1, max_size=3), min_size=1, max_size=3).map(
            lambda rows: Grid(rows=rows)),
        children.map(lambda k: Panel(None, k, title=("面板", "Panel"))),
    )


bodies = st.recursive(nodes(), layouts, max_leaves=10)


@st.composite
def diagrams(draw):
    body = draw(st.one_of(bodies, st.lists(nodes(), min_size=2, max_size=6).map(lambda ks: Flow(*ks))))
    ids = [e.id for e in walk(body) if isinstance(e, Node)]
    edges = []
    if len(ids) > 1:
        pairs = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=5))
        seen = set()
        for a, b in pairs:
            if a != b and (a, b) not in seen:
                seen.add((a, b))
                edges.append(Edge(a, b, route=draw(st.sampled_from(["ortho", "straight"]))))
    return Diagram(id="prop", chapter=same("C"), title=("随机", "Random"), body=body, edges=edges)


SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(diagrams(), st.sampled_from(["zh", "en"]))
def test_random_specs_build_and_boxes_do_not_overlap(d, lang):
    a = arrange(d, lang)
    build_scene(d, lang, a)
    boxes = [p.shape for p in _placed(a.root) if isinstance(p.el, Node)]
    for b1, b2 in itertools.combinations(boxes, 2):
        assert not b1.overlaps(b2), (b1, b2)


@SETTINGS
@given(diagrams())
def test_random_specs_render_identically_twice(d):
    assert render_svg(d, "zh") == render_svg(d, "zh")


def _placed(p):
    yield p
    for k in p.kids:
        yield from _placed(k)
