"""The one ingest pipeline: raw bytes -> decoded text -> parsed documents -> stored extraction.

`fupin ingest` and the rebuild of the bundled documents (`ingest.overlay`) both go through
`ingest_text`; the bundled documents only add their curated overlays between parsing and
extraction.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..corpus import ActorRegistry
from ..coverage import findings
from ..errors import IngestError, os_problem
from ..extract.accountability import read_rules
from ..extract.terms import read_terms
from ..i18n import _
from ..models import Document
from .decode import decode
from .parse import parse_text

#: The files a folder given to `fupin ingest` is searched for (recursively).
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".csv", ".tsv")
#: From this many files on, they are read in worker processes (when there is more than one CPU).
MANY_FILES = 64

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


def slug(name: str, where: str | None = None) -> str:
    """A document id made from a file name: lower-case ASCII letters, digits and hyphens.

    A name in Chinese (成都市实施方案, 条例(2020-05-14)) gets ``doc-`` and a short hash of
    `where` (the file's path, default the name): what is left of it in ASCII would not tell
    two files apart.
    """
    made = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if made and made[0].isalnum() and name.isascii():
        return made
    digest = hashlib.sha1((where or name).encode("utf-8")).hexdigest()[:8]
    return f"doc-{digest}"


def ingest_bytes(
    raw: bytes,
    *,
    source: str,
    registry: ActorRegistry | None,
    encoding: str | None = None,
    doc_id: str | None = None,
    as_paragraphs: bool = False,
    region: str | None = None,
    level: str | None = None,
) -> Ingested:
    """Decode raw bytes (UTF-8, GB18030, UTF-16 with a BOM, or `encoding`), then `ingest_text`.

    Raises:
        IngestError: the bytes cannot be decoded or the text holds no document.
    """
    text, used = decode(raw, source=source, encoding=encoding)
    found = ingest_text(
        text,
        source=source,
        registry=registry,
        doc_id=doc_id,
        as_paragraphs=as_paragraphs,
        region=region,
        level=level,
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
    region: str | None = None,
    level: str | None = None,
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
        region, level: what to record where the text does not say; the region also decides
            which regional names of the registry apply.

    Raises:
        IngestError: empty text, no structure, or an id that is not a valid id.
    """
    if doc_id is not None and not _ID.match(doc_id):
        raise IngestError(
            _('"{id}" is not a valid document id (lower-case letters, digits and hyphens)').format(
                id=doc_id
            )
        )
    drafts = parse_text(
        text,
        source=source,
        registry=registry,
        as_paragraphs=as_paragraphs,
        region=region,
        level=level,
    )
    base = doc_id or slug(Path(source).stem, source)
    documents: list[Document] = []
    warnings: list[str] = []
    for i, draft in enumerate(drafts):
        if overlays is not None and i not in overlays:
            continue
        read = read_terms(draft.document)
        data = read.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        data["id"] = base if len(drafts) == 1 or (i == 0 and doc_id) else f"{base}-{i + 1}"
        if overlays is not None:
            data = overlays[i](data)
        doc = _validated(data, source)
        if registry is not None:
            rules = read_rules(doc, registry)
            if rules is not None:
                doc = doc.model_copy(update={"accountability": rules})
        documents.append(doc)
        name = Path(source).name
        warnings += [w if w.startswith(name) else f"{doc.id}: {w}" for w in draft.warnings]
        warnings += [f"{doc.id}: {found.message}" for found in findings(doc)]
    return Ingested(source, "utf-8", tuple(documents), tuple(warnings))


def _validated(data: dict[str, Any], source: str) -> Document:
    try:
        return Document.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise IngestError(f"{source}: the document is invalid ({where}: {first['msg']})") from None


def text_files(paths: Sequence[Path]) -> list[Path]:
    """The files named, and the text files under each folder named (recursively, sorted).

    Raises:
        IngestError: a path that does not exist, or a folder without text files.
    """
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES and p.is_file()
            )
            if not found:
                raise IngestError(
                    _("{path}: no text files in this folder ({suffixes})").format(
                        path=path, suffixes=", ".join(TEXT_SUFFIXES)
                    )
                )
            out += found
        elif path.is_file():
            out.append(path)
        else:
            raise IngestError(_("{path}: no such file").format(path=path))
    return out


@dataclass(frozen=True)
class Options:
    """How to read the files of one `ingest_files` run."""

    registry: ActorRegistry | None
    encoding: str | None = None
    as_paragraphs: bool = False
    region: str | None = None
    level: str | None = None
    doc_id: str | None = None


_OPTIONS: Options | None = None  # set in worker processes


def _source(path: Path, root: Path | None) -> str:
    if root is None:
        return path.name
    try:
        return str(path.relative_to(root))
    except ValueError:
        return path.name


def _one(job: tuple[Path, str]) -> Ingested | IngestError:
    path, source = job
    assert _OPTIONS is not None
    try:
        return ingest_bytes(
            path.read_bytes(),
            source=source,
            registry=_OPTIONS.registry,
            encoding=_OPTIONS.encoding,
            as_paragraphs=_OPTIONS.as_paragraphs,
            region=_OPTIONS.region,
            level=_OPTIONS.level,
            doc_id=_OPTIONS.doc_id,
        )
    except IngestError as exc:
        return exc
    except OSError as exc:
        return IngestError(
            _("{source}: cannot be read ({problem})").format(source=source, problem=os_problem(exc))
        )


def ingest_files(
    files: Sequence[Path],
    options: Options,
    *,
    root: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[tuple[Path, Ingested | IngestError]]:
    """Ingest every file, in order; a file that cannot be read yields its IngestError.

    Many files are read in worker processes. `root` makes each document's source its path
    under that folder (so that two files of one name in two folders get distinct ids).
    """
    global _OPTIONS
    _OPTIONS = options
    jobs = [(path, _source(path, root)) for path in files]
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < MANY_FILES or workers < 2 or sys.platform != "linux":
        results: Iterator[Ingested | IngestError] = map(_one, jobs)
        for done, (job, result) in enumerate(zip(jobs, results, strict=True), start=1):
            if progress is not None:
                progress(done, len(jobs))
            yield job[0], result
        return
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for done, (job, result) in enumerate(
            zip(jobs, pool.imap(_one, jobs, chunksize=8), strict=True), start=1
        ):
            if progress is not None:
                progress(done, len(jobs))
            yield job[0], result
