"""Text is measured with the fonts that draw it (HarfBuzz)."""
from __future__ import annotations

import uharfbuzz as hb

from llmviz_dsl.fonts import fonts_for
from llmviz_dsl.text import Style, layout_text
from llmviz_dsl.theme import load_theme

T = load_theme()
F = fonts_for(T)


def test_cjk_is_one_em_per_character():
    assert abs(F.width("策略模型", 27) - 4 * 27) < 0.01


def test_width_matches_harfbuzz_advances():
    face = F.face("sans")
    buf = hb.Buffer()
    buf.add_str("Policy model")
    buf.guess_segment_properties()
    hb.shape(face.font, buf, {"kern": True})
    adv = sum(p.x_advance for p in buf.glyph_positions) * 27 / face.upem
    assert abs(F.width("Policy model", 27) - adv) < 1e-6


def test_kerning_applies():
    # "AV" is kerned tighter than the sum of the lone glyphs.
    assert F.width("AV", 100) < F.width("A", 100) + F.width("V", 100)


def test_bold_is_wider_and_drawn_differently():
    face_r, face_b = F.face("sans"), F.face("sans", bold=True)
    assert F.width("Policy", 27, bold=True) > F.width("Policy", 27)
    gid = face_r.shape("P")[0][0].gid
    assert face_r.path(gid) != face_b.path(gid)


def test_fallback_to_math_face_for_missing_glyphs():
    runs = F.shape("a 𝔼 b", 27)
    assert any(r.face.key == "m" for r in runs)
    assert all(g.gid != 0 for r in runs for g in r.glyphs)


def test_lines_and_inline_math():
    st = Style(27, 31, "#000000")
    one = layout_text(F, "策略模型", st)
    two = layout_text(F, "策略模型\nPolicy", st)
    assert two.height > one.height * 1.8
    assert len(two.lines) == 2 and two.lines[1].baseline > two.lines[0].baseline
    mixed = layout_text(F, r"策略模型（$\pi_\theta$）", st)
    assert any(p.math is not None for p in mixed.pieces)
    assert mixed.width > F.width("策略模型（）", 27)
    # centred lines: the narrow line starts right of the wide one
    assert two.lines[1].x > two.lines[0].x


def test_textcolor_outside_math_colours_its_words_only():
    import pytest
    from llmviz_dsl.errors import SpecError
    st = Style(27, 31, T.color("grey"))
    blk = layout_text(F, "\\textcolor{text}{解码} (**greedy**)", st)
    colours = [p.color for p in blk.pieces]
    assert colours[0] == T.color("text") and set(colours[1:]) == {None}     # the rest: the label's grey
    assert blk.lines[0].text == "解码 (greedy)"
    plain = layout_text(F, "解码 (**greedy**)", st)
    assert blk.width == pytest.approx(plain.width)                          # markup takes no room
    with pytest.raises(SpecError, match="mauve"):
        layout_text(F, "\\textcolor{mauve}{x}", st)
