"""The ledger through the command line (issue 9): check --ledger and the config's ledger, one-line errors
for a bad ledger, `ledger show`, and `ledger fetch` against a local server (never the real services)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import CLI, ROOT, SHARED

FIX = ROOT / "fixtures" / "ledger"
MARGIN = "---\ndate: 2025-02-10\n---\nAWS의 2024년 영업이익률은 34.3%였다.\n"


def cc(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    exe = [str(CLI)] if CLI.exists() else [sys.executable, "-m", "claimcheck"]
    base = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    for k in ("SEC_USER_AGENT", "DART_API_KEY", "CLAIMCHECK_SEC_URL", "CLAIMCHECK_DART_URL"):
        base.pop(k, None)
    return subprocess.run([*exe, *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=120,
                          env={**base, **(env or {})})


@pytest.mark.shared("seeds")
def test_seeds_checked_against_the_aws_ledger_flag_both_wrong_margins():
    r = cc("check", str(SHARED / "seeds"), "--ledger", str(FIX / "amazon_segments.csv"), "-f", "json", "--no-cache")
    doc = json.loads(r.stdout)
    (f,) = [f for f in doc["findings"] if f["rule"] == "ledger-mismatch" and "operating margin 2024" in f["message"]]
    assert {c["text"] for c in f["claims"]} == {"34.3%", "32%"} and len({c["file"] for c in f["claims"]}) == 2
    assert "filed: 37.04%" in f["message"] and f["filed"][0]["value"] == pytest.approx(37.036, abs=1e-3)
    assert r.returncode == 1 and doc["summary"]["ledger"]["differing"] >= 3


def test_fixture_articles_against_the_fixture_ledger():
    r = cc("check", "fixtures/ledger/articles", "--ledger", "fixtures/ledger", "-f", "json", "--no-cache", "--select", "ledger-mismatch")
    doc = json.loads(r.stdout)
    cited = {(c["file"].rsplit("/", 1)[-1], c["text"], f["severity"]) for f in doc["findings"] for c in f["claims"]}
    assert cited == {("ko_blog_aws_margin.txt", "34.3%", "error"), ("ko_blog_aws_margin.txt", "1,150억 달러", "error"),
                     ("ko_blog_aws_margin.txt", "20%", "error"), ("en_wire_apple_samsung.md", "79 trillion won", "error"),
                     ("en_wire_apple_samsung.md", "$119.6 billion", "info")}
    # matched within printed precision or a hedge: 1,076억 달러, 19%, 398억 달러, 약 37%, 17%, $94.9 billion (a derived Q4), 약 6.5조
    assert doc["summary"]["ledger"]["matched"] == 9 and r.returncode == 1


def test_the_config_s_ledger_is_read_relative_to_the_config(tmp_path: Path):
    (tmp_path / "a.md").write_text(MARGIN, encoding="utf-8")
    (tmp_path / "filed").mkdir()
    (tmp_path / "filed" / "aws.csv").write_text((FIX / "amazon_segments.csv").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "claimcheck.toml").write_text('ledger = ["filed"]\n', encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    r = cc("check", str(tmp_path / "a.md"), "--no-cache", "-f", "concise", cwd=sub)
    assert r.returncode == 1 and "ledger-mismatch" in r.stdout and "filed: 37.04%" in r.stdout, r.stdout + r.stderr
    assert 'ledger = ["filed"]' in cc("check", "--show-settings", cwd=tmp_path).stdout
    (tmp_path / "claimcheck.toml").write_text("", encoding="utf-8")
    r = cc("check", "a.md", "--no-cache", "-f", "concise", cwd=tmp_path)
    assert r.returncode == 0 and "ledger" not in r.stdout, r.stdout


@pytest.mark.parametrize("name,body,needle", [
    ("bad.csv", "entity,metric,period,value,unit\nAWS,revenue,2024,lots,USD\n", "bad.csv:2: 'value' is not a number"),
    ("bad.json", '{"status": "020", "message": "요청 제한을 초과하였습니다."}', "bad.json: DART status 020"),
    ("bad.jsonl", "{oops\n", "bad.jsonl:1: not valid JSON"),
    ("missing.csv", None, "missing.csv: no such ledger file or folder"),
])
def test_a_malformed_ledger_exits_2_in_one_line_naming_the_file(tmp_path: Path, name: str, body: str | None, needle: str):
    (tmp_path / "a.md").write_text(MARGIN, encoding="utf-8")
    if body is not None:
        (tmp_path / name).write_text(body, encoding="utf-8")
    r = cc("check", "a.md", "--ledger", name, "--no-cache", cwd=tmp_path)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and needle in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_ledger_show_prints_a_table_and_jsonl_that_check_reads_back(tmp_path: Path):
    r = cc("ledger", "show", str(FIX / "apple_companyfacts.json"))
    row = next(line for line in r.stdout.splitlines() if "FY2024Q1" in line and "restated since" in line)
    assert "$119.575B" in row and "2024-02-02" in row and "SEC 10-Q 0000320193-24-000006" in row
    assert "annual − nine months" in r.stdout and "derived" in r.stdout and r.stdout.rstrip().endswith("11 filed figures")
    r = cc("ledger", "show", str(FIX / "amazon_segments.csv"), "-f", "jsonl")
    lines = r.stdout.splitlines()
    assert json.loads(lines[0]) == {"schema": "claimcheck/ledger@1"} and len(lines) == 10
    (tmp_path / "l.jsonl").write_text(r.stdout, encoding="utf-8")
    (tmp_path / "a.md").write_text(MARGIN, encoding="utf-8")
    assert "filed: 37.04%" in cc("check", "a.md", "--ledger", "l.jsonl", "--no-cache", cwd=tmp_path).stdout
    r = cc("ledger", "show", cwd=tmp_path)
    assert r.returncode == 2 and "no ledger" in r.stderr


# ---------------------------------------------------------------------------------------------- fetch

class Fake(BaseHTTPRequestHandler):
    """SEC's companyfacts by CIK (only with a User-Agent) and OpenDART's fnlttSinglAcntAll by report."""

    seen: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the http.server name)
        url = urlsplit(self.path)
        q = {k: v[0] for k, v in parse_qs(url.query).items()}
        self.seen.append(self.path)
        if url.path == "/api/xbrl/companyfacts/CIK0000320193.json" and self.headers.get("User-Agent", "").startswith("Desk"):
            return self._send(200, (FIX / "apple_companyfacts.json").read_bytes())
        if url.path == "/api/fnlttSinglAcntAll.json":
            if q.get("crtfc_key") != "k3y":
                return self._send(200, json.dumps({"status": "010", "message": "등록되지 않은 키입니다."}).encode())
            files = {("2024", "11014", "CFS"): "samsung_2024_q3.json"}
            if (q["bsns_year"], q["reprt_code"], q["fs_div"]) in files:
                return self._send(200, (FIX / files[q["bsns_year"], q["reprt_code"], q["fs_div"]]).read_bytes())
            if (q["bsns_year"], q["reprt_code"]) == ("2024", "11011") and q["fs_div"] == "CFS":
                data = json.loads((FIX / "samsung_2024_annual.json").read_text(encoding="utf-8"))
                data["list"] = [r for r in data["list"] if r["fs_div"] == "CFS"]
                return self._send(200, json.dumps(data, ensure_ascii=False).encode())
            return self._send(200, json.dumps({"status": "013", "message": "조회된 데이타가 없습니다."}).encode())
        self._send(404, b"not found")

    def _send(self, code: int, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Fake)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_fetch_sec_writes_the_raw_answer_and_a_ledger_check_reads(server: str, tmp_path: Path):
    env = {"CLAIMCHECK_SEC_URL": server, "SEC_USER_AGENT": "Desk test@newsroom.example"}
    r = cc("ledger", "fetch", "--sec", "AAPL", cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr
    out = tmp_path / ".claimcheck" / "ledger"
    assert (out / "raw" / "sec-CIK0000320193.json").read_bytes() == (FIX / "apple_companyfacts.json").read_bytes()
    records = [json.loads(x) for x in (out / "sec-CIK0000320193.jsonl").read_text(encoding="utf-8").splitlines()[1:]]
    assert {(x["period"], x["value"], x["derived"]) for x in records if x["metric"] == "revenue"} >= {("FY2024Q4", 94930000000, True)}
    assert "wrote .claimcheck/ledger/sec-CIK0000320193.jsonl (11 filed figures from 1 download)" in r.stderr
    (tmp_path / "a.md").write_text("---\ndate: 2025-03-01\n---\nApple's revenue for the fiscal fourth quarter of 2024 was $96.5 billion.\n",
                                   encoding="utf-8")
    r = cc("check", "a.md", "--ledger", ".claimcheck/ledger", "--no-cache", "-f", "concise", cwd=tmp_path)
    assert r.returncode == 1 and "filed: $94.93B" in r.stdout, r.stdout + r.stderr
    # with no path, `ledger show` reads what `ledger fetch` wrote; the raw answers beside are not read twice
    shown = cc("ledger", "show", cwd=tmp_path).stdout
    assert shown.rstrip().endswith("11 filed figures") and "Apple" in shown


def test_fetch_dart_takes_each_report_notes_those_not_filed_and_never_prints_the_key(server: str, tmp_path: Path):
    env = {"CLAIMCHECK_DART_URL": server, "DART_API_KEY": "k3y"}
    r = cc("ledger", "fetch", "--dart", "00126380", "--years", "2024", cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr
    raw = sorted(p.name for p in (tmp_path / ".claimcheck" / "ledger" / "raw").iterdir())
    assert raw == ["dart-00126380-2024-11011-CFS.json", "dart-00126380-2024-11014-CFS.json"]
    assert "no 2024 report 11013" in r.stderr and "k3y" not in r.stderr
    r = cc("ledger", "show", "-f", "jsonl", cwd=tmp_path)
    q4 = [json.loads(x) for x in r.stdout.splitlines()[1:] if '"2024Q4"' in x and '"operating_income"' in x]
    assert [(x["value"], x["derived"]) for x in q4] == [(6_492_582_000_000, True)]


@pytest.mark.parametrize("args,env,needle", [
    (("--sec", "320193"), {}, "SEC_USER_AGENT is not set"),
    (("--dart", "00126380"), {}, "DART_API_KEY is not set"),
    (("--sec", "320193"), {"SEC_USER_AGENT": "Desk x@y", "CLAIMCHECK_SEC_URL": "http://127.0.0.1:9"}, "cannot reach 127.0.0.1:9"),
    (("--sec", "1018724"), {"SEC_USER_AGENT": "Desk x@y", "CLAIMCHECK_SEC_URL": "{server}"}, "CIK0001018724.json: HTTP 404"),
    (("--sec", "320193"), {"SEC_USER_AGENT": "bot", "CLAIMCHECK_SEC_URL": "{server}"}, "HTTP 404"),
    (("--dart", "00126380", "--years", "2024"), {"DART_API_KEY": "s3cr3t", "CLAIMCHECK_DART_URL": "{server}"},
     "DART status 010: 등록되지 않은 키입니다."),
    (("--sec", "NOSUCH"), {"SEC_USER_AGENT": "Desk x@y"}, "--sec NOSUCH: no CIK known"),
    (("--dart", "00126380", "--years", "24"), {"DART_API_KEY": "k"}, "--years 24"),
    ((), {}, "give --sec CIK|TICKER or --dart CORP_CODE"),
])
def test_fetch_errors_are_one_line_exit_2(server: str, tmp_path: Path, args: tuple, env: dict, needle: str):
    r = cc("ledger", "fetch", *args, cwd=tmp_path, env={k: v.format(server=server) for k, v in env.items()})
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and needle in r.stderr, r.stderr
    assert "s3cr3t" not in r.stderr and "Traceback" not in r.stderr  # the key is never printed
