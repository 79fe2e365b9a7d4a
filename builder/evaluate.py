"""Precision, recall and F1 of the facts a graph holds against gold files.

Matching, per fact kind (names compared after folding case, tone placement and spaces):
- holds: (person, role, body); gold facts marked optional cost nothing when missed.
- events: (kind, date), a date matching the gold date or one of its alternatives;
  event_people: (event, person, chair or present) over matched events, place and
  organizer as (event, field, value).
- terms: (term, body) where the body names share most of their words.
- documents: (number, kind); the number is the leading digits of id_as_written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from builder.resolve import key

KINDS = ("holds", "events", "event_details", "terms", "documents")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.errors += other.errors

    def figures(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _k(text: Any) -> str:
    return key(str(text or "")).replace("thành phố hồ chí minh", "tp hcm")


def _match(pred: list[Any], gold: list[Any], same: Callable[[Any, Any], bool],
           optional: Callable[[Any], bool], show: Callable[[Any], str], article: str) -> Score:
    """Greedy one-to-one matching of predicted and gold items."""
    s = Score()
    free = list(gold)
    for p in pred:
        hit = next((g for g in free if same(p, g)), None)
        if hit is not None:
            free.remove(hit)
            s.tp += 1
        else:
            s.fp += 1
            s.errors.append(f"FP {article}: {show(p)}")
    for g in free:
        if not optional(g):
            s.fn += 1
            s.errors.append(f"FN {article}: {show(g)}")
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


def score_article(pred: dict[str, Any], gold: dict[str, Any]) -> dict[str, Score]:
    """Scores of one article, per fact kind."""
    aid = gold["id"]
    out: dict[str, Score] = {}
    holds = ("person", "role", "body")
    out["holds"] = _match(
        _unique(pred.get("holds", []), holds), _unique(gold.get("holds", []), holds),
        lambda p, g: all(_k(p[f]) == _k(g[f]) for f in holds),
        lambda g: bool(g.get("optional")), lambda h: " | ".join(str(h[f]) for f in holds), aid)

    def same_event(p: dict[str, Any], g: dict[str, Any]) -> bool:
        return _k(p["kind"]) == _k(g["kind"]) and p.get("date") in _dates(g)

    out["events"] = _match(pred.get("events", []), gold.get("events", []), same_event, lambda g: False,
                           lambda e: f"{e['kind']} {e.get('date')} {e.get('name')}", aid)
    details = Score()
    for g in gold.get("events", []):
        p = next((p for p in pred.get("events", []) if same_event(p, g)), None)
        gold_items = _event_items(g)
        pred_items = _event_items(p) if p else []
        if p is None:
            continue
        label = f"{g['kind']} {g.get('date')}"
        details.add(_match(pred_items, gold_items, lambda a, b: a == b, lambda _: False,
                           _detail_label(label), aid))
    out["event_details"] = details
    out["terms"] = _match(
        pred.get("terms", []), gold.get("terms", []),
        lambda p, g: p["term"] == g["term"] and _same_body(p["body_or_congress"], g["body_or_congress"]),
        lambda g: False, lambda t: f"{t['body_or_congress']} {t['term']}", aid)
    out["documents"] = _match(
        pred.get("documents", []), gold.get("documents", []),
        lambda p, g: _doc_number(p) == _doc_number(g) and _k(p["kind"]) == _k(g["kind"]),
        lambda g: False, lambda d: f"{d['kind']} {d['id_as_written']}", aid)
    return out


def _detail_label(label: str) -> Callable[[Any], str]:
    return lambda item: f"{label}: {item[0]} = {item[1]}"


def _event_items(e: dict[str, Any]) -> list[tuple[str, str]]:
    """An event's details as comparable (field, value) pairs; chairs count as present too."""
    items = [("place", _k(e["place"]))] if e.get("place") else []
    items += [("organizer", _k(e["organizer"]))] if e.get("organizer") else []
    items += [("chair", _k(p)) for p in e.get("chair", [])]
    items += [("present", _k(p)) for p in [*e.get("chair", []), *e.get("participants", [])]]
    return sorted(set(items))


def load_gold(folder: Path) -> dict[str, dict[str, Any]]:
    """Gold files of a folder, by article id."""
    out = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out[str(data.get("id") or path.stem)] = data
    return out


def evaluate(predicted: list[dict[str, Any]], gold: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Per-kind and overall figures, and every false positive and negative."""
    totals = {k: Score() for k in KINDS}
    by_id = {p["id"]: p for p in predicted}
    for aid, g in sorted(gold.items()):
        for kind, s in score_article(by_id.get(aid, {}), g).items():
            totals[kind].add(s)
    overall = Score()
    for s in totals.values():
        overall.add(s)
    return {
        "per_kind": {k: s.figures() for k, s in totals.items()},
        "overall": overall.figures(),
        "errors": overall.errors,
        "articles": len(gold),
        "missing": sorted(set(gold) - set(by_id)),
    }
