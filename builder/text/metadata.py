"""Metadata an article states about itself: publication stamp, source, URL, byline.

Paragraphs that only carry metadata are marked so extraction skips them
(a byline is an author, never an official).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date, time

from builder.text.normalize import Clean

STAMP_TIME_FIRST = re.compile(
    r"(?<!\d)(\d{1,2}):(\d{2})(?::(\d{2}))?,?\s+(?:\w+\s+)?(?:\w+,?\s+)?(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
STAMP_DATE_FIRST = re.compile(
    r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}),?\s*(?:-\s*|lúc\s*)?(\d{1,2})[:h](\d{2})(?::(\d{2}))?")
SOURCE = re.compile(r"^\(?Nguồn\s*:?\s*(?P<name>[^:]*?)\s*(?::\s*(?P<url>https?://\S+))?\)?$", re.I)
URL = re.compile(r"https?://[^\s)\]>\"']+")
AGENCY = re.compile(r"^\(?(Theo\s+)?(?P<name>(TTXVN|VNA|VOV|TTO|TTXVN/[\w .]+|Báo [\w .&]+|Tạp chí [\w .&]+))\)?\.?$")
BYLINE = re.compile(r"^(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s?){1,4}$")
SITE_PREFIX = re.compile(r"^\((?P<site>[\w.-]+\.(?:vn|com|net|org))\)\s*[–-]")
WEEKDAY_LINE = re.compile(r"^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật)", re.I)


def _iso(y: str, mo: str, d: str, h: str | None, mi: str | None, s: str | None) -> str | None:
    """The stamp as ISO 8601, if it is a real day (29/2 only in a leap year) and a real time of day."""
    try:
        day = date(int(y), int(mo), int(d))
        moment = time(int(h), int(mi), int(s or 0)) if h is not None and mi is not None else None
    except ValueError:
        return None
    if moment is None:
        return day.isoformat()
    return f"{day.isoformat()}T{moment.hour:02d}:{moment.minute:02d}" + (f":{moment.second:02d}" if s else "")


def parse_stamp(line: str) -> str | None:
    """A publication stamp written on its own line, as ISO 8601 (local time, no zone)."""
    if len(line) > 60:
        return None
    m = STAMP_TIME_FIRST.search(line)
    if m:
        h, mi, s, d, mo, y = m.groups()
        return _iso(y, mo, d, h, mi, s)
    m = STAMP_DATE_FIRST.search(line)
    if m:
        d, mo, y, h, mi, s = m.groups()
        return _iso(y, mo, d, h, mi, s)
    return None


def read_metadata(clean: Clean) -> tuple[dict[str, str | None], Clean]:
    """Metadata found in the text, and the text with metadata paragraphs marked."""
    found: dict[str, str | None] = {"source": None, "published": None, "author": None, "url": None}
    paragraphs = list(clean.paragraphs)
    last = len(paragraphs) - 1
    for i, para in enumerate(paragraphs):
        line = clean.text[para.start:para.end].strip()
        is_meta = False
        if (stamp := parse_stamp(line)) and (len(line) < 40 or WEEKDAY_LINE.match(line) or "GMT" in line
                                              or line.lower().startswith("cập nhật")):
            found["published"] = found["published"] or stamp
            is_meta = True
        elif m := SOURCE.match(line):
            found["source"] = m.group("name").strip(" .") or found["source"]
            found["url"] = m.group("url") or found["url"]
            is_meta = True
        elif i >= last - 3 and (m := AGENCY.match(line)) and len(line) < 60:
            found["source"] = found["source"] or m.group("name")
            is_meta = True
        elif i >= last - 3 and i > 0 and BYLINE.match(line) and len(line) < 30 and not paragraphs[i].caption:
            found["author"] = found["author"] or line
            is_meta = True
        if not found["url"] and (m := URL.search(line)) and len(line) < 300:
            found["url"] = m.group().rstrip(".,")
        if i == 0 and (m := SITE_PREFIX.match(line)):
            found["source"] = found["source"] or m.group("site")
        if is_meta:
            paragraphs[i] = dataclasses.replace(para, meta=True)
    return found, dataclasses.replace(clean, paragraphs=paragraphs)
