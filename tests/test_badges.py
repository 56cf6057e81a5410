"""Badges (a lock on frozen weights) on nodes and cells, and a panel title
in the bottom-left corner."""
from llmviz_dsl import Cells, Diagram, Node, Panel, Row, Text, same
from llmviz_dsl.pipeline import arrange, build_scene
from llmviz_dsl.scene import IconArt, TextArt


def _diagram(body):
    return Diagram(id="t", chapter=same("T"), title=same("T"), body=body)


def _icons(d):
    return [it for it in build_scene(d, "en").content if isinstance(it, IconArt)]


def test_node_badge_sits_in_the_chosen_corner_in_its_size_and_colour():
    d = _diagram(Row(Node("a", same("A"), shape="box", width=160, height=150, badge="lock"),
                     Node("b", same("B"), shape="box", width=160, height=150, badge="lock", badge_at="bottom-left",
                          badge_color="gold", badge_size=40)))
    idx = arrange(d, "en").index
    right, left = sorted(_icons(d), key=lambda i: i.box.x)
    a, b = idx["a"].shape, idx["b"].shape
    # Default: the icon's own size (16 x 20) in the bottom-right corner, theme colour.
    assert (right.box.w, right.box.h) == (16, 20)
    assert a.x + a.w / 2 < right.box.x < a.right and right.box.bottom <= a.bottom
    assert right.fill == "#3B3838"
    # Bottom-left, scaled so its larger side is 40, in the gold token.
    assert left.box.h == 40 and left.box.w == 32
    assert b.x < left.box.x < b.x + b.w / 2 and left.box.bottom <= b.bottom and left.box.bottom > b.bottom - 10
    assert left.fill == "#BF9000"


def test_cells_carry_a_badge_bottom_left_by_default():
    d = _diagram(Cells(id="w", rows=[[""] * 6] * 6, cell_width=40, cell_height=40, badge="lock", badge_color="gold"))
    icon, = _icons(d)
    w = arrange(d, "en").index["w"].box
    assert abs(icon.box.x - (w.x + 8)) < 0.01 and abs(icon.box.bottom - (w.bottom - 6)) < 0.01
    assert icon.fill == "#BF9000"


def test_panel_title_bottom_left_takes_room_below_the_content():
    d = _diagram(Panel("p", Node("n", same("N"), width=300, height=100), title=same("Low-rank"),
                       title_at="bottom-left", padding=24))
    idx = arrange(d, "en").index
    panel, node = idx["p"].box, idx["n"].box
    title, = [it for it in build_scene(d, "en").content if isinstance(it, TextArt) and it.y > node.bottom]
    assert abs(title.x - (panel.x + 24)) < 0.01                 # left, inset by the padding
    assert title.y + title.block.height < panel.bottom
    assert abs(node.y - (panel.y + 24)) < 0.01                   # no title room on top
