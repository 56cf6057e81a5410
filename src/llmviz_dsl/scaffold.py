"""`new ID`: start a spec. Writes specs/ID.py — a small figure that builds
at once — with the chapter and title from the catalog (or the command line),
and prints the next steps."""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from .errors import SpecError
from .lint import has_cjk

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def _pair(text: str | None, what: str) -> tuple[str, str] | None:
    """"中文,English" -> ("中文", "English"); one text without a comma is the
    same in both languages (when it needs no translation)."""
    if text is None:
        return None
    zh, sep, en = text.partition(",")
    zh, en = zh.strip(), en.strip()
    if not sep:
        en = zh
    if not zh or not en:
        raise SpecError(f"--{what} {text!r} needs both languages", fix=f'write --{what} "中文,English"')
    return zh, en


def _py(value) -> str:
    """A Python literal for the spec: a string, ("中文", "English"), or same("...")."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    zh, en = value
    if zh == en:
        return f"same({_py(zh)})"
    return f"({_py(zh)}, {_py(en)})"


def spec_source(id: str, chapter: tuple[str, str], title: tuple[str, str]) -> str:
    from .gallery import template_env
    env = template_env()
    env.filters["py"] = _py
    summary = title[1].replace("\\", "").replace('"', "'")     # safe inside the docstring
    return env.get_template("spec.py.j2").render(id=id, chapter=chapter, title=title, title_en=summary)


def lookup(id: str, catalog_file: Path | None = None) -> dict:
    """The catalog record of `id` (chapter_zh/en, title_zh/en), or {}."""
    if catalog_file is not None:
        with open(catalog_file, encoding="utf-8") as f:
            data = json.load(f)
        records = data["diagrams"] if isinstance(data, dict) else data
        return next((r for r in records if r.get("id") == id), {})
    from .gallery import catalog
    return catalog().get(id, {})


def new_spec(specs_dir: Path, id: str, chapter: str | None = None, title: str | None = None,
             catalog_file: Path | None = None) -> Path:
    if not SLUG.fullmatch(id):
        raise SpecError(f"{id!r} is not a catalog slug", fix="use lowercase words and digits joined by '-', "
                                                              "e.g. ppo-clip")
    path = specs_dir / f"{id}.py"
    if path.exists():
        raise SpecError(f"{path} already exists; not overwriting it",
                        fix="edit that spec, or pick another id")
    rec = lookup(id, catalog_file)
    ch = _pair(chapter, "chapter") or ((rec["chapter_zh"], rec["chapter_en"])
                                        if rec.get("chapter_zh") and rec.get("chapter_en") else None)
    ti = _pair(title, "title") or ((rec["title_zh"], rec["title_en"])
                                    if rec.get("title_zh") and rec.get("title_en") else None)
    missing = [w for w, v in (("chapter", ch), ("title", ti)) if v is None]
    if missing:
        where = "the catalog has no" if rec else "not in the catalog: give its"
        raise SpecError(f"{id!r}: {where} {' and '.join(missing)}",
                        fix=" ".join(f'--{w} "中文,English"' for w in missing))
    for what, (zh, en) in (("chapter", ch), ("title", ti)):
        if zh == en and has_cjk(zh):
            raise SpecError(f"--{what} {zh!r} is Chinese only", fix=f'write --{what} "中文,English"')
    specs_dir.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as f:       # "x": never overwrite, even in a race
        f.write(spec_source(id, ch, ti))
    return path


EPILOG = """examples:
  python -m llmviz_dsl new ppo-clip                 chapter and title from the catalog
  python -m llmviz_dsl new my-figure --chapter "强化学习基础,RL basics" --title "回报,Return"

ID is a catalog slug (lowercase words joined by '-'); it names specs/ID.py
and the rendered files. The new spec is a three-node flow that builds at
once: replace it with the figure. An existing spec is never overwritten.
"""


def add_command(sub, root: Path) -> None:
    p = sub.add_parser("new", help="start a spec: write specs/ID.py that builds at once",
                       description="Write specs/ID.py, a small spec that builds at once, with the chapter and "
                                   "title of the catalog entry ID (or the ones given), and print the next steps.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("id", metavar="ID", help="the diagram's catalog id, e.g. ppo-clip")
    p.add_argument("--chapter", metavar="ZH,EN", help='chapter in both languages, e.g. "DPO,DPO"')
    p.add_argument("--title", metavar="ZH,EN", help='title in both languages, e.g. "回报,Return"')
    p.add_argument("--catalog", type=Path, default=None, metavar="FILE",
                   help="a catalog JSON (records with id, chapter_zh/en, title_zh/en) to take them from")
    p.add_argument("--specs", type=Path, default=root / "specs", help="spec directory (default: specs/)")
    p.set_defaults(run=run)


def run(args) -> int:
    path = new_spec(args.specs, args.id, args.chapter, args.title, args.catalog)
    i = args.id
    steps = [(f"python -m llmviz_dsl watch {i}", "live preview in zh and en while you edit"),
             (f"python -m llmviz_dsl lint {i}", "overlaps, overflow, crossings, contrast, translations"),
             (f"python -m llmviz_dsl build {i}", f"render build/{{zh,en}}/{{svg,png}}/{i}.* (the snapshots)"),
             (".venv/bin/python -m pytest -q", "the test suite"),
             ("python -m llmviz_dsl diff --base origin/main", "the picture report for the pull request")]
    w = max(len(c) for c, _ in steps)
    print(f"created {path}\n\nnext:")
    for c, what in steps:
        print(f"  {c:{w}}  {what}")
    return 0
