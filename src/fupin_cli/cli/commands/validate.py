"""`fupin validate [PATH...]`: check YAML files; every problem as file:line: field: message."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ...corpus import load_corpus
from ...datafolder import DataFolder, scan, single_file
from ...errors import DataError, DataErrors
from ...i18n import _
from ...validate import coverage_warnings, integrity_problems
from ..options import DataOpt
from ..runtime import ExitCode, command, note


def problems_of(folder: DataFolder, *, cached: bool) -> tuple[list[DataError], list[DataError]]:
    """(problems, warnings) of a folder: each file's own problems, then (when all load) the
    cross-file ones and what each document's reading may have missed."""
    try:
        corpus = load_corpus(folder, cached=cached)
    except DataErrors as exc:
        return list(exc.errors), []
    except DataError as exc:
        return [exc], []
    return integrity_problems(corpus, folder), coverage_warnings(corpus)


@command
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help=_("YAML files or folders (default: the active data folder)."), show_default=False
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help=_("Exit 2 on warnings too, not only on problems."))
    ] = False,
    data: DataOpt = None,
) -> None:
    """Check documents and registries; exit 0 when clean, 2 with every problem listed.

    Warnings say what a document's reading may have missed (text naming 牵头单位 that made
    no task, article numbers that skip, body text in the closing, an unknown level, units the
    registry does not know); `--strict` makes them fail too.

    Example: fupin validate my-data/ --strict
    """
    problems: list[DataError] = []
    warnings: list[DataError] = []
    checked = 0
    targets: list[Path | None] = list(paths) if paths else [None]
    for target in targets:
        if target is None or target.is_dir():
            folder, cached = scan(target if target is not None else data), True
        elif target.is_file():
            folder, cached = single_file(target), False
        else:
            problems.append(DataError(target, None, None, _("no such file or folder")))
            continue
        checked += len(folder.documents)
        found, warned = problems_of(folder, cached=cached)
        problems.extend(found)
        warnings.extend(warned)
    for problem in problems:
        typer.echo(str(problem), err=True)
    for warning in warnings:
        typer.echo(
            warning.location() + _("warning: {message}").format(message=warning.message),
            err=True,
        )
    told = _("; {n} warning(s)").format(n=len(warnings)) if warnings else ""
    if problems:
        note(
            _("{n} problem(s) in {files} document file(s)").format(n=len(problems), files=checked)
            + told
        )
        raise typer.Exit(ExitCode.ERROR)
    if warnings and strict:
        note(
            _("{n} warning(s) in {files} document file(s) (--strict)").format(
                n=len(warnings), files=checked
            )
        )
        raise typer.Exit(ExitCode.ERROR)
    note(_("ok: {files} document file(s), no problems").format(files=checked) + told)
