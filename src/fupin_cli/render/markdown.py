"""A comparison as a Markdown table, for issues and wikis (GitHub, GitLab, Gitea flavours).

The same rows as the page (`render.comparison`): deletions as <del>, insertions as <ins>
(Markdown has no insertion mark, and `**` next to Chinese punctuation often fails to render),
every text from a document escaped for Markdown and for the HTML a renderer lets through.
"""

from __future__ import annotations

import re

from .comparison import Cell, Comparison, Row

#: What starts inline markup in a table cell (GitHub: `$` starts maths, `~` strikes through).
_SPECIAL = re.compile(r"([\\`*_\[\]|~$])")


def escape(text: str) -> str:
    """Text that a Markdown table cell shows as written: no markup, no HTML, no cell break."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    return text.replace("\r", "").replace("\n", "<br>")


def _cell(cell: Cell | None, comparison: Comparison) -> str:
    if cell is None:
        return ""
    label = escape(f"{cell.doc} {cell.label}" if comparison.kind == "trace" else cell.label)
    parts = [f"**{label}**", " "]
    for mark, piece in cell.pieces:
        text = escape(piece)
        parts.append(
            f"<del>{text}</del>"
            if mark == "delete"
            else f"<ins>{text}</ins>"
            if mark == "insert"
            else text
        )
    return "".join(parts)


def _notes(row: Row, comparison: Comparison) -> str:
    notes = []
    if row.similarity is not None:
        notes.append(f"{row.similarity:.2f}")
    notes.append(escape(comparison.status_of(row)))
    if row.moved and row.right is not None:
        notes.append(escape(f"moved: {row.right.label} stands elsewhere in {row.right.doc}"))
    if row.relation:
        notes.append(escape(row.relation))
    for label in row.labels:
        notes.append(escape(f"{label.name}: {label.detail}" if label.detail else label.name))
    return "<br>".join(notes)


def render_markdown(comparison: Comparison) -> str:
    """The comparison as a heading, the documents, a summary line and one table."""
    lines = [f"## {escape(comparison.heading)}", ""]
    for doc in comparison.documents:
        facts = [doc.title, "、".join(doc.issuers), doc.doc_number, doc.effective or doc.issued]
        lines.append(f"- `{doc.id}`: " + escape(", ".join(f for f in facts if f)))
    left, right = (escape(name) for name in comparison.columns)
    lines += [
        "",
        escape(comparison.relation),
        "",
        " · ".join(f"{n} {escape(what)}" for what, n in comparison.summary),
        "",
        f"| {left} | {right} | similarity, changes |",
        "|---|---|---|",
    ]
    for row in comparison.rows:
        if row.kind == "place":
            assert row.right is not None
            place = escape(
                f"{row.right.label} stands here; shown beside {comparison.columns[0]} "
                f"{row.partner} below"
            )
            lines.append(f"| | *{place}* | |")
            continue
        left, right = _cell(row.left, comparison), _cell(row.right, comparison)
        lines.append(f"| {left} | {right} | {_notes(row, comparison)} |")
    lines += ["", f"Made by `{comparison.command}`: <del>deleted</del>, <ins>inserted</ins>."]
    return "\n".join(lines) + "\n"
