"""Every command of `fupin`: its name, where it is defined, its one-line summary, its group.

This table is the only place a command is registered. `app.LazyGroup` reads it to list the
commands in `fupin --help` without importing any command module, and imports a command's
module only when that command runs. A test checks that every module under `cli/commands/` is
here, documented in the README, and answers `--help`.
"""

from __future__ import annotations

from typing import NamedTuple

from ..i18n import N_


class CommandSpec(NamedTuple):
    name: str
    target: str  # "module:function" under fupin_cli.cli.commands
    summary: str
    group: str


#: Titles and summaries are marked for the catalogs (N_) and translated where shown.
GROUPS = {
    "ask": N_("Ask the documents:"),
    "compare": N_("Compare and trace rules:"),
    "data": N_("Documents and data:"),
}

COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec(
        "who-leads", "who_leads:who_leads", N_("Who leads the tasks a query names."), "ask"
    ),
    CommandSpec(
        "duties", "duties:duties", N_("What a unit leads, co-operates on, is named in."), "ask"
    ),
    CommandSpec("search", "search:search", N_("Full-text search of every document."), "ask"),
    CommandSpec("show", "show:show", N_("A document, or one article or task of it."), "ask"),
    CommandSpec(
        "chain",
        "chain:chain_command",
        N_("Who pledges and reports to whom, and who checks."),
        "ask",
    ),
    CommandSpec(
        "accountability",
        "accountability:accountability_command",
        N_("When an actor is held accountable, and how."),
        "ask",
    ),
    CommandSpec(
        "status", "status:status", N_("Whether a rule is in force, and what says so."), "ask"
    ),
    CommandSpec(
        "deadlines",
        "deadlines:deadlines",
        N_("Time limits, and the units that must meet them."),
        "ask",
    ),
    CommandSpec(
        "targets", "targets:targets", N_("Figures the documents commit to, with deadlines."), "ask"
    ),
    CommandSpec(
        "diff", "diff:diff", N_("How one rule differs from another, article by article."), "compare"
    ),
    CommandSpec(
        "trace", "trace:trace", N_("Where an article comes from, or where it went."), "compare"
    ),
    CommandSpec(
        "lineage", "lineage:lineage_command", N_("The superior rules of a document."), "compare"
    ),
    CommandSpec(
        "graph", "graph:graph", N_("The hierarchy of rules as a tree or a graph."), "compare"
    ),
    CommandSpec("docs", "docs:docs", N_("The documents: id, title, level, region, date."), "data"),
    CommandSpec("actors", "actors:actors", N_("The units, their aliases and their load."), "data"),
    CommandSpec("ingest", "ingest:ingest", N_("Raw policy text to fupin YAML."), "data"),
    CommandSpec("validate", "validate:validate", N_("Check documents and registries."), "data"),
    CommandSpec("index", "index:index", N_("Build the search index and print its path."), "data"),
)

BY_NAME = {spec.name: spec for spec in COMMANDS}
