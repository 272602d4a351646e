"""Hostile input, one row per case of issue 15: the real program in a subprocess, its exit
status and the one sentence it says. Each row failed (a traceback, or the wrong status) before
the CLI boundary handled it."""

from __future__ import annotations

import os
import resource
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from hostile import CLOSED, Outcome, assert_well_behaved, fupin, in_process

QUERY_COMMANDS = [
    ("who-leads",),
    ("duties",),
    ("search",),
    ("show",),
    ("chain",),
    ("accountability",),
    ("diff", "central"),
    ("trace", "central"),
    ("lineage",),
    ("graph",),
]
GBK_WATER = "饮水".encode("gbk")


def _check(outcome: Outcome, code: int, *said: str) -> None:
    assert_well_behaved(outcome, allowed=(code,))
    for words in said:
        assert words in outcome.stderr, outcome.stderr


# --- arguments and stdin in any bytes --------------------------------------------------------


@pytest.mark.parametrize("command", QUERY_COMMANDS, ids=lambda c: c[0])
def test_invalid_utf8_argument_is_exit_2_with_the_offset(command: tuple[str, ...]) -> None:
    outcome = fupin(command[0], b"\xff\xfe", *command[1:])
    _check(
        outcome, 2, "neither UTF-8 nor GB18030", "byte 0xff at offset 0", "argument 2 (\\xff\\xfe)"
    )


@pytest.mark.parametrize("command", QUERY_COMMANDS, ids=lambda c: c[0])
def test_empty_query_is_exit_2_on_every_command(command: tuple[str, ...]) -> None:
    _check(fupin(command[0], "", *command[1:]), 2, "is empty")


def test_invalid_utf8_doc_option() -> None:
    _check(fupin("who-leads", "饮水", "--doc", b"\xff"), 2, "argument 4", "offset 0")


def test_gbk_argument_is_read_as_gb18030_with_a_note() -> None:
    outcome = fupin("who-leads", GBK_WATER)
    _check(outcome, 0, "read it as GB18030")
    assert "饮水" in outcome.stdout.decode()


def test_gbk_stdin_is_read_as_gb18030_with_a_note() -> None:
    outcome = fupin("who-leads", "-", stdin="饮水安全\n".encode("gbk"))
    _check(outcome, 0, "stdin is not UTF-8; read it as GB18030")


def test_undecodable_stdin_names_offset_and_line() -> None:
    _check(fupin("duties", "-", stdin=b"ok\n\xff\xfe\xfa"), 2, "byte 0xff at offset 3, line 2")


@pytest.mark.parametrize("command", ["who-leads", "duties"])
def test_empty_stdin_is_exit_2(command: str) -> None:
    _check(fupin(command, "-", stdin=b""), 2, "stdin was empty")
    _check(fupin(command, "-", stdin=b"\n  \n"), 2, "stdin was empty")


@pytest.mark.parametrize("command", ["who-leads", "duties", "ingest"])
def test_closed_stdin_is_exit_2(command: str) -> None:
    _check(fupin(command, "-", stdin=CLOSED), 2, "stdin is closed")


def test_a_300_kb_query_is_shortened_in_the_message() -> None:
    outcome = fupin("duties", "-", stdin=("单" * 100_000 + "\n").encode())
    _check(outcome, 2, "(100,000 characters)")
    assert len(outcome.stderr) < 400


def test_output_the_terminal_cannot_encode_is_replaced() -> None:
    outcome = fupin("diff", "central", "yunnan", env={"PYTHONIOENCODING": "gbk"})
    _check(outcome, 1)  # diff(1): 1 is "different"
    assert b"central ? yunnan" in outcome.stdout  # ↔ has no GBK form


@pytest.mark.parametrize(
    ("args", "tail"),
    [
        (("search", "扶贫"), "| head -1"),
        (("who-leads", "饮水安全", "-f", "json"), "| head -c 10"),
        (("docs",), "| head -0"),
    ],
)
def test_closed_pipe_ends_quietly_with_the_query_status(args: tuple[str, ...], tail: str) -> None:
    for _ in range(3):  # deterministically, not at random
        outcome = fupin(*args, shell_tail=f"{tail} >/dev/null")
        assert outcome.code == 0, outcome.stderr
        assert outcome.stderr == ""


# --- bugs ------------------------------------------------------------------------------------


