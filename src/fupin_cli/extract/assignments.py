"""Who is assigned a task, in every form plans print it.

- A labelled list on a line of its own: ``牵头单位：省农业厅`` (the division tables).
- Inline, in brackets at the end of a paragraph or a sentence: ``（牵头单位：A；配合单位：B、C）``,
  ``〔责任部门：…〕``; the labels in any order, separated by ；，。 or spaces.
- The verb form: ``（市发展改革委牵头，市财政局、市民政局配合）``, ``（由A负责）``.
- Unbracketed after the last sentence: ``……。牵头单位：A；责任单位：B``.

Roles are the document's: ``lead`` only where it says 牵头; 责任单位/责任部门 (and 主要责任单位,
主办) is ``responsible``; 配合/协同/参与/协办/协助 is ``co``. The word is kept as written.
Matching runs on `char_keys` (each character folded on its own), so positions map back to the
text as written and traditional script reads the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..normalize import char_keys

Role = Literal["lead", "responsible", "co"]
ROLES: tuple[Role, ...] = ("lead", "responsible", "co")

_LEAD = "牵头"
_RESPONSIBLE = "主要责任|责任|主责|主办"
_CO = "配合|协同|协作|协办|协助|参与|支持"
_ROLE_STEM = rf"(?:{_LEAD}|{_RESPONSIBLE}|{_CO})"
_UNIT_WORD = r"(?:单位|部门|科室|处室)(?:\((?:单位|部门)\))?"
#: A role label in folded text: 牵头单位, 责任部门, 牵头部门(单位), 配合单位.
ROLE_LABEL = re.compile(rf"{_ROLE_STEM}{_UNIT_WORD}")
_LABEL_AT = re.compile(rf"(?P<word>{_ROLE_STEM}{_UNIT_WORD})[ \t]*[:：]?[ \t]*")
#: A line that starts with a role label (an own-line unit list).
_LINE = re.compile(rf"^[ \t]*{_ROLE_STEM}{_UNIT_WORD}")
_VERB = re.compile(
    r"^(?P<by>由)?(?P<units>.+?)"
    r"(?P<verb>牵头负责|牵头落实|牵头组织|牵头|按职责分工负责|按职责分工落实|按职责负责|分别负责"
    r"|共同负责|具体负责|负责落实|负责|配合落实|配合|协同|协助|参与)$"
)
# 会同X推进 after a lead: the units it works with (co-operating)
_WITH = re.compile(r"^(?P<verb>会同)(?P<units>.+?)(?:共同)?(?:推进|落实|实施|负责|办理|做好)?$")
_UNITISH = re.compile(
    r"(?:委|局|厅|办|部|府|院|会|队|室|中心|所|行|司|社|处|站|馆|团|联|单位|部门|机关|政府|组"
    r"|街道|镇|乡|区|县|市|旗|州|盟|公司|集团|银行|分行|支行|园|校|台|军|武警|人大|政协)"
    r"(?:\([^()]*\))?$"
)
# words that make a clause a sentence, not a name: 具体办法由市财政局
_NOT_A_NAME = re.compile(r"[由的对在将要把向以]")
_CONVENTION = re.compile(
    r"(?:排在|排名|列在|列|居|位列|名列|排)?(?:第一位|首位|第一个|第一家|第一|最前面|首个)"
    r"[^,;。()]{0,8}?(?:为|是)(?:牵头|主办|总牵头)(?:单位|部门)"
    r"|第一个(?:逗号|顿号|分号)(?:之)?前[^,;。()]{0,8}?(?:为|是)牵头(?:单位|部门)"
)
_SEPARATORS = ";；。,， \t\u3000"
# a deadline printed with the lists: （责任单位：…；完成时限：2021年底前）
_DEADLINE = re.compile(r"(?:完成时限|完成时间|完成期限|时间节点|时限要求|时间要求|时限)[ \t]*[:：]")
_DEADLINE_LINE = re.compile(rf"^[ \t]*{_DEADLINE.pattern}[ \t]*(.+)$")
_OPEN_CLOSE = {"(": ")", "[": "]", "〔": "〕", "【": "】"}


def role_of(word: str) -> Role:
    """The role a label or verb gives: 牵头 lead; 责任 / 主办 responsible; 配合 etc. co."""
    keys = char_keys(word)
    if _LEAD in keys and not keys.startswith(("配合", "协")):
        return "lead"
    if re.search(_CO, keys) or keys == "会同":
        return "co"
    return "responsible"


@dataclass(frozen=True)
class Assignment:
    """One role's list: the role, the word as written, the units as written, the segment."""

    role: Role
    word: str
    units: str
    written: str


