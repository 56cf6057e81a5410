"""`watch`: a local preview page showing the zh and en renders of specs side
by side, re-rendered in-process whenever a spec or theme file changes.

Changes are found by polling mtimes (no file-system notification library);
the page learns of a new render through server-sent events and fetches only
the diagrams that changed. A bad spec shows its file:line message on the page
above the last good render, and the server keeps running."""
from __future__ import annotations

import json
import os
import re
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from .errors import SpecError
from .loader import load_spec, spec_files
from .theme import project_root

LANGS = ("zh", "en")
POLL_S = 0.2


@dataclass
class Entry:
    """The latest render of one spec: SVG per language (kept from the last
    good render when the spec is broken) and the error, if any."""
    id: str
    svgs: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    ms: int = 0
    rev: int = 0


def _failure(exc: BaseException) -> str:
    if isinstance(exc, SpecError):
        return exc.render()
    # Not the spec author's mistake as far as we know: still say where it happened.
    last = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    where = f"{last[0].filename}:{last[0].lineno}: " if last else ""
    return f"{where}{type(exc).__name__}: {exc}"


def _scoped(svg: str, prefix: str) -> str:
    """Prefix the ids of an SVG so several inlined in one page never resolve
    each other's glyph symbols or gradients."""
    svg = re.sub(r'\bid="', f'id="{prefix}', svg)
    svg = re.sub(r'href="#', f'href="#{prefix}', svg)
    return re.sub(r"url\(#", f"url(#{prefix}", svg)


class Preview:
    """Renders the chosen specs (all, when none are named) and re-renders what
    a poll finds changed: a spec file re-renders that spec; a theme or a shared
    helper module in the specs directory re-renders everything."""

    def __init__(self, specs_dir: Path, ids: list[str] | tuple[str, ...] = (), themes_dir: Path | None = None):
        self.specs_dir = Path(specs_dir)
        self.ids = list(ids)
        self.themes_dir = Path(themes_dir) if themes_dir else project_root() / "themes"
        self.entries: dict[str, Entry] = {}
        self.version = 0
        # Versions restart with the process: a page still open from an earlier
        # run sees another boot id and reloads everything.
        self.boot = f"{os.getpid()}-{time.monotonic_ns()}"
        self.stopped = False
        self._cond = threading.Condition()
        self._seen: dict[Path, tuple[int, int]] = {}

    # -- files

    def targets(self) -> list[Path]:
        if self.ids:
            return [self.specs_dir / f"{i}.py" for i in self.ids]
        return spec_files(self.specs_dir)

    def _stamps(self) -> dict[Path, tuple[int, int]]:
        out = {}
        for p in [*self.specs_dir.glob("*.py"), *self.themes_dir.glob("*.toml"), *self.targets()]:
            try:
                st = p.stat()
            except FileNotFoundError:
                continue
            out[p] = (st.st_mtime_ns, st.st_size)
        return out

    # -- rendering

    def poll(self) -> list[Entry]:
        """Check the files once; render what changed. Returns the new entries."""
        stamps = self._stamps()
        changed = {p for p in stamps.keys() | self._seen.keys() if stamps.get(p) != self._seen.get(p)}
        self._seen = stamps
        targets = self.targets()
        wanted = {p.stem for p in targets}
        gone = [i for i in self.entries if i not in wanted]
        if not changed and not gone:
            return []
        theme = any(p.suffix == ".toml" for p in changed)
        helper = any(p.suffix == ".py" and p.name.startswith("_") for p in changed)
        if theme:
            self._forget_theme()
        if helper:
            self._forget_helpers()
        fresh = [self._render(p) for p in targets
                 if theme or helper or p in changed or p.stem not in self.entries]
        with self._cond:
            for i in gone:
                del self.entries[i]
            for e in fresh:
                self.version += 1
                e.rev = self.version
                self.entries[e.id] = e
            if gone and not fresh:
                self.version += 1
            self.entries = {p.stem: self.entries[p.stem] for p in targets if p.stem in self.entries}
            self._cond.notify_all()
        return fresh

    @staticmethod
    def _forget_theme() -> None:
        from . import fonts
        from .theme import load_theme
        load_theme.cache_clear()
        fonts._BY_THEME.clear()

    def _forget_helpers(self) -> None:
        """Specs may import helper modules (specs/_*.py); drop them so the
        next import reads the edited file."""
        root = self.specs_dir.resolve()
        for name, mod in list(sys.modules.items()):
            f = getattr(mod, "__file__", None)
            if f and Path(f).resolve().parent == root:
                del sys.modules[name]

    def _render(self, path: Path) -> Entry:
        from .pipeline import render_svg
        old = self.entries.get(path.stem)
        entry = Entry(path.stem, dict(old.svgs) if old else {})
        t0 = time.perf_counter()
        try:
            if not path.is_file():
                raise SpecError(f"no spec file {path}", fix="`python -m llmviz_dsl list` shows the ids")
            d = load_spec(path)
            entry.svgs = {lang: render_svg(d, lang).decode("utf-8") for lang in LANGS}
        except Exception as e:  # the preview must survive anything a spec (or the framework) raises
            entry.error = _failure(e)
        entry.ms = round(1000 * (time.perf_counter() - t0))
        return entry

    # -- what the page reads

    def state(self, since: int = 0) -> dict:
        with self._cond:
            return {"version": self.version, "ids": list(self.entries),
                    "diagrams": [{"id": e.id, "rev": e.rev, "error": e.error, "ms": e.ms,
                                  "svgs": {lang: _scoped(s, f"{e.id}-{lang}-") for lang, s in e.svgs.items()}}
                                 for e in self.entries.values() if e.rev > since]}

    def wait(self, version: int, timeout: float) -> int:
        """Block until the version passes `version` (or timeout/stop)."""
        with self._cond:
            self._cond.wait_for(lambda: self.version != version or self.stopped, timeout)
            return self.version

    def stop(self) -> None:
        with self._cond:
            self.stopped = True
            self._cond.notify_all()


