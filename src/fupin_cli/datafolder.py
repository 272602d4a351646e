"""Where the data lives and which files a data folder holds: the one scanner of data folders.

Standard library only, so the index can check a folder's files for changes without importing
YAML or pydantic. Every path is resolved to an absolute one, so `--data d` and `--data $PWD/d`
name the same folder (and the same index).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from .errors import DataError, os_problem
from .i18n import _

ACTORS_FILE = "actors.yaml"
REFERENCES_FILE = "references.yaml"
REGISTRY_FILES = (ACTORS_FILE, REFERENCES_FILE)
DATA_ENV = "FUPIN_DATA"
CACHE_ENV = "FUPIN_CACHE_DIR"
APP_NAME = "fupin"
YAML_SUFFIXES = (".yaml", ".yml")


def bundled_data_dir() -> Path:
    """The documents shipped with the package (or, in a source checkout, the repo's copy)."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "policies"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "data" / "policies"


def bundled_sources_dir() -> Path:
    """The byte-identical source texts the bundled documents were built from."""
    return bundled_data_dir().parent / "sources"


def cache_dir() -> Path:
    """Where fupin keeps what it can rebuild (indexes, OpenCC's tables): $FUPIN_CACHE_DIR, else
    the user cache directory of platformdirs."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))


def resolve_data_dir(data: Path | str | None = None) -> Path:
    """--data DIR, else $FUPIN_DATA, else the bundled documents; always absolute.

    Raises:
        DataError: the folder does not exist.
    """
    chosen = data if data is not None else os.environ.get(DATA_ENV) or None
    if chosen is None:
        return bundled_data_dir()
    path = Path(chosen).expanduser()
    if not path.is_dir():
        origin = "--data" if data is not None else f"${DATA_ENV}"
        raise DataError(
            path,
            None,
            None,
            _("data folder given by {origin} does not exist").format(origin=origin),
        )
    return path.resolve()


class DataFolder(NamedTuple):
    """The YAML files of one data folder: documents plus the two registries.

    A registry the folder does not hold comes from the bundled data, so a folder of a user's
    own documents still knows the bundled actors and references. The documents' paths are
    kept as strings (`names`): a folder of 10,000 files is checked for changes on every
    command, and making 10,000 `Path` objects costs more than the check.
    """

    root: Path
    names: tuple[str, ...]
    actors: Path
    references: Path

    @property
    def documents(self) -> tuple[Path, ...]:
        """The document files, sorted."""
        return tuple(Path(n) for n in self.names)

    def files(self) -> tuple[Path, ...]:
        """Every file the folder's corpus is read from, registries last."""
        return (*self.documents, self.actors, self.references)

    def file_names(self) -> tuple[str, ...]:
        """`files`, as strings."""
        return (*self.names, str(self.actors), str(self.references))


def _registry(root: Path, name: str) -> Path:
    own = root / name
    return own if own.is_file() else bundled_data_dir() / name


def _walk(folder: str, out: list[str], seen: set[tuple[int, int]]) -> None:
    """The YAML files under `folder`, following links to folders but never round a loop.

    Raises:
        DataError: a folder that cannot be read, a link that loops back to a folder above it
            or leads nowhere; the same error for `validate` and for every query.
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        raise DataError(
            folder,
            None,
            None,
            _("cannot read this folder ({problem})").format(problem=os_problem(exc)),
        ) from None
    for entry in entries:
        try:
            is_dir = entry.is_dir()
            if is_dir:
                st = entry.stat()
                key = (st.st_dev, st.st_ino)
                if key in seen:
                    raise DataError(
                        entry.path,
                        None,
                        None,
                        _("a link that loops back to a folder already read; remove it"),
                    )
                _walk(entry.path, out, seen | {key})
            elif entry.name.endswith(YAML_SUFFIXES) and entry.name not in REGISTRY_FILES:
                if entry.is_file():
                    out.append(entry.path)
                elif entry.is_symlink() and not os.path.exists(entry.path):
                    raise DataError(
                        entry.path, None, None, _("a link to a file that does not exist; remove it")
                    )
        except OSError as exc:
            raise DataError(
                entry.path,
                None,
                None,
                _("cannot be read ({problem})").format(problem=os_problem(exc)),
            ) from None


def scan(root: Path | str | None = None, *, documents: bool = True) -> DataFolder:
    """The files of a data folder (None: $FUPIN_DATA or the bundled documents), sorted.

    Args:
        documents: whether the folder must hold documents (a folder given only for its
            registries, as to `ingest`, need not).

    Raises:
        DataError: the folder does not exist, cannot be read, holds a link loop, or (with
            `documents`) holds no document file.
    """
    folder = resolve_data_dir(root)
    found: list[str] = []
    st = folder.stat()
    _walk(str(folder), found, {(st.st_dev, st.st_ino)})
    if documents and not found:
        raise DataError(
            folder,
            None,
            None,
            _(
                "no document files here ({patterns}); give the folder that holds them, or make "
                "some with fupin ingest FILE --out FOLDER"
            ).format(patterns=", ".join("*" + suffix for suffix in YAML_SUFFIXES)),
        )
    return DataFolder(
        folder,
        tuple(sorted(found)),
        _registry(folder, ACTORS_FILE),
        _registry(folder, REFERENCES_FILE),
    )


def single_file(path: Path) -> DataFolder:
    """A folder of one document file, with the registries of the folder it lies in."""
    path = path.resolve()
    return DataFolder(
        path.parent,
        (str(path),),
        _registry(path.parent, ACTORS_FILE),
        _registry(path.parent, REFERENCES_FILE),
    )
