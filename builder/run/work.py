"""What a worker does with one article: extract its facts, render its graph, ask the fast SHACL engine about it.

This is all a worker process imports (builder.run.workers sends it these functions): extraction,
rendering and the fast SHACL engine, none of the build's bookkeeping.
"""

from __future__ import annotations

from functools import cache

from builder.check.shacl import fast_results
from builder.extract import extract
from builder.model import Facts
from builder.rdf import lineage
from builder.rdf.render import render
from builder.rdf.serialize import Rendered
from builder.rdf.shared import Shared, own_values
from builder.text.ingest import Article


def extract_one(article: Article) -> Facts | str:
    """One article's facts, or the error line that replaces them (a bad article never ends the batch)."""
    try:
        return extract(article)
    except Exception as err:  # noqa: BLE001 - one bad article must not stop the batch
        return f"{article.path}: extraction failed ({type(err).__name__}: {err})"


def render_one(job: tuple[Article, Facts, Shared]) -> Rendered:
    """An article's graph, with the fast SHACL engine's results on it."""
    return render(*job, verdict=fast_results)


def extract_and_draft(article: Article) -> tuple[Facts, Rendered] | str:
    """One article's facts and a draft of its graph, rendered with the article's own values for what the
    corpus shares (rdf.shared.own_values): the build keeps the draft when the corpus-wide values it reads are
    the same, so most graphs are rendered in the worker that extracted them, in one pass."""
    facts = extract_one(article)
    return facts if isinstance(facts, str) else (facts, render_one((article, facts, own_values(article, facts))))


@cache
def lineage_graph() -> Rendered:
    """The lineage graph (builder.rdf.lineage), with the fast SHACL engine's results on it."""
    return lineage.rendered(fast_results)
