"""Conflicts: two different holders of a single-holder post reported for the same day.

Holdings are grouped by (post, day) in one pass over the graph, so the cost grows
with the number of holdings (the saved query `holding-conflicts-violation` says the
same in SPARQL for a triple store, where a join planner does the grouping; a test
checks both give the same rows). Which posts are single-holder is in the graph
(kg:singleHolder on the post, from roles.tsv's single_holder column).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rdflib import RDF, RDFS, Dataset, Graph, Literal, Namespace
from rdflib.term import Node

from builder.namespace import KG

ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
COLUMNS = ["role", "body", "date", "person", "personFact", "personArticle", "personSentence",
           "other", "otherFact", "otherArticle", "otherSentence"]
TRUE = Literal(True)


def _text(g: Graph, node: Node | None, prop: Any) -> str:
    value = g.value(node, prop) if node is not None else None
    return "" if value is None else str(value)


def conflicts(g: Graph | Dataset) -> tuple[list[str], list[dict[str, Any]]]:
    """The conflicts of a built graph: columns and rows, ordered by body, role, date, holders and fact ids."""
    groups: dict[tuple[Node, Node], list[dict[str, str]]] = defaultdict(list)
    for h in set(g.subjects(RDF.type, KG.Holding)):
        post, date = g.value(h, KG.post), g.value(h, KG.reportedFor)
        if post is None or date is None or (post, KG.singleHolder, TRUE) not in g:
            continue
        sentences = sorted(str(s) for ev in g.objects(h, KG.evidence) for s in g.objects(ev, KG.sentenceText))
        groups[(post, date)].append({
            "role": _text(g, g.value(h, ORG.role), RDFS.label),
            "body": _text(g, g.value(h, ORG.organization), SCHEMA.name),
            "person": _text(g, g.value(h, ORG.member), SCHEMA.name),
            "fact": _text(g, h, KG.factId),
            "article": _text(g, g.value(h, KG.article), KG.articleId),
            "sentence": sentences[0] if sentences else "",
        })
    rows = []
    for (_, date), holdings in groups.items():
        for a in holdings:
            for b in holdings:
                if a["person"] < b["person"]:
                    rows.append({"role": a["role"], "body": a["body"], "date": str(date),
                                 "person": a["person"], "personFact": a["fact"], "personArticle": a["article"],
                                 "personSentence": a["sentence"], "other": b["person"], "otherFact": b["fact"],
                                 "otherArticle": b["article"], "otherSentence": b["sentence"]})
    rows.sort(key=lambda r: (r["body"], r["role"], r["date"], r["person"], r["other"], r["personFact"], r["otherFact"]))
    return list(COLUMNS), rows
