"""JSON Schema of the spec model, for editor completion and tooling: the
Diagram and every element kind (core and element families alike, found by
walking the subclasses of `Element`), with colour fields limited to the
theme's tokens and shape/icon fields to the registered names."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Annotated, Any, get_args, get_origin

from pydantic.json_schema import GenerateJsonSchema, models_json_schema

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def element_kinds() -> list[type]:
    """Every public Element subclass the package defines (families included)."""
    import llmviz_dsl  # noqa: F401  (registers the element families)
    from .model import Element
    out, stack = [], list(Element.__subclasses__())
    while stack:
        k = stack.pop()
        stack.extend(k.__subclasses__())
        if not k.__name__.startswith("_") and k.__module__.startswith("llmviz_dsl") and k not in out:
            out.append(k)
    return sorted(out, key=lambda k: k.__name__)


def _mentions(annotation: Any, marker: Any) -> bool:
    """Does a field type carry `marker` in its Annotated metadata (directly,
    optional, or in a list)?"""
    if get_origin(annotation) is Annotated and any(m is marker for m in get_args(annotation)[1:]):
        return True
    return any(_mentions(a, marker) for a in get_args(annotation))


def _retag(node: Any, ref: str) -> None:
    """Point every plain-string branch of a property schema at `ref`."""
    if isinstance(node, dict):
        if node.get("type") == "string" and "enum" not in node:
            del node["type"]
            node["$ref"] = ref
        for key in ("anyOf", "oneOf", "items"):
            sub = node.get(key)
            for s in (sub if isinstance(sub, list) else [sub]):
                _retag(s, ref)


class _Lenient(GenerateJsonSchema):
    """A field JSON cannot express (a Python function, say) is left open
    instead of failing the whole schema."""

    def handle_invalid_for_json_schema(self, schema, error_info):
        return {"description": "a Python value (not expressible in JSON)"}


def build_schema() -> dict:
    from .icons import ICONS
    from .model import TOKEN, Diagram, Edge, IconName, ShapeName
    from .shapes import SHAPES
    from .theme import load_theme
    kinds = element_kinds()
    _, out = models_json_schema([(k, "validation") for k in [Diagram, *kinds]],
                                ref_template="#/$defs/{model}", schema_generator=_Lenient)
    defs = out["$defs"]
    markers = {"ColorToken": TOKEN, "ShapeName": get_args(ShapeName)[1], "IconName": get_args(IconName)[1]}
    for k in kinds:
        s = defs.get(k.__name__)
        if not s or "properties" not in s:
            continue
        for name, f in k.model_fields.items():
            prop = s["properties"].get(f.alias or name)
            for ref, marker in markers.items():
                if prop is not None and (_mentions(f.annotation, marker) or any(m is marker for m in f.metadata)):
                    _retag(prop, f"#/$defs/{ref}")
        s["x-positional"] = list(k._positional)      # Node("id", label) order
        s["x-overlay"] = bool(k.is_overlay)
    defs["ColorToken"] = {"description": "a colour token of the theme (themes/default.toml [colors])",
                          "enum": sorted(load_theme().colors)}
    defs["ShapeName"] = {"description": "a node shape (shapes.py)", "enum": sorted(SHAPES)}
    defs["IconName"] = {"description": "an icon (icons.py)", "enum": sorted(ICONS)}
    i18n = defs.get("I18n", {})
    defs["I18n"] = {
        "description": 'a visible string: ("中文", "English"), same("...") when identical, or a string of '
                       "numbers, punctuation and $math$ only",
        "anyOf": [i18n, {"type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 2},
                  {"type": "string"}]}
    body = [k for k in kinds if not k.is_overlay and not issubclass(k, Edge)]
    over = [k for k in kinds if k.is_overlay]
    defs["Element"] = {"description": "any element laid out in body",
                       "anyOf": [{"$ref": f"#/$defs/{k.__name__}"} for k in body]}
    defs["Overlay"] = {"description": "an element drawn over placed nodes",
                       "anyOf": [{"$ref": f"#/$defs/{k.__name__}"} for k in over]}
    dg = defs["Diagram"]["properties"]
    if "overlays" in dg:
        dg["overlays"]["items"] = {"$ref": "#/$defs/Overlay"}
    return {"$schema": DIALECT, "title": "llmviz_dsl spec", "$ref": "#/$defs/Diagram",
            "description": "specs/<id>.py builds `diagram = Diagram(...)` from these elements",
            "x-kinds": [k.__name__ for k in kinds], "$defs": defs}


def dumps(schema: dict) -> str:
    return json.dumps(schema, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


EPILOG = """examples:
  python -m llmviz_dsl schema                          print the schema
  python -m llmviz_dsl schema --out llmviz.schema.json

The schema lists Diagram and every element kind (element families
included), with colour fields limited to theme tokens and shape/icon
fields to the registered names; keys are sorted, so the output only
changes when the model does.
"""


def add_command(sub, root: Path) -> None:
    p = sub.add_parser("schema", help="JSON Schema of the spec model (for editors)",
                       description="Write the JSON Schema of Diagram and every element kind.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, default=None, help="write to FILE instead of stdout")
    p.set_defaults(run=run)


def run(args) -> int:
    text = dumps(build_schema())
    if args.out is None:
        sys.stdout.write(text)
    else:
        from .build import write_atomic
        write_atomic(args.out, text.encode("utf-8"))
        print(f"wrote {args.out}", file=sys.stderr)
    return 0
