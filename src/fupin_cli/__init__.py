"""fupin: Chinese poverty-alleviation responsibility rules as structured, validated data.

The public verbs follow the pipeline: load a corpus, then ask it questions::

    from fupin_cli import load_corpus, who_leads
    hits = who_leads(load_corpus(), ["饮水安全"])

Names are resolved lazily (PEP 562) so that `fupin --help` does not pay for pydantic.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "load_corpus": "corpus",
    "Corpus": "corpus",
    "normalize": "normalize",
    "who_leads": "query.responsibility",
    "duties": "query.responsibility",
    "actor_loads": "query.responsibility",
    "responsibility_matrix": "query.responsibility",
    "parse_text": "ingest.parse",
    "ingest_text": "ingest.pipeline",
    "build_graph": "graph",
    "lineage": "graph",
    "align": "align",
    "diff_documents": "diff",
    "trace": "query.trace",
    "search": "query.search",
    "Level": "levels",
    "Document": "models",
    "Article": "models",
    "Task": "models",
    "Section": "models",
    "Actor": "models",
    "Reference": "models",
    "Link": "models",
    "Relation": "models",
    "FupinError": "errors",
    "DataError": "errors",
    "UnknownDocument": "errors",
    "UnknownActor": "errors",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'fupin_cli' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
