"""Pydantic models for fupin's data: documents, their structure, actors and references.

The models hold data only (no I/O). They are frozen so that a loaded corpus can be shared and
cached safely, and they forbid unknown fields so that a typo in a YAML file is an error rather
than silently ignored data.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .levels import Level


class Frozen(BaseModel):
    """Base for every model: immutable, unknown fields rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)


class Script(StrEnum):
    simplified = "simplified"
    traditional = "traditional"


class SectionKind(StrEnum):
    """A 第X章 chapter, a 第X节 section inside one, or an outline part (一、 / (一) / 1.)."""

    chapter = "chapter"
    section = "section"
    part = "part"


class Section(Frozen):
    """One heading of a document's outline, with the headings nested under it."""

    kind: SectionKind
    no: int = Field(description="Ordinal of the heading among its siblings, from 1.")
    label: str = Field(description="The label exactly as written: 第一章, 一、, (一), 1.")
    title: str = Field(description="The heading text after the label, as written.")
    sections: tuple[Section, ...] = Field(default=(), description="Nested headings.")


class Item(Frozen):
    """A numbered sub-item inside an article (1. / (1)), e.g. one triggering situation."""

    no: int
    label: str
    text: str


RelationKind = Literal[
    "bears",
    "signs_pledge_to",
    "reports_to",
    "assesses",
    "inspects",
    "supervises",
    "audits",
    "prosecutes",
    "evaluates",
    "guides",
    "commends",
    "holds_accountable",
    "interprets",
]


class Relation(Frozen):
    """A duty relation an article states between two actors (issue: the responsibility system)."""

    from_: str = Field(alias="from", description="Canonical name of the actor that acts.")
    relation: RelationKind
    to: str | None = Field(default=None, description="Canonical name of the other actor.")
    degree: str | None = Field(default=None, description="For bears: 负总责, 主体责任, ...")
    phrase: str = Field(description="The words of the article the relation rests on.")


class Article(Frozen):
    """An article (第X条) or numbered item ((十四)) with the actors it assigns duties to."""

    no: int = Field(description="Article number as an integer: 第十四条 -> 14.")
    label: str = Field(description="The label exactly as written: 第十四条, 第十四 條, (十四).")
    title: str | None = Field(default=None, description="A bold lead-in such as 强化精准识别。")
    text: str = Field(description="The article's text as written (label and lead-in removed).")
    items: tuple[Item, ...] = Field(default=(), description="Numbered sub-items, in order.")
    section: tuple[str, ...] = Field(default=(), description="Labels of the enclosing headings.")
    actors: tuple[str, ...] = Field(default=(), description="Canonical actors given a duty.")
    relations: tuple[Relation, ...] = ()

    @property
    def full_text(self) -> str:
        """Text plus its items, the way a reader sees the whole article."""
        parts = [f"{self.title}{self.text}" if self.title else self.text]
        parts += [f"{item.label}{item.text}" for item in self.items]
        return "\n".join(p for p in parts if p)


class Task(Frozen):
    """One row of a division-of-responsibility table: a task and its lead / co-operating units."""

    no: int = Field(description="Position of the task in the table, from 1.")
    path: str = Field(description="Outline path of the task, e.g. '一、 (一) 3. (2)'.")
    label: str = Field(description="The task's own label, e.g. (2); empty when it has none.")
    text: str
    section: tuple[str, ...] = Field(default=(), description="Labels of the enclosing headings.")
    lead: tuple[str, ...] = Field(description="Canonical names of the lead units (牵头单位).")
    co: tuple[str, ...] = Field(default=(), description="Canonical names of co-operating units.")
    lead_line: str | None = Field(
        default=None, description="The 牵头单位 line as written in the source."
    )
    co_line: str | None = Field(default=None, description="The 协同单位 line as written.")


class Sanction(Frozen):
    """One step of a ladder of sanctions, in the order the text gives it."""

    no: int
    measure: str
    kind: str | None = Field(default=None, description="The class the text puts it in: 组织处理.")
    condition: str | None = Field(default=None, description="When it applies: 涉嫌犯罪的.")


