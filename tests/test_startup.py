"""Start-up: each command imports only what it uses (no timings here).

With a fresh index, no query command reads YAML, and none imports the pydantic models it
does not return (`docs` and `search` return plain rows); none imports OpenCC (the fold's
tables are cached); `--help` and `--version` import no command module.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NEVER = ("networkx", "rapidfuzz", "diff_match_patch", "scipy")


# Runs the real entry point in a fresh interpreter, then lists sys.modules. (`-X importtime`
# would miss modules loaded through importlib, as lazily loaded commands are.)
PROBE = """
import sys
from fupin_cli.cli.app import main
sys.argv = ["fupin", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
with open(OUT, "w") as fh:
    fh.write("\\n".join(sorted(sys.modules)))
sys.exit(code)
"""


def imported(args: list[str], cache: Path) -> set[str]:
    """Modules a real `fupin ...` run has imported when it ends."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env["FUPIN_CACHE_DIR"] = str(cache)
    env.pop("FUPIN_DATA", None)
    out = cache / "modules.txt"
    cache.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.replace("OUT", repr(str(out))), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode in (0, 1, 2), proc.stderr[-2000:]  # `fupin` alone: help, status 2
    names = set(out.read_text().split("\n"))
    assert "fupin_cli.cli.app" in names  # the probe worked
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
    commands = {n for n in names if n.startswith("fupin_cli.cli.commands.")}
    assert commands == {"fupin_cli.cli.commands.search"}  # only the command that runs
    assert "fupin_cli.query.search" in names


QUERIES = [
    ["search", "扶贫"],
    ["docs"],
    ["who-leads", "饮水安全"],
    ["duties", "省水利厅"],
    ["show", "central", "14"],
    ["actors"],
    ["chain", "县级党委和政府"],
    ["accountability", "各镇"],
    ["lineage", "weiyuan"],
    ["graph", "weiyuan"],
    ["trace", "weiyuan", "9"],
    ["diff", "central", "weiyuan"],
]


@pytest.fixture(scope="module")
def warm_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cache = tmp_path_factory.mktemp("cache")
    imported(["index"], cache)
    return cache


@pytest.mark.parametrize("args", QUERIES, ids=lambda a: a[0])
def test_a_query_with_a_fresh_index_reads_no_yaml(warm_cache: Path, args: list[str]) -> None:
    names = imported(args, warm_cache)
    assert "yaml" not in names
    assert "fupin_cli.loader" not in names
    assert "opencc" not in names  # the fold's tables come from the cache
    if args[0] in ("search", "docs"):
        assert "fupin_cli.models" not in names  # they return plain rows
    if args[0] in ("search", "docs", "who-leads", "duties", "show", "actors"):
        for module in NEVER:
            assert not any(n == module or n.startswith(module + ".") for n in names), module


@pytest.mark.parametrize("args", [["--help"], ["--version"], []])
def test_help_and_version_import_no_command_module(tmp_path: Path, args: list[str]) -> None:
    if not args:  # the welcome lists the documents: from the index, once it is built
        imported(args, tmp_path)
    names = imported(args, tmp_path)
    assert not {n for n in names if n.startswith("fupin_cli.cli.commands.")}
    assert "pydantic" not in names


def test_jinja2_is_imported_only_to_write_a_page(tmp_path: Path) -> None:
    assert "jinja2" not in imported(["diff", "central", "yunnan", "-f", "md"], tmp_path)
    assert "jinja2" not in imported(["diff", "central", "yunnan"], tmp_path)
    assert "jinja2" in imported(["diff", "central", "yunnan", "-f", "html"], tmp_path)
