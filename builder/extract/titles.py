"""Persons and their titles: one (role, body) pair per title, bound to a person's full name.

Patterns: titles before the name ("Ủy viên Bộ Chính trị, Thường trực Ban Bí thư
Lương Cường"), after it ("Mai Văn Chính, Ủy viên Trung ương Đảng, Phó Trưởng ban
…"), in parentheses, and a list header that gives its titles to every name of the
list ("Các đồng chí Ủy viên Bộ Chính trị: A, B; …"). "nguyên" (former) titles
and past posts of a biography are not current holdings.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from builder.gazetteer import Gazetteer, LocalBody, Place, Syllable

SEPARATORS = {",", "-", "–", "—", "kiêm"}
FORMER = {"nguyên", "cựu"}
PAST_CUES = ("từng giữ", "từng là", "từng có", "từng làm", "từng đảm nhiệm", "từng công tác", "trước đó", "khi là",
             "trước khi", "nguyên là", "kinh qua")
HONORIFICS = {"đồng", "chí", "ông", "bà", "anh", "chị"}
NAME_TITLE_GLUE = {",", "(", "-", "–", "—"}
VERB_CUES = (["giữ", "chức", "vụ"], ["giữ", "chức"], ["làm"], ["là"], ["đắc", "cử"], ["bầu"], ["đảm", "nhiệm"],
             ["nhận", "nhiệm", "vụ"], ["nhận", "chức"], ["thay"], ["cử"], ["kiêm"], ["giữ", "các", "chức", "vụ"])
MEMBERSHIP_CUES = (["tham", "gia"], ["vào"])
LIST_INTRO = {"gồm", "là"}
# Words that put a clause between a name and the title that follows: the name is not its holder
# ("A công bố quyết định … giữ chức Bí thư …").
REPORTING = {("công", "bố"), ("trao",), ("đọc",), ("quyết", "định"), ("về", "việc")}


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


@dataclass
class Context:
    """What the article as a whole says: its main place, and the organisation whose Party
    committee it is about ("Đảng bộ Tổng công ty X" → "Tổng công ty X")."""

    place: Place | None = None
    organisation: str | None = None


# Words that end an organisation's name after "Đảng bộ"/"Đảng ủy" ("Đảng bộ Tổng công ty X tổ chức …").
ORG_END = {"tổ", "đã", "họp", "lần", "nhiệm", "khóa", "vừa", "được", "có", "là", "và", "với", "tại", "về", "sẽ"}


def article_context(g: Gazetteer, syllables: list[Syllable]) -> Context:
    """The place the article is about (the one it names most often) and its organisation."""
    keys = [s.key for s in syllables]
    counts: Counter[Place] = Counter()
    orgs: Counter[str] = Counter()
    i = 0
    while i < len(keys):
        hit = g.places.longest(keys, i)
        if hit:
            counts[hit[1]] += 1
            i = hit[0]
            continue
        if keys[i:i + 2] in (["đảng", "bộ"], ["đảng", "ủy"]) and (org := _organisation(g, syllables, i + 2)):
            orgs[org[1]] += 1
        i += 1
    place = min(counts, key=lambda p: (-counts[p], p.name)) if counts else None
    return Context(place, min(orgs, key=lambda o: (-orgs[o], o)) if orgs else None)


def _organisation(g: Gazetteer, syls: list[Syllable], i: int) -> tuple[int, str] | None:
    """The organisation named at i after 'Đảng bộ': capitalised, not a place or a known body."""
    keys = [s.key for s in syls]
    if i >= len(syls) or not syls[i].capital or g.places.longest(keys, i) or g.bodies.longest(keys, i) \
            or g.local.longest(keys, i):
        return None
    j = i
    while j < len(syls) and j - i < 8 and syls[j].written.isalpha() and keys[j] not in ORG_END:
        j += 1
    return (j, " ".join(s.written for s in syls[i:j])) if j - i >= 2 else None


def skip_qualifiers(syls: list[Syllable], j: int) -> int:
    """Skip 'khóa XI', 'khoá 12', '(,) nhiệm kỳ 2020-2025' after a title."""
    keys = [s.key for s in syls]
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


PARTY_PREFIXES = (["đảng", "đoàn"], ["ban", "cán", "sự", "đảng"], ["đảng", "ủy"])


def body_at(g: Gazetteer, syls: list[Syllable], j: int, ctx: Context) -> tuple[int, str] | None:
    """A body named at syllable j: national, a Party group of one (Đảng đoàn X), or local."""
    keys = [s.key for s in syls]
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
    if keys[j:j + 2] == ["đảng", "ủy"] and best is None:  # "Đảng ủy Tổng công ty X", or bare in an article on X
        org = _organisation(g, syls, j + 2) or (ctx.organisation and (j + 2, ctx.organisation))
        best = (org[0], f"Đảng ủy {org[1]}") if org else None
    local = g.local.longest(keys, j)
    if local:
        end, template = local
        place_hit = g.places.longest(keys, end)
        cand: tuple[int, str] | None
        if place_hit:
            cand = (place_hit[0], template.fill(place_hit[1]))
        elif template.level == "district" or end < len(syls) and syls[end].capital and syls[end].key not in g.surnames:
            cand = _named_unit(g, syls, j, end, template)
        else:
            cand = (end, template.fill(ctx.place))
        if cand and (best is None or cand[0] > best[0]):
            best = cand
    return best


def _named_unit(g: Gazetteer, syls: list[Syllable], start: int, end: int,
                template: LocalBody) -> tuple[int, str] | None:
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
    unit = "thành phố" if "thành" in [s.key for s in syls[start:end]] else ""  # "Thành ủy Móng Cái"
    return j, template.fill(Place(" ".join(s.written for s in syls[end:j]), unit))


def title_at(g: Gazetteer, syls: list[Syllable], i: int, ctx: Context) -> Title | None:
    """The title starting at syllable i, if any."""
    keys = [s.key for s in syls]
    former = i > 0 and keys[i - 1] in FORMER
    fixed = g.titles.longest(keys, i)
    role_hit = g.roles.longest(keys, i)
    if role_hit is None and fixed is None:
        return None
    candidates: list[tuple[int, str, str]] = []
    if fixed:
        candidates.append((fixed[0], fixed[1][0], fixed[1][1]))
    if role_hit:
        j, role = role_hit
        bodies = [b for k in (j - 2, j - 1, j) if k > i and (b := body_at(g, syls, k, ctx)) and b[0] > j]
        if bodies:
            end, body = max(bodies, key=lambda b: b[0])
            candidates.append((end, role, body))
        elif g.default_body.get(role):
            candidates.append((j, role, g.default_body[role]))
        elif role in g.committee_roles and ctx.place:
            candidates.append((j, role, f"{ctx.place.committee} {ctx.place.name}"))
    if not candidates:
        return None
    end, role, body = max(candidates, key=lambda c: c[0])
    if not syls[i].capital and not (i > 0 and keys[i - 1] in FORMER | HONORIFICS | {":", ",", "("}) \
            and end - i < 3:
        return None
    return Title(role, body, i, skip_qualifiers(syls, end), former)


def chain_at(g: Gazetteer, syls: list[Syllable], i: int, ctx: Context) -> list[Title]:
    """Titles starting at i joined by ',', '-' or 'kiêm'."""
    out: list[Title] = []
    j = i
    while j < len(syls):
        k = j + 1 if syls[j].key in FORMER else j
        title = title_at(g, syls, k, ctx)
        if not title:
            break
        out.append(title)
        j = title.end
        if j < len(syls) - 1 and syls[j].key in SEPARATORS and g.roles.longest([s.key for s in syls], j + 1 + (
                syls[j + 1].key in FORMER)):
            j += 1
        else:
            break
    return out


def name_at(g: Gazetteer, syls: list[Syllable], i: int, proper: frozenset[int] = frozenset()) -> Name | None:
    """A Vietnamese full name at i: a known surname (or a word the tagger calls a proper name, Np)
    and 1–3 more capitalised syllables."""
    tagged = syls[i].start in proper and syls[i].written.istitle() and syls[i].key not in g.non_name_starts
    if not syls[i].capital or not (syls[i].key in g.surnames or tagged) or syls[i].key != syls[i].written.lower():
        return None
    if syls[i].key in HONORIFICS - {"đồng"} and i + 1 < len(syls) and syls[i + 1].capital:
        return None  # "Ông Hà Ban": the honorific is not part of the name
    keys = [s.key for s in syls]
    j = i + 1
    while j < len(syls) and j - i < 5 and syls[j].written.istitle() and syls[j].written.isalpha() \
            and syls[j].end - syls[j].start == len(syls[j].written) and syls[j].start == syls[j - 1].end + 1:
        if g.roles.longest(keys, j) or g.bodies.longest(keys, j):
            break
        j += 1
    if j - i < 2:
        return None
    place = g.places.longest(keys, i)
    if place and (place[0] >= j or keys[place[0]] in g.surnames):  # "Hà Tĩnh", "Hà Tĩnh Đinh Công Thưởng"
        return None
    return Name("", i, j)


def names(g: Gazetteer, syls: list[Syllable], text: str, offset: int,
          proper: frozenset[int] = frozenset()) -> list[Name]:
    """All full names of a sentence, left to right."""
    out: list[Name] = []
    i = 0
    while i < len(syls):
        n = name_at(g, syls, i, proper)
        place = g.places.longest([s.key for s in syls], i)
        if n:
            out.append(Name(text[syls[n.start].start - offset:syls[n.end - 1].end - offset], n.start, n.end))
            i = n.end
        else:
            i = place[0] if place else i + 1
    return out


def _cue_before(keys: list[str], i: int, cues: tuple[list[str], ...]) -> int | None:
    """Start of a cue phrase ending just before i (skipping 'chức'/'chức vụ'), if any."""
    for cue in cues:
        k = i - len(cue)
        if k >= 0 and keys[k:i] == cue:
            return k
    return None


def _name_before(found: list[Name], syls: list[Syllable], k: int) -> Name | None:
    """The nearest name before syllable k within the same clause (no ';' or '.' between, and no
    reporting verb such as 'công bố quyết định' whose object the title belongs to)."""
    for n in reversed(found):
        if n.end <= k:
            between = [s.key for s in syls[n.end:k]]
            if {";", "."} & set(between) or any(_has(between, w) for w in REPORTING):
                return None
            return n
    return None


def _has(keys: list[str], words: tuple[str, ...]) -> bool:
    return any(tuple(keys[i:i + len(words)]) == words for i in range(len(keys)))


def memberships(g: Gazetteer, syls: list[Syllable], i: int, ctx: Context) -> tuple[list[Title], int]:
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
    return out, j


def _after_aside(keys: list[str], j: int) -> int:
    """Past an aside in parentheses right before a list's colon: 'Phó Bí thư (từ trái sang):'."""
    if keys[j:j + 1] == ["("] and ")" in keys[j:j + 8]:
        close = keys.index(")", j)
        if keys[close + 1:close + 2] == [":"]:
            return close + 1
    return j


