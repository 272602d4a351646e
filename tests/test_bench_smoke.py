"""The benchmark still runs (at a tiny size) so it cannot rot."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import yaml

from fupin_cli.corpus import load_corpus

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_make_corpus_is_valid_and_deterministic(tmp_path: Path) -> None:
    make = _module("make_corpus")
    make.make(9, tmp_path / "a", seed=3, texts=tmp_path / "ta")
    make.make(9, tmp_path / "b", seed=3)
    a = sorted(p.name for p in (tmp_path / "a").glob("*.yaml"))
    assert len(a) == 9 + 2  # documents plus actors.yaml and references.yaml
    for name in a:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    corpus = load_corpus(tmp_path / "a", cached=False)  # validates every file
    assert len(corpus.documents) == 9
    synthetic = [d for d in corpus.documents if "synthetic" in " ".join(d.notes)]
    assert len(synthetic) == 3
    assert len(list((tmp_path / "ta").glob("*.txt"))) == 9
    raw = yaml.safe_load((tmp_path / "a" / f"{synthetic[0].id}.yaml").read_text("utf-8"))
    assert raw["id"] == synthetic[0].id


def test_run_prints_the_table(tmp_path: Path) -> None:
    bench = _module("run")
    laws = tmp_path / "laws"
    shared = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "lawrefbook"
    if shared.is_dir():  # two real laws, copied into the test's own folder
        laws.mkdir()
        for path in sorted(shared.rglob("*.md"))[:2]:
            shutil.copyfile(path, laws / path.name)
    rows = bench.run([8], repeat=1, workdir=tmp_path, lawrefbook=laws if shared.is_dir() else None)
    table = bench.render(rows)
    for label in (
        "one-command typer app",
        "fupin search 建档立卡, bundled",
        "fupin who-leads 饮水安全, bundled",
        "fupin show central 14, bundled",
        "fupin docs, bundled",
        "fupin index, 8 documents",
        "fupin duties 省交通厅, 8 documents",
        "fupin search 贫 --limit 20, 8 documents",
        "fupin search 扶贫, 8 documents",
        "fupin search 建档立卡, 8 documents",
        "x the YAML",
    ):
        assert label in table, label
    if shared.is_dir():
        assert "lawrefbook (2 laws)" in table
    assert all(r.seconds is None or r.seconds > 0 for r in rows)
    assert any(r.ratio is not None for r in rows)
