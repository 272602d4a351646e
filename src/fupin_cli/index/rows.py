"""Models to rows and back: the one place that knows how a document is laid out in the index.

An article's text is stored once, as the reader sees it (`Article.full_text`: lead-in, text and
items joined); its `fields` record the lengths that cut it back into title, text and items.
Every other field of a document, article or task is kept as compact JSON (`fields`), so fields
that the models gain pass through the index unchanged. Relations live in their own table (the
chain queries filter on them).

The JSON is deflated with a preset dictionary of the words it repeats (the models' field names
and the registry's unit names; `FieldCodec`), which keeps the index near the size of its
YAML; the dictionary is stored in ``meta``.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ..normalize import fold

if TYPE_CHECKING:
    from ..models import Article, Document, Relation, Task

#: The fields of a task or an article that name actors, by the role they give them.
ROLE_FIELDS: dict[str, tuple[str, ...]] = {
    "task": ("lead", "responsible", "co"),
    "article": ("actors",),
}
#: How a unit named in a role is held (the `roles.held` column).
REGISTERED, AS_WRITTEN, GENERIC = 0, 1, 2
_DOC_TEXT = ("notice", "preamble", "closing", "articles", "tasks")
_ARTICLE_OWN = {"no", "label", "title", "text", "items", "relations"}
_RELATION_COLUMNS = ("from", "relation", "to", "degree", "phrase")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class FieldCodec:
    """Compact JSON deflated with a preset dictionary (raw deflate, so no header per row)."""

    def __init__(self, dictionary: bytes) -> None:
        self.dictionary = dictionary[-32768:]  # deflate's window
        self._compressor = zlib.compressobj(
            6, zlib.DEFLATED, -15, 4, zlib.Z_DEFAULT_STRATEGY, self.dictionary
        )

    @staticmethod
    def primer(names: Iterable[str]) -> bytes:
        """The dictionary: the models' field names, then the unit names (most frequent last)."""
        from .. import models

        keys = {
            key
            for model in (models.Document, models.Article, models.Item, models.Task)
            for key in model.model_fields
        }
        words = [f'"{k}":' for k in sorted(keys)] + ['"_title":', '"_text":', '"_items":']
        words += [f'"{n}",' for n in dict.fromkeys(names)]
        return "".join(words).encode()

    def encode(self, value: Any) -> bytes:
        c = self._compressor.copy()
        return c.compress(dumps(value).encode()) + c.flush()

    def decode(self, blob: bytes | None) -> dict[str, Any]:
        if not blob:
            return {}
        d = zlib.decompressobj(-15, self.dictionary)
        data: dict[str, Any] = json.loads(d.decompress(blob) + d.flush())
        return data


class DocumentRows(NamedTuple):
    """What one document contributes to the index (built in a worker process)."""

    doc: tuple[Any, ...]
    keys: list[tuple[str, str, int]]
    units: list[tuple[Any, ...]]  # seq, kind, no, ref, text, flen, actors, items, fields, chars
    roles: list[tuple[str, str, str, int, int]]  # actor, role, doc, unit seq, held
    relations: list[tuple[Any, ...]]
    links: list[tuple[Any, ...]]
    citations: list[Any]  # extract.citations.Found
    terms: Any = None  # index.terms.TermRows

    @property
    def id(self) -> str:
        return str(self.doc[0])


def article_fields(art: Article) -> dict[str, Any]:
    """Everything of an article but its text, with the lengths that cut the text back."""
    out: dict[str, Any] = art.model_dump(mode="json", exclude=_ARTICLE_OWN, exclude_defaults=True)
    out["_title"] = None if art.title is None else len(art.title)
    out["_text"] = len(art.text)
    if art.items:
        out["_items"] = [
            {
                **item.model_dump(mode="json", exclude={"label", "text"}),
                "_label": len(item.label),
                "_text": len(item.text),
            }
            for item in art.items
        ]
    return out


