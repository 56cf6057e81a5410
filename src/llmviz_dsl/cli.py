"""Command line: `python -m llmviz_dsl build|list ...`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import SpecError
from .theme import project_root

EPILOG = """examples:
  python -m llmviz_dsl build                    build every spec in zh and en
  python -m llmviz_dsl build grpo-vs-ppo --lang en
  python -m llmviz_dsl list                     the specs and their titles
  python -m llmviz_dsl watch grpo-vs-ppo        live preview, re-rendered on save
  python -m llmviz_dsl diff --base origin/main  HTML report of the pictures a change alters
  python -m llmviz_dsl new ppo-clip             start specs/ppo-clip.py (builds at once)
  python -m llmviz_dsl lint grpo-vs-ppo         overlaps, overflow, crossings, contrast, translations
  python -m llmviz_dsl schema --out spec.json   JSON Schema of the spec model, for editors
  python -m llmviz_dsl gallery                  gallery/README.md and README_en.md from the specs

A spec is specs/<id>.py defining `diagram = Diagram(...)`; see README.md.
"""


def main(argv: list[str] | None = None) -> int:
    root = project_root()
    ap = argparse.ArgumentParser(prog="python -m llmviz_dsl", description=
                                 "Render the diagram specs to themed zh and en SVG + PNG.",
                                 epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True, metavar="COMMAND")
    b = sub.add_parser("build", help="render specs to build/<lang>/{svg,png}/<id>.*",
                       description="Render specs (all, or the ids named) to build/<lang>/svg/<id>.svg and "
                                   "build/<lang>/png/<id>.png. A failing spec is reported with file:line and "
                                   "the others still build; the exit code is 1 if any failed.")
    b.add_argument("ids", nargs="*", metavar="ID", help="spec ids (file names in specs/ without .py)")
    b.add_argument("--lang", choices=["zh", "en", "all"], default="all", help="language(s) to render (default: all)")
    b.add_argument("--out", type=Path, default=root / "build", help="output directory (default: build/)")
    b.add_argument("--specs", type=Path, default=root / "specs", help="spec directory (default: specs/)")
    b.add_argument("--no-png", action="store_true", help="write SVG only")
    b.add_argument("-q", "--quiet", action="store_true", help="print only errors and the summary")
    b.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help="render on N processes (default: one per core)")
    b.add_argument("--force", action="store_true",
                   help="render even outputs whose spec, themes and engine are unchanged since the last build")
    ls = sub.add_parser("list", help="list the specs", description="List the spec ids with their titles.")
    ls.add_argument("--specs", type=Path, default=root / "specs")
    from . import diff, watch
    watch.add_command(sub, root)
    diff.add_command(sub, root)
    from . import gallery, lint, scaffold, schema
    for command in (scaffold, lint, schema, gallery):
        command.add_command(sub, root)
    args = ap.parse_args(argv)
    try:
        if hasattr(args, "run"):   # commands that bring their own parser and runner
            return args.run(args)
        if args.cmd == "list":
            from .loader import load_spec, spec_files
            bad = 0
            for p in spec_files(args.specs):
                try:
                    d = load_spec(p)
                    print(f"{d.id:36} {d.title.zh} / {d.title.en}")
                except SpecError as e:
                    bad += 1
                    print(f"{p.stem:36} error: {e}", file=sys.stderr)
            return 1 if bad else 0
        if args.cmd == "build":
            from .build import LANGS, build
            langs = LANGS if args.lang == "all" else (args.lang,)
            log = (lambda m: print(m, file=sys.stderr) if "error:" in m else None) if args.quiet else \
                (lambda m: print(m, flush=True))
            rep = build(args.specs, args.out, args.ids, langs, not args.no_png, log, jobs=args.jobs,
                        cache=not args.force)
            print(f"built {len(rep.built)}, unchanged {len(rep.cached)}, failed {len(rep.failed)} -> {args.out}")
            for what, err in rep.failed:
                print(f"error: {err}", file=sys.stderr)
            return 1 if rep.failed else 0
    except SpecError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted; files already written are complete, none is partial", file=sys.stderr)
        return 130
    return 0
