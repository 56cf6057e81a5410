"""Node icons beside the label and label plates, tree parents bunched under
their parent (Flow.parent_gap), parts that differ by language (Lang), and a
Span centred in a grid that aligns its cells to the start."""
from __future__ import annotations

from llmviz_dsl import Column, Diagram, Edge, Flow, Grid, Lang, Node, Span, same
from llmviz_dsl.pipeline import arrange, build_scene
from llmviz_dsl.scene import IconArt, Rect, TextArt


def _diagram(body, edges=()):
    return Diagram(id="t", chapter=same("C"), title=same("T"), body=body, edges=list(edges))


def test_icon_right_of_the_label_on_one_line():
    d = _diagram(Node("n", same("LLM"), icon="nn", icon_at="right", icon_size=46, width=198, height=67))
    a = arrange(d, "zh")
    box = a.index["n"].shape
    sc = build_scene(d, "zh", a)
    text = next(t for t in sc.content if isinstance(t, TextArt) and t.block.width > 0 and t.y > box.y - 1
                and t.y < box.bottom)
    icon = next(i for i in sc.content if isinstance(i, IconArt))
    assert icon.box.x > text.x + text.block.width            # beside, not under
    assert abs(icon.box.cy - box.cy) < 0.01                   # both centred vertically
    assert abs(text.y + text.block.height / 2 - box.cy) < 0.01
    line = icon.box.right - text.x                            # the pair is centred in the box
    assert abs(text.x - (box.cx - line / 2)) < 0.01
    # Without a width the box fits label, gap and icon side by side.
    a2 = arrange(_diagram(Node("n", same("LLM"), icon="nn", icon_at="right", icon_size=46)), "zh")
    b2 = a2.index["n"].shape
    assert b2.w > line and b2.h < 46 + 2 * 10 + 1


def test_label_plate_behind_the_label():
    d = _diagram(Node("n", same("Ignore"), hatch="grey", label_fill="white", width=128, height=200))
    sc = build_scene(d, "zh")
    items = list(sc.content)
    text = next(i for i, t in enumerate(items) if isinstance(t, TextArt))
    plate = items[text - 1]
    assert isinstance(plate, Rect) and plate.paint.fill == "#FFFFFF"
    t = items[text]
    assert abs(plate.box.x - (t.x - 6)) < 0.01 and abs(plate.box.w - (t.block.width + 12)) < 0.01


def _tree(**kw):
    ids = ["r", "a", "b", "a1", "a2", "a3", "b1", "b2", "b3"]
    pairs = [("r", "a"), ("r", "b"), ("a", "a1"), ("a", "a2"), ("a", "a3"), ("b", "b1"), ("b", "b2"), ("b", "b3")]
    edges = [Edge(x, y, route="straight") for x, y in pairs]
    nodes = [Node(i, None, fill="model", width=40, height=40) for i in ids]
    a = arrange(_diagram(Flow(*nodes, direction="TB", tree=True, node_gap=10, **kw), edges), "zh")
    return {i: a.index[i].box for i in ids}


def test_parent_gap_bunches_parents_under_their_parent():
    plain, bunched = _tree(), _tree(parent_gap=20)
    assert abs(plain["a"].cx - plain["a2"].cx) < 0.01                 # tidy: over its children
    assert abs(bunched["b"].x - bunched["a"].right - 20) < 0.01       # bunched, parent_gap apart
    assert abs((bunched["a"].cx + bunched["b"].cx) / 2 - bunched["r"].cx) < 0.01
    for k in ("a1", "a2", "a3", "b1", "b2", "b3"):                     # the leaves stay put
        assert abs(bunched[k].x - plain[k].x) < 0.01


def test_lang_picks_the_part_of_each_language():
    arrow = Node("arr", None, shape="arrow", fill="light-grey", width=117, height=51)
    body = Column(Node("top", same("T"), width=60), Lang(zh=None, en=arrow), Node("bot", same("B"), width=60),
                  gap=10)
    zh, en = arrange(_diagram(body), "zh"), arrange(_diagram(body), "en")
    assert "arr" not in zh.index and "arr" in en.index
    assert abs(en.index["arr"].box.w - 117) < 0.01
    gap_zh = zh.index["bot"].box.y - zh.index["top"].box.bottom
    gap_en = en.index["bot"].box.y - en.index["top"].box.bottom
    assert abs(gap_zh - 20) < 0.01                      # an empty place still has its gaps
    assert abs(gap_en - gap_zh - 51) < 0.01


def test_span_centre_overrides_a_start_aligned_grid():
    g = Grid(rows=[[Span(Node("t", same("T"), width=40), align="center"), Node("u", same("U"), width=40)],
                   [Node("w", same("W"), width=200), None]], col_gap=10, align="start")
    a = arrange(_diagram(g), "zh")
    assert abs(a.index["t"].box.cx - a.index["w"].box.cx) < 0.01
    assert abs(a.index["u"].box.x - (a.index["w"].box.right + 10)) < 0.01   # others keep the grid's start
