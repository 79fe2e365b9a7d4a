"""The whole path: input paths → articles → facts → each article's graph → SHACL verdict and conflicts.

`build_dataset()` computes everything and writes nothing; `write_outputs()` writes a
Build's files atomically. Per article the work is extraction, then rendering its graph
(RDF, sorted N-Triples, a TriG block, rudof's verdict), both mapped over builder.cluster's
Workers and both kept in the cache; only the corpus-wide values, the merge (an Oxigraph
store), the cross-article checks and the conflicts are computed over the whole corpus.
Every build adds the lineage graph of reorganised bodies (builder.lineage) to what it
merges, validates and writes.
Each stage's seconds are kept in `Build.seconds` (bench/throughput.py prints them).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterable
from copy import copy
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from builder.cache import Cache
from builder.cluster import ENGINES, Workers
from builder.ingest import Article, Problem, read_articles
from builder.model import Facts

if TYPE_CHECKING:
    from rdflib import Dataset

    from builder.curation import Decision
    from builder.store import OxigraphGraph
    from builder.to_rdf import Rendered, Shared
    from builder.validate import Validation

OUTPUTS = ("graph.trig", "graph.ttl", "report.ttl", "conflicts.csv", "problems.jsonl")
__all__ = ["ENGINES", "OUTPUTS", "Build", "build_dataset", "extract_all", "write_outputs"]


@dataclass
class Build:
    """What a build computed: per-article facts and graphs, their merge, the SHACL verdict, conflicts, problems."""

    articles: list[Article]
    facts: list[Facts]
    problems: list[Problem]  # unreadable inputs and failed extractions (errors), and notices
    rendered: list[Rendered]  # each article's graph as text, in graph IRI order
    merged: OxigraphGraph  # the union of the article graphs, for queries (builder.store)
    validation: Validation
    conflict_columns: list[str]
    conflicts: list[dict[str, Any]]
    curated: Counter[str] = field(default_factory=Counter)  # facts per curation decision applied
    stale: list[str] = field(default_factory=list)  # curation entries whose fact was not extracted
    seconds: dict[str, float] = field(default_factory=dict)  # per stage
    cached: int = 0  # articles whose facts came from the cache

    @property
    def graphs(self) -> list[Rendered]:
        """Every graph the build writes: the article graphs, then the lineage graph (builder.lineage)."""
        from builder import lineage

        return [*self.rendered, lineage.rendered()]

    @property
    def errors(self) -> list[Problem]:
        """The problems that cost articles (not the notices)."""
        return [p for p in self.problems if p.error]

    @property
    def notices(self) -> list[Problem]:
        """The problems that cost no article: converted encodings, metadata ignored, paragraphs left out."""
        return [p for p in self.problems if not p.error]

    @property
    def conforms(self) -> bool:
        return self.validation.conforms

    @cached_property
    def dataset(self) -> Dataset:
        """The build's graphs as an rdflib Dataset (one named graph per article, and the lineage graph; union
        default graph), made on first use."""
        from builder.to_rdf import new_dataset, trig_text

        ds = new_dataset()
        ds.parse(data=trig_text(self.graphs), format="trig")
        return ds

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


def _render_one(job: tuple[Article, Facts, Shared]) -> Rendered:
    from builder.to_rdf import render

    return render(*job)


def _extract_and_draft(article: Article) -> tuple[Facts, Rendered] | str:
    """One article's facts and a draft of its graph, rendered with the article's own values for what the
    corpus shares (to_rdf.own_values): the build keeps the draft when the corpus-wide values it reads are
    the same, so most graphs are rendered in the worker that extracted them, in one pass."""
    from builder.to_rdf import own_values

    facts = _extract_one(article)
    return facts if isinstance(facts, str) else (facts, _render_one((article, facts, own_values(article, facts))))



def _extract_all(articles: list[Article], progress: Progress | None, workers: Workers | None, cache: Cache | None,
                 drafts: bool) -> tuple[list[tuple[Article, Facts]], list[Problem], list[Rendered | None]]:
    """extract_all, and with drafts each extracted item's draft graph (None for facts from the cache)."""
    known = {i: f for i, a in enumerate(articles) if cache and (f := cache.get(a)) is not None}
    todo = [a for i, a in enumerate(articles) if i not in known]
    bar = iter(progress(todo) if progress else todo)

    def done(n: int) -> None:  # n articles ended: move the progress bar on
        for _ in zip(range(n), bar):
            pass

    fresh: list[Any] = (workers or Workers()).map(_extract_and_draft if drafts else _extract_one, todo, done)
    for a, r in zip(todo, fresh):
        if cache and not isinstance(r, str):
            cache.put(a, r[0] if drafts else r)
    rest = iter(fresh)
    results = [(known[i], None) if i in known else _draft(next(rest), drafts) for i in range(len(articles))]
    kept = [(a, r) for a, r in zip(articles, results) if not isinstance(r[0], str)]
    return ([(a, f) for a, (f, _) in kept], [Problem(r, a.where[0], "extraction", a.where[1])
                                            for a, (r, _) in zip(articles, results) if isinstance(r, str)],
            [d for _, (_, d) in kept])


def _draft(result: Any, drafts: bool) -> tuple[Any, Rendered | None]:
    """A worker's result as (facts or error line, draft graph or None)."""
    return result if drafts and not isinstance(result, str) else (result, None)


