"""Body lineage: the reorganisations of gazetteers/lineage.tsv as W3C ORG change events, in a graph of their
own that every build writes beside the article graphs. See docs/internals.md."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, XSD, Literal, Namespace, URIRef

from builder import resolve
from builder.gazetteer import LocalBody, Place, gazetteer
from builder.namespace import KG
from builder.rdf.serialize import Rendered, Verdict, ntriples, turtle
from builder.rdf.terms import ORG, SCHEMA
from builder.resources import table

if TYPE_CHECKING:
    from rdflib.term import Node

DCTERMS = Namespace("http://purl.org/dc/terms/")
GRAPH = resolve.LINEAGE
KINDS = ("merger", "renaming")


class LineageError(ValueError):
    """A row of lineage.tsv that names no known body or place, or says nothing."""


@dataclass(frozen=True)
class Change:
    """One body's change: the bodies it came from, on a date, by a kind of change, according to a source."""

    id: str
    date: str
    kind: str
    original: tuple[str, ...]
    resulting: str
    source: str

    @property
    def node(self) -> URIRef:
        return resolve.iri("change", self.id, resolve.slug(self.resulting))


def _place(name: str) -> Place:
    place = next((p for p in gazetteer().place_list if p.name == name), None)
    if place is None:
        raise LineageError(f"lineage.tsv: {name!r} is not a place of places.tsv")
    return place


@cache
def changes() -> tuple[Change, ...]:
    """Every change of lineage.tsv, a row with `bodies` giving one change per body template."""
    out = []
    for row in table("lineage.tsv"):
        if row["kind"] not in KINDS or not row["from"] or not row["to"] or not row["source"]:
            raise LineageError(f"lineage.tsv: row {row['id']!r} needs a kind ({', '.join(KINDS)}), from, to and source")
        before, after = row["from"].split("|"), row["to"]
        if not row["bodies"]:
            out.append(Change(row["id"], row["date"], row["kind"], tuple(before), after, row["source"]))
            continue
        for pattern in row["bodies"].split("|"):
            body = LocalBody(pattern, "province")
            out.append(Change(row["id"], row["date"], row["kind"], tuple(body.fill(_place(p)) for p in before),
                              body.fill(_place(after)), row["source"]))
    return tuple(out)


def lineage_triples() -> set[tuple[Node, Node, Node]]:
    """The lineage graph's triples."""
    triples: set[tuple[Node, Node, Node]] = set()
    results = {c.resulting for c in changes()}
    for c in changes():
        event, day = c.node, Literal(c.date, datatype=XSD.date)
        after = resolve.body(c.resulting)
        triples |= {(event, RDF.type, ORG.ChangeEvent), (event, DCTERMS.date, day),
                    (event, KG.changeKind, Literal(c.kind)), (event, DCTERMS.source, Literal(c.source)),
                    (event, ORG.resultingOrganization, after),
                    (event, RDFS.label, Literal(f"{' + '.join(c.original)} → {c.resulting}", lang="vi")),
                    (after, ORG.resultedFrom, event)}
        if c.resulting not in c.original:
            triples.add((after, SCHEMA.foundingDate, day))
        for name in (*c.original, c.resulting):
            node = resolve.body(name)
            triples |= {(node, RDF.type, ORG.Organization), (node, SCHEMA.name, Literal(name)),
                        (node, RDFS.label, Literal(name, lang="vi"))}
        for name in c.original:
            before = resolve.body(name)
            triples |= {(event, ORG.originalOrganization, before), (before, ORG.changedBy, event)}
            if name not in results:
                triples.add((before, SCHEMA.dissolutionDate, day))
    return triples


@cache
def rendered(verdict: Verdict | None = None) -> Rendered:
    """The lineage graph as a build writes it (builder.rdf.serialize.Rendered), with verdict's results on it."""
    lines = ntriples(lineage_triples())
    nt = "\n".join(lines)
    return Rendered.of(str(GRAPH), nt, turtle(lines, str(GRAPH)), verdict(nt) if verdict else None)
