"""A spaCy pipeline around underthesea: word segmentation, POS tags, NER, sentences.

underthesea's CRF models ship inside its wheel and run offline. The spaCy `Doc`
keeps underthesea's words with their exact character offsets in the clean text,
`tag_` holds the POS tag and `doc.ents` the named entities; sentence starts come
from a rule splitter that knows Vietnamese abbreviations (T.Ư., TP.).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from typing import TYPE_CHECKING

from builder.text.normalize import Clean

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

WORD = re.compile(r"\S+")
CLAUSE = ",;:()"  # a name never spans these: the tagger reads the sentence up to the clause an offset is in
SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])")
NO_BREAK_AFTER = re.compile(r"(?:\b(?:TP|Tp|T\.Ư|TƯ|Q|P|TS|ThS|GS|PGS|Th\.S|Mr|St|tr|Nxb|v\.v)\.|\b[A-ZĐ]\.)$")


LIST_NUMBER = re.compile(r"\s*\d{1,3}\.")


def _list_number(text: str, start: int, end: int) -> bool:
    """Whether text[:end] ends with a list item's number ('1.') at the start of a line or after '; ', ': ' or
    ') ' (a run-on list whose items end with a figure in parentheses: '1. A: 469 (96%) 2. B …')."""
    begin = max(start, text.rfind("\n", start, end) + 1, text.rfind("; ", start, end) + 2,
                text.rfind(": ", start, end) + 2, text.rfind(") ", start, end) + 2)
    return LIST_NUMBER.fullmatch(text, begin, end) is not None


def split_sentences(clean: Clean) -> list[tuple[int, int, bool]]:
    """(start, end, is_caption) of each sentence of the non-metadata paragraphs."""
    out = []
    for para in clean.paragraphs:
        if para.meta:
            continue
        start = para.start
        for m in SENTENCE_BREAK.finditer(clean.text, para.start, para.end):
            if NO_BREAK_AFTER.search(clean.text, max(para.start, m.start() - 6), m.start()) \
                    or _list_number(clean.text, para.start, m.start()):
                continue
            out.append((start, m.start(), para.caption))
            start = m.end()
        if start < para.end:
            out.append((start, para.end, para.caption))
    return out


class UndertheseaTokenizer:
    """spaCy tokenizer: underthesea word segmentation aligned to the text's characters."""

    def __init__(self, vocab) -> None:  # type: ignore[no-untyped-def]
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        from spacy.tokens import Doc
        from underthesea import word_tokenize

        spans: list[tuple[int, int]] = []
        pos = 0
        for line in text.split("\n"):
            line_end = pos + len(line)
            for token in word_tokenize(line, use_token_normalize=False) if line.strip() else []:
                at = text.find(token, pos, line_end)
                if at >= 0:
                    spans += [m.span() for m in WORD.finditer(text, pos, at)]
                    spans.append((at, at + len(token)))
                    pos = at + len(token)
            spans += [m.span() for m in WORD.finditer(text, pos, line_end)]
            if line_end < len(text):
                spans.append((line_end, line_end + 1))
            pos = line_end + 1
        words = [text[a:b] for a, b in spans]
        spaces = [b < len(text) and text[b] == " " for _, b in spans]
        return Doc(self.vocab, words=words, spaces=spaces)


def ner_words(words: list[str]) -> list[tuple[str, str, str, str]]:
    """underthesea's ner() (POS, chunk and NER CRFs) over words already segmented: (word, POS, chunk, NER)
    rows, one per word. ner() itself would segment its text again, which the tokenizer has done."""
    from underthesea.pipeline.chunking.model_crf import CRFChunkingPredictor
    from underthesea.pipeline.ner.model_crf import CRFNERPredictor
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

    tagged = CRFPOSTagPredictor.Instance().predict(words)
    return CRFNERPredictor.Instance().predict(CRFChunkingPredictor.Instance().predict(tagged))


def _tag_component(doc: Doc) -> Doc:
    """underthesea POS tags and NER labels on the words the tokenizer made."""
    from spacy.tokens import Span

    ents = []
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        label, begin = None, 0
        for k, (tok, row) in enumerate(zip(tokens, ner_words([t.text for t in tokens]))):
            tok.tag_ = row[1]
            iob = row[3]
            if label and not iob.startswith("I-"):
                ents.append(Span(doc, tokens[begin].i, tokens[k - 1].i + 1, label=label))
                label = None
            if iob.startswith("B-"):
                label, begin = iob[2:], k
        if label:
            ents.append(Span(doc, tokens[begin].i, tokens[-1].i + 1, label=label))
    doc.ents = [e for e in ents if not any(t.is_space for t in e)]
    return doc


@cache
def pipeline() -> Language:
    """The spaCy pipeline (built once per process)."""
    import spacy
    from spacy.language import Language

    nlp = spacy.blank("xx")
    nlp.tokenizer = UndertheseaTokenizer(nlp.vocab)
    if "vi_underthesea_tagger" not in Language.factories:
        Language.component("vi_underthesea_tagger", func=_tag_component)
    nlp.add_pipe("vi_underthesea_tagger")
    return nlp


def tag(text: str) -> Doc:
    """Run the pipeline over a text whose lines are its sentences (one line: one sentence)."""
    nlp = pipeline()
    doc = nlp.make_doc(text)
    for tok in doc:
        tok.is_sent_start = tok.i == 0 or doc[tok.i - 1].text == "\n"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def proper_name_starts(doc: Doc) -> frozenset[int]:
    """Character offsets where underthesea sees a multi-syllable proper name (POS Np or NER PER)."""
    starts = {t.idx for t in doc if t.tag_ == "Np" and " " in t.text}
    starts |= {e.start_char for e in doc.ents if e.label_ == "PER" and " " in e.text}
    return frozenset(starts)


class ProperNames:
    """The offsets of a clean text where underthesea sees a multi-syllable proper name.

    Tagging is the costly step of a build, and a rule needs it only where a capitalised word that is not a
    known surname could start a name. So `offset in names` tags the sentence holding the offset, from its
    start (the tagger's left context) to the end of the offset's clause (a name never spans ",;:()"), the
    first time it is asked about, and keeps the answer; sentences nobody asks about are never tagged. On
    the dev articles this gives the facts of tagging every whole sentence.
    """

    def __init__(self, clean: Clean) -> None:
        self.text = clean.text
        self.spans = [(start, end) for start, end, _ in split_sentences(clean)]
        self.starts = [start for start, _ in self.spans]
        self.found: dict[tuple[int, int], frozenset[int]] = {}  # clause → its name starts

    def __contains__(self, offset: object) -> bool:
        if not isinstance(offset, int):
            return False
        k = bisect_right(self.starts, offset) - 1
        if k < 0 or offset >= self.spans[k][1]:
            return False
        start, end = self.spans[k]
        after = [i for c in CLAUSE if (i := self.text.find(c, offset, end)) >= 0]
        window = (start, min(after, default=end))
        if window not in self.found:
            a, b = window
            self.found[window] = frozenset(a + at for at in proper_name_starts(tag(self.text[a:b])))
        return offset in self.found[window]

    @property
    def tagged(self) -> int:
        """How many windows (sentence starts to clause ends) were tagged."""
        return len(self.found)
