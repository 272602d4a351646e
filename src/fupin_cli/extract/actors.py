"""Finding the registry's actors in text: every name, the name a text starts with, a list.

One matcher serves the whole package: names are looked for longest first and never overlap,
so 省扶贫开发领导小组办公室 is not also read as 省扶贫开发领导小组.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..corpus import ActorRegistry
from ..normalize import char_keys, normalize

_NAME_SEPARATORS = ("、", "和", "或", "及")


@dataclass(frozen=True)
class Span:
    """An actor named at keys[start:end], by its canonical name."""

    start: int
    end: int
    actor: str


def actor_spans(
    keys: str, registry: ActorRegistry, blocked: list[bool] | None = None
) -> list[Span]:
    """Registry actors named in `keys` (a folded text): longest names first, no overlaps.

    Args:
        keys: the text in a folded form (`char_keys` or `normalize`), matched as it is.
        registry: whose names are looked for.
        blocked: positions no name may cover (True), e.g. the inside of a cited 《title》.

    Returns:
        The spans in text order.
    """
    taken = list(blocked) if blocked is not None else [False] * len(keys)
    spans: list[Span] = []
    for name in registry.names():
        needle = normalize(name)
        if not needle:
            continue
        start = keys.find(needle)
        while start != -1:
            end = start + len(needle)
            if not any(taken[start:end]):
                canon = registry.canonical(name)
                if canon is not None:
                    taken[start:end] = [True] * len(needle)
                    spans.append(Span(start, end, canon))
            start = keys.find(needle, start + 1)
    return sorted(spans, key=lambda s: s.start)


def inside_titles(keys: str) -> list[bool]:
    """True for every position inside a cited 《title》 (the marks included)."""
    inside = [False] * len(keys)
    depth = 0
    for i, ch in enumerate(keys):
        depth += ch == "《"
        inside[i] = depth > 0
        depth -= ch == "》" and depth > 0
    return inside


def propose_actors(text: str, registry: ActorRegistry) -> list[str]:
    """Registry actors named in `text`, each once, in text order.

    Names inside a cited title (《中共中央、国务院关于…》) are the issuers of another rule,
    not actors this text gives a duty to, so they are skipped.
    """
    key = normalize(text)
    out: list[str] = []
    for span in actor_spans(key, registry, inside_titles(key)):
        if span.actor not in out:
            out.append(span.actor)
    return out


def leading_actor(text: str, registry: ActorRegistry) -> tuple[str, str] | None:
    """(the name as written, canonical name) of the registry actor `text` starts with."""
    keys = char_keys(text)
    for name in registry.names():
        key = normalize(name)
        if key and keys.startswith(key):
            canon = registry.canonical(name)
            if canon:
                return text[: len(key)], canon
    return None


def split_names(text: str, registry: ActorRegistry) -> list[str]:
    """Split a list of units (X、Y或Z) keeping registry names whole (镇党委、政府).

    A part that is not a registry name runs to the end of the list, so a description such as
    驻威市直管单位的上级业务主管部门或单位 stays one unit.
    """
    out: list[str] = []
    rest = text
    while rest:
        found = leading_actor(rest, registry)
        if found is None or not (
            len(found[0]) == len(rest) or rest[len(found[0])] in "".join(_NAME_SEPARATORS)
        ):
            out.append(rest)
            break
        out.append(found[0])
        rest = rest[len(found[0]) :]
        rest = rest[1:] if rest[:1] in _NAME_SEPARATORS else rest
    return [x for x in out if x]
