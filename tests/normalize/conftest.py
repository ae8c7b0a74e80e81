"""Fixtures for the normalize tests: no test writes to the user's cache directory."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="module")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Point ``FACTCHECK_CACHE_DIR`` at a temporary directory for each module."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield
