"""Incremental, parallel builds: an output is re-rendered only when its spec,
the themes or the engine changed; parallel and serial builds write the same
bytes; an interrupted build leaves complete files only."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from llmviz_dsl.build import MANIFEST, build

SPEC = """from llmviz_dsl import *
diagram = Diagram(id="{id}", chapter=same("C"), title=same("T"),
    body=Row(Node("a", same("{label}"), fill="model"), Node("b", same("B"))),
    edges=[Edge("a", "b")])
"""


@pytest.fixture
def specs(tmp_path: Path) -> Path:
    d = tmp_path / "specs"
    d.mkdir()
    for i, lab in (("s-one", "A"), ("s-two", "A2"), ("s-three", "A3")):
        (d / f"{i}.py").write_text(SPEC.format(id=i, label=lab))
    return d


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.*")) if p.name != MANIFEST}


def test_second_build_renders_nothing_and_keeps_bytes(specs, tmp_path):
    out = tmp_path / "out"
    first = build(specs, out, [], log=lambda m: None, jobs=1)
    assert len(first.built) == 6 and not first.cached
    before = _files(out)
    again = build(specs, out, [], log=lambda m: None, jobs=1)
    assert again.built == [] and len(again.cached) == 6
    assert _files(out) == before


def test_editing_one_spec_rebuilds_only_that_spec(specs, tmp_path):
    out = tmp_path / "out"
    build(specs, out, [], log=lambda m: None, jobs=1)
    (specs / "s-two.py").write_text(SPEC.format(id="s-two", label="changed"))
    rep = build(specs, out, [], log=lambda m: None, jobs=1)
    assert rep.built == ["s-two en", "s-two zh"]
    assert b"changed" in (out / "en" / "svg" / "s-two.svg").read_bytes()


def test_a_damaged_output_or_manifest_is_rebuilt(specs, tmp_path):
    out = tmp_path / "out"
    build(specs, out, [], log=lambda m: None, jobs=1)
    good = (out / "zh" / "png" / "s-one.png").read_bytes()
    (out / "zh" / "png" / "s-one.png").write_bytes(b"garbage")
    rep = build(specs, out, [], log=lambda m: None, jobs=1)
    assert rep.built == ["s-one zh"]
    assert (out / "zh" / "png" / "s-one.png").read_bytes() == good
    (out / MANIFEST).write_text("{not json")
    assert len(build(specs, out, [], log=lambda m: None, jobs=1).built) == 6


def test_force_renders_everything(specs, tmp_path):
    out = tmp_path / "out"
    build(specs, out, [], log=lambda m: None, jobs=1)
    assert len(build(specs, out, [], log=lambda m: None, jobs=1, cache=False).built) == 6


def test_parallel_build_writes_the_same_bytes_as_serial(specs, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    build(specs, a, [], log=lambda m: None, jobs=1)
    rep = build(specs, b, [], log=lambda m: None, jobs=2)
    assert len(rep.built) == 6 and not rep.failed
    assert _files(a) == _files(b)
    assert json.loads((a / MANIFEST).read_text()) == json.loads((b / MANIFEST).read_text())


def test_a_failing_spec_is_reported_and_not_cached(specs, tmp_path):
    out = tmp_path / "out"
    (specs / "s-bad.py").write_text(SPEC.format(id="s-bad", label="A").replace('Edge("a", "b")', 'Edge("a", "zz")'))
    rep = build(specs, out, [], log=lambda m: None, jobs=1)
    assert [f[0] for f in rep.failed] == ["s-bad en", "s-bad zh"] and len(rep.built) == 6
    again = build(specs, out, [], log=lambda m: None, jobs=1)
    assert len(again.failed) == 2 and "unknown node 'zz'" in again.failed[0][1]


def test_an_interrupted_build_leaves_earlier_outputs_whole(specs, tmp_path):
    out = tmp_path / "out"
    build(specs, out, [], log=lambda m: None, jobs=1)
    before = _files(out)
    for i in ("s-one", "s-two", "s-three"):
        (specs / f"{i}.py").write_text(SPEC.format(id=i, label="new " + i))

    def stop_after_first(msg):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build(specs, out, [], log=stop_after_first, jobs=1)
    after = _files(out)
    assert not list(out.rglob("*.tmp"))
    assert set(after) == set(before)
    changed = [k for k in after if after[k] != before[k]]
    # The first spec finished (both languages) before the interrupt; nothing else changed.
    assert changed and all("s-one" in k for k in changed)
    # The output reported before the interrupt was recorded, so the next
    # build skips it; everything else renders.
    rep = build(specs, out, [], log=lambda m: None, jobs=1)
    assert "s-one zh" not in rep.built and len(rep.built) == 5
