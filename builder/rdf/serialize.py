"""Graphs as text: an article's graph as sorted N-Triples and a TriG block (Rendered), and graph.trig and
graph.ttl written from them in pieces, sorted, the same bytes for the same graphs."""

from __future__ import annotations

import heapq
import io
import tempfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO

from rdflib import Dataset
from rdflib.plugins.serializers.nt import _nt_row
from rdflib.term import Node

from builder.rdf.terms import PREFIXES, WRITTEN_PREFIXES


def new_dataset() -> Dataset:
    """An empty dataset with our prefixes; queries on it see all its graphs."""
    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    return ds


Results = frozenset[tuple[str, str | None, str]]  # (focus, path, component) of each SHACL violation


Verdict = Callable[[str], "Results | None"]  # a graph's N-Triples → its results (None: cannot say)


@dataclass(frozen=True)
class Rendered:
    """One article's graph as text: its IRI, its sorted distinct N-Triples lines and its TriG block (both
    kept zlib-compressed: a build holds every article's, and N-Triples repeat long IRIs), and the fast SHACL
    engine's results on it ((focus, path, component) of each violation; None: it could not say)."""

    graph: str
    packed_nt: bytes
    packed_trig: bytes
    results: frozenset[tuple[str, str | None, str]] | None

    @classmethod
    def of(cls, graph: str, nt: str, trig: str, results: frozenset[tuple[str, str | None, str]] | None) -> Rendered:
        return cls(graph, _pack(nt), _pack(trig), results)

    @property
    def nt(self) -> str:
        return self.nt_bytes.decode("utf-8")

    @property
    def nt_bytes(self) -> bytes:
        """The N-Triples as UTF-8 (no decoding, for readers of bytes)."""
        return zlib.decompress(self.packed_nt) if self.packed_nt else b""

    @property
    def trig(self) -> str:
        return _unpack(self.packed_trig)

    @property
    def lines(self) -> list[str]:
        return self.nt.split("\n") if self.packed_nt else []


def _pack(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), 1) if text else b""


def _unpack(packed: bytes) -> str:
    return zlib.decompress(packed).decode("utf-8") if packed else ""


def ntriples(triples: Iterable[tuple[Node, Node, Node]]) -> list[str]:
    """Triples (a graph, or a set of them) as sorted, distinct N-Triples lines, written by rdflib's own
    per-triple N-Triples writer: a stable order."""
    return sorted({_nt_row(t).rstrip("\n") for t in triples})


def turtle(lines: list[str], graph: str | None = None) -> str:
    """N-Triples lines as Turtle, or as one TriG graph block when graph is its IRI (see turtle_bytes)."""
    return _turtle("\n".join(lines).encode("utf-8"), graph).decode("utf-8")


def turtle_bytes(lines: Sequence[bytes], graph: str | None = None) -> bytes:
    """N-Triples lines (UTF-8) as Turtle, or as one TriG graph block when graph is its IRI; written by
    Oxigraph (grouped by subject and predicate, in the lines' order, our prefixes, no @prefix lines)."""
    return _turtle(b"\n".join(lines), graph)


def _turtle(nt: bytes, graph: str | None) -> bytes:
    import pyoxigraph as ox

    triples = ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)
    out = io.BytesIO()
    if graph is None:
        ox.serialize(triples, out, format=ox.RdfFormat.TURTLE, prefixes=WRITTEN_PREFIXES)
    else:
        name = ox.NamedNode(graph)
        ox.serialize((ox.Quad(t.subject, t.predicate, t.object, name) for t in triples), out,
                     format=ox.RdfFormat.TRIG, prefixes=WRITTEN_PREFIXES)
    data, pos = out.getvalue(), 0
    while data.startswith(b"@prefix", pos):
        pos = data.index(b"\n", pos) + 1
    return data[pos:]


def prefix_lines() -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in WRITTEN_PREFIXES.items())


def trig_chunks(rendered: Iterable[Rendered]) -> Iterator[bytes]:
    """graph.trig in pieces (UTF-8): our prefixes, then the graphs, given in IRI order."""
    yield prefix_lines().encode("utf-8")
    for r in rendered:
        yield b"\n" + (zlib.decompress(r.packed_trig) if r.packed_trig else b"")


MERGE_CHUNK = 50_000  # N-Triples lines written by Oxigraph at a time (cut where the subject changes)


RUN = 500_000  # N-Triples lines sorted in memory at most; a bigger union is sorted in runs on disk


def sorted_lines(rendered: Iterable[Rendered]) -> Iterator[bytes]:
    """The distinct N-Triples lines of the rendered graphs, sorted (as UTF-8 bytes, whose order is the
    characters' order). Up to RUN lines are sorted in memory; past that, sorted runs go to temporary files
    and are merged (an external sort), so memory does not grow with the corpus. Each graph's lines come
    sorted, and Python's sort merges such runs faster than it sorts a set."""
    runs: list[IO[bytes]] = []
    found: list[bytes] = []

    def distinct() -> list[bytes]:
        found.sort()
        return [line for k, line in enumerate(found) if not k or line != found[k - 1]]

    def spill() -> None:
        run, lines = tempfile.TemporaryFile(prefix="kg-run-"), distinct()
        for k in range(0, len(lines), MERGE_CHUNK):  # in pieces: one joined run would double the memory
            run.write(b"\n".join(lines[k:k + MERGE_CHUNK]) + b"\n")
        run.seek(0)
        runs.append(run)
        found.clear()

    for r in rendered:
        if r.packed_nt:
            found.extend(r.nt_bytes.split(b"\n"))
            if len(found) >= RUN:
                spill()
    if not runs:
        yield from distinct()
        return
    if found:
        spill()
    last = None
    for line in heapq.merge(*runs):
        if line != last:
            yield line[:-1]
            last = line
    for run in runs:
        run.close()


def merged_chunks(rendered: Iterable[Rendered]) -> Iterator[bytes]:
    """graph.ttl in pieces (UTF-8): the union of rendered article graphs as Turtle, triples in N-Triples
    order (sorted_lines), MERGE_CHUNK lines at a time."""
    yield (prefix_lines() + "\n").encode("utf-8")
    chunk: list[bytes] = []
    for line in sorted_lines(rendered):
        if len(chunk) >= MERGE_CHUNK and line.split(b" ", 1)[0] != chunk[-1].split(b" ", 1)[0]:
            yield turtle_bytes(chunk)
            chunk = []
        chunk.append(line)
    if chunk:
        yield turtle_bytes(chunk)


def trig_text(rendered: Iterable[Rendered]) -> str:
    """TriG of rendered article graphs, given in IRI order (graph.trig)."""
    return b"".join(trig_chunks(rendered)).decode("utf-8")


def merged_text(rendered: Iterable[Rendered]) -> str:
    """Turtle of the union of rendered article graphs (graph.ttl)."""
    return b"".join(merged_chunks(rendered)).decode("utf-8")


def _as_rendered(ds: Dataset) -> list[Rendered]:
    out = []
    for g in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        if len(g):
            lines = ntriples(g)
            out.append(Rendered.of(str(g.identifier), "\n".join(lines), turtle(lines, str(g.identifier)), None))
    return out


def trig(ds: Dataset) -> str:
    """A dataset's named graphs as TriG, written as a build writes graph.trig."""
    return trig_text(_as_rendered(ds))


def merged_turtle(ds: Dataset) -> str:
    """The union of a dataset's named graphs as Turtle, written as a build writes graph.ttl."""
    return merged_text(_as_rendered(ds))
