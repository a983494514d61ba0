"""A cached word index of a sentence: start offsets and lower-cased words. Checking words
against sets is far cheaper than running large regex alternations at every position."""
from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[\w$\u20ac\u00a3\u00a5](?:[\w'\u2019-]*\w)?")


@lru_cache(maxsize=512)
def word_index(text: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """(starts, lowered words) of the words of a sentence."""
    starts = []
    words = []
    for m in _WORD.finditer(text):
        starts.append(m.start())
        words.append(m.group().lower())
    return tuple(starts), tuple(words)
