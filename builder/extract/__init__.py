"""Extraction: one clean article → facts (holdings, events, terms, documents) with evidence."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from builder.extract.documents import find_documents
from builder.extract.events import IN_PHOTO, PRESENCE, find_events
from builder.extract.terms import find_terms, merge_terms
from builder.extract.titles import Context, article_context, bind, body_at, names, skip_qualifiers
from builder.gazetteer import Gazetteer, gazetteer
from builder.model import Event, Evidence, Facts, Holding
from builder.nlp import analyse, proper_name_starts, split_sentences

if TYPE_CHECKING:
    from builder.ingest import Article

SHORT_REF = re.compile(r"\b(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)\s+([A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?!\s+[A-ZĐÀ-Ỹ])")
CHAIR_AFTER = re.compile(r"^(?:\s*,[^.;:]{0,120}?,?)?\s*(?:đã\s+|cùng\s+)?chủ trì")
CHAIR_BEFORE = re.compile(r"(?:\bdo|chủ trì:?)\s*(?:đồng chí\s+|ông\s+|bà\s+)?$", re.I)


def _body_readers(g: Gazetteer, ctx: Context):  # type: ignore[no-untyped-def]
    """expand(written): the canonical name of a text that is a body name, else the text;
    body_after(text): the body a text starts with, if any."""
    def leading(text: str) -> tuple[bool, str] | None:
        syls = g.syllables(text)
        hit = body_at(g, syls, 0, ctx)
        return (hit[0] == len(syls), hit[1]) if hit else None

    def expand(written: str) -> str:
        hit = leading(written)
        return hit[1] if hit and hit[0] else written

    def body_after(text: str) -> str | None:
        hit = leading(text[:120])
        return hit[1] if hit else None
    return expand, body_after


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
    expand, body_after = _body_readers(g, ctx)
    published = article.meta.get("published")
    headline = _headline(article)
    proper = proper_name_starts(analyse(clean))
    facts = Facts()
    known: dict[str, str] = {}  # given name → the full name the article used
    mentions: list[tuple[int, str]] = []  # (position, person)
    chairs: list[tuple[int, str]] = []
    for start, end, caption in split_sentences(clean):
        text = clean.text[start:end]
        syls = g.syllables(text, start)
        for name, title, rule in bind(g, syls, text, start, ctx, proper):
            written = clean.text[syls[title.start].start:syls[title.end - 1].end]
            ev = Evidence(start, end, rule, 0.6 if caption else 0.85 if rule != "list-header" else 0.7, caption)
            facts.holdings.append(Holding(name.text, title.role, title.body, written, ev))
        is_headline = text == headline or (len(text) < 200 and text[-1] not in ".:;," and text[:1].isupper())
        new = find_events(g, text, start, syls, published, caption, headline, is_headline)
        for event in new:
            event.organizer = _organizer(g, syls, ctx)
        facts.events += new
        facts.terms += find_terms(text, start, expand)
        facts.documents += find_documents(text, start, body_after)
        found = names(g, syls, text, start)
        known.update({n.text.split()[-1]: n.text for n in found})
        refs = [(syls[n.start].start, syls[n.end - 1].end, n.text) for n in found]
        refs += [(m.start(1) + start, m.end(1) + start, known[m.group(1)])
                 for m in SHORT_REF.finditer(text) if m.group(1) in known]
        for at, to, person in sorted(refs):
            if _chairs(clean.text[start:at], clean.text[to:end], to, [a for a, _, _ in refs if a > to]):
                chairs.append((at, person))
        if PRESENCE.search(text) or IN_PHOTO.search(text) or is_headline or caption:
            mentions += [(at, person) for at, _, person in refs]
    facts.events = _dedupe_events(facts.events)
    _date_bridge_points(facts.events)
    facts.terms = merge_terms(facts.terms)
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
        j = skip_qualifiers(syls, hit[0])
        j += keys[j:j + 1] == ["đã"]
        j += 3 * (keys[j:j + 3] == ["chủ", "trì", ","])  # "đã chủ trì, tổ chức"
        if keys[j:j + 2] == ["tổ", "chức"] and g.event_kinds.longest(keys, j + 2) or keys[j:j + 1] == ["họp"]:
            standing = keys[i - 2:i] == ["thường", "trực"]  # "Thường trực Ban Bí thư"
            return f"Thường trực {hit[1]}" if standing else hit[1]
    return None


def _chairs(before: str, after: str, to: int, later_names: list[int]) -> bool:
    """Is the person said to chair: 'A (, titles,) chủ trì' or 'do A (– titles) chủ trì', with no
    other name before the verb?"""
    verb = after.find("chủ trì")
    if verb < 0 or any(at < to + verb for at in later_names):
        return False
    return bool(CHAIR_AFTER.match(after) or CHAIR_BEFORE.search(before) and verb < 200 and ";" not in after[:verb])


def _attach_people(facts: Facts, mentions: list[tuple[int, str]], chairs: list[tuple[int, str]]) -> None:
    """Chairs and participants go to the event whose sentence comes last before them (else the first)."""
    if not facts.events:
        return
    events = sorted(facts.events, key=lambda ev: ev.evidence.start)

    def event_at(pos: int) -> Event:
        return next((ev for ev in reversed(events) if ev.evidence.start <= pos), events[0])

    for pos, person in sorted(chairs):
        if person not in (ev := event_at(pos)).chair:
            ev.chair.append(person)
    for pos, person in sorted(mentions):
        ev = event_at(pos)
        if person not in ev.chair and person not in ev.participants:
            ev.participants.append(person)
    for ev in events:
        ev.participants = [p for p in ev.participants if p not in ev.chair]


def _date_bridge_points(events: list[Event]) -> None:
    """A bridge point ('tại điểm cầu X') meets on the date of the conference named before it."""
    date = None
    for ev in sorted(events, key=lambda e: e.evidence.start):
        if ev.kind == "điểm cầu" and ev.date is None:
            ev.date = date
        date = ev.date or date


def _same_gathering(a: Event, b: Event) -> bool:
    """Same kind and date, and no different part of day or place."""
    return a.kind == b.kind and a.date == b.date and not (
        a.part_of_day and b.part_of_day and a.part_of_day != b.part_of_day
        or a.place and b.place and a.place != b.place)


def _dedupe_events(events: list[Event]) -> list[Event]:
    """One event per gathering; an undated headline event names the dated one of its kind."""
    dated = {ev.kind: ev for ev in reversed(events) if ev.date}
    out: list[Event] = []
    for ev in events:
        if ev.date is None and ev.kind in dated:
            target = dated[ev.kind]
            if ev.name and (not target.name or ev.evidence.rule == "event-headline" and ev.kind == "buổi làm việc"):
                target.name = ev.name
            continue
        if not any(_same_gathering(ev, seen) for seen in out):
            out.append(ev)
    return out
