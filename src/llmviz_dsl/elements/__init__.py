"""Element families: each module defines a kind of element completely — its
spec model (a pydantic `Element`), how it is measured (`@measures`) and how it
is painted (`@paints`) — so a family is found, read and changed in one file.
The core kinds (Node, Cells, layouts, edges) live in model/layout/paint.

Importing this package registers every family; the names each module lists
in `__all__` are exported from `llmviz_dsl`."""
from __future__ import annotations

import importlib

# One line per family module, in alphabetical order.
FAMILIES = (
    "barchart",
    "callout",
    "icon",
    "lang",
    "legend",
    "mindmap",
    "plot",
    "sampling",
    "table",
    "tensor",
    "wedge",
)

__all__: list[str] = []
for _name in FAMILIES:
    _mod = importlib.import_module(f"{__name__}.{_name}")
    for _sym in _mod.__all__:
        globals()[_sym] = getattr(_mod, _sym)
        __all__.append(_sym)
