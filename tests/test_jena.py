"""The built graph, the shapes and the saved queries under Apache Jena, the engine behind Fuseki.

Jena (RIOT, ARQ, SHACL, TDB2) comes from Debian's libapache-jena-java, which
.ci/run installs; see tests/jena.py.  When Jena is missing these tests FAIL
rather than skip, so that CI cannot silently stop checking what Fuseki sees.
"""

from __future__ import annotations

import json
from pathlib import Path

import jena
import pytest
from helpers import ROOT
from rdflib import Graph, Namespace

from builder.check.shacl import results
from builder.use.graphs import load_graph
from builder.use.query import saved

QUERIES = ROOT / "queries"
SHAPES = ROOT / "shapes" / "kg-shapes.ttl"
SHAPE_EXAMPLES = ROOT / "tests" / "shapes"
SH = Namespace("http://www.w3.org/ns/shacl#")
QUERY_NAMES = sorted(p.stem for p in QUERIES.glob("*.rq"))


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    if not jena.available():
        pytest.fail(jena.unavailable_message(), pytrace=False)
    out = tmp_path_factory.mktemp("jena-cache")
    jena.classpath(out)  # prepares the Xerces fix folder once
    return out


@pytest.fixture(scope="module")
def built(seeds_out: Path) -> Path:
    assert (seeds_out / "graph.trig").is_file() and (seeds_out / "graph.ttl").is_file()
    return seeds_out


@pytest.fixture(scope="module")
def tdb(cache: Path, built: Path, tmp_path_factory) -> Path:
    """A TDB2 store (Fuseki's) loaded with graph.trig: one named graph per article."""
    loc = tmp_path_factory.mktemp("tdb2") / "DB"
    r = jena.run("tdb2.tdbloader", "--loc", loc, built / "graph.trig", cache=cache)
    assert r.returncode == 0, str(r)
    assert "WARN" not in r.stderr and "ERROR" not in r.stderr, str(r)
    return loc


def run_json(cache: Path, main_class: str, *args: str | Path) -> dict:
    r = jena.run(main_class, *args, "--results=json", cache=cache)
    assert r.returncode == 0, str(r)
    assert "WARN" not in r.stderr and "ERROR" not in r.stderr, str(r)
    return json.loads(r.stdout)


def tdb_query(cache: Path, loc: Path, query: Path) -> dict:
    return run_json(cache, "tdb2.tdbquery", "--loc", loc, "--set", "tdb:unionDefaultGraph=true", "--query", query)


def rows(result: dict) -> list[dict[str, str]]:
    return [{k: v["value"] for k, v in b.items()} for b in result["results"]["bindings"]]


# (a) RIOT, strict: Fuseki logs the same warnings when it loads the files.
@pytest.mark.parametrize("name", ["graph.trig", "graph.ttl"])
def test_riot_validates_without_warnings(cache: Path, built: Path, name: str) -> None:
    r = jena.run("riotcmd.riot", "--validate", built / name, cache=cache)
    assert r.returncode == 0, str(r)
    assert r.stderr.strip() == "", str(r)


@pytest.fixture(scope="module")
def exports(seeds_ds, tmp_path_factory) -> dict[str, Path]:
    """The seeds' graph in every export format of `kg export`."""
    from builder.use.graphs import EXPORTS, export

    folder = tmp_path_factory.mktemp("exports")
    out = {}
    for fmt, suffix in EXPORTS.items():
        out[fmt] = folder / f"graph{suffix}"
        out[fmt].write_text(export(seeds_ds, fmt), encoding="utf-8")
    return out


@pytest.mark.parametrize("fmt", ["trig", "nquads", "turtle", "jsonld"])
def test_every_export_format_passes_riot_without_warnings(cache: Path, exports: dict[str, Path], fmt: str) -> None:
    syntax = ["--syntax=jsonld10"] if fmt == "jsonld" else []  # see tests/jena.py on Debian's JSON-LD 1.1 reader
    r = jena.run("riotcmd.riot", *syntax, "--validate", exports[fmt], cache=cache)
    assert r.returncode == 0, str(r)
    assert r.stderr.strip() == "", str(r)


def test_exports_hold_the_same_quads(seeds_ds, exports: dict[str, Path]) -> None:
    from rdflib import Dataset

    want = {(s, p, o) for s, p, o, _ in seeds_ds.quads((None, None, None, None))}
    for fmt, path in exports.items():
        got = Dataset()
        got.parse(path, format={"jsonld": "json-ld"}.get(fmt, fmt))
        assert {(s, p, o) for s, p, o, _ in got.quads((None, None, None, None))} == want, fmt
        if fmt != "turtle":
            assert len([g for g in got.graphs() if len(g)]) == 6, fmt  # one named graph per article, and lineage


