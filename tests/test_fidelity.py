"""The bundled documents are faithful to the source texts in data/sources/.

Every text field of every document is found in the cleaned source, in reading order, and what
lies between them is only what the cleaning is allowed to leave out: title lines and date lines.
"""

from __future__ import annotations

import filecmp
import re
from functools import cache
from pathlib import Path

import pytest

from fupin_cli.corpus import Corpus
from fupin_cli.extract.dates import date_line
from fupin_cli.ingest.clean import clean
from fupin_cli.ingest.header import is_title_like
from fupin_cli.models import Article, Document, Section, Task
from fupin_cli.query.documents import reading_order

SHARED_SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
_WS = re.compile(r"\s+")


def squeeze(text: str) -> str:
    return _WS.sub("", text)


@cache
def cleaned_lines(path: Path) -> tuple[str, ...]:
    return tuple(clean(path.read_text(encoding="utf-8")).lines)


def pieces(doc: Document) -> list[str]:
    """Every text of the document in the order a reader meets it."""
    out = [doc.notice or "", doc.preamble or ""]
    for _depth, node in reading_order(doc):
        if isinstance(node, Section):
            out.append(node.label + node.title + (node.text or ""))
        elif isinstance(node, Article):
            out.append(node.label + (node.title or "") + node.text)
            out.extend(i.label + i.text for i in node.items)
        else:
            assert isinstance(node, Task)
            out += [node.label + node.text, node.lead_line or "", node.co_line or ""]
    out.append(doc.closing or "")
    return [squeeze(p) for p in out if squeeze(p)]


def splits_into(gap: str, allowed: set[str]) -> bool:
    """Can `gap` be cut into lines from `allowed`? (a small dynamic programme)"""
    ok = [True] + [False] * len(gap)
    for i in range(len(gap)):
        if ok[i]:
            for line in allowed:
                if gap.startswith(line, i):
                    ok[i + len(line)] = True
    return ok[len(gap)]


def docs_by_source(corpus: Corpus) -> dict[str, list[Document]]:
    out: dict[str, list[Document]] = {}
    for doc in corpus.documents:
        out.setdefault(doc.source, []).append(doc)
    return out


def test_every_source_has_documents(corpus: Corpus, sources_dir: Path) -> None:
    sources = sorted(p.name for p in sources_dir.glob("*.txt"))
    assert sorted(docs_by_source(corpus)) == sources
    assert len(corpus.documents) == 6


@pytest.mark.parametrize(
    "source",
    [
        "000_50533539ccc110ed.txt",
        "001_a7b5605a1d10b5a9.txt",
        "002_316c6a89e7b059df.txt",
        "003_2b4e562b66f96e97.txt",
        "004_c52d5efe24cb6af9.txt",
    ],
)
def test_source_is_covered_in_order(corpus: Corpus, sources_dir: Path, source: str) -> None:
    lines = cleaned_lines(sources_dir / source)
    body = squeeze("".join(lines))
    allowed = {squeeze(x) for x in lines if is_title_like(x) or date_line(x)}
    docs = sorted(docs_by_source(corpus)[source], key=lambda d: body.find(pieces(d)[0]))
    cursor = 0
    for doc in docs:
        for piece in pieces(doc):
            at = body.find(piece, cursor)
            assert at >= 0, f"{doc.id}: not found in order in {source}: {piece[:40]}"
            gap = body[cursor:at]
            assert splits_into(gap, allowed), f"{doc.id}: source text left out: {gap[:80]}"
            cursor = at + len(piece)
    assert splits_into(body[cursor:], allowed), f"left out at the end: {body[cursor:][:80]}"


ARTICLE_LABEL = re.compile(r"^第[一二三四五六七八九十百零]+\s*[条條]")
ITEM_LABEL = re.compile(r"^[(（][一二三四五六七八九十]+[)）]")


