"""The facts cache: a rebuild extracts only changed articles, never serves a stale or broken entry,
and gives the uncached build's files byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import SEED_FILES

import builder
from builder.cli import main
from builder.run import cache as facts_cache


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
    entries = sorted(e for e in store.rglob("*.pickle") if e.parent.name[0] not in "ri")  # facts only
    assert len(entries) == 5 and len(list(store.rglob("*.pickle"))) == 15  # and 5 graphs, 5 input files
    entries[0].write_bytes(entries[0].read_bytes()[:20])  # cut short
    entries[1].write_bytes(b"not a pickle")
    again = builder.build_dataset([corpus], cache=store)
    assert again.cached == 3 and again.errors == []
    assert again.counts == first.counts
    assert builder.build_dataset([corpus], cache=store).cached == 5  # the broken ones were rewritten


def test_unchanged_article_graphs_are_neither_rendered_nor_validated_again(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    first = builder.build_dataset([corpus], cache=store)
    assert (first.validation.articles, first.validation.cached) == (5, 0)
    again = builder.build_dataset([corpus], cache=store)
    assert (again.validation.articles, again.validation.cached, again.validation.others) == (5, 5, 1)
    assert again.conforms and again.validation.report.isomorphic(first.validation.report)
    assert again.rendered == first.rendered


def test_a_graph_whose_shared_values_change_is_rendered_again(tmp_path: Path) -> None:
    """An article's graph reads corpus-wide values (one name per author: the commonest spelling). When other
    articles change that value, the unchanged article's graph is rendered again, not served stale."""
    text = "Sáng 3/4, tại Hà Nội, Ban Bí thư họp. Ông Nguyễn Văn An, Bí thư Tỉnh ủy Nghệ An, phát biểu."

    def line(k: int, author: str) -> str:
        return json.dumps({"id": f"a{k}", "text": text, "author": author}, ensure_ascii=False) + "\n"

    one, three = tmp_path / "one.jsonl", tmp_path / "three.jsonl"
    one.write_text(line(0, "Minh Hòa"), encoding="utf-8")
    three.write_text(line(0, "Minh Hòa") + line(1, "MINH HÒA") + line(2, "MINH HÒA"), encoding="utf-8")
    store = tmp_path / "cache"
    assert "Minh Hòa" in builder.build_dataset([one], cache=store).rendered[0].nt
    again = builder.build_dataset([three], cache=store)
    fresh = builder.build_dataset([three])
    assert again.cached == 1 and again.rendered == fresh.rendered
    assert all('"MINH HÒA"' in r.nt and '"Minh Hòa"' not in r.nt for r in again.rendered)


def test_an_unchanged_file_is_not_read_again_and_a_changed_one_is(corpus: Path, tmp_path: Path) -> None:
    from builder.run.cache import Cache
    from builder.text.ingest import read_articles

    store = Cache(tmp_path / "cache")
    first, _ = read_articles([corpus], store)
    assert store.files == 0
    again, _ = read_articles([corpus], store)
    assert store.files == 5 and [(a.id, a.raw, a.clean.text, a.meta) for a in again] == [
        (a.id, a.raw, a.clean.text, a.meta) for a in first]
    changed = corpus / SEED_FILES[0].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\nChiều 3/4, Ban Bí thư họp.\n", encoding="utf-8")
    third, _ = read_articles([corpus], store)
    assert store.files == 9 and "Ban Bí thư họp" in next(a for a in third if a.path == str(changed)).clean.text


def test_a_graph_the_fast_engine_flagged_is_always_handed_to_pyshacl() -> None:
    """A rendered graph (fresh or from the cache) with the fast engine's results goes to pySHACL for the
    report."""
    from builder.check.shacl import validate_rendered
    from builder.rdf.serialize import Rendered

    iri = "https://w3id.org/dangkg/id/graph/x"
    nt = ("<urn:x:h> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/dangkg/ont#Holding> .\n"
          "<urn:x:h> <https://w3id.org/dangkg/ont#rule> <urn:x:r> .")
    flagged = Rendered.of(iri, nt, "", frozenset({("urn:x:h", None, "x")}))
    for _ in range(2):
        v = validate_rendered([flagged], cached=1)
        assert not v.conforms and v.violations > 0
        assert (v.engine, v.articles, v.flagged, v.cached) == ("fast", 1, 1, 1)
