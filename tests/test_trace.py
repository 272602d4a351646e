"""`fupin trace`: the chain of superior provisions of one article, and its local versions."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from typer.testing import Result

from fupin_cli.corpus import Corpus
from fupin_cli.query.trace import trace

from goldens import TABLE_ENV, check_golden

Run = Callable[..., Result]


@pytest.mark.parametrize(
    ("doc", "ref", "down", "chain"),
    [
        ("weiyuan", "9", False, [("weiyuan", 9), ("central", 14)]),
        ("威远县实施办法", "第九条", False, [("weiyuan", 9), ("central", 14)]),
        ("yunnan", "第十五條", False, [("yunnan", 15), ("central", 14)]),
        ("yunnan", "4", False, [("yunnan", 4), ("central", 9)]),
        ("yunnan", "第十四 條", False, [("yunnan", 14)]),  # new in Yunnan: nothing above
        ("central", "14", False, [("central", 14)]),  # decision-2015 is not held
        ("central", "14", True, [("central", 14), ("yunnan", 15), ("weiyuan", 9)]),
        ("central", "22", True, [("central", 22), ("yunnan", 23)]),  # no army in Weiyuan
    ],
)
def test_chains(
    corpus: Corpus, doc: str, ref: str, down: bool, chain: list[tuple[str, int]]
) -> None:
    result = trace(corpus, doc, ref, down=down)
    assert [(s.doc, s.no) for s in result.chain] == chain
    assert result.chain[0].similarity is None
    assert all(s.similarity is not None and 0 < s.similarity <= 1 for s in result.chain[1:])


def test_trace_json_is_the_library_result(run: Run, corpus: Corpus) -> None:
    result = run("trace", "weiyuan", "9", "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data == [s.model_dump(mode="json") for s in trace(corpus, "weiyuan", "9").chain]
    assert {k: data[1][k] for k in ("doc", "no", "label")} == {
        "doc": "central",
        "no": 14,
        "label": "第十四条",
    }


def test_trace_down_table(run: Run) -> None:
    result = run("trace", "central", "14", "--down", env=TABLE_ENV)
    assert result.exit_code == 0
    check_golden("trace_central_14_down.txt", result.stdout)


def test_trace_plain_lines(run: Run) -> None:
    result = run("trace", "weiyuan", "9", "--no-headers")
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[1].split()[:3] == ["central", "第十四条", "0.93"]


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("yunnan", "第十四 條"), 1),
        (("weiyuan", "99"), 2),
        (("nowhere", "1"), 2),
    ],
)
def test_trace_exit_codes(run: Run, args: tuple[str, ...], code: int) -> None:
    result = run("trace", *args)
    assert result.exit_code == code
    if code == 2:
        assert result.stderr.startswith("Error: unknown")
