"""Every gazetteer entry is used the way its file claims.

"Used" means the running code recognises it: for each entry, and each of its
written variants, a short sentence is built around it and given to the real
matchers — ``bind``/``title_at``/``body_at``/``names`` of builder.extract.titles,
``kind_at``/``find_events`` of builder.extract.events, ``find_documents`` of
builder.extract.documents, and the Gazetteer's own abbreviation expansion —
which must map it to the entry's canonical name.  A variant that folding or the
abbreviations already cover is redundant and fails too.  The lists that steer rules
rather than name things are checked by their effect: each cue phrase of cues.tsv in a
sentence built for its list (a former title gives no holding, a presence verb puts a
person at the meeting …), each term head owning a term, each single-holder rule,
committee role, member role and bare-number kind doing what its column says.  Test ids name the
file and the entry.  Well-formedness is checked in test_gazetteer_files.py.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import pytest

from builder.extract.bind import bind
from builder.extract.bodies import body_at, expand
from builder.extract.context import ArticleContext
from builder.extract.documents import _codes, find_documents
from builder.extract.events import find_events, kind_at
from builder.extract.names import names
from builder.extract.titles import title_at
from builder.gazetteer import LocalBody, Place, gazetteer
from builder.resources import table

G = gazetteer()
NO_PLACE = ArticleContext()
PERSON = "Nguyễn Văn An"
TOWN = "Gia Lâm"  # a district-level name that is not a province
PLACES = G.place_list
SAMPLE_PLACES = [p for p in PLACES if p.name in {"Ninh Bình", "Hà Nội", "Thành phố Hồ Chí Minh"}]


class Case(NamedTuple):
    file: str
    entry: str  # the canonical entry
    form: str  # the canonical entry or one of its variants
    row: dict[str, str]


def _variants(row: dict[str, str]) -> list[str]:
    return [v.strip() for v in row.get("variants", "").split("|") if v.strip()]


def cases(file: str, key: str, lists: tuple[str, ...] = ("variants",)) -> list[Any]:
    """One pytest param per written form of every entry, with an id naming file and form."""
    out = []
    for row in table(file):
        forms = [row[key]] + [v for col in lists for v in row.get(col, "").split("|") if v.strip()]
        for form in dict.fromkeys(forms):
            out.append(pytest.param(Case(file, row[key], form, row), id=f"{file}:{row[key]}:{form}"))
    return out


def _spaced(text: str) -> str:
    return " ".join(text.split())


def holdings(sentence: str, ctx: ArticleContext = NO_PLACE) -> list[tuple[str, str, str]]:
    """(person, role, body) that titles.bind finds in one sentence."""
    return [(n.text, t.role, t.body) for n, t, _ in bind(ctx.sentence(sentence), ctx).holdings]


def whole_body(text: str, ctx: ArticleContext = NO_PLACE) -> str | None:
    """The body titles.body_at reads when the whole text is one body name."""
    syls = G.syllables(text)
    hit = body_at(G, syls, 0, ctx)
    return hit[1] if hit and hit[0] == len(syls) else None


def whole_title(text: str) -> tuple[str, str] | None:
    syls = G.syllables(text)
    hit = title_at(G, syls, 0, NO_PLACE)
    return (hit.role, hit.body) if hit and hit.end == len(syls) else None


def whole_place(text: str) -> str | None:
    keys = G.keys(text)
    hit = G.places.longest(keys, 0)
    return hit[1].name if hit and hit[0] == len(keys) else None


def recognise(text: str) -> tuple[Any, ...]:
    """Everything the matchers read in a phrase taken whole (body, title, place, role, event kind)."""
    keys = G.keys(text)
    role = G.roles.longest(keys, 0)
    kind = kind_at(G, keys, 0)
    return (whole_body(text), whole_title(text), whole_place(text),
            role[1] if role and role[0] == len(keys) else None,
            kind[1] if kind and kind[0] == len(keys) else None)


def _redundant(case: Case, other_forms: list[str]) -> None:
    """A variant must add a path the matcher would not have without it."""
    if case.form == case.entry:
        return
    keys = G.keys(case.form)
    same = [f for f in other_forms if f != case.form and G.keys(f) == keys]
    assert not same, f"{case.file}: {case.form!r} reads like {same[0]!r} (folding or abbreviations cover it)"


def _forms(file: str, key: str) -> list[str]:
    return [f for row in table(file) for f in [row[key], *_variants(row)]]


# roles.tsv -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("case", cases("roles.tsv", "role"))
def test_role_is_bound_to_a_person(case: Case) -> None:
    """'Ông A, <role> <body>, phát biểu.' gives (A, role, body); a role with a default body needs none."""
    _redundant(case, _forms("roles.tsv", "role"))
    keys = G.keys(case.form)
    assert G.roles.longest(keys, 0) == (len(keys), case.entry)
    body = case.row["default_body"]
    written = case.form if body else f"{case.form} Bộ Nội vụ"
    expected = (PERSON, case.entry, body or "Bộ Nội vụ")
    assert expected in holdings(f"Ông {PERSON}, {written}, phát biểu.")
    assert expected in holdings(f"{written} {PERSON} phát biểu.")


# titles.tsv ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", cases("titles.tsv", "written", ()))
def test_title_gives_its_role_and_body(case: Case) -> None:
    expected = (PERSON, case.row["role"], case.row["body"].replace(" {place}", ""))  # no place anywhere
    assert expected in holdings(f"Ông {PERSON}, {case.form}, phát biểu.")
    assert expected in holdings(f"{case.form} {PERSON} phát biểu.")


# bodies.tsv ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", cases("bodies.tsv", "body"))
def test_body_is_read_whole(case: Case) -> None:
    _redundant(case, _forms("bodies.tsv", "body"))
    assert whole_body(case.form) == case.entry
    sentence = f"Ông {PERSON}, Phó Trưởng ban {case.form}, phát biểu."
    assert (PERSON, "Phó Trưởng ban", case.entry) in holdings(sentence)


# places.tsv ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", cases("places.tsv", "name"))
def test_place_names_its_local_bodies(case: Case) -> None:
    _redundant(case, _forms("places.tsv", "name"))
    place = Place(case.entry, case.row["unit"])
    assert whole_place(case.form) == case.entry
    assert whole_body(f"Ủy ban nhân dân {case.form}") == _spaced(f"Ủy ban nhân dân {place.unit} {place.name}")
    sentence = f"Ông {PERSON}, Bí thư {place.committee} {case.form}, phát biểu."
    assert (PERSON, "Bí thư", f"{place.committee} {case.entry}") in holdings(sentence)


# local_bodies.tsv ----------------------------------------------------------------------------------

@pytest.mark.parametrize("case", cases("local_bodies.tsv", "pattern"))
def test_local_body_for_every_place(case: Case) -> None:
    """Each template, filled with each place (or a district name), reads as the canonical body."""
    template = LocalBody(case.entry, case.row["level"])
    if template.level == "district":
        assert whole_body(case.form.format(place=TOWN)) == case.entry.format(place=TOWN)
        return
    wrong = []
    for place in PLACES:
        written = _spaced(case.form.format(committee=place.committee, unit=place.unit, place=place.name))
        if whole_body(written) != template.fill(place):
            wrong.append(f"{written!r} → {whole_body(written)!r}")
    assert not wrong, "; ".join(wrong[:5])
    if case.form != case.entry:
        same = all(G.keys(_spaced(case.form.format(committee=p.committee, unit=p.unit, place=p.name)))
                   == G.keys(template.fill(p)) for p in SAMPLE_PLACES)
        assert not same, f"{case.form!r} reads like its pattern"
    place = SAMPLE_PLACES[0]
    sentence = f"Ông {PERSON}, Bí thư {template.fill(place)}, phát biểu."
    assert (PERSON, "Bí thư", template.fill(place)) in holdings(sentence)


# surnames.tsv --------------------------------------------------------------------------------------


@pytest.mark.parametrize("surname", [
    pytest.param(r["surname"], id=f"surnames.tsv:{r['surname']}")
    for r in table("surnames.tsv")])
def test_surname_starts_a_name(surname: str) -> None:
    full = f"{surname} Minh An"
    sentence = f"Ý kiến của {full} được ghi nhận."
    assert full in [n.text for n in names(G, G.syllables(sentence), sentence, 0)]


# event_kinds.tsv -----------------------------------------------------------------------------------


@pytest.mark.parametrize("case", [p for p in cases("event_kinds.tsv", "kind", ("triggers",))
                                  if p.values[0].form in p.values[0].row["triggers"].split("|")])
def test_event_trigger_gives_its_kind(case: Case) -> None:
    keys = G.keys(case.form)
    meets = " 8 Ban Chấp hành Trung ương Đảng" if "lần thứ" in case.form else ""  # a numbered plenum names who meets
    assert kind_at(G, G.keys(case.form + meets), 0) == (len(keys), case.entry)
    sentence = f"Sáng 12/3/2024, {case.form[0].upper()}{case.form[1:]}{meets} diễn ra tại Hà Nội."
    ctx = ArticleContext(published="2024-03-12")
    events = find_events(ctx.sentence(sentence), ctx)
    assert [e.kind for e in events] == [case.entry]


# document_kinds.tsv and issuers.tsv ----------------------------------------------------------------


def _documents(sentence: str) -> list[tuple[str, str | None]]:
    return [(d.kind, d.issuer) for d in find_documents(NO_PLACE.sentence(sentence), NO_PLACE)]


@pytest.mark.parametrize("case", cases("document_kinds.tsv", "kind", ("variants",)))
def test_document_kind_written(case: Case) -> None:
    """'<kind> số 15-<code>/TW' is a document of that kind."""
    code = case.row["codes"].split("|")[0]
    found = _documents(f"Thực hiện {case.form} số 15-{code}/TW ngày 3/2/2024, các cấp ủy triển khai.")
    assert [k for k, _ in found] == [case.entry]


@pytest.mark.parametrize("code,kind", [
    pytest.param(code, r["kind"], id=f"document_kinds.tsv:{r['kind']}:{code}")
    for r in table("document_kinds.tsv") for code in r["codes"].split("|")])
def test_document_code_gives_its_kind(code: str, kind: str) -> None:
    """'số 15-<code>/TW' alone names the kind; a code shared by two kinds (QĐ, see the file) names the first."""
    found = _documents(f"Thực hiện văn bản số 15-{code}/TW ngày 3/2/2024, các cấp ủy triển khai.")
    assert [k for k, _ in found] == [_codes()[code]]
    if _codes()[code] != kind:  # shared code: the written kind word decides
        found = _documents(f"Thực hiện {kind} số 15-{code}/TW ngày 3/2/2024.")
        assert [k for k, _ in found] == [kind]


@pytest.mark.parametrize("row", [
    pytest.param(r, id=f"issuers.tsv:{r['code']}")
    for r in table("issuers.tsv")])
def test_issuer_code_gives_its_issuer(row: dict[str, str]) -> None:
    found = _documents(f"Thực hiện Hướng dẫn số 17-HD/{row['code']} ngày 3/2/2024, các cấp ủy triển khai.")
    assert found == [("Hướng dẫn", row["issuer"])]


# abbreviations.tsv ---------------------------------------------------------------------------------


def _catalogue() -> list[str]:
    """Whole phrases the matchers know: every form of every name file, local bodies filled in,
    and 'Ủy viên <body>' for the titles written as role + body."""
    out = _forms("roles.tsv", "role") + [r["written"] for r in table("titles.tsv")]
    bodies = _forms("bodies.tsv", "body")
    out += bodies + [f"Ủy viên {b}" for b in bodies] + _forms("places.tsv", "name")
    for row in table("local_bodies.tsv"):
        for form in [row["pattern"], *_variants(row)]:
            out += [_spaced(form.format(committee=p.committee, unit=p.unit, place=p.name)) for p in SAMPLE_PLACES]
    out += [t for r in table("event_kinds.tsv") for t in r["triggers"].split("|")]
    return list(dict.fromkeys(out))


CATALOGUE = _catalogue()


@pytest.mark.parametrize("row", [pytest.param(r, id=f"abbreviations.tsv:{r['abbreviation']}")
                                 for r in table("abbreviations.tsv")])
def test_abbreviation_expands_inside_a_known_name(row: dict[str, str]) -> None:
    """The abbreviation reads as its expansion, and written in place of it inside a known name
    it is recognised as that name."""
    abbr, expansion = row["abbreviation"], row["expansion"]
    wanted = G.keys(expansion)
    assert G.keys(abbr) == wanted
    tried = []
    for phrase in CATALOGUE:
        syls = G.syllables(phrase)
        keys = [s.key for s in syls]
        for a in range(len(keys) - len(wanted) + 1):
            if keys[a:a + len(wanted)] == wanted:
                short = phrase[:syls[a].start] + abbr + phrase[syls[a + len(wanted) - 1].end:]
                seen = recognise(phrase)
                if any(seen) and recognise(short) == seen:
                    return
                tried.append(short)
                break
    pytest.fail(f"{abbr!r}: its expansion {expansion!r} is in no known name" if not tried
                else f"{abbr!r} is not recognised in {tried[:3]}")


# Written forms the brief and the gold conventions name, read through the abbreviations and folding.
SPELLINGS = [
    ("TP.HCM", "Thành phố Hồ Chí Minh"), ("TP HCM", "Thành phố Hồ Chí Minh"),
    ("TPHCM", "Thành phố Hồ Chí Minh"), ("TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
    ("TP. HCM", "Thành phố Hồ Chí Minh"), ("Thanh Hoá", "Thanh Hóa"), ("Khánh Hoà", "Khánh Hòa"),
]
BODY_SPELLINGS = [
    ("Thành uỷ TP.HCM", "Thành ủy Thành phố Hồ Chí Minh"),
    ("Thành ủy TP. Hồ Chí Minh", "Thành ủy Thành phố Hồ Chí Minh"),
    ("Tỉnh uỷ Thanh Hoá", "Tỉnh ủy Thanh Hóa"),
    ("Ban TVTU Ninh Bình", "Ban Thường vụ Tỉnh ủy Ninh Bình"),
    ("Ban Tổ chức T.Ư", "Ban Tổ chức Trung ương"),
    ("Ban Tổ chức TƯ", "Ban Tổ chức Trung ương"),
    ("Ban Tổ chức TW", "Ban Tổ chức Trung ương"),
    ("BCH Trung ương", "Ban Chấp hành Trung ương"),
    ("Uỷ ban Kiểm tra Trung ương", "Ủy ban Kiểm tra Trung ương"),
    ("UBKT Trung ương", "Ủy ban Kiểm tra Trung ương"),
    ("Đảng ủy Khối DNTW", "Đảng ủy Khối Doanh nghiệp Trung ương"),
    ("HĐND tỉnh Ninh Bình", "Hội đồng nhân dân tỉnh Ninh Bình"),
    ("UBND TP.HCM", "Ủy ban nhân dân Thành phố Hồ Chí Minh"),
    ("Đoàn ĐBQH tỉnh Ninh Bình", "Đoàn đại biểu Quốc hội tỉnh Ninh Bình"),
    ("Uỷ ban MTTQ Việt Nam tỉnh Ninh Bình", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Ninh Bình"),
    ("TAND tối cao", "Tòa án nhân dân tối cao"),
    ("VKSND tối cao", "Viện kiểm sát nhân dân tối cao"),
    ("Bộ GD&ĐT", "Bộ Giáo dục và Đào tạo"),
    ("Bộ LĐ-TB&XH", "Bộ Lao động - Thương binh và Xã hội"),
    ("Bộ VH,TT&DL", "Bộ Văn hóa, Thể thao và Du lịch"),
    ("Trung ương Đoàn TNCS Hồ Chí Minh", "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
]
TITLE_SPELLINGS = [
    ("Trưởng Ban Tổ chức T.Ư", ("Trưởng ban", "Ban Tổ chức Trung ương")),
    ("Uỷ viên BCT", ("Ủy viên", "Bộ Chính trị")), ("Bí thư T.Ư Đảng", ("Bí thư", "Ban Bí thư")),
    ("Uỷ viên Ban TVTU Ninh Bình", ("Ủy viên", "Ban Thường vụ Tỉnh ủy Ninh Bình")),
    ("Chủ tịch HĐTV Tập đoàn Điện lực Việt Nam", ("Chủ tịch", "Hội đồng thành viên Tập đoàn Điện lực Việt Nam")),
]


@pytest.mark.parametrize("written,place", SPELLINGS)
def test_place_spelling(written: str, place: str) -> None:
    assert whole_place(written) == place


@pytest.mark.parametrize("written,body", BODY_SPELLINGS)
def test_body_spelling(written: str, body: str) -> None:
    assert whole_body(written) == body


@pytest.mark.parametrize("written,title", TITLE_SPELLINGS)
def test_title_spelling(written: str, title: tuple[str, str]) -> None:
    assert whole_title(written) == title


# roles.tsv: single_holder and committee -------------------------------------------------------------

SINGLE = [pytest.param(r, id=f"roles.tsv:single_holder:{r['role']}") for r in table("roles.tsv") if r["single_holder"]]


@pytest.mark.parametrize("row", SINGLE)
def test_single_holder_rule(row: dict[str, str]) -> None:
    """'yes' holds in any body, 'yes except A|B' not in A or B, 'only A' only in A; no other role is single."""
    word, _, rest = row["single_holder"].partition(" ")
    named = [b.strip() for b in rest.removeprefix("except").split("|") if b.strip()]
    body = row["default_body"] or "Tỉnh ủy Nghệ An"
    if word == "only":
        assert all(G.is_single_holder(row["role"], b) for b in named)
        assert not G.is_single_holder(row["role"], "Tỉnh ủy Nghệ An")
    else:
        assert G.is_single_holder(row["role"], body)
        assert not any(G.is_single_holder(row["role"], f"{b} X") for b in named)


def test_roles_without_single_holder_are_not_single() -> None:
    plain = [r["role"] for r in table("roles.tsv") if not r["single_holder"]]
    assert plain and not any(G.is_single_holder(role, "Tỉnh ủy Nghệ An") for role in plain)


@pytest.mark.parametrize("role", [pytest.param(r["role"], id=f"roles.tsv:committee:{r['role']}")
                                  for r in table("roles.tsv") if r["committee"] == "yes"])
def test_committee_role_takes_the_articles_committee(role: str) -> None:
    """A committee role written without a body belongs to the committee of the article's place."""
    [place] = [p for p in PLACES if p.name == "Ninh Bình"]
    ctx = ArticleContext(place=place)
    assert (PERSON, role, "Tỉnh ủy Ninh Bình") in holdings(f"Ông {PERSON}, {role}, phát biểu.", ctx)
    assert all(b != "Tỉnh ủy Ninh Bình" for _, r, b in holdings(f"Ông {PERSON}, Chánh Văn phòng, phát biểu.", ctx))


