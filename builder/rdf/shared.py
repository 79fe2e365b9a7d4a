"""What several article graphs write about one node (a person's name, a place's, a document's date and
issuer): one value for the corpus, the commonest, so the union of the graphs has one."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from builder import resolve
from builder.model import DocumentFact, Facts
from builder.text.ingest import Article

Shared = dict[tuple[str, str], str]  # (what, identity key) → the one value written for it


def shared_keys(article: Article, facts: Facts) -> list[tuple[tuple[str, str], str]]:
    """((what, identity key), value as this article writes it) of everything shared_values decides."""
    out = []
    names = [n for h in facts.holdings for n in (h.person, h.predecessor, h.successor) if n]
    names += [p for ev in facts.events for p in (*ev.chair, *ev.participants)]
    out += [(("person", resolve.key(name)), name) for name in names]
    out += [(("place", resolve.key(ev.place)), ev.place) for ev in facts.events if ev.place]
    if article.meta.get("author"):
        author = str(article.meta["author"])
        out.append((("author", resolve.key(author)), author))
    for d in facts.documents:
        doc = document_key(d)
        if d.date:
            out.append((("document-date", doc), d.date))
        if d.issuer:
            out.append((("document-issuer", doc), d.issuer))
    return out


Keys = list[tuple[tuple[str, str], str]]  # what shared_keys gives


Tally = dict[tuple[str, str], Counter[str]]  # (what, identity key) → how often each value is written


def tally(keys: Keys, seen: Tally | None = None) -> Tally:
    """seen (or a new tally) with the values of keys counted in."""
    seen = defaultdict(Counter) if seen is None else seen
    for k, value in keys:
        seen[k][value] += 1
    return seen


def choose(seen: Tally) -> Shared:
    """The commonest value of each key, ties broken alphabetically."""
    return {k: min(c, key=lambda n: (-c[n], n)) for k, c in seen.items()}


def shared_values(items: Iterable[tuple[Article, Facts]]) -> Shared:
    """One value for what several articles may write differently about one node, so the union of their
    graphs has one name per person, place and author, and one date and issuer per document: the
    commonest, ties broken alphabetically."""
    seen: Tally = defaultdict(Counter)
    for article, facts in items:
        tally(shared_keys(article, facts), seen)
    return choose(seen)


def picked(keys: Keys, shared: Shared) -> Shared:
    """The part of the corpus-wide values a graph with these shared keys reads."""
    return {k: shared[k] for k, _ in sorted(keys) if k in shared}



def own(keys: Keys) -> Shared:
    """What picked gives when a graph with these shared keys is the whole corpus."""
    return picked(keys, choose(tally(keys)))



def document_key(d: DocumentFact) -> str:
    return resolve.slug(f"{d.kind} {d.id_as_written}")