def _cut(text: str, lengths: Sequence[int]) -> list[str]:
    """Split a text joined with "\\n" (empty parts left out) back into parts of these lengths."""
    parts: list[str] = []
    pos = 0
    started = False
    for n in lengths:
        if n == 0:
            parts.append("")
            continue
        if started:
            pos += 1  # the line break between two parts
        parts.append(text[pos : pos + n])
        pos += n
        started = True
    return parts


def article_data(
    no: int, label: str, text: str, fields: Mapping[str, Any], relations: Iterable[Any]
) -> dict[str, Any]:
    """The data of an `Article` from its row (validate it with `Article.model_validate`)."""
    data = {k: v for k, v in fields.items() if not k.startswith("_")}
    title_len = fields.get("_title")
    items = fields.get("_items", [])
    head = (title_len or 0) + int(fields.get("_text", 0))
    parts = _cut(text, [head, *(i["_label"] + i["_text"] for i in items)])
    data["title"] = None if title_len is None else parts[0][:title_len]
    data["text"] = parts[0][title_len or 0 :]
    data["items"] = [
        {
            **{k: v for k, v in item.items() if not k.startswith("_")},
            "label": part[: item["_label"]],
            "text": part[item["_label"] :],
        }
        for item, part in zip(items, parts[1:], strict=True)
    ]
    data.update(no=no, label=label, relations=list(relations))
    return data


def item_starts(text: str, fields: Mapping[str, Any]) -> list[tuple[int, str]]:
    """Where each item of an article starts in its text, with the item's label as written."""
    items = fields.get("_items", [])
    if not items:
        return []
    head = (fields.get("_title") or 0) + int(fields.get("_text", 0))
    pos = head + 1 if head else 0
    out = []
    for item in items:
        n = item["_label"] + item["_text"]
        if n:
            out.append((pos, text[pos : pos + item["_label"]]))
            pos += n + 1
    return out


def relation_row(doc_id: str, unit: int, article: int, seq: int, rel: Relation) -> tuple[Any, ...]:
    data = rel.model_dump(mode="json", by_alias=True)
    return (doc_id, unit, article, seq, *(data.get(c) for c in _RELATION_COLUMNS))


def relation_data(row: Sequence[Any]) -> dict[str, Any]:
    """The data of a `Relation` from the last five columns of a `relations` row."""
    return {
        k: v for k, v in zip(_RELATION_COLUMNS, row[-5:], strict=True) if v is not None or k == "to"
    }


def task_fields(task: Task) -> dict[str, Any]:
    """Everything of a task but its text, number and path (the row's columns)."""
    out: dict[str, Any] = task.model_dump(
        mode="json", exclude={"text", "no", "path"}, exclude_defaults=True
    )
    return out


def _unit(
    codec: FieldCodec,
    seq: int,
    kind: str,
    no: int | None,
    ref: str,
    text: str,
    actors: bool,
    fields: Any,
) -> tuple[Any, ...]:
    folded = fold(text)
    items = len(fields.get("_items", ())) if fields else 0
    return (
        seq,
        kind,
        no,
        ref,
        text,
        len(folded),
        int(actors),
        items,
        None if fields is None else codec.encode(fields),
        " ".join(folded),
    )


