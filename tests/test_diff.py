"""`diff`: pixel comparison of two build directories, the report, and
building git refs each with its own code."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from llmviz_dsl.cli import main
from llmviz_dsl.diff import DiffError, build_tree, compare_dirs, export_ref, run_diff
from llmviz_dsl.theme import project_root


def png(path: Path, size=(100, 50), rect=None, color=(0, 0, 0)) -> Path:
    """A white canvas, optionally with one filled rectangle (x0, y0, x1, y1 inclusive)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    im = Image.new("RGB", size, (255, 255, 255))
    if rect:
        ImageDraw.Draw(im).rectangle(rect, fill=color)
    im.save(path)
    return path


def build_dir(root: Path, pictures: dict[str, dict]) -> Path:
    """root/<lang>/png/<id>.png for 'id/lang' -> png() keyword arguments."""
    for key, kw in pictures.items():
        sid, lang = key.split("/")
        png(root / lang / "png" / f"{sid}.png", **kw)
    return root


def status(pairs) -> dict[str, str]:
    return {f"{p.id}/{p.lang}": p.status for p in pairs}


def test_identical_dirs_report_no_change(tmp_path):
    pics = {"a/zh": {}, "a/en": {"rect": (1, 1, 5, 5)}, "b/zh": {}}
    pairs = compare_dirs(build_dir(tmp_path / "x", pics), build_dir(tmp_path / "y", pics))
    assert status(pairs) == {"a/zh": "unchanged", "a/en": "unchanged", "b/zh": "unchanged"}
    assert [p.share for p in pairs] == [0, 0, 0]
    assert [(p.id, p.lang) for p in pairs] == [("a", "zh"), ("a", "en"), ("b", "zh")], "zh before en"


def test_changed_share_counts_pixels(tmp_path):
    a = build_dir(tmp_path / "a", {"d/zh": {}, "d/en": {}})
    b = build_dir(tmp_path / "b", {"d/zh": {"rect": (10, 10, 19, 14)},            # 10 x 5 = 50 pixels
                                   "d/en": {"rect": (0, 0, 99, 0), "color": (254, 255, 255)}})  # 1 unit, red only
    zh, en = compare_dirs(a, b)
    assert (zh.status, zh.changed_px, zh.total_px) == ("changed", 50, 5000)
    assert zh.share == pytest.approx(0.01)
    assert (en.status, en.changed_px) == ("changed", 100), "a change of one channel by one unit counts"
    mask = Image.open(io.BytesIO(zh.mask))
    assert mask.size == (100, 50) and mask.getpixel((15, 12))[:3] == (220, 20, 60)
    assert mask.getpixel((60, 40))[:3] == (255, 255, 255), "unchanged white stays white"


def test_canvas_size_change_counts_the_new_area(tmp_path):
    a = build_dir(tmp_path / "a", {"d/zh": {"size": (100, 50)}})
    b = build_dir(tmp_path / "b", {"d/zh": {"size": (100, 60)}})
    [p] = compare_dirs(a, b)
    assert (p.status, p.changed_px, p.total_px) == ("changed", 1000, 6000)
    assert (p.size_before, p.size_after) == ((100, 50), (100, 60))


def test_reencoded_png_with_same_pixels_is_unchanged(tmp_path):
    a = png(tmp_path / "a" / "zh" / "png" / "d.png", rect=(3, 3, 9, 9))
    b = tmp_path / "b" / "zh" / "png" / "d.png"
    b.parent.mkdir(parents=True)
    Image.open(a).convert("RGBA").save(b, optimize=True)
    assert a.read_bytes() != b.read_bytes()
    assert status(compare_dirs(tmp_path / "a", tmp_path / "b")) == {"d/zh": "unchanged"}


def test_added_and_removed_are_listed(tmp_path):
    a = build_dir(tmp_path / "a", {"old/zh": {}, "old/en": {}, "keep/zh": {}})
    b = build_dir(tmp_path / "b", {"new/zh": {}, "keep/zh": {}, "keep/en": {}})
    assert status(compare_dirs(a, b)) == {"keep/zh": "unchanged", "keep/en": "added", "new/zh": "added",
                                          "old/zh": "removed", "old/en": "removed"}


