"""Change over time on a small corpus written here: the lineage of bodies, the time queries, the timeline
pictures and the consistency report.  What each sentence says of a post (taken up, held, left, and from whom)
is data: tests/cases/changes.jsonl, run by tests/test_cases.py; each cue phrase of cues.tsv is checked on its
own in test_gazetteer_usage.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import articles, build_to
from rdflib import Dataset, Graph, Namespace, URIRef

import builder
from builder.gazetteer import LocalBody, gazetteer
from builder.rdf import lineage
from builder.resources import table
from builder.use.query import run

ORG = Namespace("http://www.w3.org/ns/org#")
A, B, C = "Nguyễn Văn An", "Trần Văn Bình", "Lê Văn Cường"
SECRETARY = ("Bí thư", "Tỉnh ủy Nghệ An")


# ---------------------------------------------------------------- a small corpus over time

EARLY = f"""Nghệ An tổng kết công tác năm 2023

Sáng 15/12/2023, tại thành phố Vinh, Tỉnh ủy Nghệ An tổ chức Hội nghị tổng kết công tác năm 2023.

Bí thư Tỉnh ủy Nghệ An {B} chủ trì hội nghị.
"""
HANDOVER = f"""Bộ Chính trị phân công Bí thư Tỉnh ủy Nghệ An

Sáng 10/3/2024, tại thành phố Vinh, Ban Tổ chức Trung ương tổ chức Hội nghị công bố quyết định của Bộ Chính trị.

Bộ Chính trị phân công ông {A}, Ủy viên Trung ương Đảng, giữ chức Bí thư Tỉnh ủy Nghệ An thay ông {B}, \
Bí thư Tỉnh ủy Nghệ An, nghỉ hưu theo chế độ.
"""
LATER = f"""Tỉnh ủy Nghệ An họp

Chiều 20/6/2024, tại thành phố Vinh, Tỉnh ủy Nghệ An tổ chức Hội nghị lần thứ 20.

Bí thư Tỉnh ủy Nghệ An {A} chủ trì hội nghị.
"""
STALE = f"""Hội nghị ở Nghệ An

Chiều 1/8/2024, tại thành phố Vinh, Tỉnh ủy Nghệ An tổ chức Hội nghị sơ kết.

Dự hội nghị có ông {B}, Bí thư Tỉnh ủy Nghệ An.
"""
SECOND = f"""Bổ nhiệm ở Nghệ An

Sáng 2/9/2024, tại thành phố Vinh, Tỉnh ủy Nghệ An tổ chức Hội nghị công bố quyết định.

Bộ Chính trị chỉ định ông {C} giữ chức Bí thư Tỉnh ủy Nghệ An.
"""
AFTER = f"""Tỉnh ủy Hà Giang họp

Sáng 5/9/2025, tại thành phố Hà Giang, Tỉnh ủy Hà Giang tổ chức Hội nghị.