class _Handler(BaseHTTPRequestHandler):
    server: "PreviewServer"

    def log_message(self, *args) -> None:   # the terminal shows renders, not requests
        pass

    def _send(self, body: bytes, ctype: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        url = urlparse(self.path)
        preview = self.server.preview
        if url.path == "/":
            self._send(PAGE.encode("utf-8"), "text/html; charset=utf-8")
        elif url.path == "/state":
            since = int(parse_qs(url.query).get("since", ["0"])[0] or 0)
            self._send(json.dumps(preview.state(since)).encode("utf-8"), "application/json")
        elif url.path == "/events":
            self._events(preview)
        elif url.path == "/favicon.ico":
            self.send_response(204)
            self.end_headers()
        else:
            self.send_error(404)

    def _events(self, preview: Preview) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = None   # the first message tells a (re)connected page the current version
        try:
            while not preview.stopped:
                v = preview.wait(seen, 10.0) if seen is not None else preview.version
                msg = f"data: {preview.boot} {v}\n\n" if v != seen else ": keep-alive\n\n"
                self.wfile.write(msg.encode())
                self.wfile.flush()
                seen = v
        except (BrokenPipeError, ConnectionResetError):
            pass


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True   # open event streams must not keep the process alive

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):   # a closed tab is no error
            super().handle_error(request, client_address)

    def __init__(self, preview: Preview, host: str = "127.0.0.1", port: int = 0):
        self.preview = preview
        super().__init__((host, port), _Handler)
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"

    def start(self) -> "PreviewServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.preview.stop()
        self.shutdown()
        self.server_close()


def _report(entries: list[Entry], log) -> None:
    for e in entries:
        log(f"{e.id}: error: {e.error}" if e.error else f"{e.id}: rendered zh, en  {e.ms} ms")


def _open_browser(url: str) -> None:
    """Open the user's browser without the empty fontconfig that layout sets
    for Graphviz in this process: a browser started from here would inherit
    it and draw no text."""
    import webbrowser
    ours = os.environ.get("FONTCONFIG_FILE", "")
    if ours.startswith(str(Path(__file__).parent)):
        del os.environ["FONTCONFIG_FILE"]
    try:
        webbrowser.open(url)
    finally:
        if ours:
            os.environ["FONTCONFIG_FILE"] = ours


def watch(specs_dir: Path, ids: list[str], port: int = 8765, open_browser: bool = True, log=print) -> int:
    from .build import resolve_ids
    resolve_ids(specs_dir, ids)   # an unknown id is an error up front, with suggestions
    preview = Preview(specs_dir, ids)
    server = None
    try:   # Ctrl-C may come at any point, also before the server is up
        _report(preview.poll(), log)
        try:
            server = PreviewServer(preview, port=port).start()
        except OSError as e:
            log(f"error: cannot listen on port {port}: {e.strerror} (fix: pass --port with another number, or 0)")
            return 2
        log(f"preview at {server.url}  (watching {specs_dir} and {preview.themes_dir}; Ctrl-C stops)")
        if open_browser:
            _open_browser(server.url)
        while True:
            time.sleep(POLL_S)
            _report(preview.poll(), log)
    except KeyboardInterrupt:
        log("stopped")
    finally:
        if server:
            server.stop()
    return 0


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>llmviz preview</title>
<style>
body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: #f3f4f6; color: #111; }
header { position: sticky; top: 0; z-index: 1; background: #111827; color: #fff; padding: 8px 16px;
         display: flex; gap: 16px; align-items: baseline; }
