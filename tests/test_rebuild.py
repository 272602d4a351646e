"""The bundled documents are what the parser makes of data/sources/ plus the curated overlays."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fupin_cli.corpus import ActorRegistry
from fupin_cli.datafolder import ACTORS_FILE
from fupin_cli.ingest.overlay import (
    CURATED_ARTICLE_FIELDS,
    CURATED_TASK_FIELDS,
    Bundled,
    build_bundled,
)
from fupin_cli.ingest.parse import Draft, parse_text
from fupin_cli.loader import load_actors, load_document, read_yaml
from fupin_cli.models import Document

ROOT = Path(__file__).resolve().parent.parent  # the checkout, whatever is installed
POLICIES = ROOT / "data" / "policies"
OVERLAYS = sorted((ROOT / "data" / "overlays").glob("*.yaml"))


@pytest.fixture(scope="module")
def built() -> dict[str, Bundled]:
    return {b.path.name: b for b in build_bundled(ROOT)}


@pytest.fixture(scope="module")
def drafts() -> dict[str, list[Draft]]:
    """The parser's own output for every source, without any overlay."""
    registry = ActorRegistry(load_actors(POLICIES / ACTORS_FILE))
    out: dict[str, list[Draft]] = {}
    for path in sorted((ROOT / "data" / "sources").glob("*.txt")):
        out[path.name] = parse_text(
            path.read_text(encoding="utf-8"), source=path.name, registry=registry
        )
    return out


def test_every_overlay_builds_one_bundled_document(built: dict[str, Bundled]) -> None:
    bundled = {p.name for p in POLICIES.glob("*.yaml")} - {"actors.yaml", "references.yaml"}
    assert set(built) == bundled
    assert len(built) == len(OVERLAYS) == 6


@pytest.mark.parametrize("overlay", OVERLAYS, ids=lambda p: p.stem)
def test_rebuild_reproduces_the_bundled_yaml_exactly(
    built: dict[str, Bundled], overlay: Path
) -> None:
    doc_id = read_yaml(overlay)["set"]["id"]
    result = built[f"{doc_id}.yaml"]
    assert result.text == result.path.read_text(encoding="utf-8"), (
        f"{result.path.name} is stale: run `python tools/rebuild.py`"
    )


def _sections(doc: Document) -> Any:
    return [s.model_dump(mode="json") for s in doc.sections]


def _articles(doc: Document) -> list[tuple[Any, ...]]:
    return [
        (a.no, a.label, a.title, a.text, [(i.no, i.label, i.text) for i in a.items], a.section)
        for a in doc.articles
    ]


def _tasks(doc: Document) -> list[tuple[Any, ...]]:
    return [
        (t.no, t.path, t.label, t.text, t.section, t.lead, t.co, t.lead_line, t.co_line)
        for t in doc.tasks
    ]


@pytest.mark.parametrize("overlay", OVERLAYS, ids=lambda p: p.stem)
def test_text_and_task_tables_come_from_the_parser_unchanged(
    drafts: dict[str, list[Draft]], overlay: Path
) -> None:
    spec = read_yaml(overlay)
    bundled = load_document(POLICIES / f"{spec['set']['id']}.yaml")
    # the parser's draft alone, with only the id and title the overlay must supply to validate
    parsed = drafts[spec["source"]][int(spec.get("part", 0))].document
    assert _sections(bundled) == _sections(parsed)
    assert _articles(bundled) == _articles(parsed)
    assert _tasks(bundled) == _tasks(parsed)
    assert (bundled.preamble, bundled.closing) == (parsed.preamble, parsed.closing)


def test_overlays_never_override_text_or_structure() -> None:
    parsed_only = {"sections", "articles", "tasks", "preamble", "closing"}
    for overlay in OVERLAYS:
        spec = read_yaml(overlay)
        assert parsed_only.isdisjoint(spec.get("set") or {}), overlay.name
        for fields in (spec.get("articles") or {}).values():
            assert set(fields) <= set(CURATED_ARTICLE_FIELDS), overlay.name
        for fields in (spec.get("tasks") or {}).values():
            assert set(fields) <= set(CURATED_TASK_FIELDS), overlay.name


def test_bundled_task_tables_match_the_seed_counts(built: dict[str, Bundled]) -> None:
    division = built["yunnan-division.yaml"].document
    assert len(division.tasks) == 82
    assert all(t.lead for t in division.tasks)
    units = {u for t in division.tasks for u in (*t.lead, *t.co)}
    # the source's aliases and run-together units come out canonical
    assert {"省交通运输厅", "省林业厅", "省水利厅", "省发展改革委"} <= units
    assert not {"省交通厅", "省林业厅省水利厅", "省发展改革委员会"} & units
