"""Line breaking by UAX #14 and terminal cells: what a Chinese reader expects of a wrapped cell."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from fupin_cli.render.linebreak import longest_unit, may_end, may_start, wrap

NO_START = "、。，；：）」》！？"
NO_END = "（「《"


@pytest.mark.parametrize("ch", list(NO_START))
def test_closing_punctuation_may_not_begin_a_line(ch: str) -> None:
    assert not may_start(ch)


@pytest.mark.parametrize("ch", list(NO_END))
def test_opening_brackets_may_not_end_a_line(ch: str) -> None:
    assert not may_end(ch)


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        # 、 would begin the second line at 8 cells: 厅 goes down with it
        ("省住房城乡建设厅、省发展改革委", 14, ["省住房城乡建设", "厅、省发展改革", "委"]),
        # （ would end the line: it goes down with 牵
        ("省财政厅（牵头）", 10, ["省财政厅", "（牵头）"]),
        # English words and dates are never cut while a space will do
        ("party and government 2016-10-11", 12, ["party and", "government", "2016-10-11"]),
        ("yunnan-division", 8, ["yunnan-", "division"]),
        # a word wider than the line is cut, and only then
        ("party_and_government", 8, ["party_an", "d_govern", "ment"]),
        ("第一行\n第二行", 20, ["第一行", "第二行"]),
    ],
)
def test_wrap(text: str, width: int, lines: list[str]) -> None:
    assert wrap(text, width) == lines


def test_longest_unit_is_the_widest_piece_without_a_break() -> None:
    assert longest_unit("weiyuan-accountability") == len("accountability")
    assert longest_unit("四川省内江市") == 2


CJK = st.text(alphabet="扶贫攻坚责任制实施办法省县乡村党委政府", min_size=1, max_size=6)
WORD = st.builds(
    lambda w, p, b: f"（{w}）{p}" if b else w + p,
    CJK,
    st.sampled_from(["", "、", "。", "，", "；", "："]),
    st.booleans(),
)


@given(st.lists(WORD, min_size=1, max_size=30), st.integers(min_value=18, max_value=40))
def test_wrapped_lines_fit_keep_the_text_and_respect_kinsoku(words: list[str], width: int) -> None:
    # every piece without a break (（乡镇）、 at most 18 cells) fits: no word is cut
    text = "".join(words)
    lines = wrap(text, width)
    assert "".join(lines) == text
    assert all(cell_len(line) <= width for line in lines)
    assert all(may_start(line[0]) for line in lines[1:] if line)
    assert all(may_end(line[-1]) for line in lines[:-1] if line)


@given(st.text(min_size=0, max_size=200), st.integers(min_value=2, max_value=60))
def test_any_text_wraps_within_the_width_and_loses_nothing_but_spaces(
    text: str, width: int
) -> None:
    lines = wrap(text, width)
    assert all(cell_len(line) <= max(width, 2) for line in lines if len(line) > 1)
    assert "".join("".join(lines).split()) == "".join(text.split())


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("1/3。", ["1/3。"]),
        ("“10·17”扶贫日", ["“10·17”", "扶", "贫", "日"]),
        ("see example.org now", ["see ", "example.org ", "now"]),
        ("2015—2019年", ["2015", "—", "2019", "年"]),  # as UAX #14 has it (B2)
    ],
)
def test_pieces_that_stay_whole(text: str, units: list[str]) -> None:
    from fupin_cli.render.linebreak import _units

    assert _units(text) == units


def test_a_list_of_names_breaks_after_its_separator_never_inside_a_name() -> None:
    from fupin_cli.render.linebreak import NAME_BREAKS

    text = "省发展改革委、省财政厅、省环境保护厅"
    assert wrap(text, 14, NAME_BREAKS) == ["省发展改革委、", "省财政厅、", "省环境保护厅"]
    assert wrap(text, 30, NAME_BREAKS) == ["省发展改革委、省财政厅、", "省环境保护厅"]
    # a name wider than the column is still cut, and no line starts with 、
    assert all(not line.startswith("、") for line in wrap(text, 6, NAME_BREAKS))
    assert "".join(wrap(text, 6, NAME_BREAKS)) == text


def test_a_header_breaks_between_its_words() -> None:
    from fupin_cli.render.linebreak import HEADER_BREAKS

    assert wrap("牵头单位 / 主体", 10, HEADER_BREAKS) == ["牵头单位 /", "主体"]
    assert wrap("co-operating", 10, HEADER_BREAKS) == ["co-", "operating"]
