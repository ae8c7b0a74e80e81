"""Suite-wide: no test or doctest writes to the user's cache directory, and no
test reads an audit another test left in the cache."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Point ``FACTCHECK_CACHE_DIR`` (the rate-history and online caches) at a
    temporary directory for the whole run."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


_TESTS = itertools.count()


@pytest.fixture(autouse=True)
def _fresh_audit_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command line caches audits by default: give each test an empty cache
    folder of its own (made only if the test stores something), so a test that
    patches a rule or a provider never gets a report another test left."""
    import factcheck.cache  # noqa: PLC0415  (cheap: config and model)

    folder = tmp_path_factory.getbasetemp() / "audit-cache" / str(next(_TESTS))
    monkeypatch.setattr(factcheck.cache, "default_cache_dir", lambda: folder)
