"""Terms of congresses and bodies: 'khóa XIV, nhiệm kỳ 2026-2031', 'nhiệm kỳ 2020 - 2025'."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from builder.extract.bodies import body_at, body_at_start, expand
from builder.extract.rules import Example, Rule, evidence, register, steps
from builder.gazetteer import Place, Syllables, keys_of
from builder.model import Evidence, TermFact

if TYPE_CHECKING:
    from builder.extract.context import ArticleContext, Sentence

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
TERM = re.compile(
    r"(?:(?P<khoa>[Kk]hó?o?á?a?\s+(?P<ord>[IVXLC]+|\d{1,2}))\s*,?\s*\(?\s*)?"
    r"(?:các\s+)?nhiệm\s+kỳ\s*(?:Đại hội [IVXLC]+\s*)?\(?\s*(?P<a>\d{4})\s*[-–—]\s*(?P<b>\d{4})"
    r"(?:\)?\s*[,(]\s*(?P<khoa_after>[Kk]hó?o?á?a?\s+(?P<ord_after>[IVXLC]+|\d{1,2}))\b)?")  # "…, khóa XVII" after
MORE_RANGES = re.compile(r"\s*,\s*(?P<a>\d{4})\s*[-–—]\s*(?P<b>\d{4})")  # "các nhiệm kỳ 2010-2015, 2015-2020"
NOT_IN_A_NAME = re.compile(r"[,;.()]")
KHOA_IN_NAME = re.compile(r"\b[Kk]hó?o?á?a?\s+(?:[IVXLC]+|\d{1,2})\b")


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
    keys = keys_of(syls)
    starts = [s.start for k, s in enumerate(syls) if (hit := g.term_heads.longest(keys, k))
              and (hit[1] or s.capital) and (k == 0 or syls[k - 1].start != s.start)]
    tails = [window[k:].strip() for k in dict.fromkeys(starts)
             if not NOT_IN_A_NAME.search(window[k:]) and "nhiệm kỳ" not in window[k:]]
    names = [t for t in tails if len(t.split()) <= 18 and g.find_cue("clause", g.keys(t)) is None]
    # "… các thành viên khác của Chính phủ nhiệm kỳ …": the body, not the clause before it (a congress or a whole
    # body's name stays the owner)
    named = names and (names[0].startswith("Đại hội") or (whole := body_at_start(ctx, names[0])) and whole[0])
    if not named and (body := _body_before(ctx, syls)):
        return body
    if not names:
        return None
    owner = g.spell_out(names[0])  # the longest name that reads as a name, not a clause; "MTTQ" written out
    hit = g.term_heads.longest(g.keys(owner), 0)
    if hit and g.term_head_whole.get(tuple(g.keys(owner)[:hit[0]])):  # "Chủ tịch nước CHXHCN Việt Nam" → the office
        owner = g.term_head_whole[tuple(g.keys(owner)[:hit[0]])]
    return owner[0].upper() + owner[1:]


def _body_before(ctx: ArticleContext, syls: Syllables) -> str | None:
    """The longest known body whose name ends where the text before a term ends, when no head word starts
    one: 'Chủ tịch Tổng Liên đoàn Lao động Việt Nam nhiệm kỳ …', 'Phó Chủ tịch Hội LHPN Việt Nam khóa XIII, …'."""
    g, keys = ctx.g, keys_of(syls)
    for k, syl in enumerate(syls):
        if not (syl.capital and (k == 0 or syls[k - 1].start != syl.start)):
            continue
        # after a title or 'của' ('Chủ tịch Hội X', 'thành viên của Chính phủ'), not inside a name ('cơ quan
        # Nhà nước khóa XIV', 'Đại hội Đảng bộ tỉnh X')
        led = k == 0 or keys[k - 1] in {"của", ",", "("} or any(
            (role := g.roles.longest(keys, j)) and role[0] == k for j in range(max(0, k - 6), k))
        if led and (hit := body_at(g, syls, k, ctx)) and hit[0] == len(syls):
            return hit[1]
    return None


def _activity_time(ctx: ArticleContext, before: str) -> bool:
    """Whether 'nhiệm kỳ' follows a word that makes it the time of an activity ('hoạt động trong nhiệm kỳ
    2020-2025'), not a body's term."""
    keys = ctx.g.keys(before[-40:])
    return bool(keys) and keys[-1] in ctx.g.cue_words("term-time")


def find_terms(sent: Sentence, ctx: ArticleContext) -> list[TermFact]:
    """Terms stated in a sentence: the steps of stage "terms", in order."""
    return [t for step, rule in steps("terms") for t in step(sent, ctx, evidence(rule, sent))]


def _terms(sent: Sentence, ctx: ArticleContext, ev: Evidence, khoa: bool) -> list[TermFact]:
    """The terms of the sentence written with a khóa (khoa) or without one, each owned by the canonical name of
    the body or congress before it; a body written without its province ('Bí thư Tỉnh ủy khóa XIV') is of the
    province the sentence names last before it, else of the article's."""
    out = []
    sentence = sent.text
    for m in TERM.finditer(sentence):
        if bool(m.group("khoa") or m.group("khoa_after")) != khoa or _activity_time(ctx, sentence[:m.start()]):
            continue
        here = _place_before(ctx, sent, m.start())
        local = dataclasses.replace(ctx, place=here) if here else ctx
        a, b = int(m.group("a")), int(m.group("b"))
        if not 0 < b - a <= 10:
            continue
        owner = _owner(local, sentence[:m.start()])
        if not owner:
            continue
        written = m.group("ord") or m.group("ord_after")
        ordinal = roman(written) if written else None
        whole = body_at_start(local, owner)
        parts = [owner] if whole and whole[0] else [  # "Bộ Thông tin và Truyền thông" is one body
            p.strip() for p in re.split(r"\s+và\s+(?:đại biểu\s+)?", owner) if p.strip()]
        # "Quốc hội khóa XV và Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026": a part with a khóa of its own is
        # named by it; the range is the others'
        parts = [p for k, p in enumerate(parts) if k == len(parts) - 1 or not KHOA_IN_NAME.search(p)]
        ranges = [(a, b)] + [(int(r.group("a")), int(r.group("b"))) for r in _more_ranges(sentence, m.end())
                             if 0 < int(r.group("b")) - int(r.group("a")) <= 10]
        for k, part in enumerate(parts):
            if here and THIS_PLACE.search(part):  # "Ban cán sự đảng UBND tỉnh này": the province just named
                part = THIS_PLACE.sub(rf"\1 {here.name}", part)
            name = _congress_of(local, expand(local, part[0].upper() + part[1:]))
            if khoa and k == len(parts) - 1:
                name = f"{name} khóa {written}"
            out += [TermFact(name, start, end, ordinal if k == len(parts) - 1 else None, ev) for start, end in ranges]
    return out


@register("terms", Rule("term-khoa-nhiem-ky", "term", 0.80, "'<body> khóa N, nhiệm kỳ YYYY-YYYY'", (
    Example("Ban Chấp hành Đảng bộ tỉnh Kiên Giang khóa XI, nhiệm kỳ 2020-2025 họp phiên thứ nhất.",
            {"body": "Ban Chấp hành Đảng bộ tỉnh Kiên Giang khóa XI", "start": 2020, "end": 2025}),
)))
def term_with_khoa(sent: Sentence, ctx: ArticleContext, ev: Evidence) -> list[TermFact]:
    return _terms(sent, ctx, ev, khoa=True)


@register("terms", Rule("term-nhiem-ky", "term", 0.70, "'<body or congress> nhiệm kỳ YYYY-YYYY' without a khóa", (
    Example("Đại hội đại biểu Đảng bộ huyện Đông Anh nhiệm kỳ 2025-2030 khai mạc.",
            {"body": "Đại hội đại biểu Đảng bộ huyện Đông Anh", "start": 2025, "end": 2030}),
)))
def term_without_khoa(sent: Sentence, ctx: ArticleContext, ev: Evidence) -> list[TermFact]:
    return _terms(sent, ctx, ev, khoa=False)


# A congress written without the Party organisation it is of, or with its unit word but not the unit's name:
# "Đại hội đại biểu lần thứ I", "Đại hội Đảng bộ thành phố lần thứ XVII", "Đại hội đại biểu Đảng bộ xã lần thứ nhất"
# (the misspelling "lần thức" read as "lần thứ")
SHORT_CONGRESS = re.compile(r"^(?P<head>Đại hội(?: [Đđ]ại biểu)?)(?: (?P<party>Đảng bộ)(?: (?P<unit>tỉnh|thành phố|"
                            r"huyện|quận|thị xã|phường|xã|thị trấn|đặc khu))?)? lần (?:thứ|thức) (?P<tail>\S+)$")


def _congress_of(ctx: ArticleContext, name: str) -> str:
    """A congress written short, completed from the article: the Party organisation it is about (its unit
    below the province, its organisation, else its province), or the unit's name for a unit word written alone;
    unchanged where the article does not say."""
    m = SHORT_CONGRESS.match(name)
    if not m:
        return name
    unit = m.group("unit")
    home = ctx.local or ctx.place
    if unit:
        home = next((p for p in (ctx.local, ctx.place) if p and p.unit.lower() == unit), None)
        if home is None and unit in ctx.units:
            home = Place(ctx.units[unit], unit)
    elif m.group("party") or ctx.organisation and not ctx.local:
        home = None
        organisation = ctx.organisation if not m.group("party") else None
        if organisation:
            return f"{m.group('head')} Đảng bộ {organisation} lần thứ {m.group('tail')}"
    if home is None or not home.name:
        return name
    unit_word = "" if home.name.startswith("Thành phố") else home.unit or unit or "tỉnh"
    return " ".join(w for w in (m.group("head"), "Đảng bộ", unit_word, home.name, "lần thứ", m.group("tail")) if w)


THIS_PLACE = re.compile(r"\b(tỉnh|thành phố) này\b")


def _place_before(ctx: ArticleContext, sent: Sentence, at: int) -> Place | None:
    """The last province the sentence names before character `at` of it."""
    keys = sent.keys
    found = None
    for k, syl in enumerate(sent.syllables):
        if syl.start - sent.start >= at:
            break
        hit = ctx.g.places.longest(keys, k)
        if hit and not (k and sent.syllables[k - 1].capital and keys[k - 1] in ctx.g.surnames):
            found = hit[1]
    return found


def _more_ranges(sentence: str, at: int) -> list[re.Match[str]]:
    """Further ranges listed after a term's: 'các nhiệm kỳ 2010-2015, 2015-2020'."""
    out = []
    while m := MORE_RANGES.match(sentence, at):
        out.append(m)
        at = m.end()
    return out


COMMITTEE = re.compile(r"^Ban Chấp hành Đảng bộ (tỉnh|thành phố) (.+)$")


def _committee(body: str) -> str:
    """One name for a provincial Party committee: 'Ban Chấp hành Đảng bộ tỉnh X' is the Tỉnh ủy X."""
    m = COMMITTEE.match(body)
    return f"{'Tỉnh ủy' if m.group(1) == 'tỉnh' else 'Thành ủy'} {m.group(2)}" if m else body


def merge_terms(terms: list[TermFact]) -> list[TermFact]:
    """One term per (body, years) in an article; 'X khóa XVI' absorbs a bare 'X' of the same years (the
    Ban Chấp hành Đảng bộ of a province being its Tỉnh ủy)."""
    with_ordinal = {(_committee(re.sub(r" khóa \S+$", "", t.body)), t.start, t.end)
                    for t in terms if " khóa " in t.body}
    out: dict[tuple[str, int, int], TermFact] = {}
    for t in terms:
        if (_committee(t.body), t.start, t.end) not in with_ordinal:
            out.setdefault((t.body, t.start, t.end), t)
    return _one_name_a_congress(list(out.values()))


CONGRESS = re.compile(r"^Đại hội\b.*\blần thứ (\S+)$", re.IGNORECASE)
CONGRESS_WORDS = {"đại", "hội", "biểu", "đảng", "bộ", "lần", "thứ"}  # what the names of one congress may differ by


def _one_name_a_congress(terms: list[TermFact]) -> list[TermFact]:
    """A congress written short and in full in one article ('Đại hội Đảng bộ Quân khu lần thứ 11', 'Đại hội
    đại biểu Đảng bộ Quân khu 4 lần thứ 11'), same ordinal and years, one name's words within the other's:
    one term, under the name that says most ('đại biểu' breaking a tie)."""
    def words(t: TermFact) -> set[str]:
        return set(t.body.lower().split()[:-1]) - CONGRESS_WORDS

    def rank(t: TermFact) -> tuple[int, bool, int]:
        return len(words(t)), " đại biểu " in f" {t.body.lower()} ", len(t.body)

    kept: list[TermFact] = []
    for t in sorted(terms, key=rank, reverse=True):
        m = CONGRESS.match(t.body)
        same = m and next((k for k in kept if (k.start, k.end) == (t.start, t.end) and (o := CONGRESS.match(k.body))
                           and roman(o.group(1)) == roman(m.group(1)) and words(t) <= words(k)), None)
        if not same:
            kept.append(t)
    return [t for t in terms if any(t is k for k in kept)]
