"""Suite-wide: no test or doctest writes to the user's cache directory, and no
test reads an audit another test left in the cache."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

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


@pytest.fixture(scope="session")
def bench_corpus() -> Iterator[ModuleType]:
    """The benchmarks' article generator (``benchmarks/corpus.py``, not a package
    module), loaded once for the tests that audit generated archives."""
    path = Path(__file__).resolve().parent / "benchmarks" / "corpus.py"
    spec = importlib.util.spec_from_file_location("_bench_corpus", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[spec.name]
