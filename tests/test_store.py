"""Saved queries through Oxigraph (builder.rdf.store) give rdflib's answers, parameters bound safely."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
from helpers import ROOT, kg

import builder
from builder.use import graphs
from builder.use.graphs import GraphError

NAMES = [q.name for q in builder.list_queries()]
HOSTILE = 'Trương Thị Mai" ) } ; DROP ALL # \\" \n <x> ?y'


@pytest.fixture(scope="module")
def both(seeds_out: Path) -> tuple[object, builder.OxigraphGraph]:
    return builder.load_graph(seeds_out), builder.OxigraphGraph.load(seeds_out / "graph.ttl")


def _canonical(value: object) -> str:
    """Oxigraph keeps a decimal in canonical form (0.50 is 0.5): compare decimals by value."""
    try:
        return str(Decimal(str(value)).normalize()) if isinstance(value, str) and "." in value else str(value)
    except InvalidOperation:
        return str(value)


def _sorted(rows: list[dict]) -> list[tuple]:
    return sorted(tuple(sorted((k, _canonical(v)) for k, v in r.items())) for r in rows)


@pytest.mark.parametrize("name", NAMES)
def test_every_saved_query_gives_rdflibs_rows(name: str, both) -> None:
    memory, oxigraph = both
    cols_m, rows_m = builder.run_query(name, memory)
    cols_o, rows_o = builder.run_query(name, oxigraph)
    assert cols_m == cols_o
    assert _sorted(rows_m) == _sorted(rows_o)


def test_seeds_answers_are_not_empty(both) -> None:
    """The comparison above means something: most saved queries have rows on the seeds."""
    _, oxigraph = both
    assert sum(bool(builder.run_query(n, oxigraph, _asked(n))[1]) for n in NAMES) >= len(NAMES) - 3


def _asked(name: str) -> dict[str, str]:
    """The parameters of the first case of the query's expected results that has rows ({} if none)."""
    path = ROOT / "queries" / "expected" / f"{name}.json"
    cases = json.loads(path.read_text(encoding="utf-8"))["cases"] if path.exists() else []
    return next((c["params"] for c in cases if c["rows"]), {})


def test_parameters_are_bound_like_initbindings(both) -> None:
    memory, oxigraph = both
    params = {"roleName": "Trưởng ban", "bodyName": "ban tổ chức trung ương"}
    rows_m = builder.run_query("post-holders", memory, params)[1]
    rows_o = builder.run_query("post-holders", oxigraph, params)[1]
    assert rows_o and _sorted(rows_m) == _sorted(rows_o)
    assert {r["body"] for r in rows_o} == {"Ban Tổ chức Trung ương"}


def test_a_hostile_value_matches_nothing_and_changes_nothing(both) -> None:
    _, oxigraph = both
    before = len(oxigraph)
    assert builder.run_query("post-holders", oxigraph, {"bodyName": HOSTILE})[1] == []
    assert len(oxigraph) == before
    echoed = oxigraph.query("SELECT ?v WHERE { }", {"v": HOSTILE})
    assert [str(r["v"]) for r in echoed] == [HOSTILE]  # one literal, the value itself


def test_typed_frames_are_the_same(both) -> None:
    memory, oxigraph = both
    a = builder.to_frame("post-holders", memory).sort_values(["person", "articleId", "sentence"])
    b = builder.to_frame("post-holders", oxigraph).sort_values(["person", "articleId", "sentence"])
    assert list(a.dtypes) == list(b.dtypes)
    assert a.reset_index(drop=True).equals(b.reset_index(drop=True))
    assert "personLabel" in a.columns or "person" in a.columns


def test_open_graph_picks_the_engine(seeds_out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert not isinstance(builder.open_graph(seeds_out), builder.OxigraphGraph)  # small: rdflib
    assert isinstance(builder.open_graph(seeds_out, "oxigraph"), builder.OxigraphGraph)
    monkeypatch.setattr(graphs, "AUTO_BYTES", 0)
    big = builder.open_graph(seeds_out)
    assert isinstance(big, builder.OxigraphGraph) and len(big) == len(builder.load_graph(seeds_out / "graph.ttl"))
    with pytest.raises(GraphError, match="unknown query engine"):
        builder.open_graph(seeds_out, "sparkle")


def test_a_broken_file_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "graph.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(GraphError) as err:
        builder.OxigraphGraph.load(bad)
    assert str(bad) in str(err.value) and "\n" not in str(err.value)


def test_kg_query_engines_print_the_same(seeds_out: Path) -> None:
    args = ["query", "post-holders", "--graph", str(seeds_out), "--format", "csv", "--param", "roleName=Trưởng ban"]
    memory = kg(*args, "--engine", "rdflib")
    oxigraph = kg(*args, "--engine", "oxigraph")
    assert memory.returncode == oxigraph.returncode == 0, memory.stderr + oxigraph.stderr
    lines_m, lines_o = memory.stdout.splitlines(), oxigraph.stdout.splitlines()
    assert len(lines_m) > 1 and lines_m[0] == lines_o[0] and sorted(lines_m) == sorted(lines_o)
