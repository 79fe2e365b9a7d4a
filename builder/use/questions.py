"""Time questions: "who held post P on day D?" asked of a graph with the saved query holders-as-of, each answer
checked against the holders a question file gives (`kg eval --questions FILE`).

A question file is JSON: a list of questions, or an object whose "questions" is that list. A question has
"role", "body", "as_of" (an ISO date) and "holders" (the names that held the post that day; [] for a vacancy),
and may say on what it rests ("basis"). Names are compared as the scorer compares them (case, Unicode form, a
leading honorific aside)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from builder.errors import QuestionError
from builder.use.evaluate import norm
from builder.use.query import run

if TYPE_CHECKING:
    from builder.rdf.store import Queryable


@dataclass(frozen=True)
class Question:
    role: str
    body: str
    as_of: str
    holders: tuple[str, ...]
    basis: str = ""


@dataclass(frozen=True)
class Answer:
    """What the graph answers to a question: the holders it names and the report each rests on."""

    question: Question
    holders: tuple[str, ...]
    evidence: tuple[dict[str, Any], ...]

    @property
    def right(self) -> bool:
        return {norm(h) for h in self.holders} == {norm(h) for h in self.question.holders}

    def lines(self) -> list[str]:
        """The question, what was expected and what the graph said, with the reports it said it from."""
        q = self.question
        said = ", ".join(self.holders) or "no one"
        out = [f"{q.role}, {q.body}, as of {q.as_of}: expected {', '.join(q.holders) or 'no one'}; got {said}"]
        out += [f"    {e['person']}: {e['change']} reported for {e['reportedFor']} in {e['articleId']}: "
                f"{e['sentence'][:160]}" for e in self.evidence]
        return out


def load_questions(path: Path) -> list[Question]:
    """The questions of a file, or an QuestionError naming the file and the question that is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise QuestionError(f"{path}: not a JSON question file ({e})") from e
    items = data.get("questions") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise QuestionError(f"{path}: no questions (a list, or an object with a 'questions' list)")
    return [_question(path, k, item) for k, item in enumerate(items, 1)]


def _question(path: Path, k: int, item: Any) -> Question:
    where = f"{path}: question {k}"
    if not isinstance(item, dict):
        raise QuestionError(f"{where}: not an object")
    missing = [f for f in ("role", "body", "as_of", "holders") if f not in item]
    if missing:
        raise QuestionError(f"{where}: no {', '.join(missing)}")
    holders = item["holders"]
    if not isinstance(holders, list) or not all(isinstance(h, str) and h.strip() for h in holders):
        raise QuestionError(f"{where}: holders must be a list of names")
    try:
        date.fromisoformat(str(item["as_of"]))
    except ValueError:
        raise QuestionError(f"{where}: as_of {item['as_of']!r} is not an ISO date (YYYY-MM-DD)") from None
    return Question(str(item["role"]), str(item["body"]), str(item["as_of"]), tuple(holders),
                    str(item.get("basis", "")))


def ask(ds: Queryable, questions: list[Question]) -> list[Answer]:
    """Each question asked of a graph with holders-as-of; an empty answer carries the leaving that left the
    post vacant (vacancy-as-of), if any."""
    out = []
    for q in questions:
        params = {"roleName": q.role, "bodyName": q.body, "asOf": q.as_of}
        _, rows = run("holders-as-of", ds, params)
        if not rows:  # no one: a vacancy, if a leaving says so, is the answer's evidence
            rows = [{"person": "(no one)", "change": f"Vacant, left by {r['left']}", **r}
                    for r in run("vacancy-as-of", ds, params)[1]]
            out.append(Answer(q, (), tuple(rows)))
            continue
        names = tuple(dict.fromkeys(str(r["person"]) for r in rows))
        out.append(Answer(q, names, tuple(rows)))
    return out
