"""The `kg` command: a thin layer over the public API of the builder package.

Exit codes: 0 success (and, for validate, the graph conforms); 1 SHACL violations;
2 error (bad input, missing or unparseable graph, unknown query, bad curation file).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import builder
from builder.check.shacl import ENGINES
from builder.run.build import ENGINES as BUILD_ENGINES
from builder.use.graphs import ENGINES as QUERY_ENGINES

EXAMPLE_QUERY = "chairs-of-vetting"
EPILOG = """exit codes: 0 success (validate, build: the graph conforms); 1 SHACL violations; 2 error
(bad input, missing or unparseable graph, unknown query, bad curation file, server down or refusing).
Colour only on a terminal (and never with NO_COLOR set); the build's progress bar only on a terminal.

example: kg build && kg query chairs-of-vetting && kg viz out -o people.png"""
FORMATS = ("table", "csv", "json")
COLOURS = {"red": "31", "green": "32", "yellow": "33"}


def _tty(stream: Any) -> bool:
    return bool(getattr(stream, "isatty", lambda: False)()) and "NO_COLOR" not in os.environ \
        and os.environ.get("TERM") != "dumb"


def _paint(text: str, colour: str, stream: Any = None) -> str:
    """Text in colour on a terminal (not when piped, nor with NO_COLOR set); plain otherwise."""
    return f"\033[{COLOURS[colour]}m{text}\033[0m" if _tty(stream or sys.stdout) else text


def _report(args: argparse.Namespace, summary: dict[str, Any], lines: list[str]) -> None:
    """A command's summary: JSON with --json, nothing with --quiet, else the lines."""
    if getattr(args, "json", False):
        print(json.dumps(summary, ensure_ascii=False, indent=1, sort_keys=True))
    elif not getattr(args, "quiet", False):
        for line in lines:
            print(line)


def _warn(lines: Sequence[str], kind: str = "error") -> None:
    """Per-article problems go to standard error, even with --quiet."""
    for line in lines:
        print(f"  {_paint(kind, 'red' if kind == 'error' else 'yellow', sys.stderr)}: {line}", file=sys.stderr)


def _build_summary(b: builder.Build, outdir: Path) -> tuple[dict[str, Any], list[str]]:
    facts = ", ".join(f"{k} {b.counts[k]}" for k in ("holdings", "events", "terms", "documents"))
    state = _paint("conforms", "green") if b.conforms else _paint(f"{b.validation.violations} violations", "red")
    lines = [f"articles: {len(b.articles)} built ({b.cached} from the cache), {len(b.errors)} with errors"
             + (f", {len(b.notices)} notices" if b.notices else ""),
             f"facts: {facts}"]
    if b.curated or b.stale:
        done = ", ".join(f"{b.curated[d]} {d}ed" for d in ("accept", "reject", "correct"))
        lines.append(f"curation: {done}, {len(b.stale)} stale")
    lines += [f"SHACL: {state} ({b.validation.how}; report: {outdir / 'report.ttl'})",
              f"conflicts: {len(b.conflicts)} ({_kinds(b.conflicts)}{outdir / 'conflicts.csv'})",
              f"problems: {len(b.problems)} ({outdir / 'problems.jsonl'})",
              f"wrote: {outdir / 'graph.trig'}, {outdir / 'graph.ttl'}"]
    summary = {
        "articles": len(b.articles), "cached": b.cached, "errors": b.errors,
        "notices": b.notices, "facts": dict(b.counts),
        "conforms": b.conforms,
        "violations": b.validation.violations, "validation": b.validation.how, "conflicts": len(b.conflicts),
        "curation": dict(b.curated), "stale": b.stale, "seconds": {k: round(v, 3) for k, v in b.seconds.items()},
        "outputs": [str(outdir / name) for name in builder.OUTPUTS],
    }
    return summary, lines


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"needs a whole number ≥ 1, got {text!r}")
    return int(text)


