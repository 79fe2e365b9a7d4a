"""Built graphs on disk: the one loader every command and the notebook API use.

A build folder (its graph.trig), or a graph file in TriG, N-Quads, Turtle, N-Triples
or JSON-LD, becomes a Dataset whose default graph is the union of its named graphs.
Whatever goes wrong is a GraphError whose message is one line naming the file.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld"}


class GraphError(Exception):
    """A graph that cannot be loaded: missing, of an unknown kind, or not parseable."""


def graph_path(where: Path) -> Path:
    """The graph file a path names: a build folder's graph.trig, or the file itself."""
    return where / "graph.trig" if where.is_dir() else where


def load_graph(where: str | Path) -> Dataset:
    """A built graph (a build folder or a graph file) as a Dataset with a union default graph."""
    path = graph_path(Path(where))
    if not path.is_file():
        hint = " (run `kg build` first)" if path.name == "graph.trig" else ""
        raise GraphError(f"{path}: no such graph file{hint}")
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise GraphError(f"{path}: unknown graph format (expected {', '.join(sorted(FORMATS))})")
    ds = Dataset(default_union=True)
    try:
        ds.parse(path, format=fmt)
    except Exception as err:  # noqa: BLE001 - every parser failure is one line naming the file
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise GraphError(f"{path}: cannot parse as {fmt} ({first[:200]})") from None
    return ds
