"""The extractor never fails on real text, however it is cut or mangled: every development article (the
seeds where the set is not beside this checkout) in seeded variants — cut at a random point or word, line
breaks removed, commas and semicolons dropped, full stops dropped, lower-cased, doubled, and mixes of
these — is extracted without an exception. Bounded in time: the variants run in a fixed order until
DEADLINE seconds have passed."""

from __future__ import annotations

import random
import time
import traceback
from collections.abc import Callable

import pytest

from builder.extract import extract
from builder.text.ingest import make_article
from tests.helpers import ROOT, SEED_FILES

DEV = ROOT.parent / "shared" / "dev" / "texts"
DEADLINE = 90.0
SEEDS_PER_ARTICLE = 12

OPS: dict[str, Callable[[str, random.Random], str]] = {
    "cut": lambda t, r: t[:r.randrange(1, max(2, len(t)))],
    "cut-at-word": lambda t, r: " ".join(t.split(" ")[:r.randrange(1, len(t.split(" ")) + 1)]),
    "one-line": lambda t, r: t.replace("\n", " "),
    "no-commas": lambda t, r: t.replace(",", "").replace(";", ""),
    "no-full-stops": lambda t, r: t.replace(".", ""),
    "lower-case": lambda t, r: t.lower(),
    "doubled": lambda t, r: t + "\n\n" + t,
}


def variants(name: str, text: str) -> list[tuple[str, str]]:
    """Each operation alone, then mixes of one to three, chosen by a generator seeded with the file name."""
    out = [(op, OPS[op](text, random.Random(f"{name}-{op}"))) for op in OPS]
    for seed in range(SEEDS_PER_ARTICLE):
        rng = random.Random(f"{name}-{seed}")
        ops = rng.sample(sorted(OPS), rng.randrange(1, 4))
        v = text
        for op in ops:
            v = OPS[op](v, rng)
        out.append(("+".join(ops), v))
    return out


def test_no_variant_of_a_real_article_makes_the_extractor_raise():
    files = sorted(DEV.glob("*.txt")) if DEV.is_dir() else SEED_FILES
    start, tried, failures = time.monotonic(), 0, []
    for path in files:
        for how, text in variants(path.name, path.read_text(encoding="utf-8")):
            if time.monotonic() - start > DEADLINE:
                break
            tried += 1
            try:
                extract(make_article("v", "v.txt", text))
            except Exception as err:  # noqa: BLE001 - every failure is listed
                where = traceback.extract_tb(err.__traceback__)[-1]
                failures.append(f"{path.name} {how}: {type(err).__name__} at {where.filename}:{where.lineno}")
    assert tried >= len(files) and failures == []


@pytest.mark.parametrize("text", [
    "Ông Lê Văn An là Bí thư Huyện ủy",
    "Dự hội nghị có Bí thư Đảng ủy xã",
    "Chủ tịch Ủy ban nhân dân huyện",
])
def test_a_local_body_at_the_very_end_of_a_text_is_read(text):
    """A unit's body with nothing after it (a text cut there) made the local-body rule read past the end."""
    extract(make_article("t", "t.txt", text))
