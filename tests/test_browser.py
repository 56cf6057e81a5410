"""The watch page and the diff report, end to end in headless Chromium
(driven by Selenium through chromedriver; no network, a fresh profile)."""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from llmviz_dsl.build import build
from llmviz_dsl.cli import main

CHROMIUM = next(filter(None, (shutil.which(n) for n in ("chromium", "chromium-browser"))), None)
CHROMEDRIVER = shutil.which("chromedriver")
from conftest import BAD_LINE, tiny  # noqa: E402  (the shared tiny spec)

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="needs chromium and chromedriver (Debian: apt-get install chromium chromium-driver; .ci/run does this)")



@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--window-size=1400,1800",
              f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        opts.add_argument(a)
    # Rendering in this process points FONTCONFIG_FILE at an empty config (for
    # Graphviz); the browser needs the system's to draw any text.
    env = {k: v for k, v in os.environ.items() if not (k == "FONTCONFIG_FILE" and "llmviz_dsl" in v)}
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER, env=env), options=opts)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def until(browser, check, timeout=5.0, what="condition"):
    """Poll `check(browser)` until truthy; returns its value."""
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(browser, timeout, poll_frequency=0.05).until(check, f"timed out waiting for {what}")


def js(browser, script, *args):
    return browser.execute_script(script, *args)


# ---------------------------------------------------------------- watch


