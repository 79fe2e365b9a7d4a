"""SHACL validation against shapes/*.ttl: each article graph on its own (the fast `shacl` engine first,
pySHACL on what it flags or cannot read), then the cross-article checks over the union. See
docs/internals.md."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from rdflib import RDF, BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.term import Node
from rdflib.util import from_n3

from builder.namespace import KG
from builder.rdf.serialize import Rendered, ntriples
from builder.rdf.store import OxigraphGraph
from builder.resolve import LINEAGE
from builder.resources import SHAPES, entries

if TYPE_CHECKING:
    from collections.abc import Collection

SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPE = Namespace("https://w3id.org/dangkg/shapes#")


@dataclass
class Validation:
    """A SHACL verdict: conforms, the report graph, the number of violations, and how it was reached: by
    pySHACL on the whole graph, or graph by graph (engine "fast" or "pyshacl") then the cross-article checks,
    with how many graphs were articles' (the others: the lineage graph), came from the cache, were flagged by
    the fast engine or could not be read by it (those go to pySHACL)."""

    conforms: bool
    report: Graph
    violations: int
    engine: str = "whole"  # "whole": one pySHACL run on the whole graph; else the engine of validate_rendered
    articles: int = 0
    others: int = 0
    cached: int = 0
    flagged: int = 0
    unread: int = 0

    @property
    def how(self) -> str:
        """How the verdict was reached, in words."""
        if self.engine == "whole":
            return "pySHACL on the whole graph"
        known = f" ({self.cached} from the cache)" if self.cached else ""
        known += " and the lineage graph" if self.others else ""
        unread = f" and the {self.unread} it could not read" if self.unread else ""
        checked = (f"the fast engine (shacl) on each of {self.articles} article graphs{known}, pySHACL on the "
                   f"{self.flagged} it flagged{unread}"
                   if self.engine == "fast" else f"pySHACL on each of {self.articles} article graphs{known}")
        return f"{checked}, then cross-article checks (shared nodes' sh:maxCount, unique kg:factId)"


@cache
def shapes_graph() -> Graph:
    """The shapes, parsed once per process (do not modify the graph returned)."""
    g = Graph()
    for f in entries(SHAPES, ".ttl"):
        g.parse(data=f.read_text(encoding="utf-8"), format="turtle")
    return g


@lru_cache(maxsize=64)
def _prepared(text: str) -> Any:
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text)


class _OneParse(Graph):
    """A view of a graph (same store, same identifier) whose SPARQL texts are parsed once per process."""

    def query(self, query_object, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


ENGINES = ("fast", "pyshacl")


@cache
def _fast() -> Any:
    """The shapes compiled once per process by the `shacl` package (SHACL_Engine, in Rust)."""
    import shacl

    return shacl.Shapes.from_turtle(shapes_graph().serialize(format="turtle"))


@cache
def fast_version() -> str:
    """The fast engine's version ("" where it is not installed): a rendered graph's cached verdict is its."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("shacl")
    except PackageNotFoundError:
        return ""


def _plain(term: str) -> str:
    """A term in N-Triples syntax as rdflib's str() gives it: an IRI's or a blank node's bare value, a
    literal's text."""
    return str(from_n3(term))


def fast_results(data: Graph | str) -> frozenset[tuple[str, str | None, str]] | None:
    """The fast engine's (focus node, path, component) of each violation of one graph (or its N-Triples);
    None if it cannot say (not installed on this platform, or the graph has no UTF-8 form)."""
    try:
        if not isinstance(data, str):
            data = data.serialize(format="nt")
        if not data.strip():
            return frozenset()
        report = _fast().validate_text(data, format="ntriples")
        return frozenset((_plain(r.focus_node), None if r.path is None else _plain(r.path), r.component_iri)
                         for r in report.results)
    except Exception:  # noqa: BLE001 - any failure of the fast path sends the graph to pySHACL
        return None


