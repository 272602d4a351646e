"""`fupin accountability`: the Weiyuan accountability measures as structured data."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from typer.testing import Result

from fupin_cli.corpus import Corpus
from fupin_cli.errors import AmbiguousActor, UnknownActor
from fupin_cli.extract.accountability import parse_procedure, parse_sanctions
from fupin_cli.extract.actors import split_names
from fupin_cli.query.accountability import NoAccountabilityRules, accountability, measures

from goldens import TABLE_ENV, check_golden

Run = Callable[..., Result]
DOC = "weiyuan-accountability"


def test_subjects_and_their_triggers(corpus: Corpus) -> None:
    scheme = measures(corpus)
    assert scheme.doc == DOC
    assert [(s.subject, s.actor, s.article, len(s.triggers)) for s in scheme.subjects] == [
        ("各镇", "镇党委、政府", "第四条", 6),
        ("县级各联系帮扶单位和责任部门", "县级各联系帮扶单位和责任部门", "第五条", 5),
        ("各驻村工作组", "驻村工作组", "第六条", 5),
        ("督查评估和验收考核组", "督查考核组", "第七条", 3),
    ]


def test_the_five_triggers_of_the_village_teams(corpus: Corpus) -> None:
    res = accountability(corpus, "驻村工作组")
    art = corpus.document(DOC).article(6)
    assert art is not None
    assert res.subject == "各驻村工作组" and res.article == "第六条"
    assert [(t.no, t.text) for t in res.triggers] == [(i.no, i.text) for i in art.items]
    assert len(res.triggers) == 5
    assert res.triggers[2].text.startswith("在中央、省、市、县督查调研和明察暗访中发现问题")


@pytest.mark.parametrize("query", ["驻村工作组", "各驻村工作组", "駐村工作組", "驻村"])
def test_subject_matching_goes_through_normalize(corpus: Corpus, query: str) -> None:
    assert accountability(corpus, query).actor == "驻村工作组"


@pytest.mark.parametrize(
    ("query", "error"), [("组", AmbiguousActor), ("省委", UnknownActor), ("", UnknownActor)]
)
def test_subject_errors(corpus: Corpus, query: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        accountability(corpus, query)


def test_no_rules_in_other_documents(corpus: Corpus) -> None:
    with pytest.raises(NoAccountabilityRules):
        measures(corpus, doc="central")


SANCTIONS_TEXT = (
    "责任追究方式:责令作出书面检查、约谈、通报批评、诫勉谈话或调离工作岗位、停职检查、免职、"
    "降职等组织处理。需要追究纪律责任的,依照有关规定给予党纪政纪处分。涉嫌犯罪的,"
    "移送司法机关依法处理。"
)


def test_parse_sanctions_gives_the_ladder_in_order() -> None:
    got = parse_sanctions(SANCTIONS_TEXT)
    assert [s.measure for s in got] == [
        "书面检查",
        "约谈",
        "通报批评",
        "诫勉谈话",
        "调离工作岗位",
        "停职检查",
        "免职",
        "降职",
        "党纪政纪处分",
        "移送司法机关依法处理",
    ]
    assert [s.no for s in got] == list(range(1, 11))
    assert {s.kind for s in got[:8]} == {"组织处理"}
    assert (got[8].condition, got[9].condition) == ("需要追究纪律责任的", "涉嫌犯罪的")


@pytest.mark.parametrize(
    ("text", "measures_"),
    [
        ("方式:责令作出书面检查、约谈等组织处理。", ["书面检查", "约谈"]),
        ("情节严重的,给予党纪处分。", ["党纪处分"]),
        ("通报批评或免职。", ["通报批评", "免职"]),
    ],
)
def test_parse_sanctions_small(text: str, measures_: list[str]) -> None:
    assert [s.measure for s in parse_sanctions(text)] == measures_


def test_sanctions_come_from_article_three(corpus: Corpus) -> None:
    art = corpus.document(DOC).article(3)
    assert art is not None
    assert measures(corpus).sanctions == tuple(parse_sanctions(art.text))


def test_procedure_by_rank(corpus: Corpus) -> None:
    procs = measures(corpus).procedure
    assert [(p.cadres, p.proposes, p.decides, p.executes) for p in procs] == [
        (
            "镇和县直部门单位领导班子及科级干部",
            ("督查考核组",),
            ("县脱贫攻坚领导小组",),
            ("县纪委监察局", "县委组织部"),
        ),
        (
            "县直部门一般干部",
            ("督查考核组", "县脱贫攻坚领导小组"),
            ("县脱贫攻坚领导小组",),
            ("县纪委监察局", "县委组织部", "县人社局", "部门党委(党组)"),
        ),
        ("镇一般干部、村干部", (), (), ("镇党委、政府", "镇纪委")),
        (
            "驻威的市直管单位及干部",
            ("督查考核组", "县脱贫攻坚领导小组"),
            ("市脱贫攻坚领导小组", "驻威市直管单位的上级业务主管部门或单位"),
            (),
        ),
    ]


def test_parse_procedure_small(corpus: Corpus) -> None:
    text = "对镇干部责任追究,由督查考核组提出意见,经县委组织部审定后,由县纪委组织实施。"
    (proc,) = parse_procedure(text, corpus.registry)
    assert (proc.cadres, proc.proposes, proc.decides, proc.executes) == (
        "镇干部",
        ("督查考核组",),
        ("县委组织部",),
        ("县纪委",),
    )


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("镇党委、政府和镇纪委", ["镇党委、政府", "镇纪委"]),
        (
            "县纪委监察局、县委组织部或部门党委(党组)",
            ["县纪委监察局", "县委组织部", "部门党委(党组)"],
        ),
        (
            "市脱贫攻坚领导小组及驻威市直管单位的上级业务主管部门或单位",
            ["市脱贫攻坚领导小组", "驻威市直管单位的上级业务主管部门或单位"],
        ),
    ],
)
def test_split_names(corpus: Corpus, text: str, names: list[str]) -> None:
    assert split_names(text, corpus.registry) == names


@pytest.mark.parametrize(
    ("subject", "cadres"),
    [
        ("各镇", ["镇和县直部门单位领导班子及科级干部", "镇一般干部、村干部"]),
        (
            "县级各联系帮扶单位和责任部门",
            ["镇和县直部门单位领导班子及科级干部", "县直部门一般干部"],
        ),
        # a village team's members come from every rank: the whole procedure applies
        (
            "驻村工作组",
            [
                "镇和县直部门单位领导班子及科级干部",
                "县直部门一般干部",
                "镇一般干部、村干部",
                "驻威的市直管单位及干部",
            ],
        ),
    ],
)
def test_procedure_that_applies(corpus: Corpus, subject: str, cadres: list[str]) -> None:
    assert [p.cadres for p in accountability(corpus, subject).procedure] == cadres


def test_cli_json_equals_library(run: Run, corpus: Corpus) -> None:
    result = run("accountability", "驻村工作组", "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data == accountability(corpus, "驻村工作组").model_dump(mode="json")
    assert {"subject", "triggers", "sanctions", "procedure"} <= set(data)
    assert data["triggers"][0] == {"no": 1, "text": data["triggers"][0]["text"]}
    assert set(data["procedure"][0]) == {"cadres", "proposes", "decides", "executes"}


def test_cli_all_subjects_json_equals_library(run: Run, corpus: Corpus) -> None:
    result = run("accountability", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == measures(corpus).model_dump(mode="json")


def test_cli_tsv_rows(run: Run) -> None:
    result = run("accountability", "各镇", "-f", "tsv")
    lines = result.stdout.splitlines()
    assert lines[0] == "part\tno\ttext"
    assert sum(line.startswith("trigger\t") for line in lines) == 6


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("accountability", "组"), 'actor "组" is ambiguous'),
        (("accountability", "省委"), 'unknown actor "省委"'),
        (("accountability", "--doc", "central"), "no accountability measures"),
    ],
)
def test_cli_errors(run: Run, args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("accountability_village_team.txt", ("accountability", "驻村工作组")),
        ("accountability_all.txt", ("accountability",)),
    ],
)
def test_golden(run: Run, name: str, args: tuple[str, ...]) -> None:
    result = run(*args, env=TABLE_ENV)
    assert result.exit_code == 0
    check_golden(name, result.stdout)
