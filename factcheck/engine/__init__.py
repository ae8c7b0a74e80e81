"""Where the audit's work runs: this process, forked worker processes
(:mod:`factcheck.engine.local`, ``--jobs N``), or a Dask cluster
(:mod:`factcheck.engine.dask`, ``--engine dask``; imported only when asked for).

Every engine runs the same stages and gives the same report: extraction per
document, the aligner's candidate scoring per block, the union-find and
cannot-links in one place, rules per shard (:mod:`factcheck.rules.shards`), and one
total order over the findings.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator

import attrs

from factcheck.errors import FactcheckError


@attrs.frozen(auto_exc=True)
class EngineError(FactcheckError, RuntimeError):
    """An engine cannot run here: its extra is not installed, or its cluster is out
    of reach. Names the extra or the address."""


#: below this many documents an audit or extraction runs in this process whatever
#: ``jobs`` says: starting workers (a fork, and sending results back) costs more
#: than it saves on a handful of articles
MIN_PARALLEL_DOCUMENTS = 64
#: below this many claims the aligner scores them, and the rules run, in this
#: process (at 2,000 claims an audit has about 30,000 candidate pairs)
MIN_PARALLEL_CLAIMS = 2_000
#: work items per worker (chunks of documents, of pairs, shards of the context):
#: more than one, so a worker that draws light items takes on more, and the last
#: item to finish is short (with ``--jobs 2`` the parent works beside one worker
#: until they meet: at 4 per job one item was an eighth of the work, and the
#: parent or the worker waited up to that long for the other)
CHUNKS_PER_JOB = 8
#: runs of blocks to score and shards of the rules per job, where this process
#: works beside the workers (taking items from the end of the list while they
#: take them from the start): the one finishing last waits for the other at most
#: one item, and the aligner's runs, cut by pair counts, are uneven (at 10,000
#: articles one of 16 runs took 1.5 s of CPU where the median took 0.4 s; of 64,
#: the longest took 0.5 s). At 64 the rules' and the scoring's CPU were as at 16
SHARED_ITEMS_PER_JOB = 32

ENGINES = ("local", "dask")


def default_jobs() -> int:
    """The cores this process may use (``os.process_cpu_count`` where Python has
    it, else ``os.cpu_count``; 1 if unknown)."""
    count = getattr(os, "process_cpu_count", os.cpu_count)()
    return max(1, count or 1)


def check_jobs(jobs: int) -> int:
    """``jobs`` if it is a usable number of processes.

    Raises:
        ValueError: ``jobs`` is below 1.
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        msg = f"jobs must be a whole number of processes, 1 or more (got {jobs!r})"
        raise ValueError(msg)
    return jobs


#: gen-1 collections between full ones while an audit runs: so many that none
#: comes (see :func:`without_full_collections`)
_NO_FULL_COLLECTION = 1 << 30


@contextlib.contextmanager
def without_full_collections() -> Iterator[None]:
    """No full collection of the cyclic garbage collector during the block (the
    thresholds as they were after).

    An audit builds millions of long-lived objects (claims, contexts, verdicts)
    and few reference cycles, so the collector's full passes, each walking the
    whole heap again as it grows, are a fifth of a one-job audit's time and find
    almost nothing; a forked worker's would also copy every page it shares with
    its parent. The young generations are still collected (cycles mostly die
    young), and what is freed by reference counting is freed as before."""
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0], thresholds[1], _NO_FULL_COLLECTION)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


__all__ = [
    "CHUNKS_PER_JOB",
    "ENGINES",
    "MIN_PARALLEL_CLAIMS",
    "MIN_PARALLEL_DOCUMENTS",
    "SHARED_ITEMS_PER_JOB",
    "EngineError",
    "check_jobs",
    "default_jobs",
    "without_full_collections",
]