def _pyshacl(data: Graph) -> tuple[bool, Graph]:
    from pyshacl import validate as shacl

    view = _OneParse(store=data.store, identifier=data.identifier, namespace_manager=data.namespace_manager)
    conforms, report, _ = shacl(view, shacl_graph=shapes_graph(), inference="none", advanced=False)
    return bool(conforms), report


def validate(data: Graph) -> Validation:
    """One graph (an article's, or a merged one) validated as a whole by pySHACL."""
    conforms, report = _pyshacl(data)
    return Validation(conforms, report, count(report))


def validate_dataset(ds: Dataset, engine: str = "fast") -> Validation:
    """Every named graph of a dataset on its own, then the cross-article checks over their union."""
    graphs, unwritable = [], {}
    for g in ds.graphs():
        if not len(g):
            continue
        nt = "\n".join(ntriples(g))
        try:
            graphs.append(Rendered.of(str(g.identifier), nt, "", fast_results(nt) if engine == "fast" else None))
        except UnicodeError:  # a lone surrogate in a literal: no UTF-8, so the fast engine cannot say; pySHACL can
            graphs.append(Rendered.of(str(g.identifier), "", "", None))
            unwritable[str(g.identifier)] = g
    return validate_rendered(sorted(graphs, key=lambda r: r.graph), engine, sources=unwritable)


def validate_rendered(graphs: Collection[Rendered], engine: str = "fast", merged: OxigraphGraph | None = None,
                      cached: int = 0, sources: dict[str, Graph] | None = None) -> Validation:
    """Every article graph on its own (graphs in IRI order), then the cross-article checks over their merge
    (merged, if given: an Oxigraph store of the union of the graphs).

    engine "pyshacl" hands every graph to pySHACL; "fast" takes the fast engine's results, found when the
    graph was rendered, and hands a graph to pySHACL only when they flag it or are missing (see the module's
    docstring). cached: how many of the graphs (and their verdicts) came from the build's cache; sources:
    graphs pySHACL is to read as they are rather than from their N-Triples, by IRI."""
    report = Graph()
    report.bind("sh", SH)
    node = BNode()
    found: list[Node] = []
    flagged: set[tuple[str, str | None, str]] = set()  # what the per-graph checks found
    flagged_graphs = unread = articles = 0
    for r in graphs:
        articles += r.graph != str(LINEAGE)
        if engine == "fast" and r.results == frozenset():
            continue
        flagged_graphs += bool(r.results)
        unread += r.results is None
        _, part = _pyshacl((sources or {}).get(r.graph) or Graph().parse(data=r.nt, format="nt"))
        flagged |= results(part)
        found += part.subjects(RDF.type, SH.ValidationResult)
        for triple in part:
            if triple[1] != SH.result and triple[1] != SH.conforms and triple[2] != SH.ValidationReport:
                report.add(triple)
    if merged is None:
        merged = OxigraphGraph.from_ntriples(r.nt_bytes for r in graphs)
    found += _cross_article(merged, flagged, report)
    report.add((node, RDF.type, SH.ValidationReport))
    report.add((node, SH.conforms, Literal(not found)))
    for result in found:
        report.add((node, SH.result, result))
    return Validation(not found, report, len(found), engine, articles, len(graphs) - articles, cached,
                      flagged_graphs, unread)


def _max_counts() -> list[tuple[URIRef, URIRef, int, Node, Node | None]]:
    """(class, path, maxCount, property shape, message) of every sh:maxCount on a plain path of a class's shape."""
    sg = shapes_graph()
    out = []
    for shape, cls in sg.subject_objects(SH.targetClass):
        for prop in sg.objects(shape, SH.property):
            path, most = sg.value(prop, SH.path), sg.value(prop, SH.maxCount)
            if isinstance(path, URIRef) and isinstance(cls, URIRef) and isinstance(most, Literal):
                out.append((cls, path, int(most.toPython()), prop, sg.value(prop, SH.message)))
    return sorted(out, key=lambda t: (str(t[0]), str(t[1])))


