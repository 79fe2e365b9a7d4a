"""The whole path: input paths → articles → facts → each article's graph → SHACL verdict and conflicts.
`build_dataset()` computes and writes nothing; `write_outputs()` writes a Build's files atomically.
See docs/internals.md."""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from builder.model import Facts
from builder.run.cache import Cache
from builder.run.spool import Spool
from builder.run.work import Drafting, Extracted, lineage_graph, prepared, render_one
from builder.run.workers import ENGINES, Workers
from builder.text.ingest import Article, Problem, read_articles

if TYPE_CHECKING:
    from rdflib import Dataset

    from builder.check.shacl import Validation
    from builder.extract.curation import Decision
    from builder.rdf.serialize import Rendered
    from builder.rdf.shared import Keys, Shared, Tally
    from builder.rdf.store import OxigraphGraph

BATCH = 2000  # articles read and extracted at a time (what a build holds in memory at once)
OUTPUTS = ("graph.trig", "graph.ttl", "report.ttl", "conflicts.csv", "problems.jsonl")
__all__ = ["ENGINES", "OUTPUTS", "Build", "build_dataset", "extract_all", "write_outputs"]


class Graphs(Collection["Rendered"]):
    """The article graphs (in IRI order), then the lineage graph, whose IRI sorts after every article graph's:
    all a build writes, in IRI order, read from the articles' spool as they are asked for."""

    def __init__(self, rendered: Sequence[Rendered]) -> None:
        self.rendered, self.lineage = rendered, lineage_graph()

    def __len__(self) -> int:
        return len(self.rendered) + 1

    def __iter__(self) -> Iterator[Rendered]:
        yield from self.rendered
        yield self.lineage

    def __contains__(self, item: object) -> bool:
        return any(r == item for r in self)


@dataclass
class Build:
    """What a build computed: per-article facts and graphs, their merge, the SHACL verdict, conflicts, problems."""

    articles: Sequence[Article]  # kept on disk (builder.run.spool), read back as they are asked for
    facts: Sequence[Facts]
    problems: list[Problem]  # unreadable inputs and failed extractions (errors), and notices
    rendered: Sequence[Rendered]  # each article's graph as text, in graph IRI order
    merged: OxigraphGraph  # the union of the article graphs, for queries (builder.rdf.store)
    validation: Validation
    conflict_columns: list[str]
    conflicts: list[dict[str, Any]]
    curated: Counter[str] = field(default_factory=Counter)  # facts per curation decision applied
    stale: list[str] = field(default_factory=list)  # curation entries whose fact was not extracted
    seconds: dict[str, float] = field(default_factory=dict)  # per stage
    memory: dict[str, float] = field(default_factory=dict)  # this process's peak MiB so far, after each stage
    cached: int = 0  # articles whose facts came from the cache

    @property
    def graphs(self) -> Graphs:
        """Every graph the build writes: the article graphs, then the lineage graph (builder.rdf.lineage)."""
        return Graphs(self.rendered)

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
        from builder.rdf.serialize import new_dataset, trig_text

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


