"""The scorer: the reference scorer's matching (shared/eval/score.py), misses with their sentences, error kinds."""

from pathlib import Path

from builder.use.evaluate import evaluate, locate

TEXT = (
    "Sáng 5/6, Tỉnh ủy Phú Yên tổ chức hội nghị cán bộ. "
    "Đồng chí Lê Văn Hòa, Bí thư Tỉnh ủy, chủ trì hội nghị. "
    "Dự có đồng chí Ngô Thị Lan, Phó Chủ tịch UBND tỉnh."
)


def _gold():
    return {"d1": {
        "id": "d1",
        "holds": [
            {"person": "Lê Văn Hòa", "role": "Bí thư", "body": "Tỉnh ủy Phú Yên", "title_as_written": "Bí thư Tỉnh ủy"},
            {"person": "Ngô Thị Lan", "role": "Phó Chủ tịch", "body": "Ủy ban nhân dân tỉnh Phú Yên",
             "title_as_written": "Phó Chủ tịch UBND tỉnh"},
        ],
        "events": [{"kind": "hội nghị", "date": "--06-05", "chair": ["Lê Văn Hòa"], "participants": ["Ngô Thị Lan"],
                    "place": None, "organizer": "Tỉnh ủy Phú Yên"}],
        "terms": [], "documents": [],
    }}


def _pred(body="Tỉnh ủy Phú Yên"):
    evidence = [{"rule": "name-comma-titles", "confidence": 0.85, "sentence": "Đồng chí Lê Văn Hòa, Bí thư Tỉnh ủy"}]
    return [{
        "id": "d1",
        "holds": [{"person": "Lê Văn Hoà", "role": "Bí thư", "body": body, "title_as_written": "Bí thư Tỉnh ủy",
                   "evidence": evidence}],
        "events": [{"kind": "hội nghị", "date": "--06-05", "chair": ["Lê Văn Hòa"], "participants": [],
                    "place": None, "organizer": "Tỉnh ủy Phú Yên", "evidence": evidence}],
        "terms": [], "documents": [],
    }]


def test_locate_finds_the_sentence_with_most_of_the_words():
    found = locate(TEXT, ["Phó Chủ tịch UBND tỉnh", "Ngô Thị Lan"])
    assert found == "Dự có đồng chí Ngô Thị Lan, Phó Chủ tịch UBND tỉnh."
    assert locate(TEXT, ["Trần Văn Nam"]) is None


def test_scores_and_misses_with_sentences():
    scores = evaluate(_pred(), _gold(), {"d1": TEXT})
    holds = scores["per_kind"]["holds"]
    assert (holds["tp"], holds["fp"], holds["fn"]) == (1, 0, 1)  # "Hoà" matches "Hòa"
    [missed_hold, missed_present] = scores["misses"]
    assert missed_hold.sign == "FN" and missed_hold.kind == "holds"
    assert missed_hold.sentence == "Dự có đồng chí Ngô Thị Lan, Phó Chủ tịch UBND tỉnh."
    assert missed_hold.category == "holds: missed person-title"
    assert missed_present.kind == "events" and missed_present.category == "event present: missed"
    assert "ngô thị lan" in missed_present.fact
    events = scores["per_kind"]["events"]
    assert (events["tp"], events["fp"], events["fn"]) == (4, 0, 1)  # date, organizer, chair, present Hòa; not Lan


def test_a_wrong_body_is_one_error_kind_with_the_evidence_sentence():
    scores = evaluate(_pred(body="Tỉnh ủy Phú Thọ"), _gold(), {"d1": TEXT})
    fp = next(m for m in scores["misses"] if m.kind == "holds" and m.sign == "FP")
    assert fp.category == "holds: wrong body"
    assert fp.sentence == "Đồng chí Lê Văn Hòa, Bí thư Tỉnh ủy" and fp.rule == "name-comma-titles 0.85"
    assert "«" in fp.lines()[1]
    assert ("holds: wrong body", 2) in scores["error_kinds"]


