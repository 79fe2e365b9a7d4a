"""The recall audit: where in a built corpus a holding may have been missed, ranked, for a curator to check —
a person named near a title or a body with no holding read from that sentence, and runs of list items
that gave nobody anything. It reads the articles and their facts, so it needs no gold."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from builder.extract.bind import item_start
from builder.extract.bodies import body_at
from builder.extract.context import ArticleContext, Sentence
from builder.extract.names import Name
from builder.extract.pipeline import article_context, sections, sentences
from builder.extract.titles import chain_at
from builder.files import csv_text, write_atomic
from builder.gazetteer import fold
from builder.model import Facts
from builder.text.ingest import Article
from builder.text.normalize import LIST_ITEM

COLUMNS = ["score", "kind", "article", "start", "end", "persons", "near", "sentence"]
REACH = 12  # syllables between a name and a role or body word for the two to be read together
RUN = 3  # list items in a row that gave nobody anything, for the run to be flagged


@dataclass(frozen=True)
class Flag:
    """One possible miss: its kind, how likely a miss it is (0–1), the article and the sentence's (or run's)
    character offsets in its clean text, the persons it is about and the role or body word near them."""

    score: float
    kind: str  # name-by-title (a title right by the name), name-near-title, list-no-items
    article: str
    start: int
    end: int
    persons: tuple[str, ...]
    near: str
    sentence: str

    def row(self) -> dict[str, object]:
        return {"score": f"{self.score:.2f}", "kind": self.kind, "article": self.article, "start": self.start,
                "end": self.end, "persons": "; ".join(self.persons), "near": self.near, "sentence": self.sentence}


def audit(articles: Iterable[Article], facts: Iterable[Facts]) -> list[Flag]:
    """Every possible miss of a corpus (articles and their facts, in the same order), likeliest first."""
    flags = [flag for article, found in zip(articles, facts) for flag in audit_article(article, found)]
    return sorted(flags, key=lambda f: (-f.score, f.article, f.start))


def audit_article(article: Article, facts: Facts) -> list[Flag]:
    """The possible misses of one article, each sentence read in the context extraction read it in."""
    whole = article_context(article)
    read = {(fold(h.person), h.evidence.start) for h in facts.holdings}
    holders = {fold(h.person) for h in facts.holdings}
    given = {(h.role, h.body, h.evidence.start) for h in facts.holdings}
    flags: list[Flag] = []
    run: list[Sentence] = []
    sents = sentences(article, whole)
    for k, (sent, ctx) in enumerate(zip(sents, sections(whole, sents))):
        flags += _unbound_titles(article.id, ctx, sent, sents[k + 1:], given)
        missed = [n for n in sent.names if (fold(n.text), sent.start) not in read]
        markers = _markers(ctx, sent) if missed else []
        flags += [f for n in missed
                  if (f := _near_title(article.id, ctx, sent, n, markers, fold(n.text) not in holders))]
        if sent.names and not missed and run:  # an item that gave something ends a run of empty ones
            flags += _empty_run(article.id, run)
            run = []
        if _looks_like_item(ctx, sent) and missed:
            run.append(sent)
        elif run:
            flags += _empty_run(article.id, run)
            run = []
    return flags + _empty_run(article.id, run)


def _markers(ctx: ArticleContext, sent: Sentence) -> list[tuple[int, int, str]]:
    """(start, end, as written) of every role word and body named in a sentence."""
    g, syls, keys = ctx.g, sent.syllables, sent.keys
    out = []
    for k in range(len(syls)):
        hit = g.roles.longest(keys, k) or (body_at(g, syls, k, ctx) if syls[k].capital else None)
        if hit:
            out.append((k, hit[0], sent.text[syls[k].start - sent.start:syls[hit[0] - 1].end - sent.start]))
    return out


def _near_title(article: str, ctx: ArticleContext, sent: Sentence, name: Name,
                markers: list[tuple[int, int, str]], holds_nothing: bool) -> Flag | None:
    """A name with a role word or a body near it in its sentence and no holding read from the sentence: the
    closer the likelier a miss (a title right by the name: 'A, Bí thư …'); less likely after 'nguyên'; more
    when the person holds nothing in the article."""
    near = [(min(abs(name.start - end), abs(start - name.end)), written, start)
            for start, end, written in markers if not (name.start <= start < name.end)]
    near = [n for n in near if n[0] <= REACH]
    if not near:
        return None
    distance, written, at = min(near)
    former = at > 0 and sent.keys[at - 1] in ctx.g.cue_words("former")
    score = (1.0 if distance <= 1 else 0.85 - 0.03 * distance) * (0.4 if former else 1.0)
    score = min(1.0, score + (0.1 if holds_nothing else 0.0))
    return Flag(round(score, 2), "name-by-title" if distance <= 1 else "name-near-title", article, sent.start,
                sent.end, (name.text,), written, sent.text)


def _unbound_titles(article: str, ctx: ArticleContext, sent: Sentence, after: Sequence[Sentence],
                    given: set[tuple[str, str, int]]) -> list[Flag]:
    """Titles of a sentence that gave no holding read from it: each with the name nearest it, or, in a list
    header (a sentence ending with ':'), with the persons of the items after it."""
    g, syls = ctx.g, sent.syllables
    items = [s.names[0].text for s in itertools.takewhile(lambda s: _looks_like_item(ctx, s), after)] \
        if sent.text.rstrip().endswith(":") else []
    flags, k = [], 0
    while k < len(syls):
        chain = chain_at(g, syls, k, ctx)
        if not chain:
            k += 1
            continue
        for t in chain:
            if t.former or (t.role, t.body, sent.start) in given:
                continue
            names = sorted(sent.names, key=lambda n: min(abs(n.start - t.end), abs(t.start - n.end)))
            persons = tuple(items) or tuple(n.text for n in names[:1])
            if persons:
                written = sent.text[syls[t.start].start - sent.start:syls[t.end - 1].end - sent.start]
                flags.append(Flag(0.7 if items else 0.75, "title-unbound", article, sent.start, sent.end, persons,
                                  written, sent.text))
        k = chain[-1].end
    return flags


def _looks_like_item(ctx: ArticleContext, sent: Sentence) -> bool:
    """A short line or bullet that starts with its person: what a list's item looks like."""
    short = len(sent.text) < 250 or LIST_ITEM.match(sent.text) is not None
    return short and bool(sent.names) and sent.names[0].start == item_start(sent, ctx)


def _empty_run(article: str, run: Sequence[Sentence]) -> list[Flag]:
    if len(run) < RUN:
        return []
    persons = tuple(s.names[0].text for s in run)
    return [Flag(min(1.0, 0.6 + 0.05 * len(run)), "list-no-items", article, run[0].start, run[-1].end, persons,
                 "", " / ".join(s.text for s in run))]


def write_audit(flags: Sequence[Flag], path: Path) -> None:
    """The flags as a CSV (COLUMNS), likeliest first, written atomically."""
    write_atomic(path, csv_text(COLUMNS, [f.row() for f in flags]))


def flagged_misses(flags: Sequence[Flag], misses: Iterable[Any]) -> tuple[int, int]:
    """(flagged, all): of the missed holdings a scoring found (builder.use.evaluate's FN misses of kind
    holds, 'person | role | body'), how many the audit flags in their article under their person's name."""
    persons = {(f.article, " ".join(fold(w) for w in p.split())) for f in flags for p in f.persons}
    missed = [m for m in misses if m.sign == "FN" and m.kind == "holds"]
    found = [m for m in missed if (m.article, " ".join(fold(w) for w in m.fact.split(" | ")[0].split())) in persons]
    return len(found), len(missed)
