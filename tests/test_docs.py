"""The README stays true: every command is documented, and its examples are real output."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
CONSOLE = re.compile(r"```console\n\$ (?P<cmd>.+?)\n(?P<out>.*?)```", re.S)


def readme() -> str:
    return README.read_text(encoding="utf-8")


def test_readme_has_the_two_setup_commands() -> None:
    text = readme()
    for marker in ("<!-- main-command -->", "<!-- test-command -->"):
        block = text.split(marker, 1)[1].split("```", 2)[1]
        assert block.startswith("sh\n") and "pip install" in block


EXAMPLES = [(m.group("cmd"), m.group("out")) for m in CONSOLE.finditer(readme())]


@pytest.mark.parametrize(("cmd", "expected"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_examples_are_real_output(cmd: str, expected: str) -> None:
    shell = cmd.replace("fupin ", f"{sys.executable} -m fupin_cli ", 1)
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("FUPIN_DATA", "FUPIN_TERMINAL", "COLUMNS", "NO_COLOR")
    }
    env["FUPIN_LANG"] = "en"  # the README shows the English output, whatever the locale
    proc = subprocess.run(shell, shell=True, capture_output=True, text=True, check=False, env=env)
    assert proc.stdout == expected, proc.stderr


def test_readme_library_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    block = readme().split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(block, "README.md", "exec"), {})
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("一、 (一) 3. (2) ('省水利厅',)")
    assert out[-1] == "省水利厅"
