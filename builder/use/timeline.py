"""Timeline pictures: one person's posts, or one post's holders, over the dates their reports are for.
See docs/internals.md."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from rdflib import Literal

from builder.files import write_atomic
from builder.use.intervals import REPORTS, intervals
from builder.use.views import ViewError

if TYPE_CHECKING:
    from builder.rdf.store import Queryable

MARKERS = {"TakingUp": ("^", "#2a9d5c", "taken up"), "Continuing": ("o", "#3a6ea5", "held"),
           "Leaving": ("v", "#c0392b", "left")}
FORMATS = (".png", ".svg")
COLUMNS = ("person", "role", "body", "date", "change", "article")


@dataclass(frozen=True)
class Report:
    lane: str
    day: date
    change: str
    article: str


def reports(g: Queryable, person: str | None = None, role: str | None = None,
            body: str | None = None) -> tuple[list[Report], int]:
    """The dated reports of one person (lanes: posts) or of one post (lanes: persons), in lane and date order,
    and how many reports had no full date."""
    if bool(person) == bool(role and body):
        raise ViewError("a timeline is of one person (person=…) or of one post (role=… and body=…)")
    params = {"personName": person} if person else {"roleName": role, "bodyName": body}
    out, undated = set(), 0
    for row in g.query(REPORTS, initBindings={k: Literal(v) for k, v in params.items()}):
        row = cast("dict[str, Any]", row)
        r = {k: None if row[k] is None else str(row[k]) for k in COLUMNS}
        lane = f"{r['role']} — {r['body']}" if person else str(r["person"])
        try:
            day = date.fromisoformat(str(r["date"]))
        except ValueError:  # no date, or "--MM-DD"
            undated += 1
            continue
        out.add(Report(lane, day, str(r["change"]), str(r["article"])))
    return sorted(out, key=lambda r: (r.lane, r.day, r.change, r.article)), undated


def timeline(g: Queryable, person: str | None = None, role: str | None = None, body: str | None = None) -> Any:
    """The timeline of one person or one post as a matplotlib Figure (no pyplot: no backend is switched): each
    report a marker, each time in a post a bar (builder.use.intervals; green while open)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    found, undated = reports(g, person, role, body)
    if not found and not undated:
        raise ViewError(f"no reports of {person or f'{role} — {body}'} in the graph")
    lanes = sorted({r.lane for r in found})
    height = 2.0 + 0.55 * max(1, len(lanes))
    fig = Figure(figsize=(10, height), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    last = max((r.day for r in found), default=None)
    times = intervals(g, person, role, body)
    for y, lane in enumerate(lanes):
        for t in times:  # each time in the post as a bar, to its end, or to the last report drawn while open
            if (f"{t.role} — {t.body}" if person else t.person) == lane and last:
                end = t.until or max(last, t.start)
                ax.barh(y, max(date2num(end) - date2num(t.start), 1.0), left=date2num(t.start), height=0.32,
                        color="#d6e4f0" if t.until else "#e8f3e8", edgecolor="#9bb7d4" if t.until else "#9cc79c",
                        zorder=1)
        for change, (marker, colour, _) in MARKERS.items():
            here = [date2num(r.day) for r in found if r.lane == lane and r.change == change]
            ax.scatter(here, [y] * len(here), marker=marker, s=90, color=colour, zorder=2, edgecolors="white")
    ax.set_yticks(range(len(lanes)), lanes, fontsize=9)
    ax.set_ylim(-0.7, max(len(lanes), 1) - 0.3)
    locator = AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.grid(axis="x", color="#eeeeee")
    fig.suptitle(person or f"{role} — {body}", fontsize=12)
    note = f"{len(found)} dated reports" + (f"; {undated} without a full date not drawn" if undated else "")
    ax.set_title(note, fontsize=9, color="#666666")
    bars = [Patch(facecolor="#d6e4f0", edgecolor="#9bb7d4", label="time in the post"),
            Patch(facecolor="#e8f3e8", edgecolor="#9cc79c", label="still open")]
    marks = [Line2D([], [], ls="", marker=m, ms=9, color=c, label=text) for m, c, text in MARKERS.values()]
    fig.legend(handles=[*marks, *bars], loc="lower center", ncol=5, frameon=False, fontsize=9)
    # room in inches: the legend and the dates below, the title and the note above, the lane names on the left
    fig.subplots_adjust(left=0.32 if person else 0.2, right=0.97, bottom=1.0 / height, top=1 - 0.75 / height)
    return fig


def write_timeline(g: Queryable, path: str | Path, person: str | None = None, role: str | None = None,
                   body: str | None = None) -> Path:
    """Write the timeline of one person or one post as .png or .svg (the suffix says which)."""
    from matplotlib import rc_context

    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise ViewError(f"{path}: a timeline is drawn as {' or '.join(FORMATS)}, not {path.suffix or '(none)'!r}")
    buf = io.BytesIO()
    with rc_context({"svg.hashsalt": "dangkg", "svg.fonttype": "none"}):
        fig = timeline(g, person, role, body)
        if path.suffix.lower() == ".svg":
            fig.savefig(buf, format="svg", metadata={"Date": None})
        else:
            fig.savefig(buf, format="png", dpi=150, metadata={"Software": None})
    write_atomic(path, buf.getvalue())
    return path
