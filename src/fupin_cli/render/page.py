"""The comparison page: one self-contained HTML file that opens from a mail or a USB stick.

Built with Jinja2 (imported only when a page is written) from the templates shipped inside
the package (`render/templates/`), with autoescaping on: every text from a document is
escaped, so a document that contains `<script>` shows it as text. The style sheet and the
script are inlined, and a Content-Security-Policy that admits exactly those two (by their
SHA-256) forbids everything else: no request of any kind, no webfont, no other script.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from .view import Format

if TYPE_CHECKING:
    import jinja2

    from .comparison import Comparison

#: The page's filters: (value read by page.js, label), for each kind of comparison.
FILTERS = {
    "diff": (
        ("all", "all rows"),
        ("changed", "changed pairs"),
        ("left", "only in {left}"),
        ("right", "only in {right}"),
        ("actor", "actor changed"),
    ),
    "trace": (("all", "all rows"), ("changed", "changed"), ("actor", "actor changed")),
}


@functools.cache
def environment() -> jinja2.Environment:
    """The template environment: the package's templates, autoescaped, strict about names."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("fupin_cli", "render/templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def _asset(env: jinja2.Environment, name: str) -> str:
    """A static file of the templates folder, as it is (the style sheet, the script)."""
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, name)
    return source


def source_hash(text: str) -> str:
    """The CSP source that admits exactly this inline script or style."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(css: str, js: str) -> str:
    """Nothing may load or connect; only the page's own style and script may run."""
    return (
        "default-src 'none'; "
        f"style-src {source_hash(css)}; "
        f"script-src {source_hash(js)}; "
        "base-uri 'none'; form-action 'none'"
    )


def render_page(comparison: Comparison) -> str:
    """The HTML page of a comparison (`comparison.of_diff` or `comparison.of_trace`)."""
    from markupsafe import Markup

    from .. import __version__

    env = environment()
    css, js = _asset(env, "page.css"), _asset(env, "page.js")
    left, right = comparison.columns
    filters = [
        (value, label.format(left=left, right=right)) for value, label in FILTERS[comparison.kind]
    ]
    return env.get_template("comparison.html").render(
        c=comparison,
        css=Markup(css),  # the package's own files, not document text
        js=Markup(js),
        csp=content_security_policy(css, js),
        filters=filters,
        version=__version__,
    )


def comparison_formats(build: Callable[[], Comparison]) -> dict[Format, Callable[[], str]]:
    """A command's html and md formats, for `View.formats`; `build` runs only when asked."""

    def markdown() -> str:
        from .markdown import render_markdown

        return render_markdown(build())

    return {Format.html: lambda: render_page(build()), Format.md: markdown}