def _cross_article(merged: OxigraphGraph, flagged: set[tuple[str, str | None, str]], report: Graph) -> list[Node]:
    """Results of what no single article graph shows (flagged: what the per-graph checks found): values
    spread over several graphs, fact ids shared by facts of several graphs."""
    found: list[Node] = []

    def result(focus: Node, path: URIRef, component: URIRef, shape: Node, message: Any, value: Node | None) -> None:
        r = BNode()
        report.add((r, RDF.type, SH.ValidationResult))
        report.add((r, SH.focusNode, focus))
        report.add((r, SH.resultPath, path))
        report.add((r, SH.resultSeverity, SH.Violation))
        report.add((r, SH.sourceConstraintComponent, component))
        report.add((r, SH.sourceShape, shape))
        if message is not None:
            report.add((r, SH.resultMessage, message))
        if value is not None:
            report.add((r, SH.value, value))
        found.append(r)

    # only a node several graphs describe can have more values in the merge than in each graph, which were
    # checked on their own: when the merge knows them (merged.shared), only they are looked at
    typed = None if merged.shared is None else [(URIRef(s), set(merged.objects(URIRef(s), RDF.type)))
                                                for s in sorted(merged.shared)]
    for cls, path, most, prop, message in _max_counts():
        foci = _over(merged, cls, path, most) if typed is None else [
            s for s, types in typed if cls in types and len(set(merged.objects(s, path))) > most]
        for focus in foci:
            if (str(focus), str(path), str(SH.MaxCountConstraintComponent)) not in flagged:
                result(focus, path, SH.MaxCountConstraintComponent, prop, message, None)
    shared = merged.query(f"SELECT ?fid ?fact WHERE {{ ?fact <{KG.factId}> ?fid . {{ SELECT ?fid WHERE {{ "
                          f"?f <{KG.factId}> ?fid }} GROUP BY ?fid HAVING (COUNT(DISTINCT ?f) > 1) }} }}")
    holders: dict[Node, set[Node]] = defaultdict(set)
    for row in shared:
        holders[row["fid"]].add(row["fact"])
    unique = (str(KG.factId), str(SH.SPARQLConstraintComponent))
    for fid, facts in sorted(holders.items(), key=lambda kv: str(kv[0])):
        if not any((str(f), *unique) in flagged for f in facts):
            for fact in sorted(facts, key=str):
                result(fact, KG.factId, SH.SPARQLConstraintComponent, SHAPE.FactShape,
                       Literal("No two facts may share a kg:factId.", lang="en"), fid)
    return found


def _over(merged: OxigraphGraph, cls: URIRef, path: URIRef, most: int) -> list[Node]:
    """The nodes of class cls with more than `most` values of path in the merge, in IRI order."""
    over = merged.query(f"SELECT ?focus WHERE {{ ?focus a <{cls}> ; <{path}> ?v }} GROUP BY ?focus "
                        f"HAVING (COUNT(DISTINCT ?v) > {most})")
    return sorted((row["focus"] for row in over), key=str)


def count(report: Graph) -> int:
    """The number of validation results in a report."""
    return len(set(report.subjects(RDF.type, SH.ValidationResult)))


def results(report: Graph) -> set[tuple[str, str | None, str]]:
    """(focus node, result path or None, source constraint component) of each violation."""
    out = set()
    for r in report.subjects(RDF.type, SH.ValidationResult):
        path = report.value(r, SH.resultPath)
        out.add((str(report.value(r, SH.focusNode)), None if path is None else str(path),
                 str(report.value(r, SH.sourceConstraintComponent))))
    return out


def describe(report: Graph) -> list[str]:
    """One readable line per violation: focus node, path, message."""
    lines = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(r, SH.focusNode)
        path = report.value(r, SH.resultPath)
        msg = report.value(r, SH.resultMessage)
        lines.append(f"{focus} {path or ''}: {msg}")
    return sorted(lines)
