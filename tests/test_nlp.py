"""underthesea is asked only where a rule needs it: a sentence is tagged when an offset in it is asked about, and
no question is asked where the cue lists and units already say no person's name starts."""

from __future__ import annotations

import pytest

from builder.extract import extract
from builder.resources import table
from builder.text.ingest import make_article
from builder.text.nlp import ProperNames, proper_name_starts, tag
from builder.text.normalize import normalize

TEXT = ("Hội nghị do Bí thư Tỉnh ủy Nguyễn Văn An chủ trì.\n\n"
        "Dự hội nghị có ông Y Mơ Kpă, Phó Chủ tịch Ủy ban nhân dân tỉnh.\n\n"
        "Hội nghị đã thảo luận và thống nhất cao.")


def test_nothing_is_tagged_until_asked() -> None:
    names = ProperNames(normalize(TEXT))
    assert names.tagged == 0
    assert -1 not in names and len(TEXT) + 5 not in names and "x" not in names
    assert names.tagged == 0


def test_one_question_tags_one_window_once() -> None:
    """The tagger reads the sentence up to the end of the clause the offset is in, once."""
    clean = normalize(TEXT)
    names = ProperNames(clean)
    at = clean.text.index("Y Mơ Kpă")
    answer = at in names
    assert names.tagged == 1
    assert (at + 1 in names) is False and names.tagged == 1  # same sentence: no second tagging
    window = clean.text[clean.text.index("Dự hội nghị"):clean.text.index(", Phó Chủ tịch")]
    expected = {clean.text.index("Dự hội nghị") + k for k in proper_name_starts(tag(window))}
    assert answer == (at in expected)


def test_extraction_tags_only_sentences_with_an_unknown_surname() -> None:
    """Known surnames (Nguyễn) decide without the tagger: of three sentences, only the one with 'Y Mơ Kpă'
    (no known surname) may be tagged."""
    from builder.extract.bind import bind
    from builder.extract.pipeline import article_context, sentences

    article = make_article("a1", "a1.txt", TEXT)
    assert any(h.person == "Nguyễn Văn An" for h in extract(article).holdings)
    ctx = article_context(article)
    assert isinstance(ctx.proper, ProperNames)
    for sent in sentences(article, ctx):
        bind(sent, ctx)
    assert len(sentences(article, ctx)) == 3 and ctx.proper.tagged == 1
    [(start, end)] = ctx.proper.found
    assert article.clean.text[start:end] == "Dự hội nghị có ông Y Mơ Kpă"  # up to the clause's end


class Asked:
    """A stand-in for ProperNames that notes every offset a rule asks the tagger about (and says yes)."""

    def __init__(self) -> None:
        self.offsets: list[int] = []

    def __contains__(self, offset: object) -> bool:
        self.offsets.append(offset)  # type: ignore[arg-type]
        return True


def _asked(sentence: str, word: str) -> bool:
    """Is the tagger asked whether a name starts at word, in sentence?"""
    from builder.extract.names import names
    from builder.gazetteer import gazetteer

    g = gazetteer()
    asked = Asked()
    names(g, g.syllables(sentence), sentence, 0, asked)
    return sentence.index(word) in asked.offsets


def _phrases(name: str) -> list[str]:
    [row] = [r for r in table("cues.tsv") if r["list"] == name]
    return [p.strip() for p in row["phrases"].split("|")]


def test_a_capitalised_word_after_a_comma_is_asked_about() -> None:
    """The control of the tests below: a capitalised pair that no list explains is a question for the tagger."""
    assert _asked("Hôm qua, Trí Dũng đã đến.", "Trí Dũng")


@pytest.mark.parametrize("word", _phrases("no-name-start"))
def test_no_name_start_words_are_not_asked_about(word: str) -> None:
    assert not _asked(f"Hôm qua, {word} Trí Dũng đã đến.", word)


