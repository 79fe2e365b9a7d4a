"""What every rule reads: one sentence (text, offsets, syllables, caption or headline) and the article
around it (gazetteers, main place and organisation, publication date, headline, proper-name starts)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from builder.extract.names import Name, names
from builder.gazetteer import Gazetteer, Place, Syllable, Syllables, gazetteer, keys_of
from builder.text.normalize import LIST_ITEM

if TYPE_CHECKING:
    from collections.abc import Container



@dataclass(frozen=True)
class Sentence:
    """One sentence of the clean text: its text, its offsets, its folded syllables (offsets into the clean
    text), whether it is a photo caption, whether it reads like a headline, and the persons' full names in it
    (found once, the tagger's proper names included: every rule reads these)."""

    text: str
    start: int
    syllables: list[Syllable]
    caption: bool = False
    headline: bool = False
    names: tuple[Name, ...] = ()

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def keys(self) -> list[str]:
        return keys_of(self.syllables)

    @property
    def first_word(self) -> int:
        """The index of its first syllable that is a word or a number, past bullets and punctuation."""
        return next((k for k, s in enumerate(self.syllables) if s.written[:1].isalnum()), len(self.syllables))


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
    mentions: tuple[tuple[int, str], ...] = ()  # (offset, name) of every national body named, in order
    defined: dict[tuple[str, ...], str] = field(default_factory=dict)  # abbreviation the article defines → body
    city: Place | None = None  # the city below the province the article names most ("thành phố Hội An")
    latest_year: int | None = None  # the latest year the article writes or is published in

    def named_before(self, head: list[str], before: int) -> str | None:
        """The last national body named before an offset whose name starts with these (folded) words: what
        a head word written alone means ('Phó Chủ tịch Hội' after 'Hội Cựu chiến binh Việt Nam')."""
        named = [name for at, name in self.mentions if at < before and self.g.keys(name)[:len(head)] == head]
        return named[-1] if named else None

    def named_near(self, head: list[str], at: int) -> str | None:
        """The national body whose name starts with these (folded) words the article names last before an
        offset, else first after it: what a title with no body at all means ('phó viện trưởng' in an article on
        the Viện kiểm sát nhân dân tối cao)."""
        named = [(b, name) for b, name in self.mentions if self.g.keys(name)[:len(head)] == head
                 and not self.g.body_kinds.get(name, "").startswith("party")]  # "Bộ" of a ministry: not Bộ Chính trị
        before = [name for b, name in named if b < at]
        return before[-1] if before else named[0][1] if named else None

    def adhoc_body(self, head: list[str], before: int) -> str | None:
        """The last ad-hoc body with this head word ('hội đồng', 'ban') introduced before an offset: its head
        is the word or ends or starts with it ('Tiểu ban' for 'ban', 'Đoàn kiểm tra' for 'đoàn')."""
        named = [name for at, name, h in self.adhoc if at <= before and head in (h, h[-len(head):], h[:len(head)])]
        return named[-1] if named else None

    def sentence(self, text: str, start: int = 0, caption: bool = False, in_list: bool = False,
                 syllables: Syllables | None = None) -> Sentence:
        """A sentence of this article (or a text on its own, for tests and the gazetteer checks). It reads
        like a headline when it is short, unpunctuated and capitalised, unless it is a list item. Its
        syllables are made from the text unless given; its names are found here."""
        headline = text == self.headline or (len(text) < 200 and text[-1:] not in ".:;," and text[:1].isupper()
                                             and not in_list and not LIST_ITEM.match(text))
        syls = self.g.syllables(text, start) if syllables is None else syllables
        return Sentence(text, start, syls, caption, headline, tuple(names(self.g, syls, text, start, self.proper)))

    def slice(self, start: int, end: int) -> Syllables:
        """The article's syllables between two offsets of its clean text (the same as made from that
        text, since sentences split where no syllable or abbreviation spans)."""
        starts = self.syllables.starts
        return Syllables(s for s in self.syllables[bisect_left(starts, start):bisect_left(starts, end)]
                         if s.end <= end)

