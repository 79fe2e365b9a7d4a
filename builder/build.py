"""The whole path: input paths → articles → facts → RDF → SHACL report, written atomically."""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from builder.extract import extract
from builder.ingest import Article, read_articles
from builder.model import Facts


@dataclass
class BuildResult:
    """What a build produced and what went wrong, per article."""

    articles: list[Article] = field(default_factory=list)
    facts: list[Facts] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    conforms: bool = True
    violations: int = 0


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
        result.counts.update(holdings=len({(h.person, h.role, h.body) for h in facts.holdings}),
                             events=len(facts.events), terms=len(facts.terms), documents=len(facts.documents))
    return result


def build(paths: list[str], outdir: Path) -> BuildResult:
    """Build graph.trig, graph.ttl and report.ttl in outdir from the articles under paths."""
    from builder.to_rdf import merged, to_dataset, trig
    from builder.validate import validate

    result = extract_all(paths)
    ds = to_dataset(list(zip(result.articles, result.facts)))
    graph = merged(ds)
    result.conforms, report, result.violations = validate(graph)
    write_atomic(outdir / "graph.trig", trig(ds))
    write_atomic(outdir / "graph.ttl", graph.serialize(format="turtle"))
    write_atomic(outdir / "report.ttl", report.serialize(format="turtle"))
    return result
