"""Make a synthetic corpus of N documents from the seed (bundled) documents.

    python bench/make_corpus.py N DIR [--seed S] [--texts TXTDIR]

Each document is one of the six seeds with a new id, region and date, some articles dropped,
reordered and edited (region names replaced, clauses added, numbers changed) and renumbered,
and a varied task table (rows dropped, co-operating units reordered). The output is valid YAML
per the models, written with the same dumper as `fupin ingest`; actors.yaml and references.yaml
are copied. The same N and seed always give the same files. With --texts, the searchable text
of every document is also written as one plain-text file per document (for ripgrep).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
import sys
from pathlib import Path
from typing import Any

from fupin_cli.corpus import load_corpus
from fupin_cli.datafolder import bundled_data_dir
from fupin_cli.ingest.emit import dump_document
from fupin_cli.models import Article, Document, Task
from fupin_cli.numerals import int_to_chinese

SYLLABLES = (
    "安宝昌德东丰福富广贵海和华江金康乐临龙茂宁平清庆仁荣瑞山石顺泰通万文武西祥新兴阳永元云长镇中"
)
CLAUSES = (
    "，{r}结合实际细化落实",
    "，由{r}扶贫开发领导小组统筹推进",
    "，每年年底前向上级报告进展情况",
    "，纳入年度考核内容",
    "，建立工作台账，实行销号管理",
)
_REGION_PART = re.compile(r"(.+?[省市县区])")


def _name(rng: random.Random, suffix: str) -> str:
    return rng.choice(SYLLABLES) + rng.choice(SYLLABLES) + suffix


def _renames(seed: Document, rng: random.Random) -> tuple[str, list[tuple[str, str]]]:
    """A new region for a seed document and the (old, new) names to replace in its text."""
    parts = _REGION_PART.findall(seed.region)
    if not parts:  # 全国: a central document stays national
        return seed.region, []
    pairs: list[tuple[str, str]] = []
    for part in parts:
        new = _name(rng, part[-1])
        pairs.append((part, new))
        pairs.append((part[:-1], new[:-1]))
    region = "".join(new for old, new in pairs[::2])
    return region, pairs


def _edit(text: str, pairs: list[tuple[str, str]]) -> str:
    for old, new in pairs:
        text = text.replace(old, new)
    return text


def _label(label: str, no: int) -> str:
    if label.startswith("第") and label.endswith(("条", "條")):
        return f"第{int_to_chinese(no)}{label[-1]}"
    if label.startswith("(") and label.endswith(")"):
        return f"({int_to_chinese(no)})"
    return label


def _articles(
    seed: Document, rng: random.Random, pairs: list[tuple[str, str]], region: str
) -> tuple[list[Article], dict[int, int]]:
    kept = [a for a in seed.articles if rng.random() > 0.2] or list(seed.articles[:1])
    for i in range(len(kept) - 1):  # reorder: swap a few neighbours in the same section
        if kept[i].section == kept[i + 1].section and rng.random() < 0.15:
            kept[i], kept[i + 1] = kept[i + 1], kept[i]
    out: list[Article] = []
    renumbered: dict[int, int] = {}
    for no, art in enumerate(kept, start=1):
        text = _edit(art.text, pairs)
        if rng.random() < 0.4 and text.endswith("。"):
            text = text[:-1] + rng.choice(CLAUSES).format(r=region) + "。"
        if rng.random() < 0.2:
            text = re.sub(r"[1-9]", lambda m: str(rng.randint(1, 9)), text, count=1)
        items = tuple(it.model_copy(update={"text": _edit(it.text, pairs)}) for it in art.items)
        renumbered[art.no] = no
        out.append(
            art.model_copy(
                update={
                    "no": no,
                    "label": _label(art.label, no),
                    "text": text,
                    "items": items,
                    "title": _edit(art.title, pairs) if art.title else None,
                }
            )
        )
    return out, renumbered


def _tasks(seed: Document, rng: random.Random, pairs: list[tuple[str, str]]) -> list[Task]:
    kept = [t for t in seed.tasks if rng.random() > 0.25]
    out = []
    for no, task in enumerate(kept, start=1):
        co = list(task.co)
        rng.shuffle(co)
        out.append(
            task.model_copy(update={"no": no, "text": _edit(task.text, pairs), "co": tuple(co)})
        )
    return out


def synthesize(seed: Document, i: int, rng: random.Random) -> Document:
    """One synthetic document made from `seed`."""
    region, pairs = _renames(seed, rng)
    articles, renumbered = _articles(seed, rng, pairs, region)
    links: dict[str, Any] = {}
    for field in ("based_on", "cites"):
        links[field] = tuple(
            link.model_copy(
                update={
                    "article": renumbered.get(link.article) if link.article is not None else None
                }
            )
            for link in getattr(seed, field)
        )
    date = seed.issued or seed.effective or seed.published or dt.date(2016, 1, 1)
    shift = dt.timedelta(days=rng.randint(0, 900))
    return seed.model_copy(
        update={
            "id": f"{seed.id}-{i:05d}",
            "aliases": (),
            "title": _edit(seed.title, pairs),
            "short_title": _edit(seed.short_title, pairs),
            "region": region,
            "doc_number": None,
            "issued": date + shift if seed.issued else None,
            "effective": date + shift if seed.effective else None,
            "published": date + shift if seed.published else None,
            "preamble": _edit(seed.preamble, pairs) if seed.preamble else None,
            "notice": _edit(seed.notice, pairs) if seed.notice else None,
            "closing": _edit(seed.closing, pairs) if seed.closing else None,
            "articles": tuple(articles),
            "tasks": tuple(_tasks(seed, rng, pairs)),
            "notes": ("synthetic: bench/make_corpus.py",),
            **links,
        }
    )


def plain_text(doc: Document) -> str:
    """The searchable text of a document as one plain file (what ripgrep is given)."""
    parts = [doc.notice or "", doc.preamble or ""]
    parts += [a.full_text for a in doc.articles]
    parts += [t.text for t in doc.tasks]
    parts.append(doc.closing or "")
    return "\n".join(p for p in parts if p) + "\n"


def make(n: int, out: Path, seed: int = 0, texts: Path | None = None) -> list[Path]:
    """Write `n` documents (the six seeds first, then synthetic ones) into `out`."""
    bundled = bundled_data_dir()
    seeds = load_corpus(bundled, cached=False).documents
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    if texts is not None:
        texts.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n):
        base = seeds[i % len(seeds)]
        doc = base if i < len(seeds) else synthesize(base, i, rng)
        path = out / f"{doc.id}.yaml"
        path.write_text(dump_document(doc), encoding="utf-8")
        written.append(path)
        if texts is not None:
            (texts / f"{doc.id}.txt").write_text(plain_text(doc), encoding="utf-8")
    for name in ("actors.yaml", "references.yaml"):
        shutil.copyfile(bundled / name, out / name)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("dir", type=Path, help="output folder")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--texts", type=Path, help="also write plain texts here")
    args = parser.parse_args(argv)
    written = make(args.n, args.dir, args.seed, args.texts)
    sys.stderr.write(f"wrote {len(written)} documents to {args.dir}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
