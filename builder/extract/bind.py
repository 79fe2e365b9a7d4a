"""Titles bound to persons, sentence by sentence: before the name, after it (comma, dash, parentheses), after
a verb of holding, a membership ('tham gia Ban …'), and a list header whose titles go to every name of
its list ("Các đồng chí Ủy viên Bộ Chính trị: A, B; …"). "nguyên" (former) titles and the past posts of
a career are not current holdings."""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from builder.extract.bodies import body_at, skip_qualifiers
from builder.extract.changes import Change, Cue, change_at, cues_in
from builder.extract.names import Name
from builder.extract.rules import Rule, holding, register, steps
from builder.extract.titles import Title, chain_at, memberships
from builder.gazetteer import Gazetteer, Syllable, keys_of
from builder.text.normalize import LIST_ITEM

if TYPE_CHECKING:
    from builder.extract.context import ArticleContext, Sentence

NAME_TITLE_GLUE = {",", "(", "-", "–", "—"}


def _name_before(g: Gazetteer, found: list[Name], syls: list[Syllable], k: int) -> Name | None:
    """The nearest name before syllable k within the same clause (no '.' between, no ';' unless the clause
    after it goes on with the same subject, and no reporting verb such as 'công bố quyết định' whose object
    the title belongs to)."""
    for n in reversed(found):
        if n.end <= k:
            between = [s.key for s in syls[n.end:k]]
            if "." in between or g.find_cue("reporting", between) is not None:
                return None
            if ";" in between and not _goes_on(g, between[len(between) - between[::-1].index(";"):]):
                return None
            return n
    return None


def _goes_on(g: Gazetteer, clause: list[str]) -> bool:
    """Whether a clause after ';' goes on with the subject before it, opening with a verb of taking up,
    holding or joining ('A … được cho thôi giữ chức P; chỉ định tham gia Ban …, giữ chức Q')."""
    k = 1 if clause[:1] in (["được"], ["và"], ["đồng"]) else 0
    return any(g.cue_at(cues, clause, k) is not None for cues in ("take-up", "membership", "holding-verb"))


def _after_aside(keys: list[str], j: int) -> int:
    """Past an aside in parentheses right before a list's colon: 'Phó Bí thư (từ trái sang):'."""
    if keys[j:j + 1] == ["("] and ")" in keys[j:j + 8]:
        close = keys.index(")", j)
        if keys[close + 1:close + 2] == [":"]:
            return close + 1
    return j


@dataclass(frozen=True)
class Header:
    """A list header's title as its own sentence wrote it, and what that sentence says of it ('Các Phó Bí thư
    được bầu gồm:' → taken up), for list items that a later sentence writes."""

    title: Title
    written: str
    change: Change


def _header(b: Binding, title: Title) -> Header:
    return Header(title, header_text(b.sentence, title), change_at(b.ctx, b.sentence, title, b.sentence.names, True,
                                                                    b.said))


@dataclass
class Bound:
    """What one sentence says about titles: (name, title, rule) for every title bound to a name; the titles
    of a list header the sentence ends with ('…, gồm:'), which the next list items take; the plural heads it
    leaves to no one ('Trong số các Ủy viên Trung ương có 16 đồng chí …'), which a list in the next sentence
    with no header of its own takes ('Cụ thể gồm: A; B …'); the header of a list it leaves open with ';',
    which the next sentence may go on with; and the items it gave a header of an earlier sentence."""

    holdings: list[tuple[Name, Title, str]]
    opens: list[Header]
    heads: list[Header] = dataclasses.field(default_factory=list)
    runs_on: list[Header] = dataclasses.field(default_factory=list)
    borrowed: list[tuple[Name, Header]] = dataclasses.field(default_factory=list)


