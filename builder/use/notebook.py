"""Jupyter: the `%%sparql` cell magic and a displaCy-style view of one article with its facts.

`%load_ext builder` registers the magic; IPython and spaCy's displacy are imported only here.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Dataset, Graph, Literal, URIRef

from builder.extract.dates import find_dates
from builder.namespace import KG
from builder.use.facts import graph_facts
from builder.use.query import QueryError, frame

if TYPE_CHECKING:
    import pandas as pd


PARAM = re.compile(r"\{([A-Za-z_]\w*)\}")
COLOURS = {"PERSON": "#aa9cfc", "TITLE": "#7aecec", "BODY": "#feca74", "DATE": "#bfe1d9", "PLACE": "#ff9561",
           "TERM": "#e4e7d2", "DOCUMENT": "#c887fb"}
GAP = "\n…\n"


def bind_params(text: str, namespace: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """`{name}` in a query → a SPARQL variable bound to the notebook variable's value as a literal.

    The value never enters the query text, so no string can change what the query does.
    """
    bindings: dict[str, Any] = {}

    def var(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in namespace:
            raise QueryError(f"{{{name}}}: the notebook has no variable {name!r}")
        value = namespace[name]
        bindings[f"param_{name}"] = value if isinstance(value, (Literal, URIRef)) else Literal(value)
        return f"?param_{name}"

    return PARAM.sub(var, text), bindings


def graph_of(source: Any) -> Graph:
    """A Build's dataset, a graph as it is, or a build folder / graph file loaded."""
    from builder.run.build import Build
    from builder.use.graphs import load_graph

    if isinstance(source, Build):
        return source.dataset
    if isinstance(source, Graph):
        return source
    if isinstance(source, (str, Path)):
        return load_graph(source)
    raise QueryError(f"not a graph, a build or a path: {type(source).__name__}")


def sparql(namespace: dict[str, Any], graph: str, cell: str) -> pd.DataFrame:
    """What `%%sparql GRAPH` computes: the cell's SELECT over the notebook's GRAPH, as a typed DataFrame."""
    if graph not in namespace:
        raise QueryError(f"%%sparql {graph}: the notebook has no variable {graph!r} (a graph, Build or path)")
    text, bindings = bind_params(cell, namespace)
    return frame(graph_of(namespace[graph]), text, bindings)


def register(ipython: Any) -> None:
    """Register `%%sparql [GRAPH] [-o NAME]` (GRAPH: a notebook variable, default `ds`)."""
    from IPython.core.error import UsageError
    from IPython.core.magic import Magics, cell_magic, magics_class
    from IPython.core.magic_arguments import argument, magic_arguments, parse_argstring

    @magics_class
    class SparqlMagics(Magics):
        @magic_arguments()
        @argument("graph", nargs="?", default="ds", help="notebook variable holding the graph, a Build or a path")
        @argument("-o", "--output", help="also store the DataFrame in this notebook variable")
        @cell_magic
        def sparql(self, line: str, cell: str) -> pd.DataFrame:
            """Run the cell's SPARQL SELECT; `{name}` is bound to the notebook variable `name` as a literal."""
            args = parse_argstring(self.sparql, line)
            shell: Any = self.shell  # IPython 8 types it None, IPython 9 InteractiveShell | None
            if shell is None:
                raise UsageError("%%sparql runs in an IPython shell")
            user_ns = shell.user_ns
            try:
                df = sparql(user_ns, args.graph, cell)
            except QueryError as err:
                raise UsageError(str(err)) from None
            if args.output:
                user_ns[args.output] = df
            return df

    ipython.register_magics(SparqlMagics)


@dataclass
class ArticleView:
    """One article's text with its facts' words marked (displaCy's entity style) and the facts beside it."""

    article_id: str
    text: str
    spans: list[tuple[int, int, str]]
    facts: dict[str, Any] = field(default_factory=dict)

    def _repr_html_(self) -> str:
        return self.html

    @property
    def html(self) -> str:
        from spacy import displacy

        ents = [{"start": s, "end": e, "label": label} for s, e, label in self.spans]
        marked = displacy.render({"text": self.text, "ents": ents, "title": None}, style="ent", manual=True,
                                 jupyter=False, options={"colors": COLOURS})
        return (f'<div class="kg-article" style="display:flex;gap:1.5em;align-items:flex-start">'
                f'<div style="flex:3;white-space:pre-wrap"><h3>{html.escape(self.article_id)}</h3>{marked}</div>'
                f'<div style="flex:2">{facts_table(self.facts)}</div></div>')


