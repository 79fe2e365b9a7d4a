"""Views of the built graph (builder.use.views) and their pictures (builder.use.viz, `kg viz`).

The views are checked against SPARQL counts on the seeds' graph; every picture format is
written by `kg viz` in a child process and read back: GraphML and GEXF with networkx, the
PNG decoded, the SVG parsed, the HTML opened in headless Chromium (Debian's, driven by
Playwright) with every request it makes recorded — none may leave the machine.
"""

from __future__ import annotations

import io
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from helpers import kg
from matplotlib.image import imread

import builder
from builder.cli import main
from builder.use import viz

CHROMIUM = Path("/usr/bin/chromium")  # Debian's package `chromium`; Playwright never downloads a browser here
PICTURES = (".html", ".png", ".svg", ".graphml", ".gexf")
KINDS = {"people": {"person", "post", "body"}, "meetings": {"event", "person", "body", "place"},
         "co-attendance": {"person"}}
RELATIONS = {"people": {"holds", "post of"}, "meetings": {"organiser", "chair", "attendee", "held at"},
             "co-attendance": {"co-attendee"}}
PREFIXES = """PREFIX kg: <https://w3id.org/dangkg/ont#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
"""


def count(ds, where: str, *variables: str) -> int:
    """How many distinct solutions of the pattern, projected on the variables (all when none are named)."""
    what = " ".join(f"?{v}" for v in variables) or "*"
    rows = list(ds.query(f"{PREFIXES} SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT {what} WHERE {{ {where} }} }}"))
    return int(rows[0][0])


def of_kind(G, kind: str) -> list:
    return [n for n, k in G.nodes(data="kind") if k == kind]


def of_relation(G, relation: str) -> list:
    return [(u, v) for u, v, r in G.edges(data="relation") if r == relation]


@pytest.mark.parametrize("name", list(builder.VIEWS))
def test_view_nodes_have_labels_and_kinds(seeds_ds, name):
    G = builder.view(seeds_ds, name)
    assert G.number_of_nodes() > 3 and G.number_of_edges() > 3
    for n, d in G.nodes(data=True):
        assert d["label"].strip() and not d["label"].startswith(("http:", "https:")), (n, d)
        assert d["label"] == unicodedata.normalize("NFC", d["label"])
        assert d["kind"] in KINDS[name], (n, d)
    assert {d["kind"] for _, d in G.nodes(data=True)} == KINDS[name]
    assert {r for _, _, r in G.edges(data="relation")} == RELATIONS[name]
    assert list(G) == list(builder.view(seeds_ds, name))  # a stable order


def test_people_view_counts_match_sparql(seeds_ds):
    G = builder.view(seeds_ds, "people")
    holds = "?p org:holds ?post . ?post a org:Post ; org:postIn ?body"
    assert len(of_kind(G, "person")) == count(seeds_ds, holds, "p") == 4
    assert len(of_kind(G, "post")) == count(seeds_ds, holds, "post") > 4
    assert len(of_kind(G, "body")) == count(seeds_ds, holds, "body") > 2
    assert len(of_relation(G, "holds")) == count(seeds_ds, holds, "p", "post")
    assert len(of_relation(G, "post of")) == count(seeds_ds, holds, "post", "body") == len(of_kind(G, "post"))
    mai = next(n for n, label in G.nodes(data="label") if label == "Trương Thị Mai")
    assert {G.nodes[p]["label"] for p in G.successors(mai)} >= {"Trưởng ban (Ban Tổ chức Trung ương)"}


def test_meetings_view_counts_match_sparql(seeds_ds):
    G = builder.view(seeds_ds, "meetings")
    assert len(of_kind(G, "event")) == count(seeds_ds, "?e a schema:Event") == 5
    assert len(of_relation(G, "chair")) == count(seeds_ds, "?e a schema:Event ; kg:chair ?p") > 0
    assert len(of_relation(G, "attendee")) == count(
        seeds_ds, "?e a schema:Event ; schema:attendee ?p . FILTER NOT EXISTS { ?e kg:chair ?p }") > 0
    assert len(of_relation(G, "organiser")) == count(seeds_ds, "?e a schema:Event ; schema:organizer ?o") > 0
    assert len(of_relation(G, "held at")) == count(seeds_ds, "?e a schema:Event ; schema:location ?l") > 0
    assert len(of_kind(G, "place")) == count(seeds_ds, "?e a schema:Event ; schema:location ?l", "l") > 0
    assert len(of_kind(G, "person")) == count(seeds_ds, "?e a schema:Event ; schema:attendee ?p", "p")
    chairs = {(G.nodes[e]["short"], G.nodes[p]["label"]) for e, p in of_relation(G, "chair")}
    assert chairs == {("Hội nghị 23/12", "Trương Thị Mai")}


