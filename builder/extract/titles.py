"""Persons and their titles: one (role, body) pair per title, bound to a person's full name.

Patterns: titles before the name ("Ủy viên Bộ Chính trị, Thường trực Ban Bí thư
Lương Cường"), after it ("Mai Văn Chính, Ủy viên Trung ương Đảng, Phó Trưởng ban
…"), in parentheses, and a list header that gives its titles to every name of the
list ("Các đồng chí Ủy viên Bộ Chính trị: A, B; …"). "nguyên" (former) titles
and past posts of a biography are not current holdings.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from builder.gazetteer import Gazetteer, LocalBody, Place, Syllable, keys_of, local_units

if TYPE_CHECKING:
    from collections.abc import Container

    from builder.extract.context import ArticleContext, Sentence

# Punctuation (and "kiêm") that joins titles, and that joins a name to the titles after it; the cue word
# lists (former, honorific, past, holding-verb, membership, list-intro, reporting) are in gazetteers/cues.tsv.
SEPARATORS = {",", "-", "–", "—", "kiêm"}
NAME_TITLE_GLUE = {",", "(", "-", "–", "—"}


@dataclass(frozen=True)
class Title:
    role: str
    body: str
    start: int  # syllable index
    end: int
    former: bool


@dataclass(frozen=True)
class Name:
    text: str
    start: int
    end: int


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
        org = organisation_at(g, syls, j + 2) or (ctx.organisation and (j + 2, ctx.organisation))
        best = (org[0], f"Đảng ủy {org[1]}") if org else None
    local = g.local.longest(keys, j)
    if local:
        end, (template, unit) = local
        place_hit = g.places.longest(keys, end)
        named = end < len(syls) and syls[end].capital and syls[end].key not in g.surnames
        cand: tuple[int, str] | None
        if place_hit and unit not in local_units():
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
        best = _commission(g, commission, ctx)
    return best


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
    from builder.gazetteer import unit_committees

    head = template.pattern.split(" {place}")[0]
    return next((u for u, committee in unit_committees().items() if committee == head), "")


def _context_place(ctx: ArticleContext, unit: str) -> Place | None:
    """The place a body without a place name belongs to: the article's unit below the province when it is
    about one, else its province; with neither, a nameless place of the unit written."""
    if not unit and ctx.local:
        return ctx.local
    if ctx.place and unit not in local_units():
        return ctx.place
    return Place("", unit) if unit else None


def _named_unit(g: Gazetteer, syls: list[Syllable], start: int, end: int,
                template: LocalBody, unit: str = "") -> tuple[int, str] | None:
    """A body of a unit not in the places list (a district, a commune, a provincial city): the
    template followed by a capitalised name; a person's full name after it is not part of it."""
    run = end
    while run < len(syls) and run - end < 8 and syls[run].capital and syls[run].written.isalpha():
        run += 1
    j = min(run, end + 3)
    if run - end > 3:  # "Huyện ủy Gia Lâm Nguyễn Văn An": a name of 3 (2, 4) syllables ends the run
        j = next((run - n for n in (3, 2, 4) if run - n > end and syls[run - n].key in g.surnames), j)
    elif syls[end].key in g.surnames and run - end >= 2:
        return None  # "Huyện ủy Lê Văn An": a person, not a district
    if j == end:
        return None
    if not unit and "thành" in [s.key for s in syls[start:end]]:  # "Thành ủy Móng Cái"
        unit = "thành phố"
    return j, template.fill(Place(written(g, syls, end, j), unit))


