"""`diff`: what a change does to the pictures. Two git refs (or a ref and the
working tree) are each built by their own code, or two build directories are
taken as they are; their PNGs are compared per diagram and language and one
self-contained HTML report shows the changes (side by side, swipe, onion skin,
pixel mask)."""
from __future__ import annotations

import base64
import html
import io
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .theme import project_root

LANG_ORDER = {"zh": 0, "en": 1}
STATUSES = ("changed", "added", "removed", "unchanged")


class DiffError(Exception):
    """A diff that cannot be made (a bad ref, a missing directory)."""


@dataclass
class Pair:
    """One diagram in one language, before and after."""
    id: str
    lang: str
    before: Path | None
    after: Path | None
    status: str = "unchanged"
    changed_px: int = 0
    total_px: int = 0
    size_before: tuple[int, int] | None = None
    size_after: tuple[int, int] | None = None
    mask: bytes | None = None     # PNG: the changed pixels over a faded "after"

    @property
    def share(self) -> float:
        """Fraction of pixels changed, over the union of both canvases."""
        return self.changed_px / self.total_px if self.total_px else 0.0

    @property
    def anchor(self) -> str:
        return f"{self.id}--{self.lang}"


@dataclass
class Side:
    """One side of the comparison: where its PNGs are and what its build said."""
    label: str
    dir: Path
    errors: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- comparing


def _pngs(root: Path) -> dict[tuple[str, str], Path]:
    return {(p.stem, p.parent.parent.name): p for p in sorted(Path(root).glob("*/png/*.png"))}


def compare_pngs(a: Path, b: Path) -> tuple[int, int, "Image.Image | None"]:
    """(pixels changed, pixels in the union of both canvases, mask or None).
    A canvas of another size counts every pixel outside the overlap that
    differs from nothing (transparent)."""
    from PIL import Image, ImageChops
    with Image.open(a) as ia, Image.open(b) as ib:
        ia, ib = ia.convert("RGBA"), ib.convert("RGBA")
    w, h = max(ia.width, ib.width), max(ia.height, ib.height)
    if ia.size != (w, h) or ib.size != (w, h):
        pa, pb = Image.new("RGBA", (w, h)), Image.new("RGBA", (w, h))
        pa.paste(ia, (0, 0))
        pb.paste(ib, (0, 0))
        ia, ib = pa, pb
    # Any channel that differs marks the pixel (a luminance diff would hide
    # small changes of hue).
    r, g, bl, al = ImageChops.difference(ia, ib).split()
    m = ImageChops.lighter(ImageChops.lighter(r, g), ImageChops.lighter(bl, al))
    mask = m.point(lambda v: 255 if v else 0)
    changed = mask.histogram()[255]
    return changed, w * h, (mask if changed else None)


def _mask_png(after: Path, mask) -> bytes:
    """Changed pixels in red (dilated so a one-pixel change is visible at page
    scale) over a faded copy of the new picture, the changed area outlined."""
    from PIL import Image, ImageDraw, ImageFilter
    with Image.open(after) as im:
        base = Image.new("RGBA", mask.size, (255, 255, 255, 255))
        base.paste(im.convert("RGBA"), (0, 0))
    faded = base.convert("L").point(lambda v: 255 - (255 - v) // 4).convert("RGB")
    red = Image.new("RGB", mask.size, (220, 20, 60))
    out = Image.composite(red, faded, mask.filter(ImageFilter.MaxFilter(5)))
    box = mask.getbbox()
    if box:
        x0, y0, x1, y1 = box
        ImageDraw.Draw(out).rectangle((max(x0 - 6, 0), max(y0 - 6, 0), x1 + 5, y1 + 5),
                                      outline=(220, 20, 60), width=3)
    buf = io.BytesIO()
    out.save(buf, "PNG")
    return buf.getvalue()


def _size(p: Path) -> tuple[int, int]:
    from PIL import Image
    with Image.open(p) as im:
        return im.size


def compare_dirs(dir_a: Path, dir_b: Path, log=lambda m: None) -> list[Pair]:
    """Every diagram x language found in either build directory, with its status."""
    a, b = _pngs(dir_a), _pngs(dir_b)
    pairs = []
    for key in sorted(a.keys() | b.keys(), key=lambda k: (k[0], LANG_ORDER.get(k[1], 9), k[1])):
        p = Pair(key[0], key[1], a.get(key), b.get(key))
        if p.before:
            p.size_before = _size(p.before)
        if p.after:
            p.size_after = _size(p.after)
        if p.before is None or p.after is None:
            p.status = "added" if p.before is None else "removed"
        elif p.before.read_bytes() != p.after.read_bytes():
            p.changed_px, p.total_px, mask = compare_pngs(p.before, p.after)
            if mask is not None:
                p.status = "changed"
                p.mask = _mask_png(p.after, mask)
        log(f"{p.id} {p.lang}: {p.status}" + (f" ({100 * p.share:.2f} % of pixels)" if p.status == "changed" else ""))
        pairs.append(p)
    return pairs


# ---------------------------------------------------------------- building refs


def _git(root: Path, *args: str) -> str:
    if not shutil.which("git"):
        raise DiffError("comparing refs needs git (fix: install git, or compare two build directories)")
    r = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True)
    if r.returncode:
        raise DiffError(f"git {' '.join(args)}: {r.stderr.strip() or 'failed'}")
    return r.stdout.strip()


