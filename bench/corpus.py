"""A corpus of N varied articles for the benchmarks, made from the seeds and any articles you name.

    python bench/corpus.py N FOLDER [PATH…]

Writes N article files into FOLDER, cycling through the bundled seeds (`builder.SEEDS`)
and the articles under each PATH (e.g. ../shared/dev/texts: they are read where they
are, never copied into the project). Every file is a varied copy under its own id: the
people the builder finds in the source (holdings, chairs, participants) get generated
Vietnamese names (and `ông/bà <given name>` the new given name), and every date written
`D/M`, `D/M/YYYY`, `D-D/M` or `ngày D tháng M [năm YYYY]` moves by the same number of
days, so the corpus is not N identical copies. The same N and sources give the same
files (seeded random). Prints how many files it wrote.
"""

from __future__ import annotations

import random
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEED = "dangkg-bench"
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
            "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Lương", "Lâm")
MIDDLE_MALE = ("Văn", "Đức", "Minh", "Quốc", "Thanh", "Hữu", "Công", "Xuân", "Ngọc", "Tiến", "Hồng", "Quang",
               "Văn Minh", "Đình", "Trọng")
MIDDLE_FEMALE = ("Thị", "Thị Thu", "Thị Minh", "Thị Thanh", "Thị Ngọc", "Thị Kim", "Thị Hồng", "Thị Thúy")
GIVEN_MALE = ("Hùng", "Dũng", "Tuấn", "Hải", "Sơn", "Long", "Nam", "Bình", "Cường", "Thắng", "Trung", "Phong",
              "Khánh", "Hiếu", "Toàn", "Quân", "Vinh", "Lộc", "Thịnh", "Đạt", "Khoa", "Tâm", "Phúc", "Kiên")
GIVEN_FEMALE = ("Lan", "Hương", "Mai", "Hoa", "Hạnh", "Nga", "Thủy", "Hằng", "Yến", "Vân", "Trang", "Linh",
                "Hà", "Huyền", "Ngân", "Thảo")
HONORIFIC = r"(?:[ôÔ]ng|[bB]à|[đĐ]ồng chí)"
SLASH_DATE = re.compile(r"(?<![\d/.-])(?:(\d{1,2})-)?(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])")
WORD_DATE = re.compile(r"(ngày|Ngày) (\d{1,2}) tháng (\d{1,2})(?: năm (\d{4}))?")
NO_YEAR = 2023  # not a leap year: a date without its year never moves to 29/2, which its article's year may lack


def make_corpus(n: int, folder: str | Path, sources: Iterable[str | Path] = ()) -> list[Path]:
    """Write n varied article files into folder from the seeds and the articles under sources; their paths."""
    import builder

    paths = [str(builder.SEEDS), *map(str, sources)]
    b = builder.build_dataset(paths)  # a quick build, for the names of the people in each article
    articles = [(a, people(f)) for a, f in zip(b.articles, b.facts)]
    if not articles:
        raise SystemExit(f"no articles under {', '.join(paths)}")
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n):
        article, names = articles[i % len(articles)]
        rng = random.Random(f"{SEED}:{i}")
        text = article.raw if article.path.endswith(".txt") else article.clean.text
        text = shift_dates(rename(unicodedata.normalize("NFC", text), names, rng), rng.randint(-200, 200))
        path = out / f"c{i:05d}-{article.id}.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def people(facts) -> list[str]:  # type: ignore[no-untyped-def]
    """Full names (two syllables or more) of the people the builder found in one article."""
    names = {h.person for h in facts.holdings}
    for e in facts.events:
        names.update(e.chair, e.participants)
    return sorted(n for n in names if len(n.split()) >= 2)


def new_name(old: str, rng: random.Random, taken: set[str]) -> str:
    """A plausible name of the same gender (a middle `Thị` is read as a woman's), not yet in taken."""
    female = "Thị" in old.split()
    while True:
        name = " ".join((rng.choice(SURNAMES), rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE),
                         rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)))
        if name not in taken:
            taken.add(name)
            return name


def rename(text: str, names: Sequence[str], rng: random.Random) -> str:
    """Every full name (also in capitals) and every `ông/bà <given name>` of names replaced by a new name."""
    if not names:
        return text
    mapping: dict[str, str] = {}
    taken = set(names)
    for old in names:
        mapping[old] = new_name(old, rng, taken)
        mapping[old.upper()] = mapping[old].upper()
    givens = [n.split()[-1] for n in names]
    short = {g: mapping[n].split()[-1] for n, g in zip(names, givens) if givens.count(g) == 1}
    full = "|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True))
    given = "|".join(map(re.escape, short)) or "(?!)"
    pattern = rf"(?<!\w)(?:(?P<full>{full})|(?P<hon>{HONORIFIC}) (?P<given>{given}))(?!\w)"

    def swap(m: re.Match[str]) -> str:
        return mapping[m["full"]] if m["full"] else f"{m['hon']} {short[m['given']]}"

    return re.sub(pattern, swap, text)


def shift_dates(text: str, days: int) -> str:
    """Every valid day-month date in text moved by days (a range `D-D/M` only when it stays in one month)."""
    delta = timedelta(days=days)

    def moved(d: str, m: str, y: str | None) -> date | None:
        try:
            return date(int(y or NO_YEAR), int(m), int(d)) + delta
        except ValueError:
            return None

    def pad(new: int, old: str) -> str:
        return f"{new:0{len(old)}d}" if old.startswith("0") else str(new)

    def slash(m: re.Match[str]) -> str:
        first, d, mo, y = m.groups()
        end = moved(d, mo, y)
        if end is None:
            return m[0]
        text = f"{pad(end.day, d)}/{pad(end.month, mo)}" + (f"/{end.year}" if y else "")
        if first:
            start = moved(first, mo, y)
            if start is None or (start.month, start.year) != (end.month, end.year):
                return m[0]
            text = f"{pad(start.day, first)}-{text}"
        return text

    def words(m: re.Match[str]) -> str:
        head, d, mo, y = m.groups()
        new = moved(d, mo, y)
        if new is None:
            return m[0]
        return f"{head} {new.day} tháng {new.month}" + (f" năm {new.year}" if y else "")

    return WORD_DATE.sub(words, SLASH_DATE.sub(slash, text))


def main(argv: list[str]) -> None:
    if len(argv) < 2 or not argv[0].isdigit():
        raise SystemExit(__doc__)
    written = make_corpus(int(argv[0]), argv[1], argv[2:])
    print(f"wrote {len(written)} articles to {argv[1]}")


if __name__ == "__main__":
    main(sys.argv[1:])