def title_at(g: Gazetteer, syls: list[Syllable], i: int, ctx: ArticleContext) -> Title | None:
    """The title starting at syllable i, if any."""
    keys = keys_of(syls)
    former_words = g.cue_words("former")
    former = i > 0 and keys[i - 1] in former_words
    fixed = g.titles.longest(keys, i)
    role_hit = g.roles.longest(keys, i)
    if role_hit is None and fixed is None:
        return None
    candidates: list[tuple[int, str, str]] = []
    if fixed and "{place}" in fixed[1][1]:  # "Tỉnh ủy viên (tỉnh X)": a member of that place's committee
        place = g.places.longest(keys, fixed[0])
        home = place[1] if place else ctx.place
        body = fixed[1][1].replace("{place}", home.name if home else "").strip()
        candidates.append((place[0] if place else fixed[0], fixed[1][0], body))
    elif fixed:
        candidates.append((fixed[0], fixed[1][0], fixed[1][1]))
    if role_hit:
        j, role = role_hit
        bodies = [b for k in (j - 2, j - 1, j) if k > i and (b := body_at(g, syls, k, ctx)) and b[0] > j]
        implied = _implied_body(g, keys, j, role)
        place = g.places.longest(keys, j) if role in g.committee_roles else None
        if implied:  # "Bộ trưởng Quốc phòng" → Bộ Quốc phòng, before any local "Công an tỉnh …" reading
            candidates.append((implied[0], role, implied[1]))
        elif place and not bodies:  # "Bí thư Hà Nội" → Thành ủy Hà Nội
            candidates.append((place[0], role, f"{place[1].committee} {place[1].name}"))
        elif role in g.heads_people_committee and keys[j:j + 1] in (["tỉnh"], ["thành"]) and not bodies and (
                province := g.places.longest(keys, j + len(("thành phố" if keys[j] == "thành" else "tỉnh").split()))):
            # "Chủ tịch tỉnh Thừa Thiên Huế": the chair of its people's committee
            candidates.append((province[0], role, f"Ủy ban nhân dân {province[1].unit or 'tỉnh'} {province[1].name}"))
        elif bodies:
            end, body = max(bodies, key=lambda b: b[0])
            candidates.append((end, role, body))
        elif (head := g.cue_at("adhoc-head", keys, j)) and (adhoc := ctx.adhoc_body(keys[j:head], syls[i].start)):
            candidates.append((head, role, adhoc))  # "Chủ tịch Hội đồng": the Hội đồng the article set up
        elif (adhoc := ctx.adhoc_body(keys[j - 1:j], syls[i].start)) and keys[j - 1] in {"ban", "đoàn", "tổ"}:
            candidates.append((j, role, adhoc))  # "do ông A làm Trưởng ban" of the Ban kiểm phiếu named before
        elif g.default_body.get(role):
            candidates.append((j, role, g.default_body[role]))
        elif role in g.committee_roles and (home := ctx.local or ctx.place):
            candidates.append((j, role, f"{home.committee} {home.name}"))
    if not candidates:
        return None
    end, role, body = max(candidates, key=lambda c: c[0])
    # what may come right before a lower-case title
    lead_in = former_words | g.cue_words("incoming") | g.cue_words("honorific") | {":", ",", "("}
    if not syls[i].capital and not (i > 0 and keys[i - 1] in lead_in) and end - i < 3:
        return None
    return Title(role, body, i, skip_qualifiers(syls, end), former)


def _implied_body(g: Gazetteer, keys: list[str], j: int, role: str) -> tuple[int, str] | None:
    """(end, body) when the role's body is written without its first word ('Bộ trưởng Ngoại giao')."""
    prefix = g.body_prefix.get(role)
    if not prefix or keys[j:j + len(prefix)] == prefix:
        return None
    hit = g.bodies.longest(prefix + keys[j:j + 8], 0)
    return (j + hit[0] - len(prefix), hit[1]) if hit and hit[0] > len(prefix) else None


def _sharing(g: Gazetteer, syls: list[Syllable], k: int, ctx: ArticleContext, former: bool) -> list[Title]:
    """'Phó Chủ tịch - Tổng Thư ký UBTƯ MTTQ Việt Nam': a role with no body, joined by a dash to titles that
    name one, is a role of that body too."""
    hit = g.roles.longest(keys_of(syls), k)
    joins = {"-", "–", "—"} | ({","} if hit and hit[1] not in g.committee_roles else set())
    if not hit or hit[0] >= len(syls) - 1 or syls[hit[0]].key not in joins:
        return []
    rest = _chain(g, syls, hit[0] + 1, ctx)
    return [Title(hit[1], rest[0].body, k, hit[0], former), *rest] if rest else []


def chain_at(g: Gazetteer, syls: list[Syllable], i: int, ctx: ArticleContext) -> list[Title]:
    """Titles starting at i joined by ',', '-' or 'kiêm'; when a later one names its province, the earlier ones
    written without a place are of that province too ('Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Phú Yên')."""
    keys = keys_of(syls)
    k = i + 1 if keys[i] in g.title_marks else i
    if k >= len(keys) or keys[k] not in g.title_starts:
        return []  # no role or title starts here (most syllables): what _chain would find out
    chain = _chain(g, syls, i, ctx)
    written = [next((p[1] for k in range(t.start, t.end) if (p := g.places.longest(keys, k))), None) for t in chain]
    last = next((p for p in reversed(written) if p), None)
    if not last or last == ctx.place:
        return chain
    local = dataclasses.replace(ctx, place=last, local=None)
    return [t if written[n] or not (again := title_at(g, syls, t.start, local)) or again.end != t.end else again
            for n, t in enumerate(chain)]


