"""One clean article → its facts: the article's context (main place and organisation, headline, proper
names, ad-hoc bodies), then every sentence through the rules, then one event per gathering."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from builder.extract import events
from builder.extract.bind import LIST_HEADER, Bound, Header, bind, item_body, list_item
from builder.extract.bodies import body_at, organisation_at, unit_name
from builder.extract.changes import change_at, cues_in, successions
from builder.extract.context import ArticleContext, Sentence
from builder.extract.documents import find_documents
from builder.extract.names import Name, Referents
from builder.extract.rules import evidence
from builder.extract.terms import find_terms, merge_terms
from builder.gazetteer import Gazetteer, Place, Syllable, gazetteer, keys_of, local_units
from builder.model import Event, Facts, Holding
from builder.text.ingest import Article
from builder.text.nlp import ProperNames, split_sentences

YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def article_context(article: Article) -> ArticleContext:
    """The context of one article: its main place and organisation, date, headline and proper names."""
    g = gazetteer()
    clean = article.clean
    syllables = g.syllables(clean.text)
    keys = keys_of(syllables)
    places: Counter[Place] = Counter()
    orgs: Counter[str] = Counter()
    cities: Counter[str] = Counter()  # cities below the province ("thành phố Hội An")
    units: dict[str, Counter[str]] = {}
    for k, syl in enumerate(syllables):
        if syl.key in local_units() and (named := unit_name(syllables, k + 1)):
            units.setdefault(syl.key, Counter())[named[1]] += 1
    i = 0
    while i < len(keys):
        hit = g.places.longest(keys, i)
        if hit:
            in_name = i > 0 and syllables[i - 1].capital and keys[i - 1] in g.surnames  # "Nguyễn Hòa Bình"
            in_unit = i > 0 and keys[i - 1] in local_units()  # "xã Phú Thọ" is a commune, not the province
            places[hit[1]] += not (in_name or in_unit)
            i = hit[0]
            continue
        if keys[i:i + 2] in (["đảng", "bộ"], ["đảng", "ủy"]) and (org := organisation_at(g, syllables, i + 2)):
            orgs[org[1]] += 1
        if keys[i:i + 2] == ["thành", "phố"] and not g.places.longest(keys, i + 2) \
                and (named := unit_name(syllables, i + 2)) \
                and not (keys[i + 2] in g.surnames and named[0] - i - 2 == 3):  # "UBND TP Lê Văn An": a person
            cities[named[1]] += 1
        i += 1
    place = min(places, key=lambda p: (-places[p], p.name)) if +places else None
    organisation = min(orgs, key=lambda o: (-orgs[o], o)) if orgs else None
    mentions = tuple((syllables[k].start, hit[1]) for k, key in enumerate(keys)
                     if key in g.bodies.root and (hit := g.bodies.longest(keys, k)))
    if organisation:
        organisation = _in_full(g, organisation, [name for _, name in mentions] + list(orgs))
    unit, _, name = (organisation or "").partition(" ")
    local = Place(name, unit) if unit in local_units() and name else None
    city = Place(min(cities, key=lambda c: (-cities[c], c)), "thành phố") if cities else None
    if local is None and place is None:  # an article naming a city and no province is about the city
        local = city
    defined = _defined(g, syllables, clean.text)
    published = article.meta.get("published")
    years = [int(y) for y in YEAR.findall(clean.text + " " + (published or ""))]
    return ArticleContext(g, place, organisation, published, _headline(article),
                          ProperNames(clean),
                          {u: min(c, key=lambda n: (-c[n], n)) for u, c in units.items()}, local,
                          _adhoc(g, syllables, clean.text), frozenset(name for _, name in mentions),
                          syllables, mentions, defined, city, max(years, default=None))


def _in_full(g: Gazetteer, short: str, named: list[str]) -> str:
    """The organisation an article writes short ('Đảng bộ Quân khu', 'Đảng ủy Tập đoàn') as the one body it also
    names in full that starts with those words ('Quân khu 4', 'Tập đoàn Hóa chất Việt Nam'); else as written."""
    head = g.keys(short)
    longer = {n for n in named if len(g.keys(n)) > len(head) and g.keys(n)[:len(head)] == head}
    return longer.pop() if len(longer) == 1 else short


ABBREVIATION = re.compile(r"\(([A-ZĐ][A-ZĐ0-9&]{1,9}(?: (?:[A-ZĐ][A-ZĐ0-9&]{1,9}|tỉnh|thành phố|huyện|xã|phường))*)\)")


def _defined(g: Gazetteer, syllables: list[Syllable], text: str) -> dict[tuple[str, ...], str]:
    """Abbreviations the article defines in parentheses right after a body ('Bộ Chỉ huy Quân sự tỉnh Hà Nam
    (Bộ CHQS tỉnh)', 'Tập đoàn Điện lực Việt Nam (EVN)') → the body, for the titles that use them later."""
    starts = [s.start for s in syllables]
    out: dict[tuple[str, ...], str] = {}
    ctx = ArticleContext(g)  # a body named in full needs nothing of the article
    for m in ABBREVIATION.finditer(text):
        paren = bisect_left(starts, m.start())
        hits = [hit for k in range(max(0, paren - 16), paren)
                if syllables[k].capital and (hit := body_at(g, syllables, k, ctx)) and hit[0] == paren]
        if hits:
            out.setdefault(tuple(g.keys(m.group(1))), hits[0][1])
    return out


def _adhoc(g: Gazetteer, syllables: list[Syllable], text: str) -> list[tuple[int, str, list[str]]]:
    """Bodies set up for one task, where the article introduces them: an ad-hoc head word (cues.tsv) and
    its words up to 'gồm', a number 'số N' or the 'do' that names its head ('Ban kiểm phiếu gồm …', 'Tổ Công
    tác số 3', 'Đoàn kiểm tra của Bộ Chính trị do A làm Trưởng đoàn'), not a known body."""
    keys = keys_of(syllables)
    out = []
    for k, syl in enumerate(syllables):
        if not syl.capital:
            continue
        end = g.cue_at("adhoc-head", keys, k)
        if end is None or g.bodies.longest(keys, k) or g.local.longest(keys, k):
            continue
        stop = next((m for m in range(end, min(len(keys), end + 16)) if keys[m] in {"gồm", ".", ";", "(", "do"}
                     or keys[m - 1:m + 1] == ["số", keys[m]] and keys[m].isdigit()), None)
        if stop is None or keys[stop] != "gồm" and not keys[stop].isdigit() and not (keys[stop] == "do" and stop > end):
            continue  # "… gồm", "… số 3", "Đoàn kiểm tra của Bộ Chính trị do A làm Trưởng đoàn"
        last = stop + 1 if keys[stop].isdigit() else stop
        name = text[syl.start:syllables[last - 1].end].strip(" ,")
        out.append((syl.start, name, keys[k:end]))
    return out


def _headline(article: Article) -> str | None:
    paras = [p for p in article.clean.paragraphs if not p.meta]
    if not paras:
        return None
    first = article.clean.text[paras[0].start:paras[0].end]
    return first if len(first) < 200 and not first.rstrip().endswith(".") else None


def sentences(article: Article, ctx: ArticleContext) -> list[Sentence]:
    """The article's sentences (metadata paragraphs skipped), in order."""

    clean = article.clean
    paras = [p for p in clean.paragraphs if not p.meta]
    short = [len(clean.text[p.start:p.end]) < 200 and clean.text[p.end - 1] not in ".:;," for p in paras]
    # paragraphs in a run of short unpunctuated ones are list lines, not headlines
    listed = [(p.start, p.end) for k, p in enumerate(paras)
              if short[k] and (k and short[k - 1] or k + 1 < len(paras) and short[k + 1])]
    return [ctx.sentence(clean.text[start:end], start, caption, any(a <= start < b for a, b in listed),
                         ctx.slice(start, end))
            for start, end, caption in split_sentences(clean)]


def _opened(ctx: ArticleContext, sent: Sentence) -> Place | None:
    """The province a sentence opens with: 'Tại Kon Tum, …', '* HĐND tỉnh Lào Cai đã bầu …'."""
    g, keys = ctx.g, sent.keys
    k = sent.first_word
    if k > 2 or k >= len(keys):
        return None
    if keys[k] in {"tại", "ở"}:
        hit = g.places.longest(keys, k + 1)
        return hit[1] if hit else None
    local = g.local.longest(keys, k)
    hit = g.places.longest(keys, local[0]) if local else None
    return hit[1] if hit else None


def _told(ctx: ArticleContext, sent: Sentence) -> Place | None:
    """The one province a sentence names, in a body or after 'tại', before any person: the province it tells
    of ('Hội nghị Ban Chấp hành Đảng bộ tỉnh Lai Châu đã bầu đồng chí A, Bí thư Tỉnh ủy …')."""
    g, keys = ctx.g, sent.keys
    first = sent.names[0].start if sent.names else len(keys)
    named = {hit[1] for k in range(len(keys)) if (hit := g.places.longest(keys, k))
             and not any(n.start <= k < n.end for n in sent.names)}
    if len(named) != 1:
        return None
    for k in range(first):
        at = k + 1 if keys[k] in {"tại", "ở"} else local[0] if (local := g.local.longest(keys, k)) else None
        if at is not None and (hit := g.places.longest(keys, at)) and hit[1] in named:
            return hit[1]
    return None


def sections(ctx: ArticleContext, sents: list[Sentence]) -> list[ArticleContext]:
    """The context each sentence is read in: the article's, unless the article reports place by place (two
    or more provinces each opening a sentence, or two besides the article's own each told of by one, the
    headline aside): then a body without its place is of the province the last such sentence opened with
    or told of."""
    opened = [None if s.headline else _opened(ctx, s) for s in sents]
    told = [None if s.headline else _told(ctx, s) for s in sents]
    if len({p for p in opened if p}) < 2 and len({p for p in told if p} - {ctx.place}) < 2:
        return [ctx] * len(sents)
    opened = [a or b for a, b in zip(opened, told)]
    out, here = [], ctx
    for place in opened:
        if place and place != here.place:
            here = dataclasses.replace(ctx, place=place)
        out.append(here)
    return out


def _with_references(sent: Sentence, refs: list[Name]) -> Sentence:
    """The sentence with its references to persons named before ('ông Tiến', 'ông') read as their names."""
    return dataclasses.replace(sent, names=tuple(sorted((*sent.names, *refs), key=lambda n: n.start))) if refs else sent


BULLET = re.compile(r"^\s*[-–—•*+]\s")


@dataclass
class OpenList:
    """A list a header opened ('… gồm:'), its items one a sentence, and how those so far were written: the
    list ends at an item written otherwise ('• A', '• B', then 'Ông C …') or at '.' after items ending ';'."""

    header: list[Header]
    semicolons: bool = False  # its items so far end with ';'
    bullets: bool | None = None  # its items so far start with a bullet (None: no item yet)

    def takes(self, sent: Sentence) -> bool:
        bullet = bool(BULLET.match(sent.text))
        if self.bullets is not None and bullet != self.bullets:
            return False
        self.bullets = bullet
        return True

    def ends(self, sent: Sentence) -> bool:
        """Whether the item just taken is the last: 'A;' 'B;' 'C.'."""
        mark = sent.text.rstrip()[-1:]
        self.semicolons = self.semicolons or mark == ";"
        return mark == "." and self.semicolons


def _bodied(header: list[Header], item: tuple[int, str] | None) -> list[Header]:
    """A list header's titles for an item, a title without its body ('các bộ trưởng:') taking the body the item
    starts with ('Bộ Quốc phòng - ông A'), if any."""
    if item is None:
        return [h for h in header if h.title.body]
    return [h if h.title.body else dataclasses.replace(h, title=dataclasses.replace(h.title, body=item[1]))
            for h in header]


def _held(person: Name, header: Header, sent: Sentence) -> Holding:
    """The holding a list item gets from a header written in an earlier sentence."""
    t, change = header.title, header.change
    return Holding(person.text, t.role, t.body, header.written, evidence(LIST_HEADER, sent),
                   change=change.kind, cue=change.cue)


def extract(article: Article) -> Facts:
    """All facts of one article, each with the sentence it came from."""
    whole = article_context(article)
    text = article.clean.text
    facts = Facts()
    known: dict[str, str] = {}  # given name → the full name the article used
    present: list[tuple[int, str]] = []
    chairs: list[tuple[int, str]] = []
    mentioned: Event | None = None  # an undated gathering a sentence puts people at
    opened: OpenList | None = None  # the list a header opened, one item a sentence
    sents = sentences(article, whole)
    referents = Referents()
    left: Bound | None = None  # what the last sentence left open: plural heads, a list going on
    for sent, ctx in zip(sents, sections(whole, sents)):
        syls = sent.syllables
        named = _with_references(sent, referents.read(ctx.g, syls, sent.names))
        bound = left = bind(named, ctx, left)
        titled = []
        said = cues_in(ctx, sent) if bound.holdings or bound.opens else []
        for name, title, rule in bound.holdings:
            written = text[syls[title.start].start:syls[title.end - 1].end]
            change = change_at(ctx, sent, title, named.names, rule == LIST_HEADER.name, said)
            titled.append((name, Holding(name.text, title.role, title.body, written, evidence(rule, sent),
                                       change=change.kind, cue=change.cue)))
        titled += [(name, _held(name, h, sent)) for name, h in bound.borrowed]
        facts.holdings += successions(ctx, sent, titled, named.names)
        if opened and (person := list_item(sent, ctx)) and opened.takes(sent):
            own = {h.body for h in facts.holdings if h.person == person.text and h.evidence.start == sent.start}
            facts.holdings += [_held(person, h, sent) for h in _bodied(opened.header, item_body(ctx.g, syls, 0, ctx))
                               if h.title.body not in own]
            opened = None if opened.ends(sent) else opened
        elif opened and not (BULLET.match(sent.text) and opened.bullets):  # a bullet whose person is not read
            opened = None
        if bound.opens:
            opened = OpenList(bound.opens)
        facts.events += events.find_events(sent, ctx)
        facts.terms += find_terms(sent, ctx)
        facts.documents += find_documents(sent, ctx)
        here, chairing = events.find_people(sent, ctx, known)
        present += here
        chairs += chairing
        mentioned = mentioned or events.mentioned_event(sent, ctx) or events.organised_event(sent, ctx)
    if not facts.events and mentioned:  # no dated gathering: the one the article puts people at
        facts.events.append(mentioned)
    facts.events = events.finish(facts.events, present, chairs)
    facts.terms = merge_terms(facts.terms)
    facts.documents = list({(d.kind, d.number): d for d in reversed(facts.documents)}.values())[::-1]
    return facts