def bind(g: Gazetteer, syls: list[Syllable], text: str, offset: int, ctx: Context,
         proper: frozenset[int] = frozenset()) -> list[tuple[Name, Title, str]]:
    """(name, title, rule) for every title bound to a name in one sentence."""
    found = names(g, syls, text, offset, proper)
    by_start = {n.start: n for n in found}
    by_end = {n.end: n for n in found}
    keys = [s.key for s in syls]
    out: list[tuple[Name, Title, str]] = []
    lower = text.lower()
    past = min((lower.index(cue) + offset for cue in PAST_CUES if cue in lower), default=None)  # a career follows
    taken: set[int] = set()
    i = 0
    while i < len(syls):
        if past is not None and syls[i].start >= past:
            break
        if i in taken or i in by_start:
            i += 1
            continue
        cue = _cue_before(keys, i, MEMBERSHIP_CUES)
        if cue is not None and (owner := _name_before(found, syls, cue)):
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
        j = end
        while j < len(syls) and syls[j].key in HONORIFICS:
            j += 1
        current = [t for t in chain if not t.former]
        straddling = next((n for n in found if n.start < j <= n.end - 2), None)
        if straddling and j not in by_start:  # "Huyện ủy Gia Lâm Lê Thị Cúc": the title owns "Gia Lâm"
            by_start[j] = Name(text[syls[j].start - offset:syls[straddling.end - 1].end - offset], j, straddling.end)
        after = j + 1 if j < len(syls) - 1 and keys[j] == "," and keys[j + 1] in LIST_INTRO else _after_aside(keys, j)
        if j in by_start:  # titles before the name
            out += [(by_start[j], t, "title-before-name") for t in current]
        elif after < len(syls) and keys[after] in LIST_INTRO | {":"}:  # list header
            if keys[after] in LIST_INTRO:  # "gồm các ông, bà:" → the colon
                k = after + 1
                while k < len(syls) and keys[k] in HONORIFICS | {"các", ","}:
                    k += 1
                after = k if keys[k:k + 1] == [":"] else after
            # "Header: Title A, Title B; other group" vs "Header: A, title; B, title" (';' separates items)
            first = next((k for k in range(after + 1, len(syls)) if keys[k] not in HONORIFICS), after)
            stop = {".", ";"} if keys[after] == ":" and first not in by_start else {".", ":"}
            k = after + 1
            while k < len(syls) and keys[k] not in stop:
                if k in by_start:
                    out += [(by_start[k], t, "list-header") for t in current]
                    k = by_start[k].end
                else:
                    k += 1
        else:
            before = i - 1
            while before >= 0 and keys[before] in FORMER:
                before -= 1
            verb = _cue_before(keys, before + 1, VERB_CUES)
            if before >= 0 and keys[before] in NAME_TITLE_GLUE and before in by_end:
                rule = "name-paren-titles" if keys[before] == "(" else "name-comma-titles"
                out += [(by_end[before], t, rule) for t in current]
            elif verb is not None and (owner := _name_before(found, syls, verb)):
                out += [(owner, t, "name-verb-title") for t in current]
        taken.update(range(i, end))
        i = end
    return out
