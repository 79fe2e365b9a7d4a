"""Stable fact ids, `kg review`, `kg build --curation` and the conflicts report, on real builds.

The articles are short Vietnamese texts written for these tests (tmp files), one
fact of every kind among them; nothing is mocked.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from helpers import articles, build_to
from rdflib import Dataset, Literal

from builder.cli import main
from builder.extract.curation import CurationError, load
from builder.namespace import KG
from builder.rdf.render import to_dataset
from builder.run.build import extract_all
from builder.text.ingest import read_articles
from builder.use.graphs import load_graph
from builder.use.review import COLUMNS, review_rows, write_review

NGHE_AN = "\n\n".join([
    "Nghệ An tổng kết công tác xây dựng Đảng năm 2024",
    "Sáng 20/12/2024, tại thành phố Vinh, Ban Thường vụ Tỉnh ủy Nghệ An tổ chức Hội nghị tổng kết công tác"
    " xây dựng Đảng năm 2024.",
    "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Nghệ An Nguyễn Đức Trung chủ trì hội nghị."
    " Dự hội nghị có Phó Bí thư Thường trực Tỉnh ủy Nghệ An Hoàng Nghĩa Hiếu.",
    "Hội nghị quán triệt Quy định số 205-QĐ/TW ngày 23/9/2019 của Bộ Chính trị và bàn việc chuẩn bị"
    " Đại hội đại biểu Đảng bộ tỉnh Nghệ An lần thứ XX, nhiệm kỳ 2025-2030.\n",
])
HA_TINH = "\n\n".join([
    "Hà Tĩnh sơ kết công tác cán bộ",
    "Chiều 18/11/2024, tại thành phố Hà Tĩnh, Tỉnh ủy Hà Tĩnh tổ chức Hội nghị sơ kết công tác cán bộ.",
    "Bí thư Tỉnh ủy Hà Tĩnh Nguyễn Duy Lâm chủ trì hội nghị.\n",
])
# two gatherings in one article
THANH_HOA = "\n\n".join([
    "Thanh Hóa: hội nghị và buổi làm việc về công tác tổ chức",
    "Sáng 5/3/2025, tại thành phố Thanh Hóa, Ban Tổ chức Tỉnh ủy Thanh Hóa tổ chức Hội nghị triển khai"
    " nhiệm vụ công tác tổ chức xây dựng Đảng năm 2025.",
    "Chiều 6/3/2025, Ban Thường vụ Tỉnh ủy Thanh Hóa có buổi làm việc với Đảng ủy Khối các cơ quan tỉnh"
    " về công tác cán bộ.\n",
])
# the same day as NGHE_AN, another holder of the same single-holder post
NGHE_AN_OTHER = "\n\n".join([
    "Hội nghị Ban Chấp hành Đảng bộ tỉnh Nghệ An",
    "Chiều 20/12/2024, tại thành phố Vinh, Tỉnh ủy Nghệ An tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh"
    " lần thứ 30.",
    "Bí thư Tỉnh ủy Nghệ An Thái Thanh Quý phát biểu kết luận hội nghị.\n",
])
KINDS = {"holding", "event", "termmention", "citation"}


def fact_ids(ds: Dataset) -> set[str]:
    return {str(o) for o in ds.objects(None, KG.factId)}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]) if rows else list(COLUMNS))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """Both articles built once: (input folder, build folder)."""
    base = tmp_path_factory.mktemp("curation")
    src = articles(base / "in", nghe_an=NGHE_AN, ha_tinh=HA_TINH, thanh_hoa=THANH_HOA)
    result = build_to([str(src)], base / "out")
    assert result.errors == [] and result.conforms
    return src, base / "out"


@pytest.fixture(scope="module")
def review(built) -> list[dict[str, str]]:
    _, out = built
    path = out.parent / "review.csv"
    assert main(["review", str(out), "-o", str(path)]) == 0
    return read_csv(path)


# ---------------------------------------------------------------- stable ids


def test_every_fact_has_a_fact_id_its_iri_is_made_of(built):
    _, out = built
    ds = load_graph(out)
    ids = fact_ids(ds)
    assert {i.split("/")[0] for i in ids} == KINDS
    for fid in ids:
        [node] = ds.subjects(KG.factId, Literal(fid))
        assert str(node).endswith("/" + fid)
        assert list(ds.objects(node, KG.evidence))


def test_a_rebuild_gives_the_same_ids(built, tmp_path):
    src, out = built
    build_to([str(src)], tmp_path / "again")
    assert fact_ids(load_graph(tmp_path / "again")) == fact_ids(load_graph(out))


def test_ids_do_not_depend_on_the_other_articles(built, tmp_path):
    _, out = built
    alone = build_to([str(articles(tmp_path / "in", nghe_an=NGHE_AN))], tmp_path / "out")
    assert alone.conforms
    together = {i for i in fact_ids(load_graph(out)) if "/nghe-an/" in i}
    assert fact_ids(load_graph(tmp_path / "out")) == together


def test_ids_do_not_depend_on_the_order_or_presence_of_other_facts(built):
    src, out = built
    ids = fact_ids(load_graph(out))
    assert len([i for i in ids if i.startswith("event/thanh-hoa/")]) == 2
    items, errors = extract_all(read_articles([src])[0])
    assert errors == []
    items = items[::-1]
    for _, facts in items:
        for name in ("holdings", "events", "terms", "documents"):
            getattr(facts, name).reverse()
    assert fact_ids(to_dataset(items)) == ids
    for _, facts in items:
        for name in ("holdings", "events", "terms", "documents"):
            del getattr(facts, name)[:1]
    fewer = fact_ids(to_dataset(items))
    assert fewer < ids
    assert len([i for i in fewer if i.startswith("event/thanh-hoa/")]) == 1


# ---------------------------------------------------------------- review


def test_review_has_the_columns_in_order_and_one_row_per_fact(built, review):
    _, out = built
    assert list(review[0]) == list(COLUMNS)
    assert sorted(r["fact_id"] for r in review) == sorted(fact_ids(load_graph(out)))
    assert {r["kind"] for r in review} == KINDS
    assert all(r["decision"] == "" and r["note"] == "" for r in review)
    assert all(r["rule"] and r["sentence"] and re.fullmatch(r"[01]\.\d\d", r["confidence"]) for r in review)


def test_review_is_least_sure_first(review):
    keys = [(float(r["confidence"]), r["fact_id"]) for r in review]
    assert keys == sorted(keys)
    assert float(review[0]["confidence"]) < float(review[-1]["confidence"])


def test_review_rows_carry_the_facts(review):
    trung = [r for r in review if r["person"] == "Nguyễn Đức Trung"]
    assert ("Bí thư", "Tỉnh ủy Nghệ An") in {(r["role"], r["body"]) for r in trung}
    [event] = [r for r in review if r["kind"] == "event" and r["article"] == "nghe-an"]
    assert (event["event_kind"], event["date"]) == ("hội nghị", "2024-12-20")
    assert "Nguyễn Đức Trung" in event["chair"].split("; ")
    [term] = [r for r in review if r["kind"] == "termmention"]
    assert term["term"] == "2025-2030"
    [citation] = [r for r in review if r["kind"] == "citation"]
    assert (citation["document_kind"], citation["document"], citation["date"]) == (
        "Quy định", "205-QĐ/TW", "2019-09-23")


def test_review_is_deterministic(built, tmp_path):
    _, out = built
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    write_review(load_graph(out), a)
    write_review(load_graph(out), b)
    assert a.read_bytes() == b.read_bytes()


def test_review_does_not_overwrite_decisions(built, review, tmp_path, capsys):
    _, out = built
    path = write_csv(tmp_path / "reviewed.csv", [dict(review[0], decision="accept"), *review[1:]])
    before = path.read_bytes()
    assert main(["review", str(out), "-o", str(path)]) == 2
    assert "reviewed.csv" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert main(["review", str(out), "-o", str(path), "--force"]) == 0
    assert all(r["decision"] == "" for r in read_csv(path))


# ---------------------------------------------------------------- curation


def _decide(review: list[dict[str, str]]) -> tuple[list[dict[str, str]], dict[str, str]]:
    """A reviewed copy: reject the Ủy viên holding, accept the term, correct the Hà Tĩnh event and a citation."""
    rows = [dict(r) for r in review]
    ids: dict[str, str] = {}
    for r in rows:
        if r["kind"] == "holding" and r["role"] == "Ủy viên":
            r["decision"], ids["reject"] = "reject", r["fact_id"]
        elif r["kind"] == "termmention":
            r["decision"], ids["accept"] = "ACCEPT ", r["fact_id"]
        elif r["kind"] == "event" and r["article"] == "ha-tinh":
            r.update(decision="correct", date="2024-11-19", participants="Trần Thế Dũng; Hoàng Trung Dũng")
            ids["event"] = r["fact_id"]
        elif r["kind"] == "citation":
            r.update(decision="correct", issuer="Ban Chấp hành Trung ương", note="ban hành bởi Trung ương?")
            ids["citation"] = r["fact_id"]
        elif r["kind"] == "holding" and r["person"] == "Nguyễn Duy Lâm":
            r.update(decision="correct", person="Nguyễn Duy Lâm Tùng", title_as_written="Bí thư Tỉnh ủy")
            ids["holding"] = r["fact_id"]
    assert len(ids) == 5
    return rows, ids


@pytest.fixture(scope="module")
def curated(built, review, tmp_path_factory) -> tuple[Path, Path, Path, dict[str, str]]:
    """Two builds with one curation file: (curation file, first build, second build, ids by decision)."""
    src, _ = built
    base = tmp_path_factory.mktemp("curated")
    rows, ids = _decide(review)
    path = write_csv(base / "curation.csv", rows)
    outs = []
    for n in (1, 2):
        result = build_to([str(src)], base / f"out{n}", curation=path)
        assert result.conforms and result.stale == []
        assert result.curated == {"accept": 1, "reject": 1, "correct": 3}
        outs.append(base / f"out{n}")
    return path, outs[0], outs[1], ids


def test_curation_is_applied(curated):
    _, out, _, ids = curated
    rows = {r["fact_id"]: r for r in review_rows(load_graph(out))}
    assert ids["reject"] not in rows
    for key in ("accept", "event", "citation", "holding"):
        assert rows[ids[key]]["confidence"] == "1.00", key
    assert "curation-accept" in rows[ids["accept"]]["rule"].split("; ")
    assert "term-nhiem-ky" in rows[ids["accept"]]["rule"].split("; ")
    event = rows[ids["event"]]
    assert "curation-correct" in event["rule"].split("; ")
    assert event["date"] == "2024-11-19"
    assert set(event["participants"].split("; ")) == {"Trần Thế Dũng", "Hoàng Trung Dũng"}
    assert rows[ids["citation"]]["issuer"] == "Ban Chấp hành Trung ương"
    assert (rows[ids["holding"]]["person"], rows[ids["holding"]]["title_as_written"]) == (
        "Nguyễn Duy Lâm Tùng", "Bí thư Tỉnh ủy")


def test_curation_survives_a_rebuild(curated):
    _, first, second, _ = curated
    for name in ("graph.trig", "graph.ttl", "conflicts.csv"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_a_curated_review_keeps_the_ids_and_curates_again(curated, tmp_path):
    """Corrected facts keep their ids, so a review of the curated graph is a curation file for the same facts."""
    path, out, _, ids = curated
    again = review_rows(load_graph(out))
    assert {ids[k] for k in ("accept", "event", "citation", "holding")} <= {r["fact_id"] for r in again}
    decided = {d.fact_id for d in load(path).values()}
    assert decided - {r["fact_id"] for r in again} == {ids["reject"]}


def test_stale_entries_are_reported_and_do_not_fail(built, review, tmp_path, capsys):
    src, _ = built
    gone = "holding/bai-da-xoa/0123456789ab"
    rows = [dict(review[0], decision="accept"), dict(review[0], fact_id=gone, decision="reject")]
    path = write_csv(tmp_path / "curation.csv", rows)
    assert main(["build", str(src), "-o", str(tmp_path / "out"), "--curation", str(path)]) == 0
    captured = capsys.readouterr()
    stale = [ln for ln in captured.err.splitlines() if "stale curation entry" in ln]
    assert len(stale) == 1 and gone in stale[0] and "line 3" in stale[0]
    assert "curation: 1 accepted, 0 rejected, 0 corrected, 1 stale" in captured.out


def _bad(review: list[dict[str, str]], **change: str) -> list[dict[str, str]]:
    return [dict(review[0], **change), *review[1:]]


@pytest.mark.parametrize("change, message", [
    ({"decision": "đồng ý"}, r"line 2: unknown decision 'đồng ý'"),
    ({"decision": "reject", "fact_id": "khong-phai-ma"}, r"line 2: 'khong-phai-ma' is not a fact id"),
    ({"decision": "correct", "date": "20/12/2024", "event_kind": "hội nghị", "fact_id": "event/a/0123"},
     r"line 2: date '20/12/2024'"),
    ({"decision": "correct", "term": "2030-2025", "body": "Đại hội", "fact_id": "termmention/a/0123"},
     r"line 2: term '2030-2025'"),
    ({"decision": "correct", "person": "", "fact_id": "holding/a/0123"}, r"line 2: a corrected holding needs person"),
])
def test_a_bad_decision_is_an_error_naming_file_and_line(review, tmp_path, capsys, change, message):
    path = write_csv(tmp_path / "hong.csv", _bad(review, **change))
    with pytest.raises(CurationError, match=message):
        load(path)
    assert main(["build", str(tmp_path / "khong-can"), "-o", str(tmp_path / "out"), "--curation", str(path)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert "hong.csv" in line and re.search(message, line)
    assert not (tmp_path / "out").exists()


def test_a_decision_given_twice_is_an_error(review, tmp_path):
    path = write_csv(tmp_path / "hai-lan.csv", [dict(review[0], decision="accept"), dict(review[0], decision="reject")])
    with pytest.raises(CurationError, match=r"hai-lan.csv: line 3: .* already has a decision on line 2"):
        load(path)


def test_missing_columns_are_an_error(tmp_path, capsys):
    path = tmp_path / "thieu-cot.csv"
    path.write_text("fact_id,decision\nholding/a/0123,reject\n", encoding="utf-8")
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "out"), "--curation", str(path)]) == 2
    err = capsys.readouterr().err
    assert "thieu-cot.csv: line 1: missing columns:" in err and "person" in err


def test_a_missing_curation_file_is_an_error(tmp_path, capsys):
    missing = tmp_path / "khong-co.csv"
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "out"), "--curation", str(missing)]) == 2
    assert "khong-co.csv" in capsys.readouterr().err


def test_rows_without_a_decision_change_nothing(built, review, tmp_path):
    src, out = built
    path = write_csv(tmp_path / "chua-duyet.csv", review)
    result = build_to([str(src)], tmp_path / "out", curation=path)
    assert result.curated == {} and result.stale == []
    assert (tmp_path / "out" / "graph.trig").read_bytes() == (out / "graph.trig").read_bytes()


# ---------------------------------------------------------------- conflicts


@pytest.fixture(scope="module")
def conflicting(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("conflicts")
    src = articles(base / "in", nghe_an=NGHE_AN, nghe_an_khac=NGHE_AN_OTHER)
    assert len(build_to([str(src)], base / "out").conflicts) == 1
    return src, base / "out"


def test_conflicts_report(conflicting, tmp_path, capsys):
    src, _ = conflicting
    out = tmp_path / "out"
    assert main(["build", str(src), "-o", str(out)]) == 0
    assert re.search(r"^conflicts: 1\b", capsys.readouterr().out, re.M)
    [row] = read_csv(out / "conflicts.csv")
    assert (row["role"], row["body"], row["date"]) == ("Bí thư", "Tỉnh ủy Nghệ An", "2024-12-20")
    assert (row["person"], row["personArticle"]) == ("Nguyễn Đức Trung", "nghe-an")
    assert (row["other"], row["otherArticle"]) == ("Thái Thanh Quý", "nghe-an-khac")
    assert "Nguyễn Đức Trung" in row["personSentence"] and "Thái Thanh Quý" in row["otherSentence"]
    assert row["personFact"].startswith("holding/nghe-an/") and row["otherFact"].startswith("holding/nghe-an-khac/")

    assert main(["conflicts", str(out)]) == 0
    table = capsys.readouterr().out
    assert "Thái Thanh Quý" in table and "(1 rows)" in table


def test_rejecting_one_holder_ends_the_conflict(conflicting, tmp_path, capsys):
    src, out = conflicting
    [row] = read_csv(out / "conflicts.csv")
    review = tmp_path / "review.csv"
    write_review(load_graph(out), review)
    rows = [dict(r, decision="reject" if r["fact_id"] == row["otherFact"] else "") for r in read_csv(review)]
    result = build_to([str(src)], tmp_path / "out", curation=write_csv(tmp_path / "curation.csv", rows))
    assert result.curated == {"reject": 1} and result.conflicts == []
    assert read_csv(tmp_path / "out" / "conflicts.csv") == []


def test_grouped_conflicts_equal_the_saved_query(conflicting):
    """kg build's linear grouping and the saved SPARQL query give the same rows."""
    from builder.check.conflicts import conflicts
    from builder.use.query import run

    _, out = conflicting
    ds = load_graph(out)
    columns, rows = conflicts(ds)
    q_columns, q_rows = run("holding-conflicts-violation", ds)
    assert columns == ["kind", *q_columns]
    assert [{k: v for k, v in r.items() if k != "kind"} for r in rows if r["kind"] == "same-day"] == q_rows
    assert len(q_rows) == 1


