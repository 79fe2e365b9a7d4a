"""Precision, recall and F1 of the facts a graph holds against gold files.

Matching, per fact kind (names compared after folding case, tone placement and spaces):
- holds: (person, role, body); gold facts marked optional cost nothing when missed.
- events: (kind, date), a date matching the gold date or one of its alternatives;
  event_details: (event, person, chair or present) over matched events, place and
  organizer as (event, field, value).
- terms: (term, body) where the body names share most of their words.
- documents: (number, kind); the number is the leading digits of id_as_written.

Every false positive and negative is a `Miss` with the sentence it came from (a
false positive's evidence; for a false negative, the article sentence that best
contains the gold fact's words) and an error category for the summary.
"""

from __future__ import annotations

import json
import operator
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from builder.resolve import key

KINDS = ("holds", "events", "event_details", "terms", "documents")
SENTENCES = re.compile(r"[^\n.!?;]+(?:[.!?;]+|$)")


@dataclass
class Miss:
    """One false positive ("FP") or false negative ("FN")."""

    sign: str
    article: str
    kind: str
    fact: str
    sentence: str | None = None
    rule: str | None = None
    category: str = ""

    def lines(self) -> list[str]:
        rule = f"  [{self.rule}]" if self.rule else ""
        head = f"{self.sign} {self.article} {self.kind}: {self.fact}{rule}  ({self.category})"
        return [head, f"    « {self.sentence} »" if self.sentence else "    (no sentence found)"]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[Miss] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.misses += other.misses

    def figures(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _k(text: Any) -> str:
    return key(str(text or "")).replace("thành phố hồ chí minh", "tp hcm")


def locate(text: str, needles: list[str]) -> str | None:
    """The sentence of text containing most of the needles (weighted by length)."""
    wanted = [_k(n) for n in needles if n and len(str(n)) > 1]
    best, best_score = None, 0
    for m in SENTENCES.finditer(text):
        sentence = _k(m.group())
        score = sum(len(n) for n in wanted if n in sentence)
        if score > best_score:
            best, best_score = m.group().strip(), score
    return best


def _evidence(item: dict[str, Any]) -> tuple[str | None, str | None]:
    ev = item.get("evidence") or []
    if not ev:
        return None, None
    return ev[0]["sentence"], f"{ev[0]['rule']} {ev[0]['confidence']:.2f}"


@dataclass
class _Kind:
    """How one fact kind is matched, shown and found in a text."""

    name: str
    same: Callable[[Any, Any], bool]
    show: Callable[[Any], str]
    needles: Callable[[Any], list[str]]
    optional: Callable[[Any], bool] = lambda _: False


def _match(pred: list[Any], gold: list[Any], kind: _Kind, article: str, text: str,
           where: Callable[[Any], tuple[str | None, str | None]] = _evidence) -> Score:
    """Greedy one-to-one matching of predicted and gold items."""
    s = Score()
    free = list(gold)
    for p in pred:
        hit = next((g for g in free if kind.same(p, g)), None)
        if hit is not None:
            free.remove(hit)
            s.tp += 1
        else:
            s.fp += 1
            sentence, rule = where(p)
            s.misses.append(Miss("FP", article, kind.name, kind.show(p), sentence, rule))
    for g in free:
        if not kind.optional(g):
            s.fn += 1
            s.misses.append(Miss("FN", article, kind.name, kind.show(g), locate(text, kind.needles(g))))
    return s


def _unique(items: list[dict[str, Any]], fields: tuple[str, ...]) -> list[dict[str, Any]]:
    return list({tuple(_k(i.get(f)) for f in fields): i for i in items}.values())


def _words(text: str) -> set[str]:
    return set(_k(text).split()) - {"của", "đảng", "các", "cấp"}


def _same_body(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) / max(len(wa), len(wb)) >= 0.5


def _doc_number(d: dict[str, Any]) -> str:
    m = re.search(r"\d+", str(d.get("id_as_written") or ""))
    return m.group() if m else _k(d.get("id_as_written"))


def _dates(e: dict[str, Any]) -> set[str | None]:
    return {e.get("date"), *e.get("date_alternatives", [])}


def _date_needles(date: str | None) -> list[str]:
    m = re.search(r"(\d{2})-(\d{2})$", date or "")
    if not m:
        return []
    month, day = int(m.group(1)), int(m.group(2))
    return [f"{day}/{month}", f"{day:02d}/{month:02d}", f"{day}-{month}", f"{day}.{month}", f"ngày {day} tháng {month}"]


HOLDS = ("person", "role", "body")


def _same_event(p: dict[str, Any], g: dict[str, Any]) -> bool:
    return _k(p["kind"]) == _k(g["kind"]) and p.get("date") in _dates(g)


KIND_RULES = {
    "holds": _Kind(
        "holds", lambda p, g: all(_k(p[f]) == _k(g[f]) for f in HOLDS),
        lambda h: " | ".join(str(h[f]) for f in HOLDS),
        lambda h: [h.get("title_as_written") or "", h["person"], h["person"].split()[-1]],
        lambda g: bool(g.get("optional"))),
    "events": _Kind(
        "events", _same_event, lambda e: f"{e['kind']} {e.get('date')} {e.get('name') or ''}".strip(),
        lambda e: [e.get("name") or "", e["kind"], *_date_needles(e.get("date"))]),
    "terms": _Kind(
        "terms", lambda p, g: p["term"] == g["term"] and _same_body(p["body_or_congress"], g["body_or_congress"]),
        lambda t: f"{t['body_or_congress']} {t['term']}",
        lambda t: [*t["term"].split("-"), t["body_or_congress"]]),
    "documents": _Kind(
        "documents", lambda p, g: _doc_number(p) == _doc_number(g) and _k(p["kind"]) == _k(g["kind"]),
        lambda d: f"{d['kind']} {d['id_as_written']}", lambda d: [d["id_as_written"], d["kind"]]),
}


def _event_items(e: dict[str, Any]) -> list[tuple[str, str]]:
    """An event's details as comparable (field, value) pairs; chairs count as present too."""
    items = [("place", _k(e["place"]))] if e.get("place") else []
    items += [("organizer", _k(e["organizer"]))] if e.get("organizer") else []
    items += [("chair", _k(p)) for p in e.get("chair", [])]
    items += [("present", _k(p)) for p in [*e.get("chair", []), *e.get("participants", [])]]
    return sorted(set(items))


def _show_detail(label: str, item: tuple[str, str]) -> str:
    return f"{label}: {item[0]} = {item[1]}"


def _detail_needles(item: tuple[str, str]) -> list[str]:
    return [item[1], item[1].split()[-1]]


def _same_evidence(evidence: tuple[str | None, str | None], _: Any) -> tuple[str | None, str | None]:
    return evidence


def _details(pred: list[dict[str, Any]], gold: list[dict[str, Any]], article: str, text: str) -> Score:
    """Place, organizer, chairs and people present, over the events both sides have."""
    s = Score()
    for g in gold:
        p = next((p for p in pred if _same_event(p, g)), None)
        if p is None:
            continue
        label = f"{g['kind']} {g.get('date')}"
        kind = _Kind("event_details", operator.eq, partial(_show_detail, label), _detail_needles)
        s.add(_match(_event_items(p), _event_items(g), kind, article, text, partial(_same_evidence, _evidence(p))))
    return s


def score_article(pred: dict[str, Any], gold: dict[str, Any], text: str = "") -> dict[str, Score]:
    """Scores of one article, per fact kind; text (the article) lets misses show their sentence."""
    aid = gold["id"]
    out = {}
    for name, kind in KIND_RULES.items():
        p, g = pred.get(name, []), gold.get(name, [])
        if name == "holds":
            p, g = _unique(p, HOLDS), _unique(g, HOLDS)
        out[name] = _match(p, g, kind, aid, text)
        if name == "events":
            out["event_details"] = _details(p, g, aid, text)
    for s in out.values():
        categorise(s.misses)
    return {k: out[k] for k in KINDS}


def _near(a: Miss, b: Miss, fields: tuple[int, ...]) -> bool:
    pa, pb = a.fact.split(" | "), b.fact.split(" | ")
    return len(pa) == len(pb) and all(_k(pa[i]) == _k(pb[i]) for i in fields)


def categorise(misses: list[Miss]) -> None:
    """Name each miss's error kind: a near-miss pair (wrong body, wrong role) or missed/extra."""
    for m in misses:
        other = [o for o in misses if o.sign != m.sign]
        what = {"FP": "extra", "FN": "missed"}[m.sign]
        if m.kind == "holds":
            if any(_near(m, o, (0, 1)) for o in other):
                m.category = "holds: wrong body"
            elif any(_near(m, o, (0, 2)) for o in other):
                m.category = "holds: wrong role"
            elif any(_near(m, o, (0,)) for o in other):
                m.category = "holds: wrong title"
            else:
                m.category = f"holds: {what} person-title"
        elif m.kind == "terms" and any(o.kind == "terms" and o.fact.split()[-1] == m.fact.split()[-1] for o in other):
            m.category = "terms: wrong body"
        elif m.kind == "events" and any(o.kind == "events" and o.fact.split()[0] == m.fact.split()[0] for o in other):
            m.category = "events: wrong date"
        elif m.kind == "event_details":
            m.category = f"event {m.fact.split(': ', 1)[1].split(' = ')[0]}: {what}"
        else:
            m.category = f"{m.kind}: {what}"


def load_gold(folder: Path) -> dict[str, dict[str, Any]]:
    """Gold files of a folder, by article id."""
    out = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out[str(data.get("id") or path.stem)] = data
    return out


def evaluate(predicted: list[dict[str, Any]], gold: dict[str, dict[str, Any]],
             texts: dict[str, str] | None = None) -> dict[str, Any]:
    """Per-kind and overall figures, every miss (with its sentence when texts are given), error kinds."""
    totals = {k: Score() for k in KINDS}
    by_id = {p["id"]: p for p in predicted}
    for aid, g in sorted(gold.items()):
        for kind, s in score_article(by_id.get(aid, {}), g, (texts or {}).get(aid, "")).items():
            totals[kind].add(s)
    overall = Score()
    for s in totals.values():
        overall.add(s)
    return {
        "per_kind": {k: s.figures() for k, s in totals.items()},
        "overall": overall.figures(),
        "misses": overall.misses,
        "error_kinds": Counter(m.category for m in overall.misses).most_common(),
        "articles": len(gold),
        "missing": sorted(set(gold) - set(by_id)),
    }
