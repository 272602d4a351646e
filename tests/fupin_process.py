"""Run the real `fupin` entry point in a fresh interpreter (import-time texts such as help
are in the language of the process, so a test of another language needs its own process)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTRY = "import sys; from fupin_cli.cli.app import main; sys.argv[0] = 'fupin'; main()"


def fupin(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`fupin ARGS` with `env` added to a clean environment (no FUPIN_DATA, no locale)."""
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("FUPIN_DATA", "FUPIN_LANG", "LANG", "LC_ALL", "LC_MESSAGES", "COLUMNS")
        and not k.startswith("_FUPIN")
    }
    return subprocess.run(
        [sys.executable, "-c", ENTRY, *args],
        capture_output=True,
        text=True,
        env={**base, **(env or {})},
        check=False,
    )
