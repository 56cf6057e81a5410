"""Build specs to build/<lang>/{svg,png}/<id>.{svg,png}: every file written
atomically; a bad spec is reported and the others still build."""
from __future__ import annotations

import functools
import hashlib
import json
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
    cached: list[str] = field(default_factory=list)
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


# ---------------------------------------------------------------- cache
# An output is reused when nothing that shapes it changed: the spec file, the
# themes, and the engine (this package's code and data, and the versions of
# the pinned libraries and font packages that draw).

MANIFEST = ".manifest.json"
_ENGINE_DISTS = ("pydantic", "uharfbuzz", "ziamath", "ziafont", "latex2mathml", "pygraphviz", "svg2png-py",
                 "manimgx-fonts-cjk", "pylopdf-fonts-zh-cn")


@functools.lru_cache(maxsize=1)
def engine_digest() -> str:
    from importlib.metadata import PackageNotFoundError, version
    h = hashlib.sha256()
    pkg = Path(__file__).parent
    for f in sorted(p for p in pkg.rglob("*") if p.is_file() and p.suffix in (".py", ".toml", ".conf", ".json")
                    and "__pycache__" not in p.parts):
        h.update(f.relative_to(pkg).as_posix().encode() + b"\0" + f.read_bytes())
    for dist in _ENGINE_DISTS:
        try:
            h.update(f"{dist}={version(dist)}".encode())
        except PackageNotFoundError:
            h.update(dist.encode())
    return h.hexdigest()


def _themes_digest() -> str:
    from .theme import project_root
    h = hashlib.sha256()
    for f in sorted((project_root() / "themes").glob("*.toml")):
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _outputs(out_dir: Path, sid: str, lang: str, png: bool) -> list[Path]:
    return [out_dir / lang / "svg" / f"{sid}.svg"] + ([out_dir / lang / "png" / f"{sid}.png"] if png else [])


def _fresh(entry: dict | None, key: str, files: list[Path]) -> bool:
    if not entry or entry.get("key") != key:
        return False
    for f in files:
        want = entry["files"].get(f.name)
        if want is None or not f.is_file() or _sha(f.read_bytes()) != want:
            return False
    return True


# ---------------------------------------------------------------- rendering

def _render(path: Path, langs: tuple[str, ...], out_dir: Path, png: bool) -> list[tuple]:
    """Render one spec in the given languages (run in a worker process);
    returns (lang, ok, message, ms, {file name: sha}) per language."""
    from .pipeline import build_scene
    from .raster import SCALE, to_png
    from .svg import to_svg
    try:
        d = load_spec(path)
    except SpecError as e:
        return [(lang, False, str(e), 0.0, {}) for lang in langs]
    out = []
    for lang in langs:
        t0 = time.perf_counter()
        try:
            scene = build_scene(d, lang)
            files = {}
            svg = to_svg(scene)
            svg_path, *png_path = _outputs(out_dir, d.id, lang, png)
            write_atomic(svg_path, svg)
            files[svg_path.name] = _sha(svg)
            if png:
                data = to_png(to_svg(scene, text_layer=False, scale=SCALE))
                write_atomic(png_path[0], data)
                files[png_path[0].name] = _sha(data)
        except SpecError as e:
            out.append((lang, False, str(e), 0.0, {}))
            continue
        out.append((lang, True, "", 1000 * (time.perf_counter() - t0), files))
    return out


def build(specs_dir: Path, out_dir: Path, ids: list[str], langs=LANGS, png: bool = True,
          log=print, jobs: int | None = None, cache: bool = True) -> Report:
    """Render the specs named (all when `ids` is empty). Outputs whose inputs
    did not change since the last build are kept (`cache=False` renders all);
    the rest render on `jobs` processes (default: every core)."""
    rep = Report()
    files = resolve_ids(specs_dir, ids)
    langs = tuple(langs)
    total = len(files) * len(langs)
    mpath = out_dir / MANIFEST
    try:
        manifest = json.loads(mpath.read_text()) if cache and mpath.is_file() else {}
    except (OSError, ValueError):
        manifest = {}           # a damaged manifest only costs a full rebuild
    base = _sha((engine_digest() + _themes_digest() + str(png)).encode())
    todo: list[tuple[Path, tuple[str, ...], dict[str, str]]] = []
    n = 0
    for path in files:
        keys = {lang: _sha(base.encode() + lang.encode() + path.read_bytes()) for lang in langs}
        stale = []
        for lang in langs:
            if cache and _fresh(manifest.get(f"{path.stem}/{lang}"), keys[lang],
                                _outputs(out_dir, path.stem, lang, png)):
                n += 1
                rep.cached.append(f"{path.stem} {lang}")
                log(f"[{n}/{total}] {path.stem} {lang}  unchanged")
            else:
                stale.append(lang)
        if stale:
            todo.append((path, tuple(stale), keys))

    def done(path: Path, results: list[tuple], keys: dict[str, str]) -> None:
        nonlocal n
        for lang, ok, msg, ms, hashes in results:
            n += 1
            name = f"{path.stem} {lang}"
            if ok:
                rep.built.append(name)
                manifest[f"{path.stem}/{lang}"] = {"key": keys[lang], "files": hashes}
                log(f"[{n}/{total}] {name}  {ms:.0f} ms")
            else:
                rep.failed.append((name, msg))
                manifest.pop(f"{path.stem}/{lang}", None)
                log(f"[{n}/{total}] {name}: error: {msg}")

    workers = min(jobs or os.cpu_count() or 1, len(todo))
    try:
        if workers <= 1:
            for path, ls, keys in todo:
                done(path, _render(path, ls, out_dir, png), keys)
        else:
            from concurrent.futures import ProcessPoolExecutor, as_completed
            import multiprocessing as mp
            from . import pipeline  # noqa: F401  (forked workers start with the engine imported)
            ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
            with ProcessPoolExecutor(workers, mp_context=ctx) as pool:
                futs = {pool.submit(_render, path, ls, out_dir, png): (path, keys) for path, ls, keys in todo}
                for f in as_completed(futs):
                    path, keys = futs[f]
                    done(path, f.result(), keys)
    finally:
        # Whatever finished is recorded, also when interrupted.
        if cache and (rep.built or rep.failed):
            write_atomic(mpath, (json.dumps(manifest, indent=0, sort_keys=True) + "\n").encode())
    rep.built.sort()
    rep.failed.sort()
    return rep