def test_kg_eval_explain_shows_each_miss_with_its_sentence(tmp_path, capsys):
    import json
    import shutil

    from helpers import SEEDS

    from builder.cli import main

    gold_dir = tmp_path / "gold"
    shutil.copytree(Path(__file__).parent / "fixtures" / "gold", gold_dir)
    first = next(p for p in sorted(gold_dir.glob("*.json")) if json.loads(p.read_text(encoding="utf-8"))["holds"])
    data = json.loads(first.read_text(encoding="utf-8"))
    person = data["holds"][0]["person"]
    data["holds"].append({"person": person, "role": "Phó Chủ tịch", "body": "Hội Nông dân Việt Nam",
                          "title_as_written": data["holds"][0]["title_as_written"]})
    first.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    assert main(["eval", "--explain", "--gold", str(gold_dir), str(SEEDS)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    at = next(i for i, ln in enumerate(lines) if ln.startswith("FN") and "Hội Nông dân Việt Nam" in ln)
    assert person in lines[at] and "holds: missed person-title" in lines[at]
    assert lines[at + 1].startswith("    « ") and person.split()[-1] in lines[at + 1]
    assert "error kinds:" in out


def test_reference_normalisation():
    """The details of the reference scorer that decide matches."""
    from builder.use.evaluate import body, norm

    assert norm("Đồng chí  Trương Hoà Bình.") == "trương hòa bình"
    assert norm("Ủy viên Trung ương Đảng") == norm("Uỷ viên T.Ư Đảng").replace("t.ư", "trung ương")
    assert norm("\u00d0ảng ủy") == "đảng ủy"
    assert body("Thành ủy TP HCM") == "thành ủy hồ chí minh" == body("Thành ủy Thành phố Hồ Chí Minh")
    assert body("Ban Chấp hành Trung ương Đảng") == "ban chấp hành trung ương"


def test_events_match_detail_by_detail_with_date_alternatives_and_places_inside_places():
    gold = {"d1": {"id": "d1", "holds": [], "terms": [], "documents": [], "events": [
        {"kind": "hội nghị", "date": "--06-05", "date_alternatives": ["2024-06-05"], "place": "Hà Nội",
         "organizer": None, "chair": [], "participants": ["Ngô Thị Lan"]}]}}
    pred = [{"id": "d1", "events": [{"kind": "hội nghị", "date": "2024-06-05", "place": "Trung tâm Hội nghị, Hà Nội",
                                      "organizer": "Tỉnh ủy Phú Yên", "chair": ["Ngô Thị Lan"], "participants": []}]}]
    e = evaluate(pred, gold)["per_kind"]["events"]
    # date (an alternative), place (contains the gold place), present Lan match; organizer and chair are extra
    assert (e["tp"], e["fp"], e["fn"]) == (3, 2, 0)


def test_optional_gold_holds_cost_nothing_and_a_missing_article_is_all_misses():
    gold = {"d1": {"id": "d1", "events": [], "terms": [], "documents": [], "holds": [
        {"person": "A B", "role": "Đại biểu", "body": "Quốc hội", "optional": True},
        {"person": "C D", "role": "Bí thư", "body": "Tỉnh ủy X"}]},
        "d2": {"id": "d2", "events": [], "terms": [{"body_or_congress": "Đại hội", "term": "2020-2025"}],
               "documents": [{"id_as_written": "Quy định số 205-QĐ/TW", "kind": "Quy định"}], "holds": []}}
    pred = [{"id": "d1", "holds": [{"person": "A B", "role": "Đại biểu", "body": "Quốc hội"}]}]
    s = evaluate(pred, gold)
    assert s["per_kind"]["holds"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 1}
    assert s["per_kind"]["terms"]["fn"] == 1 and s["per_kind"]["documents"]["fn"] == 1
    assert s["missing"] == ["d2"]
    pred.append({"id": "d2", "documents": [{"id_as_written": "205-QĐ/TW", "kind": "Quy định"}]})
    assert evaluate(pred, gold)["per_kind"]["documents"]["tp"] == 1  # the kind word is not part of the number


def test_the_merge_gives_the_facts_the_written_graph_gives(seeds_build, seeds_out):
    """kg eval reads the facts from the build's Oxigraph merge; kg facts (and the scorer) from graph.trig:
    the same records."""
    import builder

    assert builder.graph_facts(seeds_build.merged) == builder.graph_facts(builder.load_graph(seeds_out))
