"""Korean spelling facts the grammar leans on: which particle a syllable takes."""
from __future__ import annotations

FIRST, LAST = 0xAC00, 0xD7A3  # the precomposed Hangul syllables
FINAL_N, FINAL_L = 4, 8  # the final consonants ㄴ and ㄹ, counted as the syllable block counts its finals


def closing_on(final: int) -> str:
    """Every precomposed syllable that closes on the given final, as one string for a regex character class: ㄹ makes a
    verb's future adnominal ("할", "줄어들", "받을"), ㄴ its past one ("한", "밝힌")."""
    return "".join(chr(FIRST + 28 * i + final) for i in range(19 * 21))


def closed(syllable: str) -> bool:
    """Whether a Hangul syllable ends in a consonant (받침): "진" yes, "레" no."""
    code = ord(syllable)
    return FIRST <= code <= LAST and (code - FIRST) % 28 != 0


def particle_fits(stem: str, particle: str) -> bool:
    """Whether `particle` can follow `stem`: 이/은/을 follow a closed syllable and 가/는/를 an open one, so in
    "디스플레이" the last 이 is the name's own and in "선박엔진이" it is the subject's mark."""
    if not stem or not particle:
        return False
    if particle in ("이", "은", "을"):
        return closed(stem[-1])
    if particle in ("가", "는", "를"):
        return not closed(stem[-1]) and FIRST <= ord(stem[-1]) <= LAST
    return True  # 도, 의, 에서 … follow either