Bí thư Tỉnh ủy Hà Giang {C} chủ trì hội nghị.
"""


@pytest.fixture(scope="module")
def timeline(tmp_path_factory) -> tuple[builder.Build, Path]:
    base = tmp_path_factory.mktemp("time")
    src = articles(base / "in", early=EARLY, handover=HANDOVER, later=LATER, stale=STALE, second=SECOND, after=AFTER)
    out = base / "out"
    return build_to([src], out), out


def rows(name: str, b: builder.Build, **params: str) -> list[dict]:
    """A saved query's rows on rdflib's dataset, after checking Oxigraph gives the same."""
    _, got = run(name, b.dataset, params)
    _, again = run(name, b.merged, params)
    assert got == again
    return got


def test_the_corpus_conforms_and_says_what_changed(timeline) -> None:
    b, out = timeline
    assert b.conforms and (b.validation.articles, b.validation.others) == (6, 1)  # six articles, the lineage graph
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    handover = ds.graph(URIRef("https://w3id.org/dangkg/id/graph/handover"))
    said = {str(c).rsplit("#", 1)[1] for c in handover.objects(None, URIRef("https://w3id.org/dangkg/ont#reportedChange"))}
    assert said == {"TakingUp", "Leaving", "Continuing"}


def test_holders_as_of(timeline) -> None:
    b, _ = timeline
    ask = {"roleName": "bí thư", "bodyName": "Tỉnh ủy Nghệ An"}
    assert rows("holders-as-of", b, **ask, asOf="2023-12-01") == []
    [before] = rows("holders-as-of", b, **ask, asOf="2024-01-01")
    assert (before["person"], before["reportedFor"], before["change"], before["articleId"]) == (
        B, "2023-12-15", "Continuing", "early")
    [after] = rows("holders-as-of", b, **ask, asOf="2024-04-01")  # B's latest report is his leaving
    assert (after["person"], after["reportedFor"], after["change"], after["articleId"]) == (
        A, "2024-03-10", "TakingUp", "handover")
    assert A in after["sentence"] and "thay ông" in after["sentence"]
    assert {r["person"] for r in rows("holders-as-of", b, **ask, asOf="2024-06-30")} == {A}
    # a post one person holds at a time: a later report of another holder ends the earlier one's time, though
    # no article says A left (B's stale report of 1 August, then C's taking it up on 2 September)
    assert {r["person"] for r in rows("holders-as-of", b, **ask, asOf="2024-08-15")} == {B}
    [last] = rows("holders-as-of", b, **ask, asOf="2024-09-10")
    assert (last["person"], last["change"], last["articleId"]) == (C, "TakingUp", "second")


# One day, two reports of a single-holder post (a holding and another person's taking-up); a post several hold.
SAME_DAY = f"""Bộ Chính trị phân công Bí thư Tỉnh ủy Hà Tĩnh

Sáng 4/11/2024, tại thành phố Hà Tĩnh, Ban Tổ chức Trung ương tổ chức Hội nghị công bố quyết định.

Dự hội nghị có ông {A}, Bí thư Tỉnh ủy Hà Tĩnh.

Bộ Chính trị chỉ định ông {B} giữ chức Bí thư Tỉnh ủy Hà Tĩnh.
"""
DEPUTIES = f"""Phó Bí thư Tỉnh ủy Hà Tĩnh

Sáng 5/12/2024, tại thành phố Hà Tĩnh, Tỉnh ủy Hà Tĩnh tổ chức Hội nghị.

Ông {C}, Phó Bí thư Tỉnh ủy Hà Tĩnh, chủ trì hội nghị.
"""
DEPUTY_JOINS = """Bầu Phó Bí thư Tỉnh ủy Hà Tĩnh

Chiều 20/12/2024, tại thành phố Hà Tĩnh, Tỉnh ủy Hà Tĩnh tổ chức Hội nghị lần thứ 5.

