"""Bodies as articles write them: national ones from the gazetteer, a Party group or committee of one,
local ones with or without their place ('Huyện ủy Gia Lâm', 'Ủy ban nhân dân tỉnh'), organisations after
'Đảng bộ', and the qualifiers after a body ('khóa XI, nhiệm kỳ 2020-2025')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from builder.gazetteer import Gazetteer, LocalBody, Place, Syllable, keys_of, local_units, unit_committees

if TYPE_CHECKING:
    from builder.extract.context import ArticleContext

def organisation_at(g: Gazetteer, syls: list[Syllable], i: int) -> tuple[int, str] | None:
    """The organisation named at i after 'Đảng bộ': capitalised, not a place or a known body; or a unit
    below the province ('phường Bến Thành', 'xã Quế Mỹ')."""
    keys = keys_of(syls)
    unit = next((u for u in sorted(local_units(), key=len, reverse=True) if keys[i:i + len(u.split())] == u.split()),
                None)
    if unit and (named := unit_name(syls, i + len(unit.split()))):
        return named[0], f"{unit} {named[1]}"
    if i >= len(syls) or not syls[i].capital or g.places.longest(keys, i) or g.bodies.longest(keys, i) \
            or g.local.longest(keys, i):
        return None
    j = i
    ends = g.cue_words("org-end")
    while j < len(syls) and j - i < 8 and syls[j].written.isalpha() and keys[j] not in ends:
        j += 1
    return (j, written(g, syls, i, j)) if j - i >= 2 else None


def written(g: Gazetteer, syls: list[Syllable], i: int, j: int) -> str:
    """Syllables i..j as written, abbreviations spelt out ('Khối DNTW' → 'Khối Doanh nghiệp Trung ương')."""
    words = [s.written for k, s in enumerate(syls[i:j], i) if k == i or syls[k - 1].start != s.start]
    return g.spell_out(" ".join(words))


def unit_name(syls: list[Syllable], i: int) -> tuple[int, str] | None:
    """The capitalised name of a unit at i (one to three syllables): 'Bến Thành', 'Quế Mỹ'."""
    j = i
    while j < len(syls) and j - i < 3 and syls[j].capital and syls[j].written.isalpha():
        j += 1
    return (j, " ".join(s.written for s in syls[i:j])) if j > i else None


def skip_qualifiers(syls: list[Syllable], j: int) -> int:
    """Skip 'khóa XI', 'khoá 12', '(,) nhiệm kỳ 2020-2025' after a title."""
    keys = keys_of(syls)
    while j < len(keys):
        if keys[j] == "," and keys[j + 1:j + 3] in (["nhiệm", "kỳ"], ["khóa"]):
            j += 1
        if keys[j] == "khóa" and j + 1 < len(keys) and (keys[j + 1].isdigit() or keys[j + 1].strip("ivxlc") == ""):
            j += 2
        elif keys[j] == "nhiệm" and keys[j + 1:j + 2] == ["kỳ"]:
            j += 2
            while j < len(keys) and (keys[j].isdigit() or keys[j] in {"-", "–", "(", ")"}):
                j += 1
        else:
            break
    return j


# A committee's standing board or executive written before the body of its Party committee ("Đảng ủy X"):
# "Ban Thường vụ Đảng ủy X", "Ban Chấp hành Đảng bộ X" (its name, written: syllables, and as the body begins).
COMMITTEE_PARTS = ((["ban", "thường", "vụ", "đảng", "ủy"], "Ban Thường vụ Đảng ủy "),
                   (["ban", "chấp", "hành", "đảng", "bộ"], "Ban Chấp hành Đảng bộ "))


PARTY_PREFIXES = (["đảng", "đoàn"], ["ban", "cán", "sự", "đảng"], ["đảng", "ủy"])
PARTY_COMMITTEES = ("Đảng ủy ", "Quân ủy ")  # a Party committee not of a place, by how its name starts


def body_at(g: Gazetteer, syls: list[Syllable], j: int, ctx: ArticleContext) -> tuple[int, str] | None:
    """A body named at syllable j: national, a Party group of one (Đảng đoàn X), or local."""
    keys = keys_of(syls)
    best: tuple[int, str] | None = None
    hit = g.bodies.longest(keys, j)
    if hit:
        best = (hit[0], hit[1])
    for prefix in PARTY_PREFIXES:
        k = j + len(prefix)
        if keys[j:k] == prefix and (inner := g.bodies.longest(keys, k)):
            written = " ".join(syls[x].written for x in range(j, k))
            head = written[0].upper() + written[1:].lower()
            if best is None or inner[0] > best[0]:
                best = (inner[0], f"{head} {inner[1]}")
    for prefix, tail in (COMMITTEE_PARTS if best is None or keys[j:j + 3] in (["ban", "thường", "vụ"],
                                                                             ["ban", "chấp", "hành"]) else ()):
        k = j + len(prefix)
        if keys[j:k] == prefix and (inner := g.bodies.longest(["đảng", "ủy", *keys[k:k + 12]], 0)) \
                and inner[1].startswith("Đảng ủy ") and inner[0] > 2 and (best is None or k + inner[0] - 2 > best[0]):
            best = (k + inner[0] - 2, f"{tail}{inner[1].removeprefix('Đảng ủy ')}")
    if keys[j:j + 2] == ["đảng", "ủy"] and best is None:  # "Đảng ủy Tổng công ty X", or bare in an article on X
        org = _organisation(g, syls, j + 2, ctx)
        best = (org[0], f"Đảng ủy {org[1]}") if org else None
    for prefix, tail in COMMITTEE_PARTS if best is None else ():  # "Ban Chấp hành Đảng bộ Quân khu" in one on it
        if keys[j:j + len(prefix)] == prefix and (org := _organisation(g, syls, j + len(prefix), ctx, bare=False)):
            best = (org[0], f"{tail}{org[1]}")
        elif keys[j:j + len(prefix)] == prefix and "ủy" in prefix and not (
                j + len(prefix) < len(syls) and syls[j + len(prefix)].capital):
            best = (j + len(prefix), tail.strip())  # "Ban Thường vụ Đảng ủy và …": no Tỉnh ủy's; left to the run
    local = g.local.longest(keys, j)
    if local:
        end, (template, unit) = local
        place_hit = g.places.longest(keys, end) or _place_past_qualifiers(g, syls, end, unit)
        named = end < len(syls) and syls[end].capital and syls[end].start != syls[end - 1].start \
            and not (syls[end].key in g.surnames and _run(syls, end) >= 3) \
            and syls[end].key != "đảng"  # not the rest of 'TUV' (Tỉnh ủy viên), nor 'Ban Thường vụ Đảng ủy'
        cand: tuple[int, str] | None
        if place_hit and unit == "thành phố" and place_hit[1].unit == "tỉnh":  # "Thành ủy Thái Nguyên": the city
            cand = (place_hit[0], template.fill(Place(place_hit[1].name, unit)))  # of the province's name
        elif place_hit and unit not in local_units():
            cand = (place_hit[0], template.fill(place_hit[1]))
        elif template.level == "district" or unit in local_units() or named:
            cand = _named_unit(g, syls, j, end, template, unit)
            unit = unit or _committee_unit(template)
            if cand is None and unit in local_units():  # "Chủ tịch HĐND phường", "Huyện ủy": the article's, else none
                cand = (end, template.fill(Place(ctx.units.get(unit, ""), unit)))
        else:  # no place written: the article's, else the level word as written ("Ủy ban nhân dân tỉnh")
            cand = (end, template.fill(_context_place(ctx, unit)))
        if cand and (best is None or cand[0] > best[0]):
            best = cand
    if best is None and (commission := g.commissions.longest(keys, j)):
        best = _committee_organ(g, syls, commission, ctx) or _commission(g, commission, ctx)
    return best


def _place_past_qualifiers(g: Gazetteer, syls: list[Syllable], end: int, unit: str) -> tuple[int, Place] | None:
    """The province written after a body's qualifiers: 'Đoàn đại biểu Quốc hội khoá XIV tỉnh Phú Yên'."""
    keys = keys_of(syls)
    k = skip_qualifiers(syls, end)
    if k == end or unit:
        return None
    k += 1 if keys[k:k + 1] == ["tỉnh"] else 2 if keys[k:k + 2] == ["thành", "phố"] else 0
    return g.places.longest(keys, k)


