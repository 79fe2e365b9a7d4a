"""Conflicts: what the reports of a built graph cannot all be right about (same-day, left-then-held,
double-take-up, after-ceased), each row with both sources. See docs/internals.md."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any, cast

from builder.namespace import KG

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from rdflib.term import Node

    from builder.rdf.store import Queryable

COLUMNS = ["kind", "role", "body", "date", "person", "personFact", "personArticle", "personSentence",
           "other", "otherFact", "otherArticle", "otherSentence"]
KINDS = ("same-day", "left-then-held", "double-take-up", "after-ceased")


HOLDINGS = """
PREFIX kg: <https://w3id.org/dangkg/ont#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?h ?post ?date ?role ?body ?person ?fact ?article ?sentence WHERE {
  ?post kg:singleHolder true .
  ?h a kg:Holding ; kg:post ?post ; kg:reportedFor ?date .
  FILTER NOT EXISTS { ?h kg:reportedChange kg:Leaving }
  OPTIONAL { ?h org:role ?r . ?r rdfs:label ?role }
  OPTIONAL { ?h org:organization ?b . ?b schema:name ?body }
  OPTIONAL { ?h org:member ?m . ?m schema:name ?person }
  OPTIONAL { ?h kg:factId ?fact }
  OPTIONAL { ?h kg:article ?a . ?a kg:articleId ?article }
  OPTIONAL { ?h kg:evidence ?ev . ?ev kg:sentenceText ?sentence }
}"""
FIELDS = ("role", "body", "person", "fact", "article", "sentence")


REPORTS = """
PREFIX kg: <https://w3id.org/dangkg/ont#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?h ?post ?member ?b ?date ?change ?single ?replaces ?role ?body ?person ?fact ?article ?sentence WHERE {
  ?h a kg:Holding ; kg:post ?post ; org:member ?member ; org:organization ?b ; kg:reportedFor ?date ;
     kg:reportedChange ?change .
  FILTER(DATATYPE(?date) = xsd:date)
  OPTIONAL { ?post kg:singleHolder ?single }
  OPTIONAL { ?h kg:replaces ?replaces }
  OPTIONAL { ?h org:role ?r . ?r rdfs:label ?role }
  OPTIONAL { ?b schema:name ?body }
  OPTIONAL { ?member schema:name ?person }
  OPTIONAL { ?h kg:factId ?fact }
  OPTIONAL { ?h kg:article ?a . ?a kg:articleId ?article }
  OPTIONAL { ?h kg:evidence ?ev . ?ev kg:sentenceText ?sentence }
}"""
CEASED = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?b ?ended ?event ?label ?source WHERE {
  ?b schema:dissolutionDate ?ended ; org:changedBy ?event .
  ?event dcterms:date ?ended .
  OPTIONAL { ?event rdfs:label ?label }
  OPTIONAL { ?event dcterms:source ?source }
}"""
TAKING_UP, LEAVING = str(KG.TakingUp), str(KG.Leaving)


def _least(rows: Any, key: Callable[[dict[str, Node]], Any], fields: tuple[str, ...]) -> dict[Any, dict[str, str]]:
    """One record per key: each field's least value over the key's rows (a holding read in several sentences
    has several), '' where none."""
    seen: dict[Any, dict[str, str]] = {}
    for row in rows:
        row = cast("dict[str, Node]", row)
        now = {f: "" if row[f] is None else str(row[f]) for f in fields}
        old = seen.setdefault(key(row), now)
        for f in fields:
            if now[f] and (not old[f] or now[f] < old[f]):
                old[f] = now[f]
    return seen


def _row(kind: str, a: dict[str, str], b: dict[str, str], date: str) -> dict[str, str]:
    return {"kind": kind, "role": a["role"], "body": a["body"], "date": date, "person": a["person"],
            "personFact": a["fact"], "personArticle": a["article"], "personSentence": a["sentence"],
            "other": b["person"], "otherFact": b["fact"], "otherArticle": b["article"], "otherSentence": b["sentence"]}


def conflicts(g: Queryable) -> tuple[list[str], list[dict[str, Any]]]:
    """The conflicts of a built graph (rdflib's, or Oxigraph's for a large one): columns and rows,
    ordered by kind, body, role, date, holders and fact ids."""
    seen = _least(g.query(HOLDINGS), lambda r: (r["post"], r["date"], r["h"]), FIELDS)
    groups: dict[tuple[Node, Node], list[dict[str, str]]] = defaultdict(list)
    for (post, date, _), holding in sorted(seen.items(), key=lambda kv: [str(k) for k in kv[0]]):
        groups[(post, date)].append(holding)
    rows = []
    for (_, date), holdings in groups.items():
        rows += [_row("same-day", a, b, str(date)) for a in holdings for b in holdings if a["person"] < b["person"]]
    reports = _least(g.query(REPORTS), lambda r: r["h"], (*FIELDS, "post", "member", "b", "date", "change",
                                                                   "single", "replaces"))
    rows += _changes(sorted(reports.values(), key=lambda r: (r["date"], r["fact"])))
    rows += _after_ceased(g, reports.values())
    rows.sort(key=lambda r: (KINDS.index(r["kind"]), r["body"], r["role"], r["date"], r["person"], r["other"],
                             r["personFact"], r["otherFact"]))
    return list(COLUMNS), rows


def _changes(reports: list[dict[str, str]]) -> list[dict[str, str]]:
    """left-then-held per person and post, double-take-up per single-holder post (reports in date order)."""
    rows = []
    by_holder: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    by_post: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in reports:
        by_holder[(r["member"], r["post"])].append(r)
        by_post[r["post"]].append(r)
    for seq in by_holder.values():
        left: dict[str, str] | None = None
        for r in seq:
            if r["change"] == LEAVING:
                left = left or r
            elif r["change"] == TAKING_UP:
                left = None
            elif left and r["date"] > left["date"]:
                rows.append(_row("left-then-held", left, r, r["date"]))
                left = None
    for seq in by_post.values():
        ups = [r for r in seq if r["change"] == TAKING_UP and r["single"] == "true"]
        for a, b in zip(ups, ups[1:]):
            gone = any(r["member"] == a["member"] and r["change"] == LEAVING and a["date"] <= r["date"] <= b["date"]
                       for r in seq)
            if b["date"] > a["date"] and b["member"] != a["member"] and not gone and b["replaces"] != a["member"]:
                rows.append(_row("double-take-up", a, b, b["date"]))
    return rows


def _after_ceased(g: Queryable, reports: Iterable[dict[str, str]]) -> list[dict[str, str]]:
    """A holding (not a leaving) reported on a body after the day it ceased, against the change that ended it."""
    ended = _least(g.query(CEASED), lambda r: str(r["b"]), ("ended", "event", "label", "source"))
    rows = []
    for r in reports:
        end = ended.get(r["b"])
        if end and r["change"] != LEAVING and r["date"] > end["ended"]:
            change = {"person": end["label"], "fact": end["event"], "article": "", "sentence": end["source"]}
            rows.append(_row("after-ceased", r, change, r["date"]))
    return rows
