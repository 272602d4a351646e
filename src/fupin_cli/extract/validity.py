"""When a rule is in force, as its own text says: taking effect, a stated period, 暂行, repeals.

- taking effect: 本办法自2016年10月11日起施行, 自印发之日起施行 (the issue date), 自公布之日起
  施行, 起实施 / 执行 / 生效; the rule's own provision (本X自…) wins over a date the text cites;
- a stated period: 有效期至2025年12月31日, 有效期5年 / 有效期为三年 (from taking effect),
  试行期两年;
- provisional: 暂行 or 试行 in the title;
- repeals and replacements: 原《X》同时废止, 《X》（文号）同时废止, 《A》和《B》同时废止, 本办法代替
  《X》, 原X同时废止 (without brackets). The cited title is kept as written and resolved later
  exactly like any other citation (`extract.citations`).

Pure functions over text; matching on `char_keys`, so every phrase is a slice of the text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache
from typing import Literal, NamedTuple

from ..normalize import char_keys
from ..numerals import parse_quantity
from .dates import find_dates

RepealRelation = Literal["repeals", "replaces"]
Relative = Literal["issued", "published"]
_REPLACE = ("代替", "取代", "替代")
#: Between 本办法 and its 有效期: nothing, or its provision on taking effect (本办法自…起施行，).
_THEN = r"(?:自[^。;]{0,20}?起(?:施行|实施|执行|试行)[,，]?)?的?"
#: What a rule calls itself (本办法, 本实施细则, 本条例 …).
_RULE = "办法|规定|条例|细则|意见|方案|通知|决定|规则|准则|制度|措施|解释|法|规范|纲要|要点"


class Effective(NamedTuple):
    """A provision on taking effect: its date, or the event it counts from, and its span."""

    date: dt.date | None
    relative: Relative | None
    begin: int
    stop: int
    own: bool  # the rule's own provision (本办法自…), not a date it cites


class Period(NamedTuple):
    """A stated period: an end date, or a length in years from taking effect."""

    until: dt.date | None
    years: float | None
    begin: int
    stop: int


class Repeal(NamedTuple):
    """A rule the text repeals or replaces: the title (or number) as written, and the span of
    the sentence that says so."""

    cited: str
    number: str | None
    relation: RepealRelation
    begin: int
    stop: int


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        # 本办法自…起施行: the rule's own provision (not a date it cites)
        "own": re.compile(
            r"本[^。,;:]{0,12}?自(?P<when>[^。,;]{0,20}?)起(?:施行|实施|执行|生效|试行)"
        ),
        # without a provision of its own, a sentence that only says 自…起施行
        "any": re.compile(r"自(?P<when>[^。,;]{0,20}?)起施行"),
        # the rule's own period (本办法有效期…), not a licence's (许可证有效期为5年)
        "until": re.compile(
            rf"本(?:{_RULE}){_THEN}(?:有效期|试行期|执行期|实施期)(?:限)?(?:为|至|到)"
            r"(?P<when>[^。,;]{0,24}?)(?:止|[。,;)]|$)"
        ),
        "years": re.compile(
            rf"本(?:{_RULE}){_THEN}(?:有效期|试行期|执行期|实施期)(?:限)?(?:为|是)?"
            r"(?P<n>[0-9一二三四五六七八九十两]{1,3})年"
        ),
        "repeal_verb": re.compile(
            "同时废止|即行废止|予以废止|一并废止|停止执行|不再执行|同时失效|代替|取代|替代"
        ),
        "title": re.compile(r"《(?P<title>[^《》]+)》(?:[(（](?P<num>[^()（）]{0,40}?号)[)）])?"),
        # 原X同时废止 without brackets: X must end as a rule's name does (…办法, …规定)
        "bare": re.compile(
            rf"原(?P<title>[^。,;《》]{{2,60}}?(?:{_RULE}))(?:同时废止|即行废止|停止执行|不再执行)"
        ),
    }


_RELATIVE: tuple[tuple[str, Relative], ...] = (
    ("印发", "issued"),
    ("通过", "issued"),
    ("批准", "issued"),
    ("下发", "issued"),
    ("发布", "published"),
    ("公布", "published"),
    ("颁布", "published"),
    ("公告", "published"),
)


def find_effective(text: str) -> Effective | None:
    """The provision on taking effect: the rule's own (本X自…起施行) if any, else the last
    such sentence; None when the text has none."""
    keys = char_keys(text)
    own = list(_patterns()["own"].finditer(keys))
    found = own or list(_patterns()["any"].finditer(keys))
    if not found:
        return None
    m = found[-1]
    when = text[m.start("when") : m.end("when")]
    dates = find_dates(when)
    if dates:
        return Effective(dates[0].date, None, m.start(), m.end(), bool(own))
    relative = next((r for word, r in _RELATIVE if word in m.group("when")), None)
    return Effective(None, relative, m.start(), m.end(), bool(own))


def effective_date(text: str, issued: dt.date | None) -> dt.date | None:
    """本办法自2016年10月11日起施行 -> that date; 自印发之日起施行 -> the issue date."""
    found = find_effective(text)
    if found is None:
        return None
    return found.date or (issued if found.relative is not None else None)


def find_period(text: str) -> Period | None:
    """A stated period of validity (有效期至…, 有效期N年), or None."""
    keys = char_keys(text)
    m = _patterns()["until"].search(keys)
    if m:
        dates = find_dates(text[m.start("when") : m.end("when")])
        if dates:
            return Period(dates[0].date, None, m.start(), m.end())
    m = _patterns()["years"].search(keys)
    if m:
        n = parse_quantity(m.group("n"))
        if n is not None and n.value > 0:
            return Period(None, n.value, m.start(), m.end())
    return None


def period_end(start: dt.date, years: float) -> dt.date | None:
    """The last day of a period of `years` whole years from `start` (None for a fraction)."""
    if years != int(years):
        return None
    try:
        return start.replace(year=start.year + int(years)) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        return start.replace(year=start.year + int(years), day=28)


def provisional_word(title: str) -> str | None:
    """暂行 or 试行 as the title writes it (either script), else None."""
    keys = char_keys(title)
    for word in ("暂行", "试行"):
        at = keys.find(word)
        if at != -1:
            return title[at : at + len(word)]
    return None


def find_repeals(text: str) -> list[Repeal]:
    """Every rule `text` repeals (同时废止, 停止执行) or replaces (代替, 取代), in order."""
    keys = char_keys(text)
    out: list[Repeal] = []
    done = -1
    for verb in _patterns()["repeal_verb"].finditer(keys):
        lo = max(keys.rfind(ch, 0, verb.start()) for ch in "。;\n") + 1
        if lo <= done:
            continue  # a sentence with two verbs is read once
        ends = [i for i in (keys.find(ch, verb.end()) for ch in "。;\n") if i != -1]
        hi = min(ends, default=len(keys))
        done = hi
        sentence = keys[lo:hi]
        first = _patterns()["repeal_verb"].search(sentence)
        assert first is not None
        relation: RepealRelation = "replaces" if first.group(0) in _REPLACE else "repeals"
        if relation == "replaces" and not re.search(rf"本(?:{_RULE})$", sentence[: first.start()]):
            continue  # only the rule itself replaces (本办法代替《X》), not 以会议代替落实
        # a repeal names its rules before the verb; a replacement (本办法代替《X》) after it
        a, b = (first.end(), len(sentence)) if relation == "replaces" else (0, first.start())
        begin = lo + len(sentence) - len(sentence.lstrip())
        titles = list(_patterns()["title"].finditer(sentence, a, b))
        if not titles and relation == "repeals":
            bare = _patterns()["bare"].search(sentence)
            if bare:
                at = lo + bare.start("title")
                cited = text[at : at + len(bare.group("title"))]
                out.append(Repeal(cited, None, relation, begin, hi))
            continue
        for t in titles:
            at = lo + t.start("title")
            number = None
            if t.group("num"):
                n_at = lo + t.start("num")
                number = text[n_at : n_at + len(t.group("num"))]
            out.append(Repeal(text[at : at + len(t.group("title"))], number, relation, begin, hi))
    return out


def find_all_repeals(parts: Iterable[tuple[int | None, str]]) -> list[tuple[int | None, Repeal]]:
    """`find_repeals` over a document's parts: (article number or None, text)."""
    return [(no, r) for no, text in parts for r in find_repeals(text)]
