"""A cached word index of a sentence: start offsets and lower-cased words. Checking words
against sets is far cheaper than running large regex alternations at every position."""
from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[\w$\u20ac\u00a3\u00a5\u058f](?:[\w'\u2019-]*\w)?")


@lru_cache(maxsize=2048)
def word_index(text: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """(starts, lowered words) of the words of a sentence."""
    found = list(_WORD.finditer(text))
    if not found:
        return (), ()
    # Words contain no spaces, so one lower() over the joined words splits back exactly.
    words = " ".join(map(_GROUP, found)).lower().split(" ")
    return tuple(map(_START, found)), tuple(words)


_GROUP = re.Match.group
_START = re.Match.start
