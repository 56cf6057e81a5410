"""The extension points: element families, shapes and icons registries, the
overlay/body split, theme tokens found by type, hatch fills."""
import re

import pytest

from llmviz_dsl import Diagram, Edge, Node, Region, Row, same
from llmviz_dsl.errors import SpecError
from llmviz_dsl.layout import MEASURES, Sized, measures
from llmviz_dsl.model import Element, Token
from llmviz_dsl.paint import PAINTERS, paints
from llmviz_dsl.pipeline import build_scene, render_svg
from llmviz_dsl.scene import Hatch, Paint, Rect


def _diagram(body, **kw):
    return Diagram(id="t", chapter=same("c"), title=same("t"), body=body, **kw)


class Swatch(Element):
    """A test-only family: a filled square of a theme colour."""
    is_visible = True
    is_obstacle = True
    color: Token = "model"
    side: float = 50


@measures(Swatch)
def _swatch_size(ctx, s):
    return Sized(s, s.side, s.side)


@paints(Swatch)
def _swatch_paint(ctx, p, out):
    out.append(Rect(p.box, 0, Paint(ctx.color(p.el.color, p.el))))


def teardown_module():
    MEASURES.pop(Swatch, None)
    PAINTERS.pop(Swatch, None)


def test_a_family_element_is_laid_out_painted_and_routed_around():
    d = _diagram(Row(Node("a", same("A")), Swatch(id="s", side=80), Node("b", same("B"))),
                 edges=[Edge("a", "b", route="ortho")])
    scene = build_scene(d, "en")
    sw = [it for it in scene.content if isinstance(it, Rect) and it.paint.fill == "#71CCF5"]
    assert len(sw) == 1 and sw[0].box.w == 80
    # The edge from a to b may not cross the swatch between them.
    from llmviz_dsl.pipeline import arrange
    (e, pts), = arrange(d, "en").routes
    box = sw[0].box
    for p, q in zip(pts, pts[1:]):
        if p[1] == q[1] and box.y < p[1] < box.bottom:
            assert max(p[0], q[0]) <= box.x or min(p[0], q[0]) >= box.right


def test_family_colour_fields_are_checked_against_the_theme():
    with pytest.raises(SpecError, match="colour 'mauve' is not in theme"):
        render_svg(_diagram(Row(Node("a", same("A")), Swatch(color="mauve"))), "en")


def test_unknown_shape_and_icon_name_the_registered_ones():
    with pytest.raises(ValueError, match=r"unknown shape 'hexagon': use one of .*ellipse"):
        Node("a", same("A"), shape="hexagon")
    with pytest.raises(ValueError, match=r"unknown icon 'unicorn': use one of .*lock.*nn"):
        Node("a", same("A"), icon="unicorn")


def test_overlays_and_body_elements_do_not_mix():
    with pytest.raises(ValueError, match="Node is not an overlay"):
        _diagram(Node("a", same("A")), overlays=[Node("b", same("B"))])
    with pytest.raises(SpecError, match="Region cannot be laid out in body"):
        render_svg(_diagram(Row(Node("a", same("A")), Region("r", ["a"]))), "en")


def test_hatch_fill_is_a_rotated_line_pattern():
    from llmviz_dsl.scene import Scene
    from llmviz_dsl.geometry import Box
    from llmviz_dsl.svg import to_svg
    sc = Scene(100, 100, "t", "en")
    sc.content = [Rect(Box(0, 0, 50, 50), 0, Paint(Hatch("#000000", "#FFFFFF", angle=45, spacing=8)))]
    svg = to_svg(sc).decode()
    pat = re.search(r'<pattern id="(ht[0-9a-f]+)" width="8" height="8"[^>]*patternTransform="rotate\(45\)"', svg)
    assert pat and f'fill="url(#{pat.group(1)})"' in svg
    assert '<rect width="8" height="8" fill="#FFFFFF"/>' in svg
