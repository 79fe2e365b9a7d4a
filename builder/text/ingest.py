"""Ingestion: files and folders (.txt, .html/.htm, .jsonl) → articles with metadata.

A file that cannot be read becomes one clear error naming it; it never stops the
other articles of a batch.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Protocol
from urllib.parse import quote

from builder.errors import InputError
from builder.text import encoding
from builder.text.encoding import Decoded
from builder.text.normalize import Clean, normalize

SUFFIXES = {".txt", ".html", ".htm", ".jsonl"}
MAX_BYTES = 50 * 1024 * 1024
MAX_ARTICLE_CHARS = 2_000_000
BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "figure", "figcaption", "blockquote", "pre", "hr",
}
SKIP_TAGS = {"script", "style", "noscript", "template", "head", "svg"}
META_KEYS = ("url", "published", "source", "author")




NOTICES = ("converted", "left-out", "metadata")  # kinds of Problem that cost no article


class Problem(str):
    """One line about an input the build could not use (an error), or used with a caveat (a notice, kinds
    NOTICES: converted from a legacy encoding, metadata ignored, paragraphs left out): 'FILE: reason' as
    printed, which also knows its file, its line in a JSONL file and its kind (see problems.jsonl in
    docs/cli.md)."""

    file: str
    line: int | None
    kind: str

    def __new__(cls, text: str, file: str | Path, kind: str = "unreadable", line: int | None = None) -> Problem:
        self = super().__new__(cls, text)
        self.file, self.kind, self.line = str(file), kind, line
        return self

    @property
    def error(self) -> bool:
        return self.kind not in NOTICES

    def record(self) -> dict[str, str | int | None]:
        """The problem as a JSON object (one line of problems.jsonl)."""
        return {"file": self.file, "line": self.line, "kind": self.kind,
                "severity": "error" if self.error else "notice", "message": str(self)}


@dataclass
class Article:
    id: str
    path: str
    raw: str
    clean: Clean
    meta: dict[str, str | None] = field(default_factory=dict)
    encoding: str = "UTF-8"  # what the file was read as (builder.text.encoding: 'UTF-8', 'TCVN3', …)
    left_out: int = 0  # paragraphs of a page's main content not found in its text (see main_content)
    notes: tuple[str, ...] = ()  # metadata the article stated and the build could not use

    @property
    def where(self) -> tuple[str, int | None]:
        """The file the article came from and, for a JSONL file, its line."""
        head, _, tail = self.path.rpartition(":")
        return (head, int(tail)) if tail.isdigit() and head.lower().endswith(".jsonl") else (self.path, None)


class _Stripper(HTMLParser):
    """HTML → text with paragraphs, remembering each character's offset in the source."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.chars: list[str] = []
        self.offs: list[int] = []
        self.skipping = 0

    def _here(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, at: int, step: bool) -> None:
        if self.skipping:
            return
        for i, ch in enumerate(text):
            self.chars.append(ch)
            self.offs.append(at + i if step else at)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self._emit("\n\n" if tag != "br" else "\n", self._here(), False)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self._emit("\n\n", self._here(), False)

    def handle_data(self, data: str) -> None:
        self._emit(data, self._here(), True)

    def handle_entityref(self, name: str) -> None:
        self._emit(html.unescape(f"&{name};"), self._here(), False)

    def handle_charref(self, name: str) -> None:
        self._emit(html.unescape(f"&#{name};"), self._here(), False)


def strip_html(source: str) -> tuple[str, list[int]]:
    """Text of an HTML document with paragraphs kept, and each character's source offset."""
    parser = _Stripper(source)
    parser.feed(source)
    parser.close()
    return "".join(parser.chars), parser.offs


def decode(data: bytes, name: str) -> Decoded:
    """Bytes → text (builder.text.encoding: Unicode, or a legacy Vietnamese encoding recognised and converted),
    or an InputError that says why not."""
    if not data.strip():
        raise InputError(f"{name}: empty file")
    try:
        decoded = encoding.decode(data, name)
    except encoding.EncodingError as err:
        raise InputError(str(err)) from None
    if not decoded.text.strip():
        raise InputError(f"{name}: empty file")
    return decoded


WHOLE_PAGE = re.compile(r"<(html|body)[\s>]", re.I)


