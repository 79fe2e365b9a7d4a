"""Dates as news writes them: 'Sáng 28/12', 'ngày 5-10-2018', 'Chiều 9-8', '23.12'.

A year comes from the text or from the article's publication date; where it
cannot be known the date is month and day only (--MM-DD), never an invented year.
A day the month does not have ('31/4', '29/2/2021') is no date; a 29 February whose
year the publication date gives is month and day only when that year is not a leap year.
"""

from __future__ import annotations

import re
from calendar import isleap, monthrange
from dataclasses import dataclass

PART = r"(?P<part>[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm)(?:\s+nay)?"
# A range of days is dated by its first: "25-27/9", "(1-2/12)", "ngày 19 đến 23/1", "ngày 7 đến 13-8", "25 và 26/9".
DAY_MONTH = (r"(?P<d>\d{1,2})\s*(?:[-–]\s*\d{1,2}\s*(?=[/.])|\s(?:đến|tới|và)\s+(?:ngày\s+)?\d{1,2}\s*(?=[/.-]))?"
             r"(?P<sep>[/.-])\s*(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<y>\d{4}))?(?![\d/.-]\d)")
WORDS = r"(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s+năm\s+(?P<y2>\d{4}))?"
# "Sáng 28/12", "Sáng nay (19/1)", "ngày 5-10-2018", "Trong hai ngày (1-2/12)"
DATE = re.compile(
    rf"(?:(?:{PART}),?\s*\(?\s*(?:ngày\s+|hôm\s+nay\s+)?|(?P<ngay>[Nn]gày)\s*\(?\s*)?(?:{WORDS}|{DAY_MONTH})")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    month: int
    day: int
    year: int | None
    part: str | None

    def resolve(self, published: str | None) -> str:
        """ISO date, with the year from the text, else the publication date, else --MM-DD."""
        year = self.year
        if year is None and published and re.match(r"\d{4}-\d{2}-\d{2}", published):
            pub_year, pub_month, pub_day = (int(x) for x in published[:10].split("-"))
            year = pub_year if (self.month, self.day) <= (pub_month, pub_day) else pub_year - 1
        if year is None or (self.month, self.day) == (2, 29) and not isleap(year):
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{year:04d}-{self.month:02d}-{self.day:02d}"


def find_dates(text: str, offset: int = 0) -> list[DateMention]:
    """Date mentions of a sentence; a bare 'D/M' counts only after Sáng/Chiều/ngày, with a year, or alone in
    parentheses."""
    out = []
    for m in DATE.finditer(text):
        d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (
            m.group("d2"), m.group("m2"), m.group("y2"))
        # "Trong ngày làm việc đầu tiên (16/5)": a day and month alone in parentheses is a date too
        alone = text[:m.start()].rstrip().endswith("(") and text[m.end():].lstrip().startswith(")")
        anchored = bool(m.group("part") or m.group("ngay") or m.group("d2") or alone)
        if not anchored and not y:
            continue
        if m.group("sep") == "." and not anchored:
            continue
        day, month = int(d), int(mo)
        if y and not 1000 <= int(y) <= 2999:
            continue  # '28-12-0000' is no date (and year 0 no xsd:date)
        if not (1 <= month <= 12 and 1 <= day <= monthrange(int(y) if y else 2000, month)[1]):
            continue  # 2000 is a leap year: without a year, 29/2 may be a date
        part = m.group("part").lower() if m.group("part") else None
        out.append(DateMention(m.start() + offset, m.end() + offset, month, day, int(y) if y else None, part))
    return out


OPENING_WORDS = 6  # a date within a sentence's first words is the day it reports for ("Ngày 2/11, ông A …")
# A date right after a document number is the document's; "Đến ngày …" is a status, not a gathering.
NOT_EVENT_DATE = re.compile(r"(?:\bsố\s+[\w./-]+|\d+-[A-ZĐ]+/[A-ZĐ]+|\b[Đđ]ến|\b[Tt]ính đến)\s*$")
BIRTH = re.compile(r"\bsinh\s*$")  # "sinh ngày 5/3/1965"


def opening_date(text: str, published: str | None) -> str | None:
    """The full date a sentence opens with, the day what it says is reported for ('Ngày 2/11/2017, ông A …';
    'Sáng 9/5, …' in an article published in 2018): not a birth date, a document's date or a deadline."""
    for d in find_dates(text):
        before = text[:d.start]
        if len(re.findall(r"\w+", before)) > OPENING_WORDS:
            return None
        if NOT_EVENT_DATE.search(before) or BIRTH.search(before):
            continue
        day = d.resolve(published)
        return day if not day.startswith("--") else None
    return None
