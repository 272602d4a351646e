"""`fupin chain`: the pledge-and-report ladder and an actor's place in it."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from typer.testing import Result

from fupin_cli.cli.commands.chain import record
from fupin_cli.corpus import Corpus
from fupin_cli.errors import UnknownActor
from fupin_cli.levels import LEVEL_ORDER
from fupin_cli.query.chain import UnknownRelation, chain, direction_of, ladder

from goldens import TABLE_ENV, check_golden

Run = Callable[..., Result]


def _steps(links: list, doc: str) -> set[tuple[str, str, str | None]]:
    return {(x.from_, x.relation, x.to) for x in links if x.doc == doc}


@pytest.mark.parametrize(
    ("doc", "ref", "frm", "relation", "to", "direction"),
    [
        ("central", "第九条", "省级党委和政府", "signs_pledge_to", "中央", "up"),
        ("central", "第九条", "省级党委和政府", "reports_to", "中央", "up"),
        ("yunnan", "第四條", "省委书记和省长", "signs_pledge_to", "中央", "up"),
        ("yunnan", "第十二條", "州(市)党委和政府", "signs_pledge_to", "省委、省政府", "up"),
        ("weiyuan", "第十四条", "镇党委、政府", "reports_to", "威远县脱贫攻坚领导小组办公室", "up"),
    ],
)
def test_ladder_seeds(
    corpus: Corpus, doc: str, ref: str, frm: str, relation: str, to: str, direction: str
) -> None:
    found = [
        x
        for x in ladder(corpus)
        if (x.doc, x.ref, x.from_, x.relation, x.to) == (doc, ref, frm, relation, to)
    ]
    assert len(found) == 1
    assert found[0].direction == direction


# Heilongjiang (二十六) 落实领导责任 spells out four steps
HEILONGJIANG_STEPS = [
    # 1. 市(地)和贫困县党政主要领导 pledge and report to 省委、省政府
    ("市(地)党委和政府(行署)", "signs_pledge_to", "省委、省政府"),
    ("市(地)党委和政府(行署)", "reports_to", "省委、省政府"),
    ("县级党委和政府", "signs_pledge_to", "省委、省政府"),
    # 2. 县(市、区)党政主要领导 pledge and report to 市(地)委、政府(行署)
    ("县级党委和政府", "signs_pledge_to", "市(地)党委和政府(行署)"),
    ("县级党委和政府", "reports_to", "市(地)党委和政府(行署)"),
    # 3. 乡(镇)和村 sign pledges
    ("乡(镇)党委和政府", "signs_pledge_to", None),
    ("村“两委”", "signs_pledge_to", None),
    # 4. 省直各部门 report to 省扶贫开发领导小组
    ("省直各部门", "reports_to", "省扶贫开发领导小组"),
]


@pytest.mark.parametrize("step", HEILONGJIANG_STEPS)
def test_heilongjiang_four_step_ladder(corpus: Corpus, step: tuple[str, str, str | None]) -> None:
    links = ladder(corpus, doc="黑龙江")
    assert step in _steps(links, "heilongjiang")
    assert {x.ref for x in links} == {"(二十六)"}


def test_ladder_goes_top_step_first_within_each_document(corpus: Corpus) -> None:
    links = ladder(corpus)
    order = [d.id for d in corpus.documents]
    keys = [(order.index(x.doc), LEVEL_ORDER[x.from_level]) for x in links]
    assert keys == sorted(keys)
    assert {x.relation for x in links} == {"signs_pledge_to", "reports_to"}


def test_ladder_of_another_relation(corpus: Corpus) -> None:
    links = ladder(corpus, relation="commends")
    assert links and {x.relation for x in links} == {"commends"}
    assert ("县委、县政府", "commends", None) in _steps(links, "weiyuan")


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        (("county", "province"), "up"),
        (("province", "county"), "down"),
        (("county", "county"), "across"),
        (("county", None), None),
        (("any", "county"), None),
    ],
)
def test_direction_of(levels: tuple[str, str | None], expected: str | None) -> None:
    from fupin_cli.levels import Level

    a, b = levels
    assert direction_of(Level(a), Level(b) if b else None) == expected


def test_chain_of_a_county(corpus: Corpus) -> None:
    links = chain(corpus, "县级党委和政府")
    sides = {(x.side, x.doc, x.from_, x.relation, x.to) for x in links}
    assert ("above", "heilongjiang", "县级党委和政府", "signs_pledge_to", "省委、省政府") in sides
    assert ("above", "yunnan", "省扶贫开发领导小组", "assesses", "县级党委和政府") in sides
    assert ("own", "central", "县级党委和政府", "bears", None) in sides
    assert ("below", "central", "县级党委和政府", "guides", "乡(镇)党委和政府") in sides
    assert [x.side for x in links] == sorted(
        (x.side for x in links), key=["above", "own", "below"].index
    )


def test_chain_climbs_the_ladder_of_the_same_document(corpus: Corpus) -> None:
    # the prefectures pledge to 省委、省政府, who report to 中央 (Yunnan 第四條)
    links = chain(corpus, "州(市)党委和政府")
    above = {(x.doc, x.from_, x.relation, x.to) for x in links if x.side == "above"}
    assert ("yunnan", "省委、省政府", "reports_to", "中央") in above
    assert all(x.doc == "yunnan" for x in links)


def test_chain_of_a_town_shows_who_oversees_it(corpus: Corpus) -> None:
    links = chain(corpus, "镇党委、政府", doc="weiyuan-accountability")
    above = {(x.from_, x.relation) for x in links if x.side == "above"}
    assert {("督查考核组", "inspects"), ("县纪委监察局", "holds_accountable")} <= above


def test_chain_resolves_names_like_duties(corpus: Corpus) -> None:
    assert chain(corpus, "各镇") == chain(corpus, "镇党委、政府")
    assert chain(corpus, "縣級黨委和政府") == chain(corpus, "县级党委和政府")
    with pytest.raises(UnknownActor):
        chain(corpus, "不存在的单位")
    with pytest.raises(UnknownRelation):
        chain(corpus, "各镇", relation="pledges")


def test_cli_json_equals_library(run: Run, corpus: Corpus) -> None:
    result = run("chain", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [record(x) for x in ladder(corpus)]
    first = json.loads(result.stdout)[0]
    assert {"doc", "ref", "from", "relation", "to", "degree", "phrase"} <= set(first)


def test_cli_actor_json_equals_library(run: Run, corpus: Corpus) -> None:
    result = run("chain", "县级党委和政府", "--relation", "guides", "-f", "json")
    assert result.exit_code == 0
    expected = chain(corpus, "县级党委和政府", relation="guides")
    assert json.loads(result.stdout) == [record(x) for x in expected]
    assert len(expected) == 6


def test_cli_graph_formats(run: Run) -> None:
    dot = run("chain", "--doc", "heilongjiang", "-f", "dot")
    assert dot.exit_code == 0
    assert dot.stdout.startswith("digraph chain {")
    assert (
        '"县级党委和政府" -> "省委、省政府" [label="signs_pledge_to heilongjiang (二十六)"];'
        in dot.stdout
    )
    mermaid = run("chain", "--doc", "heilongjiang", "-f", "mermaid")
    assert mermaid.exit_code == 0
    assert mermaid.stdout.startswith("flowchart BT\n")
    assert '-->|"reports_to heilongjiang (二十六)"|' in mermaid.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("chain", "--relation", "pledges"), 2, 'unknown relation "pledges"'),
        (("chain", "不存在的单位"), 2, 'unknown actor "不存在的单位"'),
        (("chain", "--doc", "nowhere"), 2, 'unknown document "nowhere"'),
        (("chain", "国务院扶贫开发领导小组办公室", "--relation", "assesses"), 1, ""),
    ],
)
def test_cli_errors_and_no_match(run: Run, args: tuple[str, ...], code: int, message: str) -> None:
    result = run(*args)
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("chain_heilongjiang.txt", ("chain", "--doc", "heilongjiang")),
        ("chain_county_yunnan.txt", ("chain", "县级党委和政府", "--doc", "yunnan")),
    ],
)
def test_golden(run: Run, name: str, args: tuple[str, ...]) -> None:
    result = run(*args, env=TABLE_ENV)
    assert result.exit_code == 0
    check_golden(name, result.stdout)
