"""Facts → RDF: one named graph per article, every fact linked to its evidence.

Vocabulary: W3C ORG for bodies, posts and memberships; schema.org for persons,
events and articles; PROV-O (through kg:article / kg:evidence) for provenance;
our own terms (builder.namespace.KG) only where none of those has one.
"""

from __future__ import annotations

import heapq
import io
import re
import tempfile
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import IO

from rdflib import RDF, RDFS, XSD, Dataset, Namespace, URIRef
from rdflib.plugins.serializers.nt import _nt_row
from rdflib.term import Node

from builder import resolve
from builder.extract.changes import HOLD, LEAVE, STRENGTH, TAKE_UP
from builder.gazetteer import gazetteer
from builder.model import DocumentFact, Event, Evidence, Facts, Holding, TermFact
from builder.namespace import KG
from builder.text.ingest import Article

ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
PREFIXES = {"kg": KG._NS, "org": ORG, "schema": SCHEMA, "prov": PROV, "xsd": XSD, "rdfs": RDFS,
            "id": Namespace(resolve.BASE)}


class NT(str):
    """A literal already written as N-Triples (see lit, typed, date_literal): what rdflib's N-Triples writer
    gives for the same rdflib Literal, character for character, without making one."""


def lit(text: str, lang: str | None = None) -> NT:
    """A string literal (with its language tag, if given), quoted as rdflib's N-Triples writer quotes it."""
    quoted = text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
    return NT(f'"{quoted}"@{lang}' if lang else f'"{quoted}"')


def typed(lexical: str, datatype: URIRef) -> NT:
    return NT(f"{lit(lexical)}^^<{datatype}>")


def boolean(b: bool) -> NT:
    return typed("true" if b else "false", XSD.boolean)


def integer(n: int) -> NT:
    return typed(str(n), XSD.integer)


def date_literal(value: str) -> NT:
    """'2023-12-28' → xsd:date, '--12-23' → xsd:gMonthDay, with a time → xsd:dateTime."""
    if value.startswith("--"):
        return typed(value, XSD.gMonthDay)
    if "T" in value:
        return typed(value if value.count(":") == 2 else value + ":00", XSD.dateTime)
    return typed(value, XSD.date)


FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def reported_for(facts: Facts, published: str | None) -> str | None:
    """The date holdings are reported for: the main event's full date, else the publication date, else none
    (a day and month without a year is no point in time)."""
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


Lines = set[str]  # a graph as N-Triples lines, without their newlines
Shared = dict[tuple[str, str], str]  # (what, identity key) → the one value written for it


def shared_keys(article: Article, facts: Facts) -> list[tuple[tuple[str, str], str]]:
    """((what, identity key), value as this article writes it) of everything shared_values decides."""
    out = []
    names = [n for h in facts.holdings for n in (h.person, h.predecessor, h.successor) if n]
    names += [p for ev in facts.events for p in (*ev.chair, *ev.participants)]
    out += [(("person", resolve.key(name)), name) for name in names]
    out += [(("place", resolve.key(ev.place)), ev.place) for ev in facts.events if ev.place]
    if article.meta.get("author"):
        author = str(article.meta["author"])
        out.append((("author", resolve.key(author)), author))
    for d in facts.documents:
        doc = _document_key(d)
        if d.date:
            out.append((("document-date", doc), d.date))
        if d.issuer:
            out.append((("document-issuer", doc), d.issuer))
    return out


Keys = list[tuple[tuple[str, str], str]]  # what shared_keys gives
Tally = dict[tuple[str, str], Counter[str]]  # (what, identity key) → how often each value is written


def tally(keys: Keys, seen: Tally | None = None) -> Tally:
    """seen (or a new tally) with the values of keys counted in."""
    seen = defaultdict(Counter) if seen is None else seen
    for k, value in keys:
        seen[k][value] += 1
    return seen


def choose(seen: Tally) -> Shared:
    """The commonest value of each key, ties broken alphabetically."""
    return {k: min(c, key=lambda n: (-c[n], n)) for k, c in seen.items()}


def shared_values(items: Iterable[tuple[Article, Facts]]) -> Shared:
    """One value for what several articles may write differently about one node, so the union of their
    graphs has one name per person, place and author, and one date and issuer per document: the
    commonest, ties broken alphabetically."""
    seen: Tally = defaultdict(Counter)
    for article, facts in items:
        tally(shared_keys(article, facts), seen)
    return choose(seen)


def picked(keys: Keys, shared: Shared) -> Shared:
    """The part of the corpus-wide values a graph with these shared keys reads."""
    return {k: shared[k] for k, _ in sorted(keys) if k in shared}


