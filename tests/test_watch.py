"""`watch`: re-render on an mtime change, survive a broken spec, serve the
page, state and event stream, stop cleanly on Ctrl-C."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest

from llmviz_dsl.cli import main
from llmviz_dsl.watch import Preview, PreviewServer, _scoped

from conftest import BAD_LINE, tiny  # noqa: E402  (the shared tiny spec)


def write(path: Path, text: str, bump_s: int = 0) -> None:
    """Write and move the mtime on, as a save seconds later would."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    if bump_s:
        t = before + bump_s * 10**9
        os.utime(path, ns=(t, t))


def texts(svg: str) -> list[str]:
    """The strings of the SVG's text layer."""
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg)


@pytest.fixture
def specs(tmp_path: Path) -> Path:
    d = tmp_path / "specs"
    d.mkdir()
    write(d / "tiny.py", tiny())
    return d


def test_first_poll_renders_both_languages(specs):
    p = Preview(specs)
    [e] = p.poll()
    assert e.id == "tiny" and e.error is None and set(e.svgs) == {"zh", "en"}
    assert "Input" in texts(e.svgs["en"]) and "输入" in texts(e.svgs["zh"])
    assert p.version == 1
    assert p.poll() == [] and p.version == 1, "nothing changed: nothing re-rendered"


def test_mtime_change_rerenders_only_that_spec(specs):
    write(specs / "other.py", tiny().replace('id="tiny"', 'id="other"'))
    p = Preview(specs)
    assert sorted(e.id for e in p.poll()) == ["other", "tiny"]
    write(specs / "tiny.py", tiny("Prompt"), bump_s=2)
    [e] = p.poll()
    assert e.id == "tiny" and "Prompt" in texts(e.svgs["en"]) and "Input" not in texts(e.svgs["en"])
    assert e.rev == p.version == 3
    assert p.state(since=2)["diagrams"][0]["id"] == "tiny", "the page fetches only what changed"
    assert [d["id"] for d in p.state(since=3)["diagrams"]] == []


def test_spec_error_keeps_last_render_and_recovers(specs):
    p = Preview(specs)
    good = p.poll()[0].svgs
    write(specs / "tiny.py", tiny(second='"Model"'), bump_s=2)   # untranslated label
    [e] = p.poll()
    assert e.error and re.search(rf"tiny\.py:{BAD_LINE}: Node: .*missing translation for 'Model'", e.error), e.error
    assert e.svgs == good, "the last good render stays on the page under the error"
    write(specs / "tiny.py", tiny("Fixed"), bump_s=4)
    [e] = p.poll()
    assert e.error is None and "Fixed" in texts(e.svgs["en"])


def test_syntax_error_and_deleted_file_are_reported(specs):
    p = Preview(specs, ids=["tiny"])
    p.poll()
    write(specs / "tiny.py", tiny().replace("edges=[", "edges=[[", 1), bump_s=2)
    [e] = p.poll()
    assert "tiny.py:" in e.error and "syntax error" in e.error
    (specs / "tiny.py").unlink()
    [e] = p.poll()
    assert "no spec file" in e.error


def test_theme_or_helper_change_rerenders_everything(specs, tmp_path):
    themes = tmp_path / "themes"
    themes.mkdir()
    write(themes / "default.toml", "# stand-in: the render reads the project theme\n")
    write(specs / "other.py", tiny().replace('id="tiny"', 'id="other"'))
    p = Preview(specs, ids=["tiny"], themes_dir=themes)
    assert [e.id for e in p.poll()] == ["tiny"], "only the named spec is watched"
    write(specs / "other.py", tiny("X").replace('id="tiny"', 'id="other"'), bump_s=2)
    assert p.poll() == [], "a spec not named does not re-render the one shown"
    write(themes / "default.toml", "# edited\n", bump_s=2)
    assert [e.id for e in p.poll()] == ["tiny"]
    write(specs / "_shared.py", "X = 1\n")
    assert [e.id for e in p.poll()] == ["tiny"]


def test_scoped_ids_resolve_within_each_svg():
    svg = ('<svg><defs><path id="g1"/><linearGradient id="lg"/></defs>'
           '<use href="#g1"/><rect fill="url(#lg)"/></svg>')
    out = _scoped(svg, "tiny-en-")
    ids = set(re.findall(r'id="([^"]+)"', out))
    refs = set(re.findall(r'href="#([^"]+)"', out)) | set(re.findall(r"url\(#([^)]+)\)", out))
    assert ids == refs == {"tiny-en-g1", "tiny-en-lg"}


def _get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.read()


def test_server_keeps_serving_through_a_spec_error(specs):
    p = Preview(specs)
    p.poll()
    server = PreviewServer(p, port=0).start()
    try:
        assert b"llmviz preview" in _get(server.url)
        write(specs / "tiny.py", tiny(second='"Model"'), bump_s=2)
        p.poll()
        st = json.loads(_get(server.url + "state?since=0"))
        assert st["version"] == 2 and st["ids"] == ["tiny"]
        assert f"tiny.py:{BAD_LINE}" in st["diagrams"][0]["error"]
        write(specs / "tiny.py", tiny("Back"), bump_s=4)
        p.poll()
        st = json.loads(_get(server.url + "state?since=2"))
        assert st["diagrams"][0]["error"] is None and "Back" in st["diagrams"][0]["svgs"]["en"]
        # The event stream announces the current version first, then each new one.
        with urllib.request.urlopen(server.url + "events", timeout=5) as r:
            assert r.readline() == f"data: {p.boot} 3\n".encode()
            r.readline()
            threading.Timer(0.2, lambda: (write(specs / "tiny.py", tiny("Again"), bump_s=6), p.poll())).start()
            assert r.readline() == f"data: {p.boot} 4\n".encode()
    finally:
        server.stop()


def test_unknown_id_is_an_error(specs, capsys):
    assert main(["watch", "tinny", "--specs", str(specs), "--no-open"]) == 2
    assert "did you mean tiny" in capsys.readouterr().err


def test_command_prints_url_and_stops_on_ctrl_c(specs):
    proc = subprocess.Popen([sys.executable, "-m", "llmviz_dsl", "watch", "--specs", str(specs), "--port", "0",
                             "--no-open"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert proc.stdout.readline().startswith("tiny: rendered zh, en")
        url = re.search(r"http://127\.0\.0\.1:\d+/", proc.stdout.readline()).group(0)
        assert b"llmviz preview" in _get(url)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(10) == 0
        assert proc.stdout.read().strip() == "stopped"
    finally:
        if proc.poll() is None:
            proc.kill()


def test_browser_opens_without_the_layout_fontconfig(monkeypatch):
    import llmviz_dsl.watch as w
    ours = str(Path(w.__file__).parent / "data" / "fonts.conf")
    monkeypatch.setenv("FONTCONFIG_FILE", ours)
    seen = []
    monkeypatch.setattr("webbrowser.open", lambda url: seen.append((url, os.environ.get("FONTCONFIG_FILE"))))
    w._open_browser("http://127.0.0.1:1/")
    assert seen == [("http://127.0.0.1:1/", None)], "the browser gets the system's fonts"
    assert os.environ["FONTCONFIG_FILE"] == ours, "and rendering here keeps its own"


def test_port_in_use_is_reported(specs):
    import socket
    from llmviz_dsl.watch import watch
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        lines = []
        assert watch(specs, [], port=s.getsockname()[1], open_browser=False, log=lines.append) == 2
    assert lines[0].startswith("tiny: rendered") and "cannot listen on port" in lines[1] and "--port" in lines[1]
