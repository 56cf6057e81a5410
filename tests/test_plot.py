"""Function plots: data land where the ranges put them, axes end in arrow
heads, guides reach the axes, sampled curves follow their function, labels,
fills and callouts sit at their data points."""
from __future__ import annotations

import math

import pytest
from pydantic import ValidationError

from llmviz_dsl import Curve, Diagram, Fill, Grid, Guide, Line, Note, Panel, Plot, Row, same
from llmviz_dsl.elements.plot import to_page
from llmviz_dsl.errors import SpecError
from llmviz_dsl.pipeline import arrange, build_scene, render_svg
from llmviz_dsl.scene import Poly, Rect, TextArt
from llmviz_dsl.theme import load_theme

C = load_theme().colors


def _diagram(body):
    return Diagram(id="t", chapter=same("c"), title=same("t"), body=body)


def _build(plot):
    """The placed plot and the scene content."""
    d = _diagram(Row(plot))
    a = arrange(d, "en")
    return a.index[plot.id], build_scene(d, "en", a).content


def _strokes(content, color):
    return [it for it in content if isinstance(it, Poly) and not it.closed and it.paint.stroke == color]


def _close(p, q, tol=0.01):
    return abs(p[0] - q[0]) <= tol and abs(p[1] - q[1]) <= tol


def test_data_points_map_to_the_given_ranges():
    pts = [(0.1, 0.6), (0.6, 0.6), (1.4, 1.4), (1.85, 1.4)]
    pl = Plot(id="p", x=(0.1, 1.9), y=(-0.25, 2.4), width=450, height=300,
              series=[Line(pts, color="violet", width=2)])
    p, content = _build(pl)
    x0, y0 = to_page(p, 0.1, -0.25)
    x1, y1 = to_page(p, 1.9, 2.4)
    assert x1 - x0 == pytest.approx(450) and y0 - y1 == pytest.approx(300)      # y grows upwards
    assert to_page(p, 1.0, 0.0)[0] == pytest.approx(x0 + 450 * 0.9 / 1.8)
    assert to_page(p, 1.0, 0.0)[1] == pytest.approx(y0 - 300 * 0.25 / 2.65)
    (line,) = _strokes(content, C["violet"])
    assert line.paint.width == 2
    assert all(_close(q, to_page(p, *d)) for q, d in zip(line.points, pts))
    # The plot's box holds everything it draws.
    assert p.box.x <= x0 and x1 <= p.box.right and p.box.y <= y1 and y0 <= p.box.bottom


def test_axes_end_in_arrow_heads_at_the_range_ends():
    pl = Plot(id="p", x=(0, 10), y=(0, 5), width=300, height=200)
    p, content = _build(pl)
    heads = [it for it in content if isinstance(it, Poly) and it.closed and it.paint.fill == C["black"]]
    tips = [h.points[0] for h in heads]
    assert len(heads) == 2
    assert any(_close(t, to_page(p, 10, 0)) for t in tips)       # x axis, pointing right
    assert any(_close(t, to_page(p, 0, 5)) for t in tips)        # y axis, pointing up
    x_head = next(h for h in heads if _close(h.points[0], to_page(p, 10, 0)))
    assert all(q[0] < x_head.points[0][0] for q in x_head.points[1:])


def test_axes_cross_where_asked():
    pl = Plot(id="p", x=(-10, 10), y=(0, 1), axes_at=(0, 0), width=400, height=200)
    p, content = _build(pl)
    axis = [it for it in content if isinstance(it, Poly) and not it.closed and it.paint.stroke == C["black"]]
    vertical = [a for a in axis if a.points[0][0] == a.points[1][0]]
    assert len(vertical) == 1 and vertical[0].points[0][0] == pytest.approx(to_page(p, 0, 0)[0])


