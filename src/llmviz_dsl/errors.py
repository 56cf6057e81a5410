"""Errors a spec author sees: one line naming file:line, the element, what is
wrong and how to fix it. Nothing else should reach the user as a traceback."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass

_PKG_DIR = os.path.dirname(os.path.abspath(__file__))


@dataclass(frozen=True)
class Source:
    file: str
    line: int

    def __str__(self) -> str:
        return f"{_rel(self.file)}:{self.line}"


def _rel(path: str) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


class SpecError(Exception):
    """A problem in a spec, reported as `file:line: element: problem (fix)`."""

    def __init__(self, message: str, *, source: Source | None = None,
                 element: str | None = None, fix: str | None = None):
        self.message = message
        self.source = source
        self.element = element
        self.fix = fix
        super().__init__(self.render())

    def render(self) -> str:
        parts = []
        if self.source:
            parts.append(f"{self.source}:")
        if self.element:
            parts.append(f"{self.element}:")
        parts.append(self.message)
        text = " ".join(parts)
        if self.fix:
            text += f" (fix: {self.fix})"
        return text


def caller_source() -> Source | None:
    """The first frame outside this package and pydantic: where the author
    wrote the element."""
    f = sys._getframe(1)
    while f is not None:
        fn = os.path.abspath(f.f_code.co_filename)
        if not fn.startswith(_PKG_DIR) and "pydantic" not in fn and not fn.startswith("<frozen"):
            return Source(fn, f.f_lineno)
        f = f.f_back
    return None


def source_in_traceback(tb, spec_file: str) -> Source | None:
    """The deepest line of `spec_file` in a traceback (where a constructor in
    the spec raised)."""
    spec_file = os.path.abspath(spec_file)
    found = None
    while tb is not None:
        if os.path.abspath(tb.tb_frame.f_code.co_filename) == spec_file:
            found = Source(spec_file, tb.tb_lineno)
        tb = tb.tb_next
    return found
