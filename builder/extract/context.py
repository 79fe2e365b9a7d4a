"""What every rule reads: one sentence (text, offsets, syllables, caption or headline) and the article
around it (gazetteers, main place and organisation, publication date, headline, proper-name starts)."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from builder.gazetteer import Gazetteer, Place, Syllable, Syllables, gazetteer, keys_of, local_units
from builder.text.normalize import LIST_ITEM

if TYPE_CHECKING:
    from collections.abc import Container

    from builder.text.ingest import Article


@dataclass(frozen=True)
class Sentence:
    """One sentence of the clean text: its text, its offsets, its folded syllables (offsets into the clean
    text), whether it is a photo caption, and whether it reads like a headline."""

    text: str
    start: int
    syllables: list[Syllable]
    caption: bool = False
    headline: bool = False

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def keys(self) -> list[str]:
        return keys_of(self.syllables)


@dataclass
class ArticleContext:
    """What the article as a whole says: the place it names most, the organisation whose Party committee it
    is about ("Đảng bộ Tổng công ty X" → "Tổng công ty X"), its publication date and headline, and where
    underthesea sees a multi-syllable proper name (character offsets)."""

    g: Gazetteer = field(default_factory=gazetteer)
    place: Place | None = None
    organisation: str | None = None
    published: str | None = None
    headline: str | None = None
    proper: Container[int] = frozenset()  # builder.text.nlp.ProperNames: tagged when asked
    units: dict[str, str] = field(default_factory=dict)  # unit word below the province → its commonest name
    local: Place | None = None  # the unit below the province whose Party committee the article is about
    adhoc: list[tuple[int, str, list[str]]] = field(default_factory=list)  # (offset, name, head) of ad-hoc bodies
    named: frozenset[str] = frozenset()  # the national bodies the article names
    syllables: Syllables = field(default_factory=Syllables)  # of the whole clean text, made once

    def adhoc_body(self, head: list[str], before: int) -> str | None:
        """The last ad-hoc body with this head word ('hội đồng', 'ban') introduced before an offset."""
        named = [name for at, name, h in self.adhoc if at <= before and (h == head or h[-len(head):] == head)]
        return named[-1] if named else None

    def sentence(self, text: str, start: int = 0, caption: bool = False, in_list: bool = False,
                 syllables: Syllables | None = None) -> Sentence:
        """A sentence of this article (or a text on its own, for tests and the gazetteer checks). It reads
        like a headline when it is short, unpunctuated and capitalised, unless it is a list item. Its
        syllables are made from the text unless given."""
        headline = text == self.headline or (len(text) < 200 and text[-1:] not in ".:;," and text[:1].isupper()
                                             and not in_list and not LIST_ITEM.match(text))
        return Sentence(text, start, self.g.syllables(text, start) if syllables is None else syllables,
                        caption, headline)

    def slice(self, start: int, end: int) -> Syllables:
        """The article's syllables between two offsets of its clean text (the same as made from that
        text, since sentences split where no syllable or abbreviation spans)."""
        starts = self.syllables.starts
        return Syllables(s for s in self.syllables[bisect_left(starts, start):bisect_left(starts, end)]
                         if s.end <= end)

    def body_at_start(self, text: str) -> tuple[bool, str] | None:
        """(whole text?, canonical name) of the body a text starts with, if any."""
        from builder.extract.titles import body_at

        syls = self.g.syllables(text)
        hit = body_at(self.g, syls, 0, self)
        return (hit[0] == len(syls), hit[1]) if hit else None

    def expand(self, written: str) -> str:
        """The canonical name of a text that is a body's name, else the text."""
        hit = self.body_at_start(written)
        return hit[1] if hit and hit[0] else written

    def body_after(self, text: str) -> str | None:
        """The body a text starts with, if any."""
        hit = self.body_at_start(text[:120])
        return hit[1] if hit else None


def article_context(article: Article) -> ArticleContext:
    """The context of one article: its main place and organisation, date, headline and proper names."""
    from builder.extract.titles import organisation_at, unit_name
    from builder.text.nlp import ProperNames

    g = gazetteer()
    clean = article.clean
    syllables = g.syllables(clean.text)
    keys = keys_of(syllables)
    places: Counter[Place] = Counter()
    orgs: Counter[str] = Counter()
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
        i += 1
    place = min(places, key=lambda p: (-places[p], p.name)) if +places else None
    organisation = min(orgs, key=lambda o: (-orgs[o], o)) if orgs else None
    unit, _, name = (organisation or "").partition(" ")
    local = Place(name, unit) if unit in local_units() and name else None
    return ArticleContext(g, place, organisation, article.meta.get("published"), _headline(article),
                          ProperNames(clean),
                          {u: min(c, key=lambda n: (-c[n], n)) for u, c in units.items()}, local,
                          _adhoc(g, syllables, clean.text),
                          frozenset(hit[1] for k, key in enumerate(keys)
                                    if key in g.bodies.root and (hit := g.bodies.longest(keys, k))),
                          syllables)


def _adhoc(g: Gazetteer, syllables: list[Syllable], text: str) -> list[tuple[int, str, list[str]]]:
    """Bodies set up for one task, where the article introduces them: an ad-hoc head word (cues.tsv) and
    its words up to 'gồm' or a number 'số N' ('Ban kiểm phiếu gồm …', 'Tổ Công tác số 3'), not a known body."""
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
        if stop is None or keys[stop] not in {"gồm"} and not keys[stop].isdigit():
            continue
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
    from builder.text.nlp import split_sentences

    clean = article.clean
    paras = [p for p in clean.paragraphs if not p.meta]
    short = [len(clean.text[p.start:p.end]) < 200 and clean.text[p.end - 1] not in ".:;," for p in paras]
    # paragraphs in a run of short unpunctuated ones are list lines, not headlines
    listed = [(p.start, p.end) for k, p in enumerate(paras)
              if short[k] and (k and short[k - 1] or k + 1 < len(paras) and short[k + 1])]
    return [ctx.sentence(clean.text[start:end], start, caption, any(a <= start < b for a, b in listed),
                         ctx.slice(start, end))
            for start, end, caption in split_sentences(clean)]
