"""Golden files for rendered output (tests/golden/, rewritten with UPDATE_GOLDEN=1)."""

from __future__ import annotations

import re
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"
TABLE_ENV = {"COLUMNS": "100", "NO_COLOR": "1", "FUPIN_TERMINAL": "1"}


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def check_golden(name: str, text: str) -> None:
    """Compare rendered output with tests/golden/NAME (UPDATE_GOLDEN=1 rewrites the file).

    Styles (bold, the highlight) are stripped so the file stays readable; colour is tested apart.
    """
    import os

    text = "\n".join(line.rstrip() for line in ANSI.sub("", text).splitlines()) + "\n"
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1" or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"output differs from {path}"
