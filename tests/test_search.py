"""`fupin search`: a piece of any text finds it; the index answers as a substring scan does."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import Result

from fupin_cli.corpus import Corpus, load_corpus
from fupin_cli.index import open_index
from fupin_cli.normalize import (
    fold,
    regional_pairs,
    script_pairs,
    spellings,
    usable_variants,
    words,
)
from fupin_cli.query.responsibility import who_leads
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
    return load_corpus(cached=False)


Unit = tuple[str, str, str, str]  # doc, script, kind, text


@functools.cache
def _units(ids: tuple[str, ...]) -> list[Unit]:
    corpus = load_corpus(cached=False)
    out: list[Unit] = []
    for doc_id in ids:
        doc = corpus.document(doc_id)
        texts = [
            ("notice", doc.notice),
            ("preamble", doc.preamble),
            *(("article", a.full_text) for a in doc.articles),
            *(("task", t.text) for t in doc.tasks),
            ("closing", doc.closing),
        ]
        out += [(doc.id, doc.script.value, kind, t) for kind, t in texts if t]
    return out


def units(corpus: Corpus) -> list[Unit]:
    return _units(tuple(corpus.ids()))


class Oracle:
    """A plain scan over the folded texts, with the same definitions of a word's spellings as
    the library (`normalize`), but none of the index's code."""

    def __init__(self, corpus: Corpus) -> None:
        self.units = units(corpus)
        mainland = [fold(t) for _, script, _, t in self.units if script == "simplified"]
        self.regional = usable_variants(
            regional_pairs(), lambda s: any(s in text for text in mainland)
        )

    def spellings(self, word: str) -> tuple[str, ...]:
        return spellings(word, script_pairs(), self.regional)

    def scan(
        self, terms: list[str], any_: bool = False, exclude: tuple[str, ...] = ()
    ) -> list[tuple[str, str]]:
        wanted = [self.spellings(w) for w in words(terms)]
        unwanted = [s for w in words(exclude) for s in self.spellings(w)]
        out = []
        for doc, _, _, text in self.units:
            hay = fold(text)
            found = [any(s in hay for s in w) for w in wanted]
            if (any(found) if any_ else all(found)) and not any(s in hay for s in unwanted):
                out.append((doc, text))
        return sorted(out)


@pytest.fixture(scope="module")
def oracle(yaml_corpus: Corpus) -> Oracle:
    return Oracle(yaml_corpus)


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
        ["互联网"],
        ["網際網路"],
        ["资讯"],
        ["信息"],
        ["创建"],
        ["了解"],
        ["瞭解"],
        ["不存在的词语"],
    ],
)
def test_search_equals_a_substring_scan(conn: object, oracle: Oracle, terms: list[str]) -> None:
    assert found(conn, terms) == oracle.scan(terms)


# --- precision: a hit holds the query as written, or a listed variant of the whole query --


def test_create_finds_only_create(conn: object) -> None:
    hits = search(conn, ["创建"])  # type: ignore[arg-type]
    assert hits
    assert all("创建" in fold(h.text) for h in hits)  # never 建立


@pytest.mark.parametrize(("query", "other"), [("进程", "程序"), ("支持", "支援"), ("文档", "文件")])
def test_a_mainland_word_never_finds_another(conn: object, query: str, other: str) -> None:
    for h in search(conn, [query]):  # type: ignore[arg-type]
        assert fold(query) in fold(h.text), (h.doc, h.ref, other)


@pytest.mark.parametrize(
    ("query", "written"), [("互联网", "網際網路"), ("信息", "資訊"), ("资讯", "資訊")]
)
def test_regional_variants_are_found(conn: object, query: str, written: str) -> None:
    hits = search(conn, [query], doc="heilongjiang")  # type: ignore[arg-type]
    assert any(written in h.text for h in hits)


def test_regional_variants_work_both_ways(conn: object) -> None:
    assert {h.text for h in search(conn, ["网际网路"])} == {  # type: ignore[arg-type]
        h.text
        for h in search(conn, ["互联网"])  # type: ignore[arg-type]
    }


# --- recall: any piece of any text, in either script, finds it --------------------------


