"""Themes: named colours, fonts, sizes and strokes, read from themes/*.toml."""
from __future__ import annotations

import functools
import importlib.util
import os
import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from .errors import SpecError


def project_root() -> Path:
    """The checkout (where themes/ and specs/ live); LLMVIZ_ROOT overrides."""
    env = os.environ.get("LLMVIZ_ROOT")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve()
    for p in here.parents:
        if (p / "themes").is_dir() and (p / "pyproject.toml").is_file():
            return p
    return Path.cwd()


class FontRef(BaseModel):
    model_config = ConfigDict(extra="forbid")
    package: str
    file: str
    face: int = 0

    def path(self) -> str:
        spec = importlib.util.find_spec(self.package)
        if spec is None or not spec.submodule_search_locations:
            raise SpecError(f"font package {self.package!r} is not installed",
                            fix="run the set-up command from the README (it installs the pinned font packages)")
        p = Path(list(spec.submodule_search_locations)[0]) / self.file
        if not p.is_file():
            raise SpecError(f"font file {p} is missing from package {self.package!r}")
        return str(p)


class Theme(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    colors: dict[str, str]
    fonts: dict[str, FontRef]
    text: dict[str, float]
    stroke: dict[str, Any]
    arrow: dict[str, float]
    box: dict[str, float]
    panel: dict[str, float]
    frame: dict[str, Any]
    footer: dict[str, Any]
    icon: dict[str, tuple[str, str]]

    @field_validator("colors")
    @classmethod
    def _hex(cls, v: dict[str, str]) -> dict[str, str]:
        for k, c in v.items():
            if not re.fullmatch(r"#[0-9A-Fa-f]{6}", c):
                raise ValueError(f"colour {k} = {c!r} is not #RRGGBB")
        return {k: c.upper() for k, c in v.items()}

    def color(self, token: str | None, where: str = "", source=None) -> str | None:
        if token is None or token == "none":
            return None
        try:
            return self.colors[token]
        except KeyError:
            near = ", ".join(sorted(self.colors))
            hint = ("colours are theme tokens, not hex values" if token.startswith("#")
                    else f"use one of: {near}")
            raise SpecError(f"colour {token!r} is not in theme {self.name!r}",
                            source=source, element=where or None, fix=hint) from None

    def dash(self, style: str, width: float) -> list[float] | None:
        if style == "solid":
            return None
        return [round(x * max(width, 1.0), 2) for x in self.stroke[style]]


@functools.lru_cache(maxsize=8)
def load_theme(name: str = "default") -> Theme:
    path = project_root() / "themes" / f"{name}.toml"
    if not path.is_file():
        raise SpecError(f"theme {name!r} not found at {path}", fix="use theme='default' or add themes/<name>.toml")
    with open(path, "rb") as f:
        data = tomllib.load(f)
    return Theme(**data)


def theme_digest(name: str = "default") -> str:
    import hashlib
    return hashlib.sha256((project_root() / "themes" / f"{name}.toml").read_bytes()).hexdigest()[:16]
