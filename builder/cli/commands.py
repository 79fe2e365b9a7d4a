"""The `kg` subcommands: each parses nothing, calls the public API of the builder package and prints (a
summary, a table, JSON); exit codes 0 success, 1 SHACL violations, 2 error."""

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

EXAMPLE_QUERY = "chairs-of-vetting"
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


def cmd_audit(args: argparse.Namespace) -> int:
    b = builder.build_dataset(args.paths or [builder.SEEDS])
    _warn(b.errors)
    flags = builder.audit(b.articles, b.facts)
    out = Path(args.output)
    builder.write_audit(flags, out)
    kinds = Counter(f.kind for f in flags)
    per_article = len(flags) / max(1, len(b.articles))
    summary: dict[str, Any] = {"articles": len(b.articles), "flags": len(flags), "per_article": round(per_article, 2),
                               "kinds": dict(sorted(kinds.items())), "wrote": str(out)}
    lines = [f"{len(flags)} possible misses in {len(b.articles)} articles ({per_article:.1f} an article: "
             + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) + f"); all in {out}"]
    lines += [f"  {f.score:.2f} {f.kind:16} {f.article}:{f.start}-{f.end}  {'; '.join(f.persons)}"
              + (f" ~ {f.near}" if f.near else "") for f in flags[:args.limit]]
    if args.gold:
        gold = builder.load_gold(Path(args.gold))
        scores = builder.evaluate(builder.graph_facts(b.merged), gold)
        flagged, missed = builder.flagged_misses(flags, scores["misses"])
        summary["gold_missed_holdings"], summary["flagged"] = missed, flagged
        lines.append(f"gold: {flagged} of the {missed} holdings the build missed are flagged"
                     f" ({flagged / max(1, missed):.0%})")
    _report(args, summary, lines)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    if not args.gold and not args.questions:
        print("error: kg eval needs --gold DIR, --questions FILE or both", file=sys.stderr)
        return 2
    questions = builder.load_questions(Path(args.questions)) if args.questions else None  # fails before a build
    gold = builder.load_gold(Path(args.gold)) if args.gold else None
    if args.gold and not gold:
        print(f"error: {args.gold}: no gold *.json files", file=sys.stderr)
        return 2
    built = [Path(p) for p in args.paths if Path(p).is_dir() and (Path(p) / "graph.trig").is_file()]
    if not gold and built and len(built) == len(args.paths) == 1:  # time questions of a built folder
        summary, lines = _answers(builder.open_graph(built[0], "oxigraph"), questions or [])
        _report(args, summary, lines)
        return 0
    b = builder.build_dataset(args.paths or [builder.SEEDS])
    _warn(b.errors)
    summary, lines = {"articles": len(b.articles), "errors": b.errors}, []
    if gold:
        texts = {a.id: a.clean.text for a in b.articles}
        scores = builder.evaluate(builder.graph_facts(b.merged), gold, texts)  # Oxigraph: the same facts, faster
        per_kind = {**scores["per_kind"], "overall": scores["overall"]}
        if args.explain:
            lines += [line for miss in scores["misses"] for line in miss.lines()]
            lines += ["", "error kinds:", *(f"{n:5}  {kind}" for kind, n in scores["error_kinds"]), ""]
        lines.append(f"{'kind':14} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
        lines += [f"{kind:14} {f['precision']:6.3f} {f['recall']:6.3f} {f['f1']:6.3f} {f['tp']:5} {f['fp']:5} "
                  f"{f['fn']:5}" for kind, f in per_kind.items()]
        summary |= {"gold": len(gold), "scores": per_kind}
        if args.calibrate:
            measured_on = f"{len(gold)} gold articles of {args.gold}"
            summary["calibration"], more = _calibrate(scores["outcomes"], Path(args.calibrate), measured_on)
            lines += more
    if questions:
        asked, more = _answers(b.merged, questions)
        summary = summary | asked if not gold else {**summary, "time_questions": asked}
        lines += more
    _report(args, summary, lines)
    return 0


def _answers(graph: Any, questions: list[Any]) -> tuple[dict[str, Any], list[str]]:
    """kg eval --questions: the accuracy of holders-as-of on the questions, and every wrong answer with the
    reports it came from; as a summary and as lines."""
    answers = builder.ask_questions(graph, questions)
    right = sum(a.right for a in answers)
    lines = [f"time questions: {right} of {len(answers)} right ({right / len(answers):.0%})"]
    lines += [line for a in answers if not a.right for line in a.lines()]
    summary = {"questions": len(answers), "right": right, "accuracy": round(right / len(answers), 3),
               "wrong": [{"role": a.question.role, "body": a.question.body, "as_of": a.question.as_of,
                          "expected": list(a.question.holders), "got": list(a.holders),
                          "evidence": list(a.evidence)} for a in answers if not a.right]}
    return summary, lines


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
