"""Well-formedness of the gazetteer data files in builder/gazetteers/.

Format of every file: `#` comment lines naming the sources, then one header
line, then one entry per line with tab-separated columns; further `#` lines
may group entries.  Lists inside a column are separated by `|`.
"""

import re
import unicodedata
from pathlib import Path

import pytest

GAZ_DIR = Path(__file__).resolve().parent.parent / "builder" / "gazetteers"

EXPECTED_HEADERS = {
    "roles.tsv": ["role", "default_body", "variants", "single_holder", "committee", "body_prefix", "body_head"],
    "titles.tsv": ["written", "role", "body"],
    "bodies.tsv": ["body", "kind", "variants", "member_role"],
    "places.tsv": ["name", "unit", "status", "variants"],
    "local_bodies.tsv": ["pattern", "level", "variants"],
    "abbreviations.tsv": ["abbreviation", "expansion"],
    "surnames.tsv": ["surname", "note"],
    "event_kinds.tsv": ["kind", "triggers"],
    "document_kinds.tsv": ["kind", "codes", "variants", "bare_number"],
    "issuers.tsv": ["code", "issuer"],
    "cues.tsv": ["list", "phrases", "meaning"],
    "term_heads.tsv": ["head", "case", "owner"],
    "units.tsv": ["unit", "committee", "level"],
    "rule_confidences.tsv": ["rule", "confidence", "right", "wrong", "measured_on"],
    "legacy_encodings.tsv": ["letter", "tcvn3", "vni"],
    "lineage.tsv": ["id", "date", "kind", "from", "to", "bodies", "source"],
}

# Columns that hold a `|`-separated list.
LIST_COLUMNS = {
    "roles.tsv": ["variants"],
    "bodies.tsv": ["variants"],
    "places.tsv": ["variants"],
    "local_bodies.tsv": ["variants"],
    "event_kinds.tsv": ["triggers"],
    "document_kinds.tsv": ["codes", "variants"],
    "cues.tsv": ["phrases"],
    "lineage.tsv": ["from", "bodies"],
}

# Columns that must not be empty.
REQUIRED_COLUMNS = {
    "roles.tsv": ["role"],
    "titles.tsv": ["written", "role", "body"],
    "bodies.tsv": ["body", "kind"],
    "places.tsv": ["name", "status"],
    "local_bodies.tsv": ["pattern", "level"],
    "abbreviations.tsv": ["abbreviation", "expansion"],
    "surnames.tsv": ["surname", "note"],
    "event_kinds.tsv": ["kind", "triggers"],
    "document_kinds.tsv": ["kind", "codes"],
    "issuers.tsv": ["code", "issuer"],
    "cues.tsv": ["list", "phrases", "meaning"],
    "term_heads.tsv": ["head", "case", "owner"],
    "units.tsv": ["unit", "committee", "level"],
    "rule_confidences.tsv": ["rule", "confidence", "right", "wrong", "measured_on"],
    "lineage.tsv": ["id", "date", "kind", "from", "to", "source"],
}

# Files whose first column plus variants name things the matcher looks up:
# no two of those names may fold to the same string.
NAME_FILES = {
    "roles.tsv": "variants",
    "bodies.tsv": "variants",
    "places.tsv": "variants",
    "local_bodies.tsv": "variants",
}

BODY_KINDS = {
    "party-central", "party-leadership", "state", "court", "procuracy",
    "audit", "front", "mass-org", "mass-org-executive", "military", "police", "enterprise", "other",
}
PLACE_STATUSES = {"both", "pre-2025", "post-2025"}
PLACE_UNITS = {"tỉnh", "thành phố", ""}
LOCAL_LEVELS = {"province", "district"}
PLACEHOLDERS = {"{committee}", "{unit}", "{place}"}
# Issuers that are generic local Party bodies (the place comes from the text).
LOCAL_ISSUERS = {
    "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Đảng ủy",
    "Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", "Ban Dân vận Tỉnh ủy",
    "Ban Nội chính Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy",
    "Ban cán sự đảng", "Đảng đoàn",
}

