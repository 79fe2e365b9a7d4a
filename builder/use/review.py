"""Review: the facts of a built graph as a CSV to check, least sure first; filled in, it is a curation file
(builder.extract.curation).

`review_rows()` reads every fact back from the graph (saved queries `review-facts` and
`facts-event-people`).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from rdflib import Dataset

from builder.errors import CurationError
from builder.files import csv_text, write_atomic
from builder.use.query import run

COLUMNS = ("fact_id", "kind", "article", "confidence", "rule", "person", "role", "body", "title_as_written",
           "event_kind", "name", "date", "place", "organizer", "chair", "participants", "term",
           "document_kind", "document", "issuer", "sentence", "decision", "note")
SEP = "; "  # between names in the chair and participants columns, and between rules
FIELDS = {"person": "person", "role": "role", "body": "body", "title": "title_as_written", "eventKind": "event_kind",
          "name": "name", "date": "date", "place": "place", "organizer": "organizer",
          "documentKind": "document_kind", "document": "document", "issuer": "issuer"}


def review_rows(ds: Dataset) -> list[dict[str, str]]:
    """One row per fact, in COLUMNS, least sure first (confidence, then fact id)."""
    people: dict[str, dict[str, list[str]]] = {}
    for r in run("facts-event-people", ds)[1]:
        entry = people.setdefault(r["event"], {"chair": [], "participants": []})
        entry["chair" if r["chair"] in (True, "true") else "participants"].append(r["person"])
    facts: dict[str, dict[str, Any]] = {}
    best: dict[str, tuple[float, int]] = {}
    for r in run("review-facts", ds)[1]:
        fid, confidence = r["factId"], float(r["confidence"])
        row = facts.setdefault(fid, _row(fid, r, people.get(r["fact"], {})))
        row["rules"].add(r["rule"])
        if fid not in best or (-confidence, r["start"]) < (-best[fid][0], best[fid][1]):
            best[fid] = (confidence, r["start"])
            row["confidence"], row["sentence"] = f"{confidence:.2f}", r["sentence"]
    rows = list(facts.values())
    for row in rows:
        row["rule"] = SEP.join(sorted(row.pop("rules")))
    return sorted(rows, key=lambda r: (float(r["confidence"]), r["fact_id"]))


def _row(fid: str, r: dict[str, Any], people: dict[str, list[str]]) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(COLUMNS, "")
    row.update(fact_id=fid, kind=fid.split("/", 1)[0], article=r["articleId"], rules=set())
    row.update({col: str(r[var]) for var, col in FIELDS.items() if r.get(var) is not None})
    if r.get("termStart") is not None:
        row["term"] = f"{r['termStart']}-{r['termEnd']}"
    row["chair"], row["participants"] = (SEP.join(people.get(k, [])) for k in ("chair", "participants"))
    return row


def write_review(ds: Dataset, path: Path, force: bool = False) -> int:
    """Write the review CSV atomically; never over a file holding decisions unless forced. Returns the rows."""
    if not force and path.is_file() and _has_decisions(path):
        raise CurationError(f"{path}: holds reviewer decisions (or is no review CSV); write the review elsewhere "
                            "(or --force)")
    rows = review_rows(ds)
    write_atomic(path, csv_text(list(COLUMNS), rows))
    return len(rows)


def _has_decisions(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return any((r.get("decision") or "").strip() for r in csv.DictReader(fh))
    except (UnicodeDecodeError, csv.Error):
        return True  # not ours to overwrite either