@pytest.mark.parametrize("credit", _phrases("credit"))
def test_a_name_after_a_credit_is_not_asked_about(credit: str) -> None:
    assert not _asked(f"Hội nghị đã bế mạc. {credit}: Trí Dũng/TTXVN", "Trí Dũng")
    assert _asked("Hội nghị đã bế mạc: Trí Dũng/TTXVN", "Trí Dũng")  # a ':' after no credit


@pytest.mark.parametrize("head", [w for row in table("units.tsv") for w in (row["unit"], row["committee"])])
def test_the_name_after_a_unit_or_its_committee_is_not_asked_about(head: str) -> None:
    assert not _asked(f"Hôm qua, {head} Quế Sơn đã họp.", "Quế Sơn")  # 'Thành ủy Móng Cái' too


@pytest.mark.parametrize("head", _phrases("named-after"))
def test_a_name_after_a_venue_or_award_word_is_not_asked_about(head: str) -> None:
    """'phòng họp Diên Hồng', 'Giải Búa liềm vàng': the words after the head (and the head) name no person."""
    written = head[:1].upper() + head[1:]
    assert not _asked(f"Hôm qua, tại {head} Diên Hồng đã họp.", "Diên Hồng")
    assert not _asked(f"Hôm qua, {written} Diên Hồng đã họp.", written)


@pytest.mark.parametrize("year", _phrases("lunar-year"))
def test_a_lunar_year_is_not_asked_about(year: str) -> None:
    assert not _asked(f"Hôm qua, đón Xuân {year} đã xong.", year)


def test_a_known_surname_after_a_venue_word_is_still_a_name() -> None:
    """The lists only spare the tagger: 'điểm cầu Nguyễn Văn An' would still read the name of a known surname."""
    from builder.extract.names import names
    from builder.gazetteer import gazetteer

    g, text = gazetteer(), "Hôm qua, tại điểm cầu Nguyễn Văn An phát biểu."
    assert [n.text for n in names(g, g.syllables(text), text, 0)] == ["Nguyễn Văn An"]


@pytest.mark.parametrize("text, unit", [
    ("Hội nghị kết nối tới các điểm, Cẩm Lệ Đà Nẵng và các tỉnh.", "Cẩm Lệ Đà Nẵng"),
    ("Đại biểu dự tại hội trường Hoàn Kiếm Hà Nội đã phát biểu.", "Hoàn Kiếm Hà Nội"),
])
def test_a_unit_and_its_province_is_no_persons_name(text: str, unit: str) -> None:
    """Capitalised words ending in a province, with no known surname first, are a place however the tagger
    reads them: the tagger is not asked, and no name is found."""
    from builder.extract.names import names
    from builder.gazetteer import gazetteer

    g = gazetteer()
    assert not _asked(text, unit)
    assert [n.text for n in names(g, g.syllables(text), text, 0, Asked())] == []


def test_a_known_surname_before_a_province_is_still_a_name() -> None:
    from builder.extract.names import names
    from builder.gazetteer import gazetteer

    g, text = gazetteer(), "Ông Nguyễn Hòa Bình phát biểu."
    assert [n.text for n in names(g, g.syllables(text), text, 0)] == ["Nguyễn Hòa Bình"]


def test_a_list_number_stays_with_its_item():
    from builder.text.ingest import make_article
    from builder.text.nlp import split_sentences

    text = "Danh sách gồm:\n1. Ông Trần Văn An.\n2. Bà Lê Thị Bình; 3. Ông Phạm Văn Cường.\nNgày 5. Ông Hà nói."
    clean = make_article("x", "x.txt", text).clean
    got = [clean.text[a:b] for a, b, _ in split_sentences(clean)]
    assert "1. Ông Trần Văn An." in got and "2. Bà Lê Thị Bình; 3. Ông Phạm Văn Cường." in got
    assert "1." not in got and "2." not in got
    assert "Ông Hà nói." in got  # a number after a word is no list number