header b { font-size: 15px; }
#status.live::before { content: "\\25CF "; color: #34d399; }
#status.down::before { content: "\\25CF "; color: #f87171; }
nav a { color: #93c5fd; margin-right: 10px; }
section { margin: 16px; padding: 12px; background: #fff; border-radius: 6px; box-shadow: 0 1px 3px #0002; }
section h2 { margin: 0 0 8px; font-size: 16px; }
section h2 small { color: #6b7280; font-weight: normal; margin-left: 8px; }
.error { background: #fef2f2; color: #991b1b; border: 1px solid #fca5a5; padding: 8px 10px; margin: 0 0 10px;
         white-space: pre-wrap; font: 13px/1.4 ui-monospace, monospace; }
.error:empty { display: none; }
section.broken .pair { opacity: .35; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
figure { margin: 0; border: 1px solid #e5e7eb; }
figcaption { font-size: 12px; color: #6b7280; padding: 2px 6px; border-bottom: 1px solid #e5e7eb; }
figure svg { display: block; width: 100%; height: auto; }
</style></head>
<body>
<header><b>llmviz preview</b><span id="status" class="down">connecting</span><nav id="nav"></nav></header>
<main id="main"></main>
<script>
"use strict";
let version = -1, boot = null;
const main = document.getElementById("main"), nav = document.getElementById("nav");
const status = document.getElementById("status");

const sections = new Map();
function section(id) {
  let s = sections.get(id);
  if (!s) {
    s = document.createElement("section");
    s.id = "d-" + id;
    s.innerHTML = '<h2></h2><pre class="error"></pre><div class="pair">' +
      '<figure class="lang-zh"><figcaption>zh</figcaption><div class="svg"></div></figure>' +
      '<figure class="lang-en"><figcaption>en</figcaption><div class="svg"></div></figure></div>';
    s.querySelector("h2").textContent = id;
    sections.set(id, s);
  }
  return s;
}

async function refresh() {
  const r = await fetch("/state?since=" + Math.max(version, 0), {cache: "no-store"});
  const st = await r.json();
  for (const d of st.diagrams) {
    const s = section(d.id);
    s.querySelector("h2").innerHTML = "";
    s.querySelector("h2").append(d.id, Object.assign(document.createElement("small"),
      {textContent: d.error ? "error" : d.ms + " ms"}));
    s.querySelector(".error").textContent = d.error || "";
    s.classList.toggle("broken", !!d.error);
    for (const lang of ["zh", "en"]) {
      if (d.svgs[lang] !== undefined) s.querySelector(".lang-" + lang + " .svg").innerHTML = d.svgs[lang];
    }
  }
  // Order and membership follow the server's list (specs may come and go).
  const keep = st.ids.map(section);
  for (const [id, s] of sections) if (!keep.includes(s)) { s.remove(); sections.delete(id); }
  keep.forEach(s => main.appendChild(s));
  nav.innerHTML = "";
  for (const id of st.ids) nav.append(Object.assign(document.createElement("a"), {href: "#d-" + id, textContent: id}));
  version = st.version;
  document.body.dataset.version = version;
}

let busy = Promise.resolve();
function queue() { busy = busy.then(refresh).catch(e => console.error(e)); }

const events = new EventSource("/events");
events.onopen = () => { status.className = "live"; status.textContent = "live"; };
events.onerror = () => { status.className = "down"; status.textContent = "reconnecting"; };
events.onmessage = ev => {
  const [b, v] = ev.data.split(" ");
  if (b !== boot) { boot = b; version = -1; }   // a restarted server: fetch everything
  if (Number(v) !== version) queue();
};
</script>
</body></html>
"""


def add_command(sub, root: Path) -> None:
    w = sub.add_parser(
        "watch", help="live preview of specs in zh and en, re-rendered on every save",
        description="Serve a local page with the zh and en renders of the specs named (all by default) side "
                    "by side; saving a spec or a theme re-renders it and the page updates by itself. A spec "
                    "error is shown on the page with file:line until it is fixed.")
    w.add_argument("ids", nargs="*", metavar="ID", help="spec ids (default: every spec)")
    w.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (default: 8765; 0 picks a free one)")
    w.add_argument("--no-open", action="store_true", help="do not open a browser")
    w.add_argument("--specs", type=Path, default=root / "specs", help="spec directory (default: specs/)")
    w.set_defaults(run=lambda a: watch(a.specs, a.ids, a.port, not a.no_open,
                                       log=lambda m: print(m, flush=True)))
