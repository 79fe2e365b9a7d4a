"""Gatherings: kind, name, date (with part of day), place, organiser, chair, participants."""

from __future__ import annotations

import dataclasses
import re

from builder.extract.dates import find_dates
from builder.gazetteer import Gazetteer, Syllable
from builder.model import Event, Evidence

CLAUSE_END = re.compile(r"\s+(?:tại|do|với sự|diễn ra|được tổ chức|dưới sự|nhằm|vào|sáng|chiều)\s|[.;:]\s|[.;:]?$"
                        r"|,\s+(?:các\s+)?(?:đồng chí|ông|bà)\s")
PLACE = re.compile(r"\btại\s+((?:[A-ZĐÀ-Ỹ]|thành phố |tỉnh |trụ sở |hội trường )[^,.;()]{1,60}?)"
                   r"(?=\s*[,.;(]|\s+(?:đã|sẽ|và|với|do|để)\s|$)")
PRESENCE = re.compile(
    r"\b(dự(?!\s+(?:khuyết|thảo|kiến|án|toán|bị|báo))|tham dự|tham gia|cùng dự|phát biểu|báo cáo|chủ trì|điều hành|"
    r"kết luận|trao|công bố|làm việc với|"
    r"tặng|trình bày|chúc mừng|tiếp thu|cảm ơn|đọc|tuyên bố)\b", re.I)
# A photo caption placing people: "(từ trái sang)", "Lê Văn A (trái)".
IN_PHOTO = re.compile(r"\b(?:từ|Từ) (?:trái|phải) (?:sang|qua)\b|\((?:trái|phải|giữa|bìa trái|bìa phải)\)")
IMPLICIT = (
    (re.compile(r"\bcông bố\b.*\bquyết định\b|\bquyết định\b.*\bđược công bố\b", re.I), "lễ công bố quyết định"),
    (re.compile(r"\bQuốc hội\b.*\b(bầu|thông qua|biểu quyết)\b"), "phiên họp"),
    (re.compile(r"\bTrung ương\b.*\bđã họp\b|\bTrung ương\b.*\bhọp\b"), "hội nghị trung ương"),
)
NOT_PLACES = ("Hội nghị", "Đại hội", "Hội thảo", "buổi", "Phiên", "Kỳ họp", "Lễ", "điểm cầu")
AFTER_PLACE = re.compile(r",\s*([^,.;()]+?)(?=\s*[,.;()]|$)")
# A date right after a document number is the document's; "Đến ngày …" is a status, not a gathering.
NOT_EVENT_DATE = re.compile(r"(?:\bsố\s+[\w./-]+|\d+-[A-ZĐ]+/[A-ZĐ]+|\b[Đđ]ến|\b[Tt]ính đến)\s*$")
# A bridge point of an online conference, named at the start of its clause: "Tại điểm cầu X, …".
BRIDGE = re.compile(r"(?:^|[;:]\s*)[Tt]ại (điểm cầu [^,;()]+?)(?=\s+(?:do|có|,)|[,;(])")


def kind_at(g: Gazetteer, keys: list[str], i: int) -> tuple[int, str] | None:
    """Event kind triggered at syllable i; 'Hội nghị lần thứ N' is a Central Committee plenum only
    when the Central Committee is what meets (not 'BCH Đảng bộ thành phố …')."""
    hit = g.event_kinds.longest(keys, i)
    if not hit:
        return None
    end, kind = hit
    if kind == "hội nghị trung ương" and "lần" in keys[i:end]:
        window = " ".join(keys[end:end + 10])
        local = re.search(r"đảng bộ|tỉnh|thành phố|huyện|quận", window.split("trung ương")[0])
        kind = "hội nghị" if local or "trung ương" not in window else kind
    if kind == "hội nghị":
        window = " ".join(keys[end:end + 8])
        if window.startswith("trung ương") or "ban chấp hành trung ương" in window:
            kind = "hội nghị trung ương"
    return end, kind


def event_name(sentence: str, start: int) -> str | None:
    """The name of a capitalised event ('Hội nghị …') up to the end of its clause."""
    if not sentence[start:start + 1].isupper():
        return None
    m = CLAUSE_END.search(sentence, start + 5)
    name = sentence[start:m.start() if m else len(sentence)].strip(" ,.")
    return name if len(name.split()) >= 2 else None


def place_in(g: Gazetteer, sentence: str) -> str | None:
    """'tại Hà Nội' → 'Hà Nội' (not 'tại Hội nghị'); 'tại Thủ đô Hà Nội' → 'Hà Nội';
    'tại Trung tâm Hội nghị Quốc gia, Hà Nội' keeps the province after the comma."""
    for m in PLACE.finditer(sentence):
        place = m.group(1).strip(" ,")
        if place.startswith(NOT_PLACES):
            continue
        place = place.removeprefix("Thủ đô ")
        tail = AFTER_PLACE.match(sentence, m.end())
        if tail and (hit := g.places.longest(g.keys(tail.group(1)), 0)) and hit[0] == len(g.keys(tail.group(1))):
            place += ", " + tail.group(1)
        return place
    return None


YEAR = re.compile(r"\bnăm (\d{4})\b")


def find_events(g: Gazetteer, sentence: str, offset: int, syls: list[Syllable], published: str | None,
                caption: bool, headline: str | None, is_headline: bool) -> list[Event]:
    """Events a dated sentence announces ('Sáng 28/12, tại Hà Nội, Ban … tổ chức Hội nghị …')."""
    dates = [d for d in find_dates(sentence, offset) if (d.part or len(sentence[:d.start - offset].split()) <= 6)
             and not NOT_EVENT_DATE.search(sentence[:d.start - offset])]
    years = set(YEAR.findall(sentence))
    keys = [s.key for s in syls]
    out: list[Event] = []
    for i in range(len(syls)):
        hit = kind_at(g, keys, i)
        if not hit:
            continue
        end, kind = hit
        if not dates and not (caption or is_headline) or (i and keys[i - 1] in {"các", "những"}) \
                or (i and keys[i - 1] == "tại" and not dates):
            continue
        at = syls[i].start - offset
        name = event_name(sentence, at)
        if kind == "buổi làm việc" and headline and "làm việc với" in headline.lower():
            name = headline
        if not name and not dates:
            continue
        first = dates[0] if dates else None
        if first and first.year is None and len(years) == 1:
            first = dataclasses.replace(first, year=int(years.pop()))
        date = first.resolve(published) if first else None
        rule = "dated-event-sentence" if dates else "event-headline"
        ev = Event(kind, name, date, Evidence(offset, offset + len(sentence), rule, 0.8 if dates else 0.5, caption))
        ev.place = place_in(g, sentence[:at]) or place_in(g, sentence)
        ev.part_of_day = first.part if first else None
        out.append(ev)
        break
    for m in BRIDGE.finditer(sentence):
        out.append(Event("điểm cầu", m.group(1).strip(), None,
                         Evidence(offset, offset + len(sentence), "bridge-point", 0.6, caption)))
    if not out and dates:
        for pattern, kind in IMPLICIT:
            if pattern.search(sentence):
                ev = Event(kind, None, dates[0].resolve(published),
                           Evidence(offset, offset + len(sentence), "dated-implicit-event", 0.6, caption))
                ev.place = place_in(g, sentence)
                out.append(ev)
                break
    return out
