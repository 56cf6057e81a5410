"""Edge and brace options: a label turned along a slanted edge, an edge from
a brace's tip, inset braces over touching boxes, the pitch of parallel
ports, and edges leaving a rule right under a row of boxes."""
import math
import re

import pytest

from llmviz_dsl import Brace, Column, Diagram, Edge, Gap, Node, Row, Rule, same
from llmviz_dsl.errors import SpecError
from llmviz_dsl.geometry import path_points
from llmviz_dsl.pipeline import arrange, build_scene, render_svg
from llmviz_dsl.scene import Path, TextArt


def _diagram(body, edges=(), overlays=()):
    return Diagram(id="t", chapter=same("c"), title=same("t"), body=body, edges=list(edges),
                   overlays=list(overlays))


def _label(scene, text):
    arts = [it for it in scene.content if isinstance(it, TextArt)
            and "".join(ln.text for ln in it.block.lines) == text]
    assert len(arts) == 1
    return arts[0]


def _slanted(**kw):
    body = Row(Node("a", same("A")), Column(Gap(height=300), Node("b", same("B")), gap=0), gap=300)
    return _diagram(body, [Edge("a", "b", route="straight", label=same("along"), label_along=True, **kw)])


def test_a_label_along_a_slanted_edge_is_turned_to_it_and_sits_beside_it():
    d = _slanted()
    (e, pts), = arrange(d, "en").routes
    (x0, y0), (x1, y1) = pts
    art = _label(build_scene(d, "en"), "along")
    deg = math.degrees(math.atan2(y1 - y0, x1 - x0))
    assert 10 < deg < 80 and art.rotate == pytest.approx(deg, abs=0.01)
    # The block's centre: 6 beyond the line plus half its height, on the
    # side above the text (up and right of a line falling to the right).
    cx, cy = art.x + art.block.width / 2, art.y + art.block.height / 2
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    L = math.dist((x0, y0), (x1, y1))
    nx, ny = (y1 - y0) / L, -(x1 - x0) / L          # the normal pointing up-right
    assert (cx - mx) * nx + (cy - my) * ny == pytest.approx(6 + art.block.height / 2, abs=0.05)
    assert abs((cx - mx) * (x1 - x0) + (cy - my) * (y1 - y0)) / L < 0.05     # at label_at=0.5
    # Its page box is the turned block's, and the SVG turns it about its centre.
    assert art.box.h > art.block.height + 10
    svg = render_svg(d, "en").decode()
    assert re.search(rf'<g transform="rotate\({deg:.2f}'.rstrip("0").rstrip("."), svg)


def test_label_side_puts_a_turned_label_on_the_other_side():
    up = _label(build_scene(_slanted(), "en"), "along")
    down = _label(build_scene(_slanted(label_side="bottom"), "en"), "along")
    assert down.rotate == up.rotate
    assert down.y > up.y + up.block.height and down.x < up.x


def test_a_label_along_an_upright_segment_reads_upwards():
    d = _diagram(Column(Node("a", same("A")), Node("b", same("B")), gap=200),
                 [Edge("a", "b", label=same("up"), label_along=True)])
    art = _label(build_scene(d, "en"), "up")
    (e, pts), = arrange(d, "en").routes
    assert art.rotate == -90
    assert art.box.right == pytest.approx(pts[0][0] - 6, abs=0.05)      # left of the line


def _braced(inset=0.0, **edge):
    body = Row(Column(Node("a", same("A"), width=200), Node("b", same("B"), width=200), id="col", gap=20),
               Node("c", same("C")), gap=200)
    return _diagram(body, [Edge("br", "c", route="straight", **edge)],
                    [Brace(["col"], id="br", side="right", gap=14, depth=10, color="loss", inset=inset)])


def test_an_edge_starts_at_a_braces_tip():
    d = _braced()
    a = arrange(d, "en")
    col = a.index["col"].shape
    (e, pts), = a.routes
    assert pts[0] == (col.right + 24, col.cy)
    assert pts[-1][0] == pytest.approx(a.index["c"].shape.x)


def test_an_unknown_edge_end_is_still_an_error():
    d = _braced()
    d.edges = [Edge("nobrace", "c")]
    with pytest.raises(SpecError, match="unknown node 'nobrace'"):
        render_svg(d, "en")


def test_an_inset_brace_is_shorter_at_both_ends():
    def brace_path(d):
        col = arrange(d, "en").index["col"].shape
        paths = [it for it in build_scene(d, "en").content if isinstance(it, Path) and it.paint.stroke == "#F0ADB7"]
        assert len(paths) == 1
        ys = [p[1] for p in path_points(paths[0].d)]
        return col, min(ys), max(ys)
    col, lo, hi = brace_path(_braced())
    assert (lo, hi) == (pytest.approx(col.y), pytest.approx(col.bottom))
    col, lo, hi = brace_path(_braced(inset=20))
    assert (lo, hi) == (pytest.approx(col.y + 20), pytest.approx(col.bottom - 20))


def _pairs(pitch=None):
    """Boxes over a rule, a reference box below left, a policy below."""
    data = Column(Row(Node(None, same("P"), width=160), Node(None, same("Q"), width=110), gap=16),
                  Rule(id="rule"), gap=6)
    body = Column(data, Gap(height=20), Row(Node("ref", same("Ref"), width=200, height=118), Gap(width=400), gap=0),
                  Gap(height=40), Node("pol", same("Policy"), width=240, height=118), gap=40)
    kw = {} if pitch is None else {"pitch": pitch}
    return _diagram(body, [Edge("rule.bottom", "ref.right"), Edge("ref.right", "pol.top", **kw),
                           Edge("rule.bottom", "pol.top", merge=False, **kw)])


@pytest.mark.parametrize("pitch", [None, 22])
def test_parallel_lines_from_a_rule_keep_the_pitch(pitch):
    a = arrange(_pairs(pitch), "en")
    rule, ref, pol = (a.index[k].shape for k in ("rule", "ref", "pol"))
    (_, into_ref), (_, out_of_ref), (_, direct) = a.routes
    step = pitch or 32
    # Into the reference model: down the rule's centre, then left.
    assert into_ref == [(rule.cx, rule.bottom), (rule.cx, ref.cy), (ref.right, ref.cy)]
    # Out of it one pitch lower, right and down the same line into the policy.
    assert out_of_ref == [(ref.right, round(ref.cy + step, 2)), (pol.cx, round(ref.cy + step, 2)), (pol.cx, pol.y)]
    # The direct line runs beside it, one pitch to the right, straight down:
    # its stub under the boxes over the rule is a way out.
    assert direct == [(rule.cx + step, rule.bottom), (pol.cx + step, pol.y)]
