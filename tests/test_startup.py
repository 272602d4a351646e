"""Start-up: `fupin --help` and `fupin search` import only what they use (no timings here)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NEVER = ("networkx", "rapidfuzz", "diff_match_patch", "scipy")


def imported(args: list[str], cache: Path) -> set[str]:
    """Modules a real `python -m fupin_cli ...` run imports, from `python -X importtime`."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env["FUPIN_CACHE_DIR"] = str(cache)
    env.pop("FUPIN_DATA", None)
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "fupin_cli", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    names = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    assert "fupin_cli.cli.app" in names  # the parse worked
    return names


@pytest.mark.parametrize("args", [["--help"], ["search", "扶贫"], ["search", "--help"]])
def test_heavy_modules_are_not_imported(tmp_path: Path, args: list[str]) -> None:
    names = imported(args, tmp_path)
    for module in NEVER:
        assert not any(n == module or n.startswith(module + ".") for n in names), module


def test_search_skips_models_and_yaml_once_the_index_is_built(tmp_path: Path) -> None:
    imported(["search", "扶贫"], tmp_path)  # builds the index (needs the YAML loader)
    names = imported(["search", "扶贫"], tmp_path)
    assert "fupin_cli.models" not in names
    assert "yaml" not in names
    assert "fupin_cli.cli.who_leads" not in names  # only the command that runs is imported
    assert "fupin_cli.query.search" in names
