"""What a worker does with one article: extract its facts, render its graph, ask the fast SHACL engine about it.

This is all a worker process imports (builder.run.workers sends it these functions): extraction,
rendering and the fast SHACL engine, none of the build's bookkeeping.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from builder.check.shacl import fast_results
from builder.extract import extract
from builder.extract.curation import Decision, curate
from builder.model import Facts
from builder.rdf import lineage
from builder.rdf.render import render
from builder.rdf.serialize import Rendered
from builder.rdf.shared import Keys, Shared, own, shared_keys
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


@dataclass(frozen=True)
class Extracted:
    """What the build keeps of one article's extraction: its facts as extracted (what the cache keeps), the
    facts its graph is made of (the reviewer's decisions applied), the ids of the facts a decision was found
    for, the keys of what the corpus shares (rdf.shared.shared_keys), and a draft of its graph (None for facts
    from the cache)."""

    extracted: Facts
    facts: Facts
    met: frozenset[str]
    keys: Keys
    draft: Rendered | None = None


def prepared(article: Article, facts: Facts, decisions: dict[str, Decision]) -> Extracted:
    """An article's extracted facts with the reviewer's decisions applied, and their shared keys."""
    curated, met = curate(decisions, article.id, facts) if decisions else (facts, frozenset[str]())
    return Extracted(facts, curated, met, shared_keys(article, curated))


@dataclass(frozen=True)
class Drafting:
    """One article's facts, curated, and a draft of its graph rendered with the article's own values for what
    the corpus shares (rdf.shared.own): the build keeps the draft when the corpus-wide values it reads are
    the same, so most graphs are rendered in the worker that extracted them, in one pass. A callable object,
    so the decisions travel to the workers with it."""

    decisions: dict[str, Decision]

    def __call__(self, article: Article) -> Extracted | str:
        facts = extract_one(article)
        if isinstance(facts, str):
            return facts
        done = prepared(article, facts, self.decisions)
        return replace(done, draft=render_one((article, done.facts, own(done.keys))))


@cache
def lineage_graph() -> Rendered:
    """The lineage graph (builder.rdf.lineage), with the fast SHACL engine's results on it."""
    return lineage.rendered(fast_results)
