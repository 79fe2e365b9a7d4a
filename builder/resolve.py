"""One IRI per real-world thing (a person's name folded for case and tone placement, a body's canonical
name), and stable fact ids that survive every rebuild. See docs/internals.md."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

from rdflib import URIRef

from builder.gazetteer import fold
from builder.model import DocumentFact, Event, Holding, TermFact

BASE = "https://w3id.org/dangkg/id/"
LINEAGE = URIRef(BASE + "lineage")  # the graph of reorganised bodies (builder.rdf.lineage)


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """The identity key of a name: NFC, single spaces, folded case and tone placement."""
    words = unicodedata.normalize("NFC", name).split()
    return " ".join(fold(w) for w in words)


@lru_cache(maxsize=65536)  # names recur in every article: a worker folds each once
def slug(name: str) -> str:
    """ASCII slug plus a short hash of the key, so 'Lê Minh Hưng' and 'Lê Minh Hùng' differ."""
    k = key(name)
    ascii_ = unicodedata.normalize("NFD", k.replace("đ", "d"))
    ascii_ = "".join(c for c in ascii_ if not unicodedata.combining(c))
    text = re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-") or "x"
    return f"{text[:60]}-{hashlib.sha1(k.encode()).hexdigest()[:8]}"


def iri(kind: str, *parts: str) -> URIRef:
    """An IRI under our base: kind/part/part."""
    return URIRef(BASE + kind + "/" + "/".join(quote(p, safe="-._~") for p in parts))


@lru_cache(maxsize=65536)
def person(name: str) -> URIRef:
    return iri("person", slug(name))


@lru_cache(maxsize=65536)
def body(name: str) -> URIRef:
    return iri("org", slug(name))


@lru_cache(maxsize=65536)
def role(name: str) -> URIRef:
    return iri("role", slug(name))


@lru_cache(maxsize=65536)
def post(body_name: str, role_name: str) -> URIRef:
    return iri("post", slug(body_name), slug(role_name))


def article(article_id: str) -> URIRef:
    return iri("article", article_id)


def graph(article_id: str) -> URIRef:
    return iri("graph", article_id)


def digest(*parts: object) -> str:
    """A short stable hash of some values (for fact ids)."""
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:12]


def fact_id(kind: str, article_id: str, *identity: object) -> str:
    """The stable id of a fact: its kind, its article and a digest of what identifies it there."""
    return f"{kind}/{article_id}/{digest(*identity)}"


def fact_iri(fid: str) -> URIRef:
    """The IRI of the fact with id fid (article ids may hold '/': split at the first and last)."""
    kind, rest = fid.split("/", 1)
    article_id, tail = rest.rsplit("/", 1)
    return iri(kind, article_id, tail)


def holding_id(article_id: str, h: Holding) -> str:
    """A holding is one person (by name key) in one role in one body."""
    return h.fact_id or fact_id("holding", article_id, key(h.person), h.role, h.body)


def event_id(article_id: str, ev: Event) -> str:
    """An event is its kind, date, part of day and place: what extraction tells gatherings apart by; a
    gathering joined to another in one sentence ('hội nghị A và hội nghị B'), also its place in the sentence."""
    parts = (ev.kind, ev.date or "", ev.part_of_day or "", ev.place or "", *([ev.joined] if ev.joined else []))
    return ev.fact_id or fact_id("event", article_id, *parts)


def term_id(article_id: str, t: TermFact) -> str:
    """A term mention is the body (by name key) and the range of years."""
    return t.fact_id or fact_id("termmention", article_id, key(t.body), t.start, t.end)


def citation_id(article_id: str, d: DocumentFact) -> str:
    """A citation is the document's kind and its identification as written."""
    return d.fact_id or fact_id("citation", article_id, d.kind, d.id_as_written)