# (b) TDB2 + ARQ: the unbound ?topic parameter falls back to the COALESCE default.
def test_chairs_of_vetting_in_tdb2(cache: Path, tdb: Path) -> None:
    result = tdb_query(cache, tdb, QUERIES / "chairs-of-vetting.rq")
    assert result["head"]["vars"] == ["chair", "event", "date", "article", "articleId"]
    got = rows(result)
    assert {"chair": "Trương Thị Mai", "articleId": "004_2dd73f4828a733f1"} in [
        {k: r.get(k) for k in ("chair", "articleId")} for r in got], got


# Every saved query, with its parameters unbound, gives in ARQ over TDB2 the rows rdflib gives
# (compared as lexical forms, as multisets).
@pytest.mark.parametrize("name", QUERY_NAMES)
def test_saved_query_same_in_arq_and_rdflib(cache: Path, built: Path, tdb: Path, name: str) -> None:
    result = tdb_query(cache, tdb, QUERIES / f"{name}.rq")
    columns = result["head"]["vars"]
    unbound_first = lambda row: tuple((v is not None, v or "") for v in row)  # noqa: E731
    from_jena = sorted((tuple(b[c]["value"] if c in b else None for c in columns)
                        for b in result["results"]["bindings"]), key=unbound_first)
    ours = load_graph(built).query(saved(name).text)
    assert [str(v) for v in ours.vars or []] == columns
    from_rdflib = sorted((tuple(None if t is None else str(t) for t in row) for row in ours),  # type: ignore[union-attr]
                         key=unbound_first)
    assert from_jena == from_rdflib


# (c) Jena's SHACL on the built graph.
def test_jena_shacl_conforms(cache: Path, built: Path) -> None:
    r = jena.run("shacl.shacl", "validate", "--shapes", SHAPES, "--data", built / "graph.ttl", cache=cache)
    assert r.returncode == 0, str(r)
    report = Graph().parse(data=r.stdout, format="turtle")
    conforms = list(report.objects(None, SH.conforms))
    assert len(conforms) == 1 and conforms[0].toPython() is True, r.stdout


def test_jena_shacl_agrees_with_pyshacl_on_invalid_holdings(cache: Path) -> None:
    expected = json.loads((SHAPE_EXAMPLES / "expected.json").read_text(encoding="utf-8"))
    prefixes = expected["prefixes"]

    def expand(name: str | None) -> str | None:
        if name is None:
            return None
        prefix, _, local = name.partition(":")
        return prefixes[prefix] + local if prefix in prefixes else name

    want = {(expand(f), expand(p), expand(c)) for f, p, c in expected["files"]["invalid-holding.ttl"]}
    r = jena.run("shacl.shacl", "validate", "--shapes", SHAPES, "--data",
                 SHAPE_EXAMPLES / "invalid-holding.ttl", cache=cache)
    assert r.returncode == 0, str(r)
    got = results(Graph().parse(data=r.stdout, format="turtle"))
    assert got == want, f"only Jena: {sorted(got - want)}\nonly pySHACL: {sorted(want - got)}"


# (d) ARQ straight over the TriG file.  Note: arq.sparql --data FILE.trig puts the named graphs
# in the dataset but keeps the (empty) default graph, so queries without GRAPH see nothing there;
# Fuseki/TDB2 need tdb:unionDefaultGraph (as above) to see what rdflib's default_union sees.
def test_arq_runs_post_holders_over_trig(cache: Path, built: Path) -> None:
    result = run_json(cache, "arq.sparql", "--data", built / "graph.trig", "--query", QUERIES / "post-holders.rq")
    assert result["head"]["vars"] == ["reportedFor", "person", "role", "body", "articleId", "sentence"]
    assert isinstance(result["results"]["bindings"], list)


def test_arq_post_holders_over_merged_ttl(cache: Path, built: Path) -> None:
    result = run_json(cache, "arq.sparql", "--data", built / "graph.ttl", "--query", QUERIES / "post-holders.rq")
    got = rows(result)
    assert got, "post-holders found nothing in graph.ttl"
    assert any(r["person"] == "Trương Thị Mai" and r["articleId"] == "004_2dd73f4828a733f1" for r in got), got
