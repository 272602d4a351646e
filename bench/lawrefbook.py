"""Parser invariants over real laws: the Markdown of `../shared/corpus/lawrefbook`.

    python bench/lawrefbook.py [--folder DIR] [--sample N] [--seed S] [--examples K]

Every file is read twice: once by a plain oracle that knows only the corpus's own format (the
`# ` title line, line-start `第X条` headings, `第X章` headings) and once by fupin's ingest
pipeline. The figures compare the two:

- titles right: the first document's title is the first `# ` line;
- chapters right: the 第X章 sections, in order, are the 第X章 heading lines;
- articles right: one document, whose articles are the line-start 第X条 headings, in order;
- text in source: every line of every article's text occurs in the file (whitespace aside);
- crashes: anything but a clean `IngestError` refusal. A file refused for want of any
  structure is read again with `as_paragraphs`, as a user would with --as-paragraphs.

The oracle (`expected`) and the comparison (`check`) are also what the test suite runs
(`tests/test_lawrefbook.py`), so the figures and the tests cannot drift apart.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = ROOT.parent / "shared" / "corpus" / "lawrefbook"

_CN = "一二三四五六七八九十百千零〇两"
# a stray space inside a label (第七十五 条) is a typo of the source, still a heading
_ARTICLE = re.compile(rf"^(第[{_CN}]+ ?条(?:之[{_CN}]+)?)(?:\s|$)")
_CHAPTER = re.compile(rf"^(?:#+\s*(第[{_CN}]+ ?章)|(第[{_CN}]+ ?章)(?:\s|$))")
_INFO_END = "<!-- INFO END -->"
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Expected:
    """What the file's own format says: its title, chapter labels and article labels."""

    title: str | None
    chapters: tuple[str, ...]
    articles: tuple[str, ...]
    text: str  # the whole file with whitespace removed, for the text-in-source check


def expected(text: str) -> Expected:
    """The oracle: read the format the corpus's README describes, nothing more."""
    lines = text.splitlines()
    title = next((x[2:].strip() for x in lines if x.startswith("# ")), None)
    if _INFO_END in lines:  # the dated lines above the marker are not the body
        lines = lines[lines.index(_INFO_END) + 1 :]
    # a chapter heading with nothing under it before the next one is a contents entry
    heads = [
        (n, m.group(1) or m.group(2))
        for n, x in enumerate(lines)
        if (m := _CHAPTER.match(x.strip()))
    ]
    ends = [n for n, _ in heads[1:]] + [len(lines)] if heads else []
    chapters = tuple(
        _SPACE.sub("", label)
        for (n, label), end in zip(heads, ends, strict=True)
        if any(x.strip() and not x.lstrip().startswith("#") for x in lines[n + 1 : end])
    )
    articles = tuple(_SPACE.sub("", m.group(1)) for x in lines if (m := _ARTICLE.match(x.strip())))
    return Expected(title, chapters, articles, _SPACE.sub("", text))


@dataclass
class Outcome:
    """How one file came out."""

    path: str
    documents: int = 0
    title: bool = False
    chapters: bool = False
    articles: bool = False
    texts: int = 0  # articles whose every line is in the source
    total: int = 0  # articles parsed
    expected_articles: int = 0
    tasks: int = 0  # a law assigns no lists of units: any task is a sentence misread
    crash: str | None = None  # an exception other than IngestError
    refused: str | None = None  # an IngestError
    got_title: str | None = None
    want_title: str | None = None
    detail: str = ""
    warnings: int = 0


def _chapters(sections: Iterable[Any]) -> list[str]:
    out: list[str] = []
    for sec in sections:
        if sec.kind == "chapter":
            out.append(_SPACE.sub("", sec.label))
        out += _chapters(sec.sections)
    return out


