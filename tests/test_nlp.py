"""underthesea is asked only where a rule needs it: a sentence is tagged when an offset in it is asked about."""

from __future__ import annotations

from builder.extract import extract
from builder.ingest import make_article
from builder.nlp import ProperNames, proper_name_starts, tag
from builder.normalize import normalize

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
    from builder.extract.context import article_context, sentences
    from builder.extract.titles import bind

    article = make_article("a1", "a1.txt", TEXT)
    assert any(h.person == "Nguyễn Văn An" for h in extract(article).holdings)
    ctx = article_context(article)
    assert isinstance(ctx.proper, ProperNames)
    for sent in sentences(article, ctx):
        bind(sent, ctx)
    assert len(sentences(article, ctx)) == 3 and ctx.proper.tagged == 1
    [(start, end)] = ctx.proper.found
    assert article.clean.text[start:end] == "Dự hội nghị có ông Y Mơ Kpă"  # up to the clause's end