def test_guides_run_from_the_point_to_both_axes():
    pl = Plot(id="p", x=(0, 2), y=(0, 2), width=300, height=300,
              guides=[Guide((1.4, 1.2)), Guide((0.6, 0.6), to="x", color="red")])
    p, content = _build(pl)
    grey = _strokes(content, C["frame"])
    pt, foot_x, foot_y = to_page(p, 1.4, 1.2), to_page(p, 1.4, 0), to_page(p, 0, 1.2)
    ends = sorted([tuple(g.points) for g in grey])
    assert ends == sorted([(pt, foot_x), (pt, foot_y)])
    assert grey[0].paint.dash                                     # dashed
    (red,) = _strokes(content, C["red"])                          # only down to the x axis
    assert _close(red.points[1], to_page(p, 0.6, 0))


def test_a_sampled_curve_follows_its_function():
    def sig(x):
        return 1 / (1 + math.exp(-x))
    pl = Plot(id="p", x=(-6, 6), y=(0, 1), width=400, height=200,
              series=[Curve(sig, x=(-6, 6), samples=61, color="red")])
    p, content = _build(pl)
    (c,) = _strokes(content, C["red"])
    assert len(c.points) == 61
    xs, ys = [q[0] for q in c.points], [q[1] for q in c.points]
    assert all(b > a for a, b in zip(xs, xs[1:]))
    assert all(b < a for a, b in zip(ys, ys[1:]))                 # rising: page y falls
    mid = c.points[30]
    assert _close(mid, to_page(p, 0, 0.5), 0.02)
    # Deterministic: the same samples and bytes on every build.
    assert render_svg(_diagram(Row(pl)), "en") == render_svg(_diagram(Row(pl)), "en")


def test_a_curve_that_fails_names_the_spec_line():
    pl = Plot(x=(0, 1), y=(0, 1), series=[Curve(lambda x: math.log(x), x=(0, 1))])
    with pytest.raises(SpecError, match=r"test_plot\.py:\d+: Curve: fn\(0\) failed"):
        render_svg(_diagram(Row(pl)), "en")


def test_ranges_must_run_low_to_high():
    with pytest.raises(ValidationError, match="must run from low to high"):
        Plot(x=(1, 0), y=(0, 1))


def test_series_labels_sit_beside_their_point_and_shift_moves_the_series():
    pts = [(0, 0), (1, 1), (2, 1)]
    pl = Plot(id="p", x=(0, 2.2), y=(0, 2), width=300, height=200,
              series=[Line(pts, color="cyan", label=same("$r$"), label_side="right"),
                      Line(pts, color="violet", label=same("$v$"), label_at=1.0, label_side="above", shift=5)])
    p, content = _build(pl)
    (cyan,) = _strokes(content, C["cyan"])
    (violet,) = _strokes(content, C["violet"])
    assert all(v[1] == pytest.approx(c[1] - 5) for c, v in zip(cyan.points, violet.points))
    labels = [it for it in content if isinstance(it, TextArt) and it.block.lines[0].text in ("r", "v")]
    r = next(t for t in labels if t.block.lines[0].text == "r")
    v = next(t for t in labels if t.block.lines[0].text == "v")
    end = to_page(p, 2, 1)
    assert r.x > end[0] and r.y < end[1] < r.y + r.block.height
    at = to_page(p, 1, 1)
    assert v.y + v.block.height < at[1] - 5 and v.x < at[0] < v.x + v.block.width


def test_ticks_and_math_labels():
    pl = Plot(id="p", x=(0, 2), y=(0, 2), width=300, height=200, origin="0",
              xticks=[(0.6, r"$1-\varepsilon$"), 1], yticks=[(1.4, r"$1+\varepsilon$")],
              xlabel=same(r"$\frac{\pi_\theta}{\pi_{\mathrm{old}}}$"))
    p, content = _build(pl)
    texts = {t.block.lines[0].text: t for t in content if isinstance(t, TextArt)}
    x_tick = texts[r"1-\varepsilon"]
    assert x_tick.block.pieces[0].math is not None
    assert x_tick.x + x_tick.block.width / 2 == pytest.approx(to_page(p, 0.6, 0)[0])
    assert x_tick.y > to_page(p, 0, 0)[1]                          # under the x axis
    assert texts["1"].x + texts["1"].block.width / 2 == pytest.approx(to_page(p, 1, 0)[0])
    y_tick = texts[r"1+\varepsilon"]
    assert y_tick.x + y_tick.block.width < to_page(p, 0, 0)[0]      # left of the y axis
    assert y_tick.y + y_tick.block.height / 2 == pytest.approx(to_page(p, 0, 1.4)[1])
    frac = texts[r"\frac{\pi_\theta}{\pi_{\mathrm{old}}}"]
    tip = to_page(p, 2, 0)
    assert frac.x > tip[0] and frac.y < tip[1] < frac.y + frac.block.height
    assert texts["0"].x + texts["0"].block.width < to_page(p, 0, 0)[0]