def shared_for(article: Article, facts: Facts, shared: Shared) -> Shared:
    """The part of the corpus-wide values one article's graph reads (all its graph depends on beyond itself)."""
    return picked(shared_keys(article, facts), shared)


def own(keys: Keys) -> Shared:
    """What picked gives when a graph with these shared keys is the whole corpus."""
    return picked(keys, choose(tally(keys)))


def own_values(article: Article, facts: Facts) -> Shared:
    """What shared_for gives when the article is the whole corpus: its own values for what the corpus shares."""
    return own(shared_keys(article, facts))


def _document_key(d: DocumentFact) -> str:
    return resolve.slug(f"{d.kind} {d.id_as_written}")


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
            if when:
                w.add(node, KG.reportedFor, date_literal(when))
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
        key = _document_key(d)
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


def new_dataset() -> Dataset:
    """An empty dataset with our prefixes; queries on it see all its graphs."""
    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    return ds


def to_dataset(items: list[tuple[Article, Facts]]) -> Dataset:
    """All articles, one named graph each."""
    ds = new_dataset()
    shared = shared_values(items)
    for article, facts in items:
        lines: Lines = set()
        article_graph(lines, article, facts, shared)
        ds.graph(resolve.graph(article.id)).parse(data="\n".join(sorted(lines)), format="nt")
    return ds


Results = frozenset[tuple[str, str | None, str]]  # (focus, path, component) of each SHACL violation
Verdict = Callable[[str], "Results | None"]  # a graph's N-Triples → its results (None: cannot say)


@dataclass(frozen=True)
class Rendered:
    """One article's graph as text: its IRI, its sorted distinct N-Triples lines and its TriG block (both
    kept zlib-compressed: a build holds every article's, and N-Triples repeat long IRIs), and the fast SHACL
    engine's results on it ((focus, path, component) of each violation; None: it could not say)."""

    graph: str
    packed_nt: bytes
    packed_trig: bytes
    results: frozenset[tuple[str, str | None, str]] | None

    @classmethod
    def of(cls, graph: str, nt: str, trig: str, results: frozenset[tuple[str, str | None, str]] | None) -> Rendered:
        return cls(graph, _pack(nt), _pack(trig), results)

    @property
    def nt(self) -> str:
        return self.nt_bytes.decode("utf-8")

    @property
    def nt_bytes(self) -> bytes:
        """The N-Triples as UTF-8 (no decoding, for readers of bytes)."""
        return zlib.decompress(self.packed_nt) if self.packed_nt else b""

    @property
    def trig(self) -> str:
        return _unpack(self.packed_trig)

    @property
    def lines(self) -> list[str]:
        return self.nt.split("\n") if self.packed_nt else []


def _pack(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), 1) if text else b""


def _unpack(packed: bytes) -> str:
    return zlib.decompress(packed).decode("utf-8") if packed else ""


def render(article: Article, facts: Facts, shared: Shared, verdict: Verdict | None = None) -> Rendered:
    """An article's graph (article_graph) as text, with verdict's results on its N-Triples (the run layer
    passes the fast SHACL engine's; none without). It depends on the article, its facts and the shared values
    it reads (shared_for), nothing else."""
    found: Lines = set()
    article_graph(found, article, facts, shared)
    iri, nt = str(resolve.graph(article.id)), "\n".join(sorted(found))
    return Rendered.of(iri, nt, _turtle(nt.encode("utf-8"), iri).decode("utf-8"), verdict(nt) if verdict else None)


# written as prefixed names; our own nodes (https://w3id.org/dangkg/id/…) stay full IRIs
WRITTEN_PREFIXES = {p: str(ns) for p, ns in sorted(PREFIXES.items()) if p != "id"}


def ntriples(triples: Iterable[tuple[Node, Node, Node]]) -> list[str]:
    """Triples (a graph, or a set of them) as sorted, distinct N-Triples lines, written by rdflib's own
    per-triple N-Triples writer: a stable order."""
    return sorted({_nt_row(t).rstrip("\n") for t in triples})


def turtle(lines: list[str], graph: str | None = None) -> str:
    """N-Triples lines as Turtle, or as one TriG graph block when graph is its IRI (see turtle_bytes)."""
    return _turtle("\n".join(lines).encode("utf-8"), graph).decode("utf-8")


def turtle_bytes(lines: Sequence[bytes], graph: str | None = None) -> bytes:
    """N-Triples lines (UTF-8) as Turtle, or as one TriG graph block when graph is its IRI; written by
    Oxigraph (grouped by subject and predicate, in the lines' order, our prefixes, no @prefix lines)."""
    return _turtle(b"\n".join(lines), graph)