# bodies.tsv: member_role ---------------------------------------------------------------------------


@pytest.mark.parametrize("row", [pytest.param(r, id=f"bodies.tsv:member_role:{r['body']}")
                                 for r in table("bodies.tsv") if r["member_role"]])
def test_joining_a_body_gives_its_member_role(row: dict[str, str]) -> None:
    assert (PERSON, row["member_role"], row["body"]) in holdings(f"Ông {PERSON} được bầu bổ sung vào {row['body']}.")


def test_joining_other_bodies_makes_an_uy_vien() -> None:
    assert (PERSON, "Ủy viên", "Bộ Chính trị") in holdings(f"Ông {PERSON} được bầu bổ sung vào Bộ Chính trị.")


# document_kinds.tsv: bare_number -------------------------------------------------------------------


@pytest.mark.parametrize("row", [pytest.param(r, id=f"document_kinds.tsv:bare_number:{r['kind']}")
                                 for r in table("document_kinds.tsv")])
def test_bare_number_kinds(row: dict[str, str]) -> None:
    """'<kind> số 12' with no issuer is a document only for the kinds cited by a bare number; with a Party
    issuer every kind is, with a state issuer none is."""
    found = _documents(f"Các cấp ủy thực hiện nghiêm {row['kind']} số 12 ngày 3/5/2024.")
    assert bool(found) == (row["bare_number"] == "yes"), found
    assert _documents(f"Các cấp ủy thực hiện {row['kind']} số 12 của Ban Thường vụ Tỉnh ủy Nghệ An.")
    assert not _documents(f"Xã được lập theo {row['kind']} số 12 của Ủy ban Thường vụ Quốc hội.")