def _organisation(g: Gazetteer, syls: list[Syllable], i: int, ctx: ArticleContext,
                  bare: bool = True) -> tuple[int, str] | None:
    """The organisation named at i after 'Đảng ủy' (the article's, when written short: 'Quân khu' in an article
    on the Quân khu 4), or, bare, the article's organisation itself."""
    org = organisation_at(g, syls, i)
    home = ctx.organisation
    if org and home and g.keys(home)[:len(g.keys(org[1]))] == g.keys(org[1]):
        return org[0], home
    if not bare:
        return None  # a committee part of an organisation the article is not about: left to the other readings
    return org or ((i, home) if home else None)


def _committee_organ(g: Gazetteer, syls: list[Syllable], hit: tuple[int, tuple[LocalBody, str]],
                     ctx: ArticleContext) -> tuple[int, str] | None:
    """A Party commission followed by the Party committee it serves, one not of a place ('Ban Tổ chức Đảng ủy
    Quốc hội', 'Ủy ban Kiểm tra Đảng ủy Công an Trung ương', 'Văn phòng Quân ủy Trung ương')."""
    end, (_, head) = hit
    committee = body_at(g, syls, end, ctx) if end < len(syls) else None
    if committee and committee[1].startswith(PARTY_COMMITTEES):
        return committee[0], f"{head} {committee[1]}"
    return None


