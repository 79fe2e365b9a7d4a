"""Coverage-guided fuzzing (atheris, libFuzzer) of the parts that read untrusted text: the encoding detector,
the normaliser, the date and timestamp parsers and the title binder.

    python tests/fuzz.py [--seconds 60] [TARGET…]       targets: decode normalize dates titles (default: all)

Each target runs for the given seconds in its own child process, from a corpus of the bundled seeds' lines.
A target fails when its code raises anything but the errors it documents (EncodingError for bytes no
encoding reads) or breaks an invariant (offsets out of range, a date that is no date). A crash is printed
with the input that caused it (libFuzzer writes it to crash-<hash> in the current folder); each crash
found and fixed has become a regression test in tests/test_fuzz_regressions.py. Not run by pytest:
fuzzing is bounded by time, not by examples.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TARGETS = ("decode", "normalize", "dates", "titles")


def check_decode(data: bytes) -> None:
    from builder.text.encoding import EncodingError, decode

    try:
        decoded = decode(data, "fuzz")
    except EncodingError as err:
        assert "\n" not in str(err) and str(err).startswith("fuzz: ")
        return
    assert isinstance(decoded.text, str) and decoded.encoding


def check_normalize(text: str) -> None:
    from builder.text.normalize import normalize

    clean = normalize(text)
    assert len(clean.offsets) == len(clean.text)
    assert all(0 <= o <= len(text) for o in clean.offsets)
    assert list(clean.offsets) == sorted(clean.offsets)
    for p in clean.paragraphs:
        assert 0 <= p.start <= p.end <= len(clean.text)


def check_dates(text: str) -> None:
    from builder.extract.dates import find_dates
    from builder.text.metadata import parse_stamp

    for d in find_dates(text):
        assert 0 <= d.start < d.end <= len(text)
        resolved = d.resolve("2024-06-30")
        if resolved.startswith("--"):
            date.fromisoformat("2024" + resolved[1:])
        else:
            date.fromisoformat(resolved)
    stamp = parse_stamp(text)
    if stamp:
        date.fromisoformat(stamp[:10])


def check_titles(text: str) -> None:
    from builder.extract.bind import bind
    from builder.extract.context import ArticleContext

    if not text.strip():
        return
    ctx = ArticleContext()
    sent = ctx.sentence(text)
    for person, title, _rule in bind(sent, ctx).holdings:
        assert person.text and title.role and title.body
        assert 0 <= title.start < title.end <= len(sent.syllables)


CHECKS = {"decode": check_decode, "normalize": check_normalize, "dates": check_dates, "titles": check_titles}


def run_target(name: str, seconds: int, corpus: Path) -> None:
    """This process fuzzes one target (atheris takes over sys.argv)."""
    import atheris

    check = CHECKS[name]

    def one(data: bytes) -> None:
        if name == "decode":
            check(data)
        else:
            check(atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data)))

    atheris.instrument_all()
    atheris.Setup([sys.argv[0], f"-max_total_time={seconds}", "-max_len=4096", "-print_final_stats=1", str(corpus)],
                  one)
    atheris.Fuzz()


def seed_corpus(folder: Path) -> Path:
    """One file per line of the bundled seeds, to start from."""
    from builder.resources import SEEDS

    lines = [ln for f in sorted(SEEDS.glob("*.txt")) for ln in f.read_text(encoding="utf-8").splitlines()]
    for k, line in enumerate(ln for ln in lines if ln.strip()):
        (folder / f"{k:04d}").write_bytes(line.encode())
    return folder


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("targets", nargs="*", help=f"of {', '.join(TARGETS)} (default: all)")
    p.add_argument("--seconds", type=int, default=60, help="seconds per target (default 60)")
    p.add_argument("--child", help=argparse.SUPPRESS)
    p.add_argument("--corpus", help=argparse.SUPPRESS)
    args, _ = p.parse_known_args()
    if args.child:
        run_target(args.child, args.seconds, Path(args.corpus))
        return 0
    failed = []
    for name in args.targets or TARGETS:
        if name not in CHECKS:
            p.error(f"unknown target {name!r}")
        with tempfile.TemporaryDirectory() as tmp:
            corpus = seed_corpus(Path(tmp))
            proc = subprocess.run([sys.executable, __file__, "--child", name, "--seconds", str(args.seconds),
                                   "--corpus", str(corpus)], capture_output=True, text=True)
        stats = [ln for ln in proc.stderr.splitlines() if ln.startswith(("stat::number_of_executed_units", "Done"))]
        print(f"{name}: {'ok' if proc.returncode == 0 else 'CRASH'} in {args.seconds} s; {'; '.join(stats)}")
        if proc.returncode != 0:
            failed.append(name)
            print(proc.stderr[-4000:])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
