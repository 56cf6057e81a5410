"""Timeline geometry, checked on what is actually painted: event boxes,
connectors, dates and the chevron band."""
from __future__ import annotations

import re

import pytest

from llmviz_dsl import Diagram, Mark, Timeline, same
from llmviz_dsl.pipeline import build_scene
from llmviz_dsl.scene import Gradient, Path, Poly, Rect, TextArt

from conftest import spec

EPS = 0.05


def _diagram(tl: Timeline) -> Diagram:
    return Diagram(id="t", chapter=same("C"), title=same("T"), body=tl)


def _geometry(scene):
    """Band box and path, event boxes (with their text), connectors, dates."""
    c = scene.content
    (band,) = [p for p in c if isinstance(p, Path)]
    nums = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", band.d)]
    pts = list(zip(nums[0::2], nums[1::2]))
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    bx0, bx1, by0, by1 = min(xs), max(xs), min(ys), max(ys)
    boxes = [r.box for r in c if isinstance(r, Rect)]
    conns = [p.points for p in c if isinstance(p, Poly) and len(p.points) == 2]
    texts = [t for t in c if isinstance(t, TextArt)]

    def inside(t, b):
        cx, cy = t.x + t.block.width / 2, t.y + t.block.height / 2
        return b.x <= cx <= b.right and b.y <= cy <= b.bottom
    box_text = [[t for t in texts if inside(t, b)] for b in boxes]
    dates = sorted((t for t in texts if not any(inside(t, b) for b in boxes)), key=lambda t: t.x)
    return dict(band=band, pts=pts, bx0=bx0, bx1=bx1, by0=by0, by1=by1, boxes=boxes,
                box_text=box_text, conns=conns, dates=dates)


def _marks(n: int = 7) -> list[Mark]:
    """Alternating events of varied width and height, one mark with both, one with none."""
    out = []
    for i in range(n):
        long = "\n".join(["x" * (6 + 5 * (i % 3))] * (1 + i % 4))
        kw = {"above": same(long)} if i % 2 == 0 else {"below": same(long)}
        if i == 1:
            kw = {"above": same("both above"), "below": same("both below\nand more")}
        if i == 4:
            kw = {}
        out.append(Mark(when=same(f"{1990 + i} era"), **kw))
    return out


CASES = {
    "plain": Timeline(marks=_marks()),
    "tight": Timeline(marks=_marks(), gap=5, date_gap=5, event_width=60),
    "touching": Timeline(marks=_marks(), connector_gap=0, reach=60),
    "capped": Timeline(marks=_marks(), event_max_width=150),
}


@pytest.fixture(params=sorted(CASES), scope="module")
def geo(request):
    return CASES[request.param], _geometry(build_scene(_diagram(CASES[request.param]), "en"))


def test_one_box_and_one_connector_per_event(geo):
    tl, g = geo
    n = sum((m.above is not None) + (m.below is not None) for m in tl.marks)
    assert len(g["boxes"]) == n and len(g["conns"]) == n
    assert all(len(t) == 1 for t in g["box_text"]), "each box holds exactly its own label"


def test_events_on_one_side_never_overlap(geo):
    tl, g = geo
    for side in (lambda b: b.bottom <= g["by0"], lambda b: b.y >= g["by1"]):
        row = sorted((b for b in g["boxes"] if side(b)), key=lambda b: b.x)
        for a, b in zip(row, row[1:]):
            assert b.x - a.right >= tl.gap - EPS, f"{a} and {b} closer than gap={tl.gap}"


def test_boxes_clear_the_band_and_share_a_height_per_side(geo):
    tl, g = geo
    above = [b for b in g["boxes"] if b.bottom <= g["by0"]]
    below = [b for b in g["boxes"] if b.y >= g["by1"]]
    assert len(above) + len(below) == len(g["boxes"]), "no box may touch the band"
    for row, edge in ((above, "bottom"), (below, "y")):
        assert len({round(b.h, 2) for b in row}) == 1, "one height per side"
        assert len({round(getattr(b, edge), 2) for b in row}) == 1, "boxes of a side line up"
    assert all(g["by0"] - b.bottom == pytest.approx(tl.reach) for b in above)
    assert all(b.y - g["by1"] == pytest.approx(tl.reach) for b in below)


def test_connectors_are_vertical_and_join_box_centre_to_band(geo):
    tl, g = geo
    gap = tl.connector_gap
    for (xa, ya), (xb, yb) in g["conns"]:
        assert xa == pytest.approx(xb), "vertical"
        y0, y1 = sorted((ya, yb))
        (box,) = [b for b in g["boxes"] if b.x < xa < b.right and (b.bottom <= y0 + EPS + gap or b.y >= y1 - EPS - gap)
                  and min(abs(b.bottom + gap - y0), abs(b.y - gap - y1)) < EPS]
        assert xa == pytest.approx(box.cx), "attached at the box centre"
        if box.bottom <= g["by0"]:      # above: from box bottom down to band top
            assert y0 == pytest.approx(box.bottom + gap) and y1 == pytest.approx(g["by0"] - gap)
        else:                           # below: from band bottom down to box top
            assert y0 == pytest.approx(g["by1"] + gap) and y1 == pytest.approx(box.y - gap)
        assert g["bx0"] < xa < g["bx1"], "connector lands on the band"


