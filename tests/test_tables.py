"""Task tables in the forms text takes (`fupin_cli.ingest.tables`), read through `parse_text`.

Each snippet is a 分工表 as it comes out of a converter: Markdown, a Word table copied as
tab-separated text (cells with several paragraphs, cells wrapping line by line), a CSV
export, columns aligned with spaces, and a Word table pasted one cell per line.
"""

from __future__ import annotations

from typing import Any

import pytest

from fupin_cli.ingest.parse import parse_text

HEAD = "某县2022年乡村振兴重点任务分工方案\n为抓好落实，制定本方案。\n"


def tasks(text: str) -> list[dict[str, Any]]:
    (draft,) = parse_text(text, source="t.txt")
    return [
        {k: v for k, v in t.model_dump().items() if v not in (None, (), "")}
        for t in draft.document.tasks
    ]


def rows(text: str) -> list[tuple[Any, ...]]:
    return [
        (t.get("label"), t["text"], t["lead"], t.get("responsible", ()), t.get("deadline"))
        for t in tasks(text)
    ]


MARKDOWN = HEAD + "\n".join(
    [
        "| 序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限 |",
        "|---|---|:---:|---|---|",
        "| 一、产业帮扶 |  |  |  |  |",
        "| 1 | 发展特色产业，<br>壮大村级集体经济 | 县农业农村局 | 各乡镇人民政府 "
        "| 2022年12月底前 |",
        "| 2 | 开展消费帮扶 | 县商务局 | 县供销社、县农业农村局 | 长期坚持 |",
        "| 二、就业帮扶 |  |  |  |  |",
        "| 3 | 稳定脱贫人口务工规模 | 县人社局 |  | 持续推进 |",
    ]
)

TSV_PARAGRAPHS = HEAD + "\n".join(
    [
        "序号\t工作任务\t牵头单位\t配合单位\t完成时间",
        "1\t开展防止返贫集中排查",  # a cell of two paragraphs: the row goes on below
        "建立问题台账\t县乡村振兴局\t县民政局、县医保局\t2022年6月",
        "2\t落实教育资助政策\t县教育局\t县财政局\t每学期",
    ]
)

TSV_WRAPPED = HEAD + "\n".join(
    [
        "序号\t工作任务\t牵头单位\t配合单位\t完成时间",
        "1\t加强农村饮水工程运行管护，落实\t县水利局\t县财政局、\t长期坚持",
        "\t管护主体和管护经费\t\t各乡镇人民政府\t",  # each cell wraps onto the next line
        "2\t开展农村人居环境整治\t县农业农村局\t县住建局\t2022年底前",
    ]
)

CSV = HEAD + "\n".join(
    [
        "序号,重点任务,牵头单位,责任单位,完成时限",
        '1,"巩固提升农村供水保障水平,提高自来水普及率",县水利局,"县财政局,县卫健局",2022年底前',
        "2,推进农村公路建设,县交通运输局,各乡镇人民政府,2023年6月底前",
    ]
)

ALIGNED = HEAD + "\n".join(
    [
        "序号  重点任务                      牵头单位        完成时限",
        "1     健全防止返贫动态监测机制，    县乡村振兴局    2022年3月",
        "      做到早发现早干预",
        "2     强化产业就业帮扶              县农业农村局    长期坚持",
    ]
)

