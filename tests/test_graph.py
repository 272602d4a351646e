"""The rule graph: integrity over the data set, citation extraction, lineage, `fupin graph`."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable

import networkx as nx
import pytest
from typer.testing import Result

from fupin_cli.corpus import Corpus
from fupin_cli.errors import UnknownDocument
from fupin_cli.graph import (
    ELI_PROPERTIES,
    build_graph,
    extract_citations,
    lineage,
    neighbourhood,
    relation_between,
    resolve_node,
)
from fupin_cli.normalize import normalize

from goldens import TABLE_ENV, check_golden

Run = Callable[..., Result]


# --- integrity: one walk over the whole data set -------------------------------------------


def test_graph_has_no_cycles(corpus: Corpus) -> None:
    g = build_graph(corpus).to_networkx()
    assert nx.is_directed_acyclic_graph(g)


def test_every_edge_joins_known_nodes_and_existing_articles(corpus: Corpus) -> None:
    graph = build_graph(corpus)
    ids = {n.id for n in graph.nodes}
    assert graph.edges
    for edge in graph.edges:
        assert edge.source in corpus.by_id, edge
        assert edge.target in ids, edge
        assert edge.eli == ELI_PROPERTIES[edge.relation]
        if edge.article is not None:
            art = corpus.by_id[edge.source].article(edge.article)
            assert art is not None, f"{edge.source} has no article {edge.article}"
            assert edge.label == art.label


def test_every_held_document_has_a_superior(corpus: Corpus) -> None:
    graph = build_graph(corpus)
    for doc in corpus.documents:
        assert graph.superiors(doc.id), f"{doc.id} implements and rests on nothing"


def test_every_curated_phrase_is_in_the_text_it_names(corpus: Corpus) -> None:
    for doc in corpus.documents:
        for link in (*doc.based_on, *doc.cites):
            if link.article is not None:
                art = doc.article(link.article)
                assert art is not None
                where = art.full_text
            else:
                where = f"{doc.title}{doc.preamble or ''}"
            assert normalize(link.phrase) in normalize(where), (doc.id, link.target)


def test_every_curated_link_is_found_by_the_citation_extractor(corpus: Corpus) -> None:
    found: dict[tuple[str, str], set[int | None]] = {}
    for c in extract_citations(corpus):
        if c.target:
            found.setdefault((c.doc, c.target), set()).add(c.article)
    for doc in corpus.documents:
        for link in (*doc.based_on, *doc.cites):
            places = found.get((doc.id, link.target))
            assert places is not None, f"{doc.id} -> {link.target} is not cited in the text"
            assert link.article in places, (doc.id, link.target, link.article, places)


def test_every_resolved_citation_is_an_edge(corpus: Corpus) -> None:
    graph = build_graph(corpus)
    joined = {(e.source, e.target) for e in graph.edges}
    for c in extract_citations(corpus):
        if c.target:
            assert (c.doc, c.target) in joined, c


def test_only_short_forms_stay_unresolved(corpus: Corpus) -> None:
    unresolved = {normalize(c.cited) for c in extract_citations(corpus) if c.target is None}
    assert unresolved, "the seeds do use short forms such as 《决定》"
    assert all(len(t) <= 4 for t in unresolved), unresolved


def test_every_reference_is_cited_by_a_held_document(corpus: Corpus) -> None:
    graph = build_graph(corpus)
    targets = {e.target for e in graph.edges}
    assert {r.id for r in corpus.references} <= targets


# --- the citation extractor ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("doc", "article", "target"),
    [
        # the notice that printed the central rules: resolved by its number (厅字〔2016〕33号)
        ("yunnan", 1, "central"),
        ("yunnan", 1, "yunnan-decision-2015"),
        # the 分工方案 of 云发〔2015〕38号 is not the held yunnan-division
        ("yunnan", 10, "yunnan-decision-2015-division"),
        ("weiyuan", 1, "central"),
        ("central", 7, "decision-2015-division"),
        ("heilongjiang", None, "decision-2015"),
        ("yunnan-division", 1, "yunnan-opinion-2015"),  # written with a space in the title
    ],
)
def test_citations_resolve_exactly(
    corpus: Corpus, doc: str, article: int | None, target: str
) -> None:
    hits = [c for c in extract_citations(corpus) if c.doc == doc and c.article == article]
    assert target in {c.target for c in hits}


def test_no_citation_resolves_to_the_wrong_division_plan(corpus: Corpus) -> None:
    citing = {c.doc for c in extract_citations(corpus) if c.target == "yunnan-division"}
    assert citing == set()


def test_a_citation_without_a_curated_link_becomes_a_cites_edge(corpus: Corpus) -> None:
    central = corpus.by_id["central"]
    stripped = Corpus(
        [
            central.model_copy(update={"cites": ()}) if d.id == "central" else d
            for d in corpus.documents
        ],
        corpus.actors,
        corpus.references,
    )
    edges = [e for e in build_graph(stripped).edges if e.source == "central"]
    derived = [e for e in edges if not e.curated]
    assert [(e.target, e.relation, e.article) for e in derived] == [
        ("decision-2015-division", "cites", 7)
    ]


# --- lineage, relations, lookup --------------------------------------------------------------


def test_lineage_of_weiyuan(corpus: Corpus) -> None:
    steps = lineage(build_graph(corpus), "weiyuan")
    assert [(s.depth, s.id, s.relation, s.via, s.label) for s in steps] == [
        (1, "central", "implements", "weiyuan", "第一条"),
        (2, "decision-2015", "based_on", "central", "第一条"),
    ]


def test_lineage_of_yunnan_has_both_superiors(corpus: Corpus) -> None:
    steps = lineage(build_graph(corpus), "yunnan")
    assert [(s.depth, s.id) for s in steps] == [
        (1, "central"),
        (1, "yunnan-decision-2015"),
        (2, "decision-2015"),
    ]


@pytest.mark.parametrize(
    ("left", "right", "relation"),
    [
        ("central", "yunnan", "superior"),
        ("yunnan", "central", "inferior"),
        ("decision-2015", "weiyuan", "superior"),
        ("yunnan", "weiyuan", "sibling"),
        ("central", "heilongjiang", "sibling"),
        ("weiyuan", "heilongjiang", "common_ancestor"),
        ("central", "weiyuan-accountability", "unrelated"),
        ("yunnan", "yunnan-division", "unrelated"),
        ("central", "central", "same"),
    ],
)
def test_relation_between(corpus: Corpus, left: str, right: str, relation: str) -> None:
    assert relation_between(build_graph(corpus), left, right)[0] == relation


@pytest.mark.parametrize(
    ("key", "node"),
    [
        ("云南实施细则", "yunnan"),
        ("weiyuan", "weiyuan"),
        ("decision-2015", "decision-2015"),
        ("中发〔2015〕34号", "decision-2015"),
        ("中國共產黨問責條例", "ccp-accountability-regulations-2016"),
    ],
)
def test_resolve_node(corpus: Corpus, key: str, node: str) -> None:
    assert resolve_node(corpus, key) == node


def test_resolve_node_suggests(corpus: Corpus) -> None:
    with pytest.raises(UnknownDocument, match="weiyuan"):
        resolve_node(corpus, "weiyaun")


def test_neighbourhood_of_a_cited_rule_holds_its_citers_only(corpus: Corpus) -> None:
    part = neighbourhood(build_graph(corpus), "decision-2015-division")
    assert {n.id for n in part.nodes} == {"decision-2015-division", "central", "weiyuan"}
    assert {e.relation for e in part.edges} == {"cites"}


# --- the commands -----------------------------------------------------------------------------


def test_graph_json_is_the_library_result(run: Run, corpus: Corpus) -> None:
    result = run("graph", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == build_graph(corpus).model_dump(mode="json")
    assert "中共中央" in result.stdout


def test_graph_of_one_document_json(run: Run, corpus: Corpus) -> None:
    result = run("graph", "weiyuan", "-f", "json")
    expected = neighbourhood(build_graph(corpus), "weiyuan").model_dump(mode="json")
    assert json.loads(result.stdout) == expected


def test_graph_plain_tree(run: Run) -> None:
    result = run("graph")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("decision-2015  ")
    assert "  central  脱贫攻坚责任制实施办法  [based_on 第一条]" in lines
    assert "    weiyuan  威远县脱贫攻坚责任制实施办法  [implements 第一条]" in lines
    assert not any(ch in result.stdout for ch in "│├└─")


def test_graph_golden_tree(run: Run) -> None:
    result = run("graph", "yunnan", env=TABLE_ENV)
    assert result.exit_code == 0
    check_golden("graph_yunnan.txt", result.stdout)


def test_graph_dot_and_mermaid(run: Run, corpus: Corpus) -> None:
    edges = len(build_graph(corpus).edges)
    dot = run("graph", "-f", "dot").stdout
    assert dot.startswith("digraph fupin {") and dot.count(" -> ") == edges
    assert '"weiyuan" -> "central" [label="implements 第一条"' in dot
    mermaid = run("graph", "-f", "mermaid").stdout
    assert (
        mermaid.startswith("flowchart BT") and "weiyuan -->|implements 第一条| central" in mermaid
    )
    assert mermaid.count("-.->") == sum(e.relation == "cites" for e in build_graph(corpus).edges)


def test_graph_graphml_round_trips(run: Run, corpus: Corpus) -> None:
    text = run("graph", "-f", "graphml").stdout
    g = nx.parse_graphml(text, force_multigraph=True)
    graph = build_graph(corpus)
    assert g.number_of_nodes() == len(graph.nodes)
    assert g.number_of_edges() == len(graph.edges)
    data = next(d for u, v, d in g.edges(data=True) if (u, v) == ("weiyuan", "central"))
    assert data["eli"] == "http://data.europa.eu/eli/ontology#implements"


@pytest.mark.parametrize("fmt", ["jsonl", "tsv", "csv"])
def test_graph_edge_formats(run: Run, corpus: Corpus, fmt: str) -> None:
    result = run("graph", "-f", fmt)
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) == len(build_graph(corpus).edges) + (
        0 if fmt == "jsonl" else 1
    )


def test_lineage_command(run: Run, corpus: Corpus) -> None:
    result = run("lineage", "威远县实施办法", "--no-headers")
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["central", "decision-2015"]
    as_json = json.loads(run("lineage", "weiyuan", "-f", "json").stdout)
    assert as_json == [s.model_dump(mode="json") for s in lineage(build_graph(corpus), "weiyuan")]


def test_lineage_of_the_top_is_empty(run: Run) -> None:
    assert run("lineage", "decision-2015").exit_code == 1


def test_lineage_unknown_document(run: Run) -> None:
    result = run("lineage", "weiyaun")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: unknown document") and "weiyuan" in result.stderr


def test_help_does_not_import_networkx() -> None:
    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom fupin_cli.cli.app import app\n"
        "assert CliRunner().invoke(app, ['--help']).exit_code == 0\n"
        "heavy = [m for m in ('networkx', 'rapidfuzz', 'diff_match_patch', 'scipy')"
        " if m in sys.modules]\nprint(heavy)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
