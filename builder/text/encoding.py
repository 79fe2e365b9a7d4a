"""Bytes → text: UTF-8, UTF-16/32 with a byte-order mark, and Vietnamese's legacy encodings (Windows-1258,
TCVN3, VNI-Windows), recognised by what they read as. See docs/internals.md."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from builder.resources import table

BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32", "cp1258": "Windows-1258",
         "tcvn3": "TCVN3", "vni": "VNI-Windows"}
UNICODE = frozenset({"UTF-8", "UTF-16", "UTF-32"})  # read as they are; any other encoding is converted
WORD = re.compile(r"\S+")
TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
# a Vietnamese syllable, tone marks taken off: initial consonant, vowel nucleus, final consonant
SYLLABLE = re.compile(
    r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"(uyê|uya|uyu|iê|yê|uô|ươ|oa|oă|oe|uâ|uê|uơ|uy|ia|ua|ưa|ai|ao|au|ay|âu|ây|eo|êu|iu|oi|ôi|ơi|oo|ui|ưi|ưu"
    r"|[aăâeêioôơuưy])"
    r"(ng|nh|ch|[cmnptiyuo])?")
EDGE = "\"'()[]{}.,;:!?«»“”‘’–—-…/%"


class EncodingError(ValueError):
    """Bytes no encoding reads as text."""


@dataclass(frozen=True)
class Decoded:
    """A file's text and the encoding it was read in (a readable name: 'UTF-8', 'TCVN3', …)."""

    text: str
    encoding: str


@cache
def _letters() -> frozenset[str]:
    return frozenset(row["letter"] for row in table("legacy_encodings.tsv"))


@cache
def _font_table(column: str) -> tuple[re.Pattern[str], dict[str, str]]:
    """A legacy font encoding's letters (as its bytes read in Latin-1 or Windows-1252) → Unicode, longest
    first."""
    page = "latin-1" if column == "tcvn3" else "cp1252"
    out = {bytes.fromhex(row[column]).decode(page): row["letter"] for row in table("legacy_encodings.tsv")}
    out = {k: v for k, v in out.items() if k != v}
    return re.compile("|".join(map(re.escape, sorted(out, key=lambda k: (-len(k), k))))), out


def _from_font(text: str, column: str) -> str:
    pattern, letters = _font_table(column)
    return pattern.sub(lambda m: letters[m.group()], text)


def syllable(word: str) -> bool:
    """Is a word (one syllable, as Vietnamese writes them) a possible Vietnamese syllable: at most one tone
    mark, and an initial, a nucleus and a final Vietnamese has?"""
    marks = unicodedata.normalize("NFD", word.lower())
    if sum(c in TONES for c in marks) > 1:
        return False
    return SYLLABLE.fullmatch(unicodedata.normalize("NFC", "".join(c for c in marks if c not in TONES))) is not None


def counts(text: str) -> tuple[int, int, int]:
    """(Vietnamese, impossible, all) words of a text: a Vietnamese word is a Vietnamese syllable with a
    Vietnamese letter; an impossible one has a letter of another alphabet, a symbol inside it, or a
    Vietnamese letter in a syllable Vietnamese does not have. Words of plain letters and digits are
    neither."""
    vietnamese, plain = _letters(), frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    good = bad = words = 0
    for word in WORD.findall(unicodedata.normalize("NFC", text[:200_000])):
        word = word.strip(EDGE)
        words += bool(word)
        if not word or all(c in plain or c in EDGE for c in word):
            continue
        if any(c not in vietnamese and c not in plain and c not in EDGE for c in word):
            bad += 1
        elif all(syllable(part) for part in re.split(r"[-–/]", word) if part):
            good += 1
        else:
            bad += 1
    return good, bad, words


def score(text: str, counted: tuple[int, int, int] | None = None) -> int:
    """How Vietnamese a reading looks: its Vietnamese words less twice its impossible ones (see counts)."""
    good, bad, _ = counted or counts(text)
    return good - 2 * bad


def vietnamese(text: str, counted: tuple[int, int, int] | None = None) -> bool:
    """Does a reading look like Vietnamese text: at least three Vietnamese words, a fifth of all its words,
    and ten times as many as impossible ones?"""
    good, bad, words = counted or counts(text)
    return good >= 3 and 5 * good >= words and good >= 10 * bad


def _readings(data: bytes) -> dict[str, str]:
    """Every way the legacy encodings, and charset-normalizer's guess, read some bytes."""
    out: dict[str, str] = {}
    for name, read in (("cp1258", lambda: data.decode("cp1258")),
                       ("tcvn3", lambda: _from_font(data.decode("latin-1"), "tcvn3")),
                       ("vni", lambda: _from_font(data.decode("cp1252"), "vni"))):
        try:
            out[name] = read()
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is not None and best.encoding not in out:
        try:
            out[best.encoding] = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    return out


def _best(readings: dict[str, str], floor: float = float("-inf")) -> tuple[str, str] | None:
    """The reading that scores highest, above floor, and looks like Vietnamese (the first listed wins a
    tie), if any."""
    counted = {name: counts(text) for name, text in readings.items()}
    scored = sorted(((score(readings[n], c), -k, n) for k, (n, c) in enumerate(counted.items())), reverse=True)
    if not scored or scored[0][0] <= floor or not vietnamese(readings[scored[0][2]], counted[scored[0][2]]):
        return None
    return scored[0][2], readings[scored[0][2]]


def decode(data: bytes, name: str) -> Decoded:
    """The text of a file's bytes, or an EncodingError naming the file and why."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), NAMES[codec])
            except UnicodeDecodeError as err:
                raise EncodingError(f"{name}: starts with a {NAMES[codec]} byte-order mark but is not "
                                    f"{NAMES[codec]} (at byte {err.start})") from None
    if b"\x00" in data[:8192]:
        raise EncodingError(f"{name}: binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        found = _best(_readings(data), 0)
        if found is None:
            raise EncodingError(f"{name}: not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}), "
                                f"and no Vietnamese encoding (Windows-1258, TCVN3, VNI) reads it as Vietnamese"
                                ) from None
        return Decoded(found[1], NAMES.get(found[0], found[0]))
    return _unmangled(text)


def _unmangled(text: str) -> Decoded:
    """A UTF-8 text, or the Vietnamese it is when it is TCVN3 or VNI bytes read as Latin-1/Windows-1252."""
    if text.isascii() or set(text) & (_letters() - _mojibake_letters()):
        return Decoded(text, "UTF-8")
    readings = {"utf-8": text}  # listed first: it wins a tie
    for column, page in (("tcvn3", "latin-1"), ("vni", "cp1252")):
        try:
            text.encode(page)
        except UnicodeEncodeError:
            continue
        readings[column] = _from_font(text, column)
    found = _best(readings)
    if found is None or found[0] == "utf-8":
        return Decoded(text, "UTF-8")
    return Decoded(found[1], f"UTF-8 holding {NAMES[found[0]]}")


@cache
def _mojibake_letters() -> frozenset[str]:
    """Vietnamese letters that TCVN3 or VNI bytes also read as in Latin-1 (à, á, ì, í, ò, ó, ù, â …)."""
    pages = {"tcvn3": "latin-1", "vni": "cp1252"}
    return frozenset(c for row in table("legacy_encodings.tsv") for col, page in pages.items()
                     for c in bytes.fromhex(row[col]).decode(page))
