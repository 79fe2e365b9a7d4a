"""The `kg` command: exit codes, messages and outputs.

Most tests call `builder.cli.main()` in this process (the models load once); the ones
about what a shell sees (exit status, stderr of a whole run) start `python -m builder`.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from helpers import GOLD, ROOT, SEEDS, kg
from rdflib import Graph, Namespace

from builder.cli import main, parser

ORG = Namespace("http://www.w3.org/ns/org#")
KG = Namespace("https://w3id.org/dangkg/ont#")

GOOD_ARTICLE = (
    "Sáng 12/3, tại Hà Nội, Ban Tổ chức Trung ương tổ chức Hội nghị tổng kết công tác cán bộ năm 2024.\n\n"
    "Ủy viên Bộ Chính trị, Trưởng ban Tổ chức Trung ương Nguyễn Văn Khánh chủ trì hội nghị.\n"
)


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> subprocess.CompletedProcess[str]:
    """`kg ARGS` run in this process: exit code, stdout and stderr."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(list(args), code, out, err)


@pytest.fixture(scope="module")
def kg_build(seeds_process) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """`kg build` with no arguments (the seeds) in a child process."""
    return seeds_process


@pytest.fixture(scope="module")
def mixed_build(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    base = tmp_path_factory.mktemp("mixed")
    src = base / "in"
    src.mkdir()
    (src / "bai-tot.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (src / "hong.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    out = base / "out"
    return out, kg("build", str(src), "-o", str(out))


def test_build_seeds(kg_build):
    out, proc = kg_build
    assert proc.returncode == 0, proc.stderr
    assert "Trương Thị Mai" in proc.stdout.split("Example question")[1]  # the example answer
    assert re.search(r"^articles: 5\b", proc.stdout, re.M), proc.stdout
    assert "conforms" in proc.stdout
    for name in ("graph.trig", "graph.ttl", "report.ttl", "conflicts.csv"):
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    assert re.search(r"^conflicts: 0\b", proc.stdout, re.M), proc.stdout
    assert "error" not in proc.stderr.lower()


def test_build_with_a_bad_file(mixed_build):
    out, proc = mixed_build
    assert proc.returncode == 0, proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if "hong.txt" in ln]
    assert len(lines) == 1, proc.stderr
    assert "error" in lines[0].lower()
    assert "bai-tot" not in proc.stderr
    assert re.search(r"^articles: 1\b", proc.stdout, re.M), proc.stdout
    g = Graph().parse(out / "graph.ttl")
    names = {str(o) for o in g.objects(None, Namespace("https://schema.org/").name)}
    assert "Nguyễn Văn Khánh" in names
    assert any(g.subjects(None, KG.Holding))


def test_build_with_only_bad_files(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "rong.txt").write_bytes(b"")
    (src / "nul.txt").write_bytes(b"a\x00b")
    proc = cli(capsys, "build", str(src), "-o", str(tmp_path / "out"))
    assert proc.returncode == 2
    assert "rong.txt" in proc.stderr and "nul.txt" in proc.stderr


def test_build_of_a_missing_path(tmp_path, capsys):
    proc = cli(capsys, "build", str(tmp_path / "khong-co"), "-o", str(tmp_path / "out"))
    assert proc.returncode == 2
    assert "khong-co" in proc.stderr


def test_validate_the_build(kg_build, capsys):
    out, _ = kg_build
    proc = cli(capsys, "validate", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "conforms" in proc.stdout
    proc = cli(capsys, "validate", str(out / "graph.ttl"))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_validate_a_holding_without_member(kg_build, tmp_path, capsys):
    out, _ = kg_build
    g = Graph().parse(out / "graph.ttl")
    holdings = list(g.subjects(None, KG.Holding))
    assert holdings
    victim = sorted(holdings)[0]
    removed = list(g.triples((victim, ORG.member, None)))
    assert removed
    for t in removed:
        g.remove(t)
    bad = tmp_path / "thieu-member.ttl"
    bad.write_text(g.serialize(format="turtle"), encoding="utf-8")
    proc = cli(capsys, "validate", str(bad))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "violation" in proc.stdout
    assert "member" in proc.stdout


def test_validate_a_missing_file(tmp_path, capsys):
    proc = cli(capsys, "validate", str(tmp_path / "khong-co.ttl"))
    assert proc.returncode == 2
    assert "khong-co.ttl" in proc.stderr


def test_validate_a_garbage_file(tmp_path, capsys):
    bad = tmp_path / "rac.ttl"
    bad.write_text("đây không phải Turtle <<< ; .\n", encoding="utf-8")
    proc = cli(capsys, "validate", str(bad))
    assert proc.returncode == 2
    assert "rac.ttl" in proc.stderr


def test_queries_lists_the_saved_queries(capsys):
    proc = cli(capsys, "queries")
    assert proc.returncode == 0
    assert re.search(r"^chairs-of-vetting\s", proc.stdout, re.M)
    for path in (ROOT / "queries").glob("*.rq"):
        assert path.stem in proc.stdout


def test_query_json(kg_build, capsys):
    out, _ = kg_build
    proc = cli(capsys, "query", "chairs-of-vetting", "--graph", str(out), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert isinstance(rows, list)
    assert any(r["chair"] == "Trương Thị Mai" and r["articleId"] == "004_2dd73f4828a733f1" for r in rows)


def test_query_csv(kg_build, capsys):
    out, _ = kg_build
    proc = cli(capsys, "query", "chairs-of-vetting", "--graph", str(out), "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.reader(io.StringIO(proc.stdout)))
    assert rows[0][:1] == ["chair"]
    assert "articleId" in rows[0]
    assert any("Trương Thị Mai" in r for r in rows[1:])


def test_query_with_param(kg_build, capsys):
    out, _ = kg_build
    proc = cli(capsys, "query", "person-posts", "--graph", str(out), "--param", "name=Lê Minh Hưng", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert {(r["role"], r["body"]) for r in rows} >= {("Trưởng ban", "Ban Tổ chức Trung ương")}


def test_unknown_query(kg_build, capsys):
    out, _ = kg_build
    proc = cli(capsys, "query", "khong-co-truy-van", "--graph", str(out))
    assert proc.returncode == 2
    assert "khong-co-truy-van" in proc.stderr


def test_query_without_a_graph(tmp_path, capsys):
    proc = cli(capsys, "query", "chairs-of-vetting", "--graph", str(tmp_path / "khong-co"))
    assert proc.returncode == 2
    assert proc.stderr.strip()


def test_facts(kg_build, capsys):
    out, _ = kg_build
    proc = cli(capsys, "facts", str(out))
    assert proc.returncode == 0, proc.stderr
    records = json.loads(proc.stdout)
    assert isinstance(records, list) and len(records) == 5
    for r in records:
        assert {"id", "article", "holds", "events", "terms", "documents"} <= set(r)
    assert [r["id"] for r in records] == sorted(p.stem for p in SEEDS.iterdir() if p.is_file())


def test_facts_published_is_iso_like_the_gold(kg_build, capsys):
    out, _ = kg_build
    records = {r["id"]: r for r in json.loads(cli(capsys, "facts", str(out)).stdout)}
    for aid in ("000_d232c527bacec572", "002_e38ffd22d5a32227"):
        gold = json.loads((GOLD / f"{aid}.json").read_text(encoding="utf-8"))["article"]["published"]
        assert records[aid]["article"]["published"].startswith(gold)


def test_review(kg_build, tmp_path, capsys):
    out, _ = kg_build
    path = tmp_path / "review.csv"
    proc = cli(capsys, "review", str(out), "-o", str(path))
    assert proc.returncode == 0, proc.stderr
    assert str(path) in proc.stdout
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows and list(rows[0])[:4] == ["fact_id", "kind", "article", "confidence"]
    assert list(rows[0])[-2:] == ["decision", "note"]
    g = Graph().parse(out / "graph.ttl")
    assert sorted(r["fact_id"] for r in rows) == sorted(str(o) for o in g.objects(None, KG.factId))


def test_review_without_a_graph(tmp_path, capsys):
    proc = cli(capsys, "review", str(tmp_path / "khong-co"), "-o", str(tmp_path / "review.csv"))
    assert proc.returncode == 2
    assert "khong-co" in proc.stderr
    assert not (tmp_path / "review.csv").exists()


def test_build_with_a_bad_curation_file(tmp_path, capsys):
    bad = tmp_path / "duyet.csv"
    bad.write_text("fact_id,kind\nholding/a/0123,holding\n", encoding="utf-8")
    proc = cli(capsys, "build", str(SEEDS), "-o", str(tmp_path / "out"), "--curation", str(bad))
    assert proc.returncode == 2
    [line] = proc.stderr.strip().splitlines()
    assert "duyet.csv" in line and "line 1" in line and "missing columns" in line


def test_conflicts_on_the_seeds(kg_build, capsys):
    out, _ = kg_build
    proc = cli(capsys, "conflicts", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split()[:3] == ["kind", "role", "body"]
    assert "(0 rows)" in proc.stdout
    assert (out / "conflicts.csv").read_text(encoding="utf-8").count("\n") == 1  # the header only


def test_eval(tmp_path, capsys):
    proc = cli(capsys, "eval", "--gold", str(GOLD), str(SEEDS))
    assert proc.returncode == 0, proc.stderr
    m = re.search(r"^overall\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", proc.stdout, re.M)
    assert m, proc.stdout
    assert float(m.group(3)) >= 0.85, proc.stdout


def test_eval_without_gold(tmp_path, capsys):
    proc = cli(capsys, "eval", "--gold", str(tmp_path), str(SEEDS))
    assert proc.returncode == 2


GARBAGE = "đây không phải Turtle <<< ; .\n"


@pytest.mark.parametrize("command", [["query", "chairs-of-vetting", "--graph"], ["facts"], ["review"], ["conflicts"],
                                     ["validate"]])
def test_every_command_refuses_a_garbage_graph_with_one_line(tmp_path, capsys, command):
    bad = tmp_path / "rac.ttl"
    bad.write_text(GARBAGE, encoding="utf-8")
    args = [*command, str(bad)] + (["-o", str(tmp_path / "review.csv")] if command == ["review"] else [])
    proc = cli(capsys, *args)
    assert proc.returncode == 2
    [line] = proc.stderr.strip().splitlines()
    assert line.startswith("error: ") and "rac.ttl" in line
    assert proc.stdout == ""


def test_query_of_a_garbage_graph_in_a_shell(tmp_path):
    bad = tmp_path / "rac.ttl"
    bad.write_text(GARBAGE, encoding="utf-8")
    proc = kg("query", "chairs-of-vetting", "--graph", str(bad))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "rac.ttl" in proc.stderr


def _readme_commands() -> dict[str, str]:
    """`kg NAME …` usage cells of the command table of docs/cli.md, by command name."""
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    table = text.split("# Commands", 1)[1].split("\n\n", 2)[1]
    cells = re.findall(r"^\| `kg (\w[\w-]*)([^`]*)` \|", table, re.M)
    return {name: usage for name, usage in cells}


def test_the_command_table_matches_kg_help():
    """Every subcommand of `kg --help` has a row in docs/cli.md naming each of its options, and no row is extra."""
    import argparse

    sub = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    readme = _readme_commands()
    assert sorted(readme) == sorted(sub.choices)
    for name, p in sub.choices.items():
        written = set(re.findall(r"(?<![\w-])--?\w[\w-]*", readme[name]))
        options = [a.option_strings for a in p._actions if a.option_strings and a.dest != "help"]
        missing = [o[-1] for o in options if not written & set(o)]
        assert not missing, f"docs/cli.md row of `kg {name}` lacks {missing}"
        extra = written - {s for o in options for s in o}
        assert not extra, f"docs/cli.md row of `kg {name}` names {sorted(extra)}, not in `kg {name} --help`"


@pytest.mark.parametrize("fmt", ["trig", "nquads", "turtle", "jsonld"])
def test_export(seeds_out, tmp_path, capsys, fmt):
    from rdflib import Dataset

    path = tmp_path / f"graph.{fmt}"
    proc = cli(capsys, "export", str(seeds_out), "--format", fmt, "-o", str(path))
    assert proc.returncode == 0, proc.stderr
    ds = Dataset()
    ds.parse(path, format={"jsonld": "json-ld"}.get(fmt, fmt))
    assert len(ds) > 500
    again = cli(capsys, "export", str(seeds_out), "--format", fmt)
    assert again.stdout == path.read_text(encoding="utf-8")  # to standard output, the same text