def test_co_attendance_weights_equal_the_saved_query(seeds_ds):
    G = builder.view(seeds_ds, "co-attendance")
    _, rows = builder.run_query("co-attendance", seeds_ds)
    expected = {(r["person"], r["other"]): r["meetings"] for r in rows}
    label = dict(G.nodes(data="label"))
    got = {}
    for u, v, w in G.edges(data="weight"):
        got[(label[u], label[v])] = got[(label[v], label[u])] = w
    assert got == expected and expected


def test_around_limits_depth(seeds_ds):
    G = builder.view(seeds_ds, "people")
    (mai,) = [n for n, label in G.nodes(data="label") if label == "Trương Thị Mai"]
    sizes = []
    for depth in range(4):
        H = builder.around(G, "Trương Thị Mai", depth)
        distance = nx.single_source_shortest_path_length(G.to_undirected(), mai)
        assert set(H) == {n for n, d in distance.items() if d <= depth}
        assert set(H.edges) == {(u, v) for u, v in G.edges if u in H and v in H}
        assert [n for n in G if n in H] == list(H)  # the view's order
        sizes.append(len(H))
    assert sizes[0] == 1 and sizes[0] < sizes[1] < sizes[2] < sizes[3] <= len(G)
    assert set(builder.around(G, mai, 1)) == set(builder.around(G, "Trương Thị Mai", 1))


def test_around_folds_case_and_unicode_form(seeds_ds):
    G = builder.view(seeds_ds, "people")
    want = set(builder.around(G, "Trương Thị Mai", 2))
    nfd = unicodedata.normalize("NFD", "Trương Thị Mai")
    for name in ("trương thị mai", "TRƯƠNG THỊ MAI", nfd, " Trương  Thị Mai"):
        assert set(builder.around(G, name, 2)) == want, name


def test_around_an_unknown_name_is_a_view_error(seeds_ds):
    G = builder.view(seeds_ds, "people")
    with pytest.raises(builder.ViewError, match="Nguyễn Không Có"):
        builder.around(G, "Nguyễn Không Có", 1)
    with pytest.raises(builder.ViewError, match="unknown view 'hairball'"):
        builder.view(seeds_ds, "hairball")


# --- pictures, written by `kg viz` ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def people(seeds_out):
    return builder.view(builder.load_graph(seeds_out), "people")


@pytest.fixture(scope="module")
def pictures(seeds_out, people, tmp_path_factory) -> dict[str, Path]:
    """The people view of the seeds in every format, each written by `kg viz` in a child process."""
    folder = tmp_path_factory.mktemp("viz")
    paths = {}
    for suffix in PICTURES:
        path = folder / f"people{suffix}"
        proc = kg("viz", str(seeds_out), "-o", str(path), "--view", "people")
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.strip() == (f"wrote: {path} ({people.number_of_nodes()} nodes, "
                                       f"{people.number_of_edges()} edges, view people)")
        paths[suffix] = path
    return paths


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_graph_files_read_back_with_networkx(pictures, people, suffix):
    G = (nx.read_graphml if suffix == ".graphml" else nx.read_gexf)(pictures[suffix])
    assert (G.number_of_nodes(), G.number_of_edges()) == (people.number_of_nodes(), people.number_of_edges())
    assert dict(G.nodes(data="label")) == dict(people.nodes(data="label"))
    assert dict(G.nodes(data="kind")) == dict(people.nodes(data="kind"))
    assert {(u, v): r for u, v, r in G.edges(data="relation")} == {
        (u, v): r for u, v, r in people.edges(data="relation")}


def test_gexf_carries_colours_and_positions_for_gephi(pictures):
    G = nx.read_gexf(pictures[".gexf"])
    for _, d in G.nodes(data=True):
        assert set(d["viz"]) >= {"color", "position"}
        rgb = "#{r:02x}{g:02x}{b:02x}".format(**d["viz"]["color"])
        assert rgb == viz.KIND_COLOURS[d["kind"]]
    assert b"lastmodifieddate" not in pictures[".gexf"].read_bytes()  # no date: the same graph, the same file


def _has_colour(pixels: np.ndarray, hex_colour: str, at_least: int = 20) -> bool:
    rgb = np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]) / 255
    return int((np.abs(pixels[..., :3] - rgb).max(axis=-1) < 0.03).sum()) >= at_least


