"""Normalisation, once, in one stage: raw article text → clean text with an offset map.

Every character of the clean text remembers the offset of the character of the
original text it came from, so a span found in the clean text can always be
pointed back at the exact characters of the file.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

from builder.resources import data_lines

SURROGATE = re.compile("[\ud800-\udfff]")
LOOKALIKES = {"\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110"}
SPACES = "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000\t\x0b\x0c"
# zero-width characters, the soft hyphen, bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates) and
# control characters other than line breaks and tabs: dropped, offsets kept
INVISIBLE = ("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
             "\u2066\u2067\u2068\u2069"
             + "".join(chr(c) for c in (*range(0x20), *range(0x7f, 0xa0)) if chr(c) not in "\n\t\x0b\x0c\r"))
ONE_FOR_ONE = {**{ord(c): " " for c in SPACES}, **{ord(c): v for c, v in LOOKALIKES.items()}}
SENTENCE_END = ".!?…:;\"”’)»]"
CAPTION = re.compile(r"(^|[\s(.])Ảnh\s*(:|internet|minh họa|tư liệu)|^Chú thích ảnh$|\(Ảnh:", re.I)
# A photo credit closing the line: "… – Ảnh THANH TÙNG", "… (ảnh TTXVN)." (case matters: "ảnh hưởng" is no photo)
CREDIT_AT_END = re.compile(r"(?:[–-]\s*|\()[Ảả]nh\s+[A-ZĐ][\wÀ-ỹ.]*(?:\s+[A-ZĐ][\wÀ-ỹ.]*)*\)?\s*\.?$")


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    caption: bool
    meta: bool = False


class Offsets(Sequence[int]):
    """Original offsets of a text's characters, kept as runs: the first character of each run of
    consecutive offsets and that offset (an article is a few runs, not an integer per character)."""

    def __init__(self, offsets: Iterable[int] = ()) -> None:
        self.starts, self.bases, self.length, self.last = array("q"), array("q"), 0, -2
        self.extend(offsets)

    @classmethod
    def joined(cls, pieces: Iterable[Iterable[int]]) -> Offsets:
        """The offsets of pieces of text written one after the other."""
        out = cls()
        for piece in pieces:
            out.extend(piece)
        return out

    def extend(self, offsets: Iterable[int]) -> None:
        """Offsets of more characters; a range (consecutive offsets) is one run at most, whatever its length."""
        if isinstance(offsets, range) and offsets.step == 1:
            if offsets:
                if offsets.start != self.last + 1:
                    self.starts.append(self.length)
                    self.bases.append(offsets.start)
                self.length, self.last = self.length + len(offsets), offsets[-1]
            return
        for o in offsets:
            if o != self.last + 1:
                self.starts.append(self.length)
                self.bases.append(o)
            self.length, self.last = self.length + 1, o

    def __len__(self) -> int:
        return self.length

    @overload
    def __getitem__(self, i: int) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> list[int]: ...

    def __getitem__(self, i: int | slice) -> int | list[int]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self.length))]
        if i < 0:
            i += self.length
        if not 0 <= i < self.length:
            raise IndexError("offset index out of range")
        run = bisect_right(self.starts, i) - 1
        return self.bases[run] + i - self.starts[run]

    def __iter__(self) -> Iterator[int]:
        ends = [*self.starts[1:], self.length]
        for start, end, base in zip(self.starts, ends, self.bases):
            yield from range(base, base + end - start)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Offsets) and (self.length, self.starts, self.bases) == (
            other.length, other.starts, other.bases)

    __hash__ = None  # type: ignore[assignment]


@dataclass
class Clean:
    """Clean text, the original offset of each of its characters (as runs: Offsets), and its paragraphs."""

    text: str
    offsets: Sequence[int]
    paragraphs: list[Paragraph] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not isinstance(self.offsets, Offsets):
            self.offsets = Offsets(self.offsets)

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean span to the span of the original text it came from."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


class _Builder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offs: list[int] = []

    def add(self, text: str, offset: int) -> None:
        self.chars.extend(text)
        self.offs.extend([offset] * len(text))


def _clusters(raw: str):
    """Yield (offset, base char + its combining marks)."""
    i, n = 0, len(raw)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        yield i, raw[i:j]
        i = j


def _plain(c: str) -> bool:
    """Does the character stay as it is in an NFC text (no mark to compose, nothing to replace or drop)?"""
    return not unicodedata.combining(c) and c not in LOOKALIKES and c not in INVISIBLE and c not in SPACES \
        and c != "\r"


def _characters(raw: str) -> tuple[str, Sequence[int]]:
    """NFC, look-alike letters, odd spaces and invisible characters, with offsets."""
    if unicodedata.is_normalized("NFC", raw):
        odd = {c for c in set(raw) if not _plain(c)}
        if not odd:  # most texts: nothing to change
            return raw, range(len(raw))
        if {ord(c) for c in odd} <= ONE_FOR_ONE.keys():  # a no-break space, an 'Ð': one for one, no mark to compose
            return raw.translate(ONE_FOR_ONE), range(len(raw))
    out = _Builder()
    for offset, cluster in _clusters(raw.replace("\r\n", "\n ").replace("\r", "\n")):
        cluster = "".join(LOOKALIKES.get(c, c) for c in cluster)
        cluster = unicodedata.normalize("NFC", cluster)
        for ch in cluster:
            if ch in INVISIBLE:
                continue
            out.add(" " if ch in SPACES else ch, offset)
    text = "".join(out.chars)
    # "\r\n" became "\n " so that both keep an offset; the stray space is collapsed later.
    return text, out.offs


# A line that starts a list item: a bullet or a number, or an honorific before a capitalised name.
LIST_ITEM = re.compile(r"^(?:[-–—•*+]\s*|\d{1,3}\s*[.)/]\s+|[a-zđ]\)\s+)"
                       r"|^(?:Ông|Bà|Đồng chí|Đ/c|Anh|Chị)\s+[A-ZĐÀ-Ỹ]")


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when most lines followed by another line stop mid-sentence (list items do not count)."""
    inner = [a.strip() for a, b in zip(lines, lines[1:]) if a.strip() and b.strip() and not LIST_ITEM.match(a.strip())]
    if len(inner) < 4:
        return False
    open_ended = [ln for ln in inner if ln[-1] not in SENTENCE_END and len(ln) >= 40]
    return len(open_ended) >= 0.5 * len(inner)


