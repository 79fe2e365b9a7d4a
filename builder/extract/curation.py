"""Curation: a reviewer's decisions (the review CSV of builder.use.review with `decision` filled in:
accept, reject, correct) applied to an article's fresh facts by stable fact id. See docs/internals.md."""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from builder import resolve
from builder.errors import CurationError
from builder.model import Facts

DECISIONS = ("accept", "reject", "correct")
DATE = re.compile(r"(?:\d{4}|-)-\d{2}-\d{2}")  # 2023-12-28, or --12-28 when the year is unknown
TERM = re.compile(r"(\d{4})-(\d{4})")
# the columns a curation file must have: the id, the decision and whatever a correction may change
READ = ("fact_id", "decision", "person", "role", "body", "title_as_written", "event_kind", "name", "date", "place",
        "organizer", "chair", "participants", "term", "document_kind", "document", "issuer")
# what a correction must give, per fact kind (the first part of a fact id)
REQUIRED = {"holding": ("person", "role", "body", "title_as_written"), "event": ("event_kind",),
            "termmention": ("body", "term"), "citation": ("document_kind", "document")}


@dataclass(frozen=True)
class Decision:
    """One reviewer decision: the row it was read from (all columns) and its line in the file."""

    fact_id: str
    decision: str
    row: dict[str, str]
    line: int

    @property
    def kind(self) -> str:
        return self.fact_id.split("/", 1)[0]


# ---------------------------------------------------------------- curation file


def load(path: Path) -> dict[str, Decision]:
    """The decisions of a curation file, by fact id; CurationError names the file and line of a problem."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in READ if c not in (reader.fieldnames or [])]
            if missing:
                raise CurationError(f"{path}: line 1: missing columns: {', '.join(missing)}")
            decisions: dict[str, Decision] = {}
            for row in reader:
                d = _decision(path, reader.line_num, {k: (v or "").strip() for k, v in row.items() if k})
                if d is None:
                    continue
                if d.fact_id in decisions:
                    first = decisions[d.fact_id].line
                    raise CurationError(f"{path}: line {d.line}: {d.fact_id} already has a decision on line {first}")
                decisions[d.fact_id] = d
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise CurationError(f"{path}: cannot read curation file ({err})") from err
    return decisions


def _decision(path: Path, line: int, row: dict[str, str]) -> Decision | None:
    decision = row["decision"].lower()
    if not decision:
        return None
    where = f"{path}: line {line}"
    if decision not in DECISIONS:
        raise CurationError(f"{where}: unknown decision {row['decision']!r} (accept, reject or correct)")
    d = Decision(row["fact_id"], decision, row, line)
    if d.kind not in REQUIRED or d.fact_id.count("/") < 2:
        raise CurationError(f"{where}: {row['fact_id']!r} is not a fact id (see `kg review`)")
    if decision == "correct":
        empty = [c for c in REQUIRED[d.kind] if not row[c]]
        if empty:
            raise CurationError(f"{where}: a corrected {d.kind} needs {', '.join(empty)}")
        if row["date"] and d.kind in ("event", "citation") and not DATE.fullmatch(row["date"]):
            raise CurationError(f"{where}: date {row['date']!r} is not YYYY-MM-DD or --MM-DD")
        if d.kind == "termmention" and not _term(row["term"]):
            raise CurationError(f"{where}: term {row['term']!r} is not YYYY-YYYY (first year not after the last)")
    return d


def _term(text: str) -> tuple[int, int] | None:
    m = TERM.fullmatch(text)
    return (int(m.group(1)), int(m.group(2))) if m and m.group(1) <= m.group(2) else None


def _names(text: str) -> list[str]:
    return [n.strip() for n in text.split(";") if n.strip()]


# ---------------------------------------------------------------- applying


def _holding(h: Any, r: dict[str, str]) -> Any:
    return replace(h, person=r["person"], role=r["role"], body=r["body"], title=r["title_as_written"])


def _event(ev: Any, r: dict[str, str]) -> Any:
    return replace(ev, kind=r["event_kind"], name=r["name"] or None, date=r["date"] or None,
                   place=r["place"] or None, organizer=r["organizer"] or None,
                   chair=_names(r["chair"]), participants=_names(r["participants"]))


def _termmention(t: Any, r: dict[str, str]) -> Any:
    start, end = _term(r["term"]) or (t.start, t.end)
    return replace(t, body=r["body"], start=start, end=end)


def _citation(d: Any, r: dict[str, str]) -> Any:
    return replace(d, kind=r["document_kind"], id_as_written=r["document"], date=r["date"] or None,
                   issuer=r["issuer"] or None)


# per fact kind: the Facts list it lives in, its id, and how a correction is applied
KINDS: dict[str, tuple[str, Callable[[str, Any], str], Callable[[Any, dict[str, str]], Any]]] = {
    "holding": ("holdings", resolve.holding_id, _holding),
    "event": ("events", resolve.event_id, _event),
    "termmention": ("terms", resolve.term_id, _termmention),
    "citation": ("documents", resolve.citation_id, _citation),
}


def curate(decisions: dict[str, Decision], article_id: str, facts: Facts) -> tuple[Facts, frozenset[str]]:
    """One article's facts with the decisions applied (the same object when none applies), and the ids of the
    facts a decision was found for."""
    met: set[str] = set()
    changed: dict[str, list[Any]] = {}
    for attr, fact_id, correct in KINDS.values():
        kept, touched = [], False
        for fact in getattr(facts, attr):
            fid = fact_id(article_id, fact)
            d = decisions.get(fid)
            if d is None:
                kept.append(fact)
                continue
            met.add(fid)
            touched = True
            if d.decision == "accept":
                kept.append(replace(fact, curation="accept"))
            elif d.decision == "correct":
                kept.append(replace(correct(fact, d.row), fact_id=fid, curation="correct"))
        if touched:
            changed[attr] = kept
    return (replace(facts, **changed) if changed else facts), frozenset(met)


def outcome(decisions: dict[str, Decision], met: Iterable[str]) -> tuple[Counter[str], list[str]]:
    """How many facts each decision touched (met: the ids of the facts a decision was found for, over the
    whole build), and one line per stale entry (a decision whose fact was not extracted)."""
    found = set(met)
    applied = Counter(decisions[fid].decision for fid in found)
    stale = [f"stale curation entry {fid} (line {d.line}, {d.decision}): no such fact in this build"
             for fid, d in sorted(decisions.items(), key=lambda kv: kv[1].line) if fid not in found]
    return applied, stale
