"""Parser invariants over real laws (`../shared/corpus/lawrefbook`, 3,420 Markdown files).

For every file: the title is the `# ` line; one article per line-start 第X条 heading, in
order; the chapters are the 第X章 headings; every article's text is in the source; nothing
crashes. The oracle and the comparison live in `bench/lawrefbook.py` (which also prints the
figures over the whole folder). By default a fixed sample runs; `pytest -m corpus` runs
every file. The files are read where CI puts them, never copied into the project.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from fupin_cli.corpus import ActorRegistry
from fupin_cli.datafolder import ACTORS_FILE, bundled_data_dir
from fupin_cli.loader import load_actors

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT.parent / "shared" / "corpus" / "lawrefbook"
SAMPLE = 240
# Files whose source has a defect the parser reads as a reader would (a label with a stray
# space, 第七十五 条; a heading run on after a sentence, 。第六章附则第四十条; chapters 1-3
# listed in the contents but missing from the body), where the plain oracle, which only
# knows line-start headings, counts otherwise. Measured, not hoped: see bench/lawrefbook.py.
KNOWN_SOURCE_DEFECTS = {
    "DLC/山东地方法规/地方性法规/山东/青岛市海上交通安全条例(2014-09-26).md",
    "DLC/山东地方法规/地方性法规/山东/山东省循环经济条例(2016-07-22).md",
    "DLC/河南地方法规/地方性法规/河南/开封市城市市容和环境卫生管理条例(2019-01-21).md",
    "DLC/河南地方法规/地方性法规/河南/郑州市社会急救医疗条例(2019-01-22).md",
    "DLC/浙江地方法规/地方性法规/浙江/浙江省农村生活污水处理设施管理条例(2019-09-27).md",
    "DLC/重庆地方法规/地方性法规/重庆/重庆市合同格式条款监督条例(2010-07-30).md",
    "DLC/重庆地方法规/地方性法规/重庆/重庆市长江防护林体系管理条例(2019-05-31).md",
    "司法解释/最高人民法院关于适用《刑事诉讼法》的解释(2021-01-26).md",
    "诉讼与非诉讼程序法/刑事诉讼法(2018-10-26).md",
    "行政法规/建设工程抗震管理条例(2021-07-19).md",
}

needs_corpus = pytest.mark.skipif(
    not FOLDER.is_dir(),
    reason=f"the law corpus is not at {FOLDER} (it lives in ../shared beside the checkout)",
)


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_lawrefbook", ROOT / "bench" / "lawrefbook.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench = _bench()


def _all() -> list[Path]:
    return bench.files(FOLDER) if FOLDER.is_dir() else []


def _ids(paths: list[Path]) -> list[Any]:
    return [pytest.param(p, id=str(p.relative_to(FOLDER))) for p in paths]


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry(load_actors(bundled_data_dir() / ACTORS_FILE))


def _check(path: Path, registry: ActorRegistry) -> None:
    outcome = bench.check(str(path), path.read_text(encoding="utf-8"), registry)
    assert outcome.crash is None, outcome.crash
    assert outcome.title, f"title {outcome.got_title!r}, the # line says {outcome.want_title!r}"
    assert outcome.texts == outcome.total, "an article's text is not in the source"
    assert outcome.tasks == 0, "a sentence of a law was read as a list of units"
    if str(path.relative_to(FOLDER)) in KNOWN_SOURCE_DEFECTS:
        return
    assert outcome.articles, outcome.detail
    assert outcome.chapters, outcome.detail


@needs_corpus
@pytest.mark.parametrize("path", _ids(bench.sample(_all(), SAMPLE, seed=7)))
def test_sample_of_laws(path: Path, registry: ActorRegistry) -> None:
    _check(path, registry)


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("path", _ids(_all()))
def test_every_law(path: Path, registry: ActorRegistry) -> None:
    _check(path, registry)


def test_the_oracle_reads_the_format() -> None:
    text = "\n".join(
        [
            "# 某某条例",
            "2019年1月1日 某会议通过",
            "第三十一条的决定》修正",  # a broken dated line: above the marker, not an article
            "<!-- INFO END -->",
            "## 第一章 总则",
            "## 第二章 附则",
            "## 第一章 总则",  # the contents ends: only headings with text under them count
            "第一条 甲。",
            "第一条之一 乙。",
            "## 第二章 附则",
            "第二条 丙。",
        ]
    )
    want = bench.expected(text)
    assert want.title == "某某条例"
    assert want.chapters == ("第一章", "第二章")
    assert want.articles == ("第一条", "第一条之一", "第二条")