def test_the_saved_query_gives_the_grouped_conflicts_of_several_holders(tmp_path):
    """Three holders of one single-holder post on one day (one named in two sentences), and a fourth
    reported leaving it: the saved query (rdflib's and Oxigraph's) gives kg build's same-day rows."""
    from builder.check.conflicts import conflicts
    from builder.rdf.store import OxigraphGraph
    from builder.use.query import run

    third = NGHE_AN_OTHER.replace("Thái Thanh Quý", "Lê Hồng Vinh") + (
        "\nBí thư Tỉnh ủy Nghệ An Lê Hồng Vinh cũng dự lễ khánh thành.\n")
    leaving = NGHE_AN_OTHER.replace("Bí thư Tỉnh ủy Nghệ An Thái Thanh Quý phát biểu kết luận hội nghị.",
                                    "Ông Phan Văn Minh thôi giữ chức Bí thư Tỉnh ủy Nghệ An.")
    src = articles(tmp_path / "in", nghe_an=NGHE_AN, nghe_an_khac=NGHE_AN_OTHER, nghe_an_ba=third,
                   nghe_an_bon=leaving)
    out = tmp_path / "out"
    b = build_to([str(src)], out)
    same_day = [{k: v for k, v in r.items() if k != "kind"} for r in b.conflicts if r["kind"] == "same-day"]
    assert len(same_day) == 3 and not any("Phan Văn Minh" in (r["person"], r["other"]) for r in same_day)
    for graph in (load_graph(out), OxigraphGraph.load(out / "graph.ttl")):
        assert run("holding-conflicts-violation", graph)[1] == same_day
        assert [{k: v for k, v in r.items() if k != "kind"} for r in conflicts(graph)[1]
                if r["kind"] == "same-day"] == same_day


def test_curated_facts_are_drafted_in_the_worker_not_rendered_again(built, review, tmp_path, monkeypatch):
    """Decisions are applied where the article is extracted, before its graph is drafted: a curated build
    renders no more graphs after extraction than a build without curation."""
    from builder.run import build as build_module

    src, _ = built
    renders: list[int] = []
    real = build_module.render_one
    monkeypatch.setattr(build_module, "render_one", lambda job: renders.append(1) or real(job))
    rows, _ = _decide(review)
    build_module.build_dataset([str(src)])
    plain = len(renders)
    renders.clear()
    curated = build_module.build_dataset([str(src)], write_csv(tmp_path / "curation.csv", rows))
    assert curated.curated == {"accept": 1, "reject": 1, "correct": 3}
    assert len(renders) == plain
