"""The Dask engine: the same report as the in-process engine, on a local cluster
of two worker processes; no Dask import unless it is asked for; a clear error
naming the extra without it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from factcheck.cli import main
from factcheck.engine import EngineError
from factcheck.pipeline import audit
from factcheck.report import render

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    distributed = pytest.importorskip("distributed")
    pytest.importorskip("dask.bag")
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            # no dashboard; the scheduler's HTTP server (metrics) always starts: on
            # a free port, never a fixed one another cluster may hold
            dashboard_address=":0",
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def _json(report: Any) -> str:
    return render(report, "json")


def test_dask_gives_the_in_process_report_on_the_fixtures(client: Any) -> None:
    from factcheck.engine.dask import audit_on_dask

    paths = [str(FIXTURES)]
    on_dask = audit_on_dask(paths, client=client)
    assert on_dask.findings
    assert _json(on_dask) == _json(audit(paths))
    assert _json(on_dask) == _json(audit(paths, jobs=2))


def test_dask_gives_the_in_process_report_for_drafts_and_sources(
    client: Any,
) -> None:
    from factcheck.engine.dask import audit_on_dask

    drafts = [str(FIXTURES / "alibaba" / "harbour-daily.md")]
    sources = [str(FIXTURES / "alibaba"), str(FIXTURES / "minimax")]
    on_dask = audit_on_dask(drafts, sources=sources, client=client)
    assert _json(on_dask) == _json(audit(drafts, sources=sources))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/dev is absent")
def test_dask_gives_the_in_process_report_on_the_dev_corpus(client: Any) -> None:
    from factcheck.engine.dask import audit_on_dask

    paths = [str(CORPUS), *([str(SEEDS)] if SEEDS.is_dir() else [])]
    on_dask = audit_on_dask(paths, client=client)
    local = audit(paths)
    assert len(local.findings) > 50
    assert _json(on_dask) == _json(local)
    assert _json(on_dask) == _json(audit(paths, jobs=2))


def test_dask_on_nothing_reports_nothing(client: Any, tmp_path: Path) -> None:
    from factcheck.engine.dask import audit_on_dask

    report = audit_on_dask([str(tmp_path)], client=client)
    assert report.findings == ()
    assert report.summary.documents == 0


def test_the_command_line_runs_on_a_scheduler(
    client: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "dask.json"
    local = tmp_path / "local.json"
    common = [str(FIXTURES / "alibaba"), "--format", "json", "--no-progress"]
    address = client.scheduler.address
    dask_code = main(
        ["audit", *common, "--engine", "dask", "--scheduler", address, "-o", str(out)]
    )
    local_code = main(["audit", *common, "--jobs", "1", "-o", str(local)])
    assert dask_code == local_code
    assert out.read_bytes() == local.read_bytes()
    capsys.readouterr()


def test_an_unreachable_scheduler_is_a_usage_error_naming_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("distributed")
    code = main(
        [
            "audit",
            str(FIXTURES / "alibaba"),
            "--engine",
            "dask",
            "--scheduler",
            "tcp://127.0.0.1:9",
            "--no-progress",
        ]
    )
    assert code == 2
    assert "tcp://127.0.0.1:9" in capsys.readouterr().err


def test_scheduler_without_the_dask_engine_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["audit", str(FIXTURES / "alibaba"), "--scheduler", "tcp://x:1"])
    assert code == 2
    assert "--engine dask" in capsys.readouterr().err


def test_without_dask_the_error_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from factcheck.engine import dask as engine

    for name in ("dask", "dask.bag", "distributed"):
        monkeypatch.setitem(sys.modules, name, None)  # import fails as if absent
    with pytest.raises(EngineError, match=r"factcheck-news\[dask\]"):
        engine.audit_on_dask([str(FIXTURES / "alibaba")])
    code = main(["audit", str(FIXTURES / "alibaba"), "--engine", "dask"])
    assert code == 2
    assert 'pip install "factcheck-news[dask]"' in capsys.readouterr().err


def test_no_dask_import_unless_the_engine_is_asked_for() -> None:
    # pint itself imports dask.base when dask is installed; the engine's own
    # modules (dask.bag, distributed) are what must stay out
    code = (
        "import sys, factcheck\n"
        "factcheck.audit([sys.argv[1]], jobs=2)\n"
        "from factcheck.cli import main\n"
        "main(['audit', sys.argv[1], '--no-progress', '--fail-on', 'never',"
        " '-o', sys.argv[2]])\n"
        "bad = [m for m in ('distributed', 'dask.bag', 'factcheck.engine.dask')"
        " if m in sys.modules]\n"
        "print(bad)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(FIXTURES / "alibaba"), "/dev/null"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"