def document_rows(doc: Document, path: str, codec: FieldCodec) -> DocumentRows:
    """The rows of one validated document."""
    from ..extract.citations import find_citations
    from ..levels import LEVEL_ORDER
    from .terms import term_rows

    date = doc.issued or doc.effective or doc.published
    fields = doc.model_dump(
        mode="json", by_alias=True, exclude=set(_DOC_TEXT), exclude_defaults=True
    )
    units: list[tuple[Any, ...]] = []
    roles: list[tuple[str, str, str, int, int]] = []
    relations: list[tuple[Any, ...]] = []
    termed: list[tuple[int, Any]] = []  # articles and tasks with their seq
    for kind, text in (("notice", doc.notice), ("preamble", doc.preamble)):
        if text:
            units.append(_unit(codec, len(units), kind, None, "", text, False, None))
    for sec in _with_text(fields.get("sections", ())):
        # paragraphs under a heading that belong to no item (一、总体要求 …), searchable
        text = sec.pop("text")
        sec["_unit"] = 1
        label = sec["label"] or sec["title"]
        units.append(_unit(codec, len(units), "section", None, label, text, False, None))
    for art in doc.articles:
        seq = len(units)
        termed.append((seq, art))
        units.append(
            _unit(
                codec,
                seq,
                "article",
                art.no,
                art.label,
                art.full_text,
                bool(art.actors),
                article_fields(art),
            )
        )
        roles += [(name, "actors", doc.id, seq, REGISTERED) for name in art.actors]
        relations += [relation_row(doc.id, seq, art.no, i, r) for i, r in enumerate(art.relations)]
    for task in doc.tasks:
        seq = len(units)
        termed.append((seq, task))
        units.append(
            _unit(codec, seq, "task", task.no, task.path, task.text, True, task_fields(task))
        )
        generic, unknown = set(task.generic), set(task.unknown)
        for role in ROLE_FIELDS["task"]:
            roles += [
                (
                    name,
                    role,
                    doc.id,
                    seq,
                    GENERIC if name in generic else AS_WRITTEN if name in unknown else REGISTERED,
                )
                for name in getattr(task, role)
            ]
    if doc.closing:
        units.append(_unit(codec, len(units), "closing", None, "", doc.closing, False, None))
    links = [
        (doc.id, link.target, link.relation, link.article, link.phrase, 1, seq)
        for seq, link in enumerate((*doc.based_on, *doc.cites))
    ]
    row = (
        doc.id,
        len(units),
        doc.level.value,
        LEVEL_ORDER[doc.level],
        doc.region,
        date.isoformat() if date else None,
        doc.title,
        doc.short_title,
        dumps(list(doc.aliases)),
        doc.doc_number,
        doc.script.value,
        len(doc.articles),
        len(doc.tasks),
        int(doc.accountability is not None),
        path,
        codec.encode(fields),
    )
    # a document is named by its id, its aliases, and its title as printed (a user's own
    # documents have ids like doc-3f2a…, their titles are what a reader knows them by)
    names = dict.fromkeys(fold(k) for k in (doc.id, *doc.aliases, doc.title, doc.short_title))
    keys = [(key, doc.id, rank) for rank, key in enumerate(names) if key]
    return DocumentRows(
        row, keys, units, roles, relations, links, find_citations(doc), term_rows(doc, termed)
    )


def document_data(
    fields: Mapping[str, Any],
    units: Iterable[Sequence[Any]],
    relations: Mapping[int, list[dict[str, Any]]],
) -> dict[str, Any]:
    """The data of a `Document` from its fields, its units (seq, kind, no, ref, text, decoded
    fields) and its relations by unit seq."""
    data = dict(fields)
    articles: list[dict[str, Any]] = []
    tasks: list[dict[str, Any]] = []
    section_texts = []
    for seq, kind, no, ref, text, extra in units:
        if kind == "section":
            section_texts.append(text)
        elif kind == "article":
            articles.append(article_data(no, ref, text, extra, relations.get(seq, [])))
        elif kind == "task":
            tasks.append({**extra, "no": no, "path": ref, "text": text})
        else:
            data[kind] = text
    data["articles"] = articles
    data["tasks"] = tasks
    for sec, text in zip(_with_text(data.get("sections", ())), section_texts, strict=True):
        del sec["_unit"]
        sec["text"] = text
    return data


def _with_text(sections: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The sections (as data, depth first) that hold text of their own: its unit's place."""
    for sec in sections:
        if sec.get("text") or sec.get("_unit"):
            yield sec
        yield from _with_text(sec.get("sections", ()))
