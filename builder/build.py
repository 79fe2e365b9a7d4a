"""The whole path: input paths → articles → facts → RDF → SHACL report, written atomically."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.extract import extract
from builder.ingest import Article, read_articles
from builder.model import Facts

CONFLICTS = "holding-conflicts-violation"  # the saved query conflicts.csv is written from


@dataclass
class BuildResult:
    """What a build produced and what went wrong, per article."""

    articles: list[Article] = field(default_factory=list)
    facts: list[Facts] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    conforms: bool = True
    violations: int = 0
    curated: Counter[str] = field(default_factory=Counter)  # facts per curation decision applied
    stale: list[str] = field(default_factory=list)  # curation entries whose fact was not extracted
    conflicts: int = 0  # rows of conflicts.csv


def write_atomic(path: Path, data: str) -> None:
    """Write a file so that readers see the old or the new content, never half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def csv_text(columns: list[str], rows: list[dict[str, Any]]) -> str:
    """Rows as CSV text with a header line (None → empty cell)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def count(facts: list[Facts]) -> Counter[str]:
    """Facts per kind; a holding reported in several sentences counts once."""
    counts: Counter[str] = Counter()
    for f in facts:
        counts.update(holdings=len({(h.person, h.role, h.body) for h in f.holdings}),
                      events=len(f.events), terms=len(f.terms), documents=len(f.documents))
    return counts


def extract_all(paths: list[str]) -> BuildResult:
    """Read and extract every article; one failing article becomes an error line."""
    result = BuildResult()
    articles, result.errors = read_articles(paths)
    for article in articles:
        try:
            facts = extract(article)
        except Exception as err:  # noqa: BLE001 - one bad article must not stop the batch
            result.errors.append(f"{article.path}: extraction failed ({type(err).__name__}: {err})")
            continue
        result.articles.append(article)
        result.facts.append(facts)
    result.counts = count(result.facts)
    return result


def build(paths: list[str], outdir: Path, curation: Path | None = None) -> BuildResult:
    """Build graph.trig, graph.ttl, report.ttl and conflicts.csv in outdir from the articles under paths.

    conflicts.csv holds the rows of the saved query CONFLICTS: two holders of a
    single-holder post reported for the same day.

    A curation file (builder.curation) is read first, so a bad one fails before any
    work (CurationError), and applied to the extracted facts before they become RDF.
    """
    from builder import curation as cur
    from builder.query import run
    from builder.to_rdf import merged, to_dataset, trig
    from builder.validate import validate

    decisions = cur.load(curation) if curation else {}
    result = extract_all(paths)
    items = list(zip(result.articles, result.facts))
    if curation:
        result.curated, result.stale = cur.apply(decisions, items)
        result.counts = count(result.facts)
    ds = to_dataset(items)
    graph = merged(ds)
    result.conforms, report, result.violations = validate(graph)
    write_atomic(outdir / "graph.trig", trig(ds))
    write_atomic(outdir / "graph.ttl", graph.serialize(format="turtle"))
    write_atomic(outdir / "report.ttl", report.serialize(format="turtle"))
    columns, rows = run(CONFLICTS, ds)
    result.conflicts = len(rows)
    write_atomic(outdir / "conflicts.csv", csv_text(columns, rows))
    return result
