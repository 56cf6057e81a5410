"""Formulas: theme colours inside LaTeX, CJK in \\text{}, big fractions and
delimiters sized with the text around them, aligned multi-line formulas."""
from __future__ import annotations

import re

import pytest

from llmviz_dsl import Diagram, Row, Text, same
from llmviz_dsl.errors import SpecError
from llmviz_dsl.fonts import fonts_for
from llmviz_dsl.mathtex import _mathml, render_math, theme_colors
from llmviz_dsl.pipeline import render_svg
from llmviz_dsl.text import ASCENT, DESCENT, Style, layout_text
from llmviz_dsl.theme import load_theme

T = load_theme()
F = fonts_for(T)
SANS = F.face("sans")
STIX = "STIXTwoMathRegular_"


def _svg(label: str) -> str:
    d = Diagram(id="t", chapter=same("c"), title=same("t"), body=Row(Text("f", same(label))))
    return render_svg(d, "en").decode()


def _uses(body: str) -> list[tuple[str, float, float, str | None]]:
    """(symbol id, x, y, fill) of every glyph a formula draws."""
    out = []
    for m in re.finditer(r"<use ([^>]*)/>", body):
        a = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        out.append((a["href"][1:], float(a["x"]), float(a.get("y", 0)), a.get("fill")))
    return out


def _glyph_id(ch: str) -> str:
    import ziamath as zm
    return STIX + str(zm.zmath.loadedfonts["default"].glyphindex(ch))


def test_coloured_terms_carry_the_theme_colour():
    svg = _svg(r"$a + \textcolor{loss}{b} + \color{violet}{c} + d$")
    fills = {ch: [u[3] for u in _uses(svg) if u[0] == _glyph_id(ch)] for ch in ("𝑎", "𝑏", "𝑐", "𝑑")}
    assert fills["𝑏"] == [T.colors["loss"]]
    assert fills["𝑐"] == [T.colors["violet"]]
    # \color{token}{...} colours its argument only; the rest keeps the text colour.
    assert fills["𝑎"] == fills["𝑑"] == [T.colors["text"]]


def test_a_bare_color_switch_colours_the_rest_of_its_group():
    latex = theme_colors(r"{\color{red} a + b} + c", T.colors)
    assert latex == r"{\color{#EB6252} a + b} + c"
    body = render_math(latex, 27).body
    red = [u for u in _uses(body) if u[3] == "#EB6252"]
    assert len(red) == 3                       # a, +, b


@pytest.mark.parametrize("latex, message", [
    (r"\textcolor{mauve}{x}", r"colour 'mauve' in \$.*\$ is not in the theme.*fix: write \\color\{token\}.*loss"),
    (r"\color{#FF0000}{x}", r"colour '#FF0000'.*colours are theme tokens, not hex"),
])
def test_unknown_colours_are_refused(latex, message):
    with pytest.raises(SpecError, match=message):
        theme_colors(latex, T.colors)
    with pytest.raises(SpecError, match=r"Text\('f'\): colour"):
        _svg(f"${latex}$")


def test_cjk_in_text_draws_the_sans_glyph_outlines():
    mb = render_math(r"\underbrace{x+y}_{\text{中文}}", 27, "#000000", SANS)
    gid = SANS.font.get_nominal_glyph(ord("中"))
    sym = dict(mb.symbols)[f"zts_{gid}"]
    # The outline is the sans face's own (many curve points), not a tofu box.
    assert sym.count("Q") + sym.count("C") + sym.count("L") > 10
    assert f'href="#zts_{gid}"' in mb.body
    assert not any(sid == STIX + "0" for sid, _ in mb.symbols)     # no missing-glyph box
    # CJK advances one em of the script size it is set at: two glyphs under the brace.
    wide = render_math(r"\text{中文}", 27, "#000000", SANS)
    assert wide.width == pytest.approx(2 * 27, abs=1.5)


def test_cjk_in_a_label_renders_through_the_pipeline():
    svg = _svg(r"$a + \underbrace{b}_{\text{奖励}}$")
    assert re.search(r'<symbol id="zts_\d+"[^>]*><path d="M', svg)


def test_formulas_without_missing_glyphs_are_unchanged_by_the_fallback():
    latex = r"\mathbb{E}_t\left[\frac{\pi_\theta}{\pi_{\mathrm{ref}}}\right]"
    assert render_math(latex, 31, "#000000", SANS) == render_math(latex, 31, "#000000")


def test_fractions_and_big_delimiters_grow_the_line():
    st = Style(27, 31, "#000000")
    plain = layout_text(F, "文字", st)
    frac = layout_text(F, r"文字 $\frac{\pi_\theta(a|s)}{\pi_{\mathrm{old}}(a|s)}$", st)
    assert frac.height > plain.height * 1.5
    mf = render_math(r"\frac{a}{b}", 31)
    assert mf.ascent + mf.descent > (ASCENT + DESCENT) * 27
    # \left[...\right] wraps its content; \Big and \Bigg are fixed steps up from the text.
    fenced = render_math(r"\left[\frac{a}{b}\right]", 31)
    assert fenced.ascent >= mf.ascent and fenced.descent >= mf.descent
    heights = [render_math(rf"{s}[x{s}]", 27).ascent + render_math(rf"{s}[x{s}]", 27).descent
               for s in ("", r"\big", r"\Big", r"\bigg", r"\Bigg")]
    assert heights == sorted(heights) and heights[0] < 27 * 1.3 and 2.5 * 27 < heights[-1] < 4 * 27


def test_sized_braces_are_braces():
    mml = _mathml(r"\Big\{ x \Big\} \bigl\langle y \bigr\rangle")
    assert "\\{" not in mml and "\\langle" not in mml
    assert re.search(r'maxsize="[^"]*">\{</mo>', mml) and "\u27e8" in mml


def test_aligned_lines_line_up_at_the_equals_sign():
    mb = render_math(r"\begin{aligned} J(\theta) &= \mathbb{E}\left[\frac{a}{b}\right] \\ &= c \\ &= d \end{aligned}",
                     30)
    eq = [(x, y) for sid, x, y, _ in _uses(mb.body) if sid == _glyph_id("=")]
    assert len(eq) == 3
    assert max(x for x, _ in eq) - min(x for x, _ in eq) < 0.01
    ys = sorted(y for _, y in eq)
    assert all(b - a > 30 for a, b in zip(ys, ys[1:]))      # a line apart at least
    assert mb.ascent + mb.descent > 3 * 30


def test_rendered_formulas_are_cached():
    assert render_math(r"\frac{1}{2}", 27) is render_math(r"\frac{1}{2}", 27)
