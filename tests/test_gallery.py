"""`gallery`: zh and en pages in the order of the book's README, each entry a
heading and a relative link to its rendered image."""
from __future__ import annotations

import json
import re
import subprocess
import sys

from llmviz_dsl.gallery import DATA, entries, md, render_pages
from llmviz_dsl.scaffold import spec_source

from conftest import ROOT


def _specs(tmp_path, ids):
    """Small specs with these ids (file order is not README order)."""
    d = tmp_path / "specs"
    d.mkdir()
    for i in ids:
        titles = {"zz-extra": (("附加", "Extra"), ("额外的图", "An extra figure"))}.get(i, (("章", "Ch"), ("题", "T")))
        (d / f"{i}.py").write_text(spec_source(i, *titles), encoding="utf-8")
    return d


IDS = ["zz-extra", "grpo-vs-ppo", "llm-structure", "dpo-training-overview"]


def test_order_follows_the_readme_and_unlisted_specs_come_last(tmp_path):
    specs = _specs(tmp_path, IDS)
    got = entries(specs, tmp_path / "build", tmp_path / "gallery", "zh", log=lambda m: None)
    assert [e.id for e in got] == ["llm-structure", "dpo-training-overview", "grpo-vs-ppo", "zz-extra"]
    assert [e.heading for e in got] == ["【LLM基础】LLM（Large Language Model）结构", "【DPO】DPO训练全景图",
                                        "【策略优化架构算法及其衍生】PPO与GRPO（Group Relative Policy Optimization）",
                                        "【附加】额外的图"]
    en = entries(specs, tmp_path / "build", tmp_path / "gallery", "en", log=lambda m: None)
    assert [e.heading for e in en] == ["[LLM basics] LLM structure", "[DPO] Overview of DPO training",
                                       "[Policy Optimization & Variants] GRPO & PPO", "[Extra] An extra figure"]


def test_pages_link_each_image_relative_to_the_page(tmp_path):
    specs = _specs(tmp_path, IDS)
    warned = []
    pages = render_pages(specs, tmp_path / "build", tmp_path / "docs" / "gallery", log=warned.append)
    zh, en = pages[tmp_path / "docs/gallery/README.md"], pages[tmp_path / "docs/gallery/README_en.md"]
    assert "[![【DPO】DPO训练全景图](../../build/zh/png/dpo-training-overview.png)]" \
           "(../../build/zh/svg/dpo-training-overview.svg)" in zh
    assert "### \\[DPO\\] Overview of DPO training\n[![\\[DPO\\] Overview of DPO training]" \
           "(../../build/en/png/dpo-training-overview.png)](../../build/en/svg/dpo-training-overview.svg)" in en
    # Headings in order, one per spec; each page points at the other language.
    heads = re.findall(r"^### (.*)$", zh, re.M)
    assert len(heads) == 4 and heads[0].endswith("LLM（Large Language Model）结构")
    assert "[English](README_en.md)" in zh and "[中文](README.md)" in en
    assert "共 4 幅图" in zh and "4 figures" in en
    assert len(warned) == 8 and "python -m llmviz_dsl build" in warned[0]    # nothing built yet


def test_order_data_is_the_readme_order():
    rows = json.loads(DATA.read_text(encoding="utf-8"))["diagrams"]
    pos = [r["position"] for r in rows if r["position"] is not None]
    assert pos == list(range(1, len(pos) + 1)) and len(pos) == 120
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r["id"]) for r in rows)
    first = rows[0]
    assert (first["id"], first["heading_zh"]) == ("llm-overview", "【LLM基础】LLM结构全视图")


def test_markdown_text_is_shown_literally():
    assert md("[DPO] a*b_c <x>") == "\\[DPO\\] a\\*b\\_c \\<x\\>"


def test_gallery_command_end_to_end(tmp_path):
    out = tmp_path / "gallery"
    cmd = [sys.executable, "-m", "llmviz_dsl", "gallery", "--out", str(out)]
    r = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    zh = (out / "README.md").read_text(encoding="utf-8")
    en = (out / "README_en.md").read_text(encoding="utf-8")
    ids = [p.stem for p in (ROOT / "specs").glob("*.py") if not p.name.startswith("_")]
    for i in ids:
        assert f"/build/zh/png/{i}.png)" in zh and f"/build/en/png/{i}.png)" in en
    linked = re.findall(r"\]\(([^)]+\.png)\)", zh)
    assert len(linked) == len(ids) and all((out / p).resolve().is_file() for p in linked)
    assert subprocess.run(cmd + ["--check"], capture_output=True, cwd=ROOT).returncode == 0
    (out / "README.md").write_text(zh + "\nedited\n", encoding="utf-8")
    r = subprocess.run(cmd + ["--check"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 1 and "out of date" in r.stderr
