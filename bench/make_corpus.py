"""Generate a deterministic archive of ~6 KB articles whose figures disagree a little, for benchmarks."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
PER_FOLDER = 500
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
NUMBER = re.compile(r"(?<![A-Za-z\d.,])\d[\d,]*(?:\.\d+)?(?!\d)")  # "조1,700" yes, "H100" no
YEARISH = re.compile(r"(?:19|20)\d\d")
# period words to swap now and then, as archives mix up quarters when copying figures around
SWAPS = [("3분기", "2분기"), ("2분기", "3분기"), ("third quarter", "second quarter"), ("Q3", "Q2"),
         ("4분기", "3분기"), ("fourth quarter", "third quarter")]

# Used only when the project's fixtures are absent (for instance in an installed copy).
BUILTIN = {
    "ko": ["삼성전자는 2025년 3분기 연결 기준 매출 86조1,000억원, 영업이익 12조1,700억원을 기록했다. "
           "영업이익은 전년 동기(9조1,800억원)보다 32.6% 늘었다.",
           "SK하이닉스는 3분기 매출 24조4,489억원, 영업이익 11조3,834억원을 올렸다. 영업이익률은 47%였다.",
           "현대차의 3분기 매출은 46조7,214억원으로 전년 동기 대비 8.8% 증가했으나 영업이익은 2조5,373억원에 그쳤다.",
           "증권가는 삼성전자 목표주가를 13만원으로 올렸다. 이날 주가는 10만4,100원에 마감했다."],
    "en": ["Nvidia said revenue for the third quarter rose 62% to $57.0 billion, ahead of estimates of $54.9 billion.",
           "Microsoft reported fiscal first-quarter revenue of $77.7 billion, up 18%, and net income of $27.7 billion.",
           "Data center revenue jumped 66% to $51.2 billion, while gaming revenue rose 30% to $4.3 billion.",
           "Shares rose about 4% in extended trading after closing at $186.52 in the regular session."],
}


def load_templates() -> dict[str, list[tuple[str, list[str]]]]:
    """Per language, (front matter, paragraphs) of each fixture; built-in paragraphs when none exist."""
    out: dict[str, list[tuple[str, list[str]]]] = {"ko": [], "en": []}
    files = sorted([*FIXTURES.glob("*.md"), *FIXTURES.glob("*.txt")]) if FIXTURES.is_dir() else []
    for f in files:
        text = f.read_text(encoding="utf-8").replace("\r\n", "\n")
        m = FRONT.match(text)
        front, body = (m.group(1), text[m.end():]) if m else ("", text)
        paras = [p.strip() for p in body.split("\n\n") if p.strip()]
        lang = "ko" if re.search(r"[\uac00-\ud7a3]", body) else "en"
        out[lang].append((front, paras))
    for lang, paras in BUILTIN.items():
        if not out[lang]:
            out[lang].append(("title: {}\ndate: 2025-10-31".format("실적" if lang == "ko" else "Results"), paras))
    return out


def jitter_number(tok: str, rng: random.Random) -> str:
    digits = tok.replace(",", "")
    if YEARISH.fullmatch(digits) or (len(digits) <= 2 and "." not in digits):
        return tok  # years, days, months and small counts stay put: bending them makes nonsense
    dec = len(digits.split(".")[1]) if "." in digits else 0
    val = float(digits) * (1 + rng.uniform(-0.05, 0.05))
    s = f"{val:,.{dec}f}" if "," in tok else f"{val:.{dec}f}"
    return s if s.replace(",", "").replace(".", "").strip("0") else tok


def jitter(text: str, rng: random.Random, rate: float) -> str:
    text = NUMBER.sub(lambda m: jitter_number(m.group(), rng) if rng.random() < rate else m.group(), text)
    if rng.random() < 0.15:
        for a, b in rng.sample(SWAPS, len(SWAPS)):
            if a in text:
                i = rng.choice([m.start() for m in re.finditer(re.escape(a), text)])
                return text[:i] + b + text[i + len(a):]
    return text


def shift_date(front: str, rng: random.Random) -> str:
    def move(m: re.Match) -> str:
        d = dt.date.fromisoformat(m.group(1)) + dt.timedelta(days=rng.randint(-3, 3))
        return f"date: {d.isoformat()}"
    return re.sub(r"^date:\s*(\d{4}-\d\d-\d\d)", move, front, count=1, flags=re.MULTILINE)


def article(i: int, seed: int, tpl: dict, size: int) -> tuple[str, str]:
    """Article i alone decides its text, so a smaller corpus is a prefix of a larger one."""
    rng = random.Random(f"{seed}:{i}")
    lang = "ko" if rng.random() < 0.6 else "en"
    front, base = rng.choice(tpl[lang])
    pool = [p for _, ps in tpl[lang] for p in ps]
    paras = list(base)
    target = size * rng.uniform(0.85, 1.15)
    while len("\n\n".join(paras).encode()) < target:
        paras.append(rng.choice(pool))
    body = jitter("\n\n".join(paras), rng, rate=rng.uniform(0.1, 0.3))
    head = f"---\n{shift_date(front, rng)}\n---\n\n" if front else ""
    return head + body + "\n", ".md" if front else ".txt"


def generate(out: Path, articles: int, seed: int, size: int = 6000, force: bool = False) -> Path:
    manifest = out / "corpus.json"
    want = {"articles": articles, "seed": seed, "size": size, "version": 1}
    if not force and manifest.is_file() and json.loads(manifest.read_text()) == want:
        return out  # already built with the same parameters
    tpl = load_templates()
    for old in out.glob("part*/a*"):
        old.unlink()  # a corpus built with other parameters: none of its files may linger
    total = 0
    for i in range(articles):
        text, ext = article(i, seed, tpl, size)
        folder = out / f"part{i // PER_FOLDER:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (folder / f"a{i:06d}{ext}").write_bytes(data)
        total += len(data)
    manifest.write_text(json.dumps(want) + "\n")
    print(f"wrote {articles} articles, {total / 1e6:.1f} MB, under {out}", file=sys.stderr)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path, help="folder to write (subfolders of 500 articles)")
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--size", type=int, default=6000, help="approximate bytes per article")
    ap.add_argument("--force", action="store_true", help="rewrite even if the folder already matches")
    a = ap.parse_args(argv)
    if any(a.out.glob("part*/a*")) and not (a.out / "corpus.json").is_file() and not a.force:
        ap.error(f"{a.out} holds files not made by this script; use --force or another folder")
    generate(a.out, a.articles, a.seed, a.size, a.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
