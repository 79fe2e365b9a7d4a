"""Saved SPARQL queries (queries/*.rq): list, load, and run with safely bound parameters.

Parameters are bound with rdflib's initBindings as typed literals, never pasted
into the query text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rdflib import XSD, Graph, Literal

from builder.resources import QUERIES, entries

if TYPE_CHECKING:
    import pandas as pd

NATIVE = {XSD.integer, XSD.int, XSD.long, XSD.decimal, XSD.double, XSD.float, XSD.boolean}
HEADER = re.compile(r"^#\+\s*(\w+):\s*(.*)$")


class QueryError(Exception):
    """A saved query that does not exist or cannot run."""


@dataclass(frozen=True)
class SavedQuery:
    name: str
    text: str
    summary: str
    params: str
    kind: str

    @property
    def param_names(self) -> set[str]:
        """Names declared in the '#+ params:' header (parenthesised notes removed)."""
        names = re.sub(r"\([^)]*\)", " ", self.params)
        return {w for w in re.split(r"[\s,]+", names) if w and w != "none"}


def saved(name: str) -> SavedQuery:
    """The saved query called NAME (file queries/NAME.rq)."""
    path = QUERIES / f"{name}.rq"
    if "/" in name or not path.is_file():
        raise QueryError(f"no saved query {name!r} (see `kg queries`)")
    text = path.read_text(encoding="utf-8")
    meta = {m.group(1): m.group(2).strip() for m in map(HEADER.match, text.splitlines()) if m}
    return SavedQuery(name, text, meta.get("summary", ""), meta.get("params", ""), meta.get("kind", "report"))


def list_queries() -> list[SavedQuery]:
    """Every saved query, in name order."""
    return [saved(f.name.removesuffix(".rq")) for f in entries(QUERIES, ".rq")]


def select(name: str, ds: Graph, params: dict[str, str] | None = None) -> tuple[list[str], list[dict[str, Any]]]:
    """Run a saved query on a graph (a Dataset unites its named graphs); returns the column names and the
    rows as RDF terms (None where unbound). Parameters are bound as plain literals, never pasted in."""
    query = saved(name)
    bindings = {k: Literal(v) for k, v in (params or {}).items()}
    unknown = [k for k in bindings if k not in query.param_names]
    if unknown:
        raise QueryError(f"query {name!r} has no parameter {', '.join(unknown)}")
    result = ds.query(query.text, initBindings=bindings)
    columns = [str(v) for v in (result.vars or [])]
    rows = [{c: row[c] for c in columns} for row in result]  # type: ignore[index, call-overload]
    return columns, rows


def run(name: str, ds: Graph, params: dict[str, str] | None = None) -> tuple[list[str], list[dict[str, Any]]]:
    """Run a saved query on a graph (a Dataset unites its named graphs); returns the column names and the
    rows, numbers and booleans as Python values, everything else in its lexical form."""
    columns, rows = select(name, ds, params)
    return columns, [{c: _value(v) for c, v in row.items()} for row in rows]


def _value(node: object) -> str | int | float | bool | None:
    """Numbers and booleans as Python values; everything else (dates too) as its lexical form."""
    if node is None:
        return None
    if isinstance(node, Literal) and node.datatype in NATIVE:
        value = node.toPython()
        return value if isinstance(value, (int, float, bool)) else str(node)
    return str(node)


def to_frame(name: str, ds: Graph, params: dict[str, str] | None = None) -> pd.DataFrame:
    """A saved query's result as a pandas DataFrame (for notebooks)."""
    import pandas as pd

    columns, rows = run(name, ds, params)
    return pd.DataFrame(rows, columns=columns)
