"""Titles: one (role, body) pair per title, and chains of them joined by ',', '-' or 'kiêm' ("Ủy viên Bộ
Chính trị, Thường trực Ban Bí thư"); memberships of bodies ('tham gia Ban Chấp hành, Ban Thường vụ …').
builder.extract.bind gives them to persons."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from builder.extract.bodies import body_at, skip_qualifiers, written
from builder.gazetteer import Gazetteer, Syllable, keys_of, unit_committees

if TYPE_CHECKING:

    from builder.extract.context import ArticleContext

# Punctuation (and "kiêm") that joins titles, and that joins a name to the titles after it; the cue word
# lists (former, honorific, past, holding-verb, membership, list-intro, reporting) are in gazetteers/cues.tsv.
SEPARATORS = {",", "-", "–", "—", "kiêm"}
DASHES = {"-", "–", "—"}


@dataclass(frozen=True)
class Title:
    role: str
    body: str
    start: int  # syllable index
    end: int
    former: bool


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
        if shared := _party_group_shared(g, syls, j, ctx):  # "Bí thư Đảng đoàn, Chủ tịch X": Đảng đoàn X
            candidates.append((shared[0], role, shared[1]))
        elif implied:  # "Bộ trưởng Quốc phòng" → Bộ Quốc phòng, before any local "Công an tỉnh …" reading
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
        elif (own := _defined_at(keys, j, ctx)):  # "Tổng Giám đốc EVN" after "Tập đoàn Điện lực Việt Nam (EVN)"
            candidates.append((own[0], role, own[1]))
        elif (short := _short_reference(g, syls, j, ctx)):  # "Phó Chủ tịch Hội": the Hội named before
            candidates.append((short[0], role, short[1]))
        elif (unit := _unit_named(g, syls, j, ctx)):  # "Vụ trưởng Vụ Pháp chế, Bộ Tư pháp"
            candidates.append((unit[0], role, unit[1]))
        elif (head := g.cue_at("adhoc-head", keys, j)) and (adhoc := ctx.adhoc_body(keys[j:head], syls[i].start)):
            candidates.append((head, role, adhoc))  # "Chủ tịch Hội đồng": the Hội đồng the article set up
        elif (adhoc := ctx.adhoc_body(keys[j - 1:j], syls[i].start)) and keys[j - 1] in {"ban", "đoàn", "tổ"}:
            candidates.append((j, role, adhoc))  # "do ông A làm Trưởng ban" of the Ban kiểm phiếu named before
        elif g.default_body.get(role):
            candidates.append((j, role, g.default_body[role]))
        elif (body_head := g.body_head.get(role)) and not _body_follows(g, keys, j) \
                and (near := ctx.named_near(body_head, syls[i].start)):
            candidates.append((j, role, near))  # "phó viện trưởng" of the Viện the article names
        elif role in g.committee_roles and (home := ctx.local or ctx.place):
            candidates.append((j, role, f"{home.committee} {home.name}"))
    if not candidates:
        return None
    end, role, body = max(candidates, key=lambda c: c[0])
    if role in g.heads_people_committee and g.body_kinds.get(body) == "mass-org-executive":
        body = _association(g, body)  # "Chủ tịch Ban Chấp hành Trung ương Hội Nông dân": the Hội's Chủ tịch
    body = member_body(g, role, body, ctx)
    # what may come right before a lower-case title
    lead_in = former_words | g.cue_words("incoming") | g.cue_words("honorific") | {":", ",", "("}
    if not syls[i].capital and not (i > 0 and keys[i - 1] in lead_in) and end - i < 3 \
            and g.cue_before("holding-verb", keys, i) is None:  # "do ông A làm trưởng đoàn"
        return None
    return Title(role, body, i, skip_qualifiers(syls, end), former)


def member_body(g: Gazetteer, role: str, body: str, ctx: ArticleContext) -> str:
    """A member of a Party committee ('Ủy viên Đảng ủy Công an Trung ương', 'tham gia Tỉnh ủy X') sits on the
    Ban Chấp hành of its Đảng bộ, the body that committee is; other bodies are as named."""
    if role != "Ủy viên" or not body.startswith(("Đảng ủy ", "Tỉnh ủy ", "Thành ủy ")):
        return body
    return _organs(g, None, body, ctx).get(("ban", "chấp", "hành"), body)


def _association(g: Gazetteer, executive: str) -> str:
    """The association whose Ban Chấp hành (Trung ương) an executive is."""
    hit = g.bodies.longest(g.keys(executive.removeprefix("Ban Chấp hành ")), 0)
    return hit[1] if hit else executive


def _body_follows(g: Gazetteer, keys: list[str], j: int) -> bool:
    """Whether a role is followed by a body-like word (a body the gazetteers do not know: 'Viện trưởng Viện Dầu
    khí') or by another title whose body it shares, so that it is not one written without its body."""
    if j < len(keys) - 1 and keys[j] in SEPARATORS and g.roles.longest(keys, j + 1):
        return True  # "Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc": the next title's body is shared
    return j < len(keys) and any(keys[j:j + len(h)] == h for h in g.body_head.values())


def _defined_at(keys: list[str], j: int, ctx: ArticleContext) -> tuple[int, str] | None:
    """(end, body) of an abbreviation the article defined, written at j."""
    hits = [(j + len(abbr), body) for abbr, body in ctx.defined.items() if tuple(keys[j:j + len(abbr)]) == abbr]
    return max(hits) if hits else None


def _short_reference(g: Gazetteer, syls: list[Syllable], j: int, ctx: ArticleContext) -> tuple[int, str] | None:
    """(end, body) of a body's head word written alone at j, capitalised and not followed by a name ('Phó
    Chủ tịch Hội khóa VII'): the body of that head the article named last before it."""
    keys = keys_of(syls)
    head = g.cue_at("short-head", keys, j) if j < len(syls) and syls[j].capital else None
    if head is None or head < len(syls) and syls[head].capital and syls[head].written.isalpha():
        return None
    body = ctx.named_before(keys[j:head], syls[j].start)
    return (head, body) if body else None


def _unit_named(g: Gazetteer, syls: list[Syllable], j: int, ctx: ArticleContext) -> tuple[int, str] | None:
    """(end, body) of a unit the gazetteers do not know, written at j as its head word and a capitalised name
    ('Vụ Kế hoạch - Tài chính'), with the known body it belongs to when one follows after ',' or in parentheses
    ('Vụ Tổ chức cán bộ (Ban Tổ chức Trung ương)' → 'Vụ Tổ chức cán bộ, Ban Tổ chức Trung ương')."""
    keys = keys_of(syls)
    head = g.cue_at("unit-head", keys, j) if j < len(syls) and syls[j].capital else None
    if head is None or head >= len(syls) or not syls[head].capital or not syls[head].written.isalpha():
        return None
    k = head
    while k < len(syls) and k - j < 10 and not (k > head and _person_at(g, syls, k)) and (
            syls[k].written.isalpha() and (syls[k].capital or not _verb_at(g, keys, k))
            or keys[k] in DASHES and k + 1 < len(syls) and syls[k + 1].capital and k > head):
        k += 1
    name = written(g, syls, j, k)
    if k + 1 < len(keys) and keys[k] in {",", "("} and (parent := body_at(g, syls, k + 1, ctx)):
        end = parent[0] + (1 if keys[k] == "(" and keys[parent[0]:parent[0] + 1] == [")"] else 0)
        return end, f"{name}, {parent[1]}"
    return k, name


def _verb_at(g: Gazetteer, keys: list[str], k: int) -> bool:
    """Whether a word that ends a unit's name written in lower case starts at k: a verb of the sentence
    ('Tổng cục Thuế phát biểu', 'Trung tâm X cho biết') or a word that ends an organisation's name."""
    return keys[k] in g.cue_words("org-end") or any(
        g.cue_at(cues, keys, k) is not None for cues in ("speech", "presence", "holding-verb", "take-up", "leave"))


def _person_at(g: Gazetteer, syls: list[Syllable], k: int) -> bool:
    """Whether a person's full name starts at k, ending a run of capitalised syllables: a surname and two more
    ('… Hà Nội Phạm Văn An'), or three more when the second is a middle name ('Nguyễn Thị Thanh Hằng')."""
    run = 0
    while k + run < len(syls) and syls[k + run].capital and syls[k + run].written.isalpha():
        run += 1
    return syls[k].key in g.surnames and (run == 3 or run == 4 and syls[k + 1].key in g.cue_words("middle-name"))


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
    joins = DASHES | ({","} if hit and hit[1] not in g.committee_roles else set())
    if not hit or hit[0] >= len(syls) - 1 or syls[hit[0]].key not in joins:
        return []
    rest = _chain(g, syls, hit[0] + 1, ctx)
    return [Title(hit[1], rest[0].body, k, hit[0], former), *rest] if rest else []


def chain_at(g: Gazetteer, syls: list[Syllable], i: int, ctx: ArticleContext) -> list[Title]:
    """Titles starting at i joined by ',', '-' or 'kiêm'; when a later one names its province, the earlier ones
    written without a place are of that province too ('Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Phú Yên')."""
    keys = keys_of(syls)
    if i >= len(keys):
        return []  # a title asked for where the sentence ends ("… và" at the end of a cut text)
    k = i + 1 if keys[i] in g.title_marks else i
    if k >= len(keys) or keys[k] not in g.title_starts:
        return []  # no role or title starts here (most syllables): what _chain would find out
    chain = _bare_committee_roles(g, keys, _chain(g, syls, i, ctx))
    written = [next((p[1] for k in range(t.start, t.end) if (p := g.places.longest(keys, k))), None) for t in chain]
    last = next((p for p in reversed(written) if p), None)
    if not last or last == ctx.place:
        return chain
    local = dataclasses.replace(ctx, place=last, local=None)
    return [t if written[n] or not (again := title_at(g, syls, t.start, local)) or again.end != t.end else again
            for n, t in enumerate(chain)]


UNIT_BODY = re.compile(r"\b(huyện|quận|thị xã|xã|phường|thị trấn|đặc khu) ([A-ZĐÀ-Ỹ].*)$")


def _bare_committee_roles(g: Gazetteer, keys: list[str], chain: list[Title]) -> list[Title]:
    """A committee role written without its committee before a title of a unit below the province ('Phó Bí
    thư, Chủ tịch UBND huyện Quế Sơn'): the Party committee of that unit (Huyện ủy Quế Sơn)."""
    out = list(chain)
    for n, t in enumerate(chain):
        role = g.roles.longest(keys, t.start)
        if t.role not in g.committee_roles or not role or role[0] != t.end:
            continue  # not a bare "Bí thư" / "Phó Bí thư"
        unit = next((m for later in chain[n + 1:] if (m := UNIT_BODY.search(later.body))), None)
        if unit:
            out[n] = dataclasses.replace(t, body=f"{unit_committees()[unit.group(1)]} {unit.group(2)}")
    return out


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


PARTY_GROUPS = (["ban", "cán", "sự", "đảng"], ["ban", "cán", "sự"], ["đảng", "đoàn"])


def _party_group_shared(g: Gazetteer, syls: list[Syllable], j: int, ctx: ArticleContext) -> tuple[int, str] | None:
    """(end, body) of a Party group written bare at j and shared with the next title's body: 'Bí thư Ban cán
    sự đảng, Tổng Thanh tra Chính phủ' → Ban cán sự đảng Thanh tra Chính phủ."""
    keys = keys_of(syls)
    group = next((p for p in PARTY_GROUPS if keys[j:j + len(p)] == p), None)
    end = j + len(group) if group else j
    if not group or end >= len(keys) - 1 or keys[end] not in {",", "-", "–"}:
        return None
    after = title_at(g, syls, end + 1, ctx)
    if not after or after.body.startswith(("Tỉnh ủy", "Thành ủy", "Đảng", "Ban")):
        return None
    return end, f"{'Đảng đoàn' if group == ['đảng', 'đoàn'] else 'Ban cán sự đảng'} {after.body}"


def memberships(g: Gazetteer, syls: list[Syllable], i: int, ctx: ArticleContext) -> tuple[list[Title], int]:
    """'tham gia Ban Chấp hành, Ban Thường vụ Tỉnh ủy X' → membership titles (role Ủy viên)."""
    out: list[Title] = []
    j = i
    while j < len(syls):
        hit = body_at(g, syls, j, ctx)
        if not hit or not (syls[j].capital or hit[0] - j > 1):
            break
        end = skip_qualifiers(syls, hit[0])
        role = g.member_role.get(hit[1], "Ủy viên")
        out.append(Title(role, member_body(g, role, hit[1], ctx), j, end, False))
        if end < len(syls) - 1 and syls[end].key in {",", "và"} and syls[end + 1].capital:
            j = end + 1
        else:
            j = end
            break
    post = _post_after(g, syls, j, ctx)
    return _committee_at_end(g, syls, out, post.body if post else None, ctx), j


# The words of a committee's organs written without the committee's place or organisation ("Ban Thường vụ
# Thành ủy", "Ban Chấp hành"): such an organ is of the committee the sentence names next to it.
BARE_ORGAN = {"ban", "chấp", "hành", "thường", "vụ", "tỉnh", "thành", "ủy", "đảng", "bộ"}


def _post_after(g: Gazetteer, syls: list[Syllable], j: int, ctx: ArticleContext) -> Title | None:
    """The post a membership run goes on to: '…, (thôi) giữ chức Bí thư Thành ủy Đà Nẵng'."""
    keys = keys_of(syls)
    while j < len(keys) and keys[j] in {",", "và", "thôi", "đồng", "thời"}:
        j += 1
    verb = g.cue_at("holding-verb", keys, j) if j < len(keys) else None
    chain = chain_at(g, syls, verb, ctx) if verb is not None else []
    return chain[0] if chain else None


def _committee_at_end(g: Gazetteer, syls: list[Syllable], titles: list[Title], post: str | None,
                      ctx: ArticleContext) -> list[Title]:
    """'Ban Chấp hành, Ban Thường vụ Đảng ủy X': the committee named at the end is the first one's too; with
    none named there, the committee of the post the run goes on to ('tham gia Ban Chấp hành, Ban Thường vụ
    Thành ủy, giữ chức Bí thư Thành ủy Đà Nẵng')."""
    last = titles[-1].body if titles else ""
    parts = ("Ban Thường vụ Đảng ủy ", "Ban Chấp hành Đảng bộ ")
    org = next((last.removeprefix(p) for p in parts if last.startswith(p)), None)
    organs = _organs(g, org, post, ctx)
    if not organs:
        return titles
    out = []
    for t in titles:
        written = [s.key for s in syls[t.start:t.end]]
        organ = organs.get(tuple(written[:3])) if set(written) <= BARE_ORGAN else None
        out.append(dataclasses.replace(t, body=organ) if organ else t)
    return out


def _organs(g: Gazetteer, org: str | None, post: str | None, ctx: ArticleContext) -> dict[tuple[str, ...], str]:
    """The executive and the standing board of a Party committee named at the end of a run (org: 'Đảng ủy X'
    without 'Đảng ủy'), else of the committee a post is of ('Đảng ủy X', 'Thành ủy Đà Nẵng')."""
    if org is None and post and post.startswith("Đảng ủy "):
        org = post.removeprefix("Đảng ủy ")
    if org:
        return {("ban", "chấp", "hành"): f"Ban Chấp hành Đảng bộ {org}",
                ("ban", "thường", "vụ"): f"Ban Thường vụ Đảng ủy {org}"}
    head = next((h for h in ("Tỉnh ủy ", "Thành ủy ") if post and post.startswith(h)), None)
    if not post or head is None:
        return {}
    organs: dict[tuple[str, ...], str] = {}
    for key, text in ((("ban", "chấp", "hành"), f"Ban Chấp hành Đảng bộ {post.removeprefix(head)}"),
                      (("ban", "thường", "vụ"), f"Ban Thường vụ {post}")):
        syls = g.syllables(text)
        hit = body_at(g, syls, 0, ctx)
        if hit and hit[0] == len(syls):
            organs[key] = hit[1]
    return organs


