"""The whole path in memory: input paths → articles → facts → RDF → SHACL verdict and conflicts.

`build_dataset()` computes everything and writes nothing; `write_outputs()` writes a
Build's files atomically. Each stage's seconds are kept in `Build.seconds`
(bench/stages.py prints them).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from builder.cache import Cache
from builder.ingest import Article, read_articles
from builder.model import Facts

if TYPE_CHECKING:
    from rdflib import Dataset

    from builder.curation import Decision
    from builder.validate import Validation

OUTPUTS = ("graph.trig", "graph.ttl", "report.ttl", "conflicts.csv")


@dataclass
class Build:
    """What a build computed: per-article facts, the dataset, its SHACL verdict, conflicts and problems."""

    articles: list[Article]
    facts: list[Facts]
    errors: list[str]
    dataset: Dataset
    validation: Validation
    conflict_columns: list[str]
    conflicts: list[dict[str, Any]]
    curated: Counter[str] = field(default_factory=Counter)  # facts per curation decision applied
    stale: list[str] = field(default_factory=list)  # curation entries whose fact was not extracted
    seconds: dict[str, float] = field(default_factory=dict)  # per stage
    cached: int = 0  # articles whose facts came from the cache

    @property
    def conforms(self) -> bool:
        return self.validation.conforms

    @property
    def counts(self) -> Counter[str]:
        """Facts per kind; a holding reported in several sentences counts once."""
        counts: Counter[str] = Counter()
        for f in self.facts:
            counts.update(holdings=len({(h.person, h.role, h.body) for h in f.holdings}),
                          events=len(f.events), terms=len(f.terms), documents=len(f.documents))
        return counts


Progress = Callable[[list[Article]], Iterable[Article]]


def _extract_one(article: Article) -> Facts | str:
    """One article's facts, or the error line that replaces them (a bad article never ends the batch)."""
    from builder.extract import extract

    try:
        return extract(article)
    except Exception as err:  # noqa: BLE001 - one bad article must not stop the batch
        return f"{article.path}: extraction failed ({type(err).__name__}: {err})"


def extract_all(articles: list[Article], progress: Progress | None = None, jobs: int = 1,
                cache: Cache | None = None, engine: str = "local",
                scheduler: str | None = None) -> tuple[list[tuple[Article, Facts]], list[str]]:
    """Facts of every article, in input order; one failing article becomes an error line.

    With a cache, an article whose text and builder are unchanged is not extracted again.
    jobs > 1 extracts in that many processes (each loads the models once); engine "dask" extracts
    on a Dask cluster (builder.cluster: the scheduler at that address, else a LocalCluster of jobs
    workers). The result is the same as jobs=1, in the same order. progress, if given, wraps the
    articles as they finish.
    """
    known = {i: f for i, a in enumerate(articles) if cache and (f := cache.get(a)) is not None}
    todo = [a for i, a in enumerate(articles) if i not in known]
    fresh = _extract(todo, progress, jobs, engine, scheduler)
    for a, r in zip(todo, fresh):
        if cache and not isinstance(r, str):
            cache.put(a, r)
    rest = iter(fresh)
    results = [known[i] if i in known else next(rest) for i in range(len(articles))]
    items = [(a, r) for a, r in zip(articles, results) if not isinstance(r, str)]
    return items, [r for r in results if isinstance(r, str)]


ENGINES = ("local", "dask")


def _extract(articles: list[Article], progress: Progress | None, jobs: int, engine: str,
             scheduler: str | None) -> list[Facts | str]:
    ticks = progress(articles) if progress else articles
    if engine == "dask":
        from builder.cluster import extract_on_dask

        bar = iter(ticks)

        def done(n: int) -> None:  # a partition of n articles ended: move the progress bar on
            for _ in zip(range(n), bar):
                pass

        return extract_on_dask(articles, jobs, scheduler, done)
    if jobs > 1 and len(articles) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        chunk = max(1, min(32, len(articles) // (jobs * 4)))
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
            return [r for _, r in zip(ticks, pool.map(_extract_one, articles, chunksize=chunk))]
    return [_extract_one(a) for a in ticks]


def build_dataset(paths: Iterable[str | Path], curation: str | Path | dict[str, Decision] | None = None,
                  progress: Progress | None = None, jobs: int = 1, cache: str | Path | None = None,
                  validator: str = "rudof", engine: str = "local", scheduler: str | None = None) -> Build:
    """Build the knowledge graph of the articles under paths, in memory.

    A curation file (see builder.curation) is read first, so a bad one fails before any
    work (CurationError), and its decisions are applied to the extracted facts before
    they become RDF. Nothing is written: see write_outputs(). progress, if given, wraps the
    articles as they are extracted (the CLI passes a tqdm bar on a terminal); jobs > 1 extracts
    in that many processes, with the same result; cache, a folder, keeps each article's facts
    under a digest of its text and of the builder, so unchanged articles are not extracted again.
    validator is the SHACL engine of builder.validate.validate_dataset ("rudof" or "pyshacl"). engine
    "dask" extracts on a Dask cluster: the scheduler at that address, else a LocalCluster of jobs workers.
    """
    from builder import curation as cur
    from builder.conflicts import conflicts
    from builder.to_rdf import to_dataset
    from builder.validate import validate_dataset

    seconds: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[stage] = now - clock
        clock = now

    decisions = cur.load(Path(curation)) if isinstance(curation, (str, Path)) else curation or {}
    articles, errors = read_articles(paths)
    lap("read")
    store = Cache(cache) if cache else None
    items, failed = extract_all(articles, progress, jobs, store, engine, scheduler)
    lap("extract")
    curated, stale = cur.apply(decisions, items) if decisions else (Counter(), [])
    ds = to_dataset(items)
    lap("rdf")
    validation = validate_dataset(ds, store, validator)
    lap("shacl")
    columns, rows = conflicts(ds)
    lap("conflicts")
    return Build([a for a, _ in items], [f for _, f in items], errors + failed, ds, validation, columns, rows,
                 curated, stale, seconds, store.hits if store else 0)


def write_outputs(build: Build, outdir: str | Path) -> list[Path]:
    """Write graph.trig (one named graph per article), graph.ttl (merged), report.ttl (SHACL) and
    conflicts.csv into outdir, each atomically; returns the paths written."""
    from builder.files import csv_text, write_atomic
    from builder.to_rdf import merged_turtle, trig

    start = time.perf_counter()
    out = Path(outdir)
    texts = {
        "graph.trig": trig(build.dataset),
        "graph.ttl": merged_turtle(build.dataset),
        "report.ttl": build.validation.report.serialize(format="turtle"),
        "conflicts.csv": csv_text(build.conflict_columns, build.conflicts),
    }
    for name in OUTPUTS:
        write_atomic(out / name, texts[name])
    build.seconds["write"] = time.perf_counter() - start
    return [out / name for name in OUTPUTS]