Hội nghị bầu ông Phạm Văn Dũng giữ chức Phó Bí thư Tỉnh ủy Hà Tĩnh.
"""


def test_a_taking_up_ends_a_holding_of_the_same_day_and_a_post_of_several_keeps_all(tmp_path) -> None:
    b = build_to([articles(tmp_path / "in", same_day=SAME_DAY, deputies=DEPUTIES, deputy_joins=DEPUTY_JOINS)],
                 tmp_path / "out")
    secretary = {"roleName": "Bí thư", "bodyName": "Tỉnh ủy Hà Tĩnh"}
    assert {r["person"] for r in rows("holders-as-of", b, **secretary, asOf="2024-11-04")} == {B}
    deputy = {"roleName": "Phó Bí thư", "bodyName": "Tỉnh ủy Hà Tĩnh"}
    assert {r["person"] for r in rows("holders-as-of", b, **deputy, asOf="2024-12-31")} == {C, "Phạm Văn Dũng"}


def test_as_of_must_be_a_date(timeline) -> None:
    from builder.use.query import QueryError

    b, _ = timeline
    for bad in ("2024/06/01", "1 June 2024", "2024-13-01"):
        with pytest.raises(QueryError) as raised:
            run("holders-as-of", b.dataset, {"roleName": "Bí thư", "bodyName": "Tỉnh ủy Nghệ An", "asOf": bad})
        assert all(name in str(raised.value) for name in ("holders-as-of", "asOf", repr(bad)))  # names its input


def test_person_timeline(timeline) -> None:
    b, _ = timeline
    got = [(r["reportedFor"], r["change"], r["role"], r["body"], r["articleId"])
           for r in rows("person-timeline", b, personName=B)]
    assert got == [("2023-12-15", "Continuing", *SECRETARY, "early"), ("2024-03-10", "Leaving", *SECRETARY, "handover"),
                   ("2024-08-01", "Continuing", *SECRETARY, "stale")]
    [left] = [r for r in rows("person-timeline", b, personName=B) if r["change"] == "Leaving"]
    assert (left["cue"], left["successor"], left["predecessor"]) == ("nghỉ hưu theo chế độ", A, None)


def test_post_transitions(timeline) -> None:
    b, _ = timeline
    got = rows("post-transitions", b, roleName="Bí thư", bodyName="Tỉnh ủy Nghệ An")
    assert [(r["predecessor"], r["successor"], r["reportedFor"], r["articleId"]) for r in got] == [
        (B, A, "2024-03-10", "handover")]
    assert rows("post-transitions", b, bodyName="Bộ Y tế") == []


def test_lineage_query(timeline) -> None:
    b, _ = timeline
    got = rows("lineage", b, bodyName="Ban Tuyên giáo và Dân vận Trung ương")
    assert {(r["direction"], r["body"], r["date"], r["kind"]) for r in got} == {
        ("predecessor", "Ban Tuyên giáo Trung ương", "2025-02-03", "merger"),
        ("predecessor", "Ban Dân vận Trung ương", "2025-02-03", "merger")}
    assert all("Bộ Chính trị" in r["source"] for r in got)
    [up] = rows("lineage", b, bodyName="Tỉnh ủy Hà Giang")
    assert (up["direction"], up["body"], up["date"]) == ("successor", "Tỉnh ủy Tuyên Quang", "2025-07-01")
    assert "202/2025/QH15" in up["source"]
    assert {r["body"] for r in rows("lineage", b, bodyName="Ủy ban nhân dân Thành phố Hồ Chí Minh")} == {
        "Ủy ban nhân dân tỉnh Bình Dương", "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"}


def test_succession_follows_lineage_when_asked(timeline) -> None:
    b, _ = timeline
    ask = {"roleName": "Bí thư", "bodyName": "Tỉnh ủy Tuyên Quang"}
    assert rows("succession", b, **ask) == []
    [row] = rows("succession", b, **ask, followLineage="true")
    assert (row["person"], row["body"], row["reportedFor"]) == (C, "Tỉnh ủy Hà Giang", "2025-09-05")
    assert rows("succession", b, **ask, followLineage="false") == []
    assert len(rows("succession", b, roleName="Bí thư", bodyName="Tỉnh ủy Nghệ An")) == 6


def test_the_consistency_report(timeline) -> None:
    b, _ = timeline
    got = {(r["kind"], r["person"], r["other"], r["date"], r["personArticle"], r["otherArticle"]) for r in b.conflicts}
    assert got == {
        ("left-then-held", B, B, "2024-08-01", "handover", "stale"),  # left in March, holding again in August
        ("double-take-up", A, C, "2024-09-02", "handover", "second"),  # C takes up A's post, A never said to leave
        ("after-ceased", C, "Tỉnh ủy Tuyên Quang + Tỉnh ủy Hà Giang → Tỉnh ủy Tuyên Quang", "2025-09-05", "after",
         ""),
    }
    [ceased] = [r for r in b.conflicts if r["kind"] == "after-ceased"]
    assert ceased["otherFact"].endswith("/change/tinh-tuyen-quang/" + ceased["otherFact"].rsplit("/", 1)[1])
    assert "202/2025/QH15" in ceased["otherSentence"] and C in ceased["personSentence"]
    # the hand-over day (A takes up, B leaves) is not two holders on one day
    assert not [r for r in b.conflicts if r["kind"] == "same-day"]


def test_kg_conflicts_lists_every_kind(timeline, capsys) -> None:
    from builder.cli import main

    _, out = timeline
    assert main(["conflicts", str(out), "--format", "csv"]) == 0
    text = capsys.readouterr().out
    assert {"left-then-held", "double-take-up", "after-ceased"} <= set(re.findall(r"^([a-z-]+),", text, re.M))


# ---------------------------------------------------------------- the lineage data


def test_every_lineage_body_is_a_body_extraction_knows() -> None:
    """Lineage names bodies as extraction writes them: bodies.tsv's names, local_bodies.tsv's templates filled."""
    known = {r["body"] for r in table("bodies.tsv")}
    known |= {LocalBody(r["pattern"], r["level"]).fill(place) for r in table("local_bodies.tsv")
              if r["level"] == "province" for place in gazetteer().place_list}
    for c in lineage.changes():
        for name in (*c.original, c.resulting):
            assert name in known, f"{c.id}: {name!r} is not a body of bodies.tsv / local_bodies.tsv"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", c.date) and re.search(r"(Nghị quyết|Quyết định) \S*\d", c.source)


def test_the_2025_province_merger_makes_34_of_63() -> None:
    """Every province merged away by Nghị quyết 202/2025/QH15 goes into exactly one of the 23 merged ones."""
    places = {r["name"]: r["status"] for r in table("places.tsv")}
    merged = [r for r in table("lineage.tsv") if r["bodies"] and r["date"] == "2025-07-01"]
    gone = [p for r in merged for p in r["from"].split("|") if p != r["to"]]
    assert len(merged) == 23 and len(gone) == len(set(gone)) == 29
    assert set(gone) == {p for p, s in places.items() if s == "pre-2025"} - {"Thừa Thiên Huế"}
    assert all(places[r["to"]] == "both" for r in merged)
    unchanged = {p for p, s in places.items() if s == "both"} - {r["to"] for r in merged}
    assert len(merged) + len(unchanged) + 1 == 34  # + Huế, a city of its own since 1 January 2025


def test_the_lineage_graph(timeline) -> None:
    _, out = timeline
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    g = ds.graph(lineage.GRAPH)
    events = set(g.subjects(predicate=ORG.resultingOrganization))
    assert len(events) == len(lineage.changes()) == 80
    ha_giang = URIRef(str(builder.resolve.body("Tỉnh ủy Hà Giang")))
    assert str(g.value(ha_giang, URIRef("https://schema.org/dissolutionDate"))) == "2025-07-01"
    tuyen_quang = builder.resolve.body("Tỉnh ủy Tuyên Quang")
    assert g.value(tuyen_quang, URIRef("https://schema.org/dissolutionDate")) is None  # it continues, enlarged
    merged = Graph().parse(out / "graph.ttl", format="turtle")
    assert set(merged.subjects(predicate=ORG.resultingOrganization)) == events


# ---------------------------------------------------------------- timeline pictures


def test_a_person_timeline_is_drawn(timeline, tmp_path) -> None:
    import matplotlib.image

    from builder.use.timeline import reports, write_timeline

    b, _ = timeline
    found, undated = reports(b.dataset, person=B)
    assert [(r.day.isoformat(), r.change, r.article) for r in found] == [
        ("2023-12-15", "Continuing", "early"), ("2024-03-10", "Leaving", "handover"),
        ("2024-08-01", "Continuing", "stale")]
    assert undated == 0 and {r.lane for r in found} == {"Bí thư — Tỉnh ủy Nghệ An"}
    png = write_timeline(b.dataset, tmp_path / "b.png", person=B)
    pixels = matplotlib.image.imread(png)
    assert pixels.shape[0] > 250 and pixels.shape[1] > 1000 and pixels.std() > 0.05
    ended = (abs(pixels[..., :3] - [214 / 255, 228 / 255, 240 / 255]).max(axis=-1) < 0.01).sum()
    assert ended > 2000  # B's two times in the post are drawn as bars (the colour of an ended time)


def test_a_post_timeline_is_drawn_alike_from_rdflib_and_oxigraph(timeline, tmp_path) -> None:
    from builder.use.timeline import write_timeline

    b, _ = timeline
    one = write_timeline(b.dataset, tmp_path / "one.svg", role="Bí thư", body="Tỉnh ủy Nghệ An").read_bytes()
    two = write_timeline(b.merged, tmp_path / "two.svg", role="Bí thư", body="Tỉnh ủy Nghệ An").read_bytes()
    assert one == two  # same reports, same file
    text = one.decode("utf-8")
    assert all(name in text for name in (A, B, C)) and "Bí thư — Tỉnh ủy Nghệ An" in text
    assert "time in the post" in text and "still open" in text and text.count("#e8f3e8") >= 2  # C's open bar


def test_kg_viz_draws_a_timeline(timeline, tmp_path, capsys) -> None:
    from builder.cli import main

    _, out = timeline
    assert main(["viz", str(out), "--view", "timeline", "--around", A, "-o", str(tmp_path / "a.png")]) == 0
    assert (tmp_path / "a.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert main(["viz", str(out), "--view", "timeline", "--role", "Bí thư", "--body", "Tỉnh ủy Nghệ An",
                 "-o", str(tmp_path / "p.svg")]) == 0
    capsys.readouterr()
    assert main(["viz", str(out), "--view", "timeline", "--around", A, "-o", str(tmp_path / "a.html")]) == 2
    assert main(["viz", str(out), "--view", "timeline", "--around", "Không Có Ai", "-o", str(tmp_path / "x.png")]) == 2
    assert main(["viz", str(out), "--view", "timeline", "-o", str(tmp_path / "y.png")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 3 and "a.html" in err and "Không Có Ai" in err


@pytest.fixture(scope="module")
def lineage_store():
    from builder.rdf.store import OxigraphGraph

    return OxigraphGraph.from_ntriples([lineage.rendered().nt])


@pytest.mark.parametrize("change", lineage.changes(), ids=[f"{c.id}:{c.resulting}" for c in lineage.changes()])
def test_every_lineage_entry_is_asked_both_ways(change, lineage_store) -> None:
    """Each change of lineage.tsv: the resulting body lists every other original as a predecessor, on the
    change's date, from its source; each original that ended lists the result as its successor."""
    _, up = run("lineage", lineage_store, {"bodyName": change.resulting})
    before = {(r["body"], r["date"], r["source"]) for r in up if r["direction"] == "predecessor"}
    assert {(o, change.date, change.source) for o in change.original if o != change.resulting} <= before
    for original in change.original:
        if original != change.resulting:
            _, down = run("lineage", lineage_store, {"bodyName": original})
            assert (change.resulting, change.date) in {(r["body"], r["date"]) for r in down
                                                       if r["direction"] == "successor"}


