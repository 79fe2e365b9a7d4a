"""A built graph as networkx graphs, in named views: who holds which post in which body, who met where,
who met whom how often.

Every node has a readable `label` (the name the graph gives it, never an IRI) and a `kind` (person, post,
body, event, place); every edge a `relation`. Nodes are the graph's IRIs, added in a stable order, so the
same graph gives the same networkx graph. `around()` cuts a view down to one node's neighbourhood.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import combinations
from typing import TYPE_CHECKING, Any

from rdflib import SDO, Graph, URIRef

from builder import resolve
from builder.errors import ViewError
from builder.namespace import KG
from builder.use.query import label as name_of

if TYPE_CHECKING:
    import networkx as nx

PREFIXES = """PREFIX kg: <https://w3id.org/dangkg/ont#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
HOLDS = PREFIXES + "SELECT ?person ?post ?role ?body WHERE { ?person org:holds ?post . " \
    "?post org:role ?role ; org:postIn ?body }"
MEETINGS = PREFIXES + """SELECT ?event ?relation ?other WHERE {
  ?event a schema:Event .
  { ?event schema:organizer ?other . BIND("organiser" AS ?relation) }
  UNION { ?event kg:chair ?other . BIND("chair" AS ?relation) }
  UNION { ?event schema:attendee ?other . FILTER NOT EXISTS { ?event kg:chair ?other } BIND("attendee" AS ?relation) }
  UNION { ?event schema:location ?other . BIND("held at" AS ?relation) }
}"""
EVENTS = PREFIXES + "SELECT ?event WHERE { ?event a schema:Event }"
ATTENDANCE = PREFIXES + "SELECT ?event ?person WHERE { ?event a schema:Event ; schema:attendee ?person }"

KINDS = ("person", "post", "body", "event", "place")  # node insertion order, then label, then IRI
KIND_OF = {"organiser": "body", "chair": "person", "attendee": "person", "held at": "place"}




def _rows(g: Graph, query: str) -> list[tuple[Any, ...]]:
    """A SELECT's rows as tuples of RDF terms, in a stable order."""
    return sorted(tuple(row) for row in g.query(query))  # type: ignore[arg-type]


def label(g: Graph, node: Any) -> str:
    """The node's readable name (see query.label), else the last step of its IRI."""
    return name_of(g, node) or str(node).rsplit("/", 1)[-1]


def _day(value: str) -> str:
    """'2023-12-28' → '28/12/2023', '--12-23' → '23/12', as the articles write dates."""
    if value.startswith("--"):
        month, day = value[2:7].split("-")
        return f"{int(day)}/{int(month)}"
    year, month, day = value[:10].split("-")
    return f"{int(day)}/{int(month)}/{year}"


def _event(g: Graph, node: Any) -> dict[str, Any]:
    kind = str(g.value(node, KG.eventKind) or "sự kiện")
    start = g.value(node, SDO.startDate)
    short = " ".join([kind[:1].upper() + kind[1:], *([_day(str(start))] if start else [])])
    attrs = {"label": label(g, node) if g.value(node, SDO.name) else short, "kind": "event", "short": short,
             "event_kind": kind}
    return attrs | ({"date": str(start)} if start else {})


def _graph(directed: bool, name: str, title: str, nodes: dict[str, dict[str, Any]],
           edges: Iterable[tuple[str, str, dict[str, Any]]]) -> nx.Graph:
    """A networkx graph with nodes by kind, label and IRI, and edges in IRI order."""
    import networkx as nx

    G: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    G.graph.update(view=name, title=title)
    order = {k: i for i, k in enumerate(KINDS)}
    for n in sorted(nodes, key=lambda n: (order.get(nodes[n]["kind"], len(order)), resolve.key(nodes[n]["label"]), n)):
        G.add_node(n, **nodes[n])
    for u, v, attrs in sorted(edges, key=lambda e: (e[0], e[1], e[2]["relation"])):
        G.add_edge(u, v, **attrs)
    return G