def cmd_build(args: argparse.Namespace) -> int:
    outdir = Path(args.output)
    progress = None
    if _tty(sys.stderr) and not (args.quiet or args.json):
        from tqdm import tqdm

        def progress(articles: list[Any]) -> Any:
            return tqdm(articles, desc="extract", unit="article", file=sys.stderr, leave=False)

    cache = None if args.no_cache else Path(args.cache) if args.cache else outdir / ".kg-cache"
    if args.scheduler and args.engine != "dask":
        print("error: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    b = builder.build_dataset(args.paths or [builder.SEEDS], args.curation, progress, args.jobs, cache,
                              args.validator, args.engine, args.scheduler)
    builder.write_outputs(b, outdir)
    _warn(b.errors)
    _warn(b.notices, "notice")
    _warn(b.stale, "warning")
    _report(args, *_build_summary(b, outdir))
    if not args.paths and not (args.quiet or args.json):
        print(f"\nExample question ({EXAMPLE_QUERY}): who chaired personnel-vetting conferences?")
        _emit(*builder.run_query(EXAMPLE_QUERY, b.merged), "table")
    if not b.articles or args.strict and b.errors:
        return 2
    return 0 if b.conforms else 1


def cmd_validate(args: argparse.Namespace) -> int:
    ds = builder.load_graph(args.graph)
    v = builder.validate_dataset(ds, engine=args.validator)
    problems = builder.describe(v.report)
    summary = {"graph": args.graph, "conforms": v.conforms, "violations": v.violations, "triples": len(ds),
               "validation": v.how, "results": problems}
    if v.conforms:
        _report(args, summary, [f"{args.graph}: {_paint('conforms', 'green')} ({len(ds)} triples; {v.how})"])
        return 0
    _report(args, summary, [f"{args.graph}: {_paint(f'{v.violations} violations', 'red')}",
                            *(f"  {line}" for line in problems)])
    return 1


def cmd_queries(args: argparse.Namespace) -> int:
    for q in builder.list_queries():
        print(f"{q.name:32} [{q.kind}] {q.summary}")
        if q.params and q.params != "none":
            print(f"{'':32}   params: {q.params}")
    return 0


def _emit(columns: list[str], rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if fmt == "csv":
        print(builder.csv_text(columns, rows), end="")
        return
    cells = [[str(r.get(c) if r.get(c) is not None else "") for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths)))
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)))
    print(f"({len(rows)} rows)")


def cmd_query(args: argparse.Namespace) -> int:
    params = {}
    for item in args.param:
        if "=" not in item:
            print(f"error: --param needs k=v, got {item!r}", file=sys.stderr)
            return 2
        k, v = item.split("=", 1)
        params[k.strip()] = v
    builder.saved(args.name)  # an unknown query fails before the graph is read
    _emit(*builder.run_query(args.name, builder.open_graph(args.graph, args.engine), params), args.format)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    text = builder.export(builder.load_graph(args.outdir), args.format)
    if args.output:
        builder.write_text(Path(args.output), text)
        _report(args, {"wrote": args.output, "format": args.format, "bytes": len(text.encode())},
                [f"wrote: {args.output} ({args.format})"])
    else:
        sys.stdout.write(text)
    return 0


def _server(args: argparse.Namespace) -> builder.Server:
    return builder.Server(args.endpoint, args.dataset, args.data_path, args.query_path, args.update_path,
                          args.user, args.password, args.retries, timeout=args.timeout)


def cmd_load(args: argparse.Namespace) -> int:
    server = _server(args)
    done = builder.load(builder.load_graph(args.outdir), server, default_graph=args.default_graph)
    total = len(done.written) + len(done.failed)
    by_reason: dict[str, list[str]] = {}
    for name, why in done.failed.items():
        by_reason.setdefault(why.removeprefix("not tried: "), []).append(name)
    _warn([f"{len(names)} graph{'s' if len(names) != 1 else ''} not loaded ({why}): "
           + ", ".join(names[:3]) + (f" and {len(names) - 3} more (--json lists them)" if len(names) > 3 else "")
           for why, names in by_reason.items()])
    _report(args, {"loaded": done.written, "not_loaded": done.failed, "endpoint": server.data_url},
            [f"loaded: {len(done.written)} of {total} graph{'s' if total != 1 else ''} into {server.data_url}"
             + ("" if done.complete else " (run the same command again to load the rest: graphs are replaced, "
                                         "never duplicated)")])
    return 0 if done.complete else 2


def cmd_fuseki_config(args: argparse.Namespace) -> int:
    text = builder.fuseki_config(args.dataset, args.location, Path(args.output).name)
    builder.write_text(Path(args.output), text)
    _report(args, {"wrote": args.output, "dataset": args.dataset, "location": args.location},
            [f"wrote: {args.output} (dataset '{args.dataset}', TDB2 in {args.location}, union default graph)"])
    return 0


