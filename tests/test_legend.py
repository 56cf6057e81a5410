"""Legends: aligned rows of swatch + label in a titled panel; swatch kinds;
a row legend; chips; a title missing in one language."""
import pytest

from llmviz_dsl import Diagram, Key, Legend, Look, same
from llmviz_dsl.pipeline import arrange, build_scene
from llmviz_dsl.scene import Ellipse, Hatch, IconArt, Poly, Rect, TextArt

KEYS = [Key(Look(fill="cream", stroke="grey"), ("：采样候选池", "：Candidate")),
        Key(Look(fill="model", stroke="grey"), ("：采样结果", "：Sampling result")),
        Key(Look(hatch="grey", stroke="grey"), ("：被剔除Token", "：Tokens ignored"))]


def _scene(legend, lang="zh"):
    d = Diagram(id="t", chapter=same("c"), title=same("t"), body=legend)
    return build_scene(d, lang), arrange(d, lang).index["lg"]


def _swatches(scene, side=50):
    return [r for r in scene.content if isinstance(r, Rect) and r.box.w == side and r.box.h == side]


def _labels(scene, texts):
    found = {ln.text: t for t in scene.content if isinstance(t, TextArt) for ln in t.block.lines}
    return [found[s] for s in texts]


def test_rows_are_aligned_evenly_spaced_and_centred_on_their_swatches():
    scene, p = _scene(Legend(*KEYS, id="lg", title=("说明", "")))
    sw = _swatches(scene)
    labels = _labels(scene, ["：采样候选池", "：采样结果", "：被剔除Token"])
    assert len(sw) == 3 and len({r.box.x for r in sw}) == 1                    # one swatch column
    assert len({round(t.x, 6) for t in labels}) == 1                           # one label column
    assert labels[0].x == pytest.approx(sw[0].box.right + 14)
    ys = [r.box.y for r in sw]
    assert ys[1] - ys[0] == pytest.approx(ys[2] - ys[1]) == pytest.approx(50 + 19)
    for r, t in zip(sw, labels):
        assert t.y + t.block.height / 2 == pytest.approx(r.box.cy)
    # The panel holds everything; the title is centred over the rows.
    panel = [r for r in scene.content if isinstance(r, Rect) and r.box == p.box]
    assert panel and panel[0].paint.fill == "#F2F2F2" and panel[0].rx == 16
    for r in sw:
        assert p.box.contains(r.box)
    (title,) = _labels(scene, ["说明"])
    assert title.x + title.block.width / 2 == pytest.approx(p.box.cx)
    assert title.y + title.block.height < ys[0]


def test_a_title_empty_in_one_language_is_left_out_there():
    zh, pz = _scene(Legend(*KEYS, id="lg", title=("说明", "")), "zh")
    en, pe = _scene(Legend(*KEYS, id="lg", title=("说明", "")), "en")
    assert not [t for t in en.content if isinstance(t, TextArt) and t.block.lines[0].text == "说明"]
    assert _swatches(en)[0].box.y - pe.box.y < _swatches(zh)[0].box.y - pz.box.y


def test_swatch_kinds_hatched_outlined_circle_line_icon():
    keys = [Key(Look(hatch="grey", stroke="grey"), same("cut")),
            Key(Look(fill=None, stroke="red", dash="dashed"), same("outlined")),
            Key(Look(fill="green"), same("dot"), shape="circle"),
            Key(Look(stroke="blue", dash="dotted"), same("flow"), shape="line"),
            Key(label=same("frozen"), shape="icon", icon="lock"),
            Key(Look(fill="loss"), same("round"), shape="round")]
    scene, p = _scene(Legend(*keys, id="lg"), "en")
    sw = _swatches(scene)
    assert isinstance(sw[0].paint.fill, Hatch) and sw[0].paint.fill.color == "#7F7F7F"
    assert sw[1].paint.fill is None and sw[1].paint.stroke == "#EB6252" and sw[1].paint.dash
    assert sw[2].rx > 0 and sw[2].paint.fill == "#F0ADB7"
    (dot,) = [e for e in scene.content if isinstance(e, Ellipse)]
    assert dot.rx == dot.ry == 25 and dot.paint.fill == "#70C08E"
    (line,) = [q for q in scene.content if isinstance(q, Poly) and q.paint.stroke == "#4472C4"]
    assert line.points[0][1] == line.points[1][1] and line.paint.dash
    (icon,) = [i for i in scene.content if isinstance(i, IconArt)]
    assert icon.name == "lock" and icon.box.h == 50
    # Swatches of every width share one column (centred in it); the labels line up.
    labels = _labels(scene, ["cut", "outlined", "dot", "flow", "frozen", "round"])
    assert len({round(t.x, 6) for t in labels}) == 1
    assert icon.box.cx == pytest.approx(sw[0].box.cx) == pytest.approx(dot.cx)


def test_row_legend_puts_keys_side_by_side_on_one_line():
    scene, p = _scene(Legend(*KEYS, id="lg", direction="row", fill="band", stroke=None), "zh")
    sw = _swatches(scene)
    assert len({r.box.y for r in sw}) == 1
    assert sw[0].box.x < sw[1].box.x < sw[2].box.x
    labels = _labels(scene, ["：采样候选池", "：采样结果", "：被剔除Token"])
    for t, nxt in zip(labels, sw[1:]):
        assert t.x + t.block.width + 50 < nxt.box.x                # a wide gap between keys
    assert not [r for r in scene.content if isinstance(r, Rect) and r.box == p.box and r.paint.stroke]


def test_chips_hold_their_labels_and_share_one_width():
    keys = [Key(Look(fill="model"), ("模型", "Model")), Key(Look(fill="data"), ("经验/样本", "Experience"))]
    scene, p = _scene(Legend(*keys, id="lg", chips=True, title=("配色说明", "Colours"), fill="white"), "zh")
    chips = [r for r in scene.content if isinstance(r, Rect) and r.paint.fill in ("#71CCF5", "#FFE699")]
    assert len(chips) == 2 and chips[0].box.w == chips[1].box.w
    for r, t in zip(chips, _labels(scene, ["模型", "经验/样本"])):
        assert r.box.contains(type(r.box)(t.x, t.y, t.block.width, t.block.height))
        assert t.x + t.block.width / 2 == pytest.approx(r.box.cx)


def test_an_icon_key_needs_its_icon():
    with pytest.raises(ValueError, match="icon="):
        Key(label=same("x"), shape="icon")