ONE_PER_LINE = HEAD + "\n".join(
    [
        "序号",
        "重点任务",
        "牵头单位",
        "责任单位",
        "完成时限",
        "1",
        "开展脱贫人口技能培训，",
        "每年培训1000人次",
        "县人社局",
        "各乡镇人民政府、县农业农村局",
        "每年12月底前",
        "2",
        "落实低保兜底政策",
        "县民政局",
        "各乡镇人民政府",
        "长期坚持",
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            MARKDOWN,
            [
                (
                    "1",
                    "发展特色产业，壮大村级集体经济",
                    ("县农业农村局",),
                    ("各乡镇人民政府",),
                    "2022年12月底前",
                ),
                ("2", "开展消费帮扶", ("县商务局",), ("县供销社", "县农业农村局"), "长期坚持"),
                ("3", "稳定脱贫人口务工规模", ("县人社局",), (), "持续推进"),
            ],
            id="markdown",
        ),
        pytest.param(
            CSV,
            [
                (
                    "1",
                    "巩固提升农村供水保障水平,提高自来水普及率",
                    ("县水利局",),
                    ("县财政局", "县卫健局"),
                    "2022年底前",
                ),
                ("2", "推进农村公路建设", ("县交通运输局",), ("各乡镇人民政府",), "2023年6月底前"),
            ],
            id="csv",
        ),
        pytest.param(
            ALIGNED,
            [
                (
                    "1",
                    "健全防止返贫动态监测机制，做到早发现早干预",
                    ("县乡村振兴局",),
                    (),
                    "2022年3月",
                ),
                ("2", "强化产业就业帮扶", ("县农业农村局",), (), "长期坚持"),
            ],
            id="aligned-with-spaces",
        ),
        pytest.param(
            ONE_PER_LINE,
            [
                (
                    "1",
                    "开展脱贫人口技能培训，每年培训1000人次",
                    ("县人社局",),
                    ("各乡镇人民政府", "县农业农村局"),
                    "每年12月底前",
                ),
                ("2", "落实低保兜底政策", ("县民政局",), ("各乡镇人民政府",), "长期坚持"),
            ],
            id="one-cell-per-line",
        ),
    ],
)
def test_table_forms(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "first"),
    [
        pytest.param(
            TSV_PARAGRAPHS,
            ("开展防止返贫集中排查建立问题台账", ("县乡村振兴局",), ("县民政局", "县医保局")),
            id="tab-cell-with-paragraphs",
        ),
        pytest.param(
            TSV_WRAPPED,
            (
                "加强农村饮水工程运行管护，落实管护主体和管护经费",
                ("县水利局",),
                ("县财政局", "各乡镇人民政府"),
            ),
            id="tab-cells-wrapping",
        ),
    ],
)
def test_tab_separated_rows(text: str, first: tuple[Any, ...]) -> None:
    got = tasks(text)
    assert len(got) == 2
    assert (got[0]["text"], got[0]["lead"], got[0]["co"]) == first


def test_category_rows_become_the_section() -> None:
    got = tasks(MARKDOWN)
    assert [t["section"] for t in got] == [("一、产业帮扶",), ("一、产业帮扶",), ("二、就业帮扶",)]
    assert [t["path"] for t in got] == ["一、产业帮扶 1", "一、产业帮扶 2", "二、就业帮扶 3"]


def test_the_column_heading_is_the_role_word() -> None:
    (draft,) = parse_text(MARKDOWN, source="t.txt")
    task = draft.document.tasks[0]
    assert (task.role_word("lead"), task.role_word("responsible")) == ("牵头单位", "责任单位")
    assert task.lead_line == "县农业农村局"


def test_a_convention_decides_the_lead_of_each_row() -> None:
    text = (
        "某县重点任务分工\n注：责任单位排在第一位的为牵头单位，其他为配合单位。\n"
        + "序号\t重点任务\t责任单位\t完成时限\n"
        + "1\t开展排查\t县乡村振兴局、县民政局、县医保局\t6月底前\n"
    )
    (task,) = tasks(text)
    assert (task["lead"], task["co"]) == (("县乡村振兴局",), ("县民政局", "县医保局"))
    assert task["lead_from"] == "责任单位排在第一位的为牵头单位"


def test_a_convention_by_the_first_comma() -> None:
    text = (
        "某县重点任务分工\n表中责任单位第一个逗号前为牵头单位。\n"
        + "序号\t重点任务\t责任单位\n"
        + "1\t开展排查\t县乡村振兴局、县民政局，县医保局、各乡镇人民政府\n"
    )
    (task,) = tasks(text)
    assert task["lead"] == ("县乡村振兴局", "县民政局")
    assert task["responsible"] == ("县医保局", "各乡镇人民政府")


def test_a_table_inside_a_section_takes_its_path() -> None:
    text = "\n".join(
        [
            "某市行动方案",
            "一、总体要求",
            "坚持统筹推进。",
            "二、任务分工",
            "| 序号 | 工作任务 | 牵头部门 |",
            "|---|---|---|",
            "| 1 | 完善监测帮扶机制 | 市乡村振兴局 |",
            "三、保障措施",
            "加强组织领导。",
        ]
    )
    (task,) = tasks(text)
    assert (task["path"], task["section"]) == ("二、 1", ("二、",))


def test_a_paragraph_after_a_table_is_not_a_row() -> None:
    got = tasks(ALIGNED + "\n\n注：完成时限以文件要求为准。")
    assert [t["label"] for t in got] == ["1", "2"]
