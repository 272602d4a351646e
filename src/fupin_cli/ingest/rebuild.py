"""Rebuild the bundled documents from `data/sources/` plus the curated overlays.

The text, structure and task tables of every bundled document come out of the parser; only
curated fields (ids, metadata the text does not state, actors and relations per article, links
to superior rules, notes) come from `data/overlays/<id>.yaml`. Run from a checkout::

    python -m fupin_cli.ingest.rebuild          # rewrite data/policies/*.yaml
    python -m fupin_cli.ingest.rebuild --check  # exit 1 if a file would change
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..corpus import ActorRegistry
from ..loader import ACTORS_FILE, bundled_data_dir, load_actors, read_yaml
from ..models import Document
from .emit import dump_document
from .parse import Draft, parse_text

CURATED_ARTICLE_FIELDS = ("actors", "relations")


@dataclass(frozen=True)
class Built:
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
    data.update(overlay.get("set") or {})
    curated = {int(k): v for k, v in (overlay.get("articles") or {}).items()}
    articles = []
    for art in data.get("articles", []):
        extra = curated.get(art["no"], {})
        articles.append({**art, **{k: extra[k] for k in CURATED_ARTICLE_FIELDS if k in extra}})
    data["articles"] = articles
    return data


def build_all(root: Path | None = None) -> list[Built]:
    """Parse every source named by an overlay and merge the overlay in."""
    root = root or repo_root()
    policies = root / "data" / "policies"
    registry = ActorRegistry(load_actors(policies / ACTORS_FILE))
    parsed: dict[str, list[Draft]] = {}
    out = []
    for overlay_path in sorted((root / "data" / "overlays").glob("*.yaml")):
        overlay = read_yaml(overlay_path)
        source = overlay["source"]
        if source not in parsed:
            text = (root / "data" / "sources" / source).read_text(encoding="utf-8")
            parsed[source] = parse_text(text, source=source, registry=registry)
        draft = parsed[source][int(overlay.get("part", 0))]
        doc = Document.model_validate(apply_overlay(draft.data, overlay))
        out.append(
            Built(policies / f"{doc.id}.yaml", doc, dump_document(doc), tuple(draft.warnings))
        )
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    check = "--check" in args
    changed = 0
    for built in build_all():
        old = built.path.read_text(encoding="utf-8") if built.path.exists() else None
        if old != built.text:
            changed += 1
            if check:
                print(f"{built.path}: would change", file=sys.stderr)
            else:
                built.path.write_text(built.text, encoding="utf-8")
                print(f"wrote {built.path}", file=sys.stderr)
        for warning in built.warnings:
            print(f"  {built.document.id}: {warning}", file=sys.stderr)
    return 1 if check and changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
