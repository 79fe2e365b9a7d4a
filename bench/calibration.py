"""Are the measured confidences honest on articles they were not measured on?

    python bench/calibration.py FIT_GOLD FIT_TEXTS HELD_GOLD HELD_TEXTS

Measures each rule's precision on the first set (as `kg eval --calibrate` does) and prints the
reliability table (confidence bucket → observed precision, facts) on that set and on the held-out
second set, each fact at its best evidence's measured confidence. Figures are printed, never asserted.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def outcomes(gold_dir: str, texts: str) -> list:  # type: ignore[type-arg]
    import builder

    b = builder.build_dataset([texts])
    scores = builder.evaluate(builder.graph_facts(b.dataset), builder.load_gold(Path(gold_dir)))
    return scores["outcomes"]


def main(argv: list[str]) -> None:
    import builder

    fit_gold, fit_texts, held_gold, held_texts = argv
    fit = outcomes(fit_gold, fit_texts)
    measured = {r: c for r, (c, _, _) in builder.calibrate(fit).items()}
    for label, data in (("measured on", fit), ("held out", outcomes(held_gold, held_texts))):
        print(f"{label}: {held_texts if label == 'held out' else fit_texts}")
        for bucket, precision, n in builder.reliability(data, lambda rule, old: measured.get(rule, old)):
            print(f"  {bucket:14} {precision:6.3f} {n:6}")


if __name__ == "__main__":
    main(sys.argv[1:])
