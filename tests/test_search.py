"""`fupin search`: every term must match, the index answers as a substring scan does."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import Result

from fupin_cli.corpus import Corpus, load_corpus
from fupin_cli.index import open_index
from fupin_cli.normalize import normalize
from fupin_cli.query.search import search


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("cache")
    mp = pytest.MonkeyPatch()
    mp.setenv("FUPIN_CACHE_DIR", str(folder))
    mp.delenv("FUPIN_DATA", raising=False)
    yield folder
    mp.undo()


@pytest.fixture(scope="module")
def conn(cache: Path) -> Iterator[object]:
    built = open_index()
    yield built.conn
    built.close()


@pytest.fixture(scope="module")
def yaml_corpus() -> Corpus:
    """The corpus read straight from YAML: the oracle shares no code with the index."""
    return load_corpus(cached=False)


def units(corpus: Corpus) -> list[tuple[str, str]]:
    out = []
    for doc in corpus.documents:
        texts = [
            doc.notice,
            doc.preamble,
            *(a.full_text for a in doc.articles),
            *(t.text for t in doc.tasks),
            doc.closing,
        ]
        out += [(doc.id, t) for t in texts if t]
    return out


def scan(corpus: Corpus, terms: list[str]) -> list[tuple[str, str]]:
    """The oracle: a plain substring scan over the normalized text of every unit."""
    needles = [normalize(w) for t in terms for w in t.split() if normalize(w)]
    return sorted((d, t) for d, t in units(corpus) if all(n in normalize(t) for n in needles))


def found(conn: object, terms: list[str], **kw: object) -> list[tuple[str, str]]:
    return sorted((h.doc, h.text) for h in search(conn, terms, **kw))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "terms",
    [
        ["扶贫"],
        ["贫"],
        ["教育"],
        ["退出"],
        ["建档立卡"],
        ["扶貧"],
        ["建檔立卡", "精准"],
        ["饮水", "安全"],
        ["省委"],
        ["(一)"],
        [","],
        ["30%"],
        ["第十四条"],
        ["不存在的词语"],
    ],
)
def test_search_equals_a_substring_scan(
    conn: object, yaml_corpus: Corpus, terms: list[str]
) -> None:
    assert found(conn, terms) == scan(yaml_corpus, terms)


def _pieces(corpus: Corpus) -> list[str]:
    return [normalize(t) for _, t in units(corpus)]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_substring_of_the_corpus_is_found_as_a_scan_finds_it(
    conn: object, yaml_corpus: Corpus, data: st.DataObject
) -> None:
    pieces = _pieces(yaml_corpus)
    piece = data.draw(st.sampled_from(pieces))
    length = data.draw(st.integers(1, 5))
    start = data.draw(st.integers(0, max(0, len(piece) - length)))
    term = piece[start : start + length]
    extra = data.draw(
        st.lists(st.text(alphabet="扶贫教育退出县乡村省aA1,(", min_size=1, max_size=3), max_size=2)
    )
    terms = [term, *extra]
    assert found(conn, terms) == scan(yaml_corpus, terms)


def test_hits_are_ranked_and_limited(conn: object) -> None:
    hits = search(conn, ["扶贫"])  # type: ignore[arg-type]
    assert len(hits) > 10
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert search(conn, ["扶贫"], limit=3) == hits[:3]  # type: ignore[arg-type]


def test_filters(conn: object, yaml_corpus: Corpus) -> None:
    county = search(conn, ["扶贫"], level="county")  # type: ignore[arg-type]
    assert county and {h.doc for h in county} <= {"weiyuan", "weiyuan-accountability"}
    by_alias = search(conn, ["扶贫"], doc=yaml_corpus.document("yunnan").aliases[0])  # type: ignore[arg-type]
    assert by_alias and {h.doc for h in by_alias} == {"yunnan"}


def test_a_hit_inside_an_item_names_the_item(conn: object, yaml_corpus: Corpus) -> None:
    doc, art = next((d, a) for d, a in yaml_corpus.all_articles() if a.items)
    item = art.items[-1]
    words = normalize(item.text)
    # a piece of the item's text that the article's own text does not hold
    head = normalize(f"{art.title or ''}{art.text}")
    term = next(words[i : i + 6] for i in range(len(words)) if words[i : i + 6] not in head)
    hits = [h for h in search(conn, [term], doc=doc.id) if h.text == art.full_text]  # type: ignore[arg-type]
    assert hits and hits[0].kind == "item"
    assert hits[0].ref.startswith(art.label) and hits[0].ref.endswith(item.label)


def test_snippet_highlights_the_term(conn: object) -> None:
    for hit in search(conn, ["建档立卡"]):  # type: ignore[arg-type]
        assert hit.spans
        for a, b in hit.spans:
            assert normalize(hit.snippet[a:b]) == "建档立卡"


def test_cli_json_equals_the_library(cache: Path, conn: object, run: Callable[..., Result]) -> None:
    result = run("search", "建档立卡", "精准", "-f", "json")
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload == [h.model_dump() for h in search(conn, ["建档立卡", "精准"])]  # type: ignore[arg-type]
    assert set(payload[0]) == {"doc", "kind", "ref", "snippet", "text"}
    assert "建档立卡" in result.stdout  # Chinese unescaped


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["扶贫"], 0),
        (["扶贫", "--doc", "云南", "-n", "2"], 0),
        (["扶贫", "--level", "county", "-f", "tsv"], 0),
        (["扶貧", "-f", "jsonl"], 0),
        (["没有这样的词语"], 1),
        (["扶贫", "--doc", "nowhere"], 2),
        (["扶贫", "--level", "galaxy"], 2),
        ([" "], 2),
    ],
)
def test_cli_exit_codes(
    cache: Path, run: Callable[..., Result], args: list[str], code: int
) -> None:
    result = run("search", *args)
    assert result.exit_code == code, result.stderr
    if code == 2:
        assert result.stderr.startswith(("Error", "Usage")) and "Traceback" not in result.stderr
    if code == 0:
        assert result.stdout.strip()


def test_cli_limit_and_plain_table(cache: Path, run: Callable[..., Result]) -> None:
    result = run("search", "扶贫", "-n", "3")
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["document", "ref", "text"]
    assert len(lines) == 4
    assert "\x1b[" not in result.stdout


def test_cli_highlights_on_a_terminal(cache: Path, run: Callable[..., Result]) -> None:
    result = run(
        "search", "饮水", "-n", "2", env={"FUPIN_TERMINAL": "1", "COLUMNS": "100", "NO_COLOR": ""}
    )
    assert result.exit_code == 0
    assert "\x1b[" in result.stdout  # bold (and red without NO_COLOR)
