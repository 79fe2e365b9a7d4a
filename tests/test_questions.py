"""Time questions asked of a graph (`kg eval --questions FILE`): accuracy, each wrong answer with the reports it
came from, a built folder read as well as articles built, and a bad question file named in one line."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import articles, build_to, kg

A, B = "Nguyễn Văn An", "Trần Văn Bình"
EARLY = f"""Nghệ An tổng kết công tác năm 2023

Sáng 15/12/2023, tại thành phố Vinh, Tỉnh ủy Nghệ An tổ chức Hội nghị tổng kết công tác năm 2023.

Bí thư Tỉnh ủy Nghệ An {B} chủ trì hội nghị.
"""
LATER = f"""Bộ Chính trị chỉ định Bí thư Tỉnh ủy Nghệ An

Sáng 10/3/2024, tại thành phố Vinh, Ban Tổ chức Trung ương tổ chức Hội nghị công bố quyết định.

Bộ Chính trị chỉ định ông {A} giữ chức Bí thư Tỉnh ủy Nghệ An.
"""
POST = {"role": "Bí thư", "body": "Tỉnh ủy Nghệ An"}
QUESTIONS = {"about": "written for this test", "questions": [
    {**POST, "as_of": "2024-01-01", "holders": [B], "basis": "early"},
    {**POST, "as_of": "2024-03-10", "holders": [A], "basis": "later: A takes it up, so B's time ends"},
    {**POST, "as_of": "2023-12-01", "holders": [B], "basis": "a wrong question: nothing is reported so early"},
]}


def _corpus(tmp_path: Path) -> tuple[Path, Path]:
    src = articles(tmp_path / "in", early=EARLY, later=LATER)
    questions = tmp_path / "q.json"
    questions.write_text(json.dumps(QUESTIONS, ensure_ascii=False), encoding="utf-8")
    return src, questions


def test_questions_are_asked_of_the_articles_built(tmp_path) -> None:
    src, questions = _corpus(tmp_path)
    done = kg("eval", "--questions", str(questions), str(src))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "time questions: 2 of 3 right (67%)"
    assert lines[1] == f"Bí thư, Tỉnh ủy Nghệ An, as of 2023-12-01: expected {B}; got no one"
    assert len(lines) == 2  # a right answer prints nothing


def test_a_built_folder_is_read_and_the_summary_gives_the_evidence(tmp_path) -> None:
    src, questions = _corpus(tmp_path)
    build_to([src], tmp_path / "out")
    wrong = json.loads(questions.read_text(encoding="utf-8"))
    wrong["questions"][1]["holders"] = [B]  # B's time ended when A took the post up
    questions.write_text(json.dumps(wrong, ensure_ascii=False), encoding="utf-8")
    done = kg("eval", "--questions", str(questions), str(tmp_path / "out"), "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert (summary["questions"], summary["right"]) == (3, 1)
    missed = next(w for w in summary["wrong"] if w["as_of"] == "2024-03-10")
    assert (missed["expected"], missed["got"]) == ([B], [A])
    [said] = missed["evidence"]
    assert (said["person"], said["change"], said["reportedFor"], said["articleId"]) == (A, "TakingUp", "2024-03-10",
                                                                                       "later")
    assert A in said["sentence"]


def test_a_bad_question_file_is_one_line_naming_it(tmp_path) -> None:
    src, questions = _corpus(tmp_path)
    for bad, says in (({"questions": [{**POST, "as_of": "10/3/2024", "holders": [A]}]}, "question 1: as_of"),
                      ({"questions": [{**POST, "holders": [A]}]}, "question 1: no as_of"),
                      ([], "no questions"), ("{", "not a JSON question file")):
        questions.write_text(bad if isinstance(bad, str) else json.dumps(bad), encoding="utf-8")
        done = kg("eval", "--questions", str(questions), str(src))
        assert done.returncode == 2
        [line] = done.stderr.strip().splitlines()
        assert str(questions) in line and says in line, line


def test_eval_needs_gold_or_questions() -> None:
    done = kg("eval")
    assert done.returncode == 2 and "--gold" in done.stderr and "--questions" in done.stderr


def test_gold_and_questions_together_are_one_summary(tmp_path) -> None:
    src, questions = _corpus(tmp_path)
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "early.json").write_text(json.dumps({"id": "early", "holds": [
        {"person": B, "role": "Bí thư", "body": "Tỉnh ủy Nghệ An"}], "events": [], "terms": [], "documents": []},
        ensure_ascii=False), encoding="utf-8")
    done = kg("eval", "--gold", str(gold), "--questions", str(questions), str(src), "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)  # one JSON document, the scores and the time questions in it
    assert summary["scores"]["holds"]["tp"] == 1
    assert (summary["time_questions"]["questions"], summary["time_questions"]["right"]) == (3, 2)


def test_a_wrong_vacancy_shows_the_leaving(tmp_path) -> None:
    from test_changes import HELD, LEFT

    src = articles(tmp_path / "in", held=HELD, left=LEFT)
    questions = tmp_path / "q.json"
    post = {"role": "Bí thư", "body": "Tỉnh ủy Quảng Bình"}
    questions.write_text(json.dumps([{**post, "as_of": "2024-06-01", "holders": []},
                                     {**post, "as_of": "2024-07-01", "holders": [A]}], ensure_ascii=False),
                         encoding="utf-8")
    done = kg("eval", "--questions", str(questions), str(src))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:2] == ["time questions: 1 of 2 right (50%)",
                         f"Bí thư, Tỉnh ủy Quảng Bình, as of 2024-07-01: expected {A}; got no one"]
    assert lines[2].startswith(f"    (no one): Vacant, left by {A} reported for 2024-05-05 in left: ")
