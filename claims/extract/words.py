"""A cached word index of a sentence: start offsets and lower-cased words. Checking words
against sets is far cheaper than running large regex alternations at every position."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate

_WORD = re.compile(r"[\w$\u20ac\u00a3\u00a5](?:[\w'\u2019-]*\w)?")


_SPACED_WORD = re.compile(r"([^\w$\u20ac\u00a3\u00a5]*)(" + _WORD.pattern + ")")


@lru_cache(maxsize=2048)
def word_index(text: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """(starts, lowered words) of the words of a sentence."""
    pairs = _SPACED_WORD.findall(text)  # one C call: every word with the gap before it
    if not pairs:
        return (), ()
    ends = accumulate([len(gap) + len(word) for gap, word in pairs])
    starts = [end - len(word) for end, (_gap, word) in zip(ends, pairs)]
    # Words contain no spaces, so one lower() over the joined words splits back exactly.
    words = " ".join([word for _gap, word in pairs]).lower().split(" ")
    return tuple(starts), tuple(words)
