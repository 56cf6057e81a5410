"""Options and icons the DPO figures brought: a node's `icon_size`, the
open ring arrows (rotate-cw / rotate-ccw), the grinning faces (smileys) and
a group of people."""
import re

from llmviz_dsl import Diagram, Node, Row, same
from llmviz_dsl.geometry import Box
from llmviz_dsl.icons import icon_size, icon_svg
from llmviz_dsl.pipeline import build_scene
from llmviz_dsl.scene import IconArt

NUM = r"-?\d*\.?\d+"


def _diagram(body):
    return Diagram(id="t", chapter=same("c"), title=same("t"), body=body)


def _icons(scene, name):
    return [it for it in scene.content if isinstance(it, IconArt) and it.name == name]


def test_icon_size_scales_a_node_icon_and_grows_its_box():
    d = _diagram(Row(Node("a", same("A"), icon="nn"), Node("b", same("B"), icon="nn", icon_size=104)))
    natural, big = _icons(build_scene(d, "en"), "nn")
    assert (natural.box.w, natural.box.h) == icon_size("nn") == (52, 40)
    assert abs(big.box.w - 104) < 1e-6 and abs(big.box.h - 80) < 1e-6      # larger side 104, aspect kept
    small = Node("c", same("C"), icon="nn")
    assert icon_size("nn", 26) == (26, 20) and small.icon_size is None


def _head_tip(svg: str) -> tuple[float, float]:
    """The tip of the V head: the middle point of the last path."""
    d = re.findall(r'd="([^"]+)"', svg)[-1]
    nums = [float(v) for v in re.findall(NUM, d)]
    return nums[2], nums[3]


def test_ring_arrows_are_mirror_images_with_a_dashed_return():
    box = Box(0, 0, 100, 100)
    cw, ccw = icon_svg("rotate-cw", box, "#C0BFDE", "#FFFFFF"), icon_svg("rotate-ccw", box, "#C0BFDE", "#FFFFFF")
    for svg in (cw, ccw):
        assert svg.count("stroke-dasharray") == 1 and svg.count("<path") == 3
    (x1, y1), (x2, y2) = _head_tip(cw), _head_tip(ccw)
    assert x1 > 50 > x2 and abs((x1 - 50) - (50 - x2)) < 0.05 and abs(y1 - y2) < 0.05
    assert y1 < 50                                  # the head sits on the upper, solid half


def test_smileys_draw_two_faces_and_people_three_busts():
    box = Box(0, 0, 48, 48)
    faces = icon_svg("smileys", box, "#FFFFFF", "#3B3838")
    circles = re.findall(r'<circle cx="(' + NUM + r')" cy="(' + NUM + r')"', faces)
    assert len(circles) == 2
    (ax, ay), (bx, by) = [(float(x), float(y)) for x, y in circles]
    assert ax < bx and ay < by                      # the second face in front, down-right
    people = icon_svg("people", Box(0, 0, 60, 40), "#3B3838", "#FFFFFF")
    assert people.count("<circle") == 4             # two heads behind, the front one with its rim
