"""`claimcheck ledger fetch`: download a company's filings and write them as a ledger. The only code that
touches the network; `check` reads what this wrote and never downloads anything.

The raw responses go to `<out>/raw/` (sec-CIK##########.json, dart-<corp_code>-<year>-<reprt_code>-<fs>.json),
and the records read from them to `<out>/sec-CIK##########.jsonl` and `<out>/dart-<corp_code>.jsonl`, which
`check --ledger <out>` reads. The SEC asks each client to name itself (SEC_USER_AGENT); OpenDART needs a
key (DART_API_KEY). CLAIMCHECK_SEC_URL and CLAIMCHECK_DART_URL point at a mirror (or a test server).
"""
from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .. import vocab as L
from ..filed import jsonl_lines
from . import build, read
from .common import LedgerError, entity_named

SEC_URL, DART_URL = "https://data.sec.gov", "https://opendart.fss.or.kr"
REPORTS = ("11013", "11012", "11014", "11011")  # Q1, half year, Q3, year: the order they are filed in
NO_DATA = "013"  # OpenDART: no report matches (not filed yet, or no such statement)
TIMEOUT = 30


class FetchError(LedgerError):
    """A download that failed: a missing key, no network, an HTTP error, a DART status other than 000."""


@dataclass
class Fetched:
    ledger: Path  # the JSONL written
    figures: int
    raw: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # reports not filed (DART status 013)


def sec(who: str, out: Path, lex: L.Lexicon, env: Mapping[str, str] = os.environ) -> Fetched:
    """companyfacts for a CIK, or for a ticker or name whose cik rules/entities.yaml gives."""
    cik = _cik(who, lex)
    agent = env.get("SEC_USER_AGENT", "").strip()
    if not agent:
        raise FetchError("SEC_USER_AGENT is not set: the SEC asks every client to name itself, e.g. "
                         "SEC_USER_AGENT='Newsroom Name data@newsroom.example'")
    name = f"sec-CIK{cik:0>10}"
    url = f"{env.get('CLAIMCHECK_SEC_URL') or SEC_URL}/api/xbrl/companyfacts/CIK{cik:0>10}.json"
    raw = _save(out / "raw" / f"{name}.json", _get(url, url, {"User-Agent": agent, "Accept": "application/json"}))
    return _write(out / f"{name}.jsonl", [raw], lex)


def dart(who: str, years: Iterable[int], out: Path, lex: L.Lexicon, env: Mapping[str, str] = os.environ) -> Fetched:
    """Every periodic report of the years (fnlttSinglAcntAll), consolidated where there is one."""
    code = _corp_code(who, lex)
    key = env.get("DART_API_KEY", "").strip()
    if not key:
        raise FetchError("DART_API_KEY is not set: OpenDART needs an API key (opendart.fss.or.kr, 인증키 신청)")
    base, raws, notes = env.get("CLAIMCHECK_DART_URL") or DART_URL, [], []
    for year in years:
        for reprt in REPORTS:
            got = _report(base, key, code, year, reprt, out)
            if got is None:
                notes.append(f"DART {code}: no {year} report {reprt} (status {NO_DATA}: not filed)")
            else:
                raws.append(got)
    if not raws:
        raise FetchError(f"DART {code}: no report filed for {', '.join(map(str, years))}")
    return _write(out / f"dart-{code}.jsonl", raws, lex, notes)


def _report(base: str, key: str, code: str, year: int, reprt: str, out: Path) -> Path | None:
    """One report's statements, consolidated (CFS) or else the company's own (OFS); None if not filed."""
    for fs in ("CFS", "OFS"):
        query = {"corp_code": code, "bsns_year": str(year), "reprt_code": reprt, "fs_div": fs}
        shown = f"{base}/api/fnlttSinglAcntAll.json?{urllib.parse.urlencode(query)}"  # never the key
        body = _get(f"{shown}&{urllib.parse.urlencode({'crtfc_key': key})}", shown, {"Accept": "application/json"})
        try:
            data = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise FetchError(f"{shown}: the answer is not JSON") from None
        status = str(data.get("status")) if isinstance(data, dict) else "?"
        if status == NO_DATA:
            continue
        if status != "000":
            raise FetchError(f"DART status {status}: {data.get('message') or 'no message'} ({shown})")
        return _save(out / "raw" / f"dart-{code}-{year}-{reprt}-{fs}.json", body)
    return None


def _get(url: str, shown: str, headers: dict[str, str]) -> bytes:
    req = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:
            return resp.read()
    except urllib.error.HTTPError as e:
        raise FetchError(f"{shown}: HTTP {e.code} {e.reason}") from None
    except urllib.error.URLError as e:
        host = urllib.parse.urlsplit(shown).netloc
        raise FetchError(f"cannot reach {host}: {e.reason} (no network, or the address is wrong)") from None
    except TimeoutError:
        raise FetchError(f"{shown}: no answer in {TIMEOUT} s") from None


def _save(path: Path, body: bytes) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)
    except OSError as e:
        raise FetchError(f"{path}: cannot write: {e.strerror or e}") from None
    return path


def _write(path: Path, raws: list[Path], lex: L.Lexicon, notes: list[str] | None = None) -> Fetched:
    ledger = build(f for raw in raws for f in read(raw, lex))
    try:
        path.write_text("".join(jsonl_lines(ledger)), encoding="utf-8")
    except OSError as e:
        raise FetchError(f"{path}: cannot write: {e.strerror or e}") from None
    return Fetched(path, ledger.count(), raws, notes or [])


def _cik(who: str, lex: L.Lexicon) -> str:
    if who.isdigit():
        return who.lstrip("0") or "0"
    entity = entity_named(lex, who)
    info = lex.entities.get(entity) if entity else None
    if info is None or not info.cik:
        raise FetchError(f"--sec {who}: no CIK known for it: give the CIK (digits), or add cik to rules/entities.yaml")
    return info.cik


def _corp_code(who: str, lex: L.Lexicon) -> str:
    if who.isdigit() and len(who) == 8:
        return who
    entity = entity_named(lex, who)
    info = lex.entities.get(entity) if entity else None
    if info is None or not info.dart_corp_code:
        raise FetchError(f"--dart {who}: not an eight-digit corp_code, nor a company whose dart_corp_code is known")
    return info.dart_corp_code


def years(spec: str | None, this_year: int) -> list[int]:
    """'2023-2025', '2024' or '2023,2025'; by default the last three years."""
    if not spec:
        return list(range(this_year - 2, this_year + 1))
    out: list[int] = []
    for part in spec.split(","):
        lo, _, hi = part.strip().partition("-")
        if not (lo.isdigit() and len(lo) == 4 and (not hi or (hi.isdigit() and len(hi) == 4 and int(hi) >= int(lo)))):
            raise FetchError(f"--years {spec}: give years as 2024, 2023-2025 or 2023,2025")
        out.extend(range(int(lo), int(hi or lo) + 1))
    return sorted(set(out))
