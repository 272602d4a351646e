"""Duty relations: the shipped (reviewed) data and the extractor that proposes it."""

from __future__ import annotations

import pytest

from fupin_cli.corpus import Corpus, load_corpus
from fupin_cli.extract.relations import (
    DEGREES,
    propose_for_article,
    propose_relations,
    relation_key,
)
from fupin_cli.models import Relation
from fupin_cli.normalize import char_keys

CORPUS = load_corpus()
SHIPPED = [
    pytest.param(doc.id, art.no, rel, id=f"{doc.id}-{art.no}-{i}")
    for doc, art in CORPUS.all_articles()
    for i, rel in enumerate(art.relations)
]


def test_relations_ship() -> None:
    assert len(SHIPPED) >= 100
    assert {p.values[0] for p in SHIPPED} == {d.id for d in CORPUS.documents}


@pytest.mark.parametrize(("doc", "no", "rel"), SHIPPED)
def test_phrase_is_in_its_article_as_written(doc: str, no: int, rel: Relation) -> None:
    art = CORPUS.by_id[doc].article(no)
    assert art is not None
    assert rel.phrase in art.full_text


@pytest.mark.parametrize(("doc", "no", "rel"), SHIPPED)
def test_actors_are_canonical_and_degree_only_for_bears(doc: str, no: int, rel: Relation) -> None:
    names = CORPUS.registry.by_name
    assert rel.from_ in names
    assert rel.to is None or rel.to in names
    assert rel.to != rel.from_
    if rel.relation == "bears":
        assert rel.degree in DEGREES
        assert rel.degree in char_keys(rel.phrase)
    else:
        assert rel.degree is None


SEEDS = [
    # the central rule's provincial pledge and report to 中央
    ("central", 9, "省级党委和政府", "signs_pledge_to", "中央"),
    ("central", 9, "省级党委和政府", "reports_to", "中央"),
    ("central", 9, "省级党委和政府", "bears", None),
    # the Yunnan prefecture pledge to 省委、省政府
    ("yunnan", 12, "州(市)党委和政府", "signs_pledge_to", "省委、省政府"),
    ("yunnan", 4, "省委书记和省长", "signs_pledge_to", "中央"),
    # Heilongjiang's ladder
    ("heilongjiang", 26, "县级党委和政府", "signs_pledge_to", "市(地)党委和政府(行署)"),
    # the county's assessment of towns in Weiyuan
    ("weiyuan", 4, "县脱贫攻坚领导小组", "assesses", "镇党委、政府"),
    ("weiyuan", 4, "县脱贫攻坚领导小组", "reports_to", "市委、市政府"),
    # rewards
    ("central", 25, "各级党委和政府", "commends", None),
    ("weiyuan", 19, "县委、县政府", "commends", None),
]


@pytest.mark.parametrize(("doc", "no", "frm", "relation", "to"), SEEDS)
def test_seed_relations_ship(doc: str, no: int, frm: str, relation: str, to: str | None) -> None:
    art = CORPUS.by_id[doc].article(no)
    assert art is not None
    assert (frm, relation, to) in {(r.from_, r.relation, r.to) for r in art.relations}


# (二十六) names its pledging actors by description (市(地)和贫困县党政主要领导), which no
# registry name matches: a known miss of the extractor, fixed by review.
EXTRACTOR_SEEDS = [s for s in SEEDS if s[0] != "heilongjiang"]


@pytest.mark.parametrize(("doc", "no", "frm", "relation", "to"), EXTRACTOR_SEEDS)
def test_extractor_finds_the_seeds(
    doc: str, no: int, frm: str, relation: str, to: str | None
) -> None:
    art = CORPUS.by_id[doc].article(no)
    assert art is not None
    found = {(r.from_, r.relation, r.to) for r in propose_for_article(art, CORPUS.registry)}
    assert (frm, relation, to) in found


def _scores(corpus: Corpus) -> tuple[float, float]:
    shipped: set[tuple[str, int, str, str, str | None]] = set()
    proposed: set[tuple[str, int, str, str, str | None]] = set()
    for doc, art in corpus.all_articles():
        shipped |= {relation_key(doc.id, art.no, r) for r in art.relations}
        proposed |= {
            relation_key(doc.id, art.no, r) for r in propose_for_article(art, corpus.registry)
        }
    found = shipped & proposed
    return len(found) / len(shipped), len(found) / len(proposed)


def test_extractor_recall_and_precision_against_the_reviewed_set() -> None:
    # measured 0.76 / 0.77 (who, what, towards whom); the misses are mostly actors the text
    # names by description (市(地)和贫困县党政主要领导) rather than by a registry name
    recall, precision = _scores(CORPUS)
    assert recall >= 0.72
    assert precision >= 0.72


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "省级党委和政府主要负责人向中央签署脱贫责任书，每年向中央报告扶贫脱贫进展情况。",
            {
                ("省级党委和政府", "signs_pledge_to", "中央"),
                ("省级党委和政府", "reports_to", "中央"),
            },
        ),
        # traditional script
        (
            "州(市)黨委和政府主要負責人向省委、省政府簽署脫貧攻堅責任書",
            {("州(市)党委和政府", "signs_pledge_to", "省委、省政府")},
        ),
        (
            "县级党委和政府承担脱贫攻坚主体责任，县级党委和政府主要负责人是第一责任人。",
            {("县级党委和政府", "bears", None)},
        ),
        (
            "中央纪委机关对脱贫攻坚进行监督执纪问责，审计署对资金进行跟踪审计。",
            {("中央纪委机关", "supervises", None), ("审计署", "audits", None)},
        ),
        (
            "本办法由国务院扶贫开发领导小组办公室负责解释。",
            {("国务院扶贫开发领导小组办公室", "interprets", None)},
        ),
        (
            "县级党委和政府应当指导乡、村加强政策宣传。",
            {("县级党委和政府", "guides", "乡(镇)党委和政府")},
        ),
        # the subject of a trigger list is held accountable, it does not hold anyone to account
        ("各驻村工作组在脱贫攻坚工作中有下列情形之一的,应当进行责任追究:", set()),
        ("镇党委、政府应当加强政策宣传。", set()),
    ],
)
def test_propose_relations(text: str, expected: set[tuple[str, str, str | None]]) -> None:
    props = propose_relations(text, CORPUS.registry)
    assert {(r.from_, r.relation, r.to) for r in props} == expected
    assert all(r.phrase and r.phrase in text for r in props)


def test_bears_keeps_each_degree() -> None:
    props = propose_relations(
        "县级党委和政府承担脱贫攻坚主体责任，县级党委和政府主要负责人是第一责任人。",
        CORPUS.registry,
    )
    assert [r.degree for r in props] == ["主体责任", "第一责任人"]
