"""The phrase forms of time limits, figures and validity (issue 16), one case per form, and
hypothesis for the numeral parser (cn2an behind `numerals.parse_quantity`)."""

from __future__ import annotations

import datetime as dt

import cn2an
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fupin_cli.extract.deadlines import find_deadlines, parse_deadline_cell
from fupin_cli.extract.targets import find_targets
from fupin_cli.extract.validity import (
    find_effective,
    find_period,
    find_repeals,
    period_end,
    provisional_word,
)
from fupin_cli.numerals import parse_quantity

D = dt.date


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "start", "end", "every"),
    [
        ("2016年底前完成建档立卡", "2016年底前", "by", None, D(2016, 12, 31), None),
        ("2017年6月底前出台方案", "2017年6月底前", "by", None, D(2017, 6, 30), None),
        ("2017年6月前出台方案", "2017年6月前", "by", None, D(2017, 5, 31), None),
        ("于2016年12月15日前报送", "于2016年12月15日前", "by", None, D(2016, 12, 15), None),
        ("到2020年，贫困人口全部脱贫", "到2020年", "by", None, D(2020, 12, 31), None),
        ("到2017年年末，完成摘帽", "到2017年年末", "by", None, D(2017, 12, 31), None),
        ("二〇一六年底前完成", "二〇一六年底前", "by", None, D(2016, 12, 31), None),
        ("２０１８年底前完成", "２０１８年底前", "by", None, D(2018, 12, 31), None),
        ("每年向中央报告", "每年", "recurring", None, None, "year"),
        ("每季度通报一次", "每季度", "recurring", None, None, "quarter"),
        ("每半年报送一次", "每半年", "recurring", None, None, "half_year"),
        ("每月调度", "每月", "recurring", None, None, "month"),
        (
            "并于每年7月20日、1月20日前报送",
            "每年7月20日、1月20日前",
            "recurring",
            None,
            None,
            "year",
        ),
        ("年底组织验收", "年底", "recurring", None, None, "year"),
        ("长期坚持", "长期坚持", "ongoing", None, None, None),
        ("持续推进产业扶贫", "持续推进", "ongoing", None, None, None),
        ("從2016年起實施", "從2016年起", "from", D(2016, 1, 1), None, None),
        ("2015—2019年，每年改造", "2015—2019年", "period", D(2015, 1, 1), D(2019, 12, 31), None),
        ("2016年完成安居工程", "2016年", "in", D(2016, 1, 1), D(2016, 12, 31), None),
        ("于9月10日前报送", "于9月10日前", "by", None, None, None),
    ],
)
def test_deadline_forms(
    text: str,
    phrase: str,
    kind: str,
    start: dt.date | None,
    end: dt.date | None,
    every: str | None,
) -> None:
    found = find_deadlines(text)[0]
    assert (text[found.begin : found.stop], found.kind, found.start, found.end, found.every) == (
        phrase,
        kind,
        start,
        end,
        every,
    )


@pytest.mark.parametrize(
    "text",
    [
        "给予每人每年3000元生活补助",  # a rate, not a time limit
        "制定年度计划",
        "根据《中华人民共和国2016年预算法》",  # inside a title
        "威脱贫攻坚办〔2016〕74号",  # a doc number
        "本办法自2016年10月11日起施行",  # taking effect is validity, not a deadline
    ],
)
def test_not_deadlines(text: str) -> None:
    assert find_deadlines(text) == []


@pytest.mark.parametrize(
    ("cell", "kind", "end"),
    [
        ("2021年底前", "by", D(2021, 12, 31)),
        ("长期", "ongoing", None),
        ("持续推进", "ongoing", None),
        ("按要求", "as_written", None),
    ],
)
def test_completion_column_cells(cell: str, kind: str, end: dt.date | None) -> None:
    found = parse_deadline_cell(cell)
    assert (found.kind, found.end, cell[found.begin : found.stop]) == (kind, end, cell)


