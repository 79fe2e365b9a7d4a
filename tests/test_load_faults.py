"""A load into a real SPARQL server that fails midway retries, reports which article graphs were and were
not loaded, and a re-run completes it without duplicates.

The server is Oxigraph's (`oxigraph serve`) on 127.0.0.1; between it and the loader sits a small fault
proxy (a real HTTP server on 127.0.0.1 started by the test) that forwards every request and, as told,
answers 500 instead, waits longer than the loader's timeout before forwarding (so the write happens
though the loader gave up on it), or stops the server and itself after some writes.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from helpers import free_port, start_oxigraph
from rdflib import Dataset, Literal, URIRef

import builder
from builder.cli import main
from builder.use.remote import Server
from builder.use.remote import select as remote_select

PATHS = {"data_path": "/store", "query_path": "/query", "update_path": "/update"}
OXIGRAPH = ("--data-path", "/store", "--query-path", "/query", "--update-path", "/update")


@dataclass
class Faults:
    """What the proxy does to PUTs of a graph: answer 500 (a count; -1: always), wait `delay` seconds
    before forwarding (a count), or stop the server after `stop_after` forwarded PUTs."""

    fail: dict[str, int] = field(default_factory=dict)
    slow: dict[str, int] = field(default_factory=dict)
    delay: float = 1.5
    stop_after: int | None = None
    forwarded: list[str] = field(default_factory=list)


class Proxy:
    def __init__(self, upstream: int, faults: Faults, on_stop: object = None) -> None:
        self.faults, self.upstream, self.on_stop = faults, upstream, on_stop
        self.port = free_port()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler())
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.server = Server(f"http://127.0.0.1:{self.port}", retries=3, backoff=0.05, timeout=0.5, **PATHS)

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_PUT(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                graph = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("graph", ["default"])[0]
                f = proxy.faults
                if f.fail.get(graph, 0):
                    f.fail[graph] -= f.fail[graph] > 0
                    self.send_error(500, "injected fault")
                    return
                if f.slow.get(graph, 0):
                    f.slow[graph] -= 1
                    time.sleep(f.delay)  # the loader has given up; the write still happens below
                conn = http.client.HTTPConnection("127.0.0.1", proxy.upstream, timeout=30)
                conn.request("PUT", self.path, body, {"Content-Type": self.headers["Content-Type"]})
                resp = conn.getresponse()
                data = resp.read()
                f.forwarded.append(graph)
                try:
                    self.send_response(resp.status)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass  # the loader timed out and hung up
                if f.stop_after is not None and len(f.forwarded) == f.stop_after:
                    proxy.on_stop()  # type: ignore[operator]
                    threading.Thread(target=proxy.stop).start()

        return Handler


@pytest.fixture()
def upstream(tmp_path: Path) -> Iterator[dict]:
    """An empty Oxigraph server: its port, process and store folder (restartable on the same store)."""
    state = {"port": free_port(), "location": tmp_path / "store"}
    state["proc"] = start_oxigraph(state["location"], state["port"])
    yield state
    state["proc"].terminate()
    state["proc"].wait(timeout=10)


def value(term: Literal | URIRef) -> object:
    """A term by its value (a decimal 0.60 is 0.6: the server keeps the canonical form)."""
    return term.toPython() if isinstance(term, Literal) and term.datatype else str(term)


def stored(port: int) -> set[tuple[str, str, str, object]]:
    """Every quad in the server's named graphs."""
    server = Server(f"http://127.0.0.1:{port}", **PATHS)
    _, rows = remote_select(server, "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")

    def term(v: dict[str, str]) -> object:
        if v["type"] == "uri":
            return v["value"]
        dt = v.get("datatype")
        return value(Literal(v["value"], lang=v.get("xml:lang"), datatype=URIRef(dt) if dt else None))

    quads = {(r["g"]["value"], r["s"]["value"], r["p"]["value"], term(r["o"])) for r in rows}
    assert len(quads) == len(rows)  # no quad twice
    assert not remote_select(server, "SELECT * WHERE { ?s ?p ?o } LIMIT 1")[1]  # nothing in the default graph
    return quads


def local(ds: Dataset) -> set[tuple[str, str, str, object]]:
    return {(str(g), str(s), str(p), value(o)) for s, p, o, g in ds.quads((None, None, None, None))}


def graphs(ds: Dataset) -> list[str]:
    return sorted(str(g.identifier) for g in ds.graphs() if len(g))


def test_transient_500s_and_timeouts_are_retried_and_everything_loads(upstream: dict, seeds_ds: Dataset) -> None:
    names = graphs(seeds_ds)
    faults = Faults(fail={n: 1 for n in names}, slow={names[1]: 1, names[3]: 2})
    proxy = Proxy(upstream["port"], faults)
    done = builder.load(seeds_ds, proxy.server)
    time.sleep(faults.delay + 0.5)  # the writes the loader gave up on are forwarded late
    proxy.stop()
    assert done.complete and done.written == names
    assert faults.forwarded.count(names[3]) == 3  # two timed-out writes that happened anyway, then the answered one
    assert stored(upstream["port"]) == local(seeds_ds)  # each graph once, exactly as built


def test_graphs_that_keep_failing_are_reported_and_a_rerun_completes(upstream: dict, seeds_out: Path,
                                                                     seeds_ds: Dataset,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    names = graphs(seeds_ds)
    broken = [names[0], names[2]]
    proxy = Proxy(upstream["port"], Faults(fail={n: -1 for n in broken}, slow={names[4]: -1}))
    args = ["load", str(seeds_out), "--endpoint", proxy.server.endpoint, *OXIGRAPH, "--retries", "1",
            "--timeout", "0.5", "--json"]
    assert main(args) == 2
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert sorted(report["not_loaded"]) == sorted(broken + [names[4]])
    assert all("HTTP 500" in report["not_loaded"][n] for n in broken)
    assert "no answer within 0.5 s" in report["not_loaded"][names[4]]
    assert report["loaded"] == [n for n in names if n not in report["not_loaded"]]
    assert all(n in captured.err for n in broken) and "HTTP 500" in captured.err
    time.sleep(proxy.faults.delay + 0.5)  # the slow graph's writes, forwarded late, are done
    on_server = stored(upstream["port"])
    assert {q[0] for q in on_server} == set(report["loaded"]) | {names[4]}
    proxy.faults.fail.clear()
    proxy.faults.slow.clear()
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["not_loaded"] == {}
    time.sleep(proxy.faults.delay + 0.5)
    proxy.stop()
    assert stored(upstream["port"]) == local(seeds_ds)


def test_a_server_that_stops_midway_reports_the_rest_and_a_rerun_completes(upstream: dict, seeds_ds: Dataset,
                                                                           ) -> None:
    names = graphs(seeds_ds)

    def stop_server() -> None:
        upstream["proc"].kill()
        upstream["proc"].wait(timeout=10)

    proxy = Proxy(upstream["port"], Faults(stop_after=2), on_stop=stop_server)
    done = builder.load(seeds_ds, proxy.server)
    assert done.written == names[:2]
    assert list(done.failed) == names[2:]
    assert "cannot reach the server" in done.failed[names[2]]
    assert all(done.failed[n].startswith("not tried: ") for n in names[3:])
    upstream["proc"] = start_oxigraph(upstream["location"], upstream["port"])  # the same store, restarted
    assert {q[0] for q in stored(upstream["port"])} == set(names[:2])  # what was loaded survived
    again = builder.load(seeds_ds, Server(f"http://127.0.0.1:{upstream['port']}", **PATHS))
    assert again.complete and again.written == names
    assert stored(upstream["port"]) == local(seeds_ds)