def _width(lines: list[str]) -> int:
    """The width a hard-wrapped text is wrapped at: the 90th percentile of its line lengths."""
    lengths = sorted(len(ln.strip()) for ln in lines if ln.strip())
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def _join_wraps(text: str) -> str:
    """Replace a newline that breaks a sentence by a space (same length, offsets kept).

    A newline stays when the next line starts a list item (a bullet, a number, an honorific
    before a name), and inside a run of three or more lines that are well short of the wrap
    width and start with a capital (a list of "Name, title" or "Title Name" lines: a wrapped
    line fills the width, a list line does not).
    """
    lines = text.split("\n")
    hard = _is_hard_wrapped(lines)
    width = _width(lines)
    items = [bool(s := ln.strip()) and s[0].isupper() and len(s) < 0.75 * width for ln in lines]
    in_run = [items[k] and (k >= 1 and items[k - 1] and (k >= 2 and items[k - 2] or k + 1 < len(items) and items[k + 1])
                            or k + 2 < len(items) and items[k + 1] and items[k + 2]) for k in range(len(lines))]
    chars = list(text)
    pos = 0
    for k, (here, after) in enumerate(zip(lines, lines[1:])):
        pos += len(here)
        a, b = here.strip(), after.strip()
        if a and b and not LIST_ITEM.match(b) and not (in_run[k] and in_run[k + 1]):
            continues = b[0].islower() or (hard and a[-1] not in SENTENCE_END and len(a) >= 12)
            if continues:
                chars[pos] = " "
        pos += 1
    return "".join(chars)


def _boilerplate() -> list[re.Pattern[str]]:
    return [re.compile(line, re.I) for line in data_lines("boilerplate.txt")]


def normalize(raw: str) -> Clean:
    """Clean an article's text: Unicode, spaces, line wraps, repeats, boilerplate, captions. A lone
    surrogate (a JSON "\\ud800" escape; no UTF-8 can hold it) becomes U+FFFD, at the same offset."""
    text, offs = _characters(SURROGATE.sub("\ufffd", raw))
    text = _join_wraps(text)
    junk = _boilerplate()
    parts: list[str] = []  # the clean text in pieces, and each piece's offsets
    pieces: list[Sequence[int]] = []
    size = 0
    seen: list[str] = []
    paragraphs: list[Paragraph] = []
    caption_next = False
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        words = [(m.start() + start, m.group()) for m in re.finditer(r"\S+", line)]
        if not words:
            continue
        flat = " ".join(w for _, w in words)
        if any(p.search(flat) for p in junk):
            continue
        key = flat.rstrip(" .…[]").casefold()
        if any(key == s or (len(key) > 40 and s.startswith(key.rstrip("[…] "))) for s in seen):
            continue
        seen.append(key)
        caption = caption_next or bool(CAPTION.search(flat) or CREDIT_AT_END.search(flat))
        caption_next = flat.casefold() == "chú thích ảnh"
        if size:
            parts.append("\n")
            pieces.append((offs[start - 1] if start else 0,))
            size += 1
        first, last = words[0][0], words[-1][0] + len(words[-1][1])
        if text[first:last] == flat:  # one space between words already: the line as it is
            parts.append(flat)
            pieces.append(offs[first:last])
        else:
            for k, (at, word) in enumerate(words):
                if k:
                    parts.append(" ")
                    pieces.append((offs[at - 1],))
                parts.append(word)
                pieces.append(offs[at:at + len(word)])
        paragraphs.append(Paragraph(size, size + len(flat), caption))
        size += len(flat)
    return Clean("".join(parts), Offsets.joined(pieces), paragraphs)
