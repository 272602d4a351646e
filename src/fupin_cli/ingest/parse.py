"""Raw policy text -> Document drafts: structure, articles, task tables, the metadata given.

The parser reads cleaned lines (see `clean`) and recognises, in any mix:
第X章 / 第X节 / 第X条 (labels may hold stray spaces: 第十四 條), outlines 一、 / (一) / 1. / (1),
task tables (a task followed by 牵头单位 / 协同单位 lines), a covering notice, a preamble and a
closing paragraph, and several documents printed in one file.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ..corpus import ActorRegistry
from ..errors import IngestError
from ..extract.actors import propose_actors
from ..extract.structure import Label, LineKind, classify, unit_line
from ..extract.units import UnitList, split_units
from ..models import Document
from ..normalize import normalize
from .clean import Cleaned, clean

_TITLE_END = re.compile(
    r"(办法|辦法|细则|細則|方案|意见|意見|决定|決定|规定|規定|条例|條例|通知|规划|規劃|计划|計劃|纲要|綱要)》?$"
)
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_LINE = re.compile(r"^[(（]?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[)）]?$")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]+[〔\[［(（]\d{4}[〕\]］)）]\s*\d+\s*号")
_DOC_NUMBER_LINE = re.compile(rf"^{_DOC_NUMBER.pattern}$")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DMY_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_NOTICE_WORDS = re.compile(r"全文如下|现予印发|現予印發|印发了|印發了|请遵照执行|請遵照執行")
_EFFECTIVE = re.compile(r"自(.{0,16}?)起施行")
_PRINTED_BY = re.compile(r"^(\S+?)(\d{4}年\d{1,2}月\d{1,2}日)印[发發]$")


@dataclass
class Block:
    """A labelled line with what follows it up to the next label."""

    kind: LineKind
    label: str
    no: int
    head: str
    lines: list[str] = field(default_factory=list)
    units: list[tuple[str, str, str]] = field(default_factory=list)  # (role, word, line)
    children: list[Block] = field(default_factory=list)


@dataclass
class Draft:
    """One parsed document (with a provisional id, doc-N) and what the parser warns about."""

    document: Document
    warnings: list[str]


@dataclass
class _Segment:
    """One document's fields as the parser gathers them, before they are validated."""

    data: dict[str, Any]
    warnings: list[str]


def is_title_like(line: str) -> bool:
    """A short line without sentence punctuation that names a kind of rule."""
    if len(line) > 90 or re.search(r"[。；;：:]", line) or classify(line):
        return False
    return bool(_TITLE_END.search(line)) or bool(re.fullmatch(r".*《.+》", line))


def _date(m: re.Match[str] | None) -> dt.date | None:
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def detect_script(text: str) -> str:
    """traditional when more characters change under t2s than under s2t."""
    import opencc

    han = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
    if not han:
        return "simplified"
    t2s = opencc.OpenCC("t2s").convert(han)
    s2t = opencc.OpenCC("s2t").convert(han)
    trad = sum(a != b for a, b in zip(han, t2s, strict=False))
    simp = sum(a != b for a, b in zip(han, s2t, strict=False))
    return "traditional" if trad > simp else "simplified"


# ---------------------------------------------------------------------------------------------
# segmentation: which lines belong to which document


def _segments(lines: list[str]) -> list[list[str]]:
    """Split a file into the lines of each document printed in it.

    A new document starts where numbering restarts (a second 第一章, a second 第一条, or a second
    一、 in an outline document) and takes the title-like lines right before it.
    """
    starts = [0]
    seen: set[LineKind] = set()
    for i, line in enumerate(lines):
        c = classify(line)
        if c is None or c.kind not in (LineKind.chapter, LineKind.article, LineKind.part):
            continue
        kind = c.kind
        restart = c.no == 1 and kind in seen
        if kind == LineKind.part and (LineKind.chapter in seen or LineKind.article in seen):
            restart = False
        if restart:
            j = i
            while j - 1 > starts[-1] and is_title_like(lines[j - 1]):
                j -= 1
            starts.append(j)
            seen = set()
        seen.add(kind)
    starts.append(len(lines))
    return [lines[a:b] for a, b in itertools.pairwise(starts) if b > a]


# ---------------------------------------------------------------------------------------------
# the tree of labelled blocks


