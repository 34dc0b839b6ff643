from __future__ import annotations

from pathlib import Path

import pytest

from noticegen.publish.site import BuildResult, build_site
from noticegen.sources.loading import LoadedNotice, load

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def small() -> LoadedNotice:
    loaded = load(FIXTURES / "small")
    assert loaded.notice is not None, loaded.findings
    return loaded


@pytest.fixture(scope="session")
def small_site(small: LoadedNotice, tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The small fixture notice built once, PDFs included, for the tests that only read it."""
    return build_site(small, tmp_path_factory.mktemp("small") / "site")


@pytest.fixture(scope="session")
def xss_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    loaded = load(FIXTURES / "xss")
    assert loaded.notice is not None, loaded.findings
    return build_site(loaded, tmp_path_factory.mktemp("xss") / "site", draft=True)