def main_content(source: str) -> tuple[str, list[int], dict[str, str | None], int] | None:
    """The article of a whole saved news page (trafilatura's main text: no menus, related articles,
    comments, share buttons or ads), as spans of the page's own text: (text, each character's offset in
    the source, the page's metadata, how many of trafilatura's paragraphs could not be found in the page
    and were left out). None for a fragment of HTML, or a page trafilatura finds no article in."""
    if not WHOLE_PAGE.search(source[:20_000]):
        return None
    import trafilatura

    extracted = trafilatura.extract(source, include_comments=False, include_tables=True, include_images=False,
                                    deduplicate=False)
    if not extracted:
        return None
    page, base = strip_html(source)
    found = trafilatura.extract_metadata(source)
    lines = [ln.split() for ln in extracted.splitlines() if ln.strip()]
    title = (found.title or "").split() if found else []
    extra = bool(title and lines and lines[0] != title)  # the headline, where trafilatura kept it apart
    if extra:
        lines.insert(0, title)
    chars: list[str] = []
    offsets: list[int] = []
    pos = missing = 0
    for k, line in enumerate(lines):
        hit = re.compile(r"\s+".join(map(re.escape, line))).search(page, pos)
        if hit is None:
            missing += not (extra and k == 0)  # a title only the <head> has is no loss
            continue
        if chars:
            chars += "\n\n"
            offsets += [base[hit.start()]] * 2
        chars += page[hit.start():hit.end()]
        offsets += base[hit.start():hit.end()]
        pos = hit.end()
    meta = {"published": found.date, "author": found.author, "url": found.url, "source": found.sitename} \
        if found else {}
    return "".join(chars), offsets, meta, missing


def make_article(article_id: str, path: str, raw: str, is_html: bool = False,
                 meta: dict[str, str | None] | None = None) -> Article:
    """Normalise one article's text and read the metadata it states about itself (a whole news page: its
    main content, see main_content, and its metadata)."""
    from builder.text.metadata import read_metadata

    if len(raw) > MAX_ARTICLE_CHARS:
        raise InputError(f"{path}: article {article_id} is too large ({len(raw)} characters)")
    page: dict[str, str | None] = {}
    left_out = 0
    if is_html:
        hit = main_content(raw)
        if hit:
            text, base, page, left_out = hit
        else:
            text, base = strip_html(raw)
        clean = normalize(text)
        clean = replace(clean, offsets=[base[o] if o < len(base) else len(raw) for o in clean.offsets])
    else:
        clean = normalize(raw)
    if not clean.text.strip():
        raise InputError(f"{path}: article {article_id} has no text")
    found, clean = read_metadata(clean)
    merged = {k: (meta or {}).get(k) or page.get(k) or found.get(k) for k in META_KEYS}
    notes: tuple[str, ...] = ()
    if merged["published"] and not _iso_date(merged["published"]):
        notes += (f"{path}: article {article_id}: published {merged['published'][:80]!r} is not an ISO date; ignored",)
        merged["published"] = found.get("published")  # the text's own stamp (parse_stamp: always a real moment)
    if merged["url"] and not URL.fullmatch(merged["url"]):
        notes += (f"{path}: article {article_id}: url {merged['url'][:80]!r} is not an http(s) URL; ignored",)
        merged["url"] = None
    elif merged["url"]:  # a character a URI may not hold, percent-encoded (the same URL)
        merged["url"] = quote(merged["url"], safe=URI_SAFE)
    return Article(article_id, path, raw, clean, merged, left_out=left_out, notes=notes)


URL = re.compile(r"https?://[^\s/?#]+[^\s]*", re.I)
URI_SAFE = ":/?#@!$&'()*+,;=%~-._"  # RFC 3986's reserved and unreserved characters, bar the brackets
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?")


def _iso_date(value: str) -> bool:
    """Is a publication date an ISO 8601 date or date and time (what schema:datePublished is written as)?"""
    from datetime import datetime

    if not ISO_DATE.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _jsonl(path: Path, data: str, read_as: str) -> Iterator[Article | InputError]:
    for number, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise InputError(f"{where}: a JSONL line must be an object")
            article_id = str(record.get("id") or "").strip()
            body = record.get("text") if record.get("text") is not None else record.get("html")
            if not article_id or not isinstance(body, str):
                raise InputError(f"{where}: needs an 'id' and a 'text' or 'html' string")
            meta = {k: (str(record[k]) if record.get(k) is not None else None) for k in META_KEYS}
            yield replace(make_article(article_id, where, body, "text" not in record, meta), encoding=read_as)
        except json.JSONDecodeError as err:
            yield InputError(f"{where}: invalid JSON ({err.msg})", number)
        except InputError as err:
            yield InputError(str(err), number)