@dataclass
class Binding:
    """One sentence as the binding rules read and write it: its names (by where they start and end), the
    bindings made so far, the title chains bound to no name (a list header's, perhaps), the syllables taken."""

    sentence: Sentence
    ctx: ArticleContext
    found: list[Name]
    by_start: dict[int, Name]
    by_end: dict[int, Name]
    career: int | None  # a career follows from here: titles from there on are past posts
    left: Bound | None = None  # what the sentence before left open
    out: list[tuple[Name, Title, str]] = dataclasses.field(default_factory=list)
    loose: list[tuple[int, list[Title]]] = dataclasses.field(default_factory=list)
    runs_on: list[Header] = dataclasses.field(default_factory=list)  # the header of its last list
    borrowed: list[tuple[Name, Header]] = dataclasses.field(default_factory=list)

    @property
    def g(self) -> Gazetteer:
        return self.ctx.g

    @functools.cached_property
    def said(self) -> list[Cue]:
        """The sentence's cue phrases (changes.cues_in), read once for all its headers."""
        return cues_in(self.ctx, self.sentence)

    @property
    def syls(self) -> list[Syllable]:
        return self.sentence.syllables

    @property
    def keys(self) -> list[str]:
        return self.sentence.keys

    def past_honorifics(self, j: int) -> int:
        """The first syllable from j on that is not an honorific or a rank ('đồng chí', 'Đại tướng')."""
        g, keys, honorifics = self.g, self.keys, self.g.cue_words("honorific")
        while j < len(keys) and (keys[j] in honorifics or g.cue_at("rank", keys, j) is not None):
            j = j + 1 if keys[j] in honorifics else g.cue_at("rank", keys, j) or j + 1
        return j


@dataclass(frozen=True)
class Site:
    """A chain of titles starting at syllable i, and what is around it: j, the first syllable after the chain
    and the honorifics or ranks after it (where a name after the titles starts); after, where a list's
    colon or 'gồm' would be; before, the syllable before the chain, past 'nguyên', 'tân' or a count."""

    i: int
    chain: list[Title]
    j: int
    after: int
    before: int

    @property
    def end(self) -> int:
        return self.chain[-1].end

    @property
    def current(self) -> list[Title]:
        """The chain's titles that are not former ones ('nguyên …')."""
        return [t for t in self.chain if not t.former]


Bindings = tuple[int, list[tuple[Name, Title]]]  # where the rule's words end, and what it bound


def _site(b: Binding, i: int, chain: list[Title]) -> Site:
    g, syls, keys = b.g, b.syls, b.keys
    j = b.past_honorifics(chain[-1].end)
    straddling = next((n for n in b.found if n.start < j <= n.end - 2), None)
    if straddling and j not in b.by_start:  # "Huyện ủy Gia Lâm Lê Thị Cúc": the title owns "Gia Lâm"
        text, offset = b.sentence.text, b.sentence.start
        b.by_start[j] = Name(text[syls[j].start - offset:syls[straddling.end - 1].end - offset], j, straddling.end)
    intro = g.cue_words("list-intro")
    after = j + 1 if j < len(syls) - 1 and keys[j] == "," and keys[j + 1] in intro else _after_aside(keys, j)
    before = i - 1
    while before >= 0 and (keys[before] in g.cue_words("former") | g.cue_words("incoming") or keys[before].isdigit()):
        before -= 1  # "nguyên", "tân", a count: "là 2 Bí thư Trung ương Đảng"
    return Site(i, chain, j, after, before)


# A sentence that opens with a past time: "Năm 2013, …", "Tháng 4/2016 …", "Từ năm 2009 …", "Hai năm sau, …"
PAST_OPENING = re.compile(r"^\W*(?:(?:từ|tới|đến|cuối|đầu|giữa|vào|sau)\s+)?(?:năm\s+|tháng\s*\d{1,2}\s*[/-]\s*)"
                          r"((?:19|20)\d\d)\b|^\W*\w+\s+năm\s+sau\b", re.IGNORECASE)


def _career_step(sentence: Sentence, ctx: ArticleContext) -> bool:
    """Whether a sentence tells a step of a career: it opens with a time before the latest the article
    writes and says nothing of now ('đến nay', 'hiện'): its titles are past posts."""
    opening, keys = PAST_OPENING.match(sentence.text), sentence.keys
    now = any(ctx.g.cue_at("current", keys, k) is not None and keys[k - 1:k] != ["khi"] for k in range(len(keys)))
    if not opening or now or "đến nay" in sentence.text.lower():  # "khi đang là …": then, not now
        return False
    return opening.group(1) is None or ctx.latest_year is not None and int(opening.group(1)) < ctx.latest_year


