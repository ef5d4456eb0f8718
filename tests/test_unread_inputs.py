"""Issue 10, nothing passes silently: files that are not read are named, counted and fail the gate.

Every test goes through the command line, as a CI job or a pre-commit hook runs it.
"""
from __future__ import annotations

import json
import os
import socket
import stat
import time
from pathlib import Path

import pytest

from conftest import run_cli

ARTICLE = "---\ndate: 2025-05-02\n---\n삼성전자의 2025년 1분기 매출은 79조1,400억원이었다.\n"
# contradicts ARTICLE, so if it were read its figure would be quoted in every report format
SECRET = "aws_secret_access_key = 8675309\n삼성전자의 2025년 1분기 매출은 86조7,530억원이었다.\n"
SECRET_BITS = ("8675309", "86조7,530억원", "86753", "aws_secret", "credentials")

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="this platform has no FIFOs")


def _json(res) -> dict:
    return json.loads(res.stdout)


@needs_fifo
@pytest.mark.parametrize("fmt", ["text", "concise", "json", "jsonl", "sarif", "github"])
def test_hostile_folder_finishes_fast_warns_for_each_and_leaks_nothing(tmp_path: Path, fmt: str):
    tree = tmp_path / "articles"
    tree.mkdir()
    (tree / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tree / "zero.md").symlink_to("/dev/zero")
    os.mkfifo(tree / "pipe.md")
    outside = tmp_path / "home" / "credentials.txt"
    outside.parent.mkdir()
    outside.write_text(SECRET, encoding="utf-8")
    (tree / "notes.txt").symlink_to(outside)
    start = time.monotonic()
    res = run_cli("check", "articles", "--no-cache", "--format", fmt, timeout=30, cwd=tmp_path)
    assert time.monotonic() - start < 20
    assert res.returncode == 1, res.stderr  # three files not checked: the gate fails by default
    warned = {name for name in ("zero.md", "pipe.md", "notes.txt")
              if any(name in line and "warning" in line for line in res.stderr.splitlines())}
    assert warned == {"zero.md", "pipe.md", "notes.txt"}, res.stderr
    for bit in SECRET_BITS:
        assert bit not in res.stdout and bit not in res.stderr
    if fmt in ("text", "concise"):
        assert res.stdout.splitlines()[-1].startswith("1 article,") and "3 unreadable" in res.stdout
    assert "3 files not checked: exit 1" in res.stderr
    if fmt in ("json", "jsonl"):  # a list of {file, reason}, each file by its own name
        summary = _json(res)["summary"] if fmt == "json" else json.loads(res.stdout.splitlines()[-1])["summary"]
        assert summary["unreadable"] == [
            {"file": "articles/notes.txt", "reason": "a symbolic link to a file outside the checked tree"},
            {"file": "articles/pipe.md", "reason": "a FIFO (named pipe)"},
            {"file": "articles/zero.md", "reason": "a symbolic link to a file outside the checked tree"}]
    if fmt == "sarif":  # one notification naming each file, in its message and as its location
        (invocation,) = _json(res)["runs"][0]["invocations"]
        named = {n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: n["message"]["text"]
                 for n in invocation["toolExecutionNotifications"] if n["level"] == "warning"}
        assert set(named) == {"articles/notes.txt", "articles/pipe.md", "articles/zero.md"}
        assert all(text.startswith(f"{uri}: not checked: ") for uri, text in named.items())
        assert invocation["properties"]["unreadable"] == 3


def test_binary_article_is_listed_in_json_and_sarif_and_fails_by_default(tmp_path: Path):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "scan.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    res = run_cli("check", ".", "--no-cache", "--format", "json", cwd=tmp_path)
    assert res.returncode == 1 and "scan.md" in res.stderr
    assert _json(res)["summary"]["unreadable"] == [{"file": "scan.md", "reason": "binary file"}]
    res = run_cli("check", ".", "--no-cache", "--format", "sarif", cwd=tmp_path)
    (note,) = _json(res)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert "scan.md" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "scan.md"
    # the CI engineer who accepts the gap says so, on the command line or in the config
    assert run_cli("check", ".", "--no-cache", "--no-fail-on-unreadable", cwd=tmp_path).returncode == 0
    (tmp_path / "claimcheck.toml").write_text("fail_on_unreadable = false\n", encoding="utf-8")
    assert run_cli("check", ".", "--no-cache", cwd=tmp_path).returncode == 0
    assert run_cli("check", ".", "--no-cache", "--fail-on-unreadable", cwd=tmp_path).returncode == 1