def _chain(g: Gazetteer, syls: list[Syllable], i: int, ctx: ArticleContext) -> list[Title]:
    """Titles starting at i joined by ',', '-' or 'kiêm'."""
    out: list[Title] = []
    former = g.cue_words("former")
    marked = g.title_marks  # "nguyên Bí thư", "tân Bí thư": the title follows
    j = i
    while j < len(syls):
        k = j + 1 if syls[j].key in marked else j
        title = title_at(g, syls, k, ctx)
        if not title:
            out += _sharing(g, syls, k, ctx, syls[j].key in former)
            break
        out.append(title)
        j = title.end
        if j < len(syls) - 1 and syls[j].key in SEPARATORS and g.roles.longest(keys_of(syls), j + 1 + (
                syls[j + 1].key in marked)):
            j += 1
        else:
            break
    return out


def name_at(g: Gazetteer, syls: list[Syllable], i: int, proper: Container[int] = frozenset()) -> Name | None:
    """A Vietnamese full name at i: a known surname (or a word the tagger calls a proper name, Np)
    and 1–3 more capitalised syllables. The tagger is asked last: asking is what costs."""
    s = syls[i]
    if not s.capital or s.key != s.written.lower() or s.key not in g.surnames and (
            not s.written.istitle() or s.key in g.non_name_starts):
        return None
    if s.key in g.cue_words("honorific") - {"đồng"} and i + 1 < len(syls) and syls[i + 1].capital:
        return None  # "Ông Hà Ban": the honorific is not part of the name
    keys = keys_of(syls)
    if g.bodies.longest(keys, i):
        return None  # "Đoàn Thanh niên": an organisation, not a person
    j = i + 1
    while j < len(syls) and j - i < 5 and (syls[j].written.istitle() or _mangled_middle(g, syls, i, j)) \
            and syls[j].written.isalpha() and syls[j].end - syls[j].start == len(syls[j].written) \
            and syls[j].start == syls[j - 1].end + 1:
        if g.roles.longest(keys, j) or g.bodies.longest(keys, j) or g.cue_at("name-stop", keys, j) is not None:
            break
        j += 1
    if j - i < 2:
        return None
    place = g.places.longest(keys, i)
    if place and (place[0] >= j or keys[place[0]] in g.surnames):  # "Hà Tĩnh", "Hà Tĩnh Đinh Công Thưởng"
        return None
    if s.key not in g.surnames and (g.cue_at("name-stop", keys, i) is not None or _named_before(g, keys, i)
                                    or s.start not in proper):
        return None  # a word that starts a sentence or item ('Tại', 'Theo') starts no name: no need to ask
    return Name("", i, j)


def _named_before(g: Gazetteer, keys: list[str], i: int) -> bool:
    """Is what starts at i already named? The words after a unit word, or after its Party committee, are
    the unit's name ('xã Quế Mỹ', 'huyện Ia Grai', 'Huyện ủy Quế Sơn', 'Thành ủy Móng Cái', 'Phường Bến
    Thành'), the words after a hall, venue, award or festival word its name ('phòng họp Diên Hồng', 'Giải
    Búa liềm vàng': the `named-after` cues), a lunar year is no name ('Xuân Kỷ Hợi'), a name after a
    credit is a photographer's ('Ảnh: Trí Dũng'), and a role or body that runs on past i ('Chủ tịch
    Nước', 'Bộ Công Thương') goes on there: no person's name the article reports on starts there, so the
    tagger need not be asked."""
    if any(u in (keys[max(0, i - len(u)):i], keys[i:i + len(u)]) for u in g.unit_heads):
        return True
    if g.cue_before("named-after", keys, i) is not None or any(g.cue_at(c, keys, i) is not None
                                                                 for c in ("named-after", "lunar-year")):
        return True
    if i > 0 and keys[i - 1] == ":" and g.cue_before("credit", keys, i - 1) is not None:
        return True
    return any((hit := trie.longest(keys, k)) is not None and hit[0] > i
               for trie in (g.roles, g.bodies) for k in range(max(0, i - 6), i))


