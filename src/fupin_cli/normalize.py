"""The one character-level fold, and the query-side expansion of regional phrase variants.

Every match and comparison in fupin goes through `fold` (also called `normalize`). Each
character of a text becomes exactly one character, or none:

- whitespace, control and invisible format characters (zero-width space, BOM) are dropped;
- a character whose compatibility form is one character takes it (NFKC: ，→, （→( ０→0 Ａ→A),
  and the brackets 〔〕【】 become [ ];
- a traditional character becomes its simplified form from OpenCC's character table, and a
  Taiwan or Hong Kong variant character its standard one (臺→台, 著→着; see `opencc_tables`).

So folding a text and taking a piece of it commute: any piece of a text, in either script,
folds to a piece of the folded text, and a query always finds the text it was copied from.
Nothing rewrites stored text. What one character at a time cannot bridge is bridged by
expanding the *query* (`spellings`): a phrase whose characters depend on the phrase (了解 is
瞭解 in traditional script; `script_pairs`), and a phrase used differently in Taiwan or Hong
Kong (網際網路 for 互联网; `regional_pairs`, as a whole word only, and never into a word the
mainland uses itself). Display always uses the text as the document wrote it.

OpenCC's tables are read once and kept in the cache folder (keyed by the installed OpenCC's
dictionary files), so a command does not import opencc to fold a query.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import re
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

#: Bumped whenever the fold's own rules change (the index is then rebuilt).
FOLD_VERSION = 2
_BRACKETS = {"〔": "[", "〕": "]", "【": "[", "】": "]"}
_DROPPED_CATEGORIES = ("Cc", "Cf")
log = logging.getLogger(__name__)


def _cached(name: str, sig: str, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """JSON data kept in the cache folder under `name`, valid while `sig` holds; else built
    (and kept when the folder can be written)."""
    from .datafolder import cache_dir

    path = cache_dir() / f"{name}-{zlib.crc32(sig.encode()):08x}.json"
    try:
        with open(path, encoding="utf-8") as fh:
            data: dict[str, Any] = json.load(fh)
        if data.get("signature") == sig:
            return data
    except (OSError, ValueError):
        pass
    import tempfile

    data = {**build(), "signature": sig}
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.stem, suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError as exc:  # an unwritable cache or a full disk: build again next time
        log.debug("cannot keep %s in %s: %s", name, path.parent, exc)
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return data


@functools.cache
def _tables(part: str) -> dict[str, Any]:
    """OpenCC's character table ("characters") or phrase pairs ("phrases"). Apart, because a
    query needs only the characters."""
    from . import opencc_tables

    return _cached(f"opencc-{part}", opencc_tables.signature(), lambda: opencc_tables.build(part))


def signature() -> str:
    """What the fold is made of (its rules, Unicode's data, OpenCC's files), cheaply."""
    from . import opencc_tables

    return f"fold {FOLD_VERSION} unicode {unicodedata.unidata_version} {opencc_tables.signature()}"


def _rule(ch: str, characters: Mapping[str, str]) -> str | None:
    """One character's fold, one step (None: the character is dropped)."""
    if ch.isspace() or unicodedata.category(ch) in _DROPPED_CATEGORIES:
        return None
    compat = unicodedata.normalize("NFKC", ch)
    key = compat if len(compat) == 1 else ch
    key = _BRACKETS.get(key, key)
    return characters.get(key, key)


class _Table(dict[int, str | None]):
    """A `str.translate` table filled on first use of each character (memoized).

    Each step is repeated until it changes nothing, so that ``fold(fold(t)) == fold(t)``.
    """

    def __init__(self, characters: Mapping[str, str], dropped: str | None) -> None:
        super().__init__()
        self.characters = characters
        self.dropped = dropped  # what a dropped character becomes: None (gone) or a space

    def __missing__(self, ordinal: int) -> str | None:
        key: str | None = chr(ordinal)
        for _ in range(4):
            assert key is not None
            step = _rule(key, self.characters)
            if step == key or step is None:
                key = step
                break
            key = step
        value = self.dropped if key is None else key
        self[ordinal] = value
        return value


@functools.cache
def _fold_table() -> _Table:
    return _Table(_tables("characters")["characters"], None)


