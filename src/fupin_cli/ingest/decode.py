"""Bytes -> text: UTF-8 (with or without BOM) or GB18030/GBK, which most Chinese government
files still use. Binary files are refused."""

from __future__ import annotations

import codecs

from ..errors import IngestError


def decode(data: bytes, *, source: str, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding used). Raises IngestError for empty, binary or undecodable input."""
    if not data.strip():
        raise IngestError(f"{source}: the file is empty")
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise IngestError(f"{source}: unknown encoding '{encoding}'") from None
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise IngestError(f"{source}: not valid {encoding} at byte {exc.start}") from None
    # BOMs first: UTF-16 text is full of NUL bytes and would look binary
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise IngestError(f"{source}: this looks like a binary file, not plain text") from None
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if b"\x00" in sample or controls > len(sample) // 20:
        raise IngestError(f"{source}: this looks like a binary file, not plain text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"{source}: neither UTF-8 nor GB18030 (bad byte at {exc.start}); "
            "name the encoding with --encoding"
        ) from None
