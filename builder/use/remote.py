"""A SPARQL 1.1 server (Fuseki, Oxigraph, …): a built graph loaded graph by graph through the Graph Store
Protocol, retried with backoff, what failed reported. See docs/internals.md."""

from __future__ import annotations

import base64
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from rdflib import Dataset, Graph

from builder.errors import RemoteError


class Unreachable(RemoteError):
    """No server answers (any more): connection refused or cut, no such host."""


ENDPOINT_REFUSED = {401, 403, 404, 405}  # answers about the endpoint, not about one graph


@dataclass(frozen=True)
class Server:
    """Where a SPARQL 1.1 server answers: its base URL and the paths of its endpoints."""

    endpoint: str
    dataset: str = "kg"
    data_path: str | None = None
    query_path: str | None = None
    update_path: str | None = None
    user: str | None = None
    password: str | None = None
    retries: int = 3
    backoff: float = 0.5
    timeout: float = 60.0

    def url(self, path: str | None, default: str) -> str:
        return self.endpoint.rstrip("/") + (path if path is not None else f"/{self.dataset}/{default}")

    @property
    def data_url(self) -> str:
        return self.url(self.data_path, "data")

    @property
    def query_url(self) -> str:
        return self.url(self.query_path, "sparql")

    @property
    def update_url(self) -> str:
        return self.url(self.update_path, "update")

    def request(self, method: str, url: str, body: bytes | None = None, content_type: str | None = None,
                accept: str | None = None) -> bytes:
        """One HTTP request, retried with backoff while the server is unreachable, does not answer within
        timeout seconds, or answers 5xx."""
        headers = {"User-Agent": "dangkg"}
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        if self.user is not None:
            token = base64.b64encode(f"{self.user}:{self.password or ''}".encode()).decode()
            headers["Authorization"] = f"Basic {token}"
        for attempt in range(self.retries + 1):
            try:
                req = urllib.request.Request(url, data=body, headers=headers, method=method)
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310 - the user's server
                    return bytes(resp.read())
            except urllib.error.HTTPError as err:
                if err.code < 500 or attempt == self.retries:
                    detail = err.read().decode("utf-8", "replace").strip().splitlines()[:1]
                    raise RemoteError(f"{method} {url}: HTTP {err.code} {err.reason}"
                                      + (f" ({detail[0][:160]})" if detail else ""), err.code) from None
            except (urllib.error.URLError, OSError) as err:
                if attempt == self.retries:
                    reason = getattr(err, "reason", err)
                    if isinstance(reason, TimeoutError):
                        raise RemoteError(f"{method} {url}: no answer within {self.timeout:g} s ({reason})") from None
                    raise Unreachable(f"{method} {url}: cannot reach the server ({reason})") from None
            time.sleep(self.backoff * 2 ** attempt)
        raise AssertionError("unreachable")


def _ntriples(g: Graph) -> bytes:
    out = Graph()
    for triple in g:
        out.add(triple)
    return out.serialize(format="nt").encode("utf-8")


@dataclass
class Loaded:
    """What a load did: the graphs written, and the graphs not written with why (one line each)."""

    written: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not self.failed


def load(ds: Dataset, server: Server, default_graph: bool = False) -> Loaded:
    """Upload the dataset: each named graph replacing its namesake (or the merged graph as the default
    graph), in the order of their names."""
    if default_graph:
        merged = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            merged.add((s, p, o))
        return _put_all([("default", f"{server.data_url}?default", merged)], server)
    jobs = []
    for g in sorted((g for g in ds.graphs() if len(g)), key=lambda g: str(g.identifier)):
        name = str(g.identifier)
        if name.startswith("urn:x-rdflib:"):  # the default graph of a merged file
            jobs.append((name, f"{server.data_url}?default", g))
        else:
            jobs.append((name, f"{server.data_url}?graph={urllib.parse.quote(name, safe='')}", g))
    return _put_all(jobs, server)


def _put_all(jobs: list[tuple[str, str, Graph]], server: Server) -> Loaded:
    done = Loaded()
    for i, (name, url, g) in enumerate(jobs):
        try:
            server.request("PUT", url, _ntriples(g), "application/n-triples")
        except RemoteError as err:
            why = done.failed[name] = str(err).removeprefix(f"PUT {url}: ")
            if isinstance(err, Unreachable) or err.status in ENDPOINT_REFUSED:
                done.failed.update((later, f"not tried: {why}") for later, _, _ in jobs[i + 1:])
                break
        else:
            done.written.append(name)
    return done


def select(server: Server, query: str) -> tuple[list[str], list[dict[str, Any]]]:
    """A SELECT query on the server: column names and rows of SPARQL 1.1 JSON result values."""
    body = urllib.parse.urlencode({"query": query}).encode()
    data = json.loads(server.request("POST", server.query_url, body, "application/x-www-form-urlencoded",
                                     "application/sparql-results+json"))
    columns = list(data["head"]["vars"])
    return columns, [dict(b) for b in data["results"]["bindings"]]
