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
import sys
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Namespace, URIRef

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # so that plain `pytest` finds the builder package too
    sys.path.insert(0, str(ROOT))

from builder.validate import describe, results, shapes_graph, validate  # noqa: E402

SH = Namespace("http://www.w3.org/ns/shacl#")
EXAMPLES = ROOT / "tests" / "shapes"
EXPECTED = json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))
FILES = sorted(EXAMPLES.glob("*.ttl"))
NAMESPACES = {  # the Python names builder/to_rdf.py writes classes with
    "KG": "https://w3id.org/dangkg/ont#",
    "ORG": "http://www.w3.org/ns/org#",
    "SCHEMA": "https://schema.org/",
    "PROV": "http://www.w3.org/ns/prov#",
}

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
    conforms, report, violations = validate(Graph().parse(path, format="turtle"))
    if path.name.startswith("valid-"):
        assert conforms, "\n".join(describe(report))
        assert violations == 0
    else:
        assert path.name.startswith("invalid-"), f"{path.name}: examples are valid-*.ttl or invalid-*.ttl"
        assert not conforms
        got, want = results(report), expected(path)
        assert got == want, (f"unexpected: {sorted(got - want)}\nmissing: {sorted(want - got)}\n"
                             + "\n".join(describe(report)))


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


def test_every_class_the_builder_writes_has_a_shape(shapes: Graph) -> None:
    source = (ROOT / "builder" / "to_rdf.py").read_text(encoding="utf-8")
    written = {URIRef(NAMESPACES[ns] + name) for ns, name in re.findall(r"RDF\.type,\s*(\w+)\.(\w+)", source)}
    assert len(written) >= 13
    targeted = set(shapes.objects(None, SH.targetClass))
    assert written <= targeted, sorted(written - targeted)


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