def people(g: Graph) -> nx.Graph:
    """Persons → the posts they hold (org:holds) → the body each post is in (org:postIn)."""
    nodes: dict[str, dict[str, Any]] = {}
    edges = []
    for person, post, role, body in _rows(g, HOLDS):
        p, o, b = str(person), str(post), str(body)
        role_name, body_name = label(g, role), label(g, body)
        nodes[p] = {"label": label(g, person), "kind": "person"}
        nodes[o] = {"label": f"{role_name} ({body_name})", "kind": "post", "short": role_name}
        nodes[b] = {"label": body_name, "kind": "body"}
        edges += [(p, o, {"relation": "holds"}), (o, b, {"relation": "post of"})]
    return _graph(True, "people", "people — posts — bodies", nodes, _unique(edges))


def meetings(g: Graph) -> nx.Graph:
    """Meetings (schema:Event) → their organisers, chairs (kg:chair), other attendees and place."""
    nodes = {str(e): _event(g, e) for (e,) in _rows(g, EVENTS)}
    edges = []
    for event, relation, other in _rows(g, MEETINGS):
        o = str(other)
        nodes[o] = {"label": label(g, other), "kind": KIND_OF[str(relation)]}
        edges.append((str(event), o, {"relation": str(relation)}))
    return _graph(True, "meetings", "meetings — organisers, chairs, attendees, places", nodes,
                  _unique(edges))


def co_attendance(g: Graph) -> nx.Graph:
    """Persons who attended a meeting with someone else, linked with `weight` = how many meetings both
    attended (the saved query co-attendance's count); `meetings` = how many each attended."""
    met: dict[str, set[str]] = {}
    for event, person in _rows(g, ATTENDANCE):
        met.setdefault(str(event), set()).add(str(person))
    attended = Counter(p for who in met.values() for p in who)
    shared = Counter(pair for who in met.values() for pair in combinations(sorted(who), 2))
    together = {p for pair in shared for p in pair}
    nodes = {p: {"label": label(g, URIRef(p)), "kind": "person", "meetings": attended[p]} for p in together}
    edges = [(u, v, {"relation": "co-attendee", "weight": n}) for (u, v), n in shared.items()]
    return _graph(False, "co-attendance", "co-attendance — shared meetings", nodes, edges)


def _unique(edges: list[tuple[str, str, dict[str, Any]]]) -> list[tuple[str, str, dict[str, Any]]]:
    """The edges without repeats (one post is held in several articles)."""
    seen = {(u, v, tuple(sorted(a.items()))) for u, v, a in edges}
    return [(u, v, dict(a)) for u, v, a in seen]


VIEWS: dict[str, Callable[[Graph], nx.Graph]] = {"people": people, "meetings": meetings,
                                                 "co-attendance": co_attendance}


def view(g: Graph, name: str) -> nx.Graph:
    """The view called NAME (one of VIEWS) of a built graph (a Dataset unites its named graphs)."""
    if name not in VIEWS:
        raise ViewError(f"unknown view {name!r} (one of {', '.join(VIEWS)})")
    return VIEWS[name](g)


def around(G: nx.Graph, name: str, depth: int = 1) -> nx.Graph:
    """The nodes at most `depth` edges (either way) from the node labelled NAME — folding case, Unicode
    form and tone placement — or whose IRI is NAME; every such node's neighbourhood if several share it."""
    import networkx as nx

    if depth < 0:
        raise ViewError(f"depth must be 0 or more, not {depth}")
    wanted = resolve.key(name)
    centres = [n for n, d in G.nodes(data=True) if n == name or resolve.key(d.get("label", "")) == wanted]
    if not centres:
        labels = sorted({d["label"] for _, d in G.nodes(data=True)})
        close = difflib.get_close_matches(name, labels, n=3)
        hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
        raise ViewError(f"no node named {name!r} in the {G.graph.get('view', 'graph')} view{hint}")
    keep: set[Any] = set()
    for c in centres:
        keep |= set(nx.ego_graph(G, c, radius=depth, undirected=True))
    H = induced(G, keep)
    first = G.nodes[centres[0]]["label"]
    title = f"{G.graph.get('title', '')}, around {first} (depth {depth})"
    H.graph.update(G.graph, around=first, depth=depth, title=title)
    return H


def induced(G: nx.Graph, keep: Iterable[Any]) -> nx.Graph:
    """The subgraph of G on the nodes kept, in G's order (G.subgraph's order can follow a set's)."""
    keep = set(keep)
    H = G.__class__()
    H.add_nodes_from((n, d) for n, d in G.nodes(data=True) if n in keep)
    H.add_edges_from((u, v, d) for u, v, d in G.edges(data=True) if u in keep and v in keep)
    return H
