"""The facts extraction produces for one article, before they become RDF (slotted classes: a build holds
every article's facts, and without a __dict__ per instance they take a quarter less memory)."""

from __future__ import annotations

from dataclasses import dataclass, field

# what a sentence says of a post (Holding.change): taken up, held or left (builder.extract.changes)
TAKE_UP, HOLD, LEAVE = "take-up", "hold", "leave"
STRENGTH = {HOLD: 0, TAKE_UP: 1, LEAVE: 2}  # an article reporting several: leaving, else taking up, else holding


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: a sentence (clean-text offsets), the rule and its confidence."""

    start: int
    end: int
    rule: str
    confidence: float
    caption: bool = False

    def __reduce__(self) -> tuple[type[Evidence], tuple[int, int, str, float, bool]]:
        # pickled as its constructor's arguments: the state functions dataclasses writes for a frozen slotted
        # class look up the fields at every call, and a build pickles every fact's evidence (cache, spools)
        return (Evidence, (self.start, self.end, self.rule, self.confidence, self.caption))


@dataclass(kw_only=True, slots=True)
class Fact:
    """What every fact may carry besides its content: set by curation, never by extraction.

    fact_id keeps the id extraction gave a fact whose identifying fields a reviewer
    corrected, so the correction is found again on the next build; curation is the
    reviewer's decision ("accept" or "correct"), written as one more evidence.
    """

    fact_id: str | None = None
    curation: str | None = None


@dataclass(slots=True)
class Holding(Fact):
    """A person's title in one sentence, and what the sentence says of it (builder.extract.changes): the
    post taken up, held or left ("take-up", "hold", "leave"), the cue that says so, and the predecessor
    or successor it names."""

    person: str
    role: str
    body: str
    title: str
    evidence: Evidence
    change: str = "hold"
    cue: str | None = None
    predecessor: str | None = None
    successor: str | None = None


@dataclass(slots=True)
class Event(Fact):
    kind: str
    name: str | None
    date: str | None
    evidence: Evidence
    part_of_day: str | None = None
    place: str | None = None
    organizer: str | None = None
    chair: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    joined: int = 0  # the n-th gathering a sentence joins to its first with 'và' (0: the first, or alone)


@dataclass(slots=True)
class TermFact(Fact):
    body: str
    start: int
    end: int
    ordinal: int | None
    evidence: Evidence


@dataclass(slots=True)
class DocumentFact(Fact):
    id_as_written: str
    kind: str
    number: str
    date: str | None
    issuer: str | None
    evidence: Evidence


@dataclass(slots=True)
class Facts:
    """Everything extracted from one article."""

    holdings: list[Holding] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    terms: list[TermFact] = field(default_factory=list)
    documents: list[DocumentFact] = field(default_factory=list)
