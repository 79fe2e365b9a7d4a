"""Terms of congresses and bodies: 'khóa XIV, nhiệm kỳ 2026-2031', 'nhiệm kỳ 2020 - 2025'."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from builder.extract.rules import evidence
from builder.model import TermFact

if TYPE_CHECKING:
    from builder.extract.context import ArticleContext, Sentence

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
TERM = re.compile(
    r"(?:(?P<khoa>[Kk]hó?o?á?a?\s+(?P<ord>[IVXLC]+|\d{1,2}))\s*,?\s*\(?\s*)?"
    r"nhiệm\s+kỳ\s*(?:Đại hội [IVXLC]+\s*)?\(?\s*(?P<a>\d{4})\s*[-–—]\s*(?P<b>\d{4})")
NOT_IN_A_NAME = re.compile(r"[,;.()]")


def roman(text: str) -> int | None:
    """'XIV' → 14, '12' → 12; None when it is neither."""
    if text.isdigit():
        return int(text)
    total = 0
    values = [ROMAN.get(c) for c in text.upper()]
    if not values or None in values:
        return None
    nums = [v for v in values if v is not None]
    for k, v in enumerate(nums):
        total += -v if k + 1 < len(nums) and nums[k + 1] > v else v
    return total


def _owner(ctx: ArticleContext, before: str) -> str | None:
    """The congress or body named just before 'khóa …, nhiệm kỳ …': from a head word (term_heads.tsv)
    to the end, with no punctuation that would end a name."""
    g = ctx.g
    window = before[-120:].rstrip(" ,(")
    syls = g.syllables(window)
    keys = [s.key for s in syls]
    starts = [s.start for k, s in enumerate(syls) if (hit := g.term_heads.longest(keys, k))
              and (hit[1] or s.capital) and (k == 0 or syls[k - 1].start != s.start)]
    tails = [window[k:].strip() for k in dict.fromkeys(starts) if not NOT_IN_A_NAME.search(window[k:])]
    names = [t for t in tails if len(t.split()) <= 14 and g.find_cue("clause", g.keys(t)) is None]
    if not names:
        return None
    owner = names[0]  # the longest name that reads as a name, not a clause
    return owner[0].upper() + owner[1:]


def find_terms(sent: Sentence, ctx: ArticleContext) -> list[TermFact]:
    """Terms stated in a sentence, each owned by the canonical name of the body or congress before it."""
    out = []
    sentence = sent.text
    for m in TERM.finditer(sentence):
        a, b = int(m.group("a")), int(m.group("b"))
        if not 0 < b - a <= 10:
            continue
        owner = _owner(ctx, sentence[:m.start()])
        if not owner:
            continue
        ordinal = roman(m.group("ord")) if m.group("ord") else None
        ev = evidence("term-khoa-nhiem-ky" if m.group("khoa") else "term-nhiem-ky", sent)
        parts = [p.strip() for p in re.split(r"\s+và\s+(?:đại biểu\s+)?", owner) if p.strip()]
        for k, part in enumerate(parts):
            name = ctx.expand(part[0].upper() + part[1:])
            if m.group("khoa") and k == len(parts) - 1:
                name = f"{name} khóa {m.group('ord')}"
            out.append(TermFact(name, a, b, ordinal if k == len(parts) - 1 else None, ev))
    return out


def merge_terms(terms: list[TermFact]) -> list[TermFact]:
    """One term per (body, years) in an article; 'X khóa XVI' absorbs a bare 'X' of the same years."""
    with_ordinal = {(re.sub(r" khóa \S+$", "", t.body), t.start, t.end) for t in terms if " khóa " in t.body}
    out: dict[tuple[str, int, int], TermFact] = {}
    for t in terms:
        if (t.body, t.start, t.end) not in with_ordinal:
            out.setdefault((t.body, t.start, t.end), t)
    return list(out.values())
