"""Where the project's data lives: gazetteers, ontology, shapes, saved queries and the example articles.

All of it ships inside the package (`builder/gazetteers/`, and `builder/ontology`,
`builder/shapes`, `builder/queries`, `builder/seeds`, which in a checkout are links to
the top-level folders) and is read through importlib.resources, so an installed wheel
works from any directory.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE: Traversable = files("builder")
GAZETTEERS = PACKAGE / "gazetteers"
ONTOLOGY = PACKAGE / "ontology"
SHAPES = PACKAGE / "shapes"
QUERIES = PACKAGE / "queries"
SEEDS = Path(str(PACKAGE / "seeds"))  # a folder of files to build, so a real path


def entries(folder: Traversable, suffix: str) -> list[Traversable]:
    """The files of a data folder with this suffix, in name order."""
    return sorted((f for f in folder.iterdir() if f.name.endswith(suffix) and f.is_file()), key=lambda f: f.name)


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """Non-comment, non-blank lines of a gazetteer file."""
    lines = (GAZETTEERS / name).read_text(encoding="utf-8").splitlines()
    return tuple(ln for ln in lines if ln.strip() and not ln.startswith("#"))


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV gazetteer (first non-comment line is the header; missing trailing cells are empty)."""
    header, *rows = data_lines(name)
    keys = header.split("\t")
    return tuple(dict(zip(keys, [*row.split("\t"), *[""] * len(keys)])) for row in rows)