# A holding is reported for the day its own sentence opens with, else the article's day.
OWN_DAY = f"""Công bố quyết định bổ nhiệm ở Bộ Y tế

Sáng 10/3/2024, tại Hà Nội, Bộ Y tế tổ chức Lễ công bố quyết định về công tác cán bộ.

Ông {A} giữ chức Bộ trưởng Bộ Y tế.

Ngày 2/3/2024, Thủ tướng Chính phủ đã ký quyết định bổ nhiệm ông {B} giữ chức Thứ trưởng Bộ Y tế.

Ông {C}, sinh ngày 5/3/1965, giữ chức Vụ trưởng Vụ Pháp chế, Bộ Y tế.
"""


def test_a_holding_is_reported_for_the_day_its_sentence_opens_with(tmp_path) -> None:
    b = build_to([articles(tmp_path / "in", own_day=OWN_DAY)], tmp_path / "out")
    days = {r["person"]: r["reportedFor"] for r in rows("post-holders", b)}
    assert days[A] == "2024-03-10"  # no day of its own: the article's
    assert days[B] == "2024-03-02"  # the decision's day its sentence opens with
    assert days[C] == "2024-03-10"  # a birth date is no day a post is reported for


def test_each_time_in_a_post_is_an_interval_with_its_ends(timeline) -> None:
    b, _ = timeline
    got = [(i.person, str(i.start), i.start_article, str(i.until) if i.until else None, i.until_article, i.ended_by,
            i.status) for i in builder.intervals(b.merged, role="Bí thư", body="Tỉnh ủy Nghệ An")]
    assert got == [
        (B, "2023-12-15", "early", "2024-03-10", "handover", "left", "ended"),  # "thay ông B …, nghỉ hưu"
        (A, "2024-03-10", "handover", "2024-08-01", "stale", f"replaced by {B}", "ended"),  # no article says A left
        (B, "2024-08-01", "stale", "2024-09-02", "second", f"replaced by {C}", "ended"),
        (C, "2024-09-02", "second", None, None, None, "open"),
    ]
    assert got == [(i.person, str(i.start), i.start_article, str(i.until) if i.until else None, i.until_article,
                    i.ended_by, i.status) for i in builder.intervals(b.dataset, role="Bí thư", body="Tỉnh ủy Nghệ An")]
    mine = builder.intervals(b.merged, person=A)  # one person's posts: their ends are found among all reports
    assert [(i.role, i.body, i.status) for i in mine] == [("Bí thư", "Tỉnh ủy Nghệ An", "ended"),
                                                           ("Ủy viên", "Ban Chấp hành Trung ương", "open")]
    frame = builder.intervals_frame(b.merged, role="Bí thư", body="Tỉnh ủy Nghệ An")
    assert str(frame["start"].dtype).startswith("datetime64") and str(frame["until"].dtype).startswith("datetime64")
    assert frame["until"].isna().tolist() == [False, False, False, True]
    assert list(frame["status"]) == ["ended", "ended", "ended", "open"]


