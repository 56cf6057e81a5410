"""`schema`: JSON Schema of the spec model, every element kind included."""
from __future__ import annotations

import json
import subprocess
import sys

from llmviz_dsl.model import Element
from llmviz_dsl.schema import build_schema, dumps, element_kinds
from llmviz_dsl.theme import load_theme

from conftest import ROOT


def _refs(node):
    if isinstance(node, dict):
        if "$ref" in node:
            yield node["$ref"]
        for v in node.values():
            yield from _refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from _refs(v)


def test_schema_lists_the_diagram_and_every_element_kind():
    s = build_schema()
    defs = s["$defs"]
    assert s["$ref"] == "#/$defs/Diagram"
    for name in ("Diagram", "Node", "Edge", "Flow", "Grid", "Panel", "Region", "Brace", "Timeline", "Mark"):
        assert name in defs, name
    # Every public Element subclass of the package, families included.
    import llmviz_dsl
    from llmviz_dsl import elements
    public = {k.__name__ for k in element_kinds()}
    assert set(s["x-kinds"]) == public
    for name in elements.__all__:
        obj = getattr(llmviz_dsl, name)
        if isinstance(obj, type) and issubclass(obj, Element):
            assert name in public, name
    assert "Swatch" not in public                     # test-only kinds stay out
    body = {r["$ref"].rsplit("/", 1)[1] for r in defs["Element"]["anyOf"]}
    over = {r["$ref"].rsplit("/", 1)[1] for r in defs["Overlay"]["anyOf"]}
    assert {"Node", "Flow", "Cells"} <= body and "Edge" not in body and "Region" not in body
    assert {"Region", "Brace"} <= over
    assert defs["Diagram"]["properties"]["overlays"]["items"] == {"$ref": "#/$defs/Overlay"}
    assert defs["Diagram"]["properties"]["body"] == {"$ref": "#/$defs/Element"}


def test_every_reference_resolves_and_fields_name_their_vocabularies():
    s = build_schema()
    defs = s["$defs"]
    missing = {r for r in _refs(s) if r.rsplit("/", 1)[1] not in defs}
    assert missing == set()
    node = defs["Node"]["properties"]
    assert {"$ref": "#/$defs/ColorToken"} in node["fill"]["anyOf"]
    assert node["color"]["$ref"] == "#/$defs/ColorToken" and node["color"]["default"] == "text"
    assert node["shape"]["$ref"] == "#/$defs/ShapeName"
    assert {"$ref": "#/$defs/IconName"} in node["icon"]["anyOf"]
    assert defs["Cells"]["properties"]["row_fills"]["anyOf"][0]["items"] == {"$ref": "#/$defs/ColorToken"}
    assert defs["ColorToken"]["enum"] == sorted(load_theme().colors)
    assert {"round", "ellipse", "plain"} <= set(defs["ShapeName"]["enum"])
    assert {"nn", "lock"} <= set(defs["IconName"]["enum"])
    assert defs["Node"]["x-positional"] == ["id", "label"] and defs["Region"]["x-overlay"] is True
    # A label is ("中文", "English"), same(...) or a plain number/math string.
    forms = defs["I18n"]["anyOf"]
    assert forms[0]["required"] == ["zh", "en"] and forms[1]["minItems"] == 2 and forms[2] == {"type": "string"}


def test_schema_is_deterministic_and_the_command_writes_it(tmp_path):
    text = dumps(build_schema())
    assert text == dumps(build_schema())
    assert list(json.loads(text)) == sorted(json.loads(text))           # sorted keys
    # In a fresh process (this one may hold shapes and icons that tests registered).
    r = subprocess.run([sys.executable, "-m", "llmviz_dsl", "schema"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and json.loads(r.stdout)["$ref"] == "#/$defs/Diagram"
    text = r.stdout
    out = tmp_path / "spec.schema.json"
    r = subprocess.run([sys.executable, "-m", "llmviz_dsl", "schema", "--out", str(out)], capture_output=True,
                       text=True, cwd=ROOT)
    assert r.returncode == 0 and out.read_text(encoding="utf-8") == text


def test_a_new_family_kind_appears_without_touching_the_schema_code():
    code = ("import llmviz_dsl\n"
            "from typing import Callable\n"
            "from llmviz_dsl.model import Element, Token\n"
            "class Gauge(Element):\n"
            "    '''A dial.'''\n"
            "    is_visible = True\n"
            "    needle: Token = 'red'\n"
            "    scale: Callable[[float], float] | None = None   # a Python function: no JSON form\n"
            "Gauge.__module__ = 'llmviz_dsl.elements.gauge'\n"
            "from llmviz_dsl.schema import build_schema\n"
            "import json; s = build_schema()\n"
            "print(json.dumps([s['x-kinds'], s['$defs']['Gauge'], s['$defs']['Element']]))\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    kinds, gauge, element = json.loads(r.stdout)
    assert "Gauge" in kinds and {"$ref": "#/$defs/Gauge"} in element["anyOf"]
    assert gauge["description"] == "A dial." and gauge["properties"]["needle"]["$ref"] == "#/$defs/ColorToken"
    assert "not expressible in JSON" in json.dumps(gauge["properties"]["scale"])
