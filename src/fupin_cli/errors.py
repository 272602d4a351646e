"""Typed errors raised by the library.

The library only raises; it never prints and never exits. The CLI boundary
(`fupin_cli.cli.runtime`) turns each error into one sentence on stderr and an exit status.
"""

from __future__ import annotations

import errno
from collections.abc import Sequence
from pathlib import Path

from .i18n import N_, _

#: How many characters of a user's input a message quotes before it shortens the rest.
QUOTE_LIMIT = 60


def shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """`text` fit to quote in a one-line message: control characters escaped, and the middle
    of a long input left out with its length said (a 300 KB query must not fill a screen)."""
    flat = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)
    if len(flat) <= limit:
        return flat
    head = limit * 2 // 3
    length = _("({n:,} characters)").format(n=len(text))
    return f"{flat[:head]}…{flat[-(limit - head - 1) :]} {length}"


#: What the operating system says most often, in the reader's words (by errno).
_OS_PROBLEMS = {
    errno.ENOENT: N_("no such file or directory"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("operation not permitted"),
    errno.ENOTDIR: N_("not a directory"),
    errno.EISDIR: N_("is a directory"),
    errno.ENOSPC: N_("no space left on device"),
    errno.EROFS: N_("read-only file system"),
    errno.ELOOP: N_("too many levels of symbolic links"),
    errno.EEXIST: N_("file exists"),
    errno.EFBIG: N_("file too large"),
}


def os_problem(exc: OSError) -> str:
    """The operating system's reason, lower-case, in the reader's language when it is one of
    the common ones (the C library's English otherwise)."""
    known = _OS_PROBLEMS.get(exc.errno or -1)
    if known is not None:
        return _(known)
    return (exc.strerror or str(exc)).lower()


class FupinError(Exception):
    """Base of every error the library raises on purpose: something the user can mend."""


class DataError(FupinError):
    """A data file is unreadable or invalid; names the file, line and field."""

    def __init__(self, path: Path | str, line: int | None, field: str | None, message: str):
        self.path = Path(path)
        self.line = line
        self.field = field
        self.message = message
        super().__init__(self.location() + message)

    def location(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
        where += ": "
        if self.field:
            where += f"{self.field}: "
        return where


class DataErrors(FupinError):
    """Several data problems at once (validate lists them all)."""

    def __init__(self, errors: Sequence[DataError]):
        self.errors = list(errors)
        first = self.errors[0] if self.errors else None
        more = _(" (and {n} more)").format(n=len(self.errors) - 1) if len(self.errors) > 1 else ""
        super().__init__(f"{first}{more}")


class NotFound(FupinError):
    """A name given by the user matched nothing; carries close candidates for a suggestion."""

    unknown = N_('unknown name "{name}"')

    def __init__(self, name: str, candidates: Sequence[str] = (), hint: str | None = None):
        self.name = name
        self.candidates = list(candidates)
        msg = _(self.unknown).format(name=shorten(name))
        if self.candidates:
            msg += _("; did you mean {names}?").format(names=_(" or ").join(self.candidates[:3]))
        if hint:
            msg += f" {hint}"
        super().__init__(msg)


class UnknownDocument(NotFound):
    unknown = N_('unknown document "{name}"')


class UnknownReference(NotFound):
    unknown = N_('unknown reference "{name}"')


class UnknownActor(NotFound):
    unknown = N_('unknown actor "{name}"')


class AmbiguousActor(FupinError):
    """A part of a name that matches several actors; carries them for the message."""

    def __init__(self, name: str, candidates: Sequence[str]):
        self.name = name
        self.candidates = list(candidates)
        super().__init__(
            _('actor "{name}" is ambiguous; it matches {names}').format(
                name=shorten(name),
                names="、".join(self.candidates[:8]) + (" …" if len(self.candidates) > 8 else ""),
            )
        )


class IngestError(FupinError):
    """Raw text could not be turned into a document (empty, binary, no structure)."""


class InvalidQuery(FupinError):
    """A query argument that cannot be searched for (empty, no words, an unknown choice)."""


class CacheError(FupinError):
    """The index cache cannot be written or read where it must be."""


class OutputError(FupinError):
    """The output file cannot be written (a missing folder, no permission, a full disk)."""


class InputError(FupinError):
    """An argument or stdin that cannot be read as text (undecodable bytes, a closed stdin)."""


class AmbiguousDocument(FupinError):
    """A name that names several documents where one is needed; carries them (id, title)."""

    def __init__(self, name: str, candidates: Sequence[tuple[str, str]]):
        self.name = name
        self.candidates = list(candidates)
        listed = _("; ").join(
            _("{id} ({title})").format(id=i, title=title) for i, title in self.candidates
        )
        super().__init__(
            _('"{name}" names {n} documents: {listed}; give one id').format(
                name=name, n=len(self.candidates), listed=listed
            )
        )


class NothingSelected(FupinError):
    """The document filters (--doc, --region, --level) leave no document, so nothing can match:
    the CLI says so on stderr and exits 1 (nothing matched), not 2."""