def _build_tree(body: list[str]) -> tuple[list[str], list[Block], list[str]]:
    """(lines before the first label, top-level blocks, trailing lines after the last block)."""
    article_mode = any(
        (found := classify(x)) is not None and found.kind == LineKind.article for x in body
    )
    header: list[str] = []
    roots: list[Block] = []
    stack: list[Block] = []
    last: Block | None = None
    for line in body:
        unit = unit_line(line)
        if unit and last is not None:
            last.units.append((unit.role, unit.word, line))
            continue
        c: Label | None = classify(line)
        if c is not None and article_mode and c.kind > LineKind.article and not stack:
            c = None  # an outline label before the first article: preamble text
        if c is None:
            if last is None:
                header.append(line)
            else:
                last.lines.append(line)
            continue
        kind, label, no, rest = c
        if article_mode and kind > LineKind.article:
            # inside an article every outline label is an item of that article
            owner = next((b for b in reversed(stack) if b.kind == LineKind.article), None)
            if owner is None:
                header.append(line)
                continue
            item = Block(kind, label, no, rest)
            owner.children.append(item)
            last = item
            continue
        block = Block(kind, label, no, rest)
        while stack and stack[-1].kind >= kind:
            stack.pop()
        (stack[-1].children if stack else roots).append(block)
        stack.append(block)
        last = block
    trailing: list[str] = []
    if last is not None and last.lines and not last.units:
        # unlabelled paragraphs after the last block: the closing text. Between articles a
        # closing is a signature or a date; a paragraph that ends a sentence stays in the article.
        if article_mode:
            ends = [i for i, x in enumerate(last.lines) if re.search(r"[。；;！!？?：:]$", x)]
            keep = ends[-1] + 1 if ends else 0
            trailing, last.lines = last.lines[keep:], last.lines[:keep]
        elif last.head:
            trailing, last.lines = last.lines, []
    return header, roots, trailing


# ---------------------------------------------------------------------------------------------
# blocks -> sections, articles, tasks


@dataclass
class _Out:
    sections: list[dict[str, Any]] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


_TITLE_LEAD = re.compile(r"^([^。，,；;：:]{2,30}[。.])(.+)$", re.S)


def _split_lead_in(text: str) -> tuple[str | None, str]:
    m = _TITLE_LEAD.match(text)
    return (m.group(1), m.group(2)) if m else (None, text)


def _join(head: str, lines: Iterable[str]) -> str:
    return "\n".join(x for x in (head, *lines) if x)


def _units(block: Block, registry: ActorRegistry | None, out: _Out, where: str) -> dict[str, Any]:
    lead: list[str] = []
    co: list[str] = []
    lead_line = co_line = None
    for role, _word, line in block.units:
        found = unit_line(line)
        assert found is not None
        parsed: UnitList = split_units(found.units, registry)
        for unknown in parsed.unknown:
            out.warnings.append(f"{where}: unit not in the actor registry: {unknown}")
        for dup in parsed.duplicates:
            out.warnings.append(f"{where}: unit listed twice in one list, kept once: {dup}")
        target = lead if role == "lead" else co
        target.extend(u for u in parsed.units if u not in target)
        if role == "lead":
            lead_line = line if lead_line is None else f"{lead_line}\n{line}"
        else:
            co_line = line if co_line is None else f"{co_line}\n{line}"
    return {"lead": lead, "co": co, "lead_line": lead_line, "co_line": co_line}


def _walk(
    blocks: list[Block],
    path: tuple[str, ...],
    out: _Out,
    registry: ActorRegistry | None,
    article_mode: bool,
) -> list[dict[str, Any]]:
    sections: list[dict[str, Any]] = []
    for block in blocks:
        here = (*path, block.label)
        if block.kind == LineKind.article or (
            not article_mode and not block.children and not block.units
        ):
            items = [
                {"no": c.no, "label": c.label, "text": _join(c.head, c.lines)}
                for c in block.children
            ]
            text = _join(block.head, block.lines)
            art: dict[str, Any] = {"no": block.no, "label": block.label}
            if block.kind != LineKind.article:
                title, text = _split_lead_in(text)
                if title:
                    art["title"] = title
            art.update(text=text, items=items, section=list(path))
            out.articles.append(art)
            continue
        if block.units:
            if block.children:
                out.warnings.append(f"{' '.join(here)}: a task heading with sub-items")
            if block.lines:  # heading line, then the task's text as a paragraph
                sections.append(_section(block, []))
                task_text, label, task_path = "\n".join(block.lines), "", here
                section = here
            else:
                task_text, label, task_path, section = block.head, block.label, here, path
            task: dict[str, Any] = {
                "no": len(out.tasks) + 1,
                "path": " ".join(task_path),
                "label": label,
                "text": task_text,
                "section": list(section),
            }
            task.update(_units(block, registry, out, task["path"]))
            if not task["lead"]:
                out.warnings.append(f"{task['path']}: task without a lead unit")
            out.tasks.append(task)
            continue
        children = _walk(block.children, here, out, registry, article_mode)
        if block.lines:
            out.warnings.append(f"{' '.join(here)}: heading followed by text, kept as its title")
        sections.append(_section(block, children))
    return sections


