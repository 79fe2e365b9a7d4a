"""Reading files in any encoding a Vietnamese corpus has: UTF-8 with or without a BOM, UTF-16 and UTF-32
with one, and the legacy Windows-1258, TCVN3 (ABC) and VNI-Windows code pages, which are recognised and
converted — or refused with one clear line, never read as mojibake.

The legacy files are written here from the bundled seeds by encoders made from the same table the reader
uses (builder/gazetteers/legacy_encodings.tsv) and, for Windows-1258, Python's cp1258 codec.
"""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from helpers import SEEDS

from builder.extract import extract
from builder.resources import table
from builder.text.encoding import UNICODE, Decoded, decode, score, syllable
from builder.text.ingest import read_articles

TONES = "\u0300\u0301\u0303\u0309\u0323"
PLAIN = {"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...", "\xa0": " ", "Ð": "Đ"}
SEED = sorted(SEEDS.glob("*.txt"))[1]


def plain(text: str) -> str:
    """A text with the punctuation legacy code pages lack written in ASCII."""
    return "".join(PLAIN.get(c, c) for c in text)


def to_font(text: str, column: str) -> bytes:
    """A text in TCVN3 or VNI-Windows."""
    letters = {row["letter"]: bytes.fromhex(row[column]) for row in table("legacy_encodings.tsv")}
    page = "latin-1" if column == "tcvn3" else "cp1252"
    return b"".join(letters[c] if c in letters else c.encode(page) for c in text)


def to_cp1258(text: str) -> bytes:
    """A text in Windows-1258: precomposed letters where it has them, else the letter and a combining tone."""
    out = []
    for c in text:
        try:
            out.append(c.encode("cp1258"))
        except UnicodeEncodeError:
            marks = unicodedata.normalize("NFD", c)
            base = unicodedata.normalize("NFC", "".join(m for m in marks if m not in TONES))
            out.append(base.encode("cp1258") + "".join(m for m in marks if m in TONES).encode("cp1258"))
    return b"".join(out)


ENCODED = {
    "Windows-1258": to_cp1258,
    "TCVN3": lambda t: to_font(t, "tcvn3"),
    "VNI-Windows": lambda t: to_font(t, "vni"),
    "UTF-16": lambda t: t.encode("utf-16"),
    "UTF-16 big-endian": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "UTF-32": lambda t: t.encode("utf-32"),
    "UTF-8 with a BOM": lambda t: t.encode("utf-8-sig"),
}


def facts_of(path) -> tuple:  # type: ignore[no-untyped-def]
    articles, problems = read_articles([path])
    [article] = articles
    converted = article.encoding not in UNICODE
    assert [(p.kind, p.error) for p in problems] == ([("converted", False)] if converted else [])
    if converted:
        assert f"read as {article.encoding}" in problems[0] and str(path) in problems[0]
    f = extract(article)
    return (article.encoding, sorted((h.person, h.role, h.body) for h in f.holdings),
            sorted((e.kind, e.date, e.place) for e in f.events), sorted((d.kind, d.number) for d in f.documents))


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_a_seed_in_any_encoding_gives_the_facts_of_its_utf8(tmp_path, name):
    text = plain(SEED.read_text(encoding="utf-8"))
    (tmp_path / "utf8.txt").write_text(text, encoding="utf-8")
    (tmp_path / "other.txt").write_bytes(ENCODED[name](text))
    read_as, *facts = facts_of(tmp_path / "other.txt")
    assert read_as == name.removesuffix(" big-endian").removesuffix(" with a BOM")
    want = facts_of(tmp_path / "utf8.txt")
    assert want[0] == "UTF-8" and want[1], "the seed must give holdings"
    assert facts == list(want[1:])


@pytest.mark.parametrize("column, name", [("tcvn3", "TCVN3"), ("vni", "VNI-Windows")])
def test_utf8_holding_legacy_font_text_is_turned_back(column, name):
    text = "Ủy viên Bộ Chính trị, Trưởng ban Tổ chức Trung ương Nguyễn Văn Khánh chủ trì hội nghị."
    mangled = to_font(text, column).decode("latin-1" if column == "tcvn3" else "cp1252")
    assert mangled != text
    assert decode(mangled.encode("utf-8"), "x.txt") == Decoded(text, f"UTF-8 holding {name}")


def test_real_utf8_vietnamese_stays_as_it_is():
    for path in sorted(SEEDS.glob("*.txt")):
        data = path.read_bytes()
        assert decode(data, path.name) == Decoded(data.decode("utf-8"), "UTF-8")


@pytest.mark.parametrize("content", [
    "Ça va très bien, merci beaucoup à vous tous".encode("latin-1"),  # Latin-1, not Vietnamese
    "Ông Lê Văn ".encode() + b"\xff\xfe\x81 phat bieu",  # UTF-8 broken in the middle
    bytes(range(1, 256)) * 4,  # no text at all
])
def test_bytes_no_vietnamese_encoding_reads_are_refused_in_one_line(tmp_path, content):
    bad = tmp_path / "la.txt"
    bad.write_bytes(content)
    articles, errors = read_articles([bad])
    assert articles == []
    [line] = errors
    assert str(bad) in line and "\n" not in line
    assert "not valid UTF-8" in line and "TCVN3" in line


def test_a_bom_whose_encoding_breaks_is_refused(tmp_path):
    bad = tmp_path / "u16.txt"
    bad.write_bytes(codecs.BOM_UTF16_LE + "Hội nghị".encode("utf-16-le") + b"\x00\xd8")  # a lone surrogate
    [line] = read_articles([bad])[1]
    assert "u16.txt" in line and "UTF-16" in line


def test_syllables_and_score():
    assert all(syllable(w) for w in ("nghiêng", "Trưởng", "khuya", "Đảng", "ủy", "quốc", "giữ", "ương"))
    assert not any(syllable(w) for w in ("trốs", "ầa", "cafộ", "hoàá", "bf"))
    assert score("Ủy viên Bộ Chính trị") == 5
    assert score("Uû vi¢n Bé ChÝnh trÞ") < 0
