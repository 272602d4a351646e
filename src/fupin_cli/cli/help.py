"""Help pages a non-programmer reads: words for values, the reader's language, lines that fit.

Every command's parameters get a metavar in words (DOC, ARTICLE, UNIT, WORD...) from one table
keyed by the parameter's name, so a new command needs nothing to get them; a choice lists its
values in words. The page is laid out here rather than by the framework so that it is wrapped by
terminal cells (a Chinese character takes two) where UAX #14 allows a break, and so that every
word on it, the framework's own included, comes from the catalogs.
"""

from __future__ import annotations

import enum
import inspect
import os
from collections.abc import Iterable, Sequence
from typing import Any

from typer.core import TyperCommand

from ..i18n import N_, _

#: The value a parameter takes, in words, by the parameter's name.
METAVARS = {
    "query": N_("WORD"),
    "actor": N_("UNIT"),
    "subject": N_("UNIT"),
    "doc": N_("DOC"),
    "docs": N_("DOC"),
    "left": N_("DOC"),
    "right": N_("DOC"),
    "ref": N_("ARTICLE"),
    "data": N_("FOLDER"),
    "output": N_("FILE"),
    "out": N_("FOLDER"),
    "paths": N_("FILE"),
    "path": N_("FILE"),
    "limit": N_("NUMBER"),
    "threshold": N_("SIMILARITY"),
    "relation": N_("RELATION"),
    "region": N_("REGION"),
    "level": N_("LEVEL"),
    "kind": N_("KIND"),
    "only": N_("WHICH"),
    "fmt": N_("FORMAT"),
    "encoding": N_("ENCODING"),
    "doc_id": N_("ID"),
    "as_of": N_("DAY"),
    "before": N_("DAY"),
    "after": N_("DAY"),
    "topic": N_("WORD"),
}
#: Words of the framework's own that appear on a help page.
USAGE = N_("Usage: {usage}")
ARGUMENTS = N_("Arguments:")
OPTIONS = N_("Options:")
HELP_OPTION = N_("Show this message and exit.")
DEFAULT = N_("default: {value}")
REQUIRED = N_("required")
CHOICES = N_(" (one of: {choices})")
#: Help of the options the framework adds, in the catalogs' words.
FRAMEWORK_HELP = {
    "install_completion": N_("Install completion for the current shell."),
    "show_completion": N_("Show completion for the current shell, to copy it or customize it."),
}
EPILOG = N_(
    "Each command's help ends with an example; `fupin` alone lists the documents and five "
    "examples to start from."
)
INDENT = 2


def page_width() -> int:
    """The help's width: the terminal's (COLUMNS), at most 100, at least 40."""
    cols = os.environ.get("COLUMNS", "")
    return max(40, min(int(cols) if cols.isdigit() else 80, 100))


def _choices(param: Any) -> list[str]:
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return [str(member.value) for member in annotation]
    return []


def name_values(command: Any) -> None:
    """Give each parameter of `command` a metavar in words (unless it has its own) and name a
    choice's values in its help."""
    for param in command.params:
        if getattr(param, "is_flag", False) or param.name is None:
            continue
        if param.metavar is None:
            param.metavar = _(METAVARS.get(param.name, param.name.upper()))
        choices = _choices(param)
        if choices and param.help and not any(c in param.help for c in choices):
            param.help += _(CHOICES).format(choices=", ".join(choices))


def _wrapped(text: str, width: int, indent: int) -> list[str]:
    from ..render.linebreak import wrap

    out: list[str] = []
    for paragraph in inspect.cleandoc(text).split("\n\n"):
        if out:
            out.append("")
        joined = " ".join(line.strip() for line in paragraph.splitlines())
        out += [" " * indent + line for line in wrap(joined, width - indent)]
    return out


def definitions(rows: Sequence[tuple[str, str]], width: int) -> list[str]:
    """Terms and their help in two columns (a term too long for the first column stands on a
    line of its own), wrapped by cells."""
    from rich.cells import cell_len

    from ..render.linebreak import wrap

    first = min(max((cell_len(term) for term, _help in rows), default=0), 30) + INDENT + 2
    out: list[str] = []
    for term, text in rows:
        lines = wrap(text, max(width - first, 20)) if text else [""]
        head = " " * INDENT + term
        if cell_len(head) + 2 > first:
            out.append(head)
            out += [" " * first + line for line in lines]
            continue
        out.append(head + " " * (first - cell_len(head)) + lines[0])
        out += [" " * first + line for line in lines[1:]]
    return [line.rstrip() for line in out]


def _value(default: Any) -> str:
    return str(default.value if isinstance(default, enum.Enum) else default)


def parameter_rows(params: Iterable[Any]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The (term, help) rows of the arguments and of the options."""
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in params:
        if getattr(param, "hidden", False):
            continue
        metavar = param.metavar or (param.name or "").upper()
        more = "..." if param.nargs != 1 else ""
        text = _(FRAMEWORK_HELP[param.name]) if param.name in FRAMEWORK_HELP else param.help or ""
        if param.param_type_name == "argument":
            term = metavar + more if param.required else f"[{metavar}{more}]"
            arguments.append((term, text))
            continue
        names = sorted([*param.opts, *param.secondary_opts], key=lambda o: o.startswith("--"))
        term = ", ".join(names)
        if not param.is_flag:
            term += f" {metavar}"
            if param.default not in (None, (), []) and param.show_default is not False:
                text += f"  [{_(DEFAULT).format(value=_value(param.default))}]"
        if param.required:
            text += f"  [{_(REQUIRED)}]"
        options.append((term, text))
    return arguments, options


class ReadableHelp:
    """The help page of a command or group, laid out by cells in the reader's language."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = _(HELP_OPTION)
        return option

    def usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [_("[OPTIONS]")]
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            if param.param_type_name == "argument":
                pieces.append(parameter_rows([param])[0][0][0])
        return pieces

    def extra_sections(self, ctx: Any, width: int) -> list[str]:
        """Sections after the options (a group's commands)."""
        return []

    def format_help(self, ctx: Any, formatter: Any) -> None:
        width = page_width()
        usage = f"{ctx.command_path} {' '.join(self.usage_pieces(ctx))}"
        lines = [_(USAGE).format(usage=usage)]
        help_text = getattr(self, "help", None)
        if help_text:
            lines += ["", *_wrapped(help_text, width, INDENT)]
        arguments, options = parameter_rows(self.get_params(ctx))  # type: ignore[attr-defined]
        for title, rows in ((ARGUMENTS, arguments), (OPTIONS, options)):
            if rows:
                lines += ["", _(title), *definitions(rows, width)]
        lines += self.extra_sections(ctx, width)
        epilog = getattr(self, "epilog", None)
        if epilog:
            lines += ["", *_wrapped(epilog, width, 0)]
        formatter.write("\n".join(lines) + "\n")


class FupinCommand(ReadableHelp, TyperCommand):
    """A command of `fupin`: its help page laid out by `ReadableHelp`."""
