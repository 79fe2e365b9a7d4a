"""Gazetteers of roles, titles, bodies, places and abbreviations, and the matcher over them.

Text is compared syllable by syllable after folding: lower case, one tone
placement (uỷ → ủy, hoà → hòa, khoá → khóa) and abbreviations expanded (T.Ư →
trung ương). Each gazetteer phrase becomes a path in a trie of folded syllables,
and matching takes the longest path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import Any, NamedTuple

from builder.resources import table

OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
TOKEN = re.compile(r"\w+(?:[.’'][\wĐđ]+)*|[^\w\s]")


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case with the modern tone placement on -oa, -oe, -uy endings."""
    w = word.lower()
    tail = w[-2:]
    if tail in OLD_TONES and not w.endswith("q" + tail[0] + tail[1]) and not w[:-2].endswith("q"):
        w = w[:-2] + OLD_TONES[tail]
    return w


class Syllable(NamedTuple):
    """One folded syllable of the text and the characters it came from (a named tuple: an article makes
    thousands, and a tuple is made several times faster than a frozen dataclass)."""

    key: str
    start: int
    end: int
    written: str

    @property
    def capital(self) -> bool:
        return self.written[:1].isupper()


class Trie:
    """Longest-match lookup of syllable sequences."""

    def __init__(self) -> None:
        self.root: dict[str, Any] = {}

    def add(self, keys: list[str], value: Any) -> None:
        node = self.root
        for k in keys:
            node = node.setdefault(k, {})
        node.setdefault("", value)

    def longest(self, keys: list[str], i: int) -> tuple[int, Any] | None:
        """(end, value) of the longest phrase starting at keys[i]."""
        node = self.root.get(keys[i]) if i < len(keys) else None
        if node is None:  # most calls: no phrase starts with this syllable
            return None
        best = (i + 1, node[""]) if "" in node else None
        for j in range(i + 1, len(keys)):
            node = node.get(keys[j])
            if node is None:
                break
            if "" in node:
                best = (j + 1, node[""])
        return best


@cache
def unit_committees() -> dict[str, str]:
    """Unit word → the name of its Party committee (units.tsv): tỉnh → Tỉnh ủy, phường → Đảng ủy phường."""
    return {row["unit"]: row["committee"] for row in table("units.tsv")}


@cache
def local_units() -> frozenset[str]:
    """The unit words below the province (huyện, xã, phường …), whose names are not in places.tsv."""
    return frozenset(row["unit"] for row in table("units.tsv") if row["level"] == "local")


@dataclass(frozen=True)
class Place:
    name: str
    unit: str

    @property
    def committee(self) -> str:
        if self.unit.lower() in local_units():
            return unit_committees()[self.unit.lower()]
        return "Thành ủy" if self.unit.lower() == "thành phố" or self.name.startswith("Thành phố") else "Tỉnh ủy"


@dataclass(frozen=True)
class LocalBody:
    """A body of a place, written from a template such as 'Hội đồng nhân dân {unit} {place}'."""

    pattern: str
    level: str

    def fill(self, place: Place | None) -> str:
        if place is None:
            text = re.sub(r"\{unit\}|\{place\}", "", self.pattern).replace("{committee}", "Tỉnh ủy")
        else:
            text = self.pattern.format(committee=place.committee, unit=place.unit, place=place.name)
        return " ".join(text.split())


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()] if value else []