# term_heads.tsv ------------------------------------------------------------------------------------


def _terms(sentence: str) -> list[tuple[str, int, int]]:
    from builder.extract.terms import find_terms

    return [(t.body, t.start, t.end) for t in find_terms(NO_PLACE.sentence(sentence), NO_PLACE)]


@pytest.mark.parametrize("row", [pytest.param(r, id=f"term_heads.tsv:{r['head']}") for r in table("term_heads.tsv")])
def test_term_head_names_the_owner_of_a_term(row: dict[str, str]) -> None:
    head = row["head"]
    [(body, start, end)] = _terms(f"Sáng nay, {head} tỉnh Kon Tum nhiệm kỳ 2020-2025 họp phiên đầu tiên.")
    owner = head if row["owner"] == "head" else expand(NO_PLACE, f"{head} tỉnh Kon Tum")
    assert (start, end) == (2020, 2025) and body == owner, body
    lower = _terms(f"Sáng nay, {head.lower()} tỉnh Kon Tum nhiệm kỳ 2020-2025 họp phiên đầu tiên.")
    assert bool(lower) == (row["case"] == "any"), lower


# cues.tsv ------------------------------------------------------------------------------------------

def _cues(name: str) -> list[Any]:
    row = next(r for r in table("cues.tsv") if r["list"] == name)
    return [pytest.param(p.strip(), id=f"cues.tsv:{name}:{p.strip()}") for p in row["phrases"].split("|") if p.strip()]