def test_a_bug_is_exit_3_with_one_line_and_a_traceback_only_on_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import fupin_cli.cli.commands.docs as docs_command

    def broken(*args: object) -> None:
        raise RuntimeError("a slip in fupin")

    monkeypatch.setattr(docs_command, "document_summaries", broken)
    outcome = in_process([b"docs"], b"")
    assert outcome.code == 3
    assert outcome.errors() == [outcome.stderr.strip()]
    assert "this is a bug in fupin" in outcome.stderr and "FUPIN_DEBUG=1" in outcome.stderr
    monkeypatch.setenv("FUPIN_DEBUG", "1")
    outcome = in_process([b"docs"], b"")
    assert outcome.code == 3
    assert "Traceback (most recent call last)" in outcome.stderr


# --- data folders ----------------------------------------------------------------------------


def _folder(tmp_path: Path, policies_dir: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(policies_dir / "weiyuan.yaml", folder / "weiyuan.yaml")
    return folder


def _loop(folder: Path) -> None:
    (folder / "self").symlink_to(folder)


def _dangling(folder: Path) -> None:
    (folder / "gone.yaml").symlink_to(folder / "nowhere.yaml")


def _duplicate(folder: Path) -> None:
    text = (folder / "weiyuan.yaml").read_text(encoding="utf-8")
    (folder / "weiyuan.yaml").write_text(text.replace("\n", "\nid: other\n", 1), encoding="utf-8")


def _nul(folder: Path) -> None:
    (folder / "weiyuan.yaml").write_bytes(b"id: x\ntitle: \x00\n")


def _oversize(folder: Path) -> None:
    (folder / "weiyuan.yaml").write_text("id: x\ntitle: " + "长" * 1_000_001 + "\n", "utf-8")


def _not_utf8(folder: Path) -> None:
    (folder / "weiyuan.yaml").write_bytes("id: x\ntitle: 饮水\n".encode("gbk"))


def _empty(folder: Path) -> None:
    (folder / "weiyuan.yaml").unlink()


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (_loop, "self: a link that loops back to a folder already read"),
        (_dangling, "gone.yaml: a link to a file that does not exist"),
        (_duplicate, "weiyuan.yaml:2: key 'id' given twice (also on line 1)"),
        (_nul, "weiyuan.yaml:2: a NUL byte"),
        (_oversize, "weiyuan.yaml:2: a value of 1,000,001 characters, over the limit of 1,000,000"),
        (_not_utf8, "weiyuan.yaml:2: not UTF-8 (byte 0xd2 at offset 13)"),
        (_empty, "no document files here"),
    ],
    ids=["symlink-loop", "dangling-link", "duplicate-key", "nul-byte", "oversize", "gbk", "empty"],
)
def test_validate_and_the_index_agree_on_a_damaged_folder(
    tmp_path: Path, policies_dir: Path, damage: Callable[[Path], None], said: str
) -> None:
    folder = _folder(tmp_path, policies_dir)
    damage(folder)
    _check(fupin("validate", str(folder)), 2, said)
    _check(fupin("docs", "--data", str(folder)), 2, said)
    _check(fupin("who-leads", "饮水", "--data", str(folder)), 2, said)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode")
def test_an_unreadable_file_is_named(tmp_path: Path, policies_dir: Path) -> None:
    folder = _folder(tmp_path, policies_dir)
    (folder / "weiyuan.yaml").chmod(0)
    _check(fupin("validate", str(folder)), 2, "weiyuan.yaml", "permission denied")
    _check(fupin("docs", "--data", str(folder)), 2, "weiyuan.yaml", "permission denied")


# --- the cache -------------------------------------------------------------------------------


@pytest.fixture()
def cache(tmp_path: Path) -> dict[str, str]:
    return {"FUPIN_CACHE_DIR": str(tmp_path / "cache")}


def _index_file(cache: dict[str, str]) -> Path:
    _check(fupin("index", env=cache), 0)
    return Path(fupin("index", "--path", env=cache).stdout.decode().strip())


def _zero_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for i in range(8192, len(data), 4096):
        data[i + 100 : i + 600] = b"\x00" * 500
    path.write_bytes(bytes(data))


def _garbage_header(path: Path) -> None:
    path.write_bytes(os.urandom(100) + path.read_bytes()[100:])


def _truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: 3 * 8192 + 17])


