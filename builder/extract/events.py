"""Gatherings, every rule about them in one place: kind, name, date (with part of day), place,
organiser, chairs and participants, bridge points, and one event per gathering.

Per sentence, `find_events()` reads the events it announces and `find_people()` who it puts at
a gathering (and who chairs); `finish()` then merges mentions of one gathering, dates bridge
points and gives each person to the event whose sentence comes last before them.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from builder.extract.bodies import body_at, skip_qualifiers
from builder.extract.dates import NOT_EVENT_DATE, DateMention, find_dates
from builder.extract.rules import Example, Rule, evidence, register, steps
from builder.gazetteer import Gazetteer
from builder.model import Event, Evidence

if TYPE_CHECKING:
    from builder.extract.context import ArticleContext, Sentence

CLAUSE_END = re.compile(r"\s+(?:tại|do|với sự|diễn ra|được tổ chức|dưới sự|nhằm|vào|sáng|chiều)\s|[.;:]\s|[.;:]?$"
                        r"|,\s+(?:các\s+)?(?:đồng chí|ông|bà)\s")
PLACE = re.compile(r"\btại\s+((?:[A-ZĐÀ-Ỹ]|thành phố |tỉnh |trụ sở |hội trường )[^,.;()]{1,60}?)"
                   r"(?=\s*[,.;(]|\s+(?:đã|sẽ|và|với|do|để)\s|$)")
# A photo caption placing people: "(từ trái sang)", "Lê Văn A (trái)".
IN_PHOTO = re.compile(r"\b(?:từ|Từ) (?:trái|phải) (?:sang|qua)\b|\((?:trái|phải|giữa|bìa trái|bìa phải)\)")
IMPLICIT = (
    (re.compile(r"\bcông bố\b.*\bquyết định\b|\bquyết định\b.*\bđược(?:\s+\S+){0,4}?\s+công bố\b", re.I),
     "lễ công bố quyết định"),  # "… công bố quyết định", "quyết định … được (Bộ Công an) công bố"
    (re.compile(r"\bQuốc hội\b.*\b(bầu|thông qua|biểu quyết|miễn nhiệm|phê chuẩn)\b"
                r"|\b(trúng cử|được bầu)\b.*\bQuốc hội\b"),
     "phiên họp"),
    (re.compile(r"\btrao\b.*\bquyết định\b|\bquyết định\b.*\bđược\b.*\btrao\b", re.I), "lễ trao quyết định"),
    (re.compile(r"\bTrung ương\b.*\bđã họp\b|\bTrung ương\b.*\bhọp\b"), "hội nghị trung ương"),
)
NOT_PLACES = ("Hội nghị", "Đại hội", "Hội thảo", "buổi", "Phiên", "Kỳ họp", "Lễ", "điểm cầu")
AFTER_PLACE = re.compile(r",\s*([^,.;()]+?)(?=\s*[,.;()]|$)")

# A bridge point of an online conference, named at the start of its clause: "Tại điểm cầu X, …".
BRIDGE = re.compile(r"(?:^|[;:]\s*)[Tt]ại (điểm cầu [^,;()]+?)(?=\s+(?:do|có|,)|[,;(])")
# A short reference to a person named before ("ông Thưởng", "bà Mai", "đồng chí Chính").
SHORT_REF = re.compile(r"\b(?:[Đđ]ồng chí|[Ôô]ng|[Bb]à)\s+([A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?!\s+[A-ZĐÀ-Ỹ])")
CHAIR_AFTER = re.compile(r"^(?:\s*,[^.;:]{0,120}?,?)?\s*(?:đã\s+|cùng\s+|đồng\s+)?chủ trì")
# A clause that names the chairs after it: "Chủ trì Hội nghị có …", "Tham dự và chủ trì hội nghị, có …",
# "… dưới sự chủ trì của …", "có sự tham dự và chủ trì của …".
REPLACED = re.compile(r"\bthay\s+(?:cho\s+)?(?:ông|bà|đồng chí)?\s*$", re.I)
ITEM_SEP = re.compile(r",[^.;:]*;\s*(?:đồng chí|ông|bà)?\s*", re.I)  # "A, titles; B": two items of a list
LIST_OPENS = re.compile(r":\s*(?:đồng chí|ông|bà)?\s*$", re.I)  # "Các đồng chí: A"
JOINED = re.compile(r"\s*(?:,|và)\s*(?:đồng chí|ông|bà)?\s*", re.I)  # between two names of one list
CHAIRS_FOLLOW = re.compile(r"(?:^|[.;:]\s*)(?:[Tt]ham dự và |[Đđ]ồng )?[Cc]hủ trì(?: [^,;:]{0,40}?)?,? có\b"
                           r"|\b(?:dưới|có) sự (?:tham dự và )?chủ trì của\b")
CHAIR_BEFORE = re.compile(r"(?:\bdo|chủ trì:?)\s*(?:đồng chí\s+|ông\s+|bà\s+)?$", re.I)


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
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class When:
    """The dates of a sentence as the event rules read them: the dates that can date a gathering, a relative
    day ('Chiều nay'), the years the sentence names."""

    dates: list[DateMention]
    relative: re.Match[str] | None
    years: set[str]

    @property
    def dated(self) -> bool:
        return bool(self.dates or self.relative)


def find_events(sent: Sentence, ctx: ArticleContext) -> list[Event]:
    """Events a sentence announces ('Sáng 28/12, tại Hà Nội, Ban … tổ chức Hội nghị …'): the steps of stage
    "events" in order, each reading what the ones before found; each event gets its organiser."""
    sentence, offset = sent.text, sent.start
    dates = [d for d in find_dates(sentence, offset) if (d.part or len(WORD.findall(sentence[:d.start - offset])) <= 6
                                                          or _dates_gathering(sent, ctx, d))
             and not NOT_EVENT_DATE.search(sentence[:d.start - offset])]
    when = When(dates, None if dates else RELATIVE.match(sentence), set(YEAR.findall(sentence)))
    out: list[Event] = []
    for step, rule in steps("events"):
        out += step(sent, ctx, when, out, evidence(rule, sent))
    for ev in out:
        ev.organizer = organizer(sent, ctx)
    return [each for ev in out for each in _place_by_place(ctx, ev)]


def _place_by_place(ctx: ArticleContext, ev: Event) -> list[Event]:
    """A gathering organised by the committees of several provinces ('Tỉnh ủy A, Tỉnh ủy B cũng đã tổ chức
    hội nghị …'): each held its own, at home; one event each."""
    bodies = ev.organizer.split(", ") if ev.organizer else []
    homes = [_home(ctx.g, body) for body in bodies]
    if len(bodies) < 2 or ev.place or None in homes or len(set(homes)) < len(bodies):
        return [ev]
    return [dataclasses.replace(ev, organizer=body, place=home, chair=[], participants=[])
            for body, home in zip(bodies, homes)]


def _home(g: Gazetteer, body: str) -> str | None:
    """The one province a body's name names, if any."""
    keys = g.keys(body)
    named = {hit[1].name for k in range(len(keys)) if (hit := g.places.longest(keys, k))}
    return named.pop() if len(named) == 1 else None


def _dates_gathering(sent: Sentence, ctx: ArticleContext, d: DateMention) -> bool:
    """Whether a date late in a sentence is a gathering's: 'ngày …' right after the gathering's name, in its
    clause ('… tại kỳ họp 8 Quốc hội khóa XV ngày 21.10'), or right after a verb of holding or announcing it
    ('… được Bộ Công an công bố ngày 31/7')."""
    before = [k for k, s in enumerate(sent.syllables) if s.end <= d.start]
    if not before or sent.text[d.start - sent.start:d.start - sent.start + 4].lower() != "ngày":
        return False
    keys = sent.keys
    if ctx.g.cue_before("organise", keys, before[-1] + 1) is not None or keys[before[-1] - 1:before[-1] + 1] == [
            "công", "bố"]:
        return True  # "… được Bộ Công an công bố ngày 31/7", "… tổ chức ngày 5/3"
    for i in range(before[-1], max(-1, before[-1] - 12), -1):
        if keys[i] in {",", ";", ".", ":"}:
            return False
        if kind_at(ctx.g, keys, i):
            return True
    return False


def _gathering(sent: Sentence, ctx: ArticleContext, when: When, ev: Evidence) -> list[Event]:
    """The first gathering a sentence names by its kind ('Hội nghị …', 'Lễ công bố …'), with its name, date,
    part of day and place."""
    g, sentence, offset, syls, keys = ctx.g, sent.text, sent.start, sent.syllables, sent.keys
    for i in range(len(syls)):
        hit = kind_at(g, keys, i)
        if not hit:
            continue
        end, kind = hit
        if (i and keys[i - 1] in {"các", "những"}) or (i and keys[i - 1] == "tại" and not when.dated):
            continue
        at = syls[i].start - offset
        name = event_name(sentence, at)
        if kind == "buổi làm việc" and ctx.headline and "làm việc với" in ctx.headline.lower():
            name = ctx.headline
        if not name and not when.dated:
            continue
        first = when.dates[0] if when.dates else None
        if first and first.year is None and len(when.years) == 1:
            first = dataclasses.replace(first, year=int(next(iter(when.years))))
        date = first.resolve(ctx.published) if first else (ctx.published or "")[:10] or None if when.relative \
            else None
        found = Event(kind, name, date, ev)
        found.place = place_in(g, sentence[:at]) or place_in(g, sentence)
        if first:
            found.part_of_day = first.part
        elif when.relative and when.relative.group(1):  # "Chiều nay": a part of day; "Hôm nay": none
            found.part_of_day = when.relative.group(1).lower()
        return [found, *_joined_gatherings(sent, ctx, found, i, end)]
    return []


def _joined_gatherings(sent: Sentence, ctx: ArticleContext, first: Event, start: int, end: int) -> list[Event]:
    """The gatherings a sentence joins with 'và' to its first, which a verb of holding it leads ('tổ chức hội
    nghị cán bộ chủ chốt và hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 37'): one more each, on the same day
    and at the same place (the first at syllables start..end)."""
    out: list[Event] = []
    keys = sent.keys
    if ctx.g.cue_before("organise", keys, start) is None:
        return []  # "Nghị quyết Đại hội … và Đại hội …": gatherings referred to, not held
    for k in range(end, len(keys) - 1):
        if keys[k] in {"để", "nhằm", "về", ",", ";", ":"}:
            break  # the gatherings' purpose or topic: "… để quán triệt Nghị quyết Đại hội … và Đại hội …"
        if keys[k] == "và" and (hit := kind_at(ctx.g, keys, k + 1)) and keys[k + 1] not in {"các", "những"}:
            joined = Event(hit[1], event_name(sent.text, sent.syllables[k + 1].start - sent.start), first.date,
                           first.evidence)
            joined.place, joined.part_of_day, joined.joined = first.place, first.part_of_day, len(out) + 1
            out.append(joined)
    return out


@register("events", Rule("dated-event-sentence", "event", 0.80, "a sentence with a date and an event kind announces a "
                         "gathering", (
    Example("Sáng 12/3/2024, tại Hà Nội, Ban Tổ chức Trung ương tổ chức Hội nghị tập huấn công tác cán bộ.",
            {"kind": "hội nghị", "date": "2024-03-12", "place": "Hà Nội", "organizer": "Ban Tổ chức Trung ương"}),
)))
def dated_event(sent: Sentence, ctx: ArticleContext, when: When, found: list[Event], ev: Evidence) -> list[Event]:
    return _gathering(sent, ctx, when, ev) if when.dated else []


@register("events", Rule("event-headline", "event", 0.50, "a headline naming a gathering, with no date", (
    Example("Hội nghị cán bộ chủ chốt tỉnh Phú Yên\n\nCác đại biểu thảo luận về công tác nhân sự.",
            {"kind": "hội nghị", "date": None, "name": "Hội nghị cán bộ chủ chốt tỉnh Phú Yên"}),
)))
def headline_event(sent: Sentence, ctx: ArticleContext, when: When, found: list[Event], ev: Evidence) -> list[Event]:
    return _gathering(sent, ctx, when, ev) if not when.dated and (sent.caption or sent.headline) else []


@register("events", Rule("bridge-point", "event", 0.60, "'Tại điểm cầu X …': a bridge point of an online conference", (
    Example("Sáng 14/6/2024, Ban Tổ chức Trung ương tổ chức Hội nghị trực tuyến toàn quốc về công tác cán bộ. "
            "Tại điểm cầu Tỉnh ủy Sóc Trăng, đồng chí Lâm Văn Hậu chủ trì.",
            {"kind": "điểm cầu", "date": "2024-06-14", "name": "điểm cầu Tỉnh ủy Sóc Trăng"}),
)))
def bridge_point(sent: Sentence, ctx: ArticleContext, when: When, found: list[Event], ev: Evidence) -> list[Event]:
    return [Event("điểm cầu", m.group(1).strip(), None, ev) for m in BRIDGE.finditer(sent.text)]


@register("events", Rule("dated-implicit-event", "event", 0.60, "a dated sentence implying a gathering (công bố quyết "
                         "định, Quốc hội bầu, Trung ương họp) without naming one", (
    Example("Chiều 9/5/2024, Ban Thường vụ Tỉnh ủy Yên Bái công bố quyết định về công tác cán bộ.",
            {"kind": "lễ công bố quyết định", "date": "2024-05-09"}),
)))
def implicit_event(sent: Sentence, ctx: ArticleContext, when: When, found: list[Event], ev: Evidence) -> list[Event]:
    if found or not when.dates:
        return []
    for pattern, kind in IMPLICIT:
        if pattern.search(sent.text):
            implied = Event(kind, None, when.dates[0].resolve(ctx.published), ev)
            implied.place = place_in(ctx.g, sent.text)
            return [implied]
    return []


RELATIVE = re.compile(r"^(?:\S+\s+){0,3}?(?:(sáng|chiều|tối|trưa|Sáng|Chiều|Tối|Trưa)\s+nay|[Hh]ôm\s+nay)\b")


PRESENCE = Rule("presence-event", "event", 0.50, "an article naming no dated gathering puts people at one: 'Tham "
                "dự buổi lễ có …', '… cùng dự Hội nghị'", (
    Example("Bà Trần Thị Hoa giữ chức Bí thư Đảng ủy xã Tân Lập.\n\nTham dự buổi lễ có ông Nguyễn Văn Hải, "
            "Bí thư Huyện ủy.", {"kind": "buổi lễ", "date": None, "participants": ["Nguyễn Văn Hải"]}),
))


@register("article-events", PRESENCE)
def mentioned_event(sent: Sentence, ctx: ArticleContext) -> Event | None:
    """An undated gathering a sentence puts people at ('Tham dự buổi lễ có …', '… cùng dự Hội nghị', 'Tại buổi
    lễ, A công bố …'): the article's only event when it names no dated one."""
    g, keys = ctx.g, sent.keys
    cue = g.find_cue("presence", keys)
    if cue is None:
        return None
    first = sent.first_word
    opening = range(first + 1, min(len(keys), first + 4)) if keys[first:first + 1] == ["tại"] else range(0)
    for i in (*range(cue, min(len(keys), cue + 6)), *opening):  # "… cùng dự Hội nghị", "Tại buổi lễ, A công bố …"
        if hit := kind_at(g, keys, i):
            return Event(hit[1], None, None, evidence(PRESENCE, sent))
    return None


ORGANISED = Rule("organised-event", "event", 0.55, "an article naming no dated gathering says who held one: 'HĐND "
                 "thành phố X vừa tổ chức cuộc họp lần thứ nhất'", (
    Example("Ban Thường vụ Tỉnh ủy Nghệ An vừa tổ chức hội nghị cán bộ chủ chốt để giới thiệu nhân sự.",
            {"kind": "hội nghị", "date": None, "organizer": "Ban Thường vụ Tỉnh ủy Nghệ An"}),
))


@register("article-events", ORGANISED)
def organised_event(sent: Sentence, ctx: ArticleContext) -> Event | None:
    """An undated gathering a sentence says a body held ('X vừa tổ chức hội nghị …'): the article's only event
    when it names no dated one."""
    g, keys = ctx.g, sent.keys
    hit = next((hit for k in range(len(keys)) if (end := g.cue_at("organise", keys, k)) is not None
                and (hit := kind_at(g, keys, end))), None)
    if hit is None or sent.headline or not (by := organizer(sent, ctx)):
        return None
    found = Event(hit[1], None, None, evidence(ORGANISED, sent))
    found.organizer = by
    return found


def organizer(sent: Sentence, ctx: ArticleContext) -> str | None:
    """'Ban Tổ chức Trung ương tổ chức Hội nghị …', 'X, Y tổ chức', 'do X và Y triệu tập', '… (UBKTTW) đã họp'
    → the bodies named before the verb, joined by ', '."""
    g, syls, keys = ctx.g, sent.syllables, sent.keys
    i = 0
    while i < len(keys):
        hit = body_at(g, syls, i, ctx)
        if not hit:
            i += 1
            continue
        bodies = [f"Thường trực {hit[1]}" if keys[i - 2:i] == ["thường", "trực"] else hit[1]]
        j = _after_aside(keys, skip_qualifiers(syls, hit[0]))
        clause = i == 0 or keys[i - 1] in {",", "do", "và", ":"}
        while clause and keys[j:j + 1] in ([","], ["và"]) and (more := body_at(g, syls, j + 1, ctx)):  # "X, Y tổ chức"
            bodies.append(more[1])
            j = _after_aside(keys, skip_qualifiers(syls, more[0]))
        while keys[j:j + 1] in (["đã"], ["vừa"], ["cũng"]):  # "X đã tổ chức", "X vừa tổ chức", "cũng đã"
            j += 1
        j += 3 * (keys[j:j + 3] == ["chủ", "trì", ","])  # "đã chủ trì, tổ chức"
        if keys[j:j + 2] in (["tổ", "chức"], ["triệu", "tập"]) and (
                g.event_kinds.longest(keys, j + 2) or keys[j + 2:j + 3] in ([], [","], ["."]) or
                keys[j:j + 2] == ["triệu", "tập"]) or keys[j:j + 1] == ["họp"]:
            return ", ".join(bodies)
        i = max(i + 1, j) if len(bodies) > 1 else i + 1
    return None


def _after_aside(keys: list[str], j: int) -> int:
    """Past a short aside in parentheses after a body: 'Ủy ban Kiểm tra Trung ương (UBKTTW) đã họp'."""
    if keys[j:j + 1] == ["("] and ")" in keys[j + 1:j + 9]:
        return keys.index(")", j) + 1
    return j


def find_people(sent: Sentence, ctx: ArticleContext, known: dict[str, str]) -> tuple[list[tuple[int, str]],
                                                                                      list[tuple[int, str]]]:
    """(present, chairs) of a sentence as (position, full name): everyone it names when it puts people at a
    gathering (a presence verb, a photo caption, a headline), and who it says chairs. `known` maps a given
    name to the full name the article used before (short references); the sentence's names are added."""
    g, text, start = ctx.g, sent.text, sent.start
    found = sent.names
    known.update({n.text.split()[-1]: n.text for n in found})
    refs = [(sent.syllables[n.start].start, sent.syllables[n.end - 1].end, n.text) for n in found]
    refs += [(m.start(1) + start, m.end(1) + start, known[m.group(1)])
             for m in SHORT_REF.finditer(text) if m.group(1) in known]
    refs = [r for r in refs if not REPLACED.search(text[:r[0] - start])]  # "… thay ông A": A is not there
    follow = CHAIRS_FOLLOW.search(text)
    ordered = sorted(refs)
    chairing = [_chairs(text[:at - start], text[to - start:], to, [a for a, _, _ in refs if a > to])
                or bool(follow and at - start >= follow.end()) for at, to, _ in ordered]
    for k in range(len(ordered) - 1, 0, -1):  # "A và B đồng chủ trì": A too
        if chairing[k] and JOINED.fullmatch(text[ordered[k - 1][1] - start:ordered[k][0] - start]):
            chairing[k - 1] = True
    for k in range(len(ordered) - 1, 0, -1):  # "Các đồng chí: A, titles; B, titles chủ trì": all of the list
        first = k
        while first > 0 and ITEM_SEP.fullmatch(text[ordered[first - 1][1] - start:ordered[first][0] - start]):
            first -= 1
        if chairing[k] and first < k and LIST_OPENS.search(text[:ordered[first][0] - start]):
            chairing[first:k] = [True] * (k - first)
    chairs = [(at, person) for (at, _, person), chair in zip(ordered, chairing) if chair]
    keys = sent.keys
    first = sent.first_word
    cues = [(sent.syllables[k].start, k > first and g.cue_at("presence-by", keys, k) is not None)
            for k in range(len(keys)) if g.cue_at("presence", keys, k) is not None
            and keys[k - 1:k] != ["được"] and keys[k - 2:k] not in (["gửi", "thư"], ["gửi", "điện"])]
    # "Báo cáo tại …, A cho biết"; "được thông báo": passive; "gửi thư / điện chúc mừng": sent from elsewhere
    by = [cue for cue, only_before in cues if only_before]
    shown = IN_PHOTO.search(text) and not _portrait(sent, ctx) or len(by) < len(cues) or _pictured_at(sent, ctx)
    return [(at, person) for at, _, person in refs  # "A công bố quyết định … của ông B": A is there, not B
            if shown or by and at < by[0]], chairs


PHOTO_WORDS = {"và", "hàng", "trên", "dưới", "giữa", "qua", "sang", "từ", "trái", "phải", "bìa", "ảnh"}


def _pictured_at(sent: Sentence, ctx: ArticleContext) -> bool:
    """Whether a photo caption shows its people at a gathering, a name right before 'tại': 'Tổng Bí thư A tại
    Hội nghị X (ảnh TTXVN)' (not 'A được bầu vào Ban Bí thư tại Hội nghị X. Ảnh: …')."""
    keys, ends = sent.keys, {n.end for n in sent.names}
    return sent.caption and any(key == "tại" and k in ends and kind_at(ctx.g, keys, k + 1)
                                for k, key in enumerate(keys))


def _portrait(sent: Sentence, ctx: ArticleContext) -> bool:
    """Whether a line names people and nothing else ('Ông A (trái) và ông B', 'Từ trái qua: ông A, bà B'): a
    picture of them, which puts no one at a gathering."""
    if not sent.names:
        return False
    inside = {k for n in sent.names for k in range(n.start, n.end)}
    words = ctx.g.cue_words("honorific") | PHOTO_WORDS
    return all(k in inside or key in words or not sent.syllables[k].written[:1].isalnum()
               for k, key in enumerate(sent.keys))


def _chairs(before: str, after: str, to: int, later_names: list[int]) -> bool:
    """Is the person said to chair: 'A (, titles,) chủ trì' or 'do A (– titles) chủ trì', with no
    other name before the verb?"""
    verb = after.find("chủ trì")
    if verb < 0 or any(at < to + verb for at in later_names):
        return False
    return bool(CHAIR_AFTER.match(after) or CHAIR_BEFORE.search(before) and verb < 200 and ";" not in after[:verb])


def finish(events: list[Event], present: list[tuple[int, str]], chairs: list[tuple[int, str]]) -> list[Event]:
    """One event per gathering, bridge points dated by their conference, and each chair and participant
    given to the events of the sentence that comes last before them (else the first)."""
    events = _dedupe(events)
    _date_bridge_points(events)
    if not events:
        return events
    ordered = sorted(events, key=lambda ev: ev.evidence.start)

    def events_at(pos: int) -> list[Event]:
        """The events of the last sentence naming one before pos (two when it joins two), else the first."""
        last = next((ev for ev in reversed(ordered) if ev.evidence.start <= pos), ordered[0])
        return [ev for ev in ordered if ev.evidence.start == last.evidence.start]

    for pos, person in sorted(chairs):
        for ev in events_at(pos):
            if person not in ev.chair:
                ev.chair.append(person)
    for pos, person in sorted(present):
        for ev in events_at(pos):
            if person not in ev.chair and person not in ev.participants:
                ev.participants.append(person)
    for ev in ordered:
        ev.participants = [p for p in ev.participants if p not in ev.chair]
    return events


def _date_bridge_points(events: list[Event]) -> None:
    """A bridge point ('tại điểm cầu X') meets on the date of the conference named before it."""
    date = None
    for ev in sorted(events, key=lambda e: e.evidence.start):
        if ev.kind == "điểm cầu" and ev.date is None:
            ev.date = date
        date = ev.date or date


def _same_day(a: str | None, b: str | None) -> bool:
    """The same day, one perhaps written without its year ('--12-08' and '2025-12-08')."""
    return a == b or bool(a and b and (a.startswith("--") or b.startswith("--")) and a[-5:] == b[-5:])


def _same_gathering(a: Event, b: Event) -> bool:
    """Same day and no different part of day or place; the same kind, or one of them only implied
    ('công bố quyết định' on the day of the article's hội nghị)."""
    implied = "dated-implicit-event" in (a.evidence.rule, b.evidence.rule) and "điểm cầu" not in (a.kind, b.kind)
    return (a.kind == b.kind or implied) and _same_day(a.date, b.date) and not (
        a.part_of_day and b.part_of_day and a.part_of_day != b.part_of_day
        or a.place and b.place and a.place != b.place
        or a.joined != b.joined and a.evidence.start == b.evidence.start)  # two joined in one sentence


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per gathering; an undated headline event names the dated one of its kind."""
    dated = {ev.kind: ev for ev in reversed(events) if ev.date}
    out: list[Event] = []
    for ev in events:
        if ev.date is None and ev.kind in dated:
            target = dated[ev.kind]
            if ev.name and (not target.name or ev.evidence.rule == "event-headline" and ev.kind == "buổi làm việc"):
                target.name = ev.name
            continue
        same = next((seen for seen in out if _same_gathering(ev, seen)), None)
        if same is None:
            out.append(ev)
        else:  # one gathering mentioned twice: keep the first mention, with what the other adds
            _absorb(same, ev)
    return out


def _absorb(kept: Event, other: Event) -> None:
    """Fill what the kept mention of a gathering lacks from another mention (a year, place, name, organiser);
    an explicit kind wins over an implied one."""
    if kept.date and kept.date.startswith("--") and other.date and not other.date.startswith("--"):
        kept.date = other.date
    kept.place = kept.place or other.place
    kept.name = kept.name or other.name
    kept.organizer = kept.organizer or other.organizer
    kept.part_of_day = kept.part_of_day or other.part_of_day
    if kept.evidence.rule == "dated-implicit-event" and other.evidence.rule != "dated-implicit-event":
        kept.kind = other.kind
