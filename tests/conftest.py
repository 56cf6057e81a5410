from __future__ import annotations

import functools
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


@functools.lru_cache(maxsize=None)
def arranged(id: str, lang: str):
    """A project spec laid out and routed, once per session (read-only use)."""
    from llmviz_dsl.pipeline import arrange
    return arrange(spec(id), lang)


# A two-node spec the preview and diff tests edit live.
TINY = '''\
from llmviz_dsl import Diagram, Edge, Flow, Node

diagram = Diagram(
    id="{id}",
    chapter=("测试", "Test"),
    title=("小图", "Tiny"),
    body=Flow(Node("a", ("输入", "{label}"), fill="data"),
              Node("b", {second}, fill="model")),
    edges=[Edge("a", "b")],
)
'''
BAD_LINE = 8   # the line of Node("b", ...) above


def tiny(label="Input", second='("模型", "Model")', id="tiny") -> str:
    """The tiny spec with an English label, a second node label and an id."""
    return TINY.format(label=label, second=second, id=id)
