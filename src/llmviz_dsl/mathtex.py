"""LaTeX math to vector paths (ziamath, STIX Two Math), cached per formula."""
from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import ziamath as zm

from .errors import SpecError

zm.config.precision = 2   # fixed number formatting: stable bytes


@dataclass(frozen=True)
class MathBox:
    latex: str
    width: float
    ascent: float        # above the baseline
    descent: float       # below the baseline
    body: str            # SVG elements drawn with the baseline at y=0, x=0
    symbols: tuple[tuple[str, str], ...]   # (id, <symbol> markup) to put in <defs>


def _known_commands(latex: str) -> None:
    """latex2mathml passes an unknown command through as text (ziamath would
    draw `\\frc` literally): refuse it instead."""
    from latex2mathml.converter import convert
    try:
        mathml = convert(latex)
    except Exception:
        return                  # a parse error is reported by the renderer
    bad = re.search(r">(\\[A-Za-z]+)<", mathml)
    if bad:
        raise SpecError(f"LaTeX ${latex}$ does not parse: unknown command {bad.group(1)}",
                        fix="check the command's spelling; ziamath supports the usual LaTeX math commands")


@functools.lru_cache(maxsize=4096)
def render_math(latex: str, size: float, color: str = "#000000") -> MathBox:
    _known_commands(latex)
    try:
        m = zm.Latex(latex, size=size, color=color)
        root = ET.Element("g")
        m.drawon(root, 0, 0, valign="base")
        bb = m.node.bbox
    except Exception as e:  # ziamath raises many types on bad input
        msg = str(e) or type(e).__name__
        raise SpecError(f"LaTeX ${latex}$ does not parse: {msg}",
                        fix="check braces and command names; test it with ziamath.Latex") from None
    symbols: dict[str, str] = {}
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag == "symbol":
                symbols.setdefault(child.get("id"), ET.tostring(child, encoding="unicode").replace(" />", "/>"))
                parent.remove(child)
    body = "".join(ET.tostring(c, encoding="unicode") for c in root).replace(" />", "/>")
    return MathBox(latex, round(bb.xmax, 2), round(bb.ymax, 2), round(-bb.ymin, 2), body,
                   tuple(sorted(symbols.items())))