@pytest.mark.parametrize(
    ("source", "articles", "tasks"),
    [
        ("004_c52d5efe24cb6af9.txt", 29, 0),
        ("000_50533539ccc110ed.txt", 30, 0),
        ("002_316c6a89e7b059df.txt", 22 + 12, 0),
        ("003_2b4e562b66f96e97.txt", 30, 0),
    ],
)
def test_counts_derived_from_source(
    corpus: Corpus, sources_dir: Path, source: str, articles: int, tasks: int
) -> None:
    text = (sources_dir / source).read_text(encoding="utf-8")
    # count labels in the raw text (split run-on headings only), independent of the parser
    lines = [
        x.strip()
        for x in re.sub(r"(?<=。)\s*(?=第[一二三四五六七八九十]+章)", "\n", text).splitlines()
    ]
    by_label = sum(1 for x in lines if ARTICLE_LABEL.match(x)) or sum(
        1 for x in lines if ITEM_LABEL.match(x)
    )
    docs = docs_by_source(corpus)[source]
    assert by_label == articles == sum(len(d.articles) for d in docs)
    assert sum(len(d.tasks) for d in docs) == tasks


def test_division_plan_counts(corpus: Corpus, sources_dir: Path) -> None:
    text = (sources_dir / "001_a7b5605a1d10b5a9.txt").read_text(encoding="utf-8")
    lead_lines = re.findall(r"^牵头单位", text, flags=re.M)
    co_lines = re.findall(r"^协同单位", text, flags=re.M)
    doc = corpus.document("yunnan-division")
    assert len(doc.tasks) == len(lead_lines) == 82
    assert sum(1 for t in doc.tasks if t.co_line) == len(co_lines)
    assert [a.label for a in doc.articles] == ["(一)", "(二)", "(三)", "(四)"]


def test_seed_copies_are_byte_identical(sources_dir: Path) -> None:
    if not SHARED_SEEDS.is_dir():
        pytest.skip("../shared/seeds is not next to this checkout")
    names = sorted(p.name for p in SHARED_SEEDS.glob("*.txt"))
    assert names == sorted(p.name for p in sources_dir.glob("*.txt"))
    match, mismatch, errors = filecmp.cmpfiles(SHARED_SEEDS, sources_dir, names, shallow=False)
    assert mismatch == [] and errors == [] and len(match) == 5


@pytest.mark.parametrize(
    ("doc_id", "ref", "label", "starts"),
    [
        ("yunnan", "14", "第十四 條", "州(市)黨委和政府應加強"),
        ("yunnan", "3", "第三條", "脫貧攻堅按照中央統籌"),
        ("yunnan", "4", "第四條", "省委、省政府對全省"),
        ("heilongjiang", "(十四)", "(十四)", "推動連接貧困地區"),
        ("weiyuan-accountability", "2", "第二条", "适用本办法的范围"),
    ],
)
def test_labels_and_cleaning(
    corpus: Corpus, doc_id: str, ref: str, label: str, starts: str
) -> None:
    doc = corpus.document(doc_id)
    art = corpus.article(doc, ref)
    assert art.label == label
    assert art.text.startswith(starts)


def test_pinyin_removed_but_parentheses_kept(corpus: Corpus) -> None:
    doc = corpus.document("yunnan")
    text = "".join(a.text for a in doc.articles)
    assert "(fā)" not in text and "(tǒng)" not in text and "fā" not in text
    assert "州(市)" in text and "縣(市、區)" in text
    # a run-on chapter heading is split off the article it followed
    assert not doc.article(3).text.endswith("省負總責")  # type: ignore[union-attr]
    assert [s.title for s in doc.sections][:2] == ["總則", "省負總責"]


def test_two_measures_in_one_notice(corpus: Corpus) -> None:
    a, b = corpus.document("weiyuan"), corpus.document("weiyuan-accountability")
    assert (len(a.articles), len(b.articles)) == (22, 12)
    assert a.doc_number == b.doc_number == "威脱贫攻坚办[2016]74号"
    assert a.issued == b.issued and a.issued is not None and a.issued.isoformat() == "2016-12-09"
    assert [i.label for i in b.article(6).items] == ["1.", "2.", "3.", "4.", "5."]  # type: ignore[union-attr]


def test_web_debris_is_not_content(corpus: Corpus) -> None:
    everything = "".join(squeeze(p) for d in corpus.documents for p in pieces(d))
    for debris in ("分享到", "发布时间", "阅读次数", "打印本页", "當前位置", "出处", "大理旅游业"):
        assert debris not in everything
