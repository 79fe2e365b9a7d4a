"""Built graphs on disk: the one loader every command and the notebook use (load_graph, open_graph), and
the exports a triple store loads. See docs/internals.md."""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import Dataset

from builder.errors import GraphError
from builder.rdf.store import OxigraphGraph

AUTO_BYTES = 50_000_000  # a graph file above this (about 200,000 triples) is queried through Oxigraph
ENGINES = ("auto", "rdflib", "oxigraph")
FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld"}




def graph_path(where: Path) -> Path:
    """The graph file a path names: a build folder's graph.trig (after finishing the switch to a new set
    of outputs a killed build left half done: builder.files.settle), or the file itself."""
    from builder.files import settle

    if not where.is_dir():
        return where
    settle(where)
    return where / "graph.trig"


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


def open_graph(where: str | Path, engine: str = "auto") -> Dataset | OxigraphGraph:
    """A built graph ready for the saved queries: rdflib's Dataset (load_graph), or Oxigraph (builder.rdf.store)
    for engine "oxigraph" — and for "auto" when the graph file is over AUTO_BYTES. From a build folder
    Oxigraph reads graph.ttl, the merge kg build wrote."""
    if engine not in ENGINES:
        raise GraphError(f"unknown query engine {engine!r} (one of {', '.join(ENGINES)})")
    path = graph_path(Path(where))
    merged = path.with_name("graph.ttl") if Path(where).is_dir() else path
    if engine == "rdflib" or engine == "auto" and not (merged.is_file() and merged.stat().st_size > AUTO_BYTES):
        return load_graph(where)
    if not merged.is_file():
        raise GraphError(f"{merged}: no such graph file")
    return OxigraphGraph.load(merged)


EXPORTS = {"trig": ".trig", "nquads": ".nq", "turtle": ".ttl", "jsonld": ".jsonld"}


def export(ds: Dataset, fmt: str) -> str:
    """The dataset as text in one of EXPORTS, in a stable order."""
    from builder.rdf.serialize import merged_turtle, trig

    if fmt == "trig":
        return trig(ds)
    if fmt == "turtle":
        return merged_turtle(ds)
    if fmt == "nquads":
        lines = {ln for ln in ds.serialize(format="nquads").splitlines() if ln.strip()}
        return "".join(f"{ln}\n" for ln in sorted(lines))
    if fmt == "jsonld":
        data = json.loads(ds.serialize(format="json-ld"))
        graphs = data if isinstance(data, list) else data.get("@graph", [data])
        graphs = [g for g in graphs if isinstance(g, dict) and (g.get("@graph") or len(g) > 1)]
        return json.dumps(_sorted(graphs), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    raise GraphError(f"unknown export format {fmt!r} (one of {', '.join(EXPORTS)})")


def _sorted(value: object) -> object:
    """JSON with every list in a stable order (JSON-LD's node and value lists are sets)."""
    if isinstance(value, dict):
        return {k: _sorted(v) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((_sorted(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value