def bind(sentence: Sentence, ctx: ArticleContext, left: Bound | None = None) -> Bound:
    """Every title of one sentence bound to a name (and the titles of a list header it ends with): at each
    syllable the steps of stage "bind-at" are tried in order, then, where a chain of titles starts, those of
    stage "bind"; the first that applies binds, and the sentence goes on after its words. The steps of stage
    "bind-end" read the whole sentence last. left: what the sentence before left open (see Bound)."""
    found = list(sentence.names)
    career = ctx.g.find_cue("past", sentence.keys)
    b = Binding(sentence, ctx, found, {n.start: n for n in found}, {n.end: n for n in found},
                0 if career is None and _career_step(sentence, ctx) else career, left)
    taken: set[int] = set()
    i = 0
    while i < len(b.syls) and (b.career is None or i < b.career):
        if i in taken or i in b.by_start:
            i += 1
            continue
        hit = next(((r, rule) for step, rule in steps("bind-at") if (r := step(b, i)) is not None), None)
        if hit is None and (chain := chain_at(b.g, b.syls, i, ctx)):
            site = _site(b, i, chain)
            hit = next(((r, rule) for step, rule in steps("bind") if (r := step(b, site)) is not None), None)
        if hit is None:
            i += 1
            continue
        (end, pairs), rule = hit
        b.out += [(n, t, rule.name) for n, t in pairs] if rule else []
        taken.update(range(i, end))
        i = end
    for step, rule in steps("bind-end"):
        b.out += [(n, t, rule.name if rule else "") for n, t in step(b)]
    keys, g = sentence.keys, ctx.g
    opens = []
    if keys[-1:] == [":"]:  # "Cụ thể như sau:": the heads of the sentence before open the list
        colon = len(keys) - 1
        opens = _pointed(b, colon) or [_header(b, t) for t in header_titles(b, colon)] or [
            _header(b, t) for t in [_bare_role(b, colon)] if t]
    heads = [_header(b, t) for at, chain in b.loose if _counted(g, keys[max(0, at - 3):at])
             for t in chain if not _many_bodies(g, keys, max(0, at - 3), at, t)]
    return Bound(b.out, opens, heads, b.runs_on if keys[-1:] == [";"] else [], b.borrowed)


@register("bind-at", Rule("name-joins-body", "holding", 0.85, "'A tham gia / vào <bodies>': membership of each body", (
    holding("Đồng chí Hoàng Văn Nam được chỉ định tham gia Ban Chấp hành, Ban Thường vụ Tỉnh ủy Lạng Sơn.",
            "Hoàng Văn Nam", "Ủy viên", "Ban Thường vụ Tỉnh ủy Lạng Sơn"),
    holding("Ông Trịnh Văn Phúc được bầu bổ sung vào Ban Bí thư.", "Trịnh Văn Phúc", "Bí thư", "Ban Bí thư"),
)))
def name_joins_body(b: Binding, i: int) -> Bindings | None:
    cue = b.g.cue_before("membership", b.keys, i)
    if cue is None or not (owner := _name_before(b.g, b.found, b.syls, cue)):
        return None
    titles, end = memberships(b.g, b.syls, i, b.ctx)
    return (end, [(owner, t) for t in titles]) if titles else None


@register("bind")
def on_behalf(b: Binding, at: Site) -> Bindings | None:
    """'Thay mặt Thủ tướng Chính phủ, Phó Thủ tướng A …': the first title is someone else's, said for them."""
    return (at.chain[0].end, []) if b.g.cue_before("proxy", b.keys, at.i) is not None else None


@register("bind", Rule("title-before-name", "holding", 0.85, "titles written right before a full name", (
    holding("Ủy viên Bộ Chính trị, Bí thư Tỉnh ủy Nghệ An Nguyễn Văn Hùng phát biểu tại buổi lễ.",
            "Nguyễn Văn Hùng", "Bí thư", "Tỉnh ủy Nghệ An"),
    holding("Dự buổi lễ có Bộ trưởng Bộ Nội vụ Trần Thị Lan.", "Trần Thị Lan", "Bộ trưởng", "Bộ Nội vụ"),
)))
def title_before_name(b: Binding, at: Site) -> Bindings | None:
    return (at.end, [(b.by_start[at.j], t) for t in at.current]) if at.j in b.by_start else None


@register("bind", Rule("title-for-name", "holding", 0.80, "a decision on titles, then 'đối với' and the name it "
                       "concerns ('phê chuẩn Phó Chủ tịch Hội đồng X đối với ông A')", (
    holding("Quốc hội phê chuẩn miễn nhiệm chức vụ Phó Chủ tịch Hội đồng Dân tộc đối với bà Nguyễn Thị Lan.",
            "Nguyễn Thị Lan", "Phó Chủ tịch", "Hội đồng Dân tộc"),
)))
def title_for_name(b: Binding, at: Site) -> Bindings | None:
    if b.g.cue_before("decided-post", b.keys, at.before + 1) is None:
        return None  # "quyết định của Bộ Chính trị và Thủ tướng đối với bà A": the title is the decision's author
    near = [k for k in range(at.end, min(len(b.keys), at.end + 8)) if b.g.cue_at("to-person", b.keys, k)]
    words = b.keys[at.end:near[0]] if near else []
    to = b.g.cue_at("to-person", b.keys, near[0]) if near and not {",", ";", ".", ":"} & set(words) else None
    person = b.past_honorifics(to) if to is not None else None
    if person not in b.by_start:
        return None
    # a title whose body is not written ('thôi giữ chức Bí thư Đảng đoàn đối với ông A, Chủ tịch X') says no body
    said = [t for t in at.current if (role := b.g.roles.longest(b.keys, t.start)) is None or role[0] < t.end]
    return at.end, [(b.by_start[person], t) for t in said]