# Old tone placement (hoà, khoá, uỷ) at the end of a syllable; "qu" is a
# consonant, so "quý", "quà" are fine.
_OLD_TONE = re.compile(r"(?<![qQ])(o[àáảãạ]|o[èéẻẽẹ]|u[ỳýỷỹỵ])(?!\w)", re.IGNORECASE)
_TONE_FOLD = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}


def fold(text):
    """Case and tone-placement folding, as the matcher does it."""
    text = unicodedata.normalize("NFC", text).casefold()
    for old, new in _TONE_FOLD.items():
        text = text.replace(old, new)
    return " ".join(text.split())


def tsv_files():
    return sorted(p.name for p in GAZ_DIR.glob("*.tsv"))


def read_raw(name):
    return (GAZ_DIR / name).read_bytes().decode("utf-8")


def parse(name):
    """Return (source_comments, header, rows) where rows are (lineno, fields)."""
    sources, header, rows = [], None, []
    for lineno, line in enumerate(read_raw(name).split("\n"), 1):
        if line == "":
            continue
        if line.startswith("#"):
            if header is None and line.startswith("# Source"):
                sources.append(line)
            continue
        fields = line.split("\t")
        if header is None:
            header = fields
        else:
            rows.append((lineno, fields))
    return sources, header, rows


def records(name):
    _, header, rows = parse(name)
    return [dict(zip(header, fields)) for _, fields in rows]


def split_list(value):
    return value.split("|") if value else []


def test_all_expected_files_present():
    assert set(EXPECTED_HEADERS) <= set(tsv_files())


def test_no_unexpected_files():
    assert set(tsv_files()) <= set(EXPECTED_HEADERS), "add new files to EXPECTED_HEADERS"


@pytest.mark.parametrize("name", tsv_files())
def test_utf8_nfc(name):
    text = read_raw(name)
    assert unicodedata.normalize("NFC", text) == text
    assert "\r" not in text
    assert "\ufeff" not in text
    assert text.endswith("\n")


@pytest.mark.parametrize("name", tsv_files())
def test_source_comment_before_header(name):
    sources, header, _ = parse(name)
    assert sources, f"{name}: no '# Source' comment before the header"
    assert all(len(s) > len("# Source: ") + 10 for s in sources)


@pytest.mark.parametrize("name", tsv_files())
def test_header(name):
    _, header, rows = parse(name)
    assert header == EXPECTED_HEADERS[name]
    assert rows, f"{name}: no entries"


@pytest.mark.parametrize("name", tsv_files())
def test_fields(name):
    _, header, rows = parse(name)
    required = REQUIRED_COLUMNS.get(name, [])
    for lineno, fields in rows:
        assert len(fields) == len(header), f"{name}:{lineno}: {len(fields)} columns"
        for col, value in zip(header, fields):
            where = f"{name}:{lineno}:{col}"
            assert value == value.strip(), f"{where}: leading/trailing whitespace"
            assert "  " not in value, f"{where}: double space"
            assert "\u00a0" not in value, f"{where}: no-break space"
            if col in required:
                assert value, f"{where}: empty"


@pytest.mark.parametrize("name", tsv_files())
def test_no_duplicate_keys(name):
    _, _, rows = parse(name)
    seen = {}
    for lineno, fields in rows:
        key = fields[0]
        assert key not in seen, f"{name}:{lineno}: duplicate {key!r} (first at line {seen[key]})"
        seen[key] = lineno


@pytest.mark.parametrize("name", sorted(LIST_COLUMNS))
def test_list_items_not_empty(name):
    _, header, rows = parse(name)
    for lineno, fields in rows:
        row = dict(zip(header, fields))
        for col in LIST_COLUMNS[name]:
            items = split_list(row[col])
            assert all(item and item == item.strip() for item in items), f"{name}:{lineno}:{col}"
            assert len(items) == len(set(items)), f"{name}:{lineno}:{col}: repeated item"


