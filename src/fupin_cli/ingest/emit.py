"""Documents -> YAML text that a person can review and edit (Chinese unescaped, block text)."""

from __future__ import annotations

from typing import Any

import yaml

from ..models import Document

try:  # pragma: no cover
    from yaml import CSafeDumper as SafeDumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper  # type: ignore[assignment]


class _Dumper(SafeDumper):
    """Writes multi-line text as literal blocks, so a reviewer reads it as printed."""


def _str(dumper: _Dumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def document_data(doc: Document) -> dict[str, Any]:
    """The document as plain data, defaults left out so the file stays short."""
    data: dict[str, Any] = doc.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    return data


def dump_yaml(data: Any) -> str:
    return str(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100000))


def dump_document(doc: Document) -> str:
    return dump_yaml(document_data(doc))