LIST_HEADER = Rule("list-header", "holding", 0.70, "a list header's titles given to every name of its list", (
    holding("Các đồng chí Phó Bí thư Tỉnh ủy Quảng Bình: Nguyễn Văn An, Trần Văn Bình dự hội nghị.",
            "Trần Văn Bình", "Phó Bí thư", "Tỉnh ủy Quảng Bình"),
))


@register("bind", LIST_HEADER)
def list_header(b: Binding, at: Site) -> Bindings | None:
    """'Header: A, B; …' or 'Header gồm các ông: A, B': the header's titles go to every name of its list."""
    g, keys, syls, after = b.g, b.keys, b.syls, at.after
    intro = g.cue_words("list-intro")
    extra: list[Title] = []
    if not (after < len(syls) and keys[after] in intro | {":"}):
        copula, extra = _copula_head(b, at)
        if copula is None:
            return None
        after = copula
    if at.before >= 0 and keys[at.before] in NAME_TITLE_GLUE - {"("} and _before_aside(b, at.before) in b.by_end:
        return None  # "Ông A - Bí thư Tỉnh ủy X: giữ chức …": the titles are A's own, the colon no header's
    if keys[after] in intro:  # "gồm các ông, bà:" → the colon
        k = after + 1
        while k < len(syls) and keys[k] in g.cue_words("honorific") | {"các", ","}:
            k += 1
        after = k if keys[k:k + 1] == [":"] else after
    # "Header: Title A, Title B; other group" vs "Header: A, title; B, title" (';' separates items)
    first = b.past_honorifics(after + 1)
    stop = {".", ";"} if keys[after] == ":" and first not in b.by_start else {".", ":"}
    k, pairs, items = after + 1, [], 0
    while k < len(syls) and keys[k] not in stop:
        if k in b.by_start:
            pairs += [(b.by_start[k], t) for t in at.current + extra]
            k = b.by_start[k].end
            items += 1
        else:
            k += 1
    # "Header: Title A; Title B; …" (one item before ';'): the items run on past ';';
    # "Header: Title A, Title B; other group" (several): ';' ends the header's list
    # "Header gồm:" with its items on the lines after: the header's titles go to them, unless the header
    # only names the post ("Hội đồng thi tuyển chức danh Phó Viện trưởng … gồm:")
    named = g.cue_before("post-named", keys, at.i) is not None
    if k < len(syls) and keys[k] == ";" and items == 1 or items == 0 and not named:
        b.loose.append((at.i, at.current))
    elif pairs and k == len(syls):  # the list runs to the sentence's end: it may go on in the next one
        b.runs_on = [_header(b, t) for t in at.current + extra]
    return at.end, pairs


def _copula_head(b: Binding, at: Site) -> tuple[int | None, list[Title]]:
    """A counted head, words of the header, then 'là' and the list: 'Có 8 Ủy viên Bộ Chính trị tái đắc cử Trung
    ương khóa mới là A; B; …' → (where 'là' is, the memberships its items were elected to), else (None, [])."""
    g, keys, syls = b.g, b.keys, b.syls
    if not _counted(g, keys[max(0, at.i - 3):at.i]):
        return None, []
    filler = g.cue_words("header-filler")
    k, extra = at.j, list[Title]()
    while k < len(keys) and keys[k] in filler and g.cue_at("elected-to", keys, k) is None:
        k += 1
    if (elected := g.cue_at("elected-to", keys, k)) is not None:
        extra, k = memberships(g, syls, elected, b.ctx)
        if not extra:
            return None, []
    while k < len(keys) and keys[k] in filler:
        k += 1
    return (k, extra) if k < len(keys) and keys[k] in g.cue_words("list-intro") else (None, [])


def _glued(b: Binding, at: Site, glue: set[str]) -> Bindings | None:
    """The titles right after a name and one of the glue marks: 'A, titles', 'A (titles)', 'A - titles'."""
    k = at.before
    if not (k >= 0 and b.keys[k] in glue):
        return None
    if k not in b.by_end:
        k = _before_aside(b, k)  # 'A (trái), titles', 'A, sinh năm 1970, titles'
    return (at.end, [(b.by_end[k], t) for t in at.current]) if k in b.by_end else None


