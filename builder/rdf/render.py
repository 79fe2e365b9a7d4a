"""Facts → RDF: one named graph per article, every fact linked to its evidence.

Vocabulary: W3C ORG for bodies, posts and memberships; schema.org for persons,
events and articles; PROV-O (through kg:article / kg:evidence) for provenance;
our own terms (builder.namespace.KG) only where none of those has one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rdflib import RDF, RDFS, XSD, Dataset, URIRef

from builder import resolve
from builder.extract.dates import opening_date
from builder.gazetteer import gazetteer
from builder.model import HOLD, LEAVE, STRENGTH, TAKE_UP, DocumentFact, Event, Evidence, Facts, Holding, TermFact
from builder.namespace import KG
from builder.rdf.serialize import Rendered, Verdict, new_dataset, turtle_bytes
from builder.rdf.shared import Shared, document_key, shared_values
from builder.rdf.terms import NT, ORG, SCHEMA, Lines, boolean, date_literal, integer, lit, typed
from builder.text.ingest import Article

FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def reported_for(facts: Facts, published: str | None) -> str | None:
    """The article's day its holdings are reported for when their sentence opens with no full date of its own
    (extract.dates.opening_date): the main event's full date, else the publication date, else none (a day
    and month without a year is no point in time)."""
    for ev in facts.events:
        if ev.date and FULL_DATE.match(ev.date):
            return ev.date[:10]
    return published[:10] if published and FULL_DATE.match(published) else None


class _Writer:
    def __init__(self, lines: Lines, article: Article, shared: Shared) -> None:
        self.lines = lines
        self.article = article
        self.node = resolve.article(article.id)
        self.shared = shared

    def one(self, what: str, key: str, value: str) -> str:
        """The value every article writes for this node (see shared_values)."""
        return self.shared.get((what, key), value)

    def add(self, s: URIRef, p: URIRef, o: URIRef | NT | None) -> None:
        if o is not None:
            self.lines.add(f"<{s}> <{p}> {o if isinstance(o, NT) else f'<{o}>'} .")

    def has(self, s: URIRef, p: URIRef, o: URIRef) -> bool:
        return f"<{s}> <{p}> <{o}> ." in self.lines

    def person(self, name: str) -> URIRef:
        node = resolve.person(name)
        canonical = self.one("person", resolve.key(name), name)
        self.add(node, RDF.type, SCHEMA.Person)
        self.add(node, SCHEMA.name, lit(canonical))
        if name != canonical:
            self.add(node, SCHEMA.alternateName, lit(name))
        return node

    def body(self, name: str) -> URIRef:
        node = resolve.body(name)
        self.add(node, RDF.type, ORG.Organization)
        self.add(node, SCHEMA.name, lit(name))
        self.add(node, RDFS.label, lit(name, "vi"))
        return node

    def fact(self, fid: str, fact: Holding | Event | TermFact | DocumentFact) -> URIRef:
        """The node of a fact: its stable id, its evidence, and a reviewer's decision.

        A decision (accept, correct) is one more evidence on the same sentence, rule
        "curation-<decision>", confidence 1.00.
        """
        node = resolve.fact_iri(fid)
        self.add(node, KG.factId, lit(fid))
        self.evidence(node, fact.evidence)
        if fact.curation:
            self.evidence(node, replace(fact.evidence, rule=f"curation-{fact.curation}", confidence=1.0))
        return node

    def evidence(self, fact: URIRef, ev: Evidence) -> None:
        clean = self.article.clean
        start, end = clean.original(ev.start, ev.end)
        node = resolve.iri("evidence", self.article.id, f"{start}-{end}", ev.rule, f"{ev.confidence:.2f}")
        self.add(fact, KG.evidence, node)
        self.add(fact, KG.article, self.node)
        self.add(node, RDF.type, KG.Evidence)
        self.add(node, KG.article, self.node)
        self.add(node, KG.sentenceText, lit(clean.text[ev.start:ev.end]))
        self.add(node, KG.startOffset, integer(start))
        self.add(node, KG.endOffset, integer(end))
        self.add(node, KG.rule, lit(ev.rule))
        self.add(node, KG.confidence, typed(f"{ev.confidence:.2f}", XSD.decimal))
        self.add(node, KG.inCaption, boolean(ev.caption))


def single_holder(role: str, body: str) -> bool:
    """Is the post one person holds at a time (roles.tsv's single_holder column)?"""
    return gazetteer().is_single_holder(role, body)


CHANGES = {TAKE_UP: KG.TakingUp, HOLD: KG.Continuing, LEAVE: KG.Leaving}


def _reported_changes(article_id: str, holdings: list[Holding]) -> dict[str, Holding]:
    """Per holding fact, what the article reports of it over all its sentences: a leaving, else a taking up,
    else a holding (the first sentence that says it gives the cue), with the first predecessor and
    successor any sentence names."""
    out: dict[str, Holding] = {}
    for h in holdings:
        fid = resolve.holding_id(article_id, h)
        old = out.setdefault(fid, h)
        strongest = h if STRENGTH[h.change] > STRENGTH[old.change] else old
        out[fid] = replace(strongest, predecessor=old.predecessor or h.predecessor,
                           successor=old.successor or h.successor)
    return out


def article_graph(lines: Lines, article: Article, facts: Facts, shared: Shared | None = None) -> None:
    """Write one article's facts into its graph, given as N-Triples lines."""
    w = _Writer(lines, article, shared or {})
    a = w.node
    meta = article.meta
    w.add(a, RDF.type, SCHEMA.NewsArticle)
    w.add(a, KG.articleId, lit(article.id))
    if meta.get("published"):
        w.add(a, SCHEMA.datePublished, date_literal(str(meta["published"])))
    if meta.get("url"):
        w.add(a, SCHEMA.url, typed(str(meta["url"]), XSD.anyURI))
    if meta.get("source"):
        w.add(a, KG.source, lit(str(meta["source"])))
    if meta.get("author"):
        name = str(meta["author"])
        author = resolve.iri("author", resolve.slug(name))
        w.add(a, SCHEMA.author, author)
        w.add(author, RDF.type, SCHEMA.Person)
        w.add(author, SCHEMA.name, lit(w.one("author", resolve.key(name), name)))

    when = reported_for(facts, meta.get("published"))
    reported = _reported_changes(article.id, facts.holdings)
    for h in facts.holdings:
        person, body = w.person(h.person), w.body(h.body)
        role, post = resolve.role(h.role), resolve.post(h.body, h.role)
        w.add(role, RDF.type, ORG.Role)
        w.add(role, RDFS.label, lit(h.role, "vi"))
        w.add(post, RDF.type, ORG.Post)
        w.add(post, ORG.postIn, body)
        w.add(post, ORG.role, role)
        if single_holder(h.role, h.body):
            w.add(post, KG.singleHolder, boolean(True))
        w.add(person, ORG.holds, post)
        fid = resolve.holding_id(article.id, h)
        node = resolve.fact_iri(fid)
        if not w.has(node, RDF.type, KG.Holding):  # several sentences: the first one's title as written
            w.add(node, RDF.type, KG.Holding)
            w.add(node, ORG.member, person)
            w.add(node, ORG.organization, body)
            w.add(node, ORG.role, role)
            w.add(node, KG.post, post)
            w.add(node, KG.titleAsWritten, lit(h.title))
            day = opening_date(article.clean.text[h.evidence.start:h.evidence.end], meta.get("published")) or when
            if day:  # the day its sentence opens with, else the article's (see reported_for)
                w.add(node, KG.reportedFor, date_literal(day))
            said = reported[fid]
            w.add(node, KG.reportedChange, CHANGES[said.change])
            w.add(node, KG.changeCue, lit(said.cue) if said.cue else None)
            w.add(node, KG.replaces, w.person(said.predecessor) if said.predecessor else None)
            w.add(node, KG.replacedBy, w.person(said.successor) if said.successor else None)
        w.fact(fid, h)

    for ev in facts.events:
        node = w.fact(resolve.event_id(article.id, ev), ev)
        w.add(node, RDF.type, SCHEMA.Event)
        w.add(node, KG.eventKind, lit(ev.kind))
        if ev.name:
            w.add(node, SCHEMA.name, lit(ev.name))
        if ev.date:
            w.add(node, SCHEMA.startDate, date_literal(ev.date))
        if ev.part_of_day:
            w.add(node, KG.partOfDay, lit(ev.part_of_day))
        if ev.place:
            place = resolve.iri("place", resolve.slug(ev.place))
            w.add(place, RDF.type, SCHEMA.Place)
            w.add(place, SCHEMA.name, lit(w.one("place", resolve.key(ev.place), ev.place)))
            w.add(node, SCHEMA.location, place)
        if ev.organizer:
            w.add(node, SCHEMA.organizer, w.body(ev.organizer))
        for name in ev.chair:
            p = w.person(name)
            w.add(node, KG.chair, p)
            w.add(node, SCHEMA.attendee, p)
        for name in ev.participants:
            w.add(node, SCHEMA.attendee, w.person(name))

    for t in facts.terms:
        term = resolve.iri("term", resolve.slug(t.body), f"{t.start}-{t.end}")
        w.add(term, RDF.type, KG.Term)
        w.add(term, KG.termStart, typed(str(t.start), XSD.gYear))
        w.add(term, KG.termEnd, typed(str(t.end), XSD.gYear))
        node = w.fact(resolve.term_id(article.id, t), t)
        w.add(node, RDF.type, KG.TermMention)
        w.add(node, KG.termOf, lit(t.body))
        w.add(node, KG.term, term)
        if t.ordinal is not None:
            w.add(node, KG.ordinal, integer(t.ordinal))

    for d in facts.documents:
        key = document_key(d)
        doc = resolve.iri("document", key)
        w.add(doc, RDF.type, KG.PartyDocument)
        w.add(doc, KG.documentKind, lit(d.kind))
        w.add(doc, KG.documentNumber, lit(d.id_as_written))
        if d.date:
            w.add(doc, SCHEMA.dateCreated, date_literal(w.one("document-date", key, d.date)))
        if d.issuer:
            w.add(doc, KG.issuer, w.body(w.one("document-issuer", key, d.issuer)))
        node = w.fact(resolve.citation_id(article.id, d), d)
        w.add(node, RDF.type, KG.Citation)
        w.add(node, KG.cites, doc)
        w.add(node, KG.idAsWritten, lit(d.id_as_written))


def to_dataset(items: list[tuple[Article, Facts]]) -> Dataset:
    """All articles, one named graph each."""
    ds = new_dataset()
    shared = shared_values(items)
    for article, facts in items:
        lines: Lines = set()
        article_graph(lines, article, facts, shared)
        ds.graph(resolve.graph(article.id)).parse(data="\n".join(sorted(lines)), format="nt")
    return ds


def render(article: Article, facts: Facts, shared: Shared, verdict: Verdict | None = None) -> Rendered:
    """An article's graph (article_graph) as text, with verdict's results on its N-Triples (the run layer
    passes the fast SHACL engine's; none without). It depends on the article, its facts and the shared values
    it reads (rdf.shared.picked), nothing else."""
    found: Lines = set()
    article_graph(found, article, facts, shared)
    iri, nt = str(resolve.graph(article.id)), "\n".join(sorted(found))
    trig = turtle_bytes([nt.encode("utf-8")], iri).decode("utf-8")
    return Rendered.of(iri, nt, trig, verdict(nt) if verdict else None)


