"""Pictures of a view (builder.use.views): an interactive page, a drawing, or a file for Gephi.

The file's suffix says which: `.html` (vis-network through pyvis, its JavaScript inlined, so the page
makes no network request), `.png` / `.svg` (matplotlib, a layered layout: persons, then posts or events,
then bodies and places), `.graphml` / `.gexf` (networkx, every attribute kept). The same graph gives the
same bytes (the PNG too, for one matplotlib version); files are written atomically.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from builder.files import write_atomic
from builder.use.views import ViewError, induced

if TYPE_CHECKING:
    import networkx as nx

KIND_COLOURS = {"person": "#d1495b", "post": "#edae49", "body": "#00798c", "event": "#66a182", "place": "#8d6a9f"}
OTHER_COLOUR = "#999999"
RELATION_COLOURS = {"holds": "#d1495b", "post of": "#00798c", "organiser": "#00798c", "chair": "#d1495b",
                    "attendee": "#bbbbbb", "held at": "#8d6a9f", "co-attendee": "#888888"}
LAYERS = {"person": 0, "post": 1, "event": 1, "body": 2, "place": 2}  # columns of the drawing
SEED = 7
MAX_CHARS = 32  # a drawn label longer than this is cut with "…" (the full one is in the files and tooltips)


def write_picture(G: nx.Graph, path: str | Path, title: str | None = None) -> Path:
    """Write a picture of G, of the kind its suffix names (see FORMATS)."""
    path = Path(path)
    writer = FORMATS.get(path.suffix.lower())
    if writer is None:
        raise ViewError(f"{path}: unknown picture format {path.suffix or '(none)'!r} "
                        f"(one of {', '.join(FORMATS)})")
    write_atomic(path, writer(G, title or str(G.graph.get("title", "")) or path.stem))
    return path


def caption(data: dict[str, Any]) -> str:
    """The text drawn beside a node: its short label (a post's role, a meeting's kind and day) or label."""
    text = str(data.get("short") or data.get("label", ""))
    return text if len(text) <= MAX_CHARS else text[:MAX_CHARS - 1].rstrip() + "…"


def colour(data: dict[str, Any]) -> str:
    return KIND_COLOURS.get(str(data.get("kind")), OTHER_COLOUR)


def layout(G: nx.Graph) -> dict[Any, tuple[float, float]]:
    """Node positions: one column per layer of kinds (LAYERS), each column ordered by the mean height of
    its nodes' neighbours in the other columns (a few sweeps, to uncross edges); when all nodes are of
    one layer, a spring layout (fixed seed) of each connected part, the parts side by side in rows."""

    columns = _columns(G)
    if len(columns) < 2:
        return _springs(G)
    order = [columns[k] for k in sorted(columns)]
    und = G.to_undirected(as_view=True)

    def ys(col: list[Any]) -> dict[Any, float]:
        return {n: 1 - (i + 0.5) / len(col) for i, n in enumerate(col)}

    for _ in range(3):
        for sweep in (range(1, len(order)), range(len(order) - 2, -1, -1)):
            for i in sweep:
                placed = {n: y for col in order if col is not order[i] for n, y in ys(col).items()}
                mean = {n: _mean([placed[m] for m in und[n] if m in placed]) for n in order[i]}
                order[i] = sorted(order[i], key=lambda n: -mean[n])
    return {n: (float(x), round(y, 6)) for x, col in enumerate(order) for n, y in ys(col).items()}


def _springs(G: nx.Graph) -> dict[Any, tuple[float, float]]:
    """Each connected part in its own square (side: the root of its size), biggest first, in rows."""
    import networkx as nx

    index = {n: i for i, n in enumerate(G)}
    parts = sorted((sorted(c, key=index.__getitem__) for c in nx.connected_components(G.to_undirected())),
                   key=lambda c: (-len(c), index[c[0]]))
    row_width = 1.2 * len(G) ** 0.5
    pos: dict[Any, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for part in parts:
        side = len(part) ** 0.5
        if x and x + side > row_width:
            x, y, row_height = 0.0, y - row_height, 0.0
        centre = (x + side / 2, y - side / 2)
        spring = nx.spring_layout(induced(G, part), k=2 / side, seed=SEED, weight="weight", center=centre,
                                  scale=side * 0.4) if len(part) > 1 else {part[0]: centre}
        pos.update({n: (round(float(px), 6), round(float(py), 6)) for n, (px, py) in spring.items()})
        x, row_height = x + side, max(row_height, side)
    return pos


def _columns(G: nx.Graph) -> dict[int, list[Any]]:
    """The nodes of each layer (LAYERS) that has any, in the graph's order."""
    columns: dict[int, list[Any]] = {}
    for n, kind in G.nodes(data="kind"):
        columns.setdefault(LAYERS.get(kind, 1), []).append(n)
    return columns


