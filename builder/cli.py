"""The `kg` command: a thin layer over the library functions.

Exit codes: 0 success (and, for validate, the graph conforms); 1 SHACL violations;
2 error (bad input, missing graph, unknown query).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from builder import __version__
from builder.resources import SEEDS

EXAMPLE_QUERY = "chairs-of-vetting"


def _print_summary(result, outdir: Path) -> None:  # type: ignore[no-untyped-def]
    print(f"articles: {len(result.articles)} built, {len(result.errors)} with errors")
    for line in result.errors:
        print(f"  error: {line}", file=sys.stderr)
    facts = ", ".join(f"{k} {result.counts[k]}" for k in ("holdings", "events", "terms", "documents"))
    print(f"facts: {facts}")
    if result.curated or result.stale:
        done = ", ".join(f"{result.curated[d]} {d}ed" for d in ("accept", "reject", "correct"))
        print(f"curation: {done}, {len(result.stale)} stale")
    for line in result.stale:
        print(f"  warning: {line}", file=sys.stderr)
    state = "conforms" if result.conforms else f"{result.violations} violations"
    print(f"SHACL: {state} (report: {outdir / 'report.ttl'})")
    print(f"conflicts: {result.conflicts} (one post, one day, two holders: {outdir / 'conflicts.csv'})")
    print(f"wrote: {outdir / 'graph.trig'}, {outdir / 'graph.ttl'}")


def cmd_build(args: argparse.Namespace) -> int:
    from builder.build import build
    from builder.curation import CurationError
    from builder.query import load_dataset

    outdir = Path(args.output)
    paths = args.paths or [str(SEEDS)]
    try:
        result = build(paths, outdir, Path(args.curation) if args.curation else None)
    except CurationError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    _print_summary(result, outdir)
    if not args.paths:
        print(f"\nExample question ({EXAMPLE_QUERY}): who chaired personnel-vetting conferences?")
        _emit(*_run(EXAMPLE_QUERY, load_dataset(outdir), {}), "table")
    if not result.articles:
        return 2
    return 0 if result.conforms else 1


def cmd_validate(args: argparse.Namespace) -> int:
    from builder.validate import describe, load, validate

    path = Path(args.graph)
    if not path.exists():
        print(f"error: {path}: no such file or folder", file=sys.stderr)
        return 2
    try:
        graph = load(path)
    except Exception as err:  # noqa: BLE001 - any parse failure is a usage error here
        print(f"error: {path}: cannot parse ({err})", file=sys.stderr)
        return 2
    conforms, report, violations = validate(graph)
    if conforms:
        print(f"{path}: conforms ({len(graph)} triples)")
        return 0
    print(f"{path}: {violations} violations")
    for line in describe(report):
        print(f"  {line}")
    return 1


def cmd_queries(args: argparse.Namespace) -> int:
    from builder.query import list_queries

    for q in list_queries():
        print(f"{q.name:32} [{q.kind}] {q.summary}")
        if q.params and q.params != "none":
            print(f"{'':32}   params: {q.params}")
    return 0


def _run(name: str, ds, params: dict[str, str]) -> tuple[list[str], list[dict]]:  # type: ignore[no-untyped-def, type-arg]
    from builder.query import run

    return run(name, ds, params)


def _emit(columns: list[str], rows: list[dict], fmt: str) -> None:  # type: ignore[type-arg]
    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if fmt == "csv":
        from builder.build import csv_text

        print(csv_text(columns, rows), end="")
        return
    cells = [[str(r.get(c) if r.get(c) is not None else "") for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths)))
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)))
    print(f"({len(rows)} rows)")


def cmd_query(args: argparse.Namespace) -> int:
    from builder.query import load_dataset

    params = {}
    for item in args.param:
        if "=" not in item:
            print(f"error: --param needs k=v, got {item!r}", file=sys.stderr)
            return 2
        k, v = item.split("=", 1)
        params[k.strip()] = v
    ds = load_dataset(Path(args.graph))
    _emit(*_run(args.name, ds, params), args.format)
    return 0


def cmd_facts(args: argparse.Namespace) -> int:
    from builder.facts import graph_facts
    from builder.query import load_dataset

    print(json.dumps(graph_facts(load_dataset(Path(args.outdir))), ensure_ascii=False, indent=1))
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from builder.curation import CurationError, write_review
    from builder.query import load_dataset

    out = Path(args.output)
    try:
        n = write_review(load_dataset(Path(args.outdir)), out, force=args.force)
    except CurationError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"wrote: {out} ({n} facts, least sure first; fill in 'decision': accept, reject or correct, "
          f"then `kg build --curation {out}`)")
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from builder.build import CONFLICTS
    from builder.query import load_dataset

    _emit(*_run(CONFLICTS, load_dataset(Path(args.outdir)), {}), args.format)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from builder.build import build
    from builder.evaluate import evaluate, load_gold
    from builder.facts import graph_facts
    from builder.query import load_dataset

    gold = load_gold(Path(args.gold))
    if not gold:
        print(f"error: {args.gold}: no gold *.json files", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        result = build(args.paths or [str(SEEDS)], Path(tmp))
        for line in result.errors:
            print(f"  error: {line}", file=sys.stderr)
        texts = {a.id: a.clean.text for a in result.articles}
        scores = evaluate(graph_facts(load_dataset(Path(tmp))), gold, texts)
    if args.explain:
        for miss in scores["misses"]:
            print("\n".join(miss.lines()))
        print("\nerror kinds:")
        for kind, n in scores["error_kinds"]:
            print(f"{n:5}  {kind}")
        print()
    print(f"{'kind':14} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for kind, f in [*scores["per_kind"].items(), ("overall", scores["overall"])]:
        print(f"{kind:14} {f['precision']:6.3f} {f['recall']:6.3f} {f['f1']:6.3f} {f['tp']:5} {f['fp']:5} {f['fn']:5}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kg", description="Knowledge graph of Vietnamese Party personnel news.")
    p.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build the graph from articles (default: the bundled seeds)")
    b.add_argument("paths", nargs="*", help="article files or folders (.txt, .html, .jsonl)")
    b.add_argument("-o", "--output", default="out", help="output folder (default: out)")
    b.add_argument("--curation", metavar="FILE", help="a reviewed `kg review` CSV: accept, reject, correct facts")
    b.set_defaults(func=cmd_build)

    v = sub.add_parser("validate", help="validate a graph against the SHACL shapes")
    v.add_argument("graph", help="graph file (.ttl/.trig) or build folder")
    v.set_defaults(func=cmd_validate)

    q = sub.add_parser("queries", help="list the saved queries")
    q.set_defaults(func=cmd_queries)

    r = sub.add_parser("query", help="run a saved query")
    r.add_argument("name")
    r.add_argument("--param", action="append", default=[], help="k=v, bound as a literal")
    r.add_argument("--graph", default="out", help="build folder or graph file (default: out)")
    r.add_argument("--format", choices=("table", "csv", "json"), default="table")
    r.set_defaults(func=cmd_query)

    f = sub.add_parser("facts", help="print the graph's facts as JSON in the gold schema")
    f.add_argument("outdir", nargs="?", default="out")
    f.set_defaults(func=cmd_facts)

    w = sub.add_parser("review", help="write the graph's facts as a CSV to review, least sure first")
    w.add_argument("outdir", nargs="?", default="out", help="build folder (default: out)")
    w.add_argument("-o", "--output", default="review.csv", help="CSV file to write (default: review.csv)")
    w.add_argument("--force", action="store_true", help="overwrite a file that holds reviewer decisions")
    w.set_defaults(func=cmd_review)

    c = sub.add_parser("conflicts", help="two holders of a single-holder post reported for the same day")
    c.add_argument("outdir", nargs="?", default="out", help="build folder or graph file (default: out)")
    c.add_argument("--format", choices=("table", "csv", "json"), default="table")
    c.set_defaults(func=cmd_conflicts)

    e = sub.add_parser("eval", help="build, then score against gold facts")
    e.add_argument("--gold", required=True, help="folder of gold *.json files")
    e.add_argument("--explain", action="store_true", help="list every false positive and negative")
    e.add_argument("paths", nargs="*")
    e.set_defaults(func=cmd_eval)
    return p


def main(argv: list[str] | None = None) -> int:
    from builder.query import QueryError

    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except QueryError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