@pytest.mark.parametrize("damage", [_zero_pages, _garbage_header, _truncated])
def test_a_damaged_cache_is_rebuilt_once_with_a_note(
    cache: dict[str, str], damage: Callable[[Path], None]
) -> None:
    path = _index_file(cache)
    damage(path)
    first = fupin("who-leads", "饮水安全", env=cache)
    _check(first, 0, "Warning: rebuilding the index")
    again = fupin("who-leads", "饮水安全", env=cache)
    _check(again, 0)
    assert again.stderr == "" and again.stdout == first.stdout


def test_damage_found_during_a_query_rebuilds_and_answers_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import fupin_cli.cli.commands.docs as docs_command

    monkeypatch.setenv("FUPIN_CACHE_DIR", str(tmp_path))
    real = docs_command.document_summaries
    calls: list[int] = []

    def damaged_once(*args: object) -> object:
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.DatabaseError("database disk image is malformed")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(docs_command, "document_summaries", damaged_once)
    outcome = in_process([b"docs"], b"")
    _check(outcome, 0, "is damaged (database disk image is malformed); rebuilding it")
    assert len(calls) == 2 and b"central" in outcome.stdout


def test_a_full_disk_falls_back_to_memory_and_leaves_no_partial_file(
    cache: dict[str, str],
) -> None:
    def small_files() -> None:  # writes beyond 64 KB fail as on a full disk (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "fupin_cli", "who-leads", "饮水安全"],
        env={**os.environ, **cache},
        capture_output=True,
        preexec_fn=small_files,
        check=False,
    )
    outcome = Outcome(done.returncode, done.stdout, done.stderr.decode())
    _check(outcome, 0, "cannot write the index cache", "using an in-memory index")
    left = sorted(p.name for p in Path(cache["FUPIN_CACHE_DIR"]).iterdir())
    assert not [name for name in left if name.endswith(".tmp")], left


def test_an_unwritable_cache_falls_back_to_memory() -> None:
    outcome = fupin("docs", env={"FUPIN_CACHE_DIR": "/dev/null/cache"})
    _check(outcome, 0, "cannot write the index cache in /dev/null/cache")


# --- ingest ----------------------------------------------------------------------------------


@pytest.fixture()
def source(sources_dir: Path) -> Path:
    return sorted(sources_dir.glob("*.txt"))[0]


def test_ingest_out_naming_a_file(tmp_path: Path, source: Path) -> None:
    (tmp_path / "exists.yaml").write_text("x\n")
    _check(fupin("ingest", str(source), "--out", str(tmp_path / "exists.yaml")), 2, "is a file")


def test_ingest_refuses_to_replace_unless_forced(tmp_path: Path, source: Path) -> None:
    _check(fupin("ingest", str(source), "--out", str(tmp_path)), 0)
    _check(fupin("ingest", str(source), "--out", str(tmp_path)), 2, "already exists", "--force")
    _check(fupin("ingest", str(source), "--out", str(tmp_path), "--force"), 0)


def test_ingest_unwritable_out(source: Path) -> None:
    _check(fupin("ingest", str(source), "--out", "/proc/fupin-out"), 2, "cannot create the folder")


@pytest.mark.parametrize("order", ["utf-16-le", "utf-16-be"])
def test_ingest_utf16_without_bom(tmp_path: Path, order: str) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(
        "第一条 县水利局负责饮水安全。\n第二条 本办法自印发之日起施行。\n".encode(order)
    )
    outcome = fupin("ingest", str(path))
    _check(outcome, 0, f"read as {order}")
    assert "饮水安全" in outcome.stdout.decode()


def test_ingest_bad_byte_at_its_offset(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("第一条 测试\xff\xfe\n".encode("utf-8", "surrogateescape"))
    path.write_bytes("第一条 测试".encode() + b"\xff\xfe\n")
    _check(fupin("ingest", str(path)), 2, "bad byte 0xff at offset 16, line 1", "--encoding")


def test_ingest_binary_file_hints_at_encoding(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(bytes(range(256)) * 8)
    _check(fupin("ingest", str(path)), 2, "binary", "--encoding")


def test_shorten_keeps_short_inputs_and_says_how_long_a_long_one_was() -> None:
    from fupin_cli.errors import shorten

    assert shorten("省水利厅") == "省水利厅"
    assert shorten("a\nb\x00") == "a\\nb\\x00"  # one line, whatever the input holds
    long = shorten("单" * 100_000)
    assert long.endswith("(100,000 characters)") and len(long) < 90