def _before_aside(b: Binding, k: int) -> int:
    """The glue mark before an aside that ends at the mark k: 'A, sinh năm 1972, quê Hà Tĩnh, Title' and 'A
    (sinh năm 1972), Title' → the mark right after A; else k."""
    keys = b.keys
    if keys[k] == "," and k > 0 and keys[k - 1] == ")" and "(" in keys[max(0, k - 16):k]:
        opening = max(x for x in range(max(0, k - 16), k) if keys[x] == "(")
        return opening if opening in b.by_end else k
    marks = [x for x in range(max(0, k - 16), k) if keys[x] == ","]
    for mark in reversed(marks):
        if b.g.cue_at("aside", keys, mark + 1) is None:
            break
        if mark in b.by_end:
            return mark
    return k


@register("bind", Rule("name-paren-titles", "holding", 0.85, "titles in parentheses after a name", (
    holding("Ông Đỗ Minh Quang (Bộ trưởng Bộ Tài chính) cho biết kế hoạch đã hoàn thành.",
            "Đỗ Minh Quang", "Bộ trưởng", "Bộ Tài chính"),
)))
def name_paren_titles(b: Binding, at: Site) -> Bindings | None:
    return _glued(b, at, {"("})


@register("bind", Rule("name-comma-titles", "holding", 0.85, "titles after a name, joined by a comma, ' - ' or ' – '", (
    holding("Ông Lê Văn Tâm, Phó Bí thư Tỉnh ủy Hà Tĩnh, trình bày báo cáo.",
            "Lê Văn Tâm", "Phó Bí thư", "Tỉnh ủy Hà Tĩnh"),
    holding("Đồng chí Phạm Thị Hoa - Trưởng Ban Dân vận Tỉnh ủy Thanh Hóa phát biểu.",
            "Phạm Thị Hoa", "Trưởng ban", "Ban Dân vận Tỉnh ủy Thanh Hóa"),
)))
def name_comma_titles(b: Binding, at: Site) -> Bindings | None:
    return _glued(b, at, NAME_TITLE_GLUE - {"("})


@register("bind", Rule("name-verb-title", "holding", 0.85, "a name, then a verb of holding (giữ chức, là, bầu …), "
                       "then titles", (
    holding("Hội nghị đã bầu ông Vũ Đức Long giữ chức Chủ tịch Ủy ban nhân dân tỉnh Nam Định.",
            "Vũ Đức Long", "Chủ tịch", "Ủy ban nhân dân tỉnh Nam Định"),
    holding("Bà Ngô Thị Mai là Phó Chủ tịch Hội đồng nhân dân tỉnh Bắc Ninh.",
            "Ngô Thị Mai", "Phó Chủ tịch", "Hội đồng nhân dân tỉnh Bắc Ninh"),
)))
def name_verb_title(b: Binding, at: Site) -> Bindings | None:
    verb = b.g.cue_before("holding-verb", b.keys, at.before + 1)
    if verb is None and (post := b.g.cue_before("post-word", b.keys, at.before + 1)) is not None:
        verb = b.g.cue_before("holding-verb", b.keys, post)  # "tái đắc cử chức danh Bí thư …"
    if verb is None or not (owner := _name_before(b.g, b.found, b.syls, verb)):
        return None
    titles, end = list(at.current), at.end
    while b.keys[end:end + 1] == ["và"] and (more := chain_at(b.g, b.syls, end + 1, b.ctx)):
        titles += [t for t in more if not t.former]  # "thôi giữ chức Ủy viên Ủy ban Kiểm tra và Chủ nhiệm …"
        end = more[-1].end
    return end, [(n, t) for n in _joined_owners(b.g, b.found, b.syls, owner, b.ctx) for t in titles]


@register("bind")
def unbound(b: Binding, at: Site) -> Bindings | None:
    """Titles bound to no name: a list header's, perhaps (see header_titles)."""
    b.loose.append((at.i, at.current))
    return at.end, []


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