def test_a_post_several_hold_ends_only_by_leaving(tmp_path) -> None:
    b = build_to([articles(tmp_path / "in", same_day=SAME_DAY, deputies=DEPUTIES, deputy_joins=DEPUTY_JOINS)],
                 tmp_path / "out")
    deputies = builder.intervals(b.merged, role="Phó Bí thư", body="Tỉnh ủy Hà Tĩnh")
    assert [(i.person, str(i.start), i.status) for i in deputies] == [(C, "2024-12-05", "open"),
                                                                      ("Phạm Văn Dũng", "2024-12-20", "open")]
    [a, b_] = builder.intervals(b.merged, role="Bí thư", body="Tỉnh ủy Hà Tĩnh")  # same day: the taking-up wins
    assert (a.person, a.until, a.ended_by, b_.person, b_.status) == (A, a.start, f"replaced by {B}", B, "open")


LEFT = f"""Bộ Chính trị cho thôi giữ chức Bí thư Tỉnh ủy Quảng Bình

Sáng 5/5/2024, tại thành phố Đồng Hới, Ban Tổ chức Trung ương tổ chức Hội nghị công bố quyết định.

Bộ Chính trị cho ông {A} thôi giữ chức Bí thư Tỉnh ủy Quảng Bình.
"""
HELD = f"""Tỉnh ủy Quảng Bình họp

Sáng 2/2/2024, tại thành phố Đồng Hới, Tỉnh ủy Quảng Bình tổ chức Hội nghị.

Bí thư Tỉnh ủy Quảng Bình {A} chủ trì hội nghị.
"""


