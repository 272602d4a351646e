"""Where the data lives: the bundled folder, --data / $FUPIN_DATA, the registry file names.

Standard library only, so the index can find its data without importing YAML or pydantic.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import DataError

ACTORS_FILE = "actors.yaml"
REFERENCES_FILE = "references.yaml"
REGISTRY_FILES = (ACTORS_FILE, REFERENCES_FILE)
DATA_ENV = "FUPIN_DATA"


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


def resolve_data_dir(data: Path | str | None = None) -> Path:
    """--data DIR, else $FUPIN_DATA, else the bundled documents.

    Raises:
        DataError: the folder does not exist.
    """
    chosen = data if data is not None else os.environ.get(DATA_ENV) or None
    if chosen is None:
        return bundled_data_dir()
    path = Path(chosen).expanduser()
    if not path.is_dir():
        origin = "--data" if data is not None else f"${DATA_ENV}"
        raise DataError(path, None, None, f"data folder given by {origin} does not exist")
    return path
