"""Inputs the fuzz harness (tests/fuzz.py) found that broke the builder, kept as regression tests."""

from __future__ import annotations

import pytest
from helpers import articles

from builder.run.build import build_dataset
from builder.text.metadata import parse_stamp


@pytest.mark.parametrize("line", [
    "30:31 29-2-2023",  # found by the 'dates' target: hour 30 on a 29 February of a common year
    "09:30 31-4-2024",  # the same defect: a day April does not have
    "25:00 12-3-2024",
])
def test_a_stamp_that_is_no_real_moment_is_no_stamp(line):
    assert parse_stamp(line) is None


def test_an_article_stamped_with_no_real_moment_conforms(tmp_path):
    text = "Hội nghị cán bộ\n\n30:31 29-2-2023\n\nBí thư Tỉnh ủy Nghệ An Nguyễn Đức Trung phát biểu.\n"
    b = build_dataset([articles(tmp_path, bai=text)])
    assert b.conforms and b.articles[0].meta["published"] is None
    assert b.counts["holdings"] == 1


def test_a_real_stamp_still_reads():
    assert parse_stamp("09:30 29-2-2024") == "2024-02-29T09:30"


@pytest.mark.parametrize("text", [
    "28-12-0000",  # found by the 'dates' target: year 0, which no xsd:date has
    "ngày 5/10/0012",
])
def test_a_year_before_1000_is_no_date(text):
    from builder.extract.dates import find_dates

    assert find_dates(text) == []


def test_real_years_still_read():
    from builder.extract.dates import find_dates

    assert [d.resolve(None) for d in find_dates("ngày 5-10-2018 và 19/5/1890")] == ["2018-10-05", "1890-05-19"]