def _mean(values: list[float]) -> float:
    """The mean height of a node's neighbours; below every column (-1) when it has none."""
    return sum(values) / len(values) if values else -1.0


def _figure(G: nx.Graph, title: str) -> Any:
    """A matplotlib Figure (no pyplot, so no backend is switched) with G drawn on it."""
    import networkx as nx
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    pos = layout(G)
    xs = sorted({x for x, _ in pos.values()})
    layered = len(_columns(G)) > 1
    sizes = [sum(1 for p in pos.values() if p[0] == x) for x in xs]
    inner = max(sizes[1:-1] or [0])  # inner columns' labels stand above their nodes: more room for each
    tall = max(0.3 * max(sizes or [1]), 0.5 * inner) + 1.6
    side = min(40.0, max(7.0, 1.3 * len(G) ** 0.5 + 3))
    width, height = (3.6 * len(xs) + 1.5, max(4.0, tall)) if layered else (side + 2, side)
    fig = Figure(figsize=(width, height), dpi=100)
    FigureCanvasAgg(fig)
    bottom, top = 0.8 / height, 0.6 / height  # room for the legend and the title, in inches
    ax = fig.add_axes((0.02, bottom, 0.96, 1 - bottom - top))
    ax.set_axis_off()
    ax.margins(0.75 / len(xs) if layered else 0.2, 0.3 / (height - 1.4))
    fig.suptitle(title, fontsize=12)
    relations = [str(d.get("relation", "")) for _, _, d in G.edges(data=True)]
    widths = [1 + 1.5 * (float(d.get("weight", 1)) - 1) for _, _, d in G.edges(data=True)]
    nx.draw_networkx_edges(G, pos, ax=ax, arrows=False, width=widths,
                           edge_color=[RELATION_COLOURS.get(r, OTHER_COLOUR) for r in relations])
    nx.draw_networkx_nodes(G, pos, ax=ax, node_size=260, linewidths=0.8, edgecolors="white",
                           node_color=[colour(d) for _, d in G.nodes(data=True)])
    for n, d in G.nodes(data=True):  # left column: text on the left; last: on the right; else above
        x = pos[n][0]
        side = -1 if layered and x == xs[0] else 1 if layered and x == xs[-1] else 0
        ax.annotate(caption(d), pos[n], xytext=(10 * side, 0 if side else 8), textcoords="offset points",
                    ha={-1: "right", 0: "center", 1: "left"}[side], va="center" if side else "bottom", fontsize=9,
                    fontweight="bold" if d.get("label") == G.graph.get("around") else "normal",
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})
    weights = {(u, v): w for u, v, w in G.edges(data="weight") if w is not None and w > 1}
    if weights:
        nx.draw_networkx_edge_labels(G, pos, ax=ax, edge_labels=weights, font_size=8)
    kinds = list(dict.fromkeys(str(d.get("kind")) for _, d in G.nodes(data=True)))
    handles = [Line2D([], [], ls="", marker="o", ms=9, mfc=KIND_COLOURS.get(k, OTHER_COLOUR), mec="white", label=k)
               for k in kinds]
    handles += [Line2D([], [], color=RELATION_COLOURS.get(r, OTHER_COLOUR), lw=2, label=r)
                for r in dict.fromkeys(relations)]
    fig.legend(handles=handles, loc="lower center", ncol=max(1, min(len(handles), 8)), frameon=False, fontsize=9)
    return fig


def _png(G: nx.Graph, title: str) -> bytes:
    buf = io.BytesIO()
    _figure(G, title).savefig(buf, format="png", dpi=150)
    return buf.getvalue()


def _svg(G: nx.Graph, title: str) -> bytes:
    """SVG with its text as text (searchable) and fixed ids and no date, so the same graph gives the same file."""
    from matplotlib import rc_context

    buf = io.BytesIO()
    with rc_context({"svg.hashsalt": "dangkg", "svg.fonttype": "none"}):
        _figure(G, title).savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def _graphml(G: nx.Graph, title: str) -> bytes:
    import networkx as nx

    buf = io.BytesIO()
    nx.write_graphml(_plain(G, title), buf)
    return buf.getvalue()


