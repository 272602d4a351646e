"""YAML -> models, one file at a time. Every problem is reported with its file, line and field.

Files are read with libyaml's CSafeLoader when it is installed. Line numbers are only needed
when something is wrong, so the node tree that carries them is built only then.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import DataError, DataErrors, os_problem, shorten
from .i18n import N_, _
from .models import Actor, Document, Reference

#: A YAML syntax error, with the parser's own words for the problem.
INVALID_YAML = N_("invalid YAML: {problem}")

__all__ = [
    "line_of",
    "load_actors",
    "load_document",
    "load_references",
    "read_yaml",
    "validation_errors",
]

try:  # pragma: no cover - depends on how PyYAML was built
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader  # type: ignore[assignment]


#: The longest text one YAML value may hold, in characters: more than any article or
#: preamble of a real document (the longest of 3,420 laws is under 20,000), well below what
#: would exhaust memory when a damaged file is read.
MAX_SCALAR = 1_000_000


class _Loader(SafeLoader):
    """YAML 1.2 booleans only: a key written `no:` (article number) must stay the string no.

    A key given twice in one mapping is refused (YAML forbids it, and PyYAML would keep the
    last value silently), and so is a value longer than `MAX_SCALAR`; both with their line.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
        seen: dict[object, int] = {}
        for key_node, _value in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                raise _Refused(
                    line,
                    _("key '{key}' given twice (also on line {line})").format(
                        key=shorten(key), line=seen[key]
                    ),
                )
            seen[key] = line
        return super().construct_mapping(node, deep=deep)

    def construct_scalar(self, node: yaml.ScalarNode | yaml.MappingNode) -> Any:
        value = super().construct_scalar(node)
        if isinstance(value, str) and len(value) > MAX_SCALAR:
            raise _Refused(
                node.start_mark.line + 1,
                _("a value of {n:,} characters, over the limit of {limit:,}").format(
                    n=len(value), limit=MAX_SCALAR
                ),
            )
        return value


class _Refused(Exception):
    """What `_Loader` refuses, with the line; `read_yaml` turns it into a DataError."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


M = TypeVar("M", bound=BaseModel)


def read_yaml(path: Path, text: str | None = None) -> Any:
    """Parse one YAML file; a syntax error becomes a DataError with the line."""
    if text is None:
        text = read_text(path)
    nul = text.find("\x00")
    if nul >= 0:
        raise DataError(
            path,
            text.count("\n", 0, nul) + 1,
            None,
            _("a NUL byte: this is not a text file (or it is damaged)"),
        )
    try:
        return yaml.load(text, Loader=_Loader)
    except _Refused as exc:
        raise DataError(path, exc.line, None, exc.message) from None
    except RecursionError:
        raise DataError(path, None, None, _("invalid YAML: nested too deeply")) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise DataError(
            path, line, None, _(INVALID_YAML).format(problem=exc.problem or exc)
        ) from exc
    except yaml.YAMLError as exc:
        raise DataError(path, None, None, _(INVALID_YAML).format(problem=exc)) from exc


def line_of(text: str, loc: Iterable[int | str]) -> int | None:
    """Line (1-based) of the YAML node at `loc`, or of the deepest ancestor that exists."""
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == key), None)
            if match is None:
                # an unknown or missing key: point at the key itself when it is there
                key_node = next((k for k, _ in node.value if k.value == key), None)
                return key_node.start_mark.line + 1 if key_node is not None else line
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
            if key >= len(node.value):
                return line
            node = node.value[key]
        else:
            return line
        line = node.start_mark.line + 1
    return line


def _field_name(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def validation_errors(
    path: Path, text: str, exc: ValidationError, prefix: tuple[int | str, ...] = ()
) -> list[DataError]:
    """Turn pydantic's errors into DataErrors that name file, line and field."""
    out = []
    for err in exc.errors():
        loc = prefix + tuple(err["loc"])
        out.append(DataError(path, line_of(text, loc), _field_name(loc), err["msg"]))
    return out


def _validate(model: type[M], path: Path, text: str, raw: Any, prefix: tuple[int | str, ...]) -> M:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise DataErrors(validation_errors(path, text, exc, prefix)) from None


def read_text(path: Path) -> str:
    """A data file's text (UTF-8, as `fupin ingest` writes it).

    Raises:
        DataError: the file is missing or unreadable, or not UTF-8 (with the line and offset).
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(path, None, None, _("file not found")) from None
    except OSError as exc:
        raise DataError(
            path,
            None,
            None,
            _("cannot read file ({problem})").format(problem=os_problem(exc)),
        ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DataError(
            path,
            line,
            None,
            _("not UTF-8 (byte 0x{byte:02x} at offset {offset}); save the file as UTF-8").format(
                byte=data[exc.start], offset=exc.start
            ),
        ) from None


def load_document(path: Path) -> Document:
    """Read and validate one document file."""
    text = read_text(path)
    raw = read_yaml(path, text)
    if not isinstance(raw, dict):
        raise DataError(path, 1, None, _("a document file must hold a mapping of fields"))
    return _validate(Document, path, text, raw, ())


def _load_list(path: Path, key: str, model: type[M]) -> list[M]:
    text = read_text(path)
    raw = read_yaml(path, text)
    if not isinstance(raw, dict) or not isinstance(raw.get(key), list):
        raise DataError(
            path, 1, key, _("expected a mapping with a list under '{key}'").format(key=key)
        )
    items: list[M] = []
    errors: list[DataError] = []
    for i, entry in enumerate(raw[key]):
        try:
            items.append(_validate(model, path, text, entry, (key, i)))
        except DataErrors as exc:
            errors.extend(exc.errors)
    if errors:
        raise DataErrors(errors)
    return items


def load_actors(path: Path) -> list[Actor]:
    return _load_list(path, "actors", Actor)


def load_references(path: Path) -> list[Reference]:
    return _load_list(path, "references", Reference)