def export_ref(root: Path, ref: str, dest: Path) -> str:
    """Write the tree of `ref` into `dest` (read-only for the repository);
    returns the commit id."""
    try:
        commit = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except DiffError:
        commit = ""
    if not commit:
        raise DiffError(f"{ref!r} is not a commit in {root} (fix: fetch it, e.g. `git fetch origin {ref}`)")
    dest.mkdir(parents=True, exist_ok=True)
    tar = subprocess.run(["git", "-C", str(root), "archive", "--format=tar", commit], capture_output=True)
    if tar.returncode:
        raise DiffError(f"git archive {ref}: {tar.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(tar.stdout)) as tf:
        tf.extractall(dest, filter="data")
    return commit


def build_tree(tree: Path, out: Path, label: str, log=lambda m: None) -> list[str]:
    """Render every spec of a checkout with that checkout's own package (its
    src/ first on the path, its themes), so a change of the framework shows
    in the pictures. Returns the error lines its build printed."""
    if not (tree / "src" / "llmviz_dsl").is_dir():
        log(f"{label}: no llmviz_dsl package in this tree; nothing to build")
        return []
    env = dict(os.environ, LLMVIZ_ROOT=str(tree),
               PYTHONPATH=os.pathsep.join([str(tree / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]))
    cmd = [sys.executable, "-m", "llmviz_dsl", "build", "--out", str(out), "--specs", str(tree / "specs")]
    log(f"{label}: building {tree}")
    proc = subprocess.Popen(cmd, cwd=tree, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, encoding="utf-8", errors="replace")
    lines = []
    for line in proc.stdout:
        lines.append(line.rstrip())
        log(f"{label}: {lines[-1]}")
    errors = [line for line in lines if line.startswith("error:")]   # the build's summary of each failure
    if proc.wait():
        if not errors:   # a crash: its last line names the exception
            errors = lines[-1:]
        errors.append(f"the build exited with status {proc.returncode}")
    return errors


# ---------------------------------------------------------------- report


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _fmt_size(s: tuple[int, int] | None) -> str:
    return f"{s[0]}×{s[1]}" if s else "—"


def _share(p: Pair) -> str:
    if p.status in ("added", "removed"):
        return "—"
    return f"{100 * p.share:.2f} %"


def _layers(p: Pair) -> str:
    """Style of a pair's block: both pictures once, as CSS variables every
    view reuses (no picture is inlined twice); sizes relative to the union."""
    w = max(p.size_before[0], p.size_after[0])
    h = max(p.size_before[1], p.size_after[1])
    return (f"--before:url({_data_uri(p.before.read_bytes())});--after:url({_data_uri(p.after.read_bytes())});"
            f"--wb:{100 * p.size_before[0] / w:.4f}%;--wa:{100 * p.size_after[0] / w:.4f}%;"
            f"--ratio:{w}/{h};--width:{w // 2}px")


def _figure(caption: str, png: Path, size: tuple[int, int]) -> str:
    return (f'<figure><figcaption>{html.escape(caption)}</figcaption>'
            f'<img alt="{html.escape(caption)}" src="{_data_uri(png.read_bytes())}" '
            f'style="width:{size[0] // 2}px"></figure>')


def _detail(p: Pair) -> str:
    title = f"{html.escape(p.id)} · {p.lang} · {p.status}"
    if p.status == "added":
        return f'<section id="{p.anchor}" class="pair added"><h2>{title}</h2>' \
               f'{_figure("after", p.after, p.size_after)}</section>'
    if p.status == "removed":
        return f'<section id="{p.anchor}" class="pair removed"><h2>{title}</h2>' \
               f'{_figure("before", p.before, p.size_before)}</section>'
    return f"""<section id="{p.anchor}" class="pair changed" style="{_layers(p)}">
<h2>{title} <small>{_share(p)} of pixels · {_fmt_size(p.size_before)} → {_fmt_size(p.size_after)}</small></h2>
<h3>Side by side</h3>
<div class="sbs"><figure><figcaption>before</figcaption><div class="stage"><div class="layer before"></div></div></figure>
<figure><figcaption>after</figcaption><div class="stage"><div class="layer after"></div></div></figure></div>
<h3>Swipe <small>before on the left, after on the right</small></h3>
<div class="view swipe"><input type="range" min="0" max="100" value="50" aria-label="swipe position">
<div class="stage"><div class="layer before"></div><div class="layer after"></div><div class="divider"></div></div></div>
<h3>Onion skin <small>opacity of after over before</small></h3>
<div class="view onion"><input type="range" min="0" max="100" value="50" aria-label="opacity of after">
<div class="stage"><div class="layer before"></div><div class="layer after"></div></div></div>
<h3>Changed pixels</h3>
<div class="view mask"><img alt="changed pixels" src="{_data_uri(p.mask)}"></div>
</section>"""


CSS = """
body { margin: 0; padding: 16px 24px; font: 14px/1.4 system-ui, sans-serif; color: #111; background: #f9fafb; }
h1 { font-size: 20px; } h2 { font-size: 17px; margin: 0 0 8px; } h3 { font-size: 14px; margin: 14px 0 4px; }
small { color: #6b7280; font-weight: normal; }
table { border-collapse: collapse; background: #fff; }
th, td { border: 1px solid #e5e7eb; padding: 4px 10px; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.st { padding: 1px 6px; border-radius: 3px; font-size: 12px; }
.st-changed { background: #fef3c7; } .st-added { background: #d1fae5; } .st-removed { background: #fee2e2; }
.st-unchanged { color: #6b7280; }
.notes { background: #fef2f2; border: 1px solid #fca5a5; padding: 6px 10px; white-space: pre-wrap;
         font: 12px/1.4 ui-monospace, monospace; }
section.pair { background: #fff; margin: 24px 0; padding: 12px 16px; border-radius: 6px; box-shadow: 0 1px 3px #0002; }
figure { margin: 0; } figcaption { font-size: 12px; color: #6b7280; }
img { max-width: 100%; height: auto; border: 1px solid #e5e7eb; }
.sbs { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; }
.stage { position: relative; width: var(--width); max-width: 100%; aspect-ratio: var(--ratio);
         border: 1px solid #e5e7eb; background: #fff; overflow: hidden; }
.layer { position: absolute; inset: 0; background-repeat: no-repeat; background-position: 0 0; }
.layer.before { background-image: var(--before); background-size: var(--wb) auto; }
.layer.after { background-image: var(--after); background-size: var(--wa) auto; }
.swipe { --swipe: 50%; } .onion { --onion: 0.5; }
.swipe .layer.after { clip-path: inset(0 0 0 var(--swipe)); }
.swipe .divider { position: absolute; top: 0; bottom: 0; left: var(--swipe); width: 2px; margin-left: -1px;
                  background: #dc143c; }
.onion .layer.after { opacity: var(--onion); }
.view input[type=range] { display: block; width: min(var(--width), 100%); margin: 0 0 4px; }
"""

SCRIPT = """
for (const input of document.querySelectorAll(".swipe input")) {
  input.addEventListener("input", () => input.parentNode.style.setProperty("--swipe", input.value + "%"));
}
for (const input of document.querySelectorAll(".onion input")) {
  input.addEventListener("input", () => input.parentNode.style.setProperty("--onion", input.value / 100));
}
"""


def report_html(pairs: list[Pair], base: Side, head: Side) -> str:
    counts = {s: sum(p.status == s for p in pairs) for s in STATUSES}
    rows = []
    for p in pairs:
        name = html.escape(p.id)
        if p.status != "unchanged":
            name = f'<a href="#{p.anchor}">{name}</a>'
        rows.append(f'<tr class="row-{p.status}" data-id="{html.escape(p.id)}" data-lang="{p.lang}">'
                    f'<td>{name}</td><td>{p.lang}</td><td><span class="st st-{p.status}">{p.status}</span></td>'
                    f'<td class="num">{_share(p)}</td>'
                    f'<td>{_fmt_size(p.size_before)} → {_fmt_size(p.size_after)}</td></tr>')
    notes = "".join(f'<div class="notes">{html.escape(s.label)} build reported:\n'
                    f'{html.escape(chr(10).join(s.errors))}</div>' for s in (base, head) if s.errors)
    summary = ", ".join(f"{counts[s]} {s}" for s in STATUSES)
    order = {"changed": 0, "added": 1, "removed": 2}
    details = "\n".join(_detail(p) for p in sorted(pairs, key=lambda p: order.get(p.status, 3))
                        if p.status != "unchanged")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>llmviz diff: {html.escape(base.label)} → {html.escape(head.label)}</title>
<style>{CSS}</style></head>
<body>
<h1>Rendered changes: {html.escape(base.label)} → {html.escape(head.label)}</h1>
<p id="summary">{summary}</p>
{notes}
<table id="summary-table"><thead><tr><th>diagram</th><th>language</th><th>status</th>
<th>pixels changed</th><th>size (px)</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
{details or '<p>No picture changed.</p>'}
<script>{SCRIPT}</script>
</body></html>
"""


# ---------------------------------------------------------------- command


def run_diff(dirs: list[Path], base: str | None, head: str | None, out: Path, log=lambda m: None,
             root: Path | None = None) -> list[Pair]:
    """Compare two build directories, or git refs of the checkout `root`
    (base default HEAD; head None = the working tree), and write the report."""
    root = Path(root) if root else project_root()
    with tempfile.TemporaryDirectory(prefix="llmviz-diff-") as tmp:
        tmp = Path(tmp)
        if dirs:
            sides = [Side(str(d), Path(d)) for d in dirs]
            for s in sides:
                if not s.dir.is_dir():
                    raise DiffError(f"{s.dir} is not a directory")
        else:
            sides = []
            for name, ref in (("base", base or "HEAD"), ("head", head)):
                if ref is None:
                    side = Side("working tree", tmp / name / "out")
                    side.errors = build_tree(root, side.dir, name, log)
                else:
                    log(f"{name}: exporting {ref}")
                    tree = tmp / name / "tree"
                    commit = export_ref(root, ref, tree)
                    side = Side(f"{ref} ({commit[:10]})", tmp / name / "out")
                    side.errors = build_tree(tree, side.dir, name, log)
                sides.append(side)
        log("comparing")
        pairs = compare_dirs(sides[0].dir, sides[1].dir, log)
        text = report_html(pairs, sides[0], sides[1])
    out.parent.mkdir(parents=True, exist_ok=True)
    from .build import write_atomic
    write_atomic(out, text.encode("utf-8"))
    return pairs


def add_command(sub, root: Path) -> None:
    d = sub.add_parser(
        "diff", help="compare the renders of two git refs or two build directories (HTML report)",
        description="Build the specs of two git refs (default: HEAD and the working tree), each with its own "
                    "code, or take two build directories as they are, compare their PNGs per diagram and "
                    "language, and write one self-contained HTML report.")
    d.add_argument("dirs", nargs="*", type=Path, metavar="DIR", help="two build directories (instead of git refs)")
    d.add_argument("--base", help="git ref of the pictures before (default: HEAD)")
    d.add_argument("--head", help="git ref of the pictures after (default: the working tree)")
    d.add_argument("--out", type=Path, default=Path("diff-report.html"),
                   help="report file (default: diff-report.html)")
    d.add_argument("--fail-on-change", action="store_true", help="exit 1 when any picture was added, removed or changed")
    d.set_defaults(run=lambda args: main(args, d))


def main(args, parser) -> int:
    if len(args.dirs) not in (0, 2):
        parser.error("give two build directories, or none to compare git refs")
    if args.dirs and (args.base or args.head):
        parser.error("--base/--head compare git refs; they do not go with build directories")
    log = lambda m: print(m, file=sys.stderr, flush=True)   # noqa: E731
    try:
        pairs = run_diff(args.dirs, args.base, args.head, args.out, log)
    except DiffError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    counts = {s: sum(p.status == s for p in pairs) for s in STATUSES}
    print(", ".join(f"{counts[s]} {s}" for s in STATUSES) + f" -> {args.out}")
    return 1 if args.fail_on_change and len(pairs) != counts["unchanged"] else 0