@functools.cache
def _other_script(script: str) -> Callable[[str], str]:
    """OpenCC's own conversion to the other script (phrase by phrase: 了解 -> 瞭解)."""
    import opencc

    converter = opencc.OpenCC("s2t" if script == "simplified" else "t2s")
    return lambda text: str(converter.convert(text))


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_any_piece_of_any_text_in_either_script_finds_it(
    conn: object, yaml_corpus: Corpus, data: st.DataObject
) -> None:
    doc, script, kind, text = data.draw(st.sampled_from(units(yaml_corpus)))
    length = data.draw(st.integers(1, 12))
    start = data.draw(st.integers(0, max(0, len(text) - length)))
    piece = text[start : start + length]
    assume(piece.strip())
    if data.draw(st.booleans()):
        piece = _other_script(script)(piece)
    hits = search(conn, [piece], doc=doc)  # type: ignore[arg-type]
    assert any(h.text == text for h in hits), piece
    if kind == "task":
        tasks = who_leads(yaml_corpus, [piece], doc=doc, kind="task")
        assert any(h.text == text for h in tasks), piece


_PIECES = st.sampled_from(
    [
        *"扶贫教育退出县乡村省建档立卡精准互联网資訊信息了瞭解,(、。 \n",
        *("A", "a", "Ｂ", "\u200b", "〔", "[", "網際網路", "创建", "建立", "反覆"),
    ]
)


def _words(most: int) -> st.SearchStrategy[str]:
    return st.lists(_PIECES, min_size=1, max_size=most).map("".join)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    terms=st.lists(_words(4), min_size=1, max_size=3),
    exclude=st.lists(_words(2), max_size=2),
    any_=st.booleans(),
)
def test_the_index_agrees_with_the_scan_on_any_query(
    conn: object, oracle: Oracle, terms: list[str], exclude: list[str], any_: bool
) -> None:
    assume(words(terms))
    got = found(conn, terms, any_=any_, exclude=exclude)
    assert got == oracle.scan(terms, any_=any_, exclude=tuple(exclude))


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_a_piece_with_other_words_is_found_as_the_scan_finds_it(
    conn: object, oracle: Oracle, yaml_corpus: Corpus, data: st.DataObject
) -> None:
    text = data.draw(st.sampled_from([fold(t) for *_, t in units(yaml_corpus)]))
    length = data.draw(st.integers(1, 5))
    start = data.draw(st.integers(0, max(0, len(text) - length)))
    extra = data.draw(
        st.lists(st.text(alphabet="扶贫教育退出县乡村省aA1,(", min_size=1, max_size=3), max_size=2)
    )
    terms = [text[start : start + length], *extra]
    assert found(conn, terms) == oracle.scan(terms)


# --- order, limits, filters --------------------------------------------------------------


def test_hits_come_in_corpus_order_and_limit_takes_the_first(
    conn: object, yaml_corpus: Corpus
) -> None:
    hits = search(conn, ["扶贫"])  # type: ignore[arg-type]
    assert len(hits) > 10
    order = {doc: i for i, doc in enumerate(yaml_corpus.ids())}
    position = {(d, t): i for i, (d, _, _, t) in enumerate(units(yaml_corpus))}
    keys = [(order[h.doc], position[(h.doc, h.text)]) for h in hits]
    assert keys == sorted(keys)
    assert search(conn, ["扶贫"], limit=3) == hits[:3]  # type: ignore[arg-type]


def test_filters(conn: object, yaml_corpus: Corpus) -> None:
    county = search(conn, ["扶贫"], level="county")  # type: ignore[arg-type]
    assert county and {h.doc for h in county} <= {"weiyuan", "weiyuan-accountability"}
    by_alias = search(conn, ["扶贫"], doc="云南实施细则")  # type: ignore[arg-type]
    assert by_alias and {h.doc for h in by_alias} == {"yunnan"}
    by_place = search(conn, ["扶贫"], doc="云南")  # type: ignore[arg-type]
    assert {h.doc for h in by_place} == {"yunnan", "yunnan-division"}
    two = search(conn, ["扶贫"], doc=["central", "weiyuan"])  # type: ignore[arg-type]
    assert {h.doc for h in two} == {"central", "weiyuan"}
    tasks = search(conn, ["扶贫"], kind="task")  # type: ignore[arg-type]
    assert tasks and {h.kind for h in tasks} == {"task"}
    items = search(conn, ["扶贫"], kind="item")  # type: ignore[arg-type]
    assert items and {h.kind for h in items} == {"item"}
    articles = search(conn, ["脱贫"], kind=["article", "preamble"])  # type: ignore[arg-type]
    assert {h.kind for h in articles} == {"article", "preamble"}


def test_any_and_not(conn: object, oracle: Oracle) -> None:
    either = found(conn, ["饮水", "教育"], any_=True)
    assert either == oracle.scan(["饮水", "教育"], any_=True)
    assert len(either) > len(found(conn, ["饮水"]))
    without = found(conn, ["扶贫"], exclude=["精准"])
    assert without and all("精准" not in fold(t) for _, t in without)