def header_titles(b: Binding, colon: int) -> list[Title]:
    """The titles a list header before syllable `colon` gives its items: the header's title chains bound to
    no name, or the membership of a body the header is about ('Ban Bí thư … gồm 11 người …, gồm:')."""
    sentence, ctx, g, syls, keys = b.sentence, b.ctx, b.g, b.syls, b.keys
    start = max((k for k in range(colon) if keys[k] in {";", ":", "."}), default=-1) + 1
    titles = [t for at, chain in b.loose if start <= at < colon and _heads(g, keys, max(start, at - 3), at,
                                                                         chain[-1].end, colon) for t in chain
              if not _many_bodies(g, keys, max(start, at - 3), at, t)]
    if titles:
        return titles
    k = start
    while k < colon and (keys[k] in {",", "như", "vậy"} or not syls[k].capital):
        k += 1
    hit = body_at(g, syls, k, ctx) if k < colon else None
    if hit and keys[skip_qualifiers(syls, hit[0]):][:1] == ["gồm"]:  # the body, then straight away "gồm"
        return [Title(g.member_role.get(hit[1], "Ủy viên"), hit[1], k, hit[0], False)]
    if has := _body_has(sentence, ctx, start, colon):
        return has
    for m in range(start, colon):  # "5 vị lần đầu vào Bộ Chính trị là các ông: …"
        if g.cue_at("membership", keys, m) is not None:
            titles, _ = memberships(g, syls, g.cue_at("membership", keys, m) or m, ctx)
            if titles:
                return titles
    return []


def _pointed(b: Binding, colon: int) -> list[Header]:
    """The plural heads of the sentence before, where the words before a list's colon, its sentence's first,
    only point back to it: 'Cụ thể gồm:', 'Danh sách cụ thể như sau:', 'Đó là các đồng chí:'."""
    g, keys = b.g, b.keys
    if not b.left or not b.left.heads or ":" in keys[:colon]:
        return []
    k, words = 0, g.cue_words("list-intro") | g.cue_words("header-filler") | g.cue_words("honorific")
    while k < colon and (g.cue_at("points-back", keys, k) is not None or keys[k] in words):
        k = g.cue_at("points-back", keys, k) or k + 1
    return b.left.heads if k == colon and g.find_cue("points-back", keys[:colon]) is not None else []


def _heads(g: Gazetteer, keys: list[str], before: int, at: int, end: int, colon: int) -> bool:
    """Whether titles at..end head the list after `colon`: counted or plural ('các Phó Chủ tịch', '3 ủy
    viên'), or followed by nothing but words that lead into a list ('…, gồm các đồng chí:'). A title followed
    by other words is its sentence's actor ('Bí thư Tỉnh ủy trao quyết định cho các đồng chí:')."""
    if _counted(g, keys[before:at]):
        return True
    filler = g.cue_words("header-filler") | g.cue_words("list-intro") | g.cue_words("honorific")
    return all(k in filler or not k.isalpha() or k.strip("ivxlc") == "" for k in keys[end:colon])


def _many_bodies(g: Gazetteer, keys: list[str], before: int, at: int, title: Title) -> bool:
    """Whether a plural head names a post one person holds in each of several bodies ('23 Bí thư Tỉnh ủy',
    'các Chủ tịch UBND xã'): its items hold it in bodies of their own, not in the one the header resolves to."""
    return _counted(g, keys[before:at], plural=True) and g.is_single_holder(title.role, title.body)


def _counted(g: Gazetteer, words: list[str], plural: bool = False) -> bool:
    """Whether the words before a title count it ('3', 'các', 'hai'); plural: a count other than '1'."""
    return any(k.isdigit() and not (plural and k == "1") or k in g.cue_words("count") for k in words)


def _body_has(sentence: Sentence, ctx: ArticleContext, start: int, colon: int) -> list[Title]:
    """A header naming a body, then what it has, before a list: 'Bộ Chính trị có 16 ủy viên:' (each item a
    member), 'Bộ X hiện có các Thứ trưởng gồm:' (each item holds the post in the body)."""
    g, syls, keys = ctx.g, sentence.syllables, sentence.keys
    for k in range(start, colon):
        hit = body_at(g, syls, k, ctx) if syls[k].capital else None
        has = g.cue_at("list-has", keys, skip_qualifiers(syls, hit[0])) if hit else None
        if hit is None or has is None:
            continue
        m = has
        while m < colon and (keys[m].isdigit() or keys[m] in {"các", "những"}):
            m += 1
        role = g.roles.longest(keys, m)
        if role and role[1] != "Ủy viên":
            return [Title(role[1], hit[1], k, role[0], False)]
        if role or g.cue_at("members", keys, m) is not None:
            return [Title(g.member_role.get(hit[1], "Ủy viên"), hit[1], k, hit[0], False)]
    return []


