"""Conflicts: two different holders of a single-holder post reported for the same day.

Holdings of single-holder posts are read by one query (no join of holding with holding)
and grouped by (post, day) here, so the cost grows with the number of holdings (the
saved query `holding-conflicts-violation` says the same in SPARQL for a triple store,
where a join planner does the grouping; a test checks both give the same rows). Which
posts are single-holder is in the graph (kg:singleHolder on the post, from roles.tsv's
single_holder column).
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from rdflib.term import Node

    from builder.query import Queryable

COLUMNS = ["role", "body", "date", "person", "personFact", "personArticle", "personSentence",
           "other", "otherFact", "otherArticle", "otherSentence"]


HOLDINGS = """
PREFIX kg: <https://w3id.org/dangkg/ont#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?h ?post ?date ?role ?body ?person ?fact ?article ?sentence WHERE {
  ?post kg:singleHolder true .
  ?h a kg:Holding ; kg:post ?post ; kg:reportedFor ?date .
  OPTIONAL { ?h org:role ?r . ?r rdfs:label ?role }
  OPTIONAL { ?h org:organization ?b . ?b schema:name ?body }
  OPTIONAL { ?h org:member ?m . ?m schema:name ?person }
  OPTIONAL { ?h kg:factId ?fact }
  OPTIONAL { ?h kg:article ?a . ?a kg:articleId ?article }
  OPTIONAL { ?h kg:evidence ?ev . ?ev kg:sentenceText ?sentence }
}"""
FIELDS = ("role", "body", "person", "fact", "article", "sentence")


def conflicts(g: Queryable) -> tuple[list[str], list[dict[str, Any]]]:
    """The conflicts of a built graph (rdflib's, or Oxigraph's for a large one): columns and rows,
    ordered by body, role, date, holders and fact ids."""
    seen: dict[tuple[Node, Node, Node], dict[str, str]] = {}
    for row in g.query(HOLDINGS):
        row = cast("dict[str, Node]", row)
        now = {f: "" if row[f] is None else str(row[f]) for f in FIELDS}
        old = seen.setdefault((row["post"], row["date"], row["h"]), now)
        for f in FIELDS:  # a holding with several values of one (several sentences): the least
            if now[f] and (not old[f] or now[f] < old[f]):
                old[f] = now[f]
    groups: dict[tuple[Node, Node], list[dict[str, str]]] = defaultdict(list)
    for (post, date, _), holding in sorted(seen.items(), key=lambda kv: [str(k) for k in kv[0]]):
        groups[(post, date)].append(holding)
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
