"""Latency of every saved query on a graph of about a million triples: rdflib against Oxigraph.

    python bench/query_latency.py [PATH…] [--articles 200] [--triples 1000000] [--out /tmp/dangkg-bench.nq]
                                  [--timeout 120] [--runs 3] [--repeat-below 30] [--memory 8] [--engines …]
                                  [--reuse]

Builds a corpus of --articles varied articles (bench/corpus.py: the seeds and the
articles under PATH), then replicates its named graphs under new article ids (each
copy's articles, holdings, events, evidence, citations and term mentions get new IRIs
and ids; people, posts, bodies, roles, terms and documents stay shared, as when many
articles report on the same people) until the N-Quads file --out holds about --triples
quads (--reuse: measure the file an earlier run wrote). Each engine loads that file in
its own child process (at most --memory GiB) and runs every saved query (`kg queries`)
unbound, its parameters left free as the queries allow (`FILTER(!BOUND(?x) || …)`), on
the named graphs' union:

* rdflib: builder.load_graph()'s in-memory Dataset (default_union=True);
* oxigraph-union: pyoxigraph's Store queried with use_default_graph_as_union=True
  (Oxigraph 0.5 does not deduplicate a triple found in several graphs there, so its row
  counts differ from rdflib's: oxigraph issue #1919);
* oxigraph: builder.rdf.store.OxigraphGraph, what `kg query --engine oxigraph` uses: every
  triple of the file in Oxigraph's default graph (the RDF merge, so the same rows as
  rdflib) and no named graphs beside it;
* oxrdflib: rdflib's API over Oxigraph (`Dataset(store="Oxigraph")`, union copied the same
  way), when oxrdflib is installed.

Prints each query as it ends, then a table: per engine the median seconds over --runs
runs (`(1)`: the first run took over --repeat-below seconds, so it was not repeated;
`>120 s`: stopped at --timeout; `out of memory`: the process hit --memory, and a new one
goes on with the next query), row counts (`≠` where they differ from rdflib's), load
seconds, and MiB resident before loading (Python and the builder's imports) and at
peak. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import queue
import re
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GRAPH = re.compile(r"<https://w3id\.org/dangkg/id/graph/([^>]+)> \.$")
ENGINES = ("rdflib", "oxigraph-union", "oxigraph", "oxrdflib")


class Timeout(Exception):
    pass


def base_quads(articles: int, sources: list[str]) -> dict[str, list[str]]:
    """The N-Quads lines of a build of a varied corpus, per article id (its named graph)."""
    from corpus import make_corpus

    import builder

    with tempfile.TemporaryDirectory() as tmp:
        make_corpus(articles, tmp, sources)
        b = builder.build_dataset([tmp])
    graphs: dict[str, list[str]] = defaultdict(list)
    for line in builder.export(b.dataset, "nquads").splitlines():
        m = GRAPH.search(line)
        if m:
            graphs[m[1]].append(line)
    return graphs


def replicate(graphs: dict[str, list[str]], triples: int, out: Path) -> int:
    """Write copies of the article graphs, each under new article ids, until about triples quads; the count."""
    per_copy = sum(map(len, graphs.values()))
    copies = max(1, round(triples / per_copy))
    blocks = {aid: "\n".join(lines) + "\n" for aid, lines in graphs.items()}
    ids = {aid: re.compile(rf'(?<=/){re.escape(aid)}(?=[/>])|(?<="){re.escape(aid)}(?=")') for aid in graphs}
    with out.open("w", encoding="utf-8") as f:
        for k in range(copies):
            for aid, block in blocks.items():
                f.write(block if k == 0 else ids[aid].sub(f"{aid}-r{k:03d}", block))
    return copies * per_copy


MERGE = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
TRIPLES = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"  # in the merged default graph: the union's distinct triples


def load(engine: str, nq: str):  # type: ignore[no-untyped-def]
    """Load the file with one engine; a function running a query text on it and returning its row count."""
    if engine == "rdflib":
        import builder

        ds = builder.load_graph(nq)
        return lambda text: sum(1 for _ in ds.query(text))
    if engine == "oxigraph":  # what kg query --engine oxigraph and builder.open_graph use
        import builder

        merged = builder.OxigraphGraph.load(nq)
        return lambda text: sum(1 for _ in merged.query(text))
    if engine == "oxigraph-union":
        import pyoxigraph

        store = pyoxigraph.Store()
        store.bulk_load(path=nq, format=pyoxigraph.RdfFormat.N_QUADS)
        return lambda text: sum(1 for _ in store.query(text, use_default_graph_as_union=True))
    from rdflib import Dataset

    ds = Dataset(store="Oxigraph")
    ds.parse(nq, format="ox-nquads")
    ds.update(MERGE)
    return lambda text: sum(1 for _ in ds.query(text))


def child(engine: str, nq: str, names: list[str], timeout: float, runs: int, repeat_below: float) -> None:
    """Load the file with one engine and time the named saved queries on it, one JSON line each."""
    import builder

    def alarm(signum, frame):  # type: ignore[no-untyped-def]
        raise Timeout

    def emit(**data: object) -> None:
        data["peak"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(data), flush=True)

    signal.signal(signal.SIGALRM, alarm)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    run = load(engine, nq)
    emit(load=time.perf_counter() - start, before=before, triples=run(TRIPLES) if engine == "oxigraph" else None)
    for name in names:
        text = builder.saved(name).text
        seconds: list[float] = []
        rows, error = None, None
        for _ in range(runs):
            signal.setitimer(signal.ITIMER_REAL, timeout)
            start = time.perf_counter()
            try:
                rows = run(text)
            except Timeout:
                error = f">{timeout:.0f} s"
            except MemoryError:
                error = "out of memory"
            except Exception as err:  # noqa: BLE001 - an engine that cannot run a query is a figure too
                error = f"{type(err).__name__}: {str(err)[:60]}"
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            if error:
                break
            seconds.append(time.perf_counter() - start)
            if seconds[-1] > repeat_below:
                break
        emit(name=name, seconds=seconds, rows=rows, error=None if seconds else error)


def pump(stream, out: queue.Queue) -> None:  # type: ignore[no-untyped-def, type-arg]
    """Each line of stream into out, then None."""
    for line in stream:
        out.put(line)
    out.put(None)


def measure(engine: str, names: list[str], args: argparse.Namespace) -> dict[str, object]:
    """Every query's figures on one engine, in child processes of at most --memory GiB each.

    A child that dies (out of memory) or hangs in native code past the timeout is ended, its
    query marked, and a new child loads the file again for the queries left."""
    results: dict[str, dict[str, object]] = {}
    loads: list[float] = []
    peak = before = 0.0
    while left := [n for n in names if n not in results]:
        cmd = [sys.executable, __file__, "--child", engine, *left, "--out", args.out, "--timeout", str(args.timeout),
               "--runs", str(args.runs), "--repeat-below", str(args.repeat_below), "--memory", str(args.memory)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
        lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=pump, args=(proc.stdout, lines), daemon=True).start()
        limit = 1800.0  # for loading
        while True:
            try:
                line = lines.get(timeout=limit)
            except queue.Empty:
                proc.kill()
                results[left[0]] = {"error": f">{args.timeout:.0f} s", "seconds": [], "rows": None}
                print(f"{engine}: {left[0]} stopped after {limit:.0f} s in native code", flush=True)
                break
            if line is None:
                code = proc.wait()
                if not loads:
                    print(f"{engine}: could not load {args.out} (exit code {code})", flush=True)
                    results.update({n: {"error": "no load", "seconds": [], "rows": None} for n in left})
                elif left:
                    why = "out of memory" if code in (-6, -9) else f"exit {code}"
                    results[left[0]] = {"error": why, "seconds": [], "rows": None}
                    print(f"{engine}: {left[0]} failed (exit code {code})", flush=True)
                break
            data = json.loads(line)
            peak = max(peak, data["peak"])
            if "load" in data:
                loads.append(data["load"])
                before = data["before"]
                distinct = f", {data['triples']} distinct triples in the union" if data["triples"] else ""
                print(f"{engine}: loaded in {data['load']:.1f} s{distinct}", flush=True)
            else:
                results[data["name"]] = data
                left.remove(data["name"])
                print(f"{engine}: {data['name']} {cell(data)} ({data['rows']} rows)", flush=True)
            limit = max(args.timeout, args.runs * args.repeat_below) + 30
        proc.wait()
    return {"load": statistics.median(loads) if loads else float("nan"), "peak": peak, "before": before,
            "queries": results}


def cell(r: dict) -> str:  # type: ignore[type-arg]
    if r["error"]:
        return str(r["error"])
    mark = " (1)" if len(r["seconds"]) == 1 else ""
    return f"{statistics.median(r['seconds']):.3f}{mark}"


def table(results: dict[str, dict]) -> str:  # type: ignore[type-arg]
    """Seconds per query and engine, then row counts (`≠` where an engine disagrees with rdflib)."""
    engines = list(results)
    lines = [["query", *(f"{e} s" for e in engines), *(f"{e} rows" for e in engines)]]
    for name in next(iter(results.values()))["queries"]:
        rs = [results[e]["queries"][name] for e in engines]
        want = rs[0]["rows"]
        counts = ["-" if r["rows"] is None else f"{r['rows']}{' ≠' if want not in (None, r['rows']) else ''}"
                  for r in rs]
        lines.append([name, *(cell(r) for r in rs), *counts])
    lines.append(["load", *(f"{results[e]['load']:.1f}" for e in engines), *("" for _ in engines)])
    lines.append(["MiB before load", *(f"{results[e]['before']:.0f}" for e in engines), *("" for _ in engines)])
    lines.append(["peak MiB", *(f"{results[e]['peak']:.0f}" for e in engines), *("" for _ in engines)])
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    return "\n".join("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(line, widths)))
                     for line in lines)


def main(argv: list[str]) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("paths", nargs="*", help="folders of articles mixed into the corpus with the seeds")
    p.add_argument("--articles", type=int, default=200, help="articles actually built (default 200)")
    p.add_argument("--triples", type=int, default=1_000_000, help="quads to reach by replication")
    p.add_argument("--out", default="/tmp/dangkg-bench.nq", help="the N-Quads file written")
    p.add_argument("--timeout", type=float, default=120.0, help="seconds before a query run is stopped")
    p.add_argument("--runs", type=int, default=3, help="runs per query (the median is printed)")
    p.add_argument("--repeat-below", type=float, default=30.0, help="run again only queries faster than this")
    p.add_argument("--memory", type=float, default=8.0, help="GiB of address space per engine process")
    p.add_argument("--engines", default=",".join(ENGINES), help=f"comma-separated, of {', '.join(ENGINES)}")
    p.add_argument("--reuse", action="store_true", help="measure the --out file written by an earlier run")
    p.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        limit = int(args.memory * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        child(args.child[0], args.out, args.child[1:], args.timeout, args.runs, args.repeat_below)
        return
    out = Path(args.out)
    if args.reuse and out.is_file():
        with out.open("rb") as f:
            print(f"graph: {sum(1 for _ in f)} quads in {out} (reused)", flush=True)
    else:
        start = time.perf_counter()
        graphs = base_quads(args.articles, args.paths)
        built = time.perf_counter() - start
        quads = replicate(graphs, args.triples, out)
        mib = out.stat().st_size / 2**20
        print(f"graph: {len(graphs)} articles built in {built:.1f} s, replicated to {quads} quads ({mib:.0f} MiB) "
              f"in {time.perf_counter() - start - built:.1f} s: {out}", flush=True)
    import builder

    names = [q.name for q in builder.list_queries()]
    results = {}
    for engine in args.engines.split(","):
        if engine == "oxrdflib":
            try:
                import oxrdflib  # noqa: F401
            except ImportError:
                print("oxrdflib: not installed (pip install oxrdflib); rdflib over Oxigraph not measured")
                continue
        results[engine] = measure(engine, names, args)
    print()
    print(table(results))


if __name__ == "__main__":
    main(sys.argv[1:])
