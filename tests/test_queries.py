"""The saved SPARQL queries (queries/*.rq) on the graph built from the seeds.

Every report query has expected results beside it, queries/expected/NAME.json:
cases of parameters and the rows they must give, in the SPARQL 1.1 JSON results
form (each value with its type, datatype or language), compared as sets of typed
values. `pytest --update-golden` rewrites the rows of every case from this build.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT
from rdflib import BNode, Dataset, Literal, URIRef

from builder.use.query import QueryError, list_queries, run, saved, select

QUERY_FILES = sorted((ROOT / "queries").glob("*.rq"))
NAMES = [p.stem for p in QUERY_FILES]
EXPECTED = ROOT / "queries" / "expected"
REPORTS = [n for n in NAMES if saved(n).kind == "report"]
HOSTILE = ['x" } ; DROP ALL ; #', "x' } } ; INSERT DATA { <a> <b> <c> } #", 'Lê Minh Hưng") || true || ("']


@pytest.fixture(scope="module")
def ds(seeds_ds) -> Dataset:
    return seeds_ds


def typed(node: Any) -> dict[str, str] | None:
    """An RDF term as a SPARQL 1.1 JSON results value."""
    if node is None:
        return None
    if isinstance(node, URIRef):
        return {"type": "uri", "value": str(node)}
    if isinstance(node, BNode):
        return {"type": "bnode", "value": "b"}  # blank node labels are not stable
    assert isinstance(node, Literal)
    out = {"type": "literal", "value": str(node)}
    if node.language:
        out["xml:lang"] = node.language
    elif node.datatype:
        out["datatype"] = str(node.datatype)
    return out


def typed_rows(name: str, ds: Dataset, params: dict[str, str]) -> list[dict[str, dict[str, str]]]:
    columns, rows = select(name, ds, params)
    return [{c: v for c in columns if (v := typed(r[c])) is not None} for r in rows]


def as_set(rows: list[dict[str, dict[str, str]]]) -> set[frozenset[tuple[str, tuple[tuple[str, str], ...]]]]:
    return {frozenset((k, tuple(sorted(v.items()))) for k, v in r.items()) for r in rows}


def test_every_report_query_has_expected_results():
    have = sorted(p.stem for p in EXPECTED.glob("*.json"))
    assert have == REPORTS


@pytest.mark.parametrize("name", REPORTS)
def test_report_query_gives_its_expected_rows(ds, name, update_golden):
    path = EXPECTED / f"{name}.json"
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert expected["cases"], f"{path.name}: no cases"
    if update_golden:
        for case in expected["cases"]:
            case["rows"] = typed_rows(name, ds, case["params"])
        path.write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for case in expected["cases"]:
        got, want = as_set(typed_rows(name, ds, case["params"])), as_set(case["rows"])
        assert got == want, (f"{name} {case['params']}:\nonly expected: {sorted(map(sorted, want - got))}\n"
                             f"only got: {sorted(map(sorted, got - want))}")
    assert any(case["rows"] for case in expected["cases"]) or expected.get("why_no_rows"), (
        f"{name}: every case expects no rows, and the file does not say why (why_no_rows)")


def test_there_are_queries():
    assert "chairs-of-vetting" in NAMES
    assert [q.name for q in list_queries()] == NAMES


@pytest.mark.parametrize("path", QUERY_FILES, ids=NAMES)
def test_header(path: Path):
    text = path.read_text(encoding="utf-8")
    header = {}
    for line in text.splitlines():
        if m := re.match(r"^#\+\s*(\w+):\s*(.*)$", line):
            header[m.group(1)] = m.group(2).strip()
    for key in ("summary", "params", "kind"):
        assert header.get(key), f"{path.name}: no '#+ {key}:' line"
    assert header["kind"] in {"report", "facts", "violation"}
    q = saved(path.stem)
    assert (q.summary, q.params, q.kind) == (header["summary"], header["params"], header["kind"])
    if path.stem.endswith("-violation"):
        assert q.kind == "violation"
    assert q.dates <= q.param_names, f"{path.name}: '#+ dates:' names a parameter it does not declare"


@pytest.mark.parametrize("name", [n for n in NAMES if "violation" in n])
def test_violation_query_finds_nothing_on_the_seeds(ds, name):
    assert run(name, ds)[1] == []


def test_facts_queries_return_rows(ds):
    for name in ("facts-articles", "facts-holdings", "facts-events", "facts-terms", "facts-documents"):
        assert run(name, ds)[1], name
    assert len(run("facts-articles", ds)[1]) == 5


def test_chairs_of_vetting(ds):
    columns, rows = run("chairs-of-vetting", ds)
    assert {"chair", "articleId"} <= set(columns)
    assert any(r["chair"] == "Trương Thị Mai" and r["articleId"] == "004_2dd73f4828a733f1" for r in rows), rows
    for r in rows:
        assert "thẩm định nhân sự" in r["event"].lower()


def test_chairs_of_vetting_with_another_topic(ds):
    rows = run("chairs-of-vetting", ds, {"topic": "chủ đề không có trong bài nào"})[1]
    assert rows == []


def test_person_posts(ds):
    rows = run("person-posts", ds, {"name": "Lê Minh Hưng"})[1]
    assert rows
    assert {r["person"] for r in rows} == {"Lê Minh Hưng"}
    posts = {(r["role"], r["body"]) for r in rows}
    assert ("Trưởng ban", "Ban Tổ chức Trung ương") in posts
    assert all(r["sentence"] and "Lê Minh Hưng" in r["sentence"] for r in rows)


def test_person_posts_name_is_case_insensitive(ds):
    rows = run("person-posts", ds, {"name": "lê minh hưng"})[1]
    assert {r["person"] for r in rows} == {"Lê Minh Hưng"}


def test_post_holders(ds):
    rows = run("post-holders", ds, {"roleName": "Trưởng ban", "bodyName": "Ban Tổ chức Trung ương"})[1]
    people = {r["person"] for r in rows}
    assert {"Trương Thị Mai", "Lê Minh Hưng"} <= people
    assert {(r["role"], r["body"]) for r in rows} == {("Trưởng ban", "Ban Tổ chức Trung ương")}


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("name, param", [("person-posts", "name"), ("chairs-of-vetting", "topic"),
                                         ("post-holders", "bodyName"), ("body-meetings", "body")])
def test_parameters_are_bound_safely(ds, name, param, value):
    before = len(ds)
    columns, rows = run(name, ds, {param: value})
    assert columns
    assert rows == []
    assert len(ds) == before


def test_unknown_parameter(ds):
    with pytest.raises(QueryError, match="bogus"):
        run("person-posts", ds, {"bogus": "1"})


def test_misspelt_parameter_that_is_a_prefix_of_a_real_one(ds):
    with pytest.raises(QueryError):
        run("person-posts", ds, {"nam": "Lê Minh Hưng"})


def test_unknown_query(ds):
    with pytest.raises(QueryError):
        run("khong-co-truy-van-nay", ds)


def test_internal_variable_is_not_a_parameter(ds):
    """Only names declared in '#+ params' may be bound, not a query's inner variables."""
    with pytest.raises(QueryError):
        run("person-posts", ds, {"p": "x"})