@functools.cache
def _key_table() -> _Table:
    return _Table(_tables("characters")["characters"], " ")


def fold(text: str) -> str:
    """The matching form of `text`: each character folded on its own, whitespace dropped.

    Idempotent, and a piece of a text folds to a piece of the folded text.
    """
    return text.translate(_fold_table()) if text else ""


#: The historical name of `fold`.
normalize = fold


def readable(text: str) -> str:
    """Text in the folded form, for showing a comparison across scripts (the words of a diff)."""
    return fold(text)


def char_keys(text: str) -> str:
    """`text` folded character by character, a dropped character shown as a space, so that
    positions map back 1:1 to the text as written."""
    return text.translate(_key_table()) if text else ""


#: The same function under the name that says what it is for.
fold_keys = char_keys


def _folded_pairs(key: str) -> tuple[tuple[str, str], ...]:
    out: dict[tuple[str, str], None] = {}
    for a, b in _tables("phrases")[key]:
        pair = (fold(a), fold(b))
        if pair[0] and pair[1] and pair[0] != pair[1]:
            out[pair] = None
    return tuple(out)


@functools.cache
def regional_pairs() -> tuple[tuple[str, str], ...]:
    """(mainland, regional) phrase pairs from OpenCC's phrase dictionaries, folded.

    互联网 / 网际网路, 信息 / 资讯, 软件 / 软体 ...; pairs that fold alike are left out.
    """
    return _folded_pairs("phrases")


@functools.cache
def script_pairs() -> tuple[tuple[str, str], ...]:
    """(simplified, traditional) phrases whose characters the fold cannot pair, folded.

    Where a phrase decides which character a conversion writes (了解 → 瞭解, 答复 → 答覆,
    凭借 → 憑藉), OpenCC's STPhrases and TSPhrases list it; a query in either script is also
    looked for in the other (`script_spellings`). Everything else folds alike character by
    character.
    """
    return _folded_pairs("script")


def _convert(text: str, mapping: Mapping[str, str]) -> str:
    """Replace listed phrases, longest first from the left (as OpenCC segments a text)."""
    if not mapping:
        return text
    longest = max(len(k) for k in mapping)
    out: list[str] = []
    i = 0
    while i < len(text):
        for n in range(min(longest, len(text) - i), 1, -1):
            found = mapping.get(text[i : i + n])
            if found is not None:
                out.append(found)
                i += n
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def script_spellings(key: str, pairs: Iterable[tuple[str, str]]) -> list[str]:
    """A folded query with its listed script phrases written the other way, each way.

    Args:
        key: the folded query word.
        pairs: (simplified, traditional) phrases, folded (see `script_pairs`).

    Returns:
        The other spellings (none when no listed phrase occurs in `key`).
    """
    to_traditional: dict[str, str] = {}
    to_simplified: dict[str, str] = {}
    for simplified, traditional in pairs:
        if simplified in key:
            to_traditional.setdefault(simplified, traditional)
        if traditional in key:
            to_simplified.setdefault(traditional, simplified)
    out = [_convert(key, to_simplified), _convert(key, to_traditional)]
    return [s for s in dict.fromkeys(out) if s != key]


def usable_variants(
    pairs: Iterable[tuple[str, str]], in_mainland_text: Callable[[str], bool]
) -> dict[str, tuple[str, ...]]:
    """Each spelling -> the spellings a query for it also finds, both ways.

    A pair counts only when its regional spelling is not a mainland word in its own right:
    when the corpus's simplified-script documents use it (建立 is Taiwan's word for 创建 and a
    mainland word too), a query for 创建 must not return 建立, nor 建立 return 创建.
    """
    out: dict[str, list[str]] = {}
    for mainland, regional in pairs:
        if in_mainland_text(regional):
            continue
        for a, b in ((mainland, regional), (regional, mainland)):
            found = out.setdefault(a, [])
            if b not in found:
                found.append(b)
    return {k: tuple(v) for k, v in out.items()}


