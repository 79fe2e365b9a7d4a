"""Holdings as intervals: each person's time in a post, from a report to the next change, each end with the
article it rests on — the way Wikidata's start/end time (P580/P582) and OpenSanctions' Occupancy (start, end,
status) record it. The rule is holders-as-of's (docs/queries.md): a leaving ends a time; in a post one person
holds at a time, another person's later report, or their taking-up on the same day as a mere holding, ends it
too. Reports without a full date are left out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import TYPE_CHECKING, Any, cast

from rdflib import Literal

if TYPE_CHECKING:
    from builder.rdf.store import Queryable

# every report of a post (the timeline pictures read it too), with the post's single-holder flag
REPORTS = """
PREFIX kg: <https://w3id.org/dangkg/ont#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?person ?role ?body ?date ?change ?article ?single WHERE {
  ?h a kg:Holding ; org:member ?p ; org:role ?r ; org:organization ?b ; kg:post ?post ; kg:reportedChange ?c ;
     kg:article ?a .
  ?p schema:name ?person . ?r rdfs:label ?role . ?b schema:name ?body . ?a kg:articleId ?article .
  OPTIONAL { ?h kg:reportedFor ?date }
  OPTIONAL { ?post kg:singleHolder ?single }
  FILTER(!BOUND(?personName) || LCASE(STR(?person)) = LCASE(STR(?personName)))
  FILTER(!BOUND(?roleName) || LCASE(STR(?role)) = LCASE(STR(?roleName)))
  FILTER(!BOUND(?bodyName) || LCASE(STR(?body)) = LCASE(STR(?bodyName)))
  BIND(STRAFTER(STR(?c), "#") AS ?change)
}"""


@dataclass(frozen=True)
class Interval:
    """A person's time in a post: from the day of a report (and its article) until the day another report
    ended it (and that article, and why: left or replaced), or open."""

    person: str
    role: str
    body: str
    start: date
    start_article: str
    until: date | None = None
    until_article: str | None = None
    ended_by: str | None = None  # "left", or "replaced by <person>"

    @property
    def status(self) -> str:
        return "ended" if self.until else "open"


@dataclass(frozen=True)
class _Report:
    day: date
    person: str
    change: str
    article: str


def intervals(g: Queryable, person: str | None = None, role: str | None = None,
              body: str | None = None) -> list[Interval]:
    """The intervals of every post (or of one person's posts, or one post's holders), by post and start. The
    posts are read whole: whoever ends one of the person's times is found among all the post's reports."""
    params = {"roleName": role, "bodyName": body} if role or body else {}
    posts: dict[tuple[str, str], list[_Report]] = {}
    single: set[tuple[str, str]] = set()
    for row in g.query(REPORTS, initBindings={k: Literal(v) for k, v in params.items() if v}):
        r = cast("dict[str, Any]", row)
        try:
            day = date.fromisoformat(str(r["date"]))
        except ValueError:  # no date, or "--MM-DD": no point in time
            continue
        post = (str(r["role"]), str(r["body"]))
        posts.setdefault(post, []).append(_Report(day, str(r["person"]), str(r["change"]), str(r["article"])))
        if r["single"] is not None and str(r["single"]).lower() == "true":
            single.add(post)
    out = [i for post in sorted(posts) for i in _post_intervals(post, sorted(set(posts[post]), key=_order),
                                                                 post in single)]
    return [i for i in out if person is None or i.person.lower() == person.lower()]


def _order(r: _Report) -> tuple[date, str, str, str]:
    return r.day, r.person, r.change, r.article


def _post_intervals(post: tuple[str, str], reports: list[_Report], single: bool) -> list[Interval]:
    role, body = post
    open_: dict[str, Interval] = {}
    done: list[Interval] = []

    def close(who: str, day: date, article: str, why: str) -> None:
        was = open_.pop(who)
        done.append(Interval(who, role, body, was.start, was.start_article, day, article, why))

    for day, same_day in groupby(reports, key=lambda r: r.day):
        today = list(same_day)
        leaving = {r.person: r for r in today if r.change == "Leaving"}
        holding = [r for r in today if r.change != "Leaving" and r.person not in leaving]
        for r in holding:  # a time starts at its first report (a holding said the day it ends is one day)
            if r.person not in open_:
                open_[r.person] = Interval(r.person, role, body, day, r.article)
        for who, r in leaving.items():
            if who in open_:
                close(who, day, r.article, "left")
        takers = [r for r in holding if r.change == "TakingUp"]
        if single and holding:  # another's report ends a time; a taking-up wins over a holding of that day
            stays = takers or holding
            for who in sorted(set(open_) - {r.person for r in stays}):
                close(who, day, stays[0].article, f"replaced by {stays[0].person}")
    return sorted([*done, *open_.values()], key=lambda i: (i.start, i.person))


def intervals_frame(g: Queryable, person: str | None = None, role: str | None = None,
                    body: str | None = None) -> Any:
    """The intervals as a pandas DataFrame: start and until as datetime64 (NaT while open), status, the
    articles of both ends and what ended it."""
    import pandas as pd

    rows = [{"person": i.person, "role": i.role, "body": i.body, "start": i.start, "until": i.until,
             "status": i.status, "startArticle": i.start_article, "untilArticle": i.until_article,
             "endedBy": i.ended_by} for i in intervals(g, person, role, body)]
    frame = pd.DataFrame(rows, columns=["person", "role", "body", "start", "until", "status", "startArticle",
                                        "untilArticle", "endedBy"])
    for column in ("start", "until"):
        frame[column] = pd.to_datetime(frame[column])
    return frame