def facts_table(record: dict[str, Any]) -> str:
    """The article's facts as small HTML tables, one per kind."""
    kinds = {"holds": ("person", "role", "body"), "events": ("kind", "date", "place", "organizer", "chair"),
             "terms": ("body_or_congress", "term"), "documents": ("kind", "id_as_written", "date", "issuer")}
    parts = []
    for kind, columns in kinds.items():
        rows = record.get(kind, [])
        if not rows:
            continue
        head = "".join(f"<th>{c}</th>" for c in columns)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(_cell(r.get(c)))}</td>" for c in columns) + "</tr>"
                       for r in rows)
        parts.append(f"<h4>{kind} ({len(rows)})</h4><table><tr>{head}</tr>{body}</table>")
    return "".join(parts) or "<p>no facts</p>"


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(value)
    return "" if value is None else str(value)


def show_article(source: Any, article_id: str) -> ArticleView:
    """One article displayed: its text (a Build's whole clean text; from a graph, the sentences
    its facts were read from) with persons, titles, bodies, dates, places, terms and documents
    marked, and its facts beside it."""
    from builder.rdf.serialize import new_dataset
    from builder.run.build import Build

    ds = graph_of(source)
    one = new_dataset()
    for g in ds.graphs() if isinstance(ds, Dataset) else [ds]:
        if (None, KG.articleId, Literal(article_id)) in g:
            part = one.graph(g.identifier)
            part += g
    records = [r for r in graph_facts(one) if r["id"] == article_id]
    if not records:
        raise QueryError(f"no article {article_id!r} in the graph")
    if isinstance(source, Build):
        text = next(a.clean.text for a in source.articles if a.id == article_id)
    else:
        text = sentences_text(one, article_id)
    text = unicodedata.normalize("NFC", text)
    return ArticleView(article_id, text, mark(text, records[0]), records[0])


def sentences_text(g: Graph, article_id: str) -> str:
    """The article's evidence sentences in text order, gaps shown as '…'."""
    query = """PREFIX kg: <https://w3id.org/dangkg/ont#>
        SELECT DISTINCT ?start ?end ?text WHERE {
          ?a kg:articleId ?id . ?ev kg:article ?a ; kg:startOffset ?start ; kg:endOffset ?end ; kg:sentenceText ?text
        } ORDER BY ?start"""
    parts: list[str] = []
    last = -1
    rows = g.query(query, initBindings={"id": Literal(article_id)})
    for start, end, text in ((int(str(a)), int(str(b)), str(c)) for a, b, c in rows):  # type: ignore[misc]
        if start < last:
            continue
        if parts and start > last + 1:
            parts.append(GAP)
        elif parts:
            parts.append(" ")
        parts.append(text)
        last = end
    return "".join(parts)


def mark(text: str, record: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Character spans of the record's values in the text; the longer wins where two overlap."""
    wanted: dict[str, str] = {}
    for h in record["holds"]:
        wanted |= {h["person"]: "PERSON", h["body"]: "BODY", h["title_as_written"]: "TITLE"}
    for e in record["events"]:
        wanted |= {p: "PERSON" for p in e["chair"] + e["participants"]}
        wanted |= {v: label for v, label in ((e["place"], "PLACE"), (e["organizer"], "BODY")) if v}
    for t in record["terms"]:
        wanted |= {t["body_or_congress"]: "BODY", t["term"]: "TERM"}
    for d in record["documents"]:
        wanted[d["id_as_written"]] = "DOCUMENT"
    found = [(m.start(), m.end(), label) for value, label in wanted.items() if value
             for m in re.finditer(re.escape(unicodedata.normalize("NFC", value)), text)]
    found += [(d.start, d.end, "DATE") for d in find_dates(text)]
    chosen: list[tuple[int, int, str]] = []
    for span in sorted(found, key=lambda s: (s[0] - s[1], s[0], s[2])):
        if all(span[1] <= s or span[0] >= e for s, e, _ in chosen):
            chosen.append(span)
    return sorted(chosen)