SECRETARY = ("Bí thư", "Tỉnh ủy Nghệ An")


def changes(sentence: str) -> dict[tuple[str, str, str], tuple[str, str | None, str | None, str | None]]:
    """(person, role, body) → (change, cue, predecessor, successor) that extraction reports for one sentence."""
    from builder.extract import extract
    from builder.text.ingest import make_article

    return {(h.person, h.role, h.body): (h.change, h.cue, h.predecessor, h.successor)
            for h in extract(make_article("cue", "cue.txt", sentence)).holdings}


OTHER = "Trần Văn Bình"


@pytest.mark.parametrize("cue, kind", [pytest.param(*p.values, name, id=p.id) for name in ("take-up", "leave")
                                       for p in _cues(name)])
def test_take_up_and_leave_cues(cue: str, kind: str) -> None:
    got = changes(f"Hội nghị {cue} Bí thư Tỉnh ủy Nghệ An {PERSON}.")
    assert got[(PERSON, *SECRETARY)][:2] == (kind, cue)


@pytest.mark.parametrize("cue", _cues("not-take-up"))
def test_not_take_up_cue(cue: str) -> None:
    assert changes(f"Hội nghị {cue} Bí thư Tỉnh ủy Nghệ An {PERSON}.")[(PERSON, *SECRETARY)][0] == "hold"


