"""Assignments in every form plans print them (`fupin_cli.extract.assignments`), table-driven.

The snippets are modelled on city and county 行动方案 and ministry 方案: inline brackets at the
end of a paragraph, labels in any order and with any separator, the verb form (A牵头，B配合),
conventions that say who leads, and generic holders.
"""

from __future__ import annotations

import pytest

from fupin_cli.extract.assignments import find_convention, role_of, split_tasks
from fupin_cli.extract.units import is_generic, split_pieces


def lists(text: str) -> list[list[tuple[str, str, str]]]:
    """For each task piece of `text`: its (role, word as written, units as written)."""
    return [[(a.role, a.word, a.units) for a in p.assignments] for p in split_tasks(text)]


INLINE = [
    pytest.param(
        "推进农村改厕。（牵头单位：市农业农村局；配合单位：市卫生健康委、市生态环境局）",
        [
            [
                ("lead", "牵头单位", "市农业农村局"),
                ("co", "配合单位", "市卫生健康委、市生态环境局"),
            ]
        ],
        id="fullwidth-semicolon",
    ),
    pytest.param(
        "推进农村改厕(牵头单位:市农业农村局,配合单位:市卫生健康委)",
        [[("lead", "牵头单位", "市农业农村局"), ("co", "配合单位", "市卫生健康委")]],
        id="halfwidth-comma",
    ),
    pytest.param(
        "推进农村改厕（牵头单位：市农业农村局　配合单位：市卫生健康委）",
        [[("lead", "牵头单位", "市农业农村局"), ("co", "配合单位", "市卫生健康委")]],
        id="ideographic-space",
    ),
    pytest.param(
        "做好衔接（配合单位：市财政局；牵头单位：市发展改革委。）",
        [[("co", "配合单位", "市财政局"), ("lead", "牵头单位", "市发展改革委")]],
        id="any-order",
    ),
    pytest.param(
        "完善安置区配套设施〔牵头部门：市发展改革委；责任部门：市住房城乡建设局〕。",
        [
            [
                ("lead", "牵头部门", "市发展改革委"),
                ("responsible", "责任部门", "市住房城乡建设局"),
            ]
        ],
        id="hexagonal-brackets-and-bumen",
    ),
    pytest.param(
        "加强分类救助【责任单位：市民政局】",
        [[("responsible", "责任单位", "市民政局")]],
        id="lenticular-brackets",
    ),
    pytest.param(
        "實施農村供水工程（牽頭單位：市水務局；協同單位：市財政局）",
        [[("lead", "牽頭單位", "市水務局"), ("co", "協同單位", "市財政局")]],
        id="traditional-script",
    ),
    pytest.param(
        "实施人才培养计划（市委组织部（人才办）牵头，市人力资源社会保障局配合）",
        [[("lead", "牵头", "市委组织部（人才办）"), ("co", "配合", "市人力资源社会保障局")]],
        id="verb-form-nested-parentheses",
    ),
    pytest.param(
        "支持建设仓储设施。（国家发展改革委、农业农村部、商务部按职责分工负责）",
        [[("responsible", "按职责分工负责", "国家发展改革委、农业农村部、商务部")]],
        id="verb-form-by-duty",
    ),
    pytest.param(
        "组织消费帮扶行动（由国家乡村振兴局牵头，中央和国家机关各部门、各地方配合）",
        [
            [
                ("lead", "牵头", "国家乡村振兴局"),
                ("co", "配合", "中央和国家机关各部门、各地方"),
            ]
        ],
        id="verb-form-you-and-generic",
    ),
    pytest.param(
        "加快项目建设（市发展改革委牵头，会同市财政局、市自然资源局共同推进）",
        [
            [
                ("lead", "牵头", "市发展改革委"),
                ("co", "会同", "市财政局、市自然资源局"),
            ]
        ],
        id="verb-form-huitong",
    ),
    pytest.param(
        "加强监测帮扶。牵头单位：市乡村振兴局；责任单位：各县（市、区）人民政府",
        [
            [
                ("lead", "牵头单位", "市乡村振兴局"),
                ("responsible", "责任单位", "各县（市、区）人民政府"),
            ]
        ],
        id="unbracketed-after-the-last-sentence",
    ),
    pytest.param(
        "实施人才计划（责任单位：市人社局）。推动科技特派员下乡（责任单位：市科技局）。",
        [[("responsible", "责任单位", "市人社局")], [("responsible", "责任单位", "市科技局")]],
        id="two-tasks-in-one-paragraph",
    ),
]