def peak_mib() -> float:
    """This process's peak resident memory so far, in MiB (0 where the platform does not say)."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


Progress = Callable[[list[Article]], Iterable[Article]]


def _extract_all(articles: list[Article], progress: Progress | None, workers: Workers | None, cache: Cache | None,
                 decisions: dict[str, Decision]) -> tuple[list[tuple[Article, Extracted]], list[Problem]]:
    """Every article's facts (curated) with their shared keys and, for the ones extracted now, a draft of their
    graph; one failing article becomes an error line. Facts from the cache are curated here."""
    known = {i: f for i, a in enumerate(articles) if cache and (f := cache.get(a)) is not None}
    todo = [a for i, a in enumerate(articles) if i not in known]
    bar = iter(progress(todo) if progress else todo)

    def done(n: int) -> None:  # n articles ended: move the progress bar on
        for _ in zip(range(n), bar):
            pass

    fresh: list[Extracted | str] = (workers or Workers()).map(Drafting(decisions), todo, done)
    rest = iter(fresh)
    items, problems = [], []
    for i, a in enumerate(articles):
        r = prepared(a, known[i], decisions) if i in known else next(rest)
        if isinstance(r, str):
            problems.append(Problem(r, a.where[0], "extraction", a.where[1]))
            continue
        if cache and i not in known:
            cache.put(a, r.extracted)
        items.append((a, r))
    return items, problems


def extract_all(articles: list[Article], progress: Progress | None = None, workers: Workers | None = None,
                cache: Cache | None = None) -> tuple[list[tuple[Article, Facts]], list[Problem]]:
    """Facts of every article, in input order; one failing article becomes an error line.

    With a cache, an article whose text and builder are unchanged is not extracted again. The rest
    is extracted by workers (default: here); the result is the same wherever it runs. progress, if
    given, wraps the articles as they finish.
    """
    items, problems = _extract_all(articles, progress, workers, cache, {})
    return [(a, e.facts) for a, e in items], problems


def render_all(articles: Sequence[Article], facts: Sequence[Facts], keys: Sequence[Keys],
               drafts: Sequence[Rendered | None], shared: Shared, workers: Workers | None = None,
               cache: Cache | None = None) -> Spool[Rendered]:
    """Every article's graph as text, in graph IRI order (keys: each article's to_rdf.shared_keys; shared:
    the corpus-wide values). An article's draft (see run.work.Drafting) is its graph when the values it
    reads are its own; an article whose facts and shared values are unchanged comes from the cache; the
    rest are rendered by workers, BATCH at a time. Either way a graph depends on its article, facts and
    shared values alone, so the result is the same."""
    from builder.rdf.shared import own, picked

    out: Spool[Rendered] = Spool()
    names: list[tuple[str, int]] = []  # (graph IRI, where in out)
    todo: list[tuple[Article, Facts, Shared]] = []

    def keep(r: Rendered) -> None:
        names.append((r.graph, len(out)))
        out.append(r)

    def render_todo() -> None:
        for job, r in zip(todo, (workers or Workers()).map(render_one, todo)):
            if cache:
                cache.put_rendered(*job, r)
            keep(r)
        todo.clear()

    for i, (mine, draft) in enumerate(zip(keys, drafts)):
        values = picked(mine, shared)
        if draft is not None and values == own(mine):
            keep(draft)
            if cache:
                cache.put_rendered(articles[i], facts[i], values, draft)
        elif cache and (r := cache.get_rendered(articles[i], facts[i], values)) is not None:
            keep(r)
        else:
            todo.append((articles[i], facts[i], values))
            if len(todo) == BATCH:
                render_todo()
    render_todo()
    return out.reordered([k for _, k in sorted(names)])


def build_dataset(paths: Iterable[str | Path], curation: str | Path | dict[str, Decision] | None = None,
                  progress: Progress | None = None, jobs: int = 1, cache: str | Path | None = None,
                  validator: str = "fast", engine: str = "local", scheduler: str | None = None) -> Build:
    """Build the knowledge graph of the articles under paths.

    A curation file (see builder.extract.curation) is read first, so a bad one fails before any
    work (CurationError), and its decisions are applied to the extracted facts before
    they become RDF. Nothing is written: see write_outputs(). progress, if given, wraps the
    articles as they are extracted (the CLI passes a tqdm bar on a terminal); jobs > 1 works
    in that many processes, and engine "dask" on a Dask cluster (the scheduler at that address,
    else a LocalCluster of jobs workers), with the same result; cache, a folder, keeps each
    article's facts and rendered graph under digests of what they depend on, so unchanged
    articles are neither extracted nor rendered again. validator is the SHACL engine of
    builder.check.shacl ("fast" or "pyshacl").

    Files are read and extracted BATCH at a time, and each batch's articles, facts and draft graphs
    go to spools (builder.run.spool: temporary files) before the next is read, so what the build holds
    while it extracts does not grow with the corpus; the merge (an Oxigraph store) is made at the end.
    """
    from builder.check.conflicts import conflicts
    from builder.check.shacl import validate_rendered
    from builder.extract import curation as cur
    from builder.rdf.shared import choose, tally
    from builder.rdf.store import OxigraphGraph
    from builder.text.ingest import expand

    seconds: dict[str, float] = defaultdict(float)
    memory: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:  # the stages of a batch add up
        nonlocal clock
        now = time.perf_counter()
        seconds[stage] += now - clock
        memory[stage] = peak_mib()
        clock = now

    decisions = cur.load(Path(curation)) if isinstance(curation, (str, Path)) else curation or {}
    store = Cache(cache) if cache else None
    articles: Spool[Article] = Spool()
    facts: Spool[Facts] = Spool()
    keys: Spool[Keys] = Spool()  # each article's to_rdf.shared_keys
    drafts: Spool[Rendered | None] = Spool()
    problems: list[Problem] = []
    ids: set[str] = set()  # article ids read so far
    seen: Tally = defaultdict(Counter)  # the values of what articles share, counted over the corpus
    met: set[str] = set()  # fact ids a curation decision was found for
    with Workers(jobs, engine, scheduler) as workers:
        files = expand(paths)
        for start in range(0, max(len(files), 1), BATCH):
            batch, found = read_articles(files[start:start + BATCH], store, workers.map, ids)
            problems += found
            lap("read")
            items, failed = _extract_all(batch, progress, workers, store, decisions)
            problems += failed
            for a, e in items:
                tally(e.keys, seen)
                met |= e.met
                articles.append(a)
                facts.append(e.facts)
                keys.append(e.keys)
                drafts.append(e.draft)
            lap("extract")
        rendered = render_all(articles, facts, keys, drafts, choose(seen), workers, store)
    curated, stale = cur.outcome(decisions, met)
    graphs = Graphs(rendered)
    merged = OxigraphGraph.from_ntriples(r.nt_bytes for r in graphs)
    lap("rdf")
    validation = validate_rendered(graphs, validator, merged, store.rendered if store else 0)
    lap("shacl")
    columns, rows = conflicts(merged)
    lap("conflicts")
    return Build(articles, facts, problems, rendered, merged, validation, columns, rows, curated, stale,
                 dict(seconds), memory, store.hits if store else 0)


def write_outputs(build: Build, outdir: str | Path) -> list[Path]:
    """Write graph.trig (one named graph per article), graph.ttl (merged), report.ttl (SHACL),
    conflicts.csv and problems.jsonl (one JSON object per problem) into outdir, as one set
    (builder.files.write_set: a build killed while writing leaves the previous set or this one,
    never a mix); returns the paths written."""
    from builder.files import csv_text, write_set
    from builder.rdf.serialize import merged_chunks, trig_chunks

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
    build.memory["write"] = peak_mib()
    return [out / name for name in OUTPUTS]
