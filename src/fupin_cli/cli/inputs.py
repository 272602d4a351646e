"""What the user typed or piped, as text: arguments and stdin in any bytes, empty queries refused.

Python hands over arguments that are not valid in the locale's encoding with the bad bytes as
lone surrogates (PEP 383), and a normaliser that meets one crashes. Here every argument and
stdin are read as UTF-8, else as GB18030 (what a GBK terminal or file sends) with a note, else
refused with the offset of the first bad byte.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

from ..errors import InputError, InvalidQuery, shorten
from ..i18n import N_, _

Notify = Callable[[str], None]
#: What `-` reads by default, named in the message when stdin holds none.
QUERY = N_("query")


def _has_surrogates(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def decode_bytes(data: bytes, what: str, notify: Notify, *, quote: bool = False) -> str:
    """`data` as UTF-8, else as GB18030 (saying so through `notify`); `quote` puts (the
    start of) `data` in the messages, as read or as escaped bytes.

    Raises:
        InputError: neither decodes; names the byte offset where UTF-8 reading stopped.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first = exc
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        line = data.count(b"\n", 0, first.start) + 1
        if quote:
            what = _("{what} ({text})").format(
                what=what, text=shorten(data.decode("utf-8", "backslashreplace"))
            )
        raise InputError(
            _(
                "{what} is neither UTF-8 nor GB18030 (byte 0x{byte:02x} at offset {offset}, "
                "line {line}); convert it to UTF-8 (iconv -t UTF-8)"
            ).format(what=what, byte=data[first.start], offset=first.start, line=line)
        ) from None
    if quote:
        what = _("{what} ({text})").format(what=what, text=shorten(text))
    notify(_("Note: {what} is not UTF-8; read it as GB18030").format(what=what))
    return text


def decode_argv(args: Sequence[str], notify: Notify) -> list[str]:
    """The arguments as text. One that names an existing file is kept byte for byte (as the
    operating system gave it), so that a file with a non-UTF-8 name can still be opened."""
    out: list[str] = []
    for i, arg in enumerate(args, start=1):
        if not _has_surrogates(arg) or os.path.lexists(arg):
            out.append(arg)
            continue
        out.append(
            decode_bytes(os.fsencode(arg), _("argument {n}").format(n=i), notify, quote=True)
        )
    return out


def stdin_bytes() -> bytes:
    """All of stdin, as bytes.

    Raises:
        InputError: stdin is closed or cannot be read.
    """
    stream = sys.stdin
    if stream is None:
        raise InputError(
            _(
                "stdin is closed, but '-' reads from it; pipe the input in, "
                "or give it as an argument"
            )
        )
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            return bytes(buffer.read())
        return stream.read().encode("utf-8", "surrogateescape")
    except (OSError, ValueError) as exc:
        raise InputError(
            _("stdin cannot be read ({problem}); pipe the input in").format(problem=exc)
        ) from None


def read_stdin(notify: Notify) -> str:
    """All of stdin as text.

    Raises:
        InputError: stdin is closed, or holds bytes that are neither UTF-8 nor GB18030.
    """
    return decode_bytes(stdin_bytes(), _("stdin"), notify).lstrip("\ufeff")


def read_queries(values: Sequence[str], notify: Notify, what: str = QUERY) -> list[str]:
    """`-` stands for stdin, one query per line (blank lines skipped).

    Raises:
        InvalidQuery: stdin held no query.
        InputError: stdin is closed or undecodable.
    """
    out: list[str] = []
    for value in values:
        if value != "-":
            out.append(value)
            continue
        lines = [line.strip() for line in read_stdin(notify).splitlines()]
        found = [line for line in lines if line]
        if not found:
            raise InvalidQuery(
                _(
                    "'-' reads the {what} from stdin, but stdin was empty; "
                    "pipe one {what} per line, or give it as an argument"
                ).format(what=_(what))
            )
        out.extend(found)
    return out


def refuse_empty(values: dict[str, object]) -> None:
    """Every text argument or option given must say something: an empty one is exit 2 on
    every command alike, never an empty answer that reads as "nothing matched".

    Args:
        values: each argument's value by the name the user knows it by (QUERY, --doc).

    Raises:
        InvalidQuery: names the first empty argument.
    """
    for label, value in values.items():
        texts = list(value) if isinstance(value, list | tuple) else [value]
        if not texts or not all(isinstance(t, str) for t in texts):
            continue
        if not "".join(str(t) for t in texts).strip():
            raise InvalidQuery(_("{name} is empty; give it a word to look for").format(name=label))