@dataclass(frozen=True)
class Assigned:
    """Text with the assignments found in it.

    Attributes:
        text: the text without the assignment (what the task is).
        assignments: the lists, in the order written.
        written: the bracket or trailing part as written, when the assignment was inline.
        convention: a sentence inside it that states who leads (排在第一位的为牵头单位).
        deadline: a deadline printed with the lists (完成时限：2021年底前), as written.
    """

    text: str
    assignments: tuple[Assignment, ...]
    written: str | None = None
    convention: str | None = None
    deadline: str | None = None


def deadline_line(line: str) -> str | None:
    """`完成时限：2021年底前` -> the deadline as written; None for other lines."""
    m = _DEADLINE_LINE.match(char_keys(line))
    return line[m.start(1) :].strip() if m else None


def _split_deadline(text: str) -> tuple[str, str | None]:
    """The lists without a deadline printed among them, and the deadline as written."""
    m = _DEADLINE.search(char_keys(text))
    if m is None:
        return text, None
    rest = text[m.end() :]
    cut = min((i for i in (rest.find(ch) for ch in "；;") if i != -1), default=len(rest))
    deadline = rest[:cut].strip(_SEPARATORS) or None
    return text[: m.start()] + rest[cut:], deadline


def is_unit_line(line: str) -> bool:
    """A line that starts with a role label: 牵头单位：…, 责任部门 …, 牵头单位 (alone), or a
    label run into a list of units (牵头单位省发展改革委); not a sentence that begins with
    the same characters (支持单位和个人通过投资…)."""
    keys = char_keys(line)
    m = _LINE.match(keys)
    if m is None:
        return False
    rest = keys[m.end() :]
    return not rest.strip() or rest[0] in ":： \t\u3000" or units_like(line[m.end() :])


def find_convention(text: str) -> str | None:
    """The words of `text` that state who leads (排在第一位的为牵头单位), as written."""
    keys = char_keys(text)
    m = _CONVENTION.search(keys)
    if m is None:
        return None
    start = max(keys.rfind(ch, 0, m.start()) for ch in "(,;。，：:") + 1
    ends = [i for i in (keys.find(ch, m.end()) for ch in ",;。)") if i != -1]
    end = min(ends) if ends else len(text)
    return text[start:end].strip(" \t（(") or None


def labelled(text: str) -> list[Assignment] | None:
    """`牵头单位：A；配合单位：B、C` -> one Assignment per label; None unless it starts with one.

    A convention stated among the lists (排在第一位的为牵头单位, 下同) is not a list of its own.
    """
    keys = char_keys(text)
    stated = _CONVENTION.search(keys)
    cut = stated.start() if stated else len(keys)
    if stated:  # the convention's clause runs back to its separator
        cut = max(keys.rfind(ch, 0, stated.start()) for ch in ",;。") + 1 or stated.start()
    starts = [m for m in _LABEL_AT.finditer(keys[:cut])]
    if not starts or keys[: starts[0].start()].strip(" \t"):
        return None
    if not is_unit_line(text):  # 支持单位和个人…: a sentence, not a label
        return None
    out: list[Assignment] = []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else cut
        segment = text[m.start() : end].rstrip(_SEPARATORS)
        units = text[m.end() : end].strip(_SEPARATORS)
        word = text[m.start("word") : m.end("word")]
        out.append(Assignment(role_of(word), word, units, segment))
    return out