@pytest.mark.parametrize(
    ("text", "quantity", "value", "unit", "comparison", "subject"),
    [
        ("确保贫困发生率降至3%以下", "3%以下", 3, "%", "at_most", "贫困发生率"),
        ("完成易地扶贫搬迁三十万人", "三十万人", 300000, "人", "exact", None),
        ("新增就业1.2万人", "1.2万人", 12000, "人", "exact", None),
        ("财政投入增幅不低于百分之十五", "百分之十五", 15, "%", "at_least", None),
        ("村庄内道路硬化率达到85%以上", "85%以上", 85, "%", "at_least", "村庄内道路硬化率"),
        ("将贫困人口控制在5万人以内", "5万人以内", 50000, "人", "at_most", None),
        ("省级每年安排不少于5亿元产业发展资金", "5亿元", 5e8, "元", "at_least", "产业发展资金"),
        ("建成300个特色旅游村寨", "300个", 300, "个", "exact", "特色旅游村寨"),
        ("森林覆盖率保持在75%以上", "75%以上", 75, "%", "at_least", "森林覆盖率"),
        ("贷款比例在三分之二以上", "三分之二以上", 2 / 3, None, "at_least", "贷款比例"),
        ("确保每个贫困村有1—2个产业发展项目", "1—2个", 1, "个", "range", "产业发展项目"),
        ("实现脱贫150萬人左右", "150萬人左右", 1.5e6, "人", "about", None),
        # a negated comparison turns round (退耕还林条例 第二十三条)
        ("生态林面积不得低于退耕土地还林面积的80%", "80%", 80, "%", "at_least", None),
        ("贷款期限不得超过3年", "3年", 3, "年", "at_most", None),
    ],
)
def test_target_forms(
    text: str,
    quantity: str,
    value: float,
    unit: str | None,
    comparison: str,
    subject: str | None,
) -> None:
    (found,) = find_targets(text, find_deadlines(text))
    assert found.quantity == quantity
    assert found.value == pytest.approx(value)
    assert (found.unit, found.comparison) == (unit, comparison)
    if subject is not None:
        assert found.subject == subject


@pytest.mark.parametrize(
    "text",
    [
        "本办法适用于全省16个州(市)",  # scope
        "对带动100户以上贫困户带地入社的合作社，给予支持",  # a condition
        "常住户籍人口300人以上自然村通硬化路",  # a qualifier
        "落实“六个精准”不到位",  # a name in quotes
        "加大对8个人口较少民族的扶持力度",  # a count that commits to nothing
        "实施三年行动计划",
        # a sanction is not a figure a rule commits to
        "由林业行政主管部门责令退回，处所得金额2倍以上5倍以下的罚款",
        "处2000元以上1万元以下的罚款",
        # an ordinal is a reference, a clause ending in 的 the case a rule is about
        "实施刑法第一百八十二条第一款第二项操纵期货市场行为",
        "（二）价值二百万元以上的；",
        "累计缴费十年以上的，按月领取基本养老金",
    ],
)
def test_not_targets(text: str) -> None:
    assert find_targets(text, find_deadlines(text)) == []


def test_target_takes_the_deadline_of_its_sentence() -> None:
    text = "到2017年年末，完成8个省级贫困县摘帽，676个贫困村、80万贫困人口脱贫"
    deadlines = find_deadlines(text)
    found = find_targets(text, deadlines)
    assert [f.quantity for f in found] == ["8个", "676个", "80万"]
    assert {f.deadline for f in found} == {0}


@pytest.mark.parametrize(
    ("text", "date", "relative", "own"),
    [
        ("第二十九条 本办法自2016年10月11日起施行。", D(2016, 10, 11), None, True),
        ("本实施细则自印发之日起施行。", None, "issued", True),
        ("本办法自发布之日起施行", None, "published", True),
        ("本條例自公布之日起施行", None, "published", True),
        ("本规定自二〇一九年八月二十日起实施", D(2019, 8, 20), None, True),
        ("依照自2015年1月1日起施行的规定执行", D(2015, 1, 1), None, False),
    ],
)
def test_effective_forms(text: str, date: dt.date | None, relative: str | None, own: bool) -> None:
    found = find_effective(text)
    assert found is not None
    assert (found.date, found.relative, found.own) == (date, relative, own)


