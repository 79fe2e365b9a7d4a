"""The SHACL shapes in shapes/*.ttl, checked against small hand-written graphs.

tests/shapes/ holds, for every node shape, a graph that must conform
(valid-<shape>.ttl) and one that must not (invalid-<shape>.ttl), where <shape>
is the shape's local name without "Shape", in kebab case (TermMentionShape →
term-mention).  tests/shapes/expected.json lists, for every invalid file, the
results the validator must report as (focus node, result path or null, source
constraint component); they are compared as sets, never on message text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import ROOT, articles
from rdflib import RDF, RDFS, Dataset, Graph, Literal, Namespace, URIRef

import builder
from builder.check.shacl import ENGINES, describe, fast_results, results, shapes_graph, validate, validate_dataset

SH = Namespace("http://www.w3.org/ns/shacl#")
SCHEMA = Namespace("https://schema.org/")
EXAMPLES = ROOT / "tests" / "shapes"
EXPECTED = json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))
FILES = sorted(EXAMPLES.glob("*.ttl"))
# An article with a fact of every kind (holding, event with a place, organiser and chair, term, document
# with a date and an issuer), so that every class the builder writes is written.
EVERY_KIND = "\n\n".join([
    "Sáng 20/12/2024, tại thành phố Vinh, Ban Thường vụ Tỉnh ủy Nghệ An tổ chức Hội nghị tổng kết công tác"
    " xây dựng Đảng năm 2024.",
    "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Nghệ An Nguyễn Đức Trung chủ trì hội nghị.",
    "Hội nghị quán triệt Quy định số 205-QĐ/TW ngày 23/9/2019 của Bộ Chính trị và bàn việc chuẩn bị"
    " Đại hội đại biểu Đảng bộ tỉnh Nghệ An lần thứ XX, nhiệm kỳ 2025-2030.\n",
])

Result = tuple[str, str | None, str]


def expand(name: str | None) -> str | None:
    """'kg:article' → the full IRI, over the prefixes of expected.json."""
    if name is None:
        return None
    prefix, _, local = name.partition(":")
    return EXPECTED["prefixes"][prefix] + local if prefix in EXPECTED["prefixes"] else name


def expected(path: Path) -> set[Result]:
    return {(expand(f), expand(p), expand(c)) for f, p, c in EXPECTED["files"][path.name]}  # type: ignore[misc]


def slug(shape: URIRef) -> str:
    """shape:TermMentionShape → 'term-mention'."""
    local = re.split(r"[#/]", str(shape))[-1].removesuffix("Shape")
    return re.sub(r"(?<!^)(?=[A-Z])", "-", local).lower()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return shapes_graph()


def node_shapes(g: Graph) -> list[URIRef]:
    return sorted(s for s in g.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_example(path: Path) -> None:
    v = validate(Graph().parse(path, format="turtle"))
    if path.name.startswith("valid-"):
        assert v.conforms, "\n".join(describe(v.report))
        assert v.violations == 0
    else:
        assert path.name.startswith("invalid-"), f"{path.name}: examples are valid-*.ttl or invalid-*.ttl"
        assert not v.conforms
        got, want = results(v.report), expected(path)
        assert got == want, (f"unexpected: {sorted(got - want)}\nmissing: {sorted(want - got)}\n"
                             + "\n".join(describe(v.report)))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_the_fast_engine_gives_pyshacls_results(path: Path) -> None:
    """The fast engine a build uses first finds exactly what pySHACL finds on every shape example:
    the same verdict and the same (focus node, path, constraint component) of every result."""
    g = Graph().parse(path, format="turtle")
    assert fast_results(g) == results(validate(g).report)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_flagged_graph_gets_pyshacls_report(engine: str) -> None:
    """Whatever the engine, the report of a dataset with a bad article graph is pySHACL's."""
    ds = Dataset(default_union=True)
    for name in ("valid-term.ttl", "invalid-holding.ttl"):
        g = ds.graph(URIRef(f"https://w3id.org/dangkg/id/graph/{name}"))
        for triple in Graph().parse(EXAMPLES / name, format="turtle"):
            g.add(triple)
    v = validate_dataset(ds, engine=engine)
    assert not v.conforms and results(v.report) == expected(EXAMPLES / "invalid-holding.ttl")
    assert (v.engine, v.articles, v.flagged) == (engine, 2, {"fast": 1, "pyshacl": 0}[engine])


def test_a_graph_the_fast_engine_cannot_read_goes_to_pyshacl() -> None:
    """A literal with no UTF-8 form (here a lone surrogate) makes the fast engine say nothing, and the
    graph is still validated, by pySHACL."""
    g = Graph().parse(EXAMPLES / "valid-person.ttl", format="turtle")
    person = next(iter(g.subjects(RDF.type, SCHEMA.Person)))
    g.add((person, SCHEMA.alternateName, Literal("Lê \ud800 Văn")))
    ds = Dataset(default_union=True)
    target = ds.graph(URIRef("https://w3id.org/dangkg/id/graph/p"))
    for triple in g:
        target.add(triple)
    v = validate_dataset(ds)
    assert v.conforms and (v.flagged, v.unread) == (0, 1)


