"""A task's fields from the assignments found for it, whatever form they were printed in.

The roles are the document's own (see `extract.assignments`). Where the document states a
convention (排在第一位的为牵头单位) and a task names no lead, the convention decides it, and the
task records the sentence in `lead_from`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..corpus import ActorRegistry
from ..extract.assignments import Assignment, Role
from ..extract.units import UnitList, split_units
from ..i18n import _
from ..normalize import char_keys


@dataclass(frozen=True)
class Convention:
    """A sentence that says who leads, and what it decides."""

    sentence: str
    by_comma: bool  # 第一个逗号前为牵头单位: the first comma group leads, not the first unit
    rest: Role | None  # 其他为配合单位: the role of the others, when it says

    @classmethod
    def read(cls, sentence: str, context: str = "") -> Convention:
        keys = char_keys(sentence + context)
        rest: Role | None = None
        m = re.search(
            r"(?:其他|其它|其余|其后|其他的)[^,;。]{0,6}?(?:为|是)(配合|协同|参与|责任)", keys
        )
        if m:
            rest = "responsible" if m.group(1) == "责任" else "co"
        return cls(sentence, bool(re.search(r"逗号|顿号|分号", keys)), rest)


@dataclass
class TaskSource:
    """What the parser found for one task before its units are resolved."""

    text: str
    label: str
    path: str
    section: list[str]
    assignments: list[tuple[Assignment, str]]  # (list, the line as written to store)
    written: str | None = None  # an inline bracket as written
    deadline: str | None = None
    convention: Convention | None = None
    extra: list[str] = field(default_factory=list)


def _store_line(assignment: Assignment, line: str) -> tuple[str, str | None]:
    """(the line to store, the word to store when the line does not begin with it)."""
    word = None if char_keys(line).startswith(char_keys(assignment.word)) else assignment.word
    return line, word


def task_fields(
    src: TaskSource,
    registry: ActorRegistry | None,
    convention: Convention | None,
    warnings: list[str],
) -> dict[str, Any]:
    """The task as model fields: units by role, lines and words as written, flags."""
    units: dict[Role, list[str]] = {"lead": [], "responsible": [], "co": []}
    lines: dict[Role, list[str]] = {"lead": [], "responsible": [], "co": []}
    words: dict[Role, str | None] = {"lead": None, "responsible": None, "co": None}
    groups: dict[Role, list[int]] = {"lead": [], "responsible": [], "co": []}
    generic: list[str] = []
    unknown: list[str] = []
    for assignment, line in src.assignments:
        parsed: UnitList = split_units(assignment.units, registry)
        where = src.path or src.text[:20]
        for dup in parsed.duplicates:
            warnings.append(
                _("{where}: unit listed twice in one list, kept once: {unit}").format(
                    where=where, unit=dup
                )
            )
        role = assignment.role
        for unit, group in zip(parsed.units, parsed.groups, strict=True):
            if any(unit in units[r] for r in ("lead", "responsible", "co")):
                warnings.append(
                    _("{where}: {unit} named in two roles, kept in the first").format(
                        where=where, unit=unit
                    )
                )
                continue
            units[role].append(unit)
            groups[role].append(group)
        generic += [g for g in parsed.generic if g not in generic]
        unknown += [u for u in parsed.unknown if u not in unknown]
        stored, word = _store_line(assignment, line)
        lines[role].append(stored)
        words[role] = words[role] or word
    lead_from = None
    rule = src.convention or convention
    if rule is not None and not units["lead"]:
        source: Role = "responsible" if units["responsible"] else "co"
        pool = units[source]
        if pool:
            first = groups[source][0]
            take = sum(1 for g in groups[source] if g == first) if rule.by_comma else 1
            units["lead"], units[source] = pool[:take], pool[take:]
            if rule.rest is not None and rule.rest != source and units[source]:
                units[rule.rest] += units[source]
                units[source] = []
            lead_from = rule.sentence
    data: dict[str, Any] = {
        "label": src.label,
        "path": src.path,
        "text": src.text,
        "section": list(src.section),
        "lead": units["lead"],
        "co": units["co"],
        "lead_line": "\n".join(lines["lead"]) or None,
        "co_line": "\n".join(lines["co"]) or None,
    }
    optional: dict[str, Any] = {
        "responsible": units["responsible"],
        "responsible_line": "\n".join(lines["responsible"]) or None,
        "lead_word": words["lead"],
        "co_word": words["co"],
        "responsible_word": words["responsible"],
        "lead_from": lead_from,
        "generic": generic,
        "unknown": unknown,
        "assignment": src.written,
        "deadline": src.deadline,
    }
    data.update({k: v for k, v in optional.items() if v})
    if src.extra:
        data["text"] = "\n".join([src.text, *src.extra]) if src.text else "\n".join(src.extra)
    return data