def units_like(text: str) -> bool:
    """Whether every piece of a list reads as a unit's name (市发展改革委, 各县（市、区）)."""
    from .units import is_generic, split_pieces

    pieces = [p for p, _ in split_pieces(text)]
    return bool(pieces) and all(
        len(p) <= 30
        and (is_generic(p) or _UNITISH.search(char_keys(p)))
        and not _NOT_A_NAME.search(p)
        for p in pieces
    )


def verbs(text: str) -> list[Assignment] | None:
    """`A牵头，B、C配合` / `由A负责` -> the assignments; None unless every clause is one."""
    out: list[Assignment] = []
    for clause in re.split(r"[，,；;]", text):
        clause = clause.strip(" \t。")
        if not clause:
            continue
        keys = char_keys(clause)
        m = _VERB.match(keys) or (_WITH.match(keys) if out else None)
        if m is None or not units_like(clause[m.start("units") : m.end("units")]):
            return None
        verb = clause[m.start("verb") : m.end("verb")]
        units = clause[m.start("units") : m.end("units")]
        out.append(Assignment(role_of(verb), verb, units, clause))
    return out or None


def _assignment(content: str) -> tuple[list[Assignment], str | None, str | None] | None:
    """The assignments a bracket's content states, with a convention and a deadline it
    states; else None."""
    content, deadline = _split_deadline(content)
    convention = find_convention(content)
    found = labelled(content.strip())
    if found is None:
        bare = content.replace(convention, "") if convention else content
        found = verbs(bare)
    return (found, convention, deadline) if found else None


def _brackets(keys: str) -> list[tuple[int, int]]:
    """(start, end) of every top-level bracket, (…) […] 〔…〕 【…】, in folded text."""
    out = []
    stack: list[tuple[int, str]] = []
    for i, ch in enumerate(keys):
        if ch in _OPEN_CLOSE:
            stack.append((i, _OPEN_CLOSE[ch]))
        elif stack and ch == stack[-1][1]:
            start, _ = stack.pop()
            if not stack:
                out.append((start, i + 1))
    return out


Found = tuple[int, int, list[Assignment], str | None, str | None]


def inline(text: str) -> list[Found]:
    """Every inline assignment in a paragraph: (start, end, assignments, convention, deadline).

    A bracket counts when its content is an assignment; a label after the last sentence
    (……。牵头单位：A) counts to the end of the paragraph.
    """
    keys = char_keys(text)
    found: list[Found] = []
    for start, end in _brackets(keys):
        got = _assignment(text[start + 1 : end - 1])
        if got:
            found.append((start, end, *got))
    tail_from = found[-1][1] if found else 0
    m = re.search(rf"(?:^|[。;；.!！?？])\s*(?={_ROLE_STEM}{_UNIT_WORD})", keys[tail_from:])
    if m:
        start = tail_from + m.end()
        got = _assignment(text[start:])
        if got and start > 0:
            found.append((start, len(text), *got))
    return found


def split_tasks(text: str) -> list[Assigned]:
    """A paragraph cut at its inline assignments: one piece per assignment, in order.

    The text of a piece runs from the end of the previous assignment; the punctuation right
    after a bracket (its sentence's 。) stays with the piece the bracket closes. Text after
    the last assignment joins the last piece. No assignment: one piece with none.
    """
    found = inline(text)
    if not found:
        return [Assigned(text, ())]
    pieces: list[Assigned] = []
    pos = 0
    for i, (start, end, assignments, convention, deadline) in enumerate(found):
        stop = found[i + 1][0] if i + 1 < len(found) else len(text)
        tail = end
        while tail < stop and text[tail] in "。；;，,.! ！":
            tail += 1
        if i + 1 == len(found):
            tail = len(text)
        body = (text[pos:start] + text[end:tail]).strip()
        pieces.append(Assigned(body, tuple(assignments), text[start:end], convention, deadline))
        pos = tail
    return pieces
