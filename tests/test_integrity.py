"""One walk over the whole data set: references resolve, actors are known, nothing is doubled."""

from __future__ import annotations

from pathlib import Path

from fupin_cli.corpus import Corpus
from fupin_cli.datafolder import scan
from fupin_cli.normalize import normalize
from fupin_cli.validate import integrity_problems


def test_bundled_data_has_no_integrity_problems(corpus: Corpus, policies_dir: Path) -> None:
    problems = integrity_problems(corpus, scan(policies_dir))
    assert [str(p) for p in problems] == []


def test_every_link_resolves(corpus: Corpus) -> None:
    targets = set(corpus.by_id) | set(corpus.references_by_id)
    links = [link for d in corpus.documents for link in (*d.based_on, *d.cites)]
    assert links, "the documents link to superior rules"
    assert all(link.target in targets for link in links)


def test_every_task_unit_is_a_canonical_registry_name(corpus: Corpus) -> None:
    names = {a.name for a in corpus.actors}
    for _doc, task in corpus.all_tasks():
        assert set(task.lead) <= names and set(task.co) <= names
        assert len(set(task.lead)) == len(task.lead) and len(set(task.co)) == len(task.co)


def test_no_duplicate_ids_or_aliases(corpus: Corpus) -> None:
    keys = [normalize(k) for d in corpus.documents for k in (d.id, *d.aliases)]
    keys += [normalize(r.id) for r in corpus.references]
    assert len(keys) == len(set(keys))
    names = [normalize(n) for a in corpus.actors for n in (a.name, *(x.name for x in a.aliases))]
    assert len(names) == len(set(names))


def test_every_alias_resolves_to_its_actor(corpus: Corpus) -> None:
    for actor in corpus.actors:
        for alias in actor.aliases:
            assert corpus.registry.resolve(alias.name) == actor.name


def test_known_aliases_in_the_division_plan(corpus: Corpus) -> None:
    doc = corpus.document("yunnan-division")
    units = {u for t in doc.tasks for u in (*t.lead, *t.co)}
    for alias in ("省交通厅", "省发展改革委员会", "银监会云南监管局", "中国保监会云南保监局"):
        assert alias not in units
        assert corpus.registry.canonical(alias) in units


def test_run_together_units_are_split(corpus: Corpus) -> None:
    doc = corpus.document("yunnan-division")
    task = next(t for t in doc.tasks if "省林业厅省水利厅" in (t.co_line or ""))
    assert task.co[-2:] == ("省林业厅", "省水利厅")


def test_missing_colon_and_repeated_unit(corpus: Corpus) -> None:
    doc = corpus.document("yunnan-division")
    no_colon = next(t for t in doc.tasks if t.lead_line == "牵头单位 省扶贫办。")
    assert no_colon.lead == ("省扶贫办",)
    doubled = next(t for t in doc.tasks if (t.co_line or "").count("中国保监会云南监管局") == 2)
    assert doubled.co.count("中国保监会云南监管局") == 1


def test_dates_in_order(corpus: Corpus) -> None:
    for doc in corpus.documents:
        if doc.issued and doc.effective:
            assert doc.issued <= doc.effective