def test_png_is_a_drawn_network(pictures, people):
    data = pictures[".png"].read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pixels = imread(io.BytesIO(data), format="png")
    assert pixels.shape[0] > 300 and pixels.shape[1] > 600
    assert (pixels[..., :3] < 0.9).any(axis=-1).mean() > 0.01  # not a blank page
    assert len(np.unique((pixels[..., :3] * 255).astype(np.uint8).reshape(-1, 3), axis=0)) > 50
    for kind in KINDS["people"]:  # every kind's nodes, and the legend, in the kind's colour
        assert _has_colour(pixels, viz.KIND_COLOURS[kind]), kind


def test_svg_parses_and_holds_the_labels(pictures, people):
    root = ET.parse(pictures[".svg"]).getroot()
    texts = {"".join(e.itertext()).strip() for e in root.iter("{http://www.w3.org/2000/svg}text")}
    for _, d in people.nodes(data=True):
        assert viz.caption(d) in texts, viz.caption(d)
    assert {"person", "post", "body", "holds", "post of", people.graph["title"]} <= texts  # legend and title


def test_pictures_are_deterministic(pictures, seeds_out, tmp_path, capsys):
    """A second rendering, in this process (another string-hash seed than `kg viz`'s), is byte-identical."""
    for suffix, path in pictures.items():
        again = tmp_path / path.name
        assert main(["viz", str(seeds_out), "-o", str(again)]) == 0
        assert again.read_bytes() == path.read_bytes(), suffix
    capsys.readouterr()


EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|@import|url\(\s*["']?\s*(?:https?:)?//""", re.I)


def test_html_is_self_contained(pictures, people):
    html = pictures[".html"].read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "new vis.Network(" in html
    assert not EXTERNAL.search(html), EXTERNAL.search(html)
    assert "<link" not in html and "bootstrap" not in html
    for _, d in people.nodes(data=True):
        assert f'"label": "{viz.caption(d)}"' in html
        assert d["label"] in html  # in the tooltip


def test_html_draws_in_headless_chromium_without_network(pictures, tmp_path):
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.is_file(), f"{CHROMIUM} is missing: apt-get install chromium"
    requests: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND"])
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("request", lambda r: requests.append(r.url))
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(pictures[".html"].as_uri())
            page.wait_for_selector("body[data-drawn]", state="attached", timeout=30_000)
            shot = page.locator("#network").screenshot(path=str(tmp_path / "page.png"))
            title = page.title()
        finally:
            browser.close()
    assert not errors, errors
    assert requests and all(u.startswith(("file:", "data:")) for u in requests), requests
    assert title == "people — posts — bodies"
    pixels = imread(io.BytesIO(shot), format="png")
    assert (pixels[..., :3] < 0.9).any(axis=-1).mean() > 0.005  # something is drawn on the canvas
    for kind in KINDS["people"]:
        assert _has_colour(pixels, viz.KIND_COLOURS[kind], at_least=50), kind


@pytest.mark.parametrize("args, message", [
    (["--view", "hairball"], "error: unknown view 'hairball' (one of people, meetings, co-attendance)"),
    (["--around", "Nguyễn Không Có"], "error: no node named 'Nguyễn Không Có' in the people view"),
    (["--around", "Trương Thị Mai", "--depth", "-1"], "error: depth must be 0 or more, not -1"),
], ids=["view", "name", "depth"])
def test_viz_errors_are_one_line(seeds_out, tmp_path, capsys, args, message):
    code = main(["viz", str(seeds_out), "-o", str(tmp_path / "x.png"), *args])
    out, err = capsys.readouterr()
    assert code == 2 and err.strip() == message and out == ""
    assert not (tmp_path / "x.png").exists()


def test_viz_unknown_suffix_is_one_line(seeds_out, tmp_path):
    proc = kg("viz", str(seeds_out), "-o", str(tmp_path / "people.jpg"))
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"error: {tmp_path / 'people.jpg'}: unknown picture format '.jpg' (one of .html, .png, .svg, .graphml, .gexf)"]
    assert list(tmp_path.iterdir()) == []


def test_viz_around_in_every_view(seeds_out, tmp_path, capsys):
    for name in builder.VIEWS:
        path = tmp_path / f"{name}.graphml"
        assert main(["viz", str(seeds_out), "-o", str(path), "--view", name, "--around", "mai văn chính",
                     "--depth", "1"]) == 0
        G = nx.read_graphml(path)
        assert "Mai Văn Chính" in dict(G.nodes(data="label")).values()
        assert G.graph["around"] == "Mai Văn Chính" and G.graph["depth"] == 1
        assert f"view {name})" in capsys.readouterr().out