@pytest.mark.parametrize("cue", _cues("current"))
def test_current_cue(cue: str) -> None:
    assert changes(f"Hội nghị phân công Bí thư Tỉnh ủy Nghệ An {PERSON}.")[(PERSON, *SECRETARY)][0] == "take-up"
    got = changes(f"Hội nghị phân công, {cue} Bí thư Tỉnh ủy Nghệ An {PERSON}.")
    assert got[(PERSON, *SECRETARY)][:2] == ("hold", cue)


@pytest.mark.parametrize("cue", _cues("leave-after"))
def test_leave_after_cue(cue: str) -> None:
    got = changes(f"Ông {PERSON}, Ủy viên Ban Thường vụ Tỉnh ủy Nghệ An, Bí thư Tỉnh ủy Nghệ An, {cue}.")
    assert got[(PERSON, *SECRETARY)][:2] == ("leave", cue)
    assert got[(PERSON, "Ủy viên", "Ban Thường vụ Tỉnh ủy Nghệ An")][:2] == ("leave", cue)


@pytest.mark.parametrize("cue", _cues("succession"))
def test_succession_cue(cue: str) -> None:
    got = changes(f"Bộ Chính trị phân công ông {PERSON} giữ chức Bí thư Tỉnh ủy Nghệ An {cue} ông {OTHER}, "
                  "Bí thư Tỉnh ủy Nghệ An.")
    assert got[(PERSON, *SECRETARY)] == ("take-up", "giữ chức", OTHER, None)
    assert got[(OTHER, *SECRETARY)][0::3] == ("leave", PERSON)


