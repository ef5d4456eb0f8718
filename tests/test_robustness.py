"""The CLI on hostile input: odd encodings, binaries, huge files and pathological lines."""
from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import KO_PARAGRAPH, ROOT, run_cli

CP949_TEXT = "현대차는 3분기 매출 46조7,214억원, 영업이익 2조5,373억원을 기록했다고 밝혔다.\n"
BOM_TEXT = "SK하이닉스의 3분기 영업이익은 11조3,834억원으로 영업이익률 47%를 기록했다.\n"
BROKEN_TEXT = "엔비디아의 3분기 매출은 570억 달러로 전년 대비 62% 증가했다. " * 4 + "\n"


def _strict_json(line: str) -> dict:
    def refuse(name: str):
        raise ValueError(f"non-standard JSON constant {name}")
    return json.loads(line, parse_constant=refuse)


def _claims(stdout: str) -> list[dict]:
    return [_strict_json(line) for line in stdout.splitlines() if line.strip()]


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) \
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")


def _hostile_folder(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "cp949.txt").write_bytes(CP949_TEXT.encode("cp949"))
    (root / "bom.md").write_bytes(b"\xef\xbb\xbf" + BOM_TEXT.encode("utf-8"))
    (root / "chart.png").write_bytes(_png())
    (root / "image_named_md.md").write_bytes(_png())
    (root / "empty.md").write_bytes(b"")
    raw = BROKEN_TEXT.encode("utf-8")
    (root / "broken.md").write_bytes(raw[:20] + b"\xff" + raw[20:40] + b"\xc3(" + raw[40:])
    return root


def _by_file(claims: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for c in claims:
        out.setdefault(c["file"].rsplit("/", 1)[-1], []).append(c)
    return out


def test_cli_on_hostile_folder(tmp_path: Path):
    folder = _hostile_folder(tmp_path / "articles")
    res = run_cli("extract", str(folder), "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    got = _by_file(_claims(res.stdout))
    assert set(got) >= {"cp949.txt", "bom.md", "broken.md"}
    values = {f: {c["value"] for c in cs} for f, cs in got.items()}
    assert 46721400000000 in values["cp949.txt"] and 2537300000000 in values["cp949.txt"]
    assert 11383400000000 in values["bom.md"]
    assert 57000000000 in values["broken.md"]
    # the BOM is not part of the text: the first claim's column counts from the first real character
    first = got["bom.md"][0]
    assert BOM_TEXT.split("\n")[first["line"] - 1][first["column"] - 1:].startswith(first["text"])
    # unreadable and damaged files are named on stderr, one line each
    err = res.stderr.splitlines()
    assert any("image_named_md.md" in line and "unreadable" in line for line in err)
    assert any("broken.md" in line for line in err)
    assert not any("chart.png" in line for line in err)  # skipped by discovery, not an error


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_cli_other_formats_on_hostile_folder(tmp_path: Path, fmt: str):
    folder = _hostile_folder(tmp_path / "articles")
    res = run_cli("extract", str(folder), "--format", fmt)
    assert res.returncode == 0, res.stderr
    if fmt == "json":
        doc = _strict_json(res.stdout)
        assert doc["schema"] == "claimcheck/claims@1" and doc["claims"]
    else:
        assert "cp949.txt" in res.stdout or "46" in res.stdout


@pytest.mark.slow
def test_cli_with_5mb_article(tmp_path: Path):
    folder = _hostile_folder(tmp_path / "articles")
    data = KO_PARAGRAPH.encode("utf-8")
    (folder / "huge.md").write_bytes(data * (5 * 1024 * 1024 // len(data) + 1))
    res = run_cli("extract", str(folder), "--format", "jsonl", timeout=300)  # a guard against a hang; speed is measured in bench/
    assert res.returncode == 0, res.stderr
    got = _by_file(_claims(res.stdout))
    assert {"cp949.txt", "bom.md", "broken.md", "huge.md"} <= set(got)


def test_pathological_lines_parse(tmp_path: Path):
    code = (
        "from claimcheck.numbers.parse import parse\n"
        "for t in ['1,' * 20000, '1' * 20000, '1, ' * 20000, '1억' * 20000, '1~' * 20000, '$' * 20000 + '1']:\n"
        "    ms = parse(t)\n"
        "    assert all(t[m.start:m.end] == m.text for m in ms)\n"
        "print('ok')\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "ok"


def test_cli_on_pathological_lines(tmp_path: Path):
    p = tmp_path / "long_lines.md"
    p.write_text("1," * 20000 + "\n\n" + "1" * 20000 + "\n\n" + BOM_TEXT, encoding="utf-8")
    res = run_cli("extract", str(p), "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    claims = _claims(res.stdout)
    assert any(c["value"] == 11383400000000 for c in claims)


def test_overlong_number_gives_valid_json(tmp_path: Path):
    from claimcheck.numbers.parse import parse

    assert all(math.isfinite(m.value) for m in parse("9" * 400 + "억원"))
    p = tmp_path / "overflow.md"
    p.write_text("삼성전자 매출은 " + "9" * 400 + "억원이다.\n", encoding="utf-8")
    res = run_cli("extract", str(p), "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    _claims(res.stdout)


def test_cli_missing_path_exits_2_with_one_line(tmp_path: Path):
    res = run_cli("extract", str(tmp_path / "no_such_dir"), "--format", "jsonl")
    assert res.returncode == 2
    assert res.stdout == ""
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    assert "no_such_dir" in lines[0]
    assert "Traceback" not in res.stderr


def test_cli_missing_path_among_good_ones_exits_2(tmp_path: Path):
    good = tmp_path / "good.md"
    good.write_text(BOM_TEXT, encoding="utf-8")
    res = run_cli("extract", str(good), str(tmp_path / "missing.md"))
    assert res.returncode == 2
    assert len(res.stderr.strip().splitlines()) == 1 and "missing.md" in res.stderr


def test_cli_unknown_format_exits_2(tmp_path: Path):
    good = tmp_path / "good.md"
    good.write_text(BOM_TEXT, encoding="utf-8")
    res = run_cli("extract", str(good), "--format", "nope")
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    assert "nope" in res.stderr
    assert res.stdout == ""


def test_cli_unknown_format_is_one_line(tmp_path: Path):
    good = tmp_path / "good.md"
    good.write_text(BOM_TEXT, encoding="utf-8")
    res = run_cli("extract", str(good), "--format", "nope")
    assert res.returncode == 2
    assert len(res.stderr.strip().splitlines()) == 1, res.stderr


def test_cli_impossible_front_matter_date_does_not_stop_the_run(tmp_path: Path):
    """One bad file never stops the rest (pipeline contract)."""
    (tmp_path / "a_bad_date.md").write_text("---\ndate: 2025-02-30\n---\n" + BOM_TEXT, encoding="utf-8")
    (tmp_path / "b_good.md").write_text(BOM_TEXT, encoding="utf-8")
    res = run_cli("extract", str(tmp_path), "--format", "jsonl")
    assert "Traceback" not in res.stderr, res.stderr[-400:]
    assert res.returncode == 0
    assert any(c["file"].endswith("b_good.md") for c in _claims(res.stdout))

