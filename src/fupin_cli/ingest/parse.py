"""Raw policy text -> Document drafts: structure, articles, tasks, and the metadata given.

`parse_text` runs, in order: cleaning (`clean`), task tables set aside (`tables`), a covering
notice carved off (`header.carve_notice`), a table of contents set aside and the file split
into the documents it prints (`outline`); then, per document, the header (`header`), the
tree of labelled blocks (`outline.build_tree`) and the walk (`walk`), which turns blocks
into sections, articles and tasks (`tasks`) and keeps what follows the body as its closing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ..corpus import ActorRegistry
from ..errors import IngestError
from ..extract.actors import propose_actors
from ..extract.assignments import find_convention
from ..extract.dates import doc_number_line, find_dates
from ..extract.jurisdiction import jurisdiction
from ..extract.structure import LineKind
from ..extract.validity import effective_date
from ..i18n import _
from ..models import Document
from .clean import Cleaned, clean
from .decode import EMPTY
from .header import (
    Notice,
    carve_notice,
    headline_title,
    is_title_like,
    issuers_from_title,
    notice_metadata,
    printed_by,
    read_events,
    read_header,
    signature,
)
from .outline import Block, build_tree, segments, split_contents
from .tables import Table, table_index
from .tasks import Convention, task_fields
from .walk import Walk, closing_like, join, number_headings, take_closing

__all__ = ["Draft", "detect_script", "is_title_like", "parse_text"]


@dataclass
class Draft:
    """One parsed document (with a provisional id, doc-N) and what the parser warns about."""

    document: Document
    warnings: list[str]


#: How many Han characters `detect_script` looks at: a document keeps one script, and
#: converting all of a long one twice was a fifth of the time `ingest` took.
SCRIPT_SAMPLE = 5_000


def detect_script(text: str) -> str:
    """traditional when more characters change under t2s than under s2t (on an evenly
    spread sample of at most `SCRIPT_SAMPLE` Han characters)."""
    han = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
    if len(han) > SCRIPT_SAMPLE:
        han = han[:: -(-len(han) // SCRIPT_SAMPLE)]
    if not han:
        return "simplified"
    t2s = _converter("t2s").convert(han)
    s2t = _converter("s2t").convert(han)
    trad = sum(a != b for a, b in zip(han, t2s, strict=False))
    simp = sum(a != b for a, b in zip(han, s2t, strict=False))
    return "traditional" if trad > simp else "simplified"


_CONVERTERS: dict[str, Any] = {}


def _converter(name: str) -> Any:
    if name not in _CONVERTERS:
        import opencc

        _CONVERTERS[name] = opencc.OpenCC(name)
    return _CONVERTERS[name]


# ---------------------------------------------------------------------------------------------
# one document


@dataclass
class _Context:
    """What every document of one file shares."""

    source: str
    registry: ActorRegistry | None
    cleaned: Cleaned
    tables: list[Table]
    notice: Notice | None
    contents: list[str]
    as_paragraphs: bool
    region: str | None
    level: str | None


def _parse_segment(body: list[str], ctx: _Context, index: int) -> tuple[dict[str, Any], list[str]]:
    tree = build_tree(body)
    wanted = ctx.notice.titles if ctx.notice else []
    head_closing: list[str] = []
    if not tree.roots:  # a header and tables only: its signature-like end is the closing
        keep = len(tree.header)
        while keep > 1 and closing_like(tree.header[keep - 1]):
            keep -= 1
        if any(table_index(x) is not None for x in tree.header[:keep]) or keep > 1:
            tree.header, head_closing = tree.header[:keep], tree.header[keep:]
    h = read_header(tree.header, wanted)
    if index == 0 and ctx.notice is not None:
        notice_metadata(ctx.notice, h)
    warnings: list[str] = []
    raw_title = h.title
    if raw_title is None and wanted and index < len(wanted):
        raw_title = wanted[index]
    if raw_title is None:
        raw_title = ctx.source.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        warnings.append(
            _("{source}: no title line found; using '{title}', please edit").format(
                source=ctx.source, title=raw_title
            )
        )
    title = headline_title(raw_title)
    closing_lines, closing_tables = take_closing(tree.roots, tree.article_mode)
    closing_lines = closing_lines or head_closing
    signers, signed = signature(closing_lines)
    issuers = h.issuers or signers or issuers_from_title(title)
    issued = h.dates[0] if h.dates else signed
    for line in closing_lines:
        found = printed_by(line)
        if found:
            issuers = issuers or [found[0]]
            issued = issued or found[1]
    events = read_events(h.history)
    issued = issued or events.issued
    if not h.doc_number:
        h.doc_number = next((n for x in closing_lines if (n := doc_number_line(x))), None)
    place = jurisdiction(issuers=issuers, title=title, history=h.history)
    level = ctx.level or place.level.value
    region = ctx.region or place.region
    registry = ctx.registry.within(region) if ctx.registry is not None else None
    parts_hold_items = any(b.kind == LineKind.part and b.children for b in _all_blocks(tree.roots))
    walk = Walk(registry, ctx.tables, tree.article_mode, parts_hold_items)
    h.notice = walk.text_lines(h.notice, ())
    h.preamble = walk.text_lines(h.preamble, ())
    for line in h.preamble:  # labelled paragraphs before any outline label
        walk.inline_tasks(line, (), "")
    sections = walk.walk(tree.roots, ())
    for table, heading in closing_tables:  # an attachment's table: its title is its section
        walk.table_tasks(ctx.tables[table], (heading,))
    number_headings(sections)
    if not tree.roots and not walk.sources:
        if not ctx.as_paragraphs:
            raise IngestError(
                _(
                    "{source}: no structure found (no 第X条, 第X章, 一、 or (一) labels, "
                    "and no 牵头单位 / 责任单位); use --as-paragraphs to keep each paragraph as "
                    "an article"
                ).format(source=ctx.source)
            )
        walk.articles = [
            {"no": i, "label": f"{i}", "text": line, "items": [], "section": []}
            for i, line in enumerate([*([h.title] if h.title else []), *h.preamble], 1)
        ]
        h.preamble = []
    _renumber(walk.articles)
    all_text = "\n".join(body)
    convention = _document_convention([*h.notice, *h.preamble, *closing_lines])
    tasks = []
    for no, src in enumerate(walk.sources, 1):
        tasks.append({"no": no, **task_fields(src, registry, convention, warnings)})
        convention = src.convention or convention  # stated in a task: from there on (下同)
    script = detect_script(all_text)
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
        "effective": events.effective or effective_date(all_text, issued),
        "published": _published(ctx.cleaned),
        "script": script,
        "source": ctx.source.rsplit("/", 1)[-1],
        "notice": "\n".join(h.notice) or None,
        "amended": list(events.amended),
        "history": h.history,
        "contents": ctx.contents if index == 0 else [],
        "preamble": "\n".join(h.preamble) or None,
        "sections": sections,
        "articles": walk.articles,
        "tasks": tasks,
        "closing": "\n".join(closing_lines) or None,
    }
    if raw_title != title:
        data["notice"] = "\n".join([raw_title, *([data["notice"]] if data["notice"] else [])])
    if registry is not None:
        for art in walk.articles:
            art["actors"] = propose_actors(join(art.get("title") or "", art["text"]), registry)
    warnings += walk.warnings
    warnings += [
        _("{source}: repeated title dropped: {title}").format(source=ctx.source, title=x)
        for x in h.dropped
    ]
    return data, warnings


def _all_blocks(blocks: list[Block]) -> list[Block]:
    out = []
    for b in blocks:
        out.append(b)
        out += _all_blocks(b.children)
    return out


def _document_convention(lines: list[str]) -> Convention | None:
    for line in lines:
        sentence = find_convention(line)
        if sentence:
            return Convention.read(sentence, line)
    return None


def _renumber(articles: list[dict[str, Any]]) -> None:
    """Numbers that repeat (an outline whose items restart under each heading) give way to
    the reading order; an inserted 第X条之一 keeps its article's number."""
    nos = [(a["no"], "之" in a["label"]) for a in articles]
    plain = [no for no, inserted in nos if not inserted]
    if len(set(plain)) != len(plain):
        for i, art in enumerate(articles, 1):
            art["no"] = i


