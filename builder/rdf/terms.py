"""RDF terms written as N-Triples text: the vocabularies (W3C ORG, schema.org, PROV-O and ours) and literals
quoted as rdflib's N-Triples writer quotes them, without making rdflib terms."""

from __future__ import annotations

from rdflib import RDFS, XSD, Namespace, URIRef

from builder import resolve
from builder.namespace import KG

ORG = Namespace("http://www.w3.org/ns/org#")


SCHEMA = Namespace("https://schema.org/")


PROV = Namespace("http://www.w3.org/ns/prov#")


PREFIXES = {"kg": KG._NS, "org": ORG, "schema": SCHEMA, "prov": PROV, "xsd": XSD, "rdfs": RDFS,
            "id": Namespace(resolve.BASE)}


class NT(str):
    """A literal already written as N-Triples (see lit, typed, date_literal): what rdflib's N-Triples writer
    gives for the same rdflib Literal, character for character, without making one."""


def lit(text: str, lang: str | None = None) -> NT:
    """A string literal (with its language tag, if given), quoted as rdflib's N-Triples writer quotes it."""
    quoted = text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
    return NT(f'"{quoted}"@{lang}' if lang else f'"{quoted}"')


def typed(lexical: str, datatype: URIRef) -> NT:
    return NT(f"{lit(lexical)}^^<{datatype}>")


def boolean(b: bool) -> NT:
    return typed("true" if b else "false", XSD.boolean)


def integer(n: int) -> NT:
    return typed(str(n), XSD.integer)


def date_literal(value: str) -> NT:
    """'2023-12-28' → xsd:date, '--12-23' → xsd:gMonthDay, with a time → xsd:dateTime."""
    if value.startswith("--"):
        return typed(value, XSD.gMonthDay)
    if "T" in value:
        return typed(value if value.count(":") == 2 else value + ":00", XSD.dateTime)
    return typed(value, XSD.date)


Lines = set[str]  # a graph as N-Triples lines, without their newlines


# written as prefixed names; our own nodes (https://w3id.org/dangkg/id/…) stay full IRIs
WRITTEN_PREFIXES = {p: str(ns) for p, ns in sorted(PREFIXES.items()) if p != "id"}