def test_fill_under_a_curve_and_a_vertical_band():
    pl = Plot(id="p", x=(0, 4), y=(0, 4), width=400, height=400,
              fills=[Fill(upper=Curve(lambda x: x, x=(1, 3), samples=5), color="loss"),
                     Fill(x=(3.5, 3.8), color="band", opacity=0.5)])
    p, content = _build(pl)
    (under,) = [it for it in content if isinstance(it, Poly) and it.paint.fill == C["loss"]]
    assert under.closed
    assert _close(under.points[0], to_page(p, 1, 1)) and _close(under.points[4], to_page(p, 3, 3))
    assert _close(under.points[5], to_page(p, 3, 0)) and _close(under.points[-1], to_page(p, 1, 0))
    (band,) = [it for it in content if isinstance(it, Poly) and it.paint.fill == C["band"]]
    assert band.paint.opacity == 0.5
    assert {(round(q[0], 2), round(q[1], 2)) for q in band.points} == {
        tuple(round(v, 2) for v in to_page(p, x, y)) for x in (3.5, 3.8) for y in (0, 4)}


def test_a_callout_points_its_tail_at_the_data_point():
    pl = Plot(id="p", x=(-10, 10), y=(0, 1), width=600, height=300,
              notes=[Note((-7, 0.05), ("正确", "Correct"), fill="model", box_at=(-5, 0.6)),
                     Note((5, 0.2), same("$x$"), side="below")])
    p, content = _build(pl)
    (box,) = [it for it in content if isinstance(it, Rect) and it.paint.fill == C["model"]]
    (tail,) = [it for it in content if isinstance(it, Poly) and it.closed and it.paint.fill == C["model"]]
    assert _close((box.box.cx, box.box.cy), to_page(p, -5, 0.6))
    assert _close(tail.points[1], to_page(p, -7, 0.05))
    assert all(box.box.y <= q[1] <= box.box.bottom for q in (tail.points[0], tail.points[2]))   # base on the box
    word = next(t for t in content if isinstance(t, TextArt) and t.block.lines[0].text == "Correct")
    assert box.box.contains(type(box.box)(word.x, word.y, word.block.width, word.block.height))
    x = next(t for t in content if isinstance(t, TextArt) and t.block.lines[0].text == "x")
    assert x.y > to_page(p, 5, 0.2)[1]


def test_plots_side_by_side_in_captioned_panels():
    def panel(i, cap):
        return Panel(f"pn{i}", Plot(id=f"p{i}", x=(0, 1), y=(0, 1), width=200, height=150,
                                    series=[Line([(0, 0), (1, 1)], color="red")]),
                     title=cap, title_at="bottom", fill=None, stroke="frame")
    d = _diagram(Grid(rows=[[panel(1, ("（a）甲", "(a) A")), panel(2, ("（b）乙", "(b) B"))]]))
    a = arrange(d, "zh")
    p1, p2 = a.index["p1"], a.index["p2"]
    assert p1.box.right < p2.box.x and p1.box.y == p2.box.y
    content = build_scene(d, "zh", a).content
    cap = next(t for t in content if isinstance(t, TextArt) and t.block.lines[0].text == "（a）甲")
    assert cap.y > p1.box.bottom and a.index["pn1"].box.contains(p1.box)
