"""Read a comparison page back with the standard HTML parser: its elements, its structure."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from fupin_cli.datafolder import bundled_data_dir

SCRIPT = "<script>alert('x')</script>"
VOID = {"meta", "link", "input", "br", "col", "img", "hr", "wbr", "source"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None = None
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> list[Element]:
        out: list[Element] = []
        for child in self.children:
            if isinstance(child, Element):
                out.append(child)
                out += child.iter()
        return out

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [
            e
            for e in self.iter()
            if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)
        ]

    def find(self, tag: str | None = None, cls: str | None = None) -> Element | None:
        found = self.find_all(tag, cls)
        return found[0] if found else None


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.at = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.at)
        self.at.children.append(element)
        if tag not in VOID:
            self.at = element

    def handle_endtag(self, tag: str) -> None:
        at: Element | None = self.at
        while at is not None and at.tag != tag:
            at = at.parent
        assert at is not None and at.parent is not None, f"</{tag}> closes nothing"
        self.at = at.parent

    def handle_data(self, data: str) -> None:
        self.at.children.append(data)


def parse(html: str) -> Element:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    assert builder.at is builder.root, f"<{builder.at.tag}> is never closed"
    return builder.root


def _flat(text: str) -> str:
    return " ".join(text.split())


def skeleton(html: str) -> str:
    """The page's structure without the documents' texts: what the golden file pins.

    The header's parts, the filters, the column headings, and one line per row: its id, kind,
    state, the article labels, similarity, status and the kinds of its change labels.
    """
    root = parse(html)
    lines = [f"title: {_flat(root.find('title').text())}"]  # type: ignore[union-attr]
    for doc in root.find_all("article", "doc"):
        fields = [_flat(dt.text()) for dt in doc.find_all("dt")]
        lines.append(f"document {_flat(doc.find('span', 'id').text())}: {', '.join(fields)}")  # type: ignore[union-attr]
    relation = root.find("p", "relation")
    lines.append(f"relation: {_flat(relation.text()) if relation else '-'}")
    summary = root.find("ul", "summary")
    assert summary is not None
    lines.append("summary: " + " | ".join(_flat(li.text()) for li in summary.find_all("li")))
    lines.append(
        "filters: "
        + ", ".join(
            i.attrs["value"] for i in root.find_all("input") if i.attrs.get("name") == "show"
        )
    )
    lines.append("columns: " + " | ".join(_flat(th.text()) for th in root.find_all("th")))
    for tr in root.find_all("tr"):
        if "row" in tr.classes:
            cells = tr.find_all("td")
            labels = [_flat(a.text()) if (a := td.find("a", "label")) else "-" for td in cells[:2]]
            meta = cells[2]
            sim = meta.find("span", "sim")
            tags = [_flat(b.text()) for b in meta.find_all("b")] + (
                ["moved"] if meta.find("a", "moved") else []
            )
            state = " ".join(c for c in tr.classes if c != "row")
            lines.append(
                f"row {tr.attrs['id']} [{state}]: {labels[0]} | {labels[1]} | "
                f"{_flat(sim.text()) if sim else '-'} {_flat(meta.find('span', 'status').text())}"  # type: ignore[union-attr]
                + (f" | {', '.join(tags)}" if tags else "")
            )
        elif "place" in tr.classes:
            lines.append(f"place {tr.attrs['id']} -> {tr.attrs['data-pair']}")
    return "\n".join(lines) + "\n"


def hostile_copy(folder: Path) -> Path:
    """The bundled documents in `folder`, with markup written into weiyuan's title, issuer and
    second article, as a hostile or careless source could have it."""
    import yaml

    shutil.copytree(bundled_data_dir(), folder)
    path = folder / "weiyuan.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["title"] = f"威远县{SCRIPT}办法"
    doc["issuers"] = ["威远县<img src=x onerror=alert(1)>"]
    article = doc["articles"][1]
    article["text"] = article["text"].replace("全县20个", f"全县20个{SCRIPT}&amp;<b>|*$")
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder
