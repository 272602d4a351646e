"""Running `fupin` the way a hostile tester does: arguments and stdin as raw bytes, stdin
closed, another terminal encoding; and what its stderr must look like afterwards."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fupin_cli.cli.app import app
from fupin_cli.cli.runtime import run as run_boundary

#: What stdin is: bytes piped in, or closed (`<&-`).
CLOSED = None


@dataclass
class Outcome:
    code: int
    stdout: bytes
    stderr: str

    def errors(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("Error:")]


def fupin(
    *args: str | bytes,
    stdin: bytes | None = b"",
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    shell_tail: str | None = None,
) -> Outcome:
    """The real program in a subprocess. `shell_tail` pipes it into a shell command under
    `set -o pipefail` (`| head -1`), and the status is then the pipeline's."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("FUPIN_DEBUG", None)
    command = [sys.executable, "-m", "fupin_cli", *args]
    if shell_tail is not None:
        quoted = " ".join(_quote(a) for a in command)
        command = ["bash", "-c", f"set -o pipefail; {quoted} {shell_tail}"]
    if stdin is CLOSED:
        done = subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            preexec_fn=_close_stdin,
            capture_output=True,
            env=full_env,
            cwd=cwd,
            check=False,
            timeout=120,
        )
    else:
        done = subprocess.run(
            command,
            input=stdin,
            capture_output=True,
            env=full_env,
            cwd=cwd,
            check=False,
            timeout=120,
        )
    return Outcome(done.returncode, done.stdout, done.stderr.decode("utf-8", "backslashreplace"))


def _close_stdin() -> None:
    os.close(0)


def _quote(arg: str | bytes) -> str:
    text = arg if isinstance(arg, str) else os.fsdecode(arg)
    return "'" + text.replace("'", "'\\''") + "'"


def in_process(args: Sequence[bytes], stdin: bytes | None) -> Outcome:
    """The entry point's boundary (`runtime.run`) in this process, with arguments as the
    operating system hands them to Python (bytes decoded with surrogateescape), stdin as
    bytes or closed, and stdout / stderr captured as bytes. Fast enough for a fuzz harness."""
    out, err = io.BytesIO(), io.BytesIO()
    saved = sys.stdin, sys.stdout, sys.stderr
    streams = (
        None if stdin is None else io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"),
        io.TextIOWrapper(out, encoding="utf-8", write_through=True),
        io.TextIOWrapper(err, encoding="utf-8", write_through=True),
    )
    sys.stdin, sys.stdout, sys.stderr = streams  # type: ignore[assignment]
    try:
        code = run_boundary(app, [os.fsdecode(a) for a in args])
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    stdout, stderr = out.getvalue(), err.getvalue()
    for stream in streams:
        if stream is not None:
            stream.detach()  # else closing the wrapper closes the buffer under it
    return Outcome(int(code), stdout, stderr.decode("utf-8", "backslashreplace"))


_TRACEBACK = re.compile(r"Traceback \(most recent call last\)|^\s+File \"", re.M)


def assert_well_behaved(outcome: Outcome, allowed: Sequence[int] = (0, 1, 2)) -> None:
    """No traceback, an exit status of grep's, and at most one error, said in one line."""
    assert not _TRACEBACK.search(outcome.stderr), outcome.stderr
    assert outcome.code in allowed, (outcome.code, outcome.stderr)
    errors = outcome.errors()
    assert len(errors) <= 1, outcome.stderr
    for line in errors:
        assert len(line) < 600, line  # a long input is shortened, never quoted whole
        assert "internal error" not in line, line
    if outcome.code == 2 and not outcome.stderr.strip():
        raise AssertionError("exit 2 without a word on stderr")
