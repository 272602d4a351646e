"""`fupin validate [PATH...]`: check YAML files; every problem as file:line: field: message."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ...corpus import load_corpus
from ...datafolder import DataFolder, scan, single_file
from ...errors import DataError, DataErrors
from ...validate import integrity_problems
from ..options import DataOpt
from ..runtime import ExitCode, command, note


def problems_of(folder: DataFolder, *, cached: bool) -> list[DataError]:
    """Every problem of a folder: each file's own, then (when all load) the cross-file ones."""
    try:
        corpus = load_corpus(folder, cached=cached)
    except DataErrors as exc:
        return list(exc.errors)
    except DataError as exc:
        return [exc]
    return integrity_problems(corpus, folder)


@command
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="YAML files or folders (default: the active data folder).", show_default=False
        ),
    ] = None,
    data: DataOpt = None,
) -> None:
    """Check documents and registries; exit 0 when clean, 2 with every problem listed.

    Example: fupin validate my-data/
    """
    problems: list[DataError] = []
    checked = 0
    targets: list[Path | None] = list(paths) if paths else [None]
    for target in targets:
        if target is None or target.is_dir():
            folder, cached = scan(target if target is not None else data), True
        elif target.is_file():
            folder, cached = single_file(target), False
        else:
            problems.append(DataError(target, None, None, "no such file or folder"))
            continue
        checked += len(folder.documents)
        problems.extend(problems_of(folder, cached=cached))
    for problem in problems:
        typer.echo(str(problem), err=True)
    if problems:
        note(f"{len(problems)} problem(s) in {checked} document file(s)")
        raise typer.Exit(ExitCode.ERROR)
    note(f"ok: {checked} document file(s), no problems")
