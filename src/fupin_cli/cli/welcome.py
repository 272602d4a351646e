"""`fupin` alone: what it holds and five questions to start from, instead of a wall of help."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..i18n import N_, _, ngettext
from .help import definitions, page_width

#: Five commands that answer real questions on the bundled documents, and the question each asks.
EXAMPLES = (
    ("fupin who-leads 饮水安全", N_("Who leads the drinking-water tasks?")),
    ("fupin duties 省交通厅", N_("What is the transport department responsible for?")),
    ("fupin show central 14", N_("Article 14 of the central rule.")),
    ("fupin diff central weiyuan", N_("How does Weiyuan's rule differ from the central one?")),
    ("fupin trace weiyuan 9", N_("Which superior article does this one come from?")),
)


def welcome() -> None:
    """Print the documents of the data folder in use and five example commands."""
    from ..corpus import load_corpus
    from ..query.documents import document_summaries

    data = os.environ.get("FUPIN_DATA")
    rows = document_summaries(load_corpus(Path(data) if data else None))
    width = page_width()
    lines = [
        _("fupin: Chinese policy documents as data."),
        "",
        ngettext("{n} document:", "{n} documents:", len(rows)).format(n=len(rows)),
        *definitions(
            [
                (r["id"], f"{r.get('short_title') or r['title']} ({str(r['date'])[:4]})")
                for r in rows
            ],
            width,
        ),
        "",
        _("Five questions to start with:"),
        *definitions([(cmd, _(question)) for cmd, question in EXAMPLES], width),
        "",
        _("`fupin --help` lists every command; `fupin COMMAND --help` explains one."),
    ]
    sys.stdout.write("\n".join(lines) + "\n")
