"""Benchmark the build: cold full build, no-op rebuild, one-spec rebuild,
time per pipeline stage, peak memory; and, on equivalent graphs in the same
run, Graphviz dot (the bundled one) and — where installed — mermaid-cli and D2.

    python bench/run.py            print the table
    python bench/run.py --write    also put it in bench/README.md

Targets (per diagram-language = one SVG + its PNG): cold build <= 100 ms on
2 cores, no-op rebuild of the whole set <= 1 s, one-spec rebuild <= 300 ms.
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from llmviz_dsl.build import LANGS  # noqa: E402
from llmviz_dsl.loader import load_spec, spec_files  # noqa: E402

PY = sys.executable


def _run(args: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run([PY, "-m", "llmviz_dsl", *args], cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    return time.perf_counter() - t0


def whole_builds(specs: Path, n_out: int) -> dict[str, float]:
    """Builds as a user runs them: new processes, all cores."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        work = Path(tmp) / "specs"
        shutil.copytree(specs, work)
        cold = _run(["build", "--specs", str(work), "--out", str(out), "-q"])
        noop = _run(["build", "--specs", str(work), "--out", str(out), "-q"])
        one = sorted(work.glob("*.py"))[0]
        one.write_text(one.read_text() + "\n# edited\n")
        edit = _run(["build", "--specs", str(work), "--out", str(out), "-q"])
        serial = _run(["build", "--specs", str(work), "--out", str(Path(tmp) / "serial"), "-q", "-j", "1"])
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"cold": cold, "cold_serial": serial, "noop": noop, "one": edit, "peak_mb": peak,
            "per_render_cold": cold / n_out}


def stages(files: list[Path]) -> dict[str, list[float]]:
    """Per diagram-language, in one warm process: the time of each stage."""
    from llmviz_dsl.pipeline import Arranged, build_scene, place, route_edges
    from llmviz_dsl.raster import SCALE, to_png
    from llmviz_dsl.svg import to_svg
    out: dict[str, list[float]] = {k: [] for k in ("load", "measure+layout", "route", "paint", "svg", "png")}
    for f in files:
        t = time.perf_counter()
        d = load_spec(f)
        out["load"].append(time.perf_counter() - t)
        for lang in LANGS:
            t = time.perf_counter()
            ctx, root, index = place(d, lang)
            t1 = time.perf_counter()
            routes, obstacles = route_edges(ctx, root, index, d.edges)
            t2 = time.perf_counter()
            scene = build_scene(d, lang, Arranged(ctx, root, index, routes, obstacles))
            t3 = time.perf_counter()
            to_svg(scene)
            t4 = time.perf_counter()
            to_png(to_svg(scene, text_layer=False, scale=SCALE))
            t5 = time.perf_counter()
            for k, v in zip(("measure+layout", "route", "paint", "svg", "png"), (t1 - t, t2 - t1, t3 - t2, t4 - t3,
                                                                                 t5 - t4)):
                out[k].append(v)
    return out


