"""OpenCC's own tables, read from the installed `opencc` package: never written by hand.

- The character table (`character_table`): every Han character converted on its own with
  OpenCC's ``t2s`` (its TSCharacters dictionary: traditional to simplified, the first
  candidate), plus the Taiwan and Hong Kong variant characters (``tw2s`` / ``hk2s`` per
  character: 痺 → 痹, 衞 → 卫) that ``t2s`` leaves alone, unless GB 2312, the mainland's
  character set, encodes them (著 and 么 are mainland characters in their own right).
- The regional phrase pairs (`regional_phrases`): OpenCC's TWPhrases and HKPhrases
  (互聯網 → 網際網路, 信息 → 資訊, 軟件 → 軟體).
- The script phrase pairs (`script_phrases`): OpenCC's STPhrases and TSPhrases, where a
  phrase decides which character a conversion writes (了解 → 瞭解, 答复 → 答覆).

An ``.ocd2`` dictionary is a header, a marisa trie of the keys (read with marisa-trie), then
the values in key-id order (OpenCC's SerializedValues). Building the tables takes a fraction
of a second; `normalize` keeps them in the cache folder, keyed by `signature()`.
"""

from __future__ import annotations

import importlib.util
import os
import struct
from pathlib import Path
from typing import Any

#: Bumped whenever what is read from OpenCC changes: the cached tables are then rebuilt.
TABLES_VERSION = 4

#: Blocks of Han characters (and their radicals and compatibility forms) to convert.
HAN_RANGES: tuple[tuple[int, int], ...] = (
    (0x2E80, 0x2FDF),  # radicals supplement, Kangxi radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x323AF),  # extensions B to H, compatibility supplement
)
#: Mainland phrase -> regional phrase.
REGIONAL_DICTIONARIES = ("TWPhrases", "HKPhrases")
#: Phrase -> the same phrase in the other script (simplified -> traditional, then back).
SCRIPT_DICTIONARIES = ("STPhrases", "TSPhrases")
_CONFIGS = ("t2s", "tw2s", "hk2s")
_OCD2_HEADER = b"OPENCC_MARISA_0.2.5"


def share_dir() -> Path | None:
    """The folder of OpenCC's dictionaries inside the installed package (not imported)."""
    spec = importlib.util.find_spec("opencc")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        share = Path(location) / "clib" / "share" / "opencc"
        if share.is_dir():
            return share
    return None


def signature() -> str:
    """What the tables are built from: this module's version and the dictionary files' stats.

    Cheap (a few `stat` calls; neither opencc nor hashlib is imported), so the index can tell
    whether it was folded with the tables a query would use.
    """
    parts = [f"tables {TABLES_VERSION}"]
    share = share_dir()
    names = [f"{c}.json" for c in _CONFIGS]
    names += [f"{d}.ocd2" for d in (*REGIONAL_DICTIONARIES, *SCRIPT_DICTIONARIES)]
    names += ["TSCharacters.ocd2", "TWVariantsRev.ocd2", "HKVariantsRev.ocd2"]
    for name in names:
        try:
            st = os.stat(share / name) if share else None
        except OSError:
            st = None
        parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}" if st else f"{name}:-")
    return ";".join(parts)


def _han() -> list[str]:
    return [chr(i) for lo, hi in HAN_RANGES for i in range(lo, hi + 1)]


def _each(converter: Any, chars: list[str]) -> list[str]:
    """Convert each character on its own (a line break keeps phrases from spanning them)."""
    out = str(converter.convert("\n".join(chars))).split("\n")
    if len(out) != len(chars):  # pragma: no cover - OpenCC never merges lines
        out = [str(converter.convert(ch)) for ch in chars]
    return out


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def character_table() -> dict[str, str]:
    """Traditional and regional-variant characters -> simplified, one character each."""
    import opencc

    chars = _han()
    conv = {name: _each(opencc.OpenCC(name), chars) for name in _CONFIGS}
    table: dict[str, str] = {}
    for i, ch in enumerate(chars):
        simple = conv["t2s"][i]
        if simple != ch:
            if len(simple) == 1:
                table[ch] = simple
            continue
        if _in_gb2312(ch):
            continue
        for regional in (conv["tw2s"][i], conv["hk2s"][i]):
            if regional != ch and len(regional) == 1:
                table[ch] = regional
                break
    return table


