"""The message catalogs: extract every text people read, update the .po files, compile the .mo.

python tools/catalogs.py           # extract, update locale/*/LC_MESSAGES/fupin.po, compile .mo
python tools/catalogs.py --check   # exit 1 when a catalog misses a message or a .mo is stale

What is extracted (by reading the code, so nothing has to be listed twice):
- `_("…")`, `N_("…")` and `ngettext("…", "…", n)` anywhere in the package;
- a table header: `Column("key")` shows the key, `Column("key", "header")` the header;
- a command's help: the docstring of every function that `@command` wraps in `cli/commands/`.

The .po files are the sources a translator edits; Babel compiles them into the .mo files that
are committed and shipped in the wheel (the standard library's `gettext` reads them, so
installing fupin needs neither Babel nor a build step). English is the language of the code:
its catalog holds each message as written unless a translator words it better.
"""

from __future__ import annotations

import ast
import inspect
import io
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "fupin_cli"
LOCALE = PACKAGE / "locale"
LANGUAGES = ("en", "zh")
MARKERS = {"_", "N_"}
STAMP = datetime(2026, 1, 1, tzinfo=UTC)

Found = tuple[str, str | None, str, int]  # msgid, plural, file, line


def _string(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else None


def _from_call(call: ast.Call) -> Iterator[tuple[str, str | None]]:
    name = _name(call.func)
    args = call.args
    if name in MARKERS and args and (text := _string(args[0])) is not None:
        yield text, None
    elif name == "ngettext" and len(args) >= 2:
        one, many = _string(args[0]), _string(args[1])
        if one is not None and many is not None:
            yield one, many
    elif name == "Column" and args and not _off_table(call):
        header = next((k.value for k in call.keywords if k.arg == "header"), None)
        text = _string(args[1] if len(args) > 1 else header or args[0])
        if text is not None:
            yield text, None


def _off_table(call: ast.Call) -> bool:
    """A column only the machine formats write: its header is never shown."""
    return any(
        k.arg == "table" and isinstance(k.value, ast.Constant) and k.value.value is False
        for k in call.keywords
    )


def unmarked_help(tree: ast.AST) -> Iterator[int]:
    """Lines where a `help=` is a bare string, which no catalog would ever see."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for kw in node.keywords:
                if kw.arg in ("help", "short_help", "epilog") and _string(kw.value) is not None:
                    yield node.lineno


def _command_docstrings(tree: ast.Module) -> Iterator[tuple[str, int]]:
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and any(
            _name(d) == "command" for d in node.decorator_list
        ):
            doc = ast.get_docstring(node, clean=False)
            if doc:
                yield inspect.cleandoc(doc), node.lineno


def extract() -> tuple[list[Found], list[str]]:
    """Every message of the package with where it is, and every bare `help=` string."""
    found: list[Found] = []
    bare: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), rel)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                found += [(m, p, rel, node.lineno) for m, p in _from_call(node)]
        if "cli/commands/" in rel:
            found += [(doc, None, rel, line) for doc, line in _command_docstrings(tree)]
        bare += [f"{rel}:{line}" for line in unmarked_help(tree)]
    return found, bare


def template(found: list[Found]) -> Catalog:
    pot = Catalog(
        project="fupin", domain="fupin", fuzzy=False, creation_date=STAMP, revision_date=STAMP
    )
    for msgid, plural, path, line in found:
        key: str | tuple[str, str] = msgid if plural is None else (msgid, plural)
        pot.add(key, locations=[(path, line)])
    return pot


def _po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "fupin.po"


def updated(lang: str, pot: Catalog) -> Catalog:
    """The catalog of `lang` brought up to the template (new messages empty, old ones kept
    out of the way as obsolete)."""
    path = _po_path(lang)
    if path.exists():
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=lang, domain="fupin")
    else:
        catalog = Catalog(locale=lang, domain="fupin", project="fupin", fuzzy=False)
    catalog.update(pot, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    catalog.revision_date = STAMP  # no clock in the files: --check compares them byte for byte
    if lang == "en":  # the code's own language: a message as written is its translation
        for message in catalog:
            if message.id and not any(_strings(message.string)):
                message.string = message.id
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, omit_header=False, sort_output=True, no_location=True)
    return buffer.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def _strings(value: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, tuple | list) else (value,)


def missing(catalog: Catalog) -> list[str]:
    """The messages `catalog` has no (non-fuzzy) translation for."""
    out = []
    for message in catalog:
        if not message.id:
            continue
        if message.fuzzy or not all(_strings(message.string)):
            out.append(message.id if isinstance(message.id, str) else message.id[0])
    return out


def main(argv: list[str]) -> int:
    check = "--check" in argv
    found, bare = extract()
    trouble = [f"{where}: help text not marked for translation (wrap it in _())" for where in bare]
    for lang in LANGUAGES:
        # a template of its own: Babel shares the template's messages with the catalog
        catalog = updated(lang, template(found))
        po, mo = po_bytes(catalog), mo_bytes(catalog)
        po_path = _po_path(lang)
        mo_path = po_path.with_suffix(".mo")
        if check:
            if not po_path.exists() or po_path.read_bytes() != po:
                trouble.append(f"{po_path}: not up to date with the code")
            if not mo_path.exists() or mo_path.read_bytes() != mo:
                trouble.append(f"{mo_path}: not compiled from {po_path.name}")
        else:
            po_path.parent.mkdir(parents=True, exist_ok=True)
            po_path.write_bytes(po)
            mo_path.write_bytes(mo)
        trouble += [f"{po_path}: no translation: {m!r}" for m in missing(catalog)]
    for line in trouble:
        print(line, file=sys.stderr)
    return 1 if trouble else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
