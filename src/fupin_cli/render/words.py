"""The words people read for the identifiers machines keep: relations, roles, levels.

A relation stays `signs_pledge_to` in JSON, TSV and CSV (and on the command line); a table
shows "signs a pledge to" or "签署责任书" in the reader's language.
"""

from __future__ import annotations

from ..i18n import N_, _

RELATIONS = {
    "bears": N_("bears"),
    "signs_pledge_to": N_("signs a pledge to"),
    "reports_to": N_("reports to"),
    "assesses": N_("assesses"),
    "inspects": N_("inspects"),
    "supervises": N_("supervises"),
    "audits": N_("audits"),
    "prosecutes": N_("prosecutes"),
    "evaluates": N_("evaluates"),
    "guides": N_("guides"),
    "commends": N_("commends"),
    "holds_accountable": N_("holds accountable"),
    "interprets": N_("interprets"),
}
LINKS = {
    "implements": N_("implements"),
    "based_on": N_("based on"),
    "cites": N_("cites"),
}
ROLES = {
    "lead": N_("lead"),
    "responsible": N_("responsible"),
    "co": N_("co-operating"),
    "article": N_("named in article"),
}
LEVELS = {
    "central": N_("central"),
    "province": N_("province"),
    "prefecture": N_("prefecture"),
    "county": N_("county"),
    "township": N_("township"),
    "village": N_("village"),
    "any": N_("any level"),
    "unknown": N_("unknown"),
}


def relation_word(relation: str) -> str:
    """A duty relation or a link between rules in words (an id it does not know, as it is)."""
    words = RELATIONS.get(relation) or LINKS.get(relation)
    return _(words) if words else relation


def role_word(role: str) -> str:
    return _(ROLES[role]) if role in ROLES else role


def level_word(level: str) -> str:
    return _(LEVELS[level]) if level in LEVELS else level
