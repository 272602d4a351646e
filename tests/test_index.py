"""The compiled index: same corpus as the YAML, rebuilt on any change, safe when broken."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from fupin_cli import index as ix
from fupin_cli.corpus import load_corpus
from fupin_cli.datafolder import ACTORS_FILE, REGISTRY_FILES, bundled_data_dir, scan
from fupin_cli.errors import DataError, DataErrors
from fupin_cli.loader import load_actors, load_document
from fupin_cli.normalize import normalize


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FUPIN_CACHE_DIR", str(folder))
    return folder


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    """A writable copy of the bundled documents."""
    folder = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), folder)
    return folder


def test_index_gives_the_same_documents_as_the_yaml(cache: Path, data: Path) -> None:
    from_yaml = {d.id: d for d in (load_document(p) for p in scan(data).documents)}
    for cached in (True, False):
        corpus = load_corpus(data, cached=cached)
        assert {d.id: d for d in corpus.documents} == from_yaml
        assert corpus.actors == load_actors(data / ACTORS_FILE)
        assert corpus.paths == {d.id: p for p in scan(data).documents for d in [load_document(p)]}


def test_text_is_stored_once_as_written(cache: Path, data: Path) -> None:
    corpus = load_corpus(data)
    built = ix.open_index(data)
    rows = built.conn.execute("SELECT kind, text, flen FROM units ORDER BY id").fetchall()
    texts = [a.full_text for _, a in corpus.all_articles()] + [
        t.text for _, t in corpus.all_tasks()
    ]
    assert sorted(t for k, t, _ in rows if k in ("article", "task")) == sorted(texts)
    assert all(flen == len(normalize(text)) for _, text, flen in rows)
    # the full-text index keeps no copy of the text; no table keeps a whole document
    hit = built.conn.execute(
        "SELECT chars FROM units_fts WHERE units_fts MATCH '\"扶 贫\"' LIMIT 1"
    ).fetchone()
    assert hit == (None,)
    columns = {r[1] for r in built.conn.execute("PRAGMA table_info(documents)")}
    assert "data" not in columns and "text" not in columns
    built.close()


def test_second_open_reuses_the_index(cache: Path, data: Path) -> None:
    first = ix.open_index(data)
    first.close()
    second = ix.open_index(data)
    second.close()
    assert first.rebuilt and not second.rebuilt
    assert first.path == second.path
    assert first.path is not None and first.path.parent == cache


def _edit_keeping_size_and_mtime(path: Path, old: str, new: str) -> None:
    assert len(old.encode()) == len(new.encode())
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size


def test_a_content_change_is_seen_even_with_the_same_size_and_mtime(
    cache: Path, data: Path
) -> None:
    before = load_corpus(data)
    assert before.document("central").short_title == "脱贫攻坚责任制实施办法"
    _edit_keeping_size_and_mtime(
        data / "central.yaml",
        "short_title: 脱贫攻坚责任制实施办法",
        "short_title: 脱贫攻坚责任制实施细则",
    )
    after = load_corpus(data)
    assert after.document("central").short_title == "脱贫攻坚责任制实施细则"


def test_stat_change_without_content_change_does_not_rebuild(cache: Path, data: Path) -> None:
    ix.open_index(data).close()
    os.utime(data / "central.yaml", ns=(1, 1))
    again = ix.open_index(data)
    again.close()
    assert not again.rebuilt


@pytest.mark.parametrize("change", ["add", "remove", "registry"])
def test_adding_or_removing_files_rebuilds(cache: Path, data: Path, change: str) -> None:
    ix.open_index(data).close()
    if change == "add":
        text = (data / "weiyuan.yaml").read_text(encoding="utf-8")
        (data / "sub").mkdir()
        (data / "sub" / "copy.yaml").write_text(
            text.replace("id: weiyuan", "id: weiyuan-copy", 1), encoding="utf-8"
        )
    elif change == "remove":
        (data / "weiyuan.yaml").unlink()
    else:
        with (data / "references.yaml").open("a", encoding="utf-8") as fh:
            fh.write("# a comment\n")
    again = ix.open_index(data)
    docs = {r[0] for r in again.conn.execute("SELECT id FROM documents")}
    again.close()
    assert again.rebuilt
    assert ("weiyuan-copy" in docs) == (change == "add")
    assert ("weiyuan" in docs) == (change != "remove")


def test_another_package_version_rebuilds(
    cache: Path, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ix.open_index(data).close()
    monkeypatch.setattr(ix.files, "__version__", "99.0")
    again = ix.open_index(data)
    again.close()
    assert again.rebuilt


@pytest.mark.parametrize("content", [b"this is not a database", b""])
def test_a_corrupt_cache_file_is_rebuilt_with_a_note(
    cache: Path, data: Path, caplog: pytest.LogCaptureFixture, content: bytes
) -> None:
    path = ix.index_path(data)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="fupin_cli.index"):
        corpus = load_corpus(data)
    assert len(corpus.documents) == 6
    if content:  # an empty file is a valid empty database: rebuilt without a fuss
        assert "rebuilding the index" in caplog.text
    assert ix.open_index(data).rebuilt is False


def test_a_foreign_sqlite_file_is_rebuilt_with_a_note(
    cache: Path, data: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = ix.index_path(data)
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE something (x)")
    conn.close()
    with caplog.at_level(logging.WARNING, logger="fupin_cli.index"):
        built = ix.open_index(data)
    built.close()
    assert built.rebuilt
    assert "not a fupin index" in caplog.text


def test_an_unwritable_cache_falls_back_to_memory(
    tmp_path: Path, data: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("FUPIN_CACHE_DIR", str(blocker / "cache"))
    with caplog.at_level(logging.WARNING, logger="fupin_cli.index"):
        built = ix.open_index(data)
    assert built.path is None
    assert built.conn.execute("SELECT count(*) FROM documents").fetchone() == (6,)
    built.close()
    assert "in-memory index" in caplog.text
    assert len(load_corpus(data).documents) == 6


def test_invalid_data_writes_no_index(cache: Path, data: Path) -> None:
    (data / "broken.yaml").write_text("id: Broken Id\ntitle: [\n", encoding="utf-8")
    with pytest.raises((DataError, DataErrors)):
        load_corpus(data)
    assert not ix.index_path(data).exists()
    assert not list(cache.glob("*.tmp"))


def test_duplicate_ids_are_an_error(cache: Path, data: Path) -> None:
    shutil.copyfile(data / "weiyuan.yaml", data / "weiyuan-again.yaml")
    with pytest.raises(DataErrors, match="duplicate document id"):
        ix.open_index(data)


def test_scan_finds_nested_documents_and_the_registries(data: Path) -> None:
    (data / "nested" / "deeper").mkdir(parents=True)
    shutil.copyfile(data / "weiyuan.yaml", data / "nested" / "deeper" / "w.yml")
    (data / "nested" / "actors.yaml").write_text("ignored")
    (data / "notes.txt").write_text("not yaml")
    (data / "references.yaml").unlink()
    found = scan(data)
    names = sorted(p.relative_to(data).as_posix() for p in found.documents)
    assert names == sorted(
        [p.name for p in bundled_data_dir().glob("*.yaml") if p.name not in REGISTRY_FILES]
        + ["nested/deeper/w.yml"]
    )
    assert found.actors == data / "actors.yaml"
    assert found.references == bundled_data_dir() / "references.yaml"  # missing: the bundle's
    assert scan(Path(os.path.relpath(data))) == found  # the spelling of the path does not matter


def test_database_holds_the_tables_for_sqlite_users(cache: Path, data: Path) -> None:
    corpus = load_corpus(data)
    built = ix.open_index(data)
    conn = built.conn
    count = lambda table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: E731
    assert count("documents") == len(corpus.documents)
    assert count("articles") == sum(len(d.articles) for d in corpus.documents)
    assert count("tasks") == sum(len(d.tasks) for d in corpus.documents)
    assert count("actors") == len(corpus.actors)
    assert count("refs") == len(corpus.references)
    links = sum(len(d.based_on) + len(d.cites) for d in corpus.documents)
    assert count("edges WHERE curated = 1") == links
    assert count("relations") == sum(len(a.relations) for _, a in corpus.all_articles())
    named = sum(len(t.lead) + len(t.co) for _, t in corpus.all_tasks())
    named += sum(len(a.actors) for _, a in corpus.all_articles())
    assert count("unit_roles") == named
    order = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY ord")]
    assert order == [d.id for d in corpus.documents]
    built.close()


def test_index_command_prints_the_path(cache: Path, data: Path, run: Callable[..., Result]) -> None:
    where = run("index", "--path", "--data", str(data))
    assert where.exit_code == 0
    path = Path(where.stdout.strip())
    assert path == ix.index_path(data)
    assert not path.exists()  # --path builds nothing
    built = run("index", "--data", str(data))
    assert built.exit_code == 0
    assert built.stdout.strip() == str(path)
    assert path.exists()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (6,)
    conn.close()
    as_json = run("index", "--data", str(data), "-f", "json")
    assert '"documents": 6' in as_json.stdout


def test_index_command_reports_bad_data(
    cache: Path, data: Path, run: Callable[..., Result]
) -> None:
    (data / "broken.yaml").write_text("title: [\n", encoding="utf-8")
    result = run("index", "--data", str(data))
    assert result.exit_code == 2
    assert "broken.yaml" in result.stderr
    missing = run("index", "--data", str(data / "nope"))
    assert missing.exit_code == 2
