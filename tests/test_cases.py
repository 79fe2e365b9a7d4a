"""Extraction cases, read from the data files in tests/cases/: this text gives these facts.

Every *.jsonl file there is JSON Lines: one case per line, a JSON object; lines that start with '#' are
comments (each file says at its top what it is for) and blank lines are skipped.  A case has

* "id": a slug naming what it tests, unique over all the files (the pytest id);
* "text": the article, invented for the tests (kept NFC, byte for byte);
* "published": the publication date the article is given (left out: none);
* "note": optional, why the case is there;
* one or more of "holdings", "events", "terms", "documents", each mapping a mode to a list of expected
  facts, every fact an object naming only the fields the case checks (a holding may be written as a
  [person, role, body] list).  The modes:

  - "only": the extracted facts of that kind pair one to one with these (none, for an empty list);
  - "in order": the same, fact i with entry i (the order of the article);
  - "at least": each of these matches some extracted fact;
  - "none of": no extracted fact matches any of these (an entry naming fewer fields excludes more).

  Fields are those of builder.model (holdings: person role body title change cue predecessor successor;
  events: kind name date part_of_day place organizer chair participants; terms: body start end ordinal;
  documents: kind id_as_written number date issuer), and for every kind "rule" and "caption" (of its
  evidence) and "evidence" (the words of the text its evidence spans).  A value is compared for
  equality, unless it is one of these one-key objects: {"contains": s} (a string holding s),
  {"starts with": s}, {"has": v} (a list with an element matching v), {"any order": [...]} (a list with
  these elements in any order).

Every fact of every case must also point at words of its text, with a confidence in (0, 1].

The expected facts follow the annotation conventions of shared/gold/README.md: one holding per (person, role,
body); roles and bodies canonical and written out (T.Ư/TW → Trung ương, UBND → Ủy ban nhân dân, HĐND → Hội đồng
nhân dân, TP.HCM → Thành phố Hồ Chí Minh); lower-case titles give the same capitalised role; a role being left
still counts; 'nguyên' titles and career lists of past posts give none; a body whose province, city or company
the sentence omits takes it from the article, and stays bare ('Tỉnh ủy') when the article never names it.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from helpers import ROOT, facts_of

from builder.model import Facts

CASES_DIR = ROOT / "tests" / "cases"
FIELDS = {
    "holdings": ("person", "role", "body", "title", "change", "cue", "predecessor", "successor"),
    "events": ("kind", "name", "date", "part_of_day", "place", "organizer", "chair", "participants"),
    "terms": ("body", "start", "end", "ordinal"),
    "documents": ("kind", "id_as_written", "number", "date", "issuer"),
}
EVIDENCE_FIELDS = ("rule", "caption", "evidence")
SHOWN = {"holdings": ("person", "role", "body"), "events": ("kind", "name", "date"),
         "terms": ("body", "start", "end"), "documents": ("kind", "id_as_written")}
MODES = ("only", "in order", "at least", "none of")
MATCHERS = ("contains", "starts with", "has", "any order")
CASE_KEYS = ("id", "note", "published", "text", *FIELDS)
SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+-]*")

Item = dict[str, Any]


class CaseFileError(ValueError):
    """A line of a case file that is not a case: the message names the file and the line."""

    def __init__(self, path: Path, line: int, problem: str) -> None:
        super().__init__(f"{_shown(path)}:{line}: {problem}")
        self.path, self.line, self.problem = path, line, problem


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    published: str | None
    expect: dict[str, dict[str, list[Item]]]  # kind → mode → expected facts
    path: Path
    line: int

    @property
    def where(self) -> str:
        return f"{_shown(self.path)}:{self.line} ({self.id})"


@dataclass(frozen=True)
class Mismatch:
    """One expectation a case's facts break: expected facts no extracted one matched, and extracted facts
    it did not expect (for "none of": the extracted facts that match an excluded one)."""

    kind: str
    mode: str
    missing: list[Item]
    unexpected: list[Item]


class CaseFailed(AssertionError):
    def __init__(self, case: Case, mismatches: list[Mismatch]) -> None:
        lines = [f"{case.where}: the extracted facts differ"]
        for m in mismatches:
            lines.append(f"{m.kind}, {m.mode}:")
            lines += [f"  - expected, not extracted: {_dumps(i)}" for i in m.missing]
            label = "extracted, excluded" if m.mode == "none of" else "extracted, not expected"
            lines += [f"  + {label}: {_dumps(i)}" for i in m.unexpected]
        super().__init__("\n".join(lines))
        self.case, self.mismatches = case, mismatches


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# ---------------------------------------------------------------- reading the files


def _value_problem(value: Any) -> str | None:
    """What is wrong with an expected value, or None."""
    if not isinstance(value, dict):
        return None
    if len(value) != 1 or next(iter(value)) not in MATCHERS:
        return f"{_dumps(value)} is no matcher (one key of {', '.join(MATCHERS)})"
    [(op, arg)] = value.items()
    if op in ("contains", "starts with") and not isinstance(arg, str):
        return f"{op!r} wants a string, not {_dumps(arg)}"
    if op == "any order" and not isinstance(arg, list):
        return f"'any order' wants a list, not {_dumps(arg)}"
    return _value_problem(arg) if op == "has" else None


def _item(kind: str, raw: Any) -> Item:
    """One expected fact, as field → value; raises ValueError saying what is wrong."""
    if kind == "holdings" and isinstance(raw, list):
        if len(raw) != 3 or not all(isinstance(x, str) for x in raw):
            raise ValueError(f"a holding written as a list is [person, role, body], not {_dumps(raw)}")
        return dict(zip(SHOWN["holdings"], raw))
    if not isinstance(raw, dict):
        raise ValueError(f"an expected {kind[:-1]} is an object, not {_dumps(raw)}")
    unknown = sorted(set(raw) - {*FIELDS[kind], *EVIDENCE_FIELDS})
    if unknown:
        raise ValueError(f"{kind} have no field {', '.join(map(repr, unknown))}")
    for name, value in raw.items():
        problem = _value_problem(value)
        if problem:
            raise ValueError(f"{kind} field {name!r}: {problem}")
    return dict(raw)


def _case(path: Path, line: int, raw: Any) -> Case:
    if not isinstance(raw, dict):
        raise ValueError("a case is a JSON object")
    unknown = sorted(set(raw) - set(CASE_KEYS))
    if unknown:
        raise ValueError(f"unknown key {', '.join(map(repr, unknown))} (a case has {', '.join(CASE_KEYS)})")
    if not isinstance(raw.get("id"), str) or not SLUG.fullmatch(raw["id"]):
        raise ValueError(f"the id must be a slug, not {_dumps(raw.get('id'))}")
    if not isinstance(raw.get("text"), str) or not raw["text"].strip():
        raise ValueError("the text is missing or empty")
    if not isinstance(raw.get("published"), str | None):
        raise ValueError(f"published is a date string, not {_dumps(raw['published'])}")
    expect: dict[str, dict[str, list[Item]]] = {}
    for kind in FIELDS:
        if kind not in raw:
            continue
        modes = raw[kind]
        if not isinstance(modes, dict) or not modes or set(modes) - set(MODES):
            raise ValueError(f"{kind} maps one or more of {', '.join(MODES)} to a list, not {_dumps(modes)}")
        for mode, items in modes.items():
            if not isinstance(items, list):
                raise ValueError(f"{kind}, {mode}: a list, not {_dumps(items)}")
            expect.setdefault(kind, {})[mode] = [_item(kind, i) for i in items]
    if not expect:
        raise ValueError(f"the case expects nothing (give one of {', '.join(FIELDS)})")
    return Case(raw["id"], raw["text"], raw.get("published"), expect, path, line)


def read_cases(path: Path) -> list[Case]:
    """The cases of one file, in order; a line that is no case raises CaseFileError."""
    cases = []
    for line, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not text.strip() or text.startswith("#"):
            continue
        try:
            cases.append(_case(path, line, json.loads(text)))
        except ValueError as e:  # json.JSONDecodeError is one
            raise CaseFileError(path, line, str(e)) from None
    return cases


def all_cases(folder: Path = CASES_DIR) -> list[Case]:
    """Every case of every *.jsonl file of folder; two cases with one id raise CaseFileError."""
    cases: list[Case] = []
    seen: dict[str, Case] = {}
    for path in sorted(folder.glob("*.jsonl")):
        for case in read_cases(path):
            if case.id in seen:
                raise CaseFileError(path, case.line, f"id {case.id!r} already used at {seen[case.id].where}")
            seen[case.id] = case
            cases.append(case)
    return cases


CASES = all_cases()
BY_ID = {c.id: c for c in CASES}


# ---------------------------------------------------------------- running one case


def _matches(got: Any, want: Any) -> bool:
    if isinstance(want, dict):
        [(op, arg)] = want.items()
        if op == "contains":
            return isinstance(got, str) and arg in got
        if op == "starts with":
            return isinstance(got, str) and got.startswith(arg)
        if op == "has":
            return isinstance(got, list) and any(_matches(g, arg) for g in got)
        return isinstance(got, list) and sorted(got) == sorted(arg)  # any order
    return bool(got == want)


def _pairs(n_facts: int, n_items: int, ok: Callable[[int, int], bool]) -> dict[int, int]:
    """A largest pairing fact → item of pairs with ok(fact, item) (augmenting paths: the lists are short)."""
    owner: dict[int, int] = {}

    def place(item: int, seen: set[int]) -> bool:
        for fact in range(n_facts):
            if fact not in seen and ok(fact, item):
                seen.add(fact)
                if fact not in owner or place(owner[fact], seen):
                    owner[fact] = item
                    return True
        return False

    for item in range(n_items):
        place(item, set())
    return owner


def _broken(kind: str, mode: str, items: list[Item], found: list[Any],
            value: Callable[[Any, str], Any]) -> Mismatch | None:
    """How the facts `found` of one kind break one expectation (mode, items), or None."""
    named = [n for n in (*FIELDS[kind], *EVIDENCE_FIELDS) if any(n in i for i in items)]
    rows = [{n: value(f, n) for n in dict.fromkeys((*SHOWN[kind], *named))} for f in found]

    def ok(fact: int, item: int) -> bool:
        return all(_matches(value(found[fact], n), w) for n, w in items[item].items())

    if mode == "only":
        paired = _pairs(len(found), len(items), ok)
        missing = [i for k, i in enumerate(items) if k not in paired.values()]
        unexpected = [r for k, r in enumerate(rows) if k not in paired]
    elif mode == "in order":
        same = [k for k in range(min(len(found), len(items))) if ok(k, k)]
        missing = [i for k, i in enumerate(items) if k not in same]
        unexpected = [r for k, r in enumerate(rows) if k not in same]
    elif mode == "at least":
        missing = [i for k, i in enumerate(items) if not any(ok(f, k) for f in range(len(found)))]
        unexpected = []
    else:  # none of
        missing = []
        unexpected = [r for f, r in enumerate(rows) if any(ok(f, k) for k in range(len(items)))]
    return Mismatch(kind, mode, missing, unexpected) if missing or unexpected else None


def run_case(case: Case) -> Facts:
    """Extract the case's text and compare the fields its expectations name; raise CaseFailed (an
    AssertionError listing, for each expectation broken, what was expected and not extracted and what was
    extracted and not expected) if any is broken.  Returns the facts."""
    facts = facts_of(case.text, case.published)

    def value(fact: Any, name: str) -> Any:
        if name in EVIDENCE_FIELDS:
            ev = fact.evidence
            return {"rule": ev.rule, "caption": ev.caption, "evidence": case.text[ev.start:ev.end]}[name]
        return getattr(fact, name)

    mismatches = []
    for kind in FIELDS:
        found = getattr(facts, kind)
        astray = [f.evidence for f in found if not (0 <= f.evidence.start < f.evidence.end <= len(case.text)
                                                    and 0 < f.evidence.confidence <= 1)]
        if astray:
            mismatches.append(Mismatch(kind, "evidence in the text, confidence in (0, 1]", [],
                                       [{"start": e.start, "end": e.end, "confidence": e.confidence}
                                        for e in astray]))
        for mode, items in case.expect.get(kind, {}).items():
            broken = _broken(kind, mode, items, found, value)
            if broken:
                mismatches.append(broken)
    if mismatches:
        raise CaseFailed(case, mismatches)
    return facts


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    run_case(case)


# ---------------------------------------------------------------- the runner itself


def _changed(case_id: str, kind: str, mode: str, items: list[Item]) -> Case:
    """A copy of a case of the files whose kind expects `items` under `mode` (its other modes dropped)."""
    case = BY_ID[case_id]
    expect = copy.deepcopy(case.expect)
    expect[kind] = {mode: items}
    return Case(case.id, case.text, case.published, expect, case.path, case.line)


SECRETARY = "provincial-party-secretary"  # one holding: Hồ Văn Lộc, Bí thư, Tỉnh ủy Nghệ An
LOC = {"person": "Hồ Văn Lộc", "role": "Bí thư", "body": "Tỉnh ủy Nghệ An"}
WRONG = {**LOC, "person": "Hồ Văn Lực"}


def test_every_file_says_what_it_is_for_and_holds_cases() -> None:
    files = sorted(CASES_DIR.glob("*.jsonl"))
    assert len(files) >= 5
    for path in files:
        assert path.read_text(encoding="utf-8").startswith("# "), path.name
        assert read_cases(path), path.name
    assert sorted({c.path for c in CASES}) == files


def test_the_case_the_self_tests_use_passes() -> None:
    [h] = run_case(_changed(SECRETARY, "holdings", "only", [LOC])).holdings
    assert (h.person, h.role, h.body) == tuple(LOC.values())


@pytest.mark.parametrize("mode, items, missing, unexpected", [
    pytest.param("only", [WRONG], [WRONG], [LOC], id="only-wrong-person"),
    pytest.param("only", [], [], [LOC], id="only-none-but-one-found"),
    pytest.param("only", [LOC, LOC], [LOC], [], id="only-one-found-two-expected"),
    pytest.param("in order", [WRONG], [WRONG], [LOC], id="in-order-wrong-person"),
    pytest.param("at least", [LOC, WRONG], [WRONG], [], id="at-least-one-missing"),
    pytest.param("none of", [{"person": "Hồ Văn Lộc"}], [], [LOC], id="none-of-found"),
    pytest.param("only", [{**LOC, "title": {"contains": "Thành ủy"}}], [{**LOC, "title": {"contains": "Thành ủy"}}],
                 [{**LOC, "title": "Bí thư Tỉnh ủy Nghệ An"}], id="only-matcher-not-met"),
])
def test_a_case_that_must_fail_raises(mode: str, items: list[Item], missing: list[Item],
                                      unexpected: list[Item]) -> None:
    case = _changed(SECRETARY, "holdings", mode, items)
    with pytest.raises(CaseFailed) as raised:
        run_case(case)
    assert [(m.kind, m.mode, m.missing, m.unexpected) for m in raised.value.mismatches] == [
        ("holdings", mode, missing, unexpected)]
    assert str(raised.value).startswith(case.where)


def test_in_order_fails_on_the_right_facts_in_the_wrong_order() -> None:
    two = "meetings-chair-in-the-next-sentence"  # two meetings
    [items] = BY_ID[two].expect["events"].values()
    assert len(items) == 2
    run_case(_changed(two, "events", "only", items[::-1]))
    with pytest.raises(CaseFailed) as raised:
        run_case(_changed(two, "events", "in order", items[::-1]))
    [m] = raised.value.mismatches
    assert (len(m.missing), len(m.unexpected)) == (2, 2)


@pytest.mark.parametrize("value, found", [
    ({"contains": "Tỉnh ủy"}, True), ({"contains": "Thành ủy"}, False),
    ({"starts with": "Bí thư"}, True), ({"starts with": "Tỉnh ủy"}, False),
    ("Bí thư Tỉnh ủy Nghệ An", True), ("Bí thư", False),
])
def test_matchers_of_a_string(value: Any, found: bool) -> None:
    assert _matches("Bí thư Tỉnh ủy Nghệ An", value) is found


@pytest.mark.parametrize("value, found", [
    ({"has": "Lê Văn An"}, True), ({"has": "Lê Văn"}, False), ({"has": {"starts with": "Lê"}}, True),
    ({"any order": ["Trần Thị Hoa", "Lê Văn An"]}, True), ({"any order": ["Lê Văn An"]}, False),
    (["Lê Văn An", "Trần Thị Hoa"], True), (["Trần Thị Hoa", "Lê Văn An"], False),
])
def test_matchers_of_a_list(value: Any, found: bool) -> None:
    assert _matches(["Lê Văn An", "Trần Thị Hoa"], value) is found


GOOD = '{"id": "good", "text": "Bí thư Tỉnh ủy Nghệ An Hồ Văn Lộc phát biểu.", "holdings": {"at least": []}}'


@pytest.mark.parametrize("bad, problem", [
    ('{"id": "x", "text": "Chiều 9/8, hội nghị.", "holdings": {"only": [}', "Expecting value"),
    ('["x"]', "a case is a JSON object"),
    ('{"id": "x", "txt": "Chiều 9/8.", "events": {"only": []}}', "unknown key 'txt'"),
    ('{"id": "x y", "text": "Chiều 9/8.", "events": {"only": []}}', "the id must be a slug"),
    ('{"id": "x", "text": " ", "events": {"only": []}}', "the text is missing or empty"),
    ('{"id": "x", "text": "Chiều 9/8.", "published": 2024, "events": {"only": []}}', "published is a date"),
    ('{"id": "x", "text": "Chiều 9/8."}', "the case expects nothing"),
    ('{"id": "x", "text": "Chiều 9/8.", "events": {"exactly": []}}', "events maps one or more of"),
    ('{"id": "x", "text": "Chiều 9/8.", "events": {"only": {}}}', "events, only: a list"),
    ('{"id": "x", "text": "Chiều 9/8.", "events": {"only": [{"day": "9"}]}}', "events have no field 'day'"),
    ('{"id": "x", "text": "Chiều 9/8.", "events": {"only": [["a", "b", "c"]]}}', "is an object"),
    ('{"id": "x", "text": "Chiều 9/8.", "holdings": {"only": [["a", "b"]]}}', "[person, role, body]"),
    ('{"id": "x", "text": "Chiều 9/8.", "events": {"only": [{"date": {"like": "9"}}]}}', "is no matcher"),
    ('{"id": "x", "text": "Chiều 9/8.", "events": {"only": [{"chair": {"has": {"contains": 9}}}]}}',
     "'contains' wants a string"),
    ('{"id": "good", "text": "Chiều 9/8.", "events": {"only": []}}', "id 'good' already used at"),
])
def test_a_malformed_line_names_its_file_and_line(tmp_path: Path, bad: str, problem: str) -> None:
    (tmp_path / "a.jsonl").write_text(f"# what the file is for\n{GOOD}\n\n{bad}\n", encoding="utf-8")
    with pytest.raises(CaseFileError) as raised:
        all_cases(tmp_path)
    assert (raised.value.path, raised.value.line) == (tmp_path / "a.jsonl", 4)
    assert str(raised.value).startswith(f"{tmp_path / 'a.jsonl'}:4: ")
    assert problem in raised.value.problem
