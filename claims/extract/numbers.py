"""Numbers written in digits or words: '2,000', '1.6 thousand', 'two', 'a dozen', 'forty-five'."""
from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "b": 1_000_000_000, "mn": 1_000_000, "mil": 1_000_000,
          "m": 1_000_000, "k": 1_000,
          "crore": 10_000_000, "crores": 10_000_000, "lakh": 100_000, "lakhs": 100_000}
# Vague plurals: the smallest count the word allows ("dozens" = at least 24).
VAGUE = {"several dozen": 36, "a few dozen": 24, "several hundred": 300, "a few hundred": 200,
         "several thousand": 3_000, "a few thousand": 2_000, "several million": 3_000_000, "a few million": 2_000_000,
         "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "tens of thousands": 20_000,
         "hundreds of thousands": 200_000, "tens of millions": 20_000_000, "hundreds of millions": 200_000_000,
         "tens of billions": 20_000_000_000, "hundreds of billions": 200_000_000_000,
         "millions": 2_000_000, "billions": 2_000_000_000}

_WORD_NUMBER = (r"(?:(?:" + "|".join(TENS) + r")(?:[-\s](?:" + "|".join(k for k in UNITS if k != "zero") + r"))?"
                r"|" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")")
# Thousands are grouped by commas, or by spaces ("3 400", South African and French style).
# A decimal comma before a scale word: "US$2,3 million" (Zimbabwe, much of Europe).
DIGITS = (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d|,\d|\.\d)"
          r"|\d{1,3},\d{1,2}(?=\s?(?:million|billion|trillion|bn|m|mil)\b|\s?%|\s(?:per\s?cent|percent)\b|"
          r"\s?(?:degrees\b|\u00b0))"
          # cents after a decimal comma, written onto a currency sign: "up from US$3,50" (Zimbabwe)
          r"|(?<=[$\u20ac\u00a3])\d{1,3},\d\d(?![\d,])"
          r"|\d+(?:\.\d+)?")  # ("45,3 degrees" too)
# A number: digits or words, with an optional scale word ("2.5 million", "a dozen", "two dozen");
# "m" for million only written onto the digits ("40 m" apart is forty metres).
NUMBER = (r"(?:(?:" + DIGITS + r"|" + _WORD_NUMBER + r"|a|an)(?:\s*|-)(?:dozen|hundred|thousand|million|billion|trillion|bn|mn|mil|crores?|lakhs?)\b"
          r"(?:\s+(?:" + _WORD_NUMBER + r"))?"
          r"|(?:" + DIGITS + r")(?:m\b|\s?(?:bn|k)\b|b\b)?"
          r"|" + _WORD_NUMBER + r")")
# NUMBER where the text starts with a digit: the same alternatives in the same order, without
# the ones that start with a letter (they cannot match there).
NUMBER_AT_DIGIT = (r"(?:(?:" + DIGITS + r")(?:\s*|-)(?:dozen|hundred|thousand|million|billion|trillion|bn|mn|mil|crores?|lakhs?)\b"
                   r"(?:\s+(?:" + _WORD_NUMBER + r"))?"
                   r"|(?:" + DIGITS + r")(?:m\b|\s?(?:bn|k)\b|b\b)?)")
NUMBER_RE = re.compile(r"^(?:" + NUMBER + r")$", re.IGNORECASE)
_DIGITS_THEN_REST = re.compile(r"^(" + DIGITS + r")\s*(.*)$")
_WORD_SPLIT = re.compile(r"[\s-]+")
_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")


def parse_number(text: str) -> float | None:
    """The value of a number phrase, or None when it is not one."""
    t = text.strip().lower().replace("\u00a0", " ")
    if not t:
        return None
    if t.isdigit() and t.isascii():
        return float(t)  # the common case: plain digits
    if t in VAGUE:
        return float(VAGUE[t])
    if _DECIMAL_COMMA.fullmatch(t):
        return float(t.replace(",", "."))  # "6,5" (per cent), read only where a scale or % follows it
    m = _DIGITS_THEN_REST.match(t)
    if m:
        digits = m.group(1)
        if _DECIMAL_COMMA.fullmatch(digits):
            digits = digits.replace(",", ".")
        value = float(digits.replace(",", "").replace(" ", "").replace("\u202f", ""))
        rest = m.group(2).strip().lstrip("-")  # "5-million"
        return _apply_scales(value, rest)
    parts = _WORD_SPLIT.split(t)
    value = 0.0
    current = 0.0
    seen = False
    for part in parts:
        if part in ("a", "an"):
            current = 1
            seen = True
        elif part in UNITS:
            current += UNITS[part]
            seen = True
        elif part in TENS:
            current += TENS[part]
            seen = True
        elif part == "dozen":
            current = (current or 1) * 12
            seen = True
        elif part == "hundred":
            current = (current or 1) * 100
            seen = True
        elif part in SCALES and seen:
            value += (current or 1) * SCALES[part]
            current = 0
        elif part == "and":
            continue
        else:
            return None
    return value + current if seen else None


def _apply_scales(value: float, rest: str) -> float | None:
    if not rest:
        return value
    words = rest.split()
    for word in words:
        if word == "dozen":
            value *= 12
        elif word in SCALES:
            # "8.2 billion" is 8200000000, not 8199999999.999999: drop the binary fraction's error
            value = float(f"{value * SCALES[word]:.15g}")
        else:
            extra = parse_number(" ".join(words[words.index(word):]))
            return value + extra if extra is not None else None
    return value


def tidy(value: float) -> int | float:
    """Whole numbers as int, others as float rounded to 6 places."""
    if value == int(value):
        return int(value)
    return round(value, 6)
