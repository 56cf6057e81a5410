"""Every spec x language is a snapshot: the committed build/<lang>/svg/<id>.svg
is the baseline, so a pull request shows the rendered change. Regenerate with
`make build` (or pytest --force-regen) only when the picture was meant to change."""
from __future__ import annotations

import pytest

from llmviz_dsl.pipeline import render_svg

from conftest import ROOT, SPEC_IDS, spec


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("sid", SPEC_IDS)
def test_svg_snapshot(sid, lang, file_regression):
    svg = render_svg(spec(sid), lang).decode("utf-8")
    file_regression.check(svg, fullpath=ROOT / "build" / lang / "svg" / f"{sid}.svg")


@pytest.mark.parametrize("sid", SPEC_IDS)
def test_png_exists_and_matches_size(sid):
    import struct
    for lang in ("zh", "en"):
        png = ROOT / "build" / lang / "png" / f"{sid}.png"
        assert png.is_file(), f"{png} missing: run the build command from the README"
        svg = (ROOT / "build" / lang / "svg" / f"{sid}.svg").read_text()
        import re
        w = float(re.search(r'width="([\d.]+)"', svg).group(1))
        head = png.read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR"
        width = struct.unpack(">I", head[16:20])[0]     # read from the header: no decoding
        assert abs(width - 2 * w) <= 1, "PNG is the SVG at 2x"
