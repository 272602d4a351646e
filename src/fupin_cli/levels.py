"""Administrative levels, in a module of their own so that commands can offer them as choices
without importing the pydantic models (start-up time)."""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    """Administrative level of a document or an actor."""

    central = "central"
    province = "province"
    prefecture = "prefecture"
    county = "county"
    township = "township"
    village = "village"
    any = "any"  # a class of actors found at every level (各级党委和政府)
    unknown = "unknown"  # a document that names no issuer, place or central body


LEVEL_ORDER: dict[Level, int] = {
    Level.central: 0,
    Level.province: 1,
    Level.prefecture: 2,
    Level.county: 3,
    Level.township: 4,
    Level.village: 5,
    Level.any: 6,
    Level.unknown: 7,
}