def _published(cleaned: Cleaned) -> dt.date | None:
    """The date a web page says it published the text (in the debris it was cleaned of)."""
    for line in cleaned.dropped:
        found = find_dates(line)
        if found:
            return found[0].date
        m = re.match(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})\b", line)
        if m:
            try:
                return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                continue
    return None


# ---------------------------------------------------------------------------------------------
# public entry point


def parse_text(
    text: str,
    *,
    source: str = "<stdin>",
    registry: ActorRegistry | None = None,
    as_paragraphs: bool = False,
    region: str | None = None,
    level: str | None = None,
) -> list[Draft]:
    """Parse one raw text into document drafts (one per document printed in it).

    Args:
        text: the text as read.
        source: the file name, for messages and the documents' `source`.
        registry: the actors to recognise; each document uses those of its own region.
        as_paragraphs: keep each paragraph as an article when no structure is found.
        region, level: what to record where the text does not say (or says otherwise).

    Raises:
        IngestError: the text is empty, or no structure is found and `as_paragraphs` is False.
    """
    if not text or not text.strip():
        raise IngestError(_(EMPTY).format(source=source))
    cleaned: Cleaned = clean(text)
    if not cleaned.lines:
        raise IngestError(
            _("{source}: nothing is left after removing web-page debris").format(source=source)
        )
    tables = cleaned.tables
    notice, rest = carve_notice(cleaned.lines)
    contents, rest = split_contents(rest)
    bodies = segments(rest) or [[]]
    ctx = _Context(
        source, registry, cleaned, tables, notice, contents, as_paragraphs, region, level
    )
    parts = [_parse_segment(body, ctx, n) for n, body in enumerate(bodies)]
    first = parts[0][0]
    for part, _warnings in parts[1:]:  # measures printed in one notice share its number and date
        for key in ("doc_number", "issued", "issuers"):
            if not part.get(key) and first.get(key):
                part[key] = first[key]
    if cleaned.dropped:
        parts[0][1].append(
            _("{source}: dropped {n} line(s) of web-page debris: {lines}").format(
                source=source,
                n=len(cleaned.dropped),
                lines=" | ".join(x[:40] for x in cleaned.dropped[:8]),
            )
        )
    drafts = []
    for data, warnings in parts:
        try:
            drafts.append(Draft(Document.model_validate(data), warnings))
        except ValidationError as exc:
            first_error = exc.errors()[0]
            where = ".".join(str(x) for x in first_error["loc"])
            raise IngestError(
                f"{source}: the parsed document cannot be represented ({where}: "
                f"{first_error['msg']})"
            ) from None
    return drafts
