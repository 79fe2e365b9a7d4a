"""Extraction: one clean article → facts (holdings, events, terms, documents) with evidence."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from builder.extract.documents import find_documents
from builder.extract.events import PRESENCE, find_events
from builder.extract.terms import find_terms
from builder.extract.titles import Context, article_context, bind, body_at, names
from builder.gazetteer import Gazetteer, gazetteer
from builder.model import Event, Evidence, Facts, Holding
from builder.nlp import analyse, proper_name_starts, split_sentences

if TYPE_CHECKING:
    from builder.ingest import Article

SHORT_REF = re.compile(r"\b(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)\s+([A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?!\s+[A-ZĐÀ-Ỹ])")
CHAIR_AFTER = re.compile(r"^\s*(?:đã\s+|cùng\s+)?chủ trì")
CHAIR_BEFORE = re.compile(r"(?:\bdo|chủ trì:?)\s*(?:đồng chí\s+|ông\s+|bà\s+)?$", re.I)


def _expander(g: Gazetteer, ctx: Context):  # type: ignore[no-untyped-def]
    def expand(written: str) -> str:
        syls = g.syllables(written)
        hit = body_at(g, syls, 0, ctx)
        if hit and hit[0] == len(syls):
            return hit[1]
        return written
    return expand


def _body_starting(g: Gazetteer, ctx: Context):  # type: ignore[no-untyped-def]
    def body_after(text: str) -> str | None:
        syls = g.syllables(text[:120])
        hit = body_at(g, syls, 0, ctx)
        return hit[1] if hit else None
    return body_after


def _headline(article: Article) -> str | None:
    paras = [p for p in article.clean.paragraphs if not p.meta]
    if not paras:
        return None
    first = article.clean.text[paras[0].start:paras[0].end]
    return first if len(first) < 200 and not first.rstrip().endswith(".") else None


def extract(article: Article) -> Facts:
    """All facts of one article, each with the sentence it came from."""
    g = gazetteer()
    clean = article.clean
    ctx = article_context(g, g.syllables(clean.text))
    expand, body_after = _expander(g, ctx), _body_starting(g, ctx)
    published = article.meta.get("published")
    headline = _headline(article)
    proper = proper_name_starts(analyse(clean))
    facts = Facts()
    mentions: list[tuple[int, int, str]] = []  # (sentence start, end, person)
    chairs: list[str] = []
    for start, end, caption in split_sentences(clean):
        text = clean.text[start:end]
        syls = g.syllables(text, start)
        for name, title, rule in bind(g, syls, text, start, ctx, proper):
            written = clean.text[syls[title.start].start:syls[title.end - 1].end]
            ev = Evidence(start, end, rule, 0.6 if caption else 0.85 if rule != "list-header" else 0.7, caption)
            facts.holdings.append(Holding(name.text, title.role, title.body, written, ev))
        is_headline = text == headline or (len(text) < 200 and text[-1] not in ".:;" and text[:1].isupper())
        new = find_events(g, text, start, syls, published, caption, headline, is_headline)
        for event in new:
            event.organizer = _organizer(g, syls, ctx)
        facts.events += new
        facts.terms += find_terms(text, start, expand)
        facts.documents += find_documents(text, start, body_after)
        found = names(g, syls, text, start)
        for n in found:
            after = clean.text[syls[n.end - 1].end:end]
            before = clean.text[start:syls[n.start].start]
            if CHAIR_AFTER.match(after) or (CHAIR_BEFORE.search(before) and "chủ trì" in after[:80]):
                chairs.append(n.text)
        if PRESENCE.search(text) or is_headline or caption:
            mentions += [(start, end, n.text) for n in found]
            full = {n.text.split()[-1]: n.text for n in found}
            mentions += [(start, end, full[m.group(1)]) for m in SHORT_REF.finditer(text) if m.group(1) in full]
    _resolve_short_refs(clean.text, facts, mentions)
    facts.events = _dedupe_events(facts.events)
    _attach_people(facts, mentions, chairs)
    facts.documents = list({(d.kind, d.number): d for d in reversed(facts.documents)}.values())[::-1]
    return facts


def _organizer(g: Gazetteer, syls: list, ctx: Context) -> str | None:  # type: ignore[type-arg]
    """'Ban Tổ chức Trung ương tổ chức Hội nghị …', '… đã họp' → the body named before the verb."""
    keys = [s.key for s in syls]
    for i in range(len(keys)):
        hit = body_at(g, syls, i, ctx)
        if not hit:
            continue
        j = hit[0] + (keys[hit[0]:hit[0] + 1] == ["đã"])
        if keys[j:j + 2] == ["tổ", "chức"] and g.event_kinds.longest(keys, j + 2) or keys[j:j + 1] == ["họp"]:
            return hit[1]
    return None


def _resolve_short_refs(text: str, facts: Facts, mentions: list[tuple[int, int, str]]) -> None:
    """'ông Hưng', 'bà Mai' → the full name the article gave before, by given name."""
    given = {h.person.split()[-1]: h.person for h in facts.holdings}
    for m in SHORT_REF.finditer(text):
        if m.group(1) in given:
            mentions.append((m.start(), m.end(), given[m.group(1)]))


def _attach_people(facts: Facts, mentions: list[tuple[int, int, str]], chairs: list[str]) -> None:
    """Chairs and participants go to the article's main (first dated) event."""
    if not facts.events:
        return
    main = facts.events[0]
    main.chair = list(dict.fromkeys(chairs))
    people = dict.fromkeys(p for _, _, p in sorted(mentions))
    main.participants = [p for p in people if p not in main.chair]


def _dedupe_events(events: list[Event]) -> list[Event]:
    """One event per (kind, date); an undated headline event names the dated one of its kind."""
    dated = {ev.kind: ev for ev in reversed(events) if ev.date}
    out: list[Event] = []
    seen: set[tuple[str, str | None]] = set()
    for ev in events:
        if ev.date is None and ev.kind in dated:
            target = dated[ev.kind]
            if ev.name and (not target.name or ev.evidence.rule == "event-headline" and ev.kind == "buổi làm việc"):
                target.name = ev.name
            continue
        if (ev.kind, ev.date) not in seen:
            seen.add((ev.kind, ev.date))
            out.append(ev)
    return out
