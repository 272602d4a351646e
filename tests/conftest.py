"""Shared fixtures: the bundled corpus, the CLI runner, the paths of the source texts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from fupin_cli.cli.app import app
from fupin_cli.corpus import Corpus, load_corpus
from fupin_cli.datafolder import bundled_data_dir, bundled_sources_dir

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    """Keep the compiled index of test runs out of the user's real cache."""
    import os
    import tempfile

    if "FUPIN_CACHE_DIR" not in os.environ:
        os.environ["FUPIN_CACHE_DIR"] = tempfile.mkdtemp(prefix="fupin-test-cache-")


REPO_SOURCES = ROOT / "data" / "sources"
REPO_POLICIES = ROOT / "data" / "policies"


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus()


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    """The source texts: the repo's copy (tests run from a checkout), else the packaged one."""
    return REPO_SOURCES if REPO_SOURCES.is_dir() else bundled_sources_dir()


@pytest.fixture(scope="session")
def policies_dir() -> Path:
    return bundled_data_dir()


@pytest.fixture()
def run(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Invoke the real `fupin` app; stdout is not a terminal, as in a pipeline."""
    monkeypatch.delenv("FUPIN_DATA", raising=False)
    monkeypatch.setenv("FUPIN_TERMINAL", "0")
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, env=env)

    return invoke