def _section(block: Block, children: list[dict[str, Any]]) -> dict[str, Any]:
    kind = {LineKind.chapter: "chapter", LineKind.section: "section"}.get(block.kind, "part")
    title = _join(block.head, block.lines if not block.units else [])
    return {
        "kind": kind,
        "no": block.no,
        "label": block.label,
        "title": title,
        "sections": children,
    }


# ---------------------------------------------------------------------------------------------
# header: notice, title, preamble and metadata


@dataclass
class _Header:
    title: str | None = None
    notice: list[str] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    dates: list[dt.date] = field(default_factory=list)
    doc_number: str | None = None
    issuers: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def _read_header(lines: list[str]) -> _Header:
    h = _Header()
    lines = _drop_repeated_title(lines, h.dropped)
    titles = [i for i, x in enumerate(lines) if is_title_like(x)]
    body_start = 0
    if len(titles) >= 2 and titles[0] == 0:
        h.notice = lines[: titles[-1]]
        h.title = lines[titles[-1]]
        body_start = titles[-1] + 1
    elif titles and titles[0] == 0:
        h.title = lines[0]
        body_start = 1
    for line in lines[body_start:]:
        if _DATE_LINE.match(line):
            h.dates.append(_date(_DATE.search(line)) or dt.date.min)
            if not h.notice and line.startswith(("(", "（")):
                h.preamble.append(line)
            continue
        if _NOTICE_WORDS.search(line):
            h.notice.append(line)
        else:
            h.preamble.append(line)
    for line in h.notice:
        m = _DOC_NUMBER_LINE.match(line)
        if m and h.doc_number is None:
            h.doc_number = line
        d = _date(_DATE.fullmatch(line))
        if d:
            h.dates.append(d)
    # the signature: the line before the notice's closing date
    for i, line in enumerate(h.notice):
        if _DATE_LINE.match(line) and i > 0 and not re.search(r"[。，,:：]", h.notice[i - 1]):
            h.issuers = [h.notice[i - 1]]
    if not h.issuers:
        for line in h.notice:
            m = re.search(r"([^，,。]+?)印[发發]了", line)
            if m:
                h.issuers = [x for x in re.split(r"[、]", m.group(1)) if x]
    h.preamble = [x for x in h.preamble if not _DATE_LINE.match(x)]
    return h


def _drop_repeated_title(lines: list[str], dropped: list[str]) -> list[str]:
    """Drop the lines right after a title that print it again, broken over several lines."""
    if len(lines) < 2 or not is_title_like(lines[0]):
        return lines
    title = normalize(lines[0])
    joined = ""
    for j in range(1, len(lines)):
        joined += normalize(lines[j])
        if not title.startswith(joined):
            return lines
        if joined == title:
            dropped.extend(lines[1 : j + 1])
            return [lines[0], *lines[j + 1 :]]
    return lines


def _title_of(raw: str) -> str:
    """A headline 中办国办印发《X》 names the document X."""
    m = re.fullmatch(r".*印[发發]《(.+)》", raw)
    return m.group(1) if m else raw


def _issuers_from_title(title: str) -> list[str]:
    """中共黑龙江省委 黑龙江省人民政府关于… -> the two issuers before 关于."""
    m = re.match(r"^([^《》]+?)(?:关于|關於)", title)
    if not m:
        return []
    return [x for x in re.split(r"[\s、]+", m.group(1)) if x]


_PROVINCES = (
    "北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南"
    "|广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆"
)


def _guess_level_region(title: str) -> tuple[str, str]:
    """A first guess from the title (a person reviews it): county, province or central."""
    s = normalize(title)
    county = re.match(r"^(?:中共)?([\u4e00-\u9fff]{1,5}?[县旗])", s)
    if county:
        return "county", county.group(1)
    city = re.match(r"^(?:中共)?([\u4e00-\u9fff]{1,6}?(?:自治州|州|市))", s)
    if city and not re.search(_PROVINCES, city.group(1)):
        return "prefecture", city.group(1)
    province = re.search(rf"({_PROVINCES})", s)
    if province:
        return "province", province.group(1)
    return "central", "全国"


# ---------------------------------------------------------------------------------------------
# public entry points


