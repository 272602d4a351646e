"""The lines before a document's body: its title, a covering notice, dates, number, issuers.

Three shapes are read:

- a plain header: the title (possibly broken over lines, or a Markdown ``# `` line), dated
  lines (（2019年8月20日）, or a law's 通过 / 修正 / 施行 lines), a preamble;
- a notice that carries the document (关于印发《X》的通知, 文号, 主送, a sentence, 落款, date,
  then X): the notice is carved off whole by `carve_notice`, and the document is X;
- a news headline (中办国办印发《X》) followed by a sentence that says so (全文如下).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..extract.dates import date_line, doc_number_in, doc_number_line, find_dates
from ..extract.structure import classify, markdown_level, strip_markdown_heading
from ..normalize import normalize

_TITLE_END = re.compile(
    r"(办法|辦法|细则|細則|方案|意见|意見|决定|決定|规定|規定|条例|條例|通知|规划|規劃|计划|計劃"
    r"|纲要|綱要|法|法典|规则|規則|规程|規程|准则|準則|要点|要點|清单|清單|指引|指南|制度|措施"
    r"|规范|規範|通告|公告|决议|決議|批复|批覆|解释|解釋|分工表|任务表|责任表|一览表|安排|实施意见"
    r"|行动|工程|机制|工作|任务)》?$"
)
_TRAILING_BRACKET = re.compile(r"[(（〔][^()（）〔〕]{1,20}[)）〕]$")
_SENTENCE = re.compile(r"[。；;！!？?]|[，,].*[，,]")
_NOTICE_TITLE = re.compile(
    r"(?:印发|印發|转发|轉發|颁发|頒發|发布|發布|下发|下發)(?P<what>.*?)的?(?:通知|通告|决定|決定)$"
)
_CITED = re.compile(r"《([^《》]+(?:《[^《》]*》[^《》]*)*)》|〈([^〈〉]+)〉")
_NOTICE_WORDS = re.compile(
    r"全文如下|现予印发|現予印發|印发了|印發了|请遵照执行|請遵照執行|印发给你们|印發給你們|现印发你们"
    r"|現印發你們|现将.{0,40}印发|現將.{0,40}印發"
)
_NOTE_LINE = re.compile(
    r"^(?:[(（](?:此件|本件|联系人|聯繫人|此文)[^()（）]*[)）]|附件\s*\d*\s*[:：]?|附\s*件)$"
)
_ISSUER_END = re.compile(
    r"(?:办公室|辦公室|办公厅|辦公廳|政府|委员会|委員會|人大常委会|领导小组|領導小組|委|局|厅|廳|部|院"
    r"|署|办|辦|会|會|中心|处|處|室|司|行|社|团|團|联|聯|党委|黨委|党组|黨組|总队|總隊|支队|街道办事处)"
    r"(?:[(（][^()（）]*[)）])?$"
)
_MASTHEAD = re.compile(r"^(?P<who>.+?)(?:文件|文 件)$")
_EVENT = re.compile(
    r"(通过|通過|修正|修订|修訂|施行|公布|公佈|批准|发布|發布|颁布|頒布|印发|印發|废止|廢止|生效)"
    r"[)）]?$"
)
_PRINTED_BY = re.compile(r"^(\S+?)(\d{4}年\d{1,2}月\d{1,2}日)印[发發]$")


def title_text(line: str) -> str:
    """A title line without its Markdown marks."""
    return strip_markdown_heading(line).strip()


def is_title_like(line: str) -> bool:
    """A short line without sentence punctuation that names a kind of rule (or a # title)."""
    if markdown_level(line) == 1:
        return True
    if len(line) > 90 or re.search(r"[。；;：:]", line) or classify(line):
        return False
    bare = _TRAILING_BRACKET.sub("", line.strip())
    return bool(_TITLE_END.search(bare)) or bool(re.fullmatch(r".*《.+》", bare))


def _title_fragment(line: str) -> bool:
    """The start of a title broken over lines: short, no sentence punctuation, no label."""
    return (
        len(line) <= 40
        and not re.search(r"[。；;：:，,]", line)
        and not classify(line)
        and not date_line(line)
        and not doc_number_line(line)
    )


def cited_titles(line: str) -> list[str]:
    """The titles a notice's headline prints it carries: 关于印发《A》、《B》的通知 -> [A, B]."""
    m = _NOTICE_TITLE.search(normalize_line(line))
    if m is None:
        return []
    found = [a or b for a, b in _CITED.findall(m.group("what"))]
    if not found and m.group("what").strip():
        found = [m.group("what").strip()]
    return [x for x in found if x]


def normalize_line(line: str) -> str:
    return title_text(line)


def is_issuer_like(line: str) -> bool:
    text = line.strip()
    return (
        2 <= len(text) <= 40
        and not re.search(r"[。；;：:，,]", text)
        and not classify(text)
        and bool(_ISSUER_END.search(re.sub(r"\s+", "", text)))
    )


def event_line(line: str) -> bool:
    """A dated line that records an act on the rule: 2019年8月20日 …会议通过 / 施行 / 修正."""
    text = line.strip().strip("()（）")
    return bool(find_dates(text)) and bool(_EVENT.search(text)) and len(text) <= 200


@dataclass
class Notice:
    """A covering notice carved off the top of a file, and what it says about the document."""

    lines: list[str]
    titles: list[str]  # the documents it carries (关于印发《X》的通知 -> [X])
    issuers: list[str] = field(default_factory=list)
    date: dt.date | None = None


def carve_notice(lines: list[str]) -> tuple[Notice | None, list[str]]:
    """(the notice, the remaining lines) when the file opens with a notice that carries it.

    The notice runs from the top to its signature date (落款), plus a note such as
    （此件公开发布）; without a signature date nothing is carved (see `read_header`).
    """
    if lines and markdown_level(lines[0]) == 1:  # the # title names the document itself
        notice, rest = carve_notice(lines[1:])
        return notice, [lines[0], *rest]
    top = next((i for i, x in enumerate(lines[:12]) if cited_titles(x)), None)
    if top is None:
        return None, lines
    for d in range(top + 1, min(len(lines), top + 80)):
        when = date_line(lines[d])
        if when is None:
            continue
        signers: list[str] = []
        j = d - 1
        while j > top and len(signers) < 4 and is_issuer_like(lines[j]):
            signers.insert(0, lines[j])
            j -= 1
        if not signers:
            continue
        end = d + 1
        while end < len(lines) and _NOTE_LINE.match(lines[end]):
            end += 1
        notice = Notice(lines[:end], cited_titles(lines[top]), signers, when)
        return notice, lines[end:]
    return None, lines


@dataclass
class Header:
    """What a document's header says; every line it read is in one of the lists."""

    title: str | None = None
    notice: list[str] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    history: list[str] = field(default_factory=list)
    dates: list[dt.date] = field(default_factory=list)
    doc_number: str | None = None
    issuers: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    title_lines: list[str] = field(default_factory=list)


def _take_title(lines: list[str], wanted: list[str]) -> tuple[str | None, int]:
    """The title at the top of `lines` and how many lines it took (0 when there is none).

    A title may be broken over up to four short lines; where a notice named the document
    (`wanted`), the lines must spell one of those names.
    """
    if not lines:
        return None, 0
    if markdown_level(lines[0]) == 1:
        return title_text(lines[0]), 1
    keys = {normalize(w) for w in wanted}
    joined = ""
    for n, line in enumerate(lines[:4], start=1):
        if not _title_fragment(line) and not (n == 1 and is_title_like(line)):
            break
        joined += line
        if keys and normalize(joined) in keys:
            return joined, n
        if (
            not keys
            and is_title_like(joined)
            and not (n < len(lines) and _title_fragment(lines[n]) and _continues(joined, lines[n]))
        ):
            return joined, n
    return None, 0


def _continues(joined: str, nxt: str) -> bool:
    """Whether `nxt` finishes a title broken after `joined` (the result still names a rule)."""
    return len(joined + nxt) <= 90 and bool(_TITLE_END.search(_TRAILING_BRACKET.sub("", nxt)))


def read_header(lines: list[str], wanted: list[str] | None = None) -> Header:
    """Read the lines before the first label of one document."""
    h = Header()
    wanted = wanted or []
    lines = _drop_repeated_title(lines, h.dropped)
    title, used = _take_title(lines, wanted)
    body_start = used
    if title is None:
        titles = [i for i, x in enumerate(lines) if is_title_like(x)]
        if len(titles) >= 2 and titles[0] == 0:  # a headline, a notice sentence, the title
            h.notice = lines[: titles[-1]]
            title, body_start = lines[titles[-1]], titles[-1] + 1
    elif len(lines) > used and not wanted:
        later = [i for i, x in enumerate(lines[used:], used) if is_title_like(x)]
        if later and any(_NOTICE_WORDS.search(x) for x in lines[used : later[-1]]):
            h.notice = lines[: later[-1]]
            title, body_start = title_text(lines[later[-1]]), later[-1] + 1
    if title is not None:
        h.title = title_text(title)
        h.title_lines = lines[: body_start if not h.notice else 0]
    for line in lines[body_start:]:
        when = date_line(line)
        if when is not None:
            h.dates.append(when)
            continue
        if event_line(line):
            h.history.append(line)
            continue
        number = doc_number_line(line)
        if number and h.doc_number is None and not h.preamble:
            h.doc_number = number
            continue
        if markdown_level(line) == 1:  # a second # line: the part of a code (# 总则)
            h.preamble.append(title_text(line))
            continue
        if _NOTICE_WORDS.search(line):
            h.notice.append(line)
        else:
            h.preamble.append(line)
    for line in h.notice:
        number = doc_number_line(line)
        if number and h.doc_number is None:
            h.doc_number = number
        when = date_line(line)
        if when:
            h.dates.append(when)
    # the signature: the line before the notice's closing date
    for i, line in enumerate(h.notice):
        if date_line(line) and i > 0 and not re.search(r"[。，,:：]", h.notice[i - 1]):
            h.issuers = [h.notice[i - 1]]
    if not h.issuers:
        for line in h.notice:
            m = re.search(r"([^，,。]+?)印[发發]了", line)
            if m:
                h.issuers = [x for x in re.split(r"[、]", m.group(1)) if x]
    return h


def notice_metadata(notice: Notice, h: Header) -> None:
    """Fill what a carved notice says into the header of the (first) document it carries."""
    h.notice = notice.lines + h.notice
    h.issuers = h.issuers or [x.strip() for x in notice.issuers]
    if notice.date is not None:
        h.dates.insert(0, notice.date)
    for line in notice.lines:
        number = doc_number_line(line) or doc_number_in(line)
        if number and h.doc_number is None:
            h.doc_number = number
    masthead = next((m.group("who") for x in notice.lines[:3] if (m := _MASTHEAD.match(x))), None)
    if masthead and not h.issuers:
        h.issuers = [masthead]


def _drop_repeated_title(lines: list[str], dropped: list[str]) -> list[str]:
    """Drop the lines right after a title that print it again, broken over several lines."""
    if len(lines) < 2 or not is_title_like(lines[0]):
        return lines
    title = normalize(title_text(lines[0]))
    joined = ""
    for j in range(1, len(lines)):
        joined += normalize(lines[j])
        if not title.startswith(joined):
            return lines
        if joined == title:
            dropped.extend(lines[1 : j + 1])
            return [lines[0], *lines[j + 1 :]]
    return lines


def headline_title(raw: str) -> str:
    """A headline 中办国办印发《X》 names the document X."""
    m = re.fullmatch(r".*印[发發]《(.+)》", raw)
    return m.group(1) if m else raw


def issuers_from_title(title: str) -> list[str]:
    """中共黑龙江省委 黑龙江省人民政府关于… -> the two issuers before 关于."""
    m = re.match(r"^([^《》]+?)(?:关于|關於)", title)
    if not m:
        return []
    return [x for x in re.split(r"[\s、]+", m.group(1)) if x]


def signature(lines: list[str]) -> tuple[list[str], dt.date | None]:
    """The signers and date of a 落款: the body names right before a date line."""
    for d, line in enumerate(lines):
        when = date_line(line)
        if when is None:
            continue
        signers: list[str] = []
        j = d - 1
        while j >= 0 and len(signers) < 4 and is_issuer_like(lines[j]):
            signers.insert(0, lines[j].strip())
            j -= 1
        return signers, when
    return [], None


def printed_by(line: str) -> tuple[str, dt.date | None] | None:
    """中共云南省委办公厅2017年5月26日印发 -> (the issuer as written, the date)."""
    m = _PRINTED_BY.match(normalize(line))
    if not m:
        return None
    found = find_dates(line)
    return line[: len(m.group(1))], (found[0].date if found else None)


@dataclass(frozen=True)
class Events:
    """The dates a law's history lines give: adopted or issued, amended, in force."""

    issued: dt.date | None
    amended: tuple[dt.date, ...]
    effective: dt.date | None


def read_events(lines: list[str]) -> Events:
    """通过 / 发布 / 公布 -> issued (the first); 修正 / 修订 -> amended; 施行 -> effective."""
    issued = effective = None
    amended: list[dt.date] = []
    for line in lines:
        for part in re.split(r"[；;]|\s{2,}", line):
            found = find_dates(part)
            m = _EVENT.search(part.strip().strip("()（）"))
            if not found or not m:
                continue
            when = found[0].date
            word = normalize(m.group(1))
            if word in ("修正", "修订"):
                amended.append(when)
            elif word == "施行" or word == "生效":
                effective = effective or when
            elif word in ("通过", "发布", "公布", "颁布", "印发", "批准") and issued is None:
                issued = when
    return Events(issued, tuple(sorted(set(amended))), effective)
