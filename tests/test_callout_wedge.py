"""Zoom-in wedges from a panel to a box, panels keeping their content at one
end when stretched, token strips worded per language, `fit` in slanted
shapes, and the tool and modality icons."""
import pytest

from llmviz_dsl import Cells, Column, Diagram, Icon, Node, Panel, Row, Wedge, same
from llmviz_dsl.errors import SpecError
from llmviz_dsl.icons import ICONS
from llmviz_dsl.pipeline import arrange, build_scene
from llmviz_dsl.scene import IconArt, Path, Poly, Rect


def _diagram(body, **kw):
    return Diagram(id="t", chapter=same("c"), title=same("t"), body=body, **kw)


def _wedge_figure(**wedge):
    chain = Panel("chain", Column(Node("s1", same("a")), Node("s2", same("b")), gap=80), fill="white",
                  stroke="frame", stroke_width=1, radius=30)
    return _diagram(Row(Node("ans", same("answer"), width=200, height=80), chain, gap=100, align="end"),
                    overlays=[Wedge("chain", "ans", **wedge)])


def test_wedge_tip_meets_the_box_and_base_sits_on_the_panel():
    d = _wedge_figure(base=60, base_at=0.7)
    a = arrange(d, "zh")
    scene = build_scene(d, "zh", a)
    ox, oy = scene.offset
    ans, chain = a.index["ans"].shape, a.index["chain"].box
    polys = [p for p in scene.content if isinstance(p, Poly) and len(p.points) == 3]
    assert len(polys) == 1
    (ax, ay), (tx, ty), (bx, by) = polys[0].points
    assert (tx, ty) == pytest.approx((ans.right, ans.cy))               # tip on the box's facing side
    assert ax == bx == pytest.approx(chain.x + 1)                       # base just inside the panel's left side
    assert (ay + by) / 2 == pytest.approx(chain.y + 0.7 * chain.h)
    assert by - ay == pytest.approx(60)
    assert polys[0].paint.fill == "#FFFFFF"                             # the panel's own fill
    outline = [p for p in scene.content if isinstance(p, Path) and p.paint.stroke == "#BFBFBF"]
    assert len(outline) == 1 and outline[0].paint.fill is None         # two sides, open at the base


def test_wedge_must_start_from_a_panel():
    d = _diagram(Row(Node("a", same("a")), Node("b", same("b"))), overlays=[Wedge("a", "b")])
    with pytest.raises(SpecError, match="not a Panel"):
        build_scene(d, "zh")


def test_wedge_names_are_checked():
    d = _diagram(Row(Node("a", same("a")), Panel("p", Node("b", same("b")))), overlays=[Wedge("p", "zz")])
    with pytest.raises(SpecError, match="zz"):
        build_scene(d, "zh")


@pytest.mark.parametrize("at, where", [("end", "bottom"), ("start", "top"), ("center", "middle")])
def test_panel_content_at_in_a_stretched_row(at, where):
    short = Panel("short", Node("q", same("q"), height=50), content_at=at, padding=20)
    tall = Panel("tall", Node("t", same("t"), height=300), padding=20)
    a = arrange(_diagram(Row(short, tall, align="stretch")), "zh")
    p, q = a.index["short"].box, a.index["q"].box
    assert p.h == pytest.approx(a.index["tall"].box.h)
    expect = {"bottom": p.bottom - 20 - q.h, "top": p.y + 20, "middle": p.cy - q.h / 2}[where]
    assert q.y == pytest.approx(expect)


def test_cells_words_split_per_language():
    strip = Cells(id="out", words=("这 些 内 容 ...", "There are some ..."), cell_width=53, cell_height=52,
                  text_size=29)
    d = _diagram(strip)
    for lang, n in (("zh", 5), ("en", 4)):
        a = arrange(d, lang)
        p = a.index["out"]
        widths = p.extra["widths"]
        assert len(widths) == n and all(w == widths[0] >= 53 for w in widths)   # one width per strip
        assert p.box.w == pytest.approx(sum(widths), abs=0.01) and p.box.h == pytest.approx(52)
        cells = [r for r in build_scene(d, lang, a).content if isinstance(r, Rect)]
        assert len(cells) == n
    assert arrange(d, "zh").index["out"].extra["widths"][0] == pytest.approx(55.1, abs=0.5)  # a character + margin
    assert arrange(d, "en").index["out"].extra["widths"][0] > 80                             # "There" + margin


def test_cells_need_rows_or_words():
    with pytest.raises(ValueError, match=r"\(rows=\) or words="):
        Cells()


def test_fit_keeps_a_trapezoid_at_its_width():
    label = ("图片编码器\n（Image Encoder）", "Image Encoder")
    loose = Node("a", label, shape="trapezoid", size=24, width=239, height=105)
    fitted = Node("b", label, shape="trapezoid", size=24, width=239, height=105, fit=True)
    a = arrange(_diagram(Row(loose, fitted)), "zh")
    assert a.index["a"].shape.w > 239                  # grows for its slanted sides
    assert a.index["b"].shape.w == pytest.approx(239)  # keeps the width, sets the label smaller
    assert a.index["b"].text.width < a.index["a"].text.width


NEW = ["web-search", "calculator", "rain", "multitool", "text", "image", "waveform", "film-reel"]


@pytest.mark.parametrize("name", NEW)
def test_new_icons_are_registered_and_coloured(name):
    assert name in ICONS
    scene = build_scene(_diagram(Icon(name, size=90)), "zh")
    art = [i for i in scene.content if isinstance(i, IconArt)]
    assert len(art) == 1 and max(art[0].box.w, art[0].box.h) == pytest.approx(90)
    assert art[0].fill.startswith("#")
