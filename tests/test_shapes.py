"""Node shapes (diamond, trapezoid, parallelogram, chevron, pentagon, block
arrow, D-shape, cylinder, stacked cards) and node effects (drop shadow,
gradient and hatch fills): outlines, interiors, options, edges, SVG."""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from llmviz_dsl import Diagram, Edge, Node, Row, same
from llmviz_dsl.geometry import Box, path_points
from llmviz_dsl.paint import SHADOW_OFFSET, SHADOW_OPACITY
from llmviz_dsl.pipeline import arrange, build_scene, render_svg
from llmviz_dsl.scene import Path, Poly, Rect, TextArt
from llmviz_dsl.shapes import CARD_STEP, SHAPES, Shape, shape

BOX = Box(100, 50, 240, 120)
EPS = 0.02


def _opts(**kw):
    return SimpleNamespace(**{"direction": None, "count": 3, "label": None, "icon": None, **kw})


def _points(shape_name: str, box: Box = BOX, **kw) -> list[tuple[float, float]]:
    from llmviz_dsl.scene import Paint
    prims = SHAPES[shape_name].draw(box, Paint("#FFFFFF", "#000000"), 8.0, 9.0, _opts(**kw))
    pts = []
    for it in prims:
        if isinstance(it, Poly):
            pts += it.points
        elif isinstance(it, Path):
            pts += path_points(it.d)
        elif isinstance(it, Rect):
            b = it.box
            pts += [(b.x, b.y), (b.right, b.bottom)]
    return pts


def _bounds(pts):
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


NEW = ["diamond", "trapezoid", "parallelogram", "chevron", "pentagon", "arrow", "delay", "cylinder", "cards"]


# Diamonds and cylinders have no direction.
@pytest.mark.parametrize("name,direction", [(n, d) for n in NEW for d in (None, "left", "right", "up", "down")
                                            if d is None or n not in ("diamond", "cylinder")])
def test_outline_stays_in_its_box_and_touches_all_four_sides(name, direction):
    x0, y0, x1, y1 = _bounds(_points(name, direction=direction))
    assert (x0, y0, x1, y1) == pytest.approx((BOX.x, BOX.y, BOX.right, BOX.bottom), abs=EPS)


def _mirror_x(pts):
    return sorted((round(2 * BOX.cx - x, 2), round(y, 2)) for x, y in pts)


def _mirror_y(pts):
    return sorted((round(x, 2), round(2 * BOX.cy - y, 2)) for x, y in pts)


def _norm(pts):
    return sorted((round(x, 2), round(y, 2)) for x, y in pts)


@pytest.mark.parametrize("name", ["trapezoid", "chevron", "pentagon", "arrow", "delay", "parallelogram"])
def test_direction_mirrors_the_outline(name):
    def same_points(a, b):
        return len(a) == len(b) and all(p == pytest.approx(q, abs=EPS) for p, q in zip(a, b))
    assert same_points(_norm(_points(name, direction="left")), _mirror_x(_points(name, direction="right")))
    if name != "parallelogram":
        assert same_points(_norm(_points(name, direction="down")), _mirror_y(_points(name, direction="up")))


def test_diamond_touches_the_middle_of_each_side():
    assert _norm(_points("diamond")) == _norm([(BOX.cx, BOX.y), (BOX.right, BOX.cy), (BOX.cx, BOX.bottom),
                                               (BOX.x, BOX.cy)])


def test_trapezoid_narrows_toward_its_direction():
    def side(pts, y):
        xs = [p[0] for p in pts if abs(p[1] - y) < EPS]
        return max(xs) - min(xs)
    up = _points("trapezoid")                       # default: an encoder, wide side down
    assert side(up, BOX.bottom) == pytest.approx(BOX.w)
    assert side(up, BOX.y) < BOX.w - 60
    down = _points("trapezoid", direction="down")
    assert side(down, BOX.y) == pytest.approx(BOX.w) and side(down, BOX.bottom) < BOX.w - 60


