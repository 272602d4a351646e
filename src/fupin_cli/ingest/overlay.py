"""The bundled documents: what the parser makes of `data/sources/` plus the curated overlays.

The text, structure and task tables of every bundled document come out of the ingest
pipeline; only curated fields (ids, metadata the text does not state, actors and relations per
article, links to superior rules, notes) come from `data/overlays/<id>.yaml`. This module only
computes; `tools/rebuild.py` writes the files (and `--check` tells whether one would change).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..corpus import ActorRegistry
from ..datafolder import ACTORS_FILE, bundled_data_dir
from ..loader import load_actors, read_yaml
from ..models import Document
from .emit import dump_document
from .pipeline import ingest_text

CURATED_ARTICLE_FIELDS = ("actors", "relations", "deadlines", "targets")
CURATED_TASK_FIELDS = ("deadlines", "targets")


@dataclass(frozen=True)
class Bundled:
    """One bundled document as the rebuild makes it: where it goes and its YAML text."""

    path: Path
    document: Document
    text: str
    warnings: tuple[str, ...]


def repo_root() -> Path:
    """The checkout to rebuild: the working directory or a parent holding data/overlays/.

    Overlays are not installed with the package; rebuilding is a job for a checkout.
    """
    for folder in (Path.cwd(), *Path.cwd().parents):
        if (folder / "data" / "overlays").is_dir():
            return folder
    return bundled_data_dir().parent.parent


def apply_overlay(draft: dict[str, Any], overlay: dict[str, Any]) -> dict[str, Any]:
    """Parsed fields plus curated ones; curated article fields are keyed by article number."""
    data = dict(draft)
    curated_set = dict(overlay.get("set") or {})
    # curated validity (status with sources) is added to what the text says, not instead
    validity = {**(data.get("validity") or {}), **(curated_set.pop("validity", None) or {})}
    data.update(curated_set)
    if validity:
        data["validity"] = validity
    for key, fields in (("articles", CURATED_ARTICLE_FIELDS), ("tasks", CURATED_TASK_FIELDS)):
        curated = {int(k): v for k, v in (overlay.get(key) or {}).items()}
        merged = []
        for part in data.get(key, []):
            extra = curated.get(part["no"], {})
            merged.append({**part, **{k: extra[k] for k in fields if k in extra}})
        data[key] = merged
    return data


def _merge(overlay: dict[str, Any]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda data: apply_overlay(data, overlay)


def build_bundled(root: Path | None = None) -> list[Bundled]:
    """Every bundled document: each source named by an overlay, parsed, overlay merged in."""
    root = root or repo_root()
    policies = root / "data" / "policies"
    registry = ActorRegistry(load_actors(policies / ACTORS_FILE))
    by_source: dict[str, dict[int, dict[str, Any]]] = {}
    for overlay_path in sorted((root / "data" / "overlays").glob("*.yaml")):
        overlay = read_yaml(overlay_path)
        by_source.setdefault(overlay["source"], {})[int(overlay.get("part", 0))] = overlay
    out = []
    for source, overlays in by_source.items():
        text = (root / "data" / "sources" / source).read_text(encoding="utf-8")
        # the curated region decides which regional names of the registry apply
        regions = {(o.get("set") or {}).get("region") for o in overlays.values()}
        found = ingest_text(
            text,
            source=source,
            registry=registry,
            overlays={part: _merge(o) for part, o in overlays.items()},
            region=regions.pop() if len(regions) == 1 else None,
        )
        for doc in found.documents:
            out.append(
                Bundled(policies / f"{doc.id}.yaml", doc, dump_document(doc), found.warnings)
            )
    return sorted(out, key=lambda b: b.path.name)