def parse_text(
    text: str,
    *,
    source: str = "<stdin>",
    registry: ActorRegistry | None = None,
    as_paragraphs: bool = False,
) -> list[Draft]:
    """Parse one raw text into document drafts (one per document printed in it).

    Raises:
        IngestError: the text is empty, or no structure is found and `as_paragraphs` is False.
    """
    if not text or not text.strip():
        raise IngestError(f"{source}: the file is empty")
    cleaned: Cleaned = clean(text)
    if not cleaned.lines:
        raise IngestError(f"{source}: nothing is left after removing web-page debris")
    parts = [
        _parse_segment(body, cleaned, source, registry, n, as_paragraphs)
        for n, body in enumerate(_segments(cleaned.lines))
    ]
    first = parts[0].data
    for part in parts[1:]:  # measures printed in one notice share its number and date
        for key in ("doc_number", "issued", "issuers"):
            if not part.data.get(key) and first.get(key):
                part.data[key] = first[key]
    if cleaned.dropped:
        parts[0].warnings.append(
            f"{source}: dropped {len(cleaned.dropped)} line(s) of web-page debris: "
            + " | ".join(x[:40] for x in cleaned.dropped[:8])
        )
    drafts = []
    for part in parts:
        try:
            drafts.append(Draft(Document.model_validate(part.data), part.warnings))
        except ValidationError as exc:
            first_error = exc.errors()[0]
            where = ".".join(str(x) for x in first_error["loc"])
            raise IngestError(
                f"{source}: the parsed document cannot be represented ({where}: "
                f"{first_error['msg']})"
            ) from None
    return drafts


def _parse_segment(
    body: list[str],
    cleaned: Cleaned,
    source: str,
    registry: ActorRegistry | None,
    index: int,
    as_paragraphs: bool,
) -> _Segment:
    header_lines, roots, trailing = _build_tree(body)
    if not roots:
        if not as_paragraphs:
            raise IngestError(
                f"{source}: no structure found (no 第X条, 第X章, 一、 or (一) labels); "
                "use --as-paragraphs to keep each paragraph as an article"
            )
        roots = [Block(LineKind.article, f"{i}", i, line) for i, line in enumerate(header_lines, 1)]
        header_lines = []
    article_mode = any(
        b.kind in (LineKind.chapter, LineKind.section, LineKind.article) for b in roots
    )
    out = _Out()
    sections = _walk(roots, (), out, registry, article_mode)
    nos = [a["no"] for a in out.articles]
    if len(set(nos)) != len(nos):
        out.warnings.append("article numbers repeat; numbered in reading order instead")
        for i, art in enumerate(out.articles, 1):
            art["no"] = i
    h = _read_header(header_lines)
    raw_title = h.title
    warnings = out.warnings
    if raw_title is None:
        raw_title = source.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        warnings.append(f"{source}: no title line found; using '{raw_title}', please edit")
    title = _title_of(raw_title)
    all_text = "\n".join(body)
    closing = "\n".join(trailing) or None
    issuers = h.issuers or _issuers_from_title(title)
    issued = h.dates[0] if h.dates else None
    for line in trailing:
        m = _PRINTED_BY.match(normalize(line))
        if m:
            issuers = issuers or [line[: len(m.group(1))]]
            issued = issued or _date(_DATE.search(line))
    published = None
    for line in cleaned.dropped:
        m = _ISO_DATE.search(line) or None
        d = _date(m)
        if d is None:
            dm = _DMY_DATE.match(line)
            if dm:
                d = _date(
                    re.match(r"(\d+)-(\d+)-(\d+)", f"{dm.group(3)}-{dm.group(2)}-{dm.group(1)}")
                )
        if d:
            published = d
            break
    effective = None
    m = _EFFECTIVE.search(normalize(all_text))
    if m:
        effective = _date(_DATE.search(m.group(1))) or (
            issued if re.search(r"印发|发布|公布", m.group(1)) else None
        )
    level, region = _guess_level_region(title)
    script = detect_script(all_text + "".join(header_lines))
    # drop the issuers before 关于, never a 关于 quoted inside 《》
    short = re.sub(r"^[^《》]*?(?:关于|關於)", "", title)
    data: dict[str, Any] = {
        "id": f"doc-{index + 1}",
        "title": title,
        "short_title": short,
        "issuers": issuers,
        "level": level,
        "region": region,
        "doc_number": h.doc_number,
        "issued": issued,
        "effective": effective,
        "published": published,
        "script": script,
        "source": source.rsplit("/", 1)[-1],
        "notice": "\n".join(h.notice) or None,
        "preamble": "\n".join(h.preamble) or None,
        "sections": sections,
        "articles": out.articles,
        "tasks": out.tasks,
        "closing": closing,
    }
    if raw_title != title:
        data["notice"] = "\n".join([raw_title, *([data["notice"]] if data["notice"] else [])])
    if registry is not None:
        for art in out.articles:
            art["actors"] = propose_actors(_join(art.get("title") or "", [art["text"]]), registry)
    return _Segment(data, warnings + [f"{source}: repeated title dropped: {x}" for x in h.dropped])