def test_stated_periods() -> None:
    until = find_period("本办法自印发之日起施行，有效期至2025年12月31日。")
    assert until is not None and until.until == D(2025, 12, 31)
    years = find_period("本办法自2015年1月1日起施行，有效期三年。")
    assert years is not None and years.years == 3
    assert period_end(D(2015, 1, 1), 3) == D(2017, 12, 31)
    assert find_period("许可证有效期为5年") is None  # a licence's, not the rule's


@pytest.mark.parametrize(
    ("text", "cited", "number", "relation"),
    [
        ("原《某县扶贫资金管理暂行办法》同时废止。", "某县扶贫资金管理暂行办法", None, "repeals"),
        (
            "《扶贫项目管理办法》（云扶发〔2014〕12号）同时废止",
            "扶贫项目管理办法",
            "云扶发〔2014〕12号",
            "repeals",
        ),
        ("本办法代替《扶贫资金管理办法》。", "扶贫资金管理办法", None, "repeals"),
        ("原扶贫开发工作考核办法同时废止", "扶贫开发工作考核办法", None, "repeals"),
        ("《關於扶貧的暫行規定》即行廢止", "關於扶貧的暫行規定", None, "repeals"),
    ],
)
def test_repeal_forms(text: str, cited: str, number: str | None, relation: str) -> None:
    found = find_repeals(text)
    assert [(r.cited, r.number) for r in found] == [(cited, number)]
    expected = "replaces" if "代替" in text else relation
    assert found[0].relation == expected
    assert found[0].cited in text


@pytest.mark.parametrize(
    "text",
    [
        "不能以会议代替落实",  # not the rule replacing a rule
        "原判的刑罚就不再执行",  # not a rule's name
        "《采矿许可证》有效期满，自行废止",
    ],
)
def test_not_repeals(text: str) -> None:
    assert find_repeals(text) == []


def test_provisional_titles() -> None:
    assert provisional_word("威远县脱贫攻坚工作责任追究暂行办法") == "暂行"
    assert provisional_word("某某管理辦法（試行）") == "試行"
    assert provisional_word("脱贫攻坚责任制实施办法") is None


# --- the numeral parser ------------------------------------------------------------------


@given(st.text(max_size=30))
def test_parse_quantity_never_raises(text: str) -> None:
    found = parse_quantity(text)
    assert found is None or found.value == found.value  # a number, never NaN


@given(st.text(alphabet="0123456789.,%〇零一二三四五六七八九十百千万亿两分之/", max_size=12))
def test_parse_quantity_never_raises_on_numeral_characters(text: str) -> None:
    parse_quantity(text)


@given(st.integers(min_value=0, max_value=10**12))
def test_round_trips_arabic_and_chinese(n: int) -> None:
    assert parse_quantity(str(n)) == (n, False)
    assert parse_quantity(cn2an.an2cn(n)) == (n, False)
    assert parse_quantity(f"{n:,}") == (n, False)


@given(st.integers(min_value=0, max_value=100))
def test_round_trips_percentages(n: int) -> None:
    assert parse_quantity(f"百分之{cn2an.an2cn(n)}") == (n, True)
    assert parse_quantity(f"{n}%") == (n, True)
    assert parse_quantity(f"{n}％") == (n, True)


@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["万", "亿"]))
def test_round_trips_mixed_forms(n: int, unit: str) -> None:
    scale = 10**4 if unit == "万" else 10**8
    tenths = parse_quantity(f"{n / 10}{unit}")
    assert tenths is not None
    assert tenths.value == pytest.approx(n / 10 * scale)
    assert parse_quantity(f"{cn2an.an2cn(n)}{unit}") == (n * scale, False)


@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=99))
def test_fractions(top: int, bottom: int) -> None:
    written = f"{cn2an.an2cn(bottom)}分之{cn2an.an2cn(top)}"
    assert parse_quantity(written) == (pytest.approx(top / bottom), False)
    assert parse_quantity(f"{top}/{bottom}") == (pytest.approx(top / bottom), False)