def extract_all(articles: list[Article], progress: Progress | None = None, workers: Workers | None = None,
                cache: Cache | None = None) -> tuple[list[tuple[Article, Facts]], list[Problem]]:
    """Facts of every article, in input order; one failing article becomes an error line.

    With a cache, an article whose text and builder are unchanged is not extracted again. The rest
    is extracted by workers (default: here); the result is the same wherever it runs. progress, if
    given, wraps the articles as they finish.
    """
    items, problems, _ = _extract_all(articles, progress, workers, cache, drafts=False)
    return items, problems


def render_all(items: list[tuple[Article, Facts]], workers: Workers | None = None, cache: Cache | None = None,
               drafts: list[Rendered | None] | None = None) -> list[Rendered]:
    """Every article's graph as text, in graph IRI order. An article's draft (see _extract_and_draft) is
    its graph when the corpus-wide values it reads are its own; an article whose facts and shared values
    are unchanged comes from the cache; the rest are rendered by workers. Either way a graph depends on
    its article, facts and shared values alone, so the result is the same."""
    from builder.to_rdf import own_values, shared_for, shared_values

    shared = shared_values(items)
    jobs = [(a, f, shared_for(a, f, shared)) for a, f in items]
    known: dict[int, Rendered] = {}
    for i, (job, draft) in enumerate(zip(jobs, drafts or [None] * len(jobs))):
        if draft is not None and job[2] == own_values(job[0], job[1]):
            known[i] = draft
            if cache:
                cache.put_rendered(*job, draft)
        elif cache and (r := cache.get_rendered(*job)) is not None:
            known[i] = r
    todo = [job for i, job in enumerate(jobs) if i not in known]
    fresh = (workers or Workers()).map(_render_one, todo)
    for job, r in zip(todo, fresh):
        if cache:
            cache.put_rendered(*job, r)
    rest = iter(fresh)
    return sorted((known[i] if i in known else next(rest) for i in range(len(jobs))), key=lambda r: r.graph)


def build_dataset(paths: Iterable[str | Path], curation: str | Path | dict[str, Decision] | None = None,
                  progress: Progress | None = None, jobs: int = 1, cache: str | Path | None = None,
                  validator: str = "rudof", engine: str = "local", scheduler: str | None = None) -> Build:
    """Build the knowledge graph of the articles under paths, in memory.

    A curation file (see builder.curation) is read first, so a bad one fails before any
    work (CurationError), and its decisions are applied to the extracted facts before
    they become RDF. Nothing is written: see write_outputs(). progress, if given, wraps the
    articles as they are extracted (the CLI passes a tqdm bar on a terminal); jobs > 1 works
    in that many processes, and engine "dask" on a Dask cluster (the scheduler at that address,
    else a LocalCluster of jobs workers), with the same result; cache, a folder, keeps each
    article's facts and rendered graph under digests of what they depend on, so unchanged
    articles are neither extracted nor rendered again. validator is the SHACL engine of
    builder.validate ("rudof" or "pyshacl").
    """
    from builder import curation as cur
    from builder import lineage
    from builder.conflicts import conflicts
    from builder.store import OxigraphGraph
    from builder.validate import validate_rendered

    seconds: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[stage] = now - clock
        clock = now

    decisions = cur.load(Path(curation)) if isinstance(curation, (str, Path)) else curation or {}
    store = Cache(cache) if cache else None
    with Workers(jobs, engine, scheduler) as workers:
        articles, problems = read_articles(paths, store, workers)
        lap("read")
        items, failed, drafts = _extract_all(articles, progress, workers, store, drafts=True)
        lap("extract")
        curated: Counter[str] = Counter()
        stale: list[str] = []
        if decisions:
            before = [copy(f) for _, f in items]
            curated, stale = cur.apply(decisions, items)
            drafts = [d if f == b else None for d, (_, f), b in zip(drafts, items, before)]  # corrected facts
        rendered = render_all(items, workers, store, drafts)
    graphs = [*rendered, lineage.rendered()]
    merged = OxigraphGraph.from_ntriples(r.nt for r in graphs)
    lap("rdf")
    validation = validate_rendered(graphs, validator, merged, store.rendered if store else 0)
    lap("shacl")
    columns, rows = conflicts(merged)
    lap("conflicts")
    return Build([a for a, _ in items], [f for _, f in items], problems + failed, rendered, merged, validation,
                 columns, rows, curated, stale, seconds, store.hits if store else 0)


def write_outputs(build: Build, outdir: str | Path) -> list[Path]:
    """Write graph.trig (one named graph per article), graph.ttl (merged), report.ttl (SHACL),
    conflicts.csv and problems.jsonl (one JSON object per problem) into outdir, as one set
    (builder.files.write_set: a build killed while writing leaves the previous set or this one,
    never a mix); returns the paths written."""
    from builder.files import csv_text, write_set
    from builder.to_rdf import merged_chunks, trig_chunks

    start = time.perf_counter()
    out = Path(outdir)
    write_set(out, {
        "graph.trig": trig_chunks(build.graphs),
        "graph.ttl": merged_chunks(build.graphs),
        "report.ttl": build.validation.report.serialize(format="turtle"),
        "conflicts.csv": csv_text(build.conflict_columns, build.conflicts),
        "problems.jsonl": "".join(json.dumps(p.record(), ensure_ascii=False, sort_keys=True) + "\n"
                                  for p in build.problems),
    })
    build.seconds["write"] = time.perf_counter() - start
    return [out / name for name in OUTPUTS]