@pytest.mark.parametrize(("text", "expected"), INLINE)
def test_inline_assignments(text: str, expected: list[list[tuple[str, str, str]]]) -> None:
    assert lists(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "各牵头单位要加强协调，各责任单位要积极配合。",  # prose about units, no list
        "（以下简称市发改委）",
        "资金管理（具体办法由市财政局另行制定）",
        "（2021年底前完成）",
        "（市、县两级）",
        "牵头单位要于每月28日前报送进展情况。",
    ],
)
def test_what_is_not_an_assignment(text: str) -> None:
    assert lists(text) == [[]]


def test_a_piece_keeps_its_text_and_the_bracket_as_written() -> None:
    first, second = split_tasks(
        "实施人才计划（责任单位：市人社局）。推动下乡（责任单位：市科技局）。"
    )
    assert (first.text, first.written) == ("实施人才计划。", "（责任单位：市人社局）")
    assert (second.text, second.written) == ("推动下乡。", "（责任单位：市科技局）")


@pytest.mark.parametrize(
    ("word", "role"),
    [
        ("牵头单位", "lead"),
        ("牵头部门", "lead"),
        ("牵头部门（单位）", "lead"),
        ("牽頭單位", "lead"),
        ("牵头", "lead"),
        ("牵头负责", "lead"),
        ("责任单位", "responsible"),
        ("责任部门", "responsible"),
        ("主要责任单位", "responsible"),
        ("负责", "responsible"),
        ("按职责分工负责", "responsible"),
        ("配合单位", "co"),
        ("协同单位", "co"),
        ("參與單位", "co"),
        ("协办单位", "co"),
        ("配合", "co"),
    ],
)
def test_roles_are_the_documents_own(word: str, role: str) -> None:
    assert role_of(word) == role


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        (
            "表中责任单位排在第一位的为牵头单位，其他为配合单位。",
            "表中责任单位排在第一位的为牵头单位",
        ),
        (
            "二、责任分解中，列第一位的责任单位为牵头单位或汇总单位。",
            "列第一位的责任单位为牵头单位或汇总单位",
        ),
        ("（注：排名第一的为牵头单位）", "排名第一的为牵头单位"),
        ("责任单位中第一个逗号前为牵头单位。", "责任单位中第一个逗号前为牵头单位"),
        ("各牵头单位要加强协调。", None),
    ],
)
def test_conventions(text: str, sentence: str | None) -> None:
    assert find_convention(text) == sentence


def test_a_convention_inside_a_bracket_is_not_a_list() -> None:
    (piece,) = split_tasks(
        "做好帮扶（责任单位：市农业农村局、市财政局，排在第一位的为牵头单位，下同）"
    )
    assert [(a.role, a.units) for a in piece.assignments] == [
        ("responsible", "市农业农村局、市财政局")
    ]
    assert piece.convention == "排在第一位的为牵头单位"


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("市委组织部（人才办）、市人社局", ["市委组织部（人才办）", "市人社局"]),
        ("各县（市、区）人民政府，市民政局", ["各县（市、区）人民政府", "市民政局"]),
        ("各区、县级市人民政府", ["各区、县级市人民政府"]),
        ("市水务局、市农业农村局等相关单位", ["市水务局", "市农业农村局", "等相关单位"]),
        ("市发改委 市财政局", ["市发改委", "市财政局"]),
    ],
)
def test_unit_lists_keep_brackets_and_generic_phrases_whole(text: str, pieces: list[str]) -> None:
    assert [p for p, _ in split_pieces(text)] == pieces


@pytest.mark.parametrize(
    ("name", "generic"),
    [
        ("各有关单位", True),
        ("各区、县级市人民政府", True),
        ("各项目牵头单位", True),
        ("等相关单位", True),
        ("市直有关部门", True),
        ("中央和国家机关各部门", True),
        ("市财政局", False),
        ("县级党委和政府", False),
    ],
)
def test_generic_holders(name: str, generic: bool) -> None:
    assert is_generic(name) is generic
