"""Split a 牵头单位 / 协同单位 list into canonical unit names.

Units are separated by 、，, ; or ；, but a source may run two together without a separator
(省林业厅省水利厅); those are split with the actor registry. Aliases resolve to canonical names,
a unit repeated in one list is kept once, and names the registry does not know are reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..corpus import ActorRegistry
from ..normalize import normalize

_SEPARATORS = re.compile(r"[、，,;；]+")
_TRAILING = "。.;；,， "


@dataclass
class UnitList:
    units: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)


def _split_run_together(piece: str, registry: ActorRegistry) -> list[str] | None:
    """Cover `piece` exactly with known names (longest first); None when it cannot be done."""
    key = normalize(piece)
    names = sorted({normalize(n): n for n in registry.names()}.items(), key=lambda kv: -len(kv[0]))

    def cover(pos: int) -> list[str] | None:
        if pos == len(key):
            return []
        for norm, name in names:
            if norm and key.startswith(norm, pos):
                rest = cover(pos + len(norm))
                if rest is not None:
                    return [name, *rest]
        return None

    found = cover(0)
    return found if found and len(found) > 1 else None


def split_units(text: str, registry: ActorRegistry | None) -> UnitList:
    """Parse one unit line's list (after the 牵头单位: word)."""
    out = UnitList()
    pieces = [p.strip(_TRAILING) for p in _SEPARATORS.split(text.strip().rstrip(_TRAILING))]
    for piece in (p for p in pieces if p):
        names = [piece]
        canon = registry.canonical(piece) if registry else piece
        if registry is not None and canon is None:
            split = _split_run_together(piece, registry)
            if split:
                names = split
        for name in names:
            known = registry.canonical(name) if registry else name
            resolved = known or name
            if resolved in out.units:  # a repeat is reported once, as a repeat
                out.duplicates.append(name)
                continue
            if known is None:
                out.unknown.append(name)
            out.units.append(resolved)
    return out
