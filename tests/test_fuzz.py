"""A fuzz harness over every command of the registry: random bytes as arguments, stdin, data
files and cache files, through the entry point's boundary. Whatever comes in, fupin answers
with grep's statuses (0, 1, 2), never a traceback, and at most one error sentence.

The budget keeps the whole suite within minutes on two cores; `FUPIN_FUZZ_EXAMPLES=2000`
(a multiplier of the default budget's examples, per test) searches longer.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fupin_cli.cli.registry import COMMANDS
from fupin_cli.index import index_path
from hostile import assert_well_behaved, in_process

SCALE = int(os.environ.get("FUPIN_FUZZ_EXAMPLES", "0")) or None
NAMES = [spec.name.encode() for spec in COMMANDS]
#: Words the commands know, so that random input also reaches past argument parsing.
WORDS = [
    *(w.encode() for w in ("-", "-f", "json", "tsv", "csv", "--doc", "--limit", "2", "--down")),
    *(w.encode() for w in ("central", "yunnan", "weiyuan", "14", "第十四条", "(一) 3. (2)")),
    *(w.encode() for w in ("饮水安全", "省水利厅", "县级党委和政府", "各镇", "--level", "county")),
    "饮水".encode("gbk"),
    "飲水安全".encode("big5"),
    b"",
    b" ",
]
argument = st.one_of(st.sampled_from(WORDS), st.binary(max_size=12))
stdin = st.one_of(
    st.none(), st.binary(max_size=64), st.sampled_from([b"", "饮水\n省水利厅\n".encode()])
)


def _budget(n: int) -> settings:
    return settings(
        max_examples=SCALE or n,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty working folder: a random argument that ingest writes to lands here."""
    return tmp_path_factory.mktemp("fuzz-cwd")


@_budget(400)
@given(name=st.sampled_from(NAMES), args=st.lists(argument, max_size=4), data=stdin)
def test_random_arguments_and_stdin(
    workdir: Path, name: bytes, args: list[bytes], data: bytes | None
) -> None:
    if name == b"ingest":
        args = [*args, b"--out", str(workdir / "out").encode(), b"--force"]
    cwd = os.getcwd()
    os.chdir(workdir)
    try:
        outcome = in_process([name, *args], data)
    finally:
        os.chdir(cwd)
    assert_well_behaved(outcome)


# --- data files ------------------------------------------------------------------------------

QUERIES = [
    [b"docs"],
    [b"who-leads", "饮水".encode()],
    [b"validate"],
    [b"search", "扶贫".encode()],
    [b"actors"],
]


def _mutate(data: bytes, cuts: list[tuple[int, bytes]]) -> bytes:
    out = bytearray(data)
    for at, chunk in cuts:
        at %= max(len(out), 1)
        out[at : at + len(chunk)] = chunk
    return bytes(out)


@_budget(100)
@given(
    cuts=st.lists(
        st.tuples(st.integers(0, 1 << 20), st.binary(min_size=1, max_size=8)), max_size=4
    ),
    extra=st.one_of(st.none(), st.binary(max_size=200)),
    query=st.sampled_from(QUERIES),
)
def test_random_data_files(
    tmp_path_factory: pytest.TempPathFactory,
    policies_dir: Path,
    cuts: list[tuple[int, bytes]],
    extra: bytes | None,
    query: list[bytes],
) -> None:
    folder = tmp_path_factory.mktemp("fuzz-data")
    original = (policies_dir / "weiyuan-accountability.yaml").read_bytes()
    (folder / "doc.yaml").write_bytes(_mutate(original, cuts))
    if extra is not None:
        (folder / "extra.yaml").write_bytes(extra)
    args = (
        [*query, b"--data", str(folder).encode()]
        if query != [b"validate"]
        else [
            b"validate",
            str(folder).encode(),
        ]
    )
    assert_well_behaved(in_process(args, b""))


# --- cache files -----------------------------------------------------------------------------


@_budget(60)
@given(
    cuts=st.lists(
        st.tuples(st.integers(0, 1 << 20), st.binary(min_size=1, max_size=600)),
        min_size=1,
        max_size=6,
    ),
    truncate=st.one_of(st.none(), st.integers(0, 1 << 20)),
    query=st.sampled_from(QUERIES[:2] + QUERIES[3:]),
)
def test_random_cache_files(
    tmp_path_factory: pytest.TempPathFactory,
    policies_dir: Path,
    cuts: list[tuple[int, bytes]],
    truncate: int | None,
    query: list[bytes],
) -> None:
    cache = tmp_path_factory.mktemp("fuzz-cache")
    folder = tmp_path_factory.mktemp("fuzz-cache-data")
    for name in ("weiyuan.yaml", "weiyuan-accountability.yaml"):
        shutil.copy(policies_dir / name, folder / name)
    args = [*query, b"--data", str(folder).encode()]
    saved = os.environ.get("FUPIN_CACHE_DIR")
    os.environ["FUPIN_CACHE_DIR"] = str(cache)
    try:
        clean = in_process(args, b"")
        path = index_path(folder)
        damaged = _mutate(path.read_bytes(), cuts)
        if truncate is not None:
            damaged = damaged[: truncate % (len(damaged) + 1)]
        path.write_bytes(damaged)
        outcome = in_process(args, b"")
    finally:
        if saved is None:
            del os.environ["FUPIN_CACHE_DIR"]
        else:
            os.environ["FUPIN_CACHE_DIR"] = saved
    assert_well_behaved(outcome)
    # damage is rebuilt or not noticed because it missed what the query reads: never a
    # different answer
    assert (outcome.code, outcome.stdout) == (clean.code, clean.stdout), outcome.stderr