@register("bind-end", LIST_HEADER)
def header_items(b: Binding) -> list[tuple[Name, Title]]:
    """Every item after a header's colon (or 'gồm' before names), up to the next colon or the sentence's end,
    gets the header's titles: '… có 8 ủy viên Bộ Chính trị tái cử, gồm: A; B …'. An item is a name with
    nothing but separators, numbers, honorifics, ranks, titles and asides ('sinh năm 1970') between it and the
    item before; a name inside an item's words ('1. A, thay ông B') is not one. A sentence that goes on with
    the list the sentence before left open ('…: A; B;' then 'C; D.') starts with items of that header. An
    item marked '(dự khuyết)' is an alternate member."""
    ctx, keys = b.ctx, b.keys
    have = {(n.start, t.role, t.body) for n, t, _ in b.out}
    held = {(n.start, t.body) for n, t, _ in b.out}
    marks = [k for k, key in enumerate(keys) if (b.career is None or k < b.career) and (
        key == ":" or key in ctx.g.cue_words("list-intro") and keys[k + 1:k + 2] == ["các"]
        and ctx.g.cue_at("honorific", keys, k + 2) is not None and ":" not in keys[k:k + 6])]
    # "Header: 1. A, title: 469 phiếu 2. B: …": a colon after a name of the list ends an item, not a header
    marks = [k for m, k in enumerate(marks) if not (m and keys[k] == ":" and any(
        marks[m - 1] < n.start < k for n in b.found))]
    extra: list[tuple[Name, Title]] = []
    for m, colon in enumerate(marks):
        stop = marks[m + 1] if m + 1 < len(marks) else len(keys)
        if pointed := _pointed(b, colon):  # "Cụ thể gồm: A; B": the heads of the sentence before
            b.borrowed += [(n, _alternate_header(h) if alternate else h) for n, alternate in _items(b, colon, stop)
                           for h in pointed]
            b.runs_on = pointed
            continue
        titles = header_titles(b, colon)
        extra += [(n, _alternate(t) if alternate else t) for n, alternate in _items(b, colon, stop) for t in titles
                  if (n.start, t.role, t.body) not in have and (n.start, t.body) not in held]
        if not titles and (bare := _bare_role(b, colon)):  # "Danh sách các bộ trưởng: 1. Bộ X - ông A: …"
            extra += [(n, dataclasses.replace(bare, body=body)) for n, body in _bodied_items(b, colon, stop)
                      if (n.start, bare.role, body) not in have]
        b.runs_on = [_header(b, t) for t in titles] if titles else b.runs_on
    return extra


@register("bind-end")
def list_going_on(b: Binding) -> list[tuple[Name, Title]]:
    """A sentence that goes on with the list the sentence before left open with ';' ('…: A; B;' then
    'C; D.'): its items up to its first colon take that list's header."""
    if not b.left or not b.left.runs_on or not b.found or b.found[0].start != item_start(b.sentence, b.ctx):
        return []
    stop = b.keys.index(":") if ":" in b.keys else len(b.keys)
    held = {(n.start, t.role, t.body) for n, t, _ in b.out}
    b.borrowed += [(n, _alternate_header(h) if alternate else h) for n, alternate in _items(b, -1, stop)
                   for h in b.left.runs_on if (n.start, h.title.role, h.title.body) not in held]
    b.runs_on = b.runs_on or b.left.runs_on
    return []


def _items(b: Binding, colon: int, stop: int) -> list[tuple[Name, bool]]:
    """The items of a list between its colon and stop: each name with nothing but what lies between items
    before it (see _only_item_marks), and whether it is marked an alternate member ('A (dự khuyết)')."""
    found = [n for n in b.found if colon < n.start < stop]
    out, last = [], colon + 1
    for n, then in zip(found, [*(n.start for n in found[1:]), stop]):
        if _only_item_marks(b, last, n.start):
            out.append((n, b.g.find_cue("alternate", b.keys[n.end:then]) is not None))
        last = n.end
    return out


def _bare_role(b: Binding, colon: int) -> Title | None:
    """The role a header names as a plural without its body ('Danh sách các bộ trưởng và kết quả như sau:'),
    whose items each write their own body (see item_body); its title has no body."""
    g, keys = b.g, b.keys
    start = max((k for k in range(colon) if keys[k] in {";", ":", "."}), default=-1) + 1
    for k in range(start + 1, colon):
        if (hit := g.roles.longest(keys, k)) and _counted(g, keys[max(start, k - 2):k]) \
                and not chain_at(g, b.syls, k, b.ctx):
            return Title(hit[1], "", k, hit[0], False)
    return None