def equivalent_graph(d) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The diagram as a plain graph: its labelled nodes and its edges."""
    from llmviz_dsl.model import Node, walk
    nodes = [(e.id or f"n{i}", (e.label.en if e.label else "").replace("$", ""))
             for i, e in enumerate(walk(d.body)) if isinstance(e, Node)]
    ids = {n for n, _ in nodes}
    edges = [(e.src.split(".")[0], e.dst.split(".")[0]) for e in d.edges
             if e.src.split(".")[0] in ids and e.dst.split(".")[0] in ids]
    return nodes, edges


def peers(diagrams) -> dict[str, float | str]:
    """Render the equivalent graphs with Graphviz dot (in-process, the
    bundled build) and the command-line tools that are installed."""
    import pygraphviz as pgv
    res: dict[str, float | str] = {}
    graphs = [equivalent_graph(d) for d in diagrams]
    for fmt_ in ("svg", "png"):
        t = time.perf_counter()
        try:
            for nodes, edges in graphs:
                g = pgv.AGraph(directed=True)
                for n, lab in nodes:
                    g.add_node(n, label=lab, shape="box", style="rounded,filled", fillcolor="#71CCF5")
                for a, b in edges:
                    g.add_edge(a, b)
                g.draw(format=fmt_, prog="dot")
            res[f"dot -T{fmt_}"] = (time.perf_counter() - t) / len(graphs)
        except Exception as e:  # e.g. no PNG renderer in the bundled Graphviz
            res[f"dot -T{fmt_}"] = f"unavailable ({type(e).__name__})"
    mmdc, d2 = shutil.which("mmdc"), shutil.which("d2")
    with tempfile.TemporaryDirectory() as tmp:
        for name, exe in (("mermaid-cli", mmdc), ("d2", d2)):
            if not exe:
                res[name] = "not installed"
                continue
            t = time.perf_counter()
            for i, (nodes, edges) in enumerate(graphs):
                src = Path(tmp) / f"g{i}.{'mmd' if name == 'mermaid-cli' else 'd2'}"
                if name == "mermaid-cli":
                    lines = ["flowchart LR"] + [f'  {n}["{lab or n}"]' for n, lab in nodes]
                    lines += [f"  {a} --> {b}" for a, b in edges]
                    args = [exe, "-q", "-i", str(src), "-o", str(src.with_suffix(".svg"))]
                else:
                    lines = [f'{n}: "{lab or n}"' for n, lab in nodes] + [f"{a} -> {b}" for a, b in edges]
                    args = [exe, str(src), str(src.with_suffix(".svg"))]
                src.write_text("\n".join(lines) + "\n")
                subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            res[name] = (time.perf_counter() - t) / len(graphs)
    return res


def ms(x: float) -> str:
    return f"{1000 * x:.0f} ms"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help="also write the table into bench/README.md")
    args = ap.parse_args()
    specs = ROOT / "specs"
    files = spec_files(specs)
    diagrams = [load_spec(f) for f in files]
    n_out = len(files) * len(LANGS)
    print(f"{len(files)} specs x {len(LANGS)} languages = {n_out} renders; {os.cpu_count()} cores; "
          f"Python {platform.python_version()}", file=sys.stderr)
    w = whole_builds(specs, n_out)
    st = stages(files)
    pr = peers(diagrams)
    per_render = {k: statistics.mean(v) for k, v in st.items() if k != "load"}
    ours = sum(per_render.values())
    rows = [
        ("cold full build (new process, all cores)", ms(w["cold"]), f"{ms(w['per_render_cold'])} per render",
         "<= 100 ms per render", "met" if w["per_render_cold"] <= 0.1 else "not met"),
        ("cold full build, 1 process", ms(w["cold_serial"]), f"{ms(w['cold_serial'] / n_out)} per render",
         "", f"parallel speed-up x{w['cold_serial'] / w['cold']:.2f}"),
        ("no-op rebuild (whole set)", ms(w["noop"]), "", "<= 1 s", "met" if w["noop"] <= 1 else "not met"),
        ("one-spec rebuild", ms(w["one"]), "", "<= 300 ms", "met" if w["one"] <= 0.3 else "not met"),
        ("peak memory of a build process", f"{w['peak_mb']:.0f} MB", "", "", ""),
    ]
    lines = ["| measure | time | per render | target | |", "|---|---|---|---|---|"]
    lines += [f"| {' | '.join(r)} |" for r in rows]
    lines += ["", "Per render (one diagram in one language), warm process, mean over the set:", "",
              "| stage | mean | max |", "|---|---|---|"]
    lines.append(f"| load spec (per spec) | {ms(statistics.mean(st['load']))} | {ms(max(st['load']))} |")
    for k, v in per_render.items():
        lines.append(f"| {k} | {ms(v)} | {ms(max(st[k]))} |")
    lines.append(f"| **all stages** | **{ms(ours)}** | |")
    lines += ["", "Peers on the equivalent graphs (each diagram's nodes with their labels and its edges; "
              "no panels, math, icons or footer), per graph:", "", "| tool | per graph | ours / tool |", "|---|---|---|"]
    for k, v in pr.items():
        lines.append(f"| {k} | {ms(v) if isinstance(v, float) else v} | "
                     f"{f'x{ours / v:.1f}' if isinstance(v, float) and v else ''} |")
    table = "\n".join(lines)
    print(table)
    if args.write:
        readme = ROOT / "bench" / "README.md"
        text = readme.read_text()
        stamp = (f"Last run: {len(files)} specs, {n_out} renders, {os.cpu_count()} cores, "
                 f"Python {platform.python_version()}, {platform.machine()}.\n\n")
        text = re.sub(r"(<!-- results -->\n).*(<!-- /results -->)", lambda m: m.group(1) + stamp + table + "\n"
                      + m.group(2), text, flags=re.S)
        readme.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