def _commission(g: Gazetteer, hit: tuple[int, tuple[LocalBody, str]], ctx: ArticleContext) -> tuple[int, str] | None:
    """A Party commission written without its committee ('Chủ nhiệm Ủy ban Kiểm tra'): the article's
    committee's, else the central one ('Ủy ban Kiểm tra Trung ương')."""
    end, (template, head) = hit
    central = g.bodies.longest(g.keys(f"{head} Trung ương"), 0)
    home = ctx.local or ctx.place
    if home and not (central and central[1] in ctx.named):  # an article naming the central one means it
        return end, template.fill(home)
    return (end, central[1]) if central else None


def _committee_unit(template: LocalBody) -> str:
    """The unit a district-level committee template is of: 'Huyện ủy {place}' → huyện."""

    head = template.pattern.split(" {place}")[0]
    return next((u for u, committee in unit_committees().items() if committee == head), "")


def _context_place(ctx: ArticleContext, unit: str) -> Place | None:
    """The place a body without a place name belongs to: the article's unit below the province when it is
    about one, else its province; with neither, a nameless place of the unit written."""
    if not unit and ctx.local:
        return ctx.local
    if unit == "thành phố" and not (ctx.place and ctx.place.committee == "Thành ủy"):
        return ctx.city or Place("", unit)  # "HĐND thành phố", "Thành ủy": the province's city the article names
    if ctx.place and unit not in local_units():
        return ctx.place
    return Place("", unit) if unit else None


def _run(syls: list[Syllable], i: int) -> int:
    """How many capitalised words follow from i (at most 8)."""
    j = i
    while j < len(syls) and j - i < 8 and syls[j].capital and syls[j].written.isalpha():
        j += 1
    return j - i


def _named_unit(g: Gazetteer, syls: list[Syllable], start: int, end: int,
                template: LocalBody, unit: str = "") -> tuple[int, str] | None:
    """A body of a unit not in the places list (a district, a commune, a provincial city): the
    template followed by a capitalised name; a person's full name after it is not part of it."""
    run = end + _run(syls, end)
    j = min(run, end + 3)
    if run - end > 3:  # "Huyện ủy Gia Lâm Nguyễn Văn An": a name of 3 (2, 4) syllables ends the run
        j = next((run - n for n in (3, 2, 4) if run - n > end and syls[run - n].key in g.surnames), j)
    elif end < len(syls) and syls[end].key in g.surnames and run - end >= 3:
        return None  # "Huyện ủy Lê Văn An": a person, not a district ("Huyện ủy Hà Trung" is one)
    if j == end:
        return None
    if not unit and "thành" in [s.key for s in syls[start:end]]:  # "Thành ủy Móng Cái"
        unit = "thành phố"
    return j, template.fill(Place(written(g, syls, end, j), unit))


def body_at_start(ctx: ArticleContext, text: str) -> tuple[bool, str] | None:
    """(whole text?, canonical name) of the body a text starts with, if any."""
    syls = ctx.g.syllables(text)
    hit = body_at(ctx.g, syls, 0, ctx)
    return (hit[0] == len(syls), hit[1]) if hit else None


def expand(ctx: ArticleContext, written: str) -> str:
    """The canonical name of a text that is a body's name, else the text."""
    hit = body_at_start(ctx, written)
    return hit[1] if hit and hit[0] else written


def body_after(ctx: ArticleContext, text: str) -> str | None:
    """The body a text starts with, if any."""
    hit = body_at_start(ctx, text[:120])
    return hit[1] if hit else None
