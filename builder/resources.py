"""Where the project's data lives: gazetteers, ontology, shapes and saved queries."""

from __future__ import annotations

from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent
GAZETTEERS = PACKAGE / "gazetteers"
ONTOLOGY = ROOT / "ontology"
SHAPES = ROOT / "shapes"
QUERIES = ROOT / "queries"
SEEDS = ROOT / "seeds"


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """Non-comment, non-blank lines of a gazetteer file."""
    lines = (GAZETTEERS / name).read_text(encoding="utf-8").splitlines()
    return tuple(ln for ln in lines if ln.strip() and not ln.startswith("#"))


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV gazetteer (first non-comment line is the header)."""
    header, *rows = data_lines(name)
    keys = header.split("\t")
    return tuple(dict(zip(keys, row.split("\t"))) for row in rows)
