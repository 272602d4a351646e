"""`fupin ingest FILE...`: raw policy text -> fupin YAML, ready for a person to review."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from ..corpus import ActorRegistry
from ..errors import IngestError
from ..ingest.decode import decode
from ..ingest.emit import dump_document
from ..ingest.parse import parse_text
from ..loader import list_data_files, load_actors, resolve_data_dir
from ..models import Document
from .options import DataOpt
from .runtime import guarded, note, warn


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug if slug and slug[0].isalnum() else "doc"


@guarded
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
    """Parse raw policy texts into YAML documents (to stdout, or one file each under --out)."""
    files_info = list_data_files(resolve_data_dir(data))
    registry = (
        ActorRegistry(load_actors(files_info.actors)) if files_info.actors.is_file() else None
    )
    results: list[tuple[str, Document]] = []
    for name in files:
        if name == "-":
            raw, source = sys.stdin.buffer.read(), "<stdin>"
        else:
            path = Path(name)
            if not path.is_file():
                raise IngestError(f"{name}: no such file")
            raw, source = path.read_bytes(), path.name
        text, used = decode(raw, source=source, encoding=encoding)
        if used not in ("utf-8", "utf-8-sig") and not encoding:
            note(f"{source}: read as {used}")
        drafts = parse_text(text, source=source, registry=registry, as_paragraphs=as_paragraphs)
        base = doc_id or _slug(Path(source).stem)
        for i, draft in enumerate(drafts):
            draft.data["id"] = base if len(drafts) == 1 else f"{base}-{i + 1}"
            if doc_id and i == 0:
                draft.data["id"] = doc_id
            for warning in draft.warnings:
                warn(warning)
            try:
                results.append((draft.data["id"], Document.model_validate(draft.data)))
            except ValidationError as exc:  # a parser bug, not the user's
                raise IngestError(f"{source}: the parsed document is invalid: {exc}") from None
    seen: set[str] = set()
    for doc_id_, _ in results:  # one file per id: a clash would silently overwrite a document
        if doc_id_ in seen:
            raise IngestError(
                f"two documents would get the id '{doc_id_}'; give --id only with one file"
            )
        seen.add(doc_id_)
    texts = [(doc_id_, dump_document(doc)) for doc_id_, doc in results]
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


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
