"""ontology/kg.ttl and the namespace module generated from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import OWL

from builder.codegen import NS, namespace_source
from builder.namespace import KG

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "kg.ttl"


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def _terms(g: Graph) -> list[URIRef]:
    return sorted({s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(NS)})


def test_parses(onto):
    assert len(onto) > 0
    assert (URIRef(NS.rstrip("#")), RDF.type, OWL.Ontology) in onto


def test_defines_terms(onto):
    terms = _terms(onto)
    assert len(terms) >= 10
    for core in ("Holding", "Evidence", "evidence", "article", "sentenceText", "reportedFor"):
        assert URIRef(NS + core) in terms


def test_every_term_has_labels_in_vi_and_en_and_a_comment(onto):
    problems = []
    for term in _terms(onto):
        langs = {lab.language for lab in onto.objects(term, RDFS.label) if isinstance(lab, Literal)}
        if not {"vi", "en"} <= langs:
            problems.append(f"{term}: labels in {sorted(map(str, langs))}")
        comments = [c for c in onto.objects(term, RDFS.comment) if isinstance(c, Literal) and str(c).strip()]
        if not comments:
            problems.append(f"{term}: no rdfs:comment")
        if not set(onto.objects(term, RDF.type)):
            problems.append(f"{term}: no rdf:type")
    assert problems == []


def test_terms_used_but_not_defined(onto):
    defined = set(_terms(onto))
    used = {x for t in onto for x in t if isinstance(x, URIRef) and str(x).startswith(NS)}
    assert used <= defined


def test_generated_namespace_is_up_to_date():
    target = ROOT / "builder" / "namespace.py"
    assert namespace_source() == target.read_text(encoding="utf-8"), \
        "builder/namespace.py is stale: run `python -m builder.codegen`"


def test_namespace_has_every_term(onto):
    for term in _terms(onto):
        local = str(term)[len(NS):]
        assert getattr(KG, local) == term


def test_misspelt_term_raises():
    assert KG.Holding == URIRef(NS + "Holding")
    with pytest.raises(AttributeError):
        KG.nonexistent  # noqa: B018
    with pytest.raises(AttributeError):
        KG.holding  # noqa: B018 - case matters


def test_queries_use_only_defined_terms(onto):
    defined = {str(t)[len(NS):] for t in _terms(onto)}
    for path in sorted((ROOT / "queries").glob("*.rq")):
        used = set(re.findall(r"\bkg:([A-Za-z_][\w]*)", path.read_text(encoding="utf-8")))
        assert used <= defined, f"{path.name}: {sorted(used - defined)}"