def _mangled_middle(g: Gazetteer, syls: list[Syllable], i: int, j: int) -> bool:
    """A middle name a page wrote in lower case ('Nguyễn đắc Vinh'): a common middle name right after the
    surname, with a capitalised given name after it."""
    return j == i + 1 and syls[j].key in g.cue_words("middle-name") and j + 1 < len(syls) \
        and syls[j + 1].written.istitle() and syls[j + 1].written.isalpha() and syls[j].written.islower()


def names(g: Gazetteer, syls: list[Syllable], text: str, offset: int,
          proper: Container[int] = frozenset()) -> list[Name]:
    """All full names of a sentence, left to right."""
    out: list[Name] = []
    i = 0
    while i < len(syls):
        n = name_at(g, syls, i, proper) if syls[i].written[:1].isupper() else None  # most words: not a name
        if n:
            out.append(Name(text[syls[n.start].start - offset:syls[n.end - 1].end - offset], n.start, n.end))
            i = n.end
        else:
            place = g.places.longest(keys_of(syls), i)
            i = place[0] if place else i + 1
    return out


def _name_before(g: Gazetteer, found: list[Name], syls: list[Syllable], k: int) -> Name | None:
    """The nearest name before syllable k within the same clause (no ';' or '.' between, and no
    reporting verb such as 'công bố quyết định' whose object the title belongs to)."""
    for n in reversed(found):
        if n.end <= k:
            between = [s.key for s in syls[n.end:k]]
            if {";", "."} & set(between) or g.find_cue("reporting", between) is not None:
                return None
            return n
    return None


def memberships(g: Gazetteer, syls: list[Syllable], i: int, ctx: ArticleContext) -> tuple[list[Title], int]:
    """'tham gia Ban Chấp hành, Ban Thường vụ Tỉnh ủy X' → membership titles (role Ủy viên)."""
    out: list[Title] = []
    j = i
    while j < len(syls):
        hit = body_at(g, syls, j, ctx)
        if not hit or not (syls[j].capital or hit[0] - j > 1):
            break
        end = skip_qualifiers(syls, hit[0])
        out.append(Title(g.member_role.get(hit[1], "Ủy viên"), hit[1], j, end, False))
        if end < len(syls) - 1 and syls[end].key in {",", "và"} and syls[end + 1].capital:
            j = end + 1
        else:
            j = end
            break
    return _committee_at_end(syls, out), j


def _committee_at_end(syls: list[Syllable], titles: list[Title]) -> list[Title]:
    """'Ban Chấp hành, Ban Thường vụ Đảng ủy X': the committee named at the end is the first one's too."""
    last = titles[-1].body if titles else ""
    parts = ("Ban Thường vụ Đảng ủy ", "Ban Chấp hành Đảng bộ ")
    org = next((last.removeprefix(p) for p in parts if last.startswith(p)), None)
    if not org:
        return titles
    bare = {("ban", "chấp", "hành"): f"Ban Chấp hành Đảng bộ {org}",
            ("ban", "thường", "vụ"): f"Ban Thường vụ Đảng ủy {org}"}
    out = []
    for t in titles:
        written = tuple(s.key for s in syls[t.start:t.end])
        out.append(dataclasses.replace(t, body=bare[written]) if written in bare else t)
    return out


def _after_aside(keys: list[str], j: int) -> int:
    """Past an aside in parentheses right before a list's colon: 'Phó Bí thư (từ trái sang):'."""
    if keys[j:j + 1] == ["("] and ")" in keys[j:j + 8]:
        close = keys.index(")", j)
        if keys[close + 1:close + 2] == [":"]:
            return close + 1
    return j


@dataclass
class Bound:
    """What one sentence says about titles: (name, title, rule) for every title bound to a name, and the
    titles of a list header the sentence ends with ('…, gồm:'), which the next list items take."""

    holdings: list[tuple[Name, Title, str]]
    opens: list[Title]
    names: list[Name] = dataclasses.field(default_factory=list)  # every person's name in the sentence