def test_a_hit_inside_an_item_names_the_item(conn: object, yaml_corpus: Corpus) -> None:
    doc, art = next((d, a) for d, a in yaml_corpus.all_articles() if a.items)
    item = art.items[-1]
    key = fold(item.text)
    # a piece of the item's text that the article's own text does not hold
    head = fold(f"{art.title or ''}{art.text}")
    term = next(key[i : i + 6] for i in range(len(key)) if key[i : i + 6] not in head)
    hits = [h for h in search(conn, [term], doc=doc.id) if h.text == art.full_text]  # type: ignore[arg-type]
    assert hits and hits[0].kind == "item"
    assert hits[0].ref.startswith(art.label) and hits[0].ref.endswith(item.label)


def test_snippet_highlights_the_term(conn: object) -> None:
    for hit in search(conn, ["建档立卡"]):  # type: ignore[arg-type]
        assert hit.spans
        for a, b in hit.spans:
            assert fold(hit.snippet[a:b]) == "建档立卡"


# --- the command ---------------------------------------------------------------------------


def test_cli_json_equals_the_library(cache: Path, conn: object, run: Callable[..., Result]) -> None:
    result = run("search", "建档立卡", "精准", "-f", "json")
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload == [h.model_dump() for h in search(conn, ["建档立卡", "精准"])]  # type: ignore[arg-type]
    assert set(payload[0]) == {"doc", "kind", "ref", "snippet", "text"}
    assert "\x1b" not in payload[0]["snippet"]  # a plain snippet
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
        (["扶贫", "--kind", "chapter"], 2),
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


def test_cli_count_and_files_read_like_grep(
    cache: Path, conn: object, run: Callable[..., Result]
) -> None:
    hits = search(conn, ["扶贫"])  # type: ignore[arg-type]
    per_doc: dict[str, int] = {}
    for h in hits:
        per_doc[h.doc] = per_doc.get(h.doc, 0) + 1
    counted = run("search", "扶贫", "--count", "-f", "json")
    assert json.loads(counted.stdout) == [{"doc": d, "count": n} for d, n in per_doc.items()]
    files = run("search", "扶贫", "-l")
    assert files.stdout.split() == list(per_doc)
    none = run("search", "没有这样的词语", "-l")
    assert none.exit_code == 1 and none.stdout == ""


def test_cli_any_not_kind_and_several_documents(
    cache: Path, conn: object, run: Callable[..., Result]
) -> None:
    def docs_of(*args: str) -> set[str]:
        result = run("search", *args, "-f", "jsonl")
        return {json.loads(line)["doc"] for line in result.stdout.splitlines()}

    assert docs_of("扶贫", "--doc", "central,weiyuan") == {"central", "weiyuan"}
    assert docs_of("扶贫", "--doc", "central", "--doc", "yunnan") == {"central", "yunnan"}
    kinds = run("search", "扶贫", "--kind", "task", "-f", "jsonl").stdout.splitlines()
    assert kinds and {json.loads(x)["kind"] for x in kinds} == {"task"}
    without = run("search", "扶贫", "--not", "精准", "-f", "jsonl").stdout.splitlines()
    assert without and all("精准" not in fold(json.loads(x)["text"]) for x in without)
    either = run("search", "饮水", "教育", "--any", "-f", "jsonl").stdout.splitlines()
    assert len(either) == len(search(conn, ["饮水", "教育"], any_=True))  # type: ignore[arg-type]


def test_cli_highlights_on_a_terminal(cache: Path, run: Callable[..., Result]) -> None:
    result = run(
        "search", "饮水", "-n", "2", env={"FUPIN_TERMINAL": "1", "COLUMNS": "100", "NO_COLOR": ""}
    )
    assert result.exit_code == 0
    assert "\x1b[" in result.stdout  # bold (and red without NO_COLOR)


def test_a_terminal_shows_a_screenful_and_says_how_many_more(
    cache: Path, conn: object, run: Callable[..., Result]
) -> None:
    total = len(search(conn, ["扶"]))  # type: ignore[arg-type]
    assert total > 50
    result = run("search", "扶", env={"FUPIN_TERMINAL": "1", "COLUMNS": "120"})
    assert f"{total - 50} more hit(s)" in result.stderr
    piped = run("search", "扶", "-f", "tsv")
    assert len(piped.stdout.splitlines()) == total + 1  # a pipe gets every hit