def spellings(
    word: str,
    script: Iterable[tuple[str, str]],
    regional: Mapping[str, Sequence[str]],
) -> tuple[str, ...]:
    """Every folded spelling a query word is looked for in: itself, its listed script phrases
    written the other way (`script_spellings`), and the regional variants of each.

    Args:
        word: the word as the user wrote it.
        script: (simplified, traditional) phrase pairs, folded (all, or those in the word).
        regional: spelling -> its usable regional variants (see `usable_variants`).
    """
    key = fold(word)
    if not key:
        return ()
    own = [key, *script_spellings(key, script)]
    return tuple(dict.fromkeys([*own, *(v for s in own for v in regional.get(s, ()))]))


#: Every code point the fold is asked about when the inverse is made (the planes in use).
_PLANES = (range(0x30000), range(0xE0000, 0xE1000))


def _inverse_data() -> dict[str, Any]:
    table = _fold_table()
    inverse: dict[str, str] = {}
    dropped: list[str] = []
    for plane in _PLANES:
        for cp in plane:
            ch = chr(cp)
            key = ch.translate(table)
            if not key:
                dropped.append(ch)
            elif key != ch:
                inverse[key] = inverse.get(key, "") + ch
    return {"inverse": inverse, "dropped": "".join(dropped)}


@functools.cache
def _inverse() -> tuple[dict[str, str], str]:
    """Folded character -> the other characters that fold to it; the dropped characters."""
    data = _cached("fold-inverse", signature(), _inverse_data)
    return data["inverse"], data["dropped"]


def _class(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]"


@functools.lru_cache(maxsize=64)
def pattern(needles: tuple[str, ...]) -> re.Pattern[str]:
    """A regular expression that finds the folded needles in a text as written: each
    character in any form that folds to it, dropped characters (spaces, line breaks) allowed
    between. Finds what folding the text and searching it would, without folding it."""
    inverse, dropped = _inverse()
    gap = _class(dropped) + "*"
    alternatives = []
    for needle in sorted({n for n in needles if n}, key=len, reverse=True):
        parts = [_class(c + inverse[c]) if c in inverse else re.escape(c) for c in needle]
        alternatives.append(gap.join(parts))
    return re.compile("|".join(alternatives) or "(?!)")


def find_spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Where each term occurs in `text` as written (any script, width), merged and sorted."""
    spans = [
        m.span()
        for needle in {fold(t) for t in terms} - {""}
        for m in pattern((needle,)).finditer(text)
    ]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def first_match(text: str, needles: Sequence[str]) -> int:
    """The offset in `text` as written of the first folded needle found (0 when none is)."""
    m = pattern(tuple(needles)).search(text)
    return m.start() if m else 0


def snippet(
    text: str, spans: list[tuple[int, int]], width: int = 60
) -> tuple[str, list[tuple[int, int]]]:
    """Cut `text` to about `width` characters around its first span; shift the spans to match."""
    flat = text.replace("\n", " ")
    if len(flat) <= width:
        return flat, spans
    first = spans[0][0] if spans else 0
    start = max(0, min(first - width // 3, len(flat) - width))
    end = min(len(flat), start + width)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    shifted = [
        (a - start + len(prefix), b - start + len(prefix))
        for a, b in spans
        if a >= start and b <= end
    ]
    return prefix + flat[start:end] + suffix, shifted


_WORDS = re.compile(r"\S+")


def words(terms: Iterable[str]) -> list[str]:
    """The distinct folded words of a query (each argument split on whitespace)."""
    out: list[str] = []
    for term in terms:
        for word in _WORDS.findall(term):
            key = fold(word)
            if key and key not in out:
                out.append(key)
    return out


# --- width on a terminal -----------------------------------------------------------------


class _ExtraWidth(dict[str, int]):
    """1 for a wide or full-width character (it takes two columns), else 0 (memoized)."""

    def __missing__(self, ch: str) -> int:
        extra = int(ch > "\u10ff" and unicodedata.east_asian_width(ch) in "WF")
        self[ch] = extra
        return extra


_EXTRA_WIDTH = _ExtraWidth()


def display_width(text: str) -> int:
    """Columns a string takes on a terminal (wide and full-width characters take two)."""
    if text.isascii():
        return len(text)
    return len(text) + sum(map(_EXTRA_WIDTH.__getitem__, text))