def cmd_facts(args: argparse.Namespace) -> int:
    print(json.dumps(builder.graph_facts(builder.load_graph(args.outdir)), ensure_ascii=False, indent=1))
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    out = Path(args.output)
    n = builder.write_review(builder.load_graph(args.outdir), out, force=args.force)
    _report(args, {"wrote": str(out), "facts": n},
            [f"wrote: {out} ({n} facts, least sure first; fill in 'decision': accept, reject or correct, "
             f"then `kg build --curation {out}`)"])
    return 0


def _kinds(rows: list[dict[str, Any]]) -> str:
    """'2 same-day, 1 after-ceased: ' — the conflicts per kind, in builder.check.conflicts.KINDS order ('' for none)."""
    from builder.check.conflicts import KINDS

    counts = Counter(r["kind"] for r in rows)
    text = ", ".join(f"{counts[k]} {k}" for k in KINDS if counts[k])
    return f"{text}: " if text else ""


def cmd_conflicts(args: argparse.Namespace) -> int:
    _emit(*builder.conflicts(builder.load_graph(args.outdir)), args.format)
    return 0


def cmd_viz(args: argparse.Namespace) -> int:
    if args.view == "timeline":
        builder.write_timeline(builder.load_graph(args.outdir), args.output, person=args.around, role=args.role,
                               body=args.body)
        _report(args, {"wrote": args.output, "view": "timeline"}, [f"wrote: {args.output} (view timeline)"])
        return 0
    g = builder.view(builder.load_graph(args.outdir), args.view)
    if args.around:
        g = builder.around(g, args.around, args.depth)
    builder.write_picture(g, args.output)
    _report(args, {"wrote": args.output, "view": args.view, "nodes": g.number_of_nodes(), "edges": g.number_of_edges()},
            [f"wrote: {args.output} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges, view {args.view})"])
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    gold = builder.load_gold(Path(args.gold))
    if not gold:
        print(f"error: {args.gold}: no gold *.json files", file=sys.stderr)
        return 2
    b = builder.build_dataset(args.paths or [builder.SEEDS])
    _warn(b.errors)
    texts = {a.id: a.clean.text for a in b.articles}
    scores = builder.evaluate(builder.graph_facts(b.dataset), gold, texts)
    per_kind = {**scores["per_kind"], "overall": scores["overall"]}
    lines = []
    if args.explain:
        lines += [line for miss in scores["misses"] for line in miss.lines()]
        lines += ["", "error kinds:", *(f"{n:5}  {kind}" for kind, n in scores["error_kinds"]), ""]
    lines.append(f"{'kind':14} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    lines += [f"{kind:14} {f['precision']:6.3f} {f['recall']:6.3f} {f['f1']:6.3f} {f['tp']:5} {f['fp']:5} {f['fn']:5}"
              for kind, f in per_kind.items()]
    summary: dict[str, Any] = {"articles": len(b.articles), "errors": b.errors, "gold": len(gold), "scores": per_kind}
    if args.calibrate:
        measured_on = f"{len(gold)} gold articles of {args.gold}"
        summary["calibration"], more = _calibrate(scores["outcomes"], Path(args.calibrate), measured_on)
        lines += more
    _report(args, summary, lines)
    return 0