def test_chevron_points_right_and_is_notched_pentagon_is_flat():
    ch = _points("chevron")
    d = min(BOX.h / 2, 0.2 * BOX.w)
    assert (BOX.right, BOX.cy) in ch and (BOX.x + d, BOX.cy) in ch      # tip and notch
    pe = _points("pentagon")
    assert (BOX.right, BOX.cy) in pe and len(pe) == 5
    assert sorted(p for p in pe if p[0] == BOX.x) == [(BOX.x, BOX.y), (BOX.x, BOX.bottom)]


def test_block_arrow_shaft_is_half_the_head():
    pts = _points("arrow", direction="up")
    assert (BOX.cx, BOX.y) in pts                                        # the tip
    shaft = sorted({p[0] for p in pts if p[1] == BOX.bottom})
    assert shaft[1] - shaft[0] == pytest.approx(BOX.w / 2)


def test_delay_is_flat_on_one_side_round_on_the_other():
    pts = _points("delay")
    assert sorted(p for p in pts if p[0] == BOX.x) == [(BOX.x, BOX.y), (BOX.x, BOX.bottom)]
    assert (BOX.right, BOX.cy) in pts
    # The straight top edge ends halfway; the rest is the curve.
    assert (BOX.cx, BOX.y) in pts


def test_cylinder_has_a_rim_below_its_top():
    from llmviz_dsl.scene import Paint
    body, rim = SHAPES["cylinder"].draw(BOX, Paint("#FFE699", "#000000"), 0, 0, _opts())
    assert rim.paint.fill is None and rim.paint.stroke == "#000000"
    ys = [p[1] for p in path_points(rim.d)]
    assert min(ys) > BOX.y and max(ys) < BOX.cy


@pytest.mark.parametrize("count,direction,step", [(3, None, (-1, -1)), (2, "right", (1, -1)), (4, "up", (0, -1))])
def test_cards_draw_count_offset_copies(count, direction, step):
    from llmviz_dsl.scene import Paint
    cards = SHAPES["cards"].draw(BOX, Paint("#FFFFFF", "#ED7D31"), 8, 0, _opts(count=count, direction=direction))
    assert len(cards) == count and all(isinstance(c, Rect) for c in cards)
    for back, front in zip(cards, cards[1:]):
        assert (back.box.x - front.box.x, back.box.y - front.box.y) == pytest.approx(
            (step[0] * CARD_STEP, step[1] * CARD_STEP))
        assert (back.box.w, back.box.h) == (front.box.w, front.box.h)
    inner = SHAPES["cards"].inner(BOX, _opts(count=count, direction=direction))
    assert inner == cards[-1].box                   # the label sits on the front card


# ---------------------------------------------------------------- laid out

def _diagram(*nodes, edges=()):
    return Diagram(id="t", chapter=same("c"), title=same("t"), body=Row(*nodes, gap=80), edges=list(edges))


def _inside_polygon(pt, poly) -> bool:
    x, y = pt
    inside = False
    for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def _inside(name, box, node, pt) -> bool:
    shp = SHAPES[name]
    if shp.outline:
        return _inside_polygon(pt, shp.outline(box, node))
    if name == "delay":
        # Offsets along the way it rounds (u) and across (v), in half-sizes.
        dx, dy = (pt[0] - box.cx) / (box.w / 2), (pt[1] - box.cy) / (box.h / 2)
        u, v = {"right": (dx, dy), "left": (-dx, dy), "down": (dy, dx), "up": (-dy, dx)}[node.direction or "right"]
        return abs(u) <= 1 and abs(v) <= 1 and (u <= 0 or u * u + v * v <= 1)
    return shp.inner(box, node).contains(Box(pt[0], pt[1], 0, 0))


LABELS = [("调用\n工具?", "Call a\ntool?"), ("图片编码器\n(Image Encoder)", "Image encoder"), "$a_t$",
          ("经验数据存储", "Experience replay store")]
CASES = [dict(shape=s) for s in NEW] + [dict(shape=s, direction=d) for s in ("trapezoid", "arrow", "chevron",
                                                                            "pentagon", "delay")
                                        for d in ("left", "down")]


