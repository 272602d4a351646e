"""Every cleaning step of `fupin_cli.ingest.clean`, table-driven, plus hypothesis properties."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fupin_cli.ingest.clean import (
    clean,
    drop_web_debris,
    join_broken_lines,
    normalize_spaces,
    split_run_on_headings,
    strip_pinyin_annotations,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # converter annotations go
        ("印發(fā)〈脫貧攻堅責任制實施辦法〉", "印發〈脫貧攻堅責任制實施辦法〉"),
        ("中央統(tǒng)籌、省負總責", "中央統籌、省負總責"),
        ("縣(市、區(qū))黨委", "縣(市、區)黨委"),
        ("根據(jù)脫貧目標", "根據脫貧目標"),
        ("戰(zhàn)略部署", "戰略部署"),
        ("全角（fā）括号", "全角括号"),
        ("綠(lǜ)色", "綠色"),
        ("(f(fā)ā)", ""),  # nested: removing the inner one must not leave a new one behind
        # every other parenthesis survives
        ("全省16個州(市)", "全省16個州(市)"),
        ("22个省(自治区、直辖市)党委", "22个省(自治区、直辖市)党委"),
        ("厅字〔2016〕33号", "厅字〔2016〕33号"),
        ("云发(2016)38号", "云发(2016)38号"),
        ("整体性(D级)危房改造", "整体性(D级)危房改造"),
        ("（一）瞄准贫困对象", "（一）瞄准贫困对象"),
        ("(1)对有劳动能力", "(1)对有劳动能力"),
        ("(以下简称《决定》)", "(以下简称《决定》)"),
        ("(a)与(ng)", "(a)与(ng)"),  # no tone mark: not an annotation
        ("(2016年1月9日)", "(2016年1月9日)"),
    ],
)
def test_strip_pinyin_annotations(raw: str, expected: str) -> None:
    assert strip_pinyin_annotations(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("第一章\u00a0总则", "第一章 总则"),
        ("\u3000\u3000第一条 为了", "第一条 为了"),
        ("省扶贫办\u3000", "省扶贫办"),
        ("各镇人民政府:\r\n\r\n  2016年", "各镇人民政府:\n\n2016年"),
        ("旧式\r换行", "旧式\n换行"),
        ("\ufeff第一章", "第一章"),
        ("零宽\u200b空格", "零宽 空格"),
        (" \u00a0 ", ""),
    ],
)
def test_normalize_spaces(raw: str, expected: str) -> None:
    assert normalize_spaces(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "構建責任清晰、各負其責、合力攻堅的責任體系。 第二章省負總責",
            "構建責任清晰、各負其責、合力攻堅的責任體系。\n第二章省負總責",
        ),
        ("提高扶貧開發工作水平。第三章州(市)抓落實", "提高扶貧開發工作水平。\n第三章州(市)抓落實"),
        ("报告进展情况；\t第二节 考核", "报告进展情况；\n第二节 考核"),
        ("退出評估驗收。 第十二 章 附則", "退出評估驗收。\n第十二 章 附則"),
        # a reference to a chapter inside a sentence is not a heading
        ("依照本办法第二章的规定执行。", "依照本办法第二章的规定执行。"),
        ("按第三条规定。第四条 另起", "按第三条规定。第四条 另起"),
        ("第一章 总则", "第一章 总则"),
    ],
)
def test_split_run_on_headings(raw: str, expected: str) -> None:
    assert split_run_on_headings(raw) == expected


@pytest.mark.parametrize(
    ("lines", "kept", "dropped"),
    [
        (["當前位置:首頁>中國訪談", "正文"], ["正文"], ["當前位置:首頁>中國訪談"]),
        (["当前位置：首页 > 政务公开", "正文"], ["正文"], ["当前位置：首页 > 政务公开"]),
        (
            ["发布时间:2016-12-09 00:00 来源:县扶贫办 阅读次数: 打印本页】【关闭窗口", "正文"],
            ["正文"],
            ["发布时间:2016-12-09 00:00 来源:县扶贫办 阅读次数: 打印本页】【关闭窗口"],
        ),
        (
            ["文章來源: 黑龍江省人民政府 發佈時間: 2016-02-17 責任編輯: 李虹霖", "正文"],
            ["正文"],
            ["文章來源: 黑龍江省人民政府 發佈時間: 2016-02-17 責任編輯: 李虹霖"],
        ),
        (["標題", "19.08.2015  22:47", "正文"], ["標題", "正文"], ["19.08.2015  22:47"]),
        (["2016-02-17 09:30:00", "正文"], ["正文"], ["2016-02-17 09:30:00"]),
        (["+|-", "正文"], ["正文"], ["+|-"]),
        (["阅读次数:1024", "正文"], ["正文"], ["阅读次数:1024"]),
        # 分享到 and everything after it: the page, not the document
        (
            ["确保如期实现脱贫攻坚目标。", "分享到:", "0", "大理旅游业“更上一层楼”"],
            ["确保如期实现脱贫攻坚目标。"],
            ["分享到:", "0", "大理旅游业“更上一层楼”"],
        ),
        (
            ["(四)切实加强督促检查。", "出处:云南省政府信息公开门户网站", "", "新闻标题"],
            ["(四)切实加强督促检查。"],
            ["出处:云南省政府信息公开门户网站", "新闻标题"],
        ),
        # content lines that only look similar are kept
        (["第二条 本办法适用于全县。", ""], ["第二条 本办法适用于全县。", ""], []),
        (["资金来源要多元化。"], ["资金来源要多元化。"], []),
        (["发布时间为每月一日"], ["发布时间为每月一日"], []),
    ],
)
def test_drop_web_debris(lines: list[str], kept: list[str], dropped: list[str]) -> None:
    result = drop_web_debris(lines)
    assert result.lines == kept
    assert result.dropped == dropped


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            [
                "贯彻落实《中共云南省委云南省人民政府",
                "关于举全省之力打赢扶贫开发攻坚战的意见》",
                "省级部门责任分工方案",
            ],
            [
                "贯彻落实《中共云南省委云南省人民政府关于举全省之力打赢扶贫开发攻坚战的意见》",
                "省级部门责任分工方案",
            ],
        ),
        (["根据《脱贫攻坚", "责任制", "实施办法》制定"], ["根据《脱贫攻坚责任制实施办法》制定"]),
        (["《决定》和《意见》"], ["《决定》和《意见》"]),
        # a stray 《 never swallows the next article, item or unit list
        (["第一条 引用《某某", "第二条 正文。"], ["第一条 引用《某某", "第二条 正文。"]),
        (["(1)见《某", "牵头单位: 省扶贫办。"], ["(1)见《某", "牵头单位: 省扶贫办。"]),
        (["一、见《某", "(一)加强领导。"], ["一、见《某", "(一)加强领导。"]),
        (["见《某"], ["见《某"]),
    ],
)
def test_join_broken_lines(lines: list[str], expected: list[str]) -> None:
    assert join_broken_lines(lines) == expected


def test_join_broken_lines_gives_up_on_a_runaway_title() -> None:
    lines = ["《" + "字" * 120, "字" * 120, "第三句"]
    assert join_broken_lines(lines) == ["《" + "字" * 240, "第三句"]


def test_clean_runs_every_step_and_reports_debris() -> None:
    raw = (
        "當前位置:首頁>中國訪談\n"
        "\u3000第一章總則\n"
        "第一條 統(tǒng)籌全省16個州(市)。 第二章省負總責\n"
        "\n"
        "第二條 根據《脫貧\n攻堅責任制實施辦法》制定。\n"
        "分享到:\n0\n"
    )
    result = clean(raw)
    assert result.lines == [
        "第一章總則",
        "第一條 統籌全省16個州(市)。",
        "第二章省負總責",
        "第二條 根據《脫貧攻堅責任制實施辦法》制定。",
    ]
    assert result.dropped == ["當前位置:首頁>中國訪談", "分享到:", "0"]
    assert result.text == "\n".join(result.lines)


# ---------------------------------------------------------------------------------------------
# properties

_FRAGMENTS = [
    "第一章 总则",
    "第二章",
    "第十四 條",
    "第一百零三条 ",
    "第一节",
    "一、",
    "(一)",
    "（二）",
    "1.",
    "2、",
    "(1)",
    "（3）",
    "發(fā)",
    "統(tǒng)",
    "(",
    ")",
    "（",
    "）",
    "《",
    "》",
    "〈",
    "〉",
    "。",
    "；",
    "：",
    ":",
    "、",
    "，",
    "\n",
    "\n\n",
    " ",
    "\u00a0",
    "\u3000",
    "\t",
    "\r\n",
    "\ufeff",
    "发布时间:2016-12-09 00:00",
    "当前位置:首页",
    "分享到:",
    "阅读次数",
    "文章來源:",
    "19.08.2015  22:47",
    "牵头单位",
    "协同单位：",
    "省扶贫办",
    "省林业厅省水利厅",
    "州(市)",
    "(自治区、直辖市)",
    "〔2016〕",
    "(2016)",
    "2016年12月9日",
    "实施办法",
    "f",
    "ā",
    "x",
    "+|-",
]
realistic_text = st.one_of(
    st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map("".join),
    st.text(max_size=200),
)
_PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _cjk(text: str) -> Counter[str]:
    return Counter(ch for ch in text if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff")


@_PROPERTY
@given(realistic_text)
def test_clean_is_idempotent(text: str) -> None:
    once = clean(text)
    assert clean(once.text).lines == once.lines


@_PROPERTY
@given(realistic_text)
def test_clean_never_loses_a_cjk_character(text: str) -> None:
    # what it drops as debris is reported, so kept + dropped holds every CJK character
    result = clean(text)
    assert _cjk("".join(result.lines) + "".join(result.dropped)) == _cjk(text)


@_PROPERTY
@given(st.text())
def test_clean_never_raises_and_gives_stripped_non_empty_lines(text: str) -> None:
    result = clean(text)
    assert all(line and line == line.strip() for line in result.lines)
