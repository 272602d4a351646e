"""Split a list of units (牵头单位 / 责任单位 / 配合单位) into the names it holds.

Units are separated by 、，, ; ； or spaces, never inside brackets (市委组织部（人才办）,
各县（市、区）人民政府). A source may run two together without a separator (省林业厅省水利厅);
those are split with the actor registry. Aliases resolve to canonical names; a unit the
registry does not know is kept exactly as written and reported; a generic holder (各有关单位,
各区、县级市, …等相关单位) is kept as written and marked generic, never resolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..corpus import ActorRegistry
from ..normalize import normalize

_SEPARATORS = "、，,;；"
_OPEN = "（(〔[【《“‘"
_CLOSE = "）)〕]】》”’"
_TRAILING = "。.;；,，:： \t\u3000"

_GENERIC = re.compile(
    r"^(?:各|全体|有关|相关|其他|其它|其余|所属|成员)"
    r"|(?:有关|相关|其他|其它|其余|所属|成员|各)(?:单位|部门|机构|方面|企业|组织|地区|区县|县区)$"
    r"|^等|等(?:相关|有关|其他|其它)?(?:单位|部门|机构)$"
    r"|(?:各级|各地|各类)"
)
# …等相关单位 after the last name: the class of others, kept as its own generic holder
_AND_OTHERS = re.compile(r"^(.+?)(等(?:相关|有关|其他|其它)?(?:单位|部门|机构))$")
# a bare kind of place that continues a 各 list: 各区、县级市 / 各县、市、区人民政府
_PLACE_KIND = re.compile(
    r"^(?:县级市|自治县|县|市|区|旗|州|盟|乡镇|乡|镇|街道|开发区|园区)"
    r"(?:[(（][^()（）]*[)）])?(?:人民政府|政府|党委|党委和政府|党委、政府|管委会)?$"
)


def is_generic(name: str) -> bool:
    """A class of holders rather than one unit: 各有关单位, 市直有关部门, 等相关单位."""
    return bool(_GENERIC.search(normalize(name)))


@dataclass
class UnitList:
    """The names of one list: resolved where the registry knows them, else as written."""

    units: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    generic: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    groups: list[int] = field(default_factory=list)  # for each unit: its comma group, from 0


def split_pieces(text: str) -> list[tuple[str, int]]:
    """The pieces of a list and the comma group each is in (for 第一个逗号前为牵头单位).

    Separators inside brackets do not split; a bare kind of place after a 各 piece joins it.
    """
    pieces: list[tuple[str, int]] = []
    depth = 0
    group = 0
    current = ""
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        if depth == 0 and (ch in _SEPARATORS or ch.isspace()):
            pieces.append((current, group))
            current = ""
            if ch in "，,":
                group += 1
            continue
        current += ch
    pieces.append((current, group))
    out: list[tuple[str, int]] = []
    for raw, grp in pieces:
        piece = raw.strip(_TRAILING)
        if not piece:
            continue
        if out and out[-1][0].startswith("各") and _PLACE_KIND.match(piece):
            out[-1] = (f"{out[-1][0]}、{piece}", out[-1][1])
            continue
        m = _AND_OTHERS.match(piece)
        if m:
            out += [(m.group(1), grp), (m.group(2), grp)]
            continue
        out.append((piece, grp))
    return out


def _split_run_together(piece: str, registry: ActorRegistry) -> list[str] | None:
    """Cover `piece` exactly with known names (longest first); None when it cannot be done."""
    key = normalize(piece)
    names = [(norm, canon) for norm, canon in registry.folded_names if norm in key]

    def cover(pos: int) -> list[str] | None:
        if pos == len(key):
            return []
        for norm, canon in names:
            if key.startswith(norm, pos):
                rest = cover(pos + len(norm))
                if rest is not None:
                    return [canon, *rest]
        return None

    found = cover(0)
    return found if found and len(found) > 1 else None


_JOINED = re.compile(r"[和及与]")
_UNIT_END = re.compile(r"(?:委|局|厅|办|部|府|院|会|队|室|中心|所|行|司|社|处|站|馆|团|联|公司)$")


def _split_joined(piece: str) -> list[str] | None:
    """市财政局和市审计局 -> both, when every part is a unit's name (市人力资源和社会保障局 is
    one name: 市人力资源 is not)."""
    parts = _JOINED.split(piece)
    if len(parts) < 2 or not all(len(p) >= 3 and _UNIT_END.search(p) for p in parts):
        return None
    return parts


def split_units(text: str, registry: ActorRegistry | None) -> UnitList:
    """Parse one list of units (the part after 牵头单位:)."""
    out = UnitList()
    for piece, group in split_pieces(text.strip()):
        if is_generic(piece):
            names, generic = [piece], True
        else:
            generic = False
            names = [piece]
            if registry is None or registry.canonical(piece) is None:
                split = _split_run_together(piece, registry) if registry is not None else None
                names = split or _split_joined(piece) or names
        for name in names:
            known = None if generic or registry is None else registry.canonical(name)
            resolved = known or name
            if resolved in out.units:  # a repeat is reported once, as a repeat
                out.duplicates.append(name)
                continue
            if generic:
                out.generic.append(name)
            elif known is None and registry is not None:
                out.unknown.append(name)
            out.units.append(resolved)
            out.groups.append(group)
    return out
