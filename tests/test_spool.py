"""Spools (builder.run.spool) keep a build's articles, facts and graphs on disk; a build read and extracted in
batches writes what one batch gives, byte for byte, with duplicates, curation and the cache across batches."""

from __future__ import annotations

import csv
import pickle
import shutil
from pathlib import Path

import pytest
from helpers import SEED_FILES

import builder
from builder.run import build as build_module
from builder.run.spool import Spool


def test_a_spool_reads_back_what_was_appended() -> None:
    items = [{"id": k, "text": "Hội nghị " * k} for k in range(50)]
    spool = Spool(items[:10])
    for item in items[10:]:
        spool.append(item)
    assert len(spool) == 50 and list(spool) == items and spool == items
    assert spool[0] == items[0] and spool[-1] == items[-1] and spool[3:6] == items[3:6]
    with pytest.raises(IndexError):
        spool[50]
    assert spool != items[:-1] and spool != [*items[:-1], {"id": 0}]


def test_a_reordered_spool_is_a_read_only_view() -> None:
    spool = Spool(["c", "a", "b"])
    view = spool.reordered([1, 2, 0])
    assert list(view) == ["a", "b", "c"] and list(spool) == ["c", "a", "b"]
    with pytest.raises(TypeError):
        view.append("d")


def test_a_spool_pickles_as_a_list() -> None:
    back = pickle.loads(pickle.dumps(Spool([1, "hai", (3,)])))
    assert type(back) is list and back == [1, "hai", (3,)]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """The seeds and a second copy of one of them (a duplicate article id, in a later batch)."""
    src = tmp_path / "in"
    (src / "b").mkdir(parents=True)
    for f in SEED_FILES:
        shutil.copy(f, src / f.name)
    shutil.copy(SEED_FILES[0], src / "b" / SEED_FILES[0].name)
    return src


def _outputs(b: builder.Build, out: Path) -> dict[str, bytes]:
    builder.write_outputs(b, out)
    return {name: (out / name).read_bytes() for name in builder.OUTPUTS}


def test_batches_give_the_files_of_one_batch(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = builder.build_dataset([corpus])
    assert len(whole.articles) == 5 and [p.kind for p in whole.problems] == ["duplicate"]
    monkeypatch.setattr(build_module, "BATCH", 2)
    batched = builder.build_dataset([corpus])
    assert batched.articles == whole.articles and batched.facts == whole.facts
    assert batched.problems == whole.problems  # the duplicate, batches apart
    assert _outputs(batched, tmp_path / "batched") == _outputs(whole, tmp_path / "whole")


def test_batches_share_the_cache_and_the_curation(corpus: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from builder.use.review import write_review

    whole = builder.build_dataset([corpus])
    review = tmp_path / "review.csv"
    write_review(whole.dataset, review)
    with review.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    first, last = rows[0], rows[-1]
    assert first["fact_id"].split("/")[1] != last["fact_id"].split("/")[1]  # two articles, two batches below
    first["decision"], last["decision"] = "reject", "accept"
    gone = {**first, "fact_id": "holding/khong-co/0"}
    curation = tmp_path / "curation.csv"
    with curation.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(first))
        writer.writeheader()
        writer.writerows([first, last, gone])
    monkeypatch.setattr(build_module, "BATCH", 2)
    store = tmp_path / "cache"
    one = builder.build_dataset([corpus], curation=curation, cache=store)
    again = builder.build_dataset([corpus], curation=curation, cache=store)
    assert one.curated == again.curated == {"reject": 1, "accept": 1}
    assert one.stale == again.stale and len(one.stale) == 1 and "holding/khong-co/0" in one.stale[0]
    assert again.cached == 5
    assert _outputs(again, tmp_path / "again") == _outputs(one, tmp_path / "one")


def test_the_merge_sorted_in_runs_on_disk_is_the_merge_sorted_in_memory(seeds_build: builder.Build,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from builder.rdf import serialize as to_rdf

    graphs = list(seeds_build.graphs)
    whole = b"".join(to_rdf.merged_chunks(graphs))
    lines = list(to_rdf.sorted_lines(graphs))
    assert lines == sorted(set(lines)) and len(lines) > 100
    monkeypatch.setattr(to_rdf, "RUN", 50)  # many runs, each spilled to a file and merged
    monkeypatch.setattr(to_rdf, "MERGE_CHUNK", 40)
    assert list(to_rdf.sorted_lines(graphs)) == lines
    assert b"".join(to_rdf.merged_chunks(graphs)) == whole
