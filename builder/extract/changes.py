"""What a sentence says about a post changing hands: taken up, held or left (the cue phrases of
cues.tsv nearest before a title), and who it passed from. See docs/internals.md."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from builder.extract.titles import chain_at
from builder.model import HOLD, LEAVE, TAKE_UP

if TYPE_CHECKING:
    from collections.abc import Sequence

    from builder.extract.context import ArticleContext, Sentence
    from builder.extract.names import Name
    from builder.extract.titles import Title
    from builder.gazetteer import Gazetteer
    from builder.model import Holding

CUE_KINDS = {"take-up": TAKE_UP, "leave": LEAVE, "current": HOLD}
BREAKS = {".", ";", ":"}  # a list's items after ':' carry their own titles, not the header's verb
FILLERS = {",", "đã", "được", "xin", "vừa", "sẽ", "nay", "cũng"}  # between a person's titles and "nghỉ hưu"
NEAR = 4  # syllables between "hiện"/"đang" and a following "giữ chức" that still says "holds it now"


@dataclass(frozen=True)
class Change:
    kind: str  # TAKE_UP, HOLD or LEAVE
    cue: str | None = None  # the cue phrase as written


def _written(sentence: Sentence, i: int, j: int) -> str:
    syls = sentence.syllables
    return sentence.text[syls[i].start - sentence.start:syls[j - 1].end - sentence.start]


Cue = tuple[int, int, str]  # start and end syllable, and the kind it says (TAKE_UP, HOLD, LEAVE)


@cache
def _cue_starts(g: Gazetteer) -> frozenset[str]:
    """The syllables a phrase of a change cue list (or of its "not-" list) starts with."""
    return frozenset(k for name in CUE_KINDS for k in g.cues[name].root)


def cues_in(ctx: ArticleContext, sentence: Sentence) -> list[Cue]:
    """The sentence's cue phrases, read left to right, longest first (once per sentence: see change_at)."""
    keys, out, i = sentence.keys, [], 0
    first = _cue_starts(ctx.g)
    while i < len(keys):  # a "not-" phrase ("bàn giao", "làm việc") is read over like a cue, and says nothing
        if keys[i] not in first:  # most syllables start no phrase of any list
            i += 1
            continue
        hits = [(span[0], span[1], CUE_KINDS[name]) for name in CUE_KINDS
                if (span := ctx.g.cue_span(name, keys, i)) is not None]
        if hits:
            end, cue, kind = max(hits)
            if cue:
                out.append((i, end, kind))
            i = end
        else:
            i += 1
    return out


def change_at(ctx: ArticleContext, sentence: Sentence, title: Title, found: Sequence[Name], header: bool = False,
              said: list[Cue] | None = None) -> Change:
    """What the sentence says of one of its titles (found: the sentence's person names; header: the title is a
    list header's, whose verb may follow it when the list starts right after: "Các Phó Bí thư được bầu gồm: …",
    not "Sáu Ủy viên Bộ Chính trị tham gia Ban Bí thư gồm: …"; said: the sentence's cues_in, if known)."""
    keys = sentence.keys
    breaks = [k for k in range(title.start) if keys[k] in BREAKS]
    begin = breaks[-1] + 1 if breaks else 0
    said = cues_in(ctx, sentence) if said is None else said
    cues = [c for c in said if c[0] >= begin and c[1] <= title.start]
    if cues:
        start, end, kind = cues[-1]
        if kind == TAKE_UP and len(cues) > 1 and cues[-2][2] == HOLD and start - cues[-2][1] <= NEAR:
            start, end, kind = cues[-2]  # "hiện ông Ngọc giữ chức …": holds it now
        described = [n for n in found if end <= n.start and n.end < title.start and keys[n.end] in {",", "("}]
        if not described or kind == LEAVE and _next_word(ctx, keys, end) == described[0].start:
            return Change(kind, _written(sentence, start, end))  # "miễn nhiệm ông A, Phó Chủ tịch …": left
    after = _after_titles(ctx, sentence, title.end)
    if (stop := ctx.g.cue_at("leave-after", keys, after)) is not None:
        return Change(LEAVE, _written(sentence, after, stop))
    intro = ctx.g.cue_words("list-intro") | {":", ","}
    if header and (hit := next((c for c in said if title.end <= c[0] <= after
                                and keys[c[1]:c[1] + 1] and keys[c[1]] in intro), None)):
        return Change(hit[2], _written(sentence, hit[0], hit[1]))
    return Change(HOLD)


def _next_word(ctx: ArticleContext, keys: list[str], k: int) -> int:
    """The first syllable from k on that is not an honorific ("ông", "đồng chí") or "đối với"."""
    while k < len(keys):
        if keys[k] in ctx.g.cue_words("honorific"):
            k += 1
        elif keys[k:k + 2] == ["đối", "với"]:
            k += 2
        else:
            break
    return k


def _after_titles(ctx: ArticleContext, sentence: Sentence, j: int) -> int:
    """The first syllable after a title that is not another title of the same chain or a filler word."""
    keys = sentence.keys
    while j < len(keys):
        if keys[j] in FILLERS:
            j += 1
        elif chain := chain_at(ctx.g, sentence.syllables, j, ctx):
            j = chain[-1].end
        else:
            break
    return j


def predecessor(ctx: ArticleContext, sentence: Sentence, holder: Name, found: Sequence[Name]) -> Name | None:
    """The person a succession cue after the holder's name names ("… thay ông B", "kế nhiệm bà C")."""
    keys, honorifics = sentence.keys, ctx.g.cue_words("honorific")
    for k in range(holder.end, len(keys)):
        if keys[k] in BREAKS:
            return None
        if (end := ctx.g.cue_at("succession", keys, k)) is not None:
            while end < len(keys) and (keys[end] in honorifics or keys[end] == "cho"):
                end += 1
            return next((n for n in found if n.start == end and n.text != holder.text), None)
    return None


def successions(ctx: ArticleContext, sentence: Sentence, here: list[tuple[Name, Holding]],
                found: Sequence[Name]) -> list[Holding]:
    """The sentence's holdings, each post taken up given the predecessor a succession cue names; the
    predecessor's holding of the same post in the sentence is left, with the holder as successor."""
    for name, h in here:
        if h.change != TAKE_UP or not (before := predecessor(ctx, sentence, name, found)):
            continue
        h.predecessor = before.text
        for other, o in here:
            if other.text == before.text and (o.role, o.body) == (h.role, h.body):
                o.change, o.successor = LEAVE, name.text
    return [h for _, h in here]
