"""Column widths of a terminal table: the reading first, short columns down to a whole word."""

from __future__ import annotations

from fupin_cli.render.layout import GAP, SHARE, fit

IDS = ["id", "central", "weiyuan-accountability"]
TITLES = ["title", "贯彻落实《中共云南省委云南省人民政府关于举全省之力打赢扶贫开发攻坚战的意见》"]
DATES = ["date", "2016-10-11", "2015-08-19"]
COUNTS = ["tasks", "0", "82"]


def test_a_table_that_fits_keeps_its_natural_widths() -> None:
    assert fit([IDS, DATES], [None, None], [False, True], 80).widths == [22, 10]


def test_the_reading_gets_its_share_before_ids_keep_their_width() -> None:
    shown, widths = fit([IDS, TITLES, DATES], [None, 3, None], [False, True, True], 60)
    assert shown == [0, 1, 2]
    assert sum(widths) + GAP * 2 == 60
    assert widths[1] >= SHARE * (60 - GAP * 2)
    assert widths[0] >= len("accountability")  # an id breaks after its hyphen, never inside
    assert widths[2] == len("2016-10-11")  # a date is never cut


def test_short_columns_give_way_to_a_whole_word_when_the_line_is_short() -> None:
    _shown, widths = fit([IDS, TITLES, DATES], [None, 3, None], [False, True, True], 46)
    assert widths[0] == len("accountability")
    assert widths[1] >= SHARE * (46 - GAP * 2)


def test_short_columns_are_left_out_from_the_right_rather_than_squeezing_the_reading() -> None:
    shown, widths = fit(
        [IDS, TITLES, DATES, COUNTS], [None, 3, None, None], [False, True, True, True], 40
    )
    assert shown[0] == 0 and 1 in shown and 3 not in shown
    assert sum(widths) + GAP * (len(shown) - 1) <= 40


def test_the_first_column_is_never_left_out() -> None:
    shown, _widths = fit([IDS, TITLES], [None, 3], [False, True], 20)
    assert shown == [0, 1]
