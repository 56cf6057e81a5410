"""SVG output: self-contained, safe, searchable, deterministic."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from llmviz_dsl.geometry import fmt
from llmviz_dsl.pipeline import render_svg

from conftest import ROOT, SPEC_IDS, spec


def test_fmt_is_fixed():
    assert fmt(10.299999999999999) == "10.3"
    assert fmt(-0.001) == "0"
    assert fmt(3.0) == "3"
    assert fmt(1.005) in ("1", "1.01")


@pytest.mark.parametrize("sid", SPEC_IDS)
def test_svg_is_self_contained_and_safe(sid):
    # The shipped file (test_snapshots holds it equal to a fresh render).
    svg = (ROOT / "build" / "en" / "svg" / f"{sid}.svg").read_text(encoding="utf-8")
    assert "<script" not in svg and "javascript:" not in svg
    assert not re.search(r'href="(?!#)', svg), "only in-document references"
    assert "<image" not in svg and "@import" not in svg and "url(http" not in svg
    assert re.search(r"<title>[^<]+</title>", svg)
    # every <use> points at a definition
    ids = set(re.findall(r' id="([^"]+)"', svg))
    assert set(re.findall(r'href="#([^"]+)"', svg)) <= ids


def test_labels_are_searchable_text():
    d = spec("grpo-vs-ppo")
    zh = render_svg(d, "zh").decode()
    en = render_svg(d, "en").decode()
    assert ">策略模型</text>" in zh and ">参考模型</text>" in zh
    assert ">Policy model</text>" in en and "策略模型" not in en


def test_same_bytes_in_a_fresh_process(tmp_path):
    """Two builds (separate processes) give byte-identical SVG and PNG."""
    outs = []
    for i in range(2):
        out = tmp_path / f"b{i}"
        subprocess.run([sys.executable, "-m", "llmviz_dsl", "build", "grpo-vs-ppo", "--out", str(out), "-q"],
                       check=True, cwd=ROOT, capture_output=True)
        outs.append(out)
    for rel in ("zh/svg/grpo-vs-ppo.svg", "en/png/grpo-vs-ppo.png"):
        assert (outs[0] / rel).read_bytes() == (outs[1] / rel).read_bytes()


def test_each_glyph_id_names_one_outline_across_faces():
    """Sans and serif text in one figure: every glyph id is defined once and
    names the outline of the face that drew it (ids once collided between
    families sharing an initial, drawing the footer with body glyphs)."""
    from llmviz_dsl import Diagram, Node, Row, same
    from llmviz_dsl.fonts import fonts_for
    from llmviz_dsl.theme import load_theme
    d = Diagram(id="t", chapter=same("C"), title=same("More Samples"),
                body=Row(Node("a", same("More Samples")), Node("b", same("More Samples"), bold=True)))
    svg = render_svg(d, "en").decode()
    fonts = fonts_for(load_theme())
    defs = re.findall(r'<path id="g([a-z]+)_([0-9a-f]+)"(?: d="([^"]*)")?/>', svg)
    faces = {f.key: f for f in (fonts.face(fam, b, i) for fam in ("sans", "serif")
                                for b in (False, True) for i in (False, True))}
    faces["m"] = fonts.face("math")
    used = {k for k, _, _ in defs}
    assert {"s", "sb", "r", "rb"} <= used          # body, bold body, footer credit, footer title
    for key, gid, d in defs:
        assert d == (faces[key].path(int(gid, 16)) or ""), (key, gid)
    keys = {fonts.face(f, b, i).key for f in ("sans", "serif") for b in (False, True) for i in (False, True)}
    assert len(keys) == 8


def test_a_coloured_run_is_filled_with_its_own_colour():
    from llmviz_dsl import Diagram, Node
    from llmviz_dsl.theme import load_theme
    th = load_theme()
    d = Diagram(id="t", chapter=("章", "C"), title=("题", "T"),
                body=Node("a", ("\\textcolor{loss}{红}字", "\\textcolor{loss}{Red} word"), color="grey"))
    svg = render_svg(d, "en").decode()
    fills = re.findall(r'<g transform="matrix\([^"]*\)" fill="(#[0-9A-Fa-f]{6})"', svg)
    assert th.color("loss") in fills and th.color("grey") in fills
