"""Bytes -> text: UTF-8 (with or without BOM) or GB18030/GBK, which most Chinese government
files still use, and UTF-16 (with a BOM, or without one when its NUL bytes show which order).
Binary files are refused."""

from __future__ import annotations

import codecs

from ..errors import IngestError
from ..i18n import N_, _

#: Nothing to read: no bytes, or only whitespace.
EMPTY = N_("{source}: the file is empty")


def decode(data: bytes, *, source: str, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding used). Raises IngestError for empty, binary or undecodable input."""
    if not data.strip():
        raise IngestError(_(EMPTY).format(source=source))
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise IngestError(
                _("{source}: unknown encoding '{encoding}'").format(
                    source=source, encoding=encoding
                )
            ) from None
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise IngestError(
                _("{source}: not valid {encoding} at byte {offset}").format(
                    source=source, encoding=encoding, offset=exc.start
                )
            ) from None
    # BOMs first: UTF-16 text is full of NUL bytes and would look binary
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise IngestError(
                _("{source}: this looks like a binary file, not plain text").format(source=source)
            ) from None
    sample = data[:4096]
    utf16 = _utf16_order(sample)
    if utf16 is not None:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError as exc:
            raise IngestError(
                _(
                    "{source}: looks like {encoding} without a byte-order mark, but is not "
                    "({where}); name the encoding with --encoding"
                ).format(source=source, encoding=utf16.upper(), where=_where(data, exc.start))
            ) from None
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if b"\x00" in sample or controls > len(sample) // 20:
        raise IngestError(
            _(
                "{source}: this looks like a binary file, not plain text (if it is text, name "
                "its encoding with --encoding, such as utf-16-le)"
            ).format(source=source)
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        as_utf8 = exc
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        # the first bad byte of the reading that went further is the one to look at
        bad, name = (as_utf8, "UTF-8") if as_utf8.start >= exc.start else (exc, "GB18030")
        raise IngestError(
            _(
                "{source}: neither UTF-8 nor GB18030 (read as {encoding}, {where}); "
                "name the encoding with --encoding"
            ).format(source=source, encoding=name, where=_where(data, bad.start))
        ) from None


def _where(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    return _("bad byte 0x{byte:02x} at offset {offset}, line {line}").format(
        byte=data[offset], offset=offset, line=line
    )


def _plausible(ch: str) -> bool:
    """A character a Chinese document is made of: ASCII text, CJK ideographs, CJK and
    full-width punctuation. Text read in the wrong byte order is mostly anything else."""
    code = ord(ch)
    return (
        32 <= code < 127
        or ch in "\t\r\n"
        or 0x4E00 <= code <= 0x9FFF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
        or 0x2000 <= code <= 0x206F
    )


def _utf16_order(sample: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when a BOM-less sample with NUL bytes (the high byte of
    ASCII, spaces and newlines) reads as Chinese or ASCII text in that byte order."""
    pairs = sample[: len(sample) // 2 * 2]
    if b"\x00" not in pairs:
        return None
    for order in ("utf-16-le", "utf-16-be"):
        text = pairs.decode(order, errors="replace")
        if text and sum(map(_plausible, text)) >= 0.9 * len(text):
            return order
    return None
