"""The `kg` command line: every subcommand, its options and its help, as one argparse parser."""

from __future__ import annotations

import argparse

import builder
from builder.check.shacl import ENGINES
from builder.cli.commands import (
    FORMATS,
    cmd_audit,
    cmd_build,
    cmd_conflicts,
    cmd_eval,
    cmd_export,
    cmd_facts,
    cmd_fuseki_config,
    cmd_load,
    cmd_queries,
    cmd_query,
    cmd_review,
    cmd_validate,
    cmd_viz,
)
from builder.run.build import ENGINES as BUILD_ENGINES
from builder.use.graphs import ENGINES as QUERY_ENGINES

EPILOG = """exit codes: 0 success (validate, build: the graph conforms); 1 SHACL violations; 2 error
(bad input, missing or unparseable graph, unknown query, bad curation file, server down or refusing).
Colour only on a terminal (and never with NO_COLOR set); the build's progress bar only on a terminal.

example: kg build && kg query chairs-of-vetting && kg viz out -o people.png"""


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"needs a whole number ≥ 1, got {text!r}")
    return int(text)


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

    e = sub.add_parser("eval", help="build in memory, then score against gold facts or time questions",
                       parents=[common],
                       description="Example: kg eval --gold ../shared/dev/gold ../shared/dev/texts --explain; "
                                   "or kg eval --questions bench/time-questions.json ../shared/dev/articles.jsonl; "
                                   "or kg eval --questions FILE out/ (a built graph)")
    e.add_argument("--gold", help="folder of gold *.json files")
    e.add_argument("--questions", metavar="FILE",
                   help="JSON time questions (role, body, as_of, holders): ask each with holders-as-of, print the "
                        "accuracy and every wrong answer with the reports it came from")
    e.add_argument("--explain", action="store_true", help="list every false positive and negative")
    e.add_argument("--calibrate", nargs="?", const=builder.CONFIDENCES_FILE, metavar="FILE",
                   help="write each rule's measured precision as its confidence (default: the rule registry's data)")
    e.add_argument("paths", nargs="*", help="article files or folders (default: the bundled seeds)")
    e.set_defaults(func=cmd_eval)

    a = sub.add_parser("audit", help="build in memory, then list where a holding may have been missed",
                       parents=[common], description="Example: kg audit articles/ -o audit.csv --limit 30")
    a.add_argument("paths", nargs="*", help="article files or folders (default: the bundled seeds)")
    a.add_argument("-o", "--output", default="audit.csv", help="CSV file of every flag (default: audit.csv)")
    a.add_argument("--limit", type=_positive, default=20, metavar="N", help="flags to print (default: 20)")
    a.add_argument("--gold", metavar="DIR", help="gold *.json files: also say how many missed holdings are flagged")
    a.set_defaults(func=cmd_audit)
    return p

