"""`fupin ingest PATH...`: raw policy texts (files or folders) -> fupin YAML, for review."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ...corpus import ActorRegistry
from ...coverage import summary
from ...datafolder import scan
from ...errors import IngestError, OutputError, os_problem
from ...i18n import _
from ...ingest.emit import dump_document
from ...ingest.pipeline import Ingested, Options, ingest_bytes, ingest_files, text_files
from ...levels import Level
from ...loader import load_actors
from ...models import Document
from ...render.output import write_file
from ..inputs import stdin_bytes
from ..options import DataOpt
from ..runtime import ExitCode, command, error, note, progress_bar, warn


@command
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(help=_("Text files, or folders searched for them ('-' for stdin).")),
    ],
    doc_id: Annotated[
        str | None, typer.Option("--id", help=_("Id for the (first) document."))
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help=_("Write one YAML file per document into this folder.")),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding", help=_("Encoding of the input (default: detect UTF-8 / GB18030).")
        ),
    ] = None,
    as_paragraphs: Annotated[
        bool,
        typer.Option(
            "--as-paragraphs",
            help=_("Keep each paragraph as an article when no structure is found."),
        ),
    ] = False,
    level: Annotated[
        Level | None,
        typer.Option("--level", help=_("The level to record where the text does not say.")),
    ] = None,
    region: Annotated[
        str | None,
        typer.Option(
            "--region",
            help=_(
                "The region to record where the text does not say (四川省成都市); it also "
                "decides which regional names of the actor registry apply."
            ),
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help=_("Replace YAML files that already exist under --out.")),
    ] = False,
    keep_going: Annotated[
        bool,
        typer.Option(
            "--keep-going",
            help=_(
                "Report a file that cannot be read and go on with the others (exit 2 at the end)."
            ),
        ),
    ] = False,
    data: DataOpt = None,
) -> None:
    """Parse raw policy texts into YAML documents (to stdout, or one file each under --out).

    Prints one summary line per document and a warning for everything it could not place.

    Example: fupin ingest my-county-rules.txt --id my-county --out my-data/
    """
    if out is not None:
        _check_out(out)  # before the reading, which may take a while
    folder = scan(data, documents=False)
    registry = ActorRegistry(load_actors(folder.actors)) if folder.actors.is_file() else None
    options = Options(
        registry, encoding, as_paragraphs, region, level.value if level else None, doc_id
    )
    results: list[Ingested] = []
    failed: list[IngestError] = []
    for name in paths:
        if name == "-":
            found = ingest_bytes(
                stdin_bytes(),
                source="<stdin>",
                registry=registry,
                encoding=encoding,
                doc_id=doc_id,
                as_paragraphs=as_paragraphs,
                region=options.region,
                level=options.level,
            )
            results.append(found)
            _report(found, encoding)
            continue
        path = Path(name)
        files = text_files([path])
        root = path if path.is_dir() else None
        with progress_bar(_("Ingesting")) as progress:
            for _file, got in ingest_files(files, options, root=root, progress=progress):
                if isinstance(got, IngestError):
                    if not keep_going:
                        raise got
                    error(str(got))
                    failed.append(got)
                    continue
                results.append(got)
                _report(got, encoding)
    documents = [doc for found in results for doc in found.documents]
    seen: dict[str, str] = {}
    for found in results:  # one file per id: a clash would silently overwrite a document
        for doc in found.documents:
            if doc.id in seen:
                hint = (
                    _("give --id only with one file")
                    if doc_id
                    else _("{first} and {second} have the same name").format(
                        first=seen[doc.id], second=found.source
                    )
                )
                raise IngestError(
                    _("two documents would get the id '{id}'; {hint}").format(id=doc.id, hint=hint)
                )
            seen[doc.id] = found.source
    if out is None:  # each document dumped as it is written: a big input is not held twice
        for i, doc in enumerate(documents):
            sys.stdout.write(("---\n" if i else "") + dump_document(doc))
    else:  # everything parsed and validated before anything is written
        _write_all(out, documents, force=force)
        note(_("wrote {n} document(s) to {folder}").format(n=len(documents), folder=out))
    if failed:
        note(_("{n} file(s) could not be read (listed above)").format(n=len(failed)))
        raise typer.Exit(ExitCode.ERROR)


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise OutputError(
            _("--out {path} is a file; --out names a folder to write the documents into").format(
                path=out
            )
        )


def _write_all(out: Path, documents: list[Document], *, force: bool) -> None:
    """One file per document under the folder `out`, each replaced whole; files that exist
    are refused (all of them named before anything is written) unless `force`."""
    _check_out(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            _("cannot create the folder {folder}: {problem}; choose another --out").format(
                folder=out, problem=os_problem(exc)
            )
        ) from None
    targets = [(out / f"{doc.id}.yaml", doc) for doc in documents]
    existing = [target for target, _ in targets if target.exists()]
    if existing and not force:
        more = _(" (and {n} more)").format(n=len(existing) - 1) if len(existing) > 1 else ""
        raise OutputError(
            _("{path} already exists{more}; give --force to replace it, or another --out").format(
                path=existing[0], more=more
            )
        )
    for target, doc in targets:
        write_file(target, dump_document(doc))


def _report(found: Ingested, encoding: str | None) -> None:
    if found.encoding not in ("utf-8", "utf-8-sig") and not encoding:
        note(_("{source}: read as {encoding}").format(source=found.source, encoding=found.encoding))
    for warning in found.warnings:
        warn(warning)
    for doc in found.documents:
        note(summary(doc))