@pytest.mark.parametrize("name", sorted(NAME_FILES))
def test_names_and_variants_distinct_after_folding(name):
    """A variant that differs only by case or tone placement is redundant;
    one that equals another entry's name is ambiguous."""
    _, header, rows = parse(name)
    seen = {}
    for lineno, fields in rows:
        row = dict(zip(header, fields))
        for written in [fields[0]] + split_list(row[NAME_FILES[name]]):
            key = fold(written)
            assert key not in seen, f"{name}:{lineno}: {written!r} folds like line {seen[key]}"
            seen[key] = lineno


@pytest.mark.parametrize("name", tsv_files())
def test_modern_tone_placement(name):
    for lineno, fields in parse(name)[2]:
        for value in fields:
            for piece in re.split(r"[|\s]", value):
                assert not _OLD_TONE.search(piece), f"{name}:{lineno}: old tone placement in {piece!r}"


def test_local_bodies_placeholders():
    for row in records("local_bodies.tsv"):
        assert row["level"] in LOCAL_LEVELS
        assert "{place}" in row["pattern"]
        for template in [row["pattern"]] + split_list(row["variants"]):
            found = set(re.findall(r"\{[^{}]*\}", template))
            assert found <= PLACEHOLDERS, template
            assert "{place}" in template, template
            assert re.sub(r"\{(committee|unit|place)\}", "", template).count("{") == 0, template
            assert template.count("}") == template.count("{"), template


def test_places():
    rows = records("places.tsv")
    for row in rows:
        assert row["status"] in PLACE_STATUSES, row
        assert row["unit"] in PLACE_UNITS, row
    pre = [r for r in rows if r["status"] in ("both", "pre-2025")]
    post = [r for r in rows if r["status"] in ("both", "post-2025")]
    assert len(pre) >= 63
    assert len(post) >= 34
    by_name = {r["name"]: r for r in rows}
    assert by_name["Thành phố Hồ Chí Minh"]["unit"] == ""
    for city in ("Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"):
        assert by_name[city]["unit"] == "thành phố"
    assert by_name["Huế"]["status"] == "post-2025"
    assert by_name["Thừa Thiên Huế"]["status"] == "pre-2025"
    assert by_name["Kon Tum"]["status"] == "pre-2025"
    assert by_name["Ninh Bình"]["status"] == "both"


def test_places_post_2025_exact():
    """The 34 units of Nghị quyết 202/2025/QH15."""
    post = {r["name"] for r in records("places.tsv") if r["status"] in ("both", "post-2025")}
    assert post == {
        "Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Thành phố Hồ Chí Minh", "Cần Thơ",
        "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa",
        "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên",
        "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Ninh Bình", "Quảng Trị", "Quảng Ngãi",
        "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Đồng Nai", "Tây Ninh",
        "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
    }


def test_places_pre_2025_exact_count():
    pre = [r for r in records("places.tsv") if r["status"] in ("both", "pre-2025")]
    assert len(pre) == 63


def test_body_kinds():
    for row in records("bodies.tsv"):
        assert row["kind"] in BODY_KINDS, row


def _body_names():
    return {r["body"] for r in records("bodies.tsv")}


def _role_names():
    return {r["role"] for r in records("roles.tsv")}


def test_role_default_bodies_exist():
    bodies = _body_names()
    for row in records("roles.tsv"):
        if row["default_body"]:
            assert row["default_body"] in bodies, row


def test_titles_refer_to_known_roles_and_bodies():
    bodies, roles = _body_names(), _role_names()
    for row in records("titles.tsv"):
        assert row["role"] in roles, row
        assert row["body"] in bodies or row["body"].endswith(" {place}"), row  # a place's committee: its template


