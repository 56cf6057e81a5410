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
    svg = render_svg(spec(sid), "en").decode()
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
