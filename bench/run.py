"""Measure fupin's speed: start-up on the bundled data, search and index build at scale.

    python bench/run.py [--sizes 1000 10000] [--repeat 7] [--workdir DIR]

Every command runs as a subprocess (`python -m fupin_cli ...` with this checkout on
PYTHONPATH), several times; the table shows medians and ratios against a baseline:

- `fupin who-leads 饮水安全`, `fupin search 建档立卡`, `fupin diff central yunnan` on the bundled
  data against `python -c "import typer"` (the floor any typer CLI pays) and against a
  one-command typer app (what running any typer command costs: typer imports pydantic then);
- for each size: building the index (`fupin index`; wall time, peak memory of the whole
  process tree) and `fupin search 建档立卡` against ripgrep (`rg`, or `grep -r` when ripgrep is
  not installed) over the same texts as one plain file per document.

The caches live under --workdir (FUPIN_CACHE_DIR), never in the user's cache.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINIMAL_TYPER_APP = """
import typer
app = typer.Typer(add_completion=False)
@app.command()
def hello(name: str) -> None:
    print(name)
app()
"""


@dataclass
class Row:
    what: str
    seconds: float
    baseline: str = ""
    ratio: float | None = None
    target: str = ""
    note: str = ""


def _env(cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env["FUPIN_CACHE_DIR"] = str(cache)
    env.pop("FUPIN_DATA", None)
    env.pop("FUPIN_TERMINAL", None)
    return env


def _run(cmd: Sequence[str], env: dict[str, str], ok: Sequence[int] = (0,)) -> bytes:
    # Output goes to a pipe that is read, never to /dev/null: ripgrep stops at the first
    # match when it sees /dev/null, which would not be a fair comparison.
    proc = subprocess.run(cmd, env=env, capture_output=True, check=False)
    if proc.returncode not in ok:
        raise SystemExit(
            f"{' '.join(cmd)} failed ({proc.returncode}): "
            f"{proc.stderr.decode(errors='replace')[-500:]}"
        )
    return proc.stdout


def median_time(
    cmd: Sequence[str], env: dict[str, str], repeat: int, ok: Sequence[int] = (0,)
) -> float:
    _run(cmd, env, ok)  # warm up: the page cache, the compiled index
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        _run(cmd, env, ok)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants, from /proc."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


def timed_peak(cmd: Sequence[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time and peak memory of the process tree (sampled every 20 ms on Linux)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = 0
    if Path("/proc").is_dir():

        def sample() -> None:
            nonlocal peak
            while proc.poll() is None:
                peak = max(peak, _tree_rss(proc.pid))
                time.sleep(0.02)

        thread = threading.Thread(target=sample, daemon=True)
        thread.start()
    _out, err = proc.communicate()
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {err.decode(errors='replace')[-500:]}")
    if Path("/proc").is_dir():
        thread.join()
    else:  # pragma: no cover - not Linux: the largest single process instead
        import resource

        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return elapsed, peak


def grep_command(pattern: str, folder: Path) -> tuple[list[str], str]:
    rg = shutil.which("rg")
    if rg:
        return [rg, "--no-config", pattern, str(folder)], "ripgrep"
    return ["grep", "-r", pattern, str(folder)], "grep -r (ripgrep is not installed)"


def run(sizes: Sequence[int], repeat: int, workdir: Path, seed: int = 0) -> list[Row]:
    cache = workdir / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    env = _env(cache)
    py = sys.executable
    fupin = [py, "-m", "fupin_cli"]
    rows: list[Row] = []
    floor = median_time([py, "-c", "import typer"], env, repeat)
    rows.append(Row('python -c "import typer"', floor, note="the floor"))
    minimal_app = workdir / "minimal_typer_app.py"
    minimal_app.write_text(MINIMAL_TYPER_APP)
    app_floor = median_time([py, str(minimal_app), "x"], env, repeat)
    rows.append(
        Row(
            "one-command typer app",
            app_floor,
            "import typer",
            app_floor / floor,
            note="typer imports pydantic to run a command",
        )
    )
    for label, args, target in (
        ("fupin who-leads 饮水安全", ["who-leads", "饮水安全"], "<= 1.5"),
        ("fupin search 建档立卡", ["search", "建档立卡"], "<= 1.5"),
        ("fupin diff central yunnan", ["diff", "central", "yunnan"], ""),
    ):
        t = median_time([*fupin, *args], env, repeat, ok=(0, 1))
        rows.append(
            Row(
                f"{label} (bundled)",
                t,
                "import typer",
                t / floor,
                target,
                f"{t / app_floor:.2f}x the one-command typer app",
            )
        )
    for n in sizes:
        corpus = workdir / f"corpus-{n}"
        texts = workdir / f"texts-{n}"
        if not corpus.is_dir() or len(list(corpus.glob("*.yaml"))) != n + 2:
            shutil.rmtree(corpus, ignore_errors=True)
            shutil.rmtree(texts, ignore_errors=True)
            subprocess.run(
                [
                    py,
                    str(ROOT / "bench" / "make_corpus.py"),
                    str(n),
                    str(corpus),
                    "--seed",
                    str(seed),
                    "--texts",
                    str(texts),
                ],
                env=env,
                check=True,
                stderr=subprocess.DEVNULL,
            )
        build, peak = timed_peak([*fupin, "index", "--data", str(corpus)], env)
        size_mb = sum(f.stat().st_size for f in corpus.glob("*.yaml")) / 1e6
        rows.append(
            Row(
                f"fupin index, {n} documents",
                build,
                "",
                None,
                "< 60 s, < 1 GB",
                f"peak memory {peak / 1e6:.0f} MB; {size_mb:.0f} MB of YAML",
            )
        )
        grep, grep_name = grep_command("建档立卡", texts)
        t_grep = median_time(grep, env, repeat, ok=(0, 1))
        t_search = median_time(
            [*fupin, "search", "建档立卡", "--data", str(corpus)], env, repeat, ok=(0, 1)
        )
        hits = len(
            _run(
                [*fupin, "search", "建档立卡", "--data", str(corpus), "-f", "jsonl"], env, ok=(0, 1)
            ).splitlines()
        )
        lines = len(_run(grep, env, ok=(0, 1)).splitlines())
        rows.append(
            Row(f"{grep_name} 建档立卡, {n} documents", t_grep, note=f"{lines} matching lines")
        )
        rows.append(
            Row(
                f"fupin search 建档立卡, {n} documents",
                t_search,
                grep_name,
                t_search / t_grep,
                "<= 1.0" if n >= 10000 else "",
                f"{hits} hits",
            )
        )
    return rows


def render(rows: Sequence[Row]) -> str:
    head = ("measurement", "median", "against", "ratio", "target", "note")
    body = [
        (
            r.what,
            f"{r.seconds:.3f} s",
            r.baseline,
            f"{r.ratio:.2f}" if r.ratio is not None else "",
            r.target,
            r.note,
        )
        for r in rows
    ]
    widths = [max(_width(x[i]) for x in (head, *body)) for i in range(len(head))]
    lines = []
    for cells in (head, *body):
        lines.append(
            "  ".join(c + " " * (widths[i] - _width(c)) for i, c in enumerate(cells)).rstrip()
        )
    return "\n".join(lines)


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument(
        "--workdir",
        type=Path,
        help="where corpora and caches go (default: a temporary folder, removed afterwards)",
    )
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.workdir is not None:
        rows = run(args.sizes, args.repeat, args.workdir, args.seed)
    else:
        with tempfile.TemporaryDirectory(prefix="fupin-bench-") as tmp:
            rows = run(args.sizes, args.repeat, Path(tmp), args.seed)
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
        f"median of {args.repeat} runs after one warm-up"
    )
    print(render(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
