"""Propose the duty relations an article states between actors, from patterns around verbs.

The proposals are a reviewer's starting point, not data: what ships is the reviewed set in
`data/overlays/<doc>.yaml` (``articles: N: relations:``); `tools/propose_relations.py` prints
them for review. The extractor reads the article as
written (either script): every pattern is matched on a per-character simplified form of the text
(`char_keys`), so a match's position is also its position in the text as written and the phrase
it proposes is a verbatim slice of the article.

How a proposal is built, clause by clause (a clause ends at ，,;；。:：):

- the acting actor is the one introduced by 由 in the clause, else the actor(s) the clause starts
  with, else the subject of the previous clause (the text goes on about the same actor);
- the other actor is the registry actor right after 向 / 对 / 报 (报送) in the clause;
- a pattern table maps verbs to relation kinds (签署 / 签订 责任书 -> signs_pledge_to, 报告 ->
  reports_to, 考核 -> assesses, ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..corpus import ActorRegistry
from ..levels import Level
from ..models import ActorKind, Article, Relation, RelationKind
from ..normalize import char_keys
from .actors import Span, actor_spans

# degree words of `bears`, in the order they are looked for
DEGREES = ("负总责", "主体责任", "第一责任人", "首要责任")

_CLAUSE_END = "，,;；。:： "  # char_keys turns newlines into spaces
_ITEM_LABEL = re.compile(r"\d+\.|\(\d+\)|[一二三四五六七八九十]+、")
_LIST_JOINERS = ("以及", "、", "和", "及", "或")


@dataclass(frozen=True)
class Pattern:
    """One verb pattern: the relation kind it signals and how to find its other actor."""

    relation: RelationKind
    regex: str
    target: str | None = None  # "to" for 向X, "obj" for 对X, "report" for 报X / 向X
    skip_before: tuple[str, ...] = ()  # the match is passive or a noun when preceded by these


PATTERNS: tuple[Pattern, ...] = (
    Pattern("bears", "|".join(DEGREES)),
    Pattern("signs_pledge_to", r"签[署订][^,;。:]{0,12}责任书", "to"),
    Pattern("reports_to", r"报告|报送", "report"),
    Pattern("reports_to", r"(?<=[,;。])报(?=[^告送])", "report"),
    Pattern("assesses", r"考核", "obj"),
    Pattern("assesses", r"(?<=贫困县)考核", "level"),
    Pattern("inspects", r"督查|巡查", "obj"),
    Pattern("supervises", r"监督执纪问责"),
    Pattern("audits", r"审计(?![署厅局])", "obj"),
    Pattern("prosecutes", r"职务犯罪"),
    Pattern("evaluates", r"(?:开展|进行)[^,;。]{0,15}?评估", "obj"),
    Pattern("guides", r"指导(?=乡|镇|村)|制定(?=乡)", "level"),
    Pattern("commends", r"表彰"),
    Pattern(
        "holds_accountable",
        r"追究[^,;。]{0,8}责任|责任追究|(?<!执纪)问责|约谈|惩处",
        "obj",
        skip_before=("应当进行", "责任追究方式", "需要"),
    ),
    Pattern("interprets", r"负责解释|解释工作"),
)


@cache
def _compiled() -> list[tuple[Pattern, re.Pattern[str]]]:
    """Compiled on first use, never at import (the CLI's start-up stays fast)."""
    return [(p, re.compile(p.regex)) for p in PATTERNS]


# Words that name a level's governments without naming an actor (指导乡、村; 贫困县考核机制):
# they stand for the registry's generic (region-less) party-and-government actor of the level.
LEVEL_WORDS: tuple[tuple[str, Level], ...] = (("贫困县", Level.county), ("乡", Level.township))


def generic_actor(registry: ActorRegistry, level: Level) -> str | None:
    """The one region-less party-and-government class of `level` (县级党委和政府), if any."""
    found = [
        a.name
        for a in registry.actors
        if a.level == level and a.region is None and a.kind == ActorKind.party_and_government
    ]
    return found[0] if len(found) == 1 else None


def clauses(keys: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each clause of `keys`, punctuation excluded."""
    start = 0
    for i, ch in enumerate(keys):
        if ch in _CLAUSE_END:
            if i > start:
                yield start, i
            start = i + 1
    if start < len(keys):
        yield start, len(keys)


def leading_actors(keys: str, spans: list[Span], pos: int, end: int) -> list[Span]:
    """The actor list starting exactly at `pos` (X、Y以及Z), or [] when no actor starts there."""
    out: list[Span] = []
    by_start = {s.start: s for s in spans}
    while pos < end and pos in by_start:
        span = by_start[pos]
        out.append(span)
        pos = span.end
        joiner = next((j for j in _LIST_JOINERS if keys.startswith(j, pos)), None)
        if joiner is None:
            break
        pos += len(joiner)
    return out


def _after(
    keys: str, spans: list[Span], words: tuple[str, ...], lo: int, hi: int, gap: int = 2
) -> list[Span]:
    """The actor list that follows the last of `words` in keys[lo:hi] (within `gap` chars)."""
    best = max((keys.rfind(w, lo, hi) for w in words), default=-1)
    if best == -1:
        return []
    word = next(w for w in words if keys.startswith(w, best))
    for skip in range(gap + 1):
        found = leading_actors(keys, spans, best + len(word) + skip, hi)
        if found:
            return found
    return []


def propose_relations(text: str, registry: ActorRegistry) -> list[Relation]:
    """Relations `text` (an article's full text as written) appears to state; see module doc.

    Args:
        text: The article as written, either script.
        registry: The actor registry whose names are looked for.

    Returns:
        Proposals in text order, one per (from, relation, to); phrases are slices of `text`.
    """
    keys = char_keys(text)
    spans = actor_spans(keys, registry)
    subject: list[Span] = []
    out: dict[tuple[str, str, str | None], Relation] = {}
    for lo, hi in clauses(keys):
        label = _ITEM_LABEL.match(keys, lo)
        lo = label.end() if label else lo
        starts = leading_actors(keys, spans, lo, hi)
        if not starts and keys.startswith("各", lo):
            starts = leading_actors(keys, spans, lo + 1, hi)
        if starts:
            subject = starts
        agents = _after(keys, spans, ("由",), lo, hi, gap=0) or subject
        for pattern, regex in _compiled():
            for m in regex.finditer(keys, lo, hi):
                if any(s.start <= m.start() < s.end for s in spans):
                    continue  # inside an actor's name (审计署, 省审计厅)
                before = keys[max(lo, m.start() - 6) : m.start()]
                if any(before.endswith(w) for w in pattern.skip_before):
                    continue
                targets = _targets(keys, spans, pattern, lo, m.start(), m.end(), hi)
                if pattern.target == "level":
                    targets = _level_targets(keys, registry, m.start(), m.end())
                degree = keys[m.start() : m.end()] if pattern.relation == "bears" else None
                first = min([lo, *(a.start for a in agents if a.start >= lo)])
                last = max([m.end(), *(t.end for t in targets)])
                phrase = text[first:last]
                ends: list[Span | None] = list(targets) or [None]
                for agent in agents:
                    for target in ends:
                        if target is not None and target.actor == agent.actor:
                            continue
                        to = target.actor if target else None
                        key = (
                            agent.actor,
                            pattern.relation,
                            to if pattern.relation != "bears" else degree,
                        )
                        out.setdefault(
                            key,
                            Relation.model_validate(
                                {
                                    "from": agent.actor,
                                    "relation": pattern.relation,
                                    "to": to,
                                    "degree": degree,
                                    "phrase": phrase,
                                }
                            ),
                        )
    return _drop_untargeted_duplicates(list(out.values()))


def _targets(
    keys: str, spans: list[Span], pattern: Pattern, lo: int, start: int, end: int, hi: int
) -> list[Span]:
    if pattern.target == "to":
        return _after(keys, spans, ("向",), lo, start, gap=2)
    if pattern.target == "obj":
        return _after(keys, spans, ("对",), lo, start, gap=0)
    if pattern.target == "report":
        return _after(keys, spans, ("向",), lo, start, gap=0) or leading_actors(
            keys, spans, end, hi
        )
    return []


def _level_targets(keys: str, registry: ActorRegistry, start: int, end: int) -> list[Span]:
    """The generic actor of a level word right before or right after a match."""
    for word, level in LEVEL_WORDS:
        at = (
            start - len(word)
            if keys.startswith(word, start - len(word))
            else end
            if keys.startswith(word, end)
            else None
        )
        name = generic_actor(registry, level) if at is not None else None
        if at is not None and name is not None:
            return [Span(at, at + len(word), name)]
    return []


def _drop_untargeted_duplicates(relations: list[Relation]) -> list[Relation]:
    """A relation without `to` adds nothing when the same actor has it towards someone."""
    targeted = {(r.from_, r.relation) for r in relations if r.to is not None}
    return [
        r
        for r in relations
        if r.to is not None or r.relation == "bears" or (r.from_, r.relation) not in targeted
    ]


def propose_for_article(article: Article, registry: ActorRegistry) -> list[Relation]:
    """Proposals for one article: its text, then each numbered item on its own.

    An item does not inherit the subject of the article's lead-in: in a list of triggering
    situations (有下列情形之一的) the lead-in's actor is the one held accountable, not the one
    acting in the item.
    """
    head = f"{article.title}{article.text}" if article.title else article.text
    found: dict[tuple[str, str, str | None, str | None], Relation] = {}
    for part in (head, *(item.text for item in article.items)):
        for rel in propose_relations(part, registry):
            found.setdefault((rel.from_, rel.relation, rel.to, rel.degree), rel)
    return list(found.values())


def relation_key(doc: str, no: int, rel: Relation) -> tuple[str, int, str, str, str | None]:
    """What a proposal must get right to count as found: where, who, what, towards whom."""
    return (doc, no, rel.from_, rel.relation, rel.to)