def _calibrate(outcomes: list[Any], path: Path, measured_on: str) -> tuple[dict[str, Any], list[str]]:
    """Write each rule's measured confidence; returns it and the reliability table it gives, as a summary
    and as lines."""
    measured = builder.calibrate(outcomes)
    rows = [{"rule": r, "confidence": f"{c:.2f}", "right": ok, "wrong": bad, "measured_on": measured_on}
            for r, (c, ok, bad) in measured.items()]
    builder.write_calibration(path, rows)
    new = {r: c for r, (c, _, _) in measured.items()}
    table = builder.reliability(outcomes, lambda rule, old: new.get(rule, old))
    lines = [f"\nrule confidences measured ({path}):"]
    lines += [f"  {row['rule']:24} {row['confidence']}  ({row['right']} right, {row['wrong']} wrong)" for row in rows]
    lines.append("\nreliability (confidence bucket → observed precision, facts):")
    lines += [f"  {bucket:14} {precision:6.3f} {n:6}" for bucket, precision, n in table]
    summary = {"file": str(path), "rules": rows,
               "reliability": [{"bucket": b, "precision": p, "facts": n} for b, p, n in table]}
    return summary, lines


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kg", description="Knowledge graph of Vietnamese Party personnel news.",
                                epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"kg {builder.__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors (and no progress bar)")
    common.add_argument("--json", action="store_true", help="print a machine-readable summary (JSON) instead")
    shacl = argparse.ArgumentParser(add_help=False)
    shacl.add_argument("--validator", choices=ENGINES, default="fast",
                       help="fast: each article graph to the shacl package (Rust) first, to pySHACL if flagged "
                            "(the report is always pySHACL's); pyshacl: every graph to pySHACL (default: fast)")

    b = sub.add_parser("build", help="build the graph from articles (default: the bundled seeds)",
                       parents=[common, shacl],
                       description="Example: kg build articles/ more.jsonl -o out   (no path: the bundled seeds)")
    b.add_argument("paths", nargs="*", help="article files or folders (.txt, .html, .jsonl)")
    b.add_argument("-o", "--output", default="out", help="output folder (default: out)")
    b.add_argument("--strict", action="store_true", help="exit 2 when any input could not be built (default: report "
                   "it, build the rest, exit by the SHACL verdict)")
    b.add_argument("--curation", metavar="FILE", help="a reviewed `kg review` CSV: accept, reject, correct facts")
    b.add_argument("-j", "--jobs", type=_positive, default=1, metavar="N",
                   help="extract in N processes (same output as 1; default: 1)")
    b.add_argument("--cache", metavar="DIR", help="facts cache: unchanged articles are not extracted again "
                                                  "(default: OUTDIR/.kg-cache)")
    b.add_argument("--no-cache", action="store_true", help="extract every article, read and write no cache")
    b.add_argument("--engine", choices=BUILD_ENGINES, default="local",
                   help="local: this machine (-j processes); dask: a Dask cluster, the one at --scheduler or a "
                        "LocalCluster of -j workers (same output; default: local)")
    b.add_argument("--scheduler", metavar="ADDRESS", help="a Dask scheduler, e.g. tcp://10.0.0.5:8786 (--engine dask)")
    b.set_defaults(func=cmd_build)

    v = sub.add_parser("validate", help="validate a graph against the SHACL shapes",
                       parents=[common, shacl],
                       description="Example: kg validate out/graph.trig   (exit 0 conforms, 1 violations)")
    v.add_argument("graph", help="build folder or graph file (.trig, .ttl, .nq, .nt, .jsonld)")
    v.set_defaults(func=cmd_validate)

    q = sub.add_parser("queries", help="list the saved queries", description="Example: kg queries")
    q.set_defaults(func=cmd_queries)

    r = sub.add_parser("query", help="run a saved query",
                       description="Example: kg query post-holders --param bodyName='Ban Tổ chức Trung ương' "
                                   "--graph out --format csv")
    r.add_argument("name")
    r.add_argument("--param", action="append", default=[], help="k=v, bound as a literal")
    r.add_argument("--graph", default="out", help="build folder or graph file (default: out)")
    r.add_argument("--format", choices=FORMATS, default="table")
    r.add_argument("--engine", choices=QUERY_ENGINES, default="auto",
                   help="rdflib in memory, or Oxigraph (fast on large graphs); auto: Oxigraph when the graph "
                        "file is over 50 MB (default: auto)")
    r.set_defaults(func=cmd_query)

    x = sub.add_parser("export", help="write the built graph for a triple store (e.g. Fuseki)", parents=[common],
                       description="Example: kg export out --format nquads -o graph.nq")
    x.add_argument("outdir", nargs="?", default="out", help="build folder or graph file (default: out)")
    x.add_argument("--format", choices=tuple(builder.EXPORTS), default="trig",
                   help="trig and nquads and jsonld keep one named graph per article; turtle is merged (default: trig)")
    x.add_argument("-o", "--output", metavar="FILE", help="file to write (default: standard output)")
    x.set_defaults(func=cmd_export)

    ld = sub.add_parser("load", help="upload the built graph to a SPARQL 1.1 server (Graph Store Protocol)",
                        parents=[common],
                        description="Example: kg load out --endpoint http://localhost:3030 --dataset kg")
    ld.add_argument("outdir", nargs="?", default="out", help="build folder or graph file (default: out)")
    ld.add_argument("--endpoint", required=True, help="the server's base URL, e.g. http://localhost:3030")
    ld.add_argument("--dataset", default="kg", help="Fuseki dataset name (default: kg)")
    ld.add_argument("--data-path", help="Graph Store Protocol path (default: /{dataset}/data; Oxigraph: /store)")
    ld.add_argument("--query-path", help="query path (default: /{dataset}/sparql; Oxigraph: /query)")
    ld.add_argument("--update-path", help="update path (default: /{dataset}/update; Oxigraph: /update)")
    ld.add_argument("--default-graph", action="store_true", help="load the merged graph as the default graph")
    ld.add_argument("--user", help="user name for HTTP basic authentication")
    ld.add_argument("--password", help="password for HTTP basic authentication")
    ld.add_argument("--retries", type=int, default=3,
                    help="retries of a graph, with backoff, while the server is down, slow or failing (default: 3)")
    ld.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                    help="seconds to wait for the server's answer to one request (default: 60)")
    ld.set_defaults(func=cmd_load)

    fc = sub.add_parser("fuseki-config", help="write a Fuseki configuration: TDB2, union default graph",
                        parents=[common],
                        description="Example: kg fuseki-config -o config.ttl && fuseki-server --config config.ttl")
    fc.add_argument("-o", "--output", default="config.ttl", help="file to write (default: config.ttl)")
    fc.add_argument("--dataset", default="kg", help="dataset name (default: kg)")
    fc.add_argument("--location", default="DB", help="TDB2 folder (default: DB)")
    fc.set_defaults(func=cmd_fuseki_config)

    f = sub.add_parser("facts", help="print the graph's facts as JSON in the gold schema",
                       description="Example: kg facts out > facts.json")
    f.add_argument("outdir", nargs="?", default="out", help="build folder or graph file (default: out)")
    f.set_defaults(func=cmd_facts)

    w = sub.add_parser("review", help="write the graph's facts as a CSV to review, least sure first", parents=[common],
                       description="Example: kg review out -o review.csv && kg build --curation review.csv")
    w.add_argument("outdir", nargs="?", default="out", help="build folder or graph file (default: out)")
    w.add_argument("-o", "--output", default="review.csv", help="CSV file to write (default: review.csv)")
    w.add_argument("--force", action="store_true", help="overwrite a file that holds reviewer decisions")
    w.set_defaults(func=cmd_review)

    c = sub.add_parser("conflicts", help="what the reports cannot all be right about: two holders of a post on one "
                                         "day, held again after leaving, two take-ups, a holding after its body ended",
                       description="Example: kg conflicts out --format csv")
    c.add_argument("outdir", nargs="?", default="out", help="build folder or graph file (default: out)")
    c.add_argument("--format", choices=FORMATS, default="table")
    c.set_defaults(func=cmd_conflicts)

    z = sub.add_parser("viz", help="draw a view of the graph: .html, .png, .svg, .graphml or .gexf", parents=[common],
                       description="Example: kg viz out -o people.html --around 'Trương Thị Mai' --depth 2")
    z.add_argument("outdir", nargs="?", default="out", help="build folder or graph file (default: out)")
    z.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="picture to write; its suffix says the kind: .html (interactive), .png, .svg, "
                        ".graphml, .gexf (Gephi)")
    z.add_argument("--view", default="people",
                   help="people, meetings, co-attendance, or timeline (a .png or .svg of one person's posts, "
                        "--around NAME, or of one post's holders, --role and --body) (default: people)")
    z.add_argument("--around", metavar="NAME", help="only what is at most --depth edges from the node named NAME "
                                                     "(with --view timeline: the person)")
    z.add_argument("--role", help="with --view timeline: the post's role (e.g. 'Bí thư')")
    z.add_argument("--body", help="with --view timeline: the post's body (e.g. 'Tỉnh ủy Nghệ An')")
    z.add_argument("--depth", type=int, default=2, metavar="N", help="with --around: how many edges (default: 2)")
    z.set_defaults(func=cmd_viz)

    e = sub.add_parser("eval", help="build in memory, then score against gold facts", parents=[common],
                       description="Example: kg eval --gold ../shared/dev/gold ../shared/dev/texts --explain")
    e.add_argument("--gold", required=True, help="folder of gold *.json files")
    e.add_argument("--explain", action="store_true", help="list every false positive and negative")
    e.add_argument("--calibrate", nargs="?", const=builder.CONFIDENCES_FILE, metavar="FILE",
                   help="write each rule's measured precision as its confidence (default: the rule registry's data)")
    e.add_argument("paths", nargs="*", help="article files or folders (default: the bundled seeds)")
    e.set_defaults(func=cmd_eval)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except (builder.GraphError, builder.QueryError, builder.CurationError, builder.RemoteError, builder.ViewError,
            OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
