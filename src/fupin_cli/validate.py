"""Integrity checks across a whole corpus: references resolve, actors are known, no duplicates.

Schema errors are found by the loader; these are the checks that need every file at once.
"""

from __future__ import annotations

from pathlib import Path

from .corpus import Corpus
from .datafolder import DataFolder
from .errors import DataError
from .i18n import N_, _
from .loader import line_of
from .normalize import normalize

#: An actor an article names that the registry does not know.
NOT_IN_REGISTRY = N_('actor "{actor}" is not in the registry')


class _Problems:
    def __init__(self) -> None:
        self.items: list[DataError] = []
        self._texts: dict[Path, str] = {}

    def add(self, path: Path, loc: tuple[int | str, ...], message: str) -> None:
        if path not in self._texts:
            try:
                self._texts[path] = path.read_text(encoding="utf-8")
            except OSError:
                self._texts[path] = ""
        field = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in loc).replace(".[", "[")
        self.items.append(DataError(path, line_of(self._texts[path], loc), field or None, message))


def coverage_warnings(corpus: Corpus) -> list[DataError]:
    """What each document's reading may have missed (see `coverage`), as file:line warnings."""
    from .coverage import findings

    p = _Problems()
    for doc in corpus.documents:
        for found in findings(doc):
            p.add(corpus.paths[doc.id], found.loc, found.message)
    return p.items


def integrity_problems(corpus: Corpus, files: DataFolder) -> list[DataError]:
    """Every cross-file problem of `corpus` (loaded from `files`), in file order."""
    p = _Problems()
    paths = corpus.paths
    registry = corpus.registry
    targets = set(corpus.by_id) | set(corpus.references_by_id)

    seen_keys: dict[str, str] = {}
    for doc in corpus.documents:
        for i, key in enumerate((doc.id, *doc.aliases)):
            norm = normalize(key)
            other = seen_keys.get(norm)
            if other is not None and other != doc.id:
                loc: tuple[int | str, ...] = ("id",) if i == 0 else ("aliases", i - 1)
                p.add(
                    paths[doc.id],
                    loc,
                    _('"{key}" is also an id or alias of {other}').format(key=key, other=other),
                )
            seen_keys.setdefault(norm, doc.id)
    for j, ref in enumerate(corpus.references):
        if ref.id in corpus.by_id:
            p.add(
                files.references,
                ("references", j, "id"),
                _('"{id}" is also a document id').format(id=ref.id),
            )

    names: dict[str, str] = {}
    for j, actor in enumerate(corpus.actors):
        for k, name in enumerate((actor.name, *(a.name for a in actor.aliases))):
            norm = normalize(name)
            if norm in names and names[norm] != actor.name:
                loc = ("actors", j, "name") if k == 0 else ("actors", j, "aliases", k - 1, "name")
                p.add(
                    files.actors,
                    loc,
                    _('"{name}" is also a name of {other}').format(name=name, other=names[norm]),
                )
            names.setdefault(norm, actor.name)

    for doc in corpus.documents:
        path = paths[doc.id]
        nos = {a.no for a in doc.articles}
        for field_name, links in (("based_on", doc.based_on), ("cites", doc.cites)):
            for i, link in enumerate(links):
                if link.target not in targets:
                    p.add(
                        path,
                        (field_name, i, "target"),
                        _('"{target}" is neither a document nor a registry reference').format(
                            target=link.target
                        ),
                    )
                if link.target == doc.id:
                    p.add(path, (field_name, i, "target"), _("a document cannot cite itself"))
                if link.article is not None and link.article not in nos:
                    p.add(
                        path,
                        (field_name, i, "article"),
                        _("no article {no}").format(no=link.article),
                    )
        if doc.issued and doc.effective and doc.effective < doc.issued:
            p.add(path, ("effective",), _("effective date is before the issue date"))
        for i, task in enumerate(doc.tasks):
            as_written = set(task.unknown) | set(task.generic)
            for role in ("lead", "responsible", "co"):
                units = getattr(task, role)
                for j, unit in enumerate(units):
                    if unit not in registry.by_name and unit not in as_written:
                        p.add(
                            path,
                            ("tasks", i, role, j),
                            _(
                                'unit "{unit}" is not in the registry (nor listed as unknown)'
                            ).format(unit=unit),
                        )
                    if unit in units[:j]:
                        p.add(
                            path,
                            ("tasks", i, role, j),
                            _('unit "{unit}" listed twice').format(unit=unit),
                        )
            for role in ("responsible", "co"):
                for j, unit in enumerate(getattr(task, role)):
                    if unit in task.lead:
                        p.add(
                            path,
                            ("tasks", i, role, j),
                            _('unit "{unit}" is both lead and {role}').format(unit=unit, role=role),
                        )
        for i, art in enumerate(doc.articles):
            for j, named in enumerate(art.actors):
                if named not in registry.by_name:
                    p.add(
                        path,
                        ("articles", i, "actors", j),
                        _(NOT_IN_REGISTRY).format(actor=named),
                    )
            for j, rel in enumerate(art.relations):
                for end, end_name in (("from", rel.from_), ("to", rel.to)):
                    if end_name is not None and end_name not in registry.by_name:
                        p.add(
                            path,
                            ("articles", i, "relations", j, end),
                            _(NOT_IN_REGISTRY).format(actor=end_name),
                        )
    for j, actor in enumerate(corpus.actors):
        for k, succ in enumerate(actor.successors):
            if normalize(succ.name) == normalize(actor.name):
                p.add(
                    files.actors,
                    ("actors", j, "successors", k, "name"),
                    _("a unit cannot succeed itself"),
                )
    return p.items