def _turtle(nt: bytes, graph: str | None) -> bytes:
    import pyoxigraph as ox

    triples = ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)
    out = io.BytesIO()
    if graph is None:
        ox.serialize(triples, out, format=ox.RdfFormat.TURTLE, prefixes=WRITTEN_PREFIXES)
    else:
        name = ox.NamedNode(graph)
        ox.serialize((ox.Quad(t.subject, t.predicate, t.object, name) for t in triples), out,
                     format=ox.RdfFormat.TRIG, prefixes=WRITTEN_PREFIXES)
    data, pos = out.getvalue(), 0
    while data.startswith(b"@prefix", pos):
        pos = data.index(b"\n", pos) + 1
    return data[pos:]


def prefix_lines() -> str:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in WRITTEN_PREFIXES.items())


def trig_chunks(rendered: Iterable[Rendered]) -> Iterator[bytes]:
    """graph.trig in pieces (UTF-8): our prefixes, then the graphs, given in IRI order."""
    yield prefix_lines().encode("utf-8")
    for r in rendered:
        yield b"\n" + (zlib.decompress(r.packed_trig) if r.packed_trig else b"")


MERGE_CHUNK = 50_000  # N-Triples lines written by Oxigraph at a time (cut where the subject changes)
RUN = 500_000  # N-Triples lines sorted in memory at most; a bigger union is sorted in runs on disk


def sorted_lines(rendered: Iterable[Rendered]) -> Iterator[bytes]:
    """The distinct N-Triples lines of the rendered graphs, sorted (as UTF-8 bytes, whose order is the
    characters' order). Up to RUN lines are sorted in memory; past that, sorted runs go to temporary files
    and are merged (an external sort), so memory does not grow with the corpus. Each graph's lines come
    sorted, and Python's sort merges such runs faster than it sorts a set."""
    runs: list[IO[bytes]] = []
    found: list[bytes] = []

    def distinct() -> list[bytes]:
        found.sort()
        return [line for k, line in enumerate(found) if not k or line != found[k - 1]]

    def spill() -> None:
        run, lines = tempfile.TemporaryFile(prefix="kg-run-"), distinct()
        for k in range(0, len(lines), MERGE_CHUNK):  # in pieces: one joined run would double the memory
            run.write(b"\n".join(lines[k:k + MERGE_CHUNK]) + b"\n")
        run.seek(0)
        runs.append(run)
        found.clear()

    for r in rendered:
        if r.packed_nt:
            found.extend(r.nt_bytes.split(b"\n"))
            if len(found) >= RUN:
                spill()
    if not runs:
        yield from distinct()
        return
    if found:
        spill()
    last = None
    for line in heapq.merge(*runs):
        if line != last:
            yield line[:-1]
            last = line
    for run in runs:
        run.close()


def merged_chunks(rendered: Iterable[Rendered]) -> Iterator[bytes]:
    """graph.ttl in pieces (UTF-8): the union of rendered article graphs as Turtle, triples in N-Triples
    order (sorted_lines), MERGE_CHUNK lines at a time."""
    yield (prefix_lines() + "\n").encode("utf-8")
    chunk: list[bytes] = []
    for line in sorted_lines(rendered):
        if len(chunk) >= MERGE_CHUNK and line.split(b" ", 1)[0] != chunk[-1].split(b" ", 1)[0]:
            yield turtle_bytes(chunk)
            chunk = []
        chunk.append(line)
    if chunk:
        yield turtle_bytes(chunk)


def trig_text(rendered: Iterable[Rendered]) -> str:
    """TriG of rendered article graphs, given in IRI order (graph.trig)."""
    return b"".join(trig_chunks(rendered)).decode("utf-8")


def merged_text(rendered: Iterable[Rendered]) -> str:
    """Turtle of the union of rendered article graphs (graph.ttl)."""
    return b"".join(merged_chunks(rendered)).decode("utf-8")


def _as_rendered(ds: Dataset) -> list[Rendered]:
    out = []
    for g in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        if len(g):
            lines = ntriples(g)
            out.append(Rendered.of(str(g.identifier), "\n".join(lines), turtle(lines, str(g.identifier)), None))
    return out


def trig(ds: Dataset) -> str:
    """A dataset's named graphs as TriG, written as a build writes graph.trig."""
    return trig_text(_as_rendered(ds))


def merged_turtle(ds: Dataset) -> str:
    """The union of a dataset's named graphs as Turtle, written as a build writes graph.ttl."""
    return merged_text(_as_rendered(ds))
