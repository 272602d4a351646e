"""The reader's language: every text people read goes through `_` (the standard `gettext`).

Messages are written in English in the code and translated from the catalogs under `locale/`
(`fupin.po` sources, `fupin.mo` compiled by Babel; `python tools/catalogs.py` extracts,
updates and compiles them). Chinese is chosen by `FUPIN_LANG=zh`, or, without it, by the POSIX
locale variables in their order of precedence (`LC_ALL`, `LC_MESSAGES`, `LANG`) naming `zh_*`;
English otherwise. Machine formats never pass through here: JSON keys, TSV headers and relation
ids stay English identifiers in every language.
"""

from __future__ import annotations

import functools
import gettext
import os
from pathlib import Path

DOMAIN = "fupin"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("en", "zh")


def language() -> str:
    """`zh` or `en`, from FUPIN_LANG, else the first POSIX locale variable that is set."""
    chosen = os.environ.get("FUPIN_LANG", "")
    if not chosen:
        for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
            chosen = os.environ.get(name, "")
            if chosen:
                break
    return "zh" if chosen.lower().startswith("zh") else "en"


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of `lang` (no catalog: the English text as written)."""
    return gettext.translation(DOMAIN, LOCALE_DIR, [lang], fallback=True)


def _(message: str) -> str:
    """`message` in the reader's language."""
    return translations(language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message with a count, in the reader's language."""
    return translations(language()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks `message` for the catalogs where it is defined; `_` translates it where shown."""
    return message
