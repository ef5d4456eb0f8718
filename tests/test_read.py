"""claimcheck.read: discovery, decoding, front matter, publication date and title."""
from __future__ import annotations

import datetime as dt
import struct
import zlib
from pathlib import Path

import pytest

from claimcheck.pipeline import run, sources
from claimcheck.read import ReadError, Source, decode, discover, find_date, front_matter, read_article

KO = "삼성전자의 3분기 영업이익은 12조1,700억원으로 전년 대비 32.6% 늘었다."
EN = "Nvidia reported revenue of $35.1 billion, up 94% from a year ago."


def _png() -> bytes:
    """A valid 1x1 PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) \
        + chunk(b"IEND", b"")


def _stray(text: str = KO * 3) -> bytes:
    """Mostly UTF-8 with two stray bytes in the middle."""
    raw = text.encode("utf-8")
    cut = raw.index(b" ") + 1
    return raw[:cut] + b"\xff" + raw[cut:cut + 1] + b"\x80" + raw[cut + 1:]


def _src(p: Path) -> Source:
    return Source(p, p.as_posix())


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "a.md").write_text(KO, encoding="utf-8")
    (tmp_path / "b.markdown").write_text(EN, encoding="utf-8")
    (tmp_path / "c.txt").write_text(KO, encoding="utf-8")
    (tmp_path / "d.py").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "e.png").write_bytes(_png())
    (tmp_path / "notes.MD").write_text(EN, encoding="utf-8")
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "f.md").write_text(KO, encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "g.txt").write_text(EN, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "h.md").write_text(KO, encoding="utf-8")
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "i.md").write_text(KO, encoding="utf-8")
    return tmp_path


# --- discover ----------------------------------------------------------------------------

def test_discover_default_include_is_md_markdown_txt_recursive(tree: Path):
    shown = [s.shown for s in discover([str(tree)])]
    base = tree.as_posix()
    assert shown == [f"{base}/a.md", f"{base}/b.markdown", f"{base}/c.txt", f"{base}/notes.MD",
                     f"{base}/sub/f.md", f"{base}/sub/deeper/g.txt"]
    assert all(s.path == Path(s.shown) for s in discover([str(tree)]))


def test_discover_upper_case_extension(tree: Path):
    assert f"{tree.as_posix()}/notes.MD" in {s.shown for s in discover([str(tree)])}


def test_discover_is_stable(tree: Path):
    assert [s.shown for s in discover([str(tree)])] == [s.shown for s in discover([str(tree)])]


def test_discover_relative_to_dot(tree: Path, monkeypatch):
    monkeypatch.chdir(tree)
    shown = {s.shown for s in discover(["."])}
    assert shown == {"a.md", "b.markdown", "c.txt", "notes.MD", "sub/f.md", "sub/deeper/g.txt"}


def test_discover_include_and_exclude(tree: Path):
    base = tree.as_posix()
    only_md = {s.shown for s in discover([str(tree)], include=["*.md"])}
    assert only_md == {f"{base}/a.md", f"{base}/notes.MD", f"{base}/sub/f.md"}
    no_sub = {s.shown for s in discover([str(tree)], exclude=["*/sub/*"])}
    assert no_sub == {f"{base}/a.md", f"{base}/b.markdown", f"{base}/c.txt", f"{base}/notes.MD"}
    with_py = {s.shown for s in discover([str(tree)], include=["*.py", "*.md"])}
    assert f"{base}/d.py" in with_py


def test_exclude_means_the_same_from_inside_the_tree(tree: Path, monkeypatch: pytest.MonkeyPatch):
    # run from the folder itself: shown paths lose their prefix, yet `*/notes.md` still names notes.MD,
    # and a bare name matches in any case, like include does
    monkeypatch.chdir(tree)
    assert {s.shown for s in discover(["."], exclude=["*/notes.MD"])} == {"a.md", "b.markdown", "c.txt", "sub/f.md",
                                                                          "sub/deeper/g.txt"}
    assert "notes.MD" not in {s.shown for s in discover(["."], exclude=["Notes.md"])}
    assert "sub/f.md" not in {s.shown for s in discover(["."], exclude=["*/sub/*"])}


def test_exclude_does_not_match_the_folder_the_run_was_given(tree: Path):
    # '*/<folder>/*' names folders inside the checked tree; the tree's own path, typed in full, is not one
    assert {s.shown for s in discover([str(tree)], exclude=[f"*/{tree.name}/*"])} \
        == {s.shown for s in discover([str(tree)])}


def test_discover_never_includes_images_even_when_asked(tree: Path):
    shown = {s.shown for s in discover([str(tree)], include=["*"])}
    assert not any(s.endswith(".png") for s in shown)


def test_discover_explicit_file_is_yielded_as_named(tree: Path):
    got = list(discover([str(tree / "d.py")]))
    assert [s.path for s in got] == [tree / "d.py"]


def test_png_named_explicitly_is_unreadable_not_a_crash(tree: Path):
    (src,) = discover([str(tree / "e.png")])
    with pytest.raises(ReadError):
        read_article(src)


def test_png_with_text_extension_is_unreadable(tmp_path: Path):
    p = tmp_path / "picture.md"
    p.write_bytes(_png())
    (src,) = discover([str(tmp_path)])
    with pytest.raises(ReadError):
        read_article(src)


def test_missing_file_is_read_error(tmp_path: Path):
    with pytest.raises(ReadError):
        read_article(_src(tmp_path / "nope.md"))


# --- decode ------------------------------------------------------------------------------

def test_decode_utf8():
    assert decode(KO.encode("utf-8")) == (KO, [])


def test_decode_utf8_bom_is_stripped():
    text, warnings = decode(b"\xef\xbb\xbf" + KO.encode("utf-8"))
    assert text == KO and warnings == []


def test_decode_cp949_korean():
    text, warnings = decode(KO.encode("cp949"))
    assert text == KO
    assert warnings == []


def test_decode_euc_kr_korean():
    text, _ = decode("영업이익 12조원".encode("euc-kr"))
    assert text == "영업이익 12조원"


def test_decode_utf16_with_bom():
    text, _ = decode(KO.encode("utf-16"))
    assert text == KO


def test_decode_stray_bytes_replaced_with_warning():
    text, warnings = decode(_stray())
    assert text.count("\ufffd") == 2
    assert text.replace("\ufffd", "") == (KO * 3)
    assert len(warnings) == 1 and "undecodable" in warnings[0] and "2" in warnings[0]


def test_decode_empty():
    assert decode(b"") == ("", [])


def test_decode_mostly_ascii_cp949():
    body = "Revenue table " * 150 + "삼성전자 매출 1,234\n"
    text, warnings = decode(body.encode("cp949"))
    assert text == body
    assert warnings == []


# --- read_article ------------------------------------------------------------------------

@pytest.mark.parametrize("name,data,expected", [
    ("utf8.md", KO.encode("utf-8"), KO),
    ("bom.md", b"\xef\xbb\xbf" + KO.encode("utf-8"), KO),
    ("cp949.txt", KO.encode("cp949"), KO),
    ("empty.md", b"", ""),
])
def test_read_article_text(tmp_path: Path, name: str, data: bytes, expected: str):
    p = tmp_path / name
    p.write_bytes(data)
    art = read_article(_src(p))
    assert art.text == expected
    assert art.path == p.as_posix()
    assert art.warnings == ()


def test_read_article_stray_bytes_warns(tmp_path: Path):
    p = tmp_path / "stray.md"
    p.write_bytes(_stray())
    art = read_article(_src(p))
    assert "\ufffd" in art.text and art.warnings


def test_pipeline_names_the_file_with_stray_bytes(tmp_path: Path):
    (tmp_path / "good.md").write_text(KO, encoding="utf-8")
    (tmp_path / "stray.md").write_bytes(_stray())
    (tmp_path / "pic.png").write_bytes(_png())
    (tmp_path / "empty.md").write_bytes(b"")
    corpus = run(sources([str(tmp_path)]))
    notes = [p for p in corpus.problems if p.file and p.file.endswith("stray.md")]
    assert notes and notes[0].kind == "read" and "undecodable" in str(notes[0])
    assert {a.path.rsplit("/", 1)[-1] for a in corpus.articles} == {"good.md", "stray.md", "empty.md"}
    assert any(c.file.endswith("good.md") for c in corpus.claims)


def test_pipeline_reports_unreadable_and_continues(tmp_path: Path):
    (tmp_path / "a.md").write_bytes(_png())
    (tmp_path / "b.md").write_text(KO, encoding="utf-8")
    corpus = run(sources([str(tmp_path)]))
    assert any(p.kind == "unreadable" and p.file and p.file.endswith("a.md") for p in corpus.problems)
    assert any(c.file.endswith("b.md") for c in corpus.claims)


# --- front matter ------------------------------------------------------------------------

def test_front_matter_dict_and_length():
    text = "---\ntitle: 제목\ndate: 2025-10-31\n---\n본문\n"
    data, n = front_matter(text)
    assert data == {"title": "제목", "date": dt.date(2025, 10, 31)}
    assert text[n:] == "본문\n"


def test_front_matter_absent():
    assert front_matter("# 제목\n본문") == ({}, 0)


@pytest.mark.parametrize("body", ["title: [unclosed", "- just\n- a list", "plain scalar"])
def test_front_matter_malformed_or_not_a_mapping_is_empty(body: str):
    data, n = front_matter(f"---\n{body}\n---\n본문")
    assert data == {}


def test_front_matter_impossible_date_does_not_raise(tmp_path: Path):
    p = tmp_path / "bad_date.md"
    p.write_text("---\ndate: 2025-02-30\n---\n날짜: 2025-11-13\n" + KO, encoding="utf-8")
    assert front_matter(p.read_text(encoding="utf-8"))[0] == {}
    art = read_article(_src(p))
    assert art.published == dt.date(2025, 11, 13)


# --- dates -------------------------------------------------------------------------------

def _published(tmp_path: Path, text: str) -> dt.date | None:
    p = tmp_path / "dated.md"
    p.write_text(text, encoding="utf-8")
    return read_article(_src(p)).published


@pytest.mark.parametrize("text,expected", [
    ("---\ntitle: x\ndate: 2025-10-31\n---\n" + KO, dt.date(2025, 10, 31)),
    ("---\ndate: 2025-10-31T09:30:00\n---\n" + KO, dt.date(2025, 10, 31)),
    ("---\npublished: \"2025/10/31\"\n---\n" + KO, dt.date(2025, 10, 31)),
    ("# 제목\n\n**날짜**: 2025-11-13\n\n" + KO, dt.date(2025, 11, 13)),
    ("# 제목\n\n작성일: 2025년 11월 13일\n\n" + KO, dt.date(2025, 11, 13)),
    ("# 제목\n\n입력 2025.11.13 09:00\n\n" + KO, dt.date(2025, 11, 13)),
    ("Seoul, November 13, 2025 — " + EN, dt.date(2025, 11, 13)),
    ("서울 2025-11-13 연합\n\n" + KO, dt.date(2025, 11, 13)),
    (KO + "\n" + EN, None),
    ("", None),
])
def test_published_date(tmp_path: Path, text: str, expected):
    assert _published(tmp_path, text) == expected


def test_metadata_line_beats_an_earlier_body_date(tmp_path: Path):
    text = "# 제목\n\n2024-01-01 기준 자료를 인용했다.\n작성일: 2025-11-13\n\n" + KO
    assert _published(tmp_path, text) == dt.date(2025, 11, 13)


def test_front_matter_beats_metadata_line(tmp_path: Path):
    text = "---\ndate: 2025-10-31\n---\n작성일: 2025-11-13\n" + KO
    assert _published(tmp_path, text) == dt.date(2025, 10, 31)


def test_date_deep_in_the_body_is_not_a_publication_date(tmp_path: Path):
    text = "# 제목\n" + (KO + "\n") * 15 + "2025-11-13 예정\n"
    assert _published(tmp_path, text) is None


def test_invalid_calendar_date_is_skipped():
    assert find_date("2025-13-45 이후\n2025-11-13 발표", {}) == dt.date(2025, 11, 13)


def test_find_date_front_dict_directly():
    assert find_date("", {"date": dt.date(2025, 1, 2)}) == dt.date(2025, 1, 2)
    assert find_date("", {"date": dt.datetime(2025, 1, 2, 3, 4)}) == dt.date(2025, 1, 2)
    assert find_date("", {}) is None


# --- titles ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("TITLE:\n메모리 슈퍼사이클 2막?\n\nCONTENT:\n\n" + KO, "메모리 슈퍼사이클 2막?"),
    ("TITLE: 메모리 슈퍼사이클 2막?\nCONTENT:\n" + KO, "메모리 슈퍼사이클 2막?"),
    ("---\ntitle: \"삼성전자 3분기 영업이익 12조1,700억원\"\n---\n" + KO, "삼성전자 3분기 영업이익 12조1,700억원"),
    ("# 엔비디아 3분기 실적\n\n" + EN, "엔비디아 3분기 실적"),
    (KO, None),
])
def test_title(tmp_path: Path, text: str, expected):
    p = tmp_path / "titled.txt"
    p.write_text(text, encoding="utf-8")
    assert read_article(_src(p)).title == expected


def test_title_content_layout_claims_point_into_content(tmp_path: Path):
    from claimcheck.claims.build import extract
    p = tmp_path / "blog.txt"
    p.write_text("TITLE:\n메모리 슈퍼사이클\n\nCONTENT:\n\n**작성일**: 2025년 11월 3일\n\n" + KO + "\n", encoding="utf-8")
    art = read_article(_src(p))
    assert art.published == dt.date(2025, 11, 3)
    lines = art.text.split("\n")
    claims = extract(art)
    assert claims
    for c in claims:
        assert lines[c.line - 1][c.column - 1:].startswith(c.text)
