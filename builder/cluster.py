"""Extraction as a Dask distributed job: articles in partitions, each partition's facts a shard, in input order.

`kg build --engine dask` sends the articles to a Dask cluster: the one at --scheduler
ADDRESS, or a LocalCluster of --jobs worker processes started for the build. Each task
extracts one partition and returns its shard (the facts of each article, or the error line
that replaces them); the shards come back in partition order, so the facts, and every file
written from them, equal a serial build's. The RDF, SHACL and the files are made after the
merge, where the corpus-wide values (one name per person, one date per document: see
builder.to_rdf.shared_values) are known. Workers need the builder installed (same
version) and load its models once each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from builder.ingest import Article
    from builder.model import Facts

PARTITION = 32  # articles per task at most


def partitions(articles: list[Article], workers: int) -> list[list[Article]]:
    """Consecutive partitions, about four per worker, at most PARTITION articles each."""
    size = max(1, min(PARTITION, -(-len(articles) // (4 * max(1, workers)))))
    return [articles[i:i + size] for i in range(0, len(articles), size)]


def extract_partition(articles: list[Article]) -> list[Facts | str]:
    """One task: the shard of a partition (facts, or an error line, per article, in order)."""
    from builder.build import _extract_one

    return [_extract_one(a) for a in articles]


def extract_on_dask(articles: list[Article], workers: int, scheduler: str | None = None,
                    done: Callable[[int], None] | None = None) -> list[Facts | str]:
    """Every article's facts through Dask; done(n), if given, hears of each partition of n articles that ends."""
    from dask.distributed import Client, LocalCluster, as_completed

    if not articles:
        return []
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    try:
        with Client(scheduler or cluster) as client:
            parts = partitions(articles, len(client.scheduler_info()["workers"]) or workers)
            futures = client.map(extract_partition, parts, pure=False)
            if done:
                sizes = {f.key: len(p) for f, p in zip(futures, parts)}
                for finished in as_completed(futures):
                    done(sizes[finished.key])
            shards: Iterable[list[Facts | str]] = client.gather(futures)
            return [r for shard in shards for r in shard]
    finally:
        if cluster is not None:
            cluster.close()
