"""Jupyter API: typed DataFrames, the saved queries as a table, the %%sparql magic, one article displayed."""

from __future__ import annotations

import datetime
import html

import pandas as pd
import pytest
from IPython.core.error import UsageError
from IPython.core.interactiveshell import InteractiveShell
from rdflib import XSD, Dataset

import builder

WHO = """PREFIX schema: <https://schema.org/>
PREFIX kg: <https://w3id.org/dangkg/ont#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?person ?role WHERE {
  ?h a kg:Holding ; org:member ?p ; org:role ?r . ?p schema:name ?person . ?r rdfs:label ?role .
  FILTER(?person = {who})
} ORDER BY ?role"""


def test_dates_are_datetimes_and_years_are_integers(seeds_ds: Dataset) -> None:
    df = builder.to_frame("post-holders", seeds_ds)
    assert str(df["reportedFor"].dtype).startswith("datetime64")
    assert df["reportedFor"].notna().any()
    terms = builder.to_frame("terms", seeds_ds)
    assert str(terms["start"].dtype) == "Int64" and str(terms["end"].dtype) == "Int64"
    assert (terms["end"] > terms["start"]).all()
    assert str(builder.to_frame("co-attendance", seeds_ds)["meetings"].dtype) == "Int64"
    assert builder.to_frame("facts-evidence", seeds_ds)["confidence"].dtype == "float64"


def test_month_day_stays_a_month_day_not_a_made_up_year(seeds_ds: Dataset) -> None:
    chairs = builder.to_frame("chairs-of-vetting", seeds_ds)
    assert chairs.loc[0, "chair"] == "Trương Thị Mai"
    assert chairs.loc[0, "date"] == "--12-23"
    dates = builder.to_frame("body-meetings", seeds_ds)["date"].tolist()
    lexical = {str(v) for v in seeds_ds.objects(None, None) if getattr(v, "datatype", None) == XSD.gMonthDay}
    assert {d for d in dates if isinstance(d, str)} <= lexical
    assert any(isinstance(d, datetime.date) for d in dates)


def test_iri_columns_get_their_labels_beside_them(seeds_ds: Dataset) -> None:
    df = builder.to_frame("facts-holdings", seeds_ds)
    columns = list(df.columns)
    assert columns[columns.index("h") + 1] == "hLabel"
    assert df["hLabel"].str.startswith("holding/").all()


def test_saved_queries_as_a_table() -> None:
    df = builder.queries_frame()
    assert list(df.columns) == ["name", "kind", "summary", "params"]
    assert df["name"].tolist() == [q.name for q in builder.list_queries()]
    assert df.loc[df["name"] == "chairs-of-vetting", "kind"].item() == "report"
    assert (df["summary"] != "").all()


def test_parameters_are_values_never_query_text(seeds_ds: Dataset) -> None:
    size = len(seeds_ds)
    hostile = 'x" } ; DROP ALL #'
    assert builder.to_frame("post-holders", seeds_ds, {"bodyName": hostile}).empty
    assert len(seeds_ds) == size
    with pytest.raises(builder.QueryError, match="no parameter"):
        builder.to_frame("post-holders", seeds_ds, {"nope": "x"})


@pytest.fixture()
def shell(seeds_ds: Dataset) -> InteractiveShell:
    ip = InteractiveShell.instance()
    ip.run_line_magic("load_ext", "builder")
    ip.user_ns["ds"] = seeds_ds
    yield ip
    for name in ("ds", "who", "found"):
        ip.user_ns.pop(name, None)


def test_sparql_magic_binds_notebook_variables(shell: InteractiveShell, seeds_ds: Dataset) -> None:
    shell.user_ns["who"] = "Trương Thị Mai"
    df = shell.run_cell_magic("sparql", "ds -o found", WHO)
    assert isinstance(df, pd.DataFrame)
    assert set(df["person"]) == {"Trương Thị Mai"}
    assert "Trưởng ban" in set(df["role"])
    assert shell.user_ns["found"] is df


def test_sparql_magic_hostile_value_matches_nothing(shell: InteractiveShell, seeds_ds: Dataset) -> None:
    size = len(seeds_ds)
    shell.user_ns["who"] = 'Trương Thị Mai" || true) } ; DROP ALL #'
    assert shell.run_cell_magic("sparql", "", WHO).empty
    assert len(seeds_ds) == size


def test_sparql_magic_errors_are_one_line(shell: InteractiveShell) -> None:
    with pytest.raises(UsageError, match="no variable 'who'"):
        shell.run_cell_magic("sparql", "ds", WHO)
    with pytest.raises(UsageError, match="no variable 'graph2'"):
        shell.run_cell_magic("sparql", "graph2", "SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(UsageError, match="does not run"):
        shell.run_cell_magic("sparql", "ds", "SELECT WHERE {")


def test_show_article_marks_what_its_facts_name(seeds_build: builder.Build) -> None:
    article = next(a for a in seeds_build.articles if "Trương Thị Mai" in a.clean.text)
    view = builder.show_article(seeds_build, article.id)
    assert view.text == article.clean.text
    marked = {(view.text[s:e], label) for s, e, label in view.spans}
    assert ("Trương Thị Mai", "PERSON") in marked
    assert {"TITLE", "BODY", "DATE"} <= {label for _, label in marked}
    assert all(e <= s2 for (_, e, _), (s2, _, _) in zip(view.spans, view.spans[1:])), "spans overlap"
    page = view._repr_html_()
    assert page.count("<mark") == len(view.spans)
    assert "<th>person</th>" in page and html.escape("Trương Thị Mai") in page


def test_show_article_from_a_loaded_graph_uses_its_sentences(seeds_out: object, seeds_build: builder.Build) -> None:
    article = seeds_build.articles[0]
    view = builder.show_article(seeds_out, article.id)
    for piece in view.text.split("\n…\n"):
        assert piece in article.clean.text
    assert view.spans and all(view.text[s:e] for s, e, _ in view.spans)
    with pytest.raises(builder.QueryError, match="no article"):
        builder.show_article(seeds_out, "no-such-article")
