"""Saved SPARQL queries (queries/*.rq): list, load, and run with safely bound parameters.

Parameters are bound with rdflib's initBindings as typed literals, never pasted
into the query text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from rdflib import RDFS, SDO, SKOS, XSD, Literal, URIRef

from builder.errors import QueryError
from builder.namespace import KG
from builder.resources import QUERIES, entries

if TYPE_CHECKING:
    import pandas as pd

    from builder.rdf.store import Queryable

NATIVE = {XSD.integer, XSD.int, XSD.long, XSD.decimal, XSD.double, XSD.float, XSD.boolean}
HEADER = re.compile(r"^#\+\s*(\w+):\s*(.*)$")




@dataclass(frozen=True)
class SavedQuery:
    name: str
    text: str
    summary: str
    params: str
    kind: str
    dates: frozenset[str] = frozenset()  # parameters that must be a date, YYYY-MM-DD ('#+ dates:' header)

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
    return SavedQuery(name, text, meta.get("summary", ""), meta.get("params", ""), meta.get("kind", "report"),
                      frozenset(re.split(r"[\s,]+", meta["dates"].strip())) if meta.get("dates") else frozenset())


def checked(name: str, params: dict[str, Any] | None) -> SavedQuery:
    """The saved query NAME, once every parameter given is one it declares."""
    query = saved(name)
    unknown = [k for k in (params or {}) if k not in query.param_names]
    if unknown:
        raise QueryError(f"query {name!r} has no parameter {', '.join(unknown)}")
    for k in sorted(query.dates & set(params or {})):
        try:
            date.fromisoformat(str((params or {})[k]))
        except ValueError:
            raise QueryError(f"query {name!r}: {k} must be a date, YYYY-MM-DD (not {(params or {})[k]!r})") from None
    return query


def list_queries() -> list[SavedQuery]:
    """Every saved query, in name order."""
    return [saved(f.name.removesuffix(".rq")) for f in entries(QUERIES, ".rq")]


def select(name: str, ds: Queryable, params: dict[str, str] | None = None) -> tuple[list[str], list[dict[str, Any]]]:
    """Run a saved query on a graph (a Dataset unites its named graphs); returns the column names and the
    rows as RDF terms (None where unbound). Parameters are bound as plain literals, never pasted in."""
    query = checked(name, params)
    bindings = {k: Literal(v) for k, v in (params or {}).items()}
    result = ds.query(query.text, initBindings=bindings)
    columns = [str(v) for v in (result.vars or [])]
    rows = [{c: row[c] for c in columns} for row in result]  # type: ignore[index, call-overload]
    return columns, rows


def run(name: str, ds: Queryable, params: dict[str, str] | None = None) -> tuple[list[str], list[dict[str, Any]]]:
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


def to_frame(name: str, ds: Queryable, params: dict[str, Any] | None = None) -> pd.DataFrame:
    """A saved query's result as a pandas DataFrame with typed columns (see `frame`)."""
    return frame(ds, checked(name, params).text, params)


def frame(ds: Queryable, text: str, params: dict[str, Any] | None = None) -> pd.DataFrame:
    """A SPARQL SELECT's result as a DataFrame. Parameters are bound as typed literals (never pasted in).

    Columns are typed by what they hold: xsd:date and xsd:dateTime → datetime64, xsd:gYear and
    integers → Int64, decimals and doubles → float64, booleans → boolean; a column mixing full dates
    with xsd:gMonthDay keeps `datetime.date` and the month-day string ("--12-20": the year is unknown,
    none is invented). A column of IRIs gets a `<column>Label` column beside it with the node's name.
    """
    import pandas as pd

    bindings = {k: v if isinstance(v, (Literal, URIRef)) else Literal(v) for k, v in (params or {}).items()}
    try:
        result = ds.query(text, initBindings=bindings)
    except Exception as err:  # rdflib raises pyparsing's and its own errors; both are the query's fault
        raise QueryError(f"query does not run: {' '.join(str(err).split())}") from err
    if result.type != "SELECT":
        raise QueryError(f"only SELECT queries give a table (this one is {result.type})")
    columns = [str(v) for v in (result.vars or [])]
    rows = [[row[c] for c in columns] for row in result]  # type: ignore[index, call-overload]
    data: dict[str, Any] = {}
    for i, c in enumerate(columns):
        cells = [r[i] for r in rows]
        data[c] = _column(cells)
        if cells and all(v is None or isinstance(v, URIRef) for v in cells) and any(cells):
            labels = {v: label(ds, v) for v in set(cells) if v is not None}
            data[f"{c}Label"] = pd.Series([labels.get(v) for v in cells], dtype="object")
    return pd.DataFrame(data, columns=list(data)).reset_index(drop=True)


LABELS = (SDO.name, RDFS.label, SKOS.prefLabel, KG.articleId, KG.factId)
DATES = {XSD.date, XSD.dateTime}


def label(g: Queryable, node: Any) -> str | None:
    """The node's readable name: the least value of the first of LABELS it has (None if it has none)."""
    for prop in LABELS:
        values = sorted(str(v) for v in g.objects(node, prop))
        if values:
            return values[0]
    return None


def _column(cells: list[Any]) -> pd.Series:
    """One result column as a typed Series: see `frame`."""
    import pandas as pd

    kinds = {v.datatype for v in cells if isinstance(v, Literal)} | {type(v) for v in cells if not isinstance(
        v, Literal) and v is not None}
    if not kinds:
        return pd.Series([None] * len(cells), dtype="object")
    if kinds <= {XSD.integer, XSD.int, XSD.long, XSD.gYear}:
        return pd.Series([None if v is None else int(str(v)[:4] if v.datatype == XSD.gYear else v)
                          for v in cells], dtype="Int64")
    if kinds <= {XSD.decimal, XSD.double, XSD.float, XSD.integer}:
        return pd.Series([None if v is None else float(v) for v in cells], dtype="float64")
    if kinds == {XSD.boolean}:
        return pd.Series([None if v is None else bool(v.toPython()) for v in cells], dtype="boolean")
    if kinds <= DATES:
        try:
            return pd.Series(pd.to_datetime([None if v is None else str(v) for v in cells]))
        except (ValueError, TypeError):  # mixed time zones: keep the lexical forms
            return pd.Series([None if v is None else str(v) for v in cells], dtype="object")
    if kinds <= DATES | {XSD.gMonthDay}:
        return pd.Series([_day(v) for v in cells], dtype="object")
    return pd.Series([None if v is None else str(v) for v in cells], dtype="object")


def _day(v: Literal | None) -> object:
    """A full date as datetime.date, a month-day as its lexical form."""
    if v is None:
        return None
    if v.datatype == XSD.gMonthDay:
        return str(v)
    return date.fromisoformat(str(v)[:10])


def queries_frame() -> pd.DataFrame:
    """The saved queries as a DataFrame: name, kind, summary, params."""
    import pandas as pd

    return pd.DataFrame([{"name": q.name, "kind": q.kind, "summary": q.summary, "params": q.params}
                         for q in list_queries()], columns=["name", "kind", "summary", "params"])
