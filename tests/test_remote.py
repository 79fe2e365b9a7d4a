"""A real SPARQL 1.1 server: Oxigraph's (`oxigraph serve`, from PyPI) started on 127.0.0.1 by the test.

The seeds' graph is loaded through the Graph Store Protocol (`kg load`), every saved query is run on the
server, and its answers equal the local ones as sets of typed values. Re-loading a changed article replaces
just its graph; a server that is down is one error line and exit code 2.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import ROOT, free_port, start_oxigraph
from rdflib import Dataset, Literal, URIRef

import builder
from builder.cli import main
from builder.use.query import saved, select
from builder.use.remote import Server
from builder.use.remote import select as remote_select

QUERY_NAMES = sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
OXIGRAPH = ("--data-path", "/store", "--query-path", "/query", "--update-path", "/update")


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    port = free_port()
    proc = start_oxigraph(tmp_path_factory.mktemp("oxigraph"), port, "--union-default-graph")
    yield Server(f"http://127.0.0.1:{port}", data_path="/store", query_path="/query", update_path="/update")
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def loaded(oxigraph: Server, seeds_out: Path) -> Server:
    assert main(["load", str(seeds_out), "--endpoint", oxigraph.endpoint, *OXIGRAPH]) == 0
    return oxigraph


def typed(node: object) -> tuple[str, object, str] | None:
    """An RDF term as (type, value, datatype or language): literals by their typed value (0.70 = 0.7)."""
    if node is None:
        return None
    if isinstance(node, URIRef):
        return ("uri", str(node), "")
    assert isinstance(node, Literal)
    return ("literal", node.toPython() if node.datatype else str(node),
            node.language or (str(node.datatype) if node.datatype else ""))


def remote_typed(value: dict[str, str]) -> tuple[str, object, str] | None:
    """A value of the server's SPARQL JSON results, the same way."""
    if value["type"] == "uri":
        return ("uri", value["value"], "")
    dt = value.get("datatype")
    return typed(Literal(value["value"], lang=value.get("xml:lang"), datatype=URIRef(dt) if dt else None))


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_saved_query_answers_the_same_remotely(loaded: Server, seeds_ds: Dataset, name: str) -> None:
    columns, rows = select(name, seeds_ds)
    local = {frozenset((c, typed(r[c])) for c in columns if r[c] is not None) for r in rows}
    r_columns, r_rows = remote_select(loaded, saved(name).text)
    remote = {frozenset((c, remote_typed(r[c])) for c in r_columns if c in r) for r in r_rows}
    assert sorted(r_columns) == sorted(columns)
    assert remote == local, f"only local: {len(local - remote)}, only remote: {len(remote - local)}"


def test_one_named_graph_per_article(loaded: Server, seeds_ds: Dataset) -> None:
    _, rows = remote_select(loaded, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert {r["g"]["value"] for r in rows} == {str(g.identifier) for g in seeds_ds.graphs() if len(g)}


def test_reloading_a_changed_article_replaces_just_its_graph(oxigraph: Server, tmp_path: Path) -> None:
    from helpers import articles, build_to

    src = articles(tmp_path / "in", mot="Bí thư Tỉnh ủy Nghệ An Hồ Văn Lâm phát biểu tại hội nghị.",
                   hai="Chủ tịch UBND tỉnh Hà Tĩnh Đặng Quốc Vinh dự hội nghị.")
    build_to([src], tmp_path / "out")
    server = Server(oxigraph.endpoint, data_path="/store", query_path="/query", update_path="/update")
    builder.load(builder.load_graph(tmp_path / "out"), server)
    (src / "mot.txt").write_text("Bí thư Tỉnh ủy Nghệ An Lưu Văn Tâm phát biểu tại hội nghị.", encoding="utf-8")
    build_to([src], tmp_path / "out2")
    ds = builder.load_graph(tmp_path / "out2")
    one = Dataset()
    for g in ds.graphs():
        if str(g.identifier).endswith("/mot"):
            for triple in g:
                one.graph(g.identifier).add(triple)
    builder.load(one, server)
    ask = 'SELECT ?n WHERE {{ ?p <https://schema.org/name> ?n FILTER(STR(?n) = "{}") }}'
    assert remote_select(server, ask.format("Lưu Văn Tâm"))[1]
    assert not remote_select(server, ask.format("Hồ Văn Lâm"))[1]  # the article's old graph is gone
    assert remote_select(server, ask.format("Đặng Quốc Vinh"))[1]  # the other article's graph is untouched


def test_a_server_that_is_down_is_one_error_line(seeds_out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    port = free_port()
    code = main(["load", str(seeds_out), "--endpoint", f"http://127.0.0.1:{port}", "--retries", "1", *OXIGRAPH])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "cannot reach the server" in err[0]


def test_a_server_that_refuses_is_one_error_line(loaded: Server, seeds_out: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["load", str(seeds_out), "--endpoint", loaded.endpoint, "--data-path", "/no-such-endpoint"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "HTTP 4" in err[0]


def test_fuseki_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from rdflib import Graph, Namespace

    path = tmp_path / "config.ttl"
    assert main(["fuseki-config", "-o", str(path), "--dataset", "tin"]) == 0
    g = Graph().parse(path, format="turtle")
    fuseki = Namespace("http://jena.apache.org/fuseki#")
    tdb2 = Namespace("http://jena.apache.org/2016/tdb#")
    assert (None, fuseki.name, Literal("tin")) in g
    assert (None, tdb2.unionDefaultGraph, Literal(True)) in g
    names = {str(o) for e in g.objects(None, fuseki.endpoint) for o in g.objects(e, fuseki.name)}
    assert names == {"sparql", "query", "update", "data"}
