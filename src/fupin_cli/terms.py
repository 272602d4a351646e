"""Models of a rule's terms in time and numbers: deadlines, targets, and when it is in force.

Read from the text at ingest (`extract.deadlines`, `extract.targets`, `extract.validity`) and
stored in the documents; the bundled documents' values are reviewed in `data/overlays/`.
Every `phrase` is the text as written, a slice of the article, task or document it is in.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DeadlineKind = Literal["by", "in", "from", "period", "recurring", "ongoing", "as_written"]
Every = Literal["year", "half_year", "quarter", "month", "week"]
Comparison = Literal[
    "at_least", "at_most", "reach", "reduce_to", "keep_at", "increase", "about", "range", "exact"
]
RepealRelation = Literal["repeals", "replaces"]
Status = Literal["in_force", "not_yet_in_force", "expired", "repealed", "unknown"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Deadline(_Frozen):
    """A time limit: 2016年底前 (by 2016-12-31), 2015—2019年, 每季度, 持续推进."""

    phrase: str = Field(description="The time limit as written.")
    kind: DeadlineKind = Field(
        description="by a date, in a year, from a date, a period, recurring, ongoing, or a "
        "table cell fupin could not read (as_written)."
    )
    start: dt.date | None = Field(default=None, description="First day (from, in, period).")
    end: dt.date | None = Field(default=None, description="Last day allowed (by, in, period).")
    every: Every | None = Field(default=None, description="How often, for a recurring limit.")


class Target(_Frozen):
    """A figure a rule commits to: 村庄内道路硬化率达到85%以上."""

    phrase: str = Field(description="The clause that states it, as written.")
    quantity: str = Field(description="The figure as written: 85%以上, 211萬, 三分之二以上.")
    value: float = Field(description="Its value in units (三十万 -> 300000; 85% -> 85).")
    upper: float | None = Field(default=None, description="The upper end of a range (1—2个).")
    unit: str | None = Field(default=None, description="%, 户, 人, 元, 个 … (None: a count).")
    comparison: Comparison
    subject: str | None = Field(default=None, description="What it measures, as written.")
    deadline: Deadline | None = Field(default=None, description="The time limit attached.")


class RepealLink(_Frozen):
    """A rule this one repeals or replaces, as its text cites it (原《X》同时废止)."""

    cited: str = Field(description="The title (without 《》) or name as written.")
    number: str | None = Field(default=None, description="A doc number written with it.")
    relation: RepealRelation
    article: int | None = Field(default=None, description="Article no; None for the preamble.")
    phrase: str = Field(description="The sentence that repeals, as written.")


class StatusFact(_Frozen):
    """What a source says about a rule's force on a date: a public notice, a database, or a
    later rule (its article). Curated in the overlays; never inferred."""

    status: Status
    date: dt.date = Field(description="The day the source speaks of (from when it holds).")
    source: str = Field(description="URL, or a later rule and its article.")
    phrase: str | None = Field(default=None, description="What the source says, as written.")


class Validity(_Frozen):
    """When a rule is in force, as its text says, and what sources say since."""

    effective_phrase: str | None = Field(
        default=None, description="The provision on taking effect (本办法自…起施行)."
    )
    effective_article: int | None = None
    period_phrase: str | None = Field(
        default=None, description="A stated period of validity (有效期至…, 有效期5年)."
    )
    provisional: str | None = Field(
        default=None, description="暂行 or 试行, as the title writes it."
    )
    repeals: tuple[RepealLink, ...] = ()
    status: tuple[StatusFact, ...] = Field(
        default=(), description="What sources say of its force, oldest first (curated)."
    )
