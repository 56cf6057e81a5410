from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from llmviz_dsl.loader import load_spec, spec_files
from llmviz_dsl.theme import project_root

ROOT = project_root()
SPECS = spec_files(ROOT / "specs")
SPEC_IDS = [p.stem for p in SPECS]


@pytest.fixture
def write_spec(tmp_path: Path):
    """Write a spec file `<id>.py` from source text and return its path."""
    def make(source: str, id: str = "t-spec") -> Path:
        p = tmp_path / f"{id}.py"
        p.write_text(textwrap.dedent(source).lstrip(), encoding="utf-8")
        return p
    return make


def spec(id: str):
    return load_spec(ROOT / "specs" / f"{id}.py")
