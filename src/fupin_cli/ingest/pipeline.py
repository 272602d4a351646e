"""The one ingest pipeline: raw bytes -> decoded text -> parsed documents -> stored extraction.

`fupin ingest` and the rebuild of the bundled documents (`ingest.overlay`) both go through
`ingest_text`; the bundled documents only add their curated overlays between parsing and
extraction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..corpus import ActorRegistry
from ..errors import IngestError
from ..extract.accountability import read_rules
from ..models import Document
from .decode import decode
from .parse import parse_text

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")

#: Curated fields merged into a parsed document: (part index, parsed fields) -> fields.
Overlay = Callable[[dict[str, Any]], dict[str, Any]]


@dataclass(frozen=True)
class Ingested:
    """What one input became: its documents, the encoding it was read in, the warnings."""

    source: str
    encoding: str
    documents: tuple[Document, ...]
    warnings: tuple[str, ...] = field(default=())


def slug(name: str) -> str:
    """A document id made from a file name: lower-case ASCII letters, digits and hyphens."""
    made = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return made if made and made[0].isalnum() else "doc"


def ingest_bytes(
    raw: bytes,
    *,
    source: str,
    registry: ActorRegistry | None,
    encoding: str | None = None,
    doc_id: str | None = None,
    as_paragraphs: bool = False,
) -> Ingested:
    """Decode raw bytes (UTF-8, GB18030, UTF-16 with a BOM, or `encoding`), then `ingest_text`.

    Raises:
        IngestError: the bytes cannot be decoded or the text holds no document.
    """
    text, used = decode(raw, source=source, encoding=encoding)
    found = ingest_text(
        text, source=source, registry=registry, doc_id=doc_id, as_paragraphs=as_paragraphs
    )
    return Ingested(source, used, found.documents, found.warnings)


def ingest_text(
    text: str,
    *,
    source: str,
    registry: ActorRegistry | None,
    doc_id: str | None = None,
    as_paragraphs: bool = False,
    overlays: Mapping[int, Overlay] | None = None,
) -> Ingested:
    """Parse a text into documents and run the extraction whose results are stored.

    Args:
        text: the text as read.
        source: the file name, for the documents' `source` and for messages.
        registry: actors to recognise (None: units are kept as written).
        doc_id: the id of the first document; later ones get -2, -3 ... (default: from
            `source`).
        as_paragraphs: keep each paragraph as an article when no structure is found.
        overlays: curated fields by the index of the document in the text; when given, only
            the documents that have one are returned.

    Raises:
        IngestError: empty text, no structure, or an id that is not a valid id.
    """
    if doc_id is not None and not _ID.match(doc_id):
        raise IngestError(
            f'"{doc_id}" is not a valid document id (lower-case letters, digits and hyphens)'
        )
    drafts = parse_text(text, source=source, registry=registry, as_paragraphs=as_paragraphs)
    base = doc_id or slug(Path(source).stem)
    documents: list[Document] = []
    warnings: list[str] = []
    for i, draft in enumerate(drafts):
        if overlays is not None and i not in overlays:
            continue
        data = draft.document.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        data["id"] = base if len(drafts) == 1 or (i == 0 and doc_id) else f"{base}-{i + 1}"
        if overlays is not None:
            data = overlays[i](data)
        doc = _validated(data, source)
        if registry is not None:
            rules = read_rules(doc, registry)
            if rules is not None:
                doc = doc.model_copy(update={"accountability": rules})
        documents.append(doc)
        warnings.extend(draft.warnings)
    return Ingested(source, "utf-8", tuple(documents), tuple(warnings))


def _validated(data: dict[str, Any], source: str) -> Document:
    try:
        return Document.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise IngestError(f"{source}: the document is invalid ({where}: {first['msg']})") from None
