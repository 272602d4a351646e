"""Unit lists of task tables (`fupin_cli.ingest.units.split_units`) against the bundled registry."""

from __future__ import annotations

import pytest

from fupin_cli.corpus import ActorRegistry
from fupin_cli.datafolder import ACTORS_FILE, bundled_data_dir
from fupin_cli.extract.units import split_units
from fupin_cli.loader import load_actors


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry(load_actors(bundled_data_dir() / ACTORS_FILE))


@pytest.mark.parametrize(
    ("line", "units"),
    [
        # separators: 、 ， , ; ；
        ("省农业厅、省林业厅、省水利厅。", ["省农业厅", "省林业厅", "省水利厅"]),
        ("省农业厅，省林业厅", ["省农业厅", "省林业厅"]),
        ("省农业厅,省林业厅", ["省农业厅", "省林业厅"]),
        ("省农业厅;省林业厅", ["省农业厅", "省林业厅"]),
        ("省农业厅；省林业厅；", ["省农业厅", "省林业厅"]),
        ("省农业厅、 省林业厅 、省水利厅", ["省农业厅", "省林业厅", "省水利厅"]),
        ("省扶贫办。", ["省扶贫办"]),
        # run together without a separator: split with the registry
        ("省林业厅省水利厅", ["省林业厅", "省水利厅"]),
        ("省农业厅、省林业厅省水利厅、省扶贫办", ["省农业厅", "省林业厅", "省水利厅", "省扶贫办"]),
        # aliases resolve to the canonical name
        ("省交通厅", ["省交通运输厅"]),
        ("省发展改革委员会、省财政厅", ["省发展改革委", "省财政厅"]),
        ("银监会云南监管局", ["中国银监会云南监管局"]),
        ("中国保监会云南保监局", ["中国保监会云南监管局"]),
        ("云南省林业厅", ["省林业厅"]),
        # traditional script resolves too (the normalizer folds it)
        ("省農業廳、省林業廳", ["省农业厅", "省林业厅"]),
        ("", []),
        ("。", []),
    ],
)
def test_split_units(registry: ActorRegistry, line: str, units: list[str]) -> None:
    parsed = split_units(line, registry)
    assert parsed.units == units
    assert parsed.unknown == []
    assert parsed.duplicates == []


@pytest.mark.parametrize(
    ("line", "units", "duplicates"),
    [
        ("省扶贫办、省财政厅、省扶贫办", ["省扶贫办", "省财政厅"], ["省扶贫办"]),
        # the same unit under two names is one unit
        ("省交通厅、省交通运输厅", ["省交通运输厅"], ["省交通运输厅"]),
        (
            "中国保监会云南保监局、中国保监会云南监管局",
            ["中国保监会云南监管局"],
            ["中国保监会云南监管局"],
        ),
        ("省林业厅省水利厅、省水利厅", ["省林业厅", "省水利厅"], ["省水利厅"]),
    ],
)
def test_a_repeated_unit_is_kept_once_and_reported(
    registry: ActorRegistry, line: str, units: list[str], duplicates: list[str]
) -> None:
    parsed = split_units(line, registry)
    assert parsed.units == units
    assert parsed.duplicates == duplicates


@pytest.mark.parametrize(
    ("line", "units", "unknown"),
    [
        ("省扶贫办、某某县水务局", ["省扶贫办", "某某县水务局"], ["某某县水务局"]),
        # a run-together piece that the registry cannot cover exactly stays one unknown unit
        ("省林业厅某某局", ["省林业厅某某局"], ["省林业厅某某局"]),
        ("某某局；某某局", ["某某局"], ["某某局"]),
    ],
)
def test_units_not_in_the_registry_are_kept_and_reported(
    registry: ActorRegistry, line: str, units: list[str], unknown: list[str]
) -> None:
    parsed = split_units(line, registry)
    assert parsed.units == units
    assert parsed.unknown == unknown


def test_without_a_registry_units_are_split_on_separators_only() -> None:
    parsed = split_units("省交通厅、省林业厅省水利厅。", None)
    assert parsed.units == ["省交通厅", "省林业厅省水利厅"]
    assert parsed.unknown == []