class Gazetteer:
    """All gazetteers, loaded once, with tries for matching."""

    def __init__(self) -> None:
        self.abbreviations = Trie()
        for row in table("abbreviations.tsv"):
            # Both sides are split the way text is ("GD&ĐT" is three tokens, "phòng, chống" four).
            expansion = [fold(w) for w in TOKEN.findall(row["expansion"])]
            self.abbreviations.add(TOKEN.findall(row["abbreviation"]), expansion)
        self.roles = Trie()
        self.default_body: dict[str, str] = {}
        self.single_holder: dict[str, str] = {}  # role → its single_holder rule (roles.tsv)
        self.committee_roles: set[str] = set()
        self.body_head: dict[str, list[str]] = {}  # role → the head word of the bodies it is held in
        self.body_prefix: dict[str, list[str]] = {}  # role → syllables its body's name starts with, often left out
        # Chủ tịch and Phó Chủ tịch written with a province only ("Chủ tịch tỉnh X") lead its Ủy ban nhân dân
        self.heads_people_committee = {"Chủ tịch", "Phó Chủ tịch"}
        for row in table("roles.tsv"):
            self.default_body[row["role"]] = row["default_body"]
            if row["single_holder"]:
                self.single_holder[row["role"]] = row["single_holder"]
            if row["committee"] == "yes":
                self.committee_roles.add(row["role"])
            if row["body_prefix"]:
                self.body_prefix[row["role"]] = self.keys(row["body_prefix"])
            if row["body_head"]:
                self.body_head[row["role"]] = self.keys(row["body_head"])
            for form in [row["role"], *_split(row["variants"])]:
                self.roles.add(self.keys(form), row["role"])
        self.titles = Trie()
        for row in table("titles.tsv"):
            self.titles.add(self.keys(row["written"]), (row["role"], row["body"]))
        self.bodies = Trie()
        self.member_role: dict[str, str] = {}  # body → the title of its ordinary members, when not Ủy viên
        self.body_kinds: dict[str, str] = {}  # body → its kind (party-central, state, court, …)
        for row in table("bodies.tsv"):
            self.body_kinds[row["body"]] = row["kind"]
            if row["member_role"]:
                self.member_role[row["body"]] = row["member_role"]
            for form in [row["body"], *_split(row["variants"])]:
                self.bodies.add(self.keys(form), row["body"])
                if row["kind"] == "state" and " và " in form:  # "Bộ Tài nguyên Môi trường": 'và' left out,
                    self.bodies.add([k for k in self.keys(form) if k != "và"], row["body"])
                    self.bodies.add(["-" if k == "và" else k for k in self.keys(form)], row["body"])  # or a dash
        self.places = Trie()
        self.place_list: list[Place] = []
        for row in table("places.tsv"):
            place = Place(row["name"], row["unit"])
            self.place_list.append(place)
            for form in [row["name"], *_split(row["variants"])]:
                self.places.add(self.keys(form), place)
        self.local = Trie()  # value: (template, the unit word written in it, or "")
        self.commissions = Trie()  # "Ủy ban Kiểm tra" of "Ủy ban Kiểm tra {committee} {place}": the committee left out
        for row in table("local_bodies.tsv"):
            body = LocalBody(row["pattern"], row["level"])
            head, _, rest = row["pattern"].partition(" {committee}")
            if rest == " {place}" and head:
                self.commissions.add(self.keys(head), (body, head))
            for form in [row["pattern"], *_split(row["variants"])]:
                for prefix, unit in self._prefixes(form):
                    self.local.add(prefix, (body, unit))
        # Names are matched one syllable at a time: a compound surname (Tôn Thất, Rơ Mah) starts a name by its first.
        self.surnames = {fold(r["surname"].split()[0]) for r in table("surnames.tsv")}
        self.event_kinds = Trie()
        for row in table("event_kinds.tsv"):
            for form in _split(row["triggers"]) or [row["kind"]]:
                self.event_kinds.add(self.keys(form), row["kind"])
        self.term_heads = Trie()  # value: may it be written in lower case?
        self.term_head_whole: dict[tuple[str, ...], str] = {}  # heads that are the owner whatever follows
        for row in table("term_heads.tsv"):
            self.term_heads.add(self.keys(row["head"]), row["case"] == "any")
            if row["owner"] == "head":
                self.term_head_whole[tuple(self.keys(row["head"]))] = row["head"]
        self._spelled = {tuple(TOKEN.findall(r["abbreviation"])): r["expansion"] for r in table("abbreviations.tsv")}
        self.cues: dict[str, Trie] = {}
        self._cues_reversed: dict[str, Trie] = {}  # the same phrases read backwards, for cue_before
        self._cue_words: dict[str, set[str]] = {}
        for row in table("cues.tsv"):
            name, blocks = (row["list"][4:], True) if row["list"].startswith("not-") else (row["list"], False)
            for phrase in _split(row["phrases"]):
                keys = self.keys(phrase)
                self.cues.setdefault(name, Trie()).add(keys, not blocks)
                self._cues_reversed.setdefault(name, Trie()).add(keys[::-1], not blocks)
                if not blocks:
                    self._cue_words.setdefault(name, set()).update(keys)
        # the syllables a title can start with, and the words written before one ("nguyên", "tân")
        self.title_starts = set(self.roles.root) | set(self.titles.root)
        self.title_marks = self.cue_words("former") | self.cue_words("incoming")
        tries = (self.roles, self.titles, self.bodies, self.places, self.local, self.event_kinds)
        self.non_name_starts = {k for t in tries for k in t.root} | self.cue_words("no-name-start")
        # what is written before the name of a unit: its unit word, its committee's name
        self.unit_heads = [self.keys(w) for row in table("units.tsv") for w in (row["unit"], row["committee"])]

    def cue_at(self, name: str, keys: list[str], i: int) -> int | None:
        """The end of a phrase of cue list `name` (cues.tsv) starting at keys[i], if one does."""
        hit = self.cues[name].longest(keys, i)
        return hit[0] if hit and hit[1] else None

    def cue_span(self, name: str, keys: list[str], i: int) -> tuple[int, bool] | None:
        """(end, is a cue) of the longest phrase of cue list `name` or of its "not-" list starting at keys[i]."""
        hit = self.cues[name].longest(keys, i) if name in self.cues else None
        return (hit[0], bool(hit[1])) if hit else None

    def find_cue(self, name: str, keys: list[str]) -> int | None:
        """Where the first phrase of cue list `name` starts, if any."""
        first = self.cues[name].root  # the syllables a phrase can start with
        return next((i for i, k in enumerate(keys) if k in first and self.cue_at(name, keys, i) is not None), None)

    def cue_before(self, name: str, keys: list[str], i: int) -> int | None:
        """The start of the longest phrase of cue list `name` that ends just before keys[i]."""
        node: dict[str, Any] | None = self._cues_reversed[name].root
        best = None
        for k in range(i - 1, max(-1, i - 7), -1):  # a phrase of at most six syllables, read backwards
            node = node.get(keys[k]) if node is not None else None
            if node is None:
                break
            if node.get(""):
                best = k
        return best

    def cue_words(self, name: str) -> set[str]:
        """Every syllable of the phrases of cue list `name` (for lists of single words such as 'former')."""
        return self._cue_words[name]

    def is_single_holder(self, role: str, body: str) -> bool:
        """Is the post (role in body) held by one person at a time? (roles.tsv's single_holder column)"""
        rule = self.single_holder.get(role, "")
        word, _, bodies = rule.partition(" ")
        names = [b.strip() for b in bodies.removeprefix("except").split("|") if b.strip()]
        if word == "only":
            return any(n in body for n in names)
        return word == "yes" and not any(n in body for n in names)

    def _prefixes(self, form: str) -> list[tuple[list[str], str]]:
        """(syllables, unit word) of a template before {place}, for each way {committee} and {unit} are written."""
        head = form.split("{place}")[0]
        heads = [head.replace("{committee}", c) for c in ("Tỉnh ủy", "Thành ủy")] if "{committee}" in head else [head]
        units = ["", *unit_committees()] if "{unit}" in head else [""]
        # "Thành ủy" written alone is a city's committee: its unit is thành phố
        out = {(h.replace("{unit}", u), u or ("thành phố" if "Thành ủy" in h else "")): None
               for h in heads for u in units}
        return [(self.keys(h), u) for h, u in out if h.strip()]

    def spell_out(self, text: str) -> str:
        """The text with every abbreviation written out ('MTTQ Việt Nam' → 'Mặt trận Tổ quốc Việt Nam')."""
        raw = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]
        words = [w for w, _, _ in raw]
        out, last, i = [], 0, 0
        while i < len(raw):
            hit = self.abbreviations.longest(words, i) if words[i][:1].isupper() else None
            if hit:
                out += [text[last:raw[i][1]], self._spelled[tuple(words[i:hit[0]])]]
                last = raw[hit[0] - 1][2]
                i = hit[0]
            else:
                i += 1
        return "".join(out) + text[last:]

    def keys(self, phrase: str) -> list[str]:
        """Folded syllables of a phrase, abbreviations expanded."""
        return [s.key for s in self.syllables(phrase)]

    def syllables(self, text: str, offset: int = 0) -> Syllables:
        """The text as folded syllables with their offsets; abbreviations expand in place."""
        raw = [(m.group(), m.start() + offset, m.end() + offset) for m in TOKEN.finditer(text)]
        words = [w for w, _, _ in raw]
        out = Syllables()
        i = 0
        while i < len(raw):
            hit = self.abbreviations.longest(words, i) if words[i][:1].isupper() else None
            if hit:
                end, expansion = hit
                start, stop = raw[i][1], raw[end - 1][2]
                written = text[start - offset:stop - offset]
                out.extend(Syllable(k, start, stop, written) for k in expansion)
                i = end
            else:
                w, s, e = raw[i]
                out.append(Syllable(fold(w), s, e, w))
                i += 1
        return out


class Syllables(list[Syllable]):
    """A text's syllables, their folded keys listed once (the rules ask for them at every position).
    Never changed once made."""

    @cached_property
    def keys(self) -> list[str]:
        return [s.key for s in self]

    @cached_property
    def starts(self) -> list[int]:
        return [s.start for s in self]


def keys_of(syls: list[Syllable]) -> list[str]:
    """The folded keys of syllables: listed once for a text's Syllables, made for any other list."""
    return syls.keys if isinstance(syls, Syllables) else [s.key for s in syls]


@cache
def gazetteer() -> Gazetteer:
    """The project's gazetteers (loaded once per process)."""
    return Gazetteer()
