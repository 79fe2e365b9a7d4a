"""Precision, recall and F1 of the facts a graph holds against gold files — the reference scorer's figures
(shared/eval/score.py), every miss with its sentence and an error kind. See docs/internals.md."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KINDS = ("holds", "events", "terms", "documents")
SENTENCES = re.compile(r"[^\n.!?;]+(?:[.!?;]+|$)")
ABBR = [(r"\bt\.\s?ư\b\.?", "trung ương"), (r"\btư\b", "trung ương"), (r"\bt\.\s?w\b\.?", "trung ương"),
        (r"\btw\b", "trung ương")]
BODY_ALIAS = {"ban chấp hành trung ương đảng": "ban chấp hành trung ương",
              "trung ương đảng": "ban chấp hành trung ương",
              "ban tổ chức trung ương đảng": "ban tổ chức trung ương",
              "bch trung ương": "ban chấp hành trung ương"}
LETTER = "a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
OLD_TONES = re.compile(rf"(o[àáảãạ]|o[èéẻẽẹ]|u[ỳýỷỹỵ])(?![{LETTER}])")
NEW_TONE = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ"}
DOC_KIND = re.compile(r"^(quy định|hướng dẫn|quyết định|kết luận|nghị quyết|chỉ thị)\s+(số\s+)?")


def _new_tone(m: re.Match[str]) -> str:
    """'oà' → 'òa', 'uỷ' → 'ủy': the tone mark moves to the first vowel."""
    base, marked = m.group()[0], m.group()[1]
    vowel = next(v for v, tones in NEW_TONE.items() if marked in tones)
    index = NEW_TONE[vowel].index(marked)
    return ("òóỏõọ" if base == "o" else "ùúủũụ")[index] + vowel


def norm(s: Any) -> str | None:
    """The reference scorer's normal form of a name, role or date."""
    if s is None:
        return None
    s = unicodedata.normalize("NFC", str(s)).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    s = OLD_TONES.sub(_new_tone, s.replace("\u00a0", " ").lower())
    s = re.sub(r"\s+", " ", s).strip(" .,;:")
    for pat, rep in ABBR:
        s = re.sub(pat, rep, s)
    return re.sub(r"^(đồng chí|ông|bà)\s+", "", s)


