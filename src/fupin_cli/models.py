"""Pydantic models for fupin's data: documents, their structure, actors and references.

The models hold data only (no I/O). They are frozen so that a loaded corpus can be shared and
cached safely, and they forbid unknown fields so that a typo in a YAML file is an error rather
than silently ignored data.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .levels import Level
from .terms import Deadline, Target, Validity


class Frozen(BaseModel):
    """Base for every model: immutable, unknown fields rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)


class Script(StrEnum):
    simplified = "simplified"
    traditional = "traditional"


class SectionKind(StrEnum):
    """A 第X章 chapter, a 第X节 section inside one, or an outline part (一、 / (一) / 1.);
    a 第X编 book above chapters, or an unnumbered heading (## 附则)."""

    chapter = "chapter"
    section = "section"
    part = "part"
    book = "book"
    heading = "heading"


class Section(Frozen):
    """One heading of a document's outline, with the headings nested under it."""

    kind: SectionKind
    no: int = Field(description="Ordinal of the heading among its siblings, from 1.")
    label: str = Field(description="The label exactly as written: 第一章, 一、, (一), 1.")
    title: str = Field(description="The heading text after the label, as written.")
    text: str | None = Field(
        default=None,
        description="Paragraphs under the heading that belong to no item (一、总体要求 …).",
    )
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
    deadlines: tuple[Deadline, ...] = Field(default=(), description="Time limits it sets.")
    targets: tuple[Target, ...] = Field(default=(), description="Figures it commits to.")

    @property
    def full_text(self) -> str:
        """Text plus its items, the way a reader sees the whole article."""
        parts = [f"{self.title}{self.text}" if self.title else self.text]
        parts += [f"{item.label}{item.text}" for item in self.items]
        return "\n".join(p for p in parts if p)


TaskRole = Literal["lead", "responsible", "co"]
# the role word a stored unit line begins with (牵头单位: …, 責任部門 …)
_LEADING_WORD = re.compile(
    r"^\s*((?:主要)?(?:牵头|牽頭|责任|責任|主责|主責|主办|主辦|配合|协同|協同|协作|協作|协办|協辦"
    r"|协助|協助|参与|參與|支持)(?:单位|單位|部门|部門|科室|处室|處室)(?:[(（](?:部门|单位|部門|單位)[)）])?)"
)


class Task(Frozen):
    """One task of a division of responsibility: its text and the units of each role.

    Roles are the document's own: `lead` where it says 牵头 (or by a convention it states,
    see `lead_from`), `responsible` for 责任单位 / 责任部门 alone, `co` for 配合 / 协同 / 参与.
    Units are registry names where the registry knows them in the document's region, else
    as written (listed in `unknown`); generic holders (各有关单位) stay as written.
    """

    no: int = Field(description="Position of the task in the document, from 1.")
    path: str = Field(description="Outline path of the task, e.g. '一、 (一) 3. (2)'.")
    label: str = Field(description="The task's own label, e.g. (2); empty when it has none.")
    text: str
    section: tuple[str, ...] = Field(default=(), description="Labels of the enclosing headings.")
    lead: tuple[str, ...] = Field(description="The lead units (牵头单位).")
    co: tuple[str, ...] = Field(default=(), description="The co-operating units (配合, 协同).")
    lead_line: str | None = Field(
        default=None, description="The 牵头单位 line (or inline segment) as written."
    )
    co_line: str | None = Field(default=None, description="The 协同单位 line as written.")
    responsible: tuple[str, ...] = Field(
        default=(), description="Units named 责任单位 / 责任部门 without saying who leads."
    )
    responsible_line: str | None = Field(
        default=None, description="The 责任单位 line (or inline segment) as written."
    )
    lead_word: str | None = Field(
        default=None,
        description="The lead role word as written, where `lead_line` does not begin with it "
        "(a table's column heading; 市发改委牵头).",
    )
    co_word: str | None = Field(default=None, description="Likewise for the co-operating units.")
    responsible_word: str | None = Field(
        default=None, description="Likewise for the responsible units."
    )
    lead_from: str | None = Field(
        default=None,
        description="The document's sentence that made the lead, where no 牵头 word did "
        "(排在第一位的为牵头单位).",
    )
    generic: tuple[str, ...] = Field(
        default=(),
        description="Holders named as a class (各有关单位, 各区、县级市), kept as written.",
    )
    unknown: tuple[str, ...] = Field(
        default=(),
        description="Units the actor registry does not know in the document's region, "
        "kept as written.",
    )
    assignment: str | None = Field(
        default=None,
        description="The inline assignment as printed in the task's paragraph "
        "(（牵头单位：…；配合单位：…）).",
    )
    deadline: str | None = Field(
        default=None, description="The deadline as written (完成时限: 2021年底前)."
    )
    deadlines: tuple[Deadline, ...] = Field(
        default=(), description="Time limits: its text's and its 完成时限, read."
    )
    targets: tuple[Target, ...] = Field(default=(), description="Figures it commits to.")

    def units(self, role: TaskRole) -> tuple[str, ...]:
        """The units of one role."""
        return self.lead if role == "lead" else self.co if role == "co" else self.responsible

    def role_word(self, role: TaskRole) -> str | None:
        """The word the document uses for a role (牵头部门, 配合单位), as written."""
        explicit = {"lead": self.lead_word, "co": self.co_word}.get(role, self.responsible_word)
        if explicit:
            return explicit
        line = {"lead": self.lead_line, "co": self.co_line}.get(role, self.responsible_line)
        m = _LEADING_WORD.match(line or "")
        return m.group(1) if m else None


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
    expires: dt.date | None = Field(
        default=None, description="Last day in force by a stated period (有效期至…)."
    )
    validity: Validity | None = Field(
        default=None, description="Provisions on its force, repeals, and sourced status."
    )
    script: Script
    source: str = Field(description="File name of the source text under data/sources/.")
    based_on: tuple[Link, ...] = ()
    cites: tuple[Link, ...] = ()
    notice: str | None = Field(default=None, description="Text of a covering notice, if any.")
    amended: tuple[dt.date, ...] = Field(
        default=(), description="Dates of amendment (修正, 修订) its history lines give."
    )
    history: tuple[str, ...] = Field(
        default=(),
        description="The dated lines that record acts on the rule (通过, 修正, 施行), as printed.",
    )
    contents: tuple[str, ...] = Field(
        default=(), description="A table of contents printed before the body, as printed."
    )
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
