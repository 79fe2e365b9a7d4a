"""Where a build's per-article work runs: this process, N local processes, or a Dask cluster; results
always in input order. See docs/internals.md."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
PARTITION = 32  # items per task at most
ENGINES = ("local", "dask")


def partitions(items: Sequence[T], workers: int) -> list[list[T]]:
    """Consecutive partitions, about four per worker, at most PARTITION items each."""
    size = max(1, min(PARTITION, -(-len(items) // (4 * max(1, workers)))))
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def run_partition(fn: Callable[[Any], R], part: list[Any]) -> list[R]:
    """One Dask task: fn over a partition, in order."""
    return [fn(x) for x in part]


class Workers:
    """A map that keeps input order, here, over local processes or over a Dask cluster."""

    def __init__(self, jobs: int = 1, engine: str = "local", scheduler: str | None = None) -> None:
        if engine not in ENGINES:
            raise ValueError(f"unknown engine {engine!r} (one of {', '.join(ENGINES)})")
        self.jobs, self.engine, self.scheduler = jobs, engine, scheduler
        self._pool: Any = None
        self._cluster: Any = None
        self._client: Any = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown()
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def map(self, fn: Callable[[T], R], items: Sequence[T], done: Callable[[int], None] | None = None) -> list[R]:
        """fn over the items, results in input order; done(n), if given, hears of every n items that end."""
        if self.engine == "dask" and items:
            return self._dask(fn, items, done)
        results: Iterable[R] = map(fn, items)
        if self.jobs > 1 and len(items) > 1:
            if self._pool is None:
                import multiprocessing
                from concurrent.futures import ProcessPoolExecutor

                self._pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"))
            results = self._pool.map(fn, items, chunksize=max(1, min(PARTITION, len(items) // (self.jobs * 4))))
        out = []
        for r in results:
            out.append(r)
            if done:
                done(1)
        return out

    def _dask(self, fn: Callable[[T], R], items: Sequence[T], done: Callable[[int], None] | None) -> list[R]:
        from dask.distributed import Client, LocalCluster, as_completed

        if self._client is None:
            if not self.scheduler:
                self._cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True,
                                             dashboard_address=None)
            self._client = Client(self.scheduler or self._cluster)
        workers = len(self._client.scheduler_info()["workers"]) or self.jobs
        parts = partitions(items, workers)
        futures = self._client.map(run_partition, [fn] * len(parts), parts, pure=False)
        if done:
            sizes = {f.key: len(p) for f, p in zip(futures, parts)}
            for finished in as_completed(futures):
                done(sizes[finished.key])
        return [r for shard in self._client.gather(futures) for r in shard]