@pytest.fixture
def watched(tmp_path):
    """`python -m llmviz_dsl watch` on a temporary specs dir; yields (url, spec path)."""
    specs = tmp_path / "specs"
    specs.mkdir()
    spec = specs / "tiny.py"
    spec.write_text(tiny(), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "llmviz_dsl", "watch", "--specs", str(specs), "--port", "0",
                             "--no-open"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = None
        for line in proc.stdout:
            m = re.search(r"http://127\.0\.0\.1:\d+/", line)
            if m:
                url = m.group(0)
                break
        assert url, "watch printed no URL"
        yield url, spec
        proc.send_signal(signal.SIGINT)
        assert proc.wait(10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def svg_text(browser, lang: str) -> str:
    return js(browser, "const s = document.querySelector(`#d-tiny .lang-${arguments[0]} svg`);"
                       "return s ? s.textContent : '';", lang)


def test_watch_page_follows_edits_errors_and_fixes(browser, watched):
    url, spec = watched
    browser.get(url)
    until(browser, lambda b: "Input" in svg_text(b, "en") and "输入" in svg_text(b, "zh"), 10, "both renders")
    assert js(browser, "return document.querySelectorAll('#d-tiny svg').length") == 2
    for lang in ("zh", "en"):   # drawn, not just present: the boxes' fill shows
        fig = browser.find_element("css selector", f"#d-tiny .lang-{lang} svg")
        assert _ink(fig.screenshot_as_png) > 0.02
    js(browser, "window.notReloaded = true")

    # A saved edit shows up by itself.
    t0 = time.monotonic()
    spec.write_text(tiny("Prompt tokens"), encoding="utf-8")
    until(browser, lambda b: "Prompt tokens" in svg_text(b, "en"), 5, "the edited label")
    assert time.monotonic() - t0 < 5
    assert "Input" not in svg_text(browser, "en")
    assert js(browser, "return window.notReloaded === true"), "updated in place, without a reload"

    # A broken spec: its file:line error appears; the last render stays.
    spec.write_text(tiny("Prompt tokens", second='"Model"'), encoding="utf-8")
    err = until(browser, lambda b: js(b, "return document.querySelector('#d-tiny .error').textContent"), 5,
                "the error")
    assert re.search(rf"tiny\.py:{BAD_LINE}: .*missing translation for 'Model'", err), err
    assert js(browser, "return document.querySelector('#d-tiny').classList.contains('broken')")
    assert "Prompt tokens" in svg_text(browser, "en")

    # Fixed: the error goes, the new render comes.
    spec.write_text(tiny("Fixed"), encoding="utf-8")
    until(browser, lambda b: "Fixed" in svg_text(b, "en"), 5, "the fixed render")
    assert js(browser, "return document.querySelector('#d-tiny .error').textContent") == ""
    assert not js(browser, "return document.querySelector('#d-tiny').classList.contains('broken')")
    assert js(browser, "return window.notReloaded === true")


# ---------------------------------------------------------------- diff report


@pytest.fixture
def report(tmp_path) -> Path:
    """Two builds differing in one diagram (its label), one diagram the same."""
    for side, label in (("a", "Input"), ("b", "Prompt tokens")):
        specs = tmp_path / f"specs-{side}"
        specs.mkdir()
        (specs / "tiny.py").write_text(tiny(label), encoding="utf-8")
        (specs / "same.py").write_text(tiny(id="same"), encoding="utf-8")
        rep = build(specs, tmp_path / side, [], log=lambda m: None)
        assert not rep.failed, rep.failed
    out = tmp_path / "report.html"
    assert main(["diff", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(out)]) == 0
    return out


def shot(el) -> bytes:
    return el.screenshot_as_png


def test_diff_report_table_swipe_and_onion(browser, report):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    browser.get(report.as_uri())
    rows = [[td.text for td in tr.find_elements(By.TAG_NAME, "td")[:3]]
            for tr in browser.find_elements(By.CSS_SELECTOR, "#summary-table tbody tr")]
    assert rows == [["same", "zh", "unchanged"], ["same", "en", "unchanged"],
                    ["tiny", "zh", "unchanged"], ["tiny", "en", "changed"]]
    share = browser.find_element(By.CSS_SELECTOR, 'tr[data-id="tiny"][data-lang="en"] td.num').text
    assert 0 < float(share.rstrip(" %")) < 20
    # All images are inline; every one loaded.
    assert js(browser, "return [...document.images].every(i => i.src.startsWith('data:') && i.naturalWidth > 0)")

    sec = browser.find_element(By.ID, "tiny--en")
    js(browser, "arguments[0].scrollIntoView()", sec)

    # Swipe: the after layer is clipped from the left at the slider's position.
    swipe = sec.find_element(By.CSS_SELECTOR, ".swipe")
    stage = swipe.find_element(By.CSS_SELECTOR, ".stage")
    after = swipe.find_element(By.CSS_SELECTOR, ".layer.after")
    slider = swipe.find_element(By.CSS_SELECTOR, "input[type=range]")
    clip = lambda: js(browser, "return getComputedStyle(arguments[0]).clipPath", after)  # noqa: E731
    assert clip() == "inset(0px 0px 0px 50%)"
    middle = shot(stage)
    slider.send_keys(Keys.HOME)
    assert slider.get_attribute("value") == "0" and clip() == "inset(0px 0px 0px 0%)"
    all_after = shot(stage)
    slider.send_keys(Keys.END)
    assert clip() == "inset(0px 0px 0px 100%)"
    all_before = shot(stage)
    assert len({middle, all_after, all_before}) == 3, "each swipe position shows a different picture"

    # Onion skin: the after layer's opacity follows the slider.
    onion = sec.find_element(By.CSS_SELECTOR, ".onion")
    stage = onion.find_element(By.CSS_SELECTOR, ".stage")
    after = onion.find_element(By.CSS_SELECTOR, ".layer.after")
    slider = onion.find_element(By.CSS_SELECTOR, "input[type=range]")
    opacity = lambda: float(js(browser, "return getComputedStyle(arguments[0]).opacity", after))  # noqa: E731
    assert opacity() == 0.5
    half = shot(stage)
    slider.send_keys(Keys.HOME)
    assert opacity() == 0
    none = shot(stage)
    slider.send_keys(Keys.END)
    assert opacity() == 1
    full = shot(stage)
    assert len({half, none, full}) == 3, "each opacity shows a different picture"
    # Fully opaque after == the swipe showing only after; fully transparent == only before.
    assert _same_picture(full, all_after) and _same_picture(none, all_before)

    mask = sec.find_element(By.CSS_SELECTOR, ".mask img")
    assert js(browser, "return arguments[0].naturalWidth", mask) > 0


def _same_picture(a: bytes, b: bytes) -> bool:
    """Equal but for the swipe's one-pixel divider line at an edge."""
    import io

    from PIL import Image, ImageChops
    ia, ib = (Image.open(io.BytesIO(x)).convert("RGB") for x in (a, b))
    if ia.size != ib.size:
        return False
    diff = ImageChops.difference(ia, ib).convert("L").point(lambda v: 255 if v > 8 else 0)
    return diff.histogram()[255] <= 2 * ia.height


def _ink(png: bytes) -> float:
    """Share of pixels that are not (near) white."""
    import io

    from PIL import Image
    im = Image.open(io.BytesIO(png)).convert("L")
    return sum(im.point(lambda v: 255 if v < 240 else 0).histogram()[255:]) / (im.width * im.height)
