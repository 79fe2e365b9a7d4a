"""A large built graph queried through Oxigraph, with the rdflib-shaped answers builder.use.query reads;
`Queryable` is what the saved queries run on. See docs/internals.md."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import XSD, BNode, Literal, URIRef

from builder.errors import GraphError, QueryError

if TYPE_CHECKING:
    from typing import TypeAlias

    import pyoxigraph as ox
    from rdflib import Graph

    Queryable: TypeAlias = "Graph | OxigraphGraph"  # what saved queries run on: an rdflib graph or dataset, Oxigraph

WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
FORMATS = {".trig": "TRIG", ".ttl": "TURTLE", ".nq": "N_QUADS", ".nt": "N_TRIPLES"}


@dataclass
class Rows:
    """A SELECT's answer the way builder.use.query reads rdflib's: vars, type, rows keyed by column name."""

    vars: list[str]
    rows: list[dict[str, Any]]
    type: str = "SELECT"

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)


def to_rdflib(term: Any) -> Any:
    """An Oxigraph term as the rdflib term rdflib's parser would make (plain strings have no datatype)."""
    return None if term is None else _converted(term)


@lru_cache(maxsize=1 << 16)  # answers repeat their people, posts and bodies; rdflib terms are slow to make
def _converted(term: Any) -> Any:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def to_oxigraph(term: Any) -> ox.NamedNode | ox.Literal:
    """A parameter value (an rdflib term, or anything: a plain literal of its text) as an Oxigraph term."""
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if not isinstance(term, Literal):
        term = Literal(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)


def with_values(text: str, bindings: dict[str, Any]) -> str:
    """The query with `VALUES (?k …) { (term …) }` opening its WHERE group; terms are pyoxigraph's escaped
    N-Triples forms, so a value can never end the block or the query."""
    if not bindings:
        return text
    code = "\n".join("" if ln.lstrip().startswith("#") else ln for ln in text.splitlines())
    found = WHERE.search(code)
    if not found:
        raise QueryError("parameters need a query with a WHERE { … } group")
    names = sorted(bindings)
    block = (f" VALUES ({' '.join('?' + n for n in names)}) "
             f"{{ ({' '.join(str(to_oxigraph(bindings[n])) for n in names)}) }} ")
    return code[:found.end()] + block + code[found.end():]


# the IRI subject of an N-Triples line, once for a run of lines with that subject (a graph's lines are sorted)
SUBJECTS = re.compile(rb"^<([^>]*)> (?:.*\n<\1> )*", re.MULTILINE)


class OxigraphGraph:
    """The merged graph of a build in an Oxigraph store, answering `query` and `objects` as rdflib would.
    `shared`, for a merge made by from_ntriples, holds the IRIs that are subjects in more than one of the
    merged graphs: only their descriptions can differ between the merge and every graph on its own (a
    blank node is never shared: each graph's are its own). None when unknown."""

    def __init__(self, store: ox.Store, shared: frozenset[str] | None = None) -> None:
        self.store = store
        self.shared = shared

    @classmethod
    def load(cls, path: str | Path) -> OxigraphGraph:
        """Every triple of a graph file (.trig, .ttl, .nq, .nt) into the default graph (the RDF merge)."""
        import pyoxigraph as ox

        path = Path(path)
        fmt = FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise GraphError(f"{path}: Oxigraph reads {', '.join(sorted(FORMATS))}, not {path.suffix or 'this'}")
        store = ox.Store()
        try:
            parsed = ox.parse(path=str(path), format=getattr(ox.RdfFormat, fmt))
            store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in parsed)
        except (SyntaxError, OSError, ValueError) as err:
            first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise GraphError(f"{path}: cannot parse ({first[:200]})") from None
        return cls(store)

    @classmethod
    def from_ntriples(cls, texts: Iterable[str | bytes]) -> OxigraphGraph:
        """The merge of graphs given as N-Triples texts (one per graph; UTF-8 bytes or str)."""
        import pyoxigraph as ox

        store = ox.Store()
        seen: set[bytes] = set()
        shared: set[bytes] = set()
        for text in texts:
            data = text.encode("utf-8") if isinstance(text, str) else text
            if data:
                # load, not bulk_load: faster for graphs of an article's size (6.6 s against 11.3 s for 10,000)
                store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
                subjects = set(SUBJECTS.findall(data))
                shared |= subjects & seen
                seen |= subjects
        return cls(store, frozenset(s.decode("utf-8") for s in shared))

    def __len__(self) -> int:
        return len(self.store)

    def query(self, text: str, initBindings: dict[str, Any] | None = None) -> Rows:  # noqa: N803 - rdflib's name
        import pyoxigraph as ox

        answer = self.store.query(with_values(text, initBindings or {}))
        if not isinstance(answer, ox.QuerySolutions):
            raise ValueError("only SELECT queries run on the Oxigraph store")
        names = [v.value for v in answer.variables]
        return Rows(names, [{n: to_rdflib(row[n]) for n in names} for row in answer])

    def objects(self, subject: Any, predicate: Any) -> Iterator[Any]:
        """The objects of (subject, predicate, ?) in the merged graph, as rdflib terms."""
        import pyoxigraph as ox

        s, p = to_oxigraph(subject), to_oxigraph(predicate)
        if isinstance(s, ox.NamedNode) and isinstance(p, ox.NamedNode):
            for q in self.store.quads_for_pattern(s, p, None, ox.DefaultGraph()):
                yield to_rdflib(q.object)

