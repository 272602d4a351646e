"""--doc, --region and --level: one resolver, and a filter that cannot mislead."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from typer.testing import Result

from fupin_cli.corpus import Corpus
from fupin_cli.errors import AmbiguousDocument, NothingSelected, UnknownDocument
from fupin_cli.selection import documents_named, one_document, select

Run = Callable[..., Result]


def test_a_place_name_names_every_document_of_the_place(corpus: Corpus) -> None:
    assert documents_named(corpus.conn, "云南") == ["yunnan-division", "yunnan"]
    assert documents_named(corpus.conn, "威远") == ["weiyuan", "weiyuan-accountability"]


def test_an_id_or_a_specific_alias_names_one(corpus: Corpus) -> None:
    assert documents_named(corpus.conn, "yunnan") == ["yunnan"]
    assert documents_named(corpus.conn, "云南实施细则") == ["yunnan"]
    assert documents_named(corpus.conn, "雲南實施細則") == ["yunnan"]  # any script


def test_one_document_stops_with_the_candidates(corpus: Corpus) -> None:
    with pytest.raises(AmbiguousDocument) as caught:
        one_document(corpus.conn, "云南")
    assert [i for i, _title in caught.value.candidates] == ["yunnan-division", "yunnan"]
    with pytest.raises(UnknownDocument):
        one_document(corpus.conn, "西藏")


def test_filters_that_leave_nothing_raise(corpus: Corpus) -> None:
    assert select(corpus.conn).ids is None
    assert select(corpus.conn, region="内江").ids == ["weiyuan", "weiyuan-accountability"]
    with pytest.raises(NothingSelected):
        select(corpus.conn, region="西藏")
    with pytest.raises(NothingSelected):
        select(corpus.conn, ["central"], level="county")


def test_who_leads_in_yunnan_includes_the_division_plan(run: Run) -> None:
    result = run("who-leads", "危房改造", "--doc", "云南", "-f", "json")
    assert result.exit_code == 0
    assert {row["doc"] for row in json.loads(result.stdout)} == {"yunnan-division"}
    assert "--doc 云南 names 2 documents: yunnan-division, yunnan" in result.stderr


def test_region_filters_by_place(run: Run) -> None:
    result = run("who-leads", "危房改造", "--region", "云南", "-f", "tsv", "--no-headers")
    assert result.exit_code == 0
    assert {line.split("\t")[0] for line in result.stdout.splitlines()} == {"yunnan-division"}


def test_several_documents_by_repeating_or_commas(run: Run) -> None:
    once = run("search", "扶贫", "--doc", "central,weiyuan", "-f", "json").stdout
    twice = run("search", "扶贫", "--doc", "central", "--doc", "weiyuan", "-f", "json").stdout
    assert once == twice
    assert {hit["doc"] for hit in json.loads(once)} == {"central", "weiyuan"}


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["who-leads", "危房改造", "--region", "西藏"], "no document is of the region 西藏"),
        (["duties", "省水利厅", "--doc", "central", "--level", "county"], "no document is left"),
        (["search", "扶贫", "--doc", "weiyuan", "--level", "province"], "no document is left"),
    ],
)
def test_a_filter_that_leaves_no_document_says_so(run: Run, args: list[str], said: str) -> None:
    result = run(*args)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert said in result.stderr


def test_a_command_that_needs_one_document_stops_with_the_candidates(run: Run) -> None:
    result = run("show", "云南", "14")
    assert result.exit_code == 2
    assert "yunnan-division (云南省级部门责任分工方案)" in result.stderr
    assert "yunnan (云南实施细则)" in result.stderr
    assert run("show", "云南实施细则", "14").exit_code == 0
