"""What a suffix or a currency mark makes of a number: its kind, its unit, and English scale factors."""
from __future__ import annotations

ESCALES = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "million": 1e6,
           "mn": 1e6, "mln": 1e6, "m": 1e6, "mm": 1e6, "t": 1e12, "thousand": 1e3, "k": 1e3,
           "crore": 1e7, "crores": 1e7, "cr": 1e7, "lakh": 1e5, "lakhs": 1e5, "lakh crore": 1e12, "lakh crores": 1e12}
CURRENCIES = {
    "$": "USD", "us$": "USD", "usd": "USD", "달러": "USD", "dollar": "USD", "dollars": "USD", "cent": "USD", "cents": "USD", "¢": "USD",
    "hk$": "HKD", "hkd": "HKD", "홍콩달러": "HKD", "nt$": "TWD", "twd": "TWD", "대만달러": "TWD",
    "c$": "CAD", "a$": "AUD", "s$": "SGD",
    # ("6.92 billion Australian dollars": a dollar named by its country)
    "australiandollar": "AUD", "australiandollars": "AUD", "canadiandollar": "CAD", "canadiandollars": "CAD",
    "hongkongdollar": "HKD", "hongkongdollars": "HKD", "singaporedollar": "SGD", "singaporedollars": "SGD",
    "usdollar": "USD", "usdollars": "USD", "u.s.dollar": "USD", "u.s.dollars": "USD",
    "uscent": "USD", "uscents": "USD", "u.s.cent": "USD", "u.s.cents": "USD", "australiancent": "AUD", "australiancents": "AUD",
    "canadiancent": "CAD", "canadiancents": "CAD",
    "€": "EUR", "eur": "EUR", "유로": "EUR", "euro": "EUR", "euros": "EUR",
    "£": "GBP", "gbp": "GBP", "p": "GBP", "pence": "GBP", "파운드": "GBP", "pound": "GBP", "pounds": "GBP",
    "¥": "JPY", "jpy": "JPY", "엔": "JPY", "엔화": "JPY", "yen": "JPY",
    "₹": "INR", "rs": "INR", "rs.": "INR", "inr": "INR", "rupee": "INR", "rupees": "INR",
    "₩": "KRW", "krw": "KRW", "원": "KRW", "won": "KRW",
    "chf": "CHF", "swissfranc": "CHF", "swissfrancs": "CHF", "franc": "CHF", "francs": "CHF", "스위스프랑": "CHF", "프랑": "CHF",
    "dkk": "DKK", "danishkroner": "DKK", "kroner": "DKK", "sek": "SEK", "swedishkronor": "SEK", "kronor": "SEK",
    "danishcrown": "DKK", "danishcrowns": "DKK", "swedishcrown": "SEK", "swedishcrowns": "SEK", "crown": "DKK", "crowns": "DKK",
    "nok": "NOK", "norwegiancrown": "NOK", "norwegiancrowns": "NOK", "norwegiankroner": "NOK",
    "위안": "CNY", "위안화": "CNY", "cny": "CNY", "rmb": "CNY", "yuan": "CNY", "renminbi": "CNY",
}
TIME_WORDS = {"년", "개월", "달", "주일", "주", "일", "시간", "분기", "반기", "월", "year", "years", "month",
              "months", "week", "weeks", "day", "days", "quarter", "quarters", "hour", "hours"}


def classify(suffix: str) -> tuple[str, str | None]:
    """Kind and unit a suffix gives its number; a counter word the lists do not name is still a count."""
    s = suffix.strip().lower().replace(" ", "")
    if not s:
        return "plain", None
    if s.startswith(("bp", "basis", "베이시스")):
        return "bp", "pp"
    if s in ("%p", "pp", "ppt", "%포인트", "퍼센트포인트", "%p(포인트)", "%p(퍼센트포인트)") or s.startswith("percentagepoint"):
        return "pp", "pp"
    if s in ("%", "퍼센트", "percent", "pct"):
        return "percent", "%"
    if s in CURRENCIES:
        return "money", CURRENCIES[s]
    if s in TIME_WORDS:
        return "time", None
    if s in ("위", "등"):
        return "rank", None
    if s in ("배", "x"):
        return "multiple", None
    return "count", "count"