def test_a_vacancy_has_its_leaving_as_evidence(tmp_path) -> None:
    b = build_to([articles(tmp_path / "in", held=HELD, left=LEFT)], tmp_path / "out")
    ask = {"roleName": "Bí thư", "bodyName": "Tỉnh ủy Quảng Bình"}
    assert [r["person"] for r in rows("holders-as-of", b, **ask, asOf="2024-03-01")] == [A]
    assert rows("vacancy-as-of", b, **ask, asOf="2024-03-01") == []  # held then
    assert rows("holders-as-of", b, **ask, asOf="2024-06-01") == []
    [vacant] = rows("vacancy-as-of", b, **ask, asOf="2024-06-01")
    assert (vacant["left"], vacant["reportedFor"], vacant["articleId"]) == (A, "2024-05-05", "left")
    assert "thôi giữ chức" in vacant["sentence"]


def test_a_taking_up_after_a_leaving_fills_the_post(timeline) -> None:
    b, _ = timeline  # B leaves on 10 March as A takes the post up: no vacancy that day or after
    ask = {"roleName": "Bí thư", "bodyName": "Tỉnh ủy Nghệ An"}
    assert rows("vacancy-as-of", b, **ask, asOf="2024-03-10") == []
    assert rows("vacancy-as-of", b, **ask, asOf="2024-04-01") == []
