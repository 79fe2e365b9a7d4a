"""SHACL validation with pySHACL against shapes/*.ttl."""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, Graph, Namespace

from builder.resources import SHAPES

SH = Namespace("http://www.w3.org/ns/shacl#")


def shapes_graph() -> Graph:
    g = Graph()
    for path in sorted(SHAPES.glob("*.ttl")):
        g.parse(path)
    return g


def validate(data: Graph) -> tuple[bool, Graph, int]:
    """(conforms, report graph, number of violations)."""
    from pyshacl import validate as shacl

    conforms, report, _ = shacl(data, shacl_graph=shapes_graph(), inference="none", advanced=True)
    violations = len(list(report.subjects(RDF.type, SH.ValidationResult)))
    return bool(conforms), report, violations


def load(path: Path) -> Graph:
    """A graph file (Turtle, TriG or a build folder) as one graph."""
    from rdflib import Dataset

    if path.is_dir():
        path = path / "graph.trig"
    if path.suffix == ".trig":
        ds = Dataset()
        ds.parse(path, format="trig")
        g = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            g.add((s, p, o))
        return g
    return Graph().parse(path)


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
