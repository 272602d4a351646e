"""Validity extraction over real laws: taking effect, stated periods, repeals (issue 16).

python bench/validity.py [FOLDER] [--sample N] [--show N]

Runs `extract.validity` over the body of every law in ../shared/corpus/lawrefbook and prints
how many files yield a provision on taking effect (dated, or counted from issue or
publication), a stated period, and what they repeal or replace, against a plain oracle: the
files whose text holds the words at all (起施行 / 起实施 / 起生效 after 本…自; 废止 or 代替 /
取代 near a 《title》). `--show N` prints N random findings of each kind to check by hand.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

from fupin_cli.extract.validity import find_effective, find_period, find_repeals

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT.parent / "shared" / "corpus" / "lawrefbook"
ORACLE_EFFECTIVE = re.compile(r"本[^。\n]{0,40}?自[^。\n]{0,30}?起[^。\n]{0,3}(?:施行|实施|生效)")
ORACLE_REPEAL = re.compile(r"《[^》]+》[^。\n]{0,60}?(?:废止|失效)|(?:代替|取代)《")


def body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split("<!-- INFO END -->", 1)[-1]


def measure(files: list[Path]) -> tuple[Counter[str], dict[str, list[str]]]:
    """Counts over `files` and the findings of each kind, as lines to check by hand."""
    counts: Counter[str] = Counter()
    found: dict[str, list[str]] = {"effective": [], "missed": [], "repeal": [], "period": []}
    for path in files:
        text = body(path)
        counts["files"] += 1
        effective = find_effective(text)
        said = ORACLE_EFFECTIVE.search(text) is not None
        counts["oracle effective"] += said
        if effective is not None:
            counts["effective"] += 1
            counts["effective dated" if effective.date else "effective relative"] += bool(
                effective.date or effective.relative
            )
            counts["effective own"] += effective.own
            found["effective"].append(f"{path.name}: {text[effective.begin : effective.stop]}")
        elif said:
            counts["oracle only"] += 1
            found["missed"].append(f"{path.name}: {ORACLE_EFFECTIVE.search(text).group(0)}")  # type: ignore[union-attr]
        period = find_period(text)
        if period is not None:
            counts["period"] += 1
            found["period"].append(f"{path.name}: {text[period.begin : period.stop]}")
        repeals = find_repeals(text)
        counts["oracle repeal files"] += ORACLE_REPEAL.search(text) is not None
        if repeals:
            counts["repeal files"] += 1
            counts["repeals"] += len(repeals)
            counts["replaces"] += sum(r.relation == "replaces" for r in repeals)
            counts["repeals with number"] += sum(r.number is not None for r in repeals)
            found["repeal"] += [f"{path.name}: {r.relation} {r.cited}" for r in repeals]
        if "暂行" in path.stem or "试行" in path.stem:
            counts["provisional titles"] += 1
    return counts, found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=FOLDER)
    parser.add_argument("--sample", type=int, default=0, help="only N files (fixed seed)")
    parser.add_argument("--show", type=int, default=0, help="print N findings of each kind")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: no such folder (the shared corpus is not here)", file=sys.stderr)
        return 2
    files = sorted(args.folder.rglob("*.md"))
    if args.sample:
        files = random.Random(16).sample(files, min(args.sample, len(files)))
    started = time.perf_counter()
    counts, found = measure(files)
    elapsed = time.perf_counter() - started
    n = counts["files"]
    print(f"{n} files in {elapsed:.1f} s")
    for key in (
        "oracle effective",
        "effective",
        "oracle only",
        "effective own",
        "effective dated",
        "effective relative",
        "period",
        "oracle repeal files",
        "repeal files",
        "repeals",
        "replaces",
        "repeals with number",
        "provisional titles",
    ):
        print(f"  {key:22} {counts[key]:6}  ({counts[key] / n:.1%} of files)")
    rng = random.Random(1)
    for kind, lines in found.items():
        for line in rng.sample(lines, min(args.show, len(lines))):
            print(f"{kind}: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