def bind(sentence: Sentence, ctx: ArticleContext) -> Bound:
    """Every title of one sentence bound to a name (and the titles of a list header it ends with)."""
    g, syls, text, offset = ctx.g, sentence.syllables, sentence.text, sentence.start
    honorifics, former, intro = g.cue_words("honorific"), g.cue_words("former"), g.cue_words("list-intro")
    incoming = g.cue_words("incoming")
    found = names(g, syls, text, offset, ctx.proper)
    by_start = {n.start: n for n in found}
    by_end = {n.end: n for n in found}
    keys = keys_of(syls)
    out: list[tuple[Name, Title, str]] = []
    career = g.find_cue("past", keys)  # a career follows: titles from there on are past posts
    taken: set[int] = set()
    loose: list[tuple[int, list[Title]]] = []  # title chains bound to no name: a list header's, perhaps
    i = 0
    while i < len(syls):
        if career is not None and i >= career:
            break
        if i in taken or i in by_start:
            i += 1
            continue
        cue = g.cue_before("membership", keys, i)
        if cue is not None and (owner := _name_before(g, found, syls, cue)):
            titles, end = memberships(g, syls, i, ctx)
            if titles:
                out += [(owner, t, "name-joins-body") for t in titles]
                taken.update(range(i, end))
                i = end
                continue
        chain = chain_at(g, syls, i, ctx)
        if not chain:
            i += 1
            continue
        end = chain[-1].end
        if g.cue_before("proxy", keys, i) is not None:  # "Thay mặt Thủ tướng Chính phủ, Phó Thủ tướng A …"
            taken.update(range(i, chain[0].end))
            i = chain[0].end
            continue
        j = end
        while j < len(syls) and (syls[j].key in honorifics or g.cue_at("rank", keys, j) is not None):
            j = j + 1 if syls[j].key in honorifics else g.cue_at("rank", keys, j) or j + 1
        current = [t for t in chain if not t.former]
        straddling = next((n for n in found if n.start < j <= n.end - 2), None)
        if straddling and j not in by_start:  # "Huyện ủy Gia Lâm Lê Thị Cúc": the title owns "Gia Lâm"
            by_start[j] = Name(text[syls[j].start - offset:syls[straddling.end - 1].end - offset], j, straddling.end)
        after = j + 1 if j < len(syls) - 1 and keys[j] == "," and keys[j + 1] in intro else _after_aside(keys, j)
        if j in by_start:  # titles before the name
            out += [(by_start[j], t, "title-before-name") for t in current]
        elif after < len(syls) and keys[after] in intro | {":"}:  # list header
            if keys[after] in intro:  # "gồm các ông, bà:" → the colon
                k = after + 1
                while k < len(syls) and keys[k] in honorifics | {"các", ","}:
                    k += 1
                after = k if keys[k:k + 1] == [":"] else after
            # "Header: Title A, Title B; other group" vs "Header: A, title; B, title" (';' separates items)
            first = after + 1
            while first < len(syls) and (keys[first] in honorifics or g.cue_at("rank", keys, first) is not None):
                first = first + 1 if keys[first] in honorifics else g.cue_at("rank", keys, first) or first + 1
            stop = {".", ";"} if keys[after] == ":" and first not in by_start else {".", ":"}
            k, items = after + 1, 0
            while k < len(syls) and keys[k] not in stop:
                if k in by_start:
                    out += [(by_start[k], t, "list-header") for t in current]
                    k = by_start[k].end
                    items += 1
                else:
                    k += 1
            # "Header: Title A; Title B; …" (one item before ';'): the items run on past ';';
            # "Header: Title A, Title B; other group" (several): ';' ends the header's list
            if k < len(syls) and keys[k] == ";" and items == 1:
                loose.append((i, current))
        else:
            before = i - 1
            while before >= 0 and (keys[before] in former | incoming or keys[before].isdigit()):
                before -= 1  # "nguyên", "tân", a count: "là 2 Bí thư Trung ương Đảng"
            verb = g.cue_before("holding-verb", keys, before + 1)
            if before >= 0 and keys[before] in NAME_TITLE_GLUE and before in by_end:
                rule = "name-paren-titles" if keys[before] == "(" else "name-comma-titles"
                out += [(by_end[before], t, rule) for t in current]
            elif verb is not None and (owner := _name_before(g, found, syls, verb)):
                out += [(n, t, "name-verb-title") for n in _joined_owners(g, found, syls, owner, ctx) for t in current]
            else:
                loose.append((i, current))
        taken.update(range(i, end))
        i = end
    keys = sentence.keys
    opens = header_titles(sentence, ctx, loose, len(keys) - 1) if keys[-1:] == [":"] else []
    return Bound(out + _header_items(sentence, ctx, found, loose, out, career), opens, found)


