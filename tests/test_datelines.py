"""claimcheck.datelines: publication dates from date lines, bylines, wire datelines and file names."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.datelines import from_name, publication_date
from claimcheck.read import Source, read_article

KO = "기아의 3분기 영업이익은 2조5,000억원이다."
D = dt.date(2025, 10, 16)


def _read(tmp_path: Path, name: str, text: str = KO) -> dt.date | None:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return read_article(Source(p, p.as_posix())).published


# --- file names --------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["wire_20251016.txt", "2025-10-16-sk-hynix.md", "20251016_note.txt",
                                  "2025.10.16.md", "note-2025_10_16.txt"])
def test_file_name_dates_an_article_without_a_date_in_its_text(tmp_path: Path, name: str):
    assert _read(tmp_path, name) == D


@pytest.mark.parametrize("name", [
    "000_f6f02df52fa5ffeb.txt",  # a hash is not a date, even when it holds eight digits
    "a20251016b.txt",            # digits glued to letters are an identifier
    "2025-02-30-outlook.md",     # no such day
    "20251316_note.txt",         # no such month
    "2025-10-sk-hynix.md",       # a month is not a day
    "123020251016.txt",          # a longer number
    "notes.md",
])
def test_names_that_are_not_dates(tmp_path: Path, name: str):
    assert _read(tmp_path, name) is None


def test_a_date_in_a_folder_name_is_not_the_file_date():
    assert from_name("archive/2025-10-16/story.md") is None
    assert from_name("archive/2025-10-16/2025-10-17-story.md") == dt.date(2025, 10, 17)
    assert from_name(None) is None


def test_the_text_beats_the_file_name(tmp_path: Path):
    assert _read(tmp_path, "wire_20251016.txt", "입력 2025.10.30 14:12\n\n" + KO) == dt.date(2025, 10, 30)
    assert _read(tmp_path, "wire_20251016.txt", "By Dana Whitfield | Oct 29, 2025\n\n" + KO) == dt.date(2025, 10, 29)


def test_front_matter_beats_the_file_name(tmp_path: Path):
    assert _read(tmp_path, "20251016_note.md", "---\ndate: 2025-11-01\n---\n" + KO) == dt.date(2025, 11, 1)


def test_a_body_date_does_not_beat_the_file_name(tmp_path: Path):
    text = "Kia will hold its investor day on Jan 5, 2026. " + KO
    assert _read(tmp_path, "wire_20251016.txt", text) == D


def test_a_wire_dateline_takes_its_year_from_the_file_name(tmp_path: Path):
    text = "SEOUL, Oct 30 (Reuters) - Kia said third-quarter profit fell, its lowest since 2022.\n"
    assert _read(tmp_path, "wire_20241030.txt", text) == dt.date(2024, 10, 30)


# --- text forms --------------------------------------------------------------------------

@pytest.mark.parametrize("head,expected", [
    ("16 October 2025", D),
    ("Oct 29, 2025", dt.date(2025, 10, 29)),
    ("October 29, 2025", dt.date(2025, 10, 29)),
    ("Sept. 3, 2025", dt.date(2025, 9, 3)),
    ("2025년 10월 16일", D),
    ("2025.10.16", D),
    ("2025. 10. 16.", D),
    ("2025/10/16", D),
    ("입력 2025.10.30 14:12", dt.date(2025, 10, 30)),
    ("기사입력 : 2025-10-30", dt.date(2025, 10, 30)),
    ("기사등록 2025/10/21 16:13:28", dt.date(2025, 10, 21)),
    ("기사승인 2023-11-16 06:00:09", dt.date(2023, 11, 16)),
    ("**작성일**: 2025년 10월 16일", D),
    ("Published: 29 Oct 2025", dt.date(2025, 10, 29)),
    ("Published on Wednesday, 29 October 2025", dt.date(2025, 10, 29)),
    ("  • PublishedNovember 8, 2024", dt.date(2024, 11, 8)),  # a scraper dropped the blank after the label
    ("Updated Oct. 29, 2025 5:12 p.m. ET", dt.date(2025, 10, 29)),
    ("SEOUL, Oct 30 (Reuters) - Kia's 2025 profit fell.", dt.date(2025, 10, 30)),
    ("NEW YORK, Oct. 29, 2025 (AP) — Apple rose.", dt.date(2025, 10, 29)),
    ("MOUNTAIN VIEW, California, Oct. 29 — Alphabet's 2025 spending rose.", dt.date(2025, 10, 29)),
    ("서울 2025-10-16 연합", D),
    ("홍길동 기자 | 2025.10.16", D),
])
def test_date_forms(head: str, expected: dt.date):
    assert publication_date(f"{head}\n\n{KO}\n", {}) == expected


@pytest.mark.parametrize("text", [
    "Kia will hold its investor day on Jan 5, 2026. " + KO,
    "기아는 지난 2월 15일 설명회를 열었다. " + KO,
    "오는 2026년 1월 5일 설명회가 열린다. " + KO,
    "2024-12-31 기준 자료를 인용했다. " + KO,
    "2025-02-30\n" + KO,           # no such day
    "2025.13.01\n" + KO,           # no such month
    "SEOUL, Oct 30 (Reuters) - Kia said profit fell.",  # a year-less dateline and no year to take
    "| 2025-10-16 | 실적 발표 |\n" + KO,  # a table row is not a byline
])
def test_not_publication_dates(text: str):
    assert publication_date(text, {}) is None


def test_a_plain_date_deep_in_the_body_is_not_read_but_a_byline_there_is():
    body = (KO + "\n") * 20
    assert publication_date(body + "2025.10.16\n", {}) is None
    assert publication_date(body + "박서윤 기자 sy.park@example.com · 2025.10.16\n", {}) == D
    assert publication_date(body + "By Dana Whitfield, Oct 16, 2025\n", {}) == D
    assert publication_date(body + "Analysts expect a decision by Oct 16, 2025.\n", {}) is None


def test_a_publication_label_beats_an_update_label_and_a_dateline():
    text = "2025.10.01\nUpdated Jan. 6, 2026\nPublished Oct. 30, 2025\n" + KO
    assert publication_date(text, {}) == dt.date(2025, 10, 30)


def test_front_matter_strings_and_update_keys():
    assert publication_date("", {"date": "Oct 29, 2025"}) == dt.date(2025, 10, 29)
    assert publication_date("", {"updated": "2025-10-29", "title": "x"}) == dt.date(2025, 10, 29)
    assert publication_date("", {"date": "2025-02-30"}) is None


def test_head_lines_are_counted_after_the_front_matter():
    front = "---\n" + "".join(f"k{i}: v\n" for i in range(20)) + "---\n"
    assert publication_date(front + "2025.10.16\n" + KO, {}, body=len(front)) == D


def test_a_yearless_wire_dateline_takes_the_year_the_file_is_filed_under():
    from claimcheck.datelines import wire_dateline
    text = "Headline\n\nSEOUL, Oct 30 (Wire) - The company aims for a 6% margin in 2026.\n"
    assert wire_dateline(text, 0, "en_wire_lg_2025q3.md") == dt.date(2025, 10, 30)


def test_a_fiscal_year_in_the_file_name_is_no_filing_year():
    from claimcheck.datelines import wire_dateline
    text = "Headline\n\nDUBLIN, Nov 18 (Wire) - Sales in the quarter ended October 24, 2025 rose 6%.\n"
    assert wire_dateline(text, 0, "wire_medtronic_fq2_2026.md") == dt.date(2025, 11, 18)
    assert wire_dateline(text, 0, "note_medtronic_FY2026.md") == dt.date(2025, 11, 18)



def test_a_yearless_wire_dateline_prefers_the_earlier_of_two_years_named_alike():
    from claimcheck.datelines import wire_dateline
    text = "Headline\n\nSEOUL, Oct 30 (Wire) - Its 2025 profit fell; it aims for a 6% margin in 2026.\n"
    assert wire_dateline(text, 0, "wire.md") == dt.date(2025, 10, 30)


# --- wire datelines without a year --------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    # the weekday the lead names settles it, though the story names only the fiscal year ahead of the calendar
    ("GOLETA, Oct 23 (Wire) - Deckers said on Thursday its fiscal 2026 sales rose.", dt.date(2025, 10, 23)),
    ("GOLETA, Oct 23 (Wire) - Deckers said on Friday its fiscal 2026 sales rose.", dt.date(2026, 10, 23)),
    # no weekday: a fiscal label counts for nothing beside a plain year, however often it is named
    ("REDMOND, Oct 29 (Wire) - Sales rose in fiscal 2026's first quarter, to Sept. 30, 2025; the fiscal 2026 "
     "outlook stands.", dt.date(2025, 10, 29)),
    # only fiscal labels: the most named is all there is
    ("REDMOND, Oct 29 (Wire) - Sales rose in the first quarter of fiscal 2026.", dt.date(2026, 10, 29)),
])
def test_a_yearless_wire_dateline_takes_the_story_s_year(text: str, want: dt.date):
    assert publication_date(text, {}, None) == want