@pytest.mark.parametrize("cue", _cues("not-succession"))
def test_not_succession_cue(cue: str) -> None:
    got = changes(f"Bộ Chính trị phân công ông {PERSON} giữ chức Bí thư Tỉnh ủy Nghệ An, {cue} ông {OTHER} phát biểu.")
    assert got[(PERSON, *SECRETARY)] == ("take-up", "giữ chức", None, None)


@pytest.mark.parametrize("cue", _cues("former"))
def test_former_cue(cue: str) -> None:
    assert (PERSON, *SECRETARY) not in holdings(f"Ông {PERSON}, {cue} Bí thư Tỉnh ủy Nghệ An, phát biểu.")
    assert (PERSON, *SECRETARY) in holdings(f"Ông {PERSON}, Bí thư Tỉnh ủy Nghệ An, phát biểu.")


@pytest.mark.parametrize("cue", _cues("incoming"))
def test_incoming_cue(cue: str) -> None:
    assert (PERSON, *SECRETARY) in holdings(f"Ông {PERSON}, {cue} Bí thư Tỉnh ủy Nghệ An, phát biểu.")


@pytest.mark.parametrize("cue", _cues("honorific"))
def test_honorific_cue(cue: str) -> None:
    assert (PERSON, *SECRETARY) in holdings(f"Bí thư Tỉnh ủy Nghệ An {cue} {PERSON} phát biểu.")