class FileMemo(Protocol):
    """What read_articles may keep a file's articles in (builder.run.cache.Cache): by path and bytes."""

    def get_file(self, path: Path, data: bytes) -> list[Article | InputError] | None: ...

    def put_file(self, path: Path, data: bytes, items: list[Article | InputError]) -> None: ...


def read_file(path: Path, memo: FileMemo | None = None) -> Iterator[Article | InputError]:
    """The articles of one file, or the errors that stop them; with a memo, a file whose path and bytes
    were read before is not decoded and normalised again."""
    [(items, job)] = _read_files([path], memo)
    yield from items if job is None else _parse_job(job)


def _read_files(paths: list[Path], memo: FileMemo | None) -> list[tuple[list[Article | InputError], Job | None]]:
    """Per file: what is known of it already (its errors, or its articles from the memo) and, when it
    still has to be decoded and normalised, the job that does it (see _parse_job)."""
    out: list[tuple[list[Article | InputError], Job | None]] = []
    for path in paths:
        try:
            if path.stat().st_size > MAX_BYTES:
                raise InputError(f"{path}: file too large ({path.stat().st_size} bytes, limit {MAX_BYTES})")
            raw = path.read_bytes()
            known = memo.get_file(path, raw) if memo else None
            out.append((known, None) if known is not None else ([], (path, raw)))
        except InputError as err:
            out.append(([err], None))
        except OSError as err:
            out.append(([InputError(f"{path}: cannot read ({err})")], None))
    return out


Job = tuple[Path, bytes]


def _parse_job(job: Job) -> list[Article | InputError]:
    """A file's bytes decoded and normalised into its articles (or the errors that stop them)."""
    path, raw = job
    try:
        return list(_parse(path, raw))
    except ValueError as err:
        return [InputError(f"{path}: cannot read ({err})")]


def _parse(path: Path, raw: bytes) -> Iterator[Article | InputError]:
    try:
        decoded = decode(raw, str(path))
        if path.suffix.lower() == ".jsonl":
            yield from _jsonl(path, decoded.text, decoded.encoding)
        else:
            article = make_article(path.stem, str(path), decoded.text, path.suffix.lower() in {".html", ".htm"})
            yield replace(article, encoding=decoded.encoding)
    except InputError as err:
        yield err


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the article files inside folders named, in a stable order."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        else:
            files.append(p)
    return files


Mapper = Callable[[Callable[[Job], list["Article | InputError"]], list[Job]], list[list["Article | InputError"]]]


def read_articles(paths: Iterable[str | Path], memo: FileMemo | None = None, map_jobs: Mapper | None = None,
                  ids: set[str] | None = None) -> tuple[list[Article], list[Problem]]:
    """All readable articles under the paths, and one problem line per unreadable input and per notice
    (a file converted from a legacy encoding, metadata ignored, paragraphs left out; see read_file for
    memo). Files are decoded and normalised by map_jobs (a map keeping input order, such as
    builder.run.workers.Workers.map; default: here). ids, if given,
    holds the article ids read before (files read in several calls): a duplicate of one is skipped too."""
    articles: list[Article] = []
    problems: list[Problem] = []
    ids = set() if ids is None else ids
    files = expand(paths)
    found = _read_files([f for f in files if f.exists()], memo)
    jobs = [job for _, job in found if job is not None]
    parsed = iter(map_jobs(_parse_job, jobs) if map_jobs else map(_parse_job, jobs))
    read = iter(found)
    for path in files:
        if not path.exists():
            problems.append(Problem(f"{path}: no such file or folder", path, "missing"))
            continue
        known, job = next(read)
        items = known if job is None else next(parsed)
        if job is not None and memo:
            memo.put_file(*job, items)
        converted = False
        for item in items:
            if isinstance(item, InputError):
                problems.append(Problem(str(item), path, "unreadable", item.line))
            elif item.id in ids:
                problems.append(Problem(f"{item.path}: duplicate article id {item.id}; skipped", path, "duplicate",
                                        item.where[1]))
            else:
                ids.add(item.id)
                articles.append(item)
                if item.encoding not in encoding.UNICODE and not converted:
                    converted = True
                    problems.append(Problem(f"{path}: read as {item.encoding}, converted to Unicode", path,
                                            "converted"))
                problems += [Problem(note, path, "metadata", item.where[1]) for note in item.notes]
                if item.left_out:
                    problems.append(Problem(f"{item.path}: {item.left_out} paragraphs of the page's main content "
                                            "are not in its text and were left out", path, "left-out",
                                            item.where[1]))
    return articles, problems