def test_expected_covers_exactly_the_invalid_files() -> None:
    assert set(EXPECTED["files"]) == {p.name for p in FILES if p.name.startswith("invalid-")}
    assert all(EXPECTED["files"].values()), "every invalid example expects at least one result"


def test_every_shape_has_a_valid_and_an_invalid_example(shapes: Graph) -> None:
    names = {slug(s) for s in node_shapes(shapes)}
    have = {p.name for p in FILES}
    missing = sorted(f"{kind}-{n}.ttl" for n in names for kind in ("valid", "invalid")
                     if f"{kind}-{n}.ttl" not in have)
    orphans = sorted(p.name for p in FILES if p.stem.split("-", 1)[1] not in names)
    assert not missing, missing
    assert not orphans, orphans


def test_every_class_the_builder_writes_has_a_shape(shapes: Graph, tmp_path: Path) -> None:
    """Build an article holding every kind of fact and check each rdf:type in its graph is a shape's target."""
    b = builder.build_dataset([articles(tmp_path, moi_loai=EVERY_KIND)])
    written = set(b.dataset.objects(None, RDF.type))
    assert len(written) >= 13, sorted(written)
    targeted = set(shapes.objects(None, SH.targetClass))
    assert written <= targeted, sorted(written - targeted)
    assert b.conforms, describe(b.validation.report)


def test_shapes_are_documented(shapes: Graph) -> None:
    declared = node_shapes(shapes)
    assert declared, "no node shapes found in shapes/*.ttl"
    assert [s for s in declared if shapes.value(s, RDFS.comment) is None] == []
    props = set(shapes.objects(None, SH.property)) | {s for s in shapes.subjects(SH.path, None)}
    sparql = set(shapes.objects(None, SH.sparql))
    assert props and sparql
    undocumented = sorted(str(shapes.value(p, SH.path) or p) for p in props | sparql
                          if shapes.value(p, SH.message) is None)
    assert undocumented == []


def _two_article_dataset(second_name: str) -> Dataset:
    """Two article graphs that each conform; the place they share is named second_name in the second."""
    ds = Dataset(default_union=True)
    base = Graph().parse(EXAMPLES / "valid-place.ttl", format="turtle")
    for k, name in enumerate(("Hà Nội", second_name)):
        g = ds.graph(URIRef(f"https://w3id.org/dangkg/id/graph/a{k}"))
        for s, p, o in base:
            g.add((s, p, Literal(name) if p == SCHEMA.name else o))
    return ds


@pytest.mark.parametrize("second", ["Hà Nội", "hà nội"])
def test_per_article_validation_gives_the_merged_verdict(second: str) -> None:
    """Each article graph on its own plus the cross-article checks report what pySHACL reports on the union."""
    ds = _two_article_dataset(second)
    merged = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        merged.add((s, p, o))
    per_article, whole = validate_dataset(ds), validate(merged)
    assert per_article.conforms == whole.conforms == (second == "Hà Nội")
    assert results(per_article.report) == results(whole.report)
    assert per_article.violations == whole.violations


@pytest.mark.parametrize("second", ["Hà Nội", "hà nội"])
def test_the_cross_article_check_looks_only_at_shared_nodes_and_finds_what_the_whole_merge_shows(second: str) -> None:
    """The merge knows which nodes several graphs describe (here both places); the sh:maxCount check over
    them alone finds what the check over every node of the merge finds."""
    from builder.check.shacl import validate_rendered
    from builder.rdf.serialize import Rendered, ntriples
    from builder.rdf.store import OxigraphGraph

    ds = _two_article_dataset(second)
    texts = {str(g.identifier): "\n".join(ntriples(g)) for g in ds.graphs() if len(g)}
    merged = OxigraphGraph.from_ntriples(texts.values())
    places = Graph().parse(EXAMPLES / "valid-place.ttl", format="turtle").subjects(RDF.type, SCHEMA.Place)
    assert merged.shared == {str(p) for p in places}
    whole = OxigraphGraph(merged.store)  # the same merge, shared nodes unknown: every node is looked at
    graphs = [Rendered.of(iri, nt, "", fast_results(nt)) for iri, nt in sorted(texts.items())]
    a, b = validate_rendered(graphs, merged=merged), validate_rendered(graphs, merged=whole)
    assert results(a.report) == results(b.report) and a.conforms == b.conforms == (second == "Hà Nội")


def test_the_seeds_verdict_is_the_merged_verdict(seeds_build) -> None:
    merged = Graph()
    for s, p, o, _ in seeds_build.dataset.quads((None, None, None, None)):
        merged.add((s, p, o))
    whole = validate(merged)
    assert seeds_build.conforms and whole.conforms
    assert results(seeds_build.validation.report) == results(whole.report) == set()


def test_the_fast_engine_agrees_with_pyshacl_on_every_seed_graph(seeds_build) -> None:
    graphs = [g for g in seeds_build.dataset.graphs() if len(g)]
    assert len(graphs) == 6  # five articles, and the lineage graph
    for g in graphs:
        assert fast_results(g) == results(validate(g).report) == set(), g.identifier
