"""`new`: a spec that builds at once, from the catalog or the command line;
and a Diagram shows itself in a notebook as a complete SVG."""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from llmviz_dsl.errors import SpecError
from llmviz_dsl.lint import lint_file
from llmviz_dsl.loader import load_spec
from llmviz_dsl.pipeline import arrange
from llmviz_dsl.scaffold import new_spec

from conftest import ROOT


def test_new_takes_chapter_and_title_from_the_catalog_and_builds(tmp_path):
    path = new_spec(tmp_path, "ppo-clip")
    assert path == tmp_path / "ppo-clip.py"
    d = load_spec(path)
    assert (d.id, d.title.zh, d.title.en) == ("ppo-clip", "PPO-Clip", "PPO-Clip")
    assert (d.chapter.zh, d.chapter.en) == ("策略优化架构算法及其衍生", "Policy Optimization & Variants")
    assert 'title=same("PPO-Clip")' in path.read_text(encoding="utf-8")
    for lang in ("zh", "en"):
        a = arrange(d, lang)
        xs = [a.index[k].shape.x for k in ("input", "model", "output")]
        assert xs == sorted(xs) and len(a.routes) == 2          # a left-to-right flow of three
    assert [f for f in lint_file(path) if f.severity != "info"] == []


def test_new_uses_given_titles_and_refuses_what_it_should(tmp_path):
    path = new_spec(tmp_path, "my-figure", chapter="强化学习基础,RL basics", title='回报 "G",Return, "G"')
    d = load_spec(path)
    assert (d.chapter.zh, d.chapter.en, d.title.zh, d.title.en) == ("强化学习基础", "RL basics", '回报 "G"',
                                                                    'Return, "G"')
    before = path.read_bytes()
    with pytest.raises(SpecError, match="already exists; not overwriting"):
        new_spec(tmp_path, "my-figure", title="x,y", chapter="x,y")
    assert path.read_bytes() == before
    with pytest.raises(SpecError, match="not a catalog slug"):
        new_spec(tmp_path, "My_Figure", title="a,b", chapter="c,d")
    with pytest.raises(SpecError, match="not in the catalog: give its chapter and title"):
        new_spec(tmp_path, "other-figure")
    with pytest.raises(SpecError, match="Chinese only"):
        new_spec(tmp_path, "other-figure", chapter="DPO,DPO", title="回报")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["my-figure.py"]


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "llmviz_dsl", *args], capture_output=True, text=True, cwd=ROOT)


def test_new_command_end_to_end_then_build(tmp_path):
    specs, out = tmp_path / "specs", tmp_path / "build"
    r = _cli("new", "dpo-beta-effect", "--specs", str(specs))
    assert r.returncode == 0, r.stderr
    for step in ("python -m llmviz_dsl watch dpo-beta-effect", "python -m llmviz_dsl lint dpo-beta-effect",
                 "python -m llmviz_dsl build dpo-beta-effect", "pytest",
                 "python -m llmviz_dsl diff --base origin/main"):
        assert step in r.stdout
    r = _cli("build", "dpo-beta-effect", "--specs", str(specs), "--out", str(out))
    assert r.returncode == 0, r.stdout + r.stderr
    for lang in ("zh", "en"):
        svg = (out / lang / "svg" / "dpo-beta-effect.svg").read_text(encoding="utf-8")
        assert "β参数对DPO的影响" in svg if lang == "zh" else "Impact of the β parameter on DPO" in svg
        assert (out / lang / "png" / "dpo-beta-effect.png").stat().st_size > 0
    r = _cli("new", "dpo-beta-effect", "--specs", str(specs))
    assert r.returncode == 2 and "already exists" in r.stderr


def test_a_diagram_shows_itself_in_a_notebook_as_a_complete_svg(tmp_path):
    d = load_spec(new_spec(tmp_path, "rlhf-vs-dpo"))
    svg = d._repr_svg_()
    assert isinstance(svg, str) and svg.startswith("<svg ") and svg.rstrip().endswith("</svg>")
    root = ET.fromstring(svg)                                        # well-formed, one document
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg" and root.get("lang") == "zh"
    assert root.get("viewBox").split() == ["0", "0", root.get("width"), root.get("height")]   # 1:1
    assert float(root.get("width")) > 300 and float(root.get("height")) > 150
    assert root.find(f"{ns}title").text == "RLHF与DPO的训练架构对比"
    assert len(root.find(f"{ns}defs")) > 0                            # glyph outlines travel with it
    layer = root.find(f".//{ns}g[@id='text-layer']")
    words = "".join(layer.itertext())
    assert "输入" in words and "模型" in words and "输出" in words