def _joined_owners(g: Gazetteer, found: list[Name], syls: list[Syllable], owner: Name,
                   ctx: ArticleContext) -> list[Name]:
    """The owner of a 'là'/'giữ chức' title and the names joined to it by ',' or 'và', each perhaps with its
    own titles before it: 'Chánh án … A và Chủ nhiệm … B là Ủy viên Bộ Chính trị' → A and B."""
    keys = keys_of(syls)
    owners = [owner]
    for n in reversed([n for n in found if n.end <= owner.start]):
        k = n.end
        if keys[k:k + 1] not in ([","], ["và"]):
            break
        k += 1
        chain = chain_at(g, syls, k, ctx)
        if (chain[-1].end if chain else k) != owners[-1].start:
            break
        owners.append(n)
    return owners[::-1]


def header_titles(sentence: Sentence, ctx: ArticleContext, loose: list[tuple[int, list[Title]]],
                  colon: int) -> list[Title]:
    """The titles a list header before syllable `colon` gives its items: the header's title chains bound to
    no name, or the membership of a body the header is about ('Ban Bí thư … gồm 11 người …, gồm:')."""
    g, syls, keys = ctx.g, sentence.syllables, sentence.keys
    start = max((k for k in range(colon) if keys[k] in {";", ":", "."}), default=-1) + 1
    titles = [t for at, chain in loose if start <= at < colon for t in chain]
    if titles:
        return titles
    k = start
    while k < colon and (keys[k] in {",", "như", "vậy"} or not syls[k].capital):
        k += 1
    hit = body_at(g, syls, k, ctx) if k < colon else None
    if hit and keys[skip_qualifiers(syls, hit[0]):][:1] == ["gồm"]:  # the body, then straight away "gồm"
        return [Title(g.member_role.get(hit[1], "Ủy viên"), hit[1], k, hit[0], False)]
    for m in range(start, colon):  # "5 vị lần đầu vào Bộ Chính trị là các ông: …"
        if g.cue_at("membership", keys, m) is not None:
            titles, _ = memberships(g, syls, g.cue_at("membership", keys, m) or m, ctx)
            if titles:
                return titles
    return []


def _header_items(sentence: Sentence, ctx: ArticleContext, found: list[Name], loose: list[tuple[int, list[Title]]],
                  out: list[tuple[Name, Title, str]], career: int | None) -> list[tuple[Name, Title, str]]:
    """Every name after a header's colon (or 'gồm' before names), up to the next colon or the sentence's end,
    gets the header's titles: '… có 8 ủy viên Bộ Chính trị tái cử, gồm: A; B …'."""
    keys = sentence.keys
    have = {(n.start, t.role, t.body) for n, t, _ in out}
    held = {(n.start, t.body) for n, t, _ in out}
    marks = [k for k, key in enumerate(keys) if (career is None or k < career) and (
        key == ":" or key in ctx.g.cue_words("list-intro") and keys[k + 1:k + 2] == ["các"]
        and ctx.g.cue_at("honorific", keys, k + 2) is not None and ":" not in keys[k:k + 6])]
    extra: list[tuple[Name, Title, str]] = []
    for m, colon in enumerate(marks):
        titles = header_titles(sentence, ctx, loose, colon)
        stop = marks[m + 1] if m + 1 < len(marks) else len(keys)
        for n in found:
            if colon < n.start < stop:
                extra += [(n, t, "list-header") for t in titles
                          if (n.start, t.role, t.body) not in have and (n.start, t.body) not in held]
    return extra


def header_text(sentence: Sentence, title: Title) -> str:
    """A header title as written in its sentence."""
    syls = sentence.syllables
    return sentence.text[syls[title.start].start - sentence.start:syls[title.end - 1].end - sentence.start]


def list_item(sentence: Sentence, ctx: ArticleContext) -> Name | None:
    """The person a list item after a header is about: a short line or bullet whose first full name comes
    within its first words ('Ông A, title', '- Title A.', 'Title A')."""
    from builder.text.normalize import LIST_ITEM

    if len(sentence.text) > 250 and not LIST_ITEM.match(sentence.text):
        return None
    found = names(ctx.g, sentence.syllables, sentence.text, sentence.start, ctx.proper)
    return found[0] if found and found[0].start <= 10 else None
