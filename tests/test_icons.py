"""The icon set: every icon draws valid SVG inside its box at any size, the
theme colours each one, file types carry their name, and icons stand alone
(Icon), in grids and inside nodes."""
import math
import re
import xml.etree.ElementTree as ET

import pytest

from llmviz_dsl import Diagram, Grid, Icon, Node, Row, same
from llmviz_dsl.geometry import Box
from llmviz_dsl.icons import ICONS, icon_svg
from llmviz_dsl.pipeline import arrange, build_scene
from llmviz_dsl.scene import IconArt, Rect
from llmviz_dsl.theme import load_theme

FILE_TYPES = {"txt": "TXT", "pdf": "PDF", "csv": "CSV", "py": "PY", "html": "HTML", "jpg": "JPG"}
NUM = r"-?\d*\.?\d+(?:e-?\d+)?"


def _arc_points(x0, y0, rx, ry, phi, large, sweep, x1, y1, n=16):
    """Points along an SVG elliptical arc (endpoint parametrisation, SVG 1.1 F.6.5)."""
    c, s = math.cos(math.radians(phi)), math.sin(math.radians(phi))
    dx, dy = (x0 - x1) / 2, (y0 - y1) / 2
    x1p, y1p = c * dx + s * dy, -s * dx + c * dy
    lam = x1p ** 2 / rx ** 2 + y1p ** 2 / ry ** 2
    if lam > 1:
        rx, ry = rx * math.sqrt(lam), ry * math.sqrt(lam)
    num = rx ** 2 * ry ** 2 - rx ** 2 * y1p ** 2 - ry ** 2 * x1p ** 2
    k = math.sqrt(max(0.0, num) / (rx ** 2 * y1p ** 2 + ry ** 2 * x1p ** 2)) * (-1 if large == sweep else 1)
    cxp, cyp = k * rx * y1p / ry, -k * ry * x1p / rx
    cx, cy = c * cxp - s * cyp + (x0 + x1) / 2, s * cxp + c * cyp + (y0 + y1) / 2
    a0 = math.atan2((y1p - cyp) / ry, (x1p - cxp) / rx)
    a1 = math.atan2((-y1p - cyp) / ry, (-x1p - cxp) / rx)
    da = a1 - a0
    if sweep and da < 0:
        da += 2 * math.pi
    if not sweep and da > 0:
        da -= 2 * math.pi
    return [(cx + rx * math.cos(a0 + da * i / n) * c - ry * math.sin(a0 + da * i / n) * s,
             cy + rx * math.cos(a0 + da * i / n) * s + ry * math.sin(a0 + da * i / n) * c) for i in range(n + 1)]


def _path_points(d: str):
    """Every point and control point of absolute path data; curves lie in the
    hull of their control points, so these bound the drawing."""
    assert not re.search(r"[a-y]", d.replace("e-", "")), f"relative commands in {d!r}"
    toks = re.findall(rf"[MLHVCQAZ]|{NUM}", d)
    pts, cmd, x, y, i = [], "M", 0.0, 0.0, 0
    while i < len(toks):
        t = toks[i]
        if t.isalpha():
            cmd, i = t, i + 1
            continue
        if cmd == "H":
            x, i = float(t), i + 1
        elif cmd == "V":
            y, i = float(t), i + 1
        elif cmd == "A":
            rx, ry, phi, large, sweep, nx, ny = (float(v) for v in toks[i:i + 7])
            pts += _arc_points(x, y, rx, ry, phi, int(large), int(sweep), nx, ny)
            x, y, i = nx, ny, i + 7
        else:
            x, y, i = float(t), float(toks[i + 1]), i + 2
        pts.append((x, y))
    return pts


def _extents(markup: str):
    """(element, x0, y0, x1, y1) of every shape in the markup, strokes included."""
    root = ET.fromstring(f'<g xmlns="http://www.w3.org/2000/svg">{markup}</g>')
    out = []
    for el in root:
        tag = el.tag.split("}")[1]
        a = el.attrib
        half = float(a.get("stroke-width", 0)) / 2 if a.get("stroke") else 0.0
        if tag == "path":
            pts = _path_points(a["d"])
        elif tag == "circle":
            cx, cy, r = float(a["cx"]), float(a["cy"]), float(a["r"])
            pts = [(cx - r, cy - r), (cx + r, cy + r)]
        elif tag == "rect":
            x, y, w, h = (float(a[k]) for k in ("x", "y", "width", "height"))
            pts = [(x, y), (x + w, y + h)]
        else:
            raise AssertionError(f"unexpected element <{tag}>")
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        out.append((el, min(xs) - half, min(ys) - half, max(xs) + half, max(ys) + half))
    return out


