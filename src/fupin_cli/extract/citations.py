"""Rules a document cites: 《title》, a doc number (国发〔2016〕1号), or a title with its number.

Read from the text once, when the index is built (`find_citations`), and resolved there
against the titles and numbers of every held document and registry reference
(`TitleResolver`), exactly after folding, never fuzzily: a 分工方案 of one decision is never
taken for the 分工方案 of another. The rule graph reads the stored result, not the texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..normalize import fold

if TYPE_CHECKING:
    from ..models import Document

_TITLE = re.compile(r"《([^《》]+)》")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}\s*[〔\[［【]\s*\d{4}\s*[〕\]］】]\s*\d+\s*[号號]")
_BRACKET = re.compile(r"[〔\[［【]")
_NOTICE_OF = re.compile(r"印发〈(.+)〉的通知$")


@dataclass(frozen=True)
class Found:
    """A citation as written: `cited` is the title (without 《》) or the number; `number` a doc
    number written right after the title (or the cited number itself); `by_title` says which
    of the two decides."""

    article: int | None
    label: str | None
    cited: str
    number: str | None
    phrase: str
    by_title: bool


def _places(doc: Document) -> Iterator[tuple[int | None, str | None, str]]:
    """Where a document may cite: its title, preamble and articles (not a covering notice)."""
    yield None, None, doc.title
    if doc.preamble:
        yield None, None, doc.preamble
    for art in doc.articles:
        yield art.no, art.label, art.full_text


def find_citations(doc: Document) -> list[Found]:
    """Every 《title》 and doc number in the document's title, preamble and articles.

    A doc number in brackets right after a title belongs to that title.
    """
    out: list[Found] = []
    for no, label, text in _places(doc):
        taken: list[tuple[int, int]] = []
        if "《" not in text and not _BRACKET.search(text):
            continue  # the regular expressions are slow to find nothing on long texts
        for m in _TITLE.finditer(text):
            bracketed = text[m.end() : m.end() + 1] in ("(", "（")
            number_match = _DOC_NUMBER.match(text, m.end() + 1) if bracketed else None
            number = number_match.group(0) if number_match else None
            end = m.end()
            if number_match:
                closing = text[number_match.end() : number_match.end() + 1]
                end = number_match.end() + (1 if closing in (")", "）") else 0)
            taken.append((m.start(), end))
            out.append(Found(no, label, m.group(1), number, text[m.start() : end], True))
        for m in _DOC_NUMBER.finditer(text):
            if not any(a <= m.start() < b for a, b in taken):
                out.append(Found(no, label, m.group(0), m.group(0), m.group(0), False))
    return out


class TitleResolver:
    """Exact lookup of folded titles, aliases and doc numbers (first one given wins)."""

    def __init__(self) -> None:
        self.titles: dict[str, str] = {}
        self.numbers: dict[str, str] = {}

    def add(self, rule_id: str, titles: Iterable[str], number: str | None) -> None:
        for title in titles:
            self.titles.setdefault(fold(title), rule_id)
        if number:
            self.numbers.setdefault(fold(number), rule_id)

    def title(self, title: str) -> str | None:
        key = fold(title)
        found = self.titles.get(key)
        if found is None:
            printed = _NOTICE_OF.search(key)  # 关于印发〈X〉的通知 prints X
            if printed:
                found = self.titles.get(printed.group(1))
        return found

    def number(self, number: str) -> str | None:
        """The rule whose number ends the match (the regex may take words before it); the
        longest such number."""
        key = fold(number)
        for start in range(len(key)):
            found = self.numbers.get(key[start:])
            if found is not None:
                return found
        return None

    def resolve(self, found: Found) -> str | None:
        if not found.by_title:
            return self.number(found.cited)
        target = self.title(found.cited)
        if target is None and found.number:
            target = self.number(found.number)
        return target