class Procedure(Frozen):
    """Who proposes, decides and executes accountability for one group of cadres."""

    cadres: str
    proposes: tuple[str, ...] = ()
    decides: tuple[str, ...] = ()
    executes: tuple[str, ...] = ()


class AccountableSubject(Frozen):
    """An article that lists the situations (its items) in which an actor is held accountable."""

    article: int = Field(description="The article's number; its items are the triggers.")
    subject: str = Field(description="The subject as the article writes it: 各驻村工作组.")
    actor: str = Field(description="Its canonical registry name.")


class AccountabilityRules(Frozen):
    """What a 责任追究办法 says, read from its text at ingest (see `extract.accountability`)."""

    subjects: tuple[AccountableSubject, ...]
    sanctions: tuple[Sanction, ...] = ()
    procedure: tuple[Procedure, ...] = ()


LinkRelation = Literal["implements", "based_on", "cites"]


class Link(Frozen):
    """A reference from a document to a superior or cited rule, with the article that makes it."""

    target: str = Field(description="Id of a held document or of a reference-registry entry.")
    relation: LinkRelation
    article: int | None = Field(default=None, description="Article no; None for the preamble.")
    phrase: str = Field(description="The words of the text that make the reference.")


class Document(Frozen):
    """One policy document: metadata, outline, articles or numbered items, tasks."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    aliases: tuple[str, ...] = ()
    title: str
    short_title: str
    issuers: tuple[str, ...]
    level: Level
    region: str
    doc_number: str | None = None
    issued: dt.date | None = None
    effective: dt.date | None = None
    published: dt.date | None = None
    script: Script
    source: str = Field(description="File name of the source text under data/sources/.")
    based_on: tuple[Link, ...] = ()
    cites: tuple[Link, ...] = ()
    notice: str | None = Field(default=None, description="Text of a covering notice, if any.")
    preamble: str | None = None
    sections: tuple[Section, ...] = ()
    articles: tuple[Article, ...] = ()
    tasks: tuple[Task, ...] = ()
    closing: str | None = None
    accountability: AccountabilityRules | None = Field(
        default=None, description="Subjects, sanctions and procedure of accountability rules."
    )
    notes: tuple[str, ...] = ()

    def article(self, no: int) -> Article | None:
        return next((a for a in self.articles if a.no == no), None)


class AliasReason(StrEnum):
    renamed = "renamed"
    abbreviated = "abbreviated"
    full_name = "full_name"
    variant = "variant"
    typo = "typo"


class Alias(Frozen):
    name: str
    reason: AliasReason
    note: str | None = None


class ActorKind(StrEnum):
    party_committee = "party_committee"
    government = "government"
    party_and_government = "party_and_government"
    leading_group = "leading_group"
    department = "department"
    party_department = "party_department"
    discipline = "discipline"
    procuratorate = "procuratorate"
    financial_regulator = "financial_regulator"
    bank = "bank"
    state_enterprise = "state_enterprise"
    peoples_organisation = "peoples_organisation"
    military = "military"
    democratic_party = "democratic_party"
    social = "social"
    working_group = "working_group"
    office = "office"
    other = "other"


class ChangeKind(StrEnum):
    renamed = "renamed"
    merged_into = "merged_into"
    split_into = "split_into"
    abolished = "abolished"


class Succession(Frozen):
    """What became of a unit after a reorganisation."""

    name: str = Field(description="Today's unit (or one of them, for a split).")
    year: int
    change: ChangeKind
    source: str = Field(description="Where the succession is stated (decision, notice).")


class Actor(Frozen):
    """A unit or a class of actors that policy documents assign duties to."""

    name: str = Field(description="Canonical name.")
    aliases: tuple[Alias, ...] = ()
    level: Level
    kind: ActorKind
    region: str | None = None
    successors: tuple[Succession, ...] = ()
    note: str | None = None


class Reference(Frozen):
    """A rule known only because a held document cites it."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    aliases: tuple[str, ...] = ()
    issuers: tuple[str, ...] = ()
    doc_number: str | None = None
    date: dt.date | None = None
    level: Level | None = None
    note: str | None = None
