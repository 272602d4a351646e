"""Structure as written (issue 12, section 2), on hand-written snippets in the shapes real
documents take: law-database Markdown, tables of contents, notices that carry a plan,
outlines, closings, and level and region read from the document itself."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from fupin_cli.corpus import ActorRegistry
from fupin_cli.datafolder import ACTORS_FILE, bundled_data_dir
from fupin_cli.extract.dates import date_line, doc_number_in, doc_number_line
from fupin_cli.extract.jurisdiction import jurisdiction
from fupin_cli.ingest.parse import Draft, parse_text
from fupin_cli.levels import Level
from fupin_cli.loader import load_actors
from fupin_cli.models import Document, Section

ASSETS = Path(__file__).parent / "assets"


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry(load_actors(bundled_data_dir() / ACTORS_FILE))


def parse(text: str, registry: ActorRegistry | None = None) -> list[Document]:
    return [d.document for d in parse_text(text, source="t.txt", registry=registry)]


def one(text: str, registry: ActorRegistry | None = None) -> Document:
    (doc,) = parse(text, registry)
    return doc


def asset(name: str, registry: ActorRegistry | None = None) -> Draft:
    (draft,) = parse_text(
        (ASSETS / name).read_text(encoding="utf-8"), source=name, registry=registry
    )
    return draft


def headings(sections: tuple[Section, ...], depth: int = 0) -> list[tuple[int, str, str, str]]:
    out = []
    for s in sections:
        out.append((depth, s.kind.value, s.label, s.title))
        out += headings(s.sections, depth + 1)
    return out


# ---------------------------------------------------------------------------------------------
# law-database Markdown


def test_law_markdown() -> None:
    doc = asset("law_markdown.md").document
    assert doc.title == "某某省乡村振兴促进条例"  # the # line, without its mark
    assert doc.issued == dt.date(2019, 7, 25)  # 通过
    assert doc.amended == (dt.date(2021, 9, 29),)  # 修正 (its line broken in two)
    assert doc.effective == dt.date(2022, 1, 1)  # 施行
    assert len(doc.history) == 3 and doc.history[1].endswith("第一次修正")
    assert doc.preamble is None  # <!-- INFO END --> is not text
    assert headings(doc.sections) == [
        (0, "chapter", "第一章", "总则"),
        (0, "chapter", "第二章", "产业发展"),
        (1, "section", "第一节", "一般规定"),
        (1, "section", "第二节", "特色产业"),
        (0, "chapter", "第三章", "附则"),
    ]
    assert [(a.no, a.label) for a in doc.articles] == [
        (1, "第一条"),
        (2, "第二条"),
        (3, "第三条"),
        (4, "第四条"),
        (4, "第四条之一"),  # an inserted article keeps its article's number
        (5, "第五条"),
    ]
    assert doc.articles[2].text.endswith("指导工作。")  # the next ## heading is not its text
    assert [i.label for i in doc.articles[3].items] == ["（一）", "（二）"]
    assert doc.articles[5].text == "本条例自2022年1月1日起施行。"  # its number alone on a line


def test_markdown_books_restart_chapters_without_a_new_document() -> None:
    text = "\n".join(
        [
            "# 某法",
            "## 第一编 总则",
            "### 第一章 任务",
            "第一条 甲。",
            "## 第二编 分则",
            "### 第一章 罪名",
            "第二条 乙。",
            "## 附则",
            "第三条 丙。",
        ]
    )
    doc = one(text)
    assert headings(doc.sections) == [
        (0, "book", "第一编", "总则"),
        (1, "chapter", "第一章", "任务"),
        (0, "book", "第二编", "分则"),
        (1, "chapter", "第一章", "罪名"),
        (0, "heading", "", "附则"),
    ]
    assert [a.section for a in doc.articles] == [
        ("第一编", "第一章"),
        ("第二编", "第一章"),
        ("附则",),
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "某县办法\n目录\n第一章 总则\n第二章 责任\n"
            "第一章 总则\n第一条 甲。\n第二章 责任\n第二条 乙。",
            id="contents-line",
        ),
        pytest.param(
            "某县办法\n第一章 总则\n第二章 责任\n"
            "第一章 总则\n第一条 甲。\n第二章 责任\n第二条 乙。",
            id="headings-printed-twice",
        ),
        pytest.param(
            "# 某县办法\n## 第一章 总则 第二章 责任\n## 第一章 总则\n第一条 甲。\n"
            "## 第二章 责任\n第二条 乙。",
            id="one-line-contents",
        ),
    ],
)
def test_a_table_of_contents_is_neither_chapters_nor_a_document(text: str) -> None:
    doc = one(text)
    assert [s.label for s in doc.sections] == ["第一章", "第二章"]
    assert [a.label for a in doc.articles] == ["第一条", "第二条"]
    assert doc.contents


# ---------------------------------------------------------------------------------------------
# notices that carry a plan


def test_a_city_notice_carrying_a_plan(registry: ActorRegistry) -> None:
    draft = asset("city_plan_inline.txt", registry)
    doc = draft.document
    assert doc.title == "南川市巩固拓展脱贫攻坚成果同乡村振兴有效衔接实施方案"  # two lines
    assert doc.notice is not None and doc.notice.startswith("南川市人民政府办公室关于印发")
    assert doc.notice.endswith("（此件公开发布）")
    assert doc.issuers == ("南川市人民政府办公室",)  # the 落款
    assert doc.issued == dt.date(2021, 8, 20)  # 二〇二一年八月二十日
    assert doc.doc_number == "南府办发〔2021〕37号"
    assert (doc.level, doc.region) == (Level.prefecture, "南川市")
    assert doc.preamble is not None and doc.preamble.startswith("为深入贯彻落实")


def test_a_ministry_notice_carrying_a_plan() -> None:
    doc = asset("ministry_notice.txt").document
    assert doc.title == "消费帮扶助力乡村振兴行动方案"
    assert doc.doc_number == "发改办财金规〔2019〕860号"
    assert doc.issued == dt.date(2019, 8, 20)
    assert doc.issuers == ("国家发展改革委办公厅",)
    assert (doc.level, doc.region) == (Level.central, "全国")
    assert doc.preamble is None  # 附件 and the title are not the plan's text
    assert doc.effective == dt.date(2019, 8, 20)  # 自印发之日起施行


def test_a_masthead_and_a_number_glued_to_the_title() -> None:
    text = "\n".join(
        [
            "鞍山市立山区人民政府文件",
            "鞍立政发〔2023〕2号立山区人民政府关于印发立山区2023年重点工作任务分工方案的通知",
            "各街道办事处，各区直部门：",
            "现将《立山区2023年重点工作任务分工方案》印发给你们，请认真贯彻落实。",
            "立山区人民政府",
            "2023-03-28",
            "立山区2023年重点工作",
            "任务分工方案",
            "一、经济发展",
            "1.努力实现地区生产总值增长6%左右。",
            "牵头单位：区发改局",
            "责任单位：各街道",
        ]
    )
    doc = one(text)
    assert doc.title == "立山区2023年重点工作任务分工方案"
    assert doc.doc_number == "鞍立政发〔2023〕2号"
    assert doc.issued == dt.date(2023, 3, 28)
    assert (doc.level, doc.region) == (Level.county, "立山区")
    (task,) = doc.tasks
    assert (task.lead, task.responsible) == (("区发改局",), ("各街道",))


def test_one_notice_two_measures_share_number_date_and_issuers() -> None:
    first, second = (
        d.document
        for d in parse_text(
            (ASSETS / "notice_two_measures.txt").read_text(encoding="utf-8"), source="n.txt"
        )
    )
    assert (first.title, second.title) == (
        "威远县脱贫攻坚责任制实施办法",
        "威远县脱贫攻坚工作责任追究暂行办法",
    )
    assert first.notice and second.notice is None
    for doc in (first, second):
        assert doc.doc_number == "威脱贫攻坚办[2016]74号"
        assert doc.issuers == ("威远县脱贫攻坚领导小组办公室",)


# ---------------------------------------------------------------------------------------------
# outlines


def test_parts_hold_their_items_and_are_never_articles() -> None:
    text = "\n".join(
        [
            "某市实施方案",
            "一、总体要求",
            "坚持统筹推进，确保落实。",
            "二、重点任务",
            "（一）健全监测机制。定期开展排查。",
            "（二）强化产业帮扶。发展特色产业。",
            "三、保障措施",
            "（三）加强组织领导。落实主体责任。",
        ]
    )
    doc = one(text)
    assert headings(doc.sections) == [
        (0, "part", "一、", "总体要求"),
        (0, "part", "二、", "重点任务"),
        (0, "part", "三、", "保障措施"),
    ]
    assert doc.sections[0].text == "坚持统筹推进，确保落实。"
    assert [(a.no, a.label, a.title) for a in doc.articles] == [
        (1, "（一）", "健全监测机制。"),
        (2, "（二）", "强化产业帮扶。"),
        (3, "（三）", "加强组织领导。"),
    ]


def test_an_outline_of_paragraphs_only_has_articles() -> None:
    text = (
        "关于议案的若干暂行规定\n一、代表可以提出议案。\n二、议案由主席团决定。\n"
        "三、本规定自公布之日起施行。"
    )
    doc = one(text)
    assert [a.label for a in doc.articles] == ["一、", "二、", "三、"]
    assert doc.sections == ()


def test_an_item_whose_text_starts_with_a_digit_is_one_item() -> None:
    text = "\n".join(
        [
            "某市项目方案",
            "一、重点项目",
            "10.实施农村供水工程。（牵头单位：市水务局）",
            "11.121人才梯队项目：每年培养带头人121名。（牵头单位：市人社局）",
            "12.实施农村公路工程。（牵头单位：市交通局）",
        ]
    )
    doc = one(text)
    assert [(t.label, t.text) for t in doc.tasks] == [
        ("10.", "实施农村供水工程。"),
        ("11.", "121人才梯队项目：每年培养带头人121名。"),
        ("12.", "实施农村公路工程。"),
    ]


@pytest.mark.parametrize(
    ("text", "label", "title"),
    [
        (
            "某县方案\n一、\n总体要求\n坚持统筹。\n二、\n重点任务\n（一）做好排查。",
            "一、",
            "总体要求",
        ),
        (
            "某县方案\n## 一、总体要求\n坚持统筹。\n## 二、重点任务\n（一）做好排查。",
            "一、",
            "总体要求",
        ),
        (
            "某县方案\n- 一、总体要求\n坚持统筹。\n- 二、重点任务\n（一）做好排查。",
            "一、",
            "总体要求",
        ),
        (
            "某县方案\n**一、总体要求**\n坚持统筹。\n**二、重点任务**\n（一）做好排查。",
            "一、",
            "总体要求",
        ),
    ],
    ids=["label-alone-on-its-line", "markdown-heading", "list-item", "bold"],
)
def test_headings_as_converters_print_them(text: str, label: str, title: str) -> None:
    doc = one(text)
    assert (doc.sections[0].label, doc.sections[0].title) == (label, title)
    assert doc.sections[0].text == "坚持统筹。"


def test_a_role_word_split_across_lines_is_joined() -> None:
    text = "某市方案\n一、重点任务\n（一）做好排查。（牵头部\n门：市乡村振兴局）"
    (task,) = one(text).tasks
    assert (task.lead, task.role_word("lead")) == (("市乡村振兴局",), "牵头部门")


def test_the_closing_holds_only_signature_date_and_copies() -> None:
    text = "\n".join(
        [
            "某市实施方案",
            "一、总体要求",
            "（一）目标。到2025年实现目标。",
            "二、保障措施",
            "各地要加强组织领导，落实工作责任。",
            "市有关部门要按照职责分工抓好落实。",
            "抄送：市委办公室，市人大常委会办公室。",
            "某市人民政府办公室",
            "2021年8月20日印发",
        ]
    )
    doc = one(text)
    assert (
        doc.sections[1].text
        == "各地要加强组织领导，落实工作责任。\n市有关部门要按照职责分工抓好落实。"
    )
    assert (
        doc.closing
        == "抄送：市委办公室，市人大常委会办公室。\n某市人民政府办公室\n2021年8月20日印发"
    )


# ---------------------------------------------------------------------------------------------
# tasks from labelled paragraphs, in article documents too


def test_unnumbered_labelled_paragraphs_are_tasks(registry: ActorRegistry) -> None:
    doc = asset("city_plan_inline.txt", registry).document
    paths = [t.path for t in doc.tasks]
    assert "二、 （五） 金融支持" in paths and "二、 （五） 财政支持" in paths
    # （四） holds two tasks (two brackets), so it is a heading; （五） and （六） have titles
    parts = doc.sections[1].sections
    assert [(s.label, s.title) for s in parts] == [
        ("（四）", ""),
        ("（五）", "强化政策支持"),
        ("（六）", "推进重点项目建设"),
    ]


def test_inline_assignments_in_an_article_make_tasks_and_keep_the_article() -> None:
    text = (
        "某县办法\n第一条 建立监测机制。（牵头单位：县乡村振兴局）\n第二条 本办法自印发之日起施行。"
    )
    doc = one(text)
    assert [a.label for a in doc.articles] == ["第一条", "第二条"]
    assert "（牵头单位：县乡村振兴局）" in doc.articles[0].text
    (task,) = doc.tasks
    assert (task.path, task.lead) == ("第一条", ("县乡村振兴局",))


def test_units_of_another_region_are_kept_as_written(registry: ActorRegistry) -> None:
    yunnan = "云南省某某方案\n一、任务\n（一）发展产业。（牵头单位：省发展改革委员会）"
    sichuan = "四川省某某方案\n一、任务\n（一）发展产业。（牵头单位：省发展改革委员会）"
    (y,) = one(yunnan, registry).tasks
    (s,) = one(sichuan, registry).tasks
    assert (y.lead, y.unknown) == (("省发展改革委",), ())  # the Yunnan alias, in Yunnan
    assert (s.lead, s.unknown) == (("省发展改革委员会",), ("省发展改革委员会",))


def test_prose_actors_are_duty_bearers_only(registry: ActorRegistry) -> None:
    text = (
        "某某办法\n第一条 统筹使用中央一般性转移支付资金。\n第二条 中央统筹、省负总责、市县抓落实。"
    )
    doc = one(text, registry)
    assert [a.actors for a in doc.articles] == [(), ("中央",)]


# ---------------------------------------------------------------------------------------------
# level and region, dates, numbers


@pytest.mark.parametrize(
    ("issuers", "title", "history", "level", "region"),
    [
        ([], "成都市巩固拓展脱贫攻坚成果实施方案", [], "prefecture", "成都市"),
        ([], "四川省成都市武侯区乡村振兴行动方案", [], "county", "四川省成都市武侯区"),
        ([], "威远县脱贫攻坚责任制实施办法", [], "county", "威远县"),
        (["中共成都市委办公厅"], "关于印发某某方案的通知", [], "prefecture", "成都市"),
        (["武侯区人民政府"], "某某方案", [], "county", "武侯区"),
        (["国家发展改革委办公厅"], "消费帮扶方案", [], "central", "全国"),
        (["国务院办公厅"], "某某意见", [], "central", "全国"),
        ([], "广西壮族自治区乡村振兴促进条例", [], "province", "广西壮族自治区"),
        ([], "北京市种子条例", [], "province", "北京市"),
        ([], "北京市朝阳区某某办法", [], "county", "北京市朝阳区"),
        ([], "恩施土家族苗族自治州某某条例", [], "prefecture", "恩施土家族苗族自治州"),
        ([], "景宁畲族自治县某某条例", [], "county", "景宁畲族自治县"),
        ([], "中华人民共和国乡村振兴促进法", [], "central", "全国"),
        ([], "城市供水条例", [], "unknown", "unknown"),
        ([], "保税区海关监管办法", [], "unknown", "unknown"),
        (
            [],
            "关于议案的若干暂行规定",
            ["1983年3月16日 北京市第八届人民代表大会第一次会议通过"],
            "province",
            "北京市",
        ),
        ([], "脱贫攻坚责任制实施办法", [], "unknown", "unknown"),
    ],
)
def test_level_and_region_from_the_document(
    issuers: list[str], title: str, history: list[str], level: str, region: str
) -> None:
    found = jurisdiction(issuers=issuers, title=title, history=history)
    assert (found.level.value, found.region) == (level, region)


def test_an_unknown_level_is_unknown_not_central() -> None:
    doc = one("某某实施方案\n一、总体要求\n（一）做好工作。")
    assert (doc.level, doc.region) == (Level.unknown, "unknown")


def test_level_and_region_given_by_the_user() -> None:
    (draft,) = parse_text(
        "某某实施方案\n一、总体要求\n（一）做好工作。",
        source="t",
        region="四川省",
        level="province",
    )
    assert (draft.document.level, draft.document.region) == (Level.province, "四川省")


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("2019年8月20日", dt.date(2019, 8, 20)),
        ("二〇一九年八月二十日", dt.date(2019, 8, 20)),
        ("二○二一年十二月三十一日", dt.date(2021, 12, 31)),
        ("（2016年1月9日）", dt.date(2016, 1, 9)),
        ("2019-08-20", dt.date(2019, 8, 20)),
        ("2019.8.20", dt.date(2019, 8, 20)),
        ("2019/08/20", dt.date(2019, 8, 20)),
        ("2019年8月20日印发", None),
        ("2019年2月30日", None),
        ("第2019号", None),
    ],
)
def test_date_lines(line: str, date: dt.date | None) -> None:
    assert date_line(line) == date


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("发改办财金规〔2019〕860号", "发改办财金规〔2019〕860号"),
        ("威脱贫攻坚办[2016]74号", "威脱贫攻坚办[2016]74号"),
        ("国发（2019）3号", "国发（2019）3号"),
        ("文号：川府发〔2021〕5号", "川府发〔2021〕5号"),
        ("根据国发〔2019〕3号文件精神", None),
    ],
)
def test_document_number_lines(line: str, number: str | None) -> None:
    assert doc_number_line(line) == number


def test_a_document_number_glued_to_a_title() -> None:
    assert doc_number_in("鞍立政发〔2023〕2号立山区人民政府关于印发的通知") == "鞍立政发〔2023〕2号"


def plain(doc: Document) -> dict[str, Any]:
    return doc.model_dump(mode="json", exclude_defaults=True)


def test_a_county_plan_with_parts_deadlines_and_an_attached_table() -> None:
    text = "\n".join(
        [
            "东山县2022年乡村振兴重点工作实施方案",
            "第一部分 总体要求",
            "全面推进乡村振兴。",
            "第二部分 重点任务",
            "一、重点任务",
            "1.推进农村人居环境整治。开展村庄清洁行动。（责任单位：县农业农村局，完成时限：2022年底）",
            "2.提升农村供水保障水平。实施农村供水工程。",
            "牵头领导：张某",
            "责任单位 县水利局",
            "完成时限：2022年10月",
            "3.加强人才培养。(责任单位:县农业农村局、县人社局，排在第一位的为牵头单位，下同)",
            "4.发展农村电商。(责任单位:县商务局、县邮政管理局)",
            "东山县人民政府办公室",
            "2022年2月18日",
            "附件1：",
            "东山县2022年重点任务清单",
            "序号\t任务\t牵头单位\t完成时限",
            "1\t改厕3000户\t县农业农村局\t2022年11月底",
        ]
    )
    doc = one(text)
    books = [(s.kind.value, s.label) for s in doc.sections][:2]
    assert books == [("book", "第一部分"), ("book", "第二部分")]
    first, second, third, fourth, table = doc.tasks
    assert (first.responsible, first.deadline) == (("县农业农村局",), "2022年底")
    assert second.text == "提升农村供水保障水平。实施农村供水工程。\n牵头领导：张某"
    assert (second.responsible, second.deadline) == (("县水利局",), "2022年10月")
    assert (third.lead, third.responsible) == (("县农业农村局",), ("县人社局",))
    # the convention said 下同: it decides the next task's lead too
    assert (fourth.lead, fourth.lead_from) == (("县商务局",), "排在第一位的为牵头单位")
    # the attached table is not part of the last section: its title is its section
    assert (table.section, table.lead, table.deadline) == (
        ("东山县2022年重点任务清单",),
        ("县农业农村局",),
        "2022年11月底",
    )
    assert doc.closing is not None and doc.closing.startswith("东山县人民政府办公室\n2022年2月18日")


def test_a_unit_list_broken_over_lines_and_units_joined_by_he() -> None:
    text = "\n".join(
        [
            "西河县产业帮扶分工方案",
            "一、重点任务",
            "（一）发展特色产业。扶持村级集体经济。",
            "牵头单位：县农业农村局和县乡村振兴局",
            "配合单位：县财政局、县市场监管局、",
            "县人力资源和社会保障局、各乡镇人民政府",
        ]
    )
    (task,) = one(text).tasks
    assert task.lead == ("县农业农村局", "县乡村振兴局")
    assert task.co == ("县财政局", "县市场监管局", "县人力资源和社会保障局", "各乡镇人民政府")


def test_an_item_with_two_tasks_keeps_its_heading_and_every_task_shows() -> None:
    """An item whose bracketed assignment is followed by a labelled paragraph with its own:
    both are tasks under the item, and the item is a heading of the outline, so `show` and
    the reading order meet both (they once hung under a heading the outline lacked)."""
    from fupin_cli.coverage import findings
    from fupin_cli.query.documents import reading_order

    doc = one(
        "某市行动方案\n一、重点任务\n（一）教育扶贫\n"
        "3.落实控辍保学责任〔牵头部门：市教育局；责任部门：各县（市、区）教育局〕\n"
        "金融支持：扩大扶贫小额信贷覆盖面（牵头单位：人行某市中心支行，配合单位：市金融办）\n"
    )
    assert [t.text for t in doc.tasks] == ["落实控辍保学责任", "金融支持：扩大扶贫小额信贷覆盖面"]
    assert {tuple(t.section) for t in doc.tasks} == {("一、", "（一）", "3.")}
    assert ("一、", "（一）", "3.") in {p for p, _ in _heading_paths(doc.sections)}
    shown = [n for _, n in reading_order(doc)]
    assert all(any(t is n for n in shown) for t in doc.tasks)
    assert not [f for f in findings(doc) if f.loc[-1:] == ("section",)]


def _heading_paths(
    sections: tuple[Section, ...], path: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], Section]]:
    out = []
    for sec in sections:
        out.append(((*path, sec.label), sec))
        out += _heading_paths(sec.sections, (*path, sec.label))
    return out


def test_a_task_under_a_missing_heading_is_reported_and_still_shown() -> None:
    from fupin_cli.coverage import findings
    from fupin_cli.query.documents import reading_order

    doc = one("某市行动方案\n一、重点任务\n1.发展产业。（牵头单位：市农业农村局）\n")
    task = doc.tasks[0].model_copy(update={"section": ("一、", "（九）")})
    broken = doc.model_copy(update={"tasks": (task,)})
    assert any("a heading the outline lacks" in f.message for f in findings(broken))
    assert any(n is task for _, n in reading_order(broken))