@pytest.mark.parametrize("opts", CASES, ids=lambda o: "-".join(str(v) for v in o.values()))
@pytest.mark.parametrize("label", LABELS, ids=["2lines", "wide2lines", "math", "long"])
def test_label_lies_inside_the_shape(opts, label):
    n = Node("n", label, fill="model", **opts)
    for lang in ("zh", "en"):
        a = arrange(_diagram(n), lang)
        p = a.index["n"]
        scene = build_scene(_diagram(n), lang)
        art = next(it for it in scene.content if isinstance(it, TextArt))
        b = art.block
        corners = [(art.x, art.y), (art.x + b.width, art.y), (art.x, art.y + b.height),
                   (art.x + b.width, art.y + b.height)]
        for c in corners:
            assert _inside(n.shape, p.shape, n, c), (opts, label, lang, c, p.shape)


def test_shape_options_change_the_size():
    def size(**kw):
        return arrange(_diagram(Node("n", **{"label": same("Card"), **kw})), "en").index["n"].shape
    three, two = size(shape="cards"), size(shape="cards", count=2)
    assert (three.w - two.w, three.h - two.h) == pytest.approx((CARD_STEP, CARD_STEP))
    # An empty block arrow is as small as a plain box; a label goes inside its shaft.
    empty, box = size(shape="arrow", label=None), size(shape="box", label=None)
    assert (empty.w, empty.h) == (box.w, box.h)
    labelled = size(shape="arrow")
    assert labelled.h == pytest.approx(2 * size(shape="box").h)
    # A diamond needs a larger box than a rectangle for the same label.
    d, r = size(shape="diamond"), size(shape="box")
    assert d.w > r.w and d.h > r.h


def test_a_two_argument_grow_still_registers():
    @shape("test-wide", grow=lambda w, h: (w * 2, h))
    def _wide(b, p, r, head, node):
        return [Rect(b, 0, p)]
    try:
        assert isinstance(SHAPES["test-wide"], Shape)
        assert SHAPES["test-wide"].grow(50, 40, _opts()) == (100, 40)
    finally:
        SHAPES.pop("test-wide")


# ---------------------------------------------------------------- edges

def _route(src, dst, **kw):
    (e, pts), = arrange(_diagram(src, dst, edges=[Edge(src.id, dst.id, **kw)]), "en").routes
    return pts


def _on_polygon(pt, poly) -> bool:
    return any(abs((q[0] - p[0]) * (pt[1] - p[1]) - (q[1] - p[1]) * (pt[0] - p[0])) < 0.01 * (
        abs(q[0] - p[0]) + abs(q[1] - p[1])) and min(p[0], q[0]) - EPS <= pt[0] <= max(p[0], q[0]) + EPS
        and min(p[1], q[1]) - EPS <= pt[1] <= max(p[1], q[1]) + EPS for p, q in zip(poly, poly[1:] + poly[:1]))


@pytest.mark.parametrize("route", ["ortho", "straight"])
@pytest.mark.parametrize("name,side", [("trapezoid", "left"), ("parallelogram", "left"), ("chevron", "left"),
                                       ("arrow", "top"), ("trapezoid", "top")])
def test_edges_end_on_the_visible_outline(route, name, side):
    a = Node("a", same("A"), fill="model")
    t = Node("t", same("Target"), shape=name, fill="model")
    d = _diagram(a, t, edges=[Edge("a", f"t.{side}", route=route)])
    if side == "top":
        from llmviz_dsl import Column
        d = Diagram(id="t", chapter=same("c"), title=same("t"), body=Column(a, t, gap=80),
                    edges=[Edge("a", "t.top", route=route)])
    ar = arrange(d, "en")
    (e, pts), = ar.routes
    box = ar.index["t"].shape
    end = pts[-1]
    assert _on_polygon(end, SHAPES[name].outline(box, t)), (end, box)
    if side == "left":
        assert end[0] > box.x + 5 and end[1] == pytest.approx(box.cy, abs=EPS)
    if side == "top" and name == "arrow":
        assert end[1] == pytest.approx(box.y + box.h / 4, abs=EPS)       # the shaft, not the box
    if route == "ortho" or side == "top":
        assert pts[-2][0] == end[0] or pts[-2][1] == end[1]              # still square to the side