def test_issuers_known():
    bodies = _body_names()
    for row in records("issuers.tsv"):
        assert row["issuer"] in bodies or row["issuer"] in LOCAL_ISSUERS, row


def test_annotation_guide_examples_covered():
    bodies, roles = _body_names(), _role_names()
    for role in ("Ủy viên", "Bí thư", "Thường trực", "Tổng Bí thư", "Trưởng ban",
                 "Phó Trưởng ban Thường trực", "Thủ tướng", "Bộ trưởng", "Chủ tịch nước",
                 "Chủ tịch", "Phó Chủ tịch", "Trưởng đoàn", "Bí thư thứ nhất",
                 "Quyền Bộ trưởng", "Trợ lý Thủ tướng", "Phó Chủ nhiệm", "Chánh Văn phòng",
                 "Chủ nhiệm", "Tổng Thư ký", "Phó Thủ tướng Thường trực"):
        assert role in roles, role
    for body in ("Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương",
                 "Ban Tổ chức Trung ương", "Chính phủ", "Bộ Nội vụ", "Nhà nước",
                 "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Bộ Y tế",
                 "Văn phòng Chính phủ", "Văn phòng Trung ương Đảng",
                 "Ủy ban Kiểm tra Trung ương", "Quốc hội", "Liên minh Hợp tác xã Việt Nam",
                 "Bộ Tư pháp"):
        assert body in bodies, body


def test_event_kinds_lower_case():
    for row in records("event_kinds.tsv"):
        assert row["kind"] == row["kind"].lower(), row
        for trigger in split_list(row["triggers"]):
            assert trigger == trigger.lower(), trigger


def test_abbreviations_not_identity():
    for row in records("abbreviations.tsv"):
        assert row["abbreviation"] != row["expansion"]


SINGLE_HOLDER = re.compile(r"^(?:|yes|yes except [^|]+(?:\|[^|]+)*|only [^|]+(?:\|[^|]+)*)$")


def test_single_holder_and_committee_columns():
    for row in records("roles.tsv"):
        assert SINGLE_HOLDER.match(row["single_holder"]), row
        assert row["committee"] in ("", "yes"), row
    singles = [r for r in records("roles.tsv") if r["single_holder"]]
    assert len(singles) >= 30


def test_member_roles_are_roles():
    roles = _role_names()
    for row in records("bodies.tsv"):
        assert row["member_role"] == "" or row["member_role"] in roles, row


CUE_LISTS = {"former", "incoming", "honorific", "past", "holding-verb", "membership", "list-intro", "reporting",
             "no-name-start", "credit", "named-after", "lunar-year",
             "org-end", "presence", "not-presence", "clause", "rank", "name-stop", "proxy", "adhoc-head", "middle-name",
             "take-up", "not-take-up", "leave", "current", "leave-after", "succession", "not-succession",
             "list-has", "points-back", "alternate", "organise", "members", "post-named", "short-head",
             "header-filler", "count", "aside", "term-time",
             "not-past", "to-person", "decided-post", "elected-to", "post-word", "unit-head", "speech", "presence-by"}


def test_cue_lists():
    rows = {r["list"]: [fold(p) for p in split_list(r["phrases"])] for r in records("cues.tsv")}
    assert set(rows) == CUE_LISTS
    for name, phrases in rows.items():
        assert phrases and len(phrases) == len(set(phrases)), f"{name}: empty, or a phrase listed twice"
    assert not set(rows["presence"]) & set(rows["not-presence"])


def test_term_heads():
    rows = records("term_heads.tsv")
    assert all(r["case"] in ("any", "capital") for r in rows)
    assert len({fold(r["head"]) for r in rows}) == len(rows)


def test_bare_number_column():
    rows = records("document_kinds.tsv")
    assert all(r["bare_number"] in ("", "yes") for r in rows)
    assert {"Nghị quyết", "Kết luận", "Quy định"} <= {r["kind"] for r in rows if r["bare_number"] == "yes"}
