"""Gallery pages: every diagram that has a spec, in the order of the book's
repository README, one page per language (a heading and the rendered image
for each), regenerated from specs/ and build/."""
from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from .build import LANGS

DATA = Path(__file__).parent / "data" / "gallery_order.json"
TEMPLATES = Path(__file__).parent / "templates"
PAGES = {"zh": "README.md", "en": "README_en.md"}
TEXT = {
    "zh": {"title": "图库", "intro": "《大模型算法》配图，由 `specs/` 中的规格生成", "other_name": "English",
           "count": "共 {n} 幅图，顺序同原仓库 README；点击图片查看 SVG 矢量图。"},
    "en": {"title": "Gallery", "intro": "Figures of *Large Model Algorithms*, rendered from the specs in `specs/`",
           "other_name": "中文", "count": "{n} figures, in the order of the original README; click a picture "
                                          "for the SVG."},
}


@functools.lru_cache(maxsize=1)
def catalog() -> dict[str, dict]:
    """Per diagram id: README position and headings, chapter and title."""
    with open(DATA, encoding="utf-8") as f:
        return {r["id"]: r for r in json.load(f)["diagrams"]}


def md(text: str) -> str:
    """Text shown literally in Markdown (a heading like "[DPO] ..." is no link)."""
    return "".join("\\" + c if c in "\\[]*_<>`" else c for c in text)


def template_env():
    import jinja2
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), keep_trailing_newline=True,
                             undefined=jinja2.StrictUndefined, autoescape=False)
    env.filters["md"] = md
    return env


@dataclass
class Entry:
    id: str
    heading: str
    png: str
    svg: str


def _rel(target: Path, start: Path) -> str:
    return Path(os.path.relpath(target, start)).as_posix()


def entries(specs_dir: Path, build_dir: Path, out_dir: Path, lang: str, log=print) -> list[Entry]:
    """The diagrams with a spec: README order first, the rest by id."""
    from .errors import SpecError
    from .loader import load_spec, spec_files
    cat = catalog()
    ids = [p.stem for p in spec_files(specs_dir)]
    order = sorted(ids, key=lambda i: (cat.get(i, {}).get("position") is None,
                                       cat.get(i, {}).get("position") or 0, i))
    out = []
    for i in order:
        heading = cat.get(i, {}).get(f"heading_{lang}")
        if heading is None:       # not in the README: the spec's own chapter and title
            try:
                d = load_spec(specs_dir / f"{i}.py")
                ch, ti = d.chapter.get(lang), d.title.get(lang)
                heading = f"【{ch}】{ti}" if lang == "zh" else f"[{ch}] {ti}"
            except SpecError as e:
                log(f"warning: {e}")
                heading = i
        png = build_dir / lang / "png" / f"{i}.png"
        if not png.is_file():
            log(f"warning: {i}: no {png} yet (python -m llmviz_dsl build {i})")
        out.append(Entry(i, heading, _rel(png, out_dir), _rel(build_dir / lang / "svg" / f"{i}.svg", out_dir)))
    return out


def render_pages(specs_dir: Path, build_dir: Path, out_dir: Path, log=print) -> dict[Path, str]:
    """{page path: markdown} for both languages."""
    tpl = template_env().get_template("gallery.md.j2")
    pages = {}
    for lang in LANGS:
        other = PAGES["en" if lang == "zh" else "zh"]
        pages[out_dir / PAGES[lang]] = tpl.render(t=TEXT[lang], other_page=other,
                                                  entries=entries(specs_dir, build_dir, out_dir, lang, log))
    return pages


EPILOG = """examples:
  python -m llmviz_dsl gallery                 write gallery/README.md and gallery/README_en.md
  python -m llmviz_dsl gallery --out docs      write the pages into docs/
  python -m llmviz_dsl gallery --check         exit 1 if the pages are out of date

Diagrams appear in the order of the book's repository README
(src/llmviz_dsl/data/gallery_order.json), only those with a spec; a spec
not in that list comes last, headed by its own chapter and title. Images
link into build/: build the specs first.
"""


def add_command(sub, root: Path) -> None:
    p = sub.add_parser("gallery", help="regenerate the zh and en gallery pages from the specs",
                       description="Write a gallery page per language: each diagram's heading and its "
                                   "rendered PNG (linking to the SVG), in README order.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, default=root / "gallery", help="directory of the pages (default: gallery/)")
    p.add_argument("--specs", type=Path, default=root / "specs", help="spec directory (default: specs/)")
    p.add_argument("--build", type=Path, default=root / "build", help="rendered figures (default: build/)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if a page would change")
    p.set_defaults(run=run)


def run(args) -> int:
    from .build import write_atomic
    log = (lambda m: print(m, file=sys.stderr))
    pages = render_pages(args.specs, args.build, args.out, log)
    if args.check:
        stale = [p for p, text in pages.items() if not p.is_file() or p.read_text(encoding="utf-8") != text]
        for p in stale:
            print(f"out of date: {p} (run python -m llmviz_dsl gallery)", file=sys.stderr)
        return 1 if stale else 0
    for p, text in pages.items():
        changed = write_atomic(p, text.encode("utf-8"))
        print(f"{'wrote' if changed else 'unchanged'} {p}")
    return 0