def read_dictionary(path: Path) -> dict[str, list[str]]:
    """An OpenCC ``.ocd2`` dictionary: every key with its values, exactly as stored.

    Raises:
        ValueError: the file is not an ocd2 dictionary.
    """
    import marisa_trie

    data = path.read_bytes()
    if not data.startswith(_OCD2_HEADER):
        raise ValueError(f"{path}: not an OpenCC ocd2 dictionary")
    trie = marisa_trie.Trie()
    try:
        trie.frombytes(data[len(_OCD2_HEADER) :])
    except Exception as exc:  # marisa raises its own error types
        raise ValueError(f"{path}: not an OpenCC ocd2 dictionary ({exc})") from None
    values = _values_at(data, len(_OCD2_HEADER) + len(trie.tobytes()))
    if values is None or len(values) != len(trie):
        raise ValueError(f"{path}: its values do not match its keys")
    return {key: values[i] for key, i in trie.items()}


def _values_at(data: bytes, start: int) -> list[list[str]] | None:
    """OpenCC's SerializedValues from `start` to the end of the file: item count, byte length
    of the value buffer, the NUL-terminated values, then per item its number of values and
    their byte lengths. None when that is not what is there."""
    size = len(data)
    if start + 8 > size:
        return None
    count, total = struct.unpack_from("<II", data, start)
    at = start + 8
    if count > size or total > size - at:
        return None
    buffer = data[at : at + total]
    at += total
    lengths: list[tuple[int, ...]] = []
    for _ in range(count):
        if at + 2 > size:
            return None
        (n,) = struct.unpack_from("<H", data, at)
        at += 2
        if at + 2 * n > size:
            return None
        lengths.append(struct.unpack_from(f"<{n}H", data, at))
        at += 2 * n
    if at != size or sum(sum(x) for x in lengths) != total:
        return None
    values: list[list[str]] = []
    pos = 0
    try:
        for item in lengths:
            words = []
            for n in item:
                raw = buffer[pos : pos + n]
                pos += n
                if not raw.endswith(b"\0"):
                    return None
                words.append(raw[:-1].decode("utf-8"))
            values.append(words)
    except UnicodeDecodeError:
        return None
    return values


def _pairs(names: tuple[str, ...], every: bool) -> list[tuple[str, str]]:
    """(key, value) of the named dictionaries that exist: the first value, or `every` one."""
    share = share_dir()
    out: list[tuple[str, str]] = []
    for name in names:
        path = share / f"{name}.ocd2" if share else None
        if path is None or not path.is_file():
            continue
        for key, values in read_dictionary(path).items():
            out += [(key, v) for v in (values if every else values[:1]) if v and v != key]
    return out


def regional_phrases() -> list[tuple[str, str]]:
    """(mainland phrase, regional phrase), as OpenCC writes them (traditional script)."""
    return _pairs(REGIONAL_DICTIONARIES, every=False)


def script_phrases() -> list[tuple[str, str]]:
    """(simplified phrase, traditional phrase), from STPhrases and (turned round) TSPhrases."""
    to_traditional, to_simplified = SCRIPT_DICTIONARIES
    pairs = _pairs((to_traditional,), every=True)
    return pairs + [(b, a) for a, b in _pairs((to_simplified,), every=True)]


def build(part: str) -> dict[str, Any]:
    """The "characters" table or the "phrases" pairs (regional and script), as JSON data."""
    if part == "characters":
        return {"signature": signature(), "characters": character_table()}
    return {
        "signature": signature(),
        "phrases": [list(p) for p in regional_phrases()],
        "script": [list(p) for p in script_phrases()],
    }
