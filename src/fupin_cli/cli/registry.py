"""Every command of `fupin`: its name, where it is defined, its one-line summary, its group.

This table is the only place a command is registered. `app.LazyGroup` reads it to list the
commands in `fupin --help` without importing any command module, and imports a command's
module only when that command runs. A test checks that every module under `cli/commands/` is
here, documented in the README, and answers `--help`.
"""

from __future__ import annotations

from typing import NamedTuple


class CommandSpec(NamedTuple):
    name: str
    target: str  # "module:function" under fupin_cli.cli.commands
    summary: str
    group: str


GROUPS = {
    "ask": "Ask the documents",
    "compare": "Compare and trace rules",
    "data": "Documents and data",
}

COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec("who-leads", "who_leads:who_leads", "Who leads the tasks a query names.", "ask"),
    CommandSpec(
        "duties", "duties:duties", "What a unit leads, co-operates on, is named in.", "ask"
    ),
    CommandSpec("search", "search:search", "Full-text search of every document.", "ask"),
    CommandSpec("show", "show:show", "A document, or one article or task of it.", "ask"),
    CommandSpec(
        "chain", "chain:chain_command", "Who pledges and reports to whom, and who checks.", "ask"
    ),
    CommandSpec(
        "accountability",
        "accountability:accountability_command",
        "When an actor is held accountable, and how.",
        "ask",
    ),
    CommandSpec("status", "status:status", "Whether a rule is in force, and what says so.", "ask"),
    CommandSpec(
        "deadlines", "deadlines:deadlines", "Time limits, and the units that must meet them.", "ask"
    ),
    CommandSpec(
        "targets", "targets:targets", "Figures the documents commit to, with deadlines.", "ask"
    ),
    CommandSpec(
        "diff", "diff:diff", "How one rule differs from another, article by article.", "compare"
    ),
    CommandSpec(
        "trace", "trace:trace", "Where an article comes from, or where it went.", "compare"
    ),
    CommandSpec(
        "lineage", "lineage:lineage_command", "The superior rules of a document.", "compare"
    ),
    CommandSpec("graph", "graph:graph", "The hierarchy of rules as a tree or a graph.", "compare"),
    CommandSpec("docs", "docs:docs", "The documents: id, title, level, region, date.", "data"),
    CommandSpec("actors", "actors:actors", "The units, their aliases and their load.", "data"),
    CommandSpec("ingest", "ingest:ingest", "Raw policy text to fupin YAML.", "data"),
    CommandSpec("validate", "validate:validate", "Check documents and registries.", "data"),
    CommandSpec("index", "index:index", "Build the search index and print its path.", "data"),
)

BY_NAME = {spec.name: spec for spec in COMMANDS}
