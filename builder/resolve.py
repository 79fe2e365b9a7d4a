"""One IRI per real-world thing: deterministic IRIs from normalised names.

A person is the same node in every article when the name is the same after
folding case and tone placement ("Trương Hoà Bình" = "Trương Hòa Bình"); a body
is the same node for every way of writing it (T.Ư, TW, full name), because
extraction already gives its canonical name.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

from rdflib import URIRef

from builder.gazetteer import fold

BASE = "https://w3id.org/dangkg/id/"


def key(name: str) -> str:
    """The identity key of a name: NFC, single spaces, folded case and tone placement."""
    words = unicodedata.normalize("NFC", name).split()
    return " ".join(fold(w) for w in words)


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


def person(name: str) -> URIRef:
    return iri("person", slug(name))


def body(name: str) -> URIRef:
    return iri("org", slug(name))


def role(name: str) -> URIRef:
    return iri("role", slug(name))


def post(body_name: str, role_name: str) -> URIRef:
    return iri("post", slug(body_name), slug(role_name))


def article(article_id: str) -> URIRef:
    return iri("article", article_id)


def graph(article_id: str) -> URIRef:
    return iri("graph", article_id)


def digest(*parts: object) -> str:
    """A short stable hash of some values (for fact ids)."""
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:12]
