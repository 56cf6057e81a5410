"""The benchmark's per-stage timing drives the real pipeline stages, so it
keeps working as the pipeline grows (it broke once on brace-tip edge ends
when it re-assembled the stages itself)."""
from __future__ import annotations

import importlib.util

from conftest import ROOT


def test_stage_timing_runs_the_pipeline_stages():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    # sft-packing starts an edge at a brace tip, which only the pipeline's place() indexes.
    out = bench.stages([ROOT / "specs" / "sft-packing.py"])
    assert set(out) == {"load", "measure+layout", "route", "paint", "svg", "png"}
    assert len(out["load"]) == 1 and all(len(v) == 2 for k, v in out.items() if k != "load")
    assert all(t > 0 for v in out.values() for t in v)
