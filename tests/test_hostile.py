"""Hostile strings: article ids, metadata, names, titles, places and sentences holding IRI-breaking characters
(<>"{}|\\^ and backticks), quotes, newlines, control characters, very long words, and RDF, Turtle and SPARQL
syntax. Whatever of them the builder keeps, the output parses in rdflib, in pyoxigraph (an independent
parser) and in Jena's riot, and conforms; a saved query's parameter is only ever a string.

All text is invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import jena
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

from builder.cli import main
from builder.run.build import build_dataset, write_outputs

NASTY = ['<>"{}|\\^`', "x\" } ; DROP ALL ; #", "'''\"\"\"", "<http://e.example/a> <b> \"c\"@vi .", "@prefix x: <y> .",
         "\\u0022\\n", "a\tb\x0bc\x1fd\x7f", "}}]]>))", "%00%2F", "\ufffd\U0001f600"]
LONG = "Đ" * 5000


def sentences(hostile: str) -> str:
    return "\n\n".join([
        f"Hội nghị cán bộ {hostile}",
        f"Sáng 12/3, tại Hà Nội {hostile}, Ban Tổ chức Trung ương tổ chức Hội nghị tổng kết {hostile} năm 2024.",
        f"Ủy viên Bộ Chính trị, Trưởng ban Tổ chức Trung ương Nguyễn Văn Khánh {hostile} chủ trì hội nghị.",
        f"Bí thư Tỉnh ủy {hostile}Nguyễn Văn \"Tèo\"{hostile} phát biểu; Phó Bí thư Tỉnh ủy Lê {hostile} An dự.",
        f"Hội nghị quán triệt Quy định số 205-QĐ/TW{hostile} ngày 23/9/2019 của Bộ Chính trị {hostile}.",
        f"Đại hội đại biểu Đảng bộ tỉnh {hostile} lần thứ XX, nhiệm kỳ 2025-2030 {LONG}.",
    ])


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    records = [{"id": f"bai {k} {h}", "text": sentences(h), "author": h, "source": h, "url": f"https://x.example/{h}",
                "published": h} for k, h in enumerate(NASTY)]
    (folder / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (folder / "ten <xau> {1}.txt").write_text(sentences(NASTY[0]), encoding="utf-8")
    b = build_dataset([folder / "in.jsonl", folder / "ten <xau> {1}.txt"])
    assert b.errors == [] and len(b.articles) == len(NASTY) + 1
    assert sum("published" in p for p in b.problems if p.kind == "metadata") == len(NASTY)  # none is a date
    assert b.counts["holdings"] > len(NASTY)  # hostile text around the names does not stop extraction
    assert b.conforms, b.validation.how
    write_outputs(b, folder / "out")
    return folder / "out"


def test_the_hostile_strings_reach_the_graph(out):
    text = (out / "graph.trig").read_text(encoding="utf-8")
    assert "DROP ALL" in text and "@prefix x:" in text and LONG in text


@pytest.mark.parametrize("name, fmt", [("graph.trig", "trig"), ("graph.ttl", "turtle")])
def test_rdflib_and_oxigraph_parse_the_same_graph(out, name, fmt):
    data = (out / name).read_bytes()
    mine = len(list(Dataset().parse(data=data, format="trig").quads())) if fmt == "trig" \
        else len(Graph().parse(data=data, format=fmt))
    theirs = list(ox.parse(data, format=ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.TURTLE))
    assert len(theirs) == mine > 0


@pytest.mark.parametrize("name", ["graph.trig", "graph.ttl"])
def test_riot_reads_the_graph_without_warnings(out, name, tmp_path):
    if not jena.available():
        pytest.fail(jena.unavailable_message(), pytrace=False)
    r = jena.run("riotcmd.riot", "--validate", out / name, cache=tmp_path)
    # riot warns of U+FFFD (the mark of a character lost before the build), which the text holds: that only
    warnings = [ln for ln in r.stderr.splitlines() if "Unicode replacement character U+FFFD" not in ln]
    assert r.returncode in (0, 1) and not any("WARN" in ln or "ERROR" in ln for ln in warnings), str(r)


def test_the_written_graph_conforms(out):
    assert main(["validate", str(out), "-q"]) == 0


def test_a_hostile_query_parameter_is_only_a_string(out, capsys):
    before = (out / "graph.trig").read_bytes()
    for value in NASTY[:4]:
        assert main(["query", "person-posts", "--graph", str(out), "--param", f"name={value}", "--format", "json"]) == 0
        assert json.loads(capsys.readouterr().out) == []
    assert (out / "graph.trig").read_bytes() == before
