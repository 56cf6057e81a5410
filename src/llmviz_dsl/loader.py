"""Load spec files (specs/<id>.py defining `diagram = Diagram(...)`),
turning any failure into a SpecError that names the file and line."""
from __future__ import annotations

import importlib.util
import sys
import traceback
from pathlib import Path

from pydantic import ValidationError

from .errors import Source, SpecError, source_in_traceback
from .model import Diagram


def spec_files(specs_dir: Path) -> list[Path]:
    return sorted(p for p in specs_dir.glob("*.py") if not p.name.startswith("_"))


def _explain(err: ValidationError) -> str:
    parts = []
    for e in err.errors()[:3]:
        loc = ".".join(str(x) for x in e["loc"] if not isinstance(x, int) or True)
        msg = e["msg"].removeprefix("Value error, ")
        if e["type"] == "extra_forbidden":
            msg = "unknown field"
        elif e["type"] == "missing":
            msg = "required field is missing"
        parts.append(f"{loc}: {msg}" if loc else msg)
    more = len(err.errors()) - 3
    return "; ".join(parts) + (f" (+{more} more)" if more > 0 else "")


def load_spec(path: Path) -> Diagram:
    path = Path(path).resolve()
    name = f"llmviz_spec_{path.stem.replace('-', '_')}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    try:
        code = path.read_text(encoding="utf-8")
        exec(compile(code, str(path), "exec"), module.__dict__)
    except SpecError as e:
        if e.source is None:
            e.source = source_in_traceback(sys.exc_info()[2], str(path)) or Source(str(path), 1)
            e.args = (e.render(),)
        raise
    except SyntaxError as e:
        raise SpecError(f"syntax error: {e.msg}", source=Source(str(path), e.lineno or 1),
                        fix="fix the Python syntax") from None
    except ValidationError as e:
        # The element the error is about knows where the spec wrote it.
        bad = e.errors()[0].get("input")
        src = getattr(bad, "loc", None) if isinstance(getattr(bad, "loc", None), Source) else None
        src = src or source_in_traceback(sys.exc_info()[2], str(path))
        raise SpecError(_explain(e), source=src or Source(str(path), 1), element=e.title,
                        fix=f"see the fields of {e.title} in llmviz_dsl/model.py") from None
    except (Exception, SystemExit) as e:  # anything else the spec's own code raised
        src = source_in_traceback(sys.exc_info()[2], str(path))
        raise SpecError(f"{type(e).__name__}: {e}", source=src or Source(str(path), 1)) from None
    d = module.__dict__.get("diagram")
    if not isinstance(d, Diagram):
        raise SpecError("the spec defines no `diagram = Diagram(...)`", source=Source(str(path), 1),
                        fix="assign the figure to a module-level name `diagram`")
    if d.id != path.stem:
        raise SpecError(f"diagram id {d.id!r} differs from the file name {path.stem!r}",
                        source=d.loc or Source(str(path), 1), fix=f"rename the file to {d.id}.py or fix the id")
    return d
