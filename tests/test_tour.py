"""notebooks/tour.ipynb runs top to bottom in a real kernel, and its outputs say what the tour promises."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import nbformat
import pytest
from helpers import ROOT
from nbclient import NotebookClient

TOUR = ROOT / "notebooks" / "tour.ipynb"


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> tuple[nbformat.NotebookNode, Path]:
    nb = nbformat.read(TOUR, as_version=4)
    where = tmp_path_factory.mktemp("tour")
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(where)}}).execute()
    return nb, where


def outputs(nb: nbformat.NotebookNode, mime: str) -> list[str]:
    return [o["data"][mime] for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if mime in o.get("data", {})]


def test_the_tour_is_committed_without_outputs() -> None:
    nb = nbformat.read(TOUR, as_version=4)
    nbformat.validate(nb)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_no_cell_fails(executed: tuple[nbformat.NotebookNode, Path]) -> None:
    nb, _ = executed
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    assert all(c.execution_count for c in nb.cells if c.cell_type == "code")


def test_questions_come_back_as_dataframes_with_the_names(executed: tuple[nbformat.NotebookNode, Path]) -> None:
    tables = [h for h in outputs(executed[0], "text/html") if "dataframe" in h]
    assert len(tables) >= 4  # saved queries, chairs, holders, %%sparql
    assert any("chairs-of-vetting" in t for t in tables)
    chairs = [t for t in tables if "Trương Thị Mai" in t and "--12-23" in t]
    assert chairs, "the chairs-of-vetting answer names its chair, with the month-day kept"
    assert any("Ban Tổ chức Trung ương" in t and "Trưởng ban" in t for t in tables)


def test_the_article_is_shown_with_its_marks(executed: tuple[nbformat.NotebookNode, Path]) -> None:
    pages = [h for h in outputs(executed[0], "text/html") if "kg-article" in h]
    assert len(pages) == 1
    assert pages[0].count("<mark") > 5 and "PERSON" in pages[0] and "Trương Thị Mai" in pages[0]


def test_a_picture_is_drawn(executed: tuple[nbformat.NotebookNode, Path]) -> None:
    import matplotlib.image

    nb, where = executed
    pngs = outputs(nb, "image/png")
    assert len(pngs) == 2  # the people picture, the timeline
    for png in pngs:
        pixels = matplotlib.image.imread(io.BytesIO(base64.b64decode(png)), format="png")
        assert pixels.shape[0] > 300 and pixels.shape[1] > 300
        assert pixels.std() > 0.05, "the picture is blank"
    assert (where / "people.png").stat().st_size > 10_000 and (where / "chinh.png").stat().st_size > 10_000
    page = (where / "mai.html").read_text(encoding="utf-8")
    assert "Trương Thị Mai" in page
    names = "".join(t for t in outputs(nb, "text/plain") if "Trương Thị Mai" in t and "[" in t)
    assert "Trương Thị Mai" in names and "Ban Tổ chức Trung ương" in names


def test_the_time_section_answers_from_reports_and_lineage(executed: tuple[nbformat.NotebookNode, Path]) -> None:
    tables = [h for h in outputs(executed[0], "text/html") if "dataframe" in h]
    assert any("Mai Văn Chính" in t and "2021-06-30" in t and "Continuing" in t for t in tables)  # timeline, as-of
    lineage = [t for t in tables if "Ban Dân vận Trung ương" in t]
    assert lineage and "Tỉnh ủy Hà Giang" in lineage[0] and "2025-07-01" in lineage[0]
