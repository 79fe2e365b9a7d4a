"""The bundled seed articles: they build, their facts carry evidence, and the build is reproducible."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from helpers import GOLD, ROOT, SEED_FILES
from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from builder.extract import extract
from builder.rdf.serialize import trig
from builder.run.build import OUTPUTS
from builder.text.ingest import read_file
from builder.text.normalize import LOOKALIKES

GOLDEN = ROOT / "tests" / "golden" / "seeds.trig"
FACT_KINDS = ("holds", "events", "terms", "documents")


def _flat(text: str) -> str:
    """Original text with newlines and runs of spaces folded, NFC, look-alike letters mapped."""
    text = "".join(LOOKALIKES.get(c, c) for c in text)
    return " ".join(unicodedata.normalize("NFC", text).split())


def test_there_are_seeds_with_gold():
    assert len(SEED_FILES) >= 5
    for path in SEED_FILES:
        assert (GOLD / f"{path.stem}.json").is_file(), path


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.stem for p in SEED_FILES])
def test_seed_article(path: Path):
    items = list(read_file(path))
    assert len(items) == 1
    [article] = items
    assert not isinstance(article, Exception), article
    assert article.id == path.stem
    assert article.clean.text.strip()

    facts = extract(article)
    gold = json.loads((GOLD / f"{article.id}.json").read_text(encoding="utf-8"))
    found = {"holds": facts.holdings, "events": facts.events, "terms": facts.terms, "documents": facts.documents}
    if any(gold.get(k) for k in FACT_KINDS):
        assert any(found.values()), f"{article.id}: gold has facts, extraction found none"
    for kind in FACT_KINDS:
        if gold.get(kind) and not all(g.get("optional") for g in gold[kind]):
            assert found[kind], f"{article.id}: gold has {kind}, extraction found none"

    n = len(article.clean.text)
    for h in facts.holdings:
        ev = h.evidence
        assert 0 <= ev.start < ev.end <= n
        assert h.person in article.clean.text[ev.start:ev.end]
        s, e = article.clean.original(ev.start, ev.end)
        assert 0 <= s < e <= len(article.raw)
        assert h.person in _flat(article.raw[s:e]), (h.person, article.raw[s:e])

    for fact in [*facts.events, *facts.terms, *facts.documents]:
        ev = fact.evidence
        assert 0 <= ev.start < ev.end <= n
        s, e = article.clean.original(ev.start, ev.end)
        assert 0 <= s < e <= len(article.raw)
        # the quoted sentence survives in the original file
        assert _flat(article.clean.text[ev.start:ev.end]) in _flat(article.raw[s:e])


def test_output_is_byte_identical_across_processes(seeds_out, seeds_process):
    """`kg build` in a child process with its own string-hash seed writes the same bytes as this process."""
    out, proc = seeds_process
    assert proc.returncode == 0, proc.stderr
    for name in OUTPUTS:
        data = (seeds_out / name).read_bytes()
        assert data or name == "problems.jsonl", name  # the seeds have no problems
        assert data == (out / name).read_bytes(), name


def test_trig_is_isomorphic_with_the_turtle_union(seeds_out):
    ds = Dataset()
    ds.parse(seeds_out / "graph.trig", format="trig")
    named = [g for g in ds.graphs() if len(g)]
    assert len(named) == len(SEED_FILES) + 1, "one named graph per article, and the lineage graph"
    union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    turtle = Graph().parse(seeds_out / "graph.ttl", format="turtle")
    assert len(union) > 0
    assert len(union) == len(turtle)
    assert isomorphic(union, turtle)


def _graphs(ds: Dataset) -> dict[str, Graph]:
    out = {}
    for g in ds.graphs():
        if len(g):
            copy = Graph()
            for triple in g:
                copy.add(triple)
            out[str(g.identifier)] = copy
    return out


def test_golden_graph(seeds_build, update_golden):
    """The seeds' graph equals tests/golden/seeds.trig, named graph by named graph, as graphs (isomorphism).

    Regenerate with `pytest --update-golden` after a change meant to alter the graph."""
    if update_golden:
        GOLDEN.write_text(trig(seeds_build.dataset), encoding="utf-8")
    golden = Dataset()
    golden.parse(GOLDEN, format="trig")
    want, got = _graphs(golden), _graphs(seeds_build.dataset)
    assert sorted(got) == sorted(want), "named graphs differ"
    problems = []
    for name in sorted(want):
        if isomorphic(want[name], got[name]):
            continue
        _, only_golden, only_build = graph_diff(to_isomorphic(want[name]), to_isomorphic(got[name]))
        problems.append(f"{name}:\n  only in golden:\n" + "\n".join(f"    {t}" for t in sorted(only_golden))
                        + "\n  only in build:\n" + "\n".join(f"    {t}" for t in sorted(only_build)))
    assert not problems, "\n".join(problems) + "\n(run `pytest --update-golden` if the change is meant)"


def test_graph_ttl_written_in_pieces_is_the_same_file(seeds_build, monkeypatch) -> None:
    """graph.ttl is written in pieces of MERGE_CHUNK lines, cut where a subject ends: the bytes do not
    depend on the piece size."""
    from builder.rdf import serialize as to_rdf

    whole = to_rdf.merged_text(seeds_build.rendered)
    monkeypatch.setattr(to_rdf, "MERGE_CHUNK", 7)
    assert to_rdf.merged_text(seeds_build.rendered) == whole
    people = seeds_build.merged.query("SELECT DISTINCT ?p WHERE { ?p a <https://schema.org/Person> "
                                      "FILTER(STRSTARTS(STR(?p), 'https://w3id.org/dangkg/id/person/')) }")
    assert whole.count("\n<https://w3id.org/dangkg/id/person/") == len(people.rows) >= 4  # one block each
