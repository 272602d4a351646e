"""Bytes -> text (`fupin_cli.ingest.decode`): UTF-8, BOM, GB18030; empty and binary refused."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from fupin_cli.errors import IngestError
from fupin_cli.ingest.decode import decode

SOURCES = sorted((Path(__file__).parent.parent / "data" / "sources").glob("*.txt"))
SAMPLE = "第一条 本實施細則適用於全省16個州(市)，统筹推进。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("utf-16"), "utf-16"),
    ],
)
def test_detects_the_encoding(data: bytes, encoding: str) -> None:
    assert decode(data, source="x.txt") == (SAMPLE, encoding)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_gb18030_copies_of_the_sources_are_detected(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert decode(text.encode("gb18030"), source=path.name) == (text, "gb18030")
    assert decode(text.encode("utf-8"), source=path.name) == (text, "utf-8")


def test_gbk_is_read_as_gb18030() -> None:
    # GB18030 is a superset of GBK, so a GBK file decodes to the same text
    assert decode(SAMPLE.encode("gbk"), source="x.txt") == (SAMPLE, "gb18030")


def test_a_named_encoding_is_used_as_given() -> None:
    assert decode(SAMPLE.encode("big5", errors="ignore"), source="x", encoding="big5")[1] == "big5"


@pytest.mark.parametrize(
    ("data", "encoding", "message"),
    [
        (b"", None, "x.txt: the file is empty"),
        (b"  \r\n\n\t", None, "x.txt: the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", None, "binary file"),
        (bytes(range(32)) * 8, None, "binary file"),
        (SAMPLE.encode("gb18030"), "utf-8", "not valid utf-8 at byte 0"),
        (SAMPLE.encode("utf-8"), "no-such-codec", "unknown encoding 'no-such-codec'"),
        (b"\xd4\xc6\xc4\xcf \xff\xfe\xff end", None, "neither UTF-8 nor GB18030"),
        (b"\xff\xfe\x00\xd8", None, "binary file"),  # a UTF-16 BOM before a lone surrogate
    ],
)
def test_bad_input_raises_ingest_error(data: bytes, encoding: str | None, message: str) -> None:
    with pytest.raises(IngestError, match=message) as info:
        decode(data, source="x.txt", encoding=encoding)
    assert str(info.value).startswith("x.txt: ")