def body(s: Any) -> str | None:
    """The normal form of a body or place name."""
    s = norm(s)
    if not s:
        return s
    s = re.sub(r"\b(tp\.?\s?hcm|tp\.?\s?hồ chí minh|thành phố hồ chí minh)\b", "hồ chí minh", s)
    s = re.sub(r"\b(thành phố|tp\.?)\s+", "", s)
    return BODY_ALIAS.get(s, s)


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
    outcomes: list[tuple[Claims, bool]] = field(default_factory=list)  # each predicted fact: its claims, right?

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.misses += other.misses
        self.outcomes += other.outcomes

    def figures(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def locate(text: str, needles: list[str]) -> str | None:
    """The sentence of text containing most of the needles (weighted by length)."""
    wanted = [body(n) or "" for n in needles if n and len(str(n)) > 1]
    best, best_score = None, 0
    for m in SENTENCES.finditer(text):
        sentence = body(m.group()) or ""
        score = sum(len(n) for n in wanted if n and n in sentence)
        if score > best_score:
            best, best_score = m.group().strip(), score
    return best


Claims = tuple[tuple[str, float], ...]  # (rule, confidence) of each evidence of a predicted fact
Evidence = tuple[str | None, str | None, Claims]


def _evidence(item: dict[str, Any]) -> Evidence:
    """(first sentence, 'rule confidence' of it, every evidence's (rule, confidence)) of a predicted fact."""
    ev = item.get("evidence") or []
    claims = tuple(sorted({(e["rule"], float(e["confidence"])) for e in ev}))
    if not ev:
        return None, None, claims
    return ev[0]["sentence"], f"{ev[0]['rule']} {ev[0]['confidence']:.2f}", claims


# An item of a kind: its key (what is compared), how it shows, the words to find it by, and its evidence.
Item = tuple[Any, str, list[str], Evidence]


def _holds(a: dict[str, Any]) -> tuple[list[Item], set[Any]]:
    """(required items, keys of optional ones)."""
    items, optional = [], set()
    for h in a.get("holds") or []:
        k = (norm(h.get("person")), norm(h.get("role")), body(h.get("body")))
        if h.get("optional"):
            optional.add(k)
            continue
        items.append((k, f"{h.get('person')} | {h.get('role')} | {h.get('body')}",
                      [h.get("title_as_written") or "", h.get("person") or "", (h.get("person") or " ").split()[-1]],
                      _evidence(h)))
    return items, optional


def _terms(a: dict[str, Any]) -> list[Item]:
    out: list[Item] = []
    for t in a.get("terms") or []:
        owner, term = t.get("body_or_congress"), t.get("term")
        years = (norm(term) or "").replace("–", "-").replace(" ", "")
        out.append(((body(owner), years), f"{owner} {term}", [*str(term).split("-"), owner], _evidence(t)))
    return out


def _documents(a: dict[str, Any]) -> list[Item]:
    return [(DOC_KIND.sub("", norm(d.get("id_as_written")) or ""), f"{d.get('kind')} {d.get('id_as_written')}",
             [d.get("id_as_written") or "", d.get("kind") or ""], _evidence(d)) for d in a.get("documents") or []]


def _set_score(kind: str, pred: list[Item], gold: list[Item], article: str, text: str,
               optional: set[Any] = frozenset()) -> Score:  # type: ignore[assignment]
    """The reference scorer's set matching of one kind, with a Miss for each difference."""
    s = Score()
    gold_keys = {k for k, *_ in gold}
    seen: set[Any] = set()
    for k, shown, _, (sentence, rule, claims) in pred:
        if k in optional or k in seen:
            continue
        seen.add(k)
        s.outcomes.append((claims, k in gold_keys))
        if k in gold_keys:
            s.tp += 1
        else:
            s.fp += 1
            s.misses.append(Miss("FP", article, kind, shown, sentence, rule))
    reported: set[Any] = set()
    for k, shown, needles, _ in gold:
        if k not in seen and k not in reported:
            reported.add(k)
            s.fn += 1
            s.misses.append(Miss("FN", article, kind, shown, locate(text, needles)))
    return s


def _event_facts(a: dict[str, Any], gold: bool) -> list[tuple[str, Any, tuple[Any, ...], str, Evidence]]:
    """(attribute, value, date alternatives, event label, evidence) of every event's details."""
    out = []
    for e in a.get("events") or []:
        label, ev = f"{e.get('kind')} {e.get('date')}", _evidence(e)
        if e.get("date"):
            alts = tuple(norm(x) for x in e.get("date_alternatives") or []) if gold else ()
            out.append(("date", norm(e["date"]), alts, label, ev))
        for k in ("place", "organizer"):
            if e.get(k):
                out.append((k, body(e[k]), (), label, ev))
        for p in e.get("chair") or []:
            out.append(("chair", norm(p), (), label, ev))
        for p in sorted({norm(x) or "" for k in ("chair", "participants") for x in e.get(k) or []}):
            out.append(("present", p, (), label, ev))
    return out


def _same_fact(attr: str, value: Any, gold_value: Any, alternatives: tuple[Any, ...]) -> bool:
    return value == gold_value or attr == "date" and value in alternatives or (
        attr == "place" and bool(value and gold_value) and (value in gold_value or gold_value in value))


def _event_score(pred: dict[str, Any], gold: dict[str, Any], article: str, text: str) -> Score:
    """The reference scorer's one-to-one matching of event details, in order."""
    s = Score()
    gold_facts = _event_facts(gold, gold=True)
    used = [False] * len(gold_facts)
    for attr, value, _, label, (sentence, rule, claims) in _event_facts(pred, gold=False):
        hit = next((i for i, (ga, gv, alts, _, _) in enumerate(gold_facts)
                    if not used[i] and ga == attr and _same_fact(attr, value, gv, alts)), None)
        s.outcomes.append((claims, hit is not None))
        if hit is None:
            s.fp += 1
            s.misses.append(Miss("FP", article, "events", f"{label}: {attr} = {value}", sentence, rule))
        else:
            used[hit] = True
            s.tp += 1
    for i, (attr, value, _, label, _) in enumerate(gold_facts):
        if not used[i]:
            s.fn += 1
            needles = [str(value), str(value).split()[-1]] if attr != "date" else [label]
            s.misses.append(Miss("FN", article, "events", f"{label}: {attr} = {value}", locate(text, needles)))
    return s


def score_article(pred: dict[str, Any], gold: dict[str, Any], text: str = "") -> dict[str, Score]:
    """Scores of one article, per fact kind; text (the article) lets misses show their sentence."""
    aid = str(gold.get("id"))
    gold_holds, optional = _holds(gold)
    pred_holds, _ = _holds({"holds": [dict(h, optional=False) for h in pred.get("holds") or []]})
    kinds: dict[str, Callable[[dict[str, Any]], list[Item]]] = {"terms": _terms, "documents": _documents}
    out = {"holds": _set_score("holds", pred_holds, gold_holds, aid, text, optional),
           "events": _event_score(pred, gold, aid, text)}
    for name, items in kinds.items():
        out[name] = _set_score(name, items(pred), items(gold), aid, text)
    for sc in out.values():
        categorise(sc.misses)
    return {k: out[k] for k in KINDS}


def _near(a: Miss, b: Miss, fields: tuple[int, ...]) -> bool:
    pa, pb = a.fact.split(" | "), b.fact.split(" | ")
    return len(pa) == len(pb) and all(norm(pa[i]) == norm(pb[i]) for i in fields)


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
        elif m.kind == "events":
            attr = m.fact.rsplit(": ", 1)[1].split(" = ")[0]
            wrong = attr == "date" and any(o.kind == "events" and " date = " in o.fact for o in other)
            m.category = "event date: wrong" if wrong else f"event {attr}: {what}"
        else:
            m.category = f"{m.kind}: {what}"


def load_gold(folder: Path) -> dict[str, dict[str, Any]]:
    """Gold files of a folder, by article id (the file's stem, as the reference scorer keys them)."""
    out = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out[path.stem] = {**data, "id": path.stem}
    return out


def evaluate(predicted: list[dict[str, Any]], gold: dict[str, dict[str, Any]],
             texts: dict[str, str] | None = None) -> dict[str, Any]:
    """Per-kind and overall figures, every miss (with its sentence when texts are given), error kinds."""
    totals = {k: Score() for k in KINDS}
    by_id = {Path(str(p.get("id"))).stem: p for p in predicted}
    for aid, g in sorted(gold.items()):
        for kind, s in score_article(by_id.get(aid, {}), g, (texts or {}).get(aid, "")).items():
            totals[kind].add(s)
    overall = Score()
    for s in totals.values():
        overall.add(s)
    return {
        "per_kind": {k: s.figures() for k, s in totals.items()},
        "overall": overall.figures(),
        "outcomes": overall.outcomes,
        "misses": overall.misses,
        "error_kinds": Counter(m.category for m in overall.misses).most_common(),
        "articles": len(gold),
        "missing": sorted(set(gold) - set(by_id)),
    }


def calibrate(outcomes: list[tuple[Claims, bool]]) -> dict[str, tuple[float, int, int]]:
    """Each rule's measured precision: (confidence, right, wrong) over the predicted facts it read, the
    confidence smoothed as (right + 1) / (right + wrong + 2) so that a rule seen a few times stays modest."""
    counts: dict[str, list[int]] = {}
    for claims, right in outcomes:
        for rule in {r for r, _ in claims}:
            counts.setdefault(rule, [0, 0])[0 if right else 1] += 1
    return {rule: (round((ok + 1) / (ok + bad + 2), 2), ok, bad) for rule, (ok, bad) in sorted(counts.items())}


def reliability(outcomes: list[tuple[Claims, bool]], confidence: Callable[[str, float], float],
                edges: tuple[float, ...] = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)) -> list[tuple[str, float, int]]:
    """(confidence bucket, observed precision, facts) with each fact at its best evidence's confidence, as
    `confidence(rule, confidence written)` gives it."""
    rows = []
    scored = [(max((confidence(r, c) for r, c in claims), default=0.0), right) for claims, right in outcomes]
    for low, high in zip((0.0, *edges[:-1]), edges):
        inside = [right for c, right in scored if low <= c < high]
        if inside:
            label = f"[{low:.2f}, {min(high, 1.0):.2f}{']' if high > 1 else ')'}"
            rows.append((label, round(sum(inside) / len(inside), 3), len(inside)))
    return rows


def write_calibration(path: Path, rows: list[dict[str, Any]]) -> None:
    """The measured confidences as the registry's data file (rule_confidences.tsv), written atomically."""
    from builder.files import write_atomic

    head = ("# Source: measured by `kg eval --calibrate` (precision of each rule's facts against gold facts,\n"
            "#   smoothed as (right + 1) / (right + wrong + 2)); regenerate after changing a rule. A rule not listed\n"
            "#   keeps the prior in rules.py.\n")
    columns = ["rule", "confidence", "right", "wrong", "measured_on"]
    lines = ["\t".join(columns)] + ["\t".join(str(r[c]) for c in columns) for r in rows]
    write_atomic(path, head + "\n".join(lines) + "\n")
