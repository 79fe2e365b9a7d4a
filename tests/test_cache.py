"""The facts cache: a rebuild extracts only changed articles, never serves a stale or broken entry,
and gives the uncached build's files byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import SEED_FILES

import builder
from builder import cache as facts_cache
from builder.cli import main


def build(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["build", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for f in SEED_FILES:
        (src / f.name).write_bytes(f.read_bytes())
    return src


def test_rebuild_extracts_only_what_changed(corpus: Path, tmp_path: Path, seeds_out: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert build(capsys, str(corpus), "-o", str(out))["cached"] == 0
    assert build(capsys, str(corpus), "-o", str(out))["cached"] == 5
    for name in builder.OUTPUTS:
        assert (out / name).read_bytes() == (seeds_out / name).read_bytes(), name
    changed = corpus / SEED_FILES[0].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\nChiều 3/4, Ban Bí thư họp.\n", encoding="utf-8")
    assert build(capsys, str(corpus), "-o", str(out))["cached"] == 4
    uncached = tmp_path / "uncached"
    build(capsys, str(corpus), "-o", str(uncached), "--no-cache")
    assert not (uncached / ".kg-cache").exists()
    for name in builder.OUTPUTS:
        assert (out / name).read_bytes() == (uncached / name).read_bytes(), name


def test_a_changed_builder_never_meets_old_entries(corpus: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "cache"
    builder.build_dataset([corpus], cache=store)
    assert builder.build_dataset([corpus], cache=store).cached == 5
    monkeypatch.setattr(facts_cache, "fingerprint", lambda: "another rule set")
    assert builder.build_dataset([corpus], cache=store).cached == 0


def test_a_broken_entry_is_a_miss_not_an_error(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    first = builder.build_dataset([corpus], cache=store)
    entries = sorted(store.rglob("*.pickle"))
    assert len(entries) == 5
    entries[0].write_bytes(entries[0].read_bytes()[:20])  # cut short
    entries[1].write_bytes(b"not a pickle")
    again = builder.build_dataset([corpus], cache=store)
    assert again.cached == 3 and again.errors == []
    assert again.counts == first.counts
    assert builder.build_dataset([corpus], cache=store).cached == 5  # the broken ones were rewritten


def test_conforming_article_graphs_are_not_validated_again(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    first = builder.build_dataset([corpus], cache=store)
    assert "known to conform" not in first.validation.how
    again = builder.build_dataset([corpus], cache=store)
    assert "(5 known to conform from the cache)" in again.validation.how
    assert again.conforms and again.validation.report.isomorphic(first.validation.report)


def test_a_graph_with_violations_is_always_validated_again(tmp_path: Path) -> None:
    from rdflib import Dataset, Namespace, URIRef

    from builder.cache import Cache
    from builder.validate import validate_dataset

    kg = Namespace("https://w3id.org/dangkg/ont#")
    ds = Dataset()
    ds.graph(URIRef("https://w3id.org/dangkg/id/graph/x")).add((URIRef("urn:x:h"), kg.rule, URIRef("urn:x:r")))
    ds.graph(URIRef("https://w3id.org/dangkg/id/graph/x")).add(
        (URIRef("urn:x:h"), URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), kg.Holding))
    store = Cache(tmp_path / "cache")
    first = validate_dataset(ds, store)
    second = validate_dataset(ds, store)
    assert not first.conforms and second.violations == first.violations > 0
    assert store.verdicts == 0
