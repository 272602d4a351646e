"""Help a non-programmer reads: values in words, one real example, lines that fit."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from rich.cells import cell_len
from typer.testing import Result

from fupin_cli.cli.registry import COMMANDS

Run = Callable[..., Result]
PLACEHOLDERS = re.compile(r"<[a-z]|\{[a-z_]+\}|\[x[<>]=|<=x|list\[|…")


@pytest.mark.parametrize("spec", COMMANDS, ids=lambda s: s.name)
def test_each_help_is_in_words_fits_and_shows_an_example(run: Run, spec: object) -> None:
    name = spec.name  # type: ignore[attr-defined]
    out = run(name, "--help", env={"COLUMNS": "80"}).stdout
    assert not PLACEHOLDERS.search(out), PLACEHOLDERS.search(out)
    assert all(cell_len(line) <= 80 for line in out.splitlines())
    assert re.search(r"Examples?: .*fupin", out.replace("\n", " ")), name


def test_the_top_help_is_grouped_fits_and_points_to_examples(run: Run) -> None:
    out = run("--help", env={"COLUMNS": "80"}).stdout
    assert all(cell_len(line) <= 80 for line in out.splitlines())
    for spec in COMMANDS:
        line = next(ln for ln in out.splitlines() if ln.startswith(f"  {spec.name} "))
        assert line.rstrip().endswith(spec.summary)  # whole, on one line
    assert out.index("Ask the documents:") < out.index("Compare and trace rules:")
    assert "`fupin` alone lists the documents and five examples" in out.replace("\n", " ")
    assert "--install-completion" in out and "--show-completion" in out


def test_metavars_are_words(run: Run) -> None:
    out = run("show", "--help").stdout
    assert "Usage: fupin show [OPTIONS] DOC [ARTICLE]" in out
    assert "--doc DOC" in run("who-leads", "--help").stdout
    assert "--limit NUMBER" in run("search", "--help").stdout
    assert "--threshold SIMILARITY" in run("diff", "--help").stdout
