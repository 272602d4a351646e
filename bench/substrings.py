"""How often does a piece of a text find that text? The recall figure of `fupin search`.

    python bench/substrings.py [--tries 2000] [--seed 0]

Draws random substrings (1 to 12 characters, never only whitespace) of the bundled texts
(notices, preambles, articles with their items, tasks, closings), converts half of them to the
other script with OpenCC (`s2t` for a simplified text, `t2s` for a traditional one), searches
each in its own document and counts how many find the text they were cut from. Substrings of
tasks are also asked of `who_leads`. Prints found / tried and the misses.

The same draws are made whatever the code does, so the figure can be compared across commits.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator

from fupin_cli.corpus import Corpus, load_corpus
from fupin_cli.index import open_index
from fupin_cli.query.responsibility import who_leads
from fupin_cli.query.search import search


def units(corpus: Corpus) -> Iterator[tuple[str, str, str, str]]:
    """(doc id, script, kind, text) of every searchable unit of text."""
    for doc in corpus.documents:
        script = doc.script.value
        for kind, text in (("notice", doc.notice), ("preamble", doc.preamble)):
            if text:
                yield doc.id, script, kind, text
        for art in doc.articles:
            yield doc.id, script, "article", art.full_text
        for task in doc.tasks:
            yield doc.id, script, "task", task.text
        if doc.closing:
            yield doc.id, script, "closing", doc.closing


def draws(corpus: Corpus, tries: int, seed: int) -> Iterator[tuple[str, str, str, str, str]]:
    """(doc, kind, text, piece as cut, piece as asked) for `tries` random pieces."""
    import opencc

    convert = {"simplified": opencc.OpenCC("s2t"), "traditional": opencc.OpenCC("t2s")}
    pool = list(units(corpus))
    rng = random.Random(seed)
    made = 0
    while made < tries:
        doc, script, kind, text = rng.choice(pool)
        length = rng.randint(1, 12)
        start = rng.randint(0, max(0, len(text) - length))
        piece = text[start : start + length]
        if not piece.strip():
            continue
        other = rng.random() < 0.5
        asked = str(convert[script].convert(piece)) if other else piece
        made += 1
        yield doc, kind, text, piece, asked


def measure(tries: int, seed: int) -> dict[str, object]:
    corpus = load_corpus()
    searched = found = tasks = tasks_found = 0
    misses: list[str] = []
    started = time.perf_counter()
    with open_index() as index:
        for doc, kind, text, piece, asked in draws(corpus, tries, seed):
            searched += 1
            if any(h.text == text for h in search(index.conn, [asked], doc=doc)):
                found += 1
            else:
                misses.append(f"search {asked!r} (cut {piece!r} from {doc} {kind})")
            if kind == "task":
                tasks += 1
                hits = who_leads(corpus, asked.split(), doc=doc, kind="task")
                if any(h.text == text for h in hits):
                    tasks_found += 1
                else:
                    misses.append(f"who-leads {asked!r} (cut {piece!r} from {doc})")
    return {
        "search": (found, searched),
        "who_leads": (tasks_found, tasks),
        "seconds": round(time.perf_counter() - started, 1),
        "misses": misses,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tries", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=20, help="misses to list")
    args = parser.parse_args(argv)
    result = measure(args.tries, args.seed)
    found, searched = result["search"]  # type: ignore[misc]
    tfound, tasks = result["who_leads"]  # type: ignore[misc]
    print(f"search: {found} / {searched} substrings find their text")
    print(f"who-leads: {tfound} / {tasks} substrings of tasks find their task")
    misses: list[str] = result["misses"]  # type: ignore[assignment]
    for line in misses[: args.show]:
        print("  missed:", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
