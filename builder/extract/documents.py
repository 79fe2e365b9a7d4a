"""Party documents cited: 'Quy định số 205-QĐ/TW ngày 23/9/2019 của Bộ Chính trị', 'Kết luận số 75'."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from builder.extract.bodies import body_after
from builder.extract.dates import find_dates
from builder.extract.rules import Example, Rule, evidence, register, steps
from builder.gazetteer import gazetteer
from builder.model import DocumentFact, Evidence
from builder.resources import table

if TYPE_CHECKING:
    from builder.extract.context import ArticleContext, Sentence

SYMBOL = r"\d+[-–][A-ZĐ][A-Za-zĐđ]{0,7}(?:/[A-ZĐ][A-Za-zĐđ.]{0,9})+"  # 35-CT/TW, 05-TTr/ThU


@cache
def _kinds() -> dict[str, str]:
    """Every written kind (a kind or one of its variants, document_kinds.tsv) → the kind."""
    out = {}
    for row in table("document_kinds.tsv"):
        for written in [row["kind"], *filter(None, row["variants"].split("|"))]:
            out[written] = row["kind"]
    return out


KINDS = "|".join(sorted(map(re.escape, _kinds()), key=len, reverse=True))
CITED = re.compile(
    rf"(?P<kind>{KINDS})\s+(?:số\s+)?(?P<num>{SYMBOL}|\d+(?![\d/-]|[.,]\d))"
    rf"|(?<![\w/-])số\s+(?P<sym>{SYMBOL})")
NAMED = re.compile(
    r"(?P<kind>Kết luận|Nghị quyết)\s+(?:của\s+)?Hội nghị (?:lần thứ\s+\S+\s+)?"
    r"(?:Ban Chấp hành\s+)?Trung ương\s*(?:\d+\s+)?(?:Đảng\s+)?[Kk]hóa\s+[IVXLC]+")
OF = re.compile(r"^\s*(?:,\s*)?(?:ngày\s+[\d/.-]+\s*(?:năm\s+\d{4}\s*)?)?(?:của|do)\s+")
STATE = re.compile(r"^\s*/\d{4}|^/[A-ZĐ]+-(CP|TTg|QH|BNV|UBTVQH)")


@cache
def bare_number_kinds() -> frozenset[str]:
    """Kinds a Party text cites by a bare number ("Nghị quyết 34"; document_kinds.tsv's bare_number)."""
    return frozenset(row["kind"] for row in table("document_kinds.tsv") if row["bare_number"] == "yes")


STATE_WORDS = ("Hội đồng nhân dân", "Ủy ban nhân dân", "Quốc hội", "Chính phủ", "Thủ tướng", "Bộ ")


def party_body(name: str) -> bool:
    """Is the body a Party organ (bodies.tsv's kind party-…, or a Party committee or commission of a place)?"""
    kind = gazetteer().body_kinds.get(name)
    if kind:
        return kind.startswith("party")
    return not any(w in name for w in STATE_WORDS)


def _cited_bare(kind: str, issuer: str | None) -> bool:
    """A number without a symbol is a Party document when its kind is cited so and no state body issued it
    ('Nghị quyết số 863 … của Ủy ban Thường vụ Quốc hội' is not), or when a Party body issued it ('Kế hoạch
    số 71 của Ban Thường vụ Tỉnh ủy', 'Công văn số 514 của Văn phòng Trung ương Đảng')."""
    if issuer is not None and not party_body(issuer):
        return False
    return kind in bare_number_kinds() or issuer is not None


@cache
def _issuers() -> dict[str, str]:
    return {r["code"]: r["issuer"] for r in table("issuers.tsv")}


@cache
def _codes() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in table("document_kinds.tsv"):
        for code in row["codes"].split("|"):
            out.setdefault(code, row["kind"])
    return out


def find_documents(sent: Sentence, ctx: ArticleContext) -> list[DocumentFact]:
    """Documents cited in a sentence: the steps of stage "documents", in order."""
    return [d for step, rule in steps("documents") for d in step(sent, ctx, evidence(rule, sent))]


def _cited(sent: Sentence, ctx: ArticleContext, ev: Evidence, symbol: bool) -> list[DocumentFact]:
    """Documents cited by number and symbol (symbol) or by a bare number, with the date and issuing body
    written after the number."""
    out = []
    sentence = sent.text
    issuers, codes = _issuers(), _codes()
    for m in CITED.finditer(sentence):
        tail = sentence[m.end():m.end() + 20]
        number = (m.group("num") or m.group("sym")).replace("–", "-")
        if STATE.match(tail) or ("/" in number) != symbol:
            continue
        kind = _kinds().get(m.group("kind") or "")
        code = re.match(r"\d+-([A-ZĐ][A-Za-zĐđ]*)", number)
        issuer_code = number.rsplit("/", 1)[1] if "/" in number else None
        if not kind:
            kind = codes.get(code.group(1)) if code else None
            if not kind:
                continue
        after = sentence[m.end():m.end() + 160]
        dates = [d for d in find_dates(after[:40]) if d.year]
        date = f"{dates[0].year:04d}-{dates[0].month:02d}-{dates[0].day:02d}" if dates else None
        issuer = None
        if of := OF.match(after):
            issuer = body_after(ctx, after[of.end():])
        if not issuer and issuer_code:
            issuer = issuers.get(issuer_code)
        if not symbol and not _cited_bare(kind, issuer):
            continue
        out.append(DocumentFact(number, kind, number.split("-")[0], date, issuer, ev))
    return out


@register("documents", Rule("document-symbol", "document", 0.90, "a Party document cited by number and symbol "
                            "(205-QĐ/TW)", (
    Example("Các cấp ủy quán triệt Quy định số 205-QĐ/TW ngày 23/9/2019 của Bộ Chính trị.",
            {"kind": "Quy định", "id_as_written": "205-QĐ/TW", "date": "2019-09-23", "issuer": "Bộ Chính trị"}),
)))
def by_symbol(sent: Sentence, ctx: ArticleContext, ev: Evidence) -> list[DocumentFact]:
    return _cited(sent, ctx, ev, symbol=True)


@register("documents", Rule("document-number", "document", 0.70, "a Party document of a kind cited by a bare number "
                            "(Kết luận 75)", (
    Example("Tỉnh ủy ban hành kế hoạch thực hiện Kết luận số 75 của Bộ Chính trị.",
            {"kind": "Kết luận", "id_as_written": "75"}),
)))
def by_number(sent: Sentence, ctx: ArticleContext, ev: Evidence) -> list[DocumentFact]:
    return _cited(sent, ctx, ev, symbol=False)


@register("documents", Rule("document-named", "document", 0.70, "a resolution named by its plenum ('Nghị quyết Hội "
                            "nghị Trung ương 4 khóa XII')", (
    Example("Đảng bộ tiếp tục thực hiện Nghị quyết Hội nghị Trung ương 4 khóa XII về xây dựng Đảng.",
            {"kind": "Nghị quyết", "id_as_written": "Nghị quyết Hội nghị Trung ương 4 khóa XII"}),
)))
def by_plenum(sent: Sentence, ctx: ArticleContext, ev: Evidence) -> list[DocumentFact]:
    return [DocumentFact(m.group(), m.group("kind"), m.group(), None, "Ban Chấp hành Trung ương", ev)
            for m in NAMED.finditer(sent.text)]