def _bodied_items(b: Binding, colon: int, stop: int) -> list[tuple[Name, str]]:
    """The items of a list that each start with a body, then their person: '1. Bộ Quốc phòng - ông A: 96%'
    → (A, the body)."""
    out, last = [], colon + 1
    for n in (n for n in b.found if colon < n.start < stop):
        if (body := item_body(b.g, b.syls, last, b.ctx)) and body[0] == n.start:
            out.append((n, body[1]))
        last = n.end
    return out


def item_body(g: Gazetteer, syls: list[Syllable], k: int, ctx: ArticleContext) -> tuple[int, str] | None:
    """The body a list item starts with, past its number, and where its person starts after the glue ('1. Bộ
    Quốc phòng - ông A', 'Sở Nội vụ: bà B')."""
    keys = keys_of(syls)
    while k < len(keys) and (keys[k].isdigit() or not syls[k].written[:1].isalnum()):
        k += 1
    body = body_at(g, syls, k, ctx) if k < len(keys) else None
    if not body or keys[body[0]:body[0] + 1] not in ([":"], *([m] for m in NAME_TITLE_GLUE - {","})):
        return None
    j = body[0] + 1
    while j < len(keys) and keys[j] in g.cue_words("honorific"):
        j += 1
    return j, body[1]


def _alternate(title: Title) -> Title:
    """A member's title for an alternate member ('A (dự khuyết)'): Ủy viên dự khuyết."""
    return dataclasses.replace(title, role=ALTERNATE) if title.role == "Ủy viên" else title


def _alternate_header(header: Header) -> Header:
    return dataclasses.replace(header, title=_alternate(header.title))


ALTERNATE = "Ủy viên dự khuyết"


def _only_item_marks(b: Binding, k: int, end: int) -> bool:
    """Whether syllables k..end hold nothing but what lies between two list items: separators, numbers,
    honorifics, ranks, title chains and asides ('sinh năm 1970, quê Hà Tĩnh', anything in parentheses); a ';'
    starts an item whatever came before it ('A với 98% tán thành; B …')."""
    g, syls, keys = b.g, b.syls, b.keys
    if ";" in keys[k:end]:
        k = max(x for x in range(k, end) if keys[x] == ";") + 1
    marks = {"và", "các"} | g.cue_words("honorific")
    while k < end:
        if keys[k] == "(" and ")" in keys[k:end]:
            k = keys.index(")", k) + 1
        elif keys[k] in marks or keys[k].isdigit() or not syls[k].written[:1].isalnum():
            k += 1
        elif (rank := g.cue_at("rank", keys, k)) is not None:
            k = rank
        elif g.cue_at("aside", keys, k) is not None:
            k = next((x for x in range(k, end) if keys[x] in {",", ")", ";"}), end)
        elif chain := chain_at(g, syls, k, b.ctx):
            k = chain[-1].end
        else:
            return False
    return True


def header_text(sentence: Sentence, title: Title) -> str:
    """A header title as written in its sentence."""
    syls = sentence.syllables
    return sentence.text[syls[title.start].start - sentence.start:syls[title.end - 1].end - sentence.start]


def list_item(sentence: Sentence, ctx: ArticleContext) -> Name | None:
    """The person a list item after a header is about: a short line or bullet that starts with its person —
    past a bullet or number, honorifics, ranks and the person's titles, the first full name ('Ông A, title',
    '- Title A.', '2) Đại tá A'). A line that starts otherwise ('Dự hội nghị còn có …') is no item."""

    if len(sentence.text) > 250 and not LIST_ITEM.match(sentence.text):
        return None
    found = sentence.names
    return found[0] if found and found[0].start == item_start(sentence, ctx) else None


def item_start(sentence: Sentence, ctx: ArticleContext) -> int:
    """Where the person of a list item is written: past its bullet or number, honorifics, ranks and titles."""
    g, syls, keys = ctx.g, sentence.syllables, sentence.keys
    k = 0
    while k < len(keys) and (keys[k].isdigit() or not syls[k].written[:1].isalnum()):
        k += 1
    k = body[0] if (body := item_body(g, syls, k, ctx)) else k  # "Bộ Quốc phòng - ông A"
    for _ in range(3):
        while k < len(keys) and (keys[k] in g.cue_words("honorific") or g.cue_at("rank", keys, k) is not None
                                 or keys[k] == ","):
            k = g.cue_at("rank", keys, k) or k + 1
        chain = chain_at(g, syls, k, ctx) if k < len(keys) else []
        if not chain:
            break
        k = chain[-1].end
    return k
