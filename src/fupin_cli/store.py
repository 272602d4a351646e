"""Load a data folder into a Corpus (the one entry point every query command uses)."""

from __future__ import annotations

from pathlib import Path

from .corpus import Corpus
from .errors import DataError, DataErrors
from .levels import LEVEL_ORDER
from .loader import (
    DataFiles,
    list_data_files,
    load_actors,
    load_document,
    load_references,
    resolve_data_dir,
)
from .models import Document


def load_files(files: DataFiles) -> Corpus:
    """Parse and validate every file; all problems are collected before raising."""
    documents: list[Document] = []
    errors: list[DataError] = []
    for path in files.documents:
        try:
            documents.append(load_document(path))
        except DataErrors as exc:
            errors.extend(exc.errors)
        except DataError as exc:
            errors.append(exc)
    try:
        actors = load_actors(files.actors)
        references = load_references(files.references)
    except DataErrors as exc:
        raise DataErrors([*errors, *exc.errors]) from None
    if errors:
        raise DataErrors(errors)
    seen: dict[str, Path] = {}
    for doc, path in zip(documents, files.documents, strict=True):
        if doc.id in seen:
            raise DataError(
                path, None, "id", f'duplicate document id "{doc.id}" (also in {seen[doc.id]})'
            )
        seen[doc.id] = path
    documents.sort(key=_hierarchy_order)
    return Corpus(documents, actors, references)


def _hierarchy_order(doc: Document) -> tuple[int, str, str, str]:
    """Superior documents first, then by region and date: the order people read them in."""
    date = doc.issued or doc.effective or doc.published
    return (LEVEL_ORDER[doc.level], doc.region, date.isoformat() if date else "", doc.id)


def load_corpus(data: Path | str | None = None) -> Corpus:
    """The corpus of `data` (a folder of YAML files), $FUPIN_DATA, or the bundled documents.

    It is read from the compiled index (`fupin_cli.index`), which is rebuilt first whenever a
    data file changed, so the YAML files are parsed only once per change.

    Raises:
        DataError / DataErrors: a file is missing, unreadable or invalid.
    """
    from .index import open_index, read_corpus

    index = open_index(data)
    try:
        return read_corpus(index.conn)
    finally:
        index.close()


def load_yaml_corpus(data: Path | str | None = None) -> Corpus:
    """The corpus parsed straight from the YAML files, bypassing the index (for checks)."""
    return load_files(list_data_files(resolve_data_dir(data)))
