"""Extraction: one clean article → facts (holdings, events, terms, documents) with evidence.

Every fact is made by a rule of builder.extract.rules; the rules read one Sentence at a time
and the ArticleContext around it (builder.extract.context).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from builder.extract import events
from builder.extract.changes import Change, change_at, cues_in, successions
from builder.extract.context import article_context, sentences
from builder.extract.documents import find_documents
from builder.extract.rules import evidence
from builder.extract.terms import find_terms, merge_terms
from builder.extract.titles import Title, bind, header_text, list_item
from builder.model import Event, Facts, Holding

if TYPE_CHECKING:
    from builder.text.ingest import Article


def extract(article: Article) -> Facts:
    """All facts of one article, each with the sentence it came from."""
    ctx = article_context(article)
    text = article.clean.text
    facts = Facts()
    known: dict[str, str] = {}  # given name → the full name the article used
    present: list[tuple[int, str]] = []
    chairs: list[tuple[int, str]] = []
    mentioned: Event | None = None  # an undated gathering a sentence puts people at
    header: list[tuple[Title, str, Change]] = []  # the titles of a list header the last sentence opened
    for sent in sentences(article, ctx):
        syls = sent.syllables
        bound = bind(sent, ctx)
        titled = []
        said = cues_in(ctx, sent) if bound.holdings or bound.opens else []
        for name, title, rule in bound.holdings:
            written = text[syls[title.start].start:syls[title.end - 1].end]
            change = change_at(ctx, sent, title, bound.names, rule == "list-header", said)
            titled.append((name, Holding(name.text, title.role, title.body, written, evidence(rule, sent),
                                       change=change.kind, cue=change.cue)))
        facts.holdings += successions(ctx, sent, titled, bound.names)
        if header and (person := list_item(sent, ctx)):
            own = {h.body for h in facts.holdings if h.person == person.text and h.evidence.start == sent.start}
            facts.holdings += [Holding(person.text, t.role, t.body, written, evidence("list-header", sent),
                                       change=change.kind, cue=change.cue)
                               for t, written, change in header if t.body not in own]
        elif header:
            header = []
        if bound.opens:
            header = [(t, header_text(sent, t), change_at(ctx, sent, t, bound.names, True, said))
                      for t in bound.opens]
        facts.events += events.find_events(sent, ctx)
        facts.terms += find_terms(sent, ctx)
        facts.documents += find_documents(sent, ctx)
        here, chairing = events.find_people(sent, ctx, known)
        present += here
        chairs += chairing
        mentioned = mentioned or events.mentioned_event(sent, ctx)
    if not facts.events and mentioned:  # no dated gathering: the one the article puts people at
        facts.events.append(mentioned)
    facts.events = events.finish(facts.events, present, chairs)
    facts.terms = merge_terms(facts.terms)
    facts.documents = list({(d.kind, d.number): d for d in reversed(facts.documents)}.values())[::-1]
    return facts
