"""The built graph → facts in the gold schema, read back with saved SPARQL queries.

This shows what the graph really holds, not what extraction had in memory.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from builder.use.query import run

if TYPE_CHECKING:
    from builder.rdf.store import Queryable


def _date(value: Any) -> str | None:
    return None if value is None else str(value)


def graph_facts(ds: Queryable) -> list[dict[str, Any]]:
    """One record per article: article metadata, holds, events, terms, documents.

    Every fact also lists its evidence (rule, confidence, sentence); scorers ignore it.
    """
    evidence: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in run("facts-evidence", ds)[1]:
        evidence[r["fact"]].append({"rule": r["rule"], "confidence": float(r["confidence"]), "sentence": r["sentence"]})
    articles: dict[str, dict[str, Any]] = {}
    for r in run("facts-articles", ds)[1]:
        articles[r["articleId"]] = {
            "id": r["articleId"],
            "article": {"source": r["source"], "published": _date(r["published"]),
                        "author": r["author"], "url": r["url"]},
            "holds": [], "events": [], "terms": [], "documents": [],
        }
    for r in run("facts-holdings", ds)[1]:
        articles[r["articleId"]]["holds"].append(
            {"person": r["person"], "role": r["role"], "body": r["body"], "title_as_written": r["title"],
             "evidence": evidence[r["h"]]})
    people: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"chair": [], "participants": []})
    for r in run("facts-event-people", ds)[1]:
        people[r["event"]]["chair" if r["chair"] in (True, "true") else "participants"].append(r["person"])
    for r in run("facts-events", ds)[1]:
        articles[r["articleId"]]["events"].append({
            "kind": r["kind"], "name": r["name"], "date": _date(r["date"]), "place": r["place"],
            "organizer": r["organizer"], **people[r["event"]],
            "evidence": evidence[r["event"]]})
    for r in run("facts-terms", ds)[1]:
        articles[r["articleId"]]["terms"].append({"body_or_congress": r["body"], "term": f"{r['start']}-{r['end']}",
                                                "evidence": evidence[r["m"]]})
    for r in run("facts-documents", ds)[1]:
        articles[r["articleId"]]["documents"].append({
            "id_as_written": r["idAsWritten"], "kind": r["kind"], "date": _date(r["date"]), "issuer": r["issuer"],
            "evidence": evidence[r["c"]]})
    return [articles[k] for k in sorted(articles)]