def check(path: str, text: str, registry: Any) -> Outcome:
    """Ingest one file and compare it with the oracle."""
    from fupin_cli.errors import IngestError
    from fupin_cli.ingest.pipeline import ingest_text

    want = expected(text)
    out = Outcome(path, expected_articles=len(want.articles), want_title=want.title)
    try:
        try:
            found = ingest_text(text, source=Path(path).name, registry=registry)
        except IngestError as exc:
            out.refused = str(exc)
            found = ingest_text(text, source=Path(path).name, registry=registry, as_paragraphs=True)
    except IngestError as exc:
        out.refused = str(exc)
        return out
    except Exception as exc:  # the point of the exercise: count crashes, do not stop
        out.crash = f"{type(exc).__name__}: {exc}"
        return out
    docs = found.documents
    out.documents = len(docs)
    out.warnings = len(found.warnings)
    out.got_title = docs[0].title if docs else None
    out.title = want.title is not None and out.got_title == want.title
    got_chapters = [c for d in docs for c in _chapters(d.sections)]
    out.chapters = got_chapters == list(want.chapters)
    labels = [_SPACE.sub("", a.label) for d in docs for a in d.articles]
    article_labels = [x for x in labels if _ARTICLE.match(x)]
    out.articles = len(docs) == 1 and article_labels == list(want.articles)
    if want.articles and article_labels != labels:
        out.articles = False
    out.tasks = sum(len(d.tasks) for d in docs)
    for d in docs:
        for art in d.articles:
            out.total += 1
            if all(_SPACE.sub("", line) in want.text for line in art.full_text.split("\n")):
                out.texts += 1
    if not out.articles:
        out.detail = f"{len(article_labels)} articles of {len(want.articles)}, {len(docs)} docs"
    elif not out.chapters:
        out.detail = f"chapters {len(got_chapters)} of {len(want.chapters)}"
    return out


def files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.md"))


def sample(paths: Sequence[Path], n: int | None, seed: int) -> list[Path]:
    """A fixed sample (the same for the same seed), or every file for n None."""
    if n is None or n >= len(paths):
        return list(paths)
    return sorted(random.Random(seed).sample(list(paths), n))


_REGISTRY: Any = None


def _check_file(path: str) -> Outcome:
    global _REGISTRY
    if _REGISTRY is None:
        from fupin_cli.corpus import ActorRegistry
        from fupin_cli.datafolder import ACTORS_FILE, bundled_data_dir
        from fupin_cli.loader import load_actors

        _REGISTRY = ActorRegistry(load_actors(bundled_data_dir() / ACTORS_FILE))
    return check(path, Path(path).read_text(encoding="utf-8"), _REGISTRY)


def run(paths: Sequence[Path], jobs: int = 1) -> list[Outcome]:
    names = [str(p) for p in paths]
    if jobs < 2:
        return [_check_file(p) for p in names]
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        return list(pool.imap(_check_file, names, chunksize=8))


@dataclass
class Figures:
    files: int
    titles: int
    chapters: int
    articles: int
    texts: int
    total: int
    crashes: int
    refused: int
    expected_articles: int
    failures: dict[str, list[Outcome]] = field(default_factory=dict)


def figures(outcomes: Sequence[Outcome]) -> Figures:
    return Figures(
        files=len(outcomes),
        titles=sum(o.title for o in outcomes),
        chapters=sum(o.chapters for o in outcomes),
        articles=sum(o.articles for o in outcomes),
        texts=sum(o.texts for o in outcomes),
        total=sum(o.total for o in outcomes),
        crashes=sum(o.crash is not None for o in outcomes),
        refused=sum(o.refused is not None for o in outcomes),
        expected_articles=sum(o.expected_articles for o in outcomes),
        failures={
            "title": [o for o in outcomes if not o.title],
            "chapters": [o for o in outcomes if not o.chapters],
            "articles": [o for o in outcomes if not o.articles],
            "crash": [o for o in outcomes if o.crash],
            "tasks": [o for o in outcomes if o.tasks],
        },
    )


def report(f: Figures, seconds: float, examples: int) -> str:
    def ratio(n: int, d: int) -> str:
        return f"{n}/{d} ({n / d:.1%})" if d else f"{n}/0"

    lines = [
        f"files                 {f.files}",
        f"titles right          {ratio(f.titles, f.files)}",
        f"chapters right        {ratio(f.chapters, f.files)}",
        f"articles right        {ratio(f.articles, f.files)}",
        f"article text in source {ratio(f.texts, f.total)}",
        f"articles parsed / headings  {f.total} / {f.expected_articles}",
        f"refused (IngestError) {f.refused}",
        f"crashes               {f.crashes}",
        f"time                  {seconds:.1f} s",
    ]
    for kind, failed in f.failures.items():
        if not failed:
            continue
        lines.append(f"\n{kind}: {len(failed)} failing, e.g.")
        for o in failed[:examples]:
            rel = o.path.split("lawrefbook/", 1)[-1]
            why = o.crash or o.refused or o.detail or f"{o.tasks} task(s)"
            if kind == "title":
                why = f"{o.got_title!r} for {o.want_title!r}"
            lines.append(f"  {rel}: {why}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--sample", type=int, default=None, help="a fixed sample of N files")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--examples", type=int, default=8)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: no such folder (the corpus lives in ../shared)", file=sys.stderr)
        return 2
    paths = sample(files(args.folder), args.sample, args.seed)
    started = time.perf_counter()
    outcomes = run(paths, args.jobs)
    print(report(figures(outcomes), time.perf_counter() - started, args.examples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
