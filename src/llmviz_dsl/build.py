"""Build specs to build/<lang>/{svg,png}/<id>.{svg,png}: every file written
atomically; a bad spec is reported and the others still build."""
from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SpecError
from .loader import load_spec, spec_files

LANGS = ("zh", "en")


def write_atomic(path: Path, data: bytes) -> bool:
    """Write via a temporary file and rename; returns False if unchanged."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_file() and path.read_bytes() == data:
        return False
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return True


@dataclass
class Report:
    built: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def resolve_ids(specs_dir: Path, ids: list[str]) -> list[Path]:
    files = spec_files(specs_dir)
    if not ids:
        return files
    by_id = {p.stem: p for p in files}
    out = []
    for i in ids:
        if i not in by_id:
            import difflib
            close = difflib.get_close_matches(i, list(by_id), n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise SpecError(f"no spec {i!r} in {specs_dir}{hint}", fix="`python -m llmviz_dsl list` shows the ids")
        out.append(by_id[i])
    return out


def build(specs_dir: Path, out_dir: Path, ids: list[str], langs=LANGS, png: bool = True,
          log=print) -> Report:
    from .pipeline import build_scene
    from .raster import SCALE, to_png
    from .svg import to_svg
    rep = Report()
    files = resolve_ids(specs_dir, ids)
    total = len(files) * len(langs)
    n = 0
    for path in files:
        try:
            d = load_spec(path)
        except SpecError as e:
            n += len(langs)
            rep.failed.append((path.stem, str(e)))
            log(f"[{n}/{total}] {path.stem}: error: {e}")
            continue
        for lang in langs:
            n += 1
            t0 = time.perf_counter()
            try:
                scene = build_scene(d, lang)
                svg = to_svg(scene)
                write_atomic(out_dir / lang / "svg" / f"{d.id}.svg", svg)
                if png:
                    write_atomic(out_dir / lang / "png" / f"{d.id}.png", to_png(to_svg(scene, text_layer=False, scale=SCALE)))
            except SpecError as e:
                rep.failed.append((f"{d.id} {lang}", str(e)))
                log(f"[{n}/{total}] {d.id} {lang}: error: {e}")
                continue
            rep.built.append(f"{d.id} {lang}")
            log(f"[{n}/{total}] {d.id} {lang}  {1000 * (time.perf_counter() - t0):.0f} ms")
    return rep
