"""The command registry: every command module is registered, documented and answers --help."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from fupin_cli.cli.registry import COMMANDS, GROUPS

COMMAND_DIR = Path(__file__).resolve().parent.parent / "src" / "fupin_cli" / "cli" / "commands"
README = Path(__file__).resolve().parent.parent / "README.md"
Run = Callable[..., Result]


def test_every_command_module_is_registered_once() -> None:
    modules = sorted(p.stem for p in COMMAND_DIR.glob("*.py") if p.stem != "__init__")
    registered = sorted(spec.target.split(":")[0] for spec in COMMANDS)
    assert registered == modules, "add the new module to cli/registry.py"
    assert len({spec.name for spec in COMMANDS}) == len(COMMANDS)
    assert {spec.group for spec in COMMANDS} <= set(GROUPS)


@pytest.mark.parametrize("spec", COMMANDS, ids=lambda s: s.name)
def test_every_target_is_a_function_with_help(spec: object) -> None:
    module, function = spec.target.split(":")  # type: ignore[attr-defined]
    callback = getattr(importlib.import_module(f"fupin_cli.cli.commands.{module}"), function)
    assert callable(callback) and (callback.__doc__ or "").strip()


@pytest.mark.parametrize("spec", COMMANDS, ids=lambda s: s.name)
def test_every_command_answers_help_and_is_in_the_readme(run: Run, spec: object) -> None:
    name = spec.name  # type: ignore[attr-defined]
    result = run(name, "--help")
    assert result.exit_code == 0, result.output
    assert f"fupin {name}" in README.read_text(encoding="utf-8")


def test_top_help_lists_every_summary_grouped(run: Run) -> None:
    out = run("--help").stdout
    for title in GROUPS.values():
        assert title in out
    for spec in COMMANDS:
        assert spec.summary in out.replace("\n ", " ") or spec.summary[:30] in out
    assert "…" not in out


def test_unknown_command_suggests_the_nearest(run: Run) -> None:
    result = run("who-lead", "饮水")
    assert result.exit_code == 2
    assert "who-leads" in result.output
