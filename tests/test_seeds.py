"""The bundled seed articles: they build, their facts carry evidence, and the build is reproducible."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from builder.build import build
from builder.extract import extract
from builder.ingest import read_file
from builder.normalize import LOOKALIKES

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "fixtures" / "gold"
SEED_FILES = sorted(p for p in SEEDS.iterdir() if p.is_file())
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


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[Path, Path]:
    a, b = tmp_path_factory.mktemp("build-a"), tmp_path_factory.mktemp("build-b")
    ra = build([str(SEEDS)], a)
    rb = build([str(SEEDS)], b)
    assert ra.errors == [] and rb.errors == []
    assert len(ra.articles) == len(SEED_FILES)
    return a, b


@pytest.mark.parametrize("name", ["graph.trig", "graph.ttl"])
def test_build_is_byte_identical(two_builds, name):
    a, b = two_builds
    data = (a / name).read_bytes()
    assert data, name
    assert data == (b / name).read_bytes()


@pytest.fixture(scope="module")
def builds_in_two_processes(tmp_path_factory) -> tuple[Path, Path]:
    """`kg build` of the seeds in two processes with different string-hash seeds."""
    outs = []
    for seed in ("1", "2"):
        out = tmp_path_factory.mktemp(f"hashseed-{seed}")
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "builder", "build", str(SEEDS), "-o", str(out)],
                       check=True, capture_output=True, env=env, cwd=ROOT, timeout=600)
        outs.append(out)
    return outs[0], outs[1]


def test_turtle_is_byte_identical_across_processes(builds_in_two_processes):
    a, b = builds_in_two_processes
    assert (a / "graph.ttl").read_bytes() == (b / "graph.ttl").read_bytes()


def test_trig_is_byte_identical_across_processes(builds_in_two_processes):
    a, b = builds_in_two_processes
    assert (a / "graph.trig").read_bytes() == (b / "graph.trig").read_bytes()


def test_trig_is_isomorphic_with_the_turtle_union(two_builds):
    out, _ = two_builds
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    named = [g for g in ds.graphs() if len(g)]
    assert len(named) == len(SEED_FILES), "one named graph per article"
    union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    turtle = Graph().parse(out / "graph.ttl", format="turtle")
    assert len(union) > 0
    assert len(union) == len(turtle)
    assert isomorphic(union, turtle)
