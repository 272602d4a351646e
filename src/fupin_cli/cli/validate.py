"""`fupin validate [PATH...]`: check YAML files; every problem as file:line: field: message."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import DataError
from ..loader import DataFiles, iter_problems, list_data_files, resolve_data_dir
from ..store import load_files
from ..validate import integrity_problems
from .options import DataOpt
from .runtime import ExitCode, guarded, note


@guarded
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="YAML files or folders (default: the active data folder).", show_default=False
        ),
    ] = None,
    data: DataOpt = None,
) -> None:
    """Check documents and registries; exit 0 when clean, 2 with every problem listed."""
    targets = paths or [resolve_data_dir(data)]
    problems: list[DataError] = []
    checked = 0
    for target in targets:
        if target.is_dir():
            files = list_data_files(target)
        elif target.is_file():
            base = list_data_files(target.parent)
            files = DataFiles(target.parent, (target,), base.actors, base.references)
        else:
            problems.append(DataError(target, None, None, "no such file or folder"))
            continue
        checked += len(files.documents)
        found = list(iter_problems(files))
        problems.extend(found)
        if not found:
            problems.extend(integrity_problems(load_files(files), files))
    for problem in problems:
        typer.echo(str(problem), err=True)
    if problems:
        note(f"{len(problems)} problem(s) in {checked} document file(s)")
        raise typer.Exit(ExitCode.ERROR)
    note(f"ok: {checked} document file(s), no problems")


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)
