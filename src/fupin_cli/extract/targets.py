"""Figures a text commits to: the quantity with its unit, the comparison, what it measures.

A figure is a target when its clause commits to it: a comparison (达到, 不低于, 以上, 降至,
控制在, 增长 …), a verb of doing (完成, 实现, 建成, 安排, 给予, 脱贫 …), or a rate (…率 100%).
Figures that only describe (适用于全省16个州(市)), qualify (对带动100户以上贫困户…的合作社;
300人以上自然村), name (“五个一”, “六个精准”) or set a sanction (处…以下的罚款) are not
targets; a negated bound turns round (不得低于 80% is at least 80%). Numerals are read by
`numerals.parse_quantity` (cn2an): 三十万, 1.2万, 百分之十五, 三分之二.

Matching runs on `char_keys` (one folded character per character), so every phrase is a slice
of the text as written; the deadline attached to a target is the nearest time limit before it
in its sentence (到2020年, … 211万农村贫困人口实现脱贫), else the first one after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Literal, NamedTuple

from ..normalize import char_keys
from ..numerals import parse_quantity
from .deadlines import Found as FoundDeadline

Comparison = Literal[
    "at_least", "at_most", "reach", "reduce_to", "keep_at", "increase", "about", "range", "exact"
]

_TURNED: tuple[tuple[str, Comparison], ...] = (
    ("低于", "at_least"),
    ("少于", "at_least"),
    ("高于", "at_most"),
    ("超过", "at_most"),
    ("多于", "at_most"),
)
#: A negated bound turns round: 不得低于 is at least, 不得超过 at most (listed before the
#: plain words, so that where both end at the same place the negated one decides).
_NEGATED: tuple[tuple[str, Comparison], ...] = tuple(
    (negation + word, kind)
    for negation in ("不得", "不应当", "不应", "不能", "不宜")
    for word, kind in _TURNED
)
#: Comparison words before a figure, the nearest in the clause deciding.
_BEFORE: tuple[tuple[str, Comparison], ...] = (
    *_NEGATED,
    ("不低于", "at_least"),
    ("不少于", "at_least"),
    ("至少", "at_least"),
    ("高于", "at_least"),
    ("不超过", "at_most"),
    ("不高于", "at_most"),
    ("低于", "at_most"),
    ("控制在", "at_most"),
    ("降至", "reduce_to"),
    ("降到", "reduce_to"),
    ("下降到", "reduce_to"),
    ("减少到", "reduce_to"),
    ("保持在", "keep_at"),
    ("稳定在", "keep_at"),
    ("增长", "increase"),
    ("提高", "increase"),
    ("增加", "increase"),
    ("达到", "reach"),
    ("提高到", "reach"),
)
#: Comparison words right after a figure.
_AFTER: tuple[tuple[str, Comparison], ...] = (
    ("以上", "at_least"),
    ("及以上", "at_least"),
    ("以下", "at_most"),
    ("以内", "at_most"),
    ("左右", "about"),
)
#: Verbs that make a figure in their clause a commitment.
_VERBS = (
    "完成", "实现", "确保", "建成", "建设", "新建", "改造", "安排", "实施", "实行", "新增",
    "培训", "选派", "搬迁", "脱贫", "摘帽", "减贫", "减少", "解决", "覆盖", "发放", "投入",
    "筹集", "给予", "抽查", "参与", "转移", "就业", "退出", "出列", "帮扶", "配套", "补助",
)  # fmt: skip
#: Verbs a subject may open with, left out of it (确保森林覆盖率 -> 森林覆盖率).
_LEADING_VERBS = ("确保", "实现", "完成", "力争", "使", "推动")
#: Units of measure, longest first.
UNITS = (
    "个百分点", "万人次", "人次", "万人", "万户", "万元", "亿元", "千米", "公里", "平方米",
    "%", "户", "人", "名", "元", "个", "所", "座", "项", "村", "亩", "吨", "套", "家", "处",
    "条", "倍", "年", "次", "万", "亿",
)  # fmt: skip
_NUM = (
    r"(?:百分之)?(?:\d+/\d+|\d+(?:,\d{3})*(?:\.\d+)?[万亿]?"
    r"|[〇零一二三四五六七八九十百千两][〇零一二三四五六七八九十百千万亿两]*)"
    r"(?:分之[一二三四五六七八九十]+)?"
)
_SUBJECT_NOUN = re.compile(
    r"的?[^,;。:、\s(（“”]{1,12}?(?=实现|脱贫|摘帽|全部|支援|用于|予以|的|[,;。:、\s“”(（]|$)"
    r"|的?[^,;。:、\s(（“”]{1,8}"
)
_SCOPE = ("适用于", "参照")
#: A clause that imposes a sanction (处…以下的罚款): its figures are penalties, not targets.
_SANCTIONS = ("罚款", "罚金")
_RATIO = ("率", "比例", "比重")


class Found(NamedTuple):
    """A figure committed to: where it is, its value and unit, comparison and subject."""

    begin: int
    stop: int
    quantity: str
    value: float
    upper: float | None
    unit: str | None
    comparison: Comparison
    subject: str | None
    deadline: int | None  # index into the deadlines given


@cache
def _figure() -> re.Pattern[str]:
    units = "|".join(re.escape(u) for u in UNITS)
    return re.compile(
        rf"(?P<num>{_NUM})(?:\s*[—\-–~～至到]\s*(?P<hi>{_NUM}))?(?P<unit>{units})?"
        r"(?P<after>及以上|以上|以下|以内|左右)?"
    )


def _clause(keys: str, at: int) -> tuple[int, int]:
    lo = max(keys.rfind(ch, 0, at) for ch in ",;。:，；") + 1
    ends = [i for i in (keys.find(ch, at) for ch in ",;。:，；") if i != -1]
    return lo, min(ends, default=len(keys))


def _sentence(keys: str, at: int) -> tuple[int, int]:
    lo = max(keys.rfind(ch, 0, at) for ch in "。;；\n") + 1
    ends = [i for i in (keys.find(ch, at) for ch in "。;；\n") if i != -1]
    return lo, min(ends, default=len(keys))


def _quoted(keys: str, at: int) -> bool:
    """Inside “…” or 《…》: the name of a campaign or a title, not a figure."""
    for opening, closing in (("“", "”"), ("《", "》"), ('"', '"')):
        before = keys.rfind(opening, 0, at)
        if before != -1 and keys.find(closing, before + 1) >= at:
            after_close = keys.rfind(closing, 0, at)
            if after_close < before:
                return True
    return False


def find_targets(text: str, deadlines: Sequence[FoundDeadline] = ()) -> list[Found]:
    """The figures `text` commits to, in text order (see the module doc for the rules).

    Args:
        text: an article's or task's text as written.
        deadlines: the time limits found in the same text (`deadlines.find_deadlines`), to
            attach to each target and to keep dates out of the figures.
    """
    keys = char_keys(text)
    out: list[Found] = []
    for m in _figure().finditer(keys):
        num, unit = m.group("num"), m.group("unit")
        if any(d.begin <= m.start() < d.stop for d in deadlines) or _quoted(keys, m.start()):
            continue
        if num.isdigit() and len(num) == 4 and unit == "年":
            continue  # a year
        ascii_num = any(ch.isdigit() for ch in num)
        percent = num.startswith("百分之") or unit == "%"
        fraction = ("分之" in num and not num.startswith("百分之")) or "/" in num
        if not (percent or fraction or unit or num[-1] in "万亿"):
            continue
        if not ascii_num and unit in ("年", "个", "次", "条") and not m.group("after"):
            continue  # 三年行动计划, 五个一批: names more than figures
        if keys[m.start() - 1 : m.start()] == "每" and not ascii_num:
            continue  # 每一户: each, not a figure
        if keys[m.start() - 1 : m.start()] == "第":
            continue  # 第一百八十二条, 第三项: an ordinal (a reference), not a quantity
        quantity = parse_quantity(num + ("%" if unit == "%" else ""))
        if quantity is None:
            continue
        hi = parse_quantity(m.group("hi")) if m.group("hi") else None
        lo, hi_end = _clause(keys, m.start())
        s_lo, s_hi = _sentence(keys, m.start())
        if any(w in keys[s_lo:s_hi] for w in _SCOPE):
            continue
        clause = keys[lo:hi_end]
        if any(w in clause for w in _SANCTIONS):
            continue
        before = keys[lo : m.start()]
        after_word = m.group("after")
        comparison = _comparison(before, after_word, hi is not None)
        ratio = any(before.rstrip().endswith(r) for r in _RATIO)
        verb = any(v in clause for v in _VERBS)
        if comparison == "exact" and not verb and not (percent and ratio):
            continue
        if _qualifier(keys, m, lo, before, after_word, clause):
            continue
        where = _subject(keys, lo, m, before)
        deadline = _attach(keys, deadlines, m.start(), s_lo, s_hi)
        out.append(
            Found(
                m.start(),
                m.end(),
                text[m.start() : m.end()],
                quantity.value,
                hi.value if hi else None,
                unit if unit else ("%" if percent else None),
                comparison,
                text[where[0] : where[1]] if where else None,
                deadline,
            )
        )
    return out


def _comparison(before: str, after: str | None, ranged: bool) -> Comparison:
    if ranged:
        return "range"
    if after:
        return dict(_AFTER)[after]
    best: tuple[int, Comparison] | None = None
    for word, kind in _BEFORE:
        at = before.rfind(word)
        if at != -1 and (best is None or at + len(word) > best[0]):
            best = (at + len(word), kind)
    return best[1] if best else "exact"


def _qualifier(
    keys: str, m: re.Match[str], lo: int, before: str, after: str | None, clause: str
) -> bool:
    """A figure that narrows what the clause is about (对带动100户以上贫困户…的合作社;
    300人以上自然村; a clause ending 以上的)."""
    if clause.lstrip().startswith(("对", "凡")) and "的" in keys[m.end() : lo + len(clause)]:
        return True
    if re.match(r"的\s*(?:[,;。:，；：)）]|$)", keys[m.end() :]):
        return True  # 价值二百万元以上的, 累计缴费十年以上的: the case a rule is about
    follows = keys[m.end() : m.end() + 1]
    if after in ("以上", "以下") and follows and not re.match(r"[,;。:、\s)）的]", follows):
        return not any(v in before for v in _VERBS)
    return False


def _subject(keys: str, lo: int, m: re.Match[str], before: str) -> tuple[int, int] | None:
    """Where the words are that say what the figure measures: a rate before it
    (硬化率达到85%), else the noun after it (211万农村贫困人口), else the words before it."""
    start = lo + _list_start(before)
    end = m.start()
    # the comparison word between the subject and the figure is not part of the subject
    for word, _ in sorted(_BEFORE, key=lambda p: -len(p[0])):
        at = keys.rfind(word, start, end)
        if at != -1:
            end = at
            break
    head = keys[start:end]
    for ratio in _RATIO:
        cut = head.rfind(ratio)
        if cut != -1:
            return _trimmed(keys, start, start + cut + len(ratio))
    tail = _SUBJECT_NOUN.match(keys, m.end())
    if tail and tail.group(0).strip().removeprefix("的"):
        return _trimmed(keys, tail.start() + (1 if keys[tail.start()] == "的" else 0), tail.end())
    return _trimmed(keys, start, end)


def _list_start(before: str) -> int:
    """Where the last item of a list (X、Y) begins: after the last 、 outside brackets."""
    depth, cut = 0, 0
    for i in range(len(before) - 1, -1, -1):
        ch = before[i]
        if ch in ")）":
            depth += 1
        elif ch in "(（":
            depth -= 1
        elif ch in "、 " and depth <= 0:
            cut = i + 1
            break
    return cut


def _trimmed(keys: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without spaces at either end, nor a verb it opens with (确保…, 实现…)."""
    while start < end and keys[start].isspace():
        start += 1
    verb = next((v for v in _LEADING_VERBS if keys.startswith(v, start)), None)
    if verb is not None and start + len(verb) < end:
        start += len(verb)
    while end > start and keys[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _attach(keys: str, deadlines: Sequence[FoundDeadline], at: int, lo: int, hi: int) -> int | None:
    """The index of the deadline nearest before `at` in its sentence, else the first after it
    in the sentence, else a 到2020年 that opens its paragraph (到2020年，…。确保…)."""
    dated = [(i, d) for i, d in enumerate(deadlines) if lo <= d.begin < hi and d.kind != "ongoing"]
    before = [i for i, d in dated if d.stop <= at]
    if before:
        return before[-1]
    after = [i for i, d in dated if d.begin > at]
    if after:
        return after[0]
    para = keys.rfind("\n", 0, at) + 1
    opening = [
        i
        for i, d in enumerate(deadlines)
        if d.kind == "by"
        and para <= d.begin < at
        and (d.begin == para or keys[d.begin - 1] == "。")
        and keys[d.stop : d.stop + 1] in (",", ":")
    ]
    return opening[-1] if opening else None
