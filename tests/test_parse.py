"""Structure, metadata and task tables (`fupin_cli.ingest.parse`), on short realistic snippets."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fupin_cli.corpus import ActorRegistry
from fupin_cli.datafolder import ACTORS_FILE, bundled_data_dir
from fupin_cli.errors import IngestError
from fupin_cli.extract.actors import propose_actors
from fupin_cli.extract.dates import date_line
from fupin_cli.extract.structure import LineKind, classify
from fupin_cli.ingest.clean import clean
from fupin_cli.ingest.decode import decode
from fupin_cli.ingest.parse import Draft, detect_script, parse_text
from fupin_cli.loader import load_actors
from fupin_cli.models import Document

ASSETS = Path(__file__).parent / "assets"
SOURCES = sorted((Path(__file__).parent.parent / "data" / "sources").glob("*.txt"))


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry(load_actors(bundled_data_dir() / ACTORS_FILE))


def parse_asset(name: str, registry: ActorRegistry | None = None, **kw: Any) -> list[Draft]:
    path = ASSETS / name
    return parse_text(path.read_text(encoding="utf-8"), source=path.name, registry=registry, **kw)


def plain_data(draft: Draft) -> dict[str, Any]:
    """The parsed document as plain data (lists, not tuples), for compact assertions."""

    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    result: dict[str, Any] = plain(draft.document.model_dump(by_alias=True))
    return result


def article_rows(draft: Draft) -> list[tuple[int, str, str]]:
    return [(a["no"], a["label"], a["text"]) for a in plain_data(draft)["articles"]]


def section_rows(sections: list[dict[str, Any]], depth: int = 0) -> list[tuple[int, str, str]]:
    rows: list[tuple[int, str, str]] = []
    for s in sections:
        rows.append((depth, s["label"], s["title"]))
        rows.extend(section_rows(s["sections"], depth + 1))
    return rows


# ---------------------------------------------------------------------------------------------
# labels


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("第一章 总则", (LineKind.chapter, "第一章", 1, "总则")),
        ("第一章總則", (LineKind.chapter, "第一章", 1, "總則")),
        ("第 十二 章 附则", (LineKind.chapter, "第 十二 章", 12, "附则")),
        ("第二节 考核", (LineKind.section, "第二节", 2, "考核")),
        ("第三節 監督", (LineKind.section, "第三節", 3, "監督")),
        ("第一条 为了全面落实", (LineKind.article, "第一条", 1, "为了全面落实")),
        ("第十四 條 州(市)黨委", (LineKind.article, "第十四 條", 14, "州(市)黨委")),
        ("第二十九条 本办法", (LineKind.article, "第二十九条", 29, "本办法")),
        ("第一百条 x", (LineKind.article, "第一百条", 100, "x")),
        ("第一百零三条 x", (LineKind.article, "第一百零三条", 103, "x")),
        ("第一百一十条 x", (LineKind.article, "第一百一十条", 110, "x")),
        ("第二百三十五条 x", (LineKind.article, "第二百三十五条", 235, "x")),
        ("第〇三条 x", (LineKind.article, "第〇三条", 3, "x")),
        ("一、责任分工", (LineKind.part, "一、", 1, "责任分工")),
        ("十二、 工作要求", (LineKind.part, "十二、", 12, "工作要求")),
        ("(一)瞄准贫困对象", (LineKind.paren_part, "(一)", 1, "瞄准贫困对象")),
        ("（三十）加强组织领导", (LineKind.paren_part, "（三十）", 30, "加强组织领导")),
        ("1. 产业扶持到村到户", (LineKind.item, "1.", 1, "产业扶持到村到户")),
        ("2、安居建设", (LineKind.item, "2、", 2, "安居建设")),
        ("3．全角点", (LineKind.item, "3．", 3, "全角点")),
        ("(1)对有劳动能力", (LineKind.paren_item, "(1)", 1, "对有劳动能力")),
        ("（12）全角括号", (LineKind.paren_item, "（12）", 12, "全角括号")),
    ],
)
def test_classify_labels(line: str, expected: tuple[int, str, int, str]) -> None:
    assert classify(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "第三方评估",
        "第一书记要驻村",
        "1.5亿元用于扶贫",
        "2016年12月9日",
        "(2016年1月9日)",
        "〔2016〕33号",
        "第零条 x",
        "(0)x",
        "一是加强领导",
        "省扶贫办。",
    ],
)
def test_classify_ignores_what_is_not_a_label(line: str) -> None:
    assert classify(line) is None


# ---------------------------------------------------------------------------------------------
# structures, on inline snippets

STRUCTURES = [
    pytest.param(
        "某县实施办法\n第一条 甲。\n第二条 乙。\n第三条 丙。",
        [],
        [(1, "第一条", "甲。"), (2, "第二条", "乙。"), (3, "第三条", "丙。")],
        id="articles-only",
    ),
    pytest.param(
        "某县实施办法\n第一章 总则\n第一条 甲。\n第二章 责任\n第一节 县级\n第二条 乙。\n"
        "第二节 镇级\n第三条 丙。",
        [
            (0, "第一章", "总则"),
            (0, "第二章", "责任"),
            (1, "第一节", "县级"),
            (1, "第二节", "镇级"),
        ],
        [(1, "第一条", "甲。"), (2, "第二条", "乙。"), (3, "第三条", "丙。")],
        id="chapters-and-jie",
    ),
    pytest.param(
        "某县实施办法\n第一章 总则\n第一条 甲。 第二章 责任\n第二条 乙。",
        [(0, "第一章", "总则"), (0, "第二章", "责任")],
        [(1, "第一条", "甲。"), (2, "第二条", "乙。")],
        id="heading-runs-on",
    ),
    pytest.param(
        "某县实施办法\n第一条 甲。\n第十四 條 乙。\n第一百零三条 丙。",
        [],
        [(1, "第一条", "甲。"), (14, "第十四 條", "乙。"), (103, "第一百零三条", "丙。")],
        id="stray-space-and-hundreds",
    ),
    pytest.param(
        "某县实施办法\n第一条 甲。\n第二条 乙\n续一段。",
        [],
        [(1, "第一条", "甲。"), (2, "第二条", "乙\n续一段。")],
        id="article-with-two-paragraphs",
    ),
]


@pytest.mark.parametrize(("text", "sections", "articles"), STRUCTURES)
def test_structures(
    text: str, sections: list[tuple[int, str, str]], articles: list[tuple[int, str, str]]
) -> None:
    (draft,) = parse_text(text, source="t.txt")
    assert section_rows(plain_data(draft)["sections"]) == sections
    assert article_rows(draft) == articles
    Document.model_validate(plain_data(draft))


def test_items_inside_an_article() -> None:
    text = "\n".join(
        [
            "某县办法",
            "第一条 有下列情形之一的,予以问责:",
            "(一)未完成任务的;",
            "（二）弄虚作假的。",
            "第二条 附则。",
        ]
    )
    (draft,) = parse_text(text, source="t.txt")
    first = plain_data(draft)["articles"][0]
    assert first["text"] == "有下列情形之一的,予以问责:"
    assert [(i["no"], i["label"], i["text"]) for i in first["items"]] == [
        (1, "(一)", "未完成任务的;"),
        (2, "（二）", "弄虚作假的。"),
    ]


@pytest.mark.parametrize(
    ("text", "sections", "articles"),
    [
        pytest.param(
            "某省实施意见\n一、总体要求\n(一)指导思想。全面贯彻。\n(二)目标。到2020年。\n二、措施\n"
            "(三)发展产业。因地制宜。",
            [(0, "一、", "总体要求"), (0, "二、", "措施")],
            [
                (1, "(一)", "指导思想。", "全面贯彻。"),
                (2, "(二)", "目标。", "到2020年。"),
                (3, "(三)", "发展产业。", "因地制宜。"),
            ],
            id="parts-and-items",
        ),
        pytest.param(
            "某省实施意见\n一、总体要求\n（一）全角括号。正文。\n二、措施\n（二）另一项。正文。",
            [(0, "一、", "总体要求"), (0, "二、", "措施")],
            [(1, "（一）", "全角括号。", "正文。"), (2, "（二）", "另一项。", "正文。")],
            id="fullwidth-parens",
        ),
        pytest.param(
            "某省方案\n一、分工\n(一)产业\n1. 到村\n2、到户\n二、要求\n"
            "(一)加强领导。要把思想统一起来。",
            [(0, "一、", "分工"), (1, "(一)", "产业"), (0, "二、", "要求")],
            # (一) repeats a number: articles are numbered in reading order instead
            [
                (1, "1.", None, "到村"),
                (2, "2、", None, "到户"),
                (3, "(一)", "加强领导。", "要把思想统一起来。"),
            ],
            id="four-levels",
        ),
    ],
)
def test_outlines(
    text: str, sections: list[tuple[int, str, str]], articles: list[tuple[Any, ...]]
) -> None:
    (draft,) = parse_text(text, source="t.txt")
    assert section_rows(plain_data(draft)["sections"]) == sections
    got = [(a["no"], a["label"], a.get("title"), a["text"]) for a in plain_data(draft)["articles"]]
    assert got == articles


def test_preamble_and_closing_around_articles() -> None:
    text = (
        "某县实施细则\n为了加强管理,制定本细则。\n第一条 甲。\n第二条 乙。\n"
        "中共某县委办公室2017年5月26日印发"
    )
    (draft,) = parse_text(text, source="t.txt")
    assert plain_data(draft)["preamble"] == "为了加强管理,制定本细则。"
    assert plain_data(draft)["closing"] == "中共某县委办公室2017年5月26日印发"
    assert plain_data(draft)["issuers"] == ["中共某县委办公室"]
    assert plain_data(draft)["issued"] == dt.date(2017, 5, 26)
    assert article_rows(draft)[-1] == (2, "第二条", "乙。")


def test_last_article_keeps_its_paragraphs_and_a_signature_closes() -> None:
    text = (
        "某县实施办法\n第一条 甲。\n第二条 乙;\n续一段。\n某县脱贫攻坚领导小组办公室\n2016年12月9日"
    )
    (draft,) = parse_text(text, source="t.txt")
    assert article_rows(draft)[-1] == (2, "第二条", "乙;\n续一段。")
    assert plain_data(draft)["closing"] == "某县脱贫攻坚领导小组办公室\n2016年12月9日"


# ---------------------------------------------------------------------------------------------
# the assets: realistic excerpts of the five kinds of source


def test_run_on_traditional_asset() -> None:
    (draft,) = parse_asset("run_on_traditional.txt")
    data = plain_data(draft)
    assert section_rows(data["sections"]) == [
        (0, "第一章", "總則"),
        (0, "第二章", "省負總責"),
        (0, "第三章", "附則"),
    ]
    assert [(a["no"], a["label"], a["section"]) for a in data["articles"]] == [
        (1, "第一條", ["第一章"]),
        (2, "第二條", ["第一章"]),
        (3, "第三條", ["第一章"]),
        (4, "第四條", ["第二章"]),
        (14, "第十四 條", ["第二章"]),
        (103, "第一百零三条", ["第三章"]),
    ]
    texts = "\n".join(a["text"] for a in data["articles"])
    assert "(fā)" not in texts and "(tǒng)" not in texts and "(qū)" not in texts
    assert "縣(市、區)" in texts and "州(市)" in texts and "(廳字〔2016〕33號)" in texts
    assert data["articles"][2]["text"].endswith("責任體系。")  # the run-on heading is gone
    assert data["script"] == "traditional"
    assert data["closing"] == "中共云南省委辦公廳2017年5月26日印發"
    assert data["issuers"] == ["中共云南省委辦公廳"]
    assert data["issued"] == dt.date(2017, 5, 26)
    assert data["effective"] == dt.date(2017, 5, 26)  # 自印發之日起施行


def test_notice_with_two_measures_asset() -> None:
    first, second = parse_asset("notice_two_measures.txt")
    assert plain_data(first)["title"] == "威远县脱贫攻坚责任制实施办法"
    assert plain_data(second)["title"] == "威远县脱贫攻坚工作责任追究暂行办法"
    assert [a["no"] for a in plain_data(first)["articles"]] == [1, 2, 3, 4]
    assert [a["no"] for a in plain_data(second)["articles"]] == [1, 2, 3]
    assert plain_data(second)["sections"] == []
    assert [i["label"] for i in plain_data(second)["articles"][1]["items"]] == ["(一)", "(二)"]
    for draft in (first, second):  # the notice's number, date and signature are shared
        assert plain_data(draft)["doc_number"] == "威脱贫攻坚办[2016]74号"
        assert plain_data(draft)["issued"] == dt.date(2016, 12, 9)
        assert plain_data(draft)["issuers"] == ["威远县脱贫攻坚领导小组办公室"]
        assert plain_data(draft)["published"] == dt.date(2016, 12, 9)
        assert (plain_data(draft)["level"], plain_data(draft)["region"]) == ("county", "威远县")
    assert plain_data(first)["effective"] == dt.date(2016, 12, 9)
    assert plain_data(first)["notice"].startswith("威远县脱贫攻坚领导小组办公室关于印发")
    assert "现予印发" in plain_data(first)["notice"]
    assert any("发布时间:2016-12-09" in w for w in first.warnings)


def test_outline_with_preamble_asset() -> None:
    (draft,) = parse_asset("outline_preamble.txt")
    data = plain_data(draft)
    assert data["title"] == "中共黑龍江省委 黑龍江省人民政府關於打贏脫貧攻堅戰的實施意見"
    assert data["short_title"] == "打贏脫貧攻堅戰的實施意見"
    assert data["issuers"] == ["中共黑龍江省委", "黑龍江省人民政府"]
    assert (data["level"], data["region"]) == ("province", "黑龙江省")
    assert data["issued"] == dt.date(2016, 1, 9)
    assert data["published"] == dt.date(2016, 2, 17)
    assert data["preamble"] == "打贏脫貧攻堅戰是黨中央、國務院的重大戰略部署,特提出如下實施意見。"
    assert data["closing"] == "扶貧開發事關我省全面建成小康社會,確保如期實現脫貧攻堅目標。"
    assert [(a["no"], a["title"], a["section"]) for a in data["articles"]] == [
        (1, "指導思想。", ["一、"]),
        (2, "攻堅目標。", ["一、"]),
        (3, "發展特色產業脫貧。", ["二、"]),
    ]
    (warning,) = draft.warnings
    for debris in ("當前位置", "文章來源", "+|-", "分享到"):
        assert debris in warning


def test_central_notice_asset() -> None:
    (draft,) = parse_asset("central_notice.txt")
    data = plain_data(draft)
    assert data["title"] == "脱贫攻坚责任制实施办法"  # 中办国办印发《X》 names X
    assert data["issuers"] == ["中共中央办公厅", "国务院办公厅"]
    assert data["notice"].startswith("中办国办印发《脱贫攻坚责任制实施办法》\n近日")
    assert data["effective"] == dt.date(2016, 10, 11)
    assert (data["level"], data["region"]) == ("central", "全国")
    assert data["preamble"] is None


# ---------------------------------------------------------------------------------------------
# task tables


def task_rows(draft: Draft) -> list[tuple[str, list[str], list[str]]]:
    return [(t["path"], t["lead"], t["co"]) for t in plain_data(draft)["tasks"]]


def test_task_table_asset(registry: ActorRegistry) -> None:
    (draft,) = parse_asset("task_table.txt", registry)
    data = plain_data(draft)
    # the title printed again, broken over three lines, is dropped and reported
    assert data["title"] == (
        "贯彻落实《中共云南省委云南省人民政府关于举全省之力打赢扶贫开发攻坚战的意见》"
        "省级部门责任分工方案"
    )
    assert data["short_title"] == data["title"]  # its 关于 is inside 《》
    assert (data["level"], data["region"]) == ("province", "云南省")
    assert data["published"] == dt.date(2015, 8, 19)
    assert task_rows(draft) == [
        (
            "一、 (一) 1. (1)",
            ["省农业厅"],
            ["省发展改革委", "省林业厅", "省水利厅", "省交通运输厅", "省扶贫办"],
        ),
        ("一、 (一) 1. (2)", ["省水利厅", "省农业厅"], ["省财政厅", "省国土资源厅", "省扶贫办"]),
        # 主要责任单位 names no lead: the unit is responsible, as the document says
        ("一、 (一) 2、 （1）", [], ["某某县水务局", "省残联"]),
    ]
    assert data["tasks"][2]["responsible"] == ["省住房城乡建设厅"]
    assert data["tasks"][2]["unknown"] == ["某某县水务局"]
    first = data["tasks"][0]
    assert first["text"] == "对有劳动能力的贫困户，加大产业培育扶持力度。"
    assert first["lead_line"] == "牵头单位: 省农业厅。"
    assert first["co_line"].startswith("协同单位: 省发展改革委员会、省林业厅省水利厅")
    assert data["tasks"][2]["co_line"] == "配合单位:某某县水务局\n参与单位 省残联"
    assert [a["title"] for a in data["articles"]] == ["切实加强组织领导。", "切实加强督促检查。"]
    assert "一、 (一) 1. (2): unit listed twice in one list, kept once: 省财政厅" in draft.warnings
    assert sum("repeated title dropped" in w for w in draft.warnings) == 2
    Document.model_validate(data)


@pytest.mark.parametrize(
    ("lines", "lead", "responsible", "co"),
    [
        (["牵头单位: 省农业厅。", "协同单位: 省林业厅。"], ["省农业厅"], [], ["省林业厅"]),
        (["牵头单位：省农业厅", "协同单位：省林业厅"], ["省农业厅"], [], ["省林业厅"]),
        (["牵头单位 省扶贫办。", "协同单位 省林业厅"], ["省扶贫办"], [], ["省林业厅"]),
        (["牵头单位省扶贫办", "协同单位省林业厅"], ["省扶贫办"], [], ["省林业厅"]),
        # 责任单位 alone is responsible, not lead
        (["责任单位：省民政厅", "配合单位：省财政厅"], [], ["省民政厅"], ["省财政厅"]),
        (["主要责任单位:省教育厅", "参与单位:省财政厅"], [], ["省教育厅"], ["省财政厅"]),
        (["牵头部门：省教育厅", "责任部门：省财政厅"], ["省教育厅"], ["省财政厅"], []),
        (["牽頭單位:省農業廳", "協同單位:省林業廳"], ["省农业厅"], [], ["省林业厅"]),
        # two labels on one line
        (["牵头单位：省农业厅  配合单位：省林业厅"], ["省农业厅"], [], ["省林业厅"]),
        (
            ["牵头单位: 省林业厅省水利厅", "协同单位: 省交通厅、省交通运输厅"],
            ["省林业厅", "省水利厅"],
            [],
            ["省交通运输厅"],
        ),
        (
            ["牵头单位: 省农业厅", "协同单位: 省林业厅", "配合单位: 省水利厅、省林业厅"],
            ["省农业厅"],
            [],
            ["省林业厅", "省水利厅"],
        ),
    ],
)
def test_unit_lines(
    registry: ActorRegistry,
    lines: list[str],
    lead: list[str],
    responsible: list[str],
    co: list[str],
) -> None:
    text = "\n".join(["云南省某某分工方案", "一、分工", "(1)发展产业。", *lines])
    (draft,) = parse_text(text, source="t.txt", registry=registry)
    ((path, got_lead, got_co),) = task_rows(draft)
    assert path == "一、 (1)"
    assert (got_lead, plain_data(draft)["tasks"][0]["responsible"], got_co) == (
        lead,
        responsible,
        co,
    )
    assert plain_data(draft)["tasks"][0]["text"] == "发展产业。"


@pytest.mark.parametrize(
    "sentence",
    [
        "支持单位和个人通过投资、捐款捐物、志愿服务等方式，参与乡村振兴促进工作。",
        "参与单位应当按照约定履行义务。",
        "责任单位和责任人应当及时整改。",
    ],
)
def test_a_sentence_that_begins_like_a_label_stays_text(
    registry: ActorRegistry, sentence: str
) -> None:
    # 北京市乡村振兴促进条例 第六条: the article's last paragraph is a sentence, not a list
    text = "\n".join(
        ["北京市某某条例", "第一章 总则", "第六条 各级人民政府应当开展宣传。", sentence]
    )
    (draft,) = parse_text(text, source="t.md", registry=registry)
    doc = draft.document
    assert doc.tasks == ()
    assert doc.articles[0].text.endswith(sentence)


def test_the_role_word_is_kept_as_written(registry: ActorRegistry) -> None:
    text = "云南省某某分工方案\n一、分工\n(1)发展产业。\n牵头部门：省农业厅\n协同单位：省林业厅"
    (draft,) = parse_text(text, source="t.txt", registry=registry)
    task = draft.document.tasks[0]
    assert (task.role_word("lead"), task.role_word("co")) == ("牵头部门", "协同单位")


# ---------------------------------------------------------------------------------------------
# the seeds


def test_seed_002_holds_two_documents() -> None:
    path = next(p for p in SOURCES if p.name.startswith("002_"))
    first, second = parse_text(path.read_text(encoding="utf-8"), source=path.name)
    assert len(plain_data(first)["articles"]) == 22
    assert len(plain_data(second)["articles"]) == 12
    assert len(plain_data(first)["sections"]) == 6
    assert (
        plain_data(first)["doc_number"]
        == plain_data(second)["doc_number"]
        == "威脱贫攻坚办[2016]74号"
    )
    assert plain_data(first)["issued"] == plain_data(second)["issued"] == dt.date(2016, 12, 9)


@pytest.mark.parametrize(
    ("prefix", "articles", "sections", "tasks", "script"),
    [
        ("000_", 30, 6, 0, "traditional"),
        ("001_", 4, 2, 82, "simplified"),
        ("003_", 30, 8, 0, "traditional"),
        ("004_", 29, 7, 0, "simplified"),
    ],
)
def test_seed_shapes(
    registry: ActorRegistry, prefix: str, articles: int, sections: int, tasks: int, script: str
) -> None:
    path = next(p for p in SOURCES if p.name.startswith(prefix))
    (draft,) = parse_text(path.read_text(encoding="utf-8"), source=path.name, registry=registry)
    data = plain_data(draft)
    assert (len(data["articles"]), len(data["sections"]), len(data["tasks"])) == (
        articles,
        sections,
        tasks,
    )
    assert data["script"] == script


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("脱贫攻坚责任制实施办法", "simplified"),
        ("脫貧攻堅責任制實施辦法", "traditional"),
        ("2016", "simplified"),
    ],
)
def test_detect_script(text: str, script: str) -> None:
    assert detect_script(text) == script


# ---------------------------------------------------------------------------------------------
# bad input


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "t.txt: the file is empty"),
        (" \n\u3000\n\t", "t.txt: the file is empty"),
        ("当前位置:首页>新闻\n分享到:\n新闻标题", "nothing is left after removing web-page debris"),
        ("扶贫开发工作座谈会纪要\n会议强调，要把脱贫攻坚作为头等大事来抓。", "no structure found"),
    ],
)
def test_bad_text_raises_ingest_error(text: str, message: str) -> None:
    with pytest.raises(IngestError, match=message):
        parse_text(text, source="t.txt")


def test_as_paragraphs_keeps_each_paragraph() -> None:
    with pytest.raises(IngestError, match="--as-paragraphs"):
        parse_asset("paragraphs.txt")
    (draft,) = parse_asset("paragraphs.txt", as_paragraphs=True)
    assert [a["text"] for a in plain_data(draft)["articles"]] == [
        "扶贫开发工作座谈会纪要",
        "会议强调，要把脱贫攻坚作为头等大事来抓。",
        "会议要求，各部门加强协作配合，形成工作合力。",
    ]
    Document.model_validate(plain_data(draft))


# ---------------------------------------------------------------------------------------------
# properties

_FRAGMENTS = [
    "第一章 总则",
    "第二章",
    "第十四 條",
    "第一百零三条 ",
    "第一条 ",
    "第一节",
    "一、",
    "(一)",
    "（二）",
    "1.",
    "2、",
    "(1)",
    "（3）",
    "發(fā)",
    "(",
    ")",
    "《",
    "》",
    "。",
    "；",
    "：",
    "、",
    "\n",
    "\n\n",
    " ",
    "\u3000",
    "发布时间:2016-12-09 00:00",
    "当前位置:首页",
    "分享到:",
    "19.08.2015  22:47",
    "牵头单位",
    "协同单位：",
    "配合单位",
    "省扶贫办",
    "省林业厅省水利厅",
    "某某局",
    "为了加强",
    "威脱贫攻坚办[2016]74号",
    "2016年12月9日",
    "(2016年1月9日)",
    "实施办法",
    "的通知",
    "关于",
    "中共威远县委",
    "现予印发",
    "自印发之日起施行",
    "自2016年13月1日起施行",
    "中共某县委办公室2017年2月30日印发",
    "x",
    "0",
    # the forms of issue 12: inline assignments, tables, Markdown, notices, contents
    "（牵头单位：",
    "；配合单位：",
    "责任部门：",
    "市委组织部（人才办）",
    "各区、县级市人民政府",
    "等相关单位",
    "）",
    "〔",
    "〕",
    "牵头，",
    "配合）",
    "排在第一位的为牵头单位",
    "金融支持：",
    "11.121人才",
    "# ",
    "## ",
    "### 第一节 ",
    "<!-- INFO END -->",
    "2019年7月25日 某会议通过",
    "目录",
    "| 序号 | 重点任务 | 牵头单位 |",
    "|---|---|---|",
    "| 1 | 做好排查 | 市民政局 |",
    "序号\t重点任务\t责任单位\t完成时限",
    "\t",
    "附件",
    "关于印发《某某方案》的通知",
    "二〇一九年八月二十日",
    "（此件公开发布）",
    "抄送：",
    "第四条之一 ",
    "第一编 ",
    "- ",
    "**",
]
policy_like = st.one_of(
    st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map("".join),
    st.text(max_size=200),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(policy_like, st.booleans())
def test_parse_text_raises_only_ingest_error(text: str, as_paragraphs: bool) -> None:
    try:
        drafts = parse_text(text, source="t.txt", as_paragraphs=as_paragraphs)
    except IngestError:
        return
    assert drafts


def _cjk(text: str) -> Counter[str]:
    return Counter(ch for ch in text if "\u4e00" <= ch <= "\u9fff")


def _document_text(doc: Document) -> str:
    """Every text a document holds, whatever the field."""
    parts: list[str] = [doc.title, doc.notice or "", doc.preamble or "", doc.closing or ""]
    parts += [*doc.history, *doc.contents, doc.doc_number or ""]

    def walk(sections: tuple[Any, ...]) -> None:
        for sec in sections:
            parts.extend([sec.label, sec.title, sec.text or ""])
            walk(sec.sections)

    walk(doc.sections)
    for art in doc.articles:
        parts.extend([art.label, art.title or "", art.text])
        parts += [f"{i.label}{i.text}" for i in art.items]
    for task in doc.tasks:
        parts += [task.label, task.text, task.assignment or "", task.deadline or ""]
        parts += [task.lead_line or "", task.co_line or "", task.responsible_line or ""]
    return "\n".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(policy_like)
def test_parse_text_loses_no_body_character(text: str) -> None:
    """Every character of the body is in the documents: the text as cleaned, with web debris,
    markup and tables set aside, a title printed twice read once, and date lines read as
    dates (as the fidelity tests allow)."""
    try:
        drafts = parse_text(text, source="t.txt", as_paragraphs=True)
    except IngestError:
        return
    cleaned = clean(text)
    body = _cjk("".join(x for x in cleaned.lines if not x.startswith("\x00") and not date_line(x)))
    for draft in drafts:
        for warning in draft.warnings:
            if "repeated title dropped: " in warning:
                body -= _cjk(warning.split("repeated title dropped: ", 1)[1])
    held = _cjk("".join(_document_text(d.document) for d in drafts))
    assert not body - held, f"lost: {''.join((body - held).elements())}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_gb18030_copy_parses_like_the_utf8_text(registry: ActorRegistry, path: Path) -> None:
    utf8 = path.read_text(encoding="utf-8")
    text, used = decode(utf8.encode("gb18030"), source=path.name)
    assert used == "gb18030"
    expected = parse_text(utf8, source=path.name, registry=registry)
    got = parse_text(text, source=path.name, registry=registry)
    assert [plain_data(d) for d in got] == [plain_data(d) for d in expected]
    assert [d.warnings for d in got] == [d.warnings for d in expected]


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("县级党委和政府承担脱贫攻坚主体责任", ["县级党委和政府"]),
        ("縣級黨委和政府承擔脫貧攻堅主體責任", ["县级党委和政府"]),
        (
            "根据《中共中央、国务院关于打赢脱贫攻坚战的决定》,省级党委和政府负总责",
            ["省级党委和政府"],
        ),
        ("按照《〈中共中央、国务院关于…的决定〉重要政策措施分工方案》要求", []),
        ("中央纪委机关对脱贫攻坚进行监督执纪问责,审计署进行跟踪审计", ["中央纪委机关", "审计署"]),
    ],
)
def test_proposed_actors_skip_cited_titles(
    registry: ActorRegistry, text: str, actors: list[str]
) -> None:
    assert propose_actors(text, registry) == actors
