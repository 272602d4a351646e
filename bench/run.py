"""Measure fupin's speed: start-up against the typer floor, the index and the queries at scale,
every search beside ripgrep over the same texts.

    python bench/run.py [--sizes 10000 100000] [--repeat 5] [--workdir DIR]
                        [--lawrefbook DIR] [--max-build 600]

Every command runs as a subprocess (`python -m fupin_cli ...` with this checkout on
PYTHONPATH); the table shows the median wall time of `--repeat` runs after one warm-up, the
largest resident memory of those runs, and ratios:

- start-up: `fupin search`, `who-leads`, `show`, `docs` on the bundled data against a
  one-command typer app that does nothing (the floor any typer command pays);
- for each size, a synthetic corpus from `bench/make_corpus.py`: `fupin index` (time, peak
  memory of the process tree, size on disk against the YAML), who-leads, duties, show, docs,
  and search with a 1-, 2- and 4-character word, with and without `--limit 20`, each beside
  ripgrep printing every matching line of the same texts (one plain file per document). A
  build that takes longer than --max-build seconds is stopped and reported as such;
- the real corpus (`../shared/corpus/lawrefbook` when it is there): its laws turned into YAML
  by fupin's ingest pipeline (what `fupin ingest FILE --id ID --out DIR` runs), the index,
  and the same searches against ripgrep over the Markdown files.

Output goes to a file (ripgrep stops at the first match when it writes to /dev/null). The
caches live under --workdir (FUPIN_CACHE_DIR), never in the user's cache, and so does the
compiled bytecode of this checkout (PYTHONPYCACHEPREFIX): an installed package is compiled
once, so the start of a command should not count compiling it.
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
LAWREFBOOK = ROOT.parent / "shared" / "corpus" / "lawrefbook"
MINIMAL_TYPER_APP = """
import typer
app = typer.Typer(add_completion=False)
@app.command()
def hello(name: str) -> None:
    print(name)