@pytest.mark.parametrize("cue", _cues("past"))
def test_past_cue(cue: str) -> None:
    got = holdings(f"Ông {PERSON}, Phó Chủ tịch Ủy ban nhân dân tỉnh Nghệ An, {cue} Bí thư Huyện ủy Gia Lâm.")
    assert (PERSON, "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Nghệ An") in got
    assert not [h for h in got if h[1] == "Bí thư"], got


@pytest.mark.parametrize("cue", _cues("holding-verb"))
def test_holding_verb_cue(cue: str) -> None:
    assert (PERSON, *SECRETARY) in holdings(f"Ông {PERSON} {cue} Bí thư Tỉnh ủy Nghệ An.")


@pytest.mark.parametrize("cue", _cues("membership"))
def test_membership_cue(cue: str) -> None:
    assert (PERSON, "Ủy viên", "Ban Thường vụ Tỉnh ủy Nghệ An") in holdings(
        f"Ông {PERSON} {cue} Ban Thường vụ Tỉnh ủy Nghệ An.")


@pytest.mark.parametrize("cue", _cues("list-intro"))
def test_list_intro_cue(cue: str) -> None:
    got = holdings(f"Các Phó Bí thư Tỉnh ủy Nghệ An, {cue}: ông {PERSON}, ông Trần Văn Bình.")
    assert {(PERSON, "Phó Bí thư", "Tỉnh ủy Nghệ An"), ("Trần Văn Bình", "Phó Bí thư", "Tỉnh ủy Nghệ An")} <= set(got)


@pytest.mark.parametrize("cue", _cues("reporting"))
def test_reporting_cue(cue: str) -> None:
    assert (PERSON, *SECRETARY) not in holdings(f"Ông {PERSON} {cue} giữ chức Bí thư Tỉnh ủy Nghệ An.")
    assert (PERSON, *SECRETARY) in holdings(f"Ông {PERSON} giữ chức Bí thư Tỉnh ủy Nghệ An.")


@pytest.mark.parametrize("cue", _cues("org-end"))
def test_org_end_cue(cue: str) -> None:
    from builder.extract.bodies import organisation_at

    sentence = f"Đảng bộ Tổng công ty Sông Hồng {cue} nhiều thành tích"
    hit = organisation_at(G, G.syllables(sentence), 2)
    assert hit and hit[1] == "Tổng công ty Sông Hồng", hit


def _present(second: str) -> list[str]:
    from builder.extract import extract
    from builder.text.ingest import make_article

    text = f"Sáng 3/5/2024, Tỉnh ủy Nghệ An tổ chức Hội nghị cán bộ chủ chốt. {second}"
    [ev] = extract(make_article("cue", "cue.txt", text)).events
    return ev.chair + ev.participants


@pytest.mark.parametrize("cue", _cues("presence"))
def test_presence_cue(cue: str) -> None:
    assert PERSON in _present(f"Ông {PERSON} {cue} hội nghị.")