def test_connectors_touch_when_gap_is_zero():
    g = _geometry(build_scene(_diagram(CASES["touching"]), "en"))
    for (xa, ya), (xb, yb) in g["conns"]:
        y0, y1 = sorted((ya, yb))
        touches_band = abs(y1 - g["by0"]) < EPS or abs(y0 - g["by1"]) < EPS
        touches_box = any(abs(b.bottom - y0) < EPS or abs(b.y - y1) < EPS for b in g["boxes"] if b.x < xa < b.right)
        assert touches_band and touches_box


def test_dates_in_order_apart_and_on_the_band(geo):
    tl, g = geo
    dates = g["dates"]
    assert [t.block.lines[0].text for t in dates] == [m.when.en for m in tl.marks], "left to right, in order"
    for a, b in zip(dates, dates[1:]):
        assert b.x - (a.x + a.block.width) >= tl.date_gap - EPS
    notch = (g["by1"] - g["by0"]) / 2
    for t in dates:
        assert g["bx0"] + notch <= t.x and t.x + t.block.width <= g["bx1"] - notch
        assert t.y + t.block.height / 2 == pytest.approx((g["by0"] + g["by1"]) / 2)


def test_events_are_evenly_spaced_and_dates_sit_under_their_events(geo):
    tl, g = geo
    xs = sorted(((a[0] for a, _ in g["conns"])))
    steps = [b - a for a, b in zip(xs, xs[1:])]
    # Marks with no event take one slot of their own: steps are 1 or 2 units.
    unit = min(steps)
    for s in steps:
        assert s / unit == pytest.approx(round(s / unit)) and round(s / unit) in (1, 2)
    dates = {t.block.lines[0].text: t.x + t.block.width / 2 for t in g["dates"]}
    both = tl.marks[1]
    centre = dates[both.when.en]
    assert centre == pytest.approx((xs[1] + xs[2]) / 2), "a date is centred under its events"


def test_text_fits_inside_its_box(geo):
    tl, g = geo
    for b, (t,) in zip(g["boxes"], g["box_text"]):
        assert b.x + tl.event_pad - EPS <= t.x and t.x + t.block.width <= b.right - tl.event_pad + EPS
        assert b.y <= t.y and t.y + t.block.height <= b.bottom
        if tl.event_max_width:
            assert b.w <= tl.event_max_width + EPS


def test_max_width_sets_long_text_smaller():
    g = _geometry(build_scene(_diagram(CASES["capped"]), "en"))
    sizes = {t.block.lines[0].size for (t,) in g["box_text"]}
    assert min(sizes) < max(sizes), "only the too-wide labels shrink"


def test_band_is_a_chevron_spanning_every_box(geo):
    tl, g = geo
    pts, bx0, bx1, by0, by1 = g["pts"], g["bx0"], g["bx1"], g["by0"], g["by1"]
    assert by1 - by0 == pytest.approx(tl.band_height)
    mid = (by0 + by1) / 2
    tip = [p for p in pts if p[0] == pytest.approx(bx1)]
    notch = [p for p in pts if p[1] == pytest.approx(mid) and p[0] < (bx0 + bx1) / 2]
    assert tip and all(y == pytest.approx(mid) for _, y in tip), "pointed right end"
    assert notch and notch[0][0] > bx0 + 1, "notched left end"
    assert all(bx0 < b.x and b.right <= bx1 for b in g["boxes"])


def test_band_gradient_is_eased_from_white_to_gold():
    tl = CASES["plain"]
    g = _geometry(build_scene(_diagram(tl), "en"))
    grad = g["band"].paint.fill
    assert isinstance(grad, Gradient) and not grad.vertical
    assert grad.stops[0] == (0.0, "#FFFFFF") and grad.stops[-1] == (1.0, "#FFD966")
    mid = dict(grad.stops)[0.5]
    assert int(mid[5:7], 16) > (0xFF + 0x66) / 2 + 20, "eased: the middle stays paler than a linear mix"
    assert g["band"].paint.stroke == "#172C51"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rl_history_timeline(lang):
    sc = build_scene(spec("rl-history-timeline"), lang)
    g = _geometry(sc)
    assert len(g["boxes"]) == 8 and len(g["dates"]) == 7
    order = [("above" if b.bottom <= g["by0"] else "below") for b in sorted(g["boxes"], key=lambda b: b.cx)]
    assert order == ["above", "below"] * 4, "events alternate above and below"
    assert 1.8 < sc.width / sc.height < 2.3, "a wide figure, like the original"