def test_report_is_self_contained(tmp_path):
    a = build_dir(tmp_path / "a", {"d/zh": {}, "gone/en": {}, "same/zh": {}})
    b = build_dir(tmp_path / "b", {"d/zh": {"rect": (0, 0, 9, 9)}, "new/en": {}, "same/zh": {}})
    out = tmp_path / "r" / "report.html"
    assert main(["diff", str(a), str(b), "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", text, re.I), "no external references"
    assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import", text, re.I)
    rows = re.findall(r'<tr class="row-(\w+)" data-id="([^"]+)" data-lang="(\w+)"', text)
    assert rows == [("changed", "d", "zh"), ("removed", "gone", "en"), ("added", "new", "en"),
                    ("unchanged", "same", "zh")]
    assert "2.00 %" in text                      # 100 of 5000 pixels
    # The changed pair inlines before, after and mask once each; added/removed one picture each.
    assert text.count("data:image/png;base64,") == 5
    for view in ("sbs", "swipe", "onion", "mask"):
        assert f'class="view {view}"' in text or f'class="{view}"' in text


def test_fail_on_change_exit_code(tmp_path, capsys):
    a = build_dir(tmp_path / "a", {"d/zh": {}})
    b = build_dir(tmp_path / "b", {"d/zh": {"rect": (0, 0, 1, 1)}})
    out = str(tmp_path / "r.html")
    assert main(["diff", str(a), str(a), "--out", out, "--fail-on-change"]) == 0
    assert main(["diff", str(a), str(b), "--out", out, "--fail-on-change"]) == 1
    assert main(["diff", str(a), str(b), "--out", out]) == 0
    assert "1 changed, 0 added, 0 removed, 0 unchanged" in capsys.readouterr().out


def test_bad_arguments(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["diff", str(tmp_path)])
    with pytest.raises(SystemExit):
        main(["diff", str(tmp_path), str(tmp_path), "--base", "HEAD"])
    assert main(["diff", str(tmp_path / "nope"), str(tmp_path), "--out", str(tmp_path / "r.html")]) == 2
    assert "is not a directory" in capsys.readouterr().err


def test_tree_is_built_by_its_own_package(tmp_path):
    """A ref's specs are rendered by that ref's code: its src/ comes first on
    the path, ahead of the installed package."""
    tree = _fake_tree(tmp_path / "tree",
                      "import os, sys\n"
                      "out = sys.argv[sys.argv.index('--out') + 1]\n"
                      "os.makedirs(os.path.join(out, 'zh', 'png'))\n"
                      "open(os.path.join(out, 'zh', 'png', 'own.png'), 'wb').write(b'x')\n"
                      "print('built by', os.environ['LLMVIZ_ROOT'])\n")
    lines = []
    assert build_tree(tree, tmp_path / "out", "base", lines.append) == []
    assert (tmp_path / "out" / "zh" / "png" / "own.png").read_bytes() == b"x"
    assert f"base: built by {tree}" in lines


def _fake_tree(root: Path, main: str) -> Path:
    pkg = root / "src" / "llmviz_dsl"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "__main__.py").write_text(main)
    return root


def test_build_errors_reach_the_report(tmp_path):
    failing = _fake_tree(tmp_path / "f", "print('[1/1] x zh: error: boom')\nprint('error: specs/x.py:3: boom')\n"
                                         "raise SystemExit(1)\n")
    assert build_tree(failing, tmp_path / "o1", "base") == ["error: specs/x.py:3: boom",
                                                            "the build exited with status 1"]
    crashing = _fake_tree(tmp_path / "c", "raise RuntimeError('kaput')\n")
    assert build_tree(crashing, tmp_path / "o2", "head") == ["RuntimeError: kaput", "the build exited with status 1"]
    from llmviz_dsl.diff import Side, report_html
    text = report_html([], Side("base", tmp_path), Side("head", tmp_path, ["RuntimeError: kaput"]))
    assert '<div class="notes">head build reported:\nRuntimeError: kaput</div>' in text
    assert "No picture changed." in text


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t", *args],
                          check=True, capture_output=True, text=True).stdout.strip()


TINY = '''\
from llmviz_dsl import Diagram, Flow, Node
diagram = Diagram(id="tiny", chapter=("测试", "Test"), title=("小图", "Tiny"),
                  body=Flow(Node("a", ("输入", "{label}"), fill="data")))
'''


@pytest.fixture
def repo(tmp_path) -> Path:
    """A throwaway checkout: this package, the themes, one tiny spec, committed."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    root = project_root()
    r = tmp_path / "repo"
    shutil.copytree(root / "src", r / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(root / "themes", r / "themes")
    shutil.copy(root / "pyproject.toml", r)
    (r / "specs").mkdir()
    (r / "specs" / "tiny.py").write_text(TINY.format(label="Input"), encoding="utf-8")
    _git(r, "init", "-q")
    _git(r, "add", ".")
    _git(r, "commit", "-q", "-m", "tiny")
    return r


def test_export_ref(repo, tmp_path):
    (repo / "specs" / "tiny.py").write_text("changed\n")
    commit = export_ref(repo, "HEAD", tmp_path / "x")
    assert commit == _git(repo, "rev-parse", "HEAD")
    assert "Input" in (tmp_path / "x" / "specs" / "tiny.py").read_text(encoding="utf-8")
    with pytest.raises(DiffError, match="is not a commit"):
        export_ref(repo, "no-such-branch", tmp_path / "y")


def test_ref_against_working_tree(repo, tmp_path):
    (repo / "specs" / "tiny.py").write_text(TINY.format(label="Output prompt"), encoding="utf-8")
    (repo / "specs" / "extra.py").write_text(TINY.format(label="New").replace('"tiny"', '"extra"'),
                                             encoding="utf-8")
    log = []
    out = tmp_path / "report.html"
    pairs = run_diff([], "HEAD", None, out, log.append, root=repo)
    assert status(pairs) == {"extra/zh": "added", "extra/en": "added", "tiny/zh": "unchanged",
                             "tiny/en": "changed"}, log
    assert any(line.startswith("base: built 2") for line in log), log
    assert "HEAD (" in out.read_text(encoding="utf-8") and "working tree" in out.read_text(encoding="utf-8")
    # HEAD against itself: nothing changed.
    assert status(run_diff([], "HEAD", "HEAD", out, root=repo)) == {"tiny/zh": "unchanged", "tiny/en": "unchanged"}


def test_cli_progress_goes_to_stderr(tmp_path):
    a = build_dir(tmp_path / "a", {"d/zh": {}})
    r = subprocess.run([sys.executable, "-m", "llmviz_dsl", "diff", str(a), str(a), "--out", str(tmp_path / "r.html")],
                       capture_output=True, text=True)
    assert r.returncode == 0
    assert r.stdout.strip() == f"0 changed, 0 added, 0 removed, 1 unchanged -> {tmp_path / 'r.html'}"
    assert "comparing" in r.stderr and "d zh: unchanged" in r.stderr