app()
"""
#: The words searched for, by length: (synthetic corpora, the laws).
WORDS = (("贫", "法"), ("扶贫", "行政"), ("建档立卡", "人民法院"))
QUERY_TARGET = "<= 0.3 s, <= 100 MB at 10,000"


@dataclass
class Row:
    what: str
    seconds: float | None
    mb: float | None = None
    baseline: str = ""
    ratio: float | None = None
    target: str = ""
    note: str = ""


@dataclass(frozen=True)
class Timing:
    seconds: float  # median wall time
    mb: float  # the largest resident set of the runs
    output: int  # lines written by the last run


def _env(cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env["FUPIN_CACHE_DIR"] = str(cache)
    # as an installed package runs: compiled once (pip compiles at install), not at every start
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache / "pycache")
    for name in ("FUPIN_DATA", "FUPIN_TERMINAL", "COLUMNS"):
        env.pop(name, None)
    return env


#: GNU time reports a command's own peak memory; a child of this (larger) process would
#: also count the pages it shared with it before it ran the command.
GNU_TIME = "/usr/bin/time" if Path("/usr/bin/time").is_file() else None


def _once(
    cmd: Sequence[str], env: dict[str, str], ok: Sequence[int], sink: Path
) -> tuple[float, int]:
    """Run once, stdout to a file: wall seconds and the command's peak memory (KB)."""
    wrapped = [GNU_TIME, "-f", "%M", *cmd] if GNU_TIME else list(cmd)
    with open(sink, "wb") as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(wrapped, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = err.read().decode(errors="replace").rstrip().splitlines()
    if code not in ok:
        raise SystemExit(f"{' '.join(cmd)} failed ({code}): {' '.join(tail[-5:])}")
    peak = int(tail[-1]) if GNU_TIME and tail and tail[-1].isdigit() else int(usage.ru_maxrss)
    return elapsed, peak


def measure(
    cmd: Sequence[str], env: dict[str, str], repeat: int, ok: Sequence[int] = (0, 1)
) -> Timing:
    """Median wall time after one warm-up, and the largest peak memory, of a command."""
    fd, name = tempfile.mkstemp(prefix="fupin-bench-", suffix=".out")
    os.close(fd)
    sink = Path(name)
    try:
        _once(cmd, env, ok, sink)  # warm up: the page cache, the compiled index
        runs = [_once(cmd, env, ok, sink) for _ in range(repeat)]
        with open(sink, "rb") as fh:
            lines = sum(1 for _ in fh)
    finally:
        sink.unlink(missing_ok=True)
    return Timing(statistics.median(t for t, _ in runs), max(k for _, k in runs) / 1024, lines)


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


def timed_peak(
    cmd: Sequence[str],
    env: dict[str, str],
    ok: Sequence[int] = (0,),
    timeout: float | None = None,
) -> tuple[float, int]:
    """Wall time and peak memory (bytes) of the process tree, sampled every 10 ms; a run past
    `timeout` seconds is killed and its time returned as infinity."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    linux = Path("/proc").is_dir()

    def sample() -> None:
        nonlocal peak
        while proc.poll() is None:
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.01)

    thread = threading.Thread(target=sample, daemon=True)
    if linux:
        thread.start()
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return float("inf"), peak
    elapsed = time.perf_counter() - start
    if proc.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)} failed: {err.decode(errors='replace')[-500:]}")
    if linux:
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


def _folder_bytes(folder: Path, suffixes: tuple[str, ...]) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.suffix in suffixes)


def startup(env: dict[str, str], repeat: int, workdir: Path) -> list[Row]:
    py = sys.executable
    fupin = [py, "-m", "fupin_cli"]
    typer_only = measure([py, "-c", "import typer"], env, repeat, ok=(0,))
    minimal_app = workdir / "minimal_typer_app.py"
    minimal_app.write_text(MINIMAL_TYPER_APP)
    floor = measure([py, str(minimal_app), "x"], env, repeat, ok=(0,))
    rows = [
        Row('python -c "import typer"', typer_only.seconds, typer_only.mb),
        Row("one-command typer app (the floor)", floor.seconds, floor.mb),
    ]
    for label, args in (
        ("fupin search 建档立卡", ["search", "建档立卡"]),
        ("fupin who-leads 饮水安全", ["who-leads", "饮水安全"]),
        ("fupin show central 14", ["show", "central", "14"]),
        ("fupin docs", ["docs"]),
    ):
        t = measure([*fupin, *args], env, repeat)
        rows.append(
            Row(f"{label}, bundled", t.seconds, t.mb, "floor", t.seconds / floor.seconds, "<= 1.2")
        )
    return rows


def corpus_rows(
    label: str,
    data: Path,
    texts: Path,
    words: Sequence[str],
    env: dict[str, str],
    repeat: int,
    max_build: float,
    queries: bool,
    targets: dict[str, str],
) -> list[Row]:
    """The index and the queries on one data folder, searches beside ripgrep over `texts`."""
    py = sys.executable
    fupin = [py, "-m", "fupin_cli"]
    rows: list[Row] = []
    build, peak = timed_peak([*fupin, "index", "--data", str(data)], env, timeout=max_build)
    yaml_bytes = _folder_bytes(data, (".yaml", ".yml"))
    if build == float("inf"):
        rows.append(Row(f"fupin index, {label}", None, note=f"not built in {max_build:.0f} s"))
        return rows
    where = subprocess.run(
        [*fupin, "index", "--path", "--data", str(data)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    size = Path(where).stat().st_size
    rows.append(
        Row(
            f"fupin index, {label}",
            build,
            peak / 1e6,
            target="< 60 s, < 1 GB" if "10,000" in label else "",
            note=f"{size / 1e6:.0f} MB on disk = {size / yaml_bytes:.2f}x the YAML "
            f"({yaml_bytes / 1e6:.0f} MB)",
        )
    )
    if queries:
        for what, args in (
            ("fupin who-leads 饮水安全", ["who-leads", "饮水安全"]),
            ("fupin duties 省交通厅", ["duties", "省交通厅"]),
            ("fupin show central 14", ["show", "central", "14"]),
            ("fupin docs", ["docs"]),
        ):
            t = measure([*fupin, *args, "--data", str(data)], env, repeat)
            rows.append(
                Row(
                    f"{what}, {label}",
                    t.seconds,
                    t.mb,
                    target=targets.get("query", ""),
                    note=f"{t.output} lines",
                )
            )
    for word in words:
        grep, grep_name = grep_command(word, texts)
        g = measure(grep, env, repeat)
        rows.append(Row(f"{grep_name} {word}, {label}", g.seconds, g.mb, note=f"{g.output} lines"))
        full = measure([*fupin, "search", word, "--data", str(data)], env, repeat)
        limited = measure([*fupin, "search", word, "-n", "20", "--data", str(data)], env, repeat)
        rows.append(
            Row(
                f"fupin search {word}, {label}",
                full.seconds,
                full.mb,
                grep_name,
                full.seconds / g.seconds,
                targets.get(f"full{len(word)}", ""),
                f"{full.output - 1} hits",
            )
        )
        rows.append(
            Row(
                f"fupin search {word} --limit 20, {label}",
                limited.seconds,
                limited.mb,
                grep_name,
                limited.seconds / g.seconds,
                targets.get("limit", ""),
            )
        )
    return rows


def synthetic(n: int, workdir: Path, env: dict[str, str], seed: int) -> tuple[Path, Path]:
    corpus = workdir / f"corpus-{n}"
    texts = workdir / f"texts-{n}"
    if not corpus.is_dir() or len(list(corpus.glob("*.yaml"))) != n + 2:
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(texts, ignore_errors=True)
        subprocess.run(
            [
                sys.executable,
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
    return corpus, texts


def ingest_laws(source: Path, out: Path) -> tuple[int, int]:
    """Every law of `source` as fupin YAML in `out`, through the ingest pipeline (what
    `fupin ingest FILE --id law-N --out DIR` runs). Returns (written, refused)."""
    sys.path.insert(0, str(ROOT / "src"))
    from fupin_cli.corpus import ActorRegistry
    from fupin_cli.datafolder import scan
    from fupin_cli.errors import FupinError
    from fupin_cli.ingest.emit import dump_document
    from fupin_cli.ingest.pipeline import ingest_bytes
    from fupin_cli.loader import load_actors

    done = out / ".complete"
    files = sorted(source.rglob("*.md"))
    if done.is_file():
        return len(list(out.glob("*.yaml"))), int(done.read_text() or 0)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    refused = 0
    registry = ActorRegistry(load_actors(scan(None).actors))  # as `fupin ingest` does
    for i, path in enumerate(files, start=1):
        try:
            found = ingest_bytes(
                path.read_bytes(), source=path.name, registry=registry, doc_id=f"law-{i:04d}"
            )
        except FupinError:
            refused += 1
            continue
        for j, doc in enumerate(found.documents):
            doc_id = doc.id if j == 0 else f"law-{i:04d}-{j}"
            (out / f"{doc_id}.yaml").write_text(
                dump_document(doc.model_copy(update={"id": doc_id})), encoding="utf-8"
            )
    done.write_text(str(refused))
    return len(list(out.glob("*.yaml"))), refused


def run(
    sizes: Sequence[int],
    repeat: int,
    workdir: Path,
    seed: int = 0,
    lawrefbook: Path | None = None,
    max_build: float = 600.0,
) -> list[Row]:
    cache = workdir / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    env = _env(cache)
    rows = startup(env, repeat, workdir)
    for n in sizes:
        started = time.perf_counter()
        corpus, texts = synthetic(n, workdir, env, seed)
        label = f"{n:,} documents"
        targets = {}
        if n >= 10000:
            targets = {"query": "<= 0.3 s, <= 100 MB", "limit": "<= 2.0"}
        if n >= 100000:
            targets = {"limit": "< 1.0", "full4": "<= 1.5"}
        rows += corpus_rows(
            label,
            corpus,
            texts,
            [w for w, _ in WORDS],
            env,
            repeat,
            max_build,
            queries=True,
            targets=targets,
        )
        rows[-1].note += f" (corpus made and measured in {time.perf_counter() - started:.0f} s)"
    if lawrefbook is not None and lawrefbook.is_dir():
        laws = workdir / "lawrefbook-yaml"
        # in a process of its own, so that this one stays small (a child's peak memory
        # counts the parent's pages it starts with)
        done = subprocess.run(
            [sys.executable, __file__, "--ingest-laws", str(lawrefbook), str(laws)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        written, refused = (int(x) for x in done.stdout.split())
        law_rows = corpus_rows(
            f"lawrefbook ({written} laws)",
            laws,
            lawrefbook,
            [w for _, w in WORDS],
            env,
            repeat,
            max_build,
            queries=False,
            targets={},
        )
        law_rows[0].note += f"; {refused} file(s) refused by ingest"
        rows += law_rows
    return rows


def render(rows: Sequence[Row]) -> str:
    head = ("measurement", "median", "peak", "against", "ratio", "target", "note")
    body = [
        (
            r.what,
            "-" if r.seconds is None else f"{r.seconds:.3f} s",
            "" if r.mb is None else f"{r.mb:.0f} MB",
            r.baseline,
            f"{r.ratio:.2f}x" if r.ratio is not None else "",
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
    parser.add_argument("--sizes", type=int, nargs="*", default=[10000, 100000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--workdir",
        type=Path,
        help="where corpora and caches go (default: a temporary folder, removed afterwards)",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--lawrefbook",
        type=Path,
        default=LAWREFBOOK if LAWREFBOOK.is_dir() else None,
        help="the folder of real laws (default: ../shared/corpus/lawrefbook when present)",
    )
    parser.add_argument(
        "--max-build", type=float, default=600.0, help="stop an index build after this long (s)"
    )
    parser.add_argument("--ingest-laws", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.ingest_laws:
        print(*ingest_laws(*args.ingest_laws))
        return 0
    if args.workdir is not None:
        rows = run(
            args.sizes, args.repeat, args.workdir, args.seed, args.lawrefbook, args.max_build
        )
    else:
        with tempfile.TemporaryDirectory(prefix="fupin-bench-") as tmp:
            rows = run(
                args.sizes, args.repeat, Path(tmp), args.seed, args.lawrefbook, args.max_build
            )
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
        f"median of {args.repeat} runs after one warm-up"
    )
    print(render(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