@pytest.mark.parametrize("cue", _cues("not-presence"))
def test_not_presence_cue(cue: str) -> None:
    assert PERSON not in _present(f"Ông {PERSON} {cue} hội nghị.")


@pytest.mark.parametrize("cue", _cues("clause"))
def test_clause_cue(cue: str) -> None:
    """A clause word between the head and 'nhiệm kỳ' means the text is no body's name."""
    assert _terms(f"Ông An {cue} Ban Chấp hành Đảng bộ tỉnh Kon Tum nhiệm kỳ 2020-2025.") == [
        ("Ban Chấp hành Đảng bộ tỉnh Kon Tum", 2020, 2025)]
    assert _terms(f"Ban Chấp hành Đảng bộ tỉnh Kon Tum {cue} nhiệm kỳ 2020-2025.") == []


# units.tsv -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("row", [pytest.param(r, id=f"units.tsv:{r['unit']}") for r in table("units.tsv")])
def test_unit_names_its_bodies(row: dict[str, str]) -> None:
    """'Chủ tịch UBND <unit> <Name>' is the people's committee of that unit; a local unit's Party committee
    is its committee column."""
    unit = row["unit"]
    name = "Tân An"
    got = holdings(f"Ông {PERSON}, Chủ tịch UBND {unit} {name}, phát biểu.")
    if row["level"] == "local":
        assert (PERSON, "Chủ tịch", f"Ủy ban nhân dân {unit} {name}") in got
        assert Place(name, unit).committee == row["committee"]
    else:
        assert Place(name, unit).committee == row["committee"]


@pytest.mark.parametrize("row", [pytest.param(r, id=f"roles.tsv:body_prefix:{r['role']}")
                                 for r in table("roles.tsv") if r["body_prefix"]])
def test_body_prefix_may_be_left_out(row: dict[str, str]) -> None:
    """'<role> Nội vụ' is the role in '<body_prefix> Nội vụ'; written in full it reads the same."""
    body = f"{row['body_prefix']} Nội vụ"
    assert (PERSON, row["role"], body) in holdings(f"{row['role']} Nội vụ {PERSON} phát biểu.")
    assert (PERSON, row["role"], body) in holdings(f"{row['role']} {body} {PERSON} phát biểu.")


@pytest.mark.parametrize("cue", _cues("rank"))
def test_rank_cue(cue: str) -> None:
    """A rank between a title and a name is skipped; it is no title of its own."""
    got = holdings(f"Bộ trưởng Bộ Quốc phòng {cue} {PERSON} phát biểu.")
    assert (PERSON, "Bộ trưởng", "Bộ Quốc phòng") in got


@pytest.mark.parametrize("cue", _cues("name-stop"))
def test_name_stop_cue(cue: str) -> None:
    sentence = f"Ý kiến của Nguyễn Văn An {cue[0].upper()}{cue[1:]} được ghi nhận."
    assert "Nguyễn Văn An" in [n.text for n in names(G, G.syllables(sentence), sentence, 0)]


@pytest.mark.parametrize("cue", _cues("proxy"))
def test_proxy_cue(cue: str) -> None:
    got = holdings(f"{cue[0].upper()}{cue[1:]} Thủ tướng Chính phủ, Phó Thủ tướng {PERSON} trao quyết định.")
    assert (PERSON, "Thủ tướng", "Chính phủ") not in got and (PERSON, "Phó Thủ tướng", "Chính phủ") in got


@pytest.mark.parametrize("cue", _cues("adhoc-head"))
def test_adhoc_head_cue(cue: str) -> None:
    """'<Head> kiểm phiếu gồm 5 người' introduces an ad-hoc body; 'Trưởng <head>'-style roles may name it."""
    from builder.extract.pipeline import _adhoc

    head = f"{cue[0].upper()}{cue[1:]}"
    text = f"Đại hội bầu {head} kiểm phiếu gồm 5 người."
    assert [name for _, name, _ in _adhoc(G, G.syllables(text), text)] == [f"{head} kiểm phiếu"]


@pytest.mark.parametrize("cue", _cues("middle-name"))
def test_middle_name_cue(cue: str) -> None:
    sentence = f"Ý kiến của Nguyễn {cue} Vinh được ghi nhận."
    assert f"Nguyễn {cue} Vinh" in [n.text for n in names(G, G.syllables(sentence), sentence, 0)]