def test_edges_to_boxes_and_diamonds_are_unchanged():
    a = Node("a", same("A"), fill="model")
    for name in ("round", "diamond", "ellipse"):
        t = Node("t", same("Target"), shape=name)
        box = arrange(_diagram(a, t), "en").index["t"].shape
        assert _route(a, t)[-1] == (box.x, round(box.cy, 2))


# ---------------------------------------------------------------- effects

def test_shadow_is_a_blurred_black_copy_under_each_part():
    n = Node("n", same("Q"), shape="cards", count=3, fill="white", stroke="orange", shadow=True)
    items = build_scene(_diagram(n), "en").content
    rects = [it for it in items if isinstance(it, Rect)]
    shadows = [r for r in rects if r.paint.shadow]
    cards = [r for r in rects if not r.paint.shadow]
    assert len(shadows) == len(cards) == 3
    for i, (s, c) in enumerate(zip(shadows, cards)):
        assert items.index(s) < items.index(c)                 # each card over its own shadow
        if i:
            assert items.index(cards[i - 1]) < items.index(s)  # ... which falls on the card behind
        assert (s.box.x - c.box.x, s.box.y - c.box.y) == pytest.approx(SHADOW_OFFSET)
        assert s.paint.fill == "#000000" and s.paint.opacity == SHADOW_OPACITY
    svg = render_svg(_diagram(n), "en").decode()
    assert svg.count('filter="url(#shadow)"') == 3 and '<filter id="shadow"' in svg
    assert "feGaussianBlur" in svg


@pytest.mark.parametrize("name", NEW + ["round", "ellipse"])
def test_any_shape_casts_a_shadow(name):
    svg = render_svg(_diagram(Node("n", same("S"), shape=name, fill="data", shadow=True)), "en").decode()
    assert 'filter="url(#shadow)"' in svg
    plain = render_svg(_diagram(Node("n", same("S"), shape=name, fill="data")), "en").decode()
    assert "filter=" not in plain


def test_cylinder_rim_casts_no_shadow():
    n = Node("n", same("DB"), shape="cylinder", fill="data", stroke="black", shadow=True)
    paths = [it for it in build_scene(_diagram(n), "en").content if isinstance(it, Path)]
    assert [p.paint.shadow for p in paths] == [True, False, False]


@pytest.mark.parametrize("gradient,xy", [("vertical", 'x2="0" y2="1"'), ("horizontal", 'x2="1" y2="0"')])
def test_gradient_fill_runs_from_fill_to_fill_to(gradient, xy):
    n = Node("n", same("G"), shape="trapezoid", fill="white", fill_to="amber-pale", gradient=gradient)
    svg = render_svg(_diagram(n), "en").decode()
    gid, = re.findall(r'<polygon [^>]*fill="url\(#(lg[0-9a-f]+)\)"', svg)
    grad = re.search(rf'<linearGradient id="{gid}"[^>]*>(.*?)</linearGradient>', svg)
    assert xy in grad.group(0)
    assert re.findall(r'stop-color="([^"]+)"', grad.group(1)) == ["#FFFFFF", "#FFD966"]


def test_hatch_fill_is_a_pattern_over_the_fill():
    n = Node("n", same("H"), shape="diamond", fill="white", hatch="grey")
    svg = render_svg(_diagram(n), "en").decode()
    hid, = re.findall(r'<polygon [^>]*fill="url\(#(ht[0-9a-f]+)\)"', svg)
    pat = re.search(rf'<pattern id="{hid}".*?</pattern>', svg).group(0)
    assert 'fill="#FFFFFF"' in pat and 'stroke="#7F7F7F"' in pat


def test_effect_colours_are_checked_against_the_theme():
    from llmviz_dsl.errors import SpecError
    with pytest.raises(SpecError, match="mauve"):
        render_svg(_diagram(Node("n", same("G"), fill_to="mauve")), "en")
    with pytest.raises(SpecError, match="mauve"):
        render_svg(_diagram(Node("n", same("G"), hatch="mauve")), "en")
