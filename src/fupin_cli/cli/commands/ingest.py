"""`fupin ingest FILE...`: raw policy text -> fupin YAML, ready for a person to review."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ...corpus import ActorRegistry
from ...datafolder import scan
from ...errors import IngestError
from ...ingest.emit import dump_document
from ...ingest.pipeline import Ingested, ingest_bytes
from ...loader import load_actors
from ..options import DataOpt
from ..runtime import command, note, warn


@command
def ingest(
    files: Annotated[list[str], typer.Argument(help="Text files ('-' for stdin).")],
    doc_id: Annotated[str | None, typer.Option("--id", help="Id for the (first) document.")] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write one YAML file per document into this folder."),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", help="Encoding of the input (default: detect UTF-8 / GB18030)."),
    ] = None,
    as_paragraphs: Annotated[
        bool,
        typer.Option(
            "--as-paragraphs", help="Keep each paragraph as an article when no structure is found."
        ),
    ] = False,
    data: DataOpt = None,
) -> None:
    """Parse raw policy texts into YAML documents (to stdout, or one file each under --out).

    Example: fupin ingest my-county-rules.txt --id my-county --out my-data/
    """
    folder = scan(data)
    registry = ActorRegistry(load_actors(folder.actors)) if folder.actors.is_file() else None
    results: list[Ingested] = []
    for name in files:
        if name == "-":
            raw, source = sys.stdin.buffer.read(), "<stdin>"
        else:
            path = Path(name)
            if not path.is_file():
                raise IngestError(f"{name}: no such file")
            raw, source = path.read_bytes(), path.name
        found = ingest_bytes(
            raw,
            source=source,
            registry=registry,
            encoding=encoding,
            doc_id=doc_id,
            as_paragraphs=as_paragraphs,
        )
        if found.encoding not in ("utf-8", "utf-8-sig") and not encoding:
            note(f"{source}: read as {found.encoding}")
        for warning in found.warnings:
            warn(warning)
        results.append(found)
    documents = [doc for found in results for doc in found.documents]
    seen: set[str] = set()
    for doc in documents:  # one file per id: a clash would silently overwrite a document
        if doc.id in seen:
            raise IngestError(
                f"two documents would get the id '{doc.id}'; give --id only with one file"
            )
        seen.add(doc.id)
    texts = [(doc.id, dump_document(doc)) for doc in documents]
    if out is None:
        sys.stdout.write("---\n".join(text for _, text in texts))
        return
    out.mkdir(parents=True, exist_ok=True)
    for doc_id_, text in texts:  # everything parsed and validated before anything is written
        target = out / f"{doc_id_}.yaml"
        tmp = target.with_suffix(".yaml.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
        note(f"wrote {target}")