@pytest.mark.parametrize("name", sorted(ICONS))
@pytest.mark.parametrize("size", [24, 60])
def test_every_icon_is_valid_svg_inside_its_box(name, size):
    w, h = ICONS[name].size
    k = size / max(w, h)
    box = Box(100.0, 50.0, w * k, h * k)
    shapes = _extents(icon_svg(name, box, "#4472C4", "#FFFFFF"))
    assert shapes, f"{name} draws nothing"
    for el, x0, y0, x1, y1 in shapes:
        assert x0 >= box.x - 0.05 and y0 >= box.y - 0.05, (name, el.attrib)
        assert x1 <= box.right + 0.05 and y1 <= box.bottom + 0.05, (name, el.attrib)
    # And it uses the room: the drawing spans most of the box one way or the other.
    span_w = max(s[3] for s in shapes) - min(s[1] for s in shapes)
    span_h = max(s[4] for s in shapes) - min(s[2] for s in shapes)
    assert span_w >= 0.8 * box.w or span_h >= 0.8 * box.h, name


def test_the_theme_colours_every_icon():
    t = load_theme()
    for name in ICONS:
        assert name in t.icon, f"no [icon] colours for {name!r} in the theme"
        fill, stroke = t.icon[name]
        assert t.color(fill) and t.color(stroke)
    # File types in their conventional colours.
    assert t.icon["pdf"][0] == "red" and t.icon["csv"][0] == "teal" and t.icon["jpg"][0] == "violet"
    assert t.icon["py"][0] == "gold" and t.icon["txt"][0] == "blue" and t.icon["html"][0] == "cyan"


@pytest.mark.parametrize("name", sorted(FILE_TYPES))
def test_file_types_carry_their_name_on_a_band(name):
    """The name is drawn in the contrast colour (round-capped strokes, one
    subpath start per letter stroke) on a band of the icon colour."""
    box = Box(0, 0, 44, 48)
    shapes = _extents(icon_svg(name, box, "#EB6252", "#FFFFFF"))
    band = [s for s in shapes if s[0].tag.endswith("rect") and s[0].get("fill") == "#EB6252"]
    assert len(band) == 1
    _, bx0, by0, bx1, by1 = band[0]
    assert bx0 == pytest.approx(box.x) and bx1 - bx0 > 0.8 * box.w     # overhangs the sheet on the left
    word = [s for s in shapes if s[0].get("stroke") == "#FFFFFF" and s[0].get("stroke-linecap") == "round"]
    assert len(word) == 1
    _, x0, y0, x1, y1 = word[0]
    assert bx0 <= x0 and x1 <= bx1 and by0 <= y0 and y1 <= by1
    assert word[0][0].get("d").count("M") >= len(FILE_TYPES[name])


def test_icon_element_sizes_and_colours():
    d = Diagram(id="t", chapter=same("c"), title=same("t"),
                body=Row(Icon("pdf", id="a"), Icon("graph", id="b", size=30),
                         Icon("star", id="c", fill="blue", stroke="black")))
    a = arrange(d, "en")
    w, h = ICONS["graph"].size
    assert (a.index["a"].box.w, a.index["a"].box.h) == ICONS["pdf"].size
    assert a.index["b"].box.w == pytest.approx(30) and a.index["b"].box.h == pytest.approx(30 * h / w)
    arts = {it.name: it for it in build_scene(d, "en").content if isinstance(it, IconArt)}
    t = load_theme()
    assert arts["pdf"].fill == t.color("red") and arts["pdf"].stroke == t.color("white")
    assert arts["star"].fill == t.color("blue") and arts["star"].stroke == t.color("black")
    assert arts["graph"].box == a.index["b"].box


def test_a_grid_of_icons_and_an_icon_in_a_node():
    d = Diagram(id="t", chapter=same("c"), title=same("t"),
                body=Row(Grid(rows=[[Icon("word"), Icon("csv"), Icon("pdf")],
                                    [Icon("py"), Icon("html"), Icon("doc")]], col_gap=8, row_gap=10),
                         Node("n", same("Docs"), icon="pdf", stroke="black"),
                         Node("bare", shape="plain", fill=None, icon="pdf")))
    a = arrange(d, "en")
    scene = build_scene(d, "en")
    arts = [it for it in scene.content if isinstance(it, IconArt)]
    assert [x.name for x in arts[:6]] == ["word", "csv", "pdf", "py", "html", "doc"]
    assert len({round(x.box.cy) for x in arts[:6]}) == 2         # two rows
    node = a.index["n"].shape
    in_node = arts[6]
    assert node.contains(in_node.box) and in_node.box.cx == pytest.approx(node.cx)
    # A bare node with only an icon is exactly the icon: nothing else drawn.
    bare = a.index["bare"]
    assert (bare.box.w, bare.box.h) == ICONS["pdf"].size
    assert arts[7].box == bare.box
    assert not [it for it in scene.content if isinstance(it, Rect) and it.box == bare.box]
