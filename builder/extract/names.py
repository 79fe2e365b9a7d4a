"""Persons' full names: a known surname (or a word the tagger calls a proper name) and one to four more
capitalised syllables, not a place, a body or a role."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from builder.gazetteer import Gazetteer, Syllable, keys_of

if TYPE_CHECKING:
    from collections.abc import Container

@dataclass(frozen=True)
class Name:
    text: str
    start: int
    end: int


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
    if i > 1 and keys[i - 1] == ":" and g.cue_before("credit", keys, i - 1) is not None:
        return None  # "Ảnh: Lê Hiền": the photographer, whatever the surname
    if (head := g.cue_before("unit-head", keys, i)) is not None and syls[head].capital:
        return None  # "Vụ Châu Mỹ", "Bệnh viện Bạch Mai": a unit's name
    j = i + 1
    while j < len(syls) and j - i < 5 and (syls[j].written.istitle() or _mangled_middle(g, syls, i, j)) \
            and syls[j].written.isalpha() and syls[j].end - syls[j].start == len(syls[j].written) \
            and syls[j].start == syls[j - 1].end + 1:
        if g.roles.longest(keys, j) or g.bodies.longest(keys, j) or g.cue_at("name-stop", keys, j) is not None:
            break
        j += 1
    if j - i < 2 or (role := g.roles.longest(keys, i)) and role[0] >= j:
        return None  # "Phó Ban chuyên trách": a surname that starts a role written over the would-be name
    place = g.places.longest(keys, i)
    if place and (place[0] >= j or keys[place[0]] in g.surnames):  # "Hà Tĩnh", "Hà Tĩnh Đinh Công Thưởng"
        return None
    if s.key not in g.surnames and any((p := g.places.longest(keys, k)) and p[0] == j for k in range(i + 1, j)):
        return None  # "Ba Đình Hà Nội", "Cẩm Lệ Đà Nẵng": a unit and its province, without a known surname
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


PRONOUNS = {"ông": "ông", "bà": "bà"}  # a pronoun and the honorific of the persons it can mean
NOT_PRONOUN_BEFORE = {"các", "những", "hai", "ba", "vợ", "chồng"}  # "các ông", "vợ ông": not a person's subject
NOT_PRONOUN_AFTER = {"bà", "con", "cha", "nội", "ngoại", "ông", "cụ", "già"}  # "ông bà", "bà con"


@dataclass
class Referents:
    """The persons an article has named so far, for what later sentences write of them without their full
    name: a given name after an honorific ('ông Tiến') and a pronoun ('ông', 'bà': the person named last whose
    honorific it fits)."""

    given: dict[str, str] = field(default_factory=dict)  # given name → the full name the article used
    honorific: dict[str, str] = field(default_factory=dict)  # full name → 'ông' or 'bà', when written
    last: str | None = None  # the person the sentences so far mentioned last

    def read(self, g: Gazetteer, syls: list[Syllable], found: tuple[Name, ...]) -> list[Name]:
        """The references of one sentence to persons named before, as names (spelt in full); its own names
        are learnt for the sentences after it."""
        keys = keys_of(syls)
        inside = {k for n in found for k in range(n.start, n.end)}
        out: list[Name] = []
        mentions = sorted([(n.start, n.text) for n in found])
        for k, key in enumerate(keys):
            if k in inside or key not in PRONOUNS and key != "đồng" or k and keys[k - 1] in NOT_PRONOUN_BEFORE \
                    or keys[max(0, k - 2):k] in [[p, ","] for p in PRONOUNS]:  # "Các ông, bà …"
                continue
            at = k + 2 if keys[k:k + 2] == ["đồng", "chí"] else k + 1
            if at < len(syls) and syls[at].capital and syls[at].written.isalpha():
                run = next((r for r in range(at, len(syls)) if not (syls[r].capital and syls[r].written.isalpha())),
                           len(syls))
                if run == at + 1 and at not in inside and (full := self.given.get(keys[at])):
                    out.append(Name(full, at, at + 1))  # "ông Tiến"
            elif key in PRONOUNS and keys[at:at + 1] and keys[at] not in NOT_PRONOUN_AFTER | {",", ":", "("}:
                earlier = next((full for start, full in reversed(mentions) if start < k), self.last)
                if earlier and self.honorific.get(earlier, PRONOUNS[key]) == PRONOUNS[key]:
                    out.append(Name(earlier, k, k + 1))  # "ông giữ cương vị …"
        for n in found:
            self.given[keys[n.end - 1]] = n.text
            if n.start and keys[n.start - 1] in PRONOUNS:
                self.honorific.setdefault(n.text, PRONOUNS[keys[n.start - 1]])
            elif " thị " in f" {n.text.lower()} ":
                self.honorific.setdefault(n.text, "bà")
        self.last = max((*found, *out), key=lambda n: n.start).text if found or out else self.last
        return out
