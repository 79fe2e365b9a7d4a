"""Titles bound to persons, sentence by sentence: before the name, after it (comma, dash, parentheses), after
a verb of holding, a membership ('tham gia Ban …'), and a list header whose titles go to every name of
its list ("Các đồng chí Ủy viên Bộ Chính trị: A, B; …"). "nguyên" (former) titles and the past posts of
a career are not current holdings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from builder.extract.bodies import body_at, skip_qualifiers
from builder.extract.names import Name
from builder.extract.titles import Title, chain_at, memberships
from builder.gazetteer import Gazetteer, Syllable, keys_of
from builder.text.normalize import LIST_ITEM

if TYPE_CHECKING:
    from builder.extract.context import ArticleContext, Sentence

NAME_TITLE_GLUE = {",", "(", "-", "–", "—"}


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


def bind(sentence: Sentence, ctx: ArticleContext) -> Bound:
    """Every title of one sentence bound to a name (and the titles of a list header it ends with)."""
    g, syls, text, offset = ctx.g, sentence.syllables, sentence.text, sentence.start
    honorifics, former, intro = g.cue_words("honorific"), g.cue_words("former"), g.cue_words("list-intro")
    incoming = g.cue_words("incoming")
    found = list(sentence.names)
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
    return Bound(out + _header_items(sentence, ctx, found, loose, out, career), opens)


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

    if len(sentence.text) > 250 and not LIST_ITEM.match(sentence.text):
        return None
    found = sentence.names
    return found[0] if found and found[0].start <= 10 else None