def test_file_over_the_size_cap_is_skipped_with_a_warning(tmp_path: Path):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "dump.md").write_bytes(b"x" * (2 * 1024 * 1024))
    (tmp_path / "claimcheck.toml").write_text("max_file_mb = 1\n", encoding="utf-8")
    res = run_cli("check", ".", "--no-cache", "--format", "json", cwd=tmp_path)
    assert res.returncode == 1
    assert any("dump.md" in line and "size limit" in line for line in res.stderr.splitlines())
    (u,) = _json(res)["summary"]["unreadable"]
    assert u["file"] == "dump.md" and "max_file_mb" in u["reason"]
    (tmp_path / "claimcheck.toml").write_text("max_file_mb = 0\n", encoding="utf-8")
    res = run_cli("check", ".", "--no-cache", cwd=tmp_path)
    assert res.returncode == 2 and "max_file_mb" in res.stderr


def test_link_inside_the_tree_is_followed_and_one_leaving_it_is_not(tmp_path: Path):
    tree = tmp_path / "articles"
    (tree / "2025").mkdir(parents=True)
    (tree / "2025" / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tree / "latest.md").symlink_to(tree / "2025" / "a.md")
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "memo.md").write_text(SECRET, encoding="utf-8")
    (tree / "more").symlink_to(tmp_path / "private")
    res = run_cli("check", "articles", "--no-cache", "--format", "json", cwd=tmp_path)
    unread = {u["file"]: u["reason"] for u in _json(res)["summary"]["unreadable"]}
    assert unread == {"articles/more": "a symbolic link to a folder outside the checked tree"}
    assert _json(res)["summary"]["articles"] == 2
    assert not any(bit in res.stdout + res.stderr for bit in SECRET_BITS)


@needs_fifo
def test_fifo_named_on_the_command_line_is_not_opened(tmp_path: Path):
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    res = run_cli("extract", "pipe.md", "a.md", "--no-cache", timeout=30, cwd=tmp_path)
    assert res.returncode == 0 and "pipe.md: not read: a FIFO" in res.stderr


def test_utf8_article_with_a_pasted_cp949_sentence_keeps_both(tmp_path: Path):
    head = "삼성전자의 2025년 1분기 매출은 79조1,400억원이었다.\n".encode()
    pasted = "SK하이닉스의 2025년 1분기 영업이익은 7조4,405억원이었다.\n".encode("cp949")
    tail = "LG전자의 2025년 1분기 매출은 22조7,398억원이었다.\n".encode()
    (tmp_path / "mixed.md").write_bytes(b"---\ndate: 2025-05-02\n---\n" + head + pasted + tail)
    res = run_cli("extract", "mixed.md", "--format", "jsonl", "--no-cache", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    texts = {json.loads(line)["text"] for line in res.stdout.splitlines()}
    assert {"79조1,400억원", "7조4,405억원", "22조7,398억원"} <= texts
    (warning,) = [line for line in res.stderr.splitlines() if "mixed.md" in line]
    assert "line 5" in warning and "CP949" in warning


def test_folder_without_articles_warns_and_nothing_at_all_exits_two(tmp_path: Path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.md").write_text(ARTICLE, encoding="utf-8")
    res = run_cli("check", "news", "drafts", "--no-cache", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "drafts: no articles here" in res.stderr
    res = run_cli("check", "drafts", "--no-cache", cwd=tmp_path)
    assert res.returncode == 2 and res.stderr.startswith("claimcheck: error: nothing to check")
    assert len(res.stderr.splitlines()) == 1
    # no paths given: the current folder, with the config's include, holds nothing either
    (tmp_path / "drafts" / "claimcheck.toml").write_text('include = ["*.rst"]\n', encoding="utf-8")
    (tmp_path / "drafts" / "a.md").write_text(ARTICLE, encoding="utf-8")
    res = run_cli("check", "--no-cache", cwd=tmp_path / "drafts")
    assert res.returncode == 2 and "*.rst" in res.stderr and "Traceback" not in res.stderr


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="this platform has no Unix sockets")
def test_sockets_and_devices_are_skipped_with_a_warning_and_listed(tmp_path: Path):
    tree = tmp_path / "articles"
    tree.mkdir()
    (tree / "a.md").write_text(ARTICLE, encoding="utf-8")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(tree / "sock.md"))  # stays a socket file while bound
        made_device = True
        try:
            os.mknod(tree / "null.md", 0o644 | stat.S_IFCHR, os.makedev(1, 3))  # /dev/null's numbers
        except (PermissionError, OSError):  # a container without CAP_MKNOD: /dev/null named below still counts
            made_device = False
        res = run_cli("check", "articles", "/dev/null", "--no-cache", "--format", "json", timeout=30, cwd=tmp_path)
    assert res.returncode == 1, res.stderr
    unread = {u["file"]: u["reason"] for u in _json(res)["summary"]["unreadable"]}
    expected = {"articles/sock.md": "a socket", "/dev/null": "a character device"}
    if made_device:
        expected["articles/null.md"] = "a character device"
    assert unread == expected
    for name in expected:
        assert f"{name}: not read: {expected[name]}" in res.stderr
    assert _json(res)["summary"]["articles"] == 1