def _gexf(G: nx.Graph, title: str) -> bytes:
    """GEXF with each node's colour and drawing position (Gephi shows them) and no date stamp."""
    from networkx.readwrite.gexf import GEXFWriter

    H = _plain(G, title)
    for n, (x, y) in layout(G).items():
        r, g, b = (int(colour(H.nodes[n])[i:i + 2], 16) for i in (1, 3, 5))
        H.nodes[n]["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}, "size": 10.0,
                             "position": {"x": round(x * 300, 3), "y": round(y * 600, 3), "z": 0.0}}
    writer = GEXFWriter()
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
    writer.add_graph(H)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _plain(G: nx.Graph, title: str) -> nx.Graph:
    """A copy with only the attributes GraphML and GEXF can hold (strings, numbers, booleans)."""
    H = G.copy()
    H.graph = {k: v for k, v in G.graph.items() if isinstance(v, (str, int, float, bool))} | {"title": title}
    return H


PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{{ title }}</title>
<style>{% include 'lib/vis-9.1.2/vis-network.css' %}</style>
<script>{% include 'lib/vis-9.1.2/vis-network.min.js' %}</script>
<style>
body { font-family: sans-serif; margin: 0; }
h1 { font-size: 1.1em; margin: 0.5em 1em 0.2em; }
#legend { margin: 0 1em 0.5em; font-size: 0.9em; }
#legend span { margin-right: 1.2em; white-space: nowrap; }
#legend i { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 50%; margin-right: 0.3em; }
#legend i.line { width: 1.6em; height: 0.15em; border-radius: 0; vertical-align: middle; }
#network { width: 100%; height: calc(100vh - 5em); border-top: 1px solid #ddd; }
</style>
</head>
<body>
<h1>{{ title }}</h1>
<p id="legend">{% for name, c, line in legend %}
<span><i class="{{ 'line' if line }}" style="background: {{ c }}"></i>{{ name }}</span>{% endfor %}</p>
<div id="network"></div>
<script>
const data = {nodes: new vis.DataSet({{ nodes|tojson }}), edges: new vis.DataSet({{ edges|tojson }})};
const network = new vis.Network(document.getElementById("network"), data, {{ options|tojson }});
network.once("stabilizationIterationsDone", () => network.setOptions({physics: false}));
network.on("afterDrawing", () => { document.body.dataset.drawn = "yes"; });
</script>
</body>
</html>
"""
OPTIONS = {
    "layout": {"randomSeed": SEED},
    "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 300}},
    "nodes": {"shape": "dot", "size": 12, "font": {"size": 14}},
    "edges": {"smooth": False, "font": {"size": 10, "align": "middle"}},
    "interaction": {"hover": True, "tooltipDelay": 100},
}


def _html(G: nx.Graph, title: str) -> bytes:
    """A page drawing G with vis-network: pyvis's nodes and edges and its copy of vis-network, inlined
    into our own page (pyvis's template links Bootstrap from a CDN), so opening it fetches nothing."""
    import jinja2
    from pyvis.network import Network

    net = Network(directed=G.is_directed(), cdn_resources="in_line")
    for n, d in G.nodes(data=True):
        tip = "\n".join([str(d.get("label", n)), f"{d.get('kind', '')}: {n}"])
        net.add_node(n, label=caption(d), title=tip, color=colour(d))
    for u, v, d in G.edges(data=True):
        weight = d.get("weight")
        relation = str(d.get("relation", ""))
        net.add_edge(u, v, title=relation, color=RELATION_COLOURS.get(relation, OTHER_COLOUR),
                     **({"label": str(weight), "width": 1 + float(weight)} if weight is not None else {}))
    env = jinja2.Environment(loader=jinja2.ChoiceLoader([jinja2.DictLoader({"page.html": PAGE}),
                                                         net.templateEnv.loader]), autoescape=True)
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    kinds = dict.fromkeys(str(d.get("kind")) for _, d in G.nodes(data=True))
    relations = dict.fromkeys(str(d.get("relation")) for _, _, d in G.edges(data=True))
    legend = [(k, KIND_COLOURS.get(k, OTHER_COLOUR), False) for k in kinds]
    legend += [(r, RELATION_COLOURS.get(r, OTHER_COLOUR), True) for r in relations]
    page = env.get_template("page.html").render(title=title, nodes=net.nodes, edges=net.edges, options=OPTIONS,
                                                legend=legend)
    return page.encode("utf-8")


FORMATS = {".html": _html, ".png": _png, ".svg": _svg, ".graphml": _graphml, ".gexf": _gexf}

